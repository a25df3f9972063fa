"""The repository keeps `harness/`, `sandboxes/` and `generators/` at the top level (see
DESIGN.md) while the import name is `codevet.*`; this maps the folders onto the package."""
from setuptools import find_packages, setup

ROOTS = ("harness", "sandboxes", "generators")

packages = ["codevet"]
package_dir = {"codevet": "codevet"}
for root in ROOTS:
    packages.append(f"codevet.{root}")
    packages += [f"codevet.{root}.{sub}" for sub in find_packages(root)]
    package_dir[f"codevet.{root}"] = root

setup(
    packages=packages,
    package_dir=package_dir,
    package_data={"": ["*.h", "*.json", "*.txt", "*.html", "*.js", "*.md", "*.tmpl"]},
    include_package_data=True,
)

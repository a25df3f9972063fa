"""--python-packages: an installed package folder reaches the examples (read-only, even
under /tmp, where each example's own tmpfs would otherwise hide it); without it the report
names the missing package; a list that was never installed stops the sandbox before any
example runs, naming the setup command. The folder here is laid out as `codevet setup`
leaves it (pip --target plus the marker), with a module of our own instead of a download."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codevet.core.errors import UnavailableError
from codevet.core.model import Candidate, Status, TestCase, TestSpec
from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.python.packages import MARKER, packages_dir

CODE = "import cvpkg_demo\nprint(cvpkg_demo.answer())\nopen(cvpkg_demo.__file__, 'a')\n"


def _cand() -> Candidate:
    return Candidate(id="p", source="t", code=CODE, tests=TestSpec((TestCase("run", input="", name="runs"),)))


@pytest.fixture()
def installed(tmp_path_factory, monkeypatch) -> Path:
    root = Path("/tmp") / f"codevet-pkgtest-{tmp_path_factory.getbasetemp().name}"  # under /tmp on purpose
    monkeypatch.setenv("CODEVET_DATA_DIR", str(root))
    target = packages_dir(["cvpkg_demo"])
    target.mkdir(parents=True, exist_ok=True)
    (target / "cvpkg_demo.py").write_text("def answer():\n    return 42\n")
    (target / MARKER).write_text(json.dumps({"packages": ["cvpkg_demo"]}))
    for p in [root, *root.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    yield target
    import shutil
    shutil.rmtree(root, ignore_errors=True)


def test_installed_packages_are_importable_and_read_only(installed: Path) -> None:
    opts = SandboxOptions().with_option("python.packages", "cvpkg_demo")
    with create_sandbox("python", opts, jobs=1) as sb:
        verdict = sb.verify(_cand())
    # it imported and printed 42, then could not write into the package folder
    assert (verdict.status, verdict.reason) == (Status.FAIL, "runtime-error"), verdict.checks
    assert "42" in verdict.artifacts["output"]
    assert "Read-only file system" in verdict.artifacts["output"] or "Permission denied" in verdict.artifacts["output"]


def test_without_the_option_the_report_names_the_missing_package(installed: Path) -> None:
    with create_sandbox("python", SandboxOptions(), jobs=1) as sb:
        verdict = sb.verify(_cand())
    assert (verdict.status, verdict.reason, verdict.artifacts["needs"]) == (Status.ERROR, "missing-package",
                                                                            "missing-package cvpkg_demo")


def test_packages_never_installed_stop_the_sandbox_with_the_setup_command(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CODEVET_DATA_DIR", str(tmp_path))
    with pytest.raises(UnavailableError, match="codevet setup --lang python --python-packages numpy,pandas"):
        create_sandbox("python", SandboxOptions().with_option("python.packages", "pandas, numpy"), jobs=1)

"""`codevet setup`: install what the sandboxes need on this machine, and skip what is there.

An installed package (`pip install codevet[...]`) has everything Python; the rest comes
from the machine: Debian packages (bubblewrap, Chromium, the MIPS toolchain) and three.js
from npm. `make run` and `make test` call this same step, so a checkout and an installed
package are set up the same way.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

from codevet.core.errors import UnavailableError
from codevet.core.paths import data_dir
from codevet.sandboxes.requires import COMMON, REQUIREMENTS


@dataclass
class SetupReport:
    installed: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # could not install: what and how


def missing_debian(languages: list[str]) -> dict[str, str]:
    """Debian package -> the command it provides, for commands not on PATH."""
    wanted: dict[str, str] = {}
    for req in [COMMON] + [REQUIREMENTS[lang] for lang in languages if lang in REQUIREMENTS]:
        for command, package in req.debian.items():
            if shutil.which(command) is None:
                wanted.setdefault(package, command)
    return wanted


def _apt_prefix() -> list[str] | None:
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def install_debian(packages: list[str], log: Callable[[str], None]) -> None:
    prefix = _apt_prefix()
    if prefix is None:
        raise UnavailableError("not root and no password-less sudo: install them with "
                               f"`sudo apt-get install {' '.join(packages)}`")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log(f"installing Debian packages: {' '.join(packages)}")
    wait = ["-o", "DPkg::Lock::Timeout=600"]  # another apt-get (or a second setup) holds the lock: wait
    for argv in (prefix + ["apt-get", *wait, "update", "-qq"],
                 prefix + ["apt-get", *wait, "install", "-y", "-qq", "--no-install-recommends", *packages]):
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise UnavailableError(f"{' '.join(argv)} failed: {done.stderr.strip()[-500:]}")


def npm_installed(target: Path, package_json: dict) -> bool:
    """Every pinned dependency is in target/node_modules at exactly its pinned version."""
    for name, version in (package_json.get("dependencies") or {}).items():
        try:
            found = json.loads((target / "node_modules" / name / "package.json").read_text())["version"]
        except (OSError, ValueError, KeyError):
            return False
        if found != version.rpartition("@")[2]:  # "0.187.0", or an alias "npm:three@0.128.0"
            return False
    return True


# Which older three.js releases `codevet setup` installs for pinned pages (replaces the
# shipped list in sandboxes/threejs/pinned/package.json), e.g. "0.128.0,0.150.1".
THREE_VERSIONS_ENV = "CODEVET_THREE_VERSIONS"


def _configured(language: str, folder: str, package_json: dict) -> dict:
    wanted = os.environ.get(THREE_VERSIONS_ENV, "").strip()
    if language != "threejs" or folder != "pinned" or not wanted:
        return package_json
    versions = [v.strip().lstrip("r") for v in wanted.split(",") if v.strip()]
    deps = {f"three-{v}": f"npm:three@{v}" for v in versions}
    return {**package_json, "dependencies": deps}


def install_npm(language: str, folder: str, target: Path, log: Callable[[str], None]) -> bool:
    """Install the pinned package.json of sandboxes/<language>/<folder> into `target`.
    Returns False when it was already there."""
    source = resources.files(f"codevet.sandboxes.{language}") / folder
    package_json = _configured(language, folder, json.loads((source / "package.json").read_text()))
    if npm_installed(target, package_json):
        return False
    if shutil.which("npm") is None:
        raise UnavailableError("npm is missing (apt-get install npm)")
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        if (source / name).is_file():
            (target / name).write_bytes((source / name).read_bytes())
    if package_json.get("dependencies") != json.loads((source / "package.json").read_text()).get("dependencies"):
        (target / "package.json").write_text(json.dumps(package_json, indent=2))  # the configured list
        (target / "package-lock.json").unlink(missing_ok=True)
    deps = ", ".join(f"{k}@{v}" for k, v in package_json.get("dependencies", {}).items())
    log(f"installing {deps} from npm into {target}")
    done = subprocess.run(["npm", "install", "--prefix", str(target), "--no-audit", "--no-fund",
                           "--loglevel=error"], capture_output=True, text=True)
    if done.returncode != 0:
        raise UnavailableError(f"npm install failed: {done.stderr.strip()[-500:]}")
    return True


def setup(languages: list[str], system: bool = True, log: Callable[[str], None] = print) -> SetupReport:
    """Install what `languages` need; a part that cannot be installed is reported, and the
    rest still goes ahead (one missing toolchain should not stop the others)."""
    report = SetupReport()
    wanted = missing_debian(languages)
    if wanted and system:
        try:
            install_debian(sorted(wanted), log)
            report.installed += sorted(wanted)
        except UnavailableError as exc:
            report.missing.append(f"Debian packages {', '.join(sorted(wanted))}: {exc}")
    elif wanted:
        report.missing.append(f"Debian packages {', '.join(sorted(wanted))} (commands "
                              f"{', '.join(sorted(wanted.values()))} not found)")
    for lang in languages:
        req = REQUIREMENTS.get(lang, COMMON)
        owner = req.npm_owner or lang  # typescript's compiler lives with the polyglot sandboxes
        for folder in req.npm:
            target = data_dir() / owner / folder
            if any(f"{owner} npm packages in {target}" in done for done in report.installed + report.present):
                continue
            try:
                (report.installed if install_npm(owner, folder, target, log) else report.present).append(
                    f"{owner} npm packages in {target}")
            except UnavailableError as exc:
                report.missing.append(f"{lang} npm packages: {exc}")
    return report

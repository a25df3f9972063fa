"""`python tests/fake_cli.py LANG[,LANG] codevet-args...`: the real command line with the
in-memory fake sandbox (tests/fakes.py) registered for the named languages, so generator
tests exercise the CLI, the SDK and the emulator without paying for real sandboxes.

The fake's rule is tests/fakes.by_marker: code containing FAIL fails `wrong`, ERROR is an
error, SHOT attaches a screenshot; anything else that parses as Python passes."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from codevet.core.model import Candidate, Check, Verdict  # noqa: E402
from fakes import by_marker, install  # noqa: E402


def any_text(candidate: Candidate) -> Verdict:
    """by_marker for code that is not Python (three.js, OoT C): only the markers count."""
    code = candidate.code or ""
    if "ERROR" in code:
        return Verdict.error("flaky-toolchain", "the fake toolchain did not answer", check="run")
    passed = "FAIL" not in code
    return Verdict.from_checks([Check("runs", passed, "" if passed else "the code says FAIL")],
                               reason=None if passed else "wrong",
                               files={"screenshot.png": b"\x89PNG fake" * 200} if "SHOT" in code else {})


if __name__ == "__main__":
    for language in sys.argv[1].split(","):
        install(language, by_marker if language == "python" else any_text)
    sys.argv = ["codevet", *sys.argv[2:]]
    from codevet.harness.cli import main

    main()

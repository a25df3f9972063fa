"""One block's ladder: parse -> compile -> run in one isolated command, then the verdict
from the evidence (the stage that stopped, the diagnostics, the program's own output).

Levels: `parses` (the code is well-formed), `compiles` (a compiler accepted it, types and
names included), `runs` (a complete program ran to a zero exit on the `input` field).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from codevet.core.model import Check
from codevet.sandboxes.isolation import Limits, RunResult, run_isolated
from codevet.sandboxes.polyglot import diagnostics
from codevet.sandboxes.polyglot.programs import Program
from codevet.sandboxes.polyglot.toolchains import ENV, Steps

LEVELS = ("", "parses", "compiles", "runs")
# PHP functions that come from extensions (databases, HTTP, images) a plain `php -n` has not
_PHP_EXTENSION = re.compile(r"(?:pg|mysqli|mysql|oci|sqlsrv|sqlite|mongo|curl|ftp|ldap|imap|image|gd|mb|iconv|intl|"
                            r"bc|gmp|xml|xmlrpc|soap|zip|gz|bz|openssl|sodium|redis|memcache|apcu)_\w+$", re.IGNORECASE)
STAGE_FILE = ".codevet-stage"


@dataclass
class Outcome:
    """What one block reached. `status` is pass / fail / error; `reason` names a non-pass."""

    language: str
    status: str
    level: str
    reason: str | None = None
    checks: list[Check] = field(default_factory=list)
    detail: dict = field(default_factory=dict)


def script(st: Steps, run: bool) -> str:
    """The shell script of the ladder. The stage reached is written to a file the
    program cannot confuse with its own exit status."""
    lines = ["set -u"]
    if st.parse:
        lines.append(f"( {st.parse} ) >.parse.out 2>&1 || {{ echo parse > {STAGE_FILE}; exit 0; }}")
    if st.compile:
        lines.append(f"( {st.compile} ) >.compile.out 2>&1 || {{ echo compile > {STAGE_FILE}; exit 0; }}")
    if run and st.run:
        lines.append(f"echo run > {STAGE_FILE}")
        lines.append(f"exec {st.run} < .stdin")
    else:
        lines.append(f"echo built > {STAGE_FILE}")
    return "\n".join(lines) + "\n"


def execute(st: Steps, program: Program, stdin: str, run: bool, limits: Limits, isolation: str,
            ro_paths: tuple[str, ...], env: dict[str, str], warm=None) -> RunResult:
    files: dict[str, str | bytes] = {**program.files, ".stdin": stdin, ".ladder.sh": script(st, run)}
    return run_isolated(["/bin/sh", ".ladder.sh"], files, limits, isolation, ro_paths=ro_paths,
                        collect=(STAGE_FILE, ".parse.out", ".compile.out"), env={**ENV, **env}, warm=warm)


def _text(b: bytes | None, limit: int = 1500) -> str:
    s = (b or b"").decode("utf-8", "replace").strip()
    return s if len(s) <= limit else s[:limit] + " ..."


@dataclass(frozen=True)
class Context:
    """Where the names a fragment uses may come from: the task's `input` (`arr = [3, 5]`)
    for anything, and the instruction for a variable ("checks if a number is even" ->
    `number`), never for a function the code calls (a misspelled call is a bug)."""

    stdin: str = ""
    instruction: str = ""

    def gives(self, name: str, code: str) -> bool:
        bare = name.split(".")[-1].split("::")[-1].lstrip("$")
        if not bare:
            return False
        word = re.compile(rf"(?<![\w$]){re.escape(bare)}(?!\w)")
        if word.search(self.stdin):
            return True
        called = re.search(rf"(?<![\w$]){re.escape(bare)}\s*\(", code) is not None
        return not called and word.search(self.instruction) is not None


def judge(language: str, program: Program, st: Steps, res: RunResult, context: Context, ran: bool) -> Outcome:
    stage = res.files.get(STAGE_FILE, b"").decode(errors="replace").strip()
    added = {"added": program.added} if program.added else {}
    if res.timed_out or res.output_truncated or not stage:
        where = {"": "while compiling", "run": "while running"}.get(stage, "")
        if res.output_truncated:
            return Outcome(language, "fail", "compiles" if stage == "run" else "", "output-limit",
                           [Check(f"{language}:run", False, "the output passed the sandbox's limit")], added)
        if res.timed_out:
            level = ("compiles" if st.compile else "parses") if stage == "run" else ""
            return Outcome(language, "fail", level, "timeout",
                           [Check(f"{language}:{'run' if stage == 'run' else 'compile'}", False,
                                  f"no result within {res.duration_s:.1f}s {where}".strip())], added)
        return Outcome(language, "error", "", "sandbox-crashed",
                       [Check(f"{language}:ladder", False, f"the ladder stopped before any stage "
                              f"(exit {res.returncode}): {_text(res.stderr)}")], added)
    if stage == "parse":
        out = _text(res.files.get(".parse.out"))
        return Outcome(language, "fail", "", "syntax-error", [Check(f"{language}:parse", False, out)], added)
    checks: list[Check] = []
    if st.parse:
        checks.append(Check(f"{language}:parse", True, "well-formed"))
    if stage == "compile":
        raw = res.files.get(".compile.out", b"").decode("utf-8", "replace")
        return _compile_failed(language, program, raw, context, checks, added)
    level = "parses"
    if st.compile:
        name = "shellcheck" if language == "shell" else "compile"
        checks.append(Check(f"{language}:{name}", True, "no errors" + (f" (added: {', '.join(program.added)})"
                                                                      if program.added else "")))
        level = "parses" if language == "shell" else "compiles"
    if stage == "built":
        return Outcome(language, "pass", level, None, checks, added)
    # stage == run
    if res.returncode == 0 and program.defines_only and not res.stdout.strip():
        checks.append(Check(f"{language}:run", True, "exit 0, but the code only defines names and calls nothing: "
                            f"running it proves no more than `{level}`"))
        return Outcome(language, "pass", level, None, checks, {**added, "defines_only": True})
    if res.returncode == 0:
        checks.append(Check(f"{language}:run", True, f"exit 0, {len(res.stdout)} bytes of output"))
        return Outcome(language, "pass", "runs", None, checks, {**added, "stdout": _text(res.stdout, 400)})
    err = _text(res.stderr) or _text(res.stdout)
    # php prints its fatal errors on stdout
    missing = diagnostics.runtime_name_error((res.stderr + b"\n" + res.stdout[-4000:]).decode("utf-8", "replace"))
    code = program.files[program.source]
    if missing and language == "php" and _PHP_EXTENSION.match(missing):
        checks.append(Check(f"{language}:run", True, f"not run to the end: {missing}() is a function of a PHP "
                            "extension (and a server) the sandbox does not have"))
        return Outcome(language, "pass", level, None, checks, {**added, "context_missing": [missing]})
    if missing and (context.gives(missing, code) or not program.whole):
        checks.append(Check(f"{language}:run", True, f"not run to the end: {missing!r} comes from the task's context"))
        return Outcome(language, "pass", level, None, checks, {**added, "context_missing": [missing]})
    if not missing and diagnostics.input_missing(_text(res.stderr, 4000) + _text(res.stdout, 2000), code):
        checks.append(Check(f"{language}:run", True, "not run to the end: the program reads input the task does not "
                            f"give in its shape ({err[:200]})"))
        return Outcome(language, "pass", level, None, checks, {**added, "input_missing": True})
    signal = f" (signal {res.signal})" if res.signal else ""
    checks.append(Check(f"{language}:run", False, f"exit {res.returncode}{signal}: {err}"))
    return Outcome(language, "fail", level, "undeclared-name" if missing else "runtime-error", checks, added)


def _compile_failed(language: str, program: Program, raw: str, context: Context, checks: list[Check],
                    added: dict) -> Outcome:
    text = raw.strip()[:1500]
    if language == "shell":
        checks.append(Check("shell:shellcheck", False, text))
        return Outcome(language, "fail", "parses", "shellcheck", checks, added)
    parse = diagnostics.PARSERS.get(language)
    diags = parse(raw) if parse else []
    kinds = {d.kind for d in diags}
    if not diags:
        if "Killed" in raw or "out of memory" in raw.lower() or "cannot allocate" in raw.lower():
            checks.append(Check(f"{language}:compile", False, "the compiler ran out of memory: " + text))
            return Outcome(language, "fail", "", "memory-limit", checks, added)
        checks.append(Check(f"{language}:compile", False, text or "the compiler failed without a message"))
        return Outcome(language, "fail", "", "compile-error", checks, added)
    first = {k: next(d.message for d in diags if d.kind == k) for k in kinds}
    if "syntax" in kinds:
        checks.append(Check(f"{language}:compile", False, "syntax: " + first["syntax"]))
        return Outcome(language, "fail", "", "syntax-error", checks, added)
    if "name" in kinds:
        names = sorted({d.name for d in diags if d.kind == "name" and d.name})
        code = program.files[program.source]
        from_context = bool(names) and all(context.stdin and context.gives(n, code) for n in names)
        if not program.whole or from_context:
            why = "a fragment" if not program.whole else "a program whose names come from the task"
            checks.append(Check(f"{language}:compile", True, f"{why}: well-formed, but needs {', '.join(names) or 'names'} "
                                f"it does not declare ({first['name']})"))
            return Outcome(language, "pass", "parses", None, checks, {**added, "context_missing": names})
        checks.append(Check(f"{language}:compile", False, "undeclared: " + first["name"]))
        return Outcome(language, "fail", "parses", "undeclared-name", checks, added)
    if "type" in kinds:
        checks.append(Check(f"{language}:compile", False, "type: " + first["type"]))
        return Outcome(language, "fail", "parses", "type-error", checks, added)
    checks.append(Check(f"{language}:compile", False, first.get("other", text)))
    return Outcome(language, "fail", "parses", "compile-error", checks, added)

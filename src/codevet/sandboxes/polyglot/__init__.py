"""The polyglot sandboxes: every language of an answer gets its own check.

One sandbox class per language name (`java`, `sql`, ... registered in sandboxes.BUILTIN),
all this same code. Why one per language and not one `polyglot` sandbox dispatching on a
detected language: the harness keys the report's `language`, the cache and the sandbox
that opens on `Candidate.language`, so the detected language is what the report says, a
Java verdict is cached as Java, and a run opens only the toolchains its input uses; a
Python answer found in a mixed set goes to the real Python sandbox. The `polyglot` name is
the catch-all for answers in which no supported language was found (`no-code`).

A candidate's `code` is its main block; `meta["blocks"]` (set by the adapter) holds every
block of the answer with its language, and each gets its own ladder (checks named
`<language>:<step>`), so an answer with HTML, CSS and JavaScript is checked three times.

Per block: parse -> compile -> run (see ladder.py), under the same isolation as the other
sandboxes (runner.run_isolated: bwrap by default; with `--isolation docker` each ladder is a
`docker exec` in a warm container of dockerfiles/polyglot.Dockerfile, which holds the same
Debian toolchains, scrubbed after every example). The level reached
is in `artifacts["level"]` (`parses`, `compiles`, `runs`) and per block in
`artifacts["blocks"]`. A missing toolchain is `error sandbox-unavailable` naming the Debian
package. Shell is parsed and shellchecked and never run unless `polyglot.run_shell`.

Options: `SandboxOptions.polyglot` (core/options.py).
"""
from __future__ import annotations

import json
import re
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codevet.core.model import Candidate, Check, Status, Verdict
from codevet.core.options import SandboxOptions
from codevet.core.paths import data_dir
from codevet.core.resources import package_dir
from codevet.sandboxes.base import Sandbox, source_version
from codevet.sandboxes.isolation import Limits, resolve_isolation, run_isolated
from codevet.sandboxes.polyglot import ladder, markup
from codevet.sandboxes.polyglot.programs import BUILDERS
from codevet.sandboxes.polyglot.toolchains import TOOLCHAINS, TSC_ENV, Steps, steps, system_which
from codevet.core import pyast

if TYPE_CHECKING:
    from codevet.sandboxes.isolation.docker import WarmContainers

HERE = package_dir(__name__)
MAX_CODE_CHARS = 200_000
_BROWSER_JS = re.compile(r"\b(?:document|window|localStorage|navigator)\.|\$\(\s*['\"\w]|\balert\s*\(|\bfetch\s*\(")
_SERVER_JS = re.compile(r"\brequire\(\s*['\"](?:express|http|mongoose|mysql|react|axios)['\"]\)|\.listen\(\s*\d")


def tsc_path() -> Path:
    """typescript's tsc, installed from npm by `codevet setup` (requires.py: npm folder `ts`)."""
    return data_dir() / "polyglot" / "ts" / "node_modules" / "typescript" / "lib" / "tsc.js"


def missing_toolchain(language: str, isolation: str = "") -> str:
    """Why `language` cannot be checked on this machine, naming what to install; "" if it can.
    Under docker the commands are the image's (built with all of them), not the host's."""
    tc = TOOLCHAINS.get(language)
    if tc is None:
        return f"no polyglot toolchain for {language!r}"
    gone = tc.missing() if isolation != "docker" else []
    if gone:
        pkgs = sorted({p for _, p in gone})
        return (f"{', '.join(c for c, _ in gone)} not found: apt-get install {' '.join(pkgs)} "
                f"(or `codevet setup {language}`)")
    if tc.npm == "typescript" and not tsc_path().is_file():
        return f"typescript is not installed in {tsc_path().parents[2]}: run `codevet setup typescript`"
    return ""


def _version(language: str) -> str:
    import subprocess

    tc = TOOLCHAINS.get(language)
    if tc is None or not tc.commands:
        return "python-" + ".".join(map(str, sys.version_info[:3]))
    cmd = next(iter(tc.commands))
    path = system_which(cmd)
    if not path:
        return "missing"
    flag = {"go": "version", "mcs": "--version", "javac": "-version", "gcc": "-dumpfullversion",
            "g++": "-dumpfullversion"}.get(cmd, "--version")
    try:
        out = subprocess.run([path, flag], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (out.stdout or out.stderr).strip().splitlines()[0][:120] if (out.stdout or out.stderr).strip() else "unknown"


class PolyglotSandbox(Sandbox):
    """The ladder for one language (subclasses below set `language`)."""

    language = "polyglot"
    isolation_backends = ("bwrap", "docker", "none")
    version = "1." + source_version(sorted(HERE.glob("*.py")))

    def __init__(self, options: SandboxOptions, jobs: int = 1) -> None:
        super().__init__(options, jobs)
        self.isolation = ""
        self.warm: WarmContainers | None = None  # docker: one running container per concurrent ladder
        self._lock = threading.Lock()

    def open(self) -> None:
        with self._lock:
            if self.isolation:
                return
            isolation = resolve_isolation(self.options.isolation)
            if isolation == "docker":
                from codevet.sandboxes.isolation.docker import WarmContainers, require_image
                from codevet.sandboxes.isolation.runner import WORKDIR

                # the longest limits (compiling): each exec gets its own, shorter, deadline
                self.warm = WarmContainers(require_image("polyglot"), self._limits(True), WORKDIR, scrub=True)
            self.isolation = isolation

    def close(self) -> None:
        """Only docker keeps something running between examples (its warm containers)."""
        with self._lock:
            warm, self.warm = self.warm, None
            self.isolation = ""
        if warm is not None:
            warm.close()

    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        return {"blocks": self._blocks(candidate), "stdin": self._stdin(candidate),
                "fragment": bool((candidate.meta or {}).get("fragment")),
                "context": [self._context(candidate).stdin, self._context(candidate).instruction],
                "polyglot": self.options.polyglot.model_dump(mode="json"),
                # with no block, the evidence decides between no-code (fail) and unsupported-language (error)
                "evidence": "" if self._blocks(candidate) else str((candidate.meta or {}).get("language_evidence", ""))}

    def environment(self) -> dict[str, Any]:
        if self.options.isolation == "docker":  # the toolchains are the image's: its tag hashes its pins
            from codevet.sandboxes.isolation.docker import image_ref

            return {"image": image_ref("polyglot")}
        langs = {b for b in TOOLCHAINS} if self.language == "polyglot" else {self.language}
        return {lang: _version(lang) for lang in sorted(langs)}

    @classmethod
    def doctor(cls) -> list[tuple[str, bool, str]]:
        langs = sorted(TOOLCHAINS) if cls.language == "polyglot" else [cls.language]
        rows = []
        for lang in langs:
            why = missing_toolchain(lang)
            cmds = ", ".join(TOOLCHAINS[lang].commands) or "codevet's Python (sqlglot, tinycss2)"
            rows.append((f"toolchain: {lang}", not why, why or f"{cmds} found"))
        return rows

    # candidates ------------------------------------------------------------------------

    def _blocks(self, candidate: Candidate) -> list[dict[str, str]]:
        blocks = (candidate.meta or {}).get("blocks")
        if isinstance(blocks, list) and blocks:
            return [{"language": str(b.get("language", "")), "code": str(b.get("code", ""))} for b in blocks
                    if isinstance(b, dict)]
        if candidate.code.strip() and self.language != "polyglot":
            return [{"language": self.language, "code": candidate.code}]
        return []

    @staticmethod
    def _stdin(candidate: Candidate) -> str:
        value = (candidate.meta or {}).get("stdin")
        return value if isinstance(value, str) else ""

    @staticmethod
    def _context(candidate: Candidate) -> ladder.Context:
        return ladder.Context(str((candidate.meta or {}).get("stdin") or ""), candidate.instruction or "")

    def verify(self, candidate: Candidate) -> Verdict:
        start = time.monotonic()
        try:
            self.open()
            verdict = self._verify(candidate)
        except Exception as exc:  # never let one answer take the run down
            verdict = Verdict.error("sandbox-crashed", f"{type(exc).__name__}: {str(exc)[:500]}")
        verdict.duration_s = time.monotonic() - start
        return verdict

    def _verify(self, candidate: Candidate) -> Verdict:
        blocks = self._blocks(candidate)
        evidence = (candidate.meta or {}).get("language_evidence", "")
        if not blocks and evidence.startswith("none by unsupported"):  # codevet cannot judge it: never a fail
            return Verdict(Status.ERROR, [Check("code", False, evidence)], reason="unsupported-language",
                           artifacts={"language": "", "level": ""})
        if not blocks:
            return Verdict.from_checks([Check("code", False, "no code in a language codevet checks"
                                              + (f" ({evidence})" if evidence else ""))], reason="no-code",
                                       artifacts={"language": "", "level": ""})
        fragment = bool((candidate.meta or {}).get("fragment"))
        outcomes = [self.check_block(b["language"], b["code"], self._stdin(candidate), self._context(candidate),
                                     fragment) for b in blocks]
        checks = [c for o in outcomes for c in o.checks]
        artifacts = {"language": blocks[0]["language"], "language_evidence": evidence,
                     "level": min((o.level for o in outcomes), key=ladder.LEVELS.index),
                     "blocks": [{"language": o.language, "status": o.status, "level": o.level, "reason": o.reason,
                                 **o.detail} for o in outcomes]}
        errors = [o for o in outcomes if o.status == "error"]
        fails = [o for o in outcomes if o.status == "fail"]
        if fails:
            return Verdict(Status.FAIL, checks, reason=fails[0].reason, artifacts=artifacts)
        if errors:
            return Verdict(Status.ERROR, checks, reason=errors[0].reason, artifacts=artifacts)
        return Verdict(Status.PASS, checks, artifacts=artifacts)

    def check_block(self, language: str, code: str, stdin: str, context: ladder.Context, fragment: bool = False) -> ladder.Outcome:
        """The ladder of one block of `language`."""
        if len(code) > MAX_CODE_CHARS:
            return ladder.Outcome(language, "fail", "", "too-large",
                                  [Check(f"{language}:code", False, f"{len(code)} characters, more than {MAX_CODE_CHARS}")])
        if language == "python":
            return self._python(code)
        why = missing_toolchain(language, self.isolation)
        if why:
            return ladder.Outcome(language, "error", "", "sandbox-unavailable", [Check(f"{language}:toolchain", False, why)])
        if language in ("html", "css"):
            ok, detail = (markup.check_html if language == "html" else markup.check_css)(code)
            return ladder.Outcome(language, "pass" if ok else "fail", "parses" if ok else "",
                                  None if ok else "syntax-error", [Check(f"{language}:parse", ok, detail)])
        if language == "sql":
            return self._sql(code)
        program = BUILDERS[language](code)
        if fragment:  # the record says this is a piece of a program (one function): never whole, never run
            program.whole = False
        st = steps(language, program)
        run = program.runnable and not fragment and self._may_run(language, code)
        env, ro = {}, ()
        if language == "typescript" or program.jsx:
            if not tsc_path().is_file():
                return ladder.Outcome(language, "error", "", "sandbox-unavailable",
                                      [Check(f"{language}:toolchain", False, "JSX is parsed by typescript, which is not "
                                             f"installed in {tsc_path().parents[2]}: run `codevet setup typescript`")])
            env, ro = {TSC_ENV: str(tsc_path())}, (str(tsc_path().parents[2]),)
        res = ladder.execute(st, program, stdin, run, self._limits(bool(st.compile) or program.jsx), self.isolation, ro, env,
                             self.warm)
        out = ladder.judge(language, program, st, res, context, run)
        if not run and out.status == "pass" and program.runnable:
            out.detail["not_run"] = "a fragment (one function)" if fragment else self._why_not_run(language, code)
        return out

    def _may_run(self, language: str, code: str) -> bool:
        if language == "shell":
            return self.options.polyglot.run_shell
        if language in ("javascript", "typescript"):
            return not (_BROWSER_JS.search(code) or _SERVER_JS.search(code))
        return self.options.polyglot.run

    def _why_not_run(self, language: str, code: str) -> str:
        if language == "shell":
            return "shell is never run unless polyglot.run_shell is on"
        if language in ("javascript", "typescript") and (_BROWSER_JS.search(code) or _SERVER_JS.search(code)):
            return "browser or server code: it needs a page or a network"
        return "polyglot.run is off"

    def _limits(self, compiles: bool) -> Limits:
        o = self.options
        wall = float(o.timeout_s) + (o.polyglot.compile_timeout_s if compiles else 0.0)
        return Limits(wall_s=wall, cpu_s=max(1, int(wall) + 1), memory_mb=max(o.memory_mb, o.polyglot.memory_mb),
                      processes=max(32, o.max_processes), file_mb=max(o.max_file_mb, 64),
                      output_bytes=o.max_output_bytes, workspace_mb=max(o.workspace_mb, 256))

    def _python(self, code: str) -> ladder.Outcome:
        """A Python block inside another language's answer: parsed here (ast runs nothing);
        a Python answer on its own goes to the Python sandbox."""
        try:
            pyast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            return ladder.Outcome("python", "fail", "", "syntax-error", [Check("python:parse", False, str(exc)[:500])])
        return ladder.Outcome("python", "pass", "parses", None, [Check("python:parse", True, "well-formed")])

    def _sql(self, code: str) -> ladder.Outcome:
        from codevet.sandboxes.polyglot.sql_runner import analyse

        parsed = analyse(code, run=False)  # sqlglot parses; nothing of the answer runs here
        if not parsed["parsed"] or not parsed["creates"]:
            return self._sql_outcome(parsed)
        runner = (HERE / "sql_runner.py").read_text()
        python = "python3" if self.isolation == "docker" else sys.executable  # the image's has sqlglot too
        res = run_isolated([python, "-I", "sql_runner.py"], {"prog.sql": code, "sql_runner.py": runner},
                           self._limits(False), self.isolation, warm=self.warm)
        try:
            report = json.loads(res.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
        except (ValueError, IndexError):
            if res.timed_out:
                return ladder.Outcome("sql", "fail", "", "timeout", [Check("sql:parse", False, "the parser did not finish")])
            return ladder.Outcome("sql", "error", "", "sandbox-crashed",
                                  [Check("sql:parse", False, res.stderr.decode("utf-8", "replace")[-500:])])
        return self._sql_outcome(report)

    @staticmethod
    def _sql_outcome(report: dict) -> ladder.Outcome:
        if not report["parsed"]:
            return ladder.Outcome("sql", "fail", "", "syntax-error", [Check("sql:parse", False, report["error"] or "")])
        checks = [Check("sql:parse", True, f"{report.get('statements', 0)} statements ({report['dialect']} dialect)")]
        detail = {"dialect": report["dialect"], "tables": report.get("tables", [])}
        if report.get("unknown_names"):  # `d2.id` with no table or alias d2 in the statement
            checks.append(Check("sql:names", False, "qualifiers naming no table or alias of the statement: "
                                + ", ".join(report["unknown_names"])))
            return ladder.Outcome("sql", "fail", "parses", "undeclared-name", checks, detail)
        if not report["creates"]:
            return ladder.Outcome("sql", "pass", "parses", None, checks,
                                  {**detail, "not_run": "uses tables the answer does not create"})
        if report["ran"]:
            checks.append(Check("sql:run", True, f"ran on an in-memory SQLite with tables {', '.join(report['creates'])}"))
            return ladder.Outcome("sql", "pass", "runs", None, checks, detail)
        err = report["run_error"] or ""
        missing = re.search(r"no such table: (\w+)", err)
        if missing and missing.group(1) not in report["creates"]:
            checks.append(Check("sql:run", True, f"not run to the end: table {missing.group(1)} is not given"))
            return ladder.Outcome("sql", "pass", "parses", None, checks, detail)
        if re.search(r"syntax error|no such function|not supported", err):  # a dialect SQLite lacks
            checks.append(Check("sql:run", True, f"not run on SQLite (dialect feature): {err}"))
            return ladder.Outcome("sql", "pass", "parses", None, checks, detail)
        checks.append(Check("sql:run", False, err))
        return ladder.Outcome("sql", "fail", "parses", "sql-error", checks, detail)


def _subclass(lang: str) -> type[PolyglotSandbox]:
    name = "".join(p.capitalize() for p in lang.split("_")) + "Sandbox"
    return type(name, (PolyglotSandbox,), {"language": lang, "__doc__": f"The polyglot ladder for {lang}."})


LANGUAGE_SANDBOXES: dict[str, type[PolyglotSandbox]] = {lang: _subclass(lang) for lang in TOOLCHAINS}
globals().update({cls.__name__: cls for cls in LANGUAGE_SANDBOXES.values()})

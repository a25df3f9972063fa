"""The OoT sandbox: keep only romhacking answers whose C really compiles for the N64
against the game's real API.

Per candidate (checks in this order, each a named Check; the verdict's reason is the
name given in brackets when it fails):

  code            C extracted from the answer's fenced blocks      [no-code | too-large (> 200 000 chars)]
  include-escape  no include/asset read outside the header set     [include-escape]
  era             the naming era, detected from the names used;     [wrong-era-name]
                  fails when gcc rejects a name of another era
  compile         mips-linux-gnu-gcc with the decomp's GCC flags;   [syntax | unknown-type | unknown-field |
                  every error classified from gcc's diagnostics      unknown-function | unknown-identifier |
                                                                     type-error | other | timeout | memory-limit]
  link            every function the object needs is a real one    [unknown-function]
  assemble        every ```asm/```mips block through mips-linux-gnu-as  [asm-error] (first, when present)

`context-missing` (an error that only comes from a struct the answer never shows, a name
local to its actor file that it does not show, a real game name or member the shipped headers
do not declare (game_names.txt, the user's own name index), or a constant of a header it includes but does not show), `needs-assets` (checkout mode: what only the
ROM's extracted assets would declare) and a compiler that cannot run give status `error`: the
harness could not decide. A passing `context` check and `artifacts.checked_against` say what
the answer was checked against (the shipped headers, or a checkout at a commit, in the context
of which actor file, what was replaced and added) and which names were assumed.

With a checkout (options.oot.decomp), an answer that touches an actor of the checkout is
compiled inside that actor's file (filecontext.py), with asset declarations generated from the
checkout's assets/xml (assets.py) and a prelude precompiled once per commit (checkout_cache.py);
the naming era is the checkout's.

No code: an answer without C fails `no-code` when code was asked for. It passes when
options.oot.allow_no_code is true, or when the record's type says prose is the answer
("code explanation", "architecture question", "conversational"), or, with no type, when
the instruction does not ask for code (no "write/implement/add/fix/modify/create/show
... code" verb). Debugging help, feature implementation and code modification need code.

Options: `SandboxOptions.oot` (core/options.py: decomp checkout and its version, toolchain
prefix, allow_no_code, precompiled headers on or off, the naming era required with the shipped
headers).
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codevet.core.resources import package_dir
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Check, Status, Verdict
from codevet.sandboxes.base import Sandbox, source_version
from codevet.sandboxes.isolation import resolve_isolation
from codevet.sandboxes.oot import checkout_cache
from codevet.sandboxes.oot import decomp as decomp_mod
from codevet.sandboxes.oot.filecontext import actor_struct, choose_file, splice
from codevet.sandboxes.oot.compile import limits_for, run_compile
from codevet.sandboxes.oot.diagnostics import Diagnostic, cascade_undecidable, mark_needs_assets, parse
from codevet.sandboxes.isolation.runner import sandbox_start_failure
from codevet.sandboxes.oot.era import ERA_LABELS, detect_era
from codevet.sandboxes.oot.extract import blank_comments_and_strings, code_for
from codevet.sandboxes.oot.headers import (CHECK_FLAGS, DEFAULT_PREFIX, DEFINES, INCLUDE_DIR, TARGET_FLAGS,
                                           HeaderSet, compiler, compiler_version, known_header_names,
                                           prepare_headers)
from codevet.sandboxes.oot.includes import check_includes
from codevet.sandboxes.oot.locality import (entrance_of_declared_scene, file_local_predicate, game_functions, game_names,
                                            game_names_file, unshown_header_predicate)
from codevet.sandboxes.oot.symbols import decomp_symbols, header_functions, link_check, shipped_symbols
from codevet.sandboxes.oot.wrap import build_unit, fragment_wrapper, split_items

if TYPE_CHECKING:
    from codevet.sandboxes.isolation.docker import WarmContainers

HERE = package_dir(__name__)
MAX_CODE_CHARS = 200_000
PROSE_TYPES = ("explanation", "architecture", "conversational", "conversation", "chat", "question")
CODE_TYPES = ("implementation", "modification", "debug", "fix", "feature", "refactor")
_ASKS_FOR_CODE = re.compile(r"\b(write|implement|add|fix|modify|change|create|make|update|refactor|convert|rewrite|"
                            r"code|show me|give me|port|patch)\b", re.IGNORECASE)


def _source_hash() -> str:
    index = [game_names_file()] if game_names_file().is_file() else []  # the user's own name index
    return source_version(sorted(HERE.glob("*.py")) + [HERE / "symbols.txt"] + index + sorted(INCLUDE_DIR.rglob("*.h")))


def record_type(candidate: Candidate) -> str:
    """The answer's type as the adapter found it (`meta["type"]`); the sandbox never reads
    the raw record."""
    value = (candidate.meta or {}).get("type")
    if isinstance(value, str) and value.strip():
        return value.strip().lower().replace("_", " ").replace("-", " ")
    return ""


def code_expected(candidate: Candidate) -> tuple[bool, str]:
    kind = record_type(candidate)
    if kind:
        if any(w in kind for w in CODE_TYPES):
            return True, f"type {kind!r} asks for code"
        if any(w in kind for w in PROSE_TYPES):
            return False, f"type {kind!r}: prose is a complete answer"
    if _ASKS_FOR_CODE.search(candidate.instruction or ""):
        return True, "the instruction asks for code"
    return False, "the instruction does not ask for code"


class OoTSandbox(Sandbox):
    language = "oot"
    isolation_backends = ("bwrap", "docker", "none")
    version = "1." + _source_hash()

    def __init__(self, options: SandboxOptions, jobs: int = 1) -> None:
        super().__init__(options, jobs)
        opts = options.oot
        self.prefix = opts.prefix or DEFAULT_PREFIX
        self.decomp_path = str(opts.decomp) if opts.decomp else ""
        self.decomp_version = opts.version
        self.allow_no_code = opts.allow_no_code
        self.use_pch = opts.pch
        self._lock = threading.Lock()
        self._opened = False
        self.isolation = "none"
        self.headers: HeaderSet | None = None
        self.checkout: decomp_mod.DecompCheckout | None = None
        self.prepared: checkout_cache.PreparedCheckout | None = None
        self.table: frozenset[str] = frozenset()
        self.known_types: set[str] = set()
        self.known_names: set[str] = set()
        self.gcc = ""
        self.readelf = ""
        self.warm: WarmContainers | None = None  # docker: one running container per concurrent compile

    # lifecycle -------------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            if self._opened:
                return
            gcc = compiler(self.prefix)
            if gcc is None:
                raise RuntimeError(f"{self.prefix}gcc not found (apt-get install gcc-mips-linux-gnu)")
            self.gcc = gcc
            self.readelf = shutil.which(self.prefix + "readelf") or ""
            if not self.readelf:
                raise RuntimeError(f"{self.prefix}readelf not found (apt-get install binutils-mips-linux-gnu)")
            self.isolation = resolve_isolation(self.options.isolation)
            if self.isolation == "docker":
                from codevet.sandboxes.isolation.docker import require_image

                from codevet.sandboxes.isolation.docker import WarmContainers
                from codevet.sandboxes.isolation.runner import WORKDIR

                self.warm = WarmContainers(require_image("oot"), limits_for(self.options), WORKDIR)
            if self.decomp_path:
                checkout = decomp_mod.open_checkout(self.decomp_path, self.decomp_version)
                self.prepared = checkout_cache.prepare(checkout, gcc, self.prefix,
                                                       [*self._common_flags(), *checkout.flags()], self.use_pch)
                # a copy per sandbox: open_checkout's object is shared (cached) and must keep the key flags
                self.checkout = dataclasses.replace(checkout, stub_dir=self.prepared.stubs)
                self.table = frozenset(shipped_symbols() | decomp_symbols(self.checkout.root))
                self.known_types = set(decomp_mod.checkout_types(str(self.checkout.root)))
            else:
                self.headers = prepare_headers(self.prefix)
                self.table = shipped_symbols() | game_functions()
                self.known_types, self.known_names = known_header_names(self.headers.include)
            self._opened = True

    def close(self) -> None:
        """Only docker keeps something running between compiles (its warm containers);
        the header cache is kept for the next run."""
        with self._lock:
            warm, self.warm = self.warm, None
            self._opened = False
        if warm is not None:
            warm.close()

    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        expected, _ = code_expected(candidate)
        key = {"code": candidate.code, "code_expected": expected}
        if candidate.meta.get("asm"):  # only then, so earlier cache entries keep their keys
            key["asm"] = candidate.meta["asm"]
        return key

    def environment(self) -> dict[str, Any]:
        if self.decomp_path:
            try:
                ident = (self.prepared.identity.key if self.prepared is not None
                         else checkout_cache.identity(Path(self.decomp_path).expanduser().resolve()).key)
            except OSError:
                ident = "unreadable"
            headers = f"decomp:{self.decomp_path}:{self.decomp_version}:{ident}"
        else:
            headers = "shipped"
        return {"headers": headers, "compiler": compiler_version(self.prefix), "era": self.options.oot.era}

    # one candidate ---------------------------------------------------------------------

    def verify(self, candidate: Candidate) -> Verdict:
        start = time.monotonic()
        try:
            self.open()
        except Exception as exc:  # a missing toolchain is the harness's problem, not the answer's
            return Verdict.error("toolchain-unavailable", f"{type(exc).__name__}: {exc}", check="compile")
        try:
            verdict = self._verify(candidate)
        except Exception as exc:  # never let one answer take the run down
            verdict = Verdict.error("sandbox-crashed", f"{type(exc).__name__}: {str(exc)[:500]}")
        verdict.duration_s = time.monotonic() - start
        return verdict

    def _verify(self, candidate: Candidate) -> Verdict:
        checks: list[Check] = []
        artifacts: dict[str, Any] = {"diagnostics": [], "era": None}
        asm_blocks = [b for b in (candidate.meta.get("asm") or []) if isinstance(b, str) and b.strip()]
        if asm_blocks:
            failed = self._assemble(asm_blocks, checks, artifacts)
            if failed is not None:
                return failed
        code = code_for(candidate.code or "")
        if not code.strip() and asm_blocks:
            return Verdict.from_checks(checks, artifacts=artifacts)  # the answer's code is its ASM patch
        if not code.strip():
            expected, why = code_expected(candidate)
            ok = self.allow_no_code or not expected
            detail = "no C in the answer; " + ("allowed (allow_no_code)" if self.allow_no_code else why)
            checks.append(Check("code", ok, detail))
            artifacts["era"] = "none"
            return Verdict.from_checks(checks, reason=None if ok else "no-code", artifacts=artifacts)
        if len(code) > MAX_CODE_CHARS:
            checks.append(Check("code", False, f"{len(code)} characters of C, more than the {MAX_CODE_CHARS} a "
                                               "training example may have"))
            return Verdict.from_checks(checks, reason="too-large", artifacts=artifacts)
        n_lines = code.count("\n") + (0 if code.endswith("\n") else 1)
        checks.append(Check("code", True, f"{n_lines} lines of C"))

        resolve = self.checkout.resolve if self.checkout else self._shipped_has
        inc = check_includes(code, resolve)
        if inc.escapes:
            checks.append(Check("include-escape", False, "; ".join(f"line {ln}: {why}" for ln, why in inc.escapes[:5])))
            artifacts["diagnostics"] = [{"line": ln, "column": 1, "severity": "error", "message": why,
                                         "class": "include-escape"} for ln, why in inc.escapes]
            return Verdict.from_checks(checks, reason="include-escape", artifacts=artifacts)
        notes = [f"line {ln}: #include \"{name}\" is not in the header set (removed)" for ln, name in inc.removed]
        if inc.line_directives:
            notes.append(f"{inc.line_directives} #line directive(s) of the answer ignored")
        checks.append(Check("include-escape", True,
                            f"{len(inc.kept)} include(s) from the header set" + (f", {len(inc.removed)} removed"
                                                                                 if inc.removed else "")))

        scan = blank_comments_and_strings(inc.code)
        guess = detect_era(scan)
        era = guess.era
        if self.options.oot.era != "auto" and self.checkout is None:
            era = int(self.options.oot.era[1])  # the era the dataset must be in: other eras' names are wrong
            artifacts["era_required"] = ERA_LABELS[era]
        artifacts["era"] = guess.label if self.checkout is None else "decomp-checkout"
        artifacts["era_detail"] = guess.as_dict()

        if self.checkout is not None and self.prepared is not None:
            era = self.prepared.era  # the checkout's names are the only right ones
            artifacts["checkout_era"] = ERA_LABELS[era]
            return self._verify_in_checkout(inc, scan, era, guess, checks, artifacts, notes)
        unit = build_unit(inc.code, scan, era, self.known_types, self.known_names)
        assumed = list(unit.assumed) + [f"struct {t.name} (not shown)" for t in unit.synthesized] + [
            f"{t.name}.{name}: {pattern.format('').strip()} (guessed)" for t in unit.synthesized
            for name, pattern, guessed in t.fields if guessed]
        artifacts["checked_against"] = {"mode": "shipped-headers", "headers": self.headers.key if self.headers else "",
                                        "file_context": None, "assumed": assumed}
        if unit.assumed:
            notes.append("assumed to exist (not in the shipped headers): " + ", ".join(unit.assumed[:20]))
        if unit.synthesized:
            notes.append("synthesized: " + "; ".join(
                f"{t.name} {{{t.base}; " + ", ".join(f for f, _, _ in t.fields) + "}" for t in unit.synthesized))
        artifacts["assumed"] = unit.assumed
        artifacts["wrapped"] = {"fragment": unit.wrapper, "hoisted": unit.hoisted,
                                "synthesized": [t.name for t in unit.synthesized]}

        flags, ro_paths, allowed = self._flags(era, inc.kept)
        result = run_compile(self.gcc, self.readelf, flags, unit.text, self.options, self.isolation, ro_paths,
                             self.warm)
        answer_lines = inc.code.split("\n")
        local = file_local_predicate(scan, self.known_names | self.known_types, self.table)
        from_header = unshown_header_predicate([name for _, name in inc.removed])
        diags, rest = parse(result.stderr, era, answer_lines, unit.guessed_fields, unit.synthesized_names, allowed,
                            lambda n: local(n) or from_header(n) is not None)
        _note_undecided(diags, local, from_header, self.known_names | self.known_types, notes)
        diags = cascade_undecidable(diags, answer_lines, set(unit.assumed), _declaration_spans(unit.items, scan),
                                    set(unit.synthesized_names))
        return self._judge(result, diags, rest, era, guess, inc, checks, artifacts, notes)

    def _verify_in_checkout(self, inc: Any, scan: str, era: int, guess: Any, checks: list[Check],
                            artifacts: dict[str, Any], notes: list[str]) -> Verdict:
        """Compile in the real file's context when the answer touches an actor of the checkout."""
        assert self.checkout is not None and self.prepared is not None
        root = str(self.checkout.root)
        items = split_items(scan)
        choice = choose_file(scan, items, root)
        against: dict[str, Any] = {"mode": "checkout", "root": root, "commit": self.prepared.identity.commit or None,
                                   "checkout": self.prepared.identity.label, "version": self.checkout.version,
                                   "asset_stubs": "declarations from assets/xml (no ROM)",
                                   "precompiled_prelude": self.use_pch and self.prepared.has_pch,
                                   "file_context": None, "assumed": []}
        guessed: set[str] = set()
        synthesized: set[str] = set()
        context_dirs: list[str] = []
        own_functions: set[str] = set()
        if choice is not None:
            path, why = choice
            this_type = actor_struct(root, path)
            stmts = [it for it in items if it.kind == "stmt"]
            wrapper = fragment_wrapper(inc.code, stmts, era, this_type, player="Player" in self.known_types)
            ctx = splice(root, path, inc.code, scan, items, wrapper, why)
            text = ctx.text
            own_functions = set(ctx.functions)
            context_dirs.append(str(Path(root) / Path(path).parent))
            against.update({"file_context": path, "why": why, "replaced": ctx.replaced, "added": ctx.added,
                            "untouched_functions_as_prototypes": len(ctx.elided)})
            if ctx.header:
                against["actor_header"] = ctx.header
        else:
            unit = build_unit(inc.code, scan, era, self.known_types, self.known_names, assume=False)
            text = unit.text
            guessed, synthesized = unit.guessed_fields, unit.synthesized_names
            if unit.synthesized:
                against["assumed"] = [t.name for t in unit.synthesized]
                notes.append("synthesized (not in the checkout): " + ", ".join(t.name for t in unit.synthesized))
        artifacts["checked_against"] = against
        flags, ro_paths, allowed = self._flags(era, inc.kept, context_dirs)
        result = run_compile(self.gcc, self.readelf, flags, text, self.options, self.isolation, ro_paths, self.warm)
        diags, rest = parse(result.stderr, era, inc.code.split("\n"), guessed, synthesized, allowed)
        diags = mark_needs_assets(diags, self.prepared.index, result.stderr)
        diags = cascade_undecidable(diags, inc.code.split("\n"), set(), _declaration_spans(items, scan))
        return self._judge(result, diags, rest, era, guess, inc, checks, artifacts, notes, own_functions)

    def _judge(self, result: Any, diags: list[Diagnostic], rest: str, era: int, guess: Any, inc: Any,
               checks: list[Check], artifacts: dict[str, Any], notes: list[str],
               own_functions: set[str] | None = None) -> Verdict:
        answer_lines = inc.code.split("\n")
        checks.append(Check("context", True, describe_context(artifacts.get("checked_against") or {})))
        artifacts["diagnostics"] = [d.as_dict() for d in diags]
        artifacts["compile_s"] = round(result.duration_s, 4)
        if notes:
            artifacts["notes"] = notes

        if result.timed_out:
            checks.append(Check("compile", False, f"the compiler ran past the {self.options.timeout_s:g} s limit"))
            return Verdict.from_checks(checks, reason="timeout", artifacts=artifacts)
        if result.memory_exhausted or (result.crashed and not diags):
            checks.append(Check("compile", False, f"the compiler hit the {self.options.memory_mb} MB memory limit "
                                                  f"or was killed ({_scrub(rest)[:200]})"))
            return Verdict.from_checks(checks, reason="memory-limit", artifacts=artifacts)
        if result.truncated:
            checks.append(Check("compile", False, "the compiler's output passed the output limit"))
            return Verdict.from_checks(checks, reason="output-limit", artifacts=artifacts)

        failed_start = None if diags else sandbox_start_failure(result.stderr)
        if failed_start:
            checks.append(Check("sandbox", False, f"the compiler could not run in the sandbox: {failed_start}"))
            return Verdict(Status.ERROR, checks, reason="sandbox-failed", artifacts=artifacts)
        errors = [d for d in diags if d.severity == "error"]
        era_errors = [d for d in errors if d.klass == "wrong-era-name"]
        checks.append(Check("era", not era_errors,
                            f"{guess.label}" + (f" (markers: {', '.join(guess.markers)})" if guess.markers else "")
                            + ("; names from another era: " + "; ".join(_short(d) for d in era_errors[:3])
                               if era_errors else "")))
        if errors or result.returncode != 0:
            if not errors:
                text = _scrub(rest)
                checks.append(Check("compile", False, f"gcc exited {result.returncode} without a diagnostic: "
                                                      f"{text[:300]}"))
                return Verdict.from_checks(checks, reason="other", artifacts=artifacts)
            undecidable = ("context-missing", "needs-assets")
            hard = [d for d in errors if d.klass not in undecidable]
            first = hard[0] if hard else errors[0]
            summary = "; ".join(_short(d) for d in (hard or errors)[:4])
            checks.append(Check("compile", False, f"{len(errors)} error(s): {summary}"))
            if not hard:
                reason = "needs-assets" if any(d.klass == "needs-assets" for d in errors) else "context-missing"
                missing = sorted({n for d in errors for n in d.names})
                if missing:
                    artifacts["missing"] = missing
                    checks[-1] = Check("compile", False, f"cannot be decided without: {', '.join(missing[:12])} "
                                                         f"({reason}); {summary}")
                return Verdict(Status.ERROR, checks, reason=reason, artifacts=artifacts)
            return Verdict.from_checks(checks, reason=first.klass, artifacts=artifacts)
        warnings = [d for d in diags if d.severity == "warning"]
        checks.append(Check("compile", True, f"compiled to a MIPS III object ({ERA_LABELS[era]}"
                                             + (f", {len(warnings)} warning(s)" if warnings else "") + ")"))

        # the context file's own functions are real (some are compiled as prototypes only)
        link = link_check(result.elf, self.table | own_functions if own_functions else self.table, inc.code)
        if link.unresolved_data:
            artifacts["unresolved_data"] = link.unresolved_data
        if link.missing_functions:
            for name in link.missing_functions:
                ln = next((i + 1 for i, text in enumerate(answer_lines)
                           if re.search(r"\b" + re.escape(name) + r"\s*\(", text)), 0)
                artifacts["diagnostics"].append({"line": ln, "column": 1, "severity": "error",
                                                 "message": f"'{name}' is not a function of the game (undefined "
                                                            f"at link time)", "class": "unknown-function"})
            checks.append(Check("link", False, "needs functions that exist in no symbol table: "
                                + ", ".join(link.missing_functions[:10])))
            return Verdict.from_checks(checks, reason="unknown-function", artifacts=artifacts)
        checks.append(Check("link", True, f"all called functions are real ({len(self.table)} known names)"
                            + (f"; unresolved data: {', '.join(link.unresolved_data[:8])}"
                               if link.unresolved_data else "")))
        return Verdict.from_checks(checks, artifacts=artifacts)

    # helpers ---------------------------------------------------------------------------

    def _assemble(self, blocks: list[str], checks: list[Check], artifacts: dict[str, Any]) -> Verdict | None:
        """Layer 1 for MIPS: each block through mips-linux-gnu-as; a fail verdict or None."""
        from codevet.sandboxes.oot.assemble import assemble, assembler

        as_path = assembler(self.prefix)
        if as_path is None:
            return Verdict.error("toolchain-unavailable", f"{self.prefix}as not found (apt-get install "
                                 "binutils-mips-linux-gnu)", check="assemble")
        for i, body in enumerate(blocks, 1):
            result = assemble(as_path, body, self.options, self.isolation, self.warm)
            if not result.ok:
                artifacts["diagnostics"] = [{**e, "block": i} for e in result.errors]
                checks.append(Check("assemble", False, f"block {i}: {result.detail}"))
                return Verdict.from_checks(checks, reason="timeout" if result.timed_out else "asm-error",
                                           artifacts=artifacts)
        checks.append(Check("assemble", True, f"{len(blocks)} MIPS block(s) assembled with {self.prefix}as"))
        return None

    def _shipped_has(self, name: str, angled: bool) -> bool:
        assert self.headers is not None
        return name.endswith(".h") and (self.headers.include / name).is_file()

    @staticmethod
    def _common_flags() -> list[str]:
        return [*TARGET_FLAGS, *CHECK_FLAGS, "-fdiagnostics-plain-output", "-fmax-errors=40",
                "-fno-diagnostics-show-caret", "-fdiagnostics-show-option", "-Winvalid-pch"]

    def _flags(self, era: int, kept: list[str], context_dirs: list[str] | None = None
               ) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
        common = self._common_flags()
        if self.checkout is not None and self.prepared is not None:
            extra_dirs = self.checkout.extra_include_dirs(kept)
            flags = common + [f for d in context_dirs or [] for f in ("-iquote", d)]
            flags += self.checkout.flags() + [f for d in extra_dirs for f in ("-I", str(d))]
            flags += ["-include", str(self.prepared.prelude(self.use_pch))]
            root = str(self.checkout.root)
            cache = str(self.prepared.dir)
            return flags, (root, cache), (os.path.realpath(root), root, cache)
        assert self.headers is not None
        inc = str(self.headers.include)
        if self.use_pch:
            flags = common + [*DEFINES, "-Winvalid-pch", "-I", inc, "-include", str(self.headers.entry(era))]
        else:  # the same headers parsed for every answer (for measuring what the PCH saves)
            flags = common + [*DEFINES, f"-DOOT_ERA={era}", "-I", inc, "-include", inc + "/oot.h"]
        return flags, (str(self.headers.root),), (inc,)

    # doctor ----------------------------------------------------------------------------

    @classmethod
    def doctor(cls) -> list[tuple[str, bool, str]]:
        rows: list[tuple[str, bool, str]] = []
        version = compiler_version(DEFAULT_PREFIX)
        rows.append((f"{DEFAULT_PREFIX}gcc", version is not None,
                     version or "not found (apt-get install gcc-mips-linux-gnu)"))
        readelf = shutil.which(DEFAULT_PREFIX + "readelf")
        rows.append((f"{DEFAULT_PREFIX}readelf", readelf is not None,
                     readelf or "not found (apt-get install binutils-mips-linux-gnu)"))
        headers = sorted(INCLUDE_DIR.rglob("*.h"))
        text = "".join(p.read_text(errors="replace") for p in headers)
        n_funcs = len(header_functions(text))
        rows.append(("oot headers", (INCLUDE_DIR / "oot.h").is_file(),
                     f"{len(headers)} files, {n_funcs} functions declared, in {INCLUDE_DIR}"))
        rows.append(("oot symbol table", bool(shipped_symbols()), f"{len(shipped_symbols())} real function names"))
        if version is None:
            rows.append(("oot precompiled header", False, "needs the compiler first"))
            return rows
        try:
            with tempfile.TemporaryDirectory() as tmp:
                start = time.monotonic()
                hs = prepare_headers(DEFAULT_PREFIX, root=Path(tmp))
                built = time.monotonic() - start
                probe = Path(tmp) / "probe.c"
                probe.write_text("void f(Actor* a) { Actor_Kill(a); }\n")
                proc = subprocess.run([compiler(DEFAULT_PREFIX) or "gcc", *TARGET_FLAGS, *CHECK_FLAGS, *DEFINES,
                                       "-Winvalid-pch", "-H", "-I", str(hs.include), "-include", str(hs.entry(3)),
                                       "-c", str(probe), "-o", str(Path(tmp) / "probe.o")],
                                      capture_output=True, text=True, timeout=60)
                used = ".gch" in proc.stderr and proc.returncode == 0
                rows.append(("oot precompiled header", used,
                             f"built 3 era PCHs in {built:.1f} s; " + ("used by a test compile" if used else
                                                                       f"not used: {proc.stderr[-300:]}")))
        except Exception as exc:
            rows.append(("oot precompiled header", False, f"{type(exc).__name__}: {exc}"))
        return rows


def describe_context(against: dict[str, Any]) -> str:
    """One line saying what the answer was checked against, and what was assumed."""
    assumed = against.get("assumed") or []
    tail = f"; assumed: {', '.join(assumed[:12])}" if assumed else "; nothing assumed"
    if against.get("mode") == "checkout":
        where = f"checkout {against.get('root')} at {against.get('checkout')} ({against.get('version')})"
        if against.get("file_context"):
            what = (f"in the context of {against['file_context']} ({against.get('why')}; replaced: "
                    f"{', '.join(against.get('replaced') or []) or 'nothing'}; added: "
                    f"{', '.join(against.get('added') or []) or 'nothing'})")
        else:
            what = "with the checkout's headers, no file context"
        return f"{where}, {what}, assets from assets/xml declarations" + tail
    return "the shipped headers (codevet's own OoT header set" + (f" {against.get('headers')}" if against.get(
        "headers") else "") + ")" + tail


def _note_undecided(diags: list[Diagnostic], local: Any, from_header: Any, known: set[str], notes: list[str]) -> None:
    """Say why each undecidable name could not be checked: a real game name or member the shipped
    headers do not declare, or a name that may come from a header the answer includes but
    codevet does not have."""
    real_names, real_fields = game_names()
    gaps: list[str] = []
    entrances: list[str] = []
    unshown: dict[str, list[str]] = {}
    for d in diags:
        for n in d.names if d.klass == "context-missing" else []:
            if (n in real_fields or n in real_names) and n not in known and n not in gaps:
                gaps.append(n)
            elif entrance_of_declared_scene(n, known) and n not in entrances:
                entrances.append(n)
            if from_header(n):  # a real name may still be the unshown header's own (BLUE of an actor header)
                unshown.setdefault(from_header(n), []).append(n)
    if gaps:
        notes.append("real game names the shipped headers do not declare (their use cannot be checked): "
                     + ", ".join(gaps[:20]))
    if entrances:
        notes.append("entrances of declared scenes (the shipped headers declare the scenes, not their ~1550 "
                     "entrances, so these cannot be checked): " + ", ".join(entrances[:20]))
    for header, names in unshown.items():
        notes.append(f"may come from \"{header}\", which the answer includes but does not show: "
                     + ", ".join(sorted(set(names))[:20]))


def _declaration_spans(items: list[Any], scan: str) -> list[tuple[int, int]]:
    """(first, last) answer lines of each top-level declaration that is not a function."""
    return [(it.line, it.line + scan.count("\n", it.start, it.end)) for it in items if it.kind in ("decl", "type")]


def _short(d: Diagnostic) -> str:
    where = f"line {d.line}" if d.line else d.file
    return f"{where}: {d.message[:160]} [{d.klass}]"


def _scrub(text: str) -> str:
    """Compiler output that is not a diagnostic (an out-of-memory message): keep the first line's words,
    drop anything quoted, so no source or file content leaks into a report."""
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return re.sub(r"[‘'\"`][^’'\"`]*[’'\"`]", "'…'", line)[:300]

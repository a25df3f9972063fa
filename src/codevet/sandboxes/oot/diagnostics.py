"""gcc's diagnostics -> classified entries on the answer's own lines.

Classes (the verdict's reason is the class of the first error):
  syntax              the parser gave up: "expected ';' before ...", stray characters
  unknown-type        "unknown type name 'X'", incomplete/undefined struct types
  unknown-field       "'Actor' has no member named 'x'" on a real (header or answer) type
  unknown-function    implicit declaration of a function: an API that does not exist
  unknown-identifier  "'X' undeclared": a constant, variable or macro that does not exist
  type-error          incompatible pointer/int conversions, wrong argument count or type
  wrong-era-name      any of the unknown-* on a name that is real in another naming era
  context-missing     an error caused by a field codevet had to guess for a struct the
                      answer uses but never shows, or (shipped headers) a name that looks
                      local to the answer's own actor file and that it did not show: an
                      s-prefixed static, an overlay `func_808xxxxx`, the actor's own
                      `EnFoo_` functions/types and `ENFOO_`/`FOO_` constants; a real game
                      name or struct member (the user's name index, game_names.txt) the shipped headers lack; a
                      constant, type or asset name from a header the answer includes but
                      codevet does not have (the harness cannot decide: `error`)
  needs-assets        (checkout mode) a name or file only the ROM's extracted assets would
                      give: a resource the checkout's assets/xml names but no stub could
                      declare, or an asset-looking name in the checkout's own file (`error`)
  other               everything else (redefinitions, #error, ...)

Only diagnostics located in the answer keep their text; one located in any other file
(which can only be a header of the set, since includes are vetted first) keeps its text
too, but a location outside both is withheld, so no file content can leak into a report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from codevet.sandboxes.oot.era import is_era_name_elsewhere
from codevet.sandboxes.oot.wrap import ANSWER_FILE, CODEVET_FILE

CLASSES: tuple[str, ...] = ("syntax", "unknown-type", "unknown-field", "unknown-function", "unknown-identifier",
                            "type-error", "wrong-era-name", "context-missing", "needs-assets", "other")
_QUOTED = re.compile(r"[‘'`]([^’'`]+)[’'`]")


@dataclass
class Diagnostic:
    line: int
    column: int
    severity: str
    message: str
    klass: str
    file: str = ANSWER_FILE
    option: str = ""

    @property
    def names(self) -> list[str]:
        """The names this diagnostic is about, when it is undecidable (context-missing, needs-assets)."""
        if self.klass not in ("context-missing", "needs-assets"):
            return []
        quoted = _quoted(self.message)
        if "has no member named" in self.message and len(quoted) > 1:
            return [f"{quoted[0].replace('struct ', '')}.{quoted[1]}"]
        return [n for n in quoted if re.fullmatch(r"[\w./-]+", n)][:1]

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"line": self.line, "column": self.column, "severity": self.severity,
                             "message": self.message, "class": self.klass}
        if self.file != ANSWER_FILE:
            d["file"] = self.file
        return d


def _quoted(message: str) -> list[str]:
    return _QUOTED.findall(message)


def classify(message: str, option: str, era: int, guessed_fields: set[str], synthesized: set[str],
             source_line: str, file_local: Callable[[str], bool] | None = None) -> str:
    m = message
    names = _quoted(m)
    klass = "other"
    if "implicit declaration of function" in m:
        klass = "unknown-function"
    elif m.startswith("unknown type name") or "has incomplete type" in m or "invalid use of undefined type" in m \
            or "storage size of" in m and "isn't known" in m:
        klass = "unknown-type"
    elif "has no member named" in m:
        klass = "unknown-field"
        owner = names[0].replace("struct ", "") if names else ""
        field_name = names[1] if len(names) > 1 else ""
        if owner in synthesized:  # the actor's own unshown struct: its members are its own, of no era
            return "context-missing"
        if file_local is not None and owner and field_name and not is_era_name_elsewhere(field_name, era) \
                and file_local(f"{owner}.{field_name}"):
            return "context-missing"  # a real member of a real struct that the shipped headers lack
        names = names[1:2]
    elif "undeclared" in m:
        klass = "unknown-identifier"
    elif option in ("-Werror=incompatible-pointer-types", "-Werror=int-conversion") or any(s in m for s in (
            "incompatible type", "incompatible types", "too many arguments", "too few arguments", "invalid operands",
            "conflicting types", "void value not ignored", "called object", "is not a function",
            "lvalue required", "invalid type argument", "subscripted value", "request for member",
            "cannot convert", "makes pointer from integer", "makes integer from pointer", "wrong type argument",
            "used struct type value where scalar", "aggregate value used", "invalid initializer",
            "initializer element is not", "incompatible-pointer")):
        klass = "type-error"
    elif m.startswith("expected ") or "stray " in m or "missing terminating" in m or "unterminated" in m \
            or "invalid preprocessing directive" in m or "before numeric constant" in m \
            or "unbalanced" in m or "expected identifier" in m or "parse error" in m:
        klass = "syntax"
    if klass in ("unknown-type", "unknown-field", "unknown-function", "unknown-identifier", "syntax", "type-error"):
        for n in names:
            if is_era_name_elsewhere(n, era):
                return "wrong-era-name"
    if file_local is not None and klass in ("unknown-type", "unknown-function", "unknown-identifier") and names \
            and file_local(names[0]):
        return "context-missing"  # a name of the answer's own file it did not show (shipped headers only)
    arity = "too many arguments" in m or "too few arguments" in m  # never a guessed field's doing...
    if arity and guessed_fields and any(re.fullmatch(r"this\s*->\s*" + re.escape(f), n) for n in names
                                        for f in guessed_fields):
        return "context-missing"  # ...unless the function called is the guessed field (this->transformFunc)
    if klass not in ("wrong-era-name", "syntax") and not arity and guessed_fields and source_line:
        for f in guessed_fields:
            if re.search(r"->\s*" + re.escape(f) + r"\b", source_line):  # this->f, ((EnFoo*)thisx)->f, other->f
                return "context-missing"
    return klass


_LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>fatal error|error|warning|note): "
                   r"(?P<msg>.*?)(?: \[(?P<opt>-W[^\]]+)\])?$")


def parse(stderr: str, era: int, answer_lines: list[str], guessed_fields: set[str], synthesized: set[str],
          allowed_files: tuple[str, ...], file_local: Callable[[str], bool] | None = None
          ) -> tuple[list[Diagnostic], str]:
    """Diagnostics from gcc's plain text output (`-fdiagnostics-plain-output`: one line per
    diagnostic, streamed, so the first N survive `-fmax-errors`), and the lines that are
    not diagnostics (an out-of-memory message, "compilation terminated")."""
    items: list[dict[str, Any]] = []
    rest: list[str] = []
    for raw in (stderr or "").splitlines():
        m = _LINE.match(raw)
        if not m:
            if raw.strip() and not raw.startswith(("In file included from", "                 from", "In function")) \
                    and ": In function" not in raw and ": At top level" not in raw:
                rest.append(raw)
            continue
        entry = {"kind": m.group("kind"), "message": m.group("msg"), "option": m.group("opt") or "",
                 "locations": [{"caret": {"file": m.group("file"), "line": int(m.group("line")),
                                          "column": int(m.group("col"))}}], "children": []}
        if entry["kind"] == "note" and items:
            items[-1]["children"].append(entry)
        elif entry["kind"] != "note":
            items.append(entry)
    out: list[Diagnostic] = []
    for item in items:
        _collect(item, out, era, answer_lines, guessed_fields, synthesized, allowed_files, file_local)
    return out, "\n".join(rest)


def _collect(item: dict[str, Any], out: list[Diagnostic], era: int, answer_lines: list[str],
             guessed_fields: set[str], synthesized: set[str], allowed_files: tuple[str, ...],
             file_local: Callable[[str], bool] | None = None) -> None:
    kind = str(item.get("kind", ""))
    if kind not in ("error", "warning", "fatal error"):
        return
    severity = "warning" if kind == "warning" else "error"
    message = str(item.get("message", ""))
    option = str(item.get("option", ""))
    loc: dict[str, Any] = {}
    for location in item.get("locations") or []:
        loc = location.get("caret") or {}
        break
    file = str(loc.get("file", ""))
    line = int(loc.get("line", 0) or 0)
    column = int(loc.get("column", 0) or 0)
    base = file.rsplit("/", 1)[-1]
    if file == ANSWER_FILE:
        src = answer_lines[line - 1] if 0 < line <= len(answer_lines) else ""
    elif file == CODEVET_FILE or any(file.startswith(a) for a in allowed_files):
        file, src = (CODEVET_FILE if file == CODEVET_FILE else "header:" + base), ""
        line_in_answer = 0
        # a problem in a header macro expanded from the answer: point at the expansion
        for child in item.get("children") or []:
            for cl in child.get("locations") or []:
                caret = cl.get("caret") or {}
                if caret.get("file") == ANSWER_FILE:
                    line_in_answer = int(caret.get("line", 0) or 0)
                    column = int(caret.get("column", 0) or 0)
        if line_in_answer:
            line, file = line_in_answer, ANSWER_FILE
            src = answer_lines[line - 1] if 0 < line <= len(answer_lines) else ""
        else:
            line = 0
    else:
        out.append(Diagnostic(0, 0, severity, "(diagnostic in a file outside the header set withheld)",
                              "other", "withheld", option))
        return
    if file == ANSWER_FILE and 1 < line <= len(answer_lines) and answer_lines[line - 2].rstrip().endswith("="):
        src = answer_lines[line - 2] + "\n" + src  # `this->f =\n    Actor_Spawn(...)`: gcc marks the second line
    klass = classify(message, option, era, guessed_fields, synthesized, src, file_local)
    out.append(Diagnostic(line, column, severity, message, klass, file, option))


_ASSET_LIKE = re.compile(r"^(?:g[A-Z]\w*?(?:DL|Dl|DList|Tex|TLUT|Skel|Anim|Col|Vtx|Mtx|Cs|Path)\w*|"
                         r"\w*LIMB_\w+|\w+_(?:WIDTH|HEIGHT)|(?:object|gameplay)_\w+)$")
_MISSING_FILE = re.compile(r"^(\S+): No such file or directory")


def mark_needs_assets(diags: list[Diagnostic], index: Any, stderr: str) -> list[Diagnostic]:
    """Checkout mode: reclass the errors only extracted assets could resolve as `needs-assets`.
    A name the checkout's XML lists is an asset wherever it is used; an asset-looking name is
    one only when the error is in the checkout's own file (verbatim decomp code), never when
    the answer wrote it (an invented `gFooDL` stays a fail)."""
    out: list[Diagnostic] = []
    for d in diags:
        if d.severity == "error" and d.klass in ("unknown-identifier", "unknown-type", "unknown-field", "other",
                                                   "type-error", "syntax"):
            names = _quoted(d.message)
            missing = _MISSING_FILE.match(d.message)
            in_context = d.file != ANSWER_FILE
            if missing and "assets/" in missing.group(1):
                d = Diagnostic(d.line, d.column, d.severity, f"'{missing.group(1)}' is an extracted asset file "
                               "(no ROM, and the XML does not describe it)", "needs-assets", d.file, d.option)
            elif d.klass == "unknown-identifier" and any(n in index.names for n in names[:1]):
                d = Diagnostic(d.line, d.column, d.severity, d.message, "needs-assets", d.file, d.option)
            elif in_context and d.klass == "unknown-identifier" and names and _ASSET_LIKE.match(names[0]):
                d = Diagnostic(d.line, d.column, d.severity, d.message, "needs-assets", d.file, d.option)
        out.append(d)
    return out


UNDECIDABLE = ("context-missing", "needs-assets")


def _statement(answer_lines: list[str], line: int) -> str:
    """The answer's text from `line` to the end of its statement (at most 6 lines): gcc puts an
    error of `x =\n    f(...);` on the first line, the name that caused it on the next."""
    if not 0 < line <= len(answer_lines):
        return ""
    out = []
    for text in answer_lines[line - 1:line + 5]:
        out.append(text)
        if text.rstrip().endswith((";", "{", "}")):
            break
    head = _initializer_head(answer_lines, line)
    return "\n".join(([head] if head else []) + out)


def _definition_line(answer_lines: list[str], name: str) -> int:
    """The 1-based line where the answer defines function `name` (a line that starts with its return
    type and has no `;`), or 0."""
    pattern = re.compile(r"^[A-Za-z_][\w\s\*]*\b" + re.escape(name) + r"\s*\([^;]*$")
    return next((i + 1 for i, text in enumerate(answer_lines) if pattern.match(text)), 0)


def _initializer_head(answer_lines: list[str], line: int) -> str:
    """The `static FooFunc sFuncs[] = {` line of a brace initializer that `line` is an element of
    (inside a function, where the top-level declaration spans do not reach), or ""."""
    for text in reversed(answer_lines[max(0, line - 41):line - 1]):
        t = text.rstrip()
        if re.search(r"=\s*\{$", t):
            return text
        if t.endswith((";", "}")) or t.endswith("{") and not t.endswith("= {"):
            return ""
    return ""


def cascade_undecidable(diags: list[Diagnostic], answer_lines: list[str], assumed: set[str],
                        declaration_spans: list[tuple[int, int]], guessed_types: set[str] = frozenset()
                        ) -> list[Diagnostic]:
    """An error that follows from something codevet could not know is not the answer's fault
    either: a hard error whose answer line names an undecidable name (one an undecidable
    diagnostic is about, or a declaration the wrapper assumed), or a type error inside the
    same top-level declaration (`static FooActionFunc sFuncs[] = {...}`) as an undecidable
    one, takes that class. So does one in a declaration that names an undecidable name or a
    struct codevet had to guess (`guessed_types`: a `{ ... }` initializer of a type it never
    saw), and one in a statement that names a variable declared with an undecidable type.
    Unknown names stay hard: they are never a consequence."""
    names = {n.rsplit(".", 1)[-1] for d in diags if d.klass in UNDECIDABLE for n in d.names} | assumed
    by_class = {n.rsplit(".", 1)[-1]: d.klass for d in diags if d.klass in UNDECIDABLE for n in d.names}
    # a variable declared with an undecidable type is undecidable too (static FooFunc sFuncs[] = ...)
    for d in diags:
        if d.klass in UNDECIDABLE and d.file == ANSWER_FILE and d.message.startswith("unknown type name") \
                and 0 < d.line <= len(answer_lines):
            for t in d.names:
                m = re.search(r"\b" + re.escape(t) + r"\b[\s*]*(?:const\s+)?\**\s*([A-Za-z_]\w*)", answer_lines[d.line - 1])
                if m:
                    names.add(m.group(1))
                    by_class.setdefault(m.group(1), d.klass)
    undecided_lines = [d.line for d in diags if d.klass in UNDECIDABLE and d.file == ANSWER_FILE]
    out: list[Diagnostic] = []
    for d in diags:
        if d.severity == "error" and d.klass == "unknown-function" and _quoted(d.message):
            # a function the answer defines, whose signature names an undecidable type (EnFooActionFunc
            # of the unshown header): gcc dropped the definition, so its calls look undeclared
            start = _definition_line(answer_lines, _quoted(d.message)[0])
            hit = next((dd for dd in diags if dd.klass in UNDECIDABLE and dd.file == ANSWER_FILE
                        and start and start <= dd.line <= start + 3), None)
            if hit is not None:
                d = Diagnostic(d.line, d.column, d.severity, d.message, hit.klass, d.file, d.option)
        if d.severity == "error" and d.klass in ("type-error", "other") and d.file == ANSWER_FILE:
            src = _statement(answer_lines, d.line)
            arity = re.match(r"too (?:many|few) arguments to function [‘'`]([^’'`]+)", d.message)
            if arity:  # only the called function itself can make its argument count undecidable
                src = arity.group(1)
            hit = next((n for n in names if re.search(r"\b" + re.escape(n) + r"\b", src)), None)
            span = next(((a, b) for a, b in declaration_spans if a <= d.line <= b), None)
            if hit is None and span is not None:  # a declaration whose type or initializer is undecidable
                text = "\n".join(answer_lines[span[0] - 1:span[1]])
                hit = next((n for n in names | set(guessed_types) if re.search(r"\b" + re.escape(n) + r"\b", text)),
                           None)
            if hit is None and span is not None and any(span[0] <= ln <= span[1] for ln in undecided_lines):
                hit = ""
            if hit is not None:
                d = Diagnostic(d.line, d.column, d.severity, d.message, by_class.get(hit, "context-missing"),
                               d.file, d.option)
        out.append(d)
    return out

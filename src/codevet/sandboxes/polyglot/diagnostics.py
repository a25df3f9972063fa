"""Compiler and interpreter messages sorted into the kinds a verdict names.

`syntax` (the code does not parse), `name` (an undeclared name or type: a bug in a whole
program, missing context in a fragment), `type` (a type error), `other`. Each compiler says
these in its own words or codes; the tables below are read off their real output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    kind: str  # syntax | name | type | other
    message: str
    name: str = ""  # the undeclared name, when the message gives it


_GCC_ERROR = re.compile(r"^[^\n:]*:\d+:(?:\d+:)? (?:fatal )?error: (.*)$", re.MULTILINE)
_JAVAC_ERROR = re.compile(r"^[^\n:]*\.java:\d+: error: (.*)$", re.MULTILINE)
_GO_ERROR = re.compile(r"^[^\n:]*\.go:\d+:\d+: (.*)$", re.MULTILINE)
_RUST_ERROR = re.compile(r"^error(?:\[(E\d+)\])?: (.*)$", re.MULTILINE)
_CS_ERROR = re.compile(r"^[^\n(]*\(\d+,\d+\): error (CS\d+): (.*)$", re.MULTILINE)
_TS_ERROR = re.compile(r"^[^\n(]*\(\d+,\d+\): error TS(\d+): (.*)$", re.MULTILINE)

_QUOTED = re.compile(r"[‘'`\"]([\w$:.]+)[’'\"]")


def _quoted(msg: str) -> str:
    m = _QUOTED.search(msg)
    return m.group(1) if m else ""


def _by_words(msg: str, name_words: tuple[str, ...], syntax_words: tuple[str, ...],
              type_words: tuple[str, ...]) -> Diagnostic:
    low = msg.lower()
    if any(w in low for w in name_words):
        return Diagnostic("name", msg, _quoted(msg))
    if any(w in low for w in syntax_words):
        return Diagnostic("syntax", msg)
    if any(w in low for w in type_words):
        return Diagnostic("type", msg)
    return Diagnostic("other", msg)


_GCC_NAME = ("undeclared", "was not declared", "unknown type name", "implicit declaration of function",
             "has not been declared", "does not name a type", "no such file or directory", "not declared in this scope",
             "is not a member of 'std'", "is not a namespace")
_GCC_SYNTAX = ("expected ", "stray ", "missing terminating", "unterminated", "before numeric constant",
               "invalid preprocessing", "empty character constant", "expected identifier")
_GCC_TYPE = ("incompatible", "invalid conversion", "cannot convert", "no match for", "invalid operands", "too few arguments",
             "too many arguments", "conflicting types", "request for member", "has no member", "no matching function",
             "lvalue required", "assignment of read-only", "invalid initializer", "subscripted value", "void value not ignored",
             "cannot be used as a function", "return-statement with a value", "incomplete type", "makes integer from pointer",
             "makes pointer from integer", "int-conversion", "conversion from", "invalid use of",
             "cannot bind", "discards qualifiers", "passing argument")


_LD_UNDEFINED = re.compile(r"undefined reference to [`'‘]([\w:]+)")


def gcc(stderr: str) -> list[Diagnostic]:
    found = [_by_words(m, _GCC_NAME, _GCC_SYNTAX, _GCC_TYPE) for m in _GCC_ERROR.findall(stderr)]
    # the linker: a function called but defined nowhere
    found += [Diagnostic("name", f"undefined reference to {n}", n) for n in dict.fromkeys(_LD_UNDEFINED.findall(stderr))]
    return found


def javac(stderr: str) -> list[Diagnostic]:
    out = []
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        m = _JAVAC_ERROR.match(line)
        if not m:
            continue
        msg = m.group(1)
        d = _by_words(msg, ("cannot find symbol", "does not exist"),
                      ("expected", "illegal start of", "not a statement", "reached end of file", "unclosed",
                       "class, interface, enum, or record expected", "illegal character", "orphaned",
                       "else without if", "malformed"),
                      ("incompatible types", "bad operand", "no suitable method", "no suitable constructor", "cannot be applied", "lossy conversion",
                       "cannot be dereferenced", "non-static", "missing return", "cannot return", "unreachable",
                       "might not have been initialized", "already defined", "required:", "cannot be referenced",
                       "does not override", "is not abstract"))
        if d.kind == "name":  # javac names the symbol on a following "symbol:" line
            for follow in lines[i + 1:i + 5]:
                sm = re.match(r"\s*symbol:\s+\w+\s+(\w+)", follow)
                if sm:
                    d = Diagnostic("name", msg, sm.group(1))
                    break
        out.append(d)
    return out


def go(stderr: str) -> list[Diagnostic]:
    out = []
    for msg in _GO_ERROR.findall(stderr):
        if msg.startswith("undefined: "):
            out.append(Diagnostic("name", msg, msg.split(": ", 1)[1].strip()))
        elif "syntax error" in msg or msg.startswith("expected "):
            out.append(Diagnostic("syntax", msg))
        elif any(w in msg for w in ("cannot use", "mismatched types", "invalid operation", "cannot convert",
                                     "not enough arguments", "too many arguments", "assignment mismatch",
                                     "has no field or method", "missing return")):
            out.append(Diagnostic("type", msg))
        else:
            out.append(Diagnostic("other", msg))
    return out


_RUST_NAME = {"E0425", "E0433", "E0412", "E0422", "E0423", "E0531", "E0432", "E0405", "E0424", "E0583"}
_RUST_TYPE = {"E0308", "E0277", "E0369", "E0599", "E0061", "E0614", "E0600", "E0604", "E0606", "E0384", "E0382",
              "E0502", "E0499", "E0596", "E0106", "E0107", "E0560", "E0609", "E0615", "E0618", "E0107"}


def rustc(stderr: str) -> list[Diagnostic]:
    out = []
    for code, msg in _RUST_ERROR.findall(stderr):
        if msg.startswith("aborting due to") or msg.startswith("could not compile"):
            continue
        if code in _RUST_NAME:
            out.append(Diagnostic("name", msg, _quoted(msg)))
        elif code in _RUST_TYPE:
            out.append(Diagnostic("type", msg))
        elif not code:
            out.append(Diagnostic("syntax", msg))
        else:
            out.append(Diagnostic("other", msg))
    return out


_CS_NAME = {"CS0103", "CS0246", "CS0234", "CS0117", "CS0841"}
_CS_SYNTAX = {"CS1002", "CS1003", "CS1525", "CS1513", "CS1514", "CS1519", "CS1001", "CS1026", "CS1031", "CS8025",
              "CS1010", "CS1012", "CS1022", "CS1041", "CS1529", "CS1056", "CS1009", "CS0116", "CS1520"}
_CS_TYPE = {"CS0029", "CS0266", "CS0019", "CS1503", "CS0030", "CS0021", "CS1501", "CS0023", "CS0173", "CS1061",
            "CS0120", "CS0161", "CS0165", "CS0131", "CS0200", "CS0128", "CS0136", "CS0201", "CS0411", "CS1929"}


def mcs(stderr: str) -> list[Diagnostic]:
    out = []
    for code, msg in _CS_ERROR.findall(stderr):
        kind = "name" if code in _CS_NAME else "syntax" if code in _CS_SYNTAX else "type" if code in _CS_TYPE else "other"
        out.append(Diagnostic(kind, f"{code}: {msg}", _quoted(msg) if kind == "name" else ""))
    return out


def tsc(stdout: str) -> list[Diagnostic]:
    out = []
    for code, msg in _TS_ERROR.findall(stdout):
        n = int(code)
        if n in (2304, 2552, 2307, 2503, 2580, 2582, 2583, 2584, 2591, 2693):
            out.append(Diagnostic("name", f"TS{code}: {msg}", _quoted(msg)))
        elif 1000 <= n < 2000 or n in (17002, 17008):
            out.append(Diagnostic("syntax", f"TS{code}: {msg}"))
        elif 2000 <= n < 3000:
            out.append(Diagnostic("type", f"TS{code}: {msg}"))
        else:
            out.append(Diagnostic("other", f"TS{code}: {msg}"))
    return out


# Run-time name errors of the interpreted languages: (pattern, group holding the name).
_RUNTIME_NAME = [
    re.compile(r"ReferenceError: ([\w$]+) is not defined"),  # node
    re.compile(r"undefined local variable or method [`']([\w?!]+)'"),  # ruby
    re.compile(r"undefined method [`']([\w?!]+)' for main"),  # ruby, a top-level call
    re.compile(r"uninitialized constant ([\w:]+)"),  # ruby
    re.compile(r"Call to undefined function ([\w\\]+)\("),  # php
    re.compile(r"Class \"([\w\\]+)\" not found"),  # php
]


# A program that reads its input and finds none, or not in the shape it parses: the task's
# input is missing or prose, not the code wrong.
_NO_INPUT = re.compile(r"InputMismatchException|NoSuchElementException|NumberFormatException: (?:For input string: \"\"|null)"
                       r"|EOFError|System\.FormatException|ArgumentNullException|end of file|unexpected EOF"
                       r"|invalid literal for int\(\) with base 10: ''|Input string was not in a correct format")
READS_INPUT = re.compile(r"Scanner\s*\(\s*System\.in|System\.in\.read|BufferedReader|Console\.Read|\bscanf\s*\(|\bcin\s*>>"
                         r"|\bgetline\s*\(|\bfgets\s*\(|\bgets\b|os\.Stdin|fmt\.Scan|STDIN|fgets\s*\(\s*STDIN"
                         r"|readline|process\.stdin|\$stdin|io::stdin|read_line")


def input_missing(stderr: str, code: str) -> bool:
    return bool(_NO_INPUT.search(stderr)) and bool(READS_INPUT.search(code))


def runtime_name_error(stderr: str) -> str:
    """The undeclared name a crashed interpreter reports, or ""."""
    for rx in _RUNTIME_NAME:
        m = rx.search(stderr)
        if m:
            return m.group(1)
    return ""


PARSERS = {"c": gcc, "cpp": gcc, "java": javac, "go": go, "rust": rustc, "csharp": mcs, "typescript": tsc}

"""LeetCode examples (`Example 1:` / `Input:` / `Output:`) as `call` tests of the answer.

The entry point comes from the answer's code (read with `ast`, never run): the
`class Solution` method or top-level function whose parameters are the names the
example's input gives (`nums = [2,7,11,15], target = 9`), else the only one with that
many parameters. Parameters the code treats as linked lists or trees (annotations, or
`head.next` / `root.left` in the body) are built from list notation by the harness
prelude (leetcode_harness.py), results are read back into it, and the statement decides
how to compare: "in any order" as multisets, floats within the tolerance the statement
or the example's decimals give, "Do not return anything, modify nums in-place" on the
modified argument. An example whose expected output is not one value, or whose
explanation admits other answers, gives no test: a test that could fail a correct answer
is worse than none.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from codevet.core import pyast
from codevet.core.model import TestCase, TestSpec
from codevet.generators.statement_tests.text import (NotAValue, accepts_any_answer, decimals, parse_assignments,
                                                      parse_value, parse_values, plain_text)

_EXAMPLE = re.compile(r"^\s*Example\s*(\d*)\s*:?\s*$|^\s*Example\s*(\d+)\s*:", re.MULTILINE | re.IGNORECASE)
_END = re.compile(r"^\s*(Constraints|Note|Follow[- ]up|Hint)\b.*$", re.MULTILINE | re.IGNORECASE)
_INPUT = re.compile(r"\bInput\s*:?", re.IGNORECASE)
_OUTPUT = re.compile(r"\bOutput\s*:", re.IGNORECASE)
_EXPLANATION = re.compile(r"\bExplanation\s*:", re.IGNORECASE)
_OTHER_ANSWERS = re.compile(r"(also (a )?(valid|accepted|correct)|other (valid |correct )?answers?|is also an? (valid )?"
                            r"answer|would also be accepted)", re.IGNORECASE)
_ANY_ORDER = re.compile(r"in any order|order (of [^.]{0,60})?(does not|doesn't) matter|any order", re.IGNORECASE)
_INPLACE = re.compile(r"[Dd]o not return anything|modify [^.]{0,40}\bin[- ]place", re.IGNORECASE)
_INPLACE_NAME = re.compile(r"modify\s+(?:the\s+)?(?:input\s+)?(?:array\s+|list\s+|matrix\s+)?([A-Za-z_]\w*)\s+in[- ]place",
                           re.IGNORECASE)
_STORED_IN = re.compile(r"(?:stored|kept|placed|modif\w+)\s+(?:inside|in)\s+(?:the\s+)?(?:input\s+)?(?:array\s+|list\s+)?"
                        r"([A-Za-z_]\w*)", re.IGNORECASE)
_NODE_PARAMS = re.compile(r"\bnodes?,?\s+([A-Za-z_]\w*)(?:\s*(?:,|and)\s*([A-Za-z_]\w*))?", re.IGNORECASE)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_READS_STDIN = re.compile(r"\binput\s*\(|sys\.stdin|open\s*\(\s*0")
_TOLERANCE = re.compile(r"10\s*\^?\s*-\s*(\d+)")
_RETURNS_NODE = re.compile(r"return\s+(?:the|its)\s+(?:\w+\s+){0,3}?(head|root)\b", re.IGNORECASE)

LIST_NAMES = {"head", "l1", "l2", "list1", "list2", "heada", "headb", "node"}
TREE_NAMES = {"root", "root1", "root2", "tree", "original", "cloned"}

HARNESS = Path(__file__).with_name("leetcode_harness.py")


@lru_cache(maxsize=1)
def harness_prelude() -> str:
    return HARNESS.read_text(encoding="utf-8")


@dataclass
class Example:
    """One `Example N` block: the input text, the output text, the explanation."""

    number: str
    input: str
    output: str
    explanation: str = ""


def examples(statement: str) -> list[Example]:
    """Every example block of a LeetCode statement, in order."""
    text = plain_text(statement)
    heads = list(_EXAMPLE.finditer(text))
    found: list[Example] = []
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        stop = _END.search(text, m.end(), end)
        block = text[m.end(): stop.start() if stop else end]
        inp, out = _INPUT.search(block), _OUTPUT.search(block)
        if not inp or not out or out.start() < inp.end():
            continue
        expl = _EXPLANATION.search(block, out.end())
        found.append(Example(m.group(1) or m.group(2) or str(k + 1), block[inp.end():out.start()].strip(),
                             block[out.end(): expl.start() if expl else len(block)].strip(),
                             block[expl.end():].strip() if expl else ""))
    return found


@dataclass
class Function:
    """A callable the answer defines: its name, parameters (without `self`), the kind of
    each ("list", "tree" or ""), and the kind its return annotation names."""

    name: str
    params: list[str]
    kinds: list[str]
    returns: str = ""
    in_solution: bool = False
    returns_value: bool = True
    node: ast.AST | None = field(default=None, repr=False)


def _annotation_kind(node: ast.AST | None) -> str:
    text = ast.unparse(node) if node is not None else ""
    return "list" if "ListNode" in text else "tree" if "TreeNode" in text else ""


def _used_as(fn: ast.AST, name: str) -> str:
    attrs = {n.attr for n in ast.walk(fn) if isinstance(n, ast.Attribute)
             and isinstance(n.value, ast.Name) and n.value.id == name}
    return "list" if "next" in attrs else "tree" if attrs & {"left", "right"} else ""


def _function(fn: ast.FunctionDef, in_solution: bool, statement: str) -> Function:
    args = fn.args.args[1:] if in_solution else fn.args.args
    kinds = []
    for a in args:
        kind = _annotation_kind(a.annotation) or _used_as(fn, a.arg)
        if not kind and a.arg.lower() in LIST_NAMES and "linked list" in statement.lower():
            kind = "list"
        if not kind and a.arg.lower() in TREE_NAMES and "tree" in statement.lower():
            kind = "tree"
        kinds.append(kind)
    return Function(fn.name, [a.arg for a in args], kinds, _annotation_kind(fn.returns), in_solution,
                    _returns_value(fn), fn)


def _returns_value(fn: ast.FunctionDef) -> bool:
    """Whether `fn` itself (not a nested function) has a `return <value>`."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def functions(code: str, statement: str = "") -> tuple[list[Function], set[str]]:
    """(the answer's callables: Solution methods first, then top-level functions; the
    names of its top-level classes). Empty when the code does not parse."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return [], set()
    methods, plain, classes = [], [], set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes.add(node.name)
            if node.name == "Solution":
                methods += [_function(n, True, statement) for n in node.body
                            if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
        elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            plain.append(_function(node, False, statement))
    return methods + plain, classes


def _camel(slug: str) -> str:
    words = [w for w in re.split(r"[-_\s]+", slug.lower()) if w]
    return (words[0] + "".join(w.title() for w in words[1:])) if words else ""


def pick_function(fns: list[Function], names: list[str] | None, n_args: int, slug: str = "") -> Function | None:
    """The entry point for an example's input: parameters named as the input names them,
    else the one callable with that many parameters (a Solution method before a helper)."""
    if names is not None:
        same = [f for f in fns if sorted(f.params) == sorted(names)]
        if same:
            return same[0]
    by_count = [f for f in fns if len(f.params) == n_args]
    if len(by_count) == 1:
        return by_count[0]
    in_solution = [f for f in by_count if f.in_solution]
    if len(in_solution) == 1:
        return in_solution[0]
    camel = _camel(slug).lower()
    named = [f for f in by_count if camel and f.name.lower() == camel]
    return named[0] if len(named) == 1 else None


@dataclass
class Derived:
    """The tests one statement gave, and why each example that gave none was skipped."""

    spec: TestSpec | None
    examples: int = 0
    skipped: list[str] = field(default_factory=list)


def padded_strings(exs: list[Example]) -> bool:
    """Whether every string literal of every example ends in one space (`s = "III "`,
    `["MinStack ", "push "]`): a trace of how some scraped copies of LeetCode (greengerong's
    among them, as far as I know) turned HTML into text, not part of the values. One real
    trailing space in a statement whose other strings have none does not count."""
    found = [m.group(1) for ex in exs for m in _STRING.finditer(ex.input + "\n" + ex.output)]
    return bool(found) and all(f.endswith(" ") and f.strip() for f in found)


def _unpad(value):
    if isinstance(value, str):
        return value[:-1] if value.endswith(" ") else value
    if isinstance(value, list):
        return [_unpad(v) for v in value]
    return value


def _tolerance(statement: str, output_text: str) -> float | None:
    d = decimals(output_text)
    if not d:
        return None
    tol = 10.0 ** -d
    m = _TOLERANCE.search(statement)
    if m and re.search(r"(within|accepted|error|precision|tolerance)", statement, re.IGNORECASE):
        tol = max(tol, 10.0 ** -int(m.group(1)))
    return tol


def derive(statement: str, code: str, slug: str = "") -> Derived:
    """`call` tests for `code` from the examples of `statement` (see the module doc)."""
    exs = examples(statement)
    result = Derived(None, len(exs))
    if not exs:
        return result
    text = plain_text(statement)
    if accepts_any_answer(text):
        result.skipped.append("the statement accepts any of several answers")
        return result
    fns, classes = functions(code, text)
    any_order = bool(_ANY_ORDER.search(text))
    inplace = bool(_INPLACE.search(text))
    inplace_name = (_INPLACE_NAME.search(text) or _STORED_IN.search(text) or [None, None])[1]
    returns_node = bool(_RETURNS_NODE.search(text))
    cases: list[TestCase] = []
    entry = ""
    unpad = padded_strings(exs)
    if unpad:
        result.skipped.append("every string of the examples ends in one space: taken as a scraping trace and removed")
    for ex in exs:
        why = _skip_reason(ex)
        if why:
            result.skipped.append(f"example {ex.number}: {why}")
            continue
        try:
            expected = parse_value(ex.output)
            case, name = _case(ex, expected, fns, classes, slug, text, any_order, inplace, inplace_name, returns_node,
                               code, unpad)
        except NotAValue as exc:
            result.skipped.append(f"example {ex.number}: {exc}")
            continue
        except _Skip as exc:
            result.skipped.append(f"example {ex.number}: {exc}")
            continue
        if entry and name != entry:
            result.skipped.append(f"example {ex.number}: calls {name}, the others {entry}")
            continue
        entry = name
        cases.append(case)
    if cases:
        result.spec = TestSpec(tuple(cases), entry_point=entry, prelude=harness_prelude(), origin="statement")
    return result


class _Skip(ValueError):
    pass


def _skip_reason(ex: Example) -> str:
    if _OTHER_ANSWERS.search(ex.explanation) or _OTHER_ANSWERS.search(ex.output):
        return "its explanation accepts other answers"
    return ""


def _case(ex: Example, expected, fns: list[Function], classes: set[str], slug: str, statement: str,
          any_order: bool, inplace: bool, inplace_name: str | None, returns_node: bool,
          code: str = "", unpad: bool = False) -> tuple[TestCase, str]:
    tol = _tolerance(statement, ex.output)
    judge: dict = {"compare": "unordered" if any_order else "exact"}
    if tol:
        judge["abs_tol"] = tol
    name = f"example_{ex.number}"
    fix = _unpad if unpad else (lambda v: v)
    expected = fix(expected)
    assigns = parse_assignments(ex.input)
    if assigns is not None:
        assigns = [(n, fix(v)) for n, v in assigns]
    if assigns is None:
        values = parse_values(ex.input) if ex.input.lstrip()[:1] in "[{\"" else [parse_value(ex.input)]
        values = [fix(v) for v in values]
        if (len(values) == 2 and isinstance(values[0], list) and values[0] and isinstance(values[0][0], str)
                and values[0][0] in classes and isinstance(values[1], list) and len(values[1]) == len(values[0])):
            judge.update(via="_codevet_lc_design", compare="exact")
            return TestCase("call", input=[values[0], values[1]], output=expected, name=name, judge=judge), values[0][0]
        if _READS_STDIN.search(code) and not any(f.in_solution for f in fns):
            raise _Skip("bare values for a program that reads stdin: a stdin/stdout sample, not a call")
        fn = pick_function(fns, None, len(values), slug)
        if fn is None:
            raise _Skip(f"no function of the answer takes {len(values)} argument(s)")
        args = values
    else:
        names = [n for n, _ in assigns]
        fn = pick_function(fns, names, len(assigns), slug)
        if fn is None:
            raise _Skip(f"no function of the answer takes ({', '.join(names)})")
        given = dict(assigns)
        args = [given[p] for p in fn.params] if sorted(fn.params) == sorted(names) else [v for _, v in assigns]
    node_params = {n for m in _NODE_PARAMS.finditer(statement) for n in m.groups() if n}
    for value, kind, param in zip(args, fn.kinds, fn.params):
        if (kind or param in node_params) and not isinstance(value, list):
            raise _Skip(f"{param} is a {kind + ' ' if kind else ''}node but the example gives {value!r} "
                        "(a node inside another structure)")
    node_kinds = {k for k in fn.kinds if k}
    result_kind = fn.returns or (node_kinds.pop() if returns_node and len(node_kinds) == 1 else "")
    via_args: dict = {"kinds": fn.kinds, "result": result_kind}
    # A function that returns nothing can only be judged by what it did to an argument.
    if inplace or not fn.returns_value:
        target = _inplace_index(fn, inplace_name, args)
        if target is None:
            raise _Skip("the statement asks for an in-place change but names no argument of the answer")
        via_args["inplace"] = target
    judge.update(via="_codevet_lc_call", via_args=via_args)
    return TestCase("call", input=args, output=expected, name=name, judge=judge), fn.name


def _inplace_index(fn: Function, name: str | None, args: list) -> int | None:
    if name and name in fn.params:
        return fn.params.index(name)
    lists = [i for i, a in enumerate(args) if isinstance(a, list)]
    return lists[0] if len(lists) == 1 else None

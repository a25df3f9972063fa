"""The model writes tests for an untested Python answer, from the INSTRUCTION, not the code.

The request holds the instruction and the answer's interface (the names and parameters
of its top-level functions and classes, as `def name(params): ...` stubs made with
`ast`), never the answer's code: no body, no docstring, no module-level statement. Tests
written from the code would check what the code does, and a wrong answer would pass
them; tests written from the instruction check what was asked. The interface is the least
a test needs to call the answer at all.

A second turn (`recheck`) tells the model which of its tests failed on the answer and how
(a false assertion, an exception in the answer, an exception in the test itself), but not
what the answer returned: shown the value, a model tends to copy it into the test, which
would turn a wrong answer's output into its own proof. The model re-derives each failing
test from the instruction and keeps, fixes or drops it. See harness/synthesize.py for how
the answer is judged on the result.

Requests go through the same LLMClient as `codevet generate` (structured output, adaptive
thinking, the cached system prompt, the shared cost ledger).
"""
from __future__ import annotations

import ast
from typing import Any, Protocol

from pydantic import BaseModel, Field

from codevet.generators.llm import templates
from codevet.generators.llm.client import LLMClient, Reply
from codevet.core import pyast


class ModelTest(BaseModel):
    name: str = Field(description="short snake_case name, unique within the reply")
    code: str = Field(description="Python statements ending in assert statements; call the answer's functions "
                                  "by the names given, without importing them")


class ModelTests(BaseModel):
    tests: list[ModelTest]


def answer_interface(code: str) -> str:
    """`def name(params): ...` for each top-level function, and each class with its
    methods, in source order: what a caller must know, and nothing of how it is done.
    Empty when the answer defines nothing callable (a script) or does not parse."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError, RecursionError):
        return ""
    lines: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines.append(_stub(node))
        elif isinstance(node, ast.ClassDef):
            bases = ", ".join(ast.unparse(b) for b in node.bases)
            lines.append(f"class {node.name}({bases}):" if bases else f"class {node.name}:")
            methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
            lines += ["    " + _stub(m) for m in methods] or ["    ..."]
    return "\n".join(lines)


def _stub(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    prefix = "async def" if isinstance(fn, ast.AsyncFunctionDef) else "def"
    returns = f" -> {ast.unparse(fn.returns)}" if fn.returns is not None else ""
    return f"{prefix} {fn.name}({ast.unparse(fn.args)}){returns}: ..."


class ReplyStore(Protocol):
    """Replies kept by request (the harness's file-backed one: harness/reply_cache.py)."""

    def get(self, params: dict[str, Any], schema: type[BaseModel]) -> Reply | None: ...

    def put(self, params: dict[str, Any], reply: Reply) -> None: ...


class TestWriter:
    __test__ = False  # not a pytest class

    def __init__(self, llm: LLMClient, store: ReplyStore | None = None) -> None:
        self.llm = llm
        self.store = store

    def _ask(self, params: dict[str, Any]) -> Reply:
        """A stored reply to this exact request, else the model's (then stored)."""
        if self.store is not None:
            hit = self.store.get(params, ModelTests)
            if hit is not None:
                return hit
        reply = self.llm.ask(params, ModelTests)
        if self.store is not None:
            self.store.put(params, reply)
        return reply

    @staticmethod
    def first_messages(instruction: str, interface: str) -> list[dict[str, Any]]:
        return [{"role": "user", "content": templates.render("tests/write.md", instruction=instruction.strip(),
                                                             interface=interface)}]

    def write(self, instruction: str, interface: str) -> tuple[Reply, list[dict[str, Any]]]:
        messages = self.first_messages(instruction, interface)
        params = self.llm.params(templates.template("tests/system.md"), messages, ModelTests)
        return self._ask(params), messages

    def recheck(self, conversation: list[dict[str, Any]], previous: Reply, feedback: str
                ) -> tuple[Reply, list[dict[str, Any]]]:
        """The same conversation, the previous reply passed back exactly (thinking blocks
        unchanged, as the API requires), then what failed (never the answer's values)."""
        conversation = conversation + [
            {"role": "assistant", "content": previous.assistant},
            {"role": "user", "content": [{"type": "text", "text": templates.render("tests/recheck.md",
                                                                                  feedback=feedback)}]},
        ]
        params = self.llm.params(templates.template("tests/system.md"), conversation, ModelTests)
        return self._ask(params), conversation

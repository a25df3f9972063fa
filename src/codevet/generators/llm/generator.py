"""The four things the model is asked: write an example, repair it from evidence, judge
it, and (three.js) look at its screenshot. Each returns parsed data and its usage.

Every request puts what all requests of its kind share (the language's rules, context
templates, rubric and worked example) in one cached system block, and only the
per-example line in the user turn, so from the second request on the prefix is read
from the cache."""
from __future__ import annotations

import base64
from typing import Any

from codevet.generators.llm import templates
from codevet.generators.llm.client import LLMClient, Reply
from codevet.generators.llm.languages import Judgement, LanguageSpec, VisualCheck


class ExampleGenerator:
    def __init__(self, llm: LLMClient, spec: LanguageSpec) -> None:
        self.llm = llm
        self.spec = spec

    def first_messages(self, index: int, type_name: str) -> list[dict[str, Any]]:
        return [{"role": "user", "content": self.spec.user_prompt(index, type_name)}]

    def first_params(self, index: int, type_name: str) -> dict[str, Any]:
        return self.llm.params(self.spec.system_prompt(), self.first_messages(index, type_name), self.spec.schema)

    def write(self, index: int, type_name: str) -> Reply:
        return self.llm.ask(self.first_params(index, type_name), self.spec.schema)

    def repair(self, conversation: list[dict[str, Any]], previous: Reply, evidence: str) -> tuple[Reply, list[dict[str, Any]]]:
        """Continue the same conversation: the previous reply exactly as it came (thinking
        blocks unchanged, as the API requires), then the sandbox's evidence."""
        conversation = conversation + [
            {"role": "assistant", "content": previous.assistant},
            {"role": "user", "content": [{"type": "text", "text": templates.render("repair.md", evidence=evidence)}]},
        ]
        params = self.llm.params(self.spec.system_prompt(), conversation, self.spec.schema)
        return self.llm.ask(params, self.spec.schema), conversation

    def judge(self, example: Any) -> Reply:
        prompt = templates.render("judge_example.md", language=self.spec.language,
                                  instruction=self.spec.instruction_of(example), answer=self.spec.answer_of(example))
        params = self.llm.params(templates.template("judge.md"), [{"role": "user", "content": prompt}], Judgement)
        return self.llm.ask(params, Judgement)

    def look(self, example: Any, png: bytes) -> Reply:
        content = [
            {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                         "data": base64.b64encode(png).decode()}},
            {"type": "text", "text": templates.render("vision_example.md", instruction=self.spec.instruction_of(example))},
        ]
        params = self.llm.params(templates.template("vision.md"), [{"role": "user", "content": content}], VisualCheck)
        return self.llm.ask(params, VisualCheck)

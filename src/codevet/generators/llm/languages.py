"""What a generated example looks like per language: the tool schema the model fills in,
how the filled-in example becomes a Candidate for the sandbox, and how it is written out in
the language's training format."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel, Field

from codevet.generators.formats import get_format
from codevet.generators.llm import templates
from codevet.core.model import Candidate, TestCase, TestSpec


class PythonExample(BaseModel):
    instruction: str = Field(min_length=10, description="the task, as a developer would ask it")
    code: str = Field(min_length=1, description="the complete solution module (solution.py)")
    tests: str = Field(min_length=1, description="a pytest file that imports from `solution`")


class ThreeJSExample(BaseModel):
    description: str = Field(min_length=5, description="a short instruction, e.g. 'Create a red cube that rotates'")
    code: str = Field(min_length=1, description="complete JavaScript using the global THREE")
    filename: str = Field(min_length=1, description="kebab-case file name ending in .js")


class OoTExample(BaseModel):
    instruction: str = Field(min_length=5)
    input: str = Field("", description="optional context, or an empty string")
    output: str = Field(min_length=1, description="the answer; C goes in ```c fenced blocks")


class Judgement(BaseModel):
    """The reviewer's findings; the quality score is computed from them (see scoring.py)."""

    technical_accuracy: float = Field(ge=0, le=10, description="layer 1, 0-10")
    usefulness: float = Field(ge=0, le=10, description="layer 2, 0-10")
    uses_proper_terminology: bool
    technical_issues: list[str] = Field(description="one short string per concrete technical problem; empty if none")
    rationale: str


class VisualCheck(BaseModel):
    matches: bool
    reason: str


# OoT: which context templates fit each example type (the guide's templates chosen per
# type), and the complexity levels cycled through.
OOT_CONTEXTS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "architecture_question": ("actor_categories_memory", "objects_assets", "z_targeting", "scene_system", "actor_system"),
    "code_explanation": ("actor_system", "player_system", "z_targeting", "objects_assets", "asm_patches"),
    "code_modification": ("actor_system", "player_system", "z_targeting", "scene_system"),
    "conversational": ("asm_patches", "objects_assets", "debugging", "actor_categories_memory"),
    "debugging_help": ("debugging", "objects_assets", "actor_system", "actor_categories_memory"),
    "feature_implementation": ("actor_system", "z_targeting", "objects_assets", "asm_patches", "player_system"),
}
COMPLEXITY_LEVELS = ("beginner", "intermediate", "advanced")


@dataclass(frozen=True)
class LanguageSpec:
    language: str
    schema: type[BaseModel]
    types: tuple[str, ...]
    to_candidate: Callable[[BaseModel, str, str], Candidate]  # (example, id, example type)
    to_record: Callable[[BaseModel], dict[str, Any]]
    instruction_of: Callable[[BaseModel], str]
    answer_of: Callable[[BaseModel], str]

    def system_prompt(self) -> str:
        """The shared, cached prefix: identical for every request of this language."""
        if self.language == "oot":
            contexts = "\n".join(f"- {name}: {templates.template(f'oot/contexts/{name}.md')}"
                                  for name in templates.names("oot/contexts"))
            types = "\n".join(f"- {name}: {templates.template(f'oot/types/{name}.md')}"
                               for name in templates.names("oot/types"))
            return templates.render("oot/system.md", contexts=contexts, types=types)
        return templates.template(f"{self.language}/system.md")

    def user_prompt(self, index: int, type_name: str) -> str:
        if self.language == "oot":
            choices = OOT_CONTEXTS_BY_TYPE.get(type_name) or tuple(templates.names("oot/contexts"))
            context = choices[(index // len(self.types)) % len(choices)]
            return templates.render("oot/generate.md", index=index, type_name=type_name.replace("_", " "),
                                    type_guidance=templates.template(f"oot/types/{type_name}.md"),
                                    context=context, complexity=COMPLEXITY_LEVELS[index % len(COMPLEXITY_LEVELS)])
        topics = templates.lines(f"{self.language}/topics.txt")
        values: dict[str, object] = {"index": index, "topic": topics[index % len(topics)]}
        if self.language == "python":
            values["difficulty"] = ("easy", "moderately hard", "hard")[index % 3]
        return templates.render(f"{self.language}/generate.md", **values)


def _python_candidate(ex: PythonExample, cid: str, type_name: str) -> Candidate:
    return Candidate(id=cid, source="generated", language="python", instruction=ex.instruction, code=ex.code,
                     tests=TestSpec((TestCase("pytest", ex.tests, name="test_solution.py"),)), format="generated")


def _adapted(fmt: str, language: str):
    def convert(ex: BaseModel, cid: str, type_name: str) -> Candidate:
        record = ex.model_dump()
        # The sandbox may judge by the example's type (an OoT explanation needs no code);
        # the type is the generator's, not part of the training record.
        cand = get_format(fmt).to_candidate({**record, "type": type_name}, source="generated", index=0,
                                            language=language)
        cand.id, cand.raw = cid, record
        return cand
    return convert


def _fenced(code: str, tag: str) -> str:
    return f"```{tag}\n{code.rstrip()}\n```"


SPECS: dict[str, LanguageSpec] = {
    "python": LanguageSpec(
        "python", PythonExample, ("function", "class", "algorithm"), _python_candidate,
        lambda ex: {"instruction": ex.instruction, "input": "", "output": _fenced(ex.code, "python")},
        lambda ex: ex.instruction, lambda ex: _fenced(ex.code, "python") + "\n\nTests:\n" + _fenced(ex.tests, "python")),
    "threejs": LanguageSpec(
        "threejs", ThreeJSExample, ("scene",), _adapted("threejs", "threejs"),
        lambda ex: {"description": ex.description, "code": ex.code, "filename": ex.filename},
        lambda ex: ex.description, lambda ex: _fenced(ex.code, "javascript")),
    "oot": LanguageSpec(
        "oot", OoTExample, tuple(templates.names("oot/types")), _adapted("oot", "oot"),
        lambda ex: {"instruction": ex.instruction, "input": ex.input, "output": ex.output},
        lambda ex: ex.instruction + ("\n\n" + ex.input if ex.input else ""), lambda ex: ex.output),
}

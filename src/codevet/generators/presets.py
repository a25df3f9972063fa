"""The common code datasets by name: which adapter maps each one's fields onto
Candidates, and which field (if any) says how hard an example is (for curricula).

`codevet verify hf:NAME` picks the preset from the name; a local copy of a set is
verified with `--preset NAME FILE`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    format: str
    difficulty_field: str | None = None
    difficulty_order: tuple[str, ...] = ()  # for text levels, easiest first
    note: str = ""


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("iamtarun/python_code_instructions_18k_alpaca", "alpaca", note="no tests: run as __main__ with the input field"),
    Preset("sahil2801/code_instructions_120k", "code_instructions", note="many languages: each checked in its own sandbox"),
    Preset("sahil2801/CodeAlpaca-20k", "polyglot_alpaca", note="many languages, no tests: parse -> compile -> run"),
    Preset("code_search_net", "code_search_net", note="per-language configs (go, java, javascript, php, python, ruby);"
                                                      " one function each: compiled, never run"),
    Preset("deepmind/code_contests", "code_contests", "difficulty", note="Python 3 solutions only (language code 3)"),
    Preset("codeparrot/apps", "apps", "difficulty", ("introductory", "interview", "competition")),
    Preset("livecodebench/code_generation_lite", "livecodebench", "difficulty", ("easy", "medium", "hard"),
           note="a model's answer in `code`; run after LiveCodeBench's own import prelude"),
    Preset("codeparrot/github-code", "github_code", note="Python files only; no instruction: untested"),
    Preset("greengerong/leetcode", "leetcode", "difficulty", ("Easy", "Medium", "Hard"),
           note="tests from the statement's examples (origin: statement); untested where none derive"),
    Preset("teknium/GPTeacher-General-Instruct", "gpteacher", note="code blocks in the response: untested"),
    Preset("mbpp", "mbpp"),
    Preset("openai_humaneval", "humaneval"),
)}
ALIASES = {"sahil2801/codealpaca-20k": "sahil2801/CodeAlpaca-20k", "CodeAlpaca-20k": "sahil2801/CodeAlpaca-20k",
           "code-search-net/code_search_net": "code_search_net", "claudios/code_search_net": "code_search_net",
           "google-research-datasets/mbpp": "mbpp", "openai/openai_humaneval": "openai_humaneval",
           "Muennighoff/mbpp": "mbpp"}


def find_preset(name: str) -> Preset | None:
    """By full hub name, alias, or the part after the slash (`apps`, `leetcode`)."""
    name = ALIASES.get(name, name)
    if name in PRESETS:
        return PRESETS[name]
    short = {p.name.split("/")[-1].lower(): p for p in PRESETS.values()}
    return short.get(name.split("/")[-1].split(":")[0].lower())


def preset_for_format(fmt: str) -> Preset | None:
    return next((p for p in PRESETS.values() if p.format == fmt), None)

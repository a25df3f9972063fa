"""`codevet mix`: combine the kept sets of earlier runs into one training file.

Each run directory is a source named by its folder. A weight scales it (0.5 keeps half,
2 repeats it twice; fractions are sampled with a seed), and `--curriculum` orders the
result simple to hard: by the set's own difficulty field where it has one, else by code
length. Records are written exactly as they were kept. A dataset card says where every
line came from, what filters and sandboxes it passed and at what rate.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codevet.core.errors import InputError
from codevet.generators.formats import detect_format
from codevet.generators.presets import preset_for_format


class MixError(InputError, ValueError):
    """The run folders given to `mix` cannot be mixed."""


@dataclass
class Source:
    name: str
    path: Path
    lines: list[str]
    summary: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    weight: float = 1.0
    taken: list[str] = field(default_factory=list)


def load_source(path: Path) -> Source:
    kept = path / "kept.jsonl"
    if not kept.is_file():
        raise MixError(f"{path}: no kept.jsonl (is it the --out of a codevet run?)")
    lines = [line for line in kept.read_text(encoding="utf-8").splitlines() if line.strip()]
    src = Source(path.name, path, lines)
    for name, attr in (("summary.json", "summary"), ("config.json", "config"), ("metadata.json", "summary")):
        f = path / name
        if f.is_file() and not getattr(src, attr):
            setattr(src, attr, json.loads(f.read_text()))
    return src


def parse_weights(spec: str | None) -> dict[str, float]:
    weights: dict[str, float] = {}
    for part in filter(None, (spec or "").split(",")):
        name, sep, value = part.partition("=")
        try:
            weights[name.strip()] = float(value)
        except ValueError:
            raise MixError(f"bad weight {part!r}: want name=number") from None
        if not sep or weights[name.strip()] < 0:
            raise MixError(f"bad weight {part!r}: want name=number (>= 0)")
    return weights


def sample(lines: list[str], weight: float, rng: random.Random) -> list[str]:
    whole, frac = int(weight), weight - int(weight)
    taken = lines * whole
    extra = round(len(lines) * frac)
    taken += rng.sample(lines, extra) if extra else []
    return taken


def difficulty(line: str) -> tuple[float, int]:
    """(0..1 rank within the set's own scale, code length); unknown difficulty sorts by length."""
    record = json.loads(line)
    code = str(record.get("code") or record.get("output") or record.get("canonical_solution") or "")
    adapter = detect_format(record) if isinstance(record, dict) else None
    preset = preset_for_format(adapter.name) if adapter else None
    if preset and preset.difficulty_field and record.get(preset.difficulty_field) not in (None, ""):
        value = record[preset.difficulty_field]
        if preset.difficulty_order and value in preset.difficulty_order:
            return preset.difficulty_order.index(value) / max(1, len(preset.difficulty_order) - 1), len(code)
        if isinstance(value, (int, float)):
            return min(1.0, float(value) / 30.0), len(code)  # code_contests levels run 0..~30
    return min(1.0, len(code) / 4000.0), len(code)


def mix(dirs: list[Path], weights: dict[str, float], out: Path, curriculum: bool = False,
        seed: int = 0) -> dict[str, Any]:
    sources = [load_source(d) for d in dirs]
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise MixError(f"two sources share a folder name: {names}")
    unknown = set(weights) - set(names)
    if unknown:
        raise MixError(f"weights for unknown sources {sorted(unknown)} (have: {', '.join(names)})")
    rng = random.Random(seed)
    mixed: list[tuple[str, str]] = []
    for src in sources:
        src.weight = weights.get(src.name, 1.0)
        src.taken = sample(src.lines, src.weight, rng)
        mixed += [(src.name, line) for line in src.taken]
    if curriculum:
        mixed.sort(key=lambda item: difficulty(item[1]))
    else:
        rng.shuffle(mixed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(line + "\n" for _, line in mixed), encoding="utf-8")
    card = out.with_suffix(".card.md")
    card.write_text(render_card(sources, out, len(mixed), curriculum, seed), encoding="utf-8")
    return {"out": str(out), "card": str(card), "total": len(mixed),
            "sources": {s.name: {"kept": len(s.lines), "weight": s.weight, "taken": len(s.taken)} for s in sources}}


def render_card(sources: list[Source], out: Path, total: int, curriculum: bool, seed: int) -> str:
    lines = [
        "---", f"size: {total}", f"order: {'curriculum (simple to hard)' if curriculum else f'shuffled (seed {seed})'}",
        "generated_by: codevet mix", "---", "", f"# {out.stem}", "",
        f"{total} examples, every one of which ran in its language's sandbox and passed.", "",
        "## Sources", "", "| source | inputs | verified | kept | pass rate | weight | in this mix |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in sources:
        summ = s.summary
        verified = summ.get("total", summ.get("requested", "?"))
        rate = summ.get("pass_rate")
        rate_text = f"{100 * rate:.1f}%" if isinstance(rate, (int, float)) else "?"
        inputs = ", ".join(summ.get("inputs", [])) or summ.get("model", "") or "?"
        lines.append(f"| {s.name} | {inputs} | {verified} | {len(s.lines)} | {rate_text} | {s.weight:g} | {len(s.taken)} |")
    lines += ["", "## Filters and sandboxes", ""]
    for s in sources:
        filters = (s.config.get("filters") or {})
        active = {k: v for k, v in filters.items() if v not in (None, False, "off")}
        sandbox = s.config.get("sandbox") or {}
        lines.append(f"- **{s.name}**: filters {json.dumps(active) if active else 'none'}; "
                     f"timeout {sandbox.get('timeout_s', '?')} s, isolation {sandbox.get('isolation', '?')}")
        reasons = s.summary.get("by_reason") or s.summary.get("reasons") or {}
        if reasons:
            lines.append("  - rejected: " + ", ".join(f"{k} {v}" for k, v in reasons.items()))
    lines += ["", "Records are written exactly as they were read from each source; licences are the sources' own."]
    return "\n".join(lines) + "\n"

"""summary.json: counts that always add up to the number of input examples."""
from __future__ import annotations

from collections import Counter
from typing import Any


class SummaryBuilder:
    def __init__(self) -> None:
        self.total = 0
        self.status: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.checks: dict[str, Counter[str]] = {}
        self.cached = 0
        self.slowest: list[tuple[float, str, str]] = []

    def add(self, line: dict[str, Any]) -> None:
        self.total += 1
        self.status[line["status"]] += 1
        self.languages[line["language"]] += 1
        if line["status"] != "pass":
            self.reasons[line.get("reason") or "unknown"] += 1
        for check in line["checks"]:
            self.checks.setdefault(check["name"], Counter())["passed" if check["passed"] else "failed"] += 1
        self.cached += bool(line.get("cached"))
        if not line.get("cached"):
            self.slowest.append((line["duration_s"], line["id"], line["source"]))
            if len(self.slowest) > 200:
                self.slowest = sorted(self.slowest, reverse=True)[:20]

    def build(self, duration_s: float, inputs: list[str], interrupted: bool = False) -> dict[str, Any]:
        return {
            "total": self.total,
            "pass": self.status["pass"],
            "fail": self.status["fail"],
            "error": self.status["error"],
            "pass_rate": round(self.status["pass"] / self.total, 4) if self.total else 0.0,
            "by_check": {k: dict(v) for k, v in sorted(self.checks.items())},
            "by_reason": dict(self.reasons.most_common()),
            "by_language": dict(self.languages.most_common()),
            "cached": self.cached,
            "duration_s": round(duration_s, 3),
            "examples_per_s": round(self.total / duration_s, 2) if duration_s > 0 else None,
            "slowest": [{"id": i, "source": s, "duration_s": d} for d, i, s in sorted(self.slowest, reverse=True)[:10]],
            "inputs": inputs,
            "interrupted": interrupted,
        }

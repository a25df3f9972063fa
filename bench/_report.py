"""What every bench can hand to `bench/results.py`: one JSON file of rows (`--json PATH`)."""
from __future__ import annotations

import json
import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """Largest resident set of this process and of any child it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def write_json(path: str | None, sandbox: str, rows: list[dict], **extra) -> None:
    """rows: {name, codevet_eps, baseline_eps, ratio, examples, codevet, baseline}."""
    if path:
        Path(path).write_text(json.dumps({"sandbox": sandbox, "rows": rows, "peak_rss_mb": round(peak_rss_mb(), 1),
                                          **extra}, indent=2) + "\n")

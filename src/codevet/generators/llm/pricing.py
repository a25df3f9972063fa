"""USD per million tokens. Prices change: the table is data (prices.json beside this
file, dated, with its source; or --prices FILE), and a model is priced by the longest
matching prefix. An unknown model is priced like the most expensive model in the table, so a budget
errs on the side of stopping early."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from codevet.core.resources import package_dir

DEFAULT_TABLE = package_dir(__package__) / "prices.json"
CACHE_WRITE_MULTIPLIER = 1.25  # 5-minute cache writes
CACHE_WRITE_1H_MULTIPLIER = 2.0
CACHE_READ_MULTIPLIER = 0.1  # when the table does not say (newer models read cheaper)
BATCH_DISCOUNT = 0.5


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cache_read: float = CACHE_READ_MULTIPLIER


def load_prices(path: Path | None = None) -> dict[str, Price]:
    data = json.loads((path or DEFAULT_TABLE).read_text())
    return {k: Price(v["input"], v["output"], v.get("cache_read", CACHE_READ_MULTIPLIER))
            for k, v in data["models"].items()}


def table_date(path: Path | None = None) -> str | None:
    """When the default table was checked against the pricing page (shown in metadata)."""
    return json.loads((path or DEFAULT_TABLE).read_text()).get("checked")


def price_for(model: str, table: dict[str, Price]) -> Price:
    matches = [k for k in table if model.startswith(k)]
    if matches:
        return table[max(matches, key=len)]
    for family in ("fable", "mythos", "opus", "sonnet", "haiku"):
        if family in model and family in table:
            return table[family]
    return table["default"]


def cost_usd(usage: dict[str, int], price: Price, batch: bool = False, cache_ttl: str = "5m") -> float:
    write_mult = CACHE_WRITE_1H_MULTIPLIER if cache_ttl == "1h" else CACHE_WRITE_MULTIPLIER
    dollars = (usage.get("input_tokens", 0) * price.input
               + usage.get("cache_creation_input_tokens", 0) * price.input * write_mult
               + usage.get("cache_read_input_tokens", 0) * price.input * price.cache_read
               + usage.get("output_tokens", 0) * price.output) / 1_000_000
    return dollars * (BATCH_DISCOUNT if batch else 1.0)

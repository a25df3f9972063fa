"""A thin layer over the Anthropic SDK: structured output through `output_config.format`
(the JSON schema the SDK's own `messages.parse` sends for a pydantic model), adaptive
thinking where the model takes it, the thinking blocks kept so a repair turn can pass them
back unchanged, prompt caching on the shared system prompt, usage and cost on a shared
ledger, and errors sorted into the ones that stop a run and the ones that only lose one
example.

No forced `tool_choice` and no assistant prefill: current models refuse both when thinking
is on (see models.json). The client is built the SDK's own way (ANTHROPIC_API_KEY,
ANTHROPIC_BASE_URL), so tests point it at a local emulator that speaks the Messages API.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from codevet.core.errors import CodevetError
from codevet.generators.llm.capabilities import Capabilities, capabilities
from codevet.generators.llm.pricing import Price, cost_usd

DEFAULT_MODEL = "claude-sonnet-5-5"  # the newest Sonnet in the installed SDK's model list
DEFAULT_MAX_TOKENS = 16000  # adaptive thinking and the answer share max_tokens


def _lazy_sdk() -> Any:
    """The anthropic module, loaded on first use. Importing the SDK builds hundreds of
    pydantic models (2-3 CPU s), and this module is imported by everything that names a
    reply or a client (the reply cache, the test writer, `generate --help`), most of which
    never send a request."""
    if "anthropic" in sys.modules:
        return sys.modules["anthropic"]
    spec = importlib.util.find_spec("anthropic")
    if spec is None or spec.loader is None:
        import anthropic  # noqa: F401  (raises the ImportError the user should see)
    loader = importlib.util.LazyLoader(spec.loader)  # type: ignore[union-attr]
    spec.loader = loader  # type: ignore[union-attr]
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["anthropic"] = module
    loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import anthropic
else:
    anthropic = _lazy_sdk()


@lru_cache(maxsize=1)
def spend_limit_errors() -> tuple[type[BaseException], ...]:
    return tuple(getattr(anthropic, n) for n in (
        "EnforcedSpendLimitReachedError", "ContractSpendLimitReachedError", "LinkedOrganizationSpendLimitReachedError")
        if hasattr(anthropic, n))

SPEND_WORDS = ("spend limit", "spending limit", "credit balance", "usage limit", "billing")


class StopRun(CodevetError):
    """Nothing more can be generated in this run. `fatal` faults (credentials, unknown
    model, a request every candidate would send, spend limit, no network) make the command
    exit non-zero; a budget the user set stops the run but is not a fault."""

    def __init__(self, reason: str, detail: str, fatal: bool = True) -> None:
        super().__init__(detail)
        self.reason = reason
        self.fatal = fatal


class ReplyFailed(CodevetError):
    """This request failed (after the SDK's retries); other examples may still succeed."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class ParseFailed(CodevetError):
    """The reply came back but does not hold a valid example."""


TOKEN_FIELDS = ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")


@dataclass
class Ledger:
    """Tokens and dollars across all threads, and the budget check before each request."""

    price: Price
    budget_usd: float | None = None
    cache_ttl: str = "5m"
    tokens: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TOKEN_FIELDS, 0))
    cost: float = 0.0
    requests: int = 0
    cached_requests: int = 0  # requests whose prefix was read from the cache
    _reserved: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reserve(self, estimate: float) -> None:
        with self._lock:
            if self.budget_usd is not None and self.cost + self._reserved + estimate > self.budget_usd:
                raise StopRun("budget", f"the next request could exceed the budget of ${self.budget_usd:.2f} "
                                        f"(spent ${self.cost:.4f})", fatal=False)
            self._reserved += estimate

    def release(self, estimate: float) -> None:
        with self._lock:
            self._reserved = max(0.0, self._reserved - estimate)

    def record(self, usage: Any, batch: bool = False) -> dict[str, Any]:
        counts = {k: int(getattr(usage, k, 0) or 0) for k in TOKEN_FIELDS}
        dollars = cost_usd(counts, self.price, batch=batch, cache_ttl=self.cache_ttl)
        with self._lock:
            for k, v in counts.items():
                self.tokens[k] += v
            self.cost += dollars
            self.requests += 1
            self.cached_requests += counts["cache_read_input_tokens"] > 0
        return {**counts, "cost_usd": round(dollars, 6)}


@dataclass
class Reply:
    data: BaseModel
    assistant: list[dict[str, Any]]  # the reply's blocks as sent back on a repair turn (thinking unchanged)
    usage: dict[str, Any]


def output_format(schema: type[BaseModel]) -> dict[str, Any]:
    """`output_config.format` for a pydantic model: the same transformed JSON schema the SDK's
    `messages.parse(output_format=...)` sends (constraints the API does not take move into
    descriptions; pydantic still checks them on the way back)."""
    try:
        from anthropic.lib._parse._transform import transform_schema  # the SDK's own
        return {"type": "json_schema", "schema": transform_schema(schema.model_json_schema())}
    except ImportError:  # an SDK without the helper: a strict object schema by hand
        return {"type": "json_schema", "schema": {**schema.model_json_schema(), "additionalProperties": False}}


def passed_back(block: Any) -> dict[str, Any] | None:
    """A reply block as the next request must carry it: thinking and redacted thinking
    exactly as received (the API checks their signatures), text as text."""
    kind = getattr(block, "type", None)
    if kind == "thinking":
        return {"type": "thinking", "thinking": block.thinking, "signature": block.signature}
    if kind == "redacted_thinking":
        return {"type": "redacted_thinking", "data": block.data}
    if kind == "text":
        return {"type": "text", "text": block.text}
    return None


class LLMClient:
    def __init__(self, model: str, ledger: Ledger, max_tokens: int = DEFAULT_MAX_TOKENS, max_retries: int = 4,
                 timeout_s: float = 600.0, client: anthropic.Anthropic | None = None) -> None:
        self.model = model
        self.caps: Capabilities = capabilities(model)
        self.ledger = ledger
        self.max_tokens = min(max_tokens, self.caps.max_output)
        self.client = client or anthropic.Anthropic(max_retries=max_retries, timeout=timeout_s)

    # -- requests -------------------------------------------------------------------------
    def params(self, system: str, messages: list[dict[str, Any]], schema: type[BaseModel]) -> dict[str, Any]:
        cache: dict[str, Any] = {"type": "ephemeral"}
        if self.ledger.cache_ttl == "1h":
            cache["ttl"] = "1h"
        params: dict[str, Any] = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            # the shared part of every request, cached: per-example text goes in `messages`
            "system": [{"type": "text", "text": system, "cache_control": cache}],
            "messages": messages,
            "output_config": {"format": output_format(schema)},
        }
        if "adaptive" in self.caps.thinking:
            params["thinking"] = {"type": "adaptive"}
        return params

    def _estimate(self, params: dict[str, Any]) -> float:
        chars = len(json.dumps(params["system"])) + len(json.dumps(params["messages"]))
        price = self.ledger.price
        return (chars / 3.0 * price.input + params["max_tokens"] * price.output) / 1_000_000

    def send(self, params: dict[str, Any]) -> Any:
        estimate = self._estimate(params)
        self.ledger.reserve(estimate)
        try:
            return self.client.messages.create(**params)
        except anthropic.APIStatusError as exc:
            raise classify(exc) from exc
        except anthropic.APITimeoutError as exc:
            raise ReplyFailed("api-timeout", f"{type(exc).__name__}: {exc}") from exc
        except anthropic.APIConnectionError as exc:  # after the SDK's own retries
            raise StopRun("api-unreachable", f"cannot reach the API at {self.client.base_url}: {exc}") from exc
        except anthropic.APIResponseValidationError as exc:
            raise ParseFailed(f"the reply was not a valid Messages API response: {exc}") from exc
        except ValueError as exc:  # a body that is not JSON at all
            raise ParseFailed(f"the reply could not be decoded: {exc}") from exc
        finally:
            self.ledger.release(estimate)

    def ask(self, params: dict[str, Any], schema: type[BaseModel], retry_parse: bool = True) -> Reply:
        """One structured answer; a reply that does not parse is retried once."""
        attempts = 2 if retry_parse else 1
        last: Exception | None = None
        for _ in range(attempts):
            try:
                message = self.send(params)
            except ParseFailed as exc:
                last = exc
                continue
            usage = self.ledger.record(message.usage, batch=False)
            try:
                return self.parse(message, schema, usage)
            except ParseFailed as exc:
                last = exc
        raise ParseFailed(str(last))

    @staticmethod
    def parse(message: Any, schema: type[BaseModel], usage: dict[str, Any]) -> Reply:
        stop = getattr(message, "stop_reason", None)
        if stop == "max_tokens":
            raise ParseFailed("the reply was cut off at max_tokens (thinking and answer share it)")
        if stop == "refusal":
            raise ParseFailed("the model declined to answer (stop_reason refusal)")
        blocks = getattr(message, "content", None) or []
        text = "".join(getattr(b, "text", "") for b in blocks if getattr(b, "type", None) == "text")
        if not text.strip():
            raise ParseFailed("the reply holds no text (only thinking?)")
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseFailed(f"the reply is not JSON: {exc.msg}: {text[:200]!r}") from exc
        try:
            data = schema.model_validate(raw)
        except ValidationError as exc:
            raise ParseFailed("the reply does not fit the schema: " + "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])) from exc
        assistant = [b for b in (passed_back(x) for x in blocks) if b is not None]
        return Reply(data, assistant, usage)


def api_message(exc: Exception) -> str:
    """The API's own words (error.message), which is what the user must see."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])
    return str(exc)


def classify(exc: anthropic.APIStatusError) -> StopRun | ReplyFailed:
    """A status error that every request of this run would get stops the run; one that
    belongs to this request (too long, overloaded, rate limited after retries) does not."""
    status, msg = exc.status_code, api_message(exc)
    head = f"{status} {type(exc).__name__}: {msg}"
    if isinstance(exc, spend_limit_errors()) or (status in (400, 402, 429) and any(w in msg.lower() for w in SPEND_WORDS)):
        return StopRun("spend-limit", f"the API's spend limit is reached ({head})")
    if status == 401:
        return StopRun("api-auth", head)
    if status == 402:
        return StopRun("api-billing", head)
    if status == 403:
        return StopRun("api-permission", head)
    if status == 404:
        return StopRun("api-not-found", head)
    if status == 400 and "too long" not in msg.lower():
        return StopRun("api-invalid-request", head)
    if status in (400, 413):
        return ReplyFailed("api-request-too-large", head)
    if status == 429:
        return ReplyFailed("api-rate-limited", head)
    if status >= 500:
        return ReplyFailed("api-overloaded" if status in (503, 529) else "api-server-error", head)
    return ReplyFailed("api-request-rejected", head)

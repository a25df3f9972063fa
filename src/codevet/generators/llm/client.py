"""A thin layer over the Anthropic SDK: structured output through a forced tool call,
prompt caching on the shared system prompt, usage and cost on a shared ledger, and errors
sorted into the ones that stop a run and the ones that only lose one example.

The client is built the SDK's own way (ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL), so tests
point it at a local server that speaks the Messages API.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

import anthropic
from pydantic import BaseModel, ValidationError

from codevet.core.errors import CodevetError
from codevet.generators.llm.pricing import Price, cost_usd

DEFAULT_MODEL = "claude-sonnet-5-5"  # the newest Sonnet in the installed SDK's model list
SPEND_LIMIT_ERRORS = tuple(getattr(anthropic, n) for n in (
    "EnforcedSpendLimitReachedError", "ContractSpendLimitReachedError", "LinkedOrganizationSpendLimitReachedError")
    if hasattr(anthropic, n))
FATAL_ERRORS = (anthropic.AuthenticationError, anthropic.PermissionDeniedError) + tuple(
    getattr(anthropic, n) for n in ("PaymentRequiredError",) if hasattr(anthropic, n))


class StopRun(CodevetError):
    """Nothing more can be generated in this run (spend limit, budget, credentials)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


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
    _reserved: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reserve(self, estimate: float) -> None:
        with self._lock:
            if self.budget_usd is not None and self.cost + self._reserved + estimate > self.budget_usd:
                raise StopRun("budget", f"the next request could exceed the budget of ${self.budget_usd:.2f} "
                                        f"(spent ${self.cost:.4f})")
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
        return {**counts, "cost_usd": round(dollars, 6)}


@dataclass
class Reply:
    data: BaseModel
    tool_use: dict[str, Any]  # the assistant's block, to continue the conversation for a repair
    usage: dict[str, Any]


class LLMClient:
    def __init__(self, model: str, ledger: Ledger, max_tokens: int = 4096, max_retries: int = 4,
                 timeout_s: float = 300.0, client: anthropic.Anthropic | None = None) -> None:
        self.model = model
        self.ledger = ledger
        self.max_tokens = max_tokens
        self.client = client or anthropic.Anthropic(max_retries=max_retries, timeout=timeout_s)

    # -- requests -------------------------------------------------------------------------
    def params(self, system: str, messages: list[dict[str, Any]], tool: dict[str, Any]) -> dict[str, Any]:
        cache: dict[str, Any] = {"type": "ephemeral"}
        if self.ledger.cache_ttl == "1h":
            cache["ttl"] = "1h"
        return {
            "model": self.model,
            "max_tokens": self.max_tokens,
            # the shared part of every request, cached: per-example text goes in `messages`
            "system": [{"type": "text", "text": system, "cache_control": cache}],
            "tools": [tool],
            "tool_choice": {"type": "tool", "name": tool["name"]},
            "messages": messages,
        }

    def _estimate(self, params: dict[str, Any]) -> float:
        chars = len(json.dumps(params["system"])) + len(json.dumps(params["messages"]))
        price = self.ledger.price
        return (chars / 3.0 * price.input + params["max_tokens"] * price.output) / 1_000_000

    def send(self, params: dict[str, Any]) -> Any:
        estimate = self._estimate(params)
        self.ledger.reserve(estimate)
        try:
            return self.client.messages.create(**params)
        except SPEND_LIMIT_ERRORS as exc:
            raise StopRun("spend-limit", f"the API's spend limit is reached: {_message(exc)}") from exc
        except FATAL_ERRORS as exc:
            raise StopRun("api-auth", f"{type(exc).__name__}: {_message(exc)}") from exc
        except anthropic.APIResponseValidationError as exc:
            raise ParseFailed(f"the reply was not a valid Messages API response: {_message(exc)}") from exc
        except anthropic.APIStatusError as exc:
            if exc.status_code == 429 and "spend" in _message(exc).lower():
                raise StopRun("spend-limit", f"the API's spend limit is reached: {_message(exc)}") from exc
            raise ReplyFailed(_status_reason(exc), f"{type(exc).__name__} {exc.status_code}: {_message(exc)}") from exc
        except anthropic.APIConnectionError as exc:
            raise ReplyFailed("api-unreachable", f"{type(exc).__name__}: {exc}") from exc
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
        if getattr(message, "stop_reason", None) == "max_tokens":
            raise ParseFailed("the reply was cut off at max_tokens")
        for block in getattr(message, "content", None) or []:
            if getattr(block, "type", None) == "tool_use":
                raw = block.input
                if isinstance(raw, str):  # some proxies send the arguments as a JSON string
                    try:
                        raw = json.loads(raw)
                    except json.JSONDecodeError as exc:
                        raise ParseFailed(f"tool input is not JSON: {exc.msg}") from exc
                try:
                    data = schema.model_validate(raw)
                except ValidationError as exc:
                    raise ParseFailed("tool input does not fit the schema: " + "; ".join(
                        f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])) from exc
                return Reply(data, {"type": "tool_use", "id": block.id, "name": block.name, "input": raw}, usage)
        text = " ".join(getattr(b, "text", "") for b in getattr(message, "content", None) or [])
        raise ParseFailed(f"no tool call in the reply: {text[:200]!r}")


def _message(exc: Exception) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])
    return str(exc)


def _status_reason(exc: anthropic.APIStatusError) -> str:
    if exc.status_code == 529 or isinstance(exc, anthropic.InternalServerError) and exc.status_code >= 500:
        return "api-overloaded" if exc.status_code in (503, 529) else "api-server-error"
    if exc.status_code == 429:
        return "api-rate-limited"
    return "api-request-rejected"

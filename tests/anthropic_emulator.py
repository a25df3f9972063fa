"""A strict local emulator of the Messages and Message Batches APIs, for tests that run
the real SDK over real HTTP (ANTHROPIC_BASE_URL).

It is at least as strict as the API on what codevet sends, and answers the way current
models do:
- every body is checked against the SDK's own param types (tests/param_check.py): unknown
  keys, missing keys and wrong literals are a 400 `invalid_request_error`;
- the model must exist (SDK model list and codevet's dated capability table, models.json),
  else 404 `not_found_error`, like the API;
- the capability table decides: forced `tool_choice` (any/tool) with thinking, or on a
  model that refuses it, is a 400; a last assistant turn (prefill) on a model without
  prefill is a 400; a thinking type the model does not take is a 400;
- replies carry a signed thinking block before the answer; a later assistant turn must
  carry it back unchanged (signature checked), else 400;
- thinking and answer share max_tokens: too small a max_tokens ends in
  stop_reason `max_tokens` with the answer cut off;
- the answer is the JSON the script returns, as text, when `output_config.format` asks
  for a JSON schema (whose objects must set additionalProperties false);
- prompt caching: the prefix up to the last cache_control breakpoint is cached only when
  it reaches the model's minimum (estimated at 4 characters per token); at most 4
  breakpoints; cache reads and writes are reported in usage;
- batches: custom_id must match ^[a-zA-Z0-9_-]{1,64}$ and be unique; results come back
  shuffled; each request is answered like a live one, errors as `errored` results.

Every 4xx the emulator sends is recorded in `rejections`, so a test can assert that a
run got none it did not script.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

import typing
from functools import lru_cache

from codevet.generators.llm.capabilities import capabilities
from param_check import check

CHARS_PER_TOKEN = 4
IMAGE_TOKENS = 1500
MAX_BREAKPOINTS = 4
CUSTOM_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


@lru_cache(maxsize=None)
def _sdk() -> tuple[Any, frozenset[str]]:
    """The SDK's request type and the model names it lists, imported on first use: importing
    anthropic builds hundreds of pydantic models (~2.5 CPU s), and every pytest worker
    collects this module whether or not it runs a generation test."""
    from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
    from anthropic.types.model_param import ModelParam
    models = frozenset(m for arg in typing.get_args(ModelParam) if typing.get_origin(arg) is typing.Literal
                       for m in typing.get_args(arg))
    return MessageCreateParamsNonStreaming, models
_SECRET = b"codevet-emulator"


@dataclass
class Fault:
    """An error the script wants the API to answer with."""

    status: int
    type: str
    message: str
    error_code: str | None = None
    retry: bool | None = None  # x-should-retry


@dataclass
class Raw:
    """Bytes sent as the body, as is (a broken reply)."""

    body: bytes


Reply = dict | Fault | Raw
Script = Callable[[dict[str, Any]], Reply]


def _sign(thinking: str) -> str:
    return hmac.new(_SECRET, thinking.encode(), hashlib.sha256).hexdigest()


def _error_body(kind: str, message: str, error_code: str | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"type": kind, "message": message}
    if error_code:
        err["details"] = {"error_code": error_code}
        err["error_code"] = error_code
    return {"type": "error", "error": err, "request_id": f"req_{uuid.uuid4().hex[:12]}"}


def spend_limit_400() -> Fault:
    """What the API answers once a spend limit the user set is reached (documented as a 400)."""
    return Fault(400, "invalid_request_error", "You have reached your specified workspace API usage limits. "
                 "You will regain access on 2026-12-01 at 00:00 UTC.", retry=False)


def text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content if isinstance(b, dict))


@dataclass
class Emulator:
    script: Script
    api_keys: frozenset[str] = frozenset({"sk-test-not-a-key"})
    thinking_tokens: int = 4500  # what the model spends thinking before each answer
    faults: Callable[[dict[str, Any], int], Fault | None] | None = None  # (body, n-th request) -> fault
    batch_faults: Callable[[str], Fault | None] | None = None  # stage: create | retrieve | results
    polls_to_end: int = 1  # retrieve calls that still say in_progress
    seed: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[tuple[int, str]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)  # the script broke the schema it was given
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    cache: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- HTTP ---------------------------------------------------------------------------------
    def __enter__(self) -> "Emulator":
        emu = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, content_type: str = "application/json",
                      headers: dict[str, str] | None = None) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.send_header("request-id", f"req_{uuid.uuid4().hex[:12]}")
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _fault(self, f: Fault) -> None:
                headers = {"retry-after": "0"}
                if f.retry is not None:
                    headers["x-should-retry"] = "true" if f.retry else "false"
                if 400 <= f.status < 500:
                    emu.rejections.append((f.status, f.message))
                self._send(f.status, _error_body(f.type, f.message, f.error_code), headers=headers)

            def _auth(self) -> bool:
                bearer = self.headers.get("authorization") or ""
                key = self.headers.get("x-api-key") or (bearer[7:] if bearer.lower().startswith("bearer ") else None)
                if key not in emu.api_keys:
                    self._fault(Fault(401, "authentication_error", "invalid x-api-key", retry=False))
                    return False
                if not self.headers.get("anthropic-version"):
                    self._fault(Fault(400, "invalid_request_error", "anthropic-version: header is required"))
                    return False
                return True

            def do_POST(self) -> None:  # noqa: N802
                if not self._auth():
                    return
                try:
                    body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                except json.JSONDecodeError as exc:
                    return self._fault(Fault(400, "invalid_request_error", f"invalid JSON: {exc}"))
                path = self.path.split("?")[0]
                if path == "/v1/messages/batches":
                    result = emu.create_batch(body)
                elif path == "/v1/messages":
                    result = emu.message(body)
                else:
                    result = Fault(404, "not_found_error", f"no route {path}")
                if isinstance(result, Fault):
                    return self._fault(result)
                if isinstance(result, Raw):
                    return self._send(200, result.body)
                self._send(200, result)

            def do_GET(self) -> None:  # noqa: N802
                if not self._auth():
                    return
                parts = self.path.split("?")[0].strip("/").split("/")
                if len(parts) >= 4 and parts[:3] == ["v1", "messages", "batches"]:
                    bid = parts[3]
                    if bid not in emu.batches:
                        return self._fault(Fault(404, "not_found_error", f"batch {bid} not found"))
                    if len(parts) == 5 and parts[4] == "results":
                        fault = emu.batch_faults("results") if emu.batch_faults else None
                        if fault:
                            return self._fault(fault)
                        return self._send(200, emu.batch_results(bid), content_type="application/binary")
                    fault = emu.batch_faults("retrieve") if emu.batch_faults else None
                    if fault:
                        return self._fault(fault)
                    return self._send(200, emu.retrieve(bid))
                self._fault(Fault(404, "not_found_error", f"no route {self.path}"))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- Messages -----------------------------------------------------------------------------
    def validate(self, body: dict[str, Any]) -> Fault | None:
        """The checks the API makes before any model runs: a Fault, or None."""
        problems = check(body, _sdk()[0])
        if problems:
            return Fault(400, "invalid_request_error", problems[0])
        model = body["model"]
        caps = capabilities(model)
        if not caps.known or (_sdk()[1] and model not in _sdk()[1] and caps.model not in _sdk()[1]):
            return Fault(404, "not_found_error", f"model: {model}")
        if body["max_tokens"] > caps.max_output:
            return Fault(400, "invalid_request_error",
                         f"max_tokens: {body['max_tokens']} > {caps.max_output}, which is the maximum allowed "
                         f"number of output tokens for {model}")
        thinking = body.get("thinking")
        t_type = thinking["type"] if thinking else ("adaptive" if caps.thinking_required else "disabled")
        if t_type not in caps.thinking and not (t_type == "disabled" and not caps.thinking_required):
            return Fault(400, "invalid_request_error", f"thinking.type: '{t_type}' is not supported for {model}; "
                         f"use one of {list(caps.thinking)}")
        thinking_on = t_type != "disabled"
        choice = (body.get("tool_choice") or {}).get("type")
        if choice in ("any", "tool"):
            if thinking_on:
                return Fault(400, "invalid_request_error", "Thinking may not be enabled when tool_choice forces "
                             "tool use." + (" This model always thinks." if caps.thinking_required else ""))
            if not caps.forced_tool_choice:
                return Fault(400, "invalid_request_error", f"tool_choice: forced tool use is not supported on {model}")
        messages = body["messages"]
        if not messages or messages[0]["role"] != "user":
            return Fault(400, "invalid_request_error", "messages: first message must use the \"user\" role")
        for a, b in zip(messages, messages[1:]):
            if a["role"] == b["role"]:
                return Fault(400, "invalid_request_error", "messages: roles must alternate between \"user\" and \"assistant\"")
        if messages[-1]["role"] == "assistant" and not caps.prefill:
            return Fault(400, "invalid_request_error", "This model does not support assistant message prefill. "
                         "The conversation must end with a user message.")
        for i, m in enumerate(messages):
            if m["role"] != "assistant" or not thinking_on:
                continue
            content = m["content"] if isinstance(m["content"], list) else [{"type": "text", "text": m["content"]}]
            first = content[0] if content else {}
            if first.get("type") not in ("thinking", "redacted_thinking"):
                return Fault(400, "invalid_request_error",
                             f"messages.{i}.content.0.type: Expected `thinking` or `redacted_thinking`, but found "
                             f"`{first.get('type')}`. When `thinking` is enabled, an `assistant` message must start "
                             "with the thinking blocks of the reply, passed back unchanged.")
            for j, block in enumerate(content):
                if block.get("type") == "thinking" and not hmac.compare_digest(
                        _sign(block.get("thinking", "")), str(block.get("signature", ""))):
                    return Fault(400, "invalid_request_error",
                                 f"messages.{i}.content.{j}: Invalid `signature` in `thinking` block")
        fmt = (body.get("output_config") or {}).get("format")
        if fmt is not None:
            bad = _schema_problem(fmt.get("schema", {}), "output_config.format.schema")
            if bad:
                return Fault(400, "invalid_request_error", bad)
        n_breakpoints = sum(1 for _, block in _blocks(body) if isinstance(block, dict) and block.get("cache_control"))
        if n_breakpoints > MAX_BREAKPOINTS:
            return Fault(400, "invalid_request_error", f"A maximum of {MAX_BREAKPOINTS} blocks with cache_control "
                         f"may be provided. Found {n_breakpoints}.")
        return None

    def message(self, body: dict[str, Any], record: bool = True) -> dict | Fault | Raw:
        with self.lock:
            if record:
                self.requests.append(body)
            n = len(self.requests)
        if self.faults is not None:
            fault = self.faults(body, n)
            if fault is not None:
                return fault
        fault = self.validate(body)
        if fault is not None:
            return fault
        reply = self.script(body)
        if isinstance(reply, (Fault, Raw)):
            return reply
        return self._reply(body, reply)

    def _reply(self, body: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
        caps = capabilities(body["model"])
        fmt = (body.get("output_config") or {}).get("format")
        if fmt is not None:
            self.violations += _fits(answer, fmt["schema"])
        text = json.dumps(answer) if fmt is not None else "Here is the example: " + json.dumps(answer)
        thinking_on = (body.get("thinking") or {}).get("type", "adaptive" if caps.thinking_required else "disabled") \
            != "disabled"
        thinking_tokens = self.thinking_tokens if thinking_on else 0
        answer_tokens = max(1, len(text) // CHARS_PER_TOKEN)
        content: list[dict[str, Any]] = []
        if thinking_on:
            thought = f"Planning the answer ({uuid.uuid4().hex[:8]})."
            content.append({"type": "thinking", "thinking": thought, "signature": _sign(thought)})
        stop = "end_turn"
        budget = body["max_tokens"] - thinking_tokens
        if budget < answer_tokens:  # thinking ate the budget: the answer is cut off
            stop = "max_tokens"
            text = text[: max(0, budget) * CHARS_PER_TOKEN]
            answer_tokens = max(0, budget)
        if text:
            content.append({"type": "text", "text": text})
        usage = self._usage(body, caps.cache_min_tokens)
        usage["output_tokens"] = thinking_tokens + answer_tokens
        return {"id": f"msg_{uuid.uuid4().hex[:20]}", "type": "message", "role": "assistant", "model": body["model"],
                "content": content, "stop_reason": stop, "stop_sequence": None, "usage": usage}

    def _usage(self, body: dict[str, Any], minimum: int) -> dict[str, Any]:
        """Input tokens split into cache reads, cache writes and the rest, like the API."""
        total, prefix, key_parts = 0, 0, []
        last_bp = max((i for i, (_, b) in enumerate(_blocks(body)) if isinstance(b, dict) and b.get("cache_control")),
                      default=-1)
        for i, (where, block) in enumerate(_blocks(body)):
            tokens = _tokens(block)
            total += tokens
            if i <= last_bp:
                prefix += tokens
                key_parts.append(json.dumps([where, block], sort_keys=True))
        read = write = 0
        if last_bp >= 0 and prefix >= minimum:
            key = hashlib.sha256((body["model"] + "".join(key_parts)).encode()).hexdigest()
            with self.lock:
                if key in self.cache:
                    read = prefix
                else:
                    self.cache.add(key)
                    write = prefix
        return {"input_tokens": total - read - write, "cache_creation_input_tokens": write,
                "cache_read_input_tokens": read, "service_tier": "standard"}

    # -- Batches ------------------------------------------------------------------------------
    def create_batch(self, body: dict[str, Any]) -> dict | Fault:
        fault = self.batch_faults("create") if self.batch_faults else None
        if fault:
            return fault
        reqs = body.get("requests")
        if set(body) != {"requests"} or not isinstance(reqs, list) or not reqs:
            return Fault(400, "invalid_request_error", "requests: a non-empty list is required")
        seen: set[str] = set()
        for i, r in enumerate(reqs):
            if set(r) != {"custom_id", "params"}:
                return Fault(400, "invalid_request_error", f"requests.{i}: only custom_id and params are allowed")
            cid = r["custom_id"]
            if not isinstance(cid, str) or not CUSTOM_ID.match(cid):
                return Fault(400, "invalid_request_error", f"requests.{i}.custom_id: String should match pattern "
                             "'^[a-zA-Z0-9_-]{1,64}$'")
            if cid in seen:
                return Fault(400, "invalid_request_error", f"requests.{i}.custom_id: duplicate custom_id {cid!r}")
            seen.add(cid)
            problems = check(r["params"], _sdk()[0])
            if problems:
                return Fault(400, "invalid_request_error", f"requests.{i}.params.{problems[0]}")
            if r["params"].get("stream"):
                return Fault(400, "invalid_request_error", f"requests.{i}.params.stream: not allowed in a batch")
        bid = f"msgbatch_{uuid.uuid4().hex[:20]}"
        results = []
        for r in reqs:  # answered now, shown once the batch has ended
            with self.lock:
                self.requests.append(r["params"])
            out = self.message(r["params"], record=False)
            if isinstance(out, dict):
                results.append({"custom_id": r["custom_id"], "result": {"type": "succeeded", "message": out}})
            elif isinstance(out, Fault):
                results.append({"custom_id": r["custom_id"], "result": {"type": "errored", "error": {
                    "type": "error", "error": {"type": out.type, "message": out.message}}}})
            else:
                results.append({"custom_id": r["custom_id"], "result": {"type": "expired"}})
        random.Random(self.seed).shuffle(results)  # the API does not keep request order
        self.batches[bid] = {"results": results, "polls": 0, "n": len(reqs)}
        return self.retrieve(bid, poll=False)

    def retrieve(self, bid: str, poll: bool = True) -> dict[str, Any]:
        b = self.batches[bid]
        if poll:
            b["polls"] += 1
        ended = b["polls"] > self.polls_to_end
        counts = {"processing": 0 if ended else b["n"], "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
        if ended:
            for r in b["results"]:
                counts[r["result"]["type"]] += 1
        return {"id": bid, "type": "message_batch", "processing_status": "ended" if ended else "in_progress",
                "request_counts": counts, "ended_at": "2026-11-29T00:01:00Z" if ended else None,
                "created_at": "2026-11-29T00:00:00Z", "expires_at": "2026-11-30T00:00:00Z", "archived_at": None,
                "cancel_initiated_at": None,
                "results_url": f"{self.url}/v1/messages/batches/{bid}/results" if ended else None}

    def batch_results(self, bid: str) -> bytes:
        return "".join(json.dumps(r) + "\n" for r in self.batches[bid]["results"]).encode()


def _blocks(body: dict[str, Any]):
    """(where, block) in the order the API renders a prompt: tools, system, messages."""
    for t in body.get("tools") or []:
        yield "tools", t
    system = body.get("system")
    if isinstance(system, str):
        yield "system", {"type": "text", "text": system}
    else:
        for b in system or []:
            yield "system", b
    for m in body["messages"]:
        content = m["content"]
        if isinstance(content, str):
            yield m["role"], {"type": "text", "text": content}
        else:
            for b in content:
                yield m["role"], b


def _tokens(block: Any) -> int:
    if not isinstance(block, dict):
        return 1
    if block.get("type") == "image":
        return IMAGE_TOKENS
    if block.get("type") == "thinking":
        return 0  # earlier turns' thinking is not counted as input
    text = block.get("text") if isinstance(block.get("text"), str) else json.dumps(block)
    return max(1, len(text) // CHARS_PER_TOKEN)


def _schema_problem(schema: Any, path: str) -> str | None:
    """Structured outputs: every object sets additionalProperties false."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and schema.get("additionalProperties") is not False:
            return f"{path}: For 'object' type, 'additionalProperties' must be explicitly set to false"
        for k, v in schema.items():
            bad = _schema_problem(v, f"{path}.{k}")
            if bad:
                return bad
    elif isinstance(schema, list):
        for i, v in enumerate(schema):
            bad = _schema_problem(v, f"{path}.{i}")
            if bad:
                return bad
    return None


def _fits(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Constrained decoding guarantees the schema; a script that breaks it is a test bug."""
    if schema.get("type") == "object" and isinstance(value, dict):
        props = schema.get("properties", {})
        out = [f"{path}.{k}: required" for k in schema.get("required", []) if k not in value]
        out += [f"{path}.{k}: not in the schema" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                out += _fits(v, props[k], f"{path}.{k}")
        return out
    kinds = {"string": str, "boolean": bool, "array": list, "object": dict}
    t = schema.get("type")
    if t in kinds and not isinstance(value, kinds[t]):
        return [f"{path}: expected {t}"]
    if t in ("number", "integer") and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return [f"{path}: expected {t}"]
    return []

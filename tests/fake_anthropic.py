"""A small local server that speaks the Messages API and the Message Batches endpoints,
with replies scripted by the test. The real SDK reaches it over real HTTP via base_url."""
from __future__ import annotations

import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

# A script gets the request body and returns (status, body, headers); body may be a
# dict (sent as JSON) or bytes (sent as is, e.g. a broken reply).
Script = Callable[[dict[str, Any]], tuple[int, Any, dict[str, str]]]


def message(tool_name: str, tool_input: Any, usage: dict[str, int] | None = None,
            stop_reason: str = "tool_use", model: str = "claude-test") -> dict[str, Any]:
    return {
        "id": f"msg_{uuid.uuid4().hex[:12]}", "type": "message", "role": "assistant", "model": model,
        "content": [{"type": "tool_use", "id": f"toolu_{uuid.uuid4().hex[:12]}", "name": tool_name, "input": tool_input}],
        "stop_reason": stop_reason, "stop_sequence": None,
        "usage": {"input_tokens": 100, "output_tokens": 50, "cache_creation_input_tokens": 0,
                  "cache_read_input_tokens": 0, **(usage or {})},
    }


def example_index(body: dict[str, Any]) -> int:
    """Which example a generation request is for ("Write example #N.")."""
    first = body["messages"][0]["content"]
    return int(re.search(r"example #(\d+)", first if isinstance(first, str) else json.dumps(first)).group(1))


def attempt(body: dict[str, Any]) -> int:
    """1 for the first try, 2 for the first repair, ... (two messages per repair round)."""
    return (len(body["messages"]) - 1) // 2 + 1


def tool_name(body: dict[str, Any]) -> str:
    return body["tools"][0]["name"]


def text_message(text: str) -> dict[str, Any]:
    return {"id": "msg_text", "type": "message", "role": "assistant", "model": "claude-test",
            "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 5}}


def error(status: int, kind: str, msg: str, error_code: str | None = None, retry: bool | None = None):
    body: dict[str, Any] = {"type": "error", "error": {"type": kind, "message": msg}}
    if error_code:
        body["error"]["details"] = {"error_code": error_code}
    headers = {"retry-after": "0"}
    if retry is not None:
        headers["x-should-retry"] = "true" if retry else "false"
    return status, body, headers


class FakeAnthropic:
    def __init__(self, script: Script, batch_script: Script | None = None) -> None:
        self.script = script
        self.batch_script = batch_script or script
        self.requests: list[dict[str, Any]] = []
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls = 0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str] | None = None,
                      content_type: str = "application/json") -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.send_header("request-id", f"req_{uuid.uuid4().hex[:8]}")
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                if self.path.startswith("/v1/messages/batches"):
                    return self._create_batch(body)
                if self.path.startswith("/v1/messages"):
                    with fake.lock:
                        fake.requests.append(body)
                    status, reply, headers = fake.script(body)
                    return self._send(status, reply, headers)
                self._send(404, {"type": "error", "error": {"type": "not_found_error", "message": self.path}})

            def _create_batch(self, body: dict[str, Any]) -> None:
                bid = f"msgbatch_{uuid.uuid4().hex[:10]}"
                with fake.lock:
                    fake.batches[bid] = {"requests": body["requests"], "polls": 0}
                self._send(200, fake._batch_json(bid, "in_progress"))

            def do_GET(self) -> None:  # noqa: N802
                parts = self.path.strip("/").split("/")
                if len(parts) >= 4 and parts[:3] == ["v1", "messages", "batches"]:
                    bid = parts[3]
                    if bid not in fake.batches:
                        return self._send(404, {"type": "error", "error": {"type": "not_found_error", "message": bid}})
                    if len(parts) == 5 and parts[4] == "results":
                        lines = []
                        for req in fake.batches[bid]["requests"]:
                            lines.append(json.dumps({"custom_id": req["custom_id"],
                                                     "result": fake._batch_result(req)}))
                        return self._send(200, ("\n".join(lines) + "\n").encode(), content_type="application/x-jsonl")
                    with fake.lock:
                        fake.polls += 1
                        fake.batches[bid]["polls"] += 1
                        ended = fake.batches[bid]["polls"] >= 2  # "in progress" once, then ended
                    return self._send(200, fake._batch_json(bid, "ended" if ended else "in_progress"))
                self._send(404, {"type": "error", "error": {"type": "not_found_error", "message": self.path}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _batch_json(self, bid: str, status: str) -> dict[str, Any]:
        n = len(self.batches[bid]["requests"])
        return {"id": bid, "type": "message_batch", "processing_status": status,
                "request_counts": {"processing": n if status != "ended" else 0, "succeeded": n if status == "ended" else 0,
                                   "errored": 0, "canceled": 0, "expired": 0},
                "ended_at": None, "created_at": "2026-11-21T00:00:00Z", "expires_at": "2026-11-22T00:00:00Z",
                "archived_at": None, "cancel_initiated_at": None,
                "results_url": f"{self.url}/v1/messages/batches/{bid}/results" if status == "ended" else None}

    def _batch_result(self, req: dict[str, Any]) -> dict[str, Any]:
        status, reply, _ = self.batch_script({**req["params"], "custom_id": req["custom_id"]})
        if status == 200 and isinstance(reply, dict) and reply.get("type") == "message":
            return {"type": "succeeded", "message": reply}
        if status == 0:  # the script's way of saying "this one expired"
            return {"type": "expired"}
        err = reply.get("error", {}) if isinstance(reply, dict) else {}
        return {"type": "errored", "error": {"type": "error", "error": {"type": err.get("type", "api_error"),
                                                                       "message": err.get("message", "")}}}

    def __enter__(self) -> "FakeAnthropic":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

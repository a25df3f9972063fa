"""Message Batches (half price): submit the first-round requests as one batch, poll, and
collect the results by custom_id.

A manifest is written before the batch is created and gets the batch id the moment the
API returns it, so a run that is interrupted while the batch is processing picks the same
batch up on restart instead of paying for it twice.

Faults: one that every request would get (credentials, spend limit...) stops the run as
any request would; a batch that cannot be created (server error) is reported so the
caller asks live instead; once created, a batch that cannot be polled or read stops the
run with its id kept in the manifest, so the next run collects what was paid for.
Results come in any order and are matched by custom_id.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anthropic

from codevet.generators.llm.client import LLMClient, ReplyFailed, StopRun, classify


@dataclass
class BatchOutcome:
    status: str  # succeeded | errored | expired | canceled | missing
    message: Any = None
    detail: str = ""


class BatchRunner:
    def __init__(self, llm: LLMClient, manifest: Path, poll_s: float = 30.0, max_wait_s: float = 26 * 3600) -> None:
        self.llm = llm
        self.manifest = manifest
        self.poll_s = poll_s
        self.max_wait_s = max_wait_s

    def _load(self, fingerprint: str) -> dict[str, Any] | None:
        if not self.manifest.exists():
            return None
        data = json.loads(self.manifest.read_text())
        return data if data.get("fingerprint") == fingerprint else None

    def _save(self, data: dict[str, Any]) -> None:
        tmp = self.manifest.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2))
        tmp.replace(self.manifest)  # atomic: a crash never leaves half a manifest

    @staticmethod
    def _call(stage: str, fn: Any) -> Any:
        try:
            return fn()
        except anthropic.APIStatusError as exc:
            raise classify(exc) from exc
        except anthropic.APIConnectionError as exc:
            raise StopRun("api-unreachable", f"cannot {stage} the batch: {exc}") from exc

    def _after_create(self, batch_id: str, stage: str, fn: Any) -> Any:
        """A call once the batch exists (and is paid for): any fault keeps the manifest."""
        try:
            return self._call(stage, fn)
        except (StopRun, ReplyFailed) as exc:
            raise StopRun(getattr(exc, "reason", "batch-unavailable"),
                          f"could not {stage} batch {batch_id} ({exc}); its id is kept in {self.manifest}: "
                          "run the same command again to collect its results without paying twice") from exc

    def run(self, requests: list[tuple[str, dict[str, Any]]], fingerprint: str) -> tuple[str, dict[str, BatchOutcome], bool]:
        """(batch id, outcome per custom_id, resumed?)."""
        batches = self.llm.client.messages.batches
        state = self._load(fingerprint)
        resumed = bool(state and state.get("batch_id"))
        if not resumed:
            state = {"fingerprint": fingerprint, "custom_ids": [cid for cid, _ in requests], "batch_id": None,
                     "submitted_at": time.time()}
            self._save(state)
            estimate = sum(self.llm._estimate(p) for _, p in requests) * 0.5
            self.llm.ledger.reserve(estimate)
            try:
                batch = self._call("create", lambda: batches.create(
                    requests=[{"custom_id": cid, "params": p} for cid, p in requests]))
            finally:
                self.llm.ledger.release(estimate)
            state["batch_id"] = batch.id
            self._save(state)
        batch_id = state["batch_id"]
        deadline = time.monotonic() + self.max_wait_s
        while True:
            batch = self._after_create(batch_id, "poll", lambda: batches.retrieve(batch_id))
            if batch.processing_status == "ended":
                break
            if time.monotonic() > deadline:
                raise StopRun("batch-timeout", f"batch {batch_id} did not end in time; run again to collect it")
            time.sleep(self.poll_s)
        outcomes: dict[str, BatchOutcome] = {}
        for item in self._after_create(batch_id, "read the results of", lambda: list(batches.results(batch_id))):
            result = item.result
            if result.type == "succeeded":
                outcomes[item.custom_id] = BatchOutcome("succeeded", result.message)
            elif result.type == "errored":
                err = getattr(result, "error", None)
                inner = getattr(err, "error", err)
                outcomes[item.custom_id] = BatchOutcome("errored", detail=f"{getattr(inner, 'type', 'error')}: "
                                                                          f"{getattr(inner, 'message', '')}")
            else:
                outcomes[item.custom_id] = BatchOutcome(result.type, detail=f"the batch request {result.type}")
        state["collected_at"] = time.time()
        self._save(state)
        return batch_id, outcomes, resumed

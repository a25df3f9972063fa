"""`codevet generate`: the model writes candidates, the sandbox decides.

Layers, in order, each recorded for every candidate: generation (a reply that parses),
sandbox (with up to --max-repairs rounds of the sandbox's own evidence fed back; for
three.js the data guide's checklist runs first, for OoT the C is compiled and any MIPS
assembled), then the OoT guide's layers: accuracy (layer 1, the reviewer's technical
accuracy against --min-accuracy), usefulness (layer 2, against --min-usefulness) and
quality (the guide's score, base + bonuses - penalties, see generators/llm/scoring.py,
against --min-score; for three.js optionally a look at the screenshot), duplicate
(normalised instructions are kept once).

A fault that every request would get (credentials, unknown model, invalid parameter,
spend limit, no network) stops the run at once; what was finished is written and the
command exits non-zero with the API's own message. This is the only module that joins
the LLM generator to the sandboxes.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, Field

from codevet.generators.llm import capabilities as caps_mod
from codevet.generators.llm.batch import BatchOutcome, BatchRunner
from codevet.generators.llm.client import (DEFAULT_MAX_TOKENS, DEFAULT_MODEL, Ledger, LLMClient, ParseFailed,
                                           ReplyFailed, StopRun)
from codevet.generators.llm.generator import ExampleGenerator
from codevet.generators.llm.languages import SPECS
from codevet.generators.llm.pricing import load_prices, price_for, table_date
from codevet.generators.llm.scoring import quality_score
from codevet.core.model import Candidate, Check, Status, Verdict
from codevet.core.options import SandboxOptions
from codevet.harness.config import ExecutorName, RunConfig
from codevet.harness.dedup import DedupIndex
from codevet.harness.evidence import evidence_text
from codevet.harness.filters import FilterOptions
from codevet.harness.html_report import write_html_report
from codevet.harness.sink import report_line, write_files
from codevet.harness.summary import SummaryBuilder
from codevet.harness.threejs_checklist import checklist
from codevet.harness.verifier import Verifier

LAYERS = ("generation", "sandbox", "accuracy", "usefulness", "quality", "duplicate")
CHARS_PER_TOKEN = 4  # a conservative estimate of the shared prefix's length in tokens


class GenerateConfig(BaseModel):
    language: str
    n: int = Field(ge=1)
    out: Path
    model: str = DEFAULT_MODEL
    types: list[str] = Field(default_factory=list)
    max_repairs: int = Field(2, ge=0)
    batch: bool = False
    min_score: float = Field(6.0, ge=0, le=10)
    min_accuracy: float = Field(7.0, ge=0, le=10)
    min_usefulness: float = Field(6.0, ge=0, le=10)
    output: Path | None = None  # the guide's --output FILE: the kept set as one JSON array (or JSONL)
    judge: bool = True
    vision: bool = False
    concurrency: int = Field(4, ge=1)
    budget_usd: float | None = Field(None, gt=0)
    max_tokens: int = Field(DEFAULT_MAX_TOKENS, ge=1024)  # adaptive thinking + the answer
    max_retries: int = Field(4, ge=0)
    poll_s: float = Field(30.0, gt=0)
    jobs: int = Field(2, ge=1)
    prices: Path | None = None
    sandbox: SandboxOptions = Field(default_factory=SandboxOptions)
    # the same Verifier as `codevet verify`: its cache, executor and filters
    use_cache: bool = True
    cache_dir: Path | None = None
    executor: ExecutorName = "local"
    ray_address: str | None = None
    filters: FilterOptions = Field(default_factory=FilterOptions)

    def run_config(self) -> RunConfig:
        filters = self.filters
        if self.language == "threejs":  # the data guide's checklist is part of generating three.js
            filters = filters.model_copy(update={"threejs_checklist": True})
        return RunConfig(out=self.out, jobs=self.jobs, use_cache=self.use_cache, sandbox=self.sandbox,
                         filters=filters, executor=self.executor, ray_address=self.ray_address,
                         **({"cache_dir": self.cache_dir} if self.cache_dir else {}))


def normalise_instruction(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@dataclass
class Outcome:
    """One candidate's way through the layers: the line it gets in report.jsonl."""

    index: int
    type: str
    status: str = "rejected"  # kept | rejected | error | skipped
    layer: str | None = None  # the layer that stopped it
    reason: str | None = None
    detail: str = ""
    rounds: list[dict[str, Any]] = field(default_factory=list)
    judge: dict[str, Any] | None = None
    usage: list[dict[str, Any]] = field(default_factory=list)
    instruction: str = ""
    record: dict[str, Any] | None = None
    entered: list[str] = field(default_factory=list)
    candidate: Candidate | None = None  # the last round's candidate and verdict
    verdict: Verdict | None = None
    notes: list[str] = field(default_factory=list)
    score: dict[str, Any] | None = None  # the guide's quality score and its parts

    def stop(self, layer: str, reason: str, detail: str = "", status: str = "rejected") -> "Outcome":
        self.status, self.layer, self.reason, self.detail = status, layer, reason, detail[:2000]
        return self

    def line(self, language: str, model: str) -> dict[str, Any]:
        """The report line of `codevet verify` (status pass | fail | error, reason, checks,
        tests) with what generation adds: the layer that stopped it, rounds, judge, cost."""
        tokens: Counter[str] = Counter()
        for u in self.usage:
            tokens.update({k: v for k, v in u.items() if k != "cost_usd"})
        candidate = self.candidate or Candidate(id=self.id, source=f"generate:{model}", language=language,
                                                instruction=self.instruction, index=self.index)
        verdict = self.verdict or Verdict(Status.ERROR)
        status = {"kept": Status.PASS, "rejected": Status.FAIL}.get(self.status, Status.ERROR)
        checks = list(verdict.checks)
        if self.status != "kept" and self.layer != "sandbox":
            checks.append(Check(self.layer or "generation", False, self.detail))
        line = report_line(candidate, Verdict(status, checks, verdict.tests, self.reason, verdict.duration_s,
                                              verdict.artifacts), cached=False)
        line.update({
            "format": "generate", "index": self.index, "type": self.type, "outcome": self.status,
            "layer": self.layer, "detail": self.detail, "instruction": self.instruction[:500],
            "rounds": self.rounds, "repairs": max(0, len(self.rounds) - 1), "judge": self.judge,
            "score": self.score, "notes": self.notes,
            "tokens": dict(tokens), "cost_usd": round(sum(u.get("cost_usd", 0.0) for u in self.usage), 6),
        })
        return line

    @property
    def id(self) -> str:
        return f"gen-{self.index:05d}"


class GenerationRun:
    def __init__(self, config: GenerateConfig, on_outcome: Callable[[Outcome], None] | None = None) -> None:
        if config.language not in SPECS:
            raise ValueError(f"no generator for {config.language!r} (have: {', '.join(SPECS)})")
        self.config = config
        self.spec = SPECS[config.language]
        types = config.types or list(self.spec.types)
        unknown = [t for t in types if t not in self.spec.types]
        if unknown:
            raise ValueError(f"unknown --types {unknown} for {config.language} (have: {', '.join(self.spec.types)})")
        self.types = types
        table = load_prices(config.prices)
        self.ledger = Ledger(price_for(config.model, table), config.budget_usd, cache_ttl="1h" if config.batch else "5m")
        self.llm = LLMClient(config.model, self.ledger, config.max_tokens, config.max_retries)
        self.generator = ExampleGenerator(self.llm, self.spec)
        self.on_outcome = on_outcome
        self.seen = DedupIndex(near=False)
        self.seen_lock = threading.Lock()
        self.verifier: Verifier | None = None
        self.stopped: StopRun | None = None
        self.batch_info: dict[str, Any] | None = None

    # -- one candidate ----------------------------------------------------------------------
    def _first(self, o: Outcome, batch_result: Any) -> tuple[Any, list[dict[str, Any]]] | None:
        o.entered.append("generation")
        conversation = self.generator.first_messages(o.index, o.type)
        if batch_result is not None:
            if batch_result.status == "succeeded":
                usage = self.ledger.record(batch_result.message.usage, batch=True)
                o.usage.append(usage)
                try:
                    return self.llm.parse(batch_result.message, self.spec.schema, usage), conversation
                except ParseFailed as exc:
                    o.notes.append(f"batch reply did not parse ({exc}); asked again live")
            else:  # errored, expired, canceled or missing in the batch: asked again, live
                o.notes.append(f"batch result {batch_result.status}: {batch_result.detail}; asked again live")
        try:
            reply = self.generator.write(o.index, o.type)
        except ParseFailed as exc:
            o.stop("generation", "unparseable", str(exc))
            return None
        except ReplyFailed as exc:
            o.stop("generation", exc.reason, str(exc), status="error")
            return None
        o.usage.append(reply.usage)
        return reply, conversation

    def process(self, index: int, batch_result: Any = None) -> Outcome:
        o = Outcome(index, self.types[index % len(self.types)])
        if self.stopped:
            return o.stop("not-run", self.stopped.reason, str(self.stopped), status="skipped")
        try:
            self._process(o, batch_result)
        except StopRun as exc:
            self.stopped = self.stopped or exc
            o.stop(o.entered[-1] if o.entered else "not-run", exc.reason, str(exc),
                   status="error" if o.entered else "skipped")
        return o

    def _process(self, o: Outcome, batch_result: Any) -> None:
        first = self._first(o, batch_result)
        if first is None:
            return
        reply, conversation = first
        example = reply.data
        o.instruction = self.spec.instruction_of(example)
        cid = f"gen-{o.index:05d}"

        o.entered.append("sandbox")
        verdict = None
        for round_no in range(self.config.max_repairs + 1):
            candidate = self.spec.to_candidate(example, cid, o.type)
            candidate.source = f"generate:{self.config.model}"
            verdict = self.verifier.verify_one(candidate)
            if self.spec.language == "threejs" and verdict.status is not Status.FAIL:
                # the prefilter only reports the checklist when it fails: show it passed too
                verdict = Verdict(verdict.status, checklist(candidate) + list(verdict.checks), verdict.tests,
                                  verdict.reason, verdict.duration_s, verdict.artifacts, verdict.files)
            o.candidate, o.verdict = candidate, verdict
            o.rounds.append({"round": round_no + 1, "status": verdict.status.value, "reason": verdict.reason,
                             "failed_checks": [c.name for c in verdict.checks if not c.passed]})
            if verdict.status is not Status.FAIL or round_no == self.config.max_repairs:
                break
            try:
                reply, conversation = self.generator.repair(conversation, reply, evidence_text(verdict))
            except (ParseFailed, ReplyFailed) as exc:
                o.stop("sandbox", verdict.reason or "fail", f"repair round {round_no + 2} failed: {exc}")
                return
            o.usage.append(reply.usage)
            example = reply.data
            o.instruction = self.spec.instruction_of(example)
        assert verdict is not None
        if verdict.status is Status.ERROR:
            o.stop("sandbox", verdict.reason or "sandbox-error", _failed(verdict), status="error")
            return
        if verdict.status is not Status.PASS:
            o.stop("sandbox", verdict.reason or "fail", _failed(verdict))
            return

        if self.config.judge and self._judged_out(o, example, verdict):
            return

        o.entered.append("duplicate")
        with self.seen_lock:
            dup = self.seen.check(normalise_instruction(o.instruction), o.id, "generate")
        if dup is not None:
            o.stop("duplicate", "duplicate-instruction", f"same instruction as {dup.of_id}")
            return
        o.status, o.record = "kept", self.spec.to_record(example)

    def _judged_out(self, o: Outcome, example: Any, verdict: Verdict) -> bool:
        """The OoT guide's layers 1 and 2 and its score, then (three.js) the picture.
        True when the candidate stops here."""
        o.entered.append("accuracy")
        try:
            judged = self.generator.judge(example)
        except (ParseFailed, ReplyFailed) as exc:
            o.stop("accuracy", "judge-unavailable", str(exc), status="error")
            return True
        o.usage.append(judged.usage)
        j = judged.data
        o.judge = j.model_dump()
        o.score = quality_score(j, self.spec.answer_of(example))
        if j.technical_accuracy < self.config.min_accuracy:
            o.stop("accuracy", "low-accuracy", f"technical accuracy {j.technical_accuracy:g} < "
                                               f"{self.config.min_accuracy:g}: {'; '.join(j.technical_issues)[:500]}")
            return True
        o.entered.append("usefulness")
        if j.usefulness < self.config.min_usefulness:
            o.stop("usefulness", "low-usefulness", f"usefulness {j.usefulness:g} < {self.config.min_usefulness:g}: "
                                                   f"{j.rationale}")
            return True
        o.entered.append("quality")
        if self.config.vision and self.spec.language == "threejs":
            png = verdict.files.get("screenshot.png")
            if png is not None:
                try:
                    looked = self.generator.look(example, png)
                except (ParseFailed, ReplyFailed) as exc:  # paid-for work is not thrown away for it
                    o.judge["visual"] = {"error": str(exc)[:500]}
                    o.notes.append(f"the vision check could not run: {exc}")
                else:
                    o.usage.append(looked.usage)
                    o.judge["visual"] = looked.data.model_dump()
                    if not looked.data.matches:
                        o.stop("quality", "visual-mismatch", looked.data.reason)
                        return True
        if o.score["score"] < self.config.min_score:
            o.stop("quality", "low-quality", f"score {o.score['score']:g} < {self.config.min_score:g} "
                                             f"({_parts(o.score['parts'])}): {j.rationale}")
            return True
        return False

    # -- the run --------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        out = self.config.out
        out.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        outcomes: dict[int, Outcome] = {}
        self.verifier = Verifier(self.config.run_config())
        try:
            batch_results: dict[int, Any] = {}
            if self.config.batch:
                batch_results = self._run_batch(out)
            pool = ThreadPoolExecutor(self.config.concurrency, thread_name_prefix="codevet-gen")
            futures = []
            try:
                futures = [pool.submit(self.process, i, batch_results.get(i)) for i in range(self.config.n)]
                for fut in futures:
                    o = fut.result()
                    outcomes[o.index] = o
                    if self.on_outcome:
                        self.on_outcome(o)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
                for fut in futures:  # finished while we were stopping: paid for, so kept
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        outcomes.setdefault(fut.result().index, fut.result())
        except StopRun as exc:  # the batch could not even be submitted
            self.stopped = self.stopped or exc
        except KeyboardInterrupt:
            # Queued candidates see the flag and skip; the ones already talking to the
            # model finish that candidate. What is done is written below.
            self.stopped = self.stopped or StopRun("interrupted", "the run was interrupted (Ctrl-C)")
        finally:
            self.verifier.close()
            for i in range(self.config.n):  # every candidate has its line, whatever happened
                if i not in outcomes:
                    reason = self.stopped.reason if self.stopped else "interrupted"
                    outcomes[i] = Outcome(i, self.types[i % len(self.types)]).stop("not-run", reason, status="skipped")
            metadata = self._write(out, [outcomes[i] for i in range(self.config.n)], time.monotonic() - started)
        return metadata

    def _run_batch(self, out: Path) -> dict[int, Any]:
        requests = [(f"gen-{i:05d}", self.generator.first_params(i, self.types[i % len(self.types)]))
                    for i in range(self.config.n)]
        fingerprint = hashlib.sha256(json.dumps(requests, sort_keys=True).encode()).hexdigest()
        runner = BatchRunner(self.llm, out / "batch.json", poll_s=self.config.poll_s)
        try:
            batch_id, outcomes, resumed = runner.run(requests, fingerprint)
        except ReplyFailed as exc:  # the batch could not be created: nothing paid, ask live instead
            self.batch_info = {"batch_id": None, "error": str(exc), "fallback": "live"}
            return {}
        self.batch_info = {"batch_id": batch_id, "resumed": resumed,
                           "counts": dict(Counter(o.status for o in outcomes.values()))}
        return {i: outcomes.get(cid, BatchOutcome("missing", detail="no result for this request"))
                for i, (cid, _) in enumerate(requests)}

    def _write(self, out: Path, outcomes: list[Outcome], duration: float) -> dict[str, Any]:
        lang, summary = self.config.language, SummaryBuilder()
        records: list[dict[str, Any]] = []
        with open(out / "kept.jsonl", "w", encoding="utf-8") as kept, \
                open(out / "report.jsonl", "w", encoding="utf-8") as report:
            for o in outcomes:
                line = o.line(lang, self.config.model)
                if o.candidate is not None and o.verdict is not None:
                    write_files(out, o.candidate, o.verdict, line)
                summary.add(line)
                report.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
                if o.status == "kept":
                    records.append(o.record)
                    kept.write(json.dumps(o.record, ensure_ascii=False) + "\n")
        if lang == "threejs":  # the three.js data guide's format: one JSON array
            (out / "kept.json").write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if self.config.output is not None:
            write_kept(self.config.output, records)
        (out / "summary.json").write_text(json.dumps(summary.build(duration, [f"generate:{self.config.model}"],
                                                                   False), indent=2) + "\n")
        write_html_report(out)
        metadata = self.metadata(outcomes, duration)
        (out / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
        return metadata

    def metadata(self, outcomes: list[Outcome], duration: float) -> dict[str, Any]:
        """The OoT guide's fields first, exactly (total_examples, average_quality over the
        kept examples, a flat type_distribution of the kept set), then codevet's own."""
        status = Counter(o.status for o in outcomes)
        kept = [o for o in outcomes if o.status == "kept"]
        layers = {}
        for layer in LAYERS:
            entered = sum(1 for o in outcomes if layer in o.entered)
            stopped = sum(1 for o in outcomes if o.layer == layer)
            layers[layer] = {"entered": entered, "passed": entered - stopped, "stopped": stopped,
                             "pass_rate": round((entered - stopped) / entered, 4) if entered else None}
        scored = [o.score["score"] for o in outcomes if o.score]
        kept_scores = [o.score["score"] for o in kept if o.score]
        repaired = [o for o in outcomes if len(o.rounds) > 1]
        tok = self.ledger.tokens
        caps = self.llm.caps
        prefix_tokens = len(self.spec.system_prompt()) // CHARS_PER_TOKEN
        return {
            # -- the guide's contract --
            "total_examples": len(kept),
            "average_quality": round(sum(kept_scores) / len(kept_scores), 3) if kept_scores else None,
            "type_distribution": dict(Counter(o.type for o in kept)),
            # -- codevet's own --
            "language": self.config.language, "model": self.config.model, "batch": self.config.batch,
            "requested": self.config.n,
            "totals": {"kept": status["kept"], "rejected": status["rejected"], "error": status["error"],
                       "skipped": status["skipped"]},
            "stopped_by": {l: n for l, n in Counter(o.layer for o in outcomes if o.status != "kept").items()},
            "reasons": dict(Counter(o.reason for o in outcomes if o.status != "kept").most_common()),
            "layers": layers,
            "average_quality_all_judged": round(sum(scored) / len(scored), 3) if scored else None,
            "thresholds": {"min_accuracy": self.config.min_accuracy, "min_usefulness": self.config.min_usefulness,
                           "min_score": self.config.min_score},
            "types_requested": dict(Counter(o.type for o in outcomes)),
            "repairs": {"rounds_used": sum(max(0, len(o.rounds) - 1) for o in outcomes),
                        "candidates_repaired": len(repaired),
                        "repaired_and_kept": sum(1 for o in repaired if o.status == "kept")},
            "tokens": {"input": tok["input_tokens"], "output": tok["output_tokens"],
                       "cache_read": tok["cache_read_input_tokens"], "cache_write": tok["cache_creation_input_tokens"]},
            "cache": {"requests_with_cache_read": self.ledger.cached_requests, "requests": self.ledger.requests,
                      "shared_prefix_tokens_estimate": prefix_tokens, "model_minimum": caps.cache_min_tokens,
                      "prefix_long_enough": prefix_tokens >= caps.cache_min_tokens},
            "requests": self.ledger.requests,
            "cost_usd": round(self.ledger.cost, 6),
            "budget_usd": self.config.budget_usd,
            "prices_checked": table_date(self.config.prices),
            "capabilities_checked": caps_mod.checked_on(),
            "stopped": ({"reason": self.stopped.reason, "detail": str(self.stopped), "fatal": self.stopped.fatal}
                        if self.stopped else None),
            "batch_info": self.batch_info,
            "duration_s": round(duration, 3),
        }


def write_kept(path: Path, records: list[dict[str, Any]]) -> None:
    """The kept set at the guide's --output FILE: JSONL for a .jsonl name, else one JSON array."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _parts(parts: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:+g}" for k, v in parts.items() if v)


def _failed(verdict) -> str:
    return "; ".join(f"{c.name}: {c.detail}" for c in verdict.checks if not c.passed)[:1000]


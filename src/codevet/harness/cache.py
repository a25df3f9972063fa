"""Verdicts keyed by a hash of everything that decides them, in one SQLite file.

A re-run of the same input, or a run resumed after Ctrl-C, finds its finished work here
and does no sandbox work for it. `error` verdicts are never stored: the harness could not
decide, so the next run should try again.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from codevet.core.model import Status, Verdict


def cache_key(language: str, sandbox_name: str, sandbox_version: str, options: dict[str, Any],
              fingerprint: dict[str, Any]) -> str:
    blob = json.dumps({"language": language, "sandbox": sandbox_name, "version": sandbox_version,
                       "options": options, "fingerprint": fingerprint},
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class VerdictCache:
    def __init__(self, directory: Path, commit_every_s: float = 1.0) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "verdicts.sqlite"
        # one connection, shared by the threads that ask for verdicts (generate's rounds)
        self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._lock = threading.Lock()
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, verdict TEXT NOT NULL, "
                        "created REAL NOT NULL)")
        self.commit_every_s = commit_every_s
        self._last_commit = time.monotonic()
        self.hits = 0

    def get(self, key: str) -> Verdict | None:
        with self._lock:
            row = self.db.execute("SELECT verdict FROM verdicts WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return Verdict.from_dict(json.loads(row[0]))

    def put(self, key: str, verdict: Verdict) -> None:
        if verdict.status is Status.ERROR:
            return
        row = (key, json.dumps(verdict.to_cache(), default=str), time.time())
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)", row)
            if time.monotonic() - self._last_commit > self.commit_every_s:
                self._commit()

    def _commit(self) -> None:
        self.db.commit()
        self._last_commit = time.monotonic()

    def commit(self) -> None:
        with self._lock:
            self._commit()

    def close(self) -> None:
        with self._lock:
            self._commit()
            self.db.close()

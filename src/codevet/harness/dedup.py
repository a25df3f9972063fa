"""Exact and near-duplicate detection over code, across every input of a run.

Exact: a hash of the code with comments and whitespace normalised away. Near: MinHash
signatures over token 5-shingles, bucketed by LSH bands; a bucket match is confirmed by
the estimated Jaccard similarity. The first example seen wins; later ones are dropped in
its favour, and the report names it.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

_COMMENTS = re.compile(r'("""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\')|(#[^\n]*)|(//[^\n]*)|(/\*[\s\S]*?\*/)')
_TOKENS = re.compile(r"\w+|[^\w\s]")
MERSENNE = np.uint64((1 << 61) - 1)
SHINGLE = 5


def normalise_code(code: str) -> str:
    """Comments and docstrings out, whitespace folded: two copies that differ only in
    those are the same example."""
    stripped = _COMMENTS.sub(" ", code.replace("\r\n", "\n"))
    return " ".join(stripped.split())


def exact_key(code: str) -> bytes:
    return hashlib.sha1(normalise_code(code).encode("utf-8", "surrogatepass")).digest()


def lsh_params(num_perm: int, threshold: float) -> tuple[int, int]:
    """Bands and rows whose S-curve crosses 50% nearest the threshold."""
    best = (num_perm, 1)
    best_gap = 1.0
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        gap = abs((1 / bands) ** (1 / rows) - threshold)
        if gap < best_gap:
            best, best_gap = (bands, rows), gap
    return best


class MinHasher:
    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, int(MERSENNE), size=num_perm, dtype=np.uint64)
        self.b = rng.integers(0, int(MERSENNE), size=num_perm, dtype=np.uint64)
        self.num_perm = num_perm

    def signature(self, code: str) -> np.ndarray:
        tokens = _TOKENS.findall(normalise_code(code))
        if len(tokens) < SHINGLE:
            tokens = tokens + [""] * (SHINGLE - len(tokens))
        shingles = {" ".join(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
        base = np.fromiter((zlib.crc32(s.encode("utf-8", "surrogatepass")) for s in shingles),
                           dtype=np.uint64, count=len(shingles))
        # (a*x + b) mod p with 32-bit x and 61-bit p stays below 2^64 for a < 2^32 only, so
        # fold a to 32 bits: the family is still universal enough for MinHash.
        hashed = ((self.a[:, None] & np.uint64(0xFFFFFFFF)) * base[None, :] + self.b[:, None]) % MERSENNE
        return hashed.min(axis=1)


@dataclass
class Duplicate:
    kind: str  # exact | near
    of_id: str
    of_source: str
    similarity: float = 1.0


class DedupIndex:
    """Memory per example: one 32-bit signature row (512 bytes at 128 permutations) and
    one integer per LSH band; a bucket holds a bare index until a second example joins."""

    def __init__(self, near: bool, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.near = near
        self.threshold = threshold
        self.exact: dict[bytes, int] = {}
        self.hasher = MinHasher(num_perm) if near else None
        self.bands, self.rows = lsh_params(num_perm, threshold)
        self.buckets: list[dict[int, int | list[int]]] = [dict() for _ in range(self.bands)]
        self.signatures = np.empty((1024, num_perm), dtype=np.uint32) if near else None
        self.count = 0
        self.owners: list[tuple[str, str]] = []

    def _owner(self, cid: str, source: str) -> int:
        self.owners.append((cid, source))
        return len(self.owners) - 1

    def check(self, code: str, cid: str, source: str) -> Duplicate | None:
        """Register the example, or say which earlier one it duplicates."""
        key = exact_key(code)
        if key in self.exact:
            return Duplicate("exact", *self.owners[self.exact[key]])
        if self.hasher is None:
            self.exact[key] = self._owner(cid, source)
            return None
        sig = self.hasher.signature(code).astype(np.uint32)
        band_keys = [hash(sig[i * self.rows:(i + 1) * self.rows].tobytes()) for i in range(self.bands)]
        seen: set[int] = set()
        for band, k in enumerate(band_keys):
            entry = self.buckets[band].get(k)
            for other in ((entry,) if isinstance(entry, int) else entry or ()):
                if other in seen:
                    continue
                seen.add(other)
                similarity = float(np.mean(self.signatures[other] == sig))
                if similarity >= self.threshold:
                    return Duplicate("near", *self.owners[other], similarity=round(similarity, 3))
        n = self.count
        if n == len(self.signatures):
            self.signatures = np.concatenate([self.signatures, np.empty_like(self.signatures)])
        self.signatures[n] = sig
        self.count += 1
        for band, k in enumerate(band_keys):
            entry = self.buckets[band].get(k)
            if entry is None:
                self.buckets[band][k] = n
            elif isinstance(entry, int):
                self.buckets[band][k] = [entry, n]
            else:
                entry.append(n)
        self.exact[key] = self._owner(cid, source)
        assert self.exact[key] == n  # signature rows and owners stay aligned
        return None

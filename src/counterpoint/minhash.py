"""MinHash signatures and LSH bands for spotting syndicated near-copies of an article.

A wire story re-published with a new intro or a trimmed ending shares most of its
word 3-grams with the original; the estimated Jaccard similarity of their shingle
sets says how much. Bands let the store find candidates with an indexed lookup
instead of comparing every pair.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

PERMUTATIONS = 128
ROWS_PER_BAND = 4
THRESHOLD = 0.6  # estimated Jaccard at or above which two articles are linked as near-duplicates

_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20140316)
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_MAX32 = np.uint64(0xFFFFFFFF)


def _shingle_hashes(text: str, n: int = 3) -> np.ndarray:
    words = _WORD.findall(text.casefold())
    grams = {" ".join(words[i : i + n]) for i in range(max(len(words) - n + 1, 1))}
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )


def signature(text: str) -> np.ndarray:
    """128 minimum hash values (uint32), one per random permutation of the shingle space."""
    hashes = _shingle_hashes(text)
    # (a*x + b) mod p, folded to 32 bits; uint64 wraps, which keeps it a cheap universal hash.
    permuted = ((hashes[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)) & _MAX32
    return permuted.min(axis=0).astype(np.uint32)


def bands(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band of rows; articles sharing a key are candidates."""
    keys = []
    for i in range(0, PERMUTATIONS, ROWS_PER_BAND):
        digest = hashlib.blake2b(sig[i : i + ROWS_PER_BAND].tobytes() + bytes([i]), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")

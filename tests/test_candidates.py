"""Candidate search: which statement pairs reach the relation model."""

from __future__ import annotations

import numpy as np

from counterpoint.link.candidates import Item, candidates


def _at_cosine(base: np.ndarray, axis: int, cos: float) -> np.ndarray:
    """A unit vector at the given cosine to `base` (a unit vector along axis 0)."""
    v = np.zeros_like(base)
    v[0], v[axis] = cos, np.sqrt(1 - cos**2)
    return v


def test_a_speakers_statements_need_a_word_in_common_when_only_loosely_similar() -> None:
    q = np.zeros(384, dtype=np.float32)
    q[0] = 1.0
    items = [
        Item("s0", "a0", "The Elm Street library will close next year.", "maria lopez"),
        Item("s1", "a1", "Our campaign raised record sums in October.", "maria lopez"),
        Item("s2", "a2", "I never said the library would shut.", "maria lopez"),
        Item("s3", "a3", "Turnout among young voters doubled.", "maria lopez"),
    ]
    vectors = np.stack([q, _at_cosine(q, 1, 0.40), _at_cosine(q, 2, 0.40), _at_cosine(q, 3, 0.47)])
    found = {c for _, c, _ in candidates(items, vectors, [0])}
    assert 1 not in found  # same speaker, loosely similar, nothing in common: another subject
    assert 2 in found  # "library" in common
    assert 3 in found  # close enough without a shared word

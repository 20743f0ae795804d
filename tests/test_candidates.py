"""Candidate search: which statement pairs reach the relation model."""

from __future__ import annotations

import numpy as np

from counterpoint.link.candidates import Item, build_index, candidates
from counterpoint.records import Article
from counterpoint.store import Store


def _axis() -> np.ndarray:
    q = np.zeros(384, dtype=np.float32)
    q[0] = 1.0
    return q


def _at_cosine(base: np.ndarray, axis: int, cos: float) -> np.ndarray:
    """A unit vector at the given cosine to `base` (a unit vector along axis 0)."""
    v = np.zeros_like(base)
    v[0], v[axis] = cos, np.sqrt(1 - cos**2)
    return v


def test_a_speakers_statements_need_a_word_in_common_when_only_loosely_similar() -> None:
    q = _axis()
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


def test_two_speakers_are_compared_within_one_story_and_one_speaker_across_stories() -> None:
    q = _axis()
    items = [
        Item("s0", "iran", "Everything is negotiable if sanctions are lifted.", "javad zarif"),
        Item("s1", "crimea", "The sanctions on Russian officials are only the beginning.", "john kerry"),
        Item(
            "s2",
            "iran-2",
            "Sanctions relief must come first, everything else is negotiable.",
            "hassan rouhani",
        ),
        Item("s3", "nuclear", "Nothing is negotiable while sanctions stay.", "javad zarif"),
    ]
    vectors = np.stack([q, _at_cosine(q, 1, 0.8), _at_cosine(q, 2, 0.8), _at_cosine(q, 3, 0.8)])
    story = {"iran": q, "iran-2": _at_cosine(q, 1, 0.6), "crimea": _at_cosine(q, 2, 0.1), "nuclear": -q}
    found = {c for _, c, _ in candidates(items, vectors, [0], stories=story)}
    assert found == {2, 3}  # not Kerry on Russia; Zarif himself, whatever the story
    assert {c for _, c, _ in candidates(items, vectors, [0])} == {1, 2, 3}


def test_a_speakers_name_is_no_word_in_common_when_speakers_are_keyed_by_entity() -> None:
    q = _axis()
    items = [
        Item("s0", "a0", "Lopez will close the Elm Street library.", "e_lopez", "Maria Lopez"),
        Item("s1", "a1", "Lopez raised record sums in October.", "e_lopez", "Maria Lopez"),
    ]
    vectors = np.stack([q, _at_cosine(q, 1, 0.40)])
    assert candidates(items, vectors, [0]) == []  # "Lopez" in both is only the speaker's name


def test_a_near_copy_of_an_article_is_not_compared_with_it_or_with_another_copy() -> None:
    q = _axis()
    words = "The United States will not recognise the result of the referendum."
    items = [
        Item("s0", "wire", words, "john kerry"),
        Item("s1", "reprint", words, "john kerry", copy_of="wire"),
        Item("s2", "second-reprint", words, "john kerry", copy_of="wire"),
        Item("s3", "courier", "Washington will never recognise the referendum's result.", "john kerry"),
    ]
    vectors = np.stack([q, q, q, _at_cosine(q, 1, 0.9)])
    # one report however many outlets ran it: its copies are not corroboration
    assert {c for _, c, _ in candidates(items, vectors, [0])} == {3}
    assert {c for _, c, _ in candidates(items, vectors, [1])} == {3}


def test_the_store_maps_a_copy_of_a_copy_to_the_first(store: Store) -> None:
    text = " ".join(
        f"Paragraph {n}: the minister said the talks would resume in Geneva next week." for n in range(40)
    )
    first = Article.create(source="wire.txt", text=text, format="text", outlet="Wire")
    copy = Article.create(source="reprint.txt", text=text + " Reprinted.", format="text", outlet="Reprint")
    again = Article.create(
        source="again.txt", text=text + " Reprinted. Again.", format="text", outlet="Again"
    )
    for article in (first, copy, again):
        store.add(article, [])
    twins = {a["id"]: a["near_duplicate_of"] for a in store.articles()}
    assert twins[again.id] == copy.id  # the closest copy is the reprint
    assert store.copies() == {copy.id: first.id, again.id: first.id}


def test_the_index_finds_the_same_neighbours_every_time_it_is_built() -> None:
    """A fact-checker who runs `link` twice on one pile of news must get the same pairs."""
    vectors = np.random.default_rng(13).standard_normal((3000, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[1000:1100] = vectors[:100]  # the same statement in two copies of one report: a tie to break
    found = [build_index(vectors).search(vectors, count=32).keys for _ in range(3)]
    assert all(np.array_equal(found[0], other) for other in found[1:])

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy

from counterpoint.errors import StoreError
from counterpoint.records import Article, Entity, Failure, Link, Statement, stable_id
from counterpoint.store import Store

BODY = (
    "SIMFEROPOL, Ukraine - Voters in Crimea went to the polls on Sunday in a referendum on joining Russia. "
    "US Secretary of State John Kerry told Russian Foreign Minister Sergei Lavrov that the United States "
    "would not recognise the result. Officials in Kiev called the vote illegal, and European Union leaders "
    "prepared sanctions against Russian officials. Polling stations closed at 8pm local time."
)


def article(text: str = BODY, **fields: object) -> Article:
    return Article.create(source="test.txt", text=text, format="text", **fields)


def statement(a: Article, start: int, end: int, **fields: object) -> Statement:
    return Statement(
        id=stable_id("s", a.id, start, end),
        article_id=a.id,
        source=a.source,
        kind="indirect",
        text=a.text[start:end],
        span=(start, end),
        **fields,
    )


def test_an_article_is_stored_once(store: Store) -> None:
    a = article(title="Crimea votes")
    assert store.add(a).added
    assert not store.add(a).added
    assert [r["id"] for r in store.articles()] == [a.id]
    assert store.stats()["articles"] == 1


def test_the_full_page_replaces_a_feeds_summary_of_it_and_not_the_other_way(store: Store) -> None:
    url = "https://paper.example/crimea"
    summary = article(BODY[:100], url=url, meta={"summary_only": True})
    other = article(BODY.replace("Sunday", "Monday"), url="https://other.example/crimea")
    store.add(summary, [s := statement(summary, 0, 40)])
    store.add(other, [o := statement(other, 0, 40)])
    store.add_links([Link(s.id, o.id, "agree", 0.9, "m", ("x", "y"))], compared=[s.id], model="m")
    full = article(BODY, url=url)
    assert full.id == summary.id and store.supersedes(full)
    assert store.add(full, [statement(full, 103, 160)]).added
    [stored] = [r for r in store.articles() if r["id"] == full.id]
    assert stored["text"] == BODY
    assert [r["text"] for r in store.statements() if r["article_id"] == full.id] == [BODY[103:160]]
    assert list(store.links()) == []  # the summary's statements took their links with them
    assert not store.supersedes(summary) and not store.add(summary).added


def test_same_text_from_another_path_is_a_duplicate(store: Store) -> None:
    store.add(article())
    copy = Article.create(source="elsewhere/copy.txt", text=BODY.replace(" ", "  "), format="text")
    assert not store.add(copy).added


def test_a_syndicated_near_copy_is_linked_not_merged(store: Store) -> None:
    original = article(url="https://wire.example/crimea")
    edited = BODY.replace(
        "Polling stations closed at 8pm local time.", "Turnout figures are expected Monday."
    )
    copy = article(text="By Staff Writer. " + edited, url="https://paper.example/world/crimea")
    store.add(original)
    added = store.add(copy)
    assert added.added
    assert added.near_duplicate_of == original.id
    assert added.score is not None and added.score >= 0.6
    rows = {r["id"]: r for r in store.articles()}
    assert rows[copy.id]["near_duplicate_of"] == original.id
    assert rows[copy.id]["text"] != rows[original.id]["text"]


def test_unrelated_articles_are_not_near_duplicates(store: Store) -> None:
    store.add(article())
    other = article(
        text="The city council approved a new budget for road repairs after a long debate on taxes."
    )
    assert store.add(other).near_duplicate_of is None


def test_statements_and_entities_commit_with_their_article(store: Store) -> None:
    a = article()
    kerry = Entity(
        id=stable_id("e", "PERSON", "john kerry"), name="John Kerry", type="PERSON", aliases=("Kerry",)
    )
    s = statement(
        a, 101, 255, speaker="John Kerry", speaker_entity_id=kerry.id, cue="told", cue_span=(123, 127)
    )
    store.add(a, [s], [kerry])
    [record] = list(store.statements(a.id))
    assert record["span"] == [101, 255]
    assert record["cue_span"] == [123, 127]
    assert record["speaker_span"] is None
    assert record["text"] == BODY[101:255]
    [entity] = store.entities()
    assert entity["aliases"] == ["Kerry"]


def test_an_inconsistent_batch_leaves_nothing_behind(store: Store) -> None:
    a = article()
    orphan = statement(a, 0, 10, speaker_entity_id="e_missing")  # entity never saved: a foreign-key error
    with pytest.raises(StoreError, match="nothing saved"):
        store.add(a, [orphan])
    assert store.stats()["articles"] == 0
    assert store.stats()["statements"] == 0
    assert store.add(a).added  # and the article can still be saved afterwards


def test_an_entity_seen_again_gains_aliases_and_roles(store: Store) -> None:
    eid = stable_id("e", "PERSON", "sergei lavrov")
    store.add(
        article(), entities=[Entity(eid, "Sergei Lavrov", "PERSON", ("Lavrov",), ("foreign minister",))]
    )
    later = article(text="Lavrov spoke to reporters in Moscow about sanctions and the gas price for Ukraine.")
    store.add(
        later,
        entities=[Entity(eid, "Sergei Lavrov", "PERSON", ("Sergey Lavrov",), ("Russia's top diplomat",))],
    )
    [entity] = list(store.entities())
    assert entity["aliases"] == ["Lavrov", "Sergey Lavrov"]
    assert entity["roles"] == ["Russia's top diplomat", "foreign minister"]


def test_links_keep_both_statements_relation_score_and_model(store: Store) -> None:
    a = article()
    first, second = statement(a, 0, 50), statement(a, 101, 255)
    store.add(a, [first, second])
    store.add_links(
        [Link(first.id, second.id, "contradict", 0.91, "test-model/1", ("a passage", "b passage"))]
    )
    assert list(store.links()) == [
        {
            "a": first.id,
            "b": second.id,
            "relation": "contradict",
            "score": 0.91,
            "model": "test-model/1",
            "evidence": ["a passage", "b passage"],
        }
    ]
    assert store.stats()["relations"] == {"contradict": 1}


def test_stats_count_the_statements_link_compares(store: Store) -> None:
    a = article()
    store.add(a, [statement(a, 0, 50), statement(a, 101, 120, checkable=False)])
    numbers = store.stats()
    assert (numbers["statements"], numbers["checkable"], numbers["relations"]) == (2, 1, {})


def test_full_text_search_finds_words_and_survives_punctuation(store: Store) -> None:
    store.add(article(title="Crimea votes"))
    store.add(
        article(text="Wheat exports from Black Sea ports reached a record in May, traders said on Tuesday.")
    )
    assert [r["title"] for r in store.search("referendum Russia")] == ["Crimea votes"]
    assert store.search("Black-Sea: wheat")[0]["text"].startswith("Wheat")
    assert store.search("nonexistentword") == []


def test_links_and_the_statements_they_complete_are_stored_together(store: Store) -> None:
    a = article()
    first, second = statement(a, 0, 40), statement(a, 101, 255)
    store.add(a, [first, second])
    store.add_links(
        [Link(first.id, second.id, "agree", 0.9, "m", ("x", "y"))], compared=[first.id], model="m"
    )
    store.add_links([], compared=[second.id], model="m")  # looked up, and every pair it found was stored
    assert store.compared("m") == {first.id, second.id}
    assert store.compared("another model") == set()
    assert [link["a"] for link in store.links()] == [first.id]


def test_failures_are_kept_once_each(store: Store) -> None:
    for _ in range(2):  # a re-run meets the same broken file again
        store.record_failure(Failure("broken.html", "malformed markup: no document body"))
    store.record_failure(Failure("broken.html", "empty: no content"))  # changed since: a new reason
    assert [f["reason"] for f in store.failures()] == [
        "malformed markup: no document body",
        "empty: no content",
    ]
    assert store.stats()["failures"] == 2


def test_stats_report_dates_and_outlets(store: Store) -> None:
    store.add(article(published="2014-03-16", outlet="Wire"))
    store.add(
        article(
            text="Another story entirely about a bridge closing for repairs in the harbour city.",
            outlet="Wire",
        )
    )
    numbers = store.stats()
    assert numbers["dated"] == 1
    assert numbers["published_range"] == ["2014-03-16", "2014-03-16"]
    assert numbers["top_outlets"] == [["Wire", 2]]


def test_reopening_a_store_keeps_its_rows(db_url: str) -> None:
    with Store(db_url) as first:
        first.add(article())
    with Store(db_url) as again:
        assert again.stats()["articles"] == 1


def test_an_unreachable_store_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody:wrong@127.0.0.1:1/none")


def test_full_text_search_over_statements(store: Store) -> None:
    a = article()
    said = statement(a, 101, 255, speaker="John Kerry")
    store.add(a, [said, statement(a, 0, 50)])
    assert [r["id"] for r in store.search("Kerry recognise", table="statements")] == [said.id]


@pytest.mark.parametrize(
    ("revision", "added"),
    [
        ("0001", ("pieces", "part", "checkable")),
        ("0002", ("pieces", "part")),
        ("0003", ("pieces",)),
        ("0004", ()),
    ],
)
def test_an_older_store_gains_the_new_columns_with_what_its_statements_were(
    tmp_path: Path, revision: str, added: tuple[str, ...]
) -> None:
    path = tmp_path / "old.db"
    a, silent = article(), article("Rain is expected over the weekend across the north.")
    with Store(path) as store:
        store.add(a, [statement(a, 0, 40, checkable=False)])
        store.add(silent)
    with sqlalchemy.create_engine(f"sqlite:///{path}").begin() as conn:  # as that revision left it
        for column in added:
            conn.exec_driver_sql(f"ALTER TABLE statements DROP COLUMN {column}")
        conn.exec_driver_sql("DROP TABLE compared")  # added by 0005
        conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN extracted")  # added by 0006
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
    with Store(path) as store:
        # an article with statements was extracted; one without may have been stored by `--no-extract`
        assert store.unextracted(a.id) is None
        assert store.unextracted(silent.id) == silent
        [old] = store.statements()
        assert old["part"] == "text"  # every statement was read from the body
        assert old["pieces"] == []
        assert store.compared("any model") == set()  # its next `link` looks every statement up once more
        assert old["checkable"] is ("checkable" in added)  # stored before the check existed: as it was linked
        assert [r["text"] for r in store.search("Crimea", table="statements")] == [BODY[:40]]

"""`link`, `check` and `who` on a small store with the shipped model: the semantics the issue asks for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from typer.testing import CliRunner

from counterpoint.cli import app
from counterpoint.link import crosscheck, hedges, reports
from counterpoint.link.relation import Relater
from counterpoint.link.vectors import Vectors
from counterpoint.records import Article, Entity, Link, Statement, stable_id
from counterpoint.store import Store

runner = CliRunner()

# (outlet, published, speaker, words, second_hand, setting)
NEWS = [
    (
        "Daily Ledger",
        "2019-03-01",
        "Maria Lopez",
        "The city will close the Elm Street library next year.",
        False,
        "public",
    ),
    (
        "Evening Post",
        "2019-03-02",
        "Maria Lopez",
        "The Elm Street library will close next year.",
        False,
        "public",
    ),
    (
        "Harbor Times",
        "2023-06-10",
        "Maria Lopez",
        "I never said the Elm Street library would close.",
        True,
        "private",
    ),
    (
        "Sports Weekly",
        "2021-05-05",
        "Coach Ben Hart",
        "Our team won the regional football championship.",
        False,
        "public",
    ),
    (
        "Town Crier",
        "2018-11-20",
        "Council spokesman",
        "The council will not make any decisions on the library until after the budget review.",
        False,
        "public",
    ),
    (
        "Town Crier",
        "2019-04-02",
        "Council spokesman",
        "The council voted to close the Elm Street library.",
        False,
        "public",
    ),
]


def _add(
    store: Store, outlet: str, published: str, speaker: str, words: str, second_hand: bool, setting: str
) -> str:
    body = (
        f'<p>"{words}" {speaker} said.</p>'
        if not second_hand
        else f"A former aide said {speaker} told him: {words}"
    )
    article = Article.create(
        source=f"{outlet}.html",
        text=body,
        format="text",
        outlet=outlet,
        published=published,
        title=f"{outlet} <b>report</b>",
        url=f"https://example.org/{stable_id('u', body)}",
    )
    statement = _statement(
        article, words, kind="direct", speaker=speaker, second_hand=second_hand, setting=setting
    )
    store.add(article, [statement])
    return article.id


def _statement(article: Article, words: str, **fields: Any) -> Statement:
    """A statement of `article` whose words are found in its text."""
    start = article.text.index(words)
    return Statement(
        id=stable_id("s", article.id, start),
        article_id=article.id,
        source=article.source,
        text=words,
        span=(start, start + len(words)),
        **fields,
    )


def _reported(article: Article, words: str, speaker: str, parent: Statement, **fields: Any) -> Statement:
    """A second-hand statement of `article`, nested in `parent`'s words."""
    return _statement(
        article, words, kind="indirect", speaker=speaker, parent_id=parent.id, second_hand=True, **fields
    )


@pytest.fixture(scope="module")
def relater() -> Relater:
    return Relater()


@pytest.fixture
def linked(tmp_path: Path, relater: Relater) -> tuple[str, list[str]]:
    db = str(tmp_path / "news.db")
    with Store(db) as store:
        ids = [_add(store, *row) for row in NEWS]
        report = crosscheck.link(store, relater)
    assert report.new == len(NEWS)
    return db, ids


def _relations(db: str) -> dict[frozenset[str], str]:
    with Store(db) as store:
        text = {s["id"]: s["text"] for s in store.statements()}
        return {frozenset((text[link["a"]], text[link["b"]])): link["relation"] for link in store.links()}


def test_a_statement_and_its_report_elsewhere_agree(linked: tuple[str, list[str]]) -> None:
    found = _relations(linked[0])
    assert found[frozenset((NEWS[0][3], NEWS[1][3]))] == "agree"


def test_same_speaker_contradiction_years_later(linked: tuple[str, list[str]]) -> None:
    found = _relations(linked[0])
    assert found[frozenset((NEWS[1][3], NEWS[2][3]))] == "contradict"


def test_a_deferral_does_not_contradict_the_later_decision(linked: tuple[str, list[str]]) -> None:
    found = _relations(linked[0])
    pair = frozenset((NEWS[4][3], NEWS[5][3]))
    assert pair in found and found[pair] != "contradict"


def test_unrelated_statements_are_never_linked_as_related(linked: tuple[str, list[str]]) -> None:
    found = _relations(linked[0])
    sport = NEWS[3][3]
    assert all(relation == "unrelated" for pair, relation in found.items() if sport in pair)


def test_link_is_incremental(linked: tuple[str, list[str]], relater: Relater) -> None:
    db, _ = linked
    with Store(db) as store:
        again = crosscheck.link(store, relater)
        assert again.pairs == 0
        before = len(list(store.links()))
        _add(
            store,
            "Morning Star",
            "2024-01-01",
            "Sam Ortiz",
            "The Elm Street library will close next year.",
            False,
            "public",
        )
        more = crosscheck.link(store, relater)
        # the new statement, plus the sports one, which had no candidate and so is looked up again (cheaply)
        assert more.new == 2 and 0 < more.pairs <= 6
        assert len(list(store.links())) == before + more.pairs
        assert all(
            set(link) == {"a", "b", "relation", "score", "model", "evidence"} for link in store.links()
        )
        statements = len(list(store.statements()))
    # the nearest-neighbour index is kept beside the vectors and was extended, not rebuilt
    cache = Path(f"{db}.vectors")
    assert (cache / "index.usearch").exists()
    assert len(Vectors(cache).index()) == statements == len(NEWS) + 1


def test_a_link_run_killed_between_transactions_loses_no_pair(
    linked: tuple[str, list[str]], relater: Relater
) -> None:
    db, _ = linked
    with Store(db) as store:
        links = list(store.links())
    whole = {(link["a"], link["b"], link["relation"]) for link in links}
    # what a kill leaves: a statement's transaction never committed, its own pairs and mark not stored, though
    # it is the other side of a pair an earlier statement stored
    lost = next(s for s in sorted({link["a"] for link in links}) if any(link["b"] == s for link in links))
    with sqlalchemy.create_engine(f"sqlite:///{db}").begin() as conn:
        conn.exec_driver_sql("DELETE FROM links WHERE a = ?", (lost,))
        conn.exec_driver_sql("DELETE FROM compared WHERE statement = ?", (lost,))
    with Store(db) as store:
        again = crosscheck.link(store, relater)
        assert again.pairs > 0
        assert {(link["a"], link["b"], link["relation"]) for link in store.links()} == whole


def test_a_stale_or_broken_index_is_rebuilt(linked: tuple[str, list[str]]) -> None:
    cache = Path(f"{linked[0]}.vectors")
    vectors = Vectors(cache)
    (cache / "index.usearch").write_bytes(b"not an index")
    assert len(vectors.index()) == len(NEWS)
    # the vectors rebuilt in another order: the saved index no longer matches its rows
    vectors.ids.reverse()
    vectors.save()
    rebuilt = Vectors(cache)
    assert len(rebuilt.index()) == len(NEWS)
    assert json.loads((cache / "index.json").read_text()) == {"last": rebuilt.ids[-1]}


def test_who_flags_the_contradiction_and_shows_its_standing(
    linked: tuple[str, list[str]], relater: Relater
) -> None:
    db, _ = linked
    with Store(db) as store:
        report = reports.who_report(store, "maria lopez", model=relater.name)
    said = report["statements"]
    assert [s["published"] for s in said] == sorted(s["published"] for s in said)
    late = next(s for s in said if s["second_hand"])
    assert late["standing"] == "second-hand, private" and late["contradicted"]
    text = reports.render(report, "text")
    assert "CONTRADICT" in text and "second-hand, private" in text and "first-hand, public" in text


def test_check_report_lists_support_and_contradiction_strongest_first(
    linked: tuple[str, list[str]], relater: Relater
) -> None:
    db, ids = linked
    with Store(db) as store:
        report = reports.check_report(store, ids[1], relater.name)
    assert report["article"]["outlet"] == "Evening Post"
    related = report["statements"][0]["related"]
    assert {r["relation"] for r in related} == {"agree", "contradict"}
    assert [r["score"] for r in related] == sorted((r["score"] for r in related), reverse=True)
    contradiction = next(r for r in related if r["relation"] == "contradict")
    assert contradiction["outlet"] == "Harbor Times" and contradiction["second_hand"]


def test_html_report_is_self_contained_and_escaped(linked: tuple[str, list[str]], relater: Relater) -> None:
    db, ids = linked
    with Store(db) as store:
        page = reports.render(reports.check_report(store, ids[1], relater.name), "html")
    assert page.startswith("<!doctype html>")
    assert "&lt;b&gt;report&lt;/b&gt;" in page and "<b>report</b>" not in page
    assert "<script" not in page and "http" not in page.split("</style>")[0]
    with Store(db) as store:
        markdown = reports.render(reports.check_report(store, ids[1], relater.name), "markdown")
    assert "&lt;b&gt;report&lt;/b&gt;" in markdown and "<b>report</b>" not in markdown  # viewers render HTML


def test_cli_check_ingests_and_reports(tmp_path: Path, linked: tuple[str, list[str]]) -> None:
    db, _ = linked
    article = tmp_path / "new.txt"
    article.write_text(
        "Library to close\n\n"
        '"The Elm Street library will close next year," Maria Lopez told reporters on Monday.\n'
    )
    result = runner.invoke(app, ["--db", db, "check", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["article"]["source"].endswith("new.txt")
    relations = {r["relation"] for s in report["statements"] for r in s["related"]}
    assert "agree" in relations
    markdown = runner.invoke(
        app, ["--db", db, "who", "Maria Lopez", "--about", "library", "--format", "markdown"]
    )
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# Maria Lopez on library")


def test_check_takes_one_article_and_who_a_name(tmp_path: Path, linked: tuple[str, list[str]]) -> None:
    db, _ = linked
    folder = runner.invoke(app, ["--db", db, "check", str(tmp_path)])
    assert folder.exit_code == 2 and "a folder" in folder.output
    nobody = runner.invoke(app, ["--db", db, "who", " "])
    assert nobody.exit_code == 2 and "a name is needed" in nobody.output


def test_who_orders_by_the_year_a_remark_was_made_and_cites_a_file_without_outlet(tmp_path: Path) -> None:
    with Store(str(tmp_path / "news.db")) as store:
        for name, published, words, said_at in (
            ("memoir.txt", "2019-06-06", "the deal was already done", "in March 2014"),
            ("press.txt", "2016-01-10", "the deal was never on the table", None),
            ("wire.txt", "2017-05-02", "the deal was off", "Last month"),
        ):
            article = Article.create(source=f"scrapes/{name}", text=words, format="text", published=published)
            statement = _statement(article, words, kind="indirect", speaker="Ana Brandt", said_at=said_at)
            store.add(article, [statement])
        report = reports.who_report(store, "ana brandt")
    assert [s["text"] for s in report["statements"]] == [
        "the deal was already done",
        "the deal was never on the table",
        "the deal was off",
    ]
    text = reports.render(report, "text")
    assert "memoir.txt, 2019-06-06 (said in March 2014), Ana Brandt" in text
    assert "wire.txt, 2017-05-02 (said last month), Ana Brandt" in text  # as stated, not as a sentence opens


def test_who_about_finds_a_word_in_any_of_its_forms_and_spellings(tmp_path: Path) -> None:
    with Store(str(tmp_path / "news.db")) as store:
        for name, words in (
            ("uk.txt", "Britain would never recognise the referendum"),
            ("us.txt", "the United States will not recognize the vote"),
            ("later.txt", "recognition of the result was out of the question"),
            ("other.txt", "the sanctions would stay"),
        ):
            article = Article.create(source=name, text=words, format="text")
            store.add(article, [_statement(article, words, kind="indirect", speaker="Ana Brandt")])
        found = {t: reports.who_report(store, "Ana Brandt", t)["statements"] for t in ("recognized", "votes")}
    assert (len(found["recognized"]), len(found["votes"])) == (3, 1)


def test_who_finds_a_person_under_another_spelling_of_the_name(tmp_path: Path) -> None:
    """Outlets transliterate differently: a user who types "Sergey Lavrov" is asking about Sergei Lavrov."""
    with Store(str(tmp_path / "news.db")) as store:
        lavrov = Entity(stable_id("e", "lavrov"), "Sergei Lavrov", "person", ("Lavrov", "Sergei Lavrov"))
        for name, speaker, entity, words in (
            ("tass.txt", "Sergei Lavrov", lavrov.id, "the vote was legitimate"),
            ("wire.txt", "Sergey Lavrov", None, "the West would come round"),
            ("press.txt", "Dmitry Peskov", None, "Moscow would respect the result"),
        ):
            article = Article.create(source=name, text=words, format="text")
            statement = _statement(article, words, kind="indirect", speaker=speaker, speaker_entity_id=entity)
            store.add(article, [statement], [lavrov] if entity else [])
        said = {
            n: [s["text"] for s in reports.who_report(store, n)["statements"]]
            for n in ("Sergey Lavrov", "Dmitri Peskov")
        }
    assert set(said["Sergey Lavrov"]) == {"the vote was legitimate", "the West would come round"}
    assert said["Dmitri Peskov"] == ["Moscow would respect the result"]


def test_who_keeps_one_articles_statements_in_its_order_and_leaves_out_those_about_the_person(
    tmp_path: Path,
) -> None:
    body = (
        "Ana Brandt said the deal was off. Former aides to Ana Brandt said she never said so. "
        "Brandt later said the deal was back on. Brandt added that talks would resume."
    )
    article = Article.create(source="wire.txt", text=body, format="text", published="2017-05-02")
    said = [
        ("the deal was off", "Ana Brandt"),
        ("she never said so", "Former aides to Ana Brandt"),
        ("the deal was back on", "Brandt"),
        ("talks would resume", "Brandt"),
    ]
    with Store(str(tmp_path / "news.db")) as store:
        store.add(
            article, [_statement(article, w, kind="indirect", speaker=who) for w, who in reversed(said)]
        )
        report = reports.who_report(store, "ana brandt")
    assert [s["text"] for s in report["statements"]] == [
        "the deal was off",
        "the deal was back on",
        "talks would resume",
    ]


def test_who_shows_a_piece_of_a_speakers_quote_once_inside_the_whole_with_its_links(tmp_path: Path) -> None:
    body = '"This just is not right. You squeezed employees to the breaking point," Ana Brandt said.'
    article = Article.create(source="hearing.txt", text=body, format="text", published="2016-09-20")
    whole = _statement(article, body[: body.index(" Ana")], kind="direct", speaker="Ana Brandt")
    piece = _statement(
        article, "You squeezed employees to the breaking point", kind="direct", speaker="Ana Brandt"
    )
    reply = Article.create(
        source="bank.txt", text="The bank said it never squeezed employees.", format="text"
    )
    denial = _statement(reply, "it never squeezed employees", kind="indirect", speaker="the bank")
    with Store(str(tmp_path / "news.db")) as store:
        store.add(article, [whole, piece])
        store.add(reply, [denial])
        store.add_links([Link(piece.id, denial.id, "contradict", 0.8, "m", ("a", "b"))], model="m")
        report = reports.who_report(store, "ana brandt")
    [entry] = report["statements"]
    assert entry["id"] == whole.id and entry["folded"] == [piece.id]
    assert [r["id"] for r in entry["related"]] == [denial.id] and entry["contradicted"]


def test_who_with_a_name_two_people_share_says_so_and_flags_no_one_against_the_other(tmp_path: Path) -> None:
    hillary = Entity(stable_id("e", "hillary"), "Hillary Clinton", "person", ("Clinton", "Hillary Clinton"))
    bill = Entity(stable_id("e", "bill"), "Bill Clinton", "person", ("Bill Clinton",))
    either = Entity(stable_id("e", "clinton"), "Clinton", "person", ("Clinton",))  # a surname no one owned
    said = {}
    with Store(str(tmp_path / "news.db")) as store:
        for name, person, words in (
            ("debate.txt", hillary, "the trade deal was the gold standard"),
            ("rally.txt", bill, "the trade deal was a mistake"),
            ("speech.txt", hillary, "the trade deal did not meet my standards"),
            ("blog.txt", either, "the trade deal would pass"),
        ):
            article = Article.create(source=name, text=words, format="text")
            said[name] = _statement(
                article, words, kind="indirect", speaker=person.name, speaker_entity_id=person.id
            )
            store.add(article, [said[name]], [person])
        store.add_links(
            [
                Link(said["debate.txt"].id, said["rally.txt"].id, "contradict", 0.9, "m"),
                Link(said["debate.txt"].id, said["speech.txt"].id, "contradict", 0.8, "m"),
            ],
            model="m",
        )
        report = reports.who_report(store, "Clinton", model="m")
    assert report["people"] == {"Hillary Clinton": 2, "Bill Clinton": 1, "Clinton": 1}
    assert (
        "The name matches 2 people: Hillary Clinton (2), Bill Clinton (1); Clinton alone (1)."
        in reports.render(report, "text")
    )
    debate = next(e for e in report["statements"] if e["id"] == said["debate.txt"].id)
    same = {r["speaker"]: r["same_speaker"] for r in debate["related"]}
    assert same == {"Bill Clinton": False, "Hillary Clinton": True}  # her own words, not his


def test_a_bare_name_or_phrase_is_never_compared(linked: tuple[str, list[str]], relater: Relater) -> None:
    db, _ = linked
    body = "Maria Lopez endorsed the Elm Street library."
    article = Article.create(source="endorse.txt", text=body, format="text", outlet="Ledger")
    cue = (body.index("endorsed"), body.index("endorsed") + len("endorsed"))
    phrase = _statement(
        article,
        "the Elm Street library",
        kind="indirect",
        speaker="Maria Lopez",
        cue="endorsed",
        cue_span=cue,
        checkable=False,
    )
    with Store(db) as store:
        store.add(article, [phrase])
        report = crosscheck.link(store, relater)
        assert report.statements == len(NEWS)
        assert all(phrase.id not in (link["a"], link["b"]) for link in store.links())
        shown = reports.check_report(store, article.id)
    assert shown["statements"][0]["checkable"] is False
    for fmt in ("text", "markdown", "html"):
        assert reports.UNCHECKED in reports.render(shown, fmt)
        assert "endorsed the Elm Street library" in reports.render(shown, fmt)


def test_a_person_named_in_part_is_one_speaker_with_the_fuller_name(tmp_path: Path) -> None:
    people = [
        "Sergei Lavrov",
        "Lavrov",
        "Mohammad Javad Zarif",
        "Javad Zarif",
        "Donald Trump",
        "Ivanka Trump",
    ]
    with Store(str(tmp_path / "names.db")) as store:
        article = Article.create(source="names.txt", text="Names.", format="text")
        ids = {name: stable_id("e", name) for name in [*people, "Trump"]}
        store.add(article, [], [Entity(ids[n], n, "person") for n in ids])
        keys = crosscheck.speaker_keys(store)
    assert keys[ids["Lavrov"]] == keys[ids["Sergei Lavrov"]] == ids["Sergei Lavrov"]
    assert keys[ids["Javad Zarif"]] == ids["Mohammad Javad Zarif"]
    assert keys[ids["Trump"]] == ids["Trump"]  # Donald or Ivanka: not ours to guess
    assert keys[ids["Ivanka Trump"]] == ids["Ivanka Trump"]


def test_a_reported_statement_is_shown_with_the_words_that_bring_it_in(tmp_path: Path) -> None:
    body = (
        "Mayor Linda Chen told reporters that the city had offered a raise, calling the demands "
        '"unaffordable." According to the union, drivers earn less.'
    )
    article = Article.create(source="strike.txt", text=body, format="text")

    def said(words: str, cue: str, speaker: str) -> Statement:
        at, by = body.index(cue), body.index(speaker)
        return _statement(
            article,
            words,
            kind="indirect",
            speaker="Linda Chen",
            speaker_span=(by, by + len(speaker)),
            cue=cue,
            cue_span=(at, at + len(cue)),
        )

    statements = [
        said("that the city had offered a raise", "told", "Mayor Linda Chen"),
        said('the demands "unaffordable."', "calling", "Mayor Linda Chen"),
        said("drivers earn less", "According to", "the union"),
    ]
    with Store(str(tmp_path / "shown.db")) as store:
        store.add(article, statements)
        shown = [s["shown"] for s in reports.check_report(store, article.id)["statements"]]
    assert shown == [
        "told reporters that the city had offered a raise",
        'calling the demands "unaffordable."',
        "drivers earn less",  # the speaker stands between: "According to drivers …" would misquote
    ]


def test_a_second_hand_statement_says_who_reported_it_in_every_format(tmp_path: Path) -> None:
    body = (
        "Sergei Lavrov said a Ukrainian diplomat told him that John Kerry had privately told her the vote "
        "reflected the will of the people."
    )
    article = Article.create(source="wire.txt", text=body, format="text", published="2019-06-06")
    lavrov = _statement(
        article, "a Ukrainian diplomat told him that", kind="indirect", speaker="Sergei Lavrov"
    )
    diplomat = _reported(article, "John Kerry had privately told her", "Ukrainian diplomat", lavrov)
    kerry = _reported(
        article, "the vote reflected the will of the people", "John Kerry", diplomat, setting="private"
    )
    with Store(str(tmp_path / "news.db")) as store:
        store.add(article, [lavrov, diplomat, kerry])
        who = reports.who_report(store, "john kerry")
        check = reports.check_report(store, article.id)
    remark = who["statements"][0]
    # nearest first: the diplomat told Lavrov, and Lavrov tells the reader
    assert remark["reported_by"] == ["Ukrainian diplomat", "Sergei Lavrov"]
    assert remark["parent_id"] == diplomat.id
    standing = "second-hand, reported by Ukrainian diplomat, as reported by Sergei Lavrov, private"
    assert remark["standing"] == standing
    for fmt in ("text", "markdown", "html"):
        assert standing in reports.render(who, fmt)
    by_id = {s["id"]: s for s in check["statements"]}
    assert by_id[lavrov.id]["reported_by"] == [] and by_id[lavrov.id]["standing"] == "first-hand"
    assert by_id[kerry.id]["reported_by"] == ["Ukrainian diplomat", "Sergei Lavrov"]


def test_a_denial_contradicts_the_claim_it_denies(tmp_path: Path, relater: Relater) -> None:
    claim = "Kerry had privately told him that the referendum reflected the will of the people"
    said = []
    for outlet, published, body, cue, speaker in (
        ("Moscow Daily", "2019-06-05", f"Sergei Lavrov said {claim}.", "said", "Sergei Lavrov"),
        (
            "Courier",
            "2019-06-07",
            f"Former aides to John Kerry denied that {claim}.",
            "denied",
            "Former aides to John Kerry",
        ),
    ):
        article = Article.create(
            source=f"{outlet}.txt", text=body, format="text", outlet=outlet, published=published
        )
        words = body[body.index(cue) + len(cue) + 1 : -1]
        start = body.index(cue)
        statement = _statement(
            article, words, kind="indirect", speaker=speaker, cue=cue, cue_span=(start, start + len(cue))
        )
        said.append(statement)
        with Store(str(tmp_path / "news.db")) as store:
            store.add(article, [statement])
    assert hedges.denial(said[1].to_dict()) and not hedges.denial(said[0].to_dict())
    denied = said[1].to_dict()
    assert hedges.compared_text(denied, hedges.denial(denied)) == f"denied that {claim}"
    with Store(str(tmp_path / "news.db")) as store:
        crosscheck.link(store, relater)
        (link,) = list(store.links())
    # the content alone repeats the claim word for word: without its cue it read as agreeing with it
    assert link["relation"] == "contradict"


def test_a_claim_nested_in_its_rejection_is_shown_as_denied_not_reported(tmp_path: Path) -> None:
    body = "Former aides rejected a claim by Sergei Lavrov that John Kerry told him the vote was fair."
    article = Article.create(source="wire.txt", text=body, format="text", published="2019-06-07")
    cue = body.index("rejected")
    aides = _statement(
        article,
        "a claim by Sergei Lavrov that John Kerry told him the vote was fair",
        kind="indirect",
        speaker="Former aides",
        cue="rejected",
        cue_span=(cue, cue + len("rejected")),
    )
    lavrov = _reported(article, "that John Kerry told him the vote was fair", "Sergei Lavrov", aides)
    kerry = _reported(article, "the vote was fair", "John Kerry", lavrov)
    with Store(str(tmp_path / "news.db")) as store:
        store.add(article, [aides, lavrov, kerry])
        standing = {s["id"]: s["standing"] for s in reports.check_report(store, article.id)["statements"]}
    assert standing[aides.id] == "first-hand"
    assert standing[lavrov.id] == "second-hand, denied by Former aides"
    assert standing[kerry.id] == "second-hand, reported by Sergei Lavrov, denied by Former aides"


def test_a_near_copy_is_cited_as_a_copy_of_the_outlet_it_copies(tmp_path: Path) -> None:
    said = "the talks would resume in Geneva next week"
    text = " ".join(f"Paragraph {n}: Ana Brandt said {said}." for n in range(40))
    with Store(str(tmp_path / "news.db")) as store:
        for outlet, body in (("Wire", text), ("Reprint", text + " Reprinted.")):
            article = Article.create(source=f"{outlet}.txt", text=body, format="text", outlet=outlet)
            store.add(article, [_statement(article, said, kind="indirect", speaker="Ana Brandt")])
        report = reports.who_report(store, "ana brandt")
    assert [s["copy_of"] for s in report["statements"]] == [None, "Wire"]
    assert "Reprint (a near-copy of Wire), undated, Ana Brandt" in reports.render(report, "text")

"""The shipped relation model on real cases: agreement, contradiction, discussion, unrelated, long texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterpoint.cli import app
from counterpoint.link.encoder import embed
from counterpoint.link.hedges import hedged, settle
from counterpoint.link.passages import best_passage, sentences
from counterpoint.link.relation import MODEL_DIR, SIDES, Relater, Relation, model_name
from counterpoint.link.verdicts import Pair, decide, load_judge

runner = CliRunner()
LINK_PAIRS = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "link_pairs.jsonl"


@pytest.fixture(scope="module")
def relater() -> Relater:
    return Relater()


def test_the_shipped_model_is_small_and_local() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size <= 25 * 1024 * 1024
    assert model_name().startswith("counterpoint-minilm-relation@")


@pytest.mark.parametrize(
    ("claim", "text", "expected"),
    [
        (
            "A man is playing a guitar on stage.",
            "A man is playing a guitar on a stage in front of a crowd.",
            "agree",
        ),
        ("The library will close next year.", "The library will never close.", "contradict"),
        ("The council will close the library.", "The council will not close the library.", "contradict"),
        (
            "The mayor will close the Elm Street library next year.",
            "The Elm Street library will close next year, the mayor said.",
            "agree",
        ),
        (
            "Apple has bought the streaming service for $3 billion.",
            "The central bank left interest rates unchanged on Thursday, citing slowing inflation.",
            "unrelated",
        ),
    ],
)
def test_real_pairs(relater: Relater, claim: str, text: str, expected: str) -> None:
    verdict = relater.relate([(claim, text)])[0]
    assert verdict.relation == expected, verdict.scores
    assert set(verdict.scores) == {"agree", "contradict", "discuss", "unrelated"}
    assert abs(sum(verdict.scores.values()) - 1) < 1e-3


def test_long_text_is_cut_to_the_passage_about_the_claim(relater: Relater) -> None:
    filler = " ".join(f"The weather in town {n} was mild and the market opened as usual." for n in range(40))
    body = f"{filler} Officials confirmed the Elm Street library will close next year. {filler}"
    passage = best_passage("The Elm Street library will close next year.", body)
    assert "Elm Street library" in passage and len(passage) < 1200
    verdict = relater.relate([("The Elm Street library will close next year.", body)])[0]
    assert verdict.relation != "unrelated", verdict.scores
    assert "Elm Street" in verdict.evidence[1]


def test_sentences_keep_quotes_together() -> None:
    assert sentences("He left. She stayed.\n\nA new paragraph") == [
        "He left.",
        "She stayed.",
        "A new paragraph",
    ]


def test_hedged_statements_do_not_contradict_a_later_decision() -> None:
    deferral = "We would not make any decisions until after the review."
    assert hedged(deferral)
    assert not hedged("The council voted to close the library.")
    verdict = Relation("contradict", 0.6, {"agree": 0.1, "contradict": 0.6, "discuss": 0.3, "unrelated": 0.0})
    assert settle(verdict, deferral, "The council voted to close the library.").relation == "discuss"
    assert settle(verdict, "It is closed.", "It is open.").relation == "contradict"


def test_a_statement_and_its_restatement_never_contradict() -> None:
    scores = {"agree": 0.2, "contradict": 0.73, "discuss": 0.05, "unrelated": 0.02}
    verdict = Relation("contradict", 0.73, scores)
    one = "the United States and the international community would not recognise its results"
    other = "The United States and the international community would not recognise the results."
    assert settle(verdict, one, other).relation == "discuss"
    opposed = [("Crimea is part of Russia.", "Crimea is not part of Russia."), ("It was 83.", "It was 38.")]
    assert all(settle(verdict, a, b).relation == "contradict" for a, b in opposed)


def test_link_takes_a_side_only_with_even_odds() -> None:
    scores = {"agree": 0.07, "contradict": 0.46, "discuss": 0.06, "unrelated": 0.41}
    leaning = Relation("contradict", 0.46, scores)
    settled = settle(leaning, "It would get rid of these incentives.", "It would increase oversight as well.")
    assert settled.relation == "discuss" and settled.scores == leaning.scores
    assert settled.score == pytest.approx(0.59)
    even = Relation("agree", 0.5, {"agree": 0.5, "contradict": 0.1, "discuss": 0.2, "unrelated": 0.2})
    assert settle(even, "It is closed.", "It closed.") == even


def test_statements_of_one_speaker_on_different_subjects_are_unrelated_in_link(relater: Relater) -> None:
    pairs = [
        (
            "The mayor said the Elm Street library will close next year.",
            "The mayor said the city budget for road repairs will double.",
        ),
        (
            "The United States will not recognise the referendum in Crimea.",
            "The referendum in Crimea reflected the will of its people.",
        ),
    ]
    plain = relater.relate(pairs)
    link = relater.relate(pairs, statements=True)
    assert plain[0].relation == "discuss"  # any claim against any text: the same city, so related
    assert [v.relation for v in link] == ["unrelated", "contradict"]  # two news statements: another story


def test_relate_command_keeps_order_and_shape(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"a": "A woman is riding a horse.", "b": "A woman sits on a horse that is galloping."},
        {"a": "A woman is riding a horse.", "b": "Parliament passed the budget late on Friday night."},
    ]
    pairs.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = runner.invoke(app, ["relate", "--input", str(pairs), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["relation"] for line in lines][1] == "unrelated"
    assert lines[0]["relation"] != "unrelated"
    assert all(set(line) == {"relation", "score", "scores"} for line in lines)
    assert all(line["relation"] == max(line["scores"], key=line["scores"].get) for line in lines)


def test_a_bad_relate_line_keeps_its_place_as_an_error_and_the_rest_are_related(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        '{"a": "A woman is riding a horse.", "b": "A woman sits on a horse that is galloping."}\n'
        '{"a": "only a claim"}\n{"a": 1, "b": 2}\nnot json\n["a", "b"]\n\n'
        '{"a": "A man is sleeping.", "b": "A man is sleeping in his bed."}\n\n\n'  # blank lines at the end
    )
    result = runner.invoke(app, ["relate", "--input", str(pairs)])
    assert result.exit_code == 1  # some lines failed, the rest were related
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["relation"] == "agree"
    assert [line.get("error") for line in lines[1:]] == [
        'line 2: "b" must be non-empty text',
        'line 3: "a" and "b" must be non-empty text',
        "line 4: not JSON (Expecting value at column 1)",
        'line 5: expected an object {"a": ..., "b": ...}',
        "line 6: empty, no pair to relate",  # so line 7's answer is line 7 of the output
        None,
    ]
    missing = runner.invoke(app, ["relate", "--input", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "cannot read" in missing.output and "Traceback" not in missing.output


def test_where_the_match_lies_in_a_long_text_does_not_change_the_verdict(relater: Relater) -> None:
    filler = [
        f"The {place} council met on day {n} to discuss the budget for {thing}."
        for n, (place, thing) in enumerate(
            (p, t)
            for p in ("city", "county", "harbour", "school", "water")
            for t in ("roads", "parks", "parking", "libraries")
        )
    ] * 5
    key = "Officials said the referendum was completely illegal."
    texts = [" ".join([*filler[:at], key, *filler[at:]]) for at in (5, 95)]
    early, late = relater.relate([("The referendum was illegal.", text) for text in texts])
    assert early.relation == late.relation == "agree"
    assert early.scores == late.scores  # the gate sees the passage the model reads, however far in


@pytest.mark.parametrize(
    ("folder", "message"),
    [("missing", "no such folder"), ("empty", "not a model folder"), ("broken", "not a sequence-pair")],
)
def test_a_bad_relation_model_folder_is_one_clear_error(tmp_path: Path, folder: str, message: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.json").write_text("{}")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"a": "a claim", "b": "a text"}\n')
    model = str(tmp_path / folder)
    result = runner.invoke(app, ["relate", "--input", str(pairs), "--relation-model", model])
    # a config.json passes the early check on the option (exit 2); loading it is what fails (exit 1)
    assert result.exit_code == (1 if folder == "broken" else 2)
    assert message in " ".join(result.output.replace("│", " ").split())


def _judged(relater: Relater, pairs: list[tuple[str, str, bool]]) -> list[str]:
    """`link`'s verdicts on (a, b, same speaker) pairs: the model, then the judge fitted beside it."""
    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    vectors = dict(zip(texts, embed(texts), strict=True))
    relater.known_vectors = vectors  # as `link` does: the gate reuses them
    found = relater.relate([(a, b) for a, b, _ in pairs], statements=True)
    judge = load_judge(None)
    assert judge is not None
    return [
        decide(v, Pair(a, b, float(vectors[a] @ vectors[b]), same), judge).relation
        for (a, b, same), v in zip(pairs, found, strict=True)
    ]


def test_link_verdicts_on_the_labelled_sample_pairs_stay_above_their_floors(relater: Relater) -> None:
    """A quality gate: the 200 hand-labelled statement pairs of the samples, judged as `link` judges them.
    The floors sit just under what the shipped model and judge score (113 right; 51 of 57 agree/contradict
    verdicts right), so a retrained model or a refitted judge that loses ground fails here."""
    rows = [json.loads(line) for line in LINK_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    same = [bool(r["speaker_a"]) and r["speaker_a"] == r["speaker_b"] for r in rows]
    verdicts = _judged(relater, [(r["a"], r["b"], s) for r, s in zip(rows, same, strict=True)])
    gold = [r["label"] for r in rows]
    assert sum(v == g for v, g in zip(verdicts, gold, strict=True)) >= 105
    shown = [(v, g) for v, g in zip(verdicts, gold, strict=True) if v in SIDES]
    assert sum(v == g for v, g in shown) >= 0.8 * len(shown)


def test_the_judge_keeps_sides_on_one_claim_and_drops_those_on_one_campaign(relater: Relater) -> None:
    """On 2016 campaign news the model took sides between statements that share only an issue; the judge,
    fitted on labelled pairs of PolNeAR train, sends those to `discuss` and keeps a report of the same claim
    and a speaker's public word against his private one."""
    verdicts = _judged(
        relater,
        [
            (  # another outlet's report of the same statement
                "that the United States would not recognise the referendum",
                "said the United States would not recognise the referendum or the treaty",
                True,
            ),
            (  # Kerry in public, 2014, against what Lavrov says he said in private
                "US and allies will not recognise Crimea referendum",
                "privately acknowledged in 2014 that the referendum in Crimea expressed the genuine will "
                "of its residents",
                True,
            ),
            (  # one issue, two claims: the model read a clash
                "the sting of those changes would be swamped by his other tax cuts",
                "that the tax breaks allowed him to rebound and eventually hire tens of thousands of "
                "employees",
                False,
            ),
            (
                "basic facts: how much money he makes, how much he pays in taxes, and how much he gives "
                "to charity",
                "\u201cYou work hard. You pay your taxes. So why didn\u2019t Donald Trump pay his?\u201d",
                False,
            ),
        ],
    )
    assert verdicts == ["agree", "contradict", "discuss", "discuss"]


def test_a_quote_of_several_sentences_is_weighed_as_a_statement(relater: Relater) -> None:
    """In `link` the gate fitted on pairs of statements judges a quote that runs over sentences too: the one
    fitted on headlines against article bodies read Kerry's quote as unrelated to a report of it."""
    quote = (
        "\u201cWe have been clear from the beginning. This referendum is illegal under Ukraine's "
        "constitution, and its result will not be recognised by the United States.\u201d"
    )
    verdicts = _judged(
        relater,
        [
            ("that the United States would not recognise its result", quote, False),
            ("that the referendum in Crimea expressed the genuine will of its residents", quote, False),
        ],
    )
    assert verdicts == ["agree", "discuss"]

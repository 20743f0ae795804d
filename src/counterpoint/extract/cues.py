"""The cue lexicon: which words introduce what someone said or thinks, and how it was said.

Matched on lower-cased word forms without the spaCy lemmatizer (disabling it saves parse time), so
inflected forms are reduced here by a few suffix rules plus an irregular-verb table.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token


def words(text: str) -> frozenset[str]:
    """A word list written as running text, which keeps long lexicons readable."""
    return frozenset(text.split())


# Verbs whose subject says something; their ccomp/dobj/quote is the content. The last line holds verbs
# of stance that PolNeAR annotates as attributions often enough (judged on its train split).
SPEECH = words(
    """
accuse acknowledge add admit advise affirm agree allege announce answer applaud argue ask assail assert
assure beg bemoan blame blast boast brag brand calculate call caution chant
characterise characterize charge cite claim clarify comment complain concede conclude concur condemn
confirm contend continue counter criticise criticize declare decline decry defend demand denounce deny
deride describe detail disagree disclose dismiss dispute document dub echo emphasise emphasize
endorse estimate explain express find forecast guarantee hail highlight hint imply indicate inform
insinuate insist instruct interject invoke joke label lambast lament lash liken list mention
mock murmur muse note object observe offer oppose order plead pledge portray post praise predict present
proclaim promise propose protest question quip quote rail rebuke recall recommend recount
reference refuse reiterate reject remark remind repeat reply report request respond retort retweet
reveal ridicule say scoff scream seek shout show signal slam speculate state stress suggest support tell
term testify thank threaten tout tweet underline urge voice vow warn welcome whisper wonder write
yell push press speak talk point attack discuss confide
back bash chide consider convince deem elaborate encourage envision favor identify learn name nominate pitch
prefer reaffirm read remember rip scold see shrug view
"""
)

# Verbs that report an utterance, the only cues a statement nested in someone else's words may have: "Lavrov
# said Kerry told him …" is Kerry's statement, as Lavrov reports it, but "officials said voters who support
# Clinton …" or "… a decision to nominate Shriver" report no one's words (on PolNeAR train, 930 of the 1,020
# nested statements `extractor._reports_words` leaves out match no annotated content; a sample read by hand
# was noise).
REPORTING = words(
    """
accuse acknowledge add admit affirm allege announce answer argue ask assert assure beg boast brag call
caution charge claim comment complain concede condemn confide confirm contend counter criticise criticize
declare demand denounce deny describe disclose dismiss dub endorse explain insist instruct interject joke
label mention mock note order plead pledge post praise predict proclaim promise propose question quip rail
recall reiterate remark remind repeat reply report request respond retort reveal say scream shout state
stress suggest tell term testify thank threaten tout tweet urge vow warn welcome whisper write yell
"""
)

# Verbs of belief or intention: attributions in PolNeAR's sense, weaker as "statements".
BELIEF = words(
    """
assume believe doubt expect figure guess hope imagine know plan realise
realize reckon recognise recognize sense suspect think understand want wish worry
"""
)

# Verbs of seeming: the whole clause around them is an attribution with no source, in the writer's
# voice ("Sanders appears to have a slight lead").
RAISING = words("seem appear sound")

# Verbs that are cues only with their preposition ("referring to", "voted for", "focused on").
PREP_ONLY = words("refer vote focus")

# Verbs whose direct object is the addressee rather than the content ("told reporters", "asked him").
ADDRESSEE_VERBS = words("tell ask inform advise assure urge remind warn instruct order beg confide")
# Where the parse puts whom a cue is said to when it has no preposition ("told him", "told reporters").
ADDRESSEE_DEPS = ("dobj", "dative", "iobj")

_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "writes": "write",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "shown": "show",
    "spoke": "speak",
    "spoken": "speak",
    "foresaw": "foresee",
    "swore": "swear",
    "sworn": "swear",
    "understood": "understand",
    "sought": "seek",
    "meant": "mean",
    "taught": "teach",
}

# Noun cues in "in a statement", "according to": prepositional cue phrases.
ACCORDING = ("according", "to")

# Words and phrases that say where something was said, and what that makes the setting. An email or a letter
# says neither: "she said in an email" is most often to the reporter, on the record; "to Lavrov" is not.
PRIVATE_MARKERS = (
    "privately",
    "quietly",
    "behind the scenes",
    "behind closed doors",
    "in private",
    "in a telephone call",
    "in a phone call",
    "on the phone",
    "over the phone",
    "in a private",
    "confided",
    "off the record",
    "in a call",
    "in a private meeting",
    "secretly",
)
PUBLIC_MARKERS = (
    "publicly",
    "in public",
    "told reporters",
    "in a speech",
    "at a press conference",
    "at a news conference",
    "in a statement",
    "on television",
    "in an interview",
    "in a phone interview",
    "in a telephone interview",
    "in a television interview",
    "in a radio interview",
    "at a rally",
    "onstage",
    "on stage",
    "on twitter",
    "on x",
    "on instagram",
    "on threads",
    "on bluesky",
    "on truth social",
    "on tiktok",
    "on youtube",
    "in a tweet",
    "tweeted",
    "on facebook",
    "on telegram",
    "telegram channel",
    "on linkedin",
    "on weibo",
    "on vkontakte",
    "on substack",
    "on reddit",
    "in a video message",
    "in a video address",
    "blog post",
    "in an op-ed",
    "in a column",
    "told journalists",
    "told the press",
    "in a televised",
    "during a debate",
    "at a briefing",
    "regular briefing",
    "news briefing",
    "press briefing",
    "joint statement",
    "in a press release",
    "told a news conference",
    "told a press conference",
    "told the crowd",
    "testified",
    "in testimony",
    "under oath",
    "at a hearing",
)
# Words to the press are on the record, whatever carried them ("in an email to this newspaper").
TO_THE_PRESS = (
    "to this newspaper",
    "to the newspaper",
    "to this paper",
    "to reporters",
    "to journalists",
    "to the press",
    "to the editor",
    "to news outlets",
)
# Words that make an addressee a newsroom or a broadcaster: what is told to one is on the record ("told NBC's
# 'Meet the Press'", "told BBC Radio Leeds", "told the Associated Press").
MEDIA = words("""
news radio tv television times post journal press herald tribune telegraph guardian reuters bloomberg politico
axios nbc cbs abc cnn bbc npr pbs msnbc cnbc fox sky itv magazine newspaper broadcaster podcast blog website
gazette chronicle courier examiner inquirer ap afp upi
""")
# Addressees that make a "told X" private (one person, the writer) or public (the press).
PRIVATE_ADDRESSEES = frozenset({"me", "him", "her", "us"})
PUBLIC_ADDRESSEES = frozenset(
    {
        "reporters",
        "journalists",
        "press",
        "crowd",
        "audience",
        "supporters",
        "lawmakers",
        "parliament",
        "congress",
        "viewers",
        "voters",
        "inquiry",
        "court",
        "committee",
        "hearing",
        "jury",
        "tribunal",
    }
)


# Verbs of saying that say the words after them were not so: "denied that she had told …".
DENIALS = frozenset({"deny", "reject", "dispute", "dismiss"})


@lru_cache(maxsize=8192)
def verb_base(form: str) -> str | None:
    """The lexicon entry (of any list above) that a lower-cased verb form inflects, or None."""
    cands = [_IRREGULAR.get(form, form)]
    if form.endswith("ies") or form.endswith("ied"):
        cands.append(form[:-3] + "y")
    if form.endswith("ing"):
        stem = form[:-3]
        cands += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("ed"):
        stem = form[:-2]
        cands += [stem, form[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("es"):
        cands.append(form[:-2])
    if form.endswith("s"):
        cands.append(form[:-1])
    for c in cands:
        if c in SPEECH or c in BELIEF or c in RAISING or c in PREP_ONLY:
            return c
    return None


def told_passively(tok: Token) -> Token | None:
    """Who was told, in "Officials were warned that …", "He was told by aides that …": the passive subject of
    a verb said to someone, who is not the one who spoke."""
    if verb_base(tok.lower_) not in ADDRESSEE_VERBS or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


# Speech verbs that report a refusal or an aim rather than words ("declined to comment").
STANCE = frozenset({"refuse", "decline", "seek", "offer"})


def is_belief(base: str) -> bool:
    """Belief and stance verbs report a position rather than an utterance: lower confidence as statements,
    and inside someone else's reported words ("he said he plans to …") they are part of those words."""
    return (base in BELIEF and base not in SPEECH) or base in STANCE

"""Words signed below with a dash: an embedded post ("— Mayor Elena Vasquez (@MayorVasquez) March 14, 2023")
or an epigraph ("— Mark Twain"). No cue says whose the paragraph above is; the signature does, so it is the
signer's, in their own words.

A signature is a paragraph of its own that opens with a dash and holds a name and nothing else but a handle
and a date: a dash before a sentence is the writer's aside, and a reporter's sign-off (AP's live blogs) is a
byline, not a signature.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidate import Candidate
from .pipeline import doc_text

_SIGNATURE = re.compile(
    r"^[ \t]*[\u2014\u2013][ \t]*(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,5})"
    r"(?:[ \t]*\((?P<handle>@\w+)\))?"
    r"(?:[ \t]+(?P<when>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+)?\d{4}))?[ \t]*$",
    re.M,
)
_REPORTERS = frozenset({"correspondent", "reporter", "writer", "editor", "columnist", "contributor", "staff"})


def find_signed(doc: Doc) -> list[Candidate]:
    """One direct statement per signed paragraph, by the person the signature names; where the pipeline does
    not take the name for a person's, the paragraph is left as it was."""
    text = doc_text(doc)
    out = []
    for m in _SIGNATURE.finditer(text):  # a line of its own: a dash inside one is the writer's aside
        if _signs_off(m.group("name")):
            continue
        above = _paragraph_before(text, m.start())
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if above is None or name is None or not any(t.ent_type_ == "PERSON" for t in name):
            continue
        out.append(
            Candidate(
                content=above,
                kind="direct",
                confidence=0.8,
                speaker=(name.start_char, name.end_char),
                speaker_token=name.root,
                # a post under a handle is published; the date beside it is when it was said, as stated
                setting="public" if m.group("handle") else None,
                said_at=m.group("when"),
            )
        )
    return out


def _signs_off(name: str) -> bool:
    """A reporter signing off an entry of a live blog ("— White House Correspondent Julie Pace."): the entry
    is their report, not their words. Such a line ends as a sentence; a name signing a post or an epigraph
    does not, but for "Jr." or "Sr."."""
    words = name.lower().replace(".", " ").split()
    return bool(_REPORTERS.intersection(words)) or (name.endswith(".") and words[-1] not in ("jr", "sr"))


def _paragraph_before(text: str, line_start: int) -> tuple[int, int] | None:
    """The last non-blank line before `line_start` (a paragraph), without quote marks around it."""
    end = len(text[:line_start].rstrip())
    start = text.rfind("\n", 0, end) + 1
    while start < end and text[start] in '"\u201c\u2018 \t':
        start += 1
    while end > start and text[end - 1] in '"\u201d\u2019':
        end -= 1
    return (start, end) if end > start else None

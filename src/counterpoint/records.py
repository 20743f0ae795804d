"""The records passed between stages: ingest → extract → link → store → report.

They are frozen dataclasses with stable ids, so a stage can hand them on without
copying and the same input always yields the same ids (re-runs add nothing).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "counterpoint/1"

_SPACES = re.compile(r"\s+")


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts: same article, same id, on any machine."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def normalize_text(text: str) -> str:
    """Case- and space-folded text, so trivial re-encodings of a body hash the same."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


_TRANSLITERATION = (
    (re.compile(r"kh"), "h"),  # Mikhail / Mihail, Khodorkovsky / Hodorkovsky
    (re.compile(r"y"), "i"),  # Sergey / Sergei, Dmitry / Dmitri, Zelensky / Zelenskiy
    (re.compile(r"(\w)\1+"), r"\1"),  # Mohammed / Mohamed, Dmitrii / Dmitri, Zelenskyy / Zelensky
)


def name_key(name: str) -> str:
    """A person's name case-, accent- and punctuation-folded, with common transliteration variants merged
    and middle initials left out ("Donald J. Trump" is "Donald Trump")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]", "", text)
    for pattern, replacement in _TRANSLITERATION:
        text = pattern.sub(replacement, text)
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1))


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article and the metadata its document states."""

    id: str
    source: str
    text: str
    format: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    credit: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, *, source: str, text: str, format: str, **fields: Any) -> Article:
        """Build an article whose id is its URL when it has one, else its clean text.

        Keying on the URL makes a re-crawl of the same page a duplicate; keying on the
        text makes the same file ingested from two paths a duplicate too.
        """
        url = fields.get("url")
        key = ("url", url) if url else ("text", normalize_text(text))
        return cls(id=stable_id("a", *key), source=source, text=text, format=format, **fields)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Statement:
    """Something said or claimed in an article, with who said it and where in the text."""

    id: str
    article_id: str
    source: str
    kind: str  # direct | indirect | mixed | claim
    text: str
    span: tuple[int, int]
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_span: tuple[int, int] | None = None
    speaker_entity_id: str | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    addressee: str | None = None
    setting: str | None = None  # public | private | None
    said_at: str | None = None
    parent_id: str | None = None
    second_hand: bool = False
    confidence: float = 1.0
    checkable: bool = True  # a clause with a finite verb; `link` leaves out a bare name or phrase
    part: str = "text"  # the article field the spans index: "text", or "title" for what its headline says
    # a quote split by its attribution: the quoted pieces that `text` joins with spaces (else empty)
    pieces: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical person or organisation, shared by every article that mentions it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Link:
    """How two statements relate, with the model that said so and the passages it compared."""

    a: str
    b: str
    relation: str  # agree | contradict | discuss | unrelated
    score: float
    model: str
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be ingested, and why, in one line a user can act on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestReport:
    """What one ingest run did: the summary the CLI prints and the API returns."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # stored before without statements, given them now
    speakers_named: int = 0  # statements whose speaker, a title alone, the store's titles named

    @property
    def ok(self) -> bool:
        return not self.failed

"""The mutable working record of one attribution while rules fill it in, before it becomes a Statement."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Candidate:
    """One attribution under construction. Spans are character offsets; `cue_token` anchors the rules."""

    content: tuple[int, int] | None
    cue: tuple[int, int] | None = None
    cue_token: Token | None = None
    speaker: tuple[int, int] | None = None
    speaker_token: Token | None = None
    kind: str = "indirect"
    confidence: float = 0.8
    belief: bool = False
    pieces: list[tuple[int, int]] = field(default_factory=list)  # quoted pieces when split by the attribution
    speaker_name: str | None = None
    speaker_entity: str | None = None
    speaker_type: str | None = None
    addressee: str | None = None
    setting: str | None = None
    said_at: str | None = None
    parent: int | None = None

    def region(self) -> tuple[int, int]:
        """The attribution words (cue and speaker) as one character range."""
        spans = [s for s in (self.cue, self.speaker) if s]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else self.content or (0, 0)

    def holds(self, start: int, end: int) -> bool:
        """Whether a character range lies inside the content (inside one quoted piece, when split)."""
        if self.content is None:
            return False
        ranges = self.pieces or [self.content]
        return any(a <= start and end <= b for a, b in ranges)

    def reports(self, start: int, end: int) -> bool:
        """Whether a character range lies in the words reported: in one quoted piece when the attribution
        splits them, else anywhere in the content, quoted or not ('Putin had told him … that Russia was
        "open to talks," Erdogan said' reports Putin's attribution, and its call is no time of Erdogan's)."""
        if self.content is None:
            return False
        first, last = self.content
        split = len(self.pieces) > 1 or (self.cue is not None and first < self.cue[0] < last)
        ranges = self.pieces if split and self.pieces else [self.content]
        return any(a <= start and end <= b for a, b in ranges)

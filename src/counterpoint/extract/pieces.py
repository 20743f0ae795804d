"""Long articles are read in pieces of whole paragraphs, and their statements put back in article offsets.

spaCy refuses a text longer than `nlp.max_length` (a million characters), and its parser's memory grows with
the text; a transcript or a live blog can exceed that. A piece holds whole paragraphs where it can, so a quote
and its attribution stay together; the cost is that a pronoun at the top of a piece cannot reach a name in the
piece before it, and stays unresolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from counterpoint.records import Entity, Statement, stable_id

MAX_CHARS = 100_000
_BREAKS = ("\n\n", "\n", ". ", " ")


def cut(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) pairs that cover `text`, each at most `limit` characters, cut at the last paragraph
    break before the limit, else the last line break, sentence end or space, else anywhere."""
    limit = limit or MAX_CHARS
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = limit
        for brk in _BREAKS:
            at = window.rfind(brk)
            if at > 0:
                end = at + len(brk)
                break
        out.append((start, window[:end]))
        start += end
    out.append((start, text[start:]))
    return out


Mover = Callable[[tuple[int, int]], tuple[int, int] | None]


def moved(
    statements: list[Statement], article_id: str, place: Callable[[Statement], tuple[str, Mover]]
) -> list[Statement]:
    """Statements with their spans moved: `place` gives each statement's part and what moves its spans (None
    for a span with no place there). Ids and parents follow; a statement whose own span has no place is left
    out, and so is a speaker or cue span with none."""
    placed = {s.id: place(s) for s in statements}
    spans = {s.id: placed[s.id][1](s.span) for s in statements}
    ids = {
        key: stable_id("s", article_id, *(("title",) if placed[key][0] == "title" else ()), *span)
        for key, span in spans.items()
        if span is not None
    }
    out = []
    for s in statements:
        part, move = placed[s.id]
        if spans[s.id] is None:
            continue
        out.append(
            replace(
                s,
                id=ids[s.id],
                part=part,
                span=spans[s.id],
                speaker_span=move(s.speaker_span) if s.speaker_span else None,
                cue_span=move(s.cue_span) if s.cue_span else None,
                parent_id=ids.get(s.parent_id) if s.parent_id else None,
                pieces=_all_moved(s.pieces, move),
            )
        )
    return out


def _all_moved(pieces: tuple[tuple[int, int], ...], move: Mover) -> tuple[tuple[int, int], ...]:
    """A split quote's pieces moved, all or none (then its text is no longer theirs to cite)."""
    found = [move(p) for p in pieces]
    return tuple(p for p in found if p is not None) if None not in found else ()


def shift(statements: list[Statement], offset: int, article_id: str) -> list[Statement]:
    """Statements of a piece that starts at `offset`, with spans and ids in the article's offsets."""
    if not offset:
        return statements

    def by_offset(span: tuple[int, int]) -> tuple[int, int]:
        return (span[0] + offset, span[1] + offset)

    return moved(statements, article_id, lambda s: (s.part, by_offset))


def merge_entities(groups: list[list[Entity]]) -> list[Entity]:
    """One entity per id across pieces, with every alias and role any piece found."""
    merged: dict[str, Entity] = {}
    for group in groups:
        for e in group:
            old = merged.get(e.id)
            merged[e.id] = (
                e
                if old is None
                else replace(
                    old,
                    aliases=tuple(dict.fromkeys(old.aliases + e.aliases)),
                    roles=tuple(dict.fromkeys(old.roles + e.roles)),
                )
            )
    return list(merged.values())

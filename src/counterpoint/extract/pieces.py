"""Long articles are read in pieces of whole paragraphs, and their statements put back in article offsets.

spaCy refuses a text longer than `nlp.max_length` (a million characters), and its parser's memory grows with
the text; a transcript or a live blog can exceed that. A piece holds whole paragraphs where it can, so a quote
and its attribution stay together; the cost is that a pronoun at the top of a piece cannot reach a name in the
piece before it, and stays unresolved.
"""

from __future__ import annotations

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


def shift(statements: list[Statement], offset: int, article_id: str) -> list[Statement]:
    """Statements of a piece that starts at `offset`, with spans and ids in the article's offsets."""
    if not offset:
        return statements

    def moved(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return (span[0] + offset, span[1] + offset) if span else None

    ids = {s.id: stable_id("s", article_id, s.span[0] + offset, s.span[1] + offset) for s in statements}
    return [
        replace(
            s,
            id=ids[s.id],
            span=moved(s.span),
            speaker_span=moved(s.speaker_span),
            cue_span=moved(s.cue_span),
            parent_id=ids.get(s.parent_id) if s.parent_id else None,
        )
        for s in statements
    ]


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

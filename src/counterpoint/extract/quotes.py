"""Quotation marks paired by a character scan, before and independently of the parse.

The parser does not know that a quote spans sentences or paragraphs, so quotes are found on the raw
text: curly and straight double marks, TeX-style ``…'', and single marks that are not apostrophes.
A paragraph that ends inside an open quote and a next paragraph that opens a new one form one
multi-paragraph quote (the news convention of not closing a quote that continues).
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u201e"
CLOSE_DOUBLE = "\u201d"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"  # straight and curly, double and single
MAX_SINGLE = 200  # a single-quoted stretch longer than this is apostrophes, not a quote


@dataclass
class Quote:
    """A quoted stretch: `start`/`end` include the marks; `parts` are the paragraph pieces."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    single: bool = False


def _is_open_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{/-\u2013\u2014":
        return not after.isspace()
    return False


def find_quotes(text: str) -> list[Quote]:
    """All double-quoted stretches (multi-paragraph ones merged) plus single-quoted ones, by start."""
    quotes = _double_quotes(text)
    quotes += _single_quotes(text)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _double_quotes(text: str) -> list[Quote]:
    """Outermost double-quoted stretches; a paragraph break ends the open ones (see module doc)."""
    out: list[Quote] = []
    stack: list[str] = []
    start = 0
    chain: Quote | None = None  # a quote left open at a paragraph's end, which the next may continue
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        width = 2 if text[i : i + 2] in ("``", "''") else 1
        if ch == "\n":
            if stack:
                piece = (start, _rstrip(text, start, i))
                if chain is None:
                    chain = Quote(start, -1, [piece])
                    out.append(chain)
                else:
                    chain.parts.append(piece)
                stack = []
            elif chain is not None and not _opens_next(text, i):
                chain.end, chain = chain.parts[-1][1], None
        else:
            mark = _mark(text, i, stack)
            if mark == "open":
                if not stack:
                    if chain is not None and not _starts_paragraph(text, i):
                        chain.end, chain = chain.parts[-1][1], None
                    start = i
                stack.append(ch)
            elif mark == "close":
                stack.pop()
                if not stack:
                    piece = (start, i + width)
                    if chain is not None:
                        chain.parts.append(piece)
                        chain.end, chain = piece[1], None
                    else:
                        out.append(Quote(start, i + width, [piece]))
        i += width
    if chain is not None:
        chain.end = chain.parts[-1][1]
    if stack:
        out.append(Quote(start, _rstrip(text, start, n), [(start, _rstrip(text, start, n))]))
    return [q for q in out if q.end - q.start > 2]


def _mark(text: str, i: int, stack: list[str]) -> str | None:
    """Whether the character at i opens or closes a double quote. Curly and TeX marks say so; a straight
    mark closes a straight opener or ends a curly one that sloppy copy closed straight, else opens."""
    ch, two = text[i], text[i : i + 2]
    if ch in OPEN_DOUBLE or two == "``":
        return "open"
    if ch in CLOSE_DOUBLE:
        if stack:
            return "close"
        # sloppy copy that opens a paragraph with the closing mark: '”Fear. I am afraid.” ― Ana Ruiz'
        return "open" if (i == 0 or text[i - 1] == "\n") and text[i + 1 : i + 2].isalnum() else None
    if two == "''":  # some wires write both marks as two apostrophes
        return "close" if stack else ("open" if _is_open_straight(text, i) else None)
    if ch == '"':
        if stack and (stack[-1] == '"' or not _is_open_straight(text, i)):
            return "close"
        return "open" if _is_open_straight(text, i) else None
    return None


def _single_quotes(text: str) -> list[Quote]:
    """Single-quoted pairs inside one paragraph; a closing mark must not sit inside a word."""
    out: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if (ch == OPEN_SINGLE or (ch == "'" and _is_open_straight(text, i))) and text[i + 1 : i + 2] != "'":
            j = i + 1
            while j < n and j - i < MAX_SINGLE and text[j] != "\n":
                c = text[j]
                if (
                    c in (CLOSE_SINGLE, "'")
                    and not text[j + 1 : j + 2].isalpha()
                    and not text[j - 1].isspace()
                ):
                    break
                j += 1
            if j < n and j - i < MAX_SINGLE and text[j] in (CLOSE_SINGLE, "'"):
                if j - i > 2:
                    out.append(Quote(i, j + 1, [(i, j + 1)], single=True))
                i = j + 1
                continue
        i += 1
    return out


def _opens_next(text: str, i: int) -> bool:
    """Whether the paragraph after the newline at i begins with an opening double mark."""
    rest = text[i : i + 40].lstrip()
    return bool(rest) and (rest[0] in OPEN_DOUBLE or rest[0] == '"' or rest.startswith("``"))


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] == "\n"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end

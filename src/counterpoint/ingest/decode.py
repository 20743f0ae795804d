"""Bytes to text, with a clear refusal for what is not text at all."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from counterpoint.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: an image, a PDF, a zip."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return bool(head) and sum(b in _CONTROL for b in head) / len(head) > 0.05


def to_text(data: bytes, declared: str | None = None) -> str:
    """Decode with a BOM, then the declared charset, then UTF-8, then a detected charset."""
    if not data.strip():
        raise InputError("empty: no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if looks_binary(data):
        raise InputError("binary content, not text or HTML")
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable: no character encoding fits; convert the file to UTF-8")
    return str(best)

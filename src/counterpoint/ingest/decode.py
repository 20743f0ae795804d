"""Bytes to text, with a clear refusal for what is not text at all."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from counterpoint.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WESTERN = ("cp1252", "latin_1")
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: an image, a PDF, a zip."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return bool(head) and sum(b in _CONTROL for b in head) / len(head) > 0.05


def to_text(data: bytes, declared: str | None = None, hinted: str | None = None) -> str:
    """Decode with a BOM, then the `declared` charset (an HTTP header's), then UTF-8, then the `hinted` one (a
    page's own `<meta>`, often wrong about UTF-8), then a detected charset."""
    if not data.strip():
        raise InputError("empty: no content")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if looks_binary(data):
        raise InputError("binary content, not text or HTML")
    for encoding in (declared, "utf-8", hinted):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    repaired = _mostly_utf8(data, declared or hinted)
    if repaired is not None:
        return repaired
    # Western code pages first: alone, the detector reads French as cp775, "naïve" as cp1250's "naďve"
    best = from_bytes(data, cp_isolation=list(_WESTERN)).best() or from_bytes(data).best()
    if best is None:
        raise InputError("undecodable: no character encoding fits; convert the file to UTF-8")
    return str(best)


def _mostly_utf8(data: bytes, declared: str | None) -> str | None:
    """UTF-8 with a few broken bytes (a bad copy, a cut) as UTF-8 with those bytes replaced, not as another
    charset that misreads every valid character ("café" as "cafÃ©"): when it has valid multi-byte characters,
    more of them than broken bytes unless the page says it is UTF-8. Windows-1252 smart quotes alone are never
    valid UTF-8, so they go on to detection."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - broken
    said = (declared or "").lower() in ("utf-8", "utf8")
    return text if broken <= len(text) / 50 and valid > (0 if said else 2 * broken) else None

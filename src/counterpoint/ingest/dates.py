"""Turn an explicitly stated publication date into ISO 8601, or refuse.

The rule is *never invent*: a date without a year, a relative phrase ("yesterday",
"3 hours ago", "on Friday") or a string that could mean two different days returns
``None`` rather than a guess, because a wrong date silently corrupts the timeline a
cross-check is built on. Only what the string states is returned: a date alone stays a
date, a time is added only when stated, and an offset only when a zone is stated.

Numeric dates such as ``05-06-2019`` are read **day-first** by default (as most
non-US outlets write them); pass ``day_first=False`` for a US outlet. A part above 12
or a stated weekday settles the order regardless of the default.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
# Zones whose offset is fixed; the named regions need the tz database because their
# offset depends on the date (daylight saving, or Moscow's 2011 and 2014 changes).
FIXED_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "est": -300, "edt": -240, "cdt": -300, "pst": -480, "pdt": -420, "jst": 540, "hkt": 480,
    "sgt": 480, "aest": 600, "aedt": 660,
}  # fmt: skip
REGION_ZONES = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "pt": "America/Los_Angeles",
    "msk": "Europe/Moscow",
}
MAX_LENGTH = 100  # longer values are sentences that merely mention a date

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_ZONE = (
    r"(?P<zone>Z|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|"
    + "|".join(sorted(list(FIXED_ZONES) + list(REGION_ZONES), key=len, reverse=True))
    + r")(?![a-z])"
)
_DATE_PATTERNS = [
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
        r"\s?(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)",
        re.I,
    ),
    re.compile(r"(?<![\d.])(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})(?![\d.])"),
    re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d./-])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
]
_TIME = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"|\.(?P<dotminute>\d{2})(?=\s*(?:[ap]\.?m\b|gmt|bst|utc)))"
    r"(?![\d:])\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*" + rf"(?:{_ZONE})?",
    re.I,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?", re.I)


def parse_stated_date(value: str, *, day_first: bool | None = None) -> str | None:
    """ISO 8601 for the one date ``value`` states, or ``None`` when it states none or several.

    ``day_first`` is the hint for numeric dates whose order the string cannot settle;
    ``None`` means the documented default, day-first.
    """
    text = " ".join(value.split())
    if not text or len(text) > MAX_LENGTH:
        return None
    found = _find_dates(text, True if day_first is None else day_first)
    if found is None:
        return None
    day, span = found
    rest = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
    if _weekday_contradicts(rest, day):
        # A stated weekday may settle a numeric date the default order read wrongly.
        flipped = _find_dates(text, not (True if day_first is None else day_first))
        if flipped is None or _weekday_contradicts(rest, flipped[0]):
            return None
        day = flipped[0]
    if isinstance(day, datetime):
        return day.isoformat()
    moment = _stated_time(rest, day)
    if moment is _AMBIGUOUS:
        return None
    return (moment or day).isoformat()


def _find_dates(text: str, day_first: bool) -> tuple[date, tuple[int, int]] | None:
    """The single calendar date in ``text``; two different ones (a range, a dateline
    plus an update) are ambiguous, so neither is returned."""
    hits: list[tuple[date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            day = _build(match, day_first)
            if day is None:
                return None  # an impossible or unsettled date: refuse rather than skip it
            hits.append((day, match.span()))
    distinct = {(d.date() if isinstance(d, datetime) else d) for d, _ in hits}
    if len(distinct) != 1:
        return None
    return hits[0]


def _build(match: re.Match[str], day_first: bool) -> date | None:
    """A date (or, for ISO with a time, a datetime) from one pattern match, if it exists."""
    groups = match.groupdict()
    year = int(groups["year"])
    if not 1800 <= year <= 2200:
        return None
    if "a" in groups:
        first, second = int(groups["a"]), int(groups["b"])
        order = _numeric_order(first, second, day_first)
        if order is None:
            return None
        day, month = (first, second) if order == "dm" else (second, first)
    else:
        month_text = groups["month"].lower().rstrip(".")
        month = MONTHS[month_text] if month_text in MONTHS else int(month_text)
        day = int(groups["day"])
    try:
        if groups.get("hour"):
            stamp = datetime(year, month, day, int(groups["hour"]), int(groups["minute"]))
            stamp = stamp.replace(second=int(groups["second"] or 0))
            zone = groups.get("zone")
            return _with_zone(stamp, zone) if zone else stamp
        return date(year, month, day)
    except ValueError:
        return None


def _numeric_order(first: int, second: int, day_first: bool) -> str | None:
    """'dm' or 'md' for a numeric date: a part above 12 settles it, else the hint."""
    if first > 12 and second > 12:
        return None
    if first > 12:
        return "dm"
    if second > 12:
        return "md"
    return "dm" if day_first or first == second else "md"


def _weekday_contradicts(text: str, day: date) -> bool:
    """A stated weekday that is not the date's weekday means the string is garbled."""
    return any(WEEKDAYS[m.group(1).lower()] != day.weekday() for m in _WEEKDAY.finditer(text))


_AMBIGUOUS = datetime.min


def _stated_time(text: str, day: date) -> datetime | None:
    """The date plus the one time of day stated beside it, with its zone if one is named."""
    times = [m for m in _TIME.finditer(text) if m.group("minute") or m.group("dotminute")]
    if not times:
        return None
    if len(times) > 1:
        return _AMBIGUOUS
    match = times[0]
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or match.group("dotminute"))
    second = int(match.group("second") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= hour <= 12:
            return _AMBIGUOUS
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        stamp = datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        return _AMBIGUOUS
    zone = match.group("zone")
    return _with_zone(stamp, zone) if zone else stamp


def _with_zone(stamp: datetime, zone: str) -> datetime:
    """Attach a stated zone; an unknown one leaves the time naive rather than guessed."""
    key = zone.strip().lower()
    if key in FIXED_ZONES:
        return stamp.replace(tzinfo=timezone(timedelta(minutes=FIXED_ZONES[key])))
    if key in REGION_ZONES:
        try:
            local = stamp.replace(tzinfo=ZoneInfo(REGION_ZONES[key]))
        except ZoneInfoNotFoundError:
            return stamp
        return local.replace(tzinfo=timezone(local.utcoffset() or timedelta(0)))
    offset = re.fullmatch(r"(?:utc|gmt)?\s?([+-])(\d{1,2}):?(\d{2})?", key)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        if minutes <= 14 * 60:
            return stamp.replace(tzinfo=timezone(sign * timedelta(minutes=minutes)))
    return stamp

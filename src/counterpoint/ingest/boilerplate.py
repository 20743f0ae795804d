"""What page chrome looks like in a plain-text scrape: the line patterns the cleaner classifies by.

Kept apart from the cleaner so the phrase lists can grow (other languages, other outlets)
without touching how a page is read.
"""

from __future__ import annotations

import re

from counterpoint.ingest.dates import FIXED_ZONES, MONTHS, REGION_ZONES, WEEKDAYS

# News agencies credited on wire copy, and (AGENCIES) everyone credited on photos. Word-bounded,
# so "AP" never matches inside "Japan" or "PA" inside "party".
WIRES = (
    r"\b(?:Reuters|AFP|AP|Associated Press|TASS|ITAR-TASS|RIA Novosti|Interfax(?:-Ukraine)?|Ukrinform|"
    r"Xinhua|dpa|EFE|ANSA|UNIAN|UPI|Kyodo|Yonhap|PTI|Anadolu(?: Agency)?)\b"
)
AGENCIES = rf"(?:{WIRES}|\b(?:Bloomberg|EPA|Getty Images|Sputnik|PA|Al Jazeera|BBC|CNN|Shutterstock)\b)"
IGNORE_CASE = re.IGNORECASE
# Whole lines a page wraps around every article.
BOILER = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|ad|skip to (?:main )?content|menu|search|"
    r"home|log ?in|sign in|register|subscribe(?: now)?|close|loading\.*|print|email|"
    r"back to top|top of page|listen to (?:this )?article|next (?:article|story)|previous (?:article|story)|"
    r"\d+ min(?:ute)?s? read|reading time:?.*|(?:share|tweet|pin|email)(?: this)?(?: article| story| page)?"
    r"(?: on \w+)?:?)$|"
    r"^(?:read more|read also|also read|see also|related|more|watch|listen|recommended|opinion|"
    r"more on this|explainer)\s*:\s*\S|"
    r"^(?:click|tap) (?:here|to)\b|^sign up\b|^subscribe to\b|^get (?:our|the) \w+ newsletter|"
    r"\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b|\bnewsletters?\b.{0,60}\b(?:inbox|sign up)\b|"
    r"\bwe use cookies\b|\bthis (?:site|website) uses cookies\b|\baccept (?:all )?cookies\b|"
    r"\bcookie (?:policy|settings|preferences)\b|^privacy policy\b|^terms of (?:use|service)\b|"
    r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b|"
    r"^follow (?:us|@|\w+ on)\b|^like us on\b|^join (?:us|our)\b.*\b(?:telegram|facebook|twitter|channel)\b|"
    r"^download (?:our|the) app\b|^for (?:more|the latest|full) (?:coverage|news|updates|stories)\b|"
    r"^(?:comments are closed|leave a (?:comment|reply)|be the first to comment|report an error|"
    r"have a (?:news )?tip|send us your|you (?:might|may) also like|we welcome (?:your )?comments)\b|"
    r"^a version of this (?:article|story) (?:appears|appeared) in print\b|"
    r"^editor'?s note:.*\b(?:updated|corrected|correction|amended)\b|"
    r"^\d+ (?:comments?|shares?|views?)$|^(?:continue reading|(?:story|article) continues)\b|"
    r"\bsupport (?:independent|our) journalism\s*[.!:]|^become a (?:member|subscriber|supporter|patron)\b|"
    r"^donate\b|^the views expressed\b|\bdo not necessarily reflect the (?:views|opinions?|editorial)\b|"
    r"^(?:facebook|twitter|x|whatsapp|telegram|linkedin|vk)\s*:",
    IGNORE_CASE,
)
SOCIAL = {
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "vk", "email",
    "e-mail", "mail", "print", "share", "shares", "tweet", "copy", "link", "messenger", "pocket",
    "flipboard", "sms", "comment", "comments", "save",
}  # fmt: skip
# A heading after which a page shows other articles or readers, never more of this one.
TERMINATOR = re.compile(
    r"^(?:related(?: news| stories| articles| content| coverage| topics)?|read more|"
    r"more (?:news|stories|opinion|analysis|headlines)|"
    r"more (?:from|on|in|about) [\w .&'-]{1,40}|most (?:popular|read|viewed|shared)|"
    r"trending(?: now| stories)?|"
    r"popular(?: now| stories)?|top stories|latest(?: news| stories)?|recommended(?: for you| stories)?|"
    r"you (?:might|may) also like|editor'?s picks|[\w ]{1,20} recommends|what to read next|"
    r"also in [\w ]{1,30}|"
    r"comments?(?: \(\d+\))?|\d+ comments?|discussion|join the (?:discussion|conversation)|"
    r"leave a (?:comment|reply)|share this (?:article|story)|tags|topics|in other news|elsewhere on [\w .]+|"
    r"from (?:around )?the web|more (?:in|from) (?:this|the) section|"
    # a press release's tail: the company's boilerplate, the lawyers' caveat, whom to call
    r"about (?-i:[A-Z])[\w.&'-]*(?: [\w.&'-]+){0,5}|forward-looking statements?|safe harbou?r statement|"
    r"cautionary (?:note|statement)s?(?: [\w -]{1,40})?|"
    r"(?:media|press|investor) (?:contacts?|relations|inquiries))\s*:?$",
    IGNORE_CASE,
)
CAPTION = re.compile(
    rf"\((?:{AGENCIES})[^()]*(?:photo|/)[^()]*\)\s*$|\(photo:[^()]*\)\s*$|"
    rf"\[[^\[\]]*(?:{AGENCIES})[^\[\]]*\]\s*$|"
    r"^(?:photo|photograph|picture|image|pic|foto)s?(?: credit)?\s*(?::|©)|"
    r"^(?:photo|photograph|picture)s? by (?-i:[A-Z])[^.]{0,60}$|"
    r"^(?:image|media|video) (?:copyright|caption|source)\b|^caption\s*:|"
    rf"(?:^|\s)(?:photo|photograph|picture|image)\s*(?:by|:|©)\s*[^.]{{0,60}}(?:{AGENCIES})\.?\s*$|"
    rf"\b(?-i:[A-Z])[\w.'-]+(?: (?-i:[A-Z])[\w.'-]+){{0,3}}\s?/\s?(?:{AGENCIES})(?:\s?/\s?\w+)?\.?\s*$|"
    rf"^(?:{AGENCIES})$",
    IGNORE_CASE,
)
CAPTION_LABEL = re.compile(r"^(?:image|media|video) (?:caption|copyright|source)$", IGNORE_CASE)
CREDIT = re.compile(
    r"^sources?\s*:\s*(?P<source>.{2,80})$|"
    r"^(?-i:[A-Z])[\w'-]*(?: [\w'-]+){0,3}\s+(?:and|with|&)\s+(?:wire services|news agencies|agencies|wires)"
    r"\.?$|"
    rf"^[-\u2013—]?\s*\(?(?:{WIRES})\)?\.?$|"
    r"^\(?(?:additional |with )?(?:reporting|writing|editing|compiled|translated|inputs?) (?:by|from) "
    rf"(?:(?-i:[A-Z])|{WIRES}).{{0,200}}$|"
    r"^this (?:article|story) (?:was )?(?:originally|first) (?:appeared|published|ran)\b.{0,120}$|"
    r"^this (?:article|story) appeared (?:first |originally )?(?:on|in)\b.{0,120}$|"
    r"^.{0,160}\bcontributed to this (?:report|story|article)\.?$",
    IGNORE_CASE,
)
FIELD_LABEL = (
    r"(?P<label>written by|posted by|interview by|interviewed by|authors?|by|reporter|first published|"
    r"published|posted|date|"
    r"last updated|updated|last modified|modified|comments?|views|sources?|tags?|topics|keywords|"
    r"category|section|filed under)"
)
FIELD = re.compile(
    rf"^{FIELD_LABEL}\b(?:\s+(?:on|at)\b)?\s*(?P<sep>[:\-\u2013])?\s*(?P<value>.*)$", IGNORE_CASE
)
# Labels that may stand without a colon ("By Jane Doe", "Published 6-06-2019"); others need one.
BYLINE_LABELS = (  # what a byline follows
    "by", "written by", "posted by", "interview by", "interviewed by", "author", "authors", "reporter",
)  # fmt: skip
UNLABELLED = {
    *BYLINE_LABELS, "published", "posted", "date",
    "first published", "updated", "last updated", "modified", "last modified",
}  # fmt: skip
FIELD_SPLIT = re.compile(
    r"\s*(?:\s\|\s|\s[•·]\s|\s/\s|\t| {2,})\s*|"
    r"(?<!\d)\s+(?=(?:Comments?|Views|Updated|Last updated|Published|Posted|Sources?|Tags|Author)\b\s*:?)"
)
FIELD_SPLIT_DASH = re.compile(FIELD_SPLIT.pattern + r"|\s[\u2013\u2014]\s")
# "MOSCOW, June 18 (Reuters) - ", and as press-release wires write it: "HOUSTON, Oct. 24, 2023 /PRNewswire/
# -- ", "SAN FRANCISCO--(BUSINESS WIRE)--"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]*[A-Z.'](?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?)"
    r"(?:,\s*(?P<date>[\w ,.]{3,30}?))?"
    r"(?:\s*[(/](?P<agency>[A-Za-z .-]{2,30})[)/]\s*[-\u2013—]{1,2}\s|\s*[-\u2013—]{1,2}\s"
    r"|--\((?P<wire>[A-Za-z .-]{2,30})\)--)"
)
TERMINAL = re.compile(r"[.!?…;:]['\"”\u2019»)\]]*$")
QUOTE_END = re.compile(r"[.!?,…]['\"”\u2019»]$")
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NAME_PARTICLES = {"and", "de", "van", "von", "der", "la", "le", "bin", "al", "el", "of", "da", "du", "&"}
DATE_WORDS = re.compile(
    r"(?<!\w)(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{1,2}[:.]\d\d(?::\d\d)?\s?[ap]\.?m\.?|"
    r"on|at|of|the|[ap]\.?m\.?|\d{1,4}(?:st|nd|rd|th)?|"
    + "|".join(sorted([*MONTHS, *WEEKDAYS, *FIXED_ZONES, *REGION_ZONES], key=len, reverse=True))
    + r")(?!\w)\.?",
    IGNORE_CASE,
)

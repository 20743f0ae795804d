"""The `check` and `who` reports: plain dicts (the JSON format) built from a store, and their renderers.

Every renderer shows a statement's standing beside its words: who said it, where and when it was published,
first- or second-hand, public or private, so a remark reported years later by an adversary is never shown as
if it weighed the same as a public statement. The HTML is one self-contained file with every text escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from counterpoint.link.hedges import denial
from counterpoint.link.passages import words
from counterpoint.link.relation import SIDES
from counterpoint.records import name_key
from counterpoint.store import Store

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _articles(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Articles by id, a near-copy with the outlet of the article it copies (`copy_of`): a syndicated story
    shown twice must not read as two outlets' independent reports."""
    found = {a["id"]: a for a in store.articles(sorted(set(ids)))}
    originals = sorted({a["near_duplicate_of"] for a in found.values() if a.get("near_duplicate_of")})
    named = {a["id"]: _outlet(a) for a in store.articles(originals)} if originals else {}
    for a in found.values():
        a["copy_of"] = named.get(a.get("near_duplicate_of") or "")
    return found


def _standing(s: dict[str, Any], chain: list[tuple[str, bool]]) -> str:
    """First- or second-hand and through whom, the setting when stated, and "headline" for a title's words:
    an outlet's summary of what was said, in fewer words than the speaker used."""
    hand = "second-hand" if s.get("second_hand") else "first-hand"
    for n, (name, denies) in enumerate(chain):
        hand += (", denied by " if denies else ", reported by " if n == 0 else ", as reported by ") + name
    parts = [hand, s.get("setting"), "headline" if s.get("part") == "title" else None]
    return ", ".join(p for p in parts if p)


def _reporters(store: Store, statements: list[dict[str, Any]]) -> dict[str, list[tuple[str, bool]]]:
    """Statement id → who reported a second-hand statement, nearest first, each with whether they deny it:
    for the remark a minister says the secretary made to him, the minister; for the minister's claim that
    aides reject, the aides. Without it a second-hand "told him" has no one to refer to, and the same
    speaker's public words against it read as a speaker contradicting himself."""
    known = {s["id"]: s for s in statements}
    wanted = {s["parent_id"] for s in statements if s.get("parent_id")} - known.keys()
    while wanted:
        found = list(store.statements(ids=wanted))
        known.update((s["id"], s) for s in found)
        wanted = {s["parent_id"] for s in found if s.get("parent_id")} - known.keys()
    chains: dict[str, list[tuple[str, bool]]] = {}
    for s in statements:
        chain: list[tuple[str, bool]] = []
        parent = known.get(s.get("parent_id") or "") if s.get("second_hand") else None
        while parent is not None and len(chain) < len(known):
            name = parent.get("speaker") or "an unnamed source"
            if name != (chain[-1][0] if chain else s.get("speaker")):  # one's own words nested in one's own
                chain.append((name, denial(parent)))
            parent = known.get(parent.get("parent_id") or "")
        chains[s["id"]] = chain
    return chains


# The most characters from a cue to its content shown with it ("told reporters at City Hall that").
_LEAD_IN = 60


def _shown(s: dict[str, Any], text: str | None) -> str:
    """A statement with the words that bring it in, when they come just before it ("told reporters that …",
    "calling the demands 'unaffordable'", "urged him to support a diplomatic solution"): a reported content
    alone reads as a fragment. A direct quote as it stands; a name or phrase with its cue at least."""
    start, end = s["span"]
    cue = s.get("cue_span")
    worded = cue and any(ch.isalpha() for ch in s.get("cue") or "")  # not a headline's "Kerry: …"
    lead = text[cue[0] : start] if text and worded and cue[1] <= start and s.get("kind") != "direct" else None
    speaker = s.get("speaker_span")
    if (
        lead is not None
        and len(lead) <= _LEAD_IN
        and "\n" not in lead
        and not (speaker and cue[0] < speaker[0] < start)
    ):
        return text[cue[0] : end]
    if s.get("checkable", True) or not s.get("cue"):
        return s["text"]
    cue_first = s.get("cue_span") and s["cue_span"][1] <= s["span"][0]
    return f"{s['cue']} {s['text']}" if cue_first else f"{s['text']} ({s['cue']})"


def _entry(
    s: dict[str, Any], article: dict[str, Any] | None, reported_by: list[tuple[str, bool]]
) -> dict[str, Any]:
    article = article or {}
    return {
        "id": s["id"],
        "speaker": s.get("speaker"),
        "speaker_entity_id": s.get("speaker_entity_id"),
        "text": s["text"],
        "shown": _shown(s, article.get(s.get("part") or "text")),
        "kind": s.get("kind"),
        "standing": _standing(s, reported_by),
        "second_hand": bool(s.get("second_hand")),
        "reported_by": [name for name, _ in reported_by],
        "parent_id": s.get("parent_id"),
        "setting": s.get("setting"),
        "said_at": s.get("said_at"),
        "checkable": s.get("checkable", True),
        "outlet": article.get("outlet"),
        "copy_of": article.get("copy_of"),
        "published": article.get("published"),
        "title": article.get("title"),
        "url": article.get("url"),
        "source": article.get("source"),
        "article_id": s["article_id"],
        "span": s.get("span"),
        "part": s.get("part") or "text",
    }


def _links_by_statement(store: Store, ids: set[str], model: str | None) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for link in store.links():
        if link["relation"] not in SIDES or (model and link["model"] != model):
            continue
        for mine, other in ((link["a"], link["b"]), (link["b"], link["a"])):
            if mine in ids:
                found.setdefault(mine, []).append(link | {"other": other})
    return found


def _related(store: Store, links: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Statement id → its entry, for every statement on the other side of a link."""
    others = {link["other"] for group in links.values() for link in group}
    statements = list(store.statements(ids=others)) if others else []
    articles = _articles(store, (s["article_id"] for s in statements))
    reporters = _reporters(store, statements)
    return {s["id"]: _entry(s, articles.get(s["article_id"]), reporters[s["id"]]) for s in statements}


def check_report(store: Store, article_id: str, model: str | None = None) -> dict[str, Any]:
    """One article: metadata, statements, and for each what elsewhere agrees or contradicts, strongest
    first."""
    article = _articles(store, [article_id])[article_id]
    statements = list(store.statements(article_id=article_id))
    links = _links_by_statement(store, {s["id"] for s in statements}, model)
    others = _related(store, links)
    reporters = _reporters(store, statements)
    out = []
    for s in statements:
        related = [
            {
                "relation": link["relation"],
                "score": link["score"],
                "evidence": link["evidence"],
                **others[link["other"]],
            }
            for link in links.get(s["id"], [])
            if link["other"] in others
        ]
        related.sort(key=lambda r: -r["score"])
        out.append(_entry(s, article, reporters[s["id"]]) | {"related": related})
    meta = {k: article.get(k) for k in ("id", "title", "outlet", "byline", "published", "url", "source")}
    return {"article": meta, "statements": out}


def _speaks_for(s: dict[str, Any], name: str, entity_ids: set[str]) -> bool:
    """Same entity, or every word of the shorter name is in the longer ("Lopez", "Maria Lopez"); a speaker
    whose longer name adds words that are no name's is someone else ("Former aides to John Kerry")."""
    if s.get("speaker_entity_id") in entity_ids:
        return True
    mine = set(name_key(name).split())
    theirs = {name_key(w): w for w in (s.get("speaker") or "").split()}
    theirs.pop("", None)
    if not (mine and theirs):
        return False
    if theirs.keys() <= mine:
        return True
    return mine <= theirs.keys() and all(w[:1].isupper() for k, w in theirs.items() if k not in mine)


def _folded(statements: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Statement id → the ids of the same speaker's statements whose words all lie within its own, in the same
    part of the same article: a piece of a split quote beside the whole quote, or words nested in the
    speaker's own ("she opposes the deal", "the deal"). A timeline shows those words once, with every link."""
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = {}
    for s in statements:
        groups.setdefault((s["article_id"], s.get("part") or "text", s.get("speaker")), []).append(s)
    folded: dict[str, list[str]] = {}
    for group in groups.values():
        group.sort(key=lambda s: (s["span"][0] - s["span"][1], s["id"]))  # longest first: never held
        for n, s in enumerate(group):
            start, end = s["span"]
            holder = next((t for t in group[:n] if t["span"][0] <= start and end <= t["span"][1]), None)
            if holder is not None:
                folded.setdefault(holder["id"], []).append(s["id"])
    return folded


# Endings `--about` looks past, with the shortest stem each may leave, longest first: "recognition",
# "recognise", "recognized" and "recognizing" find one another, "vote" finds "voted", "nations" is no "nat"
_ENDINGS = (
    *((f"i{z}{b}", 4) for b in ("ations", "ation") for z in "sz"),
    ("itions", 4),
    ("ition", 4),
    ("ations", 4),
    ("ation", 4),
    ("ions", 4),
    ("ion", 4),
    *((f"i{z}{b}", 3) for z in "sz" for b in ("ing", "ed", "es", "e")),
    ("ings", 3),
    ("ing", 3),
    ("ed", 3),
    ("es", 3),
    ("s", 4),
)


def _stems(text: str) -> set[str]:
    """Each content word of `text` without its inflection or a British or American ending."""
    out = set()
    for word in words(text):
        stem = word[:-3] + "y" if word.endswith("ies") else word
        ending = next((e for e, least in _ENDINGS if stem.endswith(e) and len(stem) - len(e) >= least), "")
        stem = stem[: len(stem) - len(ending)]
        out.add(stem[:-1] if len(stem) > 3 and stem.endswith("e") else stem)
    return out


def who_report(store: Store, name: str, about: str | None = None, model: str | None = None) -> dict[str, Any]:
    """A timeline of what `name` said or was reported as saying, with agreements and contradictions
    attached."""
    key = name.casefold().strip()
    spelled = f" {name_key(name)} "
    matched = {
        e["id"]: e
        for e in store.entities()
        for known in (e["name"], *(e["aliases"] or []))
        if key in known.casefold() or spelled in f" {name_key(known)} "
    }
    entity_ids = set(matched)
    about_words = _stems(about) if about else set()
    mine = [
        s
        for s in store.statements()
        if _speaks_for(s, key, entity_ids) and (not about_words or about_words <= _stems(s["text"]))
    ]
    articles = _articles(store, (s["article_id"] for s in mine))
    links = _links_by_statement(store, {s["id"] for s in mine}, model)
    others = _related(store, links)
    reporters = _reporters(store, mine)
    folded = _folded(mine)
    held = {i for ids in folded.values() for i in ids}
    timeline = []
    for s in mine:
        if s["id"] in held:
            continue
        entry = _entry(s, articles.get(s["article_id"]), reporters[s["id"]])
        entry["folded"] = folded.get(s["id"], [])
        related: dict[str, dict[str, Any]] = {}
        for link in (x for i in (s["id"], *entry["folded"]) for x in links.get(i, [])):
            if link["other"] not in others:
                continue
            other = others[link["other"]]
            same = _speaks_for(other, s.get("speaker") or key, {s.get("speaker_entity_id")} - {None})
            kept = related.get(other["id"])
            if kept is None or link["score"] > kept["score"]:
                related[other["id"]] = {
                    "relation": link["relation"],
                    "score": link["score"],
                    "same_speaker": same,
                    **other,
                }
        entry["related"] = sorted(related.values(), key=lambda r: (not r["same_speaker"], -r["score"]))
        entry["contradicted"] = any(r["relation"] == "contradict" for r in entry["related"])
        timeline.append(entry)
    timeline.sort(key=_chronology)
    # "Clinton" is Hillary and Bill: say so, since each statement is flagged against its own speaker only
    people = Counter(
        matched[i]["name"]
        for s in mine
        if (i := s.get("speaker_entity_id")) in matched and matched[i]["type"] == "person"
    )
    return {"name": name, "about": about, "people": dict(people.most_common()), "statements": timeline}


# Renderers


_SENTENCE_OPENERS = frozenset(
    ["last", "this", "earlier", "later", "next", "early", "late", "on", "in", "at", "yesterday", "today"]
)


def _chronology(e: dict[str, Any]) -> tuple[str, str, bool, int]:
    """When it was said if the text gives a year ("in March 2014"), else when it was published; within one
    article, in the order the article tells it, its title first."""
    year = _YEAR.search(e.get("said_at") or "")
    when = year.group() if year else e.get("published") or ""
    return (when, e["article_id"], e.get("part") != "title", (e.get("span") or [0])[0])


def _when(e: dict[str, Any]) -> str:
    published = (e.get("published") or "undated")[:10]
    said = e.get("said_at")
    if said and said.split()[0].lower() in _SENTENCE_OPENERS:
        said = said[0].lower() + said[1:]  # "Last month, she told …" is "(said last month)"
    return f"{published} (said {said})" if said else published


def _outlet(e: dict[str, Any]) -> str:
    """The outlet, else the file or URL the article came from: a citation needs one."""
    return e.get("outlet") or e.get("url") or Path(e.get("source") or "unknown source").name


def _source_line(e: dict[str, Any]) -> str:
    speaker = e.get("speaker") or "unattributed"
    copy = f" (a near-copy of {e['copy_of']})" if e.get("copy_of") else ""
    return f"{_outlet(e)}{copy}, {_when(e)}, {speaker} ({e['standing']})"


def _related_lines(related: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{r['relation'].upper()} {r['score']:.2f}" + (" same speaker" if r.get("same_speaker") else ""), r)
        for r in related
    ]


def _people_line(people: dict[str, int]) -> str | None:
    """What to say when the name matches more than one person; a name that is part of another's ("Clinton"
    alone may be either Clinton) is listed apart, not counted."""
    keys = {name: set(name_key(name).split()) for name in people}
    full = [name for name in people if not any(keys[name] < keys[other] for other in people)]
    if len(full) < 2:
        return None
    listed = ", ".join(f"{name} ({people[name]})" for name in full)
    alone = "".join(f"; {name} alone ({n})" for name, n in people.items() if name not in full)
    return f"The name matches {len(full)} people: {listed}{alone}. Give a fuller name to see one of them."


# Why a statement has no links though `link` ran: it was never compared.
UNCHECKED = "nothing true or false on its own (a name, a request, a phrase): not cross-checked"


def render_text(report: dict[str, Any], markdown: bool = False) -> str:
    """Plain text, or Markdown when `markdown` is set."""
    h1, h2, q = ("# ", "## ", "> ") if markdown else ("", "", "  ")
    t = _markdown_text if markdown else str
    lines: list[str] = []
    if "article" in report:
        a = report["article"]
        lines += [
            f"{h1}{t(a.get('title') or a['id'])}",
            "",
            t(
                f"{_outlet(a)} · {a.get('published') or 'undated'} · "
                f"{a.get('byline') or 'no byline'} · {a.get('url') or a.get('source')}"
            ),
            "",
        ]
        heading = "Statement"
    else:
        lines += [
            f"{h1}{t(report['name'])}" + (f" on {t(report['about'])}" if report.get("about") else ""),
            "",
        ]
        if people := _people_line(report.get("people", {})):
            lines += [t(people), ""]
        heading = "Said"
    if not report["statements"]:
        lines.append("No statements found.")
    for n, s in enumerate(report["statements"], 1):
        flag = " [CONTRADICTED]" if s.get("contradicted") else ""
        lines += [f"{h2}{heading} {n}: {t(_source_line(s))}{flag}", f"{q}{t(s['shown'])}"]
        if not s["checkable"]:
            lines.append(f"{'' if markdown else '    '}({UNCHECKED})")
        for label, r in _related_lines(s["related"]):
            prefix = "- " if markdown else "    "
            lines.append(f"{prefix}{label}: {t(_source_line(r))}: “{t(r['shown'])}”")
        lines.append("")
    return "\n".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _markdown_text(text: str) -> str:
    """Article words as Markdown shows them, not as markup: a title or quote holding "<img onerror=…>" or
    "[a](javascript:…)" would otherwise run in a viewer that renders inline HTML."""
    text = html.escape(" ".join(text.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_CSS = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#222}"
    "blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #999}"
    ".agree{color:#17692c}.contradict{color:#a31515;font-weight:bold}.meta{color:#666;font-size:90%}"
    "li{margin:.3em 0}"
)


def render_html(report: dict[str, Any]) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no remote resources), every text escaped."""
    e = html.escape
    if "article" in report:
        a = report["article"]
        title = a.get("title") or a["id"]
        head = (
            f"<h1>{e(title)}</h1><p class=meta>{e(_outlet(a))} · "
            f"{e(a.get('published') or 'undated')} · {e(a.get('byline') or 'no byline')} · "
            f"{e(a.get('url') or a.get('source') or '')}</p>"
        )
    else:
        title = report["name"] + (f" on {report['about']}" if report.get("about") else "")
        head = f"<h1>{e(title)}</h1>"
        if people := _people_line(report.get("people", {})):
            head += f"<p class=meta>{e(people)}</p>"
    body = [head]
    if not report["statements"]:
        body.append("<p>No statements found.</p>")
    for s in report["statements"]:
        flag = " <span class=contradict>contradicted</span>" if s.get("contradicted") else ""
        body.append(
            f"<section><p class=meta>{e(_source_line(s))}{flag}</p><blockquote>{e(s['shown'])}</blockquote>"
        )
        if not s["checkable"]:
            body.append(f"<p class=meta>{UNCHECKED}</p>")
        if s["related"]:
            body.append("<ul>")
            for label, r in _related_lines(s["related"]):
                body.append(
                    f"<li><span class={e(r['relation'])}>{e(label)}</span> "
                    f"<span class=meta>{e(_source_line(r))}</span><br>“{e(r['shown'])}”</li>"
                )
            body.append("</ul>")
        body.append("</section>")
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(title)}</title>"
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


def render(report: dict[str, Any], fmt: str) -> str:
    """The report in text, markdown, html or json."""
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2)
    if fmt == "html":
        return render_html(report)
    return render_text(report, markdown=fmt == "markdown")

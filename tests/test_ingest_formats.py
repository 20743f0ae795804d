"""Every format, on the realistic bundled samples and on small pages written for one rule each."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from counterpoint.ingest import Options, detect, read
from counterpoint.records import Article, Failure
from tests.conftest import SAMPLES


def articles(*targets: str | Path, **options: object) -> list[Article]:
    items = list(read([str(t) for t in targets], Options(**options)))
    assert not [i for i in items if isinstance(i, Failure)], items
    return items  # type: ignore[return-value]


def test_html_page_keeps_body_and_stated_metadata() -> None:
    [page] = articles(SAMPLES / "html" / "northgate-lavrov-kerry-call-2019.html")
    assert page.format == "html"
    assert page.title == "Lavrov claims Kerry privately accepted Crimea vote in 2014 call"
    assert page.outlet == "Northgate Herald"
    assert page.byline == "Daria Lenko"
    assert (
        page.url
        == "https://northgateherald.example/news/world/lavrov-claims-kerry-privately-accepted-crimea-vote-2014-call-48213"
    )
    assert (page.published, page.published_source) == (
        "2019-06-06T08:05:00+03:00",
        "meta:article:published_time",
    )
    assert page.language == "en"
    assert page.text.startswith("MOSCOW — Russia's foreign minister, Sergei Lavrov, said on Wednesday")
    for boilerplate in ("Sign up", "newsletter", "Related", "cookie", "Comments"):
        assert boilerplate.lower() not in page.text.lower()
    assert page.title not in page.text


def test_html_without_a_stated_date_has_none_even_when_the_text_names_days() -> None:
    [page] = articles(SAMPLES / "html" / "harbourside-bridge-closure-undated.html")
    assert page.published is None and page.published_source is None


def test_html_date_in_running_text_is_never_taken_for_the_publication_date() -> None:
    html = (
        "<html><head><title>Vote</title></head><body><article><h1>Vote</h1>"
        "<p>The referendum held on March 16, 2014 was called illegal by the United States and the EU.</p>"
        "<p>Officials said on Friday that the result would not be recognised by most governments.</p>"
        "</article></body></html>"
    )
    assert _html(html).published is None


def test_a_bylines_job_titles_and_date_are_no_authors() -> None:
    body = "".join(
        f"<p>The council met on Tuesday to discuss item {n} of the budget, and voted it through.</p>"
        for n in range(4)
    )
    bylines = {
        "By Carlos Mendes, City Hall Reporter": "Carlos Mendes",
        "By Jane Doe, Senior Correspondent &amp; Ray Kim, Staff Writer": "Jane Doe; Ray Kim",
        "Jane Doe | Senior Correspondent | March 3, 2023": "Jane Doe",
        "By Jane Doe and Ray Kim": "Jane Doe; Ray Kim",
    }
    for byline, names in bylines.items():
        page = _html(
            f"<html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
            f'<div class="byline">{byline}</div>{body}</article></body></html>'
        )
        assert page.byline == names, byline


def _html(markup: str, name: str = "page.html") -> Article:
    from counterpoint.ingest import html

    return html.parse(markup.encode(), name)


def test_json_ld_date_and_canonical_url_are_used() -> None:
    page = _html(
        '<html lang="en-GB"><head><link rel="canonical" href="https://paper.example/a">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2014-03-17T09:00:00Z",'
        '"publisher": {"@type": "Organization", "name": "The Paper"}}</script></head>'
        "<body><article><p>Crimea's parliament declared independence from Ukraine on Monday morning, "
        "a day after the referendum that Western governments called illegitimate.</p></article></body></html>"
    )
    assert page.url == "https://paper.example/a"
    assert page.published == "2014-03-17T09:00:00+00:00"
    assert page.published_source == "jsonld:datePublished"
    assert page.outlet == "The Paper"
    assert page.language == "en"


def test_a_kicker_above_the_headline_is_no_part_of_the_text() -> None:
    body = (
        "<p>The council will vote on Tuesday on a plan to raise bus fares by 15 percent.</p>"
        "<p>Riders deserve better, and the transit authority knows it.</p></article></body></html>"
    )
    head = "<html><head><title>We should not raise fares</title></head><body><article>"
    page = _html(head + '<div class="kicker">Opinion</div><h1>We should not raise fares</h1>' + body)
    assert page.text.startswith("The council will vote")
    # a first paragraph that ends as a sentence is text, headline after it or not
    page = _html(head + "<p>Updated.</p><h1>We should not raise fares</h1>" + body)
    assert page.text.startswith("Updated.")


def test_plain_text_scrape_is_cleaned_with_header_fields() -> None:
    [scrape] = articles(SAMPLES / "text" / "kerry-us-will-not-recognise-crimea-vote-2014.txt")
    assert scrape.format == "text"
    assert scrape.title == "Kerry: US and allies will not recognise Crimea referendum"
    assert scrape.published == "2014-03-16T17:40:00"
    assert scrape.published_source == "header:Published"
    assert scrape.credit is not None and "Continental Press" in scrape.credit
    assert scrape.credit not in scrape.text
    assert "newsletter" not in scrape.text.lower()


def test_jsonl_crawler_records_map_to_articles() -> None:
    records = articles(SAMPLES / "crawl.jsonl")
    assert [r.source for r in records] == [f"{SAMPLES / 'crawl.jsonl'}#L{n}" for n in (1, 2, 3)]
    first = records[0]
    assert first.title == "US will not recognise Crimea vote, Kerry says"
    assert first.published == "2014-03-16T18:02:00" and first.published_source == "jsonl:date_publish"
    assert first.outlet == "capital-observer.example"  # as a page's address would name the site
    assert first.language == "en"
    assert "date_download" in first.meta and "maintext" not in first.meta
    assert records[2].published is None  # date_publish is null there


def test_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    good = {
        "title": "Sanctions",
        "maintext": "The EU imposed travel bans on 21 officials on Monday.",
        "url": "u1",
    }
    dump.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n[1, 2]\n")
    items = list(read([str(dump)]))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Failure"]
    assert items[1].source.endswith("#L2") and "malformed JSON" in items[1].reason
    assert "no article text" in items[2].reason
    # a record with an address but no text (GDELT lists only addresses) says how to read its page
    (tmp_path / "gdelt.json").write_text(json.dumps({"url": "https://a.example/1", "title": "Vote"}))
    [listed] = read([str(tmp_path / "gdelt.json")])
    assert listed.reason.endswith("ingest its page instead: counterpoint ingest https://a.example/1")


def test_a_record_of_raw_html_keeps_the_crawlers_fields_where_the_page_states_none(tmp_path: Path) -> None:
    page = (
        "<html><body><article><p>Mayor Lena Frost said on Monday that the tram extension would open in 2026."
        ' "We are on budget and on time," she said.</p></article></body></html>'
    )
    record = {
        "url": "https://a.example/2",
        "title": "Tram on time",
        "html": page,
        "date_publish": "2023-05-02",
    }
    dated = dict(
        record,
        url="https://a.example/3",
        html=page.replace(
            "<html>",
            '<html lang="en"><head><title>Trams</title>'
            '<meta property="article:published_time" content="2023-05-01T09:00:00Z"></head>',
        ),
    )
    (tmp_path / "dump.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(dated) + "\n")
    bare, stated = articles(tmp_path)
    assert (bare.title, bare.published, bare.published_source) == (
        "Tram on time",
        "2023-05-02",
        "jsonl:date_publish",
    )
    assert "tram extension" in bare.text and bare.format == "jsonl"
    assert (stated.title, stated.published[:10]) == ("Trams", "2023-05-01")  # the page's own word first
    assert stated.published_source.startswith("meta:")


def test_gzipped_jsonl_and_json_arrays(tmp_path: Path) -> None:
    record = {
        "title": "Gas",
        "text": "Gazprom raised the price it charges Ukraine for natural gas by a third.",
        "url": "g",
    }
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    other = dict(
        record, url="h", text="Ukraine said it would challenge the new gas price in an arbitration court."
    )
    (tmp_path / "dump.json").write_text(json.dumps([other]))
    assert sorted(a.url for a in articles(tmp_path)) == ["g", "h"]


def test_a_saved_news_api_response_is_read_as_the_articles_it_lists(tmp_path: Path) -> None:
    """NewsAPI cuts `content` to 200 characters: the words up to the last whole sentence are kept, marked as
    a summary that the page itself replaces, and a snippet with no whole sentence gives way to the
    description."""
    newsapi = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": "reuters", "name": "Reuters"},
                "author": "Jane Doe",
                "title": "Lavrov says Kerry privately accepted Crimea vote",
                "description": "Russia's foreign minister gave his account of a 2014 call.",
                "url": "https://www.reuters.example/world/lavrov-kerry",
                "publishedAt": "2019-06-06T12:00:00Z",
                "content": "MOSCOW (Reuters) - Sergei Lavrov said on Wednesday that John Kerry had privately "
                'accepted the Crimea vote. "I remember it very well," Lavrov said. The State Dep\u2026 '
                "[+2315 chars]",
            },
            {
                "source": {"id": None, "name": "Northgate Herald"},
                "author": None,
                "title": "Kerry aides reject Lavrov account",
                "description": "Former aides to John Kerry rejected the account on Thursday.",
                "url": "https://northgate.example/2",
                "publishedAt": "2019-06-07T08:00:00Z",
                "content": "Former aides to John Kerry on Thursday rejected the acc\u2026 [+1200 chars]",
            },
        ],
    }
    (tmp_path / "newsapi.json").write_text(json.dumps(newsapi))
    reuters, herald = articles(tmp_path / "newsapi.json")
    assert (reuters.outlet, reuters.byline, reuters.published, reuters.published_source) == (
        "Reuters",
        "Jane Doe",
        "2019-06-06T12:00:00+00:00",
        "jsonl:publishedAt",
    )
    assert reuters.text.endswith('"I remember it very well," Lavrov said.')
    assert reuters.meta["summary_only"] is True
    assert (herald.outlet, herald.text) == ("Northgate Herald", newsapi["articles"][1]["description"])
    (tmp_path / "responses.jsonl").write_text(json.dumps(newsapi) + "\n")  # one response a line
    assert [a.source[-5:] for a in articles(tmp_path / "responses.jsonl")] == ["#L1.1", "#L1.2"]


def test_event_registry_results_and_an_api_error_saved_to_a_file(tmp_path: Path) -> None:
    registry = {
        "articles": {
            "results": [
                {
                    "uri": "8123",
                    "dateTimePub": "2019-06-06T10:00:00Z",
                    "url": "https://tass.example/politics/1",
                    "title": "Lavrov on the 2014 call",
                    "body": "Sergei Lavrov said John Kerry had understood the will of the people of Crimea.",
                    "source": {"uri": "tass.example", "title": "TASS"},
                    "authors": [{"name": "Ivan Petrov", "type": "author"}],
                }
            ]
        }
    }
    (tmp_path / "registry.json").write_text(json.dumps(registry))
    (tmp_path / "error.json").write_text(
        json.dumps({"status": "error", "code": "apiKeyInvalid", "message": "Your API key is invalid."})
    )
    found = {Path(i.source).name: i for i in read([str(tmp_path)])}
    tass = found["registry.json"]
    assert (tass.outlet, tass.byline, tass.published) == ("TASS", "Ivan Petrov", "2019-06-06T10:00:00+00:00")
    failure = found["error.json"]
    assert isinstance(failure, Failure) and "not articles: Your API key is invalid." in failure.reason


def test_rss_items_use_their_full_content_and_stated_dates() -> None:
    items = articles(SAMPLES / "feed.xml")
    assert len(items) == 3
    first = items[0]
    assert first.format == "rss"
    assert first.outlet == "The Northern Courier"  # the channel's "The Northern Courier - World"
    assert first.published_source == "feed:published"
    assert first.text.startswith("Former aides to John Kerry")
    assert "summary_only" not in first.meta
    assert items[2].meta["summary_only"] is True


def test_a_feed_names_its_outlet_without_the_section_when_the_address_spells_it(tmp_path: Path) -> None:
    """One site's feeds count as one outlet; a title whose parts the address does not spell stays whole."""

    def outlet(title: str, link: str) -> str | None:
        feed = tmp_path / "feed.xml"
        feed.write_text(
            f"<rss version='2.0'><channel><title>{title}</title><link>{link}</link><item><title>Hearing set"
            f"</title><link>{link}/a</link><description>The council said it would vote in May.</description>"
            "</item></channel></rss>",
            encoding="utf-8",
        )
        return articles(feed)[0].outlet

    assert outlet("Politics | Daily Planet", "https://news.dailyplanet.example") == "Daily Planet"
    assert outlet("Reuters: World News", "http://feeds.reuters.com") == "Reuters"
    assert outlet("BBC News - UK", "https://www.bbc.co.uk/news") == "BBC News"
    assert outlet("Morning Brief - Local", "https://riverton-ledger.example") == "Morning Brief - Local"


def test_a_feed_cut_short_keeps_its_first_items_and_says_it_was_cut(tmp_path: Path) -> None:
    whole = (SAMPLES / "feed.xml").read_text(encoding="utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(whole[: whole.index("<item>", whole.index("<item>") + 1) + 40], encoding="utf-8")
    items = list(read([str(cut)]))
    assert isinstance(items[0], Article) and items[0].url == articles(SAMPLES / "feed.xml")[0].url
    assert isinstance(items[-1], Failure) and "cut short at line" in items[-1].reason


def test_warc_yields_html_responses_only() -> None:
    items = articles(SAMPLES / "archive.warc.gz")
    assert [a.outlet for a in items] == ["Atlantic Dispatch", "Danube Daily", "Lakeshore Tribune"]
    assert all(a.url and a.url.startswith("http://") for a in items)
    assert items[0].meta["crawled_at"] == "2014-03-16T03:12:09Z"


def _warc(records: list[tuple[str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    return buffer.getvalue()


PAGE = (
    "<html><head><title>Talks</title><meta charset='windows-1252'></head><body><article>"
    "<p>Diplomats met in Geneva on Thursday to discuss the crisis in Ukraine, officials said.</p>"
    "<p>The talks ended without agreement, according to a statement released by the foreign ministry.</p>"
    "<p>\u201cWe are far apart,\u201d one negotiator told reporters after the meeting.</p>"
    "</article></body></html>"
)


def _archive(tmp_path: Path, *others: tuple[str, bytes, str]) -> Path:
    """A WARC of the talks page in windows-1252, then `others`."""
    archive = tmp_path / "crawl.warc.gz"
    page = ("http://a.example/talks", PAGE.encode("cp1252"), "text/html; charset=windows-1252")
    archive.write_bytes(_warc([page, *others]))
    return archive


def test_warc_charset_from_http_headers(tmp_path: Path) -> None:
    archive = _archive(tmp_path, ("http://a.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"))
    [page] = articles(archive)
    assert "\u201cWe are far apart,\u201d" in page.text


def test_a_few_broken_bytes_cost_those_bytes_not_the_page(tmp_path: Path) -> None:
    body = (
        "<p>\u201cWe will win,\u201d Smith said at the caf\u00e9 on Monday, in a long speech to the council "
        "about the budget, the roads and the parks.</p>"
    )
    page = tmp_path / "broken.html"
    page.write_bytes(
        b'<html><head><meta charset="utf-8"><title>Caf\xc3\xa9 row</title></head><body><article>'
        + body.encode()
        + b"<p>Stray bytes \x80\x81 from a bad copy.</p></article></body></html>"
    )
    legacy = tmp_path / "legacy.txt"  # Windows-1252 smart quotes are never valid UTF-8: still detected
    legacy.write_bytes(("Talks\n\n" + "\u201cWe will win,\u201d Smith said on Monday. " * 6).encode("cp1252"))
    [broken] = articles(page)
    assert broken.title == "Caf\u00e9 row" and "the caf\u00e9 on Monday" in broken.text
    assert "\u201cWe will win,\u201d Smith said" in articles(legacy)[0].text
    french = tmp_path / "french.txt"  # Latin-1, which the detector alone read as Central European
    french.write_bytes(
        (
            "Caf\u00e9s\n\n" + "Le maire, na\u00efve mais s\u00fbre, a parl\u00e9 \u00e0 No\u00ebl. " * 4
        ).encode("latin_1")
    )
    assert "na\u00efve mais s\u00fbre" in articles(french)[0].text
    # UTF-16 is all NUL bytes to a binary check: its byte-order mark says what it is
    wide = tmp_path / "wide.txt"
    wide.write_bytes(("Talks\n\n" + "\u201cWe will win,\u201d Smith said on Monday. " * 6).encode("utf-16"))
    assert "\u201cWe will win,\u201d Smith said" in articles(wide)[0].text


def test_a_warc_document_that_is_no_page_is_a_failure_not_lost(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        ("http://a.example/report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        ("http://a.example/site.css", b"body { margin: 0 }", "text/css"),
    )
    page, pdf = read([str(archive)])
    assert isinstance(page, Article) and isinstance(pdf, Failure)
    assert pdf.source.endswith("#http://a.example/report.pdf")
    assert pdf.reason == "a document (application/pdf), not an HTML page: convert it to text to ingest it"


def test_truncated_warc_keeps_what_came_before(tmp_path: Path) -> None:
    other = PAGE.replace("Geneva", "Vienna").replace("Thursday", "Friday")
    whole = _warc(
        [
            ("http://a.example/1", PAGE.encode(), "text/html"),
            ("http://a.example/2", other.encode(), "text/html"),
        ]
    )
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(whole[: len(whole) - 200])
    items = list(read([str(archive)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Failure) and "truncated or corrupt archive" in items[-1].reason


def test_an_archive_cut_anywhere_never_loses_an_article_quietly(tmp_path: Path) -> None:
    whole = (SAMPLES / "archive.warc.gz").read_bytes()
    archive = tmp_path / "cut.warc.gz"
    for cut in range(300, len(whole), 211):  # in headers, in pages, in the records between them
        archive.write_bytes(whole[:cut])
        items = list(read([str(archive)]))
        pages = [i for i in items if isinstance(i, Article)]
        assert len(pages) == 3 or any(isinstance(i, Failure) for i in items), cut


def test_folders_are_walked_for_news_files_only() -> None:
    sources = {a.source for a in articles(SAMPLES)}
    assert not any(s.endswith((".md", ".py")) for s in sources)
    assert any("archive.warc.gz#" in s for s in sources)


def test_format_detection_by_name_then_content() -> None:
    assert detect("a.HTML", b"") == "html"
    assert detect("dump.jsonl.gz", b"") == "jsonl"
    assert detect("x.warc.gz", b"") == "warc"
    assert detect("feed.xml", b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert detect("page.xml", b"<!DOCTYPE html><html>") == "html"
    assert detect("noext", b"WARC/1.1\r\n") == "warc"
    assert detect("noext", b'{"title": "x"}') == "jsonl"
    assert detect("noext", b"Title line\nAuthor: A\n") == "text"

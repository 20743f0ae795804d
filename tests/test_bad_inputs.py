"""Bad input gets a clear one-line error naming the file and the reason; the batch goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint import ingest
from counterpoint.extract import Extraction
from counterpoint.ingest import Options, read
from counterpoint.records import Article, Failure
from counterpoint.store import Store
from tests.conftest import SAMPLES

GOOD = SAMPLES / "html" / "meridian-crimea-referendum-2014.html"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.html", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("scan.txt", b"%PDF-1.4\x00\x01\x02" * 50, "binary"),
        ("nav-only.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        (
            "login.html",
            b"<html><head><title>Login</title></head><body><nav><a href='/'>Home</a> "
            b"<a href='/about'>About</a></nav><form><input name=u><button>Sign in</button></form>"
            b"</body></html>",
            "no article text",
        ),
        ("broken.json", b'{"title": "unterminated', "malformed JSON"),
        ("feed.rss", b"<rss><channel><title>x</title></channel></rss>", "not a usable RSS/Atom feed"),
        ("cut.warc.gz", b"\x1f\x8b\x08\x00garbage", "archive"),
        ("notwarc.warc", b"this is not an archive at all", "not a WARC archive"),
        (
            "nouri.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nHTTP/1.1 200 OK\r\n",
            "malformed headers in WARC record 1",
        ),
        ("bad.jsonl.gz", b"\x1f\x8b\x08\x00\x00\x00", "truncated or corrupt"),
    ],
)
def test_each_bad_file_is_one_failure_with_its_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = list(read([str(path)]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures, items
    assert failures[0].source.startswith(str(path))
    assert reason in failures[0].reason
    assert "\n" not in str(failures[0])


def test_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(GOOD.read_bytes())
    [failure] = list(read([str(path)], Options(max_bytes=1000)))
    assert (
        isinstance(failure, Failure)
        and "over the size cap" in failure.reason
        and "--max-bytes" in failure.reason
    )


def test_undecodable_text_is_decoded_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    body = "Министр иностранных дел заявил, что референдум в Крыму соответствует международному праву. " * 5
    path.write_bytes(("Заголовок\n\n" + body).encode("cp1251"))
    [item] = list(read([str(path)]))
    assert isinstance(item, Article) and "референдум" in item.text


def test_a_missing_path_is_a_failure(tmp_path: Path) -> None:
    [failure] = list(read([str(tmp_path / "nope.html")]))
    assert failure == Failure(str(tmp_path / "nope.html"), "no such file or directory")


def test_one_broken_file_never_stops_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a_broken.html").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b_good.html").write_bytes(GOOD.read_bytes())
    (tmp_path / "c_empty.txt").write_bytes(b"")
    report = ingest([str(tmp_path)], db=str(tmp_path / "store.db"), extract=False)
    assert len(report.ingested) == 1
    assert sorted(Path(f.source).name for f in report.failed) == ["a_broken.html", "c_empty.txt"]
    with Store(tmp_path / "store.db") as store:
        assert store.stats()["failures"] == 2


class CrashAfter:
    """An extractor that dies part-way, as a killed process would."""

    def __init__(self, articles: int) -> None:
        self.articles = articles

    def extract_many(self, items, n_process=1, batch_size=32):
        for n, (_, article_id, source, *_) in enumerate(items):
            if n == self.articles:
                raise KeyboardInterrupt
            yield Extraction(article_id, source)


def test_a_run_killed_half_way_can_be_rerun_without_duplicates(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    with pytest.raises(KeyboardInterrupt):
        ingest([str(SAMPLES)], db=db, extractor=CrashAfter(articles=4))
    with Store(db) as store:
        halfway = store.stats()["articles"]
    assert halfway == 4
    report = ingest([str(SAMPLES)], db=db, extract=False)
    assert len(report.ingested) + halfway == len({a["id"] for a in Store(db).articles()})
    again = ingest([str(SAMPLES)], db=db, extract=False)
    assert again.ingested == [] and not again.failed

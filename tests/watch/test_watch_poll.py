"""`protestwatch watch`: polling feeds on a loopback server, good and broken ones.

A poll must code each new item once, record every failure (a feed down, slow, malformed, enormous
or answering 500) and go on with the others; the next poll must add nothing that is already there
and fetch no page twice; a failing feed is retried with back-off, within a poll and across polls.
"""

from __future__ import annotations

import socket
from pathlib import Path
from types import SimpleNamespace

import pytest

from protestwatch.api import Workspace
from protestwatch.errors import ConfigError
from protestwatch.watch import FetchFailed, WatchOptions, Watcher, fetch, parse_duration, read_feed_list

EVERY = 900.0
OPTIONS = WatchOptions(
    every=EVERY, timeout=0.6, max_feed_bytes=200_000, max_page_bytes=200_000, retries=1,
    backoff=0.01, fetchers=4, page_words=30,
)  # fmt: skip


class Clock:
    """A clock the test moves by hand (polls are due by it)."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_good(site: SimpleNamespace, t: SimpleNamespace, extra: list[str] = ()) -> None:
    site.routes["/good.xml"] = t.Route(t.rss("Steppe Wire", [
        t.item("sw-1", "Nurses rally in Karaganda", t.PROTEST_FULL, site.url("/pages/1.html"), content=True),
        t.item("sw-2", "Traders block road in Osh", t.TEASER, site.url("/pages/2.html")),
        t.item("sw-3", "Central bank holds rates", t.OTHER_NEWS, site.url("/pages/3.html")),
        *extra,
    ]))  # fmt: skip
    site.routes["/pages/2.html"] = t.Route(t.page("Traders block road in Osh", t.PROTEST_PAGE), "text/html")


@pytest.fixture
def feeds(site: SimpleNamespace, texts: SimpleNamespace) -> dict[str, str]:
    t = texts
    _serve_good(site, t)
    junk = b"<rss version='2.0'><channel><title>Broken</title></chan nel> {{ not xml at all"
    site.routes["/malformed.xml"] = t.Route(junk)
    site.routes["/slow.xml"] = t.Route(t.rss("Slow", []), delay=5.0)
    site.routes["/huge.xml"] = t.Route(b"<!-- filler -->" * 1000, length=False, repeat=100)  # 1.5 MB
    site.routes["/huge-announced.xml"] = t.Route(b"", announce=50_000_000)
    site.routes["/error.xml"] = t.Route(b"server error", "text/plain", status=500)
    return {
        "good": site.url("/good.xml"), "malformed": site.url("/malformed.xml"),
        "slow": site.url("/slow.xml"), "huge": site.url("/huge.xml"),
        "announced": site.url("/huge-announced.xml"), "error": site.url("/error.xml"),
        "missing": site.url("/missing.xml"), "down": f"http://127.0.0.1:{_closed_port()}/feed.xml",
    }  # fmt: skip


def _rejections(ws: Workspace) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in ws.store.rejections():
        out.setdefault(r.origin, []).append(r.reason)
    return out


def _snapshot(ws: Workspace) -> tuple:
    articles = sorted((a.id, a.hash, a.url or "") for a in ws.store.articles())
    events = sorted(e.id for e in ws.store.events())
    return articles, events


def test_a_poll_codes_the_new_items_and_records_each_failure(
    tmp_path: Path, site: SimpleNamespace, texts: SimpleNamespace, feeds: dict[str, str]
) -> None:
    clock = Clock()
    with Workspace(tmp_path / "w.db") as ws:
        watcher = Watcher(ws, OPTIONS, clock=clock, sleep=lambda s: None)
        report = watcher.poll(feeds.values())

        assert (report.feeds, report.polled, report.failed) == (8, 1, 7)
        assert (report.entries, report.new, report.pages, report.coded) == (3, 3, 1, 3)
        stored = {a.id: a for a in ws.store.articles()}
        assert set(stored) == {"sw-1", "sw-2", "sw-3"}
        assert ws.store.article_states() == {"done": 3}
        # the teaser's page was fetched and its text kept; the full-text entry's page was not
        assert texts.PAGE_ONLY_SENTENCE in stored["sw-2"].text
        assert stored["sw-2"].outlet == "Steppe Wire" and stored["sw-2"].published.isoformat() == "2024-05-01"
        assert site.hits["/pages/2.html"] == 1 and site.hits["/pages/1.html"] == 0
        by_article = ws.store.events_by_article()
        assert by_article.get("sw-1") and by_article.get("sw-2") and not by_article.get("sw-3")

        # every failing feed is recorded, with why
        failed = _rejections(ws)
        reasons = {name: " ".join(failed.get(url, [])) for name, url in feeds.items()}
        assert "timed out" in reasons["slow"]
        assert "too large" in reasons["huge"] and "too large" in reasons["announced"]
        assert "HTTP error 500" in reasons["error"] and "2 attempts" in reasons["error"]
        assert "HTTP error 404" in reasons["missing"]
        assert "not a readable RSS/Atom feed" in reasons["malformed"]
        assert "cannot download" in reasons["down"] and "2 attempts" in reasons["down"]
        assert not reasons["good"]
        assert dict(report.failures).keys() == {u for n, u in feeds.items() if n != "good"}
        # transient failures were retried once, permanent ones were not
        assert site.hits["/error.xml"] == 2 and site.hits["/slow.xml"] == 2
        assert site.hits["/missing.xml"] == 1 and site.hits["/malformed.xml"] == 1
        assert site.hits["/huge.xml"] == 1 and site.hits["/huge-announced.xml"] == 1
        watch_runs = [r for r in ws.store.runs() if r["command"] == "watch"]
        assert len(watch_runs) == 1 and watch_runs[0]["counts"]["failed"] == 7


def test_a_second_poll_adds_nothing_and_failing_feeds_back_off(
    tmp_path: Path, site: SimpleNamespace, texts: SimpleNamespace, feeds: dict[str, str]
) -> None:
    clock = Clock()
    with Workspace(tmp_path / "w.db") as ws:
        watcher = Watcher(ws, OPTIONS, clock=clock, sleep=lambda s: None)
        watcher.poll(feeds.values())
        before = _snapshot(ws)
        page_hits = site.hits["/pages/2.html"]

        clock.now += EVERY  # one failure so far: every feed is due again
        second = watcher.poll(feeds.values())
        assert (second.polled, second.failed, second.not_due) == (1, 7, 0)
        assert (second.entries, second.known, second.new, second.pages, second.coded) == (3, 3, 0, 0, 0)
        assert _snapshot(ws) == before
        assert site.hits["/pages/2.html"] == page_hits
        assert len(_rejections(ws)[feeds["error"]]) == 2  # each failure is a record of its own

        clock.now += EVERY  # two failures in a row: the failing feeds wait two periods
        third = watcher.poll(feeds.values())
        assert (third.polled, third.failed, third.not_due) == (1, 0, 7)
        hits = site.hits["/error.xml"]
        clock.now += EVERY
        fourth = watcher.poll(feeds.values())
        assert (fourth.failed, fourth.not_due) == (7, 0)
        assert site.hits["/error.xml"] == hits + 2

        # a feed that comes back is read again, and its failures are forgotten
        site.routes["/error.xml"] = texts.Route(texts.rss("Back again", [
            texts.item("bk-1", "Students sit in at Bishkek university", texts.NEW_PROTEST, content=True),
        ]))  # fmt: skip
        clock.now += 4 * EVERY
        fifth = watcher.poll(feeds.values())
        assert fifth.new == 1 and fifth.coded == 1
        assert watcher.feeds[feeds["error"]].failures == 0
        assert ws.store.get_article("bk-1") is not None
        assert _snapshot(ws) != before


def test_only_new_items_are_fetched_and_coded(
    tmp_path: Path, site: SimpleNamespace, texts: SimpleNamespace
) -> None:
    _serve_good(site, texts)
    clock = Clock()
    with Workspace(tmp_path / "w.db") as ws:
        watcher = Watcher(ws, OPTIONS, clock=clock, sleep=lambda s: None)
        assert watcher.poll([site.url("/good.xml")]).new == 3
        coded_at = {a.id: ws.store.get_article(a.id) for a in ws.store.articles()}
        runs = len(ws.store.runs())

        new = texts.item("sw-4", "Students sit in", texts.NEW_PROTEST, content=True)
        _serve_good(site, texts, extra=[new])
        clock.now += EVERY
        report = watcher.poll([site.url("/good.xml")])
        assert (report.entries, report.known, report.new, report.coded) == (4, 3, 1, 1)
        assert ws.store.events_by_article().get("sw-4")
        assert {a.id for a in ws.store.articles()} == {*coded_at, "sw-4"}
        run_rows = ws.store.runs()[runs:]
        coding = [r for r in run_rows if r["command"] == "run"]
        assert len(coding) == 1 and coding[0]["counts"]["coded"] == 1  # the old ones: not again


def test_a_teaser_waits_for_its_page_then_falls_back(
    tmp_path: Path, site: SimpleNamespace, texts: SimpleNamespace
) -> None:
    site.routes["/feed.xml"] = texts.Route(texts.rss("Osh Daily", [
        texts.item("od-1", "Traders block road", texts.TEASER, site.url("/pages/flaky.html")),
        texts.item("od-2", "Traders block road, again", texts.TEASER + " Update.", site.url("/pages/gone.html")),
        texts.item("od-3", "A local file", texts.TEASER + " Local.", "file:///etc/passwd"),
    ]))  # fmt: skip
    site.routes["/pages/flaky.html"] = texts.Route(b"busy", "text/plain", status=503)
    options = WatchOptions(every=EVERY, timeout=1.0, retries=0, backoff=0.0, page_attempts=2)
    clock = Clock()
    with Workspace(tmp_path / "w.db") as ws:
        watcher = Watcher(ws, options, clock=clock, sleep=lambda s: None)
        first = watcher.poll([site.url("/feed.xml")])
        # od-1's page is down for now: it waits; od-2's page is gone for good: the teaser is used;
        # od-3 links to a local file, which is never fetched
        assert (first.new, first.waiting) == (2, 1)
        assert ws.store.get_article("od-1") is None
        assert ws.store.get_article("od-2").text.startswith(texts.TEASER)
        assert ws.store.get_article("od-3").url is None
        origins = _rejections(ws)
        assert any("HTTP error 503" in r for r in origins[site.url("/pages/flaky.html")])
        assert any("feed's text is used" in r and "404" in r for r in origins[site.url("/pages/gone.html")])

        site.routes["/pages/flaky.html"] = texts.Route(texts.page("Traders", texts.PROTEST_PAGE), "text/html")
        clock.now += EVERY
        second = watcher.poll([site.url("/feed.xml")])
        assert (second.new, second.waiting, second.pages) == (1, 0, 1)
        assert texts.PAGE_ONLY_SENTENCE in ws.store.get_article("od-1").text

    # a page that never comes back: after page_attempts polls the teaser is used
    site.routes["/pages/flaky.html"] = texts.Route(b"busy", "text/plain", status=503)
    with Workspace(tmp_path / "w2.db") as ws:
        watcher = Watcher(ws, options, clock=clock, sleep=lambda s: None)
        assert watcher.poll([site.url("/feed.xml")]).waiting == 1
        clock.now += EVERY
        assert watcher.poll([site.url("/feed.xml")]).waiting == 0
        assert ws.store.get_article("od-1").text.startswith(texts.TEASER)


def test_fetch_backs_off_exponentially_on_transient_failures(site: SimpleNamespace, texts: SimpleNamespace) -> None:
    site.routes["/error"] = texts.Route(b"no", "text/plain", status=502)
    waits: list[float] = []
    with pytest.raises(FetchFailed) as failed:
        fetch(site.url("/error"), timeout=1.0, max_bytes=1000, retries=3, backoff=1.0, sleep=waits.append)
    assert failed.value.attempts == 4 and failed.value.transient
    assert site.hits["/error"] == 4
    assert len(waits) == 3
    for n, wait in enumerate(waits):
        assert 0.75 * 2**n <= wait <= 1.25 * 2**n
    site.routes["/gone"] = texts.Route(b"no", "text/plain", status=410)
    with pytest.raises(FetchFailed) as gone:
        fetch(site.url("/gone"), timeout=1.0, max_bytes=1000, retries=3, backoff=1.0, sleep=waits.append)
    assert gone.value.attempts == 1 and not gone.value.transient and len(waits) == 3


def test_feed_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# news feeds\n\nhttps://a.example/rss\n  http://b.example/atom.xml  \n"
        "https://a.example/rss\n# https://c.example/off\n",
        encoding="utf-8",
    )
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/atom.xml"]
    path.write_text("https://a.example/rss\nfile:///etc/passwd\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"feeds\.txt:2: not an http\(s\) feed URL"):
        read_feed_list(path)
    with pytest.raises(ConfigError, match="cannot read the feed list"):
        read_feed_list(tmp_path / "missing.txt")


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("1h30m", 5400), ("2h", 7200),
                                           ("45", 45), ("1d", 86400), ("0.5m", 30)])  # fmt: skip
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "0", "-5m", "15m junk"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ConfigError, match="not a duration"):
        parse_duration(text)


def test_the_command_polls_once(tmp_path: Path, site: SimpleNamespace, texts: SimpleNamespace) -> None:
    from click.testing import CliRunner

    from protestwatch.cli import main

    _serve_good(site, texts)
    site.routes["/error.xml"] = texts.Route(b"down", "text/plain", status=500)
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# two feeds\n{site.url('/good.xml')}\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    args = ["watch", str(listing), "--db", str(db), "--once", "--timeout", "2", "--retries", "0"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1/1 feeds read" in result.stdout and "3 new" in result.stdout and "coded 3" in result.stdout

    listing.write_text(f"{site.url('/good.xml')}\n{site.url('/error.xml')}\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 3  # a feed failed
    import json

    poll = json.loads(result.stdout.strip().splitlines()[-1])
    assert (poll["new"], poll["known"], poll["failed"]) == (0, 3, 1)
    assert poll["failures"][0]["url"] == site.url("/error.xml")

    listing.write_text("not a url\n", encoding="utf-8")
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1 and "feeds.txt:1: not an http(s) feed URL" in result.output

"""Keeping a database current: poll RSS/Atom feeds, fetch and code what is new.

    protestwatch watch feeds.txt --every 15m --db events.db

``feeds.txt`` holds one feed URL per line (blank lines and ``#`` comments are ignored); it is read
again at every poll, so feeds can be added or removed without a restart.  Each poll:

1. downloads every feed that is due, a few at a time, each within a time limit and a size cap
   (``ingest/fetch.py``).  A transient failure (time-out, refused or reset connection, HTTP 5xx
   or 429) is retried after a back-off that doubles at each attempt; a permanent one (HTTP 4xx,
   too large, not a feed) is not.  A feed that still fails is recorded, with the time and the
   reason, in the database's rejections (``protestwatch rejects``), and is next tried after a
   back-off that doubles with each failed poll (up to ``max_backoff``), so a feed that is down
   costs little and a feed that comes back is read again;
2. reads the entries (at most ``max_entries`` per feed) and skips those already in the
   database: an entry is known by its id (the feed's guid, else its link), which becomes the
   article's id, so a second poll of the same feed adds nothing and fetches no page again;
3. for a new entry that carries only a teaser (fewer than ``page_words`` words) and links to a
   page, fetches the page (same limits and retries) and keeps its text when it is longer.  When
   the page cannot be had for a transient reason the entry waits for a later poll (up to
   ``page_attempts`` polls, then its teaser is used); for a permanent reason the teaser is used at
   once.  Links other than http(s) are never fetched;
4. stores the new articles and codes them (``Workspace.run``, with local or Dask workers if
   asked), which also brings the real-world events up to date (incrementally: existing groups
   keep their ids and human merges and splits stay).

Each poll is one row in the database's runs (command ``watch``) with its counts.  The state of
each feed (failures in a row, next due time) is kept in memory for the life of the process.
Downloads run in threads; everything that touches the database runs in the calling thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from protestwatch.errors import ConfigError, InputError
from protestwatch.ingest.decoding import binary_reason, read_capped
from protestwatch.ingest.fetch import Download, download
from protestwatch.ingest.fields import build_article
from protestwatch.ingest.markup import html_to_text
from protestwatch.ingest.options import MB, IngestOptions
from protestwatch.ingest.published import parse_published
from protestwatch.ingest.sources import read_bytes
from protestwatch.model import Article, Rejection
from protestwatch.pipeline import PIPELINE_VERSION

logger = logging.getLogger(__name__)

_MAX_FEEDS_FILE = 1 * MB
_MAX_ID_CHARS = 300
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``"15m"``, ``"90s"``, ``"1h30m"``, ``"2h"``, ``"1d"`` or ``"45"`` (seconds)."""
    spec = text.strip().replace(" ", "")
    pos, total = 0, 0.0
    for m in _DURATION.finditer(spec):
        if m.start() != pos:
            break
        total += float(m.group(1)) * _UNITS[m.group(2).lower()]
        pos = m.end()
    if not spec or pos != len(spec) or total <= 0:
        raise ConfigError(f"not a duration: {text!r} (write e.g. 90s, 15m, 1h30m, 2h)")
    return total


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How feeds are polled and fetched (times in seconds, sizes in bytes)."""

    every: float = 900.0
    timeout: float = 20.0  # for each download, as a whole
    max_feed_bytes: int = 5 * MB
    max_page_bytes: int = 5 * MB
    retries: int = 2  # extra attempts for a transient failure, within one poll
    backoff: float = 2.0  # first wait before a retry; doubles at each attempt
    max_backoff: float = 6 * 3600.0  # longest wait before a failing feed is tried again
    fetch_pages: bool = True
    page_words: int = 150  # an entry with fewer words is a teaser: its page is fetched
    page_attempts: int = 3  # polls a page may fail transiently before the teaser is used
    max_entries: int = 200  # entries read per feed and poll (newest first in most feeds)
    fetchers: int = 4  # downloads at a time

    def __post_init__(self) -> None:
        for name in ("every", "timeout", "max_backoff"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        positive = ("max_feed_bytes", "max_page_bytes", "max_entries", "fetchers", "page_attempts")
        for name in positive:
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1")
        if self.retries < 0 or self.backoff < 0 or self.page_words < 0:
            raise ConfigError("retries, backoff and page_words cannot be negative")


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs in ``path`` (one per line, ``#`` comments), each once, in order."""
    try:
        data = read_capped(str(path), _MAX_FEEDS_FILE)
    except InputError as exc:
        raise ConfigError(f"cannot read the feed list {path}: {exc.reason}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the feed list is not UTF-8 text ({exc})") from exc
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        item = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not item:
            continue
        if not _is_web_url(item) or any(c.isspace() for c in item):
            raise ConfigError(f"{path}:{number}: not an http(s) feed URL: {item[:200]!r}")
        if item not in urls:
            urls.append(item)
    return urls


def _is_web_url(text: str) -> bool:
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


# -- downloading with retries ------------------------------------------------------------------


class FetchFailed(Exception):
    """A download that failed for good in this poll."""

    def __init__(self, url: str, reason: str, attempts: int, transient: bool) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.attempts, self.transient = url, reason, attempts, transient


def is_transient(exc: InputError) -> bool:
    """Whether a failed download is worth trying again soon: a time-out, a network error or an
    HTTP 5xx/429; not an HTTP 4xx, a body over the size cap or an unusable URL."""
    cause = exc.__cause__
    if isinstance(cause, urllib.error.HTTPError):
        return cause.code >= 500 or cause.code in (408, 429)
    if isinstance(cause, urllib.error.URLError):
        return isinstance(cause.reason, (OSError, TimeoutError))
    if isinstance(cause, (TimeoutError, socket.timeout, ConnectionError)):
        return True
    if isinstance(cause, OSError):
        return True
    # raised by fetch.py itself, without a cause: the overall deadline, or the size cap
    return exc.reason.startswith("timed out")


def fetch(
    url: str, *, timeout: float, max_bytes: int, retries: int, backoff: float,
    sleep: Callable[[float], None] = time.sleep, rng: random.Random | None = None,
) -> Download:  # fmt: skip
    """``download(url)``, tried again after a doubling (jittered) wait on transient failures;
    ``FetchFailed`` when every attempt failed or the failure is permanent."""
    rng = rng or random.Random()
    for attempt in range(1, retries + 2):
        try:
            return download(url, timeout=timeout, max_bytes=max_bytes)
        except InputError as exc:
            transient = is_transient(exc)
            if not transient or attempt > retries:
                tries = f" ({attempt} attempts)" if attempt > 1 else ""
                raise FetchFailed(url, exc.reason + tries, attempt, transient) from exc
            wait = backoff * 2 ** (attempt - 1) * rng.uniform(0.75, 1.25)
            logger.info("%s: %s; trying again in %.1f s", url, exc.reason, wait)
            sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


# -- feeds and entries -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry, as far as the feed tells it."""

    feed: str
    number: int
    id: str
    link: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    text: str

    @property
    def label(self) -> str:
        return f"entry {self.number}" + (f" ({self.title[:60]!r})" if self.title else "")


def parse_feed(data: bytes, feed_url: str, max_entries: int) -> list[Entry]:
    """The entries of a feed's bytes; ``InputError`` when it is not a readable feed."""
    import feedparser  # imported on first need

    reason = binary_reason(data[:8192])
    if reason:
        raise InputError(reason, feed_url)
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if parsed.bozo and not parsed.entries:
        raise InputError(
            f"not a readable RSS/Atom feed ({parsed.get('bozo_exception') or 'no entries'})",
            feed_url,
        )
    if not parsed.entries and not version:
        raise InputError("not an RSS/Atom feed", feed_url)
    outlet = html_to_text(parsed.feed.get("title") or "")[:200] or None
    return [
        _entry(e, feed_url, number, outlet)
        for number, e in enumerate(parsed.entries[:max_entries], start=1)
    ]


def _entry(raw: Any, feed_url: str, number: int, outlet: str | None) -> Entry:
    link = _link(raw.get("link"), feed_url)
    contents = [c.get("value") or "" for c in raw.get("content") or ()]
    html = max([*contents, raw.get("summary") or ""], key=len)
    key = str(raw.get("id") or "").strip() or link
    text = html_to_text(html)
    if not key:  # no guid and no link: the text is all that identifies the entry
        key = "feed-" + hashlib.sha1(f"{raw.get('title')}\n{text}".encode()).hexdigest()[:20]
    elif len(key) > _MAX_ID_CHARS:
        key = "feed-" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:20]
    title = html_to_text(raw.get("title") or "")[:500] or None
    return Entry(feed_url, number, key, link, title, outlet, _entry_date(raw), text)


def _link(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = urllib.parse.urljoin(base, value.strip())
    return url if _is_web_url(url) and len(url) <= 2000 else None


def _entry_date(raw: Any) -> dt.date | None:
    for key in ("published", "updated", "created"):
        struct = raw.get(f"{key}_parsed")
        if struct:
            try:
                return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
            except ValueError:
                continue
        value = raw.get(key)
        if value:
            try:
                return parse_published(value)
            except InputError:
                continue
    return None


# -- polling -----------------------------------------------------------------------------------


@dataclass
class FeedState:
    """What the watcher remembers about one feed between polls."""

    url: str
    failures: int = 0  # failed polls in a row
    next_due: float = 0.0  # clock time before which the feed is not polled
    last_error: str | None = None
    last_ok: float | None = None


@dataclass
class PollReport:
    """What one poll did."""

    started: str = ""
    feeds: int = 0
    polled: int = 0
    failed: int = 0
    not_due: int = 0
    entries: int = 0
    known: int = 0
    new: int = 0
    pages: int = 0
    waiting: int = 0  # new entries whose page failed transiently: tried again next poll
    rejected: int = 0
    coded: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in self.__dict__.items() if isinstance(v, int)}

    def to_dict(self) -> dict[str, Any]:
        return {"started": self.started, **self.counts(),
                "failures": [{"url": u, "reason": r} for u, r in self.failures]}  # fmt: skip

    def summary(self) -> str:
        return (
            f"{self.started}: {self.polled}/{self.feeds} feeds read ({self.failed} failed, "
            f"{self.not_due} backing off), {self.entries} entries, {self.new} new "
            f"({self.pages} pages fetched, {self.waiting} waiting, {self.rejected} rejected); "
            f"coded {self.coded}, {self.events} events"
        )


class Watcher:
    """Polls feeds into a ``Workspace``; keeps each feed's state between polls."""

    def __init__(
        self, ws: Any, options: WatchOptions | None = None, *,
        run_options: dict[str, Any] | None = None, clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:  # fmt: skip
        self.ws = ws
        self.options = options or WatchOptions()
        self.run_options = dict(run_options or {})
        self.clock, self.sleep = clock, sleep
        self.feeds: dict[str, FeedState] = {}
        self._page_failures: dict[str, int] = {}  # entry id -> polls its page failed
        self._rng = random.Random()

    # -- one poll --------------------------------------------------------------------------

    def poll(self, urls: Iterable[str]) -> PollReport:
        """Read every due feed of ``urls``, store the new entries, code them."""
        now = self.clock()
        report = PollReport(started=_iso(now))
        urls = list(dict.fromkeys(urls))
        self.feeds = {u: self.feeds.get(u) or FeedState(u) for u in urls}
        due = [u for u in urls if self.feeds[u].next_due <= now]
        report.feeds, report.not_due = len(urls), len(urls) - len(due)
        store = self.ws.store
        run_id = store.start_run("watch", PIPELINE_VERSION)
        with ThreadPoolExecutor(self.options.fetchers, thread_name_prefix="watch-fetch") as pool:
            fresh: list[Entry] = []
            for url, got in zip(due, pool.map(self._read_feed, due)):
                if isinstance(got, FetchFailed) or isinstance(got, InputError):
                    self._feed_failed(url, got, now, report, run_id)
                    continue
                self._feed_ok(url, now, report)
                for entry in got:
                    report.entries += 1
                    if store.get_article(entry.id) is not None:
                        report.known += 1
                    else:
                        fresh.append(entry)
            fresh = list({e.id: e for e in fresh}.values())  # an entry in two feeds: once
            made = pool.map(lambda e: self._article(e, report.started), fresh)
            for entry, article in zip(fresh, made):
                self._store(entry, article, report, run_id)
        store.finish_run(run_id, report.counts())
        coded = self.ws.run(**self.run_options)
        report.coded, report.events = coded.coded, coded.events
        return report

    def _read_feed(self, url: str) -> list[Entry] | FetchFailed | InputError:
        """Runs in a fetch thread: the feed's entries, or why there are none."""
        o = self.options
        try:
            got = fetch(url, timeout=o.timeout, max_bytes=o.max_feed_bytes, retries=o.retries,
                        backoff=o.backoff, sleep=self.sleep, rng=self._rng)  # fmt: skip
            return parse_feed(got.body, url, o.max_entries)
        except (FetchFailed, InputError) as exc:
            return exc
        except Exception as exc:  # a bug on one feed must not stop the others
            logger.exception("unexpected error while reading the feed %s", url)
            return InputError(f"internal error while reading: {type(exc).__name__}: {exc}", url)

    def _feed_failed(
        self, url: str, exc: Exception, now: float, report: PollReport, run_id: int
    ) -> None:
        state = self.feeds[url]
        state.failures += 1
        reason = exc.reason if isinstance(exc, (FetchFailed, InputError)) else str(exc)
        state.last_error = reason
        wait = min(self.options.every * 2 ** (state.failures - 1), self.options.max_backoff)
        state.next_due = now + wait - 1.0  # due again at the poll that falls after the wait
        report.failed += 1
        report.failures.append((url, reason))
        self._record(url, f"feed failed: {reason}", report, run_id)
        logger.warning(
            "%s: %s (failure %d in a row; next try in %.0f s)", url, reason, state.failures, wait
        )

    def _feed_ok(self, url: str, now: float, report: PollReport) -> None:
        state = self.feeds[url]
        state.failures, state.next_due, state.last_ok = 0, 0.0, now
        report.polled += 1

    def _article(self, entry: Entry, polled: str) -> "_Fetched | Rejection | FetchFailed":
        """Runs in a fetch thread: the entry as an article (its page fetched when it is a teaser),
        a rejection, or the page's transient failure (the entry then waits)."""
        try:
            return self._make_article(entry, polled)
        except Exception as exc:  # a bug on one entry must not stop the poll
            logger.exception("unexpected error on %s of %s", entry.label, entry.feed)
            why = f"{entry.label}: internal error: {type(exc).__name__}: {exc}"
            return Rejection(entry.feed, why)

    def _make_article(self, entry: Entry, polled: str) -> "_Fetched | Rejection | FetchFailed":
        o = self.options
        fields: dict[str, Any] = {
            "id": entry.id, "url": entry.link, "title": entry.title, "outlet": entry.outlet,
            "published": entry.published, "text": entry.text,
        }  # fmt: skip
        page_error: FetchFailed | None = None
        if o.fetch_pages and entry.link and len(entry.text.split()) < o.page_words:
            try:
                page = self._page(entry.link)
            except FetchFailed as exc:
                page_error = exc
            else:
                if len(page.text.split()) > len(entry.text.split()):
                    fields["text"] = page.text
                    fields["url"] = page.url or entry.link
                    fields["title"] = fields["title"] or page.title
                    fields["published"] = fields["published"] or page.published
                fields["pages_fetched"] = 1
        if page_error is not None and page_error.transient:
            seen = self._page_failures.get(entry.id, 0) + 1
            if seen < o.page_attempts:
                return page_error  # try again at the next poll
        options = IngestOptions(default_published=dt.date.fromisoformat(polled[:10]))
        pages = fields.pop("pages_fetched", 0)
        try:
            article = build_article(fields, origin=f"{entry.feed}#{entry.number}", options=options)
        except InputError as exc:
            why = f"{entry.label}: {exc.reason}"
            if page_error is not None:
                why += f" (and its page failed: {page_error.reason})"
            return Rejection(entry.feed, why)
        return _Fetched(article, pages, page_error)

    def _page(self, url: str) -> Article:
        o = self.options
        got = fetch(url, timeout=o.timeout, max_bytes=o.max_page_bytes, retries=o.retries,
                    backoff=o.backoff, sleep=self.sleep, rng=self._rng)  # fmt: skip
        if not _is_web_url(got.url):  # a redirect to another scheme: not followed
            raise FetchFailed(url, f"redirected to a non-web address {got.url[:100]!r}", 1, False)
        kind = "txt" if got.media_type == "text/plain" else "html"
        options = IngestOptions(default_published=dt.date.today(), min_text_chars=1)
        for item in read_bytes(got.body, kind, url, options, url=got.url, charset=got.charset):
            if isinstance(item, Article):
                return item
            raise FetchFailed(url, item.reason, 1, False)
        raise FetchFailed(url, "no article in the page", 1, False)

    def _store(self, entry: Entry, made: Any, report: PollReport, run_id: int) -> None:
        store = self.ws.store
        if isinstance(made, FetchFailed):  # a transient page failure: the entry waits
            self._page_failures[entry.id] = self._page_failures.get(entry.id, 0) + 1
            report.waiting += 1
            self._record(made.url, f"page failed: {made.reason}", report, run_id)
            return
        if isinstance(made, Rejection):
            report.rejected += 1
            store.add_rejection(made, run_id)
            return
        self._page_failures.pop(entry.id, None)
        report.pages += made.pages
        if made.page_error is not None:
            why = f"page failed, the feed's text is used: {made.page_error.reason}"
            self._record(made.page_error.url, why, report, run_id)
        if store.add_article(made.article, run_id):
            report.new += 1
        else:
            report.known += 1  # the same text under another id (another feed, another link)
        if len(self._page_failures) > 10_000:  # bounded memory, whatever the feeds do
            self._page_failures.clear()

    def _record(self, origin: str, reason: str, report: PollReport, run_id: int) -> None:
        """A failure, in the rejections (unique by origin and reason: the time makes each one
        a row of its own)."""
        rejection = Rejection(origin, f"{reason} [poll of {report.started}]")
        self.ws.store.add_rejection(rejection, run_id)

    # -- the loop --------------------------------------------------------------------------

    def watch(
        self, feeds_file: str | Path, *, polls: int | None = None,
        stop: threading.Event | None = None, on_poll: Callable[[PollReport], None] | None = None,
    ) -> int:  # fmt: skip
        """Poll every ``options.every`` seconds until ``stop`` is set (or ``polls`` polls);
        return the number of polls made.  The feed list is read again at every poll."""
        stop = stop or threading.Event()
        done = 0
        urls: list[str] | None = None
        while not stop.is_set():
            started = self.clock()
            try:
                urls = read_feed_list(feeds_file)
            except ConfigError:
                if urls is None:
                    raise
                logger.exception("keeping the previous feed list (%d feeds)", len(urls))
            report = self.poll(urls)
            done += 1
            if on_poll:
                on_poll(report)
            if polls is not None and done >= polls:
                break
            stop.wait(max(0.0, self.options.every - (self.clock() - started)))
        return done


@dataclass(frozen=True, slots=True)
class _Fetched:
    article: Article
    pages: int = 0
    page_error: FetchFailed | None = None


def _iso(t: float) -> str:
    return dt.datetime.fromtimestamp(t, dt.timezone.utc).isoformat(timespec="seconds")


"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``, sniffed, or fetched): feedparser.

One article per entry: its text is the longest of the entry's contents, else its summary, with
the HTML stripped (``markup.html_to_text``); the entry's link is the URL, its id (guid) the
article id, its title the title, the feed's title the outlet, and its published (else updated)
date the publication date.  Entry origins are ``<feed>#<n>`` with ``n`` the 1-based entry
number; rejections name the entry in the reason.  Feeds often carry only a teaser: an entry
whose text is shorter than the minimum is rejected like any short text (the linked page is not
fetched).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Iterator

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import binary_reason, read_capped
from protestwatch.ingest.fields import build_article
from protestwatch.ingest.markup import html_to_text
from protestwatch.ingest.options import IngestOptions
from protestwatch.ingest.published import parse_published
from protestwatch.model import Article, Rejection

logger = logging.getLogger(__name__)


def read_feed(data: bytes, origin: str, options: IngestOptions) -> Iterator[Article | Rejection]:
    """The articles of a feed's bytes (see the module docstring)."""
    reason = binary_reason(data[:8192])
    if reason:
        yield Rejection(origin, reason)
        return
    parsed = _parse(data, options.encoding)
    if parsed.bozo and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Rejection(origin, f"not a readable RSS/Atom feed ({problem or 'no entries'})")
        return
    if parsed.bozo:
        logger.info(
            "%s: feed is not well-formed (%s); reading its entries anyway",
            origin,
            parsed.get("bozo_exception"),
        )
    if not parsed.entries:
        yield Rejection(origin, "the feed has no entries")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, outlet, f"{origin}#{number}", options)
        except InputError as exc:
            label = (entry.get("title") or "").strip()
            named = f"entry {number}" + (f" ({label[:60]!r})" if label else "")
            yield Rejection(origin, f"{named}: {exc.reason}")


def _parse(data: bytes, encoding: str | None) -> Any:
    import feedparser  # imported on first need

    if encoding:
        try:
            return feedparser.parse(data.decode(encoding))
        except UnicodeDecodeError:
            pass  # let feedparser find the encoding and report what is wrong
    return feedparser.parse(data)


def _entry_article(entry: Any, outlet: str | None, origin: str, options: IngestOptions) -> Article:
    fields: dict[str, Any] = {
        "id": entry.get("id") or None,
        "url": entry.get("link") or None,
        "title": html_to_text(entry.get("title") or "") or None,
        "outlet": outlet,
        "published": _entry_date(entry),
        "text": html_to_text(_entry_html(entry)),
    }
    return build_article(fields, origin=origin, options=options)


def _entry_html(entry: Any) -> str:
    contents = [c.get("value") or "" for c in entry.get("content") or ()]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _entry_date(entry: Any) -> dt.date | str | None:
    for key in ("published", "updated", "created"):
        struct = entry.get(f"{key}_parsed")
        if struct:
            return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
        raw = entry.get(key)
        if raw:  # feedparser could not read it: try ours, which names the value if it fails
            return parse_published(raw)
    return None


def read_feed_file(path: str, options: IngestOptions) -> Iterator[Article | Rejection]:
    """The articles of the feed file at ``path``."""
    try:
        data = read_capped(path, options.max_file_bytes)
    except InputError as exc:
        yield Rejection(path, exc.reason)
        return
    yield from read_feed(data, path, options)

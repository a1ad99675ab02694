"""A loopback HTTP server for the watch tests: good, broken, slow and enormous feeds and pages.

Routes are set per test (``site.routes[path] = Route(...)``); the server counts the requests of
every path (``site.hits``), so the tests can tell what was fetched, retried or left alone.  The
texts are written for these tests (fictional events in real places).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from xml.sax.saxutils import escape

import pytest

PROTEST_FULL = (
    "KARAGANDA - Several hundred nurses rallied outside the regional health department in "
    "Karaganda on Tuesday to demand three months of overdue pay, organisers said.\n\n"
    "The nurses, called out by the Independent Union of Health Workers, carried banners and "
    "chanted slogans against the regional governor. Police watched from nearby streets and "
    "the rally ended peacefully in the afternoon.\n\n"
    "Officials said the wages would be paid by the end of the month."
)
PROTEST_PAGE = (
    "About 150 market traders blocked the main road into Osh on Wednesday to protest against "
    "a sharp rise in stall rents at the central bazaar, local media reported.\n\n"
    "The traders parked their carts across the road for four hours. Police detained six "
    "people, and the road reopened in the evening after the city administration agreed to "
    "meet representatives of the traders.\n\n"
    "Market traders in Osh have complained about rents since the bazaar was sold to a private "
    "company last year. The new owner said higher rents were needed to pay for repairs."
)
PAGE_ONLY_SENTENCE = "The traders parked their carts across the road for four hours."
TEASER = "Market traders block a road in Osh over stall rents."
OTHER_NEWS = (
    "The National Bank of Kazakhstan kept its base rate unchanged on Thursday, citing slowing "
    "inflation and stable oil prices. Analysts expect a cut later in the year if the tenge "
    "remains steady, and exporters welcomed the decision."
)
NEW_PROTEST = (
    "Dozens of students staged a sit-in at the main building of the state university in "
    "Bishkek on Monday over the closure of a dormitory, student leaders said.\n\n"
    "University officials said the building needed urgent repairs and promised new rooms "
    "before the winter."
)


def item(guid: str, title: str, text: str | None = None, link: str | None = None,
         date: str = "Wed, 01 May 2024 09:00:00 +0000", content: bool = False) -> str:  # fmt: skip
    """One RSS item: the text as its description, or as full content (content:encoded)."""
    parts = [f"<guid>{escape(guid)}</guid>", f"<title>{escape(title)}</title>", f"<pubDate>{date}</pubDate>"]
    if link:
        parts.append(f"<link>{escape(link)}</link>")
    if text is not None:
        body = escape("".join(f"<p>{p}</p>" for p in text.split("\n\n")))
        parts.append(f"<content:encoded>{body}</content:encoded>" if content else f"<description>{body}</description>")
    return "<item>" + "".join(parts) + "</item>"


def rss(title: str, items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>{paras}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode("utf-8")


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering (a slow server)
    length: bool = True  # send Content-Length
    announce: int | None = None  # a Content-Length to announce instead of the real one
    repeat: int = 1  # the body is sent this many times (an enormous answer, streamed)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        site = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        site.hits[path] += 1
        route = site.routes.get(path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        if route.delay and site.release.wait(route.delay):
            return
        try:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.announce is not None:
                self.send_header("Content-Length", str(route.announce))
            elif route.length:
                self.send_header("Content-Length", str(len(route.body) * route.repeat))
            self.end_headers()
            for _ in range(route.repeat):
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size cap, time-out)
            pass


@pytest.fixture
def site() -> Iterator[SimpleNamespace]:
    """A server on 127.0.0.1 with ``routes``, ``hits`` and ``url(path)``."""
    ns = SimpleNamespace(routes={}, hits=Counter(), release=threading.Event())
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.site = ns  # type: ignore[attr-defined]
    ns.url = lambda path: f"http://127.0.0.1:{server.server_address[1]}{path}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ns
    finally:
        ns.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def texts() -> SimpleNamespace:
    return SimpleNamespace(
        PROTEST_FULL=PROTEST_FULL, PROTEST_PAGE=PROTEST_PAGE, PAGE_ONLY_SENTENCE=PAGE_ONLY_SENTENCE,
        TEASER=TEASER, OTHER_NEWS=OTHER_NEWS, NEW_PROTEST=NEW_PROTEST, item=item, rss=rss, page=page,
        Route=Route,
    )  # fmt: skip

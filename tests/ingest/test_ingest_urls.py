"""URL inputs against a loopback ``http.server`` in a thread (never the network)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article, Rejection

TEXT = (
    "Pensioners gathered outside the social fund office in Kokshetau on Friday, demanding that "
    "a cut to winter heating allowances be reversed before the cold season."
)
FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>North Kazakhstan News</title>
<item><title>Pensioners protest</title><link>https://nkn.example/p</link>
<pubDate>Fri, 04 Nov 2022 10:00:00 +0600</pubDate><description>{TEXT}</description></item>
</channel></rss>""".encode()
PAGE = (
    "<html><head><meta charset='windows-1251'><title>Пенсионеры вышли к фонду</title>"
    "<meta property='article:published_time' content='2022-11-04'></head><body><article>"
    "<p>В пятницу пенсионеры собрались у здания социального фонда в Кокшетау и потребовали "
    "отменить сокращение зимних выплат на отопление.</p><p>Представители фонда пообещали "
    "рассмотреть обращение в течение недели.</p></article></body></html>"
).encode("cp1251")

RELEASE = threading.Event()  # lets the slow handler finish as soon as the test is done


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # silence the test output
        pass

    def send(self, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/feed":
            self.send(FEED, "application/rss+xml")
        elif self.path == "/page":
            self.send(PAGE, "text/html")  # charset only in the page's meta tag
        elif self.path == "/records":
            self.send(b'{"text": "' + TEXT.encode() + b'", "id": "r1"}\n', "application/x-ndjson")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/feed")
            self.end_headers()
        elif self.path == "/slow":
            RELEASE.wait(5)
            self.send(FEED, "application/rss+xml")
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                if RELEASE.wait(0.05):
                    break
                self.wfile.write(b"more text ")
                self.wfile.flush()
        elif self.path == "/huge-announced":
            self.send(b"x" * 5000, "text/plain")
        elif self.path == "/huge-unannounced":
            self.send(TEXT.encode() * 40, "text/plain", length=False)
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


def fetch(url: str, **options: object) -> list[Article | Rejection]:
    return list(read_inputs([url], options=IngestOptions(**options)))  # type: ignore[arg-type]


def test_feed_url(base_url: str) -> None:
    (got,) = fetch(base_url + "/feed")
    assert isinstance(got, Article)
    assert got.outlet == "North Kazakhstan News" and got.url == "https://nkn.example/p"
    assert got.published == dt.date(2022, 11, 4) and got.text == TEXT
    assert got.origin == base_url + "/feed#1"


def test_page_url_with_meta_charset(base_url: str) -> None:
    (got,) = fetch(base_url + "/page")
    assert isinstance(got, Article), got
    assert got.text.startswith("В пятницу пенсионеры") and got.published == dt.date(2022, 11, 4)
    assert got.url == base_url + "/page" and got.origin == base_url + "/page"


def test_records_url_and_redirect(base_url: str) -> None:
    (rec,) = fetch(base_url + "/records", default_published=dt.date(2022, 11, 5))
    assert isinstance(rec, Article) and rec.id == "r1" and rec.origin == base_url + "/records:1"
    (redirected,) = fetch(base_url + "/redirect")
    assert isinstance(redirected, Article) and redirected.outlet == "North Kazakhstan News"


def test_http_error_is_a_rejection(base_url: str) -> None:
    (got,) = fetch(base_url + "/missing")
    assert isinstance(got, Rejection)
    assert (got.origin, got.reason) == (base_url + "/missing", "HTTP error 404 Not Found")


def test_silent_server_hits_the_timeout(base_url: str) -> None:
    started = time.monotonic()
    (got,) = fetch(base_url + "/slow", timeout=0.3)
    assert time.monotonic() - started < 2.0
    assert isinstance(got, Rejection) and got.reason.startswith("timed out after 0.3 s")


def test_trickling_server_hits_the_total_deadline(base_url: str) -> None:
    started = time.monotonic()
    (got,) = fetch(base_url + "/trickle", timeout=0.4)
    assert time.monotonic() - started < 1.5
    assert isinstance(got, Rejection) and got.reason.startswith("timed out")


def test_oversized_bodies_are_refused(base_url: str) -> None:
    (announced,) = fetch(base_url + "/huge-announced", max_download_bytes=1000)
    assert isinstance(announced, Rejection)
    assert announced.reason.startswith(
        "too large (5,000 bytes announced; the limit is 1,000 bytes)"
    )
    (unannounced,) = fetch(base_url + "/huge-unannounced", max_download_bytes=1000)
    assert isinstance(unannounced, Rejection)
    assert unannounced.reason == "too large (more than 1,000 bytes)"


def test_unreachable_host_is_a_rejection() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens on this port any more
    (got,) = fetch(f"http://127.0.0.1:{port}/nothing-listens-here", timeout=1.0)
    assert isinstance(got, Rejection) and got.reason.startswith("cannot download")

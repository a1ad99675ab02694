"""Downloading one URL with the standard library: a total time limit and a size cap.

``urlopen`` gets the timeout for each socket operation, and the body is read in chunks against
a deadline for the whole download, so neither a silent nor a trickling server can hold the batch
for longer than ``IngestOptions.timeout``.  A body over ``max_download_bytes`` (announced by
``Content-Length`` or found while reading) is refused without reading the rest.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from protestwatch.errors import InputError

_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": "protestwatch (news ingestion; +https://pypi.org/project/protestwatch/)",
    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,*/*;q=0.8",
}


@dataclass(frozen=True, slots=True)
class Download:
    """A downloaded body, the URL it came from (after redirects) and its media type."""

    url: str
    body: bytes
    media_type: str
    charset: str | None


def download(url: str, *, timeout: float, max_bytes: int) -> Download:
    """The body at ``url``; ``InputError`` (with the URL as source) on any failure."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers=_HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            _check_length(headers.get("Content-Length"), max_bytes, url)
            body = _read_body(response, max_bytes, deadline, timeout, url)
            return Download(
                url=response.geturl() or url,
                body=body,
                media_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP error {exc.code} {exc.reason}", url) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise InputError(_timed_out(timeout), url) from exc
        raise InputError(f"cannot download: {exc.reason}", url) from exc
    except (TimeoutError, socket.timeout) as exc:
        raise InputError(_timed_out(timeout), url) from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise InputError(f"cannot download: {type(exc).__name__}: {exc}", url) from exc


def _check_length(value: str | None, max_bytes: int, url: str) -> None:
    if value and value.strip().isdigit() and int(value) > max_bytes:
        raise InputError(
            f"too large ({int(value):,} bytes announced; the limit is {max_bytes:,} bytes)", url
        )


def _read_body(
    response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float, url: str
) -> bytes:
    read = getattr(response, "read1", response.read)  # read1: whatever has arrived, no waiting
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(_timed_out(timeout), url)
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"too large (more than {max_bytes:,} bytes)", url)
        chunks.append(chunk)


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s (raise --timeout for slow servers)"

"""Which inputs to read and how: paths, directories, globs, stdin and URLs → articles.

``read_inputs`` takes what a user types on a command line.  Each input is

- ``-``: standard input, in the forced format, else sniffed: JSON Lines if the first non-blank
  character is ``{``, a JSON array if ``[``, a feed or an HTML page if ``<``, else plain text;
- an ``http://`` or ``https://`` URL: an RSS/Atom feed, an HTML page (or JSON, JSON Lines, CSV,
  text), told apart by the ``Content-Type`` and the body;
- a directory: every file below it whose suffix names a format, recursively, in sorted order;
  hidden files and directories (``.name``) and sidecar ``.json`` files are skipped, symbolic
  links are followed and a link back to an ancestor is rejected as a directory loop;
- a glob pattern (``*``, ``?``, ``[``; ``**`` recurses) that names no existing file: every match,
  sorted, sidecars skipped;
- a file: read by its suffix (see ``SUFFIX_FORMATS``), else by sniffing its first bytes.

A file reached twice (named twice, or by a directory and a glob) is read once.  Bad input never
raises: it yields a ``Rejection`` and the batch goes on.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import re
import sys
from typing import BinaryIO, Iterable, Iterator

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import (
    SNIFF_BYTES,
    binary_reason,
    read_capped,
    read_stream_capped,
    unreadable_reason,
)
from protestwatch.ingest.feeds import read_feed
from protestwatch.ingest.fetch import download
from protestwatch.ingest.options import IngestOptions
from protestwatch.ingest.pages import html_article
from protestwatch.ingest.records import read_csv, read_json_document, read_jsonl
from protestwatch.ingest.sidecars import is_sidecar, read_sidecar
from protestwatch.ingest.text import text_article
from protestwatch.model import Article, Rejection

logger = logging.getLogger(__name__)

#: File suffix → format.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt", ".markdown": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".json": "json", ".csv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip
STDIN_ORIGIN = "<stdin>"
_STREAMED = ("jsonl", "csv")
_GLOB_CHARS = re.compile(r"[*?\[]")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|article)\b", re.I)

Item = Article | Rejection


def read_inputs(inputs: Iterable[str], *, options: IngestOptions | None = None) -> Iterator[Item]:
    """The articles of every input, in order, lazily; a ``Rejection`` for each unusable one."""
    options = options or IngestOptions()
    seen: set[str] = set()
    for item in inputs:
        try:
            yield from _read_input(item, options, seen)
        except Exception as exc:  # a bug on one input must not sink the batch
            logger.exception("unexpected error while reading %s", item)
            yield Rejection(item, f"internal error while reading: {type(exc).__name__}: {exc}")


def _read_input(item: str, options: IngestOptions, seen: set[str]) -> Iterator[Item]:
    if item == "-":
        yield from read_stdin(options)
    elif item.lower().startswith(("http://", "https://")):
        yield from read_url(item, options)
    elif not os.path.lexists(item) and _GLOB_CHARS.search(item):
        yield from _read_glob(item, options, seen)
    elif os.path.isdir(item):
        yield from _read_directory(item, options, seen)
    else:
        yield from read_file(item, options, seen=seen)


def _read_glob(pattern: str, options: IngestOptions, seen: set[str]) -> Iterator[Item]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Rejection(pattern, "no files match this pattern")
    for path in matches:
        if os.path.isdir(path):
            yield from _read_directory(path, options, seen)
        elif not is_sidecar(path):
            yield from read_file(path, options, seen=seen)


def _read_directory(root: str, options: IngestOptions, seen: set[str]) -> Iterator[Item]:
    for found in walk_directory(root):
        if isinstance(found, Rejection):
            yield found
        else:
            yield from read_file(found, options, seen=seen)


def walk_directory(
    root: str, _ancestors: frozenset[tuple[int, int]] = frozenset()
) -> Iterator[str | Rejection]:
    """The readable files below ``root`` (see the module docstring), or rejections."""
    try:
        stat = os.stat(root)
        key = (stat.st_dev, stat.st_ino)
        if key in _ancestors:
            yield Rejection(root, "unreadable: directory loop (a link back to a parent directory)")
            return
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(root, unreadable_reason(exc))
        return
    names = frozenset(e.name for e in entries)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from walk_directory(entry.path, _ancestors | {key})
        elif not entry.is_file():
            yield Rejection(entry.path, "unreadable: a broken link or not a regular file")
        elif is_sidecar(entry.path, names):
            continue
        elif os.path.splitext(entry.name)[1].lower() in SUFFIX_FORMATS:
            yield entry.path
        else:
            logger.info("skipping %s: its suffix names no input format", entry.path)


def read_file(path: str, options: IngestOptions, *, seen: set[str] | None = None) -> Iterator[Item]:
    """The articles of the file at ``path`` (by its suffix, else sniffed)."""
    if seen is not None:
        real = os.path.realpath(path)
        if real in seen:
            logger.info("skipping %s: already read", path)
            return
        seen.add(real)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        yield Rejection(path, unreadable_reason(exc))
        return
    kind = options.format or SUFFIX_FORMATS.get(os.path.splitext(path)[1].lower())
    if kind is None or kind in _STREAMED:  # whole documents are checked after the size cap
        reason = binary_reason(head)
        if reason:
            yield Rejection(path, reason)
            return
    kind = kind or sniff_format(head)
    if kind in _STREAMED:
        yield from _read_streamed(path, kind, options)
        return
    try:
        data = read_capped(path, options.max_file_bytes)
        sidecar = read_sidecar(path) if kind in ("txt", "html") else None
    except InputError as exc:
        yield Rejection(path, exc.reason)
        return
    yield from read_bytes(data, kind, path, options, sidecar=sidecar)


def _read_streamed(path: str, kind: str, options: IngestOptions) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Rejection(path, unreadable_reason(exc))
        return
    with handle:
        reader = read_jsonl if kind == "jsonl" else read_csv
        yield from reader(handle, path, options)


def sniff_format(head: bytes, default: str = "txt") -> str:
    """The format the first bytes of an input look like."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{":
        return "jsonl"
    if start == b"[":
        return "json"
    if start == b"<":
        if _FEED_ROOT.search(head):
            return "feed"
        return "html"
    return default


def read_bytes(
    data: bytes,
    kind: str,
    origin: str,
    options: IngestOptions,
    *,
    url: str | None = None,
    charset: str | None = None,
    sidecar: dict | None = None,
) -> Iterator[Item]:
    """The articles in ``data``, read as ``kind`` (one of ``options.FORMATS``)."""
    if kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), origin, options)
    elif kind == "csv":
        yield from read_csv(io.BytesIO(data), origin, options)
    elif kind == "json":
        yield from read_json_document(data, origin, options)
    elif kind == "feed":
        yield from read_feed(data, origin, options)
    else:
        try:
            if kind == "html":
                yield html_article(
                    data, origin=origin, options=options, url=url, charset=charset, sidecar=sidecar
                )
            else:
                fields = dict(sidecar or {})
                if url:
                    fields.setdefault("url", url)
                yield text_article(
                    data, origin=origin, options=options, sidecar=fields, charset=charset
                )
        except InputError as exc:
            yield Rejection(origin, exc.reason)


def read_stdin(options: IngestOptions, stream: BinaryIO | None = None) -> Iterator[Item]:
    """The articles on standard input (or ``stream``), in the forced or sniffed format."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) or sys.stdin  # type: ignore[assignment]
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[union-attr]
    reason = binary_reason(head)
    if reason:
        yield Rejection(STDIN_ORIGIN, reason)
        return
    kind = options.format or sniff_format(head)
    if kind == "jsonl":
        yield from read_jsonl(stream, STDIN_ORIGIN, options)
    elif kind == "csv":
        yield from read_csv(stream, STDIN_ORIGIN, options)
    else:
        try:
            data = read_stream_capped(stream, options.max_file_bytes, STDIN_ORIGIN)
        except InputError as exc:
            yield Rejection(STDIN_ORIGIN, exc.reason)
            return
        yield from read_bytes(data, kind, STDIN_ORIGIN, options)


_MEDIA_FORMATS = {
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl", "text/csv": "csv", "text/plain": "txt",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
}  # fmt: skip


def read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    """The articles of a feed or a page (or records) fetched from ``url``."""
    try:
        got = download(url, timeout=options.timeout, max_bytes=options.max_download_bytes)
    except InputError as exc:
        yield Rejection(url, exc.reason)
        return
    reason = binary_reason(got.body[:SNIFF_BYTES])
    if reason:
        yield Rejection(url, reason)
        return
    kind = options.format or _MEDIA_FORMATS.get(got.media_type)
    if kind is None:
        kind = sniff_format(got.body[:SNIFF_BYTES], default="html")
    yield from read_bytes(got.body, kind, url, options, url=got.url, charset=got.charset)

"""Plain-text and Markdown articles (``.txt``, ``.md``), with optional front matter.

Front matter is a first line ``---``, then ``key: value`` lines (``id``, ``url``, ``title``,
``outlet``, ``published``, ``language`` or their aliases; values may be quoted; ``#`` comments,
blank and indented lines are ignored), then a closing ``---`` (or ``...``) line.  The rest is the
article text.  Without a closing line in the first 50 lines, the file has no front matter and
all of it is text.  A sidecar ``<same name>.json`` wins over the front matter key by key (see
``sidecars``).  Without a title in the metadata the article has no title: the first line is
not guessed to be one.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import (
    binary_reason,
    decode_document,
    normalize_text,
    read_capped,
)
from protestwatch.ingest.fields import build_article, canonical_fields
from protestwatch.ingest.options import IngestOptions
from protestwatch.ingest.sidecars import read_sidecar
from protestwatch.model import Article, Rejection

_FENCE = re.compile(r"-{3,}[ \t]*")
_CLOSE = re.compile(r"(?:-{3,}|\.{3})[ \t]*")
_KEY_VALUE = re.compile(r"([A-Za-z_][\w\- ]*?)\s*:\s*(.*)")
_MAX_FRONT_MATTER_LINES = 50


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front-matter fields of ``text`` (raw keys) and the text after it."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n", _MAX_FRONT_MATTER_LINES + 1)
    if not _FENCE.fullmatch(lines[0]):
        return {}, text
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1 : _MAX_FRONT_MATTER_LINES + 1], start=1):
        if _CLOSE.fullmatch(line):
            body = "\n".join(lines[i + 1 :]) if i + 1 < len(lines) else ""
            return fields, body
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in (" ", "\t", "-"):
            continue
        match = _KEY_VALUE.fullmatch(line.rstrip())
        if match:
            fields[match[1].strip()] = _unquote(match[2].strip())
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def text_article(
    data: bytes,
    *,
    origin: str,
    options: IngestOptions,
    sidecar: dict[str, Any] | None = None,
    charset: str | None = None,
) -> Article:
    """The article in the bytes of a text document; ``InputError`` (reason only) if unusable.

    ``charset`` is one declared outside the bytes (the HTTP ``Content-Type``), tried after UTF-8.
    """
    reason = binary_reason(data[:8192])
    if reason:
        raise InputError(reason)
    text = normalize_text(
        decode_document(data, origin, forced=options.encoding, declared=(charset,))
    )
    front, body = split_front_matter(text)
    fields = canonical_fields(front)
    fields.update(canonical_fields(sidecar or {}))
    fields["text"] = body
    return build_article(fields, origin=origin, options=options)


def read_text_file(path: str, options: IngestOptions) -> Iterator[Article | Rejection]:
    """The article in the text file at ``path``, or its rejection."""
    try:
        data = read_capped(path, options.max_file_bytes)
        sidecar = read_sidecar(path)
        yield text_article(data, origin=path, options=options, sidecar=sidecar)
    except InputError as exc:
        yield Rejection(path, exc.reason)

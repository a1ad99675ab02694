"""Bytes to text: size caps, binary sniffing, charset decoding and Unicode normalisation.

Decoding order for a whole document: the forced encoding (``IngestOptions.encoding``) if given;
else a byte-order mark (UTF-8, UTF-16, UTF-32); else strict UTF-8; else, for HTML, the charset
declared by the HTTP ``Content-Type`` header or the page's ``<meta charset>``.  UTF-8 is tried
before a declared charset because a page whose bytes are valid UTF-8 is almost never in the
declared legacy charset (single-byte charsets would "decode" anything into mojibake).  Bytes
that none of these decode are rejected with the offset of the first bad byte and the fix; they
are never decoded with replacement characters.

Every text that leaves ingestion is normalised the same way: no BOM, ``\\n`` line ends (CRLF and
CR converted), Unicode NFC.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from typing import BinaryIO

from protestwatch.errors import InputError

#: How many leading bytes are inspected to tell text from binary.
SNIFF_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# C0 control bytes that never occur in text (tab, LF, VT, FF, CR and ESC do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by ``data``'s byte-order mark, if it starts with one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` (an input's first bytes) looks binary, or ``None`` if it looks like text."""
    if not head or bom_encoding(head) in ("utf-16", "utf-32"):
        return None
    if b"\x00" in head:
        offset = head.index(b"\x00")
        return f"binary data (NUL byte at offset {offset}); expected a text document"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > 0.1 * len(head):
        return f"binary data ({controls} control bytes in the first {len(head)}); expected text"
    return None


def read_capped(path: str, limit: int) -> bytes:
    """The bytes of the file at ``path``; refused unread when it is larger than ``limit``."""
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise InputError(_too_large(size, limit), path)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(unreadable_reason(exc), path) from exc
    if len(data) > limit:  # a pipe or a file that grew: stat could not tell
        raise InputError(_too_large(None, limit), path)
    return data


def read_stream_capped(stream: BinaryIO, limit: int, origin: str) -> bytes:
    """At most ``limit`` bytes of a binary stream; more is an ``InputError``."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(_too_large(None, limit), origin)
    return data


def _too_large(size: int | None, limit: int) -> str:
    have = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return (
        f"too large ({have}; the limit is {limit:,} bytes): split it, or raise the limit "
        "(--max-file-bytes)"
    )


def unreadable_reason(exc: OSError) -> str:
    """A short reason for an ``OSError`` raised while opening or reading an input."""
    if isinstance(exc, FileNotFoundError):
        return "unreadable: no such file or directory"
    if isinstance(exc, PermissionError):
        return "unreadable: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "unreadable: is a directory"
    return f"unreadable: {exc.strerror or exc}"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag in its first bytes, if any."""
    match = _META_CHARSET.search(data, 0, SNIFF_BYTES * 2)
    return match.group(1).decode("ascii").lower() if match else None


def decode_document(
    data: bytes, origin: str, *, forced: str | None = None, declared: tuple[str | None, ...] = ()
) -> str:
    """Decode a whole document (the order is in the module docstring); ``InputError`` if none fits.

    ``declared`` lists charsets declared outside the bytes' own BOM (HTTP header, HTML meta),
    tried in order after UTF-8.
    """
    if forced:
        return _decode_or_reject(data, forced, origin, forced=True)
    bom = bom_encoding(data)
    if bom:
        return _decode_or_reject(data, bom, origin, forced=False)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    for charset in declared:
        if not charset or _same_codec(charset, "utf-8"):
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError(_not_utf8(first_error), origin)


def decode_line(raw: bytes, forced: str | None) -> str:
    """Decode one JSON Lines or CSV line (UTF-8 unless forced); ``InputError`` without an origin."""
    try:
        return raw.decode(forced or "utf-8")
    except UnicodeDecodeError as exc:
        if forced:
            raise InputError(
                f"cannot be decoded as {forced} (byte offset {exc.start} in the line)"
            ) from exc
        raise InputError(_not_utf8(exc, "in the line")) from exc


def _decode_or_reject(data: bytes, encoding: str, origin: str, *, forced: bool) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        how = "the forced encoding" if forced else "the encoding of its byte-order mark"
        raise InputError(
            f"cannot be decoded as {encoding} ({how}): bad byte at offset {exc.start}", origin
        ) from exc


def _not_utf8(exc: UnicodeDecodeError, where: str = "") -> str:
    bad = exc.object[exc.start : exc.start + 1].hex()
    at = f"byte offset {exc.start}" + (f" {where}" if where else "")
    return (
        f"not valid UTF-8 (byte 0x{bad} at {at}): convert it to UTF-8 or pass the encoding it "
        "uses (--encoding, e.g. cp1251 or latin-1)"
    )


def _same_codec(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


def normalize_text(text: str) -> str:
    """``text`` without a BOM, with ``\\n`` line ends, in Unicode NFC."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _NEWLINES.sub("\n", text)
    return unicodedata.normalize("NFC", text)

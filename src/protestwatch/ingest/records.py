"""Record formats: JSON Lines (``.jsonl``, ``.ndjson``), JSON (``.json``) and CSV (``.csv``).

Each record is an object (or a CSV row under a header) with the keys ``id``, ``url``, ``title``,
``outlet``, ``published``, ``text`` or their aliases (``body``, ``content``, ``date``,
``source`` ..., see ``fields.ALIASES``); unknown keys are ignored.  A bad record is a
``Rejection`` with its 1-based line (for CSV, the line the record starts on) and never stops
the file.  Article origins are ``path:line``.

JSON Lines and CSV are streamed: lines are read one at a time, at most ``max_line_bytes`` each,
so a file of any size is read with flat memory; a longer line is skipped (without being held
in memory) and rejected.  Text is UTF-8 (a BOM on the first line is dropped) unless an encoding
is forced.  A ``.json`` file holds one object or an array of objects (read whole, so it is
capped by ``max_file_bytes``); a ``.json`` file that turns out to hold several objects one
after the other is read as JSON Lines.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from protestwatch.errors import InputError
from protestwatch.ingest.decoding import binary_reason, decode_document, decode_line
from protestwatch.ingest.fields import build_article, canonical_field, canonical_fields
from protestwatch.ingest.options import IngestOptions
from protestwatch.model import Article, Rejection

_SKIP_CHUNK = 1024 * 1024
_WHITESPACE = " \t\r\n"


def capped_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` for each line of ``stream``; ``None`` past ``cap`` bytes."""
    lineno = 0
    while True:
        raw = stream.readline(cap + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > cap and not (len(raw) == cap + 1 and raw.endswith(b"\n")):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line, a chunk at a time
                raw = stream.readline(_SKIP_CHUNK)
            yield lineno, None
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        yield lineno, raw


def _too_long(cap: int) -> str:
    return f"line too long (more than {cap:,} bytes; raise --max-line-bytes to read it)"


def record_article(
    record: Any, *, origin: str, line: int | None, options: IngestOptions
) -> Article | Rejection:
    """The article of one decoded JSON record, or the rejection of its line."""
    if not isinstance(record, dict):
        got = "an array" if isinstance(record, list) else f"a {type(record).__name__}"
        return Rejection(origin, f"record is not a JSON object (got {got})", line)
    where = origin if line is None else f"{origin}:{line}"
    try:
        return build_article(canonical_fields(record), origin=where, options=options)
    except InputError as exc:
        return Rejection(origin, exc.reason, line)


def read_jsonl(
    stream: BinaryIO, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    """The articles of a JSON Lines stream, one per non-blank line, read lazily."""
    for lineno, raw in capped_lines(stream, options.max_line_bytes):
        if raw is None:
            yield Rejection(origin, _too_long(options.max_line_bytes), lineno)
            continue
        if not raw.strip():
            continue
        if lineno == 1:
            reason = binary_reason(raw[:8192])
            if reason:
                yield Rejection(origin, reason, lineno)
                return
        try:
            record = json.loads(decode_line(raw.rstrip(b"\r\n"), options.encoding))
        except InputError as exc:
            yield Rejection(origin, exc.reason, lineno)
            continue
        except json.JSONDecodeError as exc:
            yield Rejection(origin, f"malformed JSON: {exc.msg} (column {exc.colno})", lineno)
            continue
        yield record_article(record, origin=origin, line=lineno, options=options)


def read_json_document(
    data: bytes, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    """The articles of a JSON document: one object or an array of objects."""
    try:
        reason = binary_reason(data[:8192])
        if reason:
            raise InputError(reason)
        text = decode_document(data, origin, forced=options.encoding).lstrip("\ufeff")
    except InputError as exc:
        yield Rejection(origin, exc.reason)
        return
    start = _skip_ws(text, 0)
    if start == len(text):
        yield Rejection(origin, "empty JSON document")
    elif text[start] == "[":
        yield from _json_array(text, start, origin, options)
    elif text[start] == "{":
        yield from _json_objects(data, text, start, origin, options)
    else:
        yield Rejection(origin, "not a JSON object or array of objects", _line_of(text, start))


def _json_objects(
    data: bytes, text: str, start: int, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    try:
        record, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        yield Rejection(origin, _json_error(exc), exc.lineno)
        return
    if _skip_ws(text, end) == len(text):
        yield record_article(record, origin=origin, line=None, options=options)
    else:  # several objects one after another: JSON Lines under a .json name
        yield from read_jsonl(io.BytesIO(data), origin, options)


def _json_array(
    text: str, start: int, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    decoder = json.JSONDecoder()
    pos, line, counted = _skip_ws(text, start + 1), 1, 0
    if text.startswith("]", pos):
        yield Rejection(origin, "empty JSON array: no records")
        return
    while True:
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            record, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, _json_error(exc), exc.lineno)
            return
        yield record_article(record, origin=origin, line=line, options=options)
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif text.startswith("]", pos) and _skip_ws(text, pos + 1) == len(text):
            return
        else:
            what = (
                "extra data after the array" if text.startswith("]", pos) else "expected ',' or ']'"
            )
            yield Rejection(origin, f"malformed JSON: {what}", _line_of(text, pos))
            return


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# -- CSV ---------------------------------------------------------------------------------------


class _CsvLines:
    """Decoded lines for ``csv.reader``; lines that could not be decoded or were too long are
    replaced by a bare newline and their reasons kept by line number."""

    def __init__(self, stream: BinaryIO, options: IngestOptions) -> None:
        self.problems: dict[int, str] = {}
        self._lines = capped_lines(stream, options.max_line_bytes)
        self._options = options

    def __iter__(self) -> Iterator[str]:
        for lineno, raw in self._lines:
            if raw is None:
                self.problems[lineno] = _too_long(self._options.max_line_bytes)
                yield "\n"
                continue
            try:
                yield decode_line(raw, self._options.encoding)
            except InputError as exc:
                self.problems[lineno] = exc.reason
                yield "\n"

    def problem_in(self, first: int, last: int) -> str | None:
        """The first problem recorded for lines ``first``..``last``, removed from the record."""
        for lineno in range(first, last + 1):
            if lineno in self.problems:
                return self.problems.pop(lineno)
        return None


@contextlib.contextmanager
def _field_size_limit(limit: int) -> Iterator[None]:
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_csv(
    stream: BinaryIO, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    """The articles of a CSV stream with a header row, read lazily (see the module docstring)."""
    lines = _CsvLines(stream, options)
    with _field_size_limit(options.max_line_bytes):
        reader = csv.reader(iter(lines))
        header = _csv_header(reader, lines, origin)
        if isinstance(header, Rejection):
            yield header
            return
        yield from _csv_rows(reader, header, lines, origin, options)


def _csv_header(reader: Any, lines: _CsvLines, origin: str) -> list[str | None] | Rejection:
    try:
        row = next(reader, None)
    except csv.Error as exc:
        return Rejection(origin, f"malformed CSV header: {exc}", 1)
    problem = lines.problem_in(1, reader.line_num)
    if problem or row is None:
        return Rejection(origin, problem or "empty CSV file: expected a header row", 1)
    header = [canonical_field(name) for name in row]
    if "text" not in header:
        return Rejection(
            origin, "the CSV header has no text column (expected `text`, `body` or `content`)", 1
        )
    return header


def _csv_rows(
    reader: Any, header: list[str | None], lines: _CsvLines, origin: str, options: IngestOptions
) -> Iterator[Article | Rejection]:
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(origin, f"malformed CSV: {exc}", first)
            continue
        problem = lines.problem_in(first, reader.line_num)
        if problem:
            yield Rejection(origin, problem, first)
        elif not any(cell.strip() for cell in row):
            continue
        elif len(row) > len(header):
            yield Rejection(origin, f"{len(row)} fields, but the header has {len(header)}", first)
        else:
            yield record_article(
                _row_record(header, row), origin=origin, line=first, options=options
            )


def _row_record(header: Iterable[str | None], row: list[str]) -> Mapping[str, Any]:
    record: dict[str, Any] = {}
    for name, cell in zip(header, row):
        if name is not None and cell.strip() and name not in record:
            record[name] = cell
    return record

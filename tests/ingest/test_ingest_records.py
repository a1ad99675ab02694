"""JSON Lines, JSON and CSV: aliases, line numbers, every bad-record kind, streaming."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article, Rejection

TEXT_A = "Nurses at the city hospital in Karaganda staged a sit-in on Monday over unpaid overtime."
TEXT_B = "Residents of a village near Osh blocked the road to a gold mine, saying it poisons wells."


def read(path: Path, **options: object) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], options=IngestOptions(**options)))  # type: ignore[arg-type]


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_with_aliases_and_line_numbers(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "batch.jsonl",
        json.dumps(
            {
                "id": "n-1",
                "url": "https://a.example/1",
                "title": "Sit-in",
                "outlet": "Daily",
                "published": "2023-02-06",
                "text": TEXT_A,
                "extra": [1, 2],
            }
        ),
        "",
        json.dumps(
            {
                "Body": TEXT_B,
                "Date": "Tue, 07 Feb 2023 09:30:00 +0600",
                "source": {"id": "wire", "name": "Mountain Wire"},
                "headline": "Road blocked",
            }
        ),
    )
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.url, first.title, first.outlet) == (
        "n-1",
        "https://a.example/1",
        "Sit-in",
        "Daily",
    )
    assert first.origin == f"{path}:1"
    assert second.origin == f"{path}:3"
    assert second.title == "Road blocked" and second.outlet == "Mountain Wire"
    assert second.published == dt.date(2023, 2, 7)
    assert second.id == "a-" + second.hash[:16]  # no id given: derived from the content


def test_jsonl_bad_records_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "bad.ndjson",
        json.dumps({"text": TEXT_A, "published": "2023-02-06"}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        '"just a string"',
        json.dumps({"title": "no text", "published": "2023-02-06"}),
        json.dumps({"text": "   ", "published": "2023-02-06"}),
        json.dumps({"text": "Too short.", "published": "2023-02-06"}),
        json.dumps({"text": ["a", "list"], "published": "2023-02-06"}),
        json.dumps({"text": TEXT_B, "published": "32/13/2023"}),
        json.dumps({"text": TEXT_B}),
        json.dumps({"text": TEXT_B, "published": "2023-02-07", "title": {"nested": True}}),
        json.dumps({"text": TEXT_B, "published": "2023-02-07"}),
    )
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article"] + ["Rejection"] * 10 + ["Article"]
    reasons = {i.line: i.reason for i in items if isinstance(i, Rejection)}
    assert all(i.origin == str(path) for i in items if isinstance(i, Rejection))
    assert reasons[2].startswith("malformed JSON: Unterminated string")
    assert reasons[3] == "record is not a JSON object (got an array)"
    assert reasons[4] == "record is not a JSON object (got a str)"
    assert reasons[5].startswith("missing text")
    assert reasons[6] == "empty text"
    assert reasons[7].startswith("text too short (10 characters")
    assert reasons[8] == "text is not a string (got list)"
    assert "'32/13/2023'" in reasons[9]
    assert reasons[10].startswith("no publication date")
    assert reasons[11] == "`title` must be a string (got dict)"
    assert items[-1].origin == f"{path}:12"  # type: ignore[union-attr]


def test_jsonl_default_published_fills_missing_dates_only(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "d.jsonl",
        json.dumps({"text": TEXT_A}),
        json.dumps({"text": TEXT_B, "published": "2020-11-30"}),
    )
    a, b = read(path, default_published=dt.date(2021, 1, 1))
    assert a.published == dt.date(2021, 1, 1) and b.published == dt.date(2020, 11, 30)  # type: ignore[union-attr]


def test_jsonl_bom_invalid_utf8_and_overlong_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": TEXT_A, "published": "2023-02-06"}).encode()
    latin = json.dumps(
        {
            "text": "Gr\u00e8ve des cheminots \u00e0 Lyon ce mardi matin, disent-ils.",
            "published": "2023-02-06",
        },
        ensure_ascii=False,
    ).encode("latin-1")
    long_line = json.dumps({"text": "x" * 5000, "published": "2023-02-06"}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + latin + b"\n" + long_line + b"\n" + good)
    items = read(path, max_line_bytes=2000)
    assert isinstance(items[0], Article) and isinstance(items[3], Article)
    assert items[1].line == 2 and "not valid UTF-8" in items[1].reason  # type: ignore[union-attr]
    assert "byte offset" in items[1].reason  # type: ignore[union-attr]
    assert items[2].line == 3 and items[2].reason.startswith("line too long (more than 2,000 bytes")  # type: ignore[union-attr]
    assert items[3].origin == f"{path}:4"  # type: ignore[union-attr]


def test_jsonl_binary_file_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 1000)
    assert [(r.reason[:11], r.line) for r in read(path)] == [("binary data", None)]  # type: ignore[union-attr]


def test_json_array_reports_the_line_of_each_record(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text(
        "[\n  "
        + json.dumps({"text": TEXT_A, "date": "2023-02-06"})
        + ",\n\n  "
        + json.dumps({"text": "tiny", "date": "2023-02-06"})
        + ",\n  42,\n  "
        + json.dumps({"content": TEXT_B, "date": "6 February 2023"})
        + "\n]\n",
        encoding="utf-8",
    )
    items = read(path)
    assert items[0].origin == f"{path}:2"  # type: ignore[union-attr]
    assert (items[1].line, items[1].reason[:14]) == (4, "text too short")  # type: ignore[union-attr]
    assert (items[2].line, items[2].reason) == (5, "record is not a JSON object (got a int)")  # type: ignore[union-attr]
    assert isinstance(items[3], Article) and items[3].origin == f"{path}:6"


def test_json_single_object_and_malformed_documents(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps({"text": TEXT_A, "published": "2023-02-06"}, indent=2), encoding="utf-8"
    )
    (got,) = read(one)
    assert isinstance(got, Article) and got.origin == str(one)
    broken = tmp_path / "broken.json"
    broken.write_text('[\n {"text": "a"},\n {"text": }\n]', encoding="utf-8")
    items = read(broken)
    assert items[-1].reason.startswith("malformed JSON: Expecting value (line 3")  # type: ignore[union-attr]
    assert items[-1].line == 3  # type: ignore[union-attr]
    for content, reason in [
        ("", "empty JSON document"),
        ("[]", "empty JSON array: no records"),
        ('"text"', "not a JSON object or array of objects"),
    ]:
        broken.write_text(content, encoding="utf-8")
        assert [r.reason for r in read(broken)] == [reason]  # type: ignore[union-attr]


def test_json_file_holding_json_lines_is_read_as_json_lines(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "lines.json",
        json.dumps({"text": TEXT_A, "published": "2023-02-06"}),
        json.dumps({"text": TEXT_B, "published": "2023-02-07"}),
    )
    items = read(path)
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2"]  # type: ignore[union-attr]


def test_csv_with_header_aliases_quoted_newlines_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "ID,Headline,Body,Date,Link,ignored\r\n"
        f'c-1,Sit-in,"{TEXT_A}",2023-02-06,https://a.example/1,x\r\n'
        'c-2,Road,"Residents of a village near Osh blocked the road.\n\nThey said the mine '
        'poisons their wells.",07/02/2023,,\r\n'
        "\r\n"
        "c-3,Short,Too short,2023-02-06,,\r\n"
        f'c-4,Too many,"{TEXT_B}",2023-02-06,,,surplus\r\n'
        f'c-5,Undated,"{TEXT_B}",,,\r\n'
        f'c-6,Fewer fields,"{TEXT_B}",2023-02-08\r\n',
        encoding="utf-8",
    )
    items = read(path)
    a, b = items[0], items[1]
    assert isinstance(a, Article) and a.id == "c-1" and a.url == "https://a.example/1"
    assert a.origin == f"{path}:2" and a.title == "Sit-in"
    assert isinstance(b, Article) and b.origin == f"{path}:3" and b.published == dt.date(2023, 2, 7)
    assert "\n\nThey said" in b.text
    rejected = {(r.line, r.reason.split(" (")[0]) for r in items if isinstance(r, Rejection)}
    assert rejected == {
        (7, "text too short"),
        (8, "7 fields, but the header has 6"),
        (9, "no publication date: add `published` or pass --published"),
    }
    assert items[-1].origin == f"{path}:10" and items[-1].published == dt.date(2023, 2, 8)  # type: ignore[union-attr]


def test_csv_without_text_column_or_header(tmp_path: Path) -> None:
    path = tmp_path / "notext.csv"
    path.write_text("id,title,date\n1,Rally,2023-01-01\n", encoding="utf-8")
    assert [(r.line, r.reason) for r in read(path)] == [  # type: ignore[union-attr]
        (1, "the CSV header has no text column (expected `text`, `body` or `content`)")
    ]
    path.write_text("", encoding="utf-8")
    assert read(path)[0].reason == "empty CSV file: expected a header row"  # type: ignore[union-attr]


def test_csv_field_size_cap_undecodable_rows_and_the_run_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "capped.csv"
    big = "y" * 3000
    path.write_bytes(
        b"text,published\n"
        + f'"{TEXT_A}",2023-02-06\n'.encode()
        + b'"Gr\xe8ve des cheminots \xe0 Lyon ce mardi matin",2023-02-06\n'
        + f'"{big}",2023-02-06\n'.encode()
        + f'"{TEXT_B}",2023-02-07\n'.encode()
    )
    items = read(path, max_line_bytes=1000)
    assert isinstance(items[0], Article)
    assert items[1].line == 3 and "not valid UTF-8" in items[1].reason  # type: ignore[union-attr]
    assert items[2].line == 4 and items[2].reason.startswith("line too long")  # type: ignore[union-attr]
    assert isinstance(items[-1], Article) and items[-1].origin == f"{path}:5"


def test_csv_multiline_field_over_the_cap_is_rejected_by_the_field_limit(tmp_path: Path) -> None:
    path = tmp_path / "multiline.csv"
    para = "A paragraph about the strike at the copper smelter. " * 8
    path.write_text(
        "text,published\n"
        + '"'
        + "\n".join([para] * 6)
        + '",2023-02-06\n'
        + f'"{TEXT_B}",2023-02-07\n',
        encoding="utf-8",
    )
    items = read(path, max_line_bytes=1000)
    assert items[0].line == 2 and "field larger than field limit" in items[0].reason  # type: ignore[union-attr]
    assert isinstance(items[-1], Article) and items[-1].published == dt.date(2023, 2, 7)


def _resident_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_a_100_mb_jsonl_file_streams_with_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    paragraph = (
        "Protesters gathered in the main square and chanted slogans against the new tax. " * 600
    )
    line = (json.dumps({"text": paragraph, "published": "2023-03-01"}) + "\n").encode()
    count = 100 * 1024 * 1024 // len(line) + 1
    with path.open("wb") as handle:
        for _ in range(count):
            handle.write(line)
    assert path.stat().st_size > 100 * 1024 * 1024
    baseline = _resident_bytes()
    peak, seen = baseline, 0
    for item in read_inputs([str(path)]):
        assert isinstance(item, Article)
        seen += 1
        if seen % 50 == 0:
            peak = max(peak, _resident_bytes())
    assert seen == count
    assert peak - baseline < 20 * 1024 * 1024, f"grew by {peak - baseline:,} bytes: not streamed"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_line_cap_is_an_option(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"cap{suffix}"
    if suffix == ".jsonl":
        path.write_text(
            json.dumps({"text": TEXT_A, "published": "2023-02-06"}) + "\n", encoding="utf-8"
        )
        line = 1
    else:
        path.write_text(f'text,published\n"{TEXT_A}",2023-02-06\n', encoding="utf-8")
        line = 2
    assert isinstance(read(path)[0], Article)
    assert (read(path, max_line_bytes=40)[-1].line) == line  # type: ignore[union-attr]

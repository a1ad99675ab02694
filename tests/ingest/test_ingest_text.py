"""Plain-text and Markdown files: front matter, sidecars, encodings, and every rejection."""

from __future__ import annotations

import datetime as dt
import json
import time
import unicodedata
from pathlib import Path

import pytest

from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.ingest.text import split_front_matter
from protestwatch.model import Article, Rejection

BODY = (
    "Several hundred market traders gathered outside the regional akimat in Taraz on Tuesday,\n"
    "demanding that officials reverse a decision to close the central bazaar.\n\n"
    "Police kept watch but made no arrests, according to a local journalist."
)


def one(path: Path, **options: object) -> Article | Rejection:
    items = list(read_inputs([str(path)], options=IngestOptions(**options)))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def article(path: Path, **options: object) -> Article:
    item = one(path, **options)
    assert isinstance(item, Article), item
    return item


def rejection(path: Path, **options: object) -> Rejection:
    item = one(path, **options)
    assert isinstance(item, Rejection), item
    return item


def test_front_matter_fills_metadata_and_is_removed_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bazaar.md"
    path.write_text(
        "---\nid: kz-0042\ntitle: 'Traders protest bazaar closure'\noutlet: Steppe Herald\n"
        "url: https://steppe.example/bazaar\npublished: 2022-06-14\nlanguage: EN\n---\n" + BODY,
        encoding="utf-8",
    )
    got = article(path)
    assert got.id == "kz-0042"
    assert got.title == "Traders protest bazaar closure"
    assert got.outlet == "Steppe Herald"
    assert got.url == "https://steppe.example/bazaar"
    assert got.published == dt.date(2022, 6, 14)
    assert got.language == "en"
    assert got.text == BODY
    assert got.origin == str(path)


def test_front_matter_aliases_comments_and_yaml_lists_are_tolerated() -> None:
    fields, body = split_front_matter(
        '---\n# scraped by hand\nHeadline: Farmers block road\ndate: "5 May 2020"\n'
        "tags:\n  - land\n  - farmers\n...\nThe text starts here."
    )
    assert fields == {"Headline": "Farmers block road", "date": "5 May 2020", "tags": ""}
    assert body == "The text starts here."


def test_unclosed_front_matter_is_text() -> None:
    text = "---\ntitle: nothing closes this\n" + "line\n" * 60
    assert split_front_matter(text) == ({}, text)


def test_without_title_metadata_there_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Bazaar traders protest\n\n" + BODY, encoding="utf-8")
    got = article(path, default_published=dt.date(2022, 6, 15))
    assert got.title is None
    assert got.text.startswith("Bazaar traders protest")
    assert got.published == dt.date(2022, 6, 15)
    assert got.id == "a-" + got.hash[:16]


def test_sidecar_wins_over_front_matter_key_by_key(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "---\ntitle: Front-matter title\npublished: 2022-06-14\noutlet: Steppe Herald\n---\n"
        + BODY,
        encoding="utf-8",
    )
    (tmp_path / "story.json").write_text(
        json.dumps({"title": "Sidecar title", "date": "2022-06-13", "link": "https://x.example/s"}),
        encoding="utf-8",
    )
    got = article(path)
    assert got.title == "Sidecar title"
    assert got.published == dt.date(2022, 6, 13)
    assert got.url == "https://x.example/s"
    assert got.outlet == "Steppe Herald"  # not in the sidecar: the front matter's stays


def test_broken_sidecar_rejects_the_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(BODY, encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "unterminated', encoding="utf-8")
    got = rejection(path, default_published=dt.date(2022, 1, 1))
    assert got.reason.startswith("sidecar story.json: malformed JSON")
    (tmp_path / "story.json").write_text("[1, 2]", encoding="utf-8")
    assert "expected a JSON object" in rejection(path, default_published=dt.date(2022, 1, 1)).reason


def test_bom_crlf_and_nfc_are_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize(
        "NFD", "Protesters in Öskemen and Şymkent gathered on Sunday."
    )
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + ("---\r\npublished: 2021-01-05\r\n---\r\n" + decomposed + "\r\nEnd.\r").encode()
    )
    got = article(path)
    assert got.published == dt.date(2021, 1, 5)
    assert "\r" not in got.text and "\ufeff" not in got.text
    assert got.text == unicodedata.normalize("NFC", decomposed) + "\nEnd."


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Жители Актобе вышли на митинг против роста цен на газ.".encode("utf-16"))
    got = article(path, default_published=dt.date(2022, 1, 3))
    assert got.text.startswith("Жители Актобе")


def test_legacy_encoding_is_rejected_with_offset_unless_forced(tmp_path: Path) -> None:
    text = "Водители перекрыли трассу у Жанаозена, требуя снизить цены на топливо."
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    got = rejection(path, default_published=dt.date(2022, 1, 3))
    assert "not valid UTF-8" in got.reason
    assert "byte offset 0" in got.reason and "--encoding" in got.reason
    forced = article(path, default_published=dt.date(2022, 1, 3), encoding="cp1251")
    assert forced.text == text


def test_forced_encoding_that_does_not_fit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Protest in Bishkek \xff\xfe over the new mining law was peaceful.")
    got = rejection(path, default_published=dt.date(2022, 1, 3), encoding="ascii")
    assert "cannot be decoded as ascii" in got.reason and "offset 19" in got.reason


def test_binary_files_are_rejected(tmp_path: Path) -> None:
    nul = tmp_path / "photo.txt"
    nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary data (NUL byte" in rejection(nul).reason
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"text")
    assert "control bytes" in rejection(controls).reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty text"),
        ("   \n\n\t  ", "empty text"),
        ("---\npublished: 2021-01-01\n---\n", "empty text"),
        ("Rally held.", "text too short (11 characters; at least 20 are needed)"),
    ],
)
def test_empty_and_short_texts_are_rejected(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "short.txt"
    path.write_text(content, encoding="utf-8")
    assert rejection(path, default_published=dt.date(2021, 1, 1)).reason == reason


def test_missing_and_bad_dates(tmp_path: Path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text(BODY, encoding="utf-8")
    assert rejection(path).reason == "no publication date: add `published` or pass --published"
    path.write_text("---\npublished: the week before last\n---\n" + BODY, encoding="utf-8")
    got = rejection(path, default_published=dt.date(2021, 1, 1))
    assert "'the week before last'" in got.reason and "unparseable" in got.reason


def test_a_100_mb_text_file_is_rejected_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Demonstrators marched through the capital. " * 10)
        handle.truncate(100 * 1024 * 1024)  # sparse: nothing is written past the start
    started = time.perf_counter()
    got = rejection(path, default_published=dt.date(2021, 1, 1))
    assert time.perf_counter() - started < 1.0
    assert got.reason.startswith("too large (104,857,600 bytes; the limit is 20,971,520 bytes)")


def test_the_size_limit_is_an_option(tmp_path: Path) -> None:
    path = tmp_path / "mid.txt"
    path.write_text(BODY, encoding="utf-8")
    assert "too large" in rejection(path, max_file_bytes=100).reason
    assert isinstance(
        one(path, max_file_bytes=10_000, default_published=dt.date(2021, 1, 1)), Article
    )

"""Dispatch over inputs: directories, globs, stdin, duplicates; failures never sink a batch."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

import protestwatch.ingest.sources as sources
from protestwatch.errors import ConfigError
from protestwatch.ingest import IngestOptions, read_inputs, read_stdin
from protestwatch.model import Article, Rejection

DAY = dt.date(2023, 5, 1)
OPTIONS = IngestOptions(default_published=DAY)


def story(n: int) -> str:
    return f"Story {n}: students marched from the university to the parliament building on Monday."


def names(items: list[Article | Rejection]) -> list[str]:
    return [
        (i.origin or "").rsplit("/", 1)[-1]
        if isinstance(i, Article)
        else f"REJ {i.origin.rsplit('/', 1)[-1]}"
        for i in items
    ]


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "Sidecar of a"}), encoding="utf-8")
    (tmp_path / "records.json").write_text(json.dumps([{"text": story(2)}]), encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text(story(3), encoding="utf-8")
    (tmp_path / "b" / "deep" / "d.jsonl").write_text(
        json.dumps({"text": story(4)}) + "\n", encoding="utf-8"
    )
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4 not an input")
    (tmp_path / ".secret.txt").write_text(story(5), encoding="utf-8")
    (tmp_path / ".hidden" / "e.txt").write_text(story(6), encoding="utf-8")
    return tmp_path


def test_directory_is_walked_sorted_skipping_hidden_sidecars_and_unknown_suffixes(
    tree: Path,
) -> None:
    items = list(read_inputs([str(tree)], options=OPTIONS))
    assert names(items) == ["a.txt", "c.md", "d.jsonl:1", "records.json:1"]  # path order
    assert items[0].title == "Sidecar of a"  # type: ignore[union-attr]


def test_glob_patterns_expand_sorted_and_skip_sidecars(tree: Path) -> None:
    items = list(read_inputs([str(tree / "*.json*"), str(tree / "**" / "*.md")], options=OPTIONS))
    assert names(items) == ["records.json:1", "c.md"]
    (missing,) = read_inputs([str(tree / "*.nothing")], options=OPTIONS)
    assert isinstance(missing, Rejection) and missing.reason == "no files match this pattern"


def test_a_file_reached_twice_is_read_once(tree: Path) -> None:
    items = list(
        read_inputs([str(tree / "a.txt"), str(tree), str(tree / "*.txt")], options=OPTIONS)
    )
    assert names(items).count("a.txt") == 1


def test_directory_loop_is_rejected_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "x.txt").write_text(story(7), encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "inner" / "loop")
    os.symlink(tmp_path / "gone.txt", tmp_path / "inner" / "broken.txt")
    items = list(read_inputs([str(tmp_path)], options=OPTIONS))
    rejected = {i.origin.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Rejection)}
    assert rejected["loop"].startswith("unreadable: directory loop")
    assert rejected["broken.txt"].startswith("unreadable: a broken link")
    assert [i.origin.rsplit("/", 1)[-1] for i in items if isinstance(i, Article)] == ["x.txt"]


def test_missing_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(story(8), encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(locked)], options=OPTIONS))
    assert [i.reason for i in items] == [  # type: ignore[union-attr]
        "unreadable: no such file or directory",
        "unreadable: permission denied",
    ]


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "export.dat").write_text(json.dumps({"text": story(9)}) + "\n", encoding="utf-8")
    (tmp_path / "note").write_text(story(10), encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    items = list(
        read_inputs(
            [str(tmp_path / n) for n in ("export.dat", "note", "blob.bin")], options=OPTIONS
        )
    )
    assert names(items) == ["export.dat:1", "note", "REJ blob.bin"]


def test_forced_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text(json.dumps({"text": story(11), "id": "s11"}) + "\n", encoding="utf-8")
    (got,) = read_inputs([str(path)], options=IngestOptions(default_published=DAY, format="jsonl"))
    assert isinstance(got, Article) and got.id == "s11"
    with pytest.raises(ConfigError):
        IngestOptions(format="docx")
    with pytest.raises(ConfigError):
        IngestOptions(encoding="no-such-codec")


def test_a_crash_in_one_input_is_a_rejection_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(story(12), encoding="utf-8")

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(sources, "read_feed", explode)
    feed = tmp_path / "f.rss"
    feed.write_text("<rss></rss>", encoding="utf-8")
    items = list(read_inputs([str(feed), str(good)], options=OPTIONS))
    assert (
        isinstance(items[0], Rejection)
        and items[0].reason == "internal error while reading: RuntimeError: boom"
    )
    assert isinstance(items[1], Article)


def stdin_of(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(data))


def test_stdin_json_lines_are_sniffed_and_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n\n" + json.dumps({"text": story(13)}) + "\nnot json\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin_of(data.encode())))
    first, second = read_inputs(["-"], options=OPTIONS)
    assert isinstance(first, Article) and first.origin == "<stdin>:3"
    assert isinstance(second, Rejection) and (second.origin, second.line) == ("<stdin>", 4)


def test_stdin_plain_text_and_forced_csv() -> None:
    (text,) = read_stdin(OPTIONS, stdin_of(("  " + story(14) + "\r\n").encode()))
    assert isinstance(text, Article) and text.text == story(14) and text.origin == "<stdin>"
    csv_data = f'text,published\n"{story(15)}",2023-05-02\n'.encode()
    (row,) = read_stdin(IngestOptions(format="csv"), stdin_of(csv_data))
    assert isinstance(row, Article) and row.published == dt.date(2023, 5, 2)
    (big,) = read_stdin(IngestOptions(max_file_bytes=50), stdin_of(story(16).encode() * 3))
    assert isinstance(big, Rejection) and big.reason.startswith("too large")
    (binary,) = read_stdin(OPTIONS, stdin_of(b"\x00\x01binary"))
    assert isinstance(binary, Rejection) and binary.reason.startswith("binary data")

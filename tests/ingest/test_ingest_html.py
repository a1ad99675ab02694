"""HTML pages through trafilatura: text, title, date, charset and sidecars."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article, Rejection

PARAGRAPHS = [
    "Hundreds of miners rallied outside the company headquarters in Zhezkazgan on Thursday, "
    "demanding a wage increase and safer conditions underground.",
    "The workers, many still in their helmets, held banners calling for the resignation of the "
    "site director. Organisers said the protest would continue until talks began.",
    "A spokesperson for the company said management was ready to meet a delegation of workers "
    "next week, but declined to comment on the pay demands.",
]


def page(
    *,
    title: str = "Miners rally for higher wages",
    date: str | None = "2022-11-17",
    charset: str = "utf-8",
    paragraphs: list[str] = PARAGRAPHS,
) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title} | Steppe Post</title>'
        f'<meta property="og:site_name" content="Steppe Post">{meta}</head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Steppe Post. All rights reserved.</footer></body></html>"
    )


def read(path: Path, **options: object) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], options=IngestOptions(**options)))  # type: ignore[arg-type]


def test_main_text_title_outlet_and_date_are_extracted(tmp_path: Path) -> None:
    path = tmp_path / "miners.html"
    path.write_text(page(), encoding="utf-8")
    (got,) = read(path)
    assert isinstance(got, Article)
    assert got.title and "Miners rally for higher wages" in got.title
    assert got.outlet == "Steppe Post"
    assert got.published == dt.date(2022, 11, 17)
    for paragraph in PARAGRAPHS:
        assert paragraph in got.text
    assert "\n\nThe workers" in got.text  # paragraphs separated by a blank line
    assert "All rights reserved" not in got.text and "Home" not in got.text
    assert got.origin == str(path)


def test_page_without_date_uses_the_default_or_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(page(date=None), encoding="utf-8")
    (got,) = read(path)
    assert isinstance(got, Rejection) and got.reason.startswith("no publication date")
    (got,) = read(path, default_published=dt.date(2022, 11, 18))
    assert isinstance(got, Article) and got.published == dt.date(2022, 11, 18)


def test_page_with_no_extractable_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Gallery</title></head><body><img src='a.jpg'></body></html>",
        encoding="utf-8",
    )
    (got,) = read(path, default_published=dt.date(2022, 1, 1))
    assert isinstance(got, Rejection)
    assert got.reason == "no article text could be extracted from the page"


def test_meta_charset_decodes_a_legacy_page(tmp_path: Path) -> None:
    russian = [
        "В четверг сотни шахтёров собрались у здания управления компании в Жезказгане и "
        "потребовали повышения зарплаты и безопасных условий труда.",
        "Рабочие держали плакаты с требованием отставки директора рудника. Организаторы "
        "заявили, что акция продолжится до начала переговоров.",
    ]
    path = tmp_path / "cp1251.html"
    path.write_bytes(
        page(title="Шахтёры вышли на митинг", charset="windows-1251", paragraphs=russian).encode(
            "cp1251"
        )
    )
    (got,) = read(path)
    assert isinstance(got, Article), got
    assert russian[0] in got.text and got.title and got.title.startswith("Шахтёры")


def test_undeclared_legacy_page_is_rejected_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    html = page(
        charset="utf-8",
        paragraphs=[
            "Grève générale à Marseille : des milliers de "
            "manifestants ont défilé jeudi contre la réforme."
        ],
    )
    path.write_bytes(html.encode("latin-1"))
    (got,) = read(path)
    assert isinstance(got, Rejection) and "not valid UTF-8" in got.reason


def test_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "miners.html"
    path.write_text(page(), encoding="utf-8")
    (tmp_path / "miners.json").write_text(
        json.dumps({"id": "sp-77", "published": "2022-11-16", "url": "https://steppe.example/m"}),
        encoding="utf-8",
    )
    (got,) = read(path)
    assert isinstance(got, Article)
    assert (got.id, got.published, got.url) == (
        "sp-77",
        dt.date(2022, 11, 16),
        "https://steppe.example/m",
    )


def test_binary_disguised_as_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "fake.html"
    path.write_bytes(b"GIF89a\x00\x01\x00\x01" * 20)
    (got,) = read(path)
    assert isinstance(got, Rejection) and got.reason.startswith("binary data")

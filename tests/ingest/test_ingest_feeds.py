"""RSS and Atom feeds: one article per entry, with the feed's title as the outlet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from protestwatch.ingest import IngestOptions, read_inputs
from protestwatch.model import Article, Rejection

LONG = (
    "Taxi drivers in Bishkek parked their cars along the main avenue on Wednesday morning, "
    "protesting against a new licensing fee they say will put them out of work."
)
SECOND = (
    "Parents gathered at the education ministry in Dushanbe to demand that a village "
    "school closed last year be reopened before the winter."
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Central Asia Daily</title><link>https://cad.example/</link>
<item><title>Taxi drivers protest fee</title><link>https://cad.example/taxi</link>
<guid>https://cad.example/?p=101</guid><pubDate>Wed, 12 Oct 2022 09:15:00 +0600</pubDate>
<description>Short teaser only.</description>
<content:encoded><![CDATA[<p>{LONG}</p><p>Police &amp; city officials <b>watched</b>.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Parents demand school reopening</title><link>https://cad.example/school</link>
<description>&lt;p&gt;{SECOND}&lt;/p&gt;</description></item>
<item><title>Teaser</title><link>https://cad.example/t</link>
<pubDate>Thu, 13 Oct 2022 10:00:00 GMT</pubDate>
<description>Read more...</description></item>
<item><title>Odd date</title><pubDate>sometime in autumn</pubDate>
<description>{SECOND}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Wire</title><id>urn:sw</id>
<updated>2022-10-14T12:00:00Z</updated>
<entry><title>Drivers rally</title><id>urn:sw:1</id><link href="https://sw.example/1"/>
<published>2022-10-14T08:00:00Z</published><updated>2022-10-15T08:00:00Z</updated>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
<entry><title>Second</title><id>urn:sw:2</id><link href="https://sw.example/2"/>
<updated>2022-10-16T08:00:00Z</updated><summary>{SECOND}</summary></entry>
</feed>"""


def read(path: Path, **options: object) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], options=IngestOptions(**options)))  # type: ignore[arg-type]


def test_rss_entries_become_articles_or_named_rejections(tmp_path: Path) -> None:
    path = tmp_path / "daily.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third, fourth = read(path)
    assert isinstance(first, Article)
    assert first.outlet == "Central Asia Daily" and first.title == "Taxi drivers protest fee"
    assert first.url == "https://cad.example/taxi" and first.id == "https://cad.example/?p=101"
    assert first.published == dt.date(2022, 10, 12)
    assert first.text == LONG + "\n\nPolice & city officials watched."  # content, not the teaser
    assert first.origin == f"{path}#1"
    assert isinstance(second, Rejection) and second.reason.startswith("entry 2 ('Parents demand")
    assert second.reason.endswith("no publication date: add `published` or pass --published")
    assert isinstance(third, Rejection) and "text too short" in third.reason
    assert isinstance(fourth, Rejection) and "'sometime in autumn'" in fourth.reason


def test_default_date_applies_to_undated_entries(tmp_path: Path) -> None:
    path = tmp_path / "daily.xml"
    path.write_text(RSS, encoding="utf-8")
    items = read(path, default_published=dt.date(2022, 10, 20))
    school = items[1]
    assert isinstance(school, Article) and school.text == SECOND
    assert school.published == dt.date(2022, 10, 20)


def test_atom_published_then_updated(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.published == dt.date(2022, 10, 14) and second.published == dt.date(2022, 10, 16)
    assert first.outlet == "Steppe Wire" and first.url == "https://sw.example/1"
    assert first.text == LONG and second.text == SECOND


def test_feed_is_sniffed_without_a_feed_suffix(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(ATOM, encoding="utf-8")
    assert [type(i).__name__ for i in read(path)] == ["Article", "Article"]


def test_broken_feed_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Unclosed & broken", encoding="utf-8")
    (got,) = read(path)
    assert isinstance(got, Rejection) and got.reason.startswith("not a readable RSS/Atom feed (")


def test_truncated_feed_keeps_what_it_can_and_rejects_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "truncated.rss"
    path.write_text(
        RSS[: RSS.index("<item><title>Parents")] + "<item><title>Cut off</title><description>",
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, Article) and first.published == dt.date(2022, 10, 12)
    assert isinstance(second, Rejection) and second.reason == "entry 2 ('Cut off'): empty text"

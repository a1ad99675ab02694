"""The SQLite store: idempotent ingest, atomic coding, corrections that survive machine runs."""

import datetime as dt
import sqlite3

import pytest

from protestwatch.errors import StoreError
from protestwatch.model import Article, Event, Evidence, Issue, Rejection, Target, TargetType
from protestwatch.store import EventFilter, open_store
from protestwatch.store.schema import SCHEMA_VERSION


def _article(i: int, text: str | None = None) -> Article:
    return Article(
        text=text or f"Article number {i}: about 200 people rallied in Almaty on Saturday.",
        id=f"a{i}", url=f"https://news.example.org/{i}", outlet="Example Daily",
        published=dt.date(2021, 3, 30),
    )  # fmt: skip


def _event(eid: str, aid: str, **kw) -> Event:
    base = dict(
        id=eid, country="KZ", locality="Almaty", date_start=dt.date(2021, 3, 27),
        date_end=dt.date(2021, 3, 27), evidence={"country": (Evidence(aid, 0, 7),)},
    )  # fmt: skip
    base.update(kw)
    return Event(**base)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()


def test_same_content_is_stored_once(store):
    assert store.add_article(_article(1))
    assert not store.add_article(_article(1))
    same_text_other_id = _article(2, text=_article(1).text)
    assert not store.add_article(same_text_other_id)
    assert store.article_states() == {"pending": 1}


def test_rejections_are_recorded_once(store):
    r = Rejection("feed.jsonl", "malformed JSON: Expecting value", line=3)
    assert store.add_rejection(r)
    assert not store.add_rejection(r)
    assert store.rejections() == [r]


def test_coding_replaces_machine_events_atomically(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1"), _event("e2", "a1", locality="Shymkent")])
    assert {e.id for e in store.events()} == {"e1", "e2"}
    store.save_coding("a1", [_event("e1", "a1")])
    assert [e.id for e in store.events()] == ["e1"]
    assert store.article_states() == {"done": 1}


def test_failed_coding_leaves_article_pending(store, monkeypatch):
    store.add_article(_article(1))
    bad = _event("e1", "a1")
    monkeypatch.setattr(type(store), "_refresh", lambda self, eid: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        store.save_coding("a1", [bad])
    monkeypatch.undo()
    assert store.pending_ids() == ["a1"]
    assert store.events() == []


def test_corrections_survive_machine_runs(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1", size_low=100)])
    store.correct("e1", "size_low", 250, author="ana", note="photo count")
    store.save_coding("a1", [_event("e1", "a1", size_low=120)])
    assert store.get_event("e1").size_low == 250
    assert store.machine_event("e1").size_low == 120
    assert [c.author for c in store.corrections("e1")] == ["ana"]


def test_corrected_event_is_kept_when_machine_drops_it(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1")])
    store.correct("e1", "_review", "accepted", author="ana")
    store.save_coding("a1", [])
    assert store.get_event("e1") is not None


def test_rejected_events_are_hidden_but_kept(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1")])
    store.correct("e1", "_review", "rejected", author="ana")
    assert store.events() == []
    assert len(store.events(EventFilter(include_rejected=True))) == 1
    store.save_coding("a1", [_event("e1", "a1")])
    assert store.events() == []


def test_invalid_corrections_are_refused(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1")])
    with pytest.raises(StoreError):
        store.correct("e1", "form", "picnic", author="ana")
    with pytest.raises(StoreError):
        store.correct("e1", "no_such_field", 1, author="ana")
    with pytest.raises(StoreError):
        store.correct("nope", "form", "riot", author="ana")
    assert store.corrections("e1") == []


def test_filters(store):
    store.add_article(_article(1))
    store.add_article(_article(2))
    cn = (Target("China", TargetType.FOREIGN_GOVERNMENT, "CN"),)
    store.save_coding("a1", [_event("e1", "a1", targets=cn, issues=(Issue.LAND,))])
    store.save_coding("a2", [_event("e2", "a2", country="KG", locality="Bishkek",
                                    date_start=dt.date(2020, 1, 5), date_end=dt.date(2020, 1, 5))])
    assert [e.id for e in store.events(EventFilter(target_country="CN"))] == ["e1"]
    assert [e.id for e in store.events(EventFilter(issue="land"))] == ["e1"]
    assert [e.id for e in store.events(EventFilter(country="KG"))] == ["e2"]
    assert [e.id for e in store.events(EventFilter(date_from=dt.date(2021, 1, 1)))] == ["e1"]
    assert [e.id for e in store.events(EventFilter(date_to=dt.date(2020, 12, 31)))] == ["e2"]
    assert store.count_events() == 2
    assert len(store.events(EventFilter(text="rallied"))) == 2


def test_fts_query_errors_are_store_errors(store):
    with pytest.raises(StoreError):
        store.search_articles('"unbalanced')


def test_hostile_values_are_data_not_sql(store):
    evil = "x'); DROP TABLE events; --"
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1", location_detail=evil)])
    assert store.events(EventFilter(country=evil)) == []
    assert store.get_event("e1").location_detail == evil


def test_schema_is_versioned_and_reopens(tmp_path):
    path = tmp_path / "v.db"
    s = open_store(path)
    assert s.schema_version == SCHEMA_VERSION
    s.close()
    s = open_store(path)
    assert s.schema_version == SCHEMA_VERSION
    s.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_migrations(version) VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(path)

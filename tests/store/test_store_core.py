"""The store's guarantees, on every backend: idempotent ingest, atomic coding, corrections that
survive machine runs, filters, full-text search, hostile values."""

from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.errors import StoreError
from protestwatch.model import Issue, Rejection, Target, TargetType
from protestwatch.store import EventFilter, open_store
from protestwatch.store.schema import SCHEMA_VERSION

from .conftest import article as _article
from .conftest import event as _event


def test_same_content_is_stored_once(store):
    assert store.add_article(_article(1))
    assert not store.add_article(_article(1))
    same_text_other_id = _article(2, text=_article(1).text)
    assert not store.add_article(same_text_other_id)
    assert store.article_states() == {"pending": 1}
    assert store.get_article("a1") == _article(1)
    assert [a.id for a in store.articles()] == ["a1"]


def test_articles_keep_their_order_of_arrival(store):
    for i in (5, 3, 9, 1):
        store.add_article(_article(i))
    assert store.pending_ids() == ["a5", "a3", "a9", "a1"]
    assert [a.id for a in store.articles(state="pending")] == ["a5", "a3", "a9", "a1"]


def test_rejections_are_recorded_once(store):
    r = Rejection("feed.jsonl", "malformed JSON: Expecting value", line=3)
    assert store.add_rejection(r)
    assert not store.add_rejection(r)
    assert store.rejections() == [r]


def test_runs_are_recorded(store):
    run = store.start_run("ingest", "1.0")
    store.finish_run(run, {"read": 3})
    (row,) = store.runs()
    assert row["id"] == run and row["state"] == "finished" and row["counts"] == {"read": 3}


def test_coding_replaces_machine_events_atomically(store):
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1"), _event("e2", "a1", locality="Shymkent")])
    assert {e.id for e in store.events()} == {"e1", "e2"}
    store.save_coding("a1", [_event("e1", "a1")])
    assert [e.id for e in store.events()] == ["e1"]
    assert store.article_states() == {"done": 1}


def test_saving_the_same_coding_twice_changes_nothing(store):
    store.add_article(_article(1))
    coding = [_event("e1", "a1", issues=(Issue.LAND,)), _event("e2", "a1", locality="Shymkent")]
    store.save_coding("a1", coding)
    first = [e.to_dict() for e in store.events()]
    store.save_coding("a1", coding)
    assert [e.to_dict() for e in store.events()] == first
    assert store.count_events(EventFilter(issue="land")) == 1


def test_coding_an_unknown_article_is_refused(store):
    with pytest.raises(StoreError, match="no article"):
        store.save_coding("nope", [])


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
    assert store.review_state("e1") == "corrected"


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
    assert store.summary()["events"] == 0


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
    assert store.audit_log() == []


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
    assert store.summary()["events_by_country"] == {"KG": 1, "KZ": 1}


def test_full_text_search(store):
    store.add_article(_article(1, text="Teachers marched to the ministry demanding unpaid wages."))
    store.add_article(_article(2, text="Farmers blocked the highway over land leases to a foreign firm."))
    store.add_article(_article(3, text="Unpaid miners held a sit-in; the teachers' union joined them."))
    found = lambda q: sorted(store.search_articles(q))  # noqa: E731
    assert found("teachers") == ["a1", "a3"]
    assert found('"unpaid wages"') == ["a1"]
    assert found("teach*") == ["a1", "a3"]
    assert found("farmers OR miners") == ["a2", "a3"]
    assert found("unpaid NOT miners") == ["a1"]
    assert found("(farmers OR teachers) AND highway") == ["a2"]
    assert found("TEACHERS ministry") == ["a1"]
    assert found("astronauts") == []


@pytest.mark.parametrize("query", ['"unbalanced', "(teachers", "teachers OR", "***"])
def test_bad_full_text_queries_are_store_errors(store, query):
    store.add_article(_article(1))
    with pytest.raises(StoreError):
        store.search_articles(query)
    with pytest.raises(StoreError):
        store.events(EventFilter(text=query))


def test_hostile_values_are_data_not_sql(store):
    evil = "x'); DROP TABLE events; --"
    store.add_article(_article(1))
    store.save_coding("a1", [_event("e1", "a1", location_detail=evil)])
    assert store.events(EventFilter(country=evil)) == []
    assert store.events(EventFilter(organizer="%")) == []
    try:  # FTS5 refuses this query; PostgreSQL reads it as words; neither runs it as SQL
        assert store.search_articles("x') OR 1=1 --") == []
    except StoreError:
        pass
    assert store.get_event("e1").location_detail == evil
    store.correct("e1", "location_detail", "?; %s %(x)s ' \"", author="o'brien")
    assert store.get_event("e1").location_detail == "?; %s %(x)s ' \""


def test_schema_is_versioned_and_reopens(db):
    s = open_store(db)
    assert s.schema_version == SCHEMA_VERSION
    s.add_article(_article(1))
    s.close()
    s = open_store(db)
    assert s.schema_version == SCHEMA_VERSION
    assert s.article_states() == {"pending": 1}
    s.close()


def test_newer_schema_is_refused(db):
    s = open_store(db)
    s.execute("INSERT INTO schema_migrations(version) VALUES (?)", (SCHEMA_VERSION + 1,))
    s.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_transaction_helper_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ("k", "v"))
            with store.transaction():  # nested blocks join the outer one
                store.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ("k2", "v"))
            raise RuntimeError("stop")
    assert store.fetchall("SELECT key FROM settings") == []
    with store.transaction(lock="clusters"):
        store.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ("k", "v"))
    assert [tuple(r) for r in store.fetchall("SELECT key, value FROM settings")] == [("k", "v")]

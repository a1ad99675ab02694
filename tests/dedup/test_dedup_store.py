"""Real-world events in the SQLite store: incremental runs, stable ids, human decisions, audit."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from protestwatch.errors import StoreConflict, StoreError
from protestwatch.model import Article
from protestwatch.store import open_store
from protestwatch.store.clusters import (
    cluster_of,
    cluster_store,
    decisions,
    links,
    members,
    memberships,
    merge,
    reconciled_event,
    reconciled_events,
    split,
)  # fmt: skip
from protestwatch.store.sqlite import EventFilter

from .conftest import make_event

TEXT = "Several hundred residents rallied in the city centre on Saturday against higher heating tariffs."


def _pgfixture():
    """The store tests' PostgreSQL helper (a fresh schema per test), loaded by its path."""
    path = Path(__file__).resolve().parent.parent / "store" / "pgfixture.py"
    spec = importlib.util.spec_from_file_location("protestwatch_test_pgfixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """The store under test, on each backend."""
    if request.param == "sqlite":
        s = open_store(tmp_path / "pw.db")
        yield s
        s.close()
        return
    with _pgfixture().fresh_schema() as url:
        s = open_store(url)
        yield s
        s.close()


def code(store, event):
    article = event.sources[0].article_id
    store.add_article(
        Article(text=f"{TEXT} ({article})", id=article, published=event.sources[0].published)
    )
    store.save_coding(article, [event])


def test_migration_adds_the_cluster_tables(store):
    assert store.schema_version >= 2
    if store.dialect == "sqlite":
        rows = store.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = store.fetchall("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                              (store.schema,))  # fmt: skip
    tables = {r[0] for r in rows}
    assert {"clusters", "cluster_members", "cluster_links", "cluster_decisions"} <= tables


def test_rerun_changes_nothing_and_new_reports_join_with_a_stable_id(store, tariff_reports):
    wire, daily, ngo = tariff_reports
    code(store, wire)
    code(store, daily)
    first = cluster_store(store)
    assert first.clusters == 1 and first.multi_source == 1
    cid = cluster_of(store, "e-wire")
    assert cluster_store(store).changed == 0
    code(store, ngo)
    later = cluster_store(store)
    assert later.changed == 1 and cluster_of(store, "e-ngo") == cid
    assert members(store, cid) == ["e-daily", "e-ngo", "e-wire"]
    assert all(k.rule == "score" and k.components for k in links(store, cid))


def test_order_of_arrival_does_not_change_the_groups(tmp_path, tariff_reports):
    extra = make_event("other", "elsewhere", locality="Astana", admin1="Astana")
    results = []
    for name, order in (("one", tariff_reports + [extra]), ("two", [extra] + tariff_reports[::-1])):
        s = open_store(tmp_path / f"{name}.db")
        for event in order:
            code(s, event)
            cluster_store(s)
        groups = {}
        for event_id, cid in memberships(s).items():
            groups.setdefault(cid, set()).add(event_id)
        results.append(sorted(map(sorted, groups.values())))
        s.close()
    assert results[0] == results[1]


def test_person_split_and_merge_survive_machine_runs(store, tariff_reports):
    for event in tariff_reports:
        code(store, event)
    cluster_store(store)
    new = split(store, "e-wire", ["ngo"], author="ana", note="the NGO counts a different gathering")
    assert cluster_of(store, "e-ngo") == new != cluster_of(store, "e-wire")
    cluster_store(store)
    assert cluster_of(store, "e-ngo") == new and cluster_of(store, "e-wire") != new
    kept = merge(store, "e-wire", new, author="ben")
    cluster_store(store)
    assert cluster_of(store, "e-ngo") == cluster_of(store, "e-wire") == kept
    assert [d.kind for d in decisions(store)] == ["split", "merge"]
    assert any(k.rule == "person" and k.decision == 2 for k in links(store, kept))


def test_person_can_merge_what_the_machine_would_not(store, tariff_reports):
    code(store, tariff_reports[0])
    code(store, make_event("far", "far", locality="Astana", admin1="Astana"))
    cluster_store(store)
    merged = merge(store, "e-wire", "far", author="ana")
    assert cluster_store(store).changed == 0
    assert members(store, merged) == ["e-wire", "far"]


def test_split_must_leave_two_parts(store, tariff_reports):
    for event in tariff_reports[:2]:
        code(store, event)
    cluster_store(store)
    with pytest.raises(StoreError):
        split(store, "e-wire", ["nobody"], author="ana")
    with pytest.raises(StoreError):
        merge(store, "e-wire", "e-daily", author="ana")


def test_reconciled_events_show_disagreements_and_wave_campaigns(store, tariff_reports):
    for event in tariff_reports:
        code(store, event)
    roundup = []
    for k, city in enumerate(("Aktobe", "Atyrau")):
        code(
            store,
            make_event(
                f"{city}-1",
                f"local-{k}",
                "2023-06-11",
                locality=city,
                admin1=None,
                campaign=f"wave-{k}",
            ),
        )
        roundup.append(
            make_event(
                f"{city}-2", "roundup", "2023-06-11", locality=city, admin1=None, campaign="wave-x"
            )
        )
    store.add_article(Article(text=TEXT, id="roundup"))
    store.save_coding("roundup", roundup)
    cluster_store(store)
    rec = reconciled_event(store, "e-ngo")
    assert rec is not None and rec.members == ("e-daily", "e-ngo", "e-wire")
    assert {"size", "arrests"} <= {f.name for f in rec.disagreements()}
    wave = [r for r in reconciled_events(store, EventFilter(date_to="2023-07-01"))]
    assert len(wave) == 2 and len({r.event.campaign for r in wave}) == 1
    assert all(len(r.members) == 2 for r in wave)


def test_rejected_events_leave_their_real_world_event(store, tariff_reports):
    for event in tariff_reports:
        code(store, event)
    cluster_store(store)
    store.correct("e-ngo", "_review", "rejected", author="ana")
    cluster_store(store)
    assert cluster_of(store, "e-ngo") is None
    assert members(store, cluster_of(store, "e-wire")) == ["e-daily", "e-wire"]
    with pytest.raises(StoreConflict, match="rejected as not a protest"):
        merge(store, "e-ngo", "e-wire", author="ana")
    with pytest.raises(StoreError, match="no real-world event 'e-none'"):
        merge(store, "e-none", "e-wire", author="ana")


def _while_grouping(monkeypatch, action, times: int = 1):
    """Run ``action()`` (another writer's change) in the middle of the next ``times`` groupings,
    after they read the events and before they write."""
    import protestwatch.store.clusters as cl

    original, calls = cl.cluster_records, []

    def interleaved(*args, **kwargs):
        result = original(*args, **kwargs)
        if len(calls) < times:
            calls.append(1)
            action(len(calls))
        return result

    monkeypatch.setattr(cl, "cluster_records", interleaved)
    return calls


def test_a_report_coded_while_grouping_is_not_left_out(store, tariff_reports, monkeypatch):
    wire, daily, ngo = tariff_reports
    code(store, wire)
    calls = _while_grouping(monkeypatch, lambda n: code(store, daily) if n == 1 else None)
    report = cluster_store(store)
    assert calls == [1]
    # the first result (without e-daily) was thrown away and the grouping done again
    assert report.events == 2 and memberships(store).keys() == {"e-wire", "e-daily"}
    assert cluster_of(store, "e-daily") == cluster_of(store, "e-wire")


def test_a_merge_made_while_grouping_is_kept(store, monkeypatch):
    code(store, make_event("e-a", "a", locality="Almaty"))
    code(store, make_event("e-b", "b", day="2023-10-20", locality="Almaty"))
    cluster_store(store)
    assert cluster_of(store, "e-a") != cluster_of(store, "e-b")
    _while_grouping(monkeypatch, lambda n: merge(store, "e-a", "e-b", author="cody", note="same march"))
    cluster_store(store)
    assert cluster_of(store, "e-a") == cluster_of(store, "e-b")


def test_inputs_that_keep_changing_are_grouped_under_the_lock(store, tariff_reports, monkeypatch):
    """When every optimistic try is overtaken, the last one holds the lock from the read on."""
    import protestwatch.store.clusters as cl

    wire, daily, ngo = tariff_reports
    code(store, wire)
    pending = [daily, ngo]
    calls = _while_grouping(monkeypatch, lambda n: code(store, pending.pop(0)), times=cl.OPTIMISTIC_TRIES)
    report = cluster_store(store)
    assert len(calls) == cl.OPTIMISTIC_TRIES and not pending
    assert report.events == 3 and len(set(memberships(store).values())) == 1

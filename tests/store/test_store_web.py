"""What the web application asks of the store, on every backend: filters, sort orders, pages,
aggregates, the review queue, accounts, sessions, settings and the audit log."""

from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.errors import StoreError
from protestwatch.model import ActorType, Issue, Organizer, SubEventType, Target, TargetType
from protestwatch.store import EventFilter
from protestwatch.store.clusters import cluster_of, cluster_store, merge, split

from .conftest import article, event

D = dt.date.fromisoformat


def _org(*names: str) -> tuple[Organizer, ...]:
    return tuple(Organizer(n, ActorType.MOVEMENT) for n in names)


@pytest.fixture
def five(store):
    """Five events in three countries, with different dates, sizes, confidences and types."""
    specs = [
        ("e1", "KZ", "2021-03-27", 0.9, 300, SubEventType.PEACEFUL, _org("Fair Tariffs Movement"), (Issue.PRICES_ECONOMY,)),
        ("e2", "KZ", "2021-03-29", 0.4, None, SubEventType.INTERVENTION, _org("Almaty Teachers' Union"), (Issue.EDUCATION, Issue.LABOR_WAGES)),
        ("e3", "KG", "2021-04-04", 0.7, 50, SubEventType.PEACEFUL, _org("100%_Green"), (Issue.ENVIRONMENT,)),
        ("e4", "KG", None, 0.2, 1200, SubEventType.VIOLENT, (), ()),
        ("e5", "UZ", "2021-02-28", 0.6, 80, SubEventType.PEACEFUL, _org("ТАРИФЫ Гражданский комитет"), (Issue.PRICES_ECONOMY,)),
    ]
    for i, (eid, country, day, conf, size, sub, orgs, issues) in enumerate(specs, 1):
        store.add_article(article(i, text=f"Report {i}: residents gathered with placards in the square."))
        date = D(day) if day else None
        store.save_coding(f"a{i}", [event(eid, f"a{i}", country=country, locality=f"City{i}",
                                          date_start=date, date_end=date, confidence=conf, size_low=size,
                                          acled_sub_event_type=sub, organizers=orgs, issues=issues)])  # fmt: skip
    return store


def ids(store, **kw) -> list[str]:
    return [e.id for e in store.events(EventFilter(**kw))]


def test_new_filters(five):
    s = five
    assert ids(s, sub_event_type="Peaceful protest") == ["e5", "e1", "e3"]
    assert ids(s, organizer="tariffs") == ["e1"]
    assert ids(s, organizer="тарифы") == ["e5"]  # case-insensitive beyond ASCII
    assert ids(s, organizer="TEACHERS' UNION") == ["e2"]
    assert ids(s, organizer="100%_") == ["e3"]  # % and _ are literal characters
    assert ids(s, organizer="%") == ["e3"]
    assert ids(s, organizer="0_g") == []
    s.correct("e2", "_review", "accepted", author="ana")
    s.correct("e4", "_review", "rejected", author="ana")
    s.correct("e3", "size_low", 60, author="ana")
    assert ids(s, review="accepted") == ["e2"]
    assert ids(s, review="corrected") == ["e3"]
    assert ids(s, review="rejected") == ["e4"]
    assert ids(s, review="machine") == ["e5", "e1"]
    with pytest.raises(StoreError):
        s.events(EventFilter(review="maybe"))


def test_sort_orders_and_missing_values(five):
    s = five
    assert ids(s) == ["e4", "e5", "e1", "e2", "e3"]  # no date first
    assert ids(s, descending=True) == ["e3", "e2", "e1", "e5", "e4"]
    assert ids(s, sort="confidence") == ["e4", "e2", "e5", "e3", "e1"]
    assert ids(s, sort="confidence", descending=True) == ["e1", "e3", "e5", "e2", "e4"]
    assert ids(s, sort="size") == ["e2", "e3", "e5", "e1", "e4"]
    assert ids(s, sort="size", descending=True) == ["e4", "e1", "e5", "e3", "e2"]
    assert ids(s, sort="country") == ["e4", "e3", "e1", "e2", "e5"]
    s.correct("e1", "size_low", 5000, author="ana")
    assert ids(s, sort="size", descending=True)[0] == "e1"
    assert ids(s, sort="updated_at")[-1] in {"e5", "e1"}
    with pytest.raises(StoreError, match="sort by"):
        s.events(EventFilter(sort="data; DROP TABLE events"))


def test_pages_cover_everything_once(five):
    s = five
    for sort in ("date_start", "confidence", "country", "size", "updated_at"):
        for desc in (False, True):
            full = ids(s, sort=sort, descending=desc)
            pages = [ids(s, sort=sort, descending=desc, limit=2, offset=o) for o in (0, 2, 4, 6)]
            assert sum(pages, []) == full and pages[-1] == []
    assert s.count_events(EventFilter(limit=1, country="KG")) == 2
    assert s.count_events(EventFilter(organizer="tariff")) == 1
    with pytest.raises(StoreError):
        s.events(EventFilter(limit=-1))


def test_aggregates(five):
    s = five
    assert s.aggregate(None, "day") == [("2021-02-28", 1), ("2021-03-27", 1), ("2021-03-29", 1), ("2021-04-04", 1)]
    # ISO weeks start on Monday: Sunday 2021-02-28 belongs to the week of Monday 2021-02-22,
    # Saturday 03-27 to 03-22, Monday 03-29 to itself, Sunday 04-04 to 03-29
    assert s.aggregate(None, "week") == [("2021-02-22", 1), ("2021-03-22", 1), ("2021-03-29", 2)]
    assert s.aggregate(None, "month") == [("2021-02-01", 1), ("2021-03-01", 2), ("2021-04-01", 1)]
    assert s.aggregate(None, "country") == [("KG", 2), ("KZ", 2), ("UZ", 1)]
    assert s.aggregate(EventFilter(country="KZ"), "issue") == [
        ("education", 1), ("labor_wages", 1), ("prices_economy", 1)]
    assert s.aggregate(None, "issue")[-1] == ("prices_economy", 2)
    assert s.aggregate(None, "sub_event_type") == [
        ("Peaceful protest", 3), ("Protest with intervention", 1), ("Violent demonstration", 1)]
    assert s.aggregate(None, "form") == [("demonstrate", 5)]
    assert s.aggregate(EventFilter(text="placards", date_from=D("2021-03-01")), "month") == [
        ("2021-03-01", 2), ("2021-04-01", 1)]
    s.correct("e4", "_review", "rejected", author="ana")
    assert s.aggregate(None, "review") == [("machine", 4)]
    assert s.aggregate(EventFilter(include_rejected=True), "review") == [("machine", 4), ("rejected", 1)]
    with pytest.raises(StoreError):
        s.aggregate(None, "data")


def test_aggregate_by_target_country_and_admin1(store):
    store.add_article(article(1))
    cn = (Target("China", TargetType.FOREIGN_GOVERNMENT, "CN"), Target("PetroChina", TargetType.FOREIGN_COMPANY, "CN"))
    store.save_coding("a1", [event("e1", "a1", targets=cn, admin1="Almaty"),
                             event("e2", "a1", locality="Taraz", admin1="Jambyl",
                                   targets=(Target("Russia", TargetType.FOREIGN_GOVERNMENT, "RU"),))])
    assert store.aggregate(None, "target_country") == [("CN", 1), ("RU", 1)]
    assert store.aggregate(None, "admin1") == [("Almaty", 1), ("Jambyl", 1)]


def _tariff(store, eid, aid, size, conf, day="2023-10-14"):
    store.add_article(article(aid, id=aid, text=f"Residents rallied against heating tariffs ({aid})."))
    store.save_coding(aid, [event(eid, aid, date_start=D(day), date_end=D(day), size_low=size, size_high=size,
                                  size_text=str(size), confidence=conf, admin1="Almaty")])  # fmt: skip


def test_review_queue(store):
    _tariff(store, "e-wire", "wire", 300, 0.8)
    _tariff(store, "e-daily", "daily", 900, 0.9)
    _tariff(store, "e-low", "low", 40, 0.3, day="2023-11-20")
    _tariff(store, "e-mid", "mid", 40, 0.5, day="2023-12-02")
    cluster_store(store, with_text=False)
    merged = cluster_of(store, "e-wire")
    if merged == cluster_of(store, "e-low") or cluster_of(store, "e-daily") != merged:
        merge(store, "e-wire", "e-daily", author="ana")
        merged = cluster_of(store, "e-wire")
    queue = store.review_queue()
    assert [(e.id, info["sources"]) for e, info in queue] == [("e-wire", 2), ("e-low", 1), ("e-mid", 1)]
    assert queue[0][1]["disagreements"] >= 1 and queue[0][1]["cluster"] == merged
    assert queue[1][1] == {"confidence": 0.3, "disagreements": 0, "sources": 1,
                           "cluster": cluster_of(store, "e-low"), "review": "machine"}
    assert store.count_review_queue() == 3
    assert [e.id for e, _ in store.review_queue(limit=1, offset=1)] == ["e-low"]
    store.correct("e-low", "_review", "accepted", author="ana")
    store.correct("e-wire", "_review", "rejected", author="ana")
    assert [e.id for e, _ in store.review_queue()] == ["e-daily", "e-mid"]
    # a correction that removes the disagreement is counted at once
    store.correct("e-daily", "size_low", 300, author="ana")
    stats = store.cluster_stats(["e-daily", "e-mid", "unknown"])
    assert stats["e-mid"]["sources"] == 1 and stats["unknown"]["disagreements"] == 0
    assert stats["e-daily"]["cluster"] == merged and stats["e-daily"]["sources"] == 2


def test_accounts(store):
    store.add_user("ana", "hash-1", "coder")
    with pytest.raises(StoreError):
        store.add_user("ana", "hash-2", "admin")
    with pytest.raises(StoreError):
        store.add_user("bo", "hash-2", "superuser")
    user = store.get_user("ana")
    assert user["role"] == "coder" and user["password_hash"] == "hash-1" and user["disabled"] is False
    assert user["created_at"].endswith("+00:00")
    assert store.get_user("nobody") is None
    store.add_user("bo", "hash-b", "viewer")
    store.set_user_role("bo", "admin")
    store.set_user_password("bo", "hash-b2")
    assert [(u["name"], u["role"], u["password_hash"]) for u in store.list_users()] == [
        ("ana", "coder", "hash-1"), ("bo", "admin", "hash-b2")]
    with pytest.raises(StoreError):
        store.set_user_role("nobody", "viewer")


def test_api_tokens(store):
    store.add_user("ana", "h", "coder")
    token = store.add_api_token("ana", "tok-hash", "laptop")
    other = store.add_api_token("ana", "tok-hash-2", "script")
    with pytest.raises(StoreError):
        store.add_api_token("ana", "tok-hash", "again")
    with pytest.raises(StoreError):
        store.add_api_token("nobody", "x", "y")
    assert store.list_api_tokens("ana")[0]["last_used_at"] is None
    found = store.user_for_token("tok-hash")
    assert found["name"] == "ana" and found["token_id"] == token and found["role"] == "coder"
    listed = store.list_api_tokens("ana")
    assert [t["id"] for t in listed] == [token, other] and listed[0]["last_used_at"] is not None
    assert all("token_hash" not in t for t in listed)
    assert store.revoke_api_token(token) and not store.revoke_api_token(token)
    assert store.user_for_token("tok-hash") is None
    assert [t["id"] for t in store.list_api_tokens()] == [other]
    store.set_user_disabled("ana")
    assert store.user_for_token("tok-hash-2") is None
    assert store.user_for_token("unknown") is None


def test_sessions(store):
    store.add_user("ana", "h", "admin")
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
    store.create_session("s-live", "ana", "csrf-1", later)
    store.create_session("s-old", "ana", "csrf-2", "2020-01-01T00:00:00Z")
    store.create_session("s-naive", "ana", "csrf-3", (later + dt.timedelta(hours=3)).replace(tzinfo=None))
    live = store.get_session("s-live")
    assert live["user"] == "ana" and live["csrf_token"] == "csrf-1" and live["role"] == "admin"
    assert store.get_session("s-old") is None
    assert store.get_session("s-naive") is not None
    with pytest.raises(StoreError):
        store.create_session("s-x", "ana", "c", "next tuesday")
    assert store.purge_sessions() == 1
    store.delete_session("s-live")
    assert store.get_session("s-live") is None
    store.set_user_disabled("ana")
    assert store.get_session("s-naive") is None
    store.set_user_disabled("ana", False)
    assert store.get_session("s-naive") is not None


def test_settings(store):
    assert store.get_setting("secret") is None
    assert store.setting_default("secret", "first") == "first"
    assert store.setting_default("secret", "second") == "first"
    store.set_setting("secret", "rotated")
    assert store.get_setting("secret") == "rotated"


def test_audit_log_of_corrections_and_reviews(five):
    s = five
    s.correct("e1", "size_low", 350, author="ana", note="photo", evidence=("a1", 0, 9))
    s.correct("e1", "_review", "accepted", author="bo")
    log = s.audit_log("e1")
    assert [(r["action"], r["field"], r["before"], r["after"], r["actor"]) for r in log] == [
        ("accept", "review", "corrected", "accepted", "bo"),
        ("correct", "size_low", 300, 350, "ana"),
    ]
    assert log[1]["note"] == "photo" and log[1]["evidence"] == {"article_id": "a1", "start": 0, "end": 9}
    assert log[0]["id"] > log[1]["id"]
    assert s.audit_log("e2") == [] and len(s.audit_log()) == 2
    assert [r["action"] for r in s.audit_log(limit=1, offset=1)] == ["correct"]
    # the evidence a person gives becomes the field's evidence
    corrected = s.get_event("e1")
    assert [(e.article_id, e.start, e.end) for e in corrected.evidence["size_low"]] == [("a1", 0, 9)]
    assert s.corrections("e1")[0].evidence == {"article_id": "a1", "start": 0, "end": 9}


@pytest.mark.parametrize("evidence", [("a1", 0, 10_000), ("nope", 0, 1), ("a1", 5, 2), ("a1",), "a1:0:3"])
def test_bad_evidence_is_refused_and_nothing_is_written(five, evidence):
    with pytest.raises(StoreError):
        five.correct("e1", "size_low", 350, author="ana", evidence=evidence)
    assert five.corrections("e1") == [] and five.audit_log() == []


def test_audit_row_and_action_commit_together(five, monkeypatch):
    original = type(five)._audit

    def failing(self, *args, **kw):
        original(self, *args, **kw)
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(five), "_audit", failing)
    with pytest.raises(RuntimeError):
        five.correct("e1", "size_low", 999, author="ana")
    monkeypatch.undo()
    assert five.get_event("e1").size_low == 300
    assert five.corrections("e1") == [] and five.audit_log() == []


def test_audit_log_of_merges_and_splits(store):
    _tariff(store, "e-wire", "wire", 300, 0.8)
    _tariff(store, "e-far", "far", 300, 0.8, day="2023-12-20")
    cluster_store(store, with_text=False)
    a, b = cluster_of(store, "e-wire"), cluster_of(store, "e-far")
    assert a != b
    merged = merge(store, "e-wire", "e-far", author="ana", note="same march")
    new = split(store, merged, ["far"], author="bo")
    log = store.audit_log()
    assert [(r["action"], r["actor"], r["event_id"]) for r in log] == [("split", "bo", merged), ("merge", "ana", a)]
    assert log[1]["before"] == {"part_a": ["e-wire"], "clusters": [a, b]} and log[1]["note"] == "same march"
    assert log[0]["after"]["part_b"] == ["e-far"] and log[0]["before"]["clusters"] == [merged, new]
    assert store.audit_log(merged)[0]["action"] == "split"
    # a later machine run keeps the person's decisions
    cluster_store(store, with_text=False)
    assert cluster_of(store, "e-wire") != cluster_of(store, "e-far")

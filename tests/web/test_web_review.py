"""Review through the API: accept, edit a field with its evidence, reject, merge, split; the audit
log of each action; decisions that a later machine run keeps; answers that follow the data."""

from __future__ import annotations

import time

from protestwatch.store import open_store
from protestwatch.web.context import VERSION_SECONDS

from .conftest import RALLY, other_events, rally_events


def _rally_id(client) -> str:
    return client.get("/api/v1/events/e-wire").json()["summary"]["id"]


def test_review_queue_puts_disagreements_first(coder):
    items = coder.get("/api/v1/review/queue").json()["items"]
    assert items[0]["sources"] == 3 and items[0]["disagreements"] >= 1
    assert {i["review"] for i in items} == {"machine"}


def test_accept_applies_to_every_report_and_is_audited(coder, db_path):
    rid = _rally_id(coder)
    r = coder.post(f"/api/v1/events/{rid}/review", json={"decision": "accept", "note": "checked"})
    assert r.status_code == 200, r.text
    assert r.json()["event"]["summary"]["review"] == "accepted"
    store = open_store(db_path)
    assert {store.review_state(i) for i in ("e-wire", "e-daily", "e-ngo")} == {"accepted"}
    rows = store.audit_log()
    assert {(a["actor"], a["action"], a["note"]) for a in rows} == {("cody", "accept", "checked")}
    assert {a["before"] for a in rows} == {"machine"} and {a["after"] for a in rows} == {"accepted"}
    store.close()
    queue = coder.get("/api/v1/review/queue").json()["items"]
    assert rid not in [i["id"] for i in queue]
    history = coder.get(f"/api/v1/audit?event_id={rid}").json()["items"]
    assert len(history) == 3 and all(h["actor"] == "cody" and h["at"] for h in history)


def test_edit_with_evidence_is_kept_by_a_later_machine_run(coder, db_path):
    text = RALLY["ngo"]
    start = text.index("Several hundred")
    body = {"field": "size_low", "value": 250, "note": "several hundred, not 200",
            "evidence": {"article_id": "a-ngo", "start": start, "end": start + len("Several hundred")}}  # fmt: skip
    r = coder.patch("/api/v1/events/e-ngo", json=body)
    assert r.status_code == 200, r.text
    detail = r.json()["event"]
    size = next(f for f in detail["fields"] if f["field"] == "size")
    assert {s["value"]["size_low"] for s in size["sources"]} == {250}
    ngo = next(s for s in size["sources"] if s["article_id"] == "a-ngo")
    assert any(q["text"] == "Several hundred" for q in ngo["evidence"])
    assert any(c["field"] == "size_low" and c["evidence"] for c in detail["corrections"])
    # a machine run codes the articles again, with its own values: the person's value stays
    store = open_store(db_path)
    for article, event in rally_events():
        store.save_coding(article.id, [event.replace(size_low=999)])
    assert store.get_event("e-ngo").size_low == 250 and store.get_event("e-wire").size_low == 250
    audit = store.audit_log(event_id="e-ngo")
    assert audit[0]["action"] == "correct" and audit[0]["before"] == 200 and audit[0]["after"] == 250
    assert audit[0]["evidence"]["article_id"] == "a-ngo"
    store.close()


def test_edit_refuses_unknown_fields_and_foreign_evidence(coder):
    assert coder.patch("/api/v1/events/e-wire", json={"field": "password", "value": 1}).status_code == 422
    bad_value = coder.patch("/api/v1/events/e-wire", json={"field": "form", "value": "parade"})
    assert bad_value.status_code in (400, 422)
    foreign = {"field": "size_low", "value": 5, "evidence": {"article_id": "a-strike", "start": 0, "end": 5}}
    assert coder.patch("/api/v1/events/e-wire", json=foreign).status_code == 422
    outside = {"field": "size_low", "value": 5, "evidence": {"article_id": "a-wire", "start": 5, "end": 10**6}}
    assert coder.patch("/api/v1/events/e-wire", json=outside).status_code == 422
    assert coder.get("/api/v1/audit").json()["items"] == []


def test_reject_hides_the_event_and_a_machine_run_keeps_it_rejected(coder, db_path):
    r = coder.post("/api/v1/events/e-strike/review", json={"decision": "reject", "note": "a meeting"})
    assert r.status_code == 200
    listed = coder.get("/api/v1/events?form=strike").json()
    assert listed["total"] == 0
    rejected = coder.get("/api/v1/events?review=rejected").json()["items"]
    assert [i["locality"] for i in rejected] == ["Zhanaozen"]
    store = open_store(db_path)
    article, event = other_events()[0]
    store.save_coding(article.id, [event])
    assert store.review_state("e-strike") == "rejected"
    store.close()


def test_merge_then_split_are_audited_and_kept(coder, db_path):
    r = coder.post("/api/v1/events/merge", json={"a": "e-strike", "b": "e-xss", "note": "same strike"})
    assert r.status_code == 200, r.text
    merged = r.json()["event"]
    assert sorted(merged["members"]) == ["e-strike", "e-xss"]
    assert merged["decisions"][0]["kind"] == "merge"
    again = coder.post("/api/v1/events/merge", json={"a": "e-strike", "b": "e-xss"})
    assert again.status_code == 409
    r = coder.post(f"/api/v1/events/{merged['summary']['id']}/split", json={"article_ids": ["a-xss"]})
    assert r.status_code == 200, r.text
    old, new = r.json()["ids"]
    assert old != new and r.json()["event"]["members"] == ["e-xss"]
    store = open_store(db_path)
    actions = [a["action"] for a in store.audit_log()]
    assert actions.count("merge") == 1 and actions.count("split") == 1
    store.close()
    assert coder.post("/api/v1/events/no-such/split", json={"article_ids": ["a"]}).status_code == 404


def test_answers_follow_writes_from_the_app_and_from_elsewhere(coder, db_path):
    before = coder.get("/api/v1/events?review=accepted").json()
    assert before["total"] == 0
    coder.post("/api/v1/events/e-strike/review", json={"decision": "accept"})
    assert coder.get("/api/v1/events?review=accepted").json()["total"] == 1
    months = coder.get("/api/v1/aggregates?by=review").json()["buckets"]
    assert {"key": "accepted", "count": 1} in months
    store = open_store(db_path)  # another process (the CLI, a script) changes the data
    store.correct("e-xss", "_review", "accepted", author="cli-user")
    store.close()
    time.sleep(VERSION_SECONDS + 0.05)  # what the app takes to notice a change made elsewhere
    assert coder.get("/api/v1/events?review=accepted").json()["total"] == 2

"""The JSON API against its OpenAPI document: every route is documented, and every answer (good
and bad) matches the documented schema of its status."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.routing import APIRoute

from protestwatch.web import api

from .conftest import RALLY
from .openapi_check import SchemaMismatch, check_response, validate

READS = [
    "/api/v1/events",
    "/api/v1/events?country=KZ&form=demonstrate&sort=confidence&order=asc&per_page=2",
    "/api/v1/events?date_from=2023-10-01&date_to=2023-10-31&issue=prices_economy",
    "/api/v1/events?q=tariffs",
    "/api/v1/events?organizer=fair%20tariffs&min_confidence=0.5",
    "/api/v1/events?review=machine&status=occurred&report=current&sub_event_type=Peaceful%20protest",
    "/api/v1/events?target_country=CN",
    "/api/v1/events.geojson?limit=10",
    "/api/v1/events/e-wire",
    "/api/v1/articles/a-wire",
    "/api/v1/aggregates?by=day",
    "/api/v1/aggregates?by=week",
    "/api/v1/aggregates?by=month",
    "/api/v1/aggregates?by=country",
    "/api/v1/aggregates?by=admin1",
    "/api/v1/aggregates?by=issue",
    "/api/v1/aggregates?by=target_country",
    "/api/v1/facets?country=KZ",
    "/api/v1/review/queue",
    "/api/v1/audit",
    "/api/v1/audit?event_id=e-wire",
    "/api/v1/me",
    "/api/v1/config",
    "/api/v1/tokens",
    "/api/v1/basemap",
]
BAD = [
    ("/api/v1/events?country=Kazakhstan", 422),
    ("/api/v1/events?form=parade", 422),
    ("/api/v1/events?per_page=100000", 422),
    ("/api/v1/events?date_from=2023-12-01&date_to=2023-01-01", 400),
    ("/api/v1/events?q=%22unbalanced", 400),
    ("/api/v1/events/no-such-event", 404),
    ("/api/v1/articles/no-such-article", 404),
    ("/api/v1/aggregates?by=planet", 422),
]


@pytest.fixture
def doc(client):
    return client.get("/api/v1/openapi.json").json()


def test_every_api_route_is_in_the_openapi_document(doc):
    served = {(m.lower(), r.path) for r in api.router.routes if isinstance(r, APIRoute)
              for m in r.methods}  # fmt: skip
    documented = {(m, p) for p, ops in doc["paths"].items() for m in ops}
    assert served and served == documented
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op.get("summary") and op.get("responses"), (method, path)
            assert "200" in op["responses"] or "201" in op["responses"], (method, path)


def test_openapi_declares_both_ways_to_authenticate(doc):
    schemes = doc["components"]["securitySchemes"]
    assert schemes["token"]["scheme"] == "bearer"
    assert schemes["session"]["in"] == "cookie"


@pytest.mark.parametrize("path", READS)
def test_reads_match_the_schema(coder, doc, path):
    r = coder.get(path)
    assert r.status_code == 200, r.text
    check_response(doc, "GET", path, r)


@pytest.mark.parametrize("path,status", BAD)
def test_errors_match_the_schema(coder, doc, path, status):
    r = coder.get(path)
    assert r.status_code == status, r.text
    check_response(doc, "GET", path, r)


def test_the_validator_catches_a_wrong_answer(doc):
    page = doc["paths"]["/api/v1/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    with pytest.raises(SchemaMismatch):
        validate(doc, page, {"total": 1, "page": 1, "per_page": 50, "items": [{"id": 3}]})
    with pytest.raises(SchemaMismatch):
        validate(doc, page, {"total": "1", "page": 1, "per_page": 50, "items": []})


def test_list_shows_real_world_events_with_their_sources(coder):
    body = coder.get("/api/v1/events?country=KZ&sort=date_start&order=asc").json()
    ids = [item["id"] for item in body["items"]]
    assert len(ids) == len(set(ids)) == body["total"] == 3  # five reports, three real events
    rally = next(i for i in body["items"] if i["locality"] == "Almaty")
    assert rally["sources"] == 3 and rally["disagreements"] >= 1
    # the row shows the report it sorts by; the event page shows the reconciled values
    assert (rally["size_low"], rally["size_high"]) in {(301, None), (300, 300), (200, 900)}
    detail = coder.get(f"/api/v1/events/{rally['id']}").json()["summary"]
    assert detail["size_low"] == 200 and detail["size_high"] == 900
    dates = [i["date_start"] for i in body["items"]]
    assert dates == sorted(dates)


def test_filters_narrow_the_list(coder):
    strike = coder.get("/api/v1/events?form=strike").json()
    assert [i["locality"] for i in strike["items"]] == ["Zhanaozen"]
    assert strike["items"][0]["target_countries"] == ["CN"]
    assert coder.get("/api/v1/events?target_country=CN").json()["items"][0]["form"] == "strike"
    assert coder.get("/api/v1/events?country=GE").json() == {"total": 0, "page": 1, "per_page": 50, "items": []}
    assert coder.get("/api/v1/events?date_from=2024-01-01").json()["items"] == []
    found = coder.get("/api/v1/events?q=smelter").json()["items"]
    assert [i["admin1"] for i in found] == ["Karaganda"]
    low = coder.get("/api/v1/events?min_confidence=0.75").json()["items"]
    assert all(i["confidence"] >= 0.75 for i in low) and low


def test_pagination(coder):
    first = coder.get("/api/v1/events?per_page=1&page=1&sort=confidence&order=desc").json()
    second = coder.get("/api/v1/events?per_page=1&page=2&sort=confidence&order=desc").json()
    assert first["per_page"] == 1 and len(first["items"]) == 1 and len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert first["items"][0]["confidence"] >= second["items"][0]["confidence"]
    beyond = coder.get("/api/v1/events?per_page=50&page=9").json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


def test_event_detail_has_every_source_its_evidence_and_the_rule(coder):
    detail = coder.get("/api/v1/events/e-daily").json()
    assert sorted(detail["members"]) == ["e-daily", "e-ngo", "e-wire"]
    assert detail["summary"]["id"] == coder.get("/api/v1/events/e-wire").json()["summary"]["id"]
    size = next(f for f in detail["fields"] if f["field"] == "size")
    assert size["disagree"] is True and size["reconciled_rule"]
    by_article = {s["article_id"]: s for s in size["sources"]}
    wire = by_article["a-wire"]
    assert wire["value"]["size_text"] == "More than 300"
    quote = wire["evidence"][0]
    text = RALLY["wire"]
    assert text[quote["start"]:quote["end"]] == quote["text"] == "More than 300"
    assert quote["sentence"].startswith("More than 300 residents")
    assert text[quote["sentence_start"]:].startswith(quote["sentence"])
    assert {a["id"] for a in detail["articles"]} == {"a-wire", "a-daily", "a-ngo"}
    assert all(r["evidence"] for r in detail["reports"])


def test_aggregates_count_real_world_events(coder):
    months = coder.get("/api/v1/aggregates?by=month").json()
    assert months["by"] == "month"
    keys = [b["key"] for b in months["buckets"]]
    assert keys == sorted(keys) and "2023-10-01" in keys
    issues = {b["key"]: b["count"] for b in coder.get("/api/v1/aggregates?by=issue").json()["buckets"]}
    assert issues["labor_wages"] == 2
    countries = coder.get("/api/v1/aggregates?by=country&form=strike").json()["buckets"]
    assert countries == [{"key": "KZ", "count": 1}]


def test_facets_ignore_their_own_filter(coder):
    facets = coder.get("/api/v1/facets?form=strike").json()
    forms = {b["key"] for b in facets["form"]}
    assert forms == {"strike", "demonstrate"}
    assert [b["key"] for b in facets["target_country"]] == ["CN"]


def test_article_is_plain_text(coder):
    body = coder.get("/api/v1/articles/a-wire").json()
    assert body["text"] == RALLY["wire"] and body["title"] == "Tariff rally (wire)"


def test_exports_follow_the_filter(coder):
    r = coder.get("/api/v1/export?format=csv&form=strike")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["location"] for row in rows] == ["Zhanaozen"]
    lines = coder.get("/api/v1/export?format=jsonl&unit=report&country=KZ&date_from=2023-10-01"
                      "&date_to=2023-10-31").text.splitlines()  # fmt: skip
    assert sorted(json.loads(x)["id"] for x in lines) == ["e-daily", "e-ngo", "e-wire"]
    real = coder.get("/api/v1/export?format=jsonl&country=KZ&date_from=2023-10-01&date_to=2023-10-31")
    assert len(real.text.splitlines()) == 1  # the three reports are one real-world event
    geo = coder.get("/api/v1/export?format=geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


def test_config_lists_the_vocabularies(coder):
    config = coder.get("/api/v1/config").json()
    assert "strike" in config["vocabularies"]["form"]
    assert "size_low" in config["editable_fields"] and config["public"] is False


def test_basemap_is_cached_by_etag(client):
    r = client.get("/api/v1/basemap")
    assert r.status_code == 200
    outlines = r.json()
    kz = next(f for f in outlines["features"] if f["id"] == "KZ")
    assert kz["geometry"]["type"] in ("Polygon", "MultiPolygon")
    again = client.get("/api/v1/basemap", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_exports_open_no_connection_that_outlives_them(coder, app):
    """An export's thread uses its own connection and closes it; the connections of request
    threads that ended are closed when the next one opens (under a steady load the app once
    ran out of server connections, one left open per export)."""
    for _ in range(12):
        r = coder.get("/api/v1/export?format=csv&unit=real_world")
        assert r.status_code == 200 and "export failed" not in r.text
    stores = app.state.ctx.stores
    assert not [t for t, _ in stores._all if t.name == "export"]


def test_thread_stores_close_the_connections_of_ended_threads(db_path):
    import sqlite3
    import threading

    from protestwatch.web.context import ThreadStores

    stores = ThreadStores(str(db_path))
    opened, release = [], threading.Event()

    def request() -> None:
        opened.append(stores.get())
        release.wait(30)

    threads = [threading.Thread(target=request) for _ in range(6)]
    for t in threads:
        t.start()
    while len(opened) < 6:
        threading.Event().wait(0.01)
    assert stores.open_count() == 6  # six live threads, six connections
    release.set()
    for t in threads:
        t.join()
    mine = stores.get()  # a new connection: the six of the ended threads are closed first
    assert stores.open_count() == 1 and stores.get() is mine
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].count_events()
    borrowed = object()
    with stores.use(borrowed):
        assert stores.get() is borrowed
    assert stores.get() is mine
    stores.close()


def test_an_unreachable_database_is_a_503_and_a_conflict_a_409(coder, app, monkeypatch):
    from protestwatch.errors import StoreUnavailable

    def down():
        raise StoreUnavailable("cannot connect to postgresql://db.internal:5432/x: too many clients already")

    with monkeypatch.context() as m:
        m.setattr(app.state.ctx, "store", down)
        app.state.ctx.cache.generation += 1  # nothing cached
        r = coder.get("/api/v1/events?country=KZ&page=2")
    assert r.status_code == 503 and r.headers["Retry-After"] == "5"
    assert "db.internal" not in r.text and "unavailable" in r.json()["detail"]
    r = coder.post("/api/v1/events/merge", json={"a": "e-strike", "b": "e-strike"})
    assert r.status_code == 409, r.text

"""The JSON API, versioned under ``/api/v1`` (reference: docs/api.md; schema: ``/api/v1/openapi.json``).

Each route checks who may call it (``auth.reader`` / ``auth.requires``), settles its parameters
and calls one function of ``queries.py``.  List and aggregate answers are cached (``AnswerCache``)
until the data changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import math
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from protestwatch import model
from protestwatch.web import exports, queries, schemas
from protestwatch.web.auth import Principal, ctx_of, reader, reader_on_loop, requires
from protestwatch.web.basemap import basemap_bytes
from protestwatch.web.queries import Filters
from protestwatch.web.security import digest, hash_password, new_api_token

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.Problem, "description": "Bad parameters"},
    401: {"model": schemas.Problem, "description": "Not logged in (or a bad API token)"},
    403: {"model": schemas.Problem, "description": "Not allowed (role, CSRF token, public mode)"},
    422: {"model": schemas.Problem, "description": "Invalid request"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem, "description": "Not found"}}

Reader = Annotated[Principal, Depends(reader)]
LoopReader = Annotated[Principal, Depends(reader_on_loop)]
Coder = Annotated[Principal, Depends(requires("coder"))]
Admin = Annotated[Principal, Depends(requires("admin"))]
Member = Annotated[Principal, Depends(requires("viewer"))]
CoderReads = Annotated[Principal, Depends(requires("coder", write=False))]
MemberReads = Annotated[Principal, Depends(requires("viewer", write=False))]
AdminReads = Annotated[Principal, Depends(requires("admin", write=False))]

FormName = Literal[tuple(f.value for f in model.Form)]  # type: ignore[valid-type]
SubEventName = Literal[tuple(s.value for s in model.SubEventType)]  # type: ignore[valid-type]
IssueName = Literal[tuple(i.value for i in model.Issue)]  # type: ignore[valid-type]
StatusName = Literal[tuple(s.value for s in model.Status)]  # type: ignore[valid-type]
ReportName = Literal[tuple(r.value for r in model.Report)]  # type: ignore[valid-type]
ReviewName = Literal["machine", "accepted", "corrected", "rejected"]
SortName = Literal[queries.SORTS]  # type: ignore[valid-type]
ByName = Literal[queries.AGGREGATE_BY]  # type: ignore[valid-type]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO alpha-2")]


# -- JSON out -----------------------------------------------------------------------------------


def json_bytes(data: Any) -> bytes:
    """Compact JSON in which ``<``, ``>``, ``&`` and the JavaScript line separators are escaped,
    so an answer stays inert even if something ever embeds it in a page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_default)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(raw, esc)
    return text.encode("utf-8")


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return str(value)


def json_response(data: Any, *, status: int = 200, private: bool = False) -> Response:
    body = data if isinstance(data, bytes) else json_bytes(data)
    headers = {"Cache-Control": "no-store" if private else "private, max-age=0, must-revalidate"}
    return Response(body, status_code=status, media_type="application/json", headers=headers)


async def cached(request: Request, key: Any, make: Any) -> Response:
    """The answer to a read, from the cache when the data has not changed since it was made;
    otherwise made in a worker thread (the event loop never waits on a query)."""
    ctx = ctx_of(request)
    body = ctx.cache.peek((("answer", key), ctx.data_version()))
    if body is None:
        body = await anyio.to_thread.run_sync(lambda: ctx.remember(("answer", key), lambda: json_bytes(make())))
    return json_response(body)


# -- parameters ---------------------------------------------------------------------------------


async def filters(
    country: Country = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[dt.date | None, Query(description="events ending on or after")] = None,
    date_to: Annotated[dt.date | None, Query(description="events starting on or before")] = None,
    form: FormName | None = None,
    sub_event_type: Annotated[SubEventName | None, Query(description="ACLED sub-event type")] = None,
    issue: IssueName | None = None,
    target_country: Country = None,
    organizer: Annotated[str | None, Query(max_length=200, description="substring of an organizer's name")] = None,
    status: StatusName | None = None,
    report: ReportName | None = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    review: ReviewName | None = None,
    q: Annotated[str | None, Query(max_length=500, description="full-text query over the articles")] = None,
) -> Filters:
    """The event filters every list, map, aggregate and export route takes."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")
    return Filters(
        country=country.upper() if country else None, admin1=admin1 or None, date_from=date_from,
        date_to=date_to, form=form, sub_event_type=sub_event_type, issue=issue,
        target_country=target_country.upper() if target_country else None,
        organizer=organizer or None, status=status, report=report, min_confidence=min_confidence,
        review=review, q=(q or "").strip() or None,
    )  # fmt: skip


Filtered = Annotated[Filters, Depends(filters)]
Page = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=500)]
EventId = Annotated[str, Path(max_length=200)]


# -- reading -----------------------------------------------------------------------------------


@router.get("/events", response_model=schemas.EventPage, responses=ERRORS, tags=["events"])
async def list_events(request: Request, _: LoopReader, f: Filtered, sort: SortName = "date_start",
                order: Literal["asc", "desc"] = "desc", page: Page = 1, per_page: PerPage = 50) -> Response:  # fmt: skip
    """Real-world events matching the filters, one page at a time."""
    key = ("events", f.key(), sort, order, page, per_page)
    return await cached(request, key, lambda: queries.list_events(
        ctx_of(request), f, page=page, per_page=per_page, sort=sort, order=order))  # fmt: skip


@router.get("/events.geojson", response_model=schemas.FeatureCollection, responses=ERRORS, tags=["events"])
async def events_geojson(request: Request, _: LoopReader, f: Filtered,
                   limit: Annotated[int, Query(ge=1, le=50_000)] = 5000,
                   sort: SortName = "date_start", order: Literal["asc", "desc"] = "desc") -> Response:  # fmt: skip
    """The same events as a GeoJSON FeatureCollection (properties: EventSummary)."""
    key = ("geojson", f.key(), limit, sort, order)
    return await cached(request, key, lambda: queries.geojson(ctx_of(request), f, limit=limit, sort=sort, order=order))


@router.get("/events/{event_id}", response_model=schemas.EventDetail,
            responses=ERRORS | NOT_FOUND, tags=["events"])  # fmt: skip
def get_event(request: Request, _: Reader, event_id: EventId) -> Response:
    """One real-world event (by its id or the id of one of its reports): every field with each
    source's value and evidence, the reconciled value and its rule, the history."""
    return json_response(queries.event_detail(ctx_of(request), event_id))


@router.get("/articles/{article_id}", response_model=schemas.ArticleFull,
            responses=ERRORS | NOT_FOUND, tags=["articles"])  # fmt: skip
def get_article(request: Request, _: Reader, article_id: EventId) -> Response:
    """One article with its plain text."""
    return json_response(queries.article(ctx_of(request), article_id))


@router.get("/aggregates", response_model=schemas.Aggregate, responses=ERRORS, tags=["aggregates"])
async def aggregates(request: Request, _: LoopReader, f: Filtered, by: ByName = "month") -> Response:
    """Counts of real-world events per day, week, month, country, region, issue, target country,
    form, sub-event type or review state."""
    return await cached(request, ("agg", f.key(), by), lambda: queries.aggregate(ctx_of(request), f, by))


@router.get("/facets", response_model=schemas.Facets, responses=ERRORS, tags=["aggregates"])
async def facets(request: Request, _: LoopReader, f: Filtered) -> Response:
    """Counts per value of each facet (each facet ignores its own filter)."""
    return await cached(request, ("facets", f.key()), lambda: queries.facets(ctx_of(request), f))


@router.get("/export", responses=ERRORS | {200: {
    "description": "The file",
    "content": {"text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}}}},
    response_class=Response, tags=["exports"])  # fmt: skip
def export(request: Request, _: Reader, f: Filtered,
           format: Literal["csv", "geojson", "jsonl"] = "csv",
           unit: Literal["real_world", "report"] = "real_world") -> Response:  # fmt: skip
    """The filtered events as a download: ACLED-style CSV, GeoJSON or JSON Lines; one row per
    real-world event (reconciled values) or per article's report."""
    return exports.stream(ctx_of(request), f, format, real_world=unit == "real_world")


@router.get("/review/queue", response_model=schemas.EventPage, responses=ERRORS, tags=["review"])
def review_queue(request: Request, _: CoderReads, page: Page = 1, per_page: PerPage = 50) -> Response:
    """Events to review: those whose sources disagree and those of low confidence first."""
    return json_response(queries.review_queue(ctx_of(request), page=page, per_page=per_page))


@router.get("/audit", response_model=schemas.AuditItems, responses=ERRORS, tags=["review"])
def audit(request: Request, _: Reader, event_id: Annotated[str | None, Query(max_length=200)] = None,
          limit: Annotated[int, Query(ge=1, le=1000)] = 100,
          offset: Annotated[int, Query(ge=0)] = 0) -> Response:  # fmt: skip
    """The audit log of human actions (who, when, before, after), of one event or of all."""
    return json_response(queries.audit(ctx_of(request), event_id, limit=limit, offset=offset))


@router.get("/me", response_model=schemas.Me, tags=["accounts"])
def me(request: Request) -> Response:
    """Who this request is made by, and the CSRF token that writes need."""
    from protestwatch.web.auth import identify

    p = identify(request)
    return json_response({"user": p.name, "role": p.role, "csrf_token": p.csrf_token,
                          "public": ctx_of(request).public, "via": p.via}, private=True)  # fmt: skip


@router.get("/config", response_model=schemas.Config, tags=["meta"])
def config(request: Request) -> Response:
    """Settings and vocabularies the dashboard needs."""
    ctx = ctx_of(request)
    return json_response({
        "tile_url": ctx.settings.tile_url, "public": ctx.public,
        "vocabularies": vocabularies(), "editable_fields": list(queries.EDITABLE_FIELDS),
        "aggregate_by": list(queries.AGGREGATE_BY), "sorts": list(queries.SORTS),
    })  # fmt: skip


def vocabularies() -> dict[str, list[Any]]:
    return {
        "status": [s.value for s in model.Status], "report": [r.value for r in model.Report],
        "form": [f.value for f in model.Form], "tactics": [t.value for t in model.Tactic],
        "acled_sub_event_type": [s.value for s in model.SubEventType],
        "date_precision": [d.value for d in model.DatePrecision],
        "issues": [i.value for i in model.Issue], "force": [f.value for f in model.Force],
        "permit": [p.value for p in model.Permit],
        "geo_precision": [int(g) for g in model.GeoPrecision],
        "actor_type": [a.value for a in model.ActorType],
        "target_type": [t.value for t in model.TargetType],
        "review": ["machine", "accepted", "corrected", "rejected"],
    }  # fmt: skip


@router.get("/basemap", tags=["meta"], response_class=Response,
            responses={200: {"description": "Country outlines (GeoJSON FeatureCollection)",
                             "content": {"application/geo+json": {}}}})  # fmt: skip
def basemap(request: Request) -> Response:
    """Simplified country outlines for the offline map (public: no data of this database)."""
    body, etag = basemap_bytes()
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/geo+json",
                    headers={"ETag": etag, "Cache-Control": "public, max-age=86400"})  # fmt: skip


# -- human decisions ----------------------------------------------------------------------------


def _changed(request: Request, cid: str, ids: list[str]) -> Response:
    detail = queries.event_detail(ctx_of(request), cid)
    return json_response({"id": cid, "ids": ids, "event": detail}, private=True)


@router.post("/events/{event_id}/review", response_model=schemas.Changed,
             responses=ERRORS | NOT_FOUND, tags=["review"])  # fmt: skip
def review_event(request: Request, who: Coder, event_id: EventId, body: schemas.ReviewIn) -> Response:
    """Accept an event, or reject it as not a protest (kept by later machine runs)."""
    cid = queries.review(ctx_of(request), event_id, body.decision, author=who.name or "?", note=body.note)
    return _changed(request, cid, [cid])


@router.patch("/events/{event_id}", response_model=schemas.Changed,
              responses=ERRORS | NOT_FOUND, tags=["review"])  # fmt: skip
def edit_event(request: Request, who: Coder, event_id: EventId, body: schemas.FieldEditIn) -> Response:
    """Set one field (a codebook field name), optionally with the evidence span it rests on."""
    evidence = body.evidence.model_dump() if body.evidence else None
    cid = queries.edit_field(ctx_of(request), event_id, body.field, body.value,
                             author=who.name or "?", note=body.note, evidence=evidence)  # fmt: skip
    return _changed(request, cid, [cid])


@router.post("/events/merge", response_model=schemas.Changed,
             responses=ERRORS | NOT_FOUND | {409: {"model": schemas.Problem}}, tags=["review"])  # fmt: skip
def merge_events(request: Request, who: Coder, body: schemas.MergeIn) -> Response:
    """Merge two real-world events into one (the first keeps its id)."""
    cid = queries.merge(ctx_of(request), body.a, body.b, author=who.name or "?", note=body.note)
    return _changed(request, cid, [cid])


@router.post("/events/{event_id}/split", response_model=schemas.Changed,
             responses=ERRORS | NOT_FOUND | {409: {"model": schemas.Problem}}, tags=["review"])  # fmt: skip
def split_event(request: Request, who: Coder, event_id: EventId, body: schemas.SplitIn) -> Response:
    """Move the reports of the given articles out of an event into a new one."""
    old, new = queries.split(ctx_of(request), event_id, body.article_ids, author=who.name or "?", note=body.note)
    return _changed(request, new, [old, new])


# -- accounts -----------------------------------------------------------------------------------


@router.get("/tokens", response_model=schemas.TokenList, responses=ERRORS, tags=["accounts"])
def list_tokens(request: Request, who: MemberReads,
                user: Annotated[str | None, Query(max_length=64)] = None) -> Response:  # fmt: skip
    """Your API tokens (an admin may name another user)."""
    owner = _token_owner(who, user)
    tokens = [_public_token(t) for t in ctx_of(request).store().list_api_tokens(owner)]
    return json_response({"items": tokens}, private=True)


@router.post("/tokens", response_model=schemas.TokenOut, status_code=201, responses=ERRORS, tags=["accounts"])
def create_token(request: Request, who: Member, body: schemas.TokenIn) -> Response:
    """A new API token for yourself, shown once: send it as ``Authorization: Bearer <token>``."""
    token = new_api_token()
    token_id = ctx_of(request).store().add_api_token(who.name, digest(token), body.label)
    return json_response({"id": int(token_id), "label": body.label, "token": token}, status=201, private=True)


@router.delete("/tokens/{token_id}", response_model=schemas.Ok, responses=ERRORS | NOT_FOUND, tags=["accounts"])
def revoke_token(request: Request, who: Member, token_id: int) -> Response:
    """Revoke one of your tokens (an admin may revoke anyone's)."""
    store = ctx_of(request).store()
    own = {int(t["id"]) for t in store.list_api_tokens(who.name)}
    if token_id not in own and not who.can("admin"):
        raise HTTPException(404, "no such token")
    store.revoke_api_token(token_id)
    ctx_of(request).forget_tokens()
    return json_response({"ok": True}, private=True)


def _token_owner(who: Principal, user: str | None) -> str:
    if user and user != who.name:
        if not who.can("admin"):
            raise HTTPException(403, "this needs the admin role")
        return user
    return who.name or ""


def _public_token(t: Any) -> dict[str, Any]:
    return {k: v for k, v in dict(t).items() if "hash" not in k}


@router.get("/users", response_model=schemas.UserList, responses=ERRORS, tags=["accounts"])
def list_users(request: Request, _: AdminReads) -> Response:
    """Every account and its role."""
    users = [_public_user(u) for u in ctx_of(request).store().list_users()]
    return json_response({"items": users}, private=True)


@router.post("/users", response_model=schemas.UserOut, status_code=201,
             responses=ERRORS | {409: {"model": schemas.Problem}}, tags=["accounts"])  # fmt: skip
def create_user(request: Request, _: Admin, body: schemas.UserIn) -> Response:
    store = ctx_of(request).store()
    if store.get_user(body.name):
        raise HTTPException(409, f"user {body.name!r} exists")
    store.add_user(body.name, hash_password(body.password), body.role)
    return json_response(_public_user(store.get_user(body.name)), status=201, private=True)


@router.patch("/users/{name}", response_model=schemas.UserOut, responses=ERRORS | NOT_FOUND, tags=["accounts"])
def update_user(request: Request, who: Admin, name: Annotated[str, Path(max_length=64)],
                body: schemas.UserPatch) -> Response:  # fmt: skip
    store = ctx_of(request).store()
    if not store.get_user(name):
        raise HTTPException(404, f"no user {name!r}")
    if body.role and name == who.name and body.role != "admin":
        raise HTTPException(409, "you cannot take the admin role from yourself")
    if body.role:
        store.set_user_role(name, body.role)
    if body.password:
        store.set_user_password(name, hash_password(body.password))
    return json_response(_public_user(store.get_user(name)), private=True)


def _public_user(u: Any) -> dict[str, Any]:
    d = dict(u)
    return {"name": d["name"], "role": d["role"], "created_at": d.get("created_at"),
            "disabled": bool(d.get("disabled")) if d.get("disabled") is not None else None}  # fmt: skip

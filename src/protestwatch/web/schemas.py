"""The shapes of the web API's requests and responses, as pydantic models.

They make the OpenAPI document (``/api/v1/openapi.json``) and validate request bodies.  Read
routes build their JSON directly (``serialize.py``) for speed; the tests check every answer
against these schemas, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

JSONValue = Any


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventSummary(BaseModel):
    id: str
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    locality: str | None
    latitude: float | None
    longitude: float | None
    location_precision: int | None
    form: str
    sub_event_type: str | None
    status: str
    report: str
    size_low: int | None
    size_high: int | None
    size_text: str | None
    arrests: int | None
    arrests_text: str | None
    organizers: list[str]
    issues: list[str]
    target_countries: list[str]
    confidence: float
    review: str = Field(description="machine, accepted, corrected or rejected")
    sources: int = Field(description="number of article reports of this real-world event")
    disagreements: int = Field(description="number of fields on which the sources disagree")
    headline: str


class EventPage(BaseModel):
    total: int
    page: int
    per_page: int
    items: list[EventSummary]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: list[float]


class Feature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: Point | None
    properties: EventSummary


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[Feature]


class Quote(BaseModel):
    article_id: str
    start: int
    end: int
    text: str = Field(description="the span itself (plain text)")
    sentence: str = Field(description="the sentence around the span (plain text)")
    sentence_start: int = Field(description="offset of `sentence` in the article's text")


class SourceValue(BaseModel):
    event_id: str
    article_id: str
    outlet: str | None
    published: str | None
    value: JSONValue
    evidence: list[Quote]


class FieldDetail(BaseModel):
    field: str = Field(description="a codebook field, or a group: dates, place, size, arrests")
    value: JSONValue
    reconciled_rule: str
    disagree: bool
    corroborating: list[str]
    sources: list[SourceValue]


class Report(BaseModel):
    event_id: str
    article_id: str | None
    outlet: str | None
    confidence: float
    evidence: list[Quote]


class ArticleRef(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None


class ArticleFull(ArticleRef):
    text: str = Field(description="plain text: insert it with textContent, never as HTML")


class EventDetail(BaseModel):
    summary: EventSummary
    fields: list[FieldDetail]
    reports: list[Report]
    articles: list[ArticleRef]
    history: list[dict[str, JSONValue]]
    corrections: list[dict[str, JSONValue]]
    decisions: list[dict[str, JSONValue]]
    links: list[dict[str, JSONValue]]
    members: list[str]


class Bucket(BaseModel):
    key: str
    count: int


class Aggregate(BaseModel):
    by: str
    buckets: list[Bucket]


class Facets(BaseModel):
    country: list[Bucket]
    form: list[Bucket]
    sub_event_type: list[Bucket]
    issue: list[Bucket]
    target_country: list[Bucket]
    review: list[Bucket]


class AuditItems(BaseModel):
    items: list[dict[str, JSONValue]]


class Me(BaseModel):
    user: str | None
    role: str | None
    csrf_token: str | None
    public: bool
    via: str | None = Field(None, description="session, token, or null")


class Config(BaseModel):
    tile_url: str | None
    public: bool
    vocabularies: dict[str, list[JSONValue]]
    editable_fields: list[str]
    aggregate_by: list[str]
    sorts: list[str]


class Problem(BaseModel):
    detail: JSONValue


# -- requests -----------------------------------------------------------------------------------


class ReviewIn(Strict):
    decision: Literal["accept", "reject"]
    note: str | None = Field(None, max_length=2000)


class EvidenceIn(Strict):
    article_id: str = Field(max_length=200)
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class FieldEditIn(Strict):
    field: str = Field(max_length=64)
    value: JSONValue = None
    evidence: EvidenceIn | None = None
    note: str | None = Field(None, max_length=2000)


class MergeIn(Strict):
    a: str = Field(max_length=200)
    b: str = Field(max_length=200)
    note: str | None = Field(None, max_length=2000)


class SplitIn(Strict):
    article_ids: list[str] = Field(min_length=1, max_length=1000)
    note: str | None = Field(None, max_length=2000)


class Changed(BaseModel):
    id: str = Field(description="the real-world event the action applied to or produced")
    ids: list[str] = Field(description="every real-world event the action touched")
    event: EventDetail


class TokenIn(Strict):
    label: str = Field("", max_length=200)


class TokenOut(BaseModel):
    id: int
    label: str
    token: str = Field(description="shown once: only its hash is kept")


class TokenList(BaseModel):
    items: list[dict[str, JSONValue]]


class UserIn(Strict):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.@-]+$")
    password: str = Field(min_length=10, max_length=1024)
    role: Literal["viewer", "coder", "admin"]


class UserPatch(Strict):
    role: Literal["viewer", "coder", "admin"] | None = None
    password: str | None = Field(None, min_length=10, max_length=1024)


class UserOut(BaseModel):
    name: str
    role: str
    created_at: str | None = None
    disabled: bool | None = None


class UserList(BaseModel):
    items: list[UserOut]


class Ok(BaseModel):
    ok: bool

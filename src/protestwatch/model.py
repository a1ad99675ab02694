"""The data model: articles in, coded events out.

Everything here is a frozen dataclass or an enum; dictionaries appear only at the edges
(``to_dict`` / ``from_dict``), for JSON, the database and the exports.  The vocabularies are the
codebook's (``shared/codebook.md`` §2), defined once here.

Offsets are character offsets into ``Article.text`` (Python ``str`` indices, end exclusive).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, Iterable, Mapping, TypeVar

T = TypeVar("T")


class _Vocab(str, Enum):
    """A codebook vocabulary: the value is the codebook's string."""

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value

    @classmethod
    def parse(cls, value: str | None) -> "_Vocab | None":
        if value is None or value == "":
            return None
        return cls(value)


class Status(_Vocab):
    OCCURRED = "occurred"
    PLANNED = "planned"
    PREVENTED = "prevented"


class Report(_Vocab):
    CURRENT = "current"
    BACKGROUND = "background"


class Form(_Vocab):
    DEMONSTRATE = "demonstrate"
    RIOT = "riot"
    STRIKE = "strike"
    HUNGER_STRIKE = "hunger_strike"
    BOYCOTT = "boycott"
    OBSTRUCT = "obstruct"
    VANDALIZE = "vandalize"


class Tactic(_Vocab):
    RALLY = "rally"
    MARCH = "march"
    PICKET = "picket"
    SINGLE_PERSON_PICKET = "single_person_picket"
    SIT_IN = "sit_in"
    VIGIL = "vigil"
    OCCUPATION = "occupation"
    ROAD_BLOCK = "road_block"
    MOTORCADE = "motorcade"
    FLASH_MOB = "flash_mob"
    OTHER = "other"


class SubEventType(_Vocab):
    PEACEFUL = "Peaceful protest"
    INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"


class DatePrecision(_Vocab):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"

    @property
    def rank(self) -> int:
        """0 for the finest unit (day), 4 for the coarsest (year)."""
        return list(DatePrecision).index(self)


class GeoPrecision(int, Enum):
    LOCALITY = 1
    NEAR_LOCALITY = 2
    REGION = 3
    COUNTRY = 4


class ActorType(_Vocab):
    POLITICAL_PARTY = "political_party"
    MOVEMENT = "movement"
    UNION = "union"
    NGO = "ngo"
    STUDENTS = "students"
    WORKERS = "workers"
    FARMERS = "farmers"
    RESIDENTS = "residents"
    RELATIVES = "relatives"
    ETHNIC_GROUP = "ethnic_group"
    RELIGIOUS_GROUP = "religious_group"
    ACTIVISTS = "activists"
    JOURNALISTS = "journalists"
    WOMEN = "women"
    PENSIONERS = "pensioners"
    BUSINESS = "business"
    PERSON = "person"
    OTHER = "other"


class TargetType(_Vocab):
    NATIONAL_GOVERNMENT = "national_government"
    LOCAL_GOVERNMENT = "local_government"
    FOREIGN_GOVERNMENT = "foreign_government"
    COMPANY = "company"
    FOREIGN_COMPANY = "foreign_company"
    POLICE = "police"
    JUDICIARY = "judiciary"
    OTHER = "other"


class Issue(_Vocab):
    FOREIGN_INFLUENCE = "foreign_influence"
    FOREIGN_INVESTMENT = "foreign_investment"
    LAND = "land"
    LABOR_WAGES = "labor_wages"
    PRICES_ECONOMY = "prices_economy"
    CORRUPTION = "corruption"
    ELECTIONS_POLITICAL_PROCESS = "elections_political_process"
    POLITICAL_PRISONERS = "political_prisoners"
    HUMAN_RIGHTS = "human_rights"
    ETHNIC_MINORITY_RIGHTS = "ethnic_minority_rights"
    POLICE_JUSTICE = "police_justice"
    ENVIRONMENT = "environment"
    RELIGION = "religion"
    GENDER = "gender"
    EDUCATION = "education"
    HEALTH = "health"
    HOUSING = "housing"
    COVID = "covid"
    OTHER = "other"


class Force(_Vocab):
    NONE = "none"
    CROWD_CONTROL = "crowd_control"
    LETHAL = "lethal"
    UNKNOWN = "unknown"


class Permit(_Vocab):
    AUTHORIZED = "authorized"
    DENIED = "denied"
    NOT_REQUIRED = "not_required"
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------------------------
# Text positions


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A character span ``[start, end)`` in one article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a named article that supports a coded value."""

    article_id: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Evidence":
        return cls(str(d["article_id"]), int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: its span and its paragraph number (0-based)."""

    start: int
    end: int
    paragraph: int = 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Finding(Generic[T]):
    """A value a stage found in the text, with the span that supports it."""

    value: T
    span: Span


# --------------------------------------------------------------------------------------------
# Articles and inputs


def content_hash(text: str) -> str:
    """The identity of an article's content: SHA-256 of its NFC-normalised, whitespace-folded text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.  ``id`` is the id it came with, else derived from the content hash."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line" or a URL
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))
        if not self.id:
            object.__setattr__(self, "id", "a-" + self.hash[:16])

    def replace(self, **changes: Any) -> "Article":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "origin": self.origin,
            "hash": self.hash,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Article":
        pub = d.get("published")
        return cls(
            text=d["text"],
            id=d.get("id") or "",
            url=d.get("url"),
            title=d.get("title"),
            outlet=d.get("outlet"),
            published=dt.date.fromisoformat(pub[:10]) if pub else None,
            language=d.get("language"),
            origin=d.get("origin"),
            hash=d.get("hash") or "",
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with where it came from and why."""

    origin: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "line": self.line, "reason": self.reason}


# --------------------------------------------------------------------------------------------
# Values coded by the stages


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date
    precision: DatePrecision

    def overlaps(self, other: "DateRange") -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the text and resolved against the publication date."""

    span: Span
    text: str
    value: DateRange


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, at the precision the text supports."""

    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    locality: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: GeoPrecision = GeoPrecision.COUNTRY
    geonames_id: int | None = None
    feature: str | None = None  # "country", "admin1", "locality", ...
    #: the name of a place that is neither a first-level unit nor a locality: a region, an
    #: island, a county ("Casamance", "Mindanao", "Boone County")
    area: str | None = None

    @property
    def name(self) -> str | None:
        return self.locality or self.area or self.admin1 or self.country


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym (or "the capital", a demonym ...) in the text and its resolution."""

    span: Span
    text: str
    place: Place
    score: float = 1.0
    kind: str = "toponym"  # "toponym", "capital", "demonym", "landmark"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted quantity (crowd size, arrests) with the words used: low/high per the codebook."""

    text: str
    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class QuantityMention:
    span: Span
    value: Quantity


@dataclass(frozen=True, slots=True)
class Organizer:
    name: str
    type: ActorType

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type.value}


@dataclass(frozen=True, slots=True)
class Participant:
    description: str
    type: ActorType

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.description, "type": self.type.value}


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    type: TargetType
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type.value, "country": self.country}


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
        }

    @classmethod
    def of(cls, article: Article) -> "Source":
        return cls(article.id, article.url, article.outlet, article.published)


# --------------------------------------------------------------------------------------------
# The event


#: The codebook's event fields, in the codebook's order (the JSON Lines export uses these names).
EVENT_FIELDS: tuple[str, ...] = (
    "status", "report", "form", "tactics", "acled_sub_event_type",
    "date_start", "date_end", "date_precision",
    "country", "admin1", "locality", "location_detail", "latitude", "longitude", "geo_precision",
    "size_text", "size_low", "size_high",
    "organizers", "participants", "targets", "claims", "issues",
    "arrests_text", "arrests_low", "arrests_high", "injuries", "fatalities",
    "force", "dispersed", "internet_shutdown", "permit", "protester_violence", "outcome",
    "campaign",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """One coded protest event, with the codebook's fields, its sources and per-field evidence.

    ``evidence`` maps a field name of ``EVENT_FIELDS`` (plus ``"event"`` for the sentences that
    report the event itself) to the spans that support it.
    """

    id: str
    status: Status = Status.OCCURRED
    report: Report = Report.CURRENT
    form: Form = Form.DEMONSTRATE
    tactics: tuple[Tactic, ...] = ()
    acled_sub_event_type: SubEventType | None = SubEventType.PEACEFUL
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision | None = None
    country: str | None = None
    admin1: str | None = None
    locality: str | None = None
    location_detail: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    size_text: str | None = None
    size_low: int | None = None
    size_high: int | None = None
    organizers: tuple[Organizer, ...] = ()
    participants: tuple[Participant, ...] = ()
    targets: tuple[Target, ...] = ()
    claims: tuple[str, ...] = ()
    issues: tuple[Issue, ...] = ()
    arrests_text: str | None = None
    arrests_low: int | None = None
    arrests_high: int | None = None
    injuries: int | None = None
    fatalities: int | None = None
    force: Force = Force.UNKNOWN
    dispersed: bool | None = None
    internet_shutdown: bool | None = None
    permit: Permit = Permit.UNKNOWN
    protester_violence: bool | None = None
    outcome: str | None = None
    campaign: str | None = None
    sources: tuple[Source, ...] = ()
    evidence: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    confidence: float = 0.5

    def replace(self, **changes: Any) -> "Event":
        return dataclasses.replace(self, **changes)

    # -- edges ---------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The event as the codebook's JSON object (``id``, the fields, sources, evidence, confidence)."""
        out: dict[str, Any] = {"id": self.id}
        for name in EVENT_FIELDS:
            out[name] = _to_json(getattr(self, name))
        out["sources"] = [s.to_dict() for s in self.sources]
        out["evidence"] = {k: [e.to_dict() for e in v] for k, v in self.evidence.items()}
        out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Event":
        """Read an event in the codebook's JSON format (unknown keys are ignored)."""

        def date(key: str) -> dt.date | None:
            v = d.get(key)
            return dt.date.fromisoformat(str(v)[:10]) if v else None

        def opt_int(key: str) -> int | None:
            v = d.get(key)
            return None if v is None or v == "" else int(v)

        def opt_float(key: str) -> float | None:
            v = d.get(key)
            return None if v is None or v == "" else float(v)

        sources = []
        for s in d.get("sources") or ():
            pub = s.get("published")
            sources.append(
                Source(
                    str(s.get("article_id") or ""),
                    s.get("url"),
                    s.get("outlet"),
                    dt.date.fromisoformat(pub[:10]) if pub else None,
                )
            )
        geo = d.get("geo_precision")
        return cls(
            id=str(d.get("id") or ""),
            status=Status(d.get("status") or "occurred"),
            report=Report(d.get("report") or "current"),
            form=Form(d.get("form") or "demonstrate"),
            tactics=tuple(Tactic(t) for t in d.get("tactics") or ()),
            acled_sub_event_type=SubEventType.parse(d.get("acled_sub_event_type")),  # type: ignore[arg-type]
            date_start=date("date_start"),
            date_end=date("date_end"),
            date_precision=DatePrecision.parse(d.get("date_precision")),  # type: ignore[arg-type]
            country=d.get("country"),
            admin1=d.get("admin1"),
            locality=d.get("locality"),
            location_detail=d.get("location_detail"),
            latitude=opt_float("latitude"),
            longitude=opt_float("longitude"),
            geo_precision=GeoPrecision(int(geo)) if geo not in (None, "") else None,
            size_text=d.get("size_text"),
            size_low=opt_int("size_low"),
            size_high=opt_int("size_high"),
            organizers=tuple(
                Organizer(o["name"], ActorType(o.get("type") or "other"))
                for o in d.get("organizers") or ()
            ),
            participants=tuple(
                Participant(p["description"], ActorType(p.get("type") or "other"))
                for p in d.get("participants") or ()
            ),
            targets=tuple(
                Target(t["name"], TargetType(t.get("type") or "other"), t.get("country"))
                for t in d.get("targets") or ()
            ),
            claims=tuple(d.get("claims") or ()),
            issues=tuple(Issue(i) for i in d.get("issues") or ()),
            arrests_text=d.get("arrests_text"),
            arrests_low=opt_int("arrests_low"),
            arrests_high=opt_int("arrests_high"),
            injuries=opt_int("injuries"),
            fatalities=opt_int("fatalities"),
            force=Force(d.get("force") or "unknown"),
            dispersed=d.get("dispersed"),
            internet_shutdown=d.get("internet_shutdown"),
            permit=Permit(d.get("permit") or "unknown"),
            protester_violence=d.get("protester_violence"),
            outcome=d.get("outcome"),
            campaign=d.get("campaign"),
            sources=tuple(sources),
            evidence={
                k: tuple(Evidence.from_dict(e) for e in v)
                for k, v in (d.get("evidence") or {}).items()
            },
            confidence=float(d.get("confidence", 0.5)),
        )


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def spans_to_evidence(article_id: str, spans: Iterable[Span]) -> tuple[Evidence, ...]:
    """Evidence records for ``spans`` of one article, sorted and without repeats."""
    return tuple(Evidence(article_id, s.start, s.end) for s in sorted(set(spans)))

"""Coding: from an event frame (the sentences that report one event) to codebook events.

Reads: an ``EventFrame`` and the article's ``ArticleAnalysis``.  Writes: one ``Event`` per locality
of the frame (codebook §1 disaggregation), every field with its evidence spans.

The field stages are pure functions in their own modules (dates, places, crowd size, counts,
response, actors, targets, claims, issues); this module only applies the codebook's rules that
combine them: status and report, the riot rule, the ACLED sub-event type, the country-level event
for "and other cities", and the confidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from protestwatch.extract import actors, claims, counts, crowd_size, issues, participants, response, targets
from protestwatch.extract.form import classify_form
from protestwatch.extract.institutions import institution_names
from protestwatch.extract.segment import EventFrame, SentenceInfo
from protestwatch.extract.triggers import gathering_cue
from protestwatch.geo.details import find_scope_details
from protestwatch.geo.roles import feature_after, travel_role
from protestwatch.model import (
    Article, DatePrecision, DateRange, Evidence, Event, Finding, Force, Form, GeoPrecision,
    Permit, Place, PlaceMention, Report, Source, Span, Status, SubEventType,
)  # fmt: skip

# Codebook §3.3: "in Almaty, Astana and other cities" adds a country-precision event for the
# unnamed places; so does a nationwide action when only later sentences name a city ("strikes
# across the country on June 1 ... In Paris the march will leave ...").  "Many cities across the
# country, including A and B" names its examples: no extra event.
_OTHER_PLACES = re.compile(
    r"\b(?:and|in|as\s+well\s+as)\s+(?:several|many|a\s+number\s+of|dozens\s+of|some|numerous)?\s*"
    r"other\s+(?:cities|towns|regions|places|parts|provinces|districts|localities|villages)\b",
    re.IGNORECASE,
)
_COUNTRY_SCOPE = re.compile(
    r"\b(?:the\s+country|nationwide|countrywide|the\s+nation|across\s+[A-Z]\w+|"
    r"throughout\s+[A-Z]\w+|many\s+(?:cities|towns|regions|parts))",
)
_NATIONWIDE = re.compile(
    r"\b(?:nationwide|across\s+the\s+country|throughout\s+the\s+country|all\s+over\s+the\s+country)\b",
    re.IGNORECASE,
)
_HEDGED = re.compile(r"\b(?:sometimes|occasionally|at\s+times|some\s+of\s+(?:which|them))\b", re.I)
_CURRENT_WINDOW = dt.timedelta(days=14)
_CONTINUED = re.compile(
    r"\b(?:began|begun|started|ended|continued|lasted|until|into|overnight|through\s+the\s+night|"
    r"all\s+night|second\s+(?:straight\s+|consecutive\s+)?day|for\s+(?:two|three)\s+days)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
# People killed at the event, with no count ("people had been killed"); a count is the
# fatalities stage's.  Victims must be the protesters' side, not "cyclists killed by a truck".
_DEATHS = re.compile(
    r"\b(?:protesters|demonstrators|participants|marchers|strikers|people|civilians|students|"
    r"youths|workers)\s+(?:\w+\s+){0,3}(?:were|was|had\s+been|have\s+been)\s+(?:shot\s+dead|killed)|"
    r"\b(?:opened\s+fire|fired\s+live)\b[^.]{0,80}\bkill(?:ing|ed)\b|"
    r"\bkilling\s+(?:at\s+least\s+|more\s+than\s+|several\s+|dozens\s+of\s+)?(?:\w+\s+)?"
    r"(?:protesters|demonstrators|people)",
    re.IGNORECASE,
)


@dataclass
class ArticleAnalysis:
    """What the pipeline knows about one article while coding it."""

    article: Article
    sentences: list[SentenceInfo]
    doc: Any = None  # spaCy Doc of the whole text, or None
    country: str | None = None  # the document's main country
    country_share: float = 1.0  # its share of the place mentions' votes
    dateline: PlaceMention | None = None
    main_town: PlaceMention | None = None  # the town a local story keeps naming
    place_names: frozenset[str] | None = None  # lower-cased names that are not organizers
    location_details: Callable[[str, Span], list[Finding[str]]] | None = None
    place_at: Callable[[PlaceMention, dt.date], Place] | None = None  # its name at a date
    #: geonames id -> the spelling of a town the article writes ("Ulaanbaatar" for the data's
    #: "Ulan Bator"), for its events placed by "the capital", a fallback or a back-reference
    spellings: dict[int, str] = field(default_factory=dict)
    last_town: PlaceMention | None = None  # the locality of the latest event coded so far
    used_ids: set[str] = field(default_factory=set)
    _found: dict[tuple[Any, int], list[Finding]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def per_sentence(self, finder: Callable[[str, Sequence[Span]], list[Finding]], indices: list[int]) -> list[Finding]:
        """``finder``'s findings in the given sentences, each sentence read once per article (a
        sentence may serve several events: the cities of one wave, a lead and its follow-up)."""
        out: list[Finding] = []
        for i in indices:
            key = (finder, i)
            if key not in self._found:
                self._found[key] = finder(self.text, [self.sentences[i].span])
            out.extend(self._found[key])
        return out


def code_frame(frame: EventFrame, analysis: ArticleAnalysis) -> list[Event]:
    """The events of one frame: one per locality, sharing a campaign key when there are several.

    With several places, each event's fields come from the sentences that name its place or
    none of the frame's places ("14 people were detained in the capital" is Paris's, not Lyon's)."""
    trigger_spans = [analysis.sentences[i].span for i in frame.sentences]
    if frame.date is None and not _has_town(frame):
        # No time and no town: a statement about protests, not a report of one (codebook §1),
        # unless it is the lead's news and the article's lead names where it is.
        if analysis.dateline is None or not _in_lead(frame, analysis):
            return []
    places = _event_places(frame, analysis)
    date = _frame_date(frame, analysis)
    if not places or date is None:
        return []
    campaign = None
    detail = _location_detail(analysis, trigger_spans)
    scope = _scope_detail(frame, analysis)
    events = []
    for mention in places:
        indices = _sentences_for(frame, analysis, mention, places)
        base = _common_fields(frame, analysis, date, indices, mention.place)
        if campaign is None and len(places) > 1:
            campaign = _campaign_key(base, places)
        values, evidence = dict(base.values), dict(base.evidence)
        place = mention.place
        if analysis.place_at is not None:
            place = analysis.place_at(mention, values["date_start"])
        place = _as_written(place, analysis.spellings)
        values.update(_place_values(place))
        if mention.span.end > mention.span.start:
            evidence["country"] = evidence["locality"] = [mention.span]
        values["campaign"] = campaign
        # A detail ("outside the regional administration") belongs to a single-place event; an
        # event of a wave takes the detail of a sentence that names its place alone ("In Tomsk, a
        # student stood outside the regional court"); a region- or country-level event the words
        # that say where ("other cities", "across the country") before any site.
        own = detail if len(places) == 1 else _own_detail(frame, analysis, mention, places, indices)
        if place.precision.value >= GeoPrecision.REGION.value and scope is not None:
            own = scope
        if own is not None:
            values["location_detail"] = own.value
            evidence["location_detail"] = [own.span]
        events.append(_make_event(values, evidence, analysis, base.confidence, mention))
        if place.precision.value <= GeoPrecision.NEAR_LOCALITY.value:
            analysis.last_town = mention
    return events


def _sentences_for(
    frame: EventFrame, analysis: ArticleAnalysis, mention: PlaceMention, places: list[PlaceMention]
) -> list[int]:
    if len(places) == 1:
        return frame.all_sentences
    keys = {_place_key(p) for p in places}
    own = _place_key(mention)
    out = []
    for i in frame.all_sentences:
        named = {_place_key(m) for m in analysis.sentences[i].mentioned} & keys
        if not named or own in named:
            out.append(i)
    return out


def _place_key(m: PlaceMention) -> tuple[str | None, str | None]:
    return (m.place.country, m.place.locality or m.place.admin1)


@dataclass
class _Fields:
    values: dict[str, Any]
    evidence: dict[str, list[Span]]
    confidence: float


def _common_fields(
    frame: EventFrame, analysis: ArticleAnalysis, date: DateRange, indices: list[int], place: Place
) -> _Fields:
    """The fields of one event from its sentences ``indices``; ``place`` is where it was."""
    country, country_level = place.country, place.precision == GeoPrecision.COUNTRY
    text, doc, published = analysis.text, analysis.doc, analysis.article.published
    spans = [analysis.sentences[i].span for i in indices]
    trigger_ids = [i for i in frame.sentences if i in indices] or frame.sentences
    values: dict[str, Any] = {}
    evidence: dict[str, list[Span]] = {"event": [analysis.sentences[i].span for i in trigger_ids]}
    values.update(date_start=date.start, date_end=date.end, date_precision=date.precision)
    if frame.date is not None:
        evidence["date_start"] = evidence["date_end"] = [frame.date.span]

    form, values["tactics"], evidence["form"] = classify_form(
        [analysis.sentences[i].triggers for i in trigger_ids], doc
    )
    evidence["tactics"] = evidence["form"]
    # A sentence about the whole country's turnout ("104,000 nationwide, while the union said more
    # than 300,000") gives no city's crowd size.
    local = [i for i in indices if country_level or not _NATIONWIDE.search(analysis.sentences[i].text)]
    _add_size(values, evidence, analysis.per_sentence(crowd_size.find_crowd_sizes, local), country_level)
    _add_people(values, evidence, text, spans, doc, country or analysis.country, analysis.place_names)
    _add_response(values, evidence, analysis, indices, country_level)

    status, status_span = _status(frame, analysis, date)
    values["status"] = status
    if status_span is not None:
        evidence["status"] = [status_span]
    hedged = any(_HEDGED.search(analysis.sentences[i].text) for i in indices)
    if values.get("protester_violence") and not hedged and form != Form.VANDALIZE:
        form = Form.RIOT  # (damage to property told as the act itself stays vandalism)
    values["form"] = form
    values["report"] = _report(status, date, published)
    deaths = _DEATHS.search(" ".join(analysis.sentences[i].text for i in indices))
    values["acled_sub_event_type"] = _sub_event_type(values, deaths is not None and not hedged)
    confidence = _confidence(frame, analysis, values)
    return _Fields(values, evidence, confidence)


def _frame_date(frame: EventFrame, analysis: ArticleAnalysis) -> DateRange | None:
    """The frame's date, widened to the days its sentences say it went on for ("began on Tuesday
    night ... ended before sunrise on Wednesday") and to the publication date for an action still
    going on ("have been on strike since Monday")."""
    published = analysis.article.published
    if frame.date is None:
        # No date in the text: a news report's undated event happened by the day of publication.
        return DateRange(published, published, DatePrecision.DAY) if published else None
    value = frame.date.value
    if value.precision != DatePrecision.DAY:
        return value
    start, end = value.start, value.end
    for i in frame.sentences:
        info = analysis.sentences[i]
        if not _CONTINUED.search(info.text):
            continue
        for d in info.dates:
            if d.value.precision == DatePrecision.DAY and abs((d.value.start - value.start).days) <= 3:
                start, end = min(start, d.value.start), max(end, d.value.end)
    before = analysis.text[max(0, frame.date.span.start - 12) : frame.date.span.start]
    if published and _SINCE.search(before) and published > end:
        end = published
    return DateRange(start, end, DatePrecision.DAY)


def _add_size(values: dict, evidence: dict, found: Sequence[Finding], country_level: bool) -> None:
    if not country_level:  # "104,000 demonstrators nationwide" is not one city's crowd
        found = [f for f in found if not counts.is_multi_site(f.value.text)]
    if not found:
        return
    combined = crowd_size.combine_sizes(found)
    values.update(size_text=combined.text, size_low=combined.low, size_high=combined.high)
    evidence["size_text"] = evidence["size_low"] = evidence["size_high"] = [f.span for f in found]


def _add_people(
    values: dict, evidence: dict, text: str, spans: list[Span], doc: Any, country: str | None,
    place_names: frozenset[str] | None = None,
) -> None:  # fmt: skip
    orgs = actors.find_organizers(text, spans, doc, places=place_names)
    values["organizers"] = tuple(_unique(f.value for f in orgs))
    evidence["organizers"] = [f.span for f in orgs]
    parts = participants.find_participants(text, spans, doc)
    values["participants"] = tuple(_unique(f.value for f in parts))
    evidence["participants"] = [f.span for f in parts]
    tgts = targets.find_targets(text, spans, doc, country=country)
    values["targets"] = tuple(_unique(f.value for f in tgts))
    evidence["targets"] = [f.span for f in tgts]
    found_claims = claims.find_claims(text, spans, doc)
    values["claims"] = tuple(_unique(f.value for f in found_claims))
    evidence["claims"] = [f.span for f in found_claims]
    claim_spans = [f.span for f in found_claims]
    found_issues = issues.classify_issues(text, claim_spans + spans, country=country, claims=claim_spans)
    values["issues"] = tuple(_unique(f.value for f in found_issues))
    evidence["issues"] = [f.span for f in found_issues]


def _add_response(
    values: dict, evidence: dict, analysis: ArticleAnalysis, indices: list[int], country_level: bool
) -> None:
    arrests = analysis.per_sentence(counts.find_arrests, indices)
    if arrests:
        # The highest count; an open top ("at least three") outranks the same closed one.
        best = max(arrests, key=lambda f: (f.value.low or 0, math.inf if f.value.high is None else f.value.high))
        low, high = best.value.low, best.value.high
        if not country_level and counts.is_multi_site(best.value.text):
            low, high = 2, None  # codebook §3.4: a count across several places is not split
        values.update(arrests_text=best.value.text, arrests_low=low, arrests_high=high)
        evidence["arrests_text"] = evidence["arrests_low"] = evidence["arrests_high"] = [f.span for f in arrests]
    for name, finder in (("injuries", counts.find_injuries), ("fatalities", counts.find_fatalities)):
        found = analysis.per_sentence(finder, indices)
        if found:
            values[name] = max(f.value for f in found)
            evidence[name] = [f.span for f in found]
    singles: tuple[tuple[str, Callable[[str, Sequence[Span]], list[Finding]]], ...] = (
        ("force", response.detect_force),
        ("dispersed", response.detect_dispersal),
        ("internet_shutdown", response.detect_internet_shutdown),
        ("permit", response.detect_permit),
        ("protester_violence", response.detect_protester_violence),
        ("outcome", response.find_outcome),
    )
    for name, finder in singles:
        found = analysis.per_sentence(finder, indices)
        if found:
            values[name] = _strongest(name, [f.value for f in found])
            if values[name] is not None:
                evidence[name] = [f.span for f in found]
    if values.get("force") is None and values.get("arrests_low"):
        values["force"] = Force.UNKNOWN


_FORCE_RANK = {Force.NONE: 0, Force.UNKNOWN: 1, Force.CROWD_CONTROL: 2, Force.LETHAL: 3}
_PERMIT_RANK = {Permit.UNKNOWN: 0, Permit.NOT_REQUIRED: 1, Permit.AUTHORIZED: 2, Permit.DENIED: 3}


def _strongest(name: str, found: list[Any]) -> Any:
    """One value from several findings: the most severe force, the first permit statement, any true."""
    if name == "force":
        return max(found, key=lambda f: _FORCE_RANK[f])
    if name == "permit":
        return found[0]
    if name == "protester_violence" and True in found and False in found:
        return None  # one source says violent, another peaceful: not established
    if isinstance(found[0], bool):
        return any(found)
    return found[0]


def _status(frame: EventFrame, analysis: ArticleAnalysis, date: DateRange) -> tuple[Status, Span | None]:
    published = analysis.article.published
    cues = [
        (analysis.sentences[i].status, analysis.sentences[i]) for i in frame.sentences
        if analysis.sentences[i].status
    ]  # fmt: skip
    gathered = any(gathering_cue(analysis.sentences[i].text) for i in frame.all_sentences)
    for (status, span), info in cues:  # type: ignore[misc]
        if status == Status.PREVENTED and not gathered:
            return Status.PREVENTED, span.shift(info.span.start)
    if published is not None and date.start > published:
        planned = next(((s, i) for (s, i) in cues if s[0] == Status.PLANNED), None)  # type: ignore[index]
        span = planned[0][1].shift(planned[1].span.start) if planned else None  # type: ignore[index]
        return Status.PLANNED, span
    for (status, span), info in cues:  # type: ignore[misc]
        if status == Status.PLANNED and published is not None and date.end >= published:
            return Status.PLANNED, span.shift(info.span.start)
    return Status.OCCURRED, None


def _report(status: Status, date: DateRange, published: dt.date | None) -> Report:
    """Codebook §3.1: current when the event touches the 14 days before publication (or later)."""
    if published is None or status == Status.PLANNED:
        return Report.CURRENT
    return Report.CURRENT if date.end >= published - _CURRENT_WINDOW else Report.BACKGROUND


def _sub_event_type(values: dict[str, Any], deaths: bool = False) -> SubEventType | None:
    """Codebook §2 and §3.10; ``deaths`` when the text says people were killed without a count."""
    status = values["status"]
    intervention = bool(
        values.get("arrests_low") or values.get("dispersed")
        or values.get("force") in (Force.CROWD_CONTROL, Force.LETHAL)
    )  # fmt: skip
    if status == Status.PLANNED or (status == Status.PREVENTED and not intervention):
        return None
    if values["form"] == Form.RIOT:
        return SubEventType.VIOLENT
    if values.get("force") == Force.LETHAL or values.get("fatalities") or deaths:
        return SubEventType.EXCESSIVE_FORCE
    return SubEventType.INTERVENTION if intervention else SubEventType.PEACEFUL


def _event_places(frame: EventFrame, analysis: ArticleAnalysis) -> list[PlaceMention]:
    """One place per event: the frame's localities, else its finest place, else the article's.

    A destination of travel or an origin ("buses to X were diverted", "farmers from villages
    around X") is not where the event was; a place named by its direction or distance ("the
    highway south of X", "20 km from X") is near X (precision 2, X's coordinates); a town named
    only by a feature ("on X Bay") is near that town."""
    chosen = [_near_feature(p, analysis) for p in frame.places if _where(p, analysis)]
    no_date = frame.date is None or frame.inherited_date
    if frame.places and not chosen and no_date and analysis.last_town is not None:
        # Only a destination or an origin, no date of its own, after an event already coded:
        # more about that event ("buses to X were diverted" during the blockade), not a new one.
        return []
    localities = [p for p in chosen if p.place.precision.value <= 2]
    if not localities:
        localities = _relative_places(frame, analysis)
    if localities:
        out = _dedupe_places(localities)
        first = analysis.sentences[frame.sentences[0]]
        if _OTHER_PLACES.search(first.text) or (_NATIONWIDE.search(first.text) and not first.places):
            out.append(_country_mention(out[0].place.country, Span(0, 0)))
        return out
    if chosen:
        best = min(chosen, key=lambda p: p.place.precision.value)
        if best.place.precision == GeoPrecision.COUNTRY:
            # "outside parliament ... in Georgia", "outside the Chinese embassy ... in Vietnam":
            # the seat's city is finer than the country
            seat = _national_seat(frame, analysis)
            if seat is not None and seat.place.country == best.place.country:
                return [seat]
        return [best]
    named = [
        _near_feature(m, analysis) for i in frame.sentences for m in analysis.sentences[i].mentioned
        if m.place.precision.value <= 3 and m.place.country == analysis.country
        and _where(m, analysis)
    ]  # fmt: skip
    if named:  # no locative phrase, but the report names a place of its country
        return [min(named, key=lambda p: p.place.precision.value)]
    before = _previous_sentence_places(frame, analysis)
    if before:  # "... in the town's central square": the town named just before
        return before[:1]
    earlier = _anaphoric_place(frame, analysis)
    if earlier is not None:  # "the group in the city first rallied last month"
        return [earlier]
    seat = _national_seat(frame, analysis)
    if seat is not None:  # "rallied outside parliament": the capital
        return [seat]
    site = _institution_place(frame, analysis)
    if site is not None:  # "Makerere students marched" where the article puts Makerere in Kampala
        return [site]
    fallback = analysis.dateline
    if fallback is not None and (
        fallback.kind == "metadata"
        or (_in_lead(frame, analysis) and (fallback.kind != "lead" or frame.date is None))
    ):
        return [fallback]
    national = any(_COUNTRY_SCOPE.search(analysis.sentences[i].text) for i in frame.sentences)
    if analysis.main_town is not None and not national:
        return [analysis.main_town]  # a local story's town ("Two years ago, hundreds marched ...")
    # The article's country, when the article is about one country (not a world roundup).
    if analysis.country and analysis.country_share >= 0.5:
        return [_country_mention(analysis.country, Span(0, 0))]
    return []


def _sentence_of(m: PlaceMention, analysis: ArticleAnalysis) -> Span | None:
    for info in analysis.sentences:
        if info.span.start <= m.span.start and m.span.end <= info.span.end:
            return info.span
    return None


def _where(m: PlaceMention, analysis: ArticleAnalysis) -> bool:
    """Whether the mention may say where the event was: not a destination of travel or an
    origin ("buses to X were diverted", "fisherfolk from villages around X")."""
    if m.span.end <= m.span.start:
        return True  # a dateline, metadata or back-reference: no words to read
    return travel_role(analysis.text, m.span, _sentence_of(m, analysis)) is None


def _near_feature(m: PlaceMention, analysis: ArticleAnalysis) -> PlaceMention:
    """"on X Bay", "along the X River": a town named only by the feature is near that town
    (precision 2, its coordinates), the feature being the site."""
    if (
        m.span.end > m.span.start and m.place.precision == GeoPrecision.LOCALITY
        and feature_after(analysis.text, m.span)
    ):  # fmt: skip
        return dataclasses.replace(m, place=dataclasses.replace(m.place, precision=GeoPrecision.NEAR_LOCALITY))
    return m


def _relative_places(frame: EventFrame, analysis: ArticleAnalysis) -> list[PlaceMention]:
    """Towns named by a direction or a distance from them in the event's sentences ("blocked the
    highway south of X", "a camp 20 km from X"): the geoparser marks them near (precision 2)."""
    out = [
        m for i in frame.sentences for m in analysis.sentences[i].mentioned
        if m.place.precision == GeoPrecision.NEAR_LOCALITY and m.place.locality
        and _where(m, analysis)
    ]  # fmt: skip
    return _dedupe_places(out)[:1]


# "in the city", "the town's square", "the village": the town of the story told before.
_TOWN_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:same\s+)?(?:city|town|village)\b(?!\s+of\b)", re.I)
# "in the region", "across the province": the region of the story told before, at region level.
_REGION_ANAPHOR = re.compile(
    r"\b(?:in|across|throughout|around|all\s+over)\s+the\s+(?:region|province|oblast)\b(?!\s+of\b)", re.I
)
# A national parliament sits in the capital: "outside parliament", "picketed the national
# parliament", "in front of the Parliament of Georgia" (not a regional, state or city one).
_PARLIAMENT = re.compile(
    r"\b(?:outside(?:\s+of)?|in\s+front\s+of|near|at|opposite|before|towards?|to|onto|on|"
    r"picket(?:ed|ing)?|block(?:ed|ing)?|surround(?:ed|ing)?|besieg(?:ed|ing)|storm(?:ed|ing)?)\s+"
    r"(?:the\s+)?(?:(?:national|country['’]s|nation['’]s)\s+)?(?P<seat>parliament)"
    r"(?:\s+of\s+(?-i:[A-Z])\w+)?(?:\s+(?:building|complex|square))?\b",
    re.IGNORECASE,
)


def _frame_and_next(frame: EventFrame, analysis: ArticleAnalysis) -> list[int]:
    """The frame's sentences and the one that follows it in its paragraph ("... a deputy akim met a
    delegation.  Rallies are not new to the city")."""
    out = frame.all_sentences
    nxt = out[-1] + 1
    if nxt < len(analysis.sentences) and analysis.sentences[nxt].paragraph == analysis.sentences[out[-1]].paragraph:
        out = [*out, nxt]
    return out


def _anaphoric_place(frame: EventFrame, analysis: ArticleAnalysis) -> PlaceMention | None:
    """The place a frame without one refers back to: "in the region" is the region of the latest
    event's town (at region precision), "in the city" that town itself."""
    town = analysis.last_town
    if town is None or town.place.country != analysis.country:
        return None
    texts = [analysis.sentences[i].text for i in _frame_and_next(frame, analysis)]
    if town.place.admin1 and any(_REGION_ANAPHOR.search(t) for t in texts):
        region = Place(country=town.place.country, admin1=town.place.admin1, precision=GeoPrecision.REGION,
                       feature="admin1")  # fmt: skip
        return PlaceMention(town.span, town.text, region, town.score, "anaphor")
    if any(_TOWN_ANAPHOR.search(t) for t in texts):
        return town
    return None


def _national_seat(frame: EventFrame, analysis: ArticleAnalysis) -> PlaceMention | None:
    """Where the national parliament sits (the capital, or its own city: Cape Town, The Hague),
    for a frame with no place whose protest was at the parliament; the capital for one at a
    foreign embassy ("stood outside the Japanese embassy": embassies are in the capital)."""
    if analysis.country is None or analysis.place_at is None:
        return None
    for i in frame.sentences:
        info = analysis.sentences[i]
        for pattern, kind in ((_PARLIAMENT, "legislature"), (_EMBASSY, "capital")):
            m = pattern.search(info.text)
            if m is None:
                continue
            span = Span(info.span.start + m.start("seat"), info.span.start + m.end("seat"))
            seat = PlaceMention(span, m.group("seat"), Place(country=analysis.country), 0.5, kind)
            when = frame.date.value.start if frame.date is not None else analysis.article.published
            city = analysis.place_at(seat, when or dt.date.today())  # the capital, or the seat's city
            if city.locality:
                return PlaceMention(span, m.group("seat"), city, 0.5, kind)
    return None


# A protest at a foreign embassy: "outside the Japanese embassy", "picketed the US Embassy".
_EMBASSY = re.compile(
    r"\b(?:outside(?:\s+of)?|in\s+front\s+of|near|at|opposite|to|picket(?:ed|ing)?|"
    r"block(?:ed|ing)?|surround(?:ed|ing)?|storm(?:ed|ing)?)\s+(?:the\s+)?"
    r"(?P<seat>(?:[A-Z][\w.-]*\s+){1,3}(?i:embassy|high\s+commission))\b"
    r"(?!\s+(?i:and|or)\s+(?:the\s+|its\s+)?(?i:consulates?|missions?))"  # "embassy and consulate": two cities
)


def _institution_place(frame: EventFrame, analysis: ArticleAnalysis) -> PlaceMention | None:
    """The town of a named institution that a frame without a place names ("Gadjah Mada
    students held a similar boycott last year"), where another sentence of the article puts
    that institution in a town: right after its name ("Gadjah Mada University, Yogyakarta";
    "... University in Yogyakarta"), or in the lead of a dateline town ("YOGYAKARTA — Students at
    Gadjah Mada University ...").  (An institution named after a town of the article's country,
    "students of Gulu University", places its sentence there already: see the English
    coder's ``_institution_towns``.)"""
    bound = _bound_institutions(analysis)
    names = {
        name for i in frame.sentences for name, _, _ in institution_names(analysis.sentences[i].text)
    }
    if not names:
        names = {
            key for key in bound
            if any(re.search(rf"\b{re.escape(key)}\b", analysis.sentences[i].text) for i in frame.sentences)
        }  # fmt: skip
    for name in sorted(names):
        if name in bound:
            return bound[name]
    return None


_AFTER_INSTITUTION = re.compile(r"\A(?:,\s*|\s+in\s+|\s+\()")


def _bound_institutions(analysis: ArticleAnalysis) -> dict[str, PlaceMention]:
    """Institution name -> the town the article puts it in (see :func:`_institution_place`)."""
    out: dict[str, PlaceMention] = {}
    lead = next((s.index for s in analysis.sentences if not s.heading), None)
    for info in analysis.sentences:
        towns = [
            m for m in info.mentioned
            if m.place.precision == GeoPrecision.LOCALITY and m.place.country == analysis.country
        ]  # fmt: skip
        for name, _, end in institution_names(info.text):
            after = _AFTER_INSTITUTION.match(info.text[end:])
            at = info.span.start + end + (after.end() if after else 0)
            town = next((m for m in towns if after and m.span.start == at), None)
            if town is None and info.index == lead and analysis.dateline is not None:
                if analysis.dateline.place.precision == GeoPrecision.LOCALITY:
                    town = analysis.dateline
            if town is not None:
                out.setdefault(name, town)
    return out


def _has_town(frame: EventFrame) -> bool:
    return any(p.place.precision.value <= 2 for p in frame.places)


def _previous_sentence_places(frame: EventFrame, analysis: ArticleAnalysis) -> list[PlaceMention]:
    first = frame.sentences[0]
    if first == 0:
        return []
    prev, info = analysis.sentences[first - 1], analysis.sentences[first]
    if prev.paragraph != info.paragraph:
        return []
    return [
        m for m in prev.mentioned
        if m.place.precision.value <= 2 and m.place.country == analysis.country
    ]  # fmt: skip


def _in_lead(frame: EventFrame, analysis: ArticleAnalysis) -> bool:
    first_body = next((s.paragraph for s in analysis.sentences if not s.heading), 0)
    return analysis.sentences[frame.sentences[0]].paragraph <= first_body + 2


def _dedupe_places(mentions: list[PlaceMention]) -> list[PlaceMention]:
    seen, out = set(), []
    for m in mentions:
        key = (m.place.country, m.place.locality or m.place.admin1)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _country_mention(country: str | None, span: Span) -> PlaceMention:
    return PlaceMention(span, "", Place(country=country, precision=GeoPrecision.COUNTRY), 0.5, "country")


def _as_written(place: Place, spellings: dict[int, str]) -> Place:
    """The town as the article spells it elsewhere, when its own mention gave the data's name."""
    written = spellings.get(place.geonames_id) if place.geonames_id is not None else None
    if not written or not place.locality or written == place.locality:
        return place
    admin1 = written if place.admin1 == place.locality else place.admin1
    return dataclasses.replace(place, locality=written, admin1=admin1)


def _place_values(place: Place) -> dict[str, Any]:
    """The event's place fields.  Coordinates are the locality's (codebook §2): an event at
    region or country precision has none (its admin1 and country stay)."""
    located = place.precision.value <= GeoPrecision.NEAR_LOCALITY.value
    return {
        "country": place.country, "admin1": place.admin1, "locality": place.locality,
        "latitude": place.latitude if located else None,
        "longitude": place.longitude if located else None, "geo_precision": place.precision,
    }  # fmt: skip


def _location_detail(analysis: ArticleAnalysis, spans: list[Span]) -> Finding[str] | None:
    if analysis.location_details is None:
        return None
    for span in spans:
        found = analysis.location_details(analysis.text, span)
        if found:
            return found[0]
    return None


def _own_detail(
    frame: EventFrame, analysis: ArticleAnalysis, mention: PlaceMention, places: list[PlaceMention],
    indices: list[int],
) -> Finding[str] | None:  # fmt: skip
    """The detail of one place of a wave: from a sentence of the frame that names that place and
    no other of the wave's."""
    if analysis.location_details is None or mention.place.precision == GeoPrecision.COUNTRY:
        return None
    keys, own = {_place_key(p) for p in places}, _place_key(mention)
    for i in indices:
        named = {_place_key(m) for m in analysis.sentences[i].mentioned} & keys
        if named == {own}:
            found = analysis.location_details(analysis.text, analysis.sentences[i].span)
            if found:
                return found[0]
    return None


_SCOPE_ADJECTIVES = frozenset({"nationwide", "countrywide"})


def _scope_detail(frame: EventFrame, analysis: ArticleAnalysis) -> Finding[str] | None:
    """The words of the frame's first sentences that say over what area it went on ("and other
    cities", "across the country"): the detail of its region- or country-level event."""
    found = [f for i in frame.sentences for f in find_scope_details(analysis.text, analysis.sentences[i].span)]
    # "a nationwide day of strikes ... marches across the country": the words of a place first
    return next((f for f in found if f.value.lower() not in _SCOPE_ADJECTIVES), found[0] if found else None)


def _campaign_key(base: _Fields, places: list[PlaceMention]) -> str:
    v = base.values
    country = places[0].place.country or "xx"
    topic = v["issues"][0].value if v.get("issues") else v["form"].value
    return f"{country.lower()}-{v['date_start'].isoformat()}-{topic}"


def _confidence(frame: EventFrame, analysis: ArticleAnalysis, values: dict) -> float:
    triggers = [t for i in frame.sentences for t in analysis.sentences[i].triggers]
    score = 0.35
    score += 0.15 if frame.date is not None else 0.0
    score += 0.15 if any(p.place.precision.value <= 2 for p in frame.places) else 0.05
    score += 0.1 if max((t.strength for t in triggers), default=0) >= 2 else 0.0
    score += 0.05 * min(len(frame.sentences), 3)
    score += 0.05 if values.get("size_text") or values.get("organizers") else 0.0
    return round(min(score, 0.95), 3)


def _make_event(
    values: dict[str, Any], spans: dict[str, list[Span]], analysis: ArticleAnalysis,
    confidence: float, place: PlaceMention,
) -> Event:  # fmt: skip
    article = analysis.article
    key = "|".join(
        str(values.get(k)) for k in ("date_start", "date_end", "country", "admin1", "locality", "form")
    )
    digest = hashlib.sha1(f"{article.id}|{key}".encode()).hexdigest()[:12]
    event_id, n = f"ev-{digest}", 2
    while event_id in analysis.used_ids:
        event_id, n = f"ev-{digest}-{n}", n + 1
    analysis.used_ids.add(event_id)
    evidence = {
        name: tuple(Evidence(article.id, s.start, s.end) for s in sorted(set(ss)))
        for name, ss in spans.items() if ss
    }  # fmt: skip
    return Event(id=event_id, sources=(Source.of(article),), evidence=evidence,
                 confidence=confidence, **values)  # fmt: skip


def _unique(items: Any) -> list[Any]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out

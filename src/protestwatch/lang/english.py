"""English: the stage implementations that code an English article.

``EnglishCoder.code(article, doc)`` runs, in order: sentences and headings → triggers and cues per
sentence → dates → places (event places only) → segmentation into event frames → coding of each
frame into codebook events.  Another language provides a class with the same two methods
(``passes_gate``, ``code``) and registers it in ``protestwatch.lang``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from protestwatch.extract import dates as date_stage
from protestwatch.extract.actors import city_names
from protestwatch.extract.coding import ArticleAnalysis, code_frame
from protestwatch.extract.gate import passes_gate
from protestwatch.extract.institutions import institution_names
from protestwatch.extract.segment import SentenceInfo, segment
from protestwatch.extract.sentences import (
    Dateline, clause_cuts, dateline, is_heading, paragraphs, split_sentences,
)
from protestwatch.extract.triggers import find_triggers, is_habitual, is_non_event_context, status_cues
from protestwatch.geo import find_location_details, find_places
from protestwatch.geo.demonyms import demonym_country
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.names import name_key
from protestwatch.geo.recognize import NAMESAKE_LANDMARKS
from protestwatch.model import (
    Article, DateMention, DatePrecision, DateRange, Event, GeoPrecision, Place, PlaceMention,
    Sentence, Span, Status,
)  # fmt: skip

logger = logging.getLogger(__name__)


# A place preceded by one of these words is where something happened ...
_LOCATIVE = re.compile(
    r"\b(?:in|at|across|throughout|outside|near|around|into|through|on|to|towards?|inside|"
    r"from\s+\w+\s+to|city\s+of|town\s+of|village\s+of|streets\s+of|centre\s+of|center\s+of|"
    r"parts\s+of|regions?\s+of|province\s+of|outskirts\s+of|capital,?|capital\s+city|"
    r"(?:residents|inhabitants|people|citizens|villagers|townspeople|natives)\s+of)"
    r"\s+(?:the\s+|central\s+|downtown\s+|northern\s+|southern\s+|eastern\s+|western\s+)?$",
    re.IGNORECASE,
)
# ... unless it is the object of a claim or a visit, or where people come from.
_NOT_EVENT_PLACE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel\w*|relatives|families|detainees|people|deported|"
    r"refugees|born|imports?|exports?|loans?|investment|from|against|to\s+go|go)\s+(?:to\s+|in\s+|"
    r"from\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_CLAIM_START = re.compile(
    r"\b(?:demand\w*|call(?:ed|ing|s)?\s+(?:for|on)|urg\w+|against|protest(?:ing|ed)?\s+(?:against|over)|"
    r"oppos\w+|denounc\w+|condemn\w+|in\s+support\s+of|in\s+solidarity\s+with)\b",
    re.IGNORECASE,
)
_STRONG_LOCATIVE = re.compile(r"\b(?:outside|in\s+front\s+of|near|at)\s+(?:the\s+)?(?:\w+\s+){0,5}$", re.I)


@dataclass(frozen=True)
class _Context:
    """What annotating one sentence needs to know about its article."""

    article: Article
    mentions: list[PlaceMention]
    country: str | None
    headings: set[int]  # paragraph numbers of headlines, subheads and captions
    dateline_end: int  # dates before this offset are the filing date, not an event's


class EnglishCoder:
    """Codes English articles.  Load once; ``code`` is safe to call for many articles."""

    language = "en"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # Resources the stages would otherwise load on their first article.
        self.place_names = city_names()
        demonym_country("Kazakh")

    def passes_gate(self, text: str) -> bool:
        return passes_gate(text)

    def code(self, article: Article, doc: Any = None) -> list[Event]:
        analysis = self.analyse(article, doc)
        lead = analysis.dateline if analysis.dateline is not None and analysis.dateline.kind == "dateline" else None
        frames = segment(analysis.sentences, article.published, lead)
        events: list[Event] = []
        for frame in frames:
            events.extend(code_frame(frame, analysis))
        return events

    # -- analysis --------------------------------------------------------------------------

    def analyse(self, article: Article, doc: Any = None) -> ArticleAnalysis:
        text = article.text
        boundaries = [s.start_char for s in doc.sents] if doc is not None else ()
        mentions = find_places(text, self.gazetteer, doc=None, published=article.published)
        country, share = _document_country(text, mentions)
        line = dateline(text)
        ctx = _Context(
            article=article,
            mentions=mentions,
            country=country,
            headings={i for i, p in enumerate(paragraphs(text)) if is_heading(text[p.start : p.end])},
            dateline_end=line.end if line else 0,
        )
        infos: list[SentenceInfo] = []
        for sent in split_sentences(text, boundaries):
            infos.extend(self._annotate_clauses(ctx, sent, len(infos)))
        fallback = self._dateline_place(line, mentions) if line else None
        if fallback is None:
            fallback = _lead_place(text, infos)
        for meta in (article.title, article.outlet):
            if fallback is None and meta:
                fallback = self._metadata_place(meta, country)
        if country is None and fallback is not None:
            country = fallback.place.country
        analysis = ArticleAnalysis(
            article=article,
            sentences=infos,
            doc=doc,
            country=country,
            country_share=share,
            dateline=fallback,
            main_town=_main_town(mentions, country),
            place_names=self.place_names,
            location_details=find_location_details,
            place_at=self.place_at,
            spellings=_spellings(mentions),
        )
        return analysis

    def _annotate_clauses(self, ctx: "_Context", sent: Sentence, index: int) -> list[SentenceInfo]:
        """One sentence, or its clauses when each reports its own dated protest ("Marches were
        held on Thursday ..., and unions said they would strike on June 1")."""
        info = self._annotate(ctx, sent, index)
        if len(info.dates) < 2 or len(info.triggers) < 2:
            return [info]
        for cut in clause_cuts(ctx.article.text, sent):
            left = [t for t in info.triggers if t.span.end <= cut]
            right = [t for t in info.triggers if t.span.start >= cut]
            dated_left = [d for d in info.dates if d.span.end <= cut]
            dated_right = [d for d in info.dates if d.span.start >= cut]
            if left and right and dated_left and dated_right:
                head = Sentence(sent.start, cut, sent.paragraph)
                tail = Sentence(cut, sent.end, sent.paragraph)
                return [self._annotate(ctx, head, index), *self._annotate_clauses(ctx, tail, index + 1)]
        return [info]

    def _annotate(self, ctx: "_Context", sent: Sentence, index: int) -> SentenceInfo:
        text = ctx.article.text
        span = sent.span
        sentence = text[span.start : span.end]
        info = SentenceInfo(
            index=index, span=span, paragraph=sent.paragraph, text=sentence,
            heading=sent.paragraph in ctx.headings,
        )  # fmt: skip
        inside = [m for m in ctx.mentions if span.start <= m.span.start and m.span.end <= span.end]
        info.mentioned = [m for m in inside if m.kind != "demonym"]
        info.triggers = find_triggers(text, span)
        if not info.triggers:
            return info
        info.non_event = is_non_event_context(sentence)
        info.habitual = is_habitual(sentence)
        info.status = status_cues(sentence, [t.span.start - span.start for t in info.triggers])
        prefer = "future" if info.status and info.status[0] == Status.PLANNED else "past"
        dates = date_stage.find_dates(text, ctx.article.published, span=span, prefer=prefer)
        dates = [d for d in dates if d.span.start >= ctx.dateline_end]  # not the filing date
        dates = [d for d in dates if not _REPORTED.search(text, max(span.start, d.span.start - 40), d.span.start)]
        dates = [d for d in dates if not _other_clause_since(text, span, d, info.triggers)]
        relative = _relative_clauses(text, span, info.triggers)
        dates = [d for d in dates if not any(a <= d.span.start < b for a, b in relative)]
        if info.habitual:  # "The Wednesday rally ... has been held for three decades": a name
            dates = [d for d in dates if not _RECURRING.match(text, max(span.start, d.span.start - 4))]
        info.same_day = any(_SAME_DAY.fullmatch(d.text) for d in dates)
        info.dates = _offset_dates(text, span, [d for d in dates if not _SAME_DAY.fullmatch(d.text)])
        inside = [m for m in inside if not any(a <= m.span.start < b for a, b in relative)]
        info.mentioned = [m for m in inside if m.kind != "demonym"]
        info.places = _event_places(text, span, inside, ctx.country) or self._institution_towns(
            text, span, ctx.country
        )
        return info

    def _institution_towns(self, text: str, span: Span, country: str | None) -> list[PlaceMention]:
        """For a sentence that names no place: the town of the article's country that an
        institution of the sentence is named after, when people are "of", "at" or "outside" it
        ("students of Gulu University walked out", "a sit-in at the University of Lagos")."""
        out = []
        for name, start, end in institution_names(text[span.start : span.end]):
            if not _AT_INSTITUTION.search(text, max(span.start, span.start + start - 12), span.start + start):
                continue
            town = self.town_named(name, country)
            if town is not None:
                out.append(PlaceMention(Span(span.start + start, span.start + end), name, town, 0.5, "institution"))
        return out[:1]

    def _dateline_place(self, line: Dateline, mentions: list[PlaceMention] = ()) -> PlaceMention | None:
        """The dateline's town: as the geoparser read it in the whole text (with the article's
        other places as context: "ISLAMABAD:" is not Chattogram, once called Islamabad), else
        looked up alone."""
        best = next(
            (m for m in mentions if m.kind != "demonym" and m.span.start < line.span.end
             and line.span.start < m.span.end and m.place.precision.value <= 2),
            None,
        ) or self._locality_in(line.place.title())  # fmt: skip
        return PlaceMention(line.span, line.place, best.place, best.score, "dateline") if best else None

    def _metadata_place(self, words: str, country: str | None) -> PlaceMention | None:
        """A city named in the title or the outlet's name ("Tbilisi Evening Post"): where a local
        outlet's events happen when the body never names its own city.  Only cities of 100,000 or
        more count, looked up word by word.  No span: the words are not in the article text."""
        best = None
        for name in _capitalised_ngrams(words):
            if demonym_country(name):  # "Kazakh" is also an alternate name of Petropavl
                continue
            for cand in self.gazetteer.lookup(name):
                if cand.is_locality and cand.population >= _METADATA_MIN_POPULATION and (
                    country is None or cand.country == country
                ):
                    if best is None or cand.population > best.population:
                        best = cand
        if best is None:
            return None
        place = self.gazetteer.to_place(best)
        return PlaceMention(Span(0, 0), best.name, place, 0.5, "metadata")

    def _locality_in(self, words: str) -> PlaceMention | None:
        found = [m for m in find_places(words, self.gazetteer) if m.kind != "demonym"]
        return next((m for m in found if m.place.precision.value <= 2), None)

    def town_named(self, name: str, country: str | None) -> Place | None:
        """The town of ``country`` called ``name`` by its own name (not an alternate), if one
        of 5,000 people or more is: "Gulu" in "Gulu University"."""
        if country is None:
            return None
        towns = [
            c for c in self.gazetteer.lookup(name)
            if c.is_locality and c.country == country and c.population >= 5000 and c.name_kind != 1
        ]  # fmt: skip
        if not towns:
            return None
        return self.gazetteer.to_place(max(towns, key=lambda c: c.population))

    def place_at(self, mention: PlaceMention, when: dt.date) -> Place:
        """The place as it was at the event's date: "the capital" of Kazakhstan in 2019 is
        Nur-Sultan, and a 2016 rally "in Nur-Sultan" (named as in 2020) was in Astana; the
        national parliament sits in the capital, or in its own city (Cape Town, The Hague)."""
        place = mention.place
        if mention.kind == "capital" and place.country:
            return self.gazetteer.capital_at(place.country, when) or place
        if mention.kind == "legislature" and place.country:  # "outside parliament"
            return self.gazetteer.legislature_at(place.country, when) or place
        if place.geonames_id is None or not place.locality:
            return place
        for cand in self.gazetteer.lookup(place.locality):
            if cand.geonames_id == place.geonames_id:
                return self.gazetteer.to_place(
                    cand, when=when, precision=place.precision, written=place.locality
                )
        return place


_OFFSET = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\b",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _offset_dates(text: str, span: Span, dates: list[DateMention]) -> list[DateMention]:
    """"(on Sunday), a day after residents gathered": the gathering's date is the told date
    shifted by the offset; added as a date mention on the offset's words."""
    out = list(dates)
    for m in _OFFSET.finditer(text, span.start, span.end):
        told = [d for d in dates if d.span.end <= m.start()]
        if not told or told[-1].value.precision != DatePrecision.DAY:
            continue
        n = _SMALL_NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        delta = dt.timedelta(days=-days if m.group("dir").lower() == "after" else days)
        day = told[-1].value.start + delta
        out.append(DateMention(Span(m.start(), m.end()), m.group(), DateRange(day, day, DatePrecision.DAY)))
    return sorted(out, key=lambda d: d.span.start)


def _event_places(
    text: str, span: Span, mentions: list[PlaceMention], country: str | None
) -> list[PlaceMention]:
    """The mentions in a sentence that say where the event was (not claims, visits, origins).

    A place counts when a locative word stands before it ("in Osh", "outside parliament in
    Yerevan"), or when it continues a list that started with one ("in Yekaterinburg, Novosibirsk
    and Kazan").  After a claim ("demanded the release of relatives in Xinjiang") only a place in
    the article's own country counts."""
    claim = _CLAIM_START.search(text, span.start, span.end)
    out: list[PlaceMention] = []
    previous: PlaceMention | None = None
    for m in mentions:
        if m.kind == "demonym":
            continue
        left = text[max(span.start, m.span.start - 60) : m.span.start]
        listed = previous is not None and _LIST_GAP.fullmatch(text[previous.span.end : m.span.start])
        located = m.kind == "capital" or _LOCATIVE.search(left) or listed
        modifier = _MODIFIED.match(text, m.span.end) or (  # "Xinjiang issues", "Kazakh police"
            m.place.precision == GeoPrecision.COUNTRY and _POSSESSIVE.match(text, m.span.end)
        )  # "in Kazakhstan's largest city" is in a city, not the whole country
        if m.place.precision.value >= 3 and _UNIT_INSTITUTION.match(text, m.span.end):
            modifier = True  # "outside the South Sulawesi Regional House": its seat, not the area
        if located and not modifier and not _NOT_EVENT_PLACE.search(left) and not (
            claim
            and m.span.start > claim.start()
            and not _STRONG_LOCATIVE.search(left)
            and not listed
            and m.place.country != country
        ):
            out.append(m)
            previous = m
        else:
            previous = None
    return _finest_group(out, text)


def _finest_group(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Several places in one sentence are several events only when they are listed together
    ("in Paris, Lyon and Marseille").  Otherwise the sentence's finest place wins: "in Almaty,
    Kazakhstan" is Almaty, and "in Jakarta, outside parliament in Senayan" stays Jakarta."""
    groups: list[list[PlaceMention]] = []
    for m in places:
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1].span.end : m.span.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    if not groups:
        return []
    return min(groups, key=lambda g: min(p.place.precision.value for p in g))


# "said on Tuesday that the strike was illegal": the date of the statement, not of the protest.
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|warned|claimed|confirmed|declared|"
    r"insisted|wrote|tweeted|posted|noted|argued|urged|ruled|decided)\s+(?:\w+\s+)?(?:on|late\s+on|"
    r"early\s+on)?\s*$",
    re.IGNORECASE,
)
def _spellings(mentions: list[PlaceMention]) -> dict[int, str]:
    """Geonames id -> the spelling the article gives a town, where the geoparser kept the text's
    form (the data's own name, or "Ulaanbaatar", "Malangwa" for the data's "Ulan Bator",
    "Malaṅgawā"; a different name such as "Kiev" for "Kyiv" is not kept, so never stored)."""
    out: dict[int, str] = {}
    for m in mentions:
        place = m.place
        if m.kind != "toponym" or place.geonames_id is None or not place.locality:
            continue
        if name_key(place.locality) == name_key(m.text):
            out.setdefault(place.geonames_id, place.locality)
    return out


_AT_INSTITUTION = re.compile(r"\b(?:of|at|outside|from|in)\s+(?:the\s+)?$", re.IGNORECASE)
_RECURRING = re.compile(
    r"(?i:the\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?i:rall(?:y|ies)|"
    r"protests?|marches|march|vigils?|demonstrations?|pickets?)\b"
)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;()]{3,200}?(?=,|;|$)", re.IGNORECASE)


def _relative_clauses(text: str, span: Span, triggers: list) -> list[tuple[int, int]]:
    """The non-restrictive relative clauses of a sentence that hold no protest word ("the burial
    of Kwabena Asante, who his family says was shot by soldiers last month, turned into a
    protest"): their dates and places are another story's."""
    out = []
    for m in _RELATIVE_CLAUSE.finditer(text, span.start, span.end):
        a, b = m.start(), m.end()
        if not any(a <= t.span.start < b for t in triggers):
            out.append((a, b))
    return out


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"\b(?:that|which|who|whose|because|as|while)\b", re.IGNORECASE)


def _other_clause_since(text: str, span: Span, date: DateMention, triggers: list) -> bool:
    """ "chanting that they had not been paid since October": a "since" date in a clause of its
    own after the protest words tells how long something else has lasted, not when the protest
    was ("have been on hunger strike since the 9th" keeps its date)."""
    if not _SINCE.search(text, max(span.start, date.span.start - 12), date.span.start):
        return False
    before = [t for t in triggers if t.span.end <= date.span.start]
    if not before:
        return False
    return bool(_CLAUSE_WORD.search(text, before[-1].span.end, date.span.start))


_SAME_DAY = re.compile(r"(?:on\s+)?(?:the\s+same|that|that\s+same)\s+(?:day|evening|night|morning|afternoon)", re.I)
# Landmarks named after a place ("the Abai monument", "the Almaty highway"): the recognizer's
# namesake nouns, and buildings and roads that are not in the town they are named after.
_LANDMARK_NOUNS = sorted(NAMESAKE_LANDMARKS | {
    "university", "station", "hotel", "airport", "metro", "palace", "theatre", "museum", "hall",
    "plaza", "mall", "highway", "road", "gate",
})  # fmt: skip
_MODIFIED = re.compile(
    r"['’]?s?\s+(?:issues?|questions?|policy|policies|affairs|problems?|crisis|conflict|situation|"
    r"matters?|authorities|government|officials|police|forces|embassy|consulate|investment|"
    r"companies|firms|nationals|citizens|border|relations|ties|trade|model|case|file|war|debt|"
    + "|".join(_LANDMARK_NOUNS) + r")\b"
)
_POSSESSIVE = re.compile(r"['’]s?\s")
# A region's or a country's institution: "the West Kazakhstan regional akimat", "the South
# Sulawesi Regional House of Representatives", "the Punjab Assembly".
_UNIT_INSTITUTION = re.compile(
    r"(?:['’]s)?\s+(?i:(?:regional|provincial|state|district|municipal|county|oblast|local)\s+)?"
    r"(?i:akimat|assembly|legislature|house|council|administration|parliament|governor\w*|"
    r"government|court|office|headquarters|dprd|secretariat|capitol|police|hakimiyat|mayoralty)\b"
)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+as\s+well\s+as)\s+(?:in\s+|the\s+)?")


def _lead_place(text: str, infos: list[SentenceInfo]) -> PlaceMention | None:
    """Where the lead is, for an article without a dateline: the first town of its first two body
    paragraphs named after a locative word ("Crowds are building outside the palace in Colombo")."""
    body = [s for s in infos if not s.heading]
    if not body:
        return None
    first = body[0].paragraph
    for info in body:
        if info.paragraph > first + 1:
            return None
        for m in info.mentioned:
            left = text[max(info.span.start, m.span.start - 60) : m.span.start]
            if m.place.precision.value <= 2 and _LOCATIVE.search(left):
                return PlaceMention(m.span, m.text, m.place, m.score, "lead")
    return None


def _main_town(mentions: list[PlaceMention], country: str | None) -> PlaceMention | None:
    """The town a local story keeps naming: named at least three times, and more than every other
    town together (no span: it stands for the whole article)."""
    towns = Counter(
        (m.place.locality, m.place.country) for m in mentions
        if m.kind != "demonym" and m.place.locality and m.place.country == country
    )  # fmt: skip
    if not towns:
        return None
    (name, _), n = towns.most_common(1)[0]
    if n < 3 or n <= sum(towns.values()) - n:
        return None
    first = next(m for m in mentions if m.place.locality == name)
    return PlaceMention(Span(0, 0), first.text, first.place, first.score * 0.5, "main_town")


_METADATA_MIN_POPULATION = 100_000
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _capitalised_ngrams(words: str) -> list[str]:
    """"Tbilisi Evening Post" → "Tbilisi Evening Post", "Tbilisi Evening", "Tbilisi", "Evening" ..."""
    out = []
    for run in _CAPITALISED.findall(words):
        tokens = run.split()
        for n in range(min(3, len(tokens)), 0, -1):
            out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


def _document_country(text: str, mentions: list[PlaceMention]) -> tuple[str | None, float]:
    """The article's main country and its share of the votes.  A town or region named in the
    text votes for its country more than the country's own name does, and much more than a
    demonym ("Chinese investment" says little about where the story is)."""
    votes: Counter[str] = Counter()  # type: ignore[assignment]  (float weights)
    for m in mentions:
        if not m.place.country:
            continue
        if m.kind == "demonym":
            votes[m.place.country] += 0.25
        elif m.place.precision == GeoPrecision.REGION:
            votes[m.place.country] += 1.5
        elif m.place.precision != GeoPrecision.COUNTRY:
            votes[m.place.country] += 3
        else:
            left = text[max(0, m.span.start - 30) : m.span.start]
            votes[m.place.country] += 2 if _LOCATIVE.search(left) else 1
    if not votes:
        return None, 0.0
    code, top = votes.most_common(1)[0]
    return code, top / sum(votes.values())

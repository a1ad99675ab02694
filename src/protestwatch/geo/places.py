"""Place resolution: every place mention of a text, resolved to a :class:`~protestwatch.model.Place`.

:func:`find_places` combines

* toponyms the gazetteer knows (:mod:`protestwatch.geo.recognize`), with spaCy's GPE/LOC/FAC
  entities as supporting evidence when a parsed ``doc`` is given (never as the only source: the
  small model tags "Zhanaozen" CARDINAL and "Nur-Sultan" PERSON);
* nationality words ("Kazakh police") as country-level mentions (``kind="demonym"``);
* "the capital", "the country's capital", "the former capital", "the Kyrgyz capital"
  (``kind="capital"``), resolved to the capital at the date ``when``.

Candidates are scored by population, feature type, how the name matched, the document's countries
(other mentions, demonyms, the dateline "BISHKEK, May 15 —", an outlet ``context`` hint), a
qualifier ("Paris, Texas") and a type word ("Almaty region").  A mention that cannot be resolved
is left out; nothing here raises on odd text.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import GeoPrecision, Place, PlaceMention, Span
from .curated import US_STATE_ABBREVIATIONS
from .demonyms import demonym_country
from .gazetteer import Candidate, Gazetteer
from .macro import macro_feature, macro_point
from .names import name_key
from .recognize import (
    CITY_WORDS, PARTICLES, SOFT_STOPWORDS, STOPWORDS, NameSpan, name_spans, tokenize,
)  # fmt: skip

__all__ = ["find_places", "document_countries"]

_KEEP = 0.45  # the evidence a toponym needs to be kept
_SIZE_SCALE = 7.0  # log10(population) / this: the size prior of a place (1.0 for 10 million)
_CONTEXT = 0.35  # the bonus of the document's main country
_REGION_CONTEXT = 0.2  # the bonus of a place in a first-level unit where the text has others
_REGION_EXTRA = 0.1  # ... and for each further name there (up to three)
_LIST_CONTEXT = 0.3  # the bonus of a place of the kind of the places listed beside it
_DATELINE = re.compile(r"\A\s*(?:\(?[A-Z][A-Z'’. -]{1,40}[A-Z]\)?)(?=\s*(?:,|\(|—|–|-{1,2})\s*)")
_DATELINE_STATE = re.compile(r"\s*,\s*([A-Z][a-z]{1,4})\.?\s*(?:—|–|-{1,2}|,|\()")
_CAPITAL = re.compile(
    r"\b(?P<the>[Tt]he)\s+(?:(?P<whose>country's|country’s|nation's|nation’s|republic's|"
    r"republic’s)\s+|(?P<dem>[A-Z][a-z]+)\s+)?(?P<former>former\s+|old\s+|new\s+|then[- ]?)?"
    r"(?:federal\s+|national\s+)?capital(?:\s+city)?\b(?!\s+(?:punishment|market|markets|gains|investment|letters?|"
    r"expenditure|spending|flight|goods|city\s+of))"
)
_NER_PLACE = {"GPE", "LOC", "FAC"}
#: Prepositions that put a name firmly in a place role ("in Davis", not "to Davis").
_STRONG_LOCATIVE = frozenset("in near at outside inside across around throughout within".split())
#: A place this big is not dropped for a person cue of its context ("President Kabul" is rare,
#: "Secretary Granger" and "Hassan el Amin" are not).
_PERSON_CUE_LIMIT = 1_000_000
#: ... and this big for weaker cues ("said Lennox", a surname used alone after "Nelson Mandela").
_WEAK_PERSON_CUE_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class _Context:
    countries: dict[str, float]  # country -> weight of the document's evidence
    hint: str | None
    when: dt.date | None
    #: (country, admin1 name) -> the names (keys) of the first pass's mentions placed in that unit
    regions: dict[tuple[str, str], frozenset[str]] = dataclasses.field(default_factory=dict)
    #: the keys of single-word names the text uses for a person ("Nelson Mandela" ... "Mandela")
    persons: frozenset[str] = frozenset()
    #: country -> the names (keys) of the first pass's sure mentions placed in it
    mentioned: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    #: span start -> the (kind, country) of the first pass's places listed beside it ("Georgia,
    #: Oklahoma and Ohio": ("admin1", "US"); "Armenia, Azerbaijan and Georgia": ("country", ""))
    siblings: dict[int, frozenset[tuple[str, str]]] = dataclasses.field(default_factory=dict)
    #: country -> the evidence for it apart from names of countries (demonyms, the dateline,
    #: unambiguous big places, the outlet hint)
    support: dict[str, float] = dataclasses.field(default_factory=dict)
    #: the (country, admin1) of the dateline's place ("LEBANON, Pa. —")
    dateline_unit: tuple[str, str] | None = None
    #: the gazetteer id of the dateline's place ("MEXICO, Mo. — ... in Mexico": that town)
    dateline_id: int | None = None


# -- scoring ----------------------------------------------------------------------------------


def _prior(c: Candidate) -> float:
    """How likely a name means this place before any context: size and kind of place."""
    if c.is_country:
        return 1.3
    size = math.log10(max(c.population, 0) + 10) / _SIZE_SCALE
    if c.is_admin1:
        return 0.2 + 0.8 * size
    if c.feature_code == "ADM2":
        return 0.15 + 0.8 * size
    if c.feature_code == "RGN":
        return 0.95
    return size + (0.15 if c.feature_code == "PPLC" else 0.0)


def _candidate_score(c: Candidate, span: NameSpan, ctx: _Context, city_admin1: bool) -> float:
    score = _prior(c) + (0.0 if c.name_kind == 1 else 0.15)
    if ctx.countries and c.country:
        score += _CONTEXT * ctx.countries.get(c.country, 0.0) / max(ctx.countries.values())
    if ctx.hint and c.country == ctx.hint:
        score += 0.3
    others = _text_region_names(c, span, ctx)
    if others:
        # another place of the text is in this unit (or is it); more if several are: a local
        # story keeps to its state ("Decatur, Peoria and Champaign" make "Jacksonville" the
        # Illinois town, not the Florida city)
        score += _REGION_CONTEXT
        if c.name_kind != 1 and not c.is_admin1:  # a town or county by its own name (not a
            # spelling it has only as an alternate: "Pittsburgh" is not Pittsburg, California)
            score += _REGION_EXTRA * min(others - 1, 3)
    listed = ctx.siblings.get(span.start)
    if listed and (("country", "") in listed if c.is_country else
                   c.is_admin1 and ("admin1", c.country or "") in listed):  # fmt: skip
        score += _LIST_CONTEXT  # the names listed beside it are places of the same kind
    if span.type_word in CITY_WORDS:
        score += 0.4 if c.is_locality else -0.4
    elif span.type_word:
        score += 0.6 if (c.is_admin1 or c.feature_code == "RGN") else -0.3
    elif (c.is_admin1 or c.feature_code == "ADM2") and city_admin1 and not span.area:
        score -= 0.5  # "Almaty" is the city, not the city-level unit of the same name
    if span.qualifier and _agrees(c, span):
        score += 1.5
    return score


def _in_text_region(c: Candidate, span: NameSpan, ctx: _Context) -> bool:
    """Whether another place of the text lies in the first-level unit of ``c`` (or is it)."""
    return _text_region_names(c, span, ctx) > 0


def _text_region_names(c: Candidate, span: NameSpan, ctx: _Context) -> int:
    """How many other names of the text the first pass placed in the first-level unit of ``c``
    (or at it)."""
    if not ctx.regions:
        return 0
    unit = c.name if c.is_admin1 else c.admin1
    if not unit or not c.country:
        return 0
    own = name_key(span.text)
    return sum(k != own for k in ctx.regions.get((c.country, unit), ()))


def _local_namesake(span: NameSpan, best: Candidate, ctx: _Context) -> Candidate | None:
    """For a country name with no other support in the text, a town or state of that name in the
    first-level unit the text keeps to ("Lebanon" among Oregon towns, "Peru" beside Kokomo and
    Logansport, "Georgia" after "ROME, Ga. —"): the unit holds two other names of the text, or is
    the dateline's and holds one more or the dateline's place is this one ("MEXICO, Mo. — ... in
    Mexico").  A country that a demonym, the dateline, another of its places or a
    qualifier supports stays the country."""
    if not best.is_country or span.qualifier or span.type_word or not ctx.regions:
        return None
    own = name_key(span.text)
    if ctx.support.get(best.country or "") or any(
        k != own for k in ctx.mentioned.get(best.country or "", ())
    ):
        return None
    local = []
    for c in span.candidates:
        if c.is_country or not (c.is_locality or c.is_admin1) or c.country in (None, best.country):
            continue
        unit = (c.country, c.name if c.is_admin1 else c.admin1 or "")
        n = _text_region_names(c, span, ctx)
        if n >= 2 or unit == ctx.dateline_unit and (n >= 1 or c.id == ctx.dateline_id):
            local.append((n, c.is_admin1, c.population, c))
    return max(local, key=lambda t: t[:3])[3] if local else None


def _supported(c: Candidate, span: NameSpan, ctx: _Context, *, town: bool) -> bool:
    """Whether the text supports ``c`` apart from its own name: a country or a place in what the
    span's qualifier names; else a place in a country the text is about (its anchors, or other
    names the first pass placed there); for a town (``town``), also in a first-level unit where
    the text has other places, when it has any in that country."""
    if c.is_country or _agrees(c, span):
        return True
    own = name_key(span.text)
    if not c.country or not (
        ctx.countries.get(c.country) or any(k != own for k in ctx.mentioned.get(c.country, ()))
    ):
        return False
    if not town:
        return True
    if any(cc == c.country for cc, _ in ctx.regions):
        return _in_text_region(c, span, ctx)
    return True


def _agrees(c: Candidate, span: NameSpan) -> bool:
    """Whether ``c`` lies in a place the span's qualifier names ("Rice Lake, Wisconsin")."""
    return any(
        q.country == c.country and (q.is_country or q.name == c.admin1) for q in span.qualifier
    )


def _embedded_candidates(span: NameSpan, ctx: _Context) -> tuple[Candidate, ...] | None:
    """For a name that is part of a longer one the gazetteer does not know, the candidates the
    rest of the text supports (None: the span is not such a name).

    * "West Midlands", "Central Plateau", "Upper Nile" (a capitalised modifier before): a country,
      or a place in a country the text is about ("Southern California").
    * "Fraser Valley", "Vistula river", "Danube Delta" (a feature word after the name, or the
      name itself after a capitalised word: "Delta"): a country; a unit
      of a country the text is about, when the feature word is capitalised; a town only in a
      first-level unit where the text has other places ("San Fernando Valley" beside Los Angeles
      is the valley of San Fernando, California; "Fraser Valley" near Vancouver is not Fraser,
      Alberta).
    * "Rice Lake" (a town the gazetteer knows, named like a feature): a small town only where
      the rest of the text supports it, as above.

    A qualifier that names where a candidate lies ("Rice Lake, Wisconsin") supports it.
    """
    if span.feature is not None:
        word = span.feature.lower()
        key = name_key(span.text)
        if key != word and key.endswith(" " + word):  # "Rice Lake": a town named like a lake
            return tuple(
                c for c in span.candidates
                if not (c.is_locality and c.population < _WEAK_PERSON_CUE_LIMIT)
                or _supported(c, span, ctx, town=True)
            )  # fmt: skip
        capitalised = span.feature[:1].isupper()
        return tuple(
            c for c in span.candidates
            if (_supported(c, span, ctx, town=True) if c.is_locality
                else _supported(c, span, ctx, town=False) if capitalised
                else True)  # "the Florida coast", "the Kenya coast": in the unit or the country
        )  # fmt: skip
    if span.modifier:
        return tuple(c for c in span.candidates if _supported(c, span, ctx, town=False))
    return None


def _without_city(key: str) -> str:
    """ "new york city" -> "new york": the city that the unit "New York" is named after."""
    return key[: -len(" city")] if key.endswith(" city") else key


def _best(span: NameSpan, ctx: _Context) -> tuple[Candidate, float, float] | None:
    """The best candidate, its score and its margin over the runner-up."""
    cands = span.candidates[:40]
    if not cands:
        return None
    # A city inside a first-level unit of its own name ("Almaty" in Almaty, "Mexico City"):
    # the name means the city.  A namesake elsewhere ("California", Maryland) does not count.
    cities = {
        (c.country, c.admin1, name_key(c.name))
        for c in cands
        if c.is_locality and c.population >= 1000
    }
    if span.locative:  # "marched in New York": New York City; "New York has confirmed": the state
        cities |= {
            (c.country, c.admin1, _without_city(name_key(c.name)))
            for c in cands
            if c.is_locality and c.population >= 1_000_000
        }
    scored = sorted(
        (
            (_candidate_score(c, span, ctx, (c.country, c.admin1 if c.feature_code == "ADM2"
                                             else c.name, name_key(c.name)) in cities), i, c)
            for i, c in enumerate(cands)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    top, _, best = scored[0]
    local = _local_namesake(span, best, ctx)
    if local is not None:
        return local, top, 0.0
    runner = next((s for s, _, c in scored[1:] if c.country != best.country), top - 1.0)
    return best, top, top - runner


def _own_city(span: NameSpan, unit: Candidate) -> Candidate | None:
    """The city that a city-level first-level unit is, among the span's candidates."""
    return next(
        (c for c in span.candidates if c.is_locality and c.country == unit.country
         and c.admin1 == unit.name and name_key(c.name) == name_key(unit.name)),
        None,
    )  # fmt: skip


def _evidence(span: NameSpan, best: Candidate, ctx: _Context, ner: str | None) -> float:
    """How sure we are that the span names a place at all (not a person, a word, a party)."""
    ev = 0.0
    if best.is_country or best.is_admin1 or best.feature_code in ("RGN", "ADM2"):
        ev += 0.5
    ev += 0.45 if best.population >= 100_000 else 0.25 if best.population >= 10_000 else 0.0
    ev += 0.2 if span.tokens > 1 or span.type_word else 0.0
    ev += 0.3 if span.locative or span.near else 0.0
    ev += 0.3 if span.qualifier else 0.0
    ev += 0.25 if best.country and ctx.countries.get(best.country) else 0.0
    ev -= 0.15 if best.name_kind == 1 and not _short_form(span.text, best.name) else 0.0
    unit = best.is_admin1 or best.feature_code == "ADM2"
    if span.in_name and not (
        best.is_country or unit and best.population >= _WEAK_PERSON_CUE_LIMIT or span.qualifier
        or (span.modifier or span.feature) and _supported(best, span, ctx, town=True)
    ):  # fmt: skip
        ev -= 0.3
    ev -= 0.2 if span.sentence_initial and span.tokens == 1 else 0.0
    big = best.population >= 100_000 or best.is_country or best.is_admin1
    if ner in _NER_PLACE:
        ev += 0.35
    elif ner == "PERSON":
        ev -= 0.15 if big else 0.6  # the small model calls "Nur-Sultan" a PERSON
    elif ner in ("ORG", "NORP"):
        ev -= 0.05 if big else 0.3  # ... and "Aktobe" an ORG
    return ev


def _short_form(text: str, name: str) -> bool:
    """Whether ``text`` is the usual short form of the place's main name: its words before a
    particle ("Acapulco" for "Acapulco de Juárez", "Stratford" for "Stratford-upon-Avon")."""
    key, main = name_key(text), name_key(name)
    if not main.startswith(key + " "):
        return False
    return main[len(key) + 1 :].split(" ", 1)[0] in PARTICLES


def _soft_name_stands(span: NameSpan, best: Candidate, ctx: _Context) -> bool:
    """Whether a place named like a first name or a common word, with no locative, qualifier or
    list around it, still names that place: a big place ("Sydney's spring carnival", "two
    Sydney sites", "Sydney-based") in a country the text names or otherwise supports, not at the
    start of a sentence and with nothing that makes it a person's name."""
    return (
        (best.population >= _WEAK_PERSON_CUE_LIMIT or best.is_admin1 or best.is_country)
        and ctx.countries.get(best.country or "", 0.0) >= 1.0
        and not span.sentence_initial
        and not span.person and not span.in_name
        and name_key(span.text) not in ctx.persons
    )  # fmt: skip


def _a_person(span: NameSpan, best: Candidate, ctx: _Context, ner: tuple[str, bool] | None) -> bool:
    """Whether the context says the name is a person's or an organisation's, not ``best``.

    A title, a name particle or a role noun ("Secretary Granger", "Dennis van Holt", "news
    agency Xinhua") outweighs any place short of a country or a city of a million; "said
    Lennox", "Lennox said" and a surname the text gives a person elsewhere ("Nelson Mandela" ...
    "Mandela") outweigh a small place; so does a person or organisation entity of the parser
    that is longer than the name ("Taco Bell").  A qualifier ("Davis, California") or a firm
    locative ("in Davis") keeps the place.
    """
    if span.person == "organisation":
        return True  # "the New York Times", "the United States Department of Agriculture"
    if best.is_country or span.qualifier:
        return False
    if span.preposition in _STRONG_LOCATIVE or span.near:
        return False
    if span.person in ("title", "particle", "role", "initial"):
        return best.population < _PERSON_CUE_LIMIT
    if span.person == "speech":
        return best.population < _WEAK_PERSON_CUE_LIMIT
    if span.tokens == 1 and name_key(span.text) in ctx.persons:
        unit = best.is_admin1 or best.feature_code == "ADM2"
        return best.population < (_WEAK_PERSON_CUE_LIMIT if unit else _PERSON_CUE_LIMIT)
    small = best.population < _WEAK_PERSON_CUE_LIMIT
    if ner is not None and ner[1] and ner[0] in ("PERSON", "ORG"):
        return small  # "Taco Bell" (ORG), "Annie Lennox" (PERSON) around the name
    return False


# -- the document's countries -----------------------------------------------------------------


def _dateline_country(
    text: str, gaz: Gazetteer, spans: list[NameSpan] = ()
) -> tuple[Candidate, Span] | None:
    """The dateline's place ("BISHKEK, May 15 —"): the biggest place of that name, or the
    biggest in what its qualifier names ("ROME, Ga. —" is Rome, Georgia, not Rome, Italy)."""
    m = _DATELINE.match(text)
    if not m:
        return None
    raw = m.group().strip().strip("()")
    cands = [c for c in gaz.lookup(raw) if c.is_locality or c.is_country]
    if not cands:
        return None
    start = m.start() + m.group().index(raw)
    span = next((s for s in spans if s.start == start and s.qualifier), None)
    if span is not None:
        cands = [c for c in cands if _agrees(c, span)] or cands
    else:  # "ROME, Ga. —" where the capitalised dateline is not a name span of its own
        state = _DATELINE_STATE.match(text, m.end())
        us = US_STATE_ABBREVIATIONS.get(state.group(1)) if state else None
        cands = [c for c in cands if c.country == "US" and c.admin1 == us] or cands
    best = max(cands, key=lambda c: c.population)
    return best, Span(start, start + len(raw))


@functools.lru_cache(maxsize=4096)
def _demonym(word: str) -> str | None:
    """:func:`demonym_country`, memoised (it is a pure function of the word)."""
    return demonym_country(word)


#: The longest nationality word, in words ("Papua New Guinean").
_DEMONYM_WORDS = 3


def _demonym_mentions(text: str, taken: list[tuple[int, int]]) -> list[tuple[Span, str, str]]:
    """Nationality words outside toponym spans, longest first ("South African", "Sri Lankan",
    "Kazakh"): (span, word, country)."""
    out = []
    inside = {i for s, e in taken for i in range(s, e)}
    tokens = tokenize(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.capitalised:
            i += 1
            continue
        for n in range(min(_DEMONYM_WORDS, len(tokens) - i), 0, -1):
            run = tokens[i : i + n]
            if n == 1 and tok.start in inside:
                continue
            if n > 1 and not (  # capitalised words one space apart, holding whole toponyms only
                tok.text not in ("The", "A", "An")
                and all(t.capitalised and text[a.end : t.start] == " " for a, t in zip(run, run[1:]))
                and all(s >= tok.start and e <= run[-1].end for s, e in taken
                        if s < run[-1].end and e > tok.start)  # fmt: skip
            ):
                continue
            raw = text[tok.start : run[-1].end]
            word = raw[:-2] if raw.endswith(("'s", "’s")) else raw
            cc = _demonym(word)
            if cc:
                out.append((Span(tok.start, tok.start + len(word)), word, cc))
                i += n - 1
                break
        i += 1
    return out


def document_countries(mentions: Iterable[PlaceMention]) -> dict[str, float]:
    """Country -> summed score of the mentions that place the document there."""
    weights: dict[str, float] = collections.defaultdict(float)
    for m in mentions:
        if m.place.country:
            weights[m.place.country] += m.score
    return dict(weights)


def _anchor_countries(
    spans: list[NameSpan],
    demonyms: list[tuple[Span, str, str]],
    dateline: Candidate | None,
    hint: str | None,
) -> dict[str, float]:
    """First-pass countries: named countries, demonyms, the dateline, unambiguous big places."""
    weights: dict[str, float] = collections.defaultdict(float)
    for span in spans:
        top = span.candidates[0]
        if top.is_country:
            weights[top.country or ""] += 1.0
            continue
        if (
            span.in_name or span.person or span.feature or span.modifier
            or span.text.lower() in STOPWORDS or span.text.lower() in SOFT_STOPWORDS
        ):  # fmt: skip
            continue  # "Franklin Roosevelt", "March", "Danube Delta": no evidence of a country
        countries = {c.country for c in span.candidates[:10] if c.population >= 1000 or c.is_admin1}
        if len(countries) == 1 and (top.population >= 50_000 or top.is_admin1):
            weights[top.country or ""] += 0.7
    for _, _, cc in demonyms:
        weights[cc] += 0.5
    if dateline is not None and dateline.country:
        weights[dateline.country] += 2.0
    if hint:
        weights[hint] += 0.5
    weights.pop("", None)
    return dict(weights)


# -- "the capital" ----------------------------------------------------------------------------


def _capital_mentions(
    text: str, gaz: Gazetteer, ctx: _Context, taken: list[tuple[int, int]]
) -> list[PlaceMention]:
    out = []
    for m in _CAPITAL.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken) or _apposed(text, m, taken):
            continue
        country = demonym_country(m.group("dem")) if m.group("dem") else None
        if m.group("dem") and not country:
            continue
        country = country or _main_country(ctx)
        if country is None:
            continue
        former = (m.group("former") or "").strip().lower() in ("former", "old")
        place = _capital_place(gaz, country, ctx.when, former=former)
        if place is not None:
            out.append(PlaceMention(Span(m.start(), m.end()), m.group(), place, 0.8, "capital"))
    return out


def _apposed(text: str, m: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    """ "Almaty, the former capital" / "the capital, Bishkek": the toponym says it already."""
    before = text[: m.start()].rstrip()
    after = text[m.end() :]
    if before.endswith(",") and any(e == len(before) - 1 for _, e in taken):
        return True
    stripped = after.lstrip(", ")
    offset = len(text) - len(stripped)
    return bool(after[:1] in (",", " ") and any(s == offset for s, _ in taken))


def _main_country(ctx: _Context) -> str | None:
    if not ctx.countries:
        return ctx.hint
    return max(ctx.countries.items(), key=lambda kv: kv[1])[0]


def _capital_place(
    gaz: Gazetteer, country: str, when: dt.date | None, *, former: bool
) -> Place | None:
    """The capital at ``when``, or the one before it ("the former capital")."""
    current = gaz.capital_candidate(country, when)
    if current is None or not former:
        return gaz.capital_at(country, when) if current else None
    probe = when or dt.date.today()
    for years in range(1, 80):
        earlier = gaz.capital_candidate(country, probe - dt.timedelta(days=365 * years))
        if earlier is None:
            return None
        if earlier.id != current.id:
            return gaz.to_place(earlier)
    return None


# -- the entry point --------------------------------------------------------------------------


def _ner_labels(doc: Any) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    try:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    except AttributeError:
        return []


def _ner_at(ents: list[tuple[int, int, str]], start: int, end: int) -> tuple[str, bool] | None:
    """The label of the parser's entity around [start, end), and whether it is longer."""
    for s, e, label in ents:
        if s <= start and end <= e:
            return label, (s, e) != (start, end)
    return None


def _macro_mention(span: NameSpan) -> PlaceMention | None:
    """A continent, macro-region or sea, at its point (no country)."""
    point = macro_point(span.text)
    if point is None:
        return None
    place = Place(None, None, None, point[0], point[1], GeoPrecision.COUNTRY, None,
                  macro_feature(span.text))  # fmt: skip
    return PlaceMention(Span(span.start, span.end), span.text, place, 0.6, "toponym")


def _resolve(
    span: NameSpan, ctx: _Context, gaz: Gazetteer, ner_at: tuple[str, bool] | None
) -> PlaceMention | None:
    word = span.text.lower()
    ner = ner_at[0] if ner_at else None
    if ner != "GPE" and span.tokens == 1 and word in STOPWORDS:
        return None
    # A place named like a first name or a common word ("Sydney", "Jordan", "Buffalo") needs
    # the context of a place: a locative ("in Sydney"), a qualifier ("Buffalo, New York"), a
    # list of places ("Japan, Jordan and China"; "Melbourne and Victoria"), or else (checked
    # once it is resolved) a text about its country with no sign of a person.
    soft = (
        ner != "GPE" and span.tokens == 1 and word in SOFT_STOPWORDS
        and not (span.locative and not span.sentence_initial)
        and not span.qualifier and not span.listed
    )  # fmt: skip
    if span.namesake and not span.type_word:
        return None  # "near the Abai monument": the landmark's name, not a place
    if span.tokens == 1 and not span.type_word and _demonym(span.text):
        # "Somali", "Afghan", "Canadian": a nationality word (a demonym mention), not the region
        # or village of that name; only a country of that name may stand.
        countries = tuple(c for c in span.candidates if c.is_country)
        span = dataclasses.replace(span, candidates=countries)
        if not span.candidates:
            return None
    embedded = _embedded_candidates(span, ctx)
    if embedded is not None:
        span = dataclasses.replace(span, candidates=embedded)
    found = _best(span, ctx)
    if found is None:
        return None
    best, _, margin = found
    if best.is_city_unit:  # "the Yerevan municipality": the unit is the city
        best = _own_city(span, best) or best
    if _a_person(span, best, ctx, ner_at):
        return None
    if soft and not _soft_name_stands(span, best, ctx):
        return None
    if (
        span.qualifier and not (best.is_country or best.is_admin1)
        and any(q.is_country or not q.is_city_unit for q in span.qualifier)
        and not any(_agrees(c, span) for c in span.candidates)
    ):  # fmt: skip
        return None  # "Fife, Scotland" with no Fife in Scotland known: not Fife, Washington
    if (
        span.type_word and best.is_locality and not span.qualifier
        and ctx.countries and not ctx.countries.get(best.country or "")
    ):  # fmt: skip
        # "Nyanza province" in a text on Kenya is not a Rwandan town, "the town of Kalam" in a
        # text on Pakistan not an Indian one: a type word asks for a unit or a town where the
        # text is, and a town of that name in a country the text is not about is not enough
        return None
    ev = _evidence(span, best, ctx, ner)
    if ev < _KEEP:
        return None
    precision = None
    if span.near and best.is_locality:
        precision = GeoPrecision.NEAR_LOCALITY
    place = gaz.to_place(best, when=ctx.when, precision=precision, written=span.text)
    score = max(0.05, min(1.0, 0.35 + 0.4 * ev + 0.25 * min(margin, 1.0)))
    kind = "toponym"
    return PlaceMention(Span(span.start, span.end), span.text, place, round(score, 3), kind)


def _resolve_all(
    spans: list[NameSpan], ctx: _Context, gaz: Gazetteer, ents: list[tuple[int, int, str]]
) -> list[PlaceMention]:
    out = []
    qualified: dict[str, Place] = {}
    head: tuple[NameSpan, PlaceMention] | None = None
    resolved: list[tuple[NameSpan, PlaceMention]] = []
    for span in spans:
        mention = _resolve(span, ctx, gaz, _ner_at(ents, span.start, span.end))
        if mention is not None and head is not None and span.start - head[0].end <= 2:
            mention = _as_qualifier(mention, head, ctx, gaz)
        head = (span, mention) if mention is not None and span.qualifier else None
        if mention is not None:
            resolved.append((span, mention))
    longer = _long_country_names(resolved)
    for span, mention in resolved:
        mention = _short_country_name(span, mention, longer, ctx, gaz)
        out.append(mention)
        if span.qualifier:
            qualified.setdefault(name_key(span.text), mention.place)
    # One sense per text: "PEORIA, Ill. — ... in Peoria" is the same Peoria throughout.
    return [
        dataclasses.replace(m, place=qualified[k])
        if (k := name_key(m.text)) in qualified and m.place.country is not None
        and m.place.precision == qualified[k].precision
        else m
        for m in out
    ]


def _long_country_names(resolved: list[tuple[NameSpan, PlaceMention]]) -> dict[str, set[str]]:
    """Country -> the keys of the names of more than one word the text gives it ("Republic of
    Congo", "Democratic Republic of the Congo")."""
    out: dict[str, set[str]] = collections.defaultdict(set)
    for span, m in resolved:
        if m.place.feature == "country" and m.place.country and span.tokens > 1:
            out[m.place.country].add(name_key(span.text))
    return out


def _short_country_name(
    span: NameSpan, mention: PlaceMention, longer: dict[str, set[str]], ctx: _Context, gaz: Gazetteer
) -> PlaceMention:
    """A short country name that ends a longer one the text gives another candidate country
    means that country: "Congo" after "the Republic of Congo" is the Republic, after "the
    Democratic Republic of the Congo" the Democratic Republic."""
    if mention.place.feature != "country":
        return mention
    key = name_key(span.text)
    if key.startswith("the "):
        key = key[4:]
    others = [
        c for c in span.candidates
        if c.is_country and c.country != mention.place.country
        and any(k.endswith(" " + key) for k in longer.get(c.country or "", ()))
    ]  # fmt: skip
    if len(others) != 1 or any(k.endswith(" " + key) for k in longer.get(mention.place.country or "", ())):
        return mention
    return dataclasses.replace(mention, place=gaz.to_place(others[0], when=ctx.when))


def _as_qualifier(
    mention: PlaceMention, head: tuple[NameSpan, PlaceMention], ctx: _Context, gaz: Gazetteer
) -> PlaceMention:
    """The qualifier of the name before it is the unit that holds that place: "Brazzaville,
    Congo" is the Republic of the Congo even where "Congo" alone would be the Democratic
    Republic."""
    span, town = head
    place = town.place
    agree = [
        q for q in span.qualifier
        if q.country == place.country and (q.is_country or q.name == place.admin1)
    ]  # fmt: skip
    if not agree or (mention.place.country, mention.place.feature) == (
        agree[0].country, "country" if agree[0].is_country else "admin1"
    ):
        return mention
    return dataclasses.replace(mention, place=gaz.to_place(agree[0], when=ctx.when))


def _person_names(spans: list[NameSpan]) -> frozenset[str]:
    """The single-word names the text gives a person by a title, an initial, a particle, a role
    noun or a speech verb ("Secretary Granger", "George W. Bush", "singer Joan Lennox", "said
    Lennox"; a capitalised word alone before it is not enough: "Children's Village Malakal").
    A speech verb after a firm locative is not one: "a trader in Naryn said" names where he spoke."""
    return frozenset(
        name_key(s.text) for s in spans
        if s.tokens == 1 and not s.qualifier
        and (s.person in ("title", "initial", "particle", "role")
             or s.person == "speech" and s.candidates[0].population < _WEAK_PERSON_CUE_LIMIT
             and not (s.preposition in _STRONG_LOCATIVE or s.near))
    )  # fmt: skip


def _mentioned(mentions: list[PlaceMention]) -> dict[str, frozenset[str]]:
    """Country -> the names of the sure mentions placed in it."""
    found: dict[str, set[str]] = collections.defaultdict(set)
    for m in mentions:
        if m.place.country and m.score >= 0.6:
            found[m.place.country].add(name_key(m.text))
    return {k: frozenset(v) for k, v in found.items()}


_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")


def _siblings(
    text: str, spans: list[NameSpan], mentions: list[PlaceMention]
) -> dict[int, frozenset[tuple[str, str]]]:
    """Span start -> the kinds of the places listed right beside it ("X, Y and Z")."""
    kinds: dict[int, tuple[str, str]] = {}
    for m in mentions:
        if m.place.feature == "country":
            kinds[m.span.start] = ("country", "")
        elif m.place.feature == "admin1" and m.place.country:
            kinds[m.span.start] = ("admin1", m.place.country)
    out: dict[int, frozenset[tuple[str, str]]] = {}
    for a, b in zip(spans, spans[1:]):
        if not _LIST_GAP.fullmatch(text[a.end : b.start]):
            continue
        for this, other in ((a, b), (b, a)):
            if other.start in kinds:
                out[this.start] = out.get(this.start, frozenset()) | {kinds[other.start]}
    return out


def _regions(mentions: list[PlaceMention]) -> dict[tuple[str, str], frozenset[str]]:
    """(country, admin1) -> the names of the sure mentions placed in that unit: a place is
    supported by the others, not by its own repetitions."""
    found: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for m in mentions:
        if m.place.country and m.place.admin1 and m.score >= 0.6:
            found[(m.place.country, m.place.admin1)].add(name_key(m.text))
    return {k: frozenset(v) for k, v in found.items()}


def find_places(
    text: str,
    gazetteer: Gazetteer,
    *,
    doc: Any = None,
    published: dt.date | None = None,
    when: dt.date | None = None,
    context: str | None = None,
    macro: bool = False,
) -> list[PlaceMention]:
    """Every place mention in ``text``, resolved, in text order.

    ``doc``: an optional spaCy ``Doc`` of ``text`` (its entities are used as evidence).
    ``when``: the date the places are named at ("the capital" in 2019 is Nur-Sultan); defaults to
    ``published``.  ``context``: an ISO alpha-2 country hint, such as the outlet's country.
    ``macro``: also report continents, macro-regions and seas ("West Africa", "the Pacific") as
    toponyms without a country (feature "continent", "macro_region" or "sea").
    """
    if not text or not text.strip():
        return []
    hint = context.upper() if context else None
    every = name_spans(text, gazetteer)
    spans = [s for s in every if s.macro is None]
    taken = [(s.start, s.end) for s in every]
    demonyms = _demonym_mentions(text, taken)
    if any(" " in word for _, word, _ in demonyms):  # "Sri Lankan" is no place called "Sri"
        within = [(d.start, d.end) for d, word, _ in demonyms if " " in word]
        every = [s for s in every if not any(a <= s.start and s.end <= b for a, b in within)]
        spans = [s for s in every if s.macro is None]
    dateline = _dateline_country(text, gazetteer, spans)
    date_cand = dateline[0] if dateline else None
    anchors = _anchor_countries(spans, demonyms, date_cand, hint)
    support = _anchor_countries(
        [s for s in spans if not s.candidates[0].is_country], demonyms, date_cand, hint
    )
    dateline_unit = (
        (date_cand.country, date_cand.admin1)
        if date_cand is not None and date_cand.country and date_cand.admin1 else None
    )  # fmt: skip
    ctx = _Context(anchors, hint, when or published, persons=_person_names(spans),
                   support=support, dateline_unit=dateline_unit,
                   dateline_id=date_cand.id if date_cand is not None else None)  # fmt: skip
    ents = _ner_labels(doc)
    out = _resolve_all(spans, ctx, gazetteer, ents)
    if _REGION_CONTEXT:
        # Second pass: the units of the first pass's places ("Victoria" beside "Melbourne").
        ctx = dataclasses.replace(
            ctx, regions=_regions(out), mentioned=_mentioned(out),
            siblings=_siblings(text, spans, out),
        )
        out = _resolve_all(spans, ctx, gazetteer, ents)
    if macro:
        out.extend(m for m in map(_macro_mention, (s for s in every if s.macro)) if m)
    if dateline and not any(m.span.start == dateline[1].start for m in out):
        out.append(_dateline_mention(text, dateline, gazetteer, ctx))
    final_ctx = _Context(document_countries(out) or anchors, hint, ctx.when)
    kept = [(m.span.start, m.span.end) for m in out if m.place.country]
    out.extend(_capital_mentions(text, gazetteer, final_ctx, kept))
    for span, word, cc in demonyms:
        country = gazetteer.country(cc)
        if country is not None:
            out.append(PlaceMention(span, word, gazetteer.to_place(country), 0.5, "demonym"))
    out.sort(key=lambda m: (m.span.start, m.span.end))
    return out


def _dateline_mention(
    text: str, dateline: tuple[Candidate, Span], gaz: Gazetteer, ctx: _Context
) -> PlaceMention:
    cand, span = dateline
    return PlaceMention(span, span.text(text), gaz.to_place(cand, when=ctx.when), 0.9, "toponym")

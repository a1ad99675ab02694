"""Toponym recognition: the spans of a text that name a place the gazetteer knows.

Capitalised token sequences (with name particles such as "of", "de", "al-") are matched against
the gazetteer, longest first.  A lower-case type word after a name ("Almaty region", "Osh city")
joins the span and tells the resolver which kind of place is meant.  Capitalised common words that
are also place names ("March", "Police", "Reading") are stopped unless the context says "place".
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import curated
from .gazetteer import Candidate, Gazetteer
from .macro import MACRO_REGIONS as _MACRO_REGIONS
from .names import name_key

__all__ = [
    "Token", "NameSpan", "tokenize", "name_spans", "STOPWORDS", "SOFT_STOPWORDS", "MACRO_REGIONS",
]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_GAP_OK = re.compile(r"[ \t]{1,2}|[ \t]*-[ \t]*|\.[ \t]|['’]s[ \t]")  # "People's Republic"
_MAX_TOKENS = 6

#: Lower-case words that may sit inside a place name ("Bosnia and Herzegovina", "Rio de Janeiro").
PARTICLES = frozenset(
    "of de del della la le les al el es and upon on da do dos das du des di van von der den y i am "
    "an sur en the au aux".split()
)
#: Type words after a name: region-like ones ask for a first-level unit, "city" for a locality.
REGION_WORDS = frozenset(
    "region province oblast state district county prefecture governorate republic "
    "area territory municipality".split()
)
#: "the state of Washington", "the district of Karo": a type word before the name.
_TYPE_BEFORE = re.compile(
    r"\b(state|province|region|district|county|prefecture|governorate|oblast|territory|"
    r"municipality|city|town|village)\s+of\s+(?:the\s+)?$"
)
#: Words of a natural or built feature after a name: "Danube Delta", "Fraser Valley", "Vistula
#: river", "Rice Lake".  The feature is a place of its own, not the place the first word names.
FEATURE_WORDS = frozenset(
    "valley valleys delta river lake lakes mountains mountain hills range basin bay gulf "
    "peninsula canyon creek plateau plain plains desert forest coast strait sound falls "
    "glacier reef marsh marshes swamp lagoon estuary island islands highlands lowlands".split()
)
#: Capitalised words that make a longer name of the one they precede: "West Midlands", "Central
#: Plateau", "Upper Nile", "New Plymouth".  When the gazetteer does not know the whole name, the
#: inner name may stand only for a place the text otherwise supports ("Southern California").
MODIFIERS = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest central middle upper lower inner outer greater new old far mid".split()
)
CITY_WORDS = frozenset({"city", "town", "village"})
#: Lower-case words before a name that speak of a region's parts: "upstate New York", "rural
#: Lagos", "northern Madrid" (the region, not the city of that name).
AREA_WORDS = frozenset(
    "upstate downstate rural northern southern eastern western central northeastern "
    "northwestern southeastern southwestern coastal".split()
)
#: Nouns of a landmark named after a person or another place: "the Abai monument", "Pushkin
#: Square", "Rustaveli Avenue", "Kazan Cathedral" are not in Abai, Pushkin, Rustaveli or Kazan.
NAMESAKE_LANDMARKS = frozenset(
    "monument statue memorial mausoleum square street avenue boulevard prospekt prospect lane "
    "embankment bridge park garden gardens cathedral mosque church stadium arena".split()
)

#: Capitalised words that are place names somewhere but usually something else in the news.
STOPWORDS = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    police army military government parliament court president minister ministry mayor governor
    party union council senate congress assembly committee commission agency office bureau
    central national federal state republic democratic liberal social socialist communist
    independence liberty freedom victory unity justice peace progress hope truth democracy
    university college school academy institute centre center church mosque temple square street
    avenue road
    north south east west northern southern eastern western central middle upper lower new old
    great little grand royal saint holy mount lake river bay island islands sea ocean gulf
    mr mrs ms dr prof gen col sgt lt capt sir lady lord king queen prince princess sheikh imam
    the a an this that these those he she it we they his her its our their i you my
    and but or if so as at by for from in into of on to with without about after before
    according also although because during however meanwhile moreover since still then there
    thus while yet here where when what which who why how all any both each every many most
    some such no not only other another same own more less first last next second third
    one two three four five six seven eight nine ten hundred thousand million billion
    protest protests protesters rally rallies march marches strike strikes demonstration
    news press media agency report reports video photo photos reuters associated
    internet online facebook twitter telegram youtube instagram tiktok whatsapp
    christmas easter ramadan eid new year day week month
    communist chinese russian american british french german kazakh
    human rights amnesty watch international global world
    sun star times post herald tribune guardian mirror observer
    energy oil gas power steel mining
    trump biden putin xi
    """.split()
)

#: Continents, macro-regions and seas (:mod:`.macro`): recognised (so "Asia" in "Central Asia" is
#: not a town), resolved only when asked, as no event has a continent for its location.
MACRO_REGIONS = _MACRO_REGIONS

#: Place names that are also common words or first names: kept only after "in", "near", "from"...
SOFT_STOPWORDS = frozenset(
    """reading mobile split nice orange bath buffalo phoenix eugene florence victoria aurora
    lincoln jackson madison troy chester hope marion warren austin houston charlotte
    jordan sydney""".split()
)

_LOCATIVE = frozenset(
    "in near at from to outside across around into through toward towards via between inside "
    "throughout within of".split()
)
_NEAR = re.compile(
    r"(?:\bnear|\boutside|\bclose to|\boutskirts of|\bkm from|\bkilometres from|\bkilometers from|"
    r"\bmiles from|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"\bsuburbs? of|\bdistrict of|\bbetween)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A span of the text that the gazetteer knows, with what its context says."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    tokens: int  # how many name tokens (particles included)
    type_word: str | None = None  # "region" / "city" ... after the name
    locative: bool = False  # preceded by "in", "near", "from" ...
    preposition: str | None = None  # the locative word itself ("in"), when there is one
    near: bool = False  # "near X", "outside X", "north of X": a place near X, not X
    sentence_initial: bool = False
    qualifier: tuple[Candidate, ...] = ()  # "Paris, Texas": the candidates of "Texas"
    in_name: bool = False  # a capitalised word right before or after: "David Smith", "Drug Agency"
    namesake: bool = False  # the name of a landmark: "the Abai monument", "Pushkin Square"
    macro: str | None = None  # the name key of a continent, macro-region or sea (no candidates)
    #: part of a longer unknown name after a capitalised modifier: "West Midlands" -> "Midlands"
    modifier: bool = False
    #: the feature word (as written) of a natural or built feature the name is part of: after it
    #: ("Fraser Valley", "Vistula river"), the name itself ("Danube Delta" matched as "Delta"),
    #: or ending it when the gazetteer's place is a town named like a feature ("Rice Lake")
    feature: str | None = None
    #: how the context says the name is a person's or an organisation's (None: it does not):
    #: "title" ("Secretary Granger"), "particle" ("Dennis van Holt"), "role" ("singer Joan
    #: Lennox", "news agency Xinhua"), "speech" ("said Granger", "Lennox said"), "initial"
    #: ("George W. Bush"), "given" (a capitalised word before it: "Nelson Mandela", but also
    #: "Children's Village Malakal"), "organisation" (the head noun of a newspaper or a company
    #: after it: "the New York Times", "Kenya Airways", "Wright County Eggs")
    person: str | None = None
    #: an item of a list of names the gazetteer knows: "Japan, Jordan and China", "Melbourne
    #: and Victoria" (a neighbour that is not itself a common word)
    listed: bool = False
    #: the context asks for the region, not a city of its name: the name qualifies the one
    #: before it ("Buffalo, New York") or follows an area word ("upstate New York", "rural
    #: Lagos")
    area: bool = False


def tokenize(text: str) -> list[Token]:
    """Word tokens with their offsets (letters, inner hyphens and apostrophes; "U.S." whole)."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


#: A name joined by a hyphen to a participle or adjective that makes it a place's: "Sydney-based",
#: "Australia-wide", "Pakistan-administered", "Lagos-born", "Moscow-backed", "Gaza-bound" (not
#: "Green-winged" or "Well-known").
_HYPHEN_COMPOUND = re.compile(
    r"([^\W\d_]+(?:-[^\W\d_]+)*?)-(?:based|born|bred|wide|administered|controlled|held|occupied|"
    r"backed|led|run|owned|bound|headquartered|registered|listed|made|area|region)"
)


def _compound_head(tok: Token) -> Token:
    """ "Sydney-based" -> "Sydney": the name in a compound adjective (the tail is lower-case;
    "Nur-Sultan", "Aix-en-Provence" and "Stratford-upon-Avon" end capitalised and stay whole)."""
    if not tok.capitalised or "-" not in tok.text:
        return tok
    m = _HYPHEN_COMPOUND.fullmatch(tok.text)
    if not m:
        return tok
    return Token(tok.start, tok.start + len(m.group(1)), m.group(1))


def _gap_ok(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if gap.startswith("."):
        return left.text.lower() in ("st", "mt", "ft", "ste", "pt") and bool(_GAP_OK.fullmatch(gap))
    return bool(_GAP_OK.fullmatch(gap))


_ELIDED = re.compile(r"[dl]['’][A-Z]")  # "Côte d'Ivoire", "Val d'Oise", "Reggio nell'Emilia"


def _is_name_token(tok: Token) -> bool:
    if not tok.capitalised:
        return tok.text[:3] in ("al-", "el-", "ad-", "as-", "an-", "ar-") or bool(
            _ELIDED.match(tok.text)
        )
    return True


def _is_acronym(tok: Token) -> bool:
    """ "UK", "DRC", "CCP": only curated aliases may match such a token."""
    return tok.text.isupper() and len(tok.text) <= 4


def _run_end(text: str, tokens: list[Token], i: int) -> int:
    """The end (exclusive) of the name-like run starting at token ``i``."""
    j = i + 1
    while j < len(tokens) and j - i < _MAX_TOKENS and _gap_ok(text, tokens[j - 1], tokens[j]):
        tok = tokens[j]
        if not (_is_name_token(tok) or tok.lower in PARTICLES or tok.text.isupper()):
            break
        j += 1
    return j


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;—"


def _qualifier(
    text: str, tokens: list[Token], j: int, gaz: Gazetteer, head: tuple[Candidate, ...] = ()
) -> tuple[Candidate, ...]:
    """The places named right after a comma ("Paris, Texas"; "Osh, Kyrgyzstan") that contain
    the name before it (candidates ``head``).  In a list ("Georgia, Oklahoma, Pennsylvania and
    Wisconsin"; "Zhanaozen, Aktobe and Nur-Sultan") the next name is another item: a state or
    a country followed by another one never qualifies, nor does any place followed by another
    one when none of ``head`` lies in it."""
    if j >= len(tokens) or not tokens[j].capitalised:
        return ()
    if text[tokens[j - 1].end : tokens[j].start] not in (", ", ","):
        return ()
    state = _state_abbreviation(text, tokens[j].start)
    if state:
        unit = gaz.admin1("US", state)
        return (unit,) if unit else ()
    for k in range(min(len(tokens), j + 3), j, -1):
        if k > j + 1 and not _gap_ok(text, tokens[k - 2], tokens[k - 1]):
            continue
        cands = gaz.lookup_key(name_key(text[tokens[j].start : tokens[k - 1].end]))
        cands = tuple(c for c in cands if c.is_country or c.is_admin1)
        if cands and k < len(tokens) and tokens[k].lower in FEATURE_WORDS and tokens[k].capitalised:
            return ()  # "Hollywood, San Fernando Valley": a valley, not the unit San Fernando
        if cands:
            goes_on = _list_goes_on(text, tokens, k, gaz)
            if goes_on == "unit" or goes_on == "place" and not any(
                q.country == h.country and (q.is_country or q.name == h.admin1)
                for q in cands for h in head
            ):
                return ()
            return cands
    return ()


_LIST_NEXT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")


def _list_goes_on(text: str, tokens: list[Token], k: int, gaz: Gazetteer) -> str | None:
    """What follows the name ending before token ``k`` in a list: "unit" for another state or
    country ("Georgia, Oklahoma, Pennsylvania and Wisconsin"; "China, Japan, and the United
    Kingdom"), "place" for another place ("Zhanaozen, Aktobe and Nur-Sultan"), else None."""
    m = _LIST_NEXT.match(text, tokens[k - 1].end)
    if not m:
        return None
    n = k
    while n < len(tokens) and tokens[n].start < m.end():
        n += 1
    if n >= len(tokens) or tokens[n].start != m.end() or not tokens[n].capitalised:
        return None
    found = None
    for e in range(min(len(tokens), n + 3), n, -1):
        if e > n + 1 and not _gap_ok(text, tokens[e - 2], tokens[e - 1]):
            continue
        cands = gaz.lookup_key(name_key(text[tokens[n].start : tokens[e - 1].end]))
        if any(c.is_country or c.is_admin1 for c in cands):
            return "unit"
        if cands and (e > n + 1 or tokens[n].lower not in STOPWORDS):
            found = "place"
    return found


_STATE_ABBREVIATION = re.compile(r"((?:[A-Z]\.){1,2}[A-Z]|[A-Z][a-z]{1,4})\.")


def _state_abbreviation(text: str, start: int) -> str | None:
    """The US state an AP abbreviation at ``start`` stands for ("Ill." , "N.Y."), if any."""
    m = _STATE_ABBREVIATION.match(text, start)
    return curated.US_STATE_ABBREVIATIONS.get(m.group(1)) if m else None


def _match_at(
    text: str, tokens: list[Token], i: int, gaz: Gazetteer
) -> tuple[int, tuple[Candidate, ...], str | None]:
    """The longest gazetteer name starting at token ``i``: (end token, candidates, the key of a
    macro-region matched instead)."""
    end = _run_end(text, tokens, i)
    for j in range(end, i, -1):
        if (
            tokens[j - 1].lower in PARTICLES
            or tokens[j - 1].text.endswith(("'s", "’s"))
            and j - 1 > i
        ):
            continue
        key = name_key(text[tokens[i].start : tokens[j - 1].end])
        if key in MACRO_REGIONS:
            return j, (), key
        if j == i + 1 and key in STOPWORDS:
            return j, (), None
        cands = gaz.lookup_key(key)
        if j == i + 1 and _is_acronym(tokens[i]):
            cands = tuple(c for c in cands if c.name_kind == 2)
        if cands:
            return j, cands, None
    return i + 1, (), None


#: Titles and offices before a person's name: "Secretary Napolitano", "President Bush".
TITLES = frozenset(
    """mr mrs ms miss dr prof president minister general gen senator sen judge secretary
    chancellor ambassador commissioner governor mayor premier spokesman spokeswoman chairman
    chairwoman director inspector superintendent sheriff deputy rep congressman congresswoman
    representative envoy pope bishop archbishop cardinal reverend rev father sister brother
    colonel col major maj captain capt lieutenant lt sergeant sgt admiral marshal commander
    professor coach""".split()
)
_TITLES = TITLES
#: Lower-case nouns of a person or an organisation right before a name: "singer Annie Lennox",
#: "lawyer Paul Kemp", "news agency Xinhua", "leader Dennis van Holt".
ROLE_NOUNS = frozenset(
    """singer actor actress author writer novelist poet lawyer attorney leader spokesman
    spokeswoman spokesperson official officer agency newspaper broadcaster daily channel company
    firm group chairman chairwoman chief director manager founder owner president minister
    secretary senator activist organiser organizer student teacher professor doctor nurse
    farmer driver journalist reporter correspondent analyst economist scientist researcher
    expert specialist adviser advisor coordinator representative envoy commissioner inspector
    candidate opponent rival wife husband son daughter mother father brother sister drummer
    guitarist rapper player coach striker steward colleague""".split()
)
#: Name particles of a person's name: "Dennis van Holt", "Hassan el Amin", "Omar bin Ali".
PERSON_PARTICLES = frozenset(
    "van von der den de da di del della du bin ibn bint el al le la dos das".split()
)
_SPEECH_AFTER = re.compile(
    r"\A\s+(?:said|says|told|added|explained|stated|noted|insisted|argued|warned|"
    r"urged|wrote|claimed|asked|replied|recalled|admitted|announced|reported)\b"
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|explained|stated|noted|insisted|argued|warned|wrote|asked|"
    r"according\s+to)\s+$"
)


def _in_name(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether the match at tokens [i, j) sits inside a longer run of capitalised words."""
    if (
        j < len(tokens)
        and tokens[j].capitalised
        and text[tokens[j - 1].end : tokens[j].start] == " "
    ):
        return True
    if i > 0 and text[tokens[i - 1].end : tokens[i].start] in (" ", ". "):
        prev = tokens[i - 1]
        if prev.lower in _TITLES:
            return True
        return (
            prev.capitalised and not _sentence_initial(text, prev.start) and text[prev.end] == " "
        )
    return False


def _namesake(text: str, tokens: list[Token], j: int) -> bool:
    """Whether the name at tokens [.., j) is followed by a landmark noun it names: "Pushkin
    Square", "the Abai monument", "St. Peter's Square" (a possessive right before a capitalised
    landmark noun: "Moscow's Red Square" is in Moscow, "Almaty's square" too)."""
    if j >= len(tokens) or tokens[j].lower not in NAMESAKE_LANDMARKS:
        return False
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap == " ":
        return not text[tokens[j - 1].start : tokens[j - 1].end + 2].endswith(("'s", "’s"))
    return gap in ("'s ", "’s ") and tokens[j].capitalised


def _modifier(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the name at token ``i`` follows a capitalised modifier ("West Midlands")."""
    return (
        i > 0
        and tokens[i - 1].capitalised
        and tokens[i - 1].lower in MODIFIERS
        and text[tokens[i - 1].end : tokens[i].start] == " "
    )


def _feature(text: str, tokens: list[Token], i: int, j: int) -> str | None:
    """The feature word (as written) of a feature the name at tokens [i, j) is part of: after it
    ("Fraser Valley", "Vistula river"), the name itself after a capitalised word ("Danube Delta"
    matched as "Delta", "Central Plateau" as "Plateau"), or ending it ("Rice Lake")."""
    if j < len(tokens) and tokens[j].lower in FEATURE_WORDS and (
        text[tokens[j - 1].end : tokens[j].start] == " "
    ):
        return tokens[j].text
    last = tokens[j - 1]
    if last.lower not in FEATURE_WORDS or not last.capitalised:
        return None
    if j - i > 1:
        return last.text
    if i > 0 and tokens[i - 1].capitalised and text[tokens[i - 1].end : tokens[i].start] == " ":
        return last.text
    return None


#: Head nouns of a newspaper or a company named after a place ("the New York Times", "Kenya
#: Airways"): the name says nothing of where things happen.  A government body's name does
#: ("the California Department of Public Health" is California's), so its heads are not here.
ORGANISATION_HEADS = frozenset(
    """times post herald tribune journal gazette chronicle telegraph observer examiner
    inquirer courier dispatch company co corporation corp inc ltd llc plc holdings airlines
    airways bank exchange eggs foods farms brewery""".split()
)


def _organisation(text: str, tokens: list[Token], j: int) -> bool:
    """Whether the name ending before token ``j`` begins a newspaper's or a company's name:
    "the New York Times", "Kenya Airways", "the Nairobi Stock Exchange" (one more capitalised
    word before the head)."""
    for k in (j, j + 1):
        if k >= len(tokens) or not tokens[k].capitalised:
            return False
        if text[tokens[k - 1].end : tokens[k].start] != " ":
            return False
        if tokens[k].lower in ORGANISATION_HEADS:
            return True
    return False


def _person(text: str, tokens: list[Token], i: int, j: int) -> str | None:
    """What in the context says that the name at tokens [i, j) is a person's or an
    organisation's (see :attr:`NameSpan.person`)."""
    if _organisation(text, tokens, j):
        return "organisation"
    prev = tokens[i - 1] if i > 0 else None
    gap = text[prev.end : tokens[i].start] if prev else ""
    if prev is not None and gap in (" ", ". ") and prev.lower in TITLES and prev.capitalised:
        return "title"
    if (
        j + 1 < len(tokens)
        and tokens[j].lower in PERSON_PARTICLES
        and not tokens[j].capitalised
        and tokens[j + 1].capitalised
        and text[tokens[j - 1].end : tokens[j].start] == " "
        and text[tokens[j].end : tokens[j + 1].start] in (" ", "-")
    ):
        return "particle"
    if prev is not None and gap == " " and not prev.capitalised and prev.lower in ROLE_NOUNS:
        return "role"
    if j - i == 1 and (
        _SPEECH_AFTER.match(text[tokens[j - 1].end : tokens[j - 1].end + 14])
        or _SPEECH_BEFORE.search(text[max(0, tokens[i].start - 20) : tokens[i].start])
    ):
        return "speech"
    if (
        prev is not None
        and gap in (" ", ". ")
        and prev.capitalised
        and prev.lower not in MODIFIERS
        and not _sentence_initial(text, prev.start)
        and (gap == " " or len(prev.text) == 1)
    ):
        return "initial" if len(prev.text) == 1 else "given"
    return None


def _possessive_base(text: str, tok: Token) -> Token:
    """ "Almaty's" -> "Almaty"."""
    if tok.text.endswith(("'s", "’s")):
        return Token(tok.start, tok.end - 2, tok.text[:-2])
    return tok


def name_spans(text: str, gaz: Gazetteer) -> list[NameSpan]:
    """Every span of ``text`` that names a place in ``gaz``, left to right, not overlapping."""
    tokens = [_compound_head(_possessive_base(text, t)) for t in tokenize(text)]
    out: list[NameSpan] = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j, cands, macro = _match_at(text, tokens, i, gaz)
        if macro is not None:
            start, end = tokens[i].start, tokens[j - 1].end
            out.append(NameSpan(start, end, text[start:end], (), j - i, macro=macro))
            i = j
            continue
        if not cands:
            i = j
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        if text[end : end + 1] == "$":  # "US$10,000", "HK$5": a currency
            i = j
            continue
        type_word = None
        before = _TYPE_BEFORE.search(text[max(0, start - 30) : start])
        if before:
            type_word = before.group(1)
        if (
            j < len(tokens)
            and tokens[j].lower in REGION_WORDS | CITY_WORDS
            and _gap_ok(text, tokens[j - 1], tokens[j])
        ):
            type_word = tokens[j].lower
            longer = gaz.lookup_key(name_key(text[start : tokens[j].end]))
            if longer:
                cands, end, j = longer, tokens[j].end, j + 1
        prev = tokens[i - 1].lower if i > 0 else ""
        locative = prev in _LOCATIVE and tokens[i - 1].end >= start - 2
        area = (
            i > 0 and prev in AREA_WORDS and not tokens[i - 1].capitalised
            and tokens[i - 1].end >= start - 2
            or bool(out) and bool(out[-1].qualifier) and text[out[-1].end : start] in (", ", ",")
        )  # fmt: skip
        out.append(
            NameSpan(
                start, end, text[start:end], cands, j - i, type_word,
                locative=locative,
                preposition=prev if locative else None,
                near=bool(_NEAR.search(text[max(0, start - 30) : start])),
                sentence_initial=_sentence_initial(text, start),
                qualifier=_qualifier(text, tokens, j, gaz, cands),
                in_name=_in_name(text, tokens, i, j),
                namesake=_namesake(text, tokens, j),
                modifier=_modifier(text, tokens, i),
                feature=_feature(text, tokens, i, j),
                person=_person(text, tokens, i, j),
                area=area,
            )
        )  # fmt: skip
        i = j
    return _carry_locative(text, out)


_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")


def _common_word(span: NameSpan) -> bool:
    word = span.text.lower()
    return span.tokens == 1 and (word in STOPWORDS or word in SOFT_STOPWORDS)


def _carry_locative(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """ "in Zhanaozen, Aktobe and Nur-Sultan": the list's later names share its preposition; and
    every item of a list beside a name that is not a common word is marked ``listed``."""
    out: list[NameSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        in_list = prev is not None and _LIST_GAP.fullmatch(text[prev.end : span.start])
        if in_list and prev.locative and not span.locative:
            span = dataclasses.replace(span, locative=True, preposition=prev.preposition)
        if in_list and not _common_word(prev):
            span = dataclasses.replace(span, listed=True)
        if in_list and not _common_word(span) and not prev.listed:
            out[-1] = dataclasses.replace(prev, listed=True)
        if in_list and prev.near and _BETWEEN.search(text, max(0, prev.start - 10), prev.start):
            span = dataclasses.replace(span, near=True)  # "between Osh and Batken": on the road, near both
        out.append(span)
    return out


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)

"""Location details: the square, building, road or landmark where a gathering happened.

:func:`find_location_details` returns the words of the text ("the square in front of the Kazakh
National Academy of Sciences", "outside parliament", "near the Chinese embassy and consulate",
"on the main highway to the airport") found within one sentence span.  A detail is a noun phrase
headed by a landmark noun, introduced by a spatial preposition or a determiner, optionally chained
("the square in front of ...", "the embassy and consulate", "the highway to the airport").
Plain "in"/"at" are left out of the returned words; relational prepositions ("outside", "near",
"in front of", "on") are kept, as they say where the crowd stood relative to the landmark.
"""

from __future__ import annotations

import re

from ..model import Finding, Span

__all__ = ["find_location_details", "find_scope_details", "LANDMARK_NOUNS"]

LANDMARK_NOUNS = (
    "square", "plaza", "maidan", "building", "buildings", "embassy", "embassies", "consulate",
    "consulates", "parliament", "legislature", "mosque", "church", "cathedral", "temple",
    "university", "campus", "academy", "administration", "akimat", "hakimiyat", "city hall",
    "town hall", "hall", "office", "offices", "ministry", "court", "courthouse", "headquarters",
    "palace", "monument", "statue", "memorial", "park", "street", "avenue", "boulevard", "road",
    "highway", "motorway", "bridge", "station", "airport", "stadium", "market", "bazaar", "gate",
    "gates", "residence", "factory", "plant", "mine", "oil field", "oilfield", "school",
    "hospital", "prison", "jail", "theatre", "theater", "centre", "center", "compound",
    "mission", "roundabout", "intersection", "crossroads", "junction", "port", "border crossing",
    "checkpoint", "mall", "cemetery", "base", "barracks", "assembly", "council", "capitol",
    "white house", "kremlin", "secretariat", "complex", "premises", "facility", "site",
    "administrations", "ministries", "squares", "streets", "roads", "prospekt", "prospect",
    "embankment", "quay", "esplanade", "promenade", "boulevards", "avenues", "schools",
    "universities", "factories", "mines", "courts", "courthouses", "stations", "prefecture",
)  # fmt: skip

#: Words that open a landmark's name in other languages' order: "Place d'Italie", "Plaza de
#: Mayo", "Bulevar kralja Aleksandra", "Jalan Thamrin", "Piazza del Popolo".
_HEAD_FIRST = (
    r"(?-i:Place|Plaza|Praça|Praca|Piazza|Plac|Platz|Calle|Rue|Avenida|Av\.|Bulevar|Bulevardi|"
    r"Via|Viale|Paseo|Rambla|Largo|Jalan|Jl\.|Ulitsa|Prospekt|Meydanı|Meydani|Cadde|Caddesi)"
)
_HEAD_FIRST_NAME = re.compile(
    rf"\b{_HEAD_FIRST}(?:\s+(?:de|del|de la|des|du|di|della|dos|da|das|d['’]|kralja|kneza|"
    rf"cara|of|the|la|le))*\s*(?:d['’])?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){{0,3}}"
)

_HEAD = (
    "(?:" + "|".join(sorted((re.escape(n) for n in LANDMARK_NOUNS), key=len, reverse=True)) + ")"
)
_STOP = (
    r"(?!(?:in|on|at|near|outside|of|to|and|or|was|were|is|are|be|been|by|with|from|for|that|"
    r"which|who|where|when|while|as|after|before|held|gathered|rallied|protested|marched|"
    r"staged|said|says|the|a|an)\b)"
)
_WORD = rf"{_STOP}[\w'’.–-]+"
_CAP = r"(?-i:[A-Z][\w'’–-]*)"
# Inside a landmark's name: "House of Representatives", an acronym in brackets "(DPR)".
_NAME_UNIT = rf"(?:{_CAP}\s+(?:of|for)\s+(?:the\s+)?{_CAP}|\((?-i:[A-Z]{{2,}})\)|{_WORD})"
_DET = rf"(?:the|a|an|its|their|his|her|this|that|{_CAP}(?:'s|’s))"
_NP = rf"(?:{_DET}\s+)(?:{_NAME_UNIT}\s+){{0,5}}?{_HEAD}(?:\s+{_HEAD})?\b(?!['’]s)(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?:{_CAP}|and|of|for|the))*\s+{_CAP})?"
_BARE = rf"(?:{_WORD}\s+){{0,2}}?{_HEAD}\b"
_CONJ = rf"(?:\s+and\s+(?:the\s+)?(?:{_WORD}\s+){{0,2}}?{_HEAD}\b)?"
_TO = rf"(?:\s+(?:to|leading to)\s+the\s+(?:{_WORD}\s+){{0,2}}?{_HEAD}\b)?"
_REL = r"(?:in front of|outside(?: of)?|near|nearby|close to|next to|opposite|across from|beside|along|by|outside)"
_CHAIN = rf"(?:\s+{_REL}\s+(?:{_NP}|{_BARE}){_CONJ})?"
_PREP = r"(?:in front of|outside(?: of)?|near|close to|next to|opposite|across from|beside|along|through|onto|on|at|in|inside|around|to|towards?|before|from)"
_DETAIL = re.compile(
    rf"(?:\b(?P<prep>{_PREP})\s+)?(?P<np>(?:{_NP}|(?<=\s)(?={_BARE}){_BARE}){_CONJ}{_TO}{_CHAIN})",
    re.IGNORECASE,
)
_DROP_PREPS = {"in", "at", "inside", "to", "towards", "toward", "before", "around", "from"}


_SITE_VERBS = re.compile(
    r"\b(?:picket(?:ed|ing|s)?|block(?:ed|ing|s)?|blockad(?:ed|ing|es?)|occup(?:ied|ying|y)|"
    r"storm(?:ed|ing|s)?|surround(?:ed|ing|s)?|besieg(?:ed|ing|e)|barricad(?:ed|ing|e)|"
    r"enter(?:ed|ing)?|fill(?:ed|ing)?|pack(?:ed|ing)?|converg(?:ed|ing|e) on)\s+$",
    re.IGNORECASE,
)


# Where people come from or belong, not where they stood: "students of Makerere University",
# "nurses from three hospitals".
_AFFILIATION = re.compile(
    r"\b(?:students?|workers?|employees?|staff|members?|teachers?|doctors?|nurses?|lecturers?|"
    r"people|residents?|delegates?|activists?|representatives?|miners?|graduates?|alumni)\s+"
    r"(?:of|from)\s+$",
    re.IGNORECASE,
)
# Where detainees were taken afterwards: "took the picketer to a police station".
_TAKEN_TO = re.compile(
    r"\b(?:took|taken|taking|takes|brought|bringing|driven|drove|transferred|escorted|sent|"
    r"carried|moved|detained|bundled)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_LEADING_DET = re.compile(r"the|a|an|its|their|his|her|this|that", re.IGNORECASE)
_STREETS_IDIOM = re.compile(r"the\s+streets?", re.IGNORECASE)  # "took to the streets"


def _accept(m: re.Match[str], sentence: str) -> bool:
    """A detail needs a spatial preposition, a site verb ("picketed the ...") or a proper name;
    not an affiliation ("students of X University"), a detainee's destination ("taken to the
    district court") or the idiom "to the streets"."""
    prep = (m.group("prep") or "").lower()
    np = m.group("np")
    before = sentence[max(0, m.start() - 60) : m.start()]
    if _AFFILIATION.search(sentence[max(0, m.start("np") - 30) : m.start("np")]):
        return False
    if prep in ("to", "into", "onto") and _STREETS_IDIOM.fullmatch(np):
        return False
    if prep == "to" and _TAKEN_TO.search(before):
        return False
    if prep:
        return True
    if np[:1].isupper() and not np.lower().startswith(("the ", "a ", "an ", "its ", "their ")):
        return True  # "Independence Square", "Tahrir Square"
    return bool(_SITE_VERBS.search(sentence[max(0, m.start() - 30) : m.start()]))


_ROUTE_GAP = re.compile(
    r"\s*,?\s+(?:(?:and\s+)?then\s+(?:[a-z]+ed\s+)?(?:on\s+)?(?:to|towards?)|to|towards?|"
    r"before heading to|and on to|on)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_RELATIONAL_START = re.compile(r"(?:on|along|near|outside|in front of|by|beside|opposite)\s", re.I)


def _raw_details(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of every detail of a sentence, landmark-noun phrases and head-first names."""
    found: list[tuple[int, int]] = []
    pos = 0
    while (m := _DETAIL.search(sentence, pos)) is not None:
        if not _accept(m, sentence):
            # "surrounded Pushkin Square": a bare phrase refused because it swallowed the word
            # before a name may start at the next word; a refused "the ..." phrase is skipped
            first = m.group("np").split(maxsplit=1)[0]
            space = sentence.find(" ", m.start("np") + 1)
            retry = not m.group("prep") and first.islower() and not _LEADING_DET.fullmatch(first)
            if retry and space >= 0:
                pos = space + 1
            else:
                pos = m.end()
            continue
        pos = m.end()
        prep = (m.group("prep") or "").lower()
        s = m.start("np") if prep in _DROP_PREPS or not prep else m.start()
        found.append((s, s + len(sentence[s : m.end("np")].rstrip(" .,"))))
    for m in _HEAD_FIRST_NAME.finditer(sentence):
        overlap = [(s, e) for s, e in found if s < m.end() and m.start() < e]
        if all(e < m.end() for _, e in overlap):  # "the Plaza" < "Plaza de Mayo"
            found = [f for f in found if f not in overlap]
            found.append((min([m.start(), *(s for s, _ in overlap)]), m.end()))
    return sorted(found)


def _routes(sentence: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "from Liberty Square to Republic Square", "the junction ..., then the City Assembly":
    the stages of one march are one detail."""
    out: list[tuple[int, int]] = []
    for s, e in found:
        gap = sentence[out[-1][1] : s] if out else ""
        if out and (
            _ROUTE_GAP.fullmatch(gap)
            or gap.strip(" ,") == "" and _RELATIONAL_START.match(sentence, s)
        ):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    merged = []
    for s, e in out:
        before = _FROM.search(sentence[max(0, s - 10) : s])
        if before and (s, e) not in found:
            s -= len(before.group())
        merged.append((s, e))
    return merged


def find_location_details(text: str, span: Span) -> list[Finding[str]]:
    """The location details stated within ``span`` of ``text``, in text order, not overlapping."""
    start, end = max(0, span.start), min(len(text), span.end)
    sentence = text[start:end]
    out: list[Finding[str]] = []
    for s, e in _routes(sentence, _raw_details(sentence)):
        out.append(Finding(sentence[s:e], Span(start + s, start + e)))
    return out


#: Words that say where a country- or region-level event was when it names no site: "and other
#: cities", "across the country", "many parts of the country", "elsewhere in Gorno-Badakhshan",
#: "across France", "in the region".
_SCOPE = re.compile(
    r"\b(?:"
    r"(?:across|throughout|all\s+over|around)\s+(?:the\s+(?:country|nation|region|province)\b|"
    r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?)|"
    r"(?:(?:many|several|some|numerous|various|other|different|a\s+number\s+of|dozens\s+of)\s+)"
    r"(?:other\s+)?(?:parts|cities|towns|regions|provinces|places|districts|villages)"
    r"(?:\s+(?:of|across|in)\s+the\s+(?:country|nation|region))?|"
    r"elsewhere\s+in\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?|"
    r"in\s+the\s+(?:region|province)\b(?!\s+of)|"
    r"nationwide|countrywide"
    r")",
    re.IGNORECASE,
)


def find_scope_details(text: str, span: Span) -> list[Finding[str]]:
    """The words within ``span`` that say over what area a region- or country-level event took
    place ("other cities", "across the country", "elsewhere in Gorno-Badakhshan"), in text order."""
    start, end = max(0, span.start), min(len(text), span.end)
    return [
        Finding(m.group(), Span(start + m.start(), start + m.end()))
        for m in _SCOPE.finditer(text[start:end])
    ]

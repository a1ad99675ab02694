"""Nationality words, country names and capital metonyms → ISO 3166-1 alpha-2 codes.

Three lookups, all case-insensitive except for words that are also common English words
("Polish", "Turkey", "Chad", "Pole" must be capitalised):

* :func:`demonym_country` — "Kazakh", "Kazakhs", "Kazakhstani", "Uighur" → ``"KZ"`` / ``"CN"`` …
* :func:`country_from_name` — "China", "the Russian Federation", "the U.S." → ``"CN"`` / ``"RU"`` …
* :func:`capital_metonym_country` — "Beijing", "the Kremlin", "Washington" used as an actor.

The tables are built from ``countryinfo`` (names, spellings, demonyms, capitals for every
country) and ``pycountry`` (ISO names), plus hand tables for irregular, ethnic and plural forms.
They are built once, on first use, and cached (about 30 ms).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from typing import Iterable, Mapping

logger = logging.getLogger(__name__)

#: Extra nationality / ethnic words per country (the generated ones come from countryinfo).
_EXTRA_DEMONYMS: Mapping[str, tuple[str, ...]] = {
    "KZ": ("Kazakh", "Kazakhstani", "Qazaq", "Kazak"),
    "KG": ("Kyrgyz", "Kirghiz", "Kirgiz", "Kyrgyzstani"),
    "TJ": ("Tajik", "Tadjik", "Tadzhik", "Tajikistani"),
    "UZ": ("Uzbek", "Uzbekistani", "Karakalpak"),
    "TM": ("Turkmen", "Turkmenistani", "Turkoman"),
    "CN": ("Chinese", "Uighur", "Uyghur", "Uigur", "Tibetan", "Sino", "Mainland Chinese"),
    "RU": ("Russian", "Chechen", "Tatar", "Bashkir", "Buryat", "Yakut", "Dagestani", "Russo"),
    "GB": ("British", "Briton", "English", "Scottish", "Scots", "Welsh", "Englishman",
           "Englishmen", "Brit", "Anglo"),
    "US": ("American", "U.S.", "US", "Yankee"),
    "FR": ("French", "Frenchman", "Frenchmen", "Frenchwoman", "Franco"),
    "NL": ("Dutch", "Dutchman", "Dutchmen", "Netherlandish"),
    "DE": ("German", "Germano"),
    "AR": ("Argentine", "Argentinian", "Argentinean"),
    "AZ": ("Azerbaijani", "Azeri"),
    "BY": ("Belarusian", "Belarussian", "Byelorussian"),
    "MM": ("Burmese", "Myanmar", "Rohingya"),
    "CZ": ("Czech",),
    "SK": ("Slovak", "Slovakian"),
    "SI": ("Slovene", "Slovenian"),
    "PH": ("Filipino", "Filipina", "Philippine"),
    "NZ": ("New Zealander",),
    "SA": ("Saudi", "Saudi Arabian"),
    "AE": ("Emirati", "Emirian"),
    "KR": ("South Korean", "Korean"),
    "KP": ("North Korean",),
    "CD": ("Congolese",),
    "DO": ("Dominican",),
    "BD": ("Bangladeshi",),
    "PK": ("Pakistani",),
    "AF": ("Afghan", "Afghani"),
    "IR": ("Iranian", "Persian"),
    "IL": ("Israeli",),
    "PS": ("Palestinian",),
    "TR": ("Turkish", "Turk"),
    "GR": ("Greek",),
    "CH": ("Swiss",),
    "SE": ("Swedish", "Swede"),
    "DK": ("Danish", "Dane"),
    "FI": ("Finnish", "Finn"),
    "NO": ("Norwegian",),
    "PL": ("Polish", "Pole"),
    "ES": ("Spanish", "Spaniard"),
    "PT": ("Portuguese",),
    "IE": ("Irish", "Irishman", "Irishmen"),
    "IS": ("Icelandic", "Icelander"),
    "BA": ("Bosnian", "Bosniak"),
    "MK": ("Macedonian", "North Macedonian"),
    "HR": ("Croatian", "Croat"),
    "RS": ("Serbian", "Serb"),
    "ME": ("Montenegrin",),
    "XK": ("Kosovar", "Kosovan"),
    "MD": ("Moldovan", "Moldavian"),
    "UA": ("Ukrainian",),
    "GE": ("Georgian",),
    "AM": ("Armenian",),
    "MN": ("Mongolian",),
    "LA": ("Lao", "Laotian"),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "KH": ("Cambodian", "Khmer"),
    "TL": ("Timorese", "East Timorese"),
    "NP": ("Nepali", "Nepalese"),
    "LK": ("Sri Lankan",),
    "IN": ("Indian",),
    "BF": ("Burkinabe", "Burkinabè"),
    "CI": ("Ivorian",),
    "NE": ("Nigerien",),
    "NG": ("Nigerian",),
    "SO": ("Somali", "Somalian"),
    "ZA": ("South African",),
    "SS": ("South Sudanese",),
    "EC": ("Ecuadorian", "Ecuadorean"),
    "CV": ("Cape Verdean",),
    "TW": ("Taiwanese",),
    "HK": ("Hongkonger", "Hong Konger"),
    "LU": ("Luxembourgish", "Luxembourger"),
    "QA": ("Qatari",),
    "BH": ("Bahraini",),
    "YE": ("Yemeni",),
    "OM": ("Omani",),
    "IQ": ("Iraqi",),
    "KW": ("Kuwaiti",),
    "SZ": ("Swazi", "Eswatini"),
    "BW": ("Botswanan", "Motswana", "Batswana"),
    "LS": ("Basotho", "Mosotho"),
    "MG": ("Malagasy",),
    "GY": ("Guyanese",),
    "SR": ("Surinamese",),
    "VU": ("Ni-Vanuatu",),
}

#: Country names missing from (or spelled differently in) the data packages.
_EXTRA_NAMES: Mapping[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales",
           "Northern Ireland"),
    "RU": ("Russia", "Russian Federation"),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "KR": ("South Korea", "ROK", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "CZ": ("Czechia", "Czech Republic"),
    "TR": ("Türkiye", "Turkiye"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "MM": ("Myanmar", "Burma"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "XK": ("Kosovo",),
    "VA": ("Vatican", "Holy See"),
    "PS": ("Palestine", "Gaza", "West Bank", "Palestinian Territories"),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cabo Verde", "Cape Verde"),
    "KG": ("Kyrgyzstan", "Kirghizia", "Kyrgyz Republic"),
    "MD": ("Moldova",),
    "LA": ("Laos",),
    "SY": ("Syria",),
    "IR": ("Iran", "Persia"),
    "VN": ("Vietnam", "Viet Nam"),
    "TW": ("Taiwan",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "BN": ("Brunei",),
    "NL": ("Netherlands", "Holland"),
}

#: Buildings and streets that stand for a government, and former or alternative capital names.
_METONYMS: Mapping[str, str] = {
    "kremlin": "RU",
    "white house": "US",
    "washington": "US",
    "capitol hill": "US",
    "zhongnanhai": "CN",
    "peking": "CN",
    "downing street": "GB",
    "whitehall": "GB",
    "westminster": "GB",
    "elysee": "FR",
    "elysee palace": "FR",
    "quai d'orsay": "FR",
    "akorda": "KZ",
    "ak orda": "KZ",
    "astana": "KZ",
    "nur-sultan": "KZ",
    "kiev": "UA",
    "bankova": "UA",
    "blue house": "KR",
    "delhi": "IN",
    "new delhi": "IN",
    "rangoon": "MM",
    "naypyitaw": "MM",
    "nay pyi taw": "MM",
    "ashgabad": "TM",
    "tel aviv": "IL",
    "the hague": "NL",
    "chisinau": "MD",
    "brasilia": "BR",
    "bogota": "CO",
    "yaounde": "CM",
    "lome": "TG",
    "asuncion": "PY",
    "tbilisi": "GE",
    "yerevan": "AM",
}

#: Not a country: supranational bodies whose seats are used as metonyms.
_NOT_COUNTRIES = frozenset({"brussels", "strasbourg", "geneva", "new york", "vienna un"})

#: Capitals too small or too ambiguous to be read as a government ("Victoria", "Kingston" …).
_AMBIGUOUS_CAPITALS = frozenset(
    {"victoria", "kingston", "hamilton", "georgetown", "stanley", "jamestown", "douglas",
     "plymouth", "the valley", "saint john's", "road town", "city of victoria", "praia",
     "santiago", "san jose", "san juan", "valletta", "monaco", "luxembourg", "singapore",
     "djibouti", "gibraltar", "kuwait city", "alofi", "basseterre"}
)

#: Lower-case words that are ordinary English too: they match only when capitalised.
_CASE_SENSITIVE = frozenset(
    {"polish", "pole", "poles", "turkey", "chad", "guinea", "jordan", "georgia", "niger",
     "china", "japan", "jersey", "man", "finn", "finns", "dane", "danes", "turk", "turks",
     "han", "lao", "us", "swede", "swedes", "congo", "mali", "peru", "cuba", "wales", "oman",
     "brit", "brits", "anglo", "franco", "sino", "russo", "yankee", "yankees", "america",
     "kiwi", "thai", "iran", "israel", "india", "nepal", "burma"}
)

_COLLAPSE = re.compile(r"[\s\u00a0]+")
_POSSESSIVE = re.compile(r"(?:'s?|’s?)$")
_MIN_CAPITAL_POPULATION = 400_000


def _key(text: str) -> str:
    """The lookup key of a word: accents folded, lower-cased, 'the' and possessives dropped."""
    text = unicodedata.normalize("NFKD", text.strip())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _COLLAPSE.sub(" ", text.replace("’", "'")).strip(" .,;:\"“”()")
    text = _POSSESSIVE.sub("", text) if not text.endswith("s's") else text[:-2]
    lower = text.lower()
    if lower.startswith("the "):
        lower = lower[4:]
    return lower


def _accepts(word: str, key: str) -> bool:
    """Whether ``word`` may match ``key``: ambiguous common words must be capitalised."""
    if key not in _CASE_SENSITIVE:
        return True
    stripped = word.strip().removeprefix("the ").removeprefix("The ")
    return bool(stripped) and stripped[0].isupper()


def _plurals(form: str) -> Iterable[str]:
    yield form
    low = form.lower()
    if low.endswith("man"):
        yield form[:-3] + "men"
    elif not low.endswith(("ese", "s", "sh", "ch", "x")) and form[-1:].isalpha():
        yield form + "s"


def _load_countryinfo() -> list[Mapping[str, object]]:
    try:
        from countryinfo import CountryInfo
    except ImportError:  # pragma: no cover - countryinfo is a declared dependency
        logger.warning("countryinfo is not installed: demonyms come from the hand table only")
        return []
    return list(CountryInfo.all().values())


def _population(entry: Mapping[str, object]) -> int:
    pop = entry.get("population")
    return pop if isinstance(pop, int) else 0


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(demonyms, names, capitals), each lower-cased key → alpha-2, built once."""
    import pycountry

    demonyms: dict[str, str] = {}
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    # Hand tables first: they win over the generated entries.
    for code, forms in _EXTRA_DEMONYMS.items():
        for form in forms:
            for f in _plurals(form):
                demonyms.setdefault(_key(f), code)
    for code, forms in _EXTRA_NAMES.items():
        for form in forms:
            names.setdefault(_key(form), code)
    # Bigger countries first, so "Chinese" is CN before HK and "French" FR before Réunion.
    entries = sorted(_load_countryinfo(), key=_population, reverse=True)
    for entry in entries:
        iso = entry.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if not isinstance(code, str) or len(code) != 2:
            continue
        _add_countryinfo_entry(entry, code, demonyms, names, capitals)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_key(value), country.alpha_2)
    return demonyms, names, capitals


def _add_countryinfo_entry(
    entry: Mapping[str, object],
    code: str,
    demonyms: dict[str, str],
    names: dict[str, str],
    capitals: dict[str, str],
) -> None:
    demonym = entry.get("demonym")
    if isinstance(demonym, str) and demonym:
        for part in re.split(r"[,/]| and ", demonym):
            for f in _plurals(part.strip()):
                if f:
                    demonyms.setdefault(_key(f), code)
    for name in [entry.get("name"), *(entry.get("altSpellings") or [])]:
        # Two- and three-letter codes ("IN", "IT", "NO") are English words: skip them.
        if isinstance(name, str) and len(name) > 3:
            names.setdefault(_key(name), code)
    capital = entry.get("capital")
    if isinstance(capital, str) and _population(entry) >= _MIN_CAPITAL_POPULATION:
        key = _key(capital.replace("D.C.", ""))
        if key and key not in _AMBIGUOUS_CAPITALS:
            capitals.setdefault(key, code)


def demonym_country(word: str) -> str | None:
    """The country of a nationality adjective or demonym, singular or plural, else ``None``.

    >>> demonym_country("Kazakhs"), demonym_country("Uyghur"), demonym_country("Chilean")
    ('KZ', 'CN', 'CL')
    """
    key = _key(word)
    if not key or not _accepts(word, key):
        return None
    return _tables()[0].get(key)


def country_from_name(name: str) -> str | None:
    """The country of a country name or alias ("the U.S.", "Russia", "Burma"), else ``None``."""
    key = _key(name)
    if not key or not _accepts(name, key):
        return None
    return _tables()[1].get(key)


def capital_metonym_country(name: str) -> str | None:
    """The country whose government a capital or seat of power stands for, else ``None``.

    "Beijing", "Moscow", "the Kremlin", "Washington", "Downing Street" name countries;
    "Brussels" (the EU) and small or ambiguous capitals ("Victoria", "Kingston") return ``None``.
    """
    key = _key(name)
    if not key or key in _NOT_COUNTRIES:
        return None
    if key in _METONYMS:
        return _METONYMS[key]
    return _tables()[2].get(key)


@functools.lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in sorted(_load_countryinfo(), key=_population):
        iso = entry.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if isinstance(code, str) and isinstance(entry.get("name"), str):
            names[code] = str(entry["name"])  # the most populous entry of a code wins
    return names


def country_name(code: str) -> str | None:
    """The common English name of a country ("RU" → "Russia"), else ``None``."""
    code = code.upper()
    name = _display_names().get(code)
    if name:
        return name
    import pycountry

    entry = pycountry.countries.get(alpha_2=code)
    return getattr(entry, "common_name", None) or getattr(entry, "name", None)


def country_of_word(word: str) -> str | None:
    """The country a word names in any of the three ways (demonym, country name, capital)."""
    return demonym_country(word) or country_from_name(word) or capital_metonym_country(word)

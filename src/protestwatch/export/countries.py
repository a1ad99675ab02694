"""Country facts the exports need: ACLED-style names, ISO codes, ACLED regions, centroids.

Everything is looked up from an ISO 3166-1 alpha-2 code (the codebook's ``country``).  Names and
codes come from pycountry, centroids from countryinfo, the regions from the table below.

ACLED's regions follow the UN geoscheme with its own groupings: the Caucasus and Central Asia
together, Afghanistan in South Asia, Russia and Ukraine in Europe, Mexico in Central America,
Sudan in Northern Africa, Turkey and Cyprus in the Middle East.  A country missing from the table
gets an empty region.
"""

from __future__ import annotations

import functools
import logging
from types import MappingProxyType
from typing import Mapping

import pycountry

logger = logging.getLogger(__name__)

_REGION_MEMBERS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MU YT RE RW SC SO SS TZ UG IO TF",
    "Southern Africa": "BW SZ LS NA ZA MW MZ ZM ZW",
    "Northern Africa": "DZ EG LY MA TN SD EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Europe": (
        "AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU "
        "MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA AX SJ"
    ),
    "North America": "US CA GL BM PM",
    "Central America": "MX GT BZ SV HN NI CR PA",
    "Caribbean": (
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"
    ),
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Oceania": (
        "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF CX CC HM"
    ),
    "Antarctica": "AQ BV",
}

#: alpha-2 → ACLED region.
ACLED_REGIONS: Mapping[str, str] = MappingProxyType(
    {code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()}
)

#: Where ACLED's country name differs from pycountry's common name.
_ACLED_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "RU": "Russia",
        "CD": "Democratic Republic of Congo",
        "CG": "Republic of Congo",
        "CI": "Ivory Coast",
        "PS": "Palestine",
        "XK": "Kosovo",
        "TR": "Turkey",
        "CZ": "Czech Republic",
        "CV": "Cape Verde",
        "TL": "East Timor",
        "BN": "Brunei",
        "FM": "Micronesia",
        "SZ": "eSwatini",
        "VA": "Vatican City",
        "VG": "British Virgin Islands",
        "VI": "United States Virgin Islands",
    }
)

#: Codes pycountry does not know (user-assigned), with ACLED's numeric code.
_EXTRA = {"XK": ("XKX", 0)}


def _record(alpha2: str | None):  # -> pycountry record or None
    if not alpha2:
        return None
    return pycountry.countries.get(alpha_2=alpha2.upper())


def country_name(alpha2: str | None) -> str:
    """The country's common English name as ACLED writes it ("Russia"); "" if unknown."""
    if not alpha2:
        return ""
    code = alpha2.upper()
    if code in _ACLED_NAMES:
        return _ACLED_NAMES[code]
    rec = _record(code)
    if rec is None:
        return code
    return getattr(rec, "common_name", None) or rec.name


def iso3(alpha2: str | None) -> str:
    """ISO 3166-1 alpha-3 code ("KAZ"), or "" if unknown."""
    if alpha2 and alpha2.upper() in _EXTRA:
        return _EXTRA[alpha2.upper()][0]
    rec = _record(alpha2)
    return rec.alpha_3 if rec is not None else ""


def iso_numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric code as an integer (398 for Kazakhstan), or None if unknown."""
    if alpha2 and alpha2.upper() in _EXTRA:
        return _EXTRA[alpha2.upper()][1]
    rec = _record(alpha2)
    return int(rec.numeric) if rec is not None else None


def acled_region(alpha2: str | None) -> str:
    """ACLED's region for a country ("Caucasus and Central Asia"), or "" if unknown."""
    return ACLED_REGIONS.get((alpha2 or "").upper(), "")


@functools.lru_cache(maxsize=512)
def country_centroid(alpha2: str | None) -> tuple[float, float] | None:
    """The country's (latitude, longitude) from countryinfo, or None if it has none."""
    if not alpha2:
        return None
    from countryinfo import CountryInfo  # imported on first use: it reads its data files

    try:
        latlng = CountryInfo(alpha2.upper()).latlng()
    except (KeyError, ValueError) as exc:
        logger.debug("no centroid for %s: %s", alpha2, exc)
        return None
    if not latlng or len(latlng) != 2:
        return None
    return float(latlng[0]), float(latlng[1])

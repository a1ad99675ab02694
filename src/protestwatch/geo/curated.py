"""Hand-written gazetteer tables: facts the registry packages lack or state differently.

Everything here is data, read by :mod:`protestwatch.geo.build` when the gazetteer is built:
English names of first-level divisions, former names and transliterations, regions that appear
in the news without a city, country aliases, and the dated history of capitals and renames.
Dates are ISO strings; a ``None`` bound is open.
"""

from __future__ import annotations

from typing import NamedTuple

# --------------------------------------------------------------------------------------------
# First-level divisions.  Key: (country, geonames admin1 code) -> common English name.

ADMIN1_NAMES: dict[tuple[str, str], str] = {
    ("KZ", "01"): "Almaty", ("KZ", "02"): "Almaty", ("KZ", "03"): "Akmola",
    ("KZ", "04"): "Aktobe", ("KZ", "05"): "Astana", ("KZ", "06"): "Atyrau",
    ("KZ", "07"): "West Kazakhstan", ("KZ", "08"): "Baikonur", ("KZ", "09"): "Mangystau",
    ("KZ", "10"): "Turkistan", ("KZ", "11"): "Pavlodar", ("KZ", "12"): "Karaganda",
    ("KZ", "13"): "Kostanay", ("KZ", "14"): "Kyzylorda", ("KZ", "15"): "East Kazakhstan",
    ("KZ", "16"): "North Kazakhstan", ("KZ", "17"): "Jambyl",
    ("KZ", "12510143"): "Abai", ("KZ", "12510144"): "Jetisu", ("KZ", "12510145"): "Ulytau",
    ("KZ", "1537272"): "Shymkent",
    ("UZ", "01"): "Andijan", ("UZ", "02"): "Bukhara", ("UZ", "03"): "Fergana",
    ("UZ", "05"): "Khorezm", ("UZ", "06"): "Namangan", ("UZ", "07"): "Navoiy",
    ("UZ", "08"): "Kashkadarya", ("UZ", "09"): "Karakalpakstan", ("UZ", "10"): "Samarkand",
    ("UZ", "12"): "Surkhandarya", ("UZ", "13"): "Tashkent", ("UZ", "14"): "Tashkent",
    ("UZ", "15"): "Jizzakh", ("UZ", "16"): "Syrdarya",
    ("KG", "01"): "Bishkek", ("KG", "02"): "Chuy", ("KG", "03"): "Jalal-Abad",
    ("KG", "04"): "Naryn", ("KG", "06"): "Talas", ("KG", "07"): "Issyk-Kul",
    ("KG", "08"): "Osh Region", ("KG", "09"): "Batken", ("KG", "10"): "Osh",
    ("TJ", "01"): "Gorno-Badakhshan", ("TJ", "02"): "Khatlon", ("TJ", "03"): "Sughd",
    ("TJ", "04"): "Dushanbe", ("TJ", "RR"): "Districts of Republican Subordination",
    ("CN", "13"): "Xinjiang", ("CN", "14"): "Tibet", ("CN", "16"): "Guangxi",
    ("CN", "20"): "Inner Mongolia", ("CN", "21"): "Ningxia", ("CN", "22"): "Beijing",
    ("CN", "23"): "Shanghai", ("CN", "28"): "Tianjin", ("CN", "33"): "Chongqing",
    ("FR", "11"): "Île-de-France", ("FR", "24"): "Centre-Val de Loire",
    ("FR", "27"): "Bourgogne-Franche-Comté", ("FR", "28"): "Normandy",
    ("FR", "32"): "Hauts-de-France", ("FR", "44"): "Grand Est", ("FR", "52"): "Pays de la Loire",
    ("FR", "53"): "Brittany", ("FR", "75"): "Nouvelle-Aquitaine", ("FR", "76"): "Occitania",
    ("FR", "84"): "Auvergne-Rhône-Alpes", ("FR", "93"): "Provence-Alpes-Côte d'Azur",
    ("FR", "94"): "Corsica",
    # Units whose data name is a local form with no English word in it.
    ("NG", "11"): "Federal Capital Territory", ("MX", "15"): "State of Mexico",
    ("RU", "47"): "Moscow", ("BY", "03"): "Grodno", ("UA", "13"): "Kyiv",
}  # fmt: skip

#: Other names of first-level divisions, keyed by (country, English name above or from the data).
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("KZ", "Almaty Region"): ("Almaty Oblast", "Almaty oblysy"),
    ("KZ", "West Kazakhstan"): ("Batys Qazaqstan", "West Kazakhstan Region"),
    ("KZ", "Mangystau"): ("Mangistau", "Mangghystau", "Mangyshlak", "Mangystau Region",
                          "Mangistau Region", "Mangystau Oblast"),
    ("KZ", "Jambyl"): ("Zhambyl Region", "Zhambyl Oblast", "Jambyl Oblast"),
    ("KZ", "Jetisu"): ("Zhetysu Region", "Zhetisu Region", "Zhetysu", "Zhetisu"),
    ("KZ", "Abai"): ("Abay Region",),
    ("KZ", "Karaganda"): ("Karagandy Region", "Qaraghandy Region", "Karaganda Oblast"),
    ("KZ", "Turkistan"): ("South Kazakhstan Region", "Turkestan Region", "South Kazakhstan"),
    ("KZ", "Aktobe"): ("Aqtobe Region", "Aktobe Oblast"),
    ("UZ", "Karakalpakstan"): ("Karakalpakstan Republic", "Republic of Karakalpakstan",
                               "Qoraqalpogiston", "Karakalpak Autonomous Republic"),
    ("TJ", "Gorno-Badakhshan"): ("GBAO", "Gorno-Badakhshan Autonomous Region",
                                 "Gorno-Badakhshan Autonomous Oblast", "Badakhshan",
                                 "Kuhistoni Badakhshon"),
    ("CN", "Xinjiang"): ("Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Autonomous Region",
                         "Xinjiang region"),
    ("CN", "Tibet"): ("Tibet Autonomous Region", "Xizang"),
    ("KG", "Osh Region"): ("Osh Oblast", "Osh oblusu"),
    ("KG", "Issyk-Kul"): ("Issyk-Kul", "Ysyk-Kol", "Issyk Kul"),
    ("UA", "Crimea"): ("Crimean Peninsula", "Autonomous Republic of Crimea", "Krym"),
    # Abbreviations the news writes in capitals (matched only as written).
    ("AU", "New South Wales"): ("NSW",),
}  # fmt: skip


class Region(NamedTuple):
    """A region without a city of its own that the news names (not a first-level unit)."""

    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    admin1: str | None = None


REGIONS: tuple[Region, ...] = (
    Region("Kashmir", "IN", 34.08, 74.80, ("Kashmir Valley",), "Jammu and Kashmir"),
    Region("Donbas", "UA", 48.00, 38.00, ("Donbass",)),
    Region("Fergana Valley", "UZ", 40.75, 71.75, ("Ferghana Valley",)),
    Region("Pamir", "TJ", 38.50, 73.00, ("Pamirs", "Pamir Mountains")),
    Region("Gaza Strip", "PS", 31.42, 34.36, ("Gaza",)),
    Region("West Bank", "PS", 31.95, 35.25),
    Region("Kurdistan Region", "IQ", 36.20, 44.00, ("Iraqi Kurdistan",)),
    Region("Siberia", "RU", 60.00, 100.00),
    Region("Patagonia", "AR", -44.00, -69.00),
    Region("Darfur", "SD", 13.50, 24.00),
    Region("Balochistan", "PK", 28.50, 65.00, ("Baluchistan",), "Balochistan"),
    Region("Kurdistan", "TR", 38.00, 41.00),
)


# --------------------------------------------------------------------------------------------
# Cities: former names, transliterations, and the common English name to display.


class CityAlias(NamedTuple):
    country: str
    city: str  # a name of the city in the data (its main or an alternate name)
    aliases: tuple[str, ...]


CITY_ALIASES: tuple[CityAlias, ...] = (
    CityAlias(
        "KZ", "Astana", ("Nur-Sultan", "Nursultan", "Akmola", "Aqmola", "Tselinograd", "Akmolinsk")
    ),
    CityAlias("KZ", "Almaty", ("Alma-Ata", "Almaty city", "Alma Ata")),
    CityAlias("KZ", "Oral", ("Uralsk", "Uralsk city")),
    CityAlias("KZ", "Aktobe", ("Aqtobe", "Aktyubinsk", "Aqtöbe")),
    CityAlias("KZ", "Shymkent", ("Chimkent",)),
    CityAlias("KZ", "Atyrau", ("Guryev", "Gurev", "Gurjev")),
    CityAlias("KZ", "Semey", ("Semipalatinsk",)),
    CityAlias("KZ", "Ust-Kamenogorsk", ("Oskemen", "Öskemen")),
    CityAlias("KZ", "Zhanaozen", ("Janaozen", "Novy Uzen", "Novyy Uzen", "Zhanaozen city")),
    CityAlias("KZ", "Karagandy", ("Karaganda", "Qaraghandy", "Qaragandy")),
    CityAlias("KZ", "Kostanay", ("Qostanay", "Kustanai", "Kustanay")),
    CityAlias("KZ", "Petropavl", ("Petropavlovsk",)),
    CityAlias("KZ", "Taraz", ("Zhambyl", "Dzhambul", "Jambyl", "Aulie-Ata")),
    CityAlias("KZ", "Kyzylorda", ("Qyzylorda", "Kzyl-Orda")),
    CityAlias("KZ", "Aktau", ("Aqtau", "Shevchenko")),
    CityAlias("KZ", "Taldykorgan", ("Taldyqorghan",)),
    CityAlias("KZ", "Zhezqazghan", ("Zhezkazgan", "Jezkazgan")),
    CityAlias("KG", "Bishkek", ("Frunze", "Pishpek")),
    CityAlias("KG", "Karakol", ("Przhevalsk",)),
    CityAlias("TJ", "Khorugh", ("Khorog", "Khorug")),
    CityAlias("TJ", "Dushanbe", ("Stalinabad",)),
    CityAlias("TJ", "Khujand", ("Leninabad", "Khodjent")),
    CityAlias("UZ", "Tashkent", ("Toshkent",)),
    CityAlias("UZ", "Nukus", ("Nokis",)),
    CityAlias("MM", "Yangon", ("Rangoon",)),
    CityAlias("MM", "Nay Pyi Taw", ("Naypyidaw", "Naypyitaw", "Nay Pyi Daw")),
    CityAlias("UA", "Kyiv", ("Kiev",)),
    CityAlias("UA", "Dnipro", ("Dnipropetrovsk", "Dnepropetrovsk")),
    CityAlias("IN", "Mumbai", ("Bombay",)),
    CityAlias("IN", "Chennai", ("Madras",)),
    CityAlias("IN", "Kolkata", ("Calcutta",)),
    CityAlias("VN", "Ho Chi Minh City", ("Saigon",)),
)

#: The common English name to show for a city whose data name is another spelling.
DISPLAY_NAMES: dict[tuple[str, str], str] = {
    ("KZ", "Karagandy"): "Karaganda",
    ("KZ", "Ust-Kamenogorsk"): "Oskemen",
    ("TJ", "Khorugh"): "Khorog",
    ("MM", "Nay Pyi Taw"): "Naypyidaw",
}


# --------------------------------------------------------------------------------------------
# Countries


COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "USA", "U.S.", "U.S.A.", "America",
           "the United States", "the US", "US"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"),
    "CN": ("China", "PRC", "People's Republic of China", "Mainland China"),
    "AE": ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czech Republic", "Czechia"),
    "MM": ("Myanmar", "Burma"),
    "NL": ("Netherlands", "Holland"),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "TL": ("East Timor", "Timor-Leste"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories", "Palestinian territories"),
    "KZ": ("Kazakhstan", "Qazaqstan", "Kazakstan"),
    "KG": ("Kyrgyzstan", "Kyrgyz Republic", "Kirghizia", "Kirgizia"),
    "TJ": ("Tajikistan", "Tadjikistan"),
    "UZ": ("Uzbekistan",),
    "TM": ("Turkmenistan",),
    "IR": ("Iran", "Persia"),
    "SY": ("Syria",),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TW": ("Taiwan",),
    "MD": ("Moldova",),
    "TZ": ("Tanzania",),
    "CV": ("Cape Verde", "Cabo Verde"),
}  # fmt: skip

#: AP-style abbreviations of US states, as written after a town ("Peoria, Ill."): read only in
#: that position, since most are also words ("Miss.", "Mass.", "Ind.").
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
    "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada",
    "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
    "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}  # fmt: skip

#: Country names that are also ordinary words or person names: indexed, but need a context.
WEAK_COUNTRY_NAMES: frozenset[str] = frozenset({"chad", "jordan", "georgia", "niger", "guinea"})


# --------------------------------------------------------------------------------------------
# Dated history: capitals and renames.


class CapitalPeriod(NamedTuple):
    """The capital of ``country`` from ``start`` (inclusive) to ``end`` (exclusive)."""

    country: str
    start: str | None
    end: str | None
    city: str  # a name of the city in the data (its current main name)


CAPITALS: tuple[CapitalPeriod, ...] = (
    CapitalPeriod("KZ", None, "1997-12-10", "Almaty"),
    CapitalPeriod("KZ", "1997-12-10", None, "Astana"),
    CapitalPeriod("MM", None, "2005-11-06", "Yangon"),
    CapitalPeriod("MM", "2005-11-06", None, "Nay Pyi Taw"),
    CapitalPeriod("NG", None, "1991-12-12", "Lagos"),
    CapitalPeriod("NG", "1991-12-12", None, "Abuja"),
    CapitalPeriod("BR", None, "1960-04-21", "Rio de Janeiro"),
    CapitalPeriod("BR", "1960-04-21", None, "Brasília"),
    CapitalPeriod("CI", None, "1983-03-21", "Abidjan"),
    CapitalPeriod("CI", "1983-03-21", None, "Yamoussoukro"),
    CapitalPeriod("PK", None, "1959-10-27", "Karachi"),
    CapitalPeriod("PK", "1959-10-27", "1967-08-14", "Rawalpindi"),
    CapitalPeriod("PK", "1967-08-14", None, "Islamabad"),
    CapitalPeriod("DE", "1949-05-23", "1990-10-03", "Bonn"),
    CapitalPeriod("DE", "1990-10-03", None, "Berlin"),
    CapitalPeriod("TZ", None, "1996-02-01", "Dar es Salaam"),
    CapitalPeriod("TZ", "1996-02-01", None, "Dodoma"),
    CapitalPeriod("BI", None, "2019-12-24", "Bujumbura"),
    CapitalPeriod("BI", "2019-12-24", None, "Gitega"),
)


#: Countries whose national legislature sits in a city other than the capital in the data:
#: a protest "outside parliament" there is in that city (country code -> city, by its name in
#: the data).  Elsewhere the parliament is in the capital.
LEGISLATURES: dict[str, str] = {
    "NL": "The Hague",  # the States General; Amsterdam is the capital
    "ZA": "Cape Town",  # Parliament; Pretoria is the executive capital
    "CL": "Valparaíso",  # the National Congress; Santiago is the capital
    "BO": "La Paz",  # the Plurinational Legislative Assembly; Sucre is the constitutional capital
    "CI": "Abidjan",  # the National Assembly; Yamoussoukro is the capital
    "SZ": "Lobamba",  # Parliament; Mbabane is the administrative capital
    "LK": "Sri Jayewardenepura Kotte",  # Parliament; Colombo is the commercial capital
}


class Rename(NamedTuple):
    """``city`` (current data name) was called ``name`` from ``start`` to ``end`` (exclusive)."""

    country: str
    city: str
    name: str
    start: str | None
    end: str | None


RENAMES: tuple[Rename, ...] = (
    Rename("KZ", "Astana", "Tselinograd", "1961-03-20", "1992-06-06"),
    Rename("KZ", "Astana", "Akmola", "1992-06-06", "1998-05-06"),
    Rename("KZ", "Astana", "Nur-Sultan", "2019-03-23", "2022-09-17"),
    Rename("KZ", "Almaty", "Alma-Ata", None, "1993-01-28"),
    Rename("KG", "Bishkek", "Frunze", "1926-01-01", "1991-02-05"),
    Rename("TJ", "Dushanbe", "Stalinabad", "1929-10-16", "1961-11-10"),
    Rename("MM", "Yangon", "Rangoon", None, "1989-06-18"),
    Rename("IN", "Mumbai", "Bombay", None, "1995-11-01"),
    Rename("IN", "Chennai", "Madras", None, "1996-07-17"),
    Rename("IN", "Kolkata", "Calcutta", None, "2001-01-01"),
    Rename("VN", "Ho Chi Minh City", "Saigon", None, "1976-07-02"),
    Rename("UA", "Dnipro", "Dnipropetrovsk", "1926-07-20", "2016-05-19"),
)

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
    # English names the data spells otherwise
    ("ET", "Oromiya"): ("Oromia", "Oromia Region"),
    ("CD", "Eastern Province"): ("Orientale", "Orientale Province", "Province Orientale"),
    ("SD", "Shamal Kurdufan"): ("North Kordofan",),
    ("SD", "Southern Kordofan"): ("South Kordofan",),
    ("RU", "Sakha"): ("Yakutia", "Sakha Republic"),
    ("UA", "Zakarpattia"): ("Transcarpathia", "Zakarpattia Oblast"),
    ("YE", "Soqatra"): ("Socotra",),
    ("RU", "Kamtsjatka"): ("Kamchatka Krai",),
    # Abbreviations the news writes in capitals (matched only as written).
    ("AU", "New South Wales"): ("NSW",),
}  # fmt: skip


class Region(NamedTuple):
    """A region without a city of its own that the news names (not a first-level unit, except
    a few created after the gazetteer's data: Ladakh, Bangsamoro, Ituri, Kasai).

    Islands and island groups that are not countries or first-level units, historical and
    cultural regions, disputed, breakaway and occupied territories, former provinces, conflict
    regions, and the valleys, deltas, deserts, plateaus and mountain lands where people live.

    ``country``: the ISO alpha-2 code of the country where most of the region lies and where the
    news about it is mostly set; for a disputed, breakaway or occupied territory, the country it
    is internationally recognised as part of (a comment says who holds it), or, where no
    sovereignty is recognised, the country that administers it.  ``latitude``/``longitude``: a
    rounded point near the region's middle, good to about 50 km (for a long island chain, near
    the islands the news is about).
    ``aliases``: other spellings the news uses (no ordinary words, no common town names; accents
    and hyphens need no alias of their own, since names are matched as ``name_key`` keys).
    ``admin1``: the first-level unit that holds all of the region, only where one does, by its
    common English name.
    """

    name: str
    country: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    admin1: str | None = None


REGIONS: tuple[Region, ...] = (
    # -- South Asia ------------------------------------------------------------------------
    Region("Kashmir", "IN", 34.08, 74.80, ("Kashmir Valley",), "Kashmir"),
    # a union territory since 2019, newer than the gazetteer's first-level units
    Region("Ladakh", "IN", 34.10, 77.50),
    # held by China, claimed by India; no recognised sovereign, so its administrator
    Region("Aksai Chin", "CN", 35.20, 79.50),
    Region("Balochistan", "PK", 28.50, 65.00, ("Baluchistan",), "Balochistan"),
    Region("Waziristan", "PK", 32.60, 69.80, ("North Waziristan", "South Waziristan"),
           "Khyber Pakhtunkhwa"),
    Region("Swat Valley", "PK", 35.00, 72.40, (), "Khyber Pakhtunkhwa"),
    # merged into Khyber Pakhtunkhwa in 2018, still named in the news
    Region("Federally Administered Tribal Areas", "PK", 33.20, 70.40, ("FATA",),
           "Khyber Pakhtunkhwa"),
    Region("Thar Desert", "IN", 27.00, 71.50, ("Great Indian Desert",)),
    # shared with Bangladesh; the news mostly means (West) Bengal in India
    Region("Bengal", "IN", 23.50, 88.00),
    Region("Gorkhaland", "IN", 27.00, 88.40, (), "West Bengal"),
    Region("Bodoland", "IN", 26.60, 91.00, ("Bodoland Territorial Region",), "Assam"),
    Region("Bundelkhand", "IN", 25.10, 79.30),
    Region("Vidarbha", "IN", 20.60, 78.60, (), "Maharashtra"),
    Region("Marathwada", "IN", 19.20, 76.30, (), "Maharashtra"),
    Region("Deccan", "IN", 17.50, 77.50, ("Deccan Plateau",)),
    # most of the mangrove forest is in Bangladesh, the rest in India
    Region("Sundarbans", "BD", 21.90, 89.30, ("Sunderbans", "Sundarban")),
    Region("Chittagong Hill Tracts", "BD", 22.60, 92.20, ("Chattogram Hill Tracts",),
           "Chittagong"),
    Region("Terai", "NP", 27.60, 84.30, ("Tarai",)),
    Region("Hazarajat", "AF", 34.20, 66.80),
    # -- Central and East Asia, Asian Russia -----------------------------------------------
    Region("Fergana Valley", "UZ", 40.75, 71.75, ("Ferghana Valley",)),
    Region("Pamir", "TJ", 38.50, 73.00, ("Pamirs", "Pamir Mountains")),
    Region("Siberia", "RU", 60.00, 100.00),
    Region("Kuzbass", "RU", 54.50, 86.80, ("Kuznetsk Basin",), "Kemerovo"),
    Region("Kamchatka Peninsula", "RU", 56.00, 159.50, ("Kamchatka",)),
    # held by Russia; Japan claims the southern four islands
    Region("Kuril Islands", "RU", 45.50, 148.50, ("Kurils", "Kuriles")),
    Region("Manchuria", "CN", 45.00, 126.00),
    Region("Pearl River Delta", "CN", 22.80, 113.40, (), "Guangdong"),
    Region("Yangtze River Delta", "CN", 31.20, 120.50, ("Yangtze Delta",)),
    # shared with China; the news mostly means the Mongolian Gobi
    Region("Gobi", "MN", 43.50, 105.00, ("Gobi Desert",)),
    # held by China, claimed by Vietnam and Taiwan; no recognised sovereign
    Region("Paracel Islands", "CN", 16.50, 112.00, ("Paracels", "Xisha Islands")),
    Region("Honshu", "JP", 36.00, 138.50),
    Region("Kyushu", "JP", 32.70, 130.90),
    Region("Shikoku", "JP", 33.70, 133.50),
    Region("Kanto", "JP", 36.00, 139.60),
    Region("Kansai", "JP", 34.80, 135.50),
    Region("Tohoku", "JP", 39.50, 140.80),
    Region("Ryukyu Islands", "JP", 26.50, 128.00, ("Ryukyus", "Nansei Islands")),
    # administered by Japan, claimed by China and Taiwan
    Region("Senkaku Islands", "JP", 25.75, 123.50,
           ("Senkakus", "Diaoyu Islands", "Diaoyutai Islands"), "Okinawa"),
    Region("Noto Peninsula", "JP", 37.20, 136.90, (), "Ishikawa"),
    Region("Kinmen", "TW", 24.45, 118.35, ("Quemoy",)),
    # -- Southeast Asia ----------------------------------------------------------------------
    Region("Isan", "TH", 15.80, 103.30, ("Isaan", "Issan")),
    Region("Mekong Delta", "VN", 10.00, 105.70),
    Region("Peninsular Malaysia", "MY", 4.20, 102.00, ("West Malaysia",)),
    Region("East Malaysia", "MY", 3.50, 114.50, ("Malaysian Borneo",)),
    # shared with Malaysia and Brunei; most of the island is Indonesian
    Region("Borneo", "ID", 1.00, 114.00),
    Region("Kalimantan", "ID", -0.30, 114.20),
    Region("Sumatra", "ID", -0.30, 101.50, ("Sumatera",)),
    Region("Java", "ID", -7.30, 110.00),
    Region("Sulawesi", "ID", -2.00, 121.00, ("Celebes",)),
    Region("Lombok", "ID", -8.60, 116.30, (), "West Nusa Tenggara"),
    Region("Moluccas", "ID", -2.50, 128.50, ("Maluku Islands",)),
    Region("West Timor", "ID", -9.60, 124.00, (), "East Nusa Tenggara"),
    Region("Natuna Islands", "ID", 3.90, 108.20, ("Natuna",), "Riau Islands"),
    Region("Luzon", "PH", 16.00, 121.00),
    Region("Visayas", "PH", 10.70, 123.90, ("Visayan Islands",)),
    Region("Mindanao", "PH", 7.80, 125.00),
    Region("Panay", "PH", 11.10, 122.50, (), "Western Visayas"),
    Region("Negros", "PH", 10.10, 123.00, ("Negros Island",)),
    Region("Sulu Archipelago", "PH", 6.00, 121.00),
    # the autonomous region since 2019, newer than the gazetteer's first-level units
    Region("Bangsamoro", "PH", 7.20, 124.20, ("BARMM", "Bangsamoro Autonomous Region")),
    # -- Middle East and the Caucasus ------------------------------------------------------
    Region("Gaza Strip", "PS", 31.42, 34.36, ("Gaza",)),
    Region("West Bank", "PS", 31.95, 35.25),
    # held by Israel since 1967; recognised as part of Syria
    Region("Golan Heights", "SY", 33.00, 35.80, ("Golan",)),
    Region("Galilee", "IL", 32.85, 35.40, (), "Northern District"),
    Region("Negev", "IL", 30.80, 34.80, ("Negev Desert", "Naqab"), "Southern District"),
    Region("Bekaa Valley", "LB", 33.85, 35.95, ("Bekaa", "Beqaa Valley")),
    Region("Rojava", "SY", 36.40, 40.00, ("Syrian Kurdistan",)),
    Region("Kurdistan Region", "IQ", 36.20, 44.00, ("Iraqi Kurdistan",)),
    Region("Nineveh Plains", "IQ", 36.40, 43.35, ("Nineveh Plain",)),
    Region("Iranian Kurdistan", "IR", 35.80, 46.30, ("Eastern Kurdistan", "Rojhelat")),
    Region("Kurdistan", "TR", 38.00, 41.00),
    Region("Anatolia", "TR", 39.00, 34.00, ("Asia Minor",)),
    Region("Hejaz", "SA", 23.50, 39.30, ("Hijaz",)),
    Region("Tihama", "YE", 15.00, 43.10, ("Tihamah",)),
    # a breakaway state recognised only by Turkey; internationally part of Cyprus
    Region("Northern Cyprus", "CY", 35.25, 33.60,
           ("North Cyprus", "Turkish Republic of Northern Cyprus")),
    # recognised as part of Azerbaijan (Armenian-held until 2023)
    Region("Nagorno-Karabakh", "AZ", 39.85, 46.75, ("Karabakh", "Artsakh", "Upper Karabakh")),
    # a breakaway region held with Russian troops; recognised as part of Georgia
    Region("South Ossetia", "GE", 42.30, 44.00),
    Region("Pankisi Gorge", "GE", 42.20, 45.20, ("Pankisi", "Pankisi Valley"), "Kakheti"),
    # -- Europe ------------------------------------------------------------------------------
    # the east and the north
    Region("Donbas", "UA", 48.00, 38.00, ("Donbass",)),
    # a breakaway region; recognised as part of Moldova
    Region("Transnistria", "MD", 47.20, 29.40,
           ("Transdniestria", "Transdniester", "Trans-Dniester", "Pridnestrovie")),
    Region("Kuban", "RU", 45.20, 39.50),
    Region("Urals", "RU", 58.00, 59.80, ("Ural Mountains",)),
    Region("Karelia", "RU", 63.00, 33.50),
    Region("Kola Peninsula", "RU", 67.80, 35.50, (), "Murmansk"),
    Region("Jutland", "DK", 56.20, 9.20, ("Jylland",)),
    # Britain
    Region("Scottish Highlands", "GB", 57.30, -4.80, (), "Scotland"),
    Region("Hebrides", "GB", 57.40, -6.70, ("Outer Hebrides", "Western Isles"), "Scotland"),
    Region("Yorkshire", "GB", 53.90, -1.30, (), "England"),
    Region("East Anglia", "GB", 52.50, 1.00, (), "England"),
    # France, Iberia, Italy
    Region("Alsace", "FR", 48.30, 7.45, (), "Grand Est"),
    Region("Burgundy", "FR", 47.20, 4.40, (), "Bourgogne-Franche-Comté"),
    Region("Provence", "FR", 43.80, 5.80, (), "Provence-Alpes-Côte d'Azur"),
    Region("French Riviera", "FR", 43.65, 7.10, ("Côte d'Azur",), "Provence-Alpes-Côte d'Azur"),
    Region("Majorca", "ES", 39.60, 2.95, ("Mallorca",), "Balearic Islands"),
    Region("Tenerife", "ES", 28.27, -16.60, (), "Canary Islands"),
    Region("Gran Canaria", "ES", 27.95, -15.60, (), "Canary Islands"),
    Region("Algarve", "PT", 37.15, -8.20, (), "Faro"),
    Region("South Tyrol", "IT", 46.65, 11.35, ("Alto Adige", "Südtirol"), "Trentino-Alto Adige"),
    Region("Susa Valley", "IT", 45.10, 7.10, ("Val di Susa", "Val Susa", "Valsusa"), "Piedmont"),
    # Central Europe
    Region("Ruhr", "DE", 51.48, 7.20, ("Ruhr area", "Ruhr Valley", "Ruhrgebiet"),
           "North Rhine-Westphalia"),
    Region("Lusatia", "DE", 51.50, 14.20, ("Lausitz",)),
    Region("Silesia", "PL", 50.60, 18.00),
    Region("Suwałki Gap", "PL", 54.20, 23.00, ("Suwałki Corridor",)),
    Region("Bohemia", "CZ", 49.90, 14.40),
    Region("Moravia", "CZ", 49.30, 17.00),
    # Southeast Europe
    Region("Transylvania", "RO", 46.30, 24.30),
    # shared with Serbia and Hungary; most of it is Romanian
    Region("Banat", "RO", 45.60, 21.50),
    # shared with Bulgaria; most of it is Romanian
    Region("Dobruja", "RO", 44.50, 28.30, ("Dobrogea", "Dobrudja")),
    Region("Szeklerland", "RO", 46.30, 25.60, ("Székely Land", "Székelyföld")),
    Region("Dalmatia", "HR", 43.60, 16.30),
    Region("Herzegovina", "BA", 43.30, 17.80),
    # shared with Montenegro; most of it is Serbian
    Region("Sandžak", "RS", 43.15, 20.30, ("Sanjak",)),
    Region("Preševo Valley", "RS", 42.35, 21.70),
    Region("Lesbos", "GR", 39.20, 26.30, ("Lesvos",), "North Aegean"),
    Region("Evia", "GR", 38.60, 23.70, ("Euboea", "Evvia"), "Central Greece"),
    # -- Africa ------------------------------------------------------------------------------
    # North Africa
    Region("Kabylie", "DZ", 36.60, 4.40, ("Kabylia",)),
    Region("Rif", "MA", 35.00, -4.20, ("Rif Mountains",)),
    Region("Tripolitania", "LY", 31.50, 13.50),
    Region("Cyrenaica", "LY", 31.50, 21.00),
    Region("Fezzan", "LY", 26.50, 13.50, ("Fazzan",)),
    Region("Nile Delta", "EG", 30.90, 31.10),
    Region("Upper Egypt", "EG", 26.50, 31.90),
    Region("Sinai", "EG", 29.50, 33.80, ("Sinai Peninsula",)),
    # Sudan and South Sudan
    Region("Darfur", "SD", 13.50, 24.00),
    Region("Kordofan", "SD", 12.80, 29.50),
    Region("Nuba Mountains", "SD", 11.40, 30.10, (), "Southern Kordofan"),
    Region("Bahr el Ghazal", "SS", 8.00, 27.80, ("Bahr al Ghazal",)),
    Region("Equatoria", "SS", 4.60, 30.80),
    # the Horn of Africa
    Region("Ogaden", "ET", 7.00, 44.00, (), "Somali"),
    Region("Wollega", "ET", 9.00, 35.80, ("Wellega", "Welega")),
    # self-declared independent since 1991; recognised as part of Somalia
    Region("Somaliland", "SO", 9.70, 45.80, ("Republic of Somaliland",)),
    Region("Puntland", "SO", 9.00, 49.00),
    Region("Jubaland", "SO", 1.00, 42.00, ("Jubbaland",)),
    # East Africa: Kenya's former provinces, Uganda's regions
    Region("Rift Valley", "KE", 0.50, 36.00, ("Rift Valley Province",)),
    Region("Nyanza", "KE", -0.60, 34.60, ("Nyanza Province",)),
    Region("Karamoja", "UG", 2.80, 34.30),
    Region("Buganda", "UG", 0.40, 32.30, (), "Central Region"),
    # Central Africa (Ituri and Kasai are provinces since 2015, newer than the gazetteer's units)
    Region("Ituri", "CD", 1.80, 29.80),
    Region("Kivu", "CD", -1.50, 28.80, ("Kivus",)),
    Region("Kasai", "CD", -5.80, 22.20),
    # the Anglophone regions of Cameroon
    Region("Ambazonia", "CM", 5.60, 9.60, ("Southern Cameroons",)),
    # Southern Africa
    Region("Matabeleland", "ZW", -19.80, 27.80),
    Region("Mashonaland", "ZW", -17.30, 31.20),
    Region("Zululand", "ZA", -28.00, 31.40, (), "KwaZulu-Natal"),
    Region("Caprivi Strip", "NA", -17.90, 23.50, ("Caprivi",)),
    # West Africa
    Region("Casamance", "SN", 12.80, -15.60),
    Region("Azawad", "ML", 18.50, -0.50),
    Region("Niger Delta", "NG", 5.00, 6.30),
    Region("Ogoniland", "NG", 4.68, 7.30, (), "Rivers"),
    Region("Middle Belt", "NG", 8.80, 8.30),
    Region("Biafra", "NG", 5.80, 7.40),
    # -- The Americas ------------------------------------------------------------------------
    # North America
    Region("Vancouver Island", "CA", 49.60, -125.60, (), "British Columbia"),
    Region("Cape Breton", "CA", 46.20, -60.80, ("Cape Breton Island",), "Nova Scotia"),
    Region("Maritimes", "CA", 45.80, -64.50, ("Maritime provinces",)),
    Region("New England", "US", 43.60, -71.50),
    Region("Long Island", "US", 40.80, -73.10, (), "New York"),
    Region("Cape Cod", "US", 41.70, -70.20, (), "Massachusetts"),
    Region("Appalachia", "US", 37.80, -81.50),
    Region("Midwest", "US", 41.80, -91.00),
    Region("Florida Keys", "US", 24.80, -81.00, (), "Florida"),
    Region("Rio Grande Valley", "US", 26.20, -97.90, (), "Texas"),
    Region("Navajo Nation", "US", 36.20, -109.60),
    Region("Pacific Northwest", "US", 46.50, -121.50),
    Region("San Francisco Bay Area", "US", 37.70, -122.20, ("Bay Area",), "California"),
    Region("Silicon Valley", "US", 37.38, -122.00, (), "California"),
    Region("Maui", "US", 20.80, -156.33, (), "Hawaii"),
    # Mexico, Central America, the Caribbean
    Region("Bajío", "MX", 20.80, -101.00),
    Region("Tierra Caliente", "MX", 18.70, -101.30),
    Region("Isthmus of Tehuantepec", "MX", 16.90, -95.00, ("Tehuantepec Isthmus",)),
    Region("Lacandon Jungle", "MX", 16.60, -91.10, ("Selva Lacandona",), "Chiapas"),
    # shared with Guatemala and Belize; most of it is Mexican
    Region("Yucatán Peninsula", "MX", 19.50, -88.80),
    Region("La Mosquitia", "HN", 15.20, -84.50, ("Mosquitia", "Moskitia")),
    # the roadless jungle on both sides of the border with Colombia
    Region("Darién Gap", "PA", 8.00, -77.50),
    # shared with Haiti; most of the island is Dominican
    Region("Hispaniola", "DO", 19.00, -71.00),
    # South America
    Region("Catatumbo", "CO", 8.60, -73.10, (), "Norte de Santander"),
    Region("Urabá", "CO", 7.90, -76.60),
    Region("Orinoco Mining Arc", "VE", 7.20, -63.50, ("Arco Minero", "Arco Minero del Orinoco"),
           "Bolívar"),
    # administered by Guyana, claimed by Venezuela
    Region("Essequibo", "GY", 5.50, -59.80, ("Guayana Esequiba",)),
    # shared with its neighbours; most of it is Brazilian
    Region("Amazonia", "BR", -4.00, -62.00,
           ("Brazilian Amazon", "Amazon rainforest", "Amazon Basin")),
    Region("Sertão", "BR", -8.50, -39.50),
    Region("Baixada Fluminense", "BR", -22.75, -43.40, (), "Rio de Janeiro"),
    # shared with Bolivia and Paraguay; most of it is Brazilian
    Region("Pantanal", "BR", -17.80, -57.00),
    Region("Chapare", "BO", -16.90, -65.40, (), "Cochabamba"),
    Region("Altiplano", "BO", -18.00, -67.50),
    # shared with Paraguay and Bolivia; most of it is Argentine
    Region("Gran Chaco", "AR", -23.80, -61.50),
    Region("Pampas", "AR", -35.50, -62.00),
    Region("Patagonia", "AR", -44.00, -69.00),
    Region("Easter Island", "CL", -27.12, -109.35, ("Rapa Nui",), "Valparaíso"),
    Region("Chiloé", "CL", -42.60, -73.90, ("Chiloé Island",), "Los Lagos"),
    # -- Oceania -----------------------------------------------------------------------------
    Region("Outback", "AU", -25.00, 134.00),
    Region("Arnhem Land", "AU", -12.80, 134.80, (), "Northern Territory"),
    Region("Pilbara", "AU", -21.80, 118.50, (), "Western Australia"),
    Region("Cape York Peninsula", "AU", -14.50, 143.00, ("Cape York",), "Queensland"),
    Region("Torres Strait Islands", "AU", -10.30, 142.40, (), "Queensland"),
    Region("Hunter Valley", "AU", -32.70, 151.10, (), "New South Wales"),
    Region("Gippsland", "AU", -37.90, 146.90, (), "Victoria"),
    Region("North Island", "NZ", -38.50, 175.80),
    Region("South Island", "NZ", -43.50, 171.00),
)  # fmt: skip


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
    # "Congo" alone is the Democratic Republic in most English news (wire style: "Congo" and
    # "Congo Republic"); a text about Brazzaville still makes it the Republic
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire", "Congo",
           "the Congo"),
    "CN": ("China", "PRC", "People's Republic of China", "Mainland China"),
    "AE": ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Congo Republic", "Republic of the Congo"),
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

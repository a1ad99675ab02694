"""Representative points and resolution mechanisms: main landmass, unit extent, one sense per
text, AP state abbreviations, demonyms, continents."""

from __future__ import annotations

from protestwatch.geo.build import country_point, unit_point
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import geoparse, haversine_km
from protestwatch.geo.macro import macro_point


def _square(lon: float, lat: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]


def _multi(*rings: list[list[float]]) -> dict:
    geometry = {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}
    return {"features": [{"geometry": geometry}]}


def test_country_point_is_the_main_landmass_centroid_else_the_factbook_point() -> None:
    main_and_island = _multi(_square(0, 0, 10), _square(30, 30, 1))
    assert country_point(main_and_island, (1.0, 1.0)) == (5.0, 5.0)
    archipelago = _multi(*[_square(10 * i, 0, 2) for i in range(5)])
    assert country_point(archipelago, (1.0, 21.0)) == (1.0, 21.0)
    assert country_point(None, (3.0, 4.0)) == (3.0, 4.0)


def test_unit_point_sits_between_the_extent_and_the_median_of_places() -> None:
    lats = [0.0, 0.1, 0.2, 0.3, 10.0]
    lons = [0.0, 0.0, 0.0, 0.0, 10.0]
    assert unit_point(lats, lons) == (2.6, 2.5)
    # across the antimeridian (the Aleutians): not a point near Greenwich
    lat, lon = unit_point([52.0, 52.0, 53.0], [179.5, -179.5, -178.0])
    assert abs(lon) > 178


def test_the_built_points_of_large_countries(gaz: Gazetteer) -> None:
    us = gaz.country("US")
    assert haversine_km(us.latitude, us.longitude, 39.8, -98.6) < 161  # the contiguous centre
    texas = gaz.admin1("US", "Texas")
    assert haversine_km(texas.latitude, texas.longitude, 31.25, -99.25) < 161


def _places(text: str, gaz: Gazetteer) -> list[tuple[str, str | None, str]]:
    return [(d["text"], d["country"], d["admin1"] or d["feature"]) for d in geoparse(text, gaz)]


def test_a_state_is_not_a_namesake_town(gaz: Gazetteer) -> None:
    got = _places("Wildfires forced evacuations in California and Oregon.", gaz)
    assert got == [("California", "US", "California"), ("Oregon", "US", "Oregon")]


def test_ap_state_abbreviation_and_one_sense_per_text(gaz: Gazetteer) -> None:
    text = "PEORIA, Ill. — Nurses struck on Monday. The hospital in Peoria said talks would resume."
    got = geoparse(text, gaz)
    assert [(d["text"], d["admin1"]) for d in got] == [("PEORIA", "Illinois"), ("Peoria", "Illinois")]


def test_a_demonym_is_not_the_region_of_that_name(gaz: Gazetteer) -> None:
    assert [d["text"] for d in geoparse("Somali officials met Kenyan envoys in Nairobi.", gaz)] == [
        "Nairobi"
    ]


def test_continents_and_seas_are_toponyms_of_the_geoparser_only(gaz: Gazetteer) -> None:
    from protestwatch.geo.places import find_places

    text = "The outbreak spread from West Africa to Europe and across the Pacific."
    got = {d["text"]: d for d in geoparse(text, gaz)}
    assert set(got) == {"West Africa", "Europe", "Pacific"}
    assert got["Europe"]["feature"] == "continent" and got["Europe"]["country"] is None
    assert got["Pacific"]["feature"] == "sea"
    assert macro_point("Africa") is not None and macro_point("Soviet Union") is None
    assert [m for m in find_places(text, gaz) if m.kind == "toponym"] == []


def test_peoples_republic_is_not_the_republic(gaz: Gazetteer) -> None:
    assert _places("Officials of the People's Republic of China said.", gaz)[0][1] == "CN"
    assert _places("Troops left the Democratic Republic of Congo.", gaz)[0][1] == "CD"


# -- names inside longer names, persons, admin2 units, states (invented sentences) -------------


def _resolved(text: str, gaz: Gazetteer) -> dict[str, dict]:
    """Toponym text -> its first resolution."""
    out: dict[str, dict] = {}
    for d in geoparse(text, gaz):
        out.setdefault(d["text"], d)
    return out


def _countries_of(text: str, gaz: Gazetteer) -> set[str | None]:
    return {d["country"] for d in geoparse(text, gaz)}


def test_a_name_after_a_capitalised_modifier_is_not_a_far_namesake(gaz: Gazetteer) -> None:
    # "West Midlands", "Central Plateau", "Upper Nile": the gazetteer knows only the inner name,
    # which elsewhere is a unit of Zimbabwe, Nigeria ... with nothing else in the text there.
    assert "ZW" not in _countries_of(
        "Hospital cleaners across the West Midlands, England, struck over pay; Coventry and "
        "Wolverhampton were worst hit.", gaz)  # fmt: skip
    assert "NG" not in _countries_of(
        "Aid reached villages of the Central Plateau in Haiti, north of Port-au-Prince.", gaz
    )


def test_a_modifier_before_a_place_of_the_text_keeps_it(gaz: Gazetteer) -> None:
    got = _resolved(
        "Wildfires spread across Southern California while crowds marched in Los Angeles.", gaz
    )
    assert got["California"]["admin1"] == "California"
    got = _resolved("Herders in Northern Kenya blocked roads near Marsabit.", gaz)
    assert got["Kenya"]["country"] == "KE"
    assert _resolved("Farmers rallied in West Bengal.", gaz)["West Bengal"]["country"] == "IN"


def test_a_name_before_a_feature_word_is_not_a_far_namesake(gaz: Gazetteer) -> None:
    # "Danube Delta", "Fraser Valley", "Vistula river": a delta, a valley, a river, not the
    # Nigerian state, the Alberta village or a town that has the river's name as an alternate.
    assert "NG" not in _countries_of(
        "Fishermen in the Danube Delta protested in Tulcea, Romania, against new quotas.", gaz
    )
    got = _resolved(
        "Dairy farmers in the Fraser Valley, east of Vancouver, British Columbia, dumped milk.", gaz
    )
    assert all(d["admin1"] != "Alberta" for d in got.values())
    assert "US" not in _countries_of(
        "Anglers marched along the Vistula river bank in Torun, Poland.", gaz
    )


def test_a_valley_named_after_a_town_of_the_region_resolves_there(gaz: Gazetteer) -> None:
    text = "Janitors rallied in the San Fernando Valley and in Santa Monica, near Los Angeles."
    got = _resolved(text, gaz)
    sf = next(d for t, d in got.items() if t.startswith("San Fernando"))
    assert sf["country"] == "US" and sf["admin1"] == "California"


def test_a_town_named_like_a_lake_needs_the_text_to_support_it(gaz: Gazetteer) -> None:
    text = "Ducks were found dead in the Rice Lake area of Fulton County, Illinois, officials said."
    assert all(d["admin1"] != "Wisconsin" for d in geoparse(text, gaz))
    got = _resolved("Nurses picketed a clinic in Rice Lake, Wisconsin, on Monday.", gaz)
    assert got["Rice Lake"]["admin1"] == "Wisconsin"


def test_a_square_named_after_a_saint_is_a_landmark(gaz: Gazetteer) -> None:
    text = "Pilgrims gathered in St. Peter's Square in Rome to hear the appeal."
    got = _resolved(text, gaz)
    assert all(d["country"] != "AG" for d in got.values())
    assert got["Rome"]["country"] == "IT"
    # a possessive city before a square's own name is still the city
    assert _resolved("Crowds filled Moscow's Red Square.", gaz)["Moscow"]["country"] == "RU"


def test_person_names_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "Labour Secretary Ann Mercer met strikers in Chicago on Monday. \"We will talk,\" said "
        "Granger, a union steward, after singer Joan Lennox performed. Lennox said the workers "
        "deserved better. Union lawyer Paul Kemp and Dennis van Holt, a teacher, also spoke. "
        "Mercer later flew back to Washington."
    )
    got = _resolved(text, gaz)
    assert {"Chicago", "Washington"} <= set(got)
    assert not {"Secretary", "Granger", "Lennox", "Paul", "Dennis"} & set(got)


def test_a_surname_named_again_alone_is_still_the_person(gaz: Gazetteer) -> None:
    text = (
        "Former president Nelson Mandela urged donors to act at a concert in Johannesburg. "
        "Later Mandela thanked the crowd, and George W. Bush pledged money. Bush spoke in Dallas."
    )
    got = _resolved(text, gaz)
    assert {"Johannesburg", "Dallas"} <= set(got)
    assert not {"Mandela", "Bush"} & set(got)


def test_surname_like_places_in_a_locative_context_are_kept(gaz: Gazetteer) -> None:
    got = _resolved("About 300 students marched in Davis, California, on Saturday.", gaz)
    assert got["Davis"]["admin1"] == "California"
    got = _resolved("Workers from Granger, Indiana, joined the picket in South Bend.", gaz)
    assert got["Granger"]["admin1"] == "Indiana"
    got = _resolved("A rally was held in Bell, a city south of Los Angeles.", gaz)
    assert got["Bell"]["admin1"] == "California"


def test_a_news_agency_is_not_a_town(gaz: Gazetteer) -> None:
    text = "State news agency Xinhua said taxi drivers protested in Changsha. Xinhua added that..."
    assert [d["text"] for d in geoparse(text, gaz)] == ["Changsha"]


def test_second_level_units_win_with_their_country(gaz: Gazetteer) -> None:
    got = _resolved("Bird flu was found on a farm in Suffolk, England, and in Fife, Scotland.", gaz)
    assert got["Suffolk"]["country"] == "GB" and got["Suffolk"]["feature"] == "admin2"
    assert got["Fife"]["country"] == "GB"
    got = _resolved("Officials in Manila said pigs from a farm in Laguna were culled.", gaz)
    assert got["Laguna"]["country"] == "PH"
    # a city keeps its name over the second-level unit called after it
    assert _resolved("Thousands marched in Milan on Sunday.", gaz)["Milan"]["feature"] == "locality"
    assert _resolved("Protesters gathered in Bristol.", gaz)["Bristol"]["feature"] == "locality"


def test_a_type_word_names_a_unit_or_nothing_abroad(gaz: Gazetteer) -> None:
    # "Nyanza province" of Kenya is not in the gazetteer; the Rwandan town of that name is not it
    text = "Kenyan doctors held medical camps in Nyanza province, near Kisumu."
    assert "RW" not in _countries_of(text, gaz)
    text = (
        "Indonesian officials said three children from the district of Karo, in North Sumatra, "
        "fell ill."
    )
    assert "IN" not in _countries_of(text, gaz)


def test_washington_the_state(gaz: Gazetteer) -> None:
    text = "A cow from a Washington state farm tested positive, Canadian officials said."
    got = geoparse(text, gaz)
    assert got[0]["admin1"] == "Washington" and got[0]["feature"] == "admin1"
    text = "The first case was found in the state of Washington. Ottawa and Alberta were told."
    got = _resolved(text, gaz)
    assert got["Washington"]["feature"] == "admin1"


def test_a_list_of_states_is_not_a_town_with_its_state(gaz: Gazetteer) -> None:
    text = "Losses were reported in Georgia, Oklahoma, Pennsylvania, Wisconsin and California."
    got = geoparse(text, gaz)
    assert [(d["text"], d["feature"], d["country"]) for d in got] == [
        (name, "admin1", "US")
        for name in ("Georgia", "Oklahoma", "Pennsylvania", "Wisconsin", "California")
    ]
    text = "Cases are being investigated in Washington, Pennsylvania and California."
    assert _resolved(text, gaz)["Washington"]["feature"] == "admin1"
    text = "Many countries, among them China, Japan, and the United Kingdom, urged caution."
    assert _resolved(text, gaz)["China"]["country"] == "CN"
    # a real town with its state still reads as one
    got = _resolved("Workers struck in Washington, Pennsylvania, on Friday.", gaz)
    assert got["Washington"]["admin1"] == "Pennsylvania"


def test_georgia_the_state_or_the_country_by_its_neighbours(gaz: Gazetteer) -> None:
    got = _resolved("Peach growers in Georgia and Alabama lost much of the crop.", gaz)
    assert got["Georgia"]["country"] == "US"
    got = _resolved("Truckers from Armenia, Azerbaijan and Georgia blocked the road.", gaz)
    assert got["Georgia"]["country"] == "GE"


def test_a_town_where_someone_spoke_is_not_a_person_elsewhere_in_the_text(gaz: Gazetteer) -> None:
    """"a driver in Karakol said": the speech verb follows a place, not a surname, so other
    mentions of the town without a firm locative ("families of Karakol") keep the town."""
    texts = (
        "Families of Karakol blocked the lake road on Monday. A driver in Karakol said fuel was scarce.",
        "Shopkeepers of Naryn marched to the akimat. A trader in Naryn told reporters that rents had doubled.",
        "The elders of Khorog met on Friday; an official at Khorog later said the talks went well.",
    )
    for text in texts:
        found = [d for d in geoparse(text, gaz) if d["latitude"] is not None]
        names = [d["text"] for d in found]
        town = text.split(" of ")[1].split()[0].rstrip(".;,")
        assert names.count(town) == 2, (text, names)
    # a bare speech verb still marks a surname ("said Granger" with no place word before it)
    assert "Granger" not in [d["text"] for d in geoparse("\"We will talk,\" said Granger in Chicago.", gaz)]


# -- local news: datelines, counties, the text's state (invented sentences) --------------------


def test_a_dateline_state_abbreviation_picks_the_town_not_the_country(gaz: Gazetteer) -> None:
    text = ("MEXICO, Mo. — Workers at a brick plant in Mexico walked out on Tuesday, and drivers "
            "from Vandalia joined their picket line.")  # fmt: skip
    got = geoparse(text, gaz)
    assert [(d["text"], d["country"], d["admin1"]) for d in got if d["text"].lower() == "mexico"] == [
        ("MEXICO", "US", "Missouri"), ("Mexico", "US", "Missouri")
    ]


def test_a_three_letter_dateline(gaz: Gazetteer) -> None:
    got = geoparse("OSH — Traders closed the main bazaar on Monday over new rents.", gaz)
    assert [(d["text"], d["country"]) for d in got] == [("OSH", "KG")]


def test_a_us_county_resolves_in_the_state_of_the_text(gaz: Gazetteer) -> None:
    got = _resolved("Crews from Knox County joined firefighters in Vincennes and Washington, "
                    "Indiana, on Sunday.", gaz)  # fmt: skip
    knox = got["Knox County"]
    assert knox["feature"] == "admin2" and knox["admin1"] == "Indiana"
    got = _resolved("Volunteers in Greene County handed out water after wells ran dry near "
                    "Xenia and Beavercreek.", gaz)  # fmt: skip
    assert got["Greene County"]["admin1"] == "Ohio"


def test_a_country_name_that_is_a_town_among_the_texts_towns(gaz: Gazetteer) -> None:
    got = _resolved("Workers at the parts plant in Peru walked out on Monday, joined by colleagues "
                    "from Kokomo and Logansport.", gaz)  # fmt: skip
    assert (got["Peru"]["country"], got["Peru"]["admin1"]) == ("US", "Indiana")
    # a country named with its own towns stays the country
    got = _resolved("Miners marched in Lima and Arequipa, and Peru's president called for talks.", gaz)
    assert got["Peru"]["country"] == "PE" and got["Peru"]["feature"] == "country"


def test_a_small_town_follows_the_state_of_the_other_towns(gaz: Gazetteer) -> None:
    got = _resolved("Nurses from Kokomo, Logansport and Marion rallied outside the hospital in "
                    "Muncie.", gaz)  # fmt: skip
    assert got["Marion"]["admin1"] == "Indiana"


def test_an_all_capitals_dateline_with_a_state_abbreviation(gaz: Gazetteer) -> None:
    got = geoparse("DUBLIN, Ga. — Poultry workers walked out on Friday.", gaz)
    assert [(d["text"], d["country"], d["admin1"]) for d in got] == [("DUBLIN", "US", "Georgia")]


def test_nationality_words_of_several_words(gaz: Gazetteer) -> None:
    """"South African", "Sri Lankan", "Papua New Guinean" are nationality words, not a place
    called "Sri" or "Papua" followed by other words; a whole country name still wins."""
    from protestwatch.geo import find_places

    def found(text: str) -> list[tuple[str, str, str | None]]:
        return [(m.text, m.kind, m.place.country) for m in find_places(text, gaz)]

    assert found("Sri Lankan nurses walked out on Monday.") == [("Sri Lankan", "demonym", "LK")]
    assert found("The South Korean union said Costa Rican dockers would join.") == [
        ("South Korean", "demonym", "KR"), ("Costa Rican", "demonym", "CR")]
    assert found("Papua New Guinean landowners blocked the road.") == [("Papua New Guinean", "demonym", "PG")]
    assert found("Farmers in Sri Lanka met New Zealand buyers.") == [
        ("Sri Lanka", "toponym", "LK"), ("New Zealand", "toponym", "NZ")]
    assert found("Kazakh and Kyrgyz traders protested.") == [
        ("Kazakh", "demonym", "KZ"), ("Kyrgyz", "demonym", "KG")]

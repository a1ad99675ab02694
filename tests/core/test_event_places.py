"""The place stage end to end: which place an event gets, its precision, its coordinates and its
location detail, on short invented articles (one mechanism each, in varied phrasings)."""


import pytest

from .conftest import code


def by_year(events, year):
    return [e for e in events if e.date_start.year == year]


def test_region_and_country_events_have_no_coordinates_but_towns_do(pipeline) -> None:
    region = code(pipeline, "Hundreds of farmers blocked roads across the Naryn region on Monday to "
                            "demand compensation for flooded fields.")
    assert [(e.admin1, e.locality, int(e.geo_precision)) for e in region] == [("Naryn", None, 3)]
    assert region[0].latitude is None and region[0].longitude is None
    country = code(pipeline, "Kazakh farmers have a long record of protest. In 2016, rallies against "
                             "the land code swept through many parts of Kazakhstan.")
    assert [int(e.geo_precision) for e in country] == [4]
    assert country[0].latitude is None and country[0].country == "KZ"
    town = code(pipeline, "About 300 traders rallied in Osh on Monday against new market fees.")
    assert town[0].locality == "Osh" and town[0].latitude == pytest.approx(40.5, abs=0.2)


@pytest.mark.parametrize(
    "text, town",
    [
        ("About 200 taxi drivers rallied in Karakol on Monday against a new fuel levy.\n\n"
         "The ministry said it would review the levy.\n\n"
         "The drivers' association in the town first protested in March 2022, when a few dozen "
         "members gathered near the bus station.", "Karakol"),
        ("Several hundred residents marched through Naryn on Saturday to oppose a mining licence.\n\n"
         "Officials declined to comment.\n\n"
         "Two years ago, villagers picketed the city's administration over the same mine.", "Naryn"),
    ],
)  # fmt: skip
def test_the_town_named_before_is_where_an_unplaced_earlier_protest_was(pipeline, text, town) -> None:
    events = code(pipeline, text)
    assert len(events) == 2
    assert {e.locality for e in events} == {town}
    assert all(int(e.geo_precision) == 1 for e in events)


def test_a_wave_in_the_region_is_coded_at_region_precision(pipeline) -> None:
    text = (
        "Hundreds of residents of Khorog rallied outside the regional administration on Saturday "
        "to demand an inquiry into a death in custody.\n\n"
        "Police did not intervene.\n\n"
        "In May 2022, a wave of protests in the region was ended by a security operation."
    )
    events = code(pipeline, text, "2024-09-08")
    old = by_year(events, 2022)
    assert [(e.country, e.admin1, e.locality, int(e.geo_precision)) for e in old] == [
        ("TJ", "Gorno-Badakhshan", None, 3)
    ]
    assert old[0].latitude is None
    assert by_year(events, 2024)[0].locality == "Khorog"


@pytest.mark.parametrize(
    "text, published, seat",
    [
        ("Georgian opposition supporters rallied outside parliament on Thursday against the "
         "results of the election.", "2024-11-01", "Tbilisi"),
        ("Several thousand Armenians protested in front of the parliament building on Monday, "
         "demanding the prime minister's resignation.", "2024-05-15", "Yerevan"),
        ("Kyrgyz teachers picketed the national parliament on Tuesday over unpaid wages.",
         "2023-02-10", "Bishkek"),
        # where the parliament sits outside the capital, its own city
        ("Dutch farmers drove their tractors to parliament on Wednesday to protest against new "
         "nitrogen rules.", "2022-06-22", "The Hague"),
        ("South African municipal workers marched to parliament on Friday, demanding a wage "
         "increase.", "2023-03-10", "Cape Town"),
        ("Chilean students protested outside the national parliament on Monday over loan debt.",
         "2019-11-04", "Valparaíso"),
    ],
)  # fmt: skip
def test_a_protest_at_the_national_parliament_is_where_the_parliament_sits(pipeline, text, published, seat) -> None:
    events = code(pipeline, text, published)
    assert [(e.locality, int(e.geo_precision)) for e in events] == [(seat, 1)]


def test_a_parliament_in_a_named_town_stays_in_that_town(pipeline) -> None:
    events = code(pipeline, "Georgian students rallied outside parliament in Kutaisi on Thursday "
                            "against the new curriculum.", "2015-05-10")
    assert [e.locality for e in events] == ["Kutaisi"]


def test_each_town_of_a_wave_gets_the_detail_its_own_sentence_gives(pipeline) -> None:
    text = (
        "Single-person pickets were held on Sunday in Omsk, Tomsk and Perm. In Tomsk, a student "
        "stood outside the regional court with a placard. In Perm, police took the picketer to a "
        "police station for a document check."
    )
    events = {e.locality: e for e in code(pipeline, text, "2023-09-18")}
    assert set(events) == {"Omsk", "Tomsk", "Perm"}
    assert events["Tomsk"].location_detail == "outside the regional court"
    assert events["Omsk"].location_detail is None
    assert events["Perm"].location_detail is None  # where a detainee was taken is not the site


@pytest.mark.parametrize(
    "text, detail",
    [
        ("Marches were held on Thursday in Lille, Nantes and other cities against the pension "
         "reform.", "other cities"),
        ("French unions called a nationwide day of action: rallies across the country on June 1 "
         "against the reform.",
         "across the country"),
        ("In 2016, protests against the land code spread to many parts of the country, "
         "Kazakh media reported.", "many parts of the country"),
    ],
)  # fmt: skip
def test_a_country_level_event_keeps_the_words_that_say_where(pipeline, text, detail) -> None:
    events = code(pipeline, text, "2022-05-20")
    country = [e for e in events if int(e.geo_precision) == 4]
    assert len(country) == 1
    assert country[0].location_detail == detail


# -- where people travelled to or came from is not where they protested ------------------------


@pytest.mark.parametrize(
    "text, town",
    [
        ("Nurses picketed the regional hospital in Arequipa on Monday. Flights to Cusco were "
         "delayed as some of the strikers' colleagues at the airport joined the stoppage.", "Arequipa"),
        ("About 400 students rallied in Kumasi on Friday against fee increases. Many of them took "
         "buses to Accra after the rally to attend a hearing.", "Kumasi"),
    ],
)
def test_a_destination_of_travel_is_not_a_second_event(pipeline, text, town) -> None:
    events = code(pipeline, text)
    assert [e.locality for e in events] == [town]


def test_an_arrival_for_the_protest_is_its_place(pipeline) -> None:
    events = code(pipeline, "On Monday, hundreds of miners travelled to Potosí to protest outside the "
                            "regional government offices against a new royalty law.")
    assert [e.locality for e in events] == ["Potosí"]


# -- a place named by its direction or distance from a town is near that town ---------------------


@pytest.mark.parametrize(
    "text, town, admin1",
    [
        ("ROUNDUP - Truckers in Colombia blocked the main highway north of Medellín on Tuesday "
         "against toll increases.", "Medellín", "Antioquia"),
        ("Farmers blocked the highway 30 km east of Cochabamba on Monday over fuel shortages.",
         "Cochabamba", "Cochabamba"),
        ("Truck drivers set up a blockade on the motorway west of Lyon on Tuesday against a fuel "
         "tax.", "Lyon", "Auvergne-Rhône-Alpes"),
    ],
)
def test_a_place_south_of_a_town_is_near_that_town(pipeline, text, town, admin1) -> None:
    events = code(pipeline, text)
    assert len(events) == 1
    e = events[0]
    assert (e.locality, e.admin1, int(e.geo_precision)) == (town, admin1, 2)
    assert e.latitude is not None and e.longitude is not None


def test_a_town_in_an_organisation_name_does_not_override_a_named_place(pipeline) -> None:
    events = code(pipeline, "Students of the University of Ibadan rallied in Lagos on Tuesday over "
                            "fee increases.")
    assert [e.locality for e in events] == ["Lagos"]


@pytest.mark.parametrize(
    "text",
    [
        # bound by the dateline of the lead that names it
        "KISUMU — About 400 students of Kenyatta Polytechnic boycotted classes on Tuesday over a "
        "rise in hostel fees.\n\n"
        "The same day in Nairobi, a few dozen students picketed the education ministry.\n\n"
        "The ministry said the fees were set by each college's council.\n\n"
        "The student union said it would meet the council next week.\n\n"
        "Kenyatta Polytechnic students staged a similar boycott in March 2021.",
        # bound by the town right after the institution's name
        "Workers at the Tamsa Refinery in Mombasa downed tools on Monday to demand unpaid wages.\n\n"
        "Managers said talks would resume next week.\n\n"
        "In 2019, Tamsa workers held a two-day sit-in over the same arrears.",
    ],
)  # fmt: skip
def test_an_institution_the_article_places_in_a_town_places_its_other_events(pipeline, text) -> None:
    events = [e for e in code(pipeline, text) if e.locality != "Nairobi"]
    assert len(events) == 2
    assert {(e.locality, int(e.geo_precision)) for e in events} == {
        ("Kisumu" if "KISUMU" in text else "Mombasa", 1)
    }


def test_an_institution_named_nowhere_with_a_town_gives_no_town(pipeline) -> None:
    events = code(pipeline, "Students of Kenyatta Polytechnic boycotted classes on Tuesday in "
                            "Kenya over a rise in hostel fees.")  # fmt: skip
    assert [(e.country, e.locality) for e in events] == [("KE", None)]


def test_a_later_town_on_the_lead_day_is_another_event_than_the_datelined_lead(pipeline) -> None:
    text = (
        "BAMAKO, March 7 — Hundreds of traders protested on Thursday against a new market tax, "
        "blocking the road outside the central market.\n\n"
        "Police dispersed them with tear gas in the afternoon.\n\n"
        "In Sikasso, shopkeepers kept their shutters down on Thursday and held a rally outside "
        "the town hall against the same tax."
    )
    events = code(pipeline, text, published="2024-03-07")
    assert sorted(e.locality for e in events) == ["Bamako", "Sikasso"]


def test_an_institution_named_after_a_town_places_its_protest_there(pipeline) -> None:
    text = (
        "Students across Uganda protested against higher fees this week.\n\n"
        "On Tuesday, students of Mbarara University walked out of lectures and gathered at the "
        "main gate with placards."
    )
    events = code(pipeline, text, published="2024-11-22")
    assert [(e.locality, e.country) for e in events if e.locality] == [("Mbarara", "UG")]


def test_a_planned_protest_does_not_join_a_past_undated_one(pipeline) -> None:
    text = (
        "Police cordoned off the streets around parliament in Nairobi, and no gathering took place "
        "there.\n\n"
        "Parents have announced a candlelight vigil outside the court on Sunday evening."
    )
    events = code(pipeline, text, published="2024-11-22")
    assert sorted(e.status.value for e in events) == ["planned", "prevented"]


@pytest.mark.parametrize(
    "text, town",
    [
        ("MEDAN, June 2 — Hundreds of students rallied outside the North Sumatra Regional House "
         "of Representatives on Friday against higher fees.", "Medan"),
        ("A resident of Aktobe held a one-man picket outside the Aktobe regional akimat on Monday "
         "to demand a new flat.", "Aktobe"),
    ],
)  # fmt: skip
def test_a_regional_institution_names_its_seat_not_the_event_area(pipeline, text, town) -> None:
    events = code(pipeline, text, published="2023-06-02")
    assert [(e.locality, int(e.geo_precision)) for e in events] == [(town, 1)]


def test_a_protest_at_a_foreign_embassy_is_in_the_capital(pipeline) -> None:
    text = ("On Monday, about 30 farmers from the south protested outside the Chinese embassy, "
            "demanding compensation for flooded fields in Vietnam.")  # fmt: skip
    events = code(pipeline, text, published="2024-06-12")
    assert [(e.country, e.locality) for e in events] == [("VN", "Hanoi")]


def test_a_colon_dateline_in_context_and_the_federal_capital(pipeline) -> None:
    text = (
        "ISLAMABAD: The federal capital remained sealed off on Saturday as police stopped "
        "opposition marchers from reaching parliament and detained dozens of them.\n\n"
        "In Lahore, several hundred party workers rallied on Saturday evening against the arrests."
    )
    events = code(pipeline, text, published="2025-09-21")
    assert sorted(e.locality for e in events) == ["Islamabad", "Lahore"]


def test_protests_at_an_embassy_and_a_consulate_stay_at_country_level(pipeline) -> None:
    text = ("In 2019, Uighur activists in Kazakhstan held several protests near the Chinese embassy "
            "and consulate, demanding the release of relatives.")  # fmt: skip
    events = code(pipeline, text, published="2024-06-12")
    assert [(e.country, e.locality) for e in events] == [("KZ", None)]


def test_a_road_between_two_towns_is_one_event_near_the_first(pipeline) -> None:
    text = ("About 1,500 farmers have blocked the highway between Osh and Batken since Monday, "
            "demanding payment of arrears.")  # fmt: skip
    events = code(pipeline, text, published="2024-12-19")
    assert [(e.locality, int(e.geo_precision)) for e in events] == [("Osh", 2)]


def test_every_event_of_a_town_takes_the_article_s_spelling(pipeline) -> None:
    text = (
        "Thousands of herders rallied in Ulaanbaatar on Monday against a coal export deal.\n\n"
        "On Tuesday, more than a thousand students walked out of classes and marched through "
        "the capital, demanding that the deal be scrapped."
    )
    events = code(pipeline, text, published="2025-01-08")
    assert {e.locality for e in events} == {"Ulaanbaatar"}


def test_a_return_to_the_streets_of_three_towns_is_three_planned_events(pipeline) -> None:
    text = ("Thousands marched in Lilongwe on Wednesday against fuel prices. The organisers said "
            "they would return to the streets of Lilongwe, Blantyre and Mzuzu next Wednesday.")  # fmt: skip
    events = code(pipeline, text, published="2025-03-13")
    planned = sorted(e.locality for e in events if e.status.value == "planned")
    assert planned == ["Blantyre", "Lilongwe", "Mzuzu"]

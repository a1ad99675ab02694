"""Issues: the codebook's issue list from lexicons over claims and event sentences."""

from __future__ import annotations

import pytest

from protestwatch.extract.issues import classify_issues
from protestwatch.model import Issue, Span



def _issues(text: str, country: str | None = None) -> set[Issue]:
    found = classify_issues(text, [Span(0, len(text))], country=country)
    for f in found:  # the span is the trigger word, inside the text
        assert 0 <= f.span.start < f.span.end <= len(text)
    return {f.value for f in found}


CASES = [
    # the founding example's claims (event country KZ)
    ("KZ", "against the expansion of the Communist Party and Chinese immigration",
     {Issue.FOREIGN_INFLUENCE}),
    ("KZ", "ban the sale and lease of all types of land, including agricultural arable land, to "
           "China", {Issue.FOREIGN_INFLUENCE, Issue.LAND}),
    ("KZ", "ban the relocation of more than 50 factories from China to Kazakhstan",
     {Issue.FOREIGN_INFLUENCE, Issue.FOREIGN_INVESTMENT}),
    ("KZ", "stop borrowing from China", {Issue.FOREIGN_INFLUENCE, Issue.FOREIGN_INVESTMENT}),
    ("KZ", "The issue of Xinjiang was also raised",
     {Issue.HUMAN_RIGHTS, Issue.ETHNIC_MINORITY_RIGHTS}),
    ("KZ", "laws that perpetuate the leasing of agricultural land to foreigners",
     {Issue.FOREIGN_INFLUENCE, Issue.LAND}),
    ("KZ", "attract Western investment instead of Chinese investment",
     {Issue.FOREIGN_INFLUENCE, Issue.FOREIGN_INVESTMENT}),
    ("KZ", "the release of their relatives in Xinjiang",
     {Issue.HUMAN_RIGHTS, Issue.ETHNIC_MINORITY_RIGHTS}),
    # elsewhere
    ("KE", "a 30 percent pay rise and the hiring of more teachers", {Issue.LABOR_WAGES}),
    ("CL", "a new constitution", {Issue.ELECTIONS_POLITICAL_PROCESS}),
    ("KZ", "unpaid wages", {Issue.LABOR_WAGES}),
    ("KZ", "not to allow the construction of a chemical plant", {Issue.ENVIRONMENT}),
    ("RS", "the lithium mine", {Issue.ENVIRONMENT}),
    ("NG", "the new fuel tax", {Issue.PRICES_ECONOMY}),
    ("AR", "in support of a bill legalising abortion", {Issue.GENDER}),
    ("RU", "Free Navalny", {Issue.POLITICAL_PRISONERS}),
    # police brutality is a police/justice issue and a human-rights one
    ("US", "Demonstrators marched against police brutality after the killing.",
     {Issue.POLICE_JUSTICE, Issue.HUMAN_RIGHTS}),
    ("FR", "Protesters denounced the vaccine passport and the lockdown.", {Issue.COVID}),
    ("BD", "Garment workers demanded unpaid wages and better working conditions.",
     {Issue.LABOR_WAGES}),
    ("PK", "Women marched for an end to domestic violence.", {Issue.GENDER}),
    ("MM", "the release of Aung San Suu Kyi and an end to the coup",
     {Issue.POLITICAL_PRISONERS, Issue.ELECTIONS_POLITICAL_PROCESS}),
    ("UA", "corruption in the customs service and the embezzlement of state funds",
     {Issue.CORRUPTION}),
    ("BY", "a recount of the rigged presidential election", {Issue.ELECTIONS_POLITICAL_PROCESS}),
    ("KG", "the closure of the Kumtor gold mine, which they say poisoned the river",
     {Issue.ENVIRONMENT}),
    ("TJ", "the right of women to wear the hijab", {Issue.RELIGION}),
    ("CL", "free university tuition", {Issue.EDUCATION}),
    ("KE", "the reopening of the district hospital and more nurses", {Issue.HEALTH}),
    ("ZA", "an end to evictions in informal settlements", {Issue.HOUSING}),
    ("IQ", "freedom of speech and an end to the crackdown on journalists", {Issue.HUMAN_RIGHTS}),
    ("TR", "rights for Kurdish schools", {Issue.ETHNIC_MINORITY_RIGHTS, Issue.EDUCATION}),
    ("KZ", "the price of liquefied gas in Zhanaozen", {Issue.PRICES_ECONOMY}),
    ("GE", "against the Russian military presence", {Issue.FOREIGN_INFLUENCE}),
    ("PH", "anti-Chinese slogans over the South China Sea", {Issue.FOREIGN_INFLUENCE}),
    ("IN", "the repeal of the new land acquisition law", {Issue.LAND}),
    ("BR", "an end to illegal logging in the Amazon", {Issue.ENVIRONMENT}),
]


@pytest.mark.parametrize(("country", "text", "expected"), CASES)
def test_classify_issues(country: str, text: str, expected: set[Issue]) -> None:
    assert _issues(text, country) == expected


NEGATIVE_CASES = [
    # no issue words; injured people in hospital are not a health claim
    ("ID", "Three protesters were taken to hospital after police fired tear gas."),
    ("RU", "Police detained 40 people at the rally in Moscow."),
    ("KZ", "Kazakh protesters gathered in Almaty on Saturday."),
    ("US", "The plane carrying the delegation landed in Washington."),
    ("TH", "Protesters in Thailand met at the Democracy Monument on Sunday."),
]


@pytest.mark.parametrize(("country", "text"), NEGATIVE_CASES)
def test_classify_issues_negative(country: str, text: str) -> None:
    assert _issues(text, country) == set()


def test_only_the_given_spans_are_read() -> None:
    text = "Workers demanded higher wages. The city is known for its polluted river."
    found = classify_issues(text, [Span(0, 30)])
    assert [(f.value, text[f.span.start:f.span.end]) for f in found] == [
        (Issue.LABOR_WAGES, "wages")]


def test_a_foreign_country_needs_the_event_country() -> None:
    text = "stop borrowing from China"
    assert Issue.FOREIGN_INFLUENCE not in _issues(text, None)
    assert Issue.FOREIGN_INFLUENCE not in _issues(text, "CN")


def test_one_finding_per_issue_with_the_first_trigger() -> None:
    text = "higher wages and wage arrears paid"
    found = classify_issues(text, [Span(0, len(text))])
    assert [(f.value, f.span) for f in found] == [(Issue.LABOR_WAGES, Span(7, 12))]


MORE_CASES = [
    # pensions, fares and fees are economic claims
    ("CL", "an end to the private pension system", {Issue.PRICES_ECONOMY}),
    ("RU", "Our pensions were not indexed this year", {Issue.PRICES_ECONOMY}),
    ("BR", "against a rise in bus fares", {Issue.PRICES_ECONOMY}),
    ("KZ", "to complain about heating bills", {Issue.PRICES_ECONOMY}),
    ("NG", "a sharp rise in tuition and accommodation fees",
     {Issue.EDUCATION, Issue.PRICES_ECONOMY}),
    # "Free X" is a slogan for a prisoner, not an organisation's name
    ("BY", "Protesters chanted \"Free Tsikhanouski!\"", {Issue.POLITICAL_PRISONERS}),
    # resignations: of a government is political process, of an official is not by itself
    ("AM", "demanded that the prime minister resign", {Issue.ELECTIONS_POLITICAL_PROCESS}),
    ("RS", "called for the resignation of the government", {Issue.ELECTIONS_POLITICAL_PROCESS}),
    # media and internet freedom
    ("GE", "a bill that would let the regulator suspend online news outlets",
     {Issue.HUMAN_RIGHTS}),
    ("RU", "a plan to restrict foreign messaging apps", {Issue.HUMAN_RIGHTS}),
    ("HU", "against the new media law", {Issue.HUMAN_RIGHTS}),
    # deaths in custody
    ("TJ", "answers over the death of a local man in a police cell",
     {Issue.POLICE_JUSTICE, Issue.HUMAN_RIGHTS}),
    ("EG", "an inquiry into the death in custody of a young vendor",
     {Issue.POLICE_JUSTICE, Issue.HUMAN_RIGHTS}),
    ("NG", "the disbanding of the notorious Special Anti-Robbery Squad", {Issue.POLICE_JUSTICE}),
    # labour: occupational disease, unions, allowances
    ("AM", "a law on occupational diseases in the mining industry",
     {Issue.LABOR_WAGES, Issue.HEALTH}),
    ("KZ", "against the persecution of independent trade unions",
     {Issue.LABOR_WAGES, Issue.HUMAN_RIGHTS}),
    ("KZ", "the restoration of the so-called ecological allowance", {Issue.LABOR_WAGES}),
    # foreign owners and investors
    ("KG", "access to another Chinese-owned gold deposit",
     {Issue.FOREIGN_INVESTMENT, Issue.ENVIRONMENT}),
    ("KZ", "the licence of a Chinese mining company", {Issue.FOREIGN_INVESTMENT}),
    ("RS", "against the Canadian investor's lithium mine",
     {Issue.FOREIGN_INVESTMENT, Issue.ENVIRONMENT}),
    # regional autonomy
    ("UZ", "a draft that would have curtailed the autonomous status of Karakalpakstan",
     {Issue.ETHNIC_MINORITY_RIGHTS}),
]


@pytest.mark.parametrize(("country", "text", "expected"), MORE_CASES)
def test_classify_more_issues(country: str, text: str, expected: set[Issue]) -> None:
    assert _issues(text, country) == expected


MORE_NEGATIVES = [
    ("RU", "The rally was called by the Free Network movement."),
    ("GE", "The Free Press Coalition said 30,000 people took part."),
    ("AR", "Mining workers marched through Catamarca."),
]


@pytest.mark.parametrize(("country", "text"), MORE_NEGATIVES)
def test_more_negatives(country: str, text: str) -> None:
    assert _issues(text, country) == set()


def _sentence_and_claim(text: str, claim: str) -> tuple[list[Span], int]:
    start = text.index(claim)
    return [Span(0, len(text)), Span(start, start + len(claim))], start


@pytest.mark.parametrize(("text", "claim", "expected"), [
    ("Students of the state university in Lagos marched against police brutality.",
     "police brutality", {Issue.POLICE_JUSTICE, Issue.HUMAN_RIGHTS}),
    ("The march against higher bus fares ended, hospital staff said.", "higher bus fares",
     {Issue.PRICES_ECONOMY}),
    ("Crowds gathered outside the mosque to protest against rising rents.", "rising rents",
     {Issue.HOUSING}),
    ("Since the election, residents have rallied against the new landfill.", "the new landfill",
     {Issue.ENVIRONMENT}),
])
def test_scene_words_count_only_inside_claims(text: str, claim: str, expected: set) -> None:
    spans, _ = _sentence_and_claim(text, claim)
    assert {f.value for f in classify_issues(text, spans, country="XX")} == expected


def test_scene_words_count_when_no_claim_is_known() -> None:
    text = "Students rallied for cheaper university places."
    assert Issue.EDUCATION in {f.value for f in classify_issues(text, [Span(0, len(text))])}


def test_explicit_claims_argument() -> None:
    text = "Outside the hospital, nurses demanded more parking spaces. Doctors were at the clinic."
    claim = text.index("more parking spaces")
    found = classify_issues(text, [Span(0, len(text))],
                            claims=[Span(claim, claim + len("more parking spaces"))])
    assert {f.value for f in found} == {Issue.OTHER}


@pytest.mark.parametrize(("text", "claim"), [
    ("Cyclists blocked the bridge in Belgrade to demand safer cycle lanes.", "safer cycle lanes"),
    ("Car owners in Oral rallied against new rules on registering imported cars.",
     "new rules on registering imported cars"),
    ("Fans marched in Buenos Aires to demand the return of the old stadium.",
     "the return of the old stadium"),
])
def test_a_claim_on_no_listed_issue_is_other(text: str, claim: str) -> None:
    spans, start = _sentence_and_claim(text, claim)
    found = classify_issues(text, spans, country="XX")
    assert [(f.value, f.span) for f in found] == [(Issue.OTHER, spans[1])]


@pytest.mark.parametrize(("country", "text"), [
    ("GE", "demanded that the Communications Commission's chairman resign"),
    ("KE", "called for the county health officer to step down"),
])
def test_an_officials_resignation_is_not_political_process(country: str, text: str) -> None:
    assert Issue.ELECTIONS_POLITICAL_PROCESS not in _issues(text, country)

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
    ("US", "Demonstrators marched against police brutality after the killing.",
     {Issue.POLICE_JUSTICE}),
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

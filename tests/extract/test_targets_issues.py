"""Targets, claims and issues: the article's lead claim, default addressees, foreign states.

Invented sentences, in varied phrasing; none comes from a gold set.
"""

from __future__ import annotations

import re

import pytest

from protestwatch.extract.claims import find_claims
from protestwatch.extract.issues import classify_issues
from protestwatch.extract.targets import find_targets
from protestwatch.model import Issue, Span, TargetType

from .conftest import sentence_spans as _sentences
from .conftest import targets_of as _targets

NAT, LOC, FGOV = (TargetType.NATIONAL_GOVERNMENT, TargetType.LOCAL_GOVERNMENT,
                  TargetType.FOREIGN_GOVERNMENT)
CO, POL, JUD = TargetType.COMPANY, TargetType.POLICE, TargetType.JUDICIARY


# --- a diplomatic mission stands for its state --------------------------------------------------

MISSION_CASES = [
    ("KZ", "Dozens of Uighur women picketed outside the consulate of China in Almaty.",
     {("China", FGOV, "CN")}),
    ("TR", "Students rallied outside the Russian embassy in Ankara on Friday.",
     {("Russia", FGOV, "RU")}),
    ("DE", "A small crowd gathered in front of the Iranian consulate-general in Frankfurt.",
     {("Iran", FGOV, "IR")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), MISSION_CASES)
def test_a_mission_is_its_state(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


def test_a_named_body_of_a_state_beats_the_bare_country() -> None:
    text = ("Marchers urged the president not to sign the deal with Beijing and to refuse loans "
            "from the Chinese Communist Party.")
    found = _targets(text, "KG")
    assert ("Chinese Communist Party", FGOV, "CN") in found
    assert not any(name == "Beijing" for name, _, _ in found)


def test_the_own_country_named_in_a_claim_is_its_government() -> None:
    text = ("Protesters called on the authorities to act and said Mongolia should stop selling "
            "coal at a loss.")
    found = _targets(text, "MN")
    assert found == {("authorities", NAT, "MN")}


# --- the building the crowd went to -------------------------------------------------------------

SITE_CASES = [
    ("PE", "About 400 vendors gathered at the building of the city mayor's office in Cusco.",
     {("city mayor's office", LOC, "PE")}),
    ("NG", "Traders marched to the Revenue Commission in Abuja on Monday.",
     {("Revenue Commission", NAT, "NG")}),
    ("KE", "Hawkers walked to the county offices in Nakuru to hand in a letter.",
     {("county offices", LOC, "KE")}),
]


@pytest.mark.parametrize(("country", "text", "expected"), SITE_CASES)
def test_site_targets(country: str, text: str, expected: set) -> None:
    assert _targets(text, country) == expected


# --- whom the workers work for ------------------------------------------------------------------

def test_mineworkers_at_a_company() -> None:
    text = ("Hundreds of mineworkers at Blue Ridge Platinum stopped work on Tuesday to demand "
            "a wage increase.")
    assert _targets(text, "ZA") == {("Blue Ridge Platinum", CO, "ZA")}


def test_talks_with_the_employer_name_it() -> None:
    text = ("Dock workers walked out in the port on Monday. The strike began after pay talks "
            "with Harbourline Logistics broke down.")
    assert _targets(text, "TZ") == {("Harbourline Logistics", CO, "TZ")}


# --- who only reports is not addressed ----------------------------------------------------------

def test_a_source_is_not_a_target() -> None:
    text = ("Teachers marched to demand better pay, and riot police blocked the avenue, officials "
            "and organisers said.")
    found = _targets(text, "BO")
    assert not any(t in (POL,) for _, t, _ in found)
    assert not any(name == "officials" for name, _, _ in found)


# --- the default addressee of a claim -----------------------------------------------------------

DEFAULT_CASES = [
    ("BD", "Supporters rallied in Sylhet to demand the release of their jailed leader."),
    ("IN", "Farmers blocked the highway on Tuesday in support of guaranteed crop prices."),
    ("GH", "Nurses held a vigil on Friday calling for safer night shifts."),
]


@pytest.mark.parametrize(("country", "text"), DEFAULT_CASES)
def test_a_claim_with_no_addressee_goes_to_the_government(country: str, text: str) -> None:
    assert _targets(text, country) == {("government", NAT, country)}


def test_no_claim_no_default_target() -> None:
    assert _targets("Workers rallied in Lusaka on Saturday.", "ZM") == set()


# --- the article's lead claim -------------------------------------------------------------------

LEAD = ("Rallies against the energy ministry's plan to cut fuel subsidies were held in three "
        "cities on Saturday.\n"
        "In Kumasi, about 2,000 people marched to the central market.\n"
        "In Tamale, a few hundred people gathered outside the stadium.")


def _article_sentences(text: str) -> list[Span]:
    out = []
    for line in re.finditer(r"[^\n]+", text):
        out.extend(Span(line.start() + s.start, line.start() + s.end)
                   for s in _sentences(line.group()))
    return out


def test_an_event_without_a_claim_takes_the_leads_claim() -> None:
    sents = _article_sentences(LEAD)
    found = find_claims(LEAD, sents[2:3])
    assert [f.value for f in found] == ["against the energy ministry's plan to cut fuel subsidies"]


def test_an_event_without_a_target_takes_the_leads_target() -> None:
    sents = _article_sentences(LEAD)
    found = find_targets(LEAD, sents[1:2], country="GH")
    assert {(f.value.name, f.value.type) for f in found} == {("energy ministry", NAT)}


def test_an_event_with_its_own_claim_keeps_it() -> None:
    text = LEAD + "\nIn Accra, nurses picketed the health ministry demanding unpaid allowances."
    sents = _article_sentences(text)
    assert [f.value for f in find_claims(text, sents[-1:])] == ["unpaid allowances"]


def test_no_lead_when_the_article_states_no_claim() -> None:
    text = "Hundreds gathered in the square.\nThe rally ended peacefully in the evening."
    assert find_claims(text, _article_sentences(text)[1:]) == []


# --- issues from claims -------------------------------------------------------------------------

ISSUE_CASES = [
    ("to demand the release of the party's detained chairman", {Issue.POLITICAL_PRISONERS}),
    ("calling for the freedom of three jailed reporters", {Issue.POLITICAL_PRISONERS}),
    ("against a new daily levy on market stalls", {Issue.PRICES_ECONOMY}),
    ("demanding access to savings frozen by the banks", {Issue.PRICES_ECONOMY}),
    ("against plans to block foreign messaging apps", {Issue.HUMAN_RIGHTS}),
    ("a halt to reclamation works in the lagoon", {Issue.ENVIRONMENT}),
    ("demanding the legalisation of imported cars", {Issue.OTHER}),
]


@pytest.mark.parametrize(("claim", "expected"), ISSUE_CASES)
def test_issues_of_a_claim(claim: str, expected: set) -> None:
    text = f"Residents protested on Monday {claim}."
    start = text.index(claim)
    span = Span(start, start + len(claim))
    found = {f.value for f in classify_issues(text, [span, Span(0, len(text))], country="XX",
                                              claims=[span])}
    assert found == expected


def test_a_named_police_district_at_its_headquarters() -> None:
    text = "Families held a vigil outside the Davao City Police District headquarters on Friday."
    assert _targets(text, "PH") == {("Davao City Police District", POL, "PH")}


def test_the_origin_of_goods_is_not_addressed() -> None:
    text = "Traders rallied in Osh against a ban on cars imported from Japan and Korea."
    assert not any(t is FGOV for _, t, _ in _targets(text, "KG"))


def test_one_parliament_under_two_names() -> None:
    text = ("Students picketed the National Assembly, demanding that lawmakers reject the bill.")
    found = _targets(text, "KR")
    assert len(found) == 1 and next(iter(found))[1] is NAT

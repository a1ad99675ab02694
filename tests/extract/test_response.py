"""The state's response: force, dispersal, internet shutdowns, permits, violence and outcomes."""

from __future__ import annotations

import pytest

from protestwatch.extract.response import (
    detect_dispersal,
    detect_force,
    detect_internet_shutdown,
    detect_permit,
    detect_protester_violence,
    find_outcome,
)
from protestwatch.model import Force, Permit, Span


def whole(text: str) -> list[Span]:
    return [Span(0, len(text))]


def values(finder, text: str) -> list:  # type: ignore[no-untyped-def]
    return [f.value for f in finder(text, whole(text))]


FORCE = [
    ("Police fired tear gas and water cannon at the crowd.",
     [Force.CROWD_CONTROL, Force.CROWD_CONTROL]),
    ("Security forces opened fire on demonstrators, killing at least five.", [Force.LETHAL]),
    ("Police did not intervene and the march passed peacefully.", [Force.NONE, Force.NONE]),
    ("Riot police dispersed the crowd with batons.", [Force.CROWD_CONTROL]),
    ("Officers used pepper spray and kettled protesters for hours.",
     [Force.CROWD_CONTROL, Force.CROWD_CONTROL]),
    ("Troops used live ammunition against the crowd in Nyala.", [Force.LETHAL]),
    ("Two students were shot dead by police in Dhaka.", [Force.LETHAL]),
    ("Police in Santiago fired rubber bullets and stun grenades.",
     [Force.CROWD_CONTROL, Force.CROWD_CONTROL]),
    ("Witnesses said protesters were beaten by police officers.", [Force.CROWD_CONTROL]),
    ("The police opened fire with rubber bullets.", [Force.CROWD_CONTROL]),
    ("Police fired warning shots into the air.", [Force.CROWD_CONTROL]),
    ("The picket took place without incident.", [Force.NONE]),
    ("That gathering was not dispersed, and a deputy akim met a delegation.", [Force.NONE]),
    ("Police did not use tear gas.", []),
    ("Police threatened to use tear gas if the crowd did not disperse.", []),
    ("Protesters sometimes faced tear gas at the border crossing.", []),
]


@pytest.mark.parametrize("text, expected", FORCE)
def test_force(text: str, expected: list[Force]) -> None:
    assert values(detect_force, text) == expected


DISPERSAL = [
    ("Riot police dispersed the crowd with batons.", [True]),
    ("The crowd dispersed on its own in the evening.", [False]),
    ("The protesters left peacefully after two hours.", [False]),
    ("The unsanctioned rally was broken up within minutes.", [True]),
    ("Police used tear gas to disperse the demonstrators.", [True]),
    ("Security forces cleared the square before dawn.", [True]),
    ("The rally ended peacefully at around 6 pm.", [False]),
    ("Protesters dispersed after the akim agreed to meet them.", [False]),
    ("Police tried to disperse the crowd but failed.", []),
    ("Officers ordered the protesters to disperse.", []),
    ("Police did not disperse the picket.", [False]),
    ("The sit-in was forcibly dispersed on Thursday night.", [True]),
    # the authorities clear a place or push the crowd out of it
    ("Officers moved in, detained several speakers and pushed the remaining protesters off the "
     "square.", [True]),
    ("Riot police fired tear gas before dawn, clearing Rustaveli Avenue after the protest.", [True]),
    ("Police responded with water cannon and cleared the area around the square by 11 p.m.", [True]),
    ("Troops swept the main avenue from the station to the cathedral.", [True]),
    ("Those who stayed were pushed back with water cannon and batons.", [True]),
    ("Ten minutes later the police began the dispersal using tear gas.", [True]),
    ("The wave of protests in the region was ended by a security operation.", [True]),
    ("Gendarmes forced the farmers off the motorway near Lyon.", [True]),
    # the gathering ends by itself
    ("That gathering was not dispersed, and a deputy mayor met a delegation.", [False]),
    ("The students went home peacefully in the evening.", [False]),
    ("Police watched but did not intervene, and the students dispersed at dusk.", [False]),
    ("The protest lasted about six hours and ended peacefully after the governor promised an "
     "inquiry.", [False]),
    ("That protest ended when the company promised medical check-ups.", [False]),
    ("The strikers went back to work after the owner agreed to pay the arrears.", [False]),
]


@pytest.mark.parametrize("text, expected", DISPERSAL)
def test_dispersal(text: str, expected: list[bool]) -> None:
    assert values(detect_dispersal, text) == expected


INTERNET = [
    ("Internet signals were cut off in and around the rally.", [True]),
    ("Mobile internet was throttled across the city during the protest.", [True]),
    ("Authorities blocked access to Telegram and WhatsApp on Saturday.", [True]),
    ("Internet access was not disrupted, residents said.", [False]),
    ("NetBlocks reported an internet blackout in Almaty during the rally.", [True]),
    ("Residents said mobile phone signals were jammed near the square.", [True]),
    ("Authorities shut down the internet in the region for three days.", [True]),
    ("The mobile internet worked normally throughout the rally.", [False]),
    ("Organisers used Telegram to coordinate the march.", []),
    ("Officials could cut the internet if the protests spread, a source said.", []),
    # long subjects, parentheses, and demands to restore a service
    ("Mobile internet and most fixed-line connections in the mountainous region were cut shortly "
     "after the crowd began to assemble.", [True]),
    ("Internet access in the Gorno-Badakhshan Autonomous Region (GBAO) remained cut off on Sunday.",
     [True]),
    ("The authorities must immediately restore internet and mobile data services in the region.",
     [True]),
    ("Mobile data was restored on Tuesday after a four-day outage.", [True]),
    ("Internet users in the capital complained that tariffs for all plans were cut.", []),
]


@pytest.mark.parametrize("text, expected", INTERNET)
def test_internet_shutdown(text: str, expected: list[bool]) -> None:
    assert values(detect_internet_shutdown, text) == expected


PERMIT = [
    ("Although Saturday's rally was approved by the authorities, the organizer still criticized "
     "the authorities for obstructing it.", [Permit.AUTHORIZED]),
    ("Single-person pickets do not require permission from the authorities.",
     [Permit.NOT_REQUIRED]),
    ("City hall refused to sanction the march.", [Permit.DENIED]),
    ("The rally had not been agreed with the authorities.", [Permit.DENIED]),
    ("Organisers said the picket was agreed with the akimat.", [Permit.AUTHORIZED]),
    ("The unsanctioned rally was broken up within minutes.", [Permit.DENIED]),
    ("Police detained participants of the unauthorized protest.", [Permit.DENIED]),
    ("The demonstration was illegal, the prosecutor's office said.", [Permit.DENIED]),
    ("Organisers had obtained a permit for the march from the city council.",
     [Permit.AUTHORIZED]),
    ("The protesters gathered without permission in front of the akimat.", [Permit.DENIED]),
    ("Thousands marched in defiance of a ban on public gatherings.", [Permit.DENIED]),
    ("The authorities granted permission for a rally in a park outside the centre.",
     [Permit.AUTHORIZED]),
    ("The sanctioned rally in Sakharov Avenue drew thousands.", [Permit.AUTHORIZED]),
    ("The Kazakh Democratic Alternative is currently banned by the authorities.", []),
    ("Organisers hope the rally will be approved next week.", []),
    ("The parliament approved the new land code in March.", []),
    # refusals, in several forms
    ("The rally had not been authorised.", [Permit.DENIED]),
    ("The city administration had turned down an application from the organisers.",
     [Permit.DENIED]),
    ("The organisers had applied for permission ten days in advance and were refused.",
     [Permit.DENIED]),
    ("The mayor's office had refused to approve the rally, citing a ban on mass events.",
     [Permit.DENIED, Permit.DENIED]),
    ("The akimat had refused to authorise the rally.", [Permit.DENIED]),
    ("The regional prosecutor's office said that the strike was illegal.", [Permit.DENIED]),
    ("Officials declared the walkout unlawful on Tuesday.", [Permit.DENIED]),
    # notification regimes: notified as the law requires = authorised
    ("She had notified the akimat in advance, as required.", [Permit.AUTHORIZED]),
    ("The group said it had notified the Yerevan municipality of the march, as required by law.",
     [Permit.AUTHORIZED]),
    ("Organisers notified city hall of the picket three days beforehand.", [Permit.AUTHORIZED]),
    # not a permit statement
    ("Most of the detainees were held for carrying prohibited items.", []),
    ("The organisers had applied for permission ten days in advance.", []),
]


@pytest.mark.parametrize("text, expected", PERMIT)
def test_permit(text: str, expected: list[Permit]) -> None:
    assert values(detect_permit, text) == expected


def test_event_statement_outranks_a_general_rule() -> None:
    text = ("Georgian law does not require permission for assemblies, and the organisers had "
            "notified City Hall in advance. The assembly was therefore lawful.")
    assert set(values(detect_permit, text)) == {Permit.AUTHORIZED}


VIOLENCE = [
    ("Protesters threw stones and set fire to a police car.", [True, True]),
    ("Demonstrators clashed with riot police near the parliament.", [True]),
    ("Shops were looted in the city centre overnight.", [True]),
    ("Some protesters smashed the windows of the regional administration.", [True]),
    ("The rally remained peaceful throughout.", [False]),
    ("Protesters demanded the release of their relatives and sometimes clashed with Kazakh "
     "police outside the Chinese embassy.", []),
    ("Organisers said protesters did not throw stones.", []),
    ("The crowd stormed the regional administration building in Andijan.", [True]),
    ("Smaller marches in Valparaiso and Concepcion passed off peacefully, local media said.",
     [False]),
    ("The rally in the town of Kant passed off entirely peacefully.", [False]),
    # generic statements with a gerund subject are not acts
    ('"Burning and attacking police stations is a crime," the interior minister said.', []),
    ("Looting shops is never acceptable, the mayor told reporters.", []),
]


@pytest.mark.parametrize("text, expected", VIOLENCE)
def test_protester_violence(text: str, expected: list[bool]) -> None:
    assert values(detect_protester_violence, text) == expected


OUTCOMES = [
    ("Authorities were forced to call off and freeze the law under pressure from the protests.",
     ["Authorities were forced to call off and freeze the law"]),
    ("The governor resigned two days after the protests.", ["The governor resigned"]),
    ("The company agreed to raise wages by 30 percent.",
     ["The company agreed to raise wages by 30 percent"]),
    ("The plan was suspended following the protests.", ["The plan was suspended"]),
    ("The government refused to withdraw the bill.", []),
    ("A moratorium was introduced on the sale of agricultural land.",
     ["A moratorium was introduced on the sale of agricultural land"]),
    ("The construction of the plant has been put on hold, the akimat said.",
     ["The construction of the plant has been put on hold"]),
    ("Protesters demanded that the governor resign.", []),
    # demands addressed to the authorities are not their response
    ("Speakers took turns, calling on the government to freeze utility prices.", []),
    ("An online petition asking the state government to scrap the plan has 60,000 signatures.", []),
    ("The group calls on parliament to suspend consideration of the draft.", []),
    # concessions, in several forms
    ("The university's management suspended lectures for two weeks on Tuesday.",
     ["The university's management suspended lectures for two weeks"]),
    ("Two years ago the ruling party eventually withdrew the bill.",
     ["the ruling party eventually withdrew the bill"]),
    ("The government dissolved the unit, but activists say little has changed.",
     ["The government dissolved the unit"]),
    ("The regional governor promised that investigators from Dushanbe would look into the case.",
     ["The regional governor promised that investigators from Dushanbe would look into the case"]),
    ("A deputy akim met a delegation of the protesters.",
     ["A deputy akim met a delegation of the protesters"]),
    ("Gas supplies were restored to most of the affected homes two days later.",
     ["Gas supplies were restored to most of the affected homes"]),
    ("After the march the city promised new cycle lanes.", ["the city promised new cycle lanes"]),
    # a negation later in the sentence does not undo the concession
    ("That protest ended when the company promised medical check-ups, which never took place.",
     ["the company promised medical check-ups"]),
    ("Hundreds marched, and the city promised new cycle lanes, most of which were never built.",
     ["the city promised new cycle lanes"]),
    ("Residents protested in 2017, and the bill was eventually withdrawn.",
     ["the bill was eventually withdrawn"]),
    ("Residents staged protests, and some received compensation after their cases were publicised.",
     ["some received compensation"]),
    # but a negated concession is none
    ("The company has not promised anything, the union said.", []),
]


@pytest.mark.parametrize("text, expected", OUTCOMES)
def test_outcome(text: str, expected: list[str]) -> None:
    assert values(find_outcome, text) == expected


def test_spans_point_into_the_article_and_respect_sentences() -> None:
    text = "Police fired tear gas in 2019. On Saturday the rally passed peacefully."
    second = Span(31, len(text))
    found = detect_force(text, [second])
    assert [f.value for f in found] == [Force.NONE]
    assert second.contains(found[0].span)
    assert found[0].span.text(text) == "passed peacefully"


def test_founding_example_sentences() -> None:
    text = (
        "Although Saturday's rally was approved by the authorities, the organizer of the rally, "
        "well-known Kazakh journalist Mamai, still criticized the authorities for deliberately "
        "making it difficult and obstructing the rally, and many participants were arrested. "
        "Internet signals were cut off in and around the rally."
    )
    spans = [Span(0, text.index(" Internet")), Span(text.index("Internet"), len(text))]
    assert [f.value for f in detect_permit(text, spans)] == [Permit.AUTHORIZED]
    assert [f.value for f in detect_internet_shutdown(text, spans)] == [True]
    assert detect_force(text, spans) == []
    assert detect_dispersal(text, spans) == []
    assert detect_protester_violence(text, spans) == []
    assert find_outcome(text, spans) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The akimat declined requests for comment.", []),
        ("The city rejected an application to hold the rally on the main square.", [Permit.DENIED]),
        ("Their request for a rally permit was turned down by city hall.", [Permit.DENIED]),
        ("The company had sanctions imposed on it last year.", []),
    ],
)
def test_permit_requests(text: str, expected: list[Permit]) -> None:
    assert values(detect_permit, text) == expected


def test_prefilter_stems_never_hide_a_rule_match():
    """Each rule set is skipped on sentences without one of its stems (a speed-up): every
    sentence that one of the set's rules matches must hold a stem.  Checked on every sentence of
    this file's and the counts tests' cases and of the demo and held-out corpora."""
    import glob
    import re
    from pathlib import Path

    from protestwatch.extract import response as r

    root = Path(__file__).resolve().parents[2]
    texts = [Path(f).read_text(encoding="utf-8") for f in
             glob.glob(str(root / "src/protestwatch/data/demo/articles/*.txt"))
             + glob.glob(str(root / "data/heldout/articles/*.txt"))]  # fmt: skip
    for name in ("test_response.py", "test_counts.py"):
        texts += re.findall(r'"([^"\n]{20,})"', (Path(__file__).parent / name).read_text(encoding="utf-8"))
    sentences = {s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()}
    rule_sets = {
        "force": r._FORCE_RULES, "dispersal": r._DISPERSAL_RULES, "internet": r._INTERNET_RULES,
        "permit": r._PERMIT_RULES, "violence": r._VIOLENCE_RULES,
    }  # fmt: skip
    for name, rules in rule_sets.items():
        stems = r._PREFILTERS[name]
        hidden = [s for s in sentences if any(x.pattern.search(s) for x in rules) and not stems.search(s.lower())]
        assert hidden == [], (name, hidden[:3])

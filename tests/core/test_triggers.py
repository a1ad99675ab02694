"""Protest triggers, idioms, non-event contexts and status cues (no model needed)."""

import pytest

from protestwatch.extract.gate import gate_score, passes_gate
from protestwatch.extract.triggers import (
    find_triggers, is_habitual, is_non_event_context, status_cues,
)
from protestwatch.model import Form, Status, Tactic


@pytest.mark.parametrize(
    "sentence, form, tactic",
    [
        ("Some 300 people held a rally outside city hall on Sunday.", Form.DEMONSTRATE, Tactic.RALLY),
        ("Thousands marched through central Belgrade on Saturday.", Form.DEMONSTRATE, Tactic.MARCH),
        ("A lone activist staged a single-person picket near the akimat.", Form.DEMONSTRATE, Tactic.SINGLE_PERSON_PICKET),
        ("Dock workers went on strike at the port of Mombasa.", Form.STRIKE, None),
        ("Twelve miners have been on hunger strike since Monday.", Form.HUNGER_STRIKE, None),
        ("Farmers blocked the highway to the border with tractors.", Form.OBSTRUCT, Tactic.ROAD_BLOCK),
        ("About 200 farmers blocked the Osh–Bishkek highway near Osh.", Form.OBSTRUCT, Tactic.ROAD_BLOCK),
        ("Students staged a sit-in at the rectorate.", Form.DEMONSTRATE, Tactic.SIT_IN),
        ("Residents held a candlelight vigil for the victims.", Form.DEMONSTRATE, Tactic.VIGIL),
        ("Rioters torched cars in the suburb overnight.", Form.RIOT, None),
        ("Consumers began a boycott of the dairy company.", Form.BOYCOTT, None),
        ("Hundreds of demonstrators gathered in front of parliament.", Form.DEMONSTRATE, None),
        ("Taxi drivers staged a motorcade through the city centre.", Form.DEMONSTRATE, Tactic.MOTORCADE),
    ],
)
def test_trigger_form_and_tactic(sentence, form, tactic):
    triggers = find_triggers(sentence)
    assert triggers, sentence
    assert any(t.form == form for t in triggers)
    if tactic is not None:
        assert any(t.tactic == tactic for t in triggers)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two companies struck a deal worth $2 billion on Monday.",
        "Oil prices rallied after the announcement.",
        "Shares of the miner rallied 4 percent in early trading.",
        "The results were widely read as a protest vote against the ruling party.",
        "The ministry lodged a formal protest with the ambassador.",
        "Air strikes hit the outskirts of the city overnight.",
        "The study demonstrated that the vaccine is effective.",
        "Parliament will reconvene in March after the recess.",
        "Police gathered evidence at the scene.",
        "The senator rallied support for the bill.",
    ],
)
def test_idioms_are_not_triggers(sentence):
    assert find_triggers(sentence) == []


def test_trigger_spans_are_offsets_into_the_text():
    text = "Intro line.\nOn Tuesday hundreds protested in Osh."
    start = text.index("On")
    from protestwatch.model import Span

    (t,) = find_triggers(text, Span(start, len(text)))
    assert text[t.span.start : t.span.end] == "protested"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The striker protested to the referee after the penalty was given.", True),
        ("The foreign ministry summoned the Chinese ambassador in protest.", True),
        ("An online petition against the law gathered 40,000 signatures.", True),
        ("About 500 people rallied outside the ministry on Friday.", False),
    ],
)
def test_non_event_contexts(sentence, expected):
    assert is_non_event_context(sentence) is expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Protests against the plant have been a regular occurrence almost every year.", True),
        ("Such rallies are frequent in the region.", True),
        ("The decision could spark protests in the mining towns.", True),
        ("No protests were reported in the capital.", True),
        ("Hundreds protested in Bishkek on Monday.", False),
    ],
)
def test_habitual_statements(sentence, expected):
    assert is_habitual(sentence) is expected


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("The union plans to hold a rally on Friday.", Status.PLANNED),
        ("Opposition groups have called for a march next Sunday.", Status.PLANNED),
        ("Activists were detained on their way to the square.", Status.PREVENTED),
        ("Police cordoned off the square before the rally could begin.", Status.PREVENTED),
        ("Police surrounded Pushkin Square with metal barriers hours before the rally.", Status.PREVENTED),
        ("Teachers will march to the ministry on Monday.", Status.PLANNED),
        ("Police in Minsk prevented a planned rally on Saturday, detaining organisers before it could begin.",
         Status.PREVENTED),
        ("The square was cordoned off and no one gathered for the announced rally.", Status.PREVENTED),
        ("The city refused permission for the march on Saturday.", Status.PREVENTED),
        ("About 200 people rallied in the park.", None),
    ],
)
def test_status_cues(sentence, status):
    found = status_cues(sentence, [t.span.start for t in find_triggers(sentence)])
    assert (found[0] if found else None) == status


def test_prevented_cue_yields_to_a_gathering():
    assert status_cues("Police cordoned off the square, but dozens gathered and chanted slogans.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Opponents of a plan to restrict messaging apps held a rally on Saturday.",
        "Some 1,500 people gathered for a rally backing the constitution that voters will approve on Sunday.",
    ],
)
def test_a_future_word_that_does_not_govern_the_protest_is_not_planned(sentence):
    assert status_cues(sentence, [t.span.start for t in find_triggers(sentence)]) is None


def test_gate_passes_protest_news_and_stops_other_news():
    protest = "Hundreds of workers protested outside the factory on Monday, demanding unpaid wages."
    markets = "Stocks rallied on Tuesday as investors cheered the deal struck by the two firms."
    sport = "The home side dominated the match and won 3-0 in front of a full stadium."
    assert passes_gate(protest)
    assert gate_score(markets) == 0
    assert not passes_gate(sport)


@pytest.mark.parametrize(
    "sentence",
    [
        "Opposition parties have called a rally for Saturday in Lagos.",
        "Unions announced a nationwide strike for March 9.",
        "Teachers plan to walk out on Monday if the talks fail.",
        "A march is planned for next Sunday in Lima.",
        "Organisers expect thousands to join a protest on Friday.",
        "Students said they would occupy the campus from Wednesday.",
        "The coalition has applied for permission to hold a rally on 12 May.",
        "Farmers vowed to block highways across the province from next week.",
        "A general strike has been called for Thursday.",
        "Protesters will gather outside parliament on Tuesday.",
        "The rally, scheduled for Saturday, is expected to draw thousands.",
        "Doctors are due to begin an indefinite strike on Monday.",
        "Residents intend to picket the city hall again next month.",
        "The union has given notice of a 48-hour strike starting on Wednesday.",
        "Activists are planning a vigil for the victims on Friday evening.",
        "Drivers threatened to stage a go-slow on the ring road on Monday.",
    ],
)
def test_planned_phrasings(sentence):
    found = status_cues(sentence, [t.span.start for t in find_triggers(sentence)])
    assert found is not None and found[0] == Status.PLANNED, sentence


@pytest.mark.parametrize(
    "sentence, form",
    [
        ("Villagers blocked for several hours the Tashkent-Samarkand road.", "obstruct"),
        ("Dozens of farmers parked their tractors across the main highway outside Lublin.", "obstruct"),
        ("Taxi drivers lined up their cars on the bridge into the old town.", "obstruct"),
        ("Protesters threw stones at the police station.", "riot"),
        ("Young men were hurling petrol bombs at riot police.", "riot"),
        ("A crowd smashed the glass fronts of two banks.", "vandalize"),
        ("Demonstrators set several cars alight outside the town hall.", "vandalize"),
        ("Mothers stood in silence holding photographs of their missing sons.", "demonstrate"),
    ],
)
def test_more_trigger_phrasings(sentence, form):
    assert form in {t.form.value for t in find_triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        '"Nobody blocked a road, nobody broke anything," the lawyer said.',
        "We did not march; we only signed a letter.",
        "The students never protested, the dean insisted.",
        "This is not a protest, it is a celebration.",
        "Critics denounced the looting of the state budget by officials.",
    ],
)
def test_negated_and_figurative_verbs_are_not_triggers(sentence):
    strong = [t for t in find_triggers(sentence) if t.word.lower() not in ("celebration",)]
    assert not strong, strong


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The drivers said they would block the port road on Monday if the city did not cut the fee.", True),
        ("Unions warned that they will strike next week if the government fails to pay arrears.", True),
        ("Nurses will march to the ministry on Friday, their union said.", False),
        ("Taxi drivers vowed to stage a go-slow on Tuesday unless fuel prices fall.", False),
    ],
)
def test_conditional_threats_are_not_events(sentence, expected):
    assert is_non_event_context(sentence) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The interior ministry summoned an Iranian envoy to lodge a protest over the shelling.",
        "Officials summoned a foreign ambassador on Tuesday to lodge 'a strong protest' over the arrest.",
        '"The Government of Laos protests in the strongest terms against these maps," a spokesman said.',
        "The Foreign Ministry of Peru protested the remarks on Friday.",
        "Turnout collapsed as voters in the valleys stayed home in protest at the closures.",
        "Pundits called the low turnout a ballot box revolt and a protest against both parties.",
        "The by-election result was seen by many, including the prime minister, as a protest.",
        "The parades for the national day were not a protest, whatever the commentators said.",
        "Funeral processions that are not demonstrations need no permit.",
        "An online appeal and a petition to the city council gathered 12,000 signatures this week.",
        "The miners' union said it would strike from June 1 unless the bonus was restored.",
        "The drivers would block the bypass if fuel prices rose again in the spring, their leader said.",
    ],
)
def test_more_sentences_with_protest_words_and_no_protest(sentence):
    triggers = find_triggers(sentence)
    assert not triggers or is_non_event_context(sentence) or is_habitual(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of nurses marched to parliament to hand in a petition with 30,000 signatures.",
        "The march, described by its organisers as a protest for dignity, drew 5,000 people.",
        "Students said they would keep up their sit-in outside the rectorate even if police came.",
    ],
)
def test_protests_beside_those_words_stay_events(sentence):
    assert find_triggers(sentence) and not is_non_event_context(sentence), sentence


def test_a_place_named_a_city_of_protest_is_no_event():
    assert is_habitual("Nairobi has long been a city of protest.")


@pytest.mark.parametrize(
    "sentence",
    [
        'The students\' council has called a "mass prayer rally" at the city gates for Thursday.',
        "Activists have called for a large demonstration in the main square on Friday.",
        "The federation has called a peaceful nationwide march for next month.",
        "The party's core committee announced countrywide protests after Friday prayers.",
    ],
)
def test_a_called_protest_with_modifiers_is_planned(sentence):
    starts = [t.span.start for t in find_triggers(sentence)]
    found = status_cues(sentence, starts)
    assert found is not None and found[0] == Status.PLANNED, sentence


@pytest.mark.parametrize(
    "sentence, form",
    [
        ("Youths fought running battles with riot police near the stadium.", Form.RIOT),
        ("Students fought pitched battles with security forces on the campus.", Form.RIOT),
        ("Police fired tear gas and the crowd answered with stones.", Form.RIOT),
        ("They set tyres and a parked police pick-up on fire.", Form.VANDALIZE),
    ],
)
def test_violence_phrasings(sentence, form):
    assert any(t.form == form for t in find_triggers(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Nurses at the hospital walked out on Thursday.",
        "Hundreds poured onto the street outside the ministry.",
        "Students fought running battles with police outside the campus.",
        "Dockers staged a walk-out at the port.",
        "Drivers walked off the job at dawn.",
        "Two activists held a single-person picket outside the court.",
    ],
)
def test_the_gate_reads_every_unambiguous_trigger(sentence):
    from protestwatch.extract.gate import _STRONG_STEMS

    strong = [t for t in find_triggers(sentence) if t.strength >= 2]
    assert strong, sentence
    stems = [m.span() for m in _STRONG_STEMS.finditer(sentence.lower())]
    assert all(any(a < t.span.end and t.span.start < b for a, b in stems) for t in strong), sentence


def test_a_future_verb_before_a_protester_noun_is_not_planned():
    sentence = "The ministry said it would ask a court to ban the strike and would dock strikers' pay."
    starts = [t.span.start for t in find_triggers(sentence)]
    assert status_cues(sentence, starts) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Union members filled all six lanes of the avenue, demanding a pay rise.",
        "A dozen mothers stood outside the ministry with portraits of their sons, demanding answers.",
    ],
)
def test_crowds_without_a_protest_word(sentence):
    starts = [t for t in find_triggers(sentence) if t.form == Form.DEMONSTRATE]
    assert starts, sentence


def test_a_rally_named_by_its_organisers_is_not_a_call_for_one():
    sentence = 'Church groups held what they called a "prayer rally for the nation" on the square.'
    assert status_cues(sentence, [t.span.start for t in find_triggers(sentence)]) is None


def test_a_rally_held_for_decades_is_habitual():
    assert is_habitual("The Thursday vigil of the mothers has been held for more than two decades.")


def test_testimonies_gathered_are_no_gathering():
    assert not find_triggers("According to testimonies gathered by observers, the funeral was held at ten.")


def test_students_walking_out_of_class_boycott_it():
    found = find_triggers("Several hundred students walked out of morning classes and gathered at the gate.")
    assert Form.BOYCOTT in {t.form for t in found}


@pytest.mark.parametrize(
    "sentence",
    [
        'One councillor walked out of last month\'s meeting "in protest" and was photographed.',
        "Opposition MPs walked out of the chamber in protest before the vote.",
        "Several deputies registered their protest during the plenary session.",
        "United's march to a third straight title continued with a 2-0 win.",
        "A call to boycott the dairy brand has been shared more than 200,000 times since Friday.",
    ],
)
def test_institutional_walkouts_sport_and_shares_are_no_protests(sentence):
    assert not find_triggers(sentence) or is_non_event_context(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Market traders spent Tuesday night in the compound of the City Council offices.",
        "Some 200 farmers have camped outside the agriculture ministry since Monday.",
        "The women sang and sat down on the forecourt.",
    ],
)
def test_a_night_or_a_camp_at_an_institution_is_an_occupation(sentence):
    assert find_triggers(sentence), sentence


def test_a_night_in_a_hotel_is_not():
    assert not find_triggers("The delegation spent the night in a hotel near the airport.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Smaller rallies were held in Varna and Plovdiv the same evening.",
        "Protests spread to various cities on Sunday.",
    ],
)
def test_words_beginning_like_a_sports_term_are_not_sport(sentence):
    assert not is_non_event_context(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "A 24-hour strike the drivers had planned for Saturday was called off after the company "
        "raised its offer.",
        "Previous online boycott calls have faded within a fortnight.",
        "Several drivers said they would spoil their ballots as a protest against all the candidates.",
    ],
)
def test_called_off_online_and_ballot_protests_are_none(sentence):
    assert is_non_event_context(sentence), sentence


def test_a_protest_called_off_by_the_police_is_still_read():
    assert not is_non_event_context("The march was called off by police after clashes.")

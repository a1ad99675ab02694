"""Crowd sizes: the codebook's conventions (parse_size) and which quantities count a crowd."""

from __future__ import annotations

import pytest

from protestwatch.extract.crowd_size import combine_sizes, find_crowd_sizes, parse_size
from protestwatch.extract.quantities import iter_quantities, parse_number, parse_quantity
from protestwatch.model import Finding, Quantity, Sentence, Span


def sizes(text: str) -> list[tuple[int | None, int | None]]:
    return [(f.value.low, f.value.high) for f in find_crowd_sizes(text, [Span(0, len(text))])]


# -- the codebook's table (§2 size row, §3.5), verbatim -----------------------------------

CODEBOOK_TABLE = [
    ("200 to 300", 200, 300),
    ("about 300", 300, 300),
    ("more than 300", 301, None),
    ("several hundred", 300, 900),
    ("hundreds", 200, 999),
    ("dozens", 24, 99),
    ("thousands", 2000, 9999),
    ("tens of thousands", 20000, 99999),
    ("a few dozen", 24, 48),
    ("several dozen", 36, 108),
    ("several", 3, 9),
    ("more than a dozen", 13, None),
    ("about a dozen", 12, 12),
    ("at least 20", 20, None),
    ("more than 20", 21, None),
]


@pytest.mark.parametrize("phrase, low, high", CODEBOOK_TABLE)
def test_codebook_table(phrase: str, low: int | None, high: int | None) -> None:
    assert parse_size(phrase) == Quantity(phrase, low, high)


PHRASES = [
    ("some 200 to 300 people", 200, 300),
    ("200-300", 200, 300),
    ("200–300 demonstrators", 200, 300),
    ("between 200 and 300", 200, 300),
    ("from 1,000 to 1,500", 1000, 1500),
    ("around 300", 300, 300),
    ("roughly 4,000", 4000, 4000),
    ("nearly 300", 300, 300),
    ("almost 1,000", 1000, 1000),
    ("approximately 650", 650, 650),
    ("an estimated 5,000", 5000, 5000),
    ("over 300", 301, None),
    ("well over a thousand", 1001, None),
    ("up to 300", None, 300),
    ("as many as 10,000", None, 10000),
    ("fewer than 100", None, 99),
    ("300 or more", 300, None),
    ("500-plus", 500, None),
    ("several thousand", 3000, 9000),
    ("hundreds of thousands", 200000, 999999),
    ("a handful of", 2, 9),
    ("a lone protester", 1, 1),
    ("single-person picket", 1, 1),
    ("a one-man protest", 1, 1),
    ("one person", 1, 1),
    ("1,500", 1500, 1500),
    ("1.5 million", 1_500_000, 1_500_000),
    ("half a million", 500_000, 500_000),
    ("15,000-strong", 15000, 15000),
    ("two hundred", 200, 200),
    ("fifty", 50, 50),
    ("two hundred and fifty", 250, 250),
    ("twenty-five", 25, 25),
    ("10 to 15 thousand", 10000, 15000),
    ("two or three hundred", 200, 300),
    ("several thousands", 3000, 9000),
    ("hundreds to thousands", 200, 9999),
    ("10k", 10000, 10000),
    ("2,5 million", 2_500_000, 2_500_000),
]


@pytest.mark.parametrize("phrase, low, high", PHRASES)
def test_parse_size_keeps_the_words(phrase: str, low: int | None, high: int | None) -> None:
    assert parse_size(phrase) == Quantity(phrase, low, high)


@pytest.mark.parametrize("phrase", ["", "a large crowd", "protesters", "no one"])
def test_parse_size_without_a_number(phrase: str) -> None:
    assert parse_size(phrase) is None


@pytest.mark.parametrize(
    "words, value",
    [("1,500", 1500), ("1.500", 1500), ("2.5 thousand", 2500), ("a hundred", 100),
     ("one thousand five hundred", 1500), ("a dozen", 12), ("two dozen", 24), ("x", None)],
)  # fmt: skip
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_parse_quantity_rejects_inverted_range() -> None:
    assert parse_quantity("30-20") is None


# -- finding sizes in sentences ------------------------------------------------------------

FOUND = [
    # the founding example
    ("In the square in front of the Kazakh National Academy of Sciences in Almaty, some 200 to "
     "300 people held a rally to protest against Chinese immigration.", [(200, 300)]),
    ("About 2,000 gathered outside the parliament building in Bishkek on Tuesday.", [(2000, 2000)]),
    ("Thousands took to the streets of Tbilisi on Sunday night.", [(2000, 9999)]),
    ("A crowd of about 5,000 marched to the presidential palace in Minsk.", [(5000, 5000)]),
    ("A 15,000-strong march wound through central Belgrade.", [(15000, 15000)]),
    ("More than 300 miners went on strike at the Kostenko mine near Karaganda.", [(301, None)]),
    ("Hundreds of residents blocked the highway near Zhanaozen.", [(200, 999)]),
    ("The rally was attended by roughly 400 people, according to local media.", [(400, 400)]),
    ("Dozens of women gathered outside the akimat demanding higher child benefits.", [(24, 99)]),
    ("Tens of thousands of Armenians rallied in Yerevan's Republic Square.", [(20000, 99999)]),
    ("A lone protester stood outside the Chinese consulate in Almaty holding a placard.", [(1, 1)]),
    ("Several hundred students marched through the centre of Dhaka on Friday.", [(300, 900)]),
    ("Police estimated the crowd at 3,500, while organisers put the figure at 12,000.",
     [(3500, 3500), (12000, 12000)]),
    ("Police said 2,000 people took part, while organisers claimed 10,000.",
     [(2000, 2000), (10000, 10000)]),
    ("Up to 10,000 people marched in Warsaw, according to city hall.", [(None, 10000)]),
    ("Between 1,500 and 2,000 farmers rallied in Delhi against the farm laws.", [(1500, 2000)]),
    ("The protest drew more than a dozen activists from across the region.", [(13, None)]),
    ("Crowds of up to 20,000 filled the avenue in front of the Parliament.", [(None, 20000)]),
    ("An estimated 1.5 million people took part in the march in Hong Kong.",
     [(1_500_000, 1_500_000)]),
    ("People turned out in their thousands across the country.", [(2000, 9999)]),
    ("Fifty mothers of conscripts picketed the defence ministry in Dushanbe.", [(50, 50)]),
    ("The turnout was about 3,000, police said.", [(3000, 3000)]),
    ("Organisers had expected 10,000 people to attend, but only about 800 turned out.",
     [(800, 800)]),
    ("Some 60 pensioners held a picket outside the regional administration in Oral.", [(60, 60)]),
    ("A few dozen taxi drivers blocked the ring road in Lagos to protest fuel prices.", [(24, 48)]),
    ("Nearly two hundred Uighurs rallied in front of the embassy.", [(200, 200)]),
    ("On Saturday, around 1 500 people gathered in Oskemen.", [(1500, 1500)]),
    ("Hundreds of thousands of people marched in Santiago.", [(200000, 999999)]),
    ("A single-person picket was held outside the court in Nur-Sultan.", [(1, 1)]),
    ("One woman picketed the akimat with a sign reading 'Give us our land back'.", [(1, 1)]),
    ("Several dozen workers at the copper smelter walked out in protest.", [(36, 108)]),
    ("Scores of lawyers marched to the Supreme Court in Islamabad.", [(40, 99)]),
    ("The 300 protesters then moved to the city hall.", [(300, 300)]),
    # participation verbs in the perfect
    ("The union said more than 300,000 had taken part across the country.", [(300001, None)]),
    ("Organisers said about 4,000 people have taken part in the sit-in so far.", [(4000, 4000)]),
    # hunger strikes
    ("Four former teachers have been refusing food since Monday in a tent near the ministry.",
     [(4, 4)]),
    ("Twelve dockers went on hunger strike at the port of Poti on Tuesday.", [(12, 12)]),
    # "he and N others" counts the speaker too
    ("In 2019 he and some 50 colleagues held a sit-in outside the mine office.", [(51, 51)]),
    ("She and about 20 other mothers picketed the city court in Osh.", [(21, 21)]),
    ("The activist and four supporters staged a protest outside the embassy.", [(5, 5)]),
    # a second estimate given by ellipsis ("... and the union 90,000")
    ("Police counted 28,000 marchers and the CGT 90,000.", [(28000, 28000), (90000, 90000)]),
    ("The ministry counted 12,000 demonstrators and organisers 40,000.",
     [(12000, 12000), (40000, 40000)]),
    ("Police put the crowd at 3,000 and the opposition at 15,000.", [(3000, 3000), (15000, 15000)]),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_finds_crowd_sizes(text: str, expected: list[tuple[int | None, int | None]]) -> None:
    assert sizes(text) == expected


NOT_SIZES = [
    "The authorities were called upon to ban the relocation of more than 50 factories from China.",
    "22 protesters were detained by police after the rally.",
    "Police detained 22 protesters near the embassy.",
    "Security forces killed three protesters in Khartoum during the march.",
    "500 police officers were deployed to the square before the rally.",
    "A 45-year-old teacher was among those who rallied.",
    "The plant employs 3,000 workers.",
    "In 2016 protesters rallied against the land code.",
    "About 30% of residents support the protest.",
    "Prices rose by 300 tenge, sparking a rally.",
    "On March 8 women marched in Bishkek.",
    "More than 100 people were injured in the clashes.",
    "The village of 500 residents was evacuated before the protest.",
    "Riot police, numbering about 1,000, surrounded the square.",
    "Many people joined the rally despite the cold.",
    "Some Kazakh media reporters said that protests have been a regular occurrence.",
    "Two of the protesters told reporters they had travelled from Shymkent.",
    "The march covered 12 kilometres through the city.",
    "Protesters demanded the release of 15 activists detained last week.",
    "Organisers hope that 50,000 people will join the march next Sunday.",
    "The rally lasted three hours.",
    "Single-person pickets do not require permission.",
    "He has organised protests since 2011, his lawyer said.",
    # victims whose predicate comes after a prepositional phrase or a quote
    'Police said "at least 20 participants of an illegal gathering" had been taken to stations.',
    "Some 40 members of the opposition bloc who joined the march were later detained.",
    "Fifteen supporters of the jailed mayor, including his brother, were arrested at the rally.",
    # medical treatment is an injury, not a crowd
    "At least eight protesters received medical treatment for the effects of tear gas.",
    "About 30 demonstrators needed hospital treatment after the rally in Kampala.",
    "Twelve marchers were treated for injuries after the protest.",
    # speakers are not the crowd
    "Several participants told the newspaper that their employers had asked them to attend.",
    "Three protesters said they had been beaten at the march.",
    "Two demonstrators interviewed by the agency said the rally was peaceful.",
    # people affected by a measure are not a crowd
    "The shutdown, which began as the crowd gathered, has cut off roughly 200,000 people.",
    "The protest blocked a road that serves about 40,000 residents of the valley.",
    "The strike has left some 2 million commuters without trains.",
    # list markers
    "2. release the protesters detained after the rally;",
    "3) allow residents to gather peacefully in the square.",
    # a court hearing is not a gathering
    "A handful of relatives attended the hearing and left without comment.",
    "About 30 supporters attended the trial of the protest leader in Minsk.",
]


@pytest.mark.parametrize("text", NOT_SIZES)
def test_not_crowd_sizes(text: str) -> None:
    assert sizes(text) == []


def test_size_text_and_span_point_into_the_article() -> None:
    text = "Intro sentence.  Last Saturday, some 200 to 300 people held a rally in Almaty."
    sentence = Sentence(17, len(text))  # a model.Sentence works as well as a Span
    (finding,) = find_crowd_sizes(text, [sentence])
    assert finding.value == Quantity("some 200 to 300 people", 200, 300)
    assert finding.span.text(text) == "some 200 to 300 people"


def test_only_the_given_sentences_are_read() -> None:
    text = "Thousands rallied in Almaty. Hundreds rallied in Oral."
    found = find_crowd_sizes(text, [Span(29, len(text))])
    assert [f.value.text for f in found] == ["Hundreds"]


def test_no_sentences_no_sizes() -> None:
    assert find_crowd_sizes("Thousands rallied in Almaty.", []) == []


def _f(text: str, low: int | None, high: int | None) -> Finding[Quantity]:
    return Finding(Quantity(text, low, high), Span(0, len(text)))


def test_combine_sizes_covers_all_estimates() -> None:
    combined = combine_sizes([_f("2,000", 2000, 2000), _f("10,000", 10000, 10000)])
    assert combined == Quantity("2,000; 10,000", 2000, 10000)


def test_combine_sizes_open_ended_and_repeated_texts() -> None:
    combined = combine_sizes(
        [_f("more than 300", 301, None), _f("about 300", 300, 300), _f("about 300", 300, 300)]
    )
    assert combined == Quantity("more than 300; about 300", 300, None)


def test_combine_sizes_unknown_low() -> None:
    assert combine_sizes([_f("up to 300", None, 300)]).low is None


def test_combine_sizes_upper_bound_estimate_counts_as_a_report() -> None:
    # "about 400 (residents); no more than 100 (police)": the covering range is 100-400
    combined = combine_sizes([_f("about 400", 400, 400), _f("no more than 100", None, 100)])
    assert (combined.low, combined.high) == (100, 400)
    assert combine_sizes([_f("up to 300", None, 300), _f("200", 200, 200)]).low == 200


def test_combine_sizes_needs_a_finding() -> None:
    with pytest.raises(ValueError):
        combine_sizes([])


SPANS = [
    # a nationwide total keeps its scope words (coding then knows it is not a city's figure)
    ("The interior ministry counted 104,000 demonstrators nationwide.",
     "104,000 demonstrators nationwide"),
    ("Some 80,000 people marched across the country on Saturday.", "Some 80,000 people"),
    ("Some 80,000 people marched across the country, the union said.",
     "Some 80,000 people"),
]


@pytest.mark.parametrize("text, words", SPANS)
def test_size_span_words(text: str, words: str) -> None:
    (finding,) = find_crowd_sizes(text, [Span(0, len(text))])
    assert finding.value.text == words


SINGLE_PERSONS = [
    ("In Novosibirsk, a retired engineer picketed outside the city hall.", "a retired engineer"),
    ("On Wednesday, a pensioner, Bakhyt Ermekova, 66, held a one-person picket outside the akimat.",
     "a pensioner, Bakhyt Ermekova, 66"),
    ("A university lecturer staged a solo protest in front of the ministry in Baku.",
     "A university lecturer"),
    ("In Kazan, the picketer, a 19-year-old woman, was taken to a police station.",
     "the picketer, a 19-year-old woman"),
]


@pytest.mark.parametrize("text, words", SINGLE_PERSONS)
def test_single_person_protests(text: str, words: str) -> None:
    found = find_crowd_sizes(text, [Span(0, len(text))])
    assert [(f.value.text, f.value.low, f.value.high) for f in found] == [(words, 1, 1)]


def test_single_person_needs_a_protest_verb() -> None:
    text = "A retired engineer told the court he had never seen the documents."
    assert find_crowd_sizes(text, [Span(0, len(text))]) == []


def test_subject_count_with_a_gathering_in_the_previous_sentence() -> None:
    text = ("The blockade was staged by residents of the outlying districts. "
            "Several hundred people parked cars across the carriageway and lit fires.")
    spans = [Span(0, 63), Span(64, len(text))]
    assert [(f.value.low, f.value.high) for f in find_crowd_sizes(text, spans)] == [(300, 900)]


def test_subject_count_without_a_gathering_nearby() -> None:
    text = ("The ministry published its annual report on Monday. "
            "Several hundred people live in the village, it said.")
    spans = [Span(0, 51), Span(52, len(text))]
    assert find_crowd_sizes(text, spans) == []


def test_local_figure_outranks_a_national_total() -> None:
    text = ("The ministry counted 104,000 demonstrators nationwide, while the union said more than "
            "300,000 had taken part. In Lyon, about 6,000 people marched to the prefecture.")
    cut = text.index(" In Lyon")
    spans = [Span(0, cut), Span(cut + 1, len(text))]
    assert [f.value.text for f in find_crowd_sizes(text, spans)] == ["about 6,000 people"]
    assert len(find_crowd_sizes(text, spans[:1])) == 2  # alone, the national figures stand


@pytest.mark.parametrize(
    "text",
    ['"Even a one-person picket is a way to say it out loud," the coordinator said.',
     "A single-person picket remains the only legal form of street protest in Russia."],
)
def test_a_kind_of_protest_is_not_a_size(text: str) -> None:
    assert find_crowd_sizes(text, [Span(0, len(text))]) == []


def test_purpose_clause_marks_a_gathering() -> None:
    text = ("Thousands of people lit candles at the junction, then walked to the City Assembly to "
            "demand safer streets.")
    assert sizes(text) == [(2000, 9999)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On Monday, 3 March, near 150 traders gathered at the town hall.", [(150, 150)]),
        ("On March 12 about 400 teachers marched to the ministry.", [(400, 400)]),
        ("About 120 fisherfolk held a picket outside the ministry.", [(120, 120)]),
        ("About 2,500 mineworkers have downed tools since Monday.", [(2500, 2500)]),
        ("About 30 relatives stood outside the court holding photographs of the accused.", [(30, 30)]),
    ],
)
def test_day_numbers_are_not_sizes_and_more_people_nouns(text, expected):
    assert sizes(text) == expected


def test_a_time_of_day_is_not_a_crowd_size():
    assert sizes("14:10 - Hundreds of young people have blocked the main road.") == [(200, 999)]
    assert [q.low for q in iter_quantities("At 21:15 some 40 people gathered.")] == [40]

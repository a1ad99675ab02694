"""Sentences, headings, datelines and the segmentation of sentences into event frames."""

import datetime as dt

from protestwatch.extract.segment import SentenceInfo, segment
from protestwatch.extract.sentences import dateline, is_heading, split_sentences
from protestwatch.extract.triggers import find_triggers
from protestwatch.model import DatePrecision, DateMention, DateRange, GeoPrecision, Place, PlaceMention, Span


def test_split_sentences_keeps_paragraphs_and_abbreviations():
    text = "Headline here\n\nDr. Sato spoke on Jan. 5 in Osh. Then 300 people rallied.\nNext para."
    sents = split_sentences(text)
    got = [(text[s.start : s.end], s.paragraph) for s in sents]
    assert got == [
        ("Headline here", 0),
        ("Dr. Sato spoke on Jan. 5 in Osh.", 1),
        ("Then 300 people rallied.", 1),
        ("Next para.", 2),
    ]


def test_split_sentences_uses_parser_boundaries_inside_paragraphs():
    text = "One two. Three four.\nFive."
    sents = split_sentences(text, boundaries=[0, 9, 21])
    assert [text[s.start : s.end] for s in sents] == ["One two.", "Three four.", "Five."]


def test_headings_and_captions():
    assert is_heading("Protesters demand release of jailed activists")
    assert is_heading("People hold a protest demonstration in Almaty. (Feb. 28, 2021)")
    assert is_heading("Read more: how the law was passed")
    assert is_heading("Photo: supporters outside the court")
    assert not is_heading("About 300 people rallied outside the court on Monday.")
    assert not is_heading("About 300 people rallied outside the court on Monday. (AP)")
    assert not is_heading("About 300 people rallied outside the court on Monday.\u200b\ufeff")


def test_dateline():
    text = "Title line\nBISHKEK, May 15 — Hundreds rallied in the Kyrgyz capital on Monday."
    line = dateline(text)
    assert line.place == "BISHKEK" and text[line.span.start : line.span.end] == "BISHKEK"
    assert text[line.end :].startswith("Hundreds")
    assert dateline("Title\nHundreds rallied in the capital on Monday.") is None


def test_colon_datelines():
    text = "Title line\nNEW DELHI (PTI): Farmers marched to the capital on Monday."
    line = dateline(text)
    assert line.place == "NEW DELHI" and text[line.end :].startswith("Farmers")
    for head in ("UPDATE: Police said", "BREAKING: Crowds gathered", "Note: the rally"):
        assert dateline(f"Title\n{head} more on Monday.") is None


def _date(text: str, start: int, end: int, d0: dt.date, d1: dt.date, p: DatePrecision) -> DateMention:
    return DateMention(Span(start, end), text, DateRange(d0, d1, p))


def _place(name: str, country: str, start: int, precision=GeoPrecision.LOCALITY) -> PlaceMention:
    locality = name if precision == GeoPrecision.LOCALITY else None
    return PlaceMention(Span(start, start + len(name)), name, Place(country, locality=locality, precision=precision))


def _info(i, para, text, offset=0, dates=(), places=()):
    span = Span(offset, offset + len(text))
    info = SentenceInfo(index=i, span=span, paragraph=para, text=text)
    info.triggers = find_triggers(" " * offset + text, span)
    info.dates = list(dates)
    info.places = list(places)
    return info


DAY = DatePrecision.DAY
YEAR = DatePrecision.YEAR


def test_anaphora_joins_the_current_frame_and_a_new_date_starts_another():
    d27 = dt.date(2021, 3, 27)
    s0 = _info(0, 0, "On Saturday about 300 people rallied in Almaty.",
               dates=[_date("On Saturday", 0, 11, d27, d27, DAY)], places=[_place("Almaty", "KZ", 40)])
    s1 = _info(1, 0, "The rally was organized by two parties.")
    s2 = _info(2, 1, "The largest protest took place in 2016.",
               dates=[_date("in 2016", 31, 38, dt.date(2016, 1, 1), dt.date(2016, 12, 31), YEAR)])
    s3 = _info(3, 1, "That protest swept through many parts of the country.",
               places=[_place("Kazakhstan", "KZ", 0, GeoPrecision.COUNTRY)])
    frames = segment([s0, s1, s2, s3])
    assert [f.sentences for f in frames] == [[0, 1], [2, 3]]
    assert frames[1].date.value.precision == YEAR


def test_a_new_locality_in_the_same_paragraph_inherits_the_date():
    d = dt.date(2022, 5, 1)
    s0 = _info(0, 0, "On Sunday thousands marched in Tbilisi.",
               dates=[_date("On Sunday", 0, 9, d, d, DAY)], places=[_place("Tbilisi", "GE", 31)])
    s1 = _info(1, 0, "In Batumi, hundreds rallied near the port.", places=[_place("Batumi", "GE", 3)])
    frames = segment([s0, s1])
    assert len(frames) == 2
    assert frames[1].date.value.start == d and frames[1].inherited_date


def test_a_later_dated_reference_gives_a_dateless_frame_its_date():
    s0 = _info(0, 0, "Many of the protests were held near the embassy in Kazakhstan.",
               places=[_place("Kazakhstan", "KZ", 51, GeoPrecision.COUNTRY)])
    s1 = _info(1, 1, "Some of the related protests were most prominent in 2017-2018.",
               dates=[_date("2017-2018", 52, 61, dt.date(2017, 1, 1), dt.date(2018, 12, 31), YEAR)])
    (frame,) = segment([s0, s1])
    assert frame.sentences == [0, 1] and frame.date.value.start == dt.date(2017, 1, 1)


def test_headings_and_habitual_statements_start_no_frame():
    heading = _info(0, 0, "Protests against the mine")
    heading.heading = True
    habitual = _info(1, 1, "Protests happen here almost every year.")
    habitual.habitual = True
    vague = _info(2, 2, "Anti-government protests have been ongoing in the region.")
    (frame,) = segment([heading, habitual, vague])
    # the vague one is a frame without date or town: the coder decides it is no event
    assert frame.sentences == [2] and frame.date is None and frame.places == []

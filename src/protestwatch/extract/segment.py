"""Event segmentation: which sentences report which event.

Reads: the article's sentences, each annotated with its triggers, dates, places and cues
(``SentenceInfo``).  Writes: ``EventFrame`` objects, one per (event, before the split by locality),
with the sentences that report it and the date and places they give.

The rules, in the order they apply (they follow the codebook's disaggregation rule: one event =
one locality + one day or date range + one claim):

1. Headlines, subheads and photo captions never start an event (they repeat or illustrate).
2. Diplomatic, sporting and online "protests", and habitual or hypothetical statements ("protests
   happen every year"), never start an event.
3. A trigger sentence with a date joins an earlier frame whose date overlaps it and whose place is
   compatible; otherwise it starts a frame.  A frame that has no date yet takes the date of a later
   sentence in the next paragraphs that refers back to it ("the related protests ... in 2017-2018").
4. A trigger sentence without a date joins the current frame when it stays in its paragraph, or
   refers back to it ("the rally", "Saturday's protest") from the next one, with a compatible
   place.  A new place starts a frame that inherits the date of a frame up to two paragraphs
   before ("In Batumi, hundreds marched too").  Without a place, it joins the latest frame of the
   same tense up to two paragraphs before (a planned one for "will march"); else it starts a frame.
5. Sentences without a trigger that continue a frame sentence in the same paragraph are kept as
   context (they carry organizers, arrests, claims).
6. A dateless sentence does not join an earlier protest recalled as background unless it refers
   to it; its new frame takes a current date told earlier in its paragraph ("The trial opened on
   Monday. Supporters gathered outside the court").  Whether a frame without date or town is an
   event at all is decided by the coder (codebook §1: no time, no place, no event).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from protestwatch.extract.dates import find_dates
from protestwatch.extract.triggers import Trigger
from protestwatch.model import DateMention, DatePrecision, PlaceMention, Span, Status

# "the rally", "that protest", "Saturday's march", "the protesters", "demonstrators", "they"
_ANAPHOR = re.compile(
    r"\b(?:(?:the|this|that|these|those|its|their|such)\s+(?:\w+\s+){0,2}"
    r"(?:protests?|rall(?:y|ies)|demonstrations?|marches|march|pickets?|strikes?|sit-?ins?|vigils?|"
    r"riots?|gatherings?|blockades?|action|actions|crowds?|event|protesters|demonstrators|"
    r"participants|strikers|marchers|organi[sz]ers)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|weekend)['’]s\s+"
    r"(?:\w+\s+){0,2}(?:protests?|rall(?:y|ies)|demonstrations?|march|marches|pickets?|strikes?|"
    r"sit-?ins?|vigils?|gathering|action)|"
    r"^(?:protesters|demonstrators|participants|strikers|marchers|they|organi[sz]ers|police|"
    r"the\s+police|some|many|others)\b)",
    re.IGNORECASE,
)

# A sentence about gatherings somewhere else: never the same event as the one told before.
_ELSEWHERE = re.compile(
    r"\b(?:elsewhere|in\s+other\s+(?:cities|towns|villages|regions|parts|districts)|"
    r"other\s+(?:cities|towns|villages|regions)\s+(?:also|too)|across\s+the\s+rest\s+of)\b",
    re.IGNORECASE,
)
# A weak trigger ("gathered", "gatherings") counts when something says a gathering took place.
_HELD = re.compile(
    r"\b(?:took\s+place|were\s+held|was\s+held|broke\s+out|erupted|staged|turned\s+out|"
    r"(?:gathered|assembled|converged)\s+(?:outside|in\s+front\s+of|at|on|near|in)\b)",
    re.IGNORECASE,
)
_CLAIM_CONTEXT = re.compile(
    r"\b(?:demand\w*|against|in\s+protest|protest\w*|slogans?|chant\w*|call(?:ed|ing)?\s+for|"
    r"call(?:ed|ing)?\s+on|placards?|banners?|to\s+(?:oppose|denounce|condemn|express|voice|"
    r"support)|opposing|angry|anger|outrage|over\s+the)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class SentenceInfo:
    """One sentence and what the stages found in it (offsets into the article text)."""

    index: int
    span: Span
    paragraph: int
    text: str
    triggers: list[Trigger] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)  # event-place candidates only
    mentioned: list[PlaceMention] = field(default_factory=list)  # every place named in it
    heading: bool = False
    non_event: bool = False
    habitual: bool = False
    same_day: bool = False  # "the same day": the date of the event told before
    status: tuple[Status, Span] | None = None

    @property
    def anaphoric(self) -> bool:
        return _ANAPHOR.search(self.text) is not None

    @property
    def starts_event(self) -> bool:
        """Can this sentence introduce an event?"""
        if self.heading or self.non_event or not self.triggers:
            return False
        if self.habitual and not self.dates:
            return False
        if max(t.strength for t in self.triggers) >= 2:
            return True
        return _CLAIM_CONTEXT.search(self.text) is not None or _HELD.search(self.text) is not None

    @property
    def elsewhere(self) -> bool:
        return _ELSEWHERE.search(self.text) is not None


@dataclass(slots=True)
class EventFrame:
    """The sentences that report one event, and the date and places they give."""

    sentences: list[int] = field(default_factory=list)  # trigger sentences, in order
    context: list[int] = field(default_factory=list)  # continuation sentences
    date: DateMention | None = None
    places: list[PlaceMention] = field(default_factory=list)
    inherited_date: bool = False
    #: the dateline's town, for a frame begun in the lead paragraph with no place of its own
    lead_place: PlaceMention | None = None

    @property
    def all_sentences(self) -> list[int]:
        return sorted(set(self.sentences) | set(self.context))

    @property
    def last(self) -> int:
        return max(self.all_sentences)

    def localities(self) -> list[PlaceMention]:
        return [p for p in self.places if p.place.locality or p.place.precision.value <= 2]


def segment(
    sentences: list[SentenceInfo], published: dt.date | None = None, lead: PlaceMention | None = None
) -> list[EventFrame]:
    """Group an article's sentences into event frames (see the module docstring for the rules).

    ``lead``: the dateline's town, where the lead paragraph's events are when it names no place:
    a later sentence in another town ("In Saint-Louis, students boycotted lectures on Thursday")
    is another event, even on the lead's day."""
    frames: list[EventFrame] = []
    current: EventFrame | None = None
    first_body = next((s.paragraph for s in sentences if not s.heading), None)
    if lead is not None and lead.place.precision.value > 2:
        lead = None
    for info in sentences:
        if not info.starts_event:
            if current is not None and _continues(info, current, sentences):
                current.context.append(info.index)
            continue
        date = _main_date(info)
        target = None
        if date is not None and current is not None and _refers_back(info, current, sentences):
            if not _date_by_trigger(info, date):
                date = None  # "The strike was called ... after talks collapsed last week"
            elif current.date is not None and current.date.value.overlaps(date.value):
                target = current  # "organised the sit-in on 14 November 2023" after "in November 2023"
        if target is None:
            target = _choose_frame(info, date, current, frames, sentences, published)
        if target is None:
            target = EventFrame()
            if lead is not None and info.paragraph == first_body and not info.places:
                target.lead_place = lead
            frames.append(target)
            source = _date_source(info, current, frames, sentences)
            if date is None and source is not None:
                # "Smaller marches in Valparaíso and Concepción passed off peacefully."
                target.date, target.inherited_date = source.date, True
            elif date is None and info.same_day:
                # "The same day, students of Gulu University walked out": the day told last,
                # in a sentence with no protest word ("... arrested on Tuesday, 19 November")
                target.date, target.inherited_date = _told_day(info, sentences, published), True
            elif date is None:
                target.date = _recent_date(info, sentences, published) or _scene_date(info, sentences, frames, published)
                target.inherited_date = True
        _absorb(target, info, date)
        current = target
    return frames


# A protest named by a definite noun phrase: "the rally", "its strike", "that sit-in".
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _refers_back(info: SentenceInfo, frame: EventFrame, sentences: list[SentenceInfo]) -> bool:
    """Does the sentence name the event of ``frame`` again ("The strike was called by the union",
    "a day after the party announced the rally"): every unambiguous trigger of the sentence is a
    definite noun phrase, the frame is at most one paragraph before, and no new place is named?"""
    if not _near(info, frame, sentences, 1) or not _places_compatible(frame, info):
        return False
    if _planned_info(info) != _planned(frame, sentences):
        return False  # "the next protest will take place ..." after a report of one held
    return _definite_only(info)


def _definite_only(info: SentenceInfo) -> bool:
    """Is every unambiguous trigger of the sentence a definite noun phrase ("the walkout")?"""
    strong = [t for t in info.triggers if t.strength >= 2]
    text, base = info.text, info.span.start
    return bool(strong) and all(
        _DEFINITE_BEFORE.search(text, max(0, t.span.start - base - 30), t.span.start - base) for t in strong
    )


def _date_by_trigger(info: SentenceInfo, date: DateMention) -> bool:
    """Is the date told with a trigger ("the sit-in on 14 November", "Saturday's rally"), rather
    than with another verb of the sentence ("after talks collapsed last week")?"""
    for t in [t for t in info.triggers if t.strength >= 2]:
        if 0 <= date.span.start - t.span.end <= 40 or 0 <= t.span.start - date.span.end <= 4:
            return True
    return False


# "the 2019 protests", "the 2016 land protests": a date that names an earlier protest.
_ATTRIBUTIVE = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:protests?|uprising|demonstrations?|rall(?:y|ies)|strikes?|"
    r"unrest|riots?|march|marches|revolution|events|movement|crackdown|elections?|massacre|wave)\b",
    re.IGNORECASE,
)


def _main_date(info: SentenceInfo) -> DateMention | None:
    """The date of the sentence's main protest: the date nearest to its first trigger, leaving
    out a date that names another protest ("after a march marking the 2019 uprising")."""
    if not info.dates:
        return None
    text, base = info.text, info.span.start
    attributive = {
        d for d in info.dates
        if d.value.precision.rank >= DatePrecision.MONTH.rank
        and _ATTRIBUTIVE.match(text, d.span.end - base)
    }  # fmt: skip
    named = {
        t.span.start for d in attributive for t in info.triggers
        if 0 <= t.span.start - d.span.end <= 40
    }  # fmt: skip
    free = [t for t in info.triggers if t.span.start not in named]
    if not free:  # the sentence is about the named protest itself
        anchor = info.triggers[0].span.start
        return min(info.dates, key=lambda d: abs(d.span.start - anchor))
    candidates = [d for d in info.dates if d not in attributive]
    if not candidates:
        return None
    anchor = free[0].span.start
    return min(candidates, key=lambda d: abs(d.span.start - anchor))


def _choose_frame(
    info: SentenceInfo,
    date: DateMention | None,
    current: EventFrame | None,
    frames: list[EventFrame],
    sentences: list[SentenceInfo],
    published: dt.date | None,
) -> EventFrame | None:
    if date is not None:
        for frame in reversed(frames):
            if frame.date is not None and not frame.inherited_date:
                if _dates_agree(frame.date, date) and _places_compatible(frame, info):
                    return frame
            elif frame is current and frame.date is None and _near(info, frame, sentences, 2):
                # an undated report just told takes the date, unless the tense differs ("no
                # gathering took place" ... "have announced a vigil on Sunday")
                if _places_compatible(frame, info) and _planned(frame, sentences) == _planned_info(info):
                    return frame
        return None
    if current is None or info.elsewhere:
        return None
    if _is_background(current, published) and not info.anaphoric:
        return None  # "Supporters gathered outside the court" after a trial for a 2022 rally
    if _places_compatible(current, info) and (
        _same_paragraph(info, current, sentences) or (info.anaphoric and _near(info, current, sentences, 1))
    ):
        return current
    if info.places:
        # "In Lyon, about 6,000 people marched": a place the event's report listed before.
        listed = [f for f in frames if _lists_places(f, info) and _near(info, f, sentences, 2)]
        if listed:
            return listed[-1]
        # "The company called the walkout unlawful and filed a suit at the Gebze labour court":
        # the protest named again, with a place the event's own contains
        if _definite_only(info):
            again = [
                f for f in frames
                if f.places and _places_compatible(f, info) and _near(info, f, sentences, 2)
                and _planned(f, sentences) == _planned_info(info)
            ]  # fmt: skip
            if again:
                return again[-1]
        # An undated report of a town whose undated event was told before (a live blog's entries,
        # a summary and the details): one event per town and day.
        undated = [f for f in frames if f.date is None and _same_towns(f, info) and _planned(f, sentences) == _planned_info(info)]
        return undated[-1] if undated else None  # else a new event (it may inherit the date)
    # A dateless report in the next paragraphs elaborates an event told above: the latest one
    # of the same tense (a planned protest for "will march", a past one otherwise); an undated
    # frame just before counts too ("2,000 gathered on Kaplan Street. ... dozens blocked the highway").
    planned = info.status is not None and info.status[0] == Status.PLANNED
    reachable = [
        f for f in frames
        if (f.date is not None or (f is current and not planned and not _planned(f, sentences)))
        and _near(info, f, sentences, 2)
    ]  # fmt: skip
    same_tense = [f for f in reachable if _is_future(f, published) == planned]
    return (same_tense or [None])[-1]


def _date_source(
    info: SentenceInfo, current: EventFrame | None, frames: list[EventFrame], sentences: list[SentenceInfo]
) -> EventFrame | None:
    """The frame whose date a new, dateless frame takes: the latest dated one for "the same day",
    the current one up to two paragraphs back for a sentence that names a new place."""
    if info.same_day:
        return next((f for f in reversed(frames[:-1]) if f.date is not None), None)
    if info.places and current is not None and _near(info, current, sentences, 2):
        return current
    return None


def _told_day(info: SentenceInfo, sentences: list[SentenceInfo], published: dt.date | None) -> DateMention | None:
    """The last day told before the sentence, within three paragraphs and the current window."""
    if published is None:
        return None
    for prev in reversed(sentences[: info.index]):
        if info.paragraph - prev.paragraph > 3:
            break
        if prev.heading:
            continue
        days = _window_days(prev, published)
        if days:
            return days[-1]
    return None


def _recent_date(info: SentenceInfo, sentences: list[SentenceInfo], published: dt.date | None) -> DateMention | None:
    """The latest date of the current window told earlier in the sentence's paragraph ("The trial
    opened on Monday.  Supporters gathered outside the court")."""
    if published is None:
        return None
    window = published - dt.timedelta(days=14)
    for prev in reversed(sentences[: info.index]):
        if prev.paragraph != info.paragraph:
            break
        recent = [d for d in prev.dates if window <= d.value.start <= published]
        if recent:
            return recent[-1]
    # A report far below the lead, tied to the lead's news by "as" or "when" ("stood outside the
    # court as the verdict was read"): the day of the news the lead told.
    if not _WHILE_NEWS.search(info.text):
        return None
    lead = next((s.paragraph for s in sentences if not s.heading), 0)
    for prev in sentences[: info.index]:
        if prev.paragraph > lead + 1:
            break
        if prev.heading:
            continue
        recent = _window_days(prev, published)
        if recent:
            return recent[-1]
    return None


# A sentence that sets the scene of a gathering: the police deployed, a crowd forming, the day's
# events beginning ("On Saturday, officers were deployed to the square", "Tuesday's events began").
_SCENE = re.compile(
    r"\b(?:police|officers|riot\s+police|security\s+forces|troops|gendarm\w*|deploy\w*|"
    r"cordon\w*|sealed\s+off|barricad\w*|crowds?|gather\w*|assembl\w*|converg\w*|"
    r"(?:day|morning|evening|night)['’]s\s+events|events\s+(?:began|started|unfolded)|"
    r"began\s+to\s+(?:form|gather|arrive)|arriv\w*|squares?)\b",
    re.IGNORECASE,
)
# ... and not a sentence whose date is that of a ruling, a statement, a decision or a vote.
_NOT_SCENE = re.compile(
    r"\b(?:court|ruled|ruling|verdict|sentenced|judges?|trial|hearing|statement|released?|issued|"
    r"published|announced|announcement|said|says|told|press\s+conference|decree|signed|"
    r"approved|passed|voted|vote|law|bill|decision|decided|report(?:ed)?)\b",
    re.IGNORECASE,
)
_SCENE_REACH = 3  # sentences back, within the paragraph


def _scene_date(
    info: SentenceInfo, sentences: list[SentenceInfo], frames: list[EventFrame], published: dt.date | None
) -> DateMention | None:
    """A day told in a sentence without a protest word just before, in the same paragraph, that
    sets the same scene ("On Saturday 12 April, officers were deployed to Dizengoff Square ...",
    "Tuesday's events began at 7 a.m. when ..."): the scene words or the same place tie it to the
    protest; a date of a ruling, a statement or of an event already coded is not taken, nor one
    outside the codebook's current window (14 days before publication)."""
    if published is None:
        return None
    coded = {i for f in frames for i in f.all_sentences}
    places = info.places or info.mentioned
    for prev in reversed(sentences[max(0, info.index - _SCENE_REACH) : info.index]):
        if prev.paragraph != info.paragraph:
            # a paragraph before that opens with the day ("Last Saturday afternoon, Sejong-daero
            # had two soundtracks."): the scene the next paragraph describes
            if prev.paragraph == info.paragraph - 1 and not (prev.heading or prev.triggers) and (
                prev.index not in coded and not _NOT_SCENE.search(prev.text)
            ):
                opening = [d for d in _window_days(prev, published) if d.span.start - prev.span.start <= 3]
                if opening:
                    return opening[0]
            break
        if prev.heading or prev.index in coded:
            break  # the date of another event already coded
        if prev.triggers or _NOT_SCENE.search(prev.text):
            continue
        same_place = any(_same_place(p, q) for p in places for q in prev.mentioned)
        if not same_place and not _SCENE.search(prev.text):
            continue
        recent = _window_days(prev, published)
        if recent:
            return recent[-1]
    return None


def _window_days(info: SentenceInfo, published: dt.date) -> list[DateMention]:
    """The days a sentence tells within the codebook's current window (the 14 days up to
    publication); a sentence without a trigger has had no date search, so it is searched now."""
    window = published - dt.timedelta(days=14)
    told = info.dates or _dates_in(info, published)
    return [d for d in told if window <= d.value.start <= published and d.value.precision == DatePrecision.DAY]


def _dates_in(info: SentenceInfo, published: dt.date) -> list[DateMention]:
    base = info.span.start
    return [
        DateMention(Span(d.span.start + base, d.span.end + base), d.text, d.value)
        for d in find_dates(info.text, published)
    ]


_WHILE_NEWS = re.compile(
    r"\b(?:as|while|when)\s+(?:the\s+)?(?:verdict|sentence|ruling|judgment|judgement|trial|hearing|vote|"
    r"debate|session|meeting|summit|visit|funeral|court)\b",
    re.IGNORECASE,
)


def _is_background(frame: EventFrame, published: dt.date | None) -> bool:
    """A frame dated before the current window (codebook §3.1: 14 days before publication)."""
    if published is None or frame.date is None:
        return False
    return frame.date.value.end < published - dt.timedelta(days=14)


def _is_future(frame: EventFrame, published: dt.date | None) -> bool:
    return published is not None and frame.date is not None and frame.date.value.start > published


def _absorb(frame: EventFrame, info: SentenceInfo, date: DateMention | None) -> None:
    frame.sentences.append(info.index)
    if date is not None and (
        frame.date is None
        or frame.inherited_date
        or date.value.precision.rank < frame.date.value.precision.rank
    ):
        frame.date, frame.inherited_date = date, False
    for mention in info.places:
        if not any(_same_place(mention, p) for p in frame.places):
            frame.places.append(mention)


def _dates_agree(frame_date: DateMention, new: DateMention) -> bool:
    """Same event by date: the dates overlap, and the new one is not finer than the frame's (a
    day inside "earlier this month" is another event, one day per event by the codebook; a day
    inside "over the weekend" is the same one told in detail)."""
    a, b = frame_date.value, new.value
    if not a.overlaps(b):
        return False
    # "over the weekend ... On Saturday": a day of the week told before is the same report.
    return b.precision.rank >= a.precision.rank or a.precision == DatePrecision.WEEK


def _planned_info(info: SentenceInfo) -> bool:
    return info.status is not None and info.status[0] == Status.PLANNED


def _planned(frame: EventFrame, sentences: list[SentenceInfo]) -> bool:
    """Was the frame's event first told as planned ("will rally")?"""
    return _planned_info(sentences[frame.sentences[0]])


def _same_towns(frame: EventFrame, info: SentenceInfo) -> bool:
    """Does the sentence name only towns, all of them among the frame's?"""
    towns = [p for p in info.places if p.place.locality]
    return len(towns) == len(info.places) and all(any(_same_place(p, q) for q in frame.places) for p in towns)


def _lists_places(frame: EventFrame, info: SentenceInfo) -> bool:
    """Did the frame already name every place of the sentence, among several of its own?"""
    return len(frame.places) > 1 and all(any(_same_place(p, q) for q in frame.places) for p in info.places)


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    pa, pb = a.place, b.place
    return (pa.country, pa.admin1, pa.locality) == (pb.country, pb.admin1, pb.locality)


def _contains(coarse: PlaceMention, fine: PlaceMention) -> bool:
    """Does ``coarse`` contain ``fine`` (same country, and same admin1 where both have one)?"""
    pc, pf = coarse.place, fine.place
    if pc.country != pf.country:
        return False
    if pc.locality:
        return pc.locality == pf.locality
    if pc.admin1 and pf.admin1:
        return pc.admin1 == pf.admin1
    return True


def _places_compatible(frame: EventFrame, info: SentenceInfo) -> bool:
    """True when the sentence's places do not contradict the frame's: every new place contains or
    is contained in one the frame has.  A new locality in a frame with a locality is a new event.
    A frame of the lead paragraph that names no place is at the dateline's town."""
    places = frame.places or ([frame.lead_place] if frame.lead_place is not None else [])
    if not info.places or not places:
        return True
    for new in info.places:
        if not any(_contains(old, new) or _contains(new, old) for old in places):
            return False
    return True


def _paragraph_of(index: int, sentences: list[SentenceInfo]) -> int:
    return sentences[index].paragraph


def _same_paragraph(info: SentenceInfo, frame: EventFrame, sentences: list[SentenceInfo]) -> bool:
    return _paragraph_of(frame.last, sentences) == info.paragraph


def _near(info: SentenceInfo, frame: EventFrame, sentences: list[SentenceInfo], gap: int) -> bool:
    """Is the sentence at most ``gap`` paragraphs after the frame's last report of the event?"""
    return info.paragraph - _paragraph_of(frame.sentences[-1], sentences) <= gap


def _continues(info: SentenceInfo, frame: EventFrame, sentences: list[SentenceInfo]) -> bool:
    """A trigger-less sentence right after a frame sentence, in its paragraph, or referring back."""
    if info.heading or info.non_event:
        return False
    if frame.last == info.index - 1 and _same_paragraph(info, frame, sentences):
        return True
    return info.anaphoric and frame.last >= info.index - 2 and _near(info, frame, sentences, 1)

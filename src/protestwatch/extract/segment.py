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

    @property
    def all_sentences(self) -> list[int]:
        return sorted(set(self.sentences) | set(self.context))

    @property
    def last(self) -> int:
        return max(self.all_sentences)

    def localities(self) -> list[PlaceMention]:
        return [p for p in self.places if p.place.locality or p.place.precision.value <= 2]


def segment(sentences: list[SentenceInfo], published: dt.date | None = None) -> list[EventFrame]:
    """Group an article's sentences into event frames (see the module docstring for the rules)."""
    frames: list[EventFrame] = []
    current: EventFrame | None = None
    for info in sentences:
        if not info.starts_event:
            if current is not None and _continues(info, current, sentences):
                current.context.append(info.index)
            continue
        date = _main_date(info)
        target = _choose_frame(info, date, current, frames, sentences, published)
        if target is None:
            target = EventFrame()
            frames.append(target)
            source = _date_source(info, current, frames, sentences)
            if date is None and source is not None:
                # "Smaller marches in Valparaíso and Concepción passed off peacefully."
                target.date, target.inherited_date = source.date, True
            elif date is None:
                target.date, target.inherited_date = _recent_date(info, sentences, published), True
        _absorb(target, info, date)
        current = target
    return frames


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
                if _places_compatible(frame, info):
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
        return listed[-1] if listed else None  # else a new event (it may inherit the date)
    # A dateless report in the next paragraphs elaborates an event told above: the latest one
    # of the same tense (a planned protest for "will march", a past one otherwise).
    planned = info.status is not None and info.status[0] == Status.PLANNED
    reachable = [f for f in frames if f.date is not None and _near(info, f, sentences, 2)]
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


def _recent_date(info: SentenceInfo, sentences: list[SentenceInfo], published: dt.date | None) -> DateMention | None:
    """The latest date of the current window told earlier in the sentence's paragraph ("The trial
    opened on Monday.  Supporters gathered outside the court")."""
    if published is None:
        return None
    window = published - dt.timedelta(days=14)
    for prev in reversed(sentences[: info.index]):
        if prev.paragraph != info.paragraph:
            return None
        recent = [d for d in prev.dates if window <= d.value.start <= published]
        if recent:
            return recent[-1]
    return None


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
    is contained in one the frame has.  A new locality in a frame with a locality is a new event."""
    if not info.places or not frame.places:
        return True
    for new in info.places:
        if not any(_contains(old, new) or _contains(new, old) for old in frame.places):
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

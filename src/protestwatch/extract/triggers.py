"""Protest triggers: the words that say a protest happened, and what kind.

Reads: one sentence of text.  Writes: ``Trigger`` findings (span, PLOVER form, tactic, strength)
and sentence-level cues (non-event contexts, habitual statements, planned/prevented modality).

The lexicon is English; another language supplies its own module with the same functions (see
``protestwatch.lang``).  Everything here is a pure function of the text, so that the parametrised
tests need no model.

Where it fails: metaphors ("a rally in oil prices" is filtered, but rarer idioms may pass), and
protests named only by a proper noun ("the Jeltoqsan events") with no trigger word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from protestwatch.model import Form, Span, Status, Tactic


@dataclass(frozen=True, slots=True)
class Trigger:
    """A protest word in a sentence.  ``strength`` is 2 for an unambiguous protest noun or verb,
    1 for a word that needs context (gathered, blocked, occupied, clashes)."""

    span: Span
    word: str
    form: Form
    tactic: Tactic | None
    strength: int


# (pattern, form, tactic, strength), tried in order; the first match at a position wins.
_LEXICON: tuple[tuple[str, Form, Tactic | None, int], ...] = (
    (r"hunger[- ]strik(?:e|es|ers|ing)", Form.HUNGER_STRIKE, None, 2),
    (r"(?:single|one)[- ](?:person|man|woman)\s+pickets?|solo\s+pickets?|lone\s+picket(?:s|ers?)?",
     Form.DEMONSTRATE, Tactic.SINGLE_PERSON_PICKET, 2),
    (r"sit-?ins?|sat\s+in", Form.DEMONSTRATE, Tactic.SIT_IN, 2),
    (r"(?:sat|sitting|sit)\s+(?:down\s+)?(?:outside|in\s+front\s+of|on\s+the\s+(?:ground|steps|floor|road|"
     r"forecourt|pavement|tarmac|asphalt|street|square))",
     Form.DEMONSTRATE, Tactic.SIT_IN, 1),
    (r"(?:candle(?:light|lit)\s+)?vigils?", Form.DEMONSTRATE, Tactic.VIGIL, 2),
    (r"flash\s?mobs?", Form.DEMONSTRATE, Tactic.FLASH_MOB, 2),
    (r"lit\s+candles|laid\s+flowers|light\s+candles", Form.DEMONSTRATE, Tactic.VIGIL, 1),
    (r"unfurled\s+(?:a\s+|their\s+)?(?:\w+\s+)?banners?|chanted|chanting|(?:held|holding)\s+(?:up\s+)?"
     r"(?:placards|banners|posters|signs|(?:photographs|photos|portraits|pictures)\s+of)|"
     r"waving\s+(?:placards|banners)", Form.DEMONSTRATE, None, 1),
    (r"(?:walked|rode|drove|paraded|processed|cycled)\s+(?:(?!motorcade|march|rally|convoy|procession)"
     r"\w+\s+){0,3}?(?:to|through|towards|along|down|past)\s", Form.DEMONSTRATE, Tactic.MARCH, 1),
    (r"motorcades?|car\s+rall(?:y|ies)|convoys?\s+of\s+(?:cars|trucks|tractors)",
     Form.DEMONSTRATE, Tactic.MOTORCADE, 2),
    (r"road\s*blocks?|blockad(?:e|es|ed|ing)", Form.OBSTRUCT, Tactic.ROAD_BLOCK, 2),
    (r"block(?:ed|ing|s)?\s+(?:for\s+(?:several\s+|many\s+|two\s+|three\s+|\d+\s+)?hours\s+)?"
     r"(?:the\s+|a\s+)?(?:[\w–-]+\s+){0,2}(?:road|roads|highway|highways|motorway|street|"
     r"streets|traffic|bridge|railway|rail\s+line|entrance|access|border\s+crossing)",
     Form.OBSTRUCT, Tactic.ROAD_BLOCK, 2),
    # vehicles put across a road: "parked their tractors across the national highway"
    (r"(?:parked|placed|lined\s+up|drove|left|positioned)\s+(?:their\s+|the\s+|dozens\s+of\s+|hundreds\s+of\s+)?"
     r"(?:tractors|trucks|lorries|vehicles|cars|buses|minibuses|taxis|trailers)\s+(?:across|on)\s+(?:the\s+|a\s+)?"
     r"(?:[\w–-]+\s+){0,3}?(?:road|roads|highway|highways|motorway|street|streets|bridge|junction|crossing)",
     Form.OBSTRUCT, Tactic.ROAD_BLOCK, 2),
    (r"pickets?|picket(?:ed|ing|ers)", Form.DEMONSTRATE, Tactic.PICKET, 2),
    (r"march(?:ed|es|ers|ing)?", Form.DEMONSTRATE, Tactic.MARCH, 2),
    (r"rall(?:y|ies|ied|ying)", Form.DEMONSTRATE, Tactic.RALLY, 2),
    (r"occup(?:y|ied|ying|ation\s+of)", Form.DEMONSTRATE, Tactic.OCCUPATION, 1),
    (r"encampments?|tent\s+camps?", Form.DEMONSTRATE, Tactic.OCCUPATION, 2),
    # a night spent or a camp pitched at an institution: "spent Tuesday night in the compound of
    # the City Council offices", "camped outside the ministry"
    (r"(?:spent|spending|spend)\s+(?:the|a|\w+day)\s+night\s+(?:in|at|outside|on|in\s+front\s+of)\s+(?:the\s+)?"
     r"(?:[\w'’-]+\s+){0,6}?(?:compound|premises|offices?|building|forecourt|gates?|square|parliament|"
     r"ministry|council|city\s+hall|town\s+hall|administration|court|headquarters|lobby)|"
     r"(?:camped|camping|camp)\s+(?:out\s+)?(?:overnight\s+)?(?:in|at|outside|on|in\s+front\s+of)\s+(?:the\s+)?"
     r"(?:[\w'’-]+\s+){0,4}?(?:compound|premises|offices?|building|gates?|square|parliament|ministry|"
     r"council|city\s+hall|town\s+hall|administration|court|headquarters)",
     Form.DEMONSTRATE, Tactic.OCCUPATION, 2),
    (r"riot(?:s|ed|ers|ing)?", Form.RIOT, None, 2),
    (r"(?:looted|looting|(?:set|setting|sets)\s+(?:fire|ablaze)|torched|torching|"
     r"(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+)?(?:stones|rocks|bricks|bottles|"
     r"petrol\s+bombs|molotov\s+cocktails|firebombs))", Form.RIOT, None, 1),
    (r"vandali[sz](?:ed|ing|m)|defaced|(?:smashed|smashing|broke|breaking)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
     r"(?:windows|window|glass|fronts|facades?|doors|windscreens|shopfronts|storefronts|cameras)|"
     r"(?:set|setting|sets)\s+(?:[\w-]+\s+){1,6}?(?:alight|ablaze|on\s+fire)", Form.VANDALIZE, None, 1),
    (r"boycott(?:s|ed|ing)?", Form.BOYCOTT, None, 2),
    # students leaving class: "walked out of morning classes" (a boycott of teaching, not a strike)
    (r"walk(?:ed|ing|s)?\s+out\s+of\s+(?:their\s+|the\s+|morning\s+|afternoon\s+)?(?:lectures|classes|"
     r"lessons|school|schools|exams?|courses|class)", Form.BOYCOTT, None, 2),
    (r"(?:general\s+)?strik(?:e|es|ers|ing)|walk(?:ed)?[- ]?outs?|walked\s+off\s+the\s+job|"
     r"downed\s+tools|stopped\s+work|went\s+on\s+strike|go-?slows?", Form.STRIKE, None, 2),
    (r"demonstrat(?:ion|ions|ors?|ed|ing|e)", Form.DEMONSTRATE, None, 2),
    (r"protest(?:s|ed|ers?|ing|ors?)?", Form.DEMONSTRATE, None, 2),
    (r"(?:took|take|taking|takes)\s+to\s+the\s+streets|(?:return(?:s|ed|ing)?|go(?:es|ing)?\s+back|"
     r"went\s+back|came\s+back|come\s+back)\s+(?:on)?to\s+the\s+streets|(?:poured|spilled|came|went|flooded|brought"
     r"\s+(?:\w+\s+){0,2}(?:out\s+)?)\s*(?:on|onto|into)\s+the\s+streets?", Form.DEMONSTRATE, None, 2),
    (r"gather(?:ed|ing|ings)?|assembled|converged", Form.DEMONSTRATE, None, 1),
    # a crowd filling a street, people standing with placards (need a claim around them)
    (r"(?:filled|packed|thronged|jammed)\s+(?:the\s+|all\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:lanes|streets?|"
     r"squares?|avenues?|boulevards?|plazas?|roads?)", Form.DEMONSTRATE, Tactic.RALLY, 1),
    (r"(?:stood|standing|sat|sitting)\s+(?:[\w-]+\s+){0,6}?with\s+(?:[\w-]+\s+){0,2}?(?:placards|"
     r"banners|posters|signs|portraits)", Form.DEMONSTRATE, None, 1),
    (r"clash(?:es|ed|ing)?\s+with\s+(?:the\s+)?(?:police|security|riot|troops|soldiers|officers)|"
     r"(?:fought|fighting|fight)\s+(?:running\s+|pitched\s+|street\s+)?battles?\s+with\s+(?:the\s+)?"
     r"(?:riot\s+)?(?:police|security|troops|soldiers|officers|gendarmes)",
     Form.RIOT, None, 2),
    (r"(?:answered|responded|retaliated|replied)\s+with\s+(?:\w+\s+)?(?:stones|rocks|bricks|bottles|"
     r"petrol\s+bombs|molotov\s+cocktails|firebombs)", Form.RIOT, None, 1),
    (r"unrest", Form.DEMONSTRATE, None, 1),
)  # fmt: skip

_TRIGGER_RE = re.compile(
    "|".join(f"(?P<t{i}>\\b(?:{pat})\\b)" for i, (pat, *_rest) in enumerate(_LEXICON)),
    re.IGNORECASE,
)

# A trigger word used in a sense that is not a protest.
_IDIOMS = re.compile(
    r"\b(?:strik(?:e|es|ing)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:deal|balance|chord|note|bargain|"
    r"agreement|pose|compromise)|strike\s+(?:price|rate|down|out|back)|"
    r"(?:air|drone|missile|military|lightning|first|pre-?emptive|retaliatory|rocket)\s*-?\s*strikes?|"
    r"protest\s+(?:vote|votes|voters|song|songs|party|music|art|note)|"
    r"(?:note|letter)\s+of\s+protest|(?:lodged?|lodging|filed|sent|delivered|registered|issued)\s+"
    r"[\"“]?(?:a\s+|an\s+)?(?:formal\s+|strong\s+|official\s+|diplomatic\s+)?protests?|"
    # a description of something else: "the elections have been described ... as a giant
    # protest", "a petition ... was reported as a wave of protest"
    r"(?:described|reported|seen|read|interpreted|viewed|characteri[sz]ed|dubbed|hailed|branded)\b"
    r"[^.]{0,70}?\bas\s+[\"“]?(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:wave\s+of\s+)?protest\b|"
    # a name for something else: "call the flag-waving a quiet protest", "dubbed a protest"
    r"(?:call(?:ed|s|ing)?|dubb(?:ed|ing)|term(?:ed|ing)|label(?:l?ed|l?ing))\s+(?:the\s+|it\s+|this\s+|"
    r"that\s+)?(?:[\w-]+\s+){0,2}[\"“]?(?:a|an)\s+(?:\w+\s+){0,2}protest\b|"
    r"protested\s+(?:his|her|their)\s+innocence|under\s+protest|"
    # an institution's members leaving a sitting, a protest "registered" in it
    r"walk(?:ed|s|ing)?\s*-?\s*out\s+(?:of|from)\s+(?:the\s+|a\s+|its\s+|their\s+|(?:[\w'’]+\s+)?[\w'’]+['’]s\s+)?"
    r"(?:[\w-]+\s+)?(?:meeting|session|sitting|talks|negotiations|chamber|parliament|assembly|debate|hearing|"
    r"plenary|vote|council|house|senate|congress|dewan)\b(?:\s*,?\s*[\"“]?in\s+protest[\"”]?)?|"
    r"(?:staged|stage|staging)\s+a\s+walk-?out\s+(?:from|of|in)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:meeting|session|"
    r"sitting|talks|chamber|parliament|assembly|debate|hearing|plenary|council|house|senate|congress)\b|"
    r"(?:registered|recorded|voiced|expressed|noted)\s+(?:their|his|her|its|a|an|our)\s+(?:\w+\s+)?protest\b|"
    # sport: "Al Ahly's march to the title"
    r"march\s+(?:to|towards)\s+(?:the|a|an|their|its|his|her)\s+(?:[\w-]+\s+){0,2}(?:title|championship|"
    r"final|finals|cup|trophy|victory|win|promotion|crown|gold|medal|record)\b|"
    r"(?:stocks?|shares?|markets?|prices?|dollar|euro|rupee|bonds?|oil|gold|index|equities|"
    r"rouble|ruble|tenge|yuan|lira|peso|currency|bitcoin|crypto\w*|futures)\s+(?:\w+\s+)?"
    r"rall(?:y|ies|ied|ying)|relief\s+rall(?:y|ies)|rally\s+(?:driver|drivers|car|racing|cross)|"
    r"rall(?:y|ied|ying)\s+(?:support|behind|around|to\s+(?:win|beat|victory|a\s+\d))|"
    r"election\s+rall(?:y|ies)|campaign\s+rall(?:y|ies)|"
    r"rall(?:y|ies|ied|ying)\s+(?:(?:by|of|as\s+much\s+as|nearly|almost|more\s+than)\s+)?\d[\d.,]*\s*"
    r"(?:%|percent|per\s+cent|points|cents|basis)|rall(?:y|ied|ying)\s+(?:sharply|strongly|higher)|"
    r"demonstrat(?:ed|es|ing|e)\s+(?:that|how|its|his|her|their|the\s+(?:ability|need|value|"
    r"importance|strength|power))|"
    r"march\s+madness|(?:in|on|since|until|by|from|of|last|this|next|early|late|mid)[- ]march\b|"
    r"march\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?march\b|march,?\s+\d{4}|"
    r"(?:testimon(?:y|ies)|evidence|data|information|statements|accounts|samples)\s+gathered|"
    r"gathered\s+by\s+(?!(?:the\s+)?(?:thousands|hundreds|dozens))|"
    r"gather(?:ed|ing)\s+(?:(?:more\s+than\s+|over\s+|nearly\s+|some\s+)?[\d,.]+\s+)?(?:evidence|information|data|intelligence|dust|momentum|pace|speed|"
    r"support|signatures)|occupied\s+(?:territor\w+|by\s+(?:russia|israel|the\s+army))|"
    r"(?:bowling|batting|fast|spin|strike)\s+(?:attack|bowler|rate)|free\s+kick|"
    r"rally\s+(?:round|to\s+the)|"
    r"(?:israeli|russian|occupied|occupation)\s+(?:forces|army|troops|authorities)|"
    r"(?:anti-?)?riot\s+(?:police|policemen|officers|gear|squads?|units?|troops|shields?|control|act)|"
    r"strike\s+(?:force|team|zone)|(?:buyers|consumers|investors)['’]?\s+strike|"
    # metaphors of the kitchen and the arts: "a protest of flavours", "the pastry marched onto the
    # menu", "my stomach staged a protest" (the protester is a dish, a taste or an organ, not people)
    r"(?:protests?|rall(?:y|ies)|march|revolt|strike)\s+of\s+(?:the\s+)?(?:flavou?rs?|tastes?|spices?|"
    r"textures?|colou?rs?|aromas?|sweetness|sugar|the\s+senses|the\s+palate)|"
    r"march(?:ed|es|ing)?\s+(?:\w+\s+)?(?:onto|on\s+to|into|across|off)\s+(?:the\s+|our\s+|your\s+)?"
    r"(?:menus?|plates?|tables?|palates?|shelves|counters?|catwalks?|charts?|screens?)|"
    r"march\s+(?:toward|towards)\s+(?:\w+\s+)?(?:bread|food|eating|cooking|cuisine|recipes?|flavou?rs?)|"
    r"(?:stomachs?|palates?|taste\s*buds|tongues?|pastr(?:y|ies)|dish(?:es)?|desserts?|recipes?|"
    r"flavou?rs?|menus?|sauces?|spices?|cakes?|ovens?)\s+(?:\w+\s+){0,2}?(?:staged|held|mounted|"
    r"launched)\s+(?:a\s+|an\s+|its\s+|their\s+)?(?:\w+\s+)?(?:protests?|rall(?:y|ies)|"
    r"marches|march|revolt|strikes?|sit-?ins?)|"
    r"(?:stomachs?|palates?|taste\s*buds|tongues?|pastr(?:y|ies)|dish(?:es)?|desserts?|recipes?|"
    r"flavou?rs?|sauces?|spices?|cakes?)\s+(?:\w+\s+)?(?:protested|marched|rallied|rioted|went\s+on\s+strike)|"
    r"loot(?:ing|ed)\s+(?:of\s+)?(?:the\s+)?(?:country|state|nation|treasury|economy|budget|public\s+"
    r"(?:funds|money|purse)))",
    re.IGNORECASE,
)

# Sentences that mention protest words but report no protest event (codebook §1, §3.14).
_NON_EVENT = re.compile(
    r"\b(?:(?:referee|umpire|linesman|(?-i:VAR)|penalty|penalties|red\s+card|yellow\s+card|offside)\b|"
    r"summon(?:ed|s|ing)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:ambassador|envoy|charg[ée]\s+d)|"
    r"diplomatic\s+protest|foreign\s+(?:ministry|office|affairs)\s+(?:\w+\s+)?protest\w*|"
    r"protest(?:s|ed|ing)?\s+in\s+the\s+strongest\s+(?:possible\s+)?terms|"
    r"(?:government|ministry|foreign\s+office|embassy|state\s+department|kremlin)\s+"
    r"(?:of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+)?(?:has\s+|had\s+)?"
    r"(?:protest(?:s|ed)|lodged)\b|"
    r"online\s+(?:protest|petition|campaign|boycott(?:\s+calls?)?|appeal)|petition(?:s|ed)?\s+(?:signed|online)|"
    r"spoil(?:ed|t|ing)?\s+(?:their\s+|the\s+|his\s+|her\s+)?ballots?|"
    r"social[- ]media\s+(?:campaign|call|appeal)|(?:shared|retweeted|reposted)\s+(?:more\s+than\s+|over\s+)?"
    r"[\d,.]+\s+(?:times|million)|"
    r"hashtag|social\s+media\s+campaign|"
    # the vote as a protest: "a protest vote", "took to the ballot box to protest"
    r"ballot\s+box|(?:voters|electorate)\s+(?:\w+\s+){0,6}protest\w*|"
    # an explicit denial: "were not a protest", "Marches that are not protests"
    r"(?:is|are|was|were|be)\s+not\s+(?:a\s+|an\s+)?(?:protests?|demonstrations?|rall(?:y|ies))\b|"
    r"protest(?:ed|ing|s)?\s+(?:to|with)\s+the\s+(?:referee|umpire|organi[sz]ers\s+of\s+the\s+match))",
    re.IGNORECASE,
)

# Habitual or generic statements with no single event behind them (codebook §3.14).
_HABITUAL = re.compile(
    r"\b(?:every\s+year|each\s+year|almost\s+every|regular(?:ly)?\s+occurr\w*|a\s+regular\s+"
    r"occurrence|frequent(?:ly)?|often|routinely|usually|tend\s+to|from\s+time\s+to\s+time|"
    r"have\s+(?:long\s+)?been\s+(?:common|frequent|rare)|(?:are|is|remains?|remained|have\s+become|"
    r"has\s+become)\s+(?:\w+\s+)?(?:common|frequent|rare|uncommon|commonplace)|"
    r"(?:could|might|may|would)\s+(?:\w+\s+){0,2}(?:spark|trigger|provoke|lead\s+to|cause)|"
    r"(?:risk|threat|fear|fears|danger|prospect|wave)\s+of\s+(?:\w+\s+)?(?:protests|unrest|strikes)|"
    r"(?:city|country|nation|land|culture|tradition|capital|people)\s+of\s+(?:street\s+)?protests?\b|"
    r"(?:has|have)\s+been\s+(?:held|staged|organi[sz]ed)\s+(?:[\w'’-]+\s+){0,5}?for\s+(?:more\s+than\s+|"
    r"over\s+|nearly\s+|almost\s+)?(?:\w+\s+)?(?:years|decades)|"
    r"(?:spark|sparked|trigger|triggered|fuel|fuelled|fueled)\s+(?:\w+\s+)?(?:protests|unrest|"
    r"anger|outrage)\s+(?:across|in)\s+(?:the\s+)?(?:region|world)|"
    r"no\s+(?:protests?|rall(?:y|ies)|demonstrations?|strikes?)\s+(?:\w+\s+){0,3}"
    r"(?:held|took\s+place|reported|planned|occurred)|"
    r"(?:did\s+not|didn't|never)\s+(?:\w+\s+)?(?:protest|rally|march|strike|demonstrate|take\s+place))\b",
    re.IGNORECASE,
)

# A future or intention cue; it counts only when it governs a trigger (stands just before it).
_PLANNED = re.compile(
    r"\b(?:will|would|shall|plan(?:s|ned)?\s+to|planning(?:\s+to)?|intends?\s+to|intend\s+to|"
    r"(?:is|are)\s+(?:set|scheduled|expected|due)\s+to|scheduled\s+for|to\s+be\s+held|upcoming|"
    r"planned|announced|(?:have|has|had)\s+called|calls?\s+for|called\s+(?:for|a|an)|"
    r"vow(?:ed|s)?\s+to|threaten(?:ed|s)?\s+to|pledged\s+to|promised\s+to|"
    r"expects?\s+(?:\w+\s+){0,2}to|expected|urged\s+(?:\w+\s+){0,3}to|"
    r"(?:applied|asked|sought)\s+(?:for\s+)?(?:permission|a\s+permit|approval)|"
    r"(?:given|gave|serve[sd]?)\s+notice\s+of|are\s+going\s+to|is\s+going\s+to|"
    r"next\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow)\b",
    re.IGNORECASE,
)
# A cue after the trigger: "the rally, scheduled for Saturday", "a strike has been called for Monday".
_PLANNED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?,?\s*(?:(?:is|are|has\s+been|have\s+been|was|were)\s+)?"
    r"(?:scheduled|planned|called|set|due|slated|announced)\s+(?:for|to|on)\b|"
    r"^\s+(?:starting|beginning|due\s+to\s+start)\s+(?:on|from|next|at)\b",
    re.IGNORECASE,
)
# What may stand between a planned cue and the trigger it governs ("will hold a mass rally").
_GOVERNED_GAP = re.compile(
    r"(?:\s+|\b)(?:(?:hold|holding|stage|staging|organi[sz]e|launch|start|begin|continue|resume|join|"
    r"go|take|a|an|the|another|new|their|its|his|her|mass|large|big|nationwide|national|general|"
    r"indefinite|street|on|be|held|again|also|peaceful|public|second|third|fresh|series|of|more|"
    r"further|possible|day-long|one-day|two-day|week-long|similar|rally|march|protest|to|in|"
    r"front|outside|at|carry|out|announce[sd]?|thousands|hundreds|people|supporters|members|"
    r"workers|citizens|everyone|residents|\d+-(?:hour|day|week)|24-hour|48-hour|72-hour|"
    r"warning|token|they|we|them|for|[a-z]+-?wide|weekly|daily|simultaneous|joint)\s+){0,6}"
    # then an article and up to two more modifiers, or a quotation mark: a "mass prayer rally",
    # a large peaceful demonstration (not "would dock strikers' pay")
    r"(?:(?:a|an|the|their|its)\s+[\"“‘']?(?:(?-i:[a-z][a-z-]*)\s+){1,2}[\"“‘']?|[\"“‘'])?$",
    re.IGNORECASE,
)
_PREVENTED = re.compile(
    r"\b(?:(?:detained|detaining|arrested|arresting|stopped|intercepted|held)\s+(?:\w+\s+){0,4}"
    r"(?:on\s+(?:their|the|his|her)\s+way|"
    r"before\s+(?:they|it|the\s+\w+)\s+(?:could|began|started))|"
    r"(?:prevented|thwarted|stopped|blocked|broke\s+up)\s+(?:a|an|the)\s+(?:planned\s+|\w+\s+){0,2}"
    r"(?:rally|protest|march|picket|demonstration|gathering|meeting|vigil)\b|"
    r"(?:prevented|stopped|barred|blocked|kept)\s+(?:\w+\s+){0,3}from\s+(?:gathering|holding|"
    r"reaching|staging|assembling|marching|entering)|"
    r"(?:cordoned|sealed|fenced)\s+off|thwarted|foiled|never\s+got\s+the\s+chance|"
    r"(?:surrounded|blocked|closed)\s+(?:off\s+)?(?:\w+\s+){0,3}(?:square|park|avenue|street|site|area|venue)\s+"
    r"(?:with|before|hours\s+before)|(?:was|were)\s+(?:called\s+off|banned)\s+(?:by\s+(?:the\s+)?"
    r"(?:police|authorities|court)|after)|"
    r"(?:did\s+not|didn't|failed\s+to|never)\s+take\s+place|"
    r"no\s+(?:one|protesters|demonstrators)\s+(?:\w+\s+){0,2}(?:gathered|showed\s+up|turned\s+up|appeared)|"
    r"(?:refused|denied|rejected)\s+(?:\w+\s+){0,3}(?:permission|permit|request|application)|"
    r"refused\s+to\s+(?:allow|authori[sz]e|sanction|permit|approve))\b",
    re.IGNORECASE,
)

_WORD = re.compile(r"[\w-]*")

# Words that show a gathering did take place (they overrule a prevented cue).
_GATHERED = re.compile(
    r"\b(?:gathered|chanted|chanting|shouted|marched|rallied|held\s+(?:up\s+)?(?:placards|banners|"
    r"posters|signs)|unfurled|waved|managed\s+to|despite\s+the\s+(?:cordon|ban))\b",
    re.IGNORECASE,
)


# Cheap stems that every trigger of the lexicon contains: text without one has no trigger.
TRIGGER_STEMS = re.compile(
    r"protest|demonstrat|rall(?:y|ie)|march|picket|strik|walk|sit|sat\s|vigil|riot|blockad|block|"
    r"boycott|street|occup|motorcade|convoy|flash|clash|encampment|tent\s+camp|go-?slow|downed|"
    r"torch|fire|ablaze|loot|vandal|defaced|gather|assembled|converged|unrest|hunger|candles|"
    r"flowers|rode|drove|parade|process|cycled|stopped\s+work|smash|broke|breaking|threw|throwing|hurl|pelt|"
    r"alight|parked|placed|lined\s+up|left|positioned|holding|fought|fight|answered|responded|"
    r"retaliated|replied|filled|packed|thronged|jammed|stood|standing|spent|spend|camp|return|back"
)  # matched against the lower-cased text


def find_triggers(text: str, span: Span | None = None) -> list[Trigger]:
    """The protest triggers in ``text[span]`` (offsets into ``text``), idioms removed."""
    start, end = (span.start, span.end) if span else (0, len(text))
    chunk = text[start:end]
    if not TRIGGER_STEMS.search(chunk.lower()):
        return []
    idioms = [m.span() for m in _IDIOMS.finditer(chunk)]
    found: list[Trigger] = []
    for m in _TRIGGER_RE.finditer(chunk):
        a, b = m.span()
        if any(x <= a < y for x, y in idioms):
            continue
        if _month_march(chunk, a, b):
            continue
        if _NEGATED_TRIGGER.search(chunk, max(0, a - 30), a):
            continue  # "nobody blocked a road", "we did not march": no protest
        index = int(m.lastgroup[1:])  # type: ignore[index]
        _pat, form, tactic, strength = _LEXICON[index]
        found.append(Trigger(Span(start + a, start + b), m.group(), form, tactic, strength))
    return found


# A negation right before a trigger: "Nobody blocked a road", "we did not march", "not a protest".
_NEGATED_TRIGGER = re.compile(
    r"(?:\b(?:nobody|no\s+one|not|never)|n['’]t)\s+(?:(?:even|ever|really|actually|yet|a|an)\s+)?$", re.IGNORECASE
)
# A protest threatened on a condition ("would block railway tracks ... if the Centre did not respond",
# "will take to the streets if the law is not withdrawn", "would call a strike if the dismissals
# continued", "unless the fees are cut"): a threat, not an announced protest.
_CONDITIONAL_THREAT = re.compile(
    r"\b(?:would|will|could|threaten(?:s|ed)?\s+to|warn(?:s|ed)?\s+(?:that|of))\b.{0,160}?"
    r"(?<!\beven\s)(?<!\bas\s)\b(?:if|unless)\s+(?!necessary\b|needed\b|possible\b|required\b)"
    r"[\w'’-]+",
    re.IGNORECASE | re.DOTALL,
)


def _month_march(chunk: str, a: int, b: int) -> bool:
    """"March" capitalised and not starting a sentence is the month (or a name)."""
    word = chunk[a:b]
    if word != "March":
        return False
    before = chunk[:a].rstrip()
    return bool(before) and before[-1] not in ".!?\"“"


# A petition and its signatures: no gathering, unless the sentence says people marched or
# rallied to hand it in.
_PETITION = re.compile(r"\bpetition\b[^.]{0,160}?\bsignatures\b", re.IGNORECASE)
_PEOPLE_GATHERED = re.compile(
    r"\b(?:march(?:ed|ing)|rall(?:y|ied|ying)|picket(?:ed|ing)|sit-?in|demonstrators|"
    r"protesters|marchers|crowds?)\b",
    re.IGNORECASE,
)


# A protest its organisers called off ("a strike ... was called off after the company raised its
# offer"): no event.  One banned or stopped by the authorities is a prevented one (``_PREVENTED``).
_CALLED_OFF = re.compile(r"\b(?:called\s+off|cancell?ed)\b", re.IGNORECASE)
_BY_AUTHORITY = re.compile(
    r"\b(?:banned|ban|by\s+(?:the\s+)?(?:police|authorities|court|government|governor|mayor)|"
    r"police|cordon\w*)\b",
    re.IGNORECASE,
)


def is_non_event_context(sentence: str) -> bool:
    """Diplomatic protests, sport, online campaigns and petitions, the vote as a protest, a
    denial ("were not a protest"), a protest its organisers called off, conditional threats:
    protest words with no gathering."""
    if _PETITION.search(sentence) and not _PEOPLE_GATHERED.search(sentence):
        return True
    if _CALLED_OFF.search(sentence) and not _BY_AUTHORITY.search(sentence) and not _PEOPLE_GATHERED.search(sentence):
        return True
    return _NON_EVENT.search(sentence) is not None or _CONDITIONAL_THREAT.search(sentence) is not None


def is_habitual(sentence: str) -> bool:
    """Generic, habitual, hypothetical or negated statements ("protests happen every year")."""
    return _HABITUAL.search(sentence) is not None


def status_cues(sentence: str, trigger_starts: Sequence[int] = ()) -> tuple[Status, Span] | None:
    """A planned or prevented cue in one sentence, with its span (offsets into ``sentence``).

    A planned cue counts only when a trigger (``trigger_starts``, offsets into ``sentence``) follows
    it closely ("plans to hold a rally", "will march"), so that "a plan to restrict apps" or "the
    referendum they will vote in" do not make the protest planned."""
    m = _PREVENTED.search(sentence)
    if m and not gathering_cue(sentence):
        return Status.PREVENTED, Span(*m.span())
    for m in _PLANNED.finditer(sentence):
        if _NAMING_BEFORE.search(sentence, 0, m.start()):
            continue  # "held what it called a 'rally to protect the economy'": a name, not a call
        if any(t >= m.end() and _GOVERNED_GAP.match(sentence[m.end() : t]) for t in trigger_starts) or (
            m.group().lower().startswith(("next", "tomorrow")) and trigger_starts
        ):
            return Status.PLANNED, Span(*m.span())
    for t in trigger_starts:
        end = t + len(_WORD.match(sentence, t).group())  # type: ignore[union-attr]
        after = _PLANNED_AFTER.search(sentence[end : end + 60])
        if after:
            return Status.PLANNED, Span(end + after.start(), end + after.end())
    return None


_NAMING_BEFORE = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){1,3}$|\bso-?$", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:no\s+one|nobody|no\s+\w+|not|never|n't|failed\s+to)\s+(?:\w+\s+){0,2}$", re.I)


def gathering_cue(sentence: str) -> bool:
    """True when the sentence says people did gather (for prevented-vs-occurred); "no one
    gathered" says the opposite."""
    return any(
        not _NEGATED_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
        for m in _GATHERED.finditer(sentence)
    )

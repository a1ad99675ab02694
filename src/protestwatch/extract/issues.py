"""Issues of one event: the codebook's issue list, from lexicons over claims and event sentences.

Reads the article text and the spans to look in (the event's claims and sentences); writes one
``Finding[Issue]`` per issue, with the span of the first word that triggered it. Only the given
spans are searched, so a word elsewhere in the article never fires.

The lexicons prefer precision: multi-word cues where a single word is ambiguous ("police" alone is
not an issue, "police brutality" is; "loans" alone is not foreign investment, "loans from China"
is). With the event's ``country``, a foreign country or nationality in a claim context
("against China", "Chinese immigration", "anti-Russian", "to foreigners") is foreign influence.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable, Iterator

from protestwatch.geo.demonyms import country_from_name, demonym_country
from protestwatch.model import Finding, Issue, Span

logger = logging.getLogger(__name__)

_LEXICON: dict[Issue, str] = {
    Issue.LAND: (
        r"(?:agricultural\s+|arable\s+|farm\s+|pasture\s+|grazing\s+)?lands?\b|farmland|land\s+code"
        r"|land\s+reform|land\s+grab\w*|pastures?|grazing\s+rights|expropriat\w+|landless"
    ),
    Issue.FOREIGN_INFLUENCE: (
        r"foreign\s+(?:influence|interference|agents?|powers?|domination|military|troops|bases?"
        r"|occupation)|foreigners|(?:expansion|influence|interference|encroachment|occupation"
        r"|annexation)\s+(?:of|by)\s+(?:the\s+)?[A-Z]\w+|immigration|immigrants|migrant\s+workers"
        r"|sovereignty|sinophobi\w+|neo-?colonial\w*|imperialis\w+|CCP\s+threats?"
    ),
    Issue.FOREIGN_INVESTMENT: (
        r"(?:foreign|[A-Z]\w+|western|overseas)\s+investments?|foreign\s+(?:investors?|companies"
        r"|firms|capital|ownership|loans?)|investments?\s+(?:from|by)|loans?\s+from|borrowing"
        r"\s+from|debts?\s+to|joint\s+ventures?|relocation\s+of\s+(?:\w+\s+){0,4}factories"
        r"|factories\s+from|belt\s+and\s+road|concessions?|foreign-owned|privati[sz]\w+"
    ),
    Issue.LABOR_WAGES: (
        r"wages?|salar(?:y|ies)|pay\s+(?:rise|raise|cut|increase|arrears|gap)|unpaid\s+pay"
        r"|working\s+conditions|labou?r\s+(?:rights|law|code)|layoffs?|lay-offs?|job\s+cuts"
        r"|dismissals?|overtime|minimum\s+wage|pensions?|pension\s+reform|unemployment|jobs"
        r"|contracts?\s+for\s+workers|bonuses|retirement\s+age|collective\s+agreement"
    ),
    Issue.PRICES_ECONOMY: (
        r"prices?|price\s+hikes?|inflation|cost\s+of\s+living|tariffs?|utility\s+bills|taxe?s?"
        r"|fuel|petrol|gasoline|diesel|liquefied\s+gas|LPG|subsid(?:y|ies)|austerity|economic"
        r"\s+crisis|devaluation|debts?|microloans?|bank\s+loans|mortgage\s+debts?|budget\s+cuts"
    ),
    Issue.CORRUPTION: (
        r"corrupt\w*|brib\w+|embezzl\w+|kickbacks?|graft|nepotism|lack\s+of\s+transparency"
        r"|money\s+laundering|misuse\s+of\s+(?:public\s+)?funds|cronyism|kleptocra\w+"
    ),
    Issue.ELECTIONS_POLITICAL_PROCESS: (
        r"elections?|electoral|ballots?|vote\s+(?:count|rigging)|votes|voting|rigged|referendum"
        r"|constitution(?:al)?\s+(?:amendments?|changes|reform|court)?|new\s+constitution"
        r"|term\s+limits?|third\s+term|resign\w*|step\s+down|snap\s+polls?|dissolution\s+of"
        r"\s+parliament|(?-i:democra\w+)|political\s+reforms?|regime\s+change|martial\s+law|coup"
    ),
    Issue.POLITICAL_PRISONERS: (
        r"political\s+prisoners?|prisoners\s+of\s+conscience|(?:release|freedom|freeing)\s+of"
        r"\s+(?:the\s+)?(?:jailed|detained|arrested|imprisoned)?\s*(?:opposition\s+)?(?:activists?"
        r"|journalists?|bloggers?|leaders?|politicians?|protesters|demonstrators|detainees"
        r"|prisoners|dissidents|opposition\s+figures?|[A-Z]\w+\s+[A-Z]\w+)|\b[Ff]ree\s+[A-Z]\w+"
        r"|jailed\s+(?:opposition\s+)?(?:leaders?|activists?|journalists?)"
    ),
    Issue.HUMAN_RIGHTS: (
        r"human\s+rights|freedom\s+of\s+(?:speech|expression|assembly|the\s+press|association"
        r"|movement)|free\s+speech|press\s+freedom|civil\s+liberties|torture|persecution"
        r"|censorship|repression|crackdown|enforced\s+disappearances?|disappeared|detention"
        r"\s+camps?|re-education\s+camps?|internment|Xinjiang|release\s+of\s+(?:their\s+)?"
        r"(?:relatives|sons|daughters|children|husbands)|right\s+to\s+protest|foreign\s+agents?"
        r"\s+(?:law|bill)"
    ),
    Issue.ETHNIC_MINORITY_RIGHTS: (
        r"ethnic\s+(?:minorit(?:y|ies)|\w+s)|minorit(?:y|ies)\s+rights|Uy?i?ghurs?|Uigurs?"
        r"|Rohingya|Kurd(?:s|ish)|Tibet(?:an)?s?|indigenous|Xinjiang|racism|racial"
        r"\s+(?:discrimination|justice)|xenophob\w+|mother\s+tongue|language\s+rights|apartheid"
    ),
    Issue.POLICE_JUSTICE: (
        r"police\s+(?:brutality|violence|abuse|misconduct|killings?|reform|impunity)"
        r"|(?:killed|shot|beaten|tortured)\s+(?:\w+\s+){0,2}by\s+(?:the\s+)?police|death\s+in"
        r"\s+custody|custodial\s+death|justice\s+for|impunity|verdicts?|acquittal|sentences?"
        r"|wrongful\s+(?:arrest|conviction)|judicial\s+reform|punishment\s+of\s+(?:the\s+)?"
        r"(?:officers|police|killers|those\s+responsible)|investigation\s+into\s+the\s+(?:death"
        r"|killing)"
    ),
    Issue.ENVIRONMENT: (
        r"pollut\w+|environment\w*|ecolog\w+|(?:gold|coal|uranium|copper|lithium|open-pit"
        r"|new|the|a)\s+mines?|mining|dams?|hydropower|hydroelectric|deforestation|logging"
        r"|climate|emissions|toxic|waste|landfills?|smog|air\s+quality|fracking|nuclear\s+plants?"
        r"|chemical\s+plants?|contaminat\w+|poisoned\s+water|tailings|(?:cyanide|chemical)\s+spill"
        r"|green\s+spaces?|parks?\b(?=\s+(?:from|being))|trees"
    ),
    Issue.RELIGION: (
        r"religio\w+|hijabs?|headscarf|headscarves|mosques?|churches|church|blasphem\w+"
        r"|(?:freedom|right)\s+of\s+worship|Quran|Koran|burqa|niqab|prayer\s+rooms?|clergy"
        r"|islamophob\w+|antisemiti\w+|bible"
    ),
    Issue.GENDER: (
        r"women(?:'s|’s)\s+rights|gender|femicides?|domestic\s+violence|abortion|feminis\w+"
        r"|sexual\s+(?:harassment|violence|assault)|rapes?|LGBT\w*|gay\s+rights|same-sex"
        r"|violence\s+against\s+women|misogyn\w+|equal\s+pay\s+for\s+women|bride\s+kidnapping"
    ),
    Issue.EDUCATION: (
        r"schools?|education\w*|universit(?:y|ies)|tuition|student\s+(?:fees|loans|grants"
        r"|stipends)|exams?|curricul\w+|kindergartens?|language\s+of\s+instruction|textbooks"
    ),
    Issue.HEALTH: (
        r"health\s*care|healthcare|health|hospitals?|clinics?|medical|medicines?|drugs\s+shortage"
        r"|ambulances?|patients"
    ),
    Issue.HOUSING: (
        r"housing|evictions?|evicted|demolitions?|demolished|rents?\b|tenants?|homeless\w*"
        r"|mortgages?|apartments?|shared-equity|resettlement|slum\s+clearance|their\s+homes"
    ),
    Issue.COVID: (
        r"covid(?:-19)?|coronavirus|pandemic|lockdowns?|quarantine|vaccin\w+\s+(?:mandates?"
        r"|passports?|certificates?)|mask\s+mandates?|health\s+pass|covid\s+restrictions"
        r"|sanitary\s+restrictions"
    ),
}
#: Cues that are case-sensitive (proper names and acronyms); everything else ignores case.
_CASE_SENSITIVE = {Issue.FOREIGN_INFLUENCE, Issue.FOREIGN_INVESTMENT, Issue.POLITICAL_PRISONERS}
_PATTERNS: tuple[tuple[Issue, re.Pattern[str]], ...] = tuple(
    (issue, re.compile(rf"\b(?:{pattern})\b", 0 if issue in _CASE_SENSITIVE else re.I))
    for issue, pattern in _LEXICON.items()
)
#: Words that make a cue about something else ("land" in "landed", "taxi", "plane landed").
_FALSE_CONTEXT: dict[Issue, re.Pattern[str]] = {
    Issue.LAND: re.compile(r"\b(?:plane|helicopter|flight)s?\s+(?:\w+\s+)?lands?\b", re.I),
    Issue.HEALTH: re.compile(r"\b(?:injur\w+|wounded|hospitali[sz]ed|taken\s+to\s+(?:a\s+)?"
                             r"hospital|in\s+hospital|medical\s+(?:treatment|attention|help))",
                             re.I),
    Issue.PRICES_ECONOMY: re.compile(r"\bpaid\s+the\s+price\b|\bprice\s+to\s+pay\b", re.I),
}
_FOREIGN_CONTEXT = re.compile(
    r"(?:\banti-|\bagainst\s+(?:the\s+)?|\b(?:from|to|with|by|on|of)\s+(?:the\s+)?)"
    r"(?P<a>[A-Z][\w-]+)"
    r"|(?P<b>[A-Z][\w-]+)(?:'s|’s)?\s+(?:influence|expansion|immigration|immigrants|migrants"
    r"|investment|investors|loans|interference|threats?|military|troops|bases?|companies"
    r"|company|firms?|government|authorities|regime|embassy|consulate|occupation|aggression"
    r"|presence|encroachment|workers|Communist\s+Party)\b",
)


def _foreign_mentions(text: str, span: Span, country: str) -> Iterator[Span]:
    for m in _FOREIGN_CONTEXT.finditer(text, span.start, span.end):
        group = "a" if m.group("a") else "b"
        word = m.group(group)
        if word in {"CCP", "CPC"}:
            code: str | None = "CN"
        else:
            code = demonym_country(word) or country_from_name(word)
        if code and code != country:
            yield Span(m.start(group), m.end(group))


def _fires(issue: Issue, text: str, m: re.Match[str], span: Span) -> bool:
    false = _FALSE_CONTEXT.get(issue)
    if false is None:
        return True
    around = text[max(span.start, m.start() - 40):min(span.end, m.end() + 40)]
    return not false.search(around)


def classify_issues(
    text: str, spans: Iterable[Span], *, country: str | None = None
) -> list[Finding[Issue]]:
    """The codebook issues the given spans raise, each with the span of its first trigger word."""
    first: dict[Issue, Span] = {}
    for span in sorted(set(spans)):
        for issue, pattern in _PATTERNS:
            for m in pattern.finditer(text, span.start, span.end):
                if _fires(issue, text, m, span):
                    hit = Span(m.start(), m.end())
                    if issue not in first or hit < first[issue]:
                        first[issue] = hit
                    break
        if country:
            for hit in _foreign_mentions(text, span, country):
                if Issue.FOREIGN_INFLUENCE not in first or hit < first[Issue.FOREIGN_INFLUENCE]:
                    first[Issue.FOREIGN_INFLUENCE] = hit
                break
    order = list(Issue)
    return [Finding(issue, first[issue]) for issue in sorted(first, key=order.index)]

"""Issues of one event: the codebook's issue list, from lexicons over claims and event sentences.

Reads the article text and the spans to look in (the event's claims and sentences); writes one
``Finding[Issue]`` per issue, with the span of the first word that triggered it. Only the given
spans are searched, so a word elsewhere in the article never fires.

The codebook derives issues from the claims, so the cues come in two strengths:

* *strong* cues name an issue wherever they appear in the event's text ("wages", "tuition fees",
  "police brutality", "censorship");
* *claim-only* cues are words that often just set the scene ("university students", "hospital
  staff said", "since the election", "outside the mosque"): they count only inside a claim.

Claims are passed as ``claims=``; without it, a span that lies inside another given span is taken
for a claim (the pipeline passes the claims and the sentences that contain them). When no claim is
known, every cue counts. An event with claims that raise none of the listed issues gets ``other``.

The lexicons prefer precision: multi-word cues where a single word is ambiguous ("police" alone is
not an issue, "police brutality" is; "loans" alone is not foreign investment, "loans from China"
is). With the event's ``country``, a foreign country or nationality in a claim context
("against China", "Chinese immigration", "anti-Russian", "to foreigners") is foreign influence, and
a foreign owner or investor ("Chinese-owned mine", "a Turkish company") is foreign investment.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable, Iterator

from protestwatch.geo.demonyms import country_from_name, demonym_country
from protestwatch.model import Finding, Issue, Span

logger = logging.getLogger(__name__)

_UTILITY = r"(?:heating|electricity|gas|water|energy|power|utility|utilities|phone)"

#: Strong cues: they name the issue wherever they appear in the event's text.
_STRONG: dict[Issue, str] = {
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
        r"wages?|salar(?:y|ies)|pay\s+(?:rise|raise|cut|increase|arrears|gap)|unpaid\s+(?:pay"
        r"|work|labou?r)|working\s+conditions|labou?r\s+(?:rights|law|code)|layoffs?|lay-offs?"
        r"|job\s+cuts|overtime|minimum\s+wage|unemployment|contracts?\s+for\s+workers|bonus(?:es)?"
        r"|retirement\s+age|collective\s+agreement|trade\s+unions?|union\s+rights|right\s+to\s+strike"
        r"|forced\s+labou?r|occupational\s+(?:diseases?|safety|health|illness\w*)|workplace\s+safety"
        r"|(?:ecological|regional|hardship)\s+allowances?"
    ),
    Issue.PRICES_ECONOMY: (
        r"prices?|price\s+hikes?|inflation|cost\s+of\s+living|living\s+costs|tariffs?"
        rf"|{_UTILITY}\s+(?:bills|charges|rates|costs|supplies)|taxe?s?|fuel|petrol|gasoline|diesel"
        r"|liquefied\s+gas|LPG|subsid(?:y|ies)|austerity|economic\s+crisis|devaluation|debts?"
        r"|microloans?|bank\s+loans|mortgage\s+debts?|budget\s+cuts|fares?|fees|fee\s+hikes?|tolls?"
        r"|pensions?|pension\s+(?:reform|system)|fee\s+(?:increases?|rises?)|lev(?:y|ies)|savings"
        r"|frozen\s+(?:accounts|deposits)|bank\s+deposits|depositors|cost\s+of\s+\w+"
    ),
    Issue.CORRUPTION: (
        r"corrupt\w*|brib\w+|embezzl\w+|kickbacks?|graft|nepotism|lack\s+of\s+transparency"
        r"|money\s+laundering|misuse\s+of\s+(?:public\s+)?funds|cronyism|kleptocra\w+"
    ),
    Issue.ELECTIONS_POLITICAL_PROCESS: (
        r"electoral|vote\s+(?:count|rigging)|rigged|referendum|election\s+(?:fraud|results?)"
        r"|constitution(?:al)?\s+(?:amendments?|changes|reform|court)?|new\s+constitution"
        r"|term\s+limits?|third\s+term|snap\s+(?:polls?|elections?)|dissolution\s+of\s+parliament"
        r"|(?-i:democra\w+)|political\s+reforms?|regime\s+change|martial\s+law|coup"
        r"|(?:government|president|prime\s+minister|premier|cabinet|regime|leader)\W+(?:\w+\s+){0,3}"
        r"(?:resign\w*|step\s+down)|(?:resignation|ouster|removal|impeachment)\s+of\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:government|president|prime\s+minister|premier|cabinet|regime)"
    ),
    Issue.POLITICAL_PRISONERS: (
        r"political\s+prisoners?|prisoners\s+of\s+conscience|(?:release|freedom|freeing)\s+of"
        r"\s+(?:the\s+)?(?:jailed|detained|arrested|imprisoned)?\s*(?:opposition\s+)?(?:activists?"
        r"|journalists?|bloggers?|leaders?|politicians?|protesters|demonstrators|detainees"
        r"|prisoners|dissidents|opposition\s+figures?|[A-Z]\w+\s+[A-Z]\w+)"
        r"|(?:release|freedom|freeing)\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:(?:still\s+)?(?:jailed|detained"
        r"|arrested|imprisoned|abducted|held)\b|(?:chairman|chairwoman|chair|founder|leader"
        r"|reporters?|journalists?|activists?|students|colleagues|members)\b)"
        r"|(?<!the\s)(?<!The\s)\b[Ff]ree\s+[A-Z]\w+(?:\s+[A-Z]\w+)?(?=\s*[!\"”»]|\s*$)"
        r"|jailed\s+(?:opposition\s+)?(?:leaders?|activists?|journalists?)"
    ),
    Issue.HUMAN_RIGHTS: (
        r"human\s+rights|freedom\s+of\s+(?:speech|expression|assembly|the\s+press|association"
        r"|movement)|free\s+speech|press\s+freedom|media\s+freedom|civil\s+liberties|torture"
        r"|persecution|censorship|enforced\s+disappearances?|disappeared|detention\s+camps?"
        r"|re-education\s+camps?|internment|Xinjiang|release\s+of\s+(?:their\s+)?(?:relatives"
        r"|sons|daughters|children|husbands)|right\s+to\s+protest|foreign\s+agents?\s+(?:law|bill)"
        r"|(?:broadcasting|media|press|internet|foreign\s+agents?)\s+(?:law|bill)|online\s+media"
        r"|(?:restrict|block|ban|suspend|censor)\w*\s+(?:\w+\s+){0,3}(?:apps|internet|websites"
        r"|messengers?|messaging|social\s+media|online\s+(?:media|news)|news\s+(?:sites|outlets))"
        r"|internet\s+(?:freedom|shutdowns?|restrictions|censorship)|false\s+information|fake\s+news"
        r"|death\s+in\s+(?:police\s+)?custody|(?:died|death)\s+(?:\w+\s+){0,8}in\s+(?:police\s+)?"
        r"(?:custody|(?:a\s+)?police\s+cell)|police\s+(?:brutality|torture)|extrajudicial"
    ),
    Issue.ETHNIC_MINORITY_RIGHTS: (
        r"ethnic\s+(?:minorit(?:y|ies)|\w+s)|minorit(?:y|ies)\s+rights|Uy?i?ghurs?|Uigurs?"
        r"|Rohingya|Kurd(?:s|ish)|Tibet(?:an)?s?|indigenous|Xinjiang|racism|racial"
        r"\s+(?:discrimination|justice)|xenophob\w+|mother\s+tongue|language\s+rights|apartheid"
        r"|autonom(?:y|ous\s+status)"
    ),
    Issue.POLICE_JUSTICE: (
        r"police\s+(?:brutality|violence|abuse|misconduct|killings?|reform|impunity|custody"
        r"|cell|operation|shooting)|(?:killed|shot|beaten|tortured)\s+(?:\w+\s+){0,2}by\s+(?:the\s+)?"
        r"police|death\s+in\s+custody|custodial\s+death|justice\s+for|wrongful\s+(?:arrest"
        r"|conviction)|judicial\s+reform|punishment\s+of\s+(?:the\s+)?(?:officers|police|killers"
        r"|those\s+responsible)|investigation\s+into\s+the\s+(?:death|killing)|officers\s+(?:on"
        r"\s+duty|involved|responsible)|disband\w*\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}(?:squad"
        r"|unit|police)"
    ),
    Issue.ENVIRONMENT: (
        r"pollut\w+|environment\w*|ecolog\w+(?!\s+allowances?)|dams?|hydropower|hydroelectric"
        r"|reclamation|dredging|mangroves?|wetlands?|(?:mining|gold|coal|uranium)\s+licen[cs]es?"
        r"|deforestation|logging|climate|emissions|toxic|landfills?|smog|air\s+quality|fracking"
        r"|nuclear\s+plants?|chemical\s+plants?|contaminat\w+|poisoned\s+water|tailings"
        r"|(?:cyanide|chemical)\s+spill|green\s+spaces?|parks?\b(?=\s+(?:from|being))|trees"
        r"|(?:toxic|industrial|nuclear|household)\s+waste"
    ),
    Issue.RELIGION: (
        r"religio\w+|hijabs?|headscarf|headscarves|blasphem\w+|(?:freedom|right)\s+of\s+worship"
        r"|Quran|Koran|burqa|niqab|prayer\s+rooms?|islamophob\w+|antisemiti\w+"
    ),
    Issue.GENDER: (
        r"women(?:'s|’s)\s+rights|gender|femicides?|domestic\s+violence|abortion|feminis\w+"
        r"|sexual\s+(?:harassment|violence|assault)|rapes?|LGBT\w*|gay\s+rights|same-sex"
        r"|violence\s+against\s+women|misogyn\w+|equal\s+pay\s+for\s+women|bride\s+kidnapping"
    ),
    Issue.EDUCATION: (
        r"education\w*|tuition|student\s+(?:fees|loans|grants|stipends)|curricul\w+"
        r"|language\s+of\s+instruction|textbooks|fee\s+bands"
    ),
    Issue.HEALTH: (
        r"health\s*care|healthcare|health\s+(?:system|services|insurance|workers)"
        r"|drugs?\s+shortages?|shortages?\s+of\s+medicines|occupational\s+(?:diseases?|illness\w*|health)|medical\s+check-ups?"
    ),
    Issue.HOUSING: (
        r"housing|evictions?|evicted|demolitions?\s+of\s+(?:[\w-]+\s+){0,2}(?:homes|houses|apartments"
        r"|flats|dwellings|neighbou?rhoods?|settlements?)|(?:homes|houses|dwellings)\s+(?:[\w-]+\s+){0,4}"
        r"(?:demolition|demolished|razed)|rents?\b|tenants?|homeless\w*"
        r"|mortgages?|shared-equity|resettlement|slum\s+clearance|their\s+homes"
    ),
    Issue.COVID: (
        r"covid(?:-19)?|coronavirus|pandemic|lockdowns?|quarantine|vaccin\w+\s+(?:mandates?"
        r"|passports?|certificates?)|mask\s+mandates?|health\s+pass|covid\s+restrictions"
        r"|sanitary\s+restrictions"
    ),
}
#: Claim-only cues: words that often just set the scene; they count only inside a claim.
_CLAIM_ONLY: dict[Issue, str] = {
    Issue.LABOR_WAGES: r"dismissals?|jobs|pay",
    Issue.ELECTIONS_POLITICAL_PROCESS: r"elections?|ballots?|votes|voting",
    Issue.HUMAN_RIGHTS: r"repression|crackdown",
    Issue.POLICE_JUSTICE: r"impunity|verdicts?|sentences?|acquittal",
    Issue.RELIGION: r"mosques?|churches|church|clergy|bible",
    Issue.ENVIRONMENT: (
        r"(?:gold|coal|uranium|copper|lithium|open-pit|nickel|new|the|a)\s+(?:mines?|deposits?)"
        r"|mining(?!\s+(?:industry|sector|compan\w+|firms?|workers|towns?|regions?|engineers?"
        r"|unions?|jobs))"
    ),
    Issue.POLITICAL_PRISONERS: r"(?:his|her|their)\s+(?:immediate\s+)?release",
    Issue.EDUCATION: r"schools?|universit(?:y|ies)|exams?|kindergartens?",
    Issue.HEALTH: r"health|hospitals?|clinics?|medical|ambulances?|patients|medicines?",
    Issue.HOUSING: r"apartments?",
}
#: Cues that are case-sensitive (proper names and acronyms); everything else ignores case.
_CASE_SENSITIVE = {Issue.FOREIGN_INFLUENCE, Issue.FOREIGN_INVESTMENT, Issue.POLITICAL_PRISONERS}


def _compile(lexicon: dict[Issue, str]) -> tuple[tuple[Issue, re.Pattern[str]], ...]:
    return tuple(
        (issue, re.compile(rf"\b(?:{pattern})\b", 0 if issue in _CASE_SENSITIVE else re.I))
        for issue, pattern in lexicon.items()
    )


_PATTERNS = _compile(_STRONG)
_CLAIM_PATTERNS = _compile(_CLAIM_ONLY)

#: Words that make a cue about something else ("land" in "plane landed", "paid the price").
_FALSE_CONTEXT: dict[Issue, re.Pattern[str]] = {
    Issue.LAND: re.compile(r"\b(?:plane|helicopter|flight)s?\s+(?:\w+\s+)?lands?\b", re.I),
    Issue.HEALTH: re.compile(r"\b(?:injur\w+|wounded|hospitali[sz]ed|taken\s+to\s+(?:a\s+)?"
                             r"hospital|in\s+hospital|medical\s+(?:treatment|attention|help))",
                             re.I),
    Issue.PRICES_ECONOMY: re.compile(r"\bpaid\s+the\s+price\b|\bprice\s+to\s+pay\b", re.I),
}
_INVESTOR = (
    r"(?:investors?|companies|company|firms?|owners?|contractors?"
    r"|mines?|deposits?|plants?|factor(?:y|ies)|smelters?|projects?|developers?)"
)
_FOREIGN_CONTEXT = re.compile(
    r"(?:\banti-|\bagainst\s+(?:the\s+)?|\b(?:from|to|with|by|on|of)\s+(?:the\s+)?)"
    r"(?P<a>[A-Z][\w-]+)"
    r"|(?P<b>[A-Z][\w-]+)(?:'s|’s)?\s+(?:influence|expansion|immigration|immigrants|migrants"
    r"|investment|investments|loans"
    r"|interference|threats?|military|troops|bases?|government|authorities|regime|embassy"
    r"|consulate|occupation|aggression|presence|encroachment|workers|Communist\s+Party)\b",
)
_FOREIGN_OWNER = re.compile(
    rf"\b(?P<c>[A-Z][\w]+)(?:-(?:owned|backed|funded|run|built|controlled)|(?:'s|’s)?\s+"
    rf"(?:[a-z]+\s+)?{_INVESTOR}\b)"
)


def _foreign_code(word: str, country: str) -> str | None:
    code = "CN" if word in {"CCP", "CPC"} else demonym_country(word) or country_from_name(word)
    return code if code and code != country else None


def _foreign_mentions(text: str, span: Span, country: str) -> Iterator[tuple[Issue, Span]]:
    owners: set[int] = set()
    for m in _FOREIGN_OWNER.finditer(text, span.start, span.end):
        if _foreign_code(m.group("c"), country):
            owners.add(m.start("c"))
            yield Issue.FOREIGN_INVESTMENT, Span(m.start("c"), m.end("c"))
    for m in _FOREIGN_CONTEXT.finditer(text, span.start, span.end):
        group = "a" if m.group("a") else "b"
        if m.start(group) not in owners and _foreign_code(m.group(group), country):
            yield Issue.FOREIGN_INFLUENCE, Span(m.start(group), m.end(group))


def _fires(issue: Issue, text: str, m: re.Match[str], span: Span) -> bool:
    false = _FALSE_CONTEXT.get(issue)
    if false is None:
        return True
    around = text[max(span.start, m.start() - 40):min(span.end, m.end() + 40)]
    return not false.search(around)


def _hits(text: str, span: Span, patterns, country: str | None) -> Iterator[tuple[Issue, Span]]:
    for issue, pattern in patterns:
        for m in pattern.finditer(text, span.start, span.end):
            if _fires(issue, text, m, span):
                yield issue, Span(m.start(), m.end())
                break
    if country:
        yield from _foreign_mentions(text, span, country)


def _claim_spans(spans: list[Span]) -> list[Span]:
    """The spans that lie inside another given span: the claims, inside their sentences."""
    return [s for s in spans if any(o != s and o.contains(s) for o in spans)]


def classify_issues(
    text: str,
    spans: Iterable[Span],
    *,
    country: str | None = None,
    claims: Iterable[Span] | None = None,
) -> list[Finding[Issue]]:
    """The codebook issues the given spans raise, each with the span of its first trigger word.

    ``claims`` are the spans of the event's claims (they may also be among ``spans``); without
    them, the spans nested in another span are taken for the claims.
    """
    all_spans = sorted(set(spans) | set(claims or ()))
    claim_spans = sorted(set(claims)) if claims is not None else _claim_spans(all_spans)
    first: dict[Issue, Span] = {}
    for span in all_spans:
        hits = list(_hits(text, span, _PATTERNS, country))
        if not claim_spans or span in claim_spans:
            hits.extend(_hits(text, span, _CLAIM_PATTERNS, None))
        for issue, hit in hits:
            if issue not in first or hit < first[issue]:
                first[issue] = hit
    if not first and claim_spans:
        first[Issue.OTHER] = claim_spans[0]  # a claim on none of the listed issues
    order = list(Issue)
    return [Finding(issue, first[issue]) for issue in sorted(first, key=order.index)]

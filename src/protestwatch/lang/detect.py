"""Which language an article is written in: ``detect_language(text) -> (code, confidence)``.

A cheap scorer decides most texts in well under a millisecond, from the first ``SAMPLE_CHARS``
characters:

1. the dominant script of the letters (Latin, Cyrillic, Arabic, Greek, Han, kana, Hangul ...);
   a script that one language owns decides alone (Greek → ``el``, Hangul → ``ko``, kana → ``ja``);
2. within Latin, Cyrillic and Arabic, each candidate language scores the function words
   (stopwords) of its own in the text, plus its own letters (Kazakh ә ғ қ ң ө ұ ү һ і; Kyrgyz
   ң ө ү; Ukrainian і ї є ґ; Turkish ğ ı ş; Persian پ چ ژ گ ...) and minus the script's letters
   it never uses (so Kyrgyz loses on ә қ ұ і, Russian on any of them).

When the cheap scorer is unsure (few signals, or a narrow lead), ``langdetect`` decides, seeded
so that the same text always gets the same answer; its profiles load once, on first need.
Codes are ISO 639-1; ``"und"`` with confidence 0 means the text has no letters to judge.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

#: How much of the text is looked at.
SAMPLE_CHARS = 2000
UNDETERMINED = "und"

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʻʼ][^\W\d_]+)*")
_LETTER_WEIGHT = 0.35  # score per own special letter (capped per letter)
_FOREIGN_WEIGHT = 1.0  # penalty per special letter of the script that the language lacks
_LETTER_CAP = 12  # occurrences of one letter that count: a repeated name must not decide
_MISSING_MARKS = 4.0  # penalty for a text of 100+ letters with none of a language's marks
# Languages langdetect has no profile for: its answer never overrides the cheap scorer's.
_UNKNOWN_TO_LANGDETECT = frozenset(("uz", "kk", "ky", "tg", "mn", "be", "sr", "az"))


@dataclass(frozen=True, slots=True)
class _Profile:
    code: str
    script: str
    stopwords: frozenset[str]
    letters: frozenset[str]  # the language's letters beyond the script's base alphabet
    lacks: frozenset[str] = frozenset()  # base letters the language does not use
    marks: frozenset[str] = frozenset()  # letters so frequent that a text without any is not it


def _profile(
    code: str, script: str, words: str, letters: str = "", lacks: str = "", marks: str = ""
) -> _Profile:
    return _Profile(
        code, script, frozenset(words.split()), frozenset(letters), frozenset(lacks),
        frozenset(marks),
    )  # fmt: skip


_PROFILES: tuple[_Profile, ...] = (
    # -- Latin
    _profile("en", "latin", "the of and to in a is that for on was with as by at from it be "
             "are were said has have had an this their they which but not who been after its"),
    _profile("fr", "latin", "le la les de des du un une et est en que qui dans pour sur au "
             "aux par pas avec ont été ce cette il ils elle sont mais plus", "éèêàâçëîïôûùœ"),
    _profile("es", "latin", "el la los las de del y en que un una por con para se es al lo "
             "su sus como más fue han ha pero sobre este esta son", "áéíóúñü¿¡"),
    _profile("de", "latin", "der die das und in den von zu mit ist im des dem nicht ein eine "
             "auf für sich auch es als an wurde werden sind nach bei", "äöüß"),
    _profile("it", "latin", "il lo la gli le di del della dei che e è un una per in con non "
             "sono da nel nella alla al si ha anche come più", "àèéìòù"),
    _profile("pt", "latin", "o a os as de do da dos das e em que um uma para com por não no "
             "na se foi são mais ao pelo pela como seu sua", "áâãàçéêíóôõú"),
    _profile("nl", "latin", "de het een en van in is op te dat die voor met zijn niet aan er "
             "ook als bij door werd worden wordt naar hun", "ë"),
    _profile("tr", "latin", "ve bir bu da de ile için olarak çok daha ama gibi olan sonra kadar "
             "ancak ise en her değil şu ya mi var yok", "çğıöşüİ", "qwx", "ı"),
    _profile("uz", "latin", "va bu bilan uchun ham bir edi emas deb esa yoki shu lekin qilib "
             "haqida bo'yicha boʻyicha keyin orqali bo'lgan boʻlgan ko'ra orasida yil dedi aytdi "
             "boshqa lekin hamda ular ushbu", "ʻ", "w"),
    _profile("pl", "latin", "i w z na nie się do że to jest o jak po od za ale przez dla są "
             "oraz jego co było który która", "ąćęłńóśźż"),
    _profile("ro", "latin", "și si în in de la cu un o a al ale care este sunt pe din pentru "
             "că nu mai fost au ca după", "ăâîșțşţ"),
    _profile("id", "latin", "yang dan di dari ini itu untuk dengan dalam tidak akan pada ke "
             "juga oleh ada adalah sebagai mereka telah bahwa"),
    _profile("sv", "latin", "och i att det som en på är av för med till den har de inte om "
             "ett var han hon men efter", "åäö"),
    _profile("az", "latin", "və bir bu ilə üçün da də olan olub ki isə daha sonra görə artıq "
             "həm", "çəğıöşü", "w", "ə"),
    # -- Cyrillic (base alphabet: а–я and ё)
    _profile("ru", "cyrillic", "и в не на что с по к о из за от для это как а но же его их "
             "был была были также уже или при после во так"),
    _profile("uk", "cyrillic", "і в не на що з у до та й за від для це як а але його їх був "
             "була були також вже або при після так", "іїєґʼ", "ыэъё", "іїє"),
    _profile("be", "cyrillic", "і ў не на што з у да ад для гэта як а але яго іх быў была "
             "былі таксама ўжо або пры пасля", "іў", "ищъ", "ў"),
    _profile("bg", "cyrillic", "и в не на че с по за от да се са това като но е който която "
             "които след при още има бъде", "ѝ", "ыэё", "ъ"),
    _profile("sr", "cyrillic", "и у не на да се је са за од по из као што али су био била "
             "били након", "ђјљњћџ", "щъыэёюяй", "јљњћђ"),
    _profile("mk", "cyrillic", "и во не на да се е со за од по што како но се беше биле "
             "по", "ѓѕјљњќџ", "щъыэёюяй", "јљњќѓѕ"),
    _profile("kk", "cyrillic", "және мен бен пен үшін бұл деп да де болды болған оның осы "
             "ол бір тағы ғана емес туралы бойынша жылы арқылы кейін болып екен деді айтты басқа "
             "сол бірақ немесе оған оны барлық көп", "әғқңөұүһі", "", "іқә"),
    _profile("ky", "cyrillic", "жана менен үчүн бул деп да дагы болгон анын ал бир эле эмес "
             "тууралуу боюнча жылы аркылуу кийин болуп экен деди айтты башка ошол бирок же ага аны "
             "буга бардык көп", "ңөү", "", "үө"),
    _profile("uz", "cyrillic", "ва бу билан учун ҳам бир эди эмас деб эса ёки шу лекин "
             "ҳақида бўйича кейин орқали бўлган", "ўқғҳ", "", "ўқҳ"),
    _profile("tg", "cyrillic", "ва дар ба аз ки ин бо барои як он ҳам буд мебошад шуд "
             "баъд", "ғӣқӯҳҷ", "щыь", "ӣҷӯ"),
    _profile("mn", "cyrillic", "нь юм болон ба нь энэ бол байна байсан гэж түүний тэр "
             "дээр", "өү", "", "өү"),
    # -- Arabic script
    _profile("ar", "arabic", "في من على إلى أن التي الذي عن مع هذا هذه كان قد لا ما بين "
             "كما بعد وقد عند ذلك", "ةىإأ", "پچژگ"),
    _profile("fa", "arabic", "و در به از که این را با است برای آن یک شد می ها شده بود "
             "کرد", "پچژگکی", "ة"),
    _profile("ur", "arabic", "کے میں کی ہے اور سے کو نے کا پر یہ ہیں تھا گیا بھی "
             "کہ", "ٹڈڑںےھہ", "ة"),
)  # fmt: skip

# Scripts one language owns (or nearly): decided by the script alone.
_SCRIPT_LANGUAGE = {
    "greek": "el", "georgian": "ka", "armenian": "hy", "hebrew": "he", "thai": "th",
    "hangul": "ko", "kana": "ja", "han": "zh", "devanagari": "hi", "bengali": "bn",
}  # fmt: skip
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"), (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"), (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"),
    (0x0E00, 0x0E7F, "thai"), (0x10A0, 0x10FF, "georgian"), (0x1E00, 0x1EFF, "latin"),
    (0x3040, 0x30FF, "kana"), (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"), (0xFB50, 0xFEFF, "arabic"),
)  # fmt: skip
_SPECIALS: dict[str, frozenset[str]] = {
    script: frozenset().union(*(p.letters for p in _PROFILES if p.script == script))
    for script in ("latin", "cyrillic", "arabic")
}


def _index_stopwords() -> dict[tuple[str, str], tuple[int, ...]]:
    index: dict[tuple[str, str], tuple[int, ...]] = {}
    for number, profile in enumerate(_PROFILES):
        for word in profile.stopwords:
            index[(profile.script, word)] = index.get((profile.script, word), ()) + (number,)
    return index


_STOPWORD_LANGS = _index_stopwords()  # (script, word) → profile numbers; never changed


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the language of ``text`` and a confidence in [0, 1]."""
    sample = text[:SAMPLE_CHARS].lower()
    chars = Counter(sample)
    script, letters, share = _dominant_script(chars)
    if letters == 0:
        return UNDETERMINED, 0.0
    if script in _SCRIPT_LANGUAGE:
        if script == "han" and _script_count(chars, "kana") > 0.05 * letters:
            return "ja", round(share, 3)
        return _SCRIPT_LANGUAGE[script], round(share, 3)
    scores = _scores(sample, chars, script, letters) if script in _SPECIALS else {}
    best, confidence, sure = _decide(scores)
    if sure:
        return best, confidence
    if best in _UNKNOWN_TO_LANGDETECT:
        return best, confidence
    fallback = _langdetect(text[:SAMPLE_CHARS])
    if fallback is not None and (fallback[1] > confidence or best == UNDETERMINED):
        return fallback
    return best, confidence


def _script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    code = ord(char)
    for low, high, script in _SCRIPT_RANGES:
        if low <= code <= high:
            return script
    return "other"


def _script_count(chars: Counter[str], wanted: str) -> int:
    return sum(n for c, n in chars.items() if _script_of(c) == wanted)


def _dominant_script(chars: Counter[str]) -> tuple[str, int, float]:
    per_script: Counter[str] = Counter()
    for char, count in chars.items():
        script = _script_of(char)
        if script is not None:
            per_script[script] += count
    total = sum(per_script.values())
    if not total:
        return "other", 0, 0.0
    script, count = per_script.most_common(1)[0]
    if script == "kana" or (script == "han" and per_script["kana"]):
        script = "han"
        count = per_script["han"] + per_script["kana"]
    return script, total, count / total


def _scores(sample: str, chars: Counter[str], script: str, letters: int) -> dict[str, float]:
    scores: dict[int, float] = {}
    for token in _TOKEN.findall(sample):
        for index in _STOPWORD_LANGS.get((script, token), ()):
            scores[index] = scores.get(index, 0.0) + 1.0
    specials = _SPECIALS[script]
    present = {c: min(n, _LETTER_CAP) for c, n in chars.items() if c in specials}
    out: dict[str, float] = {}
    for index, profile in enumerate(_PROFILES):
        if profile.script != script:
            continue
        own = sum(n for c, n in present.items() if c in profile.letters)
        foreign = sum(n for c, n in present.items() if c not in profile.letters)
        lacking = sum(chars[c] for c in profile.lacks)  # uncapped: strong, frequent evidence
        value = scores.get(index, 0.0) + _LETTER_WEIGHT * own
        value -= _FOREIGN_WEIGHT * (foreign + lacking)
        if profile.marks and not any(chars[c] for c in profile.marks):
            value -= _MISSING_MARKS * min(1.0, letters / 100)
        out[profile.code] = max(out.get(profile.code, value), value)
    return out


def _decide(scores: dict[str, float]) -> tuple[str, float, bool]:
    """The best language, a confidence, and whether the cheap scorer is sure of it."""
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] <= 0:
        return UNDETERMINED, 0.0, False
    (best, top), runner_up = ranked[0], max(ranked[1][1], 0.0) if len(ranked) > 1 else 0.0
    margin = (top - runner_up) / top
    confidence = round(min(0.99, 0.5 + 0.5 * margin) * min(1.0, top / 8.0) ** 0.5, 3)
    return best, confidence, top - runner_up >= 4.0 and margin >= 0.3


def _langdetect(text: str) -> tuple[str, float] | None:
    try:
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - langdetect is a dependency
        return None
    detector = _detector_factory().create()
    detector.seed = 0  # the same text always gets the same answer
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    code = best.lang.split("-")[0]
    return code, round(float(best.prob), 3)


@functools.lru_cache(maxsize=1)
def _detector_factory() -> Any:
    """langdetect's profiles, loaded once, on first need (they take a moment to load)."""
    from langdetect import detector_factory

    detector_factory.init_factory()
    logger.debug("langdetect profiles loaded")
    return detector_factory._factory

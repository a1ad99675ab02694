"""Language detection: scripts, stopwords, Central Asian letters, the langdetect fallback, speed."""

from __future__ import annotations

import statistics
import time

import pytest

from protestwatch.lang.detect import SAMPLE_CHARS, detect_language

SAMPLES = {
    "en": "Several thousand people marched through the centre of the city on Sunday afternoon, "
    "calling on the government to scrap a planned rise in fuel prices. Police said the march "
    "was peaceful and that no one had been detained by the evening.",
    "ru": "В воскресенье несколько тысяч человек прошли маршем по центру города, требуя от "
    "правительства отказаться от повышения цен на топливо. В полиции заявили, что акция прошла "
    "мирно и что к вечеру никто не был задержан.",
    "kk": "Жексенбі күні бірнеше мың адам қаланың орталығымен шеру өткізіп, үкіметтен жанармай "
    "бағасын көтеру жоспарынан бас тартуды талап етті. Полицияның айтуынша, шеру бейбіт өтті және "
    "кешке дейін ешкім ұсталған жоқ.",
    "ky": "Жекшемби күнү бир нече миң адам шаардын борбору аркылуу жүрүш өткөрүп, өкмөттөн "
    "күйүүчү майдын баасын көтөрүү планынан баш тартууну талап кылышты. Милициянын айтымында, "
    "жүрүш тынч өттү жана кечке чейин эч ким кармалган жок.",
    "uk": "У неділю кілька тисяч людей пройшли маршем центром міста, вимагаючи від уряду "
    "відмовитися від підвищення цін на пальне. У поліції заявили, що акція пройшла мирно і що "
    "до вечора ніхто не був затриманий.",
    "uz": "Yakshanba kuni bir necha ming kishi shahar markazi boʻylab yurish qilib, hukumatdan "
    "yoqilgʻi narxini oshirish rejasidan voz kechishni talab qildi. Politsiya maʼlumotiga koʻra, "
    "yurish tinch oʻtdi va kechgacha hech kim ushlanmadi.",
    "fr": "Dimanche après-midi, plusieurs milliers de personnes ont défilé dans le centre de la "
    "ville pour demander au gouvernement de renoncer à la hausse prévue des prix du carburant. "
    "Selon la police, la marche s'est déroulée dans le calme.",
    "es": "Varios miles de personas marcharon el domingo por la tarde por el centro de la ciudad "
    "para pedir al gobierno que renuncie a la subida prevista de los precios del combustible. La "
    "policía dijo que la marcha fue pacífica.",
    "de": "Mehrere tausend Menschen zogen am Sonntagnachmittag durch die Innenstadt und forderten "
    "die Regierung auf, die geplante Erhöhung der Kraftstoffpreise zurückzunehmen. Die Polizei "
    "sprach von einem friedlichen Marsch, bei dem niemand festgenommen wurde.",
    "tr": "Pazar öğleden sonra birkaç bin kişi şehir merkezinde yürüyüş yaparak hükümetten yakıt "
    "fiyatlarına yapılması planlanan zammın geri çekilmesini istedi. Polis, yürüyüşün barışçıl "
    "geçtiğini ve akşama kadar kimsenin gözaltına alınmadığını söyledi.",
    "ar": "سار عدة آلاف من الأشخاص يوم الأحد في وسط المدينة مطالبين الحكومة بالتراجع عن الزيادة "
    "المقررة في أسعار الوقود، وقالت الشرطة إن المسيرة كانت سلمية ولم يتم اعتقال أي شخص.",
    "fa": "روز یکشنبه چند هزار نفر در مرکز شهر راهپیمایی کردند و از دولت خواستند که از افزایش "
    "برنامه ریزی شده قیمت سوخت صرف نظر کند. پلیس گفت که این راهپیمایی آرام بود.",
    "zh": "周日下午，数千人在市中心游行，要求政府取消计划中的燃油涨价。"
    "警方表示，游行是和平的，到晚上没有人被拘留。",
    "ja": "日曜日の午後、数千人が市の中心部をデモ行進し、"
    "政府に燃料価格の値上げ計画を撤回するよう求めた。",
    "el": "Αρκετές χιλιάδες άνθρωποι διαδήλωσαν την Κυριακή στο κέντρο της πόλης, ζητώντας από "
    "την κυβέρνηση να ακυρώσει την αύξηση των τιμών των καυσίμων.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_language_is_recognised(code: str) -> None:
    got, confidence = detect_language(SAMPLES[code])
    assert got == code
    assert 0.5 <= confidence <= 1.0


def test_uzbek_in_cyrillic() -> None:
    text = (
        "Якшанба куни бир неча минг киши шаҳар маркази бўйлаб юриш қилиб, ҳукуматдан ёқилғи "
        "нархини ошириш режасидан воз кечишни талаб қилди. Полиция маълумотига кўра, юриш "
        "тинч ўтди ва кечгача ҳеч ким ушланмади."
    )
    assert detect_language(text)[0] == "uz"


def test_russian_text_quoting_kazakh_names_stays_russian() -> None:
    text = (
        "Акимат Шымкента сообщил, что встреча с жителями микрорайона Қайтпас прошла в здании "
        "школы. По словам активиста Ғалымжана Әбенова, люди требуют провести газ до конца "
        "года, иначе они снова выйдут на площадь перед зданием администрации."
    )
    assert detect_language(text)[0] == "ru"


def test_kazakh_beats_kyrgyz_on_its_letters_even_when_short() -> None:
    assert detect_language("Әкімдік алдында наразылық акциясы өтті.")[0] == "kk"
    assert detect_language("Мэриянын алдында нааразычылык акциясы өттү.")[0] == "ky"


def test_no_letters_is_undetermined() -> None:
    assert detect_language("") == ("und", 0.0)
    assert detect_language("12.03.2021 — 14:00, 2 000 / 3 500 (+15%)") == ("und", 0.0)


def test_fallback_is_deterministic_for_languages_without_a_profile() -> None:
    text = (
        "Nekoliko tisuća ljudi u nedjelju je prošlo središtem grada tražeći od vlade da odustane "
        "od planiranog poskupljenja goriva. Policija je rekla da je prosvjed bio miran."
    )
    results = {detect_language(text) for _ in range(3)}
    assert len(results) == 1
    assert results.pop()[0] in ("hr", "sl")


def test_only_the_start_of_the_text_is_read() -> None:
    text = SAMPLES["en"] * 10 + " " + SAMPLES["ru"] * 50  # mostly Russian, but not at the start
    assert len(SAMPLES["en"]) * 10 >= SAMPLE_CHARS
    assert detect_language(text)[0] == "en"


def test_a_typical_article_takes_well_under_a_millisecond() -> None:
    article = " ".join([SAMPLES["en"]] * 20)  # ~5,000 characters
    detect_language(article)
    timings = []
    for _ in range(200):
        started = time.perf_counter()
        detect_language(article)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.001

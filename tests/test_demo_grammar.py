"""Tests for the commentary grammar: the LanguageTable format, rendering, and the exact
renderings of hand-checked sentences.

The exact renderings below were written by hand from knowledge of each language, not
copied from the module's output, so they check the grammar rather than freeze it.
"""

import re
from dataclasses import replace

import pytest

from rnnkit.demo.grammar import ROSTERS, Event, format_clock
from rnnkit.demo.languages import LANGUAGES, NAMES, ORDER, TABLES, render


def test_languages():
    # The codes present, in the census order; the six original languages at least.
    assert list(LANGUAGES) == [code for code in ORDER if code in LANGUAGES]
    assert set(TABLES) == {"en", *LANGUAGES}
    assert {
        "fr": "French",
        "es": "Spanish",
        "pt": "Portuguese",
        "it": "Italian",
        "zh": "Mandarin",
        "vi": "Vietnamese",
    }.items() <= NAMES.items()
    assert all(TABLES[code].code == code for code in TABLES)


# Hand-written expected translations.
MADE_THREE_WITH_CLOCK = Event("made_clock", player="Tremblay", shot="three", quarter=2, clock=225)
LEAD = Event("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49)
ASSIST = Event("assist", player="Haddad", other="Mensah", shot="layup")
BLOCK = Event("block", player="Donnelly", other="Varga", shot="dunk")
QUARTER = Event("quarter_start", quarter=3)
TIED = Event("tied_clock", a=60, quarter=4, clock=48)

EXPECTED = {
    MADE_THREE_WITH_CLOCK: {
        "en": "Tremblay makes a three-pointer with 3:45 left in the second quarter",
        "fr": "Tremblay réussit un tir à trois points à 3:45 de la fin du deuxième quart-temps",
        "es": "Tremblay anota un triple a falta de 3:45 para el final del segundo cuarto",
        "pt": "Tremblay acerta um arremesso de três faltando 3:45 para o fim do segundo quarto",
        "it": "Tremblay realizza una tripla a 3:45 dalla fine del secondo quarto",
        "zh": "Tremblay在第二节还剩3:45时命中一记三分球",
        "vi": "Tremblay ném ba điểm thành công khi hiệp hai còn 3:45",
    },
    LEAD: {
        "en": "The Raptors lead the Celtics 54 to 49",
        "fr": "Les Raptors mènent 54 à 49 face aux Celtics",
        "es": "Los Raptors superan a los Celtics por 54 a 49",
        "pt": "Os Raptors estão à frente dos Celtics por 54 a 49",
        "it": "I Raptors sono avanti 54 a 49 sui Celtics",
        "zh": "猛龙以54比49领先凯尔特人",
        "vi": "Raptors dẫn trước Celtics 54–49",
    },
    ASSIST: {
        "en": "Haddad finds Mensah for the layup",
        "fr": "Haddad trouve Mensah pour le lay-up",
        "es": "Haddad encuentra a Mensah para la bandeja",
        "pt": "Haddad encontra Mensah para a bandeja",
        "it": "Haddad trova Mensah per l'appoggio",
        "zh": "Haddad助攻Mensah上篮得手",
        "vi": "Haddad chuyền bóng cho Mensah lên rổ",
    },
    BLOCK: {
        "en": "Donnelly blocks Varga on the dunk",
        "fr": "Donnelly contre le dunk de Varga",
        "es": "Donnelly bloquea el mate de Varga",
        "pt": "Donnelly dá um toco em Varga na enterrada",
        "it": "Donnelly stoppa la schiacciata di Varga",
        "zh": "Donnelly封盖了Varga的扣篮",
        "vi": "Donnelly chặn cú úp rổ của Varga",
    },
    QUARTER: {
        "en": "The third quarter begins",
        "fr": "Début du troisième quart-temps",
        "es": "Comienza el tercer cuarto",
        "pt": "Começa o terceiro quarto",
        "it": "Inizia il terzo quarto",
        "zh": "第三节比赛开始",
        "vi": "Hiệp ba bắt đầu",
    },
    TIED: {
        "en": "The game is tied at 60 with 0:48 left in the fourth quarter",
        "fr": "Égalité à 60 partout à 0:48 de la fin du quatrième quart-temps",
        "es": "El partido está empatado a 60 a falta de 0:48 para el final del cuarto cuarto",
        "pt": "O jogo está empatado em 60 a 60 faltando 0:48 para o fim do quarto quarto",
        "it": "La partita è in parità a quota 60 a 0:48 dalla fine del quarto quarto",
        "zh": "第四节还剩0:48，双方战成60平",
        "vi": "Hai đội đang hòa 60–60 khi hiệp bốn còn 0:48",
    },
}


@pytest.mark.parametrize(
    ("event", "lang"), [(event, lang) for event in EXPECTED for lang in EXPECTED[event]]
)
def test_exact_rendering(event, lang):
    assert render(event, lang) == EXPECTED[event][lang]


def test_agreement_and_contractions():
    def say(lang, template, **slots):
        return render(Event(template, **slots), lang)

    # Feminine nouns take feminine articles; masculine ones masculine.
    assert say("es", "made", player="Iwu", shot="layup") == "Iwu anota una bandeja"
    assert say("es", "made", player="Iwu", shot="three") == "Iwu anota un triple"
    assert say("pt", "missed", player="Iwu", shot="dunk") == "Iwu erra uma enterrada"
    assert say("pt", "missed", player="Iwu", shot="free_throw") == "Iwu erra um lance livre"
    assert say("it", "missed", player="Iwu", shot="three") == "Iwu sbaglia una tripla"
    assert say("it", "assist", player="Iwu", other="Marin", shot="jumper") == (
        "Iwu trova Marin per il tiro in sospensione"
    )
    assert "une faute personnelle" in say("fr", "foul_personal", player="Iwu", other="Marin")
    assert say("fr", "rebound", player="Iwu", rebound="defensive") == (
        "Iwu prend le rebond défensif"
    )
    # Contractions: fr "du", es "del", pt "no", it "al"/"del".
    assert say("fr", "quarter_end", quarter=1) == "Fin du premier quart-temps"
    assert say("es", "quarter_end", quarter=1) == "Fin del primer cuarto"
    assert say("pt", "block", player="Iwu", other="Marin", shot="three") == (
        "Iwu dá um toco em Marin no arremesso de três"
    )
    assert say("it", "substitution", player="Iwu", other="Marin") == ("Iwu entra al posto di Marin")
    assert say("it", "quarter_end", quarter=2) == "Fine del secondo quarto"


def test_names_are_kept_and_numbers_are_copied():
    event = Event("lead_clock", team="Knicks", a=101, b=99, quarter=4, clock=7)
    for lang in LANGUAGES:
        sentence = render(event, lang)
        table = TABLES[lang]
        # "101", "0:07" unless the language writes them otherwise (its own digits, or forms
        # a particle depends on, which its own tests check)
        for shown in (table.format_number(101), table.format_number(99), table.format_clock(7)):
            assert isinstance(shown, dict) or shown in sentence, (lang, sentence)
    assert render(event, "zh") == "第四节还剩0:07，尼克斯以101比99领先"
    assert render(Event("steal", player="Okonkwo", other="Szabo"), "zh") == "Okonkwo抢断Szabo"


# The stat lines of the grammar's fourth round: one player's count of rebounds, assists,
# blocks, steals and made threes, and a team's three-point percentage.
STAT_COUNTS = ("rebounds", "assists", "blocks", "steals", "threes")
STAT_TEMPLATES = (*STAT_COUNTS, "team_three_percentage")


def stat_event(template: str, n: int) -> Event:
    if template == "team_three_percentage":
        return Event(template, team="Raptors", a=n)
    return Event(template, player="Haddad", a=n)


@pytest.mark.parametrize("template", STAT_TEMPLATES)
@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_stat_lines_render_their_number_in_every_language(lang, template):
    # No count, the one, the few and the many (0, 1, 2, 5, 11 ... 22), each in the
    # language's own digits, and no two counts give the same sentence.
    table = TABLES[lang]
    sentences = set()
    counts = (0, 1, 2, 5, 11, 12, 21, 22)
    for n in counts:
        sentence = render(stat_event(template, n), lang)
        digits = table.format_number(n)
        digits = digits["n"] if isinstance(digits, dict) else digits
        assert re.search(rf"(?<!\d){digits}(?!\d)", sentence), (lang, template, n, sentence)
        sentences.add(sentence)
    assert len(sentences) == len(counts), (lang, template)


# The counted noun after the number, written from each language's rules (1, 21 the
# singular; 2-4, 22-24 the paucal; 0, 5-20 the genitive plural; Polish 21 as 5).
STAT_AGREEMENT = {
    "ru": {
        "rebounds": {21: "21 подбор", 3: "3 подбора", 5: "5 подборов", 11: "11 подборов"},
        "assists": {1: "1 передача", 4: "4 передачи", 12: "12 передач"},
        "blocks": {1: "1 блок-шот", 2: "2 блок-шота", 7: "7 блок-шотов"},
        "steals": {1: "1 перехват", 3: "3 перехвата", 0: "0 перехватов"},
        "threes": {1: "1 трёхочковый", 2: "2 трёхочковых", 12: "12 трёхочковых"},
    },
    "uk": {
        "rebounds": {21: "21 підбирання", 5: "5 підбирань"},
        "assists": {1: "1 передача", 2: "2 передачі", 11: "11 передач"},
        "blocks": {1: "1 блок-шот", 3: "3 блок-шоти", 8: "8 блок-шотів"},
        "steals": {1: "1 перехоплення", 6: "6 перехоплень"},
        "threes": {1: "1 триочковий", 4: "4 триочкові", 10: "10 триочкових"},
    },
    "sr": {
        "rebounds": {21: "21 скок", 3: "3 скока", 5: "5 скокова"},
        "assists": {1: "1 асистенцију", 2: "2 асистенције", 9: "9 асистенција"},
        "blocks": {1: "1 блокаду", 2: "2 блокаде", 5: "5 блокада"},
        "steals": {1: "1 украдену лопту", 3: "3 украдене лопте", 7: "7 украдених лопти"},
        "threes": {1: "1 тројку", 4: "4 тројке", 12: "12 тројки"},
    },
    "pl": {
        "rebounds": {1: "1 zbiórka", 22: "22 zbiórki", 21: "21 zbiórek"},
        "assists": {1: "1 asysta", 3: "3 asysty", 15: "15 asyst"},
        "blocks": {1: "1 blok", 3: "3 bloki", 5: "5 bloków"},
        "steals": {1: "1 przechwyt", 2: "2 przechwyty", 7: "7 przechwytów"},
        "threes": {1: "1 trójkę", 3: "3 trójki", 12: "12 trójek"},
    },
}


@pytest.mark.parametrize("lang", sorted(STAT_AGREEMENT))
def test_stat_lines_count_with_the_agreeing_noun(lang):
    for template, forms in STAT_AGREEMENT[lang].items():
        for n, counted in forms.items():
            sentence = render(stat_event(template, n), lang)
            assert counted in sentence, (lang, template, n, sentence)


STAT_LINES = {
    "en": (
        "Haddad has 12 rebounds",
        "Haddad has 12 assists",
        "Haddad has 12 blocks",
        "Haddad has 12 steals",
        "Haddad has made 12 threes",
        "The Raptors are shooting 38 percent from three",
    ),
    "fr": (
        "Rebonds : Haddad en est à 12",
        "Passes décisives : Haddad en est à 12",
        "Contres : Haddad en est à 12",
        "Interceptions : Haddad en est à 12",
        "Tirs à trois points : Haddad en a réussi 12",
        "Les Raptors à 38 % de réussite à trois points",
    ),
    "es": (
        "Rebotes: Haddad lleva 12",
        "Asistencias: Haddad lleva 12",
        "Tapones: Haddad lleva 12",
        "Robos: Haddad lleva 12",
        "Triples: Haddad ha anotado 12",
        "Los Raptors lanzan con un 38 % en triples",
    ),
    "zh": (
        "Haddad本场已经抢下12个篮板",
        "Haddad本场已经送出12次助攻",
        "Haddad本场已经送出12次盖帽",
        "Haddad本场已经完成12次抢断",
        "Haddad本场已经命中12记三分球",
        "猛龙本场三分球命中率为38%",
    ),
    "ru": (
        "На счету Хаддада уже 12 подборов",
        "На счету Хаддада уже 12 передач",
        "На счету Хаддада уже 12 блок-шотов",
        "На счету Хаддада уже 12 перехватов",
        "Хаддад реализовал уже 12 трёхочковых",
        "«Рэпторс» реализуют 38% трёхочковых бросков",
    ),
    "ko": (
        "하다드가 이 경기 12리바운드를 기록하고 있습니다",
        "하다드가 이 경기 12어시스트를 기록하고 있습니다",
        "하다드가 이 경기 12블록슛을 기록하고 있습니다",
        "하다드가 이 경기 12스틸을 기록하고 있습니다",
        "하다드가 이 경기 3점슛 12개를 성공시키고 있습니다",
        "랩터스가 3점슛 성공률 38%를 기록하고 있습니다",
    ),
}


@pytest.mark.parametrize("lang", sorted(STAT_LINES))
def test_stat_lines_exact_rendering(lang):
    got = tuple(
        render(stat_event(template, 38 if template == "team_three_percentage" else 12), lang)
        for template in STAT_TEMPLATES
    )
    assert got == STAT_LINES[lang]


def test_format_clock():
    assert [format_clock(s) for s in (0, 7, 59, 60, 225, 719)] == [
        "0:00",
        "0:07",
        "0:59",
        "1:00",
        "3:45",
        "11:59",
    ]


# A made-up table exercising every hook of the format: player forms, native digits,
# a clock of its own, team and quarter forms.
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
TOY = replace(
    TABLES["en"],
    code="toy",
    teams={team: {"nom": team.upper(), "gen": team.lower()} for team in ROSTERS},
    quarters=({"nom": "one", "gen": "one's"}, "two", "three", "four"),
    player=lambda name: {"nom": name, "dat": "to " + name},
    number=lambda n: "".join(EASTERN_DIGITS[int(d)] for d in str(n)),
    templates={
        **TABLES["en"].templates,
        "steal": "{player[nom]} steals it, {other[dat]}",
        "timeout": "Timeout {team[gen]}",
        "lead_opponent": "{team[nom]} over {opponent[gen]} {a}-{b}",
        "tied_clock": "Tied at {a} with {clock} left in the {quarter[gen]} quarter",
    },
)


def test_table_hooks_fill_their_slots():
    assert TOY.render(Event("steal", player="Iwu", other="Marin")) == "Iwu steals it, to Marin"
    assert TOY.render(Event("timeout", team="Knicks")) == "Timeout knicks"
    assert TOY.render(Event("lead_opponent", team="Bulls", opponent="Lakers", a=101, b=7)) == (
        "BULLS over lakers ١٠١-٧"
    )
    # Without a clock() of its own, the clock is format_clock in number()'s digits.
    assert TOY.render(Event("tied_clock", a=60, quarter=1, clock=48)) == (
        "Tied at ٦٠ with ٠:٤٨ left in the one's quarter"
    )
    with_clock = replace(TOY, clock=lambda seconds: f"{seconds} s")
    assert with_clock.render(Event("tied_clock", a=60, quarter=1, clock=48)) == (
        "Tied at ٦٠ with 48 s left in the one's quarter"
    )
    # A number() that gives forms cannot be spelled digit by digit: it needs a clock().
    forms = replace(TOY, number=lambda n: {"nom": str(n)})
    with pytest.raises(ValueError, match="needs clock"):
        forms.render(Event("tied_clock", a=60, quarter=1, clock=48))


def test_table_must_cover_the_whole_grammar():
    english = TABLES["en"]
    with pytest.raises(ValueError, match="templates lacks .'win'."):
        replace(english, templates={k: v for k, v in english.templates.items() if k != "win"})
    with pytest.raises(ValueError, match="teams lacks .'Bulls'."):
        replace(english, teams={t: t for t in ROSTERS if t != "Bulls"})
    with pytest.raises(ValueError, match="script 'Klingon'"):
        replace(english, script="Klingon")
    with pytest.raises(ValueError, match="4 ordinals"):
        replace(english, quarters=("first", "second", "third"))


def test_event_rejects_bad_slots_and_languages():
    with pytest.raises(ValueError, match="unknown template"):
        Event("slam_dunk_contest", player="Iwu")
    with pytest.raises(ValueError, match="needs"):
        Event("made", player="Iwu")
    with pytest.raises(ValueError, match="cannot be assisted"):
        Event("assist", player="Iwu", other="Marin", shot="free_throw")
    with pytest.raises(ValueError, match="unknown language"):
        render(Event("turnover", player="Iwu"), "xx")

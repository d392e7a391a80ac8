"""Serbian commentary: names, their four cases and whole sentences, worked out by hand.

The expected strings were written from Serbian grammar (Pravopis on the declension of
foreign surnames; plural club names), not copied from the module's output.
"""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import sr
from rnnkit.demo.languages._transliteration import transliterate


def render(template, **slots):
    return sr.TABLE.render(Event(template, **slots))


# (surname, nom, gen, dat, acc)
DECLENSION = [
    ("Haddad", "Хадад", "Хадада", "Хададу", "Хадада"),  # dd -> д
    ("Kovac", "Ковач", "Ковача", "Ковачу", "Ковача"),
    ("Calloway", "Каловеј", "Каловеја", "Каловеју", "Каловеја"),
    ("Varga", "Варга", "Варге", "Варги", "Варгу"),
    ("Romano", "Романо", "Романа", "Роману", "Романа"),  # unstressed -о
    ("Moreau", "Моро", "Мороа", "Мороу", "Мороа"),  # stressed French -о
    ("Donnelly", "Донели", "Донелија", "Донелију", "Донелија"),
    ("Kaminski", "Камински", "Каминског", "Каминском", "Каминског"),
    ("Tremblay", "Трамбле", "Трамблеа", "Трамблеу", "Трамблеа"),
    ("Delacroix", "Делакроа", "Делакроа", "Делакроа", "Делакроа"),
]


@pytest.mark.parametrize(("name", "nom", "gen", "dat", "acc"), DECLENSION)
def test_declension(name, nom, gen, dat, acc):
    assert sr.player(name) == {"nom": nom, "gen": gen, "dat": dat, "acc": acc}


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Ndiaye", "Ндијаје"),  # ј between i and a vowel, y after a vowel
        ("Montoya", "Монтоја"),
        ("Ferreira", "Ферејра"),
        ("Hollister", "Холистер"),
        ("Lucero", "Лусеро"),
        ("Szabo", "Сабо"),
        ("Thompson", "Томпсон"),  # outside the rosters
        ("Chapman", "Чапман"),
    ],
)
def test_transliteration(latin, cyrillic):
    assert transliterate(latin, sr._NAME_RULES, sr._LETTERS, sr._NAME_EXCEPTIONS) == cyrillic


def test_sentences():
    assert render("steal", player="Petrov", other="Varga") == "Петров отима лопту Варги"
    assert render("foul_personal", player="Abara", other="Kovac") == "Абара фаулира Ковача"
    assert render("foul_shooting", player="Kovac", other="Varga") == ("Ковач фаулира Варгу у шуту")
    assert render("block", player="Moreau", other="Esposito", shot="layup") == (
        "Моро блокира Еспозита при полагању"
    )
    assert render("assist", player="Rinaldi", other="Marin", shot="three") == (
        "Марин погађа тројку након асистенције Риналдија"
    )
    assert render("substitution", player="Iwu", other="Kaminski") == ("Иву улази уместо Каминског")
    assert render("lead_opponent", team="Lakers", opponent="Raptors", a=54, b=49) == (
        "Лејкерси воде против Репторса 54:49"
    )
    assert render("made_clock", player="Brennan", shot="dunk", quarter=1, clock=75) == (
        "Бренан закуцава 1:15 пре краја прве четвртине"
    )
    assert render("timeout", team="Raptors") == "Репторси траже тајм-аут"


def test_no_doubled_letters_in_names():
    from rnnkit.demo.grammar import PLAYERS

    for surname in PLAYERS:
        serbian = sr.player(surname)["nom"]
        assert not any(a == b for a, b in zip(serbian, serbian[1:])), serbian


@pytest.mark.parametrize(
    ("n", "key", "expected"),
    [
        (1, "pts", "1 поен"),
        (21, "pts", "21 поен"),
        (3, "pts", "3 поена"),  # the paucal
        (11, "pts", "11 поена"),  # the genitive plural
        (15, "pts", "15 поена"),
        (1, "reb", "1 скок"),
        (2, "reb", "2 скока"),
        (12, "reb", "12 скокова"),
        (1, "ast", "1 асистенцију"),  # has one assist: the accusative
        (3, "ast", "3 асистенције"),
        (8, "ast", "8 асистенција"),
        (21, "ft", "21 стопе"),  # са двадесет једне стопе
        (24, "ft", "24 стопе"),
        (26, "ft", "26 стопа"),
    ],
)
def test_counted_nouns_agree_with_the_number(n, key, expected):
    assert sr.number(n)[key] == expected


def test_sentences_of_the_second_round():
    assert sr.TABLE.format_ordinal(3) == "3."
    assert render("foul_count", player="Varga", nth=4) == "Варга прави 4. фаул"
    assert render("jump_ball", player="Moreau", other="Kaminski") == (
        "Моро надскаче Каминског у скок-лопти"
    )
    # Club names have their nominative and genitive only.
    assert render("lead_change", player="Rinaldi", team="Lakers") == (
        "Лејкерси поново воде након коша Риналдија"
    )
    assert render("checks_in", player="Iwu", team="Bulls") == "Код Булса у игру улази Иву"
    assert render("points_assists", player="Donnelly", a=21, b=1) == (
        "Донели има 21 поен и 1 асистенцију"
    )
    assert render("lead_by", team="Knicks", a=4) == "Никси имају 4 поена предности"


def test_sentences_of_the_third_round():
    # са + the margin: the instrumental after 1 (са једним поеном), the genitive after 2-4
    assert render("lead_score", team="Raptors", c=1, a=50, b=49) == (
        "Репторси воде са 1 поеном разлике, 50:49"
    )
    assert render("run_score", team="Lakers", a=10, b=2, c=6) == (
        "После серије 10:2 Лејкерси воде са 6 поена разлике"
    )
    assert render("trail_score", team="Bulls", c=4, a=60, b=56) == "Булси заостају 4 поена, 56:60"
    assert render("triple_double", player="Donnelly", a=21, b=12, c=10) == (
        "Донели има 21 поен, 12 скокова и 10 асистенција"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Добро дошли у Скотијабанк арену"

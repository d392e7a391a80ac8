"""Russian commentary: names, their cases and whole sentences, worked out by hand.

The expected strings were written from Russian grammar (the declension of foreign male
surnames, plural agreement with club names), not copied from the module's output.
"""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import ru
from rnnkit.demo.languages._transliteration import transliterate


def render(template, **slots):
    return ru.TABLE.render(Event(template, **slots))


# (surname, nom, gen, acc)
DECLENSION = [
    ("Haddad", "Хаддад", "Хаддада", "Хаддада"),  # consonant: like "стол"
    ("Petrov", "Петров", "Петрова", "Петрова"),
    ("Kovac", "Ковач", "Ковача", "Ковача"),
    ("Varga", "Варга", "Варги", "Варгу"),  # unstressed -а; ы -> и after г
    ("Abara", "Абара", "Абары", "Абару"),
    ("Mensah", "Менса", "Менсы", "Менсу"),  # silent final h
    ("Montoya", "Монтойя", "Монтойи", "Монтойю"),  # -я
    ("Calloway", "Кэллоуэй", "Кэллоуэя", "Кэллоуэя"),  # -й
    ("Delacroix", "Делакруа", "Делакруа", "Делакруа"),  # stressed French -а
    ("Romano", "Романо", "Романо", "Романо"),  # other vowels: indeclinable
    ("Donnelly", "Доннелли", "Доннелли", "Доннелли"),
    ("Iwu", "Иву", "Иву", "Иву"),
]


@pytest.mark.parametrize(("name", "nom", "gen", "acc"), DECLENSION)
def test_declension(name, nom, gen, acc):
    assert ru.player(name) == {"nom": nom, "gen": gen, "acc": acc}


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # The rules alone, on names outside the rosters.
        ("Chandler", "Чандлер"),
        ("Shumpert", "Шумперт"),
        ("Kirilenko", "Кириленко"),
        ("Embiid", "Эмбиид"),
        ("Lucic", "Лусик"),  # c before i is с: the reason Kovac is an exception
        ("Jokic", "Джокик"),
        # Roster names the rules get right.
        ("Lindqvist", "Линдквист"),
        ("Okonkwo", "Оконкво"),
        ("Szabo", "Сабо"),
        ("Hartmann", "Хартман"),
        ("Ferreira", "Феррейра"),
        ("Oyelaran", "Ойеларан"),
        ("Ndiaye", "Ндиайе"),
        ("Whitaker", "Уитакер"),
        ("Barlow", "Барлоу"),
        ("Lucero", "Лусеро"),
        ("Esposito", "Эспозито"),  # an exception: intervocalic s is voiced in Italian
    ],
)
def test_transliteration(latin, cyrillic):
    assert transliterate(latin, ru._NAME_RULES, ru._LETTERS, ru._NAME_EXCEPTIONS) == cyrillic


def test_sentences():
    assert render("made_clock", player="Varga", shot="three", quarter=2, clock=225) == (
        "Варга реализует трёхочковый за 3:45 до конца второй четверти"
    )
    assert render("assist", player="Haddad", other="Mensah", shot="layup") == (
        "Менса забивает из-под кольца после передачи Хаддада"
    )
    assert render("block", player="Donnelly", other="Varga", shot="dunk") == (
        "Доннелли блокирует Варгу при попытке забить сверху"
    )
    assert render("steal", player="Petrov", other="Montoya") == (
        "Петров перехватывает мяч у Монтойи"
    )
    assert render("foul_shooting", player="Kovac", other="Calloway") == (
        "Ковач нарушает правила против Кэллоуэя при броске"
    )
    assert render("substitution", player="Okonkwo", other="Tremblay") == (
        "Оконкво выходит на площадку вместо Трамбле"
    )
    # Club names are plural: the verb agrees ("ведут", "берут"), the name does not decline.
    assert render("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49) == (
        "«Рэпторс» выигрывают у «Селтикс» со счётом 54:49"
    )
    assert render("timeout", team="Bulls") == "«Буллз» берут тайм-аут"
    assert render("tied_clock", a=60, quarter=4, clock=48) == (
        "За 0:48 до конца четвёртой четверти на табло ничья — 60:60"
    )
    assert render("quarter_start", quarter=3) == "Начинается третья четверть"
    assert render("quarter_end", quarter=1) == "Конец первой четверти"

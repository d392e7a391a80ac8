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


@pytest.mark.parametrize(
    ("n", "key", "expected"),
    [
        # the noun after a number: 1, 21 singular; 2-4, 22-24 genitive singular; the rest
        # (11-14 included) genitive plural
        (1, "pts", "1 очко"),
        (3, "pts", "3 очка"),
        (11, "pts", "11 очков"),
        (21, "pts", "21 очко"),
        (22, "pts", "22 очка"),
        (25, "pts", "25 очков"),
        (112, "pts", "112 очков"),
        (1, "pts_gen", "1 очка"),  # до одного очка
        (3, "pts_gen", "3 очков"),  # до трёх очков
        (21, "pts_gen", "21 очка"),
        (1, "reb", "1 подбор"),
        (4, "reb", "4 подбора"),
        (10, "reb", "10 подборов"),
        (1, "ast", "1 передача"),
        (3, "ast", "3 передачи"),
        (7, "ast", "7 передач"),
        (21, "ft_gen", "21 фута"),  # с двадцати одного фута
        (26, "ft_gen", "26 футов"),
    ],
)
def test_counted_nouns_agree_with_the_number(n, key, expected):
    assert ru.number(n)[key] == expected
    assert ru.number(n)["n"] == str(n)


def test_ordinals():
    assert ru.ordinal(3) == {"m": "3-й", "f": "3-я"}
    assert ru.ordinal(40) == {"m": "40-й", "f": "40-я"}


def test_sentences_of_the_second_round():
    assert render("cut_lead", team="Raptors", a=1) == "«Рэпторс» сокращают отставание до 1 очка"
    assert render("lead_by", team="Bulls", a=22) == "«Буллз» впереди на 22 очка"
    assert render("foul_count", player="Varga", nth=5) == "У Варги уже 5-й фол"
    assert render("lead_changes", nth=12) == "Это уже 12-я смена лидера в матче"
    assert render("points_rebounds", player="Haddad", a=21, b=12) == (
        "На счету Хаддада 21 очко и 12 подборов"
    )
    assert render("pull_up", player="Kovac", a=21) == "Ковач останавливается и попадает с 21 фута"
    assert render("jump_ball", player="Calloway", other="Montoya") == (
        "Кэллоуэй выигрывает спорный мяч у Монтойи"
    )
    assert render("shooting_line", player="Iwu", a=7, b=8) == "Иву: 7 из 8 со штрафной линии"
    assert render("final", team="Celtics", opponent="Raptors", a=101, b=99) == (
        "Итоговый счёт: «Селтикс» — «Рэпторс» — 101:99"
    )


def test_sentences_of_the_third_round():
    assert ru.number(21)["shots_gen"] == "21 броска"  # из двадцати одного броска
    assert ru.number(3)["shots_gen"] == "3 бросков"  # из трёх бросков
    assert render("triple_double", player="Haddad", a=21, b=11, c=12) == (
        "На счету Хаддада 21 очко, 11 подборов и 12 передач"
    )
    assert render("points_shooting", player="Varga", a=23, b=9, c=21) == (
        "У Варги 23 очка при реализации 9 из 21 броска с игры"
    )
    # The trailing team's own score first, as the Russian press writes it.
    assert render("trail_score", team="Raptors", c=3, a=88, b=85) == (
        "«Рэпторс» отстают на 3 очка — 85:88"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == (
        "Добро пожаловать на «Скотиабанк Арену»"
    )
    assert render("arena_lead", team="Bulls", a=54, b=49, arena="Scotiabank Arena") == (
        "Здесь, на «Скотиабанк Арене», «Буллз» ведут со счётом 54:49"
    )

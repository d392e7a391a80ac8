"""Ukrainian commentary: names, their cases and whole sentences, worked out by hand.

The expected strings were written from Ukrainian grammar (the declension of foreign male
surnames, iotated vowels, plural agreement with club names), not copied from the output.
"""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import uk
from rnnkit.demo.languages._transliteration import transliterate


def render(template, **slots):
    return uk.TABLE.render(Event(template, **slots))


# (surname, nom, gen, acc)
DECLENSION = [
    ("Haddad", "Хаддад", "Хаддада", "Хаддада"),
    ("Hollister", "Голлістер", "Голлістера", "Голлістера"),  # h -> г
    ("Petrov", "Петров", "Петрова", "Петрова"),
    ("Varga", "Варга", "Варги", "Варгу"),
    ("Mensah", "Менса", "Менси", "Менсу"),
    ("Montoya", "Монтоя", "Монтої", "Монтою"),  # я after a vowel: ї, ю
    ("Calloway", "Келловей", "Келловея", "Келловея"),
    ("Delacroix", "Делакруа", "Делакруа", "Делакруа"),  # stressed French -а
    ("Donnelly", "Доннеллі", "Доннеллі", "Доннеллі"),
    ("Ndiaye", "Ндіає", "Ндіає", "Ндіає"),
]


@pytest.mark.parametrize(("name", "nom", "gen", "acc"), DECLENSION)
def test_declension(name, nom, gen, acc):
    assert uk.player(name) == {"nom": nom, "gen": gen, "acc": acc}


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Harden", "Гарден"),  # names outside the rosters: the rules alone
        ("Holmgren", "Голмгрен"),
        ("Wade", "Ваде"),  # what the rules cannot know: English a-e (the press: Вейд)
        ("Oyelaran", "Оєларан"),  # ye -> є
        ("Eklund", "Еклунд"),
        ("Whitaker", "Вітакер"),
        ("Quinlan", "Квінлан"),
        ("Lindgren", "Ліндгрен"),
    ],
)
def test_transliteration(latin, cyrillic):
    assert transliterate(latin, uk._NAME_RULES, uk._LETTERS, uk._NAME_EXCEPTIONS) == cyrillic


def test_sentences():
    assert render("made_clock", player="Hartmann", shot="three", quarter=3, clock=225) == (
        "Гартман реалізує триочковий за 3:45 до кінця третьої чверті"
    )
    assert render("assist", player="Haddad", other="Montoya", shot="dunk") == (
        "Монтоя забиває зверху після передачі Хаддада"
    )
    assert render("block", player="Kovac", other="Varga", shot="layup") == (
        "Ковач блокує Варгу під час кидка з-під кошика"
    )
    assert render("steal", player="Iwu", other="Calloway") == "Іву перехоплює м'яч у Келловея"
    assert render("foul_personal", player="Abara", other="Mensah") == "Абара фолить проти Менси"
    assert render("lead_opponent", team="Raptors", opponent="Knicks", a=54, b=49) == (
        "«Репторз» виграють у «Нікс» з рахунком 54:49"
    )
    assert render("quarter_start", quarter=4) == "Починається четверта чверть"
    assert render("win", team="Bucks", a=108, b=99) == "«Бакс» перемагають з рахунком 108:99"


@pytest.mark.parametrize(
    ("n", "key", "expected"),
    [
        (1, "pts", "1 очко"),
        (2, "pts", "2 очки"),
        (5, "pts", "5 очок"),
        (14, "pts", "14 очок"),
        (21, "pts", "21 очко"),
        (23, "pts", "23 очки"),
        (1, "pts_gen", "1 очка"),  # до одного очка
        (3, "pts_gen", "3 очок"),  # до трьох очок
        (1, "reb", "1 підбирання"),
        (5, "reb", "5 підбирань"),
        (2, "ast", "2 передачі"),
        (9, "ast", "9 передач"),
        (1, "ft_gen", "1 фута"),
        (30, "ft_gen", "30 футів"),
    ],
)
def test_counted_nouns_agree_with_the_number(n, key, expected):
    assert uk.number(n)[key] == expected


@pytest.mark.parametrize(
    ("n", "feminine"),
    [
        (1, "1-ша"),  # перша
        (2, "2-га"),  # друга
        (3, "3-тя"),  # третя
        (4, "4-та"),  # четверта
        (7, "7-ма"),  # сьома
        (8, "8-ма"),  # восьма
        (11, "11-та"),  # одинадцята
        (13, "13-та"),  # тринадцята
        (20, "20-та"),  # двадцята
        (21, "21-ша"),  # двадцять перша
        (23, "23-тя"),  # двадцять третя
        (40, "40-ва"),  # сорокова
        (100, "100-та"),  # сота
    ],
)
def test_ordinals(n, feminine):
    assert uk.ordinal(n) == {"m": f"{n}-й", "f": feminine}


def test_sentences_of_the_second_round():
    assert render("lead_changes", nth=3) == "Це вже 3-тя зміна лідера в матчі"
    assert render("foul_count", player="Montoya", nth=4) == "У Монтої вже 4-й фол"
    assert render("lead_by", team="Bucks", a=2) == "«Бакс» попереду на 2 очки"
    assert render("points", player="Haddad", a=1) == "У Хаддада вже 1 очко"
    assert render("cut_lead", team="Knicks", a=5) == "«Нікс» скорочують відставання до 5 очок"
    assert render("jump_ball", player="Kovac", other="Varga") == (
        "Ковач виграє спірний м'яч у Варги"
    )


def test_sentences_of_the_third_round():
    assert uk.number(22)["shots_gen"] == "22 кидків"  # з двадцяти двох кидків
    assert render("triple_double", player="Montoya", a=22, b=10, c=11) == (
        "На рахунку Монтої 22 очки, 10 підбирань і 11 передач"
    )
    assert render("points_shooting", player="Haddad", a=31, b=12, c=22) == (
        "У Хаддада 31 очко при реалізації 12 з 22 кидків з гри"
    )
    assert render("trail_score", team="Knicks", c=1, a=70, b=69) == (
        "«Нікс» відстають на 1 очко — 69:70"
    )
    assert render("arena_lead", team="Bucks", a=54, b=49, arena="Scotiabank Arena") == (
        "Тут, на «Скотіабанк Арені», «Бакс» ведуть з рахунком 54:49"
    )

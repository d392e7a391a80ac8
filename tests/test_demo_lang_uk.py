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

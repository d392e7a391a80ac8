"""Polish commentary: the declension of foreign surnames and whole sentences, by hand.

The expected forms follow PWN's rules for foreign surnames (apostrophe after an
unpronounced ending, adjective endings after -i/-y read [i], softened datives of -a
nouns); they were written from those rules, not copied from the module's output.
"""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import pl


def render(template, **slots):
    return pl.TABLE.render(Event(template, **slots))


# (surname, nom, gen, dat, acc)
DECLENSION = [
    ("Haddad", "Haddad", "Haddada", "Haddadowi", "Haddada"),
    ("Calloway", "Calloway", "Callowaya", "Callowayowi", "Callowaya"),
    ("Baptiste", "Baptiste", "Baptiste'a", "Baptiste'owi", "Baptiste'a"),  # mute e
    ("Moreau", "Moreau", "Moreau'a", "Moreau'owi", "Moreau'a"),
    ("Delacroix", "Delacroix", "Delacroix'a", "Delacroix'owi", "Delacroix'a"),
    ("Donnelly", "Donnelly", "Donnelly'ego", "Donnelly'emu", "Donnelly'ego"),
    ("Kaminski", "Kaminski", "Kaminskiego", "Kaminskiemu", "Kaminskiego"),
    ("Romano", "Romano", "Romana", "Romanowi", "Romana"),
    ("Varga", "Varga", "Vargi", "Vardze", "Vargę"),  # g -> dz before -e
    ("Abara", "Abara", "Abary", "Abarze", "Abarę"),  # r -> rz
    ("Montoya", "Montoya", "Montoyi", "Montoyi", "Montoyę"),
    ("Iwu", "Iwu", "Iwu", "Iwu", "Iwu"),
]


@pytest.mark.parametrize(("name", "nom", "gen", "dat", "acc"), DECLENSION)
def test_declension(name, nom, gen, dat, acc):
    assert pl.player(name) == {"nom": nom, "gen": gen, "dat": dat, "acc": acc}


def test_sentences():
    assert render("steal", player="Kovac", other="Varga") == "Kovac odbiera piłkę Vardze"
    assert render("steal", player="Varga", other="Ashby") == "Varga odbiera piłkę Ashby'emu"
    assert render("assist", player="Moreau", other="Ferreira", shot="three") == (
        "Ferreira trafia za trzy po podaniu Moreau'a"
    )
    assert render("block", player="Abara", other="Rinaldi", shot="layup") == (
        "Abara blokuje Rinaldiego przy dwutakcie"
    )
    assert render("missed", player="Lucero", shot="free_throw") == (
        "Lucero nie trafia rzutu wolnego"  # the negated verb takes the genitive
    )
    assert render("substitution", player="Eklund", other="Montoya") == (
        "Eklund wchodzi na parkiet za Montoyę"
    )
    assert render("made_clock", player="Iwu", shot="dunk", quarter=3, clock=9) == (
        "Iwu kończy akcję wsadem na 0:09 przed końcem trzeciej kwarty"
    )
    assert render("lead_opponent", team="Bulls", opponent="Raptors", a=88, b=80) == (
        "Bulls prowadzą z Raptors 88:80"
    )
    assert render("timeout", team="Knicks") == "Knicks proszą o czas"


@pytest.mark.parametrize(
    ("n", "key", "expected"),
    [
        (1, "pts", "1 punkt"),
        (2, "pts", "2 punkty"),
        (5, "pts", "5 punktów"),
        (12, "pts", "12 punktów"),
        (21, "pts", "21 punktów"),  # dwadzieścia jeden punktów: only 1 is singular
        (22, "pts", "22 punkty"),
        (1, "pts_gen", "1 punktu"),
        (2, "pts_gen", "2 punktów"),  # do dwóch punktów
        (1, "reb", "1 zbiórka"),
        (3, "reb", "3 zbiórki"),
        (11, "reb", "11 zbiórek"),
        (1, "ast", "1 asysta"),
        (4, "ast", "4 asysty"),
        (6, "ast", "6 asyst"),
        (1, "ft", "1 stopy"),
        (24, "ft", "24 stóp"),  # z dwudziestu czterech stóp
    ],
)
def test_counted_nouns_agree_with_the_number(n, key, expected):
    assert pl.number(n)[key] == expected


def test_sentences_of_the_second_round():
    assert render("foul_count", player="Varga", nth=4) == "To już 4. faul Vargi"
    assert render("technical", player="Donnelly") == "Faul techniczny dla Donnelly'ego"
    assert render("alley_oop", player="Moreau", other="Romano") == (
        "Moreau zagrywa lobem do Romana, a ten kończy wsadem"
    )
    assert render("lead_by", team="Bulls", a=1) == "Bulls prowadzą różnicą 1 punktu"
    assert render("jump_ball", player="Kaminski", other="Varga") == (
        "Kaminski przeskakuje Vargę przy rzucie sędziowskim"
    )
    assert render("points_rebounds", player="Iwu", a=22, b=1) == (
        "Na koncie Iwu 22 punkty i 1 zbiórka"
    )
    assert render("shooting_three", player="Abara", a=3, b=7) == "Abara ma 3/7 za trzy"


def test_sentences_of_the_third_round():
    assert render("triple_double", player="Varga", a=21, b=12, c=10) == (
        "Na koncie Vargi 21 punktów, 12 zbiórek i 10 asyst"
    )
    assert render("points_shooting", player="Moreau", a=22, b=8, c=15) == (
        "Moreau ma na koncie 22 punkty przy skuteczności 8/15 z gry"
    )
    assert render("trail_score", team="Celtics", c=2, a=80, b=78) == (
        "Celtics przegrywają różnicą 2 punktów, 78:80"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Witamy w hali Scotiabank Arena"

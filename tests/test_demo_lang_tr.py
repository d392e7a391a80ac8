"""Turkish commentary: case suffixes by vowel harmony on the spoken name, and sentences.

The expected forms were worked out by hand from the harmony rules (two- and four-way
vowels, buffer n/y after a vowel, t after a voiceless consonant) applied to how each name
is pronounced, not copied from the module's output.
"""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import tr


def render(template, **slots):
    return tr.TABLE.render(Event(template, **slots))


# (surname, gen, dat, abl)
SUFFIXES = [
    ("Haddad", "Haddad'ın", "Haddad'a", "Haddad'dan"),  # back a, voiced d
    ("Lindqvist", "Lindqvist'in", "Lindqvist'e", "Lindqvist'ten"),  # front i, voiceless t
    ("Petrov", "Petrov'un", "Petrov'a", "Petrov'dan"),  # rounded back o
    ("Varga", "Varga'nın", "Varga'ya", "Varga'dan"),  # final vowel: buffer n, y
    ("Iwu", "Iwu'nun", "Iwu'ya", "Iwu'dan"),
    ("Rinaldi", "Rinaldi'nin", "Rinaldi'ye", "Rinaldi'den"),
    ("Kruger", "Kruger'in", "Kruger'e", "Kruger'den"),  # [krüger]
    # Spelling misleads; the suffix follows the sound.
    ("Tremblay", "Tremblay'nin", "Tremblay'ye", "Tremblay'den"),  # [tramble]
    ("Moreau", "Moreau'nun", "Moreau'ya", "Moreau'dan"),  # [moro]
    ("Mensah", "Mensah'nın", "Mensah'ya", "Mensah'dan"),  # [mensa]
    ("Whitaker", "Whitaker'ın", "Whitaker'a", "Whitaker'dan"),  # [vitıkır]
    ("Baptiste", "Baptiste'in", "Baptiste'e", "Baptiste'ten"),  # [batist]
    ("Kovac", "Kovac'ın", "Kovac'a", "Kovac'tan"),  # [kovaç]
    ("Donnelly", "Donnelly'nin", "Donnelly'ye", "Donnelly'den"),  # [donıli]
]


@pytest.mark.parametrize(("name", "gen", "dat", "abl"), SUFFIXES)
def test_suffixes(name, gen, dat, abl):
    assert tr.player(name) == {"nom": name, "gen": gen, "dat": dat, "abl": abl}


def test_sentences():
    assert render("assist", player="Haddad", other="Mensah", shot="layup") == (
        "Haddad'ın asistinde Mensah turnikeyle sayı buldu"
    )
    assert render("block", player="Donnelly", other="Varga", shot="dunk") == (
        "Donnelly, Varga'nın smaç denemesini blokladı"
    )
    assert render("steal", player="Szabo", other="Baptiste") == ("Szabo, Baptiste'ten topu çaldı")
    assert render("foul_shooting", player="Marin", other="Moreau") == (
        "Marin, Moreau'ya atış sırasında faul yaptı"
    )
    assert render("made_clock", player="Tremblay", shot="three", quarter=2, clock=225) == (
        "Tremblay, ikinci çeyreğin bitimine 3:45 kala üçlük attı"
    )
    # The dotted capital İ, which str.capitalize would get wrong.
    assert render("quarter_start", quarter=2) == "İkinci çeyrek başladı"
    assert render("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49) == (
        "Raptors, Celtics karşısında 54–49 önde"
    )
    assert render("win", team="Raptors", a=108, b=99) == "Raptors maçı 108–99 kazandı"


def test_new_constructions():
    # Elliptic calls: the dative for a call given to the player, the ablative for what
    # comes from him; the suffix follows the spoken name ([tramble], [kovaç]).
    assert render("technical", player="Tremblay") == "Tremblay'ye teknik faul"
    assert render("offensive_foul", player="Kovac") == "Kovac'tan hücum faulü"
    assert render("player_scores_for", player="Haddad", team="Raptors") == (
        "Raptors adına sayı Haddad'dan"
    )
    # "karşı" governs the dative; a possessed stat line; the genitive's basket.
    assert render("jump_ball", player="Iwu", other="Moreau") == (
        "Iwu, Moreau'ya karşı hava atışını kazandı"
    )
    assert render("points_rebounds", player="Petrov", a=20, b=11) == (
        "Petrov'un 20 sayı, 11 ribaundu var"
    )
    assert render("lead_change", player="Whitaker", team="Lakers") == (
        "Whitaker'ın basketiyle Lakers yeniden öne geçti"
    )
    # No suffix on a team: the head noun of the compound takes it.
    assert render("technical_bench", team="Celtics") == "Celtics kulübesine teknik faul"
    # Ordinals with a full stop, the percent sign first, feet as "fit".
    assert render("foul_count", player="Varga", nth=4) == "Varga 4. faulünü yaptı"
    assert render("lead_changes", nth=12) == "Maçta liderlik 12. kez el değiştirdi"
    assert render("team_percentage", team="Bulls", a=48) == "Bulls sahadan %48 isabetle oynuyor"
    assert render("deep_three", player="Ashby", a=28) == "Ashby 28 fitten üçlük attı"
    assert render("shooting_three", player="Rinaldi", a=3, b=7) == (
        "Rinaldi üçlükte 7 denemede 3 isabet buldu"
    )


def test_third_round():
    # The arena's suffix follows the final back vowel a of "Arena": locative 'da, dative 'ya.
    assert tr.TABLE.arena["nom"] == "Scotiabank Arena"
    assert render("arena_welcome", arena="Scotiabank Arena") == "Scotiabank Arena'ya hoş geldiniz"
    assert render("arena_lead", team="Raptors", a=70, b=66, arena="Scotiabank Arena") == (
        "Burada, Scotiabank Arena'da Raptors 70–66 önde"
    )
    # A possessed stat line of three; attempts before makes, as in shooting.
    assert render("triple_double", player="Varga", a=18, b=10, c=11) == (
        "Varga'nın 18 sayı, 10 ribaund ve 11 asisti var"
    )
    assert render("points_shooting", player="Petrov", a=24, b=9, c=16) == (
        "Petrov 16 denemede 9 isabetle 24 sayıya ulaştı"
    )

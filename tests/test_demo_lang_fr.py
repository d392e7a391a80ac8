"""French commentary: the new constructions, by hand.

The expected sentences were written from French usage (the ordinal abbreviations of the
Imprimerie nationale, "1er" / "1re" / "3e"; elision before a vowel), not copied from the
module's output.
"""

import re

from rnnkit.demo.grammar import TEMPLATES, Event
from rnnkit.demo.languages import fr

NEW_TEMPLATES = list(TEMPLATES)[20:]


def render(template, **slots):
    return fr.TABLE.render(Event(template, **slots))


def test_ordinals():
    assert fr.TABLE.ordinal(1) == {"m": "1er", "f": "1re"}
    assert fr.TABLE.ordinal(2) == {"m": "2e", "f": "2e"}
    assert fr.TABLE.ordinal(21) == {"m": "21e", "f": "21e"}


def test_ordinal_agrees_with_its_noun():
    assert render("foul_count", player="Okonkwo", nth=1) == "Okonkwo écope de sa 1re faute"
    assert render("foul_count", player="Iwu", nth=5) == "Iwu écope de sa 5e faute"
    assert render("lead_changes", nth=1) == "C'est le 1er changement de leader du match"
    assert render("lead_changes", nth=12) == "C'est le 12e changement de leader du match"


def test_no_unelided_word_before_a_name():
    # "de Okonkwo" would have to be "d'Okonkwo": the new templates never put a word that
    # elides right before a player.
    for template in NEW_TEMPLATES:
        pattern = fr.TABLE.templates[template]
        assert not re.search(r"\b(de|que|le|la|ne|se) \{(player|other)", pattern), pattern


def test_sentences():
    assert render("timeout_clock", team="Bulls", clock=42) == (
        "Temps mort demandé par les Bulls à 0:42 de la fin"
    )
    assert render("team_percentage", team="Knicks", a=47) == "Les Knicks à 47 % de réussite au tir"
    assert render("run", team="Raptors", a=12, b=2) == "Un 12-2 pour les Raptors"
    assert render("lead_change", player="Iwu", team="Celtics") == (
        "Iwu redonne l'avantage aux Celtics"
    )
    assert render("travel", player="Abara") == "Marcher sifflé contre Abara"


def test_three_numbers_and_the_arena():
    assert render("trail_score", team="Knicks", c=7, a=88, b=81) == (
        "Les Knicks sont menés de 7, 88-81"
    )
    assert render("points_shooting", player="Iwu", a=31, b=12, c=20) == (
        "Iwu en est à 31 points, à 12 sur 20 au tir"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Bienvenue au Scotiabank Arena"

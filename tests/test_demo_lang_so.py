"""Somali: renderings worked out by hand from so.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.so import definite

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "Iyadoo ay 3:45 ka harsan tahay rubuca labaad, Tremblay ayaa tuuris saddex dhibcood ah "
        "ku guuleystay",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "Donnelly ayaa celiyay rididda xoogga leh ee Varga",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "Kooxda Raptors ayaa 54–49 ka horreysa kooxda Celtics",
    ),
    (("steal", dict(player="Okonkwo", other="Szabo")), "Okonkwo ayaa kubbadda ka xaday Szabo"),
    # a team is kooxda (feminine): feminine verb guuleysatay; a player: guuleystay
    (("win", dict(team="Lakers", a=110, b=102)), "Kooxda Lakers ayaa ku guuleysatay 110–102"),
    (("made", dict(player="Iwu", shot="free_throw")), "Iwu ayaa tuuris xor ah ku guuleystay"),
    (("missed", dict(player="Iwu", shot="layup")), "Iwu ayaa tuuris dhow ku guuldarreystay"),
    (("tied", dict(a=60)), "Ciyaartu waa barbaro 60–60"),
    # The second round: -aad ordinals, a team's feminine verb (horreysa), the impersonal
    # la + ku (lagu) for a called foul, "a of b" with ka mid ah.
    (("foul_count", dict(player="Iwu", nth=4)), "Waa qaladkii 4aad ee Iwu"),
    (("lead_by", dict(team="Lakers", a=8)), "Kooxda Lakers ayaa 8 dhibcood ku horreysa"),
    (
        ("shooting_line", dict(player="Iwu", a=5, b=6)),
        "Iwu ayaa ku guuleystay 5 ka mid ah 6 tuuris oo xor ah",
    ),
    (("technical", dict(player="Iwu")), "Iwu ayaa lagu xukumay qalad farsamo"),
    (
        ("player_scores_for", dict(player="Iwu", team="Bulls")),
        "Iwu ayaa dhibco u dhaliyay kooxda Bulls",
    ),
    # The third round: the score as a circumstance clause (iyadoo natiijadu tahay), the
    # higher score first; the arena's name kept after garoonka.
    (
        ("trail_score", dict(team="Lakers", c=6, a=70, b=64)),
        "Kooxda Lakers ayaa 6 dhibcood ku dambeysa, iyadoo natiijadu tahay 70–64",
    ),
    (
        ("arena_welcome", dict(arena="Scotiabank Arena")),
        "Ku soo dhawaada garoonka Scotiabank Arena",
    ),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("so", template, **slots) == expected


@pytest.mark.parametrize(
    ("noun", "feminine", "expected"),
    [
        ("koox", True, "kooxda"),
        ("kubbad", True, "kubbadda"),
        ("meel", True, "meesha"),
        ("dambiil", True, "dambiisha"),
        ("naag", True, "naagta"),
        ("rubuc", False, "rubuca"),
        ("tuuris", False, "tuuriska"),
        ("buug", False, "buugga"),
        ("nin", False, "ninka"),
    ],
)
def test_definite_article(noun, feminine, expected):
    assert definite(noun, feminine) == expected


def test_text():
    check_text("so", "0123456789")

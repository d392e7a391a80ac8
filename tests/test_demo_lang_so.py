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

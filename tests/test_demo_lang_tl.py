"""Tagalog: renderings worked out by hand from tl.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.tl import linked

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "Pumasok ang tres ni Tremblay sa nalalabing 3:45 ng ikalawang yugto",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "Pinasahan ni Haddad si Mensah para sa lay-up",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "Sinupalpal ni Donnelly ang dakdak ni Varga",
    ),
    (("steal", dict(player="Okonkwo", other="Szabo")), "Inagaw ni Okonkwo ang bola kay Szabo"),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "Lamang ang Raptors sa Celtics sa iskor na 54–49",
    ),
    (("quarter_end", dict(quarter=4)), "Tapos na ang ikaapat na yugto"),
    (("turnover", dict(player="Iwu")), "Nawalan ng bola si Iwu"),
    (("win", dict(team="Lakers", a=110, b=102)), "Nanalo ang Lakers sa iskor na 110–102"),
    # The second round: ika- ordinals, a called foul with the player as topic (si), the
    # bare team name on a scoreboard line, and the existential may for a stat line.
    (("foul_count", dict(player="Iwu", nth=5)), "Ito na ang ika-5 foul ni Iwu"),
    (("technical", dict(player="Iwu")), "Tinawagan ng technical foul si Iwu"),
    (
        ("jump_ball", dict(player="Iwu", other="Marin")),
        "Nanalo si Iwu sa jump ball laban kay Marin",
    ),
    (
        ("score_line", dict(team="Bulls", a=88, opponent="Knicks", b=80)),
        "Iskor: Bulls 88, Knicks 80",
    ),
    (("points", dict(player="Iwu", a=20)), "May 20 puntos na si Iwu"),
    (("cut_lead", dict(team="Bulls", a=4)), "Tinapyas ng Bulls ang kalamangan sa 4"),
    (("lead_by", dict(team="Bulls", a=9)), "Lamang ng 9 ang Bulls"),
    # The third round: a list of counts with at, the higher score first whoever trails, and
    # the arena's name kept after sa.
    (
        ("triple_double", dict(player="Iwu", a=20, b=11, c=10)),
        "May 20 puntos, 11 rebound at 10 assist na si Iwu",
    ),
    (("trail_score", dict(team="Bulls", c=6, a=70, b=64)), "Naiiwan ng 6 ang Bulls, 70–64"),
    (
        ("arena_welcome", dict(arena="Scotiabank Arena")),
        "Maligayang pagdating sa Scotiabank Arena",
    ),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("tl", template, **slots) == expected


def test_linker():
    # -ng after a vowel, -g after n, a separate na after any other consonant.
    assert [linked(w) for w in ("una", "ikatlo", "ulan", "ikaapat", "malakas")] == [
        "unang",
        "ikatlong",
        "ulang",
        "ikaapat na",
        "malakas na",
    ]


def test_text():
    check_text("tl", "0123456789")

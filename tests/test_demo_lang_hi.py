"""Hindi: renderings worked out by hand from hi.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.hi import oblique, player

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "दूसरे क्वार्टर में 3:45 बाक़ी रहते ट्रेंबले ने तीन अंकों का शॉट लगाया",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "हद्दाद से मिले पास पर मेंसा ने ले-अप से अंक बनाए",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "डोनेली ने वार्गा का डंक ब्लॉक किया",
    ),
    (
        ("missed", dict(player="Petrov", shot="three")),
        "पेट्रोव का तीन अंकों का शॉट निशाने से चूक गया",
    ),
    (("missed", dict(player="Varga", shot="free_throw")), "वार्गा का फ़्री थ्रो निशाने से चूक गया"),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "रैप्टर्स सेल्टिक्स के ख़िलाफ़ 54–49 से आगे है",
    ),
    (
        ("tied_clock", dict(a=60, quarter=4, clock=48)),
        "चौथे क्वार्टर में 0:48 बाक़ी रहते मुक़ाबला 60–60 की बराबरी पर है",
    ),
    (("substitution", dict(player="Sutherland", other="Mensah")), "मेंसा की जगह सदरलैंड कोर्ट पर आए"),
    (("steal", dict(player="Kruger", other="Iwu")), "क्रूगर ने इवू से गेंद छीन ली"),
    (("quarter_start", dict(quarter=1)), "पहला क्वार्टर शुरू हुआ"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("hi", template, **slots) == expected


def test_oblique_and_names():
    # -ā adjectives take -e before a postposition; other words do not change.
    assert [oblique(w) for w in ("पहला", "चौथा", "निशाना", "अंतिम")] == [
        "पहले",
        "चौथे",
        "निशाने",
        "अंतिम",
    ]
    # Proper names do not decline; Haddad keeps the dental द of its Arabic.
    assert player("Haddad") == "हद्दाद"
    assert player("Varga") == "वार्गा"


def test_text():
    check_text("hi", "0123456789")

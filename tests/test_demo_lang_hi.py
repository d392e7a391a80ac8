"""Hindi: renderings worked out by hand from hi.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.hi import oblique, ordinal, player

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
    # The grammar's second round: a foul laid on (लगना), the dative of who receives,
    # ordinals in digits agreeing as -ā adjectives (बार is feminine).
    (("foul_count", dict(player="Varga", nth=3)), "यह वार्गा का 3रा फ़ाउल है"),
    (("lead_changes", dict(nth=5)), "मुक़ाबले में 5वीं बार बढ़त बदली"),
    (("technical", dict(player="Haddad")), "हद्दाद पर तकनीकी फ़ाउल लगा"),
    (("bonus", dict(team="Knicks")), "निक्स को अब हर फ़ाउल पर फ़्री थ्रो मिलेंगे"),
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


def test_ordinals():
    # The digits with the ending of the word: पहला, दूसरा, चौथा, छठा, then -वाँ.
    assert ordinal(1)["m"] == "1ला"
    assert ordinal(2)["f"] == "2री"
    assert ordinal(4)["obl"] == "4थे"
    assert ordinal(6)["m"] == "6ठा"
    assert ordinal(11)["f"] == "11वीं"
    assert ordinal(21)["obl"] == "21वें"


def test_three_numbers_and_the_arena():
    # A trailing side's score is written from its own side, its points first.
    assert render("hi", "trail_score", team="Knicks", c=7, a=60, b=53) == (
        "निक्स 7 अंकों से पीछे है, स्कोर 53–60"
    )
    assert render("hi", "points_shooting", player="Varga", a=22, b=9, c=15) == (
        "वार्गा ने 15 प्रयासों में से 9 शॉट लगाकर 22 अंक बनाए हैं"
    )
    # में stays a word after the arena, whose name does not change.
    assert render("hi", "arena_welcome", arena="Scotiabank Arena") == (
        "स्कोशियाबैंक एरेना में आपका स्वागत है"
    )

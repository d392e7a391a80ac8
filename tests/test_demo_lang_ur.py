"""Urdu: renderings worked out by hand from ur.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render, renderings

from rnnkit.demo.languages.ur import oblique, player

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "دوسرے کوارٹر میں 3:45 باقی رہتے ٹریمبلے نے تھری پوائنٹر لگایا",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "حداد سے ملے پاس پر مینسا نے لے اپ سے اسکور کیا",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "ڈونیلی نے وارگا کا ڈنک بلاک کیا",
    ),
    (
        ("missed", dict(player="Petrov", shot="three")),
        "پیٹروف کا تھری پوائنٹر نشانے سے چوک گیا",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "ریپٹرز سیلٹکس کے خلاف 54–49 سے آگے ہے",
    ),
    (
        ("substitution", dict(player="Sutherland", other="Mensah")),
        "مینسا کی جگہ سدرلینڈ کورٹ پر آئے",
    ),
    (("turnover", dict(player="Iwu")), "ایوو نے گیند گنوا دی"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("ur", template, **slots) == expected


def test_oblique_and_names():
    assert [oblique(w) for w in ("پہلا", "چوتھا", "نشانہ", "آخری")] == [
        "پہلے",
        "چوتھے",
        "نشانے",
        "آخری",
    ]
    assert player("Haddad") == "حداد"  # its Arabic spelling
    assert player("Rinaldi") == "رینالڈی"  # retroflex ڈ, final i ی


def test_text():
    check_text("ur", "0123456789")
    for sentence in renderings("ur"):
        assert not set(sentence) & set("يكهە"), sentence  # Urdu ی ک ہ, not Arabic ي ك ه


NEW_CASES = [
    # -واں agrees like an -ā adjective: masculine direct, feminine.
    (("foul_count", dict(player="Varga", nth=4)), "یہ وارگا کا 4واں فاؤل ہے"),
    (("lead_changes", dict(nth=12)), "میچ میں برتری کی یہ 12ویں تبدیلی ہے"),
    # A call falls on the player with پر; لگنا agrees with the call (m لگا, f لگی).
    (("technical", dict(player="Haddad")), "حداد پر ٹیکنیکل فاؤل لگا"),
    (("three_seconds", dict(player="Haddad")), "حداد پر تین سیکنڈ کی خلاف ورزی لگی"),
    # The team's gender never shows: the verb agrees with another noun.
    (("shot_clock", dict(team="Knicks")), "نکس سے شاٹ کلاک کی خلاف ورزی ہوئی"),
    (("bonus", dict(team="Bulls")), "بلز کو اب ہر فاؤل پر فری تھرو ملیں گے"),
    # "b میں سے a"; فیصد; feet as فٹ; the honorific plural of a player subject.
    (
        ("shooting_line", dict(player="Haddad", a=5, b=6)),
        "حداد کے 6 میں سے 5 فری تھرو کامیاب رہے",
    ),
    (("deep_three", dict(player="Haddad", a=30)), "حداد نے 30 فٹ سے تھری پوائنٹر لگایا"),
    (("returns", dict(player="Haddad")), "حداد کھیل میں واپس آ گئے"),
    # The oblique before a postposition: وقفہ -> وقفے پر, حملہ -> حملے کو.
    (("halftime", dict(team="Raptors", a=60, b=52)), "وقفے پر ریپٹرز 60–52 سے آگے ہے"),
    (("fast_break", dict(player="Haddad")), "حداد نے تیز جوابی حملے کو اسکور میں بدل دیا"),
]


@pytest.mark.parametrize(("event", "expected"), NEW_CASES)
def test_new_templates(event, expected):
    template, slots = event
    assert render("ur", template, **slots) == expected


THIRD_ROUND = [
    (
        ("triple_double", dict(player="Haddad", a=21, b=12, c=10)),
        "حداد کے اب تک 21 پوائنٹس، 12 ریباؤنڈز اور 10 اسسٹس ہیں",
    ),
    # The arena is a proper name: no oblique before میں.
    (
        ("arena_lead", dict(team="Raptors", a=70, b=66, arena="Scotiabank Arena")),
        "یہاں اسکوشیا بینک ایرینا میں ریپٹرز 70–66 سے آگے ہے",
    ),
]


@pytest.mark.parametrize(("event", "expected"), THIRD_ROUND)
def test_third_round(event, expected):
    template, slots = event
    assert render("ur", template, **slots) == expected

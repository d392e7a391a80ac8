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

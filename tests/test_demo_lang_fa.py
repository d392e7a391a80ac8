"""Persian: renderings worked out by hand from fa.py's grammar notes, and its rules."""

import unicodedata

import pytest
from lang_checks import check_text, render, renderings

from rnnkit.demo.languages.fa import number, player

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "۳:۴۵ مانده به پایان کوارتر دوم، پرتاب سه امتیازی ترمبلی گل شد",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "لی\u200cآپ منسا با پاس حداد گل شد",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "دونلی دانک وارگا را بلاک کرد",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "رپترز با نتیجه ۵۴ بر ۴۹ از سلتیکس پیش است",
    ),
    (
        ("substitution", dict(player="Sutherland", other="Mensah")),
        "ساترلند به جای منسا وارد زمین شد",
    ),
    (("steal", dict(player="Petrov", other="Hollister")), "پتروف توپ را از هالیستر ربود"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("fa", template, **slots) == expected


def test_numbers_and_names():
    assert number(102) == "۱۰۲"
    assert player("Sutherland") == "ساترلند"  # the press's spelling, from the exception table
    assert player("Kovac") == "کوواچ"


def test_text():
    check_text("fa", "۰۱۲۳۴۵۶۷۸۹")
    for sentence in renderings("fa"):
        assert not set(sentence) & set("يك"), sentence  # Persian ی ک
        strong = next(ch for ch in sentence if unicodedata.bidirectional(ch) in ("L", "R", "AL"))
        assert unicodedata.bidirectional(strong) == "AL", sentence

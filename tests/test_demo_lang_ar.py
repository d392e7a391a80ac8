"""Arabic: renderings worked out by hand from ar.py's grammar notes, and its rules."""

import unicodedata

import pytest
from lang_checks import check_text, render, renderings

from rnnkit.demo.languages.ar import player

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "سجل ترمبلاي رمية ثلاثية قبل 3:45 من نهاية الربع الثاني",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "مرر حداد الكرة إلى منسا الذي سجل سلة سهلة",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "صد دونيلي سلة ساحقة من فارغا",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "تقدم رابتورز على سلتيكس بنتيجة 54–49",
    ),
    (
        ("tied_clock", dict(a=60, quarter=4, clock=48)),
        "تعادل الفريقان 60–60 قبل 0:48 من نهاية الربع الرابع",
    ),
    (("rebound", dict(player="Petrov", rebound="defensive")), "استحوذ بتروف على المتابعة الدفاعية"),
    (("missed", dict(player="Gallagher", shot="free_throw")), "أهدر غالاغر رمية حرة"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("ar", template, **slots) == expected


def test_names():
    assert player("Haddad") == "حداد"  # an Arabic name keeps its spelling
    assert player("Kovac") == "كوفاتش"


def test_text():
    check_text("ar", "0123456789")
    for sentence in renderings("ar"):
        assert not set(sentence) & set("یکگپچژ"), sentence  # Arabic letters only
        strong = next(ch for ch in sentence if unicodedata.bidirectional(ch) in ("L", "R", "AL"))
        assert unicodedata.bidirectional(strong) == "AL", sentence

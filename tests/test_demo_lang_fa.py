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


NEW_CASES = [
    # The -مین ordinal before its noun, in Persian digits.
    (("foul_count", dict(player="Varga", nth=4)), "این ۴مین خطای شخصی وارگا است"),
    (("lead_changes", dict(nth=12)), "برتری در این بازی برای ۱۲مین بار دست به دست شد"),
    # A singular noun after every number; درصد; feet with the adjective -ی.
    (("lead_by", dict(team="Knicks", a=8)), "نیکس ۸ امتیاز پیش است"),
    (
        ("shooting_line", dict(player="Haddad", a=5, b=6)),
        "حداد تاکنون ۵ از ۶ پرتاب آزاد خود را گل کرده است",
    ),
    (
        ("team_percentage", dict(team="Bulls", a=48)),
        "بولز تاکنون ۴۸ درصد پرتاب\u200cهایش را گل کرده است",
    ),
    (
        ("deep_three", dict(player="Haddad", a=30)),
        "حداد پرتاب سه امتیازی را از فاصله ۳۰ فوتی گل کرد",
    ),
    # A definite object with را; a call given with برای.
    (
        ("lead_change", dict(player="Haddad", team="Lakers")),
        "حداد با گلش لیکرز را دوباره پیش انداخت",
    ),
    (("technical", dict(player="Petrov")), "خطای تکنیکی برای پتروف"),
    (
        ("final", dict(team="Raptors", a=110, opponent="Lakers", b=104)),
        "نتیجه نهایی: رپترز ۱۱۰، لیکرز ۱۰۴",
    ),
]


@pytest.mark.parametrize(("event", "expected"), NEW_CASES)
def test_new_templates(event, expected):
    template, slots = event
    assert render("fa", template, **slots) == expected


THIRD_ROUND = [
    (
        ("lead_score", dict(team="Raptors", c=6, a=80, b=74)),
        "رپترز با نتیجه ۸۰ بر ۷۴، ۶ امتیاز پیش است",
    ),
    (
        ("points_shooting", dict(player="Haddad", a=25, b=9, c=15)),
        "حداد تاکنون با ۹ گل از ۱۵ پرتاب، ۲۵ امتیاز کسب کرده است",
    ),
    (("arena_welcome", dict(arena="Scotiabank Arena")), "به سالن اسکوشیابانک آرنا خوش آمدید"),
]


@pytest.mark.parametrize(("event", "expected"), THIRD_ROUND)
def test_third_round(event, expected):
    template, slots = event
    assert render("fa", template, **slots) == expected

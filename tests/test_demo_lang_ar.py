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


NEW_CASES = [
    # A call given against a player: the call, then على.
    (("technical", dict(player="Petrov")), "خطأ فني على بتروف"),
    (("foul_count", dict(player="Haddad", nth=4)), "الخطأ الشخصي الـ4 على حداد"),
    (("lead_changes", dict(nth=12)), "تبادل الفريقان التقدم للمرة الـ12 في المباراة"),
    # No counted noun where the count straddles 10: a tally, a margin, "a of b".
    (("points", dict(player="Varga", a=8)), "بلغ رصيد فارغا من النقاط 8 حتى الآن"),
    (("cut_lead", dict(team="Knicks", a=4)), "قلص نيكس الفارق إلى 4"),
    (
        ("shooting_line", dict(player="Iwu", a=5, b=6)),
        "أصاب إيوو 5 من أصل 6 في الرميات الحرة",
    ),
    (("straight_points", dict(player="Haddad", a=9)), "سجل حداد النقاط الـ9 الأخيرة لفريقه"),
    # A career high stays above 10: the accusative singular نقطة.
    (
        ("career_high", dict(player="Haddad", a=41)),
        "سجل حداد 41 نقطة، وهو أعلى رصيد في مسيرته",
    ),
    (("deep_three", dict(player="Haddad", a=30)), "سجل حداد رمية ثلاثية من مسافة 30 قدما"),
    (("team_percentage", dict(team="Bulls", a=48)), "بلغت نسبة تسديد بولز من الميدان 48%"),
    (
        ("final", dict(team="Raptors", a=110, opponent="Lakers", b=104)),
        "النتيجة النهائية: رابتورز 110، ليكرز 104",
    ),
]


@pytest.mark.parametrize(("event", "expected"), NEW_CASES)
def test_new_templates(event, expected):
    template, slots = event
    assert render("ar", template, **slots) == expected


THIRD_ROUND = [
    # A margin and the score, the leader's first; a trailing team's is its opponent's.
    (
        ("trail_score", dict(team="Knicks", c=7, a=61, b=54)),
        "تأخر نيكس بفارق 7، والنتيجة 61–54 لصالح منافسه",
    ),
    (
        ("triple_double", dict(player="Haddad", a=22, b=11, c=10)),
        "بلغت نقاط حداد حتى الآن 22 ومتابعاته 11 وتمريراته الحاسمة 10",
    ),
    (("arena_welcome", dict(arena="Scotiabank Arena")), "أهلا بكم في سكوتيابنك أرينا"),
]


@pytest.mark.parametrize(("event", "expected"), THIRD_ROUND)
def test_third_round(event, expected):
    template, slots = event
    assert render("ar", template, **slots) == expected

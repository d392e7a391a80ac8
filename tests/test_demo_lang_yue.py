"""Cantonese commentary: names in characters by Cantonese syllable, the clock, and whole
sentences in written Cantonese, worked out by hand (not copied from the module's output)."""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import yue


def render(template, **slots):
    return yue.TABLE.render(Event(template, **slots))


@pytest.mark.parametrize(
    ("latin", "chinese"),
    [
        ("Mensah", "文沙"),  # men: nasal syllable 文; silent h
        ("Varga", "華加"),  # v as w; a closing r is not written
        ("Romano", "羅馬奴"),  # r as l
        ("Montoya", "蒙杜亞"),
        ("Lindgren", "林格倫"),  # d after n dropped; g alone 格
        ("Lindqvist", "林奎斯"),  # qv as kw; t after s dropped
        ("Kaminski", "卡明斯基"),
        ("Petrov", "彼特羅夫"),
        ("Szabo", "沙波"),
        ("Lucero", "盧施羅"),  # c before e as s
        ("Ndiaye", "恩迪耶"),
        ("Tremblay", "湯布萊"),  # an exception: French
    ],
)
def test_names(latin, chinese):
    assert yue.chinese(latin) == chinese


def test_clock():
    assert yue.clock(225) == "3分45秒"
    assert yue.clock(48) == "48秒"
    assert yue.clock(120) == "2分"


def test_sentences():
    assert render("made_clock", player="Varga", shot="three", quarter=2, clock=225) == (
        "第二節仲剩3分45秒，華加射入三分波"
    )
    assert render("block", player="Romano", other="Mensah", shot="dunk") == ("羅馬奴封咗文沙個入樽")
    assert render("steal", player="Szabo", other="Petrov") == "沙波偷咗彼特羅夫個波"
    assert render("foul_shooting", player="Marin", other="Iwu") == "馬林喺伊活投籃嘅時候犯規"
    assert render("lead_opponent", team="Raptors", opponent="Knicks", a=54, b=49) == (
        "速龍而家以54比49領先紐約人"
    )
    assert render("win", team="Raptors", a=108, b=99) == "速龍以108比99贏咗場波"
    assert render("quarter_start", quarter=1) == "第一節開波"


def test_written_cantonese_not_mandarin():
    lines = [render("turnover", player="Varga"), render("quarter_end", quarter=4)]
    lines.append(render("missed", player="Varga", shot="layup"))
    text = "".join(lines)
    assert all(char in text for char in "咗冇唔")
    assert not any(char in text for char in "了没不的")  # the Mandarin counterparts


def test_every_name_is_in_characters():
    import unicodedata

    from rnnkit.demo.grammar import PLAYERS

    for surname in PLAYERS:
        chinese = yue.chinese(surname)
        assert 2 <= len(chinese) <= 5, chinese
        assert all(unicodedata.name(char).startswith("CJK UNIFIED") for char in chinese), chinese


def test_new_templates():
    assert yue.TABLE.format_ordinal(5) == "第5"
    assert render("foul_count", player="Szabo", nth=5) == "呢個係沙波今場第5次犯規"
    assert render("pull_up", player="Varga", a=18) == "華加喺18呎外急停跳投得手"  # feet: 呎
    assert render("shooting", player="Romano", a=8, b=15) == "羅馬奴今場射15中8"  # attempts first
    assert render("cut_lead", team="Knicks", a=3) == "紐約人將分差收窄至3分"
    assert render("checks_in", player="Mensah", team="Raptors") == "速龍換文沙落場"
    assert render("timeout_clock", team="Bulls", clock=48) == "今節仲剩48秒，公牛叫暫停"


def test_every_line_is_written_cantonese():
    from demo_events import every_event

    for event in every_event():
        line = yue.TABLE.render(event)
        assert not any(char in line for char in "了没不的是"), line  # Mandarin, not Cantonese


def test_three_numbers_and_the_arena():
    assert render("trail_score", team="Knicks", c=7, a=61, b=54) == "紐約人而家以54比61落後7分"
    assert render("triple_double", player="Varga", a=21, b=11, c=10) == (
        "華加今場已經有21分11個籃板10次助攻"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "歡迎嚟到豐業銀行球館"

"""Mandarin commentary: ordinals with 第, stat lines as Chinese box-score text writes them,
worked out by hand (not copied from the module's output)."""

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import zh


def render(template, **slots):
    return zh.TABLE.render(Event(template, **slots))


def test_new_templates():
    assert zh.TABLE.format_ordinal(7) == "第7"
    assert render("lead_changes", nth=7) == "这是本场比赛第7次领先易主"
    assert render("foul_count", player="Iwu", nth=4) == "这是Iwu本场第4次犯规"
    assert render("shooting", player="Okonkwo", a=8, b=15) == "Okonkwo本场投篮15投8中"
    assert render("shooting_line", player="Okonkwo", a=5, b=6) == "Okonkwo本场罚球6罚5中"
    assert render("points_rebounds", player="Iwu", a=28, b=10) == "Iwu本场已经拿下28分10篮板"
    assert render("pull_up", player="Szabo", a=18) == "Szabo18英尺外急停跳投命中"
    assert render("timeout_clock", team="Knicks", clock=7) == "本节还剩0:07，尼克斯请求暂停"


def test_three_numbers_and_the_arena():
    # A trailing team's own score comes first after 以: "以49比54落后5分".
    assert render("trail_score", team="Knicks", c=5, a=54, b=49) == "尼克斯以49比54落后5分"
    assert render("points_shooting", player="Iwu", a=30, b=12, c=20) == (
        "Iwu本场投篮20投12中，拿下30分"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "欢迎来到丰业银行球馆"

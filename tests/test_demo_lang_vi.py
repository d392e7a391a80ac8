"""Vietnamese commentary: ordinals with "thứ" after the noun, stats and runs as Vietnamese
sports pages write them, worked out by hand (not copied from the module's output)."""

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import vi


def render(template, **slots):
    return vi.TABLE.render(Event(template, **slots))


def test_new_templates():
    assert vi.TABLE.format_ordinal(4) == "thứ 4"
    assert render("foul_count", player="Iwu", nth=4) == "Đây là lỗi cá nhân thứ 4 của Iwu"
    assert render("shooting", player="Iwu", a=8, b=15) == "Iwu có 8/15 cú ném thành công"
    assert render("run", team="Bulls", a=10, b=0) == "Bulls đang có chuỗi ghi điểm 10–0"
    assert render("deep_three", player="Marin", a=30) == (
        "Marin ném ba điểm siêu xa thành công từ cự ly 30 feet"
    )
    assert render("trail_by", team="Knicks", a=5) == "Knicks đang bị dẫn 5 điểm"
    assert (
        render("timeout_clock", team="Knicks", clock=48) == "Knicks xin hội ý khi hiệp đấu còn 0:48"
    )


def test_three_numbers_and_the_arena():
    # The trailing team's own score first, as Vietnamese writes a score after its subject.
    assert render("trail_score", team="Knicks", c=5, a=54, b=49) == (
        "Knicks đang bị dẫn 5 điểm với tỷ số 49–54"
    )
    assert render("points_shooting", player="Iwu", a=30, b=12, c=20) == (
        "Iwu đã có 30 điểm với 12/20 cú ném thành công"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == (
        "Chào mừng quý vị đến với Scotiabank Arena"
    )

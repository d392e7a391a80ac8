"""Vietnamese (vi).

- Word order: the time clause comes after the verb ("... thành công khi hiệp hai còn
  3:45"); ordinals follow the noun ("hiệp một", "hiệp hai").
- A shot is a verb phrase ("lên rổ") that takes "thành công" / "không thành công", or a
  noun phrase with the classifier "cú" when it is an object ("chặn cú úp rổ").
- No inflection: no cases, agreement or articles.
- Numerals: Western digits, scores with an en dash ("54–49"); names: the Latin
  surnames and team names as they are.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

TABLE = LanguageTable(
    code="vi",
    name="Vietnamese",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("một", "hai", "ba", "bốn"),
    shots={
        "three": {"verb": "ném ba điểm", "noun": "cú ném ba điểm"},
        "jumper": {"verb": "ném tầm trung", "noun": "cú ném tầm trung"},
        "layup": {"verb": "lên rổ", "noun": "cú lên rổ"},
        "dunk": {"verb": "úp rổ", "noun": "cú úp rổ"},
        "free_throw": {"verb": "ném phạt"},
    },
    rebounds={"offensive": "bóng bật bảng tấn công", "defensive": "bóng bật bảng phòng ngự"},
    templates={
        "made": "{player} {shot[verb]} thành công",
        "made_clock": "{player} {shot[verb]} thành công khi hiệp {quarter} còn {clock}",
        "missed": "{player} {shot[verb]} không thành công",
        "assist": "{player} chuyền bóng cho {other} {shot[verb]}",
        "block": "{player} chặn {shot[noun]} của {other}",
        "rebound": "{player} bắt được {rebound}",
        "steal": "{player} cướp bóng từ tay {other}",
        "turnover": "{player} để mất bóng",
        "foul_personal": "{player} phạm lỗi cá nhân với {other}",
        "foul_shooting": "{player} phạm lỗi với {other} khi ném rổ",
        "substitution": "{player} vào sân thay cho {other}",
        "timeout": "{team} xin hội ý",
        "lead": "{team} dẫn trước {a}–{b}",
        "lead_opponent": "{team} dẫn trước {opponent} {a}–{b}",
        "lead_clock": "{team} dẫn trước {a}–{b} khi hiệp {quarter} còn {clock}",
        "tied": "Hai đội đang hòa {a}–{a}",
        "tied_clock": "Hai đội đang hòa {a}–{a} khi hiệp {quarter} còn {clock}",
        "quarter_start": "Hiệp {quarter} bắt đầu",
        "quarter_end": "Hiệp {quarter} kết thúc",
        "win": "{team} giành chiến thắng {a}–{b}",
    },
)

"""Vietnamese (vi).

- Word order: the time clause comes after the verb ("... thành công khi hiệp hai còn
  3:45"); ordinals follow the noun ("hiệp một", "hiệp hai").
- A shot is a verb phrase ("lên rổ") that takes "thành công" / "không thành công", or a
  noun phrase with the classifier "cú" when it is an object ("chặn cú úp rổ").
- No inflection: no cases, agreement or articles.
- Numerals: Western digits, scores with an en dash ("54–49"); names: the Latin
  surnames and team names as they are.
- Stats as Vietnamese sports pages write them: "có 8/15 cú ném thành công", a run
  "chuỗi ghi điểm 12–2", "tỷ lệ ném rổ thành công 48%", "cao nhất sự nghiệp"; a team
  trailing "bị dẫn 5 điểm", narrowing "rút ngắn cách biệt xuống còn 3 điểm".
- Loans: NBA distances stay in feet, and the Vietnamese NBA press writes the unit as the
  English word "feet" ("từ cự ly 25 feet"), so "feet" is in LOANS.
- Ordinals: "thứ" + Western digits after the noun ("lỗi cá nhân thứ 3", "lần thứ 3").
- Referees' calls as Vietnamese basketball names them: "lỗi kỹ thuật", "lỗi thô bạo"
  (flagrant), "lỗi chạy bước", "lỗi ba giây", "lỗi bóng về sân sau", "hiệp phụ".
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

LOANS = ("feet",)

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
        "and_one": "{player} ghi điểm dù bị phạm lỗi, được hưởng thêm quả ném phạt",
        "alley_oop": "{player} chuyền bổng để {other} bật cao dứt điểm trên không",
        "tip_in": "{player} khẽ đẩy bóng bồi rổ thành công",
        "putback": "{player} bắt bóng bật bảng tấn công rồi ghi điểm ngay",
        "hook": "{player} ném móc thành công",
        "floater": "{player} ném bổng thành công",
        "fadeaway": "{player} ngả người ném rổ thành công",
        "pull_up": "{player} dừng bóng bật nhảy ném thành công từ cự ly {a} feet",
        "deep_three": "{player} ném ba điểm siêu xa thành công từ cự ly {a} feet",
        "fast_break": "{player} dứt điểm thành công pha phản công nhanh",
        "buzzer_beater": "{player} ghi điểm ngay trước tiếng còi hết giờ",
        "player_scores_for": "{player} ghi điểm cho {team}",
        "points": "{player} đã có {a} điểm",
        "points_rebounds": "{player} đã có {a} điểm và {b} pha bắt bóng bật bảng",
        "points_assists": "{player} đã có {a} điểm và {b} kiến tạo",
        "shooting": "{player} có {a}/{b} cú ném thành công",
        "shooting_three": "{player} có {a}/{b} cú ném ba điểm thành công",
        "shooting_line": "{player} có {a}/{b} quả ném phạt thành công",
        "team_percentage": "{team} đang có tỷ lệ ném rổ thành công {a}%",
        "career_high": "{player} ghi {a} điểm, cao nhất sự nghiệp",
        "straight_points": "{player} một mình ghi liền {a} điểm",
        "record": "{player} ghi {a} điểm, lập kỷ lục của đội bóng",
        "rebounds": "{player} đã có {a} pha bắt bóng bật bảng",
        "assists": "{player} đã có {a} kiến tạo",
        "blocks": "{player} đã có {a} pha chặn bóng",
        "steals": "{player} đã có {a} pha cướp bóng",
        "threes": "{player} đã có {a} cú ném ba điểm thành công",
        "team_three_percentage": "{team} đang có tỷ lệ ném ba điểm thành công {a}%",
        "run": "{team} đang có chuỗi ghi điểm {a}–{b}",
        "unanswered": "{team} ghi liền {a} điểm mà không để đối thủ đáp trả",
        "lead_by": "{team} đang dẫn trước {a} điểm",
        "trail_by": "{team} đang bị dẫn {a} điểm",
        "cut_lead": "{team} rút ngắn cách biệt xuống còn {a} điểm",
        "score_line": "Tỷ số hiện tại: {team} {a}–{b} {opponent}",
        "halftime": "Nghỉ giữa trận, {team} tạm dẫn {a}–{b}",
        "final": "Chung cuộc: {team} {a}–{b} {opponent}",
        "lead_change": "{player} ghi điểm giúp {team} giành lại thế dẫn trước",
        "lead_changes": "Đây là lần {nth} thế dẫn điểm đổi chủ trong trận",
        "overtime": "Trận đấu bước vào hiệp phụ",
        "technical": "{player} bị thổi lỗi kỹ thuật",
        "technical_bench": "Băng ghế của {team} bị thổi lỗi kỹ thuật",
        "flagrant": "{player} phạm lỗi thô bạo với {other}",
        "foul_count": "Đây là lỗi cá nhân {nth} của {player}",
        "foul": "{player} phạm lỗi",
        "offensive_foul": "{player} phạm lỗi tấn công",
        "fouled_out": "{player} phạm đủ số lỗi và phải rời sân",
        "bonus": "{team} được hưởng ném phạt do đối thủ đã phạm đủ số lỗi đồng đội",
        "ejected": "{player} bị truất quyền thi đấu",
        "travel": "{player} phạm lỗi chạy bước",
        "shot_clock": "{team} phạm lỗi hết thời gian tấn công",
        "three_seconds": "{player} phạm lỗi ba giây",
        "goaltending": "{player} phạm lỗi cản bóng khi bóng đang rơi xuống rổ",
        "out_of_bounds": "{player} cầm bóng giẫm ra ngoài biên",
        "backcourt": "{team} phạm lỗi bóng về sân sau",
        "jump_ball": "{player} thắng {other} trong pha nhảy tranh bóng",
        "challenge": "Ban huấn luyện {team} yêu cầu xem lại quyết định của trọng tài",
        "review": "Các trọng tài đang xem lại tình huống qua video",
        "call_stands": "Sau khi xem lại, trọng tài giữ nguyên quyết định",
        "overturned": "Sau khi xem lại, trọng tài thay đổi quyết định",
        "injury": "{player} nằm sân vì chấn thương",
        "locker_room": "{player} rời sân vào phòng thay đồ",
        "returns": "{player} trở lại sân đấu",
        "checks_in": "{player} được {team} tung vào sân",
        "turnover_team": "{player} để mất bóng, quyền tấn công thuộc về {team}",
        "timeout_clock": "{team} xin hội ý khi hiệp đấu còn {clock}",
        "triple_double": "{player} đã có {a} điểm, {b} pha bắt bóng bật bảng và {c} kiến tạo",
        "points_shooting": "{player} đã có {a} điểm với {b}/{c} cú ném thành công",
        "lead_score": "{team} đang dẫn trước {c} điểm với tỷ số {a}–{b}",
        "trail_score": "{team} đang bị dẫn {c} điểm với tỷ số {b}–{a}",
        "run_score": "Sau chuỗi ghi điểm {a}–{b}, {team} đang dẫn trước {c} điểm",
        "arena_lead": "{team} đang dẫn trước {a}–{b} tại {arena}",
        "arena_welcome": "Chào mừng quý vị đến với {arena}",
    },
    settings={
        "clock_left": "Khi hiệp đấu còn {clock}",
        "clock_left_quarter": "Khi hiệp {quarter} còn {clock}",
        "in_quarter": "Trong hiệp {quarter}",
        "after_quarter": "Sau hiệp {quarter}",
        "at_halftime": "Nghỉ giữa trận",
        "at_arena": "Tại {arena}",
    },
    ordinal=lambda n: f"thứ {n}",
)

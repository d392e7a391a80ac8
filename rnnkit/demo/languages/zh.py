"""Mandarin (zh, Simplified characters).

- Word order: time phrases come before the verb ("在第二节还剩3:45时命中"), scores read
  "以54比49领先" (prepositional phrase before the verb).
- Verb choice: shots carry their own verb phrase because the natural verb differs
  ("命中一记三分球", "上篮得手"); measure word 记 for a single shot.
- No spaces between words; no articles, cases or agreement.
- Numerals: Western digits as in Chinese sports text; quarters are 第一节 ... 第四节.
- Names: team names take their usual Chinese names (猛龙, 凯尔特人); player names stay in
  Latin letters as they often do in Chinese sports text.
- Stat lines as Chinese box-score text writes them: points and rebounds run together
  ("28分10篮板"); shooting puts the attempts first ("投篮15投8中", "罚球6罚5中"); a
  percentage is "48%"; a run is "一波12比2的得分高潮"; distances stay in feet (英尺),
  as the Chinese NBA press gives them ("25英尺外急停跳投").
- Ordinals: 第 + Western digits ("第3次犯规", "第3次领先易主").
- Live-text ellipsis: violations and fouls are verb-less labels after the name
  ("Tremblay走步违例", "Tremblay进攻犯规"); after a review "维持原判" / "改判".
"""

from rnnkit.demo.grammar import LanguageTable

TABLE = LanguageTable(
    code="zh",
    name="Mandarin",
    script="Han",
    rtl=False,
    teams={
        "Raptors": "猛龙",
        "Celtics": "凯尔特人",
        "Knicks": "尼克斯",
        "Bucks": "雄鹿",
        "Lakers": "湖人",
        "Bulls": "公牛",
    },
    quarters=("一", "二", "三", "四"),
    shots={
        "three": {"made": "命中一记三分球", "missed": "三分球不中", "noun": "三分球"},
        "jumper": {"made": "跳投命中", "missed": "跳投不中", "noun": "跳投"},
        "layup": {"made": "上篮得手", "missed": "上篮不中", "noun": "上篮"},
        "dunk": {"made": "完成一记扣篮", "missed": "扣篮不中", "noun": "扣篮"},
        "free_throw": {"made": "罚球命中", "missed": "罚球不中"},
    },
    rebounds={"offensive": "进攻篮板", "defensive": "防守篮板"},
    templates={
        "made": "{player}{shot[made]}",
        "made_clock": "{player}在第{quarter}节还剩{clock}时{shot[made]}",
        "missed": "{player}{shot[missed]}",
        "assist": "{player}助攻{other}{shot[made]}",
        "block": "{player}封盖了{other}的{shot[noun]}",
        "rebound": "{player}抢到{rebound}",
        "steal": "{player}抢断{other}",
        "turnover": "{player}失误",
        "foul_personal": "{player}对{other}犯规",
        "foul_shooting": "{player}对{other}投篮犯规",
        "substitution": "{player}替换{other}上场",
        "timeout": "{team}请求暂停",
        "lead": "{team}以{a}比{b}领先",
        "lead_opponent": "{team}以{a}比{b}领先{opponent}",
        "lead_clock": "第{quarter}节还剩{clock}，{team}以{a}比{b}领先",
        "tied": "双方战成{a}平",
        "tied_clock": "第{quarter}节还剩{clock}，双方战成{a}平",
        "quarter_start": "第{quarter}节比赛开始",
        "quarter_end": "第{quarter}节比赛结束",
        "win": "{team}以{a}比{b}获胜",
        "and_one": "{player}得分并造成犯规，获得加罚机会",
        "alley_oop": "{player}送出空中接力，{other}凌空完成终结",
        "tip_in": "{player}空中点补得手",
        "putback": "{player}抢下前场篮板后补篮得分",
        "hook": "{player}勾手命中",
        "floater": "{player}抛投命中",
        "fadeaway": "{player}后仰跳投命中",
        "pull_up": "{player}{a}英尺外急停跳投命中",
        "deep_three": "{player}{a}英尺外超远三分命中",
        "fast_break": "{player}快攻得手",
        "buzzer_beater": "{player}压哨命中",
        "player_scores_for": "{player}为{team}得分",
        "points": "{player}本场已经拿下{a}分",
        "points_rebounds": "{player}本场已经拿下{a}分{b}篮板",
        "points_assists": "{player}本场已经拿下{a}分{b}助攻",
        "shooting": "{player}本场投篮{b}投{a}中",
        "shooting_three": "{player}本场三分球{b}投{a}中",
        "shooting_line": "{player}本场罚球{b}罚{a}中",
        "team_percentage": "{team}本场投篮命中率为{a}%",
        "career_high": "{player}砍下生涯新高的{a}分",
        "straight_points": "{player}一人连得{a}分",
        "record": "{player}砍下{a}分，创造队史纪录",
        "run": "{team}打出一波{a}比{b}的得分高潮",
        "unanswered": "{team}连得{a}分，对手颗粒无收",
        "lead_by": "{team}领先{a}分",
        "trail_by": "{team}落后{a}分",
        "cut_lead": "{team}将分差缩小到{a}分",
        "score_line": "场上比分：{team}{a}比{b}{opponent}",
        "halftime": "半场结束，{team}以{a}比{b}领先",
        "final": "全场比赛结束，{team}以{a}比{b}战胜{opponent}",
        "lead_change": "{player}得手，帮助{team}再度反超",
        "lead_changes": "这是本场比赛{nth}次领先易主",
        "overtime": "比赛进入加时赛",
        "technical": "{player}被吹技术犯规",
        "technical_bench": "{team}替补席被吹技术犯规",
        "flagrant": "{player}对{other}恶意犯规",
        "foul_count": "这是{player}本场{nth}次犯规",
        "offensive_foul": "{player}进攻犯规",
        "fouled_out": "{player}犯满离场",
        "bonus": "对手全队犯规已满，{team}此后被犯规均可罚球",
        "ejected": "{player}被驱逐出场",
        "travel": "{player}走步违例",
        "shot_clock": "{team}进攻时间违例",
        "three_seconds": "{player}三秒违例",
        "goaltending": "{player}被判干扰球",
        "out_of_bounds": "{player}踩线出界",
        "backcourt": "{team}回场违例",
        "jump_ball": "{player}在跳球中胜过{other}",
        "challenge": "{team}主教练提出挑战",
        "review": "裁判正在回看录像",
        "call_stands": "经过回看，裁判维持原判",
        "overturned": "经过回看，裁判改判",
        "injury": "{player}受伤倒地",
        "locker_room": "{player}返回更衣室",
        "returns": "{player}重新回到场上",
        "checks_in": "{team}换上{player}",
        "turnover_team": "{player}失误，球权归{team}",
        "timeout_clock": "本节还剩{clock}，{team}请求暂停",
    },
    ordinal=lambda n: f"第{n}",
)

"""Mandarin (zh, Simplified characters).

- Word order: time phrases come before the verb ("在第二节还剩3:45时命中"), scores read
  "以54比49领先" (prepositional phrase before the verb).
- Verb choice: shots carry their own verb phrase because the natural verb differs
  ("命中一记三分球", "上篮得手"); measure word 记 for a single shot.
- No spaces between words; no articles, cases or agreement.
- Numerals: Western digits as in Chinese sports text; quarters are 第一节 ... 第四节.
- Names: team names take their usual Chinese names (猛龙, 凯尔特人); player names stay in
  Latin letters as they often do in Chinese sports text.
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
    },
)

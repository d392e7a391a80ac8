"""Cantonese (Hong Kong, Traditional characters): play-by-play in written Cantonese.

* Register. Hong Kong commentary is written in Cantonese, not Mandarin: 咗 (perfective),
  嘅 (of; 投籃嘅時候 "when shooting"), 喺 (at), 唔 (not), 冇 (not have), 而家 (now),
  仲剩 (still left), the classifier 個 where Mandarin would need 的 (封咗X個入樽); 佢
  (he) has no place in these one-clause lines, which name the player. The local
  terms: 波 for the ball (三分波, 偷咗個波), 入樽 for a dunk, 開波 for the start
  of play, 贏咗場波 for winning the game.
* Teams: the Hong Kong names of the clubs, which differ from Mainland ones: 速龍 (Raptors),
  塞爾特人 (Celtics), 紐約人 (Knicks), 雄鹿 (Bucks), 湖人 (Lakers), 公牛 (Bulls).
* Names. Hong Kong papers write foreign names in characters read in Cantonese. `chinese`
  does it by syllable: after normalising the spelling (c as k or s, q as k, ph as f, sz as
  s, doubled consonants once), each onset + vowel group takes the character of that
  Cantonese syllable from `_SYLLABLES` (ma 馬, ro 羅, no 奴), a vowel group closed by n, m
  or ng takes a nasal syllable from `_NASAL` (men 文, lin 林, mon 蒙), a closing l or r is
  not written (Varga 華加), and a consonant with no vowel becomes a syllable of its own
  from `_ALONE` (s 斯, k 克, v 夫, a final d 德), except d or t after n and t after s,
  which the Cantonese syllable drops (Lindgren 林格倫, Lindqvist 林奎斯). English and French
  names, whose spelling does not tell their sound, are in `_NAME_EXCEPTIONS`.
* Numerals: Western digits, as Hong Kong sports pages print scores ("54比49"); the time
  left reads "3分45秒" (48秒 under a minute), as Chinese live text gives it.
* No case or agreement: word order and particles carry the grammar; time phrases lead.
* Stats and the rest of the game in Hong Kong press terms: shooting reads attempts first
  ("射15中8", "三分波射6中2", "罰球罰6中5"), a run is "一輪12比2嘅攻勢", a margin is
  narrowed with 收窄 ("將分差收窄至3分"), distances stay in feet written 呎 as Hong Kong
  papers print them ("喺25呎外"), the score is 比數, a referee 球證, a jump ball 跳波,
  going onto the court 落場 (換X落場, 返番落場), a scoreless run for the other side 交白卷.
* Ordinals: 第 + Western digits; a foul count is pointed at with 呢個係 ("this is"):
  "呢個係X今場第3次犯規".
"""

import re

from rnnkit.demo.grammar import LanguageTable

# Onset -> the characters for the vowels a, e, i, o, u (Cantonese readings in comments).
_SYLLABLES = {
    "": "亞艾伊奧烏",  # aa3 ngaai6 ji1 ou3 wu1
    "b": "巴比比波布",  # baa1 bei2 bei2 bo1 bou3
    "d": "達迪迪杜杜",  # daat6 dik6 dik6 dou6 dou6
    "f": "法費菲科富",  # faat3 fai3 fei1 fo1 fu3
    "g": "加基基高古",  # gaa1 gei1 gei1 gou1 gu2
    "h": "夏希希賀胡",  # haa6 hei1 hei1 ho6 wu4
    "k": "卡基基高古",  # kaa1 gei1 gei1 gou1 gu2
    "kw": "瓜桂奎高古",  # gwaa1 gwai3 fui1 gou1 gu2
    "l": "拉雷利羅盧",  # laai1 leoi4 lei6 lo4 lou4
    "m": "馬美米莫慕",  # maa5 mei5 mai5 mok6 mou6
    "n": "拿尼尼奴努",  # naa4 nei4 nei4 nou4 nou5
    "p": "柏彼比波普",  # paak3 bei2 bei2 bo1 pou2
    "s": "沙施西素蘇",  # saa1 si1 sai1 sou3 sou1
    "t": "達泰迪杜圖",  # daat6 taai3 dik6 dou6 tou4
    "w": "華韋維和活",  # waa4 wai4 wai4 wo4 wut6
    "y": "亞耶伊約尤",  # aa3 je4 ji1 joek3 jau4
    "z": "薩澤西素蘇",  # saat3 zaak6 sai1 sou3 sou1
    "j": "積謝芝祖朱",  # zik1 ze6 zi1 zou2 zyu1
    "sh": "沙施詩修殊",  # saa1 si1 si1 sau1 syu4
    "ch": "查車芝曹朱",  # caa4 ce1 zi1 cou4 zyu1
}
# Onset -> the characters for an, en, in, on, un.
_NASAL = {
    "": "安恩因安溫",
    "b": "班賓賓邦賓",
    "d": "丹登丁當鄧",
    "f": "范芬芬方芬",
    "g": "簡根堅岡根",
    "h": "漢亨軒康洪",
    "k": "簡肯堅康昆",
    "kw": "關君坤光坤",
    "l": "蘭倫林朗倫",
    "m": "曼文明蒙蒙",
    "n": "南能寧農倫",
    "p": "潘彭平邦彭",
    "s": "山森辛桑辛",
    "t": "坦頓丁東敦",
    "w": "雲溫溫王溫",
    "y": "恩恩恩恩恩",
    "z": "山森辛桑辛",
    "j": "贊珍真莊俊",
    "sh": "山森辛桑辛",
    "ch": "燦春清莊春",
}
_ALONE = {"b": "布", "d": "德", "f": "夫", "g": "格", "k": "克", "l": "爾", "m": "姆", "n": "恩"}
_ALONE |= {"p": "普", "r": "爾", "s": "斯", "t": "特", "z": "斯", "w": "夫", "j": "治"}
_SPELLING = [
    (r"([b-df-hj-np-tv-z])\1", r"\1"),
    (r"ph", "f"),
    (r"sz", "s"),
    (r"qu|qv|kw", "kw"),
    (r"c(?=[eiy])", "s"),
    (r"ck|c|q", "k"),
    (r"x", "ks"),
    (r"v", "w"),
    (r"r", "l"),  # Cantonese has no r: the press writes it with l-syllables (羅, 拉)
    (r"(?<=[aeiou])h$", ""),
    (r"y(?![aeiou])", "i"),
]
_UNIT = re.compile("sh|ch|kw|ng|[aeiou]+|[b-df-hj-np-tz]|w|y")
_VOWEL_INDEX = {vowel: i for i, vowel in enumerate("aeiou")}
_NAME_EXCEPTIONS = {
    "Tremblay": "湯布萊",
    "Brennan": "布倫南",
    "Delacroix": "迪拉誇",
    "Sutherland": "修打蘭",
    "Donnelly": "當尼利",
    "Whitfield": "韋菲特",
    "Moreau": "莫羅",
    "Halloran": "夏洛倫",
    "Hollister": "賀里斯特",
    "Quinlan": "昆蘭",
    "Barlow": "巴羅",
    "Dunmore": "鄧摩",
    "Kruger": "古嘉",
    "Whitaker": "韋達加",
    "Calloway": "卡洛威",
    "Baptiste": "巴迪斯",
    "Ashby": "艾殊比",
    "Gallagher": "加拉格",
    "Fairbank": "費爾班",
    "Talbot": "泰博",
    "Kovac": "高華治",
}


def chinese(name: str) -> str:
    """A Latin surname in Chinese characters read in Cantonese (see the docstring)."""
    if name in _NAME_EXCEPTIONS:
        return _NAME_EXCEPTIONS[name]
    word = name.lower()
    for pattern, replacement in _SPELLING:
        word = re.sub(pattern, replacement, word)
    units = _UNIT.findall(word)
    out, i = [], 0
    while i < len(units):
        unit = units[i]
        onset = "" if unit[0] in "aeiou" else unit
        if onset and not (i + 1 < len(units) and units[i + 1][0] in "aeiou"):
            # A consonant with no vowel: its own syllable, unless Cantonese drops it.
            dropped = unit in "dt" and out and units[i - 1] in ("n", "s")
            if not dropped and unit != "h":
                out.append(_ALONE[unit])
            i += 1
            continue
        vowels = units[i + 1] if onset else unit
        i += 2 if onset else 1
        closing = units[i] if i < len(units) else None
        closes = closing in ("n", "m", "ng", "l") and (
            i + 1 == len(units) or units[i + 1][0] not in "aeiou"
        )
        table = _NASAL if closes and closing != "l" else _SYLLABLES
        out.append(table[onset][_VOWEL_INDEX[vowels[0]]])
        i += 1 if closes else 0
    return "".join(out)


def clock(seconds: int) -> str:
    """Time left as Chinese live text gives it: 225 -> "3分45秒", 48 -> "48秒"."""
    minutes, seconds = divmod(seconds, 60)
    return (f"{minutes}分" if minutes else "") + (f"{seconds}秒" if seconds or not minutes else "")


TABLE = LanguageTable(
    code="yue",
    name="Cantonese",
    script="Han",
    rtl=False,
    teams={
        "Raptors": "速龍",
        "Celtics": "塞爾特人",
        "Knicks": "紐約人",
        "Bucks": "雄鹿",
        "Lakers": "湖人",
        "Bulls": "公牛",
    },
    quarters=("一", "二", "三", "四"),
    shots={
        "three": {"made": "射入三分波", "missed": "射失三分波", "noun": "三分波"},
        "jumper": {"made": "中距離跳投得手", "missed": "中距離跳投唔入", "noun": "中距離跳投"},
        "layup": {"made": "上籃得手", "missed": "上籃唔入", "noun": "上籃"},
        "dunk": {"made": "入樽得手", "missed": "入樽失手", "noun": "入樽"},
        "free_throw": {"made": "罰入一球", "missed": "罰失一球"},
    },
    rebounds={"offensive": "進攻籃板", "defensive": "防守籃板"},
    templates={
        "made": "{player}{shot[made]}",
        "made_clock": "第{quarter}節仲剩{clock}，{player}{shot[made]}",
        "missed": "{player}{shot[missed]}",
        "assist": "{player}助攻，{other}{shot[made]}",
        "block": "{player}封咗{other}個{shot[noun]}",
        "rebound": "{player}搶到{rebound}",
        "steal": "{player}偷咗{other}個波",
        "turnover": "{player}失誤，冇咗個波",
        "foul_personal": "{player}對{other}犯規",
        "foul_shooting": "{player}喺{other}投籃嘅時候犯規",
        "substitution": "{player}入場換走{other}",
        "timeout": "{team}叫暫停",
        "lead": "{team}而家以{a}比{b}領先",
        "lead_opponent": "{team}而家以{a}比{b}領先{opponent}",
        "lead_clock": "第{quarter}節仲剩{clock}，{team}以{a}比{b}領先",
        "tied": "兩隊而家{a}比{a}平手",
        "tied_clock": "第{quarter}節仲剩{clock}，兩隊{a}比{a}平手",
        "quarter_start": "第{quarter}節開波",
        "quarter_end": "第{quarter}節完咗",
        "win": "{team}以{a}比{b}贏咗場波",
        "and_one": "{player}入波之餘博到犯規，有得加罰",
        "alley_oop": "{player}傳出空中接力，{other}凌空得手",
        "tip_in": "{player}空中撥波補入",
        "putback": "{player}搶到進攻籃板，即刻補籃得手",
        "hook": "{player}勾手射入",
        "floater": "{player}拋射得手",
        "fadeaway": "{player}後仰跳投得手",
        "pull_up": "{player}喺{a}呎外急停跳投得手",
        "deep_three": "{player}喺{a}呎外超遠射入三分波",
        "fast_break": "{player}快攻得手",
        "buzzer_beater": "{player}壓哨入波",
        "player_scores_for": "{player}幫{team}得分",
        "points": "{player}今場已經攞咗{a}分",
        "points_rebounds": "{player}今場已經有{a}分{b}個籃板",
        "points_assists": "{player}今場已經有{a}分{b}次助攻",
        "shooting": "{player}今場射{b}中{a}",
        "shooting_three": "{player}今場三分波射{b}中{a}",
        "shooting_line": "{player}今場罰球罰{b}中{a}",
        "team_percentage": "{team}今場投籃命中率係{a}%",
        "career_high": "{player}攞咗職業生涯新高嘅{a}分",
        "straight_points": "{player}一個人連取{a}分",
        "record": "{player}攞咗{a}分，創出球隊紀錄",
        "rebounds": "{player}今場已經搶到{a}個籃板",
        "assists": "{player}今場已經有{a}次助攻",
        "blocks": "{player}今場已經有{a}次封阻",
        "steals": "{player}今場已經偷咗{a}次波",
        "threes": "{player}今場已經射入{a}個三分波",
        "team_three_percentage": "{team}今場三分波命中率係{a}%",
        "run": "{team}打出一輪{a}比{b}嘅攻勢",
        "unanswered": "{team}連取{a}分，對手交白卷",
        "lead_by": "{team}而家領先{a}分",
        "trail_by": "{team}而家落後{a}分",
        "cut_lead": "{team}將分差收窄至{a}分",
        "score_line": "而家比數係{team}{a}比{b}{opponent}",
        "halftime": "半場完咗，{team}以{a}比{b}領先",
        "final": "全場完咗，{team}以{a}比{b}贏咗{opponent}",
        "lead_change": "{player}入波，幫{team}再度反超",
        "lead_changes": "今場已經係{nth}次領先易手",
        "overtime": "比賽要打加時",
        "technical": "{player}被判技術犯規",
        "technical_bench": "{team}後備席被判技術犯規",
        "flagrant": "{player}對{other}惡意犯規",
        "foul_count": "呢個係{player}今場{nth}次犯規",
        "foul": "{player}犯規",
        "offensive_foul": "{player}進攻犯規",
        "fouled_out": "{player}犯滿離場",
        "bonus": "對手全隊犯規滿咗，{team}之後每次被犯規都有得罰",
        "ejected": "{player}被逐離場",
        "travel": "{player}被吹走步",
        "shot_clock": "{team}進攻時間違例",
        "three_seconds": "{player}三秒違例",
        "goaltending": "{player}被判干擾球",
        "out_of_bounds": "{player}踩出界",
        "backcourt": "{team}回場違例",
        "jump_ball": "{player}跳波贏咗{other}",
        "challenge": "{team}教練要求挑戰",
        "review": "球證而家睇緊重播",
        "call_stands": "睇完重播，球證維持原判",
        "overturned": "睇完重播，球證推翻原判",
        "injury": "{player}受傷倒地",
        "locker_room": "{player}返入更衣室",
        "returns": "{player}返番落場",
        "checks_in": "{team}換{player}落場",
        "turnover_team": "{player}失誤，波權歸{team}",
        "timeout_clock": "今節仲剩{clock}，{team}叫暫停",
        "triple_double": "{player}今場已經有{a}分{b}個籃板{c}次助攻",
        "points_shooting": "{player}今場射{c}中{b}，攞咗{a}分",
        "lead_score": "{team}而家以{a}比{b}領先{c}分",
        "trail_score": "{team}而家以{b}比{a}落後{c}分",
        "run_score": "{team}打出一輪{a}比{b}嘅攻勢，而家領先{c}分",
        "arena_lead": "{team}而家喺{arena}以{a}比{b}領先",
        "arena_welcome": "歡迎嚟到{arena}",
    },
    settings={
        "clock_left": "今節仲剩{clock}",
        "clock_left_quarter": "第{quarter}節仲剩{clock}",
        "in_quarter": "第{quarter}節",
        "after_quarter": "第{quarter}節完咗之後",
        "at_halftime": "半場完咗",
        "at_arena": "喺{arena}",
    },
    player=chinese,
    clock=clock,
    ordinal=lambda n: f"第{n}",
)

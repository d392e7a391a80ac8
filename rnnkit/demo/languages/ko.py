"""Korean: play-by-play in the broadcast register (합니다체), as Korean live text writes it.

* Names. The press writes foreign names in Hangul by the national rules for loanwords
  (외래어 표기법). `hangul` follows their core for names spelt as pronounced: each Latin
  letter or digraph gives a consonant or vowel jamo (y and w before a vowel glide into it:
  ya 야, ye 예, wo 워); a consonant before a vowel opens a syllable; m, n, ng and l close
  the syllable before them (받침: 린, 몬, 날), an l between vowels is doubled as ㄹㄹ
  (카스텔라노) as is the l of a cluster (에클룬드); any other consonant with no vowel after
  it gets its own syllable with ㅡ (드, 트, 스, 크), ch and j with ㅣ (치, 지); a silent
  final h is dropped, doubled consonants are written once, Swedish qv is kv, Russian -ov is
  -오프. `_NAME_EXCEPTIONS` give the standard form where English or French spelling
  misleads (Sutherland 서덜랜드, Tremblay 트랑블레).
* Particles. A particle after a name depends on whether its last syllable ends in a
  consonant (받침): 이/가, 을/를, 과/와, 으로/로 (ㄹ takes 로), read off the Unicode
  syllable. After a number it depends on the number *as read aloud* in Sino-Korean: 49 is
  사십구 (no 받침: 49로), 60 is 육십 (ㅂ: 60으로), 51 is 오십일 (ㄹ: 51로), 0 is 영.
  `player` and `number` return the forms the templates use; 의 and 에게 never change.
* Teams: the Korean names of the clubs (랩터스, 셀틱스, 닉스, 벅스, 레이커스, 불스), with
  the particles of a name (`team_forms`, which gives any club or city its forms).
* Quarters and numerals: Korean basketball writes 1쿼터 ... 4쿼터 with Western digits,
  scores as "54대 49", and the clock in minutes and seconds before 종료 ... 전
  ("2쿼터 종료 3분 45초 전"), which is how Korean live text gives the time left.
* Stats, runs and the rest of the game as Korean basketball writes them: a stat line
  runs unit after number ("22점 10리바운드"), shooting is "야투 15개 중 8개", a run
  "12-2 런", a margin "5점 차로" (점 ends in ㅁ, so "점으로" and "점을" never change),
  distances stay in feet (피트) as the NBA press gives them. Team names also take 에
  ("랩터스에 득점을 안깁니다"), which, like 의, never changes. Referees' calls are
  Korean broadcast loans in Hangul (테크니컬 파울, 바이올레이션, 골텐딩, 챌린지), a
  review is 비디오 판독 and a call that stands 원심 유지.
* Ordinals: Western digits + 번째 ("3번째 파울", "이 경기 3번째 역전").
"""

import re

from rnnkit.demo.grammar import LanguageTable

_ONSETS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWEL_JAMO = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_CODA_INDEX = {"": 0, "ㄱ": 1, "ㄴ": 4, "ㄹ": 8, "ㅁ": 16, "ㅂ": 17, "ㅅ": 19, "ㅇ": 21}
_CONSONANTS = {
    "sch": "ㅅ",
    "sh": "ㅅ",
    "ch": "ㅊ",
    "ph": "ㅍ",
    "th": "ㅅ",
    "ck": "ㅋ",
    "sz": "ㅅ",
    "ng": "ㅇ",
    "x": "ㅋㅅ",
    **dict(zip("bcdfghjklmnpqrstvz", "ㅂㅋㄷㅍㄱㅎㅈㅋㄹㅁㄴㅍㅋㄹㅅㅌㅂㅈ")),
}
_VOWELS = {
    "ya": "ㅑ",
    "ye": "ㅖ",
    "yo": "ㅛ",
    "yu": "ㅠ",
    "wa": "ㅘ",
    "we": "ㅞ",
    "wi": "ㅟ",
    "wo": "ㅝ",
    "wu": "ㅜ",
    **dict(zip("aeiouy", "ㅏㅔㅣㅗㅜㅣ")),
}
_UNIT = re.compile("|".join(sorted({*_CONSONANTS, *_VOWELS}, key=len, reverse=True)))
_SPELLING = [
    (r"([b-df-hj-np-tv-z])\1", r"\1"),
    (r"c(?=[eiy])", "s"),
    (r"qv", "kv"),
    (r"qu|kw", "kw"),
    (r"ov$", "op"),
    (r"(?<=[aeiou])h$", ""),
]
_CODAS = {"m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "l": "ㄹ"}
_NAME_EXCEPTIONS = {
    "Tremblay": "트랑블레",
    "Brennan": "브레넌",
    "Delacroix": "들라크루아",
    "Sutherland": "서덜랜드",
    "Donnelly": "도널리",
    "Whitfield": "휫필드",
    "Moreau": "모로",
    "Halloran": "핼러런",
    "Hollister": "홀리스터",
    "Quinlan": "퀸런",
    "Esposito": "에스포지토",
    "Barlow": "발로",
    "Dunmore": "던모어",
    "Szabo": "서보",
    "Kruger": "크루거",
    "Whitaker": "휘터커",
    "Calloway": "캘러웨이",
    "Baptiste": "바티스트",
    "Ashby": "애슈비",
    "Gallagher": "갤러거",
    "Fairbank": "페어뱅크",
    "Talbot": "탤벗",
    "Kovac": "코바치",
}


def _syllable(onset: str, vowel: str, coda: str = "") -> str:
    index = (_ONSETS.index(onset) * 21 + _VOWEL_JAMO.index(vowel)) * 28 + _CODA_INDEX[coda]
    return chr(0xAC00 + index)


def hangul(name: str) -> str:
    """A Latin surname in Hangul: its exception, else the rules of the docstring."""
    if name in _NAME_EXCEPTIONS:
        return _NAME_EXCEPTIONS[name]
    word = name.lower()
    for pattern, replacement in _SPELLING:
        word = re.sub(pattern, replacement, word)
    units = _UNIT.findall(word)
    # Each syllable as [onset, vowel or None while open, coda, has an inserted ㅡ/ㅣ].
    syllables: list[list] = []
    for i, unit in enumerate(units):
        before_vowel = i + 1 < len(units) and units[i + 1] in _VOWELS
        last = syllables[-1] if syllables else None
        if unit in _VOWELS:
            if last is not None and last[1] is None:
                last[1] = _VOWELS[unit]
            else:
                syllables.append(["ㅇ", _VOWELS[unit], "", False])
        elif before_vowel:
            if unit == "l" and last is not None and not last[2]:
                last[2] = "ㄹ"  # ㄹㄹ: Castellano 카스텔라노, Eklund 에클룬드
            *inserted, onset = _CONSONANTS[unit]
            syllables += [[jamo, "ㅡ", "", True] for jamo in inserted]
            syllables.append([onset, None, "", False])
        elif unit in _CODAS and last is not None and not last[2] and not last[3]:
            last[2] = _CODAS[unit]
        elif unit in _CODAS and last is None:
            syllables.append(["ㅇ", "ㅡ", _CODAS[unit], True])  # Ndiaye 은디아예
        elif unit in ("ch", "j", "sh", "sch"):
            syllables.append([_CONSONANTS[unit], "ㅣ", "", True])
        elif unit != "h":
            syllables += [[jamo, "ㅡ", "", True] for jamo in _CONSONANTS[unit]]
    return "".join(_syllable(onset, vowel, coda) for onset, vowel, coda, _ in syllables)


def _coda(syllable: str) -> int:
    """The 받침 index of a Hangul syllable: 0 none, 8 ㄹ, others a consonant."""
    return (ord(syllable) - 0xAC00) % 28


def _particles(word: str, coda: int) -> dict[str, str]:
    return {
        "name": word,
        "i_ga": word + ("이" if coda else "가"),
        "eul": word + ("을" if coda else "를"),
        "wa": word + ("과" if coda else "와"),
        "ro": word + ("으로" if coda and coda != 8 else "로"),
        "ui": word + "의",
        "ege": word + "에게",
    }


def player(name: str) -> dict[str, str]:
    """A surname in Hangul with its particles: {"name", "i_ga", "eul", "wa", "ro", ...}."""
    word = hangul(name)
    return _particles(word, _coda(word[-1]))


# The last syllable of a number read in Sino-Korean, and its 받침.
_DIGIT_CODA = {1: 8, 2: 0, 3: 16, 4: 0, 5: 0, 6: 1, 7: 8, 8: 8, 9: 0}  # 일 이 삼 사 오 육 칠 팔 구


def number_coda(n: int) -> int:
    """The 받침 of `n` read aloud: 49 사십구 -> 0, 60 육십 -> ㅂ (17), 0 영 -> ㅇ (21)."""
    if n == 0:
        return 21
    if n % 10:
        return _DIGIT_CODA[n % 10]
    if n % 100:
        return 17  # ...십 (ㅂ)
    if n % 1000:
        return 1  # ...백 (ㄱ)
    return 4  # ...천 (ㄴ)


def number(n: int) -> dict[str, str]:
    """A score in Western digits with its particles: {"name": "49", "ro": "49로", ...}."""
    forms = _particles(str(n), number_coda(n))
    return {"n": forms.pop("name"), **forms}


def clock(seconds: int) -> str:
    """Time left as Korean live text gives it: 225 -> "3분 45초", 48 -> "48초"."""
    minutes, seconds = divmod(seconds, 60)
    parts = [f"{minutes}분"] if minutes else []
    return " ".join(parts + ([f"{seconds}초"] if seconds or not minutes else []))


def _team(word: str) -> dict[str, str]:
    return _particles(word, _coda(word[-1]))


def team_forms(name: str) -> dict[str, str]:
    """A club or city name in Hangul with its particles, as `teams` gives them: "랩터스" ->
    {"name": "랩터스", "i_ga": "랩터스가", ...} (rnnkit.demo.league writes all 30 clubs so)."""
    if not "\uac00" <= name[-1] <= "\ud7a3":
        raise ValueError(f"{name!r} does not end in a Hangul syllable: no 받침 to read")
    return _team(name)


TABLE = LanguageTable(
    code="ko",
    name="Korean",
    script="Hangul",
    rtl=False,
    teams={
        "Raptors": _team("랩터스"),
        "Celtics": _team("셀틱스"),
        "Knicks": _team("닉스"),
        "Bucks": _team("벅스"),
        "Lakers": _team("레이커스"),
        "Bulls": _team("불스"),
    },
    quarters=("1", "2", "3", "4"),
    shots={
        "three": {"made": "3점슛을 성공시킵니다", "missed": "3점슛을 놓칩니다", "obj": "3점슛을"},
        "jumper": {
            "made": "중거리 슛을 성공시킵니다",
            "missed": "중거리 슛을 놓칩니다",
            "obj": "중거리 슛을",
        },
        "layup": {
            "made": "레이업을 성공시킵니다",
            "missed": "레이업을 놓칩니다",
            "obj": "레이업을",
        },
        "dunk": {
            "made": "덩크슛을 꽂아 넣습니다",
            "missed": "덩크슛에 실패합니다",
            "obj": "덩크슛을",
        },
        "free_throw": {"made": "자유투를 성공시킵니다", "missed": "자유투를 놓칩니다"},
    },
    rebounds={"offensive": "공격 리바운드를", "defensive": "수비 리바운드를"},
    templates={
        "made": "{player[i_ga]} {shot[made]}",
        "made_clock": "{quarter}쿼터 종료 {clock} 전, {player[i_ga]} {shot[made]}",
        "missed": "{player[i_ga]} {shot[missed]}",
        "assist": "{player[ui]} 어시스트를 받은 {other[i_ga]} {shot[made]}",
        "block": "{player[i_ga]} {other[ui]} {shot[obj]} 블록합니다",
        "rebound": "{player[i_ga]} {rebound} 잡아냅니다",
        "steal": "{player[i_ga]} {other[ui]} 공을 가로챕니다",
        "turnover": "{player[i_ga]} 턴오버를 범합니다",
        "foul_personal": "{player[i_ga]} {other[ege]} 개인 파울을 범합니다",
        "foul_shooting": "{player[i_ga]} 슛을 시도하는 {other[ege]} 파울을 범합니다",
        "substitution": "{player[i_ga]} {other[wa]} 교체되어 코트에 들어갑니다",
        "timeout": "{team[i_ga]} 작전 타임을 요청합니다",
        "lead": "{team[i_ga]} {a[n]}대 {b[ro]} 앞서고 있습니다",
        "lead_opponent": "{team[i_ga]} {opponent[name]}에 {a[n]}대 {b[ro]} 앞서고 있습니다",
        "lead_clock": (
            "{quarter}쿼터 종료 {clock} 전, {team[i_ga]} {a[n]}대 {b[ro]} 앞서고 있습니다"
        ),
        "tied": "양 팀이 {a[n]}대 {a[ro]} 동점을 이루고 있습니다",
        "tied_clock": (
            "{quarter}쿼터 종료 {clock} 전, 양 팀이 {a[n]}대 {a[ro]} 동점을 이루고 있습니다"
        ),
        "quarter_start": "{quarter}쿼터가 시작됩니다",
        "quarter_end": "{quarter}쿼터가 끝났습니다",
        "win": "{team[i_ga]} {a[n]}대 {b[ro]} 승리합니다",
        "and_one": "{player[i_ga]} 파울을 얻어내며 득점, 앤드원 플레이를 완성합니다",
        "alley_oop": "{player[ui]} 앨리웁 패스를 받은 {other[i_ga]} 공중에서 마무리합니다",
        "tip_in": "{player[i_ga]} 팁인으로 득점합니다",
        "putback": "{player[i_ga]} 공격 리바운드를 잡아 곧바로 득점으로 연결합니다",
        "hook": "{player[i_ga]} 훅슛을 성공시킵니다",
        "floater": "{player[i_ga]} 플로터를 성공시킵니다",
        "fadeaway": "{player[i_ga]} 페이드어웨이 슛을 성공시킵니다",
        "pull_up": "{player[i_ga]} {a[n]}피트 거리에서 풀업 점프슛을 성공시킵니다",
        "deep_three": "{player[i_ga]} {a[n]}피트 거리의 초장거리 3점슛을 꽂아 넣습니다",
        "fast_break": "{player[i_ga]} 속공을 마무리합니다",
        "buzzer_beater": "{player[i_ga]} 버저비터를 터뜨립니다",
        "player_scores_for": "{player[i_ga]} {team[name]}에 득점을 안깁니다",
        "points": "{player[i_ga]} 이 경기 {a[n]}점을 기록하고 있습니다",
        "points_rebounds": "{player[i_ga]} {a[n]}점 {b[n]}리바운드를 기록하고 있습니다",
        "points_assists": "{player[i_ga]} {a[n]}점 {b[n]}어시스트를 기록하고 있습니다",
        "shooting": "{player[i_ga]} 야투 {b[n]}개 중 {a[n]}개를 성공시키고 있습니다",
        "shooting_three": "{player[i_ga]} 3점슛 {b[n]}개 중 {a[n]}개를 성공시키고 있습니다",
        "shooting_line": "{player[i_ga]} 자유투 {b[n]}개 중 {a[n]}개를 성공시키고 있습니다",
        "team_percentage": "{team[i_ga]} 야투 성공률 {a[n]}%를 기록하고 있습니다",
        "career_high": "{player[i_ga]} 커리어 하이 {a[n]}점을 기록합니다",
        "straight_points": "{player[i_ga]} 혼자서 {a[n]}점을 연속으로 몰아넣습니다",
        "record": "{player[i_ga]} {a[n]}점을 올리며 구단 기록을 새로 씁니다",
        "rebounds": "{player[i_ga]} 이 경기 {a[n]}리바운드를 기록하고 있습니다",
        "assists": "{player[i_ga]} 이 경기 {a[n]}어시스트를 기록하고 있습니다",
        "blocks": "{player[i_ga]} 이 경기 {a[n]}블록슛을 기록하고 있습니다",
        "steals": "{player[i_ga]} 이 경기 {a[n]}스틸을 기록하고 있습니다",
        "threes": "{player[i_ga]} 이 경기 3점슛 {a[n]}개를 성공시키고 있습니다",
        "team_three_percentage": "{team[i_ga]} 3점슛 성공률 {a[n]}%를 기록하고 있습니다",
        "run": "{team[i_ga]} {a[n]}-{b[n]} 런을 이어가고 있습니다",
        "unanswered": "{team[i_ga]} 상대를 무득점으로 묶고 {a[n]}점을 연속으로 올립니다",
        "lead_by": "{team[i_ga]} {a[n]}점 차로 앞서고 있습니다",
        "trail_by": "{team[i_ga]} {a[n]}점 차로 뒤지고 있습니다",
        "cut_lead": "{team[i_ga]} 점수 차를 {a[n]}점으로 좁힙니다",
        "score_line": "현재 스코어는 {team[name]} {a[n]}, {opponent[name]} {b[n]}입니다",
        "halftime": "전반 종료, {team[i_ga]} {a[n]}대 {b[ro]} 앞서 있습니다",
        "final": "경기 종료, {team[i_ga]} {opponent[eul]} {a[n]}대 {b[ro]} 꺾습니다",
        "lead_change": "{player[ui]} 득점으로 {team[i_ga]} 재역전에 성공합니다",
        "lead_changes": "이 경기 {nth} 역전입니다",
        "overtime": "경기는 연장전으로 향합니다",
        "technical": "{player[ege]} 테크니컬 파울이 선언됩니다",
        "technical_bench": "{team[name]} 벤치에 테크니컬 파울이 선언됩니다",
        "flagrant": "{player[i_ga]} {other[ege]} 플래그런트 파울을 범합니다",
        "foul_count": "{player[ui]} {nth} 파울입니다",
        "foul": "{player[ui]} 파울입니다",
        "offensive_foul": "{player[ui]} 공격자 파울입니다",
        "fouled_out": "{player[i_ga]} 파울 아웃으로 코트를 떠납니다",
        "bonus": "상대 팀 파울이 쌓여 {team[i_ga]} 보너스 자유투를 얻게 됩니다",
        "ejected": "{player[i_ga]} 퇴장당합니다",
        "travel": "{player[i_ga]} 트래블링을 범합니다",
        "shot_clock": "{team[ui]} 샷클록 바이올레이션입니다",
        "three_seconds": "{player[ui]} 3초 바이올레이션입니다",
        "goaltending": "{player[ege]} 골텐딩이 선언됩니다",
        "out_of_bounds": "{player[i_ga]} 공을 가진 채 라인 밖으로 나갑니다",
        "backcourt": "{team[ui]} 백코트 바이올레이션입니다",
        "jump_ball": "{player[i_ga]} {other[wa]}의 점프볼 경합에서 승리합니다",
        "challenge": "{team[i_ga]} 코치 챌린지를 신청합니다",
        "review": "심판진이 비디오 판독을 하고 있습니다",
        "call_stands": "비디오 판독 결과, 원심이 유지됩니다",
        "overturned": "비디오 판독 결과, 판정이 번복됩니다",
        "injury": "{player[i_ga]} 부상으로 쓰러져 있습니다",
        "locker_room": "{player[i_ga]} 라커룸으로 향합니다",
        "returns": "{player[i_ga]} 코트로 돌아옵니다",
        "checks_in": "{team[i_ga]} {player[eul]} 투입합니다",
        "turnover_team": "{player[i_ga]} 공을 놓치며 공격권이 {team[ro]} 넘어갑니다",
        "timeout_clock": "쿼터 종료 {clock} 전, {team[i_ga]} 작전 타임을 요청합니다",
        "triple_double": (
            "{player[i_ga]} {a[n]}점 {b[n]}리바운드 {c[n]}어시스트를 기록하고 있습니다"
        ),
        "points_shooting": (
            "{player[i_ga]} 야투 {c[n]}개 중 {b[n]}개를 성공시키며 {a[n]}점을 기록하고 있습니다"
        ),
        "lead_score": "{team[i_ga]} {a[n]}대 {b[ro]} {c[n]}점 앞서고 있습니다",
        "trail_score": "{team[i_ga]} {b[n]}대 {a[ro]} {c[n]}점 뒤지고 있습니다",
        "run_score": "{team[i_ga]} {a[n]}-{b[n]} 런을 펼치며 {c[n]}점 차로 앞서고 있습니다",
        "arena_lead": "이곳 {arena}에서 {team[i_ga]} {a[n]}대 {b[ro]} 앞서고 있습니다",
        "arena_welcome": "{arena}에 오신 것을 환영합니다",
    },
    settings={
        "clock_left": "쿼터 종료 {clock} 전",
        "clock_left_quarter": "{quarter}쿼터 종료 {clock} 전",
        "in_quarter": "{quarter}쿼터에",
        "after_quarter": "{quarter}쿼터 종료 후",
        "at_halftime": "전반 종료",
        "at_arena": "이곳 {arena}에서",
    },
    player=player,
    number=number,
    clock=clock,
    ordinal=lambda n: f"{n}번째",
)

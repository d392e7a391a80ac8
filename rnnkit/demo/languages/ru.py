"""Russian: play-by-play as Russian text broadcasts write it (sports.ru, «Спорт-Экспресс»).

* Names. The press writes foreign names in Cyrillic by pronunciation. `_NAME_RULES` spell a
  surname letter by letter (digraphs sh/ch/zh/kh/ph/th/ck first, c before e/i/y as с, y
  between or after vowels as й, a final y as и, a word-initial e as э, a silent final h after a
  vowel, a final nn as н); `_NAME_EXCEPTIONS` gives the established form where the spelling
  misleads (English "Whitfield" is Уитфилд, French "Moreau" is Моро, Croatian "Kovac" is Ковач).
* Case. A foreign male surname declines like a Russian noun when it ends in a consonant
  (Хаддад, Хаддада), in й (Кэллоуэй, Кэллоуэя) or in an unstressed а/я (Варга, Варги,
  Варгу; ы turns to и after г к х ж ш щ ч, the spelling rule), and stays
  unchanged when it ends in any other vowel (Романо, Доннелли) or in a stressed French а
  (Делакруа). `player` returns the forms the templates use: nom, gen (у, вместо, после
  передачи, нарушает правила против, фол в исполнении) and acc (блокирует).
* Teams. The press keeps the English club name in Cyrillic, in «», indeclinable
  («Рэпторс», «Селтикс») and with plural agreement of the verb («Рэпторс» ведут).
* Quarters: четверть is feminine; the ordinals come as nominative (Начинается вторая
  четверть) and genitive (до конца второй четверти).
* Numerals: Western digits, as the Russian press prints scores and clocks; a score is
  written with a colon (54:49), the clock as the scoreboard shows it (3:45), a run as a
  score (рывок 12:2), a percentage without a space (54%), shooting as "5 из 10".
* Counted nouns agree with the number's last digits: 1, 21 очко; 2-4, 22-24 очка; 0, 5-20,
  25-30 очков (11-14 too). A template cannot build that, so `number` gives each number
  its forms: "n" the bare digits (scores, percentages), "pts" with очко in the nominative
  and accusative (У Трамбле 54 очка; впереди на 21 очко), "pts_gen" in the genitive after
  до (до 1 очка, до 3 очков), "reb" (подбор), "ast" (передача), "blk" (блок-шот) and "stl"
  (перехват) in the nominative (На счету Трамбле уже 21 подбор, 5 блок-шотов), "thr" the
  made threes in the accusative (реализовал уже 1 трёхочковый, 3 трёхочковых), and
  "ft_gen" the feet of a shot after с (с 21 фута, с 26 футов: the NBA's feet are kept),
  "shots_gen" the shots after из (9 из 21 броска, 9 из 17 бросков с игры).
* Scores with a margin: the press gives the score from the subject's side, so a trailing
  team's own score comes first («Рэпторс» отстают на 5 очков — 49:54).
* The arena: the league's «Скотиабанк Арена», declined inside the quotes as the press
  declines «ВТБ Арена»: `arena` gives nom, acc (Добро пожаловать на «Скотиабанк Арену»)
  and loc (на «Скотиабанк Арене»).
* Ordinals in digits with the ending of the word (Lopatin): the masculine "3-й" (фол)
  and the feminine "3-я" (смена лидера), keys "m" and "f".
* Elliptic live-text lines: stat lines after a colon (Трамбле: 5 из 10 с игры), a final
  score as «...» — «...» — 54:49, the officials' calls (Технический фол скамейке ...).
  "Через фол" is the press's and-one; a goaltending call is the loan гоултендинг.
* Word order: subject-verb-object; time phrases lead the sentence when they set the scene
  (За 3:45 до конца второй четверти «Рэпторс» ведут ...), follow the verb after a shot.
"""

from rnnkit.demo.grammar import LanguageTable, format_clock
from rnnkit.demo.languages._plural import slavic
from rnnkit.demo.languages._transliteration import CYRILLIC_DIGRAPHS, transliterate

_NAME_RULES = [
    ("^e", "э"),
    *CYRILLIC_DIGRAPHS,
    ("wh", "у"),
    ("nn$", "н"),
    ("ei", "ей"),
    ("c(?=[eiy])", "с"),
    ("(?<=[aeiou])y", "й"),
    ("y", "и"),
]
_LETTERS = dict(zip("abcdefghiklmnopqrstuvwz", "абкдефгхиклмнопкрстуввз")) | {"j": "дж", "x": "кс"}
_NAME_EXCEPTIONS = {
    "Tremblay": "Трамбле",
    "Delacroix": "Делакруа",
    "Sutherland": "Сазерленд",
    "Whitfield": "Уитфилд",
    "Moreau": "Моро",
    "Quinlan": "Куинлан",
    "Esposito": "Эспозито",
    "Dunmore": "Данмор",
    "Kruger": "Крюгер",
    "Calloway": "Кэллоуэй",
    "Baptiste": "Батист",
    "Montoya": "Монтойя",
    "Ashby": "Эшби",
    "Gallagher": "Галлахер",
    "Fairbank": "Фэрбэнк",
    "Rinaldi": "Ринальди",
    "Kovac": "Ковач",
}
# French names stressed on a final vowel do not decline, even in а.
_FINAL_STRESS = {"Delacroix"}
_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
_HUSHING = set("гкхжшчщ")  # ы is written и after these


def player(name: str) -> dict[str, str]:
    """The Russian forms of a surname: {"nom", "gen", "acc"}."""
    nom = transliterate(name, _NAME_RULES, _LETTERS, _NAME_EXCEPTIONS)
    stem, last = nom[:-1], nom[-1]
    if last in "ая" and name not in _FINAL_STRESS:
        soft = last == "я"
        gen = stem + ("и" if soft or stem[-1] in _HUSHING else "ы")
        return {"nom": nom, "gen": gen, "acc": stem + ("ю" if soft else "у")}
    if last == "й":
        return {"nom": nom, "gen": stem + "я", "acc": stem + "я"}
    if last in _CONSONANTS:
        return {"nom": nom, "gen": nom + "а", "acc": nom + "а"}
    return dict.fromkeys(("nom", "gen", "acc"), nom)


def _agree(n: int, one: str, few: str, many: str) -> str:
    """The noun form after the number n (see _plural.py)."""
    return slavic(n, one, few, many)


def number(n: int) -> dict[str, str]:
    """A number in Western digits: bare ("n") and with the nouns it counts, agreeing."""
    return {
        "n": str(n),
        "pts": f"{n} {_agree(n, 'очко', 'очка', 'очков')}",
        "pts_gen": f"{n} {_agree(n, 'очка', 'очков', 'очков')}",
        "reb": f"{n} {_agree(n, 'подбор', 'подбора', 'подборов')}",
        "ast": f"{n} {_agree(n, 'передача', 'передачи', 'передач')}",
        "blk": f"{n} {_agree(n, 'блок-шот', 'блок-шота', 'блок-шотов')}",
        "stl": f"{n} {_agree(n, 'перехват', 'перехвата', 'перехватов')}",
        "thr": f"{n} {_agree(n, 'трёхочковый', 'трёхочковых', 'трёхочковых')}",
        "ft_gen": f"{n} {_agree(n, 'фута', 'футов', 'футов')}",
        "shots_gen": f"{n} {_agree(n, 'броска', 'бросков', 'бросков')}",
    }


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits: masculine "3-й" (третий), feminine "3-я" (третья)."""
    return {"m": f"{n}-й", "f": f"{n}-я"}


TABLE = LanguageTable(
    code="ru",
    name="Russian",
    script="Cyrillic",
    rtl=False,
    teams={
        "Raptors": "«Рэпторс»",
        "Celtics": "«Селтикс»",
        "Knicks": "«Никс»",
        "Bucks": "«Бакс»",
        "Lakers": "«Лейкерс»",
        "Bulls": "«Буллз»",
    },
    quarters=(
        {"nom": "первая", "gen": "первой"},
        {"nom": "вторая", "gen": "второй"},
        {"nom": "третья", "gen": "третьей"},
        {"nom": "четвёртая", "gen": "четвёртой"},
    ),
    shots={
        "three": {
            "made": "реализует трёхочковый",
            "missed": "не реализует трёхочковый",
            "block": "при трёхочковом броске",
        },
        "jumper": {
            "made": "попадает со средней дистанции",
            "missed": "промахивается со средней дистанции",
            "block": "при броске со средней дистанции",
        },
        "layup": {
            "made": "забивает из-под кольца",
            "missed": "промахивается из-под кольца",
            "block": "при броске из-под кольца",
        },
        "dunk": {
            "made": "забивает сверху",
            "missed": "не забивает сверху",
            "block": "при попытке забить сверху",
        },
        "free_throw": {"made": "реализует штрафной", "missed": "не реализует штрафной"},
    },
    rebounds={"offensive": "подбор в нападении", "defensive": "подбор в защите"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": "{player[nom]} {shot[made]} за {clock} до конца {quarter[gen]} четверти",
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{other[nom]} {shot[made]} после передачи {player[gen]}",
        "block": "{player[nom]} блокирует {other[acc]} {shot[block]}",
        "rebound": "{player[nom]} забирает {rebound}",
        "steal": "{player[nom]} перехватывает мяч у {other[gen]}",
        "turnover": "{player[nom]} теряет мяч",
        "foul_personal": "{player[nom]} нарушает правила против {other[gen]}",
        "foul_shooting": "{player[nom]} нарушает правила против {other[gen]} при броске",
        "substitution": "{player[nom]} выходит на площадку вместо {other[gen]}",
        "timeout": "{team} берут тайм-аут",
        "lead": "{team} ведут со счётом {a[n]}:{b[n]}",
        "lead_opponent": "{team} выигрывают у {opponent} со счётом {a[n]}:{b[n]}",
        "lead_clock": (
            "За {clock} до конца {quarter[gen]} четверти {team} ведут со счётом {a[n]}:{b[n]}"
        ),
        "tied": "На табло ничья — {a[n]}:{a[n]}",
        "tied_clock": "За {clock} до конца {quarter[gen]} четверти на табло ничья — {a[n]}:{a[n]}",
        "quarter_start": "Начинается {quarter[nom]} четверть",
        "quarter_end": "Конец {quarter[gen]} четверти",
        "win": "{team} побеждают со счётом {a[n]}:{b[n]}",
        "and_one": "{player[nom]} забивает через фол",
        "alley_oop": "Аллей-уп: {player[nom]} навешивает, {other[nom]} забивает сверху",
        "tip_in": "{player[nom]} подправляет мяч в кольцо",
        "putback": "{player[nom]} добивает мяч после подбора в нападении",
        "hook": "{player[nom]} попадает крюком",
        "floater": "{player[nom]} забивает флоатером",
        "fadeaway": "{player[nom]} попадает в отклонении",
        "pull_up": "{player[nom]} останавливается и попадает с {a[ft_gen]}",
        "deep_three": "{player[nom]} реализует трёхочковый с {a[ft_gen]}",
        "fast_break": "{player[nom]} завершает быстрый отрыв",
        "buzzer_beater": "{player[nom]} забивает под сирену",
        "player_scores_for": "{player[nom]} приносит очки {team}",
        "points": "У {player[gen]} уже {a[pts]}",
        "points_rebounds": "На счету {player[gen]} {a[pts]} и {b[reb]}",
        "points_assists": "На счету {player[gen]} {a[pts]} и {b[ast]}",
        "shooting": "{player[nom]}: {a[n]} из {b[n]} с игры",
        "shooting_three": "{player[nom]}: {a[n]} из {b[n]} из-за дуги",
        "shooting_line": "{player[nom]}: {a[n]} из {b[n]} со штрафной линии",
        "team_percentage": "{team} реализуют {a[n]}% бросков с игры",
        "career_high": "{player[nom]} набирает {a[pts]} — рекорд карьеры",
        "straight_points": "{player[nom]} набирает {a[pts]} подряд",
        "record": "{player[nom]} устанавливает рекорд франшизы — {a[pts]}",
        "rebounds": "На счету {player[gen]} уже {a[reb]}",
        "assists": "На счету {player[gen]} уже {a[ast]}",
        "blocks": "На счету {player[gen]} уже {a[blk]}",
        "steals": "На счету {player[gen]} уже {a[stl]}",
        "threes": "{player[nom]} реализовал уже {a[thr]}",
        "team_three_percentage": "{team} реализуют {a[n]}% трёхочковых бросков",
        "run": "{team} проводят рывок {a[n]}:{b[n]}",
        "unanswered": "{team} набирают {a[pts]} без ответа",
        "lead_by": "{team} впереди на {a[pts]}",
        "trail_by": "{team} отстают на {a[pts]}",
        "cut_lead": "{team} сокращают отставание до {a[pts_gen]}",
        "score_line": "Счёт: {team} — {opponent} — {a[n]}:{b[n]}",
        "halftime": "После первой половины {team} ведут со счётом {a[n]}:{b[n]}",
        "final": "Итоговый счёт: {team} — {opponent} — {a[n]}:{b[n]}",
        "lead_change": "{player[nom]} снова выводит {team} вперёд",
        "lead_changes": "Это уже {nth[f]} смена лидера в матче",
        "overtime": "Матч переходит в овертайм",
        "technical": "{player[nom]} получает технический фол",
        "technical_bench": "Технический фол скамейке {team}",
        "flagrant": "{player[nom]} нарушает правила против {other[gen]} — флагрантный фол",
        "foul_count": "У {player[gen]} уже {nth[m]} фол",
        "foul": "Фол в исполнении {player[gen]}",
        "offensive_foul": "{player[nom]} получает фол в нападении",
        "fouled_out": "{player[nom]} покидает площадку из-за перебора фолов",
        "bonus": "{team} будут пробивать штрафные за каждый фол соперника",
        "ejected": "{player[nom]} удалён до конца матча",
        "travel": "{player[nom]} совершает пробежку",
        "shot_clock": "У {team} истекает время атаки",
        "three_seconds": "{player[nom]} нарушает правило трёх секунд",
        "goaltending": "Гоултендинг в исполнении {player[gen]}",
        "out_of_bounds": "{player[nom]} выходит с мячом в аут",
        "backcourt": "{team} нарушают правило возврата мяча в зону защиты",
        "jump_ball": "{player[nom]} выигрывает спорный мяч у {other[gen]}",
        "challenge": "Тренер {team} оспаривает решение судей",
        "review": "Судьи изучают видеоповтор",
        "call_stands": "После просмотра повтора решение судей остаётся в силе",
        "overturned": "После просмотра повтора решение судей отменено",
        "injury": "{player[nom]} получил травму и лежит на паркете",
        "locker_room": "{player[nom]} уходит в раздевалку",
        "returns": "{player[nom]} возвращается на площадку",
        "checks_in": "В составе {team} на площадку выходит {player[nom]}",
        "turnover_team": "{player[nom]} теряет мяч, владение переходит к {team}",
        "timeout_clock": "{team} берут тайм-аут за {clock} до конца четверти",
        "triple_double": "На счету {player[gen]} {a[pts]}, {b[reb]} и {c[ast]}",
        "points_shooting": (
            "У {player[gen]} {a[pts]} при реализации {b[n]} из {c[shots_gen]} с игры"
        ),
        "lead_score": "{team} впереди на {c[pts]} — {a[n]}:{b[n]}",
        "trail_score": "{team} отстают на {c[pts]} — {b[n]}:{a[n]}",
        "run_score": "После рывка {a[n]}:{b[n]} {team} впереди на {c[pts]}",
        "arena_lead": "Здесь, на {arena[loc]}, {team} ведут со счётом {a[n]}:{b[n]}",
        "arena_welcome": "Добро пожаловать на {arena[acc]}",
    },
    settings={
        "clock_left": "За {clock} до конца четверти",
        "clock_left_quarter": "За {clock} до конца {quarter[gen]} четверти",
        "in_quarter": "В {quarter[gen]} четверти",
        "after_quarter": "После {quarter[gen]} четверти",
        "at_halftime": "После первой половины",
        "at_arena": "Здесь, на {arena[loc]}",
    },
    player=player,
    number=number,
    clock=format_clock,
    ordinal=ordinal,
    arena={
        "nom": "«Скотиабанк Арена»",
        "acc": "«Скотиабанк Арену»",
        "loc": "«Скотиабанк Арене»",
    },
)

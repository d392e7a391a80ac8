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
  передачи, нарушает правила против) and acc (блокирует).
* Teams. The press keeps the English club name in Cyrillic, in «», indeclinable
  («Рэпторс», «Селтикс») and with plural agreement of the verb («Рэпторс» ведут).
* Quarters: четверть is feminine; the ordinals come as nominative (Начинается вторая
  четверть) and genitive (до конца второй четверти).
* Numerals: Western digits, as the Russian press prints scores and clocks; a score is
  written with a colon (54:49), the clock as the scoreboard shows it (3:45).
* Word order: subject-verb-object; time phrases lead the sentence when they set the scene
  (За 3:45 до конца второй четверти «Рэпторс» ведут ...), follow the verb after a shot.
"""

from rnnkit.demo.grammar import LanguageTable
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
        "lead": "{team} ведут со счётом {a}:{b}",
        "lead_opponent": "{team} выигрывают у {opponent} со счётом {a}:{b}",
        "lead_clock": "За {clock} до конца {quarter[gen]} четверти {team} ведут со счётом {a}:{b}",
        "tied": "На табло ничья — {a}:{a}",
        "tied_clock": "За {clock} до конца {quarter[gen]} четверти на табло ничья — {a}:{a}",
        "quarter_start": "Начинается {quarter[nom]} четверть",
        "quarter_end": "Конец {quarter[gen]} четверти",
        "win": "{team} побеждают со счётом {a}:{b}",
    },
    player=player,
)

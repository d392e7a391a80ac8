"""Ukrainian: play-by-play as Ukrainian text broadcasts (sport.ua, for one) write it.

* Names. The press writes foreign names in Cyrillic by pronunciation, with the Ukrainian
  conventions: Latin h and g both as г (Голлістер, Ліндгрен), i and a final y as і, a y
  after a vowel as й, and й with the next vowel as one iotated letter (ya -> я, ye -> є:
  Монтоя, Оєларан), w and wh as в (Вітакер), a word-initial e as е (Еклунд: Ukrainian е
  is [e], so no э is needed), doubled consonants kept (Доннеллі). `_NAME_RULES` apply these
  in order; `_NAME_EXCEPTIONS` give the established form where spelling misleads (English
  "Sutherland" is Сазерленд, French "Moreau" is Моро, Arabic "Haddad" keeps х for its ḥ).
* Case. A foreign male surname declines like a Ukrainian noun when it ends in a consonant
  (Хаддад, Хаддада) or in й (Келловей, Келловея), in an unstressed а/я (Варга, Варги, Варгу;
  after a vowel я gives ї/ю: Монтоя, Монтої, Монтою); it stays unchanged when it ends in
  another vowel (Романо, Доннеллі) or in a stressed French а (Делакруа). `player` returns
  nom, gen (у, замість, після передачі, проти) and acc (блокує).
* Teams: the English club name in Cyrillic, in «», indeclinable, with a plural verb
  («Репторз» ведуть).
* Quarters: чверть is feminine: nominative (Починається друга чверть) and genitive (до
  кінця другої чверті).
* Numerals: Western digits, as the Ukrainian press prints them; scores with a colon (54:49),
  clocks as the scoreboard shows them (3:45).
* The apostrophe of м'яч is the ASCII one, as most Ukrainian web text types it.
"""

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._transliteration import CYRILLIC_DIGRAPHS, transliterate

_NAME_RULES = [
    *CYRILLIC_DIGRAPHS,
    ("wh", "в"),
    ("nn$", "н"),
    ("ei", "ей"),
    ("c(?=[eiy])", "с"),
    ("(?<=[aeiou])ya", "я"),
    ("(?<=[aeiou])ye", "є"),
    ("(?<=[aeiou])y", "й"),
]
_LETTERS = dict(zip("abcdefghiklmnopqrstuvwyz", "абкдефггіклмнопкрстуввіз")) | {
    "j": "дж",
    "x": "кс",
}
_NAME_EXCEPTIONS = {
    "Tremblay": "Трамбле",
    "Haddad": "Хаддад",
    "Delacroix": "Делакруа",
    "Sutherland": "Сазерленд",
    "Whitfield": "Вітфілд",
    "Moreau": "Моро",
    "Esposito": "Еспозіто",
    "Dunmore": "Данмор",
    "Kruger": "Крюгер",
    "Calloway": "Келловей",
    "Baptiste": "Батіст",
    "Ashby": "Ешбі",
    "Gallagher": "Галлагер",
    "Fairbank": "Фербенк",
    "Rinaldi": "Рінальді",
    "Kovac": "Ковач",
}
_FINAL_STRESS = {"Delacroix"}  # French: a final stressed а does not decline
_CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")


def player(name: str) -> dict[str, str]:
    """The Ukrainian forms of a surname: {"nom", "gen", "acc"}."""
    nom = transliterate(name, _NAME_RULES, _LETTERS, _NAME_EXCEPTIONS)
    stem, last = nom[:-1], nom[-1]
    if last in "ая" and name not in _FINAL_STRESS:
        if last == "а":
            return {"nom": nom, "gen": stem + "и", "acc": stem + "у"}
        # я after a vowel is [ja]: its endings are ї and ю; after a consonant, і and ю.
        gen = stem + ("і" if stem[-1] in _CONSONANTS else "ї")
        return {"nom": nom, "gen": gen, "acc": stem + "ю"}
    if last == "й":
        return {"nom": nom, "gen": stem + "я", "acc": stem + "я"}
    if last in _CONSONANTS:
        return {"nom": nom, "gen": nom + "а", "acc": nom + "а"}
    return dict.fromkeys(("nom", "gen", "acc"), nom)


TABLE = LanguageTable(
    code="uk",
    name="Ukrainian",
    script="Cyrillic",
    rtl=False,
    teams={
        "Raptors": "«Репторз»",
        "Celtics": "«Селтікс»",
        "Knicks": "«Нікс»",
        "Bucks": "«Бакс»",
        "Lakers": "«Лейкерс»",
        "Bulls": "«Буллз»",
    },
    quarters=(
        {"nom": "перша", "gen": "першої"},
        {"nom": "друга", "gen": "другої"},
        {"nom": "третя", "gen": "третьої"},
        {"nom": "четверта", "gen": "четвертої"},
    ),
    shots={
        "three": {
            "made": "реалізує триочковий",
            "missed": "не реалізує триочковий",
            "block": "під час триочкового кидка",
        },
        "jumper": {
            "made": "влучає із середньої дистанції",
            "missed": "не влучає із середньої дистанції",
            "block": "під час кидка із середньої дистанції",
        },
        "layup": {
            "made": "забиває з-під кошика",
            "missed": "не влучає з-під кошика",
            "block": "під час кидка з-під кошика",
        },
        "dunk": {
            "made": "забиває зверху",
            "missed": "не забиває зверху",
            "block": "під час спроби забити зверху",
        },
        "free_throw": {"made": "реалізує штрафний", "missed": "не реалізує штрафний"},
    },
    rebounds={"offensive": "підбирання в нападі", "defensive": "підбирання в захисті"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": "{player[nom]} {shot[made]} за {clock} до кінця {quarter[gen]} чверті",
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{other[nom]} {shot[made]} після передачі {player[gen]}",
        "block": "{player[nom]} блокує {other[acc]} {shot[block]}",
        "rebound": "{player[nom]} робить {rebound}",
        "steal": "{player[nom]} перехоплює м'яч у {other[gen]}",
        "turnover": "{player[nom]} втрачає м'яч",
        "foul_personal": "{player[nom]} фолить проти {other[gen]}",
        "foul_shooting": "{player[nom]} фолить проти {other[gen]} під час кидка",
        "substitution": "{player[nom]} виходить на майданчик замість {other[gen]}",
        "timeout": "{team} беруть тайм-аут",
        "lead": "{team} ведуть з рахунком {a}:{b}",
        "lead_opponent": "{team} виграють у {opponent} з рахунком {a}:{b}",
        "lead_clock": "За {clock} до кінця {quarter[gen]} чверті {team} ведуть з рахунком {a}:{b}",
        "tied": "На табло нічия — {a}:{a}",
        "tied_clock": "За {clock} до кінця {quarter[gen]} чверті на табло нічия — {a}:{a}",
        "quarter_start": "Починається {quarter[nom]} чверть",
        "quarter_end": "Кінець {quarter[gen]} чверті",
        "win": "{team} перемагають з рахунком {a}:{b}",
    },
    player=player,
)

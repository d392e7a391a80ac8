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
  nom, gen (у, замість, після передачі, проти, фол у виконанні) and acc (блокує).
* Teams: the English club name in Cyrillic, in «», indeclinable, with a plural verb
  («Репторз» ведуть).
* Quarters: чверть is feminine: nominative (Починається друга чверть) and genitive (до
  кінця другої чверті).
* Numerals: Western digits, as the Ukrainian press prints them; scores with a colon (54:49),
  clocks as the scoreboard shows them (3:45), a run as a score (ривок 12:2), a percentage
  without a space (54%), shooting as "5 з 10".
* Counted nouns agree with the number's last digits: 1, 21 очко; 2-4, 22-24 очки; 0, 5-20,
  25-30 очок (11-14 too). `number` gives each number its forms: "n" the bare digits, "pts"
  with очко in the nominative and accusative (У Трамбле вже 54 очки; попереду на 21 очко),
  "pts_gen" in the genitive after до (до 1 очка, до 3 очок), "reb" (підбирання, 5
  підбирань), "ast" (передача), "blk" (блок-шот, 3 блок-шоти) and "stl" (перехоплення, 5
  перехоплень) in the nominative, "thr" the made threes in the accusative (реалізував уже
  1 триочковий, 4 триочкові, 5 триочкових), "ft_gen" the feet of a shot after з
  (з 21 фута, з 26 футів: the NBA's feet are kept), "shots_gen" the shots after з (9 з 21
  кидка, 9 з 17 кидків з гри).
* Scores with a margin: the press gives the score from the subject's side, so a trailing
  team's own score comes first («Репторз» відстають на 5 очок — 49:54).
* The arena: the league's «Скотіабанк Арена», declined inside the quotes: `arena` gives
  nom, acc (Ласкаво просимо на «Скотіабанк Арену») and loc (на «Скотіабанк Арені»).
* Ordinals in digits as the Pravopys writes them: one letter of the ending after a vowel,
  two after a consonant: the masculine "3-й" (фол), the feminine "1-ша", "2-га", "3-тя",
  "7-ма", "4-та" (зміна лідера), keys "m" and "f".
* Euphony: у/в and і/й alternate with the sounds around them (вже after a vowel: a
  genitive of a name ends in one: У Трамбле вже; у before в: у відхиленні).
* Elliptic live-text lines: stat lines after a colon (Трамбле: 5 з 10 з гри), a final score
  as «...» — «...» — 54:49, the officials' calls (Технічний фол лаві запасних ...); a
  goaltending call is the loan гоултендінг.
* The apostrophe of м'яч is the ASCII one, as most Ukrainian web text types it.
"""

from rnnkit.demo.grammar import LanguageTable, format_clock
from rnnkit.demo.languages._plural import slavic
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


def _agree(n: int, one: str, few: str, many: str) -> str:
    """The noun form after the number n (see _plural.py)."""
    return slavic(n, one, few, many)


def number(n: int) -> dict[str, str]:
    """A number in Western digits: bare ("n") and with the nouns it counts, agreeing."""
    return {
        "n": str(n),
        "pts": f"{n} {_agree(n, 'очко', 'очки', 'очок')}",
        "pts_gen": f"{n} {_agree(n, 'очка', 'очок', 'очок')}",
        "reb": f"{n} {_agree(n, 'підбирання', 'підбирання', 'підбирань')}",
        "ast": f"{n} {_agree(n, 'передача', 'передачі', 'передач')}",
        "blk": f"{n} {_agree(n, 'блок-шот', 'блок-шоти', 'блок-шотів')}",
        "stl": f"{n} {_agree(n, 'перехоплення', 'перехоплення', 'перехоплень')}",
        "thr": f"{n} {_agree(n, 'триочковий', 'триочкові', 'триочкових')}",
        "ft_gen": f"{n} {_agree(n, 'фута', 'футів', 'футів')}",
        "shots_gen": f"{n} {_agree(n, 'кидка', 'кидків', 'кидків')}",
    }


# The feminine ending of an ordinal by its last word: перша, друга, третя, сьома, восьма;
# 4, 5, 6, 9, 11-19 and the tens -та (четверта, дванадцята, двадцята), but сорокова.
_FEMININE = {1: "ша", 2: "га", 3: "тя", 7: "ма", 8: "ма"}


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits: masculine "3-й" (третій), feminine "3-тя" (третя)."""
    if n % 10 and not 11 <= n % 100 <= 19:
        feminine = _FEMININE.get(n % 10, "та")
    elif n % 1000 == 0 and n:
        feminine = "на"  # тисячна
    else:
        feminine = "ва" if n % 100 == 40 else "та"
    return {"m": f"{n}-й", "f": f"{n}-{feminine}"}


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
        "lead": "{team} ведуть з рахунком {a[n]}:{b[n]}",
        "lead_opponent": "{team} виграють у {opponent} з рахунком {a[n]}:{b[n]}",
        "lead_clock": (
            "За {clock} до кінця {quarter[gen]} чверті {team} ведуть з рахунком {a[n]}:{b[n]}"
        ),
        "tied": "На табло нічия — {a[n]}:{a[n]}",
        "tied_clock": "За {clock} до кінця {quarter[gen]} чверті на табло нічия — {a[n]}:{a[n]}",
        "quarter_start": "Починається {quarter[nom]} чверть",
        "quarter_end": "Кінець {quarter[gen]} чверті",
        "win": "{team} перемагають з рахунком {a[n]}:{b[n]}",
        "and_one": "{player[nom]} забиває з фолом",
        "alley_oop": "Алей-уп: {player[nom]} навішує, {other[nom]} забиває зверху",
        "tip_in": "{player[nom]} підправляє м'яч у кошик",
        "putback": "{player[nom]} добиває м'яч після підбирання в нападі",
        "hook": "{player[nom]} влучає гаком",
        "floater": "{player[nom]} влучає флоатером",
        "fadeaway": "{player[nom]} влучає у відхиленні",
        "pull_up": "{player[nom]} зупиняється й влучає з {a[ft_gen]}",
        "deep_three": "{player[nom]} реалізує триочковий з {a[ft_gen]}",
        "fast_break": "{player[nom]} завершує швидкий прорив",
        "buzzer_beater": "{player[nom]} забиває під сирену",
        "player_scores_for": "{player[nom]} приносить очки {team}",
        "points": "У {player[gen]} вже {a[pts]}",
        "points_rebounds": "На рахунку {player[gen]} {a[pts]} і {b[reb]}",
        "points_assists": "На рахунку {player[gen]} {a[pts]} і {b[ast]}",
        "shooting": "{player[nom]}: {a[n]} з {b[n]} з гри",
        "shooting_three": "{player[nom]}: {a[n]} з {b[n]} з-за дуги",
        "shooting_line": "{player[nom]}: {a[n]} з {b[n]} зі штрафних",
        "team_percentage": "{team} реалізують {a[n]}% кидків з гри",
        "career_high": "{player[nom]} набирає {a[pts]} — рекорд кар'єри",
        "straight_points": "{player[nom]} набирає {a[pts]} поспіль",
        "record": "{player[nom]} встановлює рекорд франшизи — {a[pts]}",
        "rebounds": "На рахунку {player[gen]} вже {a[reb]}",
        "assists": "На рахунку {player[gen]} вже {a[ast]}",
        "blocks": "На рахунку {player[gen]} вже {a[blk]}",
        "steals": "На рахунку {player[gen]} вже {a[stl]}",
        "threes": "{player[nom]} реалізував уже {a[thr]}",
        "team_three_percentage": "{team} реалізують {a[n]}% триочкових кидків",
        "run": "{team} проводять ривок {a[n]}:{b[n]}",
        "unanswered": "{team} набирають {a[pts]} без відповіді",
        "lead_by": "{team} попереду на {a[pts]}",
        "trail_by": "{team} відстають на {a[pts]}",
        "cut_lead": "{team} скорочують відставання до {a[pts_gen]}",
        "score_line": "Рахунок: {team} — {opponent} — {a[n]}:{b[n]}",
        "halftime": "Після першої половини {team} ведуть з рахунком {a[n]}:{b[n]}",
        "final": "Фінальний рахунок: {team} — {opponent} — {a[n]}:{b[n]}",
        "lead_change": "{player[nom]} знову виводить {team} вперед",
        "lead_changes": "Це вже {nth[f]} зміна лідера в матчі",
        "overtime": "Попереду овертайм",
        "technical": "{player[nom]} отримує технічний фол",
        "technical_bench": "Технічний фол лаві запасних {team}",
        "flagrant": "{player[nom]} фолить проти {other[gen]} — флагрантний фол",
        "foul_count": "У {player[gen]} вже {nth[m]} фол",
        "foul": "Фол у виконанні {player[gen]}",
        "offensive_foul": "{player[nom]} отримує фол у нападі",
        "fouled_out": "{player[nom]} залишає майданчик через перебір фолів",
        "bonus": "{team} пробиватимуть штрафні за кожен фол суперника",
        "ejected": "{player[nom]} вилучений до кінця матчу",
        "travel": "{player[nom]} робить пробіжку",
        "shot_clock": "У {team} спливає час на атаку",
        "three_seconds": "{player[nom]} порушує правило трьох секунд",
        "goaltending": "Гоултендінг у виконанні {player[gen]}",
        "out_of_bounds": "{player[nom]} виходить з м'ячем за межі майданчика",
        "backcourt": "{team} порушують правило повернення м'яча в зону захисту",
        "jump_ball": "{player[nom]} виграє спірний м'яч у {other[gen]}",
        "challenge": "Тренер {team} оскаржує рішення суддів",
        "review": "Судді переглядають відеоповтор",
        "call_stands": "Після перегляду повтору рішення суддів залишається в силі",
        "overturned": "Після перегляду повтору рішення суддів скасовано",
        "injury": "{player[nom]} отримав травму і лежить на паркеті",
        "locker_room": "{player[nom]} іде до роздягальні",
        "returns": "{player[nom]} повертається на майданчик",
        "checks_in": "У складі {team} на майданчик виходить {player[nom]}",
        "turnover_team": "{player[nom]} втрачає м'яч, володіння переходить до {team}",
        "timeout_clock": "{team} беруть тайм-аут за {clock} до кінця чверті",
        "triple_double": "На рахунку {player[gen]} {a[pts]}, {b[reb]} і {c[ast]}",
        "points_shooting": (
            "У {player[gen]} {a[pts]} при реалізації {b[n]} з {c[shots_gen]} з гри"
        ),
        "lead_score": "{team} попереду на {c[pts]} — {a[n]}:{b[n]}",
        "trail_score": "{team} відстають на {c[pts]} — {b[n]}:{a[n]}",
        "run_score": "Після ривка {a[n]}:{b[n]} {team} попереду на {c[pts]}",
        "arena_lead": "Тут, на {arena[loc]}, {team} ведуть з рахунком {a[n]}:{b[n]}",
        "arena_welcome": "Ласкаво просимо на {arena[acc]}",
    },
    settings={
        "clock_left": "За {clock} до кінця чверті",
        "clock_left_quarter": "За {clock} до кінця {quarter[gen]} чверті",
        "in_quarter": "Протягом {quarter[gen]} чверті",
        "after_quarter": "Після {quarter[gen]} чверті",
        "at_halftime": "Після першої половини",
        "at_arena": "Тут, на {arena[loc]}",
    },
    player=player,
    number=number,
    clock=format_clock,
    ordinal=ordinal,
    arena={
        "nom": "«Скотіабанк Арена»",
        "acc": "«Скотіабанк Арену»",
        "loc": "«Скотіабанк Арені»",
    },
)

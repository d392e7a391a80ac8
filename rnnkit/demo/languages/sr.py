"""Serbian (Cyrillic, ekavian): play-by-play as the Serbian sports press writes it.

* Names. Serbian spelling transcribes foreign names by pronunciation ("пиши као што
  говориш"), and never doubles a consonant: `_NAME_RULES` write the digraphs (sh ш, ch ч,
  ph ф, th т, ck к, qu/kw кв, Hungarian sz с, wh в), c before e/i/y as с, an i before
  another vowel with a glide ј (Ндијаје), a y after a vowel as ј (Монтоја), ei as еј, a
  silent final h after a vowel, then merge doubled consonants (Donnelly -> Донели).
  `_NAME_EXCEPTIONS` give the press's form where spelling misleads (English "Sutherland"
  is Садерленд, French "Tremblay" is Трамбле, Croatian "Kovac" is Ковач).
* Case. Serbian declines every surname of a man (Pravopis). The templates use nom, gen
  (уместо, након асистенције), dat (отима лопту коме) and acc (блокира, фаулира).
  By the ending of the Cyrillic form:
  - consonant: -а, -у, -а (Хадад, Хадада, Хададу, Хадада);
  - -а: -е, -и, -у (Варга, Варге, Варги, Варгу);
  - unstressed -о (Italian, Spanish, Igbo): -о is replaced, -а, -у, -а (Романо, Романа,
    Роману); a stressed final -о of French and Hungarian names is kept and the endings
    added (Моро, Мороа, Мороу, Мороа; Сабо, Сабоа);
  - -и: a ј is inserted (Донели, Донелија, Донелију, Донелија); -ски declines as an
    adjective (Камински, Каминског, Каминском, Каминског);
  - -е and -у: the endings are added to the vowel (Трамбле, Трамблеа; Иву, Ивуа);
  - Делакроа (a stressed French final а) stays unchanged.
* Teams. The press makes the club names Serbian masculine plural nouns and declines them
  (Репторси, Селтикси; gen Репторса, Селтикса); the verb is plural (Репторси воде).
  `team_forms` gives any club its forms, a singular name too (Хит, Хита).
* Quarters: четвртина is feminine: nom (Почиње друга четвртина), gen (пре краја друге
  четвртине).
* Numerals: Western digits; scores with a colon (54:49), clocks as on the scoreboard, a
  run as a score (серија 12:2), a percentage without a space (54%), shooting as "5 од 10".
* Counted nouns agree with the number's last digits: 1, 21 поен; 2-4, 22-24 поена (the
  paucal); 0, 5-20, 25-30 поена (the genitive plural; 11-14 too). `number` gives each
  number its forms: "n" the bare digits, and in the accusative the templates need (има,
  убацује, заостају, на): "pts" (поен), "reb" (скок, 5 скокова), "ast" (асистенцију, 2
  асистенције, 5 асистенција), "blk" (блокаду, 5 блокада), "stl" (украдену лопту, 2
  украдене лопте, 5 украдених лопти), "thr" (тројку, 2 тројке, 5 тројки: погодио је); "ft"
  the feet of a shot after са with the genitive (са 21 стопе, са 24 стопе, са 26 стопа: the
  NBA's feet are kept); "pts_ins" the margin after са
  (воде са 21 поеном разлике, са 5 поена разлике: after 1, 21 ... the instrumental).
* Scores with a margin: the press gives the score from the subject's side, so a trailing
  team's own score comes first (Репторси заостају 5 поена, 49:54); a shooting line after a
  stat is "уз шут 9 од 17 из игре".
* The arena: the league's Скотијабанк арена declines as a feminine noun in -а: `arena`
  gives nom, acc (Добро дошли у Скотијабанк арену) and loc (у Скотијабанк арени).
* Ordinals: the digits and a full stop (3. фаул, 3. промена вођства), as Serbian writes
  them.
* Club names have only the forms the league gives every club and city, nom and gen, so the
  templates use only those: поентира за екипу Репторса, код Репторса у игру улази ...,
  Репторси поново воде након коша ..., техничка грешка клупи Репторса.
* The officials' words of the Serbian game: техничка грешка (a technical foul), корак
  (traveling), враћена лопта (backcourt), ометање лопте (goaltending), скок-лопта (the
  jump ball); надскакати takes the accusative (надскаче Менсу у скок-лопти).
"""

from rnnkit.demo.grammar import LanguageTable, format_clock
from rnnkit.demo.languages._plural import slavic
from rnnkit.demo.languages._transliteration import CYRILLIC_DIGRAPHS, transliterate

_NAME_RULES = [
    *CYRILLIC_DIGRAPHS,
    ("wh", "в"),
    ("([b-df-hj-np-tv-z])\\1", "\\1"),
    ("ei", "еј"),
    ("c(?=[eiy])", "с"),
    ("i(?=[aeou])", "иј"),
    ("(?<=[aeiou])y", "ј"),
]
# A c left by the rules (not before e, i, y) is [k].
_LETTERS = dict(zip("abcdefghijklmnopqrstuvwyz", "абкдефгхијклмнопкрстуввиз")) | {"x": "кс"}
_NAME_EXCEPTIONS = {
    "Tremblay": "Трамбле",
    "Delacroix": "Делакроа",
    "Sutherland": "Садерленд",
    "Whitfield": "Витфилд",
    "Moreau": "Моро",
    "Esposito": "Еспозито",
    "Dunmore": "Данмор",
    "Kruger": "Кригер",  # German ü is и
    "Calloway": "Каловеј",
    "Baptiste": "Батист",
    "Ashby": "Ешби",
    "Gallagher": "Галагер",
    "Fairbank": "Фербанк",
    "Kovac": "Ковач",
}
_INDECLINABLE = {"Delacroix"}
_STRESSED_O = {"Moreau", "Szabo"}  # French and Hungarian: the final о stays
_CASES = ("nom", "gen", "dat", "acc")


def player(name: str) -> dict[str, str]:
    """The Serbian forms of a surname: {"nom", "gen", "dat", "acc"}."""
    nom = transliterate(name, _NAME_RULES, _LETTERS, _NAME_EXCEPTIONS)
    if name in _INDECLINABLE:
        return dict.fromkeys(_CASES, nom)
    stem, last = nom[:-1], nom[-1]
    if nom.endswith("ски"):
        endings = ("и", "ог", "ом", "ог")
    elif last == "а":
        endings = ("а", "е", "и", "у")
    elif last == "о" and name not in _STRESSED_O:
        endings = ("о", "а", "у", "а")
    elif last == "и":
        endings, stem = ("", "ја", "ју", "ја"), nom
    else:  # a consonant, or -е, -у and a stressed -о, to which the endings are added
        endings, stem = ("", "а", "у", "а"), nom
    return {case: stem + ending for case, ending in zip(_CASES, endings)}


def _team(nom: str) -> dict[str, str]:
    # A masculine plural noun: nom -и, gen -а (Репторси, Репторса).
    return {"nom": nom, "gen": nom[:-1] + "а"}


def team_forms(name: str) -> dict[str, str]:
    """A club's forms from its nominative, as `teams` gives them: a masculine plural in -и
    has the genitive in -а (Репторси, Репторса), a singular name in a consonant adds the
    -а (Хит, Хита; Џез, Џеза). Cities decline by endings the spelling does not show
    (Мајами, Мајамија), so rnnkit.demo.league writes their forms out."""
    if name.endswith("и"):
        return _team(name)
    if name[-1] in "аеиоу":
        raise ValueError(f"{name!r}: a club name ends in -и or a consonant")
    return {"nom": name, "gen": name + "а"}


def _agree(n: int, one: str, few: str, many: str) -> str:
    """The noun form after the number n (see _plural.py)."""
    return slavic(n, one, few, many)


def number(n: int) -> dict[str, str]:
    """A number in Western digits: bare ("n") and with the nouns it counts, agreeing."""
    return {
        "n": str(n),
        "pts": f"{n} {_agree(n, 'поен', 'поена', 'поена')}",
        "reb": f"{n} {_agree(n, 'скок', 'скока', 'скокова')}",
        "ast": f"{n} {_agree(n, 'асистенцију', 'асистенције', 'асистенција')}",
        "blk": f"{n} {_agree(n, 'блокаду', 'блокаде', 'блокада')}",
        "stl": f"{n} {_agree(n, 'украдену лопту', 'украдене лопте', 'украдених лопти')}",
        "thr": f"{n} {_agree(n, 'тројку', 'тројке', 'тројки')}",
        "ft": f"{n} {_agree(n, 'стопе', 'стопе', 'стопа')}",
        "pts_ins": f"{n} {_agree(n, 'поеном', 'поена', 'поена')}",
    }


TABLE = LanguageTable(
    code="sr",
    name="Serbian",
    script="Cyrillic",
    rtl=False,
    teams={
        "Raptors": _team("Репторси"),
        "Celtics": _team("Селтикси"),
        "Knicks": _team("Никси"),
        "Bucks": _team("Бакси"),
        "Lakers": _team("Лејкерси"),
        "Bulls": _team("Булси"),
    },
    quarters=(
        {"nom": "прва", "gen": "прве"},
        {"nom": "друга", "gen": "друге"},
        {"nom": "трећа", "gen": "треће"},
        {"nom": "четврта", "gen": "четврте"},
    ),
    shots={
        "three": {
            "made": "погађа тројку",
            "missed": "промашује тројку",
            "block": "при шуту за три поена",
        },
        "jumper": {
            "made": "погађа шут са средње дистанце",
            "missed": "промашује шут са средње дистанце",
            "block": "при шуту са средње дистанце",
        },
        "layup": {
            "made": "погађа из полагања",
            "missed": "промашује полагање",
            "block": "при полагању",
        },
        "dunk": {
            "made": "закуцава",
            "missed": "промашује закуцавање",
            "block": "при покушају закуцавања",
        },
        "free_throw": {"made": "погађа слободно бацање", "missed": "промашује слободно бацање"},
    },
    rebounds={"offensive": "скок у нападу", "defensive": "скок у одбрани"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": "{player[nom]} {shot[made]} {clock} пре краја {quarter[gen]} четвртине",
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{other[nom]} {shot[made]} након асистенције {player[gen]}",
        "block": "{player[nom]} блокира {other[acc]} {shot[block]}",
        "rebound": "{player[nom]} хвата {rebound}",
        "steal": "{player[nom]} отима лопту {other[dat]}",
        "turnover": "{player[nom]} губи лопту",
        "foul_personal": "{player[nom]} фаулира {other[acc]}",
        "foul_shooting": "{player[nom]} фаулира {other[acc]} у шуту",
        "substitution": "{player[nom]} улази уместо {other[gen]}",
        "timeout": "{team[nom]} траже тајм-аут",
        "lead": "{team[nom]} воде {a[n]}:{b[n]}",
        "lead_opponent": "{team[nom]} воде против {opponent[gen]} {a[n]}:{b[n]}",
        "lead_clock": "{clock} пре краја {quarter[gen]} четвртине {team[nom]} воде {a[n]}:{b[n]}",
        "tied": "Резултат је нерешен, {a[n]}:{a[n]}",
        "tied_clock": (
            "{clock} пре краја {quarter[gen]} четвртине резултат је нерешен, {a[n]}:{a[n]}"
        ),
        "quarter_start": "Почиње {quarter[nom]} четвртина",
        "quarter_end": "Крај {quarter[gen]} четвртине",
        "win": "{team[nom]} побеђују {a[n]}:{b[n]}",
        "and_one": "{player[nom]} погађа уз фаул",
        "alley_oop": "{player[nom]} додаје за алеј-уп, {other[nom]} закуцава",
        "tip_in": "{player[nom]} поентира тапкањем",
        "putback": "{player[nom]} поентира после скока у нападу",
        "hook": "{player[nom]} погађа хорог",
        "floater": "{player[nom]} погађа флоутер",
        "fadeaway": "{player[nom]} погађа шут у отклону",
        "pull_up": "{player[nom]} погађа шут из дриблинга са {a[ft]}",
        "deep_three": "{player[nom]} погађа тројку са {a[ft]}",
        "fast_break": "{player[nom]} завршава контранапад",
        "buzzer_beater": "{player[nom]} погађа уз звук сирене",
        "player_scores_for": "{player[nom]} поентира за екипу {team[gen]}",
        "points": "{player[nom]} је до сада убацио {a[pts]}",
        "points_rebounds": "{player[nom]} има {a[pts]} и {b[reb]}",
        "points_assists": "{player[nom]} има {a[pts]} и {b[ast]}",
        "shooting": "{player[nom]} шутира {a[n]} од {b[n]} из игре",
        "shooting_three": "{player[nom]} шутира {a[n]} од {b[n]} за три поена",
        "shooting_line": "{player[nom]} шутира {a[n]} од {b[n]} са линије слободних бацања",
        "team_percentage": "{team[nom]} шутирају {a[n]}% из игре",
        "career_high": "{player[nom]} има {a[pts]}, што је рекорд каријере",
        "straight_points": "{player[nom]} убацује {a[pts]} заредом",
        "record": "{player[nom]} поставља рекорд франшизе: {a[pts]}",
        "rebounds": "{player[nom]} до сада има {a[reb]}",
        "assists": "{player[nom]} до сада има {a[ast]}",
        "blocks": "{player[nom]} до сада има {a[blk]}",
        "steals": "{player[nom]} до сада има {a[stl]}",
        "threes": "{player[nom]} је до сада погодио {a[thr]}",
        "team_three_percentage": "{team[nom]} шутирају {a[n]}% за три поена",
        "run": "{team[nom]} праве серију {a[n]}:{b[n]}",
        "unanswered": "{team[nom]} постижу {a[pts]} без одговора",
        "lead_by": "{team[nom]} имају {a[pts]} предности",
        "trail_by": "{team[nom]} заостају {a[pts]}",
        "cut_lead": "{team[nom]} смањују заостатак на {a[pts]}",
        "score_line": "Резултат: {team[nom]} – {opponent[nom]} {a[n]}:{b[n]}",
        "halftime": "На полувремену {team[nom]} воде {a[n]}:{b[n]}",
        "final": "Крај утакмице: {team[nom]} – {opponent[nom]} {a[n]}:{b[n]}",
        "lead_change": "{team[nom]} поново воде након коша {player[gen]}",
        "lead_changes": "Ово је већ {nth} промена вођства на утакмици",
        "overtime": "Игра се продужетак",
        "technical": "{player[nom]} добија техничку грешку",
        "technical_bench": "Техничка грешка клупи {team[gen]}",
        "flagrant": "{player[nom]} грубо фаулира {other[acc]}, досуђен је флагрантни фаул",
        "foul_count": "{player[nom]} прави {nth} фаул",
        "foul": "{player[nom]} прави фаул",
        "offensive_foul": "{player[nom]} прави фаул у нападу",
        "fouled_out": "{player[nom]} напушта игру због максималног броја фаулова",
        "bonus": "{team[nom]} сада шутирају слободна бацања за сваки фаул противника",
        "ejected": "{player[nom]} је искључен са утакмице",
        "travel": "{player[nom]} прави корак",
        "shot_clock": "Истекло је време за напад {team[gen]}",
        "three_seconds": "{player[nom]} прави прекршај три секунде",
        "goaltending": "{player[nom]} прави прекршај ометања лопте",
        "out_of_bounds": "{player[nom]} са лоптом излази у аут",
        "backcourt": "{team[nom]} праве прекршај враћене лопте",
        "jump_ball": "{player[nom]} надскаче {other[acc]} у скок-лопти",
        "challenge": "Тренер {team[gen]} тражи проверу снимка",
        "review": "Судије прегледају снимак",
        "call_stands": "После прегледа снимка одлука остаје на снази",
        "overturned": "После прегледа снимка одлука је поништена",
        "injury": "{player[nom]} је повређен и лежи на паркету",
        "locker_room": "{player[nom]} одлази у свлачионицу",
        "returns": "{player[nom]} се враћа у игру",
        "checks_in": "Код {team[gen]} у игру улази {player[nom]}",
        "turnover_team": "{player[nom]} губи лопту, посед преузимају {team[nom]}",
        "timeout_clock": "{team[nom]} траже тајм-аут {clock} пре краја четвртине",
        "triple_double": "{player[nom]} има {a[pts]}, {b[reb]} и {c[ast]}",
        "points_shooting": "{player[nom]} има {a[pts]} уз шут {b[n]} од {c[n]} из игре",
        "lead_score": "{team[nom]} воде са {c[pts_ins]} разлике, {a[n]}:{b[n]}",
        "trail_score": "{team[nom]} заостају {c[pts]}, {b[n]}:{a[n]}",
        "run_score": "После серије {a[n]}:{b[n]} {team[nom]} воде са {c[pts_ins]} разлике",
        "arena_lead": "{team[nom]} воде {a[n]}:{b[n]} овде у {arena[loc]}",
        "arena_welcome": "Добро дошли у {arena[acc]}",
    },
    settings={
        "clock_left": "{clock} пре краја четвртине",
        "clock_left_quarter": "{clock} пре краја {quarter[gen]} четвртине",
        "in_quarter": "Током {quarter[gen]} четвртине",
        "after_quarter": "После {quarter[gen]} четвртине",
        "at_halftime": "На полувремену",
        "at_arena": "Овде у {arena[loc]}",
    },
    player=player,
    number=number,
    clock=format_clock,
    ordinal=lambda n: f"{n}.",
    arena={"nom": "Скотијабанк арена", "acc": "Скотијабанк арену", "loc": "Скотијабанк арени"},
)

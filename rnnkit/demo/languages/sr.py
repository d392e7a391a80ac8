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
* Numerals: Western digits; scores with a colon (54:49), clocks as on the scoreboard.
"""

from rnnkit.demo.grammar import LanguageTable
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
        "lead": "{team[nom]} воде {a}:{b}",
        "lead_opponent": "{team[nom]} воде против {opponent[gen]} {a}:{b}",
        "lead_clock": "{clock} пре краја {quarter[gen]} четвртине {team[nom]} воде {a}:{b}",
        "tied": "Резултат је нерешен, {a}:{a}",
        "tied_clock": "{clock} пре краја {quarter[gen]} четвртине резултат је нерешен, {a}:{a}",
        "quarter_start": "Почиње {quarter[nom]} четвртина",
        "quarter_end": "Крај {quarter[gen]} четвртине",
        "win": "{team[nom]} побеђују {a}:{b}",
    },
    player=player,
)

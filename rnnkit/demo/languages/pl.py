"""Polish: play-by-play as the Polish basketball press writes it (relacje na żywo).

* Names. Polish keeps foreign names in their own spelling and declines them (zasady
  odmiany nazwisk obcych, Wielki słownik ortograficzny PWN). The templates use nom, gen
  (po podaniu), dat (odbiera piłkę komu) and acc (blokuje, fauluje, za kogo); `player`
  chooses the pattern from the written ending:
  - a consonant, or a final y read as [j] after a vowel: -a, -owi (Haddada, Haddadowi;
    Callowaya, Callowayowi; Tremblaya, as PWN declines Du Bellay);
  - an unpronounced ending (a mute final e, French -eau and -oix): the endings follow an
    apostrophe (Baptiste'a, Moreau'owi, Delacroix'a);
  - a final y read as [i]: adjective endings after an apostrophe (Donnelly'ego,
    Donnelly'emu); a final i: adjective endings without one (Rinaldiego, Kaminskiemu);
  - a foreign unstressed -o: the -o gives way to -a, -owi (Romano, Romana, Romanowi);
  - -a: feminine endings, gen -y (-i after g, k and after a y read as [j]), acc -ę, dat -e
    with the consonant softened (Varga, Vargi, Vargę, Vardze; Abara, Abarze; Montoya,
    Montoyi, Montoyi);
  - Iwu and Hungarian Szabó (written Szabo): unchanged, as PWN leaves them.
* Teams keep their English names, undeclined, with a plural verb (Raptors prowadzą).
* Quarters: kwarta is feminine: nom (Rozpoczyna się druga kwarta) and gen (przed końcem
  drugiej kwarty).
* Shots: layup is "dwutakt", dunk "wsad"; a negated verb takes the genitive (trafia rzut
  wolny / nie trafia rzutu wolnego).
* Numerals: Western digits; scores with a colon (54:49), clocks as on the scoreboard, a
  run as a score (seria 12:2), a percentage without a space (54%), shooting as the Polish
  press writes a stat line: "5/10 z gry", "3/7 za trzy".
* Counted nouns agree with the number: 1 punkt; 2-4, 22-24 punkty; 0, 5-21 (11-14 and 21,
  31 too: dwadzieścia jeden punktów), 25-31 punktów. `number` gives each number its forms:
  "n" the bare digits, "pts" with punkt in the nominative and accusative (ma na koncie 22
  punkty), "pts_gen" in the genitive (różnicą 1 punktu, do 3 punktów), "reb" (zbiórka, 5
  zbiórek), "ast" (asysta, 5 asyst), "blk" (blok, 5 bloków) and "stl" (przechwyt, 5
  przechwytów) in the nominative (Na koncie Tremblaya 20 punktów i 10 zbiórek), "thr" the
  made threes in the accusative (trafił już 1 trójkę, 3 trójki, 5 trójek), "ft" the feet
  of a shot after z (z 1 stopy, z 26 stóp: the NBA's feet are kept, as the Polish press
  gives them).
* Scores with a margin: the press gives the score from the subject's side, so a trailing
  team's own score comes first (Raptors przegrywają różnicą 5 punktów, 49:54); a stat line
  with its shooting is "przy skuteczności 9/17 z gry".
* The arena keeps the league's name as it is, after the noun the press puts before a
  foreign hall's name: w hali Scotiabank Arena (Witamy w hali ...).
* Ordinals: the digits and a full stop (3. faul, 3. zmiana prowadzenia).
* New constructions: "dla" + gen (faul techniczny dla Tremblaya, punkty dla Raptors),
  "do" + gen (zagrywa lobem do Mensaha), przeskakuje + acc (the jump ball). The court's
  words are Polish: kroki, błąd trzech sekund, zakłócanie lotu piłki (goaltending), błąd
  powrotu na własną połowę (backcourt), faul niesportowy (flagrant); only the floater
  keeps its English name, declined (trafia floaterem), as the Polish press writes it.
"""

from rnnkit.demo.grammar import LanguageTable, format_clock
from rnnkit.demo.languages._plural import slavic

_INDECLINABLE = {"Iwu", "Szabo"}
_UNPRONOUNCED = ("e", "eau", "oix")
_VOWELS = set("aeiouy")
# Dative/locative of a feminine -a noun: the stem's last consonant before -e.
_SOFTENED = {"g": "dze", "k": "ce", "r": "rze", "t": "cie", "d": "dzie", "ch": "sze", "l": "li"}
_CASES = ("nom", "gen", "dat", "acc")


def player(name: str) -> dict[str, str]:
    """The Polish forms of a surname: {"nom", "gen", "dat", "acc"}."""
    if name in _INDECLINABLE:
        return dict.fromkeys(_CASES, name)
    if name.endswith(_UNPRONOUNCED):
        gen, dat = name + "'a", name + "'owi"
    elif name.endswith("y") and name[-2] not in _VOWELS:
        gen, dat = name + "'ego", name + "'emu"
    elif name.endswith("i"):
        gen, dat = name + "ego", name + "emu"
    elif name.endswith("o"):
        gen, dat = name[:-1] + "a", name[:-1] + "owi"
    elif name.endswith("a"):
        stem = name[:-1]
        if stem.endswith("y"):  # Montoya: y is [j], a soft stem
            return {"nom": name, "gen": stem + "i", "dat": stem + "i", "acc": stem + "ę"}
        ending = "i" if stem[-1] in "gk" else "y"
        last = "ch" if stem.endswith("ch") else stem[-1]
        dat = stem[: len(stem) - len(last)] + _SOFTENED.get(last, last + "ie")
        return {"nom": name, "gen": stem + ending, "dat": dat, "acc": stem + "ę"}
    else:
        gen, dat = name + "a", name + "owi"
    return {"nom": name, "gen": gen, "dat": dat, "acc": gen}


def _agree(n: int, one: str, few: str, many: str) -> str:
    """The noun form after the number n (see _plural.py)."""
    return slavic(n, one, few, many, polish=True)


def number(n: int) -> dict[str, str]:
    """A number in Western digits: bare ("n") and with the nouns it counts, agreeing."""
    return {
        "n": str(n),
        "pts": f"{n} {_agree(n, 'punkt', 'punkty', 'punktów')}",
        "pts_gen": f"{n} {_agree(n, 'punktu', 'punktów', 'punktów')}",
        "reb": f"{n} {_agree(n, 'zbiórka', 'zbiórki', 'zbiórek')}",
        "ast": f"{n} {_agree(n, 'asysta', 'asysty', 'asyst')}",
        "blk": f"{n} {_agree(n, 'blok', 'bloki', 'bloków')}",
        "stl": f"{n} {_agree(n, 'przechwyt', 'przechwyty', 'przechwytów')}",
        "thr": f"{n} {_agree(n, 'trójkę', 'trójki', 'trójek')}",
        "ft": f"{n} {_agree(n, 'stopy', 'stóp', 'stóp')}",
    }


TABLE = LanguageTable(
    code="pl",
    name="Polish",
    script="Latin",
    rtl=False,
    teams={team: team for team in ("Raptors", "Celtics", "Knicks", "Bucks", "Lakers", "Bulls")},
    quarters=(
        {"nom": "pierwsza", "gen": "pierwszej"},
        {"nom": "druga", "gen": "drugiej"},
        {"nom": "trzecia", "gen": "trzeciej"},
        {"nom": "czwarta", "gen": "czwartej"},
    ),
    shots={
        "three": {
            "made": "trafia za trzy",
            "missed": "nie trafia za trzy",
            "block": "przy rzucie za trzy",
        },
        "jumper": {
            "made": "trafia z półdystansu",
            "missed": "nie trafia z półdystansu",
            "block": "przy rzucie z półdystansu",
        },
        "layup": {
            "made": "trafia z dwutaktu",
            "missed": "nie trafia z dwutaktu",
            "block": "przy dwutakcie",
        },
        "dunk": {
            "made": "kończy akcję wsadem",
            "missed": "nie trafia przy próbie wsadu",
            "block": "przy próbie wsadu",
        },
        "free_throw": {"made": "trafia rzut wolny", "missed": "nie trafia rzutu wolnego"},
    },
    rebounds={"offensive": "zbiórkę w ataku", "defensive": "zbiórkę w obronie"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": "{player[nom]} {shot[made]} na {clock} przed końcem {quarter[gen]} kwarty",
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{other[nom]} {shot[made]} po podaniu {player[gen]}",
        "block": "{player[nom]} blokuje {other[acc]} {shot[block]}",
        "rebound": "{player[nom]} notuje {rebound}",
        "steal": "{player[nom]} odbiera piłkę {other[dat]}",
        "turnover": "{player[nom]} traci piłkę",
        "foul_personal": "{player[nom]} fauluje {other[acc]}",
        "foul_shooting": "{player[nom]} fauluje {other[acc]} przy rzucie",
        "substitution": "{player[nom]} wchodzi na parkiet za {other[acc]}",
        "timeout": "{team} proszą o czas",
        "lead": "{team} prowadzą {a[n]}:{b[n]}",
        "lead_opponent": "{team} prowadzą z {opponent} {a[n]}:{b[n]}",
        "lead_clock": "Na {clock} przed końcem {quarter[gen]} kwarty {team} prowadzą {a[n]}:{b[n]}",
        "tied": "Na tablicy remis {a[n]}:{a[n]}",
        "tied_clock": "Na {clock} przed końcem {quarter[gen]} kwarty jest remis {a[n]}:{a[n]}",
        "quarter_start": "Rozpoczyna się {quarter[nom]} kwarta",
        "quarter_end": "Koniec {quarter[gen]} kwarty",
        "win": "{team} wygrywają {a[n]}:{b[n]}",
        "and_one": "{player[nom]} trafia mimo faulu",
        "alley_oop": "{player[nom]} zagrywa lobem do {other[gen]}, a ten kończy wsadem",
        "tip_in": "{player[nom]} dobija piłkę do kosza",
        "putback": "{player[nom]} zbiera piłkę w ataku i trafia",
        "hook": "{player[nom]} trafia hakiem",
        "floater": "{player[nom]} trafia floaterem",
        "fadeaway": "{player[nom]} trafia z odchylenia",
        "pull_up": "{player[nom]} zatrzymuje się i trafia z {a[ft]}",
        "deep_three": "{player[nom]} trafia za trzy z {a[ft]}",
        "fast_break": "{player[nom]} kończy szybki atak",
        "buzzer_beater": "{player[nom]} trafia równo z syreną",
        "player_scores_for": "{player[nom]} zdobywa punkty dla {team}",
        "points": "{player[nom]} ma na koncie {a[pts]}",
        "points_rebounds": "Na koncie {player[gen]} {a[pts]} i {b[reb]}",
        "points_assists": "Na koncie {player[gen]} {a[pts]} i {b[ast]}",
        "shooting": "{player[nom]} ma {a[n]}/{b[n]} z gry",
        "shooting_three": "{player[nom]} ma {a[n]}/{b[n]} za trzy",
        "shooting_line": "{player[nom]} ma {a[n]}/{b[n]} z linii rzutów wolnych",
        "team_percentage": "{team} trafiają {a[n]}% rzutów z gry",
        "career_high": "{player[nom]} ustanawia rekord kariery: {a[pts]}",
        "straight_points": "{player[nom]} zdobywa {a[pts]} z rzędu",
        "record": "{player[nom]} bije rekord klubu: {a[pts]}",
        "rebounds": "Na koncie {player[gen]} już {a[reb]}",
        "assists": "Na koncie {player[gen]} już {a[ast]}",
        "blocks": "Na koncie {player[gen]} już {a[blk]}",
        "steals": "Na koncie {player[gen]} już {a[stl]}",
        "threes": "{player[nom]} trafił już {a[thr]}",
        "team_three_percentage": "{team} trafiają {a[n]}% rzutów za trzy",
        "run": "{team} notują serię {a[n]}:{b[n]}",
        "unanswered": "{team} zdobywają {a[pts]} bez odpowiedzi rywali",
        "lead_by": "{team} prowadzą różnicą {a[pts_gen]}",
        "trail_by": "{team} przegrywają różnicą {a[pts_gen]}",
        "cut_lead": "{team} zmniejszają straty do {a[pts_gen]}",
        "score_line": "Wynik: {team} – {opponent} {a[n]}:{b[n]}",
        "halftime": "Do przerwy {team} prowadzą {a[n]}:{b[n]}",
        "final": "Koniec meczu: {team} – {opponent} {a[n]}:{b[n]}",
        "lead_change": "{player[nom]} znów wyprowadza {team} na prowadzenie",
        "lead_changes": "To już {nth} zmiana prowadzenia w tym meczu",
        "overtime": "Czeka nas dogrywka",
        "technical": "Faul techniczny dla {player[gen]}",
        "technical_bench": "Faul techniczny dla ławki {team}",
        "flagrant": "{player[nom]} niesportowo fauluje {other[acc]}",
        "foul_count": "To już {nth} faul {player[gen]}",
        "foul": "Faul {player[gen]}",
        "offensive_foul": "Faul w ataku {player[gen]}",
        "fouled_out": "{player[nom]} musi zejść z parkietu po wyczerpaniu limitu fauli",
        "bonus": "{team} mają teraz rzuty wolne za każdy faul rywali",
        "ejected": "{player[nom]} zostaje wyrzucony z meczu",
        "travel": "Błąd kroków {player[gen]}",
        "shot_clock": "{team} nie mieszczą się w czasie akcji",
        "three_seconds": "Błąd trzech sekund {player[gen]}",
        "goaltending": "{player[nom]} zakłóca lot piłki do kosza",
        "out_of_bounds": "{player[nom]} wychodzi z piłką na aut",
        "backcourt": "{team} popełniają błąd powrotu na własną połowę",
        "jump_ball": "{player[nom]} przeskakuje {other[acc]} przy rzucie sędziowskim",
        "challenge": "Trener {team} kwestionuje decyzję sędziów",
        "review": "Sędziowie analizują powtórkę wideo",
        "call_stands": "Po analizie wideo decyzja zostaje utrzymana",
        "overturned": "Po analizie wideo decyzja zostaje zmieniona",
        "injury": "{player[nom]} leży na parkiecie, wygląda to na kontuzję",
        "locker_room": "{player[nom]} schodzi do szatni",
        "returns": "{player[nom]} wraca do gry",
        "checks_in": "W ekipie {team} na parkiet wchodzi {player[nom]}",
        "turnover_team": "{player[nom]} traci piłkę, przejmują ją {team}",
        "timeout_clock": "{team} proszą o czas na {clock} przed końcem kwarty",
        "triple_double": "Na koncie {player[gen]} {a[pts]}, {b[reb]} i {c[ast]}",
        "points_shooting": (
            "{player[nom]} ma na koncie {a[pts]} przy skuteczności {b[n]}/{c[n]} z gry"
        ),
        "lead_score": "{team} prowadzą różnicą {c[pts_gen]}, {a[n]}:{b[n]}",
        "trail_score": "{team} przegrywają różnicą {c[pts_gen]}, {b[n]}:{a[n]}",
        "run_score": "Po serii {a[n]}:{b[n]} {team} prowadzą różnicą {c[pts_gen]}",
        "arena_lead": "Tu, w hali {arena}, {team} prowadzą {a[n]}:{b[n]}",
        "arena_welcome": "Witamy w hali {arena}",
    },
    settings={
        "clock_left": "Na {clock} przed końcem kwarty",
        "clock_left_quarter": "Na {clock} przed końcem {quarter[gen]} kwarty",
        "in_quarter": "W {quarter[gen]} kwarcie",
        "after_quarter": "Po {quarter[gen]} kwarcie",
        "at_halftime": "Do przerwy",
        "at_arena": "Tu, w hali {arena}",
    },
    player=player,
    number=number,
    clock=format_clock,
    ordinal=lambda n: f"{n}.",
)

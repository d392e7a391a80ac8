"""Greek: play-by-play as the Greek sports press writes it (live text, present tense).

* Names. The press writes foreign names in Greek letters by pronunciation, with an accent
  (tonos) on the stressed syllable of every word of two or more syllables. `_NAME_RULES`
  spell a surname: b d g as μπ ντ γκ (and nd mb ng as ντ μπ γκ), an initial w/wh as γου,
  u and w as ου, j as τζ, v as β, qu/qv/kw as κβ, sh as σ, ch as τσ, th as θ, c before
  e/i/y as σ, a y before a vowel as γ (Μοντόγια), a final -ov as -οφ, h only at the start
  (χ), doubled consonants once, a final σ as ς. `_accent` then puts the tonos on the
  penultimate vowel, or where `_STRESS` says (Πετρόφ, Χόλιστερ). `_NAME_EXCEPTIONS` give the
  press's form where spelling misleads (French "Moreau" is Μορό, "Esposito" Εσπόζιτο).
* Case. Foreign surnames do not decline in Greek; the article does, and carries the case:
  ο Βάργκα (nom), του Βάργκα (gen), τον/το Βάργκα (acc), στον/στο Βάργκα (σε + acc).
  The final ν of τον/στον is kept before a vowel and before κ π τ ξ ψ and μπ ντ γκ τσ
  τζ, and dropped elsewhere (the rule of the official grammar): "στον Κόβατς", "στο
  Βάργκα". All players are men, so templates write "Ο {player[name]}" themselves.
* Teams: the English names in Greek letters, undeclined, with the plural article (οι, των)
  and a plural verb (Οι Ράπτορς προηγούνται).
* Quarters: περίοδος is feminine: nominative (Αρχίζει η δεύτερη περίοδος) and genitive
  (της δεύτερης περιόδου).
* Numerals: Western digits; scores joined by a dash (54–49: Greek sites type a hyphen or an
  en dash; this file uses the typographic en dash, as the Vietnamese table does);
  clocks as on the scoreboard. A margin is written as the live text writes it, "στο +12"
  ahead and "στο -12" behind; a run is a σερί (τρέχουν σερί 12–2); shooting lines are
  made/attempted with a slash (5/9 σουτ, 2/5 τρίποντα, 4/4 βολές); a percentage is "52%";
  NBA distances stay in feet, "από τα 25 πόδια", as the Greek NBA press gives them.
* The third round: a shooting line after the points is "με 8/15 σουτ"; a trailing team's
  score is written from its side, as the press writes a losing team's ("χάνουν με 49–54"),
  with the margin "στο -5". The arena (the league's Σκοσιαμπάνκ Αρίνα) is feminine, η
  αρένα, and undeclined like any foreign name: the article carries the case, "στη
  Σκοσιαμπάνκ Αρίνα" (σ + τη, the ν dropped before σ).
* Ordinals: the digits and the ending of the noun's gender, `ordinal`'s keys m, f, n
  (3ος, 3η αλλαγή, 3ο φάουλ): φάουλ is neuter, αλλαγή feminine.
* Prepositions: για and από take the accusative with its article ({player[ton]}: "για τον
  Κόβατς", "από το Βάργκα"); σε merges with the plural article of a team (στους Ράπτορς),
  and a team after a noun is in the genitive (ο πάγκος των Ράπτορς).
* The basketball words are those of the Greek press: τάπα, βολή, τρίποντο, αιφνιδιασμός
  (fast break), γάντζος (hook shot), σταματημένο σουτ (pull-up), βήματα (traveling),
  τεχνική ποινή, αντιαθλητικό φάουλ (flagrant), ρακέτα (the paint), παράταση (overtime), and
  the loans it writes in Greek letters (ριμπάουντ, ασίστ, φλότερ, τάπ-ιν, αλέ-οπ, τζάμπολ,
  γκολτέντινγκ, μπόνους, τσάλεντζ, τάιμ άουτ).
* One player's count: the loans ριμπάουντ and ασίστ do not change after a number (έχει
  ήδη 1 ριμπάουντ, 8 ασίστ), but τάπα, κλέψιμο and τρίποντο do (1 τάπα, 3 τάπες), and a
  template cannot see the number: so those stats head the line and the count stands
  bare, as live text lists a stat (Τάπες: ο Βάργκα έχει ήδη 3).
"""

import re

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._transliteration import transliterate

_NAME_RULES = [
    ("^wh|^w", "γου"),
    ("wh", "ου"),
    ("sch|sh", "σ"),
    ("ch", "τσ"),
    ("th", "θ"),
    ("ph", "φ"),
    ("gh", "χ"),
    ("ck", "κ"),
    ("qu|qv|kw", "κβ"),
    ("sz", "σ"),
    ("([b-df-hj-np-tv-z])\\1", "\\1"),
    ("^h", "χ"),
    ("h", ""),
    ("ov$", "οφ"),
    ("ow$", "οου"),
    ("c(?=[eiy])", "σ"),
    ("(?<=[aeiou])y(?=[aeiou])", "γι"),
    ("nd", "ντ"),
    ("mb", "μπ"),
    ("ng", "γκ"),
    ("u|w", "ου"),
    ("s$", "ς"),
]
_LETTERS = dict(zip("acefiklmnopqrstvxyz", "ακεφικλμνοπκρστβξιζ")) | {
    "b": "μπ",
    "d": "ντ",
    "g": "γκ",
    "j": "τζ",
}
# The stressed vowel, counted from the end, where it is not the penultimate.
_STRESS = {
    "Haddad": 1,
    "Petrov": 1,
    "Marin": 1,
    "Donnelly": 3,
    "Halloran": 3,
    "Hollister": 3,
    "Barlow": 3,
    "Whitaker": 3,
    "Gallagher": 3,
}
_NAME_EXCEPTIONS = {
    "Tremblay": "Τρεμπλέ",
    "Delacroix": "Ντελακρουά",
    "Sutherland": "Σάδερλαντ",
    "Whitfield": "Γουίτφιλντ",
    "Moreau": "Μορό",
    "Ferreira": "Φερέιρα",
    "Ndiaye": "Ντιαγέ",
    "Quinlan": "Κουίνλαν",
    "Esposito": "Εσπόζιτο",
    "Dunmore": "Ντάνμορ",
    "Calloway": "Κάλογουεϊ",
    "Baptiste": "Μπατίστ",
    "Fairbank": "Φέρμπανκ",
    "Iwu": "Ίγου",
    "Kovac": "Κόβατς",
}
_TONOS = {"α": "ά", "ε": "έ", "ι": "ί", "ο": "ό", "υ": "ύ", "η": "ή", "ω": "ώ"}
# A vowel sound: the digraph ου, ι + vowel after γ (one syllable: για), or one vowel letter.
_NUCLEUS = re.compile("ου|(?<=γ)ι(?:ου|[αεο])|[αειοηω]")
_KEEPS_NU = re.compile("[αεηιουωάέήίόύώκπτξψ]|μπ|ντ|γκ|τσ|τζ")


def _accent(word: str, from_end: int = 2) -> str:
    """`word` (lower case) with the tonos on its `from_end`-th vowel sound from the end."""
    nuclei = list(_NUCLEUS.finditer(word))
    if len(nuclei) < 2:
        return word  # monosyllables take no accent
    i = nuclei[-min(from_end, len(nuclei))].end() - 1  # ου takes it on υ: ού
    return word[:i] + _TONOS[word[i]] + word[i + 1 :]


def name(surname: str) -> str:
    """The Greek spelling of a Latin surname."""
    if surname in _NAME_EXCEPTIONS:
        return _NAME_EXCEPTIONS[surname]
    word = _accent(
        transliterate(surname, _NAME_RULES, _LETTERS, {}).lower(), _STRESS.get(surname, 2)
    )
    return word[0].upper() + word[1:]


def player(surname: str) -> dict[str, str]:
    """The name with the article of each case: {"name", "tou", "ton", "ston"}."""
    greek = name(surname)
    nu = "ν" if _KEEPS_NU.match(greek.lower()) else ""
    return {
        "name": greek,
        "tou": f"του {greek}",
        "ton": f"το{nu} {greek}",
        "ston": f"στο{nu} {greek}",
    }


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits with the ending of its noun's gender: 3ος, 3η, 3ο."""
    return {"m": f"{n}ος", "f": f"{n}η", "n": f"{n}ο"}


_CLOCK = "{clock} πριν από τη λήξη της {quarter[gen]} περιόδου"

TABLE = LanguageTable(
    code="el",
    name="Greek",
    script="Greek",
    rtl=False,
    teams={
        "Raptors": "Ράπτορς",
        "Celtics": "Σέλτικς",
        "Knicks": "Νικς",
        "Bucks": "Μπακς",
        "Lakers": "Λέικερς",
        "Bulls": "Μπουλς",
    },
    quarters=(
        {"nom": "πρώτη", "gen": "πρώτης"},
        {"nom": "δεύτερη", "gen": "δεύτερης"},
        {"nom": "τρίτη", "gen": "τρίτης"},
        {"nom": "τέταρτη", "gen": "τέταρτης"},
    ),
    shots={
        "three": {
            "made": "ευστοχεί σε τρίποντο",
            "missed": "αστοχεί σε τρίποντο",
            "block": "στο τρίποντο",
        },
        "jumper": {
            "made": "ευστοχεί από μέση απόσταση",
            "missed": "αστοχεί από μέση απόσταση",
            "block": "στο σουτ μέσης απόστασης",
        },
        "layup": {
            "made": "ευστοχεί σε λέι απ",
            "missed": "αστοχεί σε λέι απ",
            "block": "στο λέι απ",
        },
        "dunk": {"made": "καρφώνει", "missed": "αστοχεί σε κάρφωμα", "block": "στο κάρφωμα"},
        "free_throw": {"made": "ευστοχεί σε βολή", "missed": "αστοχεί σε βολή"},
    },
    rebounds={"offensive": "το επιθετικό ριμπάουντ", "defensive": "το αμυντικό ριμπάουντ"},
    templates={
        "made": "Ο {player[name]} {shot[made]}",
        "made_clock": "Ο {player[name]} {shot[made]} " + _CLOCK,
        "missed": "Ο {player[name]} {shot[missed]}",
        "assist": "Ο {other[name]} {shot[made]} με ασίστ {player[tou]}",
        "block": "Ο {player[name]} κάνει τάπα {other[ston]} {shot[block]}",
        "rebound": "Ο {player[name]} παίρνει {rebound}",
        "steal": "Ο {player[name]} κλέβει την μπάλα από {other[ton]}",
        "turnover": "Ο {player[name]} χάνει την μπάλα",
        "foul_personal": "Ο {player[name]} κάνει προσωπικό φάουλ {other[ston]}",
        "foul_shooting": "Ο {player[name]} κάνει φάουλ {other[ston]} στο σουτ",
        "substitution": "Ο {player[name]} μπαίνει στη θέση {other[tou]}",
        "timeout": "Οι {team} ζητούν τάιμ άουτ",
        "lead": "Οι {team} προηγούνται με {a}–{b}",
        "lead_opponent": "Οι {team} προηγούνται των {opponent} με {a}–{b}",
        "lead_clock": _CLOCK + " οι {team} προηγούνται με {a}–{b}",
        "tied": "Το σκορ είναι ισόπαλο στο {a}–{a}",
        "tied_clock": _CLOCK + " το σκορ είναι ισόπαλο στο {a}–{a}",
        "quarter_start": "Αρχίζει η {quarter[nom]} περίοδος",
        "quarter_end": "Τέλος της {quarter[gen]} περιόδου",
        "win": "Οι {team} νικούν με {a}–{b}",
        # Shots and finishes.
        "and_one": "Καλάθι και φάουλ ο {player[name]}",
        "alley_oop": (
            "Ο {player[name]} σερβίρει το αλέ-οπ και ο {other[name]} τελειώνει στο καλάθι"
        ),
        "tip_in": "Ο {player[name]} ευστοχεί με τάπ-ιν",
        "putback": "Ο {player[name]} μαζεύει το επιθετικό ριμπάουντ και ευστοχεί",
        "hook": "Ο {player[name]} ευστοχεί με γάντζο",
        "floater": "Ο {player[name]} ευστοχεί με φλότερ",
        "fadeaway": "Ο {player[name]} ευστοχεί με σουτ πέφτοντας προς τα πίσω",
        "pull_up": "Ο {player[name]} ευστοχεί με σταματημένο σουτ από τα {a} πόδια",
        "deep_three": "Ο {player[name]} ευστοχεί σε τρίποντο από τα {a} πόδια",
        "fast_break": "Ο {player[name]} τελειώνει τον αιφνιδιασμό",
        "buzzer_beater": "Ο {player[name]} ευστοχεί πάνω στην κόρνα",
        "player_scores_for": "Ο {player[name]} σκοράρει για τους {team}",
        # Stat lines and milestones.
        "points": "Ο {player[name]} έχει {a} πόντους",
        "points_rebounds": "Ο {player[name]} έχει {a} πόντους και {b} ριμπάουντ",
        "points_assists": "Ο {player[name]} έχει {a} πόντους και {b} ασίστ",
        "shooting": "Ο {player[name]} έχει {a}/{b} σουτ",
        "shooting_three": "Ο {player[name]} έχει {a}/{b} τρίποντα",
        "shooting_line": "Ο {player[name]} έχει {a}/{b} βολές",
        "team_percentage": "Οι {team} σουτάρουν με ποσοστό {a}%",
        "career_high": "Ο {player[name]} φτάνει τους {a} πόντους, ρεκόρ καριέρας",
        "straight_points": "Ο {player[name]} έχει βάλει {a} συνεχόμενους πόντους",
        "record": "Ο {player[name]} γράφει ρεκόρ της ομάδας με {a} πόντους",
        "rebounds": "Ο {player[name]} έχει ήδη {a} ριμπάουντ",
        "assists": "Ο {player[name]} έχει ήδη {a} ασίστ",
        "blocks": "Τάπες: ο {player[name]} έχει ήδη {a}",
        "steals": "Κλεψίματα: ο {player[name]} έχει ήδη {a}",
        "threes": "Τρίποντα: ο {player[name]} έχει ήδη βάλει {a}",
        "team_three_percentage": "Οι {team} σουτάρουν με ποσοστό {a}% στο τρίποντο",
        # Runs, margins and score lines.
        "run": "Οι {team} τρέχουν σερί {a}–{b}",
        "unanswered": "Οι {team} σημειώνουν {a} αναπάντητους πόντους",
        "lead_by": "Οι {team} βρίσκονται στο +{a}",
        "trail_by": "Οι {team} βρίσκονται στο -{a}",
        "cut_lead": "Οι {team} μειώνουν τη διαφορά στους {a} πόντους",
        "score_line": "Το σκορ: {team} {a}, {opponent} {b}",
        "halftime": "Στο ημίχρονο οι {team} προηγούνται με {a}–{b}",
        "final": "Τελικό σκορ: {team} {a}, {opponent} {b}",
        "lead_change": "Ο {player[name]} ξαναδίνει το προβάδισμα στους {team}",
        "lead_changes": "Η {nth[f]} αλλαγή προβαδίσματος στο ματς",
        "overtime": "Ο αγώνας πηγαίνει στην παράταση",
        # Fouls and ejections.
        "technical": "Τεχνική ποινή {player[ston]}",
        "technical_bench": "Τεχνική ποινή στον πάγκο των {team}",
        "flagrant": "Ο {player[name]} κάνει αντιαθλητικό φάουλ {other[ston]}",
        "foul_count": "{nth[n]} φάουλ για {player[ton]}",
        "foul": "Φάουλ {player[tou]}",
        "offensive_foul": "Επιθετικό φάουλ {player[tou]}",
        "fouled_out": "Ο {player[name]} αποχωρεί με έξι φάουλ",
        "bonus": "Οι {team} βρίσκονται στο μπόνους",
        "ejected": "Ο {player[name]} αποβάλλεται από τους διαιτητές",
        # Violations.
        "travel": "Ο {player[name]} κάνει βήματα",
        "shot_clock": "Λήξη χρόνου επίθεσης για τους {team}",
        "three_seconds": "Ο {player[name]} μένει πάνω από τρία δευτερόλεπτα στη ρακέτα",
        "goaltending": "Γκολτέντινγκ {player[tou]}",
        "out_of_bounds": "Ο {player[name]} πατάει άουτ με την μπάλα",
        "backcourt": "Παράβαση επιστροφής στο πίσω γήπεδο για τους {team}",
        # The game around the plays.
        "jump_ball": "Ο {player[name]} κερδίζει το τζάμπολ από {other[ton]}",
        "challenge": "Ο προπονητής των {team} ζητά τσάλεντζ",
        "review": "Οι διαιτητές εξετάζουν τη φάση στο βίντεο",
        "call_stands": "Μετά τον έλεγχο, η απόφαση παραμένει",
        "overturned": "Μετά τον έλεγχο, η απόφαση ανατρέπεται",
        "injury": "Ο {player[name]} μένει στο παρκέ τραυματισμένος",
        "locker_room": "Ο {player[name]} κατευθύνεται στα αποδυτήρια",
        "returns": "Ο {player[name]} επιστρέφει στο παιχνίδι",
        "checks_in": "Ο {player[name]} μπαίνει στο παρκέ για τους {team}",
        "turnover_team": "Λάθος {player[tou]}, η μπάλα στους {team}",
        "timeout_clock": "Οι {team} ζητούν τάιμ άουτ με {clock} να απομένουν",
        # Lines with three numbers, and the arena.
        "triple_double": "Ο {player[name]} έχει {a} πόντους, {b} ριμπάουντ και {c} ασίστ",
        "points_shooting": "Ο {player[name]} έχει {a} πόντους με {b}/{c} σουτ",
        "lead_score": "Οι {team} προηγούνται με {a}–{b} και βρίσκονται στο +{c}",
        "trail_score": "Οι {team} χάνουν με {b}–{a} και βρίσκονται στο -{c}",
        "run_score": "Σερί {a}–{b} για τους {team}, που βρίσκονται πλέον στο +{c}",
        "arena_lead": "Εδώ στη {arena} οι {team} προηγούνται με {a}–{b}",
        "arena_welcome": "Καλώς ήρθατε στη {arena}",
    },
    settings={
        "clock_left": "Με {clock} να απομένουν",
        "clock_left_quarter": "{clock} πριν από τη λήξη της {quarter[gen]} περιόδου",
        "in_quarter": "Στην {quarter[nom]} περίοδο",
        "after_quarter": "Μετά την {quarter[nom]} περίοδο",
        "at_halftime": "Στο ημίχρονο",
        "at_arena": "Εδώ στη {arena}",
    },
    player=player,
    ordinal=ordinal,
)

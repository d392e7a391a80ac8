"""French (fr).

- Articles and contractions: every NBA team name is plural ("les Raptors"), so templates
  write the article and its contractions themselves: "face aux Celtics" (à + les),
  "de la fin du quart-temps" (de + le).
- Gender agreement: every shot noun is masculine ("un tir", "le dunk"), the lexicon
  holds each shot's indefinite and definite phrase; "une faute personnelle" shows the
  feminine agreement of the adjective.
- Ordinals: "premier" ... "quatrième" before the masculine "quart-temps".
- Numerals: Western digits, the clock as the scoreboard shows it ("3:45").
- Names: the Latin surnames as they are (French sports text keeps them).
- Loans: "dunk" is the word French basketball uses (le dunk), so LOANS lists it.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

LOANS = frozenset({"dunk"})  # English words French uses as its own (checked by the tests)

TABLE = LanguageTable(
    code="fr",
    name="French",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("premier", "deuxième", "troisième", "quatrième"),
    shots={
        "three": {"a": "un tir à trois points", "the": "le tir à trois points"},
        "jumper": {"a": "un tir en suspension", "the": "le tir en suspension"},
        "layup": {"a": "un lay-up", "the": "le lay-up"},
        "dunk": {"a": "un dunk", "the": "le dunk"},
        "free_throw": {"a": "un lancer franc"},
    },
    rebounds={"offensive": "le rebond offensif", "defensive": "le rebond défensif"},
    templates={
        "made": "{player} réussit {shot[a]}",
        "made_clock": "{player} réussit {shot[a]} à {clock} de la fin du {quarter} quart-temps",
        "missed": "{player} manque {shot[a]}",
        "assist": "{player} trouve {other} pour {shot[the]}",
        "block": "{player} contre {shot[the]} de {other}",
        "rebound": "{player} prend {rebound}",
        "steal": "{player} vole le ballon à {other}",
        "turnover": "{player} perd le ballon",
        "foul_personal": "{player} commet une faute personnelle sur {other}",
        "foul_shooting": "{player} commet une faute sur {other} au moment du tir",
        "substitution": "{player} entre à la place de {other}",
        "timeout": "Les {team} demandent un temps mort",
        "lead": "Les {team} mènent {a} à {b}",
        "lead_opponent": "Les {team} mènent {a} à {b} face aux {opponent}",
        "lead_clock": "Les {team} mènent {a} à {b} à {clock} de la fin du {quarter} quart-temps",
        "tied": "Égalité à {a} partout",
        "tied_clock": "Égalité à {a} partout à {clock} de la fin du {quarter} quart-temps",
        "quarter_start": "Début du {quarter} quart-temps",
        "quarter_end": "Fin du {quarter} quart-temps",
        "win": "Les {team} l'emportent {a} à {b}",
    },
)

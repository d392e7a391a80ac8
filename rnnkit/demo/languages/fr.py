"""French (fr).

- Articles and contractions: every NBA team name is plural ("les Raptors"), so templates
  write the article and its contractions themselves: "face aux Celtics" (à + les),
  "de la fin du quart-temps" (de + le).
- Gender agreement: every shot noun is masculine ("un tir", "le dunk"), the lexicon
  holds each shot's indefinite and definite phrase; "une faute personnelle" shows the
  feminine agreement of the adjective.
- Ordinals: "premier" ... "quatrième" before the masculine "quart-temps". In digits
  (`ordinal`), French writes "1er" / "1re" and then "2e", "3e" ... (no superscript in
  plain text), so `{nth[m]}` / `{nth[f]}` agree with the noun: "le 3e changement de
  leader", "sa 3e faute".
- Elision before names: "de" would elide before a name that starts with a vowel
  ("d'Okonkwo"), which a template cannot know, so the new templates never put "de" (or
  "le", "que") before a player: "Marcher sifflé contre X", "X écope de sa 3e faute",
  "Faute technique pour X". "à" and "sur" do not elide.
- Numerals: Western digits, the clock as the scoreboard shows it ("3:45"); a percentage
  with a space ("54 %"), a run as the press writes it ("un 12-2"), shooting as "à 7 sur
  12". Distances stay in feet, "à 26 pieds", as the French-language NBA press (Canada's
  first) writes them; the shot clock is "le temps de possession", so no number is
  written that the English does not give.
- Team names are plural ("les Raptors"): the new templates prefer nominal, elliptic
  live-text phrasing where the team is no verb's subject ("Temps mort demandé par les
  Raptors", "Un 12-2 pour les Raptors", "5 points d'avance pour les Raptors").
- Names: the Latin surnames as they are (French sports text keeps them).
- Loans: "dunk" is the word French basketball uses (le dunk), "lay-up" (whose "up" the
  English "pull-up" also has) its usual name for the layup, and "alley-oop" (alley, oop)
  the only name it has for the lob finished at the rim, so LOANS lists them. Shared
  words: "points", "record" and "franchise" are French words spelt as in English ("54
  points", "un record de franchise"), so LOANS lists them too.
- Lines with three numbers and the arena: a margin is "mènent de 5" / "sont menés de 5"
  and the score follows leader first, as the press writes it when the leader is not the
  subject ("Les Raptors sont menés de 5, 54-49"); no "points" follows the margin, which
  can be 1 ("de 1 point", singular). The arena keeps the league's name with the Quebec
  masculine ("un aréna"), as the Canadian press writes it: "au Scotiabank Arena".
- One player's count (rebonds, passes décisives, contres, interceptions, tirs à trois
  points) can be 0 or 1, which take the singular in French ("1 contre"), and a template
  cannot see the number: so the stat heads the line and the count stands bare after "en
  est à", as live text lists a stat ("Contres : Tremblay en est à 3"); the made threes are
  "en a réussi 3", whose participle does not agree with "en".
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

# English words French uses as its own, and words spelt alike (checked by the tests)
LOANS = frozenset({"dunk", "up", "alley", "oop", "points", "record", "franchise"})


def _ordinal(n: int) -> dict[str, str]:
    """3 -> {"m": "3e", "f": "3e"}; 1 -> {"m": "1er", "f": "1re"}."""
    if n == 1:
        return {"m": "1er", "f": "1re"}
    return {"m": f"{n}e", "f": f"{n}e"}


TABLE = LanguageTable(
    code="fr",
    name="French",
    script="Latin",
    rtl=False,
    city_articles=(("Les", ""), ("les", ""), ("aux", "à"), ("des", "de")),
    city_verbs=(
        ("sont menés", "est mené"),
        ("sont", "est"),
        ("mènent", "mène"),
        ("demandent", "demande"),
        ("l'emportent", "l'emporte"),
        ("reviennent", "revient"),
    ),
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
        "and_one": "{player} marque malgré la faute",
        "alley_oop": "{player} sert {other} en alley-oop",
        "tip_in": "{player} marque d'une claquette",
        "putback": "{player} conclut après son propre rebond offensif",
        "hook": "{player} réussit un bras roulé",
        "floater": "{player} réussit un tir en cloche",
        "fadeaway": "{player} réussit un tir en suspension en reculant",
        "pull_up": "{player} s'arrête et plante son tir à {a} pieds",
        "deep_three": "{player} plante un tir à trois points à {a} pieds",
        "fast_break": "{player} conclut la contre-attaque",
        "buzzer_beater": "{player} marque sur la sirène",
        "player_scores_for": "{player} marque pour les {team}",
        "points": "{player} en est à {a} points",
        "points_rebounds": "{player} en est à {a} points et {b} rebonds",
        "points_assists": "{player} en est à {a} points et {b} passes décisives",
        "shooting": "{player} est à {a} sur {b} au tir",
        "shooting_three": "{player} est à {a} sur {b} à trois points",
        "shooting_line": "{player} est à {a} sur {b} aux lancers francs",
        "team_percentage": "Les {team} à {a} % de réussite au tir",
        "career_high": "{player} bat son record en carrière avec {a} points",
        "straight_points": "{player} a marqué {a} points d'affilée",
        "record": "{player} établit un record de franchise avec {a} points",
        "rebounds": "Rebonds : {player} en est à {a}",
        "assists": "Passes décisives : {player} en est à {a}",
        "blocks": "Contres : {player} en est à {a}",
        "steals": "Interceptions : {player} en est à {a}",
        "threes": "Tirs à trois points : {player} en a réussi {a}",
        "team_three_percentage": "Les {team} à {a} % de réussite à trois points",
        "run": "Un {a}-{b} pour les {team}",
        "unanswered": "{a} points sans réponse pour les {team}",
        "lead_by": "{a} points d'avance pour les {team}",
        "trail_by": "{a} points de retard pour les {team}",
        "cut_lead": "Les {team} reviennent à {a} points",
        "score_line": "{team} {a}, {opponent} {b}",
        "halftime": "À la pause, les {team} mènent {a} à {b}",
        "final": "Fin du match : {team} {a}, {opponent} {b}",
        "lead_change": "{player} redonne l'avantage aux {team}",
        "lead_changes": "C'est le {nth[m]} changement de leader du match",
        "overtime": "Le match part en prolongation",
        "technical": "Faute technique pour {player}",
        "technical_bench": "Faute technique sur le banc des {team}",
        "flagrant": "{player} commet une faute flagrante sur {other}",
        "foul_count": "{player} écope de sa {nth[f]} faute",
        "foul": "Faute sifflée contre {player}",
        "offensive_foul": "Faute en attaque sifflée contre {player}",
        "fouled_out": "{player} atteint la limite de fautes et doit sortir",
        "bonus": "Désormais, lancers francs pour les {team} à chaque faute",
        "ejected": "{player} est expulsé",
        "travel": "Marcher sifflé contre {player}",
        "shot_clock": "Temps de possession écoulé pour les {team}",
        "three_seconds": "Trois secondes sifflées contre {player}",
        "goaltending": "Intervention illégale sur le ballon sifflée contre {player}",
        "out_of_bounds": "{player} sort du terrain avec le ballon",
        "backcourt": "Retour en zone des {team}",
        "jump_ball": "{player} remporte l'entre-deux face à {other}",
        "challenge": "L'entraîneur des {team} conteste la décision",
        "review": "Les arbitres consultent la vidéo",
        "call_stands": "Après visionnage de la vidéo, la décision arbitrale est maintenue",
        "overturned": "Après visionnage de la vidéo, la décision arbitrale est annulée",
        "injury": "{player} est au sol, blessé",
        "locker_room": "{player} rejoint les vestiaires",
        "returns": "{player} fait son retour en jeu",
        "checks_in": "{player} entre en jeu pour les {team}",
        "turnover_team": "{player} perd le ballon, possession pour les {team}",
        "timeout_clock": "Temps mort demandé par les {team} à {clock} de la fin",
        "triple_double": "{player} en est à {a} points, {b} rebonds et {c} passes décisives",
        "points_shooting": "{player} en est à {a} points, à {b} sur {c} au tir",
        "lead_score": "Les {team} mènent de {c}, {a}-{b}",
        "trail_score": "Les {team} sont menés de {c}, {a}-{b}",
        "run_score": "Un {a}-{b} pour les {team}, qui mènent désormais de {c}",
        "arena_lead": "Les {team} mènent {a} à {b} ici, au {arena}",
        "arena_welcome": "Bienvenue au {arena}",
    },
    settings={
        "clock_left": "À {clock} de la fin",
        "clock_left_quarter": "À {clock} de la fin du {quarter} quart-temps",
        "in_quarter": "Au {quarter} quart-temps",
        "after_quarter": "À la fin du {quarter} quart-temps",
        "at_halftime": "À la pause",
        "at_arena": "Ici, au {arena}",
    },
    ordinal=_ordinal,
)

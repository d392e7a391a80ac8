"""Spanish (es).

- Ordinals: "primer" and "tercer" are the apocopated forms used before a masculine
  noun ("el primer cuarto"), "segundo" and "cuarto" are invariable there.
- Gender agreement: "la bandeja" is feminine, the other shots masculine ("un triple",
  "el mate"); the lexicon holds each shot's indefinite and definite phrase.
- Personal "a": a person as a direct object takes "a" ("encuentra a Mensah", "superan a
  los Celtics"); team names are plural ("Los Raptors ganan").
- Contractions: de + el -> "del" ("el final del cuarto").
- Numerals: Western digits; names: the Latin surnames as they are.
- Shared words: "personal" is also Spanish ("una falta personal"), so LOANS lists it.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

LOANS = frozenset({"personal"})  # spelt as in English, and Spanish (see the docstring)

TABLE = LanguageTable(
    code="es",
    name="Spanish",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("primer", "segundo", "tercer", "cuarto"),
    shots={
        "three": {"a": "un triple", "the": "el triple"},
        "jumper": {"a": "un tiro en suspensión", "the": "el tiro en suspensión"},
        "layup": {"a": "una bandeja", "the": "la bandeja"},
        "dunk": {"a": "un mate", "the": "el mate"},
        "free_throw": {"a": "un tiro libre"},
    },
    rebounds={"offensive": "el rebote ofensivo", "defensive": "el rebote defensivo"},
    templates={
        "made": "{player} anota {shot[a]}",
        "made_clock": (
            "{player} anota {shot[a]} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "missed": "{player} falla {shot[a]}",
        "assist": "{player} encuentra a {other} para {shot[the]}",
        "block": "{player} bloquea {shot[the]} de {other}",
        "rebound": "{player} captura {rebound}",
        "steal": "{player} le roba el balón a {other}",
        "turnover": "{player} pierde el balón",
        "foul_personal": "{player} comete una falta personal sobre {other}",
        "foul_shooting": "{player} comete una falta sobre {other} en el tiro",
        "substitution": "{player} entra en lugar de {other}",
        "timeout": "Los {team} piden tiempo muerto",
        "lead": "Los {team} van ganando {a} a {b}",
        "lead_opponent": "Los {team} superan a los {opponent} por {a} a {b}",
        "lead_clock": (
            "Los {team} van ganando {a} a {b} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "tied": "El partido está empatado a {a}",
        "tied_clock": (
            "El partido está empatado a {a} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "quarter_start": "Comienza el {quarter} cuarto",
        "quarter_end": "Fin del {quarter} cuarto",
        "win": "Los {team} ganan {a} a {b}",
    },
)

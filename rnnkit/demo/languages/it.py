"""Italian (it).

- Gender and elision: "la tripla" and "la schiacciata" are feminine, "l'appoggio"
  elides before a vowel, "il tiro" is masculine; the lexicon holds each phrase whole.
- Contracted prepositions: "sui Celtics" (su + i), "al posto di" (a + il), "dalla fine
  del" (da + la, di + il).
- Team names are plural ("I Raptors vincono").
- Numerals: Western digits; names: the Latin surnames as they are.
- Loans: "timeout" is the word Italian basketball uses ("chiamano timeout"), so LOANS
  lists it.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

LOANS = frozenset({"timeout"})  # English words Italian uses as its own

TABLE = LanguageTable(
    code="it",
    name="Italian",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("primo", "secondo", "terzo", "quarto"),
    shots={
        "three": {"a": "una tripla", "the": "la tripla"},
        "jumper": {"a": "un tiro in sospensione", "the": "il tiro in sospensione"},
        "layup": {"a": "un appoggio", "the": "l'appoggio"},
        "dunk": {"a": "una schiacciata", "the": "la schiacciata"},
        "free_throw": {"a": "un tiro libero"},
    },
    rebounds={"offensive": "il rimbalzo offensivo", "defensive": "il rimbalzo difensivo"},
    templates={
        "made": "{player} realizza {shot[a]}",
        "made_clock": "{player} realizza {shot[a]} a {clock} dalla fine del {quarter} quarto",
        "missed": "{player} sbaglia {shot[a]}",
        "assist": "{player} trova {other} per {shot[the]}",
        "block": "{player} stoppa {shot[the]} di {other}",
        "rebound": "{player} cattura {rebound}",
        "steal": "{player} ruba palla a {other}",
        "turnover": "{player} perde palla",
        "foul_personal": "{player} commette un fallo personale su {other}",
        "foul_shooting": "{player} commette un fallo su {other} in fase di tiro",
        "substitution": "{player} entra al posto di {other}",
        "timeout": "I {team} chiamano timeout",
        "lead": "I {team} sono avanti {a} a {b}",
        "lead_opponent": "I {team} sono avanti {a} a {b} sui {opponent}",
        "lead_clock": "I {team} sono avanti {a} a {b} a {clock} dalla fine del {quarter} quarto",
        "tied": "La partita è in parità a quota {a}",
        "tied_clock": (
            "La partita è in parità a quota {a} a {clock} dalla fine del {quarter} quarto"
        ),
        "quarter_start": "Inizia il {quarter} quarto",
        "quarter_end": "Fine del {quarter} quarto",
        "win": "I {team} vincono {a} a {b}",
    },
)

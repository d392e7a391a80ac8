"""Italian (it).

- Gender and elision: "la tripla" and "la schiacciata" are feminine, "l'appoggio"
  elides before a vowel, "il tiro" is masculine; the lexicon holds each phrase whole.
- Contracted prepositions: "sui Celtics" (su + i), "al posto di" (a + il), "dalla fine
  del" (da + la, di + il).
- Team names are plural ("I Raptors vincono").
- More contractions in the new templates: "dai Raptors" (da + i), "ai Raptors" (a + i),
  "dei Raptors" (di + i), "alla panchina" (a + la), "sulla sirena" (su + la).
- Articles before numbers: the article would elide before 1, 8, 11, 80-89 ("l'8%",
  "all'80%") and a template cannot know the number, so no article or articled
  preposition stands before `{a}` ("Percentuale dal campo dei Raptors: 54%", "a quota
  54", "avanti di 5 punti").
- Ordinals in digits (`ordinal`): the number and the ordinal indicator of the noun's
  gender, "3º" (masculine), "3ª" (feminine), as `{nth[m]}` and `{nth[f]}`; with the
  definite article, `{nth[il]}` and `{nth[la]}`, which elide where the ordinal read
  aloud starts with a vowel: "il 3º fallo", but "l'8º sorpasso" (l'ottavo), "l'11º"
  (l'undicesimo).
- Numerals: Western digits; names: the Latin surnames as they are. A percentage is "54%",
  a run a "parziale di 12-2", shooting "7 su 12"; distances stay in feet, "da 26 piedi"
  (the NBA's unit, as Italian NBA coverage quotes it); the shot clock is spelt out
  ("infrazione di ventiquattro secondi") so no number is written that the English lacks.
- Team names in the new templates: nominal, elliptic live-text phrasing is preferred,
  where the team is no verb's subject ("Timeout chiamato dai
  Raptors", "I Raptors avanti di 5 punti", "Parziale di 12-2 per i Raptors").
- Loans: "timeout" is the word Italian basketball uses ("chiamano timeout"), "alley-oop"
  (alley, oop) its only name for the lob finished at the rim, and "record" the Italian
  word for a record ("record di franchigia"), so LOANS lists them. "Assist" is Italian
  too and invariable ("5 assist"), so it never meets the English plural.
- Lines with three numbers and the arena: a margin is "avanti di 5" / "sotto di 5", the
  score then leader first ("sotto di 5, 54-49", as the press writes "perde 54-49"); no
  "punti" follows the margin, which can be 1 ("un punto"), and no article stands before
  the score ("sull'80-75" would elide). Shooting is "con 9 su 17 dal campo". The arena
  keeps the league's name, feminine like "l'arena": "alla Scotiabank Arena".
- One player's count of rimbalzi, stoppate, palle rubate or triple can be 1, which takes
  the singular ("1 stoppata"), and a template cannot see the number: so the stat heads
  the line and the count stands bare after "a quota" ("Stoppate: Iwu è a quota 3");
  assists are "a quota 5 assist", invariable.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

LOANS = frozenset({"timeout", "alley", "oop", "record"})  # English words Italian uses as its own


def _ordinal(n: int) -> dict[str, str]:
    """3 -> {"m": "3º", "f": "3ª", "il": "il 3º", "la": "la 3ª"}; 8 -> "l'8º", "l'8ª"."""
    # Read as a word, the ordinal starts with a vowel for 8, 80-89, 800... ("ottavo",
    # "ottantesimo") and 11 ("undicesimo"): the article elides there.
    vowel = str(n).startswith("8") or n == 11
    masculine, feminine = f"{n}º", f"{n}ª"
    return {
        "m": masculine,
        "f": feminine,
        "il": f"l'{masculine}" if vowel else f"il {masculine}",
        "la": f"l'{feminine}" if vowel else f"la {feminine}",
    }


TABLE = LanguageTable(
    code="it",
    name="Italian",
    script="Latin",
    city_articles=(("I", ""), ("i", ""), ("dei", "di"), ("ai", "a"), ("dai", "da"), ("sui", "su")),
    city_verbs=(
        ("si riportano", "si riporta"),
        ("sono", "è"),
        ("chiamano", "chiama"),
        ("vincono", "vince"),
    ),
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
        "and_one": "{player} segna e subisce fallo",
        "alley_oop": "Alley-oop di {player} per {other}",
        "tip_in": "{player} corregge a canestro",
        "putback": "{player} segna su rimbalzo offensivo",
        "hook": "{player} segna con un gancio",
        "floater": "{player} segna con un tiro in corsa",
        "fadeaway": "{player} segna con un tiro in allontanamento",
        "pull_up": "{player} segna un tiro dal palleggio da {a} piedi",
        "deep_three": "{player} segna una tripla da {a} piedi",
        "fast_break": "{player} chiude il contropiede",
        "buzzer_beater": "{player} segna sulla sirena",
        "player_scores_for": "Canestro di {player} per i {team}",
        "points": "{player} è a quota {a} punti",
        "points_rebounds": "{player} ha {a} punti e {b} rimbalzi",
        "points_assists": "{player} ha {a} punti e {b} assist",
        "shooting": "{player} tira {a} su {b} dal campo",
        "shooting_three": "{player} tira {a} su {b} da tre punti",
        "shooting_line": "{player} tira {a} su {b} ai liberi",
        "team_percentage": "Percentuale dal campo dei {team}: {a}%",
        "career_high": "{player} firma il suo massimo in carriera con {a} punti",
        "straight_points": "{player} ha segnato {a} punti consecutivi",
        "record": "{player} stabilisce il record di franchigia con {a} punti",
        "rebounds": "Rimbalzi: {player} è a quota {a}",
        "assists": "{player} è a quota {a} assist",
        "blocks": "Stoppate: {player} è a quota {a}",
        "steals": "Palle rubate: {player} è a quota {a}",
        "threes": "Triple a segno: {player} è a quota {a}",
        "team_three_percentage": "Percentuale da tre punti dei {team}: {a}%",
        "run": "Parziale di {a}-{b} per i {team}",
        "unanswered": "{a} punti di fila senza risposta per i {team}",
        "lead_by": "I {team} avanti di {a} punti",
        "trail_by": "I {team} sotto di {a} punti",
        "cut_lead": "I {team} si riportano a {a} punti di distanza",
        "score_line": "{team} {a}, {opponent} {b}",
        "halftime": "All'intervallo i {team} sono avanti {a} a {b}",
        "final": "Finale: {team} {a}, {opponent} {b}",
        "lead_change": "{player} riporta avanti i {team}",
        "lead_changes": "È {nth[il]} sorpasso della partita",
        "overtime": "Si va ai supplementari",
        "technical": "Fallo tecnico a {player}",
        "technical_bench": "Fallo tecnico alla panchina dei {team}",
        "flagrant": "Fallo flagrante di {player} su {other}",
        "foul_count": "È {nth[il]} fallo di {player}",
        "foul": "Fallo di {player}",
        "offensive_foul": "Fallo in attacco di {player}",
        "fouled_out": "{player} esce per falli",
        "bonus": "Da ora in poi, tiri liberi per i {team} su ogni fallo",
        "ejected": "{player} viene espulso",
        "travel": "Passi di {player}",
        "shot_clock": "Infrazione di ventiquattro secondi per i {team}",
        "three_seconds": "Infrazione di tre secondi per {player}",
        "goaltending": "Interferenza a canestro di {player}",
        "out_of_bounds": "{player} pesta la linea con la palla in mano",
        "backcourt": "Infrazione di ritorno in zona per i {team}",
        "jump_ball": "{player} vince la palla a due contro {other}",
        "challenge": "L'allenatore dei {team} chiede la revisione del fischio",
        "review": "Gli arbitri rivedono l'azione al video",
        "call_stands": "Dopo la revisione, la decisione viene confermata",
        "overturned": "Dopo la revisione, la decisione viene ribaltata",
        "injury": "{player} è a terra, infortunato",
        "locker_room": "{player} si avvia verso gli spogliatoi",
        "returns": "{player} rientra in campo",
        "checks_in": "{player} entra in campo per i {team}",
        "turnover_team": "{player} perde palla, possesso ai {team}",
        "timeout_clock": "Timeout chiamato dai {team} a {clock} dalla fine",
        "triple_double": "{player} ha {a} punti, {b} rimbalzi e {c} assist",
        "points_shooting": "{player} ha {a} punti con {b} su {c} dal campo",
        "lead_score": "I {team} sono avanti di {c}, {a}-{b}",
        "trail_score": "I {team} sono sotto di {c}, {a}-{b}",
        "run_score": "Parziale di {a}-{b} per i {team}, ora avanti di {c}",
        "arena_lead": "I {team} sono avanti {a} a {b} qui alla {arena}",
        "arena_welcome": "Benvenuti alla {arena}",
    },
    settings={
        "clock_left": "A {clock} dalla fine",
        "clock_left_quarter": "A {clock} dalla fine del {quarter} quarto",
        "in_quarter": "Nel {quarter} quarto",
        "after_quarter": "Alla fine del {quarter} quarto",
        "at_halftime": "All'intervallo",
        "at_arena": "Qui alla {arena}",
    },
    ordinal=_ordinal,
)

"""Spanish (es).

- Ordinals: "primer" and "tercer" are the apocopated forms used before a masculine
  noun ("el primer cuarto"), "segundo" and "cuarto" are invariable there.
- Gender agreement: "la bandeja" is feminine, the other shots masculine ("un triple",
  "el mate"); the lexicon holds each shot's indefinite and definite phrase.
- Personal "a": a person as a direct object takes "a" ("encuentra a Mensah", "superan a
  los Celtics"); team names are plural ("Los Raptors ganan").
- Contractions: de + el -> "del" ("el final del cuarto").
- Ordinals in digits (`ordinal`): the number, a full stop and the raised ending of the
  word, "3.ª" (feminine), "3.º"; before a masculine noun "primer" and "tercer" (and
  their compounds, "vigésimo tercer") are apocopated, and so is the abbreviation: "el
  3.er cambio de líder", "el 21.er", but "el 11.º" (undécimo), "el 12.º". `{nth[m]}`
  is that form before a masculine noun, `{nth[f]}` the feminine ("su 3.ª falta").
- Numerals: Western digits; names: the Latin surnames as they are. A percentage takes a
  space, "un 54 %", as the Ortografía of the RAE prescribes; a run is a "parcial de
  12-2"; shooting is "7 de 12"; distances stay in feet, "desde 26 pies", as the NBA's
  Spanish-language broadcasts give them.
- Clitic doubling: "se les agota la posesión a los Raptors" (the indirect object "a los
  Raptors" doubled by "les"), as in "le roba el balón a".
- Team names: the new templates prefer nominal live-text phrasing where the team is no
  verb's subject ("Tiempo muerto de los Raptors", "Parcial de 12-2 para los Raptors").
- Shared words: "personal" and "final" are also Spanish ("una falta personal", "el
  final del cuarto"), so LOANS lists them.
- Loans: "alley-oop" (alley, oop) is the name Spanish basketball gives the lob finished
  at the rim, so LOANS lists its two words.
- Lines with three numbers and the arena: a margin is "van ganando por 5" / "van
  perdiendo por 5", the score then leader first, as the press writes "pierden 54-49"; no
  "puntos" follows the margin, which can be 1 ("un punto"). Shooting is "con 9 de 17 en
  tiros de campo". The arena keeps the league's name, masculine like "el pabellón": "en
  el Scotiabank Arena", "Bienvenidos al Scotiabank Arena".
- One player's count (rebotes, asistencias, tapones, robos, triples) can be 1, which
  takes the singular ("1 tapón"), and a template cannot see the number: so the stat heads
  the line and the count stands bare, as live text lists a stat ("Tapones: Iwu lleva 3",
  "Triples: Iwu ha anotado 4").
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

# Spelt as in English, and Spanish; and the loan "alley-oop" (see the docstring)
LOANS = frozenset({"personal", "final", "alley", "oop"})


def _ordinal(n: int) -> dict[str, str]:
    """3 -> {"m": "3.er", "f": "3.ª"} (the masculine before its noun), 4 -> "4.º" / "4.ª"."""
    apocopated = n % 10 in (1, 3) and n % 100 != 11  # primer, tercer, vigésimo primer
    return {"m": f"{n}.er" if apocopated else f"{n}.º", "f": f"{n}.ª"}


TABLE = LanguageTable(
    code="es",
    name="Spanish",
    script="Latin",
    city_articles=(("Los", ""), ("los", "")),
    city_verbs=(
        ("se quedan", "se queda"),
        ("ya ganan", "ya gana"),
        ("van", "va"),
        ("ganan", "gana"),
        ("encadenan", "encadena"),
        ("lanzan", "lanza"),
        ("piden", "pide"),
        ("superan", "supera"),
    ),
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
        "and_one": "Canasta y adicional para {player}",
        "alley_oop": "Alley-oop de {player} para {other}",
        "tip_in": "{player} anota de palmeo",
        "putback": "{player} anota tras su propio rebote ofensivo",
        "hook": "{player} anota un gancho",
        "floater": "{player} anota una bomba",
        "fadeaway": "{player} anota un tiro en suspensión echándose hacia atrás",
        "pull_up": "{player} se levanta tras bote y anota desde {a} pies",
        "deep_three": "{player} anota un triple desde {a} pies",
        "fast_break": "{player} culmina el contraataque",
        "buzzer_beater": "{player} anota sobre la bocina",
        "player_scores_for": "Canasta de {player} para los {team}",
        "points": "{player} lleva {a} puntos",
        "points_rebounds": "{player} lleva {a} puntos y {b} rebotes",
        "points_assists": "{player} lleva {a} puntos y {b} asistencias",
        "shooting": "{player} lleva {a} de {b} en tiros de campo",
        "shooting_three": "{player} lleva {a} de {b} en triples",
        "shooting_line": "{player} lleva {a} de {b} en tiros libres",
        "team_percentage": "Los {team} lanzan con un {a} % en tiros de campo",
        "career_high": "{player} firma el máximo de su carrera con {a} puntos",
        "straight_points": "{player} ha anotado {a} puntos seguidos",
        "record": "{player} establece un récord de la franquicia con {a} puntos",
        "rebounds": "Rebotes: {player} lleva {a}",
        "assists": "Asistencias: {player} lleva {a}",
        "blocks": "Tapones: {player} lleva {a}",
        "steals": "Robos: {player} lleva {a}",
        "threes": "Triples: {player} ha anotado {a}",
        "team_three_percentage": "Los {team} lanzan con un {a} % en triples",
        "run": "Parcial de {a}-{b} para los {team}",
        "unanswered": "Los {team} encadenan {a} puntos sin respuesta",
        "lead_by": "{a} puntos de ventaja para los {team}",
        "trail_by": "{a} puntos de desventaja para los {team}",
        "cut_lead": "Los {team} se quedan a {a} puntos",
        "score_line": "{team} {a}, {opponent} {b}",
        "halftime": "Al descanso, los {team} ganan {a} a {b}",
        "final": "Fin del partido: {team} {a}, {opponent} {b}",
        "lead_change": "{player} devuelve la ventaja a los {team}",
        "lead_changes": "Es el {nth[m]} cambio de líder del partido",
        "overtime": "El partido se va a la prórroga",
        "technical": "Falta técnica para {player}",
        "technical_bench": "Falta técnica al banquillo de los {team}",
        "flagrant": "Falta flagrante de {player} sobre {other}",
        "foul_count": "Es la {nth[f]} falta de {player}",
        "foul": "Falta de {player}",
        "offensive_foul": "Falta en ataque de {player}",
        "fouled_out": "{player} queda eliminado por faltas",
        "bonus": "A partir de ahora, tiros libres para los {team} en cada falta",
        "ejected": "{player} es expulsado",
        "travel": "Pasos de {player}",
        "shot_clock": "Se les agota la posesión a los {team}",
        "three_seconds": "Violación de tres segundos de {player}",
        "goaltending": "Interferencia de {player}",
        "out_of_bounds": "{player} pisa fuera con el balón",
        "backcourt": "Campo atrás de los {team}",
        "jump_ball": "{player} gana el salto a {other}",
        "challenge": "El entrenador de los {team} pide revisar la decisión arbitral",
        "review": "Los árbitros revisan la jugada en el vídeo",
        "call_stands": "Tras la revisión, se mantiene la decisión arbitral",
        "overturned": "Tras la revisión, se revoca la decisión arbitral",
        "injury": "{player} está en el suelo, lesionado",
        "locker_room": "{player} se marcha al vestuario",
        "returns": "{player} vuelve a la pista",
        "checks_in": "{player} entra en pista con los {team}",
        "turnover_team": "{player} pierde el balón y la posesión es para los {team}",
        "timeout_clock": "Tiempo muerto de los {team} a falta de {clock}",
        "triple_double": "{player} lleva {a} puntos, {b} rebotes y {c} asistencias",
        "points_shooting": "{player} lleva {a} puntos con {b} de {c} en tiros de campo",
        "lead_score": "Los {team} van ganando por {c}, {a}-{b}",
        "trail_score": "Los {team} van perdiendo por {c}, {a}-{b}",
        "run_score": "Parcial de {a}-{b} y los {team} ya ganan por {c}",
        "arena_lead": "Los {team} van ganando {a} a {b} aquí en el {arena}",
        "arena_welcome": "Bienvenidos al {arena}",
    },
    settings={
        "clock_left": "A falta de {clock}",
        "clock_left_quarter": "A falta de {clock} para el final del {quarter} cuarto",
        "in_quarter": "En el {quarter} cuarto",
        "after_quarter": "Al final del {quarter} cuarto",
        "at_halftime": "Al descanso",
        "at_arena": "Aquí en el {arena}",
    },
    ordinal=_ordinal,
)

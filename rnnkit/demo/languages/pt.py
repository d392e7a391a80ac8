"""Portuguese (pt, Brazilian).

- Verb choice: the verb that goes with a made shot depends on the shot ("faz uma
  enterrada", "converte um lance livre"), so made and missed shots are whole verb
  phrases in the lexicon (`{shot[made]}`, `{shot[missed]}`).
- Contractions: "em" contracts with the article in blocks ("na bandeja", "no arremesso"),
  "de" with "os" ("à frente dos Celtics"); the lexicon holds the contracted form.
- Gender agreement: "uma bandeja", "uma enterrada" (feminine), "um arremesso"
  (masculine); team names are plural ("Os Raptors vencem").
- More contractions in the new templates: "aos Raptors" (a + os), "pelos Raptors" (por +
  os), "dos Raptors" (de + os), "no chão", "na cesta" (em + o / a), "à quadra" (a + a).
- Ordinals in digits (`ordinal`): the number and the ordinal indicator of the noun's
  gender, "3ª" (feminine: "a 3ª falta", "a 3ª troca de liderança"), "3º" (masculine),
  as `{nth[f]}` and `{nth[m]}`.
- Numerals: Western digits; names: the Latin surnames as they are. A percentage is "54%",
  a run a "parcial de 12 a 2" (Brazilian broadcasts read the score with "a"), shooting
  "7 de 12"; distances stay in feet, "de 26 pés", as Brazilian NBA coverage quotes them.
- Team names are plural ("os Raptors"): the new templates prefer nominal live-text
  phrasing where the team is no verb's subject ("Tempo pedido pelos Raptors",
  "Parcial de 12 a 2 para os Raptors", "Aproveitamento dos Raptors ...").
- Brazilian basketball words: "ponte aérea" (alley-oop), "tapinha" (tip-in), "andada"
  (travelling), "volta de quadra" (backcourt), "bola ao alto" (jump ball), "garrafão".
- Lines with three numbers and the arena: a margin is "vencem por 5" / "perdem por 5",
  the score then leader first, read with "a" ("perdem por 5, 54 a 49", as the press
  writes "perdeu por 54 a 49"); no "pontos" follows the margin, which can be 1 ("um
  ponto"). Shooting is "com 9 de 17 nos arremessos de quadra". The arena keeps the
  league's name, feminine like "a arena": "na Scotiabank Arena", "Bem-vindos à".
- One player's count (rebotes, assistências, tocos, roubos de bola, bolas de três) can be
  1, which takes the singular ("1 toco"), and a template cannot see the number: so the
  stat heads the line and the count stands bare, as live text lists a stat ("Tocos: Iwu
  já soma 3", "Bolas de três: Iwu já acertou 4").
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable


def _ordinal(n: int) -> dict[str, str]:
    """3 -> {"m": "3º", "f": "3ª"}."""
    return {"m": f"{n}º", "f": f"{n}ª"}


TABLE = LanguageTable(
    code="pt",
    name="Portuguese",
    script="Latin",
    city_articles=(("Os", ""), ("os", ""), ("dos", "de"), ("aos", "a"), ("pelos", "por")),
    city_verbs=(
        ("já lideram", "já lidera"),
        ("estão", "está"),
        ("lideram", "lidera"),
        ("diminuem", "diminui"),
        ("pedem", "pede"),
        ("perdem", "perde"),
        ("vencem", "vence"),
    ),
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("primeiro", "segundo", "terceiro", "quarto"),
    shots={
        "three": {
            "made": "acerta um arremesso de três",
            "missed": "erra um arremesso de três",
            "the": "o arremesso de três",
            "in": "no arremesso de três",
        },
        "jumper": {
            "made": "acerta um arremesso de média distância",
            "missed": "erra um arremesso de média distância",
            "the": "o arremesso de média distância",
            "in": "no arremesso de média distância",
        },
        "layup": {
            "made": "acerta uma bandeja",
            "missed": "erra uma bandeja",
            "the": "a bandeja",
            "in": "na bandeja",
        },
        "dunk": {
            "made": "faz uma enterrada",
            "missed": "erra uma enterrada",
            "the": "a enterrada",
            "in": "na enterrada",
        },
        "free_throw": {"made": "converte um lance livre", "missed": "erra um lance livre"},
    },
    rebounds={"offensive": "o rebote ofensivo", "defensive": "o rebote defensivo"},
    templates={
        "made": "{player} {shot[made]}",
        "made_clock": "{player} {shot[made]} faltando {clock} para o fim do {quarter} quarto",
        "missed": "{player} {shot[missed]}",
        "assist": "{player} encontra {other} para {shot[the]}",
        "block": "{player} dá um toco em {other} {shot[in]}",
        "rebound": "{player} pega {rebound}",
        "steal": "{player} rouba a bola de {other}",
        "turnover": "{player} perde a bola",
        "foul_personal": "{player} comete uma falta pessoal em {other}",
        "foul_shooting": "{player} comete falta em {other} no arremesso",
        "substitution": "{player} entra no lugar de {other}",
        "timeout": "Os {team} pedem tempo",
        "lead": "Os {team} lideram por {a} a {b}",
        "lead_opponent": "Os {team} estão à frente dos {opponent} por {a} a {b}",
        "lead_clock": (
            "Os {team} lideram por {a} a {b} faltando {clock} para o fim do {quarter} quarto"
        ),
        "tied": "O jogo está empatado em {a} a {a}",
        "tied_clock": (
            "O jogo está empatado em {a} a {a} faltando {clock} para o fim do {quarter} quarto"
        ),
        "quarter_start": "Começa o {quarter} quarto",
        "quarter_end": "Fim do {quarter} quarto",
        "win": "Os {team} vencem por {a} a {b}",
        "and_one": "{player} faz a cesta e ainda sofre a falta",
        "alley_oop": "Ponte aérea de {player} para {other}",
        "tip_in": "{player} pontua de tapinha",
        "putback": "{player} pega o rebote ofensivo e converte",
        "hook": "{player} acerta um gancho",
        "floater": "{player} acerta um arremesso flutuante",
        "fadeaway": "{player} acerta um arremesso caindo para trás",
        "pull_up": "{player} para no drible e acerta de {a} pés",
        "deep_three": "{player} acerta uma bola de três de {a} pés",
        "fast_break": "{player} finaliza o contra-ataque",
        "buzzer_beater": "{player} converte no estouro do cronômetro",
        "player_scores_for": "Cesta de {player} para os {team}",
        "points": "{player} já soma {a} pontos",
        "points_rebounds": "{player} já soma {a} pontos e {b} rebotes",
        "points_assists": "{player} já soma {a} pontos e {b} assistências",
        "shooting": "{player} está com {a} de {b} nos arremessos de quadra",
        "shooting_three": "{player} está com {a} de {b} nas bolas de três",
        "shooting_line": "{player} está com {a} de {b} nos lances livres",
        "team_percentage": "Aproveitamento dos {team} nos arremessos de quadra: {a}%",
        "career_high": "{player} chega a {a} pontos, seu recorde na carreira",
        "straight_points": "{player} marcou {a} pontos seguidos",
        "record": "{player} bate o recorde da franquia com {a} pontos",
        "rebounds": "Rebotes: {player} já soma {a}",
        "assists": "Assistências: {player} já soma {a}",
        "blocks": "Tocos: {player} já soma {a}",
        "steals": "Roubos de bola: {player} já soma {a}",
        "threes": "Bolas de três: {player} já acertou {a}",
        "team_three_percentage": "Aproveitamento dos {team} nas bolas de três: {a}%",
        "run": "Parcial de {a} a {b} para os {team}",
        "unanswered": "{a} pontos seguidos sem resposta para os {team}",
        "lead_by": "{a} pontos de vantagem para os {team}",
        "trail_by": "{a} pontos de desvantagem para os {team}",
        "cut_lead": "Os {team} diminuem a diferença para {a} pontos",
        "score_line": "{team} {a}, {opponent} {b}",
        "halftime": "No intervalo, os {team} vencem por {a} a {b}",
        "final": "Fim de jogo: {team} {a}, {opponent} {b}",
        "lead_change": "{player} devolve a liderança aos {team}",
        "lead_changes": "É a {nth[f]} troca de liderança no jogo",
        "overtime": "O jogo vai para a prorrogação",
        "technical": "Falta técnica para {player}",
        "technical_bench": "Falta técnica no banco dos {team}",
        "flagrant": "Falta flagrante de {player} em {other}",
        "foul_count": "É a {nth[f]} falta de {player}",
        "foul": "Falta de {player}",
        "offensive_foul": "Falta de ataque de {player}",
        "fouled_out": "{player} é eliminado por excesso de faltas",
        "bonus": "A partir de agora, lances livres para os {team} a cada falta",
        "ejected": "{player} é expulso",
        "travel": "Andada de {player}",
        "shot_clock": "Estouro do tempo de posse dos {team}",
        "three_seconds": "Violação de três segundos de {player} no garrafão",
        "goaltending": "{player} comete interferência na cesta",
        "out_of_bounds": "{player} pisa fora da quadra com a bola",
        "backcourt": "Violação de volta de quadra dos {team}",
        "jump_ball": "{player} ganha a bola ao alto contra {other}",
        "challenge": "O técnico dos {team} pede revisão da marcação",
        "review": "Os árbitros revisam o lance no vídeo",
        "call_stands": "Após a revisão, a marcação é mantida",
        "overturned": "Após a revisão, a marcação é revertida",
        "injury": "{player} está no chão, machucado",
        "locker_room": "{player} vai para o vestiário",
        "returns": "{player} volta à quadra",
        "checks_in": "{player} entra em quadra pelos {team}",
        "turnover_team": "{player} perde a bola, e a posse é dos {team}",
        "timeout_clock": "Tempo pedido pelos {team} faltando {clock}",
        "triple_double": "{player} já soma {a} pontos, {b} rebotes e {c} assistências",
        "points_shooting": "{player} já soma {a} pontos, com {b} de {c} nos arremessos de quadra",
        "lead_score": "Os {team} vencem por {c}, {a} a {b}",
        "trail_score": "Os {team} perdem por {c}, {a} a {b}",
        "run_score": "Parcial de {a} a {b}, e os {team} já lideram por {c}",
        "arena_lead": "Os {team} lideram por {a} a {b} aqui na {arena}",
        "arena_welcome": "Bem-vindos à {arena}",
    },
    settings={
        "clock_left": "Faltando {clock}",
        "clock_left_quarter": "Faltando {clock} para o fim do {quarter} quarto",
        "in_quarter": "No {quarter} quarto",
        "after_quarter": "Ao fim do {quarter} quarto",
        "at_halftime": "No intervalo",
        "at_arena": "Aqui na {arena}",
    },
    ordinal=_ordinal,
)

"""Portuguese (pt, Brazilian).

- Verb choice: the verb that goes with a made shot depends on the shot ("faz uma
  enterrada", "converte um lance livre"), so made and missed shots are whole verb
  phrases in the lexicon (`{shot[made]}`, `{shot[missed]}`).
- Contractions: "em" contracts with the article in blocks ("na bandeja", "no arremesso"),
  "de" with "os" ("à frente dos Celtics"); the lexicon holds the contracted form.
- Gender agreement: "uma bandeja", "uma enterrada" (feminine), "um arremesso"
  (masculine); team names are plural ("Os Raptors vencem").
- Numerals: Western digits; names: the Latin surnames as they are.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

TABLE = LanguageTable(
    code="pt",
    name="Portuguese",
    script="Latin",
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
    },
)

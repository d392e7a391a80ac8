"""Portuguese (Brazilian) commentary: the new constructions, by hand.

Ordinals in digits take the ordinal indicator of the noun's gender ("a 3ª falta", "o 3º");
prepositions contract with the team's article ("aos", "pelos", "dos"). Written from
Brazilian usage, not copied from the module's output.
"""

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import pt


def render(template, **slots):
    return pt.TABLE.render(Event(template, **slots))


def test_ordinals():
    assert pt.TABLE.ordinal(3) == {"m": "3º", "f": "3ª"}


def test_sentences():
    assert render("foul_count", player="Iwu", nth=5) == "É a 5ª falta de Iwu"
    assert render("lead_changes", nth=12) == "É a 12ª troca de liderança no jogo"
    assert render("lead_change", player="Iwu", team="Bulls") == (
        "Iwu devolve a liderança aos Bulls"
    )
    assert render("checks_in", player="Iwu", team="Knicks") == "Iwu entra em quadra pelos Knicks"
    assert render("run", team="Raptors", a=12, b=2) == "Parcial de 12 a 2 para os Raptors"
    assert render("timeout_clock", team="Celtics", clock=42) == (
        "Tempo pedido pelos Celtics faltando 0:42"
    )


def test_three_numbers_and_the_arena():
    assert render("trail_score", team="Bucks", c=2, a=101, b=99) == (
        "Os Bucks perdem por 2, 101 a 99"
    )
    assert render("arena_lead", team="Raptors", a=60, b=52, arena="Scotiabank Arena") == (
        "Os Raptors lideram por 60 a 52 aqui na Scotiabank Arena"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Bem-vindos à Scotiabank Arena"

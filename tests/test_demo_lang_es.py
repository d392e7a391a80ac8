"""Spanish commentary: the new constructions, by hand.

The ordinal abbreviations follow the RAE (Ortografía, 2010): the number, a full stop and
the word's ending, "3.ª", "4.º", and "1.er" / "3.er" where the ordinal is apocopated
before a masculine noun ("primer", "tercer", "vigésimo primer"; "undécimo" is not).
Written from those rules, not copied from the module's output.
"""

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import es


def render(template, **slots):
    return es.TABLE.render(Event(template, **slots))


def test_ordinals():
    masculine = {n: es.TABLE.ordinal(n)["m"] for n in (1, 2, 3, 4, 11, 12, 13, 21, 23, 30)}
    assert masculine == {
        1: "1.er",
        2: "2.º",
        3: "3.er",
        4: "4.º",
        11: "11.º",
        12: "12.º",
        13: "13.er",
        21: "21.er",
        23: "23.er",
        30: "30.º",
    }
    assert [es.TABLE.ordinal(n)["f"] for n in (1, 3, 11)] == ["1.ª", "3.ª", "11.ª"]


def test_ordinal_agrees_with_its_noun():
    assert render("lead_changes", nth=1) == "Es el 1.er cambio de líder del partido"
    assert render("lead_changes", nth=12) == "Es el 12.º cambio de líder del partido"
    assert render("foul_count", player="Iwu", nth=5) == "Es la 5.ª falta de Iwu"


def test_sentences():
    # Clitic doubling: "les" and "a los Knicks".
    assert render("shot_clock", team="Knicks") == "Se les agota la posesión a los Knicks"
    assert render("team_percentage", team="Bulls", a=45) == (
        "Los Bulls lanzan con un 45 % en tiros de campo"
    )
    assert render("run", team="Raptors", a=12, b=2) == "Parcial de 12-2 para los Raptors"
    assert render("timeout_clock", team="Celtics", clock=42) == (
        "Tiempo muerto de los Celtics a falta de 0:42"
    )
    assert render("fouled_out", player="Iwu") == "Iwu queda eliminado por faltas"


def test_three_numbers_and_the_arena():
    assert render("lead_score", team="Bulls", c=3, a=70, b=67) == (
        "Los Bulls van ganando por 3, 70-67"
    )
    assert render("triple_double", player="Iwu", a=21, b=11, c=10) == (
        "Iwu lleva 21 puntos, 11 rebotes y 10 asistencias"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Bienvenidos al Scotiabank Arena"

"""Italian commentary: the new constructions, by hand.

Ordinals in digits take the ordinal indicator of the noun's gender ("il 3º fallo", "la
3ª"); an article before a number would elide before 1, 8, 11 and 80-89 ("all'80%"), so
no template puts one there. Written from Italian usage, not copied from the output.
"""

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import it


def render(template, **slots):
    return it.TABLE.render(Event(template, **slots))


def test_ordinals():
    assert it.TABLE.ordinal(3) == {"m": "3º", "f": "3ª", "il": "il 3º", "la": "la 3ª"}
    # The article elides before "ottavo", "undicesimo", "ottantunesimo"; not before
    # "diciottesimo" or "primo".
    assert [it.TABLE.ordinal(n)["il"] for n in (8, 11, 81, 18, 1)] == [
        "l'8º",
        "l'11º",
        "l'81º",
        "il 18º",
        "il 1º",
    ]
    assert it.TABLE.ordinal(8)["la"] == "l'8ª"


def test_sentences():
    assert render("foul_count", player="Iwu", nth=5) == "È il 5º fallo di Iwu"
    assert render("lead_changes", nth=8) == "È l'8º sorpasso della partita"
    assert render("lead_changes", nth=3) == "È il 3º sorpasso della partita"
    assert render("timeout_clock", team="Knicks", clock=42) == (
        "Timeout chiamato dai Knicks a 0:42 dalla fine"
    )
    assert render("turnover_team", player="Iwu", team="Bulls") == (
        "Iwu perde palla, possesso ai Bulls"
    )


def test_numbers_need_no_article():
    # 80 and 8 would elide an article ("all'80%", "l'8"): none stands before them.
    assert render("team_percentage", team="Bulls", a=80) == "Percentuale dal campo dei Bulls: 80%"
    assert render("points", player="Iwu", a=8) == "Iwu è a quota 8 punti"
    assert render("lead_by", team="Raptors", a=11) == "I Raptors avanti di 11 punti"


def test_three_numbers_and_the_arena():
    # No article before the score: "sotto di 8, 88-80", never "sull'88-80".
    assert render("trail_score", team="Celtics", c=8, a=88, b=80) == (
        "I Celtics sono sotto di 8, 88-80"
    )
    assert render("run_score", team="Raptors", a=10, b=0, c=4) == (
        "Parziale di 10-0 per i Raptors, ora avanti di 4"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Benvenuti alla Scotiabank Arena"

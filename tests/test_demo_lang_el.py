"""Greek commentary: names in Greek letters with their accent, the article's final ν,
and whole sentences, worked out by hand from the rules (not copied from the output)."""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import el


def render(template, **slots):
    return el.TABLE.render(Event(template, **slots))


@pytest.mark.parametrize(
    ("latin", "greek"),
    [
        ("Varga", "Βάργκα"),  # g -> γκ, penultimate stress
        ("Brennan", "Μπρέναν"),  # b -> μπ, nn -> ν
        ("Lindqvist", "Λίντκβιστ"),  # nd -> ντ, qv -> κβ
        ("Montoya", "Μοντόγια"),  # y before a vowel: γι, one syllable
        ("Oyelaran", "Ογιελάραν"),
        ("Whitaker", "Γουίτακερ"),  # initial wh -> γου; stress from the table
        ("Petrov", "Πετρόφ"),  # -ov -> -οφ, final stress
        ("Lucero", "Λουσέρο"),  # c before e -> σ
        ("Eklund", "Έκλουντ"),  # the accent on a capital
        ("Sabonis", "Σαμπόνις"),  # names outside the rosters: final ς
        ("Gasol", "Γκάσολ"),
        ("Moreau", "Μορό"),  # an exception: French eau
    ],
)
def test_names(latin, greek):
    assert el.name(latin) == greek


@pytest.mark.parametrize(
    ("surname", "ton", "ston"),
    [
        ("Kovac", "τον Κόβατς", "στον Κόβατς"),  # κ keeps ν
        ("Petrov", "τον Πετρόφ", "στον Πετρόφ"),  # π
        ("Abara", "τον Αμπάρα", "στον Αμπάρα"),  # a vowel
        ("Dunmore", "τον Ντάνμορ", "στον Ντάνμορ"),  # ντ
        ("Brennan", "τον Μπρέναν", "στον Μπρέναν"),  # μπ
        ("Varga", "το Βάργκα", "στο Βάργκα"),  # β drops it
        ("Haddad", "το Χαντάντ", "στο Χαντάντ"),  # χ
        ("Moreau", "το Μορό", "στο Μορό"),  # μ alone (not μπ)
    ],
)
def test_final_nu(surname, ton, ston):
    forms = el.player(surname)
    assert (forms["ton"], forms["ston"]) == (ton, ston)


def test_sentences():
    assert render("block", player="Donnelly", other="Varga", shot="dunk") == (
        "Ο Ντόνελι κάνει τάπα στο Βάργκα στο κάρφωμα"
    )
    assert render("assist", player="Haddad", other="Mensah", shot="layup") == (
        "Ο Μένσα ευστοχεί σε λέι απ με ασίστ του Χαντάντ"
    )
    assert render("steal", player="Szabo", other="Kovac") == (
        "Ο Σάμπο κλέβει την μπάλα από τον Κόβατς"
    )
    assert render("made_clock", player="Tremblay", shot="three", quarter=2, clock=225) == (
        "Ο Τρεμπλέ ευστοχεί σε τρίποντο 3:45 πριν από τη λήξη της δεύτερης περιόδου"
    )
    assert render("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49) == (
        "Οι Ράπτορς προηγούνται των Σέλτικς με 54–49"
    )
    assert render("quarter_start", quarter=3) == "Αρχίζει η τρίτη περίοδος"
    assert render("quarter_end", quarter=4) == "Τέλος της τέταρτης περιόδου"


def test_second_round_sentences():
    # The ordinal's ending agrees with its noun (φάουλ neuter, αλλαγή feminine); για takes
    # the accusative with the final-ν rule; σε + τους before a team.
    assert render("foul_count", player="Kovac", nth=3) == "3ο φάουλ για τον Κόβατς"
    assert render("foul_count", player="Varga", nth=5) == "5ο φάουλ για το Βάργκα"
    assert render("lead_changes", nth=7) == "Η 7η αλλαγή προβαδίσματος στο ματς"
    assert render("technical", player="Abara") == "Τεχνική ποινή στον Αμπάρα"
    assert render("player_scores_for", player="Petrov", team="Bulls") == (
        "Ο Πετρόφ σκοράρει για τους Μπουλς"
    )
    assert render("lead_by", team="Raptors", a=12) == "Οι Ράπτορς βρίσκονται στο +12"
    assert render("trail_by", team="Knicks", a=6) == "Οι Νικς βρίσκονται στο -6"
    assert render("shooting_line", player="Petrov", a=4, b=6) == "Ο Πετρόφ έχει 4/6 βολές"
    assert render("turnover_team", player="Kovac", team="Lakers") == (
        "Λάθος του Κόβατς, η μπάλα στους Λέικερς"
    )


def test_third_round_sentences():
    # Made/attempted with a slash; a trailing team's own score first and the margin "-6";
    # the arena is feminine (η αρένα) and undeclined, the article before σ without ν.
    assert render("points_shooting", player="Petrov", a=22, b=9, c=15) == (
        "Ο Πετρόφ έχει 22 πόντους με 9/15 σουτ"
    )
    assert render("trail_score", team="Knicks", c=6, a=70, b=64) == (
        "Οι Νικς χάνουν με 64–70 και βρίσκονται στο -6"
    )
    assert render("arena_welcome", arena="Scotiabank Arena") == "Καλώς ήρθατε στη Σκοσιαμπάνκ Αρίνα"


def test_every_name_has_one_accent_on_two_or_more_syllables():
    from rnnkit.demo.grammar import PLAYERS

    accented = set("άέήίόύώΆΈΉΊΌΎΏ")
    for surname in PLAYERS:
        greek = el.name(surname)
        marks = sum(char in accented for char in greek)
        assert marks == 1, (surname, greek)  # every roster name has two syllables or more
        assert greek[-1] != "σ", greek  # a final sigma is ς

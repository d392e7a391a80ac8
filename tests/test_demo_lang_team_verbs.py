"""Club names are plural in Russian, Ukrainian, Serbian, Polish and Greek: every team
template takes a 3rd person plural verb, whichever club it names (hand-written verbs)."""

import pytest

from rnnkit.demo.grammar import ROSTERS, TEMPLATES, Event
from rnnkit.demo.languages import TABLES

PLURAL_VERBS = {
    "ru": {
        "timeout": "берут",
        "lead": "ведут",
        "lead_opponent": "выигрывают",
        "lead_clock": "ведут",
        "win": "побеждают",
    },
    "uk": {
        "timeout": "беруть",
        "lead": "ведуть",
        "lead_opponent": "виграють",
        "lead_clock": "ведуть",
        "win": "перемагають",
    },
    "sr": {
        "timeout": "траже",
        "lead": "воде",
        "lead_opponent": "воде",
        "lead_clock": "воде",
        "win": "побеђују",
    },
    "pl": {
        "timeout": "proszą",
        "lead": "prowadzą",
        "lead_opponent": "prowadzą",
        "lead_clock": "prowadzą",
        "win": "wygrywają",
    },
    "el": {
        "timeout": "ζητούν",
        "lead": "προηγούνται",
        "lead_opponent": "προηγούνται",
        "lead_clock": "προηγούνται",
        "win": "νικούν",
    },
}


@pytest.mark.parametrize(
    ("lang", "template"),
    [(lang, template) for lang in PLURAL_VERBS for template in PLURAL_VERBS[lang]],
)
def test_team_verbs_are_plural(lang, template):
    for team in ROSTERS:
        opponent = "Raptors" if team != "Raptors" else "Bulls"
        values = dict(team=team, opponent=opponent, a=60, b=50, quarter=1, clock=30)
        event = Event(template, **{slot: values[slot] for slot in TEMPLATES[template]})
        assert PLURAL_VERBS[lang][template] in TABLES[lang].render(event).split(), (lang, team)

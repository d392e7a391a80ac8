"""English, the source language of the commentary.

Team names are plural ("The Raptors lead"), so verbs agree in the plural and the
templates write the article. Shots come as an indefinite phrase (`{shot[a]}`), a definite
one (`{shot[the]}`) and the bare noun (`{shot[noun]}` after "on the"). Scores and clock
times are Western digits; player names are the Latin surnames of ROSTERS.
"""

from rnnkit.demo.grammar import ROSTERS, LanguageTable

TABLE = LanguageTable(
    code="en",
    name="English",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("first", "second", "third", "fourth"),
    shots={
        "three": {"a": "a three-pointer", "the": "the three-pointer", "noun": "three-pointer"},
        "jumper": {"a": "a jump shot", "the": "the jump shot", "noun": "jump shot"},
        "layup": {"a": "a layup", "the": "the layup", "noun": "layup"},
        "dunk": {"a": "a dunk", "the": "the dunk", "noun": "dunk"},
        "free_throw": {"a": "a free throw"},
    },
    rebounds={"offensive": "the offensive rebound", "defensive": "the defensive rebound"},
    templates={
        "made": "{player} makes {shot[a]}",
        "made_clock": "{player} makes {shot[a]} with {clock} left in the {quarter} quarter",
        "missed": "{player} misses {shot[a]}",
        "assist": "{player} finds {other} for {shot[the]}",
        "block": "{player} blocks {other} on the {shot[noun]}",
        "rebound": "{player} grabs {rebound}",
        "steal": "{player} steals the ball from {other}",
        "turnover": "{player} loses the ball",
        "foul_personal": "{player} commits a personal foul on {other}",
        "foul_shooting": "{player} commits a shooting foul on {other}",
        "substitution": "{player} comes in for {other}",
        "timeout": "The {team} call a timeout",
        "lead": "The {team} lead {a} to {b}",
        "lead_opponent": "The {team} lead the {opponent} {a} to {b}",
        "lead_clock": "The {team} lead {a} to {b} with {clock} left in the {quarter} quarter",
        "tied": "The game is tied at {a}",
        "tied_clock": "The game is tied at {a} with {clock} left in the {quarter} quarter",
        "quarter_start": "The {quarter} quarter begins",
        "quarter_end": "End of the {quarter} quarter",
        "win": "The {team} win {a} to {b}",
    },
)

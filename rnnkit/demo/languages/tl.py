"""Tagalog (tl), Filipino as the Philippine sports press (Abante, Pilipino Star Ngayon,
the Filipino broadcasts of the PBA) writes live basketball commentary.

Grammar the templates follow:

* Verb first, and the verb's focus decides which noun is the topic (marked ang/si):
  patient focus for what is done to the ball or the shot (Sinupalpal ni Donnelly ang
  dakdak ni Varga; Inagaw ni Okonkwo ang bola kay Szabo), actor focus where the player is
  the topic (Pumasok si Sutherland kapalit ni Mensah; Nawalan ng bola si Iwu).
* Case markers: a personal name takes si (topic), ni (non-topic actor or possessor) and
  kay (oblique), while a common noun or a team name takes ang, ng and sa. `player` and
  the team forms give each name with its marker (`personal`, `common`).
* The linker joins a modifier to its noun: -ng after a vowel, -g after n, a separate na
  after any other consonant (unang yugto, ikatlong yugto, ikaapat na yugto: `linked`).
* Basketball words: Filipino keeps the loans its press uses, in Filipino spelling (lay-up,
  jumper, foul, personal na foul, timeout, rebound: LOANS lists those the English source
  also has), and its own words where they are the usual ones (tres
  for a three-pointer, dakdak for a dunk, supalpal for a block, libreng tira for a free
  throw, yugto for a quarter).
* Names: Latin script, so the surnames are kept as they are; team names too (ang Raptors),
  with their markers from `team_forms` (ang, ng, sa).
* Numerals: Western digits; a score is "sa iskor na 54–49" (iskor, the Filipino spelling).
"""

from __future__ import annotations

from rnnkit.demo.grammar import ROSTERS, LanguageTable

VOWELS = "aeiou"
# English words Filipino basketball uses as its own (see above).
LOANS = ("foul", "personal", "rebound", "timeout")


def linked(word: str) -> str:
    """A modifier with the linker: "ikalawa" -> "ikalawang", "ikaapat" -> "ikaapat na"."""
    if word[-1] in VOWELS:
        return word + "ng"
    if word[-1] == "n":
        return word + "g"
    return word + " na"


def personal(name: str) -> dict[str, str]:
    """A personal name with its case markers: si (topic), ni (actor, possessor), kay."""
    return {"si": f"si {name}", "ni": f"ni {name}", "kay": f"kay {name}"}


def common(name: str) -> dict[str, str]:
    """A common noun or team name with ang (topic), ng (actor, possessor), sa."""
    return {"ang": f"ang {name}", "ng": f"ng {name}", "sa": f"sa {name}"}


def team_forms(name: str) -> dict[str, str]:
    """A team or city name with its markers, as `teams` gives them: ang, ng, sa."""
    return common(name)


_LEFT = "sa nalalabing {clock} ng {quarter} yugto"

TABLE = LanguageTable(
    code="tl",
    name="Tagalog",
    script="Latin",
    rtl=False,
    teams={team: common(team) for team in ROSTERS},
    quarters=tuple(linked(word) for word in ("una", "ikalawa", "ikatlo", "ikaapat")),
    shots={
        "three": {"noun": "tres"},
        "jumper": {"noun": "jumper"},
        "layup": {"noun": "lay-up"},
        "dunk": {"noun": "dakdak"},
        "free_throw": {"noun": "libreng tira"},
    },
    rebounds={"offensive": "opensibang rebound", "defensive": "depensibang rebound"},
    templates={
        "made": "Pumasok ang {shot[noun]} {player[ni]}",
        "made_clock": "Pumasok ang {shot[noun]} {player[ni]} " + _LEFT,
        "missed": "Sumablay ang {shot[noun]} {player[ni]}",
        "assist": "Pinasahan {player[ni]} {other[si]} para sa {shot[noun]}",
        "block": "Sinupalpal {player[ni]} ang {shot[noun]} {other[ni]}",
        "rebound": "Hinablot {player[ni]} ang {rebound}",
        "steal": "Inagaw {player[ni]} ang bola {other[kay]}",
        "turnover": "Nawalan ng bola {player[si]}",
        "foul_personal": "Nakagawa {player[si]} ng personal na foul {other[kay]}",
        "foul_shooting": "Na-foul {player[ni]} {other[si]} habang tumitira",
        "substitution": "Pumasok {player[si]} kapalit {other[ni]}",
        "timeout": "Humingi ng timeout {team[ang]}",
        "lead": "Lamang {team[ang]} sa iskor na {a}–{b}",
        "lead_opponent": "Lamang {team[ang]} {opponent[sa]} sa iskor na {a}–{b}",
        "lead_clock": "Lamang {team[ang]} sa iskor na {a}–{b} " + _LEFT,
        "tied": "Tabla ang laro sa {a}",
        "tied_clock": "Tabla ang laro sa {a} " + _LEFT,
        "quarter_start": "Nagsimula na ang {quarter} yugto",
        "quarter_end": "Tapos na ang {quarter} yugto",
        "win": "Nanalo {team[ang]} sa iskor na {a}–{b}",
    },
    player=personal,
)

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
* The second round's loans, as the PBA's Filipino coverage writes them (Taglish is the
  register of Philippine basketball): alley-oop, hook, floater, fadeaway, pull-up jumper
  (lay-up and pull-up give "up"), buzzer, technical foul, flagrant foul, overtime,
  traveling, goaltending, backcourt violation, jump ball, and assist, fastbreak, dugout,
  coach, ring, video, which the English source does not use. Filipino words where the
  press has them: ratsada (a run), tinapyas ang kalamangan (cut the lead), kalamangan,
  bangko (the bench), nasa penalty (in the bonus: the FIBA and PBA word), reperi,
  talampakan (feet: "mula sa layong 25 talampakan"), posesyon, karera (career), rekord ng
  prangkisa (franchise record).
* Verbs of a called foul or violation take the player as the topic: "Tinawagan ng
  technical foul si Tremblay" (he was called for ...); a stat line is "May 54 puntos na si
  Tremblay" (existential may, the count first); "a of b" is "{a} sa {b} na tira".
* Names: Latin script, so the surnames are kept as they are; team names too (ang Raptors),
  with their markers from `team_forms` (ang, ng, sa, and the bare name for a score line).
* The third round: three counts as a list with at before the last (May 30 puntos, 12
  rebound at 10 assist na si ...); a margin and the score after a comma, the higher score
  first whoever the topic, as the Philippine press writes a score (Naiiwan ng 5 ang
  Raptors, 54–49). The arena keeps its name as the league writes it, after sa (dito sa
  Scotiabank Arena, Maligayang pagdating sa ...).
* Numerals: Western digits; a score is "sa iskor na 54–49" (iskor, the Filipino spelling),
  a run "12–2 na ratsada", a percentage "52%". Ordinals are ika- and the digits, as the
  press writes ikatlo, ikasampu with numbers: "ika-3" (`ordinal`), which takes no linker
  after the digits (ang ika-3 foul).
* One player's count is a stat line with may (May 8 rebound na si Tremblay): supalpal
  for a block, and "steal", the PBA coverage's word, like "assist" not an English word the
  source uses; the made threes are "Nakapagpasok na si ... ng 3 tres".
"""

from __future__ import annotations

from rnnkit.demo.grammar import ROSTERS, LanguageTable

VOWELS = "aeiou"
# English words Filipino basketball uses as its own (see above).
LOANS = (
    *("foul", "personal", "rebound", "timeout", "jumper", "up"),
    *("alley", "oop", "hook", "floater", "fadeaway", "pull", "buzzer"),
    *("technical", "flagrant", "overtime", "traveling", "goaltending", "backcourt"),
    *("violation", "jump", "ball"),
)


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
    """A team or city name with its markers, as `teams` gives them: ang, ng, sa, and the
    bare name (`name`) for a scoreboard line (Iskor: Raptors 54, Celtics 49)."""
    return {**common(name), "name": name}


def ordinal(n: int) -> str:
    """An ordinal in digits, ika- and the number: 3 -> "ika-3" (ikatlo)."""
    return f"ika-{n}"


_LEFT = "sa nalalabing {clock} ng {quarter} yugto"

TABLE = LanguageTable(
    code="tl",
    name="Tagalog",
    script="Latin",
    rtl=False,
    teams={team: team_forms(team) for team in ROSTERS},
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
        # Shots and finishes.
        "and_one": "Umiskor {player[si]} at na-foul pa",
        "alley_oop": "Tinapos {other[ni]} ang alley-oop {player[ni]}",
        "tip_in": "Tinapik {player[ni]} ang bola papasok sa ring",
        "putback": "Umiskor {player[si]} mula sa opensibang rebound",
        "hook": "Pumasok ang hook {player[ni]}",
        "floater": "Pumasok ang floater {player[ni]}",
        "fadeaway": "Pumasok ang fadeaway {player[ni]}",
        "pull_up": "Pumasok ang pull-up jumper {player[ni]} mula sa layong {a} talampakan",
        "deep_three": "Pumasok ang tres {player[ni]} mula sa layong {a} talampakan",
        "fast_break": "Tinapos {player[ni]} ang fastbreak",
        "buzzer_beater": "Umiskor {player[si]} kasabay ng pagtunog ng buzzer",
        "player_scores_for": "Umiskor {player[si]} para {team[sa]}",
        # Stat lines and milestones.
        "points": "May {a} puntos na {player[si]}",
        "points_rebounds": "May {a} puntos at {b} rebound na {player[si]}",
        "points_assists": "May {a} puntos at {b} assist na {player[si]}",
        "shooting": "Pumasok ang {a} sa {b} na tira {player[ni]}",
        "shooting_three": "Pumasok ang {a} sa {b} na tres {player[ni]}",
        "shooting_line": "Pumasok ang {a} sa {b} na libreng tira {player[ni]}",
        "team_percentage": "Pumapasok ang {a}% ng mga tira {team[ng]}",
        "career_high": "Nagtala {player[si]} ng {a} puntos, pinakamarami sa kanyang karera",
        "straight_points": "Umiskor {player[si]} ng {a} sunod-sunod na puntos",
        "record": "Nagtala {player[si]} ng rekord ng prangkisa na {a} puntos",
        "rebounds": "May {a} rebound na {player[si]}",
        "assists": "May {a} assist na {player[si]}",
        "blocks": "May {a} supalpal na {player[si]}",
        "steals": "May {a} steal na {player[si]}",
        "threes": "Nakapagpasok na {player[si]} ng {a} tres",
        "team_three_percentage": "Pumapasok ang {a}% ng mga tres {team[ng]}",
        # Runs, margins and score lines.
        "run": "Nagpakawala {team[ang]} ng {a}–{b} na ratsada",
        "unanswered": "Umiskor {team[ang]} ng {a} puntos na walang sagot",
        "lead_by": "Lamang ng {a} {team[ang]}",
        "trail_by": "Naiiwan ng {a} {team[ang]}",
        "cut_lead": "Tinapyas {team[ng]} ang kalamangan sa {a}",
        "score_line": "Iskor: {team[name]} {a}, {opponent[name]} {b}",
        "halftime": "Lamang {team[ang]} sa iskor na {a}–{b} sa pagtatapos ng unang kalahati",
        "final": "Pinal na iskor: {team[name]} {a}, {opponent[name]} {b}",
        "lead_change": "Ibinalik {player[ni]} sa unahan {team[ang]}",
        "lead_changes": "Ito na ang {nth} palitan ng kalamangan sa laro",
        "overtime": "Tutuloy sa overtime ang laro",
        # Fouls and ejections.
        "technical": "Tinawagan ng technical foul {player[si]}",
        "technical_bench": "Tinawagan ng technical foul ang bangko {team[ng]}",
        "flagrant": "Nakagawa {player[si]} ng flagrant foul {other[kay]}",
        "foul_count": "Ito na ang {nth} foul {player[ni]}",
        "foul": "Tinawagan ng foul {player[si]}",
        "offensive_foul": "Tinawagan ng opensibang foul {player[si]}",
        "fouled_out": "Lumabas na sa laro {player[si]} matapos ang ikaanim na foul",
        "bonus": "Nasa penalty na {team[ang]}",
        "ejected": "Pinatalsik sa laro {player[si]}",
        # Violations.
        "travel": "Tinawagan ng traveling {player[si]}",
        "shot_clock": "Naubusan ng oras sa opensa {team[ang]}",
        "three_seconds": "Tinawagan ng paglabag sa tatlong segundo {player[si]}",
        "goaltending": "Tinawagan ng goaltending {player[si]}",
        "out_of_bounds": "Lumabas sa linya {player[si]} habang hawak ang bola",
        "backcourt": "Tinawagan ng backcourt violation {team[ang]}",
        # The game around the plays.
        "jump_ball": "Nanalo {player[si]} sa jump ball laban {other[kay]}",
        "challenge": "Kinuwestiyon ng coach {team[ng]} ang tawag",
        "review": "Sinusuri ng mga reperi ang tagpo sa video",
        "call_stands": "Matapos ang pagsusuri, nanatili ang tawag",
        "overturned": "Matapos ang pagsusuri, binawi ang tawag",
        "injury": "Nakahandusay sa sahig {player[si]} matapos masaktan",
        "locker_room": "Dumiretso sa dugout {player[si]}",
        "returns": "Bumalik sa laro {player[si]}",
        "checks_in": "Pumasok sa laro {player[si]} para {team[sa]}",
        "turnover_team": "Nawalan ng bola {player[si]}, kaya {team[sa]} na ang posesyon",
        "timeout_clock": "Humingi ng timeout {team[ang]} sa nalalabing {clock}",
        # Lines with three numbers, and the arena.
        "triple_double": "May {a} puntos, {b} rebound at {c} assist na {player[si]}",
        "points_shooting": "May {a} puntos na {player[si]}, at pumasok ang {b} sa {c} niyang tira",
        "lead_score": "Lamang ng {c} {team[ang]}, {a}–{b}",
        "trail_score": "Naiiwan ng {c} {team[ang]}, {a}–{b}",
        "run_score": "Nagpakawala {team[ang]} ng {a}–{b} na ratsada, at lamang na sila ng {c}",
        "arena_lead": "Lamang {team[ang]} sa iskor na {a}–{b} dito sa {arena}",
        "arena_welcome": "Maligayang pagdating sa {arena}",
    },
    settings={
        "clock_left": "Sa nalalabing {clock}",
        "clock_left_quarter": "Sa nalalabing {clock} ng {quarter} yugto",
        "in_quarter": "Sa {quarter} yugto",
        "after_quarter": "Pagkatapos ng {quarter} yugto",
        "at_halftime": "Sa pagtatapos ng unang kalahati",
        "at_arena": "Dito sa {arena}",
    },
    player=personal,
    ordinal=ordinal,
)

"""The commentary grammar: the league, the templates of its events, events and their rendering.

Real broadcasts cannot ship with a library, so the demo writes its own commentary from a
small compositional grammar: players x actions x teams x scores x clock. Every template
is written once per language as a whole sentence in that language's own word order
(`rnnkit/demo/languages/<code>.py`), so Mandarin puts the time before the verb and
Vietnamese after it, without word-by-word substitution. What depends on gender, case,
elision or contraction lives in each language's lexicon as ready-made forms (French
"le tir", Russian {"nom": ..., "gen": ...}), which a template names explicitly
(`{shot[the]}`, `{player[gen]}`): a template never assembles grammar from parts.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

QUARTER_SECONDS = 12 * 60  # an NBA quarter

RAPTORS = "Raptors"
# Fictional players.
# The first five of each roster start the game; the rest come off the bench.
ROSTERS: dict[str, tuple[str, ...]] = {
    "Raptors": (
        "Tremblay",
        "Mensah",
        "Lindqvist",
        "Castellano",
        "Haddad",
        "Okonkwo",
        "Brennan",
        "Delacroix",
        "Varga",
        "Sutherland",
    ),
    "Celtics": ("Donnelly", "Whitfield", "Moreau", "Kaminski", "Ferreira", "Halloran", "Abara"),
    "Knicks": ("Romano", "Hollister", "Ndiaye", "Quinlan", "Petrov", "Esposito", "Barlow"),
    "Bucks": ("Hartmann", "Oyelaran", "Dunmore", "Lucero", "Szabo", "Lindgren", "Kruger"),
    "Lakers": ("Whitaker", "Calloway", "Baptiste", "Montoya", "Eklund", "Navarro", "Ashby"),
    "Bulls": ("Gallagher", "Marin", "Fairbank", "Iwu", "Talbot", "Rinaldi", "Kovac"),
}
OPPONENTS = tuple(team for team in ROSTERS if team != RAPTORS)
TEAM_OF = {player: team for team, players in ROSTERS.items() for player in players}
PLAYERS = tuple(TEAM_OF)

SHOTS = ("three", "jumper", "layup", "dunk", "free_throw")
FIELD_GOALS = SHOTS[:-1]  # the shots that can be assisted or blocked
POINTS = {"three": 3, "jumper": 2, "layup": 2, "dunk": 2, "free_throw": 1}
REBOUNDS = ("offensive", "defensive")

# The slots each template fills. Every language's pattern for a template uses exactly
# these (a test checks it), so no language can drop or invent information.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "made": ("player", "shot"),
    "made_clock": ("player", "shot", "clock", "quarter"),
    "missed": ("player", "shot"),
    "assist": ("player", "other", "shot"),  # player passes, other scores
    "block": ("player", "other", "shot"),  # player blocks other's shot
    "rebound": ("player", "rebound"),
    "steal": ("player", "other"),  # player takes the ball from other
    "turnover": ("player",),
    "foul_personal": ("player", "other"),  # player fouls other
    "foul_shooting": ("player", "other"),
    "substitution": ("player", "other"),  # player comes in for other
    "timeout": ("team",),
    "lead": ("team", "a", "b"),  # team leads a to b, a > b
    "lead_opponent": ("team", "opponent", "a", "b"),
    "lead_clock": ("team", "a", "b", "clock", "quarter"),
    "tied": ("a",),
    "tied_clock": ("a", "clock", "quarter"),
    "quarter_start": ("quarter",),
    "quarter_end": ("quarter",),
    "win": ("team", "a", "b"),
    # --- the broadcast's other events (the grammar's second round) ---------------------
    # Shots and finishes of one player.
    "and_one": ("player",),  # scores and is fouled on the shot
    "alley_oop": ("player", "other"),  # player lobs, other finishes at the rim
    "tip_in": ("player",),  # taps in a miss
    "putback": ("player",),  # scores right after an offensive rebound
    "hook": ("player",),  # a made hook shot
    "floater": ("player",),  # a made floater (runner)
    "fadeaway": ("player",),  # a made fadeaway jump shot
    "pull_up": ("player", "a"),  # a made pull-up jumper from a feet
    "deep_three": ("player", "a"),  # a made three from a feet
    "fast_break": ("player",),  # finishes a fast break with a score
    "buzzer_beater": ("player",),  # scores as time expires
    "player_scores_for": ("player", "team"),  # a basket of player's, for team
    # Stat lines and milestones.
    "points": ("player", "a"),  # has a points (so far tonight)
    "points_rebounds": ("player", "a", "b"),
    "points_assists": ("player", "a", "b"),
    "shooting": ("player", "a", "b"),  # a made of b shots from the field
    "shooting_three": ("player", "a", "b"),  # a of b from three-point range
    "shooting_line": ("player", "a", "b"),  # a of b free throws
    "team_percentage": ("team", "a"),  # team shoots a percent from the field
    "career_high": ("player", "a"),  # a career-high a points
    "straight_points": ("player", "a"),  # the last a points were all player's
    "record": ("player", "a"),  # a franchise record of a points
    "rebounds": ("player", "a"),  # has a rebounds (so far tonight)
    "assists": ("player", "a"),  # has a assists
    "blocks": ("player", "a"),  # has a blocked shots
    "steals": ("player", "a"),  # has a steals
    "threes": ("player", "a"),  # has made a three-pointers
    "team_three_percentage": ("team", "a"),  # team shoots a percent from three-point range
    # Runs, margins and score lines.
    "run": ("team", "a", "b"),  # team has outscored the other a to b lately
    "unanswered": ("team", "a"),  # a points in a row for team
    "lead_by": ("team", "a"),  # team is a points ahead
    "trail_by": ("team", "a"),  # team is a points behind
    "cut_lead": ("team", "a"),  # team (behind) gets within a
    "score_line": ("team", "a", "opponent", "b"),  # a scoreboard: team a, opponent b
    "halftime": ("team", "a", "b"),  # team leads a to b at half-time
    "final": ("team", "a", "opponent", "b"),  # the final score, winner first
    "lead_change": ("player", "team"),  # player's basket puts team ahead again
    "lead_changes": ("nth",),  # the game's nth lead change
    "overtime": (),  # the game goes to overtime
    # Fouls and ejections.
    "foul": ("player",),  # a personal foul called on player (whom he fouled is not said)
    "technical": ("player",),  # technical foul on player
    "technical_bench": ("team",),  # technical foul on team's bench
    "flagrant": ("player", "other"),  # player commits a flagrant foul on other
    "foul_count": ("player", "nth"),  # player's nth personal foul
    "offensive_foul": ("player",),
    "fouled_out": ("player",),  # player has six fouls and leaves the game
    "bonus": ("team",),  # team is in the bonus (free throws on every foul)
    "ejected": ("player",),
    # Violations.
    "travel": ("player",),
    "shot_clock": ("team",),  # team ran out the shot clock
    "three_seconds": ("player",),  # defensive or offensive three seconds
    "goaltending": ("player",),
    "out_of_bounds": ("player",),  # player steps out of bounds with the ball
    "backcourt": ("team",),  # backcourt violation on team
    # The game around the plays.
    "jump_ball": ("player", "other"),  # player wins the jump ball against other
    "challenge": ("team",),  # team's coach challenges the call
    "review": (),  # the referees review a play on video
    "call_stands": (),  # after review the call stands
    "overturned": (),  # after review the call is overturned
    "injury": ("player",),  # player is down, hurt
    "locker_room": ("player",),  # player heads to the locker room
    "returns": ("player",),  # player is back in the game
    "checks_in": ("player", "team"),  # player comes in for team
    "turnover_team": ("player", "team"),  # player loses the ball; team gets it
    "timeout_clock": ("team", "clock"),  # team calls a timeout with clock left
    # Lines with three numbers, and the arena (the grammar's third round).
    "triple_double": ("player", "a", "b", "c"),  # a points, b rebounds, c assists
    "points_shooting": ("player", "a", "b", "c"),  # a points on b made of c shots
    "lead_score": ("team", "c", "a", "b"),  # team leads by c (= a - b), score a to b
    "trail_score": ("team", "c", "a", "b"),  # team trails by c (= a - b), score a to b
    "run_score": ("team", "a", "b", "c"),  # an a-b run, and team now leads by c
    "arena_lead": ("team", "a", "b", "arena"),  # team leads a to b, at the arena
    "arena_welcome": ("arena",),  # the broadcast opens: welcome to the arena
}

# Where and when an event happens, said with it ("Raptors by 5 with 2:14 to go", "After the
# first quarter, the Lakers lead 27 to 24", "Final from Scotiabank Arena: ..."): a setting
# and the slots it fills. Each language writes a setting as a phrase that opens the
# sentence (`LanguageTable.settings`, capitalised: "À 2:14 de la fin", "还剩2:14"), which the
# corpus joins to the event with the language's comma (commentary.py); English says it
# before or after the event, or before the colon of a heading ("Final from ...: ...").
SETTINGS: dict[str, tuple[str, ...]] = {
    "clock_left": ("clock",),  # with 2:14 left (in the quarter)
    "clock_left_quarter": ("clock", "quarter"),  # with 7:42 left in the fourth quarter
    "in_quarter": ("quarter",),  # during the third quarter
    "after_quarter": ("quarter",),  # at the end of the first quarter
    "at_halftime": (),  # at halftime
    "at_arena": ("arena",),  # here at the arena
}

# The Unicode scripts a table's letters may be in (the `script` field).
SCRIPTS = (
    "Latin",
    "Cyrillic",
    "Greek",
    "Han",
    "Hangul",
    "Arabic",
    "Devanagari",
    "Bengali",
    "Gujarati",
    "Gurmukhi",
    "Tamil",
)


def arena_name(code: str) -> str:
    """The arena's name as the league writes it in language `code`."""
    from rnnkit.demo.league import ARENA, ARENA_NAMES  # (the league reads the tables)

    return ARENA_NAMES.get(code, ARENA)


def format_clock(seconds: int) -> str:
    """Seconds left in a quarter as the scoreboard shows them: 225 -> "3:45"."""
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class Event:
    """One line of commentary: a template and the values of its slots.

    `quarter` (1-4) and `clock` (seconds left in the quarter) are the game time; a live
    game sets them on every event, and only the `*_clock` and quarter templates show them.
    """

    template: str
    player: str | None = None
    other: str | None = None
    team: str | None = None
    opponent: str | None = None
    shot: str | None = None
    rebound: str | None = None
    a: int | None = None
    b: int | None = None
    c: int | None = None  # a third number
    quarter: int | None = None
    clock: int | None = None
    nth: int | None = None  # an ordinal ("his 3rd foul")
    arena: str | None = None  # the arena's English name (rnnkit/demo/league.py ARENA)

    def __post_init__(self) -> None:
        fields = TEMPLATES.get(self.template, SETTINGS.get(self.template))
        if fields is None:
            raise ValueError(
                f"unknown template {self.template!r}; expected one of {list(TEMPLATES)}"
                f" or a setting ({', '.join(SETTINGS)})"
            )
        missing = [slot for slot in fields if getattr(self, slot) is None]
        if missing:
            raise ValueError(f"template {self.template!r} needs {missing}")
        if self.template in ("assist", "block") and self.shot not in FIELD_GOALS:
            raise ValueError(f"a {self.shot} cannot be assisted or blocked")


Form = str | dict[str, str]  # one form, or named forms a template picks by key


@dataclass(frozen=True)
class LanguageTable:
    """Everything one language needs to render every event.

    `templates` maps each template name to a whole-sentence pattern for str.format_map;
    `settings` each setting (SETTINGS) to the phrase that opens such a sentence with it.
    The lexicon entries are complete phrases, agreement and contractions included; a
    dict entry holds named forms, which a template uses through its keys
    (`{shot[a]}`, `{player[gen]}`); there is no implicit default form.
    Rendering fills: player/other -> `player(name)` (None: the Latin name as is),
    team/opponent -> `teams[...]`, quarter -> `quarters[q - 1]`, shot -> `shots[...]`,
    rebound -> `rebounds[...]`, a/b -> `number(n)` (None: str(n)), nth -> `ordinal(n)`
    (None: the digits and a full stop, "3."), arena -> `arena` (None: the league's name for
    it in this language), clock ->
    `clock(seconds)` (None: format_clock, written in `number`'s digits when given).
    """

    code: str  # "ru"
    name: str  # "Russian"
    script: str  # one of SCRIPTS: the Unicode script of its letters
    rtl: bool  # written right to left (stored in logical order, no bidi controls)
    teams: dict[str, Form]
    quarters: tuple[Form, Form, Form, Form]
    shots: dict[str, dict[str, str]]
    rebounds: dict[str, Form]
    templates: dict[str, str]
    settings: dict[str, str]
    player: Callable[[str], Form] | None = None
    number: Callable[[int], Form] | None = None
    clock: Callable[[int], Form] | None = None
    ordinal: Callable[[int], Form] | None = None
    arena: Form | None = None  # the arena's name (None: the league's ARENA_NAMES for code)
    # A team the commentator names by its city ("Toronto leads") takes no article where its
    # nickname does ("les Raptors"): (the article or contraction a pattern writes before the
    # team, what it becomes before a city). French "aux" -> "à"; "" drops it.
    city_articles: tuple[tuple[str, str], ...] = ()
    # ... and is one town, where the nickname is many: (the plural verb a pattern writes
    # right after the team, the singular it becomes after a city). "Les Raptors mènent" ->
    # "Toronto mène"; a longer entry first ("sont menés" before "sont").
    city_verbs: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Checked at import, so a language file with a gap fails at once, naming it.
        where = f"language table {self.code!r}"
        if self.script not in SCRIPTS:
            raise ValueError(f"{where}: script {self.script!r} is not one of {SCRIPTS}")
        for field, have, want in (
            ("templates", set(self.templates), set(TEMPLATES)),
            ("settings", set(self.settings), set(SETTINGS)),
            ("teams", set(self.teams), set(ROSTERS)),
            ("shots", set(self.shots), set(SHOTS)),
            ("rebounds", set(self.rebounds), set(REBOUNDS)),
        ):
            if have != want:
                raise ValueError(
                    f"{where}: {field} lacks {sorted(want - have)}, has extra {sorted(have - want)}"
                )
        if len(self.quarters) != 4:
            raise ValueError(f"{where}: quarters needs 4 ordinals, has {len(self.quarters)}")

    def render(
        self, event: Event, slots: dict[str, object] | None = None, pattern: str | None = None
    ) -> str:
        """The sentence of `event` (of a setting: its phrase). With `slots` (field -> an
        object that formats as a slot token and gives a form's token by key, see
        rnnkit/demo/slot_policy.py), those fields are written as slots instead of their
        values: the translator's training text. `pattern`: said in it instead of the
        table's own (English in one of its phrasings)."""
        values: dict[str, object] = {}
        for slot in ("player", "other"):
            name = getattr(event, slot)
            if name is not None:
                values[slot] = name if self.player is None else self.player(name)
        for slot in ("team", "opponent"):
            if getattr(event, slot) is not None:
                values[slot] = self.teams[getattr(event, slot)]
        for slot in ("a", "b", "c"):
            if getattr(event, slot) is not None:
                values[slot] = self.format_number(getattr(event, slot))
        if event.arena is not None:
            values["arena"] = self.arena if self.arena is not None else arena_name(self.code)
        if event.shot is not None:
            values["shot"] = self.shots[event.shot]
        if event.rebound is not None:
            values["rebound"] = self.rebounds[event.rebound]
        if event.quarter is not None:
            values["quarter"] = self.quarters[event.quarter - 1]
        if event.clock is not None:
            values["clock"] = self.format_clock(event.clock)
        if event.nth is not None:
            values["nth"] = self.format_ordinal(event.nth)
        values.update(slots or {})
        if pattern is None:
            pattern = self.templates.get(event.template) or self.settings[event.template]
        return pattern.format_map(values)

    def format_ordinal(self, n: int) -> Form:
        """An ordinal in digits: `ordinal(n)`, else the digits and a full stop ("3.")."""
        if self.ordinal is not None:
            return self.ordinal(n)
        digits = self.format_number(n)
        return f"{digits if isinstance(digits, str) else n}."

    def format_number(self, n: int) -> Form:
        return str(n) if self.number is None else self.number(n)

    def format_clock(self, seconds: int) -> Form:
        if self.clock is not None:
            return self.clock(seconds)
        text = format_clock(seconds)
        if self.number is None:
            return text
        digits = {str(d): self.number(d) for d in range(10)}
        if not all(isinstance(digit, str) for digit in digits.values()):
            raise ValueError(
                f"language table {self.code!r}: its number() gives forms, so it needs clock()"
            )
        return "".join(digits.get(ch, ch) for ch in text)

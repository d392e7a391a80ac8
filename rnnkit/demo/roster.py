"""Tonight's game: a roster file (TOML) with the two teams and their players.

    home = "Raptors"          # nicknames of the league (rnnkit/demo/league.py)
    away = "Heat"

    [[player]]
    name = "Scottie Barnes"   # as the commentator writes it in full
    team = "Raptors"
    zh = "斯科蒂·巴恩斯"        # optional: a language's established spelling of the name
    ru = { nom = "Скотти Барнс", gen = "Скотти Барнса" }   # or its forms, by the table's keys

    [[player]]
    name = "Bam Adebayo"
    team = "Heat"

`rnnkit serve --roster FILE` reads it (it opens the server's first game), and `POST
/api/games` takes the same roster as JSON (`roster_from_data`: {"home": ..., "away": ...,
"player": [...]}): the game's translator then knows these players (a line that says only
"Barnes" means Scottie Barnes) and writes each name in a language with the spelling given
for it, else by that language's transliteration. Every mistake is one line
naming the file and the line: bad TOML, an unknown team, a player of neither team, a player
listed twice, an unknown language code.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rnnkit.demo.languages import LANGUAGES
from rnnkit.demo.league import TEAMS
from rnnkit.errors import DataError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover (Python 3.10)
    import tomli as tomllib

MAX_BYTES = 1 << 20  # a roster is a few kilobytes
MAX_PLAYERS = 64  # two teams of 15, with room for two-way and call-up players
MAX_NAME_CHARS = 80


@dataclass(frozen=True)
class Player:
    name: str
    team: str
    spellings: dict = field(default_factory=dict)  # lang -> str or {form: str}


@dataclass(frozen=True)
class Roster:
    home: str
    away: str
    players: tuple[Player, ...]

    def as_data(self):
        """The roster as the JSON of `POST /api/games` (and `roster_from_data`) takes it."""
        players = [
            {"name": player.name, "team": player.team, **player.spellings}
            for player in self.players
        ]
        return {"home": self.home, "away": self.away, "player": players}


def load_roster(path):
    """The Roster in the TOML file `path`; DataError (file, line, what to do) otherwise."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DataError(path, None, f"cannot read the roster ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise DataError(path, None, f"over {MAX_BYTES} bytes; a roster is a short TOML file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(path, line, "invalid UTF-8; save the roster as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # "... (at line 3, column 7)"
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = str(exc).split(" (at line")[0]
        line = int(found[1]) if found else None
        raise DataError(path, line, f"not valid TOML: {reason}") from None
    return _check(path, text, data)


def roster_from_data(data, source="the roster"):
    """The Roster of `data`, a dict of the file's keys (a roster posted as JSON, `POST
    /api/games`); DataError (source: what to do) otherwise."""
    if not isinstance(data, dict):
        raise DataError(source, None, 'give an object {"home": ..., "away": ..., "player": [...]}')
    return _check(source, None, data)


def _check(path, text, data):
    def fail(message, near=None, last=False):
        raise DataError(path, _line_of(text, near, last), message)

    known = tuple(TEAMS)
    for key in data:
        if key not in ("home", "away", "player"):
            fail(f"unknown key {key!r}; a roster has home, away and [[player]] tables", key)
    sides = []
    for side in ("home", "away"):
        team = data.get(side)
        if not isinstance(team, str):
            fail(f'{side} = "NICKNAME" is missing (one of the league\'s teams, e.g. "Raptors")')
        if team not in known:
            fail(f"{side}: unknown team {team!r}; the league's teams: {', '.join(known)}", team)
        sides.append(team)
    if sides[0] == sides[1]:
        fail(f"home and away are both {sides[0]!r}; a game has two teams", "away")
    players, seen = [], set()
    entries = data.get("player", [])
    if not isinstance(entries, list):
        fail("players are [[player]] tables, each with name and team", "player")
    if len(entries) > MAX_PLAYERS:
        fail(f"{len(entries)} players; a game's roster has at most {MAX_PLAYERS}", "player")
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            fail('a [[player]] without a name; give name = "First Last"', "[[player]]")
        name = " ".join(name.split())
        if len(name) > MAX_NAME_CHARS:
            fail(f"the name {name[:40]!r}... is over {MAX_NAME_CHARS} characters", name[:40])
        team = entry.get("team")
        if team not in sides:
            fail(f"{name}: team {team!r} is neither {sides[0]} nor {sides[1]}", f'"{team}"')
        if name in seen:
            fail(f"{name} is listed twice; keep one [[player]] for each player", name, True)
        seen.add(name)
        spellings = {}
        for key, value in entry.items():
            if key in ("name", "team"):
                continue
            if key not in LANGUAGES:
                fail(
                    f"{name}: {key!r} is not a language of the demo ({', '.join(LANGUAGES)})",
                    f"{key} =",
                )
            forms = value.values() if isinstance(value, dict) else [value]
            if not forms or not all(isinstance(f, str) and f.strip() for f in forms):
                fail(f"{name}: the {key} spelling must be text, or a table of forms", f"{key} =")
            spellings[key] = value
        players.append(Player(name, team, spellings))
    return Roster(sides[0], sides[1], tuple(players))


def _line_of(text, near, last=False):
    """The number of the first (or `last`) line that holds `near` (None if none does)."""
    if not near or text is None:
        return None
    found = [n for n, line in enumerate(text.splitlines(), start=1) if str(near) in line]
    return (found[-1] if last else found[0]) if found else None

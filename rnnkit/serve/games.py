"""The server's games: each one an event log and a line pipeline, all on one record.

A publisher opens a game with its two teams and their players (`POST /api/games`, the roster
of rnnkit/demo/roster.py as JSON) and closes it when it is over (`POST .../close`). Each game
has an id, the 12 hex digits that are also the EPOCH of its event ids, so a viewer's
Last-Event-ID names its game; a line or a viewer that names no game (`?game=ID` left out)
means the current game: the one opened last of those still live, so clients of a server
with one game never need to know about games. The server opens a first game when it starts
with none live (with `rnnkit serve --roster`'s teams; a different --roster than the live
game's opens a new game, the same one goes on with it).

Every live game has its own EventLog (events.py) and LinePipeline (pipeline.py) with its own
bounded queue, and, when the model translates around slots, its own translator: the same
model with a slot policy that knows its roster (`slots_for`). All the pipelines share one
translation thread, so two games never compete for the cores and each keeps its lines in
order. Closing a game stops it taking lines, waits for its queue to be translated, marks it
closed in the record and ends its viewers' streams with a `closed` event; it stays readable
(its stream, transcript and captions) as an archive: closed games are loaded from the record
when asked for, the last few kept in memory.

With a shared record (broker.py, Redis), several servers run the same games: each one reads
the record's games every SYNC_SECONDS (`sync`), starting those another server opened and
closing those another closed; a game's lines are translated by whichever server's pipeline
takes them first.
"""

import asyncio
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone

from rnnkit.errors import DataError
from rnnkit.serve.events import EventLog
from rnnkit.serve.metrics import Metrics
from rnnkit.serve.pipeline import LineError, LinePipeline

MAX_LIVE_GAMES = 16  # each has a queue and a worker; a broadcaster runs a few at a time
KEPT_ARCHIVES = 8  # closed games kept in memory after one was asked for
MAX_ID_CHARS = 40
SYNC_SECONDS = 1.0  # how soon a server sees a game another one opened or closed


@dataclass
class Game:
    """One game: `roster` (a demo.roster.Roster, or None), `log` its EventLog, `pipeline`
    its LinePipeline while it is live (None once closed)."""

    id: str
    number: int
    roster: object
    opened: float
    closed: float | None
    log: EventLog
    pipeline: LinePipeline | None = None

    def info(self, lines, current=False):
        """What GET /api/games says of it (`lines` accepted so far)."""
        return {
            "id": self.id,
            "home": None if self.roster is None else self.roster.home,
            "away": None if self.roster is None else self.roster.away,
            "opened": _iso(self.opened),
            "closed": None if self.closed is None else _iso(self.closed),
            "lines": lines,
            "current": current,
        }


def _iso(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


class Games:
    """The games of one server, on `store` (store.Store; Store(None) keeps them in memory).

    translator, languages, beam, max_pending, min_confidence: as LinePipeline takes them;
    max_behind: as EventLog; slots_for: Roster or None -> the SlotPolicy a game's translator
    uses (None: the translator as given for every game); roster: the Roster of the first
    game the server opens (`rnnkit serve --roster`)."""

    def __init__(
        self,
        store,
        translator,
        languages,
        beam=3,
        max_pending=32,
        max_behind=2000,
        min_confidence=None,
        slots_for=None,
        roster=None,
    ):
        self.store, self.translator, self.languages = store, translator, list(languages)
        self.beam, self.max_pending, self.max_behind = beam, max_pending, max_behind
        self.min_confidence, self.slots_for, self.roster = min_confidence, slots_for, roster
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="rnnkit-translate")
        self.metrics = Metrics(self)
        self.live = {}  # id -> Game, every live game
        self.archives = OrderedDict()  # id -> Game, closed games asked for lately
        self.closing = set()  # ids of live games being closed (they take no more lines)

    def start(self):
        """Load the live games of the record and start their pipelines (on the running event
        loop); open a first game if none is live or --roster names another game."""
        with self.store.starting():  # (servers starting at once on a shared record agree)
            for row in self.store.games():
                if row.closed is None:
                    self._start(self._game(row))
            current = self.current()
            wanted = None if self.roster is None else self.roster.as_data()
            if current is None or (wanted is not None and _data(current.roster) != wanted):
                self.open(self.roster)

    def _game(self, row):
        roster = None
        if row.roster is not None:
            from rnnkit.demo.roster import roster_from_data

            roster = roster_from_data(row.roster, f"game {row.id}'s roster")
        log = EventLog(self.store.game(row.id), self.max_behind)
        return Game(row.id, row.number, roster, row.opened, row.closed, log)

    def _start(self, game):
        translator = self.translator
        if self.slots_for is not None:
            translator = translator.with_slots(self.slots_for(game.roster))
        game.pipeline = LinePipeline(
            translator,
            self.languages,
            game.log,
            self.beam,
            self.max_pending,
            min_confidence=self.min_confidence,
            executor=self.executor,
        )
        game.pipeline.metrics = self.metrics
        game.pipeline.start()
        game.log.store.listen(game.log.deliver, game.log.finish)
        self.live[game.id] = game

    def open(self, roster=None):
        """A new live game with `roster` (a Roster, or None), now the current one."""
        if len(self.live) >= MAX_LIVE_GAMES:
            raise LineError(
                409, f"{len(self.live)} games are live; close one (POST /api/games/ID/close)"
            )
        data = _data(roster)
        game = self.store.open_game(time.time(), data)
        (row,) = [row for row in self.store.games() if row.id == game]
        found = self._game(row)
        self._start(found)
        return found

    def current(self):
        """The live game opened last (None if no game is live)."""
        candidates = [g for g in self.live.values() if g.id not in self.closing]
        return max(candidates, key=lambda game: game.number, default=None)

    def find(self, given):
        """The game `?game=` names (None: the current one), live or closed; LineError 404 if
        there is none."""
        if given is None:
            game = self.current()
            if game is None:
                raise LineError(404, "no game is live; open one with POST /api/games")
            return game
        if given in self.live:
            return self.live[given]
        if given in self.archives:
            self.archives.move_to_end(given)
            return self.archives[given]
        for row in self.store.games():
            if row.id == given:
                game = self.archives[given] = self._game(row)
                game.log.finished = True
                while len(self.archives) > KEPT_ARCHIVES:
                    self.archives.popitem(last=False)
                return game
        raise LineError(
            404, f"no game {given[:MAX_ID_CHARS]!r}; GET /api/games lists this server's games"
        )

    def for_lines(self, given):
        """The live game a line posted with `?game=` goes to (None: the current one); 409
        for a closed (or closing) one."""
        game = self.find(given)
        if game.pipeline is None or game.id in self.closing:
            raise LineError(409, f"game {game.id} is closed; open another with POST /api/games")
        return game

    async def close(self, game):
        """Close a live game: no more lines, its queue translated, closed in the record, its
        streams ended; then it is an archive."""
        if game.pipeline is None or game.id in self.closing:
            raise LineError(409, f"game {game.id} is already closed")
        self.closing.add(game.id)
        game.log.store.stop_taking()
        try:
            await game.pipeline.drain()
            await game.pipeline.stop()
            game.closed = time.time()
            self.store.close_game(game.id, game.closed)
        finally:
            self.closing.discard(game.id)
        self._archive(game)
        return game

    def _archive(self, game):
        game.pipeline = None
        del self.live[game.id]
        self.archives[game.id] = game
        if not game.log.store.shared:  # (a shared record's reader finishes the log itself,
            game.log.finish()  # once it has read the last events: see broker.py)

    async def sync(self):
        """Take in what other servers did to a shared record (broker.py): games they opened
        are started here too, games they closed are closed here (a record of this process
        alone never changes behind its back, so nothing happens)."""
        for row in self.store.games():
            game = self.live.get(row.id)
            if row.closed is None and game is None and row.id not in self.archives:
                self._start(self._game(row))
            elif row.closed is not None and game is not None and row.id not in self.closing:
                await game.pipeline.stop()
                game.closed = row.closed
                self._archive(game)

    def listing(self):
        """GET /api/games: every game of the record, the current one marked."""
        current = self.current()
        result = []
        for row in self.store.games():
            game = self.live.get(row.id) or self.archives.get(row.id)
            if game is None:  # an archive not in memory: what the record says is enough
                game = Game(row.id, row.number, _Teams(row.roster), row.opened, row.closed, None)
            result.append(game.info(row.lines, current is not None and row.id == current.id))
        return result

    def loaded(self):
        """The games in memory (live ones and recent archives)."""
        return [*self.live.values(), *self.archives.values()]

    def close_streams(self):
        """End every stream (the server stops)."""
        for game in self.loaded():
            game.log.close()

    async def stop(self):
        """Stop every pipeline (each finishes and commits the line it translates), then the
        translation thread and the record."""
        self.close_streams()
        for game in list(self.live.values()):
            game.log.store.stop()
            await game.pipeline.stop()
        await asyncio.to_thread(self.executor.shutdown, wait=True, cancel_futures=True)
        self.store.close()

    def running(self):
        """Whether every live game's pipeline translates lines."""
        return all(game.pipeline.running() for game in self.live.values())


class _Teams:
    """home and away of a roster as the record keeps it (an archive not loaded)."""

    def __init__(self, data):
        self.home = None if data is None else data.get("home")
        self.away = None if data is None else data.get("away")


def _data(roster):
    return None if roster is None else roster.as_data()


def read_roster(value):
    """The Roster of a posted game (a dict; None or {} without teams: a game with no
    roster); LineError 422 saying what is wrong."""
    if value is None or value == {}:
        return None
    from rnnkit.demo.roster import roster_from_data

    try:
        return roster_from_data(value, "the game's roster")
    except DataError as exc:
        raise LineError(422, str(exc)) from None

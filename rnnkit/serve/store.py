"""The durable record of the games: every game, every accepted line and every event, in SQLite.

`rnnkit serve --store PATH` keeps its games in one SQLite file in WAL mode with synchronous
FULL: a posted line is acknowledged only once it and its English event are committed, and a
line's translations are committed (one transaction for every language) before any viewer
is told of them. So after a crash (`kill -9`) and a restart on the same file every game goes
on where it was: its id (the EPOCH of its event ids) is kept, so a viewer's Last-Event-ID
points at the same event; every event a viewer has seen is in the file; and lines accepted
but not yet translated are translated after the restart (`untranslated`).

Tables: `games` (id, the 12 hex digits of its event ids; number, the order games were opened
in; roster, the JSON of its teams and players, if it was given one; opened and closed, Unix
seconds), `lines` (game, number, text, translated; `posted`, the server's clock when it was
accepted, Unix seconds; `media`, the publisher's media time of the line, if it gave one),
`events` (game, seq, the index in the game's event log and the id's number; line, lang,
text, kind, confidence, withheld; at, when it was committed, Unix seconds). A file of the
first version (one game, before games were kept) is moved to this one in a single
transaction when it is opened: its game keeps its id.
The file is marked as rnnkit's (SQLite's application_id), so a file of something else is
refused, never written to. One connection, used from the event loop's thread only.
`Store(None)` keeps the games in memory only (SQLite's own in-memory database): the server
then runs the same code, and a restart starts anew.
"""

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from rnnkit.errors import RnnkitError
from rnnkit.serve.events import Event, new_epoch

APPLICATION_ID = 0x726E6B6C  # "rnkl": an rnnkit live game record
VERSION = 2  # PRAGMA user_version: 0 (or 1), a record of one game; 2, games
SCHEMA = """
CREATE TABLE IF NOT EXISTS games (
    id TEXT PRIMARY KEY, number INTEGER UNIQUE NOT NULL, roster TEXT,
    opened REAL NOT NULL, closed REAL
);
CREATE TABLE IF NOT EXISTS lines (
    game TEXT NOT NULL REFERENCES games (id), number INTEGER NOT NULL, text TEXT NOT NULL,
    translated INTEGER NOT NULL DEFAULT 0, posted REAL NOT NULL, media REAL,
    PRIMARY KEY (game, number)
);
CREATE TABLE IF NOT EXISTS events (
    game TEXT NOT NULL REFERENCES games (id), seq INTEGER NOT NULL, line INTEGER NOT NULL,
    lang TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL,
    withheld INTEGER, at REAL, PRIMARY KEY (game, seq)
);
"""


class StoreError(RnnkitError):
    """The store file cannot be used: one line saying why and what to do."""


@dataclass(frozen=True)
class GameRow:
    """A game as the record lists it: `roster` the dict it was opened with (None: none),
    `opened` and `closed` Unix seconds (closed None while it is live), `lines` accepted."""

    id: str
    number: int
    roster: dict | None
    opened: float
    closed: float | None
    lines: int


class Store:
    """The games in the SQLite file `path` (made if it does not exist; None: in memory)."""

    shared = False  # only this process writes them (broker.RedisStore: several do)

    def __init__(self, path):
        self.path = None if path is None else Path(path)
        if self.path is not None:
            if self.path.is_dir():
                raise StoreError(
                    f"--store {path} is a directory; name a file (e.g. rnnkit-live.db)"
                )
            if not self.path.parent.is_dir():
                raise StoreError(
                    f"--store {path}: no directory {self.path.parent}; create it first"
                )
        existed = self.path is not None and self.path.exists() and self.path.stat().st_size > 0
        try:
            where = ":memory:" if self.path is None else self.path
            self.db = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
            self._open(existed)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"--store {path} is not an rnnkit game record ({exc}); name another file"
            ) from None

    def _open(self, existed):
        (application,) = self.db.execute("PRAGMA application_id").fetchone()
        if existed and application != APPLICATION_ID:
            self.db.close()
            raise StoreError(
                f"--store {self.path} is a file of something else, not an rnnkit game record; "
                "name another file (it is left as it is)"
            )
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > VERSION:
            self.db.close()
            raise StoreError(
                f"--store {self.path} was written by a newer rnnkit (record version {version}); "
                "upgrade rnnkit, or name another file"
            )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        with self._transaction():
            if existed and version < VERSION:
                self._upgrade()
            self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self._create_tables()
            self.db.execute(f"PRAGMA user_version={VERSION}")

    def _upgrade(self):
        """A record of the first version (tables meta, lines, events of one game) becomes
        one of games: its game keeps its epoch as its id, opened when its first line was."""
        self.db.execute("ALTER TABLE lines RENAME TO lines_v1")
        self.db.execute("ALTER TABLE events RENAME TO events_v1")
        self._create_tables()
        (epoch,) = self.db.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
        (opened,) = self.db.execute("SELECT MIN(posted) FROM lines_v1").fetchone()
        self.db.execute(
            "INSERT INTO games (id, number, opened) VALUES (?, 0, ?)", (epoch, opened or 0.0)
        )
        self.db.execute(
            "INSERT INTO lines SELECT ?, number, text, translated, posted, media FROM lines_v1",
            (epoch,),
        )
        self.db.execute("INSERT INTO events SELECT ?, *, NULL FROM events_v1", (epoch,))
        for table in ("lines_v1", "events_v1", "meta"):
            self.db.execute(f"DROP TABLE {table}")

    def _create_tables(self):
        """SCHEMA, inside the caller's transaction (executescript would commit it)."""
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)

    def starting(self):
        """Held while a server reads the live games and opens a first one (one server per
        file: nothing to hold)."""
        return contextlib.nullcontext()

    def games(self):
        """Every game (GameRow), in the order they were opened."""
        rows = self.db.execute(
            "SELECT id, number, roster, opened, closed, "
            "(SELECT COUNT(*) FROM lines WHERE lines.game = games.id) "
            "FROM games ORDER BY number"
        )
        return [
            GameRow(game, number, None if roster is None else json.loads(roster), *rest)
            for game, number, roster, *rest in rows
        ]

    def open_game(self, opened, roster=None):
        """A new game, opened at `opened` (Unix seconds) with `roster` (a dict, or None):
        its id."""
        game = new_epoch()
        with self._transaction():
            (largest,) = self.db.execute("SELECT MAX(number) FROM games").fetchone()
            self.db.execute(
                "INSERT INTO games (id, number, roster, opened) VALUES (?, ?, ?, ?)",
                (
                    game,
                    0 if largest is None else largest + 1,
                    None if roster is None else json.dumps(roster, ensure_ascii=False),
                    opened,
                ),
            )
        return game

    def close_game(self, game, closed):
        """Mark `game` finished at `closed` (Unix seconds)."""
        with self._transaction():
            self.db.execute("UPDATE games SET closed = ? WHERE id = ?", (closed, game))

    def game(self, game):
        """The record of one game (GameRecord): what its event log and its pipeline use."""
        return GameRecord(self, game)

    @contextlib.contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an error (nothing half-written)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self):
        self.db.close()


def memory_game():
    """The record of one new game kept in memory only."""
    store = Store(None)
    return store.game(store.open_game(time.time()))


class GameRecord:
    """One game of a Store: it numbers the game's lines and events, commits them, and gives
    back the events committed (for the EventLog to send). This process is the only writer
    of its games, so the numbers come from its own counters."""

    shared = False  # lines are queued for translation in this process (see broker.py)

    def __init__(self, store, game):
        self.store, self.epoch = store, game
        self.db = store.db
        (events,) = self.db.execute(
            "SELECT COUNT(*) FROM events WHERE game = ?", (game,)
        ).fetchone()
        self.seq = events  # the next event's seq
        self.lines = self.next_line()  # the next line's number

    def events(self):
        """Every event of the game, in order (seq 0, 1, ...)."""
        rows = self.db.execute(
            "SELECT seq, line, lang, text, kind, confidence, withheld, at FROM events "
            "WHERE game = ? ORDER BY seq",
            (self.epoch,),
        )
        return [
            Event(seq, line, lang, text, kind, confidence, None if held is None else bool(held), at)
            for seq, line, lang, text, kind, confidence, held, at in rows
        ]

    def next_line(self):
        """The number the next accepted line gets."""
        query = "SELECT MAX(number) FROM lines WHERE game = ?"
        (largest,) = self.db.execute(query, (self.epoch,)).fetchone()
        return 0 if largest is None else largest + 1

    def line_times(self):
        """{number: (posted, media)} of every line (see the table's columns)."""
        rows = self.db.execute(
            "SELECT number, posted, media FROM lines WHERE game = ?", (self.epoch,)
        )
        return {number: (posted, media) for number, posted, media in rows}

    def untranslated(self):
        """[(number, text)] of the lines accepted (or corrected) but not translated, in
        order."""
        query = "SELECT number, text FROM lines WHERE game = ? AND translated = 0 ORDER BY number"
        return list(self.db.execute(query, (self.epoch,)))

    def add_line(self, text, posted, media=None):
        """Commit a line accepted at `posted`, its media time and its English event (before it
        is acknowledged): (its number, [the event])."""
        number = self.lines
        event = Event(self.seq, number, "en", text, "line", at=posted, media=media)
        with self.store._transaction():
            self.db.execute(
                "INSERT INTO lines (game, number, text, posted, media) VALUES (?, ?, ?, ?, ?)",
                (self.epoch, number, text, posted, media),
            )
            self._insert(event)
        self.lines, self.seq = number + 1, self.seq + 1
        return number, [event]

    def correct_line(self, number, text, at):
        """Commit a line's corrected English and its `correction` event; the line is to be
        translated again (before the correction is acknowledged): [the event]."""
        event = Event(self.seq, number, "en", text, "correction", at=at)
        with self.store._transaction():
            self.db.execute(
                "UPDATE lines SET text = ?, translated = 0 WHERE game = ? AND number = ?",
                (text, self.epoch, number),
            )
            self._insert(event)
        self.seq += 1
        return [event]

    def add_translations(self, number, translations, kind, at, work=None):
        """Commit a line's translations [(lang, text, details)], every language at once
        (before any is announced): the events."""
        events = [
            Event(
                self.seq + offset,
                number,
                lang,
                text,
                kind,
                details.get("confidence"),
                details.get("withheld"),
                at,
            )
            for offset, (lang, text, details) in enumerate(translations)
        ]
        with self.store._transaction():
            for event in events:
                self._insert(event)
            self.db.execute(
                "UPDATE lines SET translated = 1 WHERE game = ? AND number = ?",
                (self.epoch, number),
            )
        self.seq += len(events)
        return events

    def backlog(self, local):
        """Lines accepted and not yet translated: this process's own count (`local`)."""
        return local

    def stop_taking(self):
        """(The server stops taking lines of a game being closed; nothing to record.)"""

    def listen(self, deliver, finish):
        """(Committed events are delivered as they are committed: nothing to read.)"""

    def stop(self):
        pass

    def _insert(self, event):
        withheld = None if event.withheld is None else int(event.withheld)
        self.db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.epoch,
                event.seq,
                event.line,
                event.lang,
                event.text,
                event.kind,
                event.confidence,
                withheld,
                event.at,
            ),
        )

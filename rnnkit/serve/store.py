"""The durable game record: every accepted line and every event, in SQLite.

`rnnkit serve --store PATH` keeps the game in one SQLite file in WAL mode with synchronous
FULL: a posted line is acknowledged only once it and its English event are committed, and a
line's translations are committed (one transaction for every language) before any viewer
is told of them. So after a crash (`kill -9`) and a restart on the same file the game goes
on where it was: the same epoch, so a viewer's Last-Event-ID points at the same event; every
event a viewer has seen is in the file; and lines accepted but not yet translated are
translated after the restart (`untranslated`).

Tables: `meta` (the epoch), `lines` (number, text, translated; `posted`, the server's clock
when it was accepted, Unix seconds; `media`, the publisher's media time of the line, if it
gave one), `events` (seq, the index in the game's event log and the id's number; line,
lang, text, kind, confidence, withheld).
The file is marked as rnnkit's (SQLite's application_id), so a file of something else is
refused, never written to. One connection, used from the event loop's thread only.
"""

import contextlib
import sqlite3
from pathlib import Path

from rnnkit.errors import RnnkitError
from rnnkit.serve.events import Event, new_epoch

APPLICATION_ID = 0x726E6B6C  # "rnkl": an rnnkit live game record
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lines (
    number INTEGER PRIMARY KEY, text TEXT NOT NULL, translated INTEGER NOT NULL DEFAULT 0,
    posted REAL NOT NULL, media REAL
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY, line INTEGER NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, confidence REAL, withheld INTEGER
);
"""


class StoreError(RnnkitError):
    """The store file cannot be used: one line saying why and what to do."""


class Store:
    """One game's record in the SQLite file `path` (made if it does not exist)."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"--store {path} is a directory; name a file (e.g. rnnkit-live.db)")
        if not self.path.parent.is_dir():
            raise StoreError(f"--store {path}: no directory {self.path.parent}; create it first")
        existed = self.path.exists() and self.path.stat().st_size > 0
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
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
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        self.db.executescript(SCHEMA)
        found = self.db.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
        if found is None:
            self.db.execute("INSERT INTO meta VALUES ('epoch', ?)", (new_epoch(),))
            found = self.db.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()
        self.epoch = found[0]

    def events(self):
        """Every event of the game, in order (seq 0, 1, ...)."""
        rows = self.db.execute(
            "SELECT seq, line, lang, text, kind, confidence, withheld FROM events ORDER BY seq"
        )
        return [
            Event(seq, line, lang, text, kind, confidence, None if held is None else bool(held))
            for seq, line, lang, text, kind, confidence, held in rows
        ]

    def next_line(self):
        """The number the next accepted line gets."""
        (largest,) = self.db.execute("SELECT MAX(number) FROM lines").fetchone()
        return 0 if largest is None else largest + 1

    def line_times(self):
        """{number: (posted, media)} of every line (see the table's columns)."""
        rows = self.db.execute("SELECT number, posted, media FROM lines")
        return {number: (posted, media) for number, posted, media in rows}

    def untranslated(self):
        """[(number, text)] of the lines accepted but not translated, in order."""
        query = "SELECT number, text FROM lines WHERE translated = 0 ORDER BY number"
        return list(self.db.execute(query))

    def add_line(self, number, text, event, posted, media=None):
        """Commit an accepted line, its times and its English event (before it is
        acknowledged)."""
        with self._transaction():
            self.db.execute(
                "INSERT INTO lines (number, text, posted, media) VALUES (?, ?, ?, ?)",
                (number, text, posted, media),
            )
            self._insert(event)

    def add_translations(self, number, events):
        """Commit a line's translations, every language at once (before any is announced)."""
        with self._transaction():
            for event in events:
                self._insert(event)
            self.db.execute("UPDATE lines SET translated = 1 WHERE number = ?", (number,))

    def _insert(self, event):
        withheld = None if event.withheld is None else int(event.withheld)
        self.db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event.seq, event.line, event.lang, event.text, event.kind, event.confidence, withheld),
        )

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

"""The game's event log and its viewers: one append-only list, read by every stream.

Every event (one line in one language) is kept as data (`Event`: line, language, text,
kind, confidence, withheld), and rendered for the stream once, as Server-Sent-Events bytes,
when it is added. Its id is an opaque string, `EPOCH-SEQ`: SEQ is its index in the log,
EPOCH names the game record: the store's (store.py), which a restart on the same file keeps,
or a new one per server run without a store; an id of another record is recognised as such
instead of pointing into this one's events. With a store, events are committed before any
viewer is told of them (`add_line`, `add_translations`). A
viewer is only a cursor into the log: resuming after `Last-Event-ID: EPOCH-k` starts at
k + 1, a late joiner starts at 0, and a viewer whose id is of another epoch gets a `reset`
event and then the game from its start. No per-viewer copy of anything is made.

A viewer takes the log in chunks of at most `CHUNK_BYTES` (a late joiner of a long game gets
it a piece at a time, so the bytes a stream hands its socket stay bounded). A viewer that
stops reading falls behind: `EventLog.append` drops one that has more than `max_behind`
events of the game since it joined not yet taken (its backlog at joining does not count: a
joiner reads that at its own pace), which ends its stream (see app.EventStream, which also
aborts a send that stays blocked). When it comes back with its Last-Event-ID it catches up
from the log, so even a dropped viewer loses nothing.

Partial events (the running translation of the line still being spoken, for viewers that
asked with `?partial=1`) are not in the log: they have no id, so they never shift the ids of
the final events, and a viewer keeps only the latest one per language (an older revision is
worthless once a newer one exists). A viewer takes its partial events before the log's new
events, and the pipeline publishes a line's partials before its final translations, so a
partial never arrives after the final text it stands for.

Everything here runs on the event loop (no locks): the translation thread hands its results
to the loop before they are appended.
"""

import asyncio
import json
import re
import secrets
import time
from dataclasses import dataclass

CHUNK_BYTES = 64 * 1024  # most bytes of the log one send hands a viewer's socket
MAX_ID_CHARS = 64  # a Last-Event-ID longer than this is not an id of any rnnkit server
_EVENT_ID = re.compile(r"([0-9A-Za-z_]{1,40})-([0-9]{1,15})")
_LEGACY_ID = re.compile(r"[0-9]{1,15}")  # the plain counters of servers before epochs


def new_epoch():
    """A name for a new game record: 12 random hex digits."""
    return secrets.token_hex(6)


@dataclass(frozen=True)
class Event:
    """One event of the game: `seq` its index in the log (the number of its id), the line
    number, the language ("en": the English as posted), the text, its kind ("line", or
    "correction": a line's new text, replacing the one before in that language), a
    translation's `confidence` and `withheld` (None for the English and for translators
    that give none), and `at`, when it was committed (the captions' live playlists place
    an event that came after its segment was listed in a later one; captions.py)."""

    seq: int
    line: int
    lang: str
    text: str
    kind: str = "line"
    confidence: float | None = None
    withheld: bool | None = None
    at: float | None = None  # when it was committed (Unix seconds): which captions got it
    media: float | None = None  # a line's English: the publisher's media time, if it gave one

    def details(self):
        """What a viewer is told besides line, lang and text: a translation's confidence and
        withheld, and `"kind": "correction"` for a correction (it replaces the line's text)."""
        found = {} if self.kind == "line" else {"kind": self.kind}
        if self.confidence is None:
            return found
        return {"confidence": self.confidence, "withheld": self.withheld, **found}


def encode_event(event_id, line, lang, text, **details):
    """One SSE event: `id:` then one `data:` line of JSON (JSON escapes every newline);
    `details` (a translation's confidence, withheld) go into the JSON too."""
    data = json.dumps({"line": line, "lang": lang, "text": text, **details}, ensure_ascii=False)
    return f"id: {event_id}\ndata: {data}\n\n".encode()


def encode_partial(line, lang, text):
    """One SSE event of type `partial`, without an id (see the module's docstring)."""
    data = json.dumps({"line": line, "lang": lang, "text": text}, ensure_ascii=False)
    return f"event: partial\ndata: {data}\n\n".encode()


def encode_reset(epoch):
    """The `reset` event: the viewer's Last-Event-ID belongs to another game record, so it
    clears what it shows and takes this game from its start. The empty `id:` clears the
    browser's last event id until the game's first event gives it a new one."""
    return f"event: reset\nid:\ndata: {json.dumps({'epoch': epoch})}\n\n".encode()


def encode_closed(epoch):
    """The `closed` event: the game is over and its stream ends (a viewer stops listening;
    the page then follows the server's current game)."""
    return f"event: closed\ndata: {json.dumps({'game': epoch})}\n\n".encode()


class BadEventId(ValueError):
    """A Last-Event-ID that is no event id at all (the reason never echoes more than 40
    characters of it)."""


class Viewer:
    """One open stream: the index of the next event it will take, the languages it takes
    (None: all), and how to wake it."""

    def __init__(self, cursor, joined, langs=None):
        self.cursor = cursor
        self.langs = langs  # a frozenset of language codes ("en" the English), or None
        self.joined = joined  # the log's length when it subscribed: its backlog ends there
        self.partial = False  # it asked for partial events
        self.partials = {}  # lang -> the latest partial event not taken yet
        self.wakeup = asyncio.Event()
        self.dropped = False  # it fell more than max_behind events behind
        self.on_drop = None  # set by the stream: ends the stream's sending task

    def behind(self, length):
        """Events of the game since it joined that it has not taken yet."""
        return length - max(self.cursor, self.joined)


class EventLog:
    """All events of one game, in order, and the viewers reading them, on `store`: the
    record of the game (store.GameRecord, or broker.RedisGame; store.memory_game(): a game
    in memory only),
    which numbers the lines, gives each event its seq, commits them, and delivers them here
    (`deliver`) once committed: at once for a record of this process, from the shared stream
    for one that several servers write."""

    def __init__(self, store, max_behind=2000):
        self.store = store
        self.epoch = store.epoch
        self.events = []  # Event; event id = f"{epoch}-{seq}", seq its index here
        self.sse = []  # each event as the stream sends it, rendered once
        # line -> (posted: the server's clock at its acceptance, Unix seconds; media: the
        # publisher's media time, or None): when its captions start (captions.py)
        self.times = {}
        self.viewers = set()
        self.max_behind = max_behind
        self.closed = False  # the server is stopping: every stream ends
        self.finished = False  # the game is over: a stream ends once it has taken everything
        self.dropped_count = 0
        self.sent = 0  # events handed to viewers' streams (for /metrics)
        self.open_partials = {}  # lang -> the latest partial event of the open line
        self.times.update(store.line_times())
        for event in store.events():
            self._keep(event)

    def __len__(self):
        return len(self.events)

    def event_id(self, index):
        return f"{self.epoch}-{index}"

    def append(self, line, lang, text, **details):
        """Add one event of the next seq (not stored), wake every viewer, drop those that
        stopped reading."""
        confidence, withheld = details.get("confidence"), details.get("withheld")
        event = Event(len(self.events), line, lang, text, "line", confidence, withheld, time.time())
        self._announce([event])

    def add_line(self, text, posted, media=None):
        """A line accepted at `posted` (Unix seconds; `media`: the publisher's media time, if
        given): its number, from the record, which commits it with its English event (before
        it is acknowledged) and delivers the event."""
        number, events = self.store.add_line(text, posted, media)
        self.deliver(events)
        return number

    def add_correction(self, number, text):
        """Line `number`'s English corrected to `text`: a `correction` event, committed (the
        line to be translated again), then delivered."""
        self.deliver(self.store.correct_line(number, text, time.time()))

    def corrected(self, number):
        """Whether line `number` has been corrected (its last English event is one)."""
        english = [event for event in self.events if event.line == number and event.lang == "en"]
        return bool(english) and english[-1].kind == "correction"

    def add_translations(self, number, translations, kind="line", work=None):
        """A line's translations [(lang, text, details)] (of its correction: `kind`
        "correction"), committed in one transaction (`work`: the queued item they answer,
        for a shared record), then delivered."""
        self.deliver(self.store.add_translations(number, translations, kind, time.time(), work))

    def deliver(self, events):
        """Committed events, in seq order, from the record: kept and sent to the viewers."""
        if not events:
            return
        for event in events:
            if event.lang == "en" and event.kind == "line":
                self.times[event.line] = (event.at, event.media)
        self._announce(events)

    def _keep(self, event):
        self.events.append(event)
        details = event.details()
        self.sse.append(
            encode_event(self.event_id(event.seq), event.line, event.lang, event.text, **details)
        )

    def _announce(self, events):
        for event in events:
            self._keep(event)
        langs = {event.lang for event in events}
        for viewer in list(self.viewers):
            if viewer.behind(len(self.events)) > self.max_behind:
                self.drop(viewer)
            elif viewer.langs is None or not viewer.langs.isdisjoint(langs):
                viewer.wakeup.set()  # (a viewer of other languages sleeps on)

    def resume_point(self, header):
        """Where a viewer with this Last-Event-ID starts: (the index of its first event,
        whether it needs a `reset` first). Raises BadEventId for what is no id at all."""
        if header is None or not header.strip():
            return 0, False
        header = header.strip()
        shown = repr(header[:40]) + ("..." if len(header) > 40 else "")
        if len(header) > MAX_ID_CHARS:
            raise BadEventId(f"Last-Event-ID {shown} is not an event id of this server")
        match = _EVENT_ID.fullmatch(header)
        if match is None:
            if _LEGACY_ID.fullmatch(header):
                return 0, True  # a counter of an older server run
            raise BadEventId(f"Last-Event-ID {shown} is not an event id of this server")
        if match[1] != self.epoch:
            return 0, True  # another run's (or another game's) id
        after = int(match[2])
        if after >= len(self.events):
            raise BadEventId(
                f"Last-Event-ID {shown} is beyond this game's last event; reconnect without it"
            )
        return after + 1, False

    def subscribe(self, start=0, langs=None):
        """A viewer whose first event is the one at index `start`, of the languages `langs`
        (a frozenset of codes; None: every language). Ids stay the game's: a viewer of some
        languages skips the others' events, and resumes after any id exactly."""
        viewer = Viewer(start, len(self.events), langs)
        self.viewers.add(viewer)
        return viewer

    def want_partials(self, viewer):
        """`viewer` gets partial events from now on, first the open line's latest ones."""
        viewer.partial = True
        viewer.partials = {
            lang: event
            for lang, event in self.open_partials.items()
            if viewer.langs is None or lang in viewer.langs
        }

    def publish_partial(self, line, lang, text):
        """The running translation of the open line `line` into `lang` (or its English so
        far): to every viewer that asked for partials, replacing one it has not taken."""
        event = self.open_partials[lang] = encode_partial(line, lang, text)
        for viewer in self.viewers:
            if viewer.partial and (viewer.langs is None or lang in viewer.langs):
                viewer.partials[lang] = event
                viewer.wakeup.set()

    def close_partials(self):
        """The open line is closed: viewers joining from now on get no partials of it."""
        self.open_partials = {}

    def unsubscribe(self, viewer):
        self.viewers.discard(viewer)

    def take(self, viewer, limit=CHUNK_BYTES):
        """The bytes of the events the viewer has not taken yet, at most `limit` of the log's
        (but always one whole event, if any is waiting); b"" if none."""
        partials, viewer.partials = b"".join(viewer.partials.values()), {}
        if viewer.langs is not None:
            return partials + self._take_some(viewer, limit)
        start = end = viewer.cursor
        size = 0
        while end < len(self.sse) and (end == start or size + len(self.sse[end]) <= limit):
            size += len(self.sse[end])
            end += 1
        viewer.cursor = end
        self.sent += end - start
        return partials + b"".join(self.sse[start:end])

    def _take_some(self, viewer, limit):
        """`take` for a viewer of some languages: the others' events are passed over."""
        chunks, size, end = [], 0, viewer.cursor
        while end < len(self.sse):
            if self.events[end].lang in viewer.langs:
                if chunks and size + len(self.sse[end]) > limit:
                    break
                chunks.append(self.sse[end])
                size += len(self.sse[end])
            end += 1
        viewer.cursor = end
        self.sent += len(chunks)
        return b"".join(chunks)

    def drop(self, viewer):
        viewer.dropped = True
        self.dropped_count += 1
        self.unsubscribe(viewer)
        viewer.wakeup.set()
        if viewer.on_drop is not None:
            viewer.on_drop()

    def finish(self):
        """The game is over (every line translated): each stream takes what it has not yet,
        then a `closed` event, and ends."""
        self.finished = True
        for viewer in list(self.viewers):
            viewer.wakeup.set()

    def close(self):
        """End every stream (server shutdown): their generators see `closed` and return."""
        self.closed = True
        for viewer in list(self.viewers):
            viewer.wakeup.set()

    def heartbeat(self):
        """Wake every viewer: one with nothing new sends a comment, which keeps proxies from
        closing an idle stream (one timer for all viewers, not one per viewer)."""
        for viewer in self.viewers:
            viewer.wakeup.set()

    async def wait(self, viewer):
        """Until there is something to take, the log closes, or the next heartbeat."""
        if viewer.cursor < len(self.events) or viewer.partials or self.closed or viewer.dropped:
            return
        if self.finished:
            return
        viewer.wakeup.clear()
        await viewer.wakeup.wait()

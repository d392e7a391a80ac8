"""The game's event log and its viewers: one append-only list, read by every stream.

Every event (one line in one language) is encoded once, as Server-Sent-Events bytes, and
kept for the whole game: event id k is its index in the log. A viewer is only a cursor into
the log, so resuming after `Last-Event-ID: k` starts at k + 1, a late joiner starts at 0, and
no per-viewer copy of anything is made. A viewer's queue is the slice of the log it has not
taken yet; `EventLog.append` drops a viewer whose slice grows beyond `max_behind` events
(it stopped reading: a slow or vanished client), which ends its stream. When it comes back
with its Last-Event-ID it catches up from the log, so even a dropped viewer loses nothing.

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


def encode_event(event_id, line, lang, text):
    """One SSE event: `id:` then one `data:` line of JSON (JSON escapes every newline)."""
    data = json.dumps({"line": line, "lang": lang, "text": text}, ensure_ascii=False)
    return f"id: {event_id}\ndata: {data}\n\n".encode()


def encode_partial(line, lang, text):
    """One SSE event of type `partial`, without an id (see the module's docstring)."""
    data = json.dumps({"line": line, "lang": lang, "text": text}, ensure_ascii=False)
    return f"event: partial\ndata: {data}\n\n".encode()


class Viewer:
    """One open stream: the index of the next event it will take, and how to wake it."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.partial = False  # it asked for partial events
        self.partials = {}  # lang -> the latest partial event not taken yet
        self.wakeup = asyncio.Event()
        self.dropped = False  # it fell more than max_behind events behind
        self.on_drop = None  # set by the stream: ends the stream's sending task


class EventLog:
    """All events of one game, in order, and the viewers reading them."""

    def __init__(self, max_behind=2000):
        self.events = []  # SSE bytes; event id = index
        self.viewers = set()
        self.max_behind = max_behind
        self.closed = False  # the server is stopping: every stream ends
        self.dropped_count = 0
        self.open_partials = {}  # lang -> the latest partial event of the open line

    def __len__(self):
        return len(self.events)

    def append(self, line, lang, text):
        """Add one event, wake every viewer, drop those that stopped reading."""
        self.events.append(encode_event(len(self.events), line, lang, text))
        for viewer in list(self.viewers):
            if len(self.events) - viewer.cursor > self.max_behind:
                self.drop(viewer)
            else:
                viewer.wakeup.set()

    def subscribe(self, after=None):
        """A viewer that starts after event id `after` (None: from the first event)."""
        viewer = Viewer(0 if after is None else after + 1)
        self.viewers.add(viewer)
        return viewer

    def want_partials(self, viewer):
        """`viewer` gets partial events from now on, first the open line's latest ones."""
        viewer.partial, viewer.partials = True, dict(self.open_partials)

    def publish_partial(self, line, lang, text):
        """The running translation of the open line `line` into `lang` (or its English so
        far): to every viewer that asked for partials, replacing one it has not taken."""
        event = self.open_partials[lang] = encode_partial(line, lang, text)
        for viewer in self.viewers:
            if viewer.partial:
                viewer.partials[lang] = event
                viewer.wakeup.set()

    def close_partials(self):
        """The open line is closed: viewers joining from now on get no partials of it."""
        self.open_partials = {}

    def unsubscribe(self, viewer):
        self.viewers.discard(viewer)

    def take(self, viewer):
        """The bytes of every event the viewer has not taken yet (b"" if none)."""
        start, viewer.cursor = viewer.cursor, len(self.events)
        partials, viewer.partials = b"".join(viewer.partials.values()), {}
        return partials + b"".join(self.events[start:])

    def drop(self, viewer):
        viewer.dropped = True
        self.dropped_count += 1
        self.unsubscribe(viewer)
        viewer.wakeup.set()
        if viewer.on_drop is not None:
            viewer.on_drop()

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
        viewer.wakeup.clear()
        await viewer.wakeup.wait()

"""The games in Redis Streams, shared by any number of server processes on any number of
machines (`rnnkit serve --broker redis://HOST:PORT`).

The same interface as store.py (a Store of games, a record per game) with one difference:
the record is `shared`. Every process may accept a line of any game; Redis numbers it and
gives every event its seq (one Lua script per commit, so numbers never collide), and every
process reads the game's event stream and sends the events to its own viewers, so they all
send the same events with the same ids, and a viewer whose process dies resumes on another
with its Last-Event-ID and loses nothing. A line waits in the game's work stream for one of
the translators, a consumer group that every process's pipeline of that game joins: each line
is given to one of them; a translator that dies mid-line leaves the line pending, and
another claims it once it has been idle for `claim_seconds` (XAUTOCLAIM; longer than any
line's translation); its translations are
committed once (the commit script records the work item it answers, so a line translated
twice, by a slow translator and by the one that claimed it, is committed by the first only).

Keys (PREFIX = "rnnkit"): PREFIX:games, a sorted set of the game ids by their number;
PREFIX:game:ID, a hash (number, roster, opened, closed, closing; counters: lines, events,
work queued and worked); PREFIX:game:ID:events, the stream of its events, entry id 0-(seq+1);
PREFIX:game:ID:lines, a hash line number -> [posted, media]; PREFIX:game:ID:work, the stream
of lines to translate, read by the group "translators"; PREFIX:game:ID:done, the work items
committed.

Why Redis Streams: Redis Pub/Sub is at-most-once (what a process misses while it reconnects
is lost); a stream keeps its entries and a reader resumes from any id, and consumer groups
are Redis's own work queue with acknowledgements and a pending list.
"""

import asyncio
import json
import os
import socket

import redis
import redis.asyncio

from rnnkit.serve.events import Event, new_epoch
from rnnkit.serve.pipeline import LineError
from rnnkit.serve.store import GameRow, StoreError

PREFIX = "rnnkit"
GROUP = "translators"
# default: a line idle this long in another translator's hands is taken over. A translator
# takes a line only when idle, so it holds it for one translation (well under a second for
# the demo's 24 languages); a line taken from a translator that was only slow is committed
# once all the same, so erring short costs a translation, not a duplicate.
CLAIM_SECONDS = 5.0
READ_BLOCK_MS = 1000  # longest wait of one read of a stream (a closed game is seen after it)

_OPEN = """
local number = redis.call('INCR', KEYS[2]) - 1
redis.call('HSET', KEYS[3], 'number', number, 'opened', ARGV[2], 'lines', 0, 'events', 0,
           'work', 0, 'worked', 0)
if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], 'roster', ARGV[3]) end
redis.call('ZADD', KEYS[1], number, ARGV[1])
return number
"""
_ACCEPT = """
if redis.call('HEXISTS', KEYS[1], 'closing') == 1 then return -1 end
local number = redis.call('HINCRBY', KEYS[1], 'lines', 1) - 1
local seq = redis.call('HINCRBY', KEYS[1], 'events', 1) - 1
local fields = {'line', number, 'lang', 'en', 'text', ARGV[1], 'kind', 'line', 'at', ARGV[2]}
if ARGV[3] ~= '' then fields[#fields + 1] = 'media'; fields[#fields + 1] = ARGV[3] end
redis.call('XADD', KEYS[2], '0-' .. (seq + 1), unpack(fields))
redis.call('HSET', KEYS[3], number, cjson.encode({ARGV[2], ARGV[3]}))
redis.call('XADD', KEYS[4], '*', 'kind', 'line', 'number', number, 'text', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'work', 1)
return number
"""
_CORRECT = """
if redis.call('HEXISTS', KEYS[1], 'closing') == 1 then return -1 end
if tonumber(ARGV[1]) >= tonumber(redis.call('HGET', KEYS[1], 'lines')) then return -2 end
local seq = redis.call('HINCRBY', KEYS[1], 'events', 1) - 1
redis.call('XADD', KEYS[2], '0-' .. (seq + 1), 'line', ARGV[1], 'lang', 'en', 'text', ARGV[2],
           'kind', 'correction', 'at', ARGV[3])
redis.call('XADD', KEYS[3], '*', 'kind', 'correction', 'number', ARGV[1], 'text', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'work', 1)
return 0
"""
_COMMIT = """
if redis.call('SADD', KEYS[4], ARGV[1]) == 0 then
  redis.call('XACK', KEYS[3], 'translators', ARGV[1])
  return 0
end
local n = tonumber(ARGV[5])
local first = redis.call('HINCRBY', KEYS[1], 'events', n) - n
for i = 0, n - 1 do
  local base = 6 + i * 4
  local fields = {'line', ARGV[2], 'lang', ARGV[base], 'text', ARGV[base + 1],
                  'kind', ARGV[3], 'at', ARGV[4]}
  if ARGV[base + 2] ~= '' then
    fields[#fields + 1] = 'confidence'; fields[#fields + 1] = ARGV[base + 2]
    fields[#fields + 1] = 'withheld'; fields[#fields + 1] = ARGV[base + 3]
  end
  redis.call('XADD', KEYS[2], '0-' .. (first + i + 1), unpack(fields))
end
redis.call('XACK', KEYS[3], 'translators', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'worked', 1)
return 1
"""


class RedisStore:
    """The games in the Redis at `url` (redis://HOST:PORT[/DB]); StoreError if it cannot be
    reached."""

    shared = True  # every server process on it reads and writes the same games

    def __init__(self, url, prefix=PREFIX, claim_seconds=CLAIM_SECONDS):
        self.url, self.prefix, self.claim_seconds = url, prefix, claim_seconds
        self.path = url  # what the server prints as its record
        try:
            self.client = redis.Redis.from_url(url, decode_responses=True)
            self.client.ping()
        except (redis.RedisError, ValueError) as exc:
            raise StoreError(
                f"--broker {url}: cannot reach Redis ({exc}); start redis-server or fix the URL"
            ) from None
        self.scripts = {
            name: self.client.register_script(source)
            for name, source in (
                ("open", _OPEN),
                ("accept", _ACCEPT),
                ("correct", _CORRECT),
                ("commit", _COMMIT),
            )
        }
        self.consumer = f"{socket.gethostname()}-{os.getpid()}"  # this process's translator

    def key(self, *parts):
        return ":".join((self.prefix, *parts))

    def starting(self):
        """A lock in Redis held while a server reads the live games and opens a first one,
        so that servers starting at once open one first game, not one each."""
        return self.client.lock(self.key("starting"), timeout=30, blocking_timeout=60)

    def games(self):
        """Every game (GameRow), in the order they were opened."""
        ids = self.client.zrange(self.key("games"), 0, -1)
        pipe = self.client.pipeline(transaction=False)
        for game in ids:
            pipe.hgetall(self.key("game", game))
        rows = []
        for game, fields in zip(ids, pipe.execute()):
            roster = fields.get("roster")
            closed = fields.get("closed")
            rows.append(
                GameRow(
                    game,
                    int(fields["number"]),
                    None if roster is None else json.loads(roster),
                    float(fields["opened"]),
                    None if closed is None else float(closed),
                    int(fields.get("lines", 0)),
                )
            )
        return rows

    def open_game(self, opened, roster=None):
        """A new game, opened at `opened` with `roster` (a dict, or None): its id."""
        game = new_epoch()
        data = "" if roster is None else json.dumps(roster, ensure_ascii=False)
        keys = [self.key("games"), self.key("games", "count"), self.key("game", game)]
        self.scripts["open"](keys=keys, args=[game, repr(opened), data])
        self.client.xgroup_create(self.key("game", game, "work"), GROUP, id="0", mkstream=True)
        return game

    def close_game(self, game, closed):
        self.client.hset(self.key("game", game), "closed", repr(closed))

    def game(self, game):
        return RedisGame(self, game)

    def close(self):
        self.client.close()


class RedisGame:
    """One game in Redis: it accepts, corrects and commits through the scripts above, reads
    the game's event stream for the EventLog (`listen`), and takes lines to translate from
    the work stream as one of the translators (`fetch`)."""

    shared = True  # lines are queued in Redis, for any process's translator

    def __init__(self, store, game):
        self.store, self.epoch = store, game
        self.client = store.client
        self.hash = store.key("game", game)
        self.stream = store.key("game", game, "events")
        self.work = store.key("game", game, "work")
        self.lines = 0  # the next line's number, as far as this process has seen
        self.last = "0-0"  # the last entry of the event stream read
        self.tasks = []

    def _entry(self, entry_id, fields):
        line = int(fields["line"])
        self.lines = max(self.lines, line + 1)
        confidence, withheld, media = (fields.get(k) for k in ("confidence", "withheld", "media"))
        return Event(
            int(entry_id.split("-")[1]) - 1,
            line,
            fields["lang"],
            fields["text"],
            fields["kind"],
            None if confidence is None else float(confidence),
            None if withheld is None else withheld == "1",
            float(fields["at"]),
            None if media is None else float(media),
        )

    def events(self):
        """The game so far (read now; `listen` goes on from there)."""
        entries = self.client.xrange(self.stream, min="-", max="+")
        if entries:
            self.last = entries[-1][0]
        return [self._entry(entry_id, fields) for entry_id, fields in entries]

    def line_times(self):
        times = self.client.hgetall(self.store.key("game", self.epoch, "lines"))
        result = {}
        for number, value in times.items():
            posted, media = json.loads(value)
            result[int(number)] = (float(posted), float(media) if media else None)
        return result

    def untranslated(self):
        return []  # a line waits in the work stream, whoever accepted it (see `fetch`)

    def add_line(self, text, posted, media=None):
        keys = [self.hash, self.stream, self.store.key("game", self.epoch, "lines"), self.work]
        args = [text, repr(posted), "" if media is None else repr(media)]
        number = self.store.scripts["accept"](keys=keys, args=args)
        if number < 0:
            raise LineError(409, f"game {self.epoch} is closed; open another with POST /api/games")
        self.lines = max(self.lines, number + 1)
        return number, []  # its event comes back through the stream, to every process

    def correct_line(self, number, text, at):
        keys = [self.hash, self.stream, self.work]
        found = self.store.scripts["correct"](keys=keys, args=[number, text, repr(at)])
        if found == -1:
            raise LineError(409, f"game {self.epoch} is closed")
        if found == -2:
            raise LineError(404, f"no line {number} to correct in game {self.epoch}")
        return []

    def add_translations(self, number, translations, kind, at, work=None):
        args = [work or "", number, kind, repr(at), len(translations)]
        for lang, text, details in translations:
            confidence = details.get("confidence")
            held = details.get("withheld")
            args += [lang, text, "" if confidence is None else repr(confidence), int(bool(held))]
        keys = [self.hash, self.stream, self.work, self.store.key("game", self.epoch, "done")]
        self.store.scripts["commit"](keys=keys, args=args)
        return []

    def backlog(self, local):
        """Lines of the game accepted (by any process) and not yet translated."""
        queued, worked = self.client.hmget(self.hash, "work", "worked")
        return int(queued or 0) - int(worked or 0)

    def stop_taking(self):
        """No process accepts another line of this game (it is being closed)."""
        self.client.hset(self.hash, "closing", 1)

    def listen(self, deliver, finish):
        """Read the game's events from the last one read, for ever: `deliver(events)` as they
        come; `finish()` once the game is closed and every event is read."""
        self.tasks.append(asyncio.get_running_loop().create_task(self._read(deliver, finish)))

    async def _read(self, deliver, finish):
        client = redis.asyncio.Redis.from_url(self.store.url, decode_responses=True)
        try:
            while True:
                found = await client.xread(
                    {self.stream: self.last}, count=1000, block=READ_BLOCK_MS
                )
                if found:
                    entries = found[0][1]
                    self.last = entries[-1][0]
                    deliver([self._entry(entry_id, fields) for entry_id, fields in entries])
                elif await client.hexists(self.hash, "closed"):
                    finish()
                    return
        finally:
            await client.aclose()

    async def fetch(self):
        """The lines to translate given to this process: (kind, number, text, work id), one
        at a time; first those another translator left idle for CLAIM_SECONDS."""
        client = redis.asyncio.Redis.from_url(self.store.url, decode_responses=True)
        consumer = self.store.consumer
        try:
            while True:
                claimed = await client.xautoclaim(
                    self.work, GROUP, consumer, int(self.store.claim_seconds * 1000), "0-0", count=1
                )
                entries = claimed[1]
                if not entries:
                    found = await client.xreadgroup(
                        GROUP, consumer, {self.work: ">"}, count=1, block=READ_BLOCK_MS
                    )
                    entries = found[0][1] if found else []
                for entry_id, fields in entries:
                    if fields:  # (an entry deleted meanwhile has none)
                        yield fields["kind"], int(fields["number"]), fields["text"], entry_id
        finally:
            await client.aclose()

    def stop(self):
        for task in self.tasks:
            task.cancel()

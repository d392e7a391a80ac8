"""The HTTP contract of `rnnkit serve`, as a Starlette application.

A server keeps games (games.py); `?game=ID` picks one on every endpoint below, and without
it they mean the current game (the live one opened last), so a client of one game never
names it. Publishing (POST) needs `Authorization: Bearer TOKEN`.

    POST /api/lines      {"text": "..."} (application/json) or the line itself (text/plain),
                         UTF-8 -> 202 {"line": N, "game": ID}; {"text": ..., "t": seconds}
                         gives its time in the broadcast (its captions start there);
                         {"text": "...", "partial": true} appends words to the open line N
                         (opening it), and the next post without "partial" closes it (its
                         text, which may then be empty, ends the line)
    POST /api/lines/N/correction  {"text": "..."} replaces line N's text: its English at once
                         and its translations when done, as events of kind "correction"
                         (`"kind": "correction"` in their data) -> 202 {"line": N, ...}; the
                         page, the transcript and the .vtt show the corrected line; captions
                         already in listed HLS segments stay, the correction is a new cue
    POST /api/games      opens a game: {"home": "Raptors", "away": "Heat", "player": [{"name":
                         ..., "team": ..., "zh": ...}]} (the roster file's keys as JSON; {}:
                         no roster) -> 201, the game as GET /api/games lists it; it becomes
                         the current game
    POST /api/games/ID/close  no more lines; its queue is translated, its streams end with
                         `event: closed`, its playlists with #EXT-X-ENDLIST -> 200
    GET  /api/games      {"games": [{"id", "home", "away", "opened", "closed", "lines",
                         "current"}]}, in the order they were opened
    GET  /api/games/ID/transcript?lang=fr  the game so far as JSON: per line its start, the
                         English, the text in that language, confidence and withheld
    GET  /api/stream     Server-Sent Events: `id: EPOCH-k` (EPOCH the game's id, k = 0, 1,
                         ...; an opaque string to a client) and `data: {"line": N, "lang":
                         "fr", "text": "..."}`; English is "en"; Last-Event-ID resumes after
                         that event, no header gives the game so far, then live; an id of
                         another game or server run gets `event: reset` and then the game
                         from its start; a closed game's stream ends with `event: closed`;
                         with ?partial=1 also `event: partial` events without an id, the
                         running translation of the open line (same data; the latest only);
                         ?lang=fr,en sends those languages only (ids stay the game's: a
                         resume is exact)
    GET  /api/languages  {"source": "en", "languages": [...], "lines": N, "game": ID, ...}
    GET  /captions/LANG.vtt  the game so far in LANG ("en" too) as WebVTT (captions.py)
    GET  /captions/master.m3u8  HLS: the video (--video) with a SUBTITLES rendition per language
    GET  /captions/LANG/index.m3u8, /captions/LANG/N.vtt  a language's live HLS playlist and
                         its WebVTT segments
    GET  /metrics        Prometheus's text format (metrics.py: lines, latency, queue, viewers)
    GET  /healthz        200 {"status": "ok", ...} while lines are translated; 503 if not
    GET  /               the page (static files under /static/)
    GET  /operator       the operator's page: post lines, see their state, correct one

Every refusal is a 4xx (or a 503: the server is full) with a JSON body {"error": "one line
saying what to do"}, which never repeats more than a few dozen characters of what was sent.
What a hostile client can do is bounded here and in connections.py: bodies (size, arrival
time), text (no lone surrogates or control characters, refused before a line is numbered),
JSON (depth, number size), wrong tokens (per-address back-off, tokens.py), viewers that stop
reading (reset), and errors nobody foresaw (a 500 and one log line, no traceback).
"""

import asyncio
import json
import logging
import math
import time
import traceback
from contextlib import asynccontextmanager
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from rnnkit.serve.captions import (
    master_playlist,
    media_playlist,
    segment,
    segment_count,
    transcript_lines,
    webvtt,
)
from rnnkit.serve.connections import ConnectionGuard, address_key, quiet_accept_errors
from rnnkit.serve.events import BadEventId, encode_closed, encode_reset
from rnnkit.serve.games import SYNC_SECONDS, Games, read_roster
from rnnkit.serve.pipeline import LineError, play
from rnnkit.serve.store import Store
from rnnkit.serve.tokens import TokenGate

STATIC = Path(__file__).parent / "static"
MAX_MEDIA_SECONDS = 7 * 24 * 3600  # a line's "t": a broadcast of at most a week
MAX_BODY = 16 * 1024  # bytes: 1,000 characters even as JSON \uXXXX escapes fit
MAX_ROSTER_BODY = 256 * 1024  # a roster: 64 players, each with spellings in 24 languages
# captions and transcripts: public and read-only (any origin may read them, no credentials),
# and asked for again while the game goes on
PUBLIC = {"Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"}
HLS_TYPE = "application/vnd.apple.mpegurl"
DEFAULT_BANDWIDTH = 2_500_000  # the video variant's BANDWIDTH: a 720p broadcast stream
RECONNECT_MS = 1000  # the EventSource reconnection delay the stream asks for
logger = logging.getLogger("rnnkit.serve")


def create_app(
    translator,
    languages,
    token,
    beam=3,
    max_pending=32,
    max_behind=2000,
    max_viewers=10000,
    heartbeat=15.0,
    script=(),
    interval=2.0,
    send_timeout=30.0,
    body_seconds=10.0,
    guard=None,
    min_confidence=None,
    store=None,
    slots_for=None,
    roster=None,
    video=None,
    video_bandwidth=DEFAULT_BANDWIDTH,
    mpegts=0,
):
    """The application serving `translator` into `languages` (codes it knows).

    max_pending: lines of a game waiting for translation before posts get 429; max_behind:
    events a viewer may fall behind before it is dropped; heartbeat: seconds between SSE
    comments on an idle stream; script: lines played into the current game, one every
    `interval` seconds; send_timeout: seconds a stream's send may stay blocked (the viewer
    stopped reading) before its connection is reset; body_seconds: longest wait for a post's
    body; guard: the ConnectionGuard of its connections (default limits if not given);
    min_confidence: a translation less confident than this is withheld (the English is sent,
    marked so); store: the record of the games (store.Store; the app closes it when it
    stops), None to keep them in memory only; slots_for: a game's Roster (or None) -> the
    SlotPolicy its translator uses; roster: the Roster of the first game (games.py); video:
    the URL of the broadcast's HLS playlist, the variant of /captions/master.m3u8 (with
    `video_bandwidth`, bits per second); mpegts: the video's MPEG-TS timestamp (90 kHz) at the
    broadcast's start (media time 0), in each WebVTT segment's X-TIMESTAMP-MAP.
    """
    games = Games(
        store if store is not None else Store(None),
        translator,
        languages,
        beam,
        max_pending,
        max_behind,
        min_confidence,
        slots_for,
        roster,
    )
    gate = TokenGate(token)
    guard = guard or ConnectionGuard()
    served = ("en", *games.languages)

    @asynccontextmanager
    async def lifespan(app):
        quiet_accept_errors(asyncio.get_running_loop())
        games.start()
        tasks = [asyncio.create_task(beat(games, heartbeat))]
        if games.store.shared:
            tasks.append(asyncio.create_task(follow(games)))
        if script:
            tasks.append(asyncio.create_task(play(games.current().pipeline, script, interval)))
        yield
        for task in tasks:
            task.cancel()
        await games.stop()  # each line in translation is finished and committed

    async def post_line(request):
        authorize(request, gate, guard)
        game = games.for_lines(request.query_params.get("game"))
        text, partial, media = parse_line(
            request.headers.get("content-type", ""), await read_body(request, body_seconds)
        )
        number = game.pipeline.submit(text, partial, media)
        return JSONResponse({"line": number, "game": game.id}, status_code=202)

    async def correct_line(request):
        authorize(request, gate, guard)
        game = games.for_lines(request.query_params.get("game"))
        text, partial, _ = parse_line(
            request.headers.get("content-type", ""), await read_body(request, body_seconds)
        )
        if partial:
            raise LineError(422, 'a correction is a whole line; leave out "partial"')
        number = game.pipeline.correct(request.path_params["number"], text)
        body = {"line": number, "game": game.id, "kind": "correction"}
        return JSONResponse(body, status_code=202)

    async def open_game(request):
        authorize(request, gate, guard)
        body = await read_body(request, body_seconds, MAX_ROSTER_BODY)
        roster = read_roster(parse_json(request.headers.get("content-type", ""), body))
        game = games.open(roster)
        return JSONResponse(game.info(0, current=True), status_code=201)

    async def close_game(request):
        authorize(request, gate, guard)
        game = await games.close(games.find(request.path_params["game"]))
        return JSONResponse(game.info(_lines(game)))

    async def list_games(request):
        return JSONResponse({"games": games.listing()})

    async def transcript(request):
        game = games.find(request.path_params["game"])
        lang = request.query_params.get("lang", "en")
        if lang not in served:
            raise LineError(
                400, f"lang={lang[:20]!r} is not served here; ask for one of {','.join(served)}"
            )
        body = {
            **game.info(_lines(game), current=game is games.current()),
            "lang": lang,
            "lines": transcript_lines(game.log, lang),
        }
        return JSONResponse(body, headers=PUBLIC)

    async def stream(request):
        game = games.find(request.query_params.get("game"))
        log = game.log
        if sum(len(g.log.viewers) for g in games.loaded()) >= max_viewers:
            raise LineError(503, f"{max_viewers} viewers are connected; try again later")
        try:
            start, reset = log.resume_point(request.headers.get("last-event-id"))
        except BadEventId as exc:
            raise LineError(400, str(exc)) from None
        partial = request.query_params.get("partial", "0")
        if partial not in ("0", "1"):
            raise LineError(400, f"partial={partial[:20]!r}: ask with partial=1 (or leave it out)")
        langs = chosen_languages(request.query_params.get("lang"), games.languages)
        return EventStream(log, start, reset, partial == "1", guard, send_timeout, langs)

    async def languages_info(request):
        game = games.find(request.query_params.get("game"))
        body = {"source": "en", "languages": games.languages, "lines": _lines(game)}
        return JSONResponse({**body, "game": game.id, "closed": game.closed is not None})

    async def captions(request):
        game = games.find(request.query_params.get("game"))
        lang = request.path_params["lang"]
        if lang not in served:
            raise LineError(404, f"no captions in {lang[:20]!r}; this game has {','.join(served)}")
        return Response(webvtt(game.log, lang), media_type="text/vtt", headers=PUBLIC)

    def caption_language(request):
        lang = request.path_params["lang"]
        if lang not in served:
            raise LineError(404, f"no captions in {lang[:20]!r}; this game has {','.join(served)}")
        return lang

    async def master(request):
        game = games.find(request.query_params.get("game"))
        if video is None:
            raise LineError(
                404,
                "no video playlist to attach the captions to: start the server with --video "
                "URL (the broadcast's HLS playlist), or add LANG/index.m3u8 to your own",
            )
        body = master_playlist(served, game.id, video, video_bandwidth)
        return Response(body, media_type=HLS_TYPE, headers=PUBLIC)

    async def media(request):
        game = games.find(request.query_params.get("game"))
        count = segment_count(game.log, caption_language(request), time.time(), game.closed)
        body = media_playlist(count, game.id, game.closed is not None)
        return Response(body, media_type=HLS_TYPE, headers=PUBLIC)

    async def media_segment(request):
        game = games.find(request.query_params.get("game"))
        lang, number = caption_language(request), request.path_params["number"]
        if number >= segment_count(game.log, lang, time.time(), game.closed):
            raise LineError(404, f"segment {number} is not listed yet; read {lang}/index.m3u8")
        body = segment(game.log, lang, number, mpegts)
        return Response(body, media_type="text/vtt", headers=PUBLIC)

    async def metrics_page(request):
        return Response(games.metrics.render(), media_type=CONTENT_TYPE_LATEST)

    async def health(request):
        alive = games.running() and not any(game.log.closed for game in games.live.values())
        current = games.current()
        body = {
            "status": "ok" if alive else "a translation worker is not running",
            "game": None if current is None else current.id,
            "games": len(games.live),
            "lines": 0 if current is None else current.pipeline.lines,
            "waiting": sum(game.pipeline.waiting() for game in games.live.values()),
            "viewers": sum(len(game.log.viewers) for game in games.loaded()),
        }
        return JSONResponse(body, status_code=200 if alive else 503)

    async def page(request):
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def operator_page(request):
        return FileResponse(STATIC / "operator.html", headers={"Cache-Control": "no-cache"})

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/operator", operator_page),
            Route("/api/lines", post_line, methods=["POST"]),
            Route("/api/lines/{number:int}/correction", correct_line, methods=["POST"]),
            Route("/api/games", list_games),
            Route("/api/games", open_game, methods=["POST"]),
            Route("/api/games/{game}/close", close_game, methods=["POST"]),
            Route("/api/games/{game}/transcript", transcript),
            Route("/api/stream", stream),
            Route("/api/languages", languages_info),
            Route("/captions/{lang}.vtt", captions),
            Route("/captions/master.m3u8", master),
            Route("/captions/{lang}/index.m3u8", media),
            Route("/captions/{lang}/{number:int}.vtt", media_segment),
            Route("/metrics", metrics_page),
            Route("/healthz", health),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={LineError: line_error, HTTPException: http_error},
    )
    app.state.games, app.state.guard = games, guard
    return Guarded(app)


def _lines(game):
    """Lines accepted in `game` so far."""
    return game.log.store.lines


def authorize(request, gate, guard):
    """A publisher's request: its bearer token, checked (401; 429 after many wrong ones from
    one address); its connection is then trusted (connections.py)."""
    given = request.headers.get("authorization")
    if given is None:
        raise LineError(
            401,
            "no Authorization header; send 'Authorization: Bearer TOKEN' with the "
            "publishing token the server printed at start",
            {"WWW-Authenticate": "Bearer"},
        )
    address = address_key(request.client)
    if gate.wait(address) > 0:
        wait = gate.retry_after(address)
        raise LineError(
            429,
            f"too many wrong tokens from {address}; retry after {wait} s",
            {"Retry-After": str(wait)},
        )
    scheme, _, credentials = given.strip().partition(" ")
    presented = credentials.strip().encode("utf-8", "replace")
    if scheme.lower() != "bearer" or not gate.check(address, presented):
        raise LineError(
            401, "wrong publishing token", {"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    guard.trust(request.client)


class Guarded:
    """The application as uvicorn runs it: an error nobody foresaw is a 500 with one line in
    the log, never a traceback a client could provoke in a loop."""

    def __init__(self, app):
        self.app, self.state = app, app.state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            logger.error(
                "%s %s failed: %s: %.200s (%s:%d)",
                scope["method"],
                scope["path"][:100],
                type(exc).__name__,
                exc,
                Path(where.filename).name,
                where.lineno,
            )
            if not started:
                body = {"error": "the server failed to handle this request"}
                await JSONResponse(body, status_code=500)(scope, receive, send)


async def read_body(request, seconds, limit=MAX_BODY):
    """The request body, refused with 413 past `limit` bytes (without reading it all) and
    with 408 if it has not arrived within `seconds`."""
    declared = request.headers.get("content-length", "")
    what = "send one line per post" if limit == MAX_BODY else "it is too large"
    if declared.isdigit() and (len(declared) > 9 or int(declared) > limit):
        raise LineError(413, f"the body is over {limit} bytes; {what}")
    body = bytearray()

    async def receive_all():
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                raise LineError(413, f"the body exceeds {limit} bytes; {what}")

    try:
        await asyncio.wait_for(receive_all(), seconds)
    except asyncio.TimeoutError:
        raise LineError(408, f"the body did not arrive within {seconds:g} s") from None
    return bytes(body)


def parse_line(content_type, body):
    """(text, partial, media time) from a JSON {"text": ..., "partial": bool, "t": seconds}
    or a text/plain body (UTF-8 only; a plain body is never partial and has no time)."""
    media, text = decode_body(content_type, body, ("application/json", "text/plain"))
    if media == "text/plain":
        return text, False, None
    value = load_json(text, '{"text": "..."}')
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise LineError(422, 'the JSON body must be an object {"text": "..."} with a string text')
    partial = value.get("partial", False)
    if not isinstance(partial, bool):
        raise LineError(422, f'"partial" must be true or false, got {json.dumps(partial)[:40]}')
    return value["text"], partial, media_time(value.get("t"))


def parse_json(content_type, body):
    """The JSON value of an application/json body in UTF-8 (an empty body: None)."""
    _, text = decode_body(content_type or "application/json", body, ("application/json",))
    return load_json(text, "a JSON object") if text.strip() else None


def decode_body(content_type, body, accepted):
    """(media type, text) of a body of one of the `accepted` media types, in UTF-8."""
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    charset = params.strip().lower().removeprefix("charset=").strip('"') if params else "utf-8"
    if media not in accepted:
        shown = " or ".join(accepted)
        raise LineError(415, f"Content-Type {media[:60] or '(none)'} is not accepted; send {shown}")
    if charset not in ("utf-8", "utf8"):
        raise LineError(415, f"charset {charset[:40]} is not accepted; send UTF-8")
    try:
        return media, body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineError(
            400, f"the body is not valid UTF-8 (byte {exc.start + 1}); send UTF-8"
        ) from None


def load_json(text, wanted):
    """The JSON value of `text`, bounded (depth, number size); 400 saying to send `wanted`."""
    try:
        return json.loads(text, parse_int=bounded_int, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise LineError(400, f"the body is not JSON ({exc}); send {wanted}") from None
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise LineError(400, f"the JSON is refused ({reason}); send {wanted}") from None


def media_time(value):
    """The line's `t`: seconds since the broadcast started, a finite number from 0 to
    MAX_MEDIA_SECONDS, or None (not given)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LineError(
            422, f'"t" must be seconds since the broadcast began, got {json.dumps(value)[:40]}'
        )
    if not (math.isfinite(value) and 0 <= value <= MAX_MEDIA_SECONDS):
        raise LineError(
            422, f'"t" must be from 0 to {MAX_MEDIA_SECONDS} seconds, got {json.dumps(value)[:40]}'
        )
    return float(value)


def chosen_languages(option, served):
    """The languages of `?lang=fr,en` as a frozenset ("en": the English as posted), each one
    served; None without the parameter (every language)."""
    if option is None:
        return None
    codes = [code.strip() for code in option.split(",")]
    if not any(codes):
        raise LineError(400, "lang= is empty; ask for languages such as lang=fr,en")
    known = ["en", *served]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise LineError(
            400,
            f"lang={unknown[0][:20]!r} is not served here; ask for some of {','.join(known)}",
        )
    return frozenset(codes)


def bounded_int(digits):
    """JSON integers of at most 100 digits (Python's own limit, 4,300, is a ValueError with
    a long message; no field here needs more than a few)."""
    if len(digits.lstrip("-")) > 100:
        raise ValueError(f"a number of {len(digits)} characters")
    return int(digits)


def no_constant(name):
    raise ValueError(f"{name} is not JSON")


async def line_error(request, exc):
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def http_error(request, exc):
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


class EventStream(Response):
    """One viewer's SSE response: a `reset` if its Last-Event-ID was of another game record,
    the log from `start`, then live events until the viewer leaves, is dropped (it stopped
    reading: the log found it too far behind, or one send stayed blocked for `send_timeout`
    seconds), or the server stops (the log closes). A dropped viewer's connection is reset at
    once (see connections.py); it resumes with its Last-Event-ID."""

    def __init__(self, log, start, reset, partial, guard, send_timeout, langs=None):
        self.log, self.start, self.reset, self.partial = log, start, reset, partial
        self.guard, self.send_timeout, self.langs = guard, send_timeout, langs

    async def __call__(self, scope, receive, send):
        viewer = self.log.subscribe(self.start, self.langs)
        if self.partial:
            self.log.want_partials(viewer)
        sender = asyncio.ensure_future(self.send_events(viewer, send))
        viewer.on_drop = sender.cancel  # a sender blocked on a full socket cannot check its lag
        listener = asyncio.ensure_future(until_disconnect(receive))
        try:
            await asyncio.wait({sender, listener}, return_when=asyncio.FIRST_COMPLETED)
            if sender.done() and not sender.cancelled() and sender.exception() is not None:
                if not isinstance(sender.exception(), asyncio.TimeoutError):
                    raise sender.exception()
                viewer.dropped = True  # a send stayed blocked: it stopped reading
                self.log.dropped_count += 1
        finally:
            sender.cancel()
            listener.cancel()
            self.log.unsubscribe(viewer)
        if viewer.dropped:
            self.guard.abort(scope.get("client"))
            logger.info("reset the connection of a viewer that stopped reading")

    async def send_events(self, viewer, send):
        headers = [
            (b"content-type", b"text/event-stream; charset=utf-8"),
            (b"cache-control", b"no-cache"),
            (b"x-accel-buffering", b"no"),  # proxies such as nginx must not buffer a stream
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        opening = f"retry: {RECONNECT_MS}\n\n".encode()
        await self.body(send, opening + (encode_reset(self.log.epoch) if self.reset else b""))
        while not self.log.closed:
            chunk = self.log.take(viewer)
            if not chunk and self.log.finished:  # the game is over and all of it was sent
                await asyncio.wait_for(
                    self.body(send, encode_closed(self.log.epoch)), self.send_timeout
                )
                break
            if not chunk:
                await self.log.wait(viewer)
                chunk = self.log.take(viewer) or (b"" if self.log.finished else b": keepalive\n\n")
            if chunk:
                await asyncio.wait_for(self.body(send, chunk), self.send_timeout)
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    @staticmethod
    async def body(send, chunk):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})


async def follow(games):
    """Keep up with the games other servers open and close on a shared record."""
    while True:
        await asyncio.sleep(SYNC_SECONDS)
        try:
            await games.sync()
        except Exception as exc:  # the broker away for a moment: try again
            logger.warning("could not read the games from the broker: %.200s", exc)


async def beat(games, seconds):
    while True:
        await asyncio.sleep(seconds)
        for game in games.loaded():
            game.log.heartbeat()


async def until_disconnect(receive):
    while (await receive())["type"] != "http.disconnect":
        pass

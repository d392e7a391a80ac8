"""The HTTP contract of `rnnkit serve`, as a Starlette application.

    POST /api/lines      Authorization: Bearer TOKEN; {"text": "..."} (application/json) or
                         the line itself (text/plain), UTF-8 -> 202 {"line": N};
                         {"text": "...", "partial": true} appends words to the open line N
                         (opening it), and the next post without "partial" closes it (its
                         text, which may then be empty, ends the line)
    GET  /api/stream     Server-Sent Events: `id: EPOCH-k` (k = 0, 1, ...; an opaque string
                         to a client) and `data: {"line": N, "lang": "fr", "text": "..."}`;
                         English is "en"; Last-Event-ID resumes after that event, no header
                         gives the game so far, then live; an id of another server run gets
                         `event: reset` and then the game from its start; with ?partial=1
                         also `event: partial` events without an id, the running translation
                         of the open line (same data; the latest only); ?lang=fr,en sends
                         those languages only (ids stay the game's: a resume is exact)
    GET  /api/languages  {"source": "en", "languages": [...], "lines": N}
    GET  /captions/LANG.vtt  the game so far in LANG ("en" too) as WebVTT (captions.py)
    GET  /metrics        Prometheus's text format (metrics.py: lines, latency, queue, viewers)
    GET  /healthz        200 {"status": "ok", ...} while lines are translated; 503 if not
    GET  /               the page (static files under /static/)

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
import traceback
from contextlib import asynccontextmanager
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from rnnkit.serve.captions import webvtt
from rnnkit.serve.connections import ConnectionGuard, address_key, quiet_accept_errors
from rnnkit.serve.events import BadEventId, EventLog, encode_reset
from rnnkit.serve.metrics import Metrics
from rnnkit.serve.pipeline import LineError, LinePipeline, play
from rnnkit.serve.tokens import TokenGate

STATIC = Path(__file__).parent / "static"
MAX_MEDIA_SECONDS = 7 * 24 * 3600  # a line's "t": a broadcast of at most a week
MAX_BODY = 16 * 1024  # bytes: 1,000 characters even as JSON \uXXXX escapes fit
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
    epoch=None,
    min_confidence=None,
    store=None,
):
    """The application serving `translator` into `languages` (codes it knows).

    max_pending: lines waiting for translation before posts get 429; max_behind: events a
    viewer may fall behind before it is dropped; heartbeat: seconds between SSE comments on
    an idle stream; script: lines played into the game, one every `interval` seconds;
    send_timeout: seconds a stream's send may stay blocked (the viewer stopped reading)
    before its connection is reset; body_seconds: longest wait for a post's body; guard:
    the ConnectionGuard of its connections (default limits if not given); epoch: the game
    record's name in event ids (new if not given; a store's own if `store`); min_confidence: a
    translation less confident than this is withheld (the English is sent, marked so);
    store: the durable game record (store.Store; the app closes it when it stops), None
    to keep the game in memory only.
    """
    log = EventLog(max_behind, epoch, store)
    pipeline = LinePipeline(
        translator, languages, log, beam, max_pending, min_confidence=min_confidence
    )
    gate = TokenGate(token)
    guard = guard or ConnectionGuard()
    pipeline.metrics = metrics = Metrics(log, pipeline)

    @asynccontextmanager
    async def lifespan(app):
        quiet_accept_errors(asyncio.get_running_loop())
        pipeline.start()
        tasks = [asyncio.create_task(beat(log, heartbeat))]
        if script:
            tasks.append(asyncio.create_task(play(pipeline, script, interval)))
        yield
        log.close()
        for task in tasks:
            task.cancel()
        await pipeline.stop()  # the line in translation is finished and committed
        if store is not None:
            store.close()

    async def post_line(request):
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
        text, partial, media = parse_line(
            request.headers.get("content-type", ""), await read_body(request, body_seconds)
        )
        number = pipeline.submit(text, partial, media)
        return JSONResponse({"line": number}, status_code=202)

    async def stream(request):
        if len(log.viewers) >= max_viewers:
            raise LineError(503, f"{max_viewers} viewers are connected; try again later")
        try:
            start, reset = log.resume_point(request.headers.get("last-event-id"))
        except BadEventId as exc:
            raise LineError(400, str(exc)) from None
        partial = request.query_params.get("partial", "0")
        if partial not in ("0", "1"):
            raise LineError(400, f"partial={partial[:20]!r}: ask with partial=1 (or leave it out)")
        langs = chosen_languages(request.query_params.get("lang"), pipeline.languages)
        return EventStream(log, start, reset, partial == "1", guard, send_timeout, langs)

    async def languages_info(request):
        return JSONResponse(
            {"source": "en", "languages": pipeline.languages, "lines": pipeline.lines}
        )

    async def captions(request):
        lang = request.path_params["lang"]
        if lang not in ("en", *pipeline.languages):
            raise LineError(
                404,
                f"no captions in {lang[:20]!r}; this game has en,{','.join(pipeline.languages)}",
            )
        # the game goes on: a player asks again; a broadcaster's player on another site may
        # read them (public, read-only: any origin, no credentials)
        headers = {"Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"}
        return Response(webvtt(log, lang), media_type="text/vtt", headers=headers)

    async def metrics_page(request):
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    async def health(request):
        alive = pipeline.running() and not log.closed
        body = {
            "status": "ok" if alive else "the translation worker is not running",
            "game": log.epoch,
            "lines": pipeline.lines,
            "waiting": pipeline.waiting(),
            "viewers": len(log.viewers),
        }
        return JSONResponse(body, status_code=200 if alive else 503)

    async def page(request):
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/api/lines", post_line, methods=["POST"]),
            Route("/api/stream", stream),
            Route("/api/languages", languages_info),
            Route("/captions/{lang}.vtt", captions),
            Route("/metrics", metrics_page),
            Route("/healthz", health),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={LineError: line_error, HTTPException: http_error},
    )
    app.state.log, app.state.pipeline, app.state.guard = log, pipeline, guard
    return Guarded(app)


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


async def read_body(request, seconds):
    """The request body, refused with 413 past MAX_BODY bytes (without reading it all) and
    with 408 if it has not arrived within `seconds`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and (len(declared) > 9 or int(declared) > MAX_BODY):
        raise LineError(413, f"the body is over {MAX_BODY} bytes; send one line per post")
    body = bytearray()

    async def receive_all():
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_BODY:
                raise LineError(413, f"the body exceeds {MAX_BODY} bytes; send one line per post")

    try:
        await asyncio.wait_for(receive_all(), seconds)
    except asyncio.TimeoutError:
        raise LineError(408, f"the body did not arrive within {seconds:g} s") from None
    return bytes(body)


def parse_line(content_type, body):
    """(text, partial, media time) from a JSON {"text": ..., "partial": bool, "t": seconds}
    or a text/plain body (UTF-8 only; a plain body is never partial and has no time)."""
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    charset = params.strip().lower().removeprefix("charset=").strip('"') if params else "utf-8"
    if media not in ("application/json", "text/plain"):
        raise LineError(
            415,
            f"Content-Type {media[:60] or '(none)'} is not accepted; send application/json "
            '{"text": "..."} or text/plain',
        )
    if charset not in ("utf-8", "utf8"):
        raise LineError(415, f"charset {charset[:40]} is not accepted; send UTF-8")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineError(
            400, f"the body is not valid UTF-8 (byte {exc.start + 1}); send UTF-8"
        ) from None
    if media == "text/plain":
        return text, False, None
    try:
        value = json.loads(text, parse_int=bounded_int, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise LineError(400, f'the body is not JSON ({exc}); send {{"text": "..."}}') from None
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise LineError(400, f'the JSON is refused ({reason}); send {{"text": "..."}}') from None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise LineError(422, 'the JSON body must be an object {"text": "..."} with a string text')
    partial = value.get("partial", False)
    if not isinstance(partial, bool):
        raise LineError(422, f'"partial" must be true or false, got {json.dumps(partial)[:40]}')
    return value["text"], partial, media_time(value.get("t"))


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
            if not chunk:
                await self.log.wait(viewer)
                chunk = self.log.take(viewer) or b": keepalive\n\n"
            await asyncio.wait_for(self.body(send, chunk), self.send_timeout)
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    @staticmethod
    async def body(send, chunk):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})


async def beat(log, seconds):
    while True:
        await asyncio.sleep(seconds)
        log.heartbeat()


async def until_disconnect(receive):
    while (await receive())["type"] != "http.disconnect":
        pass

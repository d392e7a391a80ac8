"""The HTTP contract of `rnnkit serve`, as a Starlette application.

    POST /api/lines      Authorization: Bearer TOKEN; {"text": "..."} (application/json) or
                         the line itself (text/plain), UTF-8 -> 202 {"line": N};
                         {"text": "...", "partial": true} appends words to the open line N
                         (opening it), and the next post without "partial" closes it (its
                         text, which may then be empty, ends the line)
    GET  /api/stream     Server-Sent Events: `id: k` (0, 1, ...) and `data: {"line": N,
                         "lang": "fr", "text": "..."}`; English is "en"; Last-Event-ID: k
                         resumes after event k, no header gives the game so far, then live;
                         with ?partial=1 also `event: partial` events without an id, the
                         running translation of the open line (same data; the latest only)
    GET  /api/languages  {"source": "en", "languages": [...], "lines": N}
    GET  /               the page (static files under /static/)

Every refusal is a 4xx with a JSON body {"error": "one line saying what to do"}.
"""

import asyncio
import hmac
import json
import logging
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from rnnkit.serve.events import EventLog
from rnnkit.serve.lines import LineError, LinePipeline, play

STATIC = Path(__file__).parent / "static"
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
):
    """The application serving `translator` into `languages` (codes it knows).

    max_pending: lines waiting for translation before posts get 429; max_behind: events a
    viewer may fall behind before it is dropped; heartbeat: seconds between SSE comments on
    an idle stream; script: lines played into the game, one every `interval` seconds.
    """
    log = EventLog(max_behind)
    pipeline = LinePipeline(translator, languages, log, beam=beam, max_pending=max_pending)
    expected = token.encode()

    @asynccontextmanager
    async def lifespan(app):
        tasks = [asyncio.create_task(pipeline.run()), asyncio.create_task(beat(log, heartbeat))]
        if script:
            tasks.append(asyncio.create_task(play(pipeline, script, interval)))
        yield
        log.close()
        for task in tasks:
            task.cancel()
        await pipeline.close()

    async def post_line(request):
        given = request.headers.get("authorization")
        if given is None:
            raise LineError(
                401,
                "no Authorization header; send 'Authorization: Bearer TOKEN' with the "
                "publishing token the server printed at start",
                {"WWW-Authenticate": "Bearer"},
            )
        scheme, _, credentials = given.strip().partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            credentials.strip().encode("utf-8", "replace"), expected
        ):
            raise LineError(
                401, "wrong publishing token", {"WWW-Authenticate": 'Bearer error="invalid_token"'}
            )
        text, partial = parse_line(
            request.headers.get("content-type", ""), await read_body(request)
        )
        return JSONResponse({"line": pipeline.submit(text, partial)}, status_code=202)

    async def stream(request):
        if len(log.viewers) >= max_viewers:
            raise LineError(503, f"{max_viewers} viewers are connected; try again later")
        after = parse_last_event_id(request.headers.get("last-event-id"), len(log))
        partial = request.query_params.get("partial", "0")
        if partial not in ("0", "1"):
            raise LineError(400, f"partial={partial[:20]!r}: ask with partial=1 (or leave it out)")
        return EventStream(log, after, partial == "1")

    async def languages_info(request):
        return JSONResponse(
            {"source": "en", "languages": pipeline.languages, "lines": pipeline.lines}
        )

    async def page(request):
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/api/lines", post_line, methods=["POST"]),
            Route("/api/stream", stream),
            Route("/api/languages", languages_info),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={LineError: line_error, HTTPException: http_error},
    )
    app.state.log, app.state.pipeline = log, pipeline
    return app


async def read_body(request):
    """The request body, refused with 413 past MAX_BODY bytes (without reading it all)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise LineError(413, f"the body has {declared} bytes; one line needs at most {MAX_BODY}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise LineError(413, f"the body exceeds {MAX_BODY} bytes; send one line per post")
    return bytes(body)


def parse_line(content_type, body):
    """(text, partial) from a JSON {"text": ..., "partial": bool} or a text/plain body (UTF-8
    only; a plain body is never partial)."""
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    charset = params.strip().lower().removeprefix("charset=").strip('"') if params else "utf-8"
    if media not in ("application/json", "text/plain"):
        raise LineError(
            415,
            f"Content-Type {media or '(none)'} is not accepted; send application/json "
            '{"text": "..."} or text/plain',
        )
    if charset not in ("utf-8", "utf8"):
        raise LineError(415, f"charset {charset} is not accepted; send UTF-8")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineError(
            400, f"the body is not valid UTF-8 (byte {exc.start + 1}); send UTF-8"
        ) from None
    if media == "text/plain":
        return text, False
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(400, f'the body is not JSON ({exc}); send {{"text": "..."}}') from None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        raise LineError(422, 'the JSON body must be an object {"text": "..."} with a string text')
    partial = value.get("partial", False)
    if not isinstance(partial, bool):
        raise LineError(422, f'"partial" must be true or false, got {json.dumps(partial)[:40]}')
    return value["text"], partial


def parse_last_event_id(header, count):
    """The event id a viewer resumes after (None: from the start); 400 if it cannot be."""
    if header is None or header.strip() == "":
        return None
    header = header.strip()
    if not header.isdigit() or not header.isascii():
        raise LineError(400, f"Last-Event-ID {header[:40]!r} is not an event id of this server")
    after = int(header)
    if after >= count:
        raise LineError(
            400,
            f"Last-Event-ID {after} is beyond this game's last event ({count - 1}); the server "
            "restarted: reconnect without Last-Event-ID",
        )
    return after


async def line_error(request, exc):
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def http_error(request, exc):
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


class EventStream(Response):
    """One viewer's SSE response: the log from `after` + 1, then live events until the viewer
    leaves, is dropped for falling behind, or the server stops (the log closes)."""

    def __init__(self, log, after, partial=False):
        self.log, self.after, self.partial = log, after, partial

    async def __call__(self, scope, receive, send):
        viewer = self.log.subscribe(self.after)
        if self.partial:
            self.log.want_partials(viewer)
        sender = asyncio.ensure_future(self.send_events(viewer, send))
        viewer.on_drop = sender.cancel  # a sender blocked on a full socket cannot check its lag
        listener = asyncio.ensure_future(until_disconnect(receive))
        try:
            await asyncio.wait({sender, listener}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sender.cancel()
            listener.cancel()
            self.log.unsubscribe(viewer)
        if viewer.dropped:
            logger.info("dropped a viewer %d events behind", len(self.log) - viewer.cursor)

    async def send_events(self, viewer, send):
        headers = [
            (b"content-type", b"text/event-stream; charset=utf-8"),
            (b"cache-control", b"no-cache"),
            (b"x-accel-buffering", b"no"),  # proxies such as nginx must not buffer a stream
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await self.body(send, f"retry: {RECONNECT_MS}\n\n".encode())
        while not self.log.closed:
            chunk = self.log.take(viewer)
            if not chunk:
                await self.log.wait(viewer)
                chunk = self.log.take(viewer) or b": keepalive\n\n"
            await self.body(send, chunk)
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

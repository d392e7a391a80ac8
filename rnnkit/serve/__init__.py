"""`rnnkit serve`: live commentary in, every language out to every viewer, in the browser.

    games.py    the games: each an event log and a pipeline, the current one, open and close
    pipeline.py a game's bounded queue of posted lines, translated on the one shared thread
    events.py   a game's event log (events as data, each rendered once) and its viewers
    store.py    the durable record of the games (SQLite, WAL): committed before acknowledged
    captions.py the game for video players: WebVTT, and HLS playlists of WebVTT segments
    metrics.py  GET /metrics for Prometheus: lines, latency, queue, viewers, events
    app.py      the HTTP contract: lines, games, the stream (SSE), captions, the pages
    tokens.py   the publishing token: its rules, and wrong guesses slowed per address
    connections.py  every TCP connection: caps, the publisher's reserve, header timeout, reset
    server.py   the listening socket and uvicorn (rate-limited logs), with a shutdown that
                ends open streams
    static/     the page: plain HTML, CSS and JavaScript, no build step, no CDN

Why Starlette on uvicorn: Starlette is small and the standard ASGI toolkit, and it streams
responses natively, which is all Server-Sent Events need; uvicorn is the standard ASGI
server. FastAPI would add a request-validation layer that three routes do not need: each
body here is one line of text, checked by hand with a message that says what to do.
"""

import importlib

_WHERE = {
    "create_app": "app",
    "ConnectionGuard": "connections",
    "bind": "server",
    "make_server": "server",
}
__all__ = sorted(_WHERE)


def __getattr__(name):
    """The names above, imported when first used: they bring starlette and uvicorn, which
    `rnnkit --help` or `rnnkit.serve.tokens` do not need."""
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)

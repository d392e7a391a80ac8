"""`rnnkit serve`: live commentary in, every language out to every viewer, in the browser.

    lines.py    the bounded queue of posted lines and the one thread that translates them
    events.py   the game's event log (every event encoded once) and the viewers reading it
    app.py      the HTTP contract: POST /api/lines, GET /api/stream (SSE), GET / (the page)
    server.py   the listening socket and uvicorn, with a shutdown that ends open streams
    static/     the page: plain HTML, CSS and JavaScript, no build step, no CDN

Why Starlette on uvicorn: Starlette is small and the standard ASGI toolkit, and it streams
responses natively, which is all Server-Sent Events need; uvicorn is the standard ASGI
server. FastAPI would add a request-validation layer that three routes do not need: each
body here is one line of text, checked by hand with a message that says what to do.
"""

from rnnkit.serve.app import create_app
from rnnkit.serve.server import bind, make_server

__all__ = ["bind", "create_app", "make_server"]

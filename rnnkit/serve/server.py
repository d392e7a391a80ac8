"""Running the application on uvicorn: the listening socket, and a shutdown that ends streams.

uvicorn stops on SIGINT/SIGTERM by waiting for open responses to finish; an SSE stream never
finishes by itself, so `Server.shutdown` first closes the games' event logs, which ends every stream
(each sends its last chunk and returns). A viewer whose socket is full cannot take even that;
`timeout_graceful_shutdown` bounds the wait for it.

Every connection goes through the app's ConnectionGuard (connections.py), and the server's
log lines are rate-limited (`RateLimit`): a client that provokes the same warning in a loop
gets it written once every few seconds, with a count, not once per try.
"""

import errno
import logging
import socket
import time

import uvicorn

from rnnkit.errors import RnnkitError

GRACE_SECONDS = 3  # longest wait for a stream that cannot end cleanly


class Server(uvicorn.Server):
    def __init__(self, config, games):
        super().__init__(config)
        self.games = games

    async def shutdown(self, *args, **kwargs):
        self.games.close_streams()
        await super().shutdown(*args, **kwargs)


class _DroppedViewerFilter(logging.Filter):
    """uvicorn reports a response that ends before its last chunk as an error; for a viewer
    dropped on purpose (a reset connection) that is the intended outcome, logged by us."""

    def filter(self, record):
        return "returned without completing response" not in record.getMessage()


class RateLimit(logging.Filter):
    """At most one record per message template every `seconds`; the next one written says how
    many were held back meanwhile."""

    def __init__(self, seconds=10.0, clock=time.monotonic):
        super().__init__()
        self.seconds, self.clock = seconds, clock
        self.last = {}  # template -> (time written, records held back since)

    def filter(self, record):
        key = (record.name, str(record.msg)[:200])
        now = self.clock()
        written, held = self.last.get(key, (float("-inf"), 0))
        if now - written < self.seconds:
            self.last[key] = (written, held + 1)
            return False
        if len(self.last) > 1000:  # templates are few; a flood of distinct ones is forgotten
            self.last.clear()
        self.last[key] = (now, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like it in the last {now - written:.0f} s)"
        return True


def quiet_logs(seconds=10.0):
    """Rate-limit the server's loggers (uvicorn's, asyncio's and rnnkit.serve)."""
    limit = RateLimit(seconds)
    for name in ("uvicorn.error", "asyncio", "rnnkit.serve"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RateLimit) for f in logger.filters):
            logger.addFilter(limit)
    logging.getLogger("uvicorn.error").addFilter(_DroppedViewerFilter())


def bind(host, port):
    """A listening TCP socket on host:port (port 0: any free port), or one line saying why not."""
    if not 0 <= port <= 65535:
        raise RnnkitError(f"--port must be between 0 and 65535, got {port}")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise RnnkitError(
            f"--host {host}: not an address of this machine ({exc.strerror})"
        ) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRNOTAVAIL:
            raise RnnkitError(
                f"cannot listen on {host}: {host} is not an address of this machine; use "
                "127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one of its own"
            ) from None
        hint = "choose another --port (0 picks a free one)"
        raise RnnkitError(f"cannot listen on {host}:{port} ({exc.strerror}); {hint}") from None
    sock.listen(2048)  # 500 viewers may connect at once
    sock.set_inheritable(True)
    return sock


def make_server(app, log_level="warning"):
    """A uvicorn Server for `app` (made by create_app); call .run(sockets=[sock])."""
    config = uvicorn.Config(
        app,
        http=app.state.guard.protocol_class(),
        log_level=log_level,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=GRACE_SECONDS,
        backlog=app.state.guard.backlog,
    )
    quiet_logs()
    return Server(config, app.state.games)

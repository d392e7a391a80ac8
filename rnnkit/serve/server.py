"""Running the application on uvicorn: the listening socket, and a shutdown that ends streams.

uvicorn stops on SIGINT/SIGTERM by waiting for open responses to finish; an SSE stream never
finishes by itself, so `Server.shutdown` first closes the event log, which ends every stream
(each sends its last chunk and returns). A viewer whose socket is full cannot take even that;
`timeout_graceful_shutdown` bounds the wait for it.
"""

import logging
import socket

import uvicorn

from rnnkit.errors import RnnkitError

GRACE_SECONDS = 3  # longest wait for a stream that cannot end cleanly


class Server(uvicorn.Server):
    def __init__(self, config, log):
        super().__init__(config)
        self.log = log

    async def shutdown(self, *args, **kwargs):
        self.log.close()
        await super().shutdown(*args, **kwargs)


class _DroppedViewerFilter(logging.Filter):
    """uvicorn reports a response that ends before its last chunk as an error; for a viewer
    dropped on purpose (`EventLog.drop`) that is the intended outcome, logged by us."""

    def filter(self, record):
        return "returned without completing response" not in record.getMessage()


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
        hint = "choose another --port (0 picks a free one)"
        raise RnnkitError(f"cannot listen on {host}:{port} ({exc.strerror}); {hint}") from None
    sock.listen(2048)  # 500 viewers may connect at once
    sock.set_inheritable(True)
    return sock


def make_server(app, log_level="warning"):
    """A uvicorn Server for `app` (made by create_app); call .run(sockets=[sock])."""
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=GRACE_SECONDS,
        backlog=2048,
    )
    logging.getLogger("uvicorn.error").addFilter(_DroppedViewerFilter())
    return Server(config, app.state.log)

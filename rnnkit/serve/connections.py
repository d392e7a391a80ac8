"""The server's side of every TCP connection: how many, from whom, and for how long.

A public server meets clients that never finish a request (slowloris), open connections
until the process runs out of file descriptors, or stop reading a stream. uvicorn's HTTP
protocol handles none of that, so `GuardedProtocol` (uvicorn's h11 protocol with a
`ConnectionGuard`) adds, per connection:

* caps: at most `per_address` open connections from one client address and
  `max_connections` in all; past a cap the connection gets a 503 with a one-line reason and
  is closed at once. The cap stays below the open-file limit with room for a burst: the
  event loop accepts up to `backlog` waiting connections at once before any is checked, so
  the cap, the backlog and a margin for the process's own files fit in the limit;
* a reserve for the publisher: the last `reserve` connections below `max_connections` are
  kept for addresses that have published with the right token (`trust`), so viewers and
  idle sockets that take every other slot cannot keep the commentary out;
* a header timeout: a request head (the request line and headers) that has not arrived
  within `header_seconds` of the connection opening, or of the previous response ending,
  gets a 408 and the connection is closed;
* an abortive close (`abort`): a stream the app gives up on (a viewer that stopped reading)
  is reset at once, its unsent bytes discarded, instead of being closed politely, which
  would wait for the client to take them.
"""

import ipaddress
import logging
import resource
import socket
import struct
import time
from collections import Counter

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

FD_MARGIN = 64  # descriptors kept for everything but client connections (files, pipes)
# The kernel's send buffer per connection (it doubles the figure): fixed, not autotuned up
# to megabytes, so that a viewer that stops reading blocks the stream's sends after a few
# hundred kilobytes, which the stream notices (send_timeout), instead of the kernel holding
# megabytes for it. Ample for commentary: a game is under a megabyte.
SEND_BUFFER = 32 * 1024
WRITE_BUFFER = 32 * 1024  # bytes queued in the process before a send waits for the socket
logger = logging.getLogger("rnnkit.serve")


def address_key(client):
    """Whom a connection counts against: its IPv4 address, or the /64 network of an IPv6 one
    (one host is given a whole /64, so its addresses are one client's)."""
    host = client[0] if client else "?"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 4:
        return host
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


def open_file_limit():
    """The soft limit on open files, raised to the hard limit first (as nginx's
    worker_rlimit_nofile does): connections, not the default of 1,024, should bound a
    server."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return soft


class ConnectionGuard:
    """The open connections of one server, by client address, and the limits on them."""

    def __init__(self, max_connections=10000, per_address=256, reserve=16, header_seconds=10.0):
        files = open_file_limit()
        self.backlog = max(16, min(2048, files // 4))  # the listen queue, and the accept burst
        fd_cap = files - FD_MARGIN - self.backlog
        self.max_connections = max(2, min(max_connections, fd_cap))
        self.per_address = per_address
        self.reserve = min(reserve, self.max_connections - 1)
        self.header_seconds = header_seconds
        self.by_address = Counter()
        self.by_client = {}  # (host, port) -> the connection's protocol
        self.trusted = {}  # address -> when it last published with the right token
        self.refused = Counter()  # reason -> connections refused

    def admit(self, protocol):
        """None if `protocol`'s connection may stay, else the reason it may not (503)."""
        host = address_key(protocol.client)
        limit = self.max_connections
        if host not in self.trusted:
            limit -= self.reserve  # the rest is the publisher's
        if self.by_address[host] >= self.per_address:
            self.refused["per-address"] += 1
            return f"{self.per_address} connections from {host} are open; close some first"
        if len(self.by_client) >= limit:
            self.refused["full"] += 1
            return "the server is at its connection limit; try again later"
        self.by_address[host] += 1
        self.by_client[protocol.client] = protocol
        return None

    def trust(self, client):
        """`client`'s address published with the right token: it may use the reserve."""
        self.trusted[address_key(client)] = time.monotonic()
        if len(self.trusted) > 64:  # publishers are few: keep the most recent
            del self.trusted[min(self.trusted, key=self.trusted.get)]

    def release(self, protocol):
        if self.by_client.get(protocol.client) is protocol:
            del self.by_client[protocol.client]
            host = address_key(protocol.client)
            self.by_address[host] -= 1
            if self.by_address[host] <= 0:
                del self.by_address[host]

    def abort(self, client):
        """Reset the connection of `client` now (an RST), discarding what it has not taken,
        in our buffers and in the kernel's: a plain close would keep the socket until the
        client took its unsent bytes, which a client that stopped reading never does."""
        protocol = self.by_client.get(tuple(client) if client else None)
        if protocol is None or protocol.transport is None or protocol.transport.is_closing():
            return
        sock = protocol.transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
        protocol.transport.abort()

    def protocol_class(self):
        """uvicorn's `http` setting: GuardedProtocol bound to this guard."""
        return type("GuardedProtocol", (GuardedProtocol,), {"guard": self})


def quiet_accept_errors(loop, every=60.0):
    """Make `loop` report a failed accept() (the open-file limit reached: the kernel keeps the
    connection waiting and asyncio retries a second later) in one line a minute, instead of
    a traceback per try; other errors go to the loop's own handler."""
    default = loop.get_exception_handler() or (
        lambda loop, context: loop.default_exception_handler(context)
    )
    last = [float("-inf"), 0]  # when the last line was written, failures since

    def handler(loop, context):
        if "accept" not in context.get("message", ""):
            default(loop, context)
            return
        last[1] += 1
        if time.monotonic() - last[0] >= every:
            logger.warning(
                "cannot accept connections (%s); %d failed tries since the last report; "
                "raise the open-file limit (ulimit -n) or lower --max-connections",
                context.get("exception", "no resources"),
                last[1],
            )
            last[0], last[1] = time.monotonic(), 0

    loop.set_exception_handler(handler)


def plain_response(status, reason, message):
    """A whole HTTP/1.1 response with a JSON error body, for a connection we close."""
    body = b'{"error": "' + message.encode("ascii", "replace").replace(b'"', b"'") + b'"}'
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


class GuardedProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol under a ConnectionGuard (see the module's docstring)."""

    guard = None  # the ConnectionGuard (set by ConnectionGuard.protocol_class)
    header_timer = None
    admitted = False

    def connection_made(self, transport):
        super().connection_made(transport)
        refusal = self.guard.admit(self)
        if refusal is not None:
            transport.write(plain_response(503, "Service Unavailable", refusal))
            transport.close()
            return
        self.admitted = True
        transport.set_write_buffer_limits(high=WRITE_BUFFER)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
            except OSError:
                pass
        self.start_header_timer()

    def connection_lost(self, exc):
        self.stop_header_timer()
        if self.admitted:
            self.guard.release(self)
        super().connection_lost(exc)

    def data_received(self, data):
        if not self.admitted:
            return
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a whole request head has arrived
            self.stop_header_timer()

    def on_response_complete(self):
        super().on_response_complete()
        if not self.transport.is_closing():  # kept alive: the next head has its own limit
            self.start_header_timer()

    def start_header_timer(self):
        self.stop_header_timer()
        self.header_timer = self.loop.call_later(self.guard.header_seconds, self.header_timeout)

    def stop_header_timer(self):
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def header_timeout(self):
        self.header_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        self.guard.refused["header-timeout"] += 1
        message = "the request head did not arrive in time"
        self.transport.write(plain_response(408, "Request Timeout", message))
        self.transport.close()

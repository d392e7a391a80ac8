"""`rnnkit serve` under attack: hostile clients against a live server, and what they cost an
honest viewer and an honest publisher.

The server runs as its own process (`python -m rnnkit serve --port 0`, the real command) on
loopback, and every attack uses real sockets from its own loopback address (127.0.0.2,
127.0.0.3, ...; the honest pair uses 127.0.0.1), so that the connections the server holds for
an attack can be counted from its side (its sockets in /proc/PID/fd matched against
/proc/net/tcp). Throughout, an honest viewer reads /api/stream as a browser's EventSource does
(reconnecting with Last-Event-ID; a `reset` event, or a refused reconnection, starts it over
from the game's first event) and an honest publisher posts one line a second, each on a new
connection as curl would, timing each response.

One row per attack: what the server answered; the lines it wrote to stderr during the attack
and how many were tracebacks (with the exception types); its resident memory (VmRSS) and open
file descriptors before and after; the honest viewer's lost lines (a line the publisher got
202 for, of which the viewer never received the English or some translation: counted at the
end, once the last translations had time to arrive), among the lines posted during the attack
and all lines posted so far; the publisher's post latency during the attack. The attacks
(each function's docstring says what it does): bad-text, long-last-event-id, stuck-viewers,
slowloris, fd-exhaustion, restart, wrong-tokens, translate-io, messages.

    python benchmarks/serve_hostile.py --model-dir rnnkit-demo/model
    python benchmarks/serve_hostile.py --model-dir M --rnnkit-src /tmp/rnnkit-before  # old code
    python benchmarks/serve_hostile.py --model-dir M --only bad-text,restart --csv rows.csv

Linux only (/proc, the 127.0.0.0/8 loopback addresses); about 6 minutes. The servers' stderr
files stay in the working folder it prints.
"""

import argparse
import asyncio
import csv
import errno
import json
import math
import os
import re
import resource
import secrets
import selectors
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import httpx

HONEST = "127.0.0.1"
ATTACKS = (
    "bad-text",
    "long-last-event-id",
    "stuck-viewers",
    "slowloris",
    "fd-exhaustion",
    "restart",
    "wrong-tokens",
    "translate-io",
    "messages",
)
ADDRESS = {name: f"127.0.0.{number}" for number, name in enumerate(ATTACKS, start=2)}
COLUMNS = (
    "attack",
    "what the server did",
    "server stderr during it",
    "RSS MiB before -> after",
    "open fds before -> after",
    "honest viewer: lines lost during it (so far)",
    "publisher: post latency during it",
)
TEXTS = (
    "The first quarter begins",
    "Ndiaye makes a layup with 11:38 left in the first quarter",
    "Romano commits a personal foul on Haddad",
    "Haddad finds Mensah for the layup",
    "Petrov misses a dunk",
    "Haddad grabs the defensive rebound",
    "Tremblay misses a dunk",
    "Quinlan grabs the defensive rebound",
    "Petrov misses a three-pointer",
    "Tremblay makes a three-pointer",
)
ENGLISH = "Tremblay makes a three-pointer\nHaddad grabs the defensive rebound\n"
TEMPORARY = ".rnnkit-tmp"
STREAM_HEAD = b"GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"


# --- processes ---------------------------------------------------------------------------------


def child_env(ctx, **changes):
    """The environment of an rnnkit child: --rnnkit-src first on the path, no token preset."""
    env = dict(os.environ)
    env.pop("RNNKIT_PUBLISH_TOKEN", None)
    if ctx.args.rnnkit_src:
        env["PYTHONPATH"] = str(Path(ctx.args.rnnkit_src).resolve())
    env.update(changes)
    return env


def rnnkit(*arguments):
    return [sys.executable, "-m", "rnnkit", *arguments]


def serve_options(ctx, port=0, token=None):
    options = ["--model-dir", ctx.model_dir, "--host", "127.0.0.1", "--port", str(port)]
    return options + ["--publish-token", token or ctx.token]


def start_server(ctx, name, options, env=None, nofile=None, timeout=90):
    """`rnnkit serve OPTIONS` as a child process, once it prints 'Serving ... at URL' (then
    `url`, `port` and `languages` are set) or exits (`url` is None); stderr goes to a file."""
    stderr_path = ctx.work / f"{name}.stderr"
    preexec = None
    if nofile is not None:

        def preexec():  # soft and hard, as `ulimit -n` in a shell: the server cannot raise it
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    folder = ctx.work / name  # its own working directory: its own game record (--store's
    folder.mkdir(exist_ok=True)  # default, ./rnnkit-live.db), whatever tree is measured
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            rnnkit("serve", *options),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            errors="replace",
            env=env or child_env(ctx),
            cwd=folder,  # not the repository: `python -m` would import its rnnkit first
            preexec_fn=preexec,
        )
    server = SimpleNamespace(
        name=name, process=process, pid=process.pid, stderr=stderr_path, stdout=[], url=None
    )
    server.port, server.languages, server.banner = None, [], None
    server.started = threading.Event()
    threading.Thread(target=read_stdout, args=(server,), daemon=True).start()
    server.started.wait(timeout)
    banner = next((line for line in list(server.stdout) if line.startswith("Serving")), None)
    port = banner and re.search(r"http://\S*?:(\d+)", banner)
    if port:
        server.banner, server.port = banner, int(port.group(1))
        server.url = f"http://127.0.0.1:{server.port}"
        languages = re.search(r"\(([^)]*)\)", banner)
        server.languages = languages.group(1).split(", ") if languages else []
    elif process.poll() is None:  # no address line within `timeout`: not a server to use
        process.kill()
        process.wait(10)
    return server


def read_stdout(server):
    for line in server.process.stdout:
        server.stdout.append(line.rstrip("\n"))
        if line.startswith("Serving"):
            server.started.set()
    server.started.set()


def stop_server(server, sig=signal.SIGTERM, timeout=15):
    """Signal the server and wait for it (killing it past `timeout`); the seconds it took."""
    started = time.monotonic()
    if server.process.poll() is None:
        server.process.send_signal(sig)
        try:
            server.process.wait(timeout)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(10)
    return time.monotonic() - started


def first_stderr_line(server, wait=30):
    """The first non-empty stderr line of a server that should exit, once it has."""
    try:
        server.process.wait(wait)
    except subprocess.TimeoutExpired:
        pass
    lines = [line.strip() for line in read_text(server.stderr).splitlines() if line.strip()]
    return lines[0] if lines else "(nothing on stderr)"


def read_text(path, offset=0):
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def stderr_size(server):
    try:
        return server.stderr.stat().st_size
    except OSError:
        return 0


def stderr_since(server, offset):
    """'N lines, T tracebacks (ExceptionType ×k, ...)' of the server's stderr from `offset`
    (read a line at a time: a flooded log can be hundreds of MB)."""
    try:
        with open(server.stderr, "rb") as handle:
            handle.seek(offset)
            return describe_stderr(handle)
    except OSError as exc:
        return f"unreadable: {exc}"


def describe_stderr(lines):
    """'N lines, T tracebacks (ExceptionType ×k, ...)' of lines (bytes or str)."""
    count, size, tracebacks, kinds, first = 0, 0, 0, Counter(), None
    for raw in lines:
        line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        count, size = count + 1, size + len(raw)
        if "Traceback (most recent call last)" in line:
            tracebacks += 1
        elif "Error" in line or "Exception" in line or "Exit" in line:
            match = re.match(r"([A-Za-z_][\w.]*(?:Error|Exception|Exit))\b", line)
            if match:
                kinds[match.group(1)] += 1
        if first is None and line.strip():
            first = line.strip()
    text = f"{count:,} lines" + (f" ({size / 2**20:,.0f} MiB)" if size >= 2**20 else "")
    text += f", {tracebacks:,} tracebacks"
    if kinds:
        text += " (" + ", ".join(f"{kind} ×{n:,}" for kind, n in kinds.most_common(3)) + ")"
    elif first:
        text += f" ({shorten(first, 70)})"
    return text


def shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def memory_and_fds(pid):
    """(VmRSS in MiB, open file descriptors) of a process; (None, None) once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        return rss, len(os.listdir(f"/proc/{pid}/fd"))
    except (OSError, AttributeError):
        return None, None


def figure(value, spec=".0f"):
    return "?" if value is None else format(value, spec)


def held_connections(pid, port, address):
    """How many TCP connections from `address` to `port` the process `pid` holds open: its
    own sockets (by inode) in /proc/net/tcp, whatever the client's side thinks."""
    inodes = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        table = Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return 0
    peer = socket.inet_aton(address)[::-1].hex().upper()
    local_port = f":{port:04X}"
    count = 0
    for row in table:
        fields = row.split()
        if (
            fields[1].endswith(local_port)
            and fields[2].split(":")[0] == peer
            and fields[9] in inodes
        ):
            count += 1
    return count


# --- raw sockets -------------------------------------------------------------------------------


def open_many(address, port, count, options=(), timeout=15.0):
    """`count` TCP connections from `address` to 127.0.0.1:port, connected in parallel
    (non-blocking); returns (the connected sockets, Counter of the failures)."""
    selector = selectors.DefaultSelector()
    connected, failed = [], Counter()
    for _ in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            for level, option, value in options:
                sock.setsockopt(level, option, value)
            sock.bind((address, 0))
            sock.setblocking(False)
            code = sock.connect_ex(("127.0.0.1", port))
        except OSError as exc:
            failed[errno.errorcode.get(exc.errno, str(exc))] += 1
            sock.close()
            continue
        if code in (0, errno.EINPROGRESS):
            selector.register(sock, selectors.EVENT_WRITE)
        else:
            failed[errno.errorcode.get(code, str(code))] += 1
            sock.close()
    deadline = time.monotonic() + timeout
    while selector.get_map() and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            selector.unregister(sock)
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                failed[errno.errorcode.get(code, str(code))] += 1
                sock.close()
            else:
                connected.append(sock)
    for key in list(selector.get_map().values()):
        failed["connect timed out"] += 1
        key.fileobj.close()
    selector.close()
    return connected, failed


def client_view(socks):
    """What each socket's client side sees now: open, closed (EOF) or reset by the server."""
    seen = Counter()
    for sock in socks:
        try:
            data = sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            seen["closed by the server" if data == b"" else "open"] += 1
        except BlockingIOError:
            seen["open"] += 1
        except ConnectionResetError:
            seen["reset by the server"] += 1
        except OSError as exc:
            seen[type(exc).__name__] += 1
    return seen


def close_all(socks):
    for sock in socks:
        try:
            sock.close()
        except OSError:
            pass


def counted(counter):
    return ", ".join(f"{key} ×{value}" for key, value in counter.most_common()) or "none"


# --- Server-Sent Events ------------------------------------------------------------------------


def new_buffer():
    return {"kind": "", "data": [], "id": None}


def sse_line(buffer, line):
    """Feed one line of a stream; returns the (kind, id, data) event it completes, or None.
    The id persists from event to event, as EventSource's last event ID does."""
    if not line:
        event = None
        if buffer["data"] or buffer["kind"] == "reset":
            event = (buffer["kind"] or "message", buffer["id"], "\n".join(buffer["data"]))
        buffer["kind"], buffer["data"] = "", []
        return event
    field, _, value = line.partition(":")
    value = value[1:] if value.startswith(" ") else value
    if field == "event":
        buffer["kind"] = value
    elif field == "data":
        buffer["data"].append(value)
    elif field == "id" and "\0" not in value:
        buffer["id"] = value
    elif field == "retry" and value.isdigit():
        buffer["retry"] = int(value) / 1000
    return None


def read_stream(client, url, last_id=None, want=None, seconds=5.0):
    """(status, events or the refusal's text) of GET /api/stream: its events (partial ones
    left out) until `want` data events, `seconds`, or a quiet stream (the client's timeout)."""
    headers = {"Accept": "text/event-stream"}
    if last_id is not None:
        headers["Last-Event-ID"] = last_id
    events, buffer = [], new_buffer()
    deadline = time.monotonic() + seconds
    with client.stream("GET", url + "/api/stream", headers=headers) as response:
        if response.status_code != 200:
            response.read()
            return response.status_code, response.text
        try:
            for line in response.iter_lines():
                event = sse_line(buffer, line)
                if event is not None and event[0] != "partial":
                    events.append(event)
                data = sum(kind == "message" for kind, _, _ in events)
                if (want is not None and data >= want) or time.monotonic() > deadline:
                    break
        except httpx.ReadTimeout:
            pass
    return 200, events


# --- the honest viewer and publisher -------------------------------------------------------------


def start_honest(ctx, server):
    """The honest viewer and publisher of `server`, running on the background event loop."""
    pair = SimpleNamespace(url=server.url, languages=server.languages, token=ctx.token)
    pair.posts, pair.in_flight = [], 0
    pair.seen, pair.english, pair.last_id, pair.retry = {}, {}, None, 1.0
    pair.answers, pair.errors = Counter(), Counter()
    pair.resets, pair.repeats, pair.events = 0, 0, 0
    pair.paused, pair.stop, pair.connected = threading.Event(), threading.Event(), threading.Event()
    pair.viewer = asyncio.run_coroutine_threadsafe(view(pair), ctx.loop)
    pair.publisher = asyncio.run_coroutine_threadsafe(publish(pair), ctx.loop)
    pair.connected.wait(20)
    return pair


def stop_honest(pair, settle=30):
    """Stop posting, let the viewer take the last translations (up to `settle` s), stop it."""
    pair.stop.set()
    try:
        pair.publisher.result(45)
    except Exception as exc:  # a failure of the publisher itself: reported, not fatal
        pair.errors[f"publisher {type(exc).__name__}"] += 1
    wait_until(lambda: lost_lines(pair)[0] == 0, settle, step=0.5)
    pair.viewer.cancel()


async def view(pair):
    """Read /api/stream like EventSource: reconnect after `retry:` with Last-Event-ID; on a
    refusal (a 4xx/5xx) start over from the game's start with a clean board, as the page does."""
    transport = httpx.AsyncHTTPTransport(local_address=HONEST)
    timeout = httpx.Timeout(10, read=45)  # a comment every 15 s keeps a live stream busy
    async with httpx.AsyncClient(transport=transport, timeout=timeout, trust_env=False) as client:
        while True:
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            if pair.last_id is not None:
                headers["Last-Event-ID"] = pair.last_id
            refused = False
            try:
                async with client.stream("GET", pair.url + "/api/stream", headers=headers) as r:
                    pair.answers[r.status_code] += 1
                    refused = r.status_code != 200
                    if not refused:
                        pair.connected.set()
                        await read_events(pair, r)
            except httpx.HTTPError as exc:
                pair.errors[type(exc).__name__] += 1
            if refused:
                pair.seen, pair.english, pair.last_id = {}, {}, None
                await asyncio.sleep(2)
            else:
                await asyncio.sleep(pair.retry)


async def read_events(pair, response):
    buffer = new_buffer()
    async for line in response.aiter_lines():
        event = sse_line(buffer, line)
        pair.retry = buffer.get("retry", pair.retry)
        if event is None:
            continue
        kind, event_id, data = event
        if event_id is not None:
            pair.last_id = event_id
        if kind == "reset":  # another run's id: the game again from its start
            pair.resets += 1
            pair.seen, pair.english = {}, {}
        elif kind == "message":
            try:
                value = json.loads(data)
                line_number, lang = value["line"], value["lang"]
            except (ValueError, KeyError, TypeError):
                pair.errors["event that is not the contract's"] += 1
                continue
            pair.events += 1
            langs = pair.seen.setdefault(line_number, set())
            pair.repeats += lang in langs
            langs.add(lang)
            if lang == "en":
                pair.english[line_number] = value["text"]


async def publish(pair):
    """One line a second, each post on its own connection and not waiting for the one
    before (a publisher's clock does not stop for a slow server), until `stop`."""
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=0)
    transport = httpx.AsyncHTTPTransport(local_address=HONEST, limits=limits)
    async with httpx.AsyncClient(transport=transport, timeout=30, trust_env=False) as client:
        pending, tick, number = set(), time.monotonic(), 0
        while not pair.stop.is_set():
            if not pair.paused.is_set():
                pair.in_flight += 1
                task = asyncio.create_task(post_line(client, pair, TEXTS[number % len(TEXTS)]))
                pending.add(task)
                task.add_done_callback(pending.discard)
                number += 1
            tick = max(tick + 1.0, time.monotonic())
            await asyncio.sleep(tick - time.monotonic())
        if pending:
            await asyncio.wait(pending, timeout=40)


async def post_line(client, pair, text):
    record = {"start": time.monotonic(), "end": None, "status": None, "line": None}
    pair.posts.append(record)
    try:
        response = await client.post(
            pair.url + "/api/lines",
            json={"text": text},
            headers={"Authorization": f"Bearer {pair.token}"},
        )
        record["status"] = response.status_code
        if response.status_code == 202:
            record["line"] = response.json()["line"]
    except Exception as exc:  # a timeout, a reset, a body that is not the contract's
        record["status"] = type(exc).__name__
    finally:
        record["end"] = time.monotonic()
        pair.in_flight -= 1


def lost_lines(pair, since=None, until=None):
    """(lost, posted): lines posted (202) between `since` and `until` of which the viewer has
    not received the English and every translation."""
    wanted = {"en", *pair.languages}
    seen = pair.seen
    lines = [
        post["line"]
        for post in list(pair.posts)
        if post["status"] == 202
        and (since is None or post["start"] >= since)
        and (until is None or post["start"] <= until)
    ]
    return sum(not wanted <= seen.get(line, set()) for line in lines), len(lines)


def posts_answered(pair, until, seconds=35):
    """Wait until every post started before `until` has its answer (or failed)."""
    wait_until(
        lambda: all(post["end"] is not None for post in list(pair.posts) if post["start"] <= until),
        seconds,
    )


def post_figures(pair, since, until):
    posts = [post for post in list(pair.posts) if since <= post["start"] <= until]
    done = [post for post in posts if post["end"] is not None]
    if not done:
        return "no posts"
    latencies = [(post["end"] - post["start"]) * 1000 for post in done]
    text = (
        f"max {max(latencies):,.0f} ms, p50 {statistics.median(latencies):,.0f} ms "
        f"({len(posts)} posts"
    )
    others = Counter(str(post["status"]) for post in posts if post["status"] != 202)
    return text + (f"; not 202: {counted(others)})" if others else ")")


def lost_figures(pair, since, until):
    during, so_far = lost_lines(pair, since, until), lost_lines(pair, None, until)
    return f"{during[0]} of {during[1]} ({so_far[0]} of {so_far[1]})"


def wait_until(condition, seconds, step=0.1):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)
    return True


def attack_client(address, timeout):
    """An httpx client from `address`, a new connection per request (a refused request often
    closes its connection: reusing it would measure the client, not the server)."""
    limits = httpx.Limits(max_keepalive_connections=0)
    transport = httpx.HTTPTransport(local_address=address, limits=limits)
    return httpx.Client(transport=transport, timeout=timeout, trust_env=False)


def status_of(answer):
    """An httpx response's status, or the exception's name."""
    if isinstance(answer, Exception):
        return type(answer).__name__
    return str(answer.status_code)


# --- the attacks -------------------------------------------------------------------------------


def attack_bad_text(ctx, address):
    """Posts with the right token and bad text: (a) a partial line '\\ud800' (a lone surrogate,
    as a JSON escape), then at once an honest full post that closes it (the honest publisher
    waits meanwhile); (b) a full line with a lone surrogate; (c) JSON nested 8,000 deep;
    (d) a 5,000-digit number; (e) control characters U+0007 and U+0000 in the text."""
    pair, url = ctx.honest, ctx.main.url + "/api/lines"
    headers = {"Authorization": f"Bearer {ctx.token}", "Content-Type": "application/json"}
    with attack_client(address, 15) as client:

        def post(body):
            try:
                return client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                return exc

        marker = f"Mensah closes the line {secrets.randbelow(10**6)}"
        pair.paused.set()
        try:
            wait_until(lambda: pair.in_flight == 0, 35)
            partial = post(b'{"text": "\\ud800", "partial": true}')
            closing = post(json.dumps({"text": marker}).encode())
        finally:
            pair.paused.clear()
        english = wait_until(lambda: any(marker in t for t in list(pair.english.values())), 10)
        outcome = "the honest line never arrived"
        if english:
            number = next(n for n, t in list(pair.english.items()) if marker in t)
            wanted = {"en", *pair.languages}
            whole = wait_until(lambda: wanted <= pair.seen.get(number, set()), 15)
            outcome = "the honest line arrived" + ("" if whole else " (English only)")
        parts = [f"a) partial \\ud800 {status_of(partial)}, close {status_of(closing)}: {outcome}"]
        bodies = {
            "b) lone surrogate": b'{"text": "Haddad \\ud800 scores"}',
            "c) nested 8,000 deep": b'{"text": "x", "a": ' + b"[" * 8000 + b"]" * 8000 + b"}",
            "d) 5,000 digits": b'{"text": "x", "n": ' + b"1" * 5000 + b"}",
            "e) U+0007": b'{"text": "Petrov rings the bell \\u0007"}',
            "U+0000": b'{"text": "Petrov \\u0000 misses"}',
        }
        for label, body in bodies.items():
            parts.append(f"{label} {status_of(post(body))}")
    return {"did": "; ".join(parts)}


def attack_long_last_event_id(ctx, address):
    """20 GETs of /api/stream with a Last-Event-ID of 4,301 digits, one with 4,300, no token:
    their statuses and the longest refusal body (it must not echo unbounded input)."""
    statuses = {4301: Counter(), 4300: Counter()}
    longest, streams = 0, 0
    with attack_client(address, httpx.Timeout(10, read=2)) as client:
        for digits in [4301] * 20 + [4300]:
            headers = {"Last-Event-ID": "9" * digits, "Accept": "text/event-stream"}
            try:
                with client.stream("GET", ctx.main.url + "/api/stream", headers=headers) as r:
                    size = read_some(r, limit=1 << 20, seconds=1.5)
                statuses[digits][str(r.status_code)] += 1
                if r.status_code == 200:
                    streams += 1
                else:
                    longest = max(longest, size)
            except httpx.HTTPError as exc:
                statuses[digits][type(exc).__name__] += 1
    text = (
        f"4,301 digits ×20: {counted(statuses[4301])}; 4,300 digits: {counted(statuses[4300])}; "
        f"longest refusal body {longest:,} bytes"
    )
    return {"did": text + (f"; {streams} answered with a stream" if streams else "")}


def read_some(response, limit, seconds):
    """Bytes of a response body read until `limit` bytes, `seconds`, or a quiet stream."""
    size, deadline = 0, time.monotonic() + seconds
    try:
        for chunk in response.iter_raw():
            size += len(chunk)
            if size >= limit or time.monotonic() > deadline:
                break
    except httpx.ReadTimeout:
        pass
    return size


def attack_stuck_viewers(ctx, address):
    """150 raw viewers from one address (MSS 1448, SO_RCVBUF 4096) that send the stream's GET
    and never read; every 2 s for up to --stuck-seconds: how many the server still holds, and
    its RSS. Then the clients close."""
    server = ctx.main
    options = [
        (socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1448),
        (socket.SOL_SOCKET, socket.SO_RCVBUF, 4096),
    ]
    socks, failed = open_many(address, server.port, 150, options)
    for sock in socks:
        try:
            sock.send(STREAM_HEAD)
        except OSError as exc:
            failed[f"send: {type(exc).__name__}"] += 1
    try:
        start, rss0 = time.monotonic(), memory_and_fds(server.pid)[0] or 0.0
        peak_held, peak_rss, closed_after, held = 0, rss0, None, 0
        while time.monotonic() - start < ctx.args.stuck_seconds:
            held = held_connections(server.pid, server.port, address)
            peak_held = max(peak_held, held)
            peak_rss = max(peak_rss, memory_and_fds(server.pid)[0] or 0.0)
            if held == 0:
                closed_after = time.monotonic() - start
                break
            time.sleep(2)
        clients = client_view(socks)
    finally:
        close_all(socks)
    time.sleep(3)
    after = held_connections(server.pid, server.port, address)
    if closed_after is not None:
        outcome = f"all closed by the server after {closed_after:.0f} s"
    else:
        outcome = f"still {held} open after {ctx.args.stuck_seconds:.0f} s"
    text = (
        f"{len(socks)} connected (failed: {counted(failed)}); server held up to {peak_held}; "
        f"{outcome}; peak RSS +{peak_rss - rss0:.1f} MiB; clients saw: {counted(clients)}; "
        f"3 s after the clients closed: {after} held"
    )
    return {"did": text}


def attack_slowloris(ctx, address):
    """300 connections from one address, each sending one byte of a request head every 3 s,
    never finishing it; for up to 60 s: how many the server still holds."""
    server = ctx.main
    head = b"GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200
    socks, failed = open_many(address, server.port, 300)
    send_failed = set()
    try:
        start, offset, next_byte = time.monotonic(), 0, time.monotonic()
        peak_held, closed_after, held = 0, None, len(socks)
        while time.monotonic() - start < 60:
            if time.monotonic() >= next_byte:
                for sock in socks:
                    if sock in send_failed:
                        continue
                    try:
                        sock.send(head[offset : offset + 1])
                    except OSError:
                        send_failed.add(sock)
                offset, next_byte = offset + 1, next_byte + 3
            held = held_connections(server.pid, server.port, address)
            peak_held = max(peak_held, held)
            if held == 0:
                closed_after = time.monotonic() - start
                break
            time.sleep(1)
        clients = client_view(socks)
    finally:
        close_all(socks)
    time.sleep(3)
    after = held_connections(server.pid, server.port, address)
    if closed_after is not None:
        outcome = f"all closed by the server after {closed_after:.0f} s"
    else:
        outcome = f"still {held} of {len(socks)} open after 60 s ({offset} bytes sent each)"
    return {
        "did": f"{len(socks)} connected (failed: {counted(failed)}); server held up to "
        f"{peak_held}; {outcome}; clients saw: {counted(clients)}; 3 s after the clients "
        f"closed: {after} held"
    }


def attack_fd_exhaustion(ctx, address):
    """A second server whose open-file soft limit is 1,024, with its own honest viewer and
    publisher; 1,100 idle connections (nothing sent) from one address held for 20 s."""
    server = start_server(ctx, "fd-exhaustion", serve_options(ctx), nofile=1024)
    if server.url is None:
        return {"did": f"the server did not start: {first_stderr_line(server)}"}
    pair = None
    try:
        pair = start_honest(ctx, server)
        time.sleep(3)
        offset = stderr_size(server)
        rss0, fds0 = memory_and_fds(server.pid)
        start = time.monotonic()
        socks, failed = open_many(address, server.port, 1100)
        peak_held, peak_fds = 0, fds0 or 0
        try:
            while time.monotonic() - start < 20:
                peak_held = max(peak_held, held_connections(server.pid, server.port, address))
                peak_fds = max(peak_fds, memory_and_fds(server.pid)[1] or 0)
                time.sleep(2)
            clients = client_view(socks)
        finally:
            close_all(socks)
        end = time.monotonic()
        posts_answered(pair, end)
        time.sleep(2)
        rss1, fds1 = memory_and_fds(server.pid)
        stderr = stderr_since(server, offset)
        stop_honest(pair, settle=20)
        lost = lost_lines(pair, start, end), lost_lines(pair)
        publisher = post_figures(pair, start, end)
    finally:
        if pair is not None:
            pair.stop.set()
            pair.viewer.cancel()
        stop_server(server)
    return {
        "did": f"limit 1,024 fds: {len(socks)} of 1,100 connected (failed: {counted(failed)}); "
        f"the server accepted (held) at most {peak_held}, its fds peaked at {peak_fds}; after "
        f"20 s the clients saw: {counted(clients)}",
        "stderr": stderr,
        "rss": f"{figure(rss0)} -> {figure(rss1)}",
        "fds": f"{figure(fds0)} -> {figure(fds1)}",
        "lost": f"this server's viewer: {lost[0][0]} of {lost[0][1]} ({lost[1][0]} of "
        f"{lost[1][1]} in its run)",
        "publisher": f"this server's publisher: {publisher}",
    }


def attack_restart(ctx, address):
    """A server whose game has at least 31 events: the id of the 31st event a viewer got;
    SIGTERM; a new server on the same port; 2 lines posted; then that old id as Last-Event-ID.
    Then more lines (the new game past 31 events) and the old id again."""
    auth = {"Authorization": f"Bearer {ctx.token}"}
    with attack_client(address, httpx.Timeout(10, read=4)) as client:
        first = start_server(ctx, "restart-1", serve_options(ctx))
        if first.url is None:
            return {"did": f"the server did not start: {first_stderr_line(first)}"}
        per_line = len(first.languages) + 1
        try:
            for text in TEXTS[: max(2, math.ceil(31 / per_line))]:
                client.post(first.url + "/api/lines", json={"text": text}, headers=auth)
            status, events = read_stream(client, first.url, want=31, seconds=60)
            data = [event for event in events if event[0] == "message"]
            if status != 200 or len(data) < 31:
                return {"did": f"the first server gave {status}, {len(data)} events, not 31"}
            old_id = data[30][1]
            rss_old, fds_old = memory_and_fds(first.pid)
        finally:
            stopped = stop_server(first)
        second = start_server(ctx, "restart-2", serve_options(ctx, port=first.port))
        if second.url is None:
            return {"did": f"the new server did not start: {first_stderr_line(second)}"}
        try:
            parts = [f"old id {old_id!r}; the old server stopped in {stopped:.1f} s"]
            posted, more = 0, max(0, math.ceil(32 / per_line) - 2)  # past 31 events too
            for texts in (TEXTS[:2], TEXTS[2 : 2 + more]) if more else (TEXTS[:2],):
                for text in texts:
                    client.post(second.url + "/api/lines", json={"text": text}, headers=auth)
                posted += len(texts)
                total = posted * per_line
                read_stream(client, second.url, want=total, seconds=30)  # translated by now
                status, answer = read_stream(client, second.url, old_id, want=total, seconds=10)
                label = f"{total // per_line} lines ({total} events)"
                parts.append(f"after {label}: {describe_resume(status, answer, total)}")
            rss_new, fds_new = memory_and_fds(second.pid)
        finally:
            stop_server(second)
    return {
        "did": "; ".join(parts),
        "stderr": f"old: {stderr_since(first, 0)}; new: {stderr_since(second, 0)}",
        "rss": f"old {figure(rss_old)}; new {figure(rss_new)}",
        "fds": f"old {figure(fds_old)}; new {figure(fds_new)}",
    }


def describe_resume(status, answer, total):
    """What a stream resumed with an old run's id gave: good if a reset, then the new game
    from its first event."""
    if status != 200:
        return f"{status} {shorten(str(answer).strip(), 90)}"
    kinds = [kind for kind, _, _ in answer]
    data = [json.loads(text) for kind, _, text in answer if kind == "message"]
    reset = bool(kinds) and kinds[0] == "reset"
    if not data:
        return f"200, {'reset, ' if reset else ''}no events"
    first = data[0]
    first_id = next(event_id for kind, event_id, _ in answer if kind == "message")
    whole = first["line"] == 0 and first["lang"] == "en" and len(data) >= total
    verdict = "good: the new game from its first event" if whole else "BAD: events skipped"
    return (
        f"200, {'began with a' if reset else 'no'} reset, first event id {first_id!r} (line "
        f"{first['line']} {first['lang']}), {len(data)} of {total} events: {verdict}"
    )


def attack_wrong_tokens(ctx, address):
    """2,000 posts with wrong tokens from one address, 20 at a time on kept-alive
    connections; then a server started with --publish-token x (one character)."""

    async def flood():
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=20)
        transport = httpx.AsyncHTTPTransport(local_address=address, limits=limits)
        answers, remaining = Counter(), iter(range(2000))
        async with httpx.AsyncClient(transport=transport, timeout=15, trust_env=False) as client:

            async def worker():
                for _ in remaining:
                    token = secrets.token_urlsafe(24)
                    try:
                        response = await client.post(
                            ctx.main.url + "/api/lines",
                            json={"text": "A fake line"},
                            headers={"Authorization": f"Bearer {token}"},
                        )
                        answers[str(response.status_code)] += 1
                    except httpx.HTTPError as exc:
                        answers[type(exc).__name__] += 1

            await asyncio.gather(*(worker() for _ in range(20)))
        return answers

    started = time.monotonic()
    answers = asyncio.run(asyncio.wait_for(flood(), 180))
    seconds = time.monotonic() - started
    short = start_server(ctx, "token-x", serve_options(ctx, token="x"))
    if short.url is not None:
        stop_server(short)
        token = "--publish-token x: started"
    else:
        token = f"--publish-token x: refused: {first_stderr_line(short)}"
    return {"did": f"2,000 wrong tokens in {seconds:.1f} s: {counted(answers)}; {token}"}


def attack_translate_io(ctx, address):
    """`rnnkit translate --to fr` and its output file: (a) --output F --force < F; (b) the
    same through a symbolic link and a hard link (as --output, as --input), and --input
    /proc/self/fd/0; (c) SIGTERM while it reads an open pipe: leftover temporaries; (d) the
    same with SIGKILL, then a complete second run: leftovers again."""
    folder = ctx.work / "translate-io"
    folder.mkdir(exist_ok=True)
    tracebacks = []

    def translate(*options, stdin=None):
        command = rnnkit("translate", "--model-dir", ctx.model_dir, "--to", "fr", *options)
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
            done = subprocess.run(
                command,
                stdin=source,
                capture_output=True,
                env=child_env(ctx),
                cwd=folder,
                timeout=120,
            )
        text = done.stderr.decode("utf-8", "replace")
        tracebacks.append(text)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return done.returncode, shorten(lines[-1], 80) if lines else ""

    def fresh(name):
        path = folder / name
        path.unlink(missing_ok=True)
        path.write_text(ENGLISH, encoding="utf-8")
        return path

    def kept(path):
        return "kept its English" if path.read_text(encoding="utf-8") == ENGLISH else "LOST it"

    parts = []
    target = fresh("a.txt")
    code, said = translate("--output", target.name, "--force", stdin=target)
    parts.append(f"a) rc {code}, F {kept(target)}" + (f" ({said})" if code else ""))
    cases = [
        ("symlink as --output", "symlink", ["--output", "LINK", "--force"]),
        ("symlink as --input", "symlink", ["--input", "LINK", "--output", "F", "--force"]),
        ("hard link as --output", "hard link", ["--output", "LINK", "--force"]),
        ("hard link as --input", "hard link", ["--input", "LINK", "--output", "F", "--force"]),
        ("--input /proc/self/fd/0", None, ["--input", "/proc/self/fd/0", "--output", "F"]),
    ]
    for label, kind, options in cases:
        original, link = fresh("b.txt"), folder / "b-link.txt"
        link.unlink(missing_ok=True)
        if kind == "symlink":
            link.symlink_to(original.name)
        elif kind == "hard link":
            os.link(original, link)
        names = {"LINK": link.name, "F": original.name}
        options = [names.get(option, option) for option in options]
        if options[-1] != "--force":
            options.append("--force")
        code, said = translate(*options, stdin=original)
        parts.append(f"{label}: rc {code}, F {kept(original)}")
        if "--output" in options and options[options.index("--output") + 1] == link.name:
            if kind == "symlink" and not link.is_symlink():
                parts[-1] += " (the link is now a file)"
            elif kind == "hard link" and not os.path.samefile(link, original):
                parts[-1] += " (the link is now a file of its own)"
    parts[1] = "b) " + parts[1]
    for letter, sig in (("c", signal.SIGTERM), ("d", signal.SIGKILL)):
        parts.append(f"{letter}) {interrupted(ctx, folder / letter, sig)}")
    again = folder / "d"
    (again / "input.txt").write_text(ENGLISH, encoding="utf-8")
    code, _ = translate("--output", str(again / "G.txt"), "--force", stdin=again / "input.txt")
    parts.append(f"after a second run (rc {code}): {leftovers(again)}")
    return {
        "did": "; ".join(parts),
        "stderr": "translate: " + describe_stderr("".join(tracebacks).splitlines()),
        "rss": "n/a (no server)",
        "fds": "n/a",
    }


def interrupted(ctx, folder, sig):
    """`rnnkit translate --output G` reading a pipe kept open, sent `sig` 3 s after its
    temporary output file appeared (or after 15 s): its exit and the leftovers."""
    folder.mkdir(exist_ok=True)
    command = rnnkit("translate", "--model-dir", ctx.model_dir, "--to", "fr")
    command += ["--output", str(folder / "G.txt")]
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_env(ctx),
        cwd=folder,
    )
    try:
        process.stdin.write(ENGLISH.splitlines(keepends=True)[0].encode())
        process.stdin.flush()
        appeared = wait_until(lambda: leftovers(folder) != "none", 15, step=0.2)
        time.sleep(3)
        process.send_signal(sig)
        code = process.wait(15)
    except (OSError, subprocess.TimeoutExpired) as exc:
        process.kill()
        code = f"{type(exc).__name__}"
        appeared = False
    finally:
        try:
            process.stdin.close()
        except OSError:
            pass
        process.wait(10)
    seen = "" if appeared else " (no temporary seen before the signal)"
    name = signal.Signals(sig).name
    exists = "G exists" if (folder / "G.txt").exists() else "no G"
    return f"{name}: rc {code}{seen}, {exists}, leftovers: {leftovers(folder)}"


def leftovers(folder):
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMPORARY))
    return ", ".join(names) if names else "none"


def attack_messages(ctx, address):
    """What `rnnkit serve` says: with RNNKIT_PUBLISH_TOKEN="" (empty) and no --publish-token;
    with --host 0.0.0.0 (its address lines; stopped once started); with --host 8.8.8.8."""
    parts = []
    options = ["--model-dir", ctx.model_dir, "--host", "127.0.0.1", "--port", "0"]
    server = start_server(ctx, "empty-token", options, env=child_env(ctx, RNNKIT_PUBLISH_TOKEN=""))
    if server.url is not None:
        stop_server(server)
        token_line = next((line for line in server.stdout if "token" in line), "")
        parts.append(f"empty $RNNKIT_PUBLISH_TOKEN: started; {shorten(token_line.strip(), 90)}")
    else:
        parts.append(f"empty $RNNKIT_PUBLISH_TOKEN: {first_stderr_line(server)}")
    options = ["--model-dir", ctx.model_dir, "--host", "0.0.0.0", "--port", "0"]
    server = start_server(ctx, "all-addresses", options + ["--publish-token", ctx.token])
    if server.banner is not None:
        stop_server(server)
        shown = []
        for line in server.stdout[:3]:
            if "post a line" in line or "Ctrl-C" in line:
                break
            shown.append(re.sub(r" \([^)]*\)", "", line.strip()))  # not the languages
        parts.append(f"--host 0.0.0.0: {' / '.join(shown)}")
    else:
        parts.append(f"--host 0.0.0.0: {first_stderr_line(server)}")
    options = ["--model-dir", ctx.model_dir, "--host", "8.8.8.8", "--port", "0"]
    server = start_server(ctx, "foreign-address", options + ["--publish-token", ctx.token])
    if server.url is not None:
        stop_server(server)
        parts.append("--host 8.8.8.8: started")
    else:
        parts.append(f"--host 8.8.8.8: {first_stderr_line(server)}")
    return {"did": "; ".join(parts), "stderr": "(see the messages)", "rss": "n/a", "fds": "n/a"}


ATTACK_FUNCTIONS = {
    "bad-text": attack_bad_text,
    "long-last-event-id": attack_long_last_event_id,
    "stuck-viewers": attack_stuck_viewers,
    "slowloris": attack_slowloris,
    "fd-exhaustion": attack_fd_exhaustion,
    "restart": attack_restart,
    "wrong-tokens": attack_wrong_tokens,
    "translate-io": attack_translate_io,
    "messages": attack_messages,
}


# --- the run -----------------------------------------------------------------------------------


def measure(ctx, name):
    """Run one attack; its row, with the honest pair's window to fill in at the end."""
    server = ctx.main
    offset = stderr_size(server)
    rss0, fds0 = memory_and_fds(server.pid)
    start = time.monotonic()
    if server.process.poll() is not None:
        result = {"did": f"not run: the main server exited ({server.process.returncode})"}
    else:
        try:
            result = ATTACK_FUNCTIONS[name](ctx, ADDRESS[name]) or {}
        except Exception as exc:  # the row says what failed; the next attack still runs
            result = {"did": f"failed: {type(exc).__name__}: {shorten(str(exc), 200)}"}
    end = time.monotonic()
    if server.process.poll() is not None:
        result["did"] += f"; the main server EXITED ({server.process.returncode})"
    posts_answered(ctx.honest, end)
    rss1, fds1 = memory_and_fds(server.pid)
    row = {
        "attack": name,
        "what the server did": result["did"],
        "server stderr during it": result.get("stderr", stderr_since(server, offset)),
        "RSS MiB before -> after": result.get("rss", f"{figure(rss0)} -> {figure(rss1)}"),
        "open fds before -> after": result.get("fds", f"{figure(fds0)} -> {figure(fds1)}"),
    }
    window = (start, end, result.get("lost"), result.get("publisher"))
    print(f"  {name}: {time.monotonic() - start:.0f} s: {result['did']}", file=sys.stderr)
    return row, window


def fill_honest(pair, row, window):
    start, end, lost, publisher = window
    main_lost, main_posts = lost_figures(pair, start, end), post_figures(pair, start, end)
    row[COLUMNS[5]] = f"{lost}; main: {main_lost}" if lost else main_lost
    row[COLUMNS[6]] = f"{publisher}; main: {main_posts}" if publisher else main_posts


def markdown(rows):
    lines = ["| " + " | ".join(COLUMNS) + " |", "| " + " | ".join("---" for _ in COLUMNS) + " |"]
    for row in rows:
        cells = (str(row.get(column, "")).replace("|", "\\|") for column in COLUMNS)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def wait_for_model(model_dir, seconds):
    weights = Path(model_dir) / "best.safetensors"
    if not weights.exists():
        print(f"waiting for {weights} (up to {seconds} s)", file=sys.stderr, flush=True)
        if not wait_until(weights.exists, seconds, step=2):
            sys.exit(f"{weights} did not appear within {seconds} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", required=True, help="a trained model (rnnkit demo's)")
    parser.add_argument(
        "--rnnkit-src",
        help="a source tree whose rnnkit package the server runs (PYTHONPATH); default: the "
        "installed rnnkit",
    )
    parser.add_argument("--only", help=f"comma-separated attacks, of: {', '.join(ATTACKS)}")
    parser.add_argument(
        "--token", default=secrets.token_urlsafe(24), help="the publishing token (random)"
    )
    parser.add_argument(
        "--stuck-seconds", type=float, default=90, help="how long stuck viewers are watched"
    )
    parser.add_argument("--csv", help="also write the rows to this CSV file")
    args = parser.parse_args()
    chosen = ATTACKS
    if args.only:
        chosen = tuple(name.strip() for name in args.only.split(",") if name.strip())
        unknown = [name for name in chosen if name not in ATTACKS]
        if unknown:
            parser.error(f"--only: unknown attacks {', '.join(unknown)}; known: {ATTACKS}")
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 1,100 sockets and more
    source = args.rnnkit_src or "the installed package"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"rnnkit from {source}; model {args.model_dir}; load average {load}; {os.cpu_count()} CPUs"
    )
    wait_for_model(args.model_dir, 480)
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    work = Path(tempfile.mkdtemp(prefix="serve_hostile-"))
    ctx = SimpleNamespace(args=args, token=args.token, loop=loop, work=work)
    ctx.model_dir = str(Path(args.model_dir).resolve())
    ctx.main = start_server(ctx, "main", serve_options(ctx))
    if ctx.main.url is None:
        sys.exit(f"the server did not start: {first_stderr_line(ctx.main)}")
    print(f"{ctx.main.banner}\nworking folder (servers' stderr): {work}", flush=True)
    ctx.honest = start_honest(ctx, ctx.main)
    time.sleep(3)  # the first lines, translated
    started, rss0, fds0 = time.monotonic(), *memory_and_fds(ctx.main.pid)
    measured = []
    try:
        for name in chosen:
            measured.append(measure(ctx, name))
    finally:
        finished = time.monotonic()
        rss1, fds1 = memory_and_fds(ctx.main.pid)
        stop_honest(ctx.honest, settle=30)
        stop_server(ctx.main)
    pair = ctx.honest
    rows = []
    for row, window in measured:
        fill_honest(pair, row, window)
        rows.append(row)
    overall = {
        "attack": "whole run",
        "what the server did": f"{finished - started:.0f} s; viewer: {pair.events} events, "
        f"stream answers {counted(Counter({str(k): v for k, v in pair.answers.items()}))}, "
        f"errors {counted(pair.errors)}, {pair.repeats} repeats, {pair.resets} resets",
        "server stderr during it": stderr_since(ctx.main, 0),
        "RSS MiB before -> after": f"{figure(rss0)} -> {figure(rss1)}",
        "open fds before -> after": f"{figure(fds0)} -> {figure(fds1)}",
    }
    fill_honest(pair, overall, (started, finished, None, None))
    rows.append(overall)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\n{len(ctx.main.languages)} languages; load average after: {load}\n")
    print(markdown(rows))
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()

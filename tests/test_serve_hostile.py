"""`rnnkit serve` against hostile clients: every hole found by attacking it, each attacked
again here with real processes and sockets (no mocks), each attack from a loopback address
of its own (127.0.0.2, ...) while the honest publisher posts from 127.0.0.1.

What must hold: a request ends served or refused with a short one-line reason, never a
traceback; bad text is refused before a line is numbered, so the next honest line arrives;
a viewer that stops reading is reset; slow request heads and bodies are cut off; the
connection caps keep the process below its open-file limit and a slot for the publisher; a
restart's ids are told apart; wrong tokens are slowed; `translate` never replaces its own
input and leaves no temporary file. Limits are generous hang detectors, not timings (the
timings are benchmarks/serve_hostile.py's).
"""

import math
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serving import (
    RunningServer,
    ServeProcess,
    client,
    parse_sse,
    raw_connection,
    read_events,
    tiny_translator,
)
from test_serve import check_game, model_dir, post_and_wait, wait_until  # noqa: F401

from rnnkit.cli.serve import viewer_urls
from rnnkit.serve import ConnectionGuard, bind
from rnnkit.serve.events import EventLog
from rnnkit.serve.server import RateLimit
from rnnkit.serve.store import memory_game
from rnnkit.serve.tokens import TokenGate

FEW = ["fr", "ar", "zh"]
HONEST = "Tremblay hits a three from the corner"


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(FEW)


@pytest.fixture(scope="module")
def served(model_dir, tmp_path_factory):  # noqa: F811 (the fixture imported above)
    """One `rnnkit serve` process for the attacks that need its stderr."""
    process = ServeProcess(model_dir, tmp_path_factory.mktemp("serve") / "stderr.txt")
    yield process
    process.stop()


def raw_post(url, body, address, headers=None, token=None):
    headers = {"Content-Type": "application/json", **(headers or {})}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    with client(address) as http:
        return http.post(url + "/api/lines", content=body, headers=headers)


def count_lines(text):
    return len([line for line in text.splitlines() if line.strip()])


# --- 1. bad text ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, status, words",
    [
        (b'{"text": "\\ud800", "partial": true}', 422, "lone surrogate"),
        (b'{"text": "Tremblay \\udfff scores"}', 422, "lone surrogate"),
        (b'{"text": "bell \\u0007 rings"}', 422, "control character"),
        (b'{"text": "x", "a": ' + b"[" * 8000 + b"]" * 8000 + b"}", 400, "nested too deeply"),
        (b'{"text": "x", "n": ' + b"7" * 5000 + b"}", 400, "a number of 5000 characters"),
    ],
)
def test_bad_text_is_refused_at_the_door_and_the_next_honest_line_arrives(
    served, body, status, words
):
    stderr_before = served.stderr()
    refused = raw_post(served.url, body, "127.0.0.2", token=served.token)
    assert refused.status_code == status and words in refused.json()["error"]
    assert len(refused.content) < 300
    number = served.post(HONEST).json()["line"]  # the honest line after it: numbered, whole
    with client() as http, http.stream("GET", served.url + "/api/stream") as response:
        got = {}
        for event in parse_sse(response.iter_lines()):
            if event["line"] == number:
                got[event["lang"]] = event["text"]
            if len(got) == 3:  # its English and both languages of the model
                break
    assert got["en"] == HONEST
    logged = served.stderr()[len(stderr_before) :]
    assert "Traceback" not in logged and count_lines(logged) <= 1


def test_an_oversized_content_length_is_refused_not_a_500(served):
    sock = raw_connection(served.port, "127.0.0.2")
    head = "POST /api/lines HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
    head += f"Authorization: Bearer {served.token}\r\nContent-Length: {'9' * 5000}\r\n\r\n"
    sock.sendall(head.encode())
    sock.settimeout(30)
    reply = sock.recv(4096)
    sock.close()
    assert reply.split(b" ")[1] in (b"400", b"413"), reply  # by h11 or by us, never a 500


# --- 2. an overlong Last-Event-ID -------------------------------------------------------------
def test_an_overlong_last_event_id_is_a_short_400_and_logs_nothing(served):
    stderr_before = served.stderr()
    with client("127.0.0.3") as http:
        for digits in (4300, 4301, 9000):
            response = http.get(served.url + "/api/stream", headers={"Last-Event-ID": "7" * digits})
            assert response.status_code == 400 and len(response.content) < 300
    assert served.stderr() == stderr_before


# --- 3. viewers that stop reading -------------------------------------------------------------
def test_a_viewer_whose_send_stays_blocked_is_reset_and_resumes(translator):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # inherited when accepted
    # max_behind is out of reach: only the blocked send can end the stream
    server = RunningServer(translator, FEW, sock=listener, max_behind=10**9, send_timeout=1.0)
    stalled = raw_connection(listener.getsockname()[1], "127.0.0.4", receive_buffer=4096)
    guard = server.app.state.guard
    try:
        stalled.sendall(b"GET /api/stream HTTP/1.1\r\nHost: test\r\n\r\n")
        wait_until(lambda: len(server.log.viewers) == 1, "the viewer connected")
        texts = []
        while server.log.dropped_count == 0:
            assert len(texts) < 400, "the blocked viewer was never reset"
            texts.append(f"line{len(texts)}-" + "x" * 990)
            post_and_wait(server, texts[-1])
        wait_until(lambda: not guard.by_address.get("127.0.0.4"), "its connection let go")
        stalled.settimeout(30)
        with pytest.raises(ConnectionResetError):
            while stalled.recv(65536):
                pass
        check_game(read_events(server.url, len(server.log)), translator, texts, FEW)
    finally:
        stalled.close()
        server.stop()


def test_a_late_joiner_of_a_long_game_gets_all_of_it_while_lines_keep_coming(translator):
    server = RunningServer(translator, FEW, max_behind=8)  # the game will be 10 times that
    try:
        texts = [f"line {n} of a long game" for n in range(20)]
        for text in texts:
            post_and_wait(server, text)
        with ThreadPoolExecutor(1) as pool:
            joiner = pool.submit(read_events, server.url, 23 * (len(FEW) + 1))
            wait_until(lambda: len(server.log.viewers) == 1, "the joiner connected")
            for n in range(3):
                texts.append(f"live line {n}")
                post_and_wait(server, texts[-1])
            check_game(joiner.result(), translator, texts, FEW)
        assert server.log.dropped_count == 0
    finally:
        server.stop()


def test_the_log_is_taken_in_bounded_chunks_of_whole_events():
    log = EventLog(memory_game())
    for n in range(300):
        log.append(n, "fr", "x" * 500)
    viewer = log.subscribe(0)
    chunks = []
    while chunk := log.take(viewer, limit=4096):
        chunks.append(chunk)
    assert all(len(chunk) <= 4096 for chunk in chunks)
    assert b"".join(chunks) == b"".join(log.sse)
    big = EventLog(memory_game())
    big.append(0, "fr", "y" * 10000)  # one event larger than the limit still goes whole
    assert big.take(big.subscribe(0), limit=4096) == big.sse[0]


# --- 4. slow heads and bodies, caps, the open-file limit -------------------------------------
def test_slow_request_heads_and_bodies_are_cut_off(translator):
    guard = ConnectionGuard(header_seconds=1.0)
    server = RunningServer(translator, FEW, guard=guard, body_seconds=1.0)
    port = server.sock.getsockname()[1]
    try:
        silent = raw_connection(port, "127.0.0.5")
        slow = raw_connection(port, "127.0.0.5")
        slow.sendall(b"GET /api/stream HTTP/1.1\r\nHo")
        body = raw_connection(port, "127.0.0.5")
        head = "POST /api/lines HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        head += f"Authorization: Bearer {server.token}\r\nContent-Length: 100\r\n\r\n"
        body.sendall(head.encode() + b'{"text": ')
        for sock, status in ((silent, b"408"), (slow, b"408"), (body, b"408")):
            sock.settimeout(30)
            reply = b""
            while chunk := sock.recv(4096):
                reply += chunk
            assert reply.split(b" ")[1] == status, reply
            sock.close()
        assert server.post(HONEST).status_code == 202
    finally:
        server.stop()


def test_connection_caps_refuse_at_once_and_keep_a_slot_for_the_publisher(translator):
    guard = ConnectionGuard(max_connections=12, per_address=4, reserve=3, header_seconds=60)
    server = RunningServer(translator, FEW, guard=guard)
    port = server.sock.getsockname()[1]
    held = []
    try:
        assert server.post(HONEST).status_code == 202  # the publisher's address is trusted
        held += [raw_connection(port, "127.0.0.6") for _ in range(4)]
        wait_until(lambda: guard.by_address["127.0.0.6"] == 4, "four connections held")
        fifth = raw_connection(port, "127.0.0.6")
        fifth.settimeout(30)
        assert fifth.recv(4096).startswith(b"HTTP/1.1 503")  # per address
        held += [raw_connection(port, f"127.0.0.{7 + n // 4}") for n in range(5)]
        wait_until(lambda: len(guard.by_client) == 9, "nine connections held (12 - 3)")
        extra = raw_connection(port, "127.0.0.9")
        extra.settimeout(30)
        assert extra.recv(4096).startswith(b"HTTP/1.1 503")  # the rest is the publisher's
        assert server.post(HONEST).status_code == 202  # through the reserve
        assert refused(server.url, "127.0.0.10")  # which a new address cannot use
    finally:
        for sock in held:
            sock.close()
        server.stop()


def refused(url, address):
    """Whether a GET from `address` is turned away at the door: a 503, or the connection
    closed before the request was read (the 503 went out before it was sent)."""
    try:
        with client(address) as http:
            return http.get(url + "/api/languages").status_code == 503
    except httpx.TransportError:
        return True


def test_at_the_open_file_limit_it_refuses_quietly_and_the_publisher_still_posts(
    model_dir,  # noqa: F811
    tmp_path,
):
    served = ServeProcess(
        model_dir,
        tmp_path / "stderr.txt",
        "--max-connections-per-address",
        "10000",
        limit_files=256,
    )
    held = []
    try:
        assert served.post(HONEST).status_code == 202
        held = [raw_connection(served.port, "127.0.0.11") for _ in range(600)]
        time.sleep(1)
        open_files = len(os.listdir(f"/proc/{served.process.pid}/fd"))
        assert open_files < 256
        assert served.post(HONEST, timeout=60).status_code == 202
        logged = served.stderr()
        assert "Traceback" not in logged and count_lines(logged) <= 20
    finally:
        for sock in held:
            sock.close()
        served.stop()


# --- 5. a restart -----------------------------------------------------------------------------
def test_an_id_of_another_run_gets_a_reset_and_the_new_game_from_its_start(translator):
    first = RunningServer(translator, FEW)
    port = first.sock.getsockname()[1]
    for text in ("old line 0", "old line 1"):
        post_and_wait(first, text)
    old_id = read_events(first.url, len(first.log))[-1]["id"]
    first.stop()
    second = RunningServer(translator, FEW, sock=bind("127.0.0.1", port))
    try:
        post_and_wait(second, HONEST)
        headers = {"Last-Event-ID": old_id}
        with httpx.stream("GET", second.url + "/api/stream", headers=headers, timeout=60) as r:
            assert r.status_code == 200
            events = []
            for event in parse_sse(r.iter_lines(), kinds=("message", "reset")):
                events.append(event)
                if len(events) == len(FEW) + 2:
                    break
        assert events[0]["event"] == "reset" and events[0]["id"] is None
        check_game(events[1:], translator, [HONEST], FEW)
        for legacy in ("30", old_id.replace(old_id.split("-")[0], "other")):
            headers = {"Last-Event-ID": legacy}
            with httpx.stream("GET", second.url + "/api/stream", headers=headers) as r:
                first_event = next(parse_sse(r.iter_lines(), kinds=("message", "reset")))
            assert first_event["event"] == "reset"
    finally:
        second.stop()


# --- 6. tokens --------------------------------------------------------------------------------
def test_wrong_tokens_are_slowed_per_address(translator):
    server = RunningServer(translator, FEW, token="the-right-token-0123456789")
    try:
        started = time.monotonic()
        statuses = [
            raw_post(server.url, b'{"text": "x"}', "127.0.0.12", token=f"guess-{n}").status_code
            for n in range(40)
        ]
        # 5 free guesses, then waits of 1, 2, 4 ... s: the k-th guess past the free ones is
        # looked at only 2**k - 1 s after the 6th (a slow machine's 40 posts may take > 1 s)
        looked_at = 6 + int(math.log2(1 + time.monotonic() - started))
        assert statuses.count(401) <= looked_at and statuses.count(429) == 40 - statuses.count(401)
        assert statuses.count(429) >= 30
        throttled = raw_post(server.url, b'{"text": "x"}', "127.0.0.12", token="guess")
        assert int(throttled.headers["retry-after"]) >= 1
        # during the wait even the right token is not looked at from that address...
        right = raw_post(server.url, b'{"text": "x"}', "127.0.0.12", token=server.token)
        assert right.status_code == 429
        assert server.post(HONEST).status_code == 202  # ...while the publisher's is
    finally:
        server.stop()


def test_the_token_gate_doubles_the_wait_after_the_free_guesses():
    now = [0.0]
    gate = TokenGate("right-token-0123456789", free=2, clock=lambda: now[0])
    assert [gate.check("a", b"wrong") for _ in range(2)] == [False, False]
    assert gate.wait("a") == 0
    waits = []
    for _ in range(4):
        gate.check("a", b"wrong")
        waits.append(gate.wait("a"))
        now[0] += waits[-1]
    assert waits == [1, 2, 4, 8]
    assert gate.wait("b") == 0  # another address is not slowed
    assert gate.check("a", b"right-token-0123456789") and gate.wait("a") == 0


def test_repeated_log_records_are_written_once_per_interval_with_a_count():
    import logging

    now = [0.0]
    limit = RateLimit(10.0, clock=lambda: now[0])
    record = lambda: logging.LogRecord("x", logging.WARNING, "f", 1, "bad request", None, None)  # noqa: E731
    written = [limit.filter(record()) for _ in range(5)]
    now[0] = 11.0
    last = record()
    assert written == [True, False, False, False, False] and limit.filter(last)
    assert "4 more like it" in last.getMessage()


# --- 7. translate's output --------------------------------------------------------------------
def translate(model_dir, *args, stdin=None):  # noqa: F811
    command = [sys.executable, "-m", "rnnkit", "translate", "--model-dir", str(model_dir)]
    return subprocess.run(
        [*command, "--to", "fr", *args], stdin=stdin, capture_output=True, text=True, timeout=120
    )


def test_translate_never_replaces_its_own_input(model_dir, tmp_path):  # noqa: F811
    source = tmp_path / "commentary.txt"
    source.write_text("Tremblay hits a three\nMensah dunk\n")
    (tmp_path / "link.txt").symlink_to(source)
    os.link(source, tmp_path / "hard.txt")
    for output, extra in (
        (source, ()),
        (tmp_path / "link.txt", ()),
        (tmp_path / "hard.txt", ()),
        (source, ("--input", "/proc/self/fd/0")),
    ):
        with open(source, "rb") as stdin:
            done = translate(model_dir, "--output", str(output), "--force", *extra, stdin=stdin)
        assert done.returncode == 2 and "would be lost" in done.stderr, done.stderr
        assert source.read_text() == "Tremblay hits a three\nMensah dunk\n"


def test_translate_stopped_by_sigterm_or_killed_leaves_no_temporary_file(model_dir, tmp_path):  # noqa: F811
    output = tmp_path / "out.txt"

    def leftovers():
        return [p.name for p in tmp_path.iterdir() if p.name.endswith(".rnnkit-tmp")]

    for sig in (signal.SIGTERM, signal.SIGKILL):
        command = [sys.executable, "-m", "rnnkit", "translate", "--model-dir", str(model_dir)]
        process = subprocess.Popen(
            [*command, "--to", "fr", "--output", str(output)],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        process.stdin.write("Tremblay hits a three\n")
        process.stdin.flush()
        wait_until(lambda: leftovers(), "the temporary output file")
        process.send_signal(sig)
        code = process.wait(60)
        process.stdin.close()
        if sig == signal.SIGTERM:
            assert code == 128 + signal.SIGTERM and leftovers() == []
            assert "terminated" in process.stderr.read()
        else:
            assert leftovers() != []  # nothing can clean up after SIGKILL...
            with open(os.devnull) as empty:
                assert translate(model_dir, "--output", str(output), stdin=empty).returncode == 0
            assert leftovers() == []  # ...but the next run does
        process.stderr.close()
    assert output.read_text() == ""


# --- 8. messages -------------------------------------------------------------------------------
def test_an_empty_token_variable_is_named_as_such(model_dir):  # noqa: F811
    command = [sys.executable, "-m", "rnnkit", "serve", "--model-dir", str(model_dir)]
    done = subprocess.run(
        command,
        env={**os.environ, "RNNKIT_PUBLISH_TOKEN": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "$RNNKIT_PUBLISH_TOKEN is empty" in done.stderr


def test_a_server_on_every_interface_prints_addresses_a_viewer_can_open():
    urls = viewer_urls("0.0.0.0", 8000)
    assert urls[0] == "http://127.0.0.1:8000/" and not any("0.0.0.0" in url for url in urls)
    assert viewer_urls("::", 8000)[0] in ("http://127.0.0.1:8000/", "http://[::1]:8000/")
    assert viewer_urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]

"""`rnnkit serve` end to end: the real server (uvicorn) on 127.0.0.1 port 0, read by a real
HTTP client (httpx), against the contract in rnnkit/serve/app.py.

What a viewer receives must be exactly what the translator produces for each line (one
batched call per line), every event once, in id order; resuming by Last-Event-ID and joining
late lose and repeat nothing; every bad input is a 4xx with a JSON error and costs no other
viewer a line; a viewer that stops reading is dropped and catches up when it returns; SIGINT
and SIGTERM stop a server with viewers connected.
"""

import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serving import (
    LANGUAGES_24,
    RunningServer,
    expected_texts,
    parse_sse,
    read_events,
    tiny_translator,
)
from test_demo import small_demo  # noqa: F401 (a fixture: the demo at test size)

from rnnkit.cli.arguments import slot_policy
from rnnkit.cli.main import main
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.demo.game import play_by_play
from rnnkit.serve.events import EventLog
from rnnkit.serve.store import memory_game
from rnnkit.translator.decoding.inference import Translator

FEW = ["fr", "ar", "zh"]  # a quick game for the tests that are not about the languages
LINES = ["Tremblay hits a three from the corner", "Mensah dunk , Raptors lead 54 - 50"]


@pytest.fixture(scope="module")
def translator():
    return tiny_translator()


@pytest.fixture
def server(translator):
    running = RunningServer(translator, LANGUAGES_24)
    yield running
    running.stop()


def wait_until(condition, what, limit=60):
    """Poll `condition` (a hang detector with a generous limit, not a timing check)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.01)


def post_and_wait(server, text):
    """Post one line and wait until all its events are in the log; returns its number."""
    per_line = len(server.languages) + 1
    response = server.post(text)
    assert response.status_code == 202, response.text
    number = response.json()["line"]
    wait_until(lambda: len(server.log) >= (number + 1) * per_line, f"line {number} translated")
    return number


def check_game(events, translator, texts, languages, beam=1, ids=True):
    """`events` are the whole game of `texts`: ids consecutive from 0 (unless not `ids`),
    every line's English and each language exactly as the translator produces it, once."""
    if ids:
        assert [e["seq"] for e in events] == list(range(len(events)))
        assert len({e["id"].rpartition("-")[0] for e in events}) == 1  # one epoch
    got = {}
    for event in events:
        key = (event["line"], event["lang"])
        assert key not in got, f"event repeated: {key}"
        got[key] = event["text"]
    want = {}
    for number, text in enumerate(texts):
        want[(number, "en")] = text
        for lang, translated in expected_texts(translator, text, languages, beam).items():
            want[(number, lang)] = translated
    assert got == want


def test_every_viewer_gets_every_line_in_every_language(server, translator):
    count = len(LINES) * (len(LANGUAGES_24) + 1)
    with ThreadPoolExecutor(2) as pool:
        viewers = [pool.submit(read_events, server.url, count) for _ in range(2)]
        wait_until(lambda: len(server.log.viewers) == 2, "two viewers connected")
        for number, text in enumerate(LINES):
            response = server.post(text)
            assert response.status_code == 202 and response.json()["line"] == number
        for viewer in viewers:
            events = viewer.result()
            check_game(events, translator, LINES, LANGUAGES_24)
            # the English of a line leaves before its translations, which keep the served order
            first = [e["lang"] for e in events if e["line"] == 0]
            assert first == ["en", *LANGUAGES_24]


def test_text_plain_and_json_posts_are_the_same_line(server, translator):
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "text/plain"}
    plain = httpx.post(server.url + "/api/lines", content=f"{LINES[0]}\n".encode(), headers=headers)
    assert plain.status_code == 202 and plain.json()["line"] == 0
    assert post_and_wait(server, LINES[1]) == 1
    check_game(read_events(server.url, len(server.log)), translator, LINES, LANGUAGES_24)


def test_resume_by_last_event_id_loses_and_repeats_nothing(server, translator):
    post_and_wait(server, LINES[0])
    first = read_events(server.url, 10)  # the viewer leaves in the middle of line 0
    post_and_wait(server, LINES[1])
    rest = read_events(server.url, len(server.log) - 10, last_event_id=first[-1]["id"])
    assert rest[0]["seq"] == first[-1]["seq"] + 1
    check_game(first + rest, translator, LINES, LANGUAGES_24)


def _stream(url, count, query="", last_event_id=None):
    headers = {} if last_event_id is None else {"Last-Event-ID": last_event_id}
    events = []
    with httpx.stream("GET", f"{url}/api/stream{query}", headers=headers, timeout=60) as r:
        assert r.status_code == 200, r.read()
        for event in parse_sse(r.iter_lines()):
            events.append(event)
            if len(events) == count:
                break
    return events


def test_a_viewer_of_some_languages_gets_those_alone_with_the_game_s_ids(server):
    for text in LINES:
        post_and_wait(server, text)
    everything = read_events(server.url, len(server.log))
    chosen = _stream(server.url, 2 * len(LINES), "?lang=fr,en")
    want = [e for e in everything if e["lang"] in ("en", "fr")]
    assert chosen == want  # the same events with the same ids, the others passed over
    one = _stream(server.url, 1, "?lang=zh", last_event_id=want[0]["id"])  # resumes exactly
    assert one == [e for e in everything if e["lang"] == "zh"][:1]
    next_line = server.post("Haddad blocks the shot")
    assert next_line.status_code == 202
    live = _stream(server.url, 1, "?lang=ar", last_event_id=everything[-1]["id"])
    assert live[0]["lang"] == "ar" and live[0]["line"] == len(LINES)


@pytest.mark.parametrize(
    "query, message",
    [
        ("?lang=fr,xx", "lang='xx' is not served here; ask for some of en,"),
        ("?lang=", "lang= is empty"),
        ("?lang=" + "q" * 5000, "is not served here"),
    ],
)
def test_a_language_not_served_is_one_line_400(server, query, message):
    response = httpx.get(f"{server.url}/api/stream{query}")
    assert response.status_code == 400 and message in response.json()["error"]
    assert len(response.json()["error"]) < 300


def test_late_joiner_gets_the_game_so_far_then_live_lines(server, translator):
    for text in LINES:
        post_and_wait(server, text)
    per_line = len(LANGUAGES_24) + 1
    with ThreadPoolExecutor(1) as pool:
        late = pool.submit(read_events, server.url, 3 * per_line)
        wait_until(lambda: len(server.log.viewers) == 1, "the late viewer connected")
        post_and_wait(server, "Haddad grabs the rebound")
        check_game(late.result(), translator, [*LINES, "Haddad grabs the rebound"], LANGUAGES_24)


def _post_raw(server, content, content_type="application/json", token="default"):
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {server.token if token == 'default' else token}"
    return httpx.post(server.url + "/api/lines", content=content, headers=headers)


BAD_POSTS = {
    "missing token": (dict(content=b'{"text": "a line"}', token=None), 401, "Authorization"),
    "wrong token": (dict(content=b'{"text": "a line"}', token="guess"), 401, "wrong"),
    "empty": (dict(content=b'{"text": ""}'), 422, "empty"),
    "blank": (dict(content=b"  \n ", content_type="text/plain"), 422, "empty"),
    "overlong": (dict(content=json.dumps({"text": "a" * 1001}).encode()), 413, "1001"),
    "non-UTF-8": (dict(content=b"Tremblay \xff\xfe", content_type="text/plain"), 400, "UTF-8"),
    "latin-1 charset": (dict(content=b"x", content_type="text/plain; charset=latin-1"), 415, ""),
    "non-JSON": (dict(content=b"{text: 'a line'"), 400, "not JSON"),
    "JSON list": (dict(content=b'["a line"]'), 422, "object"),
    "JSON number text": (dict(content=b'{"text": 5}'), 422, "string"),
    "no content type": (dict(content=b"a line", content_type=""), 415, "Content-Type"),
    "form post": (
        dict(content=b"text=a", content_type="application/x-www-form-urlencoded"),
        415,
        "",
    ),
    "two lines": (dict(content=b"one\ntwo", content_type="text/plain"), 422, "one line"),
    "huge body": (dict(content=b"a" * 20000, content_type="text/plain"), 413, "bytes"),
}


@pytest.mark.parametrize("case", list(BAD_POSTS))
def test_a_bad_post_is_a_4xx_with_a_json_error_and_costs_nothing(server, translator, case):
    options, status, words = BAD_POSTS[case]
    response = _post_raw(server, **options)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert words in response.json()["error"]
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert len(server.log) == 0  # nothing was published
    assert post_and_wait(server, LINES[0]) == 0  # the server still works, numbering unchanged
    check_game(read_events(server.url, len(server.log)), translator, LINES[:1], LANGUAGES_24)


def test_the_bearer_scheme_is_case_insensitive_and_basic_is_refused(server):
    line = {"text": LINES[0]}
    basic = httpx.post(server.url + "/api/lines", json=line, auth=("user", server.token))
    assert basic.status_code == 401
    headers = {"Authorization": f"bearer {server.token}"}
    assert httpx.post(server.url + "/api/lines", json=line, headers=headers).json()["line"] == 0


def test_a_line_of_exactly_1000_characters_is_accepted(server):
    assert post_and_wait(server, "b" * 1000) == 0


@pytest.mark.parametrize(
    "header, words",
    [
        ("seven", "not an event id"),
        ("-1", "not an event id"),
        ("EPOCH-99", "beyond"),
        ("9" * 4301, "not an event id"),  # past Python's int() limit: never converted
        ("abc-" + "9" * 30, "not an event id"),
    ],
)
def test_a_bad_last_event_id_is_a_short_400(server, header, words):
    post_and_wait(server, LINES[0])  # events 0..24
    header = header.replace("EPOCH", server.log.epoch)
    response = httpx.get(server.url + "/api/stream", headers={"Last-Event-ID": header})
    assert response.status_code == 400 and words in response.json()["error"]
    assert len(response.content) < 300  # the reason never echoes the whole header


def test_unknown_routes_and_methods_are_json_errors(server):
    assert httpx.get(server.url + "/nowhere").json() == {"error": "Not Found"}
    response = httpx.get(server.url + "/api/lines")
    assert response.status_code == 405 and "error" in response.json()


def test_page_and_languages_are_served(server):
    page = httpx.get(server.url + "/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for name in ("app.js", "languages.js", "style.css"):
        assert httpx.get(f"{server.url}/static/{name}").status_code == 200
    assert httpx.get(server.url + "/api/languages").json() == {
        "source": "en",
        "languages": LANGUAGES_24,
        "lines": 0,
        "game": server.game.id,
        "closed": False,
    }


class GatedTranslator:
    """The tiny translator, held at the gate until the test opens it (a flood meets a busy
    worker deterministically, whatever the machine's speed)."""

    def __init__(self, translator):
        self.inner, self.languages = translator, translator.languages
        self.entered, self.gate = threading.Event(), threading.Event()

    def translate(self, *args, **kwargs):
        self.entered.set()
        self.gate.wait(60)
        return self.inner.translate(*args, **kwargs)


def test_a_flood_of_posts_gets_429_and_the_accepted_lines_all_arrive(translator):
    gated = GatedTranslator(translator)
    server = RunningServer(gated, FEW, max_pending=2)
    try:
        assert server.post("line zero").status_code == 202
        assert gated.entered.wait(60)  # the worker holds line 0; the queue is empty
        assert [server.post(f"line {n}").status_code for n in (1, 2)] == [202, 202]
        flood = [server.post(f"flood {n}") for n in range(20)]
        assert {r.status_code for r in flood} == {429}
        assert int(flood[0].headers["retry-after"]) >= 1
        assert "retry after" in flood[0].json()["error"]
        gated.gate.set()
        texts = ["line zero", "line 1", "line 2"]
        wait_until(lambda: len(server.log) == 3 * (len(FEW) + 1), "the three accepted lines")
        assert server.post("line 3").json()["line"] == 3  # accepting again once drained
        events = read_events(server.url, 4 * (len(FEW) + 1))
        check_game(events, translator, [*texts, "line 3"], FEW)
    finally:
        gated.gate.set()
        server.stop()


def _sse_events_from_bytes(data):
    text = data.decode("utf-8", "replace")
    complete = text[: text.rfind("\n\n") + 2]  # the last event may be cut by the drop
    return list(parse_sse(complete.split("\n")))


def test_a_viewer_that_stops_reading_is_dropped_others_get_everything_and_it_catches_up(
    translator,
):
    # Small kernel buffers on both sides, so a client that reads nothing stalls the server's
    # writes after a few hundred kilobytes at most instead of megabytes.
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # inherited when accepted
    server = RunningServer(translator, FEW, sock=listener, max_behind=8)
    stalled = socket.socket()
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    pool = ThreadPoolExecutor(1)
    try:
        stalled.connect(listener.getsockname())
        stalled.sendall(b"GET /api/stream HTTP/1.1\r\nHost: test\r\n\r\n")
        reader = pool.submit(read_events, server.url, 10**9)  # reads until the stream ends
        wait_until(lambda: len(server.log.viewers) == 2, "both viewers connected")
        texts = []
        while server.log.dropped_count == 0:
            assert len(texts) < 400, "the stalled viewer was never dropped"
            # one long unknown word: 1,000 characters of events for little translation work
            texts.append(f"line{len(texts)}-" + "x" * 990)
            post_and_wait(server, texts[-1])
        texts.append("after the drop")
        post_and_wait(server, texts[-1])
        assert len(server.log.viewers) == 1  # the good viewer is still there
        # the server reset the stalled connection (an RST, not a close that waits for the
        # client to take its unsent bytes): reading it gives what had arrived, then the reset
        assert len(server.app.state.guard.by_client) == 1  # only the good viewer's is held
        stalled.settimeout(30)
        received = b""
        with pytest.raises(ConnectionResetError):
            while chunk := stalled.recv(65536):
                received += chunk
        # it comes back: what it had received, then the rest after its Last-Event-ID (from
        # the start if the reset discarded all of it)
        before = _sse_events_from_bytes(received.partition(b"\r\n\r\n")[2])
        resume_after = before[-1]["id"] if before else None
        rest = read_events(server.url, len(server.log) - len(before), resume_after)
        check_game(before + rest, translator, texts, FEW)
        server.stop()  # ends the good viewer's stream
        check_game(reader.result(), translator, texts, FEW)
    finally:
        stalled.close()
        if server.thread.is_alive():
            server.stop()
        pool.shutdown()


def test_a_vanished_viewer_is_forgotten_and_costs_the_others_nothing(server, translator):
    with ThreadPoolExecutor(1) as pool:
        good = pool.submit(read_events, server.url, 2 * (len(LANGUAGES_24) + 1))
        gone = socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1])))
        gone.sendall(b"GET /api/stream HTTP/1.1\r\nHost: test\r\n\r\n")
        wait_until(lambda: len(server.log.viewers) == 2, "both viewers connected")
        post_and_wait(server, LINES[0])
        # reset, not a polite close: the peer vanishes
        gone.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        gone.close()
        wait_until(lambda: len(server.log.viewers) == 1, "the vanished viewer forgotten")
        post_and_wait(server, LINES[1])
        check_game(good.result(), translator, LINES, LANGUAGES_24)


# --- the command line ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """A model trained for a few steps by `rnnkit train` (its quality does not matter)."""
    root = tmp_path_factory.mktemp("serve-model")
    examples = generate_corpus(120, split="train", languages=["fr", "zh"], seed=1)
    write_tsv(root / "train.tsv", examples)
    args = ["train", "--data", str(root / "train.tsv"), "--model-dir", str(root / "model")]
    tiny = ["--cell", "gru", "--embed", "8", "--hidden", "8", "--max-steps", "2", "--quiet"]
    assert main([*args, *tiny]) == 0
    return root / "model"


def test_without_a_model_it_says_how_to_get_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "rnnkit demo" in err and "--model-dir" in err


@pytest.mark.parametrize(
    "options, words",
    [
        (["--languages", "fr,xx"], "does not translate into xx; it knows: fr, zh"),
        (["--languages", ","], "--languages is empty"),
        (["--port", "70000"], "between 0 and 65535"),
        (["--beam", "0"], "--beam must be between 1 and 100"),
        (["--publish-token", "two words"], "printable ASCII without spaces"),
        (["--publish-token", ""], "--publish-token is empty; give a token of at least 16"),
        (["--publish-token", "x"], "--publish-token has 1 characters; use at least 16"),
        (["--host", "256.1.1.1"], "--host 256.1.1.1"),
        (["--host", "8.8.8.8", "--port", "0"], "8.8.8.8 is not an address of this machine"),
        (["--max-connections", "1"], "--max-connections must be at least 2"),
    ],
)
def test_option_errors_are_one_line(model_dir, capsys, options, words):
    assert main(["serve", "--model-dir", str(model_dir), *options]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and words in err, err


def test_a_port_in_use_is_one_line(model_dir, capsys):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        assert main(["serve", "--model-dir", str(model_dir), "--port", port]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "choose another --port" in err


def test_a_missing_model_directory_is_one_line(tmp_path, capsys):
    assert main(["serve", "--model-dir", str(tmp_path / "none")]) == 2
    assert "no such model directory" in capsys.readouterr().err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_the_command_stops_on_a_signal_with_viewers_connected(model_dir, sig, tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "rnnkit", "serve", "--model-dir", str(model_dir), "--port", "0"]
        + ["--store", str(tmp_path / "live.db")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "RNNKIT_PUBLISH_TOKEN": "tok-0123456789abcdef"},
        # Ctrl-C's default, as in a terminal: a test run started in the background of a
        # shell (`pytest &`, a CI script's job) has SIGINT ignored, every child inherits
        # that, and uvicorn's re-raised SIGINT would then be ignored too (exit 0, not 130)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        banner = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", banner).group(0)
        assert "fr, zh" in banner
        wait_until(lambda: _up(url), "the server answering")
        posted = httpx.post(
            url + "/api/lines",
            json={"text": "Tremblay hits a three"},
            headers={"Authorization": "Bearer tok-0123456789abcdef"},
        )
        assert posted.status_code == 202
        with ThreadPoolExecutor(3) as pool:
            ready = [threading.Event() for _ in range(3)]
            viewers = [pool.submit(_watch, url, 3, event) for event in ready]
            assert all(event.wait(60) for event in ready)  # each has the game so far
            process.send_signal(sig)
            # uvicorn re-raises the signal once it has shut down, as a parent process expects,
            # and rnnkit exits as a shell reports a signal: 128 + its number
            code = process.wait(timeout=30)  # a hang detector, not a speed check
            assert code == 128 + sig
            for viewer in viewers:
                assert [e["lang"] for e in viewer.result()] == ["en", "fr", "zh"]  # ended cleanly
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _watch(url, count, ready):
    """Read the stream to its end; `ready` is set once `count` events have arrived."""
    events = []
    with httpx.stream("GET", url + "/api/stream", timeout=60) as response:
        for event in parse_sse(response.iter_lines()):
            events.append(event)
            if len(events) == count:
                ready.set()
    return events


def _up(url):
    try:
        return httpx.get(url + "/api/languages").status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.usefixtures("small_demo")
def test_demo_serve_plays_the_game_into_the_stream(tmp_path, monkeypatch, capsys):
    """`rnnkit demo --serve`: after training, the demo game is posted line by line through
    the same path as POST /api/lines, translated by the demo's model."""
    from rnnkit.cli import demo as demo_cli
    from rnnkit.cli import serve as serve_cli
    from rnnkit.demo.languages import english
    from rnnkit.serve import server as server_module

    made = {}
    monkeypatch.setattr(demo_cli, "SERVE_INTERVAL", 0.01)
    real_listen, real_make = serve_cli.listen, server_module.make_server
    monkeypatch.setattr(
        serve_cli, "listen", lambda *a: made.setdefault("listening", real_listen(*a))
    )
    monkeypatch.setattr(
        "rnnkit.serve.make_server", lambda app: made.setdefault("server", real_make(app))
    )
    out = tmp_path / "demo"
    args = ["demo", "--out", str(out), "--time-budget", "1", "--events", "1", "--beam", "1"]
    serve = ["--serve", "--port", "0", "--quiet", "--min-confidence", "0"]  # (as translated below)
    thread = threading.Thread(target=main, args=([*args, *serve],))
    thread.start()
    try:
        wait_until(lambda: "server" in made and made["server"].started, "the demo serving", 300)
        url = f"http://127.0.0.1:{made['listening'][0].getsockname()[1]}"
        per_line = len(Translator.load(out / "model").languages) + 1
        events = []  # later lines' English may come before line 2's translations
        with httpx.stream("GET", url + "/api/stream", timeout=60) as response:
            for event in parse_sse(response.iter_lines()):
                events.append(event)
                if sum(e["line"] < 3 for e in events) == 3 * per_line:
                    break
    finally:
        if "server" in made:
            made["server"].should_exit = True
        thread.join(60)
    # translated here only once the server has stopped (see serving.OneAtATime), with the
    # slots written as the server writes them
    translator = Translator.load(out / "model", slots=slot_policy())
    game = [english(e) for e in play_by_play(seed=0, n_events=3)]
    check_game(
        [e for e in events if e["line"] < 3], translator, game, translator.languages, ids=False
    )
    assert "The whole game" in capsys.readouterr().out


def test_an_idle_stream_gets_heartbeat_comments(translator):
    server = RunningServer(translator, FEW, heartbeat=0.05)
    try:
        with httpx.stream("GET", server.url + "/api/stream", timeout=60) as response:
            lines = response.iter_lines()
            assert next(lines) == "retry: 1000"
            assert ": keepalive" in [next(lines) for _ in range(4)]  # after a blank line or two
    finally:
        server.stop()


def test_a_filtered_viewer_takes_its_languages_in_bounded_pieces_and_sleeps_through_others():
    log = EventLog(memory_game())
    for number in range(40):
        for lang in ("en", "fr", "zh"):
            log.append(number, lang, f"{lang} {number} " + "x" * 200)
    viewer = log.subscribe(0, frozenset({"zh"}))
    pieces = []
    while chunk := log.take(viewer, limit=1000):
        assert len(chunk) <= 1000
        pieces.append(chunk)
    want = [event for event, kept in zip(log.sse, log.events) if kept.lang == "zh"]
    assert b"".join(pieces) == b"".join(want) and len(pieces) > 5
    viewer.wakeup.clear()
    log.append(40, "fr", "un panier")
    assert not viewer.wakeup.is_set()  # nothing of its languages: it is not woken
    log.append(40, "zh", "进球")
    assert viewer.wakeup.is_set() and log.take(viewer) == log.sse[-1]


def test_metrics_and_health_say_what_the_server_does(server):
    from prometheus_client.parser import text_string_to_metric_families

    assert httpx.get(server.url + "/healthz").json()["status"] == "ok"
    for text in LINES:
        post_and_wait(server, text)
    read_events(server.url, len(server.log))  # one viewer takes the whole game
    response = httpx.get(server.url + "/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    samples = {
        sample.name: sample
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }
    game = server.log.epoch
    assert samples["rnnkit_lines_posted_total"].value == len(LINES)
    assert samples["rnnkit_lines_translated_total"].value == len(LINES)
    assert samples["rnnkit_line_latency_seconds_count"].value == len(LINES)
    assert samples["rnnkit_line_latency_seconds_sum"].value > 0
    assert samples["rnnkit_events_total"].value == len(server.log) == len(LINES) * 25
    assert samples["rnnkit_events_sent_total"].value >= len(server.log)
    assert samples["rnnkit_queue_length"].value == 0
    assert all(s.labels["game"] == game for s in samples.values())
    health = httpx.get(server.url + "/healthz").json()
    assert health == {
        "status": "ok",
        "game": game,
        "games": 1,
        "lines": 2,
        "waiting": 0,
        "viewers": 0,
    }

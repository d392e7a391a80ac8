"""Games shared by several server processes in Redis Streams (rnnkit/serve/broker.py): a real
redis-server (Debian's, installed by .ci/run) on a free loopback port, and real `python -m
rnnkit serve --broker` processes. A line posted to either server is translated exactly once
and both send the same events with the same ids; a server killed with SIGKILL leaves its
lines to the other, and its viewer resumes there with its Last-Event-ID, losing nothing; a
game opened on one is served by the other, and closing it ends the streams of both."""
# ruff: noqa: F811 (the model_dir fixture imported from test_serve is an argument)

import shutil
import signal
import socket
import subprocess
import time
from collections import Counter

import httpx
import pytest
from serving import ServeProcess, parse_sse
from test_serve import model_dir  # noqa: F401 (a fixture: a model trained for a few steps)

from rnnkit.cli.main import main

REDIS = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS is None, reason="redis-server is missing: apt-get install redis-server"
)
LANGUAGES = ("en", "fr", "zh")


@pytest.fixture
def broker(tmp_path):
    """A redis-server of its own on a free loopback port, nothing kept on disk: its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while (
        subprocess.run(
            ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
        ).stdout.strip()
        != "PONG"
    ):
        assert time.monotonic() < deadline and server.poll() is None, "redis-server never started"
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}"
    server.terminate()
    server.wait(30)


def serve(model_dir, tmp_path, name, broker, *options):
    return ServeProcess(
        model_dir, tmp_path / f"{name}.txt", "--broker", broker, "--claim-seconds", "2", *options
    )


def read(url, count, last_event_id=None, kinds=("message",)):
    headers = {} if last_event_id is None else {"Last-Event-ID": last_event_id}
    events = []
    with httpx.stream("GET", url + "/api/stream", headers=headers, timeout=60) as response:
        assert response.status_code == 200, response.read()
        for event in parse_sse(response.iter_lines(), kinds=kinds):
            events.append(event)
            if len(events) == count:
                break
    return events


def check_once(events, posted):
    """Every posted line in every language exactly once, ids in order without a gap."""
    assert [e["seq"] for e in events] == list(range(len(events)))
    assert Counter((e["line"], e["lang"]) for e in events) == {
        (number, lang): 1 for number in posted for lang in LANGUAGES
    }
    assert {e["line"]: e["text"] for e in events if e["lang"] == "en"} == posted


def test_two_servers_serve_one_game_and_translate_each_line_once(model_dir, tmp_path, broker):
    first = serve(model_dir, tmp_path, "first", broker)
    second = serve(model_dir, tmp_path, "second", broker)
    try:
        posted = {}
        for number in range(8):
            text = f"Tremblay hits a three, line {number}"
            server = (first, second)[number % 2]  # posted to either
            response = server.post(text)
            assert response.status_code == 202, response.text
            posted[response.json()["line"]] = text
        assert sorted(posted) == list(range(8))  # one numbering for both
        total = len(posted) * len(LANGUAGES)
        seen = [read(server.url, total) for server in (first, second)]
        check_once(seen[0], posted)
        assert seen[0] == seen[1]  # the same events, the same ids, from both
        games = [httpx.get(s.url + "/api/games").json()["games"] for s in (first, second)]
        assert len(games[0]) == 1 and games[0] == games[1]
        for server in (first, second):
            assert "Traceback" not in server.stderr()
    finally:
        first.stop()
        second.stop()


def test_a_killed_server_leaves_its_lines_and_its_viewers_to_the_other(model_dir, tmp_path, broker):
    # beam 100: the first server is slow, so a line is in its hands when it dies
    first = serve(model_dir, tmp_path, "first", broker, "--beam", "100")
    second = None
    try:
        posted = {}
        for number in range(10):
            response = first.post(f"Mensah dunks, line {number}")
            assert response.status_code == 202
            posted[response.json()["line"]] = f"Mensah dunks, line {number}"
        seen = read(first.url, 4)  # a viewer of the first server, before it dies
        first.process.send_signal(signal.SIGKILL)  # (the line it held, if any, is taken
        first.process.wait(30)  # over: see the test below for that path on its own)
        second = serve(model_dir, tmp_path, "second", broker)
        total = len(posted) * len(LANGUAGES)
        rest = read(second.url, total - len(seen), last_event_id=seen[-1]["id"])
        check_once(seen + rest, posted)  # resumed on the other: nothing lost, nothing twice
        response = second.post("Haddad blocks it")  # and the game goes on
        assert response.status_code == 202 and response.json()["line"] == len(posted)
    finally:
        first.stop()
        if second is not None:
            second.stop()


def test_a_line_left_by_a_dead_translator_is_taken_over_and_committed_once(broker):
    """At the level of the record: translator A takes a line and goes silent; B takes it
    over once it has been idle `claim_seconds`, and commits it; A's late commit of the same
    line adds nothing."""
    import asyncio

    from rnnkit.serve.broker import RedisStore

    async def scenario():
        store_a = RedisStore(broker, claim_seconds=0.3)
        store_b = RedisStore(broker, claim_seconds=0.3)
        store_a.consumer, store_b.consumer = "translator-a", "translator-b"
        game = store_a.open_game(1000.0)
        a, b = store_a.game(game), store_b.game(game)
        number, _ = a.add_line("Mensah dunks", 1000.0)
        taken = await anext(a.fetch())  # A has it, and then says nothing
        assert taken[:3] == ("line", number, "Mensah dunks")
        started = time.monotonic()
        again = await asyncio.wait_for(anext(b.fetch()), 10)  # B gets it once A was silent
        assert again == taken and time.monotonic() - started >= 0.25
        done = [("fr", "Mensah smashe", {"confidence": 0.9, "withheld": False})]
        b.add_translations(number, done, "line", 1001.0, work=again[3])
        a.add_translations(number, done, "line", 1002.0, work=taken[3])  # too late
        events = a.events()
        assert [(e.lang, e.text) for e in events] == [
            ("en", "Mensah dunks"),
            ("fr", "Mensah smashe"),
        ]
        assert a.backlog(0) == 0

    asyncio.run(scenario())


def test_a_game_opened_on_one_server_is_closed_on_the_other(model_dir, tmp_path, broker):
    first = serve(model_dir, tmp_path, "first", broker)
    second = serve(model_dir, tmp_path, "second", broker)
    try:
        headers = {"Authorization": f"Bearer {first.token}"}
        opened = httpx.post(first.url + "/api/games", json={}, headers=headers, timeout=60)
        game = opened.json()["id"]
        deadline = time.monotonic() + 30
        while httpx.get(second.url + "/api/languages").json()["game"] != game:
            assert time.monotonic() < deadline, "the second server never saw the new game"
            time.sleep(0.1)
        assert second.post("Tremblay hits a three").json() == {"line": 0, "game": game}
        closed = httpx.post(f"{second.url}/api/games/{game}/close", headers=headers, timeout=60)
        assert closed.status_code == 200, second.stderr()
        url = f"{first.url}/api/stream?game={game}"  # the other server's viewers: the whole
        with httpx.stream("GET", url, timeout=60) as response:  # game, then its end
            kinds = [e["event"] for e in parse_sse(response.iter_lines(), ("message", "closed"))]
        assert kinds == ["message"] * 3 + ["closed"]
        late = httpx.post(
            f"{first.url}/api/lines?game={game}", json={"text": "after the buzzer"}, headers=headers
        )
        assert late.status_code == 409  # closed for every server
    finally:
        first.stop()
        second.stop()


def test_an_unreachable_broker_is_one_line(model_dir, tmp_path, capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there
    command = ["serve", "--model-dir", str(model_dir), "--broker", f"redis://127.0.0.1:{port}"]
    assert main([*command, "--port", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "cannot reach Redis" in err and "redis-server" in err

"""`rnnkit serve` killed mid-game: nothing acknowledged or sent is lost, nothing repeats.

Each round starts the real command (`python -m rnnkit serve --store FILE`, a new game) on a
fixed loopback port, connects --viewers SSE viewers (each an httpx stream parsed as a
browser's EventSource would: on a lost connection it reconnects with its Last-Event-ID),
and posts --lines lines of the demo's play-by-play back to back. After --kill-after
acknowledged posts the server gets SIGKILL; a new server starts on the same store and port,
the viewers reconnect by themselves, and the rest of the lines are posted to it. The round
checks every viewer's events against the game: every acknowledged line in every language
exactly once ("lost": an event of an acknowledged line a viewer never got; "repeated": an
event it got twice; "out of order": ids not strictly increasing), and that every line
accepted before the crash was translated.

    python benchmarks/serve_crash.py --model-dir rnnkit-demo/model              # 20 rounds
    python benchmarks/serve_crash.py --model-dir M --rounds 2 --viewers 5 --lines 20
"""

import argparse
import json
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from rnnkit.demo.game import play_by_play
from rnnkit.demo.languages import english

TOKEN = "serve-crash-benchmark-token"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(model_dir, store, port):
    command = [sys.executable, "-m", "rnnkit", "serve", "--model-dir", model_dir]
    command += ["--port", str(port), "--store", str(store), "--publish-token", TOKEN]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            info = httpx.get(url + "/api/languages", timeout=5).json()
            return process, url, info["languages"]
        except httpx.TransportError:
            assert process.poll() is None, "the server exited at start"
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.05)


class Viewer(threading.Thread):
    """One EventSource: reads events, reconnects with its Last-Event-ID until `expected`."""

    def __init__(self, url, expected):
        super().__init__(daemon=True)
        self.url, self.expected = url, expected
        self.events, self.last_id, self.reconnects = [], None, 0
        self.connected = threading.Event()

    def run(self):
        deadline = time.monotonic() + 600
        while len(self.events) < self.expected and time.monotonic() < deadline:
            headers = {} if self.last_id is None else {"Last-Event-ID": self.last_id}
            try:
                with httpx.stream(
                    "GET", self.url + "/api/stream", headers=headers, timeout=30
                ) as response:
                    self.connected.set()
                    self.read(response)
            except httpx.HTTPError:
                pass
            if len(self.events) < self.expected:
                self.reconnects += 1
                time.sleep(0.2)  # the EventSource's retry

    def read(self, response):
        event = {}
        for line in response.iter_lines():
            if line == "":
                if "data" in event and event.get("event", "message") == "message":
                    self.last_id = event["id"]
                    data = json.loads(event["data"])
                    self.events.append((event["id"], data["line"], data["lang"]))
                    if len(self.events) >= self.expected:
                        return
                event = {}
            elif not line.startswith(":"):
                field, _, value = line.partition(":")
                event[field] = value.removeprefix(" ")


def post(url, text):
    try:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        response = httpx.post(url + "/api/lines", json={"text": text}, headers=headers, timeout=30)
    except httpx.HTTPError:
        return None
    return response.json()["line"] if response.status_code == 202 else None


def one_round(args, texts):
    folder = Path(tempfile.mkdtemp(prefix="serve-crash-"))
    store, port = folder / "live.db", free_port()
    server, url, languages = start(args.model_dir, store, port)
    acknowledged = {}
    try:
        per_line = len(languages) + 1
        viewers = [Viewer(url, args.lines * per_line) for _ in range(args.viewers)]
        for viewer in viewers:
            viewer.start()
        for viewer in viewers:
            viewer.connected.wait(60)
        for text in texts[: args.kill_after]:
            number = post(url, text)
            if number is not None:
                acknowledged[number] = text
        server.send_signal(signal.SIGKILL)
        server.wait()
        killed_at = time.monotonic()
        with sqlite3.connect(store) as db:  # accepted, not yet translated when it died
            query = "SELECT COUNT(*) FROM lines WHERE translated = 0"
            pending = db.execute(query).fetchone()[0]
        server, url, _ = start(args.model_dir, store, port)
        restart = time.monotonic() - killed_at
        for text in texts[args.kill_after :]:
            while (number := post(url, text)) is None:
                time.sleep(0.1)  # 429: the queue is full
            acknowledged[number] = text
        for viewer in viewers:
            viewer.join(600)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)
    lost = repeated = disorder = 0
    want = {(number, lang) for number in acknowledged for lang in ("en", *languages)}
    for viewer in viewers:
        got = Counter((line, lang) for _, line, lang in viewer.events)
        lost += len(want - set(got))
        repeated += sum(count - 1 for count in got.values())
        seqs = [int(event_id.rpartition("-")[2]) for event_id, _, _ in viewer.events]
        disorder += sum(b <= a for a, b in zip(seqs, seqs[1:]))
    reconnects = statistics.median(v.reconnects for v in viewers)
    return dict(
        lost=lost,
        repeated=repeated,
        disorder=disorder,
        restart=restart,
        pending=pending,
        reconnects=reconnects,
        acknowledged=len(acknowledged),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", default="rnnkit-demo/model")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--lines", type=int, default=100)
    parser.add_argument("--kill-after", type=int, default=50, help="posts before the SIGKILL")
    args = parser.parse_args()
    texts = [english(e) for e in play_by_play(seed=3, n_events=args.lines)][: args.lines]
    args.lines = len(texts)
    print(
        f"{args.rounds} rounds: {args.viewers} viewers, {args.lines} lines, SIGKILL after "
        f"{args.kill_after} posts, restart on the same store; model {args.model_dir}"
    )
    print(
        "| round | lines acknowledged | untranslated at the kill | events lost | repeated "
        "| out of order | restart s | reconnects per viewer (median) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    totals = Counter()
    for number in range(1, args.rounds + 1):
        result = one_round(args, texts)
        totals.update({k: result[k] for k in ("lost", "repeated", "disorder")})
        print(
            f"| {number} | {result['acknowledged']} | {result['pending']} | {result['lost']} "
            f"| {result['repeated']} "
            f"| {result['disorder']} | {result['restart']:.1f} | {result['reconnects']:g} |",
            flush=True,
        )
    print(
        f"\nin all: {totals['lost']} events lost, {totals['repeated']} repeated, "
        f"{totals['disorder']} out of order"
    )


if __name__ == "__main__":
    main()

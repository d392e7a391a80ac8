"""`rnnkit serve` under load: one publisher and N concurrent SSE viewers on loopback.

The server runs as its own process (`python -m rnnkit serve`, the real command), so its
memory is its own. For each N (10, 100, 500 by default) a fresh server gets N viewers, each an
httpx stream parsed as a browser's EventSource would (reconnecting with Last-Event-ID if the
stream ends). Then the publisher posts the demo's play-by-play:

- steady: a line every --interval seconds (2 s: a broadcast's pace);
- burst: --burst lines back to back (a flurry of plays; they queue for translation).

Latency is post-to-receive, translation included: from just before the POST is sent to the
moment a viewer has the line's last event (the English and every language), for every
(viewer, line). Lost lines are lines some viewer never completed, and events repeated or out
of order count as lost too. The table also gives the server's resident memory after the run
and its peak (VmRSS, VmHWM from /proc).

    python benchmarks/serve_load.py --model-dir rnnkit-demo/model
    python benchmarks/serve_load.py --model-dir M --viewers 10 --lines 5 --burst 5   # quick
    python benchmarks/serve_load.py --model-dir M --viewers 2000 --one-language \
        --servers 2 [--kill-one]     # two servers sharing the game in Redis (--broker)

With --servers 2 the memory column is the first server's.
"""

import argparse
import asyncio
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import httpx
import numpy

from rnnkit.demo.game import play_by_play
from rnnkit.demo.languages import english

TOKEN = "serve-load-benchmark"
VIEWERS_PER_ADDRESS = 200


class Viewer:
    """One stream's bookkeeping: events per line and when each line became complete; with
    `only`, a viewer of that language alone (?lang=en,ONLY)."""

    def __init__(self, languages, only=None):
        self.only = only
        self.per_line = 2 if only else len(languages) + 1  # the English too
        self.counts, self.complete_at = {}, {}
        self.last_id, self.last_seq, self.disorder, self.reconnects = None, None, 0, 0
        self.connected = asyncio.Event()

    def receive(self, event_id, line):
        seq = int(event_id.rpartition("-")[2])  # ids are "EPOCH-SEQ"
        if self.last_seq is not None and (
            seq <= self.last_seq if self.only else seq != self.last_seq + 1
        ):
            self.disorder += 1  # a gap (where every event comes), a repeat, or disorder
        self.last_id, self.last_seq = event_id, seq
        self.counts[line] = self.counts.get(line, 0) + 1
        if self.counts[line] == self.per_line:
            self.complete_at[line] = time.perf_counter()


async def watch(client, urls, viewer, stop):
    """Read the stream of urls[viewer.server] until `stop`, reconnecting with Last-Event-ID
    like EventSource; a server that refuses the connection (it died) is left for the next."""
    while not stop.is_set():
        url = urls[viewer.server]
        headers = {} if viewer.last_id is None else {"Last-Event-ID": viewer.last_id}
        query = f"?lang=en,{viewer.only}" if viewer.only else ""
        try:
            async with client.stream(
                "GET", url + "/api/stream" + query, headers=headers
            ) as response:
                viewer.connected.set()
                event_id = None
                async for line in response.aiter_lines():
                    if line.startswith("id: "):
                        event_id = line[4:]
                    elif line.startswith("data: "):
                        viewer.receive(event_id, json.loads(line[6:])["line"])
        except httpx.ConnectError:
            viewer.server = (viewer.server + 1) % len(urls)  # that server is gone: another
        except (httpx.TransportError, httpx.StreamError):
            pass
        if not stop.is_set():
            viewer.reconnects += 1
            await asyncio.sleep(0.5)


async def post(client, urls, text):
    """POST one line to the first server that answers (retrying after a 429's Retry-After);
    returns the line's number and the post time."""
    while True:
        started = time.perf_counter()
        for url in urls:
            try:
                response = await client.post(
                    url + "/api/lines",
                    json={"text": text},
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )
                break
            except httpx.ConnectError:
                continue  # that server is gone: the next one
        if response.status_code != 429:
            response.raise_for_status()
            return response.json()["line"], started
        await asyncio.sleep(float(response.headers["retry-after"]))


def viewer_clients(count, timeout):
    """httpx clients for `count` viewers, each for at most VIEWERS_PER_ADDRESS of them from a
    loopback address of its own (127.0.0.2, 127.0.0.3, ...): the server caps the
    connections from one address (--max-connections-per-address, 256 by default)."""
    clients = []
    for first in range(0, count, VIEWERS_PER_ADDRESS):
        size = min(VIEWERS_PER_ADDRESS, count - first)
        transport = httpx.AsyncHTTPTransport(
            local_address=f"127.0.0.{2 + first // VIEWERS_PER_ADDRESS}",
            limits=httpx.Limits(max_connections=size + 2, max_keepalive_connections=size),
        )
        clients.append(httpx.AsyncClient(transport=transport, timeout=timeout))
    return clients


async def scenario(
    urls, languages, viewers_count, texts, interval, burst, one_language=False, kill=None
):
    """Returns {mode: (latencies in ms, lines lost)} and the viewers' reconnections; viewers
    are spread over the servers `urls`; `kill()`, if given, is called halfway through the
    steady lines (it kills a server)."""
    timeout = httpx.Timeout(60, read=None)
    watchers = viewer_clients(viewers_count, timeout)
    async with httpx.AsyncClient(timeout=timeout) as client:
        stop = asyncio.Event()
        viewers = [
            Viewer(languages, languages[n % len(languages)] if one_language else None)
            for n in range(viewers_count)
        ]
        for n, viewer in enumerate(viewers):
            viewer.server = n % len(urls)
        tasks = [
            asyncio.create_task(watch(watchers[n // VIEWERS_PER_ADDRESS], urls, v, stop))
            for n, v in enumerate(viewers)
        ]
        await asyncio.wait_for(asyncio.gather(*(v.connected.wait() for v in viewers)), 120)
        await post(client, urls, "Tremblay warms up the crowd")  # first call: warm-up
        await asyncio.sleep(2)
        results = {}
        steady, flurry = texts[: len(texts) - burst], texts[len(texts) - burst :]
        for mode, lines in (("steady", steady), ("burst", flurry)):
            posted = []
            for index, text in enumerate(lines):
                if kill is not None and mode == "steady" and index == len(lines) // 2:
                    kill()
                posted.append(await post(client, urls, text))
                if mode == "steady":
                    await asyncio.sleep(interval)
            last = posted[-1][0]
            deadline = time.perf_counter() + 120
            while time.perf_counter() < deadline and not all(
                last in v.complete_at for v in viewers
            ):
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
            latencies, lost = [], 0
            for number, started in posted:
                for viewer in viewers:
                    if number in viewer.complete_at:
                        latencies.append((viewer.complete_at[number] - started) * 1000)
                    else:
                        lost += 1
            results[mode] = (latencies, lost)
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for watcher in watchers:
        await watcher.aclose()
    disorder = sum(v.disorder for v in viewers)
    reconnects = sum(v.reconnects for v in viewers) - viewers_count  # the cancel at the end
    return results, disorder, max(reconnects, 0)


def memory_mib(pid):
    status = open(f"/proc/{pid}/status").read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    return rss, peak


def start_server(model_dir, beam, broker=None):
    command = [sys.executable, "-m", "rnnkit", "serve", "--model-dir", model_dir, "--port", "0"]
    store = Path(tempfile.mkdtemp(prefix="rnnkit-store-")) / "live.db"  # a new game each run
    command += ["--beam", str(beam), "--publish-token", TOKEN, "--store", str(store)]
    if broker:
        command += ["--broker", broker]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    banner = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)", banner)
    if not match:
        process.kill()
        sys.exit(f"the server did not start: {banner!r}")
    languages = re.search(r"\(([^)]*)\)", banner).group(1).split(", ")
    return process, match.group(1), languages


def start_broker():
    """A redis-server on a free loopback port, nothing kept on disk: (process, URL)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    process = subprocess.Popen(command + ["--appendonly", "no"], stdout=subprocess.DEVNULL)
    for _ in range(100):
        ping = subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True)
        if ping.stdout.strip() == b"PONG":
            return process, f"redis://127.0.0.1:{port}"
        time.sleep(0.05)
    process.kill()
    sys.exit("redis-server did not start (apt-get install redis-server)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", default="rnnkit-demo/model", help="a trained model")
    parser.add_argument("--viewers", default="10,100,500", help="comma-separated N")
    parser.add_argument("--lines", type=int, default=15, help="steady lines per N")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between lines")
    parser.add_argument("--burst", type=int, default=20, help="lines posted back to back")
    parser.add_argument("--beam", type=int, default=3, help="the server's beam size")
    parser.add_argument(
        "--one-language",
        action="store_true",
        help="each viewer asks for one language and the English (?lang=en,XX), in turn",
    )
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="server processes; more than one share the games in a redis-server the benchmark "
        "starts (--broker), and the viewers are spread over them",
    )
    parser.add_argument(
        "--kill-one",
        action="store_true",
        help="with --servers 2 or more: SIGKILL the last server halfway through the steady "
        "lines (its viewers reconnect to another with their Last-Event-ID)",
    )
    args = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 500 sockets and more
    events = play_by_play(seed=1, n_events=args.lines + args.burst)
    texts = [english(event) for event in events]
    print(f"model {args.model_dir}, beam {args.beam}, load average {os.getloadavg()[0]:.2f}")
    header = (
        "| viewers | mode | lines | p50 ms | p95 ms | p99 ms | max ms | lost | RSS MiB (peak) |"
    )
    rows = [header, "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for count in (int(n) for n in args.viewers.split(",")):
        broker = start_broker() if args.servers > 1 else None
        servers = [
            start_server(args.model_dir, args.beam, broker and broker[1])
            for _ in range(args.servers)
        ]
        languages = servers[0][2]
        urls = [url for _, url, _ in servers]
        kill = partial(servers[-1][0].send_signal, signal.SIGKILL) if args.kill_one else None
        try:
            results, disorder, reconnects = asyncio.run(
                scenario(
                    urls,
                    languages,
                    count,
                    texts,
                    args.interval,
                    args.burst,
                    args.one_language,
                    kill,
                )
            )
            rss, peak = memory_mib(servers[0][0].pid)
        finally:
            for process, _, _ in servers:
                process.terminate()
                process.wait(30)
            if broker:
                broker[0].terminate()
                broker[0].wait(30)
        for mode, (latencies, lost) in results.items():
            p50, p95, p99 = numpy.percentile(latencies, [50, 95, 99]) if latencies else [0] * 3
            lines = args.lines if mode == "steady" else args.burst
            rows.append(
                f"| {count} | {mode} | {lines} | {p50:.0f} | {p95:.0f} | {p99:.0f} | "
                f"{max(latencies, default=0):.0f} | {lost + disorder} | {rss:.0f} ({peak:.0f}) |"
            )
        if reconnects:
            print(f"  N={count}: {reconnects} reconnections", file=sys.stderr)
        print(rows[-2], rows[-1], sep="\n", flush=True)
    print(
        f"\n{len(languages)} languages ({', '.join(languages)}); load average after: "
        f"{os.getloadavg()[0]:.2f}\n"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()

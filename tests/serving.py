"""Shared by the server tests: a translator built in milliseconds, the real server (uvicorn)
on 127.0.0.1 port 0 in a thread, and an SSE reader on a real HTTP client (httpx).

The translator is a randomly initialised Seq2Seq over a small vocabulary that holds words
of every script the 24 languages use: its translations are nonsense, but deterministic,
and the tests check that what a viewer receives is exactly what the translator produces.
"""

import json
import threading
import time
from pathlib import Path

import httpx

import rnnkit
from rnnkit.serve import bind, create_app, make_server
from rnnkit.text import Vocabulary, WordTokenizer, language_tag
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

LANGUAGES_24 = "zh yue pa ur ta tl es it fa pt ru ko ar gu vi pl hi el bn fr uk sr so tr".split()
WORDS = (
    "Tremblay hits a three from the corner , Raptors lead 54 - 50 with 3:45 left . "
    "Mensah dunk rebound assist block quarter "
    "三分 球 投中 猛龍 領先 ਤਿੰਨ ਅੰਕ تین پوائنٹر மூன்று புள்ளி tres puntos canasta tiro "
    "triplo پرتاب سه امتیازی cesta ponto бросок трёхочковый 3점슛 성공 رمية ثلاثية "
    "ત્રણ પોઇન્ટ ba điểm rzut za trzy तीन अंक τρίποντο তিন পয়েন্ট panier триочковий "
    "тројка saddex dhibcood üçlük sayı"
).split()


def tiny_translator(languages=LANGUAGES_24, seed=0):
    """A Translator into `languages` with random weights (embed 8, hidden 8), one call at a
    time (see OneAtATime)."""
    tokenizer = WordTokenizer()
    vocab = Vocabulary.build([WORDS], reserved=[language_tag(code) for code in languages])
    rnnkit.manual_seed(seed)
    model = Seq2Seq(ModelConfig(vocab_size=len(vocab), embed=8, hidden=8, dropout=0.0))
    return OneAtATime(Translator(model, tokenizer, vocab, languages))


class OneAtATime:
    """A translator whose calls never overlap. rnnkit's `no_grad` switches a process-wide
    flag (PyTorch's is per thread), so a test translating its expected output while the
    server's worker translates could leave gradients off for the tests that follow."""

    def __init__(self, translator):
        self.inner, self.languages = translator, translator.languages
        self.lock = threading.Lock()

    def translate(self, *args, **kwargs):
        with self.lock:
            return self.inner.translate(*args, **kwargs)

    def __getattr__(self, name):  # tokenizer, vocab: what a policy reads to render text
        return getattr(self.inner, name)


def expected_texts(translator, text, languages, beam):
    """What the server must send for `text`: the same one batched call it makes."""
    key = (id(translator), text, tuple(languages), beam)
    if key not in _EXPECTED:
        _EXPECTED[key] = _translate(translator, text, languages, beam)
    return _EXPECTED[key]


_EXPECTED = {}  # translations already computed: a test compares several viewers' copies


def _translate(translator, text, languages, beam):
    found = translator.translate([text] * len(languages), languages, beam=beam, replace_unk=True)
    return {lang: hyps[0].text for lang, hyps in zip(languages, found)}


class RunningServer:
    """create_app(...) served by uvicorn in a thread until stop()."""

    def __init__(self, translator, languages, token="s3cret-token", beam=1, sock=None, **options):
        self.translator, self.languages, self.token, self.beam = translator, languages, token, beam
        self.sock = sock or bind("127.0.0.1", 0)
        self.app = create_app(translator, languages, token, beam=beam, **options)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = make_server(self.app)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})
        self.thread.start()
        while not self.server.started:
            assert self.thread.is_alive(), "the server thread ended before starting"
            time.sleep(0.01)

    @property
    def game(self):
        """The server's current game (games.Game)."""
        return self.app.state.games.current()

    @property
    def log(self):
        return self.game.log

    def post(self, text, t=None, **kwargs):
        """POST the line `text` (at media time `t` if given) to the current game."""
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        body = {"text": text} if t is None else {"text": text, "t": t}
        return httpx.post(self.url + "/api/lines", json=body, headers=headers, **kwargs)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(30)
        assert not self.thread.is_alive(), "the server did not stop"


def parse_sse(lines, kinds=("message",)):
    """Events {"event", "id", "seq", "line", "lang", "text"} of the types in `kinds` from an
    iterator of SSE text lines: "id" as sent ("EPOCH-SEQ", opaque to a browser), "seq" its
    number (None without an id), "event" the type ("message" unless the event names one)."""
    event = {}
    for line in lines:
        if line == "":
            kind = event.get("event", "message")
            if "data" in event and kind in kinds:
                event_id = event.get("id") or None
                seq = None if event_id is None else int(event_id.rpartition("-")[2])
                yield {"event": kind, "id": event_id, "seq": seq, **json.loads(event["data"])}
            event = {}
        elif not line.startswith(":"):
            field, _, value = line.partition(":")
            event[field] = value.removeprefix(" ")


def read_events(url, count, last_event_id=None, timeout=60):
    """The next `count` events of GET url/api/stream (resuming after last_event_id)."""
    headers = {} if last_event_id is None else {"Last-Event-ID": str(last_event_id)}
    events = []
    with httpx.stream("GET", url + "/api/stream", headers=headers, timeout=timeout) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        for event in parse_sse(response.iter_lines()):
            events.append(event)
            if len(events) == count:
                break
    return events


class ServeProcess:
    """`python -m rnnkit serve` as its own process on 127.0.0.1 port 0, its stderr in a file
    (to count what it logs); `limit_files` sets its open-file limit (soft and hard)."""

    def __init__(
        self, model_dir, stderr_path, *options, token=None, limit_files=None, env=None, store=None
    ):
        import resource
        import subprocess
        import sys
        import tempfile

        self.token = token or "hostile-test-token-0123456789"
        self.store = store or Path(tempfile.mkdtemp(prefix="rnnkit-store-")) / "live.db"
        command = [sys.executable, "-m", "rnnkit", "serve", "--model-dir", str(model_dir)]
        command += ["--port", "0", "--publish-token", self.token, "--store", str(self.store)]
        command += options

        def limit():
            if limit_files:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit_files, limit_files))

        self.stderr_path = stderr_path
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=open(stderr_path, "wb"),  # the child writes it; closed when it ends
            text=True,
            preexec_fn=limit,
            env=env,
        )
        banner = self.process.stdout.readline()
        assert "Serving" in banner, (banner, self.stderr())
        self.url = banner.split(" at ", 1)[1].strip().rstrip("/")
        self.port = int(self.url.rsplit(":", 1)[1])
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/api/languages").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.05)

    def stderr(self):
        return open(self.stderr_path, encoding="utf-8", errors="replace").read()

    def post(self, text, address="127.0.0.1", timeout=30):
        with client(address, timeout) as http:
            headers = {"Authorization": f"Bearer {self.token}"}
            return http.post(self.url + "/api/lines", json={"text": text}, headers=headers)

    def stop(self):
        import signal

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except Exception:
                self.process.kill()
                self.process.wait()


def client(address="127.0.0.1", timeout=30):
    """An httpx client whose connections come from `address` (any 127.x.y.z is this
    machine: each attack in the tests comes from an address of its own)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(transport=transport, timeout=timeout)


def raw_connection(port, address="127.0.0.1", receive_buffer=None):
    """A plain TCP socket to 127.0.0.1:port from `address` (receive_buffer: SO_RCVBUF)."""
    import socket

    sock = socket.socket()
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.bind((address, 0))
    sock.connect(("127.0.0.1", port))
    return sock


CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def chromium(profile, *flags):
    """Debian's Chromium, headless, driven by Selenium through the system chromedriver (apt
    keeps the two at the same version; nothing is downloaded), with a new profile directory
    `profile` and `flags` beside the usual ones."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *flags,
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    return driver

"""`rnnkit serve`: a trained model behind the live server and its page (rnnkit/serve/)."""

import ipaddress
import os
import secrets
import socket
from pathlib import Path

from rnnkit.cli.arguments import slot_policy
from rnnkit.errors import RnnkitError
from rnnkit.serve.tokens import MIN_TOKEN_CHARS, token_problem
from rnnkit.translator.decoding.search import check_beam

DEMO_MODEL = Path("rnnkit-demo") / "model"  # where `rnnkit demo` (default --out) trains
TOKEN_ENV = "RNNKIT_PUBLISH_TOKEN"
DEFAULT_STORE = Path("rnnkit-live.db")
# Below this confidence a translation is withheld: the largest threshold that withholds at
# most 5% of the translations of the hand-written development lines (benchmarks/real_games/,
# `python benchmarks/real_games.py`: 4.7% with the demo's model, 2026-12-07), those the
# constrained search could not complete included.
DEFAULT_MIN_CONFIDENCE = 0.3


def register(subparsers):
    parser = subparsers.add_parser(
        "serve",
        help="serve live translation of posted commentary to browsers",
        description="Serves a trained model: commentary lines posted to /api/lines (with the "
        "publishing token) are translated into every language in one batched pass and "
        "pushed to every viewer of /api/stream (Server-Sent Events) and of the page at /. "
        "Ctrl-C stops it.",
    )
    parser.add_argument(
        "--model-dir",
        help=f"a directory made by rnnkit train; if not given, ./{DEMO_MODEL} (rnnkit demo's)",
    )
    parser.add_argument(
        "--languages",
        help="comma-separated languages to serve, e.g. fr,zh; if not given, all the model knows",
    )
    parser.add_argument("--beam", type=int, default=3, help="beam size (1: greedy search)")
    parser.add_argument(
        "--store",
        default=str(DEFAULT_STORE),
        help="the game record, an SQLite file: every line and translation is committed there "
        "before it is acknowledged or sent, and a restart on the same file goes on with the "
        "game (viewers resume with their Last-Event-ID, lines not yet translated are); never "
        "inside a model directory (default: ./%(default)s)",
    )
    parser.add_argument(
        "--broker",
        help="redis://HOST:PORT[/DB]: keep the games in Redis Streams instead of --store, "
        "shared by every server process started with the same broker (on any machine): a "
        "line posted to any of them is translated once and sent by all (pip install "
        "'rnnkit[broker]')",
    )
    parser.add_argument(
        "--claim-seconds",
        type=float,
        default=5.0,
        help="with --broker: how long a line stays with a server that stopped translating it "
        "(it died) before another server takes it over; longer than a line's translation "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--roster",
        help="tonight's game: a TOML file with the two teams and their players, with optional "
        "spellings of a name per language (see rnnkit/demo/roster.py); the server's current "
        "game is this one (a new game if the record's live game has another roster)",
    )
    parser.add_argument(
        "--video",
        help="the broadcast's HLS playlist (a URL): /captions/master.m3u8 gives it with a "
        "subtitle rendition per language, for a video player (hls.js, Safari, ExoPlayer)",
    )
    parser.add_argument(
        "--mpegts",
        type=int,
        default=0,
        help="the video's MPEG-TS timestamp (90 kHz ticks) at the broadcast's start, where a "
        "line's \"t\" is 0: written in every caption segment's X-TIMESTAMP-MAP "
        "(default: %(default)s)",
    )
    add_server_options(parser)
    parser.set_defaults(func=run)


def add_server_options(parser):
    """--host, --port, --publish-token and the connection limits: shared with `rnnkit demo
    --serve`."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (loopback by default; 0.0.0.0 opens it to the network)",
    )
    parser.add_argument("--port", type=int, default=8000, help="TCP port (0: any free port)")
    parser.add_argument(
        "--publish-token",
        help=f"the token a publisher sends as 'Authorization: Bearer TOKEN', at least "
        f"{MIN_TOKEN_CHARS} characters; if not given, ${TOKEN_ENV}, else a random one, printed "
        "at start",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help="a translation less confident than this (the geometric mean of its tokens' "
        "probabilities, 0-1) is withheld: viewers get the English, marked untranslated; 0: "
        "never withhold",
    )
    parser.add_argument(
        "--max-connections",
        type=int,
        default=10000,
        help="open connections in all (kept below the open-file limit); past it, 503",
    )
    parser.add_argument(
        "--max-connections-per-address",
        type=int,
        default=256,
        help="open connections from one client address (an IPv6 /64); past it, 503",
    )


def run(args):
    from rnnkit.demo.roster import load_roster
    from rnnkit.translator.decoding.inference import Translator

    check_beam(args.beam)
    if not 0.1 <= args.claim_seconds <= 3600:
        raise RnnkitError(f"--claim-seconds must be from 0.1 to 3600, got {args.claim_seconds}")
    roster = load_roster(args.roster) if args.roster else None  # fails before the model loads
    directory = model_dir(args.model_dir)
    if args.broker is None:
        check_store_path(args.store, directory)
    translator = Translator.load(directory, slots=slot_policy())
    languages = served_languages(translator, args.languages)
    video = check_video(args.video, args.mpegts)
    listening = listen(args)
    store = open_broker(args.broker, args.claim_seconds) if args.broker else open_store(args.store)
    serve_translator(
        translator, languages, listening, args.beam, store=store, roster=roster, video=video
    )
    return 0


def check_video(url, mpegts):
    """The --video and --mpegts options as create_app takes them ({} if no video)."""
    if not 0 <= mpegts < 2**33:
        raise RnnkitError(f"--mpegts must be from 0 to 2^33 - 1 (33-bit, 90 kHz), got {mpegts}")
    if url is None:
        return {"mpegts": mpegts}
    if not url.strip() or any(c in url for c in '"\r\n') or any(c.isspace() for c in url):
        raise RnnkitError(f"--video {url[:60]!r} is not a URL; give the video's HLS playlist")
    return {"video": url, "mpegts": mpegts}


def check_store_path(store, directory):
    """The game record is the server's own file, never one inside a model directory (a
    model directory holds what rnnkit train wrote, and is replaced as a whole)."""
    path, model = Path(store).resolve(), Path(directory).resolve()
    if path == model or model in path.parents:
        raise RnnkitError(
            f"--store {store} is inside the model directory {directory}; keep the game record "
            f"elsewhere (default: ./{DEFAULT_STORE})"
        )


def open_store(path):
    """The game record at `path` (store.Store), made if new."""
    from rnnkit.serve.store import Store

    return Store(path)


def open_broker(url, claim_seconds):
    """The games in the Redis at `url` (broker.RedisStore)."""
    try:
        from rnnkit.serve.broker import RedisStore
    except ImportError:
        raise RnnkitError("--broker needs the Redis client: pip install 'rnnkit[broker]'") from None
    return RedisStore(url, claim_seconds=claim_seconds)


def model_dir(given):
    if given is not None:
        return Path(given)
    if not DEMO_MODEL.is_dir():
        raise RnnkitError(
            f"no --model-dir given and no ./{DEMO_MODEL} here; run 'rnnkit demo' to train "
            "one, or pass --model-dir DIR (a directory made by rnnkit train)"
        )
    return DEMO_MODEL


def served_languages(translator, option):
    """The --languages list, each one the model translates into (default: all of them)."""
    known = translator.languages
    if not known:
        raise RnnkitError(
            "the model has no target-language tags (trained without a language column or "
            "--lang); retrain it with --lang CODE to serve it"
        )
    if option is None:
        return list(known)
    chosen = [code.strip() for code in option.split(",") if code.strip()]
    if not chosen:
        raise RnnkitError("--languages is empty; give codes such as fr,zh")
    unknown = [code for code in chosen if code not in known]
    if unknown:
        raise RnnkitError(
            f"--languages: the model does not translate into {', '.join(unknown)}; "
            f"it knows: {', '.join(known)}"
        )
    return list(dict.fromkeys(chosen))  # duplicates once, in the order given


def check_token(given, from_env):
    """(token, whether it was generated): the given one if it is good, else a new random one
    if none was given; a bad one is refused with the reason, naming where it came from."""
    if given is None:
        return secrets.token_urlsafe(24), True
    where = f"${TOKEN_ENV}" if from_env else "--publish-token"
    if not given:
        instead = "unset it" if from_env else "leave it out"
        raise RnnkitError(
            f"{where} is empty; give a token of at least {MIN_TOKEN_CHARS} characters, or "
            f"{instead} for a random one"
        )
    problem = token_problem(given)
    if problem:
        raise RnnkitError(f"{where} {problem}")
    return given, False


def listen(args):
    """Check the server options and take the port: (socket, token, whether it was generated,
    the ConnectionGuard). Done before any long work (the demo's training), so a bad option
    fails at once."""
    from rnnkit.serve import ConnectionGuard, bind

    if not 0 <= args.min_confidence <= 1:
        raise RnnkitError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    for flag, value in (
        ("--max-connections", args.max_connections),
        ("--max-connections-per-address", args.max_connections_per_address),
    ):
        if value < 2:
            raise RnnkitError(f"{flag} must be at least 2, got {value}")
    from_env = args.publish_token is None
    given = os.environ.get(TOKEN_ENV) if from_env else args.publish_token
    token, generated = check_token(given, from_env)
    guard = ConnectionGuard(args.max_connections, args.max_connections_per_address)
    options = {"guard": guard, "min_confidence": args.min_confidence or None}
    return bind(args.host, args.port), token, generated, options


def viewer_urls(address, port):
    """The addresses a viewer can open for a server listening on `address`: itself, or for
    a wildcard (0.0.0.0, ::) loopback and this machine's own addresses."""
    ip = ipaddress.ip_address(address)
    if not ip.is_unspecified:
        return [f"http://{f'[{ip}]' if ip.version == 6 else ip}:{port}/"]
    found = {"127.0.0.1" if ip.version == 4 else "::1"}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            candidate = ipaddress.ip_address(info[4][0].split("%")[0])
            if (ip.version == 6 or candidate.version == 4) and not candidate.is_link_local:
                found.add(str(candidate))
    except (OSError, ValueError):
        pass
    ordered = sorted(found, key=lambda a: (not ipaddress.ip_address(a).is_loopback, a))
    return [f"http://{f'[{a}]' if ':' in a else a}:{port}/" for a in ordered]


def serve_translator(
    translator,
    languages,
    listening,
    beam,
    script=(),
    interval=2.0,
    store=None,
    roster=None,
    video=None,
):
    """Serve on `listening` (from `listen`) until Ctrl-C; `script`: lines played into the game;
    `store`: the record of the games (store.Store), None to keep them in memory; `roster`:
    the first game's (a demo.roster.Roster); `video`: create_app's video options (from
    `check_video`). Each game's translator knows its roster's players (the demo's slot
    policy)."""
    from rnnkit.demo.slot_policy import DemoSlots
    from rnnkit.serve import create_app, make_server

    sock, token, generated, options = listening
    app = create_app(
        translator,
        languages,
        token,
        beam=beam,
        script=script,
        interval=interval,
        store=store,
        slots_for=DemoSlots,
        roster=roster,
        **(video or {}),
        **options,
    )
    address = sock.getsockname()
    urls = viewer_urls(address[0], address[1])
    url = urls[0].rstrip("/")
    print(f"Serving {len(languages)} languages ({', '.join(languages)}) at {urls[0]}")
    for other in urls[1:]:
        print(f"  also at {other}")
    if store is not None:
        live = [row for row in store.games() if row.closed is None]
        kept = f"going on with {len(live)} live games" if live else "a new game"
        where = "broker" if store.shared else "game record"
        print(f"  {where}: {store.path} ({kept})")
    if not ipaddress.ip_address(address[0]).is_loopback:
        print(f"  listening on {address[0]}: anyone who reaches it can watch; only the token posts")
    shown_token = token if generated else "$TOKEN"  # a token the user chose stays unprinted
    if generated:
        print(f"  publishing token (random; --publish-token sets one): {token}")
    print(
        f"  post a line: curl -H 'Authorization: Bearer {shown_token}' "
        f"-H 'Content-Type: text/plain' --data-binary 'Tremblay hits a three' {url}/api/lines"
    )
    hls = f"{url}/captions/master.m3u8 (HLS), " if video and "video" in video else ""
    print(f"  captions for video players: {hls}{url}/captions/LANG.vtt (WebVTT)")
    print("  Ctrl-C stops the server", flush=True)
    make_server(app).run(sockets=[sock])

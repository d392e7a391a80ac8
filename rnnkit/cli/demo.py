"""`rnnkit demo`: the case study end to end (data, training, scores, a live game, plots);
with --serve, then the live server with the demo game playing into its page."""

from pathlib import Path

from rnnkit.cli.arguments import slot_policy
from rnnkit.cli.serve import add_server_options

SERVE_INTERVAL = 2.0  # seconds between the served game's lines, about a real broadcast's pace


def register(subparsers):
    parser = subparsers.add_parser(
        "demo",
        help="train and run the live Raptors commentary translator",
        description="Generates English basketball commentary with translations, trains one "
        "multilingual model on it, prints test BLEU/chrF per language, then translates a "
        "short live game line by line. Takes about 5 minutes on 2 CPU cores.",
    )
    parser.add_argument("--out", default="rnnkit-demo", help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated games")
    parser.add_argument(
        "--time-budget",
        type=float,
        default=None,
        help="training seconds (default: the demo's own, about 3 minutes)",
    )
    parser.add_argument("--events", type=int, default=8, help="lines of the live game")
    parser.add_argument("--beam", type=int, default=3, help="beam size for test and live game")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="then serve the model (as rnnkit serve does) and play a whole game into the page, "
        f"a line every {SERVE_INTERVAL:g} s, until Ctrl-C",
    )
    add_server_options(parser)
    parser.set_defaults(func=run)


def run(args):
    from rnnkit.cli.serve import listen, open_store, serve_translator
    from rnnkit.demo.game import play_by_play
    from rnnkit.demo.languages import english
    from rnnkit.demo.run import LIVE_STORE, run_demo
    from rnnkit.translator.decoding.inference import Translator

    listening = listen(args) if args.serve else None
    run_demo(
        args.out,
        seed=args.seed,
        time_budget=args.time_budget,
        events=args.events,
        beam=args.beam,
        show_progress=not args.quiet,
    )
    if listening:
        translator = Translator.load(Path(args.out) / "model", slots=slot_policy())
        game = [english(event) for event in play_by_play(seed=args.seed, n_events=10**6)]
        print(f"\nThe whole game ({len(game)} lines), live in the browser:")
        serve_translator(
            translator,
            translator.languages,
            listening,
            args.beam,
            script=game,
            interval=SERVE_INTERVAL,
            store=open_store(Path(args.out) / LIVE_STORE),  # the demo's own, new each run
        )
    return 0

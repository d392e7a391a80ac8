"""`rnnkit demo`: the case study end to end (data, training, scores, a live game, plots)."""


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
    parser.set_defaults(func=run)


def run(args):
    from rnnkit.demo.run import run_demo

    run_demo(
        args.out,
        seed=args.seed,
        time_budget=args.time_budget,
        events=args.events,
        beam=args.beam,
        show_progress=not args.quiet,
    )
    return 0

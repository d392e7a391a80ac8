"""`rnnkit gradients`: the lecture's vanishing-gradient claim, measured on rnnkit's own layers
(vanilla RNN, simplified GRU, GRU, LSTM). The work lives in rnnkit.experiments."""

import argparse
import dataclasses

from tqdm import tqdm

from rnnkit.errors import ConfigError
from rnnkit.experiments import vanishing_gradients as experiment

DEFAULTS = experiment.Config()
# Upper bounds that keep one run within a laptop's memory and a day's time (the experiment
# holds (T, B, H) activations per cell: hidden 4096 at distance 10,000 is already gigabytes).
LIMITS = {
    "max_distance": 10_000,
    "seeds": 100,
    "hidden": 4096,
    "steps": 1_000_000,
    "batch": 4096,
    "points": 1000,
}


def register(subparsers):
    parser = subparsers.add_parser(
        "gradients",
        help="measure vanishing and exploding gradients in RNN, simplified GRU, GRU, LSTM",
        description="Measure the gradient dJ/dx<t> through long sentences and the accuracy of "
        "subject-verb agreement against distance for each cell; write CSVs and PNGs to --out.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--out", default="gradients", help="directory for the CSVs and PNGs")
    parser.add_argument(
        "--cells",
        default=",".join(DEFAULTS.cells),
        help=f"comma-separated, from {','.join(experiment.CELLS)}",
    )
    parser.add_argument(
        "--max-distance",
        type=int,
        default=DEFAULTS.max_distance,
        help="longest distractor clause (words between subject and verb)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULTS.seed, help="first random seed")
    parser.add_argument("--seeds", type=int, default=DEFAULTS.seeds, help="models per cell")
    parser.add_argument("--hidden", type=int, default=DEFAULTS.hidden, help="hidden size H")
    parser.add_argument(
        "--steps",
        type=int,
        default=DEFAULTS.steps,
        help="training steps per model (the same budget for every cell)",
    )
    parser.add_argument("--batch", type=int, default=DEFAULTS.batch, help="sentences per step")
    parser.add_argument(
        "--points",
        type=int,
        default=DEFAULTS.points,
        help="distances at which accuracy is measured",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def config_from_args(args):
    """The experiment's Config from the parsed options; ConfigError on a value not allowed."""
    cells = tuple(name.strip() for name in args.cells.split(",") if name.strip())
    unknown = [name for name in cells if name not in experiment.CELLS]
    if unknown or not cells:
        raise ConfigError(
            f"--cells: unknown cell {','.join(unknown) or '(none given)'!r}; "
            f"choose from {','.join(experiment.CELLS)}"
        )
    for option, largest in LIMITS.items():
        value = getattr(args, option)
        if not 1 <= value <= largest:
            flag = "--" + option.replace("_", "-")
            raise ConfigError(f"{flag} must be between 1 and {largest:,}, got {value}")
    if not 0 <= args.seed <= 2**32 - 1:
        raise ConfigError(f"--seed must be between 0 and {2**32 - 1}, got {args.seed}")
    return dataclasses.replace(
        DEFAULTS,
        cells=cells,
        max_distance=args.max_distance,
        seed=args.seed,
        seeds=args.seeds,
        hidden=args.hidden,
        steps=args.steps,
        batch=args.batch,
        points=args.points,
    )


def run(args):
    config = config_from_args(args)
    try:
        with tqdm(total=config.work(), unit="rnn-step", disable=args.quiet, desc="training") as bar:
            summary = experiment.run(config, args.out, progress=bar.update)
    except OSError as exc:
        raise ConfigError(f"--out {args.out}: cannot write there ({exc.strerror})") from exc
    print(summary)
    print(
        f"\nwrote gradient_flow.png, accuracy_vs_distance.png, exploding_gradients.png, "
        f"gradient_flow.csv, accuracy.csv, exploding_gradients.csv, clipping.csv to {args.out}"
    )
    return 0

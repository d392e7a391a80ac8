"""`rnnkit train`: train a translator on parallel text into a model directory."""

import argparse
import dataclasses
import shlex
import signal
import sys
import typing

from rnnkit.errors import RnnkitError
from rnnkit.translator.model.seq2seq import MODEL_OPTIONS
from rnnkit.translator.training.config import TrainConfig, build_config


def add_config_options(parser):
    """One option per TrainConfig field: --batch-size for batch_size, --no-x for booleans.

    Defaults are suppressed so that only options given on the command line override the
    YAML config; the help shows the real default.
    """
    hints = typing.get_type_hints(TrainConfig)
    groups = {
        False: parser.add_argument_group("data, text pipeline, optimisation, checkpoints"),
        True: parser.add_argument_group("model (the network's shape, stored in config.json)"),
    }
    for f in dataclasses.fields(TrainConfig):
        group = groups[f.name in MODEL_OPTIONS]
        flag = "--" + f.name.replace("_", "-")
        help_text = f.metadata["help"]
        if f.default is not None:  # an option that is unset by default says nothing more
            help_text += f" (default: {f.default})"
        kind = hints[f.name]
        if kind is bool:
            group.add_argument(
                flag,
                action=argparse.BooleanOptionalAction,
                default=argparse.SUPPRESS,
                help=help_text,
            )
        else:
            base = [t for t in typing.get_args(kind) if t is not type(None)] or [kind]
            group.add_argument(
                flag,
                type=base[0],
                default=argparse.SUPPRESS,
                help=help_text,
                metavar=f.name.upper(),
            )


def register(subparsers):
    parser = subparsers.add_parser(
        "train",
        help="train a translator on parallel text",
        description="Train an encoder-decoder translator. Data: a TSV (source<TAB>target, or "
        "lang<TAB>source<TAB>target for many target languages) or two aligned files.",
    )
    parser.add_argument("--model-dir", required=True, help="where the model is written")
    parser.add_argument("--config", help="YAML file with the same keys as these options")
    parser.add_argument(
        "--resume", action="store_true", help="continue from MODEL_DIR/latest.safetensors"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace the model in a non-empty MODEL_DIR"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_config_options(parser)
    parser.set_defaults(func=run)


def run(args):
    from rnnkit import distributed

    # Under mpiexec a rank that fails ends the whole job (see rnnkit.distributed).
    with distributed.abort_on_error("rnnkit train"):
        return _run(args, distributed)


def _run(args, distributed):
    from rnnkit.translator.training.loop import train

    config_keys = {f.name for f in dataclasses.fields(TrainConfig)}
    given = {k: v for k, v in vars(args).items() if k in config_keys}  # only those typed
    if args.resume:
        if args.config:
            raise RnnkitError(
                "--resume takes the run's configuration from MODEL_DIR/config.json; drop --config"
            )
        config = None  # the saved config rules; only stopping options may change
    else:
        config = build_config(args.config, given)  # train() validates it, before anything
    summary = train(
        config,
        args.model_dir,
        resume=args.resume,
        overwrite=args.overwrite,
        overrides=given,
        show_progress=not args.quiet,
    )
    if not distributed.is_root():
        return 0  # rank 0 reports
    best = summary["best_bleu"]
    print(
        f"trained {summary['steps']} steps ({summary['stop_reason']}) in {summary['seconds']} s; "
        f"training J {summary['train_loss']:.3f}"
        if summary["train_loss"] is not None
        else f"trained {summary['steps']} steps ({summary['stop_reason']})",
        end="",
    )
    print(
        (f"; best dev BLEU {best:.2f}" if best is not None else "") + f"; model in {args.model_dir}"
    )
    if summary["interrupted"]:
        print(
            f"stopped by {summary['interrupted']} at step {summary['steps']}; latest.safetensors "
            f"is saved; resume with: rnnkit train --model-dir {shlex.quote(str(args.model_dir))} "
            "--resume",
            file=sys.stderr,
        )
        return 128 + signal.Signals[summary["interrupted"]].value
    return 0

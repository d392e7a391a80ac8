"""Entry point of the `rnnkit` command: builds the parser from the subcommand modules.

Each subcommand module defines `register(subparsers)`, which adds its parser and sets
`func` (called with the parsed arguments, returns an exit code). Errors a user can cause
(`RnnkitError`) are printed as one line on stderr with exit code 2, never as a traceback.
"""

import argparse
import contextlib
import importlib
import signal
import sys
import threading

from rnnkit import __version__, distributed
from rnnkit.core import parallel
from rnnkit.errors import RnnkitError

SUBCOMMANDS = ["demo", "train", "translate", "evaluate", "gradients", "serve"]


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows an option's default once: not when its help already says it, not for a required
    option, and not when there is none (None, or a flag that is off)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if (
            "default" in text
            or action.required
            or any(action.default is nothing for nothing in (None, False, argparse.SUPPRESS))
        ):
            return text
        return super()._get_help_string(action)


class Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one line, like every other error of rnnkit's."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser():
    parser = Parser(
        prog="rnnkit",
        description="Recurrent neural networks from first principles, and a multilingual "
        "translator built on them.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rnnkit {__version__}")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads rnnkit computes with: every batch is split into row blocks that run at "
        "once (default: the cores this process may use; 1 per rank under MPI). Each matrix "
        "product stays on one BLAS thread: multi-threaded OpenBLAS spins, and on a busy "
        "machine it was several times slower (benchmarks/README.md)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"rnnkit.cli.{name}").register(subparsers)
    for subparser in subparsers.choices.values():  # every --help shows the defaults
        subparser.formatter_class = HelpFormatter
    return parser


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if args.threads is None:
        args.threads = 1 if distributed.launched_by_mpi() else parallel.available_cores()
    if args.threads < 1:
        parser.error(f"--threads must be at least 1, got {args.threads}")
    if args.command != "train" and distributed.launched_by_mpi():
        if distributed.launcher_rank() == 0:  # one line for the job, not one per rank
            print(
                f"rnnkit {args.command}: error: only rnnkit train runs on many MPI ranks; run "
                f"rnnkit {args.command} as one process (without mpiexec)",
                file=sys.stderr,
            )
        return 2
    try:
        parallel.set_num_threads(args.threads)
        with parallel.one_blas_thread(), terminate_as_interrupt():
            return args.func(args) or 0
    except RnnkitError as exc:
        print(f"rnnkit {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # permission denied, disk full, ...: the system's own words
        print(f"rnnkit {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except Terminated:
        print(f"rnnkit {args.command}: terminated (SIGTERM)", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print(f"rnnkit {args.command}: interrupted", file=sys.stderr)
        return 130


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds as after Ctrl-C: every
    `with` block closes, and a half-written output file is removed, not left behind."""


@contextlib.contextmanager
def terminate_as_interrupt():
    """SIGTERM raises Terminated while the command runs (commands that stop gracefully, as
    train and serve do, install their own handler for the time they need it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(number, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())

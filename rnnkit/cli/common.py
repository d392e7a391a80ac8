"""Options and file handling shared by the subcommands that use a trained model."""

import contextlib
import os
import sys
from pathlib import Path

from rnnkit.errors import DataError, RnnkitError
from rnnkit.files import atomic_open


def add_decoding_options(parser, beam=5):
    parser.add_argument("--model-dir", required=True, help="a directory made by rnnkit train")
    parser.add_argument("--beam", type=int, default=beam, help="beam size (1: greedy search)")
    parser.add_argument(
        "--length-penalty",
        type=float,
        default=1.0,
        help="GNMT length penalty alpha for beam search (0: none)",
    )
    parser.add_argument(
        "--max-len-ratio",
        type=float,
        default=2.0,
        help="longest translation, as a multiple of the source length",
    )
    parser.add_argument(
        "--replace-unk",
        action="store_true",
        help="replace <unk> in the output by the most-attended source word",
    )
    parser.add_argument(
        "--checkpoint",
        choices=("best", "latest"),
        default="best",
        help="which weights to use (best: highest dev BLEU)",
    )


def decoding_options(args):
    if args.beam < 1:
        raise RnnkitError(f"--beam must be at least 1, got {args.beam}")
    return {
        "beam": args.beam,
        "length_penalty": args.length_penalty,
        "max_len_ratio": args.max_len_ratio,
        "replace_unk": args.replace_unk,
    }


def read_lines(stream, name):
    """Yield (line number, text) from a binary stream, one line at a time (for live input);
    invalid UTF-8 is a DataError naming the line."""
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            raise DataError(
                name, number, f"invalid UTF-8 at byte {exc.start + 1}; convert the input to UTF-8"
            ) from None


def open_input(path):
    if path in (None, "-"):
        return sys.stdin.buffer, "<stdin>"
    try:
        return open(path, "rb"), path
    except OSError as exc:
        raise DataError(path, None, f"cannot read ({exc.strerror})") from None


def check_output(path, force=False, inputs=()):
    """Refuse an --output that exists (unless --force) or is one of the command's `inputs`
    (files or directories it reads), before any work is done."""
    if path in (None, "-"):
        return
    target = Path(path)
    if target.exists():
        if not force:
            raise RnnkitError(
                f"{path}: exists; choose another --output or pass --force to replace it"
            )
        for source in inputs:
            if source and Path(source).exists() and _same_or_inside(target, Path(source)):
                raise RnnkitError(
                    f"--output {path} is the input {source}; it would be lost: write to "
                    "another file"
                )
    if target.is_dir():
        raise RnnkitError(f"{path}: is a directory; give --output a file name")


@contextlib.contextmanager
def output_file(path, force=False, inputs=()):
    """stdout, or `path` written whole when the command succeeds (a failed run leaves an
    existing file as it was); see `check_output` for what is refused."""
    if path in (None, "-"):
        yield sys.stdout
        return
    check_output(path, force, inputs)
    target = Path(path)
    try:
        with atomic_open(target, "w") as out:
            yield out
    except OSError as exc:
        raise RnnkitError(f"{path}: cannot write ({exc.strerror})") from None


def _same_or_inside(target, source):
    if os.path.samefile(target, source):
        return True
    return source.is_dir() and target.resolve().is_relative_to(source.resolve())

"""Options and file handling shared by the subcommands that use a trained model."""

import contextlib
import math
import os
import sys
from pathlib import Path

from rnnkit.errors import ConfigError, DataError, RnnkitError
from rnnkit.files import atomic_open, remove_leftovers
from rnnkit.text.corpus import DEFAULT_MAX_CHARS, LARGEST_MAX_CHARS
from rnnkit.text.lines import bounded_lines
from rnnkit.translator.decoding.search import MAX_BEAM, MAX_OUTPUT_LEN, check_beam


def add_decoding_options(parser, beam=5):
    parser.add_argument("--model-dir", required=True, help="a directory made by rnnkit train")
    parser.add_argument(
        "--beam", type=int, default=beam, help=f"beam size (1: greedy search; at most {MAX_BEAM})"
    )
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
        help="longest translation, as a multiple of the source length (+5 words; never more "
        f"than {MAX_OUTPUT_LEN} words)",
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        help="longest input sentence in characters; a longer line is an error",
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


def add_policy_options(parser):
    """The simultaneous-translation options (policy and mask), as their own help group."""
    live = parser.add_argument_group("simultaneous translation (word by word)")
    live.add_argument(
        "--retranslate",
        action="store_true",
        help="policy: translate the whole source prefix again at every arriving word",
    )
    live.add_argument(
        "--wait-k",
        type=int,
        metavar="K",
        help="policy: wait-k, one target token per source word after the first K (greedy: "
        "--beam and --length-penalty do not apply)",
    )
    live.add_argument(
        "--mask",
        type=int,
        default=0,
        metavar="M",
        help="with --retranslate: withhold the last M target tokens until the sentence ends",
    )
    return live


def slot_policy(roster=None):
    """How translators loaded by the command line write slots: as the demo's language tables
    write names and numbers (rnnkit/demo/slot_policy.py), knowing the players of `roster` (a
    roster file's path) if given. Used only by a model trained on slotted text."""
    from rnnkit.demo.roster import load_roster
    from rnnkit.demo.slot_policy import DemoSlots

    return DemoSlots(load_roster(roster) if roster else None)


def decoding_options(args):
    """The keyword arguments of `Translator.translate` from the parsed options, checked."""
    check_beam(args.beam)
    if not (math.isfinite(args.max_len_ratio) and args.max_len_ratio > 0):
        raise ConfigError(
            f"--max-len-ratio must be a positive number, got {args.max_len_ratio}; "
            "2 allows translations twice as long as the source"
        )
    if not math.isfinite(args.length_penalty):
        raise ConfigError(f"--length-penalty must be a finite number, got {args.length_penalty}")
    if not 1 <= args.max_chars <= LARGEST_MAX_CHARS:
        raise ConfigError(
            f"--max-chars must be between 1 and {LARGEST_MAX_CHARS:,}, got {args.max_chars}"
        )
    return {
        "beam": args.beam,
        "length_penalty": args.length_penalty,
        "max_len_ratio": args.max_len_ratio,
        "replace_unk": args.replace_unk,
    }


def read_lines(stream, name, max_chars=DEFAULT_MAX_CHARS):
    """Yield (line number, text) from a binary stream, one line at a time (for live input).

    Invalid UTF-8 and a line of more than `max_chars` characters are DataErrors naming the
    line; an overlong line is found before more than a few times max_chars bytes are read.
    """
    too_long = (
        f"longer than --max-chars {max_chars} characters; split the line or raise --max-chars"
    )
    for number, raw in bounded_lines(stream, name, max_chars):
        if raw is None:
            raise DataError(name, number, too_long)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                name, number, f"invalid UTF-8 at byte {exc.start + 1}; convert the input to UTF-8"
            ) from None
        if len(text) > max_chars:
            raise DataError(name, number, too_long)
        yield number, text


def open_input(path):
    if path in (None, "-"):
        return sys.stdin.buffer, "<stdin>"
    try:
        return open(path, "rb"), path
    except OSError as exc:
        raise DataError(path, None, f"cannot read ({exc.strerror})") from None


def check_output(path, force=False, inputs=()):
    """Refuse an --output that exists (unless --force) or is one of the command's `inputs`
    (files or directories it reads; None or "-" stands for stdin), however it is named
    (a symbolic or hard link, /proc/self/fd/N), before any work is done."""
    if path in (None, "-"):
        return
    target = Path(path)
    if target.exists():
        if not force:
            raise RnnkitError(
                f"{path}: exists; choose another --output or pass --force to replace it"
            )
        for source in inputs:
            if source in (None, "-"):
                if _is_stdin(target):
                    raise RnnkitError(
                        f"--output {path} is the file on the standard input; it would be "
                        "lost: write to another file"
                    )
            elif Path(source).exists() and _same_or_inside(target, Path(source)):
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
    remove_leftovers(target)  # of a run killed while writing it
    try:
        with atomic_open(target, "w") as out:
            yield out
    except OSError as exc:
        raise RnnkitError(f"{path}: cannot write ({exc.strerror})") from None


def _is_stdin(target):
    try:
        given, stdin = os.stat(target), os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):  # no stdin (closed, or not a real file)
        return False
    return (given.st_dev, given.st_ino) == (stdin.st_dev, stdin.st_ino)


def _same_or_inside(target, source):
    if os.path.samefile(target, source):
        return True
    return source.is_dir() and target.resolve().is_relative_to(source.resolve())

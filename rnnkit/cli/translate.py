"""`rnnkit translate`: lines in (stdin or a file), translations out, each line flushed as
soon as it is translated (the live-commentary use)."""

import sys

from rnnkit.cli.common import (
    add_decoding_options,
    decoding_options,
    open_input,
    output_file,
    read_lines,
)
from rnnkit.errors import ConfigError


def register(subparsers):
    parser = subparsers.add_parser(
        "translate",
        help="translate lines with a trained model",
        description="Reads one sentence per line and writes its translations. With several "
        "target languages each input line gives one line per language, 'lang<TAB>text'; "
        "with --n-best K each gives K lines '[lang<TAB>]rank<TAB>score<TAB>text'.",
    )
    add_decoding_options(parser)
    parser.add_argument(
        "--to",
        help="comma-separated target languages (default: all the model knows), e.g. fr,es,zh",
    )
    parser.add_argument("--n-best", type=int, default=1, help="translations per line (<= beam)")
    parser.add_argument("--input", help="input file (default: stdin)")
    parser.add_argument("--output", help="output file (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace an existing --output")
    parser.set_defaults(func=run)


def run(args):
    from rnnkit.translator.inference import Translator

    options = decoding_options(args)
    if not 1 <= args.n_best <= args.beam:
        raise ConfigError(f"--n-best must be between 1 and --beam ({args.beam}), got {args.n_best}")
    langs = None
    if args.to is not None:
        langs = [code.strip() for code in args.to.split(",") if code.strip()]
        if not langs:
            raise ConfigError(f"--to {args.to!r} names no language; give codes like fr,es,zh")
    translator = Translator.load(args.model_dir, args.checkpoint)
    langs = langs or translator.languages or [None]
    translator.check_languages(set(langs))
    tagged = len(langs) > 1
    stream, name = open_input(args.input)
    with output_file(args.output, args.force, inputs=(args.input, args.model_dir)) as out:
        for number, line in read_lines(stream, name, args.max_chars):
            unknown, words = translator.unknown_words(line)
            if unknown >= 2 and unknown * 2 > words:  # most of the line: a poor translation
                print(
                    f"{name}:{number}: {unknown} of {words} words unknown to the model",
                    file=sys.stderr,
                )
            if not line.strip():  # keep the output aligned with the input
                out.write("\n" * (len(langs) * args.n_best))
                out.flush()
                continue
            found = translator.translate([line] * len(langs), langs, n_best=args.n_best, **options)
            for lang, hyps in zip(langs, found):
                prefix = f"{lang}\t" if tagged else ""
                for rank, hyp in enumerate(hyps, start=1):
                    if args.n_best > 1:
                        out.write(f"{prefix}{rank}\t{hyp.score:.4f}\t{hyp.text}\n")
                    else:
                        out.write(f"{prefix}{hyp.text}\n")
            out.flush()
    return 0

"""`rnnkit translate`: lines in (stdin or a file), translations out, each line flushed as
soon as it is translated (the live-commentary use).

With --stream the input is words as a commentator speaks them (one or more per line, an
empty line ends the sentence) and each revision of each language is written as soon as the
policy (--retranslate, --wait-k K, or by default the model's: wait-k with its own K for a
model trained with --wait-k, else re-translation) makes it: one line per event, flushed at once,
`lang<TAB>partial|final<TAB>text`, or with --json one object per line
{"sentence": N, "lang": "fr", "words": W, "final": false, "text": "..."} (W: source words
read). A revision is the whole text to show for that language, replacing the one before.
"""

import json
import sys

from rnnkit.cli.arguments import (
    add_decoding_options,
    add_policy_options,
    decoding_options,
    open_input,
    output_file,
    read_lines,
    slot_policy,
)
from rnnkit.errors import ConfigError, DataError


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
    live = add_policy_options(parser)
    live.add_argument(
        "--stream",
        action="store_true",
        help="read words as they arrive (an empty line ends a sentence) and write every "
        "revision at once: 'lang<TAB>partial|final<TAB>text' (policy, unless --retranslate "
        "or --wait-k K says: wait-k with the model's own K if it was trained with --wait-k, "
        "else re-translation)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per translation: {"line": N, "lang": ..., "text": ..., '
        '"confidence": ..., "withheld": ...} (with --stream: one per revision)',
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="withhold a translation less confident than this (0-1): the source line is "
        "written instead, with withheld: true in --json",
    )
    parser.set_defaults(func=run)


def run(args):
    from rnnkit.translator.decoding.inference import Translator

    options = decoding_options(args)
    check_stream_options(args)
    if not 0 <= args.min_confidence <= 1:
        raise ConfigError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    if not 1 <= args.n_best <= args.beam:
        raise ConfigError(f"--n-best must be between 1 and --beam ({args.beam}), got {args.n_best}")
    langs = None
    if args.to is not None:
        langs = [code.strip() for code in args.to.split(",") if code.strip()]
        if not langs:
            raise ConfigError(f"--to {args.to!r} names no language; give codes like fr,es,zh")
    translator = Translator.load(args.model_dir, args.checkpoint, slot_policy())
    langs = langs or translator.languages or [None]
    translator.check_languages(set(langs))
    if args.stream:
        from rnnkit.translator.decoding.simultaneous import make_policy

        policy = make_policy(
            translator,
            langs,
            retranslate=args.retranslate,
            wait_k=args.wait_k,
            mask=args.mask,
            **options,
        )
        return run_stream(policy, *open_input(args.input), args.max_chars, args.json)
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
                if not args.json:  # (JSON objects carry their line number)
                    out.write("\n" * (len(langs) * args.n_best))
                    out.flush()
                continue
            found = translator.translate(
                [line] * len(langs),
                langs,
                n_best=args.n_best,
                min_confidence=args.min_confidence or None,
                **options,
            )
            for lang, hyps in zip(langs, found):
                prefix = f"{lang}\t" if tagged else ""
                for rank, hyp in enumerate(hyps, start=1):
                    if args.json:
                        out.write(json_line(number, lang, rank, hyp, args.n_best) + "\n")
                    elif args.n_best > 1:
                        out.write(f"{prefix}{rank}\t{hyp.score:.4f}\t{hyp.text}\n")
                    else:
                        out.write(f"{prefix}{hyp.text}\n")
            out.flush()
    return 0


def json_line(number, lang, rank, hypothesis, n_best):
    """One translation as a JSON object: its input line (from 1), language, text, confidence
    (the geometric mean of its tokens' probabilities) and whether it was withheld."""
    entry = {"line": number, "lang": lang}
    if n_best > 1:
        entry |= {"rank": rank, "score": round(hypothesis.score, 4)}
    entry |= {
        "text": hypothesis.text,
        "confidence": round(hypothesis.confidence, 4),
        "withheld": hypothesis.withheld,
    }
    return json.dumps(entry, ensure_ascii=False)


def check_stream_options(args):
    """The simultaneous options make sense only together, and only with --stream."""
    if not args.stream:
        used = [
            flag
            for flag, value in (
                ("--retranslate", args.retranslate),
                ("--wait-k", args.wait_k is not None),
                ("--mask", args.mask != 0),
            )
            if value
        ]
        if used:
            raise ConfigError(f"{used[0]} works only with --stream (word-by-word input)")
        return
    if args.retranslate and args.wait_k is not None:
        raise ConfigError("choose one policy: --retranslate or --wait-k K, not both")
    if args.mask and args.wait_k is not None:
        raise ConfigError("--mask belongs to --retranslate; wait-k never rewrites what it wrote")
    if args.mask < 0:
        raise ConfigError(f"--mask must be 0 or more target tokens, got {args.mask}")
    if args.n_best != 1:
        raise ConfigError("--stream writes one translation per language; drop --n-best")
    if args.output not in (None, "-"):
        raise ConfigError("--stream writes to stdout as it goes; drop --output (or redirect)")


def run_stream(policy, stream, name, max_chars, as_json):
    """Words in (one or more a line; an empty line or the end ends a sentence), revisions
    out, flushed one line per event as soon as the policy makes them."""
    out, sentence, length = sys.stdout, 0, 0

    def write(revisions):
        for r in revisions:
            if as_json:
                event = {"sentence": sentence, "lang": r.lang, "words": r.words}
                line = json.dumps({**event, "final": r.final, "text": r.text}, ensure_ascii=False)
            else:
                line = f"{r.lang or '-'}\t{'final' if r.final else 'partial'}\t{r.text}"
            out.write(line + "\n")
        out.flush()

    for number, line in read_lines(stream, name, max_chars):
        words = line.split()
        if not words:
            if length:  # an empty line with no sentence open is nothing to end
                write(policy.finish())
                sentence, length = sentence + 1, 0
            continue
        length += len(line) + 1
        if length > max_chars:
            raise DataError(
                name,
                number,
                f"the sentence has grown beyond --max-chars {max_chars} characters; end each "
                "sentence with an empty line (or raise --max-chars)",
            )
        write(policy.read(words))
    if length:
        write(policy.finish())
    return 0

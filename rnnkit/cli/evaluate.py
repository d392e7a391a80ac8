"""`rnnkit evaluate`: sacrebleu BLEU and chrF of a model on a test set; with --retranslate
(or --wait-k K) the source is fed word by word to that simultaneous policy and the latency
(AL, DAL, LAAL in source words) and normalised erasure are reported per language too."""

import json

from rnnkit.cli.arguments import (
    add_decoding_options,
    add_policy_options,
    check_output,
    decoding_options,
    output_file,
    slot_policy,
)
from rnnkit.errors import ConfigError


def register(subparsers):
    parser = subparsers.add_parser(
        "evaluate",
        help="BLEU and chrF on a test set",
        description="Translates the sources of a test set and scores them with sacrebleu, "
        "per target language and overall (macro average).",
    )
    add_decoding_options(parser)
    parser.add_argument("--data", required=True, help="test TSV (2 or 3 columns)")
    parser.add_argument("--lang", help="target language of a 2-column test set")
    parser.add_argument("--output", help="write the hypotheses here, one per line")
    parser.add_argument("--force", action="store_true", help="replace an existing --output")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_policy_options(parser)
    parser.set_defaults(func=run)


def run(args):
    from rnnkit.translator.decoding.evaluation import evaluate_corpus, format_latency, format_table
    from rnnkit.translator.decoding.inference import Translator
    from rnnkit.translator.formats.data import read_corpus

    options = decoding_options(args)
    translator = Translator.load(args.model_dir, args.checkpoint, slot_policy())
    corpus = read_corpus(args.data, lang=args.lang, max_chars=args.max_chars)
    translator.check_languages(set(corpus.langs), source=args.data)
    check_output(args.output, args.force, inputs=(args.data, args.model_dir))  # before decoding
    if args.retranslate or args.wait_k is not None:
        from rnnkit.translator.decoding.simultaneous import evaluate_simultaneous, make_policy

        if args.retranslate and args.wait_k is not None:
            raise ConfigError("choose one policy: --retranslate or --wait-k K, not both")

        def make(langs):
            return make_policy(
                translator,
                langs,
                retranslate=args.retranslate,
                wait_k=args.wait_k,
                mask=args.mask,
                **options,
            )

        make(translator.languages[:1] or [None])  # a bad --wait-k or --mask fails here
        result = evaluate_simultaneous(translator, corpus, make, translator.tokenizer.tokenize)
        result["policy"] = {"retranslate": {"mask": args.mask}, "wait_k": args.wait_k}
    elif args.mask:
        raise ConfigError("--mask works only with --retranslate")
    else:
        result = evaluate_corpus(translator, corpus, **options)
    hypotheses = result.pop("hypotheses")
    if args.output:
        with output_file(args.output, args.force, inputs=(args.data, args.model_dir)) as out:
            out.writelines(h + "\n" for h in hypotheses)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_table(result))
        if "al" in result:
            print(format_latency(result))
        print(f"signature: {result['signature']}")
    return 0

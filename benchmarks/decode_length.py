"""Decoding cost against output length: beam search with a model that never emits <eos>.

Each step of the search should cost the same however long the hypotheses already are, so
the time per output word stays flat as the output grows (it grew with the length while
every step copied the whole attention history). The model is untrained, with the <eos>
logit pushed down so that every hypothesis runs to its length limit.

    python benchmarks/decode_length.py            # about a minute on 2 cores
    python benchmarks/decode_length.py --lengths 100 200 400 --repeats 5
"""

import argparse
import statistics
import time

import numpy
from threadpoolctl import threadpool_limits

import rnnkit
from rnnkit.text import EOS_INDEX
from rnnkit.translator.decoding.search import beam_search
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq


def never_ending_model(vocab_size, hidden):
    rnnkit.manual_seed(0)
    config = ModelConfig(vocab_size=vocab_size, embed=hidden, hidden=hidden, dropout=0.0)
    model = Seq2Seq(config)
    model.output.bias.data[EOS_INDEX] = -1e4  # <eos> is only ever taken at the limit
    return model.eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[125, 250, 500, 1000])
    parser.add_argument("--source-length", type=int, default=1000, help="source words")
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=3, help="runs per length (median)")
    args = parser.parse_args()

    model = never_ending_model(vocab_size=500, hidden=args.hidden)
    rng = numpy.random.default_rng(0)
    src = rng.integers(4, 500, size=(args.source_length, 1))
    lengths = numpy.array([args.source_length])
    print(f"beam {args.beam}, source {args.source_length} words, hidden {args.hidden}, 1 thread")
    print(f"{'output words':>12} {'seconds (median)':>17} {'ms per word':>12}")
    with threadpool_limits(1, user_api="blas"):
        beam_search(model, src, lengths, beam_size=args.beam, max_len=10)  # warm-up
        for length in args.lengths:
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                found = beam_search(model, src, lengths, beam_size=args.beam, max_len=length)
                times.append(time.perf_counter() - start)
                assert len(found[0][0].tokens) == length
            median = statistics.median(times)
            print(f"{length:>12} {median:>17.3f} {1000 * median / length:>12.2f}")


if __name__ == "__main__":
    main()

"""The live path's latency: one commentary line into every language of a model, one batched
pass, as `rnnkit serve` and `rnnkit demo`'s live game translate it (beam 3, <unk> replaced,
slots extracted and written back for a model trained with them).

The lines are a simulated game's (rnnkit/demo/game.py, test split: combinations the model
never trained on). Each line is translated `--rounds` times after one warm-up; the table
gives the median and p95 over lines of each line's median, in milliseconds. To compare two
versions in one sitting, run it twice in a row, once with PYTHONPATH pointing at the other
source tree:

    python benchmarks/live_latency.py --model-dir rnnkit-demo/model
    PYTHONPATH=/tmp/old-tree python benchmarks/live_latency.py --model-dir /tmp/old-demo/model
"""

import argparse
import os
import statistics
import time

from rnnkit.core import parallel
from rnnkit.demo.game import play_by_play
from rnnkit.demo.languages import english
from rnnkit.translator.decoding.inference import Translator


def load(model_dir):
    try:  # a version with slots: the server's own policy
        from rnnkit.cli.arguments import slot_policy

        return Translator.load(model_dir, slots=slot_policy())
    except ImportError:  # an older tree
        return Translator.load(model_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", default="rnnkit-demo/model")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--beam", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    parallel.set_num_threads(args.threads)
    translator = load(args.model_dir)
    languages = translator.languages
    lines = [english(e) for e in play_by_play(seed=0, n_events=args.lines, split="test")]
    per_line = []
    for line in lines:
        times = []
        for _ in range(args.rounds + 1):
            started = time.perf_counter()
            translator.translate(
                [line] * len(languages), languages, beam=args.beam, replace_unk=True
            )
            times.append((time.perf_counter() - started) * 1000)
        per_line.append(statistics.median(times[1:]))
    per_line.sort()
    p95 = per_line[min(len(per_line) - 1, int(0.95 * len(per_line)))]
    print(
        f"{args.model_dir}: {len(lines)} lines x {len(languages)} languages, beam {args.beam}, "
        f"{args.threads} threads: median {statistics.median(per_line):.1f} ms, p95 {p95:.1f} ms, "
        f"max {per_line[-1]:.1f} ms (load average {os.getloadavg()[0]:.2f})"
    )


if __name__ == "__main__":
    main()

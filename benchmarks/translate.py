"""Translator speed: training target tokens/s and beam-5 translation sentences/s.

The model of the tracker's benchmark: a bidirectional LSTM encoder of 256 units per
direction, Bahdanau attention with input feeding, batch 64, on the demo's generated
commentary (English into six languages) through the real text pipeline. Beside it, the text
pipeline's own throughput on the same file, so one sees that it is never the bottleneck.

    python benchmarks/translate.py                 # about 2 minutes on 2 cores
    python benchmarks/translate.py --profile       # also where a training step's time goes
    python benchmarks/translate.py --model-dir rnnkit-demo/model   # live latency of the demo
    python benchmarks/translate.py --decode-model-dir DIR --decode-data test.tsv  # real decoding
    python benchmarks/translate.py --compare       # before/after: the per-step graph decoder
                                                   # (the reference path) beside the fused one

Live latency: one line of the demo's game into every language of the model in one batched
pass (what `rnnkit demo` and a live server do per line), p50/p95 over the game's lines, greedy
and beam 3; with --model-dir, of that trained model (the demo's), else of the model trained
here for --steps.
"""

import argparse
import contextlib
import cProfile
import functools
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy
from threadpoolctl import threadpool_limits

import rnnkit
from rnnkit import optim
from rnnkit.core import parallel
from rnnkit.core.losses import cross_entropy
from rnnkit.core.tensor import no_grad
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.demo.game import play_by_play
from rnnkit.demo.languages import english
from rnnkit.text import collate, plan_batches
from rnnkit.text.vocabulary import PAD_INDEX
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.decoding.search import beam_search, greedy_search
from rnnkit.translator.formats.data import build_text_pipeline, encode_corpus, read_corpus
from rnnkit.translator.model import output_layer
from rnnkit.translator.model.seq2seq import Decoder, Seq2Seq
from rnnkit.translator.training.config import TrainConfig

sys.path.insert(0, str(Path(__file__).parent))
from pipeline import pipeline_throughput  # noqa: E402


def prepare(workdir, sentences, hidden, embed):
    path = Path(workdir) / "train.tsv"
    write_tsv(path, generate_corpus(sentences, seed=0))
    config = TrainConfig(data=str(path), hidden=hidden, embed=embed, dropout=0.0)
    corpus = read_corpus(config.data)
    tokenizer, vocab = build_text_pipeline(corpus, config, workdir)
    sources, targets, _ = encode_corpus(corpus, tokenizer, vocab)
    rnnkit.manual_seed(0)
    model = Seq2Seq(config.model_config(len(vocab)))
    translator = Translator(model, tokenizer, vocab, corpus.languages)
    return path, model, sources, targets, translator


def time_training(model, sources, targets, batch_size, steps):
    """Train `steps` steps (so that decoding afterwards produces real-length output); returns
    the median seconds per step and target tokens per step (incl. <eos>)."""
    opt = optim.Adam(model.parameters(), lr=2e-3)
    plan = plan_batches([len(s) for s in sources], [len(t) for t in targets], batch_size)
    times, tokens = [], []
    model.train()
    for indices in plan[: steps + 1]:
        batch = collate(sources, targets, indices)
        start = time.perf_counter()
        loss, n_tokens, _ = model.loss(batch.src, batch.src_lengths, batch.tgt_in, batch.tgt_out)
        loss.backward()
        opt.step()
        opt.zero_grad()
        times.append(time.perf_counter() - start)
        tokens.append(n_tokens)
    return statistics.median(times[1:]), statistics.median(tokens[1:])  # [0] warms up


def time_decoding(model, sources, count, beam):
    """(sentences per second, mean output length) translating `count` sources, 64 a batch."""
    order = sorted(range(count), key=lambda i: -len(sources[i]))
    lengths = []
    start = time.perf_counter()
    with no_grad():
        for first in range(0, count, 64):
            batch = collate(sources, [[]] * len(sources), order[first : first + 64])
            if beam == 1:
                found = greedy_search(model, batch.src, batch.src_lengths)
            else:
                found = [
                    hyps[0].tokens
                    for hyps in beam_search(model, batch.src, batch.src_lengths, beam_size=beam)
                ]
            lengths.extend(len(tokens) for tokens in found)
    return count / (time.perf_counter() - start), statistics.mean(lengths)


def time_live(translator, beam, lines=60):
    """(p50, p95) milliseconds of one game line into all of `translator`'s languages."""
    languages = translator.languages
    game = [english(event) for event in play_by_play(seed=0, n_events=lines, split="test")]
    translator.translate([game[0]] * len(languages), languages, beam=beam)  # warm-up
    times = []
    for line in game:
        start = time.perf_counter()
        translator.translate([line] * len(languages), languages, beam=beam)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


@contextlib.contextmanager
def reference_path():
    """The translator as it ran before the fused decoder, kept in the code as the reference:
    teacher forcing through Decoder.step word by word in the generic graph, the loss as
    cross_entropy of the full logits, search through the graph step and the log_softmax of
    every row's logits, one thread."""
    saved = (Decoder.teacher_forced, Decoder.fused_step, Seq2Seq.loss, parallel.get_num_threads())
    saved_output = output_layer.StepScores.usable

    def loss(self, src, src_lengths, tgt_in, tgt_out):
        logits, _ = self.forward(src, src_lengths, tgt_in)
        summed = cross_entropy(logits, tgt_out, ignore_index=PAD_INDEX, reduction="sum")
        n_tokens = int((tgt_out != PAD_INDEX).sum())
        return summed / float(tgt_out.shape[1]), n_tokens, summed.item()

    Decoder.teacher_forced = functools.partialmethod(saved[0], fused=False)
    Decoder.fused_step, Seq2Seq.loss = Decoder.step, loss
    parallel.set_num_threads(1)
    output_layer.StepScores.usable = False
    try:
        yield
    finally:
        Decoder.teacher_forced, Decoder.fused_step, Seq2Seq.loss = saved[:3]
        parallel.set_num_threads(saved[3])
        output_layer.StepScores.usable = saved_output


def measure(model, sources, targets, translator, live, args):
    """The table's rows for the code path in effect."""
    rnnkit.manual_seed(0)
    model.load_state_dict(args.initial)  # every path trains the same model from the same start
    model.train()
    step, tokens = time_training(model, sources, targets, args.batch_size, args.steps)
    model.eval()
    rows = [
        (
            "training step (median)",
            f"{step * 1000:.0f} ms",
            f"{tokens / step:,.0f} target tok/s",
            f"{args.batch_size / step:,.0f} sent/s",
        )
    ]
    for name, beam in (("greedy translation", 1), ("beam-5 translation", 5)):
        rate, length = time_decoding(model, sources, args.sentences, beam)
        rows.append((name, "", f"{length:.1f} tokens out", f"{rate:,.1f} sent/s"))
    which = "demo" if args.model_dir else "this"
    for beam in (1, 3):
        p50, p95 = time_live(live or translator, beam)
        languages = len((live or translator).languages)
        rows.append(
            (
                f"{which} model: line -> {languages} langs",
                f"beam {beam}",
                f"p50 {p50:.0f} ms",
                f"p95 {p95:.0f} ms",
            )
        )
    return rows


def decode_only(args):
    """Greedy and beam-5 sentences/s of a trained model on real sources, at 1 and --threads
    threads, with the per-step graph search beside it (median of --rounds)."""
    translator = Translator.load(args.decode_model_dir)
    with open(args.decode_data, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    rows = rows[: args.sentences]
    sources, langs = [r[1] for r in rows], [r[0] for r in rows]

    def rate(beam):
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            translator.translate(sources, langs, beam=beam)
            times.append(time.perf_counter() - start)
        return len(sources) / statistics.median(times)

    with threadpool_limits(1, user_api="blas"):
        translator.translate(sources[:8], langs[:8], beam=5)  # warm-up (numba, caches)
        print(f"{args.decode_model_dir}: {len(sources)} sources of {args.decode_data}")
        print(f"  {'path':<34}{'greedy sent/s':>15}{'beam-5 sent/s':>15}")
        for threads in sorted({1, args.threads}):
            parallel.set_num_threads(threads)
            print(f"  {f'fused kernel, {threads} thread(s)':<34}{rate(1):>15.1f}{rate(5):>15.1f}")
        with reference_path():
            print(f"  {'per-step graph, 1 thread':<34}{rate(1):>15.1f}{rate(5):>15.1f}")


def profile_step(model, sources, targets, batch_size):
    opt = optim.Adam(model.parameters(), lr=1e-3)
    batch = collate(
        sources,
        targets,
        plan_batches([len(s) for s in sources], [len(t) for t in targets], batch_size)[0],
    )
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        loss, _, _ = model.loss(batch.src, batch.src_lengths, batch.tgt_in, batch.tgt_out)
        loss.backward()
        opt.step()
        opt.zero_grad()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    return out.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--embed", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--steps",
        type=int,
        default=150,
        help="training steps, timed; decoding is timed on the trained model",
    )
    parser.add_argument("--sentences", type=int, default=256, help="sentences to translate")
    parser.add_argument(
        "--threads", type=int, default=parallel.available_cores(), help="rnnkit threads"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile of training steps")
    parser.add_argument("--model-dir", help="live latency of this trained model (the demo's)")
    parser.add_argument(
        "--compare", action="store_true", help="also the reference (per-step graph) path"
    )
    parser.add_argument(
        "--decode-model-dir",
        help="only time greedy and beam-5 decoding of this model on --decode-data's sources",
    )
    parser.add_argument("--decode-data", help="TSV (lang, source, target) for --decode-model-dir")
    parser.add_argument("--rounds", type=int, default=3, help="decoding rounds (median)")
    args = parser.parse_args(argv)
    if args.decode_model_dir:
        return decode_only(args)
    parallel.set_num_threads(args.threads)
    with threadpool_limits(1, user_api="blas"), tempfile.TemporaryDirectory() as tmp:
        path, model, sources, targets, translator = prepare(tmp, 30000, args.hidden, args.embed)
        vocab_size = len(translator.vocab)
        args.initial = {k: v.copy() for k, v in model.state_dict().items()}
        live = Translator.load(args.model_dir) if args.model_dir else None
        rows = [("fused decoder, threads: " + str(args.threads), "", "", "")]
        rows += measure(model, sources, targets, translator, live, args)
        if args.compare:
            with reference_path():
                rows.append(("reference: per-step graph, 1 thread", "", "", ""))
                rows += measure(model, sources, targets, translator, live, args)
        reference = statistics.mean(len(t) for t in targets[: args.sentences])
        pipeline = pipeline_throughput(path, batch_size=args.batch_size)[-1]
        rows.append(
            ("text pipeline: read -> batches", "", "", f"{pipeline.sentences_per_s:,.0f} sent/s")
        )
        print(
            f"bi-LSTM {args.hidden}, Bahdanau + input feeding, embed {args.embed}, vocab "
            f"{vocab_size}, batch {args.batch_size}, float32, one BLAS thread per product, "
            f"numpy {numpy.__version__}; reference length {reference:.1f} tokens"
        )
        for row in rows:
            print(f"  {row[0]:<32}{row[1]:>9}{row[2]:>22}{row[3]:>22}")
        if args.profile:
            print(profile_step(model.train(), sources, targets, args.batch_size))


if __name__ == "__main__":
    main()

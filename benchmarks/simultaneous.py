"""Simultaneous translation: quality against latency, and the cost per arriving word.

    python benchmarks/simultaneous.py --model-dir runs/en-fr --data dev.tsv --csv simul.csv

Rows (printed as a table and written to --csv), on the sentences of --data (a TSV of real
pairs, `lang<TAB>source<TAB>target` or `source<TAB>target` with --lang), fed one source word
at a time:

    full sentence     the plain translation after the whole source (AL = |x|, no erasure)
    retranslate m=M   re-translation of the prefix at every word, the last M target tokens
                      withheld until the sentence ends (M in --masks, default 0,1,2,3)
    wait-k k=K        wait-k decoding of --model-dir (K in --wait-k, default 1,3,5,7,9);
                      with --wait-k-model-dir (models trained with --wait-k, comma-
                      separated) each one's full-sentence row and wait-k rows too, marked
                      with its training k; and "trained and decoded with k": each trained
                      model at its own k (the curve of wait-k training)

with BLEU/chrF (sacrebleu, macro over languages), AL, DAL, LAAL (source words) and
normalised erasure; --png draws BLEU against AL (one line per model, the other policies as
points). Then the cost of one arrival for re-translation: a --prefix-words-word
prefix into every language of --cost-model-dir (default --model-dir) in one batched pass,
p50/p95 ms over --repeats runs (after one warm-up); the prefix is the longest source of
--cost-data (default --data), repeated to length. Its output length drives the cost: give
the cost model text of its own domain, or it may write to its length limit. And the cost of
one arrival for wait-k (k = 3): each word of that prefix read by a `WaitKPolicy` into every
language, each read timed (the encoder re-run on the prefix, one decoder step), p50/p95 ms.
Speed figures depend on the machine's load: run on idle cores and say what the load was.

With --dev-split P only the sentences whose English side's SHA-1 (as an integer) mod 100 is
at least 100 - P are used: a stable, reproducible dev split of a training file. The top of
the range, because ../shared/data/real/*.train.tsv hold no sentence whose value is below 8
(the held-out test sentences are those, it seems), so a split from the bottom is empty.
"""

import argparse
import csv
import hashlib
import statistics
import sys
import time

from threadpoolctl import threadpool_limits

from rnnkit.core import parallel
from rnnkit.translator.decoding import latency
from rnnkit.translator.decoding.evaluation import score
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.decoding.simultaneous import (
    RetranslationPolicy,
    WaitKPolicy,
    evaluate_simultaneous,
)
from rnnkit.translator.formats.data import Corpus, read_corpus

COLUMNS = ["policy", "setting", "bleu", "chrf", "al", "dal", "laal", "erasure", "sentences"]


def dev_sentences(path, lang, percent, limit):
    """The corpus of `path`, cut to a stable hash split and at most `limit` rows."""
    corpus = read_corpus(path, lang=lang)
    keep = [
        i
        for i, source in enumerate(corpus.sources)
        if int(hashlib.sha1(source.encode()).hexdigest(), 16) % 100 >= 100 - percent
    ][:limit]
    return Corpus(
        [corpus.sources[i] for i in keep],
        [corpus.targets[i] for i in keep],
        [corpus.langs[i] for i in keep],
    )


def full_sentence_row(translator, corpus, beam):
    """The full-sentence system as a point of the curve: every token written at |x|."""
    found = translator.translate(corpus.sources, corpus.langs, beam=beam)
    hypotheses = [hyps[0] for hyps in found]
    result = score([h.text for h in hypotheses], corpus.targets, corpus.langs)
    sentences = [
        ([len(s.split())] * len(h.tokens), len(s.split()), len(translator.tokenizer.tokenize(t)))
        for h, s, t in zip(hypotheses, corpus.sources, corpus.targets)
    ]
    lags = latency.corpus_latency(sentences)
    return {"policy": "full sentence", "setting": "", **_scores(result), **_lags(lags, 0.0)}


def retranslation_rows(translator, corpus, beam, masks):
    rows = []
    for mask in masks:

        def make(langs, mask=mask):
            return RetranslationPolicy(translator, langs, mask=mask, beam=beam)

        result = evaluate_simultaneous(translator, corpus, make, translator.tokenizer.tokenize)
        rows.append({"policy": "retranslate", "setting": f"m={mask}", **_scores(result)})
        rows[-1].update({k: result[k] for k in ("al", "dal", "laal", "erasure")})
    return rows


def trained_as(translator):
    """'trained k=K' or 'full-sentence model' (with its encoder's direction)."""
    config = translator.model.config
    if config.wait_k:
        return f"trained k={config.wait_k}"
    return "full-sentence model" + (" (bi-encoder)" if config.bidirectional else "")


def waitk_rows(translator, corpus, ks):
    """One row per k in `ks`: wait-k decoding (greedy) of `translator` fed word by word."""
    rows = []
    for k in ks:

        def make(langs, k=k):
            return WaitKPolicy(translator, langs, k)

        result = evaluate_simultaneous(translator, corpus, make, translator.tokenizer.tokenize)
        rows.append({"policy": f"wait-k {trained_as(translator)}", "setting": f"k={k}"})
        rows[-1].update(_scores(result))
        rows[-1].update({k: result[k] for k in ("al", "dal", "laal", "erasure")})
    return rows


def plot_curve(rows, path):
    """BLEU against AL: a line per wait-k model (k marked), the other rows as points."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    lines, retranslated = {}, []
    for row in [r for r in rows if r["al"] is not None]:  # empty outputs have no lag
        if row["policy"].startswith("wait-k"):
            lines.setdefault(row["policy"], []).append(row)
        elif row["policy"] == "retranslate":  # one series: its points lie close together
            retranslated.append(row)
        else:
            label = f"{row['policy']} {row['setting']}".strip()
            ax.scatter([row["al"]], [row["bleu"]], marker="s" if "full" in label else "^")
            ax.annotate(
                label,
                (row["al"], row["bleu"]),
                fontsize=7,
                xytext=(3, 3),
                textcoords="offset points",
            )
    if retranslated:
        ax.scatter(
            [r["al"] for r in retranslated],
            [r["bleu"] for r in retranslated],
            marker="^",
            label="re-translation, mask m",
        )
        for i, r in enumerate(retranslated):  # m alone by each point, alternately placed
            ax.annotate(
                r["setting"].removeprefix("m="),
                (r["al"], r["bleu"]),
                fontsize=7,
                xytext=(-2, 5 if i % 2 == 0 else -10),
                textcoords="offset points",
            )
        ax.text(  # the points lie close together: their figures in a box
            0.98,
            0.03,
            "re-translation (final = full sentence):\n"
            + "\n".join(
                f"{r['setting']}: AL {r['al']:.2f}, erasure {r['erasure']:.2f}"
                for r in retranslated
            ),
            transform=ax.transAxes,
            fontsize=7,
            ha="right",
            va="bottom",
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8},
        )
    several = sum(label.startswith("wait-k trained k=") for label in lines) > 1
    for label, points in lines.items():
        x, y = [r["al"] for r in points], [r["bleu"] for r in points]
        if several and label.startswith("wait-k trained k="):  # one model at every k: faint
            ax.plot(x, y, "o-", label=label, alpha=0.35, linewidth=1, markersize=3)
            continue
        ax.plot(x, y, "o-", label=label, linewidth=2 if "decoded with k" in label else 1.5)
        for r in points:
            ax.annotate(
                r["setting"],
                (r["al"], r["bleu"]),
                fontsize=7,
                xytext=(3, -9),
                textcoords="offset points",
            )
    ax.set_xlabel("AL (source words)")
    ax.set_ylabel("BLEU")
    ax.set_title("Quality against latency")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def waitk_word_cost(translator, corpus, words, k, repeats):
    """(p50, p95) ms of one arriving word for wait-k into every language of `translator`:
    the words of a `words`-word prefix (as `prefix_cost`) read one at a time, from the k-th
    on each read timed, sentences repeated until `repeats` reads are timed."""
    longest = max(corpus.sources, key=lambda s: len(s.split())).split()
    sentence = (longest * (words // len(longest) + 1))[:words]
    langs = translator.languages or [None]
    times = []
    policy = WaitKPolicy(translator, langs, k)
    for word in sentence:  # warm-up
        policy.read([word])
    policy.finish()
    while len(times) < repeats:
        for index, word in enumerate(sentence):
            start = time.perf_counter()
            policy.read([word])
            if index >= k - 1:
                times.append((time.perf_counter() - start) * 1000)
        policy.finish()
    return statistics.median(times), statistics.quantiles(times, n=20)[18], len(times)


def _scores(result):
    return {"bleu": result["bleu"], "chrf": result["chrf"], "sentences": None}


def _lags(lags, erasure):
    return {"al": lags["al"], "dal": lags["dal"], "laal": lags["laal"], "erasure": erasure}


def prefix_cost(translator, corpus, words, beam, repeats):
    """(p50, p95) ms of one re-translation of a `words`-word prefix into every language of
    `translator` in one batched pass (a prefix of the longest source, repeated if short)."""
    longest = max(corpus.sources, key=lambda s: len(s.split())).split()
    prefix = " ".join((longest * (words // len(longest) + 1))[:words])
    langs = translator.languages or [None]
    translator.translate([prefix] * len(langs), langs, beam=beam)  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        translator.translate([prefix] * len(langs), langs, beam=beam)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18], len(langs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", required=True, help="the model to measure")
    parser.add_argument("--data", required=True, help="TSV of real pairs")
    parser.add_argument("--lang", help="target language of a 2-column TSV")
    parser.add_argument("--dev-split", type=float, default=100, help="percent kept by hash")
    parser.add_argument("--sentences", type=int, default=200, help="at most this many rows")
    parser.add_argument("--beam", type=int, default=1)
    parser.add_argument("--masks", default="0,1,2,3", help="re-translation masks m")
    parser.add_argument("--wait-k", default="1,3,5,7,9", help="k of the wait-k curve")
    parser.add_argument(
        "--wait-k-model-dir", help="models trained with --wait-k, compared (comma-separated)"
    )
    parser.add_argument("--png", help="write the BLEU-against-AL plot here")
    parser.add_argument("--cost-model-dir", help="model of the cost row (default --model-dir)")
    parser.add_argument("--cost-data", help="TSV whose longest source gives the cost's prefix")
    parser.add_argument("--prefix-words", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument(
        "--threads", type=int, default=1, help="rnnkit's threads (BLAS: 1 per product)"
    )
    parser.add_argument("--csv", help="write the rows here too")
    args = parser.parse_args(argv)
    masks = [int(m) for m in args.masks.split(",") if m.strip()]
    ks = [int(k) for k in args.wait_k.split(",") if k.strip()]
    parallel.set_num_threads(args.threads)
    with threadpool_limits(1, user_api="blas"):
        translator = Translator.load(args.model_dir)
        corpus = dev_sentences(args.data, args.lang, args.dev_split, args.sentences)
        if not corpus.sources:
            sys.exit(f"{args.data}: no sentences in the split; raise --dev-split")
        rows = [full_sentence_row(translator, corpus, args.beam)]
        rows += retranslation_rows(translator, corpus, args.beam, masks)
        rows += waitk_rows(translator, corpus, ks)
        diagonal = []  # each trained model at its own k: the curve of wait-k training
        for model_dir in filter(None, (args.wait_k_model_dir or "").split(",")):
            trained = Translator.load(model_dir)
            rows.append(full_sentence_row(trained, corpus, args.beam))
            rows[-1]["setting"] = trained_as(trained)
            decoded = waitk_rows(trained, corpus, ks)
            rows += decoded
            own = f"k={trained.model.config.wait_k}"
            diagonal += [
                {**row, "policy": "wait-k trained and decoded with k"}
                for row in decoded
                if row["setting"] == own
            ]
        rows += sorted(diagonal, key=lambda row: int(row["setting"][2:]))
        for row in rows:
            row["sentences"] = len(corpus.sources)
        cost_model = Translator.load(args.cost_model_dir) if args.cost_model_dir else translator
        cost_corpus = read_corpus(args.cost_data) if args.cost_data else corpus
        p50, p95, n_langs = prefix_cost(
            cost_model, cost_corpus, args.prefix_words, args.beam, args.repeats
        )
        w50, w95, w_count = waitk_word_cost(
            cost_model, cost_corpus, args.prefix_words, 3, args.repeats
        )
    print(
        f"{args.model_dir}: {len(corpus.sources)} sentences of {args.data} "
        f"(mean {statistics.mean(len(s.split()) for s in corpus.sources):.1f} source words), "
        f"beam {args.beam}, {args.threads} thread(s)"
    )
    print(" | ".join(f"{c:>13}" for c in COLUMNS[:-1]))
    for row in rows:
        cells = [row["policy"], row["setting"]] + [
            "-" if row[c] is None else f"{row[c]:.2f}" for c in COLUMNS[2:-1]
        ]
        print(" | ".join(f"{c:>13}" for c in cells))
    print(
        f"re-translation of a {args.prefix_words}-word prefix into {n_langs} languages "
        f"({args.cost_model_dir or args.model_dir}), one batched pass, beam {args.beam}: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms over {args.repeats} runs"
    )
    print(
        f"wait-k (k=3) of one arriving word into {n_langs} languages "
        f"({args.cost_model_dir or args.model_dir}), prefixes up to {args.prefix_words} words: "
        f"p50 {w50:.1f} ms, p95 {w95:.1f} ms over {w_count} words"
    )
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=[*COLUMNS, "cost_p50_ms", "cost_p95_ms"])
            writer.writeheader()
            for row in rows:
                writer.writerow({**row, "cost_p50_ms": "", "cost_p95_ms": ""})
            writer.writerow(
                {
                    "policy": "cost",
                    "setting": f"{args.prefix_words} words x {n_langs} langs",
                    "cost_p50_ms": round(p50, 2),
                    "cost_p95_ms": round(p95, 2),
                }
            )
            writer.writerow(
                {
                    "policy": "cost wait-k k=3",
                    "setting": f"1 word x {n_langs} langs (prefix <= {args.prefix_words})",
                    "cost_p50_ms": round(w50, 2),
                    "cost_p95_ms": round(w95, 2),
                }
            )

    if args.png:
        plot_curve(rows, args.png)


if __name__ == "__main__":
    main()

"""PNG plots of a training run: loss curve, dev BLEU curve, an attention heatmap."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display needed
import matplotlib.pyplot as plt  # noqa: E402

from rnnkit.translator import checkpoint  # noqa: E402

PLOTS = "plots"


def _save(fig, path):
    fig.tight_layout()
    data = path.with_suffix(".tmp.png")
    fig.savefig(data, dpi=120)
    plt.close(fig)
    data.replace(path)  # atomic, like every file of a model directory


def loss_curve(records, path):
    steps = [r["step"] for r in records if "loss" in r]
    if not steps:
        return None
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(steps, [r["loss"] for r in records if "loss" in r], label="J (summed CE / sentence)")
    ax.plot(steps, [r["token_loss"] for r in records if "loss" in r], label="per-token CE")
    ax.set(xlabel="step", ylabel="training loss", yscale="log", title="Training loss")
    ax.grid(alpha=0.3)
    ax.legend()
    _save(fig, path)
    return path


def bleu_curve(records, path):
    points = [(r["step"], r["bleu"], r["chrf"]) for r in records if "bleu" in r]
    if not points:
        return None
    fig, ax = plt.subplots(figsize=(6, 4))
    steps, bleu, chrf = zip(*points)
    ax.plot(steps, bleu, marker="o", label="BLEU")
    ax.plot(steps, chrf, marker="s", label="chrF")
    ax.set(xlabel="step", ylabel="score (macro average over languages)", title="Dev scores")
    ax.grid(alpha=0.3)
    ax.legend()
    _save(fig, path)
    return path


def attention_heatmap(source_tokens, target_tokens, weights, path, title="Attention"):
    """weights: (len(target_tokens), len(source_tokens)), rows summing to 1."""
    fig, ax = plt.subplots(figsize=(1 + 0.45 * len(source_tokens), 1 + 0.4 * len(target_tokens)))
    ax.imshow(weights, cmap="viridis", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(source_tokens)), source_tokens, rotation=60, ha="right")
    ax.set_yticks(range(len(target_tokens)), target_tokens)
    ax.set(xlabel="source", ylabel="translation", title=title)
    _save(fig, path)
    return path


def training_plots(model_dir, translator, valid_corpus):
    """Write plots/loss.png, plots/bleu.png and plots/attention.png (one dev sentence)."""
    out = Path(model_dir) / PLOTS
    out.mkdir(exist_ok=True)
    records = checkpoint.read_log(model_dir)
    written = [loss_curve(records, out / "loss.png"), bleu_curve(records, out / "bleu.png")]
    if valid_corpus is not None and translator.model.config.attention != "none":
        source, lang = valid_corpus.sources[0], valid_corpus.langs[0]
        best = translator.translate([source], [lang], beam=2)[0][0]
        if best.attention is not None and len(best.tokens):
            vocab = translator.vocab
            src = ([f"<2{lang}>"] if lang else []) + translator.tokenizer.tokenize(source)
            tgt = [vocab.lookup(i) for i in best.tokens] + ["<eos>"]
            weights = best.attention[: len(tgt), : len(src)]
            written.append(attention_heatmap(src, tgt[: len(weights)], weights,
                                             out / "attention.png",
                                             title=f"Attention, English → {lang or 'target'}"))
    return [p for p in written if p]

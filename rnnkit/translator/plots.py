"""PNG plots of a training run: loss curve, dev BLEU curve, an attention heatmap."""

import functools
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display needed
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.font_manager import FontProperties, findfont  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402

from rnnkit.files import atomic_write  # noqa: E402
from rnnkit.translator import checkpoint  # noqa: E402

PLOTS = "plots"
# Tokens drawn per axis of the attention heatmap at most: 0.45 inch each, so at most a
# 23 x 21 inch (2,800 x 2,500 px) figure, however long the sentence (a 1,000-word dev line
# once asked matplotlib for 54,000 x 48,000 px and ran out of memory).
MAX_PLOT_TOKENS = 50


def _save(fig, path):
    fig.tight_layout()
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=120)
    plt.close(fig)
    atomic_write(path, png.getvalue())


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
    """weights: (len(target_tokens), len(source_tokens)), rows summing to 1.

    Only the first MAX_PLOT_TOKENS tokens of each side are drawn; the title says so.
    """
    cut = [len(source_tokens) > MAX_PLOT_TOKENS, len(target_tokens) > MAX_PLOT_TOKENS]
    if any(cut):
        shown = [f"{len(source_tokens)} source", f"{len(target_tokens)} target"]
        title += " (first {} of {} tokens)".format(
            MAX_PLOT_TOKENS, " and ".join(s for s, c in zip(shown, cut) if c)
        )
        source_tokens, target_tokens = (
            source_tokens[:MAX_PLOT_TOKENS],
            target_tokens[:MAX_PLOT_TOKENS],
        )
        weights = weights[:MAX_PLOT_TOKENS, :MAX_PLOT_TOKENS]
    fig, ax = plt.subplots(figsize=(1 + 0.45 * len(source_tokens), 1 + 0.4 * len(target_tokens)))
    ax.imshow(weights, cmap="viridis", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(source_tokens)), source_tokens, rotation=60, ha="right")
    ax.set_yticks(range(len(target_tokens)), target_tokens)
    ax.set(xlabel="source", ylabel="translation", title=title)
    _save(fig, path)
    return path


@functools.cache
def _font():
    return FT2Font(findfont(FontProperties()))


def _drawable(text):
    font = _font()
    return all(font.get_char_index(ord(c)) for c in text if not c.isspace())


def _plot_pair(corpus, tokenizer):
    """The index of the dev pair to draw: the first drawable one whose sides fit in
    MAX_PLOT_TOKENS tokens (one kept for the tag and <eos>), else the first drawable one."""
    first_drawable = None
    for i, (source, target) in enumerate(zip(corpus.sources, corpus.targets)):
        short = all(len(tokenizer.tokenize(side)) < MAX_PLOT_TOKENS for side in (source, target))
        if (short or first_drawable is None) and _drawable(target):
            if short:
                return i
            first_drawable = i
    return first_drawable or 0


def training_plots(model_dir, translator, valid_corpus):
    """Write plots/loss.png, plots/bleu.png and plots/attention.png.

    The heatmap shows where the model looks while producing the reference translation of
    the first dev pair the plot's font can draw whose sides fit in MAX_PLOT_TOKENS tokens
    (else the first drawable pair, cut), with teacher forcing, so it reads the same
    whether or not the model's own output is right yet.
    """
    out = Path(model_dir) / PLOTS
    out.mkdir(exist_ok=True)
    records = checkpoint.read_log(model_dir)
    written = [loss_curve(records, out / "loss.png"), bleu_curve(records, out / "bleu.png")]
    if valid_corpus is not None and translator.model.config.attention != "none":
        index = _plot_pair(valid_corpus, translator.tokenizer)
        source, target = valid_corpus.sources[index], valid_corpus.targets[index]
        lang = valid_corpus.langs[index]
        src_tokens, weights, tgt_tokens = translator.attention(source, target, lang)
        written.append(
            attention_heatmap(
                src_tokens,
                tgt_tokens,
                weights,
                out / "attention.png",
                title=f"Attention, English → {lang or 'target'}",
            )
        )
    return [p for p in written if p]

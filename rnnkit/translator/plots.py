"""PNG plots of a training run: loss curve, dev BLEU curve, an attention heatmap."""

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
    """weights: (len(target_tokens), len(source_tokens)), rows summing to 1."""
    fig, ax = plt.subplots(figsize=(1 + 0.45 * len(source_tokens), 1 + 0.4 * len(target_tokens)))
    ax.imshow(weights, cmap="viridis", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(source_tokens)), source_tokens, rotation=60, ha="right")
    ax.set_yticks(range(len(target_tokens)), target_tokens)
    ax.set(xlabel="source", ylabel="translation", title=title)
    _save(fig, path)
    return path


def _drawable(text):
    font = FT2Font(findfont(FontProperties()))
    return all(font.get_char_index(ord(c)) for c in text if not c.isspace())


def training_plots(model_dir, translator, valid_corpus):
    """Write plots/loss.png, plots/bleu.png and plots/attention.png.

    The heatmap shows where the model looks while producing the reference translation of
    the first dev pair the plot's font can draw (teacher forcing, so it reads the same
    whether or not the model's own output is right yet).
    """
    out = Path(model_dir) / PLOTS
    out.mkdir(exist_ok=True)
    records = checkpoint.read_log(model_dir)
    written = [loss_curve(records, out / "loss.png"), bleu_curve(records, out / "bleu.png")]
    if valid_corpus is not None and translator.model.config.attention != "none":
        index = next((i for i, t in enumerate(valid_corpus.targets) if _drawable(t)), 0)
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

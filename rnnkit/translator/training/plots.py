"""PNG plots of a training run: loss curve, dev BLEU curve, an attention heatmap.

Text in any script: each character is drawn with the first font of FONTS that has it
(matplotlib's per-glyph fallback along a family list; from 3.11 it also shapes Arabic and
Indic text). FONTS lists Debian's fonts-noto-core and fonts-noto-cjk; the ones not installed
are left out, and the scripts no installed font draws are reported once, on stderr.
"""

import io
import sys
import unicodedata
import warnings
from functools import cache
from pathlib import Path

import matplotlib

# Figures are made as objects and saved to PNG by the Agg canvas they get, never through
# pyplot: the global backend stays the user's (a notebook that trains shows its own plots).
from matplotlib.figure import Figure
from matplotlib.font_manager import (
    FontProperties,
    findfont,
    findSystemFonts,
    fontManager,
)
from matplotlib.ft2font import FT2Font

from rnnkit.files import atomic_write
from rnnkit.translator.formats import checkpoint

PLOTS = "plots"
# Tokens drawn per axis of the attention heatmap at most: 0.45 inch each, so at most a
# 23 x 21 inch (2,800 x 2,500 px) figure, however long the sentence (a 1,000-word dev line
# once asked matplotlib for 54,000 x 48,000 px and ran out of memory).
MAX_PLOT_TOKENS = 50

# family -> the stem of its Regular file in Debian's packages (DejaVu ships with matplotlib)
FONTS = {
    "DejaVu Sans": None,  # Latin, Greek, Cyrillic
    "Noto Sans": "NotoSans",
    "Noto Sans Arabic": "NotoSansArabic",
    "Noto Sans Devanagari": "NotoSansDevanagari",
    "Noto Sans Bengali": "NotoSansBengali",
    "Noto Sans Gujarati": "NotoSansGujarati",
    "Noto Sans Gurmukhi": "NotoSansGurmukhi",
    "Noto Sans Tamil": "NotoSansTamil",
    "Noto Sans CJK SC": "NotoSansCJK",  # Han (both forms) and Hangul
    "Noto Sans CJK TC": "NotoSansCJK",
}
_reported = set()  # scripts already reported as undrawable in this process


@cache
def installed_fonts():
    """{family: FT2Font} for the families of FONTS that are installed, in FONTS order."""
    present = {entry.name for entry in fontManager.ttflist}
    if not present >= set(FONTS):
        # matplotlib's font cache is written once per version: fonts installed after it are
        # unknown to it, so look for the missing files among the system's fonts (~0.2 s).
        stems = {stem for family, stem in FONTS.items() if stem and family not in present}
        for path in findSystemFonts():
            name = Path(path).name
            if name.split("-")[0] in stems and name.endswith(("-Regular.ttf", "-Regular.ttc")):
                fontManager.addfont(path)
        present = {entry.name for entry in fontManager.ttflist}
    return {
        family: FT2Font(findfont(FontProperties(family=family), fallback_to_default=False))
        for family in FONTS
        if family in present
    }


def undrawable(text):
    """The characters of `text` (spaces aside) that no installed font of FONTS has."""
    fonts = installed_fonts().values()
    return {
        ch
        for ch in text
        if not ch.isspace()
        and unicodedata.category(ch)[0] != "C"  # joiners and other invisible controls
        and not any(font.get_char_index(ord(ch)) for font in fonts)
    }


def _drawable(text):
    return not undrawable(text)


def report_undrawable(texts):
    """Say once per script, on stderr, which scripts of `texts` the plots cannot draw."""
    missing = set().union(*(undrawable(text) for text in texts)) if texts else set()
    scripts = {_script(ch) for ch in missing} - _reported
    if scripts:
        _reported.update(scripts)
        print(
            f"plots: no installed font draws {', '.join(sorted(scripts))} text; install "
            "Debian's fonts-noto-core and fonts-noto-cjk to see it (plots are written anyway)",
            file=sys.stderr,
        )


def _script(ch):
    """The script's name as Unicode character names begin: "BENGALI LETTER KA" -> Bengali."""
    words = unicodedata.name(ch, "UNKNOWN").split()
    return (words[1] if words[0] == "EXTENDED" and len(words) > 1 else words[0]).title()


def _save(fig, path):
    with warnings.catch_warnings():
        # A glyph no font has is reported once by report_undrawable, not once per draw.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.tight_layout()
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=120)
    atomic_write(path, png.getvalue())


def _fonts():
    """rc settings that draw with every installed font of FONTS, in order."""
    return {"font.family": list(installed_fonts()) or ["DejaVu Sans"]}


def loss_curve(records, path):
    steps = [r["step"] for r in records if "loss" in r]
    if not steps:
        return None
    fig = Figure(figsize=(6, 4))
    ax = fig.subplots()
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
    fig = Figure(figsize=(6, 4))
    ax = fig.subplots()
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
    with matplotlib.rc_context(_fonts()):
        size = (1 + 0.45 * len(source_tokens), 1 + 0.4 * len(target_tokens))
        fig = Figure(figsize=size)
        ax = fig.subplots()
        ax.imshow(weights, cmap="viridis", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(len(source_tokens)), source_tokens, rotation=60, ha="right")
        ax.set_yticks(range(len(target_tokens)), target_tokens)
        ax.set(xlabel="source", ylabel="translation", title=title)
        _save(fig, path)
    return path


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
        report_undrawable(valid_corpus.targets)
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

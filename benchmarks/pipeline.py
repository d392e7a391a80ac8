"""Throughput of the text pipeline, in sentence pairs per second.

Generates a synthetic 3-column TSV (lang, source, target) and times each stage:
read, tokenize (word tokenizer), build the vocabularies, encode, and batch.

    python benchmarks/pipeline.py                 # 1,000,000 lines
    python benchmarks/pipeline.py --lines 100000  # quicker

(run from the repository root with rnnkit importable: `pip install -e .` or PYTHONPATH=.)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnkit.text import Vocabulary, WordTokenizer, batches, language_tag, read_parallel

LANGUAGES = [
    "fr",
    "zh",
    "yue",
    "fil",
    "es",
    "pt",
    "it",
    "pa",
    "fa",
    "ta",
    "ur",
    "ru",
    "ar",
    "ko",
    "pl",
    "vi",
    "gu",
    "hi",
    "bn",
    "el",
    "uk",
    "sr",
    "hu",
    "de",
]


@dataclass
class Stage:
    name: str
    seconds: float
    sentences: int

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds


def generate_corpus(path: Path, lines: int, seed: int = 0, chunk: int = 100_000) -> None:
    """Write `lines` pairs: Zipf-distributed words from a 50,000-word synthetic lexicon per
    side, 4-30 words per sentence, some commas, a final full stop."""
    rng = np.random.default_rng(seed)

    def lexicon(alphabet: str, size: int = 50_000) -> np.ndarray:
        lengths = rng.integers(2, 10, size)
        letters = "".join(rng.choice(list(alphabet), lengths.sum()))
        ends = np.cumsum(lengths).tolist()
        pairs = zip(ends, lengths.tolist(), strict=True)
        return np.array([letters[end - n : end] for end, n in pairs])

    source_words = lexicon("abcdefghijklmnopqrstuvwxyz")
    target_words = lexicon("abcdeéèfghijklmnoôpqrstuüvwxyzç")
    with open(path, "w", encoding="utf-8") as f:
        for start in range(0, lines, chunk):
            n = min(chunk, lines - start)
            langs = rng.choice(LANGUAGES, n).tolist()
            sources, targets = _sentences(rng, source_words, n), _sentences(rng, target_words, n)
            f.writelines(
                f"{lang}\t{source}\t{target}\n"
                for lang, source, target in zip(langs, sources, targets, strict=True)
            )


def _sentences(rng: np.random.Generator, words: np.ndarray, n: int) -> list[str]:
    """n sentences, drawn all at once: a million one by one took minutes."""
    lengths = rng.integers(4, 31, n)
    ranks = np.minimum(rng.zipf(1.2, lengths.sum()), len(words)) - 1
    chosen = words[ranks].tolist()
    sentences = []
    for end, length in zip(np.cumsum(lengths).tolist(), lengths.tolist(), strict=True):
        sentence = chosen[end - length : end]
        sentence[0] = sentence[0].capitalize()
        if length > 8:
            sentence[length // 2] += ","
        sentences.append(" ".join(sentence) + ".")
    return sentences


def pipeline_throughput(path: Path, batch_size: int = 64, max_size: int = 20000) -> list[Stage]:
    """Time each stage of the pipeline on the TSV at `path`; the last stage, 'pipeline', is
    read + tokenize + encode + batch together (the vocabulary is built once, beforehand)."""
    tokenizer = WordTokenizer()
    stages = []

    started = time.perf_counter()
    n = sum(1 for _ in read_parallel(path))
    stages.append(Stage("read", time.perf_counter() - started, n))

    started = time.perf_counter()
    source_counts, target_counts = Counter(), Counter()
    for example in read_parallel(path):
        source_counts.update(tokenizer.tokenize(example.source))
        target_counts.update(tokenizer.tokenize(example.target))
    stages.append(Stage("read + tokenize + count", time.perf_counter() - started, n))

    started = time.perf_counter()
    source_vocab = Vocabulary.from_counts(source_counts, max_size)
    target_vocab = Vocabulary.from_counts(
        target_counts, max_size, reserved=[language_tag(code) for code in LANGUAGES]
    )
    stages.append(Stage("build vocabularies", time.perf_counter() - started, n))

    started = time.perf_counter()
    src, tgt = [], []
    for example in read_parallel(path):
        # int32 arrays: a million Python lists of ints would take gigabytes.
        src.append(np.array(source_vocab.encode(tokenizer.tokenize(example.source)), np.int32))
        tgt.append(
            np.array(
                target_vocab.encode(
                    [language_tag(example.lang), *tokenizer.tokenize(example.target)]
                ),
                np.int32,
            )
        )
    encode = Stage("read + tokenize + encode", time.perf_counter() - started, n)
    stages.append(encode)

    started = time.perf_counter()
    for _ in batches(src, tgt, batch_size=batch_size, seed=0, epoch=0):
        pass
    batch = Stage(f"batch (plan + pad, {batch_size} per batch)", time.perf_counter() - started, n)
    stages.append(batch)
    stages.append(Stage("pipeline: read -> batches", encode.seconds + batch.seconds, n))
    return stages


def print_table(stages: list[Stage]) -> None:
    width = max(len(s.name) for s in stages)
    print(f"{'stage':<{width}}  {'seconds':>8}  {'sentences/s':>12}")
    for stage in stages:
        print(f"{stage.name:<{width}}  {stage.seconds:8.2f}  {stage.sentences_per_s:12,.0f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="corpus size (pairs)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "synthetic.tsv"
        started = time.perf_counter()
        generate_corpus(path, args.lines)
        size = path.stat().st_size / 2**20
        print(
            f"generated {args.lines:,} lines ({size:.0f} MiB) in "
            f"{time.perf_counter() - started:.1f} s\n"
        )
        print_table(pipeline_throughput(path, args.batch_size))


if __name__ == "__main__":
    main()

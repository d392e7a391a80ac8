"""The text pipeline: corpora -> tokens -> vocabulary ids -> padded batches.

    corpus = read_parallel("train.tsv")                  # Example(source, target, lang, line)
    tokenizer = WordTokenizer()                          # or SentencePieceTokenizer.train(...)
    vocab = Vocabulary.build(tokenizer.tokenize(e.source) for e in corpus)
    src = [vocab.encode(tokenizer.tokenize(e.source)) for e in corpus]
    tgt = [vocab.encode(tokenizer.tokenize(e.target)) for e in corpus]
    for batch in batches(src, tgt, max_tokens=4096, seed=0, epoch=0): ...  # (T, B) arrays

Depends on NumPy and sentencepiece only, never on the model code.
"""

from rnnkit.text.batching import Batch, batches, collate, plan_batches, sample_groups
from rnnkit.text.corpus import Example, ParallelCorpus, ReadSummary, read_parallel
from rnnkit.text.tokenizers import (
    SentencePieceTokenizer,
    Tokenizer,
    WordTokenizer,
    load_tokenizer,
)
from rnnkit.text.vocabulary import (
    BOS,
    BOS_INDEX,
    EOS,
    EOS_INDEX,
    PAD,
    PAD_INDEX,
    SPECIALS,
    UNK,
    UNK_INDEX,
    Vocabulary,
    is_language_code,
    is_language_tag,
    language_tag,
)

__all__ = [
    "BOS",
    "BOS_INDEX",
    "EOS",
    "EOS_INDEX",
    "PAD",
    "PAD_INDEX",
    "SPECIALS",
    "UNK",
    "UNK_INDEX",
    "Batch",
    "Example",
    "ParallelCorpus",
    "ReadSummary",
    "SentencePieceTokenizer",
    "Tokenizer",
    "Vocabulary",
    "WordTokenizer",
    "batches",
    "collate",
    "is_language_code",
    "is_language_tag",
    "language_tag",
    "load_tokenizer",
    "plan_batches",
    "sample_groups",
    "read_parallel",
]

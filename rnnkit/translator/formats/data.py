"""From the user's parallel text to the id sequences the model trains on.

Every source gets its target language's tag in front (`<2fr> the Raptors lead ...`): one
model, one shared vocabulary, many target languages. Data without a language column and
without --lang trains a single-language model with no tag.
"""

import sys
from dataclasses import dataclass, field

from rnnkit.errors import ConfigError
from rnnkit.files import safe_path
from rnnkit.text import (
    SPECIALS,
    SentencePieceTokenizer,
    Vocabulary,
    WordTokenizer,
    language_tag,
    load_tokenizer,
    read_parallel,
)
from rnnkit.text.corpus import DEFAULT_MAX_CHARS
from rnnkit.translator.formats import modeldir


@dataclass
class Corpus:
    """Raw sentence pairs of one file (or aligned pair of files), kept for BLEU."""

    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    langs: list = field(default_factory=list)

    def __len__(self):
        return len(self.sources)

    @property
    def languages(self):
        return sorted({lang for lang in self.langs if lang is not None})


def read_corpus(
    tsv=None,
    src_file=None,
    tgt_file=None,
    lang=None,
    skip_bad=False,
    quiet=False,
    max_chars=DEFAULT_MAX_CHARS,
):
    """Read a TSV or two aligned files into a Corpus; bad lines (a side over `max_chars`
    characters among them) raise DataError (or are skipped and summarised on stderr with
    `skip_bad`)."""
    if not (tsv or src_file):
        raise ConfigError("no data given")
    corpus_files = read_parallel(
        tsv or [src_file, tgt_file], skip_bad=skip_bad, default_lang=lang, max_chars=max_chars
    )
    corpus = Corpus()
    for example in corpus_files:
        corpus.sources.append(example.source)
        corpus.targets.append(example.target)
        corpus.langs.append(example.lang)
    if corpus_files.summary.total_skipped and not quiet:
        print(str(corpus_files.summary), file=sys.stderr)
    return corpus


def build_text_pipeline(corpus, config, model_dir):
    """Train the tokenizer and build the vocabulary on the training corpus; save both."""
    tags = [language_tag(lang) for lang in corpus.languages]
    check_vocab_size(config.vocab_size, corpus.languages)
    if config.tokenizer == "sentencepiece":
        tokenizer = SentencePieceTokenizer.train(
            corpus.sources + corpus.targets,
            vocab_size=config.vocab_size,
            model_type=config.subword_model,
            languages=corpus.languages,
        )
    else:
        tokenizer = WordTokenizer(lowercase=config.lowercase)
    token_lists = (tokenizer.tokenize(s) for s in corpus.sources + corpus.targets)
    vocab = Vocabulary.build(
        token_lists, max_size=config.vocab_size, min_freq=config.min_freq, reserved=tags
    )
    tokenizer.save(safe_path(model_dir, modeldir.TOKENIZER))
    vocab.save(safe_path(model_dir, modeldir.VOCAB))
    return tokenizer, vocab


def check_vocab_size(vocab_size, languages):
    """Refuse a --vocab-size with no room for a word beside the specials and language tags."""
    needed = len(SPECIALS) + len(languages) + 1
    if vocab_size < needed:
        raise ConfigError(
            f"--vocab-size {vocab_size} is too small for {len(languages)} target languages: "
            f"it counts the {len(SPECIALS)} special tokens and the {len(languages)} language "
            f"tags, so it must be at least {needed} (and a useful one is in the thousands)"
        )


def load_text_pipeline(model_dir):
    tokenizer = load_tokenizer(safe_path(model_dir, modeldir.TOKENIZER))
    return tokenizer, Vocabulary.load(safe_path(model_dir, modeldir.VOCAB))


def encode_source(text, lang, tokenizer, vocab):
    """ids of `<2lang> tokens...` (no tag for a single-language model)."""
    return tagged(vocab.encode(tokenizer.tokenize(text)), lang, vocab)


def tagged(ids, lang, vocab):
    """A source's token `ids` behind the tag of the language it goes to (none if no lang)."""
    return ([vocab[language_tag(lang)]] if lang else []) + ids


def encode_corpus(corpus, tokenizer, vocab, max_len=None):
    """(sources, targets, kept indices): id lists; pairs longer than max_len are dropped."""
    sources, targets, kept = [], [], []
    for i, (src, tgt, lang) in enumerate(zip(corpus.sources, corpus.targets, corpus.langs)):
        s, t = encode_source(src, lang, tokenizer, vocab), vocab.encode(tokenizer.tokenize(tgt))
        if max_len is None or (len(s) <= max_len and len(t) <= max_len):
            sources.append(s)
            targets.append(t)
            kept.append(i)
    return sources, targets, kept

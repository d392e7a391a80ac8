"""A trained model ready to translate: model directory -> text in, text out.

One input line into several languages is one batched pass (one source per language, each
with its own `<2xx>` tag). Used by `rnnkit translate`, `rnnkit evaluate`, validation during
training and the demo's live game.
"""

from dataclasses import dataclass

import numpy

from rnnkit.core.tensor import no_grad
from rnnkit.errors import CheckpointError, ConfigError, RnnkitError
from rnnkit.text import UNK_INDEX, collate, language_tag
from rnnkit.translator import checkpoint, modeldir
from rnnkit.translator.data import encode_source, load_text_pipeline
from rnnkit.translator.language_vocab import LanguageVocabularies
from rnnkit.translator.model import ModelConfig, Seq2Seq
from rnnkit.translator.search import beam_search, replace_unknowns

# Sentences per decoding batch, and at most CHUNK_ROWS decoder rows (sentences x beams): a
# larger batch shares each step's fixed costs among more sentences (128 against 64:
# greedy 740 against 610 sentences/s on the real en-fr model, 2 threads), while the
# (rows, V) logits stay a few tens of MB whatever the beam.
CHUNK = 128
CHUNK_ROWS = 640


@dataclass
class Translation:
    """One hypothesis for one source: the detokenized `text`, its search `score` (summed
    log-probability over the length penalty), the target `tokens` (ids, no <eos>) and the
    `attention` weights (len(tokens), source length incl. the tag), or None."""

    text: str
    score: float
    tokens: list
    attention: numpy.ndarray | None = None


class Translator:
    """A trained Seq2Seq with its tokenizer, vocabulary and languages: text in, text out.

    Build one with `Translator.load(model_dir)`; `translate(sources, langs)` decodes a batch
    (greedy or beam search), `attention(source, target, lang)` gives the weights of a
    teacher-forced pass (for plots).
    """

    def __init__(self, model, tokenizer, vocab, languages):
        self.model, self.tokenizer, self.vocab = model.eval(), tokenizer, vocab
        self.languages = list(languages)

    @classmethod
    def load(cls, model_dir, which="best"):
        """Load DIR/config.json, the tokenizer, vocabulary and weights (best, else latest).

        Every file is checked before the model is built: a config of the wrong shape, a
        vocabulary that does not match it, weights of the wrong dtype, shape or with NaN are
        each one CheckpointError naming the file."""
        directory = modeldir.ModelDir(model_dir)
        if not directory.root.is_dir():
            raise CheckpointError(f"{directory.root}: no such model directory; train one first")
        config_path = directory.path(modeldir.CONFIG)
        config = checkpoint.load_json(config_path)
        languages = config.get("languages", [])
        if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
            raise CheckpointError(
                f"{config_path}: 'languages' must be a list of language codes, got "
                f"{languages!r}; restore the file or retrain"
            )
        if not isinstance(config.get("model"), dict):
            raise CheckpointError(
                f"{config_path}: 'model' must be an object of model settings, got "
                f"{config.get('model')!r}; restore the file or retrain"
            )
        try:
            model_config = ModelConfig.from_dict(config["model"])
            tokenizer, vocab = load_text_pipeline(directory.root)
        except (ConfigError, FileNotFoundError) as exc:
            raise CheckpointError(f"{directory.root}: incomplete model directory ({exc})") from None
        if len(vocab) != model_config.vocab_size:
            raise CheckpointError(
                f"{directory.path(modeldir.VOCAB)}: holds {len(vocab)} tokens but {config_path} "
                f"says vocab_size {model_config.vocab_size}; restore the file or retrain"
            )
        path = directory.path(modeldir.BEST if which == "best" else modeldir.LATEST)
        if which == "best" and not path.exists():
            path = directory.path(modeldir.LATEST)
        language_vocab = None
        if model_config.language_softmax:
            vocab_path = directory.path(modeldir.OUTPUT_VOCAB)
            saved = checkpoint.load_json(vocab_path)
            language_vocab = LanguageVocabularies.from_dict(saved, vocab, languages, vocab_path)
        weights, _ = checkpoint.load_weights(path)
        model = Seq2Seq(model_config)
        try:
            model.load_state_dict(weights)
        except ValueError as exc:
            raise CheckpointError(f"{path}: does not fit {modeldir.CONFIG} ({exc})") from None
        model.use_language_vocab(language_vocab)
        return cls(model, tokenizer, vocab, languages)

    def check_languages(self, langs, source="the input"):
        """Refuse languages the model was not trained for, listing the ones it knows;
        `source` names where the languages come from (a file) in the message."""
        known = self.languages
        for lang in langs:
            if lang is None and known:
                raise ConfigError(
                    f"{source} has no language column, and this model translates into "
                    f"{', '.join(known)}: add one (lang<TAB>source<TAB>target) or pass --lang"
                )
            if (lang is None) != (not known) or (lang is not None and lang not in known):
                listing = ", ".join(known) if known else "none (a single-language model)"
                raise ConfigError(
                    f"{source}: the model does not translate into {lang!r}; it knows: {listing}"
                )

    def unknown_words(self, text):
        """(how many tokens of `text` the vocabulary does not know, how many tokens)."""
        tokens = self.tokenizer.tokenize(text)
        return sum(1 for i in self.vocab.encode(tokens) if i == UNK_INDEX), len(tokens)

    def translate(
        self,
        sources,
        langs,
        beam=1,
        n_best=1,
        length_penalty=1.0,
        max_len_ratio=2.0,
        replace_unk=False,
    ):
        """sources, langs: parallel lists. Returns per source a list of n_best Translations."""
        if n_best > beam:
            raise ConfigError(f"--n-best ({n_best}) cannot exceed --beam ({beam})")
        self.check_languages(set(langs))
        source_tokens = [self.tokenizer.tokenize(s) for s in sources]
        ids = [
            encode_source(s, lang, self.tokenizer, self.vocab) for s, lang in zip(sources, langs)
        ]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        results = [None] * len(ids)
        with no_grad():
            size = max(1, min(CHUNK, CHUNK_ROWS // max(beam, 1)))
            for start in range(0, len(order), size):
                chunk = order[start : start + size]
                batch = collate(ids, [[]] * len(ids), chunk)  # targets unused here
                found = beam_search(
                    self.model,
                    batch.src,
                    batch.src_lengths,
                    beam_size=beam,
                    length_penalty=length_penalty,
                    max_len_ratio=max_len_ratio,
                    n_best=n_best,
                )  # beam 1 is greedy search, with attention
                for i, hyps in zip(chunk, found):
                    if not hyps:  # only non-finite scores get here; never a silent gap
                        raise RnnkitError(
                            f"no translation found for {sources[i][:60]!r} into {langs[i]}: "
                            "the model's scores are not finite; retrain or use another checkpoint"
                        )
                    results[i] = [
                        self._finish(h, source_tokens[i], langs[i], replace_unk) for h in hyps
                    ]
        return results

    def attention(self, source, target, lang):
        """Attention while producing `target` for `source` (teacher forcing).

        Returns (source tokens incl. the tag, weights (len(target tokens), len(source tokens)),
        target tokens incl. <eos>).
        """
        src_ids = encode_source(source, lang, self.tokenizer, self.vocab)
        tgt_tokens = self.tokenizer.tokenize(target)
        batch = collate([src_ids], [self.vocab.encode(tgt_tokens)], [0])
        with no_grad():
            _, weights = self.model(batch.src, batch.src_lengths, batch.tgt_in)
        src_tokens = ([language_tag(lang)] if lang else []) + self.tokenizer.tokenize(source)
        return src_tokens, weights[:, 0, :], tgt_tokens + ["<eos>"]

    def _finish(self, hypothesis, source_tokens, lang, replace_unk):
        tokens, attention = hypothesis.tokens, hypothesis.attention
        if replace_unk and attention is not None:
            # attention columns follow the encoded source: the tag (if any) comes first
            offset = 1 if lang else 0
            words = replace_unknowns(
                tokens, source_tokens, attention[:, offset:], UNK_INDEX, self.vocab
            )
        else:
            words = self.vocab.decode(tokens)
        text = self.tokenizer.detokenize(words)
        return Translation(text, float(hypothesis.score), tokens, attention)

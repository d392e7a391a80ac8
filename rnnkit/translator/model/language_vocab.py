"""Each target language's own output vocabulary: its softmax ranges over its tokens alone.

One vocabulary serves every language (the lecture's shared one-hot space), but a target
language uses only a part of it: on the real 24-language data, of 16,000 sentencepiece pieces
French targets use 4,075, Hindi 630, Somali 82. `rnnkit train` (unless
`--no-language-softmax`) gives the model, per target language, the set of token ids its
training targets contain, with <unk> and <eos>:

    p(y_t = w | y_<t, x, lang) = exp(z_w) / sum_{v in V_lang} exp(z_v)   for w in V_lang

and 0 for any other w: the softmax over V_lang, every other logit taken as -inf. Training
multiplies out only the |V_lang| rows of the output layer (`losses.linear_cross_entropy`'s
`classes`; batches hold one language each, `text.batching.plan_batches`' `groups`), so the
output layer, most of a step's arithmetic, costs |V_lang| / |V| of the whole softmax; search
never proposes a token of another language's script. A single-language model (no tags) has
one set: the tokens of its targets.

The sets are stored in the model directory as `output_vocab.json` (`modeldir.OUTPUT_VOCAB`):
{"vocab_size": V, "classes": {"fr": [ids...], ...}} (the key "" for a model without tags).
"""

import numpy

from rnnkit.errors import CheckpointError
from rnnkit.text import language_tag
from rnnkit.text.vocabulary import EOS_INDEX, PAD_INDEX, UNK_INDEX

ALWAYS = (UNK_INDEX, EOS_INDEX)  # every language may write these
NO_TAG = ""  # the key of a single-language model's one set


class LanguageVocabularies:
    """The output classes of each target language, and the row of each source sentence.

    classes: {language code, or "" for a model without tags: sorted (K,) int64 ids};
    tag_ids: {language code: the id of its tag <2xx>} (empty without tags)."""

    def __init__(self, vocab_size, classes, tag_ids):
        self.vocab_size = vocab_size
        self.languages = sorted(classes)
        self.classes = [numpy.asarray(classes[lang], dtype=numpy.int64) for lang in self.languages]
        self.tagged = self.languages != [NO_TAG]
        self._padded = None  # (see padded)
        # the row of each tag id (-1: not a tag of this model), for `rows`
        self.row_of_id = numpy.full(vocab_size, -1, dtype=numpy.int64)
        if self.tagged:
            for row, lang in enumerate(self.languages):
                self.row_of_id[tag_ids[lang]] = row

    @classmethod
    def of_targets(cls, vocab, targets, langs):
        """The sets of encoded training `targets` (id lists) with their languages (codes, or
        None for untagged data), plus <unk> and <eos> in each."""
        found = {}
        for ids, lang in zip(targets, langs):
            found.setdefault(lang or NO_TAG, set()).update(ids)
        classes = {lang: sorted(ids | set(ALWAYS)) for lang, ids in found.items()}
        tags = {lang: vocab[language_tag(lang)] for lang in classes if lang != NO_TAG}
        return cls(len(vocab), classes, tags)

    # --- which rows a batch uses --------------------------------------------------------------
    def rows(self, src):
        """(B,) the language row of each sentence of a time-major (T_src, B) source batch:
        its first token's (the tag's); all 0 for a model without tags."""
        src = numpy.asarray(src)
        if not self.tagged:
            return numpy.zeros(src.shape[1], dtype=numpy.int64)
        rows = self.row_of_id[src[0]]
        if (rows < 0).any():
            bad = int(numpy.flatnonzero(rows < 0)[0])
            raise ValueError(
                f"sentence {bad} of the batch starts with token {int(src[0, bad])}, not the "
                "tag of a language this model learnt"
            )
        return rows

    def padded(self):
        """(languages, K) int64: each language's classes, then <pad> (never a class) up to the
        largest set's size K: the columns a search multiplies out for that language."""
        if self._padded is None:
            width = max(len(ids) for ids in self.classes)
            self._padded = numpy.full((len(self.classes), width), PAD_INDEX, dtype=numpy.int64)
            for row, ids in enumerate(self.classes):
                self._padded[row, : len(ids)] = ids
        return self._padded

    def biases(self, bias, dtype):
        """(languages, V): the output bias (None: zero) on each language's classes and -inf
        elsewhere, in `dtype`; added to x W^T, it gives the model's logits per language.
        Built anew by each caller (a search), so it always follows the current bias."""
        table = numpy.full((len(self.classes), self.vocab_size), -numpy.inf, dtype=dtype)
        for row, ids in enumerate(self.classes):
            table[row, ids] = 0.0 if bias is None else bias[ids]
        return table

    # --- the model directory's file -------------------------------------------------------------
    def to_dict(self):
        return {
            "vocab_size": self.vocab_size,
            "classes": {lang: ids.tolist() for lang, ids in zip(self.languages, self.classes)},
        }

    @classmethod
    def from_dict(cls, value, vocab, languages, path):
        """Check a loaded output_vocab.json against the model's vocabulary and languages;
        anything wrong is a CheckpointError naming `path`."""

        def corrupt(why):
            return CheckpointError(f"{path}: {why}; restore the file or retrain")

        classes = value.get("classes")
        if value.get("vocab_size") != len(vocab) or not isinstance(classes, dict):
            raise corrupt(f"expected vocab_size {len(vocab)} and a 'classes' object")
        expected = sorted(languages) if languages else [NO_TAG]
        if sorted(classes) != expected:
            raise corrupt(
                f"has sets for {sorted(classes)}, but the model's languages are {expected}"
            )
        for lang, ids in classes.items():
            good = (
                isinstance(ids, list)
                and ids
                and all(type(i) is int and 0 <= i < len(vocab) for i in ids)
                and ids == sorted(set(ids))
            )
            if not good:
                raise corrupt(f"the set of {lang!r} is not a sorted list of distinct token ids")
        tags = {lang: vocab[language_tag(lang)] for lang in classes if lang != NO_TAG}
        return cls(len(vocab), classes, tags)

"""Simultaneous translation: source words arrive one (or a few) at a time, translations into
every requested language are shown while the sentence is still being spoken.

A policy is anything with the `Policy` interface: `read(words)` takes the words that just
arrived and returns the revisions to show now, `finish()` ends the sentence and returns the
final translation of every language (then the policy is ready for the next sentence). A
`Revision` is always the whole text to show for one language, so a client just replaces
what it shows; a policy that only appends (wait-k) and one that rewrites (re-translation)
look the same to `rnnkit translate --stream`, `rnnkit evaluate` and the server.

    RetranslationPolicy  Arivazhagan et al. 2020: at each arrival, translate the whole
                         source prefix again into every language (one batched
                         `Translator.translate` call) and show it, optionally withholding
                         the last `mask` target tokens until the sentence ends.
    WaitKPolicy          Ma et al. 2019: wait for k source words, then write one target
                         token per word read, attention limited to the words read; at
                         the end of the sentence finish it (greedy, full attention).
    make_policy          the one place that picks a policy from the command line's options.

`trace_sentence` feeds one sentence word by word to a policy and keeps every revision, from
which `rnnkit.translator.decoding.latency` computes delays (AL, DAL, LAAL) and erasure;
`evaluate_simultaneous` does that over a test corpus.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy

from rnnkit.errors import ConfigError
from rnnkit.text import UNK_INDEX, collate
from rnnkit.text.vocabulary import BOS_INDEX, EOS_INDEX
from rnnkit.translator.decoding import latency
from rnnkit.translator.decoding.evaluation import score
from rnnkit.translator.decoding.search import (
    GreedySteps,
    Hypothesis,
    inference_mode,
    max_lengths,
    replace_unknowns,
)
from rnnkit.translator.formats.data import encode_source
from rnnkit.translator.model.seq2seq import DecoderState


@dataclass
class Revision:
    """What to show for one language now: `text` (the whole translation so far), the shown
    target token ids `tokens`, the source `words` read when it was made, and `final` (the
    sentence ended: this text stays)."""

    lang: str | None
    text: str
    tokens: list
    words: int
    final: bool = False


class Policy(Protocol):
    """A simultaneous-translation policy over a fixed list of target languages."""

    langs: list

    def read(self, words: list[str]) -> list[Revision]:
        """Take the source words that just arrived; return the revisions to show now."""

    def finish(self) -> list[Revision]:
        """End the sentence: one final Revision per language; the next read starts anew."""


class RetranslationPolicy:
    """Re-translate the source prefix at every arrival (Arivazhagan et al. 2020).

    Each `read` is one batched `Translator.translate` call of the prefix read so far into
    every language of `langs`; a language's revision is emitted only when what it shows
    changes. With `mask` m > 0 the last m target tokens of each prefix translation are
    withheld (shown only when the sentence ends), which trades latency for less flicker.
    `finish` translates nothing: the last read already translated the whole sentence, and
    its translation is shown unmasked. `options` are Translator.translate's keywords.
    """

    def __init__(self, translator, langs, mask=0, **options):
        if mask < 0:
            raise ConfigError(f"--mask must be 0 or more target tokens, got {mask}")
        self.translator, self.langs, self.mask = translator, list(langs), mask
        self.options = options
        self._start()

    def _start(self):
        self.words = []  # the source words read so far
        self.latest = [None] * len(self.langs)  # the last Translation per language
        self.shown = [[] for _ in self.langs]  # the token ids shown per language

    def read(self, words):
        words = [w for w in words if w]
        if not words:
            return []
        self.words.extend(words)
        prefix = " ".join(self.words)
        found = self.translator.translate([prefix] * len(self.langs), self.langs, **self.options)
        revisions = []
        for slot, (lang, hyps) in enumerate(zip(self.langs, found)):
            translation = self.latest[slot] = hyps[0]
            keep = max(0, len(translation.tokens) - self.mask)
            if self.shown[slot] == translation.tokens[:keep]:
                continue  # nothing changed on this language's screen (nor shown yet)
            self.shown[slot] = translation.tokens[:keep]
            text = self._text(translation, lang, keep)
            revisions.append(Revision(lang, text, self.shown[slot], len(self.words)))
        return revisions

    def finish(self):
        revisions = []
        for lang, translation in zip(self.langs, self.latest):
            if translation is None:  # an empty sentence: nothing to translate
                revisions.append(Revision(lang, "", [], 0, final=True))
            else:
                tokens = list(translation.tokens)
                revisions.append(Revision(lang, translation.text, tokens, len(self.words), True))
        self._start()
        return revisions

    def _text(self, translation, lang, keep):
        """The detokenized first `keep` tokens of `translation` (its text when all of them),
        with <unk> replaced as the whole translation would have it."""
        if keep == len(translation.tokens):
            return translation.text
        tokens = translation.tokens[:keep]
        if self.options.get("replace_unk") and translation.attention is not None:
            offset = 1 if lang else 0  # attention columns start with the language tag
            source = self.translator.model_text(" ".join(self.words))
            source_tokens = self.translator.tokenizer.tokenize(source)
            attention = translation.attention[:keep, offset:]
            pieces = replace_unknowns(
                tokens, source_tokens, attention, UNK_INDEX, self.translator.vocab
            )
        else:
            pieces = self.translator.vocab.decode(tokens)
        text = self.translator.tokenizer.detokenize(pieces)
        return self.translator.restore_slots(text, " ".join(self.words), lang)


class WaitKPolicy:
    """Wait-k decoding (Ma et al. 2019, STACL), greedy, all of `langs` in one decoder batch.

    After the k-th source word, each arriving word lets every language write one target
    token (k - 1 words of lag), attending only to the source read so far; `finish` writes
    the rest with the whole source in view, until <eos> or greedy search's length limit
    (`search.max_lengths`). While the sentence is open <eos> is not allowed: the speaker has
    not finished. A word is all its pieces. The encoder is re-run on the prefix read at
    every arrival: for a unidirectional encoder that gives the words read exactly their
    states in the whole sentence (a bidirectional one can be decoded so too, at a cost in
    quality). The decoder starts from the bridged encoder state of the first k words, as
    training with --wait-k does. `max_len_ratio` and `replace_unk` are Translator.translate's;
    wait-k writes one token at a time, so the search options (beam, length penalty) do not
    apply.
    """

    def __init__(self, translator, langs, k, max_len_ratio=2.0, replace_unk=False, **_search):
        if k < 1:
            raise ConfigError(f"--wait-k must be 1 or more source words, got {k}")
        self.translator, self.langs, self.k = translator, list(langs), k
        self.max_len_ratio, self.replace_unk = max_len_ratio, replace_unk
        self.tagged = 1 if self.langs[0] else 0  # source position 0 is the language tag
        self.steps = GreedySteps(translator.model)
        self._start()

    def _start(self):
        self.words = []  # the source words read so far
        self.state = None  # the decoder's DecoderState (one row per language) once writing
        self.tokens = [[] for _ in self.langs]  # written target ids per language
        self.attention = [[] for _ in self.langs]  # per written token its weights (S_t,)

    def read(self, words):
        words = [w for w in words if w]
        if not words:
            return []
        before = len(self.words)
        self.words.extend(words)
        if len(self.words) < self.k:
            return []
        tokenize = self.translator.tokenizer.tokenize
        with inference_mode(self.translator.model):
            if self.state is None:  # the first k words: the decoder's initial state
                self.state = self._encode(self.words[: self.k])[0].state
            encoded, _ = self._encode(self.words)
            for count in range(max(before + 1, self.k), len(self.words) + 1):
                prefix = self.translator.model_text(" ".join(self.words[:count]))
                visible = self.tagged + len(tokenize(prefix))
                self._write(encoded, visible)
        return [
            Revision(lang, self._partial_text(tokens, lang), list(tokens), len(self.words))
            for lang, tokens in zip(self.langs, self.tokens)
        ]

    def finish(self):
        if not self.words:
            revisions = [Revision(lang, "", [], 0, final=True) for lang in self.langs]
            self._start()
            return revisions
        model = self.translator.model
        with inference_mode(model):
            encoded, lengths = self._encode(self.words)
            if self.state is None:  # a sentence shorter than k: nothing written yet
                state = encoded.state
            else:
                state = DecoderState(
                    self.state.hidden, self.state.feed, encoded.state.memory, self.state.languages
                )
            limits = max_lengths(lengths, None, self.max_len_ratio)  # as greedy search
            running = numpy.arange(len(self.langs))
            prev = self._previous()
            while len(running):
                at_limit = numpy.array([len(self.tokens[r]) >= limits[r] for r in running])
                prev, state, alpha = self.steps.step(prev, state, at_limit)
                self._append(running, prev, alpha)
                going = prev != EOS_INDEX
                if not going.all():  # finished languages leave the decoder batch
                    running, prev = running[going], prev[going]
                    if len(running):
                        state = state.select(numpy.flatnonzero(going))
        width = int(lengths[0])
        source = " ".join(self.words)
        source_tokens = self.translator.tokenizer.tokenize(self.translator.model_text(source))
        slotted = self.translator.slotted([source]).get(source)
        revisions = []
        for lang, tokens, weights in zip(self.langs, self.tokens, self.attention):
            attention = None
            if weights:  # each token's weights, zero over the source not yet read then
                attention = numpy.zeros((len(weights), width))
                for i, row in enumerate(weights):
                    attention[i, : len(row)] = row
            hypothesis = Hypothesis(list(tokens), 0.0, attention)
            finished = self.translator.finish(
                hypothesis, source, source_tokens, lang, self.replace_unk, slotted
            )
            text = finished.text
            revisions.append(Revision(lang, text, list(tokens), len(self.words), final=True))
        self._start()
        return revisions

    def _encode(self, words):
        """`words` into every language, one batch, as the model reads them (with slots, for a
        model trained on slotted text): (EncoderOutput, (B,) source lengths)."""
        translator = self.translator
        source = translator.model_text(" ".join(words))
        ids = [
            encode_source(source, lang, translator.tokenizer, translator.vocab)
            for lang in self.langs
        ]
        batch = collate(ids, [[]] * len(ids), list(range(len(ids))))
        return translator.model.encode(batch.src, batch.src_lengths), batch.src_lengths

    def _write(self, encoded, visible):
        """One greedy token for every language, attending to the first `visible` source
        positions of `encoded` (the tag included); <eos> is not allowed yet."""
        memory = encoded.state.memory
        if memory is not None:  # a masked memory: the model's own decode_step does the rest
            unread = numpy.arange(encoded.mask.shape[1])[None, :] >= visible
            memory = replace(memory, mask=encoded.mask | unread)
        state = DecoderState(self.state.hidden, self.state.feed, memory, self.state.languages)
        rows = numpy.arange(len(self.langs))
        words, self.state, alpha = self.steps.step(
            self._previous(),
            state,
            numpy.zeros(len(rows), dtype=bool),
            forbid=EOS_INDEX,
        )
        self._append(rows, words, alpha)

    def _append(self, rows, tokens, alpha):
        for i, (row, token) in enumerate(zip(rows, tokens)):
            if token != EOS_INDEX:
                self.tokens[row].append(int(token))
                self.attention[row].append(None if alpha is None else alpha[i])
        if alpha is None:
            self.attention = [[] for _ in self.langs]

    def _previous(self):
        """(B,) the last written token of every language (<bos> before the first)."""
        return numpy.array([t[-1] if t else BOS_INDEX for t in self.tokens], dtype=numpy.int64)

    def _partial_text(self, tokens, lang):
        """The text of the tokens written so far, its slots written out from the words read
        (a slot token of a word not yet read is left out until it comes)."""
        translator = self.translator
        text = translator.tokenizer.detokenize(translator.vocab.decode(tokens))
        return translator.restore_slots(text, " ".join(self.words), lang)


def make_policy(translator, langs, retranslate=False, wait_k=None, mask=0, **options):
    """The policy the options ask for: wait-k with `wait_k` K, re-translation with
    `retranslate` (or a mask), else `default_policy`."""
    if wait_k is not None:
        return WaitKPolicy(translator, langs, wait_k, **options)
    if retranslate or mask:
        return RetranslationPolicy(translator, langs, mask=mask, **options)
    return default_policy(translator, langs, **options)


def default_policy(translator, langs, **options):
    """The policy for live use when none is asked for, as measured on real en-fr
    (benchmarks/README.md, "The wait-k curve"): a model trained with --wait-k K is decoded
    wait-k with its own K (there it kept 90% of the full-sentence BLEU at k = 3, never
    rewriting); any other model re-translates every prefix (its final text is the
    full-sentence translation, at the lowest lag measured, whereas wait-k decoding of a
    full-sentence model lost a quarter of the BLEU at k = 3)."""
    k = translator.model.config.wait_k
    if k:
        return WaitKPolicy(translator, langs, k, **options)
    return RetranslationPolicy(translator, langs, **options)


@dataclass
class SentenceTrace:
    """One sentence into one language: the (source words read, shown token ids) of every
    revision in order, the last one final; `text` is the final translation."""

    source_words: int
    revisions: list = field(default_factory=list)
    text: str = ""

    @property
    def delays(self):
        """g(i) per final token: when it was last changed (`latency.stable_delays`)."""
        return latency.stable_delays(self.revisions)

    @property
    def outputs(self):
        return [tokens for _, tokens in self.revisions]


def trace_sentence(policy, source):
    """Feed `source` to `policy` one whitespace-separated word at a time, then finish it
    (as a listener hears words, not spacing: the final prefix is the words joined by single
    spaces, so a source with runs of spaces may translate a little differently whole).

    Returns one SentenceTrace per language of `policy.langs` (in that order)."""
    words = source.split()
    traces = [SentenceTrace(len(words)) for _ in policy.langs]
    slots = {lang: slot for slot, lang in enumerate(policy.langs)}
    for revision in [r for word in words for r in policy.read([word])] + policy.finish():
        trace = traces[slots[revision.lang]]
        trace.revisions.append((revision.words, list(revision.tokens)))
        if revision.final:
            trace.text = revision.text
    return traces


def evaluate_simultaneous(translator, corpus, make, tokenize):
    """BLEU/chrF and latency of a policy on a corpus (sources, targets, langs).

    make(langs) builds the policy for one source's languages (each distinct source is fed
    once, into all the languages it has references for); tokenize(text) gives a reference's
    target tokens (for LAAL's |y*|). Returns `evaluation.score`'s dict with "al", "dal",
    "laal" (mean over sentences, source words) and "erasure" (normalised, over the corpus)
    added per language and as macro averages, plus the hypotheses.
    """
    rows = defaultdict(list)  # source -> row indices, in corpus order
    for index, source in enumerate(corpus.sources):
        rows[source].append(index)
    traces = [None] * len(corpus.sources)
    for source, indices in rows.items():
        langs = list(dict.fromkeys(corpus.langs[i] for i in indices))
        by_lang = dict(zip(langs, trace_sentence(make(langs), source)))
        for i in indices:
            traces[i] = by_lang[corpus.langs[i]]
    hypotheses = [t.text for t in traces]
    result = score(hypotheses, corpus.targets, corpus.langs)
    per_lang = defaultdict(list)
    for trace, target, lang in zip(traces, corpus.targets, corpus.langs):
        per_lang[lang or "-"].append((trace, len(tokenize(target))))
    for lang, items in per_lang.items():
        lags = latency.corpus_latency([(t.delays, t.source_words, n) for t, n in items])
        erasure = latency.corpus_erasure([t.outputs for t, _ in items])
        result["per_language"][lang].update(
            al=lags["al"], dal=lags["dal"], laal=lags["laal"], erasure=round(erasure, 4)
        )
    for key in ("al", "dal", "laal", "erasure"):
        values = [v[key] for v in result["per_language"].values() if v[key] is not None]
        result[key] = round(sum(values) / len(values), 3) if values else None
    result["hypotheses"] = hypotheses
    return result

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
    make_policy          the one place that picks a policy from the command line's options;
                         wait-k (Ma et al. 2019) plugs in here once the model decodes it.

`trace_sentence` feeds one sentence word by word to a policy and keeps every revision, from
which `rnnkit.translator.latency` computes delays (AL, DAL, LAAL) and erasure;
`evaluate_simultaneous` does that over a test corpus.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from rnnkit.errors import ConfigError
from rnnkit.text import UNK_INDEX
from rnnkit.translator import latency
from rnnkit.translator.evaluation import score
from rnnkit.translator.search import replace_unknowns


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
            source_tokens = self.translator.tokenizer.tokenize(" ".join(self.words))
            attention = translation.attention[:keep, offset:]
            pieces = replace_unknowns(
                tokens, source_tokens, attention, UNK_INDEX, self.translator.vocab
            )
        else:
            pieces = self.translator.vocab.decode(tokens)
        return self.translator.tokenizer.detokenize(pieces)


def make_policy(translator, langs, retranslate=True, wait_k=None, mask=0, **options):
    """The policy the options ask for. Wait-k needs a model trained and decoded for it
    (a unidirectional encoder, attention masked to the source prefix); until the model
    supports it, asking for it is a one-line error."""
    if wait_k is not None:
        if wait_k < 1:
            raise ConfigError(f"--wait-k must be 1 or more source words, got {wait_k}")
        raise ConfigError(
            "--wait-k needs wait-k decoding, which this version of the translator does not "
            "have yet; use --retranslate (re-translation works with every model)"
        )
    if not retranslate:
        raise ConfigError("--stream needs a policy: pass --retranslate (or --wait-k K)")
    return RetranslationPolicy(translator, langs, mask=mask, **options)


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

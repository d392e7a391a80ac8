"""A trained model ready to translate: model directory -> text in, text out.

One input line into several languages is one batched pass (one source per language, each
with its own `<2xx>` tag). Used by `rnnkit translate`, `rnnkit evaluate`, validation during
training and the demo's live game.
"""

import copy
import functools
from dataclasses import dataclass

import numpy

from rnnkit.core.tensor import no_grad
from rnnkit.errors import CheckpointError, ConfigError, RnnkitError
from rnnkit.text import UNK_INDEX, collate, language_tag
from rnnkit.translator.decoding.search import beam_search, length_penalty_factor, replace_unknowns
from rnnkit.translator.decoding.slots import SLOT_TOKEN, extract, plain_render, restore, unslot
from rnnkit.translator.formats import checkpoint, modeldir
from rnnkit.translator.formats.data import encode_source, load_text_pipeline, tagged
from rnnkit.translator.model.language_vocab import LanguageVocabularies
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

# Sentences per decoding batch, and at most CHUNK_ROWS decoder rows (sentences x beams): a
# larger batch shares each step's fixed costs among more sentences (benchmarks/README.md,
# "Measured design choices"), while the (rows, V) logits stay a few tens of MB whatever
# the beam.
CHUNK = 128
CHUNK_ROWS = 640
# The beam of a second search for the sources whose first one kept no hypothesis with every
# slot (see search.SlotConstraint): rare, so it costs little, and it finds one for most.
RETRY_BEAM = 12


@dataclass
class Translation:
    """One hypothesis for one source: the detokenized `text`, its search `score` (summed
    log-probability over the length penalty), the target `tokens` (ids, no <eos>), the
    `attention` weights (len(tokens), source length incl. the tag) or None, `confidence`
    (the geometric mean of its tokens' probabilities, <eos> included: exp of the mean
    log-probability), and `withheld`: True when no hypothesis kept every slot of the source
    or the confidence is below the caller's `min_confidence`; the text is then the source
    itself, untranslated."""

    text: str
    score: float
    tokens: list
    attention: numpy.ndarray | None = None
    confidence: float = 1.0
    withheld: bool = False


class SlotPolicy:
    """How a translator turns facts into slots and back (see slots.py): `inventory`, the
    names the extractor knows, and `writer(lang)`, a function (slot, form) -> text that
    writes a slot in `lang`. This default knows no names and writes every slot as the
    source had it; rnnkit.demo.slot_policy.DemoSlots writes them as each language does."""

    def __init__(self, inventory=None):
        from rnnkit.translator.decoding.slots import Inventory

        self.inventory = inventory or Inventory()

    def writer(self, lang):
        return plain_render

    def restore(self, text, slots, lang):
        """`text`, a translation into `lang` with slot tokens, with every slot of `slots` (the
        source's) written out by `writer(lang)`."""
        return restore(text, slots, self.writer(lang))


class Translator:
    """A trained Seq2Seq with its tokenizer, vocabulary and languages: text in, text out.

    Build one with `Translator.load(model_dir)`; `translate(sources, langs)` decodes a batch
    (greedy or beam search), `attention(source, target, lang)` gives the weights of a
    teacher-forced pass (for plots).
    """

    def __init__(self, model, tokenizer, vocab, languages, slots=None):
        self.model, self.tokenizer, self.vocab = model.eval(), tokenizer, vocab
        self.languages = list(languages)
        self._slot_setup(slots)

    def _slot_setup(self, slots):
        """Slots are on when the vocabulary has slot tokens (the model was trained on slotted
        text): `slots` (a SlotPolicy) then extracts and writes them, the plain one if None."""
        bits, names = numpy.zeros(len(self.vocab), dtype=numpy.int64), {}
        self.source_slots = set()  # the slot tokens a source may hold (｟P1｠, no form)
        for token_id in range(len(self.vocab)):
            match = SLOT_TOKEN.fullmatch(self.vocab.lookup(token_id))
            if match:
                bit = names.setdefault(f"{match[1]}{match[2]}", 1 << len(names))
                bits[token_id] = bit
                if match[3] is None:
                    self.source_slots.add(match[0])
        if len(names) > 62:
            raise CheckpointError(f"the vocabulary has {len(names)} slots; at most 62 are kept")
        self.slot_bits = names  # slot name -> its bit
        self.slots = (slots or SlotPolicy()) if names else None
        # A line is extracted once, however often it is read: a prefix re-translated word by
        # word is written back into every language (restore_slots) after its translation.
        self._slotted_one = functools.lru_cache(maxsize=256)(self._extract)
        repeatable = sum(bit for name, bit in names.items() if name[0] == "N")
        self._token_bits, self._repeatable = bits, repeatable

    def with_slots(self, slots):
        """This translator (the same model, tokenizer and vocabulary, nothing copied) with
        another SlotPolicy, e.g. one game's roster; itself for a model without slots."""
        if self.slots is None:
            return self
        twin = copy.copy(self)
        twin.slots = slots
        twin._slotted_one = functools.lru_cache(maxsize=256)(twin._extract)
        return twin

    @classmethod
    def load(cls, model_dir, which="best", slots=None):
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
        return cls(model, tokenizer, vocab, languages, slots)

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
        min_confidence=None,
    ):
        """sources, langs: parallel lists. Returns per source a list of n_best Translations
        (one withheld Translation, the source itself, when no hypothesis kept every slot; with
        `min_confidence`, also when the best one's confidence is below it)."""
        if n_best > beam:
            raise ConfigError(f"--n-best ({n_best}) cannot exceed --beam ({beam})")
        self.check_languages(set(langs))
        slotted = self.slotted(sources)
        texts = [slotted[s].text if self.slots else s for s in sources]  # what the model reads
        source_tokens, ids = self._encoded(texts, langs)
        required = numpy.array(
            [self.required_slots(slotted[s]) if self.slots else 0 for s in sources]
        )
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        results = [None] * len(ids)
        search = functools.partial(
            self._search,
            ids,
            required,
            n_best=n_best,
            length_penalty=length_penalty,
            max_len_ratio=max_len_ratio,
        )
        with no_grad():
            found = search(order, beam)
            # No hypothesis of these kept every slot: a wider search often finds one.
            retry = [i for i in order if not found[i] and self.slots and beam < RETRY_BEAM]
            if retry:
                found.update(search(retry, RETRY_BEAM))
        for i in order:
            if not found[i] and not self.slots:  # only non-finite scores get here
                raise RnnkitError(
                    f"no translation found for {sources[i][:60]!r} into {langs[i]}: "
                    "the model's scores are not finite; retrain or use another checkpoint"
                )
            finish = functools.partial(
                self.finish,
                source=sources[i],
                source_tokens=source_tokens[i],
                lang=langs[i],
                replace_unk=replace_unk,
                slotted=slotted.get(sources[i]),
                alpha=length_penalty,
            )
            results[i] = self._gated(
                [finish(h) for h in found[i][:n_best]], sources[i], min_confidence
            )
        return results

    def _encoded(self, texts, langs):
        """(each text's tokens, its ids behind its language's tag): each distinct text
        tokenised once, however many languages it goes to."""
        tokens = {text: self.tokenizer.tokenize(text) for text in dict.fromkeys(texts)}
        encoded = {text: self.vocab.encode(pieces) for text, pieces in tokens.items()}
        ids = [tagged(encoded[text], lang, self.vocab) for text, lang in zip(texts, langs)]
        return [tokens[text] for text in texts], ids

    def _gated(self, translations, source, min_confidence):
        """`translations` (best first), the best one withheld below `min_confidence`; the
        source itself, withheld, when there are none (no hypothesis kept every slot)."""
        if not translations:
            return [self._withheld(source)]
        if min_confidence is not None and translations[0].confidence < min_confidence:
            translations[0] = self._withheld(source, translations[0].confidence)
        return translations

    def _search(self, ids, required, chosen, beam_size, n_best, length_penalty, max_len_ratio):
        """{i: its hypotheses} for the sources `chosen` (indices into the encoded `ids` and
        their `required` slots), in decoding batches."""
        found = {}
        size = max(1, min(CHUNK, CHUNK_ROWS // max(beam_size, 1)))
        for start in range(0, len(chosen), size):
            chunk = chosen[start : start + size]
            batch = collate(ids, [[]] * len(ids), chunk)  # targets unused here
            constraint = None
            if self.slots:
                constraint = (self._token_bits, self._repeatable, required[chunk])
            hyps = beam_search(
                self.model,
                batch.src,
                batch.src_lengths,
                beam_size=beam_size,
                length_penalty=length_penalty,
                max_len_ratio=max_len_ratio,
                n_best=min(n_best, beam_size),
                slots=constraint,
            )  # beam 1 is greedy search, with attention
            found.update(zip(chunk, hyps))
        return found

    def slotted(self, sources):
        """{source: its Slotted form} for the distinct sources (empty without slots)."""
        if not self.slots:
            return {}
        return {s: self._slotted_one(s) for s in dict.fromkeys(sources)}

    def _extract(self, source):
        return unslot(extract(source, self.slots.inventory), self.source_slots)

    def required_slots(self, slotted):
        mask = 0
        for slot in slotted.slots:
            mask |= self.slot_bits.get(slot.name, 0)
        return mask

    @staticmethod
    def _withheld(source, confidence=0.0):
        return Translation(source, float("-inf"), [], None, confidence, withheld=True)

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

    def model_text(self, source):
        """What the model reads of `source`: with slots on, the line with its slots."""
        return self.slotted([source])[source].text if self.slots else source

    def restore_slots(self, text, source, lang):
        """`text`, a translation of `source` into `lang` that may hold slot tokens (a partial
        one, say), with each slot written out; `text` itself without slots."""
        if not self.slots:
            return text
        return self.slots.restore(text, self.slotted([source])[source].slots, lang)

    def finish(
        self, hypothesis, source, source_tokens, lang, replace_unk=False, slotted=None, alpha=1.0
    ):
        """The Translation of a search's Hypothesis for `source` (its tokens
        `source_tokens`, as encoded) into `lang`: detokenized, <unk> replaced by the most
        attended source token with `replace_unk`, the slots of `slotted` written out, and its
        confidence (`alpha`: the length penalty the search used)."""
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
        if slotted is not None:
            text = self.slots.restore(text, slotted.slots, lang)
        # the search's score is the summed log-probability over GNMT's length penalty
        length = len(tokens) + 1  # <eos> too
        mean = hypothesis.score * length_penalty_factor(length, alpha) / length
        confidence = float(numpy.exp(mean)) if numpy.isfinite(mean) else 0.0
        return Translation(text, float(hypothesis.score), tokens, attention, confidence)

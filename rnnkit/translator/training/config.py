"""The one commented source of training defaults (nanoGPT's habit): `TrainConfig`.

The YAML file given with `--config` and the command-line options use these same keys
(dashes on the command line, underscores here). Precedence: defaults < YAML < options
given on the command line. Unknown keys and values of the wrong type are errors that name
the key. The model's shape is `model.ModelOptions`, which both TrainConfig and the checkpoint's
`model.ModelConfig` are; both go into config.json.
"""

import dataclasses
import math
import typing
from dataclasses import dataclass, fields

import yaml

from rnnkit.errors import ConfigError
from rnnkit.text import SPECIALS, is_language_code
from rnnkit.text.corpus import DEFAULT_MAX_CHARS, LARGEST_MAX_CHARS
from rnnkit.translator.decoding.search import MAX_BEAM
from rnnkit.translator.model.seq2seq import (
    ATTENTIONS,
    CELLS,
    SIZE_LIMITS,
    ModelConfig,
    ModelOptions,
    option,
)

TOKENIZERS = ("word", "sentencepiece")
SUBWORD_MODELS = ("unigram", "bpe")
OPTIMIZERS = ("sgd", "adam")


@dataclass
class TrainConfig(ModelOptions):
    """Every option of `rnnkit train`: the model's shape (ModelOptions, defined once in
    model/seq2seq.py with ModelConfig) and the fields below."""

    # --- data --------------------------------------------------------------------------
    data: str | None = option(None, "training TSV: source<TAB>target or lang<TAB>source<TAB>target")
    valid: str | None = option(None, "dev TSV in the same format (BLEU for early stopping)")
    src_file: str | None = option(None, "or: aligned plain files, one sentence per line")
    tgt_file: str | None = option(None, "target side of --src-file, line by line")
    valid_src_file: str | None = option(None, "dev source file (with --valid-tgt-file)")
    valid_tgt_file: str | None = option(None, "dev target file")
    lang: str | None = option(None, "target language of 2-column / aligned data (e.g. fr)")
    skip_bad_lines: bool = option(False, "skip (and count) malformed lines instead of stopping")
    max_len: int = option(100, "longest sentence (in tokens) kept for training")
    max_chars: int = option(DEFAULT_MAX_CHARS, "longest side of a data line, in characters")
    # --- text pipeline -------------------------------------------------------------------
    tokenizer: str = option("word", "word | sentencepiece")
    subword_model: str = option("unigram", "sentencepiece's model: unigram | bpe")
    vocab_size: int = option(20000, "the lecture's default; counts specials and language tags")
    min_freq: int = option(1, "drop tokens seen fewer times (they become <unk>)")
    lowercase: bool = option(False, "lowercase text before word tokenization")
    # --- optimisation --------------------------------------------------------------------
    batch_size: int = option(64, "sentences per batch")
    language_temperature: float = option(
        1.0,
        "draw target languages with probability ~ pairs ** (1 / T) per epoch: 1 is the data's "
        "own mix, larger gives small languages more (5: Arivazhagan et al. 2019)",
    )
    optimizer: str = option("adam", "sgd (the lecture's w := w - alpha dJ/dw) | adam")
    lr: float = option(0.002, "learning rate alpha")
    lr_warmup: int = option(0, "raise the lr linearly from 0 over this many updates; 0: off")
    lr_decay: float = option(
        1.0, "multiply the lr by this when dev BLEU stops improving (JoeyNMT's plateau); 1: off"
    )
    lr_patience: int = option(
        3, "--lr-decay: lower the lr after more than this many validations without a better BLEU"
    )
    min_lr: float = option(0.0, "--lr-decay never takes the lr below this")
    clip: float = option(5.0, "global gradient-norm clipping; 0 turns it off")
    epochs: int = option(10, "passes over the training data")
    max_steps: int = option(0, "stop after this many updates; 0: no limit")
    time_budget: float = option(0.0, "stop cleanly after this many seconds; 0: no limit")
    target_loss: float = option(0.0, "the lecture's rule: stop once training J < target; 0: off")
    # --- validation, checkpoints, logging ---------------------------------------------------
    valid_every: int = option(200, "steps between validations (and at each epoch's end)")
    valid_every_seconds: float = option(
        0.0, "also validate whenever the training time passes a multiple of this; 0: off"
    )
    patience: int = option(0, "stop after this many validations without a better dev BLEU; 0: off")
    save_every: int = option(200, "steps between latest.safetensors checkpoints")
    valid_beam: int = option(1, "beam size for dev BLEU (1: greedy, fastest)")
    replace_unk: bool = option(False, "dev translations: <unk> -> the most-attended source word")
    log_every: int = option(20, "steps between train_log.jsonl loss entries")
    seed: int = option(1, "seed of initialisation, dropout and batch order")

    def validate(self):
        """Raise ConfigError naming the first bad option and what it allows; return self.

        Everything is checked here, before any file is read or any array allocated: the
        model's size too, with vocab_size as the largest vocabulary it may get.
        """
        self._check_kinds()
        self._check_ranges()
        self._check_combinations()
        self.model_config(self.vocab_size).validate()  # the largest model these options give
        return self

    def _check_kinds(self):
        """Finite numbers, and the named choices among their allowed values."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not math.isfinite(value):
                raise ConfigError(f"{f.name} must be a finite number; got {value}")
        choices = {
            "tokenizer": TOKENIZERS,
            "subword_model": SUBWORD_MODELS,
            "cell": CELLS,
            "attention": ATTENTIONS,
            "optimizer": OPTIMIZERS,
        }
        for key, allowed in choices.items():
            if getattr(self, key) not in allowed:
                raise ConfigError(
                    f"{key} must be one of {', '.join(allowed)}; got {getattr(self, key)!r}"
                )

    def _check_ranges(self):
        """Each number within its bounds."""
        positive = (
            "max_len",
            "max_chars",
            "vocab_size",
            "min_freq",
            "layers",
            "embed",
            "hidden",
            "batch_size",
            "epochs",
            "valid_every",
            "save_every",
            "valid_beam",
            "log_every",
        )
        for key in positive:
            if getattr(self, key) < 1:
                raise ConfigError(f"{key} must be at least 1; got {getattr(self, key)}")
        limits = {**SIZE_LIMITS, "max_chars": LARGEST_MAX_CHARS, "valid_beam": MAX_BEAM}
        for key, limit in limits.items():
            if getattr(self, key) > limit:
                raise ConfigError(f"{key} must be at most {limit:,}; got {getattr(self, key):,}")
        if self.vocab_size <= len(SPECIALS):
            raise ConfigError(
                f"vocab_size must be more than the {len(SPECIALS)} special tokens; "
                f"got {self.vocab_size}"
            )
        if not 0 <= self.seed < 2**63:
            raise ConfigError(f"seed must be between 0 and 2**63 - 1; got {self.seed}")
        non_negative = (
            "max_steps",
            "time_budget",
            "target_loss",
            "patience",
            "clip",
            "label_smoothing",
            "lr_warmup",
            "lr_patience",
            "min_lr",
            "valid_every_seconds",
        )
        for key in non_negative:
            if getattr(self, key) < 0:
                raise ConfigError(f"{key} must not be negative; got {getattr(self, key)}")
        if not 0 <= self.dropout < 1:
            raise ConfigError(f"dropout must be in [0, 1); got {self.dropout}")
        if self.lr <= 0:
            raise ConfigError(f"lr must be positive; got {self.lr}")
        if not 0 < self.language_temperature <= 100:
            raise ConfigError(
                f"language_temperature must be in (0, 100]; got {self.language_temperature}"
            )
        if not 0 < self.lr_decay <= 1:
            raise ConfigError(f"lr_decay must be in (0, 1] (1: off); got {self.lr_decay}")
        if self.min_lr >= self.lr:
            raise ConfigError(f"min_lr must be below lr ({self.lr}); got {self.min_lr}")

    def _check_combinations(self):
        """Options that go together, and the data and language given."""
        if self.lr_decay < 1 and not (self.valid or self.valid_src_file):
            raise ConfigError(
                "lr_decay follows dev BLEU: give a dev set (--valid or --valid-src-file), "
                "or drop --lr-decay"
            )
        if self.lang is not None and not is_language_code(self.lang):
            raise ConfigError(f"lang {self.lang!r} is not a language code like fr, zh or pt-BR")
        if bool(self.src_file) != bool(self.tgt_file):
            raise ConfigError("--src-file and --tgt-file go together; give both or neither")
        if not (self.data or self.src_file):
            raise ConfigError("no training data: give --data TRAIN.tsv or --src-file/--tgt-file")

    def model_config(self, vocab_size):
        """The ModelConfig of these options for a vocabulary of `vocab_size` entries."""
        return ModelConfig.of(self, vocab_size)

    def to_dict(self):
        return dataclasses.asdict(self)


def _coerce(key, value, annotation):
    """Check one YAML or option value against the field's type; ints are accepted as floats."""
    allowed = [t for t in typing.get_args(annotation) if t is not type(None)] or [annotation]
    if value is None and type(None) in typing.get_args(annotation):
        return None
    for kind in allowed:
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > 1e300:  # float() would overflow; no option wants such a number
                raise ConfigError(f"{key} must be a finite number; got one with over 300 digits")
            return float(value)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
    names = " or ".join(kind.__name__ for kind in allowed)
    raise ConfigError(f"{key} must be {names}; got {value!r}")


def build_config(yaml_path=None, overrides=None):
    """TrainConfig from defaults, then a YAML file, then explicit overrides (a dict)."""
    values = {}
    if yaml_path:
        try:
            with open(yaml_path, encoding="utf-8") as handle:
                loaded = yaml.safe_load(handle)
        except FileNotFoundError:
            raise ConfigError(f"{yaml_path}: no such config file") from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{yaml_path}: not valid YAML ({str(exc).splitlines()[0]})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{yaml_path}: expected a mapping of option: value")
        values.update({str(k).replace("-", "_"): v for k, v in (loaded or {}).items()})
    values.update(overrides or {})
    types = {f.name: f.type for f in fields(TrainConfig)}
    unknown = sorted(set(values) - set(types))
    if unknown:
        where = f"{yaml_path}: " if yaml_path else ""
        raise ConfigError(f"{where}unknown option(s) {', '.join(unknown)}; see rnnkit train --help")
    hints = typing.get_type_hints(TrainConfig)
    return TrainConfig(**{k: _coerce(k, v, hints[k]) for k, v in values.items()})

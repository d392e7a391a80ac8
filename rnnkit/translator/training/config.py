"""The one commented source of training defaults (nanoGPT's habit): `TrainConfig`.

The YAML file given with `--config` and the command-line options use these same keys
(dashes on the command line, underscores here). Precedence: defaults < YAML < options
given on the command line. Unknown keys are errors on reading; values of the wrong type or
out of their bounds (each field's `option(...)`, one validator: model/options.py) are
errors that name the key, from `validate`, which `train()` calls once, before anything is
read or written. The model's shape is `ModelOptions`, which both TrainConfig and the
checkpoint's `ModelConfig` are: those options are checked by the ModelConfig that
`validate` makes of them, and copied once more, into the ModelConfig of the built
vocabulary that Seq2Seq is made from. config.json keeps them in its model section and the
others in its training section. A TrainConfig is frozen (`dataclasses.replace` makes a
changed one), and its file options are absolute paths from the moment it is made.
"""

import dataclasses
import typing
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from rnnkit.errors import ConfigError
from rnnkit.text import is_language_code
from rnnkit.text.corpus import DEFAULT_MAX_CHARS, LARGEST_MAX_CHARS
from rnnkit.translator.decoding.search import MAX_BEAM
from rnnkit.translator.model.options import check_fields, option
from rnnkit.translator.model.seq2seq import (
    MAX_VOCAB_SIZE,
    MIN_VOCAB_SIZE,
    MODEL_OPTIONS,
    VOCAB_SIZE_WHY,
    ModelConfig,
    ModelOptions,
)

TOKENIZERS = ("word", "sentencepiece")
# The options that name files: absolute paths in a TrainConfig (and so in config.json).
PATH_KEYS = ("data", "valid", "src_file", "tgt_file", "valid_src_file", "valid_tgt_file")
SUBWORD_MODELS = ("unigram", "bpe")
OPTIMIZERS = ("sgd", "adam")


@dataclass(frozen=True)
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
    max_len: int = option(100, "longest sentence (in tokens) kept for training", low=1)
    max_chars: int = option(
        DEFAULT_MAX_CHARS,
        "longest side of a data line, in characters",
        low=1,
        high=LARGEST_MAX_CHARS,
    )
    # --- text pipeline -------------------------------------------------------------------
    tokenizer: str = option("word", "word | sentencepiece", choices=TOKENIZERS)
    subword_model: str = option(
        "unigram", "sentencepiece's model: unigram | bpe", choices=SUBWORD_MODELS
    )
    vocab_size: int = option(
        20000,
        "the lecture's default; counts specials and language tags",
        low=MIN_VOCAB_SIZE,
        high=MAX_VOCAB_SIZE,
        why=VOCAB_SIZE_WHY,
    )
    min_freq: int = option(1, "drop tokens seen fewer times (they become <unk>)", low=1)
    lowercase: bool = option(False, "lowercase text before word tokenization")
    # --- optimisation --------------------------------------------------------------------
    batch_size: int = option(64, "sentences per batch", low=1)
    language_temperature: float = option(
        1.0,
        "draw target languages with probability ~ pairs ** (1 / T) per epoch: 1 is the data's "
        "own mix, larger gives small languages more (5: Arivazhagan et al. 2019)",
        above=0.0,
        high=100.0,
    )
    optimizer: str = option(
        "adam", "sgd (the lecture's w := w - alpha dJ/dw) | adam", choices=OPTIMIZERS
    )
    lr: float = option(0.002, "learning rate alpha", above=0.0)
    lr_warmup: int = option(0, "raise the lr linearly from 0 over this many updates; 0: off", low=0)
    lr_decay: float = option(
        1.0,
        "multiply the lr by this when dev BLEU stops improving (JoeyNMT's plateau); 1: off",
        above=0.0,
        high=1.0,
    )
    lr_patience: int = option(
        3,
        "--lr-decay: lower the lr after more than this many validations without a better BLEU",
        low=0,
    )
    min_lr: float = option(0.0, "--lr-decay never takes the lr below this", low=0.0)
    clip: float = option(5.0, "global gradient-norm clipping; 0 turns it off", low=0.0)
    epochs: int = option(10, "passes over the training data", low=1)
    max_steps: int = option(0, "stop after this many updates; 0: no limit", low=0)
    time_budget: float = option(0.0, "stop cleanly after this many seconds; 0: no limit", low=0.0)
    target_loss: float = option(
        0.0, "the lecture's rule: stop once training J < target; 0: off", low=0.0
    )
    # --- validation, checkpoints, logging ---------------------------------------------------
    valid_every: int = option(200, "steps between validations (and at each epoch's end)", low=1)
    valid_every_seconds: float = option(
        0.0,
        "also validate whenever the training time passes a multiple of this; 0: off",
        low=0.0,
    )
    patience: int = option(
        0, "stop after this many validations without a better dev BLEU; 0: off", low=0
    )
    save_every: int = option(200, "steps between latest.safetensors checkpoints", low=1)
    valid_beam: int = option(1, "beam size for dev BLEU (1: greedy, fastest)", low=1, high=MAX_BEAM)
    replace_unk: bool = option(False, "dev translations: <unk> -> the most-attended source word")
    log_every: int = option(20, "steps between train_log.jsonl loss entries", low=1)
    seed: int = option(1, "seed of initialisation, dropout and batch order", low=0, high=2**63 - 1)

    def __post_init__(self):
        for key in PATH_KEYS:
            path = getattr(self, key)
            if isinstance(path, str) and path:  # (a wrong type is validate's to report)
                object.__setattr__(self, key, str(Path(path).resolve()))

    def validate(self):
        """Raise ConfigError naming the first bad option and what it allows; return self.

        Everything is checked here, once, before any file is read or any array allocated:
        each training option against its own rules (`check_fields`), the options that go
        together, and the model's options and size by the ModelConfig they make, with
        vocab_size as the largest vocabulary it may get.
        """
        check_fields(self, skip=MODEL_OPTIONS)
        self.model_config(self.vocab_size)  # the largest model these give, checked as made
        self._check_combinations()
        return self

    def _check_combinations(self):
        """Options that go together, and the data and language given."""
        if self.min_lr >= self.lr:
            raise ConfigError(f"min_lr must be below lr ({self.lr}); got {self.min_lr}")
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


def _as_float(key, value, annotation):
    """YAML's 1 for a float option's 1.0 (the value is checked by `validate`)."""
    if float in typing.get_args(annotation) + (annotation,) and type(value) is int:
        if abs(value) > 1e300:  # float() would overflow; no option wants such a number
            raise ConfigError(f"{key} must be a finite number; got one with over 300 digits")
        return float(value)
    return value


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
    return TrainConfig(**{k: _as_float(k, v, hints[k]) for k, v in values.items()})

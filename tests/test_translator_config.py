"""TrainConfig: defaults < YAML < command line; wrong keys, types and values are named."""
# ruff: noqa: F811 (the corpus fixture imported from test_translator_cli is an argument)

import dataclasses
import re

import pytest
from test_translator_cli import TINY, corpus, run_cli  # noqa: F401

from rnnkit.errors import ConfigError
from rnnkit.translator.model import options
from rnnkit.translator.model.options import check_fields
from rnnkit.translator.model.seq2seq import ModelConfig
from rnnkit.translator.training.config import TrainConfig, build_config


def test_precedence_defaults_yaml_overrides(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("hidden: 64\nlr: 1\nbatch-size: 8\ndata: a.tsv\n")
    config = build_config(cfg, {"hidden": 32})
    assert (config.hidden, config.lr, config.batch_size, config.embed) == (32, 1.0, 8, 128)
    assert isinstance(config.lr, float)  # an int where a float is expected is accepted
    assert config.validate() is config


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("hiden: 3\n", "unknown option(s) hiden"),
        ("hidden: big\n", "hidden must be int; got 'big'"),
        ("bidirectional: 1\n", "bidirectional must be true or false; got 1"),
        ("- a\n- b\n", "expected a mapping"),
        ("a: [\n", "not valid YAML"),
    ],
)
def test_bad_yaml_is_named(tmp_path, yaml_text, message):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml_text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_config(cfg).validate()  # unknown keys and bad YAML on reading, the rest here


def test_missing_yaml_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        build_config(tmp_path / "none.yaml")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"cell": "transformer"}, "cell must be one of rnn, sgru, gru, lstm; got 'transformer'"),
        ({"attention": "dot"}, "attention must be one of bahdanau, luong, none"),
        ({"subword_model": "char"}, "subword_model must be one of unigram, bpe"),
        ({"hidden": 0}, "hidden must be at least 1; got 0"),
        ({"clip": -1.0}, "clip must not be negative"),
        ({"dropout": 1.0}, r"dropout must be in \[0, 1\)"),
        ({"lr": 0.0}, "lr must be positive"),
        ({"lang": "French"}, "'French' is not a language code"),
        ({"src_file": "a.txt"}, "--src-file and --tgt-file go together"),
        ({"data": None}, "no training data"),
    ],
)
def test_validate_names_the_bad_value(changes, message):
    config = TrainConfig(**{"data": "train.tsv", **changes})
    with pytest.raises(ConfigError, match=message):
        config.validate()


def test_every_field_has_help_text():
    assert all(f.metadata.get("help") for f in dataclasses.fields(TrainConfig))


def _rules(cls):
    for f in dataclasses.fields(cls):
        yield f, {k: v for k, v in f.metadata.items() if k not in ("help", "why") and v is not None}


@pytest.mark.parametrize("cls", [TrainConfig, ModelConfig])
def test_each_bound_is_written_once_beside_its_field_and_checked_there(cls):
    """Every rule in a field's metadata is enforced at its edge, naming the field."""
    base = {"data": "train.tsv"} if cls is TrainConfig else {"vocab_size": 100}
    prefix = "" if cls is TrainConfig else "model "
    checked = 0
    for f, rules in _rules(cls):
        default = base.get(f.name, f.default)
        for key, bound in rules.items():
            if key == "choices":
                bad, good = "no-such-choice", bound[-1]
            else:
                step = 1 if isinstance(default, int) else 1e-6
                inside = {"low": bound, "high": bound, "above": bound + step, "below": bound - step}
                outside = {
                    "low": bound - step,
                    "high": bound + step,
                    "above": bound,
                    "below": bound,
                }
                bad, good = outside[key], inside[key]
            try:  # the field allows it; the whole config (a ModelConfig, checked as it is
                cls(**{**base, f.name: good})  # made) may still refuse it: too large a model
            except ConfigError as error:
                assert cls is ModelConfig and "parameters" in str(error)
            with pytest.raises(ConfigError, match=rf"^{prefix}{f.name} must "):
                check_fields(cls(**{**base, f.name: bad}), prefix)
            checked += 1
    assert checked >= (30 if cls is TrainConfig else 12)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("hidden", "64", "hidden must be int; got '64'"),
        ("hidden", True, "hidden must be int; got True"),
        ("bidirectional", 1, "bidirectional must be true or false; got 1"),
        ("lr", float("nan"), "lr must be a finite number; got nan"),
        ("lang", 3, "lang must be str; got 3"),
    ],
)
def test_types_are_checked_by_the_same_validator(field, value, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        TrainConfig(**{"data": "train.tsv", field: value}).validate()
    assert TrainConfig(data="train.tsv", lr=1, lang=None).validate().lr == 1  # an int is a float


def test_an_option_is_checked_once_where_it_enters_and_copied_once_into_the_model(
    corpus, tmp_path, capsys, monkeypatch
):
    """`rnnkit train --hidden 16`: the value is checked by the ModelConfig that
    TrainConfig.validate makes of the options (before any file is read), and copied once on
    its way to the allocation, into the ModelConfig of the built vocabulary that Seq2Seq
    takes as it is; no dict round trip on one process, no other check."""
    checks, made = [], []
    check_rules = options._check_rules
    post_init = ModelConfig.__post_init__

    def counting_rules(name, value, rules):
        if name.endswith("hidden"):
            checks.append(value)
        return check_rules(name, value, rules)

    def counting_init(self):
        made.append(self.vocab_size)
        post_init(self)

    monkeypatch.setattr(options, "_check_rules", counting_rules)
    monkeypatch.setattr(ModelConfig, "__post_init__", counting_init)
    code, _, err = run_cli(
        ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(tmp_path / "m")] + TINY,
        capsys,
    )
    assert code == 0, err
    assert checks == [16, 16]
    assert made[0] == TrainConfig.vocab_size and made[1] < made[0] and len(made) == 2

"""TrainConfig: defaults < YAML < command line; wrong keys, types and values are named."""

import pytest

from rnnkit.errors import ConfigError
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
        ("bidirectional: 1\n", "bidirectional must be bool; got 1"),
        ("- a\n- b\n", "expected a mapping"),
        ("a: [\n", "not valid YAML"),
    ],
)
def test_bad_yaml_is_named(tmp_path, yaml_text, message):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml_text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_config(cfg)


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
    import dataclasses

    assert all(f.metadata.get("help") for f in dataclasses.fields(TrainConfig))

"""Options that carry their own rules: each field of a configuration says its help, its type
(the annotation), and its choices or bounds (`option`); one validator, `check_fields`,
checks every field of a configuration against them.

`ModelOptions` / `ModelConfig` (seq2seq.py) and `TrainConfig` (training/config.py) are
dataclasses of such fields, so each option's bounds are written in one place, beside its
default and its help, and the command line, a YAML file and a checkpoint's config.json are
checked by the same code with the same messages. What one field cannot say alone (a wait-k
model needs a one-way encoder; min_lr below lr) stays with the configuration.
"""

import math
import typing
from dataclasses import field, fields

import numpy

from rnnkit.errors import ConfigError


def option(default, help, *, choices=None, low=None, high=None, above=None, below=None, why=None):
    """A config field with its --help text and its rules: `choices` (the allowed values),
    `low` / `high` (inclusive bounds), `above` / `below` (exclusive bounds); `why`, a reason
    the error message gives after a bound."""
    rules = {"choices": choices, "low": low, "high": high, "above": above, "below": below}
    rules["why"] = f" ({why})" if why else ""
    return field(default=default, metadata={"help": help, **rules})


def check_fields(config, prefix="", skip=()):
    """Raise ConfigError naming the first field of the dataclass `config` (but those named in
    `skip`) whose value breaks its type or its rules (the message starts with `prefix`, e.g.
    "model "); return config."""
    hints = typing.get_type_hints(type(config))
    for f in fields(config):
        if f.name in skip:
            continue
        value = getattr(config, f.name)
        kinds = [t for t in typing.get_args(hints[f.name]) if t is not type(None)]
        if value is None and kinds:  # `X | None`: None is allowed
            continue
        name = prefix + f.name
        _check_type(name, value, kinds or [hints[f.name]])
        _check_rules(name, value, f.metadata)
    return config


def _check_type(name, value, kinds):
    if any(_is(value, kind) for kind in kinds):
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{name} must be a finite number; got {value}")
        return
    if bool in kinds:
        raise ConfigError(f"{name} must be true or false; got {value!r}")
    names = " or ".join(kind.__name__ for kind in kinds)
    raise ConfigError(f"{name} must be {names}; got {value!r}")


def _is(value, kind):
    """bool is not an int here, and an int is a float (YAML's 1 for 1.0)."""
    if isinstance(value, (bool, numpy.bool_)):
        return kind is bool
    if kind is int:
        return isinstance(value, (int, numpy.integer))
    if kind is float:
        return isinstance(value, (int, float, numpy.integer, numpy.floating))
    return isinstance(value, kind)


def _check_rules(name, value, rules):
    choices = rules.get("choices")
    if choices is not None and value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    low, high, above, below = (rules.get(key) for key in ("low", "high", "above", "below"))
    why = rules.get("why", "")
    if isinstance(value, float) and (low, above) != (None, None) and (high, below) != (None, None):
        # a float between two bounds: the interval in one message, "[0, 1)"
        left = f"[{low:g}" if low is not None else f"({above:g}"
        right = f"{high:g}]" if high is not None else f"{below:g})"
        if not _inside(value, low, high, above, below):
            raise ConfigError(f"{name} must be in {left}, {right}{why}; got {value}")
        return
    if low is not None and value < low:
        at_least = "must not be negative" if low == 0 else f"must be at least {low:,}"
        raise ConfigError(f"{name} {at_least}{why}; got {value}")
    if above is not None and value <= above:
        more = "must be positive" if above == 0 else f"must be more than {above:,}"
        raise ConfigError(f"{name} {more}{why}; got {value}")
    if high is not None and value > high:
        raise ConfigError(f"{name} must be at most {high:,}{why}; got {value:,}")
    if below is not None and value >= below:
        raise ConfigError(f"{name} must be below {below:,}{why}; got {value:,}")


def _inside(value, low, high, above, below):
    return (
        (low is None or value >= low)
        and (above is None or value > above)
        and (high is None or value <= high)
        and (below is None or value < below)
    )

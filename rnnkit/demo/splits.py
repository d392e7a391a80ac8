"""Held-out combinations: which events are train, dev or test.

Some (player, action) and (template, team) combinations are held out for dev or for
test, so a model has to generalise to translate them; every word it needs is still seen
in train. The split is a pure function of the event's combinations (sha256 of a stable
string), so it never moves between runs, processes or machines.
"""

from __future__ import annotations

import hashlib
from functools import cache

from rnnkit.demo.grammar import Event

SPLITS = ("train", "dev", "test")
# Percent of combinations held out for dev and for test; the rest are train.
DEV_PERCENT = 10
TEST_PERCENT = 10


def combination_keys(event: Event) -> list[str]:
    """The combinations an event is made of, as stable strings.

    A (player, action) pair, e.g. "Tremblay | made:three" (a made three with or without
    the clock), and a (template, team) pair, e.g. "timeout | Knicks".
    """
    keys = []
    if event.player is not None:
        action = event.template.removesuffix("_clock")
        detail = event.shot or event.rebound
        keys.append(
            f"{event.player} | {action}:{detail}" if detail else f"{event.player} | {action}"
        )
    if event.team is not None:
        keys.append(f"{event.template} | {event.team}")
    return keys


@cache  # a few thousand keys, hashed again for every sampled event
def _bucket(key: str) -> str:
    # sha256, not hash(): Python salts str hashes per process, and the split must not move.
    percent = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % 100
    if percent < DEV_PERCENT:
        return "dev"
    if percent < DEV_PERCENT + TEST_PERCENT:
        return "test"
    return "train"


def split_of(event: Event) -> str:
    """The split an event belongs to: a pure function of its combinations.

    An event is held out if any of its combinations is (test wins over dev). Since the
    English sentence determines the combinations, no sentence can land in two splits.
    Events without combinations (quarter starts, ties) are always train.
    """
    buckets = {_bucket(key) for key in combination_keys(event)}
    for split in ("test", "dev"):
        if split in buckets:
            return split
    return "train"


def check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")

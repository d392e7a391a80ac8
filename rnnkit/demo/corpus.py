"""The parallel corpus: random commentary events rendered in English and every language.

* `generate_corpus`: parallel `(lang, english, translation)` examples from one split.
* `write_tsv`: examples as a `lang<TAB>source<TAB>target` file.

`random.Random` from a string seed makes every output reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from random import Random

from rnnkit.demo.grammar import (
    FIELD_GOALS,
    OPPONENTS,
    QUARTER_SECONDS,
    RAPTORS,
    REBOUNDS,
    ROSTERS,
    SHOTS,
    TEMPLATES,
    Event,
)
from rnnkit.demo.languages import LANGUAGES, english, render
from rnnkit.demo.slots import slotted
from rnnkit.demo.splits import check_split, split_of

# How often each template is drawn for the corpus: play-by-play is mostly shots. The rare
# lines still come often enough that each language sees every quarter's start and end a
# few dozen times in the demo's 1,000 sentences.
_CORPUS_WEIGHTS = {
    "made": 4.0,
    "made_clock": 1.5,
    "missed": 3.0,
    "assist": 2.5,
    "block": 1.0,
    "rebound": 2.5,
    "steal": 1.0,
    "turnover": 1.0,
    "foul_personal": 1.0,
    "foul_shooting": 1.0,
    "substitution": 1.0,
    "timeout": 0.7,
    "lead": 1.0,
    "lead_opponent": 1.0,
    "lead_clock": 1.0,
    "tied": 0.6,
    "tied_clock": 0.6,
    "quarter_start": 0.8,
    "quarter_end": 0.8,
    "win": 0.6,
}


def random_event(rng: Random, template: str) -> Event:
    """An event of `template` with random but plausible slots, from a Raptors game.

    Only the slots the template uses are drawn: held-out splits reject most draws, so
    this is the corpus's hot loop.
    """
    slots = TEMPLATES[template]
    team, other_team = rng.sample((RAPTORS, rng.choice(OPPONENTS)), 2)
    values: dict = {"team": team, "opponent": other_team}
    if "player" in slots:
        values["player"] = rng.choice(ROSTERS[team])
    if "other" in slots:
        # Assists and substitutions pair teammates; steals, blocks and fouls pair rivals.
        if template in ("assist", "substitution"):
            values["other"] = rng.choice([p for p in ROSTERS[team] if p != values["player"]])
        else:
            values["other"] = rng.choice(ROSTERS[other_team])
    if "shot" in slots:
        values["shot"] = rng.choice(FIELD_GOALS if template in ("assist", "block") else SHOTS)
    if "rebound" in slots:
        values["rebound"] = rng.choice(REBOUNDS)
    if "a" in slots:
        if template == "win":
            values["b"] = rng.randint(80, 125)
            values["a"] = values["b"] + rng.randint(1, 25)
        elif template in ("tied", "tied_clock"):
            values["a"] = rng.randint(1, 120)
        else:
            values["b"] = rng.randint(0, 115)
            values["a"] = values["b"] + rng.randint(1, 20)
    if "quarter" in slots:
        values["quarter"] = rng.randint(1, 4)
    if "clock" in slots:
        values["clock"] = rng.randint(1, QUARTER_SECONDS - 1)
    return Event(template, **{slot: values[slot] for slot in slots})


def generate_corpus(
    n: int,
    split: str = "train",
    languages: Iterable[str] | None = None,
    seed: int = 0,
    slots: bool = False,
) -> list[tuple[str, str, str]]:
    """`n` parallel examples `(lang, english, translation)` from `split`.

    Each drawn English sentence is given in every language of `languages` (default: all
    of LANGUAGES) in turn, so a multilingual model sees one source with each target;
    the list is cut at exactly `n`. With `slots`, players, teams, scores and clock times
    are slot tokens on both sides (rnnkit/demo/slots.py): the translator's training text.
    Deterministic for a given (n, split, languages, seed, slots).
    """
    check_split(split)
    languages = list(LANGUAGES) if languages is None else list(languages)
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"unknown languages {unknown}; expected some of {list(LANGUAGES)}")
    # A string seed goes through sha512 in Random, so it is stable across runs; the split
    # is part of it so dev and test do not replay train's random stream.
    rng = Random(f"commentary:{seed}:{split}")
    templates = list(_CORPUS_WEIGHTS)
    weights = list(_CORPUS_WEIGHTS.values())
    examples: list[tuple[str, str, str]] = []
    while len(examples) < n:
        event = random_event(rng, rng.choices(templates, weights)[0])
        if split_of(event) != split:
            continue  # rejection sampling: held-out splits keep about one draw in ten
        if slots:
            source = slotted(event, "en")
            for lang in languages[: n - len(examples)]:
                examples.append((lang, source, slotted(event, lang)))
            continue
        source = english(event)
        for lang in languages[: n - len(examples)]:
            examples.append((lang, source, render(event, lang)))
    return examples


def write_tsv(path: str | Path, examples: Iterable[tuple[str, str, str]]) -> None:
    """Write `lang<TAB>source<TAB>target` lines, UTF-8, each ending in a newline."""
    lines = []
    for number, row in enumerate(examples, start=1):
        if len(row) != 3 or any("\t" in field or "\n" in field for field in row):
            raise ValueError(f"example {number} is not 3 fields without tabs or newlines: {row!r}")
        lines.append("\t".join(row) + "\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)

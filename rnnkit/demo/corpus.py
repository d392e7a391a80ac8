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
from rnnkit.demo.languages import LANGUAGES, english, phrasings, render
from rnnkit.demo.league import ARENA
from rnnkit.demo.slots import slotted
from rnnkit.demo.splits import check_split, split_of

# How often each template is drawn for the corpus: play-by-play is mostly shots. The rare
# lines still come often enough that each language sees every quarter's start and end a
# few dozen times in the demo's 1,000 sentences. The broadcast's other events (the grammar's
# second round) come at a weight each of their own below.
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
_OTHER_EVENT_WEIGHT = 0.6
# Templates whose two players are teammates (the others pair rivals).
_TEAMMATES = {"assist", "substitution", "alley_oop"}
# Templates whose team is the player's own (else the team that gets the ball: the rival).
_OWN_TEAM = {"player_scores_for", "lead_change", "checks_in"}


def _numbers(rng: Random, template: str) -> dict:
    """Plausible values of a template's numbers: a and b (a score, a stat line, a margin,
    feet, a percentage) and nth (an ordinal)."""
    if template in ("win", "final"):
        b = rng.randint(80, 125)
        return {"a": b + rng.randint(1, 25), "b": b}
    if template in ("tied", "tied_clock"):
        return {"a": rng.randint(1, 120)}
    if template in ("shooting", "shooting_three", "shooting_line"):
        b = rng.randint(1, 25)
        return {"a": rng.randint(0, b), "b": b}
    if template == "run":
        a = rng.randint(6, 20)
        return {"a": a, "b": rng.randint(0, a // 3)}
    if template in ("points_rebounds", "points_assists"):
        return {"a": rng.randint(0, 50), "b": rng.randint(0, 20)}
    if template == "score_line":
        return {"a": rng.randint(0, 130), "b": rng.randint(0, 130)}
    if template == "triple_double":
        return {"a": rng.randint(10, 45), "b": rng.randint(10, 20), "c": rng.randint(10, 18)}
    if template == "points_shooting":
        made = rng.randint(2, 18)
        return {"a": 2 * made + rng.randint(0, 10), "b": made, "c": made + rng.randint(0, 12)}
    if template in ("lead_score", "trail_score"):
        b = rng.randint(0, 115)
        a = b + rng.randint(1, 25)
        return {"a": a, "b": b, "c": a - b}
    if template == "run_score":
        a = rng.randint(6, 16)
        return {"a": a, "b": rng.randint(0, a // 3), "c": rng.randint(1, 20)}
    ranges = {
        "points": (0, 60),
        "career_high": (20, 70),
        "record": (30, 81),
        "straight_points": (4, 20),
        "unanswered": (4, 20),
        "lead_by": (1, 30),
        "trail_by": (1, 30),
        "cut_lead": (1, 20),
        "pull_up": (8, 25),
        "deep_three": (24, 40),
        "team_percentage": (25, 70),
        "lead_changes": (2, 30),
        "foul_count": (1, 5),
    }
    if template in ranges:
        value = rng.randint(*ranges[template])
        return {"nth": value} if template in ("lead_changes", "foul_count") else {"a": value}
    b = rng.randint(0, 115)  # a lead: a to b, a > b
    return {"a": b + rng.randint(1, 20), "b": b}


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
        if template not in _OWN_TEAM:  # the team in the line is the one that gets the ball
            values["team"] = other_team
    if "other" in slots:
        if template in _TEAMMATES:
            values["other"] = rng.choice([p for p in ROSTERS[team] if p != values["player"]])
        else:
            values["other"] = rng.choice(ROSTERS[other_team])
    if "shot" in slots:
        values["shot"] = rng.choice(FIELD_GOALS if template in ("assist", "block") else SHOTS)
    if "rebound" in slots:
        values["rebound"] = rng.choice(REBOUNDS)
    if {"a", "nth"} & set(slots):
        values.update(_numbers(rng, template))
    if "arena" in slots:
        values["arena"] = ARENA
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
    shared: bool = True,
) -> list[tuple[str, str, str]]:
    """`n` parallel examples `(lang, english, translation)` from `split`.

    Each drawn English sentence is given in every language of `languages` (default: all
    of LANGUAGES) in turn, so a multilingual model sees one source with each target;
    the list is cut at exactly `n`. With `slots`, players, teams, scores and clock times
    are slot tokens on both sides (rnnkit/demo/slots.py): the translator's training text.
    Without `shared`, each example is an event and a phrasing of its own, in the languages
    in turn: 24 times the English sentences for the same size, so that every phrasing of
    the 78 templates comes up in a training set. Deterministic for a given (n, split,
    languages, seed, slots, shared).
    """
    check_split(split)
    languages = list(LANGUAGES) if languages is None else list(languages)
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"unknown languages {unknown}; expected some of {list(LANGUAGES)}")
    # A string seed goes through sha512 in Random, so it is stable across runs; the split
    # is part of it so dev and test do not replay train's random stream.
    rng = Random(f"commentary:{seed}:{split}")
    templates = list(TEMPLATES)
    weights = [_CORPUS_WEIGHTS.get(name, _OTHER_EVENT_WEIGHT) for name in templates]
    examples: list[tuple[str, str, str]] = []
    while len(examples) < n:
        event = random_event(rng, rng.choices(templates, weights)[0])
        if split_of(event) != split:
            continue  # rejection sampling: held-out splits keep about one draw in ten
        phrasing = rng.choice(phrasings(event.template))  # how the commentator says it
        chosen = languages[: n - len(examples)]
        if not shared:
            chosen = [languages[len(examples) % len(languages)]]
        if slots:
            source = slotted(event, "en", phrasing)
            examples += [(lang, source, slotted(event, lang, phrasing)) for lang in chosen]
        else:
            source = english(event, phrasing)
            examples += [(lang, source, render(event, lang)) for lang in chosen]
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

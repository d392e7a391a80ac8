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
    SETTINGS,
    SHOTS,
    TEMPLATES,
    Event,
)
from rnnkit.demo.languages import LANGUAGES, english, phrasings, render
from rnnkit.demo.league import ARENA
from rnnkit.demo.slot_policy import event_slots, slotted
from rnnkit.demo.splits import check_split, split_of
from rnnkit.demo.synonyms import vary
from rnnkit.translator.decoding.slots import OPEN

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


# The events each setting (grammar.SETTINGS: where and when) is said with. A score or a stat
# line can be at any time and place; a play has a clock and a quarter but no "after the
# first quarter"; an event that names its own clock, quarter or arena, or frames the game
# (a quarter's start, the final score), takes no other clock or quarter.
_SCORES = frozenset(
    "lead lead_opponent tied score_line lead_by trail_by lead_score trail_score cut_lead run "
    "run_score unanswered lead_change".split()
)
_STATS = frozenset(
    "points points_rebounds points_assists shooting shooting_three shooting_line "
    "team_percentage team_three_percentage rebounds assists blocks steals threes "
    "triple_double points_shooting straight_points career_high record".split()
)
_OWN_TIME = frozenset(
    "made_clock lead_clock tied_clock timeout_clock quarter_start quarter_end halftime final "
    "win overtime arena_lead arena_welcome lead_changes".split()
)
SETTING_HOSTS: dict[str, frozenset[str]] = {
    "clock_left": frozenset(TEMPLATES) - _OWN_TIME,
    "clock_left_quarter": frozenset(TEMPLATES) - _OWN_TIME,
    "in_quarter": frozenset(TEMPLATES) - _OWN_TIME,
    "after_quarter": _SCORES | _STATS,
    "at_halftime": _SCORES | _STATS,
    "at_arena": _SCORES | _STATS | {"final", "win", "halftime"},
}
assert set(SETTING_HOSTS) == set(SETTINGS)
assert all(hosts <= set(TEMPLATES) for hosts in SETTING_HOSTS.values())


# How a commentator runs two events into one line ("Booker hits the turnaround; the Suns go
# up 3"), and the comma each language joins the two sentences with.
_EN_JOINERS = (", ", "; ", " — ", ", and ", " and ")
_COMMAS = {"zh": "，", "yue": "，", "ar": "، ", "fa": "، ", "ur": "، "}
_UNSPACED = ("zh", "yue")
# How each language ends a sentence ("." elsewhere) and an exclamation ("!" elsewhere;
# Spanish opens one with "¡" as well).
_FULL_STOPS = {"zh": "。", "yue": "。", "hi": "।", "bn": "।", "pa": "।", "ur": "۔"}
_EXCLAMATIONS = {"zh": "！", "yue": "！", "fr": " !"}


def join_clauses(
    lang: str, first: str, second: str, joiner: str | None = None, name_first: bool = False
) -> str:
    """Two sentences of `lang` as one line: `second` after `joiner` (default: the
    language's comma), its first letter in lower case (not a slot's or a name's,
    `name_first`; not an acronym's or "I"'s); after a sentence that ends in "!" or "?"
    the second stays a sentence of its own."""
    if first[-1:] in ("!", "?", "！", "？"):
        return first + ("" if lang in _UNSPACED else " ") + second
    joiner = _COMMAS.get(lang, ", ") if joiner is None else joiner
    word = second.split(" ", 1)[0]
    if name_first or (len(word) > 1 and word.isupper()) or word.startswith("I'") or word == "I":
        return first + joiner + second
    if second[:1].isupper():
        head = {"I": "ı", "İ": "i"}.get(second[0], second[0].lower()) if lang == "tr" else None
        second = (head or second[0].lower()) + second[1:]
    return first + joiner + second


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
        "rebounds": (0, 20),
        "assists": (0, 18),
        "blocks": (0, 8),
        "steals": (0, 7),
        "threes": (0, 12),
        "team_three_percentage": (15, 65),
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
    compound: float = 0.0,
    noise: float = 0.0,
    synonyms: float = 0.0,
    stops: float = 0.0,
    settings: float = 0.0,
) -> list[tuple[str, str, str]]:
    """`n` parallel examples `(lang, english, translation)` from `split`.

    Each drawn English sentence is given in every language of `languages` (default: all
    of LANGUAGES) in turn, so a multilingual model sees one source with each target;
    the list is cut at exactly `n`. With `slots`, players, teams, scores and clock times
    are slot tokens on both sides (rnnkit/demo/slot_policy.py): the translator's training text.
    Without `shared`, each example is an event and a phrasing of its own, in the languages
    in turn: 24 times the English sentences for the same size, so that every phrasing of
    the templates comes up in a training set. `compound`: the share of examples that run
    two events into one line (`join_clauses`), as commentators do, their slots numbered on
    through both. `noise`: the share of English lines with one word (never a slot) dropped
    or replaced by a made-up one (`noisy`), so the model learns to translate around a word
    it does not know, as a real commentator's slang is to it. `synonyms`: the share of each
    English line's phrases that the synonym lexicon (rnnkit/demo/synonyms.py) says in other
    words of the same meaning. `stops`: the share of English lines that end in a full stop,
    as written commentary does; with any `stops`, a line that ends in a full stop or an
    exclamation mark ends in the same mark of each language in every translation
    (`end_sentence`). `settings`: the share of one-event lines said with where or when
    (`with_setting`: "Raptors by 5 with 2:14 to go"), each language opening its sentence
    with it. Deterministic for a given (n, split, languages, seed, slots, shared, compound,
    noise, synonyms, stops, settings); noise, synonyms, stops and settings draw from random
    streams of their own, so the events are the same with them or without.
    """
    shares = (
        ("compound", compound),
        ("noise", noise),
        ("synonyms", synonyms),
        ("stops", stops),
        ("settings", settings),
    )
    for name, share in shares:
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"{name} must be a share between 0 and 1, got {share}")
    check_split(split)
    languages = list(LANGUAGES) if languages is None else list(languages)
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"unknown languages {unknown}; expected some of {list(LANGUAGES)}")
    # A string seed goes through sha512 in Random, so it is stable across runs; the split
    # is part of it so dev and test do not replay train's random stream.
    rng = Random(f"commentary:{seed}:{split}")
    noise_rng = Random(f"noise:{seed}:{split}")  # their own: the same events with or without
    synonym_rng = Random(f"synonyms:{seed}:{split}")
    stop_rng = Random(f"stops:{seed}:{split}")
    setting_rng = Random(f"settings:{seed}:{split}")
    templates = list(TEMPLATES)
    weights = [_CORPUS_WEIGHTS.get(name, _OTHER_EVENT_WEIGHT) for name in templates]
    examples: list[tuple[str, str, str]] = []

    def draw():
        """An event of `split` and the English phrasing the commentator says it in."""
        while True:
            event = random_event(rng, rng.choices(templates, weights)[0])
            if split_of(event) == split:  # held-out splits keep about one draw in ten
                return event, rng.choice(phrasings(event.template))

    while len(examples) < n:
        clauses = [draw()]
        joiner = None
        if compound and rng.random() < compound:
            clauses.append(draw())
            joiner = rng.choice(_EN_JOINERS)
        setting = None
        if settings and len(clauses) == 1 and setting_rng.random() < settings:
            setting = draw_setting(setting_rng, *clauses[0])
        chosen = languages[: n - len(examples)]
        if not shared:
            chosen = [languages[len(examples) % len(languages)]]
        source = _line(clauses, "en", slots, joiner, setting)
        if synonyms:
            source = vary(synonym_rng, source, synonyms)
        if noise and noise_rng.random() < noise:
            source = noisy(noise_rng, source)
        mark = None
        if stops:
            if source[-1] not in ".!?" and stop_rng.random() < stops:
                source += "."
            mark = source[-1] if source[-1] in ".!" else None
        examples += [
            (lang, source, end_sentence(lang, _line(clauses, lang, slots, setting=setting), mark))
            for lang in chosen
        ]
    return examples


def end_sentence(lang: str, text: str, mark: str | None) -> str:
    """`text` of `lang` ended as the English line ends: mark "." gives the language's full
    stop, "!" its exclamation; None, or a text that already ends in a mark, stays as it
    is."""
    if mark is None or text[-1:] in ".!?。！？।۔":
        return text
    if mark == ".":
        return text + _FULL_STOPS.get(lang, ".")
    if lang == "es":
        text = "¡" + text
    return text + _EXCLAMATIONS.get(lang, "!")


_LETTERS = "abcdefghiklmnoprstuwy"


def noisy(rng: Random, line: str) -> str:
    """`line` with one of its words (not a slot, a name or a number: those are facts) dropped
    or, as often, replaced by a made-up lower-case word of 3 to 9 letters; a line of one
    word is returned as it is."""
    words = line.split(" ")
    plain = [i for i, w in enumerate(words) if w[:1].islower() and OPEN not in w]
    if len(words) < 2 or not plain:
        return line
    i = rng.choice(plain)
    if rng.random() < 0.5:
        del words[i]
    else:
        tail = "".join(c for c in words[i][-1:] if not c.isalnum())  # keep "," "!" "."
        made_up = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 9)))
        words[i] = made_up + tail
    return " ".join(words)


def draw_setting(rng: Random, event: Event, phrasing: str):
    """A setting for `event` (said in `phrasing`) and how English places it: (the setting's
    Event, its English phrasing, "before", "after" or "heading", the separator after the
    event); None if no setting fits the event."""
    fitting = [name for name, hosts in SETTING_HOSTS.items() if event.template in hosts]
    if not fitting:
        return None
    name = rng.choice(fitting)
    values = {
        "clock": rng.randint(1, QUARTER_SECONDS - 1),
        "quarter": rng.randint(1, 4),
        "arena": ARENA,
    }
    setting = Event(name, **{field: values[field] for field in SETTINGS[name]})
    places = ["before", "after"] + (["heading"] if ": " in phrasing else [])
    return setting, rng.choice(phrasings(name)), rng.choice(places), rng.choice((" ", ", "))


def with_setting(lang, line, text, place, separator, name_first):
    """`line` of `lang` said with the setting's phrase `text` (capitalised, as it opens a
    sentence): every language but English opens the sentence with it, after which `line`
    goes on in lower case (not a name, `name_first`); English puts it `place`: "before"
    likewise, "after" the line in lower case behind `separator`, or in the "heading"
    before the line's first colon ("Final from Scotiabank Arena: ...")."""
    if lang != "en" or place == "before" or line[-1:] in ("!", "?"):
        return join_clauses(lang, text, line, None if lang != "en" else ", ", name_first)
    lower = text[:1].lower() + text[1:]
    if place == "heading":
        return line.replace(": ", f" {lower}: ", 1)
    return line + separator + lower


def _line(clauses, lang, slots, joiner=None, setting=None):
    """One line of `lang` ("en": in the drawn phrasings) saying the (event, phrasing)
    `clauses` in turn, with slots or as commentary reads; with `setting` (draw_setting's),
    said where or when."""
    counts: dict = {}  # slots of each kind in the clauses before
    texts, name_first = [], []  # each clause, and whether it opens with a name or number
    for event, phrasing in clauses:
        with_slots = slotted(event, lang, phrasing, counts)
        event_slots(event, phrasing, counts)
        name_first.append(with_slots.startswith(OPEN))
        if slots:
            texts.append(with_slots)
        else:
            texts.append(english(event, phrasing) if lang == "en" else render(event, lang))
    line = texts[0]
    for text, name in zip(texts[1:], name_first[1:]):
        line = join_clauses(lang, line, text, joiner if lang == "en" else None, name)
    if setting is not None:
        event, phrasing, place, separator = setting
        if slots:
            text = slotted(event, lang, phrasing, counts)
        else:
            text = english(event, phrasing) if lang == "en" else render(event, lang)
        line = with_setting(lang, line, text, place, separator, name_first[0])
    return line


def write_tsv(path: str | Path, examples: Iterable[tuple[str, str, str]]) -> None:
    """Write `lang<TAB>source<TAB>target` lines, UTF-8, each ending in a newline."""
    lines = []
    for number, row in enumerate(examples, start=1):
        if len(row) != 3 or any("\t" in field or "\n" in field for field in row):
            raise ValueError(f"example {number} is not 3 fields without tabs or newlines: {row!r}")
        lines.append("\t".join(row) + "\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)

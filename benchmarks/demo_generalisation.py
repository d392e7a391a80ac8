"""How well the demo's recipe carries over to phrasings it never saw: the development set for
choosing the demo's training options without looking at the real-games yardstick.

A quarter of each event's English phrasings (by a stable hash of the phrasing; never the
canonical sentence) is held out of training. Each configuration trains as `rnnkit demo` does
(the same data sizes, compound share, time budget and threads) on the rest, and is scored,
as the live path translates (names and numbers as slots, written back by each language's
table, beam 3), on held-out events of three kinds: said in a phrasing it trained on
("seen"), in a held-out one ("unseen"), and in a phrasing it trained on with where or when
(grammar.SETTINGS: "..., with 2:14 to go"; "settings"). Macro chrF over the 24 languages,
and French and Spanish.

    python benchmarks/demo_generalisation.py                       # 4 configurations, ~20 min
    python benchmarks/demo_generalisation.py --configs base,dropout=0.2 --out /tmp/gen
    python benchmarks/demo_generalisation.py --configs noise=0+synonyms=0,noise=0.3 --out D

A configuration sets TrainConfig's fields and the training data's options (generate_corpus;
the demo's values by default): `noise`, `synonyms`, `stops`, `settings`, and `lines`, the
training lines per language. The synonym lexicon was written from every phrasing, so here it
is used without the alternatives whose words only held-out phrasings
have (`only_kept_words`), which would otherwise teach them.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import time
from pathlib import Path

from rnnkit.core import parallel
from rnnkit.demo import commentary, synonyms
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.demo.languages import LANGUAGES, TABLES, phrasings
from rnnkit.demo.run import COMPOUND, DEMO_TRAIN, NOISE, SETTINGS_SHARE, SIZES, STOPS, SYNONYMS
from rnnkit.demo.slot_policy import DemoSlots
from rnnkit.translator.decoding.evaluation import evaluate_corpus
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.formats.data import read_corpus
from rnnkit.translator.training.config import TrainConfig
from rnnkit.translator.training.loop import train

CONFIGS = "base,dropout=0.2,label_smoothing=0.1,embed=96+hidden=192"
# Options of the training data rather than the model, with the demo's values.
DATA = {
    "noise": NOISE,
    "synonyms": SYNONYMS,
    "stops": STOPS,
    "settings": SETTINGS_SHARE,
    "lines": SIZES["train"],
}
HELD_OUT = 4  # one phrasing in HELD_OUT, by hash
TESTS = ("seen", "unseen", "settings")


def held_out(phrasing):
    return int(hashlib.sha1(phrasing.encode()).hexdigest(), 16) % HELD_OUT == 0


@contextlib.contextmanager
def only_phrasings(unseen):
    """generate_corpus draws from the kept phrasings (unseen=False) or the held-out ones
    (where an event has none, its kept ones)."""

    def chosen(template):
        every = phrasings(template)
        kept = [every[0]] + [p for p in every[1:] if not held_out(p)]
        out = [p for p in every[1:] if held_out(p)]
        return tuple(out or kept) if unseen else tuple(kept)

    original = commentary.phrasings
    commentary.phrasings = chosen
    try:
        yield
    finally:
        commentary.phrasings = original


@contextlib.contextmanager
def only_kept_words():
    """The synonym lexicon without the alternatives that use a word only held-out phrasings
    have: it was written from every phrasing, and would otherwise teach their words."""

    def words(text):
        return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}

    table, kept, every = TABLES["en"], set(), set()
    for template in table.templates:
        texts = phrasings(template)
        every |= set().union(*map(words, texts))
        kept |= set().union(*(words(p) for p in texts[1:] if not held_out(p)), words(texts[0]))
    kept |= set().union(*map(words, [*table.quarters, *table.rebounds.values()]))
    kept |= {w for forms in table.shots.values() for form in forms.values() for w in words(form)}
    unseen_only = every - kept
    original = synonyms.SYNONYMS
    synonyms.SYNONYMS = tuple(
        (pattern, tuple(a for a in alternatives if not words(a) & unseen_only))
        for pattern, alternatives in original
    )
    try:
        yield
    finally:
        synonyms.SYNONYMS = original


def training_rows(seed=0, **data):
    data = {**DATA, **data}
    lines = data.pop("lines")  # per language
    with only_phrasings(unseen=False), only_kept_words():
        return generate_corpus(
            lines * len(LANGUAGES),
            "train",
            seed=seed,
            slots=True,
            shared=False,
            compound=COMPOUND,
            **data,
        )


def make_data(folder, seed=0):
    folder.mkdir(parents=True, exist_ok=True)
    n = len(LANGUAGES)
    train_rows = training_rows(seed)
    with only_phrasings(unseen=False):
        dev_rows = generate_corpus(SIZES["dev"] * n, "dev", seed=seed, slots=True)
        seen_rows = generate_corpus(SIZES["test"] * n, "test", seed=seed)
        settings_rows = generate_corpus(SIZES["test"] * n, "test", seed=seed + 2, settings=1.0)
    with only_phrasings(unseen=True):
        unseen_rows = generate_corpus(SIZES["test"] * n, "test", seed=seed + 1)
    paths = {}
    for name, rows in (
        ("train", train_rows),
        ("dev", dev_rows),
        ("seen", seen_rows),
        ("unseen", unseen_rows),
        ("settings", settings_rows),
    ):
        paths[name] = folder / f"{name}.tsv"
        write_tsv(paths[name], rows)
    return paths


def parse(config):
    """'base' -> {}; 'dropout=0.2+hidden=192' -> {'dropout': 0.2, 'hidden': 192}."""
    if config == "base":
        return {}
    overrides = {}
    for part in config.split("+"):
        key, _, value = part.partition("=")
        default = DATA[key] if key in DATA else getattr(DEMO_TRAIN, key)
        overrides[key] = type(default)(value)
    return overrides


def run(config, paths, out, budget):
    overrides = parse(config)
    data = {key: overrides.pop(key) for key in DATA if key in overrides}
    model_dir = out / config.replace("=", "-").replace("+", "_")
    train_path = paths["train"]
    if data:  # a training set of its own; the development and test sets are the same
        train_path = out / "data" / f"train-{model_dir.name}.tsv"
        write_tsv(train_path, training_rows(**data))
    settings = {**DEMO_TRAIN.__dict__, "data": str(train_path), "valid": str(paths["dev"])}
    settings.update(overrides, time_budget=budget)
    summary = train(TrainConfig(**settings), model_dir, show_progress=False)
    translator = Translator.load(model_dir, slots=DemoSlots())
    row = {"config": config, "steps": summary["steps"]}
    for name in TESTS:
        scores = evaluate_corpus(translator, read_corpus(paths[name]), beam=3, replace_unk=True)
        per = scores["per_language"]
        row[name] = {
            "macro": scores["chrf"],
            "fr": per["fr"]["chrf"],
            "es": per["es"]["chrf"],
            "lowest": min(v["chrf"] for v in per.values()),
        }
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default=CONFIGS, help="comma list; base or key=value+...")
    parser.add_argument("--out", default="demo-generalisation")
    parser.add_argument("--budget", type=float, default=DEMO_TRAIN.time_budget)
    args = parser.parse_args()
    parallel.set_num_threads(parallel.available_cores())  # as `rnnkit demo` trains
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SystemExit(f"--out {out}: exists and is not an empty folder; name a new one")
    paths = make_data(out / "data")
    rows = []
    for config in args.configs.split(","):
        started = time.monotonic()
        rows.append(run(config, paths, out, args.budget))
        print(json.dumps(rows[-1]), f"({time.monotonic() - started:.0f} s)", flush=True)
    columns = " | ".join(f"{name} macro / fr / es / lowest" for name in TESTS)
    print(f"\n| config | steps | {columns} |")
    print("| --- | ---: |" + " ---: |" * len(TESTS))
    for r in rows:
        cells = " | ".join(
            " / ".join(f"{r[name][key]:.1f}" for key in ("macro", "fr", "es", "lowest"))
            for name in TESTS
        )
        print(f"| {r['config']} | {r['steps']} | {cells} |")


if __name__ == "__main__":
    main()

"""The case study, live: generate Raptors play-by-play commentary with its translations,
train one multilingual model on it, score it, then play a short game whose commentary
lines are translated into every demo language as they arrive.

Everything lands in one directory (default ./rnnkit-demo):
    data/{train,dev,test}.tsv   the generated parallel corpus (lang, English, translation)
    model/                      the model directory (config, checkpoints, log, plots/)
    results.json                test BLEU/chrF per language and the live game's latencies
"""

import dataclasses
import math
import time

from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.demo.game import play_by_play
from rnnkit.demo.languages import LANGUAGES, english
from rnnkit.demo.slot_policy import DemoSlots
from rnnkit.errors import ConfigError
from rnnkit.files import OwnedDirectory
from rnnkit.translator.decoding.evaluation import evaluate_corpus, format_table
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.decoding.search import check_beam
from rnnkit.translator.formats import checkpoint
from rnnkit.translator.formats.data import read_corpus
from rnnkit.translator.training.config import TrainConfig
from rnnkit.translator.training.loop import train

RESULTS = "results.json"
LIVE_STORE = "live.db"  # `rnnkit demo --serve`'s game record (SQLite, with its WAL files)
ENTRIES = ("data", "model", RESULTS, LIVE_STORE, f"{LIVE_STORE}-wal", f"{LIVE_STORE}-shm")

# Sized to finish within 5 minutes on 2 CPU cores, data generation to live game, for all
# the languages present. Subword pieces (BPE, which keeps this corpus's words whole) with
# every digit a piece of its own: a score or clock time never seen whole is still spelled
# from known pieces, in Western digits or the language's own, and a transliterated name
# ("Трамбле") is a word of the target language like any other, so nothing becomes <unk>
# and nothing has to be copied back from the English in the wrong script.
DEMO_TRAIN = TrainConfig(
    tokenizer="sentencepiece",
    subword_model="bpe",
    vocab_size=8000,
    min_freq=1,
    cell="lstm",
    layers=1,
    embed=64,
    hidden=128,
    bidirectional=True,
    attention="bahdanau",
    input_feeding=True,
    dropout=0.0,
    # Chosen on phrasings held out of training (benchmarks/demo_generalisation.py, never the
    # real-games yardstick): held-out phrasings macro chrF 86.9 against 86.3 without, dropout
    # 0.2 86.8 (and seen phrasings 96.3), both 86.2-86.3, a larger model 82.6 (half the steps).
    label_smoothing=0.1,
    batch_size=32,
    lr=0.005,
    # Halved when dev BLEU stops rising: with the fused decoder the budget allows about 5,400
    # steps, and at a constant 0.005 dev BLEU peaked at step 2,500 and then swung by 5 points.
    lr_decay=0.5,
    lr_patience=1,
    clip=5.0,
    epochs=50,
    time_budget=255,
    valid_every=500,
    save_every=500,
    log_every=20,
    valid_beam=1,
    seed=1,
)
# Examples per language in each split (each English sentence is given in every language):
# 6,000 training lines each, which the budget's ~12,000 steps of 32 go through about 2.7
# times: on held-out phrasings (benchmarks/demo_generalisation.py) macro chrF 91.9 with
# 2,000 (8 times through) against 96.0, at 97.8-98.3 on seen ones either way.
SIZES = {"train": 6000, "dev": 10, "test": 40}
# The share of training lines that run two events into one, as commentators do ("Booker
# hits the turnaround; the Suns go up 3"): a line of a real game is often longer than one
# event of the grammar, with more names and numbers than one event has (a fourth number,
# a third player), and the model meets both in training.
COMPOUND = 0.3
# Real commentary says a fact in words the grammar never uses ("skies for the board"). The
# share of English training lines with one plain word dropped or made up (the model learns
# to translate around a word it does not know), and of each line's phrases said with the
# synonym lexicon's other words (rnnkit/demo/synonyms.py). Chosen on held-out phrasings
# (benchmarks/demo_generalisation.py, the lexicon less the words only held-out phrasings
# use): macro chrF 86.8-86.9 without either, 87.4-90.5 with noise 0.3, 88.6-89.7 with
# synonyms 0.6 as well; on the real-games yardstick the two together kept more numbers and
# withheld fewer lines at the same chrF (benchmarks/README.md).
NOISE = 0.3
SYNONYMS = 0.6
# Written commentary ends its sentences ("Siakam makes a layup."), the grammar's phrasings
# do not: half the lines of every split end in a full stop, and each translation then ends
# in its language's own (。, ।, ۔), as one ending in "!" ends in the language's "!".
STOPS = 0.5
# Commentators say where and when ("Raptors by 5 with 2:14 to go", "After the first quarter,
# ...", "Final from Scotiabank Arena: ..."): the share of one-event training lines said with
# a setting (grammar.SETTINGS), which each language writes at the start of its sentence.
SETTINGS_SHARE = 0.15


def output_directory(out):
    """The demo's --out: a directory the demo wrote before is replaced (only its own entries),
    any other non-empty one refused untouched (rnnkit.files.OwnedDirectory)."""
    return OwnedDirectory(out, "demo", ENTRIES)


def check_options(time_budget, events, beam):
    """Refuse bad options before anything is generated, trained or written."""
    if time_budget is not None and not (math.isfinite(time_budget) and time_budget > 0):
        raise ConfigError(f"--time-budget must be a positive number of seconds, got {time_budget}")
    if events < 1:
        raise ConfigError(f"--events must be at least 1 (lines of the live game), got {events}")
    check_beam(beam)


def generate_data(out, seed):
    """train.tsv and dev.tsv with names and numbers as slots (the model's own text),
    test.tsv as commentary reads, for scoring the whole path: slots in, slots written out."""
    data = out / "data"  # `out` is the demo's own directory, just emptied of its old entries
    data.mkdir()
    paths = {}
    for split, per_language in SIZES.items():
        paths[split] = data / f"{split}.tsv"
        count = per_language * len(LANGUAGES)
        training = split == "train"  # an event of its own per example: every phrasing
        examples = generate_corpus(
            count,
            split=split,
            seed=seed,
            slots=split != "test",
            shared=not training,
            compound=COMPOUND if training else 0.0,
            noise=NOISE if training else 0.0,
            synonyms=SYNONYMS if training else 0.0,
            stops=STOPS,
            settings=SETTINGS_SHARE if training else 0.0,
        )
        write_tsv(paths[split], examples)
    return paths


def live_game(translator, languages, seed, events, beam, echo=print):
    """Play a game: each English line, then its translations, one batched pass per line.

    Returns the per-line latencies in milliseconds.
    """
    latencies = []
    for event in play_by_play(seed=seed, n_events=events, split="test"):
        echo(f"\n  EN  {english(event)}")
        start = time.perf_counter()
        found = translator.translate(
            [english(event)] * len(languages), languages, beam=beam, replace_unk=True
        )
        latencies.append((time.perf_counter() - start) * 1000)
        for lang, hyps in zip(languages, found):
            echo(f"  {lang.upper():<3} {hyps[0].text}")
    return latencies


def run_demo(out="rnnkit-demo", seed=0, time_budget=None, events=8, beam=3, show_progress=True):
    """The whole demo; returns the results dict written to results.json."""
    started = time.monotonic()
    check_options(time_budget, events, beam)
    directory = output_directory(out)
    directory.prepare()
    out = directory.path
    print(
        f"Generating play-by-play commentary in English and {len(LANGUAGES)} "
        f"languages ({', '.join(LANGUAGES)}) into {out / 'data'} ..."
    )
    paths = generate_data(out, seed)
    config = dataclasses.replace(
        DEMO_TRAIN,
        data=str(paths["train"]),
        valid=str(paths["dev"]),
        time_budget=DEMO_TRAIN.time_budget if time_budget is None else time_budget,
    )
    model_dir = out / "model"
    print(
        f"Training one multilingual {config.cell.upper()} encoder-decoder with "
        f"{config.attention} attention (time budget {config.time_budget:g} s) ..."
    )
    summary = train(config, model_dir, show_progress=show_progress)
    print(f"  {summary['steps']} steps, stopped by: {summary['stop_reason']}")

    translator = Translator.load(model_dir, slots=DemoSlots())
    test = read_corpus(paths["test"])
    scores = evaluate_corpus(translator, test, beam=beam, replace_unk=True)
    scores.pop("hypotheses")
    print(f"\nTest set ({len(test)} lines, beam {beam}): sacrebleu per language\n")
    print(format_table(scores))

    print("\nLive: the Raptors game, line by line")
    latencies = live_game(translator, translator.languages, seed, events, beam)
    mean_ms = sum(latencies) / len(latencies)
    print(
        f"\nEach line into {len(translator.languages)} languages took {mean_ms:.0f} ms on "
        f"average (max {max(latencies):.0f} ms)."
    )
    plots = sorted(str(p) for p in (model_dir / "plots").glob("*.png"))
    results = {
        "test": scores,
        "training": summary,
        "live_latency_ms": [round(x, 1) for x in latencies],
        "plots": plots,
        "seconds": round(time.monotonic() - started, 1),
    }
    checkpoint.save_json(directory.file(RESULTS), results)
    print(
        f"Plots: {', '.join(plots)}\nDone in {results['seconds']:.0f} s; results in {out / RESULTS}"
    )
    return results

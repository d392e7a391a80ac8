"""Properties over random hostile input: random option values for `rnnkit train`, random
corruptions of a model directory for `translate`, `evaluate` and `train --resume`. Whatever
hypothesis draws: the command exits 0, 1 or 2 (never a traceback), no file outside the model
directory changes, and no file of the user's inside it is deleted or altered."""
# ruff: noqa: F811 (the fixtures imported from test_translator_cli are used as arguments)

import contextlib
import io
import math
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_no_data_loss import snapshot
from test_translator_cli import corpus, trained  # noqa: F401

from rnnkit.cli.main import main

HOSTILE_NUMBERS = st.one_of(
    st.integers(min_value=-3, max_value=40),
    st.sampled_from([0, -1, 10**9, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
)
OPTIONS = {
    "--hidden": HOSTILE_NUMBERS,
    "--embed": HOSTILE_NUMBERS,
    "--layers": st.integers(min_value=-1, max_value=3),
    "--vocab-size": HOSTILE_NUMBERS,
    "--seed": HOSTILE_NUMBERS,
    "--lr": HOSTILE_NUMBERS,
    "--dropout": HOSTILE_NUMBERS,
    "--label-smoothing": HOSTILE_NUMBERS,
    "--clip": HOSTILE_NUMBERS,
    "--time-budget": HOSTILE_NUMBERS,
    "--batch-size": HOSTILE_NUMBERS,
    "--max-len": HOSTILE_NUMBERS,
    "--cell": st.sampled_from(["rnn", "sgru", "gru", "lstm", "transformer", ""]),
    "--attention": st.sampled_from(["bahdanau", "luong", "none", "dot"]),
    "--tokenizer": st.sampled_from(["word", "sentencepiece", "bpe"]),
}
SETTINGS = settings(
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def run(args):
    """Exit code and stderr of one in-process command; an escaping exception fails the test."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(args)
        except SystemExit as exit:  # argparse's own one-line usage error ("invalid int value")
            code = exit.code
    return code, err.getvalue()


def as_text(value):
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # "nan", "inf", "-inf": what a user would type
    return str(value)


def workspace(trained):
    """A scratch folder holding a copy of the model (with a file of the user's inside it) and
    an outside file; returns (root, model dir)."""
    root = Path(tempfile.mkdtemp(prefix="hostile-"))
    model_dir = root / "model"
    shutil.copytree(trained, model_dir)
    (model_dir / "my-notes.txt").write_text("the user's own notes")
    (root / "outside.txt").write_text("must never change")
    return root, model_dir


def assert_nothing_of_the_users_lost(root, model_dir, outside_before):
    assert (model_dir / "my-notes.txt").read_text() == "the user's own notes"
    assert {k: v for k, v in snapshot(root).items() if not k.startswith("model")} == outside_before


@SETTINGS
@given(
    options=st.dictionaries(st.sampled_from(sorted(OPTIONS)), st.none(), max_size=4).flatmap(
        lambda keys: st.fixed_dictionaries({k: OPTIONS[k] for k in keys})
    ),
    mode=st.sampled_from(["--overwrite", "--resume", None]),
)
def test_random_train_options_never_crash_or_lose_files(trained, corpus, options, mode):
    root, model_dir = workspace(trained)
    try:
        outside = {k: v for k, v in snapshot(root).items() if not k.startswith("model")}
        args = ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(model_dir)]
        args += ["--max-steps", "1", "--quiet", "--valid-every", "1000"]
        for flag, value in options.items():
            args += [flag, as_text(value)]
        if mode:
            args.append(mode)
        code, err = run(args)
        assert code in (0, 1, 2), err
        assert "Traceback" not in err
        if code:
            assert len(err.strip().splitlines()) == 1, err
        assert_nothing_of_the_users_lost(root, model_dir, outside)
    finally:
        shutil.rmtree(root)


CORRUPTIONS = st.sampled_from(
    ["truncate", "zero", "flip", "delete", "directory", "json", "empty", "symlink"]
)
TARGETS = st.sampled_from(
    [
        "config.json",
        "vocab.txt",
        "tokenizer/tokenizer.json",
        "best.safetensors",
        "latest.safetensors",
        "train_log.jsonl",
    ]
)


def corrupt(path, how, where):
    """Damage one file of the model directory; `where` in [0, 1) picks the position."""
    data = path.read_bytes() if path.is_file() else b""
    at = int(where * max(len(data) - 1, 0))
    if how == "truncate":
        path.write_bytes(data[:at])
    elif how == "zero":
        path.write_bytes(data[:at] + bytes(min(16, len(data) - at)) + data[at + 16 :])
    elif how == "flip" and data:
        path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
    elif how == "delete":
        path.unlink()
    elif how == "directory":
        path.unlink()
        path.mkdir()
    elif how == "json":
        path.write_text(["[]", "5", '"fr"', '{"model": []}', "null"][at % 5])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "symlink":
        path.unlink()
        os.symlink(path.parent.parent.parent / "outside.txt" if "/" in str(path) else "..", path)


@SETTINGS
@given(
    damage=st.lists(st.tuples(TARGETS, CORRUPTIONS, st.floats(0, 0.999)), min_size=1, max_size=3),
    command=st.sampled_from(["translate", "evaluate", "resume"]),
)
def test_random_corruptions_of_a_model_dir_never_crash_or_lose_files(
    trained, corpus, damage, command
):
    root, model_dir = workspace(trained)
    try:
        for name, how, where in damage:
            if (model_dir / name).is_file() and not (model_dir / name).is_symlink():
                corrupt(model_dir / name, how, where)
        outside = {k: v for k, v in snapshot(root).items() if not k.startswith("model")}
        if command == "translate":
            source = root / "in.txt"
            source.write_text("Mensah makes a dunk\n")
            args = ["translate", "--model-dir", str(model_dir), "--input", str(source)]
            outside = {k: v for k, v in snapshot(root).items() if not k.startswith("model")}
        elif command == "evaluate":
            args = ["evaluate", "--model-dir", str(model_dir), "--data", str(corpus / "dev.tsv")]
        else:
            args = ["train", "--model-dir", str(model_dir), "--resume", "--max-steps", "11"]
            args.append("--quiet")
        code, err = run(args)
        assert code in (0, 1, 2), err
        assert "Traceback" not in err
        if code:
            assert len(err.strip().splitlines()) == 1, err
        assert_nothing_of_the_users_lost(root, model_dir, outside)
    finally:
        shutil.rmtree(root)

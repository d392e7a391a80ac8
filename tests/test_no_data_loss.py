"""Nothing a user owns is ever lost, and no input silently misleads: the reproductions of the
reliability issue, each through the real command line (sections 1 and 2, and the model
directory's own items of section 4)."""
# ruff: noqa: F811 (the fixtures imported from test_translator_cli are used as arguments)

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest
from test_translator_cli import TINY, assert_one_line_error, corpus, run_cli, trained  # noqa: F401

from rnnkit import files
from rnnkit.demo import run as demo
from rnnkit.errors import RnnkitError
from rnnkit.translator.formats import checkpoint, modeldir


def snapshot(root):
    """Every file under root with its bytes (links as their targets, not followed)."""
    root = Path(root)
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            result[str(path.relative_to(root))] = ("link", os.readlink(path))
        elif path.is_file():
            result[str(path.relative_to(root))] = path.read_bytes()
    return result


def train_args(corpus, model_dir, *extra):
    return [
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--model-dir",
        str(model_dir),
        *TINY,
        "--max-steps",
        "4",
        *extra,
    ]


@pytest.fixture
def model_copy(trained, tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(trained, copy)
    return copy


# --- 1. data loss ------------------------------------------------------------------------------
def test_demo_never_empties_a_directory_it_did_not_write(tmp_path):
    out = tmp_path / "p"
    (out / "src").mkdir(parents=True)
    (out / "src" / "main.py").write_text("print('mine')")
    (out / "thesis.tex").write_text("years of work")
    (out / "results.json").write_text("{}")  # a file named like the demo's is not a marker
    before = snapshot(out)
    with pytest.raises(RnnkitError) as error:
        demo.run_demo(out, time_budget=1, show_progress=False)
    assert "not written by rnnkit demo" in str(error.value)
    assert snapshot(out) == before


def test_the_demo_replaces_only_its_own_entries(tmp_path, capsys):
    out = files.OwnedDirectory(tmp_path / "d", "demo", demo.ENTRIES)
    out.prepare()
    (out.path / "model").mkdir()
    (out.path / "model" / "old.bin").write_bytes(b"old")
    (out.path / "my-notes.txt").write_text("keep")
    replaced = files.OwnedDirectory(tmp_path / "d", "demo", demo.ENTRIES).prepare()
    assert replaced == ["model"]
    assert "replaced the previous rnnkit demo output (model)" in capsys.readouterr().err
    assert (out.path / "my-notes.txt").read_text() == "keep" and not (out.path / "model").exists()


@pytest.mark.parametrize(
    "bad",
    [
        ["--data", "does-not-exist.tsv"],
        ["--label-smoothing", "1.5"],
        ["--vocab-size", "0"],
        ["--lr", "-1"],
        ["--cell", "transformer"],
    ],
)
def test_overwrite_with_a_bad_option_leaves_the_old_model_intact(model_copy, corpus, bad, capsys):
    before = snapshot(model_copy)
    code, _, err = run_cli([*train_args(corpus, model_copy, "--overwrite"), *bad], capsys)
    assert code == 2 and "Traceback" not in err
    assert snapshot(model_copy) == before


def test_overwrite_with_bad_data_leaves_the_old_model_intact(model_copy, tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"fr\ta\tb\nfr\tonly two columns\n")
    before = snapshot(model_copy)
    code, _, err = run_cli(
        ["train", "--data", str(bad), "--model-dir", str(model_copy), "--overwrite", *TINY], capsys
    )
    assert_one_line_error(code, err, "bad.tsv:2")
    assert snapshot(model_copy) == before


def test_overwrite_refuses_a_directory_that_is_not_an_rnnkit_model(corpus, tmp_path, capsys):
    mine = tmp_path / "work"
    mine.mkdir()
    (mine / "latest.safetensors").write_bytes(b"my own file, not rnnkit's")
    (mine / "plots").mkdir()
    (mine / "plots" / "figure1.png").write_bytes(b"png")
    before = snapshot(mine)
    code, _, err = run_cli(train_args(corpus, mine, "--overwrite"), capsys)
    assert_one_line_error(code, err, "not one", "nothing was changed")
    assert snapshot(mine) == before


def test_a_run_that_fails_before_its_first_checkpoint_leaves_the_old_model(
    model_copy, corpus, monkeypatch
):
    from rnnkit.translator.model.seq2seq import Seq2Seq
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    def nan_loss(self, *args):
        raise loop.TrainingStopped("step 1: the loss is nan")

    monkeypatch.setattr(Seq2Seq, "loss", nan_loss)
    before = snapshot(model_copy)
    config = build_config(overrides={"data": str(corpus / "train.tsv"), "hidden": 8, "embed": 8})
    with pytest.raises(loop.TrainingStopped):
        loop.train(config.validate(), model_copy, overwrite=True, show_progress=False)
    assert snapshot(model_copy) == before


def test_a_failed_new_run_leaves_no_directory_behind(corpus, tmp_path, monkeypatch, capsys):
    from rnnkit.translator.model.seq2seq import Seq2Seq

    def boom(self, *args):
        raise ValueError("simulated failure")

    monkeypatch.setattr(Seq2Seq, "loss", boom)
    with pytest.raises(ValueError):
        run_cli(train_args(corpus, tmp_path / "new"), capsys)
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("command", ["translate", "evaluate"])
def test_the_output_is_never_one_of_the_inputs(trained, corpus, tmp_path, command, capsys):
    data = tmp_path / "input.tsv"
    shutil.copy(corpus / "dev.tsv", data)
    before = data.read_bytes()
    if command == "translate":
        args = ["translate", "--model-dir", str(trained), "--to", "fr", "--input", str(data)]
    else:
        args = ["evaluate", "--model-dir", str(trained), "--data", str(data)]
    code, _, err = run_cli([*args, "--output", str(data), "--force"], capsys)
    assert_one_line_error(code, err, "is the input", "another file")
    assert data.read_bytes() == before
    code, _, err = run_cli(
        [*args, "--output", str(trained / "best.safetensors"), "--force"], capsys
    )
    assert_one_line_error(code, err, "is the input")


def test_a_second_run_on_the_same_model_dir_is_refused_and_told_who_holds_it(
    corpus, tmp_path, capsys
):
    model_dir = tmp_path / "busy"
    model_dir.mkdir()
    with files.DirectoryLock(model_dir, "rnnkit train (the first run)"):
        code, _, err = run_cli(train_args(corpus, model_dir), capsys)
    assert_one_line_error(code, err, "in use by another run", "the first run", f"pid {os.getpid()}")
    assert list(model_dir.iterdir()) == []


def test_a_symlinked_folder_in_a_model_dir_is_refused_before_anything_is_written(
    model_copy, corpus, tmp_path, capsys
):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "loss.png").write_bytes(b"the user's own figure")
    shutil.rmtree(model_copy / "plots")
    (model_copy / "plots").symlink_to(elsewhere)
    before, outside = snapshot(model_copy), snapshot(elsewhere)
    code, _, err = run_cli(train_args(corpus, model_copy, "--overwrite"), capsys)
    assert_one_line_error(code, err, "symbolic link")
    assert snapshot(model_copy) == before and snapshot(elsewhere) == outside


def test_gradients_never_writes_through_a_link_nor_into_a_foreign_directory(tmp_path, capsys):
    from rnnkit.cli.main import main

    out = tmp_path / "results"
    out.mkdir()
    (tmp_path / "precious.csv").write_text("years of measurements")
    (out / "accuracy.csv").symlink_to(tmp_path / "precious.csv")
    tiny = [
        "--hidden",
        "4",
        "--steps",
        "1",
        "--seeds",
        "1",
        "--points",
        "2",
        "--max-distance",
        "3",
        "--cells",
        "rnn",
        "--quiet",
    ]
    code = main(["gradients", "--out", str(out), *tiny])
    err = capsys.readouterr().err
    assert_one_line_error(code, err, "not written by rnnkit gradients")
    assert (tmp_path / "precious.csv").read_text() == "years of measurements"
    fresh = tmp_path / "fresh"
    assert main(["gradients", "--out", str(fresh), *tiny]) == 0
    (fresh / "accuracy.csv").unlink()
    (fresh / "accuracy.csv").symlink_to(tmp_path / "precious.csv")
    code = main(["gradients", "--out", str(fresh), *tiny])
    assert_one_line_error(code, capsys.readouterr().err, "symbolic link")
    assert (tmp_path / "precious.csv").read_text() == "years of measurements"


def _training_process(corpus, model_dir, *extra):
    args = [
        sys.executable,
        "-m",
        "rnnkit",
        *train_args(corpus, model_dir),
        "--max-steps",
        "100000",
        "--epochs",
        "10000",
        "--save-every",
        "100000",
        "--valid-every",
        "100000",
        *extra,
    ]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_save_the_run_and_say_how_to_resume(corpus, tmp_path, signal_number):
    model_dir = tmp_path / "interrupted"
    process = _training_process(corpus, model_dir)
    deadline = time.monotonic() + 120
    log = model_dir / modeldir.STAGING / modeldir.LOG
    while time.monotonic() < deadline and not log.exists():  # training has taken steps
        time.sleep(0.05)
    assert log.exists(), process.communicate()[1]
    process.send_signal(signal_number)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal_number, err
    assert "Traceback" not in err
    _, meta = checkpoint.load_checkpoint(model_dir / modeldir.LATEST)
    assert meta["step"] >= 2
    assert f"stopped by {signal.Signals(signal_number).name} at step {meta['step']}" in err
    assert f"rnnkit train --model-dir {model_dir} --resume" in err
    code = subprocess.run(
        [
            sys.executable,
            "-m",
            "rnnkit",
            "train",
            "--model-dir",
            str(model_dir),
            "--resume",
            "--max-steps",
            str(meta["step"] + 2),
            "--quiet",
        ],
        capture_output=True,
        text=True,
    )
    assert code.returncode == 0 and f"trained {meta['step'] + 2} steps" in code.stdout


def test_temporaries_of_a_killed_run_are_removed_by_the_next(model_copy, capsys):
    leftover = model_copy / f".latest.safetensors.abc123{files.TEMPORARY_SUFFIX}"
    leftover.write_bytes(b"half a checkpoint")
    (model_copy / modeldir.STAGING).mkdir()
    (model_copy / modeldir.STAGING / "config.json").write_text("{}")
    _, meta = checkpoint.load_checkpoint(model_copy / modeldir.LATEST)
    code, _, _ = run_cli(
        [
            "train",
            "--model-dir",
            str(model_copy),
            "--resume",
            "--max-steps",
            str(meta["step"] + 1),
            "--quiet",
        ],
        capsys,
    )
    assert code == 0
    assert not leftover.exists() and not (model_copy / modeldir.STAGING).exists()


# --- 2. silent wrong output ----------------------------------------------------------------------
def _rewrite_checkpoint(path, change):
    arrays, meta = checkpoint.load_checkpoint(path)
    change(arrays, meta)
    checkpoint.save_checkpoint(path, arrays, meta)


def test_non_finite_weights_are_an_error_not_missing_lines(model_copy, monkeypatch, capsys):
    def poison(arrays, meta):
        name = next(k for k in arrays if k.startswith("model/"))
        arrays[name] = arrays[name].copy()
        arrays[name].flat[0] = numpy.nan

    _rewrite_checkpoint(model_copy / "best.safetensors", poison)
    code, out, err = run_cli(
        ["translate", "--model-dir", str(model_copy), "--to", "fr"],
        capsys,
        stdin=b"Mensah makes a dunk\n",
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, "best.safetensors", "NaN or infinite")
    assert out == ""


def test_training_never_saves_non_finite_weights(corpus, tmp_path, monkeypatch):
    from rnnkit import optim
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    real_step, calls = optim.Adam.step, []

    def step(self):
        real_step(self)
        calls.append(1)
        if len(calls) == 4:  # the loss of step 4 was finite, its update is not
            self.params[0].data[...] = numpy.inf

    monkeypatch.setattr(optim.Adam, "step", step)
    config = build_config(
        overrides={"data": str(corpus / "train.tsv"), "hidden": 8, "embed": 8, "save_every": 2}
    )
    with pytest.raises(loop.TrainingStopped, match="NaN or infinite"):
        loop.train(config.validate(), tmp_path / "m", show_progress=False)
    arrays, meta = checkpoint.load_checkpoint(tmp_path / "m" / "latest.safetensors")
    assert meta["step"] == 2 and all(numpy.isfinite(a).all() for a in arrays.values())


def test_text_shaped_like_a_language_tag_is_never_a_control_token(trained, monkeypatch, capsys):
    from rnnkit.translator.decoding.inference import Translator
    from rnnkit.translator.formats.data import encode_source

    translator = Translator.load(trained)
    vocab, tokenizer = translator.vocab, translator.tokenizer
    for text in ("<2zh> Mensah makes a dunk", "<eos> Mensah makes a dunk"):
        ids = encode_source(text, "fr", tokenizer, vocab)
        assert ids[0] == vocab["<2fr>"] and ids[1] == vocab["<unk>"], (text, ids)
    tagged, plain = (
        translator.translate([text], ["fr"])[0][0].text
        for text in ("<2zh> Mensah makes a dunk", "qqqq Mensah makes a dunk")
    )
    assert tagged == plain  # the tag-shaped word is just an unknown word


def test_resume_refuses_changed_options_and_names_them(model_copy, corpus, capsys):
    code, _, err = run_cli(
        [
            "train",
            "--model-dir",
            str(model_copy),
            "--resume",
            "--lr",
            "0.5",
            "--hidden",
            "99",
            "--max-steps",
            "20",
        ],
        capsys,
    )
    assert_one_line_error(code, err, "--lr (saved", "--hidden (saved 16, given 99)")
    same = ["--hidden", "16", "--data", str(corpus / "train.tsv"), "--max-steps", "11", "--quiet"]
    code, out, _ = run_cli(["train", "--model-dir", str(model_copy), "--resume", *same], capsys)
    assert code == 0 and "trained 11 steps" in out


def test_paths_are_stored_resolved_so_resume_works_from_anywhere(corpus, tmp_path, monkeypatch):
    from rnnkit.cli.main import main

    shutil.copy(corpus / "train.tsv", tmp_path / "train.tsv")
    monkeypatch.chdir(tmp_path)
    assert (
        main(["train", "--data", "train.tsv", "--model-dir", "m", *TINY, "--max-steps", "2"]) == 0
    )
    saved = json.loads((tmp_path / "m" / "config.json").read_text())["train"]["data"]
    assert saved == str(tmp_path / "train.tsv")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["train", "--model-dir", "../m", "--resume", "--max-steps", "3", "--quiet"]) == 0


def test_zeroed_bytes_in_a_checkpoint_are_found(model_copy, monkeypatch, capsys):
    path = model_copy / "best.safetensors"
    data = bytearray(path.read_bytes())
    data[-64:-32] = bytes(32)  # inside the last tensor; the header stays valid
    path.write_bytes(bytes(data))
    code, _, err = run_cli(
        ["translate", "--model-dir", str(model_copy), "--to", "fr"],
        capsys,
        stdin=b"Mensah makes a dunk\n",
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, "corrupt checkpoint", "does not match its checksum")


def test_max_len_says_how_many_pairs_it_drops(corpus, tmp_path, capsys):
    code, _, err = run_cli([*train_args(corpus, tmp_path / "m"), "--max-len", "8"], capsys)
    assert code == 0
    assert "longer than --max-len 8 tokens" in err and "of 240 pairs" in err


def test_a_finished_run_resumed_takes_no_step_more(model_copy, capsys):
    code, out, _ = run_cli(["train", "--model-dir", str(model_copy), "--resume", "--quiet"], capsys)
    assert code == 0 and "trained 10 steps (nothing left to do: max steps 10)" in out


# --- 4. the model directory's own files -----------------------------------------------------
@pytest.mark.parametrize(
    "config, fragment",
    [
        ([], "expected a JSON object, found list"),
        ({"rnnkit_version": "0.1.0", "model": 5, "languages": ["fr"]}, "'model' must be an object"),
        ("KEEP_MODEL|5", "'languages' must be a list"),
        ("KEEP_MODEL|fr", "'languages' must be a list"),
    ],
)
def test_config_json_of_the_wrong_shape_is_one_line(model_copy, config, fragment, capsys):
    path = model_copy / "config.json"
    if isinstance(config, str):
        saved = json.loads(path.read_text())
        saved["languages"] = json.loads(config.split("|")[1]) if "5" in config else "fr"
        config = saved
    path.write_text(json.dumps(config))
    code, _, err = run_cli(["evaluate", "--model-dir", str(model_copy), "--data", "x.tsv"], capsys)
    assert_one_line_error(code, err, "config.json", fragment)


def test_a_vocabulary_shorter_than_the_config_says_is_one_line(model_copy, capsys):
    vocab = model_copy / "vocab.txt"
    vocab.write_text("".join(vocab.read_text().splitlines(keepends=True)[:-3]))
    code, _, err = run_cli(["evaluate", "--model-dir", str(model_copy), "--data", "x"], capsys)
    assert_one_line_error(code, err, "vocab.txt", "but", "says vocab_size")


@pytest.mark.parametrize("dtype", ["int32", "bool"])
def test_integer_or_boolean_weights_are_refused(model_copy, dtype, capsys):
    def cast(arrays, meta):
        for name in arrays:
            arrays[name] = arrays[name].astype(dtype)

    _rewrite_checkpoint(model_copy / "best.safetensors", cast)
    code, _, err = run_cli(["evaluate", "--model-dir", str(model_copy), "--data", "x"], capsys)
    assert_one_line_error(code, err, "best.safetensors", f"dtype {dtype}")


@pytest.mark.parametrize("dtype", ["float16", "float64"])
def test_half_and_double_weights_are_converted_to_the_models_float32(model_copy, dtype):
    from rnnkit.translator.decoding.inference import Translator

    def cast(arrays, meta):
        for name in arrays:
            arrays[name] = arrays[name].astype(dtype)

    line = ["Mensah makes a dunk"]
    before = Translator.load(model_copy).translate(line, ["fr"])[0][0]
    _rewrite_checkpoint(model_copy / "best.safetensors", cast)
    translator = Translator.load(model_copy)
    assert {p.dtype for p in translator.model.parameters()} == {numpy.dtype("float32")}
    after = translator.translate(line, ["fr"])[0][0]  # (a tiny model's words, maybe none)
    assert numpy.isfinite(after.score)
    if dtype == "float64":  # float32 -> float64 -> float32 is exact: the same translation
        assert (after.tokens, after.score) == (before.tokens, before.score)


def test_checkpoint_metadata_with_a_bad_random_state_is_one_line(model_copy, capsys):
    def break_rng(arrays, meta):
        meta["rng"] = "not a state"

    _rewrite_checkpoint(model_copy / "latest.safetensors", break_rng)
    code, _, err = run_cli(
        ["train", "--model-dir", str(model_copy), "--resume", "--max-steps", "12"], capsys
    )
    assert_one_line_error(code, err, "latest.safetensors", "random state")


def test_a_torn_last_log_line_does_not_stop_a_resume(model_copy, capsys):
    with open(model_copy / "train_log.jsonl", "a") as log:
        log.write('{"step": 11, "lo')  # a run killed in the middle of a write
    code, out, _ = run_cli(
        ["train", "--model-dir", str(model_copy), "--resume", "--max-steps", "12", "--quiet"],
        capsys,
    )
    assert code == 0 and "trained 12 steps" in out
    assert all(r["step"] <= 12 for r in checkpoint.read_log(model_copy))


def test_a_bad_log_line_in_the_middle_names_the_line(model_copy, capsys):
    lines = (model_copy / "train_log.jsonl").read_text().splitlines()
    lines[1] = "garbage"
    (model_copy / "train_log.jsonl").write_text("\n".join(lines) + "\n")
    code, _, err = run_cli(
        ["train", "--model-dir", str(model_copy), "--resume", "--max-steps", "12"], capsys
    )
    assert_one_line_error(code, err, "train_log.jsonl:2", "not a JSON log record")


@pytest.mark.parametrize("option, fragment", [("--events", "--events"), ("--beam", "--beam")])
def test_demo_checks_its_options_before_training(option, fragment, tmp_path, capsys):
    from rnnkit.cli.main import main

    code = main(["demo", "--out", str(tmp_path / "d"), option, "0", "--quiet"])
    err = capsys.readouterr().err
    assert_one_line_error(code, err, fragment, "1")
    assert "--n-best" not in err and not (tmp_path / "d").exists()


@pytest.fixture
def full_disk(tmp_path):
    """A 128 KiB tmpfs, smaller than a tiny checkpoint (mounting needs root; skipped with the
    reason otherwise)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_names_the_file_and_keeps_the_old_one(full_disk):
    target = full_disk / "latest.safetensors"
    target.write_bytes(b"old checkpoint")
    with pytest.raises(OSError) as error:
        files.atomic_write(target, b"x" * (1024 * 1024))
    assert error.value.errno == 28 and str(target) in str(error.value)
    assert target.read_bytes() == b"old checkpoint"
    assert [p.name for p in full_disk.iterdir()] == ["latest.safetensors"]


def test_a_full_disk_during_training_is_one_line_and_loses_nothing(corpus, full_disk, capsys):
    code, _, err = run_cli(train_args(corpus, full_disk / "m"), capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "No space left on device" in err and str(full_disk) in err
    assert not (full_disk / "m").exists()

"""The training recipe through the real `rnnkit train`: the learning-rate schedule (warm-up,
decay on a plateau of dev BLEU) applied to every update and resumed exactly, validation by
wall time, and the training seconds recorded with each validation (summed over resumes)."""
# ruff: noqa: F811 (the fixtures imported from test_translator_cli are used as arguments)

import shutil

import numpy
import pytest
from test_translator_cli import TINY, assert_one_line_error, corpus, run_cli  # noqa: F401

from rnnkit.translator.formats import checkpoint
from rnnkit.translator.training import loop


def train_args(corpus, model_dir, *extra):
    return [
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--valid",
        str(corpus / "dev.tsv"),
        "--model-dir",
        str(model_dir),
        *TINY,
        *extra,
    ]


class StepClock:
    """training's clock, moved on by exactly 10 s per training step (so times are exact)."""

    def __init__(self, monkeypatch):
        self.now = 1000.0
        real_step = loop._step

        def step(session, indices):
            real_step(session, indices)
            self.now += 10.0

        monkeypatch.setattr(loop, "_step", step)
        monkeypatch.setattr(loop, "time", self)

    def monotonic(self):
        return self.now


def validations(model_dir):
    return [r for r in checkpoint.read_log(model_dir) if "bleu" in r]


def test_lr_warmup_sets_the_rate_of_every_update(corpus, tmp_path, capsys):
    model_dir = tmp_path / "warm"
    args = train_args(corpus, model_dir, "--lr", "0.01", "--lr-warmup", "4", "--log-every", "1")
    code, _, _ = run_cli([*args, "--max-steps", "6"], capsys)
    assert code == 0
    rates = [r["lr"] for r in checkpoint.read_log(model_dir) if "loss" in r]
    assert rates == pytest.approx([0.0025, 0.005, 0.0075, 0.01, 0.01, 0.01], rel=1e-15)


def test_validation_by_wall_time_records_the_training_seconds(corpus, tmp_path, capsys):
    with pytest.MonkeyPatch.context() as patch:
        clock = StepClock(patch)
        evaluate = loop.evaluate_corpus

        def slow_evaluate(*args, **kwargs):  # each validation takes 4 s of the clock
            clock.now += 4.0
            return evaluate(*args, **kwargs)

        patch.setattr(loop, "evaluate_corpus", slow_evaluate)
        args = train_args(corpus, tmp_path / "m", "--valid-every", "1000", "--max-steps", "10")
        code, _, _ = run_cli([*args, "--valid-every-seconds", "25"], capsys)
    assert code == 0
    # a step takes 10 s and a validation 4 s: due at the first step past 25, 50, 75, 100 s,
    # that is steps 3 (30 s), 5 (34 + 20), 7 (58 + 20) and 9 (82 + 20)
    got = [(r["step"], r["elapsed_s"], r["valid_s"]) for r in validations(tmp_path / "m")]
    assert got == [(3, 30.0, 4.0), (5, 54.0, 4.0), (7, 78.0, 4.0), (9, 102.0, 4.0)]


def test_a_resumed_run_counts_the_seconds_before_it(corpus, tmp_path, capsys):
    common = ("--valid-every", "1000", "--valid-every-seconds", "25")
    with pytest.MonkeyPatch.context() as patch:
        StepClock(patch)
        code, _, _ = run_cli(
            [*train_args(corpus, tmp_path / "straight", *common), "--max-steps", "20"], capsys
        )
    assert code == 0
    with pytest.MonkeyPatch.context() as patch:
        StepClock(patch)
        code, _, _ = run_cli(
            [*train_args(corpus, tmp_path / "cut", *common), "--max-steps", "10"], capsys
        )
    assert code == 0
    with pytest.MonkeyPatch.context() as patch:
        StepClock(patch)  # a new process: its clock knows nothing of the first run
        resume = ["train", "--model-dir", str(tmp_path / "cut"), "--resume", "--quiet"]
        code, _, _ = run_cli([*resume, "--max-steps", "20"], capsys)
    assert code == 0
    # due by time at 3, 5, 8, 10, 13, 15, 18, 20; and the epoch's end validates: 16 batches
    # of one language each (a short one per language)
    expected = [(step, 10.0 * step) for step in (3, 5, 8, 10, 13, 15, 16, 18, 20)]
    for run in ("straight", "cut"):
        got = [(r["step"], r["elapsed_s"]) for r in validations(tmp_path / run)]
        assert got == expected, (run, got)


def test_plateau_decay_resumes_bit_exactly(corpus, tmp_path, capsys):
    schedule = ("--lr", "0.01", "--lr-warmup", "3", "--lr-decay", "0.5", "--lr-patience", "0")
    schedule += ("--valid-every", "2", "--save-every", "1000", "--log-every", "1")
    straight, cut = tmp_path / "straight", tmp_path / "cut"
    code, _, _ = run_cli([*train_args(corpus, straight, *schedule), "--max-steps", "16"], capsys)
    assert code == 0
    code, _, _ = run_cli([*train_args(corpus, cut, *schedule), "--max-steps", "9"], capsys)
    assert code == 0
    resume = ["train", "--model-dir", str(cut), "--resume", "--quiet", "--max-steps", "16"]
    code, _, _ = run_cli(resume, capsys)
    assert code == 0
    log = checkpoint.read_log(straight)
    assert any("lr_next" in r for r in log), "the test must see the rate lowered"
    rates = {r["step"]: r["lr"] for r in log if "loss" in r}
    # every update's rate: the warm-up, then the peak as the validations left it
    peak, expected = 0.01, {}
    lowered_at = {r["step"]: r["lr_next"] for r in log if "lr_next" in r}
    for step in range(1, 17):
        expected[step] = peak * min(1, step / 3)
        peak = lowered_at.get(step, peak)
    assert rates == pytest.approx(expected, rel=1e-15)
    resumed_log = checkpoint.read_log(cut)
    assert [(r["step"], r.get("lr"), r.get("bleu")) for r in resumed_log] == [
        (r["step"], r.get("lr"), r.get("bleu")) for r in log
    ]
    ours, _ = checkpoint.load_checkpoint(cut / "latest.safetensors")
    theirs, _ = checkpoint.load_checkpoint(straight / "latest.safetensors")
    assert set(ours) == set(theirs)
    for name in theirs:
        assert numpy.array_equal(ours[name], theirs[name]), name


def test_a_checkpoint_from_before_the_schedule_still_resumes(corpus, tmp_path, capsys):
    model_dir = tmp_path / "old"
    code, _, _ = run_cli([*train_args(corpus, model_dir), "--max-steps", "4"], capsys)
    assert code == 0
    # rewrite latest.safetensors as a release without these position fields wrote it
    arrays, meta = checkpoint.load_checkpoint(model_dir / "latest.safetensors")
    for key in loop.ADDED_LATER:
        del meta[key]
    checkpoint.save_checkpoint(model_dir / "latest.safetensors", arrays, meta)
    resume = ["train", "--model-dir", str(model_dir), "--resume", "--quiet", "--max-steps", "6"]
    code, out, _ = run_cli(resume, capsys)
    assert code == 0 and "trained 6 steps" in out


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (("--lr-decay", "0"), "lr_decay must be in (0, 1]"),
        (("--lr-decay", "1.5"), "lr_decay must be in (0, 1]"),
        (("--lr-warmup", "-5"), "lr_warmup must not be negative"),
        (("--lr-patience", "-1"), "lr_patience must not be negative"),
        (("--min-lr", "0.5"), "min_lr must be below lr"),
        (("--valid-every-seconds", "-1"), "valid_every_seconds must not be negative"),
        (("--valid-every-seconds", "nan"), "valid_every_seconds must be a finite number"),
    ],
)
def test_bad_recipe_options_are_one_line(corpus, tmp_path, capsys, extra, fragment):
    code, _, err = run_cli([*train_args(corpus, tmp_path / "m"), *extra], capsys)
    assert_one_line_error(code, err, fragment)
    assert not (tmp_path / "m").exists()


def test_lr_decay_without_a_dev_set_is_one_line(corpus, tmp_path, capsys):
    args = ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(tmp_path / "m")]
    code, _, err = run_cli([*args, *TINY, "--lr-decay", "0.5"], capsys)
    assert_one_line_error(code, err, "lr_decay follows dev BLEU: give a dev set")


def test_a_resumed_run_keeps_its_schedule(corpus, tmp_path, capsys):
    model_dir = tmp_path / "m"
    code, _, _ = run_cli([*train_args(corpus, model_dir), "--max-steps", "2"], capsys)
    assert code == 0
    copy = tmp_path / "copy"
    shutil.copytree(model_dir, copy)
    resume = ["train", "--model-dir", str(copy), "--resume", "--quiet", "--lr-warmup", "100"]
    code, _, err = run_cli(resume, capsys)
    assert_one_line_error(code, err, "--lr-warmup (saved 0, given 100)")


def test_two_ranks_follow_rank_0s_plateau_decay(tmp_path, monkeypatch):
    # Rank 0 alone validates, so it alone sees the plateau; the other rank must take the same
    # lowered rate at the next update, or its weights part from rank 0's.
    import test_distributed as mpi
    import train_float64

    from rnnkit.demo.commentary import generate_corpus, write_tsv

    data = tmp_path / "train.tsv"
    write_tsv(data, generate_corpus(31, split="train", languages=["fr", "zh"], seed=1))
    options = ["--data", str(data), "--valid", str(data), *mpi.TINY, "--dropout", "0"]
    options += ["--optimizer", "sgd", "--lr", "0.5", "--lr-warmup", "2", "--lr-decay", "0.5"]
    options += ["--lr-patience", "0", "--valid-every", "2", "--max-steps", "8", "--save-every", "8"]
    mpi._single_process(monkeypatch)
    monkeypatch.setattr(loop, "Seq2Seq", train_float64.Float64Seq2Seq)
    assert mpi._train_here("--model-dir", str(tmp_path / "one"), *options) == 0
    lowered = [r for r in checkpoint.read_log(tmp_path / "one") if "lr_next" in r]
    assert lowered, "the test must see the rate lowered"
    program = [mpi.sys.executable, str(mpi.PROGRAMS / "train_float64.py")]
    two = mpi._run([*program, "--model-dir", str(tmp_path / "two"), *options], 2)
    assert two.returncode == 0, two.stderr
    expected, step = mpi._model_weights(tmp_path / "one")
    actual, actual_step = mpi._model_weights(tmp_path / "two")
    assert step == actual_step == 8
    assert mpi._max_difference(actual, expected) < 1e-12

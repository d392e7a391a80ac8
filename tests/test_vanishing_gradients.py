"""rnnkit gradients: the measured gradient norms against finite differences, the agreement
task, and the command's files, options and errors (tiny settings, a few seconds)."""

import csv

import numpy
import pytest

import rnnkit
from rnnkit.cli.main import main
from rnnkit.experiments import vanishing_gradients as vg

TINY = [
    "--max-distance",
    "4",
    "--steps",
    "5",
    "--seeds",
    "1",
    "--hidden",
    "3",
    "--points",
    "2",
    "--batch",
    "4",
    "--quiet",
]


def loss_at_last_step(model, x, labels):
    """J(x) as a float: the summed cross-entropy at the verb, x (T, B, V) float64."""
    with rnnkit.no_grad():
        return rnnkit.cross_entropy(model(rnnkit.tensor(x)), labels, reduction="sum").item()


@pytest.mark.parametrize("cell", list(vg.CELLS))
def test_gradient_norms_equal_finite_differences(cell):
    model = vg.build_model(cell, hidden=3, seed=1)
    ids, labels = vg.agreement_batch(numpy.random.default_rng(2), distance=3, batch=2)
    measured = vg.input_gradient_norms(model, ids, labels)

    x = numpy.eye(len(vg.VOCABULARY))[ids]  # (T, B, V): perturb each x<t> entry, measure J
    eps = 1e-6
    grad = numpy.zeros_like(x)
    for index in numpy.ndindex(*x.shape):
        up, down = x.copy(), x.copy()
        up[index] += eps
        down[index] -= eps
        rise = loss_at_last_step(model, up, labels) - loss_at_last_step(model, down, labels)
        grad[index] = rise / (2 * eps)
    expected = numpy.linalg.norm(grad, axis=2).mean(axis=1)
    assert measured.shape == (ids.shape[0],)
    numpy.testing.assert_allclose(measured, expected, rtol=1e-6, atol=1e-12)


def test_measuring_leaves_parameter_gradients_empty():
    model = vg.build_model("lstm", hidden=3, seed=0)
    vg.input_gradient_norms(model, *vg.agreement_batch(numpy.random.default_rng(0), 2, 2))
    assert all(p.grad is None for p in model.parameters())


def test_agreement_batch_puts_subject_first_and_verb_slot_last():
    ids, labels = vg.agreement_batch(numpy.random.default_rng(0), distance=5, batch=64)
    assert ids.shape == (7, 64) and labels.shape == (64,)
    subjects = [vg.VOCABULARY[i] for i in ids[0]]
    assert all((word in vg.PLURAL) == bool(label) for word, label in zip(subjects, labels))
    assert {vg.VOCABULARY[i] for i in ids[1:-1].ravel()} <= set(vg.FILLER)
    assert {vg.VOCABULARY[i] for i in ids[-1]} == {vg.VERB_SLOT}
    assert 0 < labels.mean() < 1


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_command_writes_csvs_and_pngs(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["gradients", "--out", str(out), "--cells", "rnn,lstm", *TINY]) == 0
    for name in ("gradient_flow.png", "accuracy_vs_distance.png", "exploding_gradients.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    header, rows = read_csv(out / "gradient_flow.csv")
    assert header == ["cell", "phase", "t", "grad_norm"]
    steps = 4 + 2  # subject, 4 fillers, verb slot
    assert len(rows) == 2 * 2 * steps  # cells x phases x t
    pairs = {(cell, phase) for cell in ("rnn", "lstm") for phase in ("init", "trained")}
    assert {(r[0], r[1]) for r in rows} == pairs
    assert sorted({int(r[2]) for r in rows}) == list(range(1, steps + 1))
    assert all(float(r[3]) >= 0 for r in rows)

    header, rows = read_csv(out / "accuracy.csv")
    assert header == ["cell", "distance", "accuracy"]
    assert [(r[0], int(r[1])) for r in rows] == [("rnn", 1), ("rnn", 4), ("lstm", 1), ("lstm", 4)]
    assert all(0 <= float(r[2]) <= 1 for r in rows)

    header, rows = read_csv(out / "exploding_gradients.csv")
    assert header == ["scale", "t", "grad_norm"] and len(rows) == 2 * steps
    header, rows = read_csv(out / "clipping.csv")
    assert header == ["clipping", "step", "loss", "grad_norm"] and len(rows) == 2 * 5

    printed = capsys.readouterr().out
    assert "Accuracy against distance" in printed and "LSTM" in printed


@pytest.mark.parametrize(
    "options, message",
    [
        (["--cells", "rnn,transformer"], "unknown cell 'transformer'"),
        (["--cells", ","], "unknown cell"),
        (["--max-distance", "0"], "--max-distance must be between 1 and 10,000"),
        (["--seeds", "0"], "--seeds must be between 1 and 100"),
    ],
)
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, options, message):
    assert main(["gradients", "--out", str(tmp_path), *TINY, *options]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())  # nothing written

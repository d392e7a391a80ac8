"""One-step cells: finite differences; RNNCell/GRUCell/LSTMCell against torch.nn with the
same weights; the lecture's simplified GRU and the paper's reset-before GRU against the
lecture's equations written out here by hand."""

import numpy as np
import pytest
import torch
from helpers import assert_close, compare_module_with_torch, rk_leaf, to_numpy

import rnnkit as rk
from rnnkit import nn
from rnnkit.testing import gradcheck

INPUT, HIDDEN, BATCH = 3, 4, 2

CELLS = {
    "rnn_tanh": lambda bias: nn.RNNCell(INPUT, HIDDEN, bias, nonlinearity="tanh"),
    "rnn_relu": lambda bias: nn.RNNCell(INPUT, HIDDEN, bias, nonlinearity="relu"),
    "sgru": lambda bias: nn.SimplifiedGRUCell(INPUT, HIDDEN, bias),
    "gru": lambda bias: nn.GRUCell(INPUT, HIDDEN, bias),
    "gru_reset_before": lambda bias: nn.GRUCell(INPUT, HIDDEN, bias, reset_after=False),
    "lstm": lambda bias: nn.LSTMCell(INPUT, HIDDEN, bias),
}
TORCH_CELLS = {
    "rnn_tanh": lambda bias: torch.nn.RNNCell(INPUT, HIDDEN, bias, nonlinearity="tanh"),
    "rnn_relu": lambda bias: torch.nn.RNNCell(INPUT, HIDDEN, bias, nonlinearity="relu"),
    "gru": lambda bias: torch.nn.GRUCell(INPUT, HIDDEN, bias),
    "lstm": lambda bias: torch.nn.LSTMCell(INPUT, HIDDEN, bias),
}


def make_cell(kind, bias, seed=0):
    rk.manual_seed(seed)
    return CELLS[kind](bias).double()


def random_inputs(kind, seed=0):
    rng = np.random.default_rng(seed)
    arrays = [rng.standard_normal((BATCH, INPUT)), rng.standard_normal((BATCH, HIDDEN))]
    if kind == "lstm":
        arrays.append(rng.standard_normal((BATCH, HIDDEN)))
    return arrays


def call(cell, kind, x, h, c=None):
    return cell(x, (h, c)) if kind == "lstm" else cell(x, h)


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("kind", sorted(CELLS))
def test_cell_gradients_match_finite_differences(kind, bias):
    cell = make_cell(kind, bias)
    states = [rk_leaf(a) for a in random_inputs(kind)]
    params = cell.parameters()
    gradcheck(lambda *inputs: call(cell, kind, *inputs[: len(states)]), states + params)


@pytest.mark.parametrize("kind", sorted(CELLS))
def test_cell_without_state_starts_from_zeros(kind):
    cell = make_cell(kind, True)
    x, h, *c = random_inputs(kind)
    zeros = np.zeros_like(h)
    given = call(cell, kind, rk_leaf(x), rk_leaf(zeros), *([rk_leaf(zeros)] if c else []))
    default = cell(rk_leaf(x))
    for ours, reference in zip(default if c else [default], given if c else [given]):
        np.testing.assert_array_equal(ours.numpy(), reference.numpy())


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("kind", sorted(TORCH_CELLS))
def test_cell_matches_torch(kind, bias, seed):
    torch.manual_seed(seed)
    theirs = TORCH_CELLS[kind](bias).double()
    ours = make_cell(kind, bias, seed + 100).load_state_dict(theirs.state_dict())

    def run_theirs(cell, x, h, c=None):
        return cell(x, (h, c)) if kind == "lstm" else cell(x, h)

    compare_module_with_torch(
        ours,
        theirs,
        lambda cell, *a: call(cell, kind, *a),
        run_theirs,
        random_inputs(kind, seed),
        tol=1e-10,
    )


# --- the lecture's equations, written out by hand (NumPy for values, the same lines run by
# torch's autograd for gradients) ------------------------------------------------------------
def sigma(lib, z):
    return 1 / (1 + lib.exp(-z))


def simplified_gru_equations(lib, x, a_prev, w_ih, w_hh, b_ih, b_hh):
    """The lecture: G_u = sigma(W_ux x + W_ua a + b_u); a~ = tanh(W_ax x + W_aa a + b);
    a = G_u * a~ + (1 - G_u) * a_prev; weight blocks u|c."""
    H = a_prev.shape[1]
    W_ux, W_ax = w_ih[:H], w_ih[H:]
    W_ua, W_aa = w_hh[:H], w_hh[H:]
    b_u, b = b_ih[:H] + b_hh[:H], b_ih[H:] + b_hh[H:]
    G_u = sigma(lib, x @ W_ux.T + a_prev @ W_ua.T + b_u)
    a_tilde = lib.tanh(x @ W_ax.T + a_prev @ W_aa.T + b)
    return G_u * a_tilde + (1 - G_u) * a_prev


def gru_reset_before_equations(lib, x, h, w_ih, w_hh, b_ih, b_hh):
    """The original paper: r = sigma(W_ir x + b_ir + W_hr h + b_hr), z likewise,
    n = tanh(W_in x + b_in + W_hn (r * h) + b_hn), h' = (1 - z) * n + z * h; blocks r|z|n."""
    H = h.shape[1]
    W_ir, W_iz, W_in = w_ih[:H], w_ih[H : 2 * H], w_ih[2 * H :]
    W_hr, W_hz, W_hn = w_hh[:H], w_hh[H : 2 * H], w_hh[2 * H :]
    b_ir, b_iz, b_in = b_ih[:H], b_ih[H : 2 * H], b_ih[2 * H :]
    b_hr, b_hz, b_hn = b_hh[:H], b_hh[H : 2 * H], b_hh[2 * H :]
    r = sigma(lib, x @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
    z = sigma(lib, x @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
    n = lib.tanh(x @ W_in.T + b_in + (r * h) @ W_hn.T + b_hn)
    return (1 - z) * n + z * h


HAND_WRITTEN = {"sgru": simplified_gru_equations, "gru_reset_before": gru_reset_before_equations}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kind", sorted(HAND_WRITTEN))
def test_cell_matches_the_equations_written_by_hand(kind, seed):
    equations = HAND_WRITTEN[kind]
    cell = make_cell(kind, True, seed)
    x, h = random_inputs(kind, seed)
    weights = [p.numpy().copy() for p in cell.parameters()]  # w_ih, w_hh, b_ih, b_hh
    expected = equations(np, x, h, *weights)
    assert_close(cell(rk_leaf(x), rk_leaf(h)), expected, 1e-13, "output")

    # Gradients: the same equations through torch's autograd.
    torch_inputs = [torch.tensor(a, requires_grad=True) for a in [x, h, *weights]]
    weight = np.random.default_rng(seed).standard_normal(expected.shape)
    (equations(torch, *torch_inputs) * torch.tensor(weight)).sum().backward()
    x_rk, h_rk = rk_leaf(x), rk_leaf(h)
    (cell(x_rk, h_rk) * weight).sum().backward()
    ours = [x_rk, h_rk, *cell.parameters()]
    for k, (mine, reference) in enumerate(zip(ours, torch_inputs)):
        assert_close(mine.grad, to_numpy(reference.grad), 1e-12, f"gradient {k}")


def test_cell_rejects_an_unknown_nonlinearity():
    with pytest.raises(ValueError, match="nonlinearity must be 'tanh' or 'relu', got 'sigmoid'"):
        nn.RNNCell(2, 3, nonlinearity="sigmoid")

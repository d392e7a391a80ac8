"""The fused sequence layers are exact: against finite differences, against the same layer
unrolled step by step through the generic graph, and against PyTorch with the same weights
(float64 to 1e-10). Also float32 stays float32, and bad input is refused with clear errors."""

import numpy as np
import pytest
import torch
from helpers import (
    assert_close,
    compare_module_with_torch,
    flatten_result,
    rk_leaf,
    torch_recurrent,
)

import rnnkit as rk
from rnnkit import nn
from rnnkit.kernels import fused
from rnnkit.testing import gradcheck


@pytest.fixture(autouse=True, params=["numba", "numpy"])
def kernel_path(request, monkeypatch):
    """Every test here runs twice: with numba's fused gate loops and on the pure NumPy path
    (what users without numba, or with RNNKIT_NUMBA=0, run)."""
    monkeypatch.setattr(fused, "ENABLED", request.param == "numba")
    return request.param


LAYERS = {
    "rnn_tanh": lambda *args, **kw: nn.RNN(*args, nonlinearity="tanh", **kw),
    "rnn_relu": lambda *args, **kw: nn.RNN(*args, nonlinearity="relu", **kw),
    "sgru": nn.SimplifiedGRU,
    "gru": nn.GRU,
    "gru_reset_before": lambda *args, **kw: nn.GRU(*args, reset_after=False, **kw),
    "lstm": nn.LSTM,
}
TORCH_LAYERS = {
    "rnn_tanh": lambda *args, **kw: torch.nn.RNN(*args, nonlinearity="tanh", **kw),
    "rnn_relu": lambda *args, **kw: torch.nn.RNN(*args, nonlinearity="relu", **kw),
    "gru": torch.nn.GRU,
    "lstm": torch.nn.LSTM,
}


class Config:
    """One layer configuration and its random inputs (numpy arrays; None: not given)."""

    def __init__(
        self,
        kind,
        steps,
        batch,
        features,
        hidden,
        num_layers=1,
        bidirectional=False,
        batch_first=False,
        ragged=False,
        given_state=True,
        bias=True,
        seed=0,
        dtype=np.float64,
    ):
        rng = np.random.default_rng(seed)
        self.kind, self.seed = kind, seed
        self.kwargs = dict(
            num_layers=num_layers, bidirectional=bidirectional, batch_first=batch_first, bias=bias
        )
        self.sizes = (features, hidden)
        self.batch_first = batch_first
        shape = (batch, steps, features) if batch_first else (steps, batch, features)
        self.x = rng.standard_normal(shape).astype(dtype)
        self.lengths = None
        if ragged == "short":  # every sequence ends before T: padding at the end of all
            self.lengths = rng.integers(1, steps, size=batch)
        elif ragged:  # the longest fills T, another one is shorter
            self.lengths = rng.integers(1, steps + 1, size=batch)
            self.lengths[0] = steps
            self.lengths[-1] = rng.integers(1, steps) if batch > 1 else steps
        state_shape = (num_layers * (2 if bidirectional else 1), batch, hidden)
        self.h0 = rng.standard_normal(state_shape).astype(dtype) if given_state else None
        self.c0 = None
        if kind == "lstm" and given_state:
            self.c0 = rng.standard_normal(state_shape).astype(dtype)

    def __repr__(self):
        lengths = None if self.lengths is None else self.lengths.tolist()
        return (
            f"{self.kind} x{self.x.shape} {self.kwargs} lengths={lengths} h0={self.h0 is not None}"
        )

    def arrays(self):
        return [self.x, self.h0] + ([self.c0] if self.kind == "lstm" else [])

    def layer(self, dtype=np.float64):
        rk.manual_seed(self.seed)
        return LAYERS[self.kind](*self.sizes, **self.kwargs).to(dtype)

    def run(self, layer, x, h0=None, c0=None, unrolled=False):
        """[out, h_n(, c_n)] of our layer, fused or unrolled."""
        state = (h0, c0) if self.kind == "lstm" and h0 is not None else h0
        forward = layer.forward_unrolled if unrolled else layer
        return flatten_result(forward(x, state, lengths=self.lengths))

    def run_torch(self, module, x, h0=None, c0=None):
        state = (h0, c0) if self.kind == "lstm" and h0 is not None else h0
        return flatten_result(torch_recurrent(module, x, state, self.lengths, self.batch_first))


def random_config(kind, seed, dtype=np.float64):
    rng = np.random.default_rng([seed, sorted(LAYERS).index(kind)])
    return Config(
        kind,
        steps=int(rng.integers(2, 6)),
        batch=int(rng.integers(1, 5)),
        features=int(rng.integers(1, 5)),
        hidden=int(rng.integers(1, 5)),
        num_layers=int(rng.integers(1, 4)),
        bidirectional=bool(rng.integers(2)),
        batch_first=bool(rng.integers(2)),
        ragged=[False, True, "short"][seed % 3],
        given_state=bool(rng.integers(2)),
        bias=seed % 4 != 3,
        seed=seed,
        dtype=dtype,
    )


# --- 1. finite differences ------------------------------------------------------------------
GRADCHECK_CONFIGS = [
    dict(steps=3, batch=2, features=2, hidden=3),
    dict(
        steps=4,
        batch=3,
        features=2,
        hidden=2,
        num_layers=2,
        bidirectional=True,
        batch_first=True,
        ragged=True,
        seed=1,
    ),
    dict(
        steps=3,
        batch=3,
        features=1,
        hidden=2,
        bidirectional=True,
        ragged=True,
        given_state=False,
        bias=False,
        seed=2,
    ),
]


@pytest.mark.parametrize("settings", GRADCHECK_CONFIGS, ids=["plain", "deep_bi_ragged", "nobias"])
@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_layer_gradients_match_finite_differences(kind, settings):
    config = Config(kind, **settings)
    layer = config.layer()
    inputs = [rk_leaf(a) for a in config.arrays() if a is not None]
    states = len(inputs)
    gradcheck(lambda *t: config.run(layer, *t[:states]), inputs + layer.parameters())


# --- 2. fused == unrolled --------------------------------------------------------------------
@pytest.mark.parametrize("batch_first", [False, True], ids=["time_major", "batch_first"])
@pytest.mark.parametrize("ragged", [False, True], ids=["full", "ragged"])
@pytest.mark.parametrize("bidirectional", [False, True], ids=["uni", "bi"])
@pytest.mark.parametrize("num_layers", [1, 2])
@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_fused_layer_equals_the_unrolled_graph(
    kind, num_layers, bidirectional, ragged, batch_first
):
    seed = num_layers * 8 + bidirectional * 4 + ragged * 2 + batch_first
    config = Config(
        kind,
        steps=4,
        batch=3,
        features=3,
        hidden=3,
        num_layers=num_layers,
        bidirectional=bidirectional,
        ragged=ragged,
        batch_first=batch_first,
        given_state=seed % 3 != 0,
        seed=seed,
    )
    layer = config.layer()
    results = []
    for unrolled in (False, True):
        inputs = [None if a is None else rk_leaf(a) for a in config.arrays()]
        layer.zero_grad()
        outs = config.run(layer, *inputs, unrolled=unrolled)
        rng = np.random.default_rng(seed)
        loss = sum(
            ((o * rng.standard_normal(o.shape)).sum() for o in outs[1:]),
            (outs[0] * rng.standard_normal(outs[0].shape)).sum(),
        )
        loss.backward()
        grads = [t.grad for t in inputs if t is not None]
        grads += [p.grad for p in layer.parameters()]
        results.append(([o.numpy() for o in outs], grads))
    (fused_outs, fused_grads), (unrolled_outs, unrolled_grads) = results
    for k, (a, b) in enumerate(zip(fused_outs, unrolled_outs)):
        assert_close(a, b, 1e-12, f"output {k}")
    names = ["x", "h0", "c0"][: len(fused_grads) - len(layer.parameters())]
    names += [name for name, _ in layer.named_parameters()]
    for name, a, b in zip(names, fused_grads, unrolled_grads):
        assert_close(a, b, 1e-12, f"gradient of {name}")


@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_fused_layer_equals_the_unrolled_graph_with_dropout_between_layers(kind):
    config = Config(kind, steps=3, batch=2, features=2, hidden=3, num_layers=3, seed=5)
    layer = LAYERS[kind](2, 3, num_layers=3, dropout=0.5).double()
    outs = []
    for unrolled in (False, True):
        rk.manual_seed(11)  # the same dropout masks in both runs
        outs.append(config.run(layer, rk_leaf(config.x), unrolled=unrolled))
    for a, b in zip(*outs):
        assert_close(a, b, 1e-12)
    layer.eval()
    evaluated = config.run(layer, rk_leaf(config.x))
    assert rel_difference(evaluated[0], outs[0][0]) > 1e-3  # dropout acted while training


def rel_difference(a, b):
    return np.linalg.norm(a.numpy() - b.numpy()) / np.linalg.norm(b.numpy())


# --- 3. PyTorch parity --------------------------------------------------------------------------
def check_against_torch(config, dtype, tol):
    torch.manual_seed(config.seed)
    theirs = TORCH_LAYERS[config.kind](*config.sizes, **config.kwargs).to(
        torch.float64 if dtype == np.float64 else torch.float32
    )
    ours = config.layer().load_state_dict(theirs.state_dict())  # adopts torch's dtype
    assert ours.weight_ih_l0.dtype == dtype
    compare_module_with_torch(
        ours, theirs, config.run, config.run_torch, config.arrays(), tol=tol, seed=config.seed
    )


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("kind", sorted(TORCH_LAYERS))
def test_layer_matches_torch_float64(kind, seed):
    check_against_torch(random_config(kind, seed), np.float64, 1e-10)


@pytest.mark.parametrize("kind", sorted(TORCH_LAYERS))
def test_layer_matches_torch_for_a_long_sequence(kind):
    config = Config(
        kind,
        steps=40,
        batch=3,
        features=4,
        hidden=5,
        num_layers=2,
        bidirectional=True,
        ragged=True,
        seed=3,
    )
    check_against_torch(config, np.float64, 1e-10)


@pytest.mark.parametrize("kind", sorted(TORCH_LAYERS))
def test_layer_matches_torch_float32_and_stays_float32(kind):
    # compare_module_with_torch also asserts that every output and gradient is float32.
    config = Config(
        kind,
        steps=5,
        batch=3,
        features=3,
        hidden=4,
        num_layers=2,
        bidirectional=True,
        ragged=True,
        seed=4,
        dtype=np.float32,
    )
    check_against_torch(config, np.float32, 1e-5)


@pytest.mark.parametrize("kind", sorted(LAYERS))
def test_float32_inputs_give_float32_outputs_and_gradients(kind):
    config = Config(
        kind,
        steps=3,
        batch=2,
        features=2,
        hidden=3,
        num_layers=2,
        bidirectional=True,
        ragged=True,
        seed=6,
        dtype=np.float32,
    )
    layer = config.layer(np.float32)
    for unrolled in (False, True):
        layer.zero_grad()
        inputs = [rk_leaf(a) for a in config.arrays()]
        outs = config.run(layer, *inputs, unrolled=unrolled)
        assert all(o.dtype == np.float32 for o in outs)
        total = outs[0].sum()
        for o in outs[1:]:
            total = total + (o * 0.5).sum()
        total.backward()
        for t in inputs + layer.parameters():
            assert t.grad.dtype == np.float32


# --- 4. bad input ----------------------------------------------------------------------------
def bad_input_layer(kind="gru", **kwargs):
    rk.manual_seed(0)
    return LAYERS[kind](3, 4, **kwargs).double()


def x_of(*shape, dtype=np.float64):
    return rk.Tensor(np.zeros(shape, dtype=dtype))


@pytest.mark.parametrize(
    "kwargs, x, message",
    [
        (
            {},
            x_of(5, 2, 2),
            r"x must have shape \(T, B, input_size\) with input_size=3, "
            r"got \(5, 2, 2\)",
        ),
        ({}, x_of(5), r"x must have shape \(T, B, input_size\) with input_size=3, got \(5,\)"),
        (
            {"batch_first": True},
            x_of(2, 5, 4),
            r"x must have shape \(B, T, input_size\) with input_size=3, got \(2, 5, 4\)",
        ),
        ({}, x_of(5, 2, 3, dtype=np.float32), "x has dtype float32 but the weights are float64"),
    ],
)
def test_bad_x_is_refused(kwargs, x, message):
    with pytest.raises(ValueError, match=message):
        bad_input_layer(**kwargs)(x)


def test_x_that_is_neither_a_tensor_nor_a_float_array_is_refused():
    # A NumPy float array is taken as torch takes a tensor (tests/test_user_habits.py).
    for x, kind in ((np.zeros((5, 2, 3), dtype=np.int64), "ndarray"), ([[0.0] * 3], "list")):
        with pytest.raises(
            TypeError, match=f"x must be a rnnkit Tensor or a NumPy float array, got {kind}"
        ):
            bad_input_layer()(x)


@pytest.mark.parametrize(
    "lengths, message",
    [
        ([0, 3], r"lengths must be in \[1, 5\] \(the sequence length\), got values from 0 to 3"),
        ([6, 3], r"lengths must be in \[1, 5\] \(the sequence length\), got values from 3 to 6"),
        ([5, 3, 1], r"lengths must be 2 integers \(one per sequence\), got shape \(3,\)"),
        (
            [2.0, 3.0],
            r"lengths must be 2 integers \(one per sequence\), got shape \(2,\) "
            "dtype float64",
        ),
    ],
)
def test_bad_lengths_are_refused(lengths, message):
    with pytest.raises(ValueError, match=message):
        bad_input_layer()(x_of(5, 2, 3), lengths=lengths)


@pytest.mark.parametrize(
    "kind, kwargs, h0, message",
    [
        ("gru", {}, x_of(2, 4), r"h0 must have shape \(1, 2, 4\), got \(2, 4\)"),
        (
            "rnn_tanh",
            {"num_layers": 2, "bidirectional": True},
            x_of(2, 2, 4),
            r"h0 must have shape \(4, 2, 4\), got \(2, 2, 4\)",
        ),
        ("gru", {}, (x_of(1, 2, 4),), r"h0 must be a Tensor of shape \(1, 2, 4\), got a tuple"),
        (
            "gru",
            {},
            x_of(1, 2, 4, dtype=np.float32),
            "h0 has dtype float32 but x and the weights are float64",
        ),
        (
            "lstm",
            {},
            x_of(1, 2, 4),
            r"LSTM takes its initial state as a pair \(h0, c0\), got a Tensor of shape \(1, 2, 4\)",
        ),
        (
            "lstm",
            {"num_layers": 2},
            x_of(2, 2, 4),
            r"LSTM takes its initial state as a pair \(h0, c0\), got a Tensor of shape \(2, 2, 4\)",
        ),
        (
            "lstm",
            {},
            (x_of(1, 2, 4),) * 3,
            r"LSTM takes its initial state as a pair \(h0, c0\), got a tuple of length 3",
        ),
        (
            "lstm",
            {},
            (x_of(1, 2, 4), x_of(1, 3, 4)),
            r"c0 must have shape \(1, 2, 4\), got \(1, 3, 4\)",
        ),
        ("lstm", {}, (x_of(1, 2, 4), None), r"c0 must be a Tensor of shape \(1, 2, 4\), got None"),
    ],
)
def test_bad_initial_state_is_refused(kind, kwargs, h0, message):
    with pytest.raises(ValueError, match=message):
        bad_input_layer(kind, **kwargs)(x_of(5, 2, 3), h0)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"hidden_size": 0}, "hidden_size must be a positive integer, got 0"),
        ({"num_layers": 1.5}, "num_layers must be a positive integer, got 1.5"),
        ({"dropout": 1.0}, r"dropout must be in \[0, 1\), got 1.0"),
    ],
)
def test_bad_constructor_arguments_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.GRU(**{"input_size": 3, "hidden_size": 4, **kwargs})
    with pytest.raises(ValueError, match="nonlinearity must be 'tanh' or 'relu', got 'gelu'"):
        nn.RNN(3, 4, nonlinearity="gelu")


# --- 5. the graph node's edges ------------------------------------------------------------
@pytest.mark.parametrize(
    "kind, used",
    [("gru", "out"), ("gru", "h_n"), ("lstm", "out"), ("lstm", "h_n"), ("lstm", "c_n")],
)
def test_a_loss_on_one_output_alone_gives_the_unrolled_gradients(kind, used):
    config = Config(
        kind,
        steps=3,
        batch=2,
        features=2,
        hidden=2,
        num_layers=2,
        bidirectional=True,
        ragged=True,
        seed=9,
    )
    layer = config.layer()
    grads = []
    for unrolled in (False, True):
        layer.zero_grad()
        x = rk_leaf(config.x)
        outs = dict(zip(["out", "h_n", "c_n"], config.run(layer, x, unrolled=unrolled)))
        (outs[used] * outs[used]).sum().backward()
        grads.append([x.grad] + [p.grad for p in layer.parameters()])
    for a, b in zip(*grads):
        assert_close(a, b, 1e-12)


def test_backward_twice_through_a_fused_layer_is_refused_not_wrong():
    config = Config("lstm", steps=3, batch=2, features=2, hidden=2, seed=1)
    out, (h_n, _) = config.layer()(rk_leaf(config.x))
    loss = out.sum() + h_n.sum()
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="backward twice through a recurrent layer"):
        loss.backward()

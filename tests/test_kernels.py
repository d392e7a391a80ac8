"""The two kernel paths agree in float32 (numba's fused gate loops use an approximate tanh),
and the inference path (nothing kept for backward, projection in chunks) gives the same
outputs as the training path."""

import numpy as np
import pytest

import rnnkit as rk
from rnnkit import nn
from rnnkit.kernels import fused
from rnnkit.kernels.common import ChunkedProjection, input_projection

KINDS = {
    "rnn": nn.RNN,
    "sgru": nn.SimplifiedGRU,
    "gru": nn.GRU,
    "lstm": nn.LSTM,
    "gru_reset_before": lambda *a, **k: nn.GRU(*a, reset_after=False, **k),
}


def run(layer, x, lengths, fused_enabled, monkeypatch, grad=True):
    monkeypatch.setattr(fused, "ENABLED", fused_enabled)
    xt = rk.tensor(x, requires_grad=grad)
    layer.zero_grad()
    if not grad:
        with rk.no_grad():
            out, _ = layer(xt, lengths=lengths)
        return out.data, None
    out, _ = layer(xt, lengths=lengths)
    weights = np.linspace(-1, 1, out.size, dtype=np.float32).reshape(out.shape)
    (out * rk.tensor(weights)).sum().backward()
    return out.data, [xt.grad] + [p.grad for p in layer.parameters()]


def rel(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-30)


@pytest.mark.parametrize("kind", KINDS)
def test_float32_fused_and_numpy_paths_agree(kind, monkeypatch):
    rk.manual_seed(3)
    layer = KINDS[kind](8, 16, num_layers=2, bidirectional=True)
    x = np.random.default_rng(0).standard_normal((9, 5, 8)).astype(np.float32)
    lengths = np.array([9, 4, 7, 1, 9])
    out_fused, grads_fused = run(layer, x, lengths, True, monkeypatch)
    out_numpy, grads_numpy = run(layer, x, lengths, False, monkeypatch)
    assert out_fused.dtype == np.float32
    assert rel(out_fused, out_numpy) < 1e-5
    for g_fused, g_numpy in zip(grads_fused, grads_numpy):
        assert g_fused.dtype == np.float32 and rel(g_fused, g_numpy) < 1e-5


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fused_enabled", [True, False])
def test_inference_path_matches_training_forward(kind, fused_enabled, monkeypatch):
    rk.manual_seed(4)
    layer = KINDS[kind](8, 16, num_layers=2, bidirectional=True)
    x = np.random.default_rng(1).standard_normal((40, 3, 8)).astype(np.float32)
    lengths = np.array([40, 13, 27])
    trained, _ = run(layer, x, lengths, fused_enabled, monkeypatch)
    inferred, _ = run(layer, x, lengths, fused_enabled, monkeypatch, grad=False)
    assert rel(inferred, trained) < 1e-6


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("max_elements, min_rows", [(1, 1), (100, 1), (1, 9), (1 << 18, 256)])
def test_chunked_projection_equals_the_all_steps_product(reverse, max_elements, min_rows):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((11, 4, 6))
    w_ih, bias = rng.standard_normal((12, 6)), rng.standard_normal(12)
    full = input_projection(np, x, w_ih, bias)
    chunked = ChunkedProjection(
        np, x, w_ih, bias, reverse, hidden=3, max_elements=max_elements, min_rows=min_rows
    )
    assert chunked.chunk <= 11 * 3 // 12  # never more of the projection than the output
    order = range(10, -1, -1) if reverse else range(11)
    for t in order:
        np.testing.assert_allclose(chunked[t], full[t], rtol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_additive_scores_without_a_backward_equal_the_kept_pass(dtype):
    # Inference (search) computes Bahdanau's scores without keeping tanh(pq + K).
    from rnnkit.kernels.attention_scores import additive_numba, additive_scores_numba

    rng = np.random.default_rng(5)
    rows, beam, length, size = 3, 2, 7, 9
    pq = rng.standard_normal((rows, beam, size)).astype(dtype)
    keys = rng.standard_normal((rows, length, size)).astype(dtype)
    v = rng.standard_normal(size).astype(dtype)
    kept, alone = np.empty((rows, beam, length), dtype), np.empty((rows, beam, length), dtype)
    additive_numba(pq, keys, v, np.empty((rows, beam, length, size), dtype), kept)
    additive_scores_numba(pq, keys, v, alone)
    expected = (np.tanh(pq[:, :, None, :].astype(np.float64) + keys[:, None]) @ v).astype(dtype)
    np.testing.assert_allclose(alone, kept, rtol=1e-5 if dtype == np.float32 else 1e-13)
    np.testing.assert_allclose(alone, expected, rtol=1e-5 if dtype == np.float32 else 1e-12)

"""cross_entropy and binary_cross_entropy against torch.nn.functional (values and
gradients) and against finite differences."""

import numpy as np
import pytest
import torch
import torch.nn.functional as TF
from helpers import compare_with_torch, rk_leaf

import rnnkit as rk
from rnnkit.testing import gradcheck

rng = np.random.default_rng(99)


def targets_with_ignored(shape, classes, ignore_index):
    targets = rng.integers(0, classes, size=shape)
    targets[rng.random(shape) < 0.3] = ignore_index
    targets.flat[0] = 1 if ignore_index != 1 else 2  # at least one counted position
    return targets


# (logits shape, ignore_index or None, label_smoothing)
CE_CONFIGS = [
    ((5, 4), None, 0.0),
    ((5, 4), -100, 0.0),
    ((2, 3, 5), -100, 0.0),
    ((2, 3, 5), 0, 0.0),  # a real class id used as padding, as the translator does
    ((6, 3), None, 0.1),
    ((2, 4, 3), -100, 0.2),
    ((3, 2, 4), 2, 0.05),
]


def ce_case(shape, ignore_index, smoothing, reduction):
    classes = shape[-1]
    kwargs = {} if ignore_index is None else {"ignore_index": ignore_index}
    targets = (
        rng.integers(0, classes, size=shape[:-1])
        if ignore_index is None
        else targets_with_ignored(shape[:-1], classes, ignore_index)
    )

    def ours(logits):
        return rk.cross_entropy(
            logits, targets, reduction=reduction, label_smoothing=smoothing, **kwargs
        )

    def theirs(logits):
        loss = TF.cross_entropy(
            logits.reshape(-1, classes),
            torch.tensor(targets.reshape(-1)),
            reduction=reduction,
            label_smoothing=smoothing,
            **kwargs,
        )
        return loss.reshape(shape[:-1]) if reduction == "none" else loss

    return ours, theirs, [2 * rng.standard_normal(shape)]


@pytest.mark.parametrize("reduction", ["sum", "mean", "none"])
@pytest.mark.parametrize("config", CE_CONFIGS, ids=str)
def test_cross_entropy_matches_torch(config, reduction):
    ours, theirs, arrays = ce_case(*config, reduction)
    compare_with_torch(ours, theirs, arrays, tol=1e-13)


@pytest.mark.parametrize("reduction", ["sum", "mean", "none"])
@pytest.mark.parametrize("config", CE_CONFIGS, ids=str)
def test_cross_entropy_gradient_matches_finite_differences(config, reduction):
    ours, _, arrays = ce_case(*config, reduction)
    gradcheck(ours, [rk_leaf(a) for a in arrays])


def test_cross_entropy_default_is_the_lectures_sum_over_steps():
    logits, targets = rng.standard_normal((3, 4, 5)), rng.integers(0, 5, size=(3, 4))
    ours = rk.cross_entropy(rk_leaf(logits), targets).item()
    logp = TF.log_softmax(torch.tensor(logits), -1)
    per_step = -logp.gather(-1, torch.tensor(targets)[..., None])
    np.testing.assert_allclose(ours, per_step.sum().item(), rtol=1e-13)


def test_cross_entropy_float32_stays_float32():
    logits = rk.Tensor(rng.standard_normal((4, 3)).astype(np.float32), requires_grad=True)
    loss = rk.cross_entropy(
        logits, np.array([0, 1, 2, -100]), reduction="mean", label_smoothing=0.1
    )
    loss.backward()
    assert loss.dtype == np.float32 and logits.grad.dtype == np.float32


def test_cross_entropy_rejects_bad_arguments():
    logits = rk_leaf(rng.standard_normal((4, 3)))
    with pytest.raises(ValueError, match=r"targets has shape \(3,\), expected \(4,\)"):
        rk.cross_entropy(logits, np.array([0, 1, 2]))
    with pytest.raises(ValueError, match="reduction must be one of .* got 'avg'"):
        rk.cross_entropy(logits, np.array([0, 1, 2, 0]), reduction="avg")


def bce_case(shape, reduction):
    targets = rng.random(shape)
    targets[rng.random(shape) < 0.5] = 1.0  # hard and soft targets both

    def ours(probs):
        return rk.binary_cross_entropy(probs, targets, reduction=reduction)

    def theirs(probs):
        return TF.binary_cross_entropy(probs, torch.tensor(targets), reduction=reduction)

    return ours, theirs, [0.05 + 0.9 * rng.random(shape)]


BCE_SHAPES = [(5,), (2, 3), (2, 3, 2)]


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("shape", BCE_SHAPES, ids=str)
def test_binary_cross_entropy_matches_torch(shape, reduction):
    ours, theirs, arrays = bce_case(shape, reduction)
    compare_with_torch(ours, theirs, arrays, tol=1e-13)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("shape", BCE_SHAPES, ids=str)
def test_binary_cross_entropy_gradient_matches_finite_differences(shape, reduction):
    ours, _, arrays = bce_case(shape, reduction)
    gradcheck(ours, [rk_leaf(a) for a in arrays])


def test_binary_cross_entropy_of_saturated_predictions_is_clamped_like_torch():
    probs, targets = np.array([0.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 1.0])
    with np.errstate(divide="ignore"):
        ours = rk.binary_cross_entropy(rk_leaf(probs), targets, reduction="none").numpy()
    theirs = TF.binary_cross_entropy(torch.tensor(probs), torch.tensor(targets), reduction="none")
    np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-15)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("smoothing", [0.0, 0.1])
@pytest.mark.parametrize("with_bias", [True, False])
def test_linear_cross_entropy_is_cross_entropy_of_the_linear_layer(threads, smoothing, with_bias):
    """The fused output layer + loss against the two primitives it replaces: value, the plain
    NLL, and every gradient (float64), with padding rows that must get zero gradient."""
    from rnnkit.core import functions as F
    from rnnkit.core import parallel
    from rnnkit.core.losses import linear_cross_entropy

    rng = np.random.default_rng(7)
    x = rk.tensor(rng.normal(size=(41, 6)), dtype=np.float64, requires_grad=True)
    w = rk.tensor(rng.normal(size=(13, 6)), dtype=np.float64, requires_grad=True)
    b = rk.tensor(rng.normal(size=13), dtype=np.float64, requires_grad=True) if with_bias else None
    targets = rng.integers(1, 13, 41)
    targets[::4] = 0  # ignored
    parallel.set_num_threads(threads)
    try:
        loss, nll = linear_cross_entropy(x, w, b, targets, 0, smoothing)
        (loss * 2.0).backward()
    finally:
        parallel.set_num_threads(1)
    fused = [t.grad.copy() for t in (x, w, b) if t is not None]
    for t in (x, w, b):
        if t is not None:
            t.grad = None
    logits = F.matmul(x, w.T) + b if with_bias else F.matmul(x, w.T)
    reference = rk.cross_entropy(
        logits, targets, ignore_index=0, reduction="sum", label_smoothing=smoothing
    )
    (reference * 2.0).backward()
    plain = rk.cross_entropy(logits, targets, ignore_index=0, reduction="sum").item()
    assert loss.item() == pytest.approx(reference.item(), rel=1e-12)
    assert nll == pytest.approx(plain, rel=1e-12)
    for got, t in zip(fused, [t for t in (x, w, b) if t is not None]):
        np.testing.assert_allclose(got, t.grad, rtol=1e-10, atol=1e-13)
    assert not fused[0][::4].any()  # padding rows get no gradient

"""Losses. The lecture's sequence loss is the sum over time steps of the per-step
cross-entropy against the one-hot target; padding steps (ignore_index) add nothing."""

from rnnkit.core.backend import array_module
from rnnkit.core.functions import as_tensor, log_softmax_array
from rnnkit.core.tensor import accumulate, make_result

REDUCTIONS = ("sum", "mean", "none")


def _check_reduction(reduction):
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")


def cross_entropy(logits, targets, ignore_index=-100, reduction="sum", label_smoothing=0.0):
    """Softmax cross-entropy, fused (the gradient is softmax - target).

    logits: (..., C); targets: integer array (...); positions whose target is `ignore_index`
    add nothing. reduction 'sum' (the lecture's summed loss), 'mean' (over the counted
    positions, as PyTorch) or 'none' (shape (...)). `label_smoothing` eps mixes the one-hot
    target with the uniform distribution: (1 - eps) * one_hot + eps / C.
    """
    _check_reduction(reduction)
    xp = array_module(logits.data)
    targets = xp.asarray(getattr(targets, "data", targets))
    if targets.shape != logits.shape[:-1]:
        raise ValueError(f"targets has shape {targets.shape}, expected {logits.shape[:-1]}")
    classes = logits.shape[-1]
    counted = targets != ignore_index
    safe = xp.where(counted, targets, 0)
    logp = log_softmax_array(logits.data)
    picked = xp.take_along_axis(logp, safe[..., None], axis=-1)[..., 0]
    losses = -picked
    if label_smoothing:
        losses = (1 - label_smoothing) * losses - label_smoothing * logp.mean(axis=-1)
    losses = losses * counted
    n = max(int(counted.sum()), 1)
    value = {"sum": losses.sum(), "mean": losses.sum() / n, "none": losses}[reduction]

    def backward(g):
        scale = g / n if reduction == "mean" else g
        scale = xp.asarray(scale, dtype=logp.dtype) * counted
        grad = xp.exp(logp)
        target = xp.zeros_like(grad)
        xp.put_along_axis(target, safe[..., None], 1 - label_smoothing, axis=-1)
        grad -= target + label_smoothing / classes
        accumulate(logits, grad * scale[..., None])

    return make_result(xp.asarray(value, dtype=logits.dtype), (logits,), backward)


def binary_cross_entropy(probs, targets, reduction="mean"):
    """The lecture's -y log(y^) - (1 - y) log(1 - y^) on probabilities in (0, 1).

    Logs are clamped at -100, as PyTorch does, so a saturated prediction gives a large
    finite loss rather than inf.
    """
    _check_reduction(reduction)
    targets = as_tensor(targets, like=probs)
    xp = array_module(probs.data)
    p, y = probs.data, targets.data
    log_p = xp.maximum(xp.log(p), -100)
    log_1p = xp.maximum(xp.log1p(-p), -100)
    losses = -(y * log_p + (1 - y) * log_1p)
    n = losses.size
    value = {"sum": losses.sum(), "mean": losses.mean(), "none": losses}[reduction]

    def backward(g):
        scale = g / n if reduction == "mean" else g
        eps = xp.finfo(p.dtype).tiny
        accumulate(probs, scale * (p - y) / xp.maximum(p * (1 - p), eps))

    return make_result(xp.asarray(value, dtype=probs.dtype), (probs,), backward)

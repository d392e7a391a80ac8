"""Losses. The lecture's sequence loss is the sum over time steps of the per-step
cross-entropy against the one-hot target; padding steps (ignore_index) add nothing."""

from functools import partial

from rnnkit.core import parallel
from rnnkit.core.backend import array_module
from rnnkit.core.functions import as_tensor, log_softmax_array
from rnnkit.core.parallel import row_blocks
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


def linear_cross_entropy(
    x, weight, bias, targets, ignore_index=-100, label_smoothing=0.0, classes=None
):
    """cross_entropy(x W^T + b, targets, reduction='sum') with the output layer fused in.

    x: (N, H); weight: (V, H); bias: (V,) or None; targets: (N,) ints. Rows whose target is
    `ignore_index` (padding) are never projected, and the (n, V) logits of the others are the
    one buffer of this node: turned into probabilities in place, then into the gradient
    softmax - target, which the backward multiplies out (dx = d W, dW = d^T x, db = sum d).
    This is the translator's output layer and loss, where most of a step's arithmetic is
    (V in the thousands).

    classes: None (the softmax ranges over all V rows of `weight`), or a sorted (K,) array of
    distinct row indices: the softmax over those K classes alone, as if every other logit
    were -inf (a target language's own tokens, `translator.model.language_vocab`); every counted
    target must be one of them. Only those K rows are multiplied, and only they get a
    gradient (the other rows of dW and db are zero); label smoothing spreads over the K.

    Returns (loss, nll): the summed loss as a scalar Tensor (with label smoothing, the
    smoothed objective) and the plain summed negative log-likelihood as a float.
    """
    xp = array_module(x.data)
    targets = xp.asarray(getattr(targets, "data", targets)).reshape(-1)
    if targets.shape != x.shape[:1]:
        raise ValueError(f"targets has shape {targets.shape}, expected ({x.shape[0]},)")
    rows = xp.flatnonzero(targets != ignore_index)
    picked, inputs = targets[rows], x.data[rows]  # (n,), (n, H)
    weights, biases = weight.data, None if bias is None else bias.data
    if classes is not None:  # the K rows of W and b the softmax ranges over, and local ids
        classes = xp.asarray(classes)
        local = xp.minimum(xp.searchsorted(classes, picked), len(classes) - 1)
        outside = classes[local] != picked
        if outside.any():
            raise ValueError(
                f"target {int(picked[outside][0])} is not among the {len(classes)} classes"
            )
        picked, weights = local, weights[classes]
        biases = None if biases is None else biases[classes]
    n, count = len(rows), weights.shape[0]
    # The (n, V) logits of the counted rows, turned into the gradient of the loss in place;
    # row blocks in parallel threads (core/parallel.py), each with its part of every buffer.
    gradient = xp.empty((n, count), dtype=x.dtype)
    losses, nll = xp.empty(n, dtype=x.dtype), xp.empty(n, dtype=x.dtype)
    eps = label_smoothing

    def forward(block):
        logits = gradient[block]
        xp.matmul(inputs[block], weights.T, out=logits)
        if biases is not None:
            logits += biases
        everyone = xp.arange(len(logits))
        target_logit = logits[everyone, picked[block]]
        mean_logit = logits.mean(axis=1) if eps else 0.0
        top = logits.max(axis=1, keepdims=True)
        logits -= top
        xp.exp(logits, out=logits)
        total = logits.sum(axis=1, keepdims=True)
        log_norm = top[:, 0] + xp.log(total[:, 0])  # log sum_j exp(logit_j), per row
        nll[block] = log_norm - target_logit
        losses[block] = (1 - eps) * nll[block] + eps * (log_norm - mean_logit)
        logits /= total  # softmax
        logits[everyone, picked[block]] -= 1 - eps  # p - (1 - eps) one_hot - eps / V
        if eps:
            logits -= eps / count

    blocks = row_blocks(n)
    parallel.run([partial(forward, block) for block in blocks])
    parents = tuple(t for t in (x, weight, bias) if t is not None)

    def backward(g):
        d = gradient if float(g) == 1.0 else gradient * g.astype(gradient.dtype)
        tasks = []
        if x.requires_grad:
            dx = xp.zeros_like(x.data)
            d_rows = xp.empty_like(inputs)

            def input_block(block):
                xp.matmul(d[block], weights, out=d_rows[block])

            tasks += [partial(input_block, block) for block in blocks]
        if weight.requires_grad:
            d_weight = xp.empty_like(weights)  # (K, H): the rows the softmax ranges over

            def weight_block(block):  # a block of the vocabulary: its rows of dW
                xp.matmul(d[:, block].T, inputs, out=d_weight[block])

            tasks += [partial(weight_block, block) for block in row_blocks(count)]
        if tasks:
            parallel.run(tasks)
        if x.requires_grad:
            dx[rows] = d_rows
            accumulate(x, dx, owned=True)
        if weight.requires_grad:
            accumulate(weight, _all_rows(xp, d_weight, classes, weight.shape), owned=True)
        if bias is not None and bias.requires_grad:
            accumulate(bias, _all_rows(xp, d.sum(axis=0), classes, bias.shape), owned=True)

    value = xp.asarray(losses.sum(), dtype=x.dtype)
    return make_result(value, parents, backward), float(nll.sum())


def _all_rows(xp, rows_gradient, classes, shape):
    """The gradient of a whole weight from that of its rows `classes` (None: all of them)."""
    if classes is None:
        return rows_gradient
    full = xp.zeros(shape, dtype=rows_gradient.dtype)
    full[classes] = rows_gradient
    return full

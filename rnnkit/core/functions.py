"""Differentiable primitives: each computes its forward result and defines, right beside it,
the backward closure that adds the input gradients (micrograd's layout, on arrays).

Only primitives have derivatives; `sub`, `div`, `mean`, `swapaxes`, `masked_fill` are
compositions. An op keeps only what its backward needs (tanh and sigmoid keep their
output y, since the derivative comes from y).
"""

from functools import partial

import numpy

from rnnkit.core import parallel
from rnnkit.core.backend import array_module, scatter_add
from rnnkit.core.random import generator
from rnnkit.core.tensor import Tensor, accumulate, make_result


def as_tensor(value, like=None):
    """A Tensor for `value`; constants take the dtype of `like` so float32 stays float32."""
    if isinstance(value, Tensor):
        return value
    if like is not None:
        return Tensor(array_module(like.data).asarray(value, dtype=like.dtype))
    return Tensor(value)


def _pair(a, b):
    a = as_tensor(a, like=b if isinstance(b, Tensor) else None)
    return a, as_tensor(b, like=a)


def unbroadcast(grad, shape):
    """Sum `grad` over the axes that broadcasting added or stretched to reach `shape`."""
    if grad.shape == shape:
        return grad
    grad = grad.sum(axis=tuple(range(grad.ndim - len(shape)))) if grad.ndim > len(shape) else grad
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


# --- arithmetic -------------------------------------------------------------------------
def add(a, b):
    a, b = _pair(a, b)

    def backward(g):
        accumulate(a, unbroadcast(g, a.shape))
        accumulate(b, unbroadcast(g, b.shape))

    return make_result(a.data + b.data, (a, b), backward)


def mul(a, b):
    a, b = _pair(a, b)

    def backward(g):
        if a.requires_grad:
            accumulate(a, unbroadcast(g * b.data, a.shape))
        if b.requires_grad:
            accumulate(b, unbroadcast(g * a.data, b.shape))

    return make_result(a.data * b.data, (a, b), backward)


def power(a, exponent):
    """a ** exponent for a constant (Python number) exponent."""

    def backward(g):
        accumulate(a, g * exponent * a.data ** (exponent - 1))

    return make_result(a.data**exponent, (a,), backward)


def neg(a):
    return mul(a, -1.0)


def sub(a, b):
    a, b = _pair(a, b)
    return add(a, neg(b))


def div(a, b):
    a, b = _pair(a, b)
    return mul(a, power(b, -1.0))


def matmul(a, b):
    """Matrix product with NumPy's broadcasting over leading (batch) axes."""
    a, b = _pair(a, b)
    xp = array_module(a.data)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul needs arrays of at least one dimension; use mul for scalars")

    def backward(g):
        # Promote 1-D operands as NumPy does, differentiate, then drop the added axes.
        a2 = a.data[None, :] if a.ndim == 1 else a.data
        b2 = b.data[:, None] if b.ndim == 1 else b.data
        g2 = g
        if b.ndim == 1:  # first, so that vector @ vector (a 0-d g) becomes (1, 1)
            g2 = xp.expand_dims(g2, -1)
        if a.ndim == 1:
            g2 = xp.expand_dims(g2, -2)
        if a.requires_grad:
            ga = unbroadcast(g2 @ xp.swapaxes(b2, -1, -2), a2.shape)
            accumulate(a, ga.reshape(a.shape))
        if b.requires_grad:
            if b2.ndim == 2 and a2.ndim > 2:  # (..., K) @ (K, N), e.g. Linear over (T, B, K):
                # one (K, N) product over all leading positions, not a batch of them summed
                gb = a2.reshape(-1, a2.shape[-1]).T @ g2.reshape(-1, g2.shape[-1])
            else:
                gb = unbroadcast(xp.swapaxes(a2, -1, -2) @ g2, b2.shape)
            accumulate(b, gb.reshape(b.shape))

    return make_result(_product(a.data, b.data), (a, b), backward)


# Below this many multiply-adds a product is not worth handing to a second thread.
PARALLEL_PRODUCT = 1 << 24


def _product(x, y):
    """x @ y; a large 2-D product of NumPy arrays in row blocks on the threads
    (rnnkit.core.parallel), each block one single-threaded BLAS call (the search's output
    layer, (beams, H) @ (H, V), is most of a decoding step)."""
    rows = x.shape[0] if x.ndim == 2 else 0
    if (
        y.ndim != 2
        or rows < 2 * parallel.MIN_ROWS
        or rows * x.shape[1] * y.shape[1] < PARALLEL_PRODUCT
        or parallel.get_num_threads() == 1
        or type(x) is not numpy.ndarray
        or type(y) is not numpy.ndarray
    ):
        return x @ y
    out = numpy.empty((rows, y.shape[1]), dtype=numpy.result_type(x, y))
    blocks = parallel.row_blocks(rows)
    parallel.run([partial(numpy.matmul, x[block], y, out=out[block]) for block in blocks])
    return out


# --- reductions ---------------------------------------------------------------------------
def _normalize_axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    axes = axis if isinstance(axis, tuple) else (axis,)
    return tuple(sorted(ax % ndim for ax in axes))


def sum(a, axis=None, keepdims=False):
    axes = _normalize_axes(axis, a.ndim)
    xp = array_module(a.data)

    def backward(g):
        if not keepdims:
            g = g.reshape([1 if i in axes else n for i, n in enumerate(a.shape)])
        accumulate(a, xp.broadcast_to(g, a.shape).copy())

    return make_result(a.data.sum(axis=axes, keepdims=keepdims), (a,), backward)


def mean(a, axis=None, keepdims=False):
    count = 1
    for ax in _normalize_axes(axis, a.ndim):
        count *= a.shape[ax]
    return mul(sum(a, axis, keepdims), 1.0 / count)


# --- shapes ----------------------------------------------------------------------------------
def reshape(a, shape):
    def backward(g):
        accumulate(a, g.reshape(a.shape))

    return make_result(a.data.reshape(shape), (a,), backward)


def transpose(a, axes=None):
    """Permute axes (reverse them when `axes` is None), as numpy.transpose."""
    xp = array_module(a.data)
    axes = tuple(reversed(range(a.ndim))) if axes is None else tuple(ax % a.ndim for ax in axes)
    inverse = tuple(sorted(range(len(axes)), key=axes.__getitem__))

    def backward(g):
        accumulate(a, xp.transpose(g, inverse))

    return make_result(xp.transpose(a.data, axes), (a,), backward)


def swapaxes(a, axis1, axis2):
    axes = list(range(a.ndim))
    axes[axis1], axes[axis2] = axes[axis2], axes[axis1]
    return transpose(a, axes)


def _is_basic_index(index):
    parts = index if isinstance(index, tuple) else (index,)
    return all(p is None or p is Ellipsis or isinstance(p, (int, slice)) for p in parts)


def getitem(a, index):
    """a[index] for basic slicing and integer-array (advanced) indexing."""
    xp = array_module(a.data)
    if isinstance(index, Tensor):
        index = index.data
    basic = _is_basic_index(index)

    def backward(g):
        full = xp.zeros_like(a.data)
        if basic:
            full[index] = g
        else:  # repeated indices must add up
            scatter_add(xp, full, index, g)
        accumulate(a, full)

    return make_result(a.data[index], (a,), backward)


def unstack(a, axis=0):
    """The slices of `a` along `axis` as separate tensors (torch.unbind).

    Slicing a (T, B, E) sequence step by step with a[t] would allocate a full (T, B, E)
    gradient for every step; here all slices write their gradients into one shared buffer.
    """
    xp = array_module(a.data)
    axis = axis % a.ndim
    whole = make_result(a.data, (a,), lambda g: accumulate(a, g))  # gathers the slices' grads

    def piece(i):
        def backward(g):
            if whole.grad is None:
                whole.grad = xp.zeros_like(a.data)
            whole.grad[(slice(None),) * axis + (i,)] += g

        return make_result(xp.take(a.data, i, axis=axis), (whole,), backward)

    return [piece(i) for i in range(a.shape[axis])]


def concat(tensors, axis=0):
    tensors = [as_tensor(t) for t in tensors]
    xp = array_module(tensors[0].data)
    axis = axis % tensors[0].ndim
    bounds, total = [], 0
    for t in tensors:
        bounds.append((total, total + t.shape[axis]))
        total += t.shape[axis]

    def backward(g):
        for t, (start, stop) in zip(tensors, bounds):
            if t.requires_grad:
                accumulate(t, g[(slice(None),) * axis + (slice(start, stop),)])

    data = xp.concatenate([t.data for t in tensors], axis=axis)
    return make_result(data, tuple(tensors), backward)


def stack(tensors, axis=0):
    tensors = [as_tensor(t) for t in tensors]
    xp = array_module(tensors[0].data)
    axis = axis % (tensors[0].ndim + 1)

    def backward(g):
        for i, t in enumerate(tensors):
            if t.requires_grad:
                accumulate(t, xp.take(g, i, axis=axis))

    return make_result(xp.stack([t.data for t in tensors], axis=axis), tuple(tensors), backward)


# --- elementwise nonlinearities ------------------------------------------------------------
def exp(a):
    y = array_module(a.data).exp(a.data)

    def backward(g):
        accumulate(a, g * y)

    return make_result(y, (a,), backward)


def log(a):
    def backward(g):
        accumulate(a, g / a.data)

    return make_result(array_module(a.data).log(a.data), (a,), backward)


def tanh(a):
    y = array_module(a.data).tanh(a.data)

    def backward(g):
        accumulate(a, g * (1 - y * y))

    return make_result(y, (a,), backward)


def sigmoid_array(x):
    """The logistic function on an array, without overflow warnings for large |x|."""
    xp = array_module(x)
    return 0.5 * xp.tanh(0.5 * x) + 0.5


def sigmoid(a):
    y = sigmoid_array(a.data)

    def backward(g):
        accumulate(a, g * y * (1 - y))

    return make_result(y, (a,), backward)


def relu(a):
    positive = a.data > 0

    def backward(g):
        accumulate(a, g * positive)

    return make_result(a.data * positive, (a,), backward)


def softmax_array(x, axis=-1):
    xp = array_module(x)
    e = xp.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def softmax(a, axis=-1):
    y = softmax_array(a.data, axis)

    def backward(g):
        accumulate(a, y * (g - (g * y).sum(axis=axis, keepdims=True)))

    return make_result(y, (a,), backward)


def log_softmax_array(x, axis=-1):
    xp = array_module(x)
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - xp.log(xp.exp(shifted).sum(axis=axis, keepdims=True))


def log_softmax(a, axis=-1):
    y = log_softmax_array(a.data, axis)
    xp = array_module(y)

    def backward(g):
        accumulate(a, g - xp.exp(y) * g.sum(axis=axis, keepdims=True))

    return make_result(y, (a,), backward)


# --- selection and masks ---------------------------------------------------------------------
def where(condition, a, b):
    """condition ? a : b elementwise; `condition` is a boolean array (no gradient)."""
    a, b = _pair(a, b)
    xp = array_module(a.data)
    condition = condition.data if isinstance(condition, Tensor) else xp.asarray(condition)

    def backward(g):
        if a.requires_grad:
            accumulate(a, unbroadcast(xp.where(condition, g, 0), a.shape))
        if b.requires_grad:
            accumulate(b, unbroadcast(xp.where(condition, 0, g), b.shape))

    return make_result(xp.where(condition, a.data, b.data), (a, b), backward)


def masked_fill(a, mask, value):
    """a with `value` where `mask` is True (attention: -inf at padded source positions)."""
    return where(mask, as_tensor(value, like=a), a)


def embedding(indices, weight, padding_idx=None):
    """weight[indices]: the cheap equivalent of multiplying one-hot vectors by `weight`.

    indices: integer array of any shape (...); weight: (V, D); result: (..., D). The backward
    scatter-adds rows, so a word used twice gets both gradients; `padding_idx` gets none.
    """
    xp = array_module(weight.data)
    indices = indices.data if isinstance(indices, Tensor) else xp.asarray(indices)

    def backward(g):
        grad = xp.zeros_like(weight.data)
        scatter_add(xp, grad, indices.reshape(-1), g.reshape(-1, weight.shape[1]))
        if padding_idx is not None:
            grad[padding_idx] = 0
        accumulate(weight, grad)

    return make_result(weight.data[indices], (weight,), backward)


def dropout(a, p, training=True, rng=None):
    """Inverted dropout: zero each element with probability p, scale the rest by 1/(1-p)."""
    if not training or p == 0:
        return a
    if not 0 <= p < 1:
        raise ValueError(f"dropout probability must be in [0, 1), got {p}")
    xp = array_module(a.data)
    rng = rng if rng is not None else generator()
    keep = rng.random(a.shape) >= p
    scale = xp.asarray(keep, dtype=a.dtype) / a.dtype.type(1 - p)
    return mul(a, Tensor(scale))


# --- a Tensor's operators and array methods: the primitives above --------------------------
def _reflected(op):
    """Python's reflected operator: 2 - t calls t.__rsub__(2), which is sub(2, t)."""
    return lambda a, b: op(b, a)


def _reshape_method(a, *shape):
    """t.reshape(2, 3) or t.reshape((2, 3)), as NumPy."""
    return reshape(a, shape[0] if len(shape) == 1 else shape)


def _transpose_method(a, *axes):
    """t.transpose() reverses the axes; t.transpose(1, 0, 2) permutes them, as NumPy."""
    return transpose(a, axes or None)


def _set_tensor_methods():
    methods = {
        "__add__": add,
        "__radd__": _reflected(add),
        "__sub__": sub,
        "__rsub__": _reflected(sub),
        "__mul__": mul,
        "__rmul__": _reflected(mul),
        "__truediv__": div,
        "__rtruediv__": _reflected(div),
        "__neg__": neg,
        "__pow__": power,
        "__matmul__": matmul,
        "__rmatmul__": _reflected(matmul),
        "__getitem__": getitem,
        "T": property(transpose),
        "sum": sum,
        "mean": mean,
        "reshape": _reshape_method,
        "transpose": _transpose_method,
        "swapaxes": swapaxes,
        "exp": exp,
        "log": log,
        "tanh": tanh,
        "sigmoid": sigmoid,
        "relu": relu,
    }
    for name, method in methods.items():
        setattr(Tensor, name, method)


_set_tensor_methods()

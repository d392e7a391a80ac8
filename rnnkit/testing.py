"""Gradient checking by finite differences, public so that users can check their own code.

    from rnnkit.testing import gradcheck
    gradcheck(lambda x, w: (x @ w).tanh(), [x, w])   # float64 Tensors with requires_grad

Compares the graph's gradient of sum(f(inputs) * v), for a fixed random cotangent v,
with central differences (f(x + eps) - f(x - eps)) / 2 eps for every element of every input.
"""

import numpy

from rnnkit.core.backend import to_numpy
from rnnkit.core.tensor import Tensor, no_grad


def numerical_gradients(fn, inputs, cotangent, eps=1e-6):
    """Central-difference gradients of sum(fn(*inputs) * cotangent) for each input."""
    grads = []
    for tensor in inputs:
        grad = numpy.zeros(tensor.shape)
        flat, grad_flat = tensor.data.reshape(-1), grad.reshape(-1)
        for k in range(flat.size):
            original = flat[k]
            with no_grad():
                flat[k] = original + eps
                plus = _project(fn(*inputs), cotangent)
                flat[k] = original - eps
                minus = _project(fn(*inputs), cotangent)
            flat[k] = original
            grad_flat[k] = (plus - minus) / (2 * eps)
        grads.append(grad)
    return grads


def _outputs(result):
    return list(result) if isinstance(result, (tuple, list)) else [result]


def _project(result, cotangent):
    return sum(float((to_numpy(out.data) * v).sum()) for out, v in zip(_outputs(result), cotangent))


def gradcheck(fn, inputs, eps=1e-6, atol=1e-6, rtol=1e-5, seed=0):
    """Raise AssertionError unless the graph's gradients match finite differences.

    fn: inputs -> Tensor or tuple of Tensors; inputs: float64 Tensors with requires_grad
    (other inputs are passed through unchecked). Returns True on success.
    """
    checked = [t for t in inputs if isinstance(t, Tensor) and t.requires_grad]
    for t in checked:
        if t.dtype != numpy.float64:
            raise ValueError(f"gradcheck needs float64 inputs, got {t.dtype}")
        t.grad = None
    outputs = _outputs(fn(*inputs))
    rng = numpy.random.default_rng(seed)
    cotangent = [rng.standard_normal(out.shape) for out in outputs]
    total = None
    for out, v in zip(outputs, cotangent):
        term = (out * Tensor(v)).sum()
        total = term if total is None else total + term
    total.backward()
    numeric = numerical_gradients(lambda *_: fn(*inputs), checked, cotangent, eps)
    for index, (t, expected) in enumerate(zip(checked, numeric)):
        actual = numpy.zeros(t.shape) if t.grad is None else to_numpy(t.grad)
        if not numpy.allclose(actual, expected, atol=atol, rtol=rtol):
            worst = numpy.abs(actual - expected).max()
            raise AssertionError(
                f"gradient of input {index} (shape {t.shape}) differs from finite differences "
                f"by up to {worst:.3g}\nanalytical:\n{actual}\nnumerical:\n{expected}"
            )
    return True

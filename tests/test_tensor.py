"""The computation graph's backward semantics: accumulation, no_grad, retain_grad,
retain_graph, long graphs, and dtypes that stay what they were."""

import numpy as np
import pytest

import rnnkit as rk
from rnnkit.core import functions as F


def leaf(values, dtype=np.float64):
    return rk.Tensor(np.asarray(values, dtype=dtype), requires_grad=True)


def test_gradients_add_up_over_every_use_of_a_tensor():
    x = leaf([0.5, -2.0, 3.0])
    (x * x + x + x.tanh()).sum().backward()  # d/dx = 2x + 1 + 1 - tanh(x)^2
    expected = 2 * x.data + 2 - np.tanh(x.data) ** 2
    np.testing.assert_allclose(x.grad, expected, rtol=1e-14)


def test_leaf_gradients_accumulate_over_two_backward_calls():
    x = leaf([1.0, 2.0])
    (x * 3.0).sum().backward()
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad, 3.0 + 2 * x.data, rtol=1e-14)


def test_backward_through_one_graph_twice_with_retain_graph_doubles_leaf_gradients():
    x = leaf([1.0, -1.0])
    loss = (x.exp() * 2.0).sum()
    loss.backward(retain_graph=True)
    loss.backward()
    np.testing.assert_allclose(x.grad, 4.0 * np.exp(x.data), rtol=1e-14)


def test_a_leaf_gradient_is_its_own_copy():
    x, y = leaf([1.0, 2.0]), leaf([3.0, 4.0])
    (x + y).sum().backward()  # add hands the same array to both inputs
    x.grad += 10.0
    np.testing.assert_array_equal(y.grad, [1.0, 1.0])


def test_no_grad_records_nothing():
    x = leaf([1.0, 2.0])
    with rk.no_grad():
        y = (x * 2.0).tanh().sum()
    assert not y.requires_grad and y.is_leaf
    with pytest.raises(ValueError, match="does not require grad"):
        y.backward()
    assert rk.core.tensor.is_grad_enabled()

    @rk.no_grad()
    def double(t):
        return t * 2.0

    assert not double(x).requires_grad
    assert (x * 2.0).requires_grad  # recording is back on after the decorated call


def test_no_grad_is_per_thread_as_in_pytorch():
    import threading

    x = leaf([1.0, 2.0])
    inside, leave = threading.Event(), threading.Event()

    def translate_without_grad():
        with rk.no_grad():
            inside.set()
            leave.wait(timeout=10)

    worker = threading.Thread(target=translate_without_grad)
    worker.start()
    inside.wait(timeout=10)
    assert (x * 2.0).requires_grad  # another thread's no_grad does not reach this one
    leave.set()
    worker.join()
    assert rk.core.tensor.is_grad_enabled()


def test_intermediate_gradients_are_freed_unless_retained():
    x = leaf([0.3, 0.7])
    hidden = x * 2.0
    kept = (hidden * 3.0).retain_grad()
    kept.tanh().sum().backward()
    assert hidden.grad is None
    np.testing.assert_allclose(kept.grad, 1 - np.tanh(6 * x.data) ** 2, rtol=1e-14)
    np.testing.assert_allclose(x.grad, 6 * (1 - np.tanh(6 * x.data) ** 2), rtol=1e-14)


def test_a_retained_gradient_flows_once_per_backward():
    # Two passes through one graph: the intermediate accumulates, the leaf gets each pass once.
    x = leaf([1.0])
    y = (x * 2.0).retain_grad()
    loss = (y * 3.0).sum()
    loss.backward(retain_graph=True)
    loss.backward()
    np.testing.assert_allclose(y.grad, [6.0])
    np.testing.assert_allclose(x.grad, [12.0])


def test_backward_through_a_freed_graph_raises():
    x = leaf([1.0, 2.0])
    loss = (x * x).sum()
    loss.backward()
    with pytest.raises(RuntimeError, match="already freed"):
        loss.backward()


def test_backward_of_a_non_scalar_needs_a_gradient():
    x = leaf([1.0, 2.0])
    y = x * 2.0
    with pytest.raises(ValueError, match="needs `grad`"):
        y.backward()
    with pytest.raises(ValueError, match=r"grad has shape \(3,\), expected \(2,\)"):
        y.backward(np.ones(3))
    y.backward(np.array([1.0, -1.0]))
    np.testing.assert_allclose(x.grad, [2.0, -2.0])


def test_a_graph_of_3000_sequential_ops_backpropagates_without_recursion():
    x = leaf([0.5])
    y = x
    for _ in range(1000):  # 3 ops per iteration
        y = (y * 1.001 + 0.001).tanh()
    y.sum().backward()
    # Reference: the chain rule, step by step in NumPy.
    value, grad = 0.5, 1.0
    for _ in range(1000):
        value = np.tanh(value * 1.001 + 0.001)
        grad *= 1.001 * (1 - value**2)
    np.testing.assert_allclose(y.data, [value], rtol=1e-12)
    np.testing.assert_allclose(x.grad, [grad], rtol=1e-10)


def test_detach_cuts_the_graph():
    x = leaf([2.0])
    (x * x.detach()).sum().backward()
    np.testing.assert_allclose(x.grad, [2.0])


def test_python_floats_become_float32_and_arrays_keep_their_dtype():
    assert rk.tensor(1.5).dtype == np.float32
    assert rk.tensor([1.0, 2.0]).dtype == np.float32
    assert rk.tensor(np.array([1.0])).dtype == np.float64
    assert rk.tensor([1, 2]).dtype.kind == "i"


# Every operator and primitive combined with Python scalars (and, where they take one,
# NumPy float64 constants) must keep the tensor's dtype, forward and backward.
SCALAR_OPS = {
    "add": lambda a, b: a + 2.0,
    "radd": lambda a, b: 2.0 + a,
    "sub": lambda a, b: a - 2.0,
    "rsub": lambda a, b: 1.0 - a,
    "mul": lambda a, b: a * 0.5,
    "rmul": lambda a, b: 0.5 * a,
    "div": lambda a, b: a / 3.0,
    "rdiv": lambda a, b: 1.0 / (a * a + 1.0),
    "neg": lambda a, b: -a,
    "pow": lambda a, b: a**2.0,
    "add_float64_array": lambda a, b: a + np.ones(a.shape),
    "rmul_float64_array": lambda a, b: np.full(a.shape, 0.5) * a,
    "matmul": lambda a, b: a @ b,
    "matmul_float64_array": lambda a, b: a @ np.ones((3, 2)),
    "sum": lambda a, b: a.sum(axis=1),
    "mean": lambda a, b: a.mean(),
    "reshape": lambda a, b: a.reshape(3, 2),
    "transpose": lambda a, b: a.T,
    "swapaxes": lambda a, b: a.swapaxes(0, 1),
    "getitem": lambda a, b: a[:, [0, 0, 2]],
    "concat": lambda a, b: rk.concat([a, b.T], axis=0),
    "stack": lambda a, b: rk.stack([a, a], axis=1),
    "exp": lambda a, b: a.exp(),
    "log": lambda a, b: (a * a + 1.0).log(),
    "tanh": lambda a, b: a.tanh(),
    "sigmoid": lambda a, b: a.sigmoid(),
    "relu": lambda a, b: a.relu(),
    "softmax": lambda a, b: rk.softmax(a),
    "log_softmax": lambda a, b: rk.log_softmax(a, axis=0),
    "where": lambda a, b: rk.where(a.data > 0, a, 0.0),
    "masked_fill": lambda a, b: rk.masked_fill(a, a.data > 0, -1e9),
    "embedding": lambda a, b: rk.embedding(np.array([[0, 1], [1, 1]]), a),
    "dropout": lambda a, b: rk.dropout(a, 0.5),
    "cross_entropy": lambda a, b: rk.cross_entropy(a, np.array([0, 2]), label_smoothing=0.1),
    "binary_cross_entropy": lambda a, b: rk.binary_cross_entropy(a.sigmoid(), np.ones(a.shape)),
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", sorted(SCALAR_OPS))
def test_dtype_stays_through_every_op(name, dtype):
    rng = np.random.default_rng(0)
    a = rk.Tensor(rng.standard_normal((2, 3)).astype(dtype), requires_grad=True)
    b = rk.Tensor(rng.standard_normal((3, 2)).astype(dtype), requires_grad=True)
    out = SCALAR_OPS[name](a, b)
    assert out.dtype == dtype, f"{name} gave {out.dtype}"
    (out * 1.0).sum().backward()
    for t in (a, b):
        assert t.grad is None or t.grad.dtype == dtype, f"{name} gradient is {t.grad.dtype}"
    assert a.grad is not None


def test_unused_operand_gets_no_gradient():
    a, b = leaf([1.0]), leaf([2.0])
    (a * 2.0).sum().backward()
    assert a.grad is not None and b.grad is None


def test_tensor_without_requires_grad_gets_no_gradient():
    a = leaf([1.0])
    c = rk.Tensor(np.array([5.0]))
    (F.mul(a, c) + c).sum().backward()
    assert c.grad is None
    np.testing.assert_allclose(a.grad, [5.0])


def test_a_gradient_made_for_the_tensor_alone_is_added_into_in_place_and_others_are_not():
    from rnnkit.core.tensor import accumulate

    w = rk.tensor(np.zeros(3), requires_grad=True)
    first = np.ones(3)
    accumulate(w, first)  # a leaf copies: `first` stays the caller's
    own = w.grad
    assert own is not first
    accumulate(w, np.full(3, 2.0))
    assert w.grad is own and w.grad.tolist() == [3.0, 3.0, 3.0] and first.tolist() == [1.0] * 3
    kept = w.grad
    w.grad = kept * 1.0  # set from outside (as clipping does): never written into
    outside = w.grad
    accumulate(w, np.ones(3))
    assert w.grad is not outside and outside.tolist() == [3.0] * 3 and w.grad.tolist() == [4.0] * 3

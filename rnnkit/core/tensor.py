"""The computation graph: a Tensor records the operation that made it, and `backward()`
walks the graph in reverse topological order (the lecture: backprop works on any acyclic
computation graph, so an unrolled RNN trains with what we already know).

Each operation (see `functions.py`) gives its output a `_backward(g)` closure that *adds*
the gradient of every input into that input's `.grad`; only primitives have one.
This module imports nothing of rnnkit but `backend`; `functions.py` builds on it.
"""

import contextlib
import threading

import numpy

from rnnkit.core.backend import array_module, to_numpy

# Whether operations record the graph, per thread as in PyTorch: a server translating under
# no_grad in its worker thread must not turn gradients off for the thread that trains.
_grad_mode = threading.local()


def is_grad_enabled():
    return getattr(_grad_mode, "enabled", True)


class no_grad(contextlib.ContextDecorator):
    """Context manager (and decorator) under which operations record no graph (in the
    calling thread only); nests, and one instance may be used by several threads."""

    def __enter__(self):
        _grad_mode.__dict__.setdefault("previous", []).append(is_grad_enabled())
        _grad_mode.enabled = False

    def __exit__(self, *exc):
        _grad_mode.enabled = _grad_mode.previous.pop()
        return False


def _as_array(data, dtype):
    if isinstance(data, Tensor):
        data = data.data
    xp = array_module(data)
    if dtype is not None:
        return xp.asarray(data, dtype=dtype)
    if isinstance(data, (numpy.ndarray, numpy.generic)) or xp is not numpy:
        return xp.asarray(data)
    array = numpy.asarray(data)
    # Python floats become float32, the library's default precision.
    return array.astype(numpy.float32) if array.dtype == numpy.float64 else array


class Tensor:
    """An array with an optional gradient: `data` (NumPy or CuPy array), `grad` (same shape,
    or None), `requires_grad`. The dtype follows the data given (Python floats: float32).

    Its operators and array methods (`+`, `*`, `@`, `[]`, `.sum()`, `.T`, `.tanh()`, ...) are
    the primitives of `functions.py`, which sets them on this class (so that this module
    needs nothing from that one: the graph sits below its primitives).
    """

    __array_priority__ = 100  # NumPy defers `array * tensor` to Tensor.__rmul__

    def __init__(self, data, requires_grad=False, dtype=None):
        self.data = _as_array(data, dtype)
        self.grad = None
        self.requires_grad = bool(requires_grad)
        self._parents = ()
        self._backward = None
        self._retain_grad = False

    # --- a few array attributes -------------------------------------------------
    shape = property(lambda self: self.data.shape)
    dtype = property(lambda self: self.data.dtype)
    ndim = property(lambda self: self.data.ndim)
    size = property(lambda self: self.data.size)

    def __len__(self):
        return len(self.data)

    def numpy(self):
        """The values as a NumPy array (no graph)."""
        return to_numpy(self.data)

    def item(self):
        return self.data.item()

    def detach(self):
        return Tensor(self.data)

    def retain_grad(self):
        """Keep `.grad` of this intermediate result after backward (leaves keep it always)."""
        self._retain_grad = True
        return self

    @property
    def is_leaf(self):
        return self._backward is None

    def __repr__(self):
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({self.data!r}{grad})"

    # --- backward ----------------------------------------------------------------
    def backward(self, grad=None, retain_graph=False):
        """Accumulate d(self)/d(leaf) into every leaf's `.grad` that requires it.

        `grad` defaults to 1 for a one-element tensor. Intermediate gradients are freed as
        soon as they have been used, and the graph too unless `retain_graph`.
        """
        if not self.requires_grad:
            raise ValueError("backward() on a tensor that does not require grad")
        xp = array_module(self.data)
        if grad is None:
            if self.data.size != 1:
                raise ValueError(
                    f"backward() needs `grad` for a tensor of shape {self.shape}; "
                    "call it on a scalar loss"
                )
            grad = xp.ones_like(self.data)
        grad = grad.data if isinstance(grad, Tensor) else xp.asarray(grad, dtype=self.dtype)
        if grad.shape != self.shape:
            raise ValueError(f"grad has shape {grad.shape}, expected {self.shape}")
        order = _topological_order(self)
        # A retained gradient from an earlier backward must not flow again: set it aside and
        # add it back once this pass has propagated its own gradient.
        earlier = {}
        for node in order:
            if node._retain_grad and node.grad is not None:
                earlier[id(node)], node.grad = node.grad, None
        accumulate(self, grad)
        for node in reversed(order):
            if node.grad is not None:
                node._backward(node.grad)
            if not node._retain_grad:
                node.grad = None
            elif id(node) in earlier:
                previous = earlier[id(node)]
                node.grad = previous if node.grad is None else previous + node.grad
            if not retain_graph:
                node._parents, node._backward = (), _graph_freed


def _graph_freed(grad):
    raise RuntimeError(
        "backward through a graph that was already freed; pass retain_graph=True the first time"
    )


def _topological_order(root):
    """Non-leaf tensors reachable from `root`, each after all of its inputs (iterative DFS,
    so a graph unrolled over thousands of steps does not hit Python's recursion limit)."""
    order, visited, stack = [], set(), [(root, False)]
    while stack:
        node, inputs_done = stack.pop()
        if inputs_done:
            order.append(node)
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))
        for parent in node._parents:
            if parent._backward is not None and id(parent) not in visited:
                stack.append((parent, False))
    return [node for node in order if node._backward is not None]


def accumulate(tensor, grad, owned=False):
    """tensor.grad += grad. A leaf gets its own copy, so no two `.grad` share memory, unless
    `owned`: the caller made `grad` for this tensor alone (a fresh product), so it is kept
    as it is (for large weights the copy is measurable: benchmarks/README.md, "Measured design
    choices"). Once `.grad` is an array made here for this tensor alone, later gradients are
    added into it in place (a weight used at several places allocates its gradient once)."""
    if not tensor.requires_grad:
        return
    if tensor.grad is None:
        if tensor._backward is None and not owned:
            grad, owned = grad.copy(), True
        tensor.grad = grad
        tensor._own_grad = grad if owned else None
    elif tensor.grad is getattr(tensor, "_own_grad", None) and _adds_in_place(tensor.grad, grad):
        tensor.grad += grad
    else:
        tensor.grad = tensor._own_grad = tensor.grad + grad


def _adds_in_place(into, grad):
    """Whether into += grad gives into + grad (same shape after broadcasting, same dtype)."""
    return into.dtype == grad.dtype and numpy.broadcast_shapes(into.shape, grad.shape) == into.shape


def make_result(data, parents, backward):
    """The output tensor of an operation; it joins the graph only when an input needs grad."""
    out = Tensor.__new__(Tensor)
    out.data, out.grad, out._retain_grad = data, None, False
    out.requires_grad = is_grad_enabled() and any(p.requires_grad for p in parents)
    out._parents, out._backward = (parents, backward) if out.requires_grad else ((), None)
    return out


def tensor(data, dtype=None, requires_grad=False):
    """Make a Tensor (PyTorch's `torch.tensor`): floats default to float32."""
    return Tensor(data, requires_grad=requires_grad, dtype=dtype)

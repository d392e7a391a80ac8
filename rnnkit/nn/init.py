"""Initialisers drawing from rnnkit's generator (`rnnkit.manual_seed`), as PyTorch's
defaults: recurrent weights and Linear layers U(-1/sqrt(fan), 1/sqrt(fan)), embeddings N(0, 1).

Inside `shapes_only()` they make parameters of the right shape without memory or a draw,
so a model's size is counted from the model itself before it is allocated.
"""

import contextlib
import threading

import numpy

from rnnkit.core.random import generator
from rnnkit.nn.module import Parameter

_mode = threading.local()


@contextlib.contextmanager
def shapes_only():
    """Parameters made inside are shapes without memory: every element is one shared zero
    (a zero-stride view) and nothing is drawn from the generator, so building a model of
    billions of weights costs nothing and leaves the random stream as it was."""
    before = getattr(_mode, "shapes_only", False)
    _mode.shapes_only = True
    try:
        yield
    finally:
        _mode.shapes_only = before


def _empty(shape, dtype):
    shape = tuple(int(n) for n in numpy.atleast_1d(shape))
    one = numpy.zeros(1, dtype=dtype)
    return Parameter(numpy.lib.stride_tricks.as_strided(one, shape, (0,) * len(shape)))


def uniform(shape, bound, dtype=numpy.float32):
    if getattr(_mode, "shapes_only", False):
        return _empty(shape, dtype)
    return Parameter(generator().uniform(-bound, bound, size=shape).astype(dtype))


def normal(shape, dtype=numpy.float32):
    if getattr(_mode, "shapes_only", False):
        return _empty(shape, dtype)
    return Parameter(generator().standard_normal(size=shape).astype(dtype))


def zeros(shape, dtype=numpy.float32):
    if getattr(_mode, "shapes_only", False):
        return _empty(shape, dtype)
    return Parameter(numpy.zeros(shape, dtype=dtype))

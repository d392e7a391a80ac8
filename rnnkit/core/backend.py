"""The one seam between rnnkit and its array library.

Every array call in the core goes through `xp = array_module(a)`, as in Chainer: NumPy
arrays give `numpy`, CuPy arrays give `cupy`, so the same code runs on a GPU when the
optional `gpu` extra is installed. Only functions that both libraries provide are used.
"""

import numpy

try:  # optional: rnnkit[gpu]
    import cupy
except ImportError:  # the common case: NumPy only
    cupy = None


def array_module(*arrays):
    """The module (numpy or cupy) that owns the given arrays."""
    if cupy is not None:
        for a in arrays:
            if isinstance(a, cupy.ndarray):
                return cupy
    return numpy


def scatter_add(xp, target, indices, values):
    """target[indices] += values, adding repeated indices (embedding backward)."""
    if xp is numpy:
        numpy.add.at(target, indices, values)
    else:
        import cupyx

        cupyx.scatter_add(target, indices, values)


def to_numpy(a):
    """A NumPy array with the same values (copies from the GPU when needed)."""
    if cupy is not None and isinstance(a, cupy.ndarray):
        return cupy.asnumpy(a)
    return numpy.asarray(a)

"""The numba seam: `jit` for the one-pass gate loops of the cells, and the scalar helpers
they share (`tanh`, `sigmoid`, `block`).

The NumPy kernels spend about as long on the gates as on the recurrent matrix product
(each `tanh`, `*`, `+` is one pass over (B, G*H) with a temporary, and NumPy's float32 tanh
is not vectorised). A cell's numba loop does all of one step's gate math in one pass,
vectorised by LLVM; the matrix products stay in BLAS. Each cell module keeps its numba loops
right beside the NumPy functions they equal (same arguments, same results).

float32 uses a rational approximation of tanh (Eigen's; at most 3e-7 from the true value,
a few float32 ulps) because libm's tanh does not vectorise; float64 uses math.tanh, so the
float64 parity checks against PyTorch hold to 1e-10 on this path as well.

The numba path runs when numba imports and RNNKIT_NUMBA is not "0" (set RNNKIT_NUMBA=0 or
`rnnkit.kernels.fused.ENABLED = False` for the pure NumPy path), for NumPy arrays only.
Without numba, `jit` leaves the functions as they are (plain Python, never called).
"""

import math
import os

import numpy

try:
    import numba
    from numba import types
    from numba.extending import overload
except ImportError:  # the pure NumPy path
    numba = None

ENABLED = numba is not None and os.environ.get("RNNKIT_NUMBA", "1") != "0"

# error_model="numpy": no ZeroDivisionError check, which would stop vectorisation.
# nogil: threads (core/parallel.py) run the loops of different row blocks at once.
JIT = {
    "fastmath": True,
    "error_model": "numpy",
    "boundscheck": False,
    "cache": True,
    "nogil": True,
}


def usable(*arrays):
    """Whether the numba loops run for these arrays (NumPy, float32 or float64)."""
    return ENABLED and all(
        type(a) is numpy.ndarray and a.dtype in (numpy.float32, numpy.float64) for a in arrays
    )


def jit(function=None, **options):
    """numba.njit with the options above (as `@jit` or `@jit(inline="always")`); without
    numba the function is returned unchanged."""
    if numba is None:
        return function if function is not None else (lambda f: f)
    return numba.njit(function, **JIT, **options)


def tanh(x):
    return math.tanh(x)


def _tanh_float32(x):
    # Eigen's float32 tanh: odd rational function on [-7.9, 7.9], where tanh is 1 - 1e-7.
    x = min(max(x, numpy.float32(-7.90531110763549805)), numpy.float32(7.90531110763549805))
    x2 = x * x
    p = x2 * numpy.float32(-2.76076847742355e-16) + numpy.float32(2.00018790482477e-13)
    p = x2 * p + numpy.float32(-8.60467152213735e-11)
    p = x2 * p + numpy.float32(5.12229709037114e-08)
    p = x2 * p + numpy.float32(1.48572235717979e-05)
    p = x2 * p + numpy.float32(6.37261928875436e-04)
    p = x2 * p + numpy.float32(4.89352455891786e-03)
    q = x2 * numpy.float32(1.19825839466702e-06) + numpy.float32(1.18534705686654e-04)
    q = x2 * q + numpy.float32(2.26843463243900e-03)
    q = x2 * q + numpy.float32(4.89352518554385e-03)
    return x * p / q


if numba is not None:  # inside numba code, `tanh` of a float32 is the rational function

    @overload(tanh, jit_options={"fastmath": True, "error_model": "numpy"})
    def _tanh_overload(x):
        if isinstance(x, types.Float) and x.bitwidth == 32:
            return _tanh_float32
        return lambda x: math.tanh(x)


# Constants as float32 (exact in both precisions): a Python float would be float64 and
# turn float32 arithmetic into float64, with the scalar libm tanh.
ZERO, ONE, HALF = numpy.float32(0), numpy.float32(1), numpy.float32(0.5)


@jit(inline="always")
def sigmoid(x):
    return HALF * tanh(HALF * x) + HALF  # no overflow for large |x|


@jit(inline="always")
def block(row, k, hidden):
    """Gate block k of one row of (B, G*H): a view indexed from 0.

    An index like z[2 * hidden + j] may be negative as far as LLVM knows, and numba's
    wraparound for negative indices then keeps the loop scalar (several times slower: see
    benchmarks/README.md, "Measured design choices").
    """
    return row[k * hidden : (k + 1) * hidden]

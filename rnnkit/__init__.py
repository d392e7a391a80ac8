"""rnnkit: recurrent neural networks from first principles in NumPy.

The core (computation graph, primitives, fused recurrent kernels, layers, optimisers)
depends on NumPy alone. `rnnkit.text` and `rnnkit.translator` build on it.
"""

# The subpackages a PyTorch user reaches for as attributes: rnnkit.nn.LSTM, rnnkit.optim.Adam,
# rnnkit.testing.gradcheck (the text pipeline and the translator are imported when asked for).
from rnnkit import nn, optim, testing
from rnnkit.core.functions import (
    concat,
    dropout,
    embedding,
    exp,
    log,
    log_softmax,
    masked_fill,
    matmul,
    relu,
    sigmoid,
    softmax,
    stack,
    tanh,
    where,
)
from rnnkit.core.losses import binary_cross_entropy, cross_entropy
from rnnkit.core.random import manual_seed
from rnnkit.core.tensor import Tensor, no_grad, tensor

__version__ = "0.1.0"

__all__ = [
    "Tensor",
    "binary_cross_entropy",
    "concat",
    "cross_entropy",
    "dropout",
    "embedding",
    "exp",
    "log",
    "log_softmax",
    "manual_seed",
    "nn",
    "optim",
    "testing",
    "masked_fill",
    "matmul",
    "no_grad",
    "relu",
    "sigmoid",
    "softmax",
    "stack",
    "tanh",
    "tensor",
    "where",
]

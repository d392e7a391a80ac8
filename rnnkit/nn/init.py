"""Initialisers drawing from rnnkit's generator (`rnnkit.manual_seed`), as PyTorch's
defaults: recurrent weights and Linear layers U(-1/sqrt(fan), 1/sqrt(fan)), embeddings N(0, 1)."""

import numpy

from rnnkit.core.random import generator
from rnnkit.nn.module import Parameter


def uniform(shape, bound, dtype=numpy.float32):
    return Parameter(generator().uniform(-bound, bound, size=shape).astype(dtype))


def normal(shape, dtype=numpy.float32):
    return Parameter(generator().standard_normal(size=shape).astype(dtype))

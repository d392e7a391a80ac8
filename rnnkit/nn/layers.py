"""Feed-forward layers: Linear, Embedding, the lecture's OneHot encoding, Dropout."""

import math

import numpy

from rnnkit.core import functions as F
from rnnkit.core.backend import array_module
from rnnkit.core.tensor import Tensor
from rnnkit.nn.init import normal, uniform
from rnnkit.nn.module import Module


class Linear(Module):
    """y = x W^T + b; x: (..., in_features) -> (..., out_features)."""

    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        bound = 1 / math.sqrt(in_features)
        self.weight = uniform((out_features, in_features), bound)
        self.register_parameter("bias", uniform((out_features,), bound) if bias else None)

    def forward(self, x):
        y = F.matmul(x, self.weight.T)
        return y if self.bias is None else y + self.bias

    def extra_repr(self):
        return f"{self.in_features}, {self.out_features}, bias={self.bias is not None}"


class Embedding(Module):
    """Row lookup: ids (...) -> (..., embedding_dim). The cheap equivalent of OneHot."""

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.padding_idx = padding_idx
        self.weight = normal((num_embeddings, embedding_dim))
        if padding_idx is not None:
            self.weight.data[padding_idx] = 0

    def forward(self, ids):
        return F.embedding(_check_ids(ids, self.num_embeddings), self.weight, self.padding_idx)

    def extra_repr(self):
        return f"{self.num_embeddings}, {self.embedding_dim}"


class OneHot(Module):
    """The lecture's encoding taken literally: each word id becomes a one-hot vector of
    length V (1 at the word's index, 0 elsewhere), multiplied by a (V, D) weight matrix.

    Gives exactly Embedding's outputs and gradients with the same `weight`, at V times the
    cost; it is here to show why the lookup is the same thing.
    """

    def __init__(self, num_embeddings, embedding_dim):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = normal((num_embeddings, embedding_dim))

    def forward(self, ids):
        ids = _check_ids(ids, self.num_embeddings)
        xp = array_module(self.weight.data)
        one_hot = xp.eye(self.num_embeddings, dtype=self.weight.dtype)[ids]  # (..., V)
        return F.matmul(Tensor(one_hot), self.weight)

    def extra_repr(self):
        return f"{self.num_embeddings}, {self.embedding_dim}"


class Dropout(Module):
    """Zeroes elements with probability p while training; the identity in eval mode."""

    def __init__(self, p=0.5):
        super().__init__()
        if not 0 <= p < 1:
            raise ValueError(f"dropout probability must be in [0, 1), got {p}")
        self.p = p

    def forward(self, x):
        return F.dropout(x, self.p, self.training)

    def extra_repr(self):
        return f"p={self.p}"


def _check_ids(ids, vocabulary_size):
    ids = ids.data if isinstance(ids, Tensor) else ids
    ids = ids if hasattr(ids, "dtype") else numpy.asarray(ids)
    if not numpy.issubdtype(ids.dtype, numpy.integer):
        raise ValueError(f"ids must be integers, got dtype {ids.dtype}")
    if ids.size and (ids.min() < 0 or ids.max() >= vocabulary_size):
        raise ValueError(
            f"ids must be in [0, {vocabulary_size}), got values from {ids.min()} to {ids.max()}"
        )
    return ids

"""Layers with PyTorch's names: Module, Linear, Embedding, OneHot, Dropout, the one-step
cells and the fused sequence layers."""

from rnnkit.nn.cells import GRUCell, LSTMCell, RNNCell, SimplifiedGRUCell
from rnnkit.nn.layers import Dropout, Embedding, Linear, OneHot
from rnnkit.nn.module import Module, ModuleList, Parameter
from rnnkit.nn.recurrent import GRU, LSTM, RNN, RecurrentLayer, SimplifiedGRU

__all__ = [
    "GRU",
    "GRUCell",
    "LSTM",
    "LSTMCell",
    "RNN",
    "RNNCell",
    "Dropout",
    "Embedding",
    "Linear",
    "Module",
    "ModuleList",
    "OneHot",
    "Parameter",
    "RecurrentLayer",
    "SimplifiedGRU",
    "SimplifiedGRUCell",
]

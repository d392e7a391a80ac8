"""Layers with PyTorch's names: Module, Linear, Embedding, OneHot, Dropout, the one-step
cells and the sequence layers; `CELLS`, the recurrent cells by name."""

from rnnkit.nn.cells import GRUCell, LSTMCell, RNNCell, SimplifiedGRUCell
from rnnkit.nn.layers import Dropout, Embedding, Linear, OneHot
from rnnkit.nn.module import Module, ModuleList, Parameter
from rnnkit.nn.recurrent import GRU, LSTM, RNN, RecurrentLayer, SimplifiedGRU
from rnnkit.nn.registry import CELLS, CellType

__all__ = [
    "CELLS",
    "CellType",
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

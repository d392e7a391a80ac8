"""The recurrent cells by name: the one list that the translator, its configuration, the
experiments and the command line read (`CELLS`). How to add a cell: ARCHITECTURE.md."""

from dataclasses import dataclass

from rnnkit.nn.cells import GRUCell, LSTMCell, RNNCell, SimplifiedGRUCell
from rnnkit.nn.recurrent import GRU, LSTM, RNN, SimplifiedGRU


@dataclass(frozen=True)
class CellType:
    """A kind of recurrent cell as rnnkit knows it: its `name` in configs and on the
    command line ("rnn", "sgru", "gru", "lstm"), its `title`, its sequence `layer` (inputs
    (T, B, input)) and one-step `step` cell (inputs (B, input)), and how many `states` it
    carries (1: h; 2: the LSTM's (h, c)). `CELLS` maps each name to its CellType."""

    name: str  # in configs and on the command line
    title: str  # in tables and plots
    layer: type  # the sequence layer: one graph node per direction around a fused kernel
    step: type  # the one-step cell, built from the graph's primitives (a decoder's step)
    states: int = 1  # the tensors it carries from step to step: 1 (h), or 2 for the LSTM (h, c)


CELLS = {
    cell.name: cell
    for cell in (
        CellType("rnn", "vanilla RNN", RNN, RNNCell),
        CellType("sgru", "simplified GRU", SimplifiedGRU, SimplifiedGRUCell),
        CellType("gru", "GRU", GRU, GRUCell),
        CellType("lstm", "LSTM", LSTM, LSTMCell, states=2),
    )
}

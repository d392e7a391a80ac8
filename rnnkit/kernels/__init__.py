"""Recurrent kernels: one direction of one layer over a whole sequence and its hand-derived
BPTT, on plain arrays (NumPy or CuPy). They know nothing of the graph (they import
`rnnkit.core.backend` alone); `rnnkit.nn.recurrent_node` wraps each run as one graph node.

Read in this order:
    common.py      the (T+1, B, H) state buffer and the order of steps, padding masks,
                   the input projection
    fused.py       the numba seam: `jit` (a no-op without numba), `tanh`, `sigmoid`, `block`
    recurrence.py  the one forward loop and the one BPTT loop, and what a cell supplies
    rnn.py         the simplest cell: its step in NumPy and in numba, side by side
    sgru.py, gru.py, lstm.py   the other cells, the same way
    attention_scores.py, decoder.py   the translator's attention decoder over all target steps: each
                   layer a cell's Recurrence driven step by step, the scores, the backward
and this file's `KERNELS`, the kernel of each mode, which `rnnkit.nn` reads.
"""

from rnnkit.kernels import gru, lstm, rnn, sgru

KERNELS = {
    "rnn_tanh": rnn.RNN,
    "rnn_relu": rnn.ReLURNN,
    "sgru": sgru.SimplifiedGRU,
    "gru": gru.GRU,
    "gru_reset_before": gru.GRUResetBefore,
    "lstm": lstm.LSTM,
}

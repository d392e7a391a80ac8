"""One-step recurrent cells built from the graph's primitives, written against the
lecture's equations (each step function's docstring states its own). Each step function is
also what `RecurrentLayer.forward_unrolled` calls, so the fused kernels can be checked
against the generic graph step by step.

Shapes: x (B, D), a (B, H); weights as PyTorch: w_ih (G*H, D), w_hh (G*H, H).
"""

import math

from rnnkit.core import functions as F
from rnnkit.core.backend import array_module
from rnnkit.core.tensor import Tensor
from rnnkit.nn.init import uniform
from rnnkit.nn.module import Module


def _affine(x, w, b):
    y = F.matmul(x, w.T)
    return y if b is None else y + b


def _blocks(z, count):
    hidden = z.shape[-1] // count
    return [z[:, k * hidden : (k + 1) * hidden] for k in range(count)]


def rnn_step(x, a, w_ih, w_hh, b_ih=None, b_hh=None, nonlinearity="tanh"):
    """a<t> = g(W_ax x<t> + W_aa a<t-1> + b)."""
    pre = _affine(x, w_ih, b_ih) + _affine(a, w_hh, b_hh)  # the pre-activation
    return F.tanh(pre) if nonlinearity == "tanh" else F.relu(pre)


def simplified_gru_step(x, a, w_ih, w_hh, b_ih=None, b_hh=None):
    """The lecture's GRU with the update gate only (blocks u|c):
    G_u = sigma(W_ux x + W_ua a<t-1> + b_u); a~<t> = tanh(W_ax x + W_aa a<t-1> + b);
    a<t> = G_u * a~<t> + (1 - G_u) * a<t-1>."""
    pre_u, pre_c = _blocks(_affine(x, w_ih, b_ih) + _affine(a, w_hh, b_hh), 2)
    gate_u = F.sigmoid(pre_u)  # G_u
    candidate = F.tanh(pre_c)  # a~<t>
    return gate_u * candidate + (1 - gate_u) * a


def gru_step(x, a, w_ih, w_hh, b_ih=None, b_hh=None, reset_after=True):
    """Full GRU (blocks r|z|n); z keeps the old state, as PyTorch's update gate."""
    xr, xz, xn = _blocks(_affine(x, w_ih, b_ih), 3)
    hidden = a.shape[-1]
    w_rz, w_n = w_hh[: 2 * hidden], w_hh[2 * hidden :]
    b_rz, b_n = (None, None) if b_hh is None else (b_hh[: 2 * hidden], b_hh[2 * hidden :])
    hr, hz = _blocks(_affine(a, w_rz, b_rz), 2)
    r = F.sigmoid(xr + hr)  # reset (relevance) gate
    z = F.sigmoid(xz + hz)  # update gate
    if reset_after:  # PyTorch: r multiplies W_hn a + b_hn
        n = F.tanh(xn + r * _affine(a, w_n, b_n))
    else:  # the original paper: r multiplies a before W_hn
        n = F.tanh(xn + _affine(r * a, w_n, b_n))
    return (1 - z) * n + z * a


def lstm_step(x, state, w_ih, w_hh, b_ih=None, b_hh=None):
    """LSTM (blocks i|f|g|o); state = (a<t-1>, c<t-1>); returns (a<t>, c<t>)."""
    a, c = state
    pre_i, pre_f, pre_g, pre_o = _blocks(_affine(x, w_ih, b_ih) + _affine(a, w_hh, b_hh), 4)
    gate_u, gate_f, gate_o = F.sigmoid(pre_i), F.sigmoid(pre_f), F.sigmoid(pre_o)
    c_new = gate_u * F.tanh(pre_g) + gate_f * c  # c<t> = G_u * c~<t> + G_f * c<t-1>
    return gate_o * F.tanh(c_new), c_new  # a<t> = G_o * tanh(c<t>)


class _Cell(Module):
    gates = 1
    mode = None  # its kernel in rnnkit.kernels.KERNELS, for a caller that fuses its steps

    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.input_size, self.hidden_size = input_size, hidden_size
        bound = 1 / math.sqrt(hidden_size)
        size = self.gates * hidden_size
        self.weight_ih = uniform((size, input_size), bound)
        self.weight_hh = uniform((size, hidden_size), bound)
        self.register_parameter("bias_ih", uniform((size,), bound) if bias else None)
        self.register_parameter("bias_hh", uniform((size,), bound) if bias else None)

    def _weights(self):
        return self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh

    def _zeros(self, x):
        xp = array_module(x.data)
        return Tensor(xp.zeros((x.shape[0], self.hidden_size), dtype=x.dtype))

    def extra_repr(self):
        return f"{self.input_size}, {self.hidden_size}"


class RNNCell(_Cell):
    """One step of the lecture's RNN, a<t> = g(W_ax x<t> + W_aa a<t-1> + b) (`rnn_step`).

    x: (B, input_size); h: (B, hidden_size), zeros if not given -> (B, hidden_size).
    Parameters as PyTorch's RNNCell: weight_ih (hidden, input), weight_hh (hidden, hidden),
    bias_ih and bias_hh (hidden,); `nonlinearity` "tanh" or "relu".
    """

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh"):
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
        super().__init__(input_size, hidden_size, bias)
        self.nonlinearity = nonlinearity

    @property
    def mode(self):
        return f"rnn_{self.nonlinearity}"

    def forward(self, x, h=None):
        h = self._zeros(x) if h is None else h
        return rnn_step(x, h, *self._weights(), nonlinearity=self.nonlinearity)


class SimplifiedGRUCell(_Cell):
    """One step of the lecture's simplified GRU, the update gate only
    (`simplified_gru_step`).

    x: (B, input_size); h: (B, hidden_size), zeros if not given -> (B, hidden_size).
    Weights stack the blocks u|c: weight_ih (2 hidden, input), weight_hh (2 hidden, hidden),
    biases (2 hidden,).
    """

    gates = 2
    mode = "sgru"

    def forward(self, x, h=None):
        return simplified_gru_step(x, self._zeros(x) if h is None else h, *self._weights())


class GRUCell(_Cell):
    """One step of the full GRU (`gru_step`), PyTorch's convention: blocks r|z|n, z keeps
    the old state, and with `reset_after` (default) the reset gate multiplies W_hn a<t-1>.

    x: (B, input_size); h: (B, hidden_size), zeros if not given -> (B, hidden_size).
    weight_ih (3 hidden, input), weight_hh (3 hidden, hidden), biases (3 hidden,).
    """

    gates = 3

    def __init__(self, input_size, hidden_size, bias=True, reset_after=True):
        super().__init__(input_size, hidden_size, bias)
        self.reset_after = reset_after

    @property
    def mode(self):
        return "gru" if self.reset_after else "gru_reset_before"

    def forward(self, x, h=None):
        h = self._zeros(x) if h is None else h
        return gru_step(x, h, *self._weights(), reset_after=self.reset_after)


class LSTMCell(_Cell):
    """One step of the LSTM (`lstm_step`), gates i|f|g|o as PyTorch's LSTMCell.

    x: (B, input_size); state: (h, c), each (B, hidden_size), zeros if not given ->
    (h, c). weight_ih (4 hidden, input), weight_hh (4 hidden, hidden), biases (4 hidden,).
    """

    gates = 4
    mode = "lstm"

    def forward(self, x, state=None):
        state = (self._zeros(x), self._zeros(x)) if state is None else state
        return lstm_step(x, state, *self._weights())

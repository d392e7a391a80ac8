"""Sequence layers RNN, SimplifiedGRU, GRU, LSTM with PyTorch's constructor, parameter
names, gate order, initialisation and shapes.

x: (T, B, D), or (B, T, D) with batch_first; h0: (layers * directions, B, H);
out: (T, B, directions * H); `lengths` (B,) has PyTorch's packed-sequence meaning.
Each direction of each layer runs as one graph node around a kernel (`recurrent_node.py`).
"""

import math

import numpy

from rnnkit.core import functions as F
from rnnkit.core.backend import array_module
from rnnkit.core.tensor import Tensor
from rnnkit.kernels import KERNELS
from rnnkit.nn import cells
from rnnkit.nn.init import uniform
from rnnkit.nn.module import Module
from rnnkit.nn.recurrent_node import recurrent


class RecurrentLayer(Module):
    """The shared machinery; use RNN, SimplifiedGRU, GRU or LSTM."""

    mode = None

    def __init__(
        self,
        input_size,
        hidden_size,
        num_layers=1,
        bias=True,
        batch_first=False,
        dropout=0.0,
        bidirectional=False,
    ):
        super().__init__()
        for name, value in (("input_size", input_size), ("hidden_size", hidden_size)):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if not isinstance(num_layers, int) or num_layers < 1:
            raise ValueError(f"num_layers must be a positive integer, got {num_layers!r}")
        if not 0 <= dropout < 1:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, num_layers
        self.bias, self.batch_first, self.dropout = bias, batch_first, dropout
        self.bidirectional = bidirectional
        self.num_directions = 2 if bidirectional else 1
        gates = KERNELS[self.mode].gates * hidden_size
        bound = 1 / math.sqrt(hidden_size)
        for layer in range(num_layers):
            layer_input = input_size if layer == 0 else hidden_size * self.num_directions
            for suffix in self._suffixes(layer):
                setattr(self, f"weight_ih{suffix}", uniform((gates, layer_input), bound))
                setattr(self, f"weight_hh{suffix}", uniform((gates, hidden_size), bound))
                if bias:
                    setattr(self, f"bias_ih{suffix}", uniform((gates,), bound))
                    setattr(self, f"bias_hh{suffix}", uniform((gates,), bound))

    def _suffixes(self, layer):
        return [f"_l{layer}", f"_l{layer}_reverse"][: self.num_directions]

    def _weights(self, suffix):
        get = self.__dict__.get
        return (
            get(f"weight_ih{suffix}"),
            get(f"weight_hh{suffix}"),
            get(f"bias_ih{suffix}"),
            get(f"bias_hh{suffix}"),
        )

    @property
    def has_cell_state(self):
        """Whether the state is a pair (a, c), as the LSTM's."""
        return KERNELS[self.mode].states == 2

    def extra_repr(self):
        return (
            f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}, "
            f"bidirectional={self.bidirectional}, batch_first={self.batch_first}"
        )

    # --- validation at the boundary ----------------------------------------------------------
    def _check_inputs(self, x, h0, lengths):
        if not isinstance(x, Tensor):
            raise TypeError(f"x must be a rnnkit Tensor, got {type(x).__name__}")
        if x.ndim != 3 or x.shape[-1] != self.input_size:
            layout = "(B, T, input_size)" if self.batch_first else "(T, B, input_size)"
            raise ValueError(
                f"x must have shape {layout} with input_size={self.input_size}, got {x.shape}"
            )
        if x.dtype != self.weight_ih_l0.dtype:
            raise ValueError(
                f"x has dtype {x.dtype} but the weights are {self.weight_ih_l0.dtype}; "
                "cast one of them (layer.double() or layer.float())"
            )
        steps, batch = (x.shape[1], x.shape[0]) if self.batch_first else x.shape[:2]
        expected = (self.num_layers * self.num_directions, batch, self.hidden_size)
        states = () if h0 is None else h0 if self.has_cell_state else (h0,)
        if (
            self.has_cell_state
            and h0 is not None
            and not (isinstance(h0, tuple | list) and len(h0) == 2)
        ):
            raise ValueError(f"LSTM takes its initial state as a pair (h0, c0), got {_kind(h0)}")
        for name, state in zip(("h0", "c0"), states):
            if not isinstance(state, Tensor):
                raise ValueError(f"{name} must be a Tensor of shape {expected}, got {_kind(state)}")
            if tuple(state.shape) != expected:
                raise ValueError(f"{name} must have shape {expected}, got {tuple(state.shape)}")
            if state.dtype != x.dtype:
                raise ValueError(
                    f"{name} has dtype {state.dtype} but x and the weights are {x.dtype}"
                )
        if lengths is not None:
            lengths = numpy.asarray(getattr(lengths, "data", lengths))
            if lengths.shape != (batch,) or not numpy.issubdtype(lengths.dtype, numpy.integer):
                raise ValueError(
                    f"lengths must be {batch} integers (one per sequence), got "
                    f"shape {lengths.shape} dtype {lengths.dtype}"
                )
            if lengths.min() < 1 or lengths.max() > steps:
                raise ValueError(
                    f"lengths must be in [1, {steps}] (the sequence length), got values "
                    f"from {lengths.min()} to {lengths.max()}"
                )
        return steps, batch, lengths

    # --- forward ------------------------------------------------------------------------------
    def forward(self, x, h0=None, lengths=None):
        """Returns (out, h_n), or (out, (h_n, c_n)) for LSTM; h_n: (layers*directions, B, H).

        As torch.nn.RNN: x may be a NumPy array, and unbatched, (T, input_size) with states
        (layers*directions, H); the outputs are then unbatched too, (T, directions*H)."""
        x, h0, unbatched = self._batched(x, h0, lengths)
        out, state = self._forward(x, h0, lengths)
        if not unbatched:
            return out, state
        out = out.reshape(out.shape[1] if self.batch_first else out.shape[0], out.shape[2])
        if self.has_cell_state:
            return out, tuple(_drop_batch_axis(s) for s in state)
        return out, _drop_batch_axis(state)

    def _batched(self, x, h0, lengths):
        """NumPy arrays as Tensors; unbatched input and states with a batch axis of 1."""
        if isinstance(x, numpy.ndarray) and numpy.issubdtype(x.dtype, numpy.floating):
            x = F.as_tensor(x)
        if not isinstance(x, Tensor):
            raise TypeError(
                f"x must be a rnnkit Tensor or a NumPy float array, got {type(x).__name__}"
            )
        if self.has_cell_state and isinstance(h0, tuple | list):
            h0 = tuple(F.as_tensor(s) if isinstance(s, numpy.ndarray) else s for s in h0)
        elif isinstance(h0, numpy.ndarray):
            h0 = F.as_tensor(h0)
        if x.ndim != 2:
            return x, h0, False
        if lengths is not None:
            raise ValueError("lengths needs batched input (T, B, input_size); x is unbatched")
        steps, features = x.shape
        x = x.reshape(1, steps, features) if self.batch_first else x.reshape(steps, 1, features)
        if h0 is not None:
            states = h0 if isinstance(h0, tuple) else (h0,)
            for name, state in zip(("h0", "c0"), states):
                if not isinstance(state, Tensor) or state.ndim != 2:
                    raise ValueError(
                        f"with unbatched x, {name} must be (layers * directions, hidden_size), "
                        f"got {_kind(state)}"
                    )
            states = tuple(s.reshape(s.shape[0], 1, s.shape[1]) for s in states)
            h0 = states if isinstance(h0, tuple) else states[0]
        return x, h0, True

    def _forward(self, x, h0, lengths):
        _, _, lengths = self._check_inputs(x, h0, lengths)
        if self.batch_first:
            x = F.swapaxes(x, 0, 1)
        initial = self._initial_states(h0)
        finals = []  # per (layer, direction): h_n, or (h_n, c_n)
        layer_input = x
        for layer in range(self.num_layers):
            if layer > 0:
                layer_input = F.dropout(layer_input, self.dropout, self.training)
            outs = []
            for direction, suffix in enumerate(self._suffixes(layer)):
                index = layer * self.num_directions + direction
                out, *final = recurrent(
                    self.mode,
                    layer_input,
                    initial(index),
                    *self._weights(suffix),
                    lengths=lengths,
                    reverse=direction == 1,
                )
                outs.append(out)
                finals.append(final)
            layer_input = outs[0] if len(outs) == 1 else F.concat(outs, axis=2)
        out = F.swapaxes(layer_input, 0, 1) if self.batch_first else layer_input
        h_n = F.stack([final[0] for final in finals])
        if self.has_cell_state:
            return out, (h_n, F.stack([final[1] for final in finals]))
        return out, h_n

    def _initial_states(self, h0):
        """index -> this layer-direction's initial state (None means zeros)."""
        if h0 is None:
            return lambda index: None
        if self.has_cell_state:
            return lambda index: (h0[0][index], h0[1][index])
        return lambda index: h0[index]

    # --- the same layer through the generic graph ------------------------------------------------
    def forward_unrolled(self, x, h0=None, lengths=None):
        """The same computation as `forward`, one cell step per graph node.

        Slow; it exists to read next to the equations and to check the fused kernels.
        """
        steps, batch, lengths = self._check_inputs(x, h0, lengths)
        xp = array_module(x.data)
        if self.batch_first:
            x = F.swapaxes(x, 0, 1)
        lengths = numpy.full(batch, steps) if lengths is None else lengths
        zeros = Tensor(xp.zeros((batch, self.hidden_size), dtype=x.dtype))
        initial = self._initial_states(h0)
        finals, layer_input = [], x
        for layer in range(self.num_layers):
            if layer > 0:
                layer_input = F.dropout(layer_input, self.dropout, self.training)
            outs = []
            for direction, suffix in enumerate(self._suffixes(layer)):
                state = initial(layer * self.num_directions + direction)
                if state is None:
                    state = (zeros, zeros) if self.has_cell_state else zeros
                order = range(steps - 1, -1, -1) if direction == 1 else range(steps)
                step_outs = [None] * steps
                for t in order:
                    active = xp.asarray(t < lengths)[:, None]  # (B, 1): inside the sequence
                    new = self._step(layer_input[t], state, self._weights(suffix))
                    if self.has_cell_state:
                        state = tuple(F.where(active, n, s) for n, s in zip(new, state))
                        step_outs[t] = F.where(active, new[0], 0.0)
                    else:
                        state = F.where(active, new, state)
                        step_outs[t] = F.where(active, new, 0.0)
                outs.append(F.stack(step_outs))
                finals.append(state)
            layer_input = outs[0] if len(outs) == 1 else F.concat(outs, axis=2)
        out = F.swapaxes(layer_input, 0, 1) if self.batch_first else layer_input
        if self.has_cell_state:
            return out, (F.stack([s[0] for s in finals]), F.stack([s[1] for s in finals]))
        return out, F.stack(finals)

    def _step(self, x, state, weights):
        raise NotImplementedError


def _kind(value):
    """'a Tensor of shape (2, 3)', 'a tuple of length 3', 'None': for error messages."""
    if isinstance(value, Tensor):
        return f"a Tensor of shape {tuple(value.shape)}"
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of length {len(value)}"
    return "None" if value is None else f"a {type(value).__name__}"


class RNN(RecurrentLayer):
    """Vanilla RNN: a<t> = g(W_ax x<t> + W_aa a<t-1> + b), g = tanh or relu."""

    def __init__(self, *args, nonlinearity="tanh", **kwargs):
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
        self.mode = f"rnn_{nonlinearity}"
        self.nonlinearity = nonlinearity
        super().__init__(*args, **kwargs)

    def _step(self, x, state, weights):
        return cells.rnn_step(x, state, *weights, nonlinearity=self.nonlinearity)


class SimplifiedGRU(RecurrentLayer):
    """The lecture's simplified GRU (update gate only); weight blocks u|c."""

    mode = "sgru"

    def _step(self, x, state, weights):
        return cells.simplified_gru_step(x, state, *weights)


class GRU(RecurrentLayer):
    """GRU with PyTorch's blocks r|z|n; reset_after=False gives the original paper's variant."""

    def __init__(self, *args, reset_after=True, **kwargs):
        self.mode = "gru" if reset_after else "gru_reset_before"
        self.reset_after = reset_after
        super().__init__(*args, **kwargs)

    def _step(self, x, state, weights):
        return cells.gru_step(x, state, *weights, reset_after=self.reset_after)


class LSTM(RecurrentLayer):
    """LSTM with PyTorch's blocks i|f|g|o; called as layer(x, (h0, c0))."""

    mode = "lstm"

    def _step(self, x, state, weights):
        return cells.lstm_step(x, state, *weights)


def _drop_batch_axis(state):
    """(layers * directions, 1, H) -> (layers * directions, H)."""
    return state.reshape(state.shape[0], state.shape[2])

"""The one forward loop and the one BPTT loop that every cell runs; a cell supplies its step.

`Recurrence` is one direction of one recurrent layer over a whole sequence, on plain arrays
(NumPy or CuPy). A cell (rnn.py, sgru.py, gru.py, lstm.py) subclasses it and supplies:

    gates, states        G (blocks of H rows in W_ih, W_hh) and 1 (a) or 2 (a, c)
    split_bias           how b_ih + b_hh divide between the input projection and the step
    start, step          its buffers (`scratch`: those one loop's steps alone use); one
                         forward step t: prev -> cur
    start_backward,      one BPTT step t: the gradients of its pre-activations into xw[t]
    backward_step, ...   (xw turns into dxw, in place) and the part `carry` of dh<t-1> that
                         bypasses the product with W_hh
    numpy, numba         its step math twice, with the same arguments: NumPy array
                         operations, and the same equations as one numba pass per row

Which of the two runs is chosen once per pass, here, before any loop (`fused.usable`).

Gradients going backward: dh<t-1> = dh_mm + carry, where dh_mm is what the cell's product
with W_hh writes (the matrix product stays in BLAS, out of the gate loop) and carry is the rest
(dh * (1 - G_u) for the simplified GRU, dh * z for the GRU, zero for the RNN and LSTM), and all
of dh for rows past their sequence's end. Each backward step adds dout[t] (the gradient of the
step's output) to it first.
"""

from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels import fused
from rnnkit.kernels.common import (
    ChunkedProjection,
    Timeline,
    input_projection,
    masked_outputs,
    padding_mask,
    weight_gradient,
)


class Recurrence:
    """One direction of one layer: `forward(states0)` once, then at most one `backward`.

    x: (T, B, D); w_ih: (G*H, D); w_hh: (G*H, H); b_ih, b_hh: (G*H,) or None;
    lengths: (B,) ints or None (PyTorch's packed meaning); reverse: run from t = T-1 to 0;
    save_for_backward: keep what the backward needs (False for inference: then the input
    projection is made a few steps at a time and past steps' activations are not kept).
    """

    gates = None  # G
    states = 1  # 1: a<t>; 2: (a<t>, c<t>)
    numpy = numba = None  # SimpleNamespace of the cell's step functions, one per path
    scratch = ()  # names of the buffers only one loop's steps use: freed after the loop

    def __init__(self, x, w_ih, w_hh, b_ih, b_hh, lengths, reverse, save_for_backward):
        xp = self.xp = array_module(x)
        steps, batch, _ = x.shape
        self.x, self.w_ih, self.w_hh, self.w_hh_t = x, w_ih, w_hh, w_hh.T
        self.save_for_backward = save_for_backward
        self.hidden = hidden = w_hh.shape[1]
        self.has_bias = b_ih is not None
        # projection_bias joins x W_ih^T; step_bias (or None) is the cell's to add in its step
        projection_bias, self.step_bias = None, None
        if self.has_bias:
            projection_bias, self.step_bias = self.split_bias(b_ih, b_hh)
        if save_for_backward:  # (T*B, D) @ (D, G*H): the projection of every step in one product
            self.xw = input_projection(xp, x, w_ih, projection_bias)
        else:
            self.xw = ChunkedProjection(xp, x, w_ih, projection_bias, reverse, hidden)
        self.timeline = Timeline(steps, reverse)
        self.mask = padding_mask(xp, lengths, steps)
        self.h = xp.empty((steps + 1, batch, hidden), dtype=x.dtype)  # see common.py
        # One path for the whole pass: the numba loops take a (B,) mask always (all True
        # without padding); the NumPy steps take None then, so they pay nothing for masks.
        use_numba = fused.usable(self.h, w_hh)
        self.math = self.numba if use_numba else self.numpy
        mask = self.mask  # (not self: a lambda holding self would keep the buffers alive)
        if mask is not None:
            self.mask_at = lambda t: mask[t, :, 0]
        elif use_numba:
            ones = xp.ones(batch, dtype=bool)
            self.mask_at = lambda t: ones
        else:
            self.mask_at = lambda t: None

    # --- what a cell supplies ------------------------------------------------------------------
    def split_bias(self, b_ih, b_hh):
        """(bias added to the input projection, bias the step adds itself or None)."""
        return b_ih + b_hh, None

    def start(self, states0):
        """Allocate the step's buffers; states0[1:] are the states beyond a<0> (LSTM: c<0>)."""

    def step(self, t, prev, cur, mask_t):
        """Forward step t: h[prev] -> h[cur], and what the backward needs of this step."""
        raise NotImplementedError

    def final_states(self):
        """The final states beyond h_n (LSTM: c_n)."""
        return ()

    def start_backward(self, d_finals):
        """d_finals[1:]: gradients of the final states beyond h_n (entries may be None)."""

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        """BPTT step t: xw[t] := the gradient of the step's pre-activations; self.dh_mm and
        self.carry := the two parts of dh<t-1>."""
        raise NotImplementedError

    def initial_state_gradients(self):
        """Gradients of the states beyond a<0> (LSTM: dc<0>)."""
        return ()

    def recurrent_gradients(self):
        """(dW_hh (G*H, H), db_hh (G*H,) or None when it equals db_ih)."""
        return weight_gradient(self.xp, self.xw, self.timeline.inputs(self.h)), None

    def free_scratch(self):
        for name in self.scratch:
            vars(self).pop(name, None)

    def per_step_buffer(self):
        """(T, B, H) for what the backward needs of each step; one (1, B, H) slot without it."""
        steps = self.timeline.length if self.save_for_backward else 1
        return self.xp.empty((steps, *self.h.shape[1:]), dtype=self.h.dtype)

    def step_slot(self, t):
        """Index of step t in a per-step buffer: (T, B, H) when kept, else one (1, B, H) slot."""
        return t if self.save_for_backward else 0

    # --- the loops -----------------------------------------------------------------------------
    def forward(self, states0):
        """states0: initial states, (B, H) arrays. Returns out (T, B, H) and the final states."""
        self.begin(states0)
        step, mask_at = self.step, self.mask_at
        for t, prev, cur in self.timeline.steps():
            step(t, prev, cur, mask_at(t))
        return self.end()

    # A caller that runs several recurrences in lockstep (the attention decoder: each step's
    # input depends on the step before) drives the same loop itself: begin, then `step_at`
    # for t in processing order, then end; and backward likewise.
    def begin(self, states0):
        self.h[self.timeline.first] = states0[0]
        self.start(states0)

    def step_at(self, t):
        """Forward step t (in processing order); xw[t] holds all of its input projection."""
        prev, cur = (t + 1, t) if self.timeline.reverse else (t, t + 1)
        self.step(t, prev, cur, self.mask_at(t))

    def end(self):
        """After the last step: out (T, B, H) and the final states."""
        timeline = self.timeline
        self.free_scratch()
        out = masked_outputs(self.xp, timeline, self.h, self.mask)
        return out, (self.h[timeline.last], *self.final_states())

    def backward(self, dout, d_finals, x_grad=True):
        """dout: (T, B, H) or None; d_finals: gradients of the final states (None entries
        where none flows). Turns the buffers into gradients in place, so it runs once.

        Returns a namespace: x (or None unless x_grad), states0 (a tuple), w_ih, w_hh, b_ih and
        b_hh (None without biases).
        """
        has_dout = dout is not None
        if has_dout:
            dout = self.xp.ascontiguousarray(dout, dtype=self.h.dtype)
        self.begin_backward(d_finals)
        step, mask_at, dh_mm = self.backward_step, self.mask_at, self.dh_mm
        for t, prev, cur in self.timeline.backward_steps():
            step(t, prev, cur, mask_at(t), dout[t] if has_dout else dh_mm, has_dout)
        return self.end_backward(x_grad)

    def begin_backward(self, d_finals):
        dh_n = d_finals[0]
        self.dh_mm = self.xp.zeros_like(self.h[0]) if dh_n is None else dh_n.copy()
        self.carry = self.xp.zeros_like(self.h[0])
        self.start_backward(d_finals)

    def backward_at(self, t, dout_t):
        """BPTT step t (last step first) with dout_t (B, H), the gradient of step t's output
        from outside the recurrence; xw[t] becomes the gradient of its input projection."""
        prev, cur = (t + 1, t) if self.timeline.reverse else (t, t + 1)
        self.backward_step(t, prev, cur, self.mask_at(t), dout_t, True)

    def end_backward(self, x_grad=True):
        """After the first step: the gradients (see `backward`)."""
        self.free_scratch()
        dw_hh, db_hh = self.recurrent_gradients()
        d_states0 = (self.dh_mm + self.carry, *self.initial_state_gradients())
        x, w_ih, has_bias = self.x, self.w_ih, self.has_bias
        steps, batch, features = x.shape
        dxw = self.xw.reshape(steps * batch, -1)  # (T*B, G*H)
        # The pass is over (it runs once): its buffers go now, before the products below.
        vars(self).clear()
        # The input weights' gradients: one product each over all steps.
        db_ih = None
        if has_bias:
            db_ih = dxw.sum(axis=0)
            db_hh = db_ih if db_hh is None else db_hh  # b_hh enters where b_ih does
        return SimpleNamespace(
            x=(dxw @ w_ih).reshape(x.shape) if x_grad else None,
            states0=d_states0,
            w_ih=dxw.T @ x.reshape(steps * batch, features),
            w_hh=dw_hh,
            b_ih=db_ih,
            b_hh=db_hh,
        )

"""The vanilla RNN, with hand-derived BPTT:  a<t> = g(xw[t] + a<t-1> W_aa^T), g = tanh or relu.

xw = x W_ax^T + b_ih + b_hh for all steps (the driver's input projection); the BPTT turns it
into the gradient of the pre-activation, dz<t> = dh<t> * g'(.), in place.
"""

from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import hold_finished, pass_finished, relu_
from rnnkit.kernels.fused import ONE, ZERO, jit, tanh
from rnnkit.kernels.recurrence import Recurrence


# --- forward: h_cur holds a<t-1> W_aa^T on entry and a<t> on exit --------------------------
def step_numpy(xw_t, mask_t, h_prev, h_cur, relu):
    xp = array_module(h_cur)
    h_cur += xw_t
    if relu:
        relu_(xp, h_cur)
    else:
        xp.tanh(h_cur, out=h_cur)
    hold_finished(xp, h_cur, h_prev, mask_t)


@jit
def step_numba(xw_t, mask_t, h_prev, h_cur, relu):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:  # finished: keep the state
            h_cur[b, :] = h_prev[b, :]
            continue
        for j in range(hidden):
            v = h_cur[b, j] + xw_t[b, j]
            h_cur[b, j] = (v if v > 0 else ZERO) if relu else tanh(v)


# --- backward: dh = dh_mm + carry (+ dout_t); dz_t := dh * g'(.); carry := 0 ---------------
def backward_step_numpy(dz_t, h_cur, mask_t, dh_mm, carry, dout_t, has_dout, relu):
    xp = array_module(dz_t)
    # dh<t> from the steps after t; carry stays zero where no row is ever finished
    through = dh_mm if mask_t is None else dh_mm + carry
    dh = through + dout_t if has_dout else through
    if relu:
        xp.multiply(dh, h_cur > 0, out=dz_t)
    else:
        xp.multiply(dh, 1 - h_cur * h_cur, out=dz_t)
    if mask_t is not None:
        carry[...] = 0
        pass_finished(xp, mask_t, carry, through, dz_t)


@jit
def backward_step_numba(dz_t, h_cur, mask_t, dh_mm, carry, dout_t, has_dout, relu):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:  # finished: the gradient passes straight through
            dz_t[b, :] = 0
            carry[b, :] += dh_mm[b, :]
            continue
        for j in range(hidden):
            dh = dh_mm[b, j] + carry[b, j]
            if has_dout:
                dh += dout_t[b, j]
            a = h_cur[b, j]
            dz_t[b, j] = (dh if a > 0 else ZERO) if relu else dh * (ONE - a * a)
            carry[b, j] = 0


class RNN(Recurrence):
    """a<t> = tanh(xw[t] + a<t-1> W_aa^T)."""

    gates = 1
    relu = False
    numpy = SimpleNamespace(step=step_numpy, backward_step=backward_step_numpy)
    numba = SimpleNamespace(step=step_numba, backward_step=backward_step_numba)

    def step(self, t, prev, cur, mask_t):
        h = self.h
        self.xp.matmul(h[prev], self.w_hh_t, out=h[cur])
        self.math.step(self.xw[t], mask_t, h[prev], h[cur], self.relu)

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        dz_t = self.xw[t]
        self.math.backward_step(
            dz_t, self.h[cur], mask_t, self.dh_mm, self.carry, dout_t, has_dout, self.relu
        )
        self.xp.matmul(dz_t, self.w_hh, out=self.dh_mm)


class ReLURNN(RNN):
    """a<t> = relu(xw[t] + a<t-1> W_aa^T)."""

    relu = True

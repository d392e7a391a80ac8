"""The lecture's simplified GRU (update gate only), with hand-derived BPTT.

Gate blocks u|c (update, candidate):
    G_u = sigmoid(xw_u + a<t-1> W_ua^T)
    a~  = tanh(xw_c + a<t-1> W_aa^T)
    a<t> = G_u * a~ + (1 - G_u) * a<t-1>
xw = x W_ih^T + b_ih + b_hh for all steps (the driver's input projection): it holds G_u|a~
after the forward and dz_u|dz_c after the BPTT.
"""

from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import hold_finished, pass_finished, sigmoid_
from rnnkit.kernels.fused import ONE, block, jit, sigmoid, tanh
from rnnkit.kernels.recurrence import Recurrence


# --- forward: rec = a<t-1> W_hh^T (B,2H); xw_t := G_u|a~; h_cur := a<t> ----------------------
def step_numpy(xw_t, rec, mask_t, h_prev, h_cur):
    xp = array_module(h_cur)
    hidden = h_cur.shape[1]
    xw_t += rec
    gate_u = sigmoid_(xp, xw_t[:, :hidden])
    candidate = xp.tanh(xw_t[:, hidden:], out=xw_t[:, hidden:])
    xp.subtract(candidate, h_prev, out=h_cur)  # a<t> = a<t-1> + G_u * (a~ - a<t-1>)
    h_cur *= gate_u
    h_cur += h_prev
    hold_finished(xp, h_cur, h_prev, mask_t)


@jit
def step_numba(xw_t, rec, mask_t, h_prev, h_cur):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:  # finished: keep the state
            h_cur[b, :] = h_prev[b, :]
            continue
        pre, rec_b, hp, hc = xw_t[b], rec[b], h_prev[b], h_cur[b]
        u, c = block(pre, 0, hidden), block(pre, 1, hidden)
        r_u, r_c = block(rec_b, 0, hidden), block(rec_b, 1, hidden)
        for j in range(hidden):
            u[j] = sigmoid(u[j] + r_u[j])
        for j in range(hidden):
            c[j] = tanh(c[j] + r_c[j])
        for j in range(hidden):
            hc[j] = hp[j] + u[j] * (c[j] - hp[j])


# --- backward: dh = dh_mm + carry (+ dout_t); gates_t := dz_u|dz_c; carry := dh * (1 - G_u) ---
def backward_step_numpy(gates_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout):
    xp = array_module(gates_t)
    hidden = h_prev.shape[1]
    through = dh_mm + carry  # dh<t> from the steps after t
    dh = through + dout_t if has_dout else through
    gate_u, candidate = gates_t[:, :hidden], gates_t[:, hidden:]
    dz_u = dh * (candidate - h_prev) * gate_u * (1 - gate_u)
    dz_c = dh * gate_u * (1 - candidate * candidate)
    xp.multiply(dh, 1 - gate_u, out=carry)
    gates_t[:, :hidden], gates_t[:, hidden:] = dz_u, dz_c
    pass_finished(xp, mask_t, carry, through, gates_t)


@jit
def backward_step_numba(gates_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout):
    hidden = h_prev.shape[1]
    for b in range(h_prev.shape[0]):
        if not mask_t[b]:  # finished: the gradient passes straight through
            gates_t[b, :] = 0
            carry[b, :] += dh_mm[b, :]
            continue
        a, mm, cr, hp = gates_t[b], dh_mm[b], carry[b], h_prev[b]
        a_u, a_c = block(a, 0, hidden), block(a, 1, hidden)
        for j in range(hidden):
            dh = mm[j] + cr[j]
            if has_dout:
                dh += dout_t[b, j]
            u, c = a_u[j], a_c[j]
            a_u[j] = dh * (c - hp[j]) * u * (ONE - u)
            a_c[j] = dh * u * (ONE - c * c)
            cr[j] = dh * (ONE - u)


class SimplifiedGRU(Recurrence):
    gates = 2
    scratch = ("rec",)
    numpy = SimpleNamespace(step=step_numpy, backward_step=backward_step_numpy)
    numba = SimpleNamespace(step=step_numba, backward_step=backward_step_numba)

    def start(self, states0):
        self.rec = self.xp.empty((self.h.shape[1], 2 * self.hidden), dtype=self.h.dtype)

    def step(self, t, prev, cur, mask_t):
        h = self.h
        self.xp.matmul(h[prev], self.w_hh_t, out=self.rec)
        self.math.step(self.xw[t], self.rec, mask_t, h[prev], h[cur])

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        gates_t = self.xw[t]
        self.math.backward_step(
            gates_t, self.h[prev], mask_t, self.dh_mm, self.carry, dout_t, has_dout
        )
        self.xp.matmul(gates_t, self.w_hh, out=self.dh_mm)

"""LSTM, with hand-derived BPTT.

Per step (PyTorch's gate order i|f|g|o; the lecture's G_u = i, G_f = f, G_o = o, c~ = g):
    z = xw[t] + b + a<t-1> @ W_hh^T                 (B, 4H) pre-activations
    i, f, o = sigmoid(z_i, z_f, z_o);  g = tanh(z_g)
    c<t> = i * g + f * c<t-1>
    a<t> = o * tanh(c<t>)
xw = x @ W_ih^T for all steps (the driver's input projection; the bias b = b_ih + b_hh is
added step by step, inside the gate loop where it costs nothing): it holds the gate
activations i|f|g|o after the forward and the pre-activation gradients after the BPTT.
"""

from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import hold_finished, pass_finished, sigmoid_
from rnnkit.kernels.fused import ONE, block, jit, sigmoid, tanh
from rnnkit.kernels.recurrence import Recurrence


# --- forward: rec = a<t-1> W_hh^T (B,4H); xw_t := i|f|g|o; c_cur, tanh_c, h_cur out ---------
def step_numpy(xw_t, bias, rec, mask_t, c_prev, c_cur, tanh_c, h_prev, h_cur):
    xp = array_module(h_cur)
    hidden = h_cur.shape[1]
    pre = xw_t  # the pre-activations, turned into the gate activations in place
    if bias is not None:
        pre += bias
    pre += rec
    sigmoid_(xp, pre[:, : 2 * hidden])  # i, f
    xp.tanh(pre[:, 2 * hidden : 3 * hidden], out=pre[:, 2 * hidden : 3 * hidden])  # g
    sigmoid_(xp, pre[:, 3 * hidden :])  # o
    i, f, g, o = (pre[:, k * hidden : (k + 1) * hidden] for k in range(4))
    xp.multiply(f, c_prev, out=c_cur)
    c_cur += i * g
    xp.tanh(c_cur, out=tanh_c)
    xp.multiply(o, tanh_c, out=h_cur)
    hold_finished(xp, h_cur, h_prev, mask_t)
    hold_finished(xp, c_cur, c_prev, mask_t)


@jit
def step_numba(xw_t, bias, rec, mask_t, c_prev, c_cur, tanh_c, h_prev, h_cur):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:  # finished: keep the state
            h_cur[b, :] = h_prev[b, :]
            c_cur[b, :] = c_prev[b, :]
            continue
        # Short loops over one row, each touching few arrays, so that LLVM vectorises
        # them (one long loop over eight arrays needs too many aliasing checks); each
        # gate block a view indexed from 0 (`block`).
        pre, rec_b = xw_t[b], rec[b]  # pre-activations (becoming activations), a W_hh^T
        for k in range(2 * hidden):  # i, f
            pre[k] = sigmoid(pre[k] + bias[k] + rec_b[k])
        i, f, g, o = (
            block(pre, 0, hidden),
            block(pre, 1, hidden),
            block(pre, 2, hidden),
            block(pre, 3, hidden),
        )
        r_g, r_o = block(rec_b, 2, hidden), block(rec_b, 3, hidden)
        b_g, b_o = block(bias, 2, hidden), block(bias, 3, hidden)
        for j in range(hidden):
            g[j] = tanh(g[j] + b_g[j] + r_g[j])
        for j in range(hidden):
            o[j] = sigmoid(o[j] + b_o[j] + r_o[j])
        cp, cc, tc, hc = c_prev[b], c_cur[b], tanh_c[b], h_cur[b]
        for j in range(hidden):  # c<t> = f * c<t-1> + i * g
            cc[j] = f[j] * cp[j] + i[j] * g[j]
        for j in range(hidden):  # a<t> = o * tanh(c<t>)
            tc[j] = tanh(cc[j])
        for j in range(hidden):
            hc[j] = o[j] * tc[j]


# --- backward: dh = dh_mm + carry (+ dout_t); gates_t := dz (B,4H); dc := dc<t-1>; carry := 0 -
def backward_step_numpy(gates_t, tanh_c, c_prev, mask_t, dh_mm, carry, dout_t, has_dout, dc):
    xp = array_module(gates_t)
    hidden = dc.shape[1]
    # dh<t> from the steps after t; carry stays zero where no row is ever finished
    through = dh_mm if mask_t is None else dh_mm + carry
    dh = through + dout_t if has_dout else through
    i, f, g, o = (gates_t[:, k * hidden : (k + 1) * hidden] for k in range(4))
    dc_t = dc + dh * o * (1 - tanh_c * tanh_c)  # through a<t> = o * tanh(c<t>)
    dz_o = dh * tanh_c * o * (1 - o)
    dz_i = dc_t * g * i * (1 - i)
    dz_g = dc_t * i * (1 - g * g)
    dz_f = dc_t * c_prev * f * (1 - f)
    dc_prev = dc_t * f
    # overwrite this step's activations (i, f, g, o above) with their gradients
    gates_t[:, :hidden], gates_t[:, hidden : 2 * hidden] = dz_i, dz_f
    gates_t[:, 2 * hidden : 3 * hidden], gates_t[:, 3 * hidden :] = dz_g, dz_o
    if mask_t is None:
        dc[...] = dc_prev
    else:  # finished rows keep dc as it is, and pass dh straight through
        xp.copyto(dc, dc_prev, where=mask_t[:, None])
        carry[...] = 0
        pass_finished(xp, mask_t, carry, through, gates_t)


@jit
def backward_step_numba(gates_t, tanh_c, c_prev, mask_t, dh_mm, carry, dout_t, has_dout, dc):
    hidden = dc.shape[1]
    for b in range(dc.shape[0]):
        if not mask_t[b]:  # finished: the gradient passes straight through
            gates_t[b, :] = 0
            carry[b, :] += dh_mm[b, :]
            continue
        a = gates_t[b]
        a_i, a_f, a_g, a_o = (
            block(a, 0, hidden),
            block(a, 1, hidden),
            block(a, 2, hidden),
            block(a, 3, hidden),
        )
        dh_b, carry_b, dc_b, tc_b, cp_b = dh_mm[b], carry[b], dc[b], tanh_c[b], c_prev[b]
        dout_b = dout_t[b] if has_dout else dh_b
        for j in range(hidden):
            dh = dh_b[j] + carry_b[j]
            if has_dout:
                dh += dout_b[j]
            i, f, g, o = a_i[j], a_f[j], a_g[j], a_o[j]
            tc = tc_b[j]
            dc_t = dc_b[j] + dh * o * (ONE - tc * tc)  # through a<t> = o * tanh(c<t>)
            a_i[j] = dc_t * g * i * (ONE - i)
            a_f[j] = dc_t * cp_b[j] * f * (ONE - f)
            a_g[j] = dc_t * i * (ONE - g * g)
            a_o[j] = dh * tc * o * (ONE - o)
            dc_b[j] = dc_t * f
            carry_b[j] = 0


class LSTM(Recurrence):
    gates, states = 4, 2
    scratch = ("rec",)
    numpy = SimpleNamespace(step=step_numpy, backward_step=backward_step_numpy)
    numba = SimpleNamespace(step=step_numba, backward_step=backward_step_numba)

    def split_bias(self, b_ih, b_hh):
        return None, b_ih + b_hh  # added inside the gate loop

    def start(self, states0):
        xp, h, hidden = self.xp, self.h, self.hidden
        batch = h.shape[1]
        # Without save_for_backward, c lives in two alternating slots and tanh(c) in one.
        if self.save_for_backward:
            self.c = xp.empty_like(h)
        else:
            self.c = xp.empty((2, batch, hidden), dtype=h.dtype)
        self.tanh_c = self.per_step_buffer()
        self.c[self.slot(self.timeline.first)] = states0[1]
        self.rec = xp.empty((batch, 4 * hidden), dtype=h.dtype)
        if self.math is self.numba:  # the numba loop always adds a bias (zeros without one)
            bias = self.step_bias
            self.step_bias = (
                xp.zeros(4 * hidden, h.dtype) if bias is None else bias.astype(h.dtype, copy=False)
            )

    def slot(self, s):
        """Where state slot s of c lives: all T+1 kept, or two alternating."""
        return s if self.save_for_backward else s % 2

    def step(self, t, prev, cur, mask_t):
        h, c = self.h, self.c
        self.xp.matmul(h[prev], self.w_hh_t, out=self.rec)
        c_prev, c_cur = c[self.slot(prev)], c[self.slot(cur)]
        self.math.step(
            self.xw[t],
            self.step_bias,
            self.rec,
            mask_t,
            c_prev,
            c_cur,
            self.tanh_c[self.step_slot(t)],
            h[prev],
            h[cur],
        )

    def final_states(self):
        return (self.c[self.slot(self.timeline.last)],)

    def start_backward(self, d_finals):
        dc_n = d_finals[1]
        self.dc = self.xp.zeros_like(self.h[0]) if dc_n is None else dc_n.copy()

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        gates_t = self.xw[t]
        self.math.backward_step(
            gates_t,
            self.tanh_c[t],
            self.c[prev],
            mask_t,
            self.dh_mm,
            self.carry,
            dout_t,
            has_dout,
            self.dc,
        )
        self.xp.matmul(gates_t, self.w_hh, out=self.dh_mm)

    def initial_state_gradients(self):
        return (self.dc,)

"""GRU, with hand-derived BPTT. Gate blocks r|z|n (PyTorch).

reset_after (`GRU`: PyTorch, cuDNN):
    r = sigmoid(xw_r + a W_hr^T);  z = sigmoid(xw_z + a W_hz^T)
    n = tanh(xw_n + r * (a W_hn^T + b_hn))
reset before the product (`GRUResetBefore`: the original paper; Keras reset_after=False):
    n = tanh(xw_n + (r * a) W_hn^T)
and in both  a<t> = (1 - z) * n + z * a<t-1>.
Here z is PyTorch's update gate: it keeps the old state (the lecture's G_u is 1 - z).
xw = x W_ih^T + b_ih + b_hh for all steps (without b_hn when reset_after, since that bias
sits inside r * (...)): it holds r|z|n after the forward and dz_r|dz_z|dz_n after the BPTT.
Per step, the BPTT needs a W_hn^T + b_hn (`hn`, reset_after) or r * a (`rh`, reset before).
"""

from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import hold_finished, pass_finished, sigmoid_, weight_gradient
from rnnkit.kernels.fused import ONE, block, jit, sigmoid, tanh
from rnnkit.kernels.recurrence import Recurrence


# --- reset_after, forward: rec = a<t-1> W_hh^T (B,3H); xw_t := r|z|n; hn_t := a W_hn^T + b_hn -
def step_numpy(xw_t, rec, b_hn, mask_t, h_prev, h_cur, hn_t):
    xp = array_module(h_cur)
    hidden = h_cur.shape[1]
    rz, zn = xw_t[:, : 2 * hidden], xw_t[:, 2 * hidden :]
    rz += rec[:, : 2 * hidden]
    sigmoid_(xp, rz)
    r, z = rz[:, :hidden], rz[:, hidden:]
    if b_hn is None:
        hn_t[...] = rec[:, 2 * hidden :]
    else:
        xp.add(rec[:, 2 * hidden :], b_hn, out=hn_t)
    zn += r * hn_t
    n = xp.tanh(zn, out=zn)
    xp.subtract(h_prev, n, out=h_cur)  # a<t> = n + z * (a<t-1> - n)
    h_cur *= z
    h_cur += n
    hold_finished(xp, h_cur, h_prev, mask_t)


@jit
def step_numba(xw_t, rec, b_hn, mask_t, h_prev, h_cur, hn_t):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:  # finished: keep the state
            h_cur[b, :] = h_prev[b, :]
            continue
        pre, rec_b, hn, hp, hc = xw_t[b], rec[b], hn_t[b], h_prev[b], h_cur[b]
        for k in range(2 * hidden):  # r, z (short loops vectorise, as in lstm.py)
            pre[k] = sigmoid(pre[k] + rec_b[k])
        r, z, n = block(pre, 0, hidden), block(pre, 1, hidden), block(pre, 2, hidden)
        rec_n = block(rec_b, 2, hidden)
        for j in range(hidden):
            hn[j] = rec_n[j] + b_hn[j]
        for j in range(hidden):  # n = tanh(xw_n + r * (a W_hn^T + b_hn))
            n[j] = tanh(n[j] + r[j] * hn[j])
        for j in range(hidden):  # a<t> = n + z * (a<t-1> - n)
            hc[j] = n[j] + z[j] * (hp[j] - n[j])


# --- reset_after, backward: dh = dh_mm + carry (+ dout_t); gates_t := dz_r|dz_z|dz_n;
# dgh := dz_r|dz_z|dz_n*r (B,3H), the gradient of a<t-1> W_hh^T (+ b_hn); d_hn_t := dz_n*r;
# carry := dh * z
def backward_step_numpy(gates_t, hn_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, dgh, d_hn_t):
    xp = array_module(gates_t)
    hidden = h_prev.shape[1]
    through = dh_mm + carry  # dh<t> from the steps after t
    dh = through + dout_t if has_dout else through
    r, z, n = (gates_t[:, k * hidden : (k + 1) * hidden] for k in range(3))
    dz_n = dh * (1 - z) * (1 - n * n)
    dz_z = dh * (h_prev - n) * z * (1 - z)
    xp.multiply(dz_n, r, out=d_hn_t)
    dz_r = d_hn_t * hn_t * (1 - r)
    xp.multiply(dh, z, out=carry)
    gates_t[:, :hidden], gates_t[:, hidden : 2 * hidden], gates_t[:, 2 * hidden :] = (
        dz_r,
        dz_z,
        dz_n,
    )
    dgh[:, : 2 * hidden], dgh[:, 2 * hidden :] = gates_t[:, : 2 * hidden], d_hn_t
    pass_finished(xp, mask_t, carry, through, gates_t, dgh, d_hn_t)


@jit
def backward_step_numba(gates_t, hn_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, dgh, d_hn_t):
    hidden = h_prev.shape[1]
    for b in range(h_prev.shape[0]):
        if not mask_t[b]:  # finished: the gradient passes straight through
            gates_t[b, :] = 0
            dgh[b, :] = 0
            d_hn_t[b, :] = 0
            carry[b, :] += dh_mm[b, :]
            continue
        # gate blocks as views indexed from 0, so that the loop vectorises (see `block`)
        a, d = gates_t[b], dgh[b]
        a_r, a_z, a_n = block(a, 0, hidden), block(a, 1, hidden), block(a, 2, hidden)
        d_r, d_z, d_n = block(d, 0, hidden), block(d, 1, hidden), block(d, 2, hidden)
        mm, cr, hp, hn, dhn_row = dh_mm[b], carry[b], h_prev[b], hn_t[b], d_hn_t[b]
        for j in range(hidden):
            dh = mm[j] + cr[j]
            if has_dout:
                dh += dout_t[b, j]
            r, z, n = a_r[j], a_z[j], a_n[j]
            dz_n = dh * (ONE - z) * (ONE - n * n)
            dz_z = dh * (hp[j] - n) * z * (ONE - z)
            dhn = dz_n * r
            dz_r = dhn * hn[j] * (ONE - r)
            a_r[j], a_z[j], a_n[j] = dz_r, dz_z, dz_n
            d_r[j], d_z[j], d_n[j] = dz_r, dz_z, dhn
            dhn_row[j] = dhn
            cr[j] = dh * z


class GRU(Recurrence):
    """reset_after: one product a<t-1> W_hh^T per step, forward and backward."""

    gates = 3
    scratch = ("rec", "dgh")
    numpy = SimpleNamespace(step=step_numpy, backward_step=backward_step_numpy)
    numba = SimpleNamespace(step=step_numba, backward_step=backward_step_numba)

    def split_bias(self, b_ih, b_hh):
        hidden = self.hidden
        bias = b_ih + b_hh
        bias[2 * hidden :] = b_ih[2 * hidden :]
        return bias, b_hh[2 * hidden :]  # b_hn stays apart: it sits inside r * (...)

    def start(self, states0):
        xp, h, hidden = self.xp, self.h, self.hidden
        self.hn = self.per_step_buffer()  # a<t-1> W_hn^T + b_hn
        self.rec = xp.empty((h.shape[1], 3 * hidden), dtype=h.dtype)  # a W_hh^T, all three blocks
        if self.math is self.numba and self.step_bias is None:
            self.step_bias = xp.zeros(hidden, dtype=h.dtype)

    def step(self, t, prev, cur, mask_t):
        h = self.h
        self.xp.matmul(h[prev], self.w_hh_t, out=self.rec)
        self.math.step(
            self.xw[t],
            self.rec,
            self.step_bias,
            mask_t,
            h[prev],
            h[cur],
            self.hn[self.step_slot(t)],
        )

    def start_backward(self, d_finals):
        # the gradient of each step's a W_hn^T (+ b_hn), for W_hn and b_hn
        self.d_hn = self.xp.empty_like(self.h[1:])
        self.dgh = self.xp.empty_like(self.xw[0])

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        self.math.backward_step(
            self.xw[t],
            self.hn[t],
            self.h[prev],
            mask_t,
            self.dh_mm,
            self.carry,
            dout_t,
            has_dout,
            self.dgh,
            self.d_hn[t],
        )
        self.xp.matmul(self.dgh, self.w_hh, out=self.dh_mm)

    def recurrent_gradients(self):
        xp, acts, hidden, inputs = self.xp, self.xw, self.hidden, self.timeline.inputs(self.h)
        dw_hh = xp.concatenate(
            [
                weight_gradient(xp, acts[:, :, : 2 * hidden], inputs),
                weight_gradient(xp, self.d_hn, self.n_inputs()),
            ]
        )
        return dw_hh, self.recurrent_bias_gradient()

    def n_inputs(self):
        """What W_hn multiplies at each step: a<t-1> here, r * a<t-1> reset before."""
        return self.timeline.inputs(self.h)

    def recurrent_bias_gradient(self):
        """db_hh: dxw summed, but for b_hn, which sits inside r * (...)."""
        if not self.has_bias:
            return None
        db_hh = self.xw.sum(axis=(0, 1))
        db_hh[2 * self.hidden :] = self.d_hn.sum(axis=(0, 1))
        return db_hh


# --- reset before, forward in two passes around the second product ---------------------------
# gates: rec_rz = a<t-1> W_hrz^T (B,2H); xw_t[:, :2H] := r|z; rh_t := r * a<t-1>. All rows, so
# that rh_t (which enters the W_hn gradient) is finite in finished rows too.
def gates_numpy(xw_t, rec_rz, h_prev, rh_t):
    xp = array_module(h_prev)
    hidden = h_prev.shape[1]
    rz = xw_t[:, : 2 * hidden]
    rz += rec_rz
    sigmoid_(xp, rz)
    xp.multiply(rz[:, :hidden], h_prev, out=rh_t)


@jit
def gates_numba(xw_t, rec_rz, h_prev, rh_t):
    hidden = h_prev.shape[1]
    for b in range(h_prev.shape[0]):
        pre, rec_b, hp, rh = xw_t[b], rec_rz[b], h_prev[b], rh_t[b]
        for k in range(2 * hidden):
            pre[k] = sigmoid(pre[k] + rec_b[k])
        r = block(pre, 0, hidden)
        for j in range(hidden):
            rh[j] = r[j] * hp[j]


# candidate: rec_n = (r * a<t-1>) W_hn^T (B,H); xw_t[:, 2H:] := n; h_cur := n + z * (a<t-1> - n)
def candidate_numpy(xw_t, rec_n, mask_t, h_prev, h_cur):
    xp = array_module(h_cur)
    hidden = h_cur.shape[1]
    z, zn = xw_t[:, hidden : 2 * hidden], xw_t[:, 2 * hidden :]
    zn += rec_n
    n = xp.tanh(zn, out=zn)
    xp.subtract(h_prev, n, out=h_cur)
    h_cur *= z
    h_cur += n
    hold_finished(xp, h_cur, h_prev, mask_t)


@jit
def candidate_numba(xw_t, rec_n, mask_t, h_prev, h_cur):
    hidden = h_cur.shape[1]
    for b in range(h_cur.shape[0]):
        if not mask_t[b]:
            h_cur[b, :] = h_prev[b, :]
            continue
        pre, rec_b, hp, hc = xw_t[b], rec_n[b], h_prev[b], h_cur[b]
        z, n = block(pre, 1, hidden), block(pre, 2, hidden)
        for j in range(hidden):
            n[j] = tanh(n[j] + rec_b[j])
        for j in range(hidden):
            hc[j] = n[j] + z[j] * (hp[j] - n[j])


# --- reset before, backward in two passes around the product with W_hn ----------------------
# zn: dh = dh_mm + carry (+ dout_t); gates_t[:, H:] := dz_z|dz_n; d_hn_t := dz_n (the gradient of
# (r * a<t-1>) W_hn^T); carry := dh * z (all of dh for finished rows, whose gates_t row is zeroed)
def backward_zn_numpy(gates_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, d_hn_t):
    xp = array_module(gates_t)
    hidden = h_prev.shape[1]
    through = dh_mm + carry  # dh<t> from the steps after t
    dh = through + dout_t if has_dout else through
    z, n = gates_t[:, hidden : 2 * hidden], gates_t[:, 2 * hidden :]
    xp.multiply(dh * (1 - z), 1 - n * n, out=d_hn_t)
    dz_z = dh * (h_prev - n) * z * (1 - z)
    xp.multiply(dh, z, out=carry)
    gates_t[:, hidden : 2 * hidden], gates_t[:, 2 * hidden :] = dz_z, d_hn_t
    pass_finished(xp, mask_t, carry, through, gates_t, d_hn_t)


@jit
def backward_zn_numba(gates_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, d_hn_t):
    hidden = h_prev.shape[1]
    for b in range(h_prev.shape[0]):
        if not mask_t[b]:
            gates_t[b, :] = 0
            d_hn_t[b, :] = 0
            carry[b, :] += dh_mm[b, :]
            continue
        a, mm, cr, hp, dhn = gates_t[b], dh_mm[b], carry[b], h_prev[b], d_hn_t[b]
        a_z, a_n = block(a, 1, hidden), block(a, 2, hidden)
        for j in range(hidden):
            dh = mm[j] + cr[j]
            if has_dout:
                dh += dout_t[b, j]
            z, n = a_z[j], a_n[j]
            dz_n = dh * (ONE - z) * (ONE - n * n)
            a_z[j] = dh * (hp[j] - n) * z * (ONE - z)
            a_n[j] = dz_n
            dhn[j] = dz_n
            cr[j] = dh * z


# r: d_rh = dz_n W_hn (B,H), the gradient of r * a<t-1>: gates_t[:, :H] := dz_r and carry +=
# d_rh * r. Finished rows have r = 0 and d_rh = 0 here, so they stay as they are.
def backward_r_numpy(gates_t, h_prev, d_rh, carry):
    hidden = h_prev.shape[1]
    r = gates_t[:, :hidden]
    carry += d_rh * r
    r *= d_rh * h_prev * (1 - r)  # dz_r = d_rh * a<t-1> * r * (1 - r)


@jit
def backward_r_numba(gates_t, h_prev, d_rh, carry):
    hidden = h_prev.shape[1]
    for b in range(h_prev.shape[0]):
        a_r, hp, d, cr = block(gates_t[b], 0, hidden), h_prev[b], d_rh[b], carry[b]
        for j in range(hidden):
            r = a_r[j]
            cr[j] += d[j] * r
            a_r[j] = d[j] * hp[j] * r * (ONE - r)


class GRUResetBefore(GRU):
    """Reset before the product: two products a step, forward and backward."""

    scratch = ("rec_rz", "rec_n", "d_rh")
    numpy = SimpleNamespace(
        gates=gates_numpy,
        candidate=candidate_numpy,
        backward_zn=backward_zn_numpy,
        backward_r=backward_r_numpy,
    )
    numba = SimpleNamespace(
        gates=gates_numba,
        candidate=candidate_numba,
        backward_zn=backward_zn_numba,
        backward_r=backward_r_numba,
    )

    def split_bias(self, b_ih, b_hh):
        return b_ih + b_hh, None

    def start(self, states0):
        xp, h, hidden = self.xp, self.h, self.hidden
        batch = h.shape[1]
        self.rh = self.per_step_buffer()  # r * a<t-1>
        self.rec_rz = xp.empty((batch, 2 * hidden), dtype=h.dtype)
        self.rec_n = xp.empty((batch, hidden), dtype=h.dtype)
        self.w_rz_t, self.w_n_t = self.w_hh_t[:, : 2 * hidden], self.w_hh_t[:, 2 * hidden :]

    def step(self, t, prev, cur, mask_t):
        xp, h, xw_t, rh_t = self.xp, self.h, self.xw[t], self.rh[self.step_slot(t)]
        xp.matmul(h[prev], self.w_rz_t, out=self.rec_rz)
        self.math.gates(xw_t, self.rec_rz, h[prev], rh_t)
        xp.matmul(rh_t, self.w_n_t, out=self.rec_n)
        self.math.candidate(xw_t, self.rec_n, mask_t, h[prev], h[cur])

    def start_backward(self, d_finals):
        hidden = self.hidden
        self.d_hn = self.xp.empty_like(self.h[1:])  # the gradient of (r * a) W_hn^T per step
        self.d_rh = self.xp.empty_like(self.h[0])  # the gradient of r * a<t-1>
        self.w_rz, self.w_n = self.w_hh[: 2 * hidden], self.w_hh[2 * hidden :]

    def backward_step(self, t, prev, cur, mask_t, dout_t, has_dout):
        xp, gates_t, h_prev = self.xp, self.xw[t], self.h[prev]
        self.math.backward_zn(
            gates_t, h_prev, mask_t, self.dh_mm, self.carry, dout_t, has_dout, self.d_hn[t]
        )
        xp.matmul(self.d_hn[t], self.w_n, out=self.d_rh)
        self.math.backward_r(gates_t, h_prev, self.d_rh, self.carry)
        xp.matmul(gates_t[:, : 2 * self.hidden], self.w_rz, out=self.dh_mm)

    def n_inputs(self):
        return self.rh

    def recurrent_bias_gradient(self):
        return None  # b_hh enters where b_ih does

"""Optional numba kernels: the elementwise gate math of one time step in one pass.

The NumPy kernels spend about as long on the gates as on the recurrent matrix product
(each `tanh`, `*`, `+` is one pass over (B, G*H) with a temporary, and NumPy's float32 tanh
is not vectorised here). These loops do all of one step's gate math in one pass, vectorised
by LLVM; the matrix products stay in BLAS. They compute the same equations as the NumPy
code next to each call (see lstm.py, gru.py, sgru.py, rnn.py), and padding (mask) too: a
finished row keeps its state going forward and passes its gradient through going backward.

float32 uses a rational approximation of tanh (Eigen's; at most 3e-7 from the true value,
a few float32 ulps) because libm's tanh does not vectorise; float64 uses math.tanh, so the
float64 parity checks against PyTorch hold to 1e-10 on this path as well.

Used when numba imports and RNNKIT_NUMBA is not "0" (set RNNKIT_NUMBA=0 or
`rnnkit.kernels.fused.ENABLED = False` for the pure NumPy path), for NumPy arrays only.
"""

import math
import os

import numpy

try:
    import numba
    from numba import types
    from numba.extending import overload
except ImportError:  # the pure NumPy path
    numba = None

ENABLED = numba is not None and os.environ.get("RNNKIT_NUMBA", "1") != "0"


def usable(*arrays):
    """Whether the fused kernels run for these arrays (NumPy, float32 or float64)."""
    return ENABLED and all(
        type(a) is numpy.ndarray and a.dtype in (numpy.float32, numpy.float64) for a in arrays
    )


if numba is not None:
    # error_model="numpy": no ZeroDivisionError check, which would stop vectorisation.
    JIT = {"fastmath": True, "error_model": "numpy", "boundscheck": False, "cache": True}

    def tanh(x):
        return math.tanh(x)

    def _tanh_float32(x):
        # Eigen's float32 tanh: odd rational function on [-7.9, 7.9], where tanh is 1 - 1e-7.
        x = min(max(x, numpy.float32(-7.90531110763549805)), numpy.float32(7.90531110763549805))
        x2 = x * x
        p = x2 * numpy.float32(-2.76076847742355e-16) + numpy.float32(2.00018790482477e-13)
        p = x2 * p + numpy.float32(-8.60467152213735e-11)
        p = x2 * p + numpy.float32(5.12229709037114e-08)
        p = x2 * p + numpy.float32(1.48572235717979e-05)
        p = x2 * p + numpy.float32(6.37261928875436e-04)
        p = x2 * p + numpy.float32(4.89352455891786e-03)
        q = x2 * numpy.float32(1.19825839466702e-06) + numpy.float32(1.18534705686654e-04)
        q = x2 * q + numpy.float32(2.26843463243900e-03)
        q = x2 * q + numpy.float32(4.89352518554385e-03)
        return x * p / q

    @overload(tanh, jit_options={"fastmath": True, "error_model": "numpy"})
    def _tanh_overload(x):
        if isinstance(x, types.Float) and x.bitwidth == 32:
            return _tanh_float32
        return lambda x: math.tanh(x)

    # Constants as float32 (exact in both precisions): a Python float would be float64 and
    # turn float32 arithmetic into float64, with the scalar libm tanh.
    ZERO, ONE, HALF = numpy.float32(0), numpy.float32(1), numpy.float32(0.5)

    @numba.njit(inline="always", **JIT)
    def sigmoid(x):
        return HALF * tanh(HALF * x) + HALF  # no overflow for large |x|

    @numba.njit(inline="always", **JIT)
    def block(row, k, hidden):
        """Gate block k of one row of (B, G*H): a view indexed from 0.

        An index like z[2 * hidden + j] may be negative as far as LLVM knows, and numba's
        wraparound for negative indices then keeps the loop scalar (measured: 3-4x slower).
        """
        return row[k * hidden : (k + 1) * hidden]

    # --- LSTM, gate blocks i|f|g|o ------------------------------------------------------------
    @numba.njit(**JIT)
    def lstm_step(xw_t, bias, rec, mask_t, c_prev, c_cur, tanh_c, h_prev, h_cur):
        """xw_t (B,4H) += bias (4H,) + rec, then the gate activations in place; c_cur, tanh_c,
        h_cur out. (Adding the bias here is free; NumPy's broadcast add over all steps was
        ~75 ms of a 2.3 s training step at T,B,H = 50,128,1024.)"""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:  # finished: keep the state
                h_cur[b, :] = h_prev[b, :]
                c_cur[b, :] = c_prev[b, :]
                continue
            # Short loops over one row, each touching few arrays, so that LLVM vectorises
            # them (one long loop over eight arrays needs too many aliasing checks); each
            # gate block a view indexed from 0 (`block`).
            z, r = xw_t[b], rec[b]
            for k in range(2 * hidden):  # i, f
                z[k] = sigmoid(z[k] + bias[k] + r[k])
            i, f, g, o = (
                block(z, 0, hidden),
                block(z, 1, hidden),
                block(z, 2, hidden),
                block(z, 3, hidden),
            )
            r_g, r_o = block(r, 2, hidden), block(r, 3, hidden)
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

    @numba.njit(**JIT)
    def lstm_backward_step(acts_t, tanh_c, c_prev, mask_t, dh_mm, carry, dout_t, has_dout, dc):
        """dh = dh_mm + carry (+ dout_t); acts_t := dz (B,4H); dc := dc<t-1>; carry := the part
        of dh<t-1> that bypasses the product dz @ W_hh (all of it for finished rows)."""
        hidden = dc.shape[1]
        for b in range(dc.shape[0]):
            if not mask_t[b]:  # finished: the gradient passes straight through
                acts_t[b, :] = 0
                carry[b, :] += dh_mm[b, :]
                continue
            a = acts_t[b]
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

    # --- GRU (reset_after, PyTorch's), gate blocks r|z|n ---------------------------------------
    @numba.njit(**JIT)
    def gru_step(xw_t, rec, b_hn, mask_t, h_prev, h_cur, hn_t):
        """rec = a<t-1> W_hh^T (B,3H); xw_t := r|z|n; hn_t := a<t-1> W_hn^T + b_hn; h_cur."""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:
                h_cur[b, :] = h_prev[b, :]
                continue
            x, r_, hn, hp, hc = xw_t[b], rec[b], hn_t[b], h_prev[b], h_cur[b]
            for k in range(2 * hidden):  # r, z (short loops vectorise, as in lstm_step)
                x[k] = sigmoid(x[k] + r_[k])
            r, z, n = block(x, 0, hidden), block(x, 1, hidden), block(x, 2, hidden)
            rec_n = block(r_, 2, hidden)
            for j in range(hidden):
                hn[j] = rec_n[j] + b_hn[j]
            for j in range(hidden):  # n = tanh(xw_n + r * (a W_hn^T + b_hn))
                n[j] = tanh(n[j] + r[j] * hn[j])
            for j in range(hidden):  # a<t> = n + z * (a<t-1> - n)
                hc[j] = n[j] + z[j] * (hp[j] - n[j])

    @numba.njit(**JIT)
    def gru_backward_step(
        acts_t, hn_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, dgh, d_hn_t
    ):
        """dh = dh_mm + carry (+ dout_t); acts_t := dz_r|dz_z|dz_n; dgh := dz_r|dz_z|dz_n*r
        (B,3H), the gradient of a<t-1> W_hh^T (+ b_hn); d_hn_t := dz_n*r; carry := dh*z."""
        hidden = h_prev.shape[1]
        for b in range(h_prev.shape[0]):
            if not mask_t[b]:
                acts_t[b, :] = 0
                dgh[b, :] = 0
                d_hn_t[b, :] = 0
                carry[b, :] += dh_mm[b, :]
                continue
            # gate blocks as views indexed from 0, so that the loop vectorises (see `block`)
            a, d = acts_t[b], dgh[b]
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

    # --- GRU with the reset gate before the product (reset_after=False): two products a step ---
    @numba.njit(**JIT)
    def gru_rb_gates(xw_t, rec_rz, h_prev, rh_t):
        """rec_rz = a<t-1> W_hrz^T (B,2H); xw_t[:, :2H] := r|z; rh_t := r * a<t-1>. All rows, so
        that rh_t (which enters the W_hn gradient) is finite in finished rows too."""
        hidden = h_prev.shape[1]
        for b in range(h_prev.shape[0]):
            x, rr, hp, rh = xw_t[b], rec_rz[b], h_prev[b], rh_t[b]
            for k in range(2 * hidden):
                x[k] = sigmoid(x[k] + rr[k])
            r = block(x, 0, hidden)
            for j in range(hidden):
                rh[j] = r[j] * hp[j]

    @numba.njit(**JIT)
    def gru_rb_step(xw_t, rec_n, mask_t, h_prev, h_cur):
        """rec_n = (r * a<t-1>) W_hn^T (B,H); xw_t[:, 2H:] := n; h_cur := n + z * (a<t-1> - n)."""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:
                h_cur[b, :] = h_prev[b, :]
                continue
            x, rn, hp, hc = xw_t[b], rec_n[b], h_prev[b], h_cur[b]
            z, n = block(x, 1, hidden), block(x, 2, hidden)
            for j in range(hidden):
                n[j] = tanh(n[j] + rn[j])
            for j in range(hidden):
                hc[j] = n[j] + z[j] * (hp[j] - n[j])

    @numba.njit(**JIT)
    def gru_rb_backward_zn(acts_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout, d_hn_t):
        """dh = dh_mm + carry (+ dout_t); acts_t[:, H:] := dz_z|dz_n; d_hn_t := dz_n (the
        gradient of (r * a<t-1>) W_hn^T); carry := dh * z (all of dh for finished rows, whose
        acts_t row is zeroed)."""
        hidden = h_prev.shape[1]
        for b in range(h_prev.shape[0]):
            if not mask_t[b]:
                acts_t[b, :] = 0
                d_hn_t[b, :] = 0
                carry[b, :] += dh_mm[b, :]
                continue
            a, mm, cr, hp, dhn = acts_t[b], dh_mm[b], carry[b], h_prev[b], d_hn_t[b]
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

    @numba.njit(**JIT)
    def gru_rb_backward_r(acts_t, h_prev, d_rh, carry):
        """d_rh = dz_n W_hn (B,H), the gradient of r * a<t-1>: acts_t[:, :H] := dz_r and
        carry += d_rh * r. Finished rows have r = 0 and d_rh = 0 here, so they stay as they are."""
        hidden = h_prev.shape[1]
        for b in range(h_prev.shape[0]):
            a_r, hp, d, cr = block(acts_t[b], 0, hidden), h_prev[b], d_rh[b], carry[b]
            for j in range(hidden):
                r = a_r[j]
                cr[j] += d[j] * r
                a_r[j] = d[j] * hp[j] * r * (ONE - r)

    # --- the lecture's simplified GRU, gate blocks u|c ------------------------------------------
    @numba.njit(**JIT)
    def sgru_step(xw_t, rec, mask_t, h_prev, h_cur):
        """rec = a<t-1> W_hh^T (B,2H); xw_t := G_u|a~; h_cur := a<t-1> + G_u * (a~ - a<t-1>)."""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:
                h_cur[b, :] = h_prev[b, :]
                continue
            x, r, hp, hc = xw_t[b], rec[b], h_prev[b], h_cur[b]
            u, c = block(x, 0, hidden), block(x, 1, hidden)
            r_u, r_c = block(r, 0, hidden), block(r, 1, hidden)
            for j in range(hidden):
                u[j] = sigmoid(u[j] + r_u[j])
            for j in range(hidden):
                c[j] = tanh(c[j] + r_c[j])
            for j in range(hidden):
                hc[j] = hp[j] + u[j] * (c[j] - hp[j])

    @numba.njit(**JIT)
    def sgru_backward_step(acts_t, h_prev, mask_t, dh_mm, carry, dout_t, has_dout):
        """dh = dh_mm + carry (+ dout_t); acts_t := dz_u|dz_c; carry := dh * (1 - G_u), the part
        of dh<t-1> that bypasses dz @ W_hh (all of dh for finished rows)."""
        hidden = h_prev.shape[1]
        for b in range(h_prev.shape[0]):
            if not mask_t[b]:
                acts_t[b, :] = 0
                carry[b, :] += dh_mm[b, :]
                continue
            a, mm, cr, hp = acts_t[b], dh_mm[b], carry[b], h_prev[b]
            a_u, a_c = block(a, 0, hidden), block(a, 1, hidden)
            for j in range(hidden):
                dh = mm[j] + cr[j]
                if has_dout:
                    dh += dout_t[b, j]
                u, c = a_u[j], a_c[j]
                a_u[j] = dh * (c - hp[j]) * u * (ONE - u)
                a_c[j] = dh * u * (ONE - c * c)
                cr[j] = dh * (ONE - u)

    # --- vanilla RNN ------------------------------------------------------------------------------
    @numba.njit(**JIT)
    def rnn_step(xw_t, mask_t, h_prev, h_cur, relu):
        """h_cur holds a<t-1> W_hh^T on entry and a<t> = g(that + xw_t) on exit."""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:
                h_cur[b, :] = h_prev[b, :]
                continue
            for j in range(hidden):
                v = h_cur[b, j] + xw_t[b, j]
                h_cur[b, j] = (v if v > 0 else ZERO) if relu else tanh(v)

    @numba.njit(**JIT)
    def rnn_backward_step(dz_t, h_cur, mask_t, dh_mm, carry, dout_t, has_dout, relu):
        """dh = dh_mm + carry (+ dout_t); dz_t := dh * g'(.); carry := dh for finished rows."""
        hidden = h_cur.shape[1]
        for b in range(h_cur.shape[0]):
            if not mask_t[b]:
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

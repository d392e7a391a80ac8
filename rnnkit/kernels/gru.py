"""GRU, fused over all time steps, with hand-derived BPTT. Gate blocks r|z|n (PyTorch).

reset_after=True (PyTorch, cuDNN):
    r = sigmoid(xw_r + a W_hr^T);  z = sigmoid(xw_z + a W_hz^T)
    n = tanh(xw_n + r * (a W_hn^T + b_hn))
reset_after=False (the original paper; Keras reset_after=False):
    n = tanh(xw_n + (r * a) W_hn^T)
and in both  a<t> = (1 - z) * n + z * a<t-1>.
Here z is PyTorch's update gate: it keeps the old state (the lecture's G_u is 1 - z).
xw = x W_ih^T + b_ih + b_hh for all steps (without b_hn when reset_after, since that bias
sits inside r * (...)); the caller computes it and hands it over to be overwritten.
"""

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import (
    Timeline,
    hold_finished,
    masked_outputs,
    sigmoid_,
    weight_gradient,
)


def forward(xw, h0, w_hh, b_hn=None, mask=None, reverse=False, reset_after=True):
    """xw: (T, B, 3H); h0: (B, H); w_hh: (3H, H); b_hn: (H,) or None.

    Returns out (T, B, H), h_n (B, H) and the cache for `backward`.
    """
    xp = array_module(xw)
    steps, batch, gates_size = xw.shape
    hidden = gates_size // 3
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=xw.dtype)
    h[timeline.first] = h0
    # reset_after keeps a W_hn^T + b_hn per step; reset_before keeps r * a per step.
    saved = xp.empty((steps, batch, hidden), dtype=xw.dtype)
    w_rz_t, w_n_t = w_hh[: 2 * hidden].T, w_hh[2 * hidden :].T
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        rz, zn = xw[t, :, : 2 * hidden], xw[t, :, 2 * hidden :]
        rz += h[prev] @ w_rz_t
        sigmoid_(xp, rz)
        r, z = rz[:, :hidden], rz[:, hidden:]
        if reset_after:
            xp.matmul(h[prev], w_n_t, out=saved[t])
            if b_hn is not None:
                saved[t] += b_hn
            zn += r * saved[t]
        else:
            xp.multiply(r, h[prev], out=saved[t])
            zn += saved[t] @ w_n_t
        n = xp.tanh(zn, out=zn)
        xp.subtract(h[prev], n, out=h[cur])  # a<t> = n + z * (a<t-1> - n)
        h[cur] *= z
        h[cur] += n
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
    cache = (xw, h, saved, w_hh, mask, timeline, reset_after)
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], cache


def backward(dout, dh_n, cache):
    """Gradients of (out, h_n) -> (dxw (T,B,3H), dh0, dw_hh (3H,H), db_hh (3H,)).

    db_hh differs from dxw summed only in the n block when reset_after.
    """
    acts, h, saved, w_hh, mask, timeline, reset_after = cache
    xp = array_module(acts)
    hidden = h.shape[-1]
    w_rz, w_n = w_hh[: 2 * hidden], w_hh[2 * hidden :]
    # gradient of the pre-activation a W_hn^T (+ b_hn) per step, for W_hn and b_hn
    d_hn = xp.empty_like(saved)
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    for t in timeline.backward_order():
        prev = timeline.prev(t)
        m = None if mask is None else mask[t]
        if dout is not None:
            dh += dout[t] if m is None else dout[t] * m
        r, z, n = (acts[t, :, k * hidden : (k + 1) * hidden] for k in range(3))
        dz_n = dh * (1 - z) * (1 - n * n)
        dz_z = dh * (h[prev] - n) * z * (1 - z)
        dh_prev = dh * z
        if reset_after:
            dz_r = dz_n * saved[t] * r * (1 - r)
            d_hn[t] = dz_n * r
            dh_prev += d_hn[t] @ w_n
        else:
            d_rh = dz_n @ w_n
            dz_r = d_rh * h[prev] * r * (1 - r)
            d_hn[t] = dz_n
            dh_prev += d_rh * r
        dz = acts[t]
        dz[:, :hidden], dz[:, hidden : 2 * hidden], dz[:, 2 * hidden :] = dz_r, dz_z, dz_n
        if m is not None:
            dz *= m
            d_hn[t] *= m
        dh_prev += dz[:, : 2 * hidden] @ w_rz
        dh = dh_prev if m is None else xp.where(m, dh_prev, dh)
    inputs = timeline.inputs(h)
    dw_hh = xp.concatenate(
        [
            weight_gradient(xp, acts[:, :, : 2 * hidden], inputs),
            weight_gradient(xp, d_hn, inputs if reset_after else saved),
        ]
    )
    db_hh = acts.sum(axis=(0, 1))
    if reset_after:
        db_hh[2 * hidden :] = d_hn.sum(axis=(0, 1))
    return acts, dh, dw_hh, db_hh

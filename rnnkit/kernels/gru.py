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
from rnnkit.kernels import fused
from rnnkit.kernels.common import (
    Timeline,
    fused_backward_setup,
    hold_finished,
    masked_outputs,
    sigmoid_,
    step_masks,
    weight_gradient,
)


def forward(xw, h0, w_hh, b_hn=None, mask=None, reverse=False, reset_after=True, keep=True):
    """xw: (T, B, 3H); h0: (B, H); w_hh: (3H, H); b_hn: (H,) or None.

    Returns out (T, B, H), h_n (B, H) and the cache for `backward` (None without keep).
    """
    xp = array_module(h0)
    steps, (batch, hidden) = len(xw), h0.shape
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=h0.dtype)
    h[timeline.first] = h0
    # reset_after keeps a W_hn^T + b_hn per step; reset_before keeps r * a per step.
    saved = xp.empty((steps if keep else 1, batch, hidden), dtype=h0.dtype)
    w_rz_t, w_n_t = w_hh[: 2 * hidden].T, w_hh[2 * hidden :].T
    fast, mask_at = fused.usable(h, w_hh), step_masks(xp, mask, batch)
    if fast and reset_after:
        recurrent = xp.empty((batch, 3 * hidden), dtype=h0.dtype)  # a W_hh^T, all three blocks
        b_hn = xp.zeros(hidden, dtype=h0.dtype) if b_hn is None else b_hn
    elif fast:
        rec_rz = xp.empty((batch, 2 * hidden), dtype=h0.dtype)
        rec_n = xp.empty((batch, hidden), dtype=h0.dtype)
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        hn = saved[t if keep else 0]
        if fast and reset_after:  # the same gate math as below, in one pass
            xp.matmul(h[prev], w_hh.T, out=recurrent)
            fused.gru_step(xw[t], recurrent, b_hn, mask_at(t), h[prev], h[cur], hn)
            continue
        if fast:  # reset before the product: two passes around the second product
            xp.matmul(h[prev], w_rz_t, out=rec_rz)
            fused.gru_rb_gates(xw[t], rec_rz, h[prev], hn)
            xp.matmul(hn, w_n_t, out=rec_n)
            fused.gru_rb_step(xw[t], rec_n, mask_at(t), h[prev], h[cur])
            continue
        rz, zn = xw[t][:, : 2 * hidden], xw[t][:, 2 * hidden :]
        rz += h[prev] @ w_rz_t
        sigmoid_(xp, rz)
        r, z = rz[:, :hidden], rz[:, hidden:]
        if reset_after:
            xp.matmul(h[prev], w_n_t, out=hn)
            if b_hn is not None:
                hn += b_hn
            zn += r * hn
        else:
            xp.multiply(r, h[prev], out=hn)
            zn += hn @ w_n_t
        n = xp.tanh(zn, out=zn)
        xp.subtract(h[prev], n, out=h[cur])  # a<t> = n + z * (a<t-1> - n)
        h[cur] *= z
        h[cur] += n
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
    cache = (xw, h, saved, w_hh, mask, timeline, reset_after) if keep else None
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], cache


def backward(dout, dh_n, cache):
    """Gradients of (out, h_n) -> (dxw (T,B,3H), dh0, dw_hh (3H,H), db_hh (3H,)).

    db_hh differs from dxw summed only in the n block when reset_after.
    """
    acts, h, saved, w_hh, mask, timeline, reset_after = cache
    xp = array_module(acts)
    hidden = h.shape[-1]
    # gradient of the pre-activation a W_hn^T (+ b_hn) per step, for W_hn and b_hn
    d_hn = xp.empty_like(saved)
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    if reset_after and fused.usable(acts, h):
        dh = _fused_backward(xp, dout, dh, d_hn, cache)
    elif fused.usable(acts, h):
        dh = _fused_backward_reset_before(xp, dout, dh, d_hn, cache)
    else:
        dh = _numpy_backward(xp, dout, dh, d_hn, cache)
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


def _numpy_backward(xp, dout, dh, d_hn, cache):
    """BPTT through the steps: fills dz into acts and d_hn; returns dh0."""
    acts, h, saved, w_hh, mask, timeline, reset_after = cache
    hidden = h.shape[-1]
    w_rz, w_n = w_hh[: 2 * hidden], w_hh[2 * hidden :]
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
    return dh


def _fused_backward(xp, dout, dh, d_hn, cache):
    """`_numpy_backward` for reset_after with the elementwise part in `fused`."""
    acts, h, saved, w_hh, mask, timeline, _ = cache
    # carry: dh * z, and all of dh for finished rows
    carry, has_dout, dout, mask_at = fused_backward_setup(xp, dout, dh, mask)
    dgh = xp.empty_like(acts[0])  # gradient of a<t-1> W_hh^T (+ b_hn): dz_r | dz_z | dz_n * r
    for t in timeline.backward_order():
        d_t = dout[t] if has_dout else dh
        prev = h[timeline.prev(t)]
        fused.gru_backward_step(
            acts[t], saved[t], prev, mask_at(t), dh, carry, d_t, has_dout, dgh, d_hn[t]
        )
        xp.matmul(dgh, w_hh, out=dh)
    return dh + carry


def _fused_backward_reset_before(xp, dout, dh, d_hn, cache):
    """`_numpy_backward` for reset_after=False with the elementwise part in `fused`."""
    acts, h, saved, w_hh, mask, timeline, _ = cache
    hidden = h.shape[-1]
    w_rz, w_n = w_hh[: 2 * hidden], w_hh[2 * hidden :]
    # carry: dh * z + d(r * a) * r, and all of dh for finished rows
    carry, has_dout, dout, mask_at = fused_backward_setup(xp, dout, dh, mask)
    d_rh = xp.empty_like(dh)  # gradient of r * a<t-1>
    for t in timeline.backward_order():
        d_t = dout[t] if has_dout else dh
        prev = h[timeline.prev(t)]
        fused.gru_rb_backward_zn(acts[t], prev, mask_at(t), dh, carry, d_t, has_dout, d_hn[t])
        xp.matmul(d_hn[t], w_n, out=d_rh)
        fused.gru_rb_backward_r(acts[t], prev, d_rh, carry)
        xp.matmul(acts[t][:, : 2 * hidden], w_rz, out=dh)
    return dh + carry

"""The lecture's simplified GRU (update gate only), fused, with hand-derived BPTT.

Gate blocks u|c (update, candidate):
    G_u = sigmoid(xw_u + a<t-1> W_ua^T)
    a~  = tanh(xw_c + a<t-1> W_aa^T)
    a<t> = G_u * a~ + (1 - G_u) * a<t-1>
xw = x W_ih^T + b_ih + b_hh for all steps, handed over by the caller to be overwritten.
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


def forward(xw, h0, w_hh, mask=None, reverse=False, keep=True):
    """xw: (T, B, 2H); h0: (B, H); w_hh: (2H, H). Returns out, h_n and the cache (or None)."""
    xp = array_module(h0)
    steps, (batch, hidden) = len(xw), h0.shape
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=h0.dtype)
    h[timeline.first] = h0
    w_hh_t = w_hh.T
    fast, mask_at = fused.usable(h, w_hh), step_masks(xp, mask, batch)
    if fast:
        recurrent = xp.empty((batch, 2 * hidden), dtype=h0.dtype)
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        z = xw[t]
        if fast:  # the same gate math as below, in one pass
            xp.matmul(h[prev], w_hh_t, out=recurrent)
            fused.sgru_step(z, recurrent, mask_at(t), h[prev], h[cur])
            continue
        z += h[prev] @ w_hh_t
        u = sigmoid_(xp, z[:, :hidden])
        candidate = xp.tanh(z[:, hidden:], out=z[:, hidden:])
        xp.subtract(candidate, h[prev], out=h[cur])  # a<t> = a<t-1> + G_u * (a~ - a<t-1>)
        h[cur] *= u
        h[cur] += h[prev]
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
    cache = (xw, h, w_hh, mask, timeline) if keep else None
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], cache


def backward(dout, dh_n, cache):
    """Gradients of (out, h_n) -> (dxw (T,B,2H), dh0, dw_hh (2H,H))."""
    acts, h, w_hh, mask, timeline = cache
    xp = array_module(acts)
    hidden = h.shape[-1]
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    if fused.usable(acts, h):
        dh = _fused_backward(xp, dout, dh, cache)
        return acts, dh, weight_gradient(xp, acts, timeline.inputs(h))
    for t in timeline.backward_order():
        prev = timeline.prev(t)
        m = None if mask is None else mask[t]
        if dout is not None:
            dh += dout[t] if m is None else dout[t] * m
        u, candidate = acts[t, :, :hidden], acts[t, :, hidden:]
        dz_u = dh * (candidate - h[prev]) * u * (1 - u)
        dz_c = dh * u * (1 - candidate * candidate)
        dh_prev = dh * (1 - u)
        dz = acts[t]
        dz[:, :hidden], dz[:, hidden:] = dz_u, dz_c
        if m is not None:
            dz *= m
        dh_prev += dz @ w_hh
        dh = dh_prev if m is None else xp.where(m, dh_prev, dh)
    return acts, dh, weight_gradient(xp, acts, timeline.inputs(h))


def _fused_backward(xp, dout, dh, cache):
    """The loop above with the elementwise part in `fused`; returns dh0."""
    acts, h, w_hh, mask, timeline = cache
    # carry: dh * (1 - G_u), and all of dh for finished rows
    carry, has_dout, dout, mask_at = fused_backward_setup(xp, dout, dh, mask)
    for t in timeline.backward_order():
        d_t = dout[t] if has_dout else dh
        fused.sgru_backward_step(acts[t], h[timeline.prev(t)], mask_at(t), dh, carry, d_t, has_dout)
        xp.matmul(acts[t], w_hh, out=dh)
    return dh + carry

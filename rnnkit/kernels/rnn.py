"""The vanilla RNN, fused, with hand-derived BPTT:  a<t> = g(xw[t] + a<t-1> W_aa^T),
g = tanh or relu, xw = x W_ax^T + b_ih + b_hh handed over by the caller to be overwritten."""

from rnnkit.core.backend import array_module
from rnnkit.kernels import fused
from rnnkit.kernels.common import (
    Timeline,
    fused_backward_setup,
    hold_finished,
    masked_outputs,
    relu_,
    step_masks,
    weight_gradient,
)


def forward(xw, h0, w_hh, mask=None, reverse=False, nonlinearity="tanh", keep=True):
    """xw: (T, B, H); h0: (B, H); w_hh: (H, H). Returns out, h_n and the cache (or None)."""
    xp = array_module(h0)
    steps, (batch, hidden) = len(xw), h0.shape
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=h0.dtype)
    h[timeline.first] = h0
    w_hh_t = w_hh.T
    fast, mask_at = fused.usable(h, w_hh), step_masks(xp, mask, batch)
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        xp.matmul(h[prev], w_hh_t, out=h[cur])
        if fast:  # the same as below, in one pass
            fused.rnn_step(xw[t], mask_at(t), h[prev], h[cur], nonlinearity == "relu")
            continue
        h[cur] += xw[t]
        if nonlinearity == "tanh":
            xp.tanh(h[cur], out=h[cur])
        else:
            relu_(xp, h[cur])
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
    cache = (xw, h, w_hh, mask, timeline, nonlinearity) if keep else None
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], cache


def backward(dout, dh_n, cache):
    """Gradients of (out, h_n) -> (dxw (T,B,H), dh0, dw_hh (H,H))."""
    dxw, h, w_hh, mask, timeline, nonlinearity = cache
    xp = array_module(dxw)
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    if fused.usable(dxw, h):
        dh = _fused_backward(xp, dout, dh, cache)
        return dxw, dh, weight_gradient(xp, dxw, timeline.inputs(h))
    for t in timeline.backward_order():
        a = h[timeline.cur(t)]
        m = None if mask is None else mask[t]
        if dout is not None:
            dh += dout[t] if m is None else dout[t] * m
        dz = dxw[t]
        if nonlinearity == "tanh":
            xp.multiply(dh, 1 - a * a, out=dz)
        else:
            xp.multiply(dh, a > 0, out=dz)
        if m is None:
            dh = dz @ w_hh
        else:
            dz *= m
            dh = dz @ w_hh + dh * ~m
    return dxw, dh, weight_gradient(xp, dxw, timeline.inputs(h))


def _fused_backward(xp, dout, dh, cache):
    """The loop above with the elementwise part in `fused`; returns dh0."""
    dxw, h, w_hh, mask, timeline, nonlinearity = cache
    # carry: all of dh for finished rows
    carry, has_dout, dout, mask_at = fused_backward_setup(xp, dout, dh, mask)
    relu = nonlinearity == "relu"
    for t in timeline.backward_order():
        d_t = dout[t] if has_dout else dh
        a = h[timeline.cur(t)]
        fused.rnn_backward_step(dxw[t], a, mask_at(t), dh, carry, d_t, has_dout, relu)
        xp.matmul(dxw[t], w_hh, out=dh)
    return dh + carry

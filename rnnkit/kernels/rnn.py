"""The vanilla RNN, fused, with hand-derived BPTT:  a<t> = g(xw[t] + a<t-1> W_aa^T),
g = tanh or relu, xw = x W_ax^T + b_ih + b_hh handed over by the caller to be overwritten."""

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import (
    Timeline,
    hold_finished,
    masked_outputs,
    relu_,
    weight_gradient,
)


def forward(xw, h0, w_hh, mask=None, reverse=False, nonlinearity="tanh"):
    """xw: (T, B, H); h0: (B, H); w_hh: (H, H). Returns out, h_n and the cache."""
    xp = array_module(xw)
    steps, batch, hidden = xw.shape
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=xw.dtype)
    h[timeline.first] = h0
    w_hh_t = w_hh.T
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        xp.matmul(h[prev], w_hh_t, out=h[cur])
        h[cur] += xw[t]
        if nonlinearity == "tanh":
            xp.tanh(h[cur], out=h[cur])
        else:
            relu_(xp, h[cur])
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
    cache = (xw, h, w_hh, mask, timeline, nonlinearity)
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], cache


def backward(dout, dh_n, cache):
    """Gradients of (out, h_n) -> (dxw (T,B,H), dh0, dw_hh (H,H))."""
    dxw, h, w_hh, mask, timeline, nonlinearity = cache
    xp = array_module(dxw)
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
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

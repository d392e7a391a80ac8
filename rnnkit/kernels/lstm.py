"""LSTM, fused over all time steps, with hand-derived BPTT.

Per step (PyTorch's gate order i|f|g|o; the lecture's G_u = i, G_f = f, G_o = o, c~ = g):
    z = xw[t] + a<t-1> @ W_hh^T                     (B, 4H) pre-activations
    i, f, o = sigmoid(z_i, z_f, z_o);  g = tanh(z_g)
    c<t> = i * g + f * c<t-1>
    a<t> = o * tanh(c<t>)
xw = x @ W_ih^T + b_ih + b_hh for all steps is computed by the caller in one product and
handed over to be overwritten: it holds the gate activations after the forward pass and the
pre-activation gradients after the backward pass.
"""

from rnnkit.core.backend import array_module
from rnnkit.kernels.common import (
    Timeline,
    hold_finished,
    masked_outputs,
    sigmoid_,
    weight_gradient,
)


def forward(xw, h0, c0, w_hh, mask=None, reverse=False):
    """xw: (T, B, 4H); h0, c0: (B, H); w_hh: (4H, H); mask: (T, B, 1) bool or None.

    Returns out (T, B, H), h_n (B, H), c_n (B, H) and the cache for `backward`.
    """
    xp = array_module(xw)
    steps, batch, gates_size = xw.shape
    hidden = gates_size // 4
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=xw.dtype)
    c = xp.empty_like(h)
    tanh_c = xp.empty((steps, batch, hidden), dtype=xw.dtype)
    h[timeline.first], c[timeline.first] = h0, c0
    w_hh_t = w_hh.T
    recurrent = xp.empty((batch, gates_size), dtype=xw.dtype)
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        z = xw[t]
        xp.matmul(h[prev], w_hh_t, out=recurrent)
        z += recurrent
        sigmoid_(xp, z[:, : 2 * hidden])  # i, f
        xp.tanh(z[:, 2 * hidden : 3 * hidden], out=z[:, 2 * hidden : 3 * hidden])  # g
        sigmoid_(xp, z[:, 3 * hidden :])  # o
        i, f, g, o = (z[:, k * hidden : (k + 1) * hidden] for k in range(4))
        xp.multiply(f, c[prev], out=c[cur])
        c[cur] += i * g
        xp.tanh(c[cur], out=tanh_c[t])
        xp.multiply(o, tanh_c[t], out=h[cur])
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
            hold_finished(xp, c[cur], c[prev], mask[t])
    cache = (xw, h, c, tanh_c, w_hh, mask, timeline)
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], c[timeline.last], cache


def backward(dout, dh_n, dc_n, cache):
    """Gradients of (out, h_n, c_n) -> (dxw (T,B,4H), dh0, dc0, dw_hh (4H,H)).

    dout, dh_n, dc_n may be None (no gradient flows into them).
    """
    acts, h, c, tanh_c, w_hh, mask, timeline = cache
    xp = array_module(acts)
    hidden = h.shape[-1]
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    dc = xp.zeros_like(c[0]) if dc_n is None else dc_n.copy()
    for t in timeline.backward_order():
        prev = timeline.prev(t)
        m = None if mask is None else mask[t]
        if dout is not None:
            dh += dout[t] if m is None else dout[t] * m
        i, f, g, o = (acts[t, :, k * hidden : (k + 1) * hidden] for k in range(4))
        tc = tanh_c[t]
        dc_t = dc + dh * o * (1 - tc * tc)  # through a<t> = o * tanh(c<t>)
        dz_o = dh * tc * o * (1 - o)
        dz_i = dc_t * g * i * (1 - i)
        dz_g = dc_t * i * (1 - g * g)
        dz_f = dc_t * c[prev] * f * (1 - f)
        dc_prev = dc_t * f
        dz = acts[t]  # overwrite this step's activations (i, f, g, o above) with gradients
        dz[:, :hidden], dz[:, hidden : 2 * hidden] = dz_i, dz_f
        dz[:, 2 * hidden : 3 * hidden], dz[:, 3 * hidden :] = dz_g, dz_o
        if m is None:
            dh, dc = dz @ w_hh, dc_prev
        else:  # finished rows pass their gradient straight through this step
            dz *= m
            dh = dz @ w_hh + dh * ~m
            dc = xp.where(m, dc_prev, dc)
    dw_hh = weight_gradient(xp, acts, timeline.inputs(h))
    return acts, dh, dc, dw_hh

"""LSTM, fused over all time steps, with hand-derived BPTT.

Per step (PyTorch's gate order i|f|g|o; the lecture's G_u = i, G_f = f, G_o = o, c~ = g):
    z = xw[t] + a<t-1> @ W_hh^T                     (B, 4H) pre-activations
    i, f, o = sigmoid(z_i, z_f, z_o);  g = tanh(z_g)
    c<t> = i * g + f * c<t-1>
    a<t> = o * tanh(c<t>)
xw = x @ W_ih^T for all steps is computed by the caller in one product (the bias
b = b_ih + b_hh is added step by step, inside the fused gate loop where it costs nothing) and
handed over to be overwritten: it holds the gate activations after the forward pass and the
pre-activation gradients after the backward pass.
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


def forward(xw, h0, c0, w_hh, mask=None, reverse=False, keep=True, bias=None):
    """xw: (T, B, 4H); h0, c0: (B, H); w_hh: (4H, H); mask: (T, B, 1) bool or None;
    bias: (4H,) or None, added to every xw[t] (z = xw[t] + bias + a<t-1> @ W_hh^T).

    Returns out (T, B, H), h_n (B, H), c_n (B, H) and the cache for `backward` (None when
    keep is False: inference, where c and tanh(c) of past steps are not kept).
    """
    xp = array_module(h0)
    steps, (batch, hidden) = len(xw), h0.shape
    timeline = Timeline(steps, reverse)
    h = xp.empty((steps + 1, batch, hidden), dtype=h0.dtype)
    # without keep, c lives in two alternating slots and tanh(c) in one
    c = xp.empty_like(h) if keep else xp.empty((2, batch, hidden), dtype=h0.dtype)
    tanh_c = xp.empty((steps if keep else 1, batch, hidden), dtype=h0.dtype)
    slot = (lambda s: s) if keep else (lambda s: s % 2)
    h[timeline.first], c[slot(timeline.first)] = h0, c0
    w_hh_t = w_hh.T
    recurrent = xp.empty((batch, 4 * hidden), dtype=h0.dtype)
    fast, mask_at = fused.usable(h, w_hh), step_masks(xp, mask, batch)
    if fast:  # the fused loop always adds a bias (zeros when there is none)
        bias = xp.zeros(4 * hidden, h0.dtype) if bias is None else bias.astype(h0.dtype, copy=False)
    for t in timeline.order():
        prev, cur = timeline.prev(t), timeline.cur(t)
        c_prev, c_cur, tc = c[slot(prev)], c[slot(cur)], tanh_c[t if keep else 0]
        z = xw[t]
        xp.matmul(h[prev], w_hh_t, out=recurrent)
        if fast:  # the same gate math as below, in one pass
            fused.lstm_step(z, bias, recurrent, mask_at(t), c_prev, c_cur, tc, h[prev], h[cur])
            continue
        if bias is not None:
            z += bias
        z += recurrent
        sigmoid_(xp, z[:, : 2 * hidden])  # i, f
        xp.tanh(z[:, 2 * hidden : 3 * hidden], out=z[:, 2 * hidden : 3 * hidden])  # g
        sigmoid_(xp, z[:, 3 * hidden :])  # o
        i, f, g, o = (z[:, k * hidden : (k + 1) * hidden] for k in range(4))
        xp.multiply(f, c_prev, out=c_cur)
        c_cur += i * g
        xp.tanh(c_cur, out=tc)
        xp.multiply(o, tc, out=h[cur])
        if mask is not None:
            hold_finished(xp, h[cur], h[prev], mask[t])
            hold_finished(xp, c_cur, c_prev, mask[t])
    cache = (xw, h, c, tanh_c, w_hh, mask, timeline) if keep else None
    c_n = c[slot(timeline.last)]
    return masked_outputs(xp, timeline, h, mask), h[timeline.last], c_n, cache


def backward(dout, dh_n, dc_n, cache):
    """Gradients of (out, h_n, c_n) -> (dxw (T,B,4H), dh0, dc0, dw_hh (4H,H)).

    dout, dh_n, dc_n may be None (no gradient flows into them).
    """
    acts, h, c, tanh_c, w_hh, mask, timeline = cache
    xp = array_module(acts)
    hidden = h.shape[-1]
    dh = xp.zeros_like(h[0]) if dh_n is None else dh_n.copy()
    dc = xp.zeros_like(c[0]) if dc_n is None else dc_n.copy()
    if fused.usable(acts, h):
        dh = _fused_backward(xp, dout, dh, dc, cache)
        return acts, dh, dc, weight_gradient(xp, acts, timeline.inputs(h))
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


def _fused_backward(xp, dout, dh, dc, cache):
    """The loop above with the elementwise part in `fused`; returns dh0 (dc is updated)."""
    acts, h, c, tanh_c, w_hh, mask, timeline = cache
    # carry: the part of dh that bypasses dz @ W_hh (finished rows)
    carry, has_dout, dout, mask_at = fused_backward_setup(xp, dout, dh, mask)
    for t in timeline.backward_order():
        d_t = dout[t] if has_dout else dh
        fused.lstm_backward_step(
            acts[t], tanh_c[t], c[timeline.prev(t)], mask_at(t), dh, carry, d_t, has_dout, dc
        )
        xp.matmul(acts[t], w_hh, out=dh)
    return dh + carry

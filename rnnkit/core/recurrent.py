"""One direction of one recurrent layer as one graph node.

The input projection of all time steps is one matrix product; the recurrence runs in a
fused kernel (`rnnkit.kernels`) over preallocated buffers; the backward is the kernel's
hand-derived BPTT, with the input-weight gradient again one product over all steps.
So no per-time-step graph nodes sit on this path; the cells in `rnnkit.nn.cells` unroll the
same equations through the generic graph, and the tests check that both agree.
"""

from rnnkit.core.backend import array_module
from rnnkit.core.tensor import Tensor, accumulate, is_grad_enabled, make_result
from rnnkit.kernels import gru, lstm, rnn, sgru
from rnnkit.kernels.common import ChunkedProjection, input_projection, padding_mask

MODES = ("rnn_tanh", "rnn_relu", "sgru", "gru", "gru_reset_before", "lstm")
GATES = {"rnn_tanh": 1, "rnn_relu": 1, "sgru": 2, "gru": 3, "gru_reset_before": 3, "lstm": 4}


def recurrent(mode, x, h0, w_ih, w_hh, b_ih=None, b_hh=None, lengths=None, reverse=False):
    """Run one direction of one layer over a whole sequence.

    x: (T, B, D); h0: (B, H), or (h0, c0) for 'lstm', entries may be None for zeros;
    w_ih: (G*H, D); w_hh: (G*H, H); b_ih, b_hh: (G*H,) or None; lengths: (B,) ints or None.
    Returns out (T, B, H) and h_n (B, H), plus c_n for 'lstm'.
    """
    assert mode in MODES, mode
    xp = array_module(x.data)
    steps, batch, features = x.shape
    gates_size = w_ih.shape[0]
    hidden = gates_size // GATES[mode]
    reset_after = mode == "gru"
    c0 = None
    if mode == "lstm":
        h0, c0 = h0 if h0 is not None else (None, None)

    # The biases fold into one vector added to the input projection; b_hn stays apart when
    # reset_after, since it sits inside r * (a W_hn^T + b_hn).
    bias = b_hn = None
    if b_ih is not None:
        bias = b_ih.data + b_hh.data
        if reset_after:
            bias[2 * hidden :] = b_ih.data[2 * hidden :]
            b_hn = b_hh.data[2 * hidden :]
    # Inference (no input needs a gradient) keeps nothing for a backward: the kernels keep no
    # per-step activations and the input projection is computed a few steps at a time.
    keep = is_grad_enabled() and any(
        t is not None and t.requires_grad for t in (x, w_ih, w_hh, b_ih, b_hh, h0, c0)
    )
    # The LSTM kernel adds the bias step by step itself (inside its fused gate loop).
    projection_bias = None if mode == "lstm" else bias
    if keep:  # (T*B, D) @ (D, G*H): the input projection of every step in one product
        xw = input_projection(xp, x.data, w_ih.data, projection_bias)
    else:
        xw = ChunkedProjection(xp, x.data, w_ih.data, projection_bias, reverse, hidden)
    zeros = xp.zeros((batch, hidden), dtype=x.dtype)
    h0_data = zeros if h0 is None else h0.data
    mask = padding_mask(xp, lengths, steps)

    if mode == "lstm":
        c0_data = zeros if c0 is None else c0.data
        out, h_n, c_n, cache = lstm.forward(
            xw, h0_data, c0_data, w_hh.data, mask, reverse, keep, bias
        )
    elif mode in ("gru", "gru_reset_before"):
        out, h_n, cache = gru.forward(
            xw, h0_data, w_hh.data, b_hn, mask, reverse, reset_after, keep
        )
    elif mode == "sgru":
        out, h_n, cache = sgru.forward(xw, h0_data, w_hh.data, mask, reverse, keep)
    else:
        nonlinearity = "tanh" if mode == "rnn_tanh" else "relu"
        out, h_n, cache = rnn.forward(xw, h0_data, w_hh.data, mask, reverse, nonlinearity, keep)

    final_grads = {}  # gradients of h_n (and c_n), handed over by their own nodes

    def backward(dout):
        # The kernels turn their buffers into gradients in place, so this runs once.
        if final_grads.pop("done", False):
            raise RuntimeError("backward twice through a recurrent layer: run its forward again")
        final_grads["done"] = True
        dh_n, dc_n = final_grads.pop("h", None), final_grads.pop("c", None)
        db_hh = None
        if mode == "lstm":
            dxw, dh0, dc0, dw_hh = lstm.backward(dout, dh_n, dc_n, cache)
            accumulate_opt(c0, dc0)
        elif mode in ("gru", "gru_reset_before"):
            dxw, dh0, dw_hh, db_hh = gru.backward(dout, dh_n, cache)
        elif mode == "sgru":
            dxw, dh0, dw_hh = sgru.backward(dout, dh_n, cache)
        else:
            dxw, dh0, dw_hh = rnn.backward(dout, dh_n, cache)
        accumulate_opt(h0, dh0)
        flat = dxw.reshape(steps * batch, gates_size)
        if x.requires_grad:
            accumulate(x, (flat @ w_ih.data).reshape(x.shape), owned=True)
        accumulate(w_ih, flat.T @ x.data.reshape(steps * batch, features), owned=True)
        accumulate(w_hh, dw_hh, owned=True)
        if b_ih is not None:
            db_ih = flat.sum(axis=0)
            accumulate(b_ih, db_ih)  # copied: b_hh may get the same array
            accumulate(b_hh, db_ih if db_hh is None else db_hh)

    inputs = [t for t in (x, w_ih, w_hh, b_ih, b_hh, h0, c0) if t is not None]
    out_t = make_result(out, tuple(inputs), backward)

    def final_state(name, value):
        def hand_over(grad):
            final_grads[name] = grad
            if out_t.grad is None:  # only the final state is used: out's node must still run
                out_t.grad = xp.zeros_like(out)

        return make_result(value, (out_t,), hand_over)

    if mode == "lstm":
        return out_t, final_state("h", h_n), final_state("c", c_n)
    return out_t, final_state("h", h_n)


def accumulate_opt(tensor, grad):
    if isinstance(tensor, Tensor):
        accumulate(tensor, grad)

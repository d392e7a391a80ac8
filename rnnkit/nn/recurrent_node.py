"""One direction of one recurrent layer as one graph node around a kernel.

The kernel (`rnnkit.kernels`) runs the whole sequence on arrays: the input projection of all
steps as one matrix product, the recurrence over preallocated buffers, and a hand-derived
BPTT. So no per-time-step graph nodes sit on this path; the cells in `rnnkit.nn.cells` unroll
the same equations through the generic graph, and the tests check that both agree.

The graph sees the node's results as separate tensors: out (T, B, H), h_n (B, H) and, for
two-state cells (LSTM), c_n. Each final state is a small node of its own whose parent is out
and whose backward only hands its gradient over to this node. `backward` reverses the graph
from the loss, so those hand-overs run before out's backward, where the kernel's BPTT runs
once with every gradient it needs (dout, dh_n, dc_n; any of them None when nothing flows
there). The kernel turns its buffers into gradients in place, so a second backward through
the same forward is refused rather than wrong.
"""

from functools import partial

from rnnkit.core import parallel
from rnnkit.core.backend import array_module
from rnnkit.core.parallel import row_blocks
from rnnkit.core.tensor import Tensor, accumulate, is_grad_enabled, make_result
from rnnkit.kernels import KERNELS


class RecurrentNode:
    """mode: a key of `rnnkit.kernels.KERNELS`; x: (T, B, D) Tensor; states0: the initial
    states (h0, or (h0, c0)), entries None for zeros; weights: w_ih (G*H, D), w_hh (G*H, H),
    b_ih, b_hh (G*H,) or None; lengths: (B,) ints or None.

    `forward()` returns out (T, B, H) and the final states (B, H) as Tensors. The node holds
    none of them (their backward closures hold the node), so no reference cycle keeps the
    kernel's buffers alive.
    """

    def __init__(self, mode, x, states0, w_ih, w_hh, b_ih, b_hh, lengths, reverse):
        self.x, self.states0, self.weights = x, states0, (w_ih, w_hh, b_ih, b_hh)
        self.inputs = tuple(t for t in (x, *self.weights, *states0) if t is not None)
        # Inference (no input needs a gradient) keeps nothing for a backward.
        save_for_backward = is_grad_enabled() and any(t.requires_grad for t in self.inputs)
        arrays = [None if t is None else t.data for t in self.weights]
        # Rows never meet in a recurrence: row blocks run in parallel threads
        # (rnnkit.core.parallel), each its own kernel; one block with one thread.
        self.blocks = row_blocks(x.shape[1])
        self.kernels = [
            KERNELS[mode](
                x.data[:, rows],
                *arrays,
                None if lengths is None else lengths[rows],
                reverse,
                save_for_backward,
            )
            for rows in self.blocks
        ]
        self.final_grads = [None] * len(states0)  # handed over by the final states' nodes
        self.backward_done = False

    def forward(self):
        x, w_hh = self.x, self.weights[1]
        xp = array_module(x.data)

        def block(kernel, rows):
            batch = rows.stop - rows.start
            zeros = xp.zeros((batch, w_hh.shape[1]), dtype=x.dtype)
            return kernel.forward([zeros if s is None else s.data[rows] for s in self.states0])

        results = parallel.run(
            [partial(block, kernel, rows) for kernel, rows in zip(self.kernels, self.blocks)]
        )
        out = parallel.join([r[0] for r in results], axis=1)
        finals = [
            parallel.join([r[1][k] for r in results], axis=0) for k in range(len(self.states0))
        ]
        out = make_result(out, self.inputs, self.backward)
        return (out, *(self.final_state(k, value, out) for k, value in enumerate(finals)))

    def final_state(self, k, value, out):
        def hand_over(grad):
            self.final_grads[k] = grad
            if out.grad is None:  # only the final state is used: out's node must still run
                out.grad = array_module(grad).zeros_like(out.data)

        return make_result(value, (out,), hand_over)

    def backward(self, dout):
        if self.backward_done:
            raise RuntimeError("backward twice through a recurrent layer: run its forward again")
        self.backward_done = True
        x, (w_ih, w_hh, b_ih, b_hh) = self.x, self.weights

        def block(kernel, rows):
            d_finals = [None if g is None else g[rows] for g in self.final_grads]
            return kernel.backward(dout[:, rows], d_finals, x_grad=x.requires_grad)

        parts = parallel.run(
            [partial(block, kernel, rows) for kernel, rows in zip(self.kernels, self.blocks)]
        )
        del self.kernels
        if x.requires_grad:
            accumulate(x, parallel.join([p.x for p in parts], axis=1), owned=True)
        for k, state in enumerate(self.states0):
            if isinstance(state, Tensor):
                accumulate(state, parallel.join([p.states0[k] for p in parts], axis=0))
        one = len(parts) == 1
        accumulate(w_ih, parallel.total([p.w_ih for p in parts]), owned=True)
        accumulate(w_hh, parallel.total([p.w_hh for p in parts]), owned=True)
        if b_ih is not None:
            accumulate(b_ih, parallel.total([p.b_ih for p in parts]), owned=not one)  # copied when
            accumulate(b_hh, parallel.total([p.b_hh for p in parts]), owned=not one)  # they share


def recurrent(mode, x, h0, w_ih, w_hh, b_ih=None, b_hh=None, lengths=None, reverse=False):
    """Run one direction of one layer over a whole sequence.

    x: (T, B, D); h0: (B, H), or (h0, c0) for 'lstm', entries may be None for zeros;
    w_ih: (G*H, D); w_hh: (G*H, H); b_ih, b_hh: (G*H,) or None; lengths: (B,) ints or None.
    Returns out (T, B, H) and h_n (B, H), plus c_n for 'lstm'.
    """
    states = KERNELS[mode].states
    states0 = (h0,) if states == 1 else (h0 if h0 is not None else (None,) * states)
    return RecurrentNode(
        mode, x, tuple(states0), w_ih, w_hh, b_ih, b_hh, lengths, reverse
    ).forward()

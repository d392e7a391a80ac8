"""What every recurrent kernel shares: the order of time steps, the state buffer layout,
padding masks, in-place nonlinearities and the input projection.

A kernel keeps the states of all steps in one buffer `states` of shape (T+1, B, H): the
initial state in one end slot and the state after step t in the others. Going forward, step
t reads states[t] and writes states[t+1]; going in reverse it reads states[t+1] and writes
states[t]. So the outputs of all steps and the inputs of all steps are both contiguous
views, and the weight gradient is one product over all steps.
"""


class Timeline:
    """Time steps in processing order and where their states live in the (T+1, B, H) buffer."""

    def __init__(self, steps, reverse):
        self.length, self.reverse = steps, reverse
        self.first = steps if reverse else 0  # slot of the initial state
        self.last = 0 if reverse else steps  # slot of the final state

    def steps(self):
        """(t, prev, cur) in processing order: step t reads states[prev], writes states[cur]."""
        n = self.length
        if self.reverse:
            return zip(range(n - 1, -1, -1), range(n, 0, -1), range(n - 1, -1, -1))
        return zip(range(n), range(n), range(1, n + 1))

    def backward_steps(self):
        """The same (t, prev, cur), last step first."""
        n = self.length
        if self.reverse:
            return zip(range(n), range(1, n + 1), range(n))
        return zip(range(n - 1, -1, -1), range(n - 1, -1, -1), range(n, 0, -1))

    def outputs(self, states):
        """(T, B, H) view: the state after each step."""
        return states[: self.length] if self.reverse else states[1:]

    def inputs(self, states):
        """(T, B, H) view: the state each step started from."""
        return states[1:] if self.reverse else states[: self.length]


def padding_mask(xp, lengths, steps):
    """(T, B, 1) bool: True where step t is inside sequence b (PyTorch's packed meaning).

    None when every sequence is full length, so the common case pays nothing for masks.
    """
    if lengths is None:
        return None
    lengths = xp.asarray(lengths)
    if bool((lengths == steps).all()):
        return None
    return (xp.arange(steps)[:, None] < lengths[None, :])[:, :, None]


def masked_outputs(xp, timeline, states, mask):
    """Outputs of all steps; zero past each sequence's end, as PyTorch's padded output."""
    out = timeline.outputs(states)
    return out if mask is None else out * mask


def hold_finished(xp, new, old, mask_t):
    """Rows past their sequence's end keep their previous state (in place on `new`).

    mask_t: (B,) bool, or None when every row is inside its sequence.
    """
    if mask_t is not None:
        xp.copyto(new, old, where=~mask_t[:, None])


def pass_finished(xp, mask_t, carry, through, *gradients):
    """Rows past their sequence's end take no part in this step going backward: their
    `gradients` (pre-activations of this step) are zeroed and the whole gradient `through`
    of their state is carried on to the step before (in place). mask_t: (B,) bool or None."""
    if mask_t is not None:
        active = mask_t[:, None]
        for gradient in gradients:
            gradient *= active
        xp.copyto(carry, through, where=~active)


def sigmoid_(xp, a):
    """a := logistic(a) in place, via tanh (no overflow for large |a|)."""
    a *= 0.5
    xp.tanh(a, out=a)
    a *= 0.5
    a += 0.5
    return a


def relu_(xp, a):
    return xp.maximum(a, 0, out=a)


def weight_gradient(xp, dgates, inputs):
    """sum_t dgates[t]^T @ inputs[t] as one product: (T,B,G), (T,B,K) -> (G, K)."""
    return dgates.reshape(-1, dgates.shape[-1]).T @ inputs.reshape(-1, inputs.shape[-1])


class ChunkedProjection:
    """xw[t] = x[t] W_ih^T + bias, computed a few steps at a time into one small buffer.

    Inference keeps no activations for a backward, so it need not hold the (T, B, G*H)
    projection of all steps either. A chunk is at most `max_elements` (1 MB of float32), but
    at least `min_rows` rows of x, since smaller products lose BLAS efficiency (OpenBLAS
    repacks W_ih for every call; measured in benchmarks/README.md, "Measured design
    choices"); and never
    larger than the layer's output (T, B, H), so that small layers hold a fraction of the
    projection, not all of it.
    Indexed like the full (T, B, G*H) array, in the kernel's processing order.
    """

    def __init__(self, xp, x, w_ih, bias, reverse, hidden, max_elements=1 << 18, min_rows=1024):
        self.steps, self.batch, self.features = x.shape
        self.xp, self.x, self.w_t, self.bias, self.reverse = xp, x, w_ih.T, bias, reverse
        gates_size = w_ih.shape[0]
        step_size = self.batch * gates_size
        fitting = max(max_elements // step_size, -(-min_rows // self.batch))
        as_large_as_output = self.steps * hidden // gates_size  # steps of (B, G*H) in (T, B, H)
        self.chunk = max(1, min(self.steps, fitting, as_large_as_output))
        self.buffer = xp.empty((self.chunk, self.batch, gates_size), dtype=x.dtype)
        self.lo = self.hi = 0  # steps [lo, hi) are in the buffer

    def __len__(self):
        return self.steps

    def __getitem__(self, t):
        if not self.lo <= t < self.hi:
            self.lo = max(0, t - self.chunk + 1) if self.reverse else t
            self.hi = min(self.steps, self.lo + self.chunk)
            rows = (self.hi - self.lo) * self.batch
            x = self.x[self.lo : self.hi].reshape(rows, self.features)
            out = self.buffer[: self.hi - self.lo].reshape(rows, -1)
            self.xp.matmul(x, self.w_t, out=out)
            if self.bias is not None:
                out += self.bias
        return self.buffer[t - self.lo]


def input_projection(xp, x, w_ih, bias):
    """x W_ih^T + bias for all steps: (T, B, D) -> (T, B, G*H), one product."""
    steps, batch, features = x.shape
    xw = (x.reshape(steps * batch, features) @ w_ih.T).reshape(steps, batch, w_ih.shape[0])
    if bias is not None:
        xw += bias
    return xw

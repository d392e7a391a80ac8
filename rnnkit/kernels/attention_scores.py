"""Attention scores on plain arrays, one decoder step at a time, with hand-derived backward.

The decoder kernel (decoder.py) asks, at step t, for the scores e (R, k, S) of its queries
q (R, k, H) against the S source positions of each of the R memory rows (k decoder rows per
memory row: the beams of one sentence, 1 in training), and going backward hands back de and
gets dq. What the weight gradients need of each step is kept in (T, ...) buffers, so that
each weight gradient is one product over all steps at the end (`gradients`), as in the
recurrent kernels.

    Bahdanau (additive):   e_j = v^T tanh(W_q q + K_j)     K = W_k memory: (R, S, A)
    Luong (general):       e_j = q^T K_j                   K = W memory, as (R, H, S)

K does not depend on the step: it is projected once per batch (in the graph, where its own
gradient goes on to W_k and the memory), and this module returns dK.
"""

from rnnkit.core.backend import array_module
from rnnkit.kernels import fused
from rnnkit.kernels.fused import ONE, jit, tanh


# --- Bahdanau's scores: one pass over (R, k, S, A), keeping s = tanh(pq + K) ----------------
def additive_numpy(pq, keys, v, s_t, e_t):
    """pq (R, k, A), keys (R, S, A), v (A,) -> s_t := tanh(pq + K) (R, k, S, A), e_t (R, k, S)."""
    xp = array_module(pq)
    xp.add(pq[:, :, None, :], keys[:, None, :, :], out=s_t)
    xp.tanh(s_t, out=s_t)
    xp.matmul(s_t, v, out=e_t)


@jit
def additive_numba(pq, keys, v, s_t, e_t):
    rows, beam, length, size = s_t.shape
    for r in range(rows):
        for j in range(beam):
            p = pq[r, j]
            for i in range(length):
                k, s = keys[r, i], s_t[r, j, i]
                for a in range(size):
                    s[a] = tanh(p[a] + k[a])
                total = s[0] * 0
                for a in range(size):
                    total += s[a] * v[a]
                e_t[r, j, i] = total


@jit
def additive_scores_numba(pq, keys, v, e_t):
    """e_t (R, k, S) alone, for a pass with no backward: tanh(pq + K) is not kept."""
    rows, beam, length = e_t.shape
    size = keys.shape[2]
    for r in range(rows):
        for j in range(beam):
            p = pq[r, j]
            for i in range(length):
                k = keys[r, i]
                total = p[0] * 0
                for a in range(size):
                    total += tanh(p[a] + k[a]) * v[a]
                e_t[r, j, i] = total


def additive_backward_numpy(de, s_t, v, d_pq, d_keys, d_v):
    """de (R, k, S) -> d_pq := dpq (R, k, A); d_keys += dK (R, S, A); d_v += dv (A,)."""
    xp = array_module(de)
    d_v += xp.tensordot(de, s_t, axes=3)
    dz = (de[..., None] * v) * (1 - s_t * s_t)  # (R, k, S, A): through tanh
    d_keys += dz.sum(axis=1)
    dz.sum(axis=2, out=d_pq)


@jit
def additive_backward_numba(de, s_t, v, d_pq, d_keys, d_v):
    rows, beam, length, size = s_t.shape
    for r in range(rows):
        for j in range(beam):
            dp = d_pq[r, j]
            dp[:] = 0
            for i in range(length):
                g, s, dk = de[r, j, i], s_t[r, j, i], d_keys[r, i]
                for a in range(size):
                    dz = g * v[a] * (ONE - s[a] * s[a])
                    dk[a] += dz
                    dp[a] += dz
                for a in range(size):
                    d_v[a] += g * s[a]


class AdditiveScores:
    """Bahdanau: keys (R, S, A) = W_k memory, w_q (A, H), v (A,); `steps` slots kept for the
    backward (1 when nothing is saved)."""

    def __init__(self, keys, w_q, v, beam, steps, save_for_backward):
        xp = self.xp = array_module(keys)
        rows, length, size = keys.shape
        self.keys, self.w_q, self.w_q_t, self.v = keys, w_q, w_q.T, v
        self.save = save_for_backward
        self.e = xp.empty((rows, beam, length), keys.dtype)
        self.pq = xp.empty((rows, beam, size), keys.dtype)
        numba = fused.usable(keys, w_q, v)
        self.math = (
            (additive_numba, additive_backward_numba)
            if numba
            else (additive_numpy, additive_backward_numpy)
        )
        # s = tanh(pq + K) (R, k, S, A) per step, for the backward; inference on the numba
        # path needs none of it (search: k beams x S positions x A each step)
        self.s = None
        if save_for_backward or not numba:
            self.s = xp.empty(
                (steps if save_for_backward else 1, rows, beam, length, size), keys.dtype
            )

    def forward(self, t, q):
        """q (R, k, H) -> e (R, k, S) (a buffer reused by the next step)."""
        self.xp.matmul(q, self.w_q_t, out=self.pq)
        if self.s is None:
            additive_scores_numba(self.pq, self.keys, self.v, self.e)
        else:
            self.math[0](self.pq, self.keys, self.v, self.s[t if self.save else 0], self.e)
        return self.e

    def start_backward(self, steps):
        xp, s = self.xp, self.s
        self.d_keys = xp.zeros_like(self.keys)
        self.d_v = xp.zeros_like(self.v)
        self.d_pq = xp.empty((steps, *self.pq.shape), dtype=s.dtype)

    def backward(self, t, q, de):
        """de (R, k, S) -> dq (R, k, H); the weights' parts are kept (`gradients`)."""
        self.math[1](de, self.s[t], self.v, self.d_pq[t], self.d_keys, self.d_v)
        return self.d_pq[t] @ self.w_q

    def gradients(self, queries):
        """queries: (T, R, k, H), each step's q. Returns dK (R, S, A), dW_q (A, H), dv (A,)."""
        d_pq = self.d_pq.reshape(-1, self.d_pq.shape[-1])
        return self.d_keys, d_pq.T @ queries.reshape(-1, queries.shape[-1]), self.d_v


class GeneralScores:
    """Luong's general scores: keys (R, H, S) = (W memory) transposed."""

    def __init__(self, keys, beam, steps, save_for_backward):
        self.xp, self.keys, self.beam = array_module(keys), keys, beam

    def forward(self, t, q):
        return q @ self.keys  # (R, k, H) @ (R, H, S)

    def start_backward(self, steps):
        rows, _, length = self.keys.shape  # the scores' gradients of all steps:
        self.de = self.xp.empty((steps, rows, self.beam, length), dtype=self.keys.dtype)

    def backward(self, t, q, de):
        self.de[t] = de
        return de @ self.keys.transpose(0, 2, 1)  # (R, k, S) @ (R, S, H)

    def gradients(self, queries):
        """queries (T, R, k, H) -> dK (R, H, S) = sum over steps and beams of q^T de."""
        steps, rows, beam, hidden = queries.shape
        q = queries.transpose(1, 3, 0, 2).reshape(rows, hidden, steps * beam)
        de = self.de.transpose(1, 0, 2, 3).reshape(rows, steps * beam, -1)
        return (q @ de,)

"""Attention: which source positions the decoder looks at when it emits the next word.

Scores e (one per source position), then
    alpha   = softmax(e)  over the source positions, padding excluded
    context = alpha · memory
The decoder combines context and its state into the attentional vector (see seq2seq.py).

    Bahdanau (additive):             e_j = v^T tanh(W_q q + W_k k_j)
    Luong "general" (multiplicative): e_j = q^T W k_j

W_k k_j (Bahdanau) and W k_j (Luong) do not depend on the decoder step, so they are computed
once per sentence batch (`precompute`) and kept in `AttentionMemory`.

Beams share their sentence's memory: the decoder batch holds `beam` consecutive rows per
memory row (row i reads memory row i // beam), so a beam of k hypotheses attends with one
(B, k, T) batched product instead of copying the memory k times.
"""

from dataclasses import dataclass, replace

import numpy

from rnnkit.core import functions as F
from rnnkit.core.tensor import Tensor
from rnnkit.kernels.decoder import MASKED_SCORE  # the fused decoder's, the same number
from rnnkit.nn import Linear, Module
from rnnkit.nn.init import uniform


@dataclass
class AttentionMemory:
    """What attention reads at every decoder step, computed once per sentence batch.

    values: (B_mem, T_src, H_mem) the encoder outputs, batch-major;
    keys: the attention's projection of `values`, in the layout its `scores` wants;
    mask: (B_mem, T_src) bool, True at padded positions (they get zero weight);
    beam: decoder rows per memory row (row i of the decoder batch reads memory row i // beam);
    step_mask: (T_tgt, B_mem, T_src) bool or None, positions hidden at each target step of
    teacher forcing besides the padding (wait-k training); a search masks `mask` instead.
    """

    values: Tensor
    keys: Tensor
    mask: numpy.ndarray
    beam: int = 1
    step_mask: numpy.ndarray | None = None

    @property
    def rows(self):
        return self.values.shape[0]

    def select(self, indices):
        """The memory for a decoder batch whose row i is the old batch's row indices[i].

        Rows come in blocks of `beam` that read one memory row. When the new rows still form
        such blocks (beam expansion, reordering within a sentence, dropping whole sentences),
        one memory row is kept per block: nothing is copied when the blocks are unchanged.
        """
        assert self.step_mask is None, "a teacher-forcing schedule is not for search"
        indices = numpy.asarray(indices)
        count = len(indices)
        reads = indices // self.beam  # the memory row each new decoder row reads
        for beam in (count // self.rows, self.beam):
            if beam >= 1 and count % beam == 0:
                blocks = reads.reshape(-1, beam)
                if (blocks == blocks[:, :1]).all():
                    break
        else:
            beam, blocks = 1, reads[:, None]
        rows = blocks[:, 0]
        if len(rows) == self.rows and (rows == numpy.arange(self.rows)).all():
            return replace(self, beam=beam)
        return AttentionMemory(self.values[rows], self.keys[rows], self.mask[rows], beam=beam)


class Attention(Module):
    """The shared part: mask, softmax, weighted sum. Subclasses define the scores, and as
    class attributes their `kind` (the name in ATTENTION_TYPES and the fused kernel's
    scores) and `build(query_size, memory_size)`."""

    kind = None

    def precompute(self, memory, mask):
        """memory: (B, T_src, H_mem) Tensor; mask: (B, T_src) bool, True at padding."""
        return AttentionMemory(memory, self.project_keys(memory), mask)

    def forward(self, query, memory):
        """query: (B', H_q), B' = memory.rows * memory.beam.

        Returns context (B', H_mem) and the weights alpha (B', T_src) as a Tensor.
        """
        rows, beam = memory.rows, memory.beam
        assert query.shape[0] == rows * beam, (query.shape, rows, beam)
        q = query.reshape(rows, beam, query.shape[-1])  # (B, k, H_q)
        scores = self.scores(q, memory.keys)  # (B, k, T)
        scores = F.masked_fill(scores, memory.mask[:, None, :], MASKED_SCORE)
        alpha = F.softmax(scores, axis=-1)  # (B, k, T)
        context = F.matmul(alpha, memory.values)  # (B, k, T) @ (B, T, H_mem) -> (B, k, H_mem)
        return context.reshape(rows * beam, -1), alpha.reshape(rows * beam, -1)

    def project_keys(self, memory):
        raise NotImplementedError

    def scores(self, query, keys):
        """query (B, k, H_q), keys from `project_keys` -> scores e (B, k, T_src)."""
        raise NotImplementedError


class BahdanauAttention(Attention):
    """Additive attention: e_j = v^T tanh(W_q q + W_k k_j), attention size = query size."""

    kind = "bahdanau"

    @classmethod
    def build(cls, query_size, memory_size):
        return cls(query_size, memory_size, attention_size=query_size)

    def __init__(self, query_size, memory_size, attention_size):
        super().__init__()
        self.key_layer = Linear(memory_size, attention_size, bias=False)  # W_k
        self.query_layer = Linear(query_size, attention_size, bias=False)  # W_q
        self.v = uniform((attention_size,), 1 / attention_size**0.5)

    def project_keys(self, memory):
        return self.key_layer(memory)[:, None]  # (B, 1, T, A): for every beam

    def scores(self, query, keys):
        projected = self.query_layer(query)[:, :, None]  # (B, k, 1, A)
        return F.matmul(F.tanh(projected + keys), self.v)  # (B, k, T, A) @ (A,) -> (B, k, T)

    def extra_repr(self):
        return f"query={self.query_layer.in_features}, memory={self.key_layer.in_features}"


class LuongAttention(Attention):
    """Multiplicative "general" attention: e_j = q^T W k_j."""

    kind = "luong"

    @classmethod
    def build(cls, query_size, memory_size):
        return cls(query_size, memory_size)

    def __init__(self, query_size, memory_size):
        super().__init__()
        self.key_layer = Linear(memory_size, query_size, bias=False)  # W

    def project_keys(self, memory):
        return F.swapaxes(self.key_layer(memory), 1, 2)  # (B, H_q, T): for q @ keys

    def scores(self, query, keys):
        return F.matmul(query, keys)  # (B, k, H_q) @ (B, H_q, T) -> (B, k, T)

    def extra_repr(self):
        return f"query={self.key_layer.out_features}, memory={self.key_layer.in_features}"


# The attentions by name, "none" a plain encoder-decoder: what `--attention` offers.
ATTENTION_TYPES = {"bahdanau": BahdanauAttention, "luong": LuongAttention, "none": None}
ATTENTIONS = tuple(ATTENTION_TYPES)


def make_attention(kind, query_size, memory_size):
    """An attention of ATTENTION_TYPES by name (None for 'none')."""
    if kind not in ATTENTION_TYPES:
        raise ValueError(f"attention must be one of {', '.join(ATTENTIONS)}, got {kind!r}")
    attention = ATTENTION_TYPES[kind]
    return None if attention is None else attention.build(query_size, memory_size)


__all__ = [
    "ATTENTIONS",
    "ATTENTION_TYPES",
    "Attention",
    "AttentionMemory",
    "BahdanauAttention",
    "LuongAttention",
    "MASKED_SCORE",
    "make_attention",
]

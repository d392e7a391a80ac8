"""The decoder over all target steps (teacher forcing) as one graph node around the fused
kernel `rnnkit.kernels.decoder.AttentionDecoder`.

`Decoder.step` (seq2seq.py) is the same decoder one word at a time through the generic graph:
the readable reference, and what the tests compare this node with. Here the whole target
sequence runs on arrays and the backward is the kernel's hand-derived one, so the graph holds
one node for the decoder instead of dozens per target word.
"""

import dataclasses
from functools import partial

from rnnkit.core import parallel
from rnnkit.core.backend import array_module
from rnnkit.core.parallel import row_blocks
from rnnkit.core.random import generator
from rnnkit.core.tensor import accumulate, is_grad_enabled, make_result
from rnnkit.kernels.decoder import AttentionDecoder, Memory

MIN_STEP_ROWS = 128  # decoder rows per thread for one step alone (search) to be shared


def _attention_memory(decoder, state):
    """(the kernel's Memory, or None without attention; [(tensor, its gradient's name in
    the kernel)] of the attended tensors: values, keys, W_c, and Bahdanau's W_q and v)."""
    attention = decoder.attention
    if attention is None:
        return None, []
    kind = attention.kind  # the kernel's scores of the same name
    values, keys = state.memory.values, state.memory.keys
    keys_data = keys.data[:, 0] if kind == "bahdanau" else keys.data  # (B, S, A)
    memory = Memory(
        values.data,
        keys_data,
        state.memory.mask,
        kind,
        state.memory.beam,
        step_mask=state.memory.step_mask,
    )
    attended = [(values, "values"), (keys, "keys"), (decoder.combine.weight, "w_c")]
    if kind == "bahdanau":
        memory.w_q, memory.v = attention.query_layer.weight.data, attention.v.data
        attended += [(attention.query_layer.weight, "w_q"), (attention.v, "v")]
    return memory, attended


class DecoderNode:
    """decoder: a translator `Decoder`; embedded (T, B, E) Tensor; state: its initial
    `DecoderState` (state.feed, h~<0>, must be a constant: zeros)."""

    def __init__(self, decoder, embedded, state):
        if state.feed is not None and state.feed.requires_grad:
            raise ValueError("the fused decoder takes h~<0> as a constant")
        self.embedded = embedded
        self.params = [cell._weights() for cell in decoder.cells]
        self.states0 = [tuple(states) for states in state.hidden]
        # the attention's arrays for the kernel, and its tensors with how the kernel names
        # their gradients
        memory, self.attended = _attention_memory(decoder, state)
        attention = decoder.attention
        weights = [t for layer in self.params for t in layer if t is not None]
        self.inputs = (
            embedded,
            *(s for states in self.states0 for s in states),
            *weights,
            *(t for t, _ in self.attended),
        )
        save = is_grad_enabled() and any(t.requires_grad for t in self.inputs)
        steps, batch, _ = embedded.shape
        dropout = _dropout_masks(decoder, steps, batch, embedded.data)
        layer_weights = [tuple(None if w is None else w.data for w in ws) for ws in self.params]
        w_c = None if attention is None else decoder.combine.weight.data
        beam = 1 if memory is None else memory.beam
        # Rows never meet in the decoder: blocks of whole sentences (with their beams) run
        # in parallel threads (rnnkit.core.parallel); one block with one thread.
        # A search's single step is shared only when it has many rows (beams): for a few
        # dozen, handing it to a thread costs more than it saves (benchmarks/README.md,
        # "Measured design choices").
        sentences = batch // beam
        if steps > 1 or batch >= 2 * MIN_STEP_ROWS:
            blocks = row_blocks(sentences)
        else:
            blocks = [slice(0, sentences)]
        self.blocks = [slice(rows.start * beam, rows.stop * beam) for rows in blocks]
        self.kernels = [
            AttentionDecoder(
                decoder.cells[0].mode,
                embedded.data[:, rows],
                layer_weights,
                None if memory is None else _memory_rows(memory, rows, beam),
                w_c,
                decoder.input_feeding,
                None if dropout is None else dropout[:, :, rows],
                save,
            )
            for rows in self.blocks
        ]
        self.feed0 = None if state.feed is None else state.feed.data

    def forward(self):
        """Returns the attentional vectors (T, B, H) as a Tensor and the attention weights
        (T, B, S) as an array (None without attention)."""
        feed0 = self.feed0

        def block(kernel, rows):
            states0 = [tuple(s.data[rows] for s in states) for states in self.states0]
            return kernel.forward(states0, None if feed0 is None else feed0[rows])

        results = parallel.run(
            [partial(block, kernel, rows) for kernel, rows in zip(self.kernels, self.blocks)]
        )
        out = parallel.join([r[0] for r in results], axis=1)
        alpha = None if results[0][1] is None else parallel.join([r[1] for r in results], axis=1)
        # Each layer's final states (arrays), for a caller that steps on (search).
        self.final_states = [
            tuple(parallel.join([r[2][k][j] for r in results], axis=0) for j in range(len(states)))
            for k, states in enumerate(self.states0)
        ]
        return make_result(out, self.inputs, self.backward), alpha

    def backward(self, grad):
        if not hasattr(self, "kernels"):
            raise RuntimeError("backward twice through the fused decoder: run its forward again")
        tasks = [
            partial(kernel.backward, grad[:, rows])
            for kernel, rows in zip(self.kernels, self.blocks)
        ]
        del self.kernels  # each turns into its gradients: once
        parts = parallel.run(tasks)
        accumulate(self.embedded, parallel.join([p.embedded for p in parts], axis=1), owned=True)
        for k, states in enumerate(self.states0):
            for j, state in enumerate(states):
                accumulate(
                    state, parallel.join([p.states0[k][j] for p in parts], axis=0), owned=True
                )
        for k, weights in enumerate(self.params):
            for j, weight in enumerate(weights):
                if weight is not None:  # b_ih and b_hh may share one gradient array: copied
                    d = parallel.total([p.layers[k][j] for p in parts])
                    accumulate(weight, d, owned=weight.ndim == 2 and len(parts) == 1)
        for tensor, name in self.attended:
            pieces = [getattr(p, name) for p in parts]
            d = (
                parallel.join(pieces, axis=0)
                if name in ("values", "keys")
                else parallel.total(pieces)
            )
            accumulate(tensor, d.reshape(tensor.shape), owned=True)


def _memory_rows(memory, rows, beam):
    """The Memory of the decoder rows `rows` (whole blocks of `beam` rows)."""
    rows = slice(rows.start // beam, rows.stop // beam)
    return dataclasses.replace(
        memory,
        values=memory.values[rows],
        keys=memory.keys[rows],
        mask=memory.mask[rows],
        step_mask=None if memory.step_mask is None else memory.step_mask[:, rows],
    )


def _dropout_masks(decoder, steps, batch, like):
    """Per layer above the first, a (T, B, H) scaled keep-mask of its input, drawn in the
    order `Decoder.step` draws them (step by step, layer by layer), so that both paths see the
    same masks from the same seed; None when nothing is dropped."""
    p, layers = decoder.dropout.p, len(decoder.cells)
    if not decoder.dropout.training or p == 0 or layers == 1:
        return None
    xp, rng, dtype = array_module(like), generator(), like.dtype
    masks = xp.empty((layers, steps, batch, decoder.hidden_size), dtype=dtype)
    for t in range(steps):
        for k in range(1, layers):
            keep = rng.random((batch, decoder.hidden_size)) >= p
            masks[k, t] = xp.asarray(keep, dtype=dtype) / dtype.type(1 - p)
    return masks

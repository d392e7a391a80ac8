"""The decoder over all target steps (teacher forcing) as one graph node around the fused
kernel `rnnkit.kernels.decoder.AttentionDecoder`.

`Decoder.step` (model.py) is the same decoder one word at a time through the generic graph:
the readable reference, and what the tests compare this node with. Here the whole target
sequence runs on arrays and the backward is the kernel's hand-derived one, so the graph holds
one node for the decoder instead of dozens per target word.
"""

from rnnkit.core.backend import array_module
from rnnkit.core.random import generator
from rnnkit.core.tensor import accumulate, is_grad_enabled, make_result
from rnnkit.kernels.decoder import AttentionDecoder, Memory


class DecoderNode:
    """decoder: a translator `Decoder`; embedded (T, B, E) Tensor; state: its initial
    `DecoderState` (state.feed, h~<0>, must be a constant: zeros)."""

    def __init__(self, decoder, embedded, state):
        if state.feed is not None and state.feed.requires_grad:
            raise ValueError("the fused decoder takes h~<0> as a constant")
        self.embedded = embedded
        self.params = [cell._weights() for cell in decoder.cells]
        self.states0 = [h if isinstance(h, tuple) else (h,) for h in state.hidden]
        self.attended = []  # (tensor, how its gradient is shaped from the kernel's)
        memory = None
        attention = decoder.attention
        if attention is not None:
            kind = "luong" if attention.__class__.__name__ == "LuongAttention" else "bahdanau"
            values, keys = state.memory.values, state.memory.keys
            keys_data = keys.data[:, 0] if kind == "bahdanau" else keys.data  # (B, S, A)
            memory = Memory(values.data, keys_data, state.memory.mask, kind, state.memory.beam)
            self.attended = [(values, "values"), (keys, "keys"), (decoder.combine.weight, "w_c")]
            if kind == "bahdanau":
                memory.w_q, memory.v = attention.query_layer.weight.data, attention.v.data
                self.attended += [(attention.query_layer.weight, "w_q"), (attention.v, "v")]
        weights = [t for layer in self.params for t in layer if t is not None]
        self.inputs = (
            embedded,
            *(s for states in self.states0 for s in states),
            *weights,
            *(t for t, _ in self.attended),
        )
        save = is_grad_enabled() and any(t.requires_grad for t in self.inputs)
        steps, batch, _ = embedded.shape
        self.kernel = AttentionDecoder(
            decoder.cells[0].mode,
            embedded.data,
            [tuple(None if w is None else w.data for w in layer) for layer in self.params],
            memory,
            None if attention is None else decoder.combine.weight.data,
            decoder.input_feeding,
            _dropout_masks(decoder, steps, batch, embedded.data),
            save,
        )
        self.feed0 = None if state.feed is None else state.feed.data

    def forward(self):
        """Returns the attentional vectors (T, B, H) as a Tensor and the attention weights
        (T, B, S) as an array (None without attention)."""
        states0 = [tuple(s.data for s in states) for states in self.states0]
        out, alpha, _ = self.kernel.forward(states0, self.feed0)
        return make_result(out, self.inputs, self.backward), alpha

    def backward(self, grad):
        grads = self.kernel.backward(grad)
        accumulate(self.embedded, grads.embedded, owned=True)
        for states, d_states in zip(self.states0, grads.states0):
            for state, d_state in zip(states, d_states):
                accumulate(state, d_state)
        for weights, d_weights in zip(self.params, grads.layers):
            for weight, d_weight in zip(weights, d_weights):
                if weight is not None:  # b_ih and b_hh may share one gradient array: copied
                    accumulate(weight, d_weight, owned=weight.ndim == 2)
        for tensor, name in self.attended:
            d = getattr(grads, name)
            accumulate(tensor, d.reshape(tensor.shape), owned=True)


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

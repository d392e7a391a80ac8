"""The attention decoder over all target steps as one kernel, with hand-derived backward.

Per target step t (the translator's decoder, `rnnkit.translator.model.seq2seq.Decoder.step`, is the
same equations through the graph, the reference this kernel is tested against):

    x<t>   = [embedded<t>; h~<t-1>]                    input feeding (h~<0> given, or 0)
    h_l<t> = cell_l(x_l<t>, h_l<t-1>)                  x_0 = x<t>, x_l = dropout(h_(l-1)<t>)
    e      = scores(h_L<t>, K)  (masked at padding)    attention_scores.py: Bahdanau, Luong
    alpha  = softmax(e);  context = alpha . memory
    h~<t>  = tanh(W_c [context; h_L<t>])               the attentional vector (the output)

Each layer is its cell's own `Recurrence` (the recurrent kernels of rnn.py ... lstm.py),
driven one step at a time, since every step's input depends on the step before (through
h~<t-1> and the layer below): before step t the part of the input projection not known in
advance is added into xw[t] (h~<t-1> W_feed^T for the first layer, x_l<t> W_ih^T for the
others), and going backward each layer's dxw[t] gives that part's gradient back
(dh~<t-1> = dxw_0[t] W_feed, dh_(l-1)<t> = dxw_l[t] W_ih). All weight gradients are one product
over all steps after the loop; nothing is allocated per step but a few (B, .) temporaries.

Shapes: T target steps, B' = R k decoder rows (R memory rows, k rows per memory row: the
beams of one sentence; k = 1 in training), S source positions, H hidden, M memory size,
E embedding, A attention size.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from rnnkit.core.backend import array_module
from rnnkit.kernels import KERNELS
from rnnkit.kernels.attention_scores import AdditiveScores, GeneralScores
from rnnkit.kernels.common import weight_gradient

# Padded positions get this score before the softmax; exp of it underflows to exactly 0.
MASKED_SCORE = -1e9


@dataclass
class Memory:
    """What the decoder attends to: values (R, S, M) the encoder outputs; keys (R, S, A) for
    Bahdanau or (R, H, S) for Luong; mask (R, S) True at padding; beam k; kind 'bahdanau' or
    'luong'; w_q (A, H), v (A,) for Bahdanau; step_mask (T, R, S) or None: positions hidden
    at each step besides the padding (a simultaneous schedule)."""

    values: object
    keys: object
    mask: object
    kind: str
    beam: int = 1
    w_q: object = None
    v: object = None
    step_mask: object = None


class AttentionDecoder:
    """mode: the cell's key in `KERNELS`; embedded (T, B', E); layers: per layer (w_ih, w_hh,
    b_ih, b_hh) as PyTorch, w_ih of the first layer (G*H, E + H) with input feeding (its last
    H columns read h~<t-1>), else (G*H, E), of the others (G*H, H); memory: a `Memory` or
    None (no attention: the output is h_L<t>); w_c (H, M + H); dropout: None, or per layer a
    (T, B', H) scaled keep-mask of its input (entry 0 unused); save_for_backward as the
    recurrent kernels'.

    `forward(states0, feed0)` once, then at most one `backward(d_out)`.
    """

    def __init__(
        self, mode, embedded, layers, memory, w_c, input_feeding, dropout, save_for_backward
    ):
        xp = self.xp = array_module(embedded)
        steps, batch, embed = embedded.shape
        self.save, self.memory, self.dropout = save_for_backward, memory, dropout
        self.feeding = input_feeding and memory is not None
        kernel = KERNELS[mode]
        hidden = layers[0][1].shape[1]
        self.w_in = [w_ih[:, embed:] if k == 0 else w_ih for k, (w_ih, *_) in enumerate(layers)]
        # Contiguous copies of the transposed weights pay over a pass of many steps; a
        # search's single step reads the transposed views as they are (BLAS takes either).
        prepared = xp.ascontiguousarray if steps > 1 else (lambda a: a)
        self.w_in_t = [prepared(w.T) for w in self.w_in]
        nothing = xp.empty((steps, batch, 0), dtype=embedded.dtype)
        self.layers = [
            kernel(
                embedded if k == 0 else nothing,
                w_ih[:, :embed] if k == 0 else w_ih[:, :0],
                w_hh,
                b_ih,
                b_hh,
                None,
                False,
                save_for_backward,
            )
            for k, (w_ih, w_hh, b_ih, b_hh) in enumerate(layers)
        ]
        self.projection = xp.empty((batch, layers[0][1].shape[0]), dtype=embedded.dtype)
        if save_for_backward and dropout is not None:  # each layer's dropped-out input
            self.inputs = [None] + [
                xp.empty((steps, batch, hidden), embedded.dtype) for _ in layers[1:]
            ]
        self.out = xp.empty((steps, batch, hidden), dtype=embedded.dtype)
        self.alpha = None
        if memory is not None:
            rows, length, size = memory.values.shape
            kept = steps if save_for_backward else 1
            self.rows, self.beam, self.size = rows, memory.beam, size
            self.alpha = xp.empty((steps, rows, memory.beam, length), dtype=embedded.dtype)
            self.context = xp.empty((kept, batch, size), dtype=embedded.dtype)
            self.w_c, self.w_cc_t = w_c, prepared(w_c[:, :size].T)
            self.w_cq_t = prepared(w_c[:, size:].T)
            if memory.kind == "bahdanau":
                self.scores = AdditiveScores(
                    memory.keys, memory.w_q, memory.v, memory.beam, steps, save_for_backward
                )
            else:
                self.scores = GeneralScores(memory.keys, memory.beam, steps, save_for_backward)

    # --- forward -------------------------------------------------------------------------------
    def forward(self, states0, feed0=None):
        """states0: per layer its initial states ((a0,) or (a0, c0), (B', H) arrays);
        feed0: h~<0> (B', H), or None for zeros.

        Returns out (T, B', H) the attentional vectors, alpha (T, B', S) or None, and per
        layer its final states.
        """
        xp, layers, projection = self.xp, self.layers, self.projection
        for layer, states in zip(layers, states0):
            layer.begin(states)
        feed = feed0 if self.feeding else None
        for t in range(len(self.out)):
            for k, layer in enumerate(layers):
                if k == 0:
                    given = feed
                else:
                    given = layers[k - 1].h[t + 1]
                    if self.dropout is not None:
                        given = given * self.dropout[k][t]
                        if self.save:
                            self.inputs[k][t] = given
                if given is not None:
                    xw_t = layer.xw[t]
                    xp.matmul(given, self.w_in_t[k], out=projection)
                    xw_t += projection
                layer.step_at(t)
            query = layers[-1].h[t + 1]
            if self.memory is None:
                self.out[t] = query
            else:
                self._attend(t, query)
            feed = self.out[t] if self.feeding else None
        finals = [layer.end()[1] for layer in layers]
        alpha = None if self.alpha is None else self.alpha.reshape(*self.out.shape[:2], -1)
        return self.out, alpha, finals

    def _attend(self, t, query):
        xp, memory = self.xp, self.memory
        slot = t if self.save else 0
        scores = self.scores.forward(slot, query.reshape(self.rows, self.beam, -1))  # (R, k, S)
        xp.copyto(scores, MASKED_SCORE, where=memory.mask[:, None, :])
        if memory.step_mask is not None:
            xp.copyto(scores, MASKED_SCORE, where=memory.step_mask[t][:, None, :])
        alpha = self.alpha[t]
        xp.subtract(scores, scores.max(axis=-1, keepdims=True), out=alpha)
        xp.exp(alpha, out=alpha)
        alpha /= alpha.sum(axis=-1, keepdims=True)
        context = self.context[slot]
        xp.matmul(alpha, memory.values, out=context.reshape(self.rows, self.beam, -1))
        out = self.out[t]
        xp.matmul(context, self.w_cc_t, out=out)
        out += query @ self.w_cq_t
        xp.tanh(out, out=out)

    # --- backward ------------------------------------------------------------------------------
    def backward(self, d_out):
        """d_out (T, B', H): the gradient of every step's attentional vector.

        Returns a namespace: embedded (T, B', E), states0 (per layer a tuple), layers (per
        layer (w_ih, w_hh, b_ih, b_hh), None for absent biases), and with attention w_c,
        values (R, S, M), keys (as given), and for Bahdanau w_q and v.
        """
        if not vars(self):
            raise RuntimeError("backward twice through the fused decoder: run its forward again")
        xp, layers, memory = self.xp, self.layers, self.memory
        steps, batch, hidden = self.out.shape
        d_out = xp.ascontiguousarray(d_out, dtype=self.out.dtype)
        queries = layers[-1].h[1:]  # (T, B', H) the top layer's outputs
        for layer in layers:
            layer.begin_backward((None,) * layer.states)
        if memory is not None:
            self.scores.start_backward(steps)
            d_pre = xp.empty_like(self.out)  # through tanh of h~, every step
            d_context = xp.empty_like(self.context)
            values_t = memory.values.transpose(0, 2, 1)  # (R, M, S)
            w_cc, w_cq = self.w_c[:, : self.size], self.w_c[:, self.size :]
        d_feed = None
        for t in range(steps - 1, -1, -1):
            grad = d_out[t] if d_feed is None else d_out[t] + d_feed
            if memory is None:
                d_query = grad
            else:
                out, d_p = self.out[t], d_pre[t]
                xp.multiply(out, out, out=d_p)
                xp.subtract(1, d_p, out=d_p)
                d_p *= grad
                xp.matmul(d_p, w_cc, out=d_context[t])
                d_query = d_p @ w_cq
                alpha = self.alpha[t]  # (R, k, S)
                d_alpha = d_context[t].reshape(self.rows, self.beam, -1) @ values_t
                d_alpha -= (alpha * d_alpha).sum(axis=-1, keepdims=True)
                d_alpha *= alpha  # the scores' gradient (0 at masked positions)
                q = queries[t].reshape(self.rows, self.beam, -1)
                d_query += self.scores.backward(t, q, d_alpha).reshape(batch, hidden)
            for k in range(len(layers) - 1, -1, -1):
                layers[k].backward_at(t, d_query)
                if k > 0:  # to the layer below: dx_k<t> = dxw_k[t] W_ih
                    d_query = layers[k].xw[t] @ self.w_in[k]
                    if self.dropout is not None:
                        d_query *= self.dropout[k][t]
            if self.feeding and t > 0:  # dh~<t-1> = dxw_0[t] W_feed
                d_feed = layers[0].xw[t] @ self.w_in[0]
        # Weight gradients of the inputs added step by step: one product each over all steps
        # (before the layers' own end_backward frees their buffers).
        d_given = [None] * len(layers)
        if self.feeding:
            d_given[0] = weight_gradient(xp, layers[0].xw[1:], self.out[:-1])
        for k in range(1, len(layers)):
            given = self.inputs[k] if self.dropout is not None else layers[k - 1].h[1:]
            d_given[k] = weight_gradient(xp, layers[k].xw, given)
        result = SimpleNamespace(layers=[], states0=[])
        for k, layer in enumerate(layers):
            grads = layer.end_backward(x_grad=k == 0)
            if k == 0:
                result.embedded = grads.x
                d_w_ih = grads.w_ih
                if d_given[0] is not None:
                    d_w_ih = xp.concatenate([d_w_ih, d_given[0]], axis=1)
            else:
                d_w_ih = d_given[k]
            result.layers.append((d_w_ih, grads.w_hh, grads.b_ih, grads.b_hh))
            result.states0.append(grads.states0)
        if memory is not None:
            flat = d_pre.reshape(-1, hidden)
            result.w_c = xp.concatenate(
                [
                    flat.T @ self.context.reshape(-1, self.size),
                    flat.T @ queries.reshape(-1, hidden),
                ],
                axis=1,
            )
            # d values[r] = sum over steps and beams of alpha^T d_context: one batched product
            rows, beam = self.rows, self.beam
            alpha = self.alpha.transpose(1, 3, 0, 2).reshape(rows, -1, steps * beam)
            d_ctx = d_context.reshape(steps, rows, beam, -1).transpose(1, 0, 2, 3)
            result.values = alpha @ d_ctx.reshape(rows, steps * beam, -1)
            grads = self.scores.gradients(queries.reshape(steps, rows, beam, hidden))
            result.keys = grads[0]
            if memory.kind == "bahdanau":
                result.w_q, result.v = grads[1], grads[2]
        vars(self).clear()  # turned into gradients: it runs once
        return result

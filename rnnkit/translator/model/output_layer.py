"""The output layer: one object for training, search and simultaneous decoding.

logits = (h~ P^T) W^T + b over the vocabulary, P the projection to the embedding size when
the weight is the embedding matrix (tied) and they differ. `Seq2Seq.output_layer()` makes
an `OutputLayer` of the model's own parameters (so checkpoints keep their names): its
`logits` and `loss` (through `linear_cross_entropy`) on the graph for training and the
graph decoder, and `step_scores()`, the same layer on arrays for a search step (greedy, beam,
and the simultaneous policies, which step through the search): each row's logits over its
language's classes only, their log-normaliser, in blocks of sentences in threads.
"""

from functools import partial

import numpy

from rnnkit.core import functions as F
from rnnkit.core import parallel
from rnnkit.core.backend import array_module
from rnnkit.core.losses import linear_cross_entropy
from rnnkit.kernels import fused
from rnnkit.text.vocabulary import BOS_INDEX, EOS_INDEX, PAD_INDEX


class OutputLayer:
    """The output layer of a Seq2Seq (`Seq2Seq.output_layer()`): `projection` (a Linear from
    h~ to the embedding size, tied weights only, or None), `weight` (V, D) and `bias` (V,) or
    None, Parameters of the model; `language_vocab` each target language's classes or None;
    `dropout` the model's dropout on h~ (a no-op in eval mode)."""

    def __init__(self, projection, weight, bias, language_vocab, dropout):
        self.projection, self.weight, self.bias = projection, weight, bias
        self.language_vocab, self.dropout = language_vocab, dropout

    def rows(self, attentional):
        """attentional (..., H) -> the rows (N, D) the weight multiplies: flattened to 2-D (a
        3-D @ 2-D product would make its weight gradient per step first), dropped out,
        projected to the embedding size when tied."""
        x = self.dropout(attentional.reshape(-1, attentional.shape[-1]))
        return x if self.projection is None else self.projection(x)

    def logits(self, attentional, languages=None):
        """attentional: (..., B, H) -> logits (..., B, V); languages: (B,) the rows of
        `language_vocab` (their logits outside the language's classes are -inf), or None."""
        leading = attentional.shape[:-1]
        x = self.rows(attentional)
        logits = F.matmul(x, self.weight.T)
        if self.bias is not None:
            logits = logits + self.bias
        if languages is not None:  # rows are (..., B) flattened: sentence b every B rows
            mask = self.language_vocab.biases(None, logits.dtype)  # 0 or -inf
            rows = numpy.tile(languages, len(x) // len(languages))
            logits = logits + array_module(logits.data).asarray(mask[rows])
        return logits.reshape(*leading, logits.shape[-1])

    def loss(self, attentional, targets, languages, smoothing):
        """The summed cross-entropy of (T, B, H) `attentional` against (T, B) `targets`, the
        output layer and the loss as one node over the non-padding positions only (the same
        as cross_entropy of `logits`); with `languages` (B,) each language's rows over its own
        classes. Returns (loss Tensor, summed NLL float)."""
        x = self.rows(attentional)  # (T*B, D)
        flat = targets.reshape(-1)
        if languages is None:
            return linear_cross_entropy(x, self.weight, self.bias, flat, PAD_INDEX, smoothing)
        row_languages = numpy.tile(languages, targets.shape[0])
        summed, nll = None, 0.0
        for language in numpy.unique(languages):  # (training batches hold one)
            rows = numpy.flatnonzero(row_languages == language)
            part = x if len(rows) == len(x) else x[rows]
            classes = self.language_vocab.classes[language]
            loss, part_nll = linear_cross_entropy(
                part, self.weight, self.bias, flat[rows], PAD_INDEX, smoothing, classes
            )
            summed, nll = (loss if summed is None else summed + loss), nll + part_nll
        return summed, nll

    def arrays(self):
        """(projection (E, H) or None, weight (V, D), bias (V,) or None) as arrays."""
        return (
            None if self.projection is None else self.projection.weight.data,
            self.weight.data,
            None if self.bias is None else self.bias.data,
        )

    def step_scores(self):
        """This layer on arrays for a search (StepScores); its per-language weights are
        gathered once, for every step of the search."""
        return StepScores(self)


def restrict(scores, at_limit, columns=None):
    """No <pad>/<bos> ever; only <eos> for the rows at their length limit (in place).
    columns: (rows, K) the token id of each column of `scores` (None: column = token id)."""
    if columns is None:
        scores[:, [PAD_INDEX, BOS_INDEX]] = -numpy.inf
        if at_limit.any():
            eos = scores[at_limit, EOS_INDEX]
            scores[at_limit] = -numpy.inf
            scores[at_limit, EOS_INDEX] = eos
        return
    scores[(columns == PAD_INDEX) | (columns == BOS_INDEX)] = -numpy.inf
    if at_limit.any():
        ends = columns[at_limit] == EOS_INDEX
        scores[at_limit] = numpy.where(ends, scores[at_limit], -numpy.inf)


# Fewest logits (rows x columns) one thread's block of the output layer gets: below this a
# thread costs more than it saves.
MIN_BLOCK_LOGITS = 1 << 18


class StepScores:
    """The output layer in a search step, on arrays (`OutputLayer.step_scores`): logits and
    their log-normaliser per row, in blocks of whole sentences (with their beams), in threads
    where that pays (core/parallel.py).

    log p(w) = logits[w] - lse with lse = log sum_w exp(logits[w]) over the row's classes, so
    a search never forms the log-probabilities: greedy search needs only the argmax of the
    logits, beam search adds -lse to each beam's score instead of to every word. With the
    model's `language_vocab` (model/language_vocab.py) a row's softmax ranges over its language's
    classes alone, every other logit being -inf: then only those columns are multiplied
    out (about 270 of the demo's 5,300 tokens), the rows stacked by language for one
    batched product, and a block's `columns` give the token id of each of its columns. Then
    <pad>/<bos> are excluded and rows at their length limit keep only <eos> (as
    the search's `_next_word_scores`, `restrict`)."""

    usable = True  # False: decode_step's log-probabilities instead (arrays NumPy cannot take)

    def __init__(self, output_layer):
        self.projection, self.weight, self.bias = output_layer.arrays()
        self.usable = self.usable and all(
            type(a) is numpy.ndarray
            for a in (self.weight, self.projection, self.bias)
            if a is not None
        )
        self.buffers = None  # without language classes: (logits, scratch) of the largest step
        self.packed = None  # with them: per language its columns, weights and bias, padded
        language_vocab = output_layer.language_vocab
        if language_vocab is not None and self.usable:
            columns = language_vocab.padded()  # (L, K), <pad> after each one's classes
            bias = numpy.zeros(columns.shape, self.weight.dtype)
            if self.bias is not None:
                bias = self.bias[columns]
            bias[columns == PAD_INDEX] = -numpy.inf
            self.packed = (columns, self.weight[columns], bias)  # (L, K), (L, K, D), (L, K)

    def blocks(self, languages, beam):
        """The blocks of a step's rows, each a list of its sentences (ascending) and of
        whole sentences: slices of the batch, or with language classes the sentences of
        some languages (at least one thread's worth of logits each, so one block where
        threads do not pay)."""
        sentences = len(languages) // beam
        columns = self.weight.shape[0] if self.packed is None else self.packed[0].shape[1]
        most = max(1, sentences * beam * columns // MIN_BLOCK_LOGITS)
        count = max(1, min(parallel.get_num_threads(), most, sentences))
        if count == 1:
            return [numpy.arange(sentences)]
        if self.packed is None:
            edges = [sentences * i // count for i in range(count + 1)]
            return [numpy.arange(edges[i], edges[i + 1]) for i in range(count)]
        of_sentence = languages[::beam]
        groups = [numpy.flatnonzero(of_sentence == row) for row in numpy.unique(of_sentence)]
        count = min(count, len(groups))
        return [numpy.concatenate(groups[i::count]) for i in range(count)]

    def scores(self, attentional, at_limit, languages, beam=1, normalise=True, then=None):
        """attentional (B', H) array; languages: (B',) each row's language (DecoderState's),
        or None. For each block (see `blocks`) calls then(rows, logits, lse, columns) in a
        thread and returns its results, a list: rows (n,) the block's decoder rows, whole
        sentences with their beams in order; logits (n, K), restricted as above; lse (n,)
        float64 (None unless normalise); columns (n, K) the token id of each column, or None
        where column = token id. The logits may be a buffer the next call overwrites."""
        x = attentional if self.projection is None else attentional @ self.projection.T
        if languages is None or self.packed is None:
            languages = numpy.zeros(len(x), dtype=numpy.int64)
        if self.packed is None:  # (B', V) buffers, reused while the batch does not grow
            if self.buffers is None or len(self.buffers[0]) < len(x):
                shape = (len(x), self.weight.shape[0])
                self.buffers = tuple(numpy.empty(shape, x.dtype) for _ in range(2))
        offsets = numpy.arange(beam)

        def block(sentences):
            rows = (sentences[:, None] * beam + offsets).reshape(-1)
            if self.packed is None:
                part = slice(int(rows[0]), int(rows[-1]) + 1)  # contiguous sentences
                logits, scratch = self.buffers[0][part], self.buffers[1][part]
                numpy.matmul(x[part], self.weight.T, out=logits)
                if self.bias is not None:
                    logits += self.bias
                columns = None
            else:
                logits, columns = self._by_language(x, rows, languages[rows])
                scratch = numpy.empty_like(logits)
            lse = None
            if normalise:
                peak = logits.max(axis=1)
                shifted = numpy.subtract(logits, peak[:, None], out=scratch)
                numpy.exp(shifted, out=shifted)
                lse = peak + numpy.log(shifted.sum(axis=1, dtype=numpy.float64))
            restrict(logits, at_limit[rows], columns)
            return then(rows, logits, lse, columns)

        return parallel.run([partial(block, part) for part in self.blocks(languages, beam)])

    def _by_language(self, x, rows, languages):
        """Logits (n, K) and columns (n, K) of decoder rows `rows` (whole sentences) with
        their `languages`: the rows of each language, padded to the most any has, as one
        stacked product with that language's columns."""
        all_columns, weights, biases = self.packed
        present, where, counts = numpy.unique(languages, return_inverse=True, return_counts=True)
        # each row's place among its language's rows (rows of a language keep their order)
        order = numpy.argsort(where, kind="stable")
        place = numpy.empty(len(rows), dtype=numpy.int64)
        place[order] = numpy.arange(len(rows)) - numpy.repeat(numpy.cumsum(counts) - counts, counts)
        stacked = numpy.zeros((len(present), counts.max(), x.shape[1]), dtype=x.dtype)
        stacked[where, place] = x[rows]
        if len(present) < len(all_columns):
            weights, biases = weights[present], biases[present]
        if stacked.shape[1] <= FEW_ROWS and fused.usable(stacked, weights):
            logits = numpy.empty((len(present), stacked.shape[1], weights.shape[1]), x.dtype)
            _stacked_products_numba(stacked, weights, logits)
        else:
            logits = numpy.matmul(stacked, weights.transpose(0, 2, 1))  # (languages, m, K)
        logits += biases[:, None, :]
        return logits[where, place], all_columns[languages]


# Rows per language up to which one loop beats a BLAS product per language (the live path:
# one line's beams in each of 24 languages; benchmarks/README.md, "Measured design choices").
FEW_ROWS = 8


@fused.jit
def _stacked_products_numba(stacked, weights, out):
    """out[l] = stacked[l] @ weights[l].T for (L, m, D) rows and (L, K, D) weights."""
    languages, rows, width = stacked.shape
    for language in range(languages):
        for column in range(weights.shape[1]):
            weight = weights[language, column]
            for row in range(rows):
                x = stacked[language, row]
                total = x[0] * 0
                for d in range(width):
                    total += x[d] * weight[d]
                out[language, row, column] = total

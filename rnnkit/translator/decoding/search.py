"""Decoding: from a trained Seq2Seq and a source batch to target token ids.

Both searches run every sentence (and, for beam search, every beam) of the batch as one
decoder batch, one decoder step per target position (`model.decoder_step`, the fused
kernel), under `no_grad` and with the model in eval mode (no dropout); the output layer
runs on arrays (the model's `OutputLayer.step_scores()`: logits and their log-normaliser,
blocks of sentences in threads), so no (B', V) log-probabilities are formed. Neither ever
emits <pad> or <bos>.
A hypothesis has at most `max_len` words; at that length the only word left to it is <eos>.

Default length limit per sentence: int(max_len_ratio * source length) + 5, the source
length counting the language tag (the +5 leaves room after very short sources), and never
more than MAX_OUTPUT_LEN words whatever the ratio or `max_len`, so a model that never emits
<eos> still stops. Each decoding step costs the same however long the hypotheses already
are (beam search keeps back-pointers, not copies of every hypothesis), so a translation's
cost grows linearly with its length.
"""

import contextlib
import math
from dataclasses import dataclass

import numpy

from rnnkit.core.backend import to_numpy
from rnnkit.core.tensor import no_grad
from rnnkit.errors import ConfigError
from rnnkit.kernels import fused
from rnnkit.text.vocabulary import BOS_INDEX, EOS_INDEX
from rnnkit.translator.model.output_layer import restrict

MAX_OUTPUT_LEN = 1000  # words per translation at most (<eos> excluded), whatever is asked
MAX_BEAM = 100  # a larger beam only multiplies the cost (fairseq's default is 5)


def check_beam(beam):
    """A --beam a user asked for (every command that searches): one clear error if out of
    range."""
    if not 1 <= beam <= MAX_BEAM:
        raise ConfigError(f"--beam must be between 1 and {MAX_BEAM} (1: greedy search), got {beam}")


@dataclass
class Hypothesis:
    """tokens: target ids without <bos>/<eos>; score: sum of log-probabilities (<eos>
    included) divided by the length penalty; attention: (len(tokens), source length)."""

    tokens: list
    score: float
    attention: numpy.ndarray | None


class SlotConstraint:
    """Every slot of a row's source in its hypothesis, and no other (placeholders such as
    ｟P1｠, see slots.py): a slot token of a slot the source does not have is never written,
    a slot is written once (a repeatable one, a number, at most twice: "tied 54-54"), and
    <eos> waits until every slot of the source is written. So a hypothesis that drops,
    repeats or invents a slot cannot be chosen.

    token_bits: (V,) int64, the bit of the slot each token writes (0: none); repeatable: the
    bits of the slots that may be written twice; required: (rows,) int64 each decoder row's
    slots. `used` and `twice` follow each row's hypothesis (`follow`)."""

    def __init__(self, token_bits, repeatable, required):
        self.tokens = numpy.flatnonzero(token_bits)  # the slot tokens' ids
        self.bits = token_bits[self.tokens]
        self.token_bits, self.repeatable = token_bits, repeatable
        self.required = numpy.asarray(required, dtype=numpy.int64)
        self.used = numpy.zeros_like(self.required)
        self.twice = numpy.zeros_like(self.required)

    def restrict(self, scores, rows=slice(None), columns=None):
        """-inf (in place) to the slot tokens and <eos> decoder rows `rows` may not take;
        columns: (n, K) the token id of each column of `scores` (None: column = token id)."""
        required, used, twice = self.required[rows], self.used[rows], self.twice[rows]
        open_ = required & ~used | (used & self.repeatable & ~twice)  # (n,) still writable
        unfinished = (used & required) != required  # (n,) <eos> must wait
        if columns is not None:  # (n, K): each row's own columns
            bits = self.token_bits[columns]
            scores[(bits != 0) & ((open_[:, None] & bits) == 0)] = -numpy.inf
            scores[unfinished[:, None] & (columns == EOS_INDEX)] = -numpy.inf
            return
        banned = (open_[:, None] & self.bits[None, :]) == 0  # (n, slot tokens)
        if banned.any():
            block = scores[:, self.tokens]
            block[banned] = -numpy.inf
            scores[:, self.tokens] = block
        scores[unfinished, EOS_INDEX] = -numpy.inf

    def follow(self, parents, words):
        """The rows are now hypotheses `parents` (decoder rows of the step before) extended
        by `words`."""
        bits = self.token_bits[words]
        self.required = self.required[parents]
        self.twice = self.twice[parents] | (self.used[parents] & bits)
        self.used = self.used[parents] | bits


def length_penalty_factor(length, alpha):
    """GNMT's lp(Y) = ((5 + |Y|) / 6) ** alpha; |Y| counts the tokens with <eos>."""
    return ((5.0 + length) / 6.0) ** alpha


def max_lengths(src_lengths, max_len=None, max_len_ratio=2.0):
    """(B,) the longest hypothesis (in words, <eos> excluded) allowed per sentence: max_len,
    else int(max_len_ratio * source length) + 5; at most MAX_OUTPUT_LEN either way."""
    src_lengths = numpy.asarray(to_numpy(getattr(src_lengths, "data", src_lengths)))
    if max_len is not None:
        limits = numpy.full(len(src_lengths), float(max_len))
    elif math.isfinite(max_len_ratio) and max_len_ratio > 0:
        limits = numpy.floor(max_len_ratio * src_lengths) + 5
    else:
        raise ValueError(f"max_len_ratio must be a positive number, got {max_len_ratio}")
    return numpy.clip(limits, 0, MAX_OUTPUT_LEN).astype(numpy.int64)


@contextlib.contextmanager
def inference_mode(model):
    """no_grad and eval mode, restoring the model's mode afterwards."""
    was_training = model.training
    model.eval()
    try:
        with no_grad():
            yield
    finally:
        model.train(was_training)


def _next_word_scores(model, prev_tokens, state, at_limit):
    """One decoder step: log-probs (B', V) as NumPy (the model's dtype), with <pad>/<bos>
    excluded and only <eos> left to rows that reached their length limit (at_limit: (B',) bool)."""
    log_probs, state, attention = model.decode_step(prev_tokens, state)
    log_probs = to_numpy(log_probs.data)  # float32 or float64: made here, so ours to change
    restrict(log_probs, at_limit)
    return log_probs, state, attention


class GreedySteps:
    """Greedy decoding one step at a time, for a caller that decides when each step comes
    (simultaneous.py: wait-k writes a word as a source word arrives). step(prev_tokens,
    state, at_limit, forbid=None) -> (the most probable next word of every row, the next
    state, the attention), as `greedy_search` steps; `forbid`: a token no row may take.
    Call it inside `inference_mode(model)`."""

    def __init__(self, model):
        self.model = model
        self.output = model.output_layer().step_scores()  # gathered once for every step

    def step(self, prev_tokens, state, at_limit, forbid=None):
        model, output = self.model, self.output
        if not output.usable:
            log_probs, state, attention = _next_word_scores(model, prev_tokens, state, at_limit)
            if forbid is not None:
                log_probs[:, forbid] = -numpy.inf
            return log_probs.argmax(axis=1), state, attention
        attentional, state, attention = model.decoder_step(prev_tokens, state)

        def pick(rows, logits, lse, columns):
            if forbid is not None:
                if columns is None:
                    logits[:, forbid] = -numpy.inf
                else:
                    logits[columns == forbid] = -numpy.inf
            best = logits.argmax(axis=1)
            return rows, best if columns is None else columns[numpy.arange(len(best)), best]

        words = numpy.empty(len(prev_tokens), dtype=numpy.int64)
        for rows, chosen in output.scores(
            attentional.data, at_limit, state.languages, normalise=False, then=pick
        ):
            words[rows] = chosen
        return words, state, attention


def greedy_search(model, src, src_lengths, max_len=None, max_len_ratio=2.0):
    """The most probable next word at every step. src: (T_src, B); src_lengths: (B,).

    Returns per sentence its token ids, <bos>/<eos> excluded.
    """
    with inference_mode(model):
        limits = max_lengths(src_lengths, max_len, max_len_ratio)
        batch = len(limits)
        state = model.encode(src, src_lengths).state
        steps = GreedySteps(model)
        prev = numpy.full(batch, BOS_INDEX, dtype=numpy.int64)
        found = [[] for _ in range(batch)]
        running = numpy.arange(batch)  # sentences still decoding, in decoder-batch order
        for t in range(int(limits.max()) + 1):
            prev, state, _ = steps.step(prev, state, limits[running] <= t)
            for sentence, token in zip(running, prev):
                if token != EOS_INDEX:
                    found[sentence].append(int(token))
            going = prev != EOS_INDEX
            if not going.all():  # drop finished sentences from the decoder batch
                running, prev = running[going], prev[going]
                if not len(running):
                    break
                state = state.select(numpy.flatnonzero(going))
    return found


def _slot_constraint(slots, k):
    """The SlotConstraint of slots = (token_bits, repeatable, required (B,)) for the B * k
    beams, or None without slots."""
    if slots is None:
        return None
    return SlotConstraint(slots[0], slots[1], numpy.repeat(slots[2], k))


def _still_running(finished, running, scores, k):
    """(n,) bool: which running sentences go on: fewer than k finished hypotheses, and a
    live beam left."""
    complete = numpy.array([len(finished[sentence]) >= k for sentence in running])
    return ~complete & numpy.isfinite(scores).any(axis=1)


def beam_search(
    model,
    src,
    src_lengths,
    beam_size=5,
    length_penalty=1.0,
    max_len_ratio=2.0,
    n_best=1,
    max_len=None,
    slots=None,
):
    """Beam search, all sentences x beams in one decoder batch.

    src: (T_src, B) ints; src_lengths: (B,). length_penalty: GNMT's alpha (0: plain sum of
    log-probabilities). max_len: words per hypothesis (default: from max_len_ratio, see the
    module docstring). slots: (token_bits, repeatable, required (B,)) for a SlotConstraint
    (see there), or None. Returns per sentence its n_best Hypotheses, best first (none for a
    sentence whose every hypothesis broke the constraint).

    At each step every live beam proposes its continuations; of the 2k best (k = beam_size),
    those ending in <eos> among the first k are finished, the first k others the next beams
    (as fairseq). A sentence with k finished hypotheses, or no live beam, leaves the batch.
    """
    k = _beam_sizes(beam_size, n_best)
    with inference_mode(model):
        limits = max_lengths(src_lengths, max_len, max_len_ratio)
        lengths = numpy.asarray(to_numpy(getattr(src_lengths, "data", src_lengths)))
        batch = len(limits)
        state, running, scores, prev = _first_beams(model, src, src_lengths, batch, k)
        # Back-pointers, (running, parents, words, attention) a step: beam j of running
        # sentence i took words[i, j] after beam parents[i, j] of the step before, looking at
        # attention[i, j] (T_src,) or None. A step adds O(B k T_src) and copies nothing older.
        steps = []
        finished = [[] for _ in range(batch)]  # (score, steps before its <eos>, its beam)
        output = model.output_layer().step_scores()
        constraint = _slot_constraint(slots, k)
        while len(running):
            at_limit = numpy.repeat(limits[running] <= len(steps), k)
            # (n, 2k) best first, of the k * V continuations of each sentence
            top, top_scores, state, attention, vocab = _beam_step(
                model, output, prev, state, at_limit, scores, k, constraint
            )
            penalty = length_penalty_factor(len(steps) + 1, length_penalty)  # words + <eos>
            beam, word, scores = _advance(
                steps, finished, running, top, top_scores, vocab, attention, penalty, k
            )
            keep = _still_running(finished, running, scores, k)
            # Decoder row r of sentence block i continues as beam[i, j]: gather those rows.
            source_rows = (numpy.arange(len(running))[:, None] * k + beam)[keep].reshape(-1)
            running, scores = running[keep], scores[keep]
            prev = word[keep].reshape(-1)
            if len(running):
                state = state.select(source_rows)
                if constraint is not None:
                    constraint.follow(source_rows, prev)
    looks = model.decoder.attention is not None
    return [
        _best_finished(hypotheses, n_best, steps, sentence, lengths[sentence], looks)
        for sentence, hypotheses in enumerate(finished)
    ]


def _beam_sizes(beam_size, n_best):
    """beam_size, checked with n_best (a programming error, not a user's: the command line
    checks --beam first)."""
    if not 1 <= beam_size <= MAX_BEAM or not 1 <= n_best <= beam_size:
        raise ValueError(
            f"need 1 <= beam_size <= {MAX_BEAM} and 1 <= n_best <= beam_size, "
            f"got {beam_size}, {n_best}"
        )
    return beam_size


def _first_beams(model, src, src_lengths, batch, k):
    """(decoder state of B*k rows, the running sentences, the beams' scores (B, k), the
    first words): all beams start equal, so only the first of each sentence may expand at
    step 0."""
    state = model.encode(src, src_lengths).state.select(numpy.repeat(numpy.arange(batch), k))
    running = numpy.arange(batch)  # sentence of each block of k decoder rows, ascending
    scores = numpy.full((batch, k), -numpy.inf)  # cumulative log-probs of the live beams
    scores[:, 0] = 0.0
    return state, running, scores, numpy.full(batch * k, BOS_INDEX, dtype=numpy.int64)


def _advance(steps, finished, running, top, top_scores, vocab, attention, penalty, k):
    """One step's outcome: the continuations ending in <eos> among the k best join
    `finished` (their score over the length `penalty`; traced at the end, if kept), the first
    k others are the next beams, recorded in `steps`. Returns their (beam, word, scores)."""
    beam, word = top // vocab, top % vocab  # which beam it extends, with which word
    alive = numpy.isfinite(top_scores)
    ends = (word == EOS_INDEX) & alive
    for i, rank in zip(*numpy.nonzero(ends[:, :k])):
        score = float(top_scores[i, rank] / penalty)
        finished[running[i]].append((score, len(steps), int(beam[i, rank])))
    beam, word, scores = _next_beams(beam, word, top_scores, alive & ~ends, k)
    seen = None
    if attention is not None:  # (n, k, T_src)
        seen = attention.reshape(len(running), k, -1)[numpy.arange(len(running))[:, None], beam]
    steps.append((running, beam, word, seen))
    return beam, word, scores


def _next_beams(beam, word, top_scores, grows, k):
    """The next beams: of each sentence's continuations (beam, word, top_scores: (n, 2k),
    best first), the first k that grow (do not end it); a sentence with fewer gets -inf."""
    pick = numpy.argsort(~grows, axis=1, kind="stable")[:, :k]  # (n, k) ranks
    scores = numpy.where(
        numpy.take_along_axis(grows, pick, axis=1),
        numpy.take_along_axis(top_scores, pick, axis=1),
        -numpy.inf,
    )
    return (
        numpy.take_along_axis(beam, pick, axis=1),
        numpy.take_along_axis(word, pick, axis=1),
        scores,
    )


def _best_finished(hypotheses, n_best, steps, sentence, source_length, looks):
    """The n_best of a sentence's finished hypotheses ((score, steps before its <eos>, its
    beam) each), best first, traced back into Hypotheses."""
    hypotheses.sort(key=lambda h: -h[0])
    chosen = []
    for score, upto, parent in hypotheses[:n_best]:
        tokens, seen = _trace(steps[:upto], sentence, parent, source_length, looks)
        chosen.append(Hypothesis(tokens, score, seen))
    return chosen


def _beam_step(model, output, prev_tokens, state, at_limit, scores, k, constraint=None):
    """One beam-search decoder step: the (n, 2k) best continuations of the n sentences' k
    beams (flat indices beam * V + word, and their scores, best first; see
    `best_continuations`), the next state, the attention and V."""
    n = len(scores)
    if not output.usable:
        log_probs, state, attention = _next_word_scores(model, prev_tokens, state, at_limit)
        if constraint is not None:
            constraint.restrict(log_probs)
        vocab = log_probs.shape[1]
        top, top_scores = best_continuations(scores, log_probs.reshape(n, k, vocab), 2 * k)
        return top, top_scores, state, attention, vocab
    attentional, state, attention = model.decoder_step(prev_tokens, state)
    vocab = output.weight.shape[0]
    count = 2 * k  # (every block has at least <unk> and <eos>: k * columns >= 2k)

    def best(rows, logits, lse, columns):  # the block's sentences: log p = logits - lse
        if constraint is not None:
            constraint.restrict(logits, rows, columns)
        sentences = rows[::k] // k
        base = scores[sentences] - lse.reshape(-1, k)
        width = logits.shape[1]
        top, top_scores = best_continuations(base, logits.reshape(-1, k, width), count)
        if columns is not None:  # a column -> its token id (a sentence's beams share them)
            beam, column = numpy.divmod(top, width)
            top = beam * vocab + numpy.take_along_axis(columns[::k], column, axis=1)
        return sentences, top, top_scores

    top = numpy.zeros((n, count), dtype=numpy.int64)
    top_scores = numpy.full((n, count), -numpy.inf)
    for sentences, found, found_scores in output.scores(
        attentional.data, at_limit, state.languages, beam=k, then=best
    ):
        top[sentences, : found.shape[1]] = found
        top_scores[sentences, : found.shape[1]] = found_scores
    return top, top_scores, state, attention, vocab


def _trace(steps, sentence, beam, source_length, looks):
    """The words of live beam `beam` of `sentence` after the last step in `steps`, following
    the back-pointers, and their attention (len(words), source_length) (None unless
    `looks`: the model has attention)."""
    tokens, weights = [], []
    for running, parents, words, attention in reversed(steps):
        i = numpy.searchsorted(running, sentence)  # its row at that step (running ascends)
        tokens.append(int(words[i, beam]))
        if attention is not None:
            weights.append(attention[i, beam, :source_length])
        beam = parents[i, beam]
    tokens.reverse()
    if not looks:
        return tokens, None
    weights.reverse()
    if not weights:
        return tokens, numpy.zeros((0, source_length), dtype=numpy.float32)
    return tokens, numpy.stack(weights)


def best_continuations(scores, log_probs, count):
    """The `count` best continuations of each sentence's beams, best first.

    scores: (n, k) cumulative log-probabilities of the live beams (-inf: none); log_probs:
    (n, k, V) of the next word. Returns the flat indices beam * V + word (n, count) and the
    continued scores scores[i, beam] + log_probs[i, beam, word] (float64), as `_best` of
    the (n, k V) sums would, without forming them: one pass over the log-probabilities that
    keeps a sorted list of `count` (numba; `_best` otherwise).
    """
    count = min(count, log_probs.shape[1] * log_probs.shape[2])
    if not fused.usable(log_probs) or not log_probs.flags.c_contiguous:
        candidates = (scores[:, :, None] + log_probs).reshape(len(scores), -1)
        return _best(candidates, count)
    top = numpy.empty((len(scores), count), dtype=numpy.int64)
    top_scores = numpy.empty((len(scores), count), dtype=numpy.float64)
    _best_continuations_numba(scores.astype(numpy.float64), log_probs, top, top_scores)
    return top, top_scores


@fused.jit
def _best_continuations_numba(scores, log_probs, top, top_scores):
    sentences, beams, vocab = log_probs.shape
    count = top.shape[1]
    for i in range(sentences):
        best, where = top_scores[i], top[i]
        best[:] = -numpy.inf
        where[:] = 0
        for j in range(beams):
            base = scores[i, j]
            if base == -numpy.inf:
                continue
            row = log_probs[i, j]
            for w in range(vocab):
                value = base + row[w]
                if value > best[count - 1]:  # insert, keeping the list sorted
                    position = count - 1
                    while position > 0 and best[position - 1] < value:
                        best[position] = best[position - 1]
                        where[position] = where[position - 1]
                        position -= 1
                    best[position] = value
                    where[position] = j * vocab + w


def _best(scores, count):
    """Column indices and values of the `count` largest entries of each row, best first."""
    count = min(count, scores.shape[1])
    top = numpy.argpartition(-scores, count - 1, axis=1)[:, :count]  # unordered, O(columns)
    top_scores = numpy.take_along_axis(scores, top, axis=1)
    order = numpy.argsort(-top_scores, axis=1, kind="stable")
    return numpy.take_along_axis(top, order, axis=1), numpy.take_along_axis(
        top_scores, order, axis=1
    )


def replace_unknowns(tokens, src_tokens, attention, unk_id, vocab=None):
    """Replace each <unk> in the output by the source token it attends to most.

    tokens: output ids (or strings); src_tokens: the source token strings, one per
    attention column (pass attention[:, 1:] when src_tokens omits the language tag);
    attention: (len(tokens), len(src_tokens)); unk_id: the value marking an unknown word.
    With `vocab` (anything with `lookup(id) -> str`), ids become strings; otherwise other
    tokens are returned unchanged.
    """
    attention = numpy.asarray(attention)
    if attention.shape[0] < len(tokens) or attention.shape[1] < len(src_tokens):
        raise ValueError(
            f"attention {attention.shape} does not cover {len(tokens)} outputs x "
            f"{len(src_tokens)} source tokens"
        )
    out = []
    for position, token in enumerate(tokens):
        if token == unk_id and len(src_tokens):
            out.append(src_tokens[int(attention[position, : len(src_tokens)].argmax())])
        else:
            out.append(vocab.lookup(int(token)) if vocab is not None else token)
    return out

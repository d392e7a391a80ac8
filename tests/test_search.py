"""Decoding: beam search against exhaustive search, greedy against beam size 1, scores
against teacher-forced rescoring, batching against one sentence at a time."""

import itertools

import numpy as np
import pytest
from helpers import search_log_probs

import rnnkit as rk
from rnnkit.translator.decoding.search import (
    beam_search,
    greedy_search,
    length_penalty_factor,
    replace_unknowns,
)
from rnnkit.translator.model import output_layer
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

EOS = 3
SRC = np.array([[4, 5, 6, 7], [4, 8, 0, 0], [4, 6, 9, 0]]).T  # (T_src, B), 0 = <pad>
SRC_LENGTHS = np.array([4, 2, 3])


def model_with(vocab_size, seed, **overrides):
    rk.manual_seed(seed)
    settings = dict(vocab_size=vocab_size, embed=6, hidden=5, layers=2, dropout=0.1)
    settings.update(overrides)
    return Seq2Seq(ModelConfig(**settings))


def rescore(model, src, length, candidates, alpha):
    """Teacher-forced scores of `candidates` (lists of word ids) for one source sentence:
    sum of log-probabilities of the words and <eos>, divided by the length penalty."""
    count, steps = len(candidates), max(len(c) for c in candidates) + 1
    tgt_in = np.zeros((steps, count), dtype=np.int64)
    tgt_out = np.zeros((steps, count), dtype=np.int64)
    for j, words in enumerate(candidates):
        tgt_in[: len(words) + 1, j] = [2, *words]
        tgt_out[: len(words) + 1, j] = [*words, EOS]
    model.eval()
    with rk.no_grad():
        logits, _ = model(np.repeat(src[:, None], count, axis=1), np.full(count, length), tgt_in)
    log_probs = rk.log_softmax(logits, axis=-1).data
    picked = np.take_along_axis(log_probs, tgt_out[..., None], axis=-1)[..., 0]
    sums = (picked * (tgt_out != 0)).sum(axis=0)
    return [s / length_penalty_factor(len(c) + 1, alpha) for s, c in zip(sums, candidates)]


@pytest.mark.parametrize("alpha", [0.0, 1.0])
@pytest.mark.parametrize("attention", ["bahdanau", "luong"])
def test_exhaustive_beam_equals_brute_force(attention, alpha):
    # Vocabulary of 6: the specials and the words 1 (<unk>), 4, 5; <pad>/<bos> never emitted.
    model = model_with(6, seed=7, attention=attention)
    src = np.minimum(SRC, 5)
    max_len = 3
    candidates = [
        list(words) for n in range(max_len + 1) for words in itertools.product([1, 4, 5], repeat=n)
    ]  # 40 complete hypotheses: the beam below holds them all
    found = beam_search(
        model,
        src,
        SRC_LENGTHS,
        beam_size=len(candidates),
        length_penalty=alpha,
        n_best=len(candidates),
        max_len=max_len,
    )
    for b in range(src.shape[1]):
        scores = rescore(model, src[:, b], SRC_LENGTHS[b], candidates, alpha)
        ranking = np.argsort(scores)[::-1]
        assert found[b][0].tokens == candidates[ranking[0]]
        assert np.isclose(found[b][0].score, scores[ranking[0]], rtol=1e-5)
        assert len(found[b]) == len(candidates)
        np.testing.assert_allclose([h.score for h in found[b]], np.sort(scores)[::-1], rtol=1e-5)


@pytest.mark.parametrize("cell, attention", [("lstm", "bahdanau"), ("gru", "none")])
def test_greedy_equals_beam_size_one(cell, attention):
    model = model_with(20, seed=8, cell=cell, attention=attention)
    src = np.array([[4, 11, 12, 13, 14], [4, 15, 16, 0, 0], [4, 17, 0, 0, 0]]).T
    lengths = np.array([5, 3, 2])
    greedy = greedy_search(model, src, lengths, max_len=8)
    beam = beam_search(model, src, lengths, beam_size=1, max_len=8)
    assert greedy == [hyps[0].tokens for hyps in beam]
    assert all(len(tokens) <= 8 for tokens in greedy)


def test_beam_scores_match_rescoring_and_batching_changes_nothing():
    model = model_with(30, seed=9, attention="luong")
    rng = np.random.default_rng(9)
    lengths = np.array([6, 2, 4, 5, 3])
    src = np.zeros((6, 5), dtype=np.int64)
    for b, n in enumerate(lengths):
        src[:n, b] = [4, *rng.integers(5, 30, size=n - 1)]
    batched = beam_search(model, src, lengths, beam_size=4, n_best=3, length_penalty=0.6)
    for b, n in enumerate(lengths):
        alone = beam_search(
            model, src[:n, b : b + 1], lengths[b : b + 1], beam_size=4, n_best=3, length_penalty=0.6
        )[0]
        assert [h.tokens for h in alone] == [h.tokens for h in batched[b]]
        scores = rescore(model, src[:n, b], n, [h.tokens for h in batched[b]], 0.6)
        np.testing.assert_allclose([h.score for h in batched[b]], scores, rtol=1e-5)
        for h in batched[b]:
            assert h.attention.shape == (len(h.tokens), n)
            np.testing.assert_allclose(h.attention.sum(axis=1), 1.0, rtol=1e-5)
            assert 2 not in h.tokens and 0 not in h.tokens and EOS not in h.tokens


def test_default_length_limit_and_mode_restored():
    model = model_with(12, seed=10)
    model.train()
    found = beam_search(model, SRC, SRC_LENGTHS, beam_size=3, max_len_ratio=0.5)
    limits = (0.5 * SRC_LENGTHS).astype(int) + 5
    assert all(len(hyps[0].tokens) <= limit for hyps, limit in zip(found, limits))
    assert model.training and model.dropout.training
    with pytest.raises(ValueError, match="n_best"):
        beam_search(model, SRC, SRC_LENGTHS, beam_size=2, n_best=3)


def test_replace_unknowns_takes_the_most_attended_source_word():
    attention = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3]])
    source = ["Siakam", "dunks", "again"]
    assert replace_unknowns(["<unk>", "smashes", "<unk>"], source, attention, "<unk>") == [
        "Siakam",
        "smashes",
        "dunks",
    ]

    class Vocab:
        words = ["<pad>", "<unk>", "<bos>", "<eos>", "marque"]

        def lookup(self, index):
            return self.words[index]

    assert replace_unknowns([1, 4, 1], source, attention, 1, Vocab()) == [
        "Siakam",
        "marque",
        "dunks",
    ]


@pytest.mark.parametrize("attention, eos_bias", [("bahdanau", 0.4), ("luong", 0.35)])
def test_beam_attention_is_the_teacher_forced_attention_of_each_hypothesis(attention, eos_bias):
    # The search keeps back-pointers, not copies of each hypothesis: what it traces back
    # must be, word for word, the attention of the decoder fed that hypothesis. The <eos>
    # bias makes this untrained model finish hypotheses at several different steps.
    model = model_with(30, seed=11, attention=attention)
    model.output.bias.data[EOS] += eos_bias
    rng = np.random.default_rng(11)
    lengths = np.array([6, 3, 5])
    src = np.zeros((6, 3), dtype=np.int64)
    for b, n in enumerate(lengths):
        src[:n, b] = [4, *rng.integers(5, 30, size=n - 1)]
    found = beam_search(model, src, lengths, beam_size=4, n_best=4, max_len=7)
    assert len({len(h.tokens) for hyps in found for h in hyps}) > 1  # finished at several steps
    model.eval()
    for b, n in enumerate(lengths):
        for h in found[b]:
            tgt_in = np.array([2, *h.tokens])[:, None]
            with rk.no_grad():
                _, weights = model(src[:n, b : b + 1], lengths[b : b + 1], tgt_in)
            np.testing.assert_allclose(h.attention, weights[: len(h.tokens), 0, :n], atol=1e-6)


def test_best_continuations_are_the_best_of_all_sums_in_order():
    """The one-pass selection (numba) against sorting all k * V sums (`_best`), with dead
    beams (-inf) and excluded words (-inf), on random sizes."""
    from rnnkit.translator.decoding.search import _best, best_continuations

    rng = np.random.default_rng(0)
    for _ in range(100):
        n, k, vocab = rng.integers(1, 6), rng.integers(1, 6), rng.integers(2, 200)
        log_probs = rng.normal(size=(n, k, vocab)).astype(np.float32)
        log_probs[rng.random(log_probs.shape) < 0.1] = -np.inf
        scores = rng.normal(size=(n, k))
        scores[rng.random(scores.shape) < 0.3] = -np.inf
        scores[:, 0] = 0.0
        count = int(rng.integers(1, 2 * k + 1))
        top, top_scores = best_continuations(scores, log_probs, count)
        expected, expected_scores = _best((scores[:, :, None] + log_probs).reshape(n, -1), count)
        alive = np.isfinite(expected_scores)
        np.testing.assert_array_equal(top_scores[alive], expected_scores[alive])
        np.testing.assert_array_equal(top[alive], expected[alive])
        assert not np.isfinite(top_scores[~alive]).any()


def float64_model(vocab_size, seed, **overrides):
    model = model_with(vocab_size, seed, **overrides)
    for p in model.parameters():
        p.data = p.data.astype(np.float64)
    return model


def random_sources(seed, vocab_size, lengths):
    rng = np.random.default_rng(seed)
    src = np.zeros((max(lengths), len(lengths)), dtype=np.int64)
    for b, n in enumerate(lengths):
        src[:n, b] = [4, *rng.integers(5, vocab_size, size=n - 1)]
    return src, np.array(lengths)


@pytest.mark.parametrize("tie", [False, True])
def test_the_output_layer_on_arrays_equals_the_log_softmax_of_decode_step(monkeypatch, tie):
    # The search's output stage (logits and their log-normaliser, never the (B', V)
    # log-probabilities) against `decode_step`'s log_softmax, the graph path.
    from rnnkit.translator.decoding import search

    model = float64_model(50, seed=12, attention="bahdanau", tie_embeddings=tie, embed=4)
    src, lengths = random_sources(12, 50, [5, 3, 4])
    for beam in (1, 3):
        model.eval()
        with rk.no_grad():
            state = model.encode(src, lengths).state.select(np.repeat(np.arange(3), beam))
            prev = np.arange(5, 5 + 3 * beam)
            at_limit = np.zeros(3 * beam, dtype=bool)
            at_limit[1] = True
            expected, _, _ = search._next_word_scores(model, prev, state, at_limit)
            attentional, _, _ = model.decoder_step(prev, state)
            got = search_log_probs(
                model.output_layer().step_scores(),
                attentional.data,
                at_limit,
                state.languages,
                beam,
            )
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)
        assert np.isneginf(got[1]).sum() == 49 and np.isfinite(got[1, EOS])


@pytest.mark.parametrize("attention", ["bahdanau", "luong", "none"])
def test_search_on_thread_blocks_equals_one_thread(monkeypatch, attention):
    from rnnkit.core import parallel

    model = float64_model(40, seed=13, attention=attention)
    src, lengths = random_sources(13, 40, [6, 2, 4, 5, 3, 6, 2])
    found = []
    from rnnkit.translator.model import decoder_node

    # blocks even for this small model: the output layer's and the decoder step's
    monkeypatch.setattr(output_layer, "MIN_BLOCK_LOGITS", 1)
    monkeypatch.setattr(decoder_node, "MIN_STEP_ROWS", 1)
    try:
        for threads in (1, 2, 3):
            parallel.set_num_threads(threads)
            if threads == 2:
                assert len(model.output_layer().step_scores().blocks(np.zeros(28, int), 4)) == 2
            beams = beam_search(model, src, lengths, beam_size=4, n_best=3, length_penalty=0.6)
            greedy = greedy_search(model, src, lengths)
            found.append((beams, greedy))
    finally:
        parallel.set_num_threads(1)
    (beams1, greedy1), *others = found
    for beams, greedy in others:
        assert greedy == greedy1
        for one, many in zip(beams1, beams):
            assert [h.tokens for h in many] == [h.tokens for h in one]
            np.testing.assert_allclose([h.score for h in many], [h.score for h in one], rtol=1e-12)


def test_search_without_the_array_path_gives_the_same_translations(monkeypatch):
    # The fallback (decode_step's log-probabilities, as for CuPy arrays) and the array path
    # pick the same hypotheses with the same scores.

    model = float64_model(30, seed=14, attention="luong")
    src, lengths = random_sources(14, 30, [6, 2, 4, 5])
    fast = (
        beam_search(model, src, lengths, beam_size=3, n_best=2),
        greedy_search(model, src, lengths),
    )
    monkeypatch.setattr(output_layer.StepScores, "usable", False)
    slow = (
        beam_search(model, src, lengths, beam_size=3, n_best=2),
        greedy_search(model, src, lengths),
    )
    assert fast[1] == slow[1]
    for a, b in zip(fast[0], slow[0]):
        assert [h.tokens for h in a] == [h.tokens for h in b]
        np.testing.assert_allclose([h.score for h in a], [h.score for h in b], rtol=1e-12)

"""Each target language's softmax over its own tokens (translator/model/language_vocab.py).

The restricted softmax is checked against independent references: PyTorch's cross-entropy
of the K selected logits (value and every gradient, float64), the model's masked logits
(-inf outside a language's classes) through the generic cross_entropy, and the search's
array output layer against decode_step's log_softmax of those logits. Then the parts a user
meets: batches of one language, the model directory's output_vocab.json and its errors.
"""

import json

import numpy as np
import pytest
import torch
from helpers import search_log_probs

import rnnkit as rk
from rnnkit.cli.main import main
from rnnkit.core.losses import cross_entropy, linear_cross_entropy
from rnnkit.errors import CheckpointError
from rnnkit.text import plan_batches
from rnnkit.text.vocabulary import EOS_INDEX, PAD_INDEX, UNK_INDEX
from rnnkit.translator.decoding.search import beam_search, greedy_search
from rnnkit.translator.model import output_layer
from rnnkit.translator.model.language_vocab import LanguageVocabularies
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

V = 40
TAGS = {"aa": 4, "bb": 5, "cc": 6}


def three_languages(seed=0):
    """Random classes for three tagged languages of a V-token vocabulary (<unk>, <eos> in
    each), as LanguageVocabularies.of_targets makes them."""
    rng = np.random.default_rng(seed)
    classes = {}
    for lang, size in zip(TAGS, (8, 15, 3)):
        ids = rng.choice(np.arange(7, V), size=size, replace=False)
        classes[lang] = sorted({UNK_INDEX, EOS_INDEX, *ids.tolist()})
    return LanguageVocabularies(V, classes, TAGS)


def model_of(seed, **overrides):
    rk.manual_seed(seed)
    settings = dict(vocab_size=V, embed=6, hidden=5, layers=1, dropout=0.0)
    settings.update(overrides)
    model = Seq2Seq(ModelConfig(**settings))
    for p in model.parameters():
        p.data = p.data.astype(np.float64)
    model.use_language_vocab(three_languages(seed))
    return model


def batch_of(model, langs, seed, target_length=4):
    """A time-major batch: sources tagged with `langs`, targets drawn from each language's
    classes (ending with <eos>)."""
    rng = np.random.default_rng(seed)
    vocab = model.language_vocab
    B, T = len(langs), target_length + 1
    src = np.zeros((5, B), dtype=np.int64)
    tgt_in = np.zeros((T, B), dtype=np.int64)
    tgt_out = np.zeros((T, B), dtype=np.int64)
    for b, lang in enumerate(langs):
        n = int(rng.integers(2, 6))
        src[:n, b] = [TAGS[lang], *rng.integers(7, V, size=n - 1)]
        words = rng.choice(vocab.classes[vocab.languages.index(lang)], size=T - 1 - b % 2)
        tgt_in[: len(words) + 1, b] = [2, *words]
        tgt_out[: len(words) + 1, b] = [*words, EOS_INDEX]
    lengths = (src != PAD_INDEX).sum(axis=0)
    order = np.argsort(-lengths, kind="stable")
    return src[:, order], lengths[order], tgt_in[:, order], tgt_out[:, order]


@pytest.mark.parametrize("smoothing", [0.0, 0.1])
@pytest.mark.parametrize("bias", [True, False])
def test_the_softmax_over_some_classes_is_torch_s_over_those_logits(smoothing, bias):
    rng = np.random.default_rng(1)
    N, H = 9, 4
    x, w, b = rng.normal(size=(N, H)), rng.normal(size=(V, H)), rng.normal(size=V)
    classes = np.array([1, 3, 8, 9, 20, 33])
    targets = rng.choice(classes, size=N)
    targets[[2, 5]] = PAD_INDEX
    xs, ws = rk.Tensor(x, requires_grad=True), rk.Tensor(w, requires_grad=True)
    bs = rk.Tensor(b, requires_grad=True) if bias else None
    loss, nll = linear_cross_entropy(xs, ws, bs, targets, PAD_INDEX, smoothing, classes)
    loss.backward()

    xt, wt = torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True)
    bt = torch.tensor(b, requires_grad=True)
    logits = xt @ wt[classes].T + (bt[classes] if bias else 0)
    counted = targets != PAD_INDEX
    local = torch.tensor(np.searchsorted(classes, targets[counted]))
    expected = torch.nn.functional.cross_entropy(
        logits[torch.tensor(counted)], local, reduction="sum", label_smoothing=smoothing
    )
    expected.backward()
    plain = torch.nn.functional.cross_entropy(logits[torch.tensor(counted)], local, reduction="sum")
    np.testing.assert_allclose(float(loss.item()), expected.item(), rtol=1e-12)
    np.testing.assert_allclose(nll, plain.item(), rtol=1e-12)
    np.testing.assert_allclose(xs.grad, xt.grad.numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(ws.grad, wt.grad.numpy(), rtol=1e-10, atol=1e-13)
    others = np.setdiff1d(np.arange(V), classes)
    assert not ws.grad[others].any()  # rows outside the classes get nothing
    if bias:
        np.testing.assert_allclose(bs.grad, bt.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_a_target_outside_the_classes_is_refused():
    x, w = rk.Tensor(np.ones((2, 3))), rk.Tensor(np.ones((V, 3)))
    with pytest.raises(ValueError, match="target 7 is not among the 3 classes"):
        linear_cross_entropy(x, w, None, np.array([3, 7]), PAD_INDEX, 0.0, np.array([1, 3, 9]))


@pytest.mark.parametrize("langs", [["bb"] * 4, ["aa", "cc", "bb", "aa", "cc"]])
@pytest.mark.parametrize("tie", [False, True])
def test_the_model_s_loss_is_the_cross_entropy_of_its_masked_logits(langs, tie):
    # One language (the training batches) and mixed languages (each its own softmax), the
    # loss node against forward()'s logits (-inf outside each language) through the generic
    # cross_entropy: value and the gradient of every weight.
    model = model_of(3, tie_embeddings=tie)
    src, lengths, tgt_in, tgt_out = batch_of(model, langs, seed=3)
    loss, n_tokens, nll = model.loss(src, lengths, tgt_in, tgt_out)
    loss.backward()
    fused = {name: p.grad.copy() for name, p in model.named_parameters()}
    model.zero_grad()
    logits, _ = model(src, lengths, tgt_in)
    rows = model.language_vocab.rows(src)
    for b, row in enumerate(rows):  # -inf exactly outside the sentence's language
        allowed = np.zeros(V, dtype=bool)
        allowed[model.language_vocab.classes[row]] = True
        assert np.isneginf(logits.data[:, b, ~allowed]).all()
        assert np.isfinite(logits.data[:, b, allowed]).all()
    counted = np.flatnonzero(tgt_out.reshape(-1) != PAD_INDEX)  # (padding's logit is -inf)
    picked = logits.reshape(-1, V)[counted]
    reference = cross_entropy(picked, tgt_out.reshape(-1)[counted]) / float(len(langs))
    reference.backward()
    np.testing.assert_allclose(float(loss.item()), float(reference.item()), rtol=1e-12)
    np.testing.assert_allclose(nll, float(reference.item()) * len(langs), rtol=1e-12)
    assert n_tokens == int((tgt_out != PAD_INDEX).sum())
    for name, p in model.named_parameters():
        np.testing.assert_allclose(fused[name], p.grad, rtol=1e-9, atol=1e-12, err_msg=name)


def test_search_on_arrays_matches_decode_step_and_keeps_to_each_language(monkeypatch):
    from rnnkit.core import parallel
    from rnnkit.translator.decoding import search

    model = model_of(5)
    src, lengths, _, _ = batch_of(model, ["aa", "bb", "cc", "bb", "aa", "cc"], seed=5)
    vocab = model.language_vocab
    model.eval()
    with rk.no_grad():  # the array output layer == log_softmax of the masked logits
        state = model.encode(src, lengths).state
        prev = np.arange(7, 7 + src.shape[1])
        at_limit = np.zeros(src.shape[1], dtype=bool)
        expected, _, _ = search._next_word_scores(model, prev, state, at_limit)
        attentional, _, _ = model.decoder_step(prev, state)
        output = model.output_layer().step_scores()
        got = search_log_probs(output, attentional.data, at_limit, state.languages)
    finite = np.isfinite(expected)
    np.testing.assert_array_equal(np.isfinite(got), finite)
    np.testing.assert_allclose(got[finite], expected[finite], rtol=1e-12)

    # each row's columns are its language's classes (and padding), nothing else
    def columns_of(rows, logits, lse, columns):
        return rows, columns

    for rows, columns in output.scores(
        attentional.data, at_limit, state.languages, then=columns_of
    ):
        for row, ids in zip(rows, columns):
            ids = ids[ids != PAD_INDEX]
            np.testing.assert_array_equal(ids, vocab.classes[state.languages[row]])

    monkeypatch.setattr(output_layer, "MIN_BLOCK_LOGITS", 1)  # blocks of mixed languages
    found = []
    try:
        for threads in (1, 2):
            parallel.set_num_threads(threads)
            found.append(
                (beam_search(model, src, lengths, 3, n_best=3), greedy_search(model, src, lengths))
            )
    finally:
        parallel.set_num_threads(1)
    assert found[0][1] == found[1][1]
    for one, two in zip(found[0][0], found[1][0]):
        assert [h.tokens for h in one] == [h.tokens for h in two]
    beams, greedy = found[0]
    for b, row in enumerate(vocab.rows(src)):
        allowed = set(vocab.classes[row].tolist())
        assert set(greedy[b]) <= allowed
        assert all(set(h.tokens) <= allowed for h in beams[b])


def test_batches_of_one_language_each():
    rng = np.random.default_rng(7)
    n = 500
    groups = rng.choice(4, size=n, p=[0.6, 0.3, 0.09, 0.01])
    src, tgt = rng.integers(1, 30, size=n), rng.integers(1, 30, size=n)
    plan = plan_batches(src, tgt, batch_size=16, seed=2, epoch=1, pool_size=64, groups=groups)
    assert sorted(np.concatenate(plan).tolist()) == list(range(n))
    assert all(len(set(groups[b].tolist())) == 1 for b in plan)
    assert all(len(b) <= 16 for b in plan)
    # few short batches: at most one per pool of each group
    pools = sum(-(-int((groups == g).sum()) // 64) for g in range(4))
    assert sum(len(b) < 16 for b in plan) <= pools
    again = plan_batches(src, tgt, batch_size=16, seed=2, epoch=1, pool_size=64, groups=groups)
    assert all((a == b).all() for a, b in zip(plan, again))


def test_rows_refuse_a_sentence_without_a_known_tag():
    vocab = three_languages()
    src = np.array([[4, 9], [8, 8]])
    with pytest.raises(ValueError, match="sentence 1 of the batch starts with token 9"):
        vocab.rows(src)


def write_tsv(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


def test_training_writes_the_sets_and_translation_keeps_to_them(tmp_path):
    from rnnkit.translator.decoding.inference import Translator

    words = {"fr": ["le", "chat", "noir", "dort"], "de": ["die", "katze", "schläft", "schwarz"]}
    english = ["the cat", "the black cat", "the cat sleeps", "black"]
    rows = [
        (lang, e, " ".join(ws[: 1 + i]))
        for lang, ws in words.items()
        for i, e in enumerate(english)
    ]
    write_tsv(tmp_path / "train.tsv", rows * 4)
    arguments = ["train", "--data", str(tmp_path / "train.tsv"), "--model-dir"]
    arguments += [str(tmp_path / "m"), "--max-steps", "4", "--batch-size", "4", "--quiet"]
    assert main([*arguments, "--hidden", "8", "--embed", "8"]) == 0
    saved = json.loads((tmp_path / "m" / "output_vocab.json").read_text())
    translator = Translator.load(tmp_path / "m")
    vocab = translator.vocab
    for lang, ws in words.items():
        expected = sorted({vocab[w] for w in ws} | {UNK_INDEX, EOS_INDEX})
        assert saved["classes"][lang] == expected
    results = translator.translate(["the black cat"] * 2, ["fr", "de"], beam=2)
    for (hyp,), lang in zip(results, ["fr", "de"]):
        assert set(hyp.tokens) <= set(saved["classes"][lang])

    path = tmp_path / "m" / "output_vocab.json"
    saved["classes"]["fr"] = [5, 3]
    path.write_text(json.dumps(saved))
    with pytest.raises(CheckpointError, match="output_vocab.json: the set of 'fr' is not a sorted"):
        Translator.load(tmp_path / "m")
    path.unlink()
    with pytest.raises(CheckpointError, match="output_vocab.json: missing"):
        Translator.load(tmp_path / "m")
    # a model directory from before the option: its config has no language_softmax
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    del config["model"]["language_softmax"]
    (tmp_path / "m" / "config.json").write_text(json.dumps(config))
    assert Translator.load(tmp_path / "m").model.language_vocab is None


def test_languages_drawn_with_a_temperature():
    from rnnkit.text import sample_groups

    sizes = [600, 300, 90, 10]
    groups = np.repeat(np.arange(4), sizes)
    once = sample_groups(groups, 1.0, seed=3, epoch=0)
    assert sorted(once.tolist()) == list(range(1000))  # T = 1: every example once
    drawn = sample_groups(groups, 5.0, seed=3, epoch=0)
    weights = np.array(sizes) ** 0.2
    expected = np.round(1000 * weights / weights.sum())
    np.testing.assert_array_equal(np.bincount(groups[drawn]), expected)
    for g, size in enumerate(sizes):  # whole shuffled passes: no repeat before all came
        mine = drawn[groups[drawn] == g]
        for start in range(0, len(mine), size):
            chunk = mine[start : start + size]
            assert len(set(chunk.tolist())) == len(chunk)
    assert (sample_groups(groups, 5.0, seed=3, epoch=0) == drawn).all()
    assert not (sample_groups(groups, 5.0, seed=3, epoch=1) == drawn).all()
    with pytest.raises(ValueError, match="temperature must be positive"):
        sample_groups(groups, 0.0)


def test_training_with_a_language_temperature_takes_batches_of_one_language(tmp_path):
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    config = build_config(overrides={"data": "x", "batch_size": 8, "language_temperature": 3.0})
    groups = np.repeat([0, 1, 2], [200, 30, 3])
    lengths = np.arange(233) % 7 + 1
    plan = loop.plan_epoch(config, lengths, lengths, groups, epoch=0)
    assert all(len(set(groups[b].tolist())) == 1 for b in plan)
    shares = np.bincount(groups[np.concatenate(plan)]) / 233
    weights = np.array([200, 30, 3]) ** (1 / 3)
    np.testing.assert_allclose(shares, weights / weights.sum(), atol=0.01)
    # the whole vocabulary's softmax: the same draw, batches that mix languages
    overrides = {"data": "x", "batch_size": 8, "language_temperature": 3.0}
    mixed = build_config(overrides={**overrides, "language_softmax": False})
    plan = loop.plan_epoch(mixed, lengths, lengths, groups, epoch=0)
    shares = np.bincount(groups[np.concatenate(plan)]) / 233
    np.testing.assert_allclose(shares, weights / weights.sum(), atol=0.01)
    assert any(len(set(groups[b].tolist())) > 1 for b in plan)


def test_the_loop_for_few_rows_per_language_equals_the_stacked_product(monkeypatch):

    rng = np.random.default_rng(3)
    stacked, weights = rng.standard_normal((4, 3, 7)), rng.standard_normal((4, 11, 7))
    out = np.empty((4, 3, 11))
    output_layer._stacked_products_numba(stacked, weights, out)
    np.testing.assert_allclose(out, stacked @ weights.transpose(0, 2, 1), rtol=1e-12)

    model = model_of(6)
    src, lengths, _, _ = batch_of(model, ["aa", "bb", "cc", "bb", "aa", "cc"], seed=6)
    loop = beam_search(model, src, lengths, 3, n_best=3), greedy_search(model, src, lengths)
    monkeypatch.setattr(output_layer, "FEW_ROWS", 0)  # the BLAS product for every block
    product = beam_search(model, src, lengths, 3, n_best=3), greedy_search(model, src, lengths)
    assert loop[1] == product[1]
    for one, two in zip(loop[0], product[0]):
        assert [h.tokens for h in one] == [h.tokens for h in two]
        np.testing.assert_allclose([h.score for h in one], [h.score for h in two], rtol=1e-12)

"""Wait-k training (Ma et al. 2019): the schedule's mask on a hand-worked example, the fused
decoder equal to the per-step reference under it (float64), its gradients against finite
differences, no target step seeing a source token beyond g(t), and k >= |x| giving exactly
the full-sentence loss."""

import dataclasses
import functools

import numpy as np
import pytest

import rnnkit as rk
from rnnkit.errors import ConfigError
from rnnkit.testing import gradcheck
from rnnkit.translator.model.seq2seq import Decoder, ModelConfig, Seq2Seq, wait_k_step_mask

# Sentences of 5, 2 and 4 positions (the tag id 4 first; 0 = <pad>), time-major.
SRC = np.array([[4, 5, 6, 7, 8], [4, 8, 0, 0, 0], [4, 6, 9, 5, 0]]).T
SRC_LENGTHS = np.array([5, 2, 4])
TGT_IN = np.array([[2, 5, 6, 7], [2, 7, 0, 0], [2, 8, 9, 6]]).T  # <bos> + target
TGT_OUT = np.array([[5, 6, 7, 3], [7, 3, 0, 0], [8, 9, 6, 3]]).T  # target + <eos>


def tiny(wait_k=2, **overrides):
    settings = dict(vocab_size=10, embed=4, hidden=3, layers=2, dropout=0.0)
    settings.update(bidirectional=False, wait_k=wait_k, **overrides)
    return Seq2Seq(ModelConfig(**settings))


def test_the_schedule_on_a_hand_worked_example():
    # k = 2, a sentence of 4 source tokens after its tag: target token t reads
    # g(t) = min(2 + t - 1, 4) = 2, 3, 4, 4 tokens, i.e. positions 0..g(t) (the tag is 0).
    hidden = wait_k_step_mask(2, 4, np.array([5]), 6)[:, 0]
    expected = np.array(
        [
            [0, 0, 0, 1, 1, 1],
            [0, 0, 0, 0, 1, 1],
            [0, 0, 0, 0, 0, 1],  # position 5 is padding: hidden too
            [0, 0, 0, 0, 0, 1],
        ],
        dtype=bool,
    )
    np.testing.assert_array_equal(hidden, expected)


def test_wait_k_needs_a_unidirectional_encoder():
    with pytest.raises(
        ConfigError,
        match="wait_k 3 needs a unidirectional.*bidirectional: false.*--no-bidirectional",
    ):
        ModelConfig(vocab_size=10, wait_k=3).validate()
    with pytest.raises(ConfigError, match="wait_k must not be negative; got -1"):
        ModelConfig(vocab_size=10, bidirectional=False, wait_k=-1).validate()
    assert ModelConfig.from_dict(ModelConfig(vocab_size=10).to_dict()).wait_k == 0


def decoder_outputs(model, fused, src=SRC):
    """Attentional vectors (T, B, H) of teacher forcing through the fused kernel or the
    per-step reference (Decoder.step through the graph), under the model's schedule."""
    encoded = model.encode(src, SRC_LENGTHS)
    state = model._schedule(encoded, SRC_LENGTHS, TGT_IN.shape[0])
    embedded = model.embedding(TGT_IN)
    return model.decoder.teacher_forced(embedded, state, fused=fused)


@pytest.mark.parametrize("cell, attention", [("lstm", "bahdanau"), ("gru", "luong")])
def test_fused_equals_the_per_step_reference_under_the_schedule(cell, attention):
    rk.manual_seed(5)
    model = tiny(cell=cell, attention=attention).double()
    weights = np.random.default_rng(0).normal(size=(4, 3, 3))
    results = []
    for fused in (True, False):
        model.zero_grad()
        out, alpha = decoder_outputs(model, fused)
        (out * rk.Tensor(weights)).sum().backward()
        grads = {n: p.grad.copy() for n, p in model.named_parameters() if p.grad is not None}
        results.append((out.data.copy(), alpha, grads))
    (out_f, alpha_f, grads_f), (out_r, alpha_r, grads_r) = results
    np.testing.assert_allclose(out_f, out_r, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(alpha_f, alpha_r, rtol=1e-10, atol=1e-13)
    assert grads_f.keys() == grads_r.keys() and len(grads_f) > 10
    for name in grads_f:
        np.testing.assert_allclose(grads_f[name], grads_r[name], rtol=1e-10, atol=1e-13)
    # the schedule is applied: no weight beyond g(t) (k = 2: positions 0..t+2)
    hidden = wait_k_step_mask(2, 4, SRC_LENGTHS, 5)
    assert alpha_f[hidden].max() == 0 and alpha_f[~hidden].min() > 0


@pytest.mark.parametrize("fused", [True, False])
def test_no_step_sees_a_source_token_beyond_its_schedule(fused):
    """Changing the source token at position j (and the encoder's states after it) leaves
    every target step whose g(t) < j exactly as it was, and changes the others."""
    rk.manual_seed(6)
    model = tiny(wait_k=1).double()
    model.eval()
    before = decoder_outputs(model, fused)[0].data
    src = SRC.copy()
    src[3, 0] = 9  # sentence 0, position 3: first visible to target step t = 3 (g = 3)
    after = decoder_outputs(model, fused, src)[0].data
    np.testing.assert_array_equal(after[:2, 0], before[:2, 0])  # g(1) = 1, g(2) = 2
    assert np.abs(after[2:, 0] - before[2:, 0]).min() > 1e-8
    np.testing.assert_array_equal(after[:, 1:], before[:, 1:])  # other sentences


def test_k_at_least_the_source_length_is_the_full_sentence_loss():
    rk.manual_seed(7)
    model = tiny(wait_k=0, dropout=0.0).double()
    full = model.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)
    # k = the longest |x| (5 positions minus the tag)
    model.config = dataclasses.replace(model.config, wait_k=4)
    waited = model.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)
    assert waited[0].item() == full[0].item() and waited[1:] == full[1:]
    # one token short for sentence 0: a different loss
    model.config = dataclasses.replace(model.config, wait_k=3)
    assert model.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)[0].item() != full[0].item()


@pytest.mark.parametrize("fused", [True, False])
def test_wait_k_loss_gradients_match_finite_differences(fused, monkeypatch):
    rk.manual_seed(8)
    model = tiny(wait_k=1, vocab_size=10, embed=3, hidden=2).double()
    monkeypatch.setattr(
        Decoder, "teacher_forced", functools.partialmethod(Decoder.teacher_forced, fused=fused)
    )
    params = dict(model.named_parameters())
    names = [
        "embedding.weight",
        "encoder.rnn.weight_hh_l1",
        "encoder.bridge.weight",
        "encoder.bridge_c.bias",
        "decoder.cells.0.weight_ih",
        "decoder.attention.v",
        "decoder.attention.key_layer.weight",
        "decoder.combine.weight",
    ]

    def loss(*_):
        return model.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)[0]

    assert gradcheck(loss, [params[name] for name in names], atol=1e-7, rtol=1e-5)


def test_train_wait_k_with_the_default_bidirectional_encoder_is_one_line(capsys, tmp_path):
    from test_translator_cli import assert_one_line_error, run_cli

    data = tmp_path / "train.tsv"
    data.write_text("a b\tc d\n", encoding="utf-8")
    args = ["train", "--data", str(data), "--model-dir", str(tmp_path / "m"), "--wait-k", "3"]
    code, _, err = run_cli(args, capsys)
    assert_one_line_error(code, err, "wait_k 3 needs a unidirectional", "--no-bidirectional")
    assert not (tmp_path / "m").exists()


def test_a_masked_attention_step_matches_torch():
    """Attention.forward (the reference path) with the memory's mask joined with one step's
    schedule row, against PyTorch in float64: context, weights and their gradients."""
    import dataclasses

    import torch
    from helpers import compare_with_torch

    from rnnkit.translator.model.attention import BahdanauAttention

    rk.manual_seed(9)
    attention = BahdanauAttention(3, 4, 5).double()
    w_k, w_q = attention.key_layer.weight.data, attention.query_layer.weight.data
    v = attention.v.data
    padding = np.array([[0, 0, 0, 0, 1], [0, 0, 0, 0, 0]], dtype=bool)
    hidden = wait_k_step_mask(1, 3, np.array([4, 5]), 5)[1]  # step 2: positions 0..2 seen
    rng = np.random.default_rng(3)
    query, values = rng.normal(size=(2, 3)), rng.normal(size=(2, 5, 4))

    def ours(q, memory):
        prepared = attention.precompute(memory, padding)
        prepared = dataclasses.replace(prepared, mask=prepared.mask | hidden)
        return attention(q, prepared)

    def theirs(q, memory):
        keys = memory @ torch.tensor(w_k).T  # (B, S, A)
        scores = torch.tanh((q @ torch.tensor(w_q).T)[:, None] + keys) @ torch.tensor(v)
        scores = scores.masked_fill(torch.tensor(padding | hidden), float("-inf"))
        alpha = torch.softmax(scores, dim=-1)
        return (alpha[:, None] @ memory)[:, 0], alpha

    compare_with_torch(ours, theirs, [query, values], tol=1e-12)
    _, alpha = ours(rk.Tensor(query), rk.Tensor(values))
    assert (alpha.data[:, 3:] == 0).all() and (alpha.data[:, :3] > 0).all()

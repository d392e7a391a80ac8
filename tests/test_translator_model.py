"""The translator's network: config checks, shapes of every variant, attention masking,
gradients against finite differences, teacher forcing against step-by-step decoding, and a
tiny model that learns to reverse sequences."""

import itertools

import numpy as np
import pytest

import rnnkit as rk
from rnnkit.errors import ConfigError
from rnnkit.optim import Adam
from rnnkit.testing import gradcheck
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

# Three sentences of lengths 4, 2, 3 (time-major, 0 = <pad>); sources start with a tag id 4.
SRC = np.array([[4, 5, 6, 7], [4, 8, 0, 0], [4, 6, 9, 0]]).T
SRC_LENGTHS = np.array([4, 2, 3])
TGT_IN = np.array([[2, 5, 6], [2, 7, 0], [2, 8, 9]]).T  # <bos> + target
TGT_OUT = np.array([[5, 6, 3], [7, 3, 0], [8, 9, 3]]).T  # target + <eos>


def tiny(**overrides):
    settings = dict(vocab_size=10, embed=4, hidden=3, layers=2, dropout=0.0)
    settings.update(overrides)
    return Seq2Seq(ModelConfig(**settings))


# --- configuration -------------------------------------------------------------------------
def test_config_round_trip_and_defaults():
    config = ModelConfig(vocab_size=100, cell="gru", attention="luong")
    assert ModelConfig.from_dict(config.to_dict()) == config
    assert config.to_dict()["hidden"] == 256 and config.validate() is config


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("cell", "transformer", ["cell", "rnn, sgru, gru, lstm"]),
        ("attention", "dot", ["attention", "bahdanau, luong, none"]),
        ("layers", 0, ["layers"]),
        ("hidden", 2.5, ["hidden"]),
        ("dropout", 1.0, ["dropout", "[0, 1)"]),
        ("bidirectional", "yes", ["bidirectional"]),
        ("vocab_size", 3, ["vocab_size"]),
    ],
)
def test_config_names_the_bad_field(field, value, words):
    with pytest.raises(ConfigError) as info:
        ModelConfig(**{"vocab_size": 50, field: value}).validate()
    assert all(word in str(info.value) for word in words)


def test_from_dict_rejects_unknown_keys():
    with pytest.raises(ConfigError, match="hiden"):
        ModelConfig.from_dict({"vocab_size": 50, "hiden": 10})


# --- every variant -------------------------------------------------------------------------
VARIANTS = list(
    itertools.product(
        ["rnn", "sgru", "gru", "lstm"],
        ["bahdanau", "luong", "none"],
        [True, False],
        [True, False],
        [True, False],
    )
)


@pytest.mark.parametrize("cell, attention, bidirectional, feeding, tie", VARIANTS)
def test_shapes_masking_and_gradients_reach_every_parameter(
    cell, attention, bidirectional, feeding, tie
):
    rk.manual_seed(0)
    model = tiny(
        cell=cell,
        attention=attention,
        bidirectional=bidirectional,
        input_feeding=feeding,
        tie_embeddings=tie,
        embed=4 if tie and feeding else 3,  # tied: E != H and E == H
    )
    logits, weights = model(SRC, SRC_LENGTHS, TGT_IN)
    assert logits.shape == (3, 3, 10)
    if attention == "none":
        assert weights is None
    else:
        assert weights.shape == (3, 3, 4)
        np.testing.assert_allclose(weights.sum(axis=-1), 1.0, rtol=1e-6)
        padded = np.arange(4)[None, :] >= SRC_LENGTHS[:, None]  # (B, T_src)
        assert (weights[:, padded] == 0).all()
    loss, n_tokens, summed = model.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)
    assert n_tokens == 8 and np.isclose(loss.item(), summed / 3, rtol=1e-6)
    loss.backward()
    missing = [name for name, p in model.named_parameters() if p.grad is None]
    assert not missing, f"no gradient reaches {missing}"


@pytest.mark.parametrize("attention", ["bahdanau", "luong", "none"])
def test_padded_source_tokens_change_nothing(attention):
    rk.manual_seed(1)
    model = tiny(attention=attention, cell="gru").eval()
    logits, weights = model(SRC, SRC_LENGTHS, TGT_IN)
    other = SRC.copy()
    other[2:, 1] = [9, 5]
    other[3, 2] = 7
    logits2, weights2 = model(other, SRC_LENGTHS, TGT_IN)
    np.testing.assert_array_equal(logits.data, logits2.data)
    if weights is not None:
        np.testing.assert_array_equal(weights, weights2)


def test_label_smoothing_changes_the_objective_not_the_reported_nll():
    rk.manual_seed(2)
    plain = tiny()
    smoothed = tiny(label_smoothing=0.2)
    smoothed.load_state_dict(plain.state_dict())
    loss, n, nll = plain.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)
    loss_s, n_s, nll_s = smoothed.loss(SRC, SRC_LENGTHS, TGT_IN, TGT_OUT)
    assert n == n_s and np.isclose(nll, nll_s, rtol=1e-6)
    assert not np.isclose(loss.item(), loss_s.item())


# --- gradients -----------------------------------------------------------------------------
@pytest.mark.parametrize("attention, cell", [("bahdanau", "lstm"), ("luong", "gru")])
def test_loss_gradients_match_finite_differences(attention, cell):
    rk.manual_seed(3)
    model = tiny(attention=attention, cell=cell, vocab_size=7, embed=3, hidden=2).double()
    src, tgt_in, tgt_out = (np.minimum(a, 6) for a in (SRC, TGT_IN, TGT_OUT))
    params = dict(model.named_parameters())
    names = [
        "embedding.weight",
        "encoder.rnn.weight_hh_l1_reverse",
        "encoder.bridge.weight",
        "decoder.cells.0.weight_ih",
        "decoder.cells.1.bias_hh",
        "decoder.combine.weight",
        "decoder.attention.key_layer.weight",
        "output.weight",
    ] + (
        ["decoder.attention.v", "decoder.attention.query_layer.weight"]
        if attention == "bahdanau"
        else []
    )
    if cell == "lstm":
        names.append("encoder.bridge_c.bias")

    def loss(*_):
        return model.loss(src, SRC_LENGTHS, tgt_in, tgt_out)[0]

    assert gradcheck(loss, [params[name] for name in names], atol=1e-7, rtol=1e-5)


# --- training and decoding agree -----------------------------------------------------------
@pytest.mark.parametrize(
    "cell, attention, feeding, tie",
    [
        ("lstm", "bahdanau", True, False),
        ("gru", "luong", True, True),
        ("sgru", "bahdanau", False, False),
        ("rnn", "none", True, True),
    ],
)
def test_teacher_forcing_equals_step_by_step_decoding(cell, attention, feeding, tie):
    rk.manual_seed(4)
    model = tiny(cell=cell, attention=attention, input_feeding=feeding, tie_embeddings=tie)
    model.dropout.p = 0.3  # eval() must switch it off in both paths
    model.eval()
    logits, weights = model(SRC, SRC_LENGTHS, TGT_IN)
    expected = rk.log_softmax(logits, axis=-1).data
    state = model.encode(SRC, SRC_LENGTHS).state
    for t in range(TGT_IN.shape[0]):
        log_probs, state, alpha = model.decode_step(TGT_IN[t], state)
        np.testing.assert_allclose(log_probs.data, expected[t], rtol=1e-5, atol=1e-6)
        if weights is not None:
            np.testing.assert_allclose(alpha, weights[t], rtol=1e-5, atol=1e-7)


def test_state_select_reorders_and_expands_rows():
    rk.manual_seed(5)
    model = tiny(attention="bahdanau").eval()
    state = model.encode(SRC, SRC_LENGTHS).state
    picked = [2, 2, 0]
    moved = state.select(picked)
    expected = model.encode(SRC[:, picked], SRC_LENGTHS[picked]).state
    tokens = np.array([2, 5, 6])
    lp_moved, _, a_moved = model.decode_step(tokens, moved)
    lp_expected, _, a_expected = model.decode_step(tokens, expected)
    np.testing.assert_allclose(lp_moved.data, lp_expected.data, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(a_moved, a_expected, rtol=1e-5, atol=1e-7)


# --- learning ------------------------------------------------------------------------------
def test_tiny_model_learns_to_reverse_sequences():
    rk.manual_seed(6)
    rng = np.random.default_rng(6)
    batch, length, words = 32, 4, 6  # word ids 4..9
    sequences = rng.integers(4, 4 + words, size=(batch, length))
    src = sequences.T  # (T, B)
    lengths = np.full(batch, length)
    target = sequences[:, ::-1].T
    tgt_in = np.concatenate([np.full((1, batch), 2), target])
    tgt_out = np.concatenate([target, np.full((1, batch), 3)])
    model = Seq2Seq(ModelConfig(vocab_size=10, embed=16, hidden=32, cell="gru", dropout=0.0))
    optimizer = Adam(model.parameters(), lr=0.02)
    first = None
    for _ in range(60):
        loss, n_tokens, summed = model.loss(src, lengths, tgt_in, tgt_out)
        first = summed / n_tokens if first is None else first
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    assert summed / n_tokens < 0.2 * first, (first, summed / n_tokens)

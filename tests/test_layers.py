"""Linear and Embedding against torch.nn; OneHot is exactly Embedding; Dropout."""

import numpy as np
import pytest
import torch
from helpers import compare_module_with_torch, rk_leaf

import rnnkit as rk
from rnnkit import nn

rng = np.random.default_rng(5)


@pytest.mark.parametrize("shape", [(4, 3), (2, 5, 3), (3,)], ids=str)
@pytest.mark.parametrize("bias", [True, False])
def test_linear_matches_torch(bias, shape):
    theirs = torch.nn.Linear(3, 6, bias=bias).double()
    ours = nn.Linear(3, 6, bias=bias).load_state_dict(theirs.state_dict())
    compare_module_with_torch(
        ours, theirs, lambda m, x: m(x), lambda m, x: m(x), [rng.standard_normal(shape)], tol=1e-13
    )


IDS = np.array([[2, 0, 5, 2], [5, 5, 1, 0]])  # repeated ids, and id 0 for padding_idx


@pytest.mark.parametrize("padding_idx", [None, 0])
def test_embedding_matches_torch(padding_idx):
    theirs = torch.nn.Embedding(6, 3, padding_idx=padding_idx).double()
    ours = nn.Embedding(6, 3, padding_idx=padding_idx).load_state_dict(theirs.state_dict())
    compare_module_with_torch(
        ours, theirs, lambda m: m(IDS), lambda m: m(torch.tensor(IDS)), [], tol=1e-15
    )


def test_embedding_padding_row_starts_at_zero_as_torchs():
    layer = nn.Embedding(5, 4, padding_idx=2)
    np.testing.assert_array_equal(layer.weight.numpy()[2], np.zeros(4))
    assert np.abs(layer.weight.numpy()).max() > 0  # the other rows are N(0, 1)


@pytest.mark.parametrize("ids", [IDS, IDS[0], np.array(3)], ids=["2d", "1d", "scalar"])
def test_one_hot_gives_exactly_embeddings_outputs_and_gradients(ids):
    embedding = nn.Embedding(6, 4).double()
    one_hot = nn.OneHot(6, 4).double()
    one_hot.load_state_dict(embedding.state_dict())
    weight = rng.standard_normal(ids.shape + (4,))
    outs = []
    for layer in (embedding, one_hot):
        out = layer(ids)
        (out * weight).sum().backward()
        outs.append(out)
    np.testing.assert_array_equal(outs[0].numpy(), outs[1].numpy())
    # A repeated id's contributions are summed in another order (scatter-add vs matmul),
    # so gradients agree to rounding, not bit for bit.
    np.testing.assert_allclose(embedding.weight.grad, one_hot.weight.grad, rtol=1e-15, atol=0)


@pytest.mark.parametrize("layer", [nn.Embedding(6, 2), nn.OneHot(6, 2)], ids=["emb", "onehot"])
def test_ids_out_of_range_or_not_integers_are_refused(layer):
    with pytest.raises(ValueError, match=r"ids must be in \[0, 6\), got values from 0 to 6"):
        layer(np.array([0, 6]))
    with pytest.raises(ValueError, match=r"ids must be in \[0, 6\), got values from -1 to 2"):
        layer(np.array([-1, 2]))
    with pytest.raises(ValueError, match="ids must be integers, got dtype float64"):
        layer(np.array([1.0, 2.0]))


def test_dropout_is_the_identity_in_eval_mode():
    layer = nn.Dropout(0.5).eval()
    x = rk_leaf(rng.standard_normal((3, 4)))
    assert layer(x) is x


def test_dropout_scales_the_kept_elements_while_training():
    layer = nn.Dropout(0.25)
    x = rk_leaf(1.0 + rng.random((40, 50)))  # no zeros of its own
    out = layer(x).numpy()
    kept = out != 0
    np.testing.assert_allclose(out[kept], x.numpy()[kept] / 0.75, rtol=1e-15)
    assert 0.2 < 1 - kept.mean() < 0.3
    # The gradient flows through the kept elements only, with the same scale.
    rk.manual_seed(3)
    out = layer(x)
    out.sum().backward()
    np.testing.assert_allclose(x.grad, (out.numpy() != 0) / 0.75, rtol=1e-15)


def test_dropout_keeps_float32():
    x = rk.Tensor(np.ones((4, 4), dtype=np.float32), requires_grad=True)
    out = nn.Dropout(0.5)(x)
    out.sum().backward()
    assert out.dtype == np.float32 and x.grad.dtype == np.float32


def test_dropout_rejects_a_bad_probability():
    with pytest.raises(ValueError, match=r"dropout probability must be in \[0, 1\), got 1.5"):
        nn.Dropout(1.5)

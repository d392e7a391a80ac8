"""Every primitive of rnnkit.core.functions: its gradient against finite differences
(rnnkit.testing.gradcheck, float64), its values and gradients against PyTorch."""

import numpy as np
import pytest
import torch
from helpers import assert_close, compare_with_torch, rk_leaf

import rnnkit as rk
from rnnkit.core import functions as F
from rnnkit.testing import gradcheck

rng = np.random.default_rng(1234)


def normal(*shape):
    return rng.standard_normal(shape)


def positive(*shape):
    return 0.5 + rng.random(shape)


def away_from_zero(*shape):
    """Values with |x| >= 0.1, so relu's kink is far from the finite-difference steps."""
    return rng.choice([-1.0, 1.0], size=shape) * (0.1 + rng.random(shape))


MASK = rng.random((3, 4)) < 0.5
IDS = np.array([[1, 3, 3], [0, 1, 3]])  # repeats, and the padding id 3
PADDING_ROW = rk.Tensor(normal(1, 3))

# name -> (rnnkit function, torch function, input arrays)
CASES = {
    "add_same_shape": (F.add, torch.add, [normal(2, 3), normal(2, 3)]),
    "add_broadcast_trailing": (F.add, torch.add, [normal(2, 3, 4), normal(3, 1)]),
    "add_broadcast_both": (F.add, torch.add, [normal(3, 1), normal(1, 4)]),
    "add_broadcast_scalar_tensor": (F.add, torch.add, [normal(2, 3), normal()]),
    "sub_broadcast": (F.sub, torch.sub, [normal(4), normal(2, 3, 4)]),
    "mul_broadcast": (F.mul, torch.mul, [normal(2, 1, 4), normal(3, 1)]),
    "div_broadcast": (F.div, torch.div, [normal(2, 3), positive(3)]),
    "div_broadcast_numerator": (F.div, torch.div, [normal(3), positive(2, 3)]),
    "neg": (F.neg, torch.neg, [normal(2, 3)]),
    "power_square": (lambda a: F.power(a, 2.0), lambda a: a**2.0, [normal(2, 3)]),
    "power_fractional": (lambda a: F.power(a, 2.5), lambda a: a**2.5, [positive(2, 3)]),
    "power_reciprocal": (lambda a: F.power(a, -1.0), lambda a: a**-1.0, [positive(4)]),
    "matmul_2d": (F.matmul, torch.matmul, [normal(3, 4), normal(4, 2)]),
    "matmul_batched": (F.matmul, torch.matmul, [normal(2, 3, 4), normal(2, 4, 5)]),
    "matmul_batched_broadcast": (F.matmul, torch.matmul, [normal(2, 1, 3, 4), normal(5, 4, 2)]),
    "matmul_batched_by_matrix": (F.matmul, torch.matmul, [normal(2, 3, 4), normal(4, 2)]),
    "matmul_vector_matrix": (F.matmul, torch.matmul, [normal(4), normal(4, 3)]),
    "matmul_matrix_vector": (F.matmul, torch.matmul, [normal(3, 4), normal(4)]),
    "matmul_vector_vector": (F.matmul, torch.matmul, [normal(4), normal(4)]),
    "matmul_batched_vector": (F.matmul, torch.matmul, [normal(2, 3, 4), normal(4)]),
    "matmul_vector_batched": (F.matmul, torch.matmul, [normal(3), normal(2, 3, 4)]),
    "sum_all": (F.sum, torch.sum, [normal(2, 3, 4)]),
    "sum_axis": (lambda a: F.sum(a, 1), lambda a: a.sum(1), [normal(2, 3, 4)]),
    "sum_axes_keepdims": (
        lambda a: F.sum(a, (0, 2), keepdims=True),
        lambda a: a.sum((0, 2), keepdim=True),
        [normal(2, 3, 4)],
    ),
    "sum_negative_axis_keepdims": (
        lambda a: F.sum(a, -1, keepdims=True),
        lambda a: a.sum(-1, keepdim=True),
        [normal(2, 3)],
    ),
    "mean_all": (F.mean, torch.mean, [normal(2, 3)]),
    "mean_axes": (lambda a: F.mean(a, (0, -1)), lambda a: a.mean((0, -1)), [normal(2, 3, 4)]),
    "mean_axis_keepdims": (
        lambda a: F.mean(a, 1, keepdims=True),
        lambda a: a.mean(1, keepdim=True),
        [normal(2, 3, 4)],
    ),
    "reshape": (lambda a: F.reshape(a, (4, -1)), lambda a: a.reshape(4, -1), [normal(2, 3, 4)]),
    "transpose_reverse": (F.transpose, lambda a: a.permute(2, 1, 0), [normal(2, 3, 4)]),
    "transpose_axes": (
        lambda a: F.transpose(a, (1, -1, 0)),
        lambda a: a.permute(1, 2, 0),
        [normal(2, 3, 4)],
    ),
    "swapaxes": (lambda a: F.swapaxes(a, 0, 2), lambda a: a.transpose(0, 2), [normal(2, 3, 4)]),
    "getitem_slices": (lambda a: a[1:, ::2], lambda a: a[1:, ::2], [normal(3, 5)]),
    "getitem_int_and_ellipsis": (lambda a: a[..., 1], lambda a: a[..., 1], [normal(2, 3, 4)]),
    "getitem_newaxis": (lambda a: a[None, 0], lambda a: a[None, 0], [normal(2, 3)]),
    "getitem_negative": (lambda a: a[-1, 1:-1], lambda a: a[-1, 1:-1], [normal(2, 4)]),
    "getitem_repeated_rows": (
        lambda a: a[np.array([0, 0, 2, 1, 0])],
        lambda a: a[torch.tensor([0, 0, 2, 1, 0])],
        [normal(3, 2)],
    ),
    "getitem_repeated_columns": (
        lambda a: a[:, np.array([1, 1, 0])],
        lambda a: a[:, torch.tensor([1, 1, 0])],
        [normal(2, 3)],
    ),
    "getitem_index_pairs_repeated": (
        lambda a: a[np.array([0, 1, 1, 1]), np.array([2, 0, 0, 0])],
        lambda a: a[torch.tensor([0, 1, 1, 1]), torch.tensor([2, 0, 0, 0])],
        [normal(2, 3)],
    ),
    "getitem_index_matrix": (
        lambda a: a[np.array([[0, 2], [2, 2]])],
        lambda a: a[torch.tensor([[0, 2], [2, 2]])],
        [normal(3, 2)],
    ),
    "concat_axis0": (
        lambda a, b, c: F.concat([a, b, c]),
        lambda a, b, c: torch.cat([a, b, c]),
        [normal(1, 3), normal(2, 3), normal(3, 3)],
    ),
    "concat_last_axis": (
        lambda a, b: F.concat([a, b], axis=-1),
        lambda a, b: torch.cat([a, b], dim=-1),
        [normal(2, 3, 1), normal(2, 3, 2)],
    ),
    "concat_same_tensor_twice": (
        lambda a: F.concat([a, a], axis=1),
        lambda a: torch.cat([a, a], dim=1),
        [normal(2, 3)],
    ),
    "stack_axis0": (
        lambda a, b: F.stack([a, b]),
        lambda a, b: torch.stack([a, b]),
        [normal(2, 3), normal(2, 3)],
    ),
    "stack_last_axis": (
        lambda a, b, c: F.stack([a, b, c], axis=-1),
        lambda a, b, c: torch.stack([a, b, c], dim=-1),
        [normal(2, 3), normal(2, 3), normal(2, 3)],
    ),
    "exp": (F.exp, torch.exp, [normal(2, 3)]),
    "log": (F.log, torch.log, [positive(2, 3)]),
    "tanh": (F.tanh, torch.tanh, [normal(2, 3)]),
    "sigmoid": (F.sigmoid, torch.sigmoid, [3 * normal(2, 3)]),
    "relu": (F.relu, torch.relu, [away_from_zero(3, 4)]),
    "softmax_last": (F.softmax, lambda a: torch.softmax(a, -1), [normal(2, 3, 4)]),
    "softmax_first": (
        lambda a: F.softmax(a, axis=0),
        lambda a: torch.softmax(a, 0),
        [normal(3, 4)],
    ),
    "log_softmax_last": (F.log_softmax, lambda a: torch.log_softmax(a, -1), [normal(2, 3, 4)]),
    "log_softmax_middle": (
        lambda a: F.log_softmax(a, axis=1),
        lambda a: torch.log_softmax(a, 1),
        [normal(2, 3, 4)],
    ),
    "where": (
        lambda a, b: F.where(MASK, a, b),
        lambda a, b: torch.where(torch.tensor(MASK), a, b),
        [normal(3, 4), normal(3, 4)],
    ),
    "where_broadcast": (
        lambda a, b: F.where(MASK, a, b),
        lambda a, b: torch.where(torch.tensor(MASK), a, b),
        [normal(3, 4), normal(4)],
    ),
    "masked_fill": (
        lambda a: F.masked_fill(a, MASK, -7.5),
        lambda a: a.masked_fill(torch.tensor(MASK), -7.5),
        [normal(3, 4)],
    ),
    "embedding": (
        lambda w: F.embedding(IDS, w),
        lambda w: torch.nn.functional.embedding(torch.tensor(IDS), w),
        [normal(4, 3)],
    ),
    "embedding_padding_idx": (
        lambda w: F.embedding(IDS, w, padding_idx=3),
        lambda w: torch.nn.functional.embedding(torch.tensor(IDS), w, padding_idx=3),
        [normal(4, 3)],
    ),
    # The padding row is a constant here: by definition it gets no gradient, which finite
    # differences cannot confirm; the case above checks that against torch.
    "embedding_padding_idx_other_rows": (
        lambda w: F.embedding(IDS, F.concat([w, PADDING_ROW]), padding_idx=3),
        lambda w: torch.nn.functional.embedding(
            torch.tensor(IDS), torch.cat([w, torch.tensor(PADDING_ROW.data)]), padding_idx=3
        ),
        [normal(3, 3)],
    ),
}
NOT_A_DERIVATIVE = {"embedding_padding_idx"}  # padding_idx zeroes a real dependence


@pytest.mark.parametrize("name", sorted(set(CASES) - NOT_A_DERIVATIVE))
def test_gradient_matches_finite_differences(name):
    fn, _, arrays = CASES[name]
    gradcheck(fn, [rk_leaf(a) for a in arrays])


@pytest.mark.parametrize("name", sorted(CASES))
def test_values_and_gradients_match_torch(name):
    fn, torch_fn, arrays = CASES[name]
    compare_with_torch(fn, torch_fn, arrays, tol=1e-13)


def seeded_dropout(a, p=0.4, seed=7):
    rk.manual_seed(seed)  # the same mask on every call
    return F.dropout(a, p)


def test_dropout_gradient_matches_finite_differences():
    gradcheck(seeded_dropout, [rk_leaf(normal(4, 5))])


def test_dropout_zeroes_or_scales_each_element_and_matches_torch_with_the_same_mask():
    p, a = 0.4, normal(50, 40)
    out = seeded_dropout(rk_leaf(a), p).numpy()
    keep = out != 0
    assert 0.3 < 1 - keep.mean() < 0.5  # about p of 2000 elements dropped
    np.testing.assert_array_equal(out, seeded_dropout(rk_leaf(a), p).numpy())  # same seed
    assert not np.array_equal(out, seeded_dropout(rk_leaf(a), p, seed=8).numpy())
    mask = torch.tensor(keep)
    compare_with_torch(
        lambda t: seeded_dropout(t, p),
        lambda t: t * mask / (1 - p),
        [a],
        tol=1e-14,
    )


def test_dropout_is_the_identity_in_eval_mode_and_for_p_zero():
    a = rk_leaf(normal(3, 4))
    assert F.dropout(a, 0.5, training=False) is a
    assert F.dropout(a, 0.0) is a
    with pytest.raises(ValueError, match=r"dropout probability must be in \[0, 1\), got 1"):
        F.dropout(a, 1.0)


def test_softmax_and_log_softmax_are_stable_for_large_logits():
    a = np.array([[1000.0, 0.0, -1000.0], [5.0, 5.0, 5.0]])
    assert_close(F.softmax(rk_leaf(a)), torch.softmax(torch.tensor(a), -1), 1e-15)
    assert_close(F.log_softmax(rk_leaf(a)), torch.log_softmax(torch.tensor(a), -1), 1e-15)


def test_sigmoid_is_stable_for_large_inputs():
    a = np.array([-800.0, -30.0, 0.0, 30.0, 800.0])
    with np.errstate(all="raise"):
        out = F.sigmoid(rk_leaf(a))
    assert_close(out, torch.sigmoid(torch.tensor(a)), 1e-15)


def test_matmul_of_scalars_is_refused():
    with pytest.raises(ValueError, match="at least one dimension"):
        F.matmul(rk_leaf(np.array(2.0)), rk_leaf(normal(2)))

"""SGD and Adam steps against torch.optim, clip_grad_norm_ against torch's, and the
lecture's loop (repeat gradient steps until J < target) on a tiny sequence task."""

import numpy as np
import pytest
import torch
from helpers import assert_close

import rnnkit as rk
from rnnkit import nn, optim

SHAPES = [(3, 4), (5,), (2, 2, 3)]


def run_both(make_ours, make_theirs, steps=6, seed=0):
    """Apply the same random gradients for `steps` steps to the same starting parameters."""
    rng = np.random.default_rng(seed)
    start = [rng.standard_normal(shape) for shape in SHAPES]
    ours = [nn.Parameter(a.copy()) for a in start]
    theirs = [torch.nn.Parameter(torch.tensor(a)) for a in start]
    opt_ours, opt_theirs = make_ours(ours), make_theirs(theirs)
    for step in range(steps):
        for mine, reference in zip(ours, theirs):
            grad = rng.standard_normal(mine.shape)
            mine.grad, reference.grad = grad.copy(), torch.tensor(grad)
        if step == 2:  # a parameter without a gradient is left alone by both
            ours[1].grad, theirs[1].grad = None, None
        opt_ours.step()
        opt_theirs.step()
        opt_ours.zero_grad()
        for k, (mine, reference) in enumerate(zip(ours, theirs)):
            assert_close(mine.data, reference.detach(), 1e-13, f"step {step}, parameter {k}")


SGD_SETTINGS = [
    dict(lr=0.1),
    dict(lr=0.05, momentum=0.9),
    dict(lr=0.1, weight_decay=0.01),
    dict(lr=0.02, momentum=0.5, weight_decay=0.1),
]


@pytest.mark.parametrize("settings", SGD_SETTINGS, ids=str)
def test_sgd_matches_torch(settings):
    run_both(lambda p: optim.SGD(p, **settings), lambda p: torch.optim.SGD(p, **settings))


ADAM_SETTINGS = [
    dict(),
    dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6),
    dict(lr=0.003, weight_decay=0.05),
]


@pytest.mark.parametrize("settings", ADAM_SETTINGS, ids=str)
def test_adam_matches_torch(settings):
    run_both(
        lambda p: optim.Adam(p, **settings), lambda p: torch.optim.Adam(p, **settings), steps=8
    )


@pytest.mark.parametrize("max_norm", [0.5, 3.0, 100.0])
def test_clip_grad_norm_matches_torch(max_norm):
    rng = np.random.default_rng(1)
    grads = [rng.standard_normal(shape) for shape in SHAPES]
    ours = [nn.Parameter(np.zeros(shape)) for shape in SHAPES]
    theirs = [torch.nn.Parameter(torch.zeros(shape, dtype=torch.float64)) for shape in SHAPES]
    for mine, reference, grad in zip(ours, theirs, grads):
        mine.grad, reference.grad = grad.copy(), torch.tensor(grad)
    ours.append(nn.Parameter(np.zeros(2)))  # no gradient: ignored by both
    theirs.append(torch.nn.Parameter(torch.zeros(2, dtype=torch.float64)))
    total = optim.clip_grad_norm_(ours, max_norm)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm)
    np.testing.assert_allclose(total, expected.item(), rtol=1e-14)
    for k, (mine, reference) in enumerate(zip(ours[:-1], theirs[:-1])):
        assert_close(mine.grad, reference.grad, 1e-14, f"gradient {k}")
    assert ours[-1].grad is None


def test_clip_grad_norm_keeps_float32():
    param = nn.Parameter(np.zeros(3, dtype=np.float32))
    param.grad = np.full(3, 10.0, dtype=np.float32)
    optim.clip_grad_norm_([param], 1.0)
    assert param.grad.dtype == np.float32


def test_optimisers_refuse_bad_arguments():
    with pytest.raises(ValueError, match="the optimiser got no parameters"):
        optim.SGD([])
    with pytest.raises(ValueError, match="learning rate must be positive, got 0"):
        optim.Adam([nn.Parameter(np.zeros(1))], lr=0)


class Tagger(nn.Module):
    """Embedding -> GRU -> Linear: predicts, at each step, the token of the step before."""

    def __init__(self, vocabulary, hidden):
        super().__init__()
        self.embed = nn.Embedding(vocabulary, hidden)
        self.rnn = nn.GRU(hidden, hidden)
        self.out = nn.Linear(hidden, vocabulary)

    def forward(self, ids, lengths):
        states, _ = self.rnn(self.embed(ids), lengths=lengths)  # (T, B, H)
        return self.out(states)  # (T, B, V)


def test_the_lectures_training_loop_drives_the_loss_below_a_target():
    rk.manual_seed(0)
    rng = np.random.default_rng(0)
    vocabulary, steps, batch = 5, 7, 16
    ids = rng.integers(1, vocabulary, size=(steps, batch))  # (T, B); 0 is padding
    lengths = rng.integers(3, steps + 1, size=batch)
    targets = np.zeros_like(ids)
    targets[1:] = ids[:-1]  # remember the previous token
    targets[np.arange(steps)[:, None] >= lengths[None, :]] = -100  # padding adds nothing
    model = Tagger(vocabulary, 12)
    opt = optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    target, history = 0.05, []
    for _ in range(400):  # repeat until J < target
        loss = rk.cross_entropy(model(ids, lengths), targets, reduction="mean")
        history.append(loss.item())
        if history[-1] < target:
            break
        loss.backward()
        opt.step()
        opt.zero_grad()
    assert history[-1] < target, f"J went from {history[0]:.3f} to {history[-1]:.3f}"
    assert history[0] > 1.0  # it started at chance level (ln 5 = 1.6)

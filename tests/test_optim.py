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


# --- the learning-rate schedule: warm-up, then decay on a plateau of the dev score ------------
def test_warmup_rises_linearly_from_zero_to_the_rate():
    schedule = optim.WarmupPlateau(1.0, warmup=4)
    assert [schedule.lr(step) for step in range(1, 7)] == [0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
    assert [optim.WarmupPlateau(0.5).lr(step) for step in (1, 2, 1000)] == [0.5, 0.5, 0.5]


def test_plateau_decay_by_hand():
    # patience 1: the second validation in a row that is not above the best lowers the rate
    schedule = optim.WarmupPlateau(1.0, decay=0.5, patience=1, min_lr=0.2)
    scores = [1, 2, 2, 1, 3, 3, 3, 3, 3, 3, 3]
    lowered = [schedule.validated(s) for s in scores]
    # best 1; 2 better; 2 bad (1); 1 bad (2) -> 0.5; 3 better; 3, 3 -> 0.25; 3, 3 -> 0.2
    # (0.125 is below min_lr); 3, 3 -> still 0.2: no change at the floor
    assert lowered == [False, False, False, True, False, False, True, False, True, False, False]
    assert schedule.peak == 0.2
    assert schedule.lr(10**6) == 0.2


def test_warmup_scales_the_decayed_rate():
    schedule = optim.WarmupPlateau(0.8, warmup=10, decay=0.5, patience=0)
    schedule.validated(5.0)
    assert schedule.validated(5.0)  # equal is not better
    assert (schedule.lr(5), schedule.lr(10)) == (0.2, 0.4)


def test_decay_one_never_lowers_the_rate():
    schedule = optim.WarmupPlateau(0.1, patience=0)
    assert not any(schedule.validated(0.0) for _ in range(20)) and schedule.peak == 0.1


@pytest.mark.parametrize(
    "decay, patience, min_lr", [(0.5, 0, 0.0), (0.7, 2, 0.0), (0.3, 1, 1e-4), (0.9, 3, 5e-4)]
)
def test_plateau_matches_torchs_reduce_lr_on_plateau(decay, patience, min_lr):
    # JoeyNMT's "plateau" scheduler is torch's ReduceLROnPlateau on dev BLEU (mode max)
    rng = np.random.default_rng(patience)
    scores = rng.integers(0, 6, size=60).astype(float)  # many ties and repeats
    scores[:20] = np.sort(scores[:20])  # a rise, then noise
    param = torch.nn.Parameter(torch.zeros(1))
    torch_opt = torch.optim.SGD([param], lr=1e-3)
    theirs = torch.optim.lr_scheduler.ReduceLROnPlateau(
        torch_opt,
        mode="max",
        factor=decay,
        patience=patience,
        threshold=0.0,
        threshold_mode="abs",
        min_lr=min_lr,
    )
    ours = optim.WarmupPlateau(1e-3, decay=decay, patience=patience, min_lr=min_lr)
    for k, score in enumerate(scores):
        ours.validated(float(score))
        theirs.step(float(score))
        assert ours.peak == pytest.approx(torch_opt.param_groups[0]["lr"], rel=1e-12), k
    assert ours.peak < 1e-3  # the sequence did lower the rate


def test_a_restored_schedule_continues_exactly():
    import json

    straight = optim.WarmupPlateau(1e-3, warmup=3, decay=0.6, patience=1, min_lr=1e-5)
    first = optim.WarmupPlateau(1e-3, warmup=3, decay=0.6, patience=1, min_lr=1e-5)
    scores = [1.0, 0.5, 0.5, 2.0, 2.0, 1.0, 1.5, 0.0, 0.0, 3.0]
    for score in scores[:5]:
        straight.validated(score)
        first.validated(score)
    resumed = optim.WarmupPlateau(1e-3, warmup=3, decay=0.6, patience=1, min_lr=1e-5)
    resumed.load_state_dict(json.loads(json.dumps(first.state_dict())))  # as a checkpoint does
    for score in scores[5:]:
        assert resumed.validated(score) == straight.validated(score)
        assert resumed.peak == straight.peak and resumed.lr(2) == straight.lr(2)


@pytest.mark.parametrize(
    "arguments",
    [dict(base_lr=0.0), dict(warmup=-1), dict(decay=0.0), dict(decay=1.5), dict(patience=-1)],
)
def test_schedule_refuses_bad_arguments(arguments):
    with pytest.raises(ValueError, match="bad schedule"):
        optim.WarmupPlateau(**{"base_lr": 1e-3, **arguments})

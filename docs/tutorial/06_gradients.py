# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 6. Vanishing and exploding gradients
#
# *This page's cells run in about 2 s on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/06_gradients.py` runs it as a script).*
#
# "The dog, who lived in England and worked hard, **was** highly prized": to choose *was*
# over *were* the network must still know, at the verb, the number of a subject it read
# many words before. The lecture's worry is that the influence of early elements is
# "washed out" by the same step applied again and again,
#
# $$a^{<t>} = g\left(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a\right).$$
#
# Backpropagation through time says how. The gradient of the loss $J$ at the last step
# $T$ with respect to an input $x^{<t>}$ passes through every step between them:
#
# $$\frac{\partial J}{\partial x^{<t>}} = \frac{\partial J}{\partial a^{<T>}}
#   \left(\prod_{k=t+1}^{T} \frac{\partial a^{<k>}}{\partial a^{<k-1>}}\right)
#   \frac{\partial a^{<t>}}{\partial x^{<t>}}, \qquad
#   \frac{\partial a^{<k>}}{\partial a^{<k-1>}} = \operatorname{diag}\left(1 - (a^{<k>})^2
#   \right) W_{aa}$$
#
# for $g = \tanh$: one matrix per word between $x^{<t>}$ and the loss. When these matrices
# shrink vectors, the gradient shrinks geometrically with the distance $T - t$ (it
# *vanishes*); when they stretch them, it grows geometrically (it *explodes*).
#
# rnnkit measures this with its own experiment, `rnnkit/experiments/vanishing_gradients.py`
# (what `rnnkit gradients` runs). This page calls its functions at a smaller size.

# %%
import numpy as np

from rnnkit.experiments import vanishing_gradients as vg

config = vg.Config(hidden=32, max_distance=60, seeds=2, steps=300, eval_batch=64)
defaults = vg.Config()
for field in ("cells", "hidden", "max_distance", "seeds", "steps", "eval_batch"):
    here, default = getattr(config, field), getattr(defaults, field)
    print(f"{field:13} here {here!s:28} rnnkit gradients {default}")

# %% [markdown]
# ## The task: subject-verb agreement
#
# The experiment's sentences are the lecture's example made regular: a subject, singular
# or plural, then `distance` filler words that say nothing about its number, then the verb
# slot, where the model must say *was* (class 0) or *were* (class 1). Each word is a
# one-hot vector over the experiment's small vocabulary.

# %%
rng = np.random.default_rng(0)
ids, labels = vg.agreement_batch(rng, distance=8, batch=3)
print("V =", len(vg.VOCABULARY), "words:", vg.VOCABULARY)
for i in range(3):
    words = " ".join(vg.VOCABULARY[k] for k in ids[:, i])
    print(f"{words:62} -> {vg.VERBS[labels[i]]}")
print("ids:", ids.shape, "(T, B), T = distance + 2;  x:", vg.one_hot(ids).shape, "(T, B, V)")

# %% [markdown]
# The model is a recurrent layer (any of rnnkit's four cells) and a linear readout of its
# last activation $a^{<T>}$. The loss $J$ is the cross-entropy at the verb. Because the
# input $x$ is a leaf tensor, `backward()` leaves $\partial J / \partial x^{<t>}$ in
# `x.grad[t]` for every step; `input_gradient_norms` returns its norm at each $t$, averaged
# over the sentences of a batch:

# %%
import inspect

print(inspect.getsource(vg.input_gradient_norms))

# %% [markdown]
# ## How far back the gradient reaches
#
# Sentences with a 60-word filler clause ($T = 62$), models freshly initialised (PyTorch's
# initialisation, the same hidden size $n_a = 32$ for every cell), the norm of
# $\partial J / \partial x^{<t>}$ against the distance $T - t$ to the loss, averaged over
# two seeds. The simplified GRU, the GRU and the LSTM, the cells with gates, are the next
# page's subject; here they are measured beside the vanilla RNN.

# %%
T = config.max_distance + 2
flow = {}
for cell in config.cells:
    runs = []
    for s in range(config.seeds):
        model = vg.build_model(cell, config.hidden, config.seed + s)
        probe = vg.agreement_batch(
            np.random.default_rng(config.seed + s), config.max_distance, config.eval_batch
        )
        runs.append(vg.input_gradient_norms(model, *probe))
    flow[cell] = np.mean(runs, axis=0)  # index t - 1 for step t

shown = (0, 1, 5, 10, 20, 40, T - 1)
print(f"{'distance T - t':16}" + "".join(f"{d:>9}" for d in shown) + "   per word")
for cell, norms in flow.items():
    values = [norms[T - 1 - d] for d in shown]
    per_word = (norms[0] / norms[-1]) ** (1 / (T - 1))  # the geometric mean ratio
    print(f"{vg.CELL_NAMES[cell]:16}" + "".join(f"{v:9.0e}" for v in values) + f"{per_word:11.2f}")
for cell in ("sgru", "gru", "lstm"):
    times = flow[cell][0] / flow["rnn"][0]
    print(f"at the subject, {vg.CELL_NAMES[cell]} / vanilla RNN: {times:,.0f} times the gradient")

# %%
import matplotlib.pyplot as plt

distance = T - np.arange(1, T + 1)
figure, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
for cell, norms in flow.items():
    ax.plot(distance, norms, label=vg.CELL_NAMES[cell])
ax.set_yscale("log")
ax.set_xlabel("distance T - t from the input x<t> to the loss (words)")
ax.set_ylabel("||dJ/dx<t>||  (log scale)")
ax.set_title(f"At initialisation, hidden size {config.hidden}, T = {T}")
ax.grid(True, alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# Every line is close to straight on the log scale: each word the gradient goes back
# through multiplies it by about the same factor, the "per word" column (the geometric mean
# of the ratios). All four vanish at initialisation; the vanilla RNN's factor is the
# smallest, and over 61 words the gap compounds: at the subject the GRU and the LSTM get
# about 50 and 150 times the vanilla RNN's gradient, the simplified GRU about
# $5 \times 10^5$ times. The gates at initialisation sit near $\sigma(0) = 0.5$, so about
# half of the old state ($a^{<t-1>}$, or the LSTM's memory cell $c^{<t-1>}$) goes straight
# to the new one without passing through $W_{aa}$ and $\tanh$: the lecture's "bypass" that
# holds the previous value. What training makes of the gates, and which cells then get the
# verb right, is measured on the next page.
#
# Why the vanilla RNN's factor is below 1: PyTorch's initialisation draws $W_{aa}$
# uniformly from $\pm 1/\sqrt{n_a}$, whose eigenvalues fill a disc of radius about
# $1/\sqrt 3 \approx 0.58$. The largest of them is close to the measured factor; the
# factors $\tanh' \le 1$ of $\operatorname{diag}(1 - (a^{<k>})^2)$ pull it lower as units
# saturate. Scaling $W_{aa}$ scales its eigenvalues:

# %%
for scale in (1.0, 2.0, config.explode_scale):
    model = vg.scaled_rnn(config.hidden, config.seed, scale)
    radius = np.abs(np.linalg.eigvals(model.recurrent.weight_hh_l0.numpy())).max()
    print(f"W_aa x {scale:g}: largest |eigenvalue| {radius:.2f}")

# %% [markdown]
# ## Exploding gradients
#
# Scale $W_{aa}$ up and the matrices stretch instead: the experiment's `scaled_rnn`
# multiplies the vanilla RNN's recurrent weights by `explode_scale` (4). Its
# `exploding_experiment` measures the same gradient norms for $W_{aa} \times 1$ and
# $\times 4$, then trains the scaled RNN with plain gradient descent, $w := w - \alpha
# \, \partial J / \partial w$ ($\alpha$ = `sgd_lr`, 0.1), on clauses of up to 15 words,
# once without clipping and once with it.

# %%
explode_flow, clipping = vg.exploding_experiment(config)

by_scale = {}
for scale, _, norm in explode_flow:
    by_scale.setdefault(scale, []).append(norm)
print(f"{'distance T - t':16}" + "".join(f"{d:>9}" for d in shown))
for scale, norms in by_scale.items():
    print(f"{f'W_aa x {scale:g}':16}" + "".join(f"{norms[T - 1 - d]:9.0e}" for d in shown))

# %% [markdown]
# With $W_{aa} \times 4$ the subject, 61 words back, moves the loss far more than the verb
# slot itself does: the gradient now grows with the distance. The weights' gradient
# collects such terms from every step.
#
# ## Gradient clipping
#
# The usual remedy does not touch the model: before each step, if the gradient of all
# parameters together has a norm $\|g\|$ above a threshold, scale it down to that norm,
# $g := g \cdot \text{max\_norm} / \|g\|$. The direction is kept, only the length is capped.
# rnnkit's `clip_grad_norm_` (PyTorch's name and behaviour) does it in place and returns
# the norm before clipping:

# %%
from rnnkit.optim import clip_grad_norm_

print(inspect.getsource(clip_grad_norm_))

# %% [markdown]
# On one batch of the scaled RNN (15 filler words, the mean loss as in training), the
# parameters' gradients before and after `clip_grad_norm_(model.parameters(), max_norm=1.0)`:

# %%
import rnnkit as rk

model = vg.scaled_rnn(config.hidden, config.seed, config.explode_scale)
ids, labels = vg.agreement_batch(np.random.default_rng(1), 15, config.batch)
loss = rk.cross_entropy(model(vg.one_hot(ids)), labels, reduction="mean")  # as `train`
loss.backward()
names = [name for name, _ in model.named_parameters()]
before = [p.grad.copy() for p in model.parameters()]
returned = clip_grad_norm_(model.parameters(), config.clip)
after = [p.grad for p in model.parameters()]
for name, b, a in zip(names, before, after):
    print(f"{name:22} ||g|| {np.linalg.norm(b):8.3f} -> {np.linalg.norm(a):6.3f}")
total = np.sqrt(sum((a**2).sum() for a in after))
flat_b = np.concatenate([b.ravel() for b in before])
flat_a = np.concatenate([a.ravel() for a in after])
cosine = flat_b @ flat_a / (np.linalg.norm(flat_b) * np.linalg.norm(flat_a))
print(f"global norm {returned:.3f} -> {total:.3f}; direction kept (cosine {cosine:.6f})")

# %% [markdown]
# Now the training runs of `exploding_experiment`. `train` records, at every step, the
# global gradient norm before any clipping; the clipped run applies
# $\min(\|g\|, 1)$. Below: that norm at each step, and the loss (faint: each step; solid:
# the mean of 20 steps).

# %%
runs = {}
for label, _, loss_value, norm in clipping:
    runs.setdefault(label, ([], []))
    runs[label][0].append(loss_value)
    runs[label][1].append(norm)

print(
    f"{'clipping':12}{'largest ||g||':>14}{'steps with ||g|| > 1':>22}{'loss, last 50 steps':>21}"
)
for label, (losses, norms) in runs.items():
    norms = np.array(norms)
    over = int((norms > config.clip).sum())
    print(f"{label:12}{norms.max():14.1f}{over:22d}{np.mean(losses[-50:]):21.3f}")

figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
for label, (losses, norms) in runs.items():
    steps = np.arange(1, len(losses) + 1)
    (line,) = left.plot(steps, norms, label=f"clipping: {label}, before clipping", lw=0.9)
    if label != "none":
        left.plot(
            steps,
            np.minimum(norms, config.clip),
            color=line.get_color(),
            ls="--",
            label=f"clipping: {label}, applied",
        )
    right.plot(steps, losses, color=line.get_color(), alpha=0.25, lw=0.8)
    smooth = np.convolve(losses, np.ones(20) / 20, mode="valid")
    right.plot(steps[19:], smooth, color=line.get_color(), label=f"clipping: {label}")
left.set_yscale("log")
left.set_xlabel("training step (SGD, lr 0.1)")
left.set_ylabel("global gradient norm ||g||  (log scale)")
left.set_title(f"W_aa x {config.explode_scale:g}: the gradient at each step")
right.axhline(np.log(2), color="grey", ls=":", lw=1, label="chance, ln 2")
right.set_xlabel("training step (SGD, lr 0.1)")
right.set_ylabel("training loss (cross-entropy)")
right.set_title("the loss")
for ax in (left, right):
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# Without clipping the scaled RNN's gradient stays large and erratic, mostly between 0.1
# and 10 at every step, and the loss stays around chance ($\ln 2 \approx 0.69$). With the
# same start, data and learning rate, clipping caps each step at a norm of 1: the loss falls
# close to zero, and once it has, the gradient falls far below the cap. Clipping cures
# exploding gradients, not vanishing ones: a gradient of $10^{-15}$, as the vanilla RNN's
# at the subject above, is not made larger by a cap. For that the cell itself must change:
# the gates of the next page.
#
# ## Exercises
#
# 1. Write the clipping yourself, in NumPy: `clip(grads, max_norm)` takes a list of
#    gradient arrays and returns them scaled together so that their global norm is at most
#    `max_norm` (and unchanged when it is already), with the norm before clipping. It must
#    give what `clip_grad_norm_` gives on the scaled RNN's gradients.


# %%
def clip(grads, max_norm):
    total = np.sqrt(sum((g**2).sum() for g in grads))
    scale = min(1.0, max_norm / (total + 1e-6))
    return [g * scale for g in grads], total


for max_norm in (0.5, 1.0, 100.0):
    loss = rk.cross_entropy(model(vg.one_hot(ids)), labels, reduction="mean")
    model.zero_grad()
    loss.backward()
    mine, my_total = clip([p.grad.copy() for p in model.parameters()], max_norm)
    total = clip_grad_norm_(model.parameters(), max_norm)
    same = np.isclose(my_total, total) and all(
        np.allclose(g, p.grad, rtol=1e-12, atol=0) for g, p in zip(mine, model.parameters())
    )
    print(f"max_norm {max_norm:5}: clip equals clip_grad_norm_: {same}")
    assert same

# %% [markdown]
# 2. Measure $\|\partial J / \partial x^{<t>}\|$ yourself, without
#    `input_gradient_norms`: a one-hot leaf tensor, the summed `cross_entropy`, `backward()`,
#    and the norm of `x.grad` over the vocabulary axis, averaged over the batch. It must
#    agree with the experiment's function on the same sentences.


# %%
def my_input_gradient_norms(model, ids, labels):
    x = vg.one_hot(ids)  # a leaf (T, B, V) with requires_grad
    rk.cross_entropy(model(x), labels, reduction="sum").backward()
    model.zero_grad()
    return np.sqrt((x.grad**2).sum(axis=2)).mean(axis=1)


model = vg.build_model("rnn", config.hidden, seed=3)
probe = vg.agreement_batch(np.random.default_rng(3), 20, 16)
mine, theirs = my_input_gradient_norms(model, *probe), vg.input_gradient_norms(model, *probe)
print("my_input_gradient_norms agrees with input_gradient_norms:", np.allclose(mine, theirs))
assert np.allclose(mine, theirs)

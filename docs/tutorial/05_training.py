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
# # 5. Gradient descent to a target loss
#
# *This page's cells run in about 1 s on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/05_training.py` runs it as a script).*
#
# With a loss and its gradient (page 4), training is the lecture's loop, the same as for any
# network:
#
# 1. compute $\hat y$ with the computation graph (the forward pass);
# 2. determine the cost, the average loss of the $m$ training examples,
#    $J = \frac{1}{m} \sum_{i=1}^{m} \mathcal L^{(i)}$, where each $\mathcal L^{(i)}$ is
#    the sum over time of page 4;
# 3. update each parameter with the partial derivative of the cost:
#    $w := w - \alpha \dfrac{\partial J}{\partial w}$ and
#    $b := b - \alpha \dfrac{\partial J}{\partial b}$;
# 4. repeat until $J < \text{target}$.
#
# ## A task that needs a memory
#
# A task small enough to train in seconds, and one that a network reading $x^{<t>}$ alone
# cannot solve: repeat each input word two steps late, $y^{<t>} = x^{<t-2>}$, the way a live
# interpreter lags behind the speaker. To output $x^{<t-2>}$ at step $t$, the activation
# $a^{<t>}$ must still hold the words of the last two steps. The words are drawn at random
# from $V = 8$ words of the commentary, so the sentences are not English, and nothing but
# memory predicts the output. The first two steps have no target: their target index is
# `-100`, `cross_entropy`'s `ignore_index`, which adds nothing to the loss (it is how
# padding is left out too).

# %%
import numpy as np

import rnnkit as rk
from rnnkit import nn, optim

words = ["Raptors", "Celtics", "shoots", "scores", "misses", "three", "rebound", "foul"]
V, T, k, m = len(words), 10, 2, 128
rng = np.random.default_rng(0)


def make_examples(count):
    """count sequences as columns: word indices x (T, count) and targets (T, count)."""
    x = rng.integers(0, V, (T, count))
    targets = np.full((T, count), -100)  # -100: no target, adds nothing to the loss
    targets[k:] = x[:-k]  # y<t> = x<t-k>
    return x, targets


x_train, y_train = make_examples(m)
print("x:", " ".join(words[i] for i in x_train[:, 0]))
print("y:", " ".join(words[i] if i >= 0 else "-" for i in y_train[:, 0]))

# %% [markdown]
# The model is page 3's RNN between an embedding of the input words (page 2) and a readout
# to $V$ scores; `cross_entropy` sums $\mathcal L^{<t>}$ over the steps and the examples,
# and we divide by $m$ for $J$. A model that gives every word the probability $1/V$ has
# $J = (T_x - k) \log V$; an untrained one is close to that:


# %%
class Echo(nn.Module):
    def __init__(self, n_a=32):
        super().__init__()
        self.embed = nn.Embedding(V, 8)
        self.rnn = nn.RNN(8, n_a)
        self.readout = nn.Linear(n_a, V)

    def forward(self, ids):
        a, _ = self.rnn(self.embed(ids))
        return self.readout(a)  # (T, B, V) scores; the softmax is in the loss


def cost(model, x, y):
    return rk.cross_entropy(model(x), y) / x.shape[1]  # J = (1/m) sum_i L(i)


rk.manual_seed(0)
print(f"J of an untrained model: {cost(Echo(), x_train, y_train).item():.2f}")
print(f"J of a uniform guess:    {(T - k) * np.log(V):.2f}")

# %% [markdown]
# ## Gradient descent until J < target
#
# `optim.SGD` is the lecture's step, $w := w - \alpha \, \partial J / \partial w$ for every
# parameter at once; `optim.Adam` scales each weight's step by running averages of its past
# gradients. The loop below is the lecture's, with a cap on the number of steps in case the
# target is never reached. Both optimisers start from the same weights (the same seed).

# %%
target, cap = 0.2, 500


def train(make_optimizer):
    rk.manual_seed(0)  # the same initial weights for every run
    model = Echo()
    optimizer = make_optimizer(model.parameters())
    history = []
    for step in range(1, cap + 1):
        J = cost(model, x_train, y_train)  # 1, 2: forward and cost
        history.append(J.item())
        if J.item() < target:  # 4: stop once J < target
            return model, history, step
        optimizer.zero_grad()
        J.backward()  # dJ/dw for every parameter
        optimizer.step()  # 3: w := w - alpha dJ/dw
    return model, history, None


runs = {
    "SGD, alpha = 0.3": train(lambda params: optim.SGD(params, lr=0.3)),
    "Adam, alpha = 0.02": train(lambda params: optim.Adam(params, lr=0.02)),
}
for name, (_, history, reached) in runs.items():
    if reached is None:
        print(f"{name}: J = {history[-1]:.3f} after {cap} steps, target not reached")
    else:
        print(f"{name}: J < {target} at step {reached} (J = {history[-1]:.3f})")
    rises = sum(later > earlier for earlier, later in zip(history, history[1:]))
    print(f"    steps after which J rose: {rises}")

# %%
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3.5))
for name, (_, history, _) in runs.items():
    ax.plot(range(1, len(history) + 1), history, label=name)
ax.axhline(target, color="black", linestyle="--", linewidth=1, label=f"target J = {target}")
ax.set_yscale("log")
ax.set_xlabel("step")
ax.set_ylabel("J (log scale)")
ax.legend()
plt.show()

# %% [markdown]
# Both reach the target well within the cap. Adam's $J$ falls at every step; SGD's does
# not: its step, $\alpha$ times the gradient, sometimes overshoots and $J$ rises for a few
# steps before it falls again. The step size matters: with SGD and $\alpha = 1$ (try it),
# $J$ rises instead of falling, and only the cap stops the loop.
#
# $J$ is measured on the $m$ training examples. Did the network learn the rule, or the 128
# examples by heart? Ask it about sequences it has never seen:

# %%
model = runs["SGD, alpha = 0.3"][0]
x_new, y_new = make_examples(512)
with rk.no_grad():
    scores = model(x_new)
    J_new = rk.cross_entropy(scores, y_new).item() / x_new.shape[1]
counted = y_new >= 0
right = int((scores.data.argmax(-1) == y_new)[counted].sum())
print(f"on 512 new sequences: J = {J_new:.3f}, words right: {right} of {counted.sum()}")
print("x:    ", " ".join(words[i] for i in x_new[:, 0]))
print("y_hat:", " ".join(["-"] * k + [words[i] for i in scores.data[k:, 0].argmax(-1)]))

# %% [markdown]
# On new sequences $J$ is only a little above its value on the training examples, and nearly
# every word is repeated right: the network learnt the rule, not the 128 examples.

# %% [markdown]
# ## Exercise (optional)
#
# Write one step of gradient descent yourself, $w := w - \alpha \, \partial J / \partial w$
# on every parameter's `.data`, and check that it gives exactly what `optim.SGD` gives from
# the same weights and the same gradients.

# %%
rk.manual_seed(1)
model = Echo()
J = cost(model, x_train, y_train)
J.backward()
alpha = 0.1
mine = [p.data - alpha * p.grad for p in model.parameters()]  # your step, on copies
optim.SGD(model.parameters(), lr=alpha).step()  # rnnkit's, in place
same = all(np.array_equal(w, p.data) for w, p in zip(mine, model.parameters()))
print("your step equals optim.SGD's:", same)
assert same

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
# # 7. The simplified GRU, the GRU and the LSTM
#
# *This page's cells run in about 3 s on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/07_gates.py` runs it as a script).*
#
# The previous page measured the vanilla RNN's gradient shrinking by a roughly constant
# factor per word. The lecture's remedy is to let the unit *hold* its previous value: a
# learned gate chooses, at every step and for every unit, between keeping $a^{<t-1>}$ and
# taking a new candidate. Three cells do this, each a little more general than the last.
#
# ## The simplified GRU
#
# The lecture's gated unit has one gate, the *update* gate $\Gamma_u$, a sigmoid of the
# same inputs as the RNN's activation, and the RNN's activation becomes a *candidate*
# $\tilde a^{<t>}$:
#
# $$\Gamma_u = \sigma\left(W_{ux} x^{<t>} + W_{ua} a^{<t-1>} + b_u\right), \qquad
#   \tilde a^{<t>} = \tanh\left(W_{ax} x^{<t>} + W_{aa} a^{<t-1>} + b_a\right),$$
#
# $$a^{<t>} = \Gamma_u \ast \tilde a^{<t>} + (1 - \Gamma_u) \ast a^{<t-1>}$$
#
# ($\ast$ is the element-wise product). $\Gamma_u$ is not a switch but a number between 0
# and 1, so the step stays differentiable: the lecture's "mux" made continuous. rnnkit's
# step stacks the two weight matrices as blocks `u|c` of `w_ih` ($W_{ux}$ over $W_{ax}$)
# and of `w_hh` ($W_{ua}$ over $W_{aa}$), computes both pre-activations with one product
# and splits them:

# %%
import inspect

from rnnkit.nn import cells

print(inspect.getsource(cells.simplified_gru_step))

# %% [markdown]
# ## The GRU
#
# The full GRU adds a second gate, the *relevance* (or *reset*) gate $\Gamma_r$, which
# decides how much of $a^{<t-1>}$ goes into the candidate. rnnkit writes it as PyTorch
# does, with two conventions that differ from the lecture's. The update gate, $z$, is the
# share of the **old** state that is kept (the lecture's $\Gamma_u$ is $1 - z$); and
# $\Gamma_r$ multiplies the recurrent product *after* it is taken (`reset_after=True`):
#
# $$\Gamma_r = \sigma\left(W_{rx} x^{<t>} + b_{rx} + W_{ra} a^{<t-1>} + b_{ra}\right),
#   \qquad z = \sigma\left(W_{zx} x^{<t>} + b_{zx} + W_{za} a^{<t-1>} + b_{za}\right),$$
#
# $$\tilde a^{<t>} = \tanh\left(W_{cx} x^{<t>} + b_{cx} + \Gamma_r \ast
#   \left(W_{ca} a^{<t-1>} + b_{ca}\right)\right), \qquad
#   a^{<t>} = (1 - z) \ast \tilde a^{<t>} + z \ast a^{<t-1>}.$$
#
# The original GRU (and `reset_after=False`) puts $\Gamma_r$ inside the product instead,
# $W_{ca} (\Gamma_r \ast a^{<t-1>})$. The blocks are `r|z|n`, `n` being the candidate:

# %%
print(inspect.getsource(cells.gru_step))

# %% [markdown]
# The GRU contains the simplified GRU. Hold the relevance gate open ($\Gamma_r = 1$: a
# large bias) and give $z$ the simplified GRU's update-gate weights with their signs
# flipped ($\sigma(-v) = 1 - \sigma(v)$, so $z = 1 - \Gamma_u$): the two steps then agree,
# with either place of $\Gamma_r$. With the GRU's own random $\Gamma_r$, the two places
# give different cells.

# %%
import numpy as np

import rnnkit as rk


def run(step, *arrays, **options):
    """One step of rnnkit's on NumPy arrays: Tensors in, an array out."""
    return step(*(rk.tensor(v) for v in arrays), **options).numpy()


rng = np.random.default_rng(0)
B, n_x, n_a = 4, 3, 5
x, a = rng.standard_normal((B, n_x)), rng.standard_normal((B, n_a))
w_ih, w_hh = rng.standard_normal((2 * n_a, n_x)), rng.standard_normal((2 * n_a, n_a))
b_ih, b_hh = rng.standard_normal(2 * n_a), rng.standard_normal(2 * n_a)  # blocks u|c
u, c = slice(0, n_a), slice(n_a, 2 * n_a)
open_gate = np.full(n_a, 50.0)  # sigma(50) = 1 in float64: r is open
gru = [  # blocks r|z|n: r open, z = sigma(-pre_u) = 1 - G_u, n = the candidate
    np.concatenate([np.zeros((n_a, n_x)), -w_ih[u], w_ih[c]]),
    np.concatenate([np.zeros((n_a, n_a)), -w_hh[u], w_hh[c]]),
    np.concatenate([open_gate, -b_ih[u], b_ih[c]]),
    np.concatenate([np.zeros(n_a), -b_hh[u], b_hh[c]]),
]
simplified = run(cells.simplified_gru_step, x, a, w_ih, w_hh, b_ih, b_hh)
for reset_after in (True, False):
    full = run(cells.gru_step, x, a, *gru, reset_after=reset_after)
    same = np.allclose(full, simplified, atol=1e-12)
    print(f"GRU with r = 1, z = 1 - G_u, reset_after={reset_after}: the simplified GRU: {same}")
weights = [rng.standard_normal(w.shape) for w in gru]
after = run(cells.gru_step, x, a, *weights, reset_after=True)
before = run(cells.gru_step, x, a, *weights, reset_after=False)
gap = abs(after - before).max()
print(f"a random GRU, r after or before the product: largest difference {gap:.2f}")

# %% [markdown]
# ## The LSTM
#
# The LSTM moves the memory into a variable of its own, the *memory cell* $c^{<t>}$, and
# splits the gating into three gates, update (PyTorch's *input* gate), forget and output:
#
# $$\Gamma_u = \sigma\left(W_{ux} x^{<t>} + W_{ua} a^{<t-1>} + b_u\right), \quad
#   \Gamma_f = \sigma\left(W_{fx} x^{<t>} + W_{fa} a^{<t-1>} + b_f\right), \quad
#   \Gamma_o = \sigma\left(W_{ox} x^{<t>} + W_{oa} a^{<t-1>} + b_o\right),$$
#
# $$\tilde c^{<t>} = \tanh\left(W_{cx} x^{<t>} + W_{ca} a^{<t-1>} + b_c\right), \qquad
#   c^{<t>} = \Gamma_u \ast \tilde c^{<t>} + \Gamma_f \ast c^{<t-1>}, \qquad
#   a^{<t>} = \Gamma_o \ast \tanh\left(c^{<t>}\right).$$
#
# Keeping and updating are no longer tied ($\Gamma_u + \Gamma_f$ need not be 1), and what
# the unit shows, $a^{<t>}$, is separate from what it holds, $c^{<t>}$. rnnkit's blocks are
# PyTorch's `i|f|g|o` (input = update, forget, candidate, output), and the state is the
# pair $(a, c)$:

# %%
print(inspect.getsource(cells.lstm_step))

# %% [markdown]
# Each gate is one more block of weights of the RNN's size: for $n_x$ inputs and $n_a$
# units, a cell with $G$ blocks has $G \, n_a (n_x + n_a + 2)$ parameters (two biases per
# block, as PyTorch).

# %%
from rnnkit import nn

n_x, n_a = 19, 16
for cell in nn.CELLS.values():
    layer = cell.layer(n_x, n_a)
    count = sum(p.data.size for p in layer.parameters())
    print(f"{cell.title:15} {count:5d} parameters, G = {count // (n_a * (n_x + n_a + 2))}")

# %% [markdown]
# ## The gate is the bypass, measured
#
# At initialisation every gate sits near $\sigma(0) = 0.5$. Push the gate that keeps the
# old state towards 1, by adding to its bias, and the gradient from the loss reaches far
# further back. Below: the previous page's measurement, $\|\partial J / \partial x^{<t>}\|$
# on sentences with a 60-word clause, and the factor it loses per word, when the bias of
# the keeping gate is raised by $\beta$: $-\beta$ on $\Gamma_u$'s bias for the simplified
# GRU (it keeps $1 - \Gamma_u$), $+\beta$ on $z$'s for the GRU, $+\beta$ on the forget
# gate's for the LSTM.

# %%
from rnnkit.experiments import vanishing_gradients as vg

config = vg.Config(hidden=16, steps=200, eval_batch=256)
H = config.hidden
keeping = {"sgru": (slice(0, H), -1), "gru": (slice(H, 2 * H), 1), "lstm": (slice(H, 2 * H), 1)}
probe = vg.agreement_batch(np.random.default_rng(0), 60, 64)
betas = (0, 1, 2, 3)
print("per word, and (in brackets) ||dJ/dx<1>|| / ||dJ/dx<T>||, 61 words back")
print(f"{'':16}" + "".join(f"{f'beta = {b}':>17}" for b in betas))
for cell, (rows, sign) in keeping.items():
    factors = []
    for beta in betas:
        model = vg.build_model(cell, H, config.seed)
        model.recurrent.bias_ih_l0.data[rows] += sign * beta
        norms = vg.input_gradient_norms(model, *probe)
        ratio = norms[0] / norms[-1]
        factors.append(f"{ratio ** (1 / (len(norms) - 1)):.3f} ({ratio:.0e})")
    print(f"{vg.CELL_NAMES[cell]:16}" + "".join(f"{f:>17}" for f in factors))

# %% [markdown]
# With $\beta = 3$ each gated cell loses only about 4% of the gradient per word, and 61
# words back about 6-7% of the last word's gradient is left, instead of $10^{-9}$ to
# $10^{-13}$ at $\beta = 0$. The vanilla RNN has no such knob: its only path from
# $a^{<t-1>}$ to $a^{<t>}$ goes through $W_{aa}$ and $\tanh$. Whether training finds
# such gates by itself is the next question.
#
# ## Side by side on agreement
#
# The previous page's task: a subject, $d$ filler words, the verb slot; *was* or *were*.
# For each cell and each distance $d$, a fresh model ($n_a = 16$, every cell the same
# size) is trained with the experiment's `train`: 200 Adam steps of 32 sentences, each batch
# with a clause of 1 to $d$ words. It is then tested on 256 new sentences with a clause of
# exactly $d$ words. On the same sentences at $d$, the gradient that reaches the subject,
# $\|\partial J / \partial x^{<1>}\|$ over the verb slot's $\|\partial J / \partial x^{<T>}\|$,
# before training and after.

# %%
from rnnkit.optim import Adam

distances = (5, 20, 50)
results = {}  # (cell, d) -> accuracy, ratio at initialisation, ratio after training
for cell in config.cells:
    for d in distances:
        model = vg.build_model(cell, config.hidden, config.seed)
        rng = np.random.default_rng(config.seed)
        probe = vg.agreement_batch(rng, d, config.batch * 4)
        init = vg.input_gradient_norms(model, *probe)
        optimizer = Adam(model.parameters(), lr=config.lr)
        vg.train(model, rng, d, config.steps, config.batch, optimizer)
        trained = vg.input_gradient_norms(model, *probe)
        score = vg.accuracy(model, *vg.agreement_batch(rng, d, config.eval_batch))
        results[cell, d] = score, init[0] / init[-1], trained[0] / trained[-1]

columns = "".join(f"{f'd = {d}':>18}" for d in distances)
print(f"accuracy (chance 0.50)\n{'':16}{columns}")
for cell in config.cells:
    print(f"{vg.CELL_NAMES[cell]:16}" + "".join(f"{results[cell, d][0]:18.2f}" for d in distances))
print(f"\n||dJ/dx<1>|| / ||dJ/dx<T>||, at initialisation -> after training\n{'':16}{columns}")
for cell in config.cells:
    ratios = (f"{results[cell, d][1]:.0e} -> {results[cell, d][2]:.0e}" for d in distances)
    print(f"{vg.CELL_NAMES[cell]:16}" + "".join(f"{r:>18}" for r in ratios))

# %%
import matplotlib.pyplot as plt

figure, axes = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained")
styles = zip("os^D", (10, 8, 6, 4), ("-", "--", "-.", ":"))  # cells with equal scores stay visible
for cell, (marker, size, line) in zip(config.cells, styles):
    values = np.array([results[cell, d] for d in distances])
    for ax, column in zip(axes, values.T):
        ax.plot(distances, column, marker=marker, ms=size, ls=line, label=vg.CELL_NAMES[cell])
axes[0].axhline(0.5, color="grey", ls=":", lw=1, label="chance")
axes[0].set_ylim(0, 1.05)
axes[0].set_ylabel("accuracy (was / were)")
axes[0].set_title("after 200 Adam steps")
for ax, when in zip(axes[1:], ("at initialisation", "after training")):
    ax.set_yscale("log")
    ax.set_ylabel("||dJ/dx<1>|| / ||dJ/dx<T>||  (log)")
    ax.set_title(f"the subject's gradient, {when}")
for ax in axes:
    ax.set_xlabel("distance d: words between subject and verb")
    ax.grid(True, alpha=0.3)
axes[0].legend(fontsize=8)
plt.show()

# %% [markdown]
# All four cells get the 5- and 20-word clauses right. At 50 words the vanilla RNN is at
# chance (0.54), and the three gated cells are right on every test sentence.
#
# At initialisation the gradient reaching the subject shrinks with the distance for every
# cell, fastest for the vanilla RNN: at 50 words it is about $10^{-17}$ of the verb slot's,
# against $10^{-11}$ to $10^{-7}$ for the gated cells. That is the signal training starts
# from. After training, the two GRUs' gradient at the subject is within about two orders of
# magnitude of the verb's at every distance.
#
# After training the gradient says less about memory than before. The LSTM is right on
# every 50-word sentence, so its answer depends on the subject, yet its gradient there is
# about $10^{-7}$ of the verb's; the vanilla RNN is right at 20 words with about
# $10^{-18}$. A gradient measures what an infinitesimal change of $x^{<1>}$ does to the
# loss; a trained model can be flat to small changes (saturated units) and still be switched
# by replacing *dog* with *dogs*. The gradient matters while the model learns: it is what
# tells the weights that the subject counts. This is one seed and 200 steps;
# `rnnkit gradients` runs a larger comparison (clauses of up to 100 words, 400 steps, two
# seeds per cell).
#
# ## Exercises
#
# Write each step in NumPy, with rnnkit's layout (the blocks stacked along the first axis
# of `w_ih`, `w_hh`, `b_ih` and `b_hh`; a block's pre-activation is
# `x @ W_i.T + b_i + a_prev @ W_h.T + b_h`), and let the checker compare it with rnnkit's
# step on random inputs.
#
# 1. The simplified GRU, blocks `u|c`: `check_simplified_gru_step`.


# %%
from rnnkit.exercises import check_gru_step, check_lstm_step, check_simplified_gru_step


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def blocks(x, a_prev, w_ih, w_hh, b_ih, b_hh, count):
    pre = x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh
    return np.split(pre, count, axis=1)


def my_simplified_gru_step(x, a_prev, w_ih, w_hh, b_ih, b_hh):
    pre_u, pre_c = blocks(x, a_prev, w_ih, w_hh, b_ih, b_hh, 2)
    gate_u, candidate = sigmoid(pre_u), np.tanh(pre_c)
    return gate_u * candidate + (1 - gate_u) * a_prev


passed = check_simplified_gru_step(my_simplified_gru_step)
print("check_simplified_gru_step(my_simplified_gru_step):", passed)

# %% [markdown]
# 2. The GRU, blocks `r|z|n`, PyTorch's conventions: $z$ keeps the old state, $\Gamma_r$
#    multiplies `a_prev @ W_hn.T + b_hn` (so the candidate's recurrent part cannot be added
#    before the gate: split `x`'s and `a_prev`'s products separately): `check_gru_step`.


# %%
def my_gru_step(x, a_prev, w_ih, w_hh, b_ih, b_hh):
    x_r, x_z, x_n = np.split(x @ w_ih.T + b_ih, 3, axis=1)
    a_r, a_z, a_n = np.split(a_prev @ w_hh.T + b_hh, 3, axis=1)
    r, z = sigmoid(x_r + a_r), sigmoid(x_z + a_z)
    candidate = np.tanh(x_n + r * a_n)
    return (1 - z) * candidate + z * a_prev


print("check_gru_step(my_gru_step):", check_gru_step(my_gru_step))

# %% [markdown]
# 3. The LSTM, blocks `i|f|g|o`, the state the pair `(a_prev, c_prev)`, returning
#    `(a_next, c_next)`: `check_lstm_step`.


# %%
def my_lstm_step(x, state, w_ih, w_hh, b_ih, b_hh):
    a_prev, c_prev = state
    pre_i, pre_f, pre_g, pre_o = blocks(x, a_prev, w_ih, w_hh, b_ih, b_hh, 4)
    gate_u, gate_f, gate_o = sigmoid(pre_i), sigmoid(pre_f), sigmoid(pre_o)
    c_next = gate_u * np.tanh(pre_g) + gate_f * c_prev
    return gate_o * np.tanh(c_next), c_next


print("check_lstm_step(my_lstm_step):", check_lstm_step(my_lstm_step))

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
# # 4. The loss over time and backpropagation through time
#
# *This page's cells run in under a second on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/04_bptt.py` runs it as a script).*
#
# To train a recurrent network we need something to minimise. The lecture extends the loss
# of one prediction to a whole output sequence: the loss of the sequence is the sum of the
# losses of its elements,
#
# $$\mathcal L(\hat y, y) = \sum_{t=1}^{T_y} \mathcal L^{<t>}\left(\hat y^{<t>}, y^{<t>}\right),$$
#
# and since $y^{<t>}$ is a one-hot vector, each $\mathcal L^{<t>}$ is the cross-entropy
#
# $$\mathcal L^{<t>}\left(\hat y^{<t>}, y^{<t>}\right) = -y^{<t>} \log \hat y^{<t>}
#   = -\sum_{k=1}^{V} y^{<t>}_k \log \hat y^{<t>}_k = -\log \hat y^{<t>}_{w_t},$$
#
# where $w_t$ is the index of the word $y^{<t>}$: only the probability given to the right
# word counts. (The slide writes the two-class form,
# $-y \log \hat y - (1 - y) \log (1 - \hat y)$: it is this sum for $V = 2$, with the
# vector $(y, 1 - y)$.)
#
# ## The loss at each step
#
# A small RNN as on page 3, in float64 (`.double()`), for gradients we can check to many
# digits: one sequence ($B = 1$) of $T_x = T_y = 4$ steps, inputs of $n_x = 3$ numbers,
# $n_a = 5$, and a readout to $V = 6$ words. rnnkit's `cross_entropy` takes the readout's
# logits $z^{<t>} = W_{ya} a^{<t>} + b_y$ (it applies the softmax itself) and the target
# indices $w_t$; `reduction="none"` gives every $\mathcal L^{<t>}$, and the default,
# `reduction="sum"`, their sum, the lecture's $\mathcal L$.

# %%
import numpy as np

import rnnkit as rk
from rnnkit import nn

rk.manual_seed(0)
T, B, n_x, n_a, V = 4, 1, 3, 5, 6
rnn = nn.RNN(n_x, n_a).double()
readout = nn.Linear(n_a, V).double()
rng = np.random.default_rng(0)
x = rk.Tensor(rng.standard_normal((T, B, n_x)))  # float64, as the weights
y = rng.integers(0, V, (T, B))  # the index w_t of each target word
print("targets w_t:", y[:, 0])

a, _ = rnn(x)
logits = readout(a)  # (T, B, V)
per_step = rk.cross_entropy(logits, y, reduction="none")  # (T, B): every L<t>
loss = rk.cross_entropy(logits, y)  # reduction="sum": L = sum over t of L<t>

y_hat = np.exp(logits.data) / np.exp(logits.data).sum(-1, keepdims=True)  # the softmax
by_hand = -np.log(np.take_along_axis(y_hat, y[..., None], -1)[..., 0])  # -log y_hat<t>[w_t]
for t in range(T):
    print(
        f"t = {t + 1}: y_hat<t>[w_t] = {y_hat[t, 0, y[t, 0]]:.4f}  L<t> = {per_step.data[t, 0]:.4f}"
    )
print("-log y_hat<t>[w_t] equals cross_entropy's L<t>:", np.allclose(by_hand, per_step.data))
print(f"L = {loss.item():.6f}, the sum of the L<t>: {np.isclose(loss.item(), per_step.data.sum())}")

# %% [markdown]
# ## Backpropagation through time
#
# The lecture unrolls the network in time: each step is a copy of the same layer, fed by the
# previous step's activation, and the whole is an ordinary acyclic computation graph. So its
# gradient is ordinary backpropagation on that graph, from $\mathcal L$ back to $a^{<1>}$;
# "backpropagation through time" is only its name. One `backward()` fills the gradient of
# every parameter:

# %%
rnn.zero_grad()
readout.zero_grad()
loss.backward()
for name, parameter in [*rnn.named_parameters(), *readout.named_parameters()]:
    print(f"{name:12} {parameter.shape}  |dL/d{name}| = {np.linalg.norm(parameter.grad):.4f}")
W_aa = rnn.weight_hh_l0
backward_grad = W_aa.grad.copy()

# %% [markdown]
# `nn.RNN` runs its steps as one node of the graph, with a hand-written backward. Unroll it
# step by step with `cells.rnn_step`, as page 3 did, and every step becomes its own nodes
# (products, a sum, a tanh), each with its own small backward. The gradient of $W_{aa}$ that
# flows back through these nodes is the layer's:

# %%
from rnnkit.nn import cells


def unrolled_loss():
    """L through the unrolled graph: one rnn_step per time step, a<0> = 0."""
    a_t = rk.Tensor(np.zeros((B, n_a)))
    losses = []
    for t in range(T):
        a_t = cells.rnn_step(x[t], a_t, rnn.weight_ih_l0, W_aa, rnn.bias_ih_l0, rnn.bias_hh_l0)
        losses.append(rk.cross_entropy(readout(a_t), y[t]))  # L<t>
    return sum(losses[1:], losses[0])


rnn.zero_grad()
readout.zero_grad()
unrolled = unrolled_loss()
unrolled.backward()
print("the unrolled loss equals nn.RNN's:", np.isclose(unrolled.item(), loss.item()))
print("backward through the unrolled graph equals nn.RNN's:", np.allclose(W_aa.grad, backward_grad))

# %% [markdown]
# ## Checking the gradient with finite differences
#
# Is that gradient right? A derivative is a limit of differences, so we can approximate
# each element of $\partial \mathcal L / \partial W_{aa}$ from values of $\mathcal L$ alone,
# with nothing of the graph: nudge the one weight by $\pm\varepsilon$, run the network
# forward twice, and take the central difference
#
# $$\frac{\partial \mathcal L}{\partial W_{aa,ij}} \approx
#   \frac{\mathcal L(W_{aa,ij} + \varepsilon) - \mathcal L(W_{aa,ij} - \varepsilon)}
#        {2 \varepsilon},$$
#
# whose error shrinks as $\varepsilon^2$ (a one-sided difference's shrinks only as
# $\varepsilon$). This is why the layers are in float64: with $\varepsilon = 10^{-6}$ and
# $\mathcal L \approx 7$, the two losses differ in about their seventh digit, the last one
# float32 keeps, and float64 keeps about 16.


# %%
def loss_value():
    """L as a plain number, with no graph (rk.no_grad)."""
    with rk.no_grad():
        return rk.cross_entropy(readout(rnn(x)[0]), y).item()


def numerical_gradient(parameter, eps=1e-6):
    grad = np.zeros_like(parameter.data)
    for index in np.ndindex(parameter.shape):
        kept = parameter.data[index]
        parameter.data[index] = kept + eps
        plus = loss_value()
        parameter.data[index] = kept - eps
        minus = loss_value()
        parameter.data[index] = kept  # put the weight back
        grad[index] = (plus - minus) / (2 * eps)
    return grad


numeric = numerical_gradient(W_aa)
print("dL/dW_aa by backward():\n", backward_grad.round(6))
print("by finite differences:\n", numeric.round(6))
print(f"largest difference: {np.abs(numeric - backward_grad).max():.1e}")
print(
    "backward() equals the finite differences:",
    np.allclose(backward_grad, numeric, rtol=1e-6, atol=1e-9),
)

# %% [markdown]
# ## The gradient of the sum is the sum of the gradients
#
# $\mathcal L$ is a sum, and a derivative of a sum is the sum of the derivatives:
#
# $$\frac{\partial \mathcal L}{\partial W_{aa}} = \sum_{t=1}^{T_y}
#   \frac{\partial \mathcal L^{<t>}}{\partial W_{aa}}.$$
#
# Give each term its own backward, from a fresh forward, and add up what each one leaves in
# `W_aa.grad`:

# %%
per_step_grads = []
for t in range(T):
    rnn.zero_grad()
    readout.zero_grad()
    a, _ = rnn(x)
    rk.cross_entropy(readout(a[t]), y[t]).backward()  # L<t> alone
    grad = np.zeros_like(W_aa.data) if W_aa.grad is None else W_aa.grad.copy()
    per_step_grads.append(grad)
    print(f"t = {t + 1}: |dL<t>/dW_aa| = {np.linalg.norm(grad):.6f}")
print("dL<1>/dW_aa is exactly zero:", not np.any(per_step_grads[0]))
print(
    "the sum of the per-step gradients equals dL/dW_aa:",
    np.allclose(sum(per_step_grads), backward_grad),
)

# %% [markdown]
# The first term is exactly zero: $a^{<1>} = g(W_{aa} a^{<0>} + W_{ax} x^{<1>} + b_a)$
# with $a^{<0>} = 0$, so $\mathcal L^{<1>}$ does not depend on $W_{aa}$ at all. The later
# terms each flow back from their own step $t$ through $a^{<t>}, a^{<t-1>}, \dots, a^{<1>}$,
# picking up a contribution of $W_{aa}$ at every step it was used: the same weights serve
# every step, so their gradient adds up over the steps, once per use. `rnnkit.testing.gradcheck`
# runs a finite-difference check like this one on every input of a function at once.
#
# ## Exercise
#
# Write the finite differences for any function: `numerical_gradient(f, x, eps)`, where
# `f` takes a float64 array of `x`'s shape and returns a number, returns the array of
# $\partial f / \partial x_i$ by central differences, and leaves `x` as it found it.
# `check_gradient` compares it with rnnkit's `backward()` on a few functions (one of them an
# RNN's loss as a function of $W_{aa}$). Then use it on $W_{ax}$ (`weight_ih_l0`).

# %%
from rnnkit.exercises import check_gradient


def my_numerical_gradient(f, x, eps):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        kept = x[i]
        x[i] = kept + eps
        plus = f(x)
        x[i] = kept - eps
        minus = f(x)
        x[i] = kept
        grad[i] = (plus - minus) / (2 * eps)
    return grad


print(check_gradient(my_numerical_gradient))

W_ax = rnn.weight_ih_l0
rnn.zero_grad()
readout.zero_grad()
rk.cross_entropy(readout(rnn(x)[0]), y).backward()


def loss_at(w):
    """L as a function of W_ax."""
    kept = W_ax.data
    W_ax.data = w
    value = loss_value()
    W_ax.data = kept
    return value


numeric_ax = my_numerical_gradient(loss_at, W_ax.data.copy(), 1e-6)
print(
    "dL/dW_ax: backward() equals yours:", np.allclose(W_ax.grad, numeric_ax, rtol=1e-6, atol=1e-9)
)

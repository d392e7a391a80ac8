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
# # 3. The RNN forward over time
#
# *This page's cells run in under a second on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/03_forward.py` runs it as a script).*
#
# The lecture's recurrent unit reads one word per time step and carries an activation
# $a^{<t>}$ from each step to the next:
#
# $$a^{<t>} = g\left(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a\right), \qquad
#   \hat y^{<t>} = \operatorname{softmax}\left(W_{ya} a^{<t>} + b_y\right)$$
#
# with $a^{<0>} = 0$ and $g = \tanh$. The same weights serve every step. Here is rnnkit's
# step, the function every recurrent layer of rnnkit runs (PyTorch's layout: `w_ih` is
# $W_{ax}$, `w_hh` is $W_{aa}$, and a batch of $B$ examples goes through at once, so
# $x^{<t>}$ is a $(B, n_x)$ matrix and each product is written $x W^T$):

# %%
import inspect

from rnnkit.nn import cells

print(inspect.getsource(cells.rnn_step))

# %% [markdown]
# ## The shapes at each step
#
# A batch of $B = 2$ sequences of $T_x = 5$ steps, inputs of $n_x = 3$ numbers (an
# embedding), activations of $n_a = 4$. `nn.RNN` runs the steps for us and returns every
# $a^{<t>}$ and the last one:

# %%
import numpy as np

import rnnkit as rk
from rnnkit import nn

rk.manual_seed(0)
T_x, B, n_x, n_a = 5, 2, 3, 4
layer = nn.RNN(n_x, n_a)
x = rk.Tensor(np.random.default_rng(0).standard_normal((T_x, B, n_x)).astype(np.float32))
outputs, last = layer(x)
for name, parameter in layer.named_parameters():
    print(f"{name:12} {parameter.shape}")
print("x:", x.shape, "-> every a<t>:", outputs.shape, " the last a<T_x>:", last.shape)

# %% [markdown]
# The same, one step at a time, as the equation reads: the loop gives the layer's output
# exactly.

# %%
w_ih, w_hh = layer.weight_ih_l0, layer.weight_hh_l0
b_ih, b_hh = layer.bias_ih_l0, layer.bias_hh_l0
a = rk.Tensor(np.zeros((B, n_a), dtype=x.data.dtype))  # a<0> = 0
steps = []
for t in range(T_x):
    a = cells.rnn_step(x[t], a, w_ih, w_hh, b_ih, b_hh)
    steps.append(a.data)
    print(f"t = {t + 1}: x<t> {x[t].shape} -> a<t> {a.shape}")
print("the loop equals nn.RNN:", np.allclose(np.stack(steps), outputs.data, atol=1e-6))

# %% [markdown]
# ## The output at each step
#
# $\hat y^{<t>}$ is a probability for every word of the output vocabulary: a linear layer
# to $V$ numbers and a softmax. Each row sums to 1.

# %%
V = 7
readout = nn.Linear(n_a, V)
probabilities = np.exp(readout(outputs).data)
probabilities /= probabilities.sum(axis=-1, keepdims=True)
print("y_hat:", probabilities.shape, " rows sum to", np.unique(probabilities.sum(-1).round(6)))

# %% [markdown]
# ## Exercise
#
# Write the step yourself in NumPy: `rnn_step(x, a_prev, w_ih, w_hh, b_ih, b_hh)` with the
# layout above, and let `check_rnn_step` compare it with rnnkit's on random batches.

# %%
from rnnkit.exercises import check_rnn_step


def my_rnn_step(x, a_prev, w_ih, w_hh, b_ih, b_hh):
    return np.tanh(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh)


print(check_rnn_step(my_rnn_step))

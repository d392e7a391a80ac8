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
# # 2. Representing words
#
# *This page's cells run in under a second on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/02_words.py` runs it as a script).*
#
# The vocabulary gives every word a number. Feeding that number to the network as it is
# (the *ordinal* encoding) is what the lecture warns against: it adds a bias nobody
# intended. "Cats" is 520 and "nice" is 3,024, so to a weighted sum "nice" is six times
# "cats", and `.` (20,000) dwarfs everything; words next to each other in the alphabet look
# alike to the network although their meanings have nothing in common.

# %%
import numpy as np

from rnnkit.demo.commentary import generate_corpus
from rnnkit.text import Vocabulary, WordTokenizer

lecture = {"cats": 520, "are": 97, "nice": 3024, ".": 20000}  # the lecture's table
w = 0.001  # one weight times the ordinal: a word's "size" is its place in the alphabet
print({word: round(w * number, 2) for word, number in lecture.items()})
print(f"'nice' weighs {lecture['nice'] / lecture['cats']:.1f} times 'cats'")

# %% [markdown]
# And neighbours in the alphabet are neighbours to the network. In an alphabetical
# vocabulary of the game's commentary, the words next to each other:

# %%
tokenizer = WordTokenizer()
corpus = [tokenizer.tokenize(english) for _, english, _ in generate_corpus(400, languages=["fr"])]
vocab = Vocabulary.build(corpus, order="alphabetical")
for word in ["foul", "rebound", "three"]:
    k = vocab[word]
    before, after = vocab.itos[k - 1], vocab.itos[k + 1]
    print(f"{word!r}: {k}; its neighbours {before!r} ({k - 1}) and {after!r} ({k + 1})")

# %% [markdown]
# ## One-hot
#
# The lecture's fix: represent word $k$ of a vocabulary of size $V$ as the vector
# $o_k \in \{0, 1\}^V$, all zeros but a 1 at position $k$. Every word is then as far from
# every other ($\|o_j - o_k\| = \sqrt{2}$), and none is "bigger". rnnkit's
# `Vocabulary.one_hot` builds them:

# %%
vocab = Vocabulary.build([["a", "aaron", "are", "cats", "nice", "zulu", "."]], order="alphabetical")
ids = vocab.encode(["cats", "are", "nice", "."])
one_hot = vocab.one_hot(ids)
print("shape (words, V):", one_hot.shape)
print(one_hot.astype(int))
distances = {
    (a, b): float(np.linalg.norm(one_hot[i] - one_hot[j]))
    for i, a in enumerate(["cats", "are", "nice", "."])
    for j, b in enumerate(["cats", "are", "nice", "."])
    if i < j
}
print("distances:", set(round(d, 4) for d in distances.values()))

# %% [markdown]
# ## One-hot times a weight matrix is an embedding row
#
# The first layer multiplies the input by a weight matrix $W$ of shape $(V, d)$. For a
# one-hot $o_k$, $o_k W$ is row $k$ of $W$: the product only *selects* a row. So nobody
# multiplies by a one-hot in practice; the layer looks the row up (an *embedding*), which is
# the same number at a fraction of the cost. With the lecture's $V = 20{,}000$, each unit of
# that first layer has 20,000 weights, one per word of the vocabulary.

# %%
from rnnkit import nn

rng = np.random.default_rng(0)
V, d = len(vocab), 4
W = rng.standard_normal((V, d))
print("one_hot @ W equals W[ids]:", np.allclose(one_hot @ W, W[ids]))
embedding = nn.Embedding(20000, 64)
print("nn.Embedding(20000, 64) weights:", embedding.weight.shape, "->", 20000, "per unit")

# %% [markdown]
# ## Exercises
#
# 1. Write `one_hot(indices, vocab_size)`: a float array of shape `(len(indices),
#    vocab_size)` with a single 1 in each row. `check_one_hot` compares it with rnnkit's on
#    random inputs (and an empty list).
# 2. Write `embed(one_hot_rows, W)`, the first layer's product, and check it with
#    `check_embedding`.

# %%
from rnnkit.exercises import check_embedding, check_one_hot


def my_one_hot(indices, vocab_size):
    indices = np.asarray(indices, dtype=int)
    out = np.zeros((len(indices), vocab_size))
    out[np.arange(len(indices)), indices] = 1.0
    return out


def my_embed(one_hot_rows, W):
    return one_hot_rows @ W


print(check_one_hot(my_one_hot), check_embedding(my_embed))

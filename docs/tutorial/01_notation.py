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
# # 1. Notation and the vocabulary
#
# *This page's cells run in under a second on two CPU cores (measured 2026-12-08, one BLAS
# thread; `python docs/tutorial/01_notation.py` runs it as a script).*
#
# The lecture first fixes its notation. We have $m$ training examples; example $i$ is an
# input sequence $x^{(i)<1>}, \dots, x^{(i)<T_x^{(i)}>}$ and an output sequence
# $y^{(i)<1>}, \dots, y^{(i)<T_y^{(i)}>}$, and the lengths $T_x^{(i)}$ and $T_y^{(i)}$
# change from one example to the next (and between input and output).
#
# Our examples are the case study's: English play-by-play of a Raptors game and its
# translation. rnnkit's demo generates them from its commentary grammar.

# %%
from collections import Counter

from rnnkit.demo.commentary import generate_corpus
from rnnkit.text import WordTokenizer

examples = generate_corpus(400, split="train", languages=["fr"], seed=0)
tokenizer = WordTokenizer()
for _, english, french in examples[:3]:
    print(f"x = {english!r}\ny = {french!r}\n")

# %% [markdown]
# Each word (and punctuation mark) is one element of a sequence: $x^{<1>}$ is the first
# word, $x^{<T_x>}$ the last. The lengths differ between examples, and between an input and
# its output:

# %%
m = len(examples)
T_x = [len(tokenizer.tokenize(english)) for _, english, _ in examples]
T_y = [len(tokenizer.tokenize(french)) for _, _, french in examples]
print(f"m = {m} examples")
print(f"T_x from {min(T_x)} to {max(T_x)}, T_y from {min(T_y)} to {max(T_y)}")
print("examples whose output is longer than their input:", sum(y > x for x, y in zip(T_x, T_y)))
i = 0
print(f"example {i}: T_x = {T_x[i]}, x<1> = {tokenizer.tokenize(examples[i][1])[0]!r}")

# %% [markdown]
# ## The vocabulary
#
# A network takes numbers, not words. The lecture's answer is an ordered dictionary, the
# *vocabulary*: every word gets its position in it. The lecture's table is alphabetical
# (a, aaron, ..., zulu) and capped at 20,000 entries; a word outside it becomes the
# unknown-word token (the lecture's "UKW", `<unk>` here), and the end of a sentence is a
# token of its own, `<eos>`. rnnkit's `Vocabulary.build` does exactly this
# (`order="alphabetical"`, `max_size=20000`); its first entries are the special tokens
# (`<pad>` fills the end of shorter sequences in a batch, `<bos>` starts a decoder's
# output).

# %%
from rnnkit.text import EOS, UNK, Vocabulary

english_tokens = [tokenizer.tokenize(english) for _, english, _ in examples]
vocab = Vocabulary.build(english_tokens, max_size=20000, order="alphabetical")
print(len(vocab), "entries:", vocab.itos[:12], "...", vocab.itos[-3:])
print("index of 'rebound':", vocab["rebound"] if "rebound" in vocab else "(not in it)")
print("a sentence:", vocab.encode(tokenizer.tokenize("Tremblay grabs the rebound"), add_eos=True))
print("and back:  ", vocab.decode(vocab.encode(tokenizer.tokenize("Tremblay grabs the rebound"))))

# %% [markdown]
# ## Which words must be in it
#
# The cap keeps the most frequent words. Why must "basketball" (or here "rebound", "three",
# "foul") be in the vocabulary, while "pottery" need not? Because the vocabulary should
# cover the text the model will meet: a word of the game that became `<unk>` would lose
# the meaning of many lines, a word that never comes up costs nothing. Count how much of the
# commentary each vocabulary covers, and what a sentence about pottery looks like to it:

# %%
counts = Counter(token for tokens in english_tokens for token in tokens)
for size in (20, 50, 100, len(vocab)):
    capped = Vocabulary.build(english_tokens, max_size=size)
    print(f"max_size {size:4d}: {capped.unk_rate(english_tokens):6.1%} of the commentary is {UNK}")
print("the most frequent words:", [w for w, _ in counts.most_common(12)])
pottery = tokenizer.tokenize("She glazes the pottery before firing it")
print("pottery ->", vocab.decode(vocab.encode(pottery)), f"(and {EOS} ends a sentence)")

# %% [markdown]
# ## Exercise
#
# Write `encode(words, itos)`: the index of each word in the list `itos` (a vocabulary,
# specials first), and the index of `<unk>` for a word that is not in it. It must agree with
# `Vocabulary.encode` on every sentence of the corpus.


# %%
def encode(words, itos):
    position = {word: index for index, word in enumerate(itos)}
    return [position.get(word, position[UNK]) for word in words]


mismatches = sum(
    encode(tokens, vocab.itos) != vocab.encode(tokens) for tokens in english_tokens + [pottery]
)
print("sentences where encode differs from Vocabulary.encode:", mismatches)
assert mismatches == 0

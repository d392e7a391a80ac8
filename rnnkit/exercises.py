"""Checkers for the tutorial's exercises: call one on your own NumPy function to learn whether
it computes what rnnkit computes.

The tutorial (its pages in docs/tutorial/) asks you to write the pieces of a recurrent network
yourself, in plain NumPy: one-hot vectors, the embedding lookup, one step of an RNN, of the
lecture's simplified GRU, of the full GRU and of the LSTM, and a numerical gradient. Each
`check_*` function below runs your function on random inputs and compares what it returns with
what rnnkit's own kernels return for the same inputs (`rnnkit.nn.cells`, the lookup of
`rnnkit.core.functions.embedding`, the gradients of `Tensor.backward()`), computed in float64:

    import numpy as np
    from rnnkit.exercises import check_rnn_step

    def rnn_step(x, a_prev, w_ih, w_hh, b_ih, b_hh):
        return np.tanh(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh)

    check_rnn_step(rnn_step)  # True, or an AssertionError that says what differs and why

The rule: a checker never compares with stored answers, only with the library's own kernels on
inputs drawn afresh, so an exercise cannot drift from the library (change a kernel and its
exercise follows). Trial k (counting from 0) draws its inputs from
`numpy.random.default_rng(seed + k)`, over several batch sizes (1 among them) and sizes; a
failure's message names that seed, so a failing case can be drawn again.

Every checker takes your function and `trials=5, seed=0, atol=1e-8`, returns True when all
trials agree, and otherwise raises AssertionError with one message: the trial that failed (its
seed and sizes), the output that differs, its largest absolute difference and where, and a hint
at the usual mistake. When your output matches a known mistake (gates read in another order, a
missing bias, sigmoid for tanh, a one-sided difference...), the hint names that mistake.

Weights are laid out as in PyTorch (and rnnkit): a cell with G gate blocks, input size n_x and
hidden size n_a takes `w_ih` of shape `(G*n_a, n_x)`, `w_hh` `(G*n_a, n_a)` and two biases,
`b_ih` and `b_hh`, `(G*n_a,)`, the blocks stacked along the first axis in the order each
checker states (block k is rows `k*n_a:(k+1)*n_a`). A block's pre-activation is
`x @ W_i.T + b_i + a_prev @ W_h.T + b_h`: the weights are multiplied transposed, and both
biases are added. Inputs are batches of rows: `x (B, n_x)`, `a_prev (B, n_a)`.
"""

import itertools

import numpy

from rnnkit.core import functions as F
from rnnkit.core.losses import cross_entropy
from rnnkit.core.tensor import Tensor, no_grad
from rnnkit.nn import cells

__all__ = [
    "check_embedding",
    "check_gradient",
    "check_gru_step",
    "check_lstm_step",
    "check_one_hot",
    "check_rnn_step",
    "check_simplified_gru_step",
]

# (B, n_x, n_a) of the step checkers' trials, in turn: batches of 1 and more, inputs smaller and
# larger than the state, and one square case (n_x == n_a) where unmultipliable shapes do not
# stop a mistake such as an untransposed weight, so its values can name it.
_STEP_SIZES = ((1, 3, 4), (2, 5, 3), (4, 2, 2), (3, 4, 6), (1, 1, 3))
# (n, V) of check_one_hot's trials: n indices into a vocabulary of V; (8, 8) is square.
_ONE_HOT_SIZES = ((4, 5), (3, 1), (8, 8), (10, 3), (2, 12))
# (n, V, d) of check_embedding's trials: n one-hot rows, V words, d dimensions.
_EMBEDDING_SIZES = ((4, 6, 3), (1, 5, 2), (3, 3, 3), (7, 10, 4), (2, 1, 5))

# How close an output must come to a known mistake's for the hint to name that mistake.
_MISTAKE_RTOL, _MISTAKE_ATOL = 1e-6, 1e-9


# --- the checks' shared machinery -------------------------------------------------------------
class _Case:
    """One trial of one checker: its label in messages, and how it fails."""

    def __init__(self, checker, label):
        self.checker, self.label = checker, label

    def fail(self, problem, hint, cause=None):
        message = f"{self.checker} failed on {self.label}:\n{problem}\nHint: {hint}"
        raise AssertionError(message) from cause


def _trials(trials, seed, sizes):
    """(trial, rng, size) for each trial: trial k draws from default_rng(seed + k) and takes
    the sizes in turn."""
    if int(trials) < 1:
        raise ValueError(f"trials must be at least 1, got {trials}")
    for trial in range(int(trials)):
        yield trial, numpy.random.default_rng(seed + trial), sizes[trial % len(sizes)]


def _case(checker, trial, trials, seed, details):
    rng = f"numpy.random.default_rng({seed + trial})"
    return _Case(checker, f"trial {trial + 1} of {trials} (inputs from {rng}; {details})")


def _needs_function(checker, fn):
    if not callable(fn):
        raise TypeError(f"{checker} takes your function, got {fn!r}")


def _is_shape_error(error):
    words = ("shape", "mismatch", "broadcast", "align", "dimension")
    return isinstance(error, (ValueError, IndexError)) and any(w in str(error) for w in words)


def _call(case, fn, args, hint, shape_hint=None):
    """fn(*args), with any exception it raises turned into the case's failure."""
    try:
        return fn(*args)
    except Exception as error:
        problem = f"your function raised {type(error).__name__}: {error}"
        case.fail(problem, shape_hint if shape_hint and _is_shape_error(error) else hint, error)


def _output(case, value, name):
    """The learner's output `name` as a NumPy array of numbers."""
    if value is None:
        case.fail(f"your function returned None instead of {name}", "is `return` missing?")
    if isinstance(value, Tensor):
        value = value.numpy()
    array = numpy.asarray(value)
    if not (numpy.issubdtype(array.dtype, numpy.number) or array.dtype == bool):
        case.fail(
            f"{name} is not an array of numbers (got {type(value).__name__})",
            "return a NumPy array",
        )
    return array


def _copy(value):
    return tuple(map(_copy, value)) if isinstance(value, tuple) else value.copy()


def _unchanged(case, originals, given, names):
    """Fail if the learner's function changed one of its arguments in place."""
    for original, passed, name in zip(originals, given, names):
        if isinstance(original, tuple):
            _unchanged(case, original, passed, name)
        elif not numpy.array_equal(original, passed):
            case.fail(
                f"your function changed its argument {name} in place",
                f"compute new arrays (for example `out = {name} + ...`, not `{name} += ...`): "
                f"the caller still needs its {name}",
            )


def _at(index):
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def _mistake(yours, mistakes, output=0):
    """The description of the first known mistake whose `output` matches `yours`, or None.

    mistakes: (description, thunk) pairs; a thunk returns the mistake's outputs as a tuple
    (one that raises, such as a shape that does not fit this trial, is skipped)."""
    for description, thunk in mistakes() if callable(mistakes) else mistakes:
        try:
            outputs = thunk()
        except Exception:
            continue
        candidate = numpy.asarray(outputs[output])
        if candidate.shape == yours.shape and numpy.allclose(
            yours, candidate, rtol=_MISTAKE_RTOL, atol=_MISTAKE_ATOL
        ):
            return description
    return None


def _compare(case, name, yours, expected, reference, atol, hint, mistakes=(), output=0):
    """Fail unless yours (the learner's output `name`) equals expected within atol."""
    if yours.shape != expected.shape:
        problem = f"{name} has shape {yours.shape}, expected {expected.shape}"
        if yours.ndim == 2 and yours.shape == expected.shape[::-1]:
            case.fail(problem, f"it looks transposed: {hint}")
        case.fail(problem, hint)
    if not numpy.issubdtype(yours.dtype, numpy.floating):
        case.fail(
            f"{name} has dtype {yours.dtype}, expected a floating dtype (float64)",
            "make the array with a float dtype, e.g. numpy.zeros(shape) (float64 by default)",
        )
    diff = numpy.abs(yours.astype(numpy.float64) - expected)
    if numpy.all(diff <= atol):
        return
    where = numpy.unravel_index(
        numpy.argmax(numpy.where(numpy.isnan(diff), numpy.inf, diff)), diff.shape
    )
    count = int(numpy.sum(~(diff <= atol)))
    if numpy.isnan(diff[where]):
        problem = f"{name} contains NaN (at {name}{_at(where)})"
    else:
        problem = (
            f"{name} differs from {reference} by up to {diff[where]:.3g} (atol {atol:g}), at "
            f"{name}{_at(where)}: yours {yours[where]:.6g}, expected {expected[where]:.6g} "
            f"({count} of {diff.size} values differ)"
        )
    found = _mistake(yours, mistakes, output)
    if found is None and yours.dtype.itemsize < 8:
        found = f"your {name} is {yours.dtype}: compute in float64, as the inputs are"
    case.fail(problem, found or hint)


# --- one-hot vectors and the embedding ---------------------------------------------------------
def _float64(value):
    return None if value is None else Tensor(numpy.asarray(value, dtype=numpy.float64))


def _lookup(indices, weight):
    """rnnkit's embedding lookup, the rows weight[indices], as a float64 NumPy array."""
    with no_grad():
        return F.embedding(numpy.asarray(indices), _float64(weight)).numpy()


_ONE_HOT_HINT = (
    "build numpy.zeros((len(indices), vocab_size)) (float64) and set row i's column "
    "indices[i] to 1: out[numpy.arange(len(indices)), indices] = 1; indices are 0-based, "
    "from 0 to vocab_size - 1"
)


def check_one_hot(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(indices, vocab_size) -> one-hot matrix.

    `indices`: a 1-D integer array of n word indices, each from 0 to `vocab_size - 1`. The
    result must be a floating array of shape `(n, vocab_size)` whose row i is 0 everywhere but
    a 1 in column `indices[i]`: row `indices[i]` of the identity matrix, which is what rnnkit's
    `embedding` of `numpy.eye(vocab_size)` looks up. Every trial's indices include 0 and
    `vocab_size - 1`; a last case passes an empty index array, which must give shape
    `(0, vocab_size)`.
    """
    checker = "check_one_hot"
    _needs_function(checker, fn)
    for trial, rng, (n, vocab) in _trials(trials, seed, _ONE_HOT_SIZES):
        case = _case(checker, trial, trials, seed, f"n={n}, vocab_size={vocab}")
        indices = rng.integers(0, vocab, n)
        indices[rng.choice(n, 2, replace=False)] = (0, vocab - 1)  # both ends, every trial
        _check_one_hot_case(case, fn, indices, vocab, atol)
    label = f"the empty index array (indices=numpy.array([], dtype=int), vocab_size={vocab})"
    _check_one_hot_case(_Case(checker, label), fn, numpy.zeros(0, dtype=numpy.int64), vocab, atol)
    return True


def _check_one_hot_case(case, fn, indices, vocab, atol):
    expected = _lookup(indices, numpy.eye(vocab))
    given = indices.copy()
    empty_hint = (
        "with no indices the result is numpy.zeros((0, vocab_size)); building it from a list "
        "of rows (numpy.stack, numpy.array of a list) or from max(indices) fails here"
    )
    hint = empty_hint if indices.size == 0 else _ONE_HOT_HINT
    yours = _output(case, _call(case, fn, (given, vocab), hint), "one_hot")
    _unchanged(case, (indices,), (given,), ("indices",))
    if yours.shape == expected.shape and yours.size and numpy.all((yours == 0) | (yours == 1)):
        ones = yours.sum(axis=1)
        if numpy.any(ones > 1):
            hint = (
                "every row must hold exactly one 1, but some hold several: `out[:, indices] = 1` "
                "sets whole columns, in every row; use out[numpy.arange(len(indices)), indices] = 1"
            )
        elif numpy.any(ones == 0):
            hint = f"every row must hold exactly one 1, but some hold none; {_ONE_HOT_HINT}"
    mistakes = [
        (
            "your ones are one column off: indices are 0-based",
            lambda: (numpy.roll(expected, 1, 1),),
        ),
        (
            "your ones are one column off: indices are 0-based",
            lambda: (numpy.roll(expected, -1, 1),),
        ),
        (
            "rows and columns are swapped: row i is the one-hot vector of indices[i]",
            lambda: (expected.T,),
        ),
    ]
    _compare(case, "one_hot", yours, expected, "the one-hot rows", atol, hint, mistakes)


_EMBEDDING_HINT = (
    "one_hot (n, V) @ W (V, d) is the (n, d) matrix whose row i is W[indices[i]]: multiply "
    "W as it is (no .T), with one_hot on the left"
)


def check_embedding(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(one_hot, W) -> the embedded rows: the lecture's "a one-hot vector times a
    weight matrix picks out one row of the matrix".

    `one_hot`: `(n, V)` float64, row i the one-hot vector of word `indices[i]`; `W`: `(V, d)`,
    one row per word of the vocabulary. The result must be `(n, d)`, equal to `W[indices]`,
    the rows that rnnkit's `embedding` looks up (`rnnkit.nn.OneHot` is this exercise as a
    layer).
    """
    checker = "check_embedding"
    _needs_function(checker, fn)
    for trial, rng, (n, vocab, dim) in _trials(trials, seed, _EMBEDDING_SIZES):
        case = _case(checker, trial, trials, seed, f"n={n}, V={vocab}, d={dim}")
        indices = rng.integers(0, vocab, n)
        _check_embedding_case(case, fn, indices, rng.standard_normal((vocab, dim)), atol)
    return True


def _check_embedding_case(case, fn, indices, weight, atol):
    one_hot, expected = numpy.eye(len(weight))[indices], _lookup(indices, weight)
    given = (one_hot.copy(), weight.copy())
    result = _call(case, fn, given, _EMBEDDING_HINT, _EMBEDDING_HINT)
    _unchanged(case, (one_hot, weight), given, ("one_hot", "W"))
    yours = _output(case, result, "embedded")
    mistakes = [
        ("you multiplied by W.T: W is (V, d), so one_hot @ W", lambda: (one_hot @ weight.T,)),
        ("the result is transposed: it must be (n, d)", lambda: (expected.T,)),
        ("the result is transposed: it must be (n, d)", lambda: ((one_hot @ weight.T).T,)),
    ]
    reference = "W[indices] (rnnkit's embedding)"
    _compare(case, "embedded", yours, expected, reference, atol, _EMBEDDING_HINT, mistakes)


# --- one step of a recurrent cell --------------------------------------------------------------
def _kernel(step, x, state, w_ih, w_hh, b_ih, b_hh, **options):
    """rnnkit's step on NumPy arrays, in float64 without a graph: its outputs as a tuple."""
    state = tuple(map(_float64, state)) if isinstance(state, tuple) else _float64(state)
    weights = map(_float64, (w_ih, w_hh, b_ih, b_hh))
    with no_grad():
        out = step(_float64(x), state, *weights, **options)
    return tuple(o.numpy() for o in out) if isinstance(out, tuple) else (out.numpy(),)


def _step_inputs(rng, batch, n_x, n_a, gates, lstm):
    """x, the state, w_ih, w_hh, b_ih, b_hh; weights scaled so that no gate saturates."""
    scale = 1 / numpy.sqrt(n_x + n_a)
    x, a = rng.standard_normal((batch, n_x)), rng.standard_normal((batch, n_a))
    state = (a, rng.standard_normal((batch, n_a))) if lstm else a
    w_ih = scale * rng.standard_normal((gates * n_a, n_x))
    w_hh = scale * rng.standard_normal((gates * n_a, n_a))
    b_ih, b_hh = 0.5 * rng.standard_normal(gates * n_a), 0.5 * rng.standard_normal(gates * n_a)
    return x, state, w_ih, w_hh, b_ih, b_hh


def _blocks(array, order, n_a):
    return numpy.concatenate([array[k * n_a : (k + 1) * n_a] for k in order])


def _negated(array, block, n_a):
    out = array.copy()
    out[block * n_a : (block + 1) * n_a] *= -1
    return out


def _bias_mistakes(step, inputs, **options):
    x, state, w_ih, w_hh, b_ih, b_hh = inputs
    return [
        (
            "you left out the biases: add both b_ih and b_hh",
            lambda: _kernel(step, x, state, w_ih, w_hh, None, None, **options),
        ),
        (
            "you added b_ih but not b_hh: rnnkit (as PyTorch) has two biases and adds both",
            lambda: _kernel(step, x, state, w_ih, w_hh, b_ih, None, **options),
        ),
        (
            "you added b_hh but not b_ih: rnnkit (as PyTorch) has two biases and adds both",
            lambda: _kernel(step, x, state, w_ih, w_hh, None, b_hh, **options),
        ),
    ]


def _order_mistakes(step, inputs, n_a, names, **options):
    """The kernel with the gate blocks of all four weights reordered: what a learner computes
    who reads the blocks in another order."""
    x, state, *weights = inputs
    mistakes = []
    for order in itertools.permutations(range(len(names))):
        if order == tuple(range(len(names))):
            continue
        theirs = [None] * len(names)
        for k, source in enumerate(order):
            theirs[source] = names[k]  # the learner takes gate names[k] from block `source`
        description = (
            f"your gates read the blocks in the order {'|'.join(theirs)}; rnnkit's order is "
            f"{'|'.join(names)} (block k is rows k*n_a:(k+1)*n_a of w_ih, w_hh, b_ih and b_hh)"
        )
        reordered = [_blocks(w, order, n_a) for w in weights]
        mistakes.append((description, lambda r=reordered: _kernel(step, x, state, *r, **options)))
    return mistakes


def _sigmoid(z):
    return 1 / (1 + numpy.exp(-z))


def _pre(inputs):
    """x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh (the learner's mistakes, worked out)."""
    x, state, w_ih, w_hh, b_ih, b_hh = inputs
    a = state[0] if isinstance(state, tuple) else state
    return x @ w_ih.T + b_ih + a @ w_hh.T + b_hh


def _check_step(checker, fn, step, gates, outputs, trials, seed, atol, hint, mistakes):
    """The driver of the four step checkers: compare fn with rnnkit's step on every trial."""
    _needs_function(checker, fn)
    lstm = len(outputs) == 2
    names = ("x", ("a_prev", "c_prev") if lstm else "a_prev", "w_ih", "w_hh", "b_ih", "b_hh")
    rows = "n_a" if gates == 1 else f"{gates}*n_a"
    shape_hint = (
        "a shape mismatch, most often a weight multiplied as stored instead of transposed: "
        f"w_ih is ({rows}, n_x), so x @ w_ih.T; w_hh is ({rows}, n_a), so a_prev @ w_hh.T"
        + ("" if gates == 1 else "; each gate block is n_a rows")
        + f". In full: {hint}"
    )
    reference = f"rnnkit.nn.cells.{step.__name__}"
    for trial, rng, (batch, n_x, n_a) in _trials(trials, seed, _STEP_SIZES):
        case = _case(checker, trial, trials, seed, f"B={batch}, n_x={n_x}, n_a={n_a}")
        inputs = _step_inputs(rng, batch, n_x, n_a, gates, lstm)
        expected = _kernel(step, *inputs)
        given = _copy(inputs)
        result = _call(case, fn, given, hint, shape_hint)
        _unchanged(case, inputs, given, names)
        if lstm:
            if not isinstance(result, (tuple, list)) or len(result) != 2:
                case.fail(
                    f"your function returned {type(result).__name__}, not the pair "
                    "(a_next, c_next)",
                    "return a_next, c_next",
                )
        else:
            result = (result,)
        for k, name in enumerate(outputs):
            yours = _output(case, result[k], name)
            found = lambda i=inputs, n=n_a: mistakes(i, n)  # noqa: E731
            _compare(case, name, yours, expected[k], reference, atol, hint, found, k)
    return True


_RNN_HINT = (
    "a_next = tanh(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh): tanh (not sigmoid), both "
    "biases, and each weight multiplied transposed (w_ih is (n_a, n_x))"
)


def check_rnn_step(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(x, a_prev, w_ih, w_hh, b_ih, b_hh) -> a_next, one step of the basic RNN,
    against `rnnkit.nn.cells.rnn_step` (with tanh).

    Shapes: `x (B, n_x)`, `a_prev (B, n_a)`; `w_ih (n_a, n_x)`, `w_hh (n_a, n_a)`,
    `b_ih (n_a,)`, `b_hh (n_a,)`, PyTorch's layout: the lecture's W_ax is `w_ih`, W_aa is
    `w_hh`, and b is `b_ih + b_hh`. The result, `(B, n_a)`:

        a_next = tanh(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh)
    """
    step = cells.rnn_step

    def mistakes(inputs, n_a):
        x, a, w_ih, w_hh, b_ih, b_hh = inputs
        return [
            ("you used sigmoid where rnnkit uses tanh", lambda: (_sigmoid(_pre(inputs)),)),
            (
                "you used relu where rnnkit uses tanh",
                lambda: _kernel(step, *inputs, nonlinearity="relu"),
            ),
            ("you left out the tanh: a_next = tanh(...)", lambda: (_pre(inputs),)),
            *_bias_mistakes(step, inputs),
            (
                "you multiplied the weights as stored: w_ih is (n_a, n_x), so x @ w_ih.T "
                "(and a_prev @ w_hh.T)",
                lambda: _kernel(step, x, a, w_ih.T, w_hh.T, b_ih, b_hh),
            ),
            (
                "you multiplied w_hh as stored: a_prev @ w_hh.T",
                lambda: _kernel(step, x, a, w_ih, w_hh.T, b_ih, b_hh),
            ),
            (
                "you swapped the two weights: x goes with w_ih, a_prev with w_hh",
                lambda: _kernel(step, x, a, w_hh, w_ih, b_ih, b_hh),
            ),
        ]

    return _check_step(
        "check_rnn_step", fn, step, 1, ("a_next",), trials, seed, atol, _RNN_HINT, mistakes
    )


_SGRU_HINT = (
    "the blocks are u|c (rows 0:n_a the update gate, n_a:2*n_a the candidate) of w_ih, w_hh, "
    "b_ih and b_hh; with pre_k = x @ W_ik.T + b_ik + a_prev @ W_hk.T + b_hk: "
    "G_u = sigmoid(pre_u), a~ = tanh(pre_c), a_next = G_u * a~ + (1 - G_u) * a_prev"
)


def check_simplified_gru_step(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(x, a_prev, w_ih, w_hh, b_ih, b_hh) -> a_next, one step of the lecture's GRU
    with the update gate only, against `rnnkit.nn.cells.simplified_gru_step`.

    Shapes: `x (B, n_x)`, `a_prev (B, n_a)`; `w_ih (2*n_a, n_x)`, `w_hh (2*n_a, n_a)`,
    `b_ih` and `b_hh (2*n_a,)`, in blocks u|c: rows `0:n_a` give the update gate G_u, rows
    `n_a:2*n_a` the candidate a~. With `pre_k = x @ W_ik.T + b_ik + a_prev @ W_hk.T + b_hk`
    for k = u, c:

        G_u = sigmoid(pre_u)
        a~ = tanh(pre_c)
        a_next = G_u * a~ + (1 - G_u) * a_prev
    """
    step = cells.simplified_gru_step

    def mistakes(inputs, n_a):
        x, a, w_ih, w_hh, b_ih, b_hh = inputs

        def sigmoid_candidate():
            pre = _pre(inputs)
            gate = _sigmoid(pre[:, :n_a])
            return (gate * _sigmoid(pre[:, n_a:]) + (1 - gate) * a,)

        flipped = [_negated(w, 0, n_a) for w in (w_ih, w_hh, b_ih, b_hh)]
        return [
            *_order_mistakes(step, inputs, n_a, ("u", "c")),
            (
                "you weighted the candidate by (1 - G_u): a_next = G_u * a~ + (1 - G_u) * a_prev",
                lambda: _kernel(step, x, a, *flipped),
            ),
            ("the candidate a~ takes tanh, not sigmoid", sigmoid_candidate),
            *_bias_mistakes(step, inputs),
        ]

    return _check_step(
        "check_simplified_gru_step",
        fn,
        step,
        2,
        ("a_next",),
        trials,
        seed,
        atol,
        _SGRU_HINT,
        mistakes,
    )


_GRU_HINT = (
    "the blocks are r|z|n of w_ih, w_hh, b_ih and b_hh; r = sigmoid(x @ W_ir.T + b_ir + "
    "a_prev @ W_hr.T + b_hr), z likewise, n = tanh(x @ W_in.T + b_in + r * (a_prev @ W_hn.T "
    "+ b_hn)), a_next = (1 - z) * n + z * a_prev"
)


def check_gru_step(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(x, a_prev, w_ih, w_hh, b_ih, b_hh) -> a_next, one step of the full GRU,
    against `rnnkit.nn.cells.gru_step` with its default `reset_after=True` (PyTorch's GRU).

    Shapes: `x (B, n_x)`, `a_prev (B, n_a)`; `w_ih (3*n_a, n_x)`, `w_hh (3*n_a, n_a)`,
    `b_ih` and `b_hh (3*n_a,)`, in blocks r|z|n (reset gate, update gate, candidate), rows
    `0:n_a`, `n_a:2*n_a` and `2*n_a:3*n_a`:

        r = sigmoid(x @ W_ir.T + b_ir + a_prev @ W_hr.T + b_hr)
        z = sigmoid(x @ W_iz.T + b_iz + a_prev @ W_hz.T + b_hz)
        n = tanh(x @ W_in.T + b_in + r * (a_prev @ W_hn.T + b_hn))   # r after the product
        a_next = (1 - z) * n + z * a_prev

    Two conventions differ from the lecture's: r multiplies `a_prev @ W_hn.T + b_hn`, after
    the product (the paper puts it before: `(r * a_prev) @ W_hn.T`), and z keeps the old state
    (the lecture's G_u is `1 - z`).
    """
    step = cells.gru_step

    def mistakes(inputs, n_a):
        x, a, *weights = inputs
        flipped = [_negated(w, 1, n_a) for w in weights]
        return [
            *_order_mistakes(step, inputs, n_a, ("r", "z", "n")),
            (
                "you used the lecture's update gate (a_next = z * n + (1 - z) * a_prev); in "
                "rnnkit's GRU, as in PyTorch's, z keeps the old state: (1 - z) * n + z * a_prev",
                lambda: _kernel(step, x, a, *flipped),
            ),
            (
                "you applied r before the product, (r * a_prev) @ W_hn.T (the paper's GRU); "
                "rnnkit's default (reset_after, PyTorch's) is r * (a_prev @ W_hn.T + b_hn)",
                lambda: _kernel(step, *inputs, reset_after=False),
            ),
            (
                "two conventions differ: z keeps the old state (a_next = (1 - z) * n + z * "
                "a_prev), and r multiplies after the product: r * (a_prev @ W_hn.T + b_hn)",
                lambda: _kernel(step, x, a, *flipped, reset_after=False),
            ),
            *_bias_mistakes(step, inputs),
        ]

    return _check_step(
        "check_gru_step", fn, step, 3, ("a_next",), trials, seed, atol, _GRU_HINT, mistakes
    )


_LSTM_HINT = (
    "the blocks are i|f|g|o of w_ih, w_hh, b_ih and b_hh; i, f, o = sigmoid(pre), g = "
    "tanh(pre_g), c_next = f * c_prev + i * g, a_next = o * tanh(c_next); take the state as "
    "a_prev, c_prev = state and return a_next, c_next"
)


def check_lstm_step(fn, trials=5, seed=0, atol=1e-8):
    """Check fn(x, (a_prev, c_prev), w_ih, w_hh, b_ih, b_hh) -> (a_next, c_next), one LSTM
    step, against `rnnkit.nn.cells.lstm_step`.

    Shapes: `x (B, n_x)`; the state is the pair `(a_prev, c_prev)`, each `(B, n_a)`
    (PyTorch's `(h, c)`); `w_ih (4*n_a, n_x)`, `w_hh (4*n_a, n_a)`, `b_ih` and `b_hh (4*n_a,)`,
    in the gate order i|f|g|o (input gate, forget gate, candidate, output gate: rows `0:n_a`,
    `n_a:2*n_a`, `2*n_a:3*n_a`, `3*n_a:4*n_a`). With
    `pre_k = x @ W_ik.T + b_ik + a_prev @ W_hk.T + b_hk`:

        i, f, o = sigmoid(pre_i), sigmoid(pre_f), sigmoid(pre_o)
        g = tanh(pre_g)
        c_next = f * c_prev + i * g
        a_next = o * tanh(c_next)

    Returns the pair `(a_next, c_next)`.
    """
    step = cells.lstm_step

    def mistakes(inputs, n_a):
        x, (a, c), *weights = inputs

        def gates():
            pre = _pre(inputs)
            i, f, g, o = (pre[:, k * n_a : (k + 1) * n_a] for k in range(4))
            return _sigmoid(i), _sigmoid(f), g, _sigmoid(o)

        def without_tanh():
            i, f, g, o = gates()
            c_next = f * c + i * numpy.tanh(g)
            return o * c_next, c_next

        def sigmoid_candidate():
            i, f, g, o = gates()
            c_next = f * c + i * _sigmoid(g)
            return o * numpy.tanh(c_next), c_next

        return [
            *_order_mistakes(step, inputs, n_a, ("i", "f", "g", "o")),
            ("a_next = o * tanh(c_next): the tanh of the new cell is missing", without_tanh),
            ("the candidate g takes tanh, not sigmoid", sigmoid_candidate),
            (
                "you returned (c_next, a_next): return the pair a_next, c_next",
                lambda: _kernel(step, *inputs)[::-1],
            ),
            (
                "you read the state as (c_prev, a_prev): it is the pair (a_prev, c_prev)",
                lambda: _kernel(step, x, (c, a), *weights),
            ),
            *_bias_mistakes(step, inputs),
        ]

    return _check_step(
        "check_lstm_step",
        fn,
        step,
        4,
        ("a_next", "c_next"),
        trials,
        seed,
        atol,
        _LSTM_HINT,
        mistakes,
    )


# --- a numerical gradient ----------------------------------------------------------------------
def _tanh_layer(rng):
    n, m = int(rng.integers(2, 6)), int(rng.integers(2, 5))
    weight = Tensor(rng.standard_normal((m, n)) / numpy.sqrt(n))
    return (
        "f(x) = sum(tanh(W @ x))",
        rng.standard_normal(n),
        lambda x: F.tanh(F.matmul(weight, x)).sum(),
    )


def _rnn_loss(rng):
    steps, batch, n_x, n_a, classes = 3, 2, 3, int(rng.integers(2, 4)), 3
    xs = Tensor(rng.standard_normal((steps, batch, n_x)))
    w_ih = Tensor(rng.standard_normal((n_a, n_x)) / numpy.sqrt(n_x))
    b_ih, b_hh = Tensor(0.1 * rng.standard_normal(n_a)), Tensor(0.1 * rng.standard_normal(n_a))
    w_out = Tensor(rng.standard_normal((classes, n_a)))
    targets = rng.integers(0, classes, batch)

    def loss(w_hh):
        a = Tensor(numpy.zeros((batch, n_a)))
        for t in range(steps):
            a = cells.rnn_step(xs[t], a, w_ih, w_hh, b_ih, b_hh)
        return cross_entropy(F.matmul(a, w_out.T), targets)

    start = rng.standard_normal((n_a, n_a)) / numpy.sqrt(n_a)
    return f"f(x) = the cross-entropy of a {steps}-step RNN whose w_hh is x", start, loss


def _softmax_loss(rng):
    batch, classes = int(rng.integers(1, 4)), int(rng.integers(2, 6))
    targets = rng.integers(0, classes, batch)
    start = rng.standard_normal((batch, classes))
    return (
        "f(x) = the softmax cross-entropy of the logits x",
        start,
        lambda x: cross_entropy(x, targets),
    )


_GRADIENT_PROBLEMS = (_tanh_layer, _rnn_loss, _softmax_loss)

_GRADIENT_HINT = (
    "for every element x[i] (numpy.ndindex(x.shape) reaches each one of an n-D x): keep x[i], "
    "set x[i] + eps and x[i] - eps in turn, grad[i] = (f(x_plus) - f(x_minus)) / (2 * eps), "
    "then restore x[i]; return an array of x's shape"
)


def check_gradient(fn, trials=5, seed=0, atol=1e-8, rtol=1e-6, eps=1e-5):
    """Check fn(f, x, eps) -> the numerical gradient df/dx, an array of x's shape.

    `f` takes a float64 array of x's shape and returns a Python float; `x` is a float64 array
    (1-D or 2-D), which `fn` may perturb in place but must leave as it found it. The result is
    compared, to `rtol` relative (plus `atol`), with the analytic gradient that rnnkit's
    `Tensor.backward()` computes, for a few functions: `sum(tanh(W @ x))`, the cross-entropy
    of a small RNN as a function of its recurrent weights, and a softmax cross-entropy. A
    central difference with the given eps, `(f(x + eps) - f(x - eps)) / (2 * eps)`, passes; a
    one-sided one, `(f(x + eps) - f(x)) / eps`, has an error of order eps and does not.
    """
    checker = "check_gradient"
    _needs_function(checker, fn)
    for trial, rng, problem in _trials(trials, seed, _GRADIENT_PROBLEMS):
        title, start, build = problem(rng)
        details = f"{title}, x of shape {start.shape}, eps={eps:g}"
        case = _case(checker, trial, trials, seed, details)
        _check_gradient_case(case, fn, start, build, atol, rtol, eps)
    return True


def _check_gradient_case(case, fn, start, build, atol, rtol, eps):
    seen = []  # every x that f was called with

    def f(x):
        x = numpy.array(x, dtype=numpy.float64)
        if x.shape != start.shape:
            raise ValueError(f"f expects an array of shape {start.shape} (x's), got {x.shape}")
        seen.append(x)
        with no_grad():
            return float(build(Tensor(x.copy())).item())

    leaf = Tensor(start.copy(), requires_grad=True)
    build(leaf).backward()
    expected = leaf.grad
    given = start.copy()
    result = _call(case, fn, (f, given, eps), _GRADIENT_HINT)
    if not numpy.allclose(given, start, rtol=1e-12, atol=1e-12):
        case.fail(
            "your function left x changed",
            "restore each element after perturbing it (keep the original value, and put it "
            "back), or perturb a copy of x",
        )
    yours = _output(case, result, "the gradient")
    if yours.shape != expected.shape:
        case.fail(
            f"the gradient has shape {yours.shape}, expected x's shape {expected.shape}",
            _GRADIENT_HINT,
        )
    yours = yours.astype(numpy.float64)
    diff = numpy.abs(yours - expected)
    allowed = atol + rtol * numpy.abs(expected)
    if numpy.all(diff <= allowed):
        return
    worst = numpy.unravel_index(
        numpy.argmax(numpy.where(numpy.isnan(diff), numpy.inf, diff / allowed)), diff.shape
    )
    relative = diff[worst] / max(abs(expected[worst]), 1e-300)
    problem = (
        f"df/dx differs from rnnkit's backward() by up to {numpy.nanmax(diff):.3g} (absolute); "
        f"at x{_at(worst)}: yours {yours[worst]:.10g}, expected {expected[worst]:.10g} "
        f"(relative difference {relative:.2g}, allowed {rtol:g} + atol {atol:g})"
    )
    case.fail(problem, _gradient_mistakes(yours, expected, start, seen, eps) or _GRADIENT_HINT)


def _gradient_mistakes(yours, expected, start, seen, eps):
    """What the learner's numerical gradient did wrong, read from its output and from the
    points at which it called f."""
    if not seen:
        return "your function never called f: the gradient must come from values of f"
    close = lambda a, b: numpy.allclose(a, b, rtol=1e-3, atol=1e-6)  # noqa: E731
    if close(yours, -expected):
        return "your gradient has the wrong sign: (f(x + eps) - f(x - eps)) / (2 * eps)"
    if close(yours, 2 * expected):
        return "your gradient is twice too large: the central difference divides by 2 * eps"
    if close(yours, expected / 2):
        return (
            "your gradient is half the right one: a central difference (f(x + eps) - f(x - eps)) "
            "divides by 2 * eps, not 4 * eps, and a one-sided one by eps"
        )
    deltas = [x - start for x in seen]
    if any(numpy.count_nonzero(numpy.abs(d) > 1e-3 * eps) > 1 for d in deltas):
        return (
            "your function changed several elements of x at once (x[i] of a 2-D x is a whole "
            "row): perturb one element at a time (numpy.ndindex(x.shape) gives every index)"
        )
    steps = numpy.concatenate([d[numpy.abs(d) > 1e-3 * eps] for d in deltas])
    found = []
    if steps.size and not numpy.all((numpy.abs(steps) > eps / 2) & (numpy.abs(steps) < 2 * eps)):
        found.append(
            f"your function moved x by up to {numpy.max(numpy.abs(steps)):.3g}, not by the "
            f"eps={eps:g} it was given: use eps (the error grows with the step)"
        )
    if steps.size and (numpy.all(steps > 0) or numpy.all(steps < 0)):
        found.append(
            "your difference is one-sided, (f(x + eps) - f(x)) / eps, whose error is of order "
            "eps; use the central difference (f(x + eps) - f(x - eps)) / (2 * eps), whose "
            "error is of order eps**2"
        )
    return ". Also, ".join(found) or None

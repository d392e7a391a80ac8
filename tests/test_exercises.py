"""rnnkit.exercises: every checker passes a correct implementation written here from the
equations in plain NumPy (never by calling rnnkit, or the test could not fail), and fails the
usual wrong ones with one AssertionError whose message names the mistake. The checkers
compare with rnnkit's kernels at call time, so a changed kernel changes their verdict."""

import functools

import numpy as np
import pytest

from rnnkit import exercises as ex
from rnnkit.nn import cells


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def blocks(array, count):
    """The `count` equal column blocks of a (B, count*n) pre-activation."""
    return np.split(array, count, axis=1)


# --- correct implementations, from the equations -----------------------------------------------
def one_hot(indices, vocab_size):
    out = np.zeros((len(indices), vocab_size))
    out[np.arange(len(indices)), indices] = 1
    return out


def embed(one_hot_matrix, w):
    return one_hot_matrix @ w


def rnn_step(x, a_prev, w_ih, w_hh, b_ih, b_hh, act=np.tanh, biases=(True, True), transpose=True):
    w_ih, w_hh = (w_ih.T, w_hh.T) if transpose else (w_ih, w_hh)
    pre = x @ w_ih + a_prev @ w_hh
    pre = pre + (b_ih if biases[0] else 0) + (b_hh if biases[1] else 0)
    return act(pre)


def sgru_step(x, a_prev, w_ih, w_hh, b_ih, b_hh, order="uc", flip=False, cand=np.tanh):
    pre = dict(zip(order, blocks(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh, 2)))
    gate_u, candidate = sigmoid(pre["u"]), cand(pre["c"])
    if flip:
        return (1 - gate_u) * candidate + gate_u * a_prev
    return gate_u * candidate + (1 - gate_u) * a_prev


def gru_step(x, a_prev, w_ih, w_hh, b_ih, b_hh, order="rzn", lecture_z=False, reset_after=True):
    gi = dict(zip(order, blocks(x @ w_ih.T + b_ih, 3)))
    w = dict(zip(order, np.split(w_hh, 3)))
    b = dict(zip(order, np.split(b_hh, 3)))
    r = sigmoid(gi["r"] + a_prev @ w["r"].T + b["r"])
    z = sigmoid(gi["z"] + a_prev @ w["z"].T + b["z"])
    if reset_after:
        n = np.tanh(gi["n"] + r * (a_prev @ w["n"].T + b["n"]))
    else:
        n = np.tanh(gi["n"] + (r * a_prev) @ w["n"].T + b["n"])
    return z * n + (1 - z) * a_prev if lecture_z else (1 - z) * n + z * a_prev


def lstm_step(x, state, w_ih, w_hh, b_ih, b_hh, order="ifgo", cell_tanh=True, biases=True):
    a_prev, c_prev = state
    pre = x @ w_ih.T + a_prev @ w_hh.T + ((b_ih + b_hh) if biases else 0)
    p = dict(zip(order, blocks(pre, 4)))
    i, f, g, o = sigmoid(p["i"]), sigmoid(p["f"]), np.tanh(p["g"]), sigmoid(p["o"])
    c_next = f * c_prev + i * g
    return o * (np.tanh(c_next) if cell_tanh else c_next), c_next


def central_difference(f, x, eps):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        kept = x[index]
        x[index] = kept + eps
        plus = f(x)
        x[index] = kept - eps
        minus = f(x)
        x[index] = kept
        grad[index] = (plus - minus) / (2 * eps)
    return grad


# --- wrong implementations ---------------------------------------------------------------------
def one_hot_whole_columns(indices, vocab_size):
    out = np.zeros((len(indices), vocab_size))
    out[:, indices] = 1
    return out


def one_hot_one_based(indices, vocab_size):
    out = np.zeros((len(indices), vocab_size))
    out[np.arange(len(indices)), indices - 1] = 1
    return out


def rnn_in_place(x, a_prev, w_ih, w_hh, b_ih, b_hh):
    a_prev *= 1.0
    a_prev += 0.0
    a_prev[:] = np.tanh(x @ w_ih.T + b_ih + a_prev @ w_hh.T + b_hh)
    return a_prev


def one_sided(f, x, eps):
    grad, base = np.zeros_like(x), f(x)
    for index in np.ndindex(x.shape):
        kept = x[index]
        x[index] = kept + eps
        grad[index] = (f(x) - base) / eps
        x[index] = kept
    return grad


def central_without_restoring(f, x, eps):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += eps
        plus = f(x)
        x[index] -= 2 * eps
        grad[index] = (plus - f(x)) / (2 * eps)
    return grad


def central_by_rows(f, x, eps):  # x[i] of a 2-D x is a row: all its elements move at once
    grad = np.zeros_like(x)
    for i in range(len(x)):
        kept = x[i].copy()
        x[i] = kept + eps
        plus = f(x)
        x[i] = kept - eps
        minus = f(x)
        x[i] = kept
        grad[i] = (plus - minus) / (2 * eps)
    return grad


P = functools.partial
CORRECT = [
    (ex.check_one_hot, one_hot),
    (ex.check_embedding, embed),
    (ex.check_rnn_step, rnn_step),
    (ex.check_simplified_gru_step, sgru_step),
    (ex.check_gru_step, gru_step),
    (ex.check_lstm_step, lstm_step),
    (ex.check_gradient, central_difference),
]

WRONG = {
    "one-hot transposed": (
        ex.check_one_hot,
        lambda i, v: one_hot(i, v).T,
        r"one_hot has shape \(5, 4\), expected \(4, 5\)\nHint: it looks transposed",
    ),
    "one-hot of integers": (
        ex.check_one_hot,
        lambda i, v: one_hot(i, v).astype(np.int64),
        r"dtype int64, expected a floating dtype",
    ),
    "one-hot whole columns": (
        ex.check_one_hot,
        one_hot_whole_columns,
        r"exactly one 1, but some hold several: `out\[:, indices\] = 1` sets whole columns",
    ),
    "one-hot one-based": (ex.check_one_hot, one_hot_one_based, r"one column off: .*0-based"),
    "one-hot of no indices": (
        ex.check_one_hot,
        lambda i, v: np.stack([np.eye(v)[k] for k in i]),
        r"on the empty index array .*\nyour function raised ValueError: need at least one array",
    ),
    "embedding transposed": (
        ex.check_embedding,
        lambda oh, w: (oh @ w).T,
        r"embedded has shape \(3, 4\), expected \(4, 3\)\nHint: it looks transposed",
    ),
    "embedding times W.T": (
        ex.check_embedding,
        lambda oh, w: oh @ w.T,
        r"raised ValueError: matmul.*\nHint: .*multiply W as it is \(no \.T\)",
    ),
    "embedding argmax over the wrong axis": (
        ex.check_embedding,
        lambda oh, w: w[oh.argmax(axis=0)],
        r"embedded has shape \(6, 3\), expected \(4, 3\)",
    ),
    "rnn sigmoid": (ex.check_rnn_step, P(rnn_step, act=sigmoid), "sigmoid where rnnkit uses tanh"),
    "rnn relu": (
        ex.check_rnn_step,
        P(rnn_step, act=lambda z: np.maximum(z, 0)),
        "relu where rnnkit uses tanh",
    ),
    "rnn without b_hh": (
        ex.check_rnn_step,
        P(rnn_step, biases=(True, False)),
        "you added b_ih but not b_hh",
    ),
    "rnn without biases": (
        ex.check_rnn_step,
        P(rnn_step, biases=(False, False)),
        "you left out the biases",
    ),
    "rnn untransposed weights": (
        ex.check_rnn_step,
        P(rnn_step, transpose=False),
        r"raised ValueError.*\nHint: a shape mismatch, .*so x @ w_ih\.T",
    ),
    "rnn changes a_prev": (ex.check_rnn_step, rnn_in_place, "changed its argument a_prev in place"),
    "sgru flipped gate": (
        ex.check_simplified_gru_step,
        P(sgru_step, flip=True),
        r"weighted the candidate by \(1 - G_u\)",
    ),
    "sgru swapped blocks": (
        ex.check_simplified_gru_step,
        P(sgru_step, order="cu"),
        r"order c\|u; rnnkit's order is u\|c",
    ),
    "sgru sigmoid candidate": (
        ex.check_simplified_gru_step,
        P(sgru_step, cand=sigmoid),
        "takes tanh, not sigmoid",
    ),
    "gru reset before": (
        ex.check_gru_step,
        P(gru_step, reset_after=False),
        r"you applied r before the product.*reset_after",
    ),
    "gru lecture's z": (
        ex.check_gru_step,
        P(gru_step, lecture_z=True),
        "lecture's update gate .* z keeps the old state",
    ),
    "gru swapped r and z": (
        ex.check_gru_step,
        P(gru_step, order="zrn"),
        r"order z\|r\|n; rnnkit's order is r\|z\|n",
    ),
    "lstm gates i|f|o|g": (
        ex.check_lstm_step,
        P(lstm_step, order="ifog"),
        r"order i\|f\|o\|g; rnnkit's order is i\|f\|g\|o",
    ),
    "lstm gates as TensorFlow's i|g|f|o": (
        ex.check_lstm_step,
        P(lstm_step, order="igfo"),
        r"order i\|g\|f\|o",
    ),
    "lstm without tanh of the cell": (
        ex.check_lstm_step,
        P(lstm_step, cell_tanh=False),
        "tanh of the new cell is missing",
    ),
    "lstm without biases": (ex.check_lstm_step, P(lstm_step, biases=False), "left out the biases"),
    "lstm returns (c, a)": (
        ex.check_lstm_step,
        lambda *args: lstm_step(*args)[::-1],
        r"you returned \(c_next, a_next\)",
    ),
    "lstm reads the state as (c, a)": (
        ex.check_lstm_step,
        lambda x, s, *w: lstm_step(x, s[::-1], *w),
        r"read the state as \(c_prev, a_prev\)",
    ),
    "lstm returns a alone": (
        ex.check_lstm_step,
        lambda *args: lstm_step(*args)[0],
        r"returned ndarray, not the pair \(a_next, c_next\)",
    ),
    "gradient one-sided": (ex.check_gradient, one_sided, "one-sided"),
    "gradient one-sided with a large eps": (
        ex.check_gradient,
        lambda f, x, eps: one_sided(f, x, 1e-3),
        r"moved x by up to 0\.001, not by the eps=1e-05.*one-sided",
    ),
    "gradient central with a large eps": (
        ex.check_gradient,
        lambda f, x, eps: central_difference(f, x, 1e-2),
        r"moved x by up to 0\.01, not by the eps=1e-05",
    ),
    "gradient divided by eps": (
        ex.check_gradient,
        lambda f, x, eps: 2 * central_difference(f, x, eps),
        r"twice too large: the central difference divides by 2 \* eps",
    ),
    "gradient leaves x changed": (ex.check_gradient, central_without_restoring, "left x changed"),
    "gradient by rows": (ex.check_gradient, central_by_rows, "several elements of x at once"),
}


@pytest.mark.parametrize("check, fn", CORRECT, ids=lambda v: getattr(v, "__name__", ""))
def test_a_correct_implementation_passes(check, fn):
    assert check(fn) is True
    assert check(fn, trials=11, seed=123) is True  # every size in turn, batches of 1 among them


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_wrong_implementation_fails_with_a_message_naming_the_mistake(name):
    check, fn, expected = WRONG[name]
    with pytest.raises(AssertionError, match=expected) as failure:
        check(fn)
    message = str(failure.value)
    assert message.startswith(f"{check.__name__} failed on ")
    assert "\nHint: " in message


def test_the_message_names_the_trial_its_seed_sizes_output_and_largest_difference():
    with pytest.raises(AssertionError) as failure:
        ex.check_rnn_step(P(rnn_step, act=sigmoid), seed=3)
    first, problem, hint = str(failure.value).split("\n")
    assert first == (
        "check_rnn_step failed on trial 1 of 5 "
        "(inputs from numpy.random.default_rng(3); B=1, n_x=3, n_a=4):"
    )
    assert problem.startswith("a_next differs from rnnkit.nn.cells.rnn_step by up to ")
    assert "(atol 1e-08), at a_next[0, " in problem and "yours " in problem
    assert hint == "Hint: you used sigmoid where rnnkit uses tanh"


def test_a_mistake_it_does_not_know_gets_the_equations_as_its_hint():
    with pytest.raises(AssertionError, match=r"Hint: a_next = tanh\(x @ w_ih\.T \+ b_ih"):
        ex.check_rnn_step(lambda *args: 0.5 * rnn_step(*args))
    with pytest.raises(AssertionError, match=r"c_next = f \* c_prev \+ i \* g"):
        ex.check_lstm_step(lambda *args: tuple(0.9 * v for v in lstm_step(*args)))


def test_the_lstm_names_the_output_that_differs():
    def wrong_cell(*args):  # a_next right, c_next off
        a_next, c_next = lstm_step(*args)
        return a_next, c_next + 1e-3

    with pytest.raises(AssertionError, match=r"\nc_next differs .* by up to 0\.001"):
        ex.check_lstm_step(wrong_cell)


def test_float32_results_are_told_to_use_float64():
    with pytest.raises(AssertionError, match="a_next is float32: compute in float64"):
        ex.check_rnn_step(lambda *args: rnn_step(*(a.astype(np.float32) for a in args)))


def test_a_function_that_raises_is_reported_with_its_error_as_the_cause():
    with pytest.raises(AssertionError, match="your function raised ZeroDivisionError") as failure:
        ex.check_gru_step(lambda *args: 1 / 0)
    assert isinstance(failure.value.__cause__, ZeroDivisionError)


def test_returning_nothing_says_so():
    with pytest.raises(AssertionError, match="returned None instead of a_next"):
        ex.check_simplified_gru_step(lambda *args: None)


def test_the_checkers_refuse_bad_arguments():
    with pytest.raises(ValueError, match="trials"):
        ex.check_one_hot(one_hot, trials=0)
    with pytest.raises(TypeError, match="takes your function"):
        ex.check_lstm_step("lstm_step")


def test_a_checker_follows_the_library_kernel_not_a_stored_answer(monkeypatch):
    """Change rnnkit's GRU to the paper's (reset before) and the verdicts change with it."""
    kernel = cells.gru_step

    def gru_step_reset_before(*args, **options):
        return kernel(*args, **{**options, "reset_after": False})

    monkeypatch.setattr(cells, "gru_step", gru_step_reset_before)
    assert ex.check_gru_step(P(gru_step, reset_after=False))
    with pytest.raises(AssertionError):
        ex.check_gru_step(gru_step)

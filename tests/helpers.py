"""Shared helpers of the test suite: conversions, relative error, and running the same
computation in rnnkit and in PyTorch (the oracle) with one random cotangent."""

import numpy as np
import torch

import rnnkit as rk


def to_numpy(value):
    """A NumPy array from an rnnkit Tensor, a torch tensor or anything array-like."""
    if isinstance(value, rk.Tensor):
        return value.numpy()
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def rel_err(actual, expected):
    """||actual - expected|| / ||expected|| (the absolute difference if expected is zero)."""
    actual, expected = to_numpy(actual), to_numpy(expected)
    assert actual.shape == expected.shape, f"shape {actual.shape} != {expected.shape}"
    diff = np.linalg.norm((actual - expected).ravel())
    scale = np.linalg.norm(expected.ravel())
    return diff / scale if scale > 0 else diff


def assert_close(actual, expected, tol, what="value"):
    error = rel_err(actual, expected)
    assert error < tol, f"{what}: relative error {error:.3g} >= {tol:g}"


def rk_leaf(array, requires_grad=True):
    return rk.Tensor(np.array(array), requires_grad=requires_grad)


def torch_leaf(array, requires_grad=True):
    return torch.tensor(np.array(array), requires_grad=requires_grad)


def as_list(result):
    return list(result) if isinstance(result, (tuple, list)) else [result]


def weighted_sum(outputs, weights, lib):
    """sum_k sum(outputs[k] * weights[k]): a scalar loss that reaches every output."""
    total = None
    for out, w in zip(outputs, weights):
        w = rk.Tensor(w) if lib == "rk" else torch.tensor(w)
        term = (out * w).sum()
        total = term if total is None else total + term
    return total


def compare_outputs_and_backprop(rk_result, torch_result, tol, seed):
    """Compare every output (values and dtype), then backpropagate the same random weighted
    sum of the outputs on both sides, so that every input gradient can be compared."""
    rk_outs, torch_outs = as_list(rk_result), as_list(torch_result)
    assert len(rk_outs) == len(torch_outs)
    for k, (ours, theirs) in enumerate(zip(rk_outs, torch_outs)):
        assert ours.dtype == to_numpy(theirs).dtype, f"output {k}: dtype {ours.dtype}"
        assert_close(ours, theirs, tol, f"output {k}")
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal(out.shape).astype(out.dtype) for out in rk_outs]
    weighted_sum(rk_outs, weights, "rk").backward()
    weighted_sum(torch_outs, weights, "torch").backward()


def compare_with_torch(rk_fn, torch_fn, arrays, tol=1e-12, seed=0):
    """Run rk_fn and torch_fn on the same float arrays (as differentiable leaves), compare
    every output and, through one random weighted sum of the outputs, every input gradient."""
    rk_inputs = [rk_leaf(a) for a in arrays]
    torch_inputs = [torch_leaf(a) for a in arrays]
    compare_outputs_and_backprop(rk_fn(*rk_inputs), torch_fn(*torch_inputs), tol, seed)
    for k, (ours, theirs) in enumerate(zip(rk_inputs, torch_inputs)):
        expected = torch.zeros_like(theirs) if theirs.grad is None else theirs.grad
        actual = np.zeros(ours.shape) if ours.grad is None else ours.grad
        assert_close(actual, expected, tol, f"gradient of input {k}")


# --- recurrent layers ------------------------------------------------------------------------
def torch_recurrent(module, x, state, lengths, batch_first):
    """Run a torch.nn.RNN/GRU/LSTM; with `lengths`, through a packed sequence as users do.

    Returns (out, h_n) or (out, (h_n, c_n)) with out padded to the full length T."""
    if lengths is None:
        return module(x, state)
    steps = x.shape[1] if batch_first else x.shape[0]
    packed = torch.nn.utils.rnn.pack_padded_sequence(
        x, torch.as_tensor(lengths), batch_first=batch_first, enforce_sorted=False
    )
    out, final = module(packed, state)
    out, _ = torch.nn.utils.rnn.pad_packed_sequence(
        out, batch_first=batch_first, total_length=steps
    )
    return out, final


def flatten_result(result):
    """(out, h_n) or (out, (h_n, c_n)) -> [out, h_n(, c_n)]."""
    out, final = result
    return [out, *final] if isinstance(final, tuple) else [out, final]


def compare_module_with_torch(ours, theirs, run_ours, run_theirs, arrays, tol, seed=0):
    """Like compare_with_torch for modules holding the same weights: also compares the
    gradient of every parameter, by name. run_*(module, *leaves) -> output(s)."""
    names = [name for name, _ in ours.named_parameters()]
    assert names == [name for name, _ in theirs.named_parameters()]
    rk_inputs = [None if a is None else rk_leaf(a) for a in arrays]
    torch_inputs = [None if a is None else torch_leaf(a) for a in arrays]
    compare_outputs_and_backprop(
        run_ours(ours, *rk_inputs), run_theirs(theirs, *torch_inputs), tol, seed
    )
    for k, (mine, reference) in enumerate(zip(rk_inputs, torch_inputs)):
        if mine is not None:
            assert mine.grad is not None and mine.grad.dtype == mine.dtype
            assert_close(mine.grad, reference.grad, tol, f"gradient of input {k}")
    for (name, mine), reference in zip(ours.named_parameters(), theirs.parameters()):
        assert mine.grad is not None and mine.grad.dtype == mine.dtype, name
        assert_close(mine.grad, reference.grad, tol, f"gradient of {name}")


def search_log_probs(output, attentional, at_limit, languages, beam=1):
    """The (B', V) log-probabilities of a search's output layer (output_layer.StepScores), put
    together from its blocks: each block's columns get logits - lse, every other token of
    the row (another language's) -inf."""
    import numpy

    rows_all, vocab = len(attentional), output.weight.shape[0]
    result = numpy.full((rows_all, vocab), -numpy.inf)
    seen = numpy.zeros(rows_all, dtype=int)

    def keep(rows, logits, lse, columns):
        return rows, logits - lse[:, None], columns

    for rows, values, columns in output.scores(attentional, at_limit, languages, beam, then=keep):
        seen[rows] += 1
        for i, row in enumerate(rows):
            if columns is None:
                result[row] = values[i]
            else:  # (a language's padding columns: <pad>, -inf)
                result[row, columns[i]] = numpy.maximum(result[row, columns[i]], values[i])
    assert (seen == 1).all(), "every row in exactly one block"
    return result

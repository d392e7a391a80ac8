"""The fused attention decoder (kernels/decoder.py through translator/model/decoder_node.py) is
exact: against the per-step reference `Decoder.step` through the generic graph, against
finite differences, and against the decoder's equations written independently with PyTorch
ops (float64, relative error < 1e-10); for every cell, attention and input feeding, with
source and target padding, dropout between layers, per-step attention masks (simultaneous
translation) and beams. Every test runs on the numba path and on the pure NumPy path."""

import numpy as np
import pytest
import torch
from helpers import rel_err

import rnnkit as rk
from rnnkit.core.losses import cross_entropy
from rnnkit.kernels import fused
from rnnkit.kernels.decoder import AttentionDecoder, Memory
from rnnkit.nn import Linear
from rnnkit.testing import gradcheck
from rnnkit.translator.model.seq2seq import Decoder, ModelConfig

CELLS = ("rnn", "sgru", "gru", "lstm")
MODES = {"rnn": "rnn_tanh", "sgru": "sgru", "gru": "gru", "lstm": "lstm"}
TORCH_CELLS = {"rnn": torch.nn.RNNCell, "gru": torch.nn.GRUCell, "lstm": torch.nn.LSTMCell}
# Small sizes: T target steps, B sentences, S source positions (lengths differ), E, H, M
# (memory size: a bidirectional encoder's 2 x 3 is not needed, any size works), V words.
T, B, S, E, H, M, V = 4, 3, 5, 3, 4, 6, 7
SOURCE_LENGTHS = (5, 2, 3)
PAD = 0  # target padding: ignore_index of the loss


@pytest.fixture(autouse=True, params=["numba", "numpy"])
def kernel_path(request, monkeypatch):
    """Every test here runs twice: with numba's loops (cells and additive scores) and on the
    pure NumPy path."""
    monkeypatch.setattr(fused, "ENABLED", request.param == "numba")
    return request.param


def assert_rel(actual, expected, tol, what):
    """Relative error below tol, and the expectation not zero (a comparison of two zero
    gradients would pass whatever the kernel did)."""
    expected = np.asarray(expected)
    assert np.linalg.norm(expected) > 0, f"{what}: the reference is zero, nothing is checked"
    error = rel_err(actual, expected)
    assert error < tol, f"{what}: relative error {error:.3g} >= {tol:g}"
    return error


# --- the decoder module and its inputs -------------------------------------------------------
def make_decoder(cell, attention, feeding, layers, dropout, dtype=np.float64, seed=0):
    config = ModelConfig(
        vocab_size=V,
        cell=cell,
        layers=layers,
        embed=E,
        hidden=H,
        attention=attention,
        input_feeding=feeding,
        dropout=dropout,
    )
    rk.manual_seed(seed)
    decoder = Decoder(config, M).to(dtype)
    decoder.train()
    output = Linear(H, V).to(dtype)  # logits of the loss
    return decoder, output


def make_arrays(cell, layers, dtype=np.float64, seed=1):
    """Random inputs: embedded (T, B, E), bridged states per layer, memory (S, B, M) with
    garbage past each source's end (it must get zero weight), targets (T, B) with padding."""
    rng = np.random.default_rng(seed)
    states = [
        tuple(rng.uniform(-1, 1, (B, H)) for _ in range(2 if cell == "lstm" else 1))
        for _ in range(layers)
    ]
    targets = rng.integers(1, V, (T, B))
    targets[3:, 0] = PAD  # sentences of 3, 4 and 2 target words
    targets[2:, 2] = PAD
    return {
        "embedded": rng.standard_normal((T, B, E)).astype(dtype),
        "states": [tuple(s.astype(dtype) for s in layer) for layer in states],
        "memory": rng.standard_normal((S, B, M)).astype(dtype),
        "mask": np.arange(S)[None, :] >= np.array(SOURCE_LENGTHS)[:, None],  # (B, S)
        "targets": targets,
    }


def leaves(arrays):
    """Fresh differentiable leaves of the arrays: embedded, per layer its states, memory."""
    embedded = rk.Tensor(arrays["embedded"].copy(), requires_grad=True)
    states = [
        tuple(rk.Tensor(s.copy(), requires_grad=True) for s in layer) for layer in arrays["states"]
    ]
    memory = rk.Tensor(arrays["memory"].copy(), requires_grad=True)
    return embedded, states, memory


def initial_state(decoder, states, memory, mask):
    hidden = [tuple(layer) for layer in states]
    return decoder.initial_state(hidden, memory, mask)


def run_decoder(decoder, output, arrays, fused_path, dropout_seed=7):
    """One teacher-forced pass and the summed cross-entropy's backward. Returns the loss,
    the attentional vectors, the attention weights and every gradient by name."""
    for param in [*decoder.parameters(), *output.parameters()]:
        param.grad = None
    embedded, states, memory = leaves(arrays)
    state = initial_state(decoder, states, memory, arrays["mask"])
    rk.manual_seed(dropout_seed)  # both paths draw the same dropout masks
    attentional, alpha = decoder.teacher_forced(embedded, state, fused=fused_path)
    logits = output(attentional.reshape(T * B, H)).reshape(T, B, V)
    loss = cross_entropy(logits, arrays["targets"], ignore_index=PAD)
    loss.backward()
    grads = {name: p.grad for name, p in decoder.named_parameters()}
    grads.update({f"output.{name}": p.grad for name, p in output.named_parameters()})
    grads["embedded"] = embedded.grad
    if decoder.attention is None:  # no attention: the memory is not read
        assert memory.grad is None
    else:
        grads["memory"] = memory.grad
    for k, layer in enumerate(states):
        for j, s in enumerate(layer):
            grads[f"state{k}.{j}"] = s.grad
    return float(loss.data), attentional.data, alpha, grads


def compare_paths(decoder, output, arrays, tol):
    """Fused and reference pass on the same inputs and dropout masks: loss, outputs, weights
    and every gradient (parameters, embedded input, bridged states, memory)."""
    loss, out, alpha, grads = run_decoder(decoder, output, arrays, fused_path=True)
    ref_loss, ref_out, ref_alpha, ref_grads = run_decoder(decoder, output, arrays, False)
    errors = {"loss": assert_rel(loss, ref_loss, tol, "loss")}
    assert out.dtype == ref_out.dtype == arrays["embedded"].dtype
    errors["out"] = assert_rel(out, ref_out, tol, "attentional vectors")
    if decoder.attention is None:
        assert alpha is None and ref_alpha is None
    else:
        errors["alpha"] = assert_rel(alpha, ref_alpha, tol, "attention weights")
        padded = np.broadcast_to(arrays["mask"], alpha.shape)
        assert (alpha[padded] == 0).all(), "padded source positions must get weight 0"
        assert np.allclose(alpha.sum(axis=-1), 1)
    assert sorted(grads) == sorted(ref_grads)
    for name, ref in ref_grads.items():
        assert ref is not None and grads[name] is not None, name
        assert grads[name].dtype == ref.dtype == out.dtype, name
        errors[name] = assert_rel(grads[name], ref, tol, f"gradient of {name}")
    if decoder.attention is not None:  # nothing flows into the padded memory positions
        assert (grads["memory"].swapaxes(0, 1)[arrays["mask"]] == 0).all()
    return errors


# --- 1. fused == the per-step reference through the graph -----------------------------------
COMBINATIONS = [
    (cell, attention, feeding)
    for cell in CELLS
    for attention in ("bahdanau", "luong", "none")
    for feeding in ((True, False) if attention != "none" else (False,))
]


@pytest.mark.parametrize("layers, dropout", [(1, 0.0), (2, 0.3)])
@pytest.mark.parametrize("cell, attention, feeding", COMBINATIONS)
def test_fused_decoder_equals_the_per_step_reference(cell, attention, feeding, layers, dropout):
    decoder, output = make_decoder(cell, attention, feeding, layers, dropout)
    compare_paths(decoder, output, make_arrays(cell, layers), tol=1e-10)


@pytest.mark.parametrize("cell", CELLS)
def test_fused_decoder_equals_the_reference_with_three_layers_and_dropout(cell):
    decoder, output = make_decoder(cell, "bahdanau", True, 3, 0.4, seed=3)
    compare_paths(decoder, output, make_arrays(cell, 3, seed=4), tol=1e-10)


def test_dropout_masks_reach_the_fused_path():
    """Dropout on changes the fused output (the masks are applied, not ignored), and the
    same seed gives the same output twice."""
    arrays = make_arrays("lstm", 2)
    decoder, output = make_decoder("lstm", "bahdanau", True, 2, 0.5)
    first = run_decoder(decoder, output, arrays, True, dropout_seed=1)[1]
    again = run_decoder(decoder, output, arrays, True, dropout_seed=1)[1]
    other = run_decoder(decoder, output, arrays, True, dropout_seed=2)[1]
    decoder.eval()
    plain = run_decoder(decoder, output, arrays, True)[1]
    np.testing.assert_array_equal(first, again)
    assert rel_err(first, other) > 1e-3 and rel_err(first, plain) > 1e-3


@pytest.mark.parametrize("cell, attention", [("lstm", "bahdanau"), ("gru", "luong")])
def test_fused_decoder_float32_stays_float32_and_near_the_reference(cell, attention):
    decoder, output = make_decoder(cell, attention, True, 2, 0.2, dtype=np.float32)
    compare_paths(decoder, output, make_arrays(cell, 2, dtype=np.float32), tol=1e-5)


# --- 2. finite differences through the fused path -------------------------------------------
@pytest.mark.parametrize("cell, attention", [("lstm", "bahdanau"), ("gru", "luong")])
def test_fused_decoder_gradients_match_finite_differences(cell, attention):
    decoder, _ = make_decoder(cell, attention, True, 2, 0.3, seed=5)
    arrays = make_arrays(cell, 2, seed=6)
    embedded, states, memory = leaves(arrays)
    inputs = [embedded, *(s for layer in states for s in layer), memory, *decoder.parameters()]

    def run(*_):
        rk.manual_seed(9)  # the same dropout masks in every evaluation
        state = initial_state(decoder, states, memory, arrays["mask"])
        return decoder.teacher_forced(embedded, state, fused=True)[0]

    assert gradcheck(run, inputs, eps=1e-6, atol=1e-8, rtol=1e-6)


# --- 3. PyTorch: the decoder's equations with torch ops -------------------------------------
def torch_decoder(cell, kind, feeding, embedded, states0, cells, values, keys, mask, w_q, v, w_c,
                  step_mask=None):  # fmt: skip
    """The attention decoder written from its equations (seq2seq.py's docstring) with torch.

    embedded (T, B, E); states0 per layer (h,) or (h, c); cells: torch cells with the
    weights; values (B, S, M); keys (B, S, A) Bahdanau's W_k values or (B, S, H) Luong's
    W values; mask (B, S) True at padding; step_mask (T, B, S) or None.
    Returns h~ (T, B, H) and alpha (T, B, S)."""
    states = [s if cell == "lstm" else s[0] for s in states0]
    feed = torch.zeros(embedded.shape[1], cells[0].hidden_size, dtype=embedded.dtype)
    outputs, weights = [], []
    for t in range(embedded.shape[0]):
        x = torch.cat([embedded[t], feed], dim=1) if feeding else embedded[t]
        for k, torch_cell in enumerate(cells):
            states[k] = torch_cell(x, states[k])
            x = states[k][0] if cell == "lstm" else states[k]
        if kind == "bahdanau":  # e_j = v^T tanh(W_q h + K_j)
            scores = torch.tanh((x @ w_q.T)[:, None, :] + keys) @ v
        else:  # e_j = h^T K_j
            scores = torch.einsum("bh,bsh->bs", x, keys)
        hidden = mask if step_mask is None else mask | step_mask[t]
        alpha = torch.softmax(scores.masked_fill(hidden, float("-inf")), dim=-1)
        context = torch.einsum("bs,bsm->bm", alpha, values)
        feed = torch.tanh(torch.cat([context, x], dim=1) @ w_c.T)
        outputs.append(feed)
        weights.append(alpha)
    return torch.stack(outputs), torch.stack(weights)


def torch_cells(cell, layer_weights):
    """torch.nn.*Cell per layer with copies of (w_ih, w_hh, b_ih, b_hh) (float64)."""
    cells = []
    for w_ih, w_hh, b_ih, b_hh in layer_weights:
        module = TORCH_CELLS[cell](w_ih.shape[1], w_hh.shape[1]).double()
        with torch.no_grad():
            for name, value in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                                   (w_ih, w_hh, b_ih, b_hh)):  # fmt: skip
                value = value.data if isinstance(value, rk.Tensor) else value
                getattr(module, name).copy_(torch.from_numpy(value))
        cells.append(module)
    return cells


def torch_leaf(array):
    return torch.tensor(np.array(array), requires_grad=True)


@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("attention", ["bahdanau", "luong"])
@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_fused_decoder_matches_torch_float64(cell, attention, layers):
    decoder, _ = make_decoder(cell, attention, True, layers, 0.0, seed=layers)
    decoder.eval()
    arrays = make_arrays(cell, layers, seed=10 + layers)
    embedded, states, memory = leaves(arrays)
    state = initial_state(decoder, states, memory, arrays["mask"])
    out, alpha = decoder.teacher_forced(embedded, state, fused=True)
    cotangent = np.random.default_rng(0).standard_normal(out.shape)
    (out * rk.Tensor(cotangent)).sum().backward()

    params = dict(decoder.named_parameters())
    cells = torch_cells(cell, [cell_module._weights() for cell_module in decoder.cells])
    t_embedded, t_memory = torch_leaf(arrays["embedded"]), torch_leaf(arrays["memory"])
    t_states = [tuple(torch_leaf(s) for s in layer) for layer in arrays["states"]]
    t_key = torch_leaf(params["attention.key_layer.weight"].data)
    t_w_c = torch_leaf(params["combine.weight"].data)
    t_w_q = t_v = None
    if attention == "bahdanau":
        t_w_q = torch_leaf(params["attention.query_layer.weight"].data)
        t_v = torch_leaf(params["attention.v"].data)
    values = t_memory.transpose(0, 1)  # (B, S, M)
    t_out, t_alpha = torch_decoder(
        cell, attention, True, t_embedded, t_states, cells, values, values @ t_key.T,
        torch.from_numpy(arrays["mask"]), t_w_q, t_v, t_w_c,
    )  # fmt: skip
    (t_out * torch.from_numpy(cotangent)).sum().backward()

    assert_rel(out.data, t_out.detach(), 1e-10, "attentional vectors")
    assert_rel(alpha, t_alpha.detach(), 1e-10, "attention weights")
    assert_rel(embedded.grad, t_embedded.grad, 1e-10, "gradient of embedded")
    assert_rel(memory.grad, t_memory.grad, 1e-10, "gradient of memory")
    for k, (layer, t_layer) in enumerate(zip(states, t_states)):
        for j, (s, t_s) in enumerate(zip(layer, t_layer)):
            assert_rel(s.grad, t_s.grad, 1e-10, f"gradient of state {k}.{j}")
    expected = {"attention.key_layer.weight": t_key.grad, "combine.weight": t_w_c.grad}
    if attention == "bahdanau":
        expected["attention.query_layer.weight"], expected["attention.v"] = t_w_q.grad, t_v.grad
    for k, module in enumerate(cells):
        for name, p in module.named_parameters():
            expected[f"cells.{k}.{name}"] = p.grad
    assert sorted(expected) == sorted(params)
    for name, grad in expected.items():
        assert_rel(params[name].grad, grad, 1e-10, f"gradient of {name}")


# --- the kernel on arrays: step masks, beams, running once ----------------------------------
def kernel_inputs(cell, kind, layers, steps, rows, beam=1, seed=20):
    """Random arrays for AttentionDecoder: weights as PyTorch lays them out (first layer's
    w_ih reads [embedded; h~<t-1>]), memory of `rows` sentences, `rows * beam` decoder rows."""
    rng = np.random.default_rng(seed)
    gates = {"rnn": 1, "sgru": 2, "gru": 3, "lstm": 4}[cell]
    batch = rows * beam

    def u(*shape):
        return rng.uniform(-0.6, 0.6, shape)

    layer_weights = [
        (u(gates * H, E + H if k == 0 else H), u(gates * H, H), u(gates * H), u(gates * H))
        for k in range(layers)
    ]
    values = rng.standard_normal((rows, S, M))
    lengths = np.array([S, 2, 4, 3][:rows])
    return {
        "embedded": rng.standard_normal((steps, batch, E)),
        "states0": [
            tuple(u(batch, H) for _ in range(2 if cell == "lstm" else 1)) for _ in range(layers)
        ],
        "layers": layer_weights,
        "values": values,
        "keys": rng.standard_normal((rows, S, H)),  # (R, S, A) with A = H, or Luong's W values
        "mask": np.arange(S)[None, :] >= lengths[:, None],
        "w_q": u(H, H),
        "v": u(H),
        "w_c": u(H, M + H),
        "feed0": u(batch, H),
    }


def run_kernel(cell, kind, a, beam=1, step_mask=None, save=True, feed0=None):
    keys = a["keys"] if kind == "bahdanau" else a["keys"].transpose(0, 2, 1).copy()
    memory = Memory(a["values"], keys, a["mask"], kind, beam, a["w_q"], a["v"], step_mask)
    kernel = AttentionDecoder(
        MODES[cell], a["embedded"], a["layers"], memory, a["w_c"], True, None, save
    )
    return kernel, kernel.forward(a["states0"], feed0)


# --- 4. Memory.step_mask: each step attends to its own prefix (wait-k) ----------------------
@pytest.mark.parametrize("kind", ["bahdanau", "luong"])
@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_step_mask_matches_torch_with_the_same_schedule(cell, kind):
    steps, rows, wait = 4, 3, 2
    a = kernel_inputs(cell, kind, 2, steps, rows)
    # wait-k: step t sees the first min(k + t, S) positions (and never the padding)
    visible = np.minimum(wait + np.arange(steps), S)
    step_mask = np.arange(S)[None, None, :] >= visible[:, None, None]
    step_mask = np.ascontiguousarray(np.broadcast_to(step_mask, (steps, rows, S)))
    kernel, (out, alpha, _) = run_kernel(cell, kind, a, step_mask=step_mask)
    assert (alpha[np.broadcast_to(step_mask | a["mask"], alpha.shape)] == 0).all()
    assert (alpha[0, :, wait:] == 0).all() and (alpha[-1, 0, wait + steps - 2] > 0).all()
    cotangent = np.random.default_rng(1).standard_normal(out.shape)
    grads = kernel.backward(cotangent)

    t = {name: torch_leaf(a[name]) for name in ("embedded", "values", "keys", "w_q", "v", "w_c")}
    t_states = [tuple(torch_leaf(s) for s in layer) for layer in a["states0"]]
    cells = torch_cells(cell, a["layers"])
    t_out, t_alpha = torch_decoder(
        cell, kind, True, t["embedded"], t_states, cells, t["values"], t["keys"],
        torch.from_numpy(a["mask"]), t["w_q"], t["v"], t["w_c"], torch.from_numpy(step_mask),
    )  # fmt: skip
    (t_out * torch.from_numpy(cotangent)).sum().backward()

    assert_rel(out, t_out.detach(), 1e-10, "attentional vectors")
    assert_rel(alpha, t_alpha.detach(), 1e-10, "attention weights")
    assert_rel(grads.embedded, t["embedded"].grad, 1e-10, "gradient of embedded")
    assert_rel(grads.values, t["values"].grad, 1e-10, "gradient of values")
    d_keys = grads.keys if kind == "bahdanau" else grads.keys.transpose(0, 2, 1)
    assert_rel(d_keys, t["keys"].grad, 1e-10, "gradient of keys")
    assert_rel(grads.w_c, t["w_c"].grad, 1e-10, "gradient of w_c")
    if kind == "bahdanau":
        assert_rel(grads.w_q, t["w_q"].grad, 1e-10, "gradient of w_q")
        assert_rel(grads.v, t["v"].grad, 1e-10, "gradient of v")
    for k, (module, d_layer, d_states) in enumerate(zip(cells, grads.layers, grads.states0)):
        for name, d in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"), d_layer):
            assert_rel(d, getattr(module, name).grad, 1e-10, f"gradient of layer {k} {name}")
        for j, d in enumerate(d_states):
            assert_rel(d, t_states[k][j].grad, 1e-10, f"gradient of state {k}.{j}")


# --- 5. beams: k rows reading one memory row == the memory repeated k times -----------------
@pytest.mark.parametrize("kind", ["bahdanau", "luong"])
@pytest.mark.parametrize("cell", CELLS)
def test_beams_equal_the_memory_repeated(cell, kind):
    rows, beam = 2, 3
    a = kernel_inputs(cell, kind, 2, 1, rows, beam=beam, seed=30)
    repeated = dict(a)
    for name in ("values", "keys", "mask"):
        repeated[name] = np.repeat(a[name], beam, axis=0)
    _, (out, alpha, finals) = run_kernel(cell, kind, a, beam, save=False, feed0=a["feed0"])
    _, (ref_out, ref_alpha, ref_finals) = run_kernel(
        cell, kind, repeated, 1, save=False, feed0=a["feed0"]
    )
    assert rel_err(out, ref_out) < 1e-12 and rel_err(alpha, ref_alpha) < 1e-12
    for final, ref_final in zip(finals, ref_finals):
        for s, ref in zip(final, ref_final):
            assert rel_err(s, ref) < 1e-12
    assert rel_err(out[0, 0], out[0, 1]) > 1e-3  # the beams' rows differ: not one row copied


@pytest.mark.parametrize("kind", ["bahdanau", "luong"])
@pytest.mark.parametrize("cell", ["gru", "lstm"])
def test_beams_over_several_steps_and_their_gradients_equal_the_memory_repeated(cell, kind):
    """With saving and backward: the memory's gradients are the repeated memory's summed
    over each row's k copies; every other gradient is the same."""
    rows, beam = 2, 3
    a = kernel_inputs(cell, kind, 2, 3, rows, beam=beam, seed=31)
    repeated = dict(a)
    for name in ("values", "keys", "mask"):
        repeated[name] = np.repeat(a[name], beam, axis=0)
    kernel, (out, alpha, _) = run_kernel(cell, kind, a, beam, feed0=a["feed0"])
    ref_kernel, (ref_out, ref_alpha, _) = run_kernel(cell, kind, repeated, 1, feed0=a["feed0"])
    assert rel_err(out, ref_out) < 1e-12 and rel_err(alpha, ref_alpha) < 1e-12
    cotangent = np.random.default_rng(2).standard_normal(out.shape)
    grads, ref = kernel.backward(cotangent), ref_kernel.backward(cotangent)
    for name in ("values", "keys"):
        summed = getattr(ref, name).reshape(rows, beam, *getattr(ref, name).shape[1:]).sum(1)
        assert_rel(getattr(grads, name), summed, 1e-12, f"gradient of {name}")
    for name in ("embedded", "w_c", *(("w_q", "v") if kind == "bahdanau" else ())):
        assert_rel(getattr(grads, name), getattr(ref, name), 1e-12, f"gradient of {name}")
    for d_layer, ref_layer in zip(grads.layers, ref.layers):
        for d, r in zip(d_layer, ref_layer):
            assert_rel(d, r, 1e-12, "gradient of a layer's weight")
    for d_states, ref_states in zip(grads.states0, ref.states0):
        for d, r in zip(d_states, ref_states):
            assert_rel(d, r, 1e-12, "gradient of an initial state")


@pytest.mark.parametrize("kind", ["bahdanau", "luong"])
def test_forward_without_saving_equals_the_forward_that_saves(kind):
    """save_for_backward=False (inference: one slot per buffer) over several steps."""
    a = kernel_inputs("lstm", kind, 2, 5, 3, seed=40)
    _, (out, alpha, finals) = run_kernel("lstm", kind, a, save=False, feed0=a["feed0"])
    _, (ref_out, ref_alpha, ref_finals) = run_kernel("lstm", kind, a, feed0=a["feed0"])
    assert rel_err(out, ref_out) < 1e-12 and rel_err(alpha, ref_alpha) < 1e-12
    assert all(rel_err(s, r) < 1e-12 for f, g in zip(finals, ref_finals) for s, r in zip(f, g))


# --- 6. one backward per forward -------------------------------------------------------------
def test_a_second_backward_through_one_kernel_is_an_error():
    a = kernel_inputs("lstm", "bahdanau", 2, 3, 2, seed=50)
    kernel, (out, _, _) = run_kernel("lstm", "bahdanau", a)
    kernel.backward(np.ones_like(out))
    with pytest.raises(RuntimeError, match="backward twice"):  # the kernel cleared itself
        kernel.backward(np.ones_like(out))


def test_a_second_backward_through_the_graph_is_an_error():
    decoder, _ = make_decoder("lstm", "bahdanau", True, 2, 0.0)
    arrays = make_arrays("lstm", 2)
    embedded, states, memory = leaves(arrays)
    state = initial_state(decoder, states, memory, arrays["mask"])
    loss = decoder.teacher_forced(embedded, state)[0].sum()
    loss.backward()
    with pytest.raises(RuntimeError):  # the graph is freed, as in PyTorch
        loss.backward()
    state = initial_state(decoder, states, memory, arrays["mask"])
    loss = decoder.teacher_forced(embedded, state)[0].sum()
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="backward twice"):  # the kernel ran once
        loss.backward()

"""Module: PyTorch's parameter names and shapes, state dicts in and out (with errors that
name the bad keys), dtype adoption, train/eval, and PyTorch's default initialisation."""

import numpy as np
import pytest
import torch
from helpers import rk_leaf

import rnnkit as rk
from rnnkit import nn

OURS = {
    "RNN": nn.RNN,
    "GRU": nn.GRU,
    "LSTM": nn.LSTM,
    "SimplifiedGRU": nn.SimplifiedGRU,
}
THEIRS = {
    "RNN": torch.nn.RNN,
    "GRU": torch.nn.GRU,
    "LSTM": torch.nn.LSTM,
    "SimplifiedGRU": torch.nn.GRU,
}
GATES = {"RNN": 1, "SimplifiedGRU": 2, "GRU": 3, "LSTM": 4}
LAYOUTS = [
    dict(num_layers=1),
    dict(num_layers=2, bidirectional=True),
    dict(num_layers=3, bias=False),
    dict(num_layers=2, bidirectional=True, bias=False, batch_first=True),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
@pytest.mark.parametrize("name", sorted(OURS))
def test_parameter_names_and_shapes_are_torchs(name, layout):
    ours, theirs = OURS[name](3, 5, **layout), THEIRS[name](3, 5, **layout)
    ours_params, theirs_params = list(ours.named_parameters()), list(theirs.named_parameters())
    assert [n for n, _ in ours_params] == [n for n, _ in theirs_params]
    for (n, mine), (_, reference) in zip(ours_params, theirs_params):
        # The simplified GRU has 2 gate blocks where torch's GRU has 3.
        expected = list(reference.shape)
        expected[0] = expected[0] // GATES[THEIRS[name].__name__] * GATES[name]
        assert list(mine.shape) == expected, n


def test_nested_module_names_are_torchs():
    class Ours(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(7, 3)
            self.layers = nn.ModuleList([nn.GRU(3, 4), nn.LSTM(4, 2, bias=False)])
            self.out = nn.Linear(2, 7)
            self.scale = nn.Parameter(np.ones(1))

    class Theirs(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = torch.nn.Embedding(7, 3)
            self.layers = torch.nn.ModuleList([torch.nn.GRU(3, 4), torch.nn.LSTM(4, 2, bias=False)])
            self.out = torch.nn.Linear(2, 7)
            self.scale = torch.nn.Parameter(torch.ones(1))

    ours, theirs = Ours(), Theirs()
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert [tuple(v.shape) for v in ours.state_dict().values()] == [
        tuple(v.shape) for v in theirs.state_dict().values()
    ]
    ours.load_state_dict(theirs.state_dict())
    for (name, mine), reference in zip(ours.named_parameters(), theirs.parameters()):
        np.testing.assert_array_equal(mine.numpy(), reference.detach().numpy(), err_msg=name)


@pytest.mark.parametrize("name", sorted(OURS))
def test_state_dict_round_trip_gives_the_same_model(name):
    rk.manual_seed(1)
    source = OURS[name](2, 3, num_layers=2, bidirectional=True).double()
    rk.manual_seed(2)
    target = OURS[name](2, 3, num_layers=2, bidirectional=True)
    state = {k: v.copy() for k, v in source.state_dict().items()}
    target.load_state_dict(state)
    x = rk_leaf(np.random.default_rng(0).standard_normal((4, 2, 2)))
    out_source, out_target = source(x)[0], target(x)[0]
    np.testing.assert_array_equal(out_source.numpy(), out_target.numpy())
    for key in state:  # loaded arrays are copies, not shared with the given dict
        state[key][...] = 0
    np.testing.assert_array_equal(target(x)[0].numpy(), out_source.numpy())


def test_load_state_dict_adopts_the_dtype_of_the_arrays():
    layer = nn.GRU(2, 3)
    assert layer.weight_hh_l0.dtype == np.float32  # the default precision
    layer.load_state_dict({k: v.astype(np.float64) for k, v in layer.state_dict().items()})
    assert all(p.dtype == np.float64 for p in layer.parameters())
    out, h_n = layer(rk_leaf(np.zeros((2, 1, 2))))
    assert out.dtype == np.float64 and h_n.dtype == np.float64
    assert all(p.dtype == np.float32 for p in layer.float().parameters())
    assert all(p.dtype == np.float64 for p in layer.double().parameters())


def test_load_state_dict_names_missing_unexpected_and_mis_shaped_keys():
    layer = nn.LSTM(2, 3)
    state = dict(layer.state_dict())
    missing = {k: v for k, v in state.items() if k != "bias_hh_l0"}
    with pytest.raises(ValueError, match=r"missing keys \['bias_hh_l0'\]"):
        layer.load_state_dict(missing)
    extra = {**state, "weight_ih_l1": np.zeros((12, 3))}
    with pytest.raises(ValueError, match=r"unexpected keys \['weight_ih_l1'\]"):
        layer.load_state_dict(extra)
    wrong = {**state, "weight_hh_l0": np.zeros((12, 4))}
    with pytest.raises(
        ValueError, match=r"wrong shapes \(weight_hh_l0: expected \(12, 3\), got \(12, 4\)\)"
    ):
        layer.load_state_dict(wrong)
    before = layer.weight_hh_l0.numpy().copy()
    with pytest.raises(ValueError, match=r"does not fit LSTM: missing keys .* unexpected keys"):
        layer.load_state_dict({**missing, "extra": np.zeros(1)})
    np.testing.assert_array_equal(layer.weight_hh_l0.numpy(), before)  # nothing half-loaded
    layer.load_state_dict(missing, strict=False)  # non-strict: what is there loads


def test_train_and_eval_reach_every_submodule():
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = nn.ModuleList([nn.Dropout(0.5), nn.ModuleList([nn.Dropout(0.1)])])
            self.rnn = nn.GRU(2, 2, num_layers=2, dropout=0.3)

    model = Model()
    modules = [m for _, m in model.named_modules()]
    assert len(modules) == 6 and all(m.training for m in modules)
    assert model.eval() is model
    assert not any(m.training for m in modules)
    model.train()
    assert all(m.training for m in modules)
    model.train(False)
    assert not any(m.training for m in modules)


@pytest.mark.parametrize("name", sorted(OURS))
def test_initialisation_is_uniform_within_one_over_sqrt_hidden(name):
    hidden = 16
    rk.manual_seed(3)
    layer = OURS[name](5, hidden, num_layers=2, bidirectional=True)
    bound = 1 / np.sqrt(hidden)
    for param_name, param in layer.named_parameters():
        values = param.numpy()
        assert np.abs(values).max() <= bound, param_name
        if values.size >= 64:  # spread over the interval, not a narrower one
            assert np.abs(values).max() > 0.9 * bound, param_name
            assert abs(values.mean()) < 0.25 * bound, param_name


@pytest.mark.parametrize(
    "cell", [nn.RNNCell(3, 9), nn.SimplifiedGRUCell(3, 9), nn.GRUCell(3, 9), nn.LSTMCell(3, 9)]
)
def test_cell_initialisation_is_uniform_within_one_over_sqrt_hidden(cell):
    for name, param in cell.named_parameters():
        assert np.abs(param.numpy()).max() <= 1 / 3, name


def test_linear_initialisation_uses_the_input_size():
    layer = nn.Linear(25, 40)
    assert np.abs(layer.weight.numpy()).max() <= 0.2
    assert np.abs(layer.weight.numpy()).max() > 0.18
    assert np.abs(layer.bias.numpy()).max() <= 0.2


def test_the_seed_makes_initialisation_repeatable():
    rk.manual_seed(42)
    first = nn.LSTM(3, 4).state_dict()
    rk.manual_seed(42)
    second = nn.LSTM(3, 4).state_dict()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])


def test_zero_grad_clears_every_parameter_gradient():
    layer = nn.RNN(2, 3, num_layers=2).double()
    out, h_n = layer(rk_leaf(np.ones((2, 1, 2))))
    out.sum().backward()
    assert all(p.grad is not None for p in layer.parameters())
    layer.zero_grad()
    assert all(p.grad is None for p in layer.parameters())


def test_a_parameter_before_module_init_is_refused():
    class Broken(nn.Module):
        def __init__(self):
            self.weight = nn.Parameter(np.ones(2))

    with pytest.raises(AttributeError, match=r"call Module.__init__\(\) before assigning"):
        Broken()

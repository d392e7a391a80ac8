"""The layering of ARCHITECTURE.md holds: no import cycles between rnnkit's modules, and each
lower layer imports only what its row of the README's layout table allows. Read from the
source (every import statement, also those inside functions), so it cannot pass by luck of
import order. Also: without numba the kernels run their NumPy steps (the `jit` stand-in), and
the core (rnnkit, nn, optim) imports and trains with NumPy as its only dependency."""

import ast
import gc
import json
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
import pytest

import rnnkit as rk
from rnnkit import nn
from rnnkit.kernels import fused

PACKAGE = Path(rk.__file__).resolve().parent

# What the lower layers may import from rnnkit (prefixes of module names). The layers above
# (text, translator, experiments, cli and the rest) may import any of these; only cycles are
# refused there.
ALLOWED = {
    "rnnkit.core.backend": (),
    "rnnkit.core": ("rnnkit.core",),
    "rnnkit.kernels": ("rnnkit.core.backend", "rnnkit.kernels"),
    "rnnkit.nn": ("rnnkit.core", "rnnkit.kernels", "rnnkit.nn"),
    "rnnkit.optim": ("rnnkit.core", "rnnkit.kernels.fused"),
    "rnnkit.testing": ("rnnkit.core",),
    "rnnkit.exercises": ("rnnkit.core", "rnnkit.nn"),
    # the package's own __init__: the core's public names, and nn, optim, testing as attributes
    "rnnkit": ("rnnkit.core", "rnnkit.nn", "rnnkit.optim", "rnnkit.testing"),
}


# The translator's packages among themselves (ARCHITECTURE.md): what each may import of
# rnnkit.translator. Of the rest of rnnkit they import what an application may, but never
# an application above them (the demo, the server, the command line).
TRANSLATOR = {
    "model": ("model",),
    "formats": ("formats",),
    "decoding": ("model", "formats", "decoding"),
    "training": ("model", "formats", "decoding", "training"),
}
ABOVE_THE_TRANSLATOR = ("rnnkit.demo", "rnnkit.serve", "rnnkit.cli", "rnnkit.experiments")


def module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name):
    relative = Path(*name.split("."))
    root = PACKAGE.parent
    return (root / relative).with_suffix(".py").is_file() or (root / relative).is_dir()


def imports_of(path):
    """The rnnkit modules that `path` imports, by name (a `from package import module` counts
    as importing the module; `from module import name` as importing the module)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if is_module(full) else base)
    return {name for name in found if name == "rnnkit" or name.startswith("rnnkit.")}


def import_graph():
    return {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def rule_for(module):
    """The row of ALLOWED for `module`: the longest prefix (the bare package: itself only)."""
    matches = [
        prefix
        for prefix in ALLOWED
        if module == prefix or (prefix != "rnnkit" and module.startswith(prefix + "."))
    ]
    return max(matches, key=len) if matches else None


def test_the_import_graph_is_read():
    graph = import_graph()
    assert "rnnkit.core.tensor" in graph["rnnkit.core.functions"]
    assert "rnnkit.kernels.recurrence" in graph["rnnkit.kernels.lstm"]
    assert len(graph) > 30


def test_no_import_cycles():
    graph = import_graph()
    cycles, state = [], {}  # state: 1 on the current path, 2 done

    def visit(module, path):
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_lower_layers_import_only_what_the_layout_table_allows():
    wrong = []
    for module, targets in import_graph().items():
        rule = rule_for(module)
        if rule is None:
            continue
        for target in targets:
            if target != module and not any(
                target == allowed or target.startswith(allowed + ".") for allowed in ALLOWED[rule]
            ):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_translators_packages_import_only_their_row():
    graph = import_graph()
    translator = [m for m in graph if m.startswith("rnnkit.translator.")]
    assert {m.split(".")[2] for m in translator} == set(TRANSLATOR)  # nothing left flat
    wrong = []
    for module in translator:
        package = module.split(".")[2]
        for target in graph[module]:
            inside = target.startswith("rnnkit.translator.")
            if inside and target.split(".")[2] not in TRANSLATOR[package]:
                wrong.append(f"{module} imports {target}")
            if target == "rnnkit.translator" or target.startswith(ABOVE_THE_TRANSLATOR):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_two_modules_share_a_name():
    seen = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name != "__init__.py":
            seen.setdefault(path.stem, []).append(str(path.relative_to(PACKAGE)))
    shared = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not shared, shared


def test_every_cell_in_the_registry_has_a_kernel_a_layer_and_a_step_cell():
    from rnnkit.kernels import KERNELS

    assert list(nn.CELLS) == ["rnn", "sgru", "gru", "lstm"]
    for cell in nn.CELLS.values():
        layer = cell.layer(3, 4)
        assert layer.mode in KERNELS
        assert layer.weight_hh_l0.shape == (KERNELS[layer.mode].gates * 4, 4)
        assert cell.step(3, 4).weight_hh.shape == layer.weight_hh_l0.shape


NO_NUMBA = """
import json, sys
# import now fails, as where they are not installed: the core needs NumPy alone
for name in ("numba", "starlette", "uvicorn", "matplotlib", "sentencepiece", "sacrebleu",
             "safetensors", "tqdm", "yaml", "threadpoolctl", "torch"):
    sys.modules[name] = None
import numpy as np
import rnnkit as rk
from rnnkit import nn
from rnnkit.kernels import fused
assert fused.numba is None and not fused.ENABLED
rk.manual_seed(0)
layer = nn.LSTM(3, 4, bidirectional=True).double()
x = rk.tensor(np.random.default_rng(0).standard_normal((5, 2, 3)), requires_grad=True)
out, (h_n, c_n) = layer(x, lengths=np.array([5, 3]))
(out.sum() + (h_n * c_n).sum()).backward()
print(json.dumps([out.numpy().tolist(), x.grad.tolist(), layer.weight_hh_l0.grad.tolist()]))
"""


def test_without_numba_or_any_other_dependency_but_numpy_the_core_runs(monkeypatch):
    result = subprocess.run(
        [sys.executable, "-c", NO_NUMBA], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert result.returncode == 0, result.stderr
    out, x_grad, w_grad = (np.array(a) for a in json.loads(result.stdout))
    # the same in this process, on the NumPy path (numba present but switched off)
    monkeypatch.setattr(fused, "ENABLED", False)
    rk.manual_seed(0)
    layer = nn.LSTM(3, 4, bidirectional=True).double()
    x = rk.tensor(np.random.default_rng(0).standard_normal((5, 2, 3)), requires_grad=True)
    ours, (h_n, c_n) = layer(x, lengths=np.array([5, 3]))
    (ours.sum() + (h_n * c_n).sum()).backward()
    assert np.array_equal(out, ours.numpy())
    assert np.array_equal(x_grad, x.grad)
    assert np.array_equal(w_grad, layer.weight_hh_l0.grad)


@pytest.mark.parametrize("module", ["rnnkit.kernels.rnn", "rnnkit.kernels.lstm"])
def test_a_cell_keeps_its_numpy_and_numba_steps_side_by_side(module):
    """The two versions of a cell's step take the same arguments, so the driver can pick one."""
    import importlib
    import inspect

    kernel = importlib.import_module(module)
    for name in ("step", "backward_step"):
        numpy_step = getattr(kernel, f"{name}_numpy")
        numba_step = getattr(kernel, f"{name}_numba")
        numba_python = getattr(numba_step, "py_func", numba_step)
        assert inspect.signature(numpy_step) == inspect.signature(numba_python)


@pytest.mark.parametrize("run_backward", [True, False])
def test_a_recurrent_layer_leaves_no_reference_cycle_holding_its_buffers(run_backward):
    """The node and its kernel's buffers are freed as soon as the results are, without
    waiting for Python's cycle collector (large layers hold hundreds of MB)."""
    layer = nn.LSTM(3, 4)
    x = rk.tensor(np.ones((5, 2, 3), dtype=np.float32), requires_grad=True)
    # Warm up first: numba's first compilation (a fresh clone has no on-disk cache) catches
    # exceptions internally, and their tracebacks' frames keep the caller's locals alive until
    # the cycle collector runs; that is numba's one-off, not a cycle of the layer's.
    out, (h_n, _) = layer(x, lengths=np.array([5, 2]))
    (out.sum() + h_n.sum()).backward()
    del out, h_n
    gc.collect()
    gc.disable()
    try:
        out, (h_n, c_n) = layer(x, lengths=np.array([5, 2]))
        kernel = weakref.ref(out._backward.__self__.kernels[0])  # out is the node's own result
        if run_backward:
            (out.sum() + h_n.sum()).backward()
        del out, h_n, c_n
        assert kernel() is None
    finally:
        gc.enable()

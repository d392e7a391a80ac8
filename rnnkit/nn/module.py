"""Module: a container of parameters and sub-modules with PyTorch's names and habits.

Attributes that are Parameters or Modules register themselves; `named_parameters()` walks
them with dotted names, `state_dict()` / `load_state_dict()` exchange plain arrays under
those names (so a PyTorch state dict loads into the matching rnnkit layer).
"""

from collections import OrderedDict

import numpy

from rnnkit.core.backend import array_module
from rnnkit.core.tensor import Tensor


class Parameter(Tensor):
    """A Tensor that a Module owns and an optimiser updates (requires_grad by default)."""

    def __init__(self, data, requires_grad=True, dtype=None):
        super().__init__(data, requires_grad=requires_grad, dtype=dtype)

    def __repr__(self):
        return f"Parameter(shape={self.shape}, dtype={self.dtype})"


class Module:
    """The base of every layer, as PyTorch's nn.Module: attributes that are parameters
    (Tensors made by rnnkit.nn.init) or modules are registered by name, so
    `parameters()`, `named_parameters()`, `state_dict()` / `load_state_dict()`, `train()` /
    `eval()`, `float()` / `double()` walk the whole tree; `module(*args)` calls `forward`."""

    def __init__(self):
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "training", True)

    def __setattr__(self, name, value):
        params, modules = self.__dict__.get("_parameters"), self.__dict__.get("_modules")
        if params is None:  # before Module.__init__: only plain settings
            if isinstance(value, (Parameter, Module)):
                raise AttributeError("call Module.__init__() before assigning parameters")
            object.__setattr__(self, name, value)
            return
        params.pop(name, None)
        modules.pop(name, None)
        if isinstance(value, Parameter):
            params[name] = value
        elif isinstance(value, Module):
            modules[name] = value
        object.__setattr__(self, name, value)

    def register_parameter(self, name, value):
        """Add a parameter under a computed name (e.g. 'weight_ih_l1_reverse'); None: absent."""
        if value is None:
            object.__setattr__(self, name, None)
        else:
            setattr(self, name, value)

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def forward(self, *args, **kwargs):
        raise NotImplementedError

    # --- traversal ------------------------------------------------------------------------
    def named_modules(self, prefix=""):
        yield prefix, self
        for name, module in self._modules.items():
            yield from module.named_modules(f"{prefix}.{name}" if prefix else name)

    def named_parameters(self, prefix=""):
        """(dotted name, Parameter) pairs, each once, in registration order."""
        for module_name, module in self.named_modules(prefix):
            for name, param in module._parameters.items():
                yield (f"{module_name}.{name}" if module_name else name), param

    def parameters(self):
        return [param for _, param in self.named_parameters()]

    def children(self):
        return list(self._modules.values())

    def zero_grad(self):
        for param in self.parameters():
            param.grad = None

    def train(self, mode=True):
        for _, module in self.named_modules():
            object.__setattr__(module, "training", mode)
        return self

    def eval(self):
        return self.train(False)

    # --- dtype ----------------------------------------------------------------------------
    def to(self, dtype):
        """Cast every parameter to `dtype` (e.g. numpy.float64 for gradient checks)."""
        for param in self.parameters():
            param.data = param.data.astype(dtype)
            param.grad = None
        return self

    def double(self):
        return self.to(numpy.float64)

    def float(self):
        return self.to(numpy.float32)

    # --- state ------------------------------------------------------------------------------
    def state_dict(self):
        """OrderedDict name -> array (the parameters' own arrays; copy before mutating)."""
        return OrderedDict((name, param.data) for name, param in self.named_parameters())

    def load_state_dict(self, state_dict, strict=True):
        """Copy arrays into the parameters by name; the model adopts the arrays' floating dtype
        (float64 arrays make a float64 model; integer or boolean arrays are refused).

        Accepts NumPy arrays or anything with `.detach().cpu().numpy()` (PyTorch tensors).
        Missing, unexpected or mis-shaped entries raise one ValueError naming all of them.
        """
        own = dict(self.named_parameters())
        given = {name: _to_array(value) for name, value in state_dict.items()}
        missing = [name for name in own if name not in given]
        unexpected = [name for name in given if name not in own]
        mis_shaped = [
            f"{name}: expected {own[name].shape}, got {value.shape}"
            for name, value in given.items()
            if name in own and own[name].shape != value.shape
        ]
        not_float = [
            f"{name}: {value.dtype}"
            for name, value in given.items()
            if name in own and not numpy.issubdtype(value.dtype, numpy.floating)
        ]
        problems = []
        if strict and missing:
            problems.append(f"missing keys {missing}")
        if strict and unexpected:
            problems.append(f"unexpected keys {unexpected}")
        if mis_shaped:
            problems.append(f"wrong shapes ({'; '.join(mis_shaped)})")
        if not_float:
            problems.append(f"weights that are not floating point ({'; '.join(not_float)})")
        if problems:
            name = type(self).__name__
            raise ValueError(f"state dict does not fit {name}: " + ", ".join(problems))
        for name, value in given.items():
            if name in own:
                xp = array_module(own[name].data)
                own[name].data = xp.array(value, copy=True)
                own[name].grad = None
        return self

    def extra_repr(self):
        return ""

    def __repr__(self):
        lines = [f"{type(self).__name__}({self.extra_repr()}"]
        for name, module in self._modules.items():
            child = repr(module).replace("\n", "\n  ")
            lines.append(f"  ({name}): {child}")
        return "\n".join(lines) + ("\n)" if len(lines) > 1 else ")")


def _to_array(value):
    if hasattr(value, "detach"):  # a PyTorch tensor
        value = value.detach().cpu().numpy()
    return value.data if isinstance(value, Tensor) else numpy.asarray(value)


class ModuleList(Module):
    """Sub-modules in a list, registered under '0', '1', ... as PyTorch's ModuleList."""

    def __init__(self, modules=()):
        super().__init__()
        for module in modules:
            self.append(module)

    def append(self, module):
        setattr(self, str(len(self._modules)), module)

    def __getitem__(self, index):
        return list(self._modules.values())[index]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

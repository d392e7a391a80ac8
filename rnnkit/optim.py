"""Optimisers: the lecture's plain gradient step w := w - alpha dJ/dw (SGD, momentum
optional), Adam, and gradient-norm clipping. Use: loss.backward(); opt.step(); opt.zero_grad()."""

import math
from functools import partial

from rnnkit.core import parallel
from rnnkit.core.backend import array_module
from rnnkit.kernels import fused


class Optimizer:
    """What every optimizer shares: the parameters (Tensors, each updated in place from its
    `.grad`, of the parameter's own shape), the learning rate `lr`, a state per parameter
    (`state`, its buffers), and `zero_grad()`; a subclass's `step()` applies one update."""

    def __init__(self, params, lr):
        self.params = list(params)
        if not self.params:
            raise ValueError("the optimiser got no parameters")
        if lr <= 0:
            raise ValueError(f"learning rate must be positive, got {lr}")
        self.lr = lr
        self.state = [{} for _ in self.params]  # per-parameter buffers

    def zero_grad(self):
        for param in self.params:
            param.grad = None

    def step(self):
        work = [(p, s) for p, s in zip(self.params, self.state) if p.grad is not None]
        # Parameters are independent: groups of about equal size in parallel threads
        # (rnnkit.core.parallel; the numba update releases the GIL).
        groups = [[] for _ in range(min(parallel.get_num_threads(), max(len(work), 1)))]
        sizes = [0] * len(groups)
        for param, state in sorted(work, key=lambda item: -item[0].data.size):
            smallest = sizes.index(min(sizes))
            groups[smallest].append((param, state))
            sizes[smallest] += param.data.size
        parallel.run([partial(self._update_group, group) for group in groups])

    def _update_group(self, group):
        for param, state in group:
            self._update(param, param.grad, state)

    def _update(self, param, grad, state):
        raise NotImplementedError

    def state_dict(self):
        """Plain data: hyper-parameters, and per-parameter arrays under 'param{i}.{name}'."""
        arrays = {
            f"param{i}.{name}": value
            for i, state in enumerate(self.state)
            for name, value in state.items()
            if hasattr(value, "shape")
        }
        scalars = {
            f"param{i}.{k}": v
            for i, s in enumerate(self.state)
            for k, v in s.items()
            if not hasattr(v, "shape")
        }
        return {"lr": self.lr, "arrays": arrays, "scalars": scalars}

    def load_state_dict(self, state):
        self.lr = state["lr"]
        self.state = [{} for _ in self.params]
        for key, value in {**state["arrays"], **state["scalars"]}.items():
            index, name = key.split(".", 1)
            self.state[int(index[len("param") :])][name] = value


class SGD(Optimizer):
    """w := w - lr * (dJ/dw + weight_decay * w); with momentum mu: v := mu v + g, w := w - lr v."""

    def __init__(self, params, lr=0.1, momentum=0.0, weight_decay=0.0):
        super().__init__(params, lr)
        self.momentum, self.weight_decay = momentum, weight_decay

    def _update(self, param, grad, state):
        if self.weight_decay:
            grad = grad + self.weight_decay * param.data
        if self.momentum:
            velocity = state.get("velocity")
            state["velocity"] = grad.copy() if velocity is None else velocity * self.momentum + grad
            grad = state["velocity"]
        param.data -= self.lr * grad


class Adam(Optimizer):
    """Adam (Kingma & Ba) with bias correction, as torch.optim.Adam."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        super().__init__(params, lr)
        self.betas, self.eps, self.weight_decay = betas, eps, weight_decay

    def _update(self, param, grad, state):
        xp = array_module(param.data)
        beta1, beta2 = self.betas
        if self.weight_decay:
            grad = grad + self.weight_decay * param.data
        if "step" not in state:
            state["step"] = 0
            state["exp_avg"] = xp.zeros_like(param.data)
            state["exp_avg_sq"] = xp.zeros_like(param.data)
        state["step"] += 1
        step, m, v = state["step"], state["exp_avg"], state["exp_avg_sq"]
        # torch.optim.Adam's arithmetic: w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
        step_size = self.lr / (1 - beta1**step)
        correction = math.sqrt(1 - beta2**step)
        arrays = (param.data, grad, m, v)
        if fused.usable(*arrays) and all(a.flags.c_contiguous for a in arrays):
            kind = param.data.dtype.type  # the update in the weights' precision, one pass
            _adam_numba(
                *(a.reshape(-1) for a in arrays),
                *(kind(x) for x in (beta1, beta2, step_size, 1 / correction, self.eps)),
            )
            return
        m *= beta1
        m += (1 - beta1) * grad
        v *= beta2
        v += (1 - beta2) * grad * grad
        denom = xp.sqrt(v) / correction + self.eps
        param.data -= step_size * m / denom


@fused.jit
def _adam_numba(w, g, m, v, beta1, beta2, step_size, inverse_correction, eps):
    one = beta1 * 0 + 1
    for i in range(w.size):
        gradient = g[i]
        m[i] = beta1 * m[i] + (one - beta1) * gradient
        v[i] = beta2 * v[i] + (one - beta2) * gradient * gradient
        w[i] -= step_size * m[i] / (math.sqrt(v[i]) * inverse_correction + eps)


def clip_grad_norm_(params, max_norm):
    """Scale all gradients together so that their global L2 norm is at most `max_norm`.

    Returns the norm before clipping (as torch.nn.utils.clip_grad_norm_)."""
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return 0.0
    total = math.sqrt(sum(_squared_norm(g) for g in grads))
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        for p in params:
            if p.grad is not None:
                p.grad = p.grad * p.grad.dtype.type(scale)
    return total


def _squared_norm(g):
    """sum of g^2, accumulated in float64 (one pass, no float64 copy of g)."""
    if fused.usable(g) and g.flags.c_contiguous:
        return _squared_norm_numba(g.reshape(-1))
    return float((g.astype("float64") ** 2).sum())


@fused.jit
def _squared_norm_numba(g):
    total = 0.0
    for i in range(g.size):
        x = float(g[i])
        total += x * x
    return total


class WarmupPlateau:
    """The learning rate of a training run: a linear warm-up from 0 over `warmup` updates,
    then decay on a plateau of the dev score, as JoeyNMT's "plateau" scheduler (PyTorch's
    ReduceLROnPlateau in mode "max" with an absolute threshold of 0 and no cooldown).

    Update s (counting from 1) gets lr = peak * min(1, s / warmup). `peak` starts at
    `base_lr`; each validation whose score is not above the best so far is a bad one, and
    after more than `patience` bad ones in a row peak := max(peak * decay, min_lr) and the
    count restarts. decay = 1 turns the plateau rule off.

    Use: `opt.lr = schedule.lr(step)` before each update, `schedule.validated(bleu)` after each
    validation. `state_dict()` is plain JSON (saved with the training position), so a resumed
    run continues the schedule exactly.
    """

    def __init__(self, base_lr, warmup=0, decay=1.0, patience=0, min_lr=0.0):
        if base_lr <= 0 or warmup < 0 or not 0 < decay <= 1 or patience < 0 or min_lr < 0:
            raise ValueError(
                f"bad schedule: base_lr={base_lr}, warmup={warmup}, decay={decay}, "
                f"patience={patience}, min_lr={min_lr}"
            )
        self.base_lr, self.warmup, self.decay = base_lr, warmup, decay
        self.patience, self.min_lr = patience, min_lr
        self.peak = base_lr
        self.best = None  # the best dev score so far
        self.bad = 0  # validations in a row not above `best`

    def lr(self, step):
        """The learning rate of update number `step` (1, 2, ...)."""
        if self.warmup and step < self.warmup:
            return self.peak * step / self.warmup
        return self.peak

    def validated(self, score):
        """Count one validation's score; returns True when it lowered the rate."""
        if self.best is None or score > self.best:
            self.best, self.bad = score, 0
            return False
        self.bad += 1
        if self.decay == 1 or self.bad <= self.patience:
            return False
        self.bad = 0
        lowered = max(self.peak * self.decay, self.min_lr)
        # as torch: a change below 1e-8 is no change (the rate sits at min_lr)
        changed = self.peak - lowered > 1e-8
        if changed:
            self.peak = lowered
        return changed

    def state_dict(self):
        return {"peak": self.peak, "best": self.best, "bad": self.bad}

    def load_state_dict(self, state):
        self.peak, self.best, self.bad = state["peak"], state["best"], state["bad"]

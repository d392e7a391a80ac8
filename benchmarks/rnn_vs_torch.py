"""rnnkit's fused recurrent layers against PyTorch's nn.LSTM / nn.GRU / nn.RNN on the CPU.

For each cell and (T, B, D, H), float32, one layer, one direction, the same weights on both
sides, in the same process, alternating rnnkit / torch in blocks of BLOCK calls back to back,
each after a pause (SETTLE: the other side's idle threads must not spin on the cores
meanwhile) and an untimed call; median of the --runs x BLOCK calls of each side:
  train: forward + backward, loss = sum of outputs; x requires grad, so the backward computes
         the input gradient as well as all weight gradients (a layer inside a stack);
  infer: forward under no_grad.
Printed per row: milliseconds of each side, the ratio torch_ms / rnnkit_ms (> 1: rnnkit is
faster), achieved GFLOP/s of each side (matrix-product FLOPs only: 2*T*B*G*H*(D+H) forward,
twice that again for the backward), the "sgemm" ceiling = the same FLOPs divided by the time
NumPy takes for exactly the layer's matrix products at the same shapes (with out=, no gate
math), rnnkit's share of that ceiling, and the peak memory of one call on each side.

Peak memory: the rise of the process's resident-set high-water mark (VmHWM) over its resident
size just before the call, after gc and malloc_trim, with the high-water mark reset through
/proc/self/clear_refs (Linux). It counts everything both libraries touch (outputs, saved
activations, gradients, workspaces) and is measured the same way for both. Its limits: pages
a freed allocation left inside the process may be reused without showing up, and it rounds to
pages; it reads 'n/a' where /proc does not allow the reset. As a cross-check the rnnkit column
in brackets is tracemalloc's peak (NumPy reports its buffers to tracemalloc; torch does not).

    python benchmarks/rnn_vs_torch.py                   # all cells, all four configurations
    python benchmarks/rnn_vs_torch.py --quick           # first two configurations, 3 runs
    python benchmarks/rnn_vs_torch.py --cells lstm,gru --configs 2,3 --runs 7
    python benchmarks/rnn_vs_torch.py --configs 35x32x128x256

(run from the repository root with rnnkit importable; torch comes with the `test` extra)
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import statistics
import time
import tracemalloc

import numpy as np
import torch

import rnnkit
from rnnkit import nn

CONFIGS = [(20, 16, 64, 64), (35, 32, 128, 256), (50, 64, 256, 512), (50, 128, 512, 1024)]
CELLS = {
    "lstm": (nn.LSTM, torch.nn.LSTM, 4),
    "gru": (nn.GRU, torch.nn.GRU, 3),
    "rnn": (nn.RNN, torch.nn.RNN, 1),
}


# --- peak memory ---------------------------------------------------------------------------------
def _status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


try:
    _libc = ctypes.CDLL("libc.so.6")
except OSError:
    _libc = None


def peak_rss_mb(fn):
    """MB by which one call of fn raises the resident high-water mark; None if unsupported."""
    gc.collect()
    if _libc is not None:
        _libc.malloc_trim(0)
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset VmHWM to the current VmRSS
        before = _status_kb("VmRSS")
    except OSError:
        return None
    result = fn()
    peak = _status_kb("VmHWM")
    del result
    return (peak - before) / 1024


def traced_peak_mb(fn):
    gc.collect()
    tracemalloc.start()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    return peak / 2**20


# --- the two sides -------------------------------------------------------------------------------
def make_pair(cell, steps, batch, features, hidden, seed=0):
    ours_cls, theirs_cls, gates = CELLS[cell]
    torch.manual_seed(seed)
    theirs = theirs_cls(features, hidden)
    ours = ours_cls(features, hidden)
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    x = np.random.default_rng(seed).standard_normal((steps, batch, features), dtype=np.float32)
    return ours, theirs, x, gates


def rnnkit_step(layer, x, train):
    if not train:
        with rnnkit.no_grad():
            return layer(rnnkit.Tensor(x))[0].data
    for p in layer.parameters():
        p.grad = None
    xt = rnnkit.Tensor(x, requires_grad=True)
    out = layer(xt)[0]
    out.sum().backward()
    return xt.grad


def torch_step(layer, x, train):
    if not train:
        with torch.no_grad():
            return layer(torch.from_numpy(x))[0]
    layer.zero_grad(set_to_none=True)
    xt = torch.from_numpy(x).requires_grad_(True)
    out = layer(xt)[0]
    out.sum().backward()
    return xt.grad


def matmul_only(steps, batch, features, hidden, gates, train):
    """The layer's matrix products alone, in NumPy with preallocated outputs: the ceiling."""
    rng = np.random.default_rng(1)
    g = gates * hidden
    x = rng.standard_normal((steps * batch, features), dtype=np.float32)
    w_ih = rng.standard_normal((g, features), dtype=np.float32)
    w_hh = rng.standard_normal((g, hidden), dtype=np.float32)
    xw = np.empty((steps, batch, g), np.float32)
    hs = rng.standard_normal((steps, batch, hidden), dtype=np.float32) * 0.1
    rec = np.empty((batch, g), np.float32)
    dh = np.empty((batch, hidden), np.float32)
    dx = np.empty((steps * batch, features), np.float32)
    dw_ih = np.empty((g, features), np.float32)
    dw_hh = np.empty((g, hidden), np.float32)

    def run():
        np.matmul(x, w_ih.T, out=xw.reshape(steps * batch, g))
        for t in range(steps):
            np.matmul(hs[t], w_hh.T, out=rec)
        if train:
            for t in range(steps):
                np.matmul(xw[t], w_hh, out=dh)
            flat = xw.reshape(steps * batch, g)
            np.matmul(flat.T, hs.reshape(steps * batch, hidden), out=dw_hh)
            np.matmul(flat, w_ih, out=dx)
            np.matmul(flat.T, x, out=dw_ih)

    return run


def flops(steps, batch, features, hidden, gates, train):
    forward = 2 * steps * batch * gates * hidden * (features + hidden)
    return 3 * forward if train else forward  # backward: input and weight gradient products


def blas_kernels():
    """The kernels NumPy's BLAS runs (threadpoolctl's architecture: "Haswell", "SkylakeX"):
    OpenBLAS picks them for the CPU unless OPENBLAS_CORETYPE pins them, and they set the
    sgemm ceiling (a float32 product here: 218 GFLOP/s with Haswell's AVX2 kernels, 387-424
    with SkylakeX's AVX-512 ones; torch's oneDNN uses its own)."""
    from threadpoolctl import threadpool_info

    found = [
        f"{i.get('internal_api')} {i.get('architecture')} kernels"
        for i in threadpool_info()
        if i.get("user_api") == "blas"
    ]
    pinned = os.environ.get("OPENBLAS_CORETYPE")
    return ", ".join(found or ["unknown"]) + (f", OPENBLAS_CORETYPE={pinned}" if pinned else "")


def median_ms(samples):
    return 1e3 * statistics.median(samples)


# Each side is timed in blocks of BLOCK calls back to back, after a pause of SETTLE s and one
# untimed call: a call made right after the other library's shares the cores with that
# library's idle worker threads, which spin for a while before they sleep (torch's OpenMP
# threads, OpenBLAS's). Alternating call by call, rnnkit's LSTM at 30x32x100x200 measured
# 5.3 ms right after a torch call and 2.6 ms after its own; each side back to back is each
# side at its steady pace, as in a process of its own.
SETTLE = 0.25
BLOCK = 3


def timed_block(fn):
    """The times of BLOCK calls of fn back to back, after the pause and an untimed call."""
    time.sleep(SETTLE)
    fn()
    times = []
    for _ in range(BLOCK):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def bench(cell, config, train, runs):
    steps, batch, features, hidden = config
    ours, theirs, x, gates = make_pair(cell, *config)
    ceiling_fn = matmul_only(*config, gates, train)

    def run_ours():
        return rnnkit_step(ours, x, train)

    def run_theirs():
        return torch_step(theirs, x, train)

    for fn in (run_ours, run_theirs, ceiling_fn):  # warm-up
        fn()
    t_ours, t_theirs, t_ceiling = [], [], []
    for _ in range(runs):  # alternate blocks, so load changes hit both sides alike
        t_ours += timed_block(run_ours)
        t_theirs += timed_block(run_theirs)
        t_ceiling += timed_block(ceiling_fn)
    work = flops(*config, gates, train)
    ms_ours, ms_theirs, ms_ceiling = map(median_ms, (t_ours, t_theirs, t_ceiling))
    return {
        "ms_ours": ms_ours,
        "ms_theirs": ms_theirs,
        "ratio": ms_theirs / ms_ours,
        "gf_ours": work / ms_ours / 1e6,
        "gf_theirs": work / ms_theirs / 1e6,
        "gf_ceiling": work / ms_ceiling / 1e6,
        "mem_ours": peak_rss_mb(run_ours),
        "mem_theirs": peak_rss_mb(run_theirs),
        "traced_ours": traced_peak_mb(run_ours),
    }


def parse_configs(text):
    if text is None:
        return CONFIGS
    chosen = []
    for item in text.split(","):
        if "x" in item:
            chosen.append(tuple(int(v) for v in item.split("x")))
        else:
            chosen.append(CONFIGS[int(item)])
    return chosen


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="first two configurations, 3 runs")
    parser.add_argument("--cells", default="lstm,gru,rnn", help="comma list of lstm, gru, rnn")
    parser.add_argument(
        "--configs",
        default=None,
        help="comma list of indices into the four standard configurations (0-3) or TxBxDxH",
    )
    parser.add_argument("--runs", type=int, default=None, help="timed runs (default 5; 3 quick)")
    parser.add_argument("--modes", default="train,infer", help="comma list of train, infer")
    parser.add_argument(
        "--torch-without-onednn",
        action="store_true",
        help="run torch with oneDNN (mkldnn) off: its nn.LSTM then uses aten's own per-step "
        "products instead of oneDNN's fused RNN primitive",
    )
    args = parser.parse_args(argv)
    if args.torch_without_onednn:
        torch.backends.mkldnn.enabled = False
    run_table(args)


def run_table(args):
    configs = parse_configs(args.configs)
    if args.quick and args.configs is None:
        configs = CONFIGS[:2]
    runs = args.runs or (3 if args.quick else 5)
    cells = args.cells.split(",")
    unknown = [c for c in cells if c not in CELLS]
    if unknown:
        raise SystemExit(f"unknown cells {unknown}; choose from {sorted(CELLS)}")

    mkldnn = torch.backends.mkldnn
    onednn = "on" if mkldnn.is_available() and mkldnn.enabled else "off"
    print(
        f"numpy {np.__version__} ({blas_kernels()}, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}), "
        f"torch {torch.__version__} ({torch.get_num_threads()} threads, oneDNN {onednn}), "
        f"{os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.2f}, float32, median of {runs}"
    )
    header = (
        f"{'cell':5} {'T,B,D,H':>16} {'mode':5} {'rnnkit ms':>10} {'torch ms':>10} "
        f"{'ratio':>6} {'rnnkit GF/s':>11} {'torch GF/s':>10} {'sgemm GF/s':>10} "
        f"{'%ceil':>6} {'rnnkit MB':>16} {'torch MB':>9}"
    )
    print(header)
    print("-" * len(header))
    for cell in cells:
        for config in configs:
            for mode in args.modes.split(","):
                r = bench(cell, config, mode == "train", runs)

                def mb(v):
                    return "n/a" if v is None else f"{v:.1f}"

                ours_mem = f"{mb(r['mem_ours'])} [{r['traced_ours']:.1f}]"
                print(
                    f"{cell:5} {','.join(map(str, config)):>16} {mode:5} "
                    f"{r['ms_ours']:10.2f} {r['ms_theirs']:10.2f} {r['ratio']:6.2f} "
                    f"{r['gf_ours']:11.1f} {r['gf_theirs']:10.1f} {r['gf_ceiling']:10.1f} "
                    f"{100 * r['gf_ours'] / r['gf_ceiling']:5.0f}% {ours_mem:>16} "
                    f"{mb(r['mem_theirs']):>9}",
                    flush=True,
                )
    print(f"load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

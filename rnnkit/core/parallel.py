"""Using several cores: a batch's rows split over threads.

The rows of a batch never meet inside the recurrent kernels, the decoder or the output layer
(only their weight gradients are summed), so a node can run its kernel on row blocks in
parallel threads: NumPy's matrix products and the numba loops (compiled `nogil`) release the
GIL, and BLAS stays at one thread per call (multi-threaded OpenBLAS spins and was measured
much slower on a busy machine; these threads block instead, so a busy machine costs nothing).

`set_num_threads(n)` (as torch.set_num_threads); the library's default is 1, `rnnkit train`
and the other commands use every core the process may run on unless --threads says otherwise.
`one_blas_thread()` is the BLAS side of that rule: the commands and `train()` run inside it.
Without it, on 2 cores, a training step from Python took 2.3x as long with 1 rnnkit thread
and 50x as long with 2 (OpenBLAS's own threads spinning against rnnkit's).
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

from rnnkit.core.backend import array_module

_state = {"count": 1}
_pool = {"executor": None, "size": 0}
_inside = threading.local()  # set in the pool's threads: a task's own `run` stays serial
_lock = threading.Lock()
MIN_ROWS = 8  # fewer rows per block than this is not worth a thread


def available_cores():
    """The cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def one_blas_thread():
    """A context in which NumPy's BLAS runs each call on one thread (threadpoolctl), as the
    kernels were written and measured for; the setting before it comes back on exit."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1, user_api="blas")


def set_num_threads(count):
    if not isinstance(count, int) or count < 1:
        raise ValueError(f"threads must be a positive integer, got {count!r}")
    _state["count"] = count


def get_num_threads():
    return _state["count"]


def row_blocks(rows):
    """Slices that split `rows` rows into one block per thread (a single block when the
    batch is too small to share or one thread is set)."""
    blocks = max(1, min(get_num_threads(), rows // MIN_ROWS))
    edges = [rows * k // blocks for k in range(blocks + 1)]
    return [slice(edges[k], edges[k + 1]) for k in range(blocks)]


def run(tasks):
    """Call every function of `tasks` (no arguments) at once, the first in this thread;
    return their results in order. An exception in any of them is raised here."""
    if len(tasks) == 1 or getattr(_inside, "task", False):
        return [task() for task in tasks]
    executor = _executor(len(tasks) - 1)
    futures = [executor.submit(_as_task, task) for task in tasks[1:]]
    first = tasks[0]()
    return [first, *(future.result() for future in futures)]


def _as_task(task):
    _inside.task = True
    return task()


def _executor(size):
    with _lock:
        if _pool["size"] < size:
            if _pool["executor"] is not None:
                _pool["executor"].shutdown(wait=False)
            _pool["executor"] = ThreadPoolExecutor(size, thread_name_prefix="rnnkit")
            _pool["size"] = size
        return _pool["executor"]


def join(arrays, axis):
    """The blocks' results put back together along the rows' axis (no copy for one)."""
    if len(arrays) == 1:
        return arrays[0]
    return array_module(arrays[0]).concatenate(arrays, axis)


def total(arrays):
    """The blocks' gradients of a shared weight, summed (the array itself for one)."""
    result = arrays[0]
    for more in arrays[1:]:
        result = result + more
    return result

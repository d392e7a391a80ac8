"""Data-parallel training over MPI (mpi4py): one model, N processes ("ranks"), each computing
the gradient of its shard of every global batch; one Allreduce sums them, so every rank
applies the same update and the weights stay identical everywhere.

    mpiexec -n 2 rnnkit train ...          # or mpirun, or srun on a cluster

A process knows it runs under MPI from its launcher's environment, read in this order:
OMPI_COMM_WORLD_SIZE (Open MPI's mpirun), PMI_SIZE (MPICH and Intel MPI's hydra mpiexec,
srun --mpi=pmi2), MPI_LOCALNRANKS (hydra), SLURM_STEP_NUM_TASKS (srun; set for a job step,
not in the batch script itself); one of them above 1 means MPI. PMIX_RANK alone (a PMIx
launcher) means MPI too, and MPI then gives the size. Anything else is a single process: it
never imports mpi4py, and every function here then acts on that one process (rank 0 of 1).

The library's side, for a user's own loop (the lecture's loop, shard by shard):

    distributed.init()
    distributed.broadcast_parameters(params)      # rank 0's initial weights everywhere
    for batch in batches:                         # the same global batch on every rank
        mine = batch[distributed.shard_slice(len(batch))]
        J = loss(mine, normalised by len(batch))  # the GLOBAL count: J averages over m
        J.backward()
        distributed.allreduce_gradients(params)   # grads := their sum over the ranks
        clip_grad_norm_(params, clip)             # of the summed gradient: the same on all
        opt.step(); opt.zero_grad()

Dropout: rank r draws its masks at step s from numpy.random.default_rng([seed, r, s])
(`seed_step`): the ranks' streams are independent, and a resumed run continues with exactly
the masks of an uninterrupted run on the same number of ranks, with no state to save.

A rank that fails ends the whole job: `init()` makes an uncaught exception call MPI_Abort, and
`abort_on_error` does the same for errors a command reports as one line; the launcher then
stops the other ranks, which would otherwise wait for the dead one forever.
"""

import contextlib
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

import numpy

from rnnkit.core import random as rnnkit_random
from rnnkit.errors import RnnkitError

SIZE_VARIABLES = ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "MPI_LOCALNRANKS", "SLURM_STEP_NUM_TASKS")
RANK_ONLY_VARIABLES = ("PMIX_RANK",)
INSTALL_HINT = (
    'running under MPI needs mpi4py and an MPI: pip install "rnnkit[mpi]" '
    "(mpi4py and the mpich wheel, which brings mpiexec)"
)
# A rank other than 0 that fails waits this long before it aborts, so that an error every
# rank meets (a bad option, a bad data file) is reported once, by rank 0, whose abort ends
# the others first.
FOLLOWER_GRACE_S = 2.0
# What a rank printed travels through the launcher, which drops it once an abort arrives:
# a failing rank waits this long between its message and MPI_Abort.
FLUSH_S = 0.5
# A rank waiting for the others (for a broadcast while rank 0 validates or saves, for the
# Allreduce while a slower rank finishes its backward) polls at full speed for SPIN_S, then
# sleeps POLL_S between polls: MPI's blocking calls busy-wait, which takes a core from the
# ranks still working when there are no spare cores.
SPIN_S, POLL_S = 1e-3, 2e-4

_comm = None  # MPI.COMM_WORLD once init() found a launcher; None for a single process
_initialised = False
_buffers = {}  # (dtype, size) -> the flat buffer allreduce_gradients packs into


def launched_by_mpi(environ=None):
    """True when the environment says an MPI launcher started this process among several."""
    environ = os.environ if environ is None else environ
    for name in SIZE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return value.isdigit() and int(value) > 1
    return any(name in environ for name in RANK_ONLY_VARIABLES)


def launcher_rank(environ=None):
    """This process's rank as the launcher's environment gives it (0 if it gives none), for
    a process that must not join the job (mpi4py not imported)."""
    environ = os.environ if environ is None else environ
    for name in ("OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", "SLURM_PROCID"):
        value = environ.get(name, "").strip()
        if value.isdigit():
            return int(value)
    return 0


def init():
    """Join the MPI job when launched by one (idempotent); returns the number of ranks.

    Without a launcher this imports nothing and returns 1. Under one, a missing mpi4py is an
    RnnkitError that says how to install it."""
    global _comm, _initialised
    if _initialised:
        return size()
    if launched_by_mpi():
        try:
            from mpi4py import MPI
        except ImportError:
            raise RnnkitError(INSTALL_HINT) from None
        _comm = MPI.COMM_WORLD
        if _comm.Get_size() > 1:
            sys.excepthook = _abort_hook(sys.excepthook)
        else:
            _comm = None  # one rank: exactly the single-process path
    _initialised = True
    return size()


def rank():
    """This process's rank, 0 .. size()-1 (0 for a single process)."""
    return 0 if _comm is None else _comm.Get_rank()


def size():
    """The number of ranks (1 for a single process)."""
    return 1 if _comm is None else _comm.Get_size()


def is_root():
    """True on rank 0: the rank that writes files, logs, validates and shows progress."""
    return rank() == 0


# --- rank 0's duties ----------------------------------------------------------------------------
# A program run on every rank calls these where rank 0 alone acts (the model directory, the
# log, validation, printing), so that it has no branch on the rank of its own; on a single
# process each is the plain call.
def on_root(function, *args, **kwargs):
    """function(*args, **kwargs) on rank 0 (its result); None on the other ranks."""
    return function(*args, **kwargs) if is_root() else None


def from_root(function, encode=None, decode=None):
    """function() computed on rank 0 alone, its result on every rank: on rank 0 (and on one
    process) the value itself, elsewhere its JSON copy, or `decode(JSON of encode(value))`
    for a value that is not JSON itself."""
    if _comm is None:
        return function()
    value = function() if is_root() else None
    sent = broadcast_json(encode(value) if encode and is_root() else value)
    if is_root():
        return value
    return decode(sent) if decode else sent


def on_root_within(context):
    """`context` (a context manager not yet entered) entered on rank 0; nothing elsewhere."""
    return context if is_root() else contextlib.nullcontext()


def built_on_root(build, load, directory, names):
    """Rank 0 builds something (`build()`, which writes the files `names` under `directory`)
    and keeps its result; every other rank gets those files and `load(directory)`s them."""
    result = on_root(build)
    with broadcast_files(directory, names) as received:
        return result if is_root() else load(received)


# --- what each rank computes --------------------------------------------------------------------
def shard(indices, weights, n_shards=None):
    """Split one global batch into `n_shards` (default: size()) disjoint parts balanced by
    `weights` (e.g. target tokens per sentence): the heaviest sentence goes to the lightest
    part, ties to the part with fewer sentences, then the lower rank. Every rank computes the
    same split from the same batch. Each part keeps the batch's order (decreasing source
    length, as collate wants). A batch smaller than `n_shards` leaves some parts empty.

    indices: (B,) example indices; weights: (N,) one per example of the data set, indexed by
    them. Returns a list of `n_shards` int64 arrays."""
    n_shards = size() if n_shards is None else n_shards
    indices = numpy.asarray(indices, dtype=numpy.int64)
    weights = numpy.asarray(weights)[indices]
    loads = [(0, 0, part) for part in range(n_shards)]  # (weight, sentences, rank)
    owner = numpy.empty(len(indices), dtype=numpy.int64)
    for position in numpy.argsort(-weights, kind="stable"):
        load, count, part = min(loads)
        owner[position] = part
        loads[part] = (load + int(weights[position]), count + 1, part)
    return [indices[owner == part] for part in range(n_shards)]


def my_shard(indices, weights):
    """This rank's part of the global batch `indices` (see `shard`)."""
    return shard(indices, weights)[rank()]


def shard_slice(batch_size):
    """This rank's contiguous slice of a batch of `batch_size` equal examples (sizes differ by
    at most one; the first `batch_size % size()` ranks get the extra one)."""
    base, extra = divmod(batch_size, size())
    start = rank() * base + min(rank(), extra)
    return slice(start, start + base + (rank() < extra))


def seed_step(seed, step):
    """Reseed the library's generator (dropout) for `step` on this rank: default_rng([seed,
    rank, step]). Only for runs on several ranks; a single process keeps its one stream."""
    rnnkit_random.manual_seed([int(seed), rank(), int(step)])


def step_shard(indices, weights, seed, step):
    """What this rank trains on at `step`: its shard of the global batch `indices` (see
    `shard`), dropout reseeded for (seed, rank, step); on a single process the whole batch,
    the generator's one stream untouched."""
    if size() == 1:
        return indices
    seed_step(seed, step)
    return my_shard(indices, weights)


# --- collective operations ----------------------------------------------------------------------
def allreduce_gradients(params, extra=()):
    """Replace every parameter's gradient by its sum over the ranks, with one Allreduce of one
    flat buffer (the parameters' dtype, float32 for the translator; a missing gradient counts
    as zeros), awaited without busy-waiting (`_wait`). `extra`: a few numbers summed in the
    same message (a loss, a token count); returns them summed, as floats. On a single process
    nothing moves.

    The summed gradients are views into that buffer, which the next call refills: use them
    (clip, step) before the next call, as a training loop does."""
    params = list(params)
    extra = [float(x) for x in extra]
    if _comm is None:
        return extra
    dtype = numpy.result_type(*(p.data.dtype for p in params))
    sizes = [p.data.size for p in params]
    total = sum(sizes)
    key = (dtype.str, total + len(extra))
    flat = _buffers.get(key)
    if flat is None:
        flat = _buffers[key] = numpy.empty(total + len(extra), dtype=dtype)
    offset = 0
    for param, n in zip(params, sizes):
        if param.grad is None:
            flat[offset : offset + n] = 0
        else:
            flat[offset : offset + n] = param.grad.reshape(-1)
        offset += n
    flat[total:] = extra
    from mpi4py import MPI

    _wait(_comm.Iallreduce(MPI.IN_PLACE, flat, op=MPI.SUM))
    offset = 0
    for param, n in zip(params, sizes):
        param.grad = flat[offset : offset + n].reshape(param.data.shape)
        offset += n
    return [float(x) for x in flat[total:]]


def broadcast_parameters(params, root=0):
    """Copy rank `root`'s parameter values to every rank (one Bcast of one flat buffer)."""
    params = list(params)
    if _comm is None:
        return
    dtype = numpy.result_type(*(p.data.dtype for p in params))
    flat = numpy.concatenate([p.data.reshape(-1).astype(dtype) for p in params])
    _comm.Bcast(flat, root=root)
    offset = 0
    for param in params:
        n = param.data.size
        param.data = flat[offset : offset + n].reshape(param.data.shape).astype(param.data.dtype)
        offset += n


def broadcast_bytes(data, root=0):
    """Rank `root`'s bytes on every rank (`data` is ignored elsewhere)."""
    if _comm is None:
        return data
    length = numpy.array([len(data) if rank() == root else 0], dtype=numpy.int64)
    _wait(_comm.Ibcast(length, root=root))
    buffer = (
        numpy.frombuffer(data, dtype=numpy.uint8).copy()
        if rank() == root
        else numpy.empty(int(length[0]), dtype=numpy.uint8)
    )
    _wait(_comm.Ibcast(buffer, root=root))
    return buffer.tobytes()


def _wait(request):
    """Complete a non-blocking MPI operation: poll, then sleep between polls (SPIN_S)."""
    start = time.perf_counter()
    while not request.Test():
        if time.perf_counter() - start > SPIN_S:
            time.sleep(POLL_S)


def broadcast_json(value, root=0):
    """Rank `root`'s JSON-serialisable value on every rank (JSON, never pickle)."""
    if _comm is None:
        return value
    data = json.dumps(value).encode("utf-8") if rank() == root else b""
    return json.loads(broadcast_bytes(data, root).decode("utf-8"))


@contextlib.contextmanager
def broadcast_files(directory, names, root=0):
    """Give every rank rank `root`'s files `names` (files or folders) under `directory`.
    Yields the directory to read them from: `directory` itself on the root (and on a single
    process), a temporary copy elsewhere, removed afterwards (ranks on other machines need not
    see the root's disk)."""
    if _comm is None:
        yield Path(directory)
        return
    manifest, blobs = [], []
    if rank() == root:
        for name in names:
            top = Path(directory) / name
            files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top]
            for path in files:
                blobs.append(path.read_bytes())
                manifest.append([path.relative_to(directory).as_posix(), len(blobs[-1])])
    manifest = broadcast_json(manifest, root)
    data = broadcast_bytes(b"".join(blobs), root)
    if rank() == root:
        yield Path(directory)
        return
    with tempfile.TemporaryDirectory(prefix=f"rnnkit-rank{rank()}-") as received:
        offset = 0
        for relative, length in manifest:
            target = Path(received, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data[offset : offset + length])
            offset += length
        yield Path(received)


# --- failures -----------------------------------------------------------------------------------
def abort(message, code=1):
    """Print `message` (naming this rank) and end every rank of the job (MPI_Abort)."""
    if rank() != 0:
        time.sleep(FOLLOWER_GRACE_S)  # let rank 0 report an error every rank shares
        message = f"(rank {rank()} of {size()}) {message}"
    print(message, file=sys.stderr, flush=True)
    time.sleep(FLUSH_S)
    _comm.Abort(code)
    os._exit(code)  # MPICH's MPI_Abort may return once the launcher has been told


@contextlib.contextmanager
def abort_on_error(command):
    """Under MPI, end the whole job when this rank fails: an RnnkitError or OSError is printed
    as the command's one line (`command: error: ...`), anything else with its traceback, and
    then MPI_Abort stops every rank. On a single process errors pass through unchanged."""
    try:
        yield
    except SystemExit:
        raise
    except BaseException as exc:
        if _comm is None:
            raise
        if isinstance(exc, (RnnkitError, OSError)):
            abort(f"{command}: error: {exc}", 2 if isinstance(exc, RnnkitError) else 1)
        elif isinstance(exc, KeyboardInterrupt):
            abort(f"{command}: interrupted", 130)
        else:
            abort("".join(traceback.format_exception(exc)).rstrip(), 1)


def _abort_hook(previous):
    def hook(kind, value, trace):
        previous(kind, value, trace)
        print(f"rank {rank()} of {size()} failed; aborting the MPI job", file=sys.stderr)
        sys.stderr.flush()
        time.sleep(FLUSH_S)
        _comm.Abort(1)
        os._exit(1)

    return hook

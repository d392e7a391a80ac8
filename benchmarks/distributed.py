"""Data-parallel training over MPI: steps/s and target tokens/s on 1 and 2 ranks, and the
scaling efficiency = throughput at N / (N x throughput at 1).

Strong scaling: the global batch stays 64 sentences (sequences) and is split over the ranks,
as `mpiexec -n N rnnkit train` does. Every rank uses 1 BLAS thread. Two workloads:

- translator: the default `rnnkit train` model (bi-LSTM encoder 256 per direction, LSTM
  decoder 256 with Bahdanau attention and input feeding, embeddings 128, dropout 0.1, Adam,
  clip 5), trained on generated commentary through the real training step
  (rnnkit.translator.training.loop: shard, forward, backward, one Allreduce, clip, update);
- lstm: a bare nn.LSTM(256, 256) over (T=30, B=64) with a linear read-out, the library's loop.

1 rank is a plain process (no MPI); N ranks run under `mpiexec -n N`. Two more rows bound
what N ranks can reach: 1 rank on one rank's share of the batch (the model's own
small-batch speed), and "N x 1", N such processes side by side with no MPI between them
(the machine's own limit with every core busy: shared caches, memory bandwidth, clock).
Rounds alternate the runs; each times --steps steps after --warmup; the table gives the
median over rounds.
It also times the Allreduce of each workload's gradient buffer alone (for the README's model).

    python benchmarks/distributed.py                  # about 5 minutes on 2 idle cores
    python benchmarks/distributed.py --rounds 5 --steps 30
    python benchmarks/distributed.py --workloads lstm --ranks 2

(run from the repository root with rnnkit importable: `pip install -e ".[mpi]"` or PYTHONPATH=.)
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMBA_NUM_THREADS": "1",
}
GLOBAL_BATCH = 64
LSTM_SHAPE = (30, 256, 256)  # T, D, H


# --- the workers (one per rank) -----------------------------------------------------------------
def _timed_allreduces(params, repeats=20):
    """Median seconds of one Allreduce of the gradient buffer (after a barrier each)."""
    from rnnkit import distributed

    if distributed.size() == 1:
        return None
    from mpi4py import MPI

    for p in params:
        p.grad = p.data * 0
    times = []
    for _ in range(repeats):
        MPI.COMM_WORLD.Barrier()
        tick = time.perf_counter()
        distributed.allreduce_gradients(params)
        times.append(time.perf_counter() - tick)
    for p in params:
        p.grad = None
    return statistics.median(times)


def _translator_worker(steps, warmup, batch, part=None):
    """-> (seconds for `steps` steps, target tokens in them, params, parameter count).

    part (i, n): train on shard i of n of each global batch (`distributed.shard`, as rank i
    of n would), on this one process: the share of the work a rank has, without MPI."""
    from rnnkit import distributed
    from rnnkit.demo.commentary import generate_corpus, write_tsv
    from rnnkit.translator.formats import modeldir
    from rnnkit.translator.formats.data import read_corpus
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch, "train.tsv")
        if distributed.is_root():
            write_tsv(data, generate_corpus(6000, seed=3))
        data.write_bytes(distributed.broadcast_bytes(data.read_bytes() if data.exists() else b""))
        config = build_config(overrides={"data": str(data), "batch_size": batch})
        corpus = read_corpus(str(data), quiet=True)
        Path(scratch, "model").mkdir()
        session = loop._set_up(
            config, modeldir.ModelDir(Path(scratch, "model")), corpus, None, False, False
        )

        def step():
            indices, epoch_ends = session.next_batch()
            if indices is None:
                session.progress.epoch, session.progress.batch_in_epoch = 0, 0
                indices, epoch_ends = session.next_batch()
            if part is not None:
                indices = distributed.shard(indices, session.tgt_lengths, part[1])[part[0]]
            loop._step(session, indices)
            return int((session.tgt_lengths[indices] + 1).sum())

        for _ in range(warmup):
            step()
        distributed.broadcast_json(None)  # all ranks start together
        tick = time.perf_counter()
        tokens = sum(step() for _ in range(steps))
        seconds = time.perf_counter() - tick
        session.bar.close()
        allreduce = _timed_allreduces(session.params)
        n_params = sum(p.data.size for p in session.params)
        return seconds, tokens, allreduce, n_params, len(session.translator.vocab)


def _lstm_worker(steps, warmup, batch):
    import numpy

    import rnnkit
    from rnnkit import distributed, nn, optim

    T, D, H = LSTM_SHAPE
    rnnkit.manual_seed(0)
    lstm, readout = nn.LSTM(D, H), nn.Linear(H, D)
    params = lstm.parameters() + readout.parameters()
    distributed.broadcast_parameters(params)
    optimizer = optim.Adam(params, lr=1e-3)
    data = numpy.random.default_rng(0)
    x = data.standard_normal((T, batch, D)).astype(numpy.float32)  # (T, B, D)
    y = data.standard_normal((T, batch, D)).astype(numpy.float32)
    mine = distributed.shard_slice(batch)

    def step():
        out, _ = lstm(rnnkit.tensor(x[:, mine]))  # (T, b, H)
        error = readout(out) - rnnkit.tensor(y[:, mine])  # (T, b, D)
        J = (error * error).sum() / batch
        J.backward()
        distributed.allreduce_gradients(params, (J.item(),))
        optim.clip_grad_norm_(params, 5.0)
        optimizer.step()
        optimizer.zero_grad()
        return T * batch

    for _ in range(warmup):
        step()
    distributed.broadcast_json(None)
    tick = time.perf_counter()
    tokens = sum(step() for _ in range(steps))
    seconds = time.perf_counter() - tick
    return seconds, tokens, _timed_allreduces(params), sum(p.data.size for p in params), None


def worker(workload, steps, warmup, batch, part=None):
    from threadpoolctl import threadpool_limits

    from rnnkit import distributed

    distributed.init()
    with threadpool_limits(1, user_api="blas"):
        if workload == "translator":
            result = _translator_worker(steps, warmup, batch, part)
        else:  # equal sequences: a share is a smaller batch
            result = _lstm_worker(steps, warmup, batch // (part[1] if part else 1))
        seconds, tokens, allreduce, n_params, vocab = result
    if distributed.is_root():
        print(
            "RESULT "
            + json.dumps(
                {
                    "seconds": seconds,
                    "steps": steps,
                    "tokens": tokens,
                    "allreduce_s": allreduce,
                    "params": n_params,
                    "vocab": vocab,
                }
            ),
            flush=True,
        )


# --- the driver ---------------------------------------------------------------------------------
def _launch(workload, ranks, args, part=None):
    return _finish(workload, ranks, _start(workload, ranks, args, part))


def _launch_side_by_side(workload, copies, args):
    """`copies` independent 1-rank processes at once, no MPI between them: what N ranks
    could reach on this machine if communication and waiting for each other cost nothing
    (the cores' own limit when all are busy: shared caches, memory bandwidth, clock).
    Returns one result: the copies' seconds (the slowest) and tokens (summed)."""
    started = [_start(workload, 1, args, (i, copies)) for i in range(copies)]
    results = [_finish(workload, 1, process) for process in started]
    return {
        **results[0],
        "seconds": max(r["seconds"] for r in results),
        "tokens": sum(r["tokens"] for r in results),
    }


def _start(workload, ranks, args, part=None):
    command = [sys.executable, __file__, "--worker", workload]
    command += ["--steps", str(args.steps), "--warmup", str(args.warmup)]
    if part is not None:
        command += ["--part", f"{part[0]}/{part[1]}"]
    if ranks > 1:
        mpiexec = shutil.which(
            "mpiexec", path=f"{Path(sys.executable).parent}:{os.environ['PATH']}"
        )
        if mpiexec is None:
            sys.exit('mpiexec not found: pip install "rnnkit[mpi]" (the mpich wheel brings it)')
        command = [mpiexec, "-n", str(ranks), *command]
    env = {**os.environ, **ONE_THREAD}
    for name in ("PMI_SIZE", "PMI_RANK", "OMPI_COMM_WORLD_SIZE", "MPI_LOCALNRANKS", "PMIX_RANK"):
        env.pop(name, None)
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(workload, ranks, process):
    stdout, stderr = process.communicate()
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    if process.returncode or not lines:
        sys.exit(f"{workload} on {ranks} rank(s) failed:\n{stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def _load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workloads", default="translator,lstm")
    parser.add_argument("--ranks", type=int, default=2, help="compared with 1 rank")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=20, help="timed steps per run")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--part", help=argparse.SUPPRESS)  # i/n: shard i of n, no MPI
    args = parser.parse_args()
    if args.worker:
        part = tuple(int(x) for x in args.part.split("/")) if args.part else None
        return worker(args.worker, args.steps, args.warmup, GLOBAL_BATCH, part)

    print(f"load average before: {_load()} ({os.cpu_count()} CPUs); global batch {GLOBAL_BATCH}")
    rows, model = [], []
    for workload in args.workloads.split(","):
        # (ranks, global batch); the last: one rank on one rank's share, what N ranks
        # would reach if MPI cost nothing (the bound the model's own small-batch speed sets)
        # and n independent processes on a share each at once ("n x 1"): the machine's own
        # bound with every core busy, communication aside
        # Shares are those of the ranks: shard 0 of n of the same global batches.
        n, share = args.ranks, GLOBAL_BATCH // args.ranks
        runs = {(1, GLOBAL_BATCH): [], (n, GLOBAL_BATCH): [], (1, share): [], ("n x 1", share): []}
        for _ in range(args.rounds):
            for ranks, batch in runs:
                if ranks == "n x 1":
                    result = _launch_side_by_side(workload, n, args)
                elif batch == share:
                    result = _launch(workload, 1, args, (0, n))
                else:
                    result = _launch(workload, ranks, args)
                runs[ranks, batch].append(result)

        def median(key, what, runs=runs):
            return statistics.median(what(r) for r in runs[key])

        one = median((1, GLOBAL_BATCH), lambda r: r["tokens"] / r["seconds"])
        for ranks, batch in runs:
            steps_s = median((ranks, batch), lambda r: r["steps"] / r["seconds"])
            tokens_s = median((ranks, batch), lambda r: r["tokens"] / r["seconds"])
            if batch == GLOBAL_BATCH:
                efficiency = f"{tokens_s / (ranks * one):.2f}"
            elif ranks == "n x 1":  # the copies' summed tokens/s against n x one rank's
                ranks = f"{n} x 1"
                efficiency = f"<= {tokens_s / (n * one):.2f}"
            else:  # per-step time of the whole batch on 1 rank over N x that of one share
                full = median((1, GLOBAL_BATCH), lambda r: r["seconds"] / r["steps"])
                efficiency = f"<= {full / (n / steps_s):.2f}"
            rows.append((workload, ranks, batch, steps_s, tokens_s, efficiency))
        allreduces = [r["allreduce_s"] for r in runs[n, GLOBAL_BATCH]]
        step = median((1, GLOBAL_BATCH), lambda r: r["seconds"] / r["steps"])
        first = runs[1, GLOBAL_BATCH][0]
        model.append((workload, first["params"], statistics.median(allreduces), step))
        if first["vocab"]:
            print(f"{workload}: vocabulary {first['vocab']}, {first['params']:,} parameters")
    print(f"load average after:  {_load()}")
    print(
        f"\n{'workload':<11} {'ranks':>5} {'batch':>5} {'steps/s':>8} {'tokens/s':>9} "
        f"{'efficiency':>10}"
    )
    for workload, ranks, batch, steps_s, tokens_s, efficiency in rows:
        print(
            f"{workload:<11} {ranks!s:>5} {batch:>5} {steps_s:>8.2f} {tokens_s:>9.0f} "
            f"{efficiency:>10}"
        )
    # The model for N machines: a ring Allreduce moves 2(N-1)/N x bytes through each link;
    # for 90% efficiency it may take a ninth of the step's compute (no overlap with backward,
    # latency ignored, each rank keeping the measured 1-rank step: 64 sentences per rank).
    print(
        f"\n{'workload':<11} {'gradient MB':>11} {'allreduce ms':>12} {'step ms':>8} "
        f"{'loopback GB/s':>13} | Gbit/s for 90% at: "
        f"{'8 ranks':>8} {'64 ranks':>8} {'256 ranks':>9}"
    )
    for workload, params, allreduce, step in model:
        size = params * 4  # float32 bytes
        n = args.ranks
        loopback = 2 * (n - 1) / n * size / allreduce / 1e9
        needed = [2 * (r - 1) / r * size / (step / 9) * 8 / 1e9 for r in (8, 64, 256)]
        print(
            f"{workload:<11} {size / 1e6:>11.2f} {allreduce * 1e3:>12.2f} {step * 1e3:>8.1f} "
            f"{loopback:>13.2f} | {'':>18} {needed[0]:>8.2f} {needed[1]:>8.2f} {needed[2]:>9.2f}"
        )
    print(f"(allreduce: median of 20 at {n} ranks on loopback; step: 1 rank, batch 64)")


if __name__ == "__main__":
    main()

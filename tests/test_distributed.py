"""rnnkit.distributed: data-parallel training over real MPI (`mpiexec -n 2`, the mpich wheel of
the `mpi` extra), never a mock.

The reference for N ranks is one process with the same global batches: without dropout the
weights after K steps must agree (float64 to 1e-12; the float32 CLI run to a stated
tolerance), with clipping binding, uneven shards and a batch smaller than the number of ranks.
A killed rank, a failing rank and an error every rank meets must each end the job, never hang.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest

from rnnkit import distributed, optim
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.errors import RnnkitError
from rnnkit.translator.formats import checkpoint
from rnnkit.translator.training import loop

PROGRAMS = Path(__file__).parent / "mpi_programs"
sys.path.insert(0, str(PROGRAMS))
import library_loop  # noqa: E402  (tests/mpi_programs: the programs mpiexec runs)
import train_float64  # noqa: E402

from rnnkit.cli.main import main  # noqa: E402

MPIEXEC = shutil.which(
    "mpiexec", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
)
TIMEOUT = 240  # seconds any one MPI job may take before the test calls it a hang
LAUNCHER_VARIABLES = (
    *distributed.SIZE_VARIABLES,
    *distributed.RANK_ONLY_VARIABLES,
    "PMI_RANK",
    "PMI_FD",
)
TINY = [
    "--cell",
    "lstm",
    "--embed",
    "16",
    "--hidden",
    "16",
    "--batch-size",
    "15",  # uneven shards; 31 pairs end each epoch with a batch of 1: one rank idles
    "--log-every",
    "2",
    "--valid-every",
    "1000",
    "--quiet",
]


def _environment():
    """This process's environment without any MPI launcher's variables (the tests may
    themselves run inside a job)."""
    env = {k: v for k, v in os.environ.items() if k not in LAUNCHER_VARIABLES}
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).parents[1]), env.get("PYTHONPATH")])
    )
    return env


def _run(args, ranks=None, timeout=TIMEOUT):
    """Run `args` as one process (ranks=None) or under `mpiexec -n ranks`."""
    assert MPIEXEC, 'mpiexec not found: pip install ".[mpi]" (the mpich wheel brings it)'
    command = list(args) if ranks is None else [MPIEXEC, "-n", str(ranks), *args]
    return subprocess.run(
        command, env=_environment(), capture_output=True, text=True, timeout=timeout
    )


def _rnnkit_train(*args):
    return [sys.executable, "-m", "rnnkit", "train", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    examples = generate_corpus(31, split="train", languages=["fr", "zh"], seed=1)
    write_tsv(root / "train.tsv", examples)
    return root / "train.tsv"


def _model_weights(model_dir):
    arrays, meta = checkpoint.load_checkpoint(Path(model_dir) / "latest.safetensors")
    return {k: v for k, v in arrays.items() if k.startswith("model/")}, meta["step"]


def _max_difference(a, b):
    assert set(a) == set(b)
    return max(float(numpy.abs(a[name] - b[name]).max()) for name in a)


# --- without MPI --------------------------------------------------------------------------------
def test_launcher_environment_decides():
    assert not distributed.launched_by_mpi({})
    assert not distributed.launched_by_mpi({"PMI_SIZE": "1"})
    assert distributed.launched_by_mpi({"PMI_SIZE": "2"})
    assert distributed.launched_by_mpi({"OMPI_COMM_WORLD_SIZE": "4"})
    assert distributed.launched_by_mpi({"SLURM_STEP_NUM_TASKS": "8"})
    assert not distributed.launched_by_mpi({"SLURM_NTASKS": "8"})  # an sbatch script itself
    assert distributed.launched_by_mpi({"PMIX_RANK": "0"})


def _single_process(monkeypatch):
    """This test process as a fresh single process: no launcher, rnnkit.distributed not yet
    initialised, mpi4py not imported."""
    for name in LAUNCHER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(distributed, "_initialised", False)
    monkeypatch.setattr(distributed, "_comm", None)
    monkeypatch.delitem(sys.modules, "mpi4py", raising=False)


def _train_here(*args):
    """`rnnkit train ARGS` in this process (one rank)."""
    return main(["train", *args])


def test_a_single_process_never_imports_mpi4py(corpus, tmp_path, monkeypatch):
    _single_process(monkeypatch)
    model_dir = str(tmp_path / "m")
    assert (
        _train_here("--data", str(corpus), "--model-dir", model_dir, *TINY, "--max-steps", "2") == 0
    )
    assert "mpi4py" not in sys.modules
    assert (distributed.size(), distributed.rank(), distributed.is_root()) == (1, 0, True)


def test_without_mpi4py_under_a_launcher_says_how_to_install_it(
    corpus, tmp_path, monkeypatch, capsys
):
    _single_process(monkeypatch)
    monkeypatch.setitem(sys.modules, "mpi4py", None)  # as if it were not installed
    monkeypatch.setenv("PMI_SIZE", "2")
    assert _train_here("--data", str(corpus), "--model-dir", str(tmp_path / "m")) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert 'pip install "rnnkit[mpi]"' in lines[0] and "mpi4py" in lines[0]
    assert lines[0].startswith("rnnkit train: error:")
    assert not (tmp_path / "m").exists()
    with pytest.raises(RnnkitError) as error:  # the library says the same
        distributed.init()
    assert "\n" not in str(error.value) and "rnnkit[mpi]" in str(error.value)


@pytest.mark.parametrize("rank", ["0", "1"])
def test_other_commands_refuse_to_run_on_many_ranks(rank, tmp_path, monkeypatch, capsys):
    _single_process(monkeypatch)
    monkeypatch.setenv("PMI_SIZE", "2")
    monkeypatch.setenv("PMI_RANK", rank)
    assert main(["gradients", "--out", str(tmp_path / "g")]) == 2
    err = capsys.readouterr().err
    expected = 1 if rank == "0" else 0  # one line for the whole job
    assert err.count("only rnnkit train runs on many MPI ranks") == expected, err
    assert not (tmp_path / "g").exists() and "mpi4py" not in sys.modules


@pytest.mark.parametrize("n_shards", [2, 3, 8])
def test_shards_are_disjoint_complete_ordered_and_balanced(n_shards):
    rng = numpy.random.default_rng(n_shards)
    for batch in (1, 2, 7, 64):
        indices = rng.permutation(1000)[:batch]
        weights = rng.integers(1, 40, size=1000)
        parts = distributed.shard(indices, weights, n_shards)
        assert len(parts) == n_shards
        joined = numpy.concatenate(parts)
        assert sorted(joined.tolist()) == sorted(indices.tolist())  # each exactly once
        position = {int(i): p for p, i in enumerate(indices)}
        for part in parts:  # the batch's own order (decreasing source length) is kept
            assert [position[int(i)] for i in part] == sorted(position[int(i)] for i in part)
        loads = [int(weights[part].sum()) for part in parts]
        # Greedy heaviest-first: no part exceeds another by more than one sentence's weight.
        assert max(loads) - min(loads) <= int(weights[indices].max())
        assert all(len(part) for part in parts) or batch < n_shards


def test_shard_slices_cover_a_batch():
    # The single-process path: the whole batch is this rank's.
    assert distributed.shard_slice(7) == slice(0, 7)


def test_dropout_draws_from_seed_rank_and_step(monkeypatch):
    # The documented stream: rank r at step s draws from numpy.random.default_rng([seed, r, s]).
    import rnnkit
    from rnnkit import nn

    _single_process(monkeypatch)  # rank 0
    drop, ones = nn.Dropout(0.5), rnnkit.tensor(numpy.ones((4, 32), dtype=numpy.float32))
    distributed.seed_step(4, 7)
    mask = drop(ones).data != 0
    assert numpy.array_equal(mask, numpy.random.default_rng([4, 0, 7]).random((4, 32)) >= 0.5)
    distributed.seed_step(4, 8)
    assert not numpy.array_equal(drop(ones).data != 0, mask)


# --- the library loop on a bare layer, float64 --------------------------------------------------
def test_two_ranks_give_one_ranks_weights_bare_lstm_float64(tmp_path):
    expected, norms = library_loop.train()
    assert all(norm > library_loop.CLIP for norm in norms), "clipping must bind at every step"
    unclipped, _ = library_loop.train(clip=0)
    assert _max_difference(expected, unclipped) > 1e-3  # so clipping changed the weights
    result = _run([sys.executable, str(PROGRAMS / "library_loop.py"), str(tmp_path / "w.npz")], 2)
    assert result.returncode == 0, result.stderr
    with numpy.load(tmp_path / "w.npz") as got:
        actual = {name: got[name] for name in got.files}
    assert _max_difference(actual, expected) < 1e-12


# --- the translator ------------------------------------------------------------------------------
def test_two_ranks_give_one_ranks_weights_translator_float64(corpus, tmp_path, monkeypatch):
    # SGD with a clip that binds at every step: a per-shard clip or a per-shard normalisation
    # would change the direction of the step.
    options = ["--data", str(corpus), *TINY, "--dropout", "0", "--optimizer", "sgd", "--lr", "0.5"]
    options += ["--clip", "0.5", "--max-steps", "7", "--save-every", "7"]  # batches 15, 15, 1
    norms = []
    _single_process(monkeypatch)
    monkeypatch.setattr(loop, "Seq2Seq", train_float64.Float64Seq2Seq)
    clip = optim.clip_grad_norm_
    monkeypatch.setattr(
        optim, "clip_grad_norm_", lambda p, m: norms.append(clip(p, m)) or norms[-1]
    )
    assert _train_here("--model-dir", str(tmp_path / "one"), *options) == 0
    assert len(norms) == 7 and min(norms) > 0.5, norms
    program = [sys.executable, str(PROGRAMS / "train_float64.py")]
    two = _run([*program, "--model-dir", str(tmp_path / "two"), *options], 2)
    assert two.returncode == 0, two.stderr
    assert float(two.stdout.split("smallest gradient norm:")[1]) > 0.5
    expected, step = _model_weights(tmp_path / "one")
    actual, actual_step = _model_weights(tmp_path / "two")
    assert step == actual_step == 7
    assert all(value.dtype == numpy.float64 for value in expected.values())
    assert _max_difference(actual, expected) < 1e-12
    # rank 0 alone wrote: one log, one summary line
    assert two.stdout.count("trained 7 steps") == 1
    logged = checkpoint.read_log(tmp_path / "two")
    assert [r["step"] for r in logged] == [r["step"] for r in checkpoint.read_log(tmp_path / "one")]


def test_float32_cli_resume_on_another_number_of_ranks(corpus, tmp_path, monkeypatch):
    # The real command in float32 (Adam, the default): 2 ranks for 4 steps, then resumed on
    # 1 rank to 8, against 1 rank throughout. float32 rounding differs with the summation
    # order, and Adam's normalised steps carry it on: 1e-4 is the stated tolerance (the
    # measured difference is about 1e-6; a wrong normalisation moves weights by ~1e-3).
    _single_process(monkeypatch)
    options = ["--data", str(corpus), *TINY, "--dropout", "0", "--save-every", "4"]
    assert _train_here("--model-dir", str(tmp_path / "one"), *options, "--max-steps", "8") == 0
    moved = tmp_path / "moved"
    first = _run(_rnnkit_train("--model-dir", str(moved), *options, "--max-steps", "4"), 2)
    assert first.returncode == 0, first.stderr
    assert _model_weights(moved)[1] == 4
    assert _train_here("--model-dir", str(moved), "--resume", "--max-steps", "8", "--quiet") == 0
    expected, step = _model_weights(tmp_path / "one")
    actual, actual_step = _model_weights(moved)
    assert step == actual_step == 8
    assert _max_difference(actual, expected) < 1e-4


def test_dropout_resume_is_bit_exact_on_the_same_number_of_ranks(corpus, tmp_path):
    options = ["--data", str(corpus), *TINY, "--dropout", "0.3", "--seed", "4", "--save-every", "3"]
    straight = _run(
        _rnnkit_train("--model-dir", str(tmp_path / "a"), *options, "--max-steps", "8"), 2
    )
    assert straight.returncode == 0, straight.stderr
    half = _run(_rnnkit_train("--model-dir", str(tmp_path / "b"), *options, "--max-steps", "5"), 2)
    assert half.returncode == 0, half.stderr
    rest = _run(
        _rnnkit_train("--model-dir", str(tmp_path / "b"), "--resume", "--max-steps", "8"), 2
    )
    assert rest.returncode == 0, rest.stderr
    expected, _ = _model_weights(tmp_path / "a")
    actual, step = _model_weights(tmp_path / "b")
    assert step == 8
    for name in expected:
        assert numpy.array_equal(actual[name], expected[name]), name


# --- failures end the job -----------------------------------------------------------------------
def _children(pid):
    """The process ids whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _rank_pid(launcher_pid, rank):
    """The pid of `rank` among the launcher's descendants (its PMI_RANK variable)."""
    pending = [launcher_pid]
    while pending:
        pid = pending.pop()
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            environ = []
        if f"PMI_RANK={rank}".encode() in environ:
            return pid
        pending.extend(_children(pid))
    return None


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds ranks through /proc")
def test_a_killed_rank_ends_the_job_with_a_message(corpus, tmp_path, monkeypatch):
    model_dir = tmp_path / "m"
    args = _rnnkit_train("--data", str(corpus), "--model-dir", str(model_dir), *TINY)
    args += ["--epochs", "100000", "--save-every", "2"]
    job = subprocess.Popen(
        [MPIEXEC, "-n", "2", *args],
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not (model_dir / "latest.safetensors").exists():  # training is under way
            assert job.poll() is None and time.monotonic() < deadline, job.stdout.read()
            time.sleep(0.05)
        victim = _rank_pid(job.pid, 1)
        assert victim is not None
        os.kill(victim, signal.SIGKILL)
        output, _ = job.communicate(timeout=60)  # a hang fails here
    finally:
        if job.poll() is None:
            job.kill()
    assert job.returncode != 0
    assert "KILLED BY SIGNAL: 9" in output or "Killed" in output, output
    assert _rank_pid(job.pid, 0) is None
    # rank 0 died holding the directory: its last checkpoint resumes (here on one rank)
    _single_process(monkeypatch)
    _, step = _model_weights(model_dir)
    assert _train_here("--model-dir", str(model_dir), "--resume", "--max-steps", str(step + 1)) == 0
    assert _model_weights(model_dir)[1] == step + 1


def test_a_failing_rank_aborts_the_job(tmp_path):
    # rank 1 raises while rank 0 waits for it in a collective
    code = (
        "import numpy\n"
        "from rnnkit import distributed\n"
        "distributed.init()\n"
        "if distributed.rank() == 1:\n"
        "    raise RuntimeError('rank one broke')\n"
        "distributed.broadcast_json('never answered', root=1)\n"
    )
    result = _run([sys.executable, "-c", code], 2, timeout=60)
    assert result.returncode != 0
    assert "RuntimeError: rank one broke" in result.stderr
    assert "rank 1 of 2 failed; aborting the MPI job" in result.stderr


@pytest.mark.parametrize("fault", ["model directory not empty", "bad data line"])
def test_a_user_error_is_one_line_and_ends_every_rank(fault, corpus, tmp_path):
    # The first is found by rank 0 alone (it alone holds the directory), the second by every
    # rank (each reads the data): rank 0 reports it, once.
    model_dir, data = tmp_path / "m", corpus
    model_dir.mkdir()
    (model_dir / "notes.txt").write_text("the user's")
    if fault == "bad data line":
        model_dir = tmp_path / "new"
        data = tmp_path / "bad.tsv"
        data.write_text("fr\tone\tun\nfr\ttwo\n", encoding="utf-8")
    result = _run(_rnnkit_train("--data", str(data), "--model-dir", str(model_dir)), 2, 60)
    assert result.returncode == 2  # rnnkit's exit code for an error the user can fix
    errors = [line for line in result.stderr.splitlines() if "rnnkit train: error:" in line]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    assert ("not empty" if fault == "model directory not empty" else "bad.tsv:2") in errors[0]
    assert [p.name for p in tmp_path.joinpath("m").iterdir()] == ["notes.txt"]
    assert not (tmp_path / "new").exists()

"""Progress output: a bar with a total that never moves on a terminal, plain periodic lines
(no carriage returns) in a file or a pipe."""
# ruff: noqa: F811 (the fixture imported from test_translator_cli is used as an argument)

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from test_translator_cli import TINY, corpus  # noqa: F401

from rnnkit.progress import PeriodicLines, progress


def test_a_file_gets_plain_lines_with_rate_and_eta():
    out = io.StringIO()
    bar = progress(100, unit="step", desc="training", file=out, interval=0)
    assert isinstance(bar, PeriodicLines)
    bar.set_postfix(J="2.000")
    bar.update(25)
    bar.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and len(lines) == 2
    assert lines[0].startswith("training: 25/100 steps (25%) | J=2.000 | 0:00:00 elapsed")
    assert "ETA" in lines[0]


def test_lines_come_only_every_interval():
    out = io.StringIO()
    bar = progress(10_000, file=out, interval=3600)
    for _ in range(10_000):
        bar.update(1)
    bar.close()
    assert len(out.getvalue().splitlines()) == 1  # the closing line only


def _train_command(corpus, model_dir, *extra):
    return [
        sys.executable,
        "-m",
        "rnnkit",
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--model-dir",
        str(model_dir),
        *[a for a in TINY if a != "--quiet"],
        *extra,
    ]


def test_training_into_a_pipe_writes_no_carriage_returns(corpus, tmp_path):
    result = subprocess.run(
        _train_command(corpus, tmp_path / "m", "--max-steps", "30"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr
    assert re.search(r"training: 30/30 steps \(100%\) \| step=30 J=", result.stderr)
    assert len(result.stderr.splitlines()) < 15


def test_on_a_terminal_the_bars_total_is_the_time_budget_and_never_moves(corpus, tmp_path):
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 120 columns
    process = subprocess.Popen(
        _train_command(
            corpus,
            tmp_path / "m",
            "--time-budget",
            "4",
            "--max-steps",
            "100000",
            "--epochs",
            "1000",
        ),
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=120) == 0
    text = b"".join(chunks).decode("utf-8", "replace")
    totals = set(re.findall(r"\d+/(\d+) \[", text))
    assert totals == {"4"}, text[-500:]

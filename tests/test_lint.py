"""The whole repository passes `ruff check` (the rules are in pyproject.toml) and is formatted
by `ruff format` (run `ruff format .` before committing)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_ruff_passes(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, f"ruff {command[0]} failed:\n{result.stdout}{result.stderr}"

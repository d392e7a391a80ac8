"""Checkpoints: safetensors + JSON round trips, atomic writes, clear errors on bad files."""

import numpy
import pytest

from rnnkit.errors import CheckpointError
from rnnkit.translator.formats import checkpoint


def test_round_trip_keeps_arrays_dtypes_and_metadata(tmp_path):
    arrays = {
        "model/w": numpy.arange(6, dtype=numpy.float32).reshape(2, 3),
        "optim/param0.exp_avg": numpy.ones(3, dtype=numpy.float64),
    }
    meta = {"step": 7, "rng": {"state": {"state": 2**100 + 1}}, "losses": [0.1, 2.5]}
    checkpoint.save_checkpoint(tmp_path / "c.safetensors", arrays, meta)
    loaded, loaded_meta = checkpoint.load_checkpoint(tmp_path / "c.safetensors")
    assert loaded_meta == meta
    for name, value in arrays.items():
        assert loaded[name].dtype == value.dtype and numpy.array_equal(loaded[name], value)


@pytest.mark.parametrize("content", [b"", b"\x10\x00\x00\x00\x00\x00\x00\x00{bad", b"garbage"])
def test_corrupt_checkpoint_is_one_clear_error(tmp_path, content):
    path = tmp_path / "best.safetensors"
    path.write_bytes(content)
    with pytest.raises(CheckpointError, match="best.safetensors: corrupt checkpoint"):
        checkpoint.load_checkpoint(path)


def test_missing_checkpoint_and_json(tmp_path):
    with pytest.raises(CheckpointError, match="checkpoint not found"):
        checkpoint.load_checkpoint(tmp_path / "latest.safetensors")
    with pytest.raises(CheckpointError, match="config.json: missing"):
        checkpoint.load_json(tmp_path / "config.json")


def test_log_appends_and_reads_back(tmp_path):
    checkpoint.append_log(tmp_path, {"step": 1, "loss": 2.0})
    checkpoint.append_log(tmp_path, {"step": 2, "bleu": 3.0})
    assert checkpoint.read_log(tmp_path) == [{"step": 1, "loss": 2.0}, {"step": 2, "bleu": 3.0}]

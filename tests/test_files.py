"""Atomic writes: a failed write leaves the previous file and no temporary behind."""

import pytest

from rnnkit import files


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "latest.safetensors"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        files.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["latest.safetensors"]  # no temp file left


def test_text_and_bytes(tmp_path):
    files.atomic_write(tmp_path / "sub" / "a.txt", "héllo\n")
    files.atomic_write(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "sub" / "a.txt").read_text(encoding="utf-8") == "héllo\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"

"""Writing files so that a crash or a full disk never leaves a half-written one: every file
of a model directory (vocabulary, tokenizer, config, checkpoints, plots) goes through here."""

import os
import tempfile
from pathlib import Path


def atomic_write(path, data):
    """Write bytes or text to `path` via a temporary file and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""Checkpoints and the other files of a model directory: safetensors for arrays, JSON for the
rest, never pickle; every file is written atomically (rnnkit.files.atomic_write), so a crash
mid-write leaves the previous file intact. The layout is `modeldir`'s.

A checkpoint holds the model's weights under `model/NAME` and, for resuming, the optimiser's
arrays under `optim/NAME`; its JSON header carries the training position, the random state and
a SHA-256 per tensor, checked on load, so flipped or zeroed bytes are found, not trained on.
Only this module knows those prefixes (`save_training_state`, `restore_training_state`,
`load_weights`).
"""

import hashlib
import json
import os
from pathlib import Path

import numpy
from safetensors import SafetensorError, safe_open
from safetensors.numpy import save as safetensors_bytes

from rnnkit.core import random as rnnkit_random
from rnnkit.errors import CheckpointError
from rnnkit.files import atomic_write, safe_path
from rnnkit.translator.formats.modeldir import LOG

MODEL, OPTIM = "model/", "optim/"


def save_json(path, obj):
    atomic_write(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def load_json(path, expect=dict):
    """The JSON object in `path`; missing, corrupt or not a mapping is a CheckpointError."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(
            f"{path}: missing; is this a model directory made by rnnkit train?"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckpointError(
            f"{path}: corrupt JSON ({exc}); retrain or restore the file"
        ) from None
    if not isinstance(value, expect):
        raise CheckpointError(
            f"{path}: expected a JSON object, found {type(value).__name__}; retrain or restore "
            "the file"
        )
    return value


def _digest(array):
    return hashlib.sha256(numpy.ascontiguousarray(array).tobytes()).hexdigest()


def save_checkpoint(path, arrays, meta):
    """arrays: name -> numpy array; meta: JSON-serialisable dict stored in the header (with a
    SHA-256 per tensor added)."""
    contiguous = {name: numpy.ascontiguousarray(a) for name, a in arrays.items()}
    meta = {**meta, "sha256": {name: _digest(a) for name, a in contiguous.items()}}
    atomic_write(path, safetensors_bytes(contiguous, metadata={"rnnkit": json.dumps(meta)}))


def load_checkpoint(path):
    """-> (arrays dict, meta dict); a missing or corrupt file is a CheckpointError."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: checkpoint not found; train a model first (rnnkit train)")
    try:
        with safe_open(str(path), framework="numpy") as f:
            meta = json.loads((f.metadata() or {}).get("rnnkit", "{}"))
            arrays = {name: f.get_tensor(name) for name in f.keys()}
    except (SafetensorError, OSError, ValueError, json.JSONDecodeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _corrupt(path, why) from None
    if not isinstance(meta, dict):
        raise _corrupt(path, "its metadata is not a JSON object")
    digests = meta.pop("sha256", None)  # older checkpoints carry none
    if digests is not None:
        if not isinstance(digests, dict) or set(digests) != set(arrays):
            raise _corrupt(path, "its tensor list does not match its checksums")
        for name, array in arrays.items():
            if _digest(array) != digests[name]:
                raise _corrupt(path, f"tensor {name} does not match its checksum")
    return arrays, meta


def _corrupt(path, why):
    return CheckpointError(f"{path}: corrupt checkpoint ({why}); use another checkpoint or retrain")


def load_weights(path):
    """The model's weights of a checkpoint: name -> float array (float16/float64 are converted
    to the model's float32 when loaded; integer or boolean weights are refused)."""
    arrays, meta = load_checkpoint(path)
    weights = {k[len(MODEL) :]: v for k, v in arrays.items() if k.startswith(MODEL)}
    for name, value in weights.items():
        if not numpy.issubdtype(value.dtype, numpy.floating):
            raise _corrupt(path, f"weight {name} has dtype {value.dtype}, not a float type")
        weights[name] = value.astype(numpy.float32, copy=False)
        if not numpy.isfinite(value).all():
            raise CheckpointError(
                f"{path}: weight {name} holds NaN or infinite values; use another checkpoint "
                "or retrain (with a lower --lr)"
            )
    return weights, meta


def save_training_state(path, model, optimizer, position):
    """Weights (and the optimiser's state unless `optimizer` is None), the training position
    (a dict: step, epoch, ...) and the random generator's state."""
    arrays = {MODEL + name: value for name, value in model.state_dict().items()}
    meta = {**position, "rng": rnnkit_random.get_state()}
    if optimizer is not None:
        state = optimizer.state_dict()
        arrays.update({OPTIM + name: value for name, value in state["arrays"].items()})
        meta["optimizer"] = {"lr": state["lr"], "scalars": state["scalars"]}
    save_checkpoint(path, arrays, meta)


def restore_training_state(path, model, optimizer, position_keys, defaults=None):
    """Load what save_training_state wrote into `model` and `optimizer`, set the random state;
    returns the position dict (the keys `position_keys`; those of `defaults` that an older
    checkpoint lacks take their value there)."""
    arrays, meta = load_checkpoint(path)
    try:
        model.load_state_dict(
            {k[len(MODEL) :]: v for k, v in arrays.items() if k.startswith(MODEL)}
        )
        optimizer.load_state_dict(
            {
                "lr": meta["optimizer"]["lr"],
                "scalars": meta["optimizer"]["scalars"],
                "arrays": {k[len(OPTIM) :]: v for k, v in arrays.items() if k.startswith(OPTIM)},
            }
        )
        if not isinstance(meta["rng"], dict):
            raise ValueError("the random state is not a JSON object")
        rnnkit_random.set_state(meta["rng"])
        meta = {**(defaults or {}), **meta}
        return {key: meta[key] for key in position_keys}
    except (KeyError, ValueError, TypeError) as exc:
        raise CheckpointError(f"{path}: incomplete checkpoint ({exc}); retrain") from None


def append_log(directory, record):
    """One JSON object per line of DIR/train_log.jsonl, appended (a resumed run continues the
    same log); never through a symbolic link."""
    path = safe_path(directory, LOG)
    line = (json.dumps(record) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read_log(directory):
    """The records of DIR/train_log.jsonl. A torn last line (a run killed mid-write) is
    dropped; a bad line elsewhere is a CheckpointError naming it."""
    path = safe_path(directory, LOG)
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except ValueError:
            if number >= len(lines) - 1:  # the last line, cut short by a kill
                break
            raise CheckpointError(
                f"{path}:{number}: not a JSON log record; delete the line or the file"
            ) from None
        records.append(record)
    return records

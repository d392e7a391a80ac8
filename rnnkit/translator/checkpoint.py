"""The model directory and its checkpoints: safetensors for arrays, JSON for the rest,
never pickle; every file is written atomically (temporary file in the same folder + rename),
so a crash mid-write leaves the previous file intact.

    DIR/config.json          everything needed to rebuild the model (model, training, text)
    DIR/tokenizer/ , vocab.txt
    DIR/latest.safetensors   weights, optimiser state, step, RNG state (for --resume)
    DIR/best.safetensors     weights of the best dev BLEU so far
    DIR/train_log.jsonl      one JSON object per logged step / validation
    DIR/plots/*.png
"""

import json
from pathlib import Path

import numpy
from safetensors import SafetensorError, safe_open
from safetensors.numpy import save as safetensors_bytes

from rnnkit.errors import CheckpointError
from rnnkit.files import atomic_write

CONFIG = "config.json"
LATEST = "latest.safetensors"
BEST = "best.safetensors"
LOG = "train_log.jsonl"


def save_json(path, obj):
    atomic_write(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def load_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(
            f"{path}: missing; is this a model directory made by rnnkit train?"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckpointError(
            f"{path}: corrupt JSON ({exc}); retrain or restore the file"
        ) from None


def save_checkpoint(path, arrays, meta):
    """arrays: name -> numpy array; meta: JSON-serialisable dict stored in the header."""
    contiguous = {name: numpy.ascontiguousarray(a) for name, a in arrays.items()}
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
        raise CheckpointError(
            f"{path}: corrupt checkpoint ({str(exc).splitlines()[0]}); "
            "use another checkpoint or retrain"
        ) from None
    return arrays, meta


def append_log(model_dir, record):
    """One JSON object per line; appended (a resumed run continues the same log)."""
    with open(Path(model_dir) / LOG, "a", encoding="utf-8") as log:
        log.write(json.dumps(record) + "\n")


def read_log(model_dir):
    path = Path(model_dir) / LOG
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

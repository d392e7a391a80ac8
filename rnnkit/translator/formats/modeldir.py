"""The model directory's one owner: its layout, how a training run takes hold of it, and
what `--overwrite` may replace.

    DIR/config.json          everything needed to rebuild the model; it also says that rnnkit
                             wrote DIR ("rnnkit_version"), the only directories --overwrite takes
    DIR/tokenizer/, vocab.txt
    DIR/output_vocab.json    each target language's output classes (model/language_vocab.py)
    DIR/latest.safetensors   weights, optimiser state, step, RNG state (for --resume)
    DIR/best.safetensors     weights of the best dev BLEU so far
    DIR/train_log.jsonl      one JSON object per logged step / validation
    DIR/plots/*.png

A training run holds an exclusive lock on DIR for its whole length (a second run on the same
DIR is refused and told who holds it). A new run, and a run that replaces an existing model
(`--overwrite`), write into DIR/.rnnkit-staging/ first; once the first checkpoint exists the
staged files are swapped in, replacing only the names above (a file the user keeps in DIR
stays). A run that fails before that leaves DIR as it found it (and removes DIR if it created
it). Every path is checked: nothing is written through a symbolic link. Training, checkpoints
and inference ask this module for paths instead of joining file names themselves.
"""

import contextlib
import json
import os
from pathlib import Path

from rnnkit.errors import CheckpointError, RnnkitError
from rnnkit.files import (
    TEMPORARY_SUFFIX,
    DirectoryLock,
    remove_entry,
    remove_temporaries,
    safe_path,
)

CONFIG = "config.json"
TOKENIZER = "tokenizer"
VOCAB = "vocab.txt"
OUTPUT_VOCAB = "output_vocab.json"
LATEST = "latest.safetensors"
BEST = "best.safetensors"
LOG = "train_log.jsonl"
PLOTS = "plots"
# all that rnnkit writes in DIR
LAYOUT = (CONFIG, TOKENIZER, VOCAB, OUTPUT_VOCAB, LATEST, BEST, LOG, PLOTS)
STAGING = ".rnnkit-staging"


class ModelDir:
    """A model directory. `path(name)` is where entry `name` is read or written now: inside
    the staging folder while a new run has not saved its first checkpoint, else in DIR."""

    def __init__(self, root):
        self.root = Path(root)
        self.work = self.root
        self._created = False

    def path(self, *parts):
        return safe_path(self.work, *parts)

    def final_path(self, *parts):
        """Where entry `parts` will be once the run is swapped in (for messages)."""
        return safe_path(self.root, *parts)

    @property
    def staged(self):
        return self.work != self.root

    # --- what is there ----------------------------------------------------------------------
    def is_model(self):
        """True when DIR/config.json is a config rnnkit wrote."""
        try:
            config = json.loads(safe_path(self.root, CONFIG).read_text(encoding="utf-8"))
        except (OSError, ValueError, RnnkitError):
            return False
        return isinstance(config, dict) and "rnnkit_version" in config

    def _not_empty(self):
        """Anything in DIR but this module's own bookkeeping (lock, staging, temporaries)."""
        if not self.root.is_dir():
            return False
        ours = (DirectoryLock.INFO, STAGING)
        return any(
            p.name not in ours and not p.name.endswith(TEMPORARY_SUFFIX)
            for p in self.root.iterdir()
        )

    def check_for_training(self, resume, overwrite):
        """Refuse, changing nothing, when a run may not write here (before any data is read)."""
        if resume and overwrite:
            raise RnnkitError("--resume and --overwrite contradict each other; choose one")
        if self.root.exists() and not self.root.is_dir():
            raise RnnkitError(
                f"{self.root}: is a file, not a directory; choose another --model-dir"
            )
        for name in LAYOUT:
            safe_path(self.root, name)  # a link where rnnkit writes is refused now, not later
        if resume:
            if not safe_path(self.root, LATEST).is_file():
                raise CheckpointError(
                    f"{self.root}: nothing to resume (no {LATEST}); start a run with "
                    "rnnkit train --model-dir pointing at an empty or new directory"
                )
            return
        if self._not_empty():
            if not overwrite:
                raise RnnkitError(
                    f"{self.root}: not empty; pass --resume to continue training there or "
                    "--overwrite to start again (nothing was changed)"
                )
            if not self.is_model():
                raise RnnkitError(
                    f"{self.root}: --overwrite replaces only an rnnkit model directory (its "
                    f"{CONFIG} says so), and this is not one; nothing was changed; choose "
                    "another --model-dir"
                )

    # --- a training run's hold on the directory ----------------------------------------------
    @contextlib.contextmanager
    def training_run(self, resume, overwrite, command="rnnkit train"):
        """Lock DIR for one run; stage a new run's files; swap them in at `commit()` (or at the
        end of a successful run); undo a new run that fails before its first checkpoint."""
        self.check_for_training(resume, overwrite)
        self._created = not self.root.exists()
        self.root.mkdir(parents=True, exist_ok=True)
        lock = DirectoryLock(self.root, command)
        try:
            lock.acquire()
        except BaseException:
            self._remove_root_if_created()
            raise
        try:
            self.check_for_training(resume, overwrite)  # again, now that we hold the lock
            remove_temporaries(self.root)
            remove_entry(self.root / STAGING)  # left by a run that was killed
            if not resume:
                self.work = self.root / STAGING
                self.work.mkdir()
            yield self
            self.commit()
        except BaseException:
            if self.staged:  # no checkpoint of this run yet: leave DIR as it was
                remove_entry(self.work)
                self.work = self.root
                lock.release()
                self._remove_root_if_created()
            raise
        finally:
            lock.release()

    def commit(self):
        """Swap the staged run in: replace only rnnkit's own entries of DIR."""
        if not self.staged:
            return
        for name in LAYOUT:
            remove_entry(self.root / name)
        for entry in sorted(os.listdir(self.work)):
            os.replace(self.work / entry, self.root / entry)
        self.work.rmdir()
        self.work = self.root

    def _remove_root_if_created(self):
        if self._created and self.root.is_dir() and not any(self.root.iterdir()):
            self.root.rmdir()

    # --- overwriting an old model ----------------------------------------------------------
    def remove_own_files(self):
        """Remove what rnnkit wrote in DIR (a previous demo's model); keep anything else."""
        remove_temporaries(self.root)
        for name in (*LAYOUT, STAGING):
            remove_entry(self.root / name)
        if self.root.is_dir() and not any(self.root.iterdir()):
            self.root.rmdir()

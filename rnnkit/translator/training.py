"""Training: the lecture's loop (forward, summed sequence loss, backprop, w := w - alpha dJ/dw)
with the habits of real training programs: a progress bar, validation BLEU with early
stopping, checkpoints that resume bit-exactly, and clean stops on a time budget, a step
budget, the lecture's rule J < target, or Ctrl-C / SIGTERM (the step in progress finishes,
latest.safetensors is saved and the command that resumes is printed).

`train` reads top to bottom: check the options and the directory, read the data, then with
the model directory held (`modeldir.ModelDir.training_run`) set up, take steps, run the
periodic hooks (log, validate, save) and finish (last checkpoint, plots, summary).

Bit-exact resume: the batches of an epoch are a pure function of (seed, epoch); the
checkpoint stores the weights, the optimiser state, the position (epoch, batch) and the
state of the random generator behind dropout, so a run killed and resumed takes exactly
the steps an uninterrupted run takes.

Under MPI (`mpiexec -n N rnnkit train`) the same program runs on every rank: each step
takes this rank's shard of the global batch and one Allreduce sums the gradients
(`rnnkit.distributed`); rank 0 alone holds the model directory, logs, validates, saves and
decides when to stop.
"""

import contextlib
import dataclasses
import json
import math
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy

import rnnkit
from rnnkit import distributed, optim
from rnnkit.errors import ConfigError, RnnkitError
from rnnkit.files import atomic_write
from rnnkit.progress import progress as progress_display
from rnnkit.text import collate, plan_batches, sample_groups
from rnnkit.translator import checkpoint, modeldir, plots
from rnnkit.translator.config import build_config
from rnnkit.translator.data import (
    build_text_pipeline,
    check_vocab_size,
    encode_corpus,
    load_text_pipeline,
    read_corpus,
)
from rnnkit.translator.evaluation import evaluate_corpus
from rnnkit.translator.inference import Translator
from rnnkit.translator.language_vocab import LanguageVocabularies
from rnnkit.translator.model import Seq2Seq

# Options that a resumed run may change; everything else comes from the saved config.
STOPPING_KEYS = ("epochs", "max_steps", "time_budget", "target_loss", "patience")
# Options naming files: stored resolved in config.json, so a resume works from anywhere.
PATH_KEYS = ("data", "valid", "src_file", "tgt_file", "valid_src_file", "valid_tgt_file")


class TrainingStopped(RnnkitError):
    """Training could not go on (a NaN loss or weights); the last good checkpoint is kept."""


@dataclass
class Progress:
    """Where training stands; saved in latest.safetensors."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0  # batches of `epoch` already taken
    best_bleu: float = -1.0
    bad_validations: int = 0
    recent_losses: list = field(default_factory=list)  # J of the last log_every steps
    elapsed: float = 0.0  # seconds of training so far, summed over resumed runs
    valid_elapsed: float = 0.0  # `elapsed` when the last validation began
    schedule: dict = field(default_factory=dict)  # optim.WarmupPlateau.state_dict()


POSITION = tuple(f.name for f in dataclasses.fields(Progress))
# Fields added after the first release: a checkpoint saved before them resumes with these.
ADDED_LATER = {"elapsed": 0.0, "valid_elapsed": 0.0, "schedule": {}}


def resolve_paths(config):
    """The config with its file options as absolute paths (as config.json stores them)."""
    resolved = {k: str(Path(getattr(config, k)).resolve()) for k in PATH_KEYS if getattr(config, k)}
    return dataclasses.replace(config, **resolved)


def resumed_config(model_dir, overrides):
    """The saved run's config with the stopping options given now; any other option given
    with a different value than the saved run's is an error that names them all."""
    saved = checkpoint.load_json(model_dir.path(modeldir.CONFIG))
    train_section = saved.get("train")
    if not isinstance(train_section, dict):
        raise RnnkitError(f"{model_dir.path(modeldir.CONFIG)}: has no training section; retrain")
    # a run begun before language_softmax existed goes on with the whole vocabulary's softmax
    train_section = {"language_softmax": False, **train_section}
    config = build_config(overrides=train_section)
    given = build_config(overrides={**train_section, **(overrides or {})})
    given = resolve_paths(given)
    changed = [
        f"--{key.replace('_', '-')} (saved {getattr(config, key)!r}, given {getattr(given, key)!r})"
        for key in (overrides or {})
        if key not in STOPPING_KEYS and getattr(given, key) != getattr(config, key)
    ]
    if changed:
        raise ConfigError(
            "--resume continues the saved run, whose config differs in "
            + "; ".join(changed)
            + f"; drop these options, or start a new run (--overwrite or another --model-dir); "
            f"only {', '.join('--' + k.replace('_', '-') for k in STOPPING_KEYS)} may change"
        )
    stopping = {k: getattr(given, k) for k in STOPPING_KEYS}
    return dataclasses.replace(config, **stopping)


def train(config, model_dir, resume=False, overwrite=False, overrides=None, show_progress=True):
    """Train a translator into `model_dir`. Returns a summary dict (steps, losses, BLEU,
    stop_reason; `interrupted` is the signal's name when Ctrl-C or SIGTERM stopped it).

    `overrides`: options given explicitly on a resumed run's command line (only the
    stopping rules may differ from the saved run's).
    """
    # --- check everything before the disk is touched --------------------------------------
    # Under MPI (rnnkit.distributed) rank 0 alone holds the model directory; it sends the
    # config to the other ranks, and every rank reads the data itself.
    model_dir = modeldir.ModelDir(model_dir)
    distributed.init()
    root = distributed.is_root()
    if root:
        model_dir.check_for_training(resume, overwrite)
        config = resumed_config(model_dir, overrides) if resume else resolve_paths(config)
    config = build_config(overrides=distributed.broadcast_json(config.to_dict() if root else None))
    config.validate()
    train_corpus = read_corpus(
        config.data,
        config.src_file,
        config.tgt_file,
        config.lang,
        config.skip_bad_lines,
        max_chars=config.max_chars,
        quiet=not root,
    )
    check_vocab_size(config.vocab_size, train_corpus.languages)
    valid_corpus = None
    if config.valid or config.valid_src_file:
        valid_corpus = read_corpus(
            config.valid,
            config.valid_src_file,
            config.valid_tgt_file,
            config.lang,
            config.skip_bad_lines,
            max_chars=config.max_chars,
            quiet=not root,
        )

    if valid_corpus is not None:
        _check_dev_languages(train_corpus, valid_corpus, config.valid or config.valid_src_file)

    with model_dir.training_run(resume, overwrite) if root else contextlib.nullcontext():
        session = _set_up(config, model_dir, train_corpus, valid_corpus, resume, show_progress)
        with _stop_signals() as signals:
            stop_reason = distributed.broadcast_json(_stop_reason(session))
            if stop_reason is not None:  # a finished run resumed: not one step more
                stop_reason = f"nothing left to do: {stop_reason}"
            while stop_reason is None:
                indices, epoch_ends = session.next_batch()
                if indices is not None:
                    _step(session, indices)
                    _periodic_hooks(session)
                if epoch_ends:
                    _end_of_epoch(session)
                stop_reason = _stop_reason(session) or signals.reason
                # rank 0 decides when to stop and, validating, the learning rate
                stop_reason, session.schedule.peak = distributed.broadcast_json(
                    [stop_reason, session.schedule.peak]
                )
        return _finish(session, stop_reason, signals.reason)


def _check_dev_languages(train_corpus, valid_corpus, name):
    """Every dev language must be one the model learns (checked before training, not at the
    first validation)."""
    known = set(train_corpus.langs)
    for lang in sorted(set(valid_corpus.langs) - known, key=str):
        if lang is None:
            raise ConfigError(
                f"{name}: has no language column, but the training data has one "
                f"({', '.join(train_corpus.languages)}); add it (lang<TAB>source<TAB>target)"
            )
        trained = ", ".join(train_corpus.languages) or "none (single-language data)"
        raise ConfigError(
            f"{name}: language {lang!r} is not in the training data, which has: {trained}"
        )


# --- set-up ---------------------------------------------------------------------------------
@dataclass
class _Session:
    """Everything one run works with; built by _set_up."""

    config: object
    model_dir: modeldir.ModelDir
    model: Seq2Seq
    params: list
    optimizer: object
    schedule: optim.WarmupPlateau  # the learning rate of each update
    translator: Translator
    sources: list  # token ids of the kept training pairs
    targets: list
    src_lengths: numpy.ndarray  # (N,) their lengths, for planning batches
    tgt_lengths: numpy.ndarray
    groups: numpy.ndarray | None  # (N,) their target language (None: untagged data)
    valid_corpus: object
    progress: Progress
    bar: object  # rnnkit.progress: a tqdm bar on a terminal, periodic lines in a log
    total: int  # the step the run ends at, by --epochs and --max-steps
    # (the clock is looked up when a session is built, so a test can give training its own)
    started: float = field(default_factory=lambda: time.monotonic())
    first_step: int = 0
    elapsed_before: float = 0.0  # seconds of training before this run (a resumed one's)
    validated_at: int = -1  # the step of this run's last validation
    last_record: dict | None = None  # the last step's loss entry
    _plan: tuple = (None, [])  # (epoch, its batches)

    def elapsed(self):
        """Seconds of training, this run's and those before a resume (what the log records)."""
        return self.elapsed_before + time.monotonic() - self.started

    def position(self):
        """The training position as checkpoints store it, brought up to this moment."""
        self.progress.elapsed = self.elapsed()
        self.progress.schedule = self.schedule.state_dict()
        return dataclasses.asdict(self.progress)

    def next_batch(self):
        """(indices of the next batch, or None; whether the epoch ends with it)."""
        progress, config = self.progress, self.config
        if self._plan[0] != progress.epoch:
            batches = plan_epoch(
                config, self.src_lengths, self.tgt_lengths, self.groups, progress.epoch
            )
            self._plan = (progress.epoch, batches)
        batches = self._plan[1]
        if progress.batch_in_epoch >= len(batches):  # a checkpoint from an epoch's very end
            return None, True
        return batches[progress.batch_in_epoch], progress.batch_in_epoch + 1 == len(batches)


def plan_epoch(config, src_lengths, tgt_lengths, groups, epoch):
    """The batches of one epoch (example indices each). `groups`: the examples' target
    languages (None for untagged data): drawn with --language-temperature, and one language
    a batch with the language softmax (each batch then multiplies its own classes alone)."""
    drawn = numpy.arange(len(src_lengths))
    if groups is not None and config.language_temperature != 1:
        drawn = sample_groups(groups, config.language_temperature, config.seed, epoch)
    plan = plan_batches(
        src_lengths[drawn],
        tgt_lengths[drawn],
        config.batch_size,
        seed=config.seed,
        epoch=epoch,
        groups=groups[drawn] if groups is not None and config.language_softmax else None,
    )
    return [drawn[batch] for batch in plan]


def _set_up(config, model_dir, train_corpus, valid_corpus, resume, show_progress):
    # Under MPI, rank 0 builds (or loads) the text pipeline and the others get its files.
    root = distributed.is_root()
    if root and resume:
        tokenizer, vocab = load_text_pipeline(model_dir.work)
    elif root:
        tokenizer, vocab = build_text_pipeline(train_corpus, config, model_dir.work)
    with distributed.broadcast_files(model_dir.work, (modeldir.TOKENIZER, modeldir.VOCAB)) as got:
        if not root:
            tokenizer, vocab = load_text_pipeline(got)
    sources, targets, kept = encode_corpus(train_corpus, tokenizer, vocab, config.max_len)
    if not sources:
        raise RnnkitError(f"every training pair is longer than --max-len {config.max_len}")
    if len(kept) < len(train_corpus) and root:
        print(
            f"training on {len(kept)} of {len(train_corpus)} pairs: "
            f"{len(train_corpus) - len(kept)} are longer than --max-len {config.max_len} tokens "
            "(raise --max-len to keep them)",
            file=sys.stderr,
        )

    rnnkit.manual_seed(config.seed)
    mconfig = config.model_config(len(vocab))
    model = Seq2Seq(mconfig)
    langs = [train_corpus.langs[i] for i in kept]
    groups = None  # each example's target language (a number), for planning batches
    if train_corpus.languages:
        groups = numpy.unique(langs, return_inverse=True)[1]
    if config.language_softmax:  # from the kept pairs; the same on every rank and resume
        language_vocab = LanguageVocabularies.of_targets(vocab, targets, langs)
        model.use_language_vocab(language_vocab)
        if root:
            checkpoint.save_json(model_dir.path(modeldir.OUTPUT_VOCAB), language_vocab.to_dict())
    params = model.parameters()
    optimizer = (
        optim.Adam(params, lr=config.lr)
        if config.optimizer == "adam"
        else optim.SGD(params, lr=config.lr)
    )
    schedule = optim.WarmupPlateau(
        config.lr, config.lr_warmup, config.lr_decay, config.lr_patience, config.min_lr
    )
    languages = train_corpus.languages
    progress = Progress()
    if resume:  # every rank restores rank 0's latest.safetensors
        with distributed.broadcast_files(model_dir.work, (modeldir.LATEST,)) as got:
            state = checkpoint.restore_training_state(
                got / modeldir.LATEST, model, optimizer, POSITION, ADDED_LATER
            )
        progress = Progress(**state)
        if progress.schedule:
            schedule.load_state_dict(progress.schedule)
        if root:
            _truncate_log(model_dir, progress.step)
    else:
        distributed.broadcast_parameters(params)  # rank 0's initial weights on every rank
    if root and not resume:
        checkpoint.save_json(
            model_dir.path(modeldir.CONFIG),
            {
                "rnnkit_version": rnnkit.__version__,
                "model": mconfig.to_dict(),
                "train": config.to_dict(),
                "languages": languages,
                "tokenizer": tokenizer.kind,
                "vocab_size": len(vocab),
            },
        )

    src_lengths = numpy.array([len(s) for s in sources])
    tgt_lengths = numpy.array([len(t) for t in targets])
    per_epoch = len(plan_epoch(config, src_lengths, tgt_lengths, groups, 0))
    total = per_epoch * config.epochs
    if config.max_steps:
        total = min(total, config.max_steps)
    show = show_progress and distributed.is_root()
    if config.time_budget:  # the budget is the bar: its total never moves, its ETA is exact
        bar = progress_display(
            total=round(config.time_budget), unit="s", desc="training", disable=not show
        )
    else:
        bar = progress_display(
            total=total,
            initial=progress.step,
            unit="step",
            desc="training",
            disable=not show,
        )
    session = _Session(
        config,
        model_dir,
        model,
        params,
        optimizer,
        schedule,
        Translator(model, tokenizer, vocab, languages),
        sources,
        targets,
        src_lengths,
        tgt_lengths,
        groups,
        valid_corpus,
        progress,
        bar,
        total,
        first_step=progress.step,
        elapsed_before=progress.elapsed,
    )
    model.train()
    return session


# --- one step ---------------------------------------------------------------------------------
def _step(session, indices):
    """Forward, the summed sequence loss, backprop, clip, update; records the step.

    On N ranks (rnnkit.distributed) each takes its shard of the global batch `indices`
    (balanced by target tokens), divides its summed loss by the GLOBAL sentence count, and one
    Allreduce sums the gradients with (J, tokens, NLL); then all clip and update alike."""
    config, model, progress = session.config, session.model, session.progress
    tick = time.monotonic()
    shard = indices
    if distributed.size() > 1:
        shard = distributed.my_shard(indices, session.tgt_lengths)
        distributed.seed_step(config.seed, progress.step)  # dropout: (seed, rank, step)
    value = n_tokens = summed = 0
    if len(shard):  # a batch smaller than the number of ranks leaves some idle
        batch = collate(session.sources, session.targets, shard)
        loss, n_tokens, summed = model.loss(
            batch.src, batch.src_lengths, batch.tgt_in, batch.tgt_out
        )
        if len(shard) < len(indices):
            loss = loss * (len(shard) / len(indices))
        value = float(loss.item())
        if math.isfinite(value):
            loss.backward()
    if distributed.size() > 1:
        value, n_tokens, summed = distributed.allreduce_gradients(
            session.params, (value, n_tokens, summed)
        )
        n_tokens = round(n_tokens)
    if not math.isfinite(value):
        raise TrainingStopped(
            f"step {progress.step + 1}: the loss is {value}; training stopped and "
            f"{_kept_checkpoint(session)}; lower --lr or set --clip"
        )
    if config.clip:
        optim.clip_grad_norm_(session.params, config.clip)
    session.optimizer.lr = session.schedule.lr(progress.step + 1)
    session.optimizer.step()
    session.optimizer.zero_grad()
    progress.step += 1
    progress.batch_in_epoch += 1
    progress.recent_losses = (progress.recent_losses + [value])[-config.log_every :]
    rate = n_tokens / max(time.monotonic() - tick, 1e-9)
    if config.time_budget:
        elapsed = min(round(time.monotonic() - session.started), round(config.time_budget))
        session.bar.update(elapsed - session.bar.n)
    else:
        session.bar.update(1)
    session.bar.set_postfix(
        step=progress.step,
        J=f"{value:.3f}",
        ppl=f"{math.exp(min(summed / n_tokens, 50)):.1f}",
        tok_s=f"{rate:.0f}",
        lr=f"{session.optimizer.lr:.3g}",
        refresh=False,
    )
    session.last_record = {
        "step": progress.step,
        "epoch": progress.epoch,
        "loss": value,
        "token_loss": summed / n_tokens,
        "tokens_per_s": round(rate, 1),
        "lr": session.optimizer.lr,
    }


def _kept_checkpoint(session):
    latest = session.model_dir.final_path(modeldir.LATEST)
    if session.model_dir.staged or not latest.exists():
        return "no checkpoint of this run was saved"
    return f"the last good checkpoint ({latest}) is kept"


# --- periodic hooks ---------------------------------------------------------------------------
def _periodic_hooks(session):
    config, step = session.config, session.progress.step
    if not distributed.is_root():  # under MPI rank 0 alone logs, validates and saves
        return
    if step % config.log_every == 0:
        checkpoint.append_log(session.model_dir.work, session.last_record)
    if step % config.valid_every == 0 or _validation_due_by_time(session):
        _validate(session)
    if step % config.save_every == 0:
        _save_latest(session)


def _validation_due_by_time(session):
    """Whether the training clock passed a multiple of --valid-every-seconds since the last
    validation began: multiples, not intervals, so validations do not drift later one step at a
    time, and a --time-budget that is a multiple ends with one."""
    seconds = session.config.valid_every_seconds
    if not seconds:
        return False
    return session.elapsed() // seconds > session.progress.valid_elapsed // seconds


def _end_of_epoch(session):
    progress = session.progress
    progress.epoch += 1
    progress.batch_in_epoch = 0
    # not validated at this very step (by --valid-every or --valid-every-seconds)
    if progress.step % session.config.valid_every and session.validated_at != progress.step:
        _validate(session)


def _save_latest(session):
    """latest.safetensors; the first one swaps a new run into the model directory."""
    if not distributed.is_root():
        return
    _check_finite(session)
    path = session.model_dir.path(modeldir.LATEST)
    checkpoint.save_training_state(path, session.model, session.optimizer, session.position())
    session.model_dir.commit()


def _check_finite(session):
    for name, value in session.model.state_dict().items():
        if not numpy.isfinite(value).all():
            raise TrainingStopped(
                f"step {session.progress.step}: weight {name} is NaN or infinite; training "
                f"stopped and {_kept_checkpoint(session)}; lower --lr or set --clip"
            )


def _validate(session):
    if session.valid_corpus is None or not distributed.is_root():
        return None
    config, progress = session.config, session.progress
    progress.valid_elapsed = elapsed = session.elapsed()
    session.validated_at = progress.step
    result = evaluate_corpus(
        session.translator,
        session.valid_corpus,
        beam=config.valid_beam,
        replace_unk=config.replace_unk,
    )
    session.model.train()
    record = {
        "step": progress.step,
        "bleu": result["bleu"],
        "chrf": result["chrf"],
        "elapsed_s": round(elapsed, 1),  # training seconds when this validation began
        "valid_s": round(session.elapsed() - elapsed, 1),  # what it took (in the budget)
        "lr": session.optimizer.lr,
    }
    lowered = session.schedule.validated(result["bleu"])
    if lowered:
        record["lr_next"] = session.schedule.peak
    checkpoint.append_log(session.model_dir.work, record)
    if result["bleu"] > progress.best_bleu:
        progress.best_bleu, progress.bad_validations = result["bleu"], 0
        _check_finite(session)
        path = session.model_dir.path(modeldir.BEST)
        checkpoint.save_training_state(path, session.model, None, session.position())
    else:
        progress.bad_validations += 1
    session.bar.write(
        f"step {progress.step}: dev BLEU {result['bleu']:.2f} chrF {result['chrf']:.2f}"
        + (f"; lr lowered to {session.schedule.peak:.3g}" if lowered else "")
    )
    return result


def _stop_reason(session):
    config, progress = session.config, session.progress
    recent = progress.recent_losses
    if config.target_loss and len(recent) == config.log_every:
        if sum(recent) / len(recent) < config.target_loss:
            return f"training J < target {config.target_loss}"
    if config.max_steps and progress.step >= config.max_steps:
        return f"max steps {config.max_steps}"
    if config.time_budget and time.monotonic() - session.started >= config.time_budget:
        return f"time budget {config.time_budget:g} s"
    if config.patience and progress.bad_validations >= config.patience:
        return f"no better dev BLEU in {config.patience} validations"
    if progress.epoch >= config.epochs:
        return "epochs done"
    return None


# --- finish -----------------------------------------------------------------------------------
def _finish(session, stop_reason, interrupted):
    session.bar.close()
    record, config = session.last_record, session.config
    if distributed.is_root() and record is not None and record["step"] % config.log_every:
        # A run that stops between log steps (time budget, target J) still records where it
        # ended, so even a run shorter than --log-every steps has a loss curve.
        checkpoint.append_log(session.model_dir.work, record)
    _save_latest(session)
    if interrupted is None and distributed.is_root():
        if session.valid_corpus is not None and not session.model_dir.path(modeldir.BEST).exists():
            _validate(session)
        plots.training_plots(session.model_dir.work, session.translator, session.valid_corpus)
    recent = session.progress.recent_losses
    return {
        "steps": session.progress.step,
        "epochs": session.progress.epoch,
        "stop_reason": stop_reason,
        "interrupted": interrupted,
        "train_loss": sum(recent) / len(recent) if recent else None,
        "best_bleu": session.progress.best_bleu if session.progress.best_bleu >= 0 else None,
        "seconds": round(time.monotonic() - session.started, 1),
    }


def _truncate_log(model_dir, step):
    """Drop log entries written after the checkpoint we resume from (they will be redone)."""
    kept = [r for r in checkpoint.read_log(model_dir.work) if r.get("step", 0) <= step]
    text = "".join(json.dumps(r) + "\n" for r in kept)
    atomic_write(model_dir.path(modeldir.LOG), text)


class _Signals:
    reason = None


@contextlib.contextmanager
def _stop_signals():
    """While training: the first Ctrl-C (SIGINT) or SIGTERM asks the loop to stop after the
    step in progress; a second Ctrl-C interrupts at once. Only the main thread can do this."""
    signals = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return

    def request_stop(number, frame):
        name = signal.Signals(number).name
        if signals.reason is not None and number == signal.SIGINT:
            raise KeyboardInterrupt
        signals.reason = name
        if distributed.is_root():  # mpiexec passes Ctrl-C to every rank; rank 0 decides
            print(
                f"\n{name}: stopping after this step (Ctrl-C again to stop at once)",
                file=sys.stderr,
            )

    previous = {s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)

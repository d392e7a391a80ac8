"""Training: the lecture's loop (forward, summed sequence loss, backprop, w := w - alpha dJ/dw)
with the habits of real training programs: a progress bar, validation BLEU with early
stopping, checkpoints that resume bit-exactly, and clean stops on a time budget, a step
budget, the lecture's rule J < target, or Ctrl-C / SIGTERM (the step in progress finishes,
latest.safetensors is saved and the command that resumes is printed).

`train` reads top to bottom: check the options and the directory, read the data, then with
the model directory held (`modeldir.ModelDir.training_run`) set up the run (`_set_up`: the
data, pipeline, model, optimiser and restored state), and loop: for each batch a step, then
the hooks; at each epoch's end its hooks; when a stop rule or a signal says so, the finishing
hooks and the summary. What is not the loop is a hook (`Hooks`): logging, validation with
early stopping, checkpoints and plots are rank 0's hooks.

Bit-exact resume: the batches of an epoch are a pure function of (seed, epoch); the
checkpoint stores the weights, the optimiser state, the position (epoch, batch) and the
state of the random generator behind dropout, so a run killed and resumed takes exactly
the steps an uninterrupted run takes.

Under MPI (`mpiexec -n N rnnkit train`) the same program runs on every rank: each step
takes this rank's shard of the global batch and one Allreduce sums the gradients
(`rnnkit.distributed`); rank 0 alone holds the model directory, logs, validates, saves and
decides when to stop. The program has no branch on the rank: `distributed` gives rank 0's
duties (`on_root`, `from_root`, `built_on_root`) and, on one process, is the plain call.
"""

import contextlib
import dataclasses
import functools
import json
import math
import signal
import sys
import threading
import time
from dataclasses import dataclass, field

import numpy

import rnnkit
from rnnkit import distributed, optim
from rnnkit.core.parallel import one_blas_thread
from rnnkit.errors import ConfigError, RnnkitError
from rnnkit.files import atomic_write
from rnnkit.progress import progress as progress_display
from rnnkit.text import collate, plan_batches, sample_groups
from rnnkit.translator.decoding.evaluation import evaluate_corpus
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.formats import checkpoint, modeldir
from rnnkit.translator.formats.data import (
    build_text_pipeline,
    check_vocab_size,
    encode_corpus,
    load_text_pipeline,
    read_corpus,
)
from rnnkit.translator.model.language_vocab import LanguageVocabularies
from rnnkit.translator.model.seq2seq import MODEL_OPTIONS, Seq2Seq
from rnnkit.translator.training import plots
from rnnkit.translator.training.config import TrainConfig, build_config

# Options that a resumed run may change; everything else comes from the saved config.
STOPPING_KEYS = ("epochs", "max_steps", "time_budget", "target_loss", "patience")


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


def resumed_config(model_dir, overrides):
    """The saved run's config with the stopping options given now; any other option given
    with a different value than the saved run's is an error that names them all."""
    saved = checkpoint.load_json(model_dir.path(modeldir.CONFIG))
    train_section = saved.get("train")
    if not isinstance(train_section, dict):
        raise RnnkitError(f"{model_dir.path(modeldir.CONFIG)}: has no training section; retrain")
    # The network's options are the model section's (config.json stores each value once;
    # a directory written before that has them in its training section too). A run begun
    # before language_softmax existed goes on with the whole vocabulary's softmax.
    model_section = saved.get("model") if isinstance(saved.get("model"), dict) else {}
    shape = {key: model_section[key] for key in MODEL_OPTIONS if key in model_section}
    train_section = {"language_softmax": False, **shape, **train_section}
    config = build_config(overrides=train_section)
    given = build_config(overrides={**train_section, **(overrides or {})})
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
    # Everything is checked before the disk is touched. Under MPI (rnnkit.distributed) the
    # same program runs on every rank: rank 0 alone holds the model directory and sends the
    # config; every rank reads the data itself.
    model_dir = modeldir.ModelDir(model_dir)
    distributed.init()
    config = distributed.from_root(
        lambda: _config_of_run(model_dir, config, resume, overwrite, overrides),
        encode=TrainConfig.to_dict,
        decode=lambda values: build_config(overrides=values),
    )
    train_corpus, valid_corpus = _read_data(config, quiet=not distributed.is_root())

    # BLAS on one thread per call, as `rnnkit train` runs it (rnnkit.core.parallel).
    with one_blas_thread(), distributed.on_root_within(model_dir.training_run(resume, overwrite)):
        run = _set_up(config, model_dir, train_corpus, valid_corpus, resume, show_progress)
        hooks = distributed.on_root(_root_hooks, run) or Hooks()
        with _stop_signals() as signals:
            stop_reason = distributed.from_root(lambda: _stop_reason(run))
            if stop_reason is not None:  # a finished run resumed: not one step more
                stop_reason = f"nothing left to do: {stop_reason}"
            while stop_reason is None:
                indices, epoch_ends = run.next_batch()
                if indices is not None:
                    _step(run, indices)
                    hooks.call("after_step", run)
                if epoch_ends:
                    run.progress.epoch += 1
                    run.progress.batch_in_epoch = 0
                    hooks.call("after_epoch", run)
                # rank 0 decides when to stop and, validating, the learning rate
                stop_reason, run.schedule.peak = distributed.from_root(
                    lambda: [_stop_reason(run) or signals.reason, run.schedule.peak]
                )
        run.bar.close()
        hooks.call("at_finish", run, signals.reason)
        return _summary(run, stop_reason, signals.reason)


def _config_of_run(model_dir, config, resume, overwrite, overrides):
    """The run's config (rank 0), validated: the saved one with the stopping rules given now,
    on a resume (once the model directory is checked); else `config`, before the model
    directory is looked at."""
    if not resume:
        config.validate()
    model_dir.check_for_training(resume, overwrite)
    return resumed_config(model_dir, overrides).validate() if resume else config


def _read_data(config, quiet):
    """(training corpus, dev corpus or None), read and checked against each other."""
    read = functools.partial(
        read_corpus,
        lang=config.lang,
        skip_bad=config.skip_bad_lines,
        max_chars=config.max_chars,
        quiet=quiet,
    )
    train_corpus = read(config.data, config.src_file, config.tgt_file)
    check_vocab_size(config.vocab_size, train_corpus.languages)
    valid_corpus = None
    if config.valid or config.valid_src_file:
        valid_corpus = read(config.valid, config.valid_src_file, config.valid_tgt_file)
        _check_dev_languages(train_corpus, valid_corpus, config.valid or config.valid_src_file)
    return train_corpus, valid_corpus


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
class _Run:
    """What one run works with, built by _set_up: the data, the model and its optimiser (fixed
    for the run), and where training stands (`progress`, which the steps move on)."""

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
    # (the clock is looked up when a run is built, so a test can give training its own)
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
    """The run: its text pipeline, encoded data, model, optimiser, and the state it resumes
    from (on every rank the same)."""
    tokenizer, vocab = distributed.built_on_root(
        lambda: (
            load_text_pipeline(model_dir.work)
            if resume
            else build_text_pipeline(train_corpus, config, model_dir.work)
        ),
        load_text_pipeline,
        model_dir.work,
        (modeldir.TOKENIZER, modeldir.VOCAB),
    )
    sources, targets, langs = _encoded(config, train_corpus, tokenizer, vocab)
    groups = None  # each example's target language (a number), for planning batches
    if train_corpus.languages:
        groups = numpy.unique(langs, return_inverse=True)[1]
    model = _model(config, model_dir, vocab, targets, langs)
    optimizer = (optim.Adam if config.optimizer == "adam" else optim.SGD)(
        model.parameters(), lr=config.lr
    )
    schedule = optim.WarmupPlateau(
        config.lr, config.lr_warmup, config.lr_decay, config.lr_patience, config.min_lr
    )
    progress = _restored(model_dir, model, optimizer, schedule) if resume else Progress()
    if not resume:
        distributed.broadcast_parameters(model.parameters())  # rank 0's initial weights
        info = {"tokenizer": tokenizer.kind, "languages": train_corpus.languages}
        distributed.on_root(_save_config, model_dir, config, model, len(vocab), info)
    src_lengths = numpy.array([len(s) for s in sources])
    tgt_lengths = numpy.array([len(t) for t in targets])
    total = len(plan_epoch(config, src_lengths, tgt_lengths, groups, 0)) * config.epochs
    if config.max_steps:
        total = min(total, config.max_steps)
    run = _Run(
        config=config,
        model_dir=model_dir,
        model=model,
        params=model.parameters(),
        optimizer=optimizer,
        schedule=schedule,
        translator=Translator(model, tokenizer, vocab, train_corpus.languages),
        sources=sources,
        targets=targets,
        src_lengths=src_lengths,
        tgt_lengths=tgt_lengths,
        groups=groups,
        valid_corpus=valid_corpus,
        progress=progress,
        bar=_bar(config, progress, total, show_progress and distributed.is_root()),
        total=total,
        first_step=progress.step,
        elapsed_before=progress.elapsed,
    )
    model.train()  # (after the Translator, which puts it in eval mode)
    return run


def _encoded(config, train_corpus, tokenizer, vocab):
    """(sources, targets, their languages): the training pairs as token ids, those longer
    than --max-len left out (and counted)."""
    sources, targets, kept = encode_corpus(train_corpus, tokenizer, vocab, config.max_len)
    if not sources:
        raise RnnkitError(f"every training pair is longer than --max-len {config.max_len}")
    if len(kept) < len(train_corpus):
        distributed.on_root(
            print,
            f"training on {len(kept)} of {len(train_corpus)} pairs: "
            f"{len(train_corpus) - len(kept)} are longer than --max-len {config.max_len} tokens "
            "(raise --max-len to keep them)",
            file=sys.stderr,
        )
    return sources, targets, [train_corpus.langs[i] for i in kept]


def _model(config, model_dir, vocab, targets, langs):
    """The network, seeded, with each target language's output classes (from the kept pairs:
    the same on every rank and resume) when the language softmax is on."""
    rnnkit.manual_seed(config.seed)
    model = Seq2Seq(config.model_config(len(vocab)))
    if config.language_softmax:
        language_vocab = LanguageVocabularies.of_targets(vocab, targets, langs)
        model.use_language_vocab(language_vocab)
        path = model_dir.path(modeldir.OUTPUT_VOCAB)
        distributed.on_root(checkpoint.save_json, path, language_vocab.to_dict())
    return model


def _restored(model_dir, model, optimizer, schedule):
    """The Progress of a resumed run: every rank restores rank 0's latest.safetensors
    (weights, optimiser, position); rank 0's log loses the entries after it."""
    with distributed.broadcast_files(model_dir.work, (modeldir.LATEST,)) as got:
        state = checkpoint.restore_training_state(
            got / modeldir.LATEST, model, optimizer, POSITION, ADDED_LATER
        )
    progress = Progress(**state)
    if progress.schedule:
        schedule.load_state_dict(progress.schedule)
    distributed.on_root(_truncate_log, model_dir, progress.step)
    return progress


def _save_config(model_dir, config, model, vocab_size, info):
    checkpoint.save_json(
        model_dir.path(modeldir.CONFIG),
        {
            "rnnkit_version": rnnkit.__version__,
            "model": model.config.to_dict(),
            "train": {k: v for k, v in config.to_dict().items() if k not in MODEL_OPTIONS},
            "languages": info["languages"],
            "tokenizer": info["tokenizer"],
            "vocab_size": vocab_size,
        },
    )


def _bar(config, progress, total, show):
    """The progress display: with a time budget the budget is the bar (its total never
    moves, its ETA is exact), else the steps."""
    if config.time_budget:
        return progress_display(
            total=round(config.time_budget), unit="s", desc="training", disable=not show
        )
    return progress_display(
        total=total, initial=progress.step, unit="step", desc="training", disable=not show
    )


# --- one step ---------------------------------------------------------------------------------
def _step(run, indices):
    """Forward, the summed sequence loss, backprop, clip, update; records the step.

    On N ranks (rnnkit.distributed) each takes its shard of the global batch `indices`
    (balanced by target tokens), divides its summed loss by the GLOBAL sentence count, and one
    Allreduce sums the gradients with (J, tokens, NLL); then all clip and update alike."""
    config, model, progress = run.config, run.model, run.progress
    tick = time.monotonic()
    shard = distributed.step_shard(indices, run.tgt_lengths, config.seed, progress.step)
    value = n_tokens = summed = 0
    if len(shard):  # a batch smaller than the number of ranks leaves some idle
        batch = collate(run.sources, run.targets, shard)
        loss, n_tokens, summed = model.loss(
            batch.src, batch.src_lengths, batch.tgt_in, batch.tgt_out
        )
        if len(shard) < len(indices):
            loss = loss * (len(shard) / len(indices))
        value = float(loss.item())
        if math.isfinite(value):
            loss.backward()
    value, n_tokens, summed = distributed.allreduce_gradients(run.params, (value, n_tokens, summed))
    n_tokens = round(n_tokens)
    if not math.isfinite(value):
        raise TrainingStopped(
            f"step {progress.step + 1}: the loss is {value}; training stopped and "
            f"{_kept_checkpoint(run)}; lower --lr or set --clip"
        )
    if config.clip:
        optim.clip_grad_norm_(run.params, config.clip)
    run.optimizer.lr = run.schedule.lr(progress.step + 1)
    run.optimizer.step()
    run.optimizer.zero_grad()
    progress.step += 1
    progress.batch_in_epoch += 1
    progress.recent_losses = (progress.recent_losses + [value])[-config.log_every :]
    rate = n_tokens / max(time.monotonic() - tick, 1e-9)
    if config.time_budget:
        elapsed = min(round(time.monotonic() - run.started), round(config.time_budget))
        run.bar.update(elapsed - run.bar.n)
    else:
        run.bar.update(1)
    run.bar.set_postfix(
        step=progress.step,
        J=f"{value:.3f}",
        ppl=f"{math.exp(min(summed / n_tokens, 50)):.1f}",
        tok_s=f"{rate:.0f}",
        lr=f"{run.optimizer.lr:.3g}",
        refresh=False,
    )
    run.last_record = {
        "step": progress.step,
        "epoch": progress.epoch,
        "loss": value,
        "token_loss": summed / n_tokens,
        "tokens_per_s": round(rate, 1),
        "lr": run.optimizer.lr,
    }


def _kept_checkpoint(run):
    latest = run.model_dir.final_path(modeldir.LATEST)
    if run.model_dir.staged or not latest.exists():
        return "no checkpoint of this run was saved"
    return f"the last good checkpoint ({latest}) is kept"


def _stop_reason(run):
    config, progress = run.config, run.progress
    recent = progress.recent_losses
    if config.target_loss and len(recent) == config.log_every:
        if sum(recent) / len(recent) < config.target_loss:
            return f"training J < target {config.target_loss}"
    if config.max_steps and progress.step >= config.max_steps:
        return f"max steps {config.max_steps}"
    if config.time_budget and time.monotonic() - run.started >= config.time_budget:
        return f"time budget {config.time_budget:g} s"
    if config.patience and progress.bad_validations >= config.patience:
        return f"no better dev BLEU in {config.patience} validations"
    if progress.epoch >= config.epochs:
        return "epochs done"
    return None


def _summary(run, stop_reason, interrupted):
    recent = run.progress.recent_losses
    return {
        "steps": run.progress.step,
        "epochs": run.progress.epoch,
        "stop_reason": stop_reason,
        "interrupted": interrupted,
        "train_loss": sum(recent) / len(recent) if recent else None,
        "best_bleu": run.progress.best_bleu if run.progress.best_bleu >= 0 else None,
        "seconds": round(time.monotonic() - run.started, 1),
    }


# --- hooks: what runs around the loop ---------------------------------------------------------
@dataclass
class Hooks:
    """The functions called after each step (run), at each epoch's end (run) and when
    training ends (run, the interrupting signal or None). Rank 0 registers its duties
    (`_root_hooks`: the log, validation, checkpoints, plots); the other ranks none."""

    after_step: list = field(default_factory=list)
    after_epoch: list = field(default_factory=list)
    at_finish: list = field(default_factory=list)

    def call(self, when, *args):
        for hook in getattr(self, when):
            hook(*args)


def _root_hooks(run):
    hooks = Hooks(
        after_step=[_log_step, _save_when_due],
        at_finish=[_log_last_step, _save_latest_at_finish, _plots],
    )
    if run.valid_corpus is not None:
        hooks.after_step.insert(1, _validate_when_due)
        hooks.after_epoch.append(_validate_at_epoch_end)
        hooks.at_finish.insert(2, _validate_at_finish)
    return hooks


def _log_step(run):
    if run.progress.step % run.config.log_every == 0:
        checkpoint.append_log(run.model_dir.work, run.last_record)


def _validate_when_due(run):
    if run.progress.step % run.config.valid_every == 0 or _validation_due_by_time(run):
        _validate(run)


def _save_when_due(run):
    if run.progress.step % run.config.save_every == 0:
        _save_latest(run)


def _validate_at_epoch_end(run):
    """Not validated at this very step (by --valid-every or --valid-every-seconds)."""
    if run.progress.step % run.config.valid_every and run.validated_at != run.progress.step:
        _validate(run)


def _log_last_step(run, interrupted):
    """A run that stops between log steps (time budget, target J) still records where it
    ended, so even a run shorter than --log-every steps has a loss curve."""
    record = run.last_record
    if record is not None and record["step"] % run.config.log_every:
        checkpoint.append_log(run.model_dir.work, record)


def _save_latest_at_finish(run, interrupted):
    _save_latest(run)


def _validate_at_finish(run, interrupted):
    """A run that ends before its first validation still gets a best checkpoint."""
    if interrupted is None and not run.model_dir.path(modeldir.BEST).exists():
        _validate(run)


def _plots(run, interrupted):
    if interrupted is None:
        plots.training_plots(run.model_dir.work, run.translator, run.valid_corpus)


def _validation_due_by_time(run):
    """Whether the training clock passed a multiple of --valid-every-seconds since the last
    validation began: multiples, not intervals, so validations do not drift later one step at a
    time, and a --time-budget that is a multiple ends with one."""
    seconds = run.config.valid_every_seconds
    if not seconds:
        return False
    return run.elapsed() // seconds > run.progress.valid_elapsed // seconds


def _save_latest(run):
    """latest.safetensors; the first one swaps a new run into the model directory."""
    _check_finite(run)
    path = run.model_dir.path(modeldir.LATEST)
    checkpoint.save_training_state(path, run.model, run.optimizer, run.position())
    run.model_dir.commit()


def _check_finite(run):
    for name, value in run.model.state_dict().items():
        if not numpy.isfinite(value).all():
            raise TrainingStopped(
                f"step {run.progress.step}: weight {name} is NaN or infinite; training "
                f"stopped and {_kept_checkpoint(run)}; lower --lr or set --clip"
            )


def _validate(run):
    config, progress = run.config, run.progress
    progress.valid_elapsed = elapsed = run.elapsed()
    run.validated_at = progress.step
    result = evaluate_corpus(
        run.translator,
        run.valid_corpus,
        beam=config.valid_beam,
        replace_unk=config.replace_unk,
    )
    run.model.train()
    record = {
        "step": progress.step,
        "bleu": result["bleu"],
        "chrf": result["chrf"],
        "elapsed_s": round(elapsed, 1),  # training seconds when this validation began
        "valid_s": round(run.elapsed() - elapsed, 1),  # what it took (in the budget)
        "lr": run.optimizer.lr,
    }
    lowered = run.schedule.validated(result["bleu"])
    if lowered:
        record["lr_next"] = run.schedule.peak
    checkpoint.append_log(run.model_dir.work, record)
    if result["bleu"] > progress.best_bleu:
        progress.best_bleu, progress.bad_validations = result["bleu"], 0
        _check_finite(run)
        path = run.model_dir.path(modeldir.BEST)
        checkpoint.save_training_state(path, run.model, None, run.position())
    else:
        progress.bad_validations += 1
    run.bar.write(
        f"step {progress.step}: dev BLEU {result['bleu']:.2f} chrF {result['chrf']:.2f}"
        + (f"; lr lowered to {run.schedule.peak:.3g}" if lowered else "")
    )
    return result


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
        distributed.on_root(  # mpiexec passes Ctrl-C to every rank; rank 0 decides
            print,
            f"\n{name}: stopping after this step (Ctrl-C again to stop at once)",
            file=sys.stderr,
        )

    previous = {s: signal.signal(s, request_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)

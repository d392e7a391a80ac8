"""Training: the lecture's loop (forward, summed sequence loss, backprop, w := w - alpha dJ/dw)
with the habits of real training programs: a progress bar, validation BLEU with early
stopping, checkpoints that resume bit-exactly, and clean stops on a time budget, a step
budget or the lecture's rule J < target.

Bit-exact resume: the batches of an epoch are a pure function of (seed, epoch); the
checkpoint stores the weights, the optimiser state, the position (epoch, batch) and the
state of the random generator behind dropout, so a run killed and resumed takes exactly
the steps an uninterrupted run takes.
"""

import json
import math
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from tqdm import tqdm

import rnnkit
from rnnkit import optim
from rnnkit.core import random as rnnkit_random
from rnnkit.errors import CheckpointError, RnnkitError
from rnnkit.text import collate, plan_batches
from rnnkit.translator import checkpoint, plots
from rnnkit.translator.config import build_config
from rnnkit.translator.data import (
    build_text_pipeline,
    encode_corpus,
    load_text_pipeline,
    read_corpus,
)
from rnnkit.translator.evaluation import evaluate_corpus
from rnnkit.translator.inference import Translator
from rnnkit.translator.model import ModelConfig, Seq2Seq

# Options that a resumed run may change; everything else comes from the saved config.
STOPPING_KEYS = ("epochs", "max_steps", "time_budget", "target_loss", "patience")
# Files rnnkit writes into a model directory (--overwrite removes only these).
OWN_FILES = (
    checkpoint.CONFIG,
    checkpoint.LATEST,
    checkpoint.BEST,
    checkpoint.LOG,
    "vocab.txt",
    "tokenizer",
    "plots",
)


class TrainingStopped(RnnkitError):
    """Training could not go on (a NaN loss); the last good checkpoint is kept."""


@dataclass
class Progress:
    """Where training stands; saved in latest.safetensors."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0  # batches of `epoch` already taken
    best_bleu: float = -1.0
    bad_validations: int = 0
    recent_losses: list = field(default_factory=list)  # J of the last log_every steps


def model_config(config, vocab_size):
    return ModelConfig(
        vocab_size=vocab_size,
        cell=config.cell,
        layers=config.layers,
        embed=config.embed,
        hidden=config.hidden,
        bidirectional=config.bidirectional,
        attention=config.attention,
        input_feeding=config.input_feeding,
        dropout=config.dropout,
        tie_embeddings=config.tie_embeddings,
        label_smoothing=config.label_smoothing,
    )


def prepare_model_dir(model_dir, resume, overwrite):
    """Refuse to write into a non-empty directory unless asked; never touch it on refusal."""
    model_dir = Path(model_dir)
    if resume and overwrite:
        raise RnnkitError("--resume and --overwrite contradict each other; choose one")
    if resume:
        if not (model_dir / checkpoint.LATEST).exists():
            raise CheckpointError(f"{model_dir}: nothing to resume (no {checkpoint.LATEST})")
        return
    if model_dir.exists() and any(model_dir.iterdir()):
        if not overwrite:
            raise RnnkitError(
                f"{model_dir}: not empty; pass --resume to continue training there or "
                "--overwrite to start again (nothing was changed)"
            )
        for name in OWN_FILES:
            path = model_dir / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    model_dir.mkdir(parents=True, exist_ok=True)


def train(config, model_dir, resume=False, overwrite=False, overrides=None, show_progress=True):
    """Train a translator into `model_dir`. Returns a summary dict (steps, losses, BLEU).

    `overrides`: options given explicitly on a resumed run's command line (only the
    stopping rules are taken from them).
    """
    model_dir = Path(model_dir)
    prepare_model_dir(model_dir, resume, overwrite)
    if resume:
        saved = checkpoint.load_json(model_dir / checkpoint.CONFIG)
        stopping = {k: v for k, v in (overrides or {}).items() if k in STOPPING_KEYS}
        config = build_config(overrides={**saved["train"], **stopping}).validate()
    config.validate()

    train_corpus = read_corpus(
        config.data, config.src_file, config.tgt_file, config.lang, config.skip_bad_lines
    )
    valid_corpus = None
    if config.valid or config.valid_src_file:
        valid_corpus = read_corpus(
            config.valid,
            config.valid_src_file,
            config.valid_tgt_file,
            config.lang,
            config.skip_bad_lines,
        )

    if resume:
        tokenizer, vocab = load_text_pipeline(model_dir)
    else:
        tokenizer, vocab = build_text_pipeline(train_corpus, config, model_dir)
    sources, targets, _ = encode_corpus(train_corpus, tokenizer, vocab, config.max_len)
    if not sources:
        raise RnnkitError(f"every training pair is longer than --max-len {config.max_len}")

    rnnkit.manual_seed(config.seed)
    mconfig = model_config(config, len(vocab))
    model = Seq2Seq(mconfig)
    params = model.parameters()
    optimizer = (
        optim.Adam(params, lr=config.lr)
        if config.optimizer == "adam"
        else optim.SGD(params, lr=config.lr)
    )
    languages = train_corpus.languages
    if not resume:
        checkpoint.save_json(
            model_dir / checkpoint.CONFIG,
            {
                "rnnkit_version": rnnkit.__version__,
                "model": mconfig.to_dict(),
                "train": config.to_dict(),
                "languages": languages,
                "tokenizer": tokenizer.kind,
                "vocab_size": len(vocab),
            },
        )

    progress = Progress()
    if resume:
        progress = _restore(model_dir, model, optimizer)
        _truncate_log(model_dir, progress.step)

    translator = Translator(model, tokenizer, vocab, languages)
    src_lengths = numpy.array([len(s) for s in sources])
    tgt_lengths = numpy.array([len(t) for t in targets])
    per_epoch = len(plan_batches(src_lengths, tgt_lengths, config.batch_size, seed=config.seed))
    total = per_epoch * config.epochs
    if config.max_steps:
        total = min(total, config.max_steps)
    started, first_step = time.monotonic(), progress.step
    stop_reason = None
    bar = tqdm(
        total=total,
        initial=progress.step,
        unit="step",
        disable=not show_progress,
        dynamic_ncols=True,
        file=sys.stderr,
    )

    def save_latest():
        _save(model_dir / checkpoint.LATEST, model, optimizer, progress)

    def validate():
        if valid_corpus is None:
            return None
        result = evaluate_corpus(
            translator, valid_corpus, beam=config.valid_beam, replace_unk=config.replace_unk
        )
        model.train()
        checkpoint.append_log(
            model_dir, {"step": progress.step, "bleu": result["bleu"], "chrf": result["chrf"]}
        )
        if result["bleu"] > progress.best_bleu:
            progress.best_bleu, progress.bad_validations = result["bleu"], 0
            _save(model_dir / checkpoint.BEST, model, None, progress)
        else:
            progress.bad_validations += 1
        bar.write(f"step {progress.step}: dev BLEU {result['bleu']:.2f} chrF {result['chrf']:.2f}")
        return result

    last_record = None
    model.train()
    while stop_reason is None and progress.epoch < config.epochs:
        plan = plan_batches(
            src_lengths, tgt_lengths, config.batch_size, seed=config.seed, epoch=progress.epoch
        )
        for indices in plan[progress.batch_in_epoch :]:
            batch = collate(sources, targets, indices)
            tick = time.monotonic()
            loss, n_tokens, summed = model.loss(
                batch.src, batch.src_lengths, batch.tgt_in, batch.tgt_out
            )
            value = float(loss.item())
            if not math.isfinite(value):
                bar.close()
                raise TrainingStopped(
                    f"step {progress.step + 1}: the loss is {value}; training stopped and the "
                    f"last good checkpoint ({checkpoint.LATEST}) is kept; lower --lr or set --clip"
                )
            loss.backward()
            if config.clip:
                optim.clip_grad_norm_(params, config.clip)
            optimizer.step()
            optimizer.zero_grad()
            progress.step += 1
            progress.batch_in_epoch += 1
            progress.recent_losses = (progress.recent_losses + [value])[-config.log_every :]
            rate = n_tokens / max(time.monotonic() - tick, 1e-9)
            bar.total = expected_total(
                config, total, first_step, progress.step, time.monotonic() - started
            )
            bar.update(1)
            bar.set_postfix(
                J=f"{value:.3f}",
                ppl=f"{math.exp(min(summed / n_tokens, 50)):.1f}",
                tok_s=f"{rate:.0f}",
                lr=config.lr,
                refresh=False,
            )
            last_record = {
                "step": progress.step,
                "epoch": progress.epoch,
                "loss": value,
                "token_loss": summed / n_tokens,
                "tokens_per_s": round(rate, 1),
            }
            if progress.step % config.log_every == 0:
                checkpoint.append_log(model_dir, last_record)
            if progress.step % config.valid_every == 0:
                validate()
            if progress.step % config.save_every == 0:
                save_latest()
            stop_reason = _stop_reason(config, progress, started, total)
            if stop_reason:
                break
        else:
            progress.epoch += 1
            progress.batch_in_epoch = 0
            if progress.step % config.valid_every:  # not validated at this very step
                validate()
            stop_reason = _stop_reason(config, progress, started, total)
    bar.close()
    if last_record is not None and last_record["step"] % config.log_every:
        # A run that stops between log steps (time budget, target J) still records where it
        # ended, so even a run shorter than --log-every steps has a loss curve.
        checkpoint.append_log(model_dir, last_record)
    save_latest()
    if valid_corpus is not None and not (model_dir / checkpoint.BEST).exists():
        validate()
    plots.training_plots(model_dir, translator, valid_corpus)
    recent = progress.recent_losses
    return {
        "steps": progress.step,
        "epochs": progress.epoch,
        "stop_reason": stop_reason or "epochs done",
        "train_loss": sum(recent) / len(recent) if recent else None,
        "best_bleu": progress.best_bleu if progress.best_bleu >= 0 else None,
        "seconds": round(time.monotonic() - started, 1),
    }


def expected_total(config, total, first_step, step, elapsed):
    """The step this run will end at: `total`, or sooner when --time-budget runs out first (at
    the rate so far, validations included), so that the progress bar's ETA is the budget's."""
    if not config.time_budget or step == first_step or elapsed <= 0:
        return total
    rate = (step - first_step) / elapsed
    return min(total, max(step, round(step + rate * (config.time_budget - elapsed))))


def _stop_reason(config, progress, started, total):
    recent = progress.recent_losses
    if config.target_loss and len(recent) == config.log_every:
        if sum(recent) / len(recent) < config.target_loss:
            return f"training J < target {config.target_loss}"
    if config.max_steps and progress.step >= config.max_steps:
        return f"max steps {config.max_steps}"
    if config.time_budget and time.monotonic() - started >= config.time_budget:
        return f"time budget {config.time_budget:g} s"
    if config.patience and progress.bad_validations >= config.patience:
        return f"no better dev BLEU in {config.patience} validations"
    return None


# --- checkpoints ------------------------------------------------------------------------------
def _save(path, model, optimizer, progress):
    arrays = {f"model/{name}": value for name, value in model.state_dict().items()}
    meta = {
        "step": progress.step,
        "epoch": progress.epoch,
        "batch_in_epoch": progress.batch_in_epoch,
        "best_bleu": progress.best_bleu,
        "bad_validations": progress.bad_validations,
        "recent_losses": progress.recent_losses,
        "rng": rnnkit_random.get_state(),
    }
    if optimizer is not None:
        state = optimizer.state_dict()
        arrays.update({f"optim/{name}": value for name, value in state["arrays"].items()})
        meta["optimizer"] = {"lr": state["lr"], "scalars": state["scalars"]}
    checkpoint.save_checkpoint(path, arrays, meta)


def _restore(model_dir, model, optimizer):
    path = model_dir / checkpoint.LATEST
    arrays, meta = checkpoint.load_checkpoint(path)
    try:
        model.load_state_dict({k[6:]: v for k, v in arrays.items() if k.startswith("model/")})
        optimizer.load_state_dict(
            {
                "lr": meta["optimizer"]["lr"],
                "scalars": meta["optimizer"]["scalars"],
                "arrays": {k[6:]: v for k, v in arrays.items() if k.startswith("optim/")},
            }
        )
        rnnkit_random.set_state(meta["rng"])
        return Progress(
            step=meta["step"],
            epoch=meta["epoch"],
            batch_in_epoch=meta["batch_in_epoch"],
            best_bleu=meta["best_bleu"],
            bad_validations=meta["bad_validations"],
            recent_losses=meta["recent_losses"],
        )
    except (KeyError, ValueError) as exc:
        raise CheckpointError(f"{path}: incomplete checkpoint ({exc}); retrain") from None


def _truncate_log(model_dir, step):
    """Drop log entries written after the checkpoint we resume from (they will be redone)."""
    kept = [r for r in checkpoint.read_log(model_dir) if r.get("step", 0) <= step]
    text = "".join(json.dumps(r) + "\n" for r in kept)
    checkpoint.atomic_write(model_dir / checkpoint.LOG, text)

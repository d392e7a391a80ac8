"""The lecture's central claim, measured: gradients through long sequences vanish for the
vanilla RNN, and gates (simplified GRU, GRU, LSTM) keep early inputs influential.

Three measurements on rnnkit's own fused layers, each cell at the same hidden size:

1. Gradient flow: the norm of dJ/dx<t> for every step t of a long sequence, J the loss at
   the last step, at initialisation and after training, averaged over seeds.
2. Subject-verb agreement ("The dog, who lived in England and worked hard, was ..."): a
   subject token (singular or plural), a distractor clause of `distance` filler words, then
   the verb slot, where the model must say "was" or "were". Accuracy against distance, every
   cell with the same training budget.
3. Exploding gradients: an RNN whose recurrent weights are scaled up, its gradient norm
   against distance, and training loss with and without `clip_grad_norm_`.

Inputs are one-hot vectors held in a leaf Tensor x (T, B, V), so dJ/dx<t> is simply x.grad[t].
"""

import csv
import dataclasses
import io
import math

import numpy
from matplotlib.figure import Figure

import rnnkit
from rnnkit import nn
from rnnkit.files import OwnedDirectory, atomic_open, atomic_write
from rnnkit.optim import SGD, Adam, clip_grad_norm_

CELLS = {name: cell.layer for name, cell in nn.CELLS.items()}
CELL_NAMES = {name: cell.title for name, cell in nn.CELLS.items()}

# The agreement task's vocabulary: subjects carry the number, fillers carry nothing.
SINGULAR = ("dog", "player", "team", "coach")
PLURAL = ("dogs", "players", "teams", "coaches")
FILLER = ("who", "lived", "in", "England", "and", "worked", "hard", "at", "the", "club")
VERB_SLOT = "<verb>"
VOCABULARY = SINGULAR + PLURAL + FILLER + (VERB_SLOT,)
VERBS = ("was", "were")  # class 0: singular subject, class 1: plural

# Time of one training step relative to the vanilla RNN's (measured, hidden 32): the progress
# bar counts in these units so that its rate and ETA hold across cells.
RELATIVE_COST = {"rnn": 1, "sgru": 3, "gru": 6, "lstm": 7}


@dataclasses.dataclass
class Config:
    """Every setting of the experiment; the defaults finish in a few minutes on 2 CPU cores."""

    cells: tuple = ("rnn", "sgru", "gru", "lstm")
    hidden: int = 32  # the same hidden size H for every cell
    max_distance: int = 100  # the longest distractor clause (words between subject and verb)
    points: int = 7  # distances measured, geometrically spaced from 1 to max_distance
    seeds: int = 2  # models per cell; results are averaged over them
    steps: int = 400  # training budget: Adam steps per model, the same for every cell
    batch: int = 32
    lr: float = 1e-2
    eval_batch: int = 256  # sequences per accuracy / gradient measurement
    explode_scale: float = 4.0  # part 3: recurrent weights W_aa multiplied by this
    clip: float = 1.0  # part 3: max_norm given to clip_grad_norm_
    sgd_lr: float = 0.1  # part 3: plain SGD, as the lecture's w := w - alpha dJ/dw
    seed: int = 0

    def distances(self):
        """The distractor-clause lengths measured: geometric from 1 to max_distance."""
        grid = numpy.geomspace(1, self.max_distance, self.points)
        return sorted({int(round(d)) for d in grid} | {self.max_distance})

    def work(self):
        """Units of progress that `run` reports: training steps weighted by RELATIVE_COST."""
        agreement = sum(RELATIVE_COST[cell] for cell in self.cells) * self.seeds
        return (agreement + 2 * RELATIVE_COST["rnn"]) * self.steps


# --- the agreement task ---------------------------------------------------------------------
def agreement_batch(rng, distance, batch):
    """A batch of sentences `subject filler*distance <verb>`.

    Returns ids (T, B) int with T = distance + 2, and labels (B,) with 0 = singular ("was"),
    1 = plural ("were").
    """
    labels = rng.integers(0, 2, size=batch)
    subjects = rng.integers(0, len(SINGULAR), size=batch) + labels * len(SINGULAR)
    fillers = len(SINGULAR) + len(PLURAL) + rng.integers(0, len(FILLER), size=(distance, batch))
    verb = numpy.full((1, batch), VOCABULARY.index(VERB_SLOT))
    return numpy.concatenate([subjects[None], fillers, verb]), labels


def one_hot(ids):
    """ids (T, B) -> leaf Tensor (T, B, V) float64 with requires_grad, so x.grad = dJ/dx."""
    x = numpy.eye(len(VOCABULARY))[ids]
    return rnnkit.tensor(x, requires_grad=True)


class AgreementModel(nn.Module):
    """A recurrent layer and a Linear readout of its last step: x (T, B, V) -> logits (B, 2)."""

    def __init__(self, cell, hidden):
        super().__init__()
        self.recurrent = CELLS[cell](len(VOCABULARY), hidden)
        self.readout = nn.Linear(hidden, len(VERBS))

    def forward(self, x):
        out, _ = self.recurrent(x)  # (T, B, H); LSTM's state pair is not needed
        return self.readout(out[-1])


def build_model(cell, hidden, seed):
    """The model for `cell`, initialised from `seed` (PyTorch's default init), in float64."""
    rnnkit.manual_seed(seed)
    return AgreementModel(cell, hidden).double()


# --- measurements ---------------------------------------------------------------------------
def input_gradient_norms(model, ids, labels):
    """Mean over the batch of ||dJ_i/dx_i<t>|| for each step t: (T,) float64.

    J is the summed cross-entropy at the last step, so x.grad[t, i] is example i's own
    gradient (examples do not interact); the parameters' gradients are left untouched.
    """
    x = one_hot(ids)
    loss = rnnkit.cross_entropy(model(x), labels, reduction="sum")
    loss.backward()
    model.zero_grad()
    return numpy.linalg.norm(x.grad, axis=2).mean(axis=1)


def accuracy(model, ids, labels):
    """The fraction of sentences whose verb number is predicted right."""
    with rnnkit.no_grad():
        logits = model(one_hot(ids)).numpy()
    return float((logits.argmax(axis=1) == labels).mean())


def train(model, rng, max_distance, steps, batch, optimizer, clip=None, progress=None, cost=1):
    """`steps` gradient steps on fresh agreement batches, each batch with its own distractor
    length drawn uniformly from 1..max_distance (short sentences teach what to keep, long ones
    test keeping it). Returns (losses, grad_norms) per step: the mean cross-entropy and the
    global gradient norm before any clipping. `progress(cost)` is called after each step."""
    losses, grad_norms = [], []
    for _ in range(steps):
        ids, labels = agreement_batch(rng, int(rng.integers(1, max_distance + 1)), batch)
        loss = rnnkit.cross_entropy(model(one_hot(ids)), labels, reduction="mean")
        optimizer.zero_grad()
        loss.backward()
        grad_norms.append(clip_grad_norm_(model.parameters(), math.inf if clip is None else clip))
        optimizer.step()
        losses.append(loss.item())
        if progress:
            progress(cost)
    return losses, grad_norms


# --- parts 1 and 2: gradient flow and accuracy against distance ------------------------------
def agreement_experiment(config, progress=None):
    """Trains one model per (cell, seed), every one with the same budget.

    Returns (flow, accuracy_rows), averaged over seeds: flow rows (cell, phase, t, grad_norm)
    on sentences with a max_distance clause (T = max_distance + 2), phase "init" or "trained";
    accuracy rows (cell, distance, accuracy) for each distance of `config.distances()`.
    """
    flow, accuracy_rows = [], []
    for cell in config.cells:
        norms = {"init": [], "trained": []}
        scores = []  # (seeds, distances)
        for s in range(config.seeds):
            seed = config.seed + s
            model = build_model(cell, config.hidden, seed)
            rng = numpy.random.default_rng(seed)
            probe = agreement_batch(rng, config.max_distance, config.eval_batch)
            norms["init"].append(input_gradient_norms(model, *probe))
            optimizer = Adam(model.parameters(), lr=config.lr)
            train(
                model,
                rng,
                config.max_distance,
                config.steps,
                config.batch,
                optimizer,
                progress=progress,
                cost=RELATIVE_COST[cell],
            )
            norms["trained"].append(input_gradient_norms(model, *probe))
            scores.append(
                [
                    accuracy(model, *agreement_batch(rng, d, config.eval_batch))
                    for d in config.distances()
                ]
            )
        for distance, score in zip(config.distances(), numpy.mean(scores, axis=0)):
            accuracy_rows.append((cell, distance, float(score)))
        for phase, runs in norms.items():
            mean = numpy.mean(runs, axis=0)
            flow.extend((cell, phase, t + 1, float(value)) for t, value in enumerate(mean))
    return flow, accuracy_rows


# --- part 3: exploding gradients and clipping -----------------------------------------------
def scaled_rnn(hidden, seed, scale):
    """A vanilla-RNN agreement model whose recurrent weights W_aa are multiplied by `scale`."""
    model = build_model("rnn", hidden, seed)
    model.recurrent.weight_hh_l0.data *= scale
    return model


def exploding_experiment(config, progress=None):
    """The vanilla RNN with W_aa scaled by 1 and by explode_scale, then trained scaled.

    Returns (flow, clipping): flow rows (scale, t, grad_norm) at initialisation on sentences
    with a max_distance clause, averaged over seeds; clipping rows (clipping, step, loss,
    grad_norm) from training the scaled RNN with plain SGD, without clipping and with
    clip_grad_norm_(max_norm=clip), on clauses of up to max_distance // 4 words.
    """
    flow = []
    for scale in (1.0, config.explode_scale):
        runs = []
        for s in range(config.seeds):
            model = scaled_rnn(config.hidden, config.seed + s, scale)
            rng = numpy.random.default_rng(config.seed + s)
            probe = agreement_batch(rng, config.max_distance, config.eval_batch)
            runs.append(input_gradient_norms(model, *probe))
        flow.extend((scale, t + 1, float(v)) for t, v in enumerate(numpy.mean(runs, axis=0)))
    clipping = []
    longest = max(1, config.max_distance // 4)  # long enough to explode, short enough to learn
    for label, clip in (("none", None), (f"max_norm={config.clip:g}", config.clip)):
        model = scaled_rnn(config.hidden, config.seed, config.explode_scale)
        rng = numpy.random.default_rng(config.seed)
        optimizer = SGD(model.parameters(), lr=config.sgd_lr)
        losses, norms = train(
            model, rng, longest, config.steps, config.batch, optimizer, clip=clip, progress=progress
        )
        clipping.extend(
            (label, step + 1, loss, norm) for step, (loss, norm) in enumerate(zip(losses, norms))
        )
    return flow, clipping


# --- outputs ----------------------------------------------------------------------------------
def write_csv(path, header, rows):
    with atomic_open(path, "w") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def save_figure(figure, path):
    png = io.BytesIO()
    figure.savefig(png, format="png", dpi=120)
    atomic_write(path, png.getvalue())


def _series(rows, key, x, y):
    """Groups rows (tuples) by rows[key] -> {group: (xs, ys)}, keeping first-seen order."""
    groups = {}
    for row in rows:
        xs, ys = groups.setdefault(row[key], ([], []))
        xs.append(row[x])
        ys.append(row[y])
    return groups


def plot_gradient_flow(path, flow, config):
    """Two panels (init, trained): ||dJ/dx<t>|| against t, log scale, one line per cell."""
    figure = Figure(figsize=(11, 4.5), layout="constrained")
    axes = figure.subplots(1, 2, sharey=True)
    steps = config.max_distance + 2
    for ax, phase, title in zip(axes, ("init", "trained"), ("at initialisation", "after training")):
        rows = [(cell, t, norm) for cell, p, t, norm in flow if p == phase]
        for cell, (ts, norms) in _series(rows, 0, 1, 2).items():
            ax.plot(ts, numpy.maximum(norms, 1e-300), label=CELL_NAMES[cell])
        ax.set_yscale("log")
        ax.set_title(f"{title}")
        ax.set_xlabel(f"input step t (subject at t = 1, loss J at the verb, t = {steps})")
        ax.grid(True, which="major", alpha=0.3)
    axes[0].set_ylabel("||dJ/dx<t>||  (log scale, mean over sentences and seeds)")
    axes[0].legend()
    figure.suptitle(
        f"Gradient flow back from the verb: how much x<t> still moves the loss "
        f"(hidden size {config.hidden}, {config.seeds} seed(s))"
    )
    save_figure(figure, path)


def plot_accuracy(path, accuracy_rows, config):
    """Accuracy of the verb's number against the length of the distractor clause."""
    figure = Figure(figsize=(7, 4.5), layout="constrained")
    ax = figure.subplots()
    # Distinct markers and sizes, so that cells with the same scores stay visible.
    styles = zip("os^D", (10, 8, 6, 4), ("-", "--", "-.", ":"))
    for (cell, (distances, scores)), (marker, size, line) in zip(
        _series(accuracy_rows, 0, 1, 2).items(), styles
    ):
        ax.plot(
            distances,
            scores,
            marker=marker,
            markersize=size,
            linestyle=line,
            label=CELL_NAMES[cell],
        )
    ax.axhline(0.5, color="grey", linestyle="--", linewidth=1, label="chance")
    ax.set_xscale("log")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("distance: words between subject and verb (log scale)")
    ax.set_ylabel("accuracy (was / were)")
    ax.set_title(
        f"Subject-verb agreement, same budget for every cell\n({config.steps} Adam "
        f"steps of {config.batch} sentences, hidden size {config.hidden}, "
        f"mean of {config.seeds} seed(s))"
    )
    ax.grid(True, alpha=0.3)
    ax.legend()
    save_figure(figure, path)


def plot_exploding(path, flow, clipping, config):
    """Left: gradient norm against t for W_aa x1 and x explode_scale. Right: training loss of
    the scaled RNN with and without clipping (raw, faint, and a 20-step running mean)."""
    figure = Figure(figsize=(11, 4.5), layout="constrained")
    left, right = figure.subplots(1, 2)
    for scale, (ts, norms) in _series(flow, 0, 1, 2).items():
        left.plot(ts, norms, label=f"W_aa x {scale:g}")
    left.set_yscale("log")
    left.set_xlabel(f"input step t (loss J at t = {config.max_distance + 2})")
    left.set_ylabel("||dJ/dx<t>||  (log scale)")
    left.set_title("Vanilla RNN at initialisation")
    left.grid(True, alpha=0.3)
    left.legend()
    for label, (steps, losses) in _series(clipping, 0, 1, 2).items():
        window = min(20, len(losses))
        (line,) = right.plot(steps, losses, alpha=0.25, linewidth=0.8)
        smooth = numpy.convolve(losses, numpy.ones(window) / window, mode="valid")
        right.plot(steps[window - 1 :], smooth, color=line.get_color(), label=f"clipping: {label}")
    right.set_xlabel("training step (plain SGD)")
    right.set_ylabel("training loss (cross-entropy)")
    right.set_title(
        f"W_aa x {config.explode_scale:g}, lr {config.sgd_lr:g}: with and without clip_grad_norm_"
    )
    right.grid(True, alpha=0.3)
    right.legend()
    figure.suptitle("Exploding gradients, and what clipping does about them")
    save_figure(figure, path)


def summary(flow, accuracy_rows, explode_flow, clipping, config):
    """The results as plain-text tables."""
    distances = config.distances()
    lines = [
        "Accuracy against distance (words between subject and verb; chance = 0.50)",
        f"{'cell':<16}" + "".join(f"{d:>7}" for d in distances),
    ]
    for cell, (_, scores) in _series(accuracy_rows, 0, 1, 2).items():
        lines.append(f"{CELL_NAMES[cell]:<16}" + "".join(f"{a:>7.2f}" for a in scores))
    lines += [
        "",
        f"Gradient reaching the subject: ||dJ/dx<1>|| / ||dJ/dx<T>||, "
        f"T = {config.max_distance + 2}",
        f"{'cell':<16}{'init':>10}{'trained':>10}",
    ]
    for cell in config.cells:
        ratios = []
        for phase in ("init", "trained"):
            norms = [n for c, p, _, n in flow if c == cell and p == phase]
            ratios.append(norms[0] / norms[-1] if norms[-1] else float("nan"))
        lines.append(f"{CELL_NAMES[cell]:<16}{ratios[0]:>10.1e}{ratios[1]:>10.1e}")
    lines += ["", "Exploding gradients (vanilla RNN): ||dJ/dx<1>|| / ||dJ/dx<T>|| at init"]
    for scale, (_, norms) in _series(explode_flow, 0, 1, 2).items():
        lines.append(f"  W_aa x {scale:<6g}{norms[0] / norms[-1]:>10.1e}")
    lines += [
        f"Training W_aa x {config.explode_scale:g} with SGD (lr {config.sgd_lr:g}):",
        f"  {'clipping':<16}{'max grad norm (before clip)':>28}{'loss, last 50 steps':>22}",
    ]
    for label, (_, losses) in _series(clipping, 0, 1, 2).items():
        norms = [n for c, _, _, n in clipping if c == label]
        lines.append(f"  {label:<16}{max(norms):>28.1f}{numpy.mean(losses[-50:]):>22.3f}")
    return "\n".join(lines)


OUTPUTS = (
    "gradient_flow.csv",
    "accuracy.csv",
    "exploding_gradients.csv",
    "clipping.csv",
    "gradient_flow.png",
    "accuracy_vs_distance.png",
    "exploding_gradients.png",
)


def output_directory(out_dir):
    """--out: new, empty, or written by rnnkit gradients before (then only OUTPUTS are
    replaced); anything else is refused untouched."""
    return OwnedDirectory(out_dir, "gradients", OUTPUTS)


def run(config, out_dir, progress=None):
    """Runs the three measurements and writes the CSVs and PNGs into `out_dir`.

    Returns the summary text. `progress(n)` is called after every training step, with n in the
    units of `config.work()`.
    """
    out = output_directory(out_dir)
    out.check()  # before the minutes of training: a directory that is not ours is refused
    flow, accuracy_rows = agreement_experiment(config, progress)
    explode_flow, clipping = exploding_experiment(config, progress)
    out.prepare()
    write_csv(out.file("gradient_flow.csv"), ("cell", "phase", "t", "grad_norm"), flow)
    write_csv(out.file("accuracy.csv"), ("cell", "distance", "accuracy"), accuracy_rows)
    write_csv(out.file("exploding_gradients.csv"), ("scale", "t", "grad_norm"), explode_flow)
    write_csv(out.file("clipping.csv"), ("clipping", "step", "loss", "grad_norm"), clipping)
    plot_gradient_flow(out.file("gradient_flow.png"), flow, config)
    plot_accuracy(out.file("accuracy_vs_distance.png"), accuracy_rows, config)
    plot_exploding(out.file("exploding_gradients.png"), explode_flow, clipping, config)
    return summary(flow, accuracy_rows, explode_flow, clipping, config)

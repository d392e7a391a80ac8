"""Batches: padding m encoded sentence pairs of lengths T_x^(i), T_y^(i) into arrays.

The plan (`plan_batches`) decides which examples go together: examples are shuffled with
a seeded generator, cut into pools, each pool sorted by length, and the sorted pool cut
into batches, so that sentences in a batch have similar lengths and little padding; the
order of the batches is then shuffled too. With `groups` (a label per example: the
translator's target language) every batch holds one group only: each group's examples are
pooled, sorted and cut on their own. `collate` pads one group into a `Batch`, and
`batches` does both for one epoch.

The recurrent layers take time-major input (T, B) with one length per sequence (PyTorch's
packed-sequence meaning), so that is the default layout; `time_major=False` gives (B, T).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from rnnkit.text.vocabulary import BOS_INDEX, EOS_INDEX, PAD_INDEX

# Examples sorted together: enough that each finds neighbours of nearly its length, few
# enough that every epoch groups different sentences.
DEFAULT_POOL_SIZE = 4096


@dataclass
class Batch:
    """A padded batch of B sentence pairs. Shapes are for `time_major=True`; with
    `time_major=False` every (T, B) array is (B, T) instead.

    src          (T_src, B) int64  source ids, padded with <pad>
    src_lengths  (B,)       int64  real length of each source (decreasing, from plan_batches)
    src_mask     (T_src, B) bool   True at real (non-pad) positions
    tgt_in       (T_tgt, B) int64  <bos> y1 ... yn, padded: the decoder's input
    tgt_out      (T_tgt, B) int64  y1 ... yn <eos>, padded: what it must predict
    tgt_lengths  (B,)       int64  n + 1 for each target
    tgt_mask     (T_tgt, B) bool   True where a loss term counts
    indices      (B,)       int64  position of each example in the input lists
    n_tokens     int               real target tokens, tgt_lengths.sum(): what the loss sums over
    """

    src: np.ndarray
    src_lengths: np.ndarray
    src_mask: np.ndarray
    tgt_in: np.ndarray
    tgt_out: np.ndarray
    tgt_lengths: np.ndarray
    tgt_mask: np.ndarray
    indices: np.ndarray
    n_tokens: int
    time_major: bool

    def __len__(self) -> int:
        return len(self.indices)


def plan_batches(
    src_lengths: np.ndarray,
    tgt_lengths: np.ndarray,
    batch_size: int | None = None,
    max_tokens: int | None = None,
    seed: int = 0,
    epoch: int = 0,
    shuffle: bool = True,
    pool_size: int = DEFAULT_POOL_SIZE,
    groups: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Group example indices into batches; every index appears in exactly one group.

    Limits (give one or both): `batch_size` sentences per batch, and `max_tokens` padded
    positions per side, B * max(T_src, T_tgt) <= max_tokens with T_tgt = longest target + 1
    (the <bos>/<eos> step). An example longer than `max_tokens` on its own gets a batch
    of its own. The same (seed, epoch) always gives the same plan; without `shuffle` the
    pools follow the input order and so do the batches (for translating a test set).
    Within a batch, examples are in decreasing source length. Batches never span two
    pools, so `pool_size` should hold many batches. `groups`: (N,) ints, or None; with them
    no batch mixes two groups (a group's last batch of each pool may be short).
    """
    src_lengths = np.asarray(src_lengths, dtype=np.int64)
    tgt_lengths = np.asarray(tgt_lengths, dtype=np.int64)
    if batch_size is None and max_tokens is None:
        raise ValueError("give batch_size, max_tokens or both")
    for name, value in (
        ("batch_size", batch_size),
        ("max_tokens", max_tokens),
        ("pool_size", pool_size),
    ):
        if value is not None and value < 1:
            raise ValueError(f"{name} must be positive, not {value}")
    if src_lengths.shape != tgt_lengths.shape or src_lengths.ndim != 1:
        raise ValueError("src_lengths and tgt_lengths must be 1-D of the same length")
    if groups is not None and np.shape(groups) != src_lengths.shape:
        raise ValueError("groups must have one label per example")

    # A generator per (seed, epoch): epochs differ, and reruns repeat exactly.
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(src_lengths)) if shuffle else np.arange(len(src_lengths))
    # Padded width of each example: the longer side, the target with its <bos>/<eos>.
    width = np.maximum(src_lengths, tgt_lengths + 1)

    if groups is not None:  # each group's examples together, in the shuffled order
        labels = np.asarray(groups)[order]
        by_label = np.argsort(labels, kind="stable")
        order, labels = order[by_label], labels[by_label]
        parts = np.split(order, np.flatnonzero(np.diff(labels)) + 1)
    else:
        parts = [order]
    planned = []
    for part in parts:
        for start in range(0, len(part), pool_size):
            pool = part[start : start + pool_size]
            # Longest source first (then longest target); a stable sort keeps the shuffled
            # order among equal lengths.
            pool = pool[np.lexsort((-tgt_lengths[pool], -src_lengths[pool]))]
            planned.extend(_cut(pool, width[pool], batch_size, max_tokens))
    if shuffle:
        planned = [planned[i] for i in rng.permutation(len(planned))]
    return planned


def sample_groups(
    groups: np.ndarray, temperature: float, seed: int = 0, epoch: int = 0
) -> np.ndarray:
    """One epoch's examples when groups (languages) are drawn with a temperature: group g of
    n_g examples gets round(N p_g) places, p_g proportional to n_g ** (1 / temperature)
    (Arivazhagan et al. 2019); 1 is each example once, larger values give small groups more
    than their share and large ones less. A group's places go through its examples in
    shuffled passes (a new shuffle each pass), so within an epoch no example comes twice
    before all of its group have come once. Returns the (about N) example indices, grouped;
    the same (seed, epoch) always gives the same ones."""
    groups = np.asarray(groups)
    if not temperature > 0:
        raise ValueError(f"temperature must be positive, not {temperature}")
    labels, counts = np.unique(groups, return_counts=True)
    weights = counts ** (1.0 / temperature)
    places = np.maximum(1, np.round(len(groups) * weights / weights.sum())).astype(np.int64)
    rng = np.random.default_rng([seed, epoch, 1])
    drawn = []
    for label, count in zip(labels.tolist(), places.tolist()):
        members = np.flatnonzero(groups == label)
        passes = -(-count // len(members))
        cycle = np.concatenate([rng.permutation(members) for _ in range(passes)])
        drawn.append(cycle[:count])
    return np.concatenate(drawn)


def _cut(pool: np.ndarray, width: np.ndarray, batch_size, max_tokens) -> list[np.ndarray]:
    """Cut a length-sorted pool into consecutive groups within the limits."""
    if max_tokens is None:
        return [pool[i : i + batch_size] for i in range(0, len(pool), batch_size)]
    groups, start, widest = [], 0, 0  # the open group is pool[start:i], widest that wide
    for i, w in enumerate(width.tolist()):
        size, widest_with_i = i - start, max(widest, w)
        full = size == batch_size or (size + 1) * widest_with_i > max_tokens
        if size and full:
            groups.append(pool[start:i])
            start, widest_with_i = i, w
        widest = widest_with_i
    groups.append(pool[start:])
    return groups


def collate(
    src: Sequence[Sequence[int]],
    tgt: Sequence[Sequence[int]],
    indices: Sequence[int],
    time_major: bool = True,
    pad_index: int = PAD_INDEX,
    bos_index: int = BOS_INDEX,
    eos_index: int = EOS_INDEX,
) -> Batch:
    """Pad the examples at `indices` into a Batch (see its docstring for the shapes).

    `src[i]` and `tgt[i]` are the ids of example i (lists or 1-D arrays), without <bos> or
    <eos>; the target gets both here. `indices` should be in decreasing source length, as
    `plan_batches` gives them.
    """
    indices = np.asarray(indices, dtype=np.int64)
    batch = len(indices)
    src_lengths = np.array([len(src[i]) for i in indices], dtype=np.int64)
    tgt_lengths = np.array([len(tgt[i]) + 1 for i in indices], dtype=np.int64)
    if batch == 0 or src_lengths.min() == 0:
        raise ValueError("a batch needs at least one example, and every source a token")

    src_ids = np.full((batch, src_lengths.max()), pad_index, dtype=np.int64)  # (B, T_src)
    tgt_in = np.full((batch, tgt_lengths.max()), pad_index, dtype=np.int64)  # (B, T_tgt)
    tgt_out = tgt_in.copy()
    for row, i in enumerate(indices):
        n = len(tgt[i])
        src_ids[row, : src_lengths[row]] = src[i]
        tgt_in[row, 0] = bos_index
        tgt_in[row, 1 : n + 1] = tgt[i]
        tgt_out[row, :n] = tgt[i]
        tgt_out[row, n] = eos_index
    src_mask = np.arange(src_ids.shape[1]) < src_lengths[:, None]  # (B, T_src)
    tgt_mask = np.arange(tgt_in.shape[1]) < tgt_lengths[:, None]  # (B, T_tgt)

    if time_major:
        # Contiguous (T, B): each time step's slice x[t] is one block for the kernels.
        src_ids, src_mask, tgt_in, tgt_out, tgt_mask = (
            np.ascontiguousarray(a.T) for a in (src_ids, src_mask, tgt_in, tgt_out, tgt_mask)
        )
    return Batch(
        src=src_ids,
        src_lengths=src_lengths,
        src_mask=src_mask,
        tgt_in=tgt_in,
        tgt_out=tgt_out,
        tgt_lengths=tgt_lengths,
        tgt_mask=tgt_mask,
        indices=indices,
        n_tokens=int(tgt_lengths.sum()),
        time_major=time_major,
    )


def batches(
    src: Sequence[Sequence[int]],
    tgt: Sequence[Sequence[int]],
    batch_size: int | None = None,
    max_tokens: int | None = None,
    seed: int = 0,
    epoch: int = 0,
    shuffle: bool = True,
    time_major: bool = True,
    pool_size: int = DEFAULT_POOL_SIZE,
) -> Iterator[Batch]:
    """One epoch of padded batches over the pairs (src[i], tgt[i]); see `plan_batches`."""
    if len(src) != len(tgt):
        raise ValueError(f"{len(src)} sources but {len(tgt)} targets")
    src_lengths = np.fromiter(map(len, src), dtype=np.int64, count=len(src))
    tgt_lengths = np.fromiter(map(len, tgt), dtype=np.int64, count=len(tgt))
    if len(src) and src_lengths.min() == 0:
        empty = int(np.argmin(src_lengths))
        raise ValueError(f"source {empty} is empty; every source needs at least one token")
    # Planned now, so that bad arguments fail at the call rather than at the first batch.
    plan = plan_batches(
        src_lengths, tgt_lengths, batch_size, max_tokens, seed, epoch, shuffle, pool_size
    )
    return (collate(src, tgt, indices, time_major) for indices in plan)

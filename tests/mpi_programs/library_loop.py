"""The library's data-parallel loop (rnnkit.distributed) on a bare LSTM layer in float64, for
tests/test_distributed.py. Imported, it is the 1-rank reference; run under `mpiexec -n N`
with an output path, rank 0 writes the final weights there (.npz, no pickle).

Each rank starts from different random weights, so only broadcast_parameters can make them
agree; global batches of 7, 1 and 5 sequences give uneven shards and an idle rank; the loss
is normalised by the global batch; clipping acts on the summed gradient (it is tight enough
to bind at every step)."""

import sys

import numpy

import rnnkit
from rnnkit import distributed, nn, optim

BATCHES = (7, 1, 5, 7, 4, 3)  # sequences per global step
T, D, H = 6, 3, 5
CLIP = 0.05


def train(clip=CLIP):
    """-> (weights by name, the gradient norm before clipping at each step)."""
    distributed.init()
    rnnkit.manual_seed(10 + distributed.rank())  # a different start on every rank
    lstm, readout = nn.LSTM(D, H).double(), nn.Linear(H, 2).double()
    params = lstm.parameters() + readout.parameters()
    distributed.broadcast_parameters(params)
    optimizer = optim.SGD(params, lr=0.5, momentum=0.5)
    data = numpy.random.default_rng(0)  # the same global batches on every rank
    norms = []
    for batch in BATCHES:
        x = data.standard_normal((T, batch, D))  # (T, B, D)
        y = data.standard_normal((batch, 2))  # (B, 2)
        mine = distributed.shard_slice(batch)
        if x[:, mine].shape[1]:
            out, _ = lstm(rnnkit.tensor(x[:, mine]))  # (T, b, H)
            error = readout(out[-1]) - rnnkit.tensor(y[mine])  # (b, 2)
            J = (error * error).sum() / batch  # J averages over the GLOBAL batch
            J.backward()
        distributed.allreduce_gradients(params)
        norms.append(optim.clip_grad_norm_(params, clip) if clip else None)
        optimizer.step()
        optimizer.zero_grad()
    names = [f"lstm.{n}" for n, _ in lstm.named_parameters()]
    names += [f"readout.{n}" for n, _ in readout.named_parameters()]
    return {n: p.data for n, p in zip(names, params)}, norms


if __name__ == "__main__":
    weights, _ = train()
    if distributed.is_root():
        numpy.savez(sys.argv[1], **weights)

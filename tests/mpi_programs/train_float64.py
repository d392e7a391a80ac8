"""`rnnkit train` with the translator in float64 (for tests/test_distributed.py): the same
program, its parameters cast to float64 once built, so that 1 rank and N ranks can be compared
to 1e-12 instead of float32's rounding. Arguments: those of `rnnkit train`. Rank 0 prints the
smallest gradient norm seen before clipping ("smallest gradient norm: X"), so that a test can
check that the clip bound at every step."""

import sys

import numpy

from rnnkit import distributed, optim
from rnnkit.cli.main import main
from rnnkit.translator.training import loop


class Float64Seq2Seq(loop.Seq2Seq):
    def __init__(self, config):
        super().__init__(config)
        self.to(numpy.float64)


def use_float64(norms):
    """Make training build float64 models and record each step's norm before clipping."""
    clip = optim.clip_grad_norm_

    def recording_clip(params, max_norm):
        norms.append(clip(params, max_norm))
        return norms[-1]

    loop.Seq2Seq = Float64Seq2Seq
    optim.clip_grad_norm_ = recording_clip


if __name__ == "__main__":
    norms = []
    use_float64(norms)
    code = main(["train", *sys.argv[1:]])
    if distributed.is_root():
        print(f"smallest gradient norm: {min(norms)}")
    sys.exit(code)

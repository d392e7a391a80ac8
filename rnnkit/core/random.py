"""The library's random source: one NumPy Generator, reseeded by `manual_seed`.

Initialisation and dropout draw from it, so a seed makes a whole run repeatable; its state
can be saved in a checkpoint and restored for a bit-exact resume.
"""

import numpy

_generator = numpy.random.default_rng(0)


def manual_seed(seed):
    """Reseed the generator behind initialisation and dropout (as torch.manual_seed)."""
    global _generator
    _generator = numpy.random.default_rng(seed)
    return _generator


def generator():
    return _generator


def get_state():
    """The generator's state as a JSON-serialisable dict."""
    return _generator.bit_generator.state


def set_state(state):
    _generator.bit_generator.state = state

"""rnnkit: recurrent neural networks from first principles in NumPy.

The core (computation graph, primitives, fused recurrent kernels, layers, optimisers)
depends on NumPy alone. `rnnkit.text` and `rnnkit.translator` build on it.
"""

__version__ = "0.1.0"

"""Fused recurrent kernels: the forward pass over all time steps and its hand-derived BPTT,
on plain arrays (NumPy or CuPy), one module per cell. They know nothing of the graph;
`rnnkit.core.recurrent` wraps each direction of a layer as one graph node."""

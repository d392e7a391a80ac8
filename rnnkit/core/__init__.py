"""The computation graph (Tensor, backward), its primitives, losses and the fused
recurrent graph nodes. Depends on NumPy alone (CuPy optionally, through `backend`)."""

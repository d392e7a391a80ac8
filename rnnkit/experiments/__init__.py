"""Experiments that measure what the lecture claims, on rnnkit's own layers."""

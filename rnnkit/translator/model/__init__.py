"""The translator's network: the encoder-decoder (seq2seq.py), its attention modules, the fused
decoder as one graph node, and each target language's output classes. Imports nothing else of
the translator."""

"""The translator's files: parallel corpora and the text pipeline (data.py), checkpoints
(safetensors + JSON, never pickle) and the model directory's layout. Imports nothing else of
the translator."""

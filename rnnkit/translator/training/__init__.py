"""Training a translator: the loop and its hooks (loop.py), `TrainConfig` (the options of
`rnnkit train`), PNG plots of a run. Imports the other three packages."""

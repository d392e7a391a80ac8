"""The multilingual translator, one package per job: model/ (the network), formats/ (corpus
files, checkpoints, the model directory), decoding/ (search, `Translator`, slots, simultaneous
translation, evaluation) and training/ (the loop and its options). ARCHITECTURE.md draws the
layers among them."""

"""The multilingual translator: data, attention encoder-decoder, training, search, evaluation."""

"""From a trained model to text: greedy and beam search with the slot constraint, `Translator`
(text in, text out), names and numbers as slots, simultaneous translation and its latency,
BLEU and chrF. Imports the model and the formats."""

"""The case study's translator: Raptors commentary data, and the multilingual model built on it."""

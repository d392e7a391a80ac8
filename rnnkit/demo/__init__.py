"""The case study's demo: Raptors play-by-play commentary and its translations.

    grammar.py     the league, the 20 templates, Event, LanguageTable and rendering
    languages/     one lexicon file per language (`TABLE`), LANGUAGES and TABLES
    splits.py      held-out (player, action) and (template, team) combinations
    corpus.py      the generated parallel corpus and its TSV file
    game.py        a simulated live game whose score and clock add up
    run.py         `rnnkit demo`: data, one multilingual model, scores, a live game

The translator itself (rnnkit/translator) knows nothing of basketball.
"""

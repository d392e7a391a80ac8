"""The case study's demo: Raptors play-by-play commentary and its translations.

    grammar.py     the demo's rosters, the templates, Event, LanguageTable and rendering
    languages/     one lexicon file per language (`TABLE`), LANGUAGES and TABLES; en.py
                   also the English phrasings of every template (PHRASINGS)
    league.py      the real NBA: 30 teams, their cities and nicknames in the 24 languages
    slot_policy.py names and numbers as slots: the training text, the names and words the
                   extractor knows, each language's writing of a slot (DemoSlots)
    roster.py      tonight's game: a TOML roster file (`rnnkit serve --roster`)
    splits.py      held-out (player, action) and (template, team) combinations
    commentary.py  the generated parallel corpus and its TSV file
    game.py        a simulated live game whose score and clock add up
    run.py         `rnnkit demo`: data, one multilingual model, scores, a live game

The translator itself (rnnkit/translator) knows nothing of basketball.
"""

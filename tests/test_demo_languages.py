"""Mechanical checks of every language file, parametrised over LANGUAGES: a language added
under rnnkit/demo/languages/ is checked here without editing this file.

What a machine can check without knowing the language: each template uses exactly its
slots; every event renders without leftover braces or doubled spaces; the letters are of
the table's script (a code-point table written here, independent of the tables); no
English word was left untranslated; right-to-left text is stored in logical order without
bidi controls; the module docstring explains the grammar. The agreement tables below (fr,
es, pt, it) were written by hand from the grammar of each language.
"""

import re
import string
import sys
import unicodedata

import pytest
from demo_events import every_event, every_name_and_number

from rnnkit.demo.grammar import PLAYERS, ROSTERS, SHOTS, TEMPLATES, Event
from rnnkit.demo.languages import LANGUAGES, TABLES, english, render
from rnnkit.demo.league import ARENA

ALL = ["en", *LANGUAGES]

# Code-point ranges of each script's letters and combining marks (from the Unicode block
# charts). Latin, Greek and Cyrillic share the combining diacritics U+0300-036F.
COMBINING = [(0x0300, 0x036F)]
SCRIPT_RANGES = {
    # (U+00AA and U+00BA, the ordinal indicators of "3.ª", "3º", are Latin letters too)
    "Latin": [(0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0x24F)]
    + [(0x1E00, 0x1EFF), *COMBINING],
    "Cyrillic": [(0x0400, 0x052F), *COMBINING],
    "Greek": [(0x0370, 0x03FF), (0x1F00, 0x1FFF), *COMBINING],
    "Han": [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)],
    "Hangul": [(0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)],
    "Arabic": [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF)]
    + [(0xFE70, 0xFEFF)],
    "Devanagari": [(0x0900, 0x097F)],
    "Bengali": [(0x0980, 0x09FF)],
    "Gurmukhi": [(0x0A00, 0x0A7F)],
    "Gujarati": [(0x0A80, 0x0AFF)],
    "Tamil": [(0x0B80, 0x0BFF)],
}
# Explicit bidi formatting characters: LRM, RLM, LRE..RLO, LRI..PDI. Text is stored in
# logical order, and the page sets the direction, so none of these belongs in the corpus.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# English words that carry no content (articles, prepositions, the copula).
FUNCTION_WORDS = {"a", "at", "for", "from", "in", "is", "of", "on", "the", "to", "with"}


def in_script(ch: str, script: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in SCRIPT_RANGES[script])


def renderings(lang: str) -> list[str]:
    return [render(event, lang) for event in every_event() + every_name_and_number()]


def without_latin_names(lang: str, sentence: str) -> str:
    """The sentence less the names a language keeps in Latin letters: the arena's (where
    the league writes it so) and the players' (player=None)."""
    sentence = sentence.replace(ARENA, " ")
    if TABLES[lang].player is not None:
        return sentence  # it writes names its own way: none may stay Latin
    return re.sub("|".join(sorted(PLAYERS, key=len, reverse=True)), " ", sentence)


def english_content_words() -> set[str]:
    found = set()
    for event in every_event():
        found |= set(re.findall(r"[a-z]+", english(event).lower()))
    names = {name.lower() for name in (*PLAYERS, *ROSTERS)}
    return found - FUNCTION_WORDS - names


def loans(lang: str) -> frozenset[str]:
    """English words a language uses as its own ("dunk" in French), from its LOANS."""
    return frozenset(getattr(sys.modules[f"rnnkit.demo.languages.{lang}"], "LOANS", ()))


@pytest.mark.parametrize("lang", ALL)
def test_every_template_uses_exactly_its_slots(lang):
    assert set(TABLES[lang].templates) == set(TEMPLATES)
    for template, pattern in TABLES[lang].templates.items():
        fields = {
            name.split("[")[0]
            for _, name, _, _ in string.Formatter().parse(pattern)
            if name is not None
        }
        assert fields == set(TEMPLATES[template]), (lang, template)


@pytest.mark.parametrize("lang", ALL)
def test_every_event_renders_cleanly(lang):
    for sentence in renderings(lang):
        assert sentence == sentence.strip() and "  " not in sentence, sentence
        assert not re.search(r"[{}]|None|\[|\]", sentence), sentence
        assert sentence[0] == sentence[0].upper(), sentence  # starts with a capital or a name


def test_english_sentences_are_distinct_and_short():
    # Different events never collapse to the same English sentence (that would let one
    # sentence belong to two splits).
    rendered = [english(event) for event in every_event()]
    assert len(set(rendered)) == len(rendered)
    assert all(3 <= len(sentence.split()) <= 16 for sentence in rendered)


@pytest.mark.parametrize("lang", ALL)
def test_letters_are_of_the_tables_script(lang):
    script = TABLES[lang].script
    for sentence in renderings(lang):
        text = without_latin_names(lang, sentence)
        foreign = {
            ch for ch in text if unicodedata.category(ch)[0] in "LM" and not in_script(ch, script)
        }
        assert not foreign, (sentence, {ch: unicodedata.name(ch, "?") for ch in foreign})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_english_word_is_left_untranslated(lang):
    content = english_content_words()
    allowed = loans(lang)
    assert allowed <= content, f"{lang}: LOANS lists words the English never uses"
    doc = sys.modules[f"rnnkit.demo.languages.{lang}"].__doc__ or ""
    assert all(word in doc for word in allowed), f"{lang}: every loan is explained in the docstring"
    for sentence in renderings(lang):
        text = without_latin_names(lang, sentence).lower()
        if TABLES[lang].script == "Latin":
            found = set(re.findall(r"[^\W\d_]+", text)) & (content - allowed)
        else:
            found = {word for word in content if word in text}
        assert not found, (sentence, found)


@pytest.mark.parametrize("lang", ALL)
def test_direction_and_no_bidi_controls(lang):
    want = {"R", "AL"} if TABLES[lang].rtl else {"L"}
    assert TABLES[lang].rtl == (TABLES[lang].script == "Arabic")
    for sentence in renderings(lang):
        assert not BIDI_CONTROLS.search(sentence), ascii(sentence)
        strong = next(
            unicodedata.bidirectional(ch)
            for ch in sentence
            if unicodedata.bidirectional(ch) in ("L", "R", "AL")
        )
        assert strong in want, (sentence, strong)


@pytest.mark.parametrize("lang", ALL)
def test_module_docstring_explains_the_grammar(lang):
    doc = (sys.modules[f"rnnkit.demo.languages.{lang}"].__doc__ or "").strip()
    assert len(doc) >= 200, f"{lang}.py: the docstring says what the grammar needs"


# ---------------------------------------------------------------------------------------
# Agreement: fr, es, pt, it (hand-written from each language's grammar)
# ---------------------------------------------------------------------------------------

# The grammatical gender of each shot's noun: fr "le tir", "le lay-up", "le dunk", "le
# lancer franc"; es "el triple", "el tiro", "la bandeja", "el mate"; pt "o arremesso", "a
# bandeja", "a enterrada", "o lance livre"; it "la tripla", "il tiro", "l'appoggio" (m),
# "la schiacciata", "il tiro libero".
GENDER = {
    "fr": dict.fromkeys(SHOTS, "m"),
    "es": {**dict.fromkeys(SHOTS, "m"), "layup": "f"},
    "pt": {**dict.fromkeys(SHOTS, "m"), "layup": "f", "dunk": "f"},
    "it": {**dict.fromkeys(SHOTS, "m"), "three": "f", "dunk": "f"},
}
# Articles (and article + preposition contractions) by gender; an elided "l'" fits both.
ARTICLES = {
    "fr": {"m": {"un", "le", "du", "au"}, "f": {"une", "la"}},
    "es": {"m": {"un", "el", "del", "al"}, "f": {"una", "la"}},
    "pt": {"m": {"um", "o", "no", "do", "ao"}, "f": {"uma", "a", "na", "da"}},
    "it": {"m": {"un", "il", "lo", "del", "al", "nel"}, "f": {"una", "la", "della", "nella"}},
}


@pytest.mark.parametrize("lang", sorted(GENDER))
def test_shot_articles_agree_with_the_nouns_gender(lang):
    every_article = ARTICLES[lang]["m"] | ARTICLES[lang]["f"]
    for shot, forms in TABLES[lang].shots.items():
        for form in forms.values():
            words = form.split()
            articles = [w for w in words if w in every_article]
            elided = [w for w in words if w.startswith("l'")]
            assert articles or elided, (lang, shot, form)
            # The first article governs the shot's noun (later words are complements).
            if articles and not (elided and words.index(elided[0]) < words.index(articles[0])):
                assert articles[0] in ARTICLES[lang][GENDER[lang][shot]], (lang, shot, form)
            else:
                assert elided[0][2] in "aeiouhàèéìòù", (lang, shot, form)


# Rebounds and fouls: the adjective agrees with its noun (all four "rebond/rebote/rimbalzo"
# are masculine; "faute/falta/falta/fallo" fem., fem., fem., masc.).
ADJECTIVES = {
    "fr": ("le rebond offensif", "le rebond défensif", "une faute personnelle"),
    "es": ("el rebote ofensivo", "el rebote defensivo", "una falta personal"),
    "pt": ("o rebote ofensivo", "o rebote defensivo", "uma falta pessoal"),
    "it": ("il rimbalzo offensivo", "il rimbalzo difensivo", "un fallo personale"),
}


@pytest.mark.parametrize("lang", sorted(ADJECTIVES))
def test_adjectives_agree(lang):
    offensive, defensive, foul = ADJECTIVES[lang]
    table = TABLES[lang]
    assert (table.rebounds["offensive"], table.rebounds["defensive"]) == (offensive, defensive)
    assert foul in render(Event("foul_personal", player="Iwu", other="Marin"), lang)


# Team names are plural in all four ("les/los/os/i Raptors"): the verb after the team
# agrees in the third person plural: fr -ent, es -n, pt -m / -ão, it -no.
PLURAL_VERB = {"fr": ("ent",), "es": ("n",), "pt": ("m", "ão"), "it": ("no",)}
PLURAL_ARTICLE = {"fr": "Les", "es": "Los", "pt": "Os", "it": "I"}


@pytest.mark.parametrize("lang", sorted(PLURAL_VERB))
@pytest.mark.parametrize("template", ["timeout", "lead", "lead_opponent", "win"])
def test_team_verbs_are_plural(lang, template):
    pattern = TABLES[lang].templates[template]
    article, team, verb = pattern.split()[:3]
    assert (article, team) == (PLURAL_ARTICLE[lang], "{team}"), pattern
    verb = verb.removeprefix("l'")  # fr "l'emportent"
    assert verb.endswith(PLURAL_VERB[lang]), pattern


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if TABLES[code].city_verbs])
def test_each_city_verb_follows_a_team_in_the_languages_patterns(lang):
    """`city_verbs` (a team named by its city takes a singular verb) lists only plurals that
    a pattern writes right after a team, and their singulars differ."""
    table = TABLES[lang]
    patterns = [*table.templates.values(), *table.settings.values()]
    for plural, singular in table.city_verbs:
        assert plural != singular
        assert any(f"{{team}} {plural}" in p or f"{{opponent}} {plural}" in p for p in patterns), (
            lang,
            plural,
        )

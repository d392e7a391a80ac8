"""Checks of the English phrasings (en.PHRASINGS): the ways a commentator says each template
besides its canonical sentence, all of which the translator learns to read.

What a machine can check: every template has enough of them; each uses exactly its
template's slots, each once, in forms every value of the slot has; each renders cleanly and
briefly for every event; no two sentences of the whole grammar coincide (one sentence would
then belong to two events); and no word but the first is capitalised unless it is a name,
since the name extractor takes any other capitalised word for a person.
"""

import re
import string
from collections import Counter

import pytest
from demo_events import every_event

from rnnkit.demo.grammar import FIELD_GOALS, SETTINGS, SHOTS, TEMPLATES
from rnnkit.demo.languages import TABLES, english, phrasings
from rnnkit.demo.languages.en import PHRASINGS
from rnnkit.demo.slot_policy import DemoSlots, slotted
from rnnkit.translator.decoding.slots import extract

ENGLISH = TABLES["en"]
EVENTS = every_event()
# Each event, with each of its template's phrasings (the canonical one first) filled in.
RENDERED = [(event, p, english(event, p)) for event in EVENTS for p in phrasings(event.template)]


def fields(pattern: str) -> list[tuple[str, str | None]]:
    """The (slot, form key or None) of each replacement field of `pattern`, in order."""
    found = []
    for _, name, _, _ in string.Formatter().parse(pattern):
        if name is not None:
            slot, _, key = name.partition("[")
            found.append((slot, key.rstrip("]") or None))
    return found


def test_every_template_has_enough_phrasings():
    assert set(PHRASINGS) == set(TEMPLATES) | set(SETTINGS)
    counts = {template: len(phrasings(template)) for template in TEMPLATES}
    assert min(counts.values()) >= 6, {t: n for t, n in counts.items() if n < 6}
    assert sum(counts.values()) / len(counts) >= 7
    for template, extra in PHRASINGS.items():
        assert isinstance(extra, tuple), template
        assert len(set(extra)) == len(extra), template
        assert phrasings(template)[0] not in extra, template


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_each_phrasing_uses_exactly_its_slots_once(template):
    for phrasing in PHRASINGS[template]:
        slots = [slot for slot, _ in fields(phrasing)]
        assert Counter(slots) == Counter(TEMPLATES[template]), (template, phrasing)


@pytest.mark.parametrize("template", [t for t in TEMPLATES if "shot" in TEMPLATES[t]])
def test_shot_forms_exist_for_every_shot_of_the_template(template):
    # made, missed and made_clock can be a free throw, which has only {shot[a]}.
    shots = FIELD_GOALS if template in ("assist", "block") else SHOTS
    for phrasing in PHRASINGS[template]:
        for slot, key in fields(phrasing):
            if slot == "shot":
                assert all(key in ENGLISH.shots[shot] for shot in shots), (template, phrasing)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_phrasings_are_plain_text(template):
    for phrasing in PHRASINGS[template]:
        literal = "".join(text for text, _, _, _ in string.Formatter().parse(phrasing))
        assert phrasing.isascii(), phrasing  # plain apostrophes and hyphens, no emoji
        assert not re.search(r"\d", literal), phrasing  # a digit would be read as a number
        # No "a" before a number (it would be "an 8", "an 11", "an 80").
        assert not re.search(r"\b[Aa] \{(a|b|c|nth|clock)\}", phrasing), phrasing
        assert phrasing == phrasing.strip() and not phrasing.endswith("."), phrasing


def test_every_phrasing_renders_cleanly():
    for event, phrasing, sentence in RENDERED:
        where = (event.template, phrasing, sentence)
        assert sentence == sentence.strip() and "  " not in sentence, where
        assert not re.search(r"[{}]|None|\[|\]", sentence), where
        assert sentence[0].isupper() or phrasing.startswith("{"), where
        assert sentence[0] == sentence[0].upper(), where
        assert 3 <= len(sentence.split()) <= 16, where


def test_no_sentence_belongs_to_two_phrasings():
    # Filled with the same values, no two phrasings of the grammar (canonical ones
    # included, across templates) give the same sentence, even ignoring case and
    # punctuation.
    def folded(sentence):
        return " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))

    for key in (lambda s: s, folded):
        seen = {}
        for event, phrasing, sentence in RENDERED:
            owner = seen.setdefault(key(sentence), (event, phrasing))
            assert owner == (event, phrasing), (sentence, owner, (event, phrasing))


def test_no_capitalised_word_but_the_first_and_names():
    for event, phrasing, sentence in RENDERED:
        names = {event.player, event.other, event.team, event.opponent} - {None}
        names |= set((event.arena or "").split())  # "Scotiabank Arena": a name too
        words = re.findall(r"[^\W\d_]+", sentence)
        capitalised = [w for w in words[1:] if w[0].isupper() and w not in names]
        assert not capitalised, (event.template, phrasing, sentence, capitalised)


def test_the_extractor_finds_exactly_the_slots_of_every_phrasing():
    # The live line, run through the name extractor, gives the slotted training text: no
    # opening word is taken for a person, and every name and number is found.
    inventory = DemoSlots().inventory
    for event, phrasing, sentence in RENDERED:
        if phrasing in PHRASINGS[event.template]:
            got = extract(sentence, inventory).text
            assert got == slotted(event, "en", phrasing), (event.template, phrasing, got)


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_each_setting_phrasing_is_plain_text_with_exactly_its_slots(setting):
    assert len(phrasings(setting)) >= 4
    for phrasing in phrasings(setting):
        assert Counter(slot for slot, _ in fields(phrasing)) == Counter(SETTINGS[setting])
        literal = "".join(text for text, _, _, _ in string.Formatter().parse(phrasing))
        assert phrasing.isascii() and not re.search(r"\d", literal), phrasing
        assert phrasing[0].isupper() or phrasing.startswith("{"), phrasing  # opens a sentence


def test_the_extractor_finds_exactly_the_slots_of_a_line_said_with_a_setting():
    """Before the event, after it in lower case, or in a heading's colon: the live line's
    slots are the training text's, the setting's (a bare "in the fourth" too) numbered on."""
    from random import Random

    from rnnkit.demo.commentary import _line, draw_setting

    inventory, rng, said = DemoSlots().inventory, Random(4), Counter()
    for event, phrasing, _ in RENDERED[::7]:
        setting = draw_setting(rng, event, phrasing)
        if setting is None:
            continue
        said[setting[2]] += 1
        sentence = _line([(event, phrasing)], "en", slots=False, setting=setting)
        got = extract(sentence, inventory).text
        assert got == _line([(event, phrasing)], "en", slots=True, setting=setting), sentence
    assert min(said.values()) >= 5 and set(said) == {"before", "after", "heading"}

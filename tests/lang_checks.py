"""Test helper for the language files: render events, and the checks every file repeats."""

import importlib
import re
import unicodedata

from demo_events import every_event

from rnnkit.demo.grammar import Event, LanguageTable

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def table(code: str) -> LanguageTable:
    return importlib.import_module(f"rnnkit.demo.languages.{code}").TABLE


def render(code: str, template: str, **slots) -> str:
    return table(code).render(Event(template, **slots))


def renderings(code: str) -> list[str]:
    """Every event of every kind in language `code`."""
    return [table(code).render(event) for event in every_event()]


def check_text(code: str, digits: str) -> None:
    """NFC, no bidi controls, and the numerals written only with `digits` (and : -)."""
    numerals: set[str] = set()
    for sentence in renderings(code):
        assert sentence == unicodedata.normalize("NFC", sentence), sentence
        assert not BIDI_CONTROLS.search(sentence), sentence
        numerals |= {ch for ch in sentence if unicodedata.category(ch) == "Nd"}
    assert numerals and numerals <= set(digits), numerals

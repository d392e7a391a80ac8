"""The demo's languages: one file per language, each defining `TABLE`, a LanguageTable.

`LANGUAGES` is the tuple of the target languages present, in ORDER (Toronto's most common
mother tongues after English, from Statistics Canada's census, plus French); `TABLES` maps
each of them and "en" (the English source) to its table. A language is added by adding its
file: the files present are found here, so parallel additions never edit this module.
"""

from importlib import import_module
from pathlib import Path

from rnnkit.demo.grammar import LanguageTable

ORDER = (
    "zh",
    "yue",
    "pa",
    "ur",
    "ta",
    "tl",
    "es",
    "it",
    "fa",
    "pt",
    "ru",
    "ko",
    "ar",
    "gu",
    "vi",
    "pl",
    "hi",
    "el",
    "bn",
    "fr",
    "uk",
    "sr",
    "so",
    "tr",
)

_HERE = Path(__file__).parent
LANGUAGES: tuple[str, ...] = tuple(code for code in ORDER if (_HERE / f"{code}.py").exists())
TABLES: dict[str, LanguageTable] = {
    code: import_module(f"{__name__}.{code}").TABLE for code in ("en", *LANGUAGES)
}
for _code, _table in TABLES.items():
    assert _table.code == _code, f"{_code}.py defines the table of {_table.code!r}"
NAMES: dict[str, str] = {code: TABLES[code].name for code in LANGUAGES}


def render(event, lang: str) -> str:
    """`event` (a grammar.Event) in language `lang`: "en" or one of LANGUAGES."""
    if lang not in TABLES:
        raise ValueError(f"unknown language {lang!r}; expected one of {list(TABLES)}")
    return TABLES[lang].render(event)


def phrasings(template: str) -> tuple[str, ...]:
    """The ways a commentator says `template` (or a setting, grammar.SETTINGS) in English:
    the canonical sentence first, then en.PHRASINGS' (every one says the same facts)."""
    extra = getattr(import_module(f"{__name__}.en"), "PHRASINGS", {})
    table = TABLES["en"]
    canonical = table.templates.get(template) or table.settings[template]
    return (canonical, *extra.get(template, ()))


def english(event, phrasing: str | None = None) -> str:
    """The English commentary line of `event` (the translator's source), in `phrasing` (one
    of `phrasings(event.template)`; the canonical sentence if None)."""
    return TABLES["en"].render(event, pattern=phrasing)

"""Rule-based transliteration of the rosters' Latin surnames, shared by the language files.

A language gives an ordered list of `(regular expression, replacement)` rules over the
lower-cased Latin surname: context rules first (digraphs, a letter before e/i, word-final
letters), then a table of single letters. A rule's replacement is in the target script, so
no later rule can rewrite it. Where the spelling does not tell the pronunciation (English
"Whitfield", French "Moreau"), the language's exception table gives the form its sports
press uses.
"""

import re

# What the Cyrillic tables (ru, uk, sr) spell alike: the digraphs, Swedish qv and Igbo kw
# as кв, Hungarian sz as с, English final ow as оу, and a silent final h after a vowel.
CYRILLIC_DIGRAPHS = [
    ("sch|sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ph", "ф"),
    ("th", "т"),
    ("ck", "к"),
    ("qu|qv|kw", "кв"),
    ("sz", "с"),
    ("ow$", "оу"),
    ("(?<=[aeiou])h$", ""),
]


def transliterate(
    name: str, rules: list[tuple[str, str]], letters: dict[str, str], exceptions: dict[str, str]
) -> str:
    """`name` (Latin, capitalised) in the target script: its exception, else the rules
    in order, then `letters` (one Latin letter -> its spelling) for every letter left."""
    if name in exceptions:
        return exceptions[name]
    word = name.lower()
    for pattern, replacement in rules:
        word = re.sub(pattern, replacement, word)
    word = "".join(letters.get(char, char) for char in word)
    assert not re.search("[a-z]", word), f"{name}: no rule for the letters left in {word!r}"
    return word[:1].upper() + word[1:]

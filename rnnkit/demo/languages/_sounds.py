"""How a roster surname sounds: its Latin spelling read as a sequence of phonemes.

The sports press of Arabic, Persian, Urdu, Hindi, Bengali, Gujarati, Punjabi and Tamil writes
a foreign name by its sound, not letter by letter ("Whitaker" is व्हिटेकर in Hindi, ويتاكر in
Arabic). So every such language starts from the same step, done here: the surname is read
with English spelling rules (the roster's names are as a Toronto commentator says them),
plus the few continental spellings the roster has (Hungarian "sz", Swedish "qv", French
"eau"). Names the rules misread are in PRONUNCIATIONS. Each script module then writes the
phonemes by its own conventions (`_arabic_script`, `_indic`, `ta`).

Phonemes are ASCII tokens:
    vowels      aa (father)  a (the weak a of "-an", "-ar")  ae (cat)  e (bed)  ei (day)
                i (bit)  ii (see)  o (go)  aw (hot, law)  u (put)  uu (food)  uh (cup)
                @ (the schwa of "-er")
    consonants  p b t d k g f v s z sh zh ch j m n l r h w y th (thin) dh (this)
                hw (the wh of "Whitfield", which the Indic presses write with an h: व्ह)
A doubled consonant token ("d d") is a geminate, which only PRONUNCIATIONS write: English
spelling doubles letters without doubling the sound ("Brennan").
"""

from __future__ import annotations

VOWELS = frozenset({"aa", "a", "ae", "e", "ei", "i", "ii", "o", "aw", "u", "uu", "uh", "@"})
CONSONANTS = frozenset("p b t d k g f v s z sh zh ch j m n l r h w y th dh hw".split())

# Names the spelling rules misread, as a commentator in Toronto says them.
PRONUNCIATIONS: dict[str, str] = {
    "Abara": "a b aa r aa",  # the first a is weak: a-BAA-ra
    "Ashby": "ae sh b ii",
    "Baptiste": "b ae p t i s t",
    "Calloway": "k ae l @ w ei",
    "Delacroix": "d e l aa k r o aa",  # French -oix is "wa"
    "Dunmore": "d uh n m o r",
    "Fairbank": "f e y @ r b ae n k",
    "Gallagher": "g ae l aa g @ r",
    "Haddad": "h a d d aa d",  # Arabic, with its geminate
    "Halloran": "h ae l o r a n",
    "Hartmann": "h aa r t m ae n",
    "Hollister": "h aw l i s t @ r",
    "Kovac": "k o v aa ch",  # Kovač
    "Kruger": "k r uu g @ r",
    "Ndiaye": "n d i y aa y",  # Wolof: n-dya-y
    "Sutherland": "s uh dh @ r l ae n d",
    "Talbot": "t ae l b o t",
    "Whitaker": "hw i t e k @ r",
}

# Letter groups read as one sound, longest first.
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("eau", ("o",)),
    ("sch", ("sh",)),
    ("tch", ("ch",)),
    ("sh", ("sh",)),
    ("ch", ("ch",)),
    ("ck", ("k",)),
    ("ph", ("f",)),
    ("th", ("th",)),
    ("wh", ("hw",)),
    ("qu", ("k", "w")),
    ("qv", ("k", "v")),  # Swedish Lindqvist
    ("sz", ("s",)),  # Hungarian Szabo
    ("cz", ("ch",)),
    ("gh", ("g",)),
    ("dj", ("j",)),
    ("ee", ("ii",)),
    ("ie", ("ii",)),
    ("ea", ("ii",)),
    ("oo", ("uu",)),
    ("ou", ("uu",)),
    ("ay", ("ei",)),
    ("ey", ("ei",)),
    ("ei", ("ei",)),
    ("ai", ("ei",)),
    ("au", ("aw",)),
)
_LETTERS = {
    "b": "b",
    "d": "d",
    "f": "f",
    "g": "g",
    "h": "h",
    "j": "j",
    "k": "k",
    "l": "l",
    "m": "m",
    "n": "n",
    "p": "p",
    "q": "k",
    "r": "r",
    "s": "s",
    "t": "t",
    "v": "v",
    "w": "w",
    "z": "z",
}
_SPELLED_VOWELS = set("aeiouy")


def _undouble(word: str) -> str:
    """Doubled consonant letters are one sound in English spelling: "brennan" -> "brenan"."""
    out: list[str] = []
    for letter in word:
        if out and letter == out[-1] and letter not in _SPELLED_VOWELS:
            continue
        out.append(letter)
    return "".join(out)


def _read(word: str) -> list[str]:
    """Spelling rules, left to right; `word` is lowercase and undoubled."""
    tokens: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        at_end = i == len(word) - 1
        if rest.startswith("ow") and i + 2 == len(word):
            tokens.append("o")  # Barlow
            i += 2
            continue
        if rest.startswith("ah") and i + 2 == len(word):
            tokens.append("aa")  # Mensah: a final h is silent
            i += 2
            continue
        if rest[:2] in ("er", "or") and (i + 2 == len(word) or word[i + 2] not in _SPELLED_VOWELS):
            tokens += ["@" if rest[0] == "e" else "o", "r"]  # Kruger, Dunmore's -or
            i += 2
            continue
        for spelling, sounds in _GROUPS:
            if rest.startswith(spelling):
                tokens += sounds
                i += len(spelling)
                break
        else:
            letter = word[i]
            if letter == "c":
                tokens.append("s" if nxt in ("e", "i", "y") else "k")
            elif letter == "x":
                tokens += ["k", "s"]
            elif letter == "y":
                tokens.append("y" if nxt in _SPELLED_VOWELS else "ii" if at_end else "i")
            elif letter == "a":
                tokens.append("aa")
            elif letter == "e":
                if not (at_end and tokens and tokens[-1] not in VOWELS):
                    tokens.append("e")  # a final e after a consonant is silent
            elif letter == "i":
                tokens.append("ii" if at_end else "i")
            elif letter == "o":
                tokens.append("o")
            elif letter == "u":
                tokens.append("uu" if at_end else "u")
            elif letter in _LETTERS:
                tokens.append(_LETTERS[letter])
            else:
                raise ValueError(f"cannot read the letter {letter!r} of {word!r}")
            i += 1
    _weaken_last_a(tokens)
    return tokens


def _weaken_last_a(tokens: list[str]) -> None:
    """An a in a closed last syllable of a longer name is weak: Brennan, Quinlan, Halloran."""
    vowels = [i for i, token in enumerate(tokens) if token in VOWELS]
    if len(vowels) >= 2 and tokens[vowels[-1]] == "aa" and vowels[-1] < len(tokens) - 1:
        tokens[vowels[-1]] = "a"


def phonemes(surname: str) -> list[str]:
    """The phonemes of a roster surname: "Tremblay" -> ['t', 'r', 'e', 'm', 'b', 'l', 'ei']."""
    if surname in PRONUNCIATIONS:
        return PRONUNCIATIONS[surname].split()
    if not surname.isascii() or not surname.isalpha():
        raise ValueError(f"a surname is ASCII letters only, got {surname!r}")
    return _read(_undouble(surname.lower()))

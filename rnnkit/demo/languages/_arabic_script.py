"""Writing a surname's phonemes in the Arabic script, as the Arabic, Persian and Urdu
sports press writes foreign names.

The script writes consonants; of the vowels it writes the long ones (ا و ی) and leaves the
short ones to the reader. A foreign name is written with more vowel letters than a native
word, so that it can be read at all, and each press has its own habit, which the tables
below encode per vowel phoneme and position (word start, inside, inside before two
consonants, word end):

* Arabic writes nearly every vowel (ميسي, رونالدو); a short e before two consonants is
  left out (ترمبلاي, منسا), the schwa of "-er" too (كروغر); a final "ay" is اي.
* Persian leaves out short e (برنان, پتروف) and writes English ɒ as ا (هالیستر), a final e
  as ه; a final -v is ف (پتروف), as the Persian press spells Slavic -ov.
* Urdu leaves out weak a and ʌ (برینن, ڈنمور), and short i and u in a closed syllable
  (لنڈکوسٹ, ایکلنڈ, مارن), writes æ and e as ی (ہیلورن), a final e or "ay" as ے (ٹریمبلے), and
  English t and d with the retroflex ٹ ڈ, as Urdu does for every English name.
Everywhere: a vowel letter next to the same glide is not written twice (فيربانك, أويلاران);
p, g, v, ch become ب غ ف تش in Arabic (Levantine and Gulf usage; the Egyptian ج for g is
not used) and پ گ و چ in Persian and Urdu. Text is in logical order; the script's own
shaping and the reader's bidi algorithm do the rest, so no control characters are used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rnnkit.demo.languages._sounds import VOWELS, phonemes

_I_TYPE = frozenset({"e", "ei", "i", "ii"})
_U_TYPE = frozenset({"o", "aw", "u", "uu"})


@dataclass(frozen=True)
class ArabicScript:
    """One press's letters for the phonemes, by position in the word."""

    name: str
    consonants: dict[str, str]
    initial: dict[str, str]  # a vowel that starts the word, with its carrier alif
    medial: dict[str, str]
    final: dict[str, str]
    # Inside, in a closed syllable: before two consonants, or before the last consonant.
    closed: dict[str, str] = field(default_factory=dict)
    checked: dict[str, str] = field(default_factory=dict)
    after_glide: dict[str, str] = field(default_factory=dict)  # after a consonant and w, y
    final_v: str = ""  # the letter for a word-final v, where it differs


def write(script: ArabicScript, tokens: list[str]) -> str:
    """Phoneme tokens written in `script`, in logical order."""
    out: list[str] = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        if token not in VOWELS:
            if token == "v" and k == n - 1 and script.final_v:
                out.append(script.final_v)
            else:
                out.append(script.consonants[token])
            continue
        before = tokens[k - 1] if k > 0 else None
        after = tokens[k + 1] if k + 1 < n else None
        if k == 0:
            out.append(script.initial[token])
            continue
        if k == n - 1:
            out.append(script.final[token])
            continue
        # The glide writes the vowel itself: "e y" is one ي, and so is "y e".
        if (token in _I_TYPE and "y" in (after, before)) or (token in _U_TYPE and after == "w"):
            continue
        if (
            before in ("w", "y")
            and k >= 2
            and tokens[k - 2] not in VOWELS
            and token in script.after_glide
        ):
            out.append(script.after_glide[token])  # Quinlan: کوینلن, not کونلن
            continue
        if k + 2 < n and tokens[k + 1] not in VOWELS and tokens[k + 2] not in VOWELS:
            letters = script.closed
        elif k + 2 == n and tokens[k + 1] not in VOWELS:
            letters = script.checked
        else:
            letters = {}
        out.append(letters.get(token, script.medial[token]))
    return "".join(out)


def transliterate(script: ArabicScript, surname: str, exceptions: dict[str, str]) -> str:
    """A roster surname in `script`: the exception table's spelling, else by rule."""
    if surname in exceptions:
        return exceptions[surname]
    return write(script, phonemes(surname))


# Names of Arabic origin keep their Arabic spelling in all three.
ARABIC_NAMES = {"Haddad": "حداد"}

ARABIC = ArabicScript(
    name="Arabic",
    consonants={
        "p": "ب",
        "b": "ب",
        "t": "ت",
        "d": "د",
        "k": "ك",
        "g": "غ",
        "f": "ف",
        "v": "ف",
        "s": "س",
        "z": "ز",
        "sh": "ش",
        "zh": "ج",
        "ch": "تش",
        "j": "ج",
        "m": "م",
        "n": "ن",
        "l": "ل",
        "r": "ر",
        "h": "ه",
        "w": "و",
        "y": "ي",
        "th": "ث",
        "dh": "ذ",
        "hw": "و",
    },
    initial={
        **dict.fromkeys(("a", "aa", "ae", "uh", "@"), "أ"),
        "e": "إ",
        **dict.fromkeys(("ei", "i", "ii"), "إي"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "أو"),
    },
    medial={
        **dict.fromkeys(("a", "aa", "ae", "uh"), "ا"),
        "@": "",
        **dict.fromkeys(("e", "ei", "i", "ii"), "ي"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "و"),
    },
    closed={"e": ""},
    final={
        **dict.fromkeys(("a", "aa", "ae", "uh"), "ا"),
        "@": "",
        **dict.fromkeys(("e", "i", "ii"), "ي"),
        "ei": "اي",
        **dict.fromkeys(("o", "aw", "u", "uu"), "و"),
    },
)

PERSIAN = ArabicScript(
    name="Persian",
    consonants={
        **ARABIC.consonants,
        "p": "پ",
        "g": "گ",
        "v": "و",
        "zh": "ژ",
        "ch": "چ",
        "k": "ک",
        "y": "ی",
        "th": "ت",
        "dh": "د",
    },
    initial={
        **dict.fromkeys(("a", "ae", "uh", "@", "e", "aw"), "ا"),
        "aa": "آ",
        **dict.fromkeys(("ei", "i", "ii"), "ای"),
        **dict.fromkeys(("o", "u", "uu"), "او"),
    },
    medial={
        **dict.fromkeys(("a", "aa", "ae", "uh", "aw"), "ا"),
        **dict.fromkeys(("@", "e"), ""),
        **dict.fromkeys(("ei", "i", "ii"), "ی"),
        **dict.fromkeys(("o", "u", "uu"), "و"),
    },
    final={
        **dict.fromkeys(("a", "aa", "ae", "uh"), "ا"),
        "@": "",
        "e": "ه",
        **dict.fromkeys(("ei", "i", "ii"), "ی"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "و"),
    },
    final_v="ف",
)

URDU = ArabicScript(
    name="Urdu",
    consonants={
        **PERSIAN.consonants,
        "t": "ٹ",
        "d": "ڈ",
        "h": "ہ",
        "th": "تھ",
    },
    initial={
        **dict.fromkeys(("a", "uh", "@"), "ا"),
        "aa": "آ",
        **dict.fromkeys(("ae", "e", "ei", "i", "ii"), "ای"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "او"),
    },
    medial={
        **dict.fromkeys(("a", "uh", "@"), ""),
        "aa": "ا",
        "i": "ی",
        **dict.fromkeys(("ae", "e", "ei", "ii"), "ی"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "و"),
    },
    closed={"u": "", "i": ""},
    checked={"u": "", "i": ""},
    after_glide={"i": "ی", "a": "ا"},
    final={
        **dict.fromkeys(("a", "aa", "uh"), "ا"),
        "@": "",
        **dict.fromkeys(("ae", "e", "ei"), "ے"),
        **dict.fromkeys(("i", "ii"), "ی"),
        **dict.fromkeys(("o", "aw", "u", "uu"), "و"),
    },
    final_v="ف",
)

"""Writing a surname's phonemes in the Brahmic scripts of North India: Devanagari (Hindi),
Bengali, Gujarati and Gurmukhi (Punjabi).

These scripts are abugidas: a consonant letter carries an inherent vowel, another vowel is a
sign on it, a vowel with no consonant before it is a letter of its own, and a consonant with
no vowel is joined to the next (virama, conjunct) or written bare, the inherent vowel being
silent as it is at the end of a word and in many medial clusters. How a press writes a
foreign name is mostly a matter of where it joins, and these rules follow it:

* a cluster that starts a syllable (Tr-, Kr-, -tr- in Petrov, -kv- in Lindqvist) is joined,
  but for a medial consonant + l Hindi and Gujarati write the letters bare, the inherent
  vowel between them being silent (ट्रेंबले, एकलुंड);
* a cluster that ends a word is joined (फ़ील्ड, -स्ट), a nasal before a stop excepted;
* inside a word, n or m before a consonant other than a sonorant is the nasal sign
  (anusvara ं; Gurmukhi tippi ੰ after a short vowel, bindi ਂ after a long one; Bengali,
  whose press writes nasal clusters as conjuncts, joins ন্ড, ম্ব, ঙ্ক); r after a full vowel
  joins as reph (हार्टमैन) but stays bare after the schwa of "-er" (सदरलैंड); s, sh before
  t, k, p join (कास्टेलानो); l before t, d joins (रिनाल्डी); a geminate joins, or takes the
  adhak ੱ in Gurmukhi; any other medial consonant is bare (व्हिटफ़ील्ड).
* wh keeps its h, as these presses write it (व्हिटफ़ील्ड, হুইটফিল্ড, ਵ੍ਹਿਟਫ਼ੀਲਡ).
* Gurmukhi writes no conjuncts but the subjoined r (ਟ੍ਰ); its clusters are bare letters.

English t and d are written with the retroflex letters (ट ड, ট ড, ટ ડ, ਟ ਡ), as every one of
these presses does for English names; th is the aspirate (थ) and the th of "this" is द.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rnnkit.demo.languages._sounds import VOWELS, phonemes

SONORANTS = frozenset({"m", "n", "l", "r", "w", "y", "h", "v"})
STOPS = frozenset({"p", "b", "t", "d", "k", "g", "ch", "j", "th", "dh"})
# The second member of a cluster that starts a syllable: Tr-, Bl-, Kw-, Kv-.
_ONSET_SECONDS = frozenset({"r", "l", "w", "v", "y"})
_SHORT = frozenset({"a", "@", "uh", "i", "u"})


@dataclass(frozen=True)
class IndicScript:
    """The letters of one script and the press conventions that differ between them."""

    name: str
    consonants: dict[str, str]
    vowels: dict[str, str]  # independent vowel letters
    signs: dict[str, str]  # vowel signs on a consonant ("" for the inherent vowel)
    virama: str
    nasal: str  # the nasal sign (anusvara or bindi)
    nasal_short: str = ""  # Gurmukhi tippi, after a short vowel
    conjuncts: bool = True  # False: Gurmukhi, which joins only a subjoined r
    # False: a medial consonant + l is left bare, the inherent vowel being silent there
    # (Hindi, Gujarati: ट्रेंबले, एकलुंड); at the start of a word it is always joined.
    medial_l_joined: bool = True
    nasal_conjuncts: bool = False  # True: Bengali writes n, m before a stop as a conjunct
    velar_nasal: str = ""  # Bengali ঙ, the n before k, g in a conjunct
    geminate: str = ""  # Gurmukhi adhak
    bengali_glides: bool = False  # w and y written with ও/উ and য় as the Bengali press does


def _join(script: IndicScript, tokens: list[str], k: int, where: str) -> str:
    """How consonant tokens[k] meets the consonant after it: virama, bare, nasal or gem."""
    c, d = tokens[k], tokens[k + 1]
    joined = "virama" if script.conjuncts else "bare"
    if where == "onset":
        return "virama" if (script.conjuncts or d == "r") else "bare"
    if where == "medial onset":
        if d == "l" and not script.medial_l_joined:
            return "bare"
        return "virama" if (script.conjuncts or d == "r") else "bare"
    if c == d:
        return "gem" if script.geminate else joined
    if c in ("n", "m") and d not in SONORANTS:
        if script.nasal_conjuncts:
            # ন্ড, ম্ব, but no three-letter conjunct: ট্রেমব্লে.
            third = tokens[k + 2] if k + 2 < len(tokens) else None
            return "virama" if d in STOPS and third not in ("r", "l", "v") else "bare"
        return "nasal"
    before = next((t for t in reversed(tokens[:k]) if t in VOWELS), None)
    if c == "r" and before != "@":
        return joined
    if (c in ("s", "sh") and d in ("t", "k", "p")) or (c == "l" and d in ("t", "d")):
        return joined
    return joined if where == "final" else "bare"


def _joins(script: IndicScript, tokens: list[str]) -> dict[int, str]:
    """How each consonant followed by a consonant joins it, by where its cluster stands."""
    joins: dict[int, str] = {}
    n, k = len(tokens), 0
    while k < n:
        if tokens[k] in VOWELS:
            k += 1
            continue
        end = k
        while end < n and tokens[end] not in VOWELS:
            end += 1
        run = range(k, end)
        if k == 0:
            for j in run[:-1]:
                joins[j] = _join(script, tokens, j, "onset")
        else:
            # Inside a word the last consonant (with an r, l, w, v or y, the last two)
            # starts the next syllable; the rest close the one before.
            onset = end - 1
            if (
                end < n
                and end - k >= 2
                and tokens[end - 1] in _ONSET_SECONDS
                and tokens[end - 2] not in SONORANTS
            ):
                onset = end - 2
            for j in run[:-1]:
                if end == n:
                    joins[j] = _join(script, tokens, j, "final")
                elif j >= onset:
                    joins[j] = _join(script, tokens, j, "medial onset")
                else:
                    joins[j] = _join(script, tokens, j, "coda")
        k = end
    return joins


def write(script: IndicScript, tokens: list[str]) -> str:
    """Phoneme tokens written in `script` (NFC)."""
    joins = _joins(script, tokens)
    out: list[str] = []
    last_vowel = None
    k = 0
    while k < len(tokens):
        token = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        after_consonant = k > 0 and tokens[k - 1] not in VOWELS
        if token in VOWELS:
            out.append(script.vowels[token])  # a vowel that no consonant carries
            last_vowel = token
            k += 1
            continue
        if script.bengali_glides and token == "hw" and nxt in VOWELS:
            out.append(script.consonants["hw"] + _bengali_glide(script, "w", nxt, True, False))
            last_vowel = nxt
            k += 2
            continue
        if script.bengali_glides and token in ("w", "y") and nxt in VOWELS:
            out.append(_bengali_glide(script, token, nxt, after_consonant, k == 0))
            last_vowel = nxt
            k += 2
            continue
        join = joins.get(k, "bare")
        if script.bengali_glides and nxt in ("w", "y") and _next(tokens, k + 1) in VOWELS:
            join = "bare"  # the glide's own spelling joins it (কু-ই, ্য)
        if join == "nasal":
            short = last_vowel in _SHORT and script.nasal_short
            out.append(script.nasal_short if short else script.nasal)
        elif join == "gem":
            out.append(script.geminate)
        else:
            letter = script.consonants[token]
            if join == "virama" and token == "n" and nxt in ("k", "g") and script.velar_nasal:
                letter = script.velar_nasal
            out.append(letter + (script.virama if join == "virama" else ""))
            if nxt in VOWELS:
                out.append(script.signs[nxt])
                last_vowel = nxt
                k += 1
        k += 1
    return unicodedata.normalize("NFC", "".join(out))


def _next(tokens: list[str], k: int) -> str | None:
    return tokens[k + 1] if k + 1 < len(tokens) else None


def _bengali_glide(
    script: IndicScript, glide: str, vowel: str, after_consonant: bool, initial: bool
) -> str:
    """Bengali writes w and y with vowel letters: কুই, ওয়া, কো, য়া, ইয়া, ্যা."""
    ya = "য\u09bc"  # য় (the nukta form, as NFC spells it)
    if glide == "w":
        if vowel in ("i", "ii"):
            return ("ু" if after_consonant else "উ") + "ই"
        if vowel in ("u", "uu"):
            return "ু" if after_consonant else "উ"
        if vowel in ("o", "aw"):
            return "ো" if after_consonant else "ও"
        return ("ো" if after_consonant else "ও") + ya + script.signs[vowel]
    if after_consonant:
        return "্য" + script.signs[vowel]
    return ("ই" if initial else "") + ya + script.signs[vowel]


def transliterate(script: IndicScript, surname: str, exceptions: dict[str, str]) -> str:
    """A roster surname in `script`: the exception table's spelling, else by rule."""
    if surname in exceptions:
        return exceptions[surname]
    return write(script, phonemes(surname))


DEVANAGARI = IndicScript(
    name="Devanagari",
    consonants={
        "p": "प",
        "b": "ब",
        "t": "ट",
        "d": "ड",
        "k": "क",
        "g": "ग",
        "f": "फ़",
        "v": "व",
        "s": "स",
        "z": "ज़",
        "sh": "श",
        "zh": "ज़",
        "ch": "च",
        "j": "ज",
        "m": "म",
        "n": "न",
        "l": "ल",
        "r": "र",
        "h": "ह",
        "w": "व",
        "y": "य",
        "th": "थ",
        "dh": "द",
        "hw": "व्ह",
    },
    vowels={
        "a": "अ",
        "aa": "आ",
        "ae": "ऐ",
        "e": "ए",
        "ei": "ए",
        "i": "इ",
        "ii": "ई",
        "o": "ओ",
        "aw": "ऑ",
        "u": "उ",
        "uu": "ऊ",
        "uh": "अ",
        "@": "अ",
    },
    signs={
        "a": "",
        "aa": "ा",
        "ae": "ै",
        "e": "े",
        "ei": "े",
        "i": "ि",
        "ii": "ी",
        "o": "ो",
        "aw": "ॉ",
        "u": "ु",
        "uu": "ू",
        "uh": "",
        "@": "",
    },
    virama="्",
    nasal="ं",
    medial_l_joined=False,
)

GUJARATI = IndicScript(
    name="Gujarati",
    consonants={
        "p": "પ",
        "b": "બ",
        "t": "ટ",
        "d": "ડ",
        "k": "ક",
        "g": "ગ",
        "f": "ફ",
        "v": "વ",
        "s": "સ",
        "z": "ઝ",
        "sh": "શ",
        "zh": "ઝ",
        "ch": "ચ",
        "j": "જ",
        "m": "મ",
        "n": "ન",
        "l": "લ",
        "r": "ર",
        "h": "હ",
        "w": "વ",
        "y": "ય",
        "th": "થ",
        "dh": "દ",
        "hw": "વ્હ",
    },
    # The Gujarati press writes English æ and ɔ with the plain e and o signs (બેટ, કોલેજ).
    vowels={
        "a": "અ",
        "aa": "આ",
        "ae": "એ",
        "e": "એ",
        "ei": "એ",
        "i": "ઇ",
        "ii": "ઈ",
        "o": "ઓ",
        "aw": "ઓ",
        "u": "ઉ",
        "uu": "ઊ",
        "uh": "અ",
        "@": "અ",
    },
    signs={
        "a": "",
        "aa": "ા",
        "ae": "ે",
        "e": "ે",
        "ei": "ે",
        "i": "િ",
        "ii": "ી",
        "o": "ો",
        "aw": "ો",
        "u": "ુ",
        "uu": "ૂ",
        "uh": "",
        "@": "",
    },
    virama="્",
    nasal="ં",
    medial_l_joined=False,
)

BENGALI = IndicScript(
    name="Bengali",
    consonants={
        "p": "প",
        "b": "ব",
        "t": "ট",
        "d": "ড",
        "k": "ক",
        "g": "গ",
        "f": "ফ",
        "v": "ভ",  # Bengali has no v; its press writes ভ (ভার্গা)
        "s": "স",
        "z": "জ",
        "sh": "শ",
        "zh": "জ",
        "ch": "চ",
        "j": "জ",
        "m": "ম",
        "n": "ন",
        "l": "ল",
        "r": "র",
        "h": "হ",
        "w": "ও",
        "y": "য\u09bc",
        "th": "থ",
        "dh": "দ",
        "hw": "হ",  # then the w as a glide: হুইটফিল্ড
    },
    # The inherent vowel is an open o, so English a, schwa and ʌ take া (ক্রুগার, ডানমোর),
    # ɔ takes the inherent vowel (হলিস্টার) and æ the ya-phala (গ্যালাঘার); the press
    # writes long and short i, u alike (মেসি).
    vowels={
        "a": "আ",
        "aa": "আ",
        "ae": "অ্যা",
        "e": "এ",
        "ei": "এ",
        "i": "ই",
        "ii": "ই",
        "o": "ও",
        "aw": "অ",
        "u": "উ",
        "uu": "উ",
        "uh": "আ",
        "@": "আ",
    },
    signs={
        "a": "া",
        "aa": "া",
        "ae": "্যা",
        "e": "ে",
        "ei": "ে",
        "i": "ি",
        "ii": "ি",
        "o": "ো",
        "aw": "",
        "u": "ু",
        "uu": "ু",
        "uh": "া",
        "@": "া",
    },
    virama="্",
    nasal="ং",
    nasal_conjuncts=True,
    velar_nasal="ঙ",
    bengali_glides=True,
)

GURMUKHI = IndicScript(
    name="Gurmukhi",
    consonants={
        "p": "ਪ",
        "b": "ਬ",
        "t": "ਟ",
        "d": "ਡ",
        "k": "ਕ",
        "g": "ਗ",
        "f": "ਫ\u0a3c",  # ਫ਼
        "v": "ਵ",
        "s": "ਸ",
        "z": "ਜ\u0a3c",  # ਜ਼
        "sh": "ਸ\u0a3c",  # ਸ਼
        "zh": "ਜ\u0a3c",
        "ch": "ਚ",
        "j": "ਜ",
        "m": "ਮ",
        "n": "ਨ",
        "l": "ਲ",
        "r": "ਰ",
        "h": "ਹ",
        "w": "ਵ",
        "y": "ਯ",
        "th": "ਥ",
        "dh": "ਦ",
        "hw": "ਵ੍ਹ",
    },
    vowels={
        "a": "ਅ",
        "aa": "ਆ",
        "ae": "ਐ",
        "e": "ਏ",
        "ei": "ਏ",
        "i": "ਇ",
        "ii": "ਈ",
        "o": "ਓ",
        "aw": "ਔ",
        "u": "ਉ",
        "uu": "ਊ",
        "uh": "ਅ",
        "@": "ਅ",
    },
    signs={
        "a": "",
        "aa": "ਾ",
        "ae": "ੈ",
        "e": "ੇ",
        "ei": "ੇ",
        "i": "ਿ",
        "ii": "ੀ",
        "o": "ੋ",
        "aw": "ੌ",
        "u": "ੁ",
        "uu": "ੂ",
        "uh": "",
        "@": "",
    },
    virama="੍",
    nasal="ਂ",
    nasal_short="ੰ",
    conjuncts=False,
    geminate="ੱ",
)

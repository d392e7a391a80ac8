"""Punjabi (pa), in Gurmukhi, as the Punjabi press of India and Canada (Ajit, Punjabi
Tribune, Canada's Punjabi weeklies) writes live commentary.

Grammar the templates follow:

* Subject-object-verb, postpositions as separate words after the noun (ਸੈਲਟਿਕਸ ਦੇ ਖ਼ਿਲਾਫ਼,
  ਸਾਬੋ ਤੋਂ). A roster surname does not change before them (proper names take no oblique
  -ā -> -e: ਵਾਰਗਾ ਨੇ), so `player` gives one form, the name in Gurmukhi.
* A completed action is perfective with the ergative ਨੇ, the verb agreeing with the
  object: the shot nouns are masculine (ਸ਼ਾਟ, ਲੇਅ-ਅੱਪ, ਡੰਕ, ਫ੍ਰੀ ਥ੍ਰੋ: ਲਾਇਆ, ਬਲਾਕ ਕੀਤਾ),
  ਗੇਂਦ is feminine (ਗੇਂਦ ਖੋਹ ਲਈ, ਗੇਂਦ ਗੁਆ ਦਿੱਤੀ). Without ਨੇ the verb agrees with its
  subject: the player in the honorific plural of the sports press (ਕੋਰਟ ਵਿੱਚ ਆਏ), a missed
  shot in the masculine singular (ਵਾਰਗਾ ਦਾ ਡੰਕ ਨਿਸ਼ਾਨੇ ਤੋਂ ਖੁੰਝ ਗਿਆ).
* The genitive ਦਾ/ਦੇ/ਦੀ agrees with what it qualifies: ਵਾਰਗਾ ਦਾ ਡੰਕ, ਸੈਲਟਿਕਸ ਦੇ ਖ਼ਿਲਾਫ਼
  (oblique, before a postposition), ਮੇਂਸਾ ਦੀ ਥਾਂ (ਥਾਂ is feminine); the participle of an
  assist too (ਹੱਦਾਦ ਤੋਂ ਮਿਲੇ ਪਾਸ ਉੱਤੇ, "on the pass received from"), and ਵਾਲਾ
  (ਤਿੰਨ ਅੰਕਾਂ ਵਾਲਾ ਸ਼ਾਟ).
* A team agrees as the feminine singular ਟੀਮ it stands for (ਹੈ); the templates choose verbs
  with ਨੇ (ਟਾਈਮ-ਆਊਟ ਲਿਆ, ਮੁਕਾਬਲਾ ਜਿੱਤ ਲਿਆ) so its gender never shows.
* Ordinals and other -ā words take the oblique -e before a postposition: ਦੂਜੇ ਕੁਆਰਟਰ
  ਵਿੱਚ, but ਦੂਜਾ ਕੁਆਰਟਰ ਸ਼ੁਰੂ ਹੋਇਆ; ਨਿਸ਼ਾਨੇ ਤੋਂ (`oblique`).
* Numerals: Western digits (54–49, 3:45). Gurmukhi digits (੦-੯) exist but today's Punjabi
  papers and broadcasters print scores in Western digits.
* Names: by sound (`_sounds`, `_indic`): bare consonant clusters but the subjoined r
  (ਟ੍ਰੇਂਬਲੇ), tippi or bindi for a nasal, adhak for a geminate (ਹੱਦਾਦ), ਟ ਡ for English t, d;
  Haddad, an Arabic name, keeps its dental ਦ.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._indic import GURMUKHI, transliterate

EXCEPTIONS = {"Haddad": "ਹੱਦਾਦ"}  # Arabic: dental ਦ, not the English ਡ


def player(surname: str) -> str:
    """The surname in Gurmukhi: "Tremblay" -> "ਟ੍ਰੇਂਬਲੇ"."""
    return transliterate(GURMUKHI, surname, EXCEPTIONS)


def oblique(adjective: str) -> str:
    """An -ā adjective before a postposition takes -e: "ਦੂਜਾ" -> "ਦੂਜੇ", "ਵਾਲਾ" -> "ਵਾਲੇ"."""
    return adjective[:-1] + "ੇ" if adjective.endswith("ਾ") else adjective


ORDINALS = ("ਪਹਿਲਾ", "ਦੂਜਾ", "ਤੀਜਾ", "ਚੌਥਾ")
_THREE = "ਤਿੰਨ ਅੰਕਾਂ ਵਾਲਾ"

TABLE = LanguageTable(
    code="pa",
    name="Punjabi",
    script="Gurmukhi",
    rtl=False,
    teams={
        "Raptors": "ਰੈਪਟਰਜ਼",
        "Celtics": "ਸੈਲਟਿਕਸ",
        "Knicks": "ਨਿਕਸ",
        "Bucks": "ਬਕਸ",
        "Lakers": "ਲੇਕਰਜ਼",
        "Bulls": "ਬੁਲਜ਼",
    },
    quarters=tuple({"dir": word, "obl": oblique(word)} for word in ORDINALS),
    shots={
        # made: the verb phrase after "X ਨੇ"; noun: the shot, in the direct case.
        "three": {
            "made": f"{_THREE} ਸ਼ਾਟ ਲਾਇਆ",
            "noun": f"{_THREE} ਸ਼ਾਟ",
        },
        "jumper": {"made": "ਜੰਪ ਸ਼ਾਟ ਲਾਇਆ", "noun": "ਜੰਪ ਸ਼ਾਟ"},
        "layup": {"made": "ਲੇਅ-ਅੱਪ ਨਾਲ ਅੰਕ ਬਣਾਏ", "noun": "ਲੇਅ-ਅੱਪ"},
        "dunk": {"made": "ਡੰਕ ਲਾਇਆ", "noun": "ਡੰਕ"},
        "free_throw": {"made": "ਫ੍ਰੀ ਥ੍ਰੋ ਤੋਂ ਅੰਕ ਲਿਆ", "noun": "ਫ੍ਰੀ ਥ੍ਰੋ"},
    },
    rebounds={"offensive": "ਹਮਲਾਵਰ ਰੀਬਾਊਂਡ", "defensive": "ਰੱਖਿਆਤਮਕ ਰੀਬਾਊਂਡ"},
    templates={
        "made": "{player} ਨੇ {shot[made]}",
        "made_clock": "{quarter[obl]} ਕੁਆਰਟਰ ਵਿੱਚ {clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ {player} ਨੇ {shot[made]}",
        "missed": "{player} ਦਾ {shot[noun]} " + oblique("ਨਿਸ਼ਾਨਾ") + " ਤੋਂ ਖੁੰਝ ਗਿਆ",
        "assist": "{player} ਤੋਂ ਮਿਲੇ ਪਾਸ ਉੱਤੇ {other} ਨੇ {shot[made]}",
        "block": "{player} ਨੇ {other} ਦਾ {shot[noun]} ਬਲਾਕ ਕੀਤਾ",
        "rebound": "{player} ਨੇ {rebound} ਲਿਆ",
        "steal": "{player} ਨੇ {other} ਤੋਂ ਗੇਂਦ ਖੋਹ ਲਈ",
        "turnover": "{player} ਨੇ ਗੇਂਦ ਗੁਆ ਦਿੱਤੀ",
        "foul_personal": "{player} ਨੇ {other} ਉੱਤੇ ਨਿੱਜੀ ਫ਼ਾਊਲ ਕੀਤਾ",
        "foul_shooting": "{player} ਨੇ ਸ਼ਾਟ ਲੈ ਰਹੇ {other} ਉੱਤੇ ਫ਼ਾਊਲ ਕੀਤਾ",
        "substitution": "{other} ਦੀ ਥਾਂ {player} ਕੋਰਟ ਵਿੱਚ ਆਏ",
        "timeout": "{team} ਨੇ ਟਾਈਮ-ਆਊਟ ਲਿਆ",
        "lead": "{team} {a}–{b} ਨਾਲ ਅੱਗੇ ਹੈ",
        "lead_opponent": "{team} {opponent} ਦੇ ਖ਼ਿਲਾਫ਼ {a}–{b} ਨਾਲ ਅੱਗੇ ਹੈ",
        "lead_clock": "{quarter[obl]} ਕੁਆਰਟਰ ਵਿੱਚ {clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ {team} {a}–{b} ਨਾਲ ਅੱਗੇ ਹੈ",
        "tied": "ਮੁਕਾਬਲਾ {a}–{a} ਨਾਲ ਬਰਾਬਰ ਹੈ",
        "tied_clock": ("{quarter[obl]} ਕੁਆਰਟਰ ਵਿੱਚ {clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ ਮੁਕਾਬਲਾ {a}–{a} ਨਾਲ ਬਰਾਬਰ ਹੈ"),
        "quarter_start": "{quarter[dir]} ਕੁਆਰਟਰ ਸ਼ੁਰੂ ਹੋਇਆ",
        "quarter_end": "{quarter[dir]} ਕੁਆਰਟਰ ਖ਼ਤਮ ਹੋਇਆ",
        "win": "{team} ਨੇ ਮੁਕਾਬਲਾ {a}–{b} ਨਾਲ ਜਿੱਤ ਲਿਆ",
    },
    player=player,
)

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
* A foul is "laid on" a player with the intransitive ਲੱਗਣਾ (X ਉੱਤੇ ਤਕਨੀਕੀ ਫ਼ਾਊਲ ਲੱਗਿਆ), a
  violation comes "from" him with ਤੋਂ (X ਤੋਂ ... ਨਿਯਮ ਦੀ ਉਲੰਘਣਾ ਹੋਈ; ਉਲੰਘਣਾ is feminine), a
  whistle "against" him with ਦੇ ਖ਼ਿਲਾਫ਼ (ਟ੍ਰੈਵਲਿੰਗ ਦੀ ਸੀਟੀ ਵੱਜੀ). The dative ਨੂੰ marks who
  receives (X ਨੂੰ ਫ੍ਰੀ ਥ੍ਰੋ ਮਿਲਣਗੇ, X ਨੇ Y ਨੂੰ ਬੜ੍ਹਤ ਦਿਵਾ ਦਿੱਤੀ) and the one a passive acts on
  (X ਨੂੰ ਬਾਹਰ ਕੱਢ ਦਿੱਤਾ ਗਿਆ). ਬੜ੍ਹਤ, ਵਾਰ, ਕੋਸ਼ਿਸ਼, ਦਰ, ਸੀਟੀ and ਬਾਲ are feminine, ਬੈਂਚ
  masculine (ਦੇ ਬੈਂਚ ਉੱਤੇ); a stat line is "in X's account" (X ਦੇ ਖਾਤੇ ਵਿੱਚ 20 ਅੰਕ ਹਨ), a
  shooting line "of X's b attempts a succeeded" (ਦੀਆਂ 10 ਕੋਸ਼ਿਸ਼ਾਂ ਵਿੱਚੋਂ 4 ਸਫਲ ਰਹੀਆਂ); a
  percentage is written 52%, an NBA distance in feet (25 ਫੁੱਟ ਦੀ ਦੂਰੀ ਤੋਂ).
* Ordinals in digits carry the ending of the word (1ਲਾ, 2ਜਾ, 3ਜਾ, 4ਥਾ, else 5ਵਾਂ) and agree
  as -ā adjectives (`ordinal`): ਇਹ ਟ੍ਰੇਂਬਲੇ ਦਾ 3ਜਾ ਫ਼ਾਊਲ ਹੈ, but 3ਜੀ ਵਾਰ (ਵਾਰ is feminine).
* A score is written from its subject's side, its own points first, as the Punjabi press
  writes a side that trails (ਭਾਰਤ 1–2 ਨਾਲ ਪਿੱਛੇ): ਰੈਪਟਰਜ਼ 5 ਅੰਕਾਂ ਨਾਲ ਪਿੱਛੇ ਹੈ, ਸਕੋਰ 49–54.
  The arena keeps the league's name, the postposition ਵਿੱਚ after it as a word
  (ਸਕੋਸ਼ੀਆਬੈਂਕ ਅਰੀਨਾ ਵਿੱਚ ਤੁਹਾਡਾ ਸਵਾਗਤ ਹੈ).
* Numerals: Western digits (54–49, 3:45). Gurmukhi digits (੦-੯) exist but today's Punjabi
  papers and broadcasters print scores in Western digits.
* Names: by sound (`_sounds`, `_indic`): bare consonant clusters but the subjoined r
  (ਟ੍ਰੇਂਬਲੇ), tippi or bindi for a nasal, adhak for a geminate (ਹੱਦਾਦ), ਟ ਡ for English t, d;
  Haddad, an Arabic name, keeps its dental ਦ.
* One player's count is what the player "has already done" with ਚੁੱਕਣਾ, which takes no ਨੇ
  and agrees with the player in the honorific plural whatever the number (ਹੁਣ ਤੱਕ 8
  ਰੀਬਾਊਂਡ ਲੈ ਚੁੱਕੇ ਹਨ); steals and made threes are counted in ਵਾਰ.
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
# The endings of the ordinals written in digits: 1ਲਾ, 2ਜਾ, 3ਜਾ, 4ਥਾ, else 5ਵਾਂ, 21ਵਾਂ.
_ORDINAL_ENDINGS = {1: "ਲਾ", 2: "ਜਾ", 3: "ਜਾ", 4: "ਥਾ"}


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits with the ending of the word, which agrees like any -ā adjective:
    3 -> {"m": "3ਜਾ", "obl": "3ਜੇ", "f": "3ਜੀ"}, 5 -> {"m": "5ਵਾਂ", "obl": "5ਵੇਂ", "f": "5ਵੀਂ"}."""
    ending = _ORDINAL_ENDINGS.get(n)
    if ending is None:
        return {"m": f"{n}ਵਾਂ", "obl": f"{n}ਵੇਂ", "f": f"{n}ਵੀਂ"}
    stem = ending[:-1]
    return {"m": f"{n}{ending}", "obl": f"{n}{stem}ੇ", "f": f"{n}{stem}ੀ"}


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
        "and_one": "{player} ਨੇ ਫ਼ਾਊਲ ਝੱਲ ਕੇ ਵੀ ਅੰਕ ਬਣਾਏ",
        "alley_oop": "{player} ਦੇ ਐਲੀ-ਊਪ ਪਾਸ ਉੱਤੇ {other} ਨੇ ਹਵਾ ਵਿੱਚ ਹੀ ਅੰਕ ਬਣਾਏ",
        "tip_in": "{player} ਨੇ ਟਿੱਪ-ਇਨ ਨਾਲ ਅੰਕ ਬਣਾਏ",
        "putback": "{player} ਨੇ ਰੀਬਾਊਂਡ ਫੜ ਕੇ ਤੁਰੰਤ ਅੰਕ ਬਣਾਏ",
        "hook": "{player} ਨੇ ਹੁੱਕ ਸ਼ਾਟ ਲਾਇਆ",
        "floater": "{player} ਨੇ ਫ਼ਲੋਟਰ ਲਾਇਆ",
        "fadeaway": "{player} ਨੇ ਫ਼ੇਡਅਵੇ ਜੰਪ ਸ਼ਾਟ ਲਾਇਆ",
        "pull_up": "{player} ਨੇ {a} ਫੁੱਟ ਦੀ ਦੂਰੀ ਤੋਂ ਪੁੱਲ-ਅੱਪ ਜੰਪ ਸ਼ਾਟ ਲਾਇਆ",
        "deep_three": "{player} ਨੇ {a} ਫੁੱਟ ਦੀ ਦੂਰੀ ਤੋਂ " + _THREE + " ਸ਼ਾਟ ਲਾਇਆ",
        "fast_break": "{player} ਨੇ ਤੇਜ਼ ਜਵਾਬੀ ਹਮਲੇ ਵਿੱਚ ਅੰਕ ਬਣਾਏ",
        "buzzer_beater": "ਬਜ਼ਰ ਵੱਜਣ ਦੇ ਨਾਲ ਹੀ {player} ਨੇ ਅੰਕ ਬਣਾਏ",
        "player_scores_for": "{player} ਨੇ {team} ਲਈ ਅੰਕ ਬਣਾਏ",
        "points": "{player} ਦੇ ਖਾਤੇ ਵਿੱਚ ਹੁਣ {a} ਅੰਕ ਹਨ",
        "points_rebounds": "{player} ਦੇ ਖਾਤੇ ਵਿੱਚ {a} ਅੰਕ ਅਤੇ {b} ਰੀਬਾਊਂਡ ਹਨ",
        "points_assists": "{player} ਦੇ ਖਾਤੇ ਵਿੱਚ {a} ਅੰਕ ਅਤੇ {b} ਅਸਿਸਟ ਹਨ",
        "shooting": "{player} ਦੀਆਂ ਫ਼ੀਲਡ ਤੋਂ {b} ਕੋਸ਼ਿਸ਼ਾਂ ਵਿੱਚੋਂ {a} ਸਫਲ ਰਹੀਆਂ",
        "shooting_three": "{player} ਦੀਆਂ ਤਿੰਨ ਅੰਕਾਂ ਵਾਲੀਆਂ {b} ਕੋਸ਼ਿਸ਼ਾਂ ਵਿੱਚੋਂ {a} ਸਫਲ ਰਹੀਆਂ",
        "shooting_line": "{player} ਦੇ {b} ਫ੍ਰੀ ਥ੍ਰੋਆਂ ਵਿੱਚੋਂ {a} ਸਫਲ ਰਹੇ",
        "team_percentage": "{team} ਦੀ ਫ਼ੀਲਡ ਗੋਲ ਸਫਲਤਾ ਦਰ {a}% ਹੈ",
        "career_high": "{player} ਨੇ ਕਰੀਅਰ ਦੇ ਸਭ ਤੋਂ ਵੱਧ {a} ਅੰਕ ਬਣਾ ਲਏ ਹਨ",
        "straight_points": "{player} ਨੇ ਲਗਾਤਾਰ {a} ਅੰਕ ਬਣਾਏ ਹਨ",
        "record": "{player} ਨੇ {a} ਅੰਕਾਂ ਨਾਲ ਫ੍ਰੈਂਚਾਇਜ਼ੀ ਦਾ ਨਵਾਂ ਰਿਕਾਰਡ ਬਣਾਇਆ",
        "rebounds": "{player} ਹੁਣ ਤੱਕ {a} ਰੀਬਾਊਂਡ ਲੈ ਚੁੱਕੇ ਹਨ",
        "assists": "{player} ਹੁਣ ਤੱਕ {a} ਅਸਿਸਟ ਦੇ ਚੁੱਕੇ ਹਨ",
        "blocks": "{player} ਹੁਣ ਤੱਕ {a} ਸ਼ਾਟ ਬਲਾਕ ਕਰ ਚੁੱਕੇ ਹਨ",
        "steals": "{player} ਹੁਣ ਤੱਕ {a} ਵਾਰ ਗੇਂਦ ਖੋਹ ਚੁੱਕੇ ਹਨ",
        "threes": "{player} ਹੁਣ ਤੱਕ {a} ਵਾਰ " + _THREE + " ਸ਼ਾਟ ਲਾ ਚੁੱਕੇ ਹਨ",
        "team_three_percentage": "{team} ਦੀ " + oblique(_THREE) + " ਸ਼ਾਟ ਦੀ ਸਫਲਤਾ ਦਰ {a}% ਹੈ",
        "run": "ਪਿਛਲੇ ਕੁਝ ਮਿੰਟਾਂ ਵਿੱਚ {team} ਨੇ {a}–{b} ਦਾ ਦੌਰ ਆਪਣੇ ਨਾਂ ਕੀਤਾ",
        "unanswered": "{team} ਨੇ ਬਿਨਾਂ ਕਿਸੇ ਜਵਾਬ ਦੇ ਲਗਾਤਾਰ {a} ਅੰਕ ਬਣਾਏ ਹਨ",
        "lead_by": "{team} {a} ਅੰਕਾਂ ਨਾਲ ਅੱਗੇ ਹੈ",
        "trail_by": "{team} {a} ਅੰਕਾਂ ਨਾਲ ਪਿੱਛੇ ਹੈ",
        "cut_lead": "{team} ਨੇ ਫ਼ਰਕ ਘਟਾ ਕੇ {a} ਅੰਕ ਕਰ ਦਿੱਤਾ",
        "score_line": "ਸਕੋਰ: {team} {a}, {opponent} {b}",
        "halftime": "ਅੱਧੇ ਸਮੇਂ ਤੱਕ {team} {a}–{b} ਨਾਲ ਅੱਗੇ ਹੈ",
        "final": "ਅੰਤਿਮ ਸਕੋਰ: {team} {a}, {opponent} {b}",
        "lead_change": "{player} ਨੇ {team} ਨੂੰ ਮੁੜ ਬੜ੍ਹਤ ਦਿਵਾ ਦਿੱਤੀ",
        "lead_changes": "ਮੁਕਾਬਲੇ ਵਿੱਚ {nth[f]} ਵਾਰ ਬੜ੍ਹਤ ਬਦਲੀ",
        "overtime": "ਮੁਕਾਬਲਾ ਹੁਣ ਓਵਰਟਾਈਮ ਵਿੱਚ ਜਾਵੇਗਾ",
        "technical": "{player} ਉੱਤੇ ਤਕਨੀਕੀ ਫ਼ਾਊਲ ਲੱਗਿਆ",
        "technical_bench": "{team} ਦੇ ਬੈਂਚ ਉੱਤੇ ਤਕਨੀਕੀ ਫ਼ਾਊਲ ਲੱਗਿਆ",
        "flagrant": "{player} ਨੇ {other} ਉੱਤੇ ਫ਼ਲੈਗਰੈਂਟ ਫ਼ਾਊਲ ਕੀਤਾ",
        "foul_count": "ਇਹ {player} ਦਾ {nth[m]} ਫ਼ਾਊਲ ਹੈ",
        "foul": "{player} ਨੇ ਫ਼ਾਊਲ ਕੀਤਾ",
        "offensive_foul": "{player} ਨੇ ਹਮਲੇ ਦੌਰਾਨ ਫ਼ਾਊਲ ਕੀਤਾ",
        "fouled_out": "{player} ਫ਼ਾਊਲਾਂ ਦੀ ਹੱਦ ਪੂਰੀ ਹੋਣ ਕਾਰਨ ਮੁਕਾਬਲੇ ਤੋਂ ਬਾਹਰ ਹੋ ਗਏ",
        "bonus": "{team} ਨੂੰ ਹੁਣ ਹਰ ਫ਼ਾਊਲ ਉੱਤੇ ਫ੍ਰੀ ਥ੍ਰੋ ਮਿਲਣਗੇ",
        "ejected": "{player} ਨੂੰ ਮੁਕਾਬਲੇ ਤੋਂ ਬਾਹਰ ਕੱਢ ਦਿੱਤਾ ਗਿਆ",
        "travel": "{player} ਦੇ ਖ਼ਿਲਾਫ਼ ਟ੍ਰੈਵਲਿੰਗ ਦੀ ਸੀਟੀ ਵੱਜੀ",
        "shot_clock": "{team} ਤੋਂ ਸ਼ਾਟ-ਕਲਾਕ ਨਿਯਮ ਦੀ ਉਲੰਘਣਾ ਹੋਈ",
        "three_seconds": "{player} ਤੋਂ ਤਿੰਨ ਸਕਿੰਟ ਨਿਯਮ ਦੀ ਉਲੰਘਣਾ ਹੋਈ",
        "goaltending": "{player} ਦੇ ਖ਼ਿਲਾਫ਼ ਗੋਲਟੈਂਡਿੰਗ ਦੀ ਸੀਟੀ ਵੱਜੀ",
        "out_of_bounds": "{player} ਗੇਂਦ ਲੈ ਕੇ ਸੀਮਾ-ਰੇਖਾ ਤੋਂ ਬਾਹਰ ਚਲੇ ਗਏ",
        "backcourt": "{team} ਤੋਂ ਬੈਕਕੋਰਟ ਨਿਯਮ ਦੀ ਉਲੰਘਣਾ ਹੋਈ",
        "jump_ball": "{player} ਨੇ {other} ਦੇ ਖ਼ਿਲਾਫ਼ ਜੰਪ ਬਾਲ ਜਿੱਤੀ",
        "challenge": "{team} ਨੇ ਰੈਫ਼ਰੀ ਦੇ ਫ਼ੈਸਲੇ ਨੂੰ ਚੁਣੌਤੀ ਦਿੱਤੀ",
        "review": "ਰੈਫ਼ਰੀ ਵੀਡੀਓ ਰੀਪਲੇਅ ਦੇਖ ਰਹੇ ਹਨ",
        "call_stands": "ਰੀਪਲੇਅ ਦੇਖਣ ਤੋਂ ਬਾਅਦ ਫ਼ੈਸਲਾ ਬਰਕਰਾਰ ਰਿਹਾ",
        "overturned": "ਰੀਪਲੇਅ ਦੇਖਣ ਤੋਂ ਬਾਅਦ ਫ਼ੈਸਲਾ ਪਲਟ ਦਿੱਤਾ ਗਿਆ",
        "injury": "{player} ਸੱਟ ਲੱਗਣ ਕਾਰਨ ਕੋਰਟ ਉੱਤੇ ਡਿੱਗ ਪਏ",
        "locker_room": "{player} ਲਾਕਰ ਰੂਮ ਵੱਲ ਚਲੇ ਗਏ",
        "returns": "{player} ਮੁਕਾਬਲੇ ਵਿੱਚ ਵਾਪਸ ਆ ਗਏ",
        "checks_in": "{player} {team} ਵੱਲੋਂ ਕੋਰਟ ਵਿੱਚ ਉਤਰੇ",
        "turnover_team": "{player} ਨੇ ਗੇਂਦ ਗੁਆਈ, ਹੁਣ ਕਬਜ਼ਾ {team} ਦਾ",
        "timeout_clock": "{clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ {team} ਨੇ ਟਾਈਮ-ਆਊਟ ਲਿਆ",
        # Lines with three numbers, and the arena.
        "triple_double": "{player} ਦੇ ਖਾਤੇ ਵਿੱਚ {a} ਅੰਕ, {b} ਰੀਬਾਊਂਡ ਅਤੇ {c} ਅਸਿਸਟ ਹਨ",
        "points_shooting": "{player} ਨੇ {c} ਕੋਸ਼ਿਸ਼ਾਂ ਵਿੱਚੋਂ {b} ਸ਼ਾਟ ਲਾ ਕੇ {a} ਅੰਕ ਬਣਾਏ ਹਨ",
        "lead_score": "{team} {c} ਅੰਕਾਂ ਨਾਲ ਅੱਗੇ ਹੈ, ਸਕੋਰ {a}–{b}",
        "trail_score": "{team} {c} ਅੰਕਾਂ ਨਾਲ ਪਿੱਛੇ ਹੈ, ਸਕੋਰ {b}–{a}",
        "run_score": "{team} ਨੇ {a}–{b} ਦਾ ਦੌਰ ਆਪਣੇ ਨਾਂ ਕਰ ਕੇ {c} ਅੰਕਾਂ ਦੀ ਬੜ੍ਹਤ ਬਣਾ ਲਈ ਹੈ",
        "arena_lead": "ਇੱਥੇ {arena} ਵਿੱਚ {team} {a}–{b} ਨਾਲ ਅੱਗੇ ਹੈ",
        "arena_welcome": "{arena} ਵਿੱਚ ਤੁਹਾਡਾ ਸਵਾਗਤ ਹੈ",
    },
    settings={
        "clock_left": "{clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ",
        "clock_left_quarter": "{quarter[obl]} ਕੁਆਰਟਰ ਵਿੱਚ {clock} ਬਾਕੀ ਰਹਿੰਦਿਆਂ",
        "in_quarter": "{quarter[obl]} ਕੁਆਰਟਰ ਵਿੱਚ",
        "after_quarter": "{quarter[obl]} ਕੁਆਰਟਰ ਤੋਂ ਬਾਅਦ",
        "at_halftime": "ਅੱਧੇ ਸਮੇਂ ਤੱਕ",
        "at_arena": "ਇੱਥੇ {arena} ਵਿੱਚ",
    },
    player=player,
    ordinal=ordinal,
)

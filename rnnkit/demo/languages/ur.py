"""Urdu (ur), in the Perso-Arabic script (Nastaliq in print; the letters are the same),
right to left, as Urdu sports pages write live commentary.

Urdu and Hindi share their grammar, so the templates follow the same rules as `hi`:

* Subject-object-verb, postpositions as separate words after the noun (سیلٹکس کے خلاف).
  A roster surname does not change before them (proper names take no oblique -ā -> -e:
  وارگا نے), so `player` gives one form, the name in Urdu letters.
* Perfective with the ergative نے; the verb agrees with the object: the shot nouns are
  masculine (شاٹ، لے اپ، ڈنک، فری تھرو: لگایا، بلاک کیا), گیند is feminine (گیند چھین لی،
  گیند گنوا دی). Without نے the verb agrees with its subject: the player in the honorific
  plural of the sports press (کورٹ پر آئے), a missed shot in the masculine singular
  (وارگا کا ڈنک نشانے سے چوک گیا).
* The genitive agrees with what it qualifies: کا before a masculine direct noun (وارگا کا
  ڈنک), کی before a feminine one (مینسا کی جگہ), کے before a postposition (کے خلاف). An
  assist is "the pass received from X" (X سے ملے پاس پر): "X کے پاس" would read "near X".
* A team agrees as the feminine singular ٹیم it stands for (ہے); the templates choose verbs
  with نے so its gender never shows.
* Ordinals and other -ā words take the oblique -e before a postposition: دوسرے کوارٹر میں,
  but دوسرا کوارٹر شروع ہوا; نشانے سے (`oblique`: a final ا or ہ -> ے).
* Numerals: Western digits (54–49, 3:45), as the Urdu press online (BBC Urdu, Express,
  Jang's website) prints scores. A score is stored leader first, with the en dash the
  other tables use; after Urdu letters each number reads left to right, and the dash runs
  right to left, so the leader's score stands on the right, where the reader starts. Text
  is stored in logical order, no bidi controls.
* Names: by sound (`_sounds`, `_arabic_script`): English t, d as ٹ ڈ, short i and weak a
  left unwritten, a final e or "ay" as ے; Haddad keeps its Arabic spelling حداد.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._arabic_script import ARABIC_NAMES, URDU, transliterate


def player(surname: str) -> str:
    """The surname in Urdu letters: "Tremblay" -> "ٹریمبلے"."""
    return transliterate(URDU, surname, ARABIC_NAMES)


def oblique(adjective: str) -> str:
    """An -ā word before a postposition takes -e: "دوسرا" -> "دوسرے", "نشانہ" -> "نشانے"."""
    return adjective[:-1] + "ے" if adjective.endswith(("ا", "ہ")) else adjective


ORDINALS = ("پہلا", "دوسرا", "تیسرا", "چوتھا")

TABLE = LanguageTable(
    code="ur",
    name="Urdu",
    script="Arabic",
    rtl=True,
    teams={
        "Raptors": "ریپٹرز",
        "Celtics": "سیلٹکس",
        "Knicks": "نکس",
        "Bucks": "بکس",
        "Lakers": "لیکرز",
        "Bulls": "بلز",
    },
    quarters=tuple({"dir": word, "obl": oblique(word)} for word in ORDINALS),
    shots={
        # made: the verb phrase after "X نے"; noun: the shot, in the direct case.
        "three": {"made": "تھری پوائنٹر لگایا", "noun": "تھری پوائنٹر"},
        "jumper": {"made": "جمپ شاٹ لگایا", "noun": "جمپ شاٹ"},
        "layup": {"made": "لے اپ سے اسکور کیا", "noun": "لے اپ"},
        "dunk": {"made": "ڈنک لگایا", "noun": "ڈنک"},
        "free_throw": {"made": "فری تھرو پر پوائنٹ حاصل کیا", "noun": "فری تھرو"},
    },
    rebounds={"offensive": "جارحانہ ریباؤنڈ", "defensive": "دفاعی ریباؤنڈ"},
    templates={
        "made": "{player} نے {shot[made]}",
        "made_clock": "{quarter[obl]} کوارٹر میں {clock} باقی رہتے {player} نے {shot[made]}",
        "missed": "{player} کا {shot[noun]} " + oblique("نشانہ") + " سے چوک گیا",
        "assist": "{player} سے ملے پاس پر {other} نے {shot[made]}",
        "block": "{player} نے {other} کا {shot[noun]} بلاک کیا",
        "rebound": "{player} نے {rebound} لیا",
        "steal": "{player} نے {other} سے گیند چھین لی",
        "turnover": "{player} نے گیند گنوا دی",
        "foul_personal": "{player} نے {other} پر ذاتی فاؤل کیا",
        "foul_shooting": "{player} نے شاٹ لے رہے {other} پر فاؤل کیا",
        "substitution": "{other} کی جگہ {player} کورٹ پر آئے",
        "timeout": "{team} نے ٹائم آؤٹ لیا",
        "lead": "{team} {a}–{b} سے آگے ہے",
        "lead_opponent": "{team} {opponent} کے خلاف {a}–{b} سے آگے ہے",
        "lead_clock": "{quarter[obl]} کوارٹر میں {clock} باقی رہتے {team} {a}–{b} سے آگے ہے",
        "tied": "مقابلہ {a}–{a} سے برابر ہے",
        "tied_clock": "{quarter[obl]} کوارٹر میں {clock} باقی رہتے مقابلہ {a}–{a} سے برابر ہے",
        "quarter_start": "{quarter[dir]} کوارٹر شروع ہوا",
        "quarter_end": "{quarter[dir]} کوارٹر ختم ہوا",
        "win": "{team} نے مقابلہ {a}–{b} سے جیت لیا",
    },
    player=player,
)

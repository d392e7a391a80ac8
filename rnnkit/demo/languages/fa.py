"""Persian (fa), right to left, as the Persian sports press (Varzesh3, IRNA, BBC Persian)
writes live basketball commentary.

Grammar the templates follow:

* Subject-object-verb; a definite direct object takes را (توپ را از دست داد, ریباند
  تهاجمی را گرفت, دانک وارگا را بلاک کرد); prepositions precede the noun (از, روی,
  به جای, با). Persian has no case endings or grammatical gender, so `player` gives one
  form, the name in Persian letters.
* The possessor follows its noun in an ezafe construction, unwritten after a consonant or
  ی: پرتاب سه امتیازی ترمبلی (Tremblay's three-point shot), با پاس حداد. So a made or
  missed shot is said of the shot: ... گل شد (went in), ... ناموفق بود.
* Verbs agree with the subject in person and number: a player is third person singular
  (گرفت, ربود, وارد زمین شد); a team, as in the Persian press, singular too (پیش است,
  پیروز شد, تایم‌اوت گرفت).
* Ordinals follow the noun with ezafe: کوارتر دوم.
* Numerals: Persian digits (۵۴ بر ۴۹, ۳:۴۵), which Persian writing uses everywhere;
  a score is "a بر b". Persian digits are weak in the bidi algorithm, so they never
  decide a line's direction, and the text needs no bidi controls.
* Letters: the Persian ی and ک (never the Arabic ي and ك), and the zero-width non-joiner
  inside compounds (تایم‌اوت, لی‌آپ), as Persian spelling requires; it is not a bidi
  control.
* Names: by sound (`_sounds`, `_arabic_script`): short e unwritten, English ɒ as ا,
  a final -v as ف; Haddad keeps its Arabic spelling حداد and Sutherland the one the
  Persian press uses (ساترلند).
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._arabic_script import ARABIC_NAMES, PERSIAN, transliterate

DIGITS = "۰۱۲۳۴۵۶۷۸۹"
EXCEPTIONS = {**ARABIC_NAMES, "Sutherland": "ساترلند"}


def player(surname: str) -> str:
    """The surname in Persian letters: "Tremblay" -> "ترمبلی"."""
    return transliterate(PERSIAN, surname, EXCEPTIONS)


def number(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


_LEFT = "{clock} مانده به پایان کوارتر {quarter}، "
_ZWNJ = "\u200c"

TABLE = LanguageTable(
    code="fa",
    name="Persian",
    script="Arabic",
    rtl=True,
    teams={
        "Raptors": "رپترز",
        "Celtics": "سلتیکس",
        "Knicks": "نیکس",
        "Bucks": "باکس",
        "Lakers": "لیکرز",
        "Bulls": "بولز",
    },
    quarters=("اول", "دوم", "سوم", "چهارم"),
    shots={
        "three": {"noun": "پرتاب سه امتیازی"},
        "jumper": {"noun": "پرتاب جفت"},
        "layup": {"noun": f"لی{_ZWNJ}آپ"},
        "dunk": {"noun": "دانک"},
        "free_throw": {"noun": "پرتاب آزاد"},
    },
    rebounds={"offensive": "ریباند تهاجمی", "defensive": "ریباند دفاعی"},
    templates={
        "made": "{shot[noun]} {player} گل شد",
        "made_clock": _LEFT + "{shot[noun]} {player} گل شد",
        "missed": "{shot[noun]} {player} ناموفق بود",
        "assist": "{shot[noun]} {other} با پاس {player} گل شد",
        "block": "{player} {shot[noun]} {other} را بلاک کرد",
        "rebound": "{player} {rebound} را گرفت",
        "steal": "{player} توپ را از {other} ربود",
        "turnover": "{player} توپ را از دست داد",
        "foul_personal": "{player} مرتکب خطای شخصی روی {other} شد",
        "foul_shooting": "{player} هنگام پرتاب روی {other} خطا کرد",
        "substitution": "{player} به جای {other} وارد زمین شد",
        "timeout": f"{{team}} تایم{_ZWNJ}اوت گرفت",
        "lead": "{team} با نتیجه {a} بر {b} پیش است",
        "lead_opponent": "{team} با نتیجه {a} بر {b} از {opponent} پیش است",
        "lead_clock": _LEFT + "{team} با نتیجه {a} بر {b} پیش است",
        "tied": "بازی {a} بر {a} مساوی است",
        "tied_clock": _LEFT + "بازی {a} بر {a} مساوی است",
        "quarter_start": "کوارتر {quarter} آغاز شد",
        "quarter_end": "کوارتر {quarter} به پایان رسید",
        "win": "{team} با نتیجه {a} بر {b} پیروز شد",
    },
    player=player,
    number=number,
)

"""Arabic (ar), Modern Standard Arabic, right to left, as the Arabic sports press (Al
Jazeera, BBC Arabic, Kooora) writes live commentary.

Grammar the templates follow:

* Verb-subject-object, the press's order for a reported action: سجل ترمبلاي رمية ثلاثية.
  A verb before its subject is singular and agrees in gender only: every player is
  masculine (سجل, أهدر, دخل), and a team is the masculine الفريق it stands for (تقدم
  رابتورز, فاز ليكرز); the two teams together are dual after a singular verb (تعادل
  الفريقان). After its subject a verb agrees fully: الذي سجل.
* Foreign names are indeclinable and take no article, and the prepositions here are words
  of their own (من, إلى, على), so `player` gives one form, the name in Arabic letters.
* Nouns and adjectives agree in gender and definiteness: رمية ثلاثية (feminine), الربع
  الثاني (the ordinal after its noun, both definite), خطأ شخصيا (accusative, masculine);
  the object of أهدر, سجل and صد is indefinite, the rebound definite (المتابعة الهجومية).
* Numerals: Western digits (54–49, 3:45). Arabic has its own digits (٠-٩), but the
  Arabic sports sites and channels (Al Jazeera, BBC Arabic, Kooora, beIN) print scores
  and clocks in Western digits. A score is stored leader first, with the en dash the other
  tables use; after Arabic letters the bidi algorithm treats its digits as Arabic numbers,
  so each number reads left to right, the colon keeps 3:45 whole, and the dash between two
  numbers runs right to left: the leader's score stands on the right, where an Arabic
  reader starts.
* Names: by sound (`_sounds`, `_arabic_script`): nearly every vowel written, g as غ, p as
  ب, v as ف; Haddad, an Arabic name, keeps its own spelling حداد. Text is stored in
  logical order; no bidi control characters.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._arabic_script import ARABIC, ARABIC_NAMES, transliterate


def player(surname: str) -> str:
    """The surname in Arabic letters: "Tremblay" -> "ترمبلاي"."""
    return transliterate(ARABIC, surname, ARABIC_NAMES)


_LEFT = "قبل {clock} من نهاية الربع {quarter}"

TABLE = LanguageTable(
    code="ar",
    name="Arabic",
    script="Arabic",
    rtl=True,
    teams={
        "Raptors": "رابتورز",
        "Celtics": "سلتيكس",
        "Knicks": "نيكس",
        "Bucks": "باكس",
        "Lakers": "ليكرز",
        "Bulls": "بولز",
    },
    quarters=("الأول", "الثاني", "الثالث", "الرابع"),
    shots={
        "three": {"a": "رمية ثلاثية"},
        "jumper": {"a": "تسديدة قفزية"},
        "layup": {"a": "سلة سهلة"},
        "dunk": {"a": "سلة ساحقة"},
        "free_throw": {"a": "رمية حرة"},
    },
    rebounds={"offensive": "المتابعة الهجومية", "defensive": "المتابعة الدفاعية"},
    templates={
        "made": "سجل {player} {shot[a]}",
        "made_clock": "سجل {player} {shot[a]} " + _LEFT,
        "missed": "أهدر {player} {shot[a]}",
        "assist": "مرر {player} الكرة إلى {other} الذي سجل {shot[a]}",
        "block": "صد {player} {shot[a]} من {other}",
        "rebound": "استحوذ {player} على {rebound}",
        "steal": "خطف {player} الكرة من {other}",
        "turnover": "أضاع {player} الكرة",
        "foul_personal": "ارتكب {player} خطأ شخصيا على {other}",
        "foul_shooting": "ارتكب {player} خطأ على {other} أثناء التسديد",
        "substitution": "دخل {player} بدلا من {other}",
        "timeout": "طلب {team} وقتا مستقطعا",
        "lead": "تقدم {team} بنتيجة {a}–{b}",
        "lead_opponent": "تقدم {team} على {opponent} بنتيجة {a}–{b}",
        "lead_clock": "تقدم {team} بنتيجة {a}–{b} " + _LEFT,
        "tied": "تعادل الفريقان {a}–{a}",
        "tied_clock": "تعادل الفريقان {a}–{a} " + _LEFT,
        "quarter_start": "انطلق الربع {quarter}",
        "quarter_end": "انتهى الربع {quarter}",
        "win": "فاز {team} بنتيجة {a}–{b}",
    },
    player=player,
)

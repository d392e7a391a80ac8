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
* Ordinals follow the noun with ezafe: کوارتر دوم. An ordinal in digits (`ordinal`) is
  the other Persian ordinal, -مین, which stands before its noun without ezafe and is what
  the press writes after digits: برای ۳مین بار (for the 3rd time), این ۳مین خطای شخصی
  ترمبلی است.
* A counted noun stays singular after any number (۱۲ امتیاز, ۸ ریباند, ۲۵ فوتی), so
  stat lines and margins need no agreement: ۷ از ۱۲ پرتاب (7 of 12 shots), ۸ امتیاز پیش
  است. A percentage is the number and درصد, as the Persian press writes it in running
  text (۴۸ درصد). Distances stay in feet, with the adjective -ی: از فاصله ۲۵ فوتی.
* Calls: a player or team "commits" a violation (مرتکب تخلف راه رفتن شد) or foul (مرتکب
  خطای هجومی شد); a call given to someone is elliptic with برای (خطای تکنیکی برای X). The
  Persian basketball words: ضدحمله (fast break), پرتاب قلاب (hook), پاس هوایی (alley-oop
  pass), پاس گل (assist), توپ هوایی (jump ball), تخلف زمان حمله (shot clock), وقت اضافه
  (overtime), خطای غیرورزشی (the FIBA name of a flagrant foul), نیمکت (bench).
* A score with a margin: با نتیجه ۵۴ بر ۴۹، ۵ امتیاز پیش است; the score is the leader's
  first, so a trailing subject marks it as the opponent's (به سود حریف). The arena's name
  stays as it is, after سالن (اینجا در سالن X, به سالن X خوش آمدید).
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


def ordinal(n: int) -> str:
    """An ordinal in Persian digits, the -مین ordinal that stands before its noun, as the
    press writes it in digits: "۳مین" (سومین) in "برای ۳مین بار", "این ۳مین خطا"."""
    return number(n) + "مین"


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
        "and_one": "{player} با وجود خطای حریف گل کرد",
        "alley_oop": "{other} پاس هوایی {player} را تبدیل به گل کرد",
        "tip_in": "{player} توپ برگشتی را با نوک انگشت به سبد فرستاد",
        "putback": "{player} پس از ریباند تهاجمی گل کرد",
        "hook": "{player} با پرتاب قلاب گل کرد",
        "floater": "{player} با پرتاب شناور گل کرد",
        "fadeaway": "{player} با پرش به عقب گل کرد",
        "pull_up": "{player} پس از دریبل، پرتاب جفت را از فاصله {a} فوتی گل کرد",
        "deep_three": "{player} پرتاب سه امتیازی را از فاصله {a} فوتی گل کرد",
        "fast_break": "{player} ضدحمله را با گل به پایان رساند",
        "buzzer_beater": "{player} همزمان با بوق پایان گل کرد",
        "player_scores_for": "{player} برای {team} گل کرد",
        "points": "{player} تاکنون {a} امتیاز کسب کرده است",
        "points_rebounds": "{player} تاکنون {a} امتیاز و {b} ریباند داشته است",
        "points_assists": "{player} تاکنون {a} امتیاز و {b} پاس گل داشته است",
        "shooting": "{player} تاکنون {a} از {b} پرتاب خود را گل کرده است",
        "shooting_three": "{player} تاکنون {a} از {b} پرتاب سه امتیازی خود را گل کرده است",
        "shooting_line": "{player} تاکنون {a} از {b} پرتاب آزاد خود را گل کرده است",
        "team_percentage": f"{{team}} تاکنون {{a}} درصد پرتاب{_ZWNJ}هایش را گل کرده است",
        "career_high": f"{{player}} با {{a}} امتیاز به بهترین رکورد دوران حرفه{_ZWNJ}ای خود رسید",
        "straight_points": "{player} {a} امتیاز پیاپی کسب کرد",
        "record": "{player} با {a} امتیاز رکورد تاریخ باشگاه را شکست",
        "rebounds": "{player} تاکنون {a} ریباند داشته است",
        "assists": "{player} تاکنون {a} پاس گل داشته است",
        "blocks": "{player} تاکنون {a} بلاک داشته است",
        "steals": f"{{player}} تاکنون {{a}} توپ{_ZWNJ}ربایی داشته است",
        "threes": "{player} تاکنون {a} پرتاب سه امتیازی گل کرده است",
        "team_three_percentage": (
            f"{{team}} تاکنون {{a}} درصد پرتاب{_ZWNJ}های سه امتیازی{_ZWNJ}اش را گل کرده است"
        ),
        "run": "{team} در دقایق اخیر {a} بر {b} از حریف بهتر بوده است",
        "unanswered": f"{{team}} {{a}} امتیاز بی{_ZWNJ}پاسخ کسب کرد",
        "lead_by": "{team} {a} امتیاز پیش است",
        "trail_by": "{team} {a} امتیاز عقب است",
        "cut_lead": "{team} اختلاف را به {a} امتیاز کاهش داد",
        "score_line": "نتیجه: {team} {a}، {opponent} {b}",
        "halftime": "{team} در پایان نیمه اول با نتیجه {a} بر {b} پیش است",
        "final": "نتیجه نهایی: {team} {a}، {opponent} {b}",
        "lead_change": "{player} با گلش {team} را دوباره پیش انداخت",
        "lead_changes": "برتری در این بازی برای {nth} بار دست به دست شد",
        "overtime": "بازی به وقت اضافه کشیده شد",
        "technical": "خطای تکنیکی برای {player}",
        "technical_bench": "خطای تکنیکی برای نیمکت {team}",
        "flagrant": "{player} مرتکب خطای غیرورزشی روی {other} شد",
        "foul_count": "این {nth} خطای شخصی {player} است",
        "foul": "{player} مرتکب خطا شد",
        "offensive_foul": "{player} مرتکب خطای هجومی شد",
        "fouled_out": "{player} با رسیدن به سقف خطاها از بازی کنار رفت",
        "bonus": f"{{team}} از این پس با هر خطا پرتاب آزاد می{_ZWNJ}گیرد",
        "ejected": "{player} از بازی اخراج شد",
        "travel": "{player} مرتکب تخلف راه رفتن شد",
        "shot_clock": "{team} مرتکب تخلف زمان حمله شد",
        "three_seconds": "{player} مرتکب تخلف سه ثانیه شد",
        "goaltending": "{player} با دست زدن به توپ در مسیر سبد مرتکب تخلف شد",
        "out_of_bounds": "{player} با توپ از زمین خارج شد",
        "backcourt": "{team} مرتکب تخلف برگشت توپ به زمین خودی شد",
        "jump_ball": "{player} توپ هوایی را مقابل {other} برد",
        "challenge": "مربی {team} به تصمیم داوران اعتراض کرد",
        "review": "داوران در حال بازبینی ویدئویی صحنه هستند",
        "call_stands": "پس از بازبینی، تصمیم داوران تغییری نکرد",
        "overturned": "پس از بازبینی، تصمیم داوران تغییر کرد",
        "injury": "{player} مصدوم شد و روی زمین افتاد",
        "locker_room": "{player} راهی رختکن شد",
        "returns": "{player} به بازی برگشت",
        "checks_in": "{player} برای {team} وارد زمین شد",
        "turnover_team": "{player} توپ را از دست داد و مالکیت توپ به {team} رسید",
        "timeout_clock": f"{{clock}} مانده به پایان کوارتر، {{team}} تایم{_ZWNJ}اوت گرفت",
        "triple_double": "{player} تاکنون {a} امتیاز، {b} ریباند و {c} پاس گل داشته است",
        "points_shooting": "{player} تاکنون با {b} گل از {c} پرتاب، {a} امتیاز کسب کرده است",
        "lead_score": "{team} با نتیجه {a} بر {b}، {c} امتیاز پیش است",
        "trail_score": "{team} با نتیجه {a} بر {b} به سود حریف، {c} امتیاز عقب است",
        "run_score": "{team} در دقایق اخیر {a} بر {b} از حریف بهتر بوده و اکنون {c} امتیاز پیش است",
        "arena_lead": "{team} اینجا در سالن {arena} با نتیجه {a} بر {b} پیش است",
        "arena_welcome": "به سالن {arena} خوش آمدید",
    },
    settings={
        "clock_left": "{clock} مانده به پایان کوارتر",
        "clock_left_quarter": "{clock} مانده به پایان کوارتر {quarter}",
        "in_quarter": "در کوارتر {quarter}",
        "after_quarter": "در پایان کوارتر {quarter}",
        "at_halftime": "در پایان نیمه اول",
        "at_arena": "اینجا در سالن {arena}",
    },
    player=player,
    number=number,
    ordinal=ordinal,
)

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
* A noun counted by a number agrees with it (3 to 10: the genitive plural, 8 نقاط; 11 to
  99: the accusative singular, 25 نقطة), and a template cannot see the number: so a
  count whose range straddles 10 is said without a counted noun, as the press also writes
  it: a tally (بلغ رصيد X من النقاط 24, بلغت نقاط X 20 ومتابعاته 8), "a of b" (أصاب 7
  من أصل 12 في الرميات الثلاثية), a margin (بفارق 6, قلص الفارق إلى 4), or the number
  after a definite plural with the article joined by a tatweel (النقاط الـ8 الأخيرة).
  Only counts that stay above 10 (a career high, a record: 20 to 81 points; a three from
  24 feet and more) take the singular noun, نقطة, قدما. Ordinals the same way: الـ3 after
  its definite noun (`ordinal`: الخطأ الشخصي الـ3, للمرة الـ5). Percentages: 48%, as
  the press prints them in Western digits.
* Elliptic lines for a referee's call, as live text writes them: the call, then على and
  the player or team it is given against (خطأ فني على X, مخالفة مشي على X). A team
  that does something after its verb is still the masculine singular (تقدم, قلص, بات).
  Basketball words: رمية ثلاثية, متابعة هجومية, تسديدة خطافية (hook), تسديدة عائمة
  (floater), تسديدة قفزية متراجعة (fadeaway), الهجمة المرتدة (fast break), انطلاقة (a
  run), الكرة القافزة (jump ball), الشوط الأول (the first half), وقت إضافي (overtime).
* Three numbers: a tally (بلغت نقاط X 25 ومتابعاته 12 وتمريراته الحاسمة 10), points
  after a shooting line (بعدما أصاب 7 من أصل 12); a margin and the score, leader first
  (تقدم X بفارق 5، والنتيجة 54–49), which a trailing subject marks as its opponent's
  (والنتيجة 54–49 لصالح منافسه). The arena's name is indeclinable, after في (هنا في X,
  أهلا بكم في X).
* Names: by sound (`_sounds`, `_arabic_script`): nearly every vowel written, g as غ, p as
  ب, v as ف; Haddad, an Arabic name, keeps its own spelling حداد. Text is stored in
  logical order; no bidi control characters.
* One player's other counts (rebounds, assists, blocks, steals, made threes: 0 to 20)
  straddle 10 too, so they are tallies like the points: بلغ رصيد X من المتابعات 8 حتى
  الآن (من الصدات, من الكرات المسروقة, من الرميات الثلاثية الناجحة).
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._arabic_script import ARABIC, ARABIC_NAMES, transliterate


def player(surname: str) -> str:
    """The surname in Arabic letters: "Tremblay" -> "ترمبلاي"."""
    return transliterate(ARABIC, surname, ARABIC_NAMES)


def ordinal(n: int) -> str:
    """An ordinal in digits, as the Arabic press writes it after a definite noun: the
    article joined to the number by a tatweel (الخطأ الـ3, للمرة الـ12)."""
    return f"الـ{n}"


_LEFT = "قبل {clock} من نهاية الربع {quarter}"
# A distance in feet: the accusative singular that follows 11 to 99 (من مسافة 25 قدما),
# the range of nearly every shot distance the game reports; only a pull-up of 8 to 10
# feet would want the plural أقدام, a rare case the table accepts.
_FEET = "قدما"

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
        "and_one": "سجل {player} السلة رغم تعرضه للخطأ",
        "alley_oop": "مرر {player} كرة عالية إلى {other} الذي أنهاها في السلة",
        "tip_in": "تابع {player} الكرة إلى داخل السلة",
        "putback": "سجل {player} من متابعة هجومية",
        "hook": "سجل {player} تسديدة خطافية",
        "floater": "سجل {player} تسديدة عائمة",
        "fadeaway": "سجل {player} تسديدة قفزية متراجعة",
        "pull_up": "سجل {player} تسديدة قفزية بعد المراوغة من مسافة {a} " + _FEET,
        "deep_three": "سجل {player} رمية ثلاثية من مسافة {a} " + _FEET,
        "fast_break": "أنهى {player} الهجمة المرتدة بسلة",
        "buzzer_beater": "سجل {player} سلة مع صافرة نهاية الوقت",
        "player_scores_for": "سجل {player} سلة لصالح {team}",
        "points": "بلغ رصيد {player} من النقاط {a} حتى الآن",
        "points_rebounds": "بلغت نقاط {player} حتى الآن {a} ومتابعاته {b}",
        "points_assists": "بلغت نقاط {player} حتى الآن {a} وتمريراته الحاسمة {b}",
        "shooting": "أصاب {player} {a} من أصل {b} في التسديدات الميدانية",
        "shooting_three": "أصاب {player} {a} من أصل {b} في الرميات الثلاثية",
        "shooting_line": "أصاب {player} {a} من أصل {b} في الرميات الحرة",
        "team_percentage": "بلغت نسبة تسديد {team} من الميدان {a}%",
        "career_high": "سجل {player} {a} نقطة، وهو أعلى رصيد في مسيرته",
        "straight_points": "سجل {player} النقاط الـ{a} الأخيرة لفريقه",
        "record": "حطم {player} الرقم القياسي للنادي بتسجيله {a} نقطة",
        "rebounds": "بلغ رصيد {player} من المتابعات {a} حتى الآن",
        "assists": "بلغ رصيد {player} من التمريرات الحاسمة {a} حتى الآن",
        "blocks": "بلغ رصيد {player} من الصدات {a} حتى الآن",
        "steals": "بلغ رصيد {player} من الكرات المسروقة {a} حتى الآن",
        "threes": "بلغ رصيد {player} من الرميات الثلاثية الناجحة {a} حتى الآن",
        "team_three_percentage": "بلغت نسبة تسديد {team} في الرميات الثلاثية {a}%",
        "run": "حقق {team} انطلاقة بنتيجة {a}–{b}",
        "unanswered": "سجل {team} النقاط الـ{a} الأخيرة دون رد",
        "lead_by": "تقدم {team} بفارق {a}",
        "trail_by": "تأخر {team} بفارق {a}",
        "cut_lead": "قلص {team} الفارق إلى {a}",
        "score_line": "النتيجة: {team} {a}، {opponent} {b}",
        "halftime": "انتهى الشوط الأول بتقدم {team} {a}–{b}",
        "final": "النتيجة النهائية: {team} {a}، {opponent} {b}",
        "lead_change": "أعاد {player} فريقه {team} إلى المقدمة",
        "lead_changes": "تبادل الفريقان التقدم للمرة {nth} في المباراة",
        "overtime": "تتجه المباراة إلى وقت إضافي",
        "technical": "خطأ فني على {player}",
        "technical_bench": "خطأ فني على دكة بدلاء {team}",
        "flagrant": "ارتكب {player} خطأ عنيفا على {other}",
        "foul_count": "الخطأ الشخصي {nth} على {player}",
        "foul": "ارتكب {player} خطأ",
        "offensive_foul": "خطأ هجومي على {player}",
        "fouled_out": "خرج {player} من المباراة لاستنفاده الأخطاء",
        "bonus": "بات {team} يحصل على رميات حرة مع كل خطأ",
        "ejected": "تعرض {player} للطرد",
        "travel": "مخالفة مشي على {player}",
        "shot_clock": "مخالفة انتهاء وقت الهجمة على {team}",
        "three_seconds": "مخالفة الثواني الثلاث على {player}",
        "goaltending": "مخالفة إعاقة الكرة الهابطة نحو السلة على {player}",
        "out_of_bounds": "خرج {player} بالكرة خارج حدود الملعب",
        "backcourt": "مخالفة إعادة الكرة إلى الملعب الخلفي على {team}",
        "jump_ball": "كسب {player} الكرة القافزة أمام {other}",
        "challenge": "اعترض مدرب {team} على القرار",
        "review": "يراجع الحكام اللعبة بالفيديو",
        "call_stands": "بعد المراجعة، بقي القرار على حاله",
        "overturned": "بعد المراجعة، ألغى الحكام قرارهم",
        "injury": "سقط {player} مصابا",
        "locker_room": "توجه {player} إلى غرفة الملابس",
        "returns": "عاد {player} إلى المباراة",
        "checks_in": "دخل {player} إلى الملعب في صفوف {team}",
        "turnover_team": "أضاع {player} الكرة لتصبح في حوزة {team}",
        "timeout_clock": "طلب {team} وقتا مستقطعا قبل {clock} من نهاية الربع",
        "triple_double": "بلغت نقاط {player} حتى الآن {a} ومتابعاته {b} وتمريراته الحاسمة {c}",
        "points_shooting": (
            "بلغ رصيد {player} من النقاط {a} بعدما أصاب {b} من أصل {c} في التسديدات الميدانية"
        ),
        "lead_score": "تقدم {team} بفارق {c}، والنتيجة {a}–{b}",
        "trail_score": "تأخر {team} بفارق {c}، والنتيجة {a}–{b} لصالح منافسه",
        "run_score": "حقق {team} انطلاقة بنتيجة {a}–{b} وبات يتقدم بفارق {c}",
        "arena_lead": "تقدم {team} بنتيجة {a}–{b} هنا في {arena}",
        "arena_welcome": "أهلا بكم في {arena}",
    },
    settings={
        "clock_left": "قبل {clock} من نهاية الربع",
        "clock_left_quarter": "قبل {clock} من نهاية الربع {quarter}",
        "in_quarter": "في الربع {quarter}",
        "after_quarter": "بعد نهاية الربع {quarter}",
        "at_halftime": "مع نهاية الشوط الأول",
        "at_arena": "هنا في {arena}",
    },
    player=player,
    ordinal=ordinal,
)

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
  with نے so its gender never shows, or constructions where the verb agrees with another
  noun: the agent with سے (ریپٹرز سے شاٹ کلاک کی خلاف ورزی ہوئی), the recipient with کو
  (ریپٹرز کو ... فری تھرو ملیں گے), a genitive (ریپٹرز کے 48 فیصد شاٹ).
* A call "falls on" a player with پر and لگنا, agreeing with the call: فاؤل (m) لگا,
  خلاف ورزی (f) لگی. Stat lines are possessed with the genitive کے (ٹریمبلے کے 20
  پوائنٹس اور 8 ریباؤنڈز ہیں); "a of b" is "b میں سے a" (12 میں سے 7 شاٹ کامیاب رہے).
  Loans keep the English plural -s after a number, as Urdu sports pages write them
  (پوائنٹس، ریباؤنڈز، اسسٹس); a percentage is the number and فیصد, as the Urdu press writes
  it; distances stay in feet, فٹ (24 فٹ سے).
* Ordinals in digits take -واں, which agrees like an -ā adjective (`ordinal`): 3واں فاؤل
  (m), برتری کی 3ویں تبدیلی (f). Basketball words are the English ones in Urdu letters, as
  Urdu sports pages write them (ٹیکنیکل فاؤل، ٹریولنگ، جمپ بال، ایلی اوپ), but for
  the Urdu ones the press has: جوابی حملہ (fast break), اضافی وقت (overtime), وقفہ
  (half-time), لگاتار (straight), جائزہ (review).
* A score with a margin: X 5 پوائنٹس سے آگے ہے، اسکور 54–49 ہے; the score is the leader's
  first, so a trailing subject marks it as the opponent's (حریف کے حق میں). The arena's
  name, a proper name, does not take the oblique before میں (یہاں X میں, X میں خوش آمدید).
* Ordinals and other -ā words take the oblique -e before a postposition: دوسرے کوارٹر میں,
  but دوسرا کوارٹر شروع ہوا; نشانے سے (`oblique`: a final ا or ہ -> ے).
* Numerals: Western digits (54–49, 3:45), as the Urdu press online (BBC Urdu, Express,
  Jang's website) prints scores. A score is stored leader first, with the en dash the
  other tables use; after Urdu letters each number reads left to right, and the dash runs
  right to left, so the leader's score stands on the right, where the reader starts. Text
  is stored in logical order, no bidi controls.
* Names: by sound (`_sounds`, `_arabic_script`): English t, d as ٹ ڈ, short i and weak a
  left unwritten, a final e or "ay" as ے; Haddad keeps its Arabic spelling حداد.
* One player's count is what the player "has already done" with چکنا, agreeing with the
  player in the honorific plural whatever the number (اب تک 3 شاٹ بلاک کر چکے ہیں);
  rebounds, assists and steals are counted in بار, so no loan needs its plural -s after 1.
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


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits with the -vāṅ suffix, which agrees like an -ā adjective:
    {"m": "3واں"} before a masculine noun in the direct case (3واں فاؤل), {"f": "3ویں"}
    before a feminine one (3ویں تبدیلی); "3ویں" is also the masculine oblique."""
    return {"m": f"{n}واں", "f": f"{n}ویں"}


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
        "and_one": "{player} نے فاؤل کے باوجود اسکور کیا",
        "alley_oop": "{player} سے ملے ایلی اوپ پاس پر {other} نے اسکور کیا",
        "tip_in": "{player} نے ہلکی سی ٹپ سے گیند باسکٹ میں ڈال دی",
        "putback": "{player} نے جارحانہ ریباؤنڈ لے کر اسکور کیا",
        "hook": "{player} نے ہک شاٹ لگایا",
        "floater": "{player} نے فلوٹر لگایا",
        "fadeaway": "{player} نے پیچھے ہٹتے ہوئے جمپ شاٹ لگایا",
        "pull_up": "{player} نے ڈربل کے بعد رک کر {a} فٹ سے جمپ شاٹ لگایا",
        "deep_three": "{player} نے {a} فٹ سے تھری پوائنٹر لگایا",
        "fast_break": "{player} نے تیز " + oblique("جوابی حملہ") + " کو اسکور میں بدل دیا",
        "buzzer_beater": "بزر بجتے ہی {player} نے اسکور کیا",
        "player_scores_for": "{player} نے {team} کے لیے اسکور کیا",
        "points": "{player} اب تک {a} پوائنٹس اسکور کر چکے ہیں",
        "points_rebounds": "{player} کے اب تک {a} پوائنٹس اور {b} ریباؤنڈز ہیں",
        "points_assists": "{player} کے اب تک {a} پوائنٹس اور {b} اسسٹس ہیں",
        "shooting": "{player} کے فیلڈ سے {b} میں سے {a} شاٹ کامیاب رہے",
        "shooting_three": "{player} کے {b} میں سے {a} تھری پوائنٹر کامیاب رہے",
        "shooting_line": "{player} کے {b} میں سے {a} فری تھرو کامیاب رہے",
        "team_percentage": "فیلڈ سے {team} کے {a} فیصد شاٹ کامیاب ہو رہے ہیں",
        "career_high": "{player} نے {a} پوائنٹس کے ساتھ اپنے کیریئر کا بہترین اسکور بنایا",
        "straight_points": "{player} نے لگاتار {a} پوائنٹس اسکور کیے",
        "record": "{player} نے {a} پوائنٹس بنا کر ٹیم کی تاریخ کا نیا ریکارڈ قائم کیا",
        "rebounds": "{player} اب تک {a} بار ریباؤنڈ لے چکے ہیں",
        "assists": "{player} اب تک {a} بار اسسٹ دے چکے ہیں",
        "blocks": "{player} اب تک {a} شاٹ بلاک کر چکے ہیں",
        "steals": "{player} اب تک {a} بار گیند چھین چکے ہیں",
        "threes": "{player} اب تک {a} تھری پوائنٹر لگا چکے ہیں",
        "team_three_percentage": "{team} کے {a} فیصد تھری پوائنٹر کامیاب ہو رہے ہیں",
        "run": "{team} نے پچھلے چند منٹوں میں حریف کو {a}–{b} سے پیچھے چھوڑا",
        "unanswered": "{team} نے بغیر کسی جواب کے لگاتار {a} پوائنٹس بنائے",
        "lead_by": "{team} {a} پوائنٹس سے آگے ہے",
        "trail_by": "{team} {a} پوائنٹس سے پیچھے ہے",
        "cut_lead": "{team} نے فرق کم کر کے {a} پوائنٹس کر دیا",
        "score_line": "اسکور: {team} {a}، {opponent} {b}",
        "halftime": oblique("وقفہ") + " پر {team} {a}–{b} سے آگے ہے",
        "final": "حتمی اسکور: {team} {a}، {opponent} {b}",
        "lead_change": "{player} نے {team} کو ایک بار پھر برتری دلا دی",
        "lead_changes": "میچ میں برتری کی یہ {nth[f]} تبدیلی ہے",
        "overtime": "مقابلہ اضافی وقت میں چلا گیا",
        "technical": "{player} پر ٹیکنیکل فاؤل لگا",
        "technical_bench": "{team} کی بینچ پر ٹیکنیکل فاؤل لگا",
        "flagrant": "{player} نے {other} پر فلیگرنٹ فاؤل کیا",
        "foul_count": "یہ {player} کا {nth[m]} فاؤل ہے",
        "foul": "{player} نے فاؤل کیا",
        "offensive_foul": "{player} پر جارحانہ فاؤل لگا",
        "fouled_out": "{player} فاؤلز کی حد پوری ہونے پر کھیل سے باہر ہو گئے",
        "bonus": "{team} کو اب ہر فاؤل پر فری تھرو ملیں گے",
        "ejected": "{player} کو کھیل سے باہر نکال دیا گیا",
        "travel": "{player} پر ٹریولنگ کی خلاف ورزی لگی",
        "shot_clock": "{team} سے شاٹ کلاک کی خلاف ورزی ہوئی",
        "three_seconds": "{player} پر تین سیکنڈ کی خلاف ورزی لگی",
        "goaltending": "{player} پر گول ٹینڈنگ کی خلاف ورزی لگی",
        "out_of_bounds": "{player} گیند سمیت کورٹ سے باہر نکل گئے",
        "backcourt": "{team} سے بیک کورٹ کی خلاف ورزی ہوئی",
        "jump_ball": "{player} نے {other} کے خلاف جمپ بال جیت لی",
        "challenge": "{team} کے کوچ نے فیصلے کو چیلنج کیا",
        "review": "ریفری ویڈیو پر فیصلے کا جائزہ لے رہے ہیں",
        "call_stands": "جائزے کے بعد فیصلہ برقرار رہا",
        "overturned": "جائزے کے بعد فیصلہ تبدیل کر دیا گیا",
        "injury": "{player} زخمی ہو کر کورٹ پر گر گئے",
        "locker_room": "{player} ڈریسنگ روم کی طرف چلے گئے",
        "returns": "{player} کھیل میں واپس آ گئے",
        "checks_in": "{player} {team} کی طرف سے کورٹ پر آئے",
        "turnover_team": "{player} نے گیند گنوا دی، اب گیند {team} کے پاس ہے",
        "timeout_clock": "کوارٹر میں {clock} باقی رہتے {team} نے ٹائم آؤٹ لیا",
        "triple_double": "{player} کے اب تک {a} پوائنٹس، {b} ریباؤنڈز اور {c} اسسٹس ہیں",
        "points_shooting": (
            "{player} کے {c} میں سے {b} شاٹ کامیاب رہے اور وہ اب تک {a} پوائنٹس اسکور کر چکے ہیں"
        ),
        "lead_score": "{team} {c} پوائنٹس سے آگے ہے، اسکور {a}–{b} ہے",
        "trail_score": "{team} {c} پوائنٹس سے پیچھے ہے، اسکور {a}–{b} حریف کے حق میں ہے",
        "run_score": (
            "{team} نے پچھلے چند منٹوں میں حریف کو {a}–{b} سے پیچھے چھوڑا"
            " اور اب {c} پوائنٹس سے آگے ہے"
        ),
        "arena_lead": "یہاں {arena} میں {team} {a}–{b} سے آگے ہے",
        "arena_welcome": "{arena} میں خوش آمدید",
    },
    settings={
        "clock_left": "{clock} باقی رہتے",
        "clock_left_quarter": "{quarter[obl]} کوارٹر میں {clock} باقی رہتے",
        "in_quarter": "{quarter[obl]} کوارٹر میں",
        "after_quarter": "{quarter[obl]} کوارٹر کے بعد",
        "at_halftime": "وقفے پر",
        "at_arena": "یہاں {arena} میں",
    },
    player=player,
    ordinal=ordinal,
)

"""Bengali (bn), in Bengali script, as the Bengali sports press (Prothom Alo, Anandabazar
Patrika, BBC Bangla) writes live commentary.

Grammar the templates follow:

* Subject-object-verb, with case endings joined to the noun, so a name's case is a form
  of the name (`forms`): the genitive -এর after a final consonant (হাদ্দাদের,
  সেল্টিকসের) and -র after a vowel (ট্রেমব্লের, ভার্গার), and the objective -কে for a
  person one acts on (মেনসাকে ফাউল করলেন). Postpositions follow the genitive: X-এর কাছ
  থেকে (from X), X-এর বদলে (instead of X), X-এর বিপক্ষে (against X).
* Verbs agree in person and honour, not gender or number: a player takes the honorific
  third person (করলেন, নিলেন, নামলেন) as the press writes of sportsmen; a team, like
  a country in the press, the ordinary one (নিল, জিতল); the score lines are nominal
  (৫৪–৪৯ ব্যবধানে এগিয়ে), as Bengali headlines and live text write them.
* Ordinals precede the noun and do not change: দ্বিতীয় কোয়ার্টারের. In digits they take
  the ending of the word, as the press writes dates and ranks (`ordinal`): ১ম, ২য়, ৩য়, ৪র্থ,
  ৬ষ্ঠ, ১০ম, ১১তম; এটি ট্রেমব্লের ৩য় ফাউল, খেলায় ৩য় বারের মতো লিড বদল হলো.
* A call against a player is the genitive with বিরুদ্ধে, often with no verb, as live text
  writes it (ট্রেমব্লের বিরুদ্ধে টেকনিক্যাল ফাউল, ... ট্রাভেলিংয়ের বাঁশি, "the whistle");
  on a team's behalf is the genitive with হয়ে (র‍্যাপ্টর্সের হয়ে কোর্টে নামলেন); a passive
  takes the objective (ট্রেমব্লেকে বহিষ্কার করা হলো). A count of attempts takes the
  classifier -টি on the number (১০টি চেষ্টার ৪টিতে সফল); a stat line is nominal
  (ট্রেমব্লের সংগ্রহে ২০ পয়েন্ট), a percentage ৫২%, an NBA distance in feet (২৫ ফুট দূর থেকে).
* A score is written from its subject's side, its own points first, as the press writes
  a side that trails (বাংলাদেশ ১–২ গোলে পিছিয়ে): র‍্যাপ্টর্স ৫ পয়েন্টে পিছিয়ে, স্কোর ৪৯–৫৪.
  The arena takes the locative joined to its last word, -য় after a vowel (the TABLE's
  `arena`): স্কোশিয়াব্যাংক অ্যারেনায় আপনাদের স্বাগতম.
* Numerals: Bengali digits (৫৪–৪৯, ৩:৪৫), which the Bengali press uses in all running
  text and scores.
* Names: by sound (`_sounds`, `_indic`). Bengali has no v (ভ stands for it: ভার্গা), writes
  w and y with vowel letters (কুইনলান, মোন্টোয়া; wh as হু: হুইটফিল্ড), English a, schwa
  and ʌ with া (ক্রুগার, ডানমোর) and æ with ্যা (হার্টম্যান), and nasal clusters as
  conjuncts (ন্ড, ঙ্ক). Haddad, an Arabic name, keeps its dental দ.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._indic import BENGALI, transliterate
from rnnkit.demo.league import ARENA_NAMES

EXCEPTIONS = {"Haddad": "হাদ্দাদ"}  # Arabic: dental দ, not the English ড
DIGITS = "০১২৩৪৫৬৭৮৯"


def _ends_in_consonant(word: str) -> bool:
    """True when the last letter is a consonant with its inherent vowel (ক..হ, য়)."""
    last = word[-1] if word[-1] != "\u09bc" else word[-2]
    return "\u0995" <= last <= "\u09b9"


def forms(word: str) -> dict[str, str]:
    """A name with the case endings the templates use: genitive -এর/-র, objective -কে."""
    return {
        "nom": word,
        "gen": word + ("ের" if _ends_in_consonant(word) else "র"),
        "obj": word + "কে",
    }


def team_forms(name: str) -> dict[str, str]:
    """A team or city name with the case endings of `forms`, as `teams` gives them."""
    return forms(name)


def arena_forms(name: str) -> dict[str, str]:
    """The arena's name and its locative, joined: -য় after a vowel, -এ after a consonant
    ("স্কোশিয়াব্যাংক অ্যারেনা" -> "স্কোশিয়াব্যাংক অ্যারেনায়")."""
    return {"nom": name, "loc": name + ("ে" if _ends_in_consonant(name) else "য\u09bc")}


def player(surname: str) -> dict[str, str]:
    """The surname in Bengali script with its cases: "Varga" -> {"gen": "ভার্গার", ...}."""
    return forms(transliterate(BENGALI, surname, EXCEPTIONS))


def number(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


# The endings of the ordinals in digits, from the Sanskrit words: ১ম (প্রথম), ২য় (দ্বিতীয়),
# ৩য় (তৃতীয়), ৪র্থ (চতুর্থ), ৬ষ্ঠ (ষষ্ঠ), else ম up to ১০ম (দশম) and তম from ১১তম.
_ORDINAL_ENDINGS = {1: "ম", 2: "য\u09bc", 3: "য\u09bc", 4: "র্থ", 6: "ষ্ঠ"}


def ordinal(n: int) -> str:
    """An ordinal in Bengali digits with its ending: 3 -> "৩য়", 6 -> "৬ষ্ঠ", 11 -> "১১তম"."""
    return number(n) + _ORDINAL_ENDINGS.get(n, "ম" if n <= 10 else "তম")


TEAMS = {
    "Raptors": "র‍্যাপ্টর্স",
    "Celtics": "সেল্টিকস",
    "Knicks": "নিকস",
    "Bucks": "বাকস",
    "Lakers": "লেকার্স",
    "Bulls": "বুলস",
}
_CLOCK = "{quarter} কোয়ার্টারের {clock} বাকি থাকতে"

TABLE = LanguageTable(
    code="bn",
    name="Bengali",
    script="Bengali",
    rtl=False,
    teams={team: forms(name) for team, name in TEAMS.items()},
    quarters=("প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ"),
    shots={
        "three": {"made": "তিন পয়েন্টের শটে বাস্কেট করলেন", "noun": "তিন পয়েন্টের শট"},
        "jumper": {"made": "জাম্প শটে বাস্কেট করলেন", "noun": "জাম্প শট"},
        "layup": {"made": "লে-আপে বাস্কেট করলেন", "noun": "লে-আপ"},
        "dunk": {"made": "ডাঙ্ক করলেন", "noun": "ডাঙ্ক"},
        "free_throw": {"made": "ফ্রি থ্রোতে পয়েন্ট পেলেন", "noun": "ফ্রি থ্রো"},
    },
    rebounds={"offensive": "আক্রমণাত্মক রিবাউন্ড", "defensive": "রক্ষণাত্মক রিবাউন্ড"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": _CLOCK + " {player[nom]} {shot[made]}",
        "missed": "{player[nom]} {shot[noun]} মিস করলেন",
        "assist": "{player[gen]} পাস থেকে {other[nom]} {shot[made]}",
        "block": "{player[nom]} {other[gen]} {shot[noun]} ব্লক করলেন",
        "rebound": "{player[nom]} {rebound} নিলেন",
        "steal": "{player[nom]} {other[gen]} কাছ থেকে বল কেড়ে নিলেন",
        "turnover": "{player[nom]} বল হারালেন",
        "foul_personal": "{player[nom]} {other[obj]} ব্যক্তিগত ফাউল করলেন",
        "foul_shooting": "শট নেওয়ার সময় {player[nom]} {other[obj]} ফাউল করলেন",
        "substitution": "{other[gen]} বদলে {player[nom]} কোর্টে নামলেন",
        "timeout": "{team[nom]} টাইম-আউট নিল",
        "lead": "{team[nom]} {a}–{b} ব্যবধানে এগিয়ে",
        "lead_opponent": "{team[nom]} {opponent[gen]} বিপক্ষে {a}–{b} ব্যবধানে এগিয়ে",
        "lead_clock": _CLOCK + " {team[nom]} {a}–{b} ব্যবধানে এগিয়ে",
        "tied": "খেলায় {a}–{a} সমতা",
        "tied_clock": _CLOCK + " খেলায় {a}–{a} সমতা",
        "quarter_start": "{quarter} কোয়ার্টার শুরু হলো",
        "quarter_end": "{quarter} কোয়ার্টার শেষ হলো",
        "win": "{team[nom]} {a}–{b} ব্যবধানে জিতল",
        "and_one": "ফাউলের শিকার হয়েও {player[nom]} বাস্কেট করলেন",
        "alley_oop": "{player[gen]} অ্যালি-উপ পাস শূন্যে ধরে {other[nom]} বাস্কেট করলেন",
        "tip_in": "{player[nom]} টিপ-ইনে বাস্কেট করলেন",
        "putback": "আক্রমণাত্মক রিবাউন্ড নিয়েই {player[nom]} বাস্কেট করলেন",
        "hook": "{player[nom]} হুক শটে বাস্কেট করলেন",
        "floater": "{player[nom]} ফ্লোটারে বাস্কেট করলেন",
        "fadeaway": "{player[nom]} ফেডঅ্যাওয়ে জাম্প শটে বাস্কেট করলেন",
        "pull_up": "{player[nom]} {a} ফুট দূর থেকে পুল-আপ জাম্প শটে বাস্কেট করলেন",
        "deep_three": "{player[nom]} {a} ফুট দূর থেকে তিন পয়েন্টের শটে বাস্কেট করলেন",
        "fast_break": "দ্রুত প্রতি-আক্রমণে {player[nom]} বাস্কেট করলেন",
        "buzzer_beater": "সময় শেষ হওয়ার মুহূর্তে {player[nom]} বাস্কেট করলেন",
        "player_scores_for": "{player[nom]} {team[gen]} হয়ে পয়েন্ট যোগ করলেন",
        "points": "{player[gen]} সংগ্রহে এখন {a} পয়েন্ট",
        "points_rebounds": "{player[gen]} সংগ্রহে {a} পয়েন্ট ও {b} রিবাউন্ড",
        "points_assists": "{player[gen]} সংগ্রহে {a} পয়েন্ট ও {b} অ্যাসিস্ট",
        "shooting": "{player[nom]} ফিল্ড গোলের {b}টি চেষ্টার {a}টিতে সফল",
        "shooting_three": "{player[nom]} তিন পয়েন্টের {b}টি চেষ্টার {a}টিতে সফল",
        "shooting_line": "{player[nom]} {b}টি ফ্রি থ্রোর {a}টিতে সফল",
        "team_percentage": "ফিল্ড গোলে {team[gen]} সাফল্যের হার {a}%",
        "career_high": "{player[nom]} ক্যারিয়ার-সেরা {a} পয়েন্ট পেয়েছেন",
        "straight_points": "{player[nom]} টানা {a} পয়েন্ট পেয়েছেন",
        "record": "{player[nom]} {a} পয়েন্ট করে ফ্র্যাঞ্চাইজির নতুন রেকর্ড গড়লেন",
        "rebounds": "{player[gen]} সংগ্রহে এখন {a} রিবাউন্ড",
        "assists": "{player[gen]} সংগ্রহে এখন {a} অ্যাসিস্ট",
        "blocks": "{player[gen]} সংগ্রহে এখন {a} ব্লক",
        "steals": "{player[gen]} সংগ্রহে এখন {a} স্টিল",
        "threes": "{player[nom]} এখন পর্যন্ত {a}টি তিন পয়েন্টের শটে বাস্কেট করেছেন",
        "team_three_percentage": "তিন পয়েন্টের শটে {team[gen]} সাফল্যের হার {a}%",
        "run": "শেষ কয়েক মিনিটের খেলায় {team[gen]} পক্ষে {a}–{b}",
        "unanswered": "{team[nom]} টানা {a} পয়েন্ট তুলল, জবাব দিতে পারেনি প্রতিপক্ষ",
        "lead_by": "{team[nom]} {a} পয়েন্টে এগিয়ে",
        "trail_by": "{team[nom]} {a} পয়েন্টে পিছিয়ে",
        "cut_lead": "{team[nom]} ব্যবধান কমিয়ে {a} পয়েন্টে নামাল",
        "score_line": "স্কোর: {team[nom]} {a}, {opponent[nom]} {b}",
        "halftime": "বিরতিতে {team[nom]} {a}–{b} ব্যবধানে এগিয়ে",
        "final": "চূড়ান্ত স্কোর: {team[nom]} {a}, {opponent[nom]} {b}",
        "lead_change": "{player[gen]} বাস্কেটে {team[nom]} আবার এগিয়ে গেল",
        "lead_changes": "খেলায় {nth} বারের মতো লিড বদল হলো",
        "overtime": "খেলা গড়াচ্ছে ওভারটাইমে",
        "technical": "{player[gen]} বিরুদ্ধে টেকনিক্যাল ফাউল",
        "technical_bench": "{team[gen]} বেঞ্চের বিরুদ্ধে টেকনিক্যাল ফাউল",
        "flagrant": "{player[nom]} {other[obj]} ফ্ল্যাগ্রান্ট ফাউল করলেন",
        "foul_count": "এটি {player[gen]} {nth} ফাউল",
        "foul": "{player[nom]} ফাউল করলেন",
        "offensive_foul": "{player[nom]} আক্রমণে গিয়ে ফাউল করলেন",
        "fouled_out": "{player[nom]} ফাউলের কোটা পূর্ণ করে খেলা থেকে বিদায় নিলেন",
        "bonus": "{team[nom]} এখন থেকে প্রতিটি ফাউলে ফ্রি থ্রো পাবে",
        "ejected": "{player[obj]} খেলা থেকে বহিষ্কার করা হলো",
        "travel": "{player[gen]} বিরুদ্ধে ট্রাভেলিংয়ের বাঁশি",
        "shot_clock": "{team[nom]} শট ক্লকের সময়ের মধ্যে শট নিতে পারল না",
        "three_seconds": "{player[gen]} বিরুদ্ধে তিন সেকেন্ডের নিয়ম ভাঙার বাঁশি",
        "goaltending": "{player[gen]} বিরুদ্ধে গোলটেন্ডিংয়ের বাঁশি",
        "out_of_bounds": "{player[nom]} বল নিয়ে সীমানার বাইরে চলে গেলেন",
        "backcourt": "{team[gen]} বিরুদ্ধে ব্যাককোর্টের নিয়ম ভাঙার বাঁশি",
        "jump_ball": "{player[nom]} জাম্প বলে {other[obj]} হারালেন",
        "challenge": "{team[nom]} রেফারির সিদ্ধান্ত চ্যালেঞ্জ করল",
        "review": "রেফারিরা ভিডিওতে ঘটনাটি খতিয়ে দেখছেন",
        "call_stands": "রিভিউয়ের পর সিদ্ধান্ত বহাল রইল",
        "overturned": "রিভিউয়ের পর সিদ্ধান্ত পাল্টে গেল",
        "injury": "{player[nom]} চোট পেয়ে কোর্টে পড়ে আছেন",
        "locker_room": "{player[nom]} ড্রেসিংরুমের পথে",
        "returns": "{player[nom]} আবার খেলায় ফিরলেন",
        "checks_in": "{player[nom]} {team[gen]} হয়ে কোর্টে নামলেন",
        "turnover_team": "{player[nom]} বল হারালেন, বল এখন {team[gen]} দখলে",
        "timeout_clock": "{clock} বাকি থাকতে {team[nom]} টাইম-আউট নিল",
        # Lines with three numbers, and the arena.
        "triple_double": "{player[gen]} সংগ্রহে {a} পয়েন্ট, {b} রিবাউন্ড ও {c} অ্যাসিস্ট",
        "points_shooting": "{player[nom]} {c}টি শটের {b}টিতে সফল হয়ে {a} পয়েন্ট পেয়েছেন",
        "lead_score": "{team[nom]} {c} পয়েন্টে এগিয়ে, স্কোর {a}–{b}",
        "trail_score": "{team[nom]} {c} পয়েন্টে পিছিয়ে, স্কোর {b}–{a}",
        "run_score": "{team[nom]} এক ঝোড়ো পর্ব {a}–{b} ব্যবধানে জিতে এখন {c} পয়েন্টে এগিয়ে",
        "arena_lead": "এখানে {arena[loc]} {team[nom]} {a}–{b} ব্যবধানে এগিয়ে",
        "arena_welcome": "{arena[loc]} আপনাদের স্বাগতম",
    },
    settings={
        "clock_left": "{clock} বাকি থাকতে",
        "clock_left_quarter": "{quarter} কোয়ার্টারের {clock} বাকি থাকতে",
        "in_quarter": "{quarter} কোয়ার্টারে",
        "after_quarter": "{quarter} কোয়ার্টার শেষে",
        "at_halftime": "বিরতিতে",
        "at_arena": "এখানে {arena[loc]}",
    },
    player=player,
    number=number,
    ordinal=ordinal,
    arena=arena_forms(ARENA_NAMES["bn"]),
)

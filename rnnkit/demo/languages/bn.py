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
* Ordinals precede the noun and do not change: দ্বিতীয় কোয়ার্টারের.
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


def player(surname: str) -> dict[str, str]:
    """The surname in Bengali script with its cases: "Varga" -> {"gen": "ভার্গার", ...}."""
    return forms(transliterate(BENGALI, surname, EXCEPTIONS))


def number(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


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
    },
    player=player,
    number=number,
)

"""Gujarati (gu), in Gujarati script, as the Gujarati press (Divya Bhaskar, Gujarat
Samachar, Sandesh) writes live commentary.

Grammar the templates follow:

* Subject-object-verb. Unlike Hindi, Gujarati writes its case endings joined to the noun,
  so a name's case is a form of the name (`forms`): the ergative -એ (after a final
  consonant it is the vowel sign ે: હદ્દાદે, ક્રૂગરે; after a vowel the letter એ:
  ટ્રેંબલેએ), the dative-accusative -ને, and the genitive, which agrees with the noun it
  qualifies: -નો masculine (વાર્ગાનો ડંક), -ની feminine (મેંસાની જગ્યાએ, ૫૪–૪૯ની લીડ).
  Teams take the same endings (રેપ્ટર્સે); a team's ergative is in every template a team
  leads (timeout, lead, win), so each of its forms is seen in training whatever is held out.
* A completed action is perfective, with the ergative subject, and the verb agrees with
  the object: શૉટ, ડંક, બૉલ, રિબાઉન્ડ, ફાઉલ are masculine (ફટકાર્યો, બ્લૉક કર્યો, લીધો),
  પોઇન્ટ plural (બે પોઇન્ટ મેળવ્યા), લીડ feminine (લીડ મેળવી છે, the present perfect).
  An intransitive verb agrees with its subject: a failed shot (શૉટ નિષ્ફળ ગયો), a quarter
  (ક્વાર્ટર શરૂ થયો), a player coming on in the honorific plural of the press (કોર્ટ પર
  આવ્યા). Postpositions that are words stay words
  (પાસેથી, સામે, પર); an assist is "the pass received from X" (X પાસેથી મળેલા પાસ પર),
  the participle in its oblique -ā before પર.
* Ordinals are -o adjectives with the oblique -ā before a postposition or a fused case
  ending: બીજો ક્વાર્ટર શરૂ થયો, but બીજા ક્વાર્ટરમાં (`oblique`).
* Numerals: Gujarati digits (૫૪–૪૯, ૩:૪૫), which the Gujarati dailies print in scores,
  times and dates; the ablative -થી joins the score as it joins any word (૫૪–૪૯થી).
* Names: by sound (`_sounds`, `_indic`), with anusvara for a nasal cluster and ટ ડ for
  English t, d; the Gujarati press writes English æ and ɔ with plain ે and ો. Haddad, an
  Arabic name, keeps its dental દ.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._indic import GUJARATI, transliterate

EXCEPTIONS = {"Haddad": "હદ્દાદ"}  # Arabic: dental દ, not the English ડ
DIGITS = "૦૧૨૩૪૫૬૭૮૯"


def _ends_in_consonant(word: str) -> bool:
    """True when the last letter is a consonant carrying its inherent a (ક..હ, ક઼)."""
    last = word[-1] if word[-1] != "઼" else word[-2]
    return "\u0a95" <= last <= "\u0ab9"


def forms(word: str) -> dict[str, str]:
    """A name with the case endings the templates use, joined as Gujarati writes them."""
    ergative = word + ("ે" if _ends_in_consonant(word) else "એ")
    return {
        "nom": word,
        "erg": ergative,
        "acc": word + "ને",
        "gen_m": word + "નો",
        "gen_f": word + "ની",
    }


def team_forms(name: str) -> dict[str, str]:
    """A team or city name with the case endings of `forms`, as `teams` gives them."""
    return forms(name)


def player(surname: str) -> dict[str, str]:
    """The surname in Gujarati script, with its case forms: "Haddad" -> {"erg": "હદ્દાદે", ...}."""
    return forms(transliterate(GUJARATI, surname, EXCEPTIONS))


def number(n: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(n))


def oblique(adjective: str) -> str:
    """An -o adjective before a postposition or case ending takes -ā: "બીજો" -> "બીજા"."""
    return adjective[:-1] + "ા" if adjective.endswith("ો") else adjective


ORDINALS = ("પહેલો", "બીજો", "ત્રીજો", "ચોથો")
TEAMS = {
    "Raptors": "રેપ્ટર્સ",
    "Celtics": "સેલ્ટિક્સ",
    "Knicks": "નિક્સ",
    "Bucks": "બક્સ",
    "Lakers": "લેકર્સ",
    "Bulls": "બુલ્સ",
}

TABLE = LanguageTable(
    code="gu",
    name="Gujarati",
    script="Gujarati",
    rtl=False,
    teams={team: forms(name) for team, name in TEAMS.items()},
    quarters=tuple({"dir": word, "obl": oblique(word)} for word in ORDINALS),
    shots={
        # made: the verb phrase after the ergative subject; noun: the shot itself.
        "three": {"made": "ત્રણ પોઇન્ટનો શૉટ ફટકાર્યો", "noun": "ત્રણ પોઇન્ટનો શૉટ"},
        "jumper": {"made": "જમ્પ શૉટ ફટકાર્યો", "noun": "જમ્પ શૉટ"},
        "layup": {"made": "લે-અપથી બે પોઇન્ટ મેળવ્યા", "noun": "લે-અપ"},
        "dunk": {"made": "ડંક ફટકાર્યો", "noun": "ડંક"},
        "free_throw": {"made": "ફ્રી થ્રો પર એક પોઇન્ટ મેળવ્યો", "noun": "ફ્રી થ્રો"},
    },
    rebounds={"offensive": "આક્રમક રિબાઉન્ડ", "defensive": "રક્ષણાત્મક રિબાઉન્ડ"},
    templates={
        "made": "{player[erg]} {shot[made]}",
        "made_clock": ("{quarter[obl]} ક્વાર્ટરમાં {clock} બાકી રહેતાં {player[erg]} {shot[made]}"),
        "missed": "{player[gen_m]} {shot[noun]} નિષ્ફળ ગયો",
        "assist": "{player[nom]} પાસેથી મળેલા પાસ પર {other[erg]} {shot[made]}",
        "block": "{player[erg]} {other[gen_m]} {shot[noun]} બ્લૉક કર્યો",
        "rebound": "{player[erg]} {rebound} મેળવ્યો",
        "steal": "{player[erg]} {other[nom]} પાસેથી બૉલ છીનવી લીધો",
        "turnover": "{player[erg]} બૉલ ગુમાવ્યો",
        "foul_personal": "{player[erg]} {other[nom]} પર વ્યક્તિગત ફાઉલ કર્યો",
        "foul_shooting": "{player[erg]} શૉટ લઈ રહેલા {other[nom]} પર ફાઉલ કર્યો",
        "substitution": "{other[gen_f]} જગ્યાએ {player[nom]} કોર્ટ પર આવ્યા",
        "timeout": "{team[erg]} ટાઇમ-આઉટ લીધો",
        "lead": "{team[erg]} {a}–{b}ની લીડ મેળવી છે",
        "lead_opponent": "{team[erg]} {opponent[nom]} સામે {a}–{b}ની લીડ મેળવી છે",
        "lead_clock": (
            "{quarter[obl]} ક્વાર્ટરમાં {clock} બાકી રહેતાં {team[erg]} {a}–{b}ની લીડ મેળવી છે"
        ),
        "tied": "મુકાબલો {a}–{a}થી બરાબરી પર છે",
        "tied_clock": ("{quarter[obl]} ક્વાર્ટરમાં {clock} બાકી રહેતાં મુકાબલો {a}–{a}થી બરાબરી પર છે"),
        "quarter_start": "{quarter[dir]} ક્વાર્ટર શરૂ થયો",
        "quarter_end": "{quarter[dir]} ક્વાર્ટર પૂરો થયો",
        "win": "{team[erg]} મુકાબલો {a}–{b}થી જીતી લીધો",
    },
    player=player,
    number=number,
)

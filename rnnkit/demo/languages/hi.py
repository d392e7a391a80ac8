"""Hindi (hi), in Devanagari, as Hindi sports pages write live commentary.

Grammar the templates follow:

* Word order is subject-object-verb, with postpositions written as separate words after the
  noun (रैप्टर्स के ख़िलाफ़, गेंद से). A roster surname does not change before them: the
  oblique -ā -> -e of masculine nouns is not applied to proper names (वार्गा ने, as ओबामा ने),
  so `player` gives one form, the name in Devanagari.
* A completed action is perfective with the ergative ने on the subject, and the verb
  agrees with the object, not the player: every shot noun is masculine (शॉट, ले-अप, डंक,
  फ़्री थ्रो), so लगाया, ब्लॉक किया; गेंद is feminine, so गेंद छीन ली, गेंद गँवा दी.
  Without ने the verb agrees with its subject: the player in the honorific plural that
  the Hindi press uses for sportsmen (कोर्ट पर आए), a missed shot in the masculine
  singular (वार्गा का डंक निशाने से चूक गया).
* A genitive agrees with what it qualifies: का before a masculine direct noun (वर्गा का
  डंक), के before a postposition (तीन अंकों के शॉट पर), की before a feminine one (मेंसा की
  जगह). An assist is "the pass received from X" (X से मिले पास पर): "X के पास" would read
  as "near X".
* A team agrees as the feminine singular टीम it stands for (है, not हैं), and the templates
  choose verbs with ने (टाइम-आउट लिया, मुक़ाबला जीत लिया) so its gender never shows.
* Ordinals and other -ā words take the oblique -e before a postposition: दूसरे क्वार्टर
  में but दूसरा क्वार्टर शुरू हुआ, निशाने से (`oblique`).
* Numerals: Western digits (54–49, 3:45). They are the international form of Indian
  numerals that the Constitution (Article 343) sets for official Hindi, and the Hindi
  press (Dainik Jagran, Navbharat Times, BBC Hindi) prints scores with them.
* Names: by sound, through `_sounds` and `_indic` (English t, d as ट, ड; nasal clusters
  with anusvara); an Arabic name keeps its dental द (हद्दाद).
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._indic import DEVANAGARI, transliterate

# Where the rules would go wrong: Haddad is Arabic, with dental d (द), not English ड.
EXCEPTIONS = {"Haddad": "हद्दाद"}


def player(surname: str) -> str:
    """The surname in Devanagari: "Tremblay" -> "ट्रेंबले"."""
    return transliterate(DEVANAGARI, surname, EXCEPTIONS)


def oblique(adjective: str) -> str:
    """An -ā adjective before a postposition takes -e: "दूसरा" -> "दूसरे"."""
    return adjective[:-1] + "े" if adjective.endswith("ा") else adjective


ORDINALS = ("पहला", "दूसरा", "तीसरा", "चौथा")

TABLE = LanguageTable(
    code="hi",
    name="Hindi",
    script="Devanagari",
    rtl=False,
    teams={
        "Raptors": "रैप्टर्स",
        "Celtics": "सेल्टिक्स",
        "Knicks": "निक्स",
        "Bucks": "बक्स",
        "Lakers": "लेकर्स",
        "Bulls": "बुल्स",
    },
    quarters=tuple({"dir": word, "obl": oblique(word)} for word in ORDINALS),
    shots={
        # made: the verb phrase after "X ने"; noun: the shot, in the direct case.
        "three": {
            "made": "तीन अंकों का शॉट लगाया",
            "noun": "तीन अंकों का शॉट",
        },
        "jumper": {"made": "जंप शॉट लगाया", "noun": "जंप शॉट"},
        "layup": {"made": "ले-अप से अंक बनाए", "noun": "ले-अप"},
        "dunk": {"made": "डंक लगाया", "noun": "डंक"},
        "free_throw": {"made": "फ़्री थ्रो पर अंक लिया", "noun": "फ़्री थ्रो"},
    },
    rebounds={"offensive": "आक्रामक रिबाउंड", "defensive": "रक्षात्मक रिबाउंड"},
    templates={
        "made": "{player} ने {shot[made]}",
        "made_clock": "{quarter[obl]} क्वार्टर में {clock} बाक़ी रहते {player} ने {shot[made]}",
        "missed": "{player} का {shot[noun]} " + oblique("निशाना") + " से चूक गया",
        "assist": "{player} से मिले पास पर {other} ने {shot[made]}",
        "block": "{player} ने {other} का {shot[noun]} ब्लॉक किया",
        "rebound": "{player} ने {rebound} लिया",
        "steal": "{player} ने {other} से गेंद छीन ली",
        "turnover": "{player} ने गेंद गँवा दी",
        "foul_personal": "{player} ने {other} पर व्यक्तिगत फ़ाउल किया",
        "foul_shooting": "{player} ने शॉट ले रहे {other} पर फ़ाउल किया",
        "substitution": "{other} की जगह {player} कोर्ट पर आए",
        "timeout": "{team} ने टाइम-आउट लिया",
        "lead": "{team} {a}–{b} से आगे है",
        "lead_opponent": "{team} {opponent} के ख़िलाफ़ {a}–{b} से आगे है",
        "lead_clock": "{quarter[obl]} क्वार्टर में {clock} बाक़ी रहते {team} {a}–{b} से आगे है",
        "tied": "मुक़ाबला {a}–{a} की बराबरी पर है",
        "tied_clock": ("{quarter[obl]} क्वार्टर में {clock} बाक़ी रहते मुक़ाबला {a}–{a} की बराबरी पर है"),
        "quarter_start": "{quarter[dir]} क्वार्टर शुरू हुआ",
        "quarter_end": "{quarter[dir]} क्वार्टर समाप्त हुआ",
        "win": "{team} ने मुक़ाबला {a}–{b} से जीत लिया",
    },
    player=player,
)

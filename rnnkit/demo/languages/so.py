"""Somali (so), in Latin script, in the style of the Somali sports press (BBC Somali,
Hiiraan, Goobjoog), which reports football far more than basketball: the basketball
words here are descriptive Somali ones (tuuris "throw", dhibic "point", rubuc "quarter"),
not a settled terminology, so this table is the roughest of its batch (see below).

Grammar the templates follow:

* Subject-object-verb, with the focus marker ayaa after the subject of a reported event
  (Tremblay ayaa ... ku guuleystay). Prepositional particles (ku, ka, u) stand before the
  verb they belong to (ka xaday "stole from", ku galay qalad "fouled on").
* The definite article is a suffix that agrees with the noun's gender and assimilates to
  its last sound: -ka/-ga/-a for masculine nouns (tuuriska, rubuca after c), -ta/-da/-sha
  for feminine ones (kubbadda after d, kooxda after x). `definite` applies the rule; the
  lexicon's definite nouns are built with it.
* Verbs agree with the subject in gender: a player is masculine (guuleystay, qabtay,
  xaday); a team is "kooxda X", and koox is feminine, so its verbs are feminine
  (codsatay, hoggaaminaysa, guuleysatay), as the Somali press writes of clubs.
* Possession: the possessed noun comes first, definite, joined by ee (tuuriska ... ee
  Varga).
* A subject that ayaa does not follow takes the subject case, -u on its article
  (ciyaarta -> ciyaartu: Ciyaartu waa barbaro).
* Names: Latin script, kept as they are, like the team names after kooxda.
* Numerals: Western digits, scores "54–49".

Rough: the shot and rebound phrases are descriptions (tuuris boodis ah "a jumping
throw", ridid xoog leh "a forceful slam" for a dunk), checked against Somali grammar but
not against a Somali basketball broadcast, which this batch could not consult.
"""

from __future__ import annotations

from rnnkit.demo.grammar import ROSTERS, LanguageTable


def definite(noun: str, feminine: bool) -> str:
    """Noun + definite article, by gender and the noun's last sound.

    Masculine -ka: -ga after g (buugga), -a after c, h, x, q, where the k is lost
    (rubuca, magaca), -ka elsewhere (tuuriska, ninka). Feminine -ta: -sha after l
    (meesha), -da after d, x, c, h, q, w, y and vowels (kubbadda, kooxda), -ta elsewhere.
    """
    last = noun[-1]
    if feminine:
        if last == "l":
            return noun[:-1] + "sha"
        return noun + ("da" if last in "dxchqwyaeiou" else "ta")
    if last == "g":
        return noun + "ga"
    return noun + ("a" if last in "chxq" else "ka")


_BALL = definite("kubbad", feminine=True)
_THROW = definite("tuuris", feminine=False)
# The templates write kooxda (koox, f) and rubuca (rubuc, m) as `definite` forms them.
_LEFT = "Iyadoo ay {clock} ka harsan tahay rubuca {quarter}, "

TABLE = LanguageTable(
    code="so",
    name="Somali",
    script="Latin",
    rtl=False,
    teams={team: team for team in ROSTERS},
    quarters=("koowaad", "labaad", "saddexaad", "afraad"),
    shots={
        "three": {"a": "tuuris saddex dhibcood ah", "the": f"{_THROW} saddexda dhibcood"},
        "jumper": {"a": "tuuris boodis ah", "the": f"{_THROW} boodiska"},
        "layup": {"a": "tuuris dhow", "the": f"{_THROW} dhow"},
        "dunk": {"a": "ridid xoog leh", "the": "rididda xoogga leh"},
        "free_throw": {"a": "tuuris xor ah"},
    },
    rebounds={
        "offensive": f"{_BALL} soo booday ee weerarka",
        "defensive": f"{_BALL} soo booday ee difaaca",
    },
    templates={
        "made": "{player} ayaa {shot[a]} ku guuleystay",
        "made_clock": _LEFT + "{player} ayaa {shot[a]} ku guuleystay",
        "missed": "{player} ayaa {shot[a]} ku guuldarreystay",
        "assist": "{other} ayaa {shot[a]} ku guuleystay kaddib baas uu ka helay {player}",
        "block": "{player} ayaa celiyay {shot[the]} ee {other}",
        "rebound": "{player} ayaa qabtay {rebound}",
        "steal": "{player} ayaa " + _BALL + " ka xaday {other}",
        "turnover": "{player} ayaa " + _BALL + " lumiyay",
        "foul_personal": "{player} ayaa qalad shakhsi ah ku galay {other}",
        "foul_shooting": "{player} ayaa qalad ku galay {other} xilli uu tuurayay",
        "substitution": "{player} ayaa garoonka soo galay, isagoo bedelaya {other}",
        "timeout": "Kooxda {team} ayaa codsatay waqti nasasho",
        "lead": "Kooxda {team} ayaa hoggaaminaysa {a}–{b}",
        "lead_opponent": "Kooxda {team} ayaa {a}–{b} ka horreysa kooxda {opponent}",
        "lead_clock": _LEFT + "kooxda {team} ayaa hoggaaminaysa {a}–{b}",
        "tied": "Ciyaartu waa barbaro {a}–{a}",
        "tied_clock": _LEFT + "ciyaartu waa barbaro {a}–{a}",
        "quarter_start": "Rubuca {quarter} ayaa bilaabmay",
        "quarter_end": "Rubuca {quarter} ayaa dhammaaday",
        "win": "Kooxda {team} ayaa ku guuleysatay {a}–{b}",
    },
)

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
* The impersonal subject la ("one"), which merges with the particles (la + ku = lagu, la +
  ka = laga, la + u = loo), is the Somali passive: a foul or a sanction called on a player
  (Tremblay ayaa lagu xukumay qalad farsamo "a technical foul was ruled on Tremblay"; waa
  la beddelay "it was changed"; laga saaray "was sent off").
* Circumstance clauses: isagoo (he), iyadoo (she, it, and the impersonal "while") + a
  verb: isagoo dib u dhacaya "falling back", iyadoo aan laga jawaabin "unanswered". A
  relative clause follows its noun with oo (kubbad sare oo uu u tuuray Tremblay "a high
  ball that Tremblay threw"); "a of b" is "{a} ka mid ah {b} tuuris" (a among b throws).
* The basket is dambiil (f): dambiisha, by `definite`'s rule for a final l.
* Names: Latin script, kept as they are, like the team names after kooxda.
* The third round: a margin with the score as a circumstance clause, iyadoo natiijadu
  tahay 54–49 "the result being 54–49", the higher score first whoever the subject, as
  the press gives a result; after a run, the focus construction waxay (waxayna, "and
  she": the team) with the full verb (ku horreysaa). The arena keeps its name as the
  league writes it, after garoonka "the ground" (halkan garoonka ... "here at", Ku soo
  dhawaada garoonka ... "welcome to").
* Numerals: Western digits, scores "54–49", a score line "Natiijada hadda: Raptors 54,
  Celtics 49" (natiijo "result"), a percentage "52%". Ordinals are the digits and -aad,
  the suffix of saddexaad, as the Somali press writes them ("3aad": `ordinal`). The foot
  is cag, counted cagood like dhibic -> dhibcood ("meel 25 cagood u jirta", a place 25
  feet away): rough, as the press gives football distances in metres.

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
_BASKET = definite("dambiil", feminine=True)  # dambiisha, the basket


def ordinal(n: int) -> str:
    """An ordinal in digits as the Somali press writes them: 3 -> "3aad" (saddexaad)."""
    return f"{n}aad"


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
        # Shots and finishes.
        "and_one": "{player} ayaa tuuris ku guuleystay isagoo qalad lagu galay",
        "alley_oop": "{other} ayaa " + _BASKET + " ku riday kubbad sare oo uu u tuuray {player}",
        "tip_in": "{player} ayaa " + _BALL + " " + _BASKET + " ku riixay",
        "putback": (
            "{player} ayaa qabtay " + _BALL + " soo booday ee weerarka, kaddibna dhibco dhaliyay"
        ),
        "hook": "{player} ayaa tuuris jillaab ah ku guuleystay",
        "floater": "{player} ayaa tuuris sare oo jilicsan ku guuleystay",
        "fadeaway": "{player} ayaa tuuris boodis ah ku guuleystay isagoo dib u dhacaya",
        "pull_up": (
            "{player} ayaa istaagay oo tuuris boodis ah ka dhaliyay meel {a} cagood u jirta"
        ),
        "deep_three": (
            "{player} ayaa tuuris saddex dhibcood ah ka dhaliyay meel {a} cagood u jirta"
        ),
        "fast_break": "{player} ayaa dhibco ku dhaliyay weerar degdeg ah",
        "buzzer_beater": "{player} ayaa dhibco dhaliyay ilbiriqsigii ugu dambeeyay",
        "player_scores_for": "{player} ayaa dhibco u dhaliyay kooxda {team}",
        # Stat lines and milestones.
        "points": "{player} ayaa ilaa hadda leh {a} dhibcood",
        "points_rebounds": (
            "{player} ayaa ilaa hadda leh {a} dhibcood iyo {b} kubbadood oo soo booday"
        ),
        "points_assists": "{player} ayaa ilaa hadda leh {a} dhibcood iyo {b} baas oo dhibco keenay",
        "shooting": "{player} ayaa ku guuleystay {a} ka mid ah {b} tuuris",
        "shooting_three": (
            "{player} ayaa ku guuleystay {a} ka mid ah {b} tuuris oo saddex dhibcood ah"
        ),
        "shooting_line": "{player} ayaa ku guuleystay {a} ka mid ah {b} tuuris oo xor ah",
        "team_percentage": "Kooxda {team} ayaa ku guuleysatay {a}% tuurisyadeeda",
        "career_high": "{player} ayaa dhaliyay {a} dhibcood, tirada ugu badan ee xirfaddiisa",
        "straight_points": "{player} ayaa dhaliyay {a} dhibcood oo isku xiga",
        "record": "{player} ayaa rikoor cusub u dhigay kooxda isagoo dhaliyay {a} dhibcood",
        "rebounds": "{player} ayaa ilaa hadda leh {a} kubbadood oo soo booday",
        "assists": "{player} ayaa ilaa hadda leh {a} baas oo dhibco keenay",
        "blocks": "{player} ayaa ilaa hadda celiyay {a} tuuris",
        "steals": "{player} ayaa ilaa hadda xaday {a} kubbadood",
        "threes": "{player} ayaa ilaa hadda dhaliyay {a} tuuris oo saddex dhibcood ah",
        "team_three_percentage": (
            "Kooxda {team} ayaa ku guuleysatay {a}% tuurisyadeeda saddexda dhibcood"
        ),
        # Runs, margins and score lines.
        "run": "Kooxda {team} ayaa daqiiqadihii ugu dambeeyay ku badisay {a}–{b}",
        "unanswered": (
            "Kooxda {team} ayaa dhalisay {a} dhibcood oo isku xiga iyadoo aan laga jawaabin"
        ),
        "lead_by": "Kooxda {team} ayaa {a} dhibcood ku horreysa",
        "trail_by": "Kooxda {team} ayaa {a} dhibcood ku dambeysa",
        "cut_lead": "Kooxda {team} ayaa farqiga u dhintay {a} dhibcood",
        "score_line": "Natiijada hadda: {team} {a}, {opponent} {b}",
        "halftime": "Dhammaadka qeybtii hore, kooxda {team} ayaa hoggaaminaysa {a}–{b}",
        "final": "Natiijada kama dambaysta ah: {team} {a}, {opponent} {b}",
        "lead_change": "{player} ayaa kooxda {team} dib ugu celiyay hoggaanka",
        "lead_changes": "Waa markii {nth} ee ciyaartan hoggaanku is beddelo",
        "overtime": "Ciyaartu waxay u gudubtay waqti dheeri ah",
        # Fouls and ejections.
        "technical": "{player} ayaa lagu xukumay qalad farsamo",
        "technical_bench": "Kursiga kaydka ee kooxda {team} ayaa lagu xukumay qalad farsamo",
        "flagrant": "{player} ayaa qalad khatar ah ku galay {other}",
        "foul_count": "Waa qaladkii {nth} ee {player}",
        "foul": "{player} ayaa qalad galay",
        "offensive_foul": "{player} ayaa qalad galay isagoo weeraraya",
        "fouled_out": "{player} ayaa ciyaarta ka baxay kaddib qaladkiisii lixaad",
        "bonus": "Kooxda {team} ayaa hadda qalad kasta ku helaysa tuuris xor ah",
        "ejected": "{player} ayaa laga saaray ciyaarta",
        # Violations.
        "travel": "{player} ayaa qaaday tallaabooyin xad-dhaaf ah isagoo " + _BALL + " sita",
        "shot_clock": "Waqtiga weerarka ayaa ka dhammaaday kooxda {team}",
        "three_seconds": "{player} ayaa jebiyay xeerka saddexda ilbiriqsi",
        "goaltending": ("{player} ayaa " + _BALL + " taabtay iyadoo ku soo degaysa " + _BASKET),
        "out_of_bounds": "{player} ayaa xariiqda dhaafay isagoo " + _BALL + " haysta",
        "backcourt": (
            "Kooxda {team} ayaa " + _BALL + " si sharci darro ah dib ugu celisay badhkeeda garoonka"
        ),
        # The game around the plays.
        "jump_ball": "{player} ayaa kaga guuleystay {other} kubbadda kor loo tuuray",
        "challenge": "Tababaraha kooxda {team} ayaa codsaday in dib loo eego go'aanka",
        "review": "Garsoorayaasha ayaa dhacdada dib ugu eegaya fiidiyowga",
        "call_stands": "Dib-u-eegista kaddib, go'aanku wuu sii jiraa",
        "overturned": "Dib-u-eegista kaddib, go'aanka waa la beddelay",
        "injury": "{player} ayaa dhaawacmay oo dhulka yaal",
        "locker_room": "{player} ayaa u socda qolka labbiska",
        "returns": "{player} ayaa dib ugu soo laabtay ciyaarta",
        "checks_in": "{player} ayaa garoonka u soo galay kooxda {team}",
        "turnover_team": "{player} ayaa " + _BALL + " lumiyay, waxaana heshay kooxda {team}",
        "timeout_clock": (
            "Iyadoo ay {clock} harsan tahay, kooxda {team} ayaa codsatay waqti nasasho"
        ),
        # Lines with three numbers, and the arena.
        "triple_double": (
            "{player} ayaa ilaa hadda leh {a} dhibcood, {b} kubbadood oo soo booday"
            " iyo {c} baas oo dhibco keenay"
        ),
        "points_shooting": (
            "{player} ayaa ilaa hadda dhaliyay {a} dhibcood, isagoo ku guuleystay"
            " {b} ka mid ah {c} tuuris"
        ),
        "lead_score": (
            "Kooxda {team} ayaa {c} dhibcood ku horreysa, iyadoo natiijadu tahay {a}–{b}"
        ),
        "trail_score": (
            "Kooxda {team} ayaa {c} dhibcood ku dambeysa, iyadoo natiijadu tahay {a}–{b}"
        ),
        "run_score": (
            "Kooxda {team} ayaa {a}–{b} ku badisay daqiiqadihii ugu dambeeyay,"
            " waxayna hadda ku horreysaa {c} dhibcood"
        ),
        "arena_lead": "Halkan garoonka {arena}, kooxda {team} ayaa hoggaaminaysa {a}–{b}",
        "arena_welcome": "Ku soo dhawaada garoonka {arena}",
    },
    settings={
        "clock_left": "Iyadoo ay {clock} harsan tahay",
        "clock_left_quarter": "Iyadoo ay {clock} ka harsan tahay rubuca {quarter}",
        "in_quarter": "Inta lagu jiro rubuca {quarter}",
        "after_quarter": "Dhammaadka rubuca {quarter}",
        "at_halftime": "Dhammaadka qeybtii hore",
        "at_arena": "Halkan garoonka {arena}",
    },
    ordinal=ordinal,
)

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
* A foul is "laid on" a player with the intransitive लगना (X पर तकनीकी फ़ाउल लगा), a
  violation is committed "by" him with the agentive से (X से ... नियम का उल्लंघन हुआ), a
  whistle "against" him with के ख़िलाफ़ (ट्रैवलिंग की सीटी बजी). The dative को marks who
  receives (X को फ़्री थ्रो मिलेंगे, X ने Y को बढ़त दिला दी) and the one a passive acts on
  (X को मुक़ाबले से बाहर कर दिया गया). बढ़त, बेंच, दर, सीटी and बॉल are feminine (बढ़त बदली,
  की बेंच, जंप बॉल जीती); a stat line is "in X's account" (X के खाते में 20 अंक हैं), a
  shooting line "a of b attempts succeeded" (10 प्रयासों में से 4 सफल रहे); a percentage is
  written 52%, an NBA distance in feet (25 फ़ीट की दूरी से), as the Hindi press writes them.
* Ordinals in digits carry the ending of the word (1ला, 3रा, 4था, 6ठा, else 5वाँ) and agree
  as -ā adjectives (`ordinal`): यह ट्रेंबले का 3रा फ़ाउल है, but 3री बार (बार is feminine).
* A score is written from its subject's side, its own points first, as the Hindi press
  writes a side that trails (भारत 1–2 से पीछे): रैप्टर्स 5 अंकों से पीछे है, स्कोर 49–54.
  The arena keeps the league's name, the postposition में after it as a word
  (स्कोशियाबैंक एरेना में आपका स्वागत है).
* Numerals: Western digits (54–49, 3:45). They are the international form of Indian
  numerals that the Constitution (Article 343) sets for official Hindi, and the Hindi
  press (Dainik Jagran, Navbharat Times, BBC Hindi) prints scores with them.
* Names: by sound, through `_sounds` and `_indic` (English t, d as ट, ड; nasal clusters
  with anusvara); an Arabic name keeps its dental द (हद्दाद).
* One player's count: a verb that agrees with the number would need है after 1 and हैं
  after the rest, which a template cannot see, so the count is what the player "has
  already done" with चुकना, which takes no ने and agrees with the player, in the honorific
  plural (अब तक 8 रिबाउंड ले चुके हैं); steals and made threes are counted in बार (3 बार
  गेंद छीन चुके हैं).
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
# The endings of the ordinals written in digits: 1ला, 2रा, 3रा, 4था, 6ठा, else 5वाँ, 21वाँ.
_ORDINAL_ENDINGS = {1: "ला", 2: "रा", 3: "रा", 4: "था", 6: "ठा"}


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in digits with the ending of the word, which agrees like any -ā adjective:
    3 -> {"m": "3रा", "obl": "3रे", "f": "3री"}, 5 -> {"m": "5वाँ", "obl": "5वें", "f": "5वीं"}."""
    ending = _ORDINAL_ENDINGS.get(n)
    if ending is None:
        return {"m": f"{n}वाँ", "obl": f"{n}वें", "f": f"{n}वीं"}
    stem = ending[:-1]
    return {"m": f"{n}{ending}", "obl": f"{n}{stem}े", "f": f"{n}{stem}ी"}


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
        "and_one": "{player} ने फ़ाउल झेलकर भी अंक बनाए",
        "alley_oop": "{player} के एली-ऊप पास पर {other} ने हवा में ही अंक बनाए",
        "tip_in": "{player} ने टिप-इन से अंक बनाए",
        "putback": "{player} ने रिबाउंड लपककर तुरंत अंक बनाए",
        "hook": "{player} ने हुक शॉट लगाया",
        "floater": "{player} ने फ़्लोटर लगाया",
        "fadeaway": "{player} ने फ़ेडअवे जंप शॉट लगाया",
        "pull_up": "{player} ने {a} फ़ीट की दूरी से पुल-अप जंप शॉट लगाया",
        "deep_three": "{player} ने {a} फ़ीट की दूरी से तीन अंकों का शॉट लगाया",
        "fast_break": "{player} ने तेज़ जवाबी हमले में अंक बनाए",
        "buzzer_beater": "बज़र बजने के साथ ही {player} ने अंक बनाए",
        "player_scores_for": "{player} ने {team} के लिए अंक बनाए",
        "points": "{player} के खाते में अब {a} अंक हैं",
        "points_rebounds": "{player} के खाते में {a} अंक और {b} रिबाउंड हैं",
        "points_assists": "{player} के खाते में {a} अंक और {b} असिस्ट हैं",
        "shooting": "{player} के फ़ील्ड से {b} प्रयासों में से {a} सफल रहे",
        "shooting_three": "{player} के तीन अंकों वाले {b} प्रयासों में से {a} सफल रहे",
        "shooting_line": "{player} के {b} फ़्री थ्रो में से {a} सफल रहे",
        "team_percentage": "{team} की फ़ील्ड गोल सफलता दर {a}% है",
        "career_high": "{player} ने करियर के सर्वाधिक {a} अंक बना लिए हैं",
        "straight_points": "{player} ने लगातार {a} अंक बनाए हैं",
        "record": "{player} ने {a} अंकों के साथ फ़्रेंचाइज़ी का नया रिकॉर्ड बनाया",
        "rebounds": "{player} अब तक {a} रिबाउंड ले चुके हैं",
        "assists": "{player} अब तक {a} असिस्ट दे चुके हैं",
        "blocks": "{player} अब तक {a} शॉट ब्लॉक कर चुके हैं",
        "steals": "{player} अब तक {a} बार गेंद छीन चुके हैं",
        "threes": "{player} अब तक {a} बार तीन अंकों का शॉट लगा चुके हैं",
        "team_three_percentage": "{team} की तीन अंकों वाले शॉट की सफलता दर {a}% है",
        "run": "पिछले कुछ मिनटों में {team} ने {a}–{b} का दौर अपने नाम किया",
        "unanswered": "{team} ने बिना किसी जवाब के लगातार {a} अंक बनाए हैं",
        "lead_by": "{team} {a} अंकों से आगे है",
        "trail_by": "{team} {a} अंकों से पीछे है",
        "cut_lead": "{team} ने अंतर घटाकर {a} अंक कर दिया",
        "score_line": "स्कोर: {team} {a}, {opponent} {b}",
        "halftime": "मध्यांतर तक {team} {a}–{b} से आगे है",
        "final": "अंतिम स्कोर: {team} {a}, {opponent} {b}",
        "lead_change": "{player} ने {team} को फिर से बढ़त दिला दी",
        "lead_changes": "मुक़ाबले में {nth[f]} बार बढ़त बदली",
        "overtime": "मुक़ाबला अब ओवरटाइम में जाएगा",
        "technical": "{player} पर तकनीकी फ़ाउल लगा",
        "technical_bench": "{team} की बेंच पर तकनीकी फ़ाउल लगा",
        "flagrant": "{player} ने {other} पर फ़्लैग्रेंट फ़ाउल किया",
        "foul_count": "यह {player} का {nth[m]} फ़ाउल है",
        "foul": "{player} ने फ़ाउल किया",
        "offensive_foul": "{player} ने हमले के दौरान फ़ाउल किया",
        "fouled_out": "{player} फ़ाउल की सीमा पूरी होने पर मुक़ाबले से बाहर हो गए",
        "bonus": "{team} को अब हर फ़ाउल पर फ़्री थ्रो मिलेंगे",
        "ejected": "{player} को मुक़ाबले से बाहर कर दिया गया",
        "travel": "{player} के ख़िलाफ़ ट्रैवलिंग की सीटी बजी",
        "shot_clock": "{team} से शॉट-क्लॉक नियम का उल्लंघन हुआ",
        "three_seconds": "{player} से तीन सेकंड के नियम का उल्लंघन हुआ",
        "goaltending": "{player} के ख़िलाफ़ गोलटेंडिंग की सीटी बजी",
        "out_of_bounds": "{player} गेंद लेकर सीमा-रेखा के बाहर चले गए",
        "backcourt": "{team} से बैककोर्ट नियम का उल्लंघन हुआ",
        "jump_ball": "{player} ने {other} के ख़िलाफ़ जंप बॉल जीती",
        "challenge": "{team} ने रेफ़री के फ़ैसले को चुनौती दी",
        "review": "रेफ़री वीडियो रीप्ले देख रहे हैं",
        "call_stands": "रीप्ले देखने के बाद फ़ैसला बरक़रार रहा",
        "overturned": "रीप्ले देखने के बाद फ़ैसला पलट दिया गया",
        "injury": "{player} चोटिल होकर कोर्ट पर गिर पड़े",
        "locker_room": "{player} लॉकर रूम की ओर चले गए",
        "returns": "{player} मुक़ाबले में लौट आए",
        "checks_in": "{player} {team} की ओर से कोर्ट पर उतरे",
        "turnover_team": "{player} ने गेंद गँवाई, अब क़ब्ज़ा {team} का",
        "timeout_clock": "{clock} बाक़ी रहते {team} ने टाइम-आउट लिया",
        # Lines with three numbers, and the arena.
        "triple_double": "{player} के खाते में {a} अंक, {b} रिबाउंड और {c} असिस्ट हैं",
        "points_shooting": "{player} ने {c} प्रयासों में से {b} शॉट लगाकर {a} अंक बनाए हैं",
        "lead_score": "{team} {c} अंकों से आगे है, स्कोर {a}–{b}",
        "trail_score": "{team} {c} अंकों से पीछे है, स्कोर {b}–{a}",
        "run_score": "{team} ने {a}–{b} का दौर अपने नाम कर {c} अंकों की बढ़त बना ली है",
        "arena_lead": "यहाँ {arena} में {team} {a}–{b} से आगे है",
        "arena_welcome": "{arena} में आपका स्वागत है",
    },
    settings={
        "clock_left": "{clock} बाक़ी रहते",
        "clock_left_quarter": "{quarter[obl]} क्वार्टर में {clock} बाक़ी रहते",
        "in_quarter": "{quarter[obl]} क्वार्टर में",
        "after_quarter": "{quarter[obl]} क्वार्टर के बाद",
        "at_halftime": "मध्यांतर तक",
        "at_arena": "यहाँ {arena} में",
    },
    player=player,
    ordinal=ordinal,
)

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
* Ordinals in digits carry the ending of the word and agree as -o adjectives (`ordinal`):
  ૧લો, ૨જો, ૩જો, ૪થો, ૬ઠ્ઠો, else ૫મો, ૨૧મો; આ ટ્રેંબલેનો ૩જો ફાઉલ છે, but ૩જી વખત (વખત
  is feminine, like લીડ: લીડ બદલાઈ).
* A foul "strikes" a player with the intransitive લાગવું and the postposition પર
  (ટ્રેંબલે પર ટેક્નિકલ ફાઉલ લાગ્યો), a violation is "by" him with દ્વારા (દ્વારા ...
  નિયમનો ભંગ થયો), a whistle "against" him with સામે; the dative -ને marks who receives
  (રેપ્ટર્સને ફ્રી થ્રો મળશે, ... રેપ્ટર્સને લીડ અપાવી) and the one a passive acts on
  (ટ્રેંબલેને બહાર કરી દેવાયા, honorific plural). A stat line is ergative in the present
  perfect (ટ્રેંબલેએ ૨૦ પોઇન્ટ નોંધાવ્યા છે), a shooting line "success in a of b attempts"
  (૧૦ પ્રયાસમાંથી ૪માં સફળતા મેળવી; સફળતા is feminine), with the ablative -માંથી joined to
  the number; a percentage is ૫૨%, an NBA distance in feet (૨૫ ફૂટ દૂરથી).
* A score is written from its subject's side, its own points first, as the press writes
  a side that trails (ભારત ૧–૨થી પાછળ): રેપ્ટર્સ ૫ પોઇન્ટથી પાછળ છે, સ્કોર ૪૯–૫૪. The
  arena takes the locative -માં joined to its last word, as any noun (the TABLE's
  `arena`): સ્કોશિયાબેંક એરેનામાં આપનું સ્વાગત છે.
* Numerals: Gujarati digits (૫૪–૪૯, ૩:૪૫), which the Gujarati dailies print in scores,
  times and dates; the ablative -થી joins the score as it joins any word (૫૪–૪૯થી).
* Names: by sound (`_sounds`, `_indic`), with anusvara for a nasal cluster and ટ ડ for
  English t, d; the Gujarati press writes English æ and ɔ with plain ે and ો. Haddad, an
  Arabic name, keeps its dental દ.
* One player's count: the ergative perfect would agree with the count (૧ રિબાઉન્ડ
  નોંધાવ્યો, ૨ રિબાઉન્ડ નોંધાવ્યા), which a template cannot see, so the count is what the
  player "has already done" with ચૂકવું, in the nominative and agreeing with him in the
  honorific plural (અત્યાર સુધી ૮ રિબાઉન્ડ લઈ ચૂક્યા છે); steals and made threes are
  counted in વખત.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._indic import GUJARATI, transliterate
from rnnkit.demo.league import ARENA_NAMES

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
# The stems of the ordinals in digits, from the words: ૧લો, ૨જો, ૩જો, ૪થો, ૬ઠ્ઠો, else ૫મો.
_ORDINAL_STEMS = {1: "લ", 2: "જ", 3: "જ", 4: "થ", 6: "ઠ્ઠ"}


def ordinal(n: int) -> dict[str, str]:
    """An ordinal in Gujarati digits, with the endings of an -o adjective: masculine,
    feminine, neuter and oblique: 3 -> {"m": "૩જો", "f": "૩જી", "n": "૩જું", "obl": "૩જા"}."""
    stem = number(n) + _ORDINAL_STEMS.get(n, "મ")
    return {"m": stem + "ો", "f": stem + "ી", "n": stem + "ું", "obl": stem + "ા"}


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
        "and_one": "ફાઉલ થવા છતાં {player[erg]} પોઇન્ટ મેળવ્યા",
        "alley_oop": "{player[nom]} પાસેથી મળેલા એલી-ઊપ પાસ પર {other[erg]} હવામાં જ પોઇન્ટ મેળવ્યા",
        "tip_in": "{player[erg]} ટિપ-ઇનથી પોઇન્ટ મેળવ્યા",
        "putback": "{player[erg]} રિબાઉન્ડ પકડીને તરત પોઇન્ટ મેળવ્યા",
        "hook": "{player[erg]} હૂક શૉટ ફટકાર્યો",
        "floater": "{player[erg]} ફ્લોટર ફટકાર્યો",
        "fadeaway": "{player[erg]} ફેડઅવે જમ્પ શૉટ ફટકાર્યો",
        "pull_up": "{player[erg]} {a} ફૂટ દૂરથી પુલ-અપ જમ્પ શૉટ ફટકાર્યો",
        "deep_three": "{player[erg]} {a} ફૂટ દૂરથી ત્રણ પોઇન્ટનો શૉટ ફટકાર્યો",
        "fast_break": "{player[erg]} ઝડપી વળતા હુમલામાં પોઇન્ટ મેળવ્યા",
        "buzzer_beater": "બઝર વાગતાં જ {player[erg]} પોઇન્ટ મેળવ્યા",
        "player_scores_for": "{player[erg]} {team[nom]} માટે પોઇન્ટ મેળવ્યા",
        "points": "{player[erg]} અત્યાર સુધી {a} પોઇન્ટ નોંધાવ્યા છે",
        "points_rebounds": "{player[erg]} અત્યાર સુધી {a} પોઇન્ટ અને {b} રિબાઉન્ડ નોંધાવ્યા છે",
        "points_assists": "{player[erg]} અત્યાર સુધી {a} પોઇન્ટ અને {b} આસિસ્ટ નોંધાવ્યા છે",
        "shooting": "{player[erg]} ફીલ્ડ ગોલના {b} પ્રયાસમાંથી {a}માં સફળતા મેળવી",
        "shooting_three": "{player[erg]} ત્રણ પોઇન્ટના {b} પ્રયાસમાંથી {a}માં સફળતા મેળવી",
        "shooting_line": "{player[erg]} {b} ફ્રી થ્રોમાંથી {a}માં સફળતા મેળવી",
        "team_percentage": "ફીલ્ડ ગોલમાં {team[gen_f]} સફળતાનો દર {a}% છે",
        "career_high": "{player[erg]} કારકિર્દીના સર્વોચ્ચ {a} પોઇન્ટ નોંધાવ્યા છે",
        "straight_points": "{player[erg]} સતત {a} પોઇન્ટ મેળવ્યા છે",
        "record": "{player[erg]} {a} પોઇન્ટ સાથે ફ્રેન્ચાઇઝીનો નવો રેકોર્ડ બનાવ્યો",
        "rebounds": "{player[nom]} અત્યાર સુધી {a} રિબાઉન્ડ લઈ ચૂક્યા છે",
        "assists": "{player[nom]} અત્યાર સુધી {a} આસિસ્ટ આપી ચૂક્યા છે",
        "blocks": "{player[nom]} અત્યાર સુધી {a} શૉટ બ્લૉક કરી ચૂક્યા છે",
        "steals": "{player[nom]} અત્યાર સુધી {a} વખત બૉલ છીનવી ચૂક્યા છે",
        "threes": "{player[nom]} અત્યાર સુધી {a} વખત ત્રણ પોઇન્ટનો શૉટ ફટકારી ચૂક્યા છે",
        "team_three_percentage": "ત્રણ પોઇન્ટના શૉટમાં {team[gen_f]} સફળતાનો દર {a}% છે",
        "run": "છેલ્લી કેટલીક મિનિટોમાં {team[erg]} {a}–{b}નો દોર પોતાના નામે કર્યો",
        "unanswered": "{team[erg]} એક પણ પોઇન્ટ આપ્યા વિના સતત {a} પોઇન્ટ મેળવ્યા છે",
        "lead_by": "{team[nom]} {a} પોઇન્ટથી આગળ છે",
        "trail_by": "{team[nom]} {a} પોઇન્ટથી પાછળ છે",
        "cut_lead": "{team[erg]} અંતર ઘટાડીને {a} પોઇન્ટ કર્યું",
        "score_line": "સ્કોર: {team[nom]} {a}, {opponent[nom]} {b}",
        "halftime": "હાફ ટાઇમ સુધી {team[nom]} {a}–{b}થી આગળ છે",
        "final": "અંતિમ સ્કોર: {team[nom]} {a}, {opponent[nom]} {b}",
        "lead_change": "{player[erg]} {team[acc]} ફરી લીડ અપાવી",
        "lead_changes": "મુકાબલામાં {nth[f]} વખત લીડ બદલાઈ",
        "overtime": "મુકાબલો હવે ઓવરટાઇમમાં જશે",
        "technical": "{player[nom]} પર ટેક્નિકલ ફાઉલ લાગ્યો",
        "technical_bench": "{team[gen_f]} બેન્ચ પર ટેક્નિકલ ફાઉલ લાગ્યો",
        "flagrant": "{player[erg]} {other[nom]} પર ફ્લેગ્રન્ટ ફાઉલ કર્યો",
        "foul_count": "આ {player[gen_m]} {nth[m]} ફાઉલ છે",
        "foul": "{player[erg]} ફાઉલ કર્યો",
        "offensive_foul": "{player[erg]} આક્રમણ દરમિયાન ફાઉલ કર્યો",
        "fouled_out": "ફાઉલની મર્યાદા પૂરી થતાં {player[nom]} મુકાબલામાંથી બહાર થયા",
        "bonus": "{team[acc]} હવે દરેક ફાઉલ પર ફ્રી થ્રો મળશે",
        "ejected": "{player[acc]} મુકાબલામાંથી બહાર કરી દેવાયા",
        "travel": "{player[nom]} સામે ટ્રાવેલિંગની સીટી વાગી",
        "shot_clock": "{team[nom]} દ્વારા શૉટ-ક્લૉક નિયમનો ભંગ થયો",
        "three_seconds": "{player[nom]} દ્વારા ત્રણ સેકન્ડના નિયમનો ભંગ થયો",
        "goaltending": "{player[nom]} સામે ગોલટેન્ડિંગની સીટી વાગી",
        "out_of_bounds": "{player[nom]} બૉલ સાથે સીમારેખાની બહાર ચાલ્યા ગયા",
        "backcourt": "{team[nom]} દ્વારા બેકકોર્ટ નિયમનો ભંગ થયો",
        "jump_ball": "{player[erg]} {other[nom]} સામે જમ્પ બૉલ જીત્યો",
        "challenge": "{team[erg]} રેફરીના નિર્ણયને પડકાર્યો",
        "review": "રેફરી વીડિયો રિપ્લે જોઈ રહ્યા છે",
        "call_stands": "રિપ્લે જોયા બાદ નિર્ણય યથાવત રહ્યો",
        "overturned": "રિપ્લે જોયા બાદ નિર્ણય ઉલટાવી દેવાયો",
        "injury": "{player[nom]} ઈજાને કારણે કોર્ટ પર ઢળી પડ્યા",
        "locker_room": "{player[nom]} લૉકર રૂમ તરફ ગયા",
        "returns": "{player[nom]} મુકાબલામાં પાછા ફર્યા",
        "checks_in": "{player[nom]} {team[nom]} તરફથી કોર્ટ પર ઊતર્યા",
        "turnover_team": "{player[erg]} બૉલ ગુમાવ્યો, હવે બૉલ {team[nom]} પાસે",
        "timeout_clock": "{clock} બાકી રહેતાં {team[erg]} ટાઇમ-આઉટ લીધો",
        # Lines with three numbers, and the arena.
        "triple_double": ("{player[erg]} અત્યાર સુધી {a} પોઇન્ટ, {b} રિબાઉન્ડ અને {c} આસિસ્ટ નોંધાવ્યા છે"),
        "points_shooting": "{player[erg]} {c} પ્રયાસમાંથી {b} શૉટ ફટકારીને {a} પોઇન્ટ નોંધાવ્યા છે",
        "lead_score": "{team[nom]} {c} પોઇન્ટથી આગળ છે, સ્કોર {a}–{b}",
        "trail_score": "{team[nom]} {c} પોઇન્ટથી પાછળ છે, સ્કોર {b}–{a}",
        "run_score": "{team[erg]} {a}–{b}નો દોર પોતાના નામે કરીને {c} પોઇન્ટની લીડ મેળવી છે",
        "arena_lead": "અહીં {arena[loc]} {team[nom]} {a}–{b}થી આગળ છે",
        "arena_welcome": "{arena[loc]} આપનું સ્વાગત છે",
    },
    settings={
        "clock_left": "{clock} બાકી રહેતાં",
        "clock_left_quarter": "{quarter[obl]} ક્વાર્ટરમાં {clock} બાકી રહેતાં",
        "in_quarter": "{quarter[obl]} ક્વાર્ટરમાં",
        "after_quarter": "{quarter[obl]} ક્વાર્ટર પછી",
        "at_halftime": "હાફ ટાઇમ સુધી",
        "at_arena": "અહીં {arena[loc]}",
    },
    player=player,
    number=number,
    ordinal=ordinal,
    arena={"nom": ARENA_NAMES["gu"], "loc": ARENA_NAMES["gu"] + "માં"},
)

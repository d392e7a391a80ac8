"""Tamil (ta), in Tamil script, as the Tamil sports press (Dinamani, Dinamalar, BBC Tamil)
writes live commentary.

Grammar the templates follow:

* Subject-object-verb; case suffixes join the noun (`forms`): accusative -ஐ, genitive
  -இன், dative -உக்கு/-க்கு, locative -இல், and for taking something from a person the
  ablative -இடமிருந்து. How they join is the rule of the noun's last sound:
  - after a consonant (the word ends in ்) the suffix's vowel replaces the pulli
    (பெட்ரோவ் -> பெட்ரோவை); a single hard consonant after a vowel doubles first, as in
    every loanword (ஷாட் -> ஷாட்டை, டேல்போட் -> டேல்போட்டை);
  - after a vowel a glide comes between: ய் after இ, ஈ, ஐ and வ் after the others
    (Nannūl's rule of உடம்படுமெய், which allows either after ஏ; the press writes வ்
    after a final ே of a foreign name: டிரெம்ப்ளேவை); the dative is -க்கு after இ, ஈ, ஐ
    (ரினால்டிக்கு) and -வுக்கு after the rest (வார்காவுக்கு).
  The same function declines the shot and rebound nouns (லே-அப்பை, ஃப்ரீ த்ரோவை).
* Sandhi (வல்லின மிகுதல்): after an accusative -ஐ, a dative -க்கு or an adverb in -ஆக,
  a following க ச த ப doubles (ஷாட்டைத் தவறவிட்டார், பந்தைப் பறித்தார், எதிராகத்
  தனிப்பட்ட, மென்ஸாவுக்குப் பதிலாக); the templates write it where their words meet.
* Verbs agree with the subject: a player takes the honorific third person -ஆர் (அடித்தார்,
  தடுத்தார், களமிறங்கினார்), as the press writes of sportsmen; a team is "X அணி" and
  takes the neuter singular (வகிக்கிறது, வெற்றி பெற்றது).
* Postpositions and cases of the second round: "for a team" is the dative with -ஆக (X
  அணிக்காக); "against" is the dative with எதிராக (எதிராகக் கோல்டெண்டிங்); "defying" (மீறி)
  and "protesting" (எதிர்த்து) take the accusative (ஃபவுலையும் மீறி, முடிவை எதிர்த்து);
  "in the hands of" (வசம்) takes the bare noun (X அணி வசம்); "with" is the comitative
  -உடன் (புள்ளிகளுடன், ஆறாவது ஃபவுலுடன்). A foul called on a player is a passive with the
  player in the dative (டிரெம்ப்ளேவுக்கு டெக்னிக்கல் ஃபவுல் வழங்கப்பட்டது). Two counts
  are joined by -உம் ... -உம் (புள்ளிகளும் ... ரீபவுண்டுகளும்), and "a of b" is the
  locative of the whole: "{b} ஷாட்களில் {a}" (of the b shots, a).
* The third round: three counts are joined by -உம் like two; "a points on b of c" is "of
  the c shots, having put b in the basket, he has a points". A trailing team's score
  comes first, as the press writes a loss ("{b}–{a} என்ற கணக்கில் ... பின்தங்கியுள்ளது").
  The arena (the league's ஸ்கோஷியாபேங்க் அரீனா) declines like any noun (`forms`, the
  TABLE's `arena`): the locative "at" (அரீனாவில்) and the dative of the welcome
  (அரீனாவுக்கு உங்களை அன்புடன் வரவேற்கிறோம்).
* Numerals: Western digits (54–49, 3:45). Tamil numerals (௧, ௨ ...) are no longer used
  for counting; scores read "54–49 என்ற கணக்கில்", a lead "12 புள்ளிகள் வித்தியாசத்தில்",
  a percentage "52%", a distance in feet அடி ("25 அடி தூரத்திலிருந்து", as the press
  gives NBA distances). Ordinals are the digits with -ஆவது after a hyphen, as Dinamani
  writes them ("3-ஆவது ஃபவுல்" for மூன்றாவது): `ordinal`.
* Basketball words are the English ones in Tamil letters where the press uses them (ஷாட்,
  ஃபவுல், ரீபவுண்ட், டெக்னிக்கல் ஃபவுல், கோல்டெண்டிங், ஜம்ப் பால்), and Tamil where it has
  its own (கால்பகுதி quarter, விதிமீறல் violation, கூடுதல் நேரம் overtime, ஓய்வறை the
  locker room, நடுவர் referee).
* Names, by sound from `_sounds`: Tamil script has one letter for p/b, t/d, k/g, so
  voicing is not written; English t, d are the retroflex ட; n is ந at the start, ண before
  ட, ங before க, ன elsewhere; f is ஃப. A word-initial cluster gets the vowel the press
  inserts (டிரெம்ப்ளே, கிரூகர், குவின்லன்), except s + consonant (ஸ்ட-); a single p, t, k
  between vowels doubles, as Tamil spells English loans (விட்டெக்கர், எஸ்போஸிட்டோ); l
  after a stop is ள, as in கிளின்டன் (டிரெம்ப்ளே, எக்ளுண்ட்), ல elsewhere; two
  vowels meeting take a glide (டெலாக்ரோவா); a final i is short (ரினால்டி) and a final
  consonant keeps its pulli.
* One player's count is said in முறை ("times"), which does not change with the number, so
  no counted noun needs its plural -கள் after 1: இதுவரை 3 முறை பந்தைப் பறித்துள்ளார்.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._sounds import VOWELS, phonemes
from rnnkit.demo.league import ARENA_NAMES

PULLI = "்"
_LETTER = {
    "p": "ப",
    "b": "ப",
    "t": "ட",
    "d": "ட",
    "th": "த",
    "dh": "த",
    "k": "க",
    "g": "க",
    "ch": "ச",
    "j": "ஜ",
    "s": "ஸ",
    "z": "ஸ",
    "sh": "ஷ",
    "zh": "ஷ",
    "f": "ஃப",
    "v": "வ",
    "w": "வ",
    "hw": "வ",
    "m": "ம",
    "l": "ல",
    "r": "ர",
    "h": "ஹ",
    "y": "ய",
}
_VOWEL = {
    "a": "அ",
    "aa": "ஆ",
    "ae": "ஏ",
    "e": "எ",
    "ei": "ஏ",
    "i": "இ",
    "ii": "ஈ",
    "o": "ஓ",
    "aw": "ஆ",
    "u": "உ",
    "uu": "ஊ",
    "uh": "அ",
    "@": "அ",
}
_SIGN = {
    "a": "",
    "aa": "ா",
    "ae": "ே",
    "e": "ெ",
    "ei": "ே",
    "i": "ி",
    "ii": "ீ",
    "o": "ோ",
    "aw": "ா",
    "u": "ு",
    "uu": "ூ",
    "uh": "",
    "@": "",
}
_FRONT = frozenset({"i", "ii", "e", "ei", "ae"})
_VOICELESS = frozenset({"p", "t", "k"})
_STOPS = frozenset({"p", "b", "t", "d", "k", "g", "f"})

# Where the rules would go wrong: Haddad is Arabic (dental த, as Tamil writes Arabic
# names); Ndiaye's initial nasal cluster takes the prothetic எ the press writes (என்டி-).
EXCEPTIONS = {"Haddad": "ஹத்தாத்", "Ndiaye": "என்டியாய்"}


def _n(tokens: list[str], k: int) -> str:
    if k == 0:
        return "ந"
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return {"t": "ண", "d": "ண", "k": "ங", "g": "ங", "th": "ந", "dh": "ந"}.get(nxt, "ன")


def _spell(tokens: list[str]) -> list[str]:
    """Insert the vowels and glides Tamil needs, and double intervocalic p, t, k."""
    out: list[str] = []
    for k, token in enumerate(tokens):
        prev = out[-1] if out else None
        if token in VOWELS and prev in VOWELS:
            out.append("y" if prev in _FRONT else "w")  # a glide between two vowels
        out.append(token)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if k == 0 and token not in VOWELS and nxt is not None and nxt not in VOWELS:
            if token not in ("s", "sh"):
                out.append("u" if nxt == "w" else "i")  # டிரெம்ப்ளே, குவின்லன்
        if token in _VOICELESS and prev in VOWELS and nxt in VOWELS:
            out.insert(len(out) - 1, token)  # விட்டெக்கர்
    return out


def write(tokens: list[str]) -> str:
    """Phoneme tokens in Tamil script."""
    tokens = _spell(tokens)
    if tokens[-1] == "ii":
        tokens[-1] = "i"  # a final i is written short: ரினால்டி, as மெஸ்ஸி
    out: list[str] = []
    for k, token in enumerate(tokens):
        if token in VOWELS:
            if k == 0 or tokens[k - 1] in VOWELS:
                out.append(_VOWEL[token])
            continue
        letter = _n(tokens, k) if token == "n" else _LETTER[token]
        if token == "l" and k > 0 and tokens[k - 1] in _STOPS:
            letter = "ள"  # l after a stop is ள, as in கிளின்டன், டிரெம்ப்ளே
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        out.append(letter + (_SIGN[nxt] if nxt in VOWELS else PULLI))
    return "".join(out)


def _stem(word: str) -> str:
    """A consonant-final word ready for a vowel suffix: the pulli dropped, a single hard
    consonant after a vowel doubled (ஷாட் -> ஷாட்ட)."""
    base = word[:-1]
    hard = base[-1] in "கசடதபறஸ"
    single = len(base) < 2 or base[-2] != PULLI
    return base + PULLI + base[-1] if hard and single else base


def forms(word: str) -> dict[str, str]:
    """A noun with the case suffixes the templates use, joined by Tamil's rules."""
    if word.endswith(PULLI):
        stem = _stem(word)
        return {
            "nom": word,
            "acc": stem + "ை",
            "gen": stem + "ின்",
            "dat": stem + "ுக்கு",
            "abl": stem + "ிடமிருந்து",
            "loc": stem + "ில்",
        }
    if word[-1] in "ிீை" or word[-1] in "இஈஐ":
        return {
            "nom": word,
            "acc": word + "யை",
            "gen": word + "யின்",
            "dat": word + "க்கு",
            "abl": word + "யிடமிருந்து",
            "loc": word + "யில்",
        }
    return {
        "nom": word,
        "acc": word + "வை",
        "gen": word + "வின்",
        "dat": word + "வுக்கு",
        "abl": word + "விடமிருந்து",
        "loc": word + "வில்",
    }


def transliterate(surname: str) -> str:
    """A roster surname in Tamil script: "Whitaker" -> "விட்டெக்கர்"."""
    return EXCEPTIONS.get(surname) or write(phonemes(surname))


def player(surname: str) -> dict[str, str]:
    """The surname in Tamil with its cases: "Petrov" -> {"acc": "பெட்ரோவை", ...}."""
    return forms(transliterate(surname))


def ordinal(n: int) -> str:
    """An ordinal in digits as Dinamani writes it: 3 -> "3-ஆவது" (மூன்றாவது)."""
    return f"{n}-ஆவது"


def _case(phrase: str, case: str) -> str:
    """A noun phrase in `case`: the suffix goes on its last word."""
    *head, last = phrase.split(" ")
    return " ".join([*head, forms(last)[case]])


_LEFT = "{quarter} கால்பகுதியில் {clock} நேரம் மீதமிருக்கையில்"
_SHOTS = {
    "three": "மூன்று புள்ளி ஷாட்",
    "jumper": "ஜம்ப் ஷாட்",
    "layup": "லே-அப்",
    "dunk": "டங்க்",
    "free_throw": "ஃப்ரீ த்ரோ",
}
# A made shot: "hit the shot successfully", but a dunk is done (டங்க் செய்தார்), and a
# layup or free throw earns points (லே-அப் மூலம், ஃப்ரீ த்ரோவில்).
_MADE = {
    "three": _case(_SHOTS["three"], "acc") + " வெற்றிகரமாக அடித்தார்",
    "jumper": _case(_SHOTS["jumper"], "acc") + " வெற்றிகரமாக அடித்தார்",
    "layup": _SHOTS["layup"] + " மூலம் புள்ளிகள் பெற்றார்",
    "dunk": _SHOTS["dunk"] + " செய்தார்",
    "free_throw": _case(_SHOTS["free_throw"], "loc") + " புள்ளி பெற்றார்",
}
_REBOUNDS = {"offensive": "தாக்குதல் ரீபவுண்ட்", "defensive": "தற்காப்பு ரீபவுண்ட்"}

TABLE = LanguageTable(
    code="ta",
    name="Tamil",
    script="Tamil",
    rtl=False,
    teams={
        "Raptors": "ராப்டர்ஸ்",
        "Celtics": "செல்டிக்ஸ்",
        "Knicks": "நிக்ஸ்",
        "Bucks": "பக்ஸ்",
        "Lakers": "லேக்கர்ஸ்",
        "Bulls": "புல்ஸ்",
    },
    quarters=("முதல்", "இரண்டாவது", "மூன்றாவது", "நான்காவது"),
    shots={
        shot: {"noun": noun, "acc": _case(noun, "acc"), "made": _MADE[shot]}
        for shot, noun in _SHOTS.items()
    },
    rebounds={kind: {"acc": _case(noun, "acc")} for kind, noun in _REBOUNDS.items()},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": _LEFT + " {player[nom]} {shot[made]}",
        "missed": "{player[nom]} {shot[acc]}த் தவறவிட்டார்",
        "assist": "{player[nom]} கொடுத்த பாஸில் {other[nom]} {shot[made]}",
        "block": "{player[nom]} {other[gen]} {shot[acc]}த் தடுத்தார்",
        "rebound": "{player[nom]} {rebound[acc]}ப் பிடித்தார்",
        "steal": "{player[nom]} {other[abl]} பந்தைப் பறித்தார்",
        "turnover": "{player[nom]} பந்தைப் பறிகொடுத்தார்",
        "foul_personal": "{player[nom]} {other[dat]} எதிராகத் தனிப்பட்ட ஃபவுல் செய்தார்",
        "foul_shooting": "{player[nom]} ஷாட் எடுக்க முயன்ற {other[dat]} எதிராக ஃபவுல் செய்தார்",
        "substitution": "{other[dat]}ப் பதிலாக {player[nom]} களமிறங்கினார்",
        "timeout": "{team} அணி டைம்-அவுட் எடுத்தது",
        "lead": "{team} அணி {a}–{b} என்ற கணக்கில் முன்னிலை வகிக்கிறது",
        "lead_opponent": (
            "{team} அணி {opponent} அணிக்கு எதிராக {a}–{b} என்ற கணக்கில் முன்னிலை வகிக்கிறது"
        ),
        "lead_clock": _LEFT + " {team} அணி {a}–{b} என்ற கணக்கில் முன்னிலை வகிக்கிறது",
        "tied": "ஆட்டம் {a}–{a} என்ற கணக்கில் சமநிலையில் உள்ளது",
        "tied_clock": _LEFT + " ஆட்டம் {a}–{a} என்ற கணக்கில் சமநிலையில் உள்ளது",
        "quarter_start": "{quarter} கால்பகுதி தொடங்கியது",
        "quarter_end": "{quarter} கால்பகுதி முடிவடைந்தது",
        "win": "{team} அணி {a}–{b} என்ற கணக்கில் வெற்றி பெற்றது",
        # Shots and finishes.
        "and_one": ("{player[nom]} ஃபவுலையும் மீறிப் புள்ளிகள் பெற்றதுடன் கூடுதல் ஃப்ரீ த்ரோ வாய்ப்பையும் பெற்றார்"),
        "alley_oop": ("{player[nom]} உயர்த்திக் கொடுத்த ஆலி-ஊப் பாஸை {other[nom]} கூடைக்குள் செலுத்தினார்"),
        "tip_in": "{player[nom]} பந்தைத் தட்டிக் கூடைக்குள் சேர்த்தார்",
        "putback": "{player[nom]} தாக்குதல் ரீபவுண்டைப் பிடித்த கையோடு புள்ளிகள் பெற்றார்",
        "hook": "{player[nom]} ஹுக் ஷாட்டை வெற்றிகரமாக அடித்தார்",
        "floater": "{player[nom]} ஃப்ளோட்டர் ஷாட்டை வெற்றிகரமாக அடித்தார்",
        "fadeaway": ("{player[nom]} பின்னோக்கிச் சாய்ந்தபடி அடித்த ஃபேட்அவே ஷாட் கூடைக்குள் சென்றது"),
        "pull_up": ("{player[nom]} {a} அடி தூரத்திலிருந்து புல்-அப் ஜம்ப் ஷாட்டை வெற்றிகரமாக அடித்தார்"),
        "deep_three": ("{player[nom]} {a} அடி தூரத்திலிருந்து மூன்று புள்ளி ஷாட்டை வெற்றிகரமாக அடித்தார்"),
        "fast_break": "அதிவேக எதிர்த்தாக்குதலில் {player[nom]} புள்ளிகள் பெற்றார்",
        "buzzer_beater": "பஸ்ஸர் ஒலிக்கும் தருணத்தில் {player[nom]} பந்தைக் கூடைக்குள் செலுத்தினார்",
        "player_scores_for": "{team} அணிக்காக {player[nom]} புள்ளிகள் பெற்றார்",
        # Stat lines and milestones.
        "points": "{player[nom]} இதுவரை {a} புள்ளிகள் எடுத்துள்ளார்",
        "points_rebounds": "{player[nom]} இதுவரை {a} புள்ளிகளும் {b} ரீபவுண்டுகளும் பெற்றுள்ளார்",
        "points_assists": "{player[nom]} இதுவரை {a} புள்ளிகளும் {b} அசிஸ்டுகளும் பெற்றுள்ளார்",
        "shooting": "{player[nom]} இதுவரை எடுத்த {b} ஷாட்களில் {a} கூடைக்குள் சென்றுள்ளன",
        "shooting_three": (
            "{player[nom]} இதுவரை எடுத்த {b} மூன்று புள்ளி ஷாட்களில் {a} கூடைக்குள் சென்றுள்ளன"
        ),
        "shooting_line": ("{player[nom]} இதுவரை எடுத்த {b} ஃப்ரீ த்ரோக்களில் {a} வெற்றிகரமாக அமைந்துள்ளன"),
        "team_percentage": "{team} அணி இதுவரை {a}% ஷாட்களைக் கூடைக்குள் செலுத்தியுள்ளது",
        "career_high": (
            "{player[nom]} தனது கூடைப்பந்து வாழ்க்கையிலேயே அதிகபட்சமாக {a} புள்ளிகள் குவித்துள்ளார்"
        ),
        "straight_points": "அணியின் கடைசி {a} புள்ளிகளையும் {player[nom]} தனியாளாகக் குவித்துள்ளார்",
        "record": "{a} புள்ளிகளுடன் {player[nom]} அணி வரலாற்றில் புதிய சாதனை படைத்தார்",
        "rebounds": "{player[nom]} இதுவரை {a} முறை ரீபவுண்ட் பிடித்துள்ளார்",
        "assists": "{player[nom]} இதுவரை {a} முறை அசிஸ்ட் செய்துள்ளார்",
        "blocks": "{player[nom]} இதுவரை {a} முறை ஷாட்டைத் தடுத்துள்ளார்",
        "steals": "{player[nom]} இதுவரை {a} முறை பந்தைப் பறித்துள்ளார்",
        "threes": "{player[nom]} இதுவரை {a} முறை மூன்று புள்ளி ஷாட்டை வெற்றிகரமாக அடித்துள்ளார்",
        "team_three_percentage": "{team} அணி இதுவரை {a}% மூன்று புள்ளி ஷாட்களைக் கூடைக்குள் செலுத்தியுள்ளது",
        # Runs, margins and score lines.
        "run": ("கடந்த சில நிமிடங்களில் {team} அணி {a}–{b} என்ற கணக்கில் ஆதிக்கம் செலுத்தியுள்ளது"),
        "unanswered": ("எதிரணிக்கு வாய்ப்பே கொடுக்காமல் {team} அணி தொடர்ச்சியாக {a} புள்ளிகளைக் குவித்துள்ளது"),
        "lead_by": "{team} அணி {a} புள்ளிகள் வித்தியாசத்தில் முன்னிலை வகிக்கிறது",
        "trail_by": "{team} அணி {a} புள்ளிகள் வித்தியாசத்தில் பின்தங்கியுள்ளது",
        "cut_lead": "{team} அணி இடைவெளியை {a} புள்ளிகளாகக் குறைத்துள்ளது",
        "score_line": "ஸ்கோர் நிலவரம்: {team} {a}, {opponent} {b}",
        "halftime": "முதல் பாதி முடிவில் {team} அணி {a}–{b} என்ற கணக்கில் முன்னிலை வகிக்கிறது",
        "final": "இறுதி ஸ்கோர்: {team} {a}, {opponent} {b}",
        "lead_change": "{player[nom]} எடுத்த புள்ளிகளால் {team} அணி மீண்டும் முன்னிலை பெற்றது",
        "lead_changes": "இந்த ஆட்டத்தில் முன்னிலை கைமாறுவது இது {nth} முறை",
        "overtime": "ஆட்டம் கூடுதல் நேரத்துக்குச் செல்கிறது",
        # Fouls and ejections.
        "technical": "{player[dat]} டெக்னிக்கல் ஃபவுல் வழங்கப்பட்டது",
        "technical_bench": "{team} அணியின் பெஞ்சுக்கு டெக்னிக்கல் ஃபவுல் வழங்கப்பட்டது",
        "flagrant": "{player[nom]} {other[dat]} எதிராக ஃபிளாக்ரன்ட் ஃபவுல் செய்தார்",
        "foul_count": "இது {player[gen]} {nth} ஃபவுல்",
        "foul": "{player[nom]} ஃபவுல் செய்தார்",
        "offensive_foul": "{player[nom]} தாக்குதல் ஃபவுல் செய்தார்",
        "fouled_out": "ஆறாவது ஃபவுலுடன் {player[nom]} ஆட்டத்திலிருந்து வெளியேறினார்",
        "bonus": "{team} அணிக்கு இனி ஒவ்வொரு ஃபவுலுக்கும் ஃப்ரீ த்ரோ வாய்ப்பு கிடைக்கும்",
        "ejected": "{player[nom]} ஆட்டத்திலிருந்து வெளியேற்றப்பட்டார்",
        # Violations.
        "travel": "{player[nom]} டிராவலிங் விதிமீறலில் ஈடுபட்டார்",
        "shot_clock": "{team} அணி ஷாட் கிளாக் நேரத்துக்குள் ஷாட் எடுக்கத் தவறியது",
        "three_seconds": "{player[nom]} மூன்று விநாடி விதியை மீறினார்",
        "goaltending": "{player[dat]} எதிராகக் கோல்டெண்டிங் விதிமீறல் அறிவிக்கப்பட்டது",
        "out_of_bounds": "{player[nom]} பந்துடன் எல்லைக்கோட்டைத் தாண்டினார்",
        "backcourt": "{team} அணி பேக்கோர்ட் விதிமீறலில் ஈடுபட்டது",
        # The game around the plays.
        "jump_ball": "{player[nom]} {other[acc]} வென்று ஜம்ப் பாலைக் கைப்பற்றினார்",
        "challenge": ("{team} அணியின் பயிற்சியாளர் நடுவரின் முடிவை எதிர்த்துச் சேலஞ்ச் செய்தார்"),
        "review": "நடுவர்கள் அந்த நிகழ்வை வீடியோவில் மறுஆய்வு செய்கின்றனர்",
        "call_stands": "வீடியோ மறுஆய்வுக்குப் பிறகு நடுவரின் முடிவு மாற்றப்படவில்லை",
        "overturned": "வீடியோ மறுஆய்வுக்குப் பிறகு நடுவரின் முடிவு மாற்றப்பட்டது",
        "injury": "{player[nom]} காயமடைந்து களத்தில் விழுந்து கிடக்கிறார்",
        "locker_room": "{player[nom]} ஓய்வறைக்குச் செல்கிறார்",
        "returns": "{player[nom]} மீண்டும் களத்துக்குத் திரும்பினார்",
        "checks_in": "{team} அணிக்காக {player[nom]} களமிறங்குகிறார்",
        "turnover_team": "{player[nom]} பந்தைப் பறிகொடுத்ததால் பந்து {team} அணி வசம் சென்றது",
        "timeout_clock": "{clock} நேரம் மீதமிருக்கையில் {team} அணி டைம்-அவுட் எடுத்தது",
        # Lines with three numbers, and the arena.
        "triple_double": (
            "{player[nom]} இதுவரை {a} புள்ளிகளும் {b} ரீபவுண்டுகளும் {c} அசிஸ்டுகளும் பெற்றுள்ளார்"
        ),
        "points_shooting": (
            "{player[nom]} இதுவரை எடுத்த {c} ஷாட்களில் {b} ஷாட்களைக் கூடைக்குள் செலுத்தி"
            " {a} புள்ளிகள் குவித்துள்ளார்"
        ),
        "lead_score": ("{team} அணி {a}–{b} என்ற கணக்கில் {c} புள்ளிகள் வித்தியாசத்தில் முன்னிலை வகிக்கிறது"),
        "trail_score": ("{team} அணி {b}–{a} என்ற கணக்கில் {c} புள்ளிகள் வித்தியாசத்தில் பின்தங்கியுள்ளது"),
        "run_score": (
            "கடந்த சில நிமிடங்களில் {a}–{b} என்ற கணக்கில் ஆதிக்கம் செலுத்திய {team} அணி"
            " இப்போது {c} புள்ளிகள் வித்தியாசத்தில் முன்னிலை வகிக்கிறது"
        ),
        "arena_lead": "இங்கே {arena[loc]} {team} அணி {a}–{b} என்ற கணக்கில் முன்னிலை வகிக்கிறது",
        "arena_welcome": "{arena[dat]} உங்களை அன்புடன் வரவேற்கிறோம்",
    },
    settings={
        "clock_left": "{clock} நேரம் மீதமிருக்கையில்",
        "clock_left_quarter": "{quarter} கால்பகுதியில் {clock} நேரம் மீதமிருக்கையில்",
        "in_quarter": "{quarter} கால்பகுதியில்",
        "after_quarter": "{quarter} கால்பகுதியின் முடிவில்",
        "at_halftime": "முதல் பாதி முடிவில்",
        "at_arena": "இங்கே {arena[loc]}",
    },
    player=player,
    ordinal=ordinal,
    arena=forms(ARENA_NAMES["ta"]),
)

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
* Numerals: Western digits (54–49, 3:45). Tamil numerals (௧, ௨ ...) are no longer used
  for counting; scores read "54–49 என்ற கணக்கில்".
* Names, by sound from `_sounds`: Tamil script has one letter for p/b, t/d, k/g, so
  voicing is not written; English t, d are the retroflex ட; n is ந at the start, ண before
  ட, ங before க, ன elsewhere; f is ஃப. A word-initial cluster gets the vowel the press
  inserts (டிரெம்ப்ளே, கிரூகர், குவின்லன்), except s + consonant (ஸ்ட-); a single p, t, k
  between vowels doubles, as Tamil spells English loans (விட்டெக்கர், எஸ்போஸிட்டோ); l
  after a stop is ள, as in கிளின்டன் (டிரெம்ப்ளே, எக்ளுண்ட்), ல elsewhere; two
  vowels meeting take a glide (டெலாக்ரோவா); a final i is short (ரினால்டி) and a final
  consonant keeps its pulli.
"""

from __future__ import annotations

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.languages._sounds import VOWELS, phonemes

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
    },
    player=player,
)

"""Turkish: play-by-play as Turkish live text (canlı anlatım) writes it, in the past tense.

* Names keep their spelling; a case suffix follows an apostrophe and harmonises with the
  name as it is *spoken*, not as it is spelt (TDK, Yazım Kılavuzu, "kesme işareti"):
  Walker'ın for [wokır], Curry'nin for [köri]. `_SPOKEN` writes in Turkish letters how a
  Turkish reader says the names whose spelling misleads (Tremblay [tramble], Moreau [moro],
  Whitaker [vitıkır]); the others are read as spelt. From the spoken form, `player` applies:
  - the last vowel picks the suffix vowel: two-way e/a (dative -e/-a, ablative -den/-dan)
    and four-way i/ı/u/ü (genitive -in/-ın/-un/-ün);
  - after a vowel the buffer consonants n (genitive 'nin) and y (dative 'ye) come in;
  - after a voiceless consonant (f s t k ç ş h p) the ablative d hardens to t ('ten/'tan).
  The templates use nom, gen (asistinde, yerine, blok: Varga'nın), dat (faul yaptı) and
  abl (topu çaldı).
* Teams keep their English names with a singular verb, as Turkish does for a team
  (Raptors mola aldı); no template puts a suffix on a team.
* Quarters: ordinals "birinci ... dördüncü" before "çeyrek", capitalised with the dotted
  İ at a sentence start (İkinci çeyrek başladı) - Python's str.capitalize gives I.
* Numerals: Western digits; scores joined by a dash (54–49: the press types a hyphen or an
  en dash; this file uses the typographic en dash, as the Vietnamese table does),
  clocks as on the scoreboard; "bitimine 3:45 kala" needs no suffix on the number.
"""

from rnnkit.demo.grammar import LanguageTable

_SPOKEN = {
    "Tremblay": "tramble",
    "Mensah": "mensa",
    "Brennan": "brenın",
    "Delacroix": "delakrua",
    "Sutherland": "sadırlınd",
    "Donnelly": "donıli",
    "Whitfield": "vitfild",
    "Moreau": "moro",
    "Hollister": "holistır",
    "Barlow": "barlo",
    "Dunmore": "danmor",
    "Kruger": "krüger",
    "Whitaker": "vitıkır",
    "Calloway": "kalovey",
    "Baptiste": "batist",
    "Ashby": "eşbi",
    "Gallagher": "gelıgır",
    "Fairbank": "ferbenk",
    "Talbot": "tolbıt",
    "Kovac": "kovaç",
}
_BACK = set("aıou")
_VOWELS = set("aeıioöuü")
_FOUR_WAY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}
_VOICELESS = set("fstkçşhp")


def player(name: str) -> dict[str, str]:
    """The Turkish forms of a surname: {"nom", "gen", "dat", "abl"}."""
    spoken = _SPOKEN.get(name, name.lower())
    vowel = [char for char in spoken if char in _VOWELS][-1]
    two, four = ("a" if vowel in _BACK else "e"), _FOUR_WAY[vowel]
    final_vowel = spoken[-1] in _VOWELS
    gen = ("n" if final_vowel else "") + four + "n"
    dat = ("y" if final_vowel else "") + two
    abl = ("t" if spoken[-1] in _VOICELESS else "d") + two + "n"
    return {"nom": name, "gen": f"{name}'{gen}", "dat": f"{name}'{dat}", "abl": f"{name}'{abl}"}


TABLE = LanguageTable(
    code="tr",
    name="Turkish",
    script="Latin",
    rtl=False,
    teams={team: team for team in ("Raptors", "Celtics", "Knicks", "Bucks", "Lakers", "Bulls")},
    quarters=(
        {"low": "birinci", "cap": "Birinci"},
        {"low": "ikinci", "cap": "İkinci"},
        {"low": "üçüncü", "cap": "Üçüncü"},
        {"low": "dördüncü", "cap": "Dördüncü"},
    ),
    shots={
        "three": {"made": "üçlük attı", "missed": "üçlüğü kaçırdı", "block": "üçlük denemesini"},
        "jumper": {
            "made": "orta mesafeden isabet buldu",
            "missed": "orta mesafe atışını kaçırdı",
            "block": "orta mesafe atışını",
        },
        "layup": {
            "made": "turnikeyle sayı buldu",
            "missed": "turnikeyi kaçırdı",
            "block": "turnikesini",
        },
        "dunk": {"made": "smaç bastı", "missed": "smaçı kaçırdı", "block": "smaç denemesini"},
        "free_throw": {"made": "serbest atışı sayıya çevirdi", "missed": "serbest atışı kaçırdı"},
    },
    rebounds={"offensive": "hücum ribaundunu", "defensive": "savunma ribaundunu"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": ("{player[nom]}, {quarter[low]} çeyreğin bitimine {clock} kala {shot[made]}"),
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{player[gen]} asistinde {other[nom]} {shot[made]}",
        "block": "{player[nom]}, {other[gen]} {shot[block]} blokladı",
        "rebound": "{player[nom]} {rebound} aldı",
        "steal": "{player[nom]}, {other[abl]} topu çaldı",
        "turnover": "{player[nom]} top kaybı yaptı",
        "foul_personal": "{player[nom]}, {other[dat]} faul yaptı",
        "foul_shooting": "{player[nom]}, {other[dat]} atış sırasında faul yaptı",
        "substitution": "{player[nom]}, {other[gen]} yerine oyuna girdi",
        "timeout": "{team} mola aldı",
        "lead": "{team} {a}–{b} önde",
        "lead_opponent": "{team}, {opponent} karşısında {a}–{b} önde",
        "lead_clock": "{quarter[cap]} çeyreğin bitimine {clock} kala {team} {a}–{b} önde",
        "tied": "Skor {a}–{a} eşit",
        "tied_clock": "{quarter[cap]} çeyreğin bitimine {clock} kala skor {a}–{a} eşit",
        "quarter_start": "{quarter[cap]} çeyrek başladı",
        "quarter_end": "{quarter[cap]} çeyrek sona erdi",
        "win": "{team} maçı {a}–{b} kazandı",
    },
    player=player,
)

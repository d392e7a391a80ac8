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
  (Raptors mola aldı); no template puts a suffix on a team (team names are plain strings,
  here and in the league's 30 clubs). Where a case would fall on the team, the team is
  the bare first member of a compound whose head takes the suffix, as the press writes
  "Raptors kulübesine", "Raptors koçu", "Raptors cephesinde", "top Raptors ekibine geçti".
* Elliptic live-text lines name the player in the case the missing verb would govern:
  the dative for a call given to him (Tremblay'e teknik faul), the ablative for what comes
  from him (Tremblay'den hücum faulü; Raptors adına sayı Tremblay'den). The jump ball is
  won "against" (karşı) a rival in the dative; a lead change is the genitive's basket
  (Tremblay'in basketiyle Raptors yeniden öne geçti); a stat line is possessed (Tremblay'in
  20 sayı, 10 ribaundu var: the possessive goes on the last noun only).
* Quarters: ordinals "birinci ... dördüncü" before "çeyrek", capitalised with the dotted
  İ at a sentence start (İkinci çeyrek başladı) - Python's str.capitalize gives I.
* Numerals: Western digits; scores joined by a dash (54–49: the press types a hyphen or an
  en dash; this file uses the typographic en dash, as the Vietnamese table does),
  clocks as on the scoreboard; "bitimine 3:45 kala" needs no suffix on the number.
  A suffix on a number would follow how the number is read (12'de, 49'da, 3'te), which
  `number` does not give, so no template suffixes a number: the case goes on a counted
  noun after it, which never changes with the number (Turkish counts with the singular:
  54 sayı, 20 fitten, 12 denemede 7 isabet, farkı 8 sayıya indirdi), or the number stands
  bare (12–2 seri yakaladı). The percent sign comes before the number (%48 isabetle).
  Distances stay in feet, "fit" (24 fitten üçlük). Ordinals are the digits and a full stop
  (`ordinal`: 3. faulünü, liderlik 5. kez el değiştirdi).
* Basketball words as the Turkish press uses them: turnike (layup), smaç (dunk), ribaund,
  asist, kanca atış (hook), yüksek bırakma (floater), geriye düşerek (fadeaway), dripling,
  hızlı hücum (fast break), havadan pas (alley-oop), tıklamak (tip-in), hava atışı (jump
  ball), yürüme (traveling), hücum süresi (shot clock), geri saha (backcourt), sportmenlik
  dışı faul (the FIBA name of a flagrant foul), faul limiti, uzatma (overtime).
* The arena keeps the league's name, and its case suffix follows it after an apostrophe
  like a player's: "Arena" ends in the back vowel a, so Scotiabank Arena'da (locative,
  "here at") and Scotiabank Arena'ya hoş geldiniz (dative). A score line with a margin is
  "5 sayı önde/geride, skor 54–49", the score leader first whoever the subject is; a run
  and the lead it leaves: "12–2 seri yakaladı ve artık 5 sayı önde". A stat line with
  shooting counts the attempts first, as shooting does: "12 denemede 7 isabetle 18 sayıya
  ulaştı".
"""

from rnnkit.demo.grammar import LanguageTable
from rnnkit.demo.league import ARENA_NAMES

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


# The arena: the league's name, bare, and with the suffixes after a final back vowel a.
_ARENA = ARENA_NAMES["tr"]
ARENA = {"nom": _ARENA, "loc": f"{_ARENA}'da", "dat": f"{_ARENA}'ya"}


def ordinal(n: int) -> str:
    """An ordinal as Turkish writes it in digits: the number and a full stop ("3." for
    üçüncü); it takes no suffix of its own, the noun after it does (3. faulünü)."""
    return f"{n}."


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
        "and_one": "{player[nom]} faul alarak basketi buldu",
        "alley_oop": "{player[gen]} havadan pasını {other[nom]} smaçla bitirdi",
        "tip_in": "{player[nom]} topu tıklayarak sayıya çevirdi",
        "putback": "{player[nom]} hücum ribaundunu sayıya çevirdi",
        "hook": "{player[nom]} kanca atışıyla sayı buldu",
        "floater": "{player[nom]} yüksek bırakmayla sayı buldu",
        "fadeaway": "{player[nom]} geriye düşerek isabet buldu",
        "pull_up": "{player[nom]} dripling sonrası durup {a} fitten isabet buldu",
        "deep_three": "{player[nom]} {a} fitten üçlük attı",
        "fast_break": "{player[nom]} hızlı hücumu sayıyla bitirdi",
        "buzzer_beater": "{player[nom]} süre biterken basketi buldu",
        "player_scores_for": "{team} adına sayı {player[abl]}",
        "points": "{player[nom]} {a} sayıya ulaştı",
        "points_rebounds": "{player[gen]} {a} sayı, {b} ribaundu var",
        "points_assists": "{player[gen]} {a} sayı, {b} asisti var",
        "shooting": "{player[nom]} sahadan {b} denemede {a} isabet buldu",
        "shooting_three": "{player[nom]} üçlükte {b} denemede {a} isabet buldu",
        "shooting_line": "{player[nom]} serbest atışta {b} denemede {a} isabet buldu",
        "team_percentage": "{team} sahadan %{a} isabetle oynuyor",
        "career_high": "{player[nom]} {a} sayıyla kariyer rekoruna ulaştı",
        "straight_points": "{player[nom]} üst üste {a} sayı attı",
        "record": "{player[nom]} {a} sayıyla kulüp rekoru kırdı",
        "rebounds": "{player[gen]} {a} ribaundu var",
        "assists": "{player[gen]} {a} asisti var",
        "blocks": "{player[gen]} {a} bloku var",
        "steals": "{player[gen]} {a} top çalması var",
        "threes": "{player[nom]} şu ana kadar {a} üçlük attı",
        "team_three_percentage": "{team} üçlükte %{a} isabetle oynuyor",
        "run": "{team} {a}–{b} seri yakaladı",
        "unanswered": "{team} karşılıksız {a} sayı buldu",
        "lead_by": "{team} {a} sayı önde",
        "trail_by": "{team} {a} sayı geride",
        "cut_lead": "{team} farkı {a} sayıya indirdi",
        "score_line": "Skor: {team} {a}–{b} {opponent}",
        "halftime": "{team} ilk yarıyı {a}–{b} önde kapattı",
        "final": "Maç sonucu: {team} {a}–{b} {opponent}",
        "lead_change": "{player[gen]} basketiyle {team} yeniden öne geçti",
        "lead_changes": "Maçta liderlik {nth} kez el değiştirdi",
        "overtime": "Maç uzatmaya gitti",
        "technical": "{player[dat]} teknik faul",
        "technical_bench": "{team} kulübesine teknik faul",
        "flagrant": "{player[nom]}, {other[dat]} sportmenlik dışı faul yaptı",
        "foul_count": "{player[nom]} {nth} faulünü yaptı",
        "foul": "{player[abl]} faul",
        "offensive_foul": "{player[abl]} hücum faulü",
        "fouled_out": "{player[nom]} faul limitini doldurup oyundan çıktı",
        "bonus": "{team} artık her faulde serbest atış kullanacak",
        "ejected": "{player[nom]} oyundan atıldı",
        "travel": "{player[nom]} yürüme ihlali yaptı",
        "shot_clock": "{team} hücum süresi ihlali yaptı",
        "three_seconds": "{player[nom]} üç saniye ihlali yaptı",
        "goaltending": "{player[nom]} sepete inen topa müdahale etti",
        "out_of_bounds": "{player[nom]} topla birlikte dışarı bastı",
        "backcourt": "{team} geri saha ihlali yaptı",
        "jump_ball": "{player[nom]}, {other[dat]} karşı hava atışını kazandı",
        "challenge": "{team} koçu itiraz hakkını kullandı",
        "review": "Hakemler pozisyonu videodan inceliyor",
        "call_stands": "İnceleme sonucu karar değişmedi",
        "overturned": "İnceleme sonucu karar değiştirildi",
        "injury": "{player[nom]} sakatlanarak yerde kaldı",
        "locker_room": "{player[nom]} soyunma odasına gitti",
        "returns": "{player[nom]} oyuna geri döndü",
        "checks_in": "{team} cephesinde {player[nom]} oyuna girdi",
        "turnover_team": "{player[nom]} top kaybı yaptı, top {team} ekibine geçti",
        "timeout_clock": "{team}, çeyreğin bitimine {clock} kala mola aldı",
        "triple_double": "{player[gen]} {a} sayı, {b} ribaund ve {c} asisti var",
        "points_shooting": "{player[nom]} {c} denemede {b} isabetle {a} sayıya ulaştı",
        "lead_score": "{team} {c} sayı önde, skor {a}–{b}",
        "trail_score": "{team} {c} sayı geride, skor {a}–{b}",
        "run_score": "{team} {a}–{b} seri yakaladı ve artık {c} sayı önde",
        "arena_lead": "Burada, {arena[loc]} {team} {a}–{b} önde",
        "arena_welcome": "{arena[dat]} hoş geldiniz",
    },
    settings={
        "clock_left": "Çeyreğin bitimine {clock} kala",
        "clock_left_quarter": "{quarter[cap]} çeyreğin bitimine {clock} kala",
        "in_quarter": "{quarter[cap]} çeyrekte",
        "after_quarter": "{quarter[cap]} çeyreğin sonunda",
        "at_halftime": "İlk yarının sonunda",
        "at_arena": "Burada, {arena[loc]}",
    },
    player=player,
    ordinal=ordinal,
    arena=ARENA,
)

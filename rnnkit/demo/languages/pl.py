"""Polish: play-by-play as the Polish basketball press writes it (relacje na żywo).

* Names. Polish keeps foreign names in their own spelling and declines them (zasady
  odmiany nazwisk obcych, Wielki słownik ortograficzny PWN). The templates use nom, gen
  (po podaniu), dat (odbiera piłkę komu) and acc (blokuje, fauluje, za kogo); `player`
  chooses the pattern from the written ending:
  - a consonant, or a final y read as [j] after a vowel: -a, -owi (Haddada, Haddadowi;
    Callowaya, Callowayowi; Tremblaya, as PWN declines Du Bellay);
  - an unpronounced ending (a mute final e, French -eau and -oix): the endings follow an
    apostrophe (Baptiste'a, Moreau'owi, Delacroix'a);
  - a final y read as [i]: adjective endings after an apostrophe (Donnelly'ego,
    Donnelly'emu); a final i: adjective endings without one (Rinaldiego, Kaminskiemu);
  - a foreign unstressed -o: the -o gives way to -a, -owi (Romano, Romana, Romanowi);
  - -a: feminine endings, gen -y (-i after g, k and after a y read as [j]), acc -ę, dat -e
    with the consonant softened (Varga, Vargi, Vargę, Vardze; Abara, Abarze; Montoya,
    Montoyi, Montoyi);
  - Iwu and Hungarian Szabó (written Szabo): unchanged, as PWN leaves them.
* Teams keep their English names, undeclined, with a plural verb (Raptors prowadzą).
* Quarters: kwarta is feminine: nom (Rozpoczyna się druga kwarta) and gen (przed końcem
  drugiej kwarty).
* Shots: layup is "dwutakt", dunk "wsad"; a negated verb takes the genitive (trafia rzut
  wolny / nie trafia rzutu wolnego).
* Numerals: Western digits; scores with a colon (54:49), clocks as on the scoreboard.
"""

from rnnkit.demo.grammar import LanguageTable

_INDECLINABLE = {"Iwu", "Szabo"}
_UNPRONOUNCED = ("e", "eau", "oix")
_VOWELS = set("aeiouy")
# Dative/locative of a feminine -a noun: the stem's last consonant before -e.
_SOFTENED = {"g": "dze", "k": "ce", "r": "rze", "t": "cie", "d": "dzie", "ch": "sze", "l": "li"}
_CASES = ("nom", "gen", "dat", "acc")


def player(name: str) -> dict[str, str]:
    """The Polish forms of a surname: {"nom", "gen", "dat", "acc"}."""
    if name in _INDECLINABLE:
        return dict.fromkeys(_CASES, name)
    if name.endswith(_UNPRONOUNCED):
        gen, dat = name + "'a", name + "'owi"
    elif name.endswith("y") and name[-2] not in _VOWELS:
        gen, dat = name + "'ego", name + "'emu"
    elif name.endswith("i"):
        gen, dat = name + "ego", name + "emu"
    elif name.endswith("o"):
        gen, dat = name[:-1] + "a", name[:-1] + "owi"
    elif name.endswith("a"):
        stem = name[:-1]
        if stem.endswith("y"):  # Montoya: y is [j], a soft stem
            return {"nom": name, "gen": stem + "i", "dat": stem + "i", "acc": stem + "ę"}
        ending = "i" if stem[-1] in "gk" else "y"
        last = "ch" if stem.endswith("ch") else stem[-1]
        dat = stem[: len(stem) - len(last)] + _SOFTENED.get(last, last + "ie")
        return {"nom": name, "gen": stem + ending, "dat": dat, "acc": stem + "ę"}
    else:
        gen, dat = name + "a", name + "owi"
    return {"nom": name, "gen": gen, "dat": dat, "acc": gen}


TABLE = LanguageTable(
    code="pl",
    name="Polish",
    script="Latin",
    rtl=False,
    teams={team: team for team in ("Raptors", "Celtics", "Knicks", "Bucks", "Lakers", "Bulls")},
    quarters=(
        {"nom": "pierwsza", "gen": "pierwszej"},
        {"nom": "druga", "gen": "drugiej"},
        {"nom": "trzecia", "gen": "trzeciej"},
        {"nom": "czwarta", "gen": "czwartej"},
    ),
    shots={
        "three": {
            "made": "trafia za trzy",
            "missed": "nie trafia za trzy",
            "block": "przy rzucie za trzy",
        },
        "jumper": {
            "made": "trafia z półdystansu",
            "missed": "nie trafia z półdystansu",
            "block": "przy rzucie z półdystansu",
        },
        "layup": {
            "made": "trafia z dwutaktu",
            "missed": "nie trafia z dwutaktu",
            "block": "przy dwutakcie",
        },
        "dunk": {
            "made": "kończy akcję wsadem",
            "missed": "nie trafia przy próbie wsadu",
            "block": "przy próbie wsadu",
        },
        "free_throw": {"made": "trafia rzut wolny", "missed": "nie trafia rzutu wolnego"},
    },
    rebounds={"offensive": "zbiórkę w ataku", "defensive": "zbiórkę w obronie"},
    templates={
        "made": "{player[nom]} {shot[made]}",
        "made_clock": "{player[nom]} {shot[made]} na {clock} przed końcem {quarter[gen]} kwarty",
        "missed": "{player[nom]} {shot[missed]}",
        "assist": "{other[nom]} {shot[made]} po podaniu {player[gen]}",
        "block": "{player[nom]} blokuje {other[acc]} {shot[block]}",
        "rebound": "{player[nom]} notuje {rebound}",
        "steal": "{player[nom]} odbiera piłkę {other[dat]}",
        "turnover": "{player[nom]} traci piłkę",
        "foul_personal": "{player[nom]} fauluje {other[acc]}",
        "foul_shooting": "{player[nom]} fauluje {other[acc]} przy rzucie",
        "substitution": "{player[nom]} wchodzi na parkiet za {other[acc]}",
        "timeout": "{team} proszą o czas",
        "lead": "{team} prowadzą {a}:{b}",
        "lead_opponent": "{team} prowadzą z {opponent} {a}:{b}",
        "lead_clock": "Na {clock} przed końcem {quarter[gen]} kwarty {team} prowadzą {a}:{b}",
        "tied": "Na tablicy remis {a}:{a}",
        "tied_clock": "Na {clock} przed końcem {quarter[gen]} kwarty jest remis {a}:{a}",
        "quarter_start": "Rozpoczyna się {quarter[nom]} kwarta",
        "quarter_end": "Koniec {quarter[gen]} kwarty",
        "win": "{team} wygrywają {a}:{b}",
    },
    player=player,
)

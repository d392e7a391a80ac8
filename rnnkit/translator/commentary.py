"""Basketball play-by-play commentary with parallel translations: the demo's data.

The case study translates live Toronto Raptors commentary from English into the
languages spoken in Toronto. Real broadcasts cannot ship with a library, so this module
writes its own commentary from a small compositional grammar: players x actions x teams
x scores x clock. Every sentence pattern (a *template*) is written once per language as
a whole sentence in that language's own word order, so Mandarin puts the time before the
verb and Vietnamese puts it after, without any word-by-word substitution. What depends
on gender, elision or contraction lives in each language's lexicon as ready-made phrases
(French "le tir", Spanish "la bandeja", Italian "l'appoggio", Portuguese "na bandeja"),
so a template never has to assemble grammar from parts.

Built on the grammar:

* `generate_corpus`: parallel `(lang, english, translation)` examples. Some
  (player, action) and (template, team) combinations are held out for dev or test, so a
  model has to generalise to translate them; every word it needs is still seen in train.
* `write_tsv`: examples as a `lang<TAB>source<TAB>target` file.
* `Game` and `play_by_play`: a live game whose score, clock and quarters add up.

Numbers (scores, clock) stay digits in every language, so a model can copy them.
Adding a language is one `LanguageTable` and one entry in `TABLES`.
Standard library only: `random.Random` from a seed makes every output reproducible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from random import Random

QUARTER_SECONDS = 12 * 60  # an NBA quarter
SPLITS = ("train", "dev", "test")
# Percent of combinations held out for dev and for test; the rest are train.
DEV_PERCENT = 10
TEST_PERCENT = 10

RAPTORS = "Raptors"
# Fictional players.
# The first five of each roster start the game; the rest come off the bench.
ROSTERS: dict[str, tuple[str, ...]] = {
    "Raptors": (
        "Tremblay",
        "Mensah",
        "Lindqvist",
        "Castellano",
        "Haddad",
        "Okonkwo",
        "Brennan",
        "Delacroix",
        "Varga",
        "Sutherland",
    ),
    "Celtics": ("Donnelly", "Whitfield", "Moreau", "Kaminski", "Ferreira", "Halloran", "Abara"),
    "Knicks": ("Romano", "Hollister", "Ndiaye", "Quinlan", "Petrov", "Esposito", "Barlow"),
    "Bucks": ("Hartmann", "Oyelaran", "Dunmore", "Lucero", "Szabo", "Lindgren", "Kruger"),
    "Lakers": ("Whitaker", "Calloway", "Baptiste", "Montoya", "Eklund", "Navarro", "Ashby"),
    "Bulls": ("Gallagher", "Marin", "Fairbank", "Iwu", "Talbot", "Rinaldi", "Kovac"),
}
OPPONENTS = tuple(team for team in ROSTERS if team != RAPTORS)
TEAM_OF = {player: team for team, players in ROSTERS.items() for player in players}

SHOTS = ("three", "jumper", "layup", "dunk", "free_throw")
FIELD_GOALS = SHOTS[:-1]  # the shots that can be assisted or blocked
POINTS = {"three": 3, "jumper": 2, "layup": 2, "dunk": 2, "free_throw": 1}
REBOUNDS = ("offensive", "defensive")

# The slots each template fills. Every language's pattern for a template uses exactly
# these (a test checks it), so no language can drop or invent information.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "made": ("player", "shot"),
    "made_clock": ("player", "shot", "clock", "quarter"),
    "missed": ("player", "shot"),
    "assist": ("player", "other", "shot"),  # player passes, other scores
    "block": ("player", "other", "shot"),  # player blocks other's shot
    "rebound": ("player", "rebound"),
    "steal": ("player", "other"),  # player takes the ball from other
    "turnover": ("player",),
    "foul_personal": ("player", "other"),  # player fouls other
    "foul_shooting": ("player", "other"),
    "substitution": ("player", "other"),  # player comes in for other
    "timeout": ("team",),
    "lead": ("team", "a", "b"),  # team leads a to b, a > b
    "lead_opponent": ("team", "opponent", "a", "b"),
    "lead_clock": ("team", "a", "b", "clock", "quarter"),
    "tied": ("a",),
    "tied_clock": ("a", "clock", "quarter"),
    "quarter_start": ("quarter",),
    "quarter_end": ("quarter",),
    "win": ("team", "a", "b"),
}


def format_clock(seconds: int) -> str:
    """Seconds left in a quarter as the scoreboard shows them: 225 -> "3:45"."""
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class Event:
    """One line of commentary: a template and the values of its slots.

    `quarter` (1-4) and `clock` (seconds left in the quarter) are the game time; a live
    game sets them on every event, and only the `*_clock` and quarter templates show them.
    """

    template: str
    player: str | None = None
    other: str | None = None
    team: str | None = None
    opponent: str | None = None
    shot: str | None = None
    rebound: str | None = None
    a: int | None = None
    b: int | None = None
    quarter: int | None = None
    clock: int | None = None

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise ValueError(
                f"unknown template {self.template!r}; expected one of {list(TEMPLATES)}"
            )
        missing = [slot for slot in TEMPLATES[self.template] if getattr(self, slot) is None]
        if missing:
            raise ValueError(f"template {self.template!r} needs {missing}")
        if self.template in ("assist", "block") and self.shot not in FIELD_GOALS:
            raise ValueError(f"a {self.shot} cannot be assisted or blocked")

    @property
    def english(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """This event in language `lang` ("en" or a key of LANGUAGES)."""
        if lang not in TABLES:
            raise ValueError(f"unknown language {lang!r}; expected one of {list(TABLES)}")
        return TABLES[lang].render(self)

    @property
    def split(self) -> str:
        return split_of(self)


@dataclass(frozen=True)
class LanguageTable:
    """Everything one language needs to render every event.

    `templates` maps each template name to a whole-sentence pattern for str.format.
    The lexicon entries are complete phrases, agreement and contractions included:
    `shots` maps a shot to the forms that language's templates ask for (e.g.
    `{shot[a]}` for the indefinite noun phrase), `rebounds` maps a rebound kind to its
    noun phrase, `teams` gives each team's name, `quarters` the four ordinals as the
    templates use them.
    """

    name: str
    templates: dict[str, str]
    teams: dict[str, str]
    quarters: tuple[str, str, str, str]
    shots: dict[str, dict[str, str]]
    rebounds: dict[str, str]

    def render(self, event: Event) -> str:
        values = {"player": event.player, "other": event.other, "a": event.a, "b": event.b}
        if event.team is not None:
            values["team"] = self.teams[event.team]
        if event.opponent is not None:
            values["opponent"] = self.teams[event.opponent]
        if event.shot is not None:
            values["shot"] = self.shots[event.shot]
        if event.rebound is not None:
            values["rebound"] = self.rebounds[event.rebound]
        if event.quarter is not None:
            values["quarter"] = self.quarters[event.quarter - 1]
        if event.clock is not None:
            values["clock"] = format_clock(event.clock)
        return self.templates[event.template].format_map(values)


ENGLISH = LanguageTable(
    name="English",
    teams={team: team for team in ROSTERS},
    quarters=("first", "second", "third", "fourth"),
    shots={
        "three": {"a": "a three-pointer", "the": "the three-pointer", "noun": "three-pointer"},
        "jumper": {"a": "a jump shot", "the": "the jump shot", "noun": "jump shot"},
        "layup": {"a": "a layup", "the": "the layup", "noun": "layup"},
        "dunk": {"a": "a dunk", "the": "the dunk", "noun": "dunk"},
        "free_throw": {"a": "a free throw"},
    },
    rebounds={"offensive": "the offensive rebound", "defensive": "the defensive rebound"},
    templates={
        "made": "{player} makes {shot[a]}",
        "made_clock": "{player} makes {shot[a]} with {clock} left in the {quarter} quarter",
        "missed": "{player} misses {shot[a]}",
        "assist": "{player} finds {other} for {shot[the]}",
        "block": "{player} blocks {other} on the {shot[noun]}",
        "rebound": "{player} grabs {rebound}",
        "steal": "{player} steals the ball from {other}",
        "turnover": "{player} loses the ball",
        "foul_personal": "{player} commits a personal foul on {other}",
        "foul_shooting": "{player} commits a shooting foul on {other}",
        "substitution": "{player} comes in for {other}",
        "timeout": "The {team} call a timeout",
        "lead": "The {team} lead {a} to {b}",
        "lead_opponent": "The {team} lead the {opponent} {a} to {b}",
        "lead_clock": "The {team} lead {a} to {b} with {clock} left in the {quarter} quarter",
        "tied": "The game is tied at {a}",
        "tied_clock": "The game is tied at {a} with {clock} left in the {quarter} quarter",
        "quarter_start": "The {quarter} quarter begins",
        "quarter_end": "End of the {quarter} quarter",
        "win": "The {team} win {a} to {b}",
    },
)

# French: every NBA team name is plural ("les Raptors"), so templates write the article
# and its contractions themselves: "face aux Celtics" (à + les). All shot nouns are
# masculine; "une faute personnelle" shows the feminine agreement.
FRENCH = LanguageTable(
    name="French",
    teams={team: team for team in ROSTERS},
    quarters=("premier", "deuxième", "troisième", "quatrième"),
    shots={
        "three": {"a": "un tir à trois points", "the": "le tir à trois points"},
        "jumper": {"a": "un tir en suspension", "the": "le tir en suspension"},
        "layup": {"a": "un lay-up", "the": "le lay-up"},
        "dunk": {"a": "un dunk", "the": "le dunk"},
        "free_throw": {"a": "un lancer franc"},
    },
    rebounds={"offensive": "le rebond offensif", "defensive": "le rebond défensif"},
    templates={
        "made": "{player} réussit {shot[a]}",
        "made_clock": "{player} réussit {shot[a]} à {clock} de la fin du {quarter} quart-temps",
        "missed": "{player} manque {shot[a]}",
        "assist": "{player} trouve {other} pour {shot[the]}",
        "block": "{player} contre {shot[the]} de {other}",
        "rebound": "{player} prend {rebound}",
        "steal": "{player} vole le ballon à {other}",
        "turnover": "{player} perd le ballon",
        "foul_personal": "{player} commet une faute personnelle sur {other}",
        "foul_shooting": "{player} commet une faute sur {other} au moment du tir",
        "substitution": "{player} entre à la place de {other}",
        "timeout": "Les {team} demandent un temps mort",
        "lead": "Les {team} mènent {a} à {b}",
        "lead_opponent": "Les {team} mènent {a} à {b} face aux {opponent}",
        "lead_clock": "Les {team} mènent {a} à {b} à {clock} de la fin du {quarter} quart-temps",
        "tied": "Égalité à {a} partout",
        "tied_clock": "Égalité à {a} partout à {clock} de la fin du {quarter} quart-temps",
        "quarter_start": "Début du {quarter} quart-temps",
        "quarter_end": "Fin du {quarter} quart-temps",
        "win": "Les {team} l'emportent {a} à {b}",
    },
)

# Spanish: "primer" and "tercer" are the apocopated ordinals used before a noun;
# "la bandeja" is feminine; a person as direct object takes "a" ("encuentra a X").
SPANISH = LanguageTable(
    name="Spanish",
    teams={team: team for team in ROSTERS},
    quarters=("primer", "segundo", "tercer", "cuarto"),
    shots={
        "three": {"a": "un triple", "the": "el triple"},
        "jumper": {"a": "un tiro en suspensión", "the": "el tiro en suspensión"},
        "layup": {"a": "una bandeja", "the": "la bandeja"},
        "dunk": {"a": "un mate", "the": "el mate"},
        "free_throw": {"a": "un tiro libre"},
    },
    rebounds={"offensive": "el rebote ofensivo", "defensive": "el rebote defensivo"},
    templates={
        "made": "{player} anota {shot[a]}",
        "made_clock": (
            "{player} anota {shot[a]} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "missed": "{player} falla {shot[a]}",
        "assist": "{player} encuentra a {other} para {shot[the]}",
        "block": "{player} bloquea {shot[the]} de {other}",
        "rebound": "{player} captura {rebound}",
        "steal": "{player} le roba el balón a {other}",
        "turnover": "{player} pierde el balón",
        "foul_personal": "{player} comete una falta personal sobre {other}",
        "foul_shooting": "{player} comete una falta sobre {other} en el tiro",
        "substitution": "{player} entra en lugar de {other}",
        "timeout": "Los {team} piden tiempo muerto",
        "lead": "Los {team} van ganando {a} a {b}",
        "lead_opponent": "Los {team} superan a los {opponent} por {a} a {b}",
        "lead_clock": (
            "Los {team} van ganando {a} a {b} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "tied": "El partido está empatado a {a}",
        "tied_clock": (
            "El partido está empatado a {a} a falta de {clock} para el final del {quarter} cuarto"
        ),
        "quarter_start": "Comienza el {quarter} cuarto",
        "quarter_end": "Fin del {quarter} cuarto",
        "win": "Los {team} ganan {a} a {b}",
    },
)

# Portuguese (Brazilian): the verb that goes with a made shot depends on the shot
# ("faz uma enterrada", "converte um lance livre"), so made and missed shots are whole
# verb phrases; "em" contracts with the article in blocks ("na bandeja", "no arremesso").
PORTUGUESE = LanguageTable(
    name="Portuguese",
    teams={team: team for team in ROSTERS},
    quarters=("primeiro", "segundo", "terceiro", "quarto"),
    shots={
        "three": {
            "made": "acerta um arremesso de três",
            "missed": "erra um arremesso de três",
            "the": "o arremesso de três",
            "in": "no arremesso de três",
        },
        "jumper": {
            "made": "acerta um arremesso de média distância",
            "missed": "erra um arremesso de média distância",
            "the": "o arremesso de média distância",
            "in": "no arremesso de média distância",
        },
        "layup": {
            "made": "acerta uma bandeja",
            "missed": "erra uma bandeja",
            "the": "a bandeja",
            "in": "na bandeja",
        },
        "dunk": {
            "made": "faz uma enterrada",
            "missed": "erra uma enterrada",
            "the": "a enterrada",
            "in": "na enterrada",
        },
        "free_throw": {"made": "converte um lance livre", "missed": "erra um lance livre"},
    },
    rebounds={"offensive": "o rebote ofensivo", "defensive": "o rebote defensivo"},
    templates={
        "made": "{player} {shot[made]}",
        "made_clock": "{player} {shot[made]} faltando {clock} para o fim do {quarter} quarto",
        "missed": "{player} {shot[missed]}",
        "assist": "{player} encontra {other} para {shot[the]}",
        "block": "{player} dá um toco em {other} {shot[in]}",
        "rebound": "{player} pega {rebound}",
        "steal": "{player} rouba a bola de {other}",
        "turnover": "{player} perde a bola",
        "foul_personal": "{player} comete uma falta pessoal em {other}",
        "foul_shooting": "{player} comete falta em {other} no arremesso",
        "substitution": "{player} entra no lugar de {other}",
        "timeout": "Os {team} pedem tempo",
        "lead": "Os {team} lideram por {a} a {b}",
        "lead_opponent": "Os {team} estão à frente dos {opponent} por {a} a {b}",
        "lead_clock": (
            "Os {team} lideram por {a} a {b} faltando {clock} para o fim do {quarter} quarto"
        ),
        "tied": "O jogo está empatado em {a} a {a}",
        "tied_clock": (
            "O jogo está empatado em {a} a {a} faltando {clock} para o fim do {quarter} quarto"
        ),
        "quarter_start": "Começa o {quarter} quarto",
        "quarter_end": "Fim do {quarter} quarto",
        "win": "Os {team} vencem por {a} a {b}",
    },
)

# Italian: "la tripla" and "la schiacciata" are feminine, "l'appoggio" elides; "sui
# Celtics" (su + i), "al posto di", "dalla fine del" are the contracted prepositions.
ITALIAN = LanguageTable(
    name="Italian",
    teams={team: team for team in ROSTERS},
    quarters=("primo", "secondo", "terzo", "quarto"),
    shots={
        "three": {"a": "una tripla", "the": "la tripla"},
        "jumper": {"a": "un tiro in sospensione", "the": "il tiro in sospensione"},
        "layup": {"a": "un appoggio", "the": "l'appoggio"},
        "dunk": {"a": "una schiacciata", "the": "la schiacciata"},
        "free_throw": {"a": "un tiro libero"},
    },
    rebounds={"offensive": "il rimbalzo offensivo", "defensive": "il rimbalzo difensivo"},
    templates={
        "made": "{player} realizza {shot[a]}",
        "made_clock": "{player} realizza {shot[a]} a {clock} dalla fine del {quarter} quarto",
        "missed": "{player} sbaglia {shot[a]}",
        "assist": "{player} trova {other} per {shot[the]}",
        "block": "{player} stoppa {shot[the]} di {other}",
        "rebound": "{player} cattura {rebound}",
        "steal": "{player} ruba palla a {other}",
        "turnover": "{player} perde palla",
        "foul_personal": "{player} commette un fallo personale su {other}",
        "foul_shooting": "{player} commette un fallo su {other} in fase di tiro",
        "substitution": "{player} entra al posto di {other}",
        "timeout": "I {team} chiamano timeout",
        "lead": "I {team} sono avanti {a} a {b}",
        "lead_opponent": "I {team} sono avanti {a} a {b} sui {opponent}",
        "lead_clock": "I {team} sono avanti {a} a {b} a {clock} dalla fine del {quarter} quarto",
        "tied": "La partita è in parità a quota {a}",
        "tied_clock": (
            "La partita è in parità a quota {a} a {clock} dalla fine del {quarter} quarto"
        ),
        "quarter_start": "Inizia il {quarter} quarto",
        "quarter_end": "Fine del {quarter} quarto",
        "win": "I {team} vincono {a} a {b}",
    },
)

# Mandarin (simplified): team names take their usual Chinese names, player names stay in
# Latin letters as they often do in Chinese sports text. Time phrases come before the
# verb ("在第二节还剩3:45时命中"), scores read "以54比49领先", and shots carry their own
# verb phrase because the natural verb differs ("命中一记三分球", "上篮得手").
MANDARIN = LanguageTable(
    name="Mandarin",
    teams={
        "Raptors": "猛龙",
        "Celtics": "凯尔特人",
        "Knicks": "尼克斯",
        "Bucks": "雄鹿",
        "Lakers": "湖人",
        "Bulls": "公牛",
    },
    quarters=("一", "二", "三", "四"),
    shots={
        "three": {"made": "命中一记三分球", "missed": "三分球不中", "noun": "三分球"},
        "jumper": {"made": "跳投命中", "missed": "跳投不中", "noun": "跳投"},
        "layup": {"made": "上篮得手", "missed": "上篮不中", "noun": "上篮"},
        "dunk": {"made": "完成一记扣篮", "missed": "扣篮不中", "noun": "扣篮"},
        "free_throw": {"made": "罚球命中", "missed": "罚球不中"},
    },
    rebounds={"offensive": "进攻篮板", "defensive": "防守篮板"},
    templates={
        "made": "{player}{shot[made]}",
        "made_clock": "{player}在第{quarter}节还剩{clock}时{shot[made]}",
        "missed": "{player}{shot[missed]}",
        "assist": "{player}助攻{other}{shot[made]}",
        "block": "{player}封盖了{other}的{shot[noun]}",
        "rebound": "{player}抢到{rebound}",
        "steal": "{player}抢断{other}",
        "turnover": "{player}失误",
        "foul_personal": "{player}对{other}犯规",
        "foul_shooting": "{player}对{other}投篮犯规",
        "substitution": "{player}替换{other}上场",
        "timeout": "{team}请求暂停",
        "lead": "{team}以{a}比{b}领先",
        "lead_opponent": "{team}以{a}比{b}领先{opponent}",
        "lead_clock": "第{quarter}节还剩{clock}，{team}以{a}比{b}领先",
        "tied": "双方战成{a}平",
        "tied_clock": "第{quarter}节还剩{clock}，双方战成{a}平",
        "quarter_start": "第{quarter}节比赛开始",
        "quarter_end": "第{quarter}节比赛结束",
        "win": "{team}以{a}比{b}获胜",
    },
)

# Vietnamese: quarters are "hiệp một/hai/ba/bốn"; a shot is a verb phrase ("lên rổ") that
# takes "thành công" / "không thành công", or a noun phrase with "cú" when it is an object.
VIETNAMESE = LanguageTable(
    name="Vietnamese",
    teams={team: team for team in ROSTERS},
    quarters=("một", "hai", "ba", "bốn"),
    shots={
        "three": {"verb": "ném ba điểm", "noun": "cú ném ba điểm"},
        "jumper": {"verb": "ném tầm trung", "noun": "cú ném tầm trung"},
        "layup": {"verb": "lên rổ", "noun": "cú lên rổ"},
        "dunk": {"verb": "úp rổ", "noun": "cú úp rổ"},
        "free_throw": {"verb": "ném phạt"},
    },
    rebounds={"offensive": "bóng bật bảng tấn công", "defensive": "bóng bật bảng phòng ngự"},
    templates={
        "made": "{player} {shot[verb]} thành công",
        "made_clock": "{player} {shot[verb]} thành công khi hiệp {quarter} còn {clock}",
        "missed": "{player} {shot[verb]} không thành công",
        "assist": "{player} chuyền bóng cho {other} {shot[verb]}",
        "block": "{player} chặn {shot[noun]} của {other}",
        "rebound": "{player} bắt được {rebound}",
        "steal": "{player} cướp bóng từ tay {other}",
        "turnover": "{player} để mất bóng",
        "foul_personal": "{player} phạm lỗi cá nhân với {other}",
        "foul_shooting": "{player} phạm lỗi với {other} khi ném rổ",
        "substitution": "{player} vào sân thay cho {other}",
        "timeout": "{team} xin hội ý",
        "lead": "{team} dẫn trước {a}–{b}",
        "lead_opponent": "{team} dẫn trước {opponent} {a}–{b}",
        "lead_clock": "{team} dẫn trước {a}–{b} khi hiệp {quarter} còn {clock}",
        "tied": "Hai đội đang hòa {a}–{a}",
        "tied_clock": "Hai đội đang hòa {a}–{a} khi hiệp {quarter} còn {clock}",
        "quarter_start": "Hiệp {quarter} bắt đầu",
        "quarter_end": "Hiệp {quarter} kết thúc",
        "win": "{team} giành chiến thắng {a}–{b}",
    },
)

TABLES: dict[str, LanguageTable] = {
    "en": ENGLISH,
    "fr": FRENCH,
    "es": SPANISH,
    "pt": PORTUGUESE,
    "it": ITALIAN,
    "zh": MANDARIN,
    "vi": VIETNAMESE,
}
# The target languages (English is the source).
LANGUAGES: dict[str, str] = {code: table.name for code, table in TABLES.items() if code != "en"}


# ---------------------------------------------------------------------------------------
# Held-out combinations
# ---------------------------------------------------------------------------------------


def combination_keys(event: Event) -> list[str]:
    """The combinations an event is made of, as stable strings.

    A (player, action) pair, e.g. "Tremblay | made:three" (a made three with or without
    the clock), and a (template, team) pair, e.g. "timeout | Knicks".
    """
    keys = []
    if event.player is not None:
        action = event.template.removesuffix("_clock")
        detail = event.shot or event.rebound
        keys.append(
            f"{event.player} | {action}:{detail}" if detail else f"{event.player} | {action}"
        )
    if event.team is not None:
        keys.append(f"{event.template} | {event.team}")
    return keys


@cache  # a few thousand keys, hashed again for every sampled event
def _bucket(key: str) -> str:
    # sha256, not hash(): Python salts str hashes per process, and the split must not move.
    percent = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % 100
    if percent < DEV_PERCENT:
        return "dev"
    if percent < DEV_PERCENT + TEST_PERCENT:
        return "test"
    return "train"


def split_of(event: Event) -> str:
    """The split an event belongs to: a pure function of its combinations.

    An event is held out if any of its combinations is (test wins over dev). Since the
    English sentence determines the combinations, no sentence can land in two splits.
    Events without combinations (quarter starts, ties) are always train.
    """
    buckets = {_bucket(key) for key in combination_keys(event)}
    for split in ("test", "dev"):
        if split in buckets:
            return split
    return "train"


# ---------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------

# How often each template is drawn for the corpus: play-by-play is mostly shots.
_CORPUS_WEIGHTS = {
    "made": 4.0,
    "made_clock": 1.5,
    "missed": 3.0,
    "assist": 2.5,
    "block": 1.0,
    "rebound": 2.5,
    "steal": 1.0,
    "turnover": 1.0,
    "foul_personal": 1.0,
    "foul_shooting": 1.0,
    "substitution": 1.0,
    "timeout": 0.7,
    "lead": 1.0,
    "lead_opponent": 1.0,
    "lead_clock": 1.0,
    "tied": 0.4,
    "tied_clock": 0.4,
    "quarter_start": 0.3,
    "quarter_end": 0.3,
    "win": 0.4,
}


def random_event(rng: Random, template: str) -> Event:
    """An event of `template` with random but plausible slots, from a Raptors game.

    Only the slots the template uses are drawn: held-out splits reject most draws, so
    this is the corpus's hot loop.
    """
    slots = TEMPLATES[template]
    team, other_team = rng.sample((RAPTORS, rng.choice(OPPONENTS)), 2)
    values: dict = {"team": team, "opponent": other_team}
    if "player" in slots:
        values["player"] = rng.choice(ROSTERS[team])
    if "other" in slots:
        # Assists and substitutions pair teammates; steals, blocks and fouls pair rivals.
        if template in ("assist", "substitution"):
            values["other"] = rng.choice([p for p in ROSTERS[team] if p != values["player"]])
        else:
            values["other"] = rng.choice(ROSTERS[other_team])
    if "shot" in slots:
        values["shot"] = rng.choice(FIELD_GOALS if template in ("assist", "block") else SHOTS)
    if "rebound" in slots:
        values["rebound"] = rng.choice(REBOUNDS)
    if "a" in slots:
        if template == "win":
            values["b"] = rng.randint(80, 125)
            values["a"] = values["b"] + rng.randint(1, 25)
        elif template in ("tied", "tied_clock"):
            values["a"] = rng.randint(1, 120)
        else:
            values["b"] = rng.randint(0, 115)
            values["a"] = values["b"] + rng.randint(1, 20)
    if "quarter" in slots:
        values["quarter"] = rng.randint(1, 4)
    if "clock" in slots:
        values["clock"] = rng.randint(1, QUARTER_SECONDS - 1)
    return Event(template, **{slot: values[slot] for slot in slots})


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")


def generate_corpus(
    n: int, split: str = "train", languages: Iterable[str] | None = None, seed: int = 0
) -> list[tuple[str, str, str]]:
    """`n` parallel examples `(lang, english, translation)` from `split`.

    Each drawn English sentence is given in every language of `languages` (default: all
    of LANGUAGES) in turn, so a multilingual model sees one source with each target;
    the list is cut at exactly `n`. Deterministic for a given (n, split, languages, seed).
    """
    _check_split(split)
    languages = list(LANGUAGES) if languages is None else list(languages)
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"unknown languages {unknown}; expected some of {list(LANGUAGES)}")
    # A string seed goes through sha512 in Random, so it is stable across runs; the split
    # is part of it so dev and test do not replay train's random stream.
    rng = Random(f"commentary:{seed}:{split}")
    templates = list(_CORPUS_WEIGHTS)
    weights = list(_CORPUS_WEIGHTS.values())
    examples: list[tuple[str, str, str]] = []
    while len(examples) < n:
        event = random_event(rng, rng.choices(templates, weights)[0])
        if split_of(event) != split:
            continue  # rejection sampling: held-out splits keep about one draw in ten
        english = event.english
        for lang in languages[: n - len(examples)]:
            examples.append((lang, english, event.render(lang)))
    return examples


def write_tsv(path: str | Path, examples: Iterable[tuple[str, str, str]]) -> None:
    """Write `lang<TAB>source<TAB>target` lines, UTF-8, each ending in a newline."""
    lines = []
    for number, row in enumerate(examples, start=1):
        if len(row) != 3 or any("\t" in field or "\n" in field for field in row):
            raise ValueError(f"example {number} is not 3 fields without tabs or newlines: {row!r}")
        lines.append("\t".join(row) + "\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)


# ---------------------------------------------------------------------------------------
# A live game
# ---------------------------------------------------------------------------------------

# What happens on a fresh possession, and how often. Rebounds follow misses and blocks,
# free throws follow shooting fouls, and score updates follow some baskets.
_PLAY_WEIGHTS = {
    "made": 0.30,
    "missed": 0.28,
    "assist": 0.12,
    "block": 0.05,
    "steal": 0.06,
    "turnover": 0.06,
    "foul_personal": 0.05,
    "foul_shooting": 0.05,
    "substitution": 0.04,
    "timeout": 0.02,
}


class Game:
    """A simulated Raptors game whose events keep the score and clock consistent.

    Each call to `next_event` returns the next line of commentary (None once the game
    is over). A made shot adds its points to the scorer's team, misses and blocks are
    followed by a rebound, a shooting foul by two free throws, the clock runs down
    between plays and the quarters follow one another to a final result (a tied fourth
    quarter ends on a last-second basket, as the grammar has no overtime).

    Where the game has a free choice (who shoots, which shot, which phrasing), it draws
    a few candidates and prefers one whose combination belongs to `split`, else one from
    train, so a "test" game shows sentences the model never trained on where it can.
    """

    # Draws per free choice. Few, so that the preference for `split` mixes held-out lines
    # into the game without making the same few players do everything.
    CANDIDATES = 4
    MAX_DRAWS = 50  # further draws to avoid a combination held out for another split

    def __init__(self, seed: int = 0, split: str = "test") -> None:
        _check_split(split)
        self.split = split
        self.rng = Random(f"game:{seed}")
        self.home, self.away = RAPTORS, self.rng.choice(OPPONENTS)
        self.score = {self.home: 0, self.away: 0}
        self.on_court = {team: list(ROSTERS[team][:5]) for team in self.score}
        self.quarter, self.clock = 1, QUARTER_SECONDS
        self.offence = self.rng.choice([self.home, self.away])
        self.finished = False
        self._queue = [self._event("quarter_start", quarter=1)]  # events already decided
        self._free_throws: list[str] = []  # the shooter, once per free throw left
        self._loose_ball = False  # after a miss or a block a rebound comes next
        self._report_due = False  # after some baskets the score is read out

    def __iter__(self) -> Iterator[Event]:
        while (event := self.next_event()) is not None:
            yield event

    @property
    def defence(self) -> str:
        return self.away if self.offence == self.home else self.home

    def _event(self, template: str, **slots) -> Event:
        slots.setdefault("quarter", self.quarter)
        slots.setdefault("clock", self.clock)
        return Event(template, **slots)

    def next_event(self) -> Event | None:
        if self._queue:
            event = self._queue.pop(0)
        elif self.finished:
            return None
        elif self._free_throws:
            event = self._choose(self._free_throw)
        elif self._loose_ball:
            event = self._choose(self._rebound)
        elif self._report_due:
            event = self._choose(self._score_report)
        else:
            event = self._play()
        self._apply(event)
        return event

    def _choose(self, propose: Callable[[], Event]) -> Event:
        candidates = [propose() for _ in range(self.CANDIDATES)]
        preferred = [event for event in candidates if split_of(event) == self.split]
        if preferred:
            return self.rng.choice(preferred)
        more = (propose() for _ in range(self.MAX_DRAWS))
        for event in chain(candidates, more):
            if split_of(event) == "train":
                return event
        return candidates[0]  # a forced choice (a fouled player's free throws) held out

    def _play(self) -> Event:
        rng = self.rng
        elapsed = rng.randint(6, 24)
        if self.clock - elapsed <= 0:
            if self.quarter == 4 and self.score[self.home] == self.score[self.away]:
                self.clock = rng.randint(1, 3)
                return self._choose(lambda: self._shot("made_clock"))
            self.clock = 0
            return self._event("quarter_end")
        self.clock -= elapsed
        kind = rng.choices(list(_PLAY_WEIGHTS), list(_PLAY_WEIGHTS.values()))[0]
        proposers = {
            "made": lambda: self._shot(rng.choice(("made", "made", "made", "made_clock"))),
            "missed": lambda: self._shot("missed"),
            "assist": self._assist,
            "block": self._block,
            "steal": lambda: self._rivals("steal"),
            "turnover": lambda: self._event(
                "turnover", player=rng.choice(self.on_court[self.offence])
            ),
            "foul_personal": lambda: self._rivals("foul_personal"),
            "foul_shooting": lambda: self._rivals("foul_shooting"),
            "substitution": self._substitution,
            "timeout": lambda: self._event("timeout", team=rng.choice([self.home, self.away])),
        }
        return self._choose(proposers[kind])

    # Proposers: each draws one candidate event from the current state, changing nothing.

    def _shot(self, template: str) -> Event:
        shooter = self.rng.choice(self.on_court[self.offence])
        return self._event(template, player=shooter, shot=self.rng.choice(FIELD_GOALS))

    def _assist(self) -> Event:
        passer, scorer = self.rng.sample(self.on_court[self.offence], 2)
        return self._event("assist", player=passer, other=scorer, shot=self.rng.choice(FIELD_GOALS))

    def _block(self) -> Event:
        blocker = self.rng.choice(self.on_court[self.defence])
        shooter = self.rng.choice(self.on_court[self.offence])
        return self._event(
            "block", player=blocker, other=shooter, shot=self.rng.choice(FIELD_GOALS)
        )

    def _rivals(self, template: str) -> Event:
        """A defender acting on an attacker: steals and fouls."""
        defender = self.rng.choice(self.on_court[self.defence])
        return self._event(
            template, player=defender, other=self.rng.choice(self.on_court[self.offence])
        )

    def _rebound(self) -> Event:
        kind = "offensive" if self.rng.random() < 0.25 else "defensive"
        team = self.offence if kind == "offensive" else self.defence
        return self._event("rebound", player=self.rng.choice(self.on_court[team]), rebound=kind)

    def _free_throw(self) -> Event:
        template = self.rng.choices(("made", "made_clock", "missed"), (0.6, 0.15, 0.25))[0]
        return self._event(template, player=self._free_throws[0], shot="free_throw")

    def _substitution(self) -> Event:
        team = self.rng.choice([self.home, self.away])
        bench = [p for p in ROSTERS[team] if p not in self.on_court[team]]
        incoming, outgoing = self.rng.choice(bench), self.rng.choice(self.on_court[team])
        return self._event("substitution", player=incoming, other=outgoing)

    def _score_report(self) -> Event:
        home, away = self.score[self.home], self.score[self.away]
        if home == away:
            return self._event(self.rng.choice(("tied", "tied_clock")), a=home)
        leader, trailer = (self.home, self.away) if home > away else (self.away, self.home)
        template = self.rng.choice(("lead", "lead_opponent", "lead_clock"))
        opponent = trailer if template == "lead_opponent" else None
        return self._event(
            template, team=leader, opponent=opponent, a=self.score[leader], b=self.score[trailer]
        )

    def _apply(self, event: Event) -> None:
        """Move the game state on by one event."""
        template, shot = event.template, event.shot
        if template in ("made", "made_clock", "assist"):
            scorer = event.other if template == "assist" else event.player
            self.score[TEAM_OF[scorer]] += POINTS[shot]
            self._report_due = self.rng.random() < 0.35
            if shot == "free_throw":
                self._free_throws.pop(0)
            if not self._free_throws:
                self.offence = self.away if TEAM_OF[scorer] == self.home else self.home
        elif template == "missed":
            if shot == "free_throw":
                self._free_throws.pop(0)
            self._loose_ball = not self._free_throws
        elif template == "block":
            self._loose_ball = True
        elif template == "rebound":
            self._loose_ball = False
            self.offence = TEAM_OF[event.player]
        elif template == "steal":
            self.offence = TEAM_OF[event.player]
        elif template == "turnover":
            self.offence = self.defence
        elif template == "foul_shooting":
            self._free_throws = [event.other, event.other]
        elif template == "substitution":
            lineup = self.on_court[TEAM_OF[event.player]]
            lineup[lineup.index(event.other)] = event.player
        elif template in ("lead", "lead_opponent", "lead_clock", "tied", "tied_clock"):
            self._report_due = False
        elif template == "quarter_start":
            self.quarter, self.clock = event.quarter, QUARTER_SECONDS
            self.offence = self.rng.choice([self.home, self.away])
        elif template == "quarter_end":
            if self.quarter < 4:
                self._queue.append(
                    self._event("quarter_start", quarter=self.quarter + 1, clock=QUARTER_SECONDS)
                )
            else:
                leader = max(self.score, key=self.score.get)
                trailer = self.away if leader == self.home else self.home
                self._queue.append(
                    self._event("win", team=leader, a=self.score[leader], b=self.score[trailer])
                )
                self.finished = True


def play_by_play(seed: int = 0, n_events: int = 12, split: str = "test") -> list[Event]:
    """The first `n_events` events of a simulated game (fewer if the game ends first)."""
    events = []
    game = Game(seed=seed, split=split)
    while len(events) < n_events and (event := game.next_event()) is not None:
        events.append(event)
    return events

"""An English synonym lexicon for the demo's training lines: the same fact in other words.

The demo model learns English from the grammar's templates and phrasings
(rnnkit/demo/languages/en.py), which say each event in a few dozen ways. A real
commentator says it in many more ("drains a trey", "swats his layup", "coughs it up",
"knotted at 50"), and a model that never met those words maps them onto the wrong event.
`vary` rewrites a generated English line with the words of `SYNONYMS`, at random, so the
model sees the same fact said with many more words.

Each entry of `SYNONYMS` is `(pattern, alternatives)`: a compiled regular expression for an
English phrase as the generator writes it, in lower case (lookarounds give the context
where a word has several senses: "makes a layup" is a shot made, "makes his way" is not;
"hits a" is a shot, "hits ｟P2｠" a pass; "drains" fits a jump shot, not a dunk), and
replacements that fit the same grammatical slot (person, number, tense, article) and say
exactly the same fact: the shot's kind, who did what to whom, the rebound's and the foul's
kind, the score and the clock never change. No alternative has a digit, a capital letter,
a name or a slot token. Where the generator says one thing with several phrases, each of
them is an entry whose alternatives are the group's other phrases (`_ring`), so no
alternative is ever the phrase it replaces.

`find` gives the spans of a line that the entries match (earlier entries first, no two
overlapping, none inside a slot token); `vary` replaces each with probability `share`. A
phrase that opens the line or a sentence in it ("Rejected! ...") is matched in lower case
and its alternative capitalised.
"""

from __future__ import annotations

import re
from random import Random

Entry = tuple[re.Pattern[str], tuple[str, ...]]

# A number as a slot token or as digits; the start of a player's (or team's) slot or name.
_N = r"(?:｟N\d+｠|\d+)"
_WHO = r"(?:｟[PT]\d+｠|[A-Z])"
_PLAYER = r"(?:｟P\d+｠|[A-Z])"
# What follows a verb of a made or missed shot: the shot that it fits.
_SHOOTER = (
    r"(?= (?:an?|the) (?:" + _N + r"-foot )?"
    r"(?:three|jump shot|free throw|hook|floater|runner|fadeaway|pull-up)\b)"
)
_LAYUP = r"(?= (?:an?|the) layup\b)"
_DUNK = r"(?= (?:an?|the) dunk\b)"
_JUMPER = r"(?= an? (?:three-pointer|jump shot|free throw)\b)"
_FINISH = r"(?= an? (?:layup|dunk)\b)"
# What follows the verb of a foul a player commits: the foul.
_FOUL = (
    r"(?= (?:an?|the|his) (?:(?:" + _N + r"|｟O\d+｠|\w+)(?:st|nd|rd|th)? )?(?:\w+ )?"
    r"(?:foul|personal|flagrant|technical|tech)\b)"
)
# Right after a team: its slot, or (in a line without slots) a plural team name.
_TEAM_BEFORE = r"(?:(?<=｟T\d｠ )|(?<=[a-z]s ))"
_SLOT = re.compile("｟[^｟｠]*｠")


def _entry(pattern: str, *alternatives: str) -> Entry:
    return re.compile(pattern), alternatives


def _ring(phrases, extra=(), *, pool=None, before="", after="", only=()) -> list[Entry]:
    """An entry for each of `phrases` and `only` (the generator's words, `only`'s never an
    alternative): the phrase, between the lookarounds `before` and `after`, said with the
    words of `pool` (default: `phrases` and `extra`) other than itself."""
    pool = tuple(dict.fromkeys((*phrases, *extra) if pool is None else pool))
    return [
        _entry(before + r"\b" + phrase + r"\b" + after, *(w for w in pool if w != phrase))
        for phrase in dict.fromkeys((*phrases, *only))
    ]


# The generator's verbs of a made shot (before "a", "the" and the shot), and what each
# shot can be said with instead: "drains" fits a jump shot or a free throw, not a dunk.
_MADE = (
    "makes",
    "hits",
    "converts",
    "scores on",
    "connects on",
    "is successful on",
    "is good on",
    "cashes in on",
    "comes through with",
    "delivers",
    "adds",
    "scores with",
    "scores",
    "drains",
    "buries",
    "knocks down",
    "nails",
    "sinks",
    "cans",
    "splashes",
    "drops in",
)
_MADE_SHOT = (
    "makes",
    "hits",
    "converts",
    "drains",
    "knocks down",
    "buries",
    "nails",
    "sinks",
    "cans",
    "connects on",
)
_MADE_LAYUP = (
    "makes",
    "hits",
    "converts",
    "finishes",
    "scores on",
    "connects on",
    "is good on",
    "cashes in on",
    "drops in",
    "comes through with",
)
_MADE_DUNK = (
    "makes",
    "converts",
    "finishes",
    "throws down",
    "hammers home",
    "slams home",
    "scores on",
    "connects on",
    "cashes in on",
    "delivers",
)
# The generator's verbs of a missed shot, and what a jump shot or a free throw, and a
# layup or a dunk, can be missed with.
_MISSED = (
    "misses",
    "can't convert",
    "comes up empty on",
    "misfires on",
    "can't connect on",
    "fails to convert",
    "is unsuccessful on",
    "is off the mark with",
)
_MISSED_SHOT = (
    "misses",
    "misfires on",
    "bricks",
    "clanks",
    "can't convert",
    "can't knock down",
    "comes up empty on",
    "can't connect on",
    "fails to convert",
    "rims out",
)
_MISSED_FINISH = (
    "misses",
    "blows",
    "botches",
    "can't finish",
    "can't convert",
    "comes up empty on",
    "can't connect on",
    "fails to convert",
    "flubs",
    "misfires on",
)

SYNONYMS: tuple[Entry, ...] = (
    # ---- shots: the noun, with "a", with "the" and bare ------------------------------
    _entry(
        r"\ba three-pointer attempt\b",
        "a three-point attempt",
        "a three-point try",
        "a trey attempt",
        "a three-ball attempt",
        "an attempt from deep",
        "a three",
    ),
    _entry(
        r"\ba three-pointer\b",
        "a three",
        "a trey",
        "a triple",
        "a three-ball",
        "a long ball",
        "a shot from deep",
        "a shot from downtown",
        "a shot from beyond the arc",
        "a three-point shot",
        "a three-point try",
    ),
    _entry(
        r"\bthe three-pointer\b",
        "the three",
        "the trey",
        "the triple",
        "the three-ball",
        "the long ball",
        "the shot from deep",
        "the shot from beyond the arc",
        "the three-point shot",
    ),
    _entry(
        r"(?<=-foot )three-pointer\b",
        "three",
        "trey",
        "triple",
        "three-ball",
        "bomb",
        "three-point shot",
    ),
    _entry(
        r"\bthree-pointer\b",
        "three",
        "trey",
        "triple",
        "three-ball",
        "long ball",
        "three-point shot",
        "shot from deep",
        "shot from beyond the arc",
    ),
    _entry(
        r"\ba three(?= from)",
        "a trey",
        "a triple",
        "a three-pointer",
        "a three-ball",
        "a long ball",
        "a bomb",
    ),
    _entry(
        r"\bthe three\b(?!-)",
        "the trey",
        "the triple",
        "the three-pointer",
        "the three-ball",
        "the long ball",
    ),
    _entry(
        r"(?<=-foot )three\b(?!-)",
        "trey",
        "triple",
        "three-pointer",
        "three-ball",
        "bomb",
        "long ball",
    ),
    _entry(
        r"\bfor three\b(?!-| \w)",
        "for three points",
        "for a triple",
        "for a trey",
        "for a three-pointer",
    ),
    _entry(r"\bthrees\b", "three-pointers", "treys", "triples", "three-balls", "shots from deep"),
    _entry(
        r"\bthree-point attempts\b",
        "attempts from deep",
        "threes",
        "three-point tries",
        "tries from beyond the arc",
        "shots from three",
    ),
    *_ring(
        (
            "from three",
            "from deep",
            "from beyond the arc",
            "from three-point range",
            "from long range",
        ),
        ("from downtown", "from distance", "from behind the arc", "from outside the arc"),
        after=r"(?!-)",
    ),
    _entry(
        r"\bfrom downtown\b",
        "from deep",
        "from long range",
        "from beyond the arc",
        "from three-point range",
        "from distance",
        "from behind the arc",
    ),
    _entry(
        r"\bfrom way downtown\b",
        "from way out",
        "from well beyond the arc",
        "from way beyond the arc",
        "from the parking lot",
        "from deep, deep downtown",
        "from way, way out",
    ),
    _entry(
        r"\ba jump shot attempt\b",
        "a jumper",
        "a jump-shot attempt",
        "a jumpshot",
        "a mid-range jumper",
        "a two-point jumper",
    ),
    _entry(
        r"\ba jump shot\b",
        "a jumper",
        "a jumpshot",
        "a mid-range jumper",
        "a mid-range jump shot",
        "a two-point jumper",
        "a jumper from two",
    ),
    _entry(
        r"\bthe jump shot\b",
        "the jumper",
        "the jumpshot",
        "the mid-range jumper",
        "the mid-range jump shot",
        "the two-point jumper",
    ),
    _entry(
        r"(?<!fadeaway )\bjump shot\b",
        "jumper",
        "jumpshot",
        "mid-range jumper",
        "mid-range jump shot",
        "two-point jumper",
    ),
    _entry(
        r"\bfadeaway jumper\b",
        "fadeaway jump shot",
        "fadeaway",
        "fallaway jumper",
        "fallaway",
        "fade-away jumper",
    ),
    _entry(r"\bfadeaway jump shot\b", "fadeaway jumper", "fadeaway", "fallaway jumper", "fallaway"),
    _entry(
        r"\bfadeaway\b(?! j)",
        "fallaway",
        "fadeaway jumper",
        "fade-away",
        "fadeaway jump shot",
        "fallaway jumper",
    ),
    _entry(r"\bfallaway\b", "fadeaway", "fadeaway jumper", "fallaway jumper", "fade-away"),
    _entry(
        r"\bpull-up jumper\b",
        "pull-up jump shot",
        "pull-up",
        "pull-up shot",
        "jumper off the dribble",
        "stop-and-pop jumper",
    ),
    _entry(
        r"\bpull-up\b(?! j)",
        "pull-up jumper",
        "pull-up jump shot",
        "pull-up shot",
        "jumper off the dribble",
    ),
    _entry(r"(?<=-)footer\b", "foot jumper", "foot jump shot", "foot shot"),
    _entry(r"\boff the dribble\b", "off the bounce", "off the move", "on the move"),
    _entry(r"\bpulls up\b", "rises up", "elevates", "stops and rises", "rises"),
    _entry(r"\bstops and pops\b", "pulls up", "rises up", "stops and rises", "elevates"),
    _entry(
        r"\ba layup attempt\b",
        "a layup try",
        "a lay-up",
        "a lay-in",
        "a layup",
        "a finger roll",
        "a scoop",
    ),
    _entry(
        r"\ba layup\b",
        "a lay-up",
        "a lay-in",
        "a layin",
        "a finger roll",
        "a scoop",
        "a scoop layup",
        "a finger-roll layup",
    ),
    _entry(
        r"\bthe layup\b", "the lay-up", "the lay-in", "the layin", "the finger roll", "the scoop"
    ),
    _entry(r"\blayup\b", "lay-up", "lay-in", "layin", "finger roll", "scoop"),
    _entry(r"\ba dunk attempt\b", "a dunk try", "a slam", "a jam", "a dunk", "a slam attempt"),
    _entry(
        r"\ba dunk\b",
        "a slam",
        "a jam",
        "a slam dunk",
        "a throwdown",
        "a flush",
        "a slam-dunk",
    ),
    _entry(r"\bthe dunk\b", "the slam", "the jam", "the slam dunk", "the throwdown", "the flush"),
    _entry(r"\bdunk\b", "slam", "jam", "slam dunk", "throwdown", "flush"),
    _entry(
        r"\ba free throw attempt\b",
        "a free-throw attempt",
        "a foul shot",
        "a freebie",
        "a free throw",
        "a foul-shot attempt",
        "a charity toss",
    ),
    _entry(
        r"\ba free throw\b",
        "a foul shot",
        "a freebie",
        "a free-throw attempt",
        "a shot from the line",
        "a shot from the stripe",
        "a shot from the charity stripe",
        "a charity toss",
    ),
    _entry(
        r"\bfree throws\b",
        "foul shots",
        "freebies",
        "free-throw attempts",
        "shots from the line",
        "charity tosses",
    ),
    _entry(
        r"\bfree-throw attempts\b",
        "free throws",
        "foul shots",
        "attempts from the line",
        "tries from the stripe",
        "foul-shot attempts",
        "freebies",
    ),
    _entry(
        r"\bthe free-throw line\b", "the line", "the foul line", "the stripe", "the charity stripe"
    ),
    *_ring(
        ("at the line", "from the line", "from the stripe", "from the charity stripe"),
        ("at the stripe", "at the foul line", "from the foul line", "at the charity stripe"),
    ),
    _entry(r"\bto the line\b", "to the stripe", "to the foul line", "to the charity stripe"),
    _entry(r"\ba hook shot\b", "a hook", "a baby hook", "a jump hook"),
    _entry(r"\bthe hook shot\b", "the hook", "the baby hook", "the jump hook"),
    _entry(r"\bthe hook\b(?! shot)", "the hook shot", "the baby hook", "the jump hook"),
    _entry(r"\ba hook\b(?! shot)", "a hook shot", "a baby hook", "a jump hook"),
    _entry(r"\ba floater\b", "a runner", "a teardrop", "a floating shot"),
    _entry(r"\bthe floater\b", "the runner", "the teardrop", "the floating shot"),
    _entry(r"\bthe runner\b", "the floater", "the teardrop", "the floating shot"),
    *_ring(("field-goal attempts",), ("shots from the field", "shot attempts", "field-goal tries")),
    *_ring(("from the field", "from the floor"), ("overall",)),
    # ---- a made shot: the verb fits the shot it comes before --------------------------
    *_ring(_MADE, pool=_MADE_SHOT, after=_SHOOTER),
    *_ring(_MADE[:13], pool=_MADE_LAYUP, after=_LAYUP),  # the verbs that fit every shot
    *_ring(_MADE[:13], pool=_MADE_DUNK, after=_DUNK),
    _entry(
        r"\bhits(?=, plus)", "scores", "converts", "connects", "gets the bucket", "makes the shot"
    ),
    _entry(
        r"\bhits it\b",
        "makes it",
        "knocks it down",
        "drains it",
        "buries it",
        "sinks it",
        "cans it",
    ),
    _entry(
        r"(?<=and )hits$",
        "scores",
        "connects",
        "knocks it down",
        "drains it",
        "buries it",
        "nails it",
    ),
    *_ring(
        ("has hit", "has made", "has knocked down", "has connected on"),
        ("has converted", "has drained", "has sunk", "has canned"),
        after=r"(?= " + _N + r")",
    ),
    *_ring(("buries it", "drains it", "knocks it down"), ("nails it", "cans it", "sinks it")),
    _entry(r"\bsplashes it\b", "drains it", "buries it", "cans it", "nails it", "knocks it down"),
    _entry(
        r"\blets it fly\b", "lets it go", "fires away", "lets it rip", "lets one fly", "launches"
    ),
    _entry(r"\blaunches\b", "fires", "lets it fly", "lets one go", "hoists", "lets fly"),
    *_ring(
        ("and it's good", "and it drops", "and it counts"),
        ("and it goes", "and it's in", "and it's down", "and it falls"),
    ),
    _entry(
        r"(?:(?<=, )|(?<=\.\.\. )|^)good\b(?= ?(?:!|$))",
        "it's good",
        "count it",
        "money",
        "yes",
        "got it",
        "bucket",
        "it goes",
    ),
    _entry(r"\bbang\b", "boom", "splash", "bingo", "yes"),
    _entry(r"^yes(?=!)", "bingo", "got it", "oh yes", "money"),
    _entry(r"\bare you kidding me\b", "are you serious", "can you believe that", "how about that"),
    *_ring(
        ("to go", "to fall", "to drop"),
        ("to go down", "to go in", "to find the net"),
        before=r"(?<![\d｠] )(?<!has )",
        after=r"(?! with| along)",
    ),
    # ---- a missed shot ----------------------------------------------------------------
    *_ring(_MISSED, pool=_MISSED_SHOT, after=_JUMPER),
    *_ring(_MISSED, pool=_MISSED_FINISH, after=_FINISH),
    _entry(
        r"\bmisses on(?= an? )",
        "comes up empty on",
        "is no good on",
        "fails on",
        "can't connect on",
        "is unsuccessful on",
        "misfires on",
        "comes away empty on",
    ),
    _entry(
        r"\bunable to connect on\b",
        "unable to convert",
        "unable to make",
        "unable to hit",
        "failing to convert",
        "unable to cash in on",
    ),
    _entry(
        r"\bno good on\b",
        "off on",
        "off the mark on",
        "off target on",
        "not good on",
        "unsuccessful on",
    ),
    _entry(r"\bmiss by\b", "misfire by", "missed attempt by", "no good from"),
    *_ring(
        ("it's no good", "it won't go", "it won't drop"),
        ("it's off", "it won't fall", "it doesn't fall", "it doesn't go", "it rims out"),
    ),
    _entry(
        r"(?<=, )no good\b",
        "off the mark",
        "off target",
        "not good",
        "off",
        "it won't go",
        "it rims out",
    ),
    _entry(
        r"\btries(?= an? (?!free throw))",
        "attempts",
        "puts up",
        "goes up for",
        "goes up with",
        "goes for",
    ),
    _entry(r"\bputs up(?= an? (?!free throw))", "attempts", "tries", "goes up with", "goes up for"),
    _entry(r"\bgoes up for\b", "rises up for", "elevates for", "goes up with", "tries", "attempts"),
    # ---- an assist --------------------------------------------------------------------
    *_ring(
        ("finds", "feeds", "sets up", "hits"),
        ("spots", "dishes to", "connects with", "locates", "passes to", "threads it to"),
        after=r"(?= " + _PLAYER + ")",
    ),
    *_ring(
        ("dishes to",),
        ("feeds", "finds", "hits", "dishes it off to", "passes to", "spots"),
    ),
    _entry(
        r"\bthreads the needle to\b",
        "fits it through to",
        "threads a pass to",
        "squeezes a pass to",
        "threads it through to",
        "slips a pass to",
    ),
    _entry(
        r"\bdrops a dime to\b",
        "dishes a dime to",
        "delivers a dime to",
        "throws a dime to",
        "finds",
        "feeds",
    ),
    _entry(
        r"\bserves it up to\b",
        "dishes it to",
        "delivers it to",
        "gives it up to",
        "hands it to",
        "tees it up for",
    ),
    _entry(
        r"\bassisted by\b",
        "set up by",
        "fed by",
        "found by",
        "on a feed from",
        "on a pass from",
        "on the dish from",
        "with the helper from",
    ),
    _entry(r"\bthe assist\b", "the helper", "the dime", "the dish"),
    *_ring(("assists", "dimes"), ("helpers",)),
    *_ring(
        ("the feed from", "a dish from"),
        ("the pass from", "a pass from", "a feed from", "a dime from", "the dime from"),
    ),
    _entry(r"\bwhat a pass\b", "what a feed", "what a dime", "what a dish", "what a delivery"),
    _entry(
        r"\bgreat ball from\b",
        "great pass from",
        "great feed from",
        "beautiful pass from",
        "nice dish from",
        "great dime from",
    ),
    _entry(
        r"\bnice feed by\b",
        "nice pass by",
        "great feed by",
        "nice dish by",
        "good pass by",
        "nice dime by",
    ),
    _entry(
        r"\bthrows the alley-oop to\b",
        "lobs the alley-oop to",
        "tosses the lob to",
        "throws the lob to",
        "lofts the alley-oop to",
    ),
    _entry(r"\bcatches the lob\b", "hauls in the lob", "grabs the lob", "gathers the lob"),
    _entry(r"\bthe alley-oop pass\b", "the lob pass", "the lob", "the oop pass"),
    _entry(r"\bthe alley-oop\b", "the oop", "the lob", "the alley-oop pass", "the lob pass"),
    _entry(r"\bthe lob\b", "the lob pass", "the high lob", "the alley-oop pass"),
    _entry(r"\bthe oop\b", "the alley-oop", "the lob", "the alley-oop lob"),
    _entry(r"\bwhat a lob\b", "what a lob pass", "what a toss", "what a feed"),
    _entry(r"\blobs it\b", "tosses it", "throws it", "floats it", "lofts it"),
    _entry(r"\bthrows it up\b", "lobs it up", "tosses it up", "floats it up", "lofts it up"),
    _entry(
        r"\bfinishes at the rim\b",
        "finishes it off",
        "converts at the rim",
        "finishes at the basket",
        "finishes at the hoop",
    ),
    # ---- a block ----------------------------------------------------------------------
    _entry(
        r"\bblocks(?= " + _PLAYER + ")",
        "rejects",
        "swats",
        "stuffs",
        "denies",
        "turns away",
        "stonewalls",
    ),
    _entry(
        r"\bblocks it\b",
        "rejects it",
        "swats it away",
        "sends it back",
        "stuffs it",
        "turns it away",
        "denies it",
        "erases it",
    ),
    _entry(
        r"\bblocks(?= the)",
        "rejects",
        "swats",
        "swats away",
        "sends back",
        "stuffs",
        "turns away",
    ),
    *_ring(
        ("rejects", "swats away", "sends back", "erases"),
        ("blocks", "swats", "stuffs", "turns away", "bats away", "knocks away"),
        after=r"(?= " + _PLAYER + "| the)",
    ),
    _entry(
        r"\bswats(?= " + _PLAYER + ")",
        "blocks",
        "rejects",
        "stuffs",
        "erases",
        "sends back",
        "bats away",
    ),
    _entry(
        r"\bswats it away\b",
        "sends it away",
        "bats it away",
        "knocks it away",
        "turns it away",
        "rejects it",
        "blocks it",
        "sends it back",
    ),
    _entry(r"\bdenies(?= " + _PLAYER + ")", "stops", "blocks", "rejects", "stuffs", "turns away"),
    _entry(r"\bsays no to\b", "denies", "stuffs", "stops", "rejects", "turns away"),
    _entry(r"\bgets a piece of\b", "gets a hand on", "gets a fingertip on", "gets a touch on"),
    *_ring(("the block", "the rejection"), ("the swat", "the stuff", "the denial")),
    _entry(
        r"\bbig block by\b",
        "huge block by",
        "great block by",
        "big rejection by",
        "big swat by",
        "monster block by",
    ),
    _entry(
        r"\bblocked by\b",
        "rejected by",
        "swatted by",
        "stuffed by",
        "denied by",
        "sent back by",
        "turned away by",
    ),
    *_ring(("rejected", "denied"), ("blocked", "stuffed", "swatted", "sent back"), after=r"(?=!)"),
    _entry(
        r"\bis denied\b",
        "is rejected",
        "is blocked",
        "is swatted away",
        "is sent back",
        "is stuffed",
    ),
    _entry(
        r"\bget that out of here\b",
        "get that outta here",
        "not in here",
        "not in my house",
        "get it out of here",
        "take that somewhere else",
    ),
    # ---- a rebound --------------------------------------------------------------------
    *_ring(
        (
            "grabs",
            "pulls down",
            "comes down with",
            "hauls in",
            "snags",
            "secures",
            "collects",
            "rips down",
            "gobbles up",
            "comes up with",
            "corrals",
            "comes away with",
        ),
        pool=(
            "grabs",
            "pulls down",
            "hauls in",
            "snares",
            "snags",
            "secures",
            "collects",
            "corrals",
            "comes down with",
            "rips down",
        ),
        after=r"(?= the (?:offensive |defensive )?(?:rebound|board|miss)\b)",
    ),
    *_ring(
        ("cleans the glass for", "wins the battle for", "skies for"),
        ("rises up for", "climbs the ladder for", "soars for"),
    ),
    _entry(
        r"\bgoes up and gets\b",
        "goes up and grabs",
        "rises up and grabs",
        "goes up and snares",
        "skies and pulls down",
    ),
    _entry(
        r"\bthe offensive rebound\b",
        "the offensive board",
        "an offensive board",
        "an offensive rebound",
        "the offensive carom",
        "the rebound on the offensive end",
        "the board on the offensive end",
    ),
    _entry(
        r"\bthe defensive rebound\b",
        "the defensive board",
        "a defensive board",
        "a defensive rebound",
        "the defensive carom",
        "the rebound on the defensive end",
        "the board on the defensive end",
    ),
    *_ring(("rebounds", "boards"), ("caroms",)),
    *_ring(("grabbed", "pulled down"), ("hauled in", "collected", "snared")),
    _entry(
        r"\bgets the board\b",
        "grabs the rebound",
        "gets the rebound",
        "grabs the board",
        "pulls down the rebound",
        "grabs the carom",
    ),
    # ---- a steal ----------------------------------------------------------------------
    *_ring(
        ("steals the ball from", "rips the ball away from", "swipes the ball from"),
        (
            "strips the ball from",
            "takes the ball away from",
            "pokes the ball away from",
            "snatches the ball from",
            "pilfers the ball from",
            "picks the pocket of",
        ),
    ),
    *_ring(
        ("takes it away from", "swipes it from", "pokes it away from", "snatches it away from"),
        ("steals it from", "rips it away from", "strips it from", "knocks it away from"),
    ),
    _entry(
        r"\bstrips(?= " + _PLAYER + r")(?! \S+ of\b)",
        "picks the pocket of",
        "pickpockets",
        "robs",
        "steals it from",
        "swipes it from",
        "pokes it away from",
    ),
    _entry(r"\bstrips(?= \S+ of the ball)", "relieves", "dispossesses", "robs", "cleans out"),
    _entry(
        r"\bpicks off\b",
        "strips",
        "robs",
        "picks the pocket of",
        "takes it away from",
        "steals it from",
    ),
    _entry(
        r"\bstolen by\b",
        "taken away by",
        "swiped by",
        "pilfered by",
        "poked away by",
        "ripped away by",
    ),
    _entry(r"\bstolen(?=!)", "picked off", "swiped", "pickpocketed", "taken away", "ripped away"),
    _entry(r"\bthe steal\b", "the takeaway", "the swipe", "the theft", "the strip"),
    _entry(
        r"\bis stripped by\b",
        "gets stripped by",
        "has his pocket picked by",
        "is robbed by",
        "gets his pocket picked by",
        "is picked clean by",
    ),
    _entry(
        r"\bstealing it from\b",
        "swiping it from",
        "taking it away from",
        "snatching it from",
        "poking it away from",
    ),
    _entry(r"\bgreat hands by\b", "quick hands by", "active hands by", "nice hands by"),
    # ---- a turnover -------------------------------------------------------------------
    *_ring(
        ("loses the ball", "coughs up the ball", "gives up the ball"),
        (
            "turns it over",
            "coughs it up",
            "gives it away",
            "turns the ball over",
            "coughs up the rock",
        ),
    ),
    *_ring(
        ("turns it over", "coughs it up", "gives it away", "loses it", "gives it up"),
        ("turns the ball over", "hands it over", "coughs up the ball", "gives the ball away"),
    ),
    _entry(
        r"\bcan't hang on to the ball\b",
        "can't hold on to the ball",
        "can't handle the ball",
        "loses control of the ball",
        "can't keep hold of the ball",
    ),
    _entry(r"\bcan't hold on\b", "can't hang on", "loses control", "can't handle it"),
    *_ring(("the turnover", "the giveaway"), ("the miscue", "the lost ball")),
    *_ring(("turnover", "giveaway"), ("miscue", "cough-up"), after=r"(?= (?:on|by|charged)\b)"),
    *_ring(
        ("take over", "have it", "get possession", "take possession", "take it"),
        ("gain possession", "get the ball"),
        before=r"(?:(?<=｠ )|(?<=s ))",
        after=r"(?!\w)",
    ),
    # ---- a foul -----------------------------------------------------------------------
    *_ring(
        (
            "is called for",
            "is whistled for",
            "is charged with",
            "picks up",
            "gets tagged with",
            "is hit with",
            "is assessed",
            "is slapped with",
            "is saddled with",
            "gets called for",
        ),
        pool=(
            "is called for",
            "is whistled for",
            "is charged with",
            "picks up",
            "is tagged with",
            "gets tagged with",
            "is hit with",
            "gets called for",
            "commits",
            "is assessed",
        ),
        after=_FOUL,
        only=("commits",),
    ),
    _entry(
        r"(?<!is )(?<!gets )(?<!are )(?<!get )\bwhistled for(?= a)",
        "called for",
        "charged with",
        "tagged with",
    ),
    *_ring(
        ("are called for", "are whistled for", "are assessed", "get hit with"),
        ("are charged with", "get called for", "get whistled for", "are hit with"),
        after=r"(?= (?:an? )?(?:backcourt|shot-clock|bench technical|over and back))",
        only=("commit",),
    ),
    _entry(
        r"\bfouls(?= " + _PLAYER + r"\S* (?:on the shot|in the act))", "hacks", "clips", "whacks"
    ),
    _entry(r"\bhacks\b", "fouls", "clips", "whacks"),
    *_ring(
        ("in the act of shooting", "on the shot"),
        ("on the shot attempt", "while shooting", "on the attempt"),
        after=r"(?!-)",
    ),
    _entry(r"\bdraws(?= an? (?:personal|shooting))", "earns", "forces"),
    *_ring(("gets fouled", "is fouled"), ("gets hacked", "is hacked", "gets hit")),
    _entry(r"\bhe's fouled\b", "he gets fouled", "he's hacked", "he gets hacked", "he's hit"),
    _entry(r"\bdraws the foul\b", "gets fouled", "is fouled", "earns the foul", "gets the call"),
    _entry(r"^and one(?=!)", "and-one", "plus the foul", "and the foul"),
    _entry(r"(?<=, )and one(?=!)", "and-one", "plus the foul", "and the foul"),
    _entry(r"^and one(?= for)", "and-one", "plus the foul", "bucket plus the foul"),
    _entry(
        r"\bthe and-one\b",
        "the and one",
        "the bucket and the foul",
        "the basket plus the foul",
        "the hoop and the harm",
    ),
    _entry(
        r"\bthe hoop and the harm\b",
        "the bucket and the foul",
        "the basket and the foul",
        "the and-one",
        "the score and the foul",
    ),
    _entry(
        r"\bthe bucket and the foul\b",
        "the hoop and the harm",
        "the and-one",
        "the basket and the foul",
    ),
    _entry(r"\ba personal foul\b", "a personal", "a common foul"),
    _entry(r"(?<!a )\bpersonal foul\b", "personal", "common foul"),
    _entry(r"\bflagrant foul\b", "flagrant", "flagrant personal foul"),
    _entry(r"\bflagrant\b(?! foul)(?!ly)", "flagrant foul", "flagrant personal foul"),
    _entry(r"\ban offensive foul\b", "a foul on the offense"),
    _entry(r"\bthe offensive foul\b", "the foul on the offense"),
    _entry(r"\boffensive foul\b(?! called)", "offensive-foul call", "foul on the offense"),
    _entry(r"^shooting foul(?=,)", "foul on the shot", "foul in the act of shooting"),
    _entry(r"(?<=｟O\d｠ )foul\b", "personal foul", "personal"),
    _entry(r"^foul on(?= " + _PLAYER + ")", "whistle on", "call on"),
    _entry(
        r"\bthe whistle goes against\b",
        "the call goes against",
        "the whistle is on",
        "the officials call it on",
    ),
    _entry(r"^whistle on\b", "call on", "foul on"),
    _entry(r"\ba personal\b(?= on\b| against\b|,|$)", "a personal foul", "a common foul"),
    *_ring(("technical foul", "technical", "tech"), (), after=r"(?! foul)"),
    # ---- a substitution ---------------------------------------------------------------
    *_ring(
        (
            "comes in for",
            "checks in for",
            "enters the game for",
            "comes off the bench for",
            "subs in for",
            "replaces",
            "takes the place of",
        ),
        pool=(
            "comes in for",
            "checks in for",
            "enters the game for",
            "comes off the bench for",
            "subs in for",
            "replaces",
            "goes in for",
            "comes on for",
            "spells",
            "relieves",
        ),
        after=r"(?= " + _PLAYER + ")",
    ),
    *_ring(
        ("coming in for", "coming on for"),
        ("checking in for", "subbing in for", "going in for", "replacing", "taking over for"),
    ),
    *_ring(
        (
            "checks in for",
            "comes in for",
            "enters for",
            "comes off the bench for",
            "enters the game for",
            "comes into the game for",
        ),
        ("checks into the game for", "goes in for"),
        after=r"(?= the)",
    ),
    *_ring(
        ("heads to the bench", "takes a seat", "comes out", "checks out"),
        ("goes to the bench", "sits down", "heads to the pine", "exits"),
    ),
    _entry(
        r"(?<=｠ )in for(?= " + _PLAYER + ")",
        "coming in for",
        "checking in for",
        "subbing in for",
        "on for",
    ),
    _entry(r"\bis in for(?= the)", "comes in for", "checks in for", "enters for", "goes in for"),
    _entry(r"\bbring in(?= " + _PLAYER + ")", "send in", "put in", "call on", "turn to"),
    _entry(
        r"\bchecking in for(?= the)",
        "coming in for",
        "entering the game for",
        "coming off the bench for",
    ),
    _entry(
        r"\breplaced by\b",
        "subbed out for",
        "relieved by",
        "spelled by",
        "swapped out for",
        "making way for",
    ),
    _entry(
        r"\bmakes way for\b",
        "gives way to",
        "is replaced by",
        "is subbed out for",
        "checks out for",
        "heads to the bench for",
    ),
    _entry(r"^substitution(?=:)", "change", "sub", "lineup change", "switch"),
    # ---- a timeout --------------------------------------------------------------------
    *_ring(
        (
            "call a timeout",
            "call time",
            "take a timeout",
            "ask for time",
            "burn a timeout",
            "call for time",
            "call timeout",
            "use a timeout",
            "signal for time",
            "stop the clock with a timeout",
        ),
        pool=(
            "call a timeout",
            "call time",
            "take a timeout",
            "ask for time",
            "burn a timeout",
            "call for time",
            "call timeout",
            "use a timeout",
            "signal for time",
            "call for a timeout",
        ),
    ),
    _entry(
        r"\bhave called time\b",
        "have called a timeout",
        "have taken a timeout",
        "have asked for time",
        "have called timeout",
    ),
    _entry(
        r"\bcalls a timeout\b",
        "calls time",
        "calls timeout",
        "takes a timeout",
        "asks for time",
        "signals for time",
    ),
    _entry(r"\btimeout called by\b", "time called by", "timeout taken by", "time-out called by"),
    _entry(r"^timeout(?=, )", "time-out", "time", "time called"),
    # ---- the score: leads, deficits, ties ---------------------------------------------
    *_ring(
        ("lead", "are up", "are ahead", "are in front", "are on top"),
        ("are leading", "are out in front", "are out ahead"),
        before=r"(?<!the )",
        after=r"(?=,? (?:by )?" + _N + ")",
    ),
    # A team's name and the margin with no verb between: "the ｟T1｠ up ｟N1｠-｟N2｠".
    *_ring(
        ("up", "ahead", "out in front", "in front", "on top"),
        ("leading",),
        before=_TEAM_BEFORE,
        after=r"(?=,? (?:by )?" + _N + ")",
    ),
    *_ring(
        ("lead", "are ahead of", "are beating", "are in front of"),
        ("are up on", "are leading", "have the edge on", "are outscoring"),
        after=r"(?= the " + _WHO + ")",
    ),
    *_ring(
        ("in front of", "ahead of", "up on", "over"),
        ("leading",),
        before=_TEAM_BEFORE + r"(?<!favor of the ｟T\d｠ )",
        after=r"(?= (?:the )?" + _WHO + ")",
    ),
    *_ring(
        ("trail", "are down", "are behind", "are trailing"),
        after=r"(?= (?:by )?" + _N + ")",
    ),
    _entry(r"\btrail(?= the )", "are behind", "are trailing", "are losing to"),
    *_ring(("down", "behind", "trailing"), before=_TEAM_BEFORE, after=r"(?=,? (?:by )?" + _N + ")"),
    *_ring(
        ("have the lead", "hold the lead", "have the edge"),
        ("have the advantage", "own the lead", "have the upper hand"),
    ),
    *_ring(("a lead of",), ("a margin of", "an advantage of", "a cushion of")),
    _entry(
        r"(?<!traded )\bthe lead for\b(?= the)",
        "the margin for",
        "the cushion for",
        "the advantage for",
    ),
    _entry(r"\bthe margin is\b", "the lead is", "the cushion is", "the advantage is"),
    _entry(r"\bby a score of\b", "by a count of", "by a tally of"),
    _entry(r"\blead it\b(?= " + _N + ")", "lead", "are up", "are ahead"),
    _entry(r"\blead this one\b(?= " + _N + ")", "lead", "are up", "lead it"),
    _entry(
        r"\bthe deficit is down to\b",
        "the lead is down to",
        "the gap is down to",
        "the margin is down to",
        "the lead is cut to",
    ),
    _entry(
        r"\bthe lead is cut to\b",
        "the deficit is cut to",
        "the margin is trimmed to",
        "the lead is trimmed to",
    ),
    _entry(
        r"\bface a deficit of\b", "are down", "trail by", "are behind by", "are facing a deficit of"
    ),
    _entry(
        r"\bgives the lead back to\b",
        "hands the lead back to",
        "returns the lead to",
        "gives back the lead to",
    ),
    *_ring(
        (
            "tied at",
            "tied up at",
            "all tied up at",
            "knotted at",
            "deadlocked at",
            "even at",
            "all even at",
            "all square at",
            "level at",
        ),
        pool=(
            "tied at",
            "tied up at",
            "all tied up at",
            "knotted at",
            "deadlocked at",
            "even at",
            "all even at",
            "all square at",
            "level at",
            "dead even at",
        ),
        before=r"(?<!all )",
    ),
    _entry(r"(?<=｠ )apiece\b", "each", "all"),
    _entry(r"(?<=｠)-all\b", " apiece", " all", " each"),
    *_ring(("tie game", "tie ballgame"), ("tied game", "tied ballgame")),
    *_ring(
        ("nobody leads", "neither team leads"),
        ("no one leads", "neither side leads", "nobody has the lead", "neither team has the lead"),
    ),
    *_ring(
        (
            "cut the lead to",
            "get within",
            "trim the deficit to",
            "pull within",
            "close the gap to",
            "cut it to",
            "cut the deficit to",
            "pull to within",
            "draw within",
            "get it down to",
            "whittle the lead down to",
            "close to within",
        ),
        pool=(
            "cut the lead to",
            "cut the deficit to",
            "cut it to",
            "trim the deficit to",
            "trim the lead to",
            "get within",
            "pull within",
            "close the gap to",
            "narrow the gap to",
            "whittle the lead down to",
        ),
        before=r"(?<!have )",
    ),
    *_ring(
        ("back in front", "back on top", "back ahead", "back in the lead", "in front again"),
        ("ahead again", "on top again"),
    ),
    *_ring(
        ("regain the lead", "retake the lead"),
        ("take back the lead", "reclaim the lead", "get the lead back", "go back in front"),
    ),
    *_ring(("changes hands", "switches sides"), ("switches hands", "flips")),
    _entry(r"\bchanged hands\b", "switched hands", "switched sides", "flipped"),
    # ---- runs -------------------------------------------------------------------------
    _entry(
        r"\bare on a(?= (?:" + _N + "-" + _N + " )?run)",
        "are riding a",
        "are in the middle of a",
        "have put together a",
        "have strung together a",
    ),
    *_ring(("run", "spurt"), ("burst", "surge"), before=r"(?<!to )", after=r"(?! the)"),
    *_ring(
        ("unanswered points",),
        ("straight points", "points in a row", "consecutive points"),
    ),
    *_ring(("straight points", "consecutive points", "points in a row")),
    _entry(r"(?<=｠ )unanswered\b(?! points)", "straight", "in a row", "unanswered points"),
    _entry(r"\btraded the lead\b", "swapped the lead", "exchanged the lead", "traded leads"),
    _entry(r"(?<=｠ )in a row\b", "straight", "consecutive", "on end"),
    _entry(r"(?<=｠ )straight\b(?! points)", "in a row", "consecutive", "on end"),
    *_ring(
        ("rattled off", "ripped off", "reeled off"),
        ("strung together",),
    ),
    _entry(r"\breel off\b", "rattle off", "rip off", "string together"),
    _entry(r"\bover this stretch\b", "during this stretch", "over this span", "in this stretch"),
    # ---- quarters, halftime, overtime, the end of the game ----------------------------
    _entry(r"\bquarter\b", "period", "frame", "stanza"),
    _entry(r"\bbegins\b", "starts", "gets underway", "is underway", "gets going", "kicks off"),
    _entry(r"\bend of the\b", "close of the", "conclusion of the", "finish of the"),
    *_ring(("start of the", "beginning of the"), ("top of the",), before=r"^"),
    _entry(r"\bcomes to an end\b", "ends", "is over", "wraps up", "comes to a close"),
    _entry(
        r"\bthat will do it for\b",
        "that'll do it for",
        "that does it for",
        "that's it for",
        "that's all for",
    ),
    _entry(r"\bis over\b", "is done", "is finished", "has ended", "is complete"),
    _entry(r"\bin the books\b", "done", "over", "complete", "history"),
    _entry(
        r"\bthe horn sounds\b",
        "the buzzer sounds",
        "the horn goes",
        "the buzzer goes",
        "the horn blows",
    ),
    *_ring(
        ("at halftime", "at the half", "at the break", "at intermission", "at the intermission"),
        ("at half-time",),
    ),
    _entry(r"\binto halftime\b", "into the half", "into the break", "into intermission"),
    _entry(
        r"\bovertime\b",
        "an extra period",
        "the extra period",
        "an extra session",
        "bonus basketball",
        "free basketball",
    ),
    *_ring(
        (
            "win",
            "win it",
            "take this one",
            "get the win",
            "pick up the win",
            "close it out",
            "come away with the win",
        ),
        ("take it", "prevail", "come out on top"),
        before=r"(?<!the )(?<!a ｟T\d｠ )",
        after=r"(?=,? " + _N + ")",
    ),
    *_ring(
        ("beat", "defeat", "take down", "top", "knock off", "get past"),
        ("down", "dispatch", "get by", "take care of"),
        after=r"(?= the " + _WHO + ")",
    ),
    *_ring(
        ("are the winners", "are victorious", "have won it"),
        ("come out on top", "have the win", "take it"),
        after=r"(?=,)",
    ),
    _entry(r"^victory for\b", "a win for", "a victory for", "the win goes to"),
    _entry(r"(?<=a ｟T\d｠ )win\b", "victory", "triumph"),
    _entry(r"^final(?=:)", "final score", "that's the final", "the final"),
    _entry(r"^final score(?=:)", "final", "the final score", "the final"),
    _entry(r"\bthat's the final\b", "that's the final score", "that's your final", "that's final"),
    *_ring(
        ("the score", "scoreboard", "score update", "where we stand"),
        ("the scoreboard reads", "a look at the scoreboard", "the score right now"),
        before=r"(?<!check )",
        after=r"(?=:)",
    ),
    _entry(
        r"\bthat's the ballgame\b",
        "that's the game",
        "game over",
        "that's all she wrote",
        "that will do it",
        "it's all over",
    ),
    *_ring(("it's over", "it's all over"), ("that's it", "it's final", "game over")),
    _entry(r"\btonight's game\b", "tonight's contest", "tonight's matchup", "tonight's ballgame"),
    # ---- points and the stat sheet ----------------------------------------------------
    *_ring(
        ("poured in", "put up", "piled up"),
        ("racked up", "dropped", "rung up", "tallied"),
        after=r"(?= " + _N + ")",
    ),
    _entry(
        r"(?:(?<=has )|(?<=have ))scored(?= " + _N + ")",
        "poured in",
        "put up",
        "racked up",
        "dropped",
    ),
    _entry(r"\bis up to\b", "has", "now has", "is at", "has reached", "has climbed to"),
    *_ring(
        ("now has", "has", "is at", "is sitting on"),
        ("is up to", "has scored", "has racked up", "has put up"),
        after=r"(?= " + _N + " points)",
    ),
    *_ring(("on the night", "tonight"), ("for the game", "in this game"), after=r"(?!')"),
    *_ring(("career high", "career best"), ("personal best",)),
    *_ring(("career-high", "career-best"), ("personal-best",)),
    *_ring(("franchise record", "franchise mark"), ("team record", "club record")),
    _entry(r"\bfranchise-record\b", "team-record", "club-record"),
    _entry(r"\bfranchise history\b", "team history", "club history"),
    _entry(r"\bsets(?= a (?:franchise|career|new))", "establishes", "posts", "notches"),
    *_ring(("handed out", "dished out"), ("racked up", "piled up")),
    _entry(
        r"\bstuffing the stat sheet\b",
        "filling the stat sheet",
        "filling up the box score",
        "stuffing the box score",
        "filling the box score",
    ),
    _entry(
        r"\bstuffed the stat sheet\b",
        "filled the stat sheet",
        "filled up the box score",
        "stuffed the box score",
    ),
    _entry(r"\bstat line\b", "line", "numbers", "box score"),
    _entry(r"(?<=[\d｠]) of (?=" + _N + r" (?:from|at|on|shooting))", "-for-", "-of-", " for "),
    _entry(r"(?<=[\d｠])-for-(?=" + _N + r" (?:from|at|on|shooting))", " of ", "-of-", " for "),
    _entry(r"(?<=[\d｠])-of-(?=" + _N + r" (?:from|at|on|shooting))", " of ", "-for-", " for "),
    _entry(r"(?<=[\d｠]) for (?=" + _N + r" (?:from|at|on|shooting))", " of ", "-for-", "-of-"),
    *_ring(
        ("are shooting", "are knocking down"),
        ("are hitting", "are making", "are connecting on", "are converting"),
        after=r"(?= " + _N + " percent(?! of))",
    ),
    *_ring(
        ("are hitting", "are making", "are connecting on"),
        ("are knocking down", "are converting", "are hitting on"),
        after=r"(?= " + _N + " percent of)",
    ),
    # ---- other plays ------------------------------------------------------------------
    *_ring(
        (
            "scores for",
            "gets a bucket for",
            "chips in a basket for",
            "adds a basket for",
            "finds the net for",
            "finds the bottom of the net for",
            "puts points on the board for",
        ),
        ("gets a basket for",),
        after=r"(?= the)",
    ),
    *_ring(("a basket", "a bucket"), ("a hoop", "a score")),
    *_ring(("the basket", "the bucket"), ("the hoop", "the score")),
    *_ring(("basket", "bucket"), ("hoop", "score")),
    _entry(
        r"\bbeats the buzzer\b",
        "beats the horn",
        "beats the clock",
        "scores at the buzzer",
        "scores at the horn",
        "scores as time expires",
    ),
    _entry(r"\bbeats the horn\b", "beats the buzzer", "beats the clock", "scores at the horn"),
    *_ring(
        ("at the buzzer", "at the horn", "as time expires", "with no time left"),
        ("as the horn sounds", "as the clock hits zero"),
    ),
    _entry(r"\bbuzzer-beater\b", "buzzer beater", "basket at the buzzer", "bucket at the horn"),
    *_ring(
        ("on the break", "in transition", "on the fast break"),
        ("on the run", "in the open floor", "in the open court"),
    ),
    _entry(
        r"\bfinishes the fast break\b",
        "finishes the break",
        "finishes in transition",
        "scores on the fast break",
        "scores on the break",
        "converts in transition",
    ),
    _entry(r"\bfast-break\b", "transition", "breakaway", "run-out"),
    _entry(
        r"\btakes it the other way\b",
        "pushes it the other way",
        "races the other way",
        "heads the other way",
    ),
    *_ring(
        ("floats it in", "floats one in"),
        ("lofts one in", "drops in a floater", "flips in a floater"),
    ),
    _entry(r"\btipped in by\b", "tapped in by", "tipped home by", "tapped home by"),
    *_ring(("tips it in", "taps it in", "tips it home"), ("taps it home", "tips it through")),
    *_ring(
        ("tips in the miss", "taps home the miss", "tips in the rebound"),
        ("taps in the miss", "tips home the miss"),
    ),
    _entry(r"\bthe tip-in\b", "the tap-in", "the tip", "the follow-up tip"),
    _entry(r"\ba tip-in\b", "a tap-in", "a tip", "a follow-up tip"),
    _entry(r"\btip-in\b", "tap-in", "tip", "follow-up tip"),
    *_ring(
        ("scores on the putback", "puts back the miss", "puts it back in", "cleans up the miss"),
        (
            "cleans it up",
            "scores on the put-back",
            "puts it back up and in",
            "scores on the follow",
            "scores on the second chance",
        ),
        only=("cleans it up",),
    ),
    _entry(
        r"\bconverts the second chance\b",
        "cashes in on the second chance",
        "converts the putback",
        "scores on the second chance",
    ),
    _entry(r"(?<!follow-up )\bputback\b", "put-back", "follow-up", "follow shot"),
    # ---- violations, reviews, injuries, ejections -------------------------------------
    _entry(r"\btraveling\b", "walking", "a travel", "a walk", "travelling"),
    _entry(r"\ba travel\b", "a walk", "a traveling violation", "traveling"),
    _entry(r"\bthe travel\b", "the walk", "the traveling violation", "a travel"),
    _entry(r"\bthe walk\b", "the travel", "the traveling violation", "a walk"),
    _entry(r"^travel(?= called)", "traveling", "walk", "a traveling violation"),
    _entry(r"\bwalks with it\b", "travels with it", "takes too many steps", "walks"),
    _entry(r"\btravels with the ball\b", "walks with the ball", "travels", "takes too many steps"),
    _entry(r"\bwalking violation\b", "traveling violation", "travel", "walk"),
    _entry(
        r"\bthree seconds in the lane\b",
        "three in the lane",
        "three in the key",
        "three seconds in the paint",
    ),
    _entry(
        r"\bthree in the key\b", "three seconds", "three in the lane", "a three-second violation"
    ),
    _entry(r"\bthree-second call\b", "three-second violation", "three-seconds call"),
    _entry(
        r"\btakes too many steps\b",
        "takes an extra step",
        "takes one step too many",
        "walks",
        "travels",
    ),
    _entry(r"\bshot-clock violation\b", "shot clock violation", "twenty-four-second violation"),
    _entry(r"(?<=shot clock )runs out\b", "expires", "hits zero", "runs down"),
    _entry(r"(?<=shot clock )expires\b", "runs out", "hits zero", "runs down"),
    _entry(
        r"\bthree seconds\b(?! in the)",
        "a three-second violation",
        "three in the key",
        "three in the lane",
    ),
    _entry(
        r"\bthree-second violation\b",
        "three-seconds violation",
        "three-second call",
        "three-in-the-key violation",
    ),
    *_ring(
        ("in the lane too long", "in the paint too long"),
        ("in the key too long", "in the lane for too long"),
    ),
    _entry(
        r"(?<!the )\bgoaltending\b(?! (?:call|violation)\b)",
        "a goaltend",
        "a goaltending violation",
    ),
    _entry(r"\bthe goaltend\b", "the goaltending violation", "goaltending", "a goaltend"),
    _entry(
        r"\bthe goaltending call\b",
        "the goaltend",
        "the call for goaltending",
        "the goaltending violation",
    ),
    *_ring(
        (
            "steps out of bounds",
            "goes out of bounds",
            "drifts out of bounds",
            "wanders out of bounds",
            "steps out",
            "can't stay in bounds",
            "goes out",
        ),
        ("steps on the line",),
        after=r"(?! of)",
    ),
    _entry(
        r"\bis out of bounds\b", "has stepped out of bounds", "has gone out of bounds", "is out"
    ),
    _entry(
        r"\bis called out of bounds\b",
        "is whistled out of bounds",
        "is ruled out of bounds",
        "is called for stepping out of bounds",
    ),
    _entry(
        r"\bis caught stepping out of bounds\b",
        "is caught going out of bounds",
        "is caught stepping on the line",
        "is called for stepping out",
    ),
    _entry(
        r"\bhas stepped out of bounds\b",
        "has stepped out",
        "has gone out of bounds",
        "has stepped on the line",
    ),
    _entry(
        r"\ba backcourt violation\b",
        "an over-and-back violation",
        "an over-and-back",
        "over and back",
    ),
    _entry(
        r"(?<!go )\bover and back\b",
        "a backcourt violation",
        "an over-and-back violation",
        "backcourt",
    ),
    _entry(
        r"\bgo over and back\b",
        "commit a backcourt violation",
        "take it over and back",
        "get called for over and back",
    ),
    _entry(
        r"\bbeat the shot clock\b",
        "beat the clock",
        "get a shot off in time",
        "get a shot up in time",
    ),
    _entry(
        r"\blet the shot clock expire\b",
        "let the shot clock run out",
        "let the shot clock hit zero",
        "let the clock run out",
    ),
    _entry(
        r"(?<!a )\bbackcourt violation\b",
        "over and back",
        "over-and-back violation",
        "backcourt call",
    ),
    *_ring(
        ("the jump ball", "the tip", "the tap"),
        ("the jump",),
        after=r"(?!-)(?= (?:over|against|goes)\b| to " + _PLAYER + "|$)",
    ),
    _entry(r"\bjump ball won by\b", "tip won by", "tap won by", "jump won by"),
    *_ring(
        ("outjumps", "outleaps", "beats"),
        ("gets higher than", "gets up higher than"),
        after=r"(?= " + _PLAYER + ")",
    ),
    _entry(
        r"\bchallenge the call\b",
        "challenge the ruling",
        "challenge the play",
        "contest the call",
        "ask for a review",
        "call for a review",
    ),
    *_ring(("coach's challenge",), ("challenge", "replay challenge")),
    _entry(
        r"\bchallenge\b(?= from| by)", "coach's challenge", "replay challenge", "review request"
    ),
    # ---- more of the generator's phrasings ---------------------------------------------
    _entry(r"\ba timeout for\b", "a time-out for", "time out for"),
    _entry(r"^ballgame(?=:)", "final", "that's the game", "game over"),
    _entry(r"\bthe final score is\b", "the final is", "it ends", "the final tally is"),
    _entry(
        r"\bthe foul is called\b",
        "he's fouled",
        "he draws the foul",
        "there's the whistle",
        "the whistle blows",
    ),
    _entry(
        r"\bjust before the horn\b",
        "just before the buzzer",
        "right before the horn",
        "just ahead of the buzzer",
    ),
    _entry(r"\bthe follow-up putback\b", "the follow-up", "the putback", "the follow-up basket"),
    _entry(r"\bbring(?= " + _PLAYER + r"\S* off the bench)", "call", "summon"),
    _entry(
        r"\bis having a career night\b",
        "is having the night of his career",
        "is enjoying a career night",
        "is having a career game",
    ),
    _entry(r"\bruns the floor\b", "sprints the floor", "races down the floor", "gets out and runs"),
    _entry(r"\bstops on a dime\b", "stops short", "pulls up", "stops quickly"),
    _entry(r"\balley-oop(?=!)", "alley oop", "oop", "the alley-oop"),
    _entry(
        r"\bis headed for an early shower\b",
        "is headed to the showers early",
        "is headed to an early shower",
        "is heading for an early shower",
    ),
    *_ring(
        ("is overturned", "is reversed"),
        ("is changed", "gets overturned", "gets reversed", "is flipped"),
    ),
    _entry(
        r"\bare reviewing the play\b",
        "are looking at the play again",
        "are taking another look at the play",
        "are checking the replay",
        "are going to the monitor",
        "are looking at the replay",
    ),
    _entry(r"\bunder review\b", "being reviewed", "being looked at", "under replay review"),
    _entry(r"\bis being reviewed\b", "is under review", "is being looked at", "is being checked"),
    _entry(r"\bgoing to review\b", "going to take a look at", "going to check", "going to look at"),
    _entry(r"^we have a review\b", "we've got a review", "we're going to the replay", "review"),
    _entry(r"\ba replay review\b", "a video review", "a review", "an instant-replay review"),
    _entry(r"\bis underway\b", "is under way", "has begun", "has started", "is on"),
    _entry(r"\bhas begun\b", "has started", "is underway", "has gotten underway"),
    _entry(r"(?<=call )stands\b", "holds", "is upheld", "is confirmed", "will stand"),
    _entry(r"(?<=ruling )stands\b", "holds", "is upheld", "is confirmed", "will stand"),
    _entry(r"\bconfirms\b", "upholds", "backs up", "supports"),
    *_ring(
        ("the officials", "the referees", "the refs"),
        ("the officiating crew", "the crew", "the zebras"),
    ),
    _entry(r"\bthe replay\b", "the video", "the tape", "the footage"),
    *_ring(
        ("is down with an injury", "is hurt", "is injured", "is shaken up", "is down hurt"),
        ("is banged up", "is hurting"),
    ),
    _entry(r"\bgoes down hurt\b", "goes down with an injury", "goes down injured", "is down hurt"),
    _entry(
        r"\bappears to be injured\b",
        "looks to be hurt",
        "appears to be hurt",
        "seems to be injured",
    ),
    _entry(
        r"\bhas gone down with an injury\b",
        "has gone down hurt",
        "has been hurt",
        "has picked up an injury",
    ),
    *_ring(
        (
            "heads to the locker room",
            "goes to the locker room",
            "heads back to the locker room",
            "goes back to the locker room",
            "leaves for the locker room",
            "exits to the locker room",
            "makes his way to the locker room",
        ),
        ("heads to the back", "heads down the tunnel", "goes to the back"),
        only=("walks off to the locker room",),
    ),
    *_ring(
        (
            "is going to the locker room",
            "is heading back to the locker room",
            "is on his way to the locker room",
            "is headed to the back",
        ),
        ("is heading to the locker room", "is headed to the locker room", "is heading to the back"),
    ),
    *_ring(
        (
            "returns to the game",
            "comes back into the game",
            "reenters the game",
            "returns to the floor",
            "rejoins the action",
            "returns to action",
            "checks back in",
        ),
        ("re-enters the game", "rejoins the game", "comes back in"),
    ),
    *_ring(
        (
            "is back in the game",
            "is back on the floor",
            "is back out on the floor",
            "is back out there",
        ),
        ("is back in there", "is back in action", "is back on the court"),
    ),
    *_ring(
        ("has been ejected", "has been tossed", "has been thrown out"),
        (
            "has been tossed from the game",
            "has been thrown out of the game",
            "has been given the heave-ho",
        ),
        after=r"(?! of| from)",
    ),
    *_ring(
        ("is ejected", "is thrown out", "gets the heave-ho"),
        ("is tossed", "gets tossed", "gets thrown out", "gets ejected", "gets the boot"),
        after=r"(?! of| from)",
    ),
    *_ring(
        ("has fouled out", "fouls out", "is disqualified on fouls"),
        ("is out on fouls",),
        after=r"(?! of)",
    ),
    *_ring(
        ("in the bonus", "in the penalty"), ("in the bonus situation", "in the penalty situation")
    ),
    *_ring(("the bonus",), ("the penalty", "the bonus situation", "the penalty situation")),
    _entry(
        r"\band welcome to\b",
        "and welcome inside",
        "and welcome to the game at",
        "and welcome to tonight's game at",
    ),
    *_ring(
        ("we're live at", "we're coming to you live from"),
        ("we're live from", "we come to you live from", "we're here at"),
    ),
    *_ring(
        ("greetings from", "good evening, everyone, from"),
        ("hello from", "hello, everyone, from", "good evening from"),
    ),
    *_ring(
        ("welcome, everyone, to", "welcome, everybody, to", "welcome, basketball fans, to"),
        ("welcome to", "welcome, folks, to", "welcome, hoops fans, to"),
    ),
    # ---- last, words that longer phrases above may hold --------------------------------
    _entry(r"\bthe call\b", "the ruling", "the decision"),
    _entry(r"\bthe game\b", "the contest", "the ballgame"),
    _entry(
        r"(?<!and )\bwelcome to\b",
        "welcome, everyone, to",
        "welcome, everybody, to",
        "hello and welcome to",
    ),
)

_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[.!?] ))\S")
_LOOKAROUND = re.compile(r"\\b|\^|\(\?<?[=!](?:[^()]|\([^()]*\))*\)")
_QUANTIFIERS = "?*{"
_SPECIAL = set("\\.^$*+?{}[]|()")


def _key(pattern: str) -> str | None:
    """A piece of text that every match of `pattern` holds (the literal words it opens
    with, after its anchors and lookarounds), or None: `find` skips an entry whose key is
    not in the line, which spares it most of the 500-odd searches."""
    start = 0
    while match := _LOOKAROUND.match(pattern, start):
        start = match.end()
    literal = []
    for char in pattern[start:]:
        if char in _SPECIAL:
            if char in _QUANTIFIERS and literal:
                literal.pop()  # "an?": the "n" may be absent
            break
        literal.append(char)
    return "".join(literal) or None


_KEYS = tuple(_key(pattern.pattern) for pattern, _ in SYNONYMS)


# find's answers for the lines it has seen, for the SYNONYMS and _KEYS they came from (a
# corpus says the same slotted phrasing many times: half the time of generating one went
# into find).
_FOUND: dict = {"entries": None, "keys": None, "spans": {}}
_FOUND_LIMIT = 1 << 17


def find(line: str) -> list[tuple[int, int, int]]:
    """The phrases of `line` that `vary` may rewrite: `(begin, end, entry)` spans in order,
    `entry` the index in SYNONYMS of the entry that found the phrase.

    The matches are found on the original line, entries in order, an earlier entry's
    match winning a span over a later one's, so an alternative is never itself rewritten;
    a match that would cut into a slot token (``｟P1｠``) is skipped. A phrase that opens
    the line or a sentence in it ("Rejected! ...") is matched in lower case.
    """
    if _FOUND["entries"] is not SYNONYMS or _FOUND["keys"] is not _KEYS:
        _FOUND.update(entries=SYNONYMS, keys=_KEYS, spans={})
    spans = _FOUND["spans"].get(line)
    if spans is None:
        spans = _search(line)
        if len(_FOUND["spans"]) < _FOUND_LIMIT:
            _FOUND["spans"][line] = spans
    return list(spans)


def _search(line: str) -> tuple[tuple[int, int, int], ...]:
    probe = list(line)  # each sentence's first letter in lower case, as the patterns write it
    for start in _SENTENCE_STARTS.finditer(line):
        probe[start.start()] = probe[start.start()].lower()
    probe = "".join(probe)
    slots = [m.span() for m in _SLOT.finditer(line)]
    taken: list[tuple[int, int, int]] = []
    for index, (pattern, _) in enumerate(SYNONYMS):
        if _KEYS[index] is not None and _KEYS[index] not in probe:
            continue
        for match in pattern.finditer(probe):
            begin, end = match.span()
            if begin == end or any(begin < b and a < end for a, b, _ in taken):
                continue
            if any(begin < b and a < end for a, b in slots):
                continue
            taken.append((begin, end, index))
    return tuple(sorted(taken))


def vary(rng: Random, line: str, share: float = 0.5) -> str:
    """`line` with each phrase that `find` finds replaced, independently with probability
    `share`, by one of its entry's alternatives drawn with `rng` (a `random.Random`); an
    alternative for a phrase that opens the line or a sentence in it is capitalised as the
    phrase was. `share=0` returns the line unchanged; deterministic for a given rng state.
    """
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    if share == 0.0:
        return line
    out, last = [], 0
    for begin, end, index in find(line):
        if rng.random() >= share:
            continue
        phrase = line[begin:end]
        choices = [a for a in SYNONYMS[index][1] if a.lower() != phrase.lower()]
        if not choices:
            continue
        alternative = rng.choice(choices)
        if phrase[:1].isupper():
            alternative = alternative[:1].upper() + alternative[1:]
        out += [line[last:begin], alternative]
        last = end
    out.append(line[last:])
    return "".join(out)

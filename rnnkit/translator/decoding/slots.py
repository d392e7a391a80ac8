"""Names and numbers as slots: what a translator must copy, it should not have to learn.

Before translation the facts of an English line become typed placeholders in OpenNMT's
`｟...｠` form, and the model translates around them:

    "VanVleet hits a three, Raptors up 61-57 with 4:27 left"
    "｟P1｠ hits a three, ｟T1｠ up ｟N1｠-｟N2｠ with ｟C1｠ left"

Kinds: N a number (a count, a score's side, a percentage's digits, a decimal), O an ordinal
("3rd"), C a clock time ("4:27"), P a person, T a team, X another proper name (an arena),
Q a quarter of the game ("third" or "3rd" before "quarter").
Slots of a kind are numbered by their order in the line (P1, P2, ...); every mention is a
slot of its own. In a target the model writes a slot with the form the sentence needs,
`｟P1:gen｠` (a genitive), `｟T1:nom｠`; `restore` then writes each slot in the target
language through a `Renderer` (the language's digits, its transliteration of a name, the
case form), so a number or a name reaches the output only as the source had it.

What the extractor knows comes from an `Inventory`: the names it should recognise (a game's
players and teams, with their kind and identity), and the English words that are not names,
so that a capitalised word it does not know ("Gilgeous-Alexander", "De'Aaron Fox") is a
person. `unslot` puts back as text any slot the model never saw (a sixth player, say); the
search (search.SlotConstraint) writes every slot of the source exactly once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

OPEN, CLOSE = "｟", "｠"  # U+2985, U+2986: OpenNMT's placeholder brackets
KINDS = {
    "N": "number",
    "O": "ordinal",
    "C": "clock",
    "P": "person",
    "T": "team",
    "X": "name",
    "Q": "quarter",
}
SLOT_TOKEN = re.compile(rf"{OPEN}([A-Z])(\d+)(?::([^{CLOSE}\s]+))?{CLOSE}")


def slot_token(kind, index, form=None):
    """The text of a slot: ｟P1｠, or with a form ｟P1:gen｠."""
    return f"{OPEN}{kind}{index}{':' + form if form else ''}{CLOSE}"


@dataclass(frozen=True)
class Slot:
    """One fact of the source: `kind` (a letter of KINDS) and its number among the slots of
    that kind; `text` as the source wrote it; `value` what it stands for (an int or a
    decimal string for numbers, seconds for a clock, the identity of a name: a roster's
    full name, a team's nickname)."""

    kind: str
    index: int
    text: str
    value: object

    @property
    def name(self):
        return f"{self.kind}{self.index}"

    @property
    def token(self):
        return slot_token(self.kind, self.index)


@dataclass
class Slotted:
    """A line with its facts as slots: `text` the line with slot tokens, `slots` in order."""

    text: str
    slots: list[Slot] = field(default_factory=list)

    def by_name(self):
        return {slot.name: slot for slot in self.slots}


@dataclass
class Inventory:
    """What the extractor knows: `names` maps a name's surface (any case-sensitive
    multi-word string, "Scottie Barnes", "Barnes", "the Heat" is not needed: "Heat") to its
    (kind, value); `words` is the lower-case English words that are not names even when
    capitalised at the start of a sentence ("what", "and")."""

    names: dict[str, tuple[str, object]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()

    def __post_init__(self):
        self._longest = max((len(n.split()) for n in self.names), default=1)

    def add(self, surface, kind, value):
        if kind not in KINDS:
            raise ValueError(f"unknown slot kind {kind!r}; expected one of {list(KINDS)}")
        self.names[surface] = (kind, value)
        self._longest = max(self._longest, len(surface.split()))


# A quarter of the game, "third" or "3rd" before "quarter" or "period", or bare after "in
# the", "after the", ... where a word of its own ends ("with 7:42 left in the fourth.",
# "midway through the third, ...": not "in the first half"): written as each language
# names the quarter (a word in most), and never one the line does not name.
QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_BARE_QUARTER_AFTER = "|".join(
    rf"(?<=\b{word} the )"
    for word in ("in", "In", "after", "After", "through", "Through", "of", "into")
)
_QUARTER = (
    rf"(?P<quarter>\b(?i:{'|'.join(QUARTERS)})(?=[ -](?:quarter|period)\b)"
    rf"|(?:{_BARE_QUARTER_AFTER})(?:first|second|third|fourth)"
    r"(?=\s*(?:[,.;:!?—]|$)| (?:with|here|tonight|and)\b))"
)
# A clock "4:27" (minutes:seconds, 0-59), an ordinal "3rd", a number "61", "0.8", "5,000".
_CLOCK = r"(?P<clock>\b\d{1,2}:[0-5]\d\b)"
_ORDINAL = r"(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)"
_NUMBER = r"(?P<number>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b)"
# A word that may be (part of) a name: a letter, then letters, marks, inner apostrophes or
# hyphens ("Gilgeous-Alexander", "De'Aaron", "O'Neal", "Jokić"); "Jr." and "Sr." with their
# full stop.
_NAME_WORD = r"(?:Jr|Sr)\.|[^\W\d_](?:[\w\u0300-\u036f]|['’-](?=[^\W\d_]))*"
# A word may start with digits ("76ers"): it is a word (a name if the inventory has it).
_WORD = rf"(?P<word>\d+[^\W\d_]\w*|{_NAME_WORD})"
_TOKENS = re.compile("|".join([_QUARTER, _CLOCK, _ORDINAL, _WORD, _NUMBER]))
_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}
# The last word of a place's name: an unknown "Madison Square Garden" is a name (X).
VENUES = frozenset("Arena Center Centre Garden Forum Fieldhouse Stadium Coliseum Dome".split())
# Words that never continue a name, even capitalised ("Barnes And one!").
_GLUE = frozenset("and or but nor the a an of to in on at for with by off up from".split())


def _capitalised(word):
    return word[:1].isupper()


def extract(text, inventory):
    """The line with its numbers and names as slots (see the module's docstring). A line
    that already holds slot tokens (slotted training or dev text) is taken as it is: its
    slots are those tokens, each written back as itself."""
    given = [m for m in SLOT_TOKEN.finditer(text)]
    if given:
        slots = {
            f"{m[1]}{m[2]}": Slot(m[1], int(m[2]), slot_token(m[1], int(m[2])), None) for m in given
        }
        return Slotted(text, list(slots.values()))
    spans = []  # (start, end, kind, value) of each slot, in order
    tokens = list(_TOKENS.finditer(text))
    i = 0
    while i < len(tokens):
        match = tokens[i]
        if match.lastgroup == "quarter":
            spans.append((match.start(), match.end(), "Q", QUARTERS[match["quarter"].lower()]))
        elif match.lastgroup == "clock":
            minutes, seconds = match["clock"].split(":")
            spans.append((match.start(), match.end(), "C", int(minutes) * 60 + int(seconds)))
        elif match.lastgroup == "ordinal":
            spans.append((match.start(), match.end(), "O", int(match["ordinal"][:-2])))
        elif match.lastgroup == "number":
            spans.append((match.start(), match.end(), "N", match["number"].replace(",", "")))
        else:
            taken = _name_at(text, tokens, i, inventory)
            if taken:
                count, kind, value = taken
                end = tokens[i + count - 1].end()
                if text[end - 2 : end] in ("'s", "’s"):  # "Morant's": the name is "Morant"
                    end -= 2
                spans.append((match.start(), end, kind, _possessor(value)))
                i += count
                continue
        i += 1
    counts = {}
    pieces, slots, last = [], [], 0
    for start, end, kind, value in spans:
        counts[kind] = counts.get(kind, 0) + 1
        slot = Slot(kind, counts[kind], text[start:end], value)
        pieces += [text[last:start], slot.token]
        slots.append(slot)
        last = end
    pieces.append(text[last:])
    return Slotted("".join(pieces), slots)


def _name_at(text, tokens, i, inventory):
    """(words taken, kind, value) if a name starts at word `i`, else None: the longest name
    of the inventory there, else a run of capitalised words none of which is a known English
    word (a sentence's first word only if its lower case is not one either)."""
    words = []
    for match in tokens[i : i + inventory._longest]:
        if match.lastgroup != "word" or (words and not _adjacent(text, words[-1], match)):
            break
        words.append(match)
    for count in range(len(words), 0, -1):
        surface = text[words[0].start() : words[count - 1].end()]
        found = inventory.names.get(surface) or inventory.names.get(_possessor(surface))
        if found:
            return count, found[0], found[1]
    count = 0
    for match in tokens[i:]:
        word = match["word"] if match.lastgroup == "word" else None
        if word is None or (count and not _adjacent(text, tokens[i + count - 1], match)):
            break
        if count and word in _SUFFIXES:
            count += 1
            continue
        if not _capitalised(word) or _is_word(word, inventory.words if not count else _GLUE):
            break  # (after a name's first word, a capitalised word is its next: "LaMelo Ball")
        if (
            word.isupper()
            and len(word) > 1
            and not (count == 0 and _initials(tokens, i, inventory, text))
        ):
            break  # an acronym (OKC, NBA) is not a person; initials before a name are its own
        count += 1
    if not count:
        return None
    name = text[tokens[i].start() : tokens[i + count - 1].end()]
    if count > 1 and tokens[i + count - 1]["word"] in VENUES:
        return count, "X", name  # "Madison Square Garden": a place, not a person
    return count, "P", name


def _initials(tokens, i, inventory, text):
    """Whether word `i`, two capitals, is a first name of initials ("OG Anunoby", "CJ
    McCollum"): the next word, right after it, is a name (capitalised, not all capitals, not
    an English word, not a team or place the inventory knows)."""
    word = tokens[i]["word"]
    if len(word) != 2 or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    following = after["word"] if after.lastgroup == "word" else None
    return bool(
        following
        and _adjacent(text, tokens[i], after)
        and _capitalised(following)
        and not following.isupper()
        and not _is_word(following, inventory.words)
        and following not in inventory.names
    )


def _is_word(word, words):
    """Whether a capitalised `word` is an English word, not a name: itself, the part before
    an apostrophe ("It's"), or every part of a hyphenated word ("Shot-clock") is in `words`."""
    lower = word.lower()
    if lower in words or re.split("['’]", lower)[0] in words:
        return True
    parts = lower.split("-")
    return len(parts) > 1 and all(part in words for part in parts)


def _possessor(value):
    """The name of a possessive ("Morant's" -> "Morant"); any other value as it is."""
    if isinstance(value, str) and value[-2:] in ("'s", "’s"):
        return value[:-2]
    return value


def _adjacent(text, before, after):
    """Whether two word matches are separated by one space only (parts of one name)."""
    return text[before.end() : after.start()] == " "


def restore(text, slots, render):
    """`text` (a translation with slot tokens) with every slot written out:
    render(slot, form) -> str. A token of a slot the source does not have is dropped (the
    constrained search never writes one)."""
    by_name = {slot.name: slot for slot in slots}

    def write(match):
        slot = by_name.get(f"{match[1]}{match[2]}")
        return "" if slot is None else render(slot, match[3])

    return re.sub(r" {2,}", " ", SLOT_TOKEN.sub(write, text)).strip()


def unslot(slotted, known):
    """Put back as text the slots whose token is not in `known` (a set of token strings):
    a model cannot translate around a slot it never saw. Returns a new Slotted, its slots
    numbered again."""
    pieces, kept, last = [], [], 0
    counts = {}
    matches = list(SLOT_TOKEN.finditer(slotted.text))
    by_name = slotted.by_name()
    for match in matches:
        slot = by_name[f"{match[1]}{match[2]}"]
        number = counts.get(slot.kind, 0) + 1
        token = slot_token(slot.kind, number)
        pieces.append(slotted.text[last : match.start()])
        if token in known:
            counts[slot.kind] = number
            kept.append(Slot(slot.kind, number, slot.text, slot.value))
            pieces.append(token)
        else:
            pieces.append(slot.text)
        last = match.end()
    pieces.append(slotted.text[last:])
    return Slotted("".join(pieces), kept)


def plain_render(slot, form=None):
    """A slot written as the source had it; a slot of an already slotted source (training
    or dev text: no value) as its token, with the form the translation gave it."""
    return slot_token(slot.kind, slot.index, form) if slot.value is None else slot.text


def fold_accents(text):
    """Latin letters without their accents ("Jokić" -> "Jokic", "Şengün" -> "Sengun"), for
    spelling a name in another script by rules written for the 26 letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.translate(str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "đ": "d"}))


Renderer = Callable[[Slot, str | None], str]

"""The demo's side of slots (rnnkit/translator/decoding/slots.py): which fields of an event are
slots, the names and words the extractor knows, and how each language writes a slot.

* Training text: `slotted(event, lang)` renders an event with its players, teams, scores
  and clock as slot tokens (`event_slots`, numbered in the order the English sentence
  names them, the order in which the extractor numbers them in a live line), so the model
  learns to translate around slots and never sees a name or a number it could memorise.
* Live: `DemoSlots(roster)` is the translator's SlotPolicy: its inventory knows the
  league's teams, cities and nicknames, the arena, the demo's and a roster's players, and
  the English words of commentary (a capitalised word outside them is a person); its
  `writer(lang)` writes each slot as the language's table does: numbers in its digits
  (`number`), the clock (`format_clock`), a person by the roster's spelling for that
  language or else by the table's transliteration and case forms (`player`), a team by the
  league's names for it.
"""

from __future__ import annotations

import functools
import re
from string import Formatter

from rnnkit.demo import league
from rnnkit.demo.grammar import PLAYERS, arena_name
from rnnkit.demo.languages import TABLES, phrasings
from rnnkit.demo.synonyms import SYNONYMS
from rnnkit.translator.decoding.inference import SlotPolicy
from rnnkit.translator.decoding.slots import (
    CLOSE,
    OPEN,
    Inventory,
    fold_accents,
    plain_render,
    slot_token,
)

FIELD_KINDS = {
    "player": "P",
    "other": "P",
    "team": "T",
    "opponent": "T",
    "a": "N",
    "b": "N",
    "clock": "C",
    "nth": "O",
    "c": "N",
    "arena": "X",
    "quarter": "Q",
}
# Scripts that write a multi-part name with a middle dot between its parts.
_DOTTED = {"zh", "yue"}
# Languages that write a decimal comma ("0,8 secondes").
_DECIMAL_COMMA = {"fr", "es", "it", "pt", "ru", "uk", "sr", "pl", "tr", "el", "vi", "so", "tl"}
_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}

# English words that can open a line capitalised without being a name: beside every word of
# the commentary grammar (added from the English table), the function words, interjections
# and common words of a broadcast.
COMMON_WORDS = frozenset(
    """a about above across after again against ahead all almost alone along already also
    although always among amazing an and and-one another answer answers any anybody anyone
    anything are around as at attempt away awful back bad ball bang bank baseline basket
    baskets be beautiful because been before behind being below beneath best better between
    beyond big block blocked blocks board boards bomb both bottom bounce bounces break brick
    bucket buckets but buzzer by call called calls can cannot career catch challenge chance
    charge check checks clean clock close clutch coach come comes comeback corner could
    count counts court crowd cut dagger deep defense defence deflection did do does double
    down drive drives dunk during each early easy eight either eleven else elbow end ends
    enough even ever every everybody everything excellent fade fadeaway fast fifth final
    finally find finds finish finishes first five flagrant floater foot for foul fouled
    fouls four fourth free from front full game get gets give gives glass go goes going
    gone good got great had half halftime hand handle hands happens hard has have he head
    heads heat help her here hey high him his hit hits hold home hook hot how huge i if in
    incredible inside into is it its jam jump jumper just keep kick last late lay layup lead
    leads left let like live long look looking looks loose lose loses lot lots made make
    makes man many maybe me mid miss misses missed more most much must my near need nice
    nine no nobody none nope not nothing now of off offense offence oh ok okay on once one
    only onto open or other others our out outside over pass passes past perfect pick play
    plays point points possession pull pull-up push put quarter quick quickly quite ready
    really rebound rebounds record review right rim road run runs save say scores scoring
    second see seven she shot shoots shooting shots should side since six sixth slam so
    some someone something soft spin splash steal steals step still stop straight strong
    such sure take takes technical ten that the their them then there these they third
    this those three through throw time timeout tip to today together tonight too top
    tough toward towards travel traveling triple turnover two under unbelievable until up
    upon us very violation wait wow was way we well were what when where which while who
    whoa why wide will win wins with within without would yes yet you your""".split()
)


class SlotValue:
    """A field written as a slot: `{player}` gives ｟P1｠, `{player[gen]}` ｟P1:gen｠."""

    def __init__(self, kind, index):
        self.kind, self.index = kind, index

    def __format__(self, spec):
        return slot_token(self.kind, self.index)

    def __getitem__(self, form):
        return slot_token(self.kind, self.index, form)


def event_slots(event, phrasing=None, counts=None):
    """{field: SlotValue} for the fields of `event` that are slots, numbered per kind in
    the order the English sentence (in `phrasing`, else the canonical one) names them;
    `counts` ({kind: slots of that kind before this sentence's}, updated) numbers on from
    an earlier clause of the same line."""
    template = phrasing or phrasings(event.template)[0]
    slots, counts = {}, ({} if counts is None else counts)
    for _, field, _, _ in Formatter().parse(template):
        name = (field or "").split("[")[0]
        if name in FIELD_KINDS and name not in slots:
            kind = FIELD_KINDS[name]
            counts[kind] = counts.get(kind, 0) + 1
            slots[name] = SlotValue(kind, counts[kind])
    return slots


def slotted(event, lang, phrasing=None, counts=None):
    """`event` in `lang` ("en" too) with its facts as slot tokens: the training text. The
    slots are numbered as the English `phrasing` names them (the canonical sentence if
    None; `counts` as event_slots); for "en" the sentence is that phrasing."""
    slots = event_slots(event, phrasing, None if counts is None else dict(counts))
    if lang == "en" and phrasing is not None:
        return TABLES["en"].render(event, slots, pattern=phrasing)
    return TABLES[lang].render(event, slots)


def english_words():
    """The lower-case words of the English commentary grammar (every phrasing), of the
    synonym lexicon's alternatives, and COMMON_WORDS."""
    table = TABLES["en"]
    texts = [*table.templates.values(), *table.quarters, *table.rebounds.values()]
    texts += [p for template in table.templates for p in phrasings(template)]
    texts += [form for forms in table.shots.values() for form in forms.values()]
    texts += [alternative for _, alternatives in SYNONYMS for alternative in alternatives]
    words = {w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text)}
    return frozenset(words | COMMON_WORDS)


def _form(value, form):
    """One form of a table's Form: the string, or the dict's `form` (its first if none)."""
    if isinstance(value, str):
        return value
    if form in value:
        return value[form]
    return next(iter(value.values()))


class DemoSlots(SlotPolicy):
    """The demo's SlotPolicy: names from the league, the demo's rosters and `roster` (a
    Roster, see roster.py), written as each language's table writes them."""

    def __init__(self, roster=None):
        super().__init__(Inventory(words=english_words()))
        self.roster = roster
        self.spellings = {}  # (full name, lang) -> the roster's spelling (a Form)
        for player in PLAYERS:
            self.inventory.add(player, "P", player)
        self._add_league()
        if roster is not None:
            for player in roster.players:
                self.inventory.add(player.name, "P", player.name)
                surname = player.name.split()[-1]
                if (
                    surname not in _SUFFIXES
                    and sum(p.name.split()[-1] == surname for p in roster.players) == 1
                ):  # two players of one surname: "Williams" alone stays a plain name
                    self.inventory.add(surname, "P", player.name)
                for lang, spelling in player.spellings.items():
                    self.spellings[player.name, lang] = spelling

    def _add_league(self):
        for nickname, team in league.TEAMS.items():
            self.inventory.add(nickname, "T", (nickname, "team"))
            self.inventory.add(team.city, "T", (nickname, "city"))
            self.inventory.add(team.full, "T", (nickname, "team"))
            for alias in team.aliases:
                self.inventory.add(alias, "T", (nickname, "team"))
        self.inventory.add(league.ARENA, "X", league.ARENA)

    def writer(self, lang):
        table = TABLES.get(lang)

        def write(slot, form):
            if table is None or slot.value is None:  # (a slotted source: its token back)
                return plain_render(slot, form)
            if slot.kind == "N":
                return self._number(table, lang, slot.value, form)
            if slot.kind == "C":
                return _form(table.format_clock(slot.value), form)
            if slot.kind == "O":
                return _form(table.format_ordinal(slot.value), form)
            if slot.kind == "Q":  # "3rd quarter" keeps its digits, "third" is the word
                if slot.text[:1].isdigit():
                    return _form(table.format_ordinal(slot.value), form)
                return _form(table.quarters[slot.value - 1], form)
            if slot.kind == "P":
                return self._person(table, lang, slot.value, form)
            if slot.kind == "T":
                return self._team(table, lang, slot.value, form)
            if slot.kind == "X" and slot.value == league.ARENA:  # the table's forms
                return _form(table.arena or arena_name(lang), form)
            if slot.kind == "X":  # another place: spelt as a name is
                return _written_name(lang, slot.value, form)
            return slot.text

        return write

    @staticmethod
    def _number(table, lang, value, form):
        if "." not in value:
            return _form(table.format_number(int(value)), form)
        whole, _, fraction = value.partition(".")
        digits = {str(d): _form(table.format_number(d), None) for d in range(10)}
        separator = "," if lang in _DECIMAL_COMMA else "."
        return "".join(digits.get(c, c) for c in whole + separator + fraction)

    def _person(self, table, lang, name, form):
        spelling = self.spellings.get((name, lang))
        if spelling is not None:
            return _form(spelling, form)
        return _written_name(lang, name, form)

    @staticmethod
    def _team(table, lang, value, form):
        nickname, variant = value
        return _form(league.team_names(lang, nickname)[variant], form)

    def restore(self, text, slots, lang):
        """As SlotPolicy.restore, a team the source names by its city without the article
        the model wrote for a nickname ("les ｟T1｠" -> "Toronto", "aux" -> "à": the table's
        `city_articles`) and with the singular of the plural verb after it ("mènent" ->
        "mène": `city_verbs`)."""
        table = TABLES.get(lang)
        if table is not None and (table.city_articles or table.city_verbs):
            for slot in slots:
                if slot.kind == "T" and slot.value is not None and slot.value[1] == "city":
                    text = _without_article(text, slot, table.city_articles, lang == "fr")
                    text = _singular_verb(text, slot, table.city_verbs)
        return super().restore(text, slots, lang)


def _token(slot):
    """A pattern for `slot`'s token in the model's text, with any form ("｟T1:x｠")."""
    return rf"{re.escape(OPEN)}{slot.kind}{slot.index}(?::[^{re.escape(CLOSE)}]*)?{CLOSE}"


def _singular_verb(text, slot, verbs):
    """`text` with the plural verb right after `slot`'s token made singular as `verbs` say
    (the first entry that fits)."""
    for plural, singular in verbs:
        pattern = rf"({_token(slot)} ){re.escape(plural)}(?!\w)"
        text, done = re.subn(pattern, rf"\g<1>{singular}", text)
        if done:
            break
    return text


def _without_article(text, slot, articles, elide):
    """`text` with the article or contraction before `slot`'s token replaced as `articles`
    say; with `elide` (French) "de" elides before a vowel ("d'Orlando")."""
    token = _token(slot)
    for article, instead in articles:
        if elide and instead == "de" and fold_accents(slot.text)[:1] in "AEIOU":
            instead = "d'"
        joined = instead if not instead or instead.endswith("'") else instead + " "
        text = re.sub(rf"(?<!\w){re.escape(article)} (?={token})", joined, text)
    return text


@functools.lru_cache(maxsize=65536)
def _written_name(lang, name, form):
    """write_name with the language's table, remembered: a game names a few dozen players,
    each in 24 languages, line after line."""
    return write_name(TABLES[lang], lang, name, form)


def write_name(table, lang, name, form=None):
    """A person's name in `lang` by the table's `player` (transliteration and case forms,
    which go on the last part): each part of a multi-part or hyphenated name spelt alone,
    joined as the language joins them (a middle dot in Chinese), the accents folded for
    the rules written for the 26 letters. Latin-script languages keep the name as it is
    and decline its last part. A name the table's rules cannot spell (they were written for
    the demo's names) is written in Latin letters, as the source has it."""
    if table.player is None:
        return name
    try:
        return _spell_name(table, lang, name, form)
    except (KeyError, ValueError, IndexError, AssertionError):
        return name


def _spell_name(table, lang, name, form):
    words = name.split()
    suffix = [w for w in words[1:] if w in _SUFFIXES]
    words = [w for w in words if w not in _SUFFIXES]
    latin = table.script == "Latin"
    parts = []  # (the part as spelt in the language, the separator after it)
    for word in words:
        pieces = word.split("-")
        for p, piece in enumerate(pieces):
            after = "-" if p < len(pieces) - 1 else ("·" if lang in _DOTTED else " ")
            parts.append((piece, after))
    if not parts:
        return name

    def spell(piece):
        if latin:
            return piece
        ascii_piece = re.sub(r"[^A-Za-z]", "", fold_accents(piece))
        return _bare(table.player(ascii_piece.capitalize())) if ascii_piece else piece

    last, _ = parts[-1]
    if latin:
        forms = table.player(last)
        head = "".join(piece + after for piece, after in parts[:-1])
        written = _form(forms, form)
        bare = last
    else:
        ascii_last = re.sub(r"[^A-Za-z]", "", fold_accents(last)).capitalize() or "X"
        forms = table.player(ascii_last)
        written = _form(forms, form)
        bare = _bare(forms)
        head = "".join(spell(piece) + after for piece, after in parts[:-1])
    if head and bare in written:
        written = written.replace(bare, head + bare, 1)
    elif head:
        written = head + written
    if suffix and latin:
        written = f"{written} {' '.join(suffix)}"
    return written


def _bare(forms):
    """A name's form without case or marker: the shortest of its forms."""
    return forms if isinstance(forms, str) else min(forms.values(), key=len)

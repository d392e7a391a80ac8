"""rnnkit/demo/synonyms.py: the English synonym lexicon that `vary` applies to the demo's
generated English lines (the same fact in other words).

The lines come from the generator itself: every phrasing of every template (with each shot
and rebound kind) and a corpus of training lines with slots, one and two events a line.
"""

import dataclasses
import re
from collections import Counter
from random import Random

import pytest

from rnnkit.demo import synonyms
from rnnkit.demo.commentary import generate_corpus, random_event
from rnnkit.demo.grammar import FIELD_GOALS, REBOUNDS, SHOTS, TEMPLATES
from rnnkit.demo.languages import phrasings
from rnnkit.demo.slot_policy import slotted
from rnnkit.demo.synonyms import SYNONYMS, find, vary

SLOT = re.compile("｟[^｟｠]*｠")


@pytest.fixture(scope="module")
def rendered():
    """Every phrasing of every template as a slot line, once with each shot (each field
    goal for an assist or a block) and each rebound kind."""
    rng = Random(0)
    lines = []
    for template in TEMPLATES:
        for phrasing in phrasings(template):
            event = random_event(rng, template)
            events = [event]
            if event.shot is not None:
                kinds = FIELD_GOALS if template in ("assist", "block") else SHOTS
                events = [dataclasses.replace(event, shot=kind) for kind in kinds]
            if event.rebound is not None:
                events = [dataclasses.replace(event, rebound=kind) for kind in REBOUNDS]
            lines += [slotted(e, "en", phrasing) for e in events]
    return lines


@pytest.fixture(scope="module")
def corpus():
    """The English column of a training corpus with slots, two-event lines among them."""
    single = generate_corpus(24 * 400, shared=False, slots=True, seed=5)
    double = generate_corpus(24 * 40, shared=False, slots=True, seed=6, compound=0.5)
    return sorted({english for _, english, _ in single + double})


@pytest.fixture(scope="module")
def lines(rendered, corpus):
    return sorted(set(rendered) | set(corpus))


def _sentence_starts_only(line):
    """Whether every capital letter of `line` (outside its slot tokens) opens the line or a
    sentence in it."""
    text = SLOT.sub("@", line)
    return all(
        i == 0 or text[i - 2 : i] in (". ", "! ", "? ") for i, c in enumerate(text) if c.isupper()
    )


def test_every_entry_rewrites_some_generated_line(rendered):
    used = {index for line in rendered for _, _, index in find(line)}
    dead = [SYNONYMS[i][0].pattern for i in range(len(SYNONYMS)) if i not in used]
    assert not dead, f"entries that no generated line gives them to rewrite: {dead}"


def test_the_lexicon_is_broad():
    alternatives = [a for _, entry in SYNONYMS for a in entry]
    assert len(SYNONYMS) >= 80
    assert len(alternatives) >= 300
    assert sum(len(entry) >= 3 for _, entry in SYNONYMS) > 0.9 * len(SYNONYMS)


def test_alternatives_are_plain_distinct_lower_case_words():
    for pattern, alternatives in SYNONYMS:
        assert isinstance(pattern, re.Pattern)
        assert 1 <= len(alternatives) <= 10, pattern.pattern
        assert len(set(alternatives)) == len(alternatives), pattern.pattern
        for alternative in alternatives:
            assert alternative.strip(), pattern.pattern
            assert not re.search(r"\d", alternative), (pattern.pattern, alternative)
            assert "｟" not in alternative and "｠" not in alternative, alternative
            # The patterns are written in lower case (a capital opening a sentence is
            # matched in lower case and given back by `vary`), and so are the alternatives.
            assert alternative == alternative.lower(), (pattern.pattern, alternative)
            assert "  " not in alternative, alternative


def test_no_alternative_is_the_phrase_it_replaces(lines):
    for line in lines:
        for begin, end, index in find(line):
            phrase = line[begin:end].lower()
            assert phrase not in SYNONYMS[index][1], (line, phrase)


def test_matches_are_disjoint_and_never_cut_a_slot(lines):
    for line in lines:
        spans = find(line)
        slots = [m.span() for m in SLOT.finditer(line)]
        for (_, end, _), (begin, _, _) in zip(spans, spans[1:]):
            assert end <= begin, line
        for begin, end, _ in spans:
            assert begin < end
            assert not any(begin < b and a < end for a, b in slots), line


def test_a_phrase_inside_a_slot_token_is_left_alone():
    line = "｟P1｠ returns to ｟Q1:the game｠, and ｟P2｠ makes a layup"
    out = vary(Random(1), line, share=1.0)
    assert SLOT.findall(out) == SLOT.findall(line)
    assert out != line  # "makes" and "a layup" outside the slots were rewritten


def test_vary_keeps_every_slot_in_order_and_adds_no_digit(lines):
    rng = Random(11)
    for line in lines:
        slots = SLOT.findall(line)
        assert all(count == 1 for count in Counter(slots).values()), line
        for share in (0.5, 1.0):
            out = vary(rng, line, share)
            assert SLOT.findall(out) == slots, (line, out)
            text = SLOT.sub("", out)
            assert not re.search(r"\d", text), (line, out)
            assert "｟" not in text and "｠" not in text, (line, out)
            assert "  " not in out and out == out.strip(), (line, out)


def test_vary_is_deterministic_and_share_zero_is_the_identity(corpus):
    sample = corpus[::7]
    first = [vary(Random(3), line) for line in sample]
    again = [vary(Random(3), line) for line in sample]
    assert first == again
    rng = Random(3)
    assert [vary(rng, line, share=0.0) for line in sample] == sample
    assert any(a != b for a, b in zip(first, sample))


@pytest.mark.parametrize("share", [-0.1, 1.5, float("nan")])
def test_a_share_outside_zero_to_one_is_refused(share):
    with pytest.raises(ValueError):
        vary(Random(0), "｟P1｠ makes a layup", share)


def test_share_one_rewrites_every_line_that_an_entry_matches(lines):
    rng = Random(5)
    matched = 0
    for line in lines:
        out = vary(rng, line, share=1.0)
        if find(line):
            matched += 1
            assert out != line, line
        else:
            assert out == line, line
    assert matched > 0.9 * len(lines)


def test_capitals_stay_where_sentences_start(lines):
    rng = Random(8)
    for line in filter(_sentence_starts_only, lines):
        out = vary(rng, line, share=1.0)
        assert _sentence_starts_only(out), (line, out)
        if line[:1].isupper():
            assert out[:1].isupper(), (line, out)


def test_a_line_that_opens_with_a_phrase_keeps_its_capital():
    for seed in range(20):
        out = vary(Random(seed), "Rejected! ｟P1｠ blocks the dunk by ｟P2｠", share=1.0)
        first, rest = out.split("! ", 1)
        assert first[:1].isupper() and first != "Rejected", out
        assert first.lower() in {"denied", "blocked", "stuffed", "swatted", "sent back"}, out
        assert rest.startswith("｟P1｠ ") and rest.endswith(" by ｟P2｠"), out
        out = vary(Random(seed), "Blocked by ｟P1｠! ｟P2｠'s layup is denied", share=1.0)
        assert out[:1].isupper() and not out.startswith("Blocked by"), out


class _First(Random):
    """Rewrites every phrase, with each entry's first alternative."""

    def random(self):
        return 0.0

    def choice(self, seq):
        return seq[0]


def test_hand_written_lines_with_the_first_alternatives():
    rng = _First()
    assert vary(rng, "｟P1｠ makes a three-pointer", 1.0) == "｟P1｠ hits a three"
    assert vary(rng, "Rejected! ｟P1｠ blocks the dunk by ｟P2｠", 1.0) == (
        "Denied! ｟P1｠ rejects the slam by ｟P2｠"
    )
    assert vary(rng, "｟P1｠ grabs the offensive rebound", 1.0) == (
        "｟P1｠ pulls down the offensive board"
    )
    assert (
        vary(rng, "The ｟T1｠ lead ｟N1｠ to ｟N2｠", 1.0) == "The ｟T1｠ are up ｟N1｠ to ｟N2｠"
    )


def _rewrites(line, seeds=40):
    return {vary(Random(seed), line, share=1.0) for seed in range(seeds)}


def test_makes_it_and_a_score_are_not_a_made_shot():
    for line in ("｟P1｠ makes it ｟N1｠-｟N2｠", "Six fouls, and ｟P1｠ has to go"):
        assert find(line) == [], line
        assert _rewrites(line) == {line}
    # "makes his way" is said as a whole ("heads to the locker room"), never as a shot.
    shot_verbs = re.compile(r"(?:hits|drains|converts|buries|nails|sinks|cans|connects on) his")
    outs = _rewrites("｟P1｠ makes his way to the locker room")
    assert outs and not any(shot_verbs.search(out) for out in outs)
    assert all(out.endswith(("locker room", "the back", "the tunnel")) for out in outs), outs


def test_hits_is_a_shot_before_a_shot_and_a_pass_before_a_player():
    passes = "finds|feeds|sets up|spots|dishes to|connects with|locates|passes to|threads it to"
    layups = "a lay-up|a lay-in|a layin|a finger roll|a scoop|a scoop layup|a finger-roll layup"
    pass_line = re.compile(f"｟P1｠ (?:{passes}) ｟P2｠ for (?:{layups})")
    for out in _rewrites("｟P1｠ hits ｟P2｠ for a layup"):
        assert pass_line.fullmatch(out), out
    verbs = "makes|converts|finishes|scores on|connects on|is good on|cashes in on|drops in"
    shot_line = re.compile(f"｟P1｠ (?:{verbs}|comes through with) (?:{layups})")
    for out in _rewrites("｟P1｠ hits a layup"):
        assert shot_line.fullmatch(out), out


def test_a_verb_fits_the_shot_it_comes_before():
    dunks = _rewrites("｟P1｠ makes a dunk", seeds=200)
    assert not any(word in out for out in dunks for word in ("drains", "buries", "nails", "bricks"))
    assert any("throws down" in out or "hammers home" in out for out in dunks)
    threes = _rewrites("｟P1｠ makes a three-pointer", seeds=200)
    assert any(out.split()[1] in ("drains", "buries", "nails", "sinks", "cans") for out in threes)
    misses = _rewrites("｟P1｠ misses a free throw", seeds=200)
    assert not any("can't finish" in out or "blows" in out for out in misses)


def test_three_seconds_is_not_a_three_pointer():
    outs = _rewrites("｟P1｠ is called for three seconds")
    assert outs <= {
        "｟P1｠ is called for a three-second violation",
        "｟P1｠ is called for three in the key",
        "｟P1｠ is called for three in the lane",
    }
    assert len(outs) == 3


def test_the_clock_and_the_count_of_a_stat_keep_their_words():
    for out in _rewrites("｟C1｠ to go in the ｟Q1｠ quarter, ｟P1｠ converts a layup"):
        assert out.startswith("｟C1｠ to go in the ｟Q1｠ "), out
        assert out.split(" ")[6] in ("period,", "frame,", "stanza,"), out
    for out in _rewrites("｟P1｠ has ｟N1｠ points to go with ｟N2｠ assists"):
        assert " to go with ｟N2｠ " in out, out


def test_the_score_and_the_sides_never_swap():
    for out in _rewrites("The ｟T1｠ trail the ｟T2｠, ｟N1｠-｟N2｠"):
        assert out.startswith("The ｟T1｠ ") and out.endswith(" the ｟T2｠, ｟N1｠-｟N2｠"), out
        assert any(w in out for w in ("behind", "trailing", "losing to")), out
    for out in _rewrites("｟P1｠ is fouled in the act of shooting by ｟P2｠"):
        assert out.startswith("｟P1｠ ") and out.endswith(" by ｟P2｠"), out
        assert "fouled" in out or "hacked" in out or "hit" in out, out


def test_the_keys_only_skip_entries_that_cannot_match(rendered, monkeypatch):
    fast = [find(line) for line in rendered]
    monkeypatch.setattr(synonyms, "_KEYS", tuple(None for _ in SYNONYMS))
    assert [find(line) for line in rendered] == fast

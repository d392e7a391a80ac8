"""Punjabi: renderings worked out by hand from pa.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.pa import oblique, ordinal, player

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "ਦੂਜੇ ਕੁਆਰਟਰ ਵਿੱਚ 3:45 ਬਾਕੀ ਰਹਿੰਦਿਆਂ ਟ੍ਰੇਂਬਲੇ ਨੇ ਤਿੰਨ ਅੰਕਾਂ ਵਾਲਾ ਸ਼ਾਟ ਲਾਇਆ",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "ਹੱਦਾਦ ਤੋਂ ਮਿਲੇ ਪਾਸ ਉੱਤੇ ਮੇਂਸਾ ਨੇ ਲੇਅ-ਅੱਪ ਨਾਲ ਅੰਕ ਬਣਾਏ",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "ਡੋਨੇਲੀ ਨੇ ਵਾਰਗਾ ਦਾ ਡੰਕ ਬਲਾਕ ਕੀਤਾ",
    ),
    # ਨਿਸ਼ਾਨਾ takes its oblique ਨਿਸ਼ਾਨੇ before ਤੋਂ
    (
        ("missed", dict(player="Petrov", shot="three")),
        "ਪੇਟ੍ਰੋਵ ਦਾ ਤਿੰਨ ਅੰਕਾਂ ਵਾਲਾ ਸ਼ਾਟ ਨਿਸ਼ਾਨੇ ਤੋਂ ਖੁੰਝ ਗਿਆ",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "ਰੈਪਟਰਜ਼ ਸੈਲਟਿਕਸ ਦੇ ਖ਼ਿਲਾਫ਼ 54–49 ਨਾਲ ਅੱਗੇ ਹੈ",
    ),
    (("substitution", dict(player="Sutherland", other="Mensah")), "ਮੇਂਸਾ ਦੀ ਥਾਂ ਸਦਰਲੈਂਡ ਕੋਰਟ ਵਿੱਚ ਆਏ"),
    # The grammar's second round: the dative ਨੂੰ of who receives, ordinals in digits
    # agreeing as -ā adjectives (ਵਾਰ is feminine).
    (("foul_count", dict(player="Varga", nth=2)), "ਇਹ ਵਾਰਗਾ ਦਾ 2ਜਾ ਫ਼ਾਊਲ ਹੈ"),
    (("lead_changes", dict(nth=7)), "ਮੁਕਾਬਲੇ ਵਿੱਚ 7ਵੀਂ ਵਾਰ ਬੜ੍ਹਤ ਬਦਲੀ"),
    (("bonus", dict(team="Celtics")), "ਸੈਲਟਿਕਸ ਨੂੰ ਹੁਣ ਹਰ ਫ਼ਾਊਲ ਉੱਤੇ ਫ੍ਰੀ ਥ੍ਰੋ ਮਿਲਣਗੇ"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("pa", template, **slots) == expected


def test_oblique_and_names():
    assert [oblique(w) for w in ("ਦੂਜਾ", "ਵਾਲਾ", "ਚੌਥਾ", "ਆਖ਼ਰੀ")] == ["ਦੂਜੇ", "ਵਾਲੇ", "ਚੌਥੇ", "ਆਖ਼ਰੀ"]
    assert player("Haddad") == "ਹੱਦਾਦ"  # adhak, dental ਦ
    assert player("Kaminski") == "ਕਾਮਿੰਸਕੀ"  # tippi after a short vowel
    assert player("Montoya") == "ਮੋਂਟੋਯਾ"  # bindi after a long one


def test_text():
    check_text("pa", "0123456789")


def test_ordinals():
    # ਪਹਿਲਾ, ਤੀਜੀ, ਚੌਥੇ, then -ਵਾਂ/-ਵੇਂ/-ਵੀਂ.
    assert ordinal(1)["m"] == "1ਲਾ"
    assert ordinal(3)["f"] == "3ਜੀ"
    assert ordinal(4)["obl"] == "4ਥੇ"
    assert ordinal(10)["m"] == "10ਵਾਂ"
    assert ordinal(5)["f"] == "5ਵੀਂ"


def test_three_numbers_and_the_arena():
    # A trailing side's score is written from its own side, its points first.
    assert render("pa", "trail_score", team="Knicks", c=7, a=60, b=53) == (
        "ਨਿਕਸ 7 ਅੰਕਾਂ ਨਾਲ ਪਿੱਛੇ ਹੈ, ਸਕੋਰ 53–60"
    )
    assert render("pa", "triple_double", player="Varga", a=21, b=12, c=10) == (
        "ਵਾਰਗਾ ਦੇ ਖਾਤੇ ਵਿੱਚ 21 ਅੰਕ, 12 ਰੀਬਾਊਂਡ ਅਤੇ 10 ਅਸਿਸਟ ਹਨ"
    )
    # ਵਿੱਚ stays a word after the arena, whose name does not change.
    assert render("pa", "arena_lead", team="Bulls", a=40, b=38, arena="Scotiabank Arena") == (
        "ਇੱਥੇ ਸਕੋਸ਼ੀਆਬੈਂਕ ਅਰੀਨਾ ਵਿੱਚ ਬੁਲਜ਼ 40–38 ਨਾਲ ਅੱਗੇ ਹੈ"
    )

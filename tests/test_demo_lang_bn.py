"""Bengali: renderings worked out by hand from bn.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.bn import TABLE, forms, number, ordinal, player
from rnnkit.demo.league import ARENA_NAMES

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "দ্বিতীয় কোয়ার্টারের ৩:৪৫ বাকি থাকতে ট্রেমব্লে তিন পয়েন্টের শটে বাস্কেট করলেন",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "হাদ্দাদের পাস থেকে মেনসা লে-আপে বাস্কেট করলেন",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "ডোনেলি ভার্গার ডাঙ্ক ব্লক করলেন",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "র‍্যাপ্টর্স সেল্টিকসের বিপক্ষে ৫৪–৪৯ ব্যবধানে এগিয়ে",
    ),
    (
        ("foul_personal", dict(player="Brennan", other="Kruger")),
        "ব্রেনান ক্রুগারকে ব্যক্তিগত ফাউল করলেন",
    ),
    (("win", dict(team="Lakers", a=110, b=102)), "লেকার্স ১১০–১০২ ব্যবধানে জিতল"),
    (
        ("substitution", dict(player="Sutherland", other="Petrov")),
        "পেট্রোভের বদলে সাদারল্যান্ড কোর্টে নামলেন",
    ),
    # The grammar's second round: genitive + বিরুদ্ধে, the objective in a passive, the
    # classifier -টি, ordinals in digits with the ending of the word.
    (("foul_count", dict(player="Haddad", nth=4)), "এটি হাদ্দাদের ৪র্থ ফাউল"),
    (("technical", dict(player="Varga")), "ভার্গার বিরুদ্ধে টেকনিক্যাল ফাউল"),
    (("ejected", dict(player="Mensah")), "মেনসাকে খেলা থেকে বহিষ্কার করা হলো"),
    (("shooting_line", dict(player="Varga", a=7, b=9)), "ভার্গা ৯টি ফ্রি থ্রোর ৭টিতে সফল"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("bn", template, **slots) == expected


@pytest.mark.parametrize(
    ("word", "key", "expected"),
    [
        ("হাদ্দাদ", "gen", "হাদ্দাদের"),  # -এর after a consonant
        ("সেল্টিকস", "gen", "সেল্টিকসের"),
        ("ন্ডিয়ায়", "gen", "ন্ডিয়ায়ের"),  # য় is a consonant
        ("ভার্গা", "gen", "ভার্গার"),  # -র after a vowel
        ("ট্রেমব্লে", "gen", "ট্রেমব্লের"),
        ("মেনসা", "obj", "মেনসাকে"),
    ],
)
def test_case_forms(word, key, expected):
    assert forms(word)[key] == expected


def test_numbers_and_names():
    assert number(49) == "৪৯"
    assert player("Haddad")["nom"] == "হাদ্দাদ"


def test_text():
    check_text("bn", "০১২৩৪৫৬৭৮৯")


def test_ordinals():
    # প্রথম, দ্বিতীয়, তৃতীয়, চতুর্থ, পঞ্চম, ষষ্ঠ, দশম, একাদশ (১১তম), একবিংশ (২১তম).
    assert [ordinal(n) for n in (1, 2, 3, 4, 5, 6, 10, 11, 21)] == [
        "১ম",
        "২য়",
        "৩য়",
        "৪র্থ",
        "৫ম",
        "৬ষ্ঠ",
        "১০ম",
        "১১তম",
        "২১তম",
    ]


def test_three_numbers_and_the_arena():
    # A trailing side's score is written from its own side, its points first.
    assert render("bn", "trail_score", team="Knicks", c=7, a=60, b=53) == (
        "নিকস ৭ পয়েন্টে পিছিয়ে, স্কোর ৫৩–৬০"
    )
    assert render("bn", "triple_double", player="Haddad", a=21, b=12, c=10) == (
        "হাদ্দাদের সংগ্রহে ২১ পয়েন্ট, ১২ রিবাউন্ড ও ১০ অ্যাসিস্ট"
    )
    # The locative -য় joins the arena's name, which is the league's.
    assert render("bn", "arena_welcome", arena="Scotiabank Arena") == (
        "স্কোশিয়াব্যাংক অ্যারেনায় আপনাদের স্বাগতম"
    )
    assert TABLE.arena["nom"] == ARENA_NAMES["bn"]

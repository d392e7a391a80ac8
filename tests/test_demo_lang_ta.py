"""Tamil: renderings worked out by hand from ta.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.ta import forms, transliterate

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "இரண்டாவது கால்பகுதியில் 3:45 நேரம் மீதமிருக்கையில் டிரெம்ப்ளே மூன்று புள்ளி ஷாட்டை வெற்றிகரமாக அடித்தார்",
    ),
    (("made", dict(player="Varga", shot="dunk")), "வார்கா டங்க் செய்தார்"),
    (("made", dict(player="Varga", shot="free_throw")), "வார்கா ஃப்ரீ த்ரோவில் புள்ளி பெற்றார்"),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "ஹத்தாத் கொடுத்த பாஸில் மென்ஸா லே-அப் மூலம் புள்ளிகள் பெற்றார்",
    ),
    (("block", dict(player="Donnelly", other="Varga", shot="dunk")), "டோனெலி வார்காவின் டங்கைத் தடுத்தார்"),
    (
        ("steal", dict(player="Okonkwo", other="Szabo")),
        "ஓக்கோங்க்வோ ஸாபோவிடமிருந்து பந்தைப் பறித்தார்",
    ),
    (
        ("substitution", dict(player="Sutherland", other="Mensah")),
        "மென்ஸாவுக்குப் பதிலாக ஸதர்லேண்ட் களமிறங்கினார்",
    ),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "ராப்டர்ஸ் அணி செல்டிக்ஸ் அணிக்கு எதிராக 54–49 என்ற கணக்கில் முன்னிலை வகிக்கிறது",
    ),
    (("missed", dict(player="Petrov", shot="free_throw")), "பெட்ரோவ் ஃப்ரீ த்ரோவைத் தவறவிட்டார்"),
    # The second round: the ordinal 4-ஆவது after a genitive, "for the team" as the dative
    # with -ஆக, a called foul as a passive with the player in the dative, "a of b" as the
    # locative of the whole, and the accusative before வென்று.
    (("foul_count", dict(player="Petrov", nth=4)), "இது பெட்ரோவின் 4-ஆவது ஃபவுல்"),
    (
        ("player_scores_for", dict(player="Rinaldi", team="Bulls")),
        "புல்ஸ் அணிக்காக ரினால்டி புள்ளிகள் பெற்றார்",
    ),
    (("technical", dict(player="Varga")), "வார்காவுக்கு டெக்னிக்கல் ஃபவுல் வழங்கப்பட்டது"),
    (
        ("shooting_line", dict(player="Varga", a=7, b=9)),
        "வார்கா இதுவரை எடுத்த 9 ஃப்ரீ த்ரோக்களில் 7 வெற்றிகரமாக அமைந்துள்ளன",
    ),
    (
        ("jump_ball", dict(player="Talbot", other="Petrov")),
        "டேல்போட் பெட்ரோவை வென்று ஜம்ப் பாலைக் கைப்பற்றினார்",
    ),
    (
        ("lead_by", dict(team="Knicks", a=12)),
        "நிக்ஸ் அணி 12 புள்ளிகள் வித்தியாசத்தில் முன்னிலை வகிக்கிறது",
    ),
    # The third round: a trailing team's own score first, as a loss is written; the arena
    # declined like any noun (the dative of the welcome, the locative "at").
    (
        ("trail_score", dict(team="Bulls", c=6, a=70, b=64)),
        "புல்ஸ் அணி 64–70 என்ற கணக்கில் 6 புள்ளிகள் வித்தியாசத்தில் பின்தங்கியுள்ளது",
    ),
    (
        ("arena_welcome", dict(arena="Scotiabank Arena")),
        "ஸ்கோஷியாபேங்க் அரீனாவுக்கு உங்களை அன்புடன் வரவேற்கிறோம்",
    ),
    (
        ("arena_lead", dict(team="Knicks", a=60, b=52, arena="Scotiabank Arena")),
        "இங்கே ஸ்கோஷியாபேங்க் அரீனாவில் நிக்ஸ் அணி 60–52 என்ற கணக்கில் முன்னிலை வகிக்கிறது",
    ),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("ta", template, **slots) == expected


@pytest.mark.parametrize(
    ("word", "key", "expected"),
    [
        ("பெட்ரோவ்", "acc", "பெட்ரோவை"),  # the vowel replaces the pulli
        ("பெட்ரோவ்", "dat", "பெட்ரோவுக்கு"),
        ("டேல்போட்", "acc", "டேல்போட்டை"),  # a single hard consonant doubles
        ("லிண்ட்க்விஸ்ட்", "acc", "லிண்ட்க்விஸ்டை"),  # not after a cluster
        ("ஷாட்", "acc", "ஷாட்டை"),
        ("லே-அப்", "acc", "லே-அப்பை"),
        ("ரினால்டி", "acc", "ரினால்டியை"),  # y glide after i
        ("ரினால்டி", "dat", "ரினால்டிக்கு"),
        ("வார்கா", "gen", "வார்காவின்"),  # v glide after a
        ("வார்கா", "abl", "வார்காவிடமிருந்து"),
        ("டிரெம்ப்ளே", "dat", "டிரெம்ப்ளேவுக்கு"),  # v after a final ே
        ("ஷாட்", "loc", "ஷாட்டில்"),
        ("ரினால்டி", "loc", "ரினால்டியில்"),
    ],
)
def test_case_forms(word, key, expected):
    assert forms(word)[key] == expected


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("Whitaker", "விட்டெக்கர்"),  # intervocalic t, k double
        ("Kruger", "கிரூகர்"),  # the press's vowel in an initial cluster
        ("Montoya", "மோண்டோயா"),  # n before t is ண
        ("Okonkwo", "ஓக்கோங்க்வோ"),  # n before k is ங
        ("Delacroix", "டெலாக்ரோவா"),  # a glide between two vowels
        ("Rinaldi", "ரினால்டி"),  # a final i is short
        ("Eklund", "எக்ளுண்ட்"),  # l after a stop is ள
        ("Tremblay", "டிரெம்ப்ளே"),
        ("Haddad", "ஹத்தாத்"),  # the exception table
    ],
)
def test_names(surname, expected):
    assert transliterate(surname) == expected


def test_text():
    check_text("ta", "0123456789")

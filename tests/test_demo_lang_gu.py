"""Gujarati: renderings worked out by hand from gu.py's grammar notes, and its rules."""

import pytest
from lang_checks import check_text, render

from rnnkit.demo.languages.gu import TABLE, forms, number, oblique, ordinal, player
from rnnkit.demo.league import ARENA_NAMES

CASES = [
    (
        ("made_clock", dict(player="Tremblay", shot="three", quarter=2, clock=225)),
        "બીજા ક્વાર્ટરમાં ૩:૪૫ બાકી રહેતાં ટ્રેંબલેએ ત્રણ પોઇન્ટનો શૉટ ફટકાર્યો",
    ),
    (
        ("assist", dict(player="Haddad", other="Mensah", shot="layup")),
        "હદ્દાદ પાસેથી મળેલા પાસ પર મેંસાએ લે-અપથી બે પોઇન્ટ મેળવ્યા",
    ),
    (
        ("block", dict(player="Donnelly", other="Varga", shot="dunk")),
        "ડોનેલીએ વાર્ગાનો ડંક બ્લૉક કર્યો",
    ),
    (("missed", dict(player="Petrov", shot="three")), "પેટ્રોવનો ત્રણ પોઇન્ટનો શૉટ નિષ્ફળ ગયો"),
    (("timeout", dict(team="Raptors")), "રેપ્ટર્સે ટાઇમ-આઉટ લીધો"),
    (
        ("lead_opponent", dict(team="Raptors", opponent="Celtics", a=54, b=49)),
        "રેપ્ટર્સે સેલ્ટિક્સ સામે ૫૪–૪૯ની લીડ મેળવી છે",
    ),
    (("quarter_start", dict(quarter=3)), "ત્રીજો ક્વાર્ટર શરૂ થયો"),
    (("substitution", dict(player="Kruger", other="Varga")), "વાર્ગાની જગ્યાએ ક્રૂગર કોર્ટ પર આવ્યા"),
    # The grammar's second round: a foul that strikes (લાગવું), the dative -ને of who
    # receives, ordinals in digits agreeing as -o adjectives (વખત is feminine).
    (("foul_count", dict(player="Varga", nth=5)), "આ વાર્ગાનો ૫મો ફાઉલ છે"),
    (("lead_changes", dict(nth=2)), "મુકાબલામાં ૨જી વખત લીડ બદલાઈ"),
    (("bonus", dict(team="Bulls")), "બુલ્સને હવે દરેક ફાઉલ પર ફ્રી થ્રો મળશે"),
    (("technical", dict(player="Haddad")), "હદ્દાદ પર ટેક્નિકલ ફાઉલ લાગ્યો"),
]


@pytest.mark.parametrize(("event", "expected"), CASES)
def test_rendering(event, expected):
    template, slots = event
    assert render("gu", template, **slots) == expected


@pytest.mark.parametrize(
    ("word", "key", "expected"),
    [
        ("હદ્દાદ", "erg", "હદ્દાદે"),  # after a consonant the ergative is the sign ે
        ("ક્રૂગર", "erg", "ક્રૂગરે"),
        ("ટ્રેંબલે", "erg", "ટ્રેંબલેએ"),  # after a vowel, the letter એ
        ("મેંસા", "erg", "મેંસાએ"),
        ("ક્રૂગર", "acc", "ક્રૂગરને"),
        ("વાર્ગા", "gen_m", "વાર્ગાનો"),
        ("વાર્ગા", "gen_f", "વાર્ગાની"),
        ("રેપ્ટર્સ", "erg", "રેપ્ટર્સે"),
    ],
)
def test_case_forms(word, key, expected):
    assert forms(word)[key] == expected


def test_oblique_numbers_names():
    assert [oblique(w) for w in ("પહેલો", "બીજો", "ચોથો", "છેલ્લું")] == [
        "પહેલા",
        "બીજા",
        "ચોથા",
        "છેલ્લું",
    ]
    assert number(101) == "૧૦૧" and number(0) == "૦"
    assert player("Haddad")["nom"] == "હદ્દાદ"


def test_text():
    check_text("gu", "૦૧૨૩૪૫૬૭૮૯")


def test_ordinals():
    # પહેલો, છઠ્ઠી, ચોથા (oblique), બારમું (neuter).
    assert ordinal(1)["m"] == "૧લો"
    assert ordinal(6)["f"] == "૬ઠ્ઠી"
    assert ordinal(4)["obl"] == "૪થા"
    assert ordinal(12)["n"] == "૧૨મું"


def test_three_numbers_and_the_arena():
    # A trailing side's score is written from its own side, its points first.
    assert render("gu", "trail_score", team="Knicks", c=7, a=60, b=53) == (
        "નિક્સ ૭ પોઇન્ટથી પાછળ છે, સ્કોર ૫૩–૬૦"
    )
    assert render("gu", "run_score", team="Bulls", a=12, b=2, c=6) == (
        "બુલ્સે ૧૨–૨નો દોર પોતાના નામે કરીને ૬ પોઇન્ટની લીડ મેળવી છે"
    )
    # The locative -માં joins the arena's name, which is the league's.
    assert render("gu", "arena_welcome", arena="Scotiabank Arena") == (
        "સ્કોશિયાબેંક એરેનામાં આપનું સ્વાગત છે"
    )
    assert TABLE.arena["nom"] == ARENA_NAMES["gu"]

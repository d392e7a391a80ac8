"""Tests for the name transliteration shared by ar fa ur hi bn gu pa (and ta's phonemes).

Every expected spelling below was worked out by hand from the rules in the module
docstrings (phonemes first, then the script's conventions), not copied from the output.
"""

import unicodedata

import pytest

from rnnkit.demo.grammar import PLAYERS
from rnnkit.demo.languages import _arabic_script as arabic
from rnnkit.demo.languages import _indic as indic
from rnnkit.demo.languages._sounds import CONSONANTS, PRONUNCIATIONS, VOWELS, phonemes


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("Brennan", "b r e n a n"),  # nn is one sound; the last a is weak
        ("Lindqvist", "l i n d k v i s t"),  # Swedish qv
        ("Mensah", "m e n s aa"),  # final h silent after a
        ("Barlow", "b aa r l o"),  # final ow
        ("Lucero", "l u s e r o"),  # c before e is s
        ("Szabo", "s aa b o"),  # Hungarian sz
        ("Donnelly", "d o n e l ii"),  # final y
        ("Whitfield", "hw i t f ii l d"),  # wh, ie
        ("Okonkwo", "o k o n k w o"),
        ("Moreau", "m o r o"),  # French eau
        ("Tremblay", "t r e m b l ei"),  # ay
        ("Kruger", "k r uu g @ r"),  # from PRONUNCIATIONS: the u is long
    ],
)
def test_phonemes(surname, expected):
    assert phonemes(surname) == expected.split()


def test_every_roster_name_reads_into_the_inventory():
    for surname in PLAYERS:
        assert set(phonemes(surname)) <= VOWELS | CONSONANTS, surname
    assert set(PRONUNCIATIONS) <= set(PLAYERS)  # the exception table names real players
    with pytest.raises(ValueError):
        phonemes("Nuñez")


@pytest.mark.parametrize(
    ("script", "surname", "expected"),
    [
        # onset tr joined, final v bare
        (indic.DEVANAGARI, "Petrov", "पेट्रोव"),
        # s before t joined
        (indic.DEVANAGARI, "Castellano", "कास्टेलानो"),
        # r after a full vowel is reph, t before m bare
        (indic.DEVANAGARI, "Hartmann", "हार्टमैन"),
        # r after the schwa of -er stays bare; nd is anusvara + ड
        (indic.DEVANAGARI, "Sutherland", "सदरलैंड"),
        (indic.DEVANAGARI, "Mensah", "मेंसा"),
        (indic.DEVANAGARI, "Okonkwo", "ओकोंक्वो"),
        # a medial consonant + l stays bare in Hindi (the inherent vowel is silent)
        (indic.DEVANAGARI, "Tremblay", "ट्रेंबले"),
        (indic.DEVANAGARI, "Eklund", "एकलुंड"),
        # wh is written with its h: व्ह, হু
        (indic.DEVANAGARI, "Whitfield", "व्हिटफ़ील्ड"),
        (indic.BENGALI, "Whitfield", "হুইটফিল্ড"),
        # a geminate is joined (rule output; hi.py's table has the dental हद्दाद)
        (indic.DEVANAGARI, "Haddad", "हड्डाड"),
        (indic.BENGALI, "Varga", "ভার্গা"),  # v is ভ
        (indic.BENGALI, "Hartmann", "হার্টম্যান"),  # æ is ্যা
        (indic.BENGALI, "Quinlan", "কুইনলান"),  # kw before i: কুই; schwa a is া
        (indic.BENGALI, "Montoya", "মোন্টোয়া"),  # nasal conjunct, য় after a vowel
        (indic.BENGALI, "Tremblay", "ট্রেমব্লে"),  # no three-letter conjunct
        (indic.GURMUKHI, "Tremblay", "ਟ੍ਰੇਂਬਲੇ"),  # subjoined r only; bindi after e
        (indic.GURMUKHI, "Kaminski", "ਕਾਮਿੰਸਕੀ"),  # tippi after i
        (indic.GURMUKHI, "Haddad", "ਹੱਡਾਡ"),  # adhak for the geminate
        (indic.GUJARATI, "Lindgren", "લિંડગ્રેન"),
    ],
)
def test_indic_spelling(script, surname, expected):
    assert indic.transliterate(script, surname, {}) == expected


@pytest.mark.parametrize(
    ("script", "surname", "expected"),
    [
        (arabic.ARABIC, "Tremblay", "ترمبلاي"),  # e before two consonants unwritten
        (arabic.ARABIC, "Brennan", "برينان"),  # e in an open syllable written
        (arabic.ARABIC, "Kovac", "كوفاتش"),  # v ف, ch تش
        (arabic.ARABIC, "Gallagher", "غالاغر"),  # g غ, schwa unwritten
        (arabic.ARABIC, "Esposito", "إسبوسيتو"),  # initial e إ, p ب
        (arabic.ARABIC, "Fairbank", "فيربانك"),  # e next to y written once
        (arabic.PERSIAN, "Petrov", "پتروف"),  # short e unwritten, final v ف
        (arabic.PERSIAN, "Hollister", "هالیستر"),  # ɒ is ا
        (arabic.PERSIAN, "Kovac", "کوواچ"),
        (arabic.URDU, "Tremblay", "ٹریمبلے"),  # ٹ, e ی, final ay ے
        (arabic.URDU, "Lindqvist", "لنڈکوسٹ"),  # closed short i unwritten
        (arabic.URDU, "Quinlan", "کوینلن"),  # i after kw written
        (arabic.URDU, "Rinaldi", "رینالڈی"),  # open short i written
    ],
)
def test_arabic_script_spelling(script, surname, expected):
    assert arabic.transliterate(script, surname, {}) == expected


def test_every_name_is_clean_in_every_script():
    for surname in PLAYERS:
        for script in (indic.DEVANAGARI, indic.BENGALI, indic.GUJARATI, indic.GURMUKHI):
            text = indic.transliterate(script, surname, {})
            assert text == unicodedata.normalize("NFC", text), (script.name, surname)
            assert all(script.name.upper() in unicodedata.name(ch) for ch in text), text
            assert not text.endswith(script.virama), text
        for script in (arabic.ARABIC, arabic.PERSIAN, arabic.URDU):
            text = arabic.transliterate(script, surname, arabic.ARABIC_NAMES)
            assert text and all("ARABIC" in unicodedata.name(ch) for ch in text), text
            if script is not arabic.ARABIC:
                assert not set(text) & set("يك"), text  # Persian and Urdu ی ک
            else:
                assert not set(text) & set("یکگپچژ"), text

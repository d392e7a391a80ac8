"""Tests of rnnkit.demo.league: the NBA's 30 clubs, and their names in the demo's languages.

The names were written by hand from each language's press (the module docstring says
where from); what a machine can check is checked here: the league's shape; that no English
name of a club could mean another; that every language names every club and its city, in
its own script; and that the six demo teams come out exactly as the language files write
them today, forms included (the expected particles and endings below were worked out by
hand from each file's docstring, not copied from the output).
"""

import dataclasses
import subprocess
import sys
import unicodedata

import pytest
from test_demo_languages import in_script

from rnnkit.demo import league
from rnnkit.demo.languages import ORDER, TABLES

DEMO_TEAMS = ("Raptors", "Celtics", "Knicks", "Bucks", "Lakers", "Bulls")
# The files whose `teams` are dicts of forms, and the key of each one's base form (tl has
# none: its forms are the name with a marker, "ang Raptors").
FORM_LANGUAGES = ("bn", "gu", "ko", "sr", "tl")
BASE_KEY = {"bn": "nom", "gu": "nom", "ko": "name", "sr": "nom"}
LATIN = [lang for lang in ORDER if TABLES[lang].script == "Latin"]


def strings(form) -> list[str]:
    """The strings of a name: itself, or each of its forms."""
    return list(form.values()) if isinstance(form, dict) else [form]


def base(lang: str, form) -> str:
    """The base form of a name as a language file writes it."""
    if isinstance(form, str):
        return form
    if lang == "tl":
        return form["ang"].removeprefix("ang ")
    return form[BASE_KEY[lang]]


# ---------------------------------------------------------------------------------------
# The league in English
# ---------------------------------------------------------------------------------------


def test_thirty_teams_keyed_by_nickname():
    assert len(league.TEAMS) == 30
    for nickname, team in league.TEAMS.items():
        assert team.nickname == nickname
        assert team.full == f"{team.city} {team.nickname}"
        assert isinstance(team.aliases, tuple)
    assert set(DEMO_TEAMS) <= set(league.TEAMS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        league.TEAMS["Raptors"].city = "Montreal"


def test_every_english_name_means_one_team():
    teams_of: dict[str, set[str]] = {}
    for team in league.TEAMS.values():
        names = [team.nickname, team.city, team.full, *team.aliases]
        assert all(name and name == name.strip() for name in names), team
        assert len({name.casefold() for name in names}) == len(names), team
        for name in names:
            teams_of.setdefault(name.casefold(), set()).add(team.nickname)
    ambiguous = {name: teams for name, teams in teams_of.items() if len(teams) > 1}
    assert not ambiguous
    for field in ("city", "full"):
        values = [getattr(team, field) for team in league.TEAMS.values()]
        assert len(set(values)) == 30, field


@pytest.mark.parametrize(
    ("nickname", "city", "full", "alias"),
    [
        ("Raptors", "Toronto", "Toronto Raptors", None),
        ("76ers", "Philadelphia", "Philadelphia 76ers", "Sixers"),
        ("Trail Blazers", "Portland", "Portland Trail Blazers", "Blazers"),
        ("Timberwolves", "Minnesota", "Minnesota Timberwolves", "T-Wolves"),
        ("Thunder", "Oklahoma City", "Oklahoma City Thunder", "OKC"),
        ("Warriors", "Golden State", "Golden State Warriors", None),
        ("Clippers", "LA", "LA Clippers", None),
        ("Lakers", "Los Angeles", "Los Angeles Lakers", None),
        ("Knicks", "New York", "New York Knicks", None),
        ("Nets", "Brooklyn", "Brooklyn Nets", None),
    ],
)
def test_known_teams(nickname, city, full, alias):
    team = league.TEAMS[nickname]
    assert (team.city, team.full) == (city, full)
    assert alias is None or alias in team.aliases


# ---------------------------------------------------------------------------------------
# The names in each language
# ---------------------------------------------------------------------------------------


def test_names_cover_english_and_the_24_languages():
    assert len(ORDER) == 24
    assert set(league.NAMES) == {"en", *ORDER}
    assert set(league.ARENA_NAMES) == {"en", *ORDER}
    for nickname, team in league.TEAMS.items():
        assert league.NAMES["en"][nickname] == {"team": nickname, "city": team.city}


@pytest.mark.parametrize("lang", ORDER)
def test_every_team_and_city_is_named(lang):
    names = league.NAMES[lang]
    assert list(names) == list(league.TEAMS)
    for nickname, entry in names.items():
        assert set(entry) == {"team", "city"}, (lang, nickname)
        for form in entry.values():
            assert isinstance(form, str | dict), (lang, nickname)
            for text in strings(form):
                assert isinstance(text, str) and text, (lang, nickname)
                assert text == text.strip() and "  " not in text, (lang, nickname, text)
                assert text == unicodedata.normalize("NFC", text), (lang, nickname, text)


@pytest.mark.parametrize("lang", ORDER)
def test_names_are_in_the_languages_script(lang):
    script = TABLES[lang].script
    texts = [league.ARENA_NAMES[lang]]
    for entry in league.NAMES[lang].values():
        for form in entry.values():
            texts += strings(form)
    for text in texts:
        foreign = [
            ch for ch in text if unicodedata.category(ch)[0] in "LM" and not in_script(ch, script)
        ]
        assert not foreign, (lang, text, foreign)


def test_arabic_script_presses_use_their_own_letters():
    """Arabic writes ي ك; Persian and Urdu ی ک, and Urdu its own h ہ (as the files do)."""
    for lang, banned in (("ar", "یک"), ("fa", "يك"), ("ur", "يكه")):
        for entry in league.NAMES[lang].values():
            for form in entry.values():
                for text in strings(form):
                    assert not set(text) & set(banned), (lang, text)


@pytest.mark.parametrize("lang", ORDER)
def test_names_within_a_language_are_distinct(lang):
    """No two clubs share a name; only the two Los Angeles clubs may share their city."""
    teams = [base(lang, entry["team"]) for entry in league.NAMES[lang].values()]
    assert len(set(teams)) == 30, lang
    cities: dict[str, list[str]] = {}
    for nickname, entry in league.NAMES[lang].items():
        cities.setdefault(str(base(lang, entry["city"])), []).append(nickname)
    shared = [sorted(nicknames) for nicknames in cities.values() if len(nicknames) > 1]
    assert shared in ([], [["Clippers", "Lakers"]]), (lang, shared)


@pytest.mark.parametrize("lang", LATIN)
def test_latin_script_languages_keep_the_english_nickname(lang):
    for nickname in league.TEAMS:
        assert base(lang, league.team_names(lang, nickname)["team"]) == nickname


@pytest.mark.parametrize(
    ("lang", "nickname", "team", "city"),
    [
        ("zh", "Mavericks", "独行侠", "达拉斯"),
        ("zh", "Warriors", "勇士", "金州"),
        ("zh", "76ers", "76人", "费城"),
        ("zh", "Thunder", "雷霆", "俄克拉荷马城"),
        ("yue", "Raptors", "速龍", "多倫多"),
        ("yue", "Heat", "熱火", "邁亞密"),
        ("ru", "Heat", "«Хит»", "«Майами»"),
        ("ru", "Celtics", "«Селтикс»", "«Бостон»"),
        ("ko", "Raptors", "랩터스", "토론토"),
        ("es", "Knicks", "Knicks", "Nueva York"),
        ("pl", "76ers", "76ers", "Filadelfia"),
        ("fr", "76ers", "76ers", "Philadelphie"),
        ("pt", "Knicks", "Knicks", "Nova York"),
        ("it", "Knicks", "Knicks", "New York"),
        ("tr", "Clippers", "Clippers", "LA"),
    ],
)
def test_established_names(lang, nickname, team, city):
    entry = league.NAMES[lang][nickname]
    assert (entry["team"], entry["city"]) == (team, city)


# ---------------------------------------------------------------------------------------
# The demo's six teams, and the forms of all 30
# ---------------------------------------------------------------------------------------


def test_the_languages_with_forms_are_those_with_team_forms():
    with_dicts = {
        lang
        for lang in ORDER
        if any(isinstance(form, dict) for form in TABLES[lang].teams.values())
    }
    assert with_dicts == set(FORM_LANGUAGES)
    for lang in ORDER:
        assert (league.team_forms_of(lang) is not None) == (lang in FORM_LANGUAGES), lang


@pytest.mark.parametrize("lang", ORDER)
def test_demo_teams_base_form_is_the_files(lang):
    teams = TABLES[lang].teams
    assert set(DEMO_TEAMS) <= set(teams)
    for nickname in DEMO_TEAMS:
        assert league.NAMES[lang][nickname]["team"] == base(lang, teams[nickname]), nickname


@pytest.mark.parametrize("lang", ORDER)
def test_team_names_give_the_files_forms(lang):
    """team_names gives each team of the file exactly its form: the string, or all the
    forms (computed by team_forms from the base name)."""
    for nickname, form in TABLES[lang].teams.items():
        assert league.team_names(lang, nickname)["team"] == form, (lang, nickname)


@pytest.mark.parametrize("lang", FORM_LANGUAGES)
def test_team_forms_reproduce_the_demo_teams(lang):
    team_forms = league.team_forms_of(lang)
    for nickname in DEMO_TEAMS:
        name = league.NAMES[lang][nickname]["team"]
        assert team_forms(name) == TABLES[lang].teams[nickname], (lang, nickname)


@pytest.mark.parametrize("lang", FORM_LANGUAGES)
def test_every_team_and_city_has_the_files_forms(lang):
    keys = set(TABLES[lang].teams["Raptors"])
    for nickname in league.TEAMS:
        names = league.team_names(lang, nickname)
        for key in ("team", "city"):
            assert isinstance(names[key], dict) and set(names[key]) == keys, (nickname, key)
            assert base(lang, names[key]) == base(lang, league.NAMES[lang][nickname][key])


@pytest.mark.parametrize(
    ("lang", "nickname", "key", "form", "expected"),
    [
        # Korean: 매직 ends in ㄱ, 선더 in a vowel, 뉴욕 in ㄱ, 밀워키 in a vowel; ㄹ takes 로.
        ("ko", "Magic", "team", "i_ga", "매직이"),
        ("ko", "Magic", "team", "ro", "매직으로"),
        ("ko", "Thunder", "team", "eul", "선더를"),
        ("ko", "Knicks", "city", "wa", "뉴욕과"),
        ("ko", "Bucks", "city", "i_ga", "밀워키가"),
        ("ko", "Warriors", "city", "ro", "골든스테이트로"),
        # Tagalog: common-noun markers.
        ("tl", "Heat", "team", "ng", "ng Heat"),
        ("tl", "Heat", "city", "sa", "sa Miami"),
        # Bengali: genitive -এর after a consonant, -র after a vowel sign.
        ("bn", "Heat", "team", "gen", "হিটের"),
        ("bn", "Heat", "city", "gen", "মায়ামির"),
        ("bn", "Jazz", "team", "obj", "জ্যাজকে"),
        # Gujarati: ergative ે after a consonant, એ after a vowel.
        ("gu", "Heat", "team", "erg", "હીટે"),
        ("gu", "Heat", "city", "erg", "માયામીએ"),
        ("gu", "Spurs", "team", "gen_f", "સ્પર્સની"),
        # Serbian: plural -и -> -а; a singular name adds -а; cities as written out.
        ("sr", "Spurs", "team", "gen", "Спарса"),
        ("sr", "Heat", "team", "gen", "Хита"),
        ("sr", "Jazz", "team", "gen", "Џеза"),
        ("sr", "Heat", "city", "gen", "Мајамија"),
        ("sr", "Jazz", "city", "gen", "Јуте"),
    ],
)
def test_forms_of_new_teams(lang, nickname, key, form, expected):
    assert league.team_names(lang, nickname)[key][form] == expected


def test_team_names_strings_and_errors():
    assert league.team_names("zh", "Raptors") == {"team": "猛龙", "city": "多伦多"}
    assert league.team_names("en", "Clippers") == {"team": "Clippers", "city": "LA"}
    names = league.team_names("sr", "Raptors")
    names["city"]["gen"] = "changed"  # a copy: the league's data stays as it is
    assert league.NAMES["sr"]["Raptors"]["city"]["gen"] == "Торонта"
    with pytest.raises(ValueError):
        league.team_names("xx", "Raptors")
    with pytest.raises(ValueError):
        league.team_names("zh", "SuperSonics")


def test_team_forms_refuse_what_they_cannot_read():
    with pytest.raises(ValueError):
        league.team_forms_of("ko")("LA")  # no Hangul syllable, no 받침 to read
    with pytest.raises(ValueError):
        league.team_forms_of("sr")("Торонто")  # a city: its forms are written out


# ---------------------------------------------------------------------------------------
# The arena, and the module itself
# ---------------------------------------------------------------------------------------


def test_arena_names():
    assert league.ARENA == "Scotiabank Arena"
    assert league.ARENA_NAMES["zh"] == "丰业银行球馆"
    for lang in ORDER:
        name = league.ARENA_NAMES[lang]
        assert name and name == unicodedata.normalize("NFC", name), lang
        if TABLES[lang].script == "Latin":
            assert name == league.ARENA, lang


def test_league_imports_no_language_file():
    """grammar.py may import the league, so the league imports no language file (nor
    grammar) until team_names asks for one's team_forms."""
    code = (
        "import sys, rnnkit.demo.league; "
        "print(sorted(m for m in sys.modules if m.startswith('rnnkit.demo.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['rnnkit.demo.league']"

"""Tonight's roster (rnnkit/demo/roster.py): a good file gives the game's teams and players
with their spellings; every mistake is one line naming the file and the line, and the
server refuses to start on it before loading anything."""

import pytest

from rnnkit.cli.main import main
from rnnkit.demo.roster import load_roster

GOOD = """home = "Raptors"
away = "Heat"

[[player]]
name = "Ivo  Marsh"
team = "Raptors"
zh = "伊沃·马什"

[[player]]
name = "Dara Quell"
team = "Heat"
ru = { nom = "Дара Квелл", gen = "Дары Квелл" }
"""


def test_a_good_roster_gives_the_teams_players_and_spellings(tmp_path):
    path = tmp_path / "game.toml"
    path.write_text(GOOD, encoding="utf-8")
    roster = load_roster(path)
    assert (roster.home, roster.away) == ("Raptors", "Heat")
    assert [p.name for p in roster.players] == ["Ivo Marsh", "Dara Quell"]
    assert roster.players[0].spellings == {"zh": "伊沃·马什"}
    assert roster.players[1].spellings["ru"]["gen"] == "Дары Квелл"


@pytest.mark.parametrize(
    "change, line, words",
    [
        (('away = "Heat"', 'away = "Hurricanes"'), 2, "unknown team 'Hurricanes'"),
        (('name = "Dara Quell"', 'name = "Ivo Marsh"'), 10, "Ivo Marsh is listed twice"),
        (('team = "Heat"', 'team = "Celtics"'), 11, "neither Raptors nor Heat"),
        (("zh = ", "xx = "), 7, "'xx' is not a language of the demo"),
        (('home = "Raptors"', 'home = "Raptors'), 1, "not valid TOML"),
        (('home = "Raptors"', 'home = "Heat"'), 2, "home and away are both 'Heat'"),
    ],
)
def test_each_mistake_is_one_line_naming_the_file_and_line(tmp_path, capsys, change, line, words):
    path = tmp_path / "game.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    code = main(["serve", "--model-dir", str(tmp_path / "no-model"), "--roster", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.count("\n") == 0, err
    assert f"{path}:{line}" in err and words in err, err


def test_a_roster_that_is_not_utf8_or_missing_is_one_line(tmp_path, capsys):
    path = tmp_path / "game.toml"
    path.write_bytes(b'home = "Rapt\xffors"\n')
    assert main(["serve", "--model-dir", str(tmp_path), "--roster", str(path)]) == 2
    assert "invalid UTF-8" in capsys.readouterr().err
    assert main(["serve", "--model-dir", str(tmp_path), "--roster", str(tmp_path / "no")]) == 2
    assert "cannot read the roster" in capsys.readouterr().err

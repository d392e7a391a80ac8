"""Games (rnnkit/serve/games.py): a publisher opens a game with its roster, posts its lines,
closes it; viewers pick a game with ?game=ID or follow the current one; a closed game is an
archive (its stream, transcript and captions); games outlive a restart on the same record,
and a record of the first version (one game) is moved to games whole."""

import sqlite3

import httpx
import pytest
from serving import RunningServer, expected_texts, parse_sse, read_events, tiny_translator

from rnnkit.demo.roster import Player, Roster
from rnnkit.demo.slot_policy import DemoSlots
from rnnkit.serve.events import EventLog
from rnnkit.serve.games import Games
from rnnkit.serve.store import APPLICATION_ID, Store, StoreError

LANGUAGES = ["fr", "zh"]
ROSTER = {
    "home": "Raptors",
    "away": "Heat",
    "player": [
        {"name": "Scottie Barnes", "team": "Raptors", "zh": "斯科蒂·巴恩斯"},
        {"name": "Bam Adebayo", "team": "Heat"},
    ],
}


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(LANGUAGES)


@pytest.fixture
def server(translator, tmp_path):
    running = RunningServer(translator, LANGUAGES, store=Store(tmp_path / "live.db"))
    yield running
    running.stop()


def publish(server, path, **kwargs):
    headers = {"Authorization": f"Bearer {server.token}"}
    return httpx.post(server.url + path, headers=headers, timeout=60, **kwargs)


def post_line(server, text, game=None):
    query = "" if game is None else f"?game={game}"
    response = publish(server, f"/api/lines{query}", json={"text": text})
    assert response.status_code == 202, response.text
    return response.json()


def whole_game(server, game, count):
    """The first `count` events of `game`'s stream, then its `closed` event if it is over."""
    events = []
    url = f"{server.url}/api/stream?game={game}"
    with httpx.stream("GET", url, timeout=60) as response:
        assert response.status_code == 200, response.read()
        for event in parse_sse(response.iter_lines(), kinds=("message", "closed")):
            events.append(event)
            if len(events) == count:
                break
    return events


def wait_translated(server, game, lines):
    import time

    deadline = time.monotonic() + 60
    log = server.app.state.games.find(game).log
    while len(log) < lines * (len(LANGUAGES) + 1):
        assert time.monotonic() < deadline, "the lines were never translated"
        time.sleep(0.01)


def test_a_game_opened_with_its_roster_takes_the_lines_and_the_first_is_kept_apart(server):
    first = server.game.id
    assert post_line(server, "Tremblay hits a three") == {"line": 0, "game": first}
    opened = publish(server, "/api/games", json=ROSTER)
    assert opened.status_code == 201, opened.text
    game = opened.json()
    assert (game["home"], game["away"], game["lines"], game["current"]) == (
        "Raptors",
        "Heat",
        0,
        True,
    )
    assert game["closed"] is None and game["id"] != first
    # no ?game=: the current game, the one opened last; ?game=: the one named
    assert post_line(server, "Barnes dunks") == {"line": 0, "game": game["id"]}
    assert post_line(server, "Mensah dunks", game=first) == {"line": 1, "game": first}
    wait_translated(server, first, 2)
    wait_translated(server, game["id"], 1)
    listed = httpx.get(server.url + "/api/games").json()["games"]
    assert [(g["id"], g["lines"], g["current"]) for g in listed] == [
        (first, 2, False),
        (game["id"], 1, True),
    ]
    events = read_events(server.url, 3)  # a viewer of the current game sees only its line
    assert {e["text"] for e in events if e["lang"] == "en"} == {"Barnes dunks"}
    assert {e["id"].rpartition("-")[0] for e in events} == {game["id"]}  # ids name the game
    older = whole_game(server, first, 6)
    assert [e["text"] for e in older if e["lang"] == "en"] == [
        "Tremblay hits a three",
        "Mensah dunks",
    ]


def test_a_closed_game_is_an_archive_and_its_stream_ends(server, translator):
    first = server.game.id
    texts = ["Tremblay hits a three", "Mensah dunks"]
    for text in texts:
        post_line(server, text)
    closed = publish(server, f"/api/games/{first}/close")  # its queue is translated first
    assert closed.status_code == 200, closed.text
    assert closed.json()["closed"] is not None and closed.json()["lines"] == 2
    events = whole_game(server, first, 2 * 3 + 1)
    assert events[-1]["event"] == "closed" and events[-1]["game"] == first
    assert len([e for e in events if e["event"] == "message"]) == 6  # every line translated
    # no game is live now: lines are refused, naming what to do
    refused = publish(server, "/api/lines", json={"text": "after the buzzer"})
    assert refused.status_code == 404 and "POST /api/games" in refused.json()["error"]
    again = publish(server, f"/api/lines?game={first}", json={"text": "after the buzzer"})
    assert again.status_code == 409 and "closed" in again.json()["error"]
    assert publish(server, f"/api/games/{first}/close").status_code == 409
    transcript = httpx.get(f"{server.url}/api/games/{first}/transcript?lang=fr").json()
    assert transcript["id"] == first and transcript["lang"] == "fr"
    assert [line["en"] for line in transcript["lines"]] == texts
    assert [line["text"] for line in transcript["lines"]] == [
        expected_texts(translator, text, LANGUAGES, 1)["fr"] for text in texts
    ]
    assert all("confidence" in line and line["withheld"] is False for line in transcript["lines"])
    captions = httpx.get(f"{server.url}/captions/fr.vtt?game={first}")
    assert captions.status_code == 200 and captions.text.startswith("WEBVTT")


def test_unknown_games_and_bad_rosters_get_one_line_each(server):
    for url in (
        "/api/stream?game=0123456789ab",
        "/api/languages?game=nope",
        "/captions/fr.vtt?game=nope",
        "/api/games/nope/transcript",
    ):
        response = httpx.get(server.url + url)
        assert response.status_code == 404 and "GET /api/games" in response.json()["error"]
    long = httpx.get(server.url + "/api/languages?game=" + "x" * 5000).json()["error"]
    assert len(long) < 200  # what was sent is never echoed whole
    bad = {
        "unknown team": ({**ROSTER, "away": "Sharks"}, "unknown team 'Sharks'"),
        "twice": (
            {**ROSTER, "player": [ROSTER["player"][0], ROSTER["player"][0]]},
            "listed twice",
        ),
        "not an object": ([1, 2], "give an object"),
    }
    for body, reason in bad.values():
        response = publish(server, "/api/games", json=body)
        assert response.status_code == 422 and reason in response.json()["error"], response.text
    assert publish(server, "/api/games", content=b"{nope").status_code == 400
    assert httpx.post(server.url + "/api/games", json=ROSTER).status_code == 401
    transcript = httpx.get(f"{server.url}/api/games/{server.game.id}/transcript?lang=xx")
    assert transcript.status_code == 400
    assert len(httpx.get(server.url + "/api/games").json()["games"]) == 1  # nothing opened


def test_games_outlive_a_restart_on_the_same_record(translator, tmp_path):
    path = tmp_path / "live.db"
    first = RunningServer(translator, LANGUAGES, store=Store(path))
    try:
        default = first.game.id
        opened = publish(first, "/api/games", json=ROSTER).json()["id"]
        post_line(first, "Barnes dunks")
        wait_translated(first, opened, 1)
    finally:
        first.stop()
    second = RunningServer(translator, LANGUAGES, store=Store(path))
    try:
        listed = httpx.get(second.url + "/api/games").json()["games"]
        assert [(g["id"], g["current"], g["lines"]) for g in listed] == [
            (default, False, 0),
            (opened, True, 1),
        ]
        assert second.game.roster.home == "Raptors"  # the roster is the game's, kept
        assert post_line(second, "Adebayo blocks it") == {"line": 1, "game": opened}
    finally:
        second.stop()


def test_a_roster_given_at_start_opens_its_game_once(translator, tmp_path):
    path = tmp_path / "live.db"
    roster = Roster("Raptors", "Heat", (Player("Scottie Barnes", "Raptors"),))
    ids = []
    for _ in range(2):  # the same roster: the same game goes on
        running = RunningServer(translator, LANGUAGES, store=Store(path), roster=roster)
        ids.append(running.game.id)
        running.stop()
    other = Roster("Raptors", "Celtics", ())
    running = RunningServer(translator, LANGUAGES, store=Store(path), roster=other)
    try:
        assert ids[0] == ids[1] and running.game.id != ids[0]  # another roster: a new game
        assert running.game.roster == other
    finally:
        running.stop()


@pytest.fixture(scope="module")
def slotted_model(tmp_path_factory):
    """A model trained for a few steps on slotted commentary (its quality does not matter)."""
    from rnnkit.cli.main import main
    from rnnkit.demo.commentary import generate_corpus, write_tsv

    root = tmp_path_factory.mktemp("slotted-model")
    examples = generate_corpus(120, split="train", languages=["fr", "zh"], seed=1, slots=True)
    write_tsv(root / "train.tsv", examples)
    args = ["train", "--data", str(root / "train.tsv"), "--model-dir", str(root / "model")]
    tiny = ["--cell", "gru", "--embed", "8", "--hidden", "8", "--max-steps", "2", "--quiet"]
    assert main([*args, *tiny]) == 0
    return root / "model"


def test_each_game_translates_with_a_slot_policy_that_knows_its_roster(slotted_model):
    from rnnkit.cli.arguments import slot_policy
    from rnnkit.translator.decoding.inference import Translator

    base = Translator.load(slotted_model, slots=slot_policy())
    roster = Roster(
        "Raptors", "Heat", (Player("Scottie Barnes", "Raptors", {"zh": "斯科蒂·巴恩斯"}),)
    )
    twin = base.with_slots(DemoSlots(roster))
    assert twin.model is base.model and twin.vocab is base.vocab  # nothing copied
    line = "Barnes dunks"
    assert [s.value for s in twin.slotted([line])[line].slots] == ["Scottie Barnes"]
    assert [s.value for s in base.slotted([line])[line].slots] == ["Barnes"]  # unknown there
    assert "斯科蒂·巴恩斯" in twin.restore_slots("｟P1｠", line, "zh")


def test_a_record_of_one_game_is_moved_to_games_whole(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # the first version's tables, as rnnkit wrote them
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE lines (number INTEGER PRIMARY KEY, text TEXT NOT NULL,
                translated INTEGER NOT NULL DEFAULT 0, posted REAL NOT NULL, media REAL);
            CREATE TABLE events (seq INTEGER PRIMARY KEY, line INTEGER NOT NULL,
                lang TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL,
                withheld INTEGER);
            INSERT INTO meta VALUES ('epoch', 'a1b2c3d4e5f6');
            INSERT INTO lines VALUES (0, 'Tremblay hits a three', 1, 1000.0, 12.5);
            INSERT INTO lines VALUES (1, 'Mensah dunks', 0, 1004.0, NULL);
            INSERT INTO events VALUES (0, 0, 'en', 'Tremblay hits a three', 'line', NULL, NULL);
            INSERT INTO events VALUES (1, 0, 'fr', 'Tremblay marque', 'line', 0.9, 0);
            INSERT INTO events VALUES (2, 1, 'en', 'Mensah dunks', 'line', NULL, NULL);
            """
        )
    store = Store(path)
    (row,) = store.games()
    assert (row.id, row.opened, row.closed, row.lines) == ("a1b2c3d4e5f6", 1000.0, None, 2)
    log = EventLog(store=store.game(row.id))
    assert log.epoch == "a1b2c3d4e5f6"  # a viewer's Last-Event-ID still points into it
    assert [(e.seq, e.lang, e.text, e.withheld) for e in log.events] == [
        (0, "en", "Tremblay hits a three", None),
        (1, "fr", "Tremblay marque", False),
        (2, "en", "Mensah dunks", None),
    ]
    assert store.game(row.id).untranslated() == [(1, "Mensah dunks")]
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer rnnkit"):
        Store(path)


def test_at_most_so_many_games_are_live(translator, monkeypatch):
    import asyncio

    from rnnkit.serve import games as module

    monkeypatch.setattr(module, "MAX_LIVE_GAMES", 2)

    async def scenario():
        games = Games(Store(None), translator, LANGUAGES)
        games.start()
        games.open()
        with pytest.raises(module.LineError, match="close one"):
            games.open()
        await games.close(games.current())
        games.open()  # room again
        await games.stop()

    asyncio.run(scenario())

"""The durable game record (rnnkit/serve/store.py): what is acknowledged or sent is in the
SQLite file first, and a server killed with SIGKILL and started again on the same file goes
on with the same game: a viewer resumes with its Last-Event-ID and gets every event it missed
exactly once, lines accepted but not translated are translated, a late joiner gets it all.
Real processes throughout (`python -m rnnkit serve`), killed for real."""
# ruff: noqa: F811 (the model_dir fixture imported from test_serve is an argument)

import signal
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serving import ServeProcess, parse_sse, read_events
from test_serve import model_dir  # noqa: F401 (a fixture: a model trained for a few steps)

from rnnkit.cli.main import main
from rnnkit.serve.events import EventLog
from rnnkit.serve.store import Store, StoreError

LANGUAGES = ("en", "fr", "zh")  # the English as posted, then the model's two languages


def test_a_line_and_its_translations_are_committed_and_read_back(tmp_path):
    path = tmp_path / "live.db"
    store = Store(path)
    log = EventLog(store=store.game(store.open_game(999.0)))
    log.add_line("Tremblay hits a three", 1000.0, media=12.5)
    log.add_line("Mensah dunks", 1004.0)
    log.add_translations(0, [("fr", "Tremblay marque à trois points", {"confidence": 0.9})])
    sent = list(log.sse)
    store.close()

    (row,) = Store(path).games()  # another process's view of the same file
    assert row.id == log.epoch and row.opened == 999.0 and row.closed is None and row.lines == 2
    again = EventLog(store=Store(path).game(row.id))
    assert again.epoch == log.epoch and again.sse == sent  # the same ids, the same bytes
    assert [(e.seq, e.line, e.lang) for e in again.events] == [
        (0, 0, "en"),
        (1, 1, "en"),
        (2, 0, "fr"),
    ]
    assert again.events[2].confidence == 0.9 and again.events[0].confidence is None
    assert again.store.untranslated() == [(1, "Mensah dunks")]
    assert again.store.next_line() == 2
    assert again.times == {0: (1000.0, 12.5), 1: (1004.0, None)}  # when the captions start
    with sqlite3.connect(path) as db:  # WAL, as the issue asks
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_commit_sends_nothing_and_leaves_the_record_whole(tmp_path):
    store = Store(tmp_path / "live.db")
    log = EventLog(store=store.game(store.open_game(999.0)))
    assert log.add_line("Tremblay hits a three", 1000.0) == 0
    store.db.execute(  # the next event's seq taken behind the record's back: its commit fails
        "INSERT INTO events (game, seq, line, lang, text, kind) "
        "VALUES (?, 1, 9, 'en', 'x', 'line')",
        (log.epoch,),
    )
    with pytest.raises(sqlite3.IntegrityError):
        log.add_line("Mensah dunks", 1001.0)
    assert len(log) == 1  # nothing sent
    assert [number for number, _ in log.store.untranslated()] == [0]  # nor half-written
    assert log.store.lines == 1  # and its number not used


def test_a_file_that_is_not_a_game_record_is_refused_and_left_as_it_is(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("the team sheet\n" * 50)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE players (name TEXT)")
    before = {path: path.read_bytes() for path in (text, other)}
    for path in (text, other):
        with pytest.raises(StoreError, match="not an rnnkit game record|something else"):
            Store(path)
        assert path.read_bytes() == before[path]
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="no directory"):
        Store(tmp_path / "missing" / "live.db")


def test_the_command_refuses_a_record_inside_the_model_directory(model_dir, capsys):
    store = model_dir / "live.db"
    assert main(["serve", "--model-dir", str(model_dir), "--store", str(store)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "inside the model directory" in err
    assert not store.exists()


def test_the_command_refuses_a_file_of_something_else(model_dir, tmp_path, capsys):
    other = tmp_path / "scores.csv"
    other.write_text("a,b\n1,2\n")
    options = ["--model-dir", str(model_dir), "--port", "0", "--store", str(other)]
    assert main(["serve", *options]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "not an rnnkit game record" in err
    assert other.read_text() == "a,b\n1,2\n"


def _lines(count):
    return [f"Tremblay hits a three, Raptors lead {50 + n} - 40" for n in range(count)]


def _game(url, count, last_event_id=None):
    return read_events(url, count, last_event_id)


def _check_whole_game(events, posted):
    """Every posted line in every language exactly once, ids in order without a gap."""
    assert [e["seq"] for e in events] == list(range(len(events)))
    assert len({e["id"] for e in events}) == len(events)
    per_line = Counter(e["line"] for e in events)
    assert per_line == {number: len(LANGUAGES) for number in posted}
    english = {e["line"]: e["text"] for e in events if e["lang"] == "en"}
    assert english == posted
    assert Counter(e["lang"] for e in events) == {lang: len(posted) for lang in LANGUAGES}


def test_kill_9_and_a_restart_on_the_same_record_lose_and_repeat_nothing(model_dir, tmp_path):
    store = tmp_path / "live.db"
    # beam 100: each line takes the server long enough that posts outrun its translations
    first = ServeProcess(model_dir, tmp_path / "first.txt", "--beam", "100", store=store)
    posted = {}
    try:
        for text in _lines(6):
            response = first.post(text)
            assert response.status_code == 202, response.text
            posted[response.json()["line"]] = text
        seen = _game(first.url, 4)  # a viewer that read the first events before the crash
        with ThreadPoolExecutor(8) as pool:  # acknowledged, many not translated yet...
            for text, response in zip(_lines(30)[6:], pool.map(first.post, _lines(30)[6:])):
                assert response.status_code == 202, response.text
                posted[response.json()["line"]] = text
        first.process.send_signal(signal.SIGKILL)  # ...when the server dies
        first.process.wait(30)
    finally:
        first.stop()
    with sqlite3.connect(store) as db:
        untranslated = db.execute("SELECT COUNT(*) FROM lines WHERE translated = 0").fetchone()
    assert untranslated[0] > 0  # (a wide beam keeps the first server busy: see above)

    second = ServeProcess(model_dir, tmp_path / "second.txt", store=store)
    try:
        total = len(posted) * len(LANGUAGES)
        rest = _game(second.url, total - len(seen), last_event_id=seen[-1]["id"])
        assert not any(e["event"] == "reset" for e in rest)
        _check_whole_game(seen + rest, posted)  # the viewer: every event once, in order
        _check_whole_game(_game(second.url, total), posted)  # a late joiner: the whole game
        response = second.post("Mensah dunks")  # and the game goes on after the restart
        assert response.status_code == 202 and response.json()["line"] == len(posted)
        assert "Traceback" not in second.stderr()
    finally:
        second.stop()


def test_sigterm_commits_what_was_acknowledged_and_a_restart_translates_the_rest(
    model_dir, tmp_path
):
    store = tmp_path / "live.db"
    first = ServeProcess(model_dir, tmp_path / "first.txt", store=store)
    posted = {}
    try:
        for text in _lines(12):
            response = first.post(text)
            assert response.status_code == 202, response.text
            posted[response.json()["line"]] = text
        first.process.send_signal(signal.SIGTERM)
        assert first.process.wait(60) == 128 + signal.SIGTERM
        assert "Traceback" not in first.stderr()
    finally:
        first.stop()
    with sqlite3.connect(store) as db:  # every acknowledged line was committed at its 202
        assert db.execute("SELECT COUNT(*) FROM lines").fetchone()[0] == len(posted)
    second = ServeProcess(model_dir, tmp_path / "second.txt", store=store)
    try:
        _check_whole_game(_game(second.url, len(posted) * len(LANGUAGES)), posted)
    finally:
        second.stop()


def test_a_viewer_of_another_record_is_reset_to_this_game(model_dir, tmp_path):
    first = ServeProcess(model_dir, tmp_path / "first.txt", store=tmp_path / "a.db")
    try:
        assert first.post("Tremblay hits a three").status_code == 202
        old_id = _game(first.url, 1)[0]["id"]
    finally:
        first.stop()
    other = ServeProcess(model_dir, tmp_path / "other.txt", store=tmp_path / "b.db")
    try:
        assert other.post("Mensah dunks").status_code == 202
        headers = {"Last-Event-ID": old_id}
        with httpx.stream("GET", other.url + "/api/stream", headers=headers, timeout=60) as r:
            events = parse_sse(r.iter_lines(), kinds=("reset", "message"))
            assert next(events)["event"] == "reset"
            assert next(events)["text"] == "Mensah dunks"
    finally:
        other.stop()

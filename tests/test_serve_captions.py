"""Captions for video players (rnnkit/serve/captions.py): the game as WebVTT, read back by a
real WebVTT parser (webvtt-py), each cue at the line's media time (or the server's clock),
lasting until the next line or the time a viewer needs to read it."""

import html
import json
import time

import httpx
import pytest
import webvtt
from serving import RunningServer, tiny_translator

from rnnkit.serve.captions import reading_seconds, timestamp
from rnnkit.serve.captions import webvtt as render
from rnnkit.serve.events import EventLog
from rnnkit.serve.store import memory_game


def seconds(stamp):
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def test_cues_start_at_the_lines_times_and_end_at_the_next_or_when_read():
    log = EventLog(memory_game())
    log.add_line("Tremblay hits a three", 1000.0, media=61.5)
    log.add_translations(0, [("fr", "Tremblay <marque> & trois --> points", {})])
    log.add_line("Mensah dunks", 1001.0, media=62.5)  # one second later: cut there
    log.add_translations(1, [("fr", "Mensah smashe", {})])
    log.add_line("Timeout Celtics", 1030.0, media=3661.0)  # an hour later
    log.add_translations(2, [("fr", "Temps mort des Celtics, " + "x" * 300, {})])
    log.add_line("Haddad blocks it", 1031.0, media=3700.0)  # not translated yet: no cue
    captions = webvtt.from_string(render(log, "fr"))
    assert [(c.start, c.end) for c in captions] == [
        ("00:01:01.500", "00:01:02.500"),
        ("00:01:02.500", timestamp(62.5 + reading_seconds("Mensah smashe"))),
        ("01:01:01.000", "01:01:08.000"),  # the longest a cue stays: 7 s
    ]
    assert captions[0].raw_text == "Tremblay &lt;marque&gt; &amp; trois --&gt; points"
    assert html.unescape(captions[0].text) == "Tremblay <marque> & trois --> points"
    english = webvtt.from_string(render(log, "en"))
    assert [c.text for c in english][-1] == "Haddad blocks it"
    assert timestamp(3599.9996) == "01:00:00.000"


def test_without_media_times_the_server_clock_since_the_first_line_places_them():
    log = EventLog(memory_game())
    log.add_line("Tremblay hits a three", 5000.0)
    log.add_line("Mensah dunks", 5012.25)
    captions = webvtt.from_string(render(log, "en"))
    assert [seconds(c.start) for c in captions] == [0.0, 12.25]
    assert seconds(captions[0].end) == reading_seconds("Tremblay hits a three")


@pytest.fixture(scope="module")
def server():
    running = RunningServer(tiny_translator(["fr", "zh"]), ["fr", "zh"])
    yield running
    running.stop()


def test_the_server_serves_each_language_as_webvtt(server):
    headers = {"Authorization": f"Bearer {server.token}"}
    lines = [("Tremblay hits a three", 10.0), ("Mensah dunks", 14.5), ("Haddad blocks it", 20.0)]
    for text, t in lines:
        response = httpx.post(
            server.url + "/api/lines", json={"text": text, "t": t}, headers=headers
        )
        assert response.status_code == 202, response.text
    deadline = time.monotonic() + 60
    while len(server.log) < len(lines) * 3:
        assert time.monotonic() < deadline, "the lines were not translated"
        time.sleep(0.05)
    for lang in ("en", "fr", "zh"):
        response = httpx.get(f"{server.url}/captions/{lang}.vtt")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/vtt")
        assert response.headers["access-control-allow-origin"] == "*"  # a player elsewhere
        captions = webvtt.from_string(response.text)
        assert [seconds(c.start) for c in captions] == [t for _, t in lines]
        texts = [e.text for e in server.log.events if e.lang == lang]
        assert [html.unescape(c.text) for c in captions] == texts
    missing = httpx.get(server.url + "/captions/xx.vtt")
    assert missing.status_code == 404 and "this game has en,fr,zh" in missing.json()["error"]


@pytest.mark.parametrize("t", [-1, "12", True, 1e400, 10**9])
def test_a_bad_media_time_is_one_line_422_and_uses_no_line_number(server, t):
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
    body = '{"text": "Tremblay hits a three", "t": %s}' % ("1e400" if t == 1e400 else json.dumps(t))
    before = server.game.pipeline.lines
    response = httpx.post(server.url + "/api/lines", content=body, headers=headers)
    assert response.status_code == 422 and '"t" must be' in response.json()["error"]
    assert server.game.pipeline.lines == before

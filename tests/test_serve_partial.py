"""Lines posted word by word to the real server (uvicorn on 127.0.0.1 port 0, httpx clients):
`POST /api/lines` with "partial": true appends to the open line, a post without it closes it.

A viewer of `GET /api/stream?partial=1` gets `partial` events (no id) carrying the plain
translation of the prefix posted so far, all before the line's final events; a viewer of the
default stream gets exactly the events of the same game posted line by line, ids from 0."""

import json
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serving import RunningServer, expected_texts, read_events, tiny_translator
from test_serve import check_game, wait_until

from rnnkit.serve.events import encode_partial

FEW = ["fr", "ar", "zh"]
PIECES = ["Tremblay hits", "a three", "from the corner"]
WHOLE = " ".join(PIECES)
NEXT = "Mensah dunk , Raptors lead 54 - 50"


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(FEW)


@pytest.fixture
def server(translator):
    running = RunningServer(translator, FEW)
    yield running
    running.stop()


def post(server, body):
    headers = {"Authorization": f"Bearer {server.token}"}
    return httpx.post(server.url + "/api/lines", json=body, headers=headers)


def read_with_partials(url, finals, timeout=60):
    """Every event of GET url/api/stream?partial=1, as (type, event) in arrival order, until
    `finals` final events have come; a partial event has no id."""
    got, event, count = [], {}, 0
    with httpx.stream("GET", url + "/api/stream?partial=1", timeout=timeout) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line == "" and "data" in event:
                kind = event.get("event", "message")
                data = json.loads(event["data"])
                if kind == "message":
                    event_id = event["id"]
                    data = {"event": kind, "id": event_id, "seq": int(event_id.split("-")[1])}
                    data |= json.loads(event["data"])
                    count += 1
                else:
                    assert "id" not in event, "a partial event must not take an id"
                got.append((kind, data))
                event = {}
                if count == finals:
                    return got
            elif line and not line.startswith(":"):
                field, _, value = line.partition(":")
                event[field] = value.removeprefix(" ")
    return got


def test_partial_viewers_see_the_running_translation_and_others_only_final_lines(
    server, translator
):
    per_line = len(FEW) + 1
    with ThreadPoolExecutor(2) as pool:
        partial = pool.submit(read_with_partials, server.url, 2 * per_line)
        plain = pool.submit(read_events, server.url, 2 * per_line)
        wait_until(lambda: len(server.log.viewers) == 2, "both viewers connected")
        prefixes = []
        for piece in PIECES[:2]:
            response = post(server, {"text": piece, "partial": True})
            assert response.status_code == 202 and response.json()["line"] == 0
            prefixes.append(" ".join(PIECES[: len(prefixes) + 1]))
            want = expected_texts(translator, prefixes[-1], FEW, 1)
            published = {lang: encode_partial(0, lang, text) for lang, text in want.items() if text}
            wait_until(  # this prefix's re-translation is out (a hang guard, not a timing)
                lambda published=published: all(
                    server.log.open_partials.get(k) == v for k, v in published.items()
                ),
                f"the partials of {prefixes[-1]!r}",
            )
        assert len(server.log) == 0  # nothing final yet: the default stream has heard nothing
        assert post(server, {"text": PIECES[2]}).json()["line"] == 0  # closes line 0
        assert post(server, {"text": NEXT}).json()["line"] == 1
        finals = plain.result()
        events = partial.result()
    # the default stream: the game as if each line had been posted whole
    check_game(finals, translator, [WHOLE, NEXT], FEW)
    assert [e for kind, e in events if kind == "message"] == finals
    # every partial is the plain translation of a prefix posted so far (or its English)
    translations = [expected_texts(translator, p, FEW, 1) for p in prefixes]
    partials = [(i, e) for i, (kind, e) in enumerate(events) if kind == "partial"]
    assert partials, "no partial event arrived"
    for i, event in partials:
        assert event["line"] == 0
        if event["lang"] == "en":
            assert event["text"] in prefixes
        else:
            assert event["text"] in [t[event["lang"]] for t in translations]
        final_at = next(
            j
            for j, (k, e) in enumerate(events)
            if k == "message" and (e["line"], e["lang"]) == (0, event["lang"])
        )
        assert i < final_at  # a partial never comes after its line's final text
    assert {e["text"] for _, e in partials if e["lang"] == "en"} == set(prefixes)
    shown = {e["lang"] for _, e in partials} - {"en"}
    wanted = {lang for lang in FEW if translations[-1][lang]}  # a language with some text
    assert wanted <= shown


def test_a_late_partial_viewer_gets_the_open_line_so_far(server, translator):
    assert post(server, {"text": "Tremblay hits", "partial": True}).status_code == 202
    want = expected_texts(translator, "Tremblay hits", FEW, 1)
    wait_until(
        lambda: len(server.log.open_partials) == 1 + sum(1 for t in want.values() if t),
        "the open line translated",
    )
    with ThreadPoolExecutor(1) as pool:
        late = pool.submit(read_with_partials, server.url, 1 + len(FEW))
        wait_until(lambda: len(server.log.viewers) == 1, "the late viewer connected")
        assert post(server, {"text": ""}).json()["line"] == 0  # an empty post closes it
        events = late.result()
    partial = {e["lang"]: e["text"] for kind, e in events if kind == "partial"}
    assert partial == {"en": "Tremblay hits", **{k: v for k, v in want.items() if v}}
    check_game([e for k, e in events if k == "message"], translator, ["Tremblay hits"], FEW)


@pytest.mark.parametrize(
    "body, status, words",
    [
        ({"text": "a", "partial": "yes"}, 422, '"partial" must be true or false'),
        ({"text": "", "partial": True}, 422, "empty"),
        ({"text": "two\nlines", "partial": True}, 422, "one line"),
        ({"text": ""}, 422, "empty"),  # nothing open to close
    ],
)
def test_bad_partial_posts_are_4xx_and_publish_nothing(server, body, status, words):
    response = post(server, body)
    assert response.status_code == status and words in response.json()["error"]
    assert len(server.log) == 0 and server.log.open_partials == {}


def test_an_open_line_cannot_grow_past_the_limit(server, translator):
    assert post(server, {"text": "a" * 600, "partial": True}).status_code == 202
    response = post(server, {"text": "b" * 600, "partial": True})
    assert response.status_code == 413 and "close it" in response.json()["error"]
    response = post(server, {"text": "b" * 600})  # closing with it is too long as well
    assert response.status_code == 413
    assert post(server, {"text": "end"}).json()["line"] == 0
    wait_until(lambda: len(server.log) == 1 + len(FEW), "the line translated")
    check_game(read_events(server.url, 1 + len(FEW)), translator, ["a" * 600 + " end"], FEW)


def test_a_bad_partial_query_is_a_400(server):
    response = httpx.get(server.url + "/api/stream?partial=yes")
    assert response.status_code == 400 and "partial=1" in response.json()["error"]

"""Corrections and the operator's page: a line already sent is corrected (POST
/api/lines/N/correction); its new English and translations replace it for viewers, in the
transcript and the archive .vtt, while HLS segments already listed keep what they had (the
correction is a cue of the next one); a correction not yet translated at a crash is translated
after the restart. In Chromium (Selenium): the operator posts a line, sees it translated,
corrects it, and a viewer's page shows the corrected line in place."""

import dataclasses
import io
import os

import httpx
import pytest
import webvtt
from serving import (
    CHROMEDRIVER,
    CHROMIUM,
    RunningServer,
    chromium,
    expected_texts,
    read_events,
    tiny_translator,
)

from rnnkit.serve.captions import PUBLISH_LAG, SEGMENT_SECONDS, segment, segment_count
from rnnkit.serve.events import EventLog
from rnnkit.serve.pipeline import LinePipeline
from rnnkit.serve.store import Store, memory_game

LANGUAGES = ["fr", "zh"]
LINE, FIXED = "Tremblay hits a three", "Mensah hits a three"


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(LANGUAGES)


@pytest.fixture
def server(translator):
    running = RunningServer(translator, LANGUAGES)
    yield running
    running.stop()


def correct(server, number, text, token=None, game=None):
    headers = {"Authorization": f"Bearer {token or server.token}"}
    query = "" if game is None else f"?game={game}"
    url = f"{server.url}/api/lines/{number}/correction{query}"
    return httpx.post(url, json={"text": text}, headers=headers, timeout=60)


def test_a_correction_replaces_the_line_for_viewers_the_transcript_and_the_captions(
    server, translator
):
    assert server.post(LINE).status_code == 202
    read_events(server.url, 3)  # translated: the correction comes after
    response = correct(server, 0, FIXED)
    assert response.status_code == 202, response.text
    assert response.json() == {"line": 0, "game": server.game.id, "kind": "correction"}
    events = read_events(server.url, 6)  # the line, then its correction, in every language
    want = expected_texts(translator, FIXED, LANGUAGES, 1)
    assert [(e["lang"], e.get("kind")) for e in events[3:]] == [
        ("en", "correction"),
        ("fr", "correction"),
        ("zh", "correction"),
    ]
    assert events[3]["text"] == FIXED and events[4]["text"] == want["fr"]
    game = server.game.id
    transcript = httpx.get(f"{server.url}/api/games/{game}/transcript?lang=fr").json()
    (line,) = transcript["lines"]
    assert (line["en"], line["text"], line["kind"]) == (FIXED, want["fr"], "correction")
    captions = webvtt.from_buffer(io.StringIO(httpx.get(f"{server.url}/captions/fr.vtt").text))
    assert [c.text for c in captions] == [want["fr"]]


def test_what_cannot_be_corrected_is_refused_in_one_line(server):
    assert server.post(LINE).status_code == 202
    assert correct(server, 5, FIXED).status_code == 404
    assert correct(server, 0, FIXED, token="wrong-token-0123456789").status_code == 401
    assert correct(server, 0, "").status_code == 422
    assert correct(server, 0, FIXED, game="nope").status_code == 404
    headers = {"Authorization": f"Bearer {server.token}"}
    game = server.game.id
    httpx.post(f"{server.url}/api/games/{game}/close", headers=headers, timeout=60)
    refused = correct(server, 0, FIXED, game=game)
    assert refused.status_code == 409 and "closed" in refused.json()["error"]


def test_listed_segments_keep_the_line_and_the_correction_is_a_cue_of_the_next():
    log = EventLog(memory_game())
    log.add_line(LINE, 1000.0, media=1.0)
    log.add_translations(0, [("fr", "Tremblay marque", {})])
    log.events[-1] = dataclasses.replace(log.events[-1], at=1000.1)
    listed = 1000.0 + SEGMENT_SECONDS + PUBLISH_LAG + 1  # segment 0 is listed by then
    assert segment_count(log, "fr", listed) == 1
    before = segment(log, "fr", 0)
    log.add_correction(0, FIXED)
    log.add_translations(0, [("fr", "Mensah marque", {})], kind="correction")
    log.events[-1] = dataclasses.replace(log.events[-1], at=listed)
    assert segment(log, "fr", 0) == before  # listed: unchanged
    cues = webvtt.from_buffer(io.StringIO(segment(log, "fr", 1)))
    assert [(c.start, c.text) for c in cues] == [("00:00:06.000", "Mensah marque")]


def test_a_correction_not_translated_at_a_crash_is_translated_after_the_restart(tmp_path):
    store = Store(tmp_path / "live.db")
    game = store.open_game(999.0)
    log = EventLog(store=store.game(game))
    log.add_line(LINE, 1000.0)
    log.add_translations(0, [("fr", "Tremblay marque", {})])
    log.add_line("Haddad blocks it", 1001.0)
    log.add_correction(0, FIXED)  # accepted, then the server died
    store.close()
    again = Store(tmp_path / "live.db")
    log = EventLog(store=again.game(game))
    pipeline = LinePipeline(None, LANGUAGES, log)
    assert pipeline.recovered == [("correction", 0, FIXED), ("line", 1, "Haddad blocks it")]
    assert log.events[-1].kind == "correction" and log.events[-1].text == FIXED


missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]


@pytest.mark.skipif(
    bool(missing),
    reason=f"{' and '.join(missing)} missing: apt-get install chromium chromium-driver",
)
def test_the_operator_posts_sees_it_translated_and_a_correction_reaches_the_viewers(
    translator, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    server = RunningServer(translator, LANGUAGES)
    browser = chromium(tmp_path / "chromium-profile", "--window-size=1280,1200")
    wait = WebDriverWait(browser, 60, poll_frequency=0.1)
    try:
        browser.get(server.url + "/operator")
        browser.find_element(By.ID, "token").send_keys(server.token, Keys.ENTER)
        wait.until(
            lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "live"
        )
        browser.find_element(By.ID, "line").send_keys(LINE, Keys.ENTER)
        row = '.op-line[data-line="0"]'
        wait.until(
            lambda d: (
                d.execute_script(f"return document.querySelector('{row}')?.dataset.state")
                == "translated"
            )
        )
        assert browser.find_element(By.CSS_SELECTOR, f"{row} .text").text == LINE
        assert "ms" in browser.find_element(By.CSS_SELECTOR, f"{row} .state").text  # its latency
        assert (
            browser.execute_script("return sessionStorage.getItem('rnnkit.operator.token')")
            == server.token
        )

        operator = browser.current_window_handle
        browser.switch_to.new_window("tab")  # a viewer's page, the game as it is
        browser.get(server.url + "/")
        cell = '.card[data-line="0"] .cell[data-lang="fr"] .text'
        want = expected_texts(translator, LINE, LANGUAGES, 1)["fr"]
        wait.until(
            lambda d: (
                d.execute_script(f"return document.querySelector('{cell}')?.textContent") == want
            )
        )
        viewer = browser.current_window_handle

        browser.switch_to.window(operator)
        browser.find_element(By.CSS_SELECTOR, f"{row} .fix").click()
        field = browser.find_element(By.CSS_SELECTOR, f"{row} input.correction")
        field.clear()
        field.send_keys(FIXED, Keys.ENTER)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, f"{row} .text").text == FIXED)
        wait.until(
            lambda d: (
                d.find_element(By.CSS_SELECTOR, row).get_attribute("data-state") == "translated"
            )
        )

        browser.switch_to.window(viewer)
        fixed = expected_texts(translator, FIXED, LANGUAGES, 1)["fr"]
        wait.until(
            lambda d: (
                d.execute_script(f"return document.querySelector('{cell}')?.textContent") == fixed
            )
        )
        english = browser.find_element(By.CSS_SELECTOR, '.card[data-line="0"] .english').text
        assert english == FIXED
        assert "corrected" in browser.find_element(
            By.CSS_SELECTOR, '.card[data-line="0"]'
        ).get_attribute("class")
        assert len(browser.find_elements(By.CSS_SELECTOR, ".card")) == 1  # in place, not a new card
    finally:
        browser.quit()
        server.stop()

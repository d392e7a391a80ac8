"""The page in a real browser: Debian's chromium, headless, driven by Selenium through the
system chromedriver (apt keeps the two at the same version; nothing is downloaded).

Lines posted to the real server must appear in the page in every language, exactly as the
translator produced them, and Arabic, Persian and Urdu must lay out right to left; a page
whose stream is cut must reconnect by itself and resume by Last-Event-ID. The screenshot is
kept under pytest's tmp directory (its path is printed with -s; RNNKIT_SCREENSHOT=PATH copies
it there).
"""

import os
import shutil
import time

import pytest
from serving import (
    CHROMEDRIVER,
    CHROMIUM,
    LANGUAGES_24,
    RunningServer,
    chromium,
    expected_texts,
    tiny_translator,
)

from rnnkit.serve import bind

LINES = [
    "Tremblay hits a three from the corner",
    "Mensah dunk , Raptors lead 54 - 50",
    "rebound Tremblay with 3:45 left",
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
pytestmark = pytest.mark.skipif(
    bool(missing),
    reason=f"{' and '.join(missing)} missing: apt-get install chromium chromium-driver",
)


@pytest.fixture
def browser(tmp_path):
    driver = chromium(tmp_path / "chromium-profile", "--window-size=1440,2000")
    yield driver
    driver.quit()


def wait_for(driver, script, timeout=60):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(script))


def test_page_shows_every_language_right_to_left_where_it_should(browser, tmp_path):
    translator = tiny_translator()
    server = RunningServer(translator, LANGUAGES_24, beam=1)
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        for text in LINES:
            assert server.post(text).status_code == 202
        expected = {
            n: expected_texts(translator, text, LANGUAGES_24, 1) for n, text in enumerate(LINES)
        }
        last = len(LINES) - 1
        wait_for(
            browser,
            f"return document.querySelectorAll('.card').length == {len(LINES)} && "
            f"!document.querySelector('.cell.pending') && "
            f"document.querySelectorAll('.card[data-line=\"{last}\"] .cell').length == 24",
        )
        shown = browser.execute_script(
            """const found = {};
            for (const cell of document.querySelectorAll('.cell')) {
              const text = cell.querySelector('.text');
              found[cell.dataset.line + ' ' + cell.dataset.lang] = {
                text: text.textContent, lang: text.lang,
                direction: getComputedStyle(text).direction,
                align: getComputedStyle(text).textAlign};
            }
            for (const card of document.querySelectorAll('.card'))
              found[card.dataset.line + ' en'] = {text: card.querySelector('.english').textContent};
            return found;"""
        )
        for n, text in enumerate(LINES):
            assert shown[f"{n} en"]["text"] == text
            for lang in LANGUAGES_24:
                cell = shown[f"{n} {lang}"]
                assert cell["text"] == expected[n][lang], (n, lang)
                assert cell["lang"].split("-")[0] == lang
                rtl = lang in ("ar", "fa", "ur")
                assert cell["direction"] == ("rtl" if rtl else "ltr"), (lang, cell)
                assert cell["align"] in (("right", "end") if rtl else ("start", "left")), cell
        browser.save_screenshot(str(tmp_path / "page.png"))
        if os.environ.get("RNNKIT_SCREENSHOT"):  # a copy to look at outside pytest's tmp dir
            shutil.copy(tmp_path / "page.png", os.environ["RNNKIT_SCREENSHOT"])
        print(f"screenshot: {tmp_path / 'page.png'}")
    finally:
        server.stop()


def test_page_resumes_by_last_event_id_after_losing_its_stream(browser):
    translator = tiny_translator(["fr", "ar"])
    server = RunningServer(translator, ["fr", "ar"], beam=1)
    resumed_after = []
    subscribe = server.log.subscribe
    server.log.subscribe = lambda start=0, langs=None: (
        resumed_after.append(start) or subscribe(start, langs)
    )
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        assert server.post(LINES[0]).status_code == 202
        wait_for(browser, "return document.querySelectorAll('.cell:not(.pending)').length == 2")
        # the server drops the page's stream, as it does a viewer that falls behind
        loop = server.server.servers[0].get_loop()
        loop.call_soon_threadsafe(lambda: [server.log.drop(v) for v in list(server.log.viewers)])
        deadline = time.monotonic() + 60
        while server.log.dropped_count == 0:
            assert time.monotonic() < deadline, "the stream was not dropped"
            time.sleep(0.01)
        assert server.post(LINES[1]).status_code == 202
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        wait_for(browser, "return document.querySelectorAll('.cell:not(.pending)').length == 4")
        assert resumed_after == [0, 3]  # first the whole game, then after event 2 (line 0)
        shown = browser.execute_script(
            "return [...document.querySelectorAll('.cell')].map("
            "c => [Number(c.dataset.line), c.dataset.lang, c.querySelector('.text').textContent])"
        )
        expected = [
            [n, lang, expected_texts(translator, text, ["fr", "ar"], 1)[lang]]
            for n, text in reversed(list(enumerate(LINES[:2])))  # newest card first
            for lang in ("fr", "ar")
        ]
        assert shown == expected
    finally:
        server.stop()


def test_page_after_a_server_restart_shows_the_new_game_alone(browser):
    """The page resumes with an id of the old run: the new run sends `reset`, and the page
    clears the old game's cards before it shows the new game from its start."""
    translator = tiny_translator(["fr", "ar"])
    server = RunningServer(translator, ["fr", "ar"], beam=1)
    port = server.sock.getsockname()[1]
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        for text in LINES[:2]:
            assert server.post(text).status_code == 202
        wait_for(browser, "return document.querySelectorAll('.cell:not(.pending)').length == 4")
        server.stop()
        server = RunningServer(translator, ["fr", "ar"], beam=1, sock=bind("127.0.0.1", port))
        assert server.post(LINES[2]).status_code == 202
        wait_for(browser, "return document.querySelectorAll('.card').length == 1")
        wait_for(browser, "return document.querySelectorAll('.cell:not(.pending)').length == 2")
        english = browser.execute_script(
            "return [...document.querySelectorAll('.english')].map(e => e.textContent)"
        )
        assert english == [LINES[2]]
    finally:
        server.stop()


def test_page_shows_a_withheld_translation_as_the_english_marked_untranslated(browser):
    """A translation below the confidence threshold (a garbage line: the tiny model is sure
    of nothing) is never shown as if it were one: the cell holds the English, in English,
    marked untranslated."""
    translator = tiny_translator(["fr", "ar"])
    server = RunningServer(translator, ["fr", "ar"], beam=1, min_confidence=0.999)
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        garbage = "zqx vrb kkl wop"
        assert server.post(garbage).status_code == 202
        wait_for(browser, "return document.querySelectorAll('.cell.final').length == 2")
        cells = browser.execute_script(
            "return [...document.querySelectorAll('.cell')].map(c => [c.dataset.lang, "
            "c.classList.contains('withheld'), c.querySelector('.text').textContent, "
            "c.querySelector('.text').lang, getComputedStyle(c.querySelector('.label'), "
            "'::after').content])"
        )
        assert cells == [
            ["fr", True, garbage, "en", '" · untranslated"'],
            ["ar", True, garbage, "en", '" · untranslated"'],
        ]
    finally:
        server.stop()


def test_page_shows_the_open_line_word_by_word_then_its_final_text_in_place(browser):
    import httpx

    langs = ["fr", "ar"]
    translator = tiny_translator(langs)
    server = RunningServer(translator, langs, beam=1)
    headers = {"Authorization": f"Bearer {server.token}"}

    def post(body):
        return httpx.post(server.url + "/api/lines", json=body, headers=headers).status_code

    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        assert post({"text": "Tremblay hits", "partial": True}) == 202
        running = expected_texts(translator, "Tremblay hits", langs, 1)
        lang = next(code for code in langs if running[code])  # one with some text to show
        cell = f'.card[data-line="0"] .cell[data-lang="{lang}"]'
        wait_for(
            browser,
            f"const c = document.querySelector('{cell}.partial');"
            f"return c && c.querySelector('.text').textContent == {running[lang]!r};",
        )
        before = browser.execute_script(
            f"""window.partialCell = document.querySelector('{cell}');
            const card = document.querySelector('.card[data-line="0"]');
            return {{open: card.classList.contains('open'),
                     english: card.querySelector('.english').textContent,
                     top: card.getBoundingClientRect().top,
                     reserved: parseFloat(getComputedStyle(
                       window.partialCell.querySelector('.text')).minHeight)}};"""
        )
        assert before["open"] and before["english"] == "Tremblay hits"
        assert before["reserved"] > 0  # room kept for the text as it grows
        assert post({"text": "a three from the corner"}) == 202  # closes the line
        final = expected_texts(translator, "Tremblay hits a three from the corner", langs, 1)
        wait_for(
            browser,
            f"const c = document.querySelector('{cell}');"
            f"return c.classList.contains('final') && "
            f"c.querySelector('.text').textContent == {final[lang]!r};",
        )
        after = browser.execute_script(
            f"""const card = document.querySelector('.card[data-line="0"]');
            const cell = document.querySelector('{cell}');
            return {{same: cell === window.partialCell,
                     partial: cell.classList.contains('partial'),
                     open: card.classList.contains('open'),
                     english: card.querySelector('.english').textContent,
                     cards: document.querySelectorAll('.card').length,
                     top: card.getBoundingClientRect().top}};"""
        )
        assert after == {
            "same": True,  # the partial text was replaced in place, by its final one
            "partial": False,
            "open": False,
            "english": "Tremblay hits a three from the corner",
            "cards": 1,
            "top": before["top"],
        }
    finally:
        server.stop()


def test_page_asks_only_for_the_languages_it_shows(browser):
    """Languages picked: the page's stream carries those alone (?lang=en,...); a language
    shown later opens a new stream, which brings that language's part of the game so far."""
    translator = tiny_translator(["fr", "ar"])
    server = RunningServer(translator, ["fr", "ar"], beam=1)
    asked = lambda: [v.langs for v in list(server.log.viewers)]  # noqa: E731
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return document.getElementById('connection').dataset.state == 'live'")
        assert asked() == [None]  # nothing hidden: every language
        browser.execute_script("document.getElementById('picker-toggle').click()")
        browser.execute_script("document.getElementById('pick-none').click()")
        browser.execute_script("document.querySelector('.chip[data-lang=\"fr\"]').click()")
        deadline = time.monotonic() + 60
        while asked() != [frozenset({"en", "fr"})]:
            assert time.monotonic() < deadline, asked()
            time.sleep(0.01)
        assert server.post(LINES[0]).status_code == 202
        wait_for(
            browser,
            "return document.querySelectorAll('.cell[data-lang=fr]:not(.pending)').length == 1",
        )
        texts = expected_texts(translator, LINES[0], ["fr", "ar"], 1)
        script = "return document.querySelector('.cell[data-lang=%s] .text').textContent"
        assert browser.execute_script(script % "fr") == texts["fr"]
        assert browser.execute_script(script % "ar") != texts["ar"]  # never sent to this page
        browser.execute_script("document.querySelector('.chip[data-lang=\"ar\"]').click()")
        wait_for(
            browser,
            "return document.querySelectorAll('.cell[data-lang=ar]:not(.pending)').length == 1",
        )
        assert browser.execute_script(script % "ar") == texts["ar"]  # the game so far, in ar
        assert asked() == [None] or asked() == [frozenset({"en", "fr", "ar"})]
    finally:
        server.stop()

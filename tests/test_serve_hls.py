"""HLS captions (rnnkit/serve/captions.py): a master playlist with one SUBTITLES rendition per
language, live media playlists of WebVTT segments that only grow (a listed segment never
changes; a cue that comes late goes into the next segment), #EXT-X-ENDLIST once the game is
closed; checked against RFC 8216's required tags, read back by a real WebVTT parser
(webvtt-py), and played by a real player: hls.js (npm, tests/hls/) in Debian's Chromium,
on a video made by ffmpeg, shows the French cue of a posted line among the active cues."""

import dataclasses
import io
import os
import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import webvtt
from serving import (
    CHROMEDRIVER,
    CHROMIUM,
    RunningServer,
    chromium,
    expected_texts,
    tiny_translator,
)

from rnnkit.serve.captions import (
    PUBLISH_LAG,
    SEGMENT_SECONDS,
    GameClock,
    media_playlist,
    segment,
    segment_count,
)
from rnnkit.serve.events import EventLog
from rnnkit.serve.store import memory_game

LANGUAGES = ["fr", "zh"]
HLS_JS = Path(__file__).parent / "hls" / "node_modules" / "hls.js" / "dist" / "hls.min.js"


def test_the_clock_runs_on_from_the_last_media_time_and_never_takes_a_segment_back():
    clock = GameClock({0: (1000.0, None), 1: (1010.0, None)})  # the server's clock
    assert clock.high(999.0) == 0.0 and clock.high(1004.0) == 4.0 and clock.high(1020.0) == 20.0
    # the publisher's media times: from line 1 on, its time runs on with the wall clock
    clock = GameClock({0: (1000.0, 30.0), 1: (1010.0, 25.0), 2: (1011.0, 70.0)})
    assert clock.high(1005.0) == 35.0
    assert clock.high(1010.5) == 40.0  # line 1 stepped back to 25: the high mark stays
    assert clock.high(1012.0) == 71.0  # a step forward is taken at once
    listed = [clock.listed(w) for w in (1000.0, 1005.0, 1010.5, 1011.5, 1020.0)]
    assert listed == sorted(listed)  # a live playlist only grows
    assert clock.listed(1012.0) == (71 - PUBLISH_LAG) // SEGMENT_SECONDS


def committed_at(log, at):
    """The log's last event as if it was committed at `at` (Unix seconds)."""
    log.events[-1] = dataclasses.replace(log.events[-1], at=at)


def test_a_listed_segment_never_changes_and_a_late_cue_goes_into_the_next():
    log = EventLog(memory_game())
    log.add_line("Tremblay hits a three", 1000.0, media=1.0)
    log.add_translations(0, [("fr", "Tremblay marque à trois points", {})])
    committed_at(log, 1000.1)
    log.add_line("Mensah dunks", 1003.0, media=4.0)
    at = 1000.0 + 2 * SEGMENT_SECONDS + PUBLISH_LAG + 1  # segments 0 and 1 are listed by then
    assert segment_count(log, "fr", at) == 2
    before = [segment(log, "fr", n) for n in range(2)]
    # line 1's translation comes after segment 0 (where it starts) was listed
    log.add_translations(1, [("fr", "Mensah smashe", {})])
    committed_at(log, at)
    assert [segment(log, "fr", n) for n in range(2)] == before  # listed: unchanged
    late = webvtt.from_buffer(io.StringIO(segment(log, "fr", 2)))
    assert [(c.start, c.text) for c in late] == [("00:00:12.000", "Mensah smashe")]
    first = webvtt.from_buffer(io.StringIO(before[0]))
    assert [c.text for c in first] == ["Tremblay marque à trois points"]


def check_media_playlist(text, closed):
    """RFC 8216's rules for a media playlist of WebVTT segments."""
    lines = text.splitlines()
    assert lines[0] == "#EXTM3U"
    target = int(re.search(r"^#EXT-X-TARGETDURATION:(\d+)$", text, re.M)[1])
    durations = [float(d) for d in re.findall(r"^#EXTINF:([\d.]+),", text, re.M)]
    assert all(round(d) <= target for d in durations)  # RFC 8216 4.3.3.1
    assert "#EXT-X-MEDIA-SEQUENCE:0" in lines and "#EXT-X-PLAYLIST-TYPE:EVENT" in lines
    uris = [line for line in lines if line and not line.startswith("#")]
    assert len(uris) == len(durations)
    assert (lines[-1] == "#EXT-X-ENDLIST") == closed
    return uris


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(LANGUAGES)


def test_playlists_follow_rfc_8216_and_end_when_the_game_closes(translator):
    server = RunningServer(translator, LANGUAGES, video="https://cdn.example/live/video.m3u8")
    try:
        game = server.game.id
        master = httpx.get(server.url + "/captions/master.m3u8")
        assert master.status_code == 200
        assert master.headers["content-type"] == "application/vnd.apple.mpegurl"
        assert master.headers["access-control-allow-origin"] == "*"
        renditions = re.findall(r"^#EXT-X-MEDIA:(.*)$", master.text, re.M)
        assert len(renditions) == 3  # en, fr, zh
        french = dict(re.findall(r'([A-Z-]+)=("[^"]*"|[^,]*)', renditions[1]))
        assert french["TYPE"] == "SUBTITLES" and french["LANGUAGE"] == '"fr"'
        assert french["NAME"] == '"Français"' and french["GROUP-ID"] == '"subs"'
        assert french["URI"] == f'"fr/index.m3u8?game={game}"'  # the game stays the same
        assert 'LANGUAGE="zh-Hans",NAME="中文（简体）"' in renditions[2]
        assert re.search(r'^#EXT-X-STREAM-INF:BANDWIDTH=\d+,SUBTITLES="subs"$', master.text, re.M)
        assert master.text.splitlines()[-1] == "https://cdn.example/live/video.m3u8"
        for second, text in ((1.5, "Tremblay hits a three"), (13.0, "Mensah dunks")):
            response = server.post(text, t=second)
            assert response.status_code == 202
        live = httpx.get(server.url + "/captions/fr/index.m3u8")
        check_media_playlist(live.text, closed=False)
        headers = {"Authorization": f"Bearer {server.token}"}
        closed = httpx.post(f"{server.url}/api/games/{game}/close", headers=headers, timeout=60)
        assert closed.status_code == 200
        ended = httpx.get(f"{server.url}/captions/fr/index.m3u8?game={game}")
        uris = check_media_playlist(ended.text, closed=True)
        assert uris[0] == f"0.vtt?game={game}" and len(uris) >= 3  # up to 13 s and its cue
        cues = []
        for uri in uris:
            body = httpx.get(f"{server.url}/captions/fr/{uri}")
            assert body.status_code == 200 and body.headers["content-type"].startswith("text/vtt")
            head = body.text.splitlines()
            assert head[0] == "WEBVTT" and head[1] == "X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000"
            cues += [(c.start, c.text) for c in webvtt.from_buffer(io.StringIO(body.text))]
        want = expected_texts(translator, "Mensah dunks", LANGUAGES, 1)["fr"]
        assert ("00:00:13.000", want) in cues
        beyond = httpx.get(f"{server.url}/captions/fr/{len(uris)}.vtt?game={game}")
        assert beyond.status_code == 404
        assert httpx.get(f"{server.url}/captions/xx/index.m3u8?game={game}").status_code == 404
    finally:
        server.stop()


def test_without_a_video_the_master_playlist_says_how_to_get_one(translator):
    server = RunningServer(translator, LANGUAGES)
    try:
        response = httpx.get(server.url + "/captions/master.m3u8")
        assert response.status_code == 404 and "--video" in response.json()["error"]
        assert httpx.get(server.url + "/captions/fr/index.m3u8").status_code == 200
    finally:
        server.stop()


def test_media_playlist_lists_segments_beside_it():
    text = media_playlist(2, "abc", closed=False)
    assert text.splitlines()[-1] == "1.vtt?game=abc" and "#EXT-X-ENDLIST" not in text


# --- a real player ----------------------------------------------------------------------
missing = [
    what
    for what, there in (
        ("ffmpeg (apt-get install ffmpeg)", shutil.which("ffmpeg") and shutil.which("ffprobe")),
        (f"{CHROMIUM} (apt-get install chromium)", os.access(CHROMIUM, os.X_OK)),
        (f"{CHROMEDRIVER} (apt-get install chromium-driver)", os.access(CHROMEDRIVER, os.X_OK)),
        ("hls.js (npm ci --prefix tests/hls)", HLS_JS.exists()),
    )
    if not there
]

PLAYER_PAGE = """<!doctype html>
<html><body>
<video id="video" muted playsinline></video>
<script src="hls.min.js"></script>
<script>
  window.report = { errors: [] };
  const hls = new Hls({ enableWebVTT: true, renderTextTracksNatively: true });
  hls.on(Hls.Events.ERROR, (_, data) => {
    if (data.fatal) window.report.errors.push(data.details);
  });
  hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_, data) => {
    window.report.tracks = data.subtitleTracks.map((t) => t.lang);
    hls.subtitleTrack = data.subtitleTracks.findIndex((t) => t.lang === "fr");
  });
  hls.loadSource(new URLSearchParams(location.search).get("master"));
  hls.attachMedia(document.getElementById("video"));
  window.activeFrench = () => {
    const track = [...video.textTracks].find((t) => t.language === "fr");
    if (!track) return null;
    track.mode = "showing";
    return [...(track.activeCues || [])].map((c) => c.text);
  };
  window.frenchCues = () => {
    const track = [...video.textTracks].find((t) => t.language === "fr");
    return [...((track && track.cues) || [])].map((c) => [c.startTime, c.text]);
  };
</script>
</body></html>
"""


@pytest.mark.skipif(bool(missing), reason=f"missing: {', '.join(missing)}")
def test_hls_js_in_chromium_shows_the_french_cue_of_a_posted_line(translator, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait

    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(  # 24 s of H.264 test pattern in 4-second MPEG-TS segments
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25"]
        + ["-t", "24", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "50", "-f", "hls"]
        + ["-hls_time", "4", "-hls_playlist_type", "vod"]
        + ["-hls_segment_filename", str(site / "v%d.ts"), str(site / "video.m3u8")],
        check=True,
    )
    # --mpegts: the broadcast's start as MPEG-TS time, where the player's timeline starts (for
    # hls.js the first frame's decode timestamp, 2 frames before its presentation timestamp)
    first_dts = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "packet=dts"]
        + ["-of", "csv=p=0", "-read_intervals", "%+#1", str(site / "v0.ts")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    shutil.copy(HLS_JS, site / "hls.min.js")
    (site / "player.html").write_text(PLAYER_PAGE)
    handler = partial(QuietHandler, directory=str(site))
    files = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{files.server_address[1]}"

    server = RunningServer(
        translator, LANGUAGES, video=f"{site_url}/video.m3u8", mpegts=int(first_dts.strip(","))
    )
    browser = chromium(tmp_path / "chromium-profile", "--autoplay-policy=no-user-gesture-required")
    try:
        game = server.game.id
        line = "Tremblay hits a three from the corner"
        assert server.post(line, t=2.0).status_code == 202
        headers = {"Authorization": f"Bearer {server.token}"}
        closed = httpx.post(f"{server.url}/api/games/{game}/close", headers=headers, timeout=60)
        assert closed.status_code == 200  # every segment listed, #EXT-X-ENDLIST
        french = expected_texts(translator, line, LANGUAGES, 1)["fr"]

        master = f"{server.url}/captions/master.m3u8?game={game}"
        browser.get(f"{site_url}/player.html?master={master}")
        wait = WebDriverWait(browser, 60, poll_frequency=0.2)
        wait.until(lambda d: d.execute_script("return window.report.tracks"))
        tracks = browser.execute_script("return window.report.tracks")
        assert tracks == ["en", "fr", "zh-Hans"]  # BCP 47: Mandarin in simplified characters
        browser.execute_script("video.currentTime = 3.0; video.play();")  # the line's cue: 2 s on
        wait.until(lambda d: french in (d.execute_script("return window.activeFrench()") or []))
        assert browser.execute_script("return window.report.errors") == []  # none fatal
        # on the video's timeline the cue starts where the line's "t" put it
        (start,) = [
            at for at, text in browser.execute_script("return frenchCues()") if text == french
        ]
        assert abs(start - 2.0) < 0.05, start
    finally:
        browser.quit()
        server.stop()
        files.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    """The video's files (and the player page), without a log line per request."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".m3u8": "application/vnd.apple.mpegurl",
        ".ts": "video/mp2t",
    }

    def log_message(self, *args):
        pass

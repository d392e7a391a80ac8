"""The game as captions a video player shows: WebVTT (W3C WebVTT, text/vtt), and HLS.

`webvtt(log, lang)` renders the game so far in one language as one WebVTT file, one cue a
line, from the events kept as data (events.py): nothing is stored twice. A cue starts at the
line's media time when the publisher sent one (`{"text": ..., "t": seconds since the
broadcast started}`), else at the server's clock since the game's first line; it lasts until
the next line starts, and never longer than the time a viewer needs to read it
(`reading_seconds`), nor shorter than MIN_CUE_SECONDS. A withheld translation is the
English line, as the page shows it; a language of the game that has no translation of a line
yet has no cue for it. Cue text is escaped as WebVTT requires (&, <, >), so a line can
never open a tag or end a cue ("-->").

HLS (RFC 8216): `master_playlist` lists one SUBTITLES rendition per language (LANGUAGE its
BCP 47 tag, NAME in the language itself) beside the broadcast's own video playlist, and
`media_playlist` a language's live playlist of WebVTT segments of SEGMENT_SECONDS, each one
(`segment`) headed by X-TIMESTAMP-MAP, which maps the cues' time 0 to the video's MPEG-TS
timestamp of the broadcast's start. A live playlist may only grow: a segment is listed once
the game's clock (`GameClock`: the publisher's media time, run on by the wall clock since its
last line, else the server's clock since the first line) is PUBLISH_LAG past its end, which
leaves a line time to be translated, and a listed segment never changes: a cue whose event
was committed after its segments were listed is placed in the first segment not listed then
(`place`), as a correction will be. A closed game's playlist lists every segment and ends
with #EXT-X-ENDLIST.
"""

import bisect
import functools
import math
import re
import weakref
from pathlib import Path

MIN_CUE_SECONDS = 1.0
CHARACTERS_PER_SECOND = 15.0  # a comfortable reading speed for captions (about 160 wpm)
LONGEST_CUE_SECONDS = 7.0


def reading_seconds(text):
    """How long a cue of `text` stays at most: its characters at CHARACTERS_PER_SECOND,
    from MIN_CUE_SECONDS to LONGEST_CUE_SECONDS."""
    return min(LONGEST_CUE_SECONDS, max(MIN_CUE_SECONDS, len(text) / CHARACTERS_PER_SECOND))


def starts(times):
    """{line: the second its cue starts}: its media time if it has one, else the server's
    clock since the game's first line; `times` {line: (posted, media)} (EventLog.times)."""
    if not times:
        return {}
    first = min(posted for posted, _ in times.values())
    return {
        line: media if media is not None else posted - first
        for line, (posted, media) in times.items()
    }


def timestamp(seconds):
    """WebVTT's hh:mm:ss.ttt."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def escape(text):
    """Cue text: &, < and > as references; a line break (none should come) as a space."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.splitlines())


def cues(log, lang):
    """[(start, end, text)] of the game so far in `lang`, in the order of the lines: each
    line's latest text (a correction replaces what it corrects)."""
    return [
        (start, cue_end(start, following, events[-1].text), events[-1].text)
        for start, following, events in versions(log, lang)
    ]


def cue_end(start, following, text):
    """When a cue of `text` starting at `start` ends: at the next line's start (`following`),
    after the time a viewer needs to read it at the most, after MIN_CUE_SECONDS at the least."""
    return max(min(following, start + reading_seconds(text)), start + MIN_CUE_SECONDS)


def versions(log, lang):
    """[(start, following, events)] per line of `lang` that has one, in the order of the
    lines: when its cue starts, when the next line's does (inf: none), and its events, the
    line and its corrections."""
    found = {}
    for event in log.events:
        if event.lang == lang:
            found.setdefault(event.line, []).append(event)
    begin = starts(log.times)
    order = sorted(begin, key=lambda line: (begin[line], line))
    following = {line: begin[nxt] for line, nxt in zip(order, order[1:])}
    result = []
    for line in order:
        if line in found:
            result.append((begin[line], following.get(line, float("inf")), found[line]))
    return result


def webvtt(log, lang):
    """The game so far in `lang` as one WebVTT file."""
    blocks = ["WEBVTT\n"]
    for number, (start, end, text) in enumerate(cues(log, lang), start=1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n{escape(text)}\n")
    return "\n".join(blocks)


def transcript_lines(log, lang):
    """The game so far in `lang` as the transcript gives it: per line, in order, its number,
    start (as its cue's), the English, the text in `lang` (None: not translated yet) and a
    translation's confidence and withheld."""
    begin = starts(log.times)
    english = {event.line: event.text for event in log.events if event.lang == "en"}
    found = {event.line: event for event in log.events if event.lang == lang}
    result = []
    for line in sorted(english):
        event = found.get(line)
        entry = {"line": line, "start": round(begin.get(line, 0.0), 3), "en": english[line]}
        entry["text"] = None if event is None else event.text
        result.append({**entry, **({} if event is None else event.details())})
    return result


SEGMENT_SECONDS = 6  # each WebVTT segment's span: the playlists' EXT-X-TARGETDURATION
PUBLISH_LAG = 2.0  # seconds past a segment's end before it is listed (a line's translation)
_LANGUAGE_ENTRY = re.compile(
    r'(\w+): \{ name: "([^"]*)", native: "([^"]*)"(?:, tag: "([^"]*)")? \}'
)


@functools.cache
def language_names():
    """{code: (BCP 47 tag, name in the language itself)}, from the page's own table
    (static/languages.js), so the page and the playlists name a language alike (read once)."""
    table = (Path(__file__).parent / "static" / "languages.js").read_text(encoding="utf-8")
    return {code: (tag or code, native) for code, _, native, tag in _LANGUAGE_ENTRY.findall(table)}


class GameClock:
    """The game's media time at a wall-clock moment, from its lines' times (`EventLog.times`):
    the latest line's media time before the moment, run on by the wall clock since that line
    was accepted; without one, the server's clock since the game's first line. `high(w)` is
    the most it has read by `w` (a publisher's media time that steps back never takes back a
    segment already listed)."""

    def __init__(self, times):
        lines = sorted(times.values())  # (posted, media), in the order they were accepted
        self.posted = [posted for posted, _ in lines]
        self.first = self.posted[0] if lines else 0.0
        self.anchors, self.highs = [], []  # per line: the clock's anchor after it, high so far
        anchor, high = None, 0.0
        for posted, media in lines:
            high = max(high, self._read(anchor, posted))
            if media is not None:
                anchor = (posted, media)
            high = max(high, self._read(anchor, posted))
            self.anchors.append(anchor)
            self.highs.append(high)

    def _read(self, anchor, wall):
        if anchor is None:
            return max(0.0, wall - self.first)
        posted, media = anchor
        return media + (wall - posted)

    def high(self, wall):
        """The most the clock has read by wall time `wall` (0 before the first line)."""
        index = bisect.bisect_right(self.posted, wall) - 1
        if index < 0:
            return 0.0
        return max(self.highs[index], self._read(self.anchors[index], wall))

    def listed(self, wall):
        """How many segments a live playlist lists at wall time `wall`."""
        return max(0, math.floor((self.high(wall) - PUBLISH_LAG) / SEGMENT_SECONDS))


def place(start, end, first):
    """A cue's (start, end) in the segments from `first` on, the first one not listed when
    its event came: a cue that ended before it moves to its start (same duration)."""
    if end <= first * SEGMENT_SECONDS:
        return first * SEGMENT_SECONDS, first * SEGMENT_SECONDS + (end - start)
    return start, end


# Every player polls its playlists: what they are made from is computed once per state of a
# game's log (its number of events; line times only change with an event) and kept beside it.
_MEMO = weakref.WeakKeyDictionary()  # EventLog -> {key: (number of events, value)}


def _memo(log, key, make):
    found = _MEMO.setdefault(log, {})
    known = found.get(key)
    if known is None or known[0] != len(log.events):
        known = found[key] = (len(log.events), make())
    return known[1]


def game_clock(log):
    """The GameClock of the log's lines as they are now."""
    return _memo(log, "clock", lambda: GameClock(log.times))


def placed_cues(log, lang):
    """[(start, end, text, first, last)] of `lang` as the segments carry them, in order of
    start: segments `first` (the first not listed when its event came) to `last` (exclusive;
    None: no end) carry it. A line's correction takes over from the first segment not listed
    when it came; the segments listed before keep what they had."""
    return _memo(log, ("cues", lang), lambda: _placed_cues(log, lang))


def _placed_cues(log, lang):
    clock = game_clock(log)
    found = []
    for start, following, events in versions(log, lang):
        firsts = [
            clock.listed(event.at if event.at is not None else log.times[event.line][0])
            for event in events
        ]
        for index, event in enumerate(events):
            first, last = firsts[index], (firsts[index + 1 :] or [None])[0]
            if last is not None and last <= first:
                continue  # replaced before any segment carried it
            end = cue_end(start, following, event.text)
            found.append((*place(start, end, first), event.text, first, last))
    return sorted(found, key=lambda cue: cue[0])


def segment_count(log, lang, now, closed=None):
    """How many segments the playlist of `lang` lists at `now` (Unix seconds); a game closed
    at `closed`: all of them, up to its last cue's end."""
    clock = game_clock(log)
    if closed is None:
        return clock.listed(now)
    last = max((end for _, end, *_ in placed_cues(log, lang)), default=0.0)
    return max(1, clock.listed(closed), math.ceil(last / SEGMENT_SECONDS))


def segment(log, lang, number, mpegts=0):
    """WebVTT segment `number` of `lang`: every cue that overlaps its span (a cue across a
    boundary is in both segments, as RFC 8216 asks; players show it once)."""
    begin, finish = number * SEGMENT_SECONDS, (number + 1) * SEGMENT_SECONDS
    blocks = [f"WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:{mpegts},LOCAL:00:00:00.000\n"]
    for start, end, text, first, last in placed_cues(log, lang):
        carried = first <= number and (last is None or number < last)
        if carried and start < finish and end > begin:
            blocks.append(f"{timestamp(start)} --> {timestamp(end)}\n{escape(text)}\n")
    return "\n".join(blocks)


def media_playlist(count, game, closed):
    """A language's media playlist: `count` segments (`N.vtt?game=GAME` beside it), ended
    with #EXT-X-ENDLIST once the game is `closed`."""
    lines = [
        "#EXTM3U",
        "#EXT-X-VERSION:3",
        f"#EXT-X-TARGETDURATION:{SEGMENT_SECONDS}",
        "#EXT-X-MEDIA-SEQUENCE:0",
        "#EXT-X-PLAYLIST-TYPE:EVENT",
    ]
    for number in range(count):
        lines += [f"#EXTINF:{SEGMENT_SECONDS:.3f},", f"{number}.vtt?game={game}"]
    if closed:
        lines.append("#EXT-X-ENDLIST")
    return "\n".join(lines) + "\n"


def master_playlist(langs, game, video, bandwidth):
    """The master playlist: the video's playlist `video` (a URL) as its one variant, with
    one SUBTITLES rendition per language of `langs` ("en" first: the English as posted)."""
    names = language_names()
    lines = ["#EXTM3U", "#EXT-X-VERSION:3"]
    for lang in langs:
        tag, name = names.get(lang, (lang, lang))
        lines.append(
            f'#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="{tag}",NAME="{name}",'
            f'DEFAULT=NO,AUTOSELECT=YES,URI="{lang}/index.m3u8?game={game}"'
        )
    lines += [f'#EXT-X-STREAM-INF:BANDWIDTH={bandwidth},SUBTITLES="subs"', video]
    return "\n".join(lines) + "\n"

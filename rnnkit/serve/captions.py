"""The game as captions a video player shows: WebVTT (W3C WebVTT, text/vtt).

`webvtt(log, lang)` renders the game so far in one language as one WebVTT file, one cue a
line, from the events kept as data (events.py): nothing is stored twice. A cue starts at the
line's media time when the publisher sent one (`{"text": ..., "t": seconds since the
broadcast started}`), else at the server's clock since the game's first line; it lasts until
the next line starts, and never longer than the time a viewer needs to read it
(`reading_seconds`), nor shorter than MIN_CUE_SECONDS. A withheld translation is the
English line, as the page shows it; a language of the game that has no translation of a line
yet has no cue for it. Cue text is escaped as WebVTT requires (&, <, >), so a line can
never open a tag or end a cue ("-->").
"""

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
    """[(start, end, text)] of the game so far in `lang`, in the order of the lines."""
    texts = {event.line: event.text for event in log.events if event.lang == lang}
    begin = starts(log.times)
    order = sorted(begin, key=lambda line: (begin[line], line))
    following = {line: begin[nxt] for line, nxt in zip(order, order[1:])}
    result = []
    for line in order:
        if line not in texts:
            continue
        start, text = begin[line], texts[line]
        end = min(following.get(line, float("inf")), start + reading_seconds(text))
        result.append((start, max(end, start + MIN_CUE_SECONDS), text))
    return result


def webvtt(log, lang):
    """The game so far in `lang` as one WebVTT file."""
    blocks = ["WEBVTT\n"]
    for number, (start, end, text) in enumerate(cues(log, lang), start=1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n{escape(text)}\n")
    return "\n".join(blocks)

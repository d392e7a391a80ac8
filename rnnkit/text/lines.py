"""Reading text line by line with a bound on each line, and the UTF-8 byte order mark.

Corpora and `rnnkit translate` input are read through `bounded_lines`, so neither can be
made to hold a whole file in memory: `/dev/zero` or a multi-gigabyte file without line
breaks is an overlong first line, found after reading a few kilobytes. Every reader of user
text (those two and vocabulary files) strips a BOM with `strip_bom`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from rnnkit.errors import DataError

BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark, which some editors write at the start
# A skipped overlong line is read past in chunks of this size, up to SKIP_LIMIT bytes: a
# "line" longer than that is a file that is not text, and reading on would take forever.
CHUNK = 1 << 16
SKIP_LIMIT = 64 << 20


def strip_bom(data: bytes) -> bytes:
    """`data` without a leading UTF-8 BOM (the first line or the whole file)."""
    return data.removeprefix(BOM)


def max_line_bytes(max_chars: int) -> int:
    """The most bytes a line of `max_chars` characters can take: 4 per character (UTF-8's
    longest), a BOM and a CRLF line end."""
    return 4 * max_chars + len(BOM) + 2


def bounded_lines(
    file: BinaryIO, path: str | os.PathLike, max_chars: int
) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw bytes) for each line of a binary file, line end and BOM removed.

    A line too long to have at most `max_chars` characters comes as (number, None) as soon
    as `max_line_bytes(max_chars)` bytes of it are read; a caller that goes on past it
    skips the rest of that line in bounded chunks (DataError if there is no line end in the
    next SKIP_LIMIT bytes). Memory stays O(max_chars) whatever the file holds. Lines are
    returned as soon as their line end arrives, so a live stream is read live.
    """
    limit = max_line_bytes(max_chars)
    number = 0
    while raw := file.readline(limit):
        number += 1
        if len(raw) == limit and not raw.endswith(b"\n"):
            yield number, None
            read = len(raw)
            while not raw.endswith(b"\n"):
                raw = file.readline(CHUNK)
                if not raw:
                    return
                read += len(raw)
                if read > SKIP_LIMIT:
                    raise DataError(
                        path,
                        number,
                        f"no line end in the first {SKIP_LIMIT >> 20} MiB of the line; "
                        "is this a text file with one sentence per line?",
                    )
            continue
        if number == 1:
            raw = strip_bom(raw)
        yield number, raw.removesuffix(b"\n").removesuffix(b"\r")

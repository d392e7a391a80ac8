"""Parallel corpora: reading sentence pairs from files, streaming, with validation at the edge.

Accepted layouts (UTF-8, with or without a BOM, LF or CRLF line ends):

- a TSV with 2 columns, `source<TAB>target`;
- a TSV with 3 columns, `lang<TAB>source<TAB>target`, many target languages in one file
  (the first non-empty line fixes the column count for the whole file);
- two aligned plain files, line n of one translating line n of the other.

Blank lines are ignored; spaces around each field are removed. A bad line raises DataError
("train.tsv:17: ...") unless `skip_bad=True`, which skips it and counts it in a
`ReadSummary`. Files are read line by line, each with a bound (`text.lines`), so a corpus of
any size streams and a file without line breaks stops at its first overlong line.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rnnkit.errors import ConfigError, DataError
from rnnkit.text.lines import bounded_lines, max_line_bytes
from rnnkit.text.vocabulary import is_language_code

DEFAULT_MAX_CHARS = 1000
LARGEST_MAX_CHARS = 100_000  # lines are read with a bound of a few times max_chars bytes
SKIP_HINT = "fix the line or pass --skip-bad-lines"
LONG_HINT = "split the line or raise --max-chars"

# The reasons a line is bad, as counted in ReadSummary.skipped.
COLUMNS, EMPTY, ENCODING, TOO_LONG, LANGUAGE = (
    "wrong column count",
    "empty side",
    "invalid UTF-8",
    "too long",
    "invalid language code",
)


@dataclass(frozen=True, slots=True)
class Example:
    """One sentence pair; `line` is its 1-based line number in the file(s)."""

    source: str
    target: str
    lang: str | None
    line: int


@dataclass
class ReadSummary:
    """What one pass over a corpus read and skipped; str() gives a line to print."""

    path: str
    examples: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> number of lines
    first_lines: dict[str, list[int]] = field(default_factory=dict)  # reason -> first few lines
    keep_lines: int = 5

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def record(self, reason: str, line: int) -> None:
        self.skipped[reason] += 1
        lines = self.first_lines.setdefault(reason, [])
        if len(lines) < self.keep_lines:
            lines.append(line)

    def skipped_description(self) -> str:
        """'skipped 2 bad lines (wrong column count: 2 (lines 17, 40))', or '' if none."""
        if not self.total_skipped:
            return ""
        reasons = []
        for reason, count in sorted(self.skipped.items()):
            lines = ", ".join(map(str, self.first_lines[reason]))
            more = ", ..." if count > len(self.first_lines[reason]) else ""
            reasons.append(f"{reason}: {count} (line{'s' if count > 1 else ''} {lines}{more})")
        return f"skipped {self.total_skipped} bad lines ({'; '.join(reasons)})"

    def __str__(self) -> str:
        skipped = self.skipped_description()
        return f"{self.path}: read {self.examples} examples" + (f", {skipped}" if skipped else "")


class _BadLine(Exception):
    """A line that breaks a rule; the reader raises DataError or skips it."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


class ParallelCorpus:
    """An iterable of `Example`s read from disk on every pass (so one object serves every
    epoch); `summary` describes the latest pass once it has finished.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        skip_bad: bool = False,
        max_chars: int = DEFAULT_MAX_CHARS,
        default_lang: str | None = None,
    ):
        if default_lang is not None and not is_language_code(default_lang):
            raise ConfigError(
                f"invalid language code {default_lang!r}; use a code like fr, zh, pt-BR"
            )
        if not 1 <= max_chars <= LARGEST_MAX_CHARS:
            raise ConfigError(
                f"max_chars must be between 1 and {LARGEST_MAX_CHARS:,}, not {max_chars}"
            )
        self.paths = list(paths)
        self.skip_bad, self.max_chars, self.default_lang = skip_bad, max_chars, default_lang
        self.summary = ReadSummary(" + ".join(map(str, self.paths)))

    def __iter__(self) -> Iterator[Example]:
        self.summary = ReadSummary(" + ".join(map(str, self.paths)))
        if len(self.paths) == 1:
            examples = self._read_tsv(self.paths[0])
        else:
            examples = self._read_aligned(*self.paths)
        for example in examples:
            self.summary.examples += 1
            yield example
        if self.summary.examples == 0:
            path = self.paths[0]
            if self.summary.total_skipped:
                raise DataError(
                    path, None, f"no usable lines; {self.summary.skipped_description()}"
                )
            if len(self.paths) == 2:
                raise DataError(path, None, f"the file is empty, and so is {self.paths[1]}")
            raise DataError(
                path,
                None,
                "the file is empty; expected lines of "
                "'source<TAB>target' or 'lang<TAB>source<TAB>target'",
            )

    # -- the two layouts --------------------------------------------------------------------

    def _read_tsv(self, path: Path) -> Iterator[Example]:
        columns = None  # fixed by the first non-empty line
        first_line = None
        for number, text in _decoded_lines(path, self._reject, self.max_chars):
            if text is None or not text.strip():
                continue
            fields = [f.strip() for f in text.split("\t")]
            try:
                if columns is None:
                    if len(fields) not in (2, 3):
                        raise _BadLine(
                            COLUMNS,
                            "expected 2 tab-separated columns (source, "
                            f"target) or 3 (lang, source, target), found {len(fields)}",
                        )
                    columns, first_line = len(fields), number
                elif len(fields) != columns:
                    names = "(lang, source, target)" if columns == 3 else "(source, target)"
                    raise _BadLine(
                        COLUMNS,
                        f"expected {columns} tab-separated columns {names} "
                        f"like line {first_line}, found {len(fields)}",
                    )
                if len(fields) == 3:
                    lang, source, target = fields
                    if not is_language_code(lang):
                        raise _BadLine(
                            LANGUAGE,
                            f"invalid language code {lang!r} in the first "
                            "column; use a code like fr, zh, pt-BR",
                        )
                else:
                    (source, target), lang = fields, self.default_lang
            except _BadLine as bad:
                self._reject(path, number, bad)
                continue
            if self._side_ok(path, number, "source", source) and self._side_ok(
                path, number, "target", target
            ):
                yield Example(source, target, lang, number)

    def _read_aligned(self, source_path: Path, target_path: Path) -> Iterator[Example]:
        pairs = itertools.zip_longest(
            _decoded_lines(source_path, self._reject, self.max_chars),
            _decoded_lines(target_path, self._reject, self.max_chars),
        )
        for source_line, target_line in pairs:
            if source_line is None or target_line is None:
                self._check_trailing_lines(source_path, target_path, source_line, target_line)
                continue
            (number, source), (_, target) = source_line, target_line
            if source is None or target is None:  # undecodable, already reported
                continue
            source, target = source.strip(), target.strip()
            if not source and not target:
                continue
            if self._side_ok(source_path, number, "source", source) and self._side_ok(
                target_path, number, "target", target
            ):
                yield Example(source, target, self.default_lang, number)

    @staticmethod
    def _check_trailing_lines(source_path, target_path, source_line, target_line) -> None:
        """Extra lines at the end of one aligned file are fine if blank, fatal otherwise."""
        longer, number, text = (
            (source_path, *source_line) if target_line is None else (target_path, *target_line)
        )
        if text is None or text.strip():
            shorter = target_path if longer == source_path else source_path
            raise DataError(
                longer,
                number,
                f"{shorter} has only {number - 1} lines; aligned "
                "files must have the same number of lines",
            )

    # -- checks -----------------------------------------------------------------------------

    def _side_ok(self, path: Path, number: int, side: str, text: str) -> bool:
        """Whether one side of a pair is usable; a bad one is rejected (raise or count)."""
        if not text:
            bad = _BadLine(EMPTY, f"the {side} side is empty")
        elif len(text) > self.max_chars:
            bad = _BadLine(
                TOO_LONG,
                f"the {side} side has {len(text)} characters, more than "
                f"max_chars={self.max_chars}; {LONG_HINT}",
            )
        else:
            return True
        self._reject(path, number, bad)
        return False

    def _reject(self, path: Path, number: int, bad: _BadLine) -> None:
        if not self.skip_bad:
            raise DataError(path, number, f"{bad.message}; {SKIP_HINT}")
        self.summary.record(bad.reason, number)


def _decoded_lines(path: Path, reject, max_chars: int) -> Iterator[tuple[int, str | None]]:
    """(line number, text without its line end) for each line of the file.

    Lines are decoded one by one from bytes, so an encoding error names its line: `reject`
    is told of it (and raises unless bad lines are skipped) and the text is None, which
    keeps two aligned files in step. A line too long for two sides of `max_chars` characters
    is rejected in the same way before more of it is read.
    """
    try:
        file = open(path, "rb")
    except FileNotFoundError:
        raise DataError(path, None, "no such file; check the path") from None
    except IsADirectoryError:
        raise DataError(path, None, "is a directory, not a corpus file") from None
    except OSError as error:
        raise DataError(path, None, f"cannot open: {error.strerror}") from None
    with file:
        # Room for both sides of a TSV line, its language code, tabs and spaces around fields.
        line_chars = 2 * max_chars + 100
        for number, raw in bounded_lines(file, path, line_chars):
            if raw is None:
                reject(
                    path,
                    number,
                    _BadLine(
                        TOO_LONG,
                        f"the line is longer than {max_line_bytes(line_chars)} bytes, too "
                        f"long for sides of max_chars={max_chars} characters; {LONG_HINT}",
                    ),
                )
                yield number, None
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as error:
                reject(
                    path,
                    number,
                    _BadLine(
                        ENCODING,
                        f"invalid UTF-8 at byte {error.start + 1} "
                        "of the line; convert the file to UTF-8",
                    ),
                )
                yield number, None


def read_parallel(
    path_or_paths: str | os.PathLike | Sequence[str | os.PathLike],
    skip_bad: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    default_lang: str | None = None,
) -> ParallelCorpus:
    """Sentence pairs from a TSV file or from two aligned files (source, target).

    Returns a `ParallelCorpus`: iterate it for `Example`s (each pass reads the files again),
    then read `.summary`. `default_lang` is the target language of files without a lang
    column. Lines over `max_chars` characters on either side are bad lines.
    """
    if isinstance(path_or_paths, (str, os.PathLike)):
        paths = [Path(path_or_paths)]
    else:
        paths = [Path(p) for p in path_or_paths]
        if len(paths) != 2:
            raise ConfigError(
                f"give one TSV file or two aligned files (source, target), not {len(paths)} files"
            )
    return ParallelCorpus(paths, skip_bad, max_chars, default_lang)

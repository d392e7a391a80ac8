"""Progress of long work, for people and for logs.

On a terminal: one tqdm bar whose total does not move. In a file or a pipe (a log, CI, `2>
train.log`): a plain line every `interval` seconds (and one at the end) instead of thousands
of carriage-return updates:

    training: 1200/3720 steps (32%) | J=2.345 tok_s=1530 | 0:01:02 elapsed, ETA 0:02:10

`progress(total, unit=..., desc=...)` returns either; both offer `update(n)`,
`set_postfix(**values)`, `write(line)` and `close()`, and work as context managers.
"""

import sys
import time
from datetime import timedelta

from tqdm import tqdm


def progress(total, unit="step", desc="", disable=False, file=None, interval=30.0, initial=0):
    """A progress display on `file` (default stderr): a bar on a terminal, periodic lines else."""
    file = file if file is not None else sys.stderr
    if disable or _is_terminal(file):
        return tqdm(
            total=total,
            initial=initial,
            unit=unit,
            desc=desc or None,
            disable=disable,
            dynamic_ncols=True,
            file=file,
        )
    return PeriodicLines(total, unit, desc, file, interval, initial)


def _is_terminal(file):
    try:
        return file.isatty()
    except (AttributeError, ValueError):
        return False


def _clock(seconds):
    return str(timedelta(seconds=int(seconds)))


class PeriodicLines:
    """The plain-text twin of a tqdm bar: one line every `interval` seconds."""

    def __init__(self, total, unit, desc, file, interval, initial=0):
        self.total, self.unit, self.desc, self.file = total, unit, desc, file
        self.interval, self.n, self.first = interval, initial, initial
        self.postfix, self.started = {}, time.monotonic()
        self.last_line = self.started

    def update(self, n=1):
        self.n += n
        now = time.monotonic()
        if now - self.last_line >= self.interval:
            self._line(now)

    def set_postfix(self, refresh=False, **values):
        self.postfix = values

    def write(self, line):
        print(line, file=self.file, flush=True)

    def close(self):
        if self.n > self.first:
            self._line(time.monotonic())

    def _line(self, now):
        self.last_line = now
        elapsed = now - self.started
        units = self.unit if self.unit.endswith("s") else self.unit + "s"
        done = f"{self.n}/{self.total} {units}" if self.total else f"{self.n} {units}"
        if self.total:
            done += f" ({100 * self.n / self.total:.0f}%)"
        text = f"{self.desc}: {done}" if self.desc else done
        if self.postfix:
            text += " | " + " ".join(f"{k}={v}" for k, v in self.postfix.items())
        text += f" | {_clock(elapsed)} elapsed"
        rate = (self.n - self.first) / elapsed if elapsed > 0 else 0
        if self.total and rate > 0:
            text += f", ETA {_clock(max(self.total - self.n, 0) / rate)}"
        self.write(text)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

"""Commentary lines in, translated events out: the bounded queue and its one worker thread.

`LinePipeline.submit` is the one way a line enters the game (POST /api/lines and the demo's
player both call it): it checks the text, numbers the line, publishes the English at once
and queues the line for translation. One worker coroutine takes the queue in order and runs
each line into every served language as ONE batched `Translator.translate` call on a single
worker thread, so the event loop never blocks on NumPy and lines stay in order. The queue
is bounded: when it is full, `submit` refuses with `Busy` (HTTP 429 with Retry-After), so a
flood of posts costs the server nothing but the refusals.

With a store (the log's, store.py) a line is committed before `submit` returns (so before
its 202), and its translations before they are announced; after a restart on the same
store the lines accepted but not translated are translated first, in order (`recovered`),
and a stop (`stop`) lets the line being translated finish and be committed.

A line already sent may be corrected (`correct`): its new English is published at once and
queued like a line; its translations are `correction` events that replace the line's text.

A line may also arrive word by word: `submit(words, partial=True)` appends to the open line
(opening it if none is), publishes its English so far as a partial event and queues one
update of its running translation (`simultaneous.default_policy`: re-translation of the
open prefix, or wait-k for a model trained with it; one batched pass into every language;
posts that arrive while one waits share it); the next `submit` without `partial`
closes the line, which then goes the way of every line. Only viewers that asked for partial
events see any of this (see events.py); the others see the closed line as if posted whole.
"""

import asyncio
import logging
import math
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

from rnnkit.translator.decoding.simultaneous import default_policy

MAX_CHARS = 1000  # longest accepted line, in characters
logger = logging.getLogger("rnnkit.serve")


class LineError(Exception):
    """A post that cannot be accepted: an HTTP status and a one-line reason."""

    def __init__(self, status, message, headers=None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class Busy(LineError):
    """The translation queue is full; try again after `retry_after` seconds."""

    def __init__(self, pending, retry_after):
        super().__init__(
            429,
            f"{pending} lines are waiting for translation; retry after {retry_after} s",
            {"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after


LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits at


def check_line(text):
    """The line as it will be published: one non-empty line of at most MAX_CHARS characters
    of text (no lone surrogate, no control character but the tab), refused before a line
    number is used or a line is opened."""
    text = text.strip()
    if not text:
        raise LineError(422, "the line is empty; send the commentary text")
    if len(text) > MAX_CHARS:
        raise LineError(
            413, f"the line has {len(text)} characters; the limit is {MAX_CHARS}, split it"
        )
    if any(char in LINE_BREAKS for char in text):
        raise LineError(422, "the text holds several lines; post one line at a time")
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char != "\t"):
            kind = "a lone surrogate" if category == "Cs" else "a control character"
            raise LineError(
                422,
                f"character {position} is {kind} (U+{ord(char):04X}); send plain text",
            )
    return text


class LinePipeline:
    """Numbers, publishes and translates the lines of one game into `languages`."""

    def __init__(
        self,
        translator,
        languages,
        log,
        beam=3,
        max_pending=32,
        min_confidence=None,
        executor=None,
    ):
        self.translator, self.languages, self.log = translator, list(languages), log
        self.beam, self.max_pending = beam, max_pending
        self.min_confidence = min_confidence  # below it a translation is withheld
        self.pending = asyncio.Queue(max_pending)  # (kind, number, text, work) to translate
        self.recovered = [  # lines accepted (or corrected) but not translated: (kind, n, text)
            ("correction" if log.corrected(number) else "line", number, text)
            for number, text in log.store.untranslated()
        ]
        self.worker = None  # the task running `run`, from `start` to `stop`
        self.fetcher = None  # for a shared record: the task taking lines from it
        self.hungry = asyncio.Event()  # set while the worker waits with nothing queued
        self.idle = True  # the worker waits for a line (it is not translating one)
        self.stopping = False
        self.metrics = None  # metrics.Metrics, told of each line accepted and translated
        self.accepted_at = {}  # line number -> when it was accepted (perf_counter)
        self.seconds_per_line = 0.1  # running mean of the translation time, for Retry-After
        # the thread that translates: the server's one, shared by its games (so lines of two
        # games never compete for the cores), else one of its own
        self.own_executor = executor is None
        self.executor = executor or ThreadPoolExecutor(1, thread_name_prefix="rnnkit-translate")
        self.open = None  # the text so far of the line arriving word by word, if any
        self.unread = []  # its words not yet given to the re-translation policy
        self.policy, self.policy_line = None, None  # the open line's policy (worker's own)

    def submit(self, text, partial=False, media=None):
        """Accept one line, or with `partial` words of the open line: returns the line's
        number N (0, 1, ...) or raises LineError / Busy. `media`: the line's time in the
        broadcast (seconds since it started), which its captions start at."""
        if partial:
            return self._append(text)
        if self.open is not None:  # this post closes the open line (its text may be empty)
            text = f"{self.open} {text.strip()}" if text.strip() else self.open
        text = check_line(text)
        self._check_room()
        # committed and sent before its translations; a line the record refuses (an error)
        # takes no number and leaves the open line open
        number = self.log.add_line(text, time.time(), media)
        self._queue("line", number, text)
        if self.open is not None:
            self.open, self.unread = None, []
            self.log.close_partials()
        self.accepted_at[number] = time.perf_counter()
        if self.metrics is not None:
            self.metrics.posted(self.log.epoch)
        return number

    def correct(self, number, text):
        """Replace line `number`'s text (a correction): its English is sent at once and its
        translations replace the line's in every language when done. LineError 404 for a
        line not accepted yet."""
        if not (isinstance(number, int) and 0 <= number < self.lines):
            raise LineError(
                404, f"no line {number} to correct; this game's lines are 0 to {self.lines - 1}"
            )
        text = check_line(text)
        self._check_room()
        self.log.add_correction(number, text)
        self._queue("correction", number, text)
        self.accepted_at[number] = time.perf_counter()
        return number

    def _queue(self, kind, number, text):
        """Queue a line for this process's worker; a shared record (broker.py) has queued
        it in Redis already, for whichever process's worker takes it."""
        if not self.log.store.shared:
            self.pending.put_nowait((kind, number, text, None))

    def _append(self, text):
        words = check_line(text)
        line = words if self.open is None else f"{self.open} {words}"
        if len(line) > MAX_CHARS:
            raise LineError(
                413,
                f"the open line would have {len(line)} characters; the limit is {MAX_CHARS}: "
                "close it (post without partial) and start another",
            )
        if not self.unread:  # no re-translation of this line waits yet: queue one
            self._check_room()
            self.pending.put_nowait(("partial", self.lines, None, None))
        self.open = line
        self.unread.extend(words.split())
        self.log.publish_partial(self.lines, "en", line)
        return self.lines

    @property
    def lines(self):
        """The number the next line gets (so: how many the game has)."""
        return self.log.store.lines

    def waiting(self):
        """Lines accepted and not yet translated (the one in translation included; of a
        shared record, by every process)."""
        local = self.pending.qsize() + len(self.recovered) + (0 if self.idle else 1)
        return self.log.store.backlog(local)

    def _check_room(self):
        if self.log.store.shared:
            full = self.waiting() >= self.max_pending
        else:
            full = self.pending.full()
        if full:
            waiting = self.waiting() + (0 if self.log.store.shared else 1)
            raise Busy(waiting, max(1, math.ceil(waiting * self.seconds_per_line)))

    def translate(self, text):
        """One line into every served language, one batched pass (runs on the worker): per
        language (text, details), details {"confidence", "withheld"} for a translator that
        gives them (a withheld line's text is the English)."""
        found = self.translator.translate(
            [text] * len(self.languages),
            self.languages,
            beam=self.beam,
            replace_unk=True,
            min_confidence=self.min_confidence,
        )
        return [(hyps[0].text, details(hyps[0])) for hyps in found]

    def retranslate(self, number, words):
        """The open line's prefix into every served language, one batched pass (on the
        worker): the revisions whose text changed."""
        if self.policy_line != number:
            self.policy = default_policy(
                self.translator, self.languages, beam=self.beam, replace_unk=True
            )
            self.policy_line = number
        return self.policy.read(words)

    async def run(self):
        """The worker: translate the recovered lines, then queued lines in order, and publish
        each line's languages as events (and the open line's running translations as partial
        events); after `stop`, it ends once the line it translates is published."""
        loop = asyncio.get_running_loop()
        while self.recovered and not self.stopping:
            self.idle = False
            kind, number, text = self.recovered.pop(0)
            await self._run_line(loop, number, text, kind)
        while not self.stopping:
            self.idle = True
            if self.pending.empty():
                self.hungry.set()
            kind, number, text, work = await self.pending.get()
            self.idle = False
            if kind == "partial":
                await self._run_partial(loop, number)
            else:
                await self._run_line(loop, number, text, kind, work)

    async def _run_line(self, loop, number, text, kind="line", work=None):
        started = time.perf_counter()
        try:
            texts = await loop.run_in_executor(self.executor, self.translate, text)
        except Exception:  # a bug in translation must not stop the game
            logger.exception("line %d could not be translated: %r", number, text)
            self.accepted_at.pop(number, None)
            return
        elapsed = time.perf_counter() - started
        self.seconds_per_line = 0.8 * self.seconds_per_line + 0.2 * elapsed
        translations = [
            (lang, translated, more) for lang, (translated, more) in zip(self.languages, texts)
        ]
        self.log.add_translations(number, translations, kind, work)
        accepted = self.accepted_at.pop(number, None)
        if self.metrics is not None:
            seconds = None if accepted is None else time.perf_counter() - accepted
            self.metrics.translated(self.log.epoch, seconds)

    async def _run_partial(self, loop, number):
        if self.open is None or number != self.lines:
            return  # the line closed meanwhile: its final translation follows
        words, self.unread = self.unread, []
        try:
            revisions = await loop.run_in_executor(self.executor, self.retranslate, number, words)
        except Exception:  # as for a line: a failed partial must not stop the game
            logger.exception("line %d could not be re-translated: %r", number, words)
            return
        if self.open is not None and number == self.lines:  # not closed while translating
            for revision in revisions:
                self.log.publish_partial(number, revision.lang, revision.text)

    def start(self):
        """Start the worker (`run`) on the running event loop; for a shared record, also the
        task that takes this process's share of the lines from it."""
        loop = asyncio.get_running_loop()
        self.worker = loop.create_task(self.run())
        if self.log.store.shared:
            self.fetcher = loop.create_task(self._fetch())

    async def _fetch(self):
        """Take a line from the shared record only when the worker waits for one, so that a
        slow server never holds lines a faster one could translate."""
        items = self.log.store.fetch()
        while True:
            await self.hungry.wait()
            self.hungry.clear()
            await self.pending.put(await anext(items))

    def running(self):
        """Whether the worker is translating lines (started, not stopped, not crashed)."""
        return self.worker is not None and not self.worker.done() and not self.stopping

    async def stop(self, seconds=30.0):
        """Stop the worker: at once if it waits for a line, else once the line it translates
        is published (and committed), at most `seconds`; then its thread."""
        worker = self.worker
        self.stopping = True
        if self.fetcher is not None:
            self.fetcher.cancel()
        if worker is None:  # never started
            await self.close()
            return
        if self.idle:
            worker.cancel()
        done, _ = await asyncio.wait({worker}, timeout=seconds)
        if not done:
            logger.warning("the line in translation did not finish within %g s", seconds)
            worker.cancel()
        await self.close()

    async def drain(self):
        """Until every accepted line (an open partial line closed first) is translated and
        published: a game is closed only then."""
        while self.open is not None:
            try:
                self.submit("")
            except Busy as busy:
                await asyncio.sleep(busy.retry_after)
        while self.waiting():
            await asyncio.sleep(0.02)

    async def close(self):
        """Stop the worker thread (if it is this pipeline's own), after the line it is
        translating (if any)."""
        if self.own_executor:
            await asyncio.to_thread(self.executor.shutdown, wait=True, cancel_futures=True)


def details(translation):
    """What a viewer is told besides the text: the confidence (rounded) and whether the
    translation was withheld."""
    confidence = getattr(translation, "confidence", None)
    if confidence is None:
        return {}
    return {"confidence": round(confidence, 3), "withheld": translation.withheld}


async def play(pipeline, lines, interval=2.0):
    """Post `lines` one every `interval` seconds through `submit` (the demo's live game)."""
    for text in lines:
        while True:
            try:
                pipeline.submit(text)
                break
            except Busy as busy:
                await asyncio.sleep(busy.retry_after)
        await asyncio.sleep(interval)

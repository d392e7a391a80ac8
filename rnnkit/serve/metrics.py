"""What an operator's monitoring reads: GET /metrics in Prometheus's text format.

Every series carries the game (its epoch, the `EPOCH` of its event ids) as the label `game`:

    rnnkit_lines_posted_total           lines accepted (202)
    rnnkit_lines_translated_total       lines whose translations were committed and sent
    rnnkit_line_latency_seconds         a histogram: from a line's acceptance to its
                                        translations sent (queue wait and translation)
    rnnkit_queue_length                 lines waiting for translation (the one in it too)
    rnnkit_viewers                      streams open now
    rnnkit_viewers_dropped_total        viewers dropped for not reading
    rnnkit_events_total                 events of the game (every language of every line)
    rnnkit_events_sent_total            events handed to viewers' streams

The counters of a pipeline live in the app's own registry (not the library's global one, so
two servers in one process never share a series); the rest is read from the log and the
pipeline when Prometheus scrapes.
"""

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

# From a quick line on an idle server to a burst queued behind 30 others.
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The series of one server: `posted()` and `translated(seconds)` are called by the
    pipeline; `render()` is the body of GET /metrics."""

    def __init__(self, log, pipeline):
        self.registry = CollectorRegistry()
        self.game = log.epoch
        self._posted = Counter(
            "rnnkit_lines_posted", "lines accepted", ["game"], registry=self.registry
        )
        self._translated = Counter(
            "rnnkit_lines_translated",
            "lines whose translations were committed and sent",
            ["game"],
            registry=self.registry,
        )
        self._latency = Histogram(
            "rnnkit_line_latency_seconds",
            "from a line's acceptance to its translations sent",
            ["game"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_Live(log, pipeline))

    def posted(self):
        self._posted.labels(self.game).inc()

    def translated(self, seconds=None):
        """A line translated; `seconds` since its acceptance (None: accepted before a
        restart, so no latency of this run's)."""
        self._translated.labels(self.game).inc()
        if seconds is not None:
            self._latency.labels(self.game).observe(seconds)

    def render(self):
        return generate_latest(self.registry)


class _Live:
    """The series read from the log and the pipeline at each scrape."""

    def __init__(self, log, pipeline):
        self.log, self.pipeline = log, pipeline

    def collect(self):
        game = [self.log.epoch]
        for kind, name, text, value in (
            (
                GaugeMetricFamily,
                "rnnkit_queue_length",
                "lines waiting for translation",
                self.pipeline.waiting(),
            ),
            (GaugeMetricFamily, "rnnkit_viewers", "streams open now", len(self.log.viewers)),
            (
                CounterMetricFamily,
                "rnnkit_viewers_dropped",
                "viewers dropped for not reading",
                self.log.dropped_count,
            ),
            (CounterMetricFamily, "rnnkit_events", "events of the game", len(self.log.events)),
            (
                CounterMetricFamily,
                "rnnkit_events_sent",
                "events handed to viewers' streams",
                self.log.sent,
            ),
        ):
            family = kind(name, text, labels=["game"])
            family.add_metric(game, value)
            yield family

"""What an operator's monitoring reads: GET /metrics in Prometheus's text format.

Every series carries the game (its id, the `EPOCH` of its event ids) as the label `game`:

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
    """The series of one server: `posted(game)` and `translated(game, seconds)` are called
    by the pipelines; `render()` is the body of GET /metrics; `games` (games.Games) gives the
    games in memory, whose gauges are read at each scrape."""

    def __init__(self, games):
        self.registry = CollectorRegistry()
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
        self.registry.register(_Live(games))

    def posted(self, game):
        self._posted.labels(game).inc()

    def translated(self, game, seconds=None):
        """A line of `game` translated; `seconds` since its acceptance (None: accepted
        before a restart, so no latency of this run's)."""
        self._translated.labels(game).inc()
        if seconds is not None:
            self._latency.labels(game).observe(seconds)

    def render(self):
        return generate_latest(self.registry)


class _Live:
    """The series read from each game's log and pipeline at each scrape."""

    def __init__(self, games):
        self.games = games

    def collect(self):
        series = (
            (GaugeMetricFamily, "rnnkit_queue_length", "lines waiting for translation"),
            (GaugeMetricFamily, "rnnkit_viewers", "streams open now"),
            (CounterMetricFamily, "rnnkit_viewers_dropped", "viewers dropped for not reading"),
            (CounterMetricFamily, "rnnkit_events", "events of the game"),
            (CounterMetricFamily, "rnnkit_events_sent", "events handed to viewers' streams"),
        )
        families = [kind(name, text, labels=["game"]) for kind, name, text in series]
        for game in self.games.loaded():
            log = game.log
            values = (
                game.pipeline.waiting() if game.pipeline is not None else 0,
                len(log.viewers),
                log.dropped_count,
                len(log.events),
                log.sent,
            )
            for family, value in zip(families, values):
                family.add_metric([game.id], value)
        yield from families

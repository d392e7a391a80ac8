"""A live game: a simulated Raptors game whose commentary keeps score and clock consistent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from random import Random

from rnnkit.demo.grammar import (
    FIELD_GOALS,
    OPPONENTS,
    POINTS,
    QUARTER_SECONDS,
    RAPTORS,
    ROSTERS,
    TEAM_OF,
    Event,
)
from rnnkit.demo.splits import check_split, split_of

# What happens on a fresh possession, and how often. Rebounds follow misses and blocks,
# free throws follow shooting fouls, and score updates follow some baskets.
_PLAY_WEIGHTS = {
    "made": 0.30,
    "missed": 0.28,
    "assist": 0.12,
    "block": 0.05,
    "steal": 0.06,
    "turnover": 0.06,
    "foul_personal": 0.05,
    "foul_shooting": 0.05,
    "substitution": 0.04,
    "timeout": 0.02,
}


class Game:
    """A simulated Raptors game whose events keep the score and clock consistent.

    Each call to `next_event` returns the next line of commentary (None once the game
    is over). A made shot adds its points to the scorer's team, misses and blocks are
    followed by a rebound, a shooting foul by two free throws, the clock runs down
    between plays and the quarters follow one another to a final result (a tied fourth
    quarter ends on a last-second basket, as the grammar has no overtime).

    Where the game has a free choice (who shoots, which shot, which phrasing), it draws
    a few candidates and prefers one whose combination belongs to `split`, else one from
    train, so a "test" game shows sentences the model never trained on where it can.
    """

    # Draws per free choice. Few, so that the preference for `split` mixes held-out lines
    # into the game without making the same few players do everything.
    CANDIDATES = 4
    MAX_DRAWS = 50  # further draws to avoid a combination held out for another split

    def __init__(self, seed: int = 0, split: str = "test") -> None:
        check_split(split)
        self.split = split
        self.rng = Random(f"game:{seed}")
        self.home, self.away = RAPTORS, self.rng.choice(OPPONENTS)
        self.score = {self.home: 0, self.away: 0}
        self.on_court = {team: list(ROSTERS[team][:5]) for team in self.score}
        self.quarter, self.clock = 1, QUARTER_SECONDS
        self.offence = self.rng.choice([self.home, self.away])
        self.finished = False
        self._queue = [self._event("quarter_start", quarter=1)]  # events already decided
        self._free_throws: list[str] = []  # the shooter, once per free throw left
        self._loose_ball = False  # after a miss or a block a rebound comes next
        self._report_due = False  # after some baskets the score is read out

    def __iter__(self) -> Iterator[Event]:
        while (event := self.next_event()) is not None:
            yield event

    @property
    def defence(self) -> str:
        return self.away if self.offence == self.home else self.home

    def _event(self, template: str, **slots) -> Event:
        slots.setdefault("quarter", self.quarter)
        slots.setdefault("clock", self.clock)
        return Event(template, **slots)

    def next_event(self) -> Event | None:
        if self._queue:
            event = self._queue.pop(0)
        elif self.finished:
            return None
        elif self._free_throws:
            event = self._choose(self._free_throw)
        elif self._loose_ball:
            event = self._choose(self._rebound)
        elif self._report_due:
            event = self._choose(self._score_report)
        else:
            event = self._play()
        self._apply(event)
        return event

    def _choose(self, propose: Callable[[], Event]) -> Event:
        candidates = [propose() for _ in range(self.CANDIDATES)]
        preferred = [event for event in candidates if split_of(event) == self.split]
        if preferred:
            return self.rng.choice(preferred)
        more = (propose() for _ in range(self.MAX_DRAWS))
        for event in chain(candidates, more):
            if split_of(event) == "train":
                return event
        return candidates[0]  # a forced choice (a fouled player's free throws) held out

    def _play(self) -> Event:
        rng = self.rng
        elapsed = rng.randint(6, 24)
        if self.clock - elapsed <= 0:
            if self.quarter == 4 and self.score[self.home] == self.score[self.away]:
                self.clock = rng.randint(1, 3)
                return self._choose(lambda: self._shot("made_clock"))
            self.clock = 0
            return self._event("quarter_end")
        self.clock -= elapsed
        kind = rng.choices(list(_PLAY_WEIGHTS), list(_PLAY_WEIGHTS.values()))[0]
        proposers = {
            "made": lambda: self._shot(rng.choice(("made", "made", "made", "made_clock"))),
            "missed": lambda: self._shot("missed"),
            "assist": self._assist,
            "block": self._block,
            "steal": lambda: self._rivals("steal"),
            "turnover": lambda: self._event(
                "turnover", player=rng.choice(self.on_court[self.offence])
            ),
            "foul_personal": lambda: self._rivals("foul_personal"),
            "foul_shooting": lambda: self._rivals("foul_shooting"),
            "substitution": self._substitution,
            "timeout": lambda: self._event("timeout", team=rng.choice([self.home, self.away])),
        }
        return self._choose(proposers[kind])

    # Proposers: each draws one candidate event from the current state, changing nothing.

    def _shot(self, template: str) -> Event:
        shooter = self.rng.choice(self.on_court[self.offence])
        return self._event(template, player=shooter, shot=self.rng.choice(FIELD_GOALS))

    def _assist(self) -> Event:
        passer, scorer = self.rng.sample(self.on_court[self.offence], 2)
        return self._event("assist", player=passer, other=scorer, shot=self.rng.choice(FIELD_GOALS))

    def _block(self) -> Event:
        blocker = self.rng.choice(self.on_court[self.defence])
        shooter = self.rng.choice(self.on_court[self.offence])
        return self._event(
            "block", player=blocker, other=shooter, shot=self.rng.choice(FIELD_GOALS)
        )

    def _rivals(self, template: str) -> Event:
        """A defender acting on an attacker: steals and fouls."""
        defender = self.rng.choice(self.on_court[self.defence])
        return self._event(
            template, player=defender, other=self.rng.choice(self.on_court[self.offence])
        )

    def _rebound(self) -> Event:
        kind = "offensive" if self.rng.random() < 0.25 else "defensive"
        team = self.offence if kind == "offensive" else self.defence
        return self._event("rebound", player=self.rng.choice(self.on_court[team]), rebound=kind)

    def _free_throw(self) -> Event:
        template = self.rng.choices(("made", "made_clock", "missed"), (0.6, 0.15, 0.25))[0]
        return self._event(template, player=self._free_throws[0], shot="free_throw")

    def _substitution(self) -> Event:
        team = self.rng.choice([self.home, self.away])
        bench = [p for p in ROSTERS[team] if p not in self.on_court[team]]
        incoming, outgoing = self.rng.choice(bench), self.rng.choice(self.on_court[team])
        return self._event("substitution", player=incoming, other=outgoing)

    def _score_report(self) -> Event:
        home, away = self.score[self.home], self.score[self.away]
        if home == away:
            return self._event(self.rng.choice(("tied", "tied_clock")), a=home)
        leader, trailer = (self.home, self.away) if home > away else (self.away, self.home)
        template = self.rng.choice(("lead", "lead_opponent", "lead_clock"))
        opponent = trailer if template == "lead_opponent" else None
        return self._event(
            template, team=leader, opponent=opponent, a=self.score[leader], b=self.score[trailer]
        )

    def _apply(self, event: Event) -> None:
        """Move the game state on by one event."""
        template, shot = event.template, event.shot
        if template in ("made", "made_clock", "assist"):
            scorer = event.other if template == "assist" else event.player
            self.score[TEAM_OF[scorer]] += POINTS[shot]
            self._report_due = self.rng.random() < 0.35
            if shot == "free_throw":
                self._free_throws.pop(0)
            if not self._free_throws:
                self.offence = self.away if TEAM_OF[scorer] == self.home else self.home
        elif template == "missed":
            if shot == "free_throw":
                self._free_throws.pop(0)
            self._loose_ball = not self._free_throws
        elif template == "block":
            self._loose_ball = True
        elif template == "rebound":
            self._loose_ball = False
            self.offence = TEAM_OF[event.player]
        elif template == "steal":
            self.offence = TEAM_OF[event.player]
        elif template == "turnover":
            self.offence = self.defence
        elif template == "foul_shooting":
            self._free_throws = [event.other, event.other]
        elif template == "substitution":
            lineup = self.on_court[TEAM_OF[event.player]]
            lineup[lineup.index(event.other)] = event.player
        elif template in ("lead", "lead_opponent", "lead_clock", "tied", "tied_clock"):
            self._report_due = False
        elif template == "quarter_start":
            self.quarter, self.clock = event.quarter, QUARTER_SECONDS
            self.offence = self.rng.choice([self.home, self.away])
        elif template == "quarter_end":
            if self.quarter < 4:
                self._queue.append(
                    self._event("quarter_start", quarter=self.quarter + 1, clock=QUARTER_SECONDS)
                )
            else:
                leader = max(self.score, key=self.score.get)
                trailer = self.away if leader == self.home else self.home
                self._queue.append(
                    self._event("win", team=leader, a=self.score[leader], b=self.score[trailer])
                )
                self.finished = True


def play_by_play(seed: int = 0, n_events: int = 12, split: str = "test") -> list[Event]:
    """The first `n_events` events of a simulated game (fewer if the game ends first)."""
    events = []
    game = Game(seed=seed, split=split)
    while len(events) < n_events and (event := game.next_event()) is not None:
        events.append(event)
    return events

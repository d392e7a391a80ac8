"""Tests for the live game: score and clock add up, rebounds follow misses, held-out
combinations are preferred."""

from collections import Counter

import pytest

from rnnkit.demo.game import Game, play_by_play
from rnnkit.demo.grammar import ROSTERS, Event
from rnnkit.demo.languages import LANGUAGES, english, render
from rnnkit.demo.splits import split_of


def replay(events: list[Event]) -> None:
    """Check a game's events against a score and clock kept independently here."""
    team_of = {player: team for team, players in ROSTERS.items() for player in players}
    points = {"three": 3, "jumper": 2, "layup": 2, "dunk": 2, "free_throw": 1}
    score = Counter()
    quarter, clock = 0, 0
    for event in events:
        if event.template == "quarter_start":
            assert event.quarter == quarter + 1 and event.clock == 12 * 60
            quarter, clock = event.quarter, event.clock
        assert event.quarter == quarter and 0 <= event.clock <= clock, event
        clock = event.clock
        if event.template in ("made", "made_clock"):
            score[team_of[event.player]] += points[event.shot]
        elif event.template == "assist":
            assert team_of[event.player] == team_of[event.other]
            score[team_of[event.other]] += points[event.shot]
        elif event.template in ("lead", "lead_opponent", "lead_clock", "win"):
            others = [team for team in score if team != event.team]
            assert score[event.team] == event.a and all(score[t] == event.b for t in others)
            assert event.a > event.b
        elif event.template in ("tied", "tied_clock"):
            assert len(set(score.values())) <= 1 and max(score.values(), default=0) == event.a
        elif event.template in ("steal", "block", "foul_personal", "foul_shooting"):
            assert team_of[event.player] != team_of[event.other]
        elif event.template == "substitution":
            assert team_of[event.player] == team_of[event.other]


@pytest.mark.parametrize("seed", range(5))
def test_live_game_keeps_score_and_clock(seed):
    events = play_by_play(seed=seed, n_events=10_000)
    assert english(events[0]) == "The first quarter begins"
    assert [e.quarter for e in events if e.template == "quarter_end"] == [1, 2, 3, 4]
    assert events[-1].template == "win" and english(events[-2]) == "End of the fourth quarter"
    replay(events)
    # After a miss or a block the ball is loose, and the next line is the rebound.
    for before, after in zip(events, events[1:]):
        if before.template == "block" or (
            before.template == "missed" and before.shot != "free_throw"
        ):
            assert after.template == "rebound", (before, after)


def test_live_game_is_short_by_default_and_renders_everywhere():
    events = play_by_play(seed=0)
    assert len(events) == 12
    for event in events:
        for lang in LANGUAGES:
            assert render(event, lang)


def test_live_game_prefers_its_split():
    for split, other in (("test", "dev"), ("dev", "test")):
        found = Counter(split_of(e) for seed in range(3) for e in Game(seed=seed, split=split))
        total = sum(found.values())
        assert found[split] > 0.15 * total
        # Only events with no free choice (a fouled player's free throws) may come from
        # the other held-out split.
        assert found[other] < 0.02 * total
    assert all(split_of(e) == "train" for e in play_by_play(seed=1, n_events=60, split="train"))

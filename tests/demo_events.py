"""Test helper: one event of every kind, for the tests of the demo's languages."""

from rnnkit.demo.grammar import (
    FIELD_GOALS,
    QUARTER_SECONDS,
    REBOUNDS,
    ROSTERS,
    SHOTS,
    TEMPLATES,
    Event,
)


def every_event() -> list[Event]:
    """One event per template and per value of its shot, rebound and quarter slots."""
    events = []
    for template, slots in TEMPLATES.items():
        shots = FIELD_GOALS if template in ("assist", "block") else SHOTS
        for shot in shots if "shot" in slots else [None]:
            for rebound in REBOUNDS if "rebound" in slots else [None]:
                for quarter in (1, 2, 3, 4) if "quarter" in slots else [None]:
                    values = dict(
                        player="Tremblay",
                        other="Mensah",
                        team="Raptors",
                        opponent="Celtics",
                        shot=shot,
                        rebound=rebound,
                        a=54,
                        b=49,
                        quarter=quarter,
                        clock=225,
                        nth=3,
                        c=5,
                        arena="Scotiabank Arena",
                    )
                    events.append(Event(template, **{s: values[s] for s in slots}))
    return events


def every_name_and_number() -> list[Event]:
    """Events that show every player, every team pair, every score up to 150 and every
    clock time, so a language's transliterations and numerals are all rendered."""
    players = [p for team in ROSTERS.values() for p in team]
    events = [Event("steal", player=p, other=q) for p, q in zip(players, players[1:] + players[:1])]
    events += [
        Event("lead_opponent", team=t, opponent=o, a=a, b=a - 1)
        for i, (t, o) in enumerate((t, o) for t in ROSTERS for o in ROSTERS if t != o)
        for a in (i + 1, 100 + i)
    ]
    events += [Event("tied", a=a) for a in range(151)]
    events += [Event("tied_clock", a=0, quarter=1, clock=s) for s in range(QUARTER_SECONDS)]
    return events

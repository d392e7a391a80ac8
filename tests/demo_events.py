"""Test helper: one event of every kind, for the tests of the demo's languages."""

from rnnkit.demo.grammar import FIELD_GOALS, REBOUNDS, SHOTS, TEMPLATES, Event


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
                    )
                    events.append(Event(template, **{s: values[s] for s in slots}))
    return events

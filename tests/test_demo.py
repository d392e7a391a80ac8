"""The demo end to end on a small budget, and its output directory rules."""

import json

import pytest

from rnnkit.demo import run as demo


@pytest.fixture
def small_demo(monkeypatch):
    monkeypatch.setattr(demo, "SIZES", {"train": 40, "dev": 1, "test": 2})
    monkeypatch.setattr(
        demo,
        "DEMO_TRAIN",
        demo.TrainConfig(
            **{
                **demo.DEMO_TRAIN.__dict__,
                "embed": 16,
                "hidden": 16,
                "min_freq": 2,
                "valid_every": 10,
            }
        ),
    )


def test_demo_runs_end_to_end_and_reruns_into_its_own_directory(small_demo, tmp_path, capsys):
    out = tmp_path / "demo"
    results = demo.run_demo(out, time_budget=2, events=3, beam=2, show_progress=False)
    printed = capsys.readouterr().out
    assert set(results["test"]["per_language"]) == set(demo.LANGUAGES)
    assert json.loads((out / "results.json").read_text())["test"]["bleu"] == results["test"]["bleu"]
    assert printed.count("\n  EN  ") == 3 and "  ZH  " in printed
    assert {p.name for p in (out / "model" / "plots").iterdir()} >= {"loss.png", "attention.png"}
    assert len(results["live_latency_ms"]) == 3
    demo.run_demo(out, time_budget=1, events=1, beam=1, show_progress=False)  # replaced

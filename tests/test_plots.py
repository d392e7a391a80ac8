"""Plots in every script: the font fallback list, and the one-time report of scripts that no
installed font can draw."""

import warnings

import numpy
import pytest

from rnnkit.translator.training import plots

# One word in each script the demo's languages use.
SAMPLES = {
    "Latin": "Tremblay réussit",
    "Cyrillic": "Трамбле",
    "Greek": "Τρεμπλέ",
    "Han": "猛龙 艾克倫",
    "Hangul": "트렘블레이",
    "Arabic": "ترامبلی می‌زند ۵۴",
    "Devanagari": "ट्रेम्बले",
    "Bengali": "ট্রেম্বলে ৫৪",
    "Gujarati": "ટ્રેમ્બલે",
    "Gurmukhi": "ਟ੍ਰੈਂਬਲੇ",
    "Tamil": "ட்ரெம்ப்ளே",
}


def test_every_script_is_drawn_where_the_noto_fonts_are_installed():
    if not {"Noto Sans Bengali", "Noto Sans CJK SC"} <= set(plots.installed_fonts()):
        pytest.skip("Debian's fonts-noto-core / fonts-noto-cjk are not installed here")
    assert {script: plots.undrawable(text) for script, text in SAMPLES.items()} == {
        script: set() for script in SAMPLES
    }


def test_scripts_without_a_font_are_reported_once(monkeypatch, capsys, tmp_path):
    dejavu = {"DejaVu Sans": plots.installed_fonts()["DejaVu Sans"]}
    monkeypatch.setattr(plots, "installed_fonts", lambda: dejavu)
    monkeypatch.setattr(plots, "_reported", set())
    assert plots.undrawable("Трамбле Τρεμπλέ") == set()  # DejaVu has these
    assert plots.undrawable("ট্রেম") == {"ট", "্", "র", "ে", "ম"}
    plots.report_undrawable([SAMPLES["Bengali"], SAMPLES["Tamil"], SAMPLES["Cyrillic"]])
    plots.report_undrawable([SAMPLES["Bengali"]])  # already said
    plots.report_undrawable([SAMPLES["Tamil"], SAMPLES["Gujarati"]])  # only Gujarati is new
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "Bengali, Tamil" in err[0] and "Gujarati" in err[1], err
    assert "Tamil" not in err[1] and "fonts-noto-core" in err[0]
    # The plot is still written, without a warning per missing glyph.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = plots.attention_heatmap(
            ["<2bn>", "▁Tremblay"],
            ["▁ট্রেম্বলে", "<eos>"],
            numpy.full((2, 2), 0.5),
            tmp_path / "a.png",
        )
    assert not [w for w in caught if "Glyph" in str(w.message)]
    assert path.read_bytes().startswith(b"\x89PNG")

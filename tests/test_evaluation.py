"""Scores equal sacrebleu's own, per language with that language's tokenizer."""

import pytest
from sacrebleu.metrics import BLEU, CHRF

from rnnkit.translator.decoding.evaluation import bleu_tokenizer, format_table, score

HYPS = ["Les Raptors mènent 54 à 49", "Mensah réussit un dunk", "猛龙以54比49领先", "第二节开始"]
REFS = [
    "Les Raptors mènent 54 à 49 face aux Celtics",
    "Mensah réussit un dunk",
    "猛龙以54比49领先凯尔特人",
    "第二节比赛开始",
]
LANGS = ["fr", "fr", "zh", "zh"]


def test_per_language_scores_are_sacrebleus():
    result = score(HYPS, REFS, LANGS)
    fr = BLEU(tokenize="13a").corpus_score(HYPS[:2], [REFS[:2]]).score
    zh = BLEU(tokenize="zh").corpus_score(HYPS[2:], [REFS[2:]]).score
    assert result["per_language"]["fr"]["bleu"] == pytest.approx(fr, abs=0.01)
    assert result["per_language"]["zh"]["bleu"] == pytest.approx(zh, abs=0.01)
    assert result["per_language"]["zh"]["chrf"] == pytest.approx(
        CHRF().corpus_score(HYPS[2:], [REFS[2:]]).score, abs=0.01
    )
    assert result["bleu"] == pytest.approx((fr + zh) / 2, abs=0.02)  # macro average
    assert "tok:zh" in result["per_language"]["zh"]["signature"]
    assert "fr" in format_table(result) and "all" in format_table(result)


@pytest.mark.parametrize(
    "lang, tokenizer",
    [
        ("fr", "13a"),
        ("zh", "zh"),
        ("zh-Hant", "zh"),
        ("yue", "zh"),
        ("ja", "char"),
        ("ko", "char"),
        (None, "13a"),
    ],
)
def test_bleu_tokenizer_per_language(lang, tokenizer):
    assert bleu_tokenizer(lang) == tokenizer


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        score(["a"], ["a", "b"], ["fr"])

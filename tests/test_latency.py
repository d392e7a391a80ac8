"""AL, DAL, LAAL and normalised erasure on examples worked out by hand from the papers'
definitions (the arithmetic is written next to each expectation), with the edge cases: the
full sentence read first (k >= |x|), the tau cut-off, outputs that stop early, empty ones."""

import pytest

from rnnkit.translator.decoding.latency import (
    average_lagging,
    corpus_erasure,
    corpus_latency,
    differentiable_average_lagging,
    erased_tokens,
    length_adaptive_average_lagging,
    normalised_erasure,
    stable_delays,
)


def wait_k_delays(k, source_length, target_length):
    """g(i) = min(k + i - 1, |x|), Ma et al. 2019's schedule."""
    return [min(k + i - 1, source_length) for i in range(1, target_length + 1)]


def test_wait_2_on_equal_lengths():
    g = wait_k_delays(2, 4, 4)
    assert g == [2, 3, 4, 4]
    # r = 4/4 = 1; tau = 3 (g(3) = |x| = 4): ((2-0) + (3-1) + (4-2)) / 3 = 6/3
    assert average_lagging(g, 4) == pytest.approx(2.0)
    # gamma = 1: g' = 2, max(3, 3) = 3, max(4, 4) = 4, max(4, 5) = 5;
    # ((2-0) + (3-1) + (4-2) + (5-3)) / 4 = 8/4
    assert differentiable_average_lagging(g, 4) == pytest.approx(2.0)
    # |y*| = 8: r = max(4, 8)/4 = 2; ((2-0) + (3-0.5) + (4-1)) / 3 = 7.5/3
    assert length_adaptive_average_lagging(g, 4, 8) == pytest.approx(2.5)
    # |y*| = 2 < |y|: r = max(4, 2)/4 = 1, LAAL = AL
    assert length_adaptive_average_lagging(g, 4, 2) == pytest.approx(2.0)


@pytest.mark.parametrize("k", [5, 7, 100])
def test_wait_k_at_least_the_source_is_the_full_sentence(k):
    g = wait_k_delays(k, 5, 3)
    assert g == [5, 5, 5]
    # tau = 1: AL = g(1) - 0 = |x|
    assert average_lagging(g, 5) == pytest.approx(5.0)
    # 1/gamma = 5/3: g' = 5, 5 + 5/3, 5 + 10/3; minus (i-1) 5/3 each: 5, 5, 5 -> 15/3
    assert differentiable_average_lagging(g, 5) == pytest.approx(5.0)
    assert length_adaptive_average_lagging(g, 5, 9) == pytest.approx(5.0)


def test_tau_cuts_off_the_tokens_written_after_the_whole_source():
    g = [1, 1, 2, 3, 3, 3]  # |x| = 3, |y| = 6: r = 2, tau = 4
    # ((1-0) + (1-0.5) + (2-1) + (3-1.5)) / 4 = 4/4; tokens 5 and 6 do not count
    assert average_lagging(g, 3) == pytest.approx(1.0)
    # 1/gamma = 0.5: g' = 1, 1.5, 2, 3, 3.5, 4; minus 0, .5, 1, 1.5, 2, 2.5:
    # 1 + 1 + 1 + 1.5 + 1.5 + 1.5 = 7.5, / 6
    assert differentiable_average_lagging(g, 3) == pytest.approx(1.25)
    # |y*| = 12: r = 4; (1-0) + (1-0.25) + (2-0.5) + (3-0.75) = 5.5, / 4
    assert length_adaptive_average_lagging(g, 3, 12) == pytest.approx(1.375)


def test_an_output_that_stops_before_the_source_ends():
    # |x| = 4, |y| = 2, g never reaches |x|: tau = |y| = 2, r = 0.5
    # ((1-0) + (2-2)) / 2 = 0.5
    assert average_lagging([1, 2], 4) == pytest.approx(0.5)
    # 1/gamma = 2: g' = 1, max(2, 3) = 3; (1-0) + (3-2) = 2, / 2
    assert differentiable_average_lagging([1, 2], 4) == pytest.approx(1.0)


def test_empty_outputs_have_no_lag_and_are_left_out_of_means():
    assert average_lagging([], 3) is None
    assert differentiable_average_lagging([], 3) is None
    assert length_adaptive_average_lagging([], 3, 4) is None
    # the mean of AL 2 (the wait-2 example) alone; the empty sentence is counted apart
    result = corpus_latency([([2, 3, 4, 4], 4, 4), ([], 3, 5)])
    assert result == {"al": 2.0, "dal": 2.0, "laal": 2.0, "sentences": 2, "empty": 1}
    assert corpus_latency([([], 3, 5)])["al"] is None


def test_impossible_delays_are_refused():
    with pytest.raises(ValueError, match="must lie"):
        average_lagging([1, 5], 4)
    with pytest.raises(ValueError, match="must not decrease"):
        differentiable_average_lagging([2, 1], 4)
    with pytest.raises(ValueError, match="at least one word"):
        average_lagging([0], 0)


def test_erasure_counts_tokens_deleted_between_revisions():
    outputs = [["a"], ["a", "b"], ["c", "d"], ["c", "d", "e"]]
    # a -> a b: LCP 1, 1 - 1 = 0; a b -> c d: LCP 0, 2 erased; c d -> c d e: 0 erased
    assert erased_tokens(outputs) == 2
    assert normalised_erasure(outputs) == pytest.approx(2 / 3)
    # appending only (wait-k) never erases
    assert erased_tokens([["a"], ["a", "b"], ["a", "b", "c"]]) == 0
    # a shrinking output erases what it drops: a b c -> a: 2
    assert erased_tokens([["a", "b", "c"], ["a"]]) == 2
    # corpus: (2 + 2) erased over (3 + 1) final tokens
    assert corpus_erasure([outputs, [["a", "b", "c"], ["a"]]]) == pytest.approx(4 / 4)
    assert normalised_erasure([["x"], []]) == pytest.approx(1.0)  # over max(|final|, 1)
    assert corpus_erasure([[[]]]) == 0.0


def test_stable_delays_are_when_each_final_prefix_last_changed():
    revisions = [(1, ["a"]), (2, ["a", "b"]), (3, ["c", "d"]), (4, ["c", "d", "e"])]
    # "c" and "c d" are shown from word 3 on and never change; "c d e" appears at word 4
    assert stable_delays(revisions) == [3, 3, 4]
    # a prefix shown, changed, then shown again is stable only from its last appearance
    revisions = [(1, ["a"]), (2, ["b"]), (3, ["a"]), (4, ["a", "b"])]
    assert stable_delays(revisions) == [3, 4]
    # with a mask nothing is shown early: withheld tokens become stable when revealed
    revisions = [(1, []), (2, ["a"]), (3, ["a", "b"]), (3, ["a", "b", "c"])]
    assert stable_delays(revisions) == [2, 3, 3]
    # a stable re-translation is wait-1-like: each token at the word that first showed it
    revisions = [(1, ["a"]), (2, ["a", "b"]), (3, ["a", "b", "c"])]
    assert stable_delays(revisions) == [1, 2, 3]
    assert stable_delays([]) == []

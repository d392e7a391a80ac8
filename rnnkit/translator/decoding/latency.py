"""Latency and flicker of simultaneous translation, as the papers define them.

Every metric takes the delays g(i), i = 1..|y|: the number of source *words* read when target
token i was written (for re-translation, when it became final: see `stable_delays`), the
source length |x| in words and the output length |y| = len(delays) in target tokens.

    AL   Ma et al. 2019 (STACL), eq. 4:   AL = 1/tau * sum_{i=1..tau} [g(i) - (i-1)/r],
         r = |y|/|x|, tau = argmin_i {g(i) = |x|}: the first token written after the whole
         source was read (tau = |y| if none is). Ma et al. define r on the output y, which
         is what is used here (SimulEval's default takes the reference length instead).
    LAAL Papi et al. 2022: AL with r = max(|y|, |y*|)/|x|, |y*| the reference length, so
         that an output longer than the reference cannot lower its own lag.
    DAL  Cherry and Foster 2019: g'(1) = g(1), g'(i) = max(g(i), g'(i-1) + 1/gamma),
         gamma = |y|/|x|;  DAL = 1/|y| * sum_{i=1..|y|} [g'(i) - (i-1)/gamma]: every token
         counts, and each costs at least 1/gamma source words after the one before.
    NE   Arivazhagan et al. 2020, normalised erasure: over the successive outputs o_1..o_J
         shown for one sentence, NE = sum_{j=2..J} [|o_{j-1}| - |LCP(o_j, o_{j-1})|] / |o_J|,
         the target tokens deleted from the screen per token of the final output
         (`corpus_erasure` sums both over a corpus, as the paper reports it).

An empty output has no lag to measure (tau and r are undefined): AL, LAAL and DAL return None
for it, and `corpus_latency` averages over the sentences that have one, saying how many did.
"""

from collections.abc import Sequence


def _check(delays, source_length):
    if source_length < 1:
        raise ValueError(f"the source must have at least one word, got |x| = {source_length}")
    if any(not 0 <= g <= source_length for g in delays):
        raise ValueError(f"delays must lie in [0, |x| = {source_length}], got {list(delays)}")
    if any(b < a for a, b in zip(delays, delays[1:])):
        raise ValueError(f"delays must not decrease (a word once read stays read): {delays}")


def _lagging(delays, source_length, ratio):
    """sum_{i=1..tau} [g(i) - (i-1)/ratio] / tau with tau = argmin_i {g(i) = |x|}."""
    tau = next((i for i, g in enumerate(delays, start=1) if g >= source_length), len(delays))
    return sum(g - (i - 1) / ratio for i, g in enumerate(delays[:tau], start=1)) / tau


def average_lagging(delays: Sequence[float], source_length: int) -> float | None:
    """AL (Ma et al. 2019) in source words; None for an empty output."""
    _check(delays, source_length)
    if not delays:
        return None
    return _lagging(delays, source_length, len(delays) / source_length)


def length_adaptive_average_lagging(
    delays: Sequence[float], source_length: int, reference_length: int
) -> float | None:
    """LAAL (Papi et al. 2022): AL with r = max(|y|, |y*|)/|x|; None for an empty output."""
    _check(delays, source_length)
    if not delays:
        return None
    return _lagging(delays, source_length, max(len(delays), reference_length) / source_length)


def differentiable_average_lagging(delays: Sequence[float], source_length: int) -> float | None:
    """DAL (Cherry and Foster 2019) in source words; None for an empty output."""
    _check(delays, source_length)
    if not delays:
        return None
    step = source_length / len(delays)  # 1/gamma: source words per target token
    total, previous = 0.0, None
    for i, g in enumerate(delays, start=1):
        previous = g if previous is None else max(g, previous + step)  # g'(i)
        total += previous - (i - 1) * step
    return total / len(delays)


def erased_tokens(outputs: Sequence[Sequence]) -> int:
    """Tokens deleted from the screen over successive outputs o_1..o_J (lists of tokens):
    sum_{j>=2} |o_{j-1}| - |LCP(o_j, o_{j-1})|. Tokens appended never count."""
    erased = 0
    for before, after in zip(outputs, outputs[1:]):
        common = 0
        for a, b in zip(before, after):
            if a != b:
                break
            common += 1
        erased += len(before) - common
    return erased


def normalised_erasure(outputs: Sequence[Sequence]) -> float:
    """NE of one sentence: erased tokens / |final output| (0 when nothing was erased; an
    erasure that leaves an empty final output counts as that many tokens per one)."""
    erased = erased_tokens(outputs)
    return erased / max(len(outputs[-1]), 1) if outputs else 0.0


def corpus_erasure(histories: Sequence[Sequence[Sequence]]) -> float:
    """NE over a corpus: all erased tokens / all final output tokens (Arivazhagan et al.)."""
    erased = sum(erased_tokens(h) for h in histories)
    final = sum(len(h[-1]) for h in histories if h)
    return erased / final if final else 0.0


def stable_delays(revisions: Sequence[tuple[int, Sequence]]) -> list[int]:
    """Delays of re-translation: g(i) = source words read when the first i tokens of the final
    output were shown and never changed again (Arivazhagan et al. 2020's content delay: the
    time a token is last changed, i.e. first stable).

    revisions: (source words read, tokens shown) in order, the last being the final output.
    """
    if not revisions:
        return []
    final = list(revisions[-1][1])
    delays = [revisions[-1][0]] * len(final)
    # walk back: prefix i is stable since the earliest revision of an unbroken run of
    # revisions, ending at the last one, whose first i tokens equal the final output's
    for i in range(1, len(final) + 1):
        for words, shown in reversed(revisions):
            if list(shown[:i]) != final[:i]:
                break
            delays[i - 1] = words
    return delays


def corpus_latency(sentences):
    """Mean AL, DAL, LAAL over sentences given as (delays, |x|, |y*|) triples.

    Returns {"al", "dal", "laal", "sentences", "empty"}: `empty` sentences (no output) have
    no lag and are left out of the means (None when every output is empty)."""
    scores = {"al": [], "dal": [], "laal": []}
    empty = 0
    for delays, source_length, reference_length in sentences:
        if not delays:
            empty += 1
            continue
        scores["al"].append(average_lagging(delays, source_length))
        scores["dal"].append(differentiable_average_lagging(delays, source_length))
        scores["laal"].append(
            length_adaptive_average_lagging(delays, source_length, reference_length)
        )
    result = {k: (round(sum(v) / len(v), 3) if v else None) for k, v in scores.items()}
    return {**result, "sentences": len(sentences), "empty": empty}

"""Wait-k decoding (rnnkit/translator/decoding/simultaneous.py WaitKPolicy), `rnnkit translate
--stream --wait-k K` through a real pipe and `rnnkit evaluate --wait-k K`.

References: the full-sentence greedy translation (`Translator.translate`, beam 1) for k
beyond the sentence; for the first token, greedy translation of the first k words alone;
and causality: what was written after word j does not depend on the words after it."""

import json

import pytest
from serving import WORDS
from test_simultaneous import LANGS, stream_translate, trained  # noqa: F401 (its fixture)
from test_translator_cli import assert_one_line_error, run_cli

import rnnkit
from rnnkit.text import Vocabulary, WordTokenizer, language_tag
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.decoding.simultaneous import WaitKPolicy, make_policy, trace_sentence
from rnnkit.translator.model.seq2seq import ModelConfig, Seq2Seq

SOURCES = [
    "Tremblay hits a three from the corner , Raptors lead 54 - 50",
    "Mensah dunk",
    "rebound assist block quarter with 3:45 left .",
]


@pytest.fixture(scope="module", params=["bahdanau", "luong"])
def translator(request):
    """A unidirectional translator into LANGS with random weights."""
    vocab = Vocabulary.build([WORDS], reserved=[language_tag(code) for code in LANGS])
    rnnkit.manual_seed(2)
    config = ModelConfig(
        vocab_size=len(vocab),
        embed=8,
        hidden=8,
        dropout=0.0,
        bidirectional=False,
        attention=request.param,
    )
    return Translator(Seq2Seq(config), WordTokenizer(), vocab, LANGS)


@pytest.mark.parametrize("source", SOURCES)
def test_k_beyond_the_sentence_is_full_sentence_greedy_decoding(translator, source):
    words = len(source.split())
    full = translator.translate([source] * len(LANGS), LANGS, beam=1)
    for k in (words + 1, words + 5):
        traces = trace_sentence(WaitKPolicy(translator, LANGS, k), source)
        for trace, hyps in zip(traces, full):
            assert trace.text == hyps[0].text
            assert trace.revisions == [(words, hyps[0].tokens)]  # nothing before the end


@pytest.mark.parametrize("k", [1, 2, 3])
def test_the_first_token_is_greedy_on_the_first_k_words(translator, k):
    source = SOURCES[0]
    prefix = " ".join(source.split()[:k])
    expected = translator.translate([prefix] * len(LANGS), LANGS, beam=1, max_len_ratio=0.01)
    policy = WaitKPolicy(translator, LANGS, k)
    assert all(policy.read([w]) == [] for w in source.split()[: k - 1])
    revisions = policy.read([source.split()[k - 1]])
    for revision, hyps in zip(revisions, expected):
        if hyps[0].tokens:  # greedy's first token (unless it is <eos>, not allowed yet)
            assert revision.tokens == hyps[0].tokens[:1] and revision.words == k


@pytest.mark.parametrize("k", [1, 3])
def test_written_tokens_only_grow_and_never_depend_on_later_words(translator, k):
    words = SOURCES[0].split()
    other = words[:5] + ["Mensah", "dunk", "rebound"]  # the same first five words
    traces = trace_sentence(WaitKPolicy(translator, LANGS, k), " ".join(words))
    others = trace_sentence(WaitKPolicy(translator, LANGS, k), " ".join(other))
    for trace, changed in zip(traces, others):
        shown = trace.outputs
        assert all(b[: len(a)] == a for a, b in zip(shown, shown[1:]))  # appended, never erased
        # one token per word from the k-th on (the final revision writes the rest)
        partial = trace.revisions[:-1]
        assert [w for w, _ in partial] == list(range(k, len(words) + 1))
        assert [len(t) for _, t in partial] == list(range(1, len(words) - k + 2))
        assert trace.revisions[-1][1][: len(partial[-1][1])] == partial[-1][1]
        # what was written by the 5th word is the same whatever follows it
        assert dict(changed.revisions[: 5 - k + 1]) == dict(trace.revisions[: 5 - k + 1])
        assert trace.delays[: 6 - k] == list(range(k, 6))


def test_words_arriving_together_write_one_token_per_word(translator):
    words = SOURCES[0].split()
    one_by_one = trace_sentence(WaitKPolicy(translator, LANGS, 2), SOURCES[0])
    policy = WaitKPolicy(translator, LANGS, 2)
    assert policy.read(words[:1]) == []
    together = policy.read(words[1:4])  # words 2, 3, 4 at once: 3 tokens
    rest = policy.read(words[4:]) + policy.finish()
    for lang, trace, revision in zip(LANGS, one_by_one, together):
        assert revision.lang == lang and revision.words == 4
        assert revision.tokens == trace.revisions[2][1]  # the same as after the 4th word alone
        assert [r for r in rest if r.lang == lang][-1].tokens == trace.revisions[-1][1]


def test_bad_k_is_one_clear_error(translator):
    from rnnkit.errors import ConfigError

    with pytest.raises(ConfigError, match="--wait-k must be 1 or more"):
        make_policy(translator, LANGS, wait_k=0)
    assert isinstance(make_policy(translator, LANGS, wait_k=3, beam=5), WaitKPolicy)


# --- the command line, with a trained (bidirectional, full-sentence) model -------------------
def test_stream_wait_k_writes_the_first_word_before_the_sentence_ends(trained):  # noqa: F811
    model_dir, _ = trained
    source = "Tremblay hits a three from the corner"
    process, next_line = stream_translate(model_dir, "--wait-k", "2", "--json")
    try:
        words = source.split()
        for word in words[:2]:
            process.stdin.write(word + "\n")
            process.stdin.flush()
        # after the 2nd of 7 words, before the rest is said: one token in each language
        first = [json.loads(next_line()) for _ in LANGS]
        assert [(e["lang"], e["words"], e["final"]) for e in first] == [
            ("fr", 2, False),
            ("ar", 2, False),
        ]
        assert all(e["text"] for e in first)
        for word in words[2:]:
            process.stdin.write(word + "\n")
            process.stdin.flush()
        process.stdin.write("\n")
        process.stdin.close()
        events = []
        while not (events and events[-1]["final"] and events[-1]["lang"] == "ar"):
            events.append(json.loads(next_line()))
        assert [e["words"] for e in events if not e["final"]] == [3, 3, 4, 4, 5, 5, 6, 6, 7, 7]
        assert process.wait(60) == 0
    finally:
        process.kill()


def test_evaluate_wait_k_reports_latency_per_language(trained, capsys):  # noqa: F811
    model_dir, dev = trained
    base = ["evaluate", "--model-dir", str(model_dir), "--data", str(dev), "--json"]
    code, out, _ = run_cli([*base, "--wait-k", "2"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["policy"]["wait_k"] == 2
    for lang in LANGS:
        stats = result["per_language"][lang]
        assert stats["erasure"] == 0  # wait-k only appends
        # each token written about k words after its position: far below full-sentence
        # AL (= |x|) on these sentences of ~8 words; the exact metrics: test_latency.py
        assert 1 <= stats["al"] < 6 and stats["laal"] >= stats["al"] and stats["dal"] >= 1
    code, _, err = run_cli([*base, "--wait-k", "0"], capsys)
    assert_one_line_error(code, err, "--wait-k must be 1 or more")


def test_the_default_policy_is_the_model_s_own(translator):
    # A full-sentence model re-translates; one trained with --wait-k K is decoded wait-k K.
    from rnnkit.translator.decoding.simultaneous import RetranslationPolicy, default_policy

    assert isinstance(make_policy(translator, LANGS), RetranslationPolicy)
    assert isinstance(make_policy(translator, LANGS, mask=2), RetranslationPolicy)
    config = ModelConfig(**{**translator.model.config.to_dict(), "wait_k": 2})
    waitk = Translator(Seq2Seq(config), translator.tokenizer, translator.vocab, LANGS)
    chosen = default_policy(waitk, LANGS, beam=5)
    assert isinstance(chosen, WaitKPolicy) and chosen.k == 2
    assert isinstance(make_policy(waitk, LANGS), WaitKPolicy)
    assert isinstance(make_policy(waitk, LANGS, retranslate=True), RetranslationPolicy)
    assert make_policy(waitk, LANGS, wait_k=4).k == 4


def test_a_line_into_every_language_is_tokenised_once(translator, monkeypatch):
    calls = []
    tokenize = translator.tokenizer.tokenize
    monkeypatch.setattr(translator.tokenizer, "tokenize", lambda t: calls.append(t) or tokenize(t))
    line = SOURCES[0]
    found = translator.translate([line] * len(LANGS), LANGS, beam=2)
    assert calls == [line]
    monkeypatch.undo()
    assert [h[0].text for h in found] == [
        translator.translate([line], [lang], beam=2)[0][0].text for lang in LANGS
    ]

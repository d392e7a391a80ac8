"""Re-translation word by word (rnnkit/translator/decoding/simultaneous.py), `rnnkit translate
--stream` through a real pipe and `rnnkit evaluate --retranslate`.

The reference for every revision is the plain `Translator.translate` of the source prefix
read so far; the final output must be exactly the full-sentence translation, so BLEU of
`evaluate --retranslate` equals BLEU of `evaluate` at the same beam."""

import json
import subprocess
import sys
import threading

import pytest
from serving import tiny_translator
from test_serve_games import slotted_model  # noqa: F401 (a fixture: a slot-trained model)
from test_translator_cli import TINY, assert_one_line_error, run_cli

from rnnkit.cli.main import main
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.translator.decoding.inference import Translator
from rnnkit.translator.decoding.latency import average_lagging, erased_tokens, stable_delays
from rnnkit.translator.decoding.simultaneous import RetranslationPolicy, make_policy, trace_sentence

LANGS = ["fr", "ar"]
SOURCE = "Tremblay hits a three from the corner , Raptors lead 54 - 50"


@pytest.fixture(scope="module")
def translator():
    return tiny_translator(LANGS).inner


def prefix_translations(translator, source, langs, **options):
    """[(words read, {lang: Translation})] for every prefix of `source`, straight from
    Translator.translate: what a re-translation policy must show."""
    words = source.split()
    found = []
    for n in range(1, len(words) + 1):
        prefix = " ".join(words[:n])
        hyps = translator.translate([prefix] * len(langs), langs, **options)
        found.append((n, {lang: h[0] for lang, h in zip(langs, hyps)}))
    return found


@pytest.mark.parametrize("mask", [0, 1, 3])
def test_each_revision_is_the_prefix_translation_less_the_mask(translator, mask):
    policy = RetranslationPolicy(translator, LANGS, mask=mask, beam=1)
    expected = prefix_translations(translator, SOURCE, LANGS, beam=1)
    shown = {lang: [] for lang in LANGS}
    for word, (n, translations) in zip(SOURCE.split(), expected):
        got = {r.lang: r for r in policy.read([word])}
        for lang in LANGS:
            tokens = translations[lang].tokens
            keep = tokens[: max(0, len(tokens) - mask)]
            if keep == shown[lang]:
                assert lang not in got  # an unchanged screen is not sent again
                continue
            shown[lang] = keep
            revision = got[lang]
            assert (revision.tokens, revision.words, revision.final) == (keep, n, False)
            if mask == 0:
                assert revision.text == translations[lang].text
            else:  # the first tokens of the same translation, as text
                pieces = translator.vocab.decode(keep)
                assert revision.text == translator.tokenizer.detokenize(pieces)
    finals = policy.finish()
    full = translator.translate([SOURCE] * 2, LANGS, beam=1)
    assert [(r.lang, r.text, r.final, r.words) for r in finals] == [
        (lang, hyps[0].text, True, len(SOURCE.split())) for lang, hyps in zip(LANGS, full)
    ]
    assert policy.words == []  # ready for the next sentence


def test_words_arriving_together_are_one_batched_pass(translator):
    calls = []

    class Counting:
        def __init__(self, inner):
            self.inner, self.tokenizer, self.vocab = inner, inner.tokenizer, inner.vocab

        def translate(self, sources, langs, **options):
            calls.append((list(sources), list(langs)))
            return self.inner.translate(sources, langs, **options)

    policy = RetranslationPolicy(Counting(translator), LANGS, beam=1)
    policy.read(["Tremblay", "hits", "a"])
    policy.read(["three"])
    assert calls == [
        (["Tremblay hits a"] * 2, LANGS),
        (["Tremblay hits a three"] * 2, LANGS),
    ]
    assert policy.read([]) == [] and len(calls) == 2  # nothing arrived: nothing to do


def test_trace_gives_the_erasure_and_delays_of_the_prefix_translations(translator):
    traces = trace_sentence(RetranslationPolicy(translator, LANGS, beam=1), SOURCE)
    expected = prefix_translations(translator, SOURCE, LANGS, beam=1)
    n_words = len(SOURCE.split())
    for lang, trace in zip(LANGS, traces):
        outputs = [[]] + [t[lang].tokens for _, t in expected]  # nothing shown at first
        assert erased_tokens(trace.outputs) == erased_tokens(outputs)
        revisions = [(n, t[lang].tokens) for n, t in expected] + [
            (n_words, expected[-1][1][lang].tokens)
        ]
        assert trace.delays == stable_delays(revisions)
        assert trace.text == expected[-1][1][lang].text


def test_a_mask_longer_than_any_output_shows_only_the_final(translator):
    traces = trace_sentence(RetranslationPolicy(translator, LANGS, mask=1000, beam=1), SOURCE)
    n_words = len(SOURCE.split())
    for trace in traces:
        assert len(trace.revisions) == 1  # the final one, after the last word
        assert erased_tokens(trace.outputs) == 0
        if trace.delays:  # like a full-sentence system: every token at |x|, AL = |x|
            assert set(trace.delays) == {n_words}
            assert average_lagging(trace.delays, n_words) == n_words


def test_wait_k_and_bad_masks_are_one_clear_error(translator):
    from rnnkit.errors import ConfigError

    with pytest.raises(ConfigError, match="--wait-k must be 1 or more"):
        make_policy(translator, LANGS, wait_k=0)
    with pytest.raises(ConfigError, match="--mask must be 0 or more"):
        make_policy(translator, LANGS, mask=-1)


# --- the command line, with a trained model --------------------------------------------------
@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("simul")
    for split, n in (("train", 160), ("dev", 12)):
        write_tsv(root / f"{split}.tsv", generate_corpus(n, split=split, languages=LANGS, seed=3))
    model_dir = root / "model"
    args = ["train", "--data", str(root / "train.tsv"), "--valid", str(root / "dev.tsv")]
    assert main([*args, "--model-dir", str(model_dir), "--max-steps", "6", *TINY]) == 0
    return model_dir, root / "dev.tsv"


def _reader(stream):
    """Lines of `stream` handed over one at a time (a hang guard of 60 s, not a timing)."""
    import queue

    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in stream], daemon=True).start()
    return lambda: lines.get(timeout=60)


def stream_translate(model_dir, *options):
    """`rnnkit translate --stream` of `model_dir` into fr and ar with `options`, fed through a
    pipe: (the process, a function that returns its next stdout line)."""
    command = [sys.executable, "-m", "rnnkit", "translate", "--model-dir", str(model_dir)]
    process = subprocess.Popen(
        [*command, "--to", ",".join(LANGS), "--stream", *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, _reader(process.stdout)


def test_stream_writes_the_first_revision_before_the_sentence_ends(trained):
    model_dir, _ = trained
    translator = Translator.load(model_dir)
    # a sentence whose first word already translates to something in some language
    candidates = ["Mensah makes a dunk", "Tremblay hits a three", "The Raptors lead by two"]
    source, first = next(
        (s, found[0][1])
        for s in candidates
        if any(
            (found := prefix_translations(translator, s, LANGS, beam=1))[0][1][x].tokens
            for x in LANGS
        )
    )
    process, next_line = stream_translate(model_dir, "--beam", "1", "--retranslate")
    try:
        words = source.split()
        process.stdin.write(words[0] + "\n")
        process.stdin.flush()
        # the first word's revisions arrive while the rest of the sentence is unsaid
        for lang in LANGS:
            if first[lang].tokens:
                assert next_line() == f"{lang}\tpartial\t{first[lang].text}\n"
        for word in words[1:]:
            process.stdin.write(word + "\n")
            process.stdin.flush()
        process.stdin.write("\n")  # the sentence ends
        process.stdin.close()
        rest = []
        while not (rest and rest[-1].startswith("ar\tfinal")):
            rest.append(next_line())
        full = translator.translate([source] * 2, LANGS, beam=1)
        assert rest[-2:] == [f"{lang}\tfinal\t{h[0].text}\n" for lang, h in zip(LANGS, full)]
        assert all("\tpartial\t" in line for line in rest[:-2])
        assert process.wait(60) == 0
    finally:
        process.kill()


def test_stream_json_events_and_several_sentences(trained, capsys, monkeypatch):
    model_dir, _ = trained
    stdin = b"Mensah makes\na dunk\n\n\nTremblay\nhits a three\n"  # the end ends it too
    code, out, _ = run_cli(
        [
            "translate",
            "--model-dir",
            str(model_dir),
            "--to",
            "fr",
            "--beam",
            "1",
            "--stream",
            "--json",
        ],
        capsys,
        stdin=stdin,
        monkeypatch=monkeypatch,
    )
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    translator = Translator.load(model_dir)
    finals = [e for e in events if e["final"]]
    assert [(e["sentence"], e["words"]) for e in finals] == [(0, 4), (1, 4)]
    for event, source in zip(finals, ["Mensah makes a dunk", "Tremblay hits a three"]):
        assert event["text"] == translator.translate([source], ["fr"], beam=1)[0][0].text
    partial_words = [e["words"] for e in events if not e["final"]]
    assert set(partial_words) <= {2, 4, 1}  # revisions come at each arriving line


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["--stream", "--wait-k", "0"], ["--wait-k must be 1 or more"]),
        (["--retranslate"], ["--retranslate works only with --stream"]),
        (["--mask", "2"], ["--mask works only with --stream"]),
        (["--stream", "--mask", "-1"], ["--mask must be 0 or more"]),
        (["--stream", "--retranslate", "--wait-k", "2"], ["choose one policy"]),
        (["--stream", "--output", "x.txt"], ["drop --output"]),
        (["--stream", "--max-chars", "20"], ["<stdin>:2", "grown beyond --max-chars 20"]),
    ],
)
def test_stream_option_errors_are_one_line(trained, capsys, monkeypatch, args, fragments):
    model_dir, _ = trained
    code, _, err = run_cli(
        ["translate", "--model-dir", str(model_dir), "--to", "fr", "--beam", "1", *args],
        capsys,
        stdin=b"Mensah makes a\ndunk from the\ncorner again\n",
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, *fragments)


def test_evaluate_retranslate_reports_latency_and_the_full_sentence_bleu(trained, capsys):
    model_dir, dev = trained
    base = ["evaluate", "--model-dir", str(model_dir), "--data", str(dev), "--beam", "1"]
    code, out, _ = run_cli([*base, "--json"], capsys)
    assert code == 0
    plain = json.loads(out)
    code, out, _ = run_cli([*base, "--json", "--retranslate"], capsys)
    assert code == 0
    simul = json.loads(out)
    # the final output of re-translation is the full-sentence translation
    for lang in LANGS:
        assert simul["per_language"][lang]["bleu"] == plain["per_language"][lang]["bleu"]
        assert simul["per_language"][lang]["chrf"] == plain["per_language"][lang]["chrf"]
    # AL of French from the latency functions over the plain prefix translations
    translator = Translator.load(model_dir)
    lines = [x.split("\t") for x in dev.read_text(encoding="utf-8").splitlines()]
    lags = []
    for _lang, source, _ in (x for x in lines if x[0] == "fr"):
        found = prefix_translations(translator, source, ["fr"], beam=1)
        revisions = [(n, t["fr"].tokens) for n, t in found]
        delays = stable_delays(revisions + [revisions[-1]])
        if delays:
            lags.append(average_lagging(delays, len(source.split())))
    assert simul["per_language"]["fr"]["al"] == pytest.approx(sum(lags) / len(lags), abs=1e-3)
    assert simul["policy"] == {"retranslate": {"mask": 0}, "wait_k": None}
    for key in ("al", "dal", "laal", "erasure"):
        assert key in simul and all(key in v for v in simul["per_language"].values())
    # a mask longer than any output: no erasure, every token at the end
    code, out, _ = run_cli([*base, "--json", "--retranslate", "--mask", "1000"], capsys)
    masked = json.loads(out)
    assert masked["erasure"] == 0
    code, out, _ = run_cli([*base, "--retranslate"], capsys)  # the tables, for people
    assert code == 0 and "erasure" in out and "LAAL" in out


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["--retranslate", "--wait-k", "3"], ["choose one policy"]),
        (["--mask", "2"], ["--mask works only with --retranslate"]),
        (["--retranslate", "--mask", "-2"], ["--mask must be 0 or more"]),
    ],
)
def test_evaluate_policy_errors_are_one_line(trained, capsys, args, fragments):
    model_dir, dev = trained
    base = ["evaluate", "--model-dir", str(model_dir), "--data", str(dev), "--beam", "1"]
    code, _, err = run_cli([*base, *args], capsys)
    assert_one_line_error(code, err, *fragments)


def test_wait_k_on_a_slotted_model_reads_and_writes_slots(slotted_model, monkeypatch):  # noqa: F811
    """A model trained on slotted text reads names and numbers as slots under wait-k too
    (as `translate` does), and writes them out: the encoder never sees the raw name, a slot
    token the decoder writes is shown as the name, and no revision shows a slot token."""
    from rnnkit.cli.arguments import slot_policy
    from rnnkit.translator.decoding import simultaneous

    translator = Translator.load(slotted_model, slots=slot_policy())
    read = []
    encode = simultaneous.encode_source
    monkeypatch.setattr(
        simultaneous,
        "encode_source",
        lambda source, *rest: read.append(source) or encode(source, *rest),
    )
    policy = simultaneous.WaitKPolicy(translator, ["fr", "zh"], 2)
    line = "Tremblay hits a three-pointer, the Raptors lead 54 to 50"
    revisions = [r for word in line.split() for r in policy.read([word])]
    assert read and not any("Tremblay" in source or "54" in source for source in read)
    assert policy._partial_text([translator.vocab["｟P1｠"]], "fr") == "Tremblay"
    revisions += policy.finish()
    assert len(revisions) > 2 and not any("｟" in r.text for r in revisions)

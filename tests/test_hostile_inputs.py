"""Hostile and careless inputs (issue 15, sections 3 and 4): memory and time stay bounded by
what the user asked for, and every bad option or file is one line naming it, exit 2, with
nothing written.

Whatever could eat memory before its fix runs in a subprocess under an address-space limit
(RLIMIT_AS), so that a regression fails fast instead of taking the machine down.
"""

import json
import math
import os
import re
import resource
import struct
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rnnkit
from rnnkit.cli.main import main
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.errors import ConfigError, DataError
from rnnkit.nn import init
from rnnkit.text import EOS_INDEX, SentencePieceTokenizer, load_tokenizer, read_parallel
from rnnkit.translator.model.seq2seq import MAX_PARAMETERS, ModelConfig, Seq2Seq
from rnnkit.translator.training.config import TrainConfig, build_config

PACKAGE_ROOT = Path(rnnkit.__file__).resolve().parents[1]
MEMORY_LIMIT = 2 << 30  # bytes of address space for a subprocess: ample for a tiny model
TINY = ["--cell", "gru", "--embed", "16", "--hidden", "16", "--batch-size", "16", "--quiet"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    examples = generate_corpus(120, split="train", languages=["fr", "zh"], seed=1)
    write_tsv(root / "train.tsv", examples)
    return root


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("run") / "model"
    args = ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(model_dir)]
    assert main([*args, "--max-steps", "2", *TINY]) == 0
    return model_dir


@pytest.fixture(scope="module")
def trained_spm(corpus, tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("run") / "spm"
    args = ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(model_dir)]
    tokenizer = ["--tokenizer", "sentencepiece", "--vocab-size", "400"]
    assert main([*args, *tokenizer, "--max-steps", "1", *TINY]) == 0
    return model_dir


class _Stdin:
    def __init__(self, data):
        import io

        self.buffer = io.BytesIO(data)


def run_cli(args, capsys, monkeypatch=None, stdin=b""):
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *fragments):
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def run_limited(args, stdin=b"", code=None):
    """`python -m rnnkit ARGS` (or `python -c CODE`) in a subprocess whose address space is
    capped at MEMORY_LIMIT; returns the CompletedProcess (text output)."""

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "rnnkit", *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PACKAGE_ROOT), *sys.path[1:]])}
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        preexec_fn=limit_memory,
        env=env,
        timeout=300,
    )


def assert_one_line_failure(result, *fragments):
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err[-2000:]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err[-2000:]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# --- 3. memory and time bounded -------------------------------------------------------------
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_training_on_dev_zero_stops_at_the_first_overlong_line(tmp_path):
    result = run_limited(["train", "--data", "/dev/zero", "--model-dir", str(tmp_path / "m")])
    assert_one_line_failure(result, "/dev/zero:1", "longer than", "--max-chars")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_translating_dev_zero_stops_at_the_first_overlong_line(trained, tmp_path):
    out = tmp_path / "out.txt"
    args = ["translate", "--model-dir", str(trained), "--input", "/dev/zero"]
    result = run_limited([*args, "--output", str(out)])
    assert_one_line_failure(result, "/dev/zero:1", "--max-chars")
    assert not out.exists(), "the output was created although no line could be read"
    stdin = b"the Raptors lead\n" + b"x" * 50_000 + b"\n"
    result = run_limited(["translate", "--model-dir", str(trained), "--to", "fr"], stdin=stdin)
    assert_one_line_failure(result, "<stdin>:2", "--max-chars")
    assert len(result.stdout.splitlines()) == 1  # the good line before it was translated


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_evaluating_and_skipping_on_dev_zero_are_bounded(trained):
    result = run_limited(["evaluate", "--model-dir", str(trained), "--data", "/dev/zero"])
    assert_one_line_failure(result, "/dev/zero:1", "--max-chars")
    # Skipping bad lines reads past an overlong line in chunks, but not forever.
    code = (
        "from rnnkit.errors import DataError\n"
        "from rnnkit.text import read_parallel\n"
        "try:\n"
        "    list(read_parallel('/dev/zero', skip_bad=True))\n"
        "except DataError as error:\n"
        "    print(error)\n"
    )
    result = run_limited([], code=code)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert "/dev/zero:1: no line end in the first 64 MiB" in result.stdout.decode()


def test_an_overlong_line_is_skipped_in_bounded_chunks_and_reading_goes_on(tmp_path):
    path = tmp_path / "train.tsv"
    path.write_bytes(b"a\tb\n" + b"x" * 300_000 + b"\ty\n" + b"c\td\n")
    corpus = read_parallel(path, skip_bad=True, max_chars=10)
    assert [(e.source, e.line) for e in corpus] == [("a", 1), ("c", 3)]
    assert corpus.summary.skipped == {"too long": 1}
    with pytest.raises(DataError, match=r"train\.tsv:2: the line is longer than .*--max-chars"):
        list(read_parallel(path, max_chars=10))


def test_a_line_of_two_long_multibyte_sides_is_not_mistaken_for_an_overlong_one(tmp_path):
    path = tmp_path / "train.tsv"
    source, target = "\u0b85" * 10, "\u4e2d" * 10  # Tamil and Chinese: 3 bytes a character
    path.write_text(f"ta\t{source}\t{target}\n", encoding="utf-8")
    assert [(e.source, e.target) for e in read_parallel(path, max_chars=10)] == [(source, target)]


def never_ending_model():
    """A tiny untrained model whose <eos> logit is pushed down: it never stops by itself."""
    rnnkit.manual_seed(3)
    model = Seq2Seq(ModelConfig(vocab_size=12, embed=6, hidden=5, dropout=0.0))
    model.output.bias.data[EOS_INDEX] = -1e4
    return model


def test_decoding_length_is_capped_absolutely_whatever_is_asked():
    from rnnkit.translator.decoding.search import MAX_OUTPUT_LEN, beam_search, max_lengths

    model = never_ending_model()
    src, lengths = numpy.array([[4], [5], [6]]), numpy.array([3])
    found = beam_search(model, src, lengths, beam_size=2, max_len=MAX_OUTPUT_LEN + 500)
    assert len(found[0][0].tokens) == MAX_OUTPUT_LEN
    assert found[0][0].attention.shape == (MAX_OUTPUT_LEN, 3)
    assert list(max_lengths([3, 400], max_len_ratio=1e300)) == [MAX_OUTPUT_LEN] * 2
    assert list(max_lengths([3, 400], max_len_ratio=2.0)) == [11, 805]  # 2 * length + 5
    for ratio in (-1.0, 0.0, math.nan, math.inf):
        with pytest.raises(ValueError, match="max_len_ratio"):
            max_lengths([3], max_len_ratio=ratio)


def png_size(path):
    """(width, height) in pixels, from the PNG's IHDR chunk."""
    header = Path(path).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_attention_plot_of_a_very_long_sentence_is_capped(tmp_path):
    path = tmp_path / "attention.png"
    code = (
        "import numpy\n"
        "from rnnkit.translator.training import plots\n"
        "weights = numpy.full((900, 1000), 1 / 1000)\n"
        "source = [f's{i}' for i in range(1000)]\n"
        "target = [f't{i}' for i in range(900)]\n"
        f"plots.attention_heatmap(source, target, weights, {str(path)!r})\n"
    )
    result = run_limited([], code=code)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    width, height = png_size(path)
    assert width <= 3000 and height <= 3000, (width, height)


def test_the_attention_plot_picks_a_short_dev_pair():
    from rnnkit.text import WordTokenizer
    from rnnkit.translator.formats.data import Corpus
    from rnnkit.translator.training.plots import MAX_PLOT_TOKENS, _plot_pair

    long_side = " ".join(["word"] * (2 * MAX_PLOT_TOKENS))
    corpus = Corpus(
        sources=[long_side, "a short line", "another"],
        targets=["une ligne", "une ligne courte", "une autre"],
        langs=["fr"] * 3,
    )
    assert _plot_pair(corpus, WordTokenizer()) == 1
    only_long = Corpus(sources=[long_side], targets=["x"], langs=["fr"])
    assert _plot_pair(only_long, WordTokenizer()) == 0  # drawn, cut to MAX_PLOT_TOKENS


@pytest.mark.parametrize(
    "field, value, fragment",
    [
        ("hidden", 10**9, "model hidden must be at most 16,384"),
        ("vocab_size", 10**9, "model vocab_size must be at most 1,000,000"),
        ("embed", 10**9, "model embed must be at most 16,384"),
        ("layers", 1000, "model layers must be at most 32"),
        ("vocab_size", 300_000, "parameters, more than 250,000,000"),  # 300k x 1024 embed
    ],
)
def test_model_sizes_are_bounded_before_anything_is_allocated(field, value, fragment):
    settings = {"vocab_size": 100, "embed": 1024, "hidden": 16, field: value}
    with pytest.raises(ConfigError, match=re.escape(fragment)):
        ModelConfig.from_dict(settings)


@pytest.mark.parametrize("cell", ["rnn", "sgru", "gru", "lstm"])
@pytest.mark.parametrize("attention", ["bahdanau", "luong", "none"])
def test_parameter_count_is_what_the_model_allocates(cell, attention):
    for layers, bidirectional, feed, tie, embed in [
        (1, True, True, False, 6),
        (3, False, False, True, 6),
        (2, True, True, True, 7),  # tied, hidden == embed: no projection
    ]:
        config = ModelConfig(
            vocab_size=23,
            cell=cell,
            layers=layers,
            embed=embed,
            hidden=7,
            bidirectional=bidirectional,
            attention=attention,
            input_feeding=feed,
            tie_embeddings=tie,
        )
        built = sum(p.data.size for p in Seq2Seq(config).parameters())
        assert config.parameter_count() == built


def test_a_huge_config_json_is_refused_before_allocating(trained, tmp_path):
    import shutil

    model_dir = tmp_path / "huge"
    shutil.copytree(trained, model_dir)
    config = json.loads((model_dir / "config.json").read_text())
    config["model"]["hidden"] = 10**9
    (model_dir / "config.json").write_text(json.dumps(config))
    result = run_limited(["translate", "--model-dir", str(model_dir)], stdin=b"the cat\n")
    assert_one_line_failure(result, "hidden must be at most 16,384")


# --- 4. one line, exit 2, nothing written -----------------------------------------------------
def train_args(corpus, model_dir, *extra):
    return [
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--model-dir",
        str(model_dir),
        "--max-steps",
        "1",
        *TINY,
        *extra,
    ]


FLOAT_OPTIONS = [
    f.name.replace("_", "-") for f in TrainConfig.__dataclass_fields__.values() if f.type is float
]


def test_every_float_option_is_covered():
    assert {"lr", "clip", "time-budget", "target-loss", "dropout", "label-smoothing"} <= set(
        FLOAT_OPTIONS
    )


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
@pytest.mark.parametrize("option", FLOAT_OPTIONS)
def test_non_finite_training_options_are_refused(option, value, corpus, tmp_path, capsys):
    model_dir = tmp_path / "m"
    code, _, err = run_cli(train_args(corpus, model_dir, f"--{option}={value}"), capsys)
    assert_one_line_error(code, err, option.replace("-", "_"), "finite")
    assert not model_dir.exists()


def test_non_finite_yaml_values_are_refused(corpus, tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text("lr: .nan\n")
    model_dir = tmp_path / "m"
    code, _, err = run_cli(train_args(corpus, model_dir, "--config", str(config)), capsys)
    assert_one_line_error(code, err, "lr must be a finite number")
    assert not model_dir.exists()


@pytest.mark.parametrize(
    "options, fragments",
    [
        (["--seed", "-1"], ["seed must not be negative; got -1"]),
        (["--embed", "1000000000"], ["embed must be at most 16,384"]),
        (["--hidden", "1000000000"], ["hidden must be at most 16,384"]),
        (["--vocab-size", "1000000000"], ["vocab_size must be at most 1,000,000"]),
        (
            ["--vocab-size", "4"],
            ["vocab_size must be at least 5 (the 4 special tokens and a word); got 4"],
        ),
        (["--vocab-size", "1000000", "--embed", "2048"], ["parameters", "lower vocab_size"]),
        (["--max-chars", "0"], ["max_chars must be at least 1"]),
        (["--max-chars", "1000000000"], ["max_chars must be at most 100,000"]),
        (["--valid-beam", "1000000"], ["valid_beam must be at most 100"]),
    ],
)
def test_bad_training_options_are_one_line_before_anything_is_written(
    options, fragments, corpus, tmp_path, capsys
):
    model_dir = tmp_path / "m"
    code, _, err = run_cli(train_args(corpus, model_dir, *options), capsys)
    assert_one_line_error(code, err, *fragments)
    assert not model_dir.exists()


def test_vocab_size_must_leave_room_for_the_language_tags(corpus, tmp_path, capsys):
    code, _, err = run_cli(train_args(corpus, tmp_path / "m", "--vocab-size", "5"), capsys)
    assert_one_line_error(code, err, "--vocab-size 5", "2 target languages", "at least 7")
    assert not (tmp_path / "m").exists()


def test_sentencepiece_vocab_size_too_small_is_one_line(corpus, tmp_path, capsys):
    args = train_args(corpus, tmp_path / "m", "--tokenizer", "sentencepiece", "--vocab-size", "10")
    code, _, err = run_cli(args, capsys)
    assert_one_line_error(code, err, "vocab_size 10 is too small for sentencepiece", "--vocab-size")
    needed = int(re.search(r"at least (\d+) pieces", err).group(1))
    assert needed > 10
    assert not (tmp_path / "m").exists()


def test_nel_and_other_unicode_whitespace_with_sentencepiece(corpus, tmp_path, capsys):
    lines = (corpus / "train.tsv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(" ", " a\u0085b ", 1)
    lines[5] = lines[5].replace(" ", "\u2028", 1)
    data = tmp_path / "nel.tsv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    model_dir = tmp_path / "m"
    args = ["train", "--data", str(data), "--model-dir", str(model_dir), "--max-steps", "1"]
    code, _, err = run_cli(
        [*args, "--tokenizer", "sentencepiece", "--vocab-size", "400", *TINY], capsys
    )
    assert code == 0, err
    tokenizer = load_tokenizer(model_dir / "tokenizer")
    pieces = tokenizer.tokenize("the a\u0085b\u2028game")
    assert not any(c.isspace() for piece in pieces for c in piece), pieces
    assert tokenizer.tokenize("a\u0085b") == tokenizer.tokenize("a b")


@pytest.mark.parametrize(
    "config, fragment",
    [
        ({"kind": ["word"]}, "unknown tokenizer kind ['word']"),
        ({"kind": 5}, "unknown tokenizer kind 5"),
        ({"kind": None}, "unknown tokenizer kind None"),
        ([], 'expected a JSON object with "kind"'),
        ("word", 'expected a JSON object with "kind"'),
        (None, 'expected a JSON object with "kind"'),
        ({}, 'expected a JSON object with "kind"'),
        ({"kind": "word", "lowercase": "yes"}, "lowercase of the word tokenizer must be a bool"),
        ({"kind": "word", "lowercase": 1}, "lowercase of the word tokenizer must be a bool"),
    ],
)
def test_tokenizer_json_of_the_wrong_shape(
    config, fragment, trained, tmp_path, capsys, monkeypatch
):
    import shutil

    model_dir = tmp_path / "m"
    shutil.copytree(trained, model_dir)
    (model_dir / "tokenizer" / "tokenizer.json").write_text(json.dumps(config))
    with pytest.raises(DataError, match=re.escape(fragment)):
        load_tokenizer(model_dir / "tokenizer")
    args = ["translate", "--model-dir", str(model_dir)]
    code, _, err = run_cli(args, capsys, monkeypatch, stdin=b"the cat\n")
    assert_one_line_error(code, err, "tokenizer.json", fragment)


@pytest.mark.parametrize(
    "content, fragment",
    [(b"", "the sentencepiece model is empty"), (b"\x00\x01garbage", "not a sentencepiece model")],
)
def test_empty_or_corrupt_spm_model(content, fragment, trained_spm, tmp_path, capsys, monkeypatch):
    import shutil

    model_dir = tmp_path / "m"
    shutil.copytree(trained_spm, model_dir)
    (model_dir / "tokenizer" / "spm.model").write_bytes(content)
    args = ["translate", "--model-dir", str(model_dir), "--to", "fr"]
    code, _, err = run_cli(args, capsys, monkeypatch, stdin=b"the cat\n")
    assert_one_line_error(code, err, "spm.model", fragment)
    with pytest.raises(ValueError, match="empty"):
        SentencePieceTokenizer(b"")


def test_the_too_long_hint_names_an_option_that_exists(trained, tmp_path, capsys, monkeypatch):
    path = tmp_path / "test.tsv"
    path.write_text("fr\tthe Raptors lead by twelve points\tles Raptors mènent\n")
    with pytest.raises(DataError) as error:
        list(read_parallel(path, max_chars=10))
    option = re.search(r"raise (--[a-z-]+)", str(error.value)).group(1)
    for command in ("train", "translate", "evaluate"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert option in capsys.readouterr().out, command
    assert build_config(overrides={"max_chars": 20}).max_chars == 20
    # Decoding commands honour it both ways.
    evaluate = ["evaluate", "--model-dir", str(trained), "--data", str(path)]
    code, _, err = run_cli([*evaluate, "--max-chars", "10"], capsys)
    assert_one_line_error(code, err, "test.tsv:1", "max_chars=10", "--max-chars")
    code, out, _ = run_cli([*evaluate, "--max-chars", "100", "--json"], capsys)
    assert code == 0 and json.loads(out)["per_language"]["fr"]["sentences"] == 1
    translate = ["translate", "--model-dir", str(trained), "--to", "fr", "--max-chars", "10"]
    code, _, err = run_cli(translate, capsys, monkeypatch, stdin=b"short\nmuch longer line\n")
    assert_one_line_error(code, err, "<stdin>:2", "--max-chars 10")


@pytest.mark.parametrize(
    "options, fragments",
    [
        (["--max-len-ratio", "-1"], ["--max-len-ratio must be a positive number"]),
        (["--max-len-ratio", "0"], ["--max-len-ratio must be a positive number"]),
        (["--max-len-ratio", "nan"], ["--max-len-ratio must be a positive number"]),
        (["--max-len-ratio", "inf"], ["--max-len-ratio must be a positive number"]),
        (["--length-penalty", "nan"], ["--length-penalty must be a finite number"]),
        (["--beam", "0"], ["--beam must be between 1 and 100"]),
        (["--beam", "1000000000"], ["--beam must be between 1 and 100"]),
        (["--max-chars", "0"], ["--max-chars must be between 1 and 100,000"]),
    ],
)
@pytest.mark.parametrize("command", ["translate", "evaluate"])
def test_bad_decoding_options_are_one_line(
    command, options, fragments, trained, corpus, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "out.txt"
    args = [command, "--model-dir", str(trained), "--output", str(out), *options]
    if command == "evaluate":
        args += ["--data", str(corpus / "train.tsv")]
    code, _, err = run_cli(args, capsys, monkeypatch, stdin=b"the Raptors lead\n")
    assert_one_line_error(code, err, *fragments)
    assert not out.exists()


@pytest.mark.parametrize(
    "options, fragments",
    [
        (["--to", ","], ["--to ','", "names no language"]),
        (["--to", " , "], ["names no language"]),
        (["--to", ""], ["--to ''", "names no language"]),
        (["--n-best", "3", "--beam", "2"], ["--n-best must be between 1 and --beam (2)"]),
        (["--n-best", "0"], ["--n-best must be between 1"]),
    ],
)
def test_bad_translate_options_are_one_line_and_leave_the_output_alone(
    options, fragments, trained, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "out.txt"
    out.write_text("mine\n")
    args = ["translate", "--model-dir", str(trained), "--output", str(out), "--force", *options]
    code, _, err = run_cli(args, capsys, monkeypatch, stdin=b"the Raptors lead\n")
    assert_one_line_error(code, err, *fragments)
    assert out.read_text() == "mine\n"


def test_bad_input_leaves_an_existing_output_alone(trained, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.txt"
    out.write_text("mine\n")
    args = ["translate", "--model-dir", str(trained), "--output", str(out), "--force"]
    code, _, err = run_cli(args, capsys, monkeypatch, stdin=b"\xff bad\n")
    assert_one_line_error(code, err, "<stdin>:1", "UTF-8")
    assert out.read_text() == "mine\n"


# --- one BOM helper -----------------------------------------------------------------------------
def test_one_helper_handles_the_byte_order_mark(trained, tmp_path, capsys, monkeypatch):
    from rnnkit.text import Vocabulary

    sources = {
        path.relative_to(PACKAGE_ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in (PACKAGE_ROOT / "rnnkit").rglob("*.py")
    }
    spellings = ("\\xef\\xbb\\xbf", "\\ufeff", "\ufeff")
    holders = sorted(name for name, text in sources.items() if any(s in text for s in spellings))
    assert holders == ["rnnkit/text/lines.py"]
    # ... and each reader still accepts a BOM.
    bom = b"\xef\xbb\xbf"
    corpus = tmp_path / "train.tsv"
    corpus.write_bytes(bom + b"fr\tthe cat\tle chat\n")
    assert [e.lang for e in read_parallel(corpus)] == ["fr"]
    vocab = tmp_path / "vocab.txt"
    vocab.write_bytes(bom + b"<pad>\n<unk>\n<bos>\n<eos>\nword\n")
    assert Vocabulary.load(vocab).itos[4] == "word"
    args = ["translate", "--model-dir", str(trained), "--to", "fr"]
    with_bom = run_cli(args, capsys, monkeypatch, stdin=bom + b"the Raptors lead\n")
    without = run_cli(args, capsys, monkeypatch, stdin=b"the Raptors lead\n")
    assert with_bom[0] == 0 and with_bom == without


# --- properties: any value is a valid option or one ConfigError, never another exception --------
ANY_VALUE = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([0, 1, -1, 4, 5, 2**63, 10**9]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=6),
)


@settings(max_examples=300)
@given(values=st.dictionaries(st.sampled_from(sorted(TrainConfig.__dataclass_fields__)), ANY_VALUE))
def test_any_training_option_values_validate_or_raise_one_config_error(values):
    try:
        config = build_config(overrides={"data": "train.tsv", **values}).validate()
    except ConfigError as error:
        assert "\n" not in str(error)
        return
    numbers = [getattr(config, name) for name in TrainConfig.__dataclass_fields__]
    assert all(math.isfinite(v) for v in numbers if isinstance(v, float))
    assert config.seed >= 0 and config.vocab_size > 4
    assert config.model_config(config.vocab_size).parameter_count() <= MAX_PARAMETERS


@settings(max_examples=300)
@given(
    beam=st.integers(min_value=-5, max_value=10**12),
    ratio=st.floats(allow_nan=True, allow_infinity=True),
    penalty=st.floats(allow_nan=True, allow_infinity=True),
    max_chars=st.integers(min_value=-5, max_value=10**12),
    length=st.integers(min_value=1, max_value=10**6),
)
def test_any_decoding_option_values_are_accepted_or_one_config_error(
    beam, ratio, penalty, max_chars, length
):
    from argparse import Namespace

    from rnnkit.cli.arguments import decoding_options
    from rnnkit.translator.decoding.search import MAX_BEAM, MAX_OUTPUT_LEN, max_lengths

    args = Namespace(
        beam=beam, max_len_ratio=ratio, length_penalty=penalty, max_chars=max_chars, replace_unk=0
    )
    try:
        options = decoding_options(args)
    except ConfigError as error:
        assert "\n" not in str(error)
        return
    assert 1 <= options["beam"] <= MAX_BEAM
    (limit,) = max_lengths([length], max_len_ratio=options["max_len_ratio"])
    assert 0 <= limit <= MAX_OUTPUT_LEN


@settings(max_examples=300)
@given(
    values=st.dictionaries(
        st.sampled_from(sorted(ModelConfig.__dataclass_fields__)),
        st.one_of(ANY_VALUE, st.lists(st.integers(), max_size=2)),
    )
)
def test_any_model_config_json_is_valid_or_one_config_error(values):
    try:
        config = ModelConfig.from_dict({"vocab_size": 50, **values})
    except ConfigError as error:
        assert "\n" not in str(error)
        return
    assert config.parameter_count() <= MAX_PARAMETERS


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["gradients", "--seed", "-1"], "--seed must be between 0"),
        (["gradients", "--hidden", "1000000000"], "--hidden must be between 1 and 4,096"),
        (["gradients", "--max-distance", "0"], "--max-distance must be between 1"),
        (["serve", "--model-dir", "nowhere", "--beam", "101"], "--beam must be between 1 and 100"),
        (["demo", "--beam", "1000"], "--beam must be between 1 and 100"),
    ],
)
def test_other_commands_bound_their_options(args, fragment, tmp_path, capsys, monkeypatch):
    from rnnkit.cli.main import main

    monkeypatch.chdir(tmp_path)
    code = main([*args, *(["--out", "o"] if args[0] in ("gradients", "demo") else [])])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and fragment in err, err
    assert not (tmp_path / "o").exists()


def test_the_size_check_counts_a_huge_model_on_its_shapes_without_memory_or_a_draw():
    """ModelConfig.parameter_count builds the model with shapes alone: 300 billion weights
    counted (and refused) holding a few bytes each, the random stream as it was."""
    rnnkit.manual_seed(5)
    expected = init.uniform((3,), 1.0).data
    rnnkit.manual_seed(5)
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match=r"309,270,151,744 parameters"):
            ModelConfig(vocab_size=10**6, embed=16_384, hidden=16_384, layers=32)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    numpy.testing.assert_array_equal(init.uniform((3,), 1.0).data, expected)
    with init.shapes_only():
        weight = init.normal((1000, 1000)).data
    assert weight.shape == (1000, 1000) and weight.strides == (0, 0) and not weight.any()

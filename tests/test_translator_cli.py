"""End-to-end tests of `rnnkit train / translate / evaluate` on tiny generated data, and of
every error a user can cause there: one line, exit code 2, nothing overwritten."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest

from rnnkit.cli.main import main
from rnnkit.demo.commentary import generate_corpus, write_tsv
from rnnkit.translator.formats import checkpoint

TINY = [
    "--cell",
    "gru",
    "--embed",
    "16",
    "--hidden",
    "16",
    "--batch-size",
    "16",
    "--valid-every",
    "5",
    "--save-every",
    "5",
    "--log-every",
    "2",
    "--quiet",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for split, n in (("train", 240), ("dev", 24)):
        examples = generate_corpus(n, split=split, languages=["fr", "zh"], seed=1)
        write_tsv(root / f"{split}.tsv", examples)
    return root


@pytest.fixture(scope="module")
def trained(corpus, tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("run") / "model"
    code = main(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--valid",
            str(corpus / "dev.tsv"),
            "--model-dir",
            str(model_dir),
            "--max-steps",
            "10",
            *TINY,
        ]
    )
    assert code == 0
    return model_dir


def run_cli(args, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _BinaryStdin(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


class _BinaryStdin:
    def __init__(self, data):
        import io

        self.buffer = io.BytesIO(data)


def assert_one_line_error(code, err, *fragments):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# --- train ---------------------------------------------------------------------------------
def test_train_writes_the_whole_model_directory(trained):
    names = {p.name for p in trained.iterdir()}
    assert {
        "config.json",
        "vocab.txt",
        "tokenizer",
        "best.safetensors",
        "latest.safetensors",
        "train_log.jsonl",
        "plots",
    } <= names
    config = json.loads((trained / "config.json").read_text())
    assert config["languages"] == ["fr", "zh"]
    assert config["model"]["cell"] == "gru" and config["train"]["max_steps"] == 10
    assert "cell" not in config["train"] and "hidden" not in config["train"]  # stored once
    log = checkpoint.read_log(trained)
    assert [r["step"] for r in log if "loss" in r] == [2, 4, 6, 8, 10]
    assert all({"step", "bleu", "chrf"} <= set(r) for r in log if "bleu" in r)
    assert [r["step"] for r in log if "bleu" in r] == [5, 10]
    _, meta = checkpoint.load_checkpoint(trained / "latest.safetensors")
    assert meta["step"] == 10
    assert {p.name for p in (trained / "plots").iterdir()} == {
        "loss.png",
        "bleu.png",
        "attention.png",
    }
    assert not list(trained.glob(".*")), "temporary files left behind"


def test_refuses_a_non_empty_model_dir_and_leaves_it_untouched(trained, corpus, capsys):
    before = {p: p.read_bytes() for p in trained.rglob("*") if p.is_file()}
    code, _, err = run_cli(
        ["train", "--data", str(corpus / "train.tsv"), "--model-dir", str(trained), *TINY], capsys
    )
    assert_one_line_error(code, err, "not empty", "--resume", "--overwrite")
    assert {p: p.read_bytes() for p in trained.rglob("*") if p.is_file()} == before


def test_overwrite_replaces_only_rnnkit_files(trained, corpus, tmp_path, capsys):
    import shutil

    model_dir = tmp_path / "m"
    shutil.copytree(trained, model_dir)
    (model_dir / "notes.txt").write_text("mine")
    old = (model_dir / "latest.safetensors").read_bytes()
    code, out, _ = run_cli(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--model-dir",
            str(model_dir),
            "--overwrite",
            "--max-steps",
            "2",
            *TINY,
        ],
        capsys,
    )
    assert code == 0 and "trained 2 steps" in out
    assert (model_dir / "notes.txt").read_text() == "mine"
    _, meta = checkpoint.load_checkpoint(model_dir / "latest.safetensors")  # the new run's
    assert meta["step"] == 2 and (model_dir / "latest.safetensors").read_bytes() != old


def test_resume_continues_from_the_saved_step(trained, corpus, tmp_path, capsys):
    import shutil

    model_dir = tmp_path / "resumed"
    shutil.copytree(trained, model_dir)
    code, out, _ = run_cli(
        ["train", "--model-dir", str(model_dir), "--resume", "--max-steps", "14", "--quiet"], capsys
    )
    assert code == 0 and "trained 14 steps" in out
    assert [r["step"] for r in checkpoint.read_log(model_dir) if "loss" in r][-2:] == [12, 14]


def test_a_model_directory_written_before_the_single_model_section_still_resumes(
    trained, tmp_path, capsys
):
    import shutil

    model_dir = tmp_path / "older"
    shutil.copytree(trained, model_dir)
    path = model_dir / "config.json"
    config = json.loads(path.read_text())
    shape = {k: v for k, v in config["model"].items() if k != "vocab_size"}
    config["train"] = {**config["train"], **shape}  # as config.json was written before
    path.write_text(json.dumps(config))
    code, out, err = run_cli(
        ["train", "--model-dir", str(model_dir), "--resume", "--max-steps", "12", "--quiet"], capsys
    )
    assert code == 0 and "trained 12 steps" in out, err


def test_a_run_shorter_than_log_every_still_logs_its_last_step(corpus, tmp_path, capsys):
    model_dir = tmp_path / "short"
    code, _, _ = run_cli(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--model-dir",
            str(model_dir),
            "--max-steps",
            "3",
            *TINY,
            "--log-every",
            "20",
        ],
        capsys,
    )
    assert code == 0
    assert [r["step"] for r in checkpoint.read_log(model_dir) if "loss" in r] == [3]
    assert (model_dir / "plots" / "loss.png").stat().st_size > 0


def test_yaml_config_and_overrides(corpus, tmp_path, capsys):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("cell: sgru\nhidden: 12\nmax-steps: 3\nattention: luong\n")
    model_dir = tmp_path / "m"
    code, _, _ = run_cli(
        [
            "train",
            "--config",
            str(cfg),
            "--data",
            str(corpus / "train.tsv"),
            "--model-dir",
            str(model_dir),
            "--hidden",
            "8",
            "--embed",
            "8",
            "--quiet",
        ],
        capsys,
    )
    assert code == 0
    saved = json.loads((model_dir / "config.json").read_text())["model"]
    assert (saved["cell"], saved["hidden"], saved["attention"]) == ("sgru", 8, "luong")


def test_yaml_unknown_key_is_named(corpus, tmp_path, capsys):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("hiden: 12\n")
    code, _, err = run_cli(
        [
            "train",
            "--config",
            str(cfg),
            "--data",
            str(corpus / "train.tsv"),
            "--model-dir",
            str(tmp_path / "m"),
        ],
        capsys,
    )
    assert_one_line_error(code, err, "cfg.yaml", "unknown option(s) hiden")
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    "content, fragments",
    [
        ("The Raptors lead\t\n", ["bad.tsv:1", "empty"]),
        ("fr\tone\tun\nes\ttwo\n", ["bad.tsv:2", "expected 3 tab-separated columns"]),
        ("xx1\tone\tun\n", ["bad.tsv:1", "language code"]),
        (b"fr\tone\tun\nfr\tt\xffwo\tdeux\n", ["bad.tsv:2", "UTF-8"]),
    ],
)
def test_bad_training_data_is_one_clear_line(content, fragments, tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content)
    code, _, err = run_cli(
        ["train", "--data", str(bad), "--model-dir", str(tmp_path / "m"), *TINY], capsys
    )
    assert_one_line_error(code, err, *fragments)


def test_skip_bad_lines_trains_on_the_rest(corpus, tmp_path, capsys):
    data = tmp_path / "mixed.tsv"
    good = (corpus / "train.tsv").read_text()
    data.write_text(good + "fr\tonly two\n")
    code, out, err = run_cli(
        [
            "train",
            "--data",
            str(data),
            "--skip-bad-lines",
            "--max-steps",
            "1",
            "--model-dir",
            str(tmp_path / "m"),
            *TINY,
        ],
        capsys,
    )
    assert code == 0 and "wrong column count" in err


def test_aligned_files_with_a_language(corpus, tmp_path, capsys):
    pairs = [line.split("\t") for line in (corpus / "train.tsv").read_text().splitlines()]
    (tmp_path / "src.txt").write_text("".join(p[1] + "\n" for p in pairs if p[0] == "fr"))
    (tmp_path / "tgt.txt").write_text("".join(p[2] + "\n" for p in pairs if p[0] == "fr"))
    model_dir = tmp_path / "m"
    code, _, _ = run_cli(
        [
            "train",
            "--src-file",
            str(tmp_path / "src.txt"),
            "--tgt-file",
            str(tmp_path / "tgt.txt"),
            "--lang",
            "fr",
            "--max-steps",
            "2",
            "--model-dir",
            str(model_dir),
            *TINY,
        ],
        capsys,
    )
    assert code == 0
    assert json.loads((model_dir / "config.json").read_text())["languages"] == ["fr"]


@pytest.mark.parametrize("subword", ["unigram", "bpe"])
def test_sentencepiece_tokenizer_round_trip(corpus, tmp_path, capsys, monkeypatch, subword):
    model_dir = tmp_path / "spm"
    code, _, _ = run_cli(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--tokenizer",
            "sentencepiece",
            "--subword-model",
            subword,
            "--vocab-size",
            "400",
            "--max-steps",
            "2",
            "--model-dir",
            str(model_dir),
            *TINY,
        ],
        capsys,
    )
    assert code == 0 and (model_dir / "tokenizer" / "spm.model").exists()
    assert json.loads((model_dir / "config.json").read_text())["train"]["subword_model"] == subword
    code, out, _ = run_cli(
        ["translate", "--model-dir", str(model_dir), "--to", "zh", "--beam", "2"],
        capsys,
        stdin=b"Mensah makes a dunk\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and len(out.splitlines()) == 1


def test_nan_loss_stops_and_keeps_the_last_good_checkpoint(corpus, tmp_path, monkeypatch):
    from rnnkit.translator.model.seq2seq import Seq2Seq
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    real_loss, calls = Seq2Seq.loss, []

    def failing_loss(self, *args):
        calls.append(1)
        loss, n, summed = real_loss(self, *args)
        if len(calls) == 4:
            loss.data = loss.data * numpy.float32("nan")
        return loss, n, summed

    monkeypatch.setattr(Seq2Seq, "loss", failing_loss)
    config = build_config(
        overrides={
            "data": str(corpus / "train.tsv"),
            "cell": "gru",
            "embed": 8,
            "hidden": 8,
            "save_every": 2,
        }
    )
    with pytest.raises(loop.TrainingStopped, match="step 4: the loss is nan"):
        loop.train(config.validate(), tmp_path / "m", show_progress=False)
    _, meta = checkpoint.load_checkpoint(tmp_path / "m" / "latest.safetensors")
    assert meta["step"] == 2


def test_target_loss_stops_training(corpus, tmp_path):
    from rnnkit.translator.training import loop
    from rnnkit.translator.training.config import build_config

    config = build_config(
        overrides={
            "data": str(corpus / "train.tsv"),
            "cell": "gru",
            "embed": 8,
            "hidden": 8,
            "target_loss": 1e6,
            "log_every": 3,
        }
    )
    summary = loop.train(config.validate(), tmp_path / "m", show_progress=False)
    assert summary["steps"] == 3 and "target" in summary["stop_reason"]


# --- translate / evaluate ------------------------------------------------------------------------
def test_translate_many_languages_tab_separated(trained, capsys, monkeypatch):
    code, out, _ = run_cli(
        ["translate", "--model-dir", str(trained), "--to", "fr,zh", "--beam", "3"],
        capsys,
        stdin=b"Mensah makes a dunk\n\nThe game is tied\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0
    lines = out.split("\n")[:-1]
    assert len(lines) == 6  # 2 lines x 2 languages, and 2 empty lines for the empty input
    assert [line.split("\t")[0] for line in lines if line] == ["fr", "zh", "fr", "zh"]


def test_translate_json_gives_each_translation_its_confidence(trained, capsys, monkeypatch):
    base = ["translate", "--model-dir", str(trained), "--to", "fr,zh", "--beam", "3", "--json"]
    stdin = b"Mensah makes a dunk\n\nThe game is tied\n"
    code, out, _ = run_cli(base, capsys, stdin=stdin, monkeypatch=monkeypatch)
    assert code == 0
    entries = [json.loads(line) for line in out.splitlines()]
    assert [(e["line"], e["lang"]) for e in entries] == [(1, "fr"), (1, "zh"), (3, "fr"), (3, "zh")]
    _, plain, _ = run_cli(base[:-1], capsys, stdin=stdin, monkeypatch=monkeypatch)
    assert [e["text"] for e in entries] == [x.split("\t")[1] for x in plain.splitlines() if x]
    for entry in entries:
        assert 0 < entry["confidence"] <= 1 and entry["withheld"] is False
    # a threshold no translation reaches: every one withheld, the source written instead
    code, out, _ = run_cli(
        [*base, "--min-confidence", "1"], capsys, stdin=stdin, monkeypatch=monkeypatch
    )
    withheld = [json.loads(line) for line in out.splitlines()]
    assert all(e["withheld"] for e in withheld)
    assert [e["text"] for e in withheld] == ["Mensah makes a dunk"] * 2 + ["The game is tied"] * 2


def test_translate_n_best_and_output_file(trained, tmp_path, capsys, monkeypatch):
    out_file = tmp_path / "out.txt"
    code, _, _ = run_cli(
        [
            "translate",
            "--model-dir",
            str(trained),
            "--to",
            "fr",
            "--beam",
            "3",
            "--n-best",
            "2",
            "--output",
            str(out_file),
        ],
        capsys,
        stdin=b"Mensah makes a dunk\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0
    rows = [line.split("\t") for line in out_file.read_text().splitlines()]
    assert [r[0] for r in rows] == ["1", "2"] and float(rows[0][1]) >= float(rows[1][1])
    code, _, err = run_cli(
        ["translate", "--model-dir", str(trained), "--output", str(out_file)],
        capsys,
        stdin=b"x\n",
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, "out.txt", "exists", "--force")


@pytest.mark.parametrize(
    "args, stdin, fragments",
    [
        (["--to", "de"], b"hi\n", ["does not translate into 'de'", "fr, zh"]),
        (["--to", "fr"], b"ok\n\xff\n", ["<stdin>:2", "UTF-8"]),
        (["--n-best", "3", "--beam", "2"], b"hi\n", ["--n-best"]),
    ],
)
def test_translate_errors(trained, args, stdin, fragments, capsys, monkeypatch):
    code, _, err = run_cli(
        ["translate", "--model-dir", str(trained), *args],
        capsys,
        stdin=stdin,
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, *fragments)


def test_missing_and_corrupt_model_directories(trained, tmp_path, capsys, monkeypatch):
    code, _, err = run_cli(
        ["translate", "--model-dir", str(tmp_path / "nope")],
        capsys,
        stdin=b"x\n",
        monkeypatch=monkeypatch,
    )
    assert_one_line_error(code, err, "nope", "no such model directory")
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(trained, broken)
    (broken / "best.safetensors").write_bytes(b"\x00\x01garbage")
    code, _, err = run_cli(
        ["translate", "--model-dir", str(broken)], capsys, stdin=b"x\n", monkeypatch=monkeypatch
    )
    assert_one_line_error(code, err, "best.safetensors", "corrupt checkpoint")
    (broken / "config.json").write_text("{not json")
    code, _, err = run_cli(["evaluate", "--model-dir", str(broken), "--data", "x.tsv"], capsys)
    assert_one_line_error(code, err, "config.json", "corrupt JSON")


def test_evaluate_json(trained, corpus, tmp_path, capsys):
    hyps = tmp_path / "hyps.txt"
    code, out, _ = run_cli(
        [
            "evaluate",
            "--model-dir",
            str(trained),
            "--data",
            str(corpus / "dev.tsv"),
            "--beam",
            "2",
            "--json",
            "--output",
            str(hyps),
        ],
        capsys,
    )
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"bleu", "chrf", "per_language", "signature"}
    assert set(result["per_language"]) == {"fr", "zh"}
    assert "tok:zh" in result["per_language"]["zh"]["signature"]
    assert len(hyps.read_text().splitlines()) == 24


def test_every_command_documents_its_options(capsys):
    for command in ("train", "translate", "evaluate", "demo", "gradients"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert "default" in capsys.readouterr().out


# --- bit-exact resume after SIGKILL ------------------------------------------------------------
def _train_process(corpus, model_dir, *extra):
    args = [
        sys.executable,
        "-m",
        "rnnkit",
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--model-dir",
        str(model_dir),
        "--max-steps",
        "300",
        "--epochs",
        "30",
        "--dropout",
        "0.3",
        "--seed",
        "5",
        *TINY,
        "--save-every",
        "4",
        "--valid-every",
        "1000",
        *extra,
    ]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _weights(model_dir):
    arrays, meta = checkpoint.load_checkpoint(model_dir / "latest.safetensors")
    return arrays, meta["step"]


def test_killed_and_resumed_run_ends_bit_exact(corpus, tmp_path):
    straight = tmp_path / "straight"
    assert _train_process(corpus, straight).wait(timeout=300) == 0
    killed = tmp_path / "killed"
    process = _train_process(corpus, killed)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (killed / "latest.safetensors").exists():
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)  # soon after the first checkpoint: mid-run
    process.wait()
    _, step_at_kill = _weights(killed)
    assert 0 < step_at_kill < 300, "the process must be killed mid-run"
    resumed = _train_process(corpus, killed, "--resume")
    assert resumed.wait(timeout=300) == 0, resumed.stderr.read().decode()
    expected, expected_step = _weights(straight)
    actual, actual_step = _weights(killed)
    assert actual_step == expected_step == 300
    assert set(actual) == set(expected)
    for name in expected:
        assert numpy.array_equal(actual[name], expected[name]), name
    assert Path(killed / "train_log.jsonl").exists()


def test_an_unwritable_model_directory_is_one_line(corpus, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    code, _, err = run_cli(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--model-dir",
            str(blocker / "model"),
            *TINY,
        ],
        capsys,
    )
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err

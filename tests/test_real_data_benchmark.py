"""benchmarks/real_data.py without its 30-minute run: the dev/test split by the SHA-1 of the
English side, the dev curve read from a training log, and the CSV and PNG writers."""

import csv
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from rnnkit.translator.formats import checkpoint

PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "real_data.py"
spec = importlib.util.spec_from_file_location("real_data", PATH)
real_data = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real_data)


def english_in_bucket(wanted, prefix="Open file"):
    """Some English text whose SHA-1 bucket is `wanted` (found by trying suffixes)."""
    for n in range(100000):
        text = f"{prefix} {n}"
        if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 100 == wanted:
            return text
    raise AssertionError("no text found")


def test_bucket_is_sha1_of_the_english_modulo_100():
    # from the shell: printf 'Show hidden files' | sha1sum -> 37f9c1a6...f8af54b7, and
    # echo "ibase=16; 37F9...54B7 % 64" | bc -> 43 (64 hex = 100); the other one is UTF-8
    assert real_data.bucket("Show hidden files") == 43
    assert real_data.bucket("Ouvrir « le » fichier") == 6


@pytest.mark.skipif(not (real_data.REAL_DATA / "en-fr.train.tsv").exists(), reason="no data")
def test_the_real_data_lacks_buckets_0_to_7_so_ours_start_at_8():
    pairs = real_data.read_pairs(real_data.REAL_DATA / "en-fr.train.tsv")
    assert {real_data.bucket(english) for _, english, _ in pairs}.isdisjoint(range(8))
    sizes = {k: len(v) for k, v in real_data.split_pairs(pairs).items()}
    assert 250 < sizes["dev"] < 450 and 250 < sizes["test"] < 450  # 2% each of 16,690


@pytest.mark.parametrize(
    "number, split",
    [(8, "dev"), (9, "dev"), (10, "test"), (11, "test"), (12, "train"), (99, "train")],
)
def test_buckets_map_to_splits(number, split):
    assert real_data.split_of(english_in_bucket(number)) == split


def test_the_same_english_lands_in_one_split_whatever_its_translation():
    dev_english = english_in_bucket(8)
    pairs = [
        ("fr", dev_english, "Ouvrir"),
        ("es", dev_english, "Abrir"),
        ("fr", english_in_bucket(50), "Fermer"),
        ("ru", english_in_bucket(10, "Save"), "Сохранить"),
        ("fr", dev_english, "Ouvrir le fichier"),
    ]
    splits = real_data.split_pairs(pairs)
    assert splits["dev"] == [pairs[0], pairs[1], pairs[4]]  # file order kept
    assert splits["test"] == [pairs[3]] and splits["train"] == [pairs[2]]


def test_even_subset_takes_every_language_in_turn():
    pairs = [("fr", f"e{k}", "f") for k in range(10)] + [("so", "x", "y"), ("ur", "a", "b")]
    chosen = real_data.even_subset(pairs, 5)
    assert chosen == [pairs[0], pairs[10], pairs[11], pairs[1], pairs[2]]
    assert real_data.even_subset(pairs, 50) == pairs


def test_read_pairs_names_a_bad_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("fr\tOpen\tOuvrir\nfr\tno translation\n", encoding="utf-8")
    with pytest.raises(real_data.UsageError, match=r"bad.tsv:2: expected lang<TAB>english"):
        real_data.read_pairs(path)


def test_split_files_are_written_into_the_work_directory(tmp_path):
    source = tmp_path / "real"
    source.mkdir()
    pairs = [("fr", english_in_bucket(b, f"Line {b}"), f"Ligne {b}") for b in (8, 10, 30, 31)]
    real_data.write_tsv(source / "en-fr.train.tsv", pairs)
    args = real_data.parse_arguments(
        ["--source-dir", str(source), "--workdir", str(tmp_path / "w")]
    )
    out = real_data.files.OwnedDirectory(args.workdir, "real-data benchmark", real_data.ENTRIES)
    out.prepare()
    counts = real_data.prepare_splits(args, out)
    assert counts == {"train": 2, "dev": 1, "test": 1, "valid": 1}
    assert real_data.read_pairs(tmp_path / "w" / "test.tsv") == [pairs[1]]
    assert real_data.read_pairs(tmp_path / "w" / "train.tsv") == pairs[2:]
    assert sorted(p.name for p in source.iterdir()) == ["en-fr.train.tsv"]  # nothing added


def test_the_work_directory_of_someone_else_is_refused(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("years of work")
    with pytest.raises(real_data.UsageError, match="not written by rnnkit real-data benchmark"):
        real_data.main(["--workdir", str(tmp_path / "mine"), "--smoke"])
    assert (tmp_path / "mine" / "thesis.tex").read_text() == "years of work"


def test_dev_curve_csv_and_png_from_a_training_log(tmp_path):
    # a synthetic train_log.jsonl: loss entries between validations, as rnnkit train writes
    for record in [
        {"step": 20, "loss": 50.0, "tokens_per_s": 1000.0, "lr": 0.001},
        {"step": 40, "bleu": 1.5, "chrf": 10.0, "elapsed_s": 150.0, "valid_s": 3.5, "lr": 0.001},
        {"step": 60, "loss": 40.0, "tokens_per_s": 1100.0, "lr": 0.001},
        {"step": 80, "bleu": 12.25, "chrf": 30.5, "elapsed_s": 301.2, "valid_s": 2.0, "lr": 5e-4},
    ]:
        checkpoint.append_log(tmp_path, record)
    curve = real_data.dev_curve(checkpoint.read_log(tmp_path))
    assert curve == [
        {
            "minutes": 2.5,
            "step": 40,
            "dev_bleu": 1.5,
            "dev_chrf": 10.0,
            "valid_s": 3.5,
            "lr": 0.001,
        },
        {
            "minutes": 5.02,
            "step": 80,
            "dev_bleu": 12.25,
            "dev_chrf": 30.5,
            "valid_s": 2.0,
            "lr": 5e-4,
        },
    ]
    real_data.write_csv(tmp_path / "curve.csv", curve)
    with open(tmp_path / "curve.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1] == {
        "minutes": "5.02",
        "step": "80",
        "dev_bleu": "12.25",
        "dev_chrf": "30.5",
        "valid_s": "2.0",
        "lr": "0.0005",
    }
    real_data.plot_curve(tmp_path / "curve.png", curve, "en-fr")
    assert (tmp_path / "curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_test_scores_table_has_a_row_per_language_and_the_macro_average():
    result = {
        "bleu": 20.0,
        "chrf": 40.0,
        "per_language": {
            "so": {"bleu": 5.0, "chrf": 20.0, "sentences": 1, "signature": "s"},
            "fr": {"bleu": 35.0, "chrf": 60.0, "sentences": 300, "signature": "s"},
        },
    }
    rows = real_data.score_rows(json.loads(json.dumps(result)))
    assert [r["lang"] for r in rows] == ["fr", "so", "macro"]
    assert rows[-1] == {"lang": "macro", "sentences": 301, "bleu": 20.0, "chrf": 40.0}
    table = real_data.format_table(rows, ("lang", "sentences", "bleu", "chrf"))
    assert table.splitlines()[1].split() == ["fr", "300", "35.00", "60.00"]

"""What a PyTorch or JoeyNMT user expects, each habit through the real entry points."""
# ruff: noqa: F811 (the fixtures imported from test_translator_cli are used as arguments)

import os
import re
import stat
import subprocess
import sys

import pytest
from test_translator_cli import TINY, assert_one_line_error, corpus, run_cli, trained  # noqa: F401


def test_the_subpackages_are_attributes_of_rnnkit():
    code = "import rnnkit; rnnkit.nn.LSTM(10, 20); rnnkit.optim.Adam; rnnkit.testing.gradcheck"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_help_shows_each_default_once_and_none_for_required_or_unset_options(capsys):
    from rnnkit.cli.main import main

    for command in ("train", "translate", "evaluate", "demo", "gradients"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
        assert "(default: None)" not in text, command
        assert not re.search(r"\(default: [^)]*\) \(default:", text), command
        assert "(default:" in text, command


def test_model_files_honour_the_umask_so_others_can_read_them(corpus, tmp_path):
    model_dir = tmp_path / "shared-model"
    args = [
        sys.executable,
        "-m",
        "rnnkit",
        "train",
        "--data",
        str(corpus / "train.tsv"),
        "--model-dir",
        str(model_dir),
        *TINY,
        "--max-steps",
        "2",
    ]
    result = subprocess.run(
        args, capture_output=True, text=True, preexec_fn=lambda: os.umask(0o022)
    )
    assert result.returncode == 0, result.stderr
    for path in [p for p in model_dir.rglob("*") if p.is_file()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_a_two_column_test_set_on_a_multilingual_model_says_to_pass_lang(
    trained, corpus, tmp_path, capsys
):
    two = tmp_path / "two.tsv"
    lines = (corpus / "dev.tsv").read_text(encoding="utf-8").splitlines()
    two.write_text("".join(line.split("\t", 1)[1] + "\n" for line in lines), encoding="utf-8")
    code, _, err = run_cli(["evaluate", "--model-dir", str(trained), "--data", str(two)], capsys)
    assert_one_line_error(code, err, "two.tsv has no language column", "fr, zh", "--lang")
    code, out, _ = run_cli(
        ["evaluate", "--model-dir", str(trained), "--data", str(two), "--lang", "fr", "--json"],
        capsys,
    )
    assert code == 0 and '"bleu"' in out


def test_a_dev_language_the_model_does_not_learn_fails_before_training(corpus, tmp_path, capsys):
    dev = tmp_path / "dev.tsv"
    dev.write_text("de\tMensah makes a dunk\tMensah macht einen Dunk\n", encoding="utf-8")
    model_dir = tmp_path / "m"
    code, _, err = run_cli(
        [
            "train",
            "--data",
            str(corpus / "train.tsv"),
            "--valid",
            str(dev),
            "--model-dir",
            str(model_dir),
            *TINY,
        ],
        capsys,
    )
    assert_one_line_error(code, err, "dev.tsv", "'de' is not in the training data", "fr, zh")
    assert not model_dir.exists()


def test_translate_says_when_most_words_of_a_line_are_unknown(trained, monkeypatch, capsys):
    code, out, err = run_cli(
        ["translate", "--model-dir", str(trained), "--to", "fr"],
        capsys,
        stdin=b"Mensah makes a dunk\nzorglub quux blorf Mensah\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and len(out.splitlines()) == 2
    assert err.strip() == "<stdin>:2: 3 of 4 words unknown to the model"


@pytest.mark.parametrize("name", ["RNN", "GRU", "LSTM"])
@pytest.mark.parametrize("batch_first", [False, True])
def test_recurrent_layers_take_numpy_and_unbatched_input_as_torch_does(name, batch_first):
    import numpy
    import torch

    import rnnkit

    torch.manual_seed(0)
    theirs = getattr(torch.nn, name)(
        3, 4, num_layers=2, bidirectional=True, batch_first=batch_first
    ).double()
    ours = getattr(rnnkit.nn, name)(
        3, 4, num_layers=2, bidirectional=True, batch_first=batch_first
    ).load_state_dict(theirs.state_dict())
    rng = numpy.random.default_rng(1)
    x = rng.standard_normal((5, 3))  # unbatched (T, input_size), a NumPy array
    h0 = rng.standard_normal((4, 4))  # (layers * directions, H)
    state = (h0, rng.standard_normal((4, 4))) if name == "LSTM" else h0
    torch_state = tuple(map(torch.tensor, state)) if name == "LSTM" else torch.tensor(state)
    out, final = ours(x, state)
    expected_out, expected_final = theirs(torch.tensor(x), torch_state)
    assert out.shape == tuple(expected_out.shape) == (5, 8)
    numpy.testing.assert_allclose(out.numpy(), expected_out.detach().numpy(), rtol=1e-12)
    pairs = zip(final, expected_final) if name == "LSTM" else [(final, expected_final)]
    for mine, reference in pairs:
        assert mine.shape == tuple(reference.shape) == (4, 4)
        numpy.testing.assert_allclose(mine.numpy(), reference.detach().numpy(), rtol=1e-12)
    batched, _ = ours(x[:, None, :] if not batch_first else x[None], None)  # ndarray, batched
    assert batched.shape == ((5, 1, 8) if not batch_first else (1, 5, 8))

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnnkit.errors import DataError
from rnnkit.text import SPECIALS, Vocabulary, is_language_code, language_tag

SENTENCES = [
    ["the", "raptors", "won", "the", "game"],
    ["the", "fans", "cheered"],
    ["basketball", "is", "the", "game"],
]


def test_specials_have_fixed_indices():
    vocab = Vocabulary.build(SENTENCES)
    assert vocab.itos[:4] == ("<pad>", "<unk>", "<bos>", "<eos>")
    assert (vocab.pad_index, vocab.unk_index, vocab.bos_index, vocab.eos_index) == (0, 1, 2, 3)
    assert [vocab[t] for t in SPECIALS] == [0, 1, 2, 3]


def test_frequency_order_breaks_ties_alphabetically():
    vocab = Vocabulary.build(SENTENCES)
    # the: 4, game: 2, then the rest once each in code-point order.
    assert vocab.itos[4:] == (
        "the",
        "game",
        "basketball",
        "cheered",
        "fans",
        "is",
        "raptors",
        "won",
    )


def test_alphabetical_order_gives_the_lecture_table():
    vocab = Vocabulary.build([["zulu", "a", "aaron", "a"]], order="alphabetical")
    assert vocab.itos[4:] == ("a", "aaron", "zulu")


def test_max_size_counts_specials_and_reserved_and_keeps_the_most_frequent():
    vocab = Vocabulary.build(SENTENCES, max_size=7, reserved=["<2fr>"])
    assert len(vocab) == 7
    assert vocab.itos[4:] == ("<2fr>", "the", "game")
    # With a cap, alphabetical order lays out the most frequent tokens, not the first ones.
    alphabetical = Vocabulary.build(SENTENCES, max_size=6, order="alphabetical")
    assert alphabetical.itos[4:] == ("game", "the")


def test_min_freq_drops_rare_tokens():
    assert Vocabulary.build(SENTENCES, min_freq=2).itos[4:] == ("the", "game")


def test_specials_and_reserved_in_the_corpus_are_not_added_twice():
    vocab = Vocabulary.build([["<eos>", "<2fr>", "a"]], reserved=["<2fr>"])
    assert vocab.itos == (*SPECIALS, "<2fr>", "a")


def test_max_size_too_small_for_the_fixed_tokens():
    with pytest.raises(ValueError, match="max_size=4 leaves no room"):
        Vocabulary.build(SENTENCES, max_size=4, reserved=["<2fr>"])


def test_unknown_words_alias_to_unk():
    vocab = Vocabulary.build(SENTENCES)
    assert vocab["pottery"] == vocab.unk_index
    assert "pottery" not in vocab and "basketball" in vocab
    assert vocab.encode(["the", "pottery"]) == [vocab["the"], 1]
    assert vocab.unk_rate([["the", "pottery"], ["game", "vase"]]) == 0.5
    assert vocab.unk_rate([]) == 0.0


def test_encode_decode_round_trip():
    vocab = Vocabulary.build(SENTENCES)
    ids = vocab.encode(SENTENCES[0], add_bos=True, add_eos=True)
    assert ids[0] == vocab.bos_index and ids[-1] == vocab.eos_index
    assert vocab.decode(ids) == SENTENCES[0]
    assert vocab.decode(np.array(ids + [0, 0])) == SENTENCES[0]


def test_decode_stops_at_eos_unless_specials_are_kept():
    vocab = Vocabulary.build(SENTENCES)
    ids = [2, vocab["the"], 1, 3, vocab["game"], 0]
    assert vocab.decode(ids) == ["the", "<unk>"]
    assert vocab.decode(ids, strip_specials=False) == [
        "<bos>",
        "the",
        "<unk>",
        "<eos>",
        "game",
        "<pad>",
    ]
    with pytest.raises(IndexError):
        vocab.decode([len(vocab)])


def test_one_hot_rows_are_identity_rows():
    vocab = Vocabulary.build(SENTENCES)
    np.testing.assert_array_equal(vocab.one_hot(np.arange(len(vocab))), np.eye(len(vocab)))
    batch = vocab.one_hot([[4, 5], [0, 3]])  # (2, 2) ids -> (2, 2, V)
    assert batch.shape == (2, 2, len(vocab)) and batch.dtype == np.float32
    np.testing.assert_array_equal(batch.argmax(-1), [[4, 5], [0, 3]])
    assert batch.sum() == 4
    with pytest.raises(IndexError):
        vocab.one_hot([-1])


def test_save_load_round_trip_with_unicode(tmp_path):
    tokens = [["名字", "café", "naïve", "ёлка", "नमस्ते", "a b", "x\u2028y", "😀"]]
    vocab = Vocabulary.build(tokens, reserved=[language_tag("zh"), language_tag("pt-BR")])
    vocab.save(tmp_path / "vocab.txt")
    assert Vocabulary.load(tmp_path / "vocab.txt") == vocab
    assert (tmp_path / "vocab.txt").read_bytes().startswith(b"<pad>\n<unk>\n<bos>\n<eos>\n<2zh>")


@pytest.mark.parametrize(
    "token, problem",
    [
        ("", "is empty"),
        ("a\nb", "contains a line break"),
        ("a\r", "contains a line break"),
        (" a", "starts or ends with whitespace"),
        ("a\t", "starts or ends with whitespace"),
    ],
)
def test_tokens_that_cannot_be_stored_are_rejected(token, problem):
    with pytest.raises(ValueError, match=problem):
        Vocabulary.build([["ok", token]])


def test_duplicate_and_missing_specials_are_rejected():
    with pytest.raises(ValueError, match="appears twice"):
        Vocabulary([*SPECIALS, "a", "a"])
    with pytest.raises(ValueError, match="must start with"):
        Vocabulary(["a", *SPECIALS])


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_load_accepts_bom_and_crlf(tmp_path):
    path = write(tmp_path / "v.txt", b"\xef\xbb\xbf<pad>\r\n<unk>\r\n<bos>\r\n<eos>\r\nbasket\r\n")
    assert Vocabulary.load(path).itos == (*SPECIALS, "basket")


@pytest.mark.parametrize(
    "content, message",
    [
        (
            b"<pad>\n<unk>\n<bos>\n<eos>\na\n\nb\n",
            "v.txt:6: the token is empty; a vocabulary file holds one token per line with no blank "
            "lines",
        ),
        (
            b"<pad>\n<unk>\n<bos>\n<eos>\na\nb\na\n",
            "v.txt:7: token 'a' repeats line 5; each token must appear once",
        ),
        (
            b"<pad>\n<unk>\n<bos>\n<eos>\nok\n\xff\n",
            "v.txt:6: invalid UTF-8 at byte 1; save the file as UTF-8",
        ),
        (
            b"<pad>\n<unk>\n<bos>\n<eos>\nok \n",
            "v.txt:5: the token starts or ends with whitespace; a vocabulary file holds one token "
            "per "
            "line with no blank lines",
        ),
        (
            b"<pad>\n<bos>\n<unk>\n<eos>\n",
            "v.txt:2: expected <unk> here; the file must start with <pad>, <unk>, <bos>, <eos> "
            "(one per line)",
        ),
        (
            b"<pad>\n<unk>\n",
            "v.txt: the vocabulary file is too short; it must start with <pad>, <unk>, <bos>, "
            "<eos> "
            "(one per line)",
        ),
    ],
)
def test_bad_files_raise_data_error_with_the_line(tmp_path, content, message):
    path = write(tmp_path / "v.txt", content)
    with pytest.raises(DataError) as error:
        Vocabulary.load(path)
    assert str(error.value) == str(tmp_path / message)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="cannot read the vocabulary"):
        Vocabulary.load(tmp_path / "nope.txt")


storable = st.text(min_size=1, max_size=8).filter(
    lambda t: t == t.strip() and "\n" not in t and "\r" not in t and t not in SPECIALS
)


@given(st.lists(st.lists(storable, max_size=6), max_size=6))
def test_any_storable_tokens_round_trip(tmp_path_factory, token_lists):
    vocab = Vocabulary.build(token_lists)
    path = tmp_path_factory.mktemp("v") / "vocab.txt"
    vocab.save(path)
    assert Vocabulary.load(path).itos == vocab.itos
    for tokens in token_lists:
        assert vocab.decode(vocab.encode(tokens, add_eos=True)) == tokens


@pytest.mark.parametrize("code", ["fr", "zh", "zh_CN", "pt-BR", "yue", "fil", "zh-Hant", "es-419"])
def test_valid_language_codes(code):
    assert is_language_code(code)
    assert language_tag(code) == f"<2{code}>"


@pytest.mark.parametrize("code", ["", "f", "French", "FR", "pt-", "zh-Hantxx", "e1"])
def test_invalid_language_codes(code):
    assert not is_language_code(code)
    with pytest.raises(ValueError, match="invalid language code"):
        language_tag(code)

import collections

import pytest

from rnnkit.errors import ConfigError, DataError
from rnnkit.text import Example, read_parallel

HINT = "fix the line or pass --skip-bad-lines"


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def read_all(path_or_paths, **options):
    corpus = read_parallel(path_or_paths, **options)
    return list(corpus), corpus.summary


def error_of(path_or_paths, **options) -> str:
    with pytest.raises(DataError) as error:
        list(read_parallel(path_or_paths, **options))
    return str(error.value)


def test_two_columns_with_default_language(tmp_path):
    path = write(tmp_path / "a.tsv", b"Hello\tBonjour\nGood night\tBonne nuit\n")
    examples, summary = read_all(path, default_lang="fr")
    assert examples == [
        Example("Hello", "Bonjour", "fr", 1),
        Example("Good night", "Bonne nuit", "fr", 2),
    ]
    assert summary.examples == 2 and summary.total_skipped == 0
    assert str(summary) == f"{path}: read 2 examples"


def test_three_columns_bom_crlf_blank_lines_and_field_spaces(tmp_path):
    data = "\ufefffr\tHello\tBonjour\r\n\r\nzh_CN\t Good \t晚安\r\npt-BR\tHi\tOlá".encode()
    examples, _ = read_all(write(tmp_path / "b.tsv", data))
    assert examples == [
        Example("Hello", "Bonjour", "fr", 1),
        Example("Good", "晚安", "zh_CN", 3),
        Example("Hi", "Olá", "pt-BR", 4),
    ]


def test_aligned_files(tmp_path):
    source = write(tmp_path / "en.txt", b"Hello\r\nThanks\n\n")
    target = write(tmp_path / "fr.txt", "\ufeffBonjour\nMerci\n".encode())
    examples, _ = read_all([source, target], default_lang="fr")
    assert examples == [Example("Hello", "Bonjour", "fr", 1), Example("Thanks", "Merci", "fr", 2)]


def test_every_pass_reads_again(tmp_path):
    corpus = read_parallel(write(tmp_path / "a.tsv", b"a\tb\n"))
    assert list(corpus) == list(corpus)
    assert corpus.summary.examples == 1


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b"fr\ta\tb\nfr\ta\tb\n\nc\td\n",
            f"4: expected 3 tab-separated columns (lang, source, target) like line 1, found 2; "
            f"{HINT}",
        ),
        (
            b"a\tb\nc\td\te\n",
            f"2: expected 2 tab-separated columns (source, target) like line 1, found 3; {HINT}",
        ),
        (
            b"just one column\n",
            "1: expected 2 tab-separated columns (source, target) or 3 (lang, source, target), "
            "found 1; "
            f"{HINT}",
        ),
        (b"a\tb\n\t b\n", f"2: the source side is empty; {HINT}"),
        (b"a\tb\nc\t  \n", f"2: the target side is empty; {HINT}"),
        (
            b"a\tb\nok\tok\n\xe9t\xe9\tsummer\n",
            f"3: invalid UTF-8 at byte 1 of the line; convert the file to UTF-8; {HINT}",
        ),
        (
            b"a\tb\n" + b"x" * 11 + b"\ty\n",
            f"2: the source side has 11 characters, more than max_chars=10; split the line or "
            f"raise --max-chars; {HINT}",
        ),
        (
            b"fr\ta\tb\nFrench\ta\tb\n",
            "2: invalid language code 'French' in the first column; use a code like fr, zh, pt-BR; "
            f"{HINT}",
        ),
    ],
)
def test_bad_lines_raise_with_file_and_line(tmp_path, data, message):
    path = write(tmp_path / "train.tsv", data)
    assert error_of(path, max_chars=10) == f"{path}:{message}"


def test_missing_and_empty_files(tmp_path):
    missing = tmp_path / "missing.tsv"
    assert error_of(missing) == f"{missing}: no such file; check the path"
    assert error_of(tmp_path) == f"{tmp_path}: is a directory, not a corpus file"
    for data in (b"", b"\n\r\n  \n", b"\xef\xbb\xbf"):
        empty = write(tmp_path / "empty.tsv", data)
        assert error_of(empty) == (
            f"{empty}: the file is empty; expected lines of "
            "'source<TAB>target' or 'lang<TAB>source<TAB>target'"
        )


def test_aligned_files_with_different_line_counts(tmp_path):
    source = write(tmp_path / "en.txt", b"a\nb\nc\n")
    target = write(tmp_path / "fr.txt", b"a\nb\n")
    assert error_of([source, target]) == (
        f"{source}:3: {target} has only 2 lines; aligned files must have the same number of lines"
    )
    assert error_of([target, source]) == (
        f"{source}:3: {target} has only 2 lines; aligned files must have the same number of lines"
    )


def test_aligned_files_report_the_file_with_the_bad_line(tmp_path):
    source = write(tmp_path / "en.txt", b"a\nb\nc\n")
    target = write(tmp_path / "fr.txt", b"a\n\nc\xff\n")
    assert error_of([source, target]) == f"{target}:2: the target side is empty; {HINT}"
    examples, summary = read_all([source, target], skip_bad=True)
    assert [e.line for e in examples] == [1]
    assert dict(summary.skipped) == {"empty side": 1, "invalid UTF-8": 1}


def test_aligned_files_report_an_over_long_source_in_the_source_file(tmp_path):
    source = write(tmp_path / "en.txt", b"a\n" + b"x" * 11 + b"\n")
    target = write(tmp_path / "fr.txt", b"a\nb\n")
    assert error_of([source, target], max_chars=10) == (
        f"{source}:2: the source side has 11 characters, more than max_chars=10; split the line "
        f"or raise --max-chars; {HINT}"
    )


def test_a_bad_first_line_with_a_valid_column_count_still_fixes_the_count(tmp_path):
    path = write(tmp_path / "a.tsv", b"French\ta\tb\nc\td\nfr\te\tf\n")
    examples, summary = read_all(path, skip_bad=True)
    assert examples == [Example("e", "f", "fr", 3)]
    assert summary.first_lines == {"invalid language code": [1], "wrong column count": [2]}


def test_skip_mode_counts_reasons_and_first_lines(tmp_path):
    lines = (
        [b"fr\tok\tok"]
        + [b"fr\tonly two"] * 7
        + [b"xx-toolong\ta\tb", b"\xff\ta\tb", b"fr\t\tb", b"fr\tgood\tbon"]
    )
    path = write(tmp_path / "train.tsv", b"\n".join(lines) + b"\n")
    examples, summary = read_all(path, skip_bad=True)
    assert [e.line for e in examples] == [1, 12]
    assert summary.examples == 2 and summary.total_skipped == 10
    assert summary.skipped == {
        "wrong column count": 7,
        "invalid language code": 1,
        "invalid UTF-8": 1,
        "empty side": 1,
    }
    assert summary.first_lines["wrong column count"] == [2, 3, 4, 5, 6]
    assert str(summary) == (
        f"{path}: read 2 examples, skipped 10 bad lines (empty side: 1 (line 11); invalid UTF-8: "
        "1 (line 10); invalid language code: 1 (line 9); wrong column count: 7 (lines 2, 3, 4, 5, "
        "6, ...))"
    )


def test_skip_mode_lets_the_first_good_line_fix_the_columns(tmp_path):
    path = write(tmp_path / "a.tsv", b"header only\nfr\ta\tb\nc\td\n")
    examples, summary = read_all(path, skip_bad=True)
    assert examples == [Example("a", "b", "fr", 2)]
    assert summary.first_lines["wrong column count"] == [1, 3]


def test_skip_mode_with_nothing_usable(tmp_path):
    path = write(tmp_path / "a.tsv", b"one\ntwo\n")
    assert error_of(path, skip_bad=True) == (
        f"{path}: no usable lines; skipped 2 bad lines (wrong column count: 2 (lines 1, 2))"
    )


def test_bad_options(tmp_path):
    with pytest.raises(ConfigError, match="invalid language code 'french'"):
        read_parallel(tmp_path / "a.tsv", default_lang="french")
    with pytest.raises(ConfigError, match="not 3 files"):
        read_parallel([tmp_path / "a", tmp_path / "b", tmp_path / "c"])


def test_reading_streams(tmp_path):
    path = tmp_path / "big.tsv"
    with open(path, "wb") as f:
        f.writelines(b"fr\tsource %d\ttarget %d\n" % (i, i) for i in range(100_000))
    corpus = read_parallel(path)
    # Consuming while keeping only the last example: memory stays flat however long the file.
    (last,) = collections.deque(corpus, maxlen=1)
    assert last == Example("source 99999", "target 99999", "fr", 100_000)
    assert corpus.summary.examples == 100_000

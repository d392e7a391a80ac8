import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnnkit.errors import DataError
from rnnkit.text import SentencePieceTokenizer, WordTokenizer, load_tokenizer

word = WordTokenizer()


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Cats are nice.", ["Cats", "are", "nice", "."]),
        (
            "It is 3:45, and 2.5 points; 1,000 fans!",
            ["It", "is", "3:45", ",", "and", "2.5", "points", ";", "1,000", "fans", "!"],
        ),
        (
            "L'équipe d'Italia, qu'aujourd'hui",
            ["L'", "équipe", "d'", "Italia", ",", "qu'", "aujourd'hui"],
        ),
        ("don't O'Brien well-known", ["don't", "O'Brien", "well-known"]),
        ("Raptors dẫn trước Celtics 54–49", ["Raptors", "dẫn", "trước", "Celtics", "54–49"]),
        ("won 102-98", ["won", "102-98"]),
        ("Он сказал: «Привет»", ["Он", "сказал", ":", "«", "Привет", "»"]),
        ("Καλημέρα κόσμε", ["Καλημέρα", "κόσμε"]),
        ("نمی‌خواهم بروم؟", ["نمی\u200cخواهم", "بروم", "؟"]),
        ("नमस्ते दुनिया।", ["नमस्ते", "दुनिया", "।"]),
        ("cafe\u0301 ok", ["cafe\u0301", "ok"]),  # decomposed accent stays in its word
        ("我喜欢篮球。", ["我", "喜", "欢", "篮", "球", "。"]),
        ("バスケが好き", ["バ", "ス", "ケ", "が", "好", "き"]),
        ("농구를 좋아해요", ["농구를", "좋아해요"]),
        ("<2pt-BR> Olá <2zh>", ["<2pt-BR>", "Olá", "<2zh>"]),
        ("<2fr>Bonjour", ["<2fr>", "Bonjour"]),
        (
            'He said "hi (there)" today.',
            ["He", "said", '"', "hi", "(", "there", ")", '"', "today", "."],
        ),
    ],
)
def test_word_tokens(text, tokens):
    assert word.tokenize(text) == tokens


@pytest.mark.parametrize(
    "text",
    [
        "Cats are nice.",
        "L'équipe a gagné 102-98 à 3:45, avec 2.5 points!",
        "Raptors dẫn trước Celtics 54–49",
        "Он сказал: «Привет» (тихо).",
        "我喜欢篮球。",
        "He said \"hi\" and 'bye' [sic]; $5 or 50%… ¿Qué? “Yes” ‘no’",
        "नमस्ते दुनिया।",
        "<2fr> Bonjour.",
    ],
)
def test_detokenize_restores_normally_spaced_text(text):
    assert word.detokenize(word.tokenize(text)) == text


def test_detokenize_normalises_other_spacing():
    assert word.detokenize(word.tokenize("Bonjour , le  monde !")) == "Bonjour, le monde!"
    assert word.detokenize(word.tokenize("我 喜欢 NBA")) == "我喜欢NBA"


def test_lowercase_keeps_language_tags():
    assert WordTokenizer(lowercase=True).tokenize("<2pt-BR> The NBA") == ["<2pt-BR>", "the", "nba"]


# Text that the round-trip contract in WordTokenizer's docstring covers: words from several
# scripts, numbers, tags, elisions, punctuation attached the English way, brackets and quotes.
letters = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCZéàüñçøßабвгдёжЖαβγΩ"))
plain_word = st.text(letters, min_size=1, max_size=7)
inner_joined = st.tuples(plain_word, st.sampled_from("'-"), plain_word).map("".join)
number = st.one_of(
    st.integers(0, 10**6).map(str),
    st.tuples(st.integers(0, 99), st.sampled_from(".:,"), st.integers(0, 99)).map(
        lambda t: f"{t[0]}{t[1]}{t[2]:02d}"
    ),
)
elided = st.tuples(st.sampled_from(["l'", "d'", "qu'", "L'", "dell'"]), plain_word).map("".join)
tag = st.sampled_from(["<2fr>", "<2zh>", "<2pt-BR>"])
token = st.one_of(
    plain_word,
    plain_word,
    inner_joined,
    number,
    elided,
    tag,
    st.sampled_from(["नमस्ते", "عربي", "मैं"]),
)
trailing = st.sampled_from(["", "", "", ",", ".", "!", "?", ";", ":", "%", "…"])
phrase = st.lists(st.tuples(token, trailing).map("".join), min_size=1, max_size=5).map(" ".join)
wrapped = st.one_of(
    phrase,
    phrase.map(lambda p: f"({p})"),
    phrase.map(lambda p: f"“{p}”"),
    phrase.map(lambda p: f"«{p}»"),
    phrase.map(lambda p: f'"{p}"'),
)
sentence = st.lists(wrapped, min_size=1, max_size=4).map(" ".join)
cjk_sentence = st.text(st.sampled_from(list("我喜欢篮球比赛好きですか。，！")), min_size=1)


@given(st.one_of(sentence, cjk_sentence))
def test_round_trip_property(text):
    assert word.detokenize(word.tokenize(text)) == text


@given(st.text())
def test_tokens_never_contain_whitespace_and_cover_the_text(text):
    tokens = word.tokenize(text)
    assert all(t and not any(c.isspace() for c in t) for t in tokens)
    assert "".join(tokens) == "".join(c for c in text if not c.isspace())


def test_word_tokenizer_save_and_load(tmp_path):
    WordTokenizer(lowercase=True).save(tmp_path / "tok")
    config = json.loads((tmp_path / "tok" / "tokenizer.json").read_text())
    assert config == {"kind": "word", "lowercase": True}
    loaded = load_tokenizer(tmp_path / "tok")
    assert isinstance(loaded, WordTokenizer) and loaded.lowercase
    assert WordTokenizer.load(tmp_path / "tok").lowercase


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "tokenizer.json: no tokenizer here; save or train a tokenizer first"),
        ('{"kind": "word",\n "lowercase": }', "tokenizer.json:2: invalid JSON: Expecting value"),
        (
            '{"kind": "bytes"}',
            "tokenizer.json: unknown tokenizer kind 'bytes'; expected one of word, sentencepiece",
        ),
        (
            '{"kind": "word", "lower": true}',
            "tokenizer.json: unknown word tokenizer options: lower",
        ),
    ],
)
def test_bad_tokenizer_configs(tmp_path, content, message):
    if content is not None:
        (tmp_path / "tokenizer.json").write_text(content)
    with pytest.raises(DataError) as error:
        load_tokenizer(tmp_path)
    assert str(error.value) == str(tmp_path / message)


def test_loading_the_wrong_kind(tmp_path):
    WordTokenizer().save(tmp_path)
    with pytest.raises(DataError, match="holds a 'word' tokenizer, not a 'sentencepiece' one"):
        SentencePieceTokenizer.load(tmp_path)


def corpus(n=400):
    subjects = ["the Raptors", "Toronto", "the Celtics", "our team", "the fans"]
    verbs = ["won", "lost", "played", "scored against", "celebrated with"]
    return [
        f"<2fr> {subjects[i % 5]} {verbs[i // 5 % 5]} {subjects[i // 25 % 5]} tonight, {i} points."
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def spm_tokenizers():
    return {
        kind: SentencePieceTokenizer.train(
            corpus(), vocab_size=120, model_type=kind, languages=["fr", "pt-BR"]
        )
        for kind in ("unigram", "bpe")
    }


@pytest.mark.parametrize("kind", ["unigram", "bpe"])
def test_sentencepiece_round_trip_and_tags(spm_tokenizers, kind):
    tokenizer = spm_tokenizers[kind]
    text = "<2fr> the Raptors won tonight, 77 points."
    pieces = tokenizer.tokenize(text)
    assert pieces[0] == "<2fr>" and all(p.strip() for p in pieces)
    assert tokenizer.detokenize(pieces) == text
    # Tags stay whole whether or not they were declared at training time.
    for tag in ("<2pt-BR>", "<2zh>"):
        assert tokenizer.tokenize(f"{tag} Toronto")[0] == tag
        assert tokenizer.detokenize(tokenizer.tokenize(f"a {tag} b")) == f"a {tag} b"


def test_sentencepiece_declares_tags_as_symbols(spm_tokenizers):
    processor = spm_tokenizers["unigram"]._processor
    assert processor.encode("<2pt-BR>", out_type=str)[-1] == "<2pt-BR>"


def test_sentencepiece_save_and_load(spm_tokenizers, tmp_path):
    tokenizer = spm_tokenizers["bpe"]
    tokenizer.save(tmp_path)
    assert (tmp_path / "spm.model").exists()
    loaded = load_tokenizer(tmp_path)
    assert isinstance(loaded, SentencePieceTokenizer)
    text = "<2fr> the fans lost, 12 points."
    assert loaded.tokenize(text) == tokenizer.tokenize(text)


def test_sentencepiece_missing_or_corrupt_model(tmp_path):
    (tmp_path / "tokenizer.json").write_text('{"kind": "sentencepiece"}')
    with pytest.raises(DataError, match="spm.model: the sentencepiece model is missing"):
        load_tokenizer(tmp_path)
    (tmp_path / "spm.model").write_bytes(b"not a model")
    with pytest.raises(DataError, match="spm.model: not a sentencepiece model"):
        load_tokenizer(tmp_path)


def test_sentencepiece_rejects_unknown_model_type():
    with pytest.raises(ValueError, match="model_type must be"):
        SentencePieceTokenizer.train(corpus(10), model_type="char")


def test_sentencepiece_splits_the_digits_of_every_script():
    persian, bengali = "۰۱۲۳۴۵۶۷۸۹", "০১২৩৪৫৬৭৮৯"
    lines = []
    for i in range(300):
        score = f"{i % 97} {i % 89}:{i % 60:02d}"
        for digits in ("0123456789", persian, bengali):
            lines.append(score.translate(str.maketrans("0123456789", digits)) + " points")
    tokenizer = SentencePieceTokenizer.train(lines, vocab_size=200)
    for text in ("54 3:47 points", "۵۴ ۳:۴۷ points", "৫৪ ৩:৪৭ points"):
        pieces = tokenizer.tokenize(text)
        assert [p for p in pieces if p.strip("▁").isdecimal()] == [
            ch for ch in text if ch.isdecimal()
        ], pieces
        assert tokenizer.detokenize(pieces) == text
    merged = SentencePieceTokenizer.train(lines, vocab_size=200, split_digits=False)
    assert any(
        len(p.strip("▁")) > 1 and p.strip("▁").isdecimal() for p in merged.tokenize("۵۴ ۳:۴۷")
    )


def test_sentencepiece_keeps_every_character():
    # NFKC (sentencepiece's default) would write "，" as "," and "ｍ" as "m".
    lines = [f"第{i % 4}节还剩{i % 12}:{i % 60:02d}，双方战成{i}平 ｍ" for i in range(200)]
    tokenizer = SentencePieceTokenizer.train(lines, vocab_size=120, model_type="bpe")
    for text in lines[:20]:
        assert tokenizer.detokenize(tokenizer.tokenize(text)) == text
    nfkc = SentencePieceTokenizer.train(
        lines, vocab_size=120, normalization="nmt_nfkc", split_unspaced=False
    )
    assert nfkc.detokenize(nfkc.tokenize(lines[0])) != lines[0]


def test_sentencepiece_spells_unspaced_scripts_by_character():
    # Names and actions in Cantonese, without spaces; one combination is never seen.
    names, actions = ["林奎斯", "高華治", "文沙"], ["搶到進攻籃板", "入樽得手", "上籃唔入"]
    lines = [n + a for n in names for a in actions if (n, a) != ("文沙", "入樽得手")] * 20
    for split, expect_seen in ((True, True), (False, False)):
        tokenizer = SentencePieceTokenizer.train(
            lines, vocab_size=200, model_type="bpe", split_unspaced=split
        )
        seen = {piece for line in lines for piece in tokenizer.tokenize(line)}
        held_out = tokenizer.tokenize("文沙入樽得手")
        assert tokenizer.detokenize(held_out) == "文沙入樽得手"
        assert (set(held_out) <= seen) == expect_seen, held_out

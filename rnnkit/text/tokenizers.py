"""Tokenizers: text -> list of tokens and back.

Two kinds share one small interface (`tokenize`, `detokenize`, `save`, `load`, `kind`):

- `WordTokenizer`: the lecture's tokens, words and punctuation marks as separate elements.
- `SentencePieceTokenizer`: subword pieces learned by the sentencepiece library, so rare
  words are spelled out in pieces instead of becoming <unk>.

Neither ever splits a target-language tag such as <2fr> or <2pt-BR>. A tokenizer directory
holds `tokenizer.json` ({"kind": ..., options}) and whatever model files the kind needs;
`load_tokenizer(directory)` reads any of them.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path

import sentencepiece

from rnnkit.errors import ConfigError, DataError
from rnnkit.files import atomic_write
from rnnkit.text.vocabulary import LANGUAGE_TAG, is_language_tag, language_tag

CONFIG_FILE = "tokenizer.json"


class Tokenizer(ABC):
    """The common interface; `kind` names the subclass in tokenizer.json."""

    kind: str
    option_types: dict[str, type] = {}  # the keys `options` returns, and their JSON types

    @abstractmethod
    def tokenize(self, text: str) -> list[str]:
        """Split one sentence into tokens."""

    @abstractmethod
    def detokenize(self, tokens: Sequence[str]) -> str:
        """Join tokens back into text (the inverse of `tokenize` for normal text)."""

    def options(self) -> dict:
        """The constructor options saved in tokenizer.json."""
        return {}

    def save(self, directory: str | os.PathLike) -> None:
        """Write tokenizer.json (and any model files) into `directory`, creating it."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        config = {"kind": self.kind, **self.options()}
        atomic_write(directory / CONFIG_FILE, json.dumps(config, indent=2) + "\n")

    @classmethod
    def load(cls, directory: str | os.PathLike) -> Tokenizer:
        """Read a tokenizer of this kind saved by `save`."""
        kind, options = _read_config(directory)
        if kind != cls.kind:
            raise DataError(
                Path(directory) / CONFIG_FILE,
                None,
                f"holds a {kind!r} tokenizer, not a {cls.kind!r} one",
            )
        return cls._from_options(Path(directory), options)

    @classmethod
    def _from_options(cls, directory: Path, options: dict) -> Tokenizer:
        """Rebuild from the saved options (subclasses with model files read them here)."""
        return cls(**options)


def load_tokenizer(directory: str | os.PathLike) -> Tokenizer:
    """Read whichever kind of tokenizer `directory` holds."""
    kind, options = _read_config(directory)
    return TOKENIZERS[kind]._from_options(Path(directory), options)


def _read_config(directory: str | os.PathLike) -> tuple[str, dict]:
    """The kind and options in tokenizer.json, checked: a known kind, known option names."""
    path = Path(directory) / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, None, "no tokenizer here; save or train a tokenizer first") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(path, None, f"cannot read the tokenizer config: {error}") from None
    try:
        config = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(path, error.lineno, f"invalid JSON: {error.msg}") from None
    kinds = ", ".join(TOKENIZERS)
    if not isinstance(config, dict) or "kind" not in config:
        raise DataError(path, None, f'expected a JSON object with "kind": one of {kinds}')
    kind = config["kind"]
    if not isinstance(kind, str) or kind not in TOKENIZERS:
        raise DataError(path, None, f"unknown tokenizer kind {kind!r}; expected one of {kinds}")
    cls = TOKENIZERS[kind]
    options = {key: value for key, value in config.items() if key != "kind"}
    unknown = set(options) - set(cls.option_types)
    if unknown:
        names = ", ".join(sorted(unknown))
        raise DataError(path, None, f"unknown {kind} tokenizer options: {names}")
    for key, value in options.items():
        kind_of_value = cls.option_types[key]
        if not isinstance(value, kind_of_value):
            raise DataError(
                path,
                None,
                f"option {key} of the {kind} tokenizer must be a {kind_of_value.__name__} "
                f"(JSON {'true or false' if kind_of_value is bool else kind_of_value.__name__}), "
                f"got {value!r}",
            )
    return kind, options


# -- the word tokenizer ---------------------------------------------------------------------


def _char_class(code_points: Iterable[int]) -> str:
    """A regex character class body for a set of code points, as compact ranges."""
    ranges = []
    # Consecutive code points keep the same difference to their position in the sorted list.
    for _, run in itertools.groupby(enumerate(sorted(code_points)), lambda p: p[1] - p[0]):
        first, *rest = (chr(c) for _, c in run)
        ranges.append(re.escape(first) + (f"-{re.escape(rest[-1])}" if rest else ""))
    return "".join(ranges)


# Combining marks (vowel signs of Devanagari, Arabic harakat, accents in decomposed text)
# are not \w in Python's re, yet they belong inside the word they modify; so do the zero-width
# (non-)joiners that Persian and the Indic scripts write inside words. Scanning planes 0-1 and
# plane 14 (variation selectors) for them takes a few milliseconds. The astral-plane marks get
# a class of their own, tried only after a one-range check for an astral character, because re
# tests a list of astral ranges one by one and that made every word much slower.
_MARKS = (
    _char_class(c for c in range(0x10000) if unicodedata.category(chr(c)).startswith("M"))
    + "\u200c\u200d"
)
_ASTRAL_MARKS = _char_class(
    c
    for c in itertools.chain(range(0x10000, 0x20000), range(0xE0000, 0xE1000))
    if unicodedata.category(chr(c)).startswith("M")
)

# Scripts written without spaces between words: each character is a token (with its marks).
_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3001-\u303f"  # CJK punctuation (not U+3000, the ideographic space) (、。「」 ...)
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u312f\u31a0-\u31ff"  # Bopomofo, Katakana extensions
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uff00-\uffef"  # fullwidth and halfwidth forms (，！？ ...)
    "\U00020000-\U0003134f"  # CJK ideographs, extensions B-G
)
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")

_LETTERS = rf"[^\W{_UNSPACED}]+"  # \w, less the unspaced scripts
# Letters, then any marks each followed by more letters: fast for the common markless word.
_MARK = rf"(?:[{_MARKS}]|(?=[\U00010000-\U0010ffff])[{_ASTRAL_MARKS}])"
_WORD = rf"{_LETTERS}(?:{_MARK}+(?:{_LETTERS})?)*"
# French and Italian elision: "l'équipe" -> "l'", "équipe", so that "équipe" is the same
# token as in "une équipe". Other inner apostrophes stay inside the word ("don't", "O'Brien").
_ELISIONS = "l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|dell|dall|nell|sull|all|un|quest|quell"
_APOSTROPHES = "'\u2019"
# Split off after tokenizing, and only from texts with an apostrophe: as a case-insensitive
# alternative inside _TOKEN it was tried at every token and doubled the tokenizing time.
_ELIDED = re.compile(rf"(?i:{_ELISIONS})[{_APOSTROPHES}]")

# A placeholder in OpenNMT's form ("｟P1｠", "｟P1:gen｠": the translator's slots), one token.
PLACEHOLDER = re.compile("｟[^｟｠\\s]+｠")

_TOKEN = re.compile(
    "|".join(
        [
            LANGUAGE_TAG,  # <2fr>, never split
            PLACEHOLDER.pattern,  # ｟P1｠, never split
            r"\d+(?:[.,:\-\u2013]\d+)+",  # 2.5, 3:45, 1,000, 54–49
            rf"[{_UNSPACED}][{_MARKS}]*",  # one CJK / kana / Thai char
            rf"{_WORD}(?:[-\u2010{_APOSTROPHES}]{_WORD})*",  # words, don't, well-known
            rf"\S[{_MARKS}]*",  # any other symbol, alone
        ]
    )
)


def _split_elision(token: str) -> list[str]:
    """["l'", "équipe"] for "l'équipe"; [token] for any other token ("aujourd'hui")."""
    match = _ELIDED.match(token)
    if match and match.end() < len(token):
        return [match.group(), token[match.end() :]]
    return [token]


# Spacing rules for detokenize (English typography).
_NO_SPACE_BEFORE = set(",.!?;:%)]}\u2026\u201d\u2019\u00bb\u203a")  # … ” ’ » ›
_NO_SPACE_BEFORE |= set("\u0964\u0965\u060c\u061b\u061f")  # । ॥ ، ؛ ؟ (Indic, Arabic)
_NO_SPACE_AFTER = set("([{$£#¿¡\u201c\u2018\u00ab\u2039\u201e")  # “ ‘ « ‹ „
_AMBIGUOUS_QUOTES = set("\"'")  # opening or closing: alternate, starting with opening


class WordTokenizer(Tokenizer):
    """Words, numbers and punctuation marks as separate tokens ("Cats are nice." -> 4 tokens).

    - Words are runs of letters, digits and combining marks in any script written with
      spaces (Latin, Cyrillic, Greek, Arabic, Devanagari, Hangul, ...), joined by inner
      apostrophes or hyphens: "don't", "O'Brien" and "well-known" are one token each.
    - French and Italian elisions split after the apostrophe: "l'équipe" -> "l'", "équipe".
    - Numbers with decimal points, commas or colons stay whole: "2.5", "3:45", "1,000", and
      so do scores and ranges joined by a hyphen or en dash: "54-49", "54–49".
    - Characters of scripts written without spaces (CJK ideographs, kana, Thai, and CJK
      punctuation) are one token each.
    - Any other non-space character is a token of its own; language tags (<2fr>) stay whole.
    - `lowercase` lowercases every token except language tags.

    Round-trip contract: detokenize(tokenize(s)) == s when s is "normally spaced" English-style
    text: no leading or trailing whitespace; one space between words, numbers and tags;
    , . ! ? ; : % ) ] } … and closing quotes ” ’ » › written right after the token before
    them; ( [ { $ £ # ¿ ¡ and opening quotes “ ‘ « ‹ „ right before the token after them;
    straight quotes " and ' alternating opening/closing; elisions written as "l'équipe";
    no spaces next to CJK/kana/Thai characters; no other inner punctuation in words
    (so not "U.S." or "3:45pm"). Spacing that differs (French " !", a space
    between Chinese and Latin text) is normalised.
    """

    kind = "word"
    option_types = {"lowercase": bool}

    def __init__(self, lowercase: bool = False):
        self.lowercase = lowercase

    def options(self) -> dict:
        return {"lowercase": self.lowercase}

    def tokenize(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text)
        if "'" in text or "\u2019" in text:
            tokens = [part for token in tokens for part in _split_elision(token)]
        if self.lowercase:
            tokens = [t if is_language_tag(t) else t.lower() for t in tokens]
        return tokens

    def detokenize(self, tokens: Sequence[str]) -> str:
        parts = []
        glue_next = True  # no space before the first token
        open_quotes = {quote: False for quote in _AMBIGUOUS_QUOTES}
        previous_unspaced = False
        for token in tokens:
            unspaced = _UNSPACED_CHAR.match(token) is not None and token[0] != "｟"
            if token in _AMBIGUOUS_QUOTES:
                closing = open_quotes[token]
                open_quotes[token] = not closing
                glue_before, glue_after = closing, not closing
            else:
                glue_before = token in _NO_SPACE_BEFORE
                glue_after = token in _NO_SPACE_AFTER or _ELIDED.fullmatch(token) is not None
            if not (glue_next or glue_before or unspaced or previous_unspaced):
                parts.append(" ")
            parts.append(token)
            glue_next, previous_unspaced = glue_after, unspaced
        return "".join(parts)


# -- the sentencepiece tokenizer ------------------------------------------------------------

_TAG_SPLIT = re.compile(f"({LANGUAGE_TAG})")
# Whitespace other than the space (U+0085 NEL, U+2028, tabs, ...): sentencepiece keeps some of
# it inside pieces, which then break the vocabulary file's one-token-per-line format and
# disagree with Python's idea of a word boundary. Both training and tokenizing make it a space.
_OTHER_SPACE = re.compile(r"[^\S ]")
# The trainer's complaint when vocab_size cannot hold every character: "... 10 vs 148. ..."
_TOO_SMALL = re.compile(r"smaller than required_chars\. (\d+) vs (\d+)")


class SentencePieceTokenizer(Tokenizer):
    """Subword pieces from a trained sentencepiece model ("▁bask", "etball").

    Language tags are kept whole even if the model never saw them: the text is split
    around them before the model encodes the rest.
    """

    kind = "sentencepiece"
    MODEL_FILE = "spm.model"

    def __init__(self, model_proto: bytes):
        if not model_proto:  # sentencepiece would accept it and fail at the first sentence
            raise ValueError("an empty sentencepiece model")
        self.model_proto = model_proto
        self._processor = sentencepiece.SentencePieceProcessor(model_proto=model_proto)

    @classmethod
    def train(
        cls,
        sentences: Iterable[str],
        vocab_size: int = 8000,
        model_type: str = "unigram",
        character_coverage: float = 1.0,
        languages: Iterable[str] = (),
        split_digits: bool = True,
        split_unspaced: bool = True,
        normalization: str = "identity",
    ) -> SentencePieceTokenizer:
        """Learn a model from `sentences` (an iterable of str, read once).

        `languages` (codes like 'fr') become user-defined symbols <2fr> so that the saved
        spm.model also keeps those tags whole when used on its own. `vocab_size` is an upper
        bound: small corpora give fewer pieces instead of failing. `character_coverage`
        below 1.0 (0.9995 is usual for CJK) maps the rarest characters to unknown.
        `split_digits`: every decimal digit, of any script, is a piece of its own, so a
        number never seen whole ("3:47", Persian "۵۴") is still spelled from known pieces
        and a model can map it digit by digit. `split_unspaced`: each character of a script
        written without spaces (Chinese, Japanese, Thai, ...) is a piece of its own, as in
        BERT's tokenizer; merged pieces there run across words, and a name never seen with an
        action ("林奎斯搶到進攻籃板", one piece otherwise) would be a piece never seen at all.
        `normalization`: sentencepiece's rule for
        rewriting text first; "identity" keeps every character (its default, "nmt_nfkc",
        turns the Chinese comma "，" into ",", so a model could never write the former).
        Placeholders in OpenNMT's form, "｟P1｠" or "｟P1:gen｠" (the translator's slots), found
        in the sentences become symbols of their own: one piece each, never split.
        """
        if model_type not in ("unigram", "bpe"):
            raise ValueError(f"model_type must be 'unigram' or 'bpe', not {model_type!r}")
        model = io.BytesIO()
        # Tags are not language: keep them out of the statistics the pieces are learned from.
        untagged = [_OTHER_SPACE.sub(" ", _TAG_SPLIT.sub(" ", s)) for s in sentences]
        symbols = [language_tag(code) for code in languages]
        symbols += sorted({p for s in untagged for p in PLACEHOLDER.findall(s)})
        if split_digits:
            # sentencepiece's own split_digits knows only 0-9; other scripts' digits are made
            # symbols, which it always cuts out alone (only those present: each takes a piece).
            symbols += sorted(
                {ch for s in untagged for ch in s if not ch.isascii() and ch.isdecimal()}
            )
        if split_unspaced:  # (the brackets of placeholders are in the fullwidth block)
            unspaced = {
                c for s in untagged for c in _UNSPACED_CHAR.findall(PLACEHOLDER.sub(" ", s))
            }
            symbols += sorted(unspaced)
        try:
            sentencepiece.SentencePieceTrainer.train(
                sentence_iterator=iter(untagged),
                model_writer=model,
                model_type=model_type,
                vocab_size=vocab_size,
                character_coverage=character_coverage,
                split_digits=split_digits,
                normalization_rule_name=normalization,
                user_defined_symbols=symbols,
                hard_vocab_limit=False,
                # rnnkit's Vocabulary adds <bos>/<eos> itself; the model needs only <unk>.
                bos_id=-1,
                eos_id=-1,
                minloglevel=2,  # the trainer otherwise logs every step to stderr
            )
        except RuntimeError as error:  # the trainer reports everything as RuntimeError
            too_small = _TOO_SMALL.search(str(error))
            if too_small:
                raise ConfigError(
                    f"vocab_size {vocab_size} is too small for sentencepiece: this corpus needs "
                    f"at least {too_small.group(2)} pieces (one per distinct character, <unk> "
                    "and the language tags); raise --vocab-size"
                ) from None
            message = str(error).splitlines()[0]
            raise ConfigError(f"sentencepiece could not train a model: {message}") from None
        return cls(model.getvalue())

    def tokenize(self, text: str) -> list[str]:
        pieces = []
        for i, part in enumerate(_TAG_SPLIT.split(text)):
            if i % 2:  # the odd parts of a split with one capture group are the tags
                pieces.append(part)
            elif part.strip():
                pieces.extend(self._processor.encode(_OTHER_SPACE.sub(" ", part), out_type=str))
        return pieces

    def detokenize(self, tokens: Sequence[str]) -> str:
        # Tags may be unknown to the model, so decode the runs between them separately.
        texts = []
        for is_tag, run in itertools.groupby(tokens, is_language_tag):
            run = list(run)
            texts.extend(run if is_tag else [self._processor.decode_pieces(run)])
        return " ".join(texts)

    def save(self, directory: str | os.PathLike) -> None:
        super().save(directory)
        atomic_write(Path(directory) / self.MODEL_FILE, self.model_proto)

    @classmethod
    def _from_options(cls, directory: Path, options: dict) -> SentencePieceTokenizer:
        path = directory / cls.MODEL_FILE
        try:
            return cls(path.read_bytes())
        except ValueError:  # empty
            raise DataError(
                path, None, "the sentencepiece model is empty; retrain the tokenizer"
            ) from None
        except FileNotFoundError:
            raise DataError(
                path,
                None,
                "the sentencepiece model is missing; retrain the "
                "tokenizer or copy spm.model beside tokenizer.json",
            ) from None
        except RuntimeError as error:  # sentencepiece's report of a corrupt model
            raise DataError(
                path,
                None,
                f"not a sentencepiece model ({str(error).splitlines()[0].strip()}); retrain the "
                "tokenizer or copy spm.model again",
            ) from None


TOKENIZERS: dict[str, type[Tokenizer]] = {
    cls.kind: cls for cls in (WordTokenizer, SentencePieceTokenizer)
}

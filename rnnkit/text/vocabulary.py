"""The vocabulary: an ordered dictionary token -> index, with the lecture's special tokens.

Index layout (fixed, so every vocabulary agrees on the specials):

    0 <pad>   fills the positions past a sequence's end in a batch
    1 <unk>   every word outside the vocabulary aliases to it (the lecture's UKW)
    2 <bos>   starts the decoder's input
    3 <eos>   ends every sentence
    4 ...     reserved tokens (target-language tags such as <2fr>), in the order given
    ...       the corpus tokens, most frequent first (or alphabetically)

A vocabulary is saved as a UTF-8 text file with one token per line, line n holding index
n - 1. Tokens that cannot survive that format are refused when the vocabulary is made, so
saving never fails and loading gives back exactly the same list.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from rnnkit.errors import DataError
from rnnkit.files import atomic_write
from rnnkit.text.lines import strip_bom

PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<bos>", "<eos>"
SPECIALS = (PAD, UNK, BOS, EOS)
PAD_INDEX, UNK_INDEX, BOS_INDEX, EOS_INDEX = range(4)

# A language code: 2-3 lowercase letters, optionally a region or script subtag
# (fr, yue, zh_CN, pt-BR, zh-Hant, es-419).
LANGUAGE_CODE = r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?"
_LANGUAGE_CODE = re.compile(LANGUAGE_CODE)
# The tag that asks the translator for a target language: <2fr>, <2pt-BR>.
LANGUAGE_TAG = rf"<2{LANGUAGE_CODE}>"
_LANGUAGE_TAG = re.compile(LANGUAGE_TAG)


def is_language_code(code: str) -> bool:
    """True for codes like 'fr', 'yue', 'zh_CN', 'pt-BR', 'zh-Hant', 'es-419'."""
    return _LANGUAGE_CODE.fullmatch(code) is not None


def is_language_tag(token: str) -> bool:
    """True for target-language tags like '<2fr>' and '<2pt-BR>'."""
    return _LANGUAGE_TAG.fullmatch(token) is not None


def language_tag(code: str) -> str:
    """The tag token for a language code: 'fr' -> '<2fr>'."""
    if not is_language_code(code):
        raise ValueError(f"invalid language code {code!r}; use a code like fr, zh, pt-BR")
    return f"<2{code}>"


def storage_problem(token: str) -> str | None:
    """Why `token` cannot be stored as one line of a vocabulary file, or None if it can."""
    if not isinstance(token, str):
        return f"is a {type(token).__name__}, not a str"
    if token == "":
        return "is empty"
    if "\n" in token or "\r" in token:
        return "contains a line break"
    if token != token.strip():
        # Editors and other tools strip such whitespace, so the file would not round-trip.
        return "starts or ends with whitespace"
    return None


class Vocabulary:
    """An ordered token <-> index mapping; the specials come first, at fixed indices.

    Build one from tokenized text with `Vocabulary.build`, or from a full list of tokens
    (which must start with <pad>, <unk>, <bos>, <eos>) with `Vocabulary(itos)`.
    """

    def __init__(self, itos: Iterable[str]):
        itos = list(itos)
        if tuple(itos[:4]) != SPECIALS:
            raise ValueError(f"a vocabulary must start with {', '.join(SPECIALS)}")
        stoi = {}
        for index, token in enumerate(itos):
            problem = storage_problem(token)
            if problem:
                raise ValueError(f"token {token!r} {problem}; it cannot be stored one per line")
            if token in stoi:
                raise ValueError(f"token {token!r} appears twice (indices {stoi[token]}, {index})")
            stoi[token] = index
        self._itos = tuple(itos)
        self._stoi = stoi
        # Text never becomes a control token: "<eos>" or "<2es>" typed by a user encodes as
        # <unk>, so it cannot end a sentence or switch the target language.
        self._text_ids = {
            t: i for t, i in stoi.items() if t not in SPECIALS and not is_language_tag(t)
        }

    @classmethod
    def build(
        cls,
        token_lists: Iterable[Sequence[str]],
        max_size: int | None = 20000,
        min_freq: int = 1,
        order: str = "frequency",
        reserved: Iterable[str] = (),
    ) -> Vocabulary:
        """Count the tokens of `token_lists` (one list per sentence) and keep the frequent ones.

        See `from_counts` for the arguments; this only does the counting, streaming over
        the sentences.
        """
        counts: Counter[str] = Counter()
        for tokens in token_lists:
            counts.update(tokens)
        return cls.from_counts(counts, max_size, min_freq, order, reserved)

    @classmethod
    def from_counts(
        cls,
        counts: Mapping[str, int],
        max_size: int | None = 20000,
        min_freq: int = 1,
        order: str = "frequency",
        reserved: Iterable[str] = (),
    ) -> Vocabulary:
        """A vocabulary of the tokens seen at least `min_freq` times, capped at `max_size`.

        `max_size` counts every entry, the 4 specials and the `reserved` tokens included
        (None: no cap). The corpus tokens kept are always the most frequent ones, ties
        broken alphabetically (by code point); `order` then lays them out either by
        frequency ('frequency') or alphabetically ('alphabetical': the lecture's table
        a, aaron, ..., zulu). Specials and reserved tokens in `counts` are not counted twice.
        """
        if order not in ("frequency", "alphabetical"):
            raise ValueError(f"order must be 'frequency' or 'alphabetical', not {order!r}")
        if min_freq < 1:
            raise ValueError(f"min_freq must be at least 1, not {min_freq}")
        fixed = [*SPECIALS, *reserved]
        if max_size is not None and max_size < len(fixed):
            raise ValueError(
                f"max_size={max_size} leaves no room for the {len(fixed)} specials and reserved "
                "tokens; it counts them too"
            )
        taken = set(fixed)
        candidates = [t for t, n in counts.items() if n >= min_freq and t not in taken]
        candidates.sort(key=lambda t: (-counts[t], t))
        if max_size is not None:
            candidates = candidates[: max_size - len(fixed)]
        if order == "alphabetical":
            candidates.sort()
        return cls(fixed + candidates)

    # -- the mapping ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._itos)

    def __contains__(self, token: object) -> bool:
        return token in self._stoi

    def __getitem__(self, token: str) -> int:
        """The index of `token`; unknown tokens give the <unk> index."""
        return self._stoi.get(token, UNK_INDEX)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and self._itos == other._itos

    def __hash__(self) -> int:
        return hash(self._itos)

    def __repr__(self) -> str:
        head = ", ".join(self._itos[4:10])
        return f"Vocabulary(size={len(self)}, first tokens after the specials: {head})"

    @property
    def itos(self) -> tuple[str, ...]:
        """Every token, in index order."""
        return self._itos

    def lookup(self, index: int) -> str:
        """The token at `index` (IndexError when out of range)."""
        if not 0 <= index < len(self._itos):
            raise IndexError(f"index {index} is outside the vocabulary (size {len(self)})")
        return self._itos[index]

    @property
    def pad_index(self) -> int:
        return PAD_INDEX

    @property
    def unk_index(self) -> int:
        return UNK_INDEX

    @property
    def bos_index(self) -> int:
        return BOS_INDEX

    @property
    def eos_index(self) -> int:
        return EOS_INDEX

    # -- encoding ---------------------------------------------------------------------------

    def encode(
        self, tokens: Iterable[str], add_eos: bool = False, add_bos: bool = False
    ) -> list[int]:
        """Token indices of the text `tokens`, unknown ones as <unk>, optionally framed by
        <bos>/<eos>. A special or a language tag in the text is <unk> too (only
        `vocab[token]` gives a control token's index)."""
        ids = [self._text_ids.get(t, UNK_INDEX) for t in tokens]
        if add_bos:
            ids.insert(0, BOS_INDEX)
        if add_eos:
            ids.append(EOS_INDEX)
        return ids

    def decode(self, ids: Iterable[int], strip_specials: bool = True) -> list[str]:
        """Tokens of `ids` (any iterable of ints, e.g. a 1-D array).

        With `strip_specials`, decoding stops at the first <eos> and drops <pad> and <bos>,
        giving the sentence a model produced; <unk> stays so the gap remains visible.
        Without it, every index is shown as its token (useful to inspect a batch).
        """
        tokens = []
        for index in ids:
            index = int(index)
            if strip_specials:
                if index == EOS_INDEX:
                    break
                if index in (PAD_INDEX, BOS_INDEX):
                    continue
            tokens.append(self.lookup(index))
        return tokens

    def one_hot(self, ids) -> np.ndarray:
        """The lecture's one-hot encoding: ids of shape (...) -> float32 array (..., V).

        Row k is all zeros except a 1 at ids[k]. An embedding lookup E[ids] computes the
        same as one_hot(ids) @ E without building this array.
        """
        ids = np.asarray(ids)
        if ids.size and not np.issubdtype(ids.dtype, np.integer):
            raise TypeError(f"ids must be integers, not {ids.dtype}")
        ids = ids.astype(np.int64)
        if ids.size and (ids.min() < 0 or ids.max() >= len(self)):
            raise IndexError(f"ids must lie in [0, {len(self)}); got {ids.min()}..{ids.max()}")
        out = np.zeros(ids.shape + (len(self),), dtype=np.float32)
        np.put_along_axis(out, ids[..., None], 1.0, axis=-1)
        return out

    def unk_rate(self, token_lists: Iterable[Sequence[str]]) -> float:
        """The fraction of tokens that encode to <unk> (0.0 for no tokens at all)."""
        total = unknown = 0
        for tokens in token_lists:
            total += len(tokens)
            unknown += sum(1 for t in tokens if self._stoi.get(t, UNK_INDEX) == UNK_INDEX)
        return unknown / total if total else 0.0

    # -- files ------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> None:
        """Write one token per line (UTF-8, LF); replaces the file atomically."""
        atomic_write(path, "".join(token + "\n" for token in self._itos))

    @classmethod
    def load(cls, path: str | os.PathLike) -> Vocabulary:
        """Read a file written by `save` (a UTF-8 BOM and CRLF line ends are accepted).

        Raises DataError naming the line of an empty, padded, duplicated or undecodable
        token, or of a missing special.
        """
        try:
            with open(path, "rb") as f:
                raw_lines = f.read().split(b"\n")
        except OSError as error:
            raise DataError(path, None, f"cannot read the vocabulary: {error.strerror}") from None
        if raw_lines[-1] == b"":
            raw_lines.pop()  # the newline that ends the last token
        if raw_lines:
            raw_lines[0] = strip_bom(raw_lines[0])
        itos: list[str] = []
        seen: dict[str, int] = {}
        for number, raw in enumerate(raw_lines, start=1):
            raw = raw.removesuffix(b"\r")
            try:
                token = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise DataError(
                    path, number, f"invalid UTF-8 at byte {error.start + 1}; save the file as UTF-8"
                ) from None
            problem = storage_problem(token)
            if problem:
                raise DataError(
                    path,
                    number,
                    f"the token {problem}; a vocabulary file holds one "
                    "token per line with no blank lines",
                )
            if token in seen:
                raise DataError(
                    path,
                    number,
                    f"token {token!r} repeats line {seen[token]}; each token must appear once",
                )
            if number <= len(SPECIALS) and token != SPECIALS[number - 1]:
                raise DataError(
                    path,
                    number,
                    f"expected {SPECIALS[number - 1]} here; the file "
                    "must start with " + ", ".join(SPECIALS) + " (one per line)",
                )
            seen[token] = number
            itos.append(token)
        if len(itos) < len(SPECIALS):
            raise DataError(
                path,
                None,
                "the vocabulary file is too short; it must start with "
                + ", ".join(SPECIALS)
                + " (one per line)",
            )
        return cls(itos)

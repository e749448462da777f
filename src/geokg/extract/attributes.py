"""The model's attribute ruler, matched through an index instead of spaCy's generic Matcher.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology, and fixes a few lemmas, with 179 token patterns. spaCy runs them through its
general ``Matcher``, which steps every pattern's state machine over every token: about a
tenth of the whole parse. Every one of those patterns is a fixed-length sequence of token
tests (equality, ``IN``, ``NOT_IN`` or ``REGEX`` on ``TAG``, ``LOWER``, ``DEP`` ...), so a
token can look up the few patterns that may start on it by its tag or its lowercase form.

:class:`IndexedAttributeRuler` is spaCy's ruler with the model's patterns (its attributes and
``set_annotations`` unchanged); only how matches are found differs: the matches are the same
list, in the same order, so every token gets the same annotations (a slow test compares
them on real news). A ruler with a pattern outside that subset (quantifiers, other
attributes or operators) is matched by spaCy's Matcher as before.

    >>> import spacy
    >>> from spacy.pipeline import AttributeRuler
    >>> nlp = spacy.blank("en")
    >>> ruler = IndexedAttributeRuler(nlp.vocab)
    >>> ruler.add([[{"LOWER": "un"}]], {"POS": "PROPN"})
    >>> ruler.indexed
    True
    >>> [t.pos_ for t in ruler(nlp("the UN said"))]
    ['', 'PROPN', '']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Token attributes an indexed pattern may test, in the order of the array read per Doc,
# and their names in patterns.
ATTRIBUTE_IDS = (TAG, LOWER, DEP, IS_SPACE)
_NAME_OF = {number: name for name, number in IDS.items()}
ATTRIBUTES: tuple[str, ...] = tuple(_NAME_OF[number] for number in ATTRIBUTE_IDS)
_COLUMN = {name: column for column, name in enumerate(ATTRIBUTES)}

Test = Callable[[int, Callable[[int], str]], bool]


class UnsupportedPattern(ValueError):
    """A pattern the index cannot match exactly (the Matcher then does)."""


@dataclass(frozen=True)
class TokenTest:
    """The tests one pattern token makes, on the attribute columns of a Doc's array."""

    tests: tuple[tuple[int, Test], ...]

    def matches(self, row: Sequence[int], text: Callable[[int], str]) -> bool:
        return all(test(row[column], text) for column, test in self.tests)


@dataclass(frozen=True)
class IndexedPattern:
    key: int  # the ruler's attribute id (its order of precedence)
    match_id: int  # the Matcher's key for it: the hash of str(key)
    tokens: tuple[TokenTest, ...]


def _value_test(name: str, value: Any, hash_of: Callable[[str], int]) -> Test:
    """One attribute test: a value, or a dict with one of IN, NOT_IN, REGEX."""
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        wanted = int(value)
        return lambda cell, _text: cell == wanted
    if isinstance(value, str):
        code = hash_of(value)
        return lambda cell, _text: cell == code
    if isinstance(value, Mapping) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator in {"IN", "NOT_IN"} and isinstance(operand, list):
            codes = frozenset(hash_of(item) for item in operand)
            if operator == "IN":
                return lambda cell, _text: cell in codes
            return lambda cell, _text: cell not in codes
        if operator == "REGEX" and isinstance(operand, str):
            pattern = re.compile(operand)
            return lambda cell, text: pattern.search(text(cell)) is not None
    raise UnsupportedPattern(f"{name} {value!r}")


def _token_test(spec: Mapping[str, Any], hash_of: Callable[[str], int]) -> TokenTest:
    tests = []
    for name, value in spec.items():
        if name not in _COLUMN:
            raise UnsupportedPattern(name)
        tests.append((_COLUMN[name], _value_test(name, value, hash_of)))
    return TokenTest(tuple(tests))


def _filing(
    spec: Mapping[str, Any], hash_of: Callable[[str], int]
) -> tuple[tuple[int, ...], list[tuple[int, ...]], dict[str, Any]]:
    """How a pattern is filed by its first token: the columns it tests by equality or
    ``IN`` (its signature), every combination of values it accepts there, and the tests
    left (``NOT_IN``, ``REGEX``)."""
    signature: list[int] = []
    keys: list[tuple[int, ...]] = [()]
    rest = dict(spec)
    for name in ATTRIBUTES:
        value = spec.get(name)
        if isinstance(value, bool):
            accepted = [int(value)]
        elif isinstance(value, str):
            accepted = [hash_of(value)]
        elif isinstance(value, Mapping) and set(value) == {"IN"} and isinstance(value["IN"], list):
            accepted = [hash_of(item) for item in value["IN"]]
        else:
            continue
        signature.append(_COLUMN[name])
        keys = [(*key, code) for key in keys for code in accepted]
        del rest[name]
    return tuple(signature), keys, rest


ROW_CACHE_SIZE = 50_000  # distinct token rows remembered (then all forgotten at once)


class PatternIndex:
    """The ruler's patterns filed by the values their first token must have (its tag and
    lowercase form, its dependency label ...): a token looks up the patterns filed under
    its own values, one dictionary per signature, and tries only those. Which patterns
    may start on a token depends only on its row of tested attributes, so it is
    remembered per row (a bounded cache: memory stays flat)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        filed: dict[tuple[int, ...], dict[tuple[int, ...], list[IndexedPattern]]] = {}
        for key, entry in enumerate(ruler.patterns):
            match_id = strings[str(key)]
            alternatives: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            for alternative in alternatives:
                if not alternative or any("OP" in spec for spec in alternative):
                    raise UnsupportedPattern(f"pattern {key}: quantifier or empty")
                signature, values, first = _filing(alternative[0], strings.add)
                tests = [first, *alternative[1:]]
                tokens = tuple(_token_test(spec, strings.add) for spec in tests)
                pattern = IndexedPattern(key, match_id, tokens)
                table = filed.setdefault(signature, {})
                for value in values:
                    table.setdefault(value, []).append(pattern)
        self.filed = list(filed.items())
        self._rows: dict[tuple[int, ...], list[IndexedPattern]] = {}

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(key, match_id, start, end)`` of every match, sorted as the ruler sorts them."""
        strings = doc.vocab.strings

        def text(code: int) -> str:
            return strings[code]

        # One array read per Doc (uint64: hashes come back as Python ints, as
        # ``strings.add`` gives them); no Token is built.
        rows: list[tuple[int, ...]] = (
            [tuple(row) for row in doc.to_array(list(ATTRIBUTE_IDS)).tolist()] if len(doc) else []
        )
        found: set[tuple[int, int, int, int]] = set()
        known = self._rows
        for start, row in enumerate(rows):
            starting = known.get(row)
            if starting is None:
                starting = self._starting(row, text)
                if len(known) >= ROW_CACHE_SIZE:
                    known.clear()
                known[row] = starting
            for pattern in starting:
                tokens = pattern.tokens
                if len(tokens) == 1 or self._rest_matches(tokens, rows, start, text):
                    found.add((pattern.key, pattern.match_id, start, start + len(tokens)))
        return sorted(found)

    def _starting(self, row: tuple[int, ...], text: Callable[[int], str]) -> list[IndexedPattern]:
        """The patterns whose first token matches a token with ``row``."""
        hits = []
        for signature, table in self.filed:
            for pattern in table.get(tuple([row[column] for column in signature]), ()):
                first = pattern.tokens[0]
                if not first.tests or first.matches(row, text):
                    hits.append(pattern)
        return hits

    @staticmethod
    def _rest_matches(
        tokens: tuple[TokenTest, ...],
        rows: Sequence[Sequence[int]],
        start: int,
        text: Callable[[int], str],
    ) -> bool:
        """The tokens after the first (which matched) match from ``start``."""
        if start + len(tokens) > len(rows):
            return False
        for offset in range(1, len(tokens)):
            test = tokens[offset]
            if test.tests and not test.matches(rows[start + offset], text):
                return False
        return True


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` whose matches come from a :class:`PatternIndex` (from
    the Matcher, as before, when a pattern is outside what the index supports)."""

    _index: PatternIndex | None = None
    _indexed: bool | None = None  # None: not built since the last added pattern

    def add(self, patterns: Any, attrs: Any, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index, self._indexed = None, None

    def clear(self) -> None:
        super().clear()
        self._index, self._indexed = None, None

    def __reduce__(self) -> tuple[Any, ...]:
        # The index holds compiled tests (closures) that do not pickle: a pickled ruler (a
        # worker process started by "spawn") rebuilds it on first use. spaCy's Cython
        # reduce pickles the instance dict as it is, so the index is dropped from a copy.
        reduced = list(super().__reduce__())
        if len(reduced) > 2:
            reduced[2] = _without_index(reduced[2])
        return tuple(reduced)

    @property
    def indexed(self) -> bool:
        """True when every pattern is matched through the index."""
        self._build()
        return bool(self._indexed)

    def _build(self) -> None:
        if self._indexed is None:
            try:
                self._index, self._indexed = PatternIndex(self), True
            except UnsupportedPattern:
                self._index, self._indexed = None, False

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        self._build()
        if self._index is None:
            found: list[tuple[int, int, int, int]] = super().match(doc)
            return found
        return self._index.matches(doc)


def _without_index(state: Any) -> Any:
    """A pickled state (a dict, or a tuple holding one) without the built index."""
    if isinstance(state, dict):
        return {k: v for k, v in state.items() if k not in {"_index", "_indexed"}}
    if isinstance(state, tuple):
        return tuple(_without_index(part) for part in state)
    return state


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's ``name`` component (a spaCy ``AttributeRuler``) by an
    :class:`IndexedAttributeRuler` with the same patterns, under the same name and at the
    same place; True when replaced."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if isinstance(stock, IndexedAttributeRuler) or not isinstance(stock, AttributeRuler):
        return False
    patterns = stock.patterns
    indexed = nlp.replace_pipe(name, "geokg_attribute_ruler")
    assert isinstance(indexed, IndexedAttributeRuler)
    indexed.add_patterns(patterns)
    return True


@Language.factory("geokg_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)

"""One table of a sentence's tokens, built once, that the rules ask for their trigger words.

Each rule family used to walk every token of the sentence (``for verb in sentence``) to
find the few verbs of its own vocabulary; walking a spaCy ``Span`` builds every ``Token``
anew, and each rule read the token's part of speech and lemma again. A :class:`TokenIndex`
reads every token of the sentence once (its part of speech, dependency label, plain
lowercase lemma and the lexicon's corrected lemma, :meth:`Lexicon.lemma`) and answers
"the tokens whose lemma is in this word list", "the verbs", "the ``acomp`` tokens" in
sentence order, so that a rule visits only its candidates and keeps its own tests as they
were (the index only narrows the loop's source: every test the rule made still runs).

The index lives on the :class:`~geokg.extract.rules.base.SentenceContext` of its sentence
(built lazily, at most once per sentence) and dies with it; nothing is kept globally.
"""

from __future__ import annotations

import functools
from collections.abc import Container, Mapping
from itertools import chain
from operator import attrgetter

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from geokg.extract.lexicon import Lexicon

VERBAL = frozenset({"VERB", "AUX"})

_position = attrgetter("i")


@functools.lru_cache(maxsize=16)
def string_ids(terms: frozenset[str]) -> frozenset[int]:
    """The ids spaCy gives the strings ``terms`` (a token's ``LOWER`` id is the id of its
    lowercase form), to compare with a Doc's arrays without building its tokens. The same
    few word lists are asked for every document: kept for at most 16 of them."""
    return frozenset(get_string_id(term) for term in terms)


def _group(tokens: tuple[Token, ...], keys: list[str]) -> dict[str, tuple[Token, ...]]:
    grouped: dict[str, list[Token]] = {}
    for token, key in zip(tokens, keys, strict=True):
        grouped.setdefault(key, []).append(token)
    return {key: tuple(found) for key, found in grouped.items()}


def _merged(groups: list[tuple[Token, ...]]) -> tuple[Token, ...]:
    if not groups:
        return ()
    if len(groups) == 1:
        return groups[0]
    # The groups are disjoint: sorting by position gives sentence order (chain: no Python
    # generator frame per token).
    return tuple(sorted(chain.from_iterable(groups), key=_position))


class TokenIndex:
    """The tokens of one sentence by part of speech, dependency label and lemma.

    Every query answers a tuple of tokens in sentence order. ``lemma`` is the lexicon's
    lemma (:meth:`Lexicon.lemma`, corrected for known tagger errors on verbs), ``plain`` the
    token's own lowercase lemma (``token.lemma_.lower()``)."""

    def __init__(self, sentence: Span, lexicon: Lexicon) -> None:
        self.span = sentence
        tokens = tuple(sentence)
        self.tokens = tokens
        pos = [t.pos_ for t in tokens]
        plain = [t.lemma_.lower() for t in tokens]
        fixes = lexicon.lemma_fixes
        lemmas = [
            (fixes.get(t.lower_) or fixes.get(p, p)) if tag in VERBAL else p
            for t, tag, p in zip(tokens, pos, plain, strict=True)
        ]
        self._lemmas: Mapping[int, str] = {
            t.i: lemma for t, lemma in zip(tokens, lemmas, strict=True)
        }
        self._by_pos = _group(tokens, pos)
        self._by_plain = _group(tokens, plain)
        self._by_lemma = _group(tokens, lemmas)
        self._by_dep = _group(tokens, [t.dep_ for t in tokens])
        # Answers by tags or labels: the rules ask the same questions of every sentence.
        self._asked: dict[tuple[str, tuple[str, ...]], tuple[Token, ...]] = {}

    def covers(self, sentence: Span) -> bool:
        """Whether this is the index of ``sentence`` (same Doc, same tokens)."""
        span = self.span
        return (
            span.doc is sentence.doc and span.start == sentence.start and span.end == sentence.end
        )

    def lemma(self, token: Token) -> str:
        """The lexicon's lemma of a token of the sentence (as :meth:`Lexicon.lemma`)."""
        return self._lemmas[token.i]

    def pos(self, *tags: str) -> tuple[Token, ...]:
        """Tokens whose coarse part of speech is one of ``tags``."""
        return self._ask("pos", self._by_pos, tags)

    def dep(self, *labels: str) -> tuple[Token, ...]:
        """Tokens whose dependency label is one of ``labels``."""
        return self._ask("dep", self._by_dep, labels)

    def _ask(
        self, kind: str, groups: Mapping[str, tuple[Token, ...]], keys: tuple[str, ...]
    ) -> tuple[Token, ...]:
        found = self._asked.get((kind, keys))
        if found is None:
            found = _merged([groups[key] for key in keys if key in groups])
            self._asked[kind, keys] = found
        return found

    def lemma_in(self, words: Container[str]) -> tuple[Token, ...]:
        """Tokens whose lexicon lemma is in ``words``."""
        return _merged([found for lemma, found in self._by_lemma.items() if lemma in words])

    def plain_in(self, words: Container[str]) -> tuple[Token, ...]:
        """Tokens whose own lowercase lemma (``lemma_.lower()``) is in ``words``."""
        return _merged([found for lemma, found in self._by_plain.items() if lemma in words])


__all__ = ["VERBAL", "TokenIndex", "string_ids"]

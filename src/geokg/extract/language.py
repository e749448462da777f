"""Language detection: English documents and sentences only.

The pipeline is English-only: a document whose letters are mostly not Latin script, or whose
foreign function words outnumber English ones, yields no facts (:func:`looks_english`); a
sentence of an English document that is clearly foreign (a French quote) is skipped
(:func:`clearly_foreign`). The marker words are data (``english_markers`` and
``non_english_markers`` in ``data/lexicon/words.json``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.attrs import IS_ALPHA, IS_ASCII, LOWER
from spacy.tokens import Doc, Span, Token

from geokg.extract.lexicon import words
from geokg.extract.tokenindex import string_ids

# Share of a text's letters that must be in the Latin script (accents included) for it to
# be read at all: Arabic, Cyrillic or Chinese text gives nothing, a name in it does not count.
MIN_LATIN_SHARE = 0.7


# A sentence of an English document is still skipped when it has at least this many foreign
# function terms and more of them than English ones (a French quote inside an English story).
MIN_FOREIGN_WORDS = 2


def _latin_share(terms: list[str]) -> float:
    joined = "".join(terms)
    if joined.isascii():  # the common case, without a walk over every letter
        return 1.0 if any(c.isalpha() for c in joined) else 0.0
    letters = [c for w in terms for c in w if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    return latin / len(letters)


def _marker_counts(tokens: Iterable[Token]) -> tuple[int, int]:
    """English and foreign function terms; a capitalised foreign one inside a named entity
    is part of a name ("El Salvador", "La Paz", "Los Angeles") and does not count."""
    english = foreign = 0
    english_markers, non_english_markers = words().english_markers, words().non_english_markers
    for token in tokens:
        word = token.lower_
        english += word in english_markers
        if word in non_english_markers and (token.is_lower or not token.ent_type_):
            foreign += 1
    return english, foreign


MARKERS_KEY = "geokg.foreign_markers"
"""Key in ``doc.user_data`` of :func:`_foreign_candidates` (plain data, dies with the Doc)."""


def _foreign_candidates(doc: Doc) -> tuple[int, list[int], list[int]]:
    """Read once per Doc from its arrays (no Token built): the index of its first alphabetic
    token (its length if none), the indices of the tokens whose lowercase form is a foreign
    marker (a superset of the tokens :func:`_marker_counts` counts as foreign, which adds
    case and entity conditions), and the indices of its alphabetic tokens that are not
    ASCII. Where every alphabetic token is ASCII, the letters are all Latin script, so a
    sentence with fewer than :data:`MIN_FOREIGN_WORDS` candidates is not clearly foreign,
    and a text with a word and no candidate in its first 400 tokens looks English."""
    held = doc.user_data.get(MARKERS_KEY)
    if held is None or held[0] != len(doc):
        wanted = string_ids(words().non_english_markers)
        table = doc.to_array([LOWER, IS_ALPHA, IS_ASCII]).tolist()
        found = (
            next((i for i, row in enumerate(table) if row[1]), len(table)),
            [i for i, row in enumerate(table) if row[0] in wanted],
            [i for i, row in enumerate(table) if row[1] and not row[2]],
        )
        held = doc.user_data[MARKERS_KEY] = (len(doc), found)
    result: tuple[int, list[int], list[int]] = held[1]
    return result


def _count(positions: list[int], start: int, end: int) -> int:
    """How many of the sorted ``positions`` are in ``[start, end)``."""
    return bisect_left(positions, end) - bisect_left(positions, start)


def looks_english(doc: Doc | Span) -> bool:
    """Document-level language check: the letters are mostly Latin script and foreign
    function terms do not outnumber English ones. A text with neither kind (a headline or a
    sentence made of names: "Sudan allowed United Nations relief workers into Darfur") counts
    as English; the pipeline is English-only, other text yields no facts."""
    if isinstance(doc, Doc):
        first, markers, non_ascii = _foreign_candidates(doc)
        if (
            first < min(400, len(doc))
            and not _count(markers, 0, 400)
            and not _count(non_ascii, 0, 400)
        ):
            return True  # a word, all Latin script, and no foreign term in 400 tokens
    tokens = [t for t in doc[:400] if t.is_alpha]
    if not tokens or _latin_share([t.text for t in tokens]) < MIN_LATIN_SHARE:
        return False
    english, foreign = _marker_counts(tokens)
    return foreign <= english


def clearly_foreign(sentence: Span) -> bool:
    """Sentence-level check inside an English document: only text that is clearly not
    English (mostly non-Latin script, or several foreign function terms outnumbering the
    English ones) is skipped; a sentence without any function word is kept."""
    _, markers, non_ascii = _foreign_candidates(sentence.doc)
    if _count(markers, sentence.start, sentence.end) < MIN_FOREIGN_WORDS and not _count(
        non_ascii, sentence.start, sentence.end
    ):
        return False  # all Latin script, and too few foreign terms
    tokens = [t for t in sentence if t.is_alpha]
    if not tokens:
        return False
    if _latin_share([t.text for t in tokens]) < MIN_LATIN_SHARE:
        return True
    english, foreign = _marker_counts(tokens)
    return foreign >= MIN_FOREIGN_WORDS and foreign > english

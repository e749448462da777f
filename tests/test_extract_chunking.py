"""Long documents are parsed in batches bounded by characters (fast: no model)."""

from __future__ import annotations

import spacy

from geokg.extract.pipeline import char_batches


def test_batches_are_bounded_by_docs_and_characters():
    nlp = spacy.blank("en")
    pieces = [(nlp.make_doc("x" * size), (0, n)) for n, size in enumerate([30, 30, 50, 200, 10])]
    batches = list(char_batches(iter(pieces), max_docs=16, max_chars=100))
    sizes = [[len(doc.text) for doc, _ in batch] for batch in batches]
    assert sizes == [[30, 30], [50], [200], [10]]  # a longer chunk is a batch of its own
    assert [piece for batch in batches for piece in batch] == pieces  # order kept
    by_count = list(char_batches(iter(pieces), max_docs=2, max_chars=10**6))
    assert [len(batch) for batch in by_count] == [2, 2, 1]

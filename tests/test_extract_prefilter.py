"""The cheap prefilter of the name strategies (``Resolver._may_name``) rejects only tokens
that every strategy of :data:`NAME_STRATEGIES` declines: skipping them changes no result."""

from __future__ import annotations

import importlib.resources

import pytest

from geokg.extract import Extractor
from geokg.extract.resolve import Resolver
from geokg.extract.strategies import NAME_STRATEGIES

pytestmark = pytest.mark.slow


def test_tokens_the_prefilter_rejects_are_declined_by_every_name_strategy() -> None:
    extractor = Extractor()
    folder = importlib.resources.files("geokg") / "data" / "articles"
    texts = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )
    assert texts
    rejected = accepted = 0
    for name, text in texts:
        doc = extractor.nlp(text)
        resolver = Resolver(doc, extractor.gazetteer, extractor.lexicon, published=None)
        for token in doc:
            if resolver._may_name(token):
                accepted += 1
                continue
            rejected += 1
            for strategy in NAME_STRATEGIES:
                found = strategy(resolver, token)
                assert found is None, (name, token.i, token.text, strategy.__name__, found)
    # Most words are no names (verbs, function words); some are.
    assert rejected > accepted > 0

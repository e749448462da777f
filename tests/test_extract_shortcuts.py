"""Shortcuts of the extraction hot path give the answers of the slow way: the cheap
prefilter of the name strategies (``Resolver._may_name``) rejects only tokens that every
strategy of :data:`NAME_STRATEGIES` declines; a sentence's region classified from a slice of
the Doc's text is the one classified from the sentence's own text."""

from __future__ import annotations

import importlib.resources

import pytest

from geokg.extract import Extractor
from geokg.extract.resolve import Resolver
from geokg.extract.segments import Region, region_of
from geokg.extract.strategies import NAME_STRATEGIES

pytestmark = pytest.mark.slow


def _sample_texts() -> list[tuple[str, str]]:
    folder = importlib.resources.files("geokg") / "data" / "articles"
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_region_from_the_doc_text_is_the_region_from_the_sentence(extractor: Extractor) -> None:
    regions = set()
    for _, text in _sample_texts():
        doc = extractor.nlp(text)
        for sentence in doc.sents:
            region = region_of(sentence, doc.text)
            assert region == region_of(sentence), sentence.text
            regions.add(region)
    assert Region.BODY in regions and len(regions) > 1


def test_tokens_the_prefilter_rejects_are_declined_by_every_name_strategy(
    extractor: Extractor,
) -> None:
    texts = _sample_texts()
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


def test_naming_candidates_read_from_arrays_are_the_tokens_the_prefilter_accepts(
    extractor: Extractor,
) -> None:
    """The component's pass over a document visits the tokens :meth:`Resolver._may_name`
    accepts, found from the Doc's arrays: the same tokens, in the same order."""
    texts = _sample_texts()
    texts.append(("possessive", "The minister's aides and settlers met ORG staff in Nairobi."))
    accepted = 0
    for name, text in texts:
        doc = extractor.nlp(text)
        resolver = Resolver(doc, extractor.gazetteer, extractor.lexicon, published=None)
        expected = [token.i for token in doc if resolver._may_name(token)]
        assert resolver.naming_candidates() == expected, name
        accepted += len(expected)
    assert accepted > 100

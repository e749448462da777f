"""Article-level scores of the extractor on hand-annotated news articles (slow).

``tests/articles/`` holds twelve news articles written for this test suite in wire-service
style (headline, byline, dateline, photo captions with credits, pull quotes, "Related:"
lines, newsletter/cookie/registration boilerplate, curly quotes, quotes attributed at their
end, accusations, denials, hedges, conditionals, coordinated actors) on different regions
(South China Sea, Sahel, Korea, Caucasus, Red Sea), and four in other outlets' styles (a
Reuters-like wire brief, a long analysis with many quotes, a live blog with timestamps, a
government press release), and three added in round 5 (a 2025 wire story with a dateline
and caption, an explainer with quotes and "according to" attribution, and a story built on
denials, hedges and conditionals; their gold was written before the extractor was run on
them); ``gold.json`` holds the facts an analyst codes from them, in the
format of the shared development gold (optional facts marked). ``bundled_gold.json`` is the
gold of the short demo articles 02-04 shipped in ``data/articles/``.

Thresholds: in round 1 the extractor scored precision 1.00, recall 0.55 on the first five
articles; in round 2 (event coreference, "will pay a price" threats, quote attribution,
four more articles) precision ~0.89, recall ~0.64, F1 ~0.74 on the nine, and F1 ~0.97 on
the demo articles. The thresholds sit a few facts below that (one fact is about 0.015 of
recall) so that a regression of three or more facts, or a burst of false positives, fails
the test, while small lexicon changes elsewhere do not. Precision matters most here: facts
shown to users should be right. Round 5 (vowed/tolerance/weapon threats, bare refusals,
"they" of conjoined speakers, event coreference past the window by the event's own word,
three more articles): precision ~0.92, recall ~0.79, F1 ~0.85 on the twelve; the thresholds
again sit about three facts below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg.evaluate import evaluate_articles
from geokg.extract import Extractor

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parent / "articles"
DEMO_ARTICLES = Path(__file__).parent.parent / "data" / "articles"
MIN_F1 = 0.82
MIN_PRECISION = 0.89
MIN_DEMO_PRECISION = 0.85
MIN_DEMO_F1 = 0.85


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_test_articles(extractor: Extractor) -> None:
    report = evaluate_articles(ARTICLES / "gold.json", ARTICLES, extractor.extract)
    counts = report.counts
    assert len(report.articles) == 12
    details = [(a.file, a.misses, a.false_positives) for a in report.articles]
    assert counts.precision >= MIN_PRECISION, details
    assert counts.f1 >= MIN_F1, details


def test_every_test_article_yields_facts(extractor: Extractor) -> None:
    report = evaluate_articles(ARTICLES / "gold.json", ARTICLES, extractor.extract)
    assert all(article.hits for article in report.articles)


def test_demo_articles(extractor: Extractor) -> None:
    """The facts a reader expects from the demo articles: strikes and the reactions to them
    ("Iran condemned the strikes" -> the strikers), threats, sanctions and drills."""
    report = evaluate_articles(ARTICLES / "bundled_gold.json", DEMO_ARTICLES, extractor.extract)
    counts = report.counts
    details = [(a.file, a.misses, a.false_positives) for a in report.articles]
    assert len(report.articles) == 3
    assert counts.precision >= MIN_DEMO_PRECISION, details
    assert counts.f1 >= MIN_DEMO_F1, details

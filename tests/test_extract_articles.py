"""Article-level scores of the extractor on hand-annotated news articles (slow).

``tests/articles/`` holds five news articles written for this test suite in wire-service
style (headline, byline, dateline, photo captions with credits, pull quotes, "Related:"
lines, newsletter/cookie/registration boilerplate, curly quotes, quotes attributed at their
end, accusations, denials, hedges, conditionals, coordinated actors) on different regions
(South China Sea, Sahel, Korea, Caucasus, Red Sea), and ``gold.json`` the facts an analyst
codes from them, in the format of the shared development gold (optional facts marked).

Thresholds: when this test was written the extractor scored precision 1.00, recall 0.55,
F1 0.71 on this set (most misses need implicit objects: "South Korea and Japan condemned
the launch", or verbs outside the lexicon: "rammed", "cut off"). The thresholds sit a few
facts below that (one fact is about 0.02 of recall) so that a regression of three or more
facts, or a burst of false positives, fails the test, while small lexicon changes elsewhere
do not. Precision matters most here: facts shown to users should be right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg.evaluate import evaluate_articles
from geokg.extract import Extractor

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parent / "articles"
MIN_F1 = 0.62
MIN_PRECISION = 0.85


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_test_articles(extractor: Extractor) -> None:
    report = evaluate_articles(ARTICLES / "gold.json", ARTICLES, extractor.extract)
    counts = report.counts
    assert len(report.articles) == 5
    details = [(a.file, a.misses, a.false_positives) for a in report.articles]
    assert counts.precision >= MIN_PRECISION, details
    assert counts.f1 >= MIN_F1, details


def test_every_test_article_yields_facts(extractor: Extractor) -> None:
    report = evaluate_articles(ARTICLES / "gold.json", ARTICLES, extractor.extract)
    assert all(article.hits for article in report.articles)

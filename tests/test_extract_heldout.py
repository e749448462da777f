"""Sentence-level scores of the extractor on held-out PLOVER-style sets (slow).

Both sets hold sentences written for geokg in the style of the CAMEO manual's wire-service
examples (1980s-2020s, many countries, domestic and international events), coded like the
shared ``plover_dev.json`` (PLOVER event types, ISO3 or "IGO" actors, domestic events with
the same state on both sides). They measure how the rules generalise beyond the
development sentences and are never used to tune individual rules.

- ``plover_heldout.json`` (123 records) was written before the extractor's rules were
  looked at. Recall went 0.50 -> 0.67 -> 0.72 -> 0.73 over the first extraction rounds.
- ``plover_heldout2.json`` (170 records) was written blind by another engineer (without
  reading the extractor's code, lexicon or tests) when set 1 had stopped being informative.
  Unlike geokg's output, it codes named armed groups (Hamas, the PKK) by their state, as
  PLOVER does; geokg keeps them as groups (``country`` null), so those records cannot match.
  First measurement: recall 0.576, precision_lb 0.714.

Thresholds sit a few records below the level reached (one record is about 0.006-0.008 of
recall), so that a regression of several records or a burst of spurious facts fails while
small lexicon changes do not.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from geokg.evaluate import PLOVER_TO_CAMEO, evaluate_sentences
from geokg.extract import Extractor

HERE = Path(__file__).parent
# file -> (minimum recall, minimum precision_lb, minimum number of records)
HELDOUT_SETS = {
    "plover_heldout.json": (0.70, 0.87, 100),
    "plover_heldout2.json": (0.55, 0.70, 170),
}


@pytest.mark.parametrize("name", sorted(HELDOUT_SETS))
def test_heldout_set_is_well_formed(name: str) -> None:
    data = json.loads((HERE / name).read_text(encoding="utf-8"))
    records = data["records"]
    assert "geokg" in data["about"]["attribution"]
    assert len(records) >= HELDOUT_SETS[name][2]
    assert len({r["id"] for r in records}) == len(records)
    events = Counter(r["event"] for r in records)
    assert set(events) <= set(PLOVER_TO_CAMEO)
    assert len(events) == 17
    for record in records:
        assert record["source"] and record["target"], record["id"]
        for code in record["source"] + record["target"]:
            assert code == "IGO" or (len(code) == 3 and code.isupper()), record["id"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELDOUT_SETS))
def test_heldout_sentence_scores(name: str, extractor: Extractor) -> None:
    min_recall, min_precision, _ = HELDOUT_SETS[name]
    report = evaluate_sentences(HERE / name, extractor.extract)
    misses = [f"{r.id} got={r.got}" for r in report.records if not r.found]
    assert report.recall >= min_recall, (report.recall, misses)
    assert report.precision_lb >= min_precision, report.precision_lb

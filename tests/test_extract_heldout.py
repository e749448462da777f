"""Sentence-level scores of the extractor on a held-out PLOVER-style set (slow).

``tests/plover_heldout.json`` holds 123 sentences written for geokg in the style of the
CAMEO manual's wire-service examples (1980s-2020s, many countries, domestic and
international events), coded like the shared ``plover_dev.json`` (PLOVER event types, ISO3
or "IGO" actors, domestic events with the same state on both sides). It was written before
the extractor's rules were looked at and is never used to tune them: it measures how the
rules generalise beyond the development sentences.

Thresholds: at the end of extraction round 5 the extractor reached recall ~0.73 and
precision_lb ~0.905 on it (round 4: 0.72 / 0.895; round 3: 0.67 / 0.89; start: 0.50 / 0.87).
They sit a few records below that (one record is about 0.008 of recall) so that a regression
of several records or a burst of spurious facts fails, while small lexicon changes do not.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from geokg.evaluate import PLOVER_TO_CAMEO, evaluate_sentences
from geokg.extract import Extractor

HELDOUT = Path(__file__).parent / "plover_heldout.json"
MIN_RECALL = 0.70
MIN_PRECISION_LB = 0.87


def test_heldout_set_is_well_formed() -> None:
    data = json.loads(HELDOUT.read_text(encoding="utf-8"))
    records = data["records"]
    assert "geokg" in data["about"]["attribution"]
    assert len(records) >= 100
    assert len({r["id"] for r in records}) == len(records)
    events = Counter(r["event"] for r in records)
    assert set(events) <= set(PLOVER_TO_CAMEO)
    assert len(events) == 17
    for record in records:
        assert record["source"] and record["target"], record["id"]
        for code in record["source"] + record["target"]:
            assert code == "IGO" or (len(code) == 3 and code.isupper()), record["id"]


@pytest.mark.slow
def test_heldout_sentence_scores() -> None:
    report = evaluate_sentences(HELDOUT, Extractor().extract)
    misses = [f"{r.id} got={r.got}" for r in report.records if not r.found]
    assert report.recall >= MIN_RECALL, (report.recall, misses)
    assert report.precision_lb >= MIN_PRECISION_LB, report.precision_lb

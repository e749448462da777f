"""Sentence-level scores of the extractor on held-out PLOVER-style sets (slow).

The sets hold sentences written for geokg in the style of the CAMEO manual's wire-service
examples (1980s-2020s, many countries, domestic and international events), coded like the
shared ``plover_dev.json`` (PLOVER event types, ISO3 or "IGO" actors, domestic events with
the same state on both sides). They measure how the rules generalise beyond the
development sentences and are never used to tune individual sentences.

- ``plover_heldout.json`` (123 records) was written before the extractor's rules were
  looked at. Recall went 0.50 -> 0.67 -> 0.72 -> 0.73 over the first extraction rounds,
  0.86 after round 7.
- ``plover_heldout2.json`` and ``plover_heldout3.json`` (170 records each) were written
  blind by two other engineers (without reading the extractor's code, lexicon, tests or the
  other sets). Their first measurements are the honest numbers for unseen wire sentences:
  set 2 recall 0.576 / precision_lb 0.714, set 3 recall 0.541 / precision_lb 0.620. After
  each first measurement the lead grouped the set's misses into general patterns that later
  extraction rounds addressed (never single sentences), so later numbers on them are no
  longer blind (after round 7: set 2 0.706 / 0.766, set 3 0.682 / 0.697). Both code named
  armed groups and parties (Hamas, the PKK) by their state, as PLOVER does, and both code
  "urged/asked/called on X to" as DEMAND; geokg keeps groups as groups (``country`` null,
  the facts format's rule) and codes such appeals as CAMEO 02, as the development gold does,
  so those records (about 25 per set) cannot match.

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
    "plover_heldout.json": (0.83, 0.89, 100),
    "plover_heldout2.json": (0.68, 0.74, 170),
    "plover_heldout3.json": (0.65, 0.67, 170),
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

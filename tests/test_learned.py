"""The learned event model without spaCy: training data readers, a tiny retrain that must
learn hand-made candidates, the weights round trip, the replay of decisions that chooses
thresholds, and the mode switch."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from geokg.errors import InputError
from geokg.extract.learned.data import AnnotatedFact, read_training
from geokg.extract.learned.features import Candidate, Mention, RuleFact
from geokg.extract.learned.inference import events_mode
from geokg.extract.learned.model import NONE, EventModel, EventModelError
from geokg.extract.learned.train import (
    CLASSES,
    SentenceRecord,
    TrainingText,
    choose_thresholds,
    fit,
    score,
    simulate,
    weak_roots,
)
from geokg.model import Actor, ActorType

TEXT = "Russia imposed sanctions on Ukraine on Monday."
FACT = {
    "subject": "RUS",
    "relation": "16",
    "object": "UKR",
    "negated": False,
    "asserted_by": None,
    "optional": False,
    "evidence": [0, 45],
    "trigger": [7, 24],
    "subject_span": [0, 6],
    "object_span": [27, 34],
}


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reads_synthetic_and_pool_records(tmp_path: Path) -> None:
    synthetic = _write(
        tmp_path / "synthetic.jsonl",
        [{"id": "syn-1", "text": TEXT, "published": "2022-03-01", "facts": [FACT]}],
    )
    pool = _write(tmp_path / "pool.jsonl", [{"id": "P-1", "text": TEXT, "published": None}])
    annotations = _write(tmp_path / "pool_part1.jsonl", [{"id": "P-1", "facts": []}])
    texts = list(read_training([synthetic, annotations], pool=pool))
    assert [t.id for t in texts] == ["syn-1", "P-1"]
    fact = texts[0].facts[0]
    assert (fact.subject, fact.root, fact.object, fact.evidence) == ("RUS", "16", "UKR", (0, 45))
    assert TEXT[fact.trigger[0] : fact.trigger[1]] == "imposed sanctions"  # type: ignore[index]
    assert texts[1].text == TEXT and texts[1].facts == ()


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "s", "text": TEXT, "facts": [{**FACT, "evidence": [0, 999]}]}, "outside"),
        ({"id": "s", "text": TEXT, "facts": [{**FACT, "relation": "21"}]}, "unknown CAMEO root"),
        ({"id": "P-404", "facts": []}, "not in"),
    ],
)
def test_bad_training_records_are_one_line_errors(
    tmp_path: Path, record: dict[str, object], message: str
) -> None:
    pool = _write(tmp_path / "pool.jsonl", [{"id": "P-1", "text": TEXT}])
    path = _write(tmp_path / "pool_x.jsonl", [record])
    with pytest.raises(InputError, match=message):
        list(read_training([path], pool=pool))


def test_pool_records_need_the_pool(tmp_path: Path) -> None:
    path = _write(tmp_path / "pool_x.jsonl", [{"id": "P-1", "facts": []}])
    with pytest.raises(InputError, match="news pool"):
        list(read_training([path]))


# Hand-made candidates: a verb between two states decides the root.
ROWS = [
    ["bias", "lca=sanction", "lcar=16", "p=nsubj|pobj", "oprep=on"],
    ["bias", "lca=penalise", "lcar=16", "p=nsubj|dobj"],
    ["bias", "lca=meet", "lcar=04", "p=nsubj|pobj", "oprep=with"],
    ["bias", "lca=talk", "lcar=04", "p=nsubj|pobj", "oprep=with"],
    ["bias", "lca=play", "p=nsubj|dobj"],
    ["bias", "lca=visit", "p=nsubj|dobj", "ok=Person"],
]
LABELS = ["16", "16", "04", "04", NONE, NONE]


def test_tiny_retrain_learns_its_records_and_round_trips(tmp_path: Path) -> None:
    model = fit(ROWS * 3, LABELS * 3, c=10.0)
    probabilities = model.probabilities(ROWS)
    predicted = [model.classes[int(row.argmax())] for row in probabilities]
    assert predicted == LABELS
    # An unseen verb with a lexicon root of 16 goes to 16: the root feature generalises.
    unseen = model.probabilities([["bias", "lca=embargo", "lcar=16", "p=nsubj|dobj"]])[0]
    assert model.classes[int(unseen.argmax())] == "16"
    # Roots never seen in training are never chosen.
    assert probabilities[:, model.classes.index("20")].max() < 1e-6

    path = tmp_path / "events.npz"
    saved = EventModel(
        model.features,
        model.classes,
        model.weights,
        model.bias,
        0.6,
        0.1,
        {"texts": 6},
        frozenset({"19", "04"}),
    )
    saved.save(path)
    loaded = EventModel.load(path)
    assert (loaded.propose, loaded.veto, loaded.meta["texts"]) == (0.6, 0.1, 6)
    assert loaded.veto_roots == {"04", "19"} and loaded.vetoes("19") and not loaded.vetoes("16")
    assert loaded.features == model.features and loaded.classes == CLASSES
    np.testing.assert_allclose(loaded.probabilities(ROWS), probabilities, rtol=1e-5)


def test_weights_file_errors_are_geokg_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(EventModelError, match="cannot read the event model"):
        EventModel.load(bad)
    with pytest.raises(EventModelError, match="cannot read"):
        EventModel.load(tmp_path / "missing.npz")
    # Object arrays (pickles) are refused, not unpickled.
    with (tmp_path / "pickled.npz").open("wb") as handle:
        np.savez(handle, features=np.array([{"x": 1}], dtype=object))
    with pytest.raises(EventModelError):
        EventModel.load(tmp_path / "pickled.npz")


def _mention(key: str, head: int) -> Mention:
    return Mention(head, Actor(key, key, ActorType.STATE, key), key, 1.0, "name")


def _candidate(subject: str, obj: str) -> Candidate:
    return Candidate(_mention(subject, 0), _mention(obj, 2), 1, False, False, ("bias",))


def _row(**probabilities: float) -> list[float]:
    row = [0.0] * len(CLASSES)
    for root, p in probabilities.items():
        row[CLASSES.index(root.lstrip("r"))] = p
    row[0] = 1.0 - sum(row)
    return row


def test_replayed_decisions_veto_rules_and_add_proposals() -> None:
    texts = [
        TrainingText("t", "x", None, (), "synthetic.jsonl"),
    ]
    record = SentenceRecord(
        0,
        0,
        10,
        frozenset({"RUS", "UKR", "FRA"}),
        [_candidate("RUS", "UKR"), _candidate("FRA", "UKR")],
        [RuleFact("RUS", "UKR", "19", False)],
    )
    rows = [np.array([_row(r19=0.04, r16=0.9)]), np.array([_row(r04=0.7)])]
    rows_array = [np.vstack([rows[0], rows[1]])]
    both = simulate([record], rows_array, mode="both", propose=0.5, veto=0.05)
    # The rule's 19 is vetoed (0.04 < 0.05); RUS-UKR stays the rules' pair, so no proposal
    # there; FRA-UKR 04 is proposed (undirected: keys sorted).
    assert both == {0: {("FRA", "04", "UKR", False)}}
    rules = simulate([record], rows_array, mode="rules", propose=0.5, veto=0.05)
    assert rules == {0: {("RUS", "19", "UKR", False)}}
    model = simulate([record], rows_array, mode="model", propose=0.5, veto=0.05)
    assert model == {0: {("RUS", "16", "UKR", False), ("FRA", "04", "UKR", False)}}
    assert score(rules, texts, [0]).predicted == 1


def _gold(subject: str, root: str, obj: str) -> AnnotatedFact:
    return AnnotatedFact(subject, root, obj, False, False, (0, 10))


def test_thresholds_veto_weak_rule_facts_and_keep_the_rules_precision() -> None:
    """Text 0 is real news (the focus): the rules' false FRA-DEU has a low model score, so
    a veto raises precision there; text 1 (synthetic) has two false proposals at 0.9, so
    any proposal threshold up to 0.9 loses the rules' precision on all texts."""
    texts = [
        TrainingText("p", "x", None, (_gold("RUS", "19", "UKR"),), "pool_part1.jsonl"),
        TrainingText("s", "x", None, (_gold("ESP", "04", "PRT"),), "synthetic.jsonl"),
    ]
    records = [
        SentenceRecord(
            0,
            0,
            10,
            frozenset({"RUS", "UKR", "FRA", "DEU"}),
            [_candidate("RUS", "UKR"), _candidate("FRA", "DEU")],
            [RuleFact("RUS", "UKR", "19", False), RuleFact("FRA", "DEU", "19", False)],
        ),
        SentenceRecord(
            1,
            0,
            10,
            frozenset({"ESP", "PRT", "GRC", "TUR", "CYP"}),
            [_candidate("ESP", "PRT"), _candidate("GRC", "TUR"), _candidate("GRC", "CYP")],
            [RuleFact("ESP", "PRT", "04", False)],
        ),
    ]
    rows = [
        np.array([_row(r19=0.9), _row(r19=0.04)]),
        np.array([_row(r04=0.9), _row(r13=0.9), _row(r13=0.9)]),
    ]
    propose, veto, result = choose_thresholds(records, rows, texts, [0])
    assert propose > 0.9 and 0.04 < veto <= 0.9
    assert (result.precision, result.recall) == (1.0, 1.0)
    kept = simulate(records, rows, mode="both", propose=propose, veto=veto)
    assert kept == {0: {("RUS", "19", "UKR", False)}, 1: {("ESP", "04", "PRT", False)}}


def test_the_veto_drops_only_the_rules_weak_roots() -> None:
    """Rules: three true 16 facts, one true and two false 19 facts (4/6 overall), so 19 is
    the weak root; a veto above every score then drops the false 19s and keeps the 16s."""
    gold = [_gold(s, "16", o) for s, o in (("A", "B"), ("C", "D"), ("E", "F"))]
    texts = [TrainingText("t", "x", None, (*gold, _gold("G", "19", "H")), "pool_part1.jsonl")]
    pairs = [("A", "B", "16"), ("C", "D", "16"), ("E", "F", "16")]
    pairs += [("G", "H", "19"), ("I", "J", "19"), ("K", "L", "19")]
    record = SentenceRecord(
        0,
        0,
        10,
        frozenset(k for s, o, _ in pairs for k in (s, o)),
        [_candidate(s, o) for s, o, _ in pairs],
        [RuleFact(s, o, root, False) for s, o, root in pairs],
    )
    rows = [np.array([_row(r16=0.01, r19=0.01) for _ in pairs])]
    weak = weak_roots([record], rows, texts)
    assert weak == {"19"}
    kept = simulate([record], rows, mode="both", propose=1.0, veto=0.5, veto_roots=weak)
    assert kept == {0: {("A", "16", "B", False), ("C", "16", "D", False), ("E", "16", "F", False)}}


def test_event_mode_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEOKG_EVENTS", raising=False)
    assert events_mode() == "rules"
    monkeypatch.setenv("GEOKG_EVENTS", "both")
    assert events_mode() == "both"
    assert events_mode("Model") == "model"
    with pytest.raises(InputError, match="unknown event mode 'magic'"):
        events_mode("magic")


def test_batched_probabilities_equal_row_by_row_sums_to_the_last_bit() -> None:
    """The batch is scored with one gather over zero-padded rows; each row must get exactly
    the float32 sum, in feature order, of its own known features' weights."""
    generator = np.random.default_rng(7)
    features = tuple(f"f{n}" for n in range(50))
    classes = ("none", "01", "13", "17")
    weights = generator.normal(size=(50, 4)).astype(np.float32)
    bias = generator.normal(size=4).astype(np.float32)
    model = EventModel(features=features, classes=classes, weights=weights, bias=bias)
    picks = random.Random(3)
    batch = [[f"f{picks.randrange(60)}" for _ in range(picks.randrange(0, 40))] for _ in range(30)]
    batch.append(["unknown"])
    # The row-by-row scoring it replaces.
    logits = np.tile(bias.astype(np.float64), (len(batch), 1))
    for row, bag in enumerate(batch):
        known = [model.index[f] for f in bag if f in model.index]
        if known:
            logits[row] += weights[known].sum(axis=0)
    logits -= logits.max(axis=1, keepdims=True)
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert np.array_equal(model.probabilities(batch), expected)

"""The shipped learned event model in the real pipeline (spaCy model: slow): weights load
fast, the ablation modes do what they say, held-out sentences it must get, negatives it
must not code, and ``geokg train-model`` on a handful of annotated stories."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from geokg.cli import cli
from geokg.extract.learned.inference import LearnedEvents, build_cues
from geokg.extract.learned.model import EventModel, shipped_model_path
from geokg.extract.pipeline import Extractor
from geokg.model import Fact

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractors() -> Iterator[dict[str, Extractor]]:
    rules = Extractor(events="rules")
    yield {
        mode: rules if mode == "rules" else Extractor(events=mode, gazetteer=rules.gazetteer)
        for mode in ("rules", "model", "both")
    }


def _keys(facts: list[Fact]) -> set[tuple[str, str, str, bool]]:
    return {(f.subject.id, f.relation.cameo_root, f.object.id, f.negated) for f in facts}


def _from_model(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.attributes.get("source") == "model"]


def test_shipped_weights_are_small_and_load_fast() -> None:
    path = shipped_model_path()
    assert path.stat().st_size < 5_000_000
    started = time.perf_counter()
    model = EventModel.load()
    assert time.perf_counter() - started < 1.0
    assert model.classes[0] == "none" and len(model.classes) == 21
    assert 0.0 < model.propose < 1.0 and 0.0 <= model.veto < 1.0
    assert model.meta["texts"] > 1000 and model.meta["reachable"] > 0.7 * model.meta["facts"]


# Held-out sentences (written for these tests, in no training file) the shipped model must
# code on its own (``model`` mode: rules only as features): (text, subject, root, object).
HELD_OUT = [
    ("Argentina's foreign ministry rebuked Britain over the Falklands drills.", "ARG", "11", "GBR"),
    ("Qatar airlifted food to Afghanistan.", "QAT", "07", "AFG"),
    ("Saudi Arabia restored diplomatic relations with Iran.", "IRN", "05", "SAU"),
    ("South Korea lodged a protest with Japan over the textbooks.", "KOR", "11", "JPN"),
    ("Nigeria recalled its ambassador from South Africa after the attacks.", "NGA", "16", "ZAF"),
]


@pytest.mark.parametrize(("text", "subject", "root", "obj"), HELD_OUT)
def test_model_codes_held_out_sentences(
    extractors: dict[str, Extractor], text: str, subject: str, root: str, obj: str
) -> None:
    found = extractors["model"].extract_text(text)
    pairs = {(subject, obj), (obj, subject)} if root in {"04", "05", "06"} else {(subject, obj)}
    assert any(
        (f.subject.id, f.object.id) in pairs and f.relation.cameo_root == root and not f.negated
        for f in found
    ), found
    assert all(f.attributes.get("source") == "model" for f in found)


def test_model_proposes_where_no_rule_fires(extractors: dict[str, Extractor]) -> None:
    """The rules miss a launch toward Japan; the shipped model (``both``) proposes it, and
    the same weights with the proposal threshold raised to 0.99 propose nothing."""
    text = "North Korea fired two missiles toward Japan on Tuesday."
    rules = extractors["rules"]
    assert not [f for f in rules.extract_text(text) if f.object.id == "JPN"]
    found = _from_model(extractors["both"].extract_text(text))
    assert [(f.subject.id, f.relation.cameo_root, f.object.id) for f in found] == [
        ("PRK", "19", "JPN")
    ]
    assert 0.55 <= found[0].confidence <= 1.0 and found[0].attributes["trigger"] == "fire"
    shipped = EventModel.load()
    raised = EventModel(
        shipped.features, shipped.classes, shipped.weights, shipped.bias, 0.99, shipped.veto
    )
    learned = LearnedEvents(raised, build_cues(rules.lexicon, rules.ontology), "both")
    strict = Extractor(learned=learned, gazetteer=rules.gazetteer)
    assert not _from_model(strict.extract_text(text))


# General negative cases: no affirmed fact of these roots between these actors.
NEGATIVES = [
    ("The European Union lifted sanctions on Belarus on Monday.", "BLR", {"16"}),
    ("Russia did not rule out talks with Ukraine.", "UKR", {"12"}),
    ("If Iran attacks, Israel will respond with force.", "ISR", set()),
    ("If Iran attacks, Israel will respond with force.", "IRN", set()),
    ("Germany and France played to a 1-1 draw in Paris.", "FRA", set()),
    ("Chile's president visited a school in Santiago.", "CHL", set()),
    (
        "The Indian foreign minister held talks with his Chinese counterpart in Moscow.",
        "RUS",
        set(),
    ),
    ("Iran denied any role in the attack on Saudi oil facilities.", "SAU", set()),
]


@pytest.mark.parametrize(("text", "actor", "roots"), NEGATIVES)
def test_no_false_fact_from_the_model(
    extractors: dict[str, Extractor], text: str, actor: str, roots: set[str]
) -> None:
    for mode in ("model", "both"):
        bad = [
            f
            for f in extractors[mode].extract_text(text)
            if actor in {f.subject.id, f.object.id}
            and not f.negated
            and (not roots or f.relation.cameo_root in roots)
        ]
        assert not bad, (mode, bad)


SEED = (
    "Argentina's foreign ministry rebuked Britain over the Falklands drills. "
    "Qatar airlifted food to Afghanistan."
)


def test_ablation_modes(extractors: dict[str, Extractor]) -> None:
    rules = extractors["rules"].extract_text(SEED)
    model = extractors["model"].extract_text(SEED)
    both = extractors["both"].extract_text(SEED)
    assert rules and not _from_model(rules)
    assert model and model == _from_model(model)
    # Both: the rule facts, rescored (none vetoed or added here).
    assert _keys(rules) == _keys(both) and not _from_model(both)
    by_key = {(f.subject.id, f.relation.cameo_root, f.object.id): f for f in both}
    for fact in rules:
        kept = by_key[(fact.subject.id, fact.relation.cameo_root, fact.object.id)]
        assert kept.confidence <= fact.confidence


def test_veto_drops_rule_facts_the_model_scores_low(extractors: dict[str, Extractor]) -> None:
    """The veto path of the hook: with the veto threshold above every probability, each rule
    fact whose pair the model scores is dropped; with no veto, each is kept."""
    rules = extractors["rules"]
    shipped = EventModel.load()
    cues = build_cues(rules.lexicon, rules.ontology)

    def both(veto: float) -> list[Fact]:
        model = EventModel(
            shipped.features, shipped.classes, shipped.weights, shipped.bias, 1.1, veto
        )
        learned = LearnedEvents(model, cues, "both")
        return Extractor(learned=learned, gazetteer=rules.gazetteer).extract_text(SEED)

    assert _keys(both(0.0)) == _keys(rules.extract_text(SEED)) != set()
    assert both(1.1) == []


def test_bad_mode_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran supplied drones to Russia.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)], env={"GEOKG_EVENTS": "magic"})
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "unknown event mode" in result.stderr
    assert "Traceback" not in result.stderr


STORIES = [
    ("Chad imposed sanctions on Niger on Monday.", "TCD", "16", "NER", (0, 27)),
    ("Peru imposed sanctions on Chile after the vote.", "PER", "16", "CHL", (0, 25)),
    ("Kenya held talks with Uganda in Nairobi.", "KEN", "04", "UGA", (0, 28)),
    ("Ghana held talks with Togo on Friday.", "GHA", "04", "TGO", (0, 25)),
    ("Fiji condemned Tonga over the dispute.", "FJI", "11", "TON", (0, 20)),
    ("Nepal condemned Bhutan for the expulsions.", "NPL", "11", "BTN", (0, 22)),
]


def test_train_model_command(tmp_path: Path) -> None:
    lines = []
    for n, (text, subject, root, obj, evidence) in enumerate(STORIES * 2):
        fact = {
            "subject": subject,
            "relation": root,
            "object": obj,
            "negated": False,
            "asserted_by": None,
            "optional": False,
            "evidence": list(evidence),
            "trigger": None,
            "subject_span": None,
            "object_span": None,
        }
        lines.append(json.dumps({"id": f"t{n}", "text": text, "facts": [fact]}))
    lines.append(json.dumps({"id": "neg", "text": "Mali beat Benin 2-0 on Sunday.", "facts": []}))
    annotations = tmp_path / "synthetic_tiny.jsonl"
    annotations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "tiny.npz"
    result = CliRunner().invoke(cli, ["train-model", str(annotations), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    assert "reachable as candidates: 12/12" in result.stderr
    model = EventModel.load(output)
    assert {"16", "04", "11"} <= {
        c for c in model.classes if model.bias[model.classes.index(c)] > -30
    }
    missing = CliRunner().invoke(cli, ["train-model", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr

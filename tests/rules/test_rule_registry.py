"""The rule registry, the order table and the extractor's rule loop (fast: no model)."""

from __future__ import annotations

import pytest

from geokg.extract import Extractor
from geokg.extract.rules import RULE_ORDER, RuleError, Stage, ordered, register, registered


def test_the_order_table_names_every_registered_rule_once():
    entries = ordered(RULE_ORDER)
    assert [e.name for e in entries] == list(RULE_ORDER)
    packaged = {n for n, e in registered().items() if e.rule.__module__.startswith("geokg.")}
    assert packaged == set(RULE_ORDER)
    stages = [e.stage for e in entries]
    assert stages == sorted(stages, key=lambda s: s is Stage.ANSWERS)


def test_unknown_rules_and_answers_before_candidates_are_refused():
    with pytest.raises(RuleError, match="unknown rule 'no-such-rule'"):
        ordered(["frames", "no-such-rule"])
    with pytest.raises(RuleError, match="before answer rules"):
        ordered(["denied-allegations", "frames"])


def test_a_name_is_registered_once():
    @register("frames-again-test")
    def first(sentence, context):
        return []

    with pytest.raises(RuleError, match="registered twice"):

        @register("frames-again-test")
        def second(sentence, context):
            return []


def test_an_extractor_runs_the_rules_it_is_given(parse, context):
    doc = parse(
        """
Iran Iran PROPN NNP nsubj 1
supplied supply VERB VBD ROOT 1
drones drone NOUN NNS dobj 1
to to ADP IN dative 1
Russia Russia PROPN NNP pobj 3
. . PUNCT . punct 1
""",
        {"Iran": "IRN", "Russia": "RUS"},
    )
    only_frames = Extractor(rules=["frames"])
    drafts = only_frames.sentence_drafts(doc[:], context(doc))
    assert [(d.subject.id, d.relation, d.object.id) for d in drafts] == [
        ("IRN", "suppliesMilitaryAidTo", "RUS")
    ]
    assert Extractor(rules=["reactions"]).sentence_drafts(doc[:], context(doc)) == []

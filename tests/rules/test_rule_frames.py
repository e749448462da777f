"""The frames family on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.rules.frames import frame_rule

SUPPLY = """
Iran Iran PROPN NNP nsubj 1
supplied supply VERB VBD ROOT 1
drones drone NOUN NNS dobj 1
to to ADP IN dative 1
Russia Russia PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_verb_frame_picks_the_relation_by_item_class(parse, context):
    doc = parse(SUPPLY, {"Iran": "IRN", "Russia": "RUS"})
    (candidate,) = list(frame_rule(doc[:], context(doc)))
    assert candidate.relation == "suppliesMilitaryAidTo"
    assert [s.actor.id for s in candidate.subjects] == ["IRN"]
    assert [o.actor.id for o in candidate.objects] == ["RUS"]
    assert candidate.item is not None and candidate.item.text == "drones"


def test_a_frame_needs_both_sides(parse, context):
    doc = parse(SUPPLY, {"Iran": "IRN"})
    assert list(frame_rule(doc[:], context(doc))) == []


PASSIVE = """
Russia Russia PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
supplied supply VERB VBN ROOT 2
with with ADP IN prep 2
drones drone NOUN NNS pobj 3
by by ADP IN agent 2
Iran Iran PROPN NNP pobj 5
. . PUNCT . punct 2
"""


def test_passive_agent_is_the_subject(parse, context):
    doc = parse(PASSIVE, {"Iran": "IRN", "Russia": "RUS"})
    (candidate,) = list(frame_rule(doc[:], context(doc)))
    assert candidate.relation == "suppliesMilitaryAidTo"
    assert [s.actor.id for s in candidate.subjects] == ["IRN"]
    assert [o.actor.id for o in candidate.objects] == ["RUS"]


NOMINAL = """
The the DET DT det 2
Russian russian ADJ JJ amod 2
invasion invasion NOUN NN nsubj 5
of of ADP IN prep 2
Ukraine Ukraine PROPN NNP pobj 3
continued continue VERB VBD ROOT 5
. . PUNCT . punct 5
"""


def test_nominal_event_takes_its_demonym_as_subject(parse, context):
    doc = parse(NOMINAL, {"Russian": ("RUS", "demonym"), "Ukraine": "UKR"})
    candidates = list(frame_rule(doc[:], context(doc)))
    assert [(c.relation, c.subjects[0].actor.id, c.objects[0].actor.id) for c in candidates] == [
        ("invades", "RUS", "UKR")
    ]

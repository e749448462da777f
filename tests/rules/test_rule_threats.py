"""The threats family on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.rules.threats import price_threat_rule, tolerance_threat_rule

PRICE = """
Iran Iran PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
that that SCONJ IN mark 5
Israel Israel PROPN NNP nsubj 5
will will AUX MD aux 5
pay pay VERB VB ccomp 1
a a DET DT det 8
heavy heavy ADJ JJ amod 8
price price NOUN NN dobj 5
. . PUNCT . punct 1
"""


def test_a_price_to_pay_is_a_threat_by_the_speaker(parse, context):
    doc = parse(PRICE, {"Iran": "IRN", "Israel": "ISR"})
    (candidate,) = list(price_threat_rule(doc[:], context(doc)))
    assert candidate.relation == "threatens"
    assert [s.actor.id for s in candidate.subjects] == ["IRN"]
    assert [o.actor.id for o in candidate.objects] == ["ISR"]


def test_a_price_paid_is_no_threat(parse, context):
    doc = parse(PRICE.replace("will will AUX MD aux 5", "has have AUX VBZ aux 5"))
    assert list(price_threat_rule(doc[:], context(doc))) == []


TOLERANCE = """
China China PROPN NNP nsubj 3
will will AUX MD aux 3
not not PART RB neg 3
tolerate tolerate VERB VB ROOT 3
provocations provocation NOUN NNS dobj 3
by by ADP IN prep 4
Taiwan Taiwan PROPN NNP pobj 5
. . PUNCT . punct 3
"""


def test_no_more_tolerance_threatens_the_owner_of_the_act(parse, context):
    doc = parse(TOLERANCE, {"China": "CHN", "Taiwan": "TWN"})
    (candidate,) = list(tolerance_threat_rule(doc[:], context(doc)))
    assert (candidate.relation, candidate.negation_is_act) == ("threatens", True)
    assert [s.actor.id for s in candidate.subjects] == ["CHN"]
    assert [o.actor.id for o in candidate.objects] == ["TWN"]


def test_tolerating_in_the_past_is_no_threat(parse, context):
    doc = parse(TOLERANCE.replace("will will AUX MD aux 3", "has have AUX VBZ aux 3"))
    assert list(tolerance_threat_rule(doc[:], context(doc))) == []

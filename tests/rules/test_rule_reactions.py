"""The reactions family (event coreference) on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.events import EventMention
from geokg.extract.rules import Draft, History
from geokg.extract.rules.reactions import reaction_rule, sentence_reactions
from geokg.model import Actor, ActorType

USA = Actor("USA", "United States", ActorType.STATE, "USA")

CONDEMNED = """
Iran Iran PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
strikes strike NOUN NNS dobj 1
. . PUNCT . punct 1
"""


def _context(parse, context, *, mentions):
    doc = parse(CONDEMNED, {"Iran": "IRN"})
    sentence = doc[:]
    made = context(doc, history=History([], mentions, []))
    made.reactions = sentence_reactions(sentence, made.actors)
    return sentence, made


def test_a_reaction_targets_who_did_the_earlier_event(parse, context):
    earlier = EventMention(-100, 0, frozenset({"attack"}), (USA,), frozenset({"strike"}))
    sentence, made = _context(parse, context, mentions=[earlier])
    (candidate,) = list(reaction_rule(sentence, made))
    assert candidate.relation == "criticises"
    assert [s.actor.id for s in candidate.subjects] == ["IRN"]
    assert [(o.actor.id, o.via.value) for o in candidate.objects] == [("USA", "event")]


def test_no_earlier_event_no_target(parse, context):
    sentence, made = _context(parse, context, mentions=[])
    assert made.reactions  # the reaction is found ...
    assert list(reaction_rule(sentence, made)) == []  # ... but has nobody to target


def test_an_event_of_another_class_is_no_antecedent(parse, context):
    visit = EventMention(-100, 0, frozenset({"visit"}), (USA,), frozenset({"visit"}))
    sentence, made = _context(parse, context, mentions=[visit])
    assert list(reaction_rule(sentence, made)) == []


WELCOMED = """
Washington Washington PROPN NNP nsubj 1
welcomed welcome VERB VBD ROOT 1
the the DET DT det 3
agreement agreement NOUN NN dobj 1
. . PUNCT . punct 1
"""


def _draft(subject, relation, obj):
    return Draft(subject, relation, obj, False, None, 1.0, (("trigger", "sign"),), -100, -50, False)


def test_a_joint_act_is_each_partys(parse, context):
    """'Israel and Hamas signed a cease-fire ... Washington welcomed the agreement': both
    parties of a symmetric act; a one-sided act only its doer."""
    isr = Actor("ISR", "Israel", ActorType.STATE, "ISR")
    hamas = Actor("hamas", "Hamas", ActorType.ARMED_GROUP, None)
    doc = parse(WELCOMED, {"Washington": "USA"})
    sentence = doc[:]
    for draft, expected in [
        (_draft(isr, "signsAgreementWith", hamas), ["ISR", "hamas"]),
        (_draft(isr, "declaresCeasefireWith", hamas), ["ISR", "hamas"]),
        (_draft(isr, "releases", hamas), ["ISR"]),  # roots 08 too, but one-sided
    ]:
        made = context(doc, history=History([draft], [], []))
        made.reactions = sentence_reactions(sentence, made.actors)
        (candidate,) = list(reaction_rule(sentence, made))
        assert candidate.relation == "praises"
        assert [o.actor.id for o in candidate.objects] == expected

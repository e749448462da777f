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


ENTERED_THEN_MOVE = """
ships ship NOUN NNS nsubj 1
entered enter VERB VBD ROOT 1
the the DET DT det 3
zone zone NOUN NN dobj 1
, , PUNCT , punct 3
which which PRON WDT dobj 7
Japan Japan PROPN NNP nsubj 7
claims claim VERB VBZ relcl 3
. . PUNCT . punct 1
Japan Japan PROPN NNP nsubj 10
condemned condemn VERB VBD ROOT 10
the the DET DT det 12
move move NOUN NN dobj 10
. . PUNCT . punct 10
"""


def _moves(parse, context, table):
    doc = parse(table, {"Japan": "JPN", "Chinese": ("CHN", "demonym")}, starts=(9,))
    sentence = list(doc.sents)[1]
    made = context(doc)
    made.reactions = sentence_reactions(sentence, made.actors)
    return [
        ([s.actor.id for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in reaction_rule(sentence, made)
    ]


def test_a_generic_act_noun_refers_to_the_last_act_told(parse, context):
    """'Chinese ships entered the zone, which Japan claims. Japan condemned the move': the
    move is the entering (not the background relative clause), by China."""
    table = ENTERED_THEN_MOVE.replace(
        "ships ship NOUN NNS nsubj 1", "Chinese chinese ADJ JJ nsubj 1"
    )
    assert _moves(parse, context, table) == [(["JPN"], "criticises", ["CHN"])]


def test_no_last_doer_for_classed_nouns_or_unresolved_subjects(parse, context):
    # the subject of the last act names nobody: no target
    assert _moves(parse, context, ENTERED_THEN_MOVE) == []
    # "the strikes" has a class of its own: only an attack can be its antecedent
    chinese = ENTERED_THEN_MOVE.replace(
        "ships ship NOUN NNS nsubj 1", "Chinese chinese ADJ JJ nsubj 1"
    )
    strikes = chinese.replace("move move NOUN NN", "strikes strike NOUN NNS")
    assert _moves(parse, context, strikes) == []

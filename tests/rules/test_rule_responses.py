"""The responses family on hand-built parses (fast: no model): a provoked reaction and a
response target the author of the event that caused them."""

from __future__ import annotations

from geokg.extract.events import EventMention
from geokg.extract.rules import History
from geokg.extract.rules.responses import demanded_end_rule, provoked_rule, response_rule
from geokg.model import Actor, ActorType

ACTORS = {"Tokyo": "JPN", "Beijing": "CHN", "Cameroon": "CMR"}

ANGRY_RESPONSE = """
Tokyo Tokyo PROPN NNP nsubj 1
sent send VERB VBD ROOT 1
troops troop NOUN NNS dobj 1
, , PUNCT , punct 1
prompting prompt VERB VBG advcl 1
an an DET DT det 7
angry angry ADJ JJ amod 7
response response NOUN NN dobj 4
by by ADP IN prep 7
Beijing Beijing PROPN NNP pobj 8
. . PUNCT . punct 1
"""

IN_RESPONSE = """
Cameroon Cameroon PROPN NNP nsubj 1
deployed deploy VERB VBD ROOT 1
troops troop NOUN NNS dobj 1
in in ADP IN prep 1
response response NOUN NN pobj 3
to to ADP IN prep 4
the the DET DT det 7
attacks attack NOUN NNS pobj 5
. . PUNCT . punct 1
"""

NEUTRAL_RESPONSE = """
Tokyo Tokyo PROPN NNP nsubj 1
sent send VERB VBD ROOT 1
troops troop NOUN NNS dobj 1
, , PUNCT , punct 1
prompting prompt VERB VBG advcl 1
a a DET DT det 6
response response NOUN NN dobj 4
by by ADP IN prep 6
Beijing Beijing PROPN NNP pobj 7
. . PUNCT . punct 1
"""

BOKO = Actor("boko_haram", "Boko Haram", ActorType.ARMED_GROUP, None)


def _keys(candidates):
    return [
        (
            [s.actor.country or s.actor.id for s in c.subjects],
            c.relation,
            [o.actor.country or o.actor.id for o in c.objects],
        )
        for c in candidates
    ]


def test_a_provoked_reaction_targets_the_cause(parse, context):
    doc = parse(ANGRY_RESPONSE, ACTORS)
    (candidate,) = provoked_rule(doc[:], context(doc))
    assert _keys([candidate]) == [(["CHN"], "criticises", ["JPN"])]
    # the participle's reaction happened whatever the head clause's negation
    assert candidate.negation_is_act


def test_a_neutral_response_is_no_criticism(parse, context):
    doc = parse(NEUTRAL_RESPONSE, ACTORS)
    assert list(provoked_rule(doc[:], context(doc))) == []


def test_a_response_targets_the_author_of_the_event_it_answers(parse, context):
    doc = parse(IN_RESPONSE, ACTORS)
    assert list(response_rule(doc[:], context(doc))) == []  # no earlier attack: nobody
    attack = EventMention(-100, 0, frozenset({"attack"}), (BOKO,), frozenset({"attack"}))
    made = context(doc, history=History([], [attack], []))
    assert _keys(response_rule(doc[:], made)) == [
        (["CMR"], "mobilisesForcesAgainst", ["boko_haram"])
    ]


HALT = """
Moscow Moscow PROPN NNP nsubj 1
demanded demand VERB VBD ROOT 1
a a DET DT det 3
halt halt NOUN NN dobj 1
to to ADP IN prep 3
the the DET DT det 7
Ukraine Ukraine PROPN NNP compound 7
offensive offensive NOUN NN pobj 4
. . PUNCT . punct 1
"""


def test_a_demanded_end_is_aimed_at_the_events_author(parse, context):
    doc = parse(HALT, {"Moscow": "RUS", "Ukraine": "UKR"})
    found = _keys(demanded_end_rule(doc[:], context(doc)))
    assert found == [(["RUS"], "demandsOf", ["UKR"])]


def test_a_demanded_end_of_joint_talks_or_of_nothing_is_aimed_at_nobody(parse, context):
    talks = parse(
        HALT.replace("offensive offensive", "talks talk"), {"Moscow": "RUS", "Ukraine": "UKR"}
    )
    assert list(demanded_end_rule(talks[:], context(talks))) == []
    # "demanded a stay of the Ukraine offensive": no cessation noun
    stay = parse(HALT.replace("halt halt", "stay stay"), {"Moscow": "RUS", "Ukraine": "UKR"})
    assert list(demanded_end_rule(stay[:], context(stay))) == []

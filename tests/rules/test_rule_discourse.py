"""The discourse family on hand-built parses (fast: no model): an agentless passive of a
hostile act takes its doer from the story's recent events."""

from __future__ import annotations

from geokg.extract.events import EventMention
from geokg.extract.rules import History
from geokg.extract.rules.discourse import implicit_agent_rule
from geokg.model import Actor, ActorType

SHELLED = """
Ukraine Ukraine PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
shelled shell VERB VBN ROOT 2
. . PUNCT . punct 2
"""

CIVILIANS = """
Ukrainian ukrainian ADJ JJ amod 1
civilians civilian NOUN NNS nsubjpass 3
were be AUX VBD auxpass 3
shelled shell VERB VBN ROOT 3
. . PUNCT . punct 3
"""

RUS = Actor("RUS", "Russia", ActorType.STATE, "RUS")
UKR = Actor("UKR", "Ukraine", ActorType.STATE, "UKR")


def _attack(*agents):
    return EventMention(-100, 0, frozenset({"attack"}), agents, frozenset({"attack"}))


def _found(parse, context, table, mentions):
    doc = parse(table, {"Ukraine": "UKR", "Ukrainian": ("UKR", "demonym")})
    made = context(doc, history=History([], mentions, []))
    return [
        ([s.actor.id for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in implicit_agent_rule(doc[:], made)
    ]


def test_an_agentless_passive_takes_the_latest_attacker(parse, context):
    assert _found(parse, context, SHELLED, [_attack(RUS)]) == [(["RUS"], "shells", ["UKR"])]


def test_no_doer_without_an_earlier_attack_by_someone_else(parse, context):
    assert _found(parse, context, SHELLED, []) == []
    assert _found(parse, context, SHELLED, [_attack(UKR)]) == []  # never the victim itself


def test_people_are_no_victim_actor(parse, context):
    """'Ukrainian civilians' resolve to Ukraine, but whose fight killed them is not known."""
    doc = parse(CIVILIANS, {"Ukrainian": ("UKR", "demonym")})
    assert [r.actor.id for r in context(doc).actors.actors(doc[1])] == ["UKR"]
    assert _found(parse, context, CIVILIANS, [_attack(RUS)]) == []


ITS_ARMY = """
Ukraine Ukraine PROPN NNP nsubj 1
mobilised mobilise VERB VBD ROOT 1
. . PUNCT . punct 1
Its its PRON PRP$ poss 4
army army NOUN NN nsubjpass 6
was be AUX VBD auxpass 6
shelled shell VERB VBN ROOT 6
. . PUNCT . punct 6
"""


def test_a_victim_known_only_through_a_pronoun_gets_no_inferred_doer(parse, context):
    doc = parse(ITS_ARMY, {"Ukraine": "UKR"})
    sentence = doc[3:]
    made = context(doc, history=History([], [_attack(RUS)], []))
    assert [r.actor.id for r in made.actors.actors(doc[4])] == ["UKR"]  # "its army" is Ukraine's
    assert list(implicit_agent_rule(sentence, made)) == []

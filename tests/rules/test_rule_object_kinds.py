"""Frames whose object must name an actor (``object_kinds: ["actor"]``), on hand-built parses.

Rule: an emotion, perception or evaluation verb ("mourn", "contain", "destroy" an enemy)
codes an act on an actor only when its object names the actor itself; a place standing
for its state ("in Ukraine") or the owner of a thing ("Ukraine's economy") gives nothing.
"""

from __future__ import annotations

from geokg.extract.rules.frames import frame_rule


def _facts(doc, context):
    return sorted(
        (c.relation, c.subjects[0].actor.id, c.objects[0].actor.id)
        for c in frame_rule(doc[:], context(doc))
    )


CONTAIN_ACTOR = """
Washington Washington PROPN NNP nsubj 1
contained contain VERB VBD ROOT 1
Moscow Moscow PROPN NNP dobj 1
. . PUNCT . punct 1
"""

CONTAIN_PLACE = """
Washington Washington PROPN NNP nsubj 1
contained contain VERB VBD ROOT 1
the the DET DT det 3
outbreak outbreak NOUN NN dobj 1
in in ADP IN prep 3
Russia Russia PROPN NNP pobj 4
. . PUNCT . punct 1
"""

CONTAIN_OWNED = """
Washington Washington PROPN NNP nsubj 1
contained contain VERB VBD ROOT 1
Russia Russia PROPN NNP poss 4
's 's PART POS case 2
costs cost NOUN NNS dobj 1
. . PUNCT . punct 1
"""


def test_restraint_of_a_named_actor_is_coercion(parse, context):
    doc = parse(CONTAIN_ACTOR, {"Washington": "USA", "Moscow": "RUS"})
    assert _facts(doc, context) == [("coerces", "USA", "RUS")]


def test_restraint_of_a_thing_in_a_place_or_owned_is_nothing(parse, context):
    doc = parse(CONTAIN_PLACE, {"Washington": "USA", "Russia": "RUS"})
    assert _facts(doc, context) == []
    doc = parse(CONTAIN_OWNED, {"Washington": "USA", "Russia": "RUS"})
    assert _facts(doc, context) == []


DESTROY_FORCES = """
Ukraine Ukraine PROPN NNP nsubj 1
destroyed destroy VERB VBD ROOT 1
Russian russian ADJ JJ amod 3
forces force NOUN NNS dobj 1
. . PUNCT . punct 1
"""

DESTROY_HOUSES = """
Israel Israel PROPN NNP nsubj 1
destroyed destroy VERB VBD ROOT 1
houses house NOUN NNS dobj 1
in in ADP IN prep 2
Lebanon Lebanon PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_destroying_an_actor_is_an_attack_and_property_is_coercion(parse, context):
    doc = parse(DESTROY_FORCES, {"Ukraine": "UKR", "Russian": ("RUS", "demonym")})
    assert _facts(doc, context) == [("attacks", "UKR", "RUS")]
    doc = parse(DESTROY_HOUSES, {"Israel": "ISR", "Lebanon": "LBN"})
    assert [f[0] for f in _facts(doc, context)] != ["attacks"]


MOURN_ACT = """
Japan Japan PROPN NNP nsubj 1
mourned mourn VERB VBD ROOT 1
the the DET DT det 3
victims victim NOUN NNS dobj 1
of of ADP IN prep 3
China China PROPN NNP poss 7
's 's PART POS case 5
attack attack NOUN NN pobj 4
. . PUNCT . punct 1
"""

MOURN_LEADER = """
Japan Japan PROPN NNP nsubj 1
mourned mourn VERB VBD ROOT 1
Mandela Mandela PROPN NNP dobj 1
. . PUNCT . punct 1
"""


def test_grief_over_an_actors_act_blames_it_and_mourning_a_person_is_nothing(parse, context):
    doc = parse(MOURN_ACT, {"Japan": "JPN", "China": "CHN"})
    assert _facts(doc, context) == [("criticises", "JPN", "CHN")]
    doc = parse(MOURN_LEADER, {"Japan": "JPN", "Mandela": ("ZAF", "person")})
    assert _facts(doc, context) == []


BEAT_TEAM = """
Brazil Brazil PROPN NNP nsubj 1
beat beat VERB VBD ROOT 1
Argentina Argentina PROPN NNP dobj 1
. . PUNCT . punct 1
"""

BEAT_PEOPLE = """
Israeli israeli ADJ JJ amod 1
soldiers soldier NOUN NNS nsubj 2
beat beat VERB VBD ROOT 2
Palestinian palestinian ADJ JJ amod 4
protesters protester NOUN NNS dobj 2
. . PUNCT . punct 2
"""


def test_a_bodily_act_needs_people_not_a_state(parse, context):
    doc = parse(BEAT_TEAM, {"Brazil": "BRA", "Argentina": "ARG"})
    assert _facts(doc, context) == []
    doc = parse(BEAT_PEOPLE, {"Israeli": ("ISR", "demonym"), "Palestinian": ("PSE", "demonym")})
    assert _facts(doc, context) == [("assaults", "ISR", "PSE")]


CONCERN_ACT = """
Japan Japan PROPN NNP nsubj 1
expressed express VERB VBD ROOT 1
concern concern NOUN NN dobj 1
over over ADP IN prep 2
China China PROPN NNP poss 6
's 's PART POS case 4
decision decision NOUN NN pobj 3
. . PUNCT . punct 1
"""

CONCERN_PLACE = """
Japan Japan PROPN NNP nsubj 1
expressed express VERB VBD ROOT 1
concern concern NOUN NN dobj 1
over over ADP IN prep 2
the the DET DT det 5
situation situation NOUN NN pobj 3
in in ADP IN prep 5
China China PROPN NNP pobj 6
. . PUNCT . punct 1
"""

SUPPORT_ACT = """
Japan Japan PROPN NNP nsubj 1
expressed express VERB VBD ROOT 1
support support NOUN NN dobj 1
over over ADP IN prep 2
China China PROPN NNP poss 6
's 's PART POS case 4
decision decision NOUN NN pobj 3
. . PUNCT . punct 1
"""


def test_concern_over_an_actors_act_is_criticism_but_not_over_a_place(parse, context):
    doc = parse(CONCERN_ACT, {"Japan": "JPN", "China": "CHN"})
    assert ("criticises", "JPN", "CHN") in _facts(doc, context)
    doc = parse(CONCERN_PLACE, {"Japan": "JPN", "China": "CHN"})
    assert _facts(doc, context) == []
    # The cue carries the event: "expressed support over" is no criticism.
    doc = parse(SUPPORT_ACT, {"Japan": "JPN", "China": "CHN"})
    assert ("criticises", "JPN", "CHN") not in _facts(doc, context)


CONCERN_DEMONYM = """
Japan Japan PROPN NNP nsubj 1
expressed express VERB VBD ROOT 1
concern concern NOUN NN dobj 1
over over ADP IN prep 2
the the DET DT det 6
Chinese chinese ADJ JJ amod 6
decision decision NOUN NN pobj 3
. . PUNCT . punct 1
"""


def test_an_actor_named_by_a_modifier_of_the_act_is_named(parse, context):
    doc = parse(CONCERN_DEMONYM, {"Japan": "JPN", "Chinese": ("CHN", "demonym")})
    assert ("criticises", "JPN", "CHN") in _facts(doc, context)


DISMISS_ACTOR = """
Syria Syria PROPN NNP nsubj 1
dismissed dismiss VERB VBD ROOT 1
Israel Israel PROPN NNP dobj 1
as as ADP IN prep 1
aggressors aggressor NOUN NNS pobj 3
. . PUNCT . punct 1
"""

DISMISS_PROPOSAL = """
Syria Syria PROPN NNP nsubj 1
dismissed dismiss VERB VBD ROOT 1
Israel Israel PROPN NNP poss 4
's 's PART POS case 2
proposal proposal NOUN NN dobj 1
as as ADP IN prep 1
a a DET DT det 7
trick trick NOUN NN pobj 5
. . PUNCT . punct 1
"""


def test_dismissing_an_actor_as_something_is_criticism_not_its_proposal(parse, context):
    doc = parse(DISMISS_ACTOR, {"Syria": "SYR", "Israel": "ISR"})
    assert _facts(doc, context) == [("criticises", "SYR", "ISR")]
    doc = parse(DISMISS_PROPOSAL, {"Syria": "SYR", "Israel": "ISR"})
    assert ("criticises", "SYR", "ISR") not in _facts(doc, context)

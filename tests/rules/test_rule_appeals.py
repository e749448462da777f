"""Appeals, demands and intents (CAMEO 02, 03, 10) on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.rules.frames import frame_rule
from geokg.extract.syntax import slot_tokens


def _tuples(doc, context):
    return sorted(
        (c.relation, s.actor.id, o.actor.id)
        for c in frame_rule(doc[:], context(doc))
        for s in c.subjects
        for o in c.objects
    )


# The parser hangs the infinitive on the verb and reads "Israel" as the object of "for".
CALL_FOR_TO = """
Egypt Egypt PROPN NNP nsubj 1
called call VERB VBD ROOT 1
for for ADP IN prep 1
Israel Israel PROPN NNP pobj 2
to to PART TO aux 5
stop stop VERB VB advcl 1
the the DET DT det 7
attacks attack NOUN NNS dobj 5
. . PUNCT . punct 1
"""


def test_call_for_an_actor_to_act_appeals_to_that_actor(parse, context):
    doc = parse(CALL_FOR_TO, {"Egypt": "EGY", "Israel": "ISR"})
    assert slot_tokens(doc[1], "for-subj") == [doc[3]]
    assert _tuples(doc, context) == [("appealsTo", "EGY", "ISR")]


# "for" read as the mark of a clause whose subject is the addressee.
CALL_FOR_MARKED = """
Vietnam Vietnam PROPN NNP nsubj 1
called call VERB VBD ROOT 1
for for SCONJ IN mark 5
ASEAN ASEAN PROPN NNP nsubj 5
to to PART TO aux 5
take take VERB VB advcl 1
a a DET DT det 7
stand stand NOUN NN dobj 5
. . PUNCT . punct 1
"""


def test_a_clause_marked_for_gives_its_subject(parse, context):
    doc = parse(CALL_FOR_MARKED, {"Vietnam": "VNM", "ASEAN": "asean"})
    assert slot_tokens(doc[1], "for-subj") == [doc[3]]
    assert ("appealsTo", "VNM", "asean") in _tuples(doc, context)


# A call by noun: "renewed its call for Sudan to end the fighting" is an appeal, not a demand.
RENEWED_CALL = """
Egypt Egypt PROPN NNP nsubj 1
renewed renew VERB VBD ROOT 1
a a DET DT det 3
call call NOUN NN dobj 1
for for ADP IN prep 3
Sudan Sudan PROPN NNP pobj 4
to to PART TO aux 7
end end VERB VB advcl 1
the the DET DT det 9
fighting fighting NOUN NN dobj 7
. . PUNCT . punct 1
"""


def test_a_renewed_call_for_an_actor_to_act_is_an_appeal(parse, context):
    doc = parse(RENEWED_CALL, {"Egypt": "EGY", "Sudan": "SDN"})
    assert _tuples(doc, context) == [("appealsTo", "EGY", "SDN")]


# Negative: the object of "for" with no infinitive after it is no addressee ("called for
# talks to the north", "sent aid for Gaza to Jordan": "to" is a preposition).
CALL_FOR_TALKS = """
Egypt Egypt PROPN NNP nsubj 1
called call VERB VBD ROOT 1
for for ADP IN prep 1
talks talk NOUN NNS pobj 2
. . PUNCT . punct 1
"""

AID_FOR_TO = """
Egypt Egypt PROPN NNP nsubj 1
sent send VERB VBD ROOT 1
aid aid NOUN NN dobj 1
for for ADP IN prep 1
Gaza Gaza PROPN NNP pobj 3
to to ADP IN prep 1
Jordan Jordan PROPN NNP pobj 5
. . PUNCT . punct 1
"""

WAITED_FOR = """
Russia Russia PROPN NNP nsubj 1
waited wait VERB VBD ROOT 1
for for ADP IN prep 1
Ukraine Ukraine PROPN NNP pobj 2
to to PART TO aux 5
respond respond VERB VB advcl 1
. . PUNCT . punct 1
"""


def test_no_for_subject_without_an_infinitive_nor_on_other_verbs(parse, context):
    talks = parse(CALL_FOR_TALKS, {"Egypt": "EGY"})
    assert slot_tokens(talks[1], "for-subj") == []
    aid = parse(AID_FOR_TO, {"Egypt": "EGY", "Jordan": "JOR"})
    assert slot_tokens(aid[1], "for-subj") == []
    waited = parse(WAITED_FOR, {"Russia": "RUS", "Ukraine": "UKR"})
    assert slot_tokens(waited[1], "for-subj") == [waited[3]]  # the slot, but no frame
    assert _tuples(waited, context) == []

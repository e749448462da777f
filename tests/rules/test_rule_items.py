"""The item a frame picks its relation by, on hand-built parses.

Rule: a quantity pronoun heading the item ("all of its workers", "some of its troops")
stands for what it counts, so the item's class (people who are no forces, or forces)
decides the relation as it does for the bare noun.
"""

from __future__ import annotations

from geokg.extract.rules.frames import frame_rule

WITHDRAW = """
Iran Iran PROPN NNP nsubj 1
withdrew withdraw VERB VBD ROOT 1
all all PRON DT dobj 1
of of ADP IN prep 2
its its PRON PRP$ poss 5
{noun} {lemma} NOUN NNS pobj 3
from from ADP IN prep 1
Iraq Iraq PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def _facts(doc, context):
    return sorted(
        (c.relation, c.subjects[0].actor.id, c.objects[0].actor.id)
        for c in frame_rule(doc[:], context(doc))
    )


def test_a_quantity_of_workers_is_no_withdrawal_of_forces(parse, context):
    doc = parse(WITHDRAW.format(noun="workers", lemma="worker"), {"Iran": "IRN", "Iraq": "IRQ"})
    assert _facts(doc, context) == []


def test_a_quantity_of_troops_is_a_withdrawal(parse, context):
    doc = parse(WITHDRAW.format(noun="troops", lemma="troop"), {"Iran": "IRN", "Iraq": "IRQ"})
    assert _facts(doc, context) == [("withdrawsForcesFrom", "IRN", "IRQ")]

"""The complements family on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.rules.complements import complement_rule

REFUSAL = """
India India PROPN NNP nsubj 1
refused refuse VERB VBD ROOT 1
to to PART TO aux 3
extradite extradite VERB VB xcomp 1
the the DET DT det 5
suspects suspect NOUN NNS dobj 3
to to ADP IN prep 3
Pakistan Pakistan PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def test_the_complement_of_a_refusal_names_the_target(parse, context):
    doc = parse(REFUSAL, {"India": "IND", "Pakistan": "PAK"})
    (candidate,) = list(complement_rule(doc[:], context(doc)))
    assert candidate.strength == 0.75
    assert candidate.predicate.text == "extradite"
    assert [s.actor.id for s in candidate.subjects] == ["IND"]
    assert [o.actor.id for o in candidate.objects] == ["PAK"]


def test_an_act_a_frame_already_covers_is_left_alone(parse, context):
    doc = parse(REFUSAL, {"India": "IND", "Pakistan": "PAK"})
    sentence_context = context(doc)
    (found,) = list(complement_rule(doc[:], sentence_context))
    sentence_context.candidates.append(found)
    assert list(complement_rule(doc[:], sentence_context)) == []


VOW = """
Ethiopia Ethiopia PROPN NNP nsubj 1
vowed vow VERB VBD ROOT 1
to to PART TO aux 3
crush crush VERB VB xcomp 1
Eritrea Eritrea PROPN NNP dobj 3
. . PUNCT . punct 1
"""


def test_a_vowed_blow_is_a_threat_of_force(parse, context):
    doc = parse(VOW, {"Ethiopia": "ETH", "Eritrea": "ERI"})
    (candidate,) = list(complement_rule(doc[:], context(doc)))
    assert candidate.relation == "threatensMilitaryForceAgainst"
    assert [(s.actor.id, o.actor.id) for s in candidate.subjects for o in candidate.objects] == [
        ("ETH", "ERI")
    ]


def test_a_vow_with_no_doer_is_nothing(parse, context):
    doc = parse(VOW, {"Eritrea": "ERI"})
    assert list(complement_rule(doc[:], context(doc))) == []


KEEP_IF_FAILS = """
America America PROPN NNP nsubj 3
will will AUX MD aux 3
not not PART RB neg 3
keep keep VERB VB ROOT 3
troops troop NOUN NNS dobj 3
in in ADP IN prep 3
Iraq Iraq PROPN NNP pobj 5
if if SCONJ IN mark 9
Baghdad Baghdad PROPN NNP nsubj 9
fails fail VERB VBZ advcl 3
to to PART TO aux 11
sign sign VERB VB xcomp 9
. . PUNCT . punct 3
"""
KEEP_ACTORS = {"America": "USA", "Iraq": "IRQ", "Baghdad": "IRQ"}


def test_an_act_under_a_failed_condition_is_a_threat_whose_negation_is_the_act(parse, context):
    doc = parse(KEEP_IF_FAILS, KEEP_ACTORS)
    (candidate,) = list(complement_rule(doc[:], context(doc)))
    assert (candidate.relation, candidate.negation_is_act) == ("threatens", True)
    assert [o.actor.id for o in candidate.objects] == ["IRQ"]


def test_an_act_under_a_condition_met_is_no_threat(parse, context):
    # "America will keep troops in Iraq if Baghdad agrees to sign": a promise, no threat.
    met = KEEP_IF_FAILS.replace("fails fail VERB VBZ advcl 3", "agrees agree VERB VBZ advcl 3")
    met = met.replace("not not PART RB neg 3", "still still ADV RB advmod 3")
    doc = parse(met, KEEP_ACTORS)
    assert [c.relation for c in complement_rule(doc[:], context(doc))] == []


def test_an_act_withheld_under_any_condition_is_a_threat(parse, context):
    # "America will not keep troops in Iraq if Baghdad signs": what is withheld is the threat.
    withheld = KEEP_IF_FAILS.replace("fails fail VERB VBZ advcl 3", "signs sign VERB VBZ advcl 3")
    withheld = withheld.replace(
        "to to PART TO aux 11\nsign sign VERB VB xcomp 9",
        "it it PRON PRP dobj 9\nnow now ADV RB advmod 9",
    )
    doc = parse(withheld, KEEP_ACTORS)
    assert [c.relation for c in complement_rule(doc[:], context(doc))] == ["threatens"]
    # Not withheld ("will keep troops ... if Baghdad signs"): a promise, no threat.
    kept = parse(
        withheld.replace("not not PART RB neg 3", "still still ADV RB advmod 3"), KEEP_ACTORS
    )
    assert [c.relation for c in complement_rule(kept[:], context(kept))] == []

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


WARNED_IF = """
Kerry Kerry PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
of of ADP IN prep 1
sanctions sanction NOUN NNS pobj 2
if if SCONJ IN mark 8
Sudan Sudan PROPN NNP nsubj 8
does do AUX VBZ aux 8
not not PART RB neg 8
commit commit VERB VB advcl 1
. . PUNCT . punct 1
"""
CONDITION_ACTORS = {"Kerry": "USA", "Sudan": "SDN", "Egypt": "EGY", "Israel": "ISR"}


def _threats(doc, context):
    from geokg.extract.rules.threats import conditional_threat_rule

    return [
        ([s.actor.id for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in conditional_threat_rule(doc[:], context(doc))
    ]


def test_a_warned_penalty_threatens_whom_the_condition_names(parse, context):
    doc = parse(WARNED_IF, CONDITION_ACTORS)
    assert _threats(doc, context) == [(["USA"], "threatensSanctionsAgainst", ["SDN"])]


def test_a_warning_without_penalty_or_condition_is_no_threat(parse, context):
    floods = parse(WARNED_IF.replace("sanctions sanction", "floods flood"), CONDITION_ACTORS)
    assert _threats(floods, context) == []
    # The condition names only the speaker: "warned of sanctions if it does not see progress".
    own = parse(WARNED_IF.replace("Sudan Sudan PROPN NNP", "it it PRON PRP"), CONDITION_ACTORS)
    assert _threats(own, context) == []


OR_FACE = """
Egypt Egypt PROPN NNP nsubj 1
called call VERB VBD ROOT 1
on on ADP IN prep 1
Israel Israel PROPN NNP pobj 2
to to PART TO aux 5
stop stop VERB VB xcomp 1
fighting fight VERB VBG xcomp 5
or or CCONJ CC cc 5
face face VERB VB conj 5
sanctions sanction NOUN NNS dobj 8
. . PUNCT . punct 1
"""


def test_or_face_a_penalty_threatens_the_addressee_of_the_appeal(parse, context):
    doc = parse(OR_FACE, CONDITION_ACTORS)
    assert _threats(doc, context) == [(["EGY"], "threatensSanctionsAgainst", ["ISR"])]
    # "and face sanctions" is no alternative held out; "or face criticism" is no penalty.
    for changed in (
        ("or or CCONJ CC cc 5", "and and CCONJ CC cc 5"),
        (
            "sanctions sanction",
            "criticism criticism",
        ),
    ):
        assert _threats(parse(OR_FACE.replace(*changed), CONDITION_ACTORS), context) == []


UNTIL = """
Egypt Egypt PROPN NNP nsubj 2
will will AUX MD aux 2
continue continue VERB VB ROOT 2
attacks attack NOUN NNS dobj 2
until until SCONJ IN mark 6
Israel Israel PROPN NNP nsubj 6
withdraws withdraw VERB VBZ advcl 2
. . PUNCT . punct 2
"""


def test_a_coercive_campaign_until_someone_acts_is_a_threat(parse, context):
    doc = parse(UNTIL, CONDITION_ACTORS)
    ((subjects, relation, objects),) = _threats(doc, context)
    assert (subjects, relation, objects) == (["EGY"], "threatensMilitaryForceAgainst", ["ISR"])
    talks = parse(UNTIL.replace("attacks attack", "talks talk"), CONDITION_ACTORS)
    assert _threats(talks, context) == []


HELD_OUT = """
Japan Japan PROPN NNP nsubj 1
said say VERB VBD ROOT 1
sanctions sanction NOUN NNS nsubjpass 5
could could AUX MD aux 5
be be AUX VB auxpass 5
tightened tighten VERB VBN ccomp 1
if if SCONJ IN mark 8
Korea Korea PROPN NNP nsubj 8
conducts conduct VERB VBZ advcl 5
tests test NOUN NNS dobj 8
. . PUNCT . punct 1
"""
HELD_OUT_ACTORS = {"Japan": "JPN", "Korea": "PRK"}


def _held_out(parse, context, table):
    doc = parse(table, HELD_OUT_ACTORS)
    from geokg.extract.rules.threats import conditional_threat_rule

    return [
        (c.relation, [s.actor.id for s in c.subjects], [o.actor.id for o in c.objects])
        for c in conditional_threat_rule(doc[:], context(doc))
    ]


def test_a_penalty_held_out_in_the_passive_is_the_speakers_threat(parse, context):
    """'Japan said sanctions could be tightened if North Korea conducts tests'."""
    assert _held_out(parse, context, HELD_OUT) == [("threatensSanctionsAgainst", ["JPN"], ["PRK"])]


def test_no_threat_from_a_past_undone_or_unconditional_passive(parse, context):
    past = HELD_OUT.replace("could could AUX MD aux 5", "were be AUX VBD aux 5")
    eased = HELD_OUT.replace("tightened tighten", "eased ease")
    lifted = HELD_OUT.replace("tightened tighten", "lifted lift")
    no_condition = HELD_OUT.replace("if if SCONJ IN mark 8", "when when SCONJ WRB advmod 8")
    for table in (past, eased, lifted, no_condition):
        assert _held_out(parse, context, table) == [], table

"""Appeals, demands and intents (CAMEO 02, 03, 10) on hand-built parses (fast: no model):
the addressee of a for-infinitive, intents carried by a noun ("commitment to", "no plans to")."""

from __future__ import annotations

from rulehelpers import frame_pairs

from geokg.extract.lexicon import load_lexicon
from geokg.extract.modality import Mode, assess
from geokg.extract.rules.frames import frame_rule
from geokg.extract.syntax import logical_subject, slot_tokens

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
    assert frame_pairs(doc, context) == [("appealsTo", "EGY", "ISR")]


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
    assert ("appealsTo", "VNM", "asean") in frame_pairs(doc, context)


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
    assert frame_pairs(doc, context) == [("appealsTo", "EGY", "SDN")]


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
    assert frame_pairs(waited, context) == []


def _drafts_of(doc, context):
    from geokg.extract.drafts import candidate_drafts

    sentence_context = context(doc)
    return sorted(
        {
            (d.subject.id, d.relation, d.object.id, d.negated)
            for c in frame_rule(doc[:], sentence_context)
            for d in candidate_drafts(c, doc[:], sentence_context)
        }
    )


# The parser reads the infinitive of "commitment to defend" as a relative clause.
COMMITMENT = """
Obama Obama PROPN NNP nsubj 1
reaffirmed reaffirm VERB VBD ROOT 1
the the DET DT det 5
U.S. U.S. PROPN NNP compound 5
treaty treaty NOUN NN compound 5
commitment commitment NOUN NN dobj 1
to to PART TO aux 7
defend defend VERB VB relcl 5
Japan Japan PROPN NNP dobj 7
. . PUNCT . punct 1
"""
STATES = {"U.S.": "USA", "Japan": "JPN", "Iran": "IRN", "Syria": "SYR", "Afghanistan": "AFG"}


def test_an_intent_noun_is_held_by_its_owner_as_an_intent(parse, context):
    doc = parse(COMMITMENT, STATES)
    assert logical_subject(doc[7])[0] == doc[3]  # the owner before the host's subject
    assert _drafts_of(doc, context) == [("USA", "expressesIntentToCooperateWith", "JPN", False)]


REJECTED_PLAN = """
Iran Iran PROPN NNP nsubj 1
rejected reject VERB VBD ROOT 1
the the DET DT det 3
plan plan NOUN NN dobj 1
to to PART TO aux 5
impose impose VERB VB acl 3
sanctions sanction NOUN NNS dobj 5
on on ADP IN prep 5
Syria Syria PROPN NNP pobj 7
. . PUNCT . punct 1
"""


def test_an_intent_noun_under_another_verb_is_not_that_verbs_subjects(parse, context):
    doc = parse(REJECTED_PLAN, STATES)
    assert logical_subject(doc[5]) == []
    assert [d for d in _drafts_of(doc, context) if d[1] != "rejects"] == []


NO_PLANS = """
Afghanistan Afghanistan PROPN NNP nsubj 1
had have VERB VBD ROOT 1
no no DET DT det 3
plans plan NOUN NNS dobj 1
to to PART TO aux 5
hold hold VERB VB acl 3
talks talk NOUN NNS dobj 5
with with ADP IN prep 6
Iran Iran PROPN NNP pobj 7
. . PUNCT . punct 1
"""


def test_no_plans_to_act_is_a_negated_intent_not_a_rejection(parse, context):
    assert _drafts_of(parse(NO_PLANS, STATES), context) == [
        ("AFG", "expressesIntentToMeetWith", "IRN", True)
    ]


# The tagger calls "vows" a verb; its role (object of "renewed") says it is a noun.
VOWS = """
Iran Iran PROPN NNP nsubj 1
renewed renew VERB VBD ROOT 1
vows vow VERB VBZ dobj 1
to to PART TO aux 4
attack attack VERB VB acl 2
Syria Syria PROPN NNP dobj 4
. . PUNCT . punct 1
"""


def test_a_vow_noun_tagged_as_a_verb_still_makes_an_intent(parse):
    doc = parse(VOWS, STATES)
    assert assess(doc[4], load_lexicon()).mode == Mode.INTENT
    as_verb = parse(VOWS.replace("VERB VBZ dobj 1", "VERB VBZ conj 1"), STATES)
    assert assess(as_verb[4], load_lexicon()).mode == Mode.ACT


NOT_EXPRESSED = """
Iran Iran PROPN NNP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
express express VERB VB ROOT 3
readiness readiness NOUN NN dobj 3
to to PART TO aux 6
attack attack VERB VB acl 4
Syria Syria PROPN NNP dobj 6
. . PUNCT . punct 3
"""


def test_an_intent_noun_takes_the_negation_of_its_host(parse):
    modality = assess(parse(NOT_EXPRESSED, STATES)[6], load_lexicon())
    assert (modality.mode, modality.negated) == (Mode.INTENT, True)
    # Under a governor that is no host ("rejected the readiness"), the walk stops at the noun.
    other = parse(NOT_EXPRESSED.replace("express express", "reject reject"), STATES)
    assert assess(other[6], load_lexicon()).negated is False


CALLED_FOR_TALKS = """
The the DET DT det 1
UN UN PROPN NNP nsubj 2
called call VERB VBD ROOT 2
for for ADP IN prep 2
talks talk NOUN NNS pobj 3
between between ADP IN prep 4
Israel Israel PROPN NNP pobj 5
and and CCONJ CC cc 6
Hamas Hamas PROPN NNP conj 6
. . PUNCT . punct 2
"""
PARTIES = {"UN": "un", "Israel": "ISR", "Hamas": "hamas", "Turkey": "TUR", "Greece": "GRC"}


def _requests(doc, context):
    from geokg.extract.rules.requests import requested_event_rule

    return sorted(
        (c.relation, s.actor.id, o.actor.id)
        for c in requested_event_rule(doc[:], context(doc))
        for s in c.subjects
        for o in c.objects
    )


def test_talks_called_for_are_an_appeal_to_both_sides_not_talks(parse, context):
    doc = parse(CALLED_FOR_TALKS, PARTIES)
    assert frame_pairs(doc, context) == []  # no talks between Israel and Hamas
    assert _requests(doc, context) == [("appealsTo", "un", "ISR"), ("appealsTo", "un", "hamas")]


OFFERED_TALKS = """
Turkey Turkey PROPN NNP nsubj 1
offered offer VERB VBD ROOT 1
talks talk NOUN NNS dobj 1
with with ADP IN prep 2
Greece Greece PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_talks_offered_are_an_intent_to_meet(parse, context):
    doc = parse(OFFERED_TALKS, PARTIES)
    assert frame_pairs(doc, context) == []
    assert _requests(doc, context) == [("expressesIntentToMeetWith", "TUR", "GRC")]


def test_talks_held_or_hostile_acts_called_for_are_no_request(parse, context):
    held = parse(OFFERED_TALKS.replace("offered offer", "held hold"), PARTIES)
    assert _requests(held, context) == []
    assert frame_pairs(held, context) == [("negotiatesWith", "TUR", "GRC")]
    strikes = parse(
        CALLED_FOR_TALKS.replace("talks talk", "strikes strike").replace(
            "between between", "against against"
        ),
        PARTIES,
    )
    assert _requests(strikes, context) == []  # a hostile act asked for: no appeal to its target


# A campaign's aim is pursued by the clause it is an adjunct of; forcing a government from
# office is a demand for a change of leadership (10), not coercion.
CAMPAIGN_TO_FORCE = """
Ukraine Ukraine PROPN NNP nsubj 1
blocked block VERB VBD ROOT 1
roads road NOUN NNS dobj 1
as as ADP IN prep 1
part part NOUN NN pobj 3
of of ADP IN prep 4
a a DET DT det 7
campaign campaign NOUN NN pobj 5
to to PART TO aux 9
force force VERB VB acl 7
Russia Russia PROPN NNP dobj 9
from from ADP IN prep 9
office office NOUN NN pobj 11
. . PUNCT . punct 1
"""
CAMPAIGN_STATES = {"Ukraine": "UKR", "Russia": "RUS"}


def test_a_campaign_to_force_a_leader_from_office_is_a_demand_of_its_holder(parse, context):
    doc = parse(CAMPAIGN_TO_FORCE, CAMPAIGN_STATES)
    assert doc[0] in logical_subject(doc[9])
    assert frame_pairs(doc, context) == [("demandsOf", "UKR", "RUS")]


CONDEMNED_CAMPAIGN = """
Ukraine Ukraine PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
campaign campaign NOUN NN dobj 1
to to PART TO aux 5
force force VERB VB acl 3
Russia Russia PROPN NNP dobj 5
from from ADP IN prep 5
office office NOUN NN pobj 7
. . PUNCT . punct 1
"""


def test_a_campaign_condemned_is_not_the_condemners(parse, context):
    condemned = parse(CONDEMNED_CAMPAIGN, CAMPAIGN_STATES)
    assert logical_subject(condemned[5]) == []
    launched = parse(
        CONDEMNED_CAMPAIGN.replace("condemned condemn", "launched launch"), CAMPAIGN_STATES
    )
    assert logical_subject(launched[5]) == [launched[0]]
    # forcing people from a place is no demand
    positions = parse(
        CAMPAIGN_TO_FORCE.replace("office office", "positions position"), CAMPAIGN_STATES
    )
    assert [t for t in frame_pairs(positions, context) if t[0] == "demandsOf"] == []


DEMANDED_CHANGE_IN = """
Egypt Egypt PROPN NNP nsubj 1
demanded demand VERB VBD ROOT 1
a a DET DT det 3
change change NOUN NN dobj 1
in in ADP IN prep 3
Libya Libya PROPN NNP pobj 4
. . PUNCT . punct 1
"""


def test_a_change_demanded_in_a_state_is_demanded_of_it(parse, context):
    doc = parse(DEMANDED_CHANGE_IN, {"Egypt": "EGY", "Libya": "LBY"})
    assert frame_pairs(doc, context) == [("demandsOf", "EGY", "LBY")]


AMONG_WHO_ASKED = """
Ethiopia Ethiopia PROPN NNP nsubj 1
was be AUX VBD ROOT 1
among among ADP IN prep 1
several several ADJ JJ amod 4
leaders leader NOUN NNS pobj 2
who who PRON WP nsubj 6
asked ask VERB VBD relcl 4
Kenya Kenya PROPN NNP dobj 6
to to PART TO aux 9
act act VERB VB xcomp 6
. . PUNCT . punct 1
"""


def test_a_member_of_the_group_a_relative_clause_describes_is_its_doer(parse, context):
    states = {"Ethiopia": "ETH", "Kenya": "KEN"}
    doc = parse(AMONG_WHO_ASKED, states)
    assert logical_subject(doc[6]) == [doc[4], doc[0]]  # the group first, then its member
    assert frame_pairs(doc, context) == [("appealsTo", "ETH", "KEN")]
    met = parse(AMONG_WHO_ASKED.replace("was be AUX VBD", "met meet VERB VBD"), states)
    assert logical_subject(met[6]) == [met[4]]  # "met the leaders who asked": not a member


# "called the Taliban's decision ... a reminder of a dark past": the parser may miss the
# predicative; a phone call is made to an actor, never to its decision.
CALLED_DECISION = """
Afghanistan Afghanistan PROPN NNP nsubj 1
called call VERB VBD ROOT 1
the the DET DT det 5
Taliban Taliban PROPN NNP poss 5
's 's PART POS case 3
decision decision NOUN NN dobj 1
. . PUNCT . punct 1
"""


def test_a_call_is_made_to_an_actor_not_to_its_decision(parse, context):
    actors = {"Afghanistan": "AFG", "Taliban": "taliban", "Iran": "IRN"}
    assert frame_pairs(parse(CALLED_DECISION, actors), context) == []
    phoned = parse(
        "Afghanistan Afghanistan PROPN NNP nsubj 1\ncalled call VERB VBD ROOT 1\n"
        "Iran Iran PROPN NNP dobj 1\n. . PUNCT . punct 1",
        actors,
    )
    assert frame_pairs(phoned, context) == [("holdsCallWith", "AFG", "IRN")]


HOPES_THAT = """
China China PROPN NNP nsubj 1
hopes hope VERB VBZ ROOT 1
that that SCONJ IN mark 5
Vietnam Vietnam PROPN NNP nsubj 5
will will AUX MD aux 5
withdraw withdraw VERB VB ccomp 1
. . PUNCT . punct 1
"""
HOPES_TO = """
Iran Iran PROPN NNP nsubj 1
hopes hope VERB VBZ ROOT 1
to to PART TO aux 3
resume resume VERB VB xcomp 1
talks talk NOUN NNS dobj 3
with with ADP IN prep 4
Iraq Iraq PROPN NNP pobj 5
. . PUNCT . punct 1
"""


def test_hoping_that_another_acts_is_an_appeal_hoping_to_act_an_intent(parse, context):
    doc = parse(HOPES_THAT, {"China": "CHN", "Vietnam": "VNM"})
    assert ("appealsTo", "CHN", "VNM") in frame_pairs(doc, context)
    assert assess(doc[5], load_lexicon()).hypothetical  # what is hoped for is no fact
    own = parse(HOPES_TO, {"Iran": "IRN", "Iraq": "IRQ"})
    modality = assess(own[3], load_lexicon())
    assert (modality.hypothetical, modality.mode) == (False, Mode.INTENT)
    assert [t for t in frame_pairs(own, context) if t[0] == "appealsTo"] == []

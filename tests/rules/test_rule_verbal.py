"""Verbal and demonstrative conflict (CAMEO 11-14) on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.drafts import _distinct, candidate_drafts
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.complements import complement_rule
from geokg.extract.rules.frames import frame_rule
from geokg.extract.rules.responses import provoked_rule
from geokg.extract.rules.threats import (
    answered_hostility_rule,
    impunity_threat_rule,
    price_threat_rule,
)
from geokg.extract.targets import _home_states
from geokg.model import Actor, ActorType


def _triples(candidates):
    return sorted(
        (s.actor.id, c.relation, o.actor.id)
        for c in candidates
        for s in c.subjects
        for o in c.objects
    )


COUNTED_PROTESTERS = """
Thousands thousand NOUN NNS nsubj 4
of of ADP IN prep 0
Algerian algerian ADJ JJ amod 3
{crowd} {crowd_lemma} NOUN NNS pobj 1
clogged clog VERB VBD ROOT 4
roads road NOUN NNS dobj 4
in in ADP IN prep 4
Algiers Algiers PROPN NNP pobj 6
. . PUNCT . punct 4
"""

ALGERIA = {"Algerian": ("DZA", "demonym"), "Algiers": ("DZA", "capital")}


def test_the_people_a_quantity_head_counts_cue_a_protest(parse, context):
    table = COUNTED_PROTESTERS.format(crowd="protesters", crowd_lemma="protester")
    doc = parse(table, ALGERIA)
    assert _triples(frame_rule(doc[:], context(doc))) == [("DZA", "demonstratesAgainst", "DZA")]


def test_counted_fans_are_no_protest(parse, context):
    table = COUNTED_PROTESTERS.format(crowd="fans", crowd_lemma="fan")
    doc = parse(table, ALGERIA)
    assert _triples(frame_rule(doc[:], context(doc))) == []


SHARED_DOER = """
Algerian algerian ADJ JJ amod 1
protesters protester NOUN NNS nsubj 3
have have AUX VBP aux 3
begun begin VERB VBN ROOT 3
a a DET DT det 5
strike strike NOUN NN dobj 3
, , PUNCT , punct 3
occupying occupy VERB VBG advcl 3
roads road NOUN NNS dobj 7
in in ADP IN prep 7
Algiers Algiers PROPN NNP pobj 9
. . PUNCT . punct 3
"""


def test_a_cue_is_the_doer_shared_with_the_governing_clause(parse, context):
    doc = parse(SHARED_DOER, ALGERIA)
    found = [c for c in frame_rule(doc[:], context(doc)) if c.predicate.text == "occupying"]
    assert _triples(found) == [("DZA", "demonstratesAgainst", "DZA")]


OTHER_CLAUSE = """
Algerian algerian ADJ JJ amod 1
police police NOUN NNS nsubj 2
said say VERB VBD ROOT 2
protesters protester NOUN NNS nsubj 4
left leave VERB VBD ccomp 2
, , PUNCT , punct 2
occupying occupy VERB VBG advcl 2
roads road NOUN NNS dobj 6
in in ADP IN prep 6
Algiers Algiers PROPN NNP pobj 8
. . PUNCT . punct 2
"""


def test_a_cue_in_another_clause_is_not_the_doer(parse, context):
    doc = parse(OTHER_CLAUSE, ALGERIA)
    found = [c for c in frame_rule(doc[:], context(doc)) if c.predicate.text == "occupying"]
    assert [c.relation for c in found] != ["demonstratesAgainst"]


HOME_PROTEST = """
The the DET DT det 1
protesters protester NOUN NNS nsubj 2
occupied occupy VERB VBD ROOT 2
roads road NOUN NNS dobj 2
. . PUNCT . punct 2
"""


def test_protesters_of_the_story_state_protest_against_it(parse, context):
    """The story's state, resolved from context (HOME_INSTITUTION), is the domestic
    subject whose own state is the protest's default target, and the pair is kept."""
    doc = parse(HOME_PROTEST)
    ctx = context(doc)
    thailand = Actor("THA", "Thailand", ActorType.STATE, "THA")
    protesters = Resolved(thailand, 0.7, Via.HOME_INSTITUTION, 1)
    (home,) = _home_states(doc[2], (protesters,), ctx.actors)
    assert (home.actor.id, home.via) == ("THA", Via.HOME)
    assert _distinct(protesters, home, ctx.actors)
    # A state named as such protests against nobody by default ("Thailand protested").
    named = Resolved(thailand, 1.0, Via.NAME, 1)
    assert _home_states(doc[2], (named,), ctx.actors) == ()
    # A pronoun for the state facing the state is the state acting on itself.
    pronoun = Resolved(thailand, 0.7, Via.COREF, 1)
    assert not _distinct(pronoun, home, ctx.actors)


CONCERNED = """
Japan Japan PROPN NNP nsubj 1
remains remain VERB VBZ ROOT 1
deeply deeply ADV RB advmod 3
concerned concerned ADJ JJ acomp 1
about about ADP IN prep 3
{owner} {owner} PROPN NNP poss 7
's 's PART POS case 5
support support NOUN NN pobj 4
. . PUNCT . punct 1
"""


def test_an_attitude_adjective_disapproves_of_the_owner_of_its_topic(parse, context):
    doc = parse(CONCERNED.format(owner="China"), {"Japan": "JPN", "China": "CHN"})
    assert _triples(frame_rule(doc[:], context(doc))) == [("JPN", "criticises", "CHN")]


SITUATION = """
Japan Japan PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
concerned concerned ADJ JJ acomp 1
about about ADP IN prep 2
the the DET DT det 5
situation situation NOUN NN pobj 3
in in ADP IN prep 5
Syria Syria PROPN NNP pobj 6
. . PUNCT . punct 1
"""


def test_an_attitude_about_a_situation_in_a_place_is_nothing(parse, context):
    doc = parse(SITUATION, {"Japan": "JPN", "Syria": "SYR"})
    assert _triples(frame_rule(doc[:], context(doc))) == []


WITHOUT_TOPIC = """
Japan Japan PROPN NNP nsubj 1
remains remain VERB VBZ ROOT 1
concerned concerned ADJ JJ acomp 1
, , PUNCT , punct 1
China China PROPN NNP nsubj 5
said say VERB VBD parataxis 1
. . PUNCT . punct 1
"""


def test_an_attitude_without_a_topic_phrase_is_nothing(parse, context):
    doc = parse(WITHOUT_TOPIC, {"Japan": "JPN", "China": "CHN"})
    assert _triples(frame_rule(doc[:], context(doc))) == []


PASSIVE_WORRY = """
Japan Japan PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
worried worry VERB VBN ROOT 2
about about ADP IN prep 2
China China PROPN NNP poss 6
's 's PART POS case 4
buildup buildup NOUN NN pobj 3
. . PUNCT . punct 2
"""

ACTIVE_WORRY = """
China China PROPN NNP poss 2
's 's PART POS case 0
buildup buildup NOUN NN nsubj 3
worried worry VERB VBD ROOT 3
Japan Japan PROPN NNP dobj 3
. . PUNCT . punct 3
"""


def test_a_stative_attitude_passive_disapproves_but_not_its_active(parse, context):
    doc = parse(PASSIVE_WORRY, {"Japan": "JPN", "China": "CHN"})
    assert _triples(frame_rule(doc[:], context(doc))) == [("JPN", "criticises", "CHN")]
    doc = parse(ACTIVE_WORRY, {"Japan": "JPN", "China": "CHN"})
    assert _triples(frame_rule(doc[:], context(doc))) == []


EXPRESSED_OVER = """
Seoul Seoul PROPN NNP nsubj 1
expresses express VERB VBZ ROOT 1
deep deep ADJ JJ amod 3
{noun} {noun} NOUN NN dobj 1
over over ADP IN prep 1
visits visit NOUN NNS pobj 4
by by ADP IN prep 5
Japanese japanese ADJ JJ amod 8
officials official NOUN NNS pobj 6
. . PUNCT . punct 1
"""


def test_concern_expressed_over_an_act_on_the_verb(parse, context):
    actors = {"Seoul": ("KOR", "capital"), "Japanese": ("JPN", "demonym")}
    doc = parse(EXPRESSED_OVER.format(noun="concern"), actors)
    assert ("KOR", "criticises", "JPN") in _triples(frame_rule(doc[:], context(doc)))
    doc = parse(EXPRESSED_OVER.format(noun="hope"), actors)
    assert ("KOR", "criticises", "JPN") not in _triples(frame_rule(doc[:], context(doc)))


DRILLS = """
Seoul Seoul PROPN nsubj 1
held hold VERB ROOT 1
drills drill NOUN dobj 1
. . PUNCT punct 1
"""

CLAIMED = """
Pyongyang Pyongyang PROPN nsubj 1
claimed claim VERB ROOT 1
{subject} {subject_lemma} {pos} nsubj 4
will will AUX aux 4
abrogate abrogate VERB ccomp 1
the the DET det 6
armistice armistice NOUN dobj 4
. . PUNCT punct 1
"""


def _claims(story, context, subject, lemma, pos):
    actors = {"Seoul": ("KOR", "capital"), "Pyongyang": ("PRK", "capital")}
    actors["Washington"] = ("USA", "capital")
    doc = story([DRILLS, CLAIMED.format(subject=subject, subject_lemma=lemma, pos=pos)], actors)
    sentence = list(doc.sents)[1]
    return _triples(frame_rule(sentence, context(doc)))


def test_a_claim_about_the_claimant_itself_accuses_nobody(story, context):
    assert _claims(story, context, "it", "it", "PRON") == []


def test_a_claim_about_a_named_actor_accuses_it(story, context):
    assert _claims(story, context, "Washington", "Washington", "PROPN") == [
        ("PRK", "accuses", "USA")
    ]


HAVE_TO_ACCEPT = """
Beijing Beijing PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
that that SCONJ IN mark 5
Tokyo Tokyo PROPN NNP nsubj 5
will will AUX MD aux 5
have have VERB VB ccomp 1
to to PART TO aux 7
accept accept VERB VB xcomp 5
the the DET DT det 9
consequences consequence NOUN NNS dobj 7
. . PUNCT . punct 1
"""

HAS_ACCEPTED = """
Beijing Beijing PROPN NNP nsubj 1
said say VERB VBD ROOT 1
that that SCONJ IN mark 5
Tokyo Tokyo PROPN NNP nsubj 5
has have AUX VBZ aux 5
accepted accept VERB VBN ccomp 1
the the DET DT det 7
consequences consequence NOUN NNS dobj 5
. . PUNCT . punct 1
"""

RISKS = """
Beijing Beijing PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Tokyo Tokyo PROPN NNP nsubj 3
{verb} risk VERB {tag} ccomp 1
long long ADJ JJ amod 5
damage damage NOUN NN dobj 3
. . PUNCT . punct 1
"""

CAPITALS = {"Beijing": ("CHN", "capital"), "Tokyo": ("JPN", "capital")}


def _price(parse, context, table):
    doc = parse(table, CAPITALS)
    return _triples(price_threat_rule(doc[:], context(doc)))


def test_a_price_still_to_pay_under_a_semi_modal_threatens(parse, context):
    assert _price(parse, context, HAVE_TO_ACCEPT) == [("CHN", "threatens", "JPN")]
    assert _price(parse, context, HAS_ACCEPTED) == []


def test_risking_damage_threatens_in_the_present_only(parse, context):
    assert _price(parse, context, RISKS.format(verb="risks", tag="VBZ")) == [
        ("CHN", "threatens", "JPN")
    ]
    assert _price(parse, context, RISKS.format(verb="risked", tag="VBD")) == []


VOWS = """
Nigeria Nigeria PROPN NNP nsubj 1
renewed renew VERB VBD ROOT 1
vows vow NOUN NNS dobj 1
to to PART TO aux 4
find find VERB VB acl 2
the the DET DT det 6
girls girl NOUN NNS dobj 4
and and CCONJ CC cc 4
{verb} {verb} VERB VB conj 4
Haram Haram PROPN NNP dobj 8
. . PUNCT . punct 1
"""


def _vowed(parse, context, table):
    doc = parse(table, {"Nigeria": "NGA", "Haram": "boko_haram"})
    return _triples(complement_rule(doc[:], context(doc)))


def test_a_vow_noun_with_a_coercive_infinitive_threatens(parse, context):
    assert _vowed(parse, context, VOWS.format(verb="crush")) == [
        ("NGA", "threatensMilitaryForceAgainst", "boko_haram")
    ]


def test_a_vow_of_anything_else_is_no_threat(parse, context):
    assert _vowed(parse, context, VOWS.format(verb="meet")) == []
    hopes = VOWS.format(verb="crush").replace("vows vow NOUN", "hopes hope NOUN")
    assert _vowed(parse, context, hopes) == []


VOWED = """
Nigeria Nigeria PROPN NNP nsubj 1
vowed vow VERB VBD ROOT 1
to to PART TO aux 3
find find VERB VB xcomp 1
the the DET DT det 5
girls girl NOUN NNS dobj 3
and and CCONJ CC cc 3
crush crush VERB VB conj 3
Haram Haram PROPN NNP dobj 7
. . PUNCT . punct 1
"""


def test_a_vowed_coercive_act_conjoined_to_another_threatens(parse, context):
    assert _vowed(parse, context, VOWED) == [("NGA", "threatensMilitaryForceAgainst", "boko_haram")]


RESPOND = """
Pyongyang Pyongyang PROPN NNP nsubj 2
will will AUX MD aux 2
respond respond VERB VB ROOT 2
to to ADP IN prep 2
Seoul Seoul PROPN NNP poss 6
's 's PART POS case 4
{noun} {noun_lemma} NOUN NNS pobj 3
. . PUNCT . punct 2
"""

RESPONDED = """
Pyongyang Pyongyang PROPN NNP nsubj 1
responded respond VERB VBD ROOT 1
to to ADP IN prep 1
Seoul Seoul PROPN NNP poss 5
's 's PART POS case 3
provocations provocation NOUN NNS pobj 2
. . PUNCT . punct 1
"""

READY = """
Pyongyang Pyongyang PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
ready ready ADJ JJ acomp 1
to to PART TO aux 4
respond respond VERB VB xcomp 2
to to ADP IN prep 4
{det} {det_lemma} {det_pos} {det_tag} {det_dep} 7
provocations provocation NOUN NNS pobj 5
. . PUNCT . punct 1
"""

KOREAS = {"Pyongyang": ("PRK", "capital"), "Seoul": ("KOR", "capital")}


def _answers(parse, context, table):
    doc = parse(table, KOREAS)
    return _triples(answered_hostility_rule(doc[:], context(doc)))


def test_a_retaliation_to_come_threatens_the_author_of_the_hostile_acts(parse, context):
    table = RESPOND.format(noun="provocations", noun_lemma="provocation")
    assert _answers(parse, context, table) == [("PRK", "threatens", "KOR")]
    seoul = READY.format(
        det="Seoul", det_lemma="Seoul", det_pos="PROPN", det_tag="NNP", det_dep="poss"
    )
    assert _answers(parse, context, seoul) == [("PRK", "threatens", "KOR")]


def test_no_threat_in_a_response_given_to_a_request_or_to_nobodys_acts(parse, context):
    assert _answers(parse, context, RESPONDED) == []
    request = RESPOND.format(noun="requests", noun_lemma="request")
    assert _answers(parse, context, request) == []
    anyone = READY.format(det="any", det_lemma="any", det_pos="DET", det_tag="DT", det_dep="det")
    assert _answers(parse, context, anyone) == []


UNPUNISHED = """
Seoul Seoul PROPN NNP nsubj 1
said say VERB VBD ROOT 1
{owner} {owner} {owner_pos} {owner_tag} {owner_dep} 4
{case}
test test NOUN NN nsubj 7
must must AUX MD aux 7
not not PART RB neg 7
go go VERB VB ccomp 1
unpunished unpunished ADJ JJ acomp 7
. . PUNCT . punct 1
"""


def _impunity(parse, context, owner, owner_pos, owner_tag, owner_dep, case):
    table = UNPUNISHED.format(
        owner=owner, owner_pos=owner_pos, owner_tag=owner_tag, owner_dep=owner_dep, case=case
    )
    doc = parse(table, KOREAS)
    return _triples(impunity_threat_rule(doc[:], context(doc)))


def test_an_act_that_must_not_go_unpunished_threatens_its_author(parse, context):
    found = _impunity(parse, context, "Pyongyang", "PROPN", "NNP", "poss", "'s 's PART POS case 2")
    assert found == [("KOR", "threatens", "PRK")]


def test_no_threat_for_an_unowned_act_or_a_plain_statement(parse, context):
    assert _impunity(parse, context, "the", "DET", "DT", "det", "latest latest ADJ JJ amod 4") == []
    table = UNPUNISHED.format(
        owner="Pyongyang",
        owner_pos="PROPN",
        owner_tag="NNP",
        owner_dep="poss",
        case="'s 's PART POS case 2",
    ).replace("not not PART RB neg 7", "then then ADV RB advmod 7")
    doc = parse(table, KOREAS)
    assert _triples(impunity_threat_rule(doc[:], context(doc))) == []


OPPOSES_CHANGE = """
Washington Washington PROPN NNP nsubj 1
opposes oppose VERB VBZ ROOT 1
any any DET DT det 3
change change NOUN NN dobj 1
to to ADP IN prep 3
Japanese japanese ADJ JJ amod 6
administration administration NOUN NN pobj 4
. . PUNCT . punct 1
"""

OPPOSES_PLAN = """
Washington Washington PROPN NNP nsubj 1
opposes oppose VERB VBZ ROOT 1
Tehran Tehran PROPN NNP poss 4
's 's PART POS case 2
plan plan NOUN NN dobj 1
. . PUNCT . punct 1
"""

OPPOSED_TO = """
Washington Washington PROPN NNP nsubjpass 2
is be AUX VBZ auxpass 2
opposed oppose VERB VBN ROOT 2
to to ADP IN prep 2
Tehran Tehran PROPN NNP poss 6
's 's PART POS case 4
plan plan NOUN NN pobj 3
. . PUNCT . punct 2
"""

OPPOSING = {
    "Washington": ("USA", "capital"),
    "Tehran": ("IRN", "capital"),
    "Japanese": ("JPN", "demonym"),
}


def test_opposing_a_change_to_x_does_not_reject_x(parse, context):
    doc = parse(OPPOSES_CHANGE, OPPOSING)
    assert ("USA", "rejects", "JPN") not in _triples(frame_rule(doc[:], context(doc)))


def test_opposing_a_plan_rejects_its_owner_active_or_stative(parse, context):
    for table in (OPPOSES_PLAN, OPPOSED_TO):
        doc = parse(table, OPPOSING)
        assert _triples(frame_rule(doc[:], context(doc))) == [("USA", "rejectsProposalOf", "IRN")]


SHUT_DOWN = """
Algerian algerian ADJ JJ amod 1
{doer} {doer_lemma} NOUN NNS nsubj 2
shut shut VERB VBD ROOT 2
down down ADP RP prt 2
roads road NOUN NNS dobj 2
in in ADP IN prep 2
Algiers Algiers PROPN NNP pobj 5
. . PUNCT . punct 2
"""


def test_civilians_shutting_roads_obstruct_police_restrict(parse, context):
    doc = parse(SHUT_DOWN.format(doer="protesters", doer_lemma="protester"), ALGERIA)
    relations = {c.relation for c in frame_rule(doc[:], context(doc))}
    assert relations == {"obstructs"}
    doc = parse(SHUT_DOWN.format(doer="police", doer_lemma="police"), ALGERIA)
    relations = {c.relation for c in frame_rule(doc[:], context(doc))}
    assert "obstructs" not in relations and relations


DREW_CRITICISM = """
Pyongyang Pyongyang PROPN NNP poss 2
's 's PART POS case 0
test test NOUN NN nsubj 3
drew draw VERB VBD ROOT 3
{noun} {noun} NOUN NN dobj 3
, , PUNCT , punct 4
{inclusion} {inclusion_lemma} VERB VBG prep 3
from from ADP IN prep 6
Beijing Beijing PROPN NNP pobj 7
. . PUNCT . punct 3
"""


def _drew(parse, context, noun, inclusion, inclusion_lemma):
    table = DREW_CRITICISM.format(noun=noun, inclusion=inclusion, inclusion_lemma=inclusion_lemma)
    doc = parse(table, {"Pyongyang": ("PRK", "capital"), "Beijing": ("CHN", "capital")})
    return _triples(provoked_rule(doc[:], context(doc)))


def test_a_reaction_holder_named_after_an_inclusion_word(parse, context):
    assert _drew(parse, context, "criticism", "including", "include") == [
        ("CHN", "criticises", "PRK")
    ]


def test_no_holder_in_another_phrase_or_for_a_neutral_noun(parse, context):
    assert _drew(parse, context, "criticism", "apart", "apart") == []
    assert _drew(parse, context, "attention", "including", "include") == []


WARNED_AGAINST = """
Washington Washington PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
{object} {object_lemma} PROPN NNP dobj 1
against against ADP IN prep 1
{noun} {noun} NOUN NN pobj 3
. . PUNCT . punct 1
"""


def _warned(parse, context, obj, noun):
    doc = parse(
        WARNED_AGAINST.format(object=obj, object_lemma=obj, noun=noun),
        {"Washington": ("USA", "capital"), "Tehran": ("IRN", "capital")},
    )
    return _triples(frame_rule(doc[:], context(doc)))


def test_a_travel_advisory_is_no_threat(parse, context):
    assert _warned(parse, context, "Tehran", "travel") == []


def test_a_warning_against_an_act_threatens(parse, context):
    assert _warned(parse, context, "Tehran", "escalation") == [("USA", "threatens", "IRN")]


PROTESTED = """
{subject}
protested protest VERB VBD ROOT {verb}
Beijing Beijing PROPN NNP poss {owner}
's 's PART POS case {case}
decision decision NOUN NN dobj {verb}
. . PUNCT . punct {verb}
"""

PROTESTERS = {"Tokyo": ("JPN", "capital"), "Japanese": ("JPN", "demonym")}
PROTESTERS["Beijing"] = ("CHN", "capital")


def _protested(parse, context, subject, verb):
    table = PROTESTED.format(subject=subject, verb=verb, owner=verb + 3, case=verb + 1)
    doc = parse(table, PROTESTERS)
    return {c.relation for c in frame_rule(doc[:], context(doc))}


def test_a_state_protesting_an_act_complains(parse, context):
    assert _protested(parse, context, "Tokyo Tokyo PROPN NNP nsubj 1", 1) == {"criticises"}


def test_people_protesting_an_act_demonstrate(parse, context):
    people = "Japanese japanese ADJ JJ amod 1\nstudents student NOUN NNS nsubj 2"
    assert _protested(parse, context, people, 2) == {"protestsAgainst"}


POWERS_OPPOSED = """
Western western ADJ JJ amod 1
powers power NOUN NNS {subject_dep} {subject_head}
opposed oppose VERB VBN {dep} {head}
to to ADP IN prep 2
Tehran Tehran PROPN NNP pobj 3
wanted want VERB VBD ROOT 5
language language NOUN NN dobj 5
. . PUNCT . punct 5
"""


def test_a_stance_participle_describes_its_noun_no_act(parse, context):
    actors = {"powers": ("west", "alias"), "Tehran": ("IRN", "capital")}
    # "Western powers opposed to Tehran wanted ...", as a reduced relative ...
    table = POWERS_OPPOSED.format(subject_dep="nsubj", subject_head=5, dep="acl", head=1)
    doc = parse(table, actors)
    assert _triples(frame_rule(doc[:], context(doc))) == []
    # ... and as the parser's clause without an auxiliary
    table = POWERS_OPPOSED.format(subject_dep="nsubj", subject_head=2, dep="advcl", head=5)
    doc = parse(table, actors)
    assert _triples(frame_rule(doc[:], context(doc))) == []


OPPOSED_COMPLEMENT = """
Washington Washington PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
opposed oppose VERB VBN acomp 1
to to ADP IN prep 2
Tehran Tehran PROPN NNP poss 6
's 's PART POS case 4
plan plan NOUN NN pobj 3
. . PUNCT . punct 1
"""


def test_a_stance_stated_by_a_copula_still_rejects(parse, context):
    doc = parse(OPPOSED_COMPLEMENT, OPPOSING)
    assert _triples(frame_rule(doc[:], context(doc))) == [("USA", "rejectsProposalOf", "IRN")]


NOT_RULED_OUT = """
Washington Washington PROPN NNP nsubj 3
has have AUX VBZ aux 3
not not PART RB neg 3
ruled rule VERB VBN ROOT 3
out out ADP RP prt 3
{kind} {kind} ADJ JJ amod 6
action action NOUN NN dobj 3
against against ADP IN prep 6
Damascus Damascus PROPN NNP pobj 7
. . PUNCT . punct 3
"""


def _left_open(parse, context, kind):
    doc = parse(
        NOT_RULED_OUT.format(kind=kind),
        {"Washington": ("USA", "capital"), "Damascus": ("SYR", "capital")},
    )
    sentence = doc[:]
    ctx = context(doc)
    return sorted(
        (d.subject.id, d.relation, d.object.id)
        for c in frame_rule(sentence, ctx)
        for d in candidate_drafts(c, sentence, ctx)
    )


def test_military_action_not_ruled_out_is_a_threat(parse, context):
    assert _left_open(parse, context, "military") == [
        ("USA", "threatensMilitaryForceAgainst", "SYR")
    ]


def test_legal_action_not_ruled_out_is_nothing(parse, context):
    assert _left_open(parse, context, "legal") == []

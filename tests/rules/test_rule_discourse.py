"""The discourse family on hand-built parses (fast: no model): an agentless passive of a
hostile act takes its doer from the story's recent events."""

from __future__ import annotations

from spacy.tokens import Doc

from geokg.extract.events import EventMention
from geokg.extract.rules import Draft, History
from geokg.extract.rules.discourse import (
    ellipsis_rule,
    implicit_agent_rule,
    implicit_partner_rule,
    placed_protest_rule,
    reported_party_rule,
)
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


def _triples(candidates):
    """(subject ids, relation, object ids) of each candidate a rule yields."""
    return [
        ([s.actor.id for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in candidates
    ]


RUS = Actor("RUS", "Russia", ActorType.STATE, "RUS")
UKR = Actor("UKR", "Ukraine", ActorType.STATE, "UKR")


def _attack(*agents):
    return EventMention(-100, 0, frozenset({"attack"}), agents, frozenset({"attack"}))


def _found(parse, context, table, mentions):
    doc = parse(table, {"Ukraine": "UKR", "Ukrainian": ("UKR", "demonym")})
    made = context(doc, history=History([], mentions, []))
    return _triples(implicit_agent_rule(doc[:], made))


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


# -- the partner of "the deal" from an earlier sentence ----------------------------------

SIGN_WITH = """
Afghanistan Afghanistan PROPN NNP nsubj 1
signed sign VERB VBD ROOT 1
Security Security PROPN NNP compound 3
Agreements Agreements PROPN NNPS dobj 1
with with ADP IN prep 1
the the DET DT det 7
United United PROPN NNP compound 7
States States PROPN NNP pobj 4
. . PUNCT . punct 1
"""

REFUSED = """
Karzai Karzai PROPN NNP nsubj 1
refused refuse VERB VBD ROOT 1
to to PART TO aux 3
sign sign VERB VB xcomp 1
the the DET DT det 5
agreements agreement NOUN NNS dobj 3
. . PUNCT . punct 1
"""

REFUSED_OWN = """
Karzai Karzai PROPN NNP nsubj 1
refused refuse VERB VBD ROOT 1
to to PART TO aux 3
sign sign VERB VB xcomp 1
the the DET DT det 6
Chinese chinese ADJ JJ amod 6
agreements agreement NOUN NNS dobj 3
. . PUNCT . punct 1
"""

OTHER_NOUN = """
Afghanistan Afghanistan PROPN NNP nsubj 1
discussed discuss VERB VBD ROOT 1
trade trade NOUN NN dobj 1
with with ADP IN prep 1
the the DET DT det 6
United United PROPN NNP compound 6
States States PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def _story(parse, first: str, second: str) -> Doc:
    """Two sentences, the second's heads shifted past the first's tokens."""
    cut = len(first.strip().splitlines())
    shifted = [
        " ".join([*row[:5], str(int(row[5]) + cut)])
        for row in (line.split() for line in second.strip().splitlines())
    ]
    table = first.strip() + "\n" + "\n".join(shifted)
    names = {"Afghanistan": "AFG", "Karzai": "hamid-karzai", "Chinese": ("CHN", "demonym")}
    return parse(table, {**names, "States": "USA"}, starts=(cut,))


def _partners(parse, context, first: str, second: str):
    doc = _story(parse, first, second)
    sentence = list(doc.sents)[1]
    return [
        ([s.actor.country for s in c.subjects], c.relation, [o.actor.id for o in c.objects])
        for c in implicit_partner_rule(sentence, context(doc))
    ]


def test_the_deal_takes_the_partner_named_with_it_earlier(parse, context):
    """'signed Security Agreements with the United States. Karzai refused to sign the
    agreements' -> Karzai (AFG) and the United States (the refusal is modality's)."""
    assert _partners(parse, context, SIGN_WITH, REFUSED) == [
        (["AFG"], "signsAgreementWith", ["USA"])
    ]


def test_no_partner_when_the_noun_has_its_own_or_none_was_named(parse, context):
    # "the Chinese agreements": the sentence names whose agreements they are
    assert _partners(parse, context, SIGN_WITH, REFUSED_OWN) == []
    # the earlier with-phrase is not on an agreement: no partner is guessed
    assert _partners(parse, context, OTHER_NOUN, REFUSED) == []


# -- the reporter is the unnamed party of a joint act it reports -------------------------

REPORTED_TALKS = """
Cameroon Cameroon PROPN NNP nsubj 1
said say VERB VBD ROOT 1
negotiations negotiation NOUN NNS nsubj 5
with with ADP IN prep 2
Chad Chad PROPN NNP pobj 3
intensified intensify VERB VBD ccomp 1
. . PUNCT . punct 1
"""


def _reported(parse, context, table):
    doc = parse(table, {"Cameroon": "CMR", "Chad": "TCD", "Gaza": "PSE"})
    return _triples(reported_party_rule(doc[:], context(doc)))


def test_the_reporter_is_the_other_party_of_reported_talks(parse, context):
    assert _reported(parse, context, REPORTED_TALKS) == [(["CMR"], "negotiatesWith", ["TCD"])]


def test_no_reporter_party_for_one_sided_acts_or_the_partner_itself(parse, context):
    one_sided = REPORTED_TALKS.replace("negotiations negotiation", "strikes strike").replace(
        "with with ADP IN prep", "on on ADP IN prep"
    )
    assert _reported(parse, context, one_sided) == []
    # the reporter is the partner: "Chad said negotiations with Chad ..."
    assert _reported(parse, context, REPORTED_TALKS.replace("Cameroon Cameroon", "Chad Chad")) == []
    # not reported: "Negotiations with Chad intensified."
    unreported = REPORTED_TALKS.replace("said say VERB VBD ROOT", "and and CCONJ CC cc")
    assert _reported(parse, context, unreported) == []


HELD_TALKS = """
Sudan Sudan PROPN NNP nsubj 3
and and CCONJ CC cc 0
Juba Juba PROPN NNP conj 0
held hold VERB VBD ROOT 3
talks talk NOUN NNS dobj 3
. . PUNCT . punct 3
"""

MEDIATED = """
IGAD IGAD PROPN NNP nsubj 1
mediated mediate VERB VBD ROOT 1
the the DET DT det 3
talks talk NOUN NNS dobj 1
. . PUNCT . punct 1
"""


def test_the_talks_take_the_sides_that_held_them(parse, context):
    """'Sudan and South Sudan held talks. IGAD mediated the talks' -> IGAD mediates for
    both; talks held by one side only name no sides."""
    table = (
        HELD_TALKS.strip()
        + "\n"
        + "\n".join(
            " ".join([*r[:5], str(int(r[5]) + 6)])
            for r in (x.split() for x in MEDIATED.strip().splitlines())
        )
    )
    actors = {"Sudan": "SDN", "Juba": ("SSD", "capital"), "IGAD": "igad"}
    doc = parse(table, actors, starts=(6,))
    found = [
        (c.relation, sorted(o.actor.id for o in c.objects))
        for c in implicit_partner_rule(list(doc.sents)[1], context(doc))
    ]
    assert found == [("mediatesFor", ["SDN", "SSD"])]
    alone = parse(
        table.replace("Juba Juba PROPN NNP conj 0", "officials official NOUN NNS conj 0"),
        actors,
        starts=(6,),
    )
    assert list(implicit_partner_rule(list(alone.sents)[1], context(alone))) == []


# -- VP ellipsis -------------------------------------------------------------------------

SO_DID = """
so so ADV RB advmod 1
did do VERB VBD ROOT 1
Germany Germany PROPN NNP nsubj 1
. . PUNCT . punct 1
"""

GBR = Actor("GBR", "United Kingdom", ActorType.STATE, "GBR")
IRN = Actor("IRN", "Iran", ActorType.STATE, "IRN")


def _told(subject, relation, obj):
    return Draft(subject, relation, obj, False, None, 1.0, (), 0, 10, False)


def _copies(parse, context, table, recent):
    doc = parse(table, {"Germany": "DEU"})
    return [
        (d.subject.id, d.relation, d.object.id, d.negated)
        for d in ellipsis_rule(doc[:], context(doc, recent=recent))
    ]


def test_so_did_x_repeats_the_latest_act_with_its_own_subject(parse, context):
    recalled = _told(GBR, "breaksRelationsWith", IRN)
    assert _copies(parse, context, SO_DID, [recalled]) == [
        ("DEU", "breaksRelationsWith", "IRN", False)
    ]
    negated = SO_DID.replace("so so ADV RB advmod 1", "not not PART RB neg 1")
    negated = negated.replace("did do VERB VBD ROOT 1", "has have VERB VBZ conj 1")
    # a bare negated auxiliary joined to another clause ("..., while Germany has not")
    assert _copies(parse, context, negated, [recalled]) == [
        ("DEU", "breaksRelationsWith", "IRN", True)
    ]


def test_no_copy_of_content_appeals_or_acts_on_the_new_subject(parse, context):
    recalled = _told(GBR, "breaksRelationsWith", IRN)
    own_verb = SO_DID.replace("so so ADV RB advmod 1", "it it PRON PRP dobj 1")
    assert _copies(parse, context, own_verb, [recalled]) == []  # "Germany did it"
    appeal = _told(GBR, "appealsTo", IRN)
    assert _copies(parse, context, SO_DID, [appeal]) == []  # "has done so": the act urged
    germany = Actor("DEU", "Germany", ActorType.STATE, "DEU")
    on_germany = _told(GBR, "breaksRelationsWith", germany)
    assert _copies(parse, context, SO_DID, [on_germany]) == []  # never to itself


# -- protests against a named state, placed in another ------------------------------------

ANTI_PROTESTS = """
Anti anti ADJ JJ amod 3
- - ADJ HYPH amod 3
Japanese japanese ADJ JJ amod 3
protests protest NOUN NNS nsubj 4
erupted erupt VERB VBD ROOT 4
in in ADP IN prep 4
Chinese chinese ADJ JJ amod 7
cities city NOUN NNS pobj 5
. . PUNCT . punct 4
"""


def _placed(parse, context, table):
    actors = {"Japanese": ("JPN", "demonym"), "Chinese": ("CHN", "demonym")}
    doc = parse(table, actors)
    return _triples(placed_protest_rule(doc[:], context(doc)))


def test_anti_x_protests_are_the_host_states(parse, context):
    assert _placed(parse, context, ANTI_PROTESTS) == [(["CHN"], "protestsAgainst", ["JPN"])]


def test_no_host_without_a_place_a_stance_or_in_the_target_itself(parse, context):
    assert (
        _placed(parse, context, ANTI_PROTESTS.replace("Chinese chinese", "Japanese japanese")) == []
    )
    assert _placed(parse, context, ANTI_PROTESTS.replace("Anti anti ADJ", "Big big ADJ")) == []
    # No place and no other state in the sentence or the story: nobody's protests.
    no_state = ANTI_PROTESTS.replace("Chinese chinese", "large large")
    no_state = no_state.replace("in in ADP IN prep 4", "on on ADP IN prep 4")
    assert _placed(parse, context, no_state) == []


def test_without_a_place_the_protesters_are_of_the_sentences_other_state(parse, context):
    # "anti-Japanese protests erupted on Chinese campuses": no place, but the one state the
    # sentence is about besides the target
    no_place = ANTI_PROTESTS.replace("in in ADP IN prep 4", "on on ADP IN prep 4")
    assert _placed(parse, context, no_place) == [(["CHN"], "protestsAgainst", ["JPN"])]

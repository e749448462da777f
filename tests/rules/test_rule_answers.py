"""The answers family on hand-built parses and drafts (fast: no model)."""

from __future__ import annotations

from geokg.extract.rules import Draft
from geokg.extract.rules.answers import denial_rule, rejection_rule
from geokg.model import Actor, ActorType

IRAN = Actor("IRN", "Iran", ActorType.STATE, "IRN")
RUSSIA = Actor("RUS", "Russia", ActorType.STATE, "RUS")
PHILIPPINES = Actor("PHL", "Philippines", ActorType.STATE, "PHL")
CHINA = Actor("CHN", "China", ActorType.STATE, "CHN")


def _draft(subject: Actor, relation: str, obj: Actor, *, accused: bool) -> Draft:
    attributes = (("modality", "alleged"),) if accused else ()
    return Draft(subject, relation, obj, False, None, 0.64, attributes, 0, 40, accused)


DENIAL = """
Iran Iran PROPN NNP nsubj 1
denied deny VERB VBD ROOT 1
the the DET DT det 3
allegations allegation NOUN NNS dobj 1
. . PUNCT . punct 1
"""


def test_a_denial_negates_the_latest_allegation(parse, context):
    doc = parse(DENIAL, {"Iran": "IRN"})
    alleged = _draft(IRAN, "suppliesMilitaryAidTo", RUSSIA, accused=True)
    (draft,) = denial_rule(doc[:], context(doc, recent=[alleged]))
    assert (draft.subject, draft.relation, draft.object) == (IRAN, "suppliesMilitaryAidTo", RUSSIA)
    assert draft.negated and draft.asserted_by == IRAN
    assert dict(draft.attributes)["modality"] == "denied"
    assert round(draft.confidence, 3) == 0.68  # the allegation's 0.8 undone, x 0.85


def test_a_denial_needs_an_allegation(parse, context):
    doc = parse(DENIAL, {"Iran": "IRN"})
    plain = _draft(IRAN, "suppliesMilitaryAidTo", RUSSIA, accused=False)
    assert denial_rule(doc[:], context(doc, recent=[plain])) == []


REJECTION = """
Beijing Beijing PROPN NNP nsubj 1
rejected reject VERB VBD ROOT 1
the the DET DT det 3
protest protest NOUN NN dobj 1
. . PUNCT . punct 1
"""


def test_a_rejection_answers_the_latest_protest_aimed_at_the_rejecter(parse, context):
    doc = parse(REJECTION, {"Beijing": ("CHN", "capital")})
    protest = _draft(PHILIPPINES, "protestsAgainst", CHINA, accused=False)
    (draft,) = rejection_rule(doc[:], context(doc, recent=[protest]))
    assert (draft.subject, draft.relation, draft.object) == (CHINA, "rejects", PHILIPPINES)
    assert not draft.negated


def test_a_rejection_of_a_protest_at_someone_else_answers_nothing(parse, context):
    doc = parse(REJECTION, {"Beijing": ("CHN", "capital")})
    protest = _draft(PHILIPPINES, "protestsAgainst", RUSSIA, accused=False)
    assert rejection_rule(doc[:], context(doc, recent=[protest])) == []


NAMED_DENIAL = """
Tehran Tehran PROPN NNP nsubj 1
denied deny VERB VBD ROOT 1
the the DET DT det 3
accusation accusation NOUN NN dobj 1
. . PUNCT . punct 1
"""


def test_an_accuser_never_denies_its_own_allegation(parse, context):
    """'The US accused Russia of arming X. It denied the accusation': when the denier
    resolves to the accuser (a pronoun taken for the salient accuser), the denier is the
    accused; any other denier is kept."""
    usa = Actor("USA", "United States", ActorType.STATE, "USA")
    alleged = _draft(RUSSIA, "suppliesMilitaryAidTo", IRAN, accused=True)
    accusation = _draft(usa, "accuses", RUSSIA, accused=False)
    for denier, expected in ((usa, RUSSIA), (IRAN, IRAN)):
        doc = parse(NAMED_DENIAL, {"Tehran": denier.id})
        made = context(doc, recent=[accusation, alleged])
        (draft,) = denial_rule(doc[:], made)
        assert draft.negated and draft.asserted_by == expected

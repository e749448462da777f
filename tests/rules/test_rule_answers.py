"""The answers family on hand-built parses and drafts (fast: no model)."""

from __future__ import annotations

import dataclasses

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


UKRAINE = Actor("UKR", "Ukraine", ActorType.STATE, "UKR")
MOSCOW = {"Moscow": ("RUS", "capital"), "Kyiv": ("UKR", "capital")}

RELATIVE_DENIAL = """
Ukraine Ukraine PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Russia Russia PROPN NNP dobj 1
of of ADP IN prep 1
shelling shell VERB VBG pcomp 3
Kharkiv Kharkiv PROPN NNP dobj 4
, , PUNCT , punct 5
a a DET DT det 8
{noun} {noun} NOUN NN appos 5
Moscow Moscow PROPN NNP nsubj 10
denied deny VERB VBD relcl 8
. . PUNCT . punct 1
"""


def test_a_charge_the_accused_denied_negates_the_allegation(parse, context):
    """'..., a charge Moscow denied': the allegation noun the relative clause modifies is
    what is denied; a relative on another noun ('the visa Moscow denied') denies nothing."""
    alleged = _draft(RUSSIA, "shells", UKRAINE, accused=True)
    doc = parse(RELATIVE_DENIAL.format(noun="charge"), {"Ukraine": "UKR", **MOSCOW})
    (draft,) = denial_rule(doc[:], context(doc, recent=[alleged]))
    assert (draft.subject, draft.relation, draft.object) == (RUSSIA, "shells", UKRAINE)
    assert draft.negated and draft.asserted_by == RUSSIA
    doc = parse(RELATIVE_DENIAL.format(noun="visa"), {"Ukraine": "UKR", **MOSCOW})
    assert denial_rule(doc[:], context(doc, recent=[alleged])) == []


def _denial(obj: str) -> str:
    return f"""
{{denier}} {{denier}} PROPN NNP nsubj 1
denied deny VERB VBD ROOT 1
any any DET DT det 3
{obj} {obj} NOUN NN dobj 1
. . PUNCT . punct 1
"""


def test_a_denied_involvement_answers_only_the_deniers_own_alleged_act(parse, context):
    """'Moscow denied any involvement': Russia's alleged shelling, negated; an allegation
    against someone else, or a denial of something else ('denied any entry'), gives
    nothing."""
    involvement = _denial("involvement").format(denier="Moscow")
    doc = parse(involvement, MOSCOW)
    shelling = _draft(RUSSIA, "shells", UKRAINE, accused=True)
    (draft,) = denial_rule(doc[:], context(doc, recent=[shelling]))
    assert draft.negated and draft.asserted_by == RUSSIA and draft.subject == RUSSIA
    supply = _draft(IRAN, "suppliesMilitaryAidTo", UKRAINE, accused=True)
    assert denial_rule(doc[:], context(doc, recent=[supply])) == []
    doc = parse(_denial("entry").format(denier="Moscow"), MOSCOW)
    assert denial_rule(doc[:], context(doc, recent=[shelling])) == []


def _reported(subject: Actor, reporter: Actor) -> Draft:
    return Draft(subject, "shells", UKRAINE, False, reporter, 0.8, (), 0, 40, False)


def test_a_denial_by_the_subject_of_a_reported_act_negates_it(parse, context):
    """'Ukraine said Russian forces shelled Kharkiv. Moscow denied the claim.': the act
    Ukraine reported of Russia, negated by Russia; never by its reporter, nor for an act
    reported of a third actor."""
    doc = parse(_denial("claim").format(denier="Moscow"), MOSCOW)
    (draft,) = denial_rule(doc[:], context(doc, recent=[_reported(RUSSIA, UKRAINE)]))
    assert draft.negated and draft.asserted_by == RUSSIA
    assert denial_rule(doc[:], context(doc, recent=[_reported(IRAN, UKRAINE)])) == []
    doc = parse(_denial("claim").format(denier="Kyiv"), MOSCOW)
    assert denial_rule(doc[:], context(doc, recent=[_reported(RUSSIA, UKRAINE)])) == []


WINDOW = """
Kyiv Kyiv PROPN NNP ROOT 0
spoke speak VERB VBD ROOT 1
. . PUNCT . punct 1
Talks talk NOUN NNS nsubj 4
failed fail VERB VBD ROOT 4
. . PUNCT . punct 4
Troops troop NOUN NNS nsubj 7
moved move VERB VBD ROOT 7
. . PUNCT . punct 7
Moscow Moscow PROPN NNP nsubj 10
denied deny VERB VBD ROOT 10
the the DET DT det 12
accusation accusation NOUN NN dobj 10
. . PUNCT . punct 10
"""


def test_a_denial_answers_only_the_previous_two_sentences(parse, context):
    """An allegation two sentences back is answered; one three sentences back is not."""
    doc = parse(WINDOW, MOSCOW, starts=(3, 6, 9))
    sentences = list(doc.sents)
    for back, answered in ((2, True), (3, False)):
        start = sentences[-1 - back].start_char
        alleged = dataclasses.replace(_draft(RUSSIA, "shells", UKRAINE, accused=True), start=start)
        found = denial_rule(sentences[-1], context(doc, recent=[alleged]))
        assert bool(found) is answered

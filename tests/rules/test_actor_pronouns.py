"""Pronouns and unnamed bodies that must not take the wrong actor (A7; fast: hand-built Docs).

Rules: a possessive is kept from the subject of a copula only inside its predicate ("Iran
became one of its allies"), not inside an adverbial phrase ("Eritrea was subject to an
embargo because of its support": Eritrea's); a subject "it" after a sentence whose subject
is a document ("The resolution condemns Eritrea. It also allows ...") is that document,
speaking for its author, never the actor named inside it; a state's body named without its
state ("the National Security Council", ``national_body_markers``) is the one state of its
sentence or story, else no actor, never an organisation of its own.
"""

from __future__ import annotations

from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

BECAUSE = """
Eritrea Eritrea PROPN NNP nsubj 1
was be AUX VBD ROOT 1
subject subject ADJ JJ acomp 1
to to ADP IN prep 2
an an DET DT det 5
embargo embargo NOUN NN pobj 3
because because SCONJ IN prep 1
of of ADP IN pcomp 6
its its PRON PRP$ poss 9
support support NOUN NN pobj 6
. . PUNCT . punct 1
"""

BECAME = """
Iran Iran PROPN NNP nsubj 1
became become VERB VBD ROOT 1
one one NUM CD attr 1
of of ADP IN prep 2
its its PRON PRP$ poss 5
allies ally NOUN NNS pobj 3
. . PUNCT . punct 1
"""


def _ids(found):
    return [r.actor.id for r in found]


def test_a_possessive_in_an_adverbial_phrase_may_be_the_subjects(parse, gazetteer):
    doc = parse(BECAUSE, {"Eritrea": "ERI"})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[8], exclude=())) == ["ERI"]


def test_a_possessive_in_the_predicate_is_not_the_subjects(parse, gazetteer):
    doc = parse(BECAME, {"Iran": "IRN"})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[4], exclude=())) == []


COUNCIL_VOTED = """
The the DET det 1
Council Council PROPN nsubj 2
voted vote VERB ROOT 2
. . PUNCT punct 2
"""
RESOLUTION = """
The the DET det 1
resolution resolution NOUN nsubj 2
condemns condemn VERB ROOT 2
Eritrea Eritrea PROPN dobj 2
. . PUNCT punct 2
"""
IT_ALLOWS = """
It it PRON nsubj 1
allows allow VERB ROOT 1
sanctions sanction NOUN dobj 1
. . PUNCT punct 1
"""
ERITREA_REJECTED = """
Eritrea Eritrea PROPN nsubj 1
rejected reject VERB ROOT 1
the the DET det 3
resolution resolution NOUN dobj 1
. . PUNCT punct 1
"""
ACTORS = {"Council": ("unsc", "alias"), "Eritrea": ("ERI", "name")}
STATES = {"Turkey": ("TUR", "name")}


def test_it_after_a_document_subject_is_the_document_not_the_actor_inside(story, gazetteer):
    doc = story([COUNCIL_VOTED, RESOLUTION, IT_ALLOWS], ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    it = doc[9]
    assert it.lower_ == "it"
    assert "ERI" not in _ids(resolver.resolve(it, exclude=()))


def test_it_after_an_actor_subject_is_that_actor(story, gazetteer):
    doc = story([ERITREA_REJECTED, IT_ALLOWS], ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[5], exclude=())) == ["ERI"]


NSC = """
The the DET det 3
National National PROPN compound 3
Security Security PROPN compound 3
Council Council PROPN nsubj 4
met meet VERB ROOT 4
. . PUNCT punct 4
"""
TURKEY = """
Turkey Turkey PROPN nsubj 1
protested protest VERB ROOT 1
. . PUNCT punct 1
"""


def test_a_national_body_is_the_state_in_context(story, gazetteer):
    doc = story([TURKEY, NSC], STATES, orgs=((4, 7),))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[6], exclude=())) == ["TUR"]


def test_a_national_body_with_no_state_in_context_is_no_actor(story, gazetteer):
    doc = story([NSC], STATES, orgs=((1, 4),))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == []


QUOTE_OPEN = """
" " PUNCT punct 2
We we PRON nsubj 2
are be AUX ROOT 2
bombed bomb VERB acomp 2
our our PRON poss 5
areas area NOUN dobj 3
. . PUNCT punct 2
"""
SAID = """
Juba Juba PROPN nsubj 1
suffers suffer VERB ccomp 5
, , PUNCT punct 5
" " PUNCT punct 5
Turkey Turkey PROPN nsubj 5
said say VERB ROOT 5
. . PUNCT punct 5
"""


def test_a_first_person_owner_is_the_speaker_of_a_quote_running_on(story, gazetteer):
    actors = {"Turkey": ("TUR", "name"), "Juba": ("SSD", "capital")}
    doc = story([QUOTE_OPEN, SAID], actors)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert doc[4].lower_ == "our"
    assert _ids(resolver.speaker(doc[4])) == ["TUR"]
    # a closed quote does not run on
    closed = QUOTE_OPEN.replace(". . PUNCT punct 2", '" " PUNCT punct 2')
    doc = story([closed, SAID], actors)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.speaker(doc[4])) == []


DUTY = """
It it PRON nsubj 1
is be AUX ROOT 1
the the DET det 3
duty duty NOUN attr 1
to to PART aux 5
warn warn VERB xcomp 1
Sudan Sudan PROPN dobj 5
. . PUNCT punct 1
"""
READY = """
It it PRON nsubj 1
is be AUX ROOT 1
ready ready ADJ acomp 1
to to PART aux 4
talk talk VERB xcomp 1
. . PUNCT punct 1
"""


def test_an_expletive_it_is_no_one_but_a_ready_it_is_someone(story, gazetteer):
    actors = {"Turkey": ("TUR", "name"), "Sudan": ("SDN", "name")}
    doc = story([TURKEY, DUTY], actors)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == []
    doc = story([TURKEY, READY], actors)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == ["TUR"]


THERE = """
There there PRON expl 1
was be VERB ROOT 1
violence violence NOUN attr 1
. . PUNCT punct 1
"""


def test_an_expletive_there_is_no_one(story, gazetteer):
    doc = story([TURKEY, THERE], STATES)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver.resolve(doc[3], exclude=())) == []

"""Binding of object pronouns (principle B; fast: hand-built Docs).

Rule: a non-reflexive personal pronoun that is a verb's object (its direct object, or the
object of one of its ``object_preps``, also when the parser hangs that preposition on the
verb's object: "imposed sanctions on it") never denotes that verb's own subject, nor the
subject a participle, a conjoined verb or an infinitive inherits ("Ethiopia imposed sanctions
on Eritrea, accusing it ...": Eritrea, not Ethiopia). A reflexive does ("defended itself"),
a subject pronoun may ("Ethiopia said it ..."), and only the pronoun's own clause's subject
is excluded ("Ethiopia said Eritrea attacked it": Ethiopia).
"""

from __future__ import annotations

from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

ACCUSING = """
Ethiopia Ethiopia PROPN NNP nsubj 1
imposed impose VERB VBD ROOT 1
sanctions sanction NOUN NNS dobj 1
on on ADP IN prep 2
Eritrea Eritrea PROPN NNP pobj 3
, , PUNCT , punct 1
accusing accuse VERB VBG advcl 1
it it PRON PRP dobj 6
of of ADP IN prep 6
arming arm VERB VBG pcomp 8
rebels rebel NOUN NNS dobj 9
. . PUNCT . punct 1
"""

# "Eritrea armed rebels. Ethiopia imposed sanctions on it."
SANCTIONS_ON_IT = """
Eritrea Eritrea PROPN NNP nsubj 1
armed arm VERB VBD ROOT 1
rebels rebel NOUN NNS dobj 1
. . PUNCT . punct 1
Ethiopia Ethiopia PROPN NNP nsubj 5
imposed impose VERB VBD ROOT 5
sanctions sanction NOUN NNS dobj 5
on on ADP IN prep 6
it it PRON PRP pobj 7
. . PUNCT . punct 5
"""

# "Eritrea armed rebels. Ethiopia defended itself."
ITSELF = """
Eritrea Eritrea PROPN NNP nsubj 1
armed arm VERB VBD ROOT 1
rebels rebel NOUN NNS dobj 1
. . PUNCT . punct 1
Ethiopia Ethiopia PROPN NNP nsubj 5
defended defend VERB VBD ROOT 5
itself itself PRON PRP dobj 5
. . PUNCT . punct 5
"""

OTHER_CLAUSE = """
Ethiopia Ethiopia PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Eritrea Eritrea PROPN NNP nsubj 3
attacked attack VERB VBD ccomp 1
it it PRON PRP dobj 3
. . PUNCT . punct 1
"""

SUBJECT_IT = """
Ethiopia Ethiopia PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Eritrea Eritrea PROPN NNP dobj 1
and and CCONJ CC cc 1
said say VERB VBD conj 1
it it PRON PRP nsubj 7
would will AUX MD aux 7
retaliate retaliate VERB VB ccomp 4
. . PUNCT . punct 1
"""

ACTORS = {"Ethiopia": "ETH", "Eritrea": "ERI"}


def _ids(parse, gazetteer, table, index, starts=()):
    doc = parse(table, ACTORS, starts)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return [r.actor.id for r in resolver.resolve(doc[index], exclude=())]


def test_the_object_of_a_participle_is_not_the_subject_it_inherits(parse, gazetteer):
    assert _ids(parse, gazetteer, ACCUSING, 7) == ["ERI"]


def test_the_object_of_a_preposition_on_the_verbs_object_is_not_its_subject(parse, gazetteer):
    assert _ids(parse, gazetteer, SANCTIONS_ON_IT, 8, starts=(4,)) == ["ERI"]


def test_a_reflexive_object_is_its_subject(parse, gazetteer):
    assert _ids(parse, gazetteer, ITSELF, 6, starts=(4,)) == ["ETH"]


def test_only_the_pronouns_own_clause_subject_is_excluded(parse, gazetteer):
    assert _ids(parse, gazetteer, OTHER_CLAUSE, 4) == ["ETH"]


def test_a_subject_pronoun_may_be_the_clause_subject_of_its_sentence(parse, gazetteer):
    assert _ids(parse, gazetteer, SUBJECT_IT, 5) == ["ETH"]


ERITREA_ARMED = """
Eritrea Eritrea PROPN NNP nsubj 1
armed arm VERB VBD ROOT 1
rebels rebel NOUN NNS dobj 1
. . PUNCT . punct 1
"""

# "... Ethiopia met and warned it."
CONJOINED = (
    ERITREA_ARMED.rstrip()
    + """
Ethiopia Ethiopia PROPN NNP nsubj 5
met meet VERB VBD ROOT 5
and and CCONJ CC cc 5
warned warn VERB VBD conj 5
it it PRON PRP dobj 7
. . PUNCT . punct 5
"""
)

# "... Ethiopia decided to attack it."
SUBJECT_CONTROL = (
    ERITREA_ARMED.rstrip()
    + """
Ethiopia Ethiopia PROPN NNP nsubj 5
decided decide VERB VBD ROOT 5
to to PART TO aux 7
attack attack VERB VB xcomp 5
it it PRON PRP dobj 7
. . PUNCT . punct 5
"""
)

# "... Ethiopia urged Kenya to condemn it."
OBJECT_CONTROL = (
    ERITREA_ARMED.rstrip()
    + """
Ethiopia Ethiopia PROPN NNP nsubj 5
urged urge VERB VBD ROOT 5
Kenya Kenya PROPN NNP dobj 5
to to PART TO aux 8
condemn condemn VERB VB xcomp 5
it it PRON PRP dobj 8
. . PUNCT . punct 5
"""
)


def test_a_conjoined_verb_shares_its_heads_subject(parse, gazetteer):
    assert _ids(parse, gazetteer, CONJOINED, 8, starts=(4,)) == ["ERI"]


def test_an_infinitive_inherits_its_heads_subject(parse, gazetteer):
    assert _ids(parse, gazetteer, SUBJECT_CONTROL, 8, starts=(4,)) == ["ERI"]


def test_an_object_control_infinitive_excludes_the_object_not_the_subject(parse, gazetteer):
    doc = parse(OBJECT_CONTROL, {**ACTORS, "Kenya": "KEN"}, (4,))
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert [r.actor.id for r in resolver.resolve(doc[9], exclude=())] == ["ETH"]

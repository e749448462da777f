"""Domestic actors (A4/A9; fast: hand-built Docs, the real gazetteer).

Rules: an unknown party or movement (an organisation name ending in a ``group_markers``
word) acts at home, keyed by the one state its sentence (else the last ones) is about; a
named political group facing another actor of its state, named or resolved from context,
is a domestic pair ("police will no longer tolerate rallies by the Kifaya group"), but not
a pronoun or the speaker, which may stand for the group itself.
"""

from __future__ import annotations

from spacy.tokens import Span

from geokg.extract.drafts import _distinct
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver

PARTY = """
The the DET DT det 2
Homeland Homeland PROPN NNP compound 2
Front Front PROPN NNP nsubj 3
urged urge VERB VBD ROOT 3
the the DET DT det 6
Lithuanian Lithuanian PROPN NNP compound 6
Parliament Parliament PROPN NNP dobj 3
. . PUNCT . punct 3
"""

NO_STATE = """
The the DET DT det 2
Homeland Homeland PROPN NNP compound 2
Front Front PROPN NNP nsubj 3
urged urge VERB VBD ROOT 3
voters voter NOUN NNS dobj 3
. . PUNCT . punct 3
"""


def _resolver(parse, gazetteer, table, actors):
    doc = parse(table, actors)
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    return doc, Resolver(doc, gazetteer, load_lexicon(), published=None)


def test_an_unknown_party_is_keyed_by_its_home_state(parse, gazetteer):
    doc, resolver = _resolver(parse, gazetteer, PARTY, {"Lithuanian": ("LTU", "demonym")})
    (party,) = resolver.resolve(doc[2], exclude=())
    assert (party.actor.id, party.actor.country) == ("homeland_front", "LTU")


def test_an_unknown_party_with_no_state_in_view_keeps_its_own_key(parse, gazetteer):
    doc, resolver = _resolver(parse, gazetteer, NO_STATE, {})
    (party,) = resolver.resolve(doc[2], exclude=())
    assert (party.actor.id, party.actor.country) == ("homeland_front", None)


def test_a_named_group_and_an_institution_in_context_are_a_domestic_pair(parse, gazetteer):
    doc, resolver = _resolver(parse, gazetteer, PARTY, {"Lithuanian": ("LTU", "demonym")})
    (party,) = resolver.resolve(doc[2], exclude=())
    lithuania = gazetteer.get("LTU")
    assert lithuania is not None
    police = Resolved(lithuania.to_actor(), 0.7, Via.HOME_INSTITUTION, 6)
    assert _distinct(party, police, resolver)
    assert _distinct(police, party, resolver)
    # "it", or the group's own quoted "we", may be the group itself
    assert not _distinct(party, Resolved(lithuania.to_actor(), 0.7, Via.COREF, 6), resolver)
    assert not _distinct(party, Resolved(lithuania.to_actor(), 0.7, Via.SPEAKER, 6), resolver)


ARREST = """
Thailand Thailand PROPN NNP nsubj 1
criticized criticize VERB VBD ROOT 1
Washington Washington PROPN NNP dobj 1
. . PUNCT . punct 1
The the DET DT det 6
Thai Thai ADJ JJ amod 6
military military NOUN NN nsubj 7
arrested arrest VERB VBD ROOT 7
the the DET DT det 9
country country NOUN NN poss 12
's 's PART POS case 9
prime prime ADJ JJ amod 12
minister minister NOUN NN dobj 7
. . PUNCT . punct 7
"""


def test_a_state_nominal_owner_is_its_antecedent_even_the_other_argument(parse, gazetteer):
    doc = parse(
        ARREST, {"Thailand": "THA", "Washington": ("USA", "capital"), "Thai": ("THA", "demonym")}
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    (military,) = resolver.resolve(doc[6], exclude=())
    (minister,) = resolver.resolve(doc[12], exclude=[military.actor])
    assert minister.actor.id == "THA"  # not the United States, named last before
    assert _distinct(military, minister, resolver)  # two domestic phrases of Thailand

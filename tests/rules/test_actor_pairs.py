"""Pair nominals (A2; fast: hand-built Docs, the real gazetteer).

Rules: a pair nominal stands for two actors of the kind its head names (``pair_kinds``):
"both countries" two states, "the two leaders" two people, "both sides" two parties to the
story, never an international or non-governmental organisation that mediates or reports,
and two actors of one state may be the two sides of a civil war; one phrase standing for
two actors of two states ("the two leaders agreed") acts each to each, two actors of one
state, one actor or "both sides" (the parties of any of the story's conflicts) never.
"""

from __future__ import annotations

from geokg.extract.drafts import _distinct
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolution import Resolved, Via
from geokg.extract.resolve import Resolver

MET = """
Obama Obama PROPN nsubj 1
met meet VERB ROOT 1
Putin Putin PROPN dobj 1
in in ADP prep 1
Sudan Sudan PROPN pobj 3
with with ADP prep 1
the the DET det 7
AU AU PROPN pobj 5
. . PUNCT punct 1
"""
AGREED = """
The the DET det 2
two two NUM nummod 2
{noun} {lemma} NOUN nsubj 3
agreed agree VERB ROOT 3
. . PUNCT punct 3
"""
ACTORS = {
    "Obama": ("barack-obama", "person"),
    "Putin": ("vladimir-putin", "person"),
    "Sudan": ("SDN", "name"),
    "AU": ("african_union", "alias"),
}


def _pair(story, gazetteer, noun, lemma):
    doc = story([MET, AGREED.format(noun=noun, lemma=lemma)], ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return sorted(r.actor.id for r in resolver.resolve(doc[11], exclude=()))


def test_the_two_leaders_are_two_people(story, gazetteer):
    assert _pair(story, gazetteer, "leaders", "leader") == ["barack-obama", "vladimir-putin"]


def test_the_two_countries_are_two_states(story, gazetteer):
    # Only one state in view (the people are no states, the AU no country): no pair.
    assert _pair(story, gazetteer, "countries", "country") == []


def test_both_sides_are_never_a_mediating_organisation(story, gazetteer):
    assert "african_union" not in _pair(story, gazetteer, "sides", "side")


def test_one_phrase_for_two_states_acts_each_to_each(story, gazetteer):
    doc = story([MET, AGREED.format(noun="leaders", lemma="leader")], ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    obama, putin = (gazetteer.get(i) for i in ("barack-obama", "vladimir-putin"))
    assert obama is not None and putin is not None
    first = Resolved(obama.to_actor(), 0.6, Via.COREF, 11)
    second = Resolved(putin.to_actor(), 0.6, Via.COREF, 11)
    assert _distinct(first, second, resolver)
    assert not _distinct(first, first, resolver)  # one actor
    biden = gazetteer.get("joe-biden")
    assert biden is not None
    assert not _distinct(first, Resolved(biden.to_actor(), 0.6, Via.COREF, 11), resolver)
    sides = _doc_with(story, "sides", "side")
    first = Resolved(obama.to_actor(), 0.6, Via.COREF, 11)
    second = Resolved(putin.to_actor(), 0.6, Via.COREF, 11)
    assert not _distinct(first, second, Resolver(sides, gazetteer, load_lexicon(), published=None))


def _doc_with(story, noun, lemma):
    return story([MET, AGREED.format(noun=noun, lemma=lemma)], ACTORS)

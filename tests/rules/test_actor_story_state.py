"""The state a story is about (fast: hand-built Docs, the real gazetteer).

Rule (:meth:`Resolver.home_state`): an institution or group named without its owner ("the
military", "officials", "security forces") belongs to the one state its sentence names;
when the sentence names none, to the state the story is about (most mentions so far, the
headline and lead counting three times, by a margin of two); else to the one state of the
nearest earlier sentence. Two states in the sentence: nobody's.
"""

from __future__ import annotations

from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

FOUGHT = """
Nigeria Nigeria PROPN nsubj 1
fought fight VERB ROOT 1
rebels rebel NOUN dobj 1
. . PUNCT punct 1
"""
ARRESTED = FOUGHT.replace("fought fight", "arrested arrest")
OFFERED = """
Washington Washington PROPN nsubj 1
offered offer VERB ROOT 1
help help NOUN dobj 1
. . PUNCT punct 1
"""
OFFICIALS = """
Officials official NOUN nsubj 1
accused accuse VERB ROOT 1
rebels rebel NOUN dobj 1
. . PUNCT punct 1
"""
OWN = OFFICIALS.replace("rebels rebel NOUN dobj 1", "Washington Washington PROPN dobj 1")
ACTORS = {"Nigeria": ("NGA", "name"), "Washington": ("USA", "capital")}


def _home(story, gazetteer, sentences, index):
    doc = story(sentences, ACTORS)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return [r.actor.id for r in resolver.resolve(doc[index], exclude=())]


def test_unowned_officials_belong_to_the_story_not_the_last_state_named(story, gazetteer):
    assert _home(story, gazetteer, [FOUGHT, ARRESTED, OFFERED, OFFICIALS], 12) == ["NGA"]


def test_with_no_clear_story_state_the_last_state_named_is_theirs(story, gazetteer):
    # Washington in the lead too: no state leads by two; the last one named is theirs.
    assert _home(story, gazetteer, [FOUGHT, OFFERED, OFFERED, OFFICIALS], 12) == ["USA"]


def test_a_state_named_in_the_sentence_comes_first(story, gazetteer):
    assert _home(story, gazetteer, [FOUGHT, ARRESTED, OFFERED, OWN], 12) == ["USA"]

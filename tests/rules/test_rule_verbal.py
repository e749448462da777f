"""Verbal and demonstrative conflict (CAMEO 11-14) on hand-built parses (fast: no model)."""

from __future__ import annotations

from geokg.extract.drafts import _distinct
from geokg.extract.resolution import Resolved, Via
from geokg.extract.rules.frames import frame_rule
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

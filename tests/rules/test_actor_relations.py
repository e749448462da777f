"""Relational nouns: "Iran's ally Hezbollah" is Hezbollah, never Iran (fast: hand-built Docs).

Rule (``relational_nouns`` in ``data/lexicon/words.json``): a noun naming an actor by its
relation to another (ally, partner, neighbour, rival, counterpart ...) never resolves to its
possessive or "of" owner, the other side of the relation; an apposition or the name beside
it names the actor. A modifier still names it ("NATO allies", "his Chinese counterpart").
"""

from __future__ import annotations

from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

ALLY_NAMED = """
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
ally ally NOUN NN nsubj 4
Hezbollah Hezbollah PROPN NNP nsubj 4
fired fire VERB VBD ROOT 4
rockets rocket NOUN NNS dobj 4
at at ADP IN prep 4
Israel Israel PROPN NNP pobj 6
. . PUNCT . punct 4
"""

ALLY_OF = """
An an DET DT det 1
ally ally NOUN NN nsubj 7
of of ADP IN prep 1
Russia Russia PROPN NNP pobj 2
, , PUNCT , punct 3
Belarus Belarus PROPN NNP appos 3
, , PUNCT , punct 1
criticised criticise VERB VBD ROOT 7
Poland Poland PROPN NNP dobj 7
. . PUNCT . punct 7
"""

NEIGHBOURS = """
Syria Syria PROPN NNP poss 2
's 's PART POS case 0
neighbours neighbour NOUN NNS nsubj 3
condemned condemn VERB VBD ROOT 3
Israel Israel PROPN NNP dobj 3
. . PUNCT . punct 3
"""

# Negative controls: an ordinary agent noun keeps its owner; a modifier names the actor.
OFFICIALS = """
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
officials official NOUN NNS nsubj 3
condemned condemn VERB VBD ROOT 3
Israel Israel PROPN NNP dobj 3
. . PUNCT . punct 3
"""

NATO_ALLIES = """
NATO NATO PROPN NNP compound 1
allies ally NOUN NNS nsubj 2
condemned condemn VERB VBD ROOT 2
Russia Russia PROPN NNP dobj 2
. . PUNCT . punct 2
"""


def _keys(parse, gazetteer, table, actors, index):
    doc = parse(table, actors)
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return [r.actor.id for r in resolver.actors(doc[index])]


def test_a_named_ally_is_itself_not_its_owner(parse, gazetteer):
    actors = {"Iran": "IRN", "Hezbollah": "hezbollah", "Israel": "ISR"}
    assert _keys(parse, gazetteer, ALLY_NAMED, actors, 2) == ["hezbollah"]


def test_an_apposition_on_the_owner_names_the_ally(parse, gazetteer):
    actors = {"Russia": "RUS", "Belarus": "BLR", "Poland": "POL"}
    assert _keys(parse, gazetteer, ALLY_OF, actors, 1) == ["BLR"]


def test_an_unnamed_relative_is_no_actor(parse, gazetteer):
    actors = {"Syria": "SYR", "Israel": "ISR"}
    assert _keys(parse, gazetteer, NEIGHBOURS, actors, 2) == []


def test_an_ordinary_agent_noun_keeps_its_owner(parse, gazetteer):
    actors = {"Iran": "IRN", "Israel": "ISR"}
    assert _keys(parse, gazetteer, OFFICIALS, actors, 2) == ["IRN"]


def test_a_modifier_still_names_the_relatives(parse, gazetteer):
    actors = {"NATO": "nato", "Russia": "RUS"}
    assert _keys(parse, gazetteer, NATO_ALLIES, actors, 1) == ["nato"]

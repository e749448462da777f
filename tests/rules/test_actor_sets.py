"""Named sets and uncodable collectives (fast: hand-built Docs, the real gazetteer).

Rules: a plural head whose modifiers spell a named set (``named_sets`` in
``data/lexicon/words.json``: "six world powers", "the P5+1 group") stands for each member
state, except the other argument; a collective no analyst codes (``uncodable_collectives``:
"the international community", "world powers" with no number) resolves to nothing.
"""

from __future__ import annotations

from spacy.tokens import Span

from geokg.extract.actors import SPAN_KEY
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

SIX_POWERS = """
Iran Iran PROPN NNP nsubj 5
met meet VERB VBD ROOT 1
the the DET DT det 5
six six NUM CD nummod 5
world world NOUN NN compound 5
powers power NOUN NNS dobj 1
. . PUNCT . punct 1
"""

P5_GROUP = """
Iran Iran PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
the the DET DT det 6
P5 P5 PROPN NNP nmod 6
+ + PROPN NNP nmod 6
1 1 NUM CD nummod 6
group group NOUN NN dobj 1
. . PUNCT . punct 1
"""

# Negative controls: another number is no named set; an unnumbered "world powers" and
# "the international community" are no actor.
FIVE_POWERS = SIX_POWERS.replace("six six", "five five")

COMMUNITY = """
Iran Iran PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
the the DET DT det 4
international international ADJ JJ amod 4
community community NOUN NN dobj 1
. . PUNCT . punct 1
"""

SIX = ["CHN", "DEU", "FRA", "GBR", "RUS", "USA"]


def _keys(parse, gazetteer, table, actors, index, *, spans=()):
    doc = parse(table, actors)
    for start, end, kb_id in spans:
        doc.spans[SPAN_KEY] = [*doc.spans[SPAN_KEY], Span(doc, start, end, "alias", kb_id=kb_id)]
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    return sorted(r.actor.id for r in resolver.actors(doc[index]))


def test_six_world_powers_are_each_member(parse, gazetteer):
    assert _keys(parse, gazetteer, SIX_POWERS, {"Iran": "IRN"}, 5) == SIX


def test_the_p5_plus_1_group_is_each_member(parse, gazetteer):
    assert _keys(parse, gazetteer, P5_GROUP, {"Iran": "IRN"}, 6) == SIX


def test_the_other_argument_is_no_member(parse, gazetteer):
    doc = parse(SIX_POWERS, {"Iran": "IRN"})
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    usa = gazetteer.get("USA")
    assert usa is not None
    found = resolver.actors(doc[5], exclude=[usa.to_actor()])
    assert sorted(r.actor.id for r in found) == [k for k in SIX if k != "USA"]


def test_another_number_is_no_named_set(parse, gazetteer):
    assert _keys(parse, gazetteer, FIVE_POWERS, {"Iran": "IRN"}, 5) == []


def test_uncodable_collectives_resolve_to_nothing(parse, gazetteer):
    community = [(3, 5, "international_community")]
    assert _keys(parse, gazetteer, COMMUNITY, {"Iran": "IRN"}, 4, spans=community) == []
    unnumbered = SIX_POWERS.replace("six six NUM CD nummod", "all all DET DT det")
    world_powers = [(4, 6, "international_community")]
    assert _keys(parse, gazetteer, unnumbered, {"Iran": "IRN"}, 5, spans=world_powers) == []

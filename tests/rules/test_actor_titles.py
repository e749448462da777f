"""Titles with unknown names (A1; fast: hand-built Docs, the real gazetteer).

Rules: an unknown person named with a title that a state or organisation owns, however deep
in the title ("U.S. Assistant Secretary of State Kurt Campbell": an ``nmod`` chain), acts
for it, and the first and last words of the name then resolve later bare mentions ("Ryoo"
after "Unification Minister Ryoo Kihl-jae"); a capital heading an office's name is its
state's ("Juba Information Minister X"); a commentator ("Cato Institute analyst X") is no
actor, and neither is a bare unknown name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from geokg.extract.actors import SPAN_KEY, ActorMatcher
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolve import Resolver

CAMPBELL = """
U.S. U.S. PROPN NNP nmod 2
Assistant Assistant PROPN NNP nmod 2
Secretary Secretary PROPN NNP nmod 6
of of ADP IN prep 2
State State PROPN NNP pobj 3
Kurt Kurt PROPN NNP compound 6
Campbell Campbell PROPN NNP nsubj 7
visited visit VERB VBD ROOT 7
Tokyo Tokyo PROPN NNP dobj 7
. . PUNCT . punct 7
Campbell Campbell PROPN NNP nsubj 11
met meet VERB VBD ROOT 11
Japan Japan PROPN NNP dobj 11
. . PUNCT . punct 11
"""

LOGAN = """
Cato Cato PROPN NNP compound 1
Institute Institute PROPN NNP compound 2
analyst analyst NOUN NN compound 4
Justin Justin PROPN NNP compound 4
Logan Logan PROPN NNP nsubj 5
criticized criticize VERB VBD ROOT 5
Japan Japan PROPN NNP dobj 5
. . PUNCT . punct 5
"""

UNKNOWN = """
Justin Justin PROPN NNP compound 1
Logan Logan PROPN NNP nsubj 2
criticized criticize VERB VBD ROOT 2
Japan Japan PROPN NNP dobj 2
. . PUNCT . punct 2
"""


def _doc(parse, table, actors, persons=(), orgs=()):
    doc = parse(table, actors)
    doc.ents = [Span(doc, s, e, label="PERSON") for s, e in persons] + [
        Span(doc, s, e, label="ORG") for s, e in orgs
    ]
    return doc


def _ids(resolver, token):
    return [r.actor.id for r in resolver.actors(token)]


def test_a_title_owned_through_a_chain_binds_the_name_and_its_later_mentions(parse, gazetteer):
    doc = _doc(
        parse,
        CAMPBELL,
        {"U.S.": ("USA", "alias"), "Tokyo": ("JPN", "capital"), "Japan": "JPN"},
        persons=[(5, 7), (10, 11)],
    )
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver, doc[6]) == ["USA"]
    assert _ids(resolver, doc[10]) == ["USA"]  # "Campbell met Japan"


def test_a_commentator_is_no_actor(parse, gazetteer):
    doc = _doc(parse, LOGAN, {"Japan": "JPN"}, persons=[(3, 5)], orgs=[(0, 2)])
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver, doc[4]) == []


def test_a_bare_unknown_name_is_no_actor(parse, gazetteer):
    doc = _doc(parse, UNKNOWN, {"Japan": "JPN"}, persons=[(0, 2)])
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver, doc[1]) == []


def _capital_kept(blank, words: list[str], ent: tuple[int, int]) -> list[tuple[str, str, str]]:
    doc = Doc(blank.vocab, words=words, pos=["PROPN"] * len(words))
    doc.ents = [Span(doc, ent[0], ent[1], label="ORG")]
    return [(s.text, s.kb_id_, s.label_) for s in ActorMatcher(blank)(doc).spans[SPAN_KEY]]


def test_a_capital_heading_an_office_is_its_states(blank):
    words = ["Juba", "Information", "Minister", "Barnaba", "Benjamin"]
    assert _capital_kept(blank, words, (0, 2)) == [("Juba", "SSD", "in-name")]


def test_a_capital_in_another_name_is_only_a_place(blank):
    words = ["Juba", "Monitor", "reporter", "Barnaba", "Benjamin"]
    assert _capital_kept(blank, words, (0, 2)) == []


ENVOY = """
The the DET DT det 1
U.N. U.N. PROPN NNP poss 4
's 's PART POS case 1
special special ADJ JJ amod 4
envoy envoy NOUN NN nsubj 11
to to ADP IN prep 4
Burma Burma PROPN NNP pobj 5
, , PUNCT , punct 6
Vijay Vijay PROPN NNP compound 9
Nambiar Nambiar PROPN NNP appos 6
, , PUNCT , punct 6
returned return VERB VBD ROOT 11
. . PUNCT . punct 11
"""


def test_a_name_hung_on_the_offices_complement_is_the_offices(parse, gazetteer):
    doc = _doc(parse, ENVOY, {"U.N.": ("un", "alias"), "Burma": ("MMR", "alias")}, [(8, 10)])
    resolver = Resolver(doc, gazetteer, load_lexicon(), published=None)
    assert _ids(resolver, doc[9]) == ["un"]  # not Burma: the envoy's name
    assert _ids(resolver, doc[6]) == ["MMR"]  # the complement itself stays Burma


RETIRED = """
Retired retired ADJ JJ amod 2
U.S. U.S. PROPN NNP compound 2
General General PROPN NNP compound 4
John John PROPN NNP compound 4
Wickham Wickham PROPN NNP nsubj 5
criticized criticize VERB VBD ROOT 5
Japan Japan PROPN NNP dobj 5
. . PUNCT . punct 5
"""


def test_a_retired_officer_is_no_actor_a_serving_one_is(parse, gazetteer):
    actors = {"U.S.": ("USA", "alias"), "Japan": "JPN"}
    doc = _doc(parse, RETIRED, actors, persons=[(3, 5)])
    assert _ids(Resolver(doc, gazetteer, load_lexicon(), published=None), doc[4]) == []
    serving = RETIRED.replace("Retired retired ADJ JJ amod 2", "Senior senior ADJ JJ amod 2")
    doc = _doc(parse, serving, actors, persons=[(3, 5)])
    assert _ids(Resolver(doc, gazetteer, load_lexicon(), published=None), doc[4]) == ["USA"]

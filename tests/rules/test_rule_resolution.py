"""Resolution strategies, language detection and the annotation's plain data (fast)."""

from __future__ import annotations

from datetime import date

from geokg.extract.annotate import decode, encode
from geokg.extract.language import clearly_foreign, looks_english
from geokg.extract.resolution import Via
from geokg.extract.strategies import (
    ARGUMENT_STRATEGIES,
    NAME_STRATEGIES,
    gazetteer_mention,
    named,
    parenthesised_acronym,
    pronoun,
    second_person,
)

SAID = """
Iran Iran PROPN NNP nsubj 1
said say VERB VBD ROOT 1
it it PRON PRP nsubj 4
would would AUX MD aux 4
help help VERB VB ccomp 1
you you PRON PRP dobj 4
. . PUNCT . punct 1
"""


def test_strategies_are_tried_in_their_table_order():
    assert ARGUMENT_STRATEGIES.index(pronoun) < ARGUMENT_STRATEGIES.index(named)
    # an acronym in parentheses names what precedes it before the gazetteer reads it alone
    assert NAME_STRATEGIES.index(parenthesised_acronym) < NAME_STRATEGIES.index(gazetteer_mention)


def test_each_strategy_decides_or_passes(parse, context):
    doc = parse(SAID, {"Iran": "IRN"})
    resolver = context(doc).actors
    iran, it, you = doc[0], doc[2], doc[5]
    assert gazetteer_mention(resolver, it) is None  # not its case: the next one is tried
    assert second_person(resolver, you, ()) == []  # decided: nobody
    (found,) = pronoun(resolver, it, ()) or []
    assert (found.actor.id, found.via) == ("IRN", Via.COREF)
    (name,) = gazetteer_mention(resolver, iran) or []
    assert (name.actor.id, name.via, name.certainty) == ("IRN", Via.NAME, 1.0)
    assert resolver.actors(it, exclude=[name.actor]) == []  # the other argument is skipped


def test_the_annotation_is_plain_data_that_round_trips(parse, context):
    doc = parse(SAID, {"Iran": "IRN"})
    resolver = context(doc).actors
    resolver.mentions()
    state = resolver.snapshot()
    data = encode(state, date(2024, 5, 20))
    assert data["published"] == "2024-05-20"
    assert decode(data) == state
    assert state.explicit[0] is not None and state.explicit[0].actor.id == "IRN"


def test_language_detection(blank):
    assert looks_english(blank("Iran denied that it had supplied drones to Russia."))
    assert not looks_english(blank("Der Kanzler sagte, dass die Regierung nicht zustimmt."))
    assert looks_english(blank("Sudan Darfur Khartoum"))  # names only: kept
    mixed = blank("« Nous ne sommes pas les ennemis de la Russie », a dit le ministre.")
    assert clearly_foreign(mixed[:])

"""The claims family on hand-built parses (fast: no model): claimed responsibility is the
claimant's act, asserted by it; denied responsibility is that act negated."""

from __future__ import annotations

import pytest

from geokg.extract.rules.claims import accusation_rule, claim_rule

ACTORS = {"Houthis": "houthis", "Saudi": "SAU", "Arabia": "SAU", "Russia": "RUS", "Ukraine": "UKR"}

CLAIMED = """
The the DET DT det 1
Houthis Houthis PROPN NNP nsubj 2
claimed claim VERB VBD ROOT 2
responsibility responsibility NOUN NN dobj 2
for for ADP IN prep 3
drone drone NOUN NN compound 6
attacks attack NOUN NNS pobj 4
against against ADP IN prep 6
an an DET DT det 10
oil oil NOUN NN compound 10
pipeline pipeline NOUN NN pobj 7
in in ADP IN prep 10
Saudi Saudi PROPN NNP compound 13
Arabia Arabia PROPN NNP pobj 11
. . PUNCT . punct 2
"""

DENIED = """
Russia Russia PROPN NNP nsubj 1
denied deny VERB VBD ROOT 1
responsibility responsibility NOUN NN dobj 1
for for ADP IN prep 2
the the DET DT det 5
attack attack NOUN NN pobj 3
on on ADP IN prep 5
Ukraine Ukraine PROPN NNP pobj 6
. . PUNCT . punct 1
"""

NO_TARGET = """
The the DET DT det 1
Houthis Houthis PROPN NNP nsubj 2
claimed claim VERB VBD ROOT 2
responsibility responsibility NOUN NN dobj 2
for for ADP IN prep 2
the the DET DT det 6
attack attack NOUN NN pobj 4
. . PUNCT . punct 2
"""

NOT_AN_ACT = """
The the DET DT det 1
Houthis Houthis PROPN NNP nsubj 2
claimed claim VERB VBD ROOT 2
the the DET DT det 4
victory victory NOUN NN dobj 2
over over ADP IN prep 4
Saudi Saudi PROPN NNP compound 7
Arabia Arabia PROPN NNP pobj 5
. . PUNCT . punct 2
"""


def _found(parse, context, table):
    doc = parse(table, ACTORS)
    return [
        (
            d.subject.country or d.subject.id,
            d.relation,
            d.object.country or d.object.id,
            d.negated,
            d.asserted_by.country or d.asserted_by.id if d.asserted_by else None,
        )
        for d in claim_rule(doc[:], context(doc))
    ]


def test_claimed_responsibility_is_the_claimants_act(parse, context):
    # the target is the place named in the act's phrase, never the claimant
    assert _found(parse, context, CLAIMED) == [("houthis", "attacks", "SAU", False, "houthis")]


def test_denied_responsibility_is_the_act_negated_by_the_denier(parse, context):
    assert _found(parse, context, DENIED) == [("RUS", "attacks", "UKR", True, "RUS")]


@pytest.mark.parametrize("table", [NO_TARGET, NOT_AN_ACT])
def test_no_claim_without_an_act_and_a_target(parse, context, table):
    assert _found(parse, context, table) == []


MALL = """
Al-Shabab Al-Shabab PROPN NNP nsubj 1
claimed claim VERB VBD ROOT 1
responsibility responsibility NOUN NN dobj 1
for for ADP IN prep 2
the the DET DT det 5
attack attack NOUN NN pobj 3
on on ADP IN prep 5
a a DET DT det 9
Kenyan kenyan ADJ JJ amod 9
mall mall NOUN NN pobj 6
. . PUNCT . punct 1
"""


def test_a_claimed_attack_on_a_civilian_site_is_an_assault(parse, context):
    doc = parse(MALL, {"Al-Shabab": "al_shabaab", "Kenyan": ("KEN", "demonym")})
    found = [(d.subject.id, d.relation, d.object.id) for d in claim_rule(doc[:], context(doc))]
    assert found == [("al_shabaab", "assaults", "KEN")]


RAIDS = """
Juba Juba PROPN NNP nsubj 1
accuses accuse VERB VBZ ROOT 1
Khartoum Khartoum PROPN NNP dobj 1
of of ADP IN prep 1
launching launch VERB VBG pcomp 3
raids raid NOUN NNS dobj 4
. . PUNCT . punct 1
"""

HELPING = """
Juba Juba PROPN NNP nsubj 1
accuses accuse VERB VBZ ROOT 1
Khartoum Khartoum PROPN NNP dobj 1
of of ADP IN prep 1
helping help VERB VBG pcomp 3
rebels rebel NOUN NNS dobj 4
. . PUNCT . punct 1
"""


def _alleged(parse, context, table, actors):
    doc = parse(table, actors)
    return [
        (d.subject.id, d.relation, d.object.id, d.accused, d.asserted_by and d.asserted_by.id)
        for d in accusation_rule(doc[:], context(doc))
    ]


def test_an_alleged_hostile_act_without_target_is_aimed_at_the_accusing_state(parse, context):
    actors = {"Juba": "SSD", "Khartoum": "SDN"}
    assert _alleged(parse, context, RAIDS, actors) == [("SDN", "attacks", "SSD", True, "SSD")]


def test_no_alleged_act_against_an_accuser_that_is_no_state_or_for_a_friendly_act(parse, context):
    # an organisation accusing: the act's target is unknown, not the organisation
    assert (
        _alleged(parse, context, RAIDS, {"Juba": "amnesty_international", "Khartoum": "SDN"}) == []
    )
    # helping is no hostile act
    assert _alleged(parse, context, HELPING, {"Juba": "SSD", "Khartoum": "SDN"}) == []

"""The claims family on hand-built parses (fast: no model): claimed responsibility is the
claimant's act, asserted by it; denied responsibility is that act negated."""

from __future__ import annotations

import pytest

from geokg.extract.rules.claims import claim_rule

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

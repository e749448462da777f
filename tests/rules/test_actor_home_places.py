"""Verbal cooperation with a place of one's own state (issue 10; fast: no model).

Rule (:func:`geokg.extract.drafts._cooperation_at_home`): a same-state pair whose object is
only a place of that state is a domestic fact only for material acts (quad classes 2-4);
visiting, consulting or praising a place at home (quad class 1) is no act between two
actors ("Japanese officials visited a shrine in Tokyo" is no JPN 04 JPN).
"""

from __future__ import annotations

import pytest

from geokg.actors import Gazetteer
from geokg.extract.drafts import _cooperation_at_home
from geokg.extract.resolution import Resolved, Via
from geokg.ontology import load_ontology


def _side(gazetteer: Gazetteer, actor_id: str, via: Via, token: int) -> Resolved:
    record = gazetteer.get(actor_id)
    assert record is not None
    return Resolved(record.to_actor(on=None), 1.0, via, token)


@pytest.mark.parametrize("relation", ["visits", "meetsWith", "praises"])
def test_verbal_cooperation_with_a_home_place_is_no_fact(gazetteer, relation):
    officials = _side(gazetteer, "JPN", Via.AGENT_NOUN, 1)
    tokyo = _side(gazetteer, "JPN", Via.LOCATION, 6)
    assert _cooperation_at_home(officials, tokyo, relation, load_ontology())


@pytest.mark.parametrize(
    "relation",
    [
        "easesRestrictionsOn",  # "lifted a state of emergency in West Darfur" (08)
        "imposesBlockadeOn",  # "troops have surrounded Donetsk" (17)
        "demonstratesAgainst",  # "protesters marched on Bangkok" (14)
    ],
)
def test_material_acts_on_a_home_place_stay(gazetteer, relation):
    actors = _side(gazetteer, "SDN", Via.AGENT_NOUN, 1)
    region = _side(gazetteer, "SDN", Via.LOCATION, 6)
    assert not _cooperation_at_home(actors, region, relation, load_ontology())


def test_a_visit_to_a_place_of_another_state_stays(gazetteer):
    officials = _side(gazetteer, "JPN", Via.AGENT_NOUN, 1)
    beijing = _side(gazetteer, "CHN", Via.LOCATION, 6)
    assert not _cooperation_at_home(officials, beijing, "visits", load_ontology())


def test_two_bodies_of_one_state_are_not_a_place(gazetteer):
    government = _side(gazetteer, "SSD", Via.AGENT_NOUN, 1)
    rebels = _side(gazetteer, "SSD", Via.HOME_INSTITUTION, 6)
    assert not _cooperation_at_home(government, rebels, "meetsWith", load_ontology())

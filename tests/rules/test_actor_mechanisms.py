"""General actor mechanisms of issue 10 (fast: hand-built Docs, the real gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest

from geokg.actors import Gazetteer
from geokg.actors.records import ActorRecord, Role
from geokg.extract.lexicon import load_lexicon
from geokg.extract.resolution import Via
from geokg.extract.resolve import Resolver
from geokg.model import ActorType

ACCUSED = """
Stoltenberg Stoltenberg PROPN NNP nsubj 1
accused accuse VERB VBD ROOT 1
Moscow Moscow PROPN NNP dobj 1
. . PUNCT . punct 1
"""


def _resolver(doc, gazetteer: Gazetteer, published: date | None) -> Resolver:
    return Resolver(doc, gazetteer, load_lexicon(), published=published)


def test_an_office_is_the_latest_held_that_day_else_the_last_before():
    person = ActorRecord(
        "p",
        "P",
        ActorType.PERSON,
        roles=(
            Role("p", "foreign minister", state="KOR", end=date(2006, 11, 10)),
            Role("p", "secretary-general", organization="un", start=date(2007, 1, 1)),
        ),
        nationality="KOR",
    )
    office = person.office_on(date(2010, 1, 1))
    assert office is not None and office.organization == "un"
    before = person.office_on(date(2005, 1, 1))
    assert before is not None and before.state == "KOR"
    assert person.country_on(date(2005, 1, 1)) == "KOR"
    assert person.country_on(date(2010, 1, 1)) is None
    assert ActorRecord("q", "Q", ActorType.PERSON, nationality="FRA").office_on(None) is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2015, 3, 1), "nato"),  # NATO's Secretary-General acts for NATO
        (date(2012, 3, 1), "jens-stoltenberg"),  # Norway's prime minister then: the person
    ],
)
def test_a_person_in_an_organisations_office_acts_for_it(parse, gazetteer, published, expected):
    doc = parse(ACCUSED, {"Stoltenberg": ("jens-stoltenberg", "person"), "Moscow": "RUS"})
    resolver = _resolver(doc, gazetteer, published)
    (found,) = resolver.actors(doc[0])
    assert found.actor.id == expected
    if expected == "nato":
        assert found.via == Via.OFFICE
    else:
        assert (found.via, found.actor.country) == (Via.PERSON, "NOR")

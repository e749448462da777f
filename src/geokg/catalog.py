"""What geokg knows, listed and searched: the gazetteer's actors and the ontology's relations
(``geokg actors`` and ``geokg relations``), as rows and JSON records.

>>> from geokg.actors import load_gazetteer
>>> from geokg.ontology import load_ontology
>>> [actor_row(r)[:4] for r in find_actors(load_gazetteer(), "Iarn", limit=1)]
[['IRN', 'Iran', 'State', 'IRN']]
>>> [r.id for r in find_relations(load_ontology(), "072")]
['suppliesMilitaryAidTo']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from geokg.factsio import relation_json
from geokg.model import ActorType, Relation

if TYPE_CHECKING:
    from geokg.actors import ActorRecord, Gazetteer
    from geokg.ontology import Ontology

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "actor_country",
    "actor_record_json",
    "actor_row",
    "find_actors",
    "find_relations",
    "relation_record_json",
    "relation_row",
]

ACTOR_COLUMNS = ("id", "label", "type", "country", "aliases")
RELATION_COLUMNS = ("relation", "label", "cameo", "plover", "quad_class")
#: Aliases shown in an actor's row (JSON records carry them all).
_ALIASES_SHOWN = 4


def find_actors(
    gazetteer: Gazetteer,
    search: str | None = None,
    *,
    types: Iterable[ActorType] = (),
    limit: int = 25,
) -> list[ActorRecord]:
    """Actors matching ``search`` (typo tolerant, best first), or every actor in the
    gazetteer's order; ``types`` keeps only actors of those types."""
    wanted = set(types)
    if search:
        # Ask for more than needed so that a type filter still fills the page.
        found = gazetteer.search(search, limit=limit * 5 if wanted else limit)
    else:
        found = list(gazetteer)
    return [r for r in found if not wanted or r.type in wanted][:limit]


def actor_country(record: ActorRecord) -> str | None:
    """The state an actor is or acts for today (a group: the state it is based in)."""
    return record.country_on() or record.base


def actor_row(record: ActorRecord) -> list[Any]:
    return [
        record.id,
        record.label,
        record.type.value,
        actor_country(record),
        ", ".join(record.aliases[:_ALIASES_SHOWN]),
    ]


def actor_record_json(record: ActorRecord) -> dict[str, Any]:
    """The whole gazetteer record (dates as ISO strings)."""
    plain: dict[str, Any] = json.loads(json.dumps(asdict(record), default=str))
    return plain


def find_relations(ontology: Ontology, search: str | None = None) -> list[Relation]:
    """The ontology's relations in code order; ``search`` keeps those whose CAMEO code
    starts with it (digits) or whose name, label, PLOVER type or alternative label contains
    it (case-insensitive)."""
    return [
        r
        for r in ontology.relations.values()
        if not search or _relation_matches(r, search, ontology.alt_labels(r.id))
    ]


def _relation_matches(relation: Relation, search: str, alt_labels: Iterable[str]) -> bool:
    needle = search.strip().casefold()
    if needle.isdigit():
        return relation.cameo.startswith(needle)
    names = (relation.id, relation.label, relation.plover or "", *alt_labels)
    return any(needle in name.casefold() for name in names)


def relation_row(relation: Relation) -> list[Any]:
    return [
        relation.id,
        relation.label,
        relation.cameo,
        relation.plover,
        relation.quad_class.label,
    ]


def relation_record_json(relation: Relation) -> dict[str, Any]:
    return {**relation_json(relation), "name": relation.id, "definition": relation.definition}

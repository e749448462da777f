"""The gazetteer as RDF: actor descriptions and standing relations (dated memberships of
organisations, dated roles of people), so SPARQL can join facts with who belongs to what.

>>> from geokg.actors import load_gazetteer
>>> text = gazetteer_ntriples(load_gazetteer())
>>> finland, member_of, nato = (ACTOR_NS + "FIN", ONTOLOGY_NS + "memberOf", ACTOR_NS + "nato")
>>> f"<{finland}> <{member_of}> <{nato}> ." in text
True
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from geokg.actors.gazetteer import Gazetteer
from geokg.actors.records import ActorRecord, Membership, Role
from geokg.model import ACTOR_NS, BASE_IRI, ONTOLOGY_NS
from geokg.namespace import GEOKG

MEMBERSHIP_NS = BASE_IRI + "membership/"
ROLE_NS = BASE_IRI + "role/"

Triple = tuple[Node, Node, Node]


def _actor(actor_id: str) -> URIRef:
    return URIRef(ACTOR_NS + actor_id)


def _date(value: date) -> Literal:
    return Literal(value, datatype=XSD.date)


def actor_description(record: ActorRecord) -> Iterator[Triple]:
    node = _actor(record.id)
    yield node, RDF.type, URIRef(ONTOLOGY_NS + record.type.value)
    yield node, RDFS.label, Literal(record.label)
    if record.iso2:
        yield node, GEOKG.isoAlpha2, Literal(record.iso2)
    if record.iso3:
        yield node, GEOKG.isoAlpha3, Literal(record.iso3)
    if record.capital:
        yield node, GEOKG.capital, Literal(record.capital)
    if record.lat is not None and record.lon is not None:
        yield node, GEOKG.latitude, Literal(record.lat, datatype=XSD.decimal)
        yield node, GEOKG.longitude, Literal(record.lon, datatype=XSD.decimal)
    for alias in record.aliases:
        yield node, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal(alias)


def membership_triples(membership: Membership) -> Iterator[Triple]:
    since = membership.since.isoformat() if membership.since else "unknown"
    node = URIRef(f"{MEMBERSHIP_NS}{membership.organization}/{membership.state}/{since}")
    yield node, RDF.type, GEOKG.Membership
    yield node, GEOKG.member, _actor(membership.state)
    yield node, GEOKG.organization, _actor(membership.organization)
    if membership.since:
        yield node, GEOKG.startDate, _date(membership.since)
    if membership.until:
        yield node, GEOKG.endDate, _date(membership.until)
    else:
        yield _actor(membership.state), GEOKG.memberOf, _actor(membership.organization)


def role_triples(role: Role) -> Iterator[Triple]:
    start = role.start.isoformat() if role.start else "unknown"
    holder = role.state or role.organization or "none"
    slug = role.role.replace(" ", "-")
    node = URIRef(f"{ROLE_NS}{role.person}/{holder}/{slug}/{start}")
    yield _actor(role.person), GEOKG.holdsRole, node
    yield node, RDF.type, GEOKG.Role
    yield node, GEOKG.roleTitle, Literal(role.role)
    if role.state:
        yield node, GEOKG.forState, _actor(role.state)
        if role.end is None:
            yield _actor(role.person), GEOKG.actsFor, _actor(role.state)
    if role.organization:
        yield node, GEOKG.forOrganization, _actor(role.organization)
    if role.start:
        yield node, GEOKG.startDate, _date(role.start)
    if role.end:
        yield node, GEOKG.endDate, _date(role.end)


def gazetteer_triples(gazetteer: Gazetteer) -> Iterator[Triple]:
    for record in gazetteer:
        yield from actor_description(record)
        for membership in record.members:
            yield from membership_triples(membership)
        for role in record.roles:
            yield from role_triples(role)


def gazetteer_ntriples(gazetteer: Gazetteer) -> str:
    """The whole gazetteer as N-Triples text (for a native bulk load)."""
    lines = dict.fromkeys(
        f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in gazetteer_triples(gazetteer)
    )
    return "\n".join(lines) + "\n"

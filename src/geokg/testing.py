"""Builders of geokg records for tests and benchmarks, importable from both (``tests/`` and
``benchmarks/`` are not packages, so what they share lives here).

>>> from geokg.model import Actor, ActorType, QuadClass, Relation
>>> aid = Relation("suppliesMilitaryAidTo", "supplies military aid to", "072", "AID",
...                QuadClass.MATERIAL_COOPERATION, 8.3)
>>> iran = Actor("IRN", "Iran", ActorType.STATE, "IRN")
>>> russia = Actor("RUS", "Russia", ActorType.STATE, "RUS")
>>> statement = make_statement(iran, aid, russia, sources=2, number=7)
>>> statement.iri, [m.document.id for m in statement.mentions]
('https://w3id.org/geokg/statement/7', ['doc7-0', 'doc7-1'])
>>> make_statement(iran, aid, russia) == make_statement(iran, aid, russia)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from geokg.model import (
    STATEMENT_NS,
    Actor,
    Document,
    Evidence,
    Fact,
    Mention,
    Relation,
    Statement,
)

__all__ = ["affirmed_triples", "fact_keys", "make_statement"]


def make_statement(
    subject: Actor,
    relation: Relation,
    obj: Actor,
    *,
    number: int | None = None,
    negated: bool = False,
    asserted_by: Actor | None = None,
    sources: int = 1,
    first: date | None = date(2023, 1, 10),
    last: date | None = None,
    sentence: str | None = None,
    title: str | None = "A report",
    url: str | None = "https://news.example/report",
    confidence: float = 0.9,
) -> Statement:
    """A stored statement as the store returns it, with one mention (and one document) per
    source. ``number`` ends its IRI and starts its document ids; by default it is derived
    from the other arguments, so equal calls give equal statements and different ones
    different IRIs (without a counter shared between callers)."""
    text = sentence or f"{subject.label} {relation.label} {obj.label}."
    if number is None:
        number = _number_of(
            subject.id, relation.id, obj.id, negated, asserted_by and asserted_by.id,
            sources, first, last, text, title, url, confidence,
        )  # fmt: skip
    mentions = tuple(
        Mention(
            Document(f"doc{number}-{i}", title=title, url=url, published=first),
            Evidence(text, 0, len(text)),
            confidence,
        )
        for i in range(sources)
    )
    return Statement(
        f"{STATEMENT_NS}{number}",
        subject,
        relation,
        obj,
        negated,
        asserted_by,
        confidence,
        sources,
        first,
        last or first,
        mentions,
    )


def _number_of(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(map(repr, parts)).encode("utf-8")).hexdigest()
    return int(digest[:12], 16)


def _key(actor: Actor) -> str:
    return actor.country or actor.id


def fact_keys(facts: Iterable[Fact]) -> set[tuple[str, str, str, bool]]:
    """Facts as the scorers compare them: (subject, CAMEO root, object, negated), actors keyed
    by the state they act for, else their id.

    >>> from geokg.model import ActorType, QuadClass
    >>> iran = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
    >>> hamas = Actor("hamas", "Hamas", ActorType.ARMED_GROUP)
    >>> supply = Relation("suppliesMilitaryAidTo", "supplies military aid to", "0712",
    ...                   "AID", QuadClass.MATERIAL_COOPERATION, 7.4)
    >>> fact_keys([Fact(Document("d1"), iran, supply, hamas)])
    {('IRN', '07', 'hamas', False)}
    """
    return {(_key(f.subject), f.relation.cameo[:2], _key(f.object), f.negated) for f in facts}


def affirmed_triples(facts: Iterable[Fact]) -> set[tuple[str, str, str]]:
    """(subject, CAMEO root, object) of the facts that are not negated (see ``fact_keys``)."""
    return {(s, root, o) for s, root, o, negated in fact_keys(facts) if not negated}

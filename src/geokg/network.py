"""Statements as a networkx graph: construction, filters, rankings, paths and export.

The graph is a :class:`networkx.MultiDiGraph` with one node per actor id and one edge per
stored statement, keyed by the statement IRI, so nothing the store said is merged away here
(the HTML renderer merges attributions for display).

>>> from datetime import date
>>> from geokg.model import Actor, ActorType, QuadClass, Relation, Statement
>>> aid = Relation("suppliesMilitaryAidTo", "supplies military aid to", "0712", "AID",
...                QuadClass.MATERIAL_COOPERATION, 8.3)
>>> irn = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
>>> rus = Actor("RUS", "Russia", ActorType.STATE, country="RUS")
>>> s = Statement("https://w3id.org/geokg/statement/1", irn, aid, rus, False, None, 0.9, 3,
...               date(2022, 10, 1), date(2022, 11, 2))
>>> graph = to_networkx([s])
>>> rank(graph, by="out-degree", relation="suppliesMilitaryAidTo")
[('IRN', 'Iran', 3.0)]
"""

from __future__ import annotations

import itertools
import json
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, Protocol
from urllib.parse import quote

import networkx as nx
import numpy as np

from geokg.errors import GeokgError, InputError, UnknownActorError
from geokg.model import Actor, ActorType, QuadClass, Statement

__all__ = [
    "RANK_METHODS",
    "ActorProfiles",
    "EmptySelectionError",
    "NoPathError",
    "PathStep",
    "RankMethod",
    "dyad_id",
    "filter_statements",
    "matches_relation",
    "rank",
    "roll_up_to_states",
    "select_statements",
    "shortest_path",
    "to_networkx",
    "write_graph",
]

RankMethod = Literal["degree", "in-degree", "out-degree", "pagerank", "betweenness"]
#: The centralities :func:`rank` knows, spelled as the ``geokg rank --by`` option spells them.
RANK_METHODS: tuple[RankMethod, ...] = typing.get_args(RankMethod)
# The spellings of geokg 0.1 (``by="in_degree"``), still accepted with a DeprecationWarning.
_OLD_RANK_SPELLINGS = {"in_degree": "in-degree", "out_degree": "out-degree"}
GraphFormat = Literal["graphml", "gexf"]
PathStep = tuple[str, str, str, dict[str, Any]]

# Betweenness is O(nodes x edges); above this size it is estimated from a fixed sample of
# source nodes (seeded, so rankings are reproducible).
_EXACT_BETWEENNESS_LIMIT = 1000
_BETWEENNESS_SAMPLE = 300
_MAX_EVIDENCE_PER_EDGE = 10


class NoPathError(GeokgError):
    """Two actors are not connected in the graph."""


class ActorProfiles(Protocol):
    """What the graph needs from :class:`geokg.actors.Gazetteer`: a lookup by actor id.

    Records are read with ``getattr`` (``iso2``, ``iso3``, ``lat``, ``lon``, ``members``,
    ``base``, ``type``, ``label``) so any record carrying some of those fields works.
    """

    def get(self, actor_id: str, /) -> Any: ...


# ---------------------------------------------------------------------------------------
# Filters


def matches_relation(relation_id: str, cameo: str, wanted: Iterable[str]) -> bool:
    """Whether a relation belongs to one of the *wanted* families.

    A family is a relation local name (``imposesSanctionsOn``), a relation IRI, or a CAMEO
    code prefix (``"07"`` is the root "provide aid", ``"071"`` a narrower family).

    >>> matches_relation("suppliesMilitaryAidTo", "0712", ["07"])
    True
    >>> matches_relation("suppliesMilitaryAidTo", "0712", ["imposesSanctionsOn", "17"])
    False
    """
    for family in wanted:
        if family == relation_id or family.endswith(("#" + relation_id, "/" + relation_id)):
            return True
        if family.isdigit() and cameo.startswith(family):
            return True
    return False


def _quad_value(quad: QuadClass | int | str) -> int:
    if isinstance(quad, str) and not quad.isdigit():
        name = quad.strip().upper().replace(" ", "_").replace("-", "_")
        try:
            return int(QuadClass[name])
        except KeyError:
            raise InputError(
                f"unknown quad class {quad!r}; use 1-4 or a name such as 'material conflict'"
            ) from None
    value = int(quad)
    if value not in {int(q) for q in QuadClass}:
        raise InputError(f"unknown quad class {quad!r}; use 1, 2, 3 or 4")
    return value


def filter_statements(
    statements: Iterable[Statement],
    *,
    actor: str | None = None,
    depth: int = 1,
    relations: Iterable[str] = (),
    quad_classes: Iterable[QuadClass | int | str] = (),
    since: date | None = None,
    until: date | None = None,
    min_sources: int = 1,
    include_negated: bool = False,
    by_state: bool = False,
    gazetteer: ActorProfiles | None = None,
) -> list[Statement]:
    """Keep the statements that pass every given filter.

    ``actor`` keeps the ego network of that actor id: statements whose both ends are within
    ``depth`` hops of it (hops follow the statements that pass the other filters, in either
    direction). ``relations`` are families as in :func:`matches_relation`. The date window
    keeps the statements a source published in it reports
    (:meth:`~geokg.model.Statement.reported_between`, the window of every command). Negated
    statements (denials) are dropped unless ``include_negated``. ``by_state`` rolls people
    and institutions up to their states first (:func:`roll_up_to_states`, with state names
    from ``gazetteer``); ``min_sources`` and ``actor`` then apply to the merged dyads.
    """
    return _select(
        statements,
        actor=actor,
        depth=depth,
        relations=relations,
        quad_classes=quad_classes,
        since=since,
        until=until,
        min_sources=min_sources,
        include_negated=include_negated,
        by_state=by_state,
        gazetteer=gazetteer,
    ).kept


class EmptySelectionError(GeokgError):
    """No statement passes the filters; the message says which filter emptied the selection."""


def select_statements(
    statements: Iterable[Statement],
    *,
    actor: str | None = None,
    actor_name: str | None = None,
    depth: int = 1,
    relations: Iterable[str] = (),
    quad_classes: Iterable[QuadClass | int | str] = (),
    since: date | None = None,
    until: date | None = None,
    min_sources: int = 1,
    include_negated: bool = False,
    by_state: bool = False,
    gazetteer: ActorProfiles | None = None,
) -> list[Statement]:
    """:func:`filter_statements` for commands: an empty result is an error that says why.

    Raises :class:`EmptySelectionError` when there is nothing to show: no statement at all,
    none involving ``actor`` (shown as ``actor_name``), or none left after a filter, named
    in the message as its command-line option (``--since 2030-01-01``).
    """
    selection = _select(
        statements,
        actor=actor,
        depth=depth,
        relations=relations,
        quad_classes=quad_classes,
        since=since,
        until=until,
        min_sources=min_sources,
        include_negated=include_negated,
        by_state=by_state,
        gazetteer=gazetteer,
    )
    if selection.kept:
        return selection.kept
    if selection.total == 0:
        raise EmptySelectionError("the store holds no statements yet: ingest some facts first")
    if selection.emptied_by is None:  # the actor has no fact at all
        name = actor_name or actor
        raise EmptySelectionError(f"no stored fact involves {name!r}")
    about = f" about {actor_name or actor!r}" if actor else ""
    raise EmptySelectionError(
        f"no statement{about} is left after {selection.emptied_by} "
        f"({selection.before_emptied} passed the filters before it)"
    )


@dataclass(frozen=True, slots=True)
class _Selection:
    kept: list[Statement]
    total: int
    emptied_by: str | None = None
    before_emptied: int = 0


def _window_text(since: date | None, until: date | None) -> str:
    parts = [f"--since {since.isoformat()}" if since else "", f"--until {until}" if until else ""]
    return " ".join(p for p in parts if p)


def _select(
    statements: Iterable[Statement],
    *,
    actor: str | None,
    depth: int,
    relations: Iterable[str],
    quad_classes: Iterable[QuadClass | int | str],
    since: date | None,
    until: date | None,
    min_sources: int,
    include_negated: bool,
    by_state: bool,
    gazetteer: ActorProfiles | None,
) -> _Selection:
    """The filters one at a time, in a fixed order, noting the first that empties the
    selection: polarity, relations, quad classes and dates on the stored statements; then
    the roll-up to states; then sources and the actor's neighbourhood on what is shown."""
    if depth < 0:
        raise InputError(f"depth must be 0 or more, got {depth}")
    wanted_relations = tuple(relations)
    wanted_quads = {_quad_value(q) for q in quad_classes}
    current = list(statements)
    total = len(current)
    rolled = False
    if actor is not None and by_state:
        actor = _state_of_actor(current, actor)

    def relevant(xs: list[Statement]) -> list[Statement]:
        """The statements that involve the actor (as shown so far), or all of them."""
        if actor is None:
            return xs
        shown = (lambda a: a.id) if rolled or not by_state else dyad_id
        return [s for s in xs if actor in (shown(s.subject), shown(s.object))]

    def roll_up(xs: list[Statement]) -> list[Statement]:
        nonlocal rolled
        rolled = True
        return roll_up_to_states(xs, gazetteer=gazetteer) if by_state else xs

    if not relevant(current):
        return _Selection([], total)
    steps: list[tuple[str, Callable[[list[Statement]], list[Statement]]]] = [
        (
            "leaving out denials (add --include-negated)",
            lambda xs: [s for s in xs if include_negated or not s.negated],
        ),
        (
            "--relation " + " ".join(wanted_relations),
            lambda xs: [
                s
                for s in xs
                if not wanted_relations
                or matches_relation(s.relation.id, s.relation.cameo, wanted_relations)
            ],
        ),
        (
            "--quad-class " + " ".join(str(q) for q in sorted(wanted_quads)),
            lambda xs: [
                s for s in xs if not wanted_quads or int(s.relation.quad_class) in wanted_quads
            ],
        ),
        (
            _window_text(since, until),
            lambda xs: [s for s in xs if s.reported_between(since, until)],
        ),
        ("--by-state (facts within one state are not dyads)", roll_up),
        (f"--min-sources {min_sources}", lambda xs: [s for s in xs if s.sources >= min_sources]),
        (
            f"--depth {depth}",
            lambda xs: _ego_network(xs, actor, depth) if actor is not None else xs,
        ),
    ]
    for name, step in steps:
        before = len(relevant(current))
        current = step(current)
        if not relevant(current):
            return _Selection([], total, name, before)
    return _Selection(current, total)


def _ego_network(statements: list[Statement], actor: str, depth: int) -> list[Statement]:
    reached = _ego_actors(statements, actor, depth)
    return [s for s in statements if s.subject.id in reached and s.object.id in reached]


# ---------------------------------------------------------------------------------------
# Dyads: people and institutions rolled up to the states they act for

#: Actors that stand for the state they act for in the dyad view (organisations, armed and
#: political groups and collectives stay as themselves).
ROLLED_UP_TYPES = frozenset({ActorType.PERSON, ActorType.INSTITUTION})


def _state_actor(actor: Actor, names: Mapping[str, str]) -> Actor:
    code = dyad_id(actor)
    if code == actor.id:
        return actor
    return Actor(code, names.get(code, code), ActorType.STATE, country=code)


def _state_names(
    statements: Sequence[Statement], gazetteer: ActorProfiles | None
) -> dict[str, str]:
    names: dict[str, str] = {}
    for s in statements:
        for actor in (s.subject, s.object):
            if actor.type is ActorType.STATE:
                names.setdefault(actor.id, actor.label)
            elif actor.country and actor.country not in names and gazetteer is not None:
                record = gazetteer.get(actor.country)
                if record is not None and getattr(record, "label", None):
                    names[actor.country] = str(record.label)
    return names


def dyad_id(actor: Actor) -> str:
    """The id an actor has in the dyad view: its state when it is rolled up."""
    return actor.country if actor.type in ROLLED_UP_TYPES and actor.country else actor.id


def _state_of_actor(statements: Sequence[Statement], actor: str) -> str:
    for s in statements:
        for end in (s.subject, s.object):
            if end.id == actor:
                return dyad_id(end)
    return actor


def roll_up_to_states(
    statements: Iterable[Statement], *, gazetteer: ActorProfiles | None = None
) -> list[Statement]:
    """State-to-state dyads: people and institutions replaced by the state they act for on
    the statement's date (their ``country``, stored as ``geokg:subjectActsFor`` and
    ``geokg:objectActsFor``), then statements merged per (subject, relation, object,
    polarity) with their sources summed, their mentions joined, their first and last seen
    dates widened and the highest confidence kept; attribution is dropped. Organisations,
    groups, and people acting for no state stay as themselves. Statements whose two ends
    become the same state (a minister criticising his own government) are not dyads and are
    left out. State names come from the statements' own state actors, else ``gazetteer``.

    >>> from geokg.testing import make_statement
    >>> from geokg.model import QuadClass, Relation
    >>> meet = Relation("meetsWith", "meets with", "043", None,
    ...                 QuadClass.VERBAL_COOPERATION, 2.8, symmetric=True)
    >>> putin = Actor("vladimir-putin", "Vladimir Putin", ActorType.PERSON, "RUS")
    >>> raisi = Actor("ebrahim-raisi", "Ebrahim Raisi", ActorType.PERSON, "IRN")
    >>> iran = Actor("IRN", "Iran", ActorType.STATE, "IRN")
    >>> dyads = roll_up_to_states([make_statement(putin, meet, raisi, sources=2),
    ...                            make_statement(iran, meet, putin)])
    >>> [(d.subject.id, d.relation.id, d.object.id, d.sources) for d in dyads]
    [('IRN', 'meetsWith', 'RUS', 3)]
    """
    originals = list(statements)
    names = _state_names(originals, gazetteer)
    groups: dict[tuple[str, str, str, bool], list[tuple[Actor, Actor, Statement]]] = {}
    for s in originals:
        subject, obj = _state_actor(s.subject, names), _state_actor(s.object, names)
        if subject.id == obj.id:
            continue
        if s.relation.symmetric and obj.id < subject.id:
            subject, obj = obj, subject
        key = (subject.id, s.relation.id, obj.id, s.negated)
        groups.setdefault(key, []).append((subject, obj, s))
    dyads = []
    for (subject_id, relation_id, object_id, negated), members in groups.items():
        subject, obj, first = members[0]
        parts = [m[2] for m in members]
        firsts = [d for p in parts if (d := p.first_seen or p.last_seen) is not None]
        lasts = [d for p in parts if (d := p.last_seen or p.first_seen) is not None]
        polarity = "denied" if negated else "affirmed"
        dyads.append(
            Statement(
                iri=f"urn:geokg:dyad:{quote(subject_id)}:{relation_id}:{quote(object_id)}:{polarity}",
                subject=subject,
                relation=first.relation,
                object=obj,
                negated=negated,
                asserted_by=None,
                confidence=max(p.confidence for p in parts),
                sources=sum(p.sources for p in parts),
                first_seen=min(firsts, default=None),
                last_seen=max(lasts, default=None),
                mentions=tuple(m for p in parts for m in p.mentions),
            )
        )
    return dyads


def _ego_actors(statements: Sequence[Statement], actor: str, depth: int) -> set[str]:
    neighbours: dict[str, set[str]] = {}
    for s in statements:
        neighbours.setdefault(s.subject.id, set()).add(s.object.id)
        neighbours.setdefault(s.object.id, set()).add(s.subject.id)
    reached = {actor}
    frontier = {actor}
    for _ in range(depth):
        frontier = {n for a in frontier for n in neighbours.get(a, ())} - reached
        if not frontier:
            break
        reached |= frontier
    return reached


# ---------------------------------------------------------------------------------------
# Construction


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _node_attributes(actor: Actor, gazetteer: ActorProfiles | None) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "label": actor.label,
        "type": str(actor.type),
        "iri": actor.iri,
        "country": actor.country,
    }
    record = gazetteer.get(actor.id) if gazetteer is not None else None
    if record is not None:
        for name in ("iso2", "iso3", "lat", "lon", "base"):
            value = getattr(record, name, None)
            if value is not None:
                attributes[name] = value
        members = getattr(record, "members", None)
        if members:
            # Gazetteer memberships carry the member state; plain ids are accepted too.
            attributes["members"] = sorted({str(getattr(m, "state", m)) for m in members})
    return {k: v for k, v in attributes.items() if v is not None}


def _evidence(statement: Statement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for mention in statement.mentions[:_MAX_EVIDENCE_PER_EDGE]:
        document = mention.document
        item = {
            "sentence": mention.evidence.sentence if mention.evidence else None,
            "document": document.id,
            "title": document.title,
            "url": document.url,
            "published": _iso(document.published),
        }
        found.append({k: v for k, v in item.items() if v is not None})
    return found


def _edge_attributes(statement: Statement) -> dict[str, Any]:
    relation = statement.relation
    attributes: dict[str, Any] = {
        "relation": relation.id,
        "relation_label": relation.label,
        "cameo": relation.cameo,
        "plover": relation.plover,
        "quad_class": int(relation.quad_class),
        "goldstein": relation.goldstein,
        "symmetric": relation.symmetric,
        "negated": statement.negated,
        "asserted_by": statement.asserted_by.id if statement.asserted_by else None,
        "asserted_by_label": statement.asserted_by.label if statement.asserted_by else None,
        "confidence": statement.confidence,
        "sources": statement.sources,
        "first_seen": _iso(statement.first_seen),
        "last_seen": _iso(statement.last_seen),
        # Every distinct publication date of its sources: the page's date filter keeps an
        # edge as Statement.reported_between keeps a statement.
        "dates": sorted({d.isoformat() for m in statement.mentions if (d := m.document.published)}),
        "evidence": _evidence(statement),
    }
    return {k: v for k, v in attributes.items() if v is not None}


def to_networkx(
    statements: Iterable[Statement], *, gazetteer: ActorProfiles | None = None
) -> nx.MultiDiGraph:
    """Build a graph with one node per actor and one edge per statement (keyed by its IRI).

    Node attributes: ``label``, ``type`` (ActorType value), ``iri``, ``country`` and, from
    the gazetteer when given, ``iso2``, ``iso3``, ``lat``, ``lon``, ``base``, ``members``.
    Edge attributes: see :func:`_edge_attributes` (dates as ISO strings, ``evidence`` a
    list of dicts with ``sentence``, ``document``, ``title``, ``url``, ``published``).
    Asserting actors are not added as nodes (they are attributes of the statement).
    """
    graph = nx.MultiDiGraph()
    for statement in statements:
        for actor in (statement.subject, statement.object):
            if actor.id not in graph:
                graph.add_node(actor.id, **_node_attributes(actor, gazetteer))
        graph.add_edge(
            statement.subject.id,
            statement.object.id,
            key=statement.iri,
            **_edge_attributes(statement),
        )
    return graph


# ---------------------------------------------------------------------------------------
# Analysis


def _edges_for(
    graph: nx.MultiDiGraph, relation: str | None
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Affirmed edges (denials do not count) of the relation family, if any."""
    for u, v, data in graph.edges(data=True):
        if data.get("negated"):
            continue
        if relation is not None and not matches_relation(
            str(data.get("relation", "")), str(data.get("cameo", "")), [relation]
        ):
            continue
        yield u, v, data


def _weighted_simple_graph(graph: nx.MultiDiGraph, relation: str | None) -> nx.DiGraph:
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes)
    for u, v, data in _edges_for(graph, relation):
        weight = float(data.get("sources", 1))
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def pagerank_scores(graph: nx.DiGraph, *, damping: float = 0.85) -> dict[str, float]:
    """Weighted PageRank by power iteration in numpy (networkx's own needs scipy)."""
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    size = len(nodes)
    edges = [
        (index[u], index[v], float(d.get("weight", 1.0))) for u, v, d in graph.edges(data=True)
    ]
    sources = np.array([e[0] for e in edges], dtype=np.int64)
    targets = np.array([e[1] for e in edges], dtype=np.int64)
    weights = np.array([e[2] for e in edges], dtype=float)
    out_weight = np.bincount(sources, weights=weights, minlength=size)
    dangling = out_weight == 0
    share = weights / np.where(out_weight[sources] > 0, out_weight[sources], 1.0)
    scores = np.full(size, 1.0 / size)
    for _ in range(200):
        flow = np.bincount(targets, weights=scores[sources] * share, minlength=size)
        updated = damping * (flow + scores[dangling].sum() / size) + (1 - damping) / size
        converged = np.abs(updated - scores).sum() < size * 1e-10
        scores = updated
        if converged:
            break
    return {n: float(scores[i]) for n, i in index.items()}


def _scores(graph: nx.MultiDiGraph, by: str, relation: str | None) -> dict[str, float]:
    if by in {"degree", "in-degree", "out-degree"}:
        scores = dict.fromkeys(graph.nodes, 0.0)
        for u, v, data in _edges_for(graph, relation):
            weight = float(data.get("sources", 1))
            if by != "in-degree":
                scores[u] += weight
            if by != "out-degree":
                scores[v] += weight
        return scores
    simple = _weighted_simple_graph(graph, relation)
    if by == "pagerank":
        return pagerank_scores(simple)
    if by == "betweenness":
        undirected = simple.to_undirected()
        undirected.remove_nodes_from([n for n, d in undirected.degree() if d == 0])
        sample = None
        if undirected.number_of_nodes() > _EXACT_BETWEENNESS_LIMIT:
            sample = _BETWEENNESS_SAMPLE
        result: dict[str, float] = nx.betweenness_centrality(undirected, k=sample, seed=0)
        return result
    raise InputError(f"unknown ranking {by!r}; use {', '.join(RANK_METHODS)}")


def rank(
    graph: nx.MultiDiGraph,
    *,
    by: RankMethod | str = "degree",
    relation: str | None = None,
    limit: int | None = None,
) -> list[tuple[str, str, float]]:
    """Actors ordered by a centrality, best first, as ``(actor_id, label, score)``.

    Degrees count sources (a statement reported by 5 documents weighs 5); denied
    (negated) statements never count. ``relation`` restricts to a relation family
    (local name or CAMEO prefix): ``rank(g, by="in-degree", relation="imposesSanctionsOn")``
    gives the most sanctioned actors. Actors scoring 0 are left out; ties are broken by id.
    ``by`` is one of :data:`RANK_METHODS`; the old ``"in_degree"`` and ``"out_degree"``
    still work, with a :class:`DeprecationWarning`.
    """
    if by in _OLD_RANK_SPELLINGS:
        new = _OLD_RANK_SPELLINGS[by]
        warnings.warn(
            f"rank(by={by!r}) is deprecated; use by={new!r}", DeprecationWarning, stacklevel=2
        )
        by = new
    scores = _scores(graph, by, relation)
    ranked = sorted(
        (
            (node, str(graph.nodes[node].get("label", node)), float(score))
            for node, score in scores.items()
            if score > 0
        ),
        key=lambda item: (-item[2], item[0]),
    )
    return ranked[:limit] if limit is not None else ranked


def _resolve_actor(graph: nx.MultiDiGraph, name: str) -> str:
    if name in graph:
        return name
    folded = name.casefold()
    for node, data in graph.nodes(data=True):
        if str(data.get("label", "")).casefold() == folded or str(node).casefold() == folded:
            return str(node)
    raise UnknownActorError(name)


def _best_edge(
    graph: nx.MultiDiGraph, a: str, b: str, allowed: Callable[[dict[str, Any]], bool]
) -> tuple[str, str, dict[str, Any]]:
    """The most supported statement between two adjacent actors, in either direction."""
    candidates: list[tuple[str, str, dict[str, Any]]] = []
    for u, v in ((a, b), (b, a)):
        for key, data in (graph.get_edge_data(u, v) or {}).items():
            if allowed(data):
                candidates.append((u, v, {"statement": key, **data}))
    return max(candidates, key=lambda c: (c[2].get("sources", 1), c[2].get("confidence", 0)))


def shortest_path(
    graph: nx.MultiDiGraph, a: str, b: str, *, include_negated: bool = False
) -> list[PathStep]:
    """How two actors are connected: the facts along a shortest path, ignoring direction.

    Each step is ``(subject, relation, object, attributes)`` in the direction of the fact
    (so a step may point backwards along the path); ``attributes`` are the edge attributes
    plus ``statement`` (the IRI). Between two adjacent actors the statement with the most
    sources is shown. Actors are given by id or (case-insensitive) label.

    Raises :class:`UnknownActorError` for an actor not in the graph and
    :class:`NoPathError` when they are not connected.
    """
    source, target = _resolve_actor(graph, a), _resolve_actor(graph, b)

    def allowed(data: dict[str, Any]) -> bool:
        return include_negated or not data.get("negated", False)

    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    undirected.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if allowed(d))
    try:
        nodes: list[str] = nx.shortest_path(undirected, source, target)
    except nx.NetworkXNoPath:
        raise NoPathError(
            f"no chain of statements connects {a!r} and {b!r} in the selected graph"
        ) from None
    steps: list[PathStep] = []
    for here, there in itertools.pairwise(nodes):
        u, v, data = _best_edge(graph, here, there, allowed)
        steps.append((u, str(data.get("relation", "")), v, data))
    return steps


# ---------------------------------------------------------------------------------------
# Export


def _scalar(value: Any) -> str | int | float | bool:
    """networkx's GraphML and GEXF writers only take scalars: lists and dicts become JSON."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _scalar_attributes(data: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: _scalar(v) for k, v in data.items() if v is not None}


def exportable_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of *graph* whose attributes are all scalars (lists/dicts as JSON strings)."""
    copy = nx.MultiDiGraph()
    copy.graph.update(_scalar_attributes(graph.graph))
    copy.add_nodes_from((n, _scalar_attributes(d)) for n, d in graph.nodes(data=True))
    copy.add_edges_from(
        (u, v, k, _scalar_attributes(d)) for u, v, k, d in graph.edges(keys=True, data=True)
    )
    return copy


def write_graph(
    graph: nx.MultiDiGraph,
    path_or_file: str | Path | IO[bytes],
    *,
    format: GraphFormat | str = "graphml",
) -> None:
    """Write the graph as GraphML or GEXF; list and dict attributes are JSON strings."""
    exportable = exportable_graph(graph)
    if format == "graphml":
        nx.write_graphml(exportable, path_or_file)
    elif format == "gexf":
        nx.write_gexf(exportable, path_or_file)
    else:
        raise InputError(f"unknown graph format {format!r}; use graphml or gexf")

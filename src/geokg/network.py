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
>>> rank(graph, by="out_degree", relation="suppliesMilitaryAidTo")
[('IRN', 'Iran', 3.0)]
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, Protocol

import networkx as nx
import numpy as np

from geokg.errors import GeokgError, InputError, UnknownActorError
from geokg.model import Actor, QuadClass, Statement

__all__ = [
    "ActorProfiles",
    "NoPathError",
    "PathStep",
    "RankMethod",
    "filter_statements",
    "matches_relation",
    "rank",
    "shortest_path",
    "to_networkx",
    "write_graph",
]

RankMethod = Literal["degree", "pagerank", "betweenness", "in_degree", "out_degree"]
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


def _in_date_range(statement: Statement, since: date | None, until: date | None) -> bool:
    """A statement is in range when the period it was seen overlaps [since, until]."""
    if since is None and until is None:
        return True
    first = statement.first_seen or statement.last_seen
    last = statement.last_seen or statement.first_seen
    if first is None or last is None:
        return False
    if since is not None and last < since:
        return False
    return not (until is not None and first > until)


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
) -> list[Statement]:
    """Keep the statements that pass every given filter.

    ``actor`` keeps the ego network of that actor id: statements whose both ends are within
    ``depth`` hops of it (hops follow the statements that pass the other filters, in either
    direction). ``relations`` are families as in :func:`matches_relation`. The date range
    keeps statements whose first..last seen period overlaps it (undated statements are
    dropped when a range is given). Negated statements (denials) are dropped unless
    ``include_negated``.
    """
    if depth < 0:
        raise InputError(f"depth must be 0 or more, got {depth}")
    wanted_relations = tuple(relations)
    wanted_quads = {_quad_value(q) for q in quad_classes}
    kept = [
        s
        for s in statements
        if (include_negated or not s.negated)
        and s.sources >= min_sources
        and (
            not wanted_relations
            or matches_relation(s.relation.id, s.relation.cameo, wanted_relations)
        )
        and (not wanted_quads or int(s.relation.quad_class) in wanted_quads)
        and _in_date_range(s, since, until)
    ]
    if actor is None:
        return kept
    reached = _ego_actors(kept, actor, depth)
    return [s for s in kept if s.subject.id in reached and s.object.id in reached]


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
    if by in {"degree", "in_degree", "out_degree"}:
        scores = dict.fromkeys(graph.nodes, 0.0)
        for u, v, data in _edges_for(graph, relation):
            weight = float(data.get("sources", 1))
            if by != "in_degree":
                scores[u] += weight
            if by != "out_degree":
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
    raise InputError(
        f"unknown ranking {by!r}; use degree, in_degree, out_degree, pagerank or betweenness"
    )


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
    (local name or CAMEO prefix): ``rank(g, by="in_degree", relation="imposesSanctionsOn")``
    gives the most sanctioned actors. Actors scoring 0 are left out; ties are broken by id.
    """
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

"""Self-contained, offline, escaped, interactive HTML maps of a statement graph.

Nodes and edges are built with pyvis's :class:`~pyvis.network.Network`, but the page is our
own template, because pyvis's templates load Bootstrap and vis-network from CDNs, insert the
heading unescaped and show HTML titles through ``innerHTML``. Here:

* vis-network's JS and CSS are inlined from the installed pyvis package, with our own
  script and style (``render_assets/``): the page loads nothing from the network, and a
  Content-Security-Policy restricts scripts to exactly those inline blocks (by hash).
* All graph data is embedded as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and tooltips are built with
  ``createElement``/``textContent``; links are kept only for http(s) URLs.
* Positions are precomputed in Python (a numpy force layout with grid-approximated
  repulsion, about 2 s for 5,000 actors) so large graphs are drawn with physics off; small
  graphs keep a short physics stabilisation that is switched off once settled.
* ``layout="geo"`` draws a world map: the country outlines of Natural Earth 1:110m (public
  domain, ``data/geo/countries-110m.json``, inlined) in the Equal Earth projection
  (:func:`project`), drawn on vis-network's canvas under the graph in the same coordinates
  as the nodes, so pan and zoom keep them aligned. See :func:`geo_positions` for where each
  kind of actor goes.

>>> html = render_html(__import__("networkx").MultiDiGraph(), title="<empty>")
>>> "&lt;empty&gt;" in html and "<empty>" not in html
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import networkx as nx
import numpy as np
from pyvis.network import Network

from geokg.errors import InputError
from geokg.model import ActorType, CameoRoot, QuadClass
from geokg.network import ActorProfiles, pagerank_scores
from geokg.resources import data_file

__all__ = [
    "CAMEO_ROOTS",
    "compute_positions",
    "country_outlines",
    "geo_positions",
    "project",
    "render_html",
    "safe_json_for_script",
    "safe_url",
    "write_html",
]

Layout = Literal["force", "geo"]
SizeBy = Literal["degree", "pagerank"]

# Above this many nodes the browser does no physics at all: positions come from Python.
PHYSICS_NODE_LIMIT = 300
# Above this many edges, edges are straight and unlabelled (curves and labels are costly).
EDGE_DETAIL_LIMIT = 1000
MAX_EVIDENCE_SHOWN = 3
# Canvas units per layout unit (vis-network's default spring length is about 100 px).
FORCE_SCALE = 90.0
# Canvas px per unit of the Equal Earth projection: the world is about 3,250 x 1,580 px.
GEO_SCALE = 600.0
# Around a state, the actors that act for it or are based in it: ring radii in canvas px.
SATELLITE_RADIUS = 70.0
SATELLITE_RING_STEP = 45.0
# The row of actors with no territory (organisations): at sea, under the mapped actors.
MARGIN_GAP = 90.0
MARGIN_SPACING = 120.0
# Rows one above the other: room for the largest node and its label under it.
MARGIN_ROW_STEP = 90.0
# Node sizes (vis-network's radius, canvas px), from the least to the most central actor.
NODE_MIN_SIZE = 8.0
NODE_MAX_SIZE = 30.0
# Sea kept round each of them (canvas px: the largest node stays off land), and how far left
# or right of the mapped actors and in what steps the row may be moved to find open sea.
MARGIN_CLEARANCE = NODE_MAX_SIZE
# The shape (width / height) of the view the row is placed to fit: the map's panel between
# the page's side panels, on a common screen.
FIT_ASPECT = 4 / 3
MARGIN_REACH = 600.0
_MARGIN_SEARCH_STEP = 30.0
# Resolution of the land mask the row is placed with (canvas px per cell).
_LAND_CELL = 5.0

#: Placed in the margin row of a geo map: actors with no territory of their own.
NO_TERRITORY_TYPES = frozenset(
    {"InternationalOrganization", "NonGovernmentalOrganization", "CollectiveActor"}
)

NODE_STYLES: Mapping[str, tuple[str, str]] = {
    ActorType.STATE: ("#4e79a7", "dot"),
    ActorType.INTERNATIONAL_ORGANIZATION: ("#b07aa1", "hexagon"),
    ActorType.NON_GOVERNMENTAL_ORGANIZATION: ("#76b7b2", "triangle"),
    ActorType.ARMED_GROUP: ("#8c2d04", "diamond"),
    ActorType.POLITICAL_GROUP: ("#edc948", "triangleDown"),
    ActorType.PERSON: ("#f28e2b", "star"),
    ActorType.INSTITUTION: ("#59a14f", "square"),
    ActorType.COLLECTIVE_ACTOR: ("#9c755f", "square"),
}
UNKNOWN_NODE_STYLE = ("#bab0ac", "dot")
NODE_TYPE_LABELS: Mapping[str, str] = {kind.value: kind.label for kind in ActorType}
_QUAD_COLOURS = ("#8fd18f", "#1a7f37", "#f0961e", "#d62728")
QUAD_STYLES: Mapping[int, tuple[str, str]] = {
    int(quad): (colour, quad.label) for quad, colour in zip(QuadClass, _QUAD_COLOURS, strict=True)
}
CAMEO_ROOTS: Mapping[str, str] = {root.value: root.label for root in CameoRoot}


# ---------------------------------------------------------------------------------------
# Safety helpers


_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def safe_json_for_script(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, no ``<!--``.

    >>> safe_json_for_script({"a": "</script>"})
    '{"a": "\\\\u003c/script\\\\u003e"}'
    """
    return json.dumps(value, ensure_ascii=False, allow_nan=False).translate(_SCRIPT_ESCAPES)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else ``None``.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(c.isspace() or ord(c) < 0x20 for c in url):
        return None
    return url


def _inline_script(code: str) -> str:
    # Inlined libraries only contain "</script" inside string literals, where "<\/" is
    # the same string; this keeps the element from being closed early.
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def _inline_style(css: str) -> str:
    return css.replace("</style", "<\\/style")


# ---------------------------------------------------------------------------------------
# Layout


def _initial_disc(count: int, rng: np.random.Generator) -> np.ndarray:
    radius = math.sqrt(max(count, 1)) * 0.6
    angle = rng.uniform(0.0, 2.0 * math.pi, count)
    distance = radius * np.sqrt(rng.uniform(0.0, 1.0, count))
    return np.column_stack([distance * np.cos(angle), distance * np.sin(angle)])


def _near_pairs(positions: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """All ordered pairs (i, j), i != j, in the same or adjacent grid cells."""
    count = len(positions)
    cells = np.floor(positions / cell).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    keys = (cells[:, 0] + 1) * width + (cells[:, 1] + 1)
    order = np.argsort(keys, kind="stable")
    unique_keys, starts, counts = np.unique(keys[order], return_index=True, return_counts=True)
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = keys + dx * width + dy
            slot = np.minimum(np.searchsorted(unique_keys, wanted), len(unique_keys) - 1)
            found = unique_keys[slot] == wanted
            sizes = np.where(found, counts[slot], 0)
            total = int(sizes.sum())
            if total == 0:
                continue
            offsets = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            firsts.append(np.repeat(np.arange(count), sizes))
            seconds.append(order[np.repeat(np.where(found, starts[slot], 0), sizes) + offsets])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    distinct = first != second
    return first[distinct], second[distinct]


def _add_forces(target: np.ndarray, index: np.ndarray, forces: np.ndarray, count: int) -> None:
    target[:, 0] += np.bincount(index, weights=forces[:, 0], minlength=count)
    target[:, 1] += np.bincount(index, weights=forces[:, 1], minlength=count)


def force_layout(
    count: int, edges: np.ndarray, *, iterations: int = 50, seed: int = 0
) -> np.ndarray:
    """Fruchterman-Reingold in numpy with grid-approximated repulsion, O(n + m) a step.

    Repulsion is exact between nodes in neighbouring cells of a fine grid (cell = ideal
    edge length) and approximated by the centroids of a coarse 20 x 20 grid for the far
    field; a weak gravity keeps components together. ``edges`` is an (m, 2) int array.
    Returns an (n, 2) array in units of the ideal edge length.
    """
    rng = np.random.default_rng(seed)
    positions = _initial_disc(count, rng)
    if count < 2:
        return positions
    source, target = edges[:, 0], edges[:, 1]
    temperature = math.sqrt(count) * 0.06
    coarse = 20
    for _ in range(iterations):
        moves = np.zeros_like(positions)
        first, second = _near_pairs(positions, 1.0)
        delta = positions[first] - positions[second]
        distance2 = np.maximum((delta * delta).sum(axis=1), 1e-4)
        push = np.where(distance2 < 1.0, 1.0 / distance2, 0.0)
        _add_forces(moves, first, delta * push[:, None], count)

        low = positions.min(axis=0)
        span = np.maximum(positions.max(axis=0) - low, 1e-9)
        grid = np.minimum(((positions - low) / span * coarse).astype(np.int64), coarse - 1)
        cell_of = grid[:, 0] * coarse + grid[:, 1]
        mass = np.bincount(cell_of, minlength=coarse * coarse).astype(float)
        sum_x = np.bincount(cell_of, weights=positions[:, 0], minlength=coarse * coarse)
        sum_y = np.bincount(cell_of, weights=positions[:, 1], minlength=coarse * coarse)
        occupied = mass > 0
        mass = mass[occupied]
        centroids = np.column_stack([sum_x[occupied] / mass, sum_y[occupied] / mass])
        away = positions[:, None, :] - centroids[None, :, :]
        far2 = np.maximum((away * away).sum(axis=2), 1.0)
        moves += ((mass[None, :] / far2)[:, :, None] * away).sum(axis=1)

        if len(source):
            delta = positions[source] - positions[target]
            pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None]
            _add_forces(moves, source, -pull, count)
            _add_forces(moves, target, pull, count)
        moves -= 0.02 * positions
        length = np.maximum(np.sqrt((moves * moves).sum(axis=1)), 1e-9)
        positions += moves * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.95
    return positions


def _force_positions(graph: nx.MultiDiGraph, seed: int) -> dict[str, tuple[float, float]]:
    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    positions = force_layout(len(nodes), edges, seed=seed) * FORCE_SCALE
    return {n: (float(positions[i, 0]), float(positions[i, 1])) for n, i in index.items()}


# Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area world projection whose
# parallels are straight, so a flat canvas can pan and zoom it.
_EE = (1.340264, -0.081106, 0.000893, 0.003796)


def project(lon: Any, lat: Any) -> tuple[Any, Any]:
    """Canvas coordinates (x right, y down, px) of longitudes and latitudes in degrees, in
    the Equal Earth projection scaled by ``GEO_SCALE``; takes numbers or numpy arrays.

    >>> x, y = project(0.0, 0.0)
    >>> float(x), float(y)
    (0.0, -0.0)
    >>> [round(float(v)) for v in (*project(180.0, 0.0), *project(0.0, 90.0))]
    [1624, 0, 0, -790]
    """
    a1, a2, a3, a4 = _EE
    lam = np.radians(lon)
    theta = np.arcsin(math.sqrt(3.0) / 2.0 * np.sin(np.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2.0 * math.sqrt(3.0) * lam * np.cos(theta)
    x = x / (3.0 * (9.0 * a4 * t6 * t2 + 7.0 * a3 * t6 + 3.0 * a2 * t2 + a1))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x * GEO_SCALE, -y * GEO_SCALE


def _point(lon: float, lat: float) -> tuple[float, float]:
    x, y = project(lon, lat)
    return float(x), float(y)


@dataclass(frozen=True)
class CountryOutlines:
    """Natural Earth 1:110m outlines: label points in degrees by ISO alpha-3 code, and every
    ring (outer rings and holes) as a flat ``[lon, lat, lon, lat, ...]`` tuple."""

    label_points: Mapping[str, tuple[float, float]]
    rings: tuple[tuple[float, ...], ...]


@cache
def country_outlines() -> CountryOutlines:
    """The packaged outlines (``data/geo/countries-110m.json``, built by
    ``scripts/build_geo.py``), loaded once per process."""
    document = json.loads(data_file("geo", "countries-110m.json").read_text(encoding="utf-8"))
    points: dict[str, tuple[float, float]] = {}
    rings: list[tuple[float, ...]] = []
    for country in document["countries"]:
        if country["id"]:
            lon, lat = country["label_point"]
            points[country["id"]] = (float(lon), float(lat))
        rings += [tuple(ring) for polygon in country["polygons"] for ring in polygon]
    return CountryOutlines(points, tuple(rings))


@cache
def _projected_rings() -> tuple[tuple[float, ...], ...]:
    """Every outline ring in canvas coordinates, rounded to 0.1 px, for the page."""
    projected = []
    for ring in country_outlines().rings:
        coordinates = np.array(ring, dtype=float).reshape(-1, 2)
        x, y = project(coordinates[:, 0], coordinates[:, 1])
        flat = np.round(np.column_stack([x, y]).ravel(), 1)
        projected.append(tuple(float(v) for v in flat))
    return tuple(projected)


def _coordinates(record: Any) -> tuple[float, float] | None:
    lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


class _Places:
    """Where states and actors with coordinates are, from the outlines, the graph's node
    attributes and the gazetteer."""

    def __init__(self, graph: nx.MultiDiGraph, gazetteer: ActorProfiles | None) -> None:
        self.graph = graph
        self.gazetteer = gazetteer
        self.outlines = country_outlines()

    def coordinates(self, actor_id: str) -> tuple[float, float] | None:
        """(lat, lon) of the actor's own location (a state's capital)."""
        if actor_id in self.graph:
            own = self.graph.nodes[actor_id]
            if "lat" in own and "lon" in own:
                return float(own["lat"]), float(own["lon"])
        if self.gazetteer is None:
            return None
        return _coordinates(self.gazetteer.get(actor_id))

    def state(self, code: str) -> tuple[float, float] | None:
        """A state's spot: its country's label point, else its capital (small states that
        1:110m does not draw)."""
        if code in self.outlines.label_points:
            return _point(*self.outlines.label_points[code])
        spot = self.coordinates(code)
        return _point(spot[1], spot[0]) if spot else None


def _around(anchor: tuple[float, float], index: int) -> tuple[float, float]:
    """The index-th spot on rings around an anchor, leaving out the sector below it where
    the anchor's own label is drawn (vis-network writes labels under the node)."""
    ring, capacity = 0, 7
    while index >= capacity:
        index -= capacity
        ring += 1
        capacity = 7 + 5 * ring
    angle = math.radians(120.0 + 300.0 * (index + 0.5) / capacity)
    radius = SATELLITE_RADIUS + SATELLITE_RING_STEP * ring
    return anchor[0] + radius * math.cos(angle), anchor[1] + radius * math.sin(angle)


def geo_positions(
    graph: nx.MultiDiGraph, gazetteer: ActorProfiles | None = None
) -> dict[str, tuple[float, float]]:
    """Canvas coordinates of a world map in the Equal Earth projection (:func:`project`):

    * a state sits on its country's label point (the centroid of its largest polygon in
      Natural Earth 1:110m), or on its capital when 1:110m does not draw it (Malta);
    * people, institutions and armed or political groups go round the state they act for
      or are based in (never on it, nor on the sector under it where its label is), on
      rings of ``SATELLITE_RADIUS`` px and more;
    * a group with its own coordinates but no state goes there;
    * organisations have no territory (the UN is not in New York, the EU is not in
      Brussels): they, and any actor that cannot be placed, go at sea under the mapped
      actors (never on land), in alphabetical order in a row (or a few), where they
      enlarge least the view that fits the actors, so "fit to view" stays close to them
      (the open sea south of Cape Horn when nothing nearer is free).
    """
    places = _Places(graph, gazetteer)
    positions: dict[str, tuple[float, float]] = {}
    satellites: dict[tuple[float, float], list[str]] = {}
    margin: list[str] = []
    for node, data in graph.nodes(data=True):
        kind = str(data.get("type", ""))
        if kind in NO_TERRITORY_TYPES:
            margin.append(node)
            continue
        if kind == "State":
            spot = places.state(str(data.get("iso3") or node))
            if spot is not None:
                positions[node] = spot
            else:
                margin.append(node)
            continue
        home = next(
            (
                spot
                for code in (data.get("country"), data.get("base"))
                if code and code != node and (spot := places.state(str(code))) is not None
            ),
            None,
        )
        own = places.coordinates(node)
        if home is not None:
            satellites.setdefault(home, []).append(node)
        elif own is not None:
            positions[node] = _point(own[1], own[0])
        else:
            margin.append(node)
    for anchor, around in satellites.items():
        ordered = sorted(around, key=lambda n: str(graph.nodes[n].get("label", n)))
        for index, node in enumerate(ordered):
            positions[node] = _around(anchor, index)
    _margin_row(graph, margin, positions)
    return positions


def _margin_row(
    graph: nx.MultiDiGraph, nodes: list[str], positions: dict[str, tuple[float, float]]
) -> None:
    if not nodes:
        return
    ordered = sorted(nodes, key=lambda n: (str(graph.nodes[n].get("label", n)).casefold(), n))
    spots = _sea_row(len(ordered), list(positions.values()))
    for node, spot in zip(ordered, spots, strict=True):
        positions[node] = spot


def _sea_row(count: int, placed: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``count`` spots in rows (``MARGIN_SPACING`` px apart, read left to right and top to
    bottom), at least ``MARGIN_GAP`` px under every placed actor (so no edge crosses them),
    off land by ``MARGIN_CLEARANCE`` px, where they enlarge least the box round the placed
    actors: that box is what "fit to view" shows. Under the whole map (south of Cape Horn)
    is always at sea, so there is always a place."""
    xs = [x for x, _ in placed] or [0.0]
    ys = [y for _, y in placed] or [0.0]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    south = max(max(ring[1::2]) for ring in _projected_rings()) + MARGIN_GAP
    first_y = bottom + MARGIN_GAP
    rows_y = np.arange(first_y, max(first_y, south), _MARGIN_SEARCH_STEP)
    centres_x = np.arange(
        left - MARGIN_REACH, right + MARGIN_REACH + _MARGIN_SEARCH_STEP, _MARGIN_SEARCH_STEP
    )
    wide = max(6, int((right - left) / MARGIN_SPACING) + 1)
    best: tuple[tuple[float, float, float], list[tuple[float, float]]] | None = None
    for per_row in sorted({min(count, n) for n in (1, 3, 6, wide)}):
        offsets = _row_offsets(count, per_row)
        grid_x, grid_y = np.meshgrid(centres_x, rows_y)
        starts = np.column_stack([grid_x.ravel(), grid_y.ravel()])
        # the search grid, then the row under the whole map, centred (always at sea)
        starts = np.vstack([starts, [[(left + right) / 2, max(first_y, south)]]])
        spots = starts[:, None, :] + offsets[None, :, :]
        clear = ~_on_land(spots.reshape(-1, 2)).reshape(len(starts), count).any(axis=1)
        low = np.maximum(bottom, spots[clear, :, 1].max(axis=1))
        west = np.minimum(left, spots[clear, :, 0].min(axis=1))
        east = np.maximum(right, spots[clear, :, 0].max(axis=1))
        # how far "fit to view" zooms out to show the box (with a node's room round it) in
        # a view of FIT_ASPECT; then the nearest under the placed actors and to their middle
        growth = np.maximum((east - west + MARGIN_SPACING) / FIT_ASPECT, low - top + MARGIN_SPACING)
        middle = np.abs(starts[clear, 0] - (left + right) / 2)
        depth = starts[clear, 1]
        pick = int(np.lexsort((middle, depth, growth))[0])
        candidate = (float(growth[pick]), float(depth[pick]), float(middle[pick]))
        if best is None or candidate < best[0]:
            best = (candidate, [(float(x), float(y)) for x, y in spots[clear][pick]])
    assert best is not None
    return best[1]


def _row_offsets(count: int, per_row: int) -> np.ndarray:
    """Offsets of ``count`` spots in rows of ``per_row``, each row centred on x = 0."""
    offsets = []
    for start in range(0, count, per_row):
        size = min(per_row, count - start)
        y = (start // per_row) * MARGIN_ROW_STEP
        offsets += [((i - (size - 1) / 2) * MARGIN_SPACING, y) for i in range(size)]
    return np.array(offsets, dtype=float)


def _on_land(points: np.ndarray) -> np.ndarray:
    """Whether each canvas point is on land or within ``MARGIN_CLEARANCE`` px of it."""
    mask, x0, y0 = _land_mask()
    columns = np.floor((points[:, 0] - x0) / _LAND_CELL).astype(np.int64)
    rows = np.floor((points[:, 1] - y0) / _LAND_CELL).astype(np.int64)
    inside = (rows >= 0) & (rows < mask.shape[0]) & (columns >= 0) & (columns < mask.shape[1])
    result = np.zeros(len(points), dtype=bool)
    result[inside] = mask[rows[inside], columns[inside]]
    return result


@cache
def _land_mask() -> tuple[np.ndarray, float, float]:
    """The outlines as the page fills them (even-odd) on a grid of ``_LAND_CELL`` px cells,
    grown by at least ``MARGIN_CLEARANCE``; with the canvas coordinates of the grid's corner. Cells
    a coastline crosses count as land, so a strait narrower than a cell is not sea."""
    rings = [np.array(ring, dtype=float).reshape(-1, 2) for ring in _projected_rings()]
    # in whole cells, with room for a point anywhere in its cell and land anywhere in its own
    grow = math.ceil(MARGIN_CLEARANCE / _LAND_CELL + math.sqrt(2))
    x0 = min(float(r[:, 0].min()) for r in rings) - (grow + 1) * _LAND_CELL
    y0 = min(float(r[:, 1].min()) for r in rings) - (grow + 1) * _LAND_CELL
    x1 = max(float(r[:, 0].max()) for r in rings) + (grow + 1) * _LAND_CELL
    y1 = max(float(r[:, 1].max()) for r in rings) + (grow + 1) * _LAND_CELL
    shape = (math.ceil((y1 - y0) / _LAND_CELL), math.ceil((x1 - x0) / _LAND_CELL))
    centres_x = x0 + (np.arange(shape[1]) + 0.5) * _LAND_CELL
    centres_y = y0 + (np.arange(shape[0]) + 0.5) * _LAND_CELL
    land = np.zeros(shape, dtype=bool)
    for ring in rings:
        start, end = ring, np.roll(ring, -1, axis=0)
        # even-odd: a cell centre is inside when a ray to its right crosses the ring an odd
        # number of times; row by row, over the rows the ring spans
        first = int(np.searchsorted(centres_y, ring[:, 1].min()))
        last = int(np.searchsorted(centres_y, ring[:, 1].max()))
        for row in range(first, last):
            y = centres_y[row]
            crosses = (start[:, 1] > y) != (end[:, 1] > y)
            if not crosses.any():
                continue
            a, b = start[crosses], end[crosses]
            at = np.sort(a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
            right_of = len(at) - np.searchsorted(at, centres_x, side="right")
            land[row] ^= right_of % 2 == 1
        # the coastline itself, sampled every half cell
        lengths = np.hypot(*(end - start).T)
        steps = np.maximum(1, np.ceil(lengths / (_LAND_CELL / 2))).astype(np.int64)
        share = np.concatenate([np.arange(n) / n for n in steps])
        origin = np.repeat(start, steps, axis=0)
        points = origin + np.repeat(end - start, steps, axis=0) * share[:, None]
        columns = np.floor((points[:, 0] - x0) / _LAND_CELL).astype(np.int64)
        rows = np.floor((points[:, 1] - y0) / _LAND_CELL).astype(np.int64)
        land[rows, columns] = True
    grown = land.copy()
    for dy in range(-grow, grow + 1):
        for dx in range(-grow, grow + 1):
            if dx * dx + dy * dy <= grow * grow:
                grown |= np.roll(np.roll(land, dy, axis=0), dx, axis=1)
    return grown, x0, y0


def compute_positions(
    graph: nx.MultiDiGraph,
    *,
    layout: Layout | str = "force",
    gazetteer: ActorProfiles | None = None,
    seed: int = 0,
) -> dict[str, tuple[float, float]]:
    """Canvas coordinates per node: a force layout, or a world map for ``layout="geo"``."""
    if layout == "force":
        return _force_positions(graph, seed)
    if layout == "geo":
        return geo_positions(graph, gazetteer)
    raise InputError(f"unknown layout {layout!r}; use force or geo")


# ---------------------------------------------------------------------------------------
# Merging statements into displayed edges


@dataclass
class _MergedEdge:
    """Statements that differ only by attribution, shown as one edge."""

    source: str
    target: str
    attributes: dict[str, Any]
    sources: int = 0
    asserters: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    dates: set[str] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def add(self, key: str, data: Mapping[str, Any]) -> None:
        self.statements.append(key)
        self.sources += int(data.get("sources", 1))
        asserter = data.get("asserted_by_label") or data.get("asserted_by")
        name = str(asserter) if asserter else "reported directly"
        if name not in self.asserters:
            self.asserters.append(name)
        first, last = data.get("first_seen"), data.get("last_seen")
        if first and (self.first_seen is None or first < self.first_seen):
            self.first_seen = str(first)
        if last and (self.last_seen is None or last > self.last_seen):
            self.last_seen = str(last)
        self.dates.update(str(d) for d in data.get("dates") or ())
        for item in data.get("evidence") or ():
            if len(self.evidence) < MAX_EVIDENCE_SHOWN and item not in self.evidence:
                self.evidence.append(dict(item))


def _merge_edges(graph: nx.MultiDiGraph) -> list[_MergedEdge]:
    merged: dict[tuple[str, str, str, bool], _MergedEdge] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        source, target = u, v
        if data.get("symmetric") and str(v) < str(u):
            source, target = v, u
        group = (source, str(data.get("relation", "")), target, bool(data.get("negated")))
        if group not in merged:
            merged[group] = _MergedEdge(source, target, dict(data))
        merged[group].add(str(key), data)
    return list(merged.values())


# ---------------------------------------------------------------------------------------
# Page data


def _centrality(graph: nx.MultiDiGraph, edges: list[_MergedEdge], size_by: str) -> dict[str, float]:
    if size_by == "pagerank":
        simple = nx.DiGraph()
        simple.add_nodes_from(graph.nodes)
        for edge in edges:
            if not edge.attributes.get("negated"):
                simple.add_edge(edge.source, edge.target, weight=float(edge.sources))
        return pagerank_scores(simple)
    if size_by == "degree":
        degree = dict.fromkeys(graph.nodes, 0.0)
        for edge in edges:
            degree[edge.source] += 1
            degree[edge.target] += 1
        return degree
    raise InputError(f"unknown node sizing {size_by!r}; use degree or pagerank")


def _memberships(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    belongs: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        for member in data.get("members") or ():
            belongs.setdefault(str(member), []).append(str(data.get("label", node)))
    return belongs


def _evidence_item(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "sentence": str(item.get("sentence") or ""),
        "title": str(item.get("title") or item.get("document") or ""),
        "url": safe_url(str(item["url"])) if item.get("url") else None,
        "published": str(item.get("published") or ""),
    }


def _edge_details(edge: _MergedEdge, graph: nx.MultiDiGraph) -> dict[str, Any]:
    data = edge.attributes
    quad = int(data.get("quad_class", 0) or 0)
    return {
        "relation": str(data.get("relation_label") or data.get("relation") or ""),
        "relationId": str(data.get("relation", "")),
        "subject": str(graph.nodes[edge.source].get("label", edge.source)),
        "object": str(graph.nodes[edge.target].get("label", edge.target)),
        "cameo": str(data.get("cameo", "")),
        "family": str(data.get("cameo", ""))[:2],
        "quad": quad,
        "quadLabel": QUAD_STYLES.get(quad, ("", "unknown"))[1],
        "negated": bool(data.get("negated")),
        "first": edge.first_seen or "",
        "last": edge.last_seen or "",
        "dates": sorted(edge.dates),
        "sources": edge.sources,
        "statements": len(edge.statements),
        "asserters": edge.asserters,
        "evidence": [_evidence_item(e) for e in edge.evidence],
    }


def _node_details(
    node: str, data: Mapping[str, Any], degree: int, belongs: Mapping[str, list[str]]
) -> dict[str, Any]:
    actor_type = str(data.get("type", ""))
    codes = [str(data[c]) for c in ("iso2", "iso3") if data.get(c)]
    return {
        "id": str(node),
        "label": str(data.get("label", node)),
        "type": NODE_TYPE_LABELS.get(actor_type, actor_type or "actor"),
        "country": str(data.get("country") or ""),
        "codes": codes,
        "coordinates": (
            f"{float(data['lat']):.2f}, {float(data['lon']):.2f}"
            if "lat" in data and "lon" in data
            else ""
        ),
        "members": [str(m) for m in data.get("members") or ()][:30],
        "memberOf": sorted(belongs.get(str(node), [])),
        "degree": degree,
    }


def _build_network(
    graph: nx.MultiDiGraph,
    edges: list[_MergedEdge],
    positions: Mapping[str, tuple[float, float]],
    *,
    size_by: str,
    physics: bool,
    detailed_edges: bool,
) -> Network:
    scores = _centrality(graph, edges, size_by)
    top = max(scores.values(), default=0.0) or 1.0
    degree = dict.fromkeys(graph.nodes, 0)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    belongs = _memberships(graph)
    network = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # pyvis checks node existence with a list scan per edge: a set keeps 15k edges fast.
    known = set()
    for node, data in graph.nodes(data=True):
        color, shape = NODE_STYLES.get(str(data.get("type", "")), UNKNOWN_NODE_STYLE)
        x, y = positions[node]
        network.add_node(
            str(node),
            label=str(data.get("label", node)),
            shape=shape,
            color=color,
            size=round(
                NODE_MIN_SIZE
                + (NODE_MAX_SIZE - NODE_MIN_SIZE) * math.sqrt(scores.get(node, 0.0) / top),
                1,
            ),
            x=round(x, 1),
            y=round(y, 1),
            geokg=_node_details(node, data, degree[node], belongs),
        )
        known.add(str(node))
    network.get_nodes = lambda: known
    for number, edge in enumerate(edges):
        details = _edge_details(edge, graph)
        color = QUAD_STYLES.get(details["quad"], ("#999999", ""))[0]
        options: dict[str, Any] = {
            "id": f"e{number}",
            "color": {"color": color, "highlight": color, "hover": color},
            "width": round(min(1 + 1.5 * math.log2(max(edge.sources, 1)), 9), 2),
            "dashes": details["negated"],
            "geokg": details,
        }
        if edge.attributes.get("symmetric"):
            options["arrows"] = {"to": {"enabled": False}}
        if detailed_edges:
            options["label"] = ("not " if details["negated"] else "") + details["relation"]
        network.add_edge(str(edge.source), str(edge.target), **options)
    network.options = _vis_options(physics=physics, detailed_edges=detailed_edges)
    return network


def _vis_options(*, physics: bool, detailed_edges: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#fff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "selectionWidth": 2,
            "smooth": {"enabled": True, "type": "continuous"} if detailed_edges else False,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not detailed_edges,
            "navigationButtons": False,
            "keyboard": False,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "springLength": 120, "damping": 0.3},
            "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


# ---------------------------------------------------------------------------------------
# The page


@cache
def _asset(package: str, *parts: str) -> str:
    return files(package).joinpath(*parts).read_text(encoding="utf-8")


def _vis_js() -> str:
    return _asset("pyvis", "lib", "vis-9.1.2", "vis-network.min.js")


def _vis_css() -> str:
    return _asset("pyvis", "lib", "vis-9.1.2", "vis-network.css")


def _checkbox(name: str, value: str, text: str, swatch: str | None = None) -> str:
    mark = (
        f'<span class="swatch line" style="background:{html.escape(swatch)}"></span>'
        if swatch
        else ""
    )
    return (
        f'<label><input type="checkbox" name="{html.escape(name)}" '
        f'value="{html.escape(value)}" checked> {mark}{html.escape(text)}</label>'
    )


def _controls(families: Iterable[str], quads: Iterable[int], dates: tuple[str, str]) -> str:
    family_boxes = "\n".join(
        _checkbox("family", f, f"{f} {CAMEO_ROOTS.get(f, 'other')}") for f in families
    )
    quad_boxes = "\n".join(
        _checkbox("quad", str(q), QUAD_STYLES[q][1], QUAD_STYLES[q][0])
        for q in quads
        if q in QUAD_STYLES
    )
    node_legend = "\n".join(
        f'<li><span class="swatch {html.escape(shape)}" style="background:{color}"></span>'
        f"{html.escape(NODE_TYPE_LABELS[kind])}</li>"
        for kind, (color, shape) in NODE_STYLES.items()
    )
    low, high = (html.escape(d) for d in dates)
    return f"""
<div class="block"><label for="geokg-search">Find an actor</label>
<input id="geokg-search" type="search" list="geokg-actors" placeholder="name or code"
 autocomplete="off"><datalist id="geokg-actors"></datalist>
<div id="geokg-search-status" class="hint"></div></div>
<details class="block" open><summary>Legend</summary>
<ul class="legend">{node_legend}</ul>
<ul class="legend"><li><span class="swatch line dashed"></span>denied (negated)</li>
<li>width: number of sources; arrows: direction</li></ul></details>
<fieldset class="block" id="geokg-quads"><legend>Quad class</legend>{quad_boxes}</fieldset>
<fieldset class="block" id="geokg-families"><legend>Relation family (CAMEO)</legend>
{family_boxes}</fieldset>
<fieldset class="block"><legend>Reported between</legend>
<input id="geokg-since" type="date" min="{low}" max="{high}" aria-label="from">
<input id="geokg-until" type="date" min="{low}" max="{high}" aria-label="until">
</fieldset>
<div class="block hint" id="geokg-counts"></div>
"""


def _page_data(network: Network, *, physics: bool, geo: bool) -> dict[str, Any]:
    nodes, edges, _heading, _height, _width, options = network.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "physics": physics,
        "geo": {"outlines": _projected_rings()} if geo else None,
    }


def _csp(scripts: Iterable[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; "
        "base-uri 'none'"
    )


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "geokg network",
    layout: Layout | str = "force",
    gazetteer: ActorProfiles | None = None,
    size_by: SizeBy | str = "degree",
    seed: int = 0,
) -> str:
    """One self-contained HTML page showing *graph* (as built by ``to_networkx``).

    ``layout="force"`` precomputes a force layout (the browser refines it with a short
    physics run for graphs up to ``PHYSICS_NODE_LIMIT`` nodes); ``layout="geo"`` fixes
    actors on a world map with country outlines (:func:`geo_positions`; coordinates from
    the outlines, the graph's ``lat``/``lon`` node attributes or the gazetteer). ``size_by``
    picks the centrality that sizes nodes.
    """
    positions = compute_positions(graph, layout=layout, gazetteer=gazetteer, seed=seed)
    edges = _merge_edges(graph)
    geo = layout == "geo"
    physics = not geo and graph.number_of_nodes() <= PHYSICS_NODE_LIMIT
    detailed = len(edges) <= EDGE_DETAIL_LIMIT
    network = _build_network(
        graph, edges, positions, size_by=size_by, physics=physics, detailed_edges=detailed
    )
    data = _page_data(network, physics=physics, geo=geo)
    families = sorted({e["geokg"]["family"] for e in data["edges"]})
    quads = sorted({e["geokg"]["quad"] for e in data["edges"]})
    days = sorted(
        {d for e in data["edges"] for d in (e["geokg"]["first"], e["geokg"]["last"]) if d}
    )
    dates = (days[0], days[-1]) if days else ("", "")
    vis_js = _inline_script(_vis_js())
    app_js = _inline_script(_asset("geokg", "render_assets", "geokg.js"))
    styles = (
        _inline_style(_vis_css())
        + "\n"
        + _inline_style(_asset("geokg", "render_assets", "geokg.css"))
    )
    heading = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(_csp([vis_js, app_js]))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{heading}</title>
<style>
{styles}
</style>
</head>
<body>
<header><h1>{heading}</h1><span class="hint">{graph.number_of_nodes()} actors,
{len(edges)} relations from {graph.number_of_edges()} statements</span></header>
<main>
<aside id="geokg-controls">{_controls(families, quads, dates)}</aside>
<div id="geokg-network" role="img" aria-label="{heading}"></div>
<aside id="geokg-details"><p class="hint">Click an actor or a relation for details.</p>
</aside>
</main>
<div id="geokg-tooltip" hidden></div>
<script type="application/json" id="geokg-data">{safe_json_for_script(data)}</script>
<script>{vis_js}</script>
<script>{app_js}</script>
</body>
</html>
"""


def write_html(graph: nx.MultiDiGraph, path: str | Path, **options: Any) -> None:
    """Write :func:`render_html` (same keyword options) to *path* as UTF-8."""
    Path(path).write_text(render_html(graph, **options), encoding="utf-8")


class HtmlMap:
    """A rendered map that shows itself inline in Jupyter.

    The page is put in a sandboxed ``<iframe srcdoc>``: its scripts run, isolated from the
    notebook's own page, and the escaped ``srcdoc`` attribute cannot break out of the frame.

    >>> view = HtmlMap("<p>x</p>", height=300)
    >>> 'srcdoc="&lt;p&gt;x&lt;/p&gt;"' in view._repr_html_()
    True
    """

    def __init__(self, page: str, *, height: int = 650) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd"></iframe>'
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.page, encoding="utf-8")


def show(graph: nx.MultiDiGraph, *, height: int = 650, **options: Any) -> HtmlMap:
    """:func:`render_html` wrapped for inline display in a notebook."""
    return HtmlMap(render_html(graph, **options), height=height)

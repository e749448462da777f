"""Where actors go on the canvas of an HTML map: a force layout, or a world map.

Both give canvas coordinates (x right, y down, in vis-network's px) per node, so the page
draws them with physics off (:func:`compute_positions`):

* ``layout="force"``: a numpy force layout with grid-approximated repulsion (about 2 s for
  5,000 actors), reproducible for a seed (:func:`force_layout`).
* ``layout="geo"``: the Equal Earth projection (:func:`project`) of Natural Earth 1:110m
  (public domain, ``data/geo/countries-110m.json``, built by ``scripts/build_geo.py``), with
  states on their countries, the actors that act for a state round it, and organisations
  at sea nearby (:func:`geo_positions`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import networkx as nx
import numpy as np

from geokg.errors import InputError
from geokg.model import ActorType
from geokg.network import ActorProfiles
from geokg.resources import data_file

__all__ = [
    "GEO_SCALE",
    "NODE_MAX_SIZE",
    "NODE_MIN_SIZE",
    "NO_TERRITORY_TYPES",
    "CountryOutlines",
    "Layout",
    "compute_positions",
    "country_outlines",
    "force_layout",
    "geo_positions",
    "project",
    "projected_outlines",
]

Layout = Literal["force", "geo"]

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
# Sea kept round each of them (canvas px: the largest node stays off land).
MARGIN_CLEARANCE = NODE_MAX_SIZE
# How far left or right of the mapped actors, and in what steps, the row may move to find
# open sea.
MARGIN_REACH = 600.0
_MARGIN_SEARCH_STEP = 30.0
# The shape (width / height) of the view the row is placed to fit: the map's panel between
# the page's side panels, on a common screen.
FIT_ASPECT = 4 / 3
# Resolution of the land mask the row is placed with (canvas px per cell).
_LAND_CELL = 5.0

#: Placed in the margin row of a geo map: actors with no territory of their own.
NO_TERRITORY_TYPES = frozenset(
    {
        ActorType.INTERNATIONAL_ORGANIZATION,
        ActorType.NON_GOVERNMENTAL_ORGANIZATION,
        ActorType.COLLECTIVE_ACTOR,
    }
)


# ---------------------------------------------------------------------------------------
# Force layout


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


# ---------------------------------------------------------------------------------------
# World map


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
def projected_outlines() -> tuple[tuple[float, ...], ...]:
    """Every outline ring as a flat ``(x, y, x, y, ...)`` tuple of canvas coordinates,
    rounded to 0.1 px: what the page draws."""
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
        if kind == ActorType.STATE:
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
    south = max(max(ring[1::2]) for ring in projected_outlines()) + MARGIN_GAP
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
    rings = [np.array(ring, dtype=float).reshape(-1, 2) for ring in projected_outlines()]
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

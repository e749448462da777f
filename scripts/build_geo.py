"""Build ``data/geo/countries-110m.json`` (country outlines for ``geokg render --layout geo``).

Source: Natural Earth 1:110m admin-0 countries (public domain), as the TopoJSON file
``countries-110m.json`` of the npm package world-atlas 2.0.2 (ISC licence, by Mike Bostock).
Run once, from the repository root, and commit the result:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install pycountry      # ISO 3166 numeric -> alpha-3 codes; not a geokg dependency
    python scripts/build_geo.py package/countries-110m.json data/geo/countries-110m.json

What it does: decodes the TopoJSON arcs (quantised, delta-encoded), simplifies each arc with
Douglas-Peucker (shared borders stay shared), assembles the rings of every country, rounds
coordinates to 0.01 degree and keys countries by ISO 3166-1 alpha-3 code (from the numeric
code; Kosovo, which has none in the source, by the gazetteer's XKX). Areas with no ISO code
(Northern Cyprus, Somaliland) are drawn with a ``null`` id. Rings that cross the
antimeridian (Russia's Chukotka, Fiji) are cut there, so the outlines suit a flat map;
Antarctica, which winds around the pole and holds no actor, is left out. Each country gets a
label point:
the area centroid of its largest polygon (metropolitan France, the contiguous United
States), where geokg places the state on the map.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from pathlib import Path
from typing import Any

import pycountry

TOLERANCE = 0.08  # degrees: below the 1:110m data's own precision
PRECISION = 2  # decimals of a degree
NO_NUMERIC_CODE = {"Kosovo": "XKX"}
LEFT_OUT = {"ATA"}  # Antarctica: no actor lives there, and it winds around the pole

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, keeping both ends (iterative: no recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def unwrap(points: list[Point]) -> list[Point] | None:
    """Longitudes made continuous (no jump of more than 180 degrees between neighbours);
    ``None`` for a ring that winds around a pole."""
    out = [points[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in itertools.pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    return None if shift else out


def clip(points: list[Point], edge: float, keep_below: bool) -> list[Point]:
    """Sutherland-Hodgman against the vertical line x = edge."""

    def inside(p: Point) -> bool:
        return p[0] <= edge if keep_below else p[0] >= edge

    out: list[Point] = []
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        if inside(b):
            if not inside(a):
                out.append(_crossing(a, b, edge))
            out.append(b)
        elif inside(a):
            out.append(_crossing(a, b, edge))
    return out


def _crossing(a: Point, b: Point, edge: float) -> Point:
    t = (edge - a[0]) / (b[0] - a[0])
    return (edge, a[1] + t * (b[1] - a[1]))


def cut_at_antimeridian(points: list[Point]) -> list[list[Point]]:
    """The ring as one or two rings within [-180, 180] degrees of longitude."""
    unwrapped = unwrap(points)
    if unwrapped is None:
        return []
    low, high = min(x for x, _ in unwrapped), max(x for x, _ in unwrapped)
    if low >= -180 and high <= 180:
        return [points]
    edge = 180.0 if high > 180 else -180.0
    inner = clip(unwrapped, edge, keep_below=edge > 0)
    outer = clip(unwrapped, edge, keep_below=edge < 0)
    wrap = -360.0 if edge > 0 else 360.0
    return [r for r in (inner, [(x + wrap, y) for x, y in outer]) if len(r) >= 3]


def area_and_centroid(points: list[Point]) -> tuple[float, Point]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*points, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def flat(points: list[Point]) -> list[float]:
    out: list[float] = []
    for x, y in points[:-1] if points[0] == points[-1] else points:
        out += [round(x, PRECISION), round(y, PRECISION)]
    return out


def alpha3(geometry: dict[str, Any]) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if geometry.get("id") is None:
        return NO_NUMERIC_CODE.get(name)
    country = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    if country is None:
        raise SystemExit(f"no ISO 3166 country has the numeric code {geometry['id']} ({name})")
    return str(country.alpha_3)


def build(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind not in {"Polygon", "MultiPolygon"} or alpha3(geometry) in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            # Cutting may split an outer ring in two; holes go with the part they lie in
            # (no hole of the 1:110m data crosses the antimeridian).
            outer, *holes = [ring(r, arcs) for r in polygon]
            parts = cut_at_antimeridian(outer)
            rings += [[part, *holes] if i == 0 else [part] for i, part in enumerate(parts)]
        largest = max((area_and_centroid(polygon[0]) for polygon in rings), key=lambda a: a[0])
        lon, lat = largest[1]
        countries.append(
            {
                "id": alpha3(geometry),
                "name": geometry.get("properties", {}).get("name"),
                "label_point": [round(lon, PRECISION), round(lat, PRECISION)],
                "polygons": [[flat(r) for r in polygon] for polygon in rings],
            }
        )
    countries.sort(key=lambda c: (c["id"] is None, c["id"] or "", c["name"] or ""))
    return {
        "source": (
            "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (public domain, "
            "naturalearthdata.com), from countries-110m.json of the npm package "
            "world-atlas 2.0.2 (ISC licence, Copyright 2013-2019 Michael Bostock); converted "
            "by scripts/build_geo.py: arcs simplified (Douglas-Peucker, 0.08 degree), "
            "coordinates rounded to 0.01 degree, keyed by ISO 3166-1 alpha-3 code."
        ),
        "licence": "Public domain (Natural Earth); the world-atlas packaging is ISC-licensed.",
        "coordinates": (
            "polygons: lists of rings (outer first, then holes), each ring a flat list "
            "[lon, lat, lon, lat, ...] in degrees (WGS84); label_point: [lon, lat], the area "
            "centroid of the largest polygon"
        ),
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("output", type=Path, help="the compact file to write")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    result = build(topology)
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    # One country per line: readable diffs, still compact.
    text = text.replace(',{"id"', ',\n{"id"').replace('"countries":[', '"countries":[\n')
    args.output.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in result["countries"] for p in c["polygons"] for r in p)
    print(f"{args.output}: {len(result['countries'])} countries, {points} points")


if __name__ == "__main__":
    main()

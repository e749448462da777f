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
* Positions are precomputed in Python (:mod:`geokg.layout`: a numpy force layout with
  grid-approximated repulsion, about 2 s for 5,000 actors) so large graphs are drawn with
  physics off; small graphs keep a short physics stabilisation that is switched off once
  settled.
* ``layout="geo"`` draws a world map: the country outlines of Natural Earth 1:110m (public
  domain, ``data/geo/countries-110m.json``, inlined) in the Equal Earth projection
  (:func:`geokg.layout.project`), drawn on vis-network's canvas under the graph in the same
  coordinates as the nodes, so pan and zoom keep them aligned. See
  :func:`geokg.layout.geo_positions` for where each kind of actor goes.

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
from pyvis.network import Network

from geokg.errors import InputError
from geokg.layout import (
    NODE_MAX_SIZE,
    NODE_MIN_SIZE,
    Layout,
    compute_positions,
    country_outlines,
    geo_positions,
    project,
    projected_outlines,
)
from geokg.model import ActorType, CameoRoot, QuadClass
from geokg.network import ActorProfiles, pagerank_scores

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

SizeBy = Literal["degree", "pagerank"]

# Above this many nodes the browser does no physics at all: positions come from Python.
PHYSICS_NODE_LIMIT = 300
# Above this many edges, edges are straight and unlabelled (curves and labels are costly).
EDGE_DETAIL_LIMIT = 1000
MAX_EVIDENCE_SHOWN = 3
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
        "geo": {"outlines": projected_outlines()} if geo else None,
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

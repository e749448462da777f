"""geokg.render: static checks of the page, then the page in a real headless Chromium."""

from __future__ import annotations

import base64
import itertools
import json
import re
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from browser import Browser, Page
from geokg.layout import (
    MARGIN_GAP,
    NODE_MAX_SIZE,
    SATELLITE_RADIUS,
    compute_positions,
    country_outlines,
    project,
)
from geokg.model import Actor, ActorType, QuadClass, Relation, Statement
from geokg.network import to_networkx
from geokg.render import (
    EDGE_DETAIL_LIMIT,
    render_html,
    safe_json_for_script,
    safe_url,
    write_html,
)
from test_network import (
    AID,
    CRITICIZES,
    EU,
    FRA,
    GAZETTEER,
    IRN,
    MEETS,
    PUTIN,
    RUS,
    SANCTIONS,
    UKR,
    USA,
    WAGNER,
    FakeGazetteer,
    Record,
    make_statement,
    sample_statements,
)

IMG_PAYLOAD = "<img src=x onerror=\"document.title='pwned'\">"
SCRIPT_PAYLOAD = "</script><script>document.title='pwned'</script>"
JS_URL = "javascript:document.title='pwned'"
COMMENT_PAYLOAD = "<!--<script>"


def page_data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def hostile_statements() -> list[Statement]:
    villain = Actor("villain", IMG_PAYLOAD, ActorType.ARMED_GROUP)
    return [
        make_statement(
            villain,
            AID,
            RUS,
            sentence=IMG_PAYLOAD + " " + SCRIPT_PAYLOAD,
            title=SCRIPT_PAYLOAD,
            url=JS_URL,
            sources=2,
        ),
        make_statement(
            IRN,
            CRITICIZES,
            villain,
            sentence=COMMENT_PAYLOAD + "\u2028x",
            title=IMG_PAYLOAD,
            url='https://news.example/<b>?q="x"&y=1',
        ),
        make_statement(USA, SANCTIONS, IRN),
    ]


# ---- static checks --------------------------------------------------------------------


EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?"""
    r"""\s*(?:https?:)?//""",
    re.I,
)
CSS_URL = re.compile(
    r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*https?:)""", re.I
)


def test_page_references_no_external_resource() -> None:
    page = render_html(to_networkx(sample_statements()), title="Offline")
    assert not EXTERNAL.findall(page)
    assert not CSS_URL.findall(page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert page.count("</script>") == 3  # the data block, vis-network, geokg.js
    assert "bootstrap" not in page.lower()
    assert "vis.Network" in page  # vis-network inlined


def test_payloads_are_escaped_in_markup_and_json() -> None:
    graph = to_networkx(hostile_statements())
    page = render_html(graph, title=IMG_PAYLOAD + SCRIPT_PAYLOAD)
    assert IMG_PAYLOAD not in page
    assert SCRIPT_PAYLOAD not in page
    assert "<img" not in page
    assert COMMENT_PAYLOAD not in page
    assert "\u2028" not in page
    assert "<title>&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;" in page
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert IMG_PAYLOAD in labels  # the data is intact, only encoded
    evidence = [e for edge in data["edges"] for e in edge["geokg"]["evidence"]]
    assert {e["title"] for e in evidence} >= {SCRIPT_PAYLOAD, IMG_PAYLOAD}
    urls = {e["url"] for e in evidence}
    assert JS_URL not in urls and None in urls
    assert 'https://news.example/<b>?q="x"&y=1' in urls
    # pyvis's HTML popups are not used: no title attribute on nodes or edges
    assert all("title" not in item for item in data["nodes"] + data["edges"])


def test_safe_json_and_urls() -> None:
    text = safe_json_for_script({"s": "</script><!-- & \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"s": "</script><!-- & \u2028\u2029"}
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url("//evil.example/x") is None
    assert safe_url("https://ok.example/a b") is None
    assert safe_url("HTTPS://ok.example/a") == "HTTPS://ok.example/a"


def test_statements_differing_by_attribution_are_merged() -> None:
    statements = [
        make_statement(RUS, CRITICIZES, FRA, sources=2, first=date(2023, 1, 1)),
        make_statement(RUS, CRITICIZES, FRA, sources=3, asserted_by=PUTIN, first=date(2023, 3, 1)),
        make_statement(RUS, CRITICIZES, FRA, negated=True, sources=1),
        make_statement(FRA, MEETS, UKR, sources=1),
    ]
    data = page_data(render_html(to_networkx(statements)))
    assert len(data["edges"]) == 3
    affirmed, denied, meets = sorted(
        data["edges"], key=lambda e: (e["geokg"]["relationId"], e["geokg"]["negated"])
    )
    assert affirmed["geokg"]["sources"] == 5
    assert affirmed["geokg"]["asserters"] == ["reported directly", "Vladimir Putin"]
    assert (affirmed["geokg"]["first"], affirmed["geokg"]["last"]) == ("2023-01-01", "2023-03-01")
    assert len(affirmed["geokg"]["evidence"]) == 3  # capped
    assert affirmed["dashes"] is False and denied["dashes"] is True
    assert affirmed["width"] > denied["width"]
    assert affirmed["color"]["color"] != meets["color"]["color"]
    assert affirmed["arrows"] == "to"
    assert meets["arrows"] == {"to": {"enabled": False}}  # symmetric: no arrow


def test_nodes_are_styled_by_type_and_sized_by_centrality() -> None:
    data = page_data(render_html(to_networkx(sample_statements()), size_by="pagerank"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["IRN"]["shape"] == "dot"
    assert nodes["eu"]["shape"] != nodes["IRN"]["shape"]
    assert nodes["wagner-group"]["color"] != nodes["IRN"]["color"]
    assert nodes["UKR"]["size"] > nodes["eu"]["size"]  # pagerank: Ukraine is top
    assert nodes["IRN"]["geokg"]["type"] == "state"
    assert nodes["IRN"]["geokg"]["degree"] == 3  # aid to Russia, sanctioned by USA and EU


def test_small_graphs_keep_short_physics_and_large_ones_draw_fixed() -> None:
    small = page_data(render_html(to_networkx(sample_statements())))
    assert small["physics"] is True
    assert small["options"]["physics"]["stabilization"]["iterations"] <= 200
    assert all("x" in n and "y" in n for n in small["nodes"])
    assert all("label" in e for e in small["edges"])
    many = [
        make_statement(
            Actor(f"a{i}", f"A{i}", ActorType.STATE),
            AID,
            Actor(f"a{(i * 7 + 1) % 400}", "x", ActorType.STATE),
        )
        for i in range(EDGE_DETAIL_LIMIT + 10)
    ]
    large = page_data(render_html(to_networkx(many)))
    assert large["physics"] is False
    assert large["options"]["physics"] == {"enabled": False}
    assert large["options"]["edges"]["smooth"] is False
    assert not any("label" in e for e in large["edges"])


UN = Actor("un", "United Nations", ActorType.INTERNATIONAL_ORGANIZATION)
MALTA = Actor("MLT", "Malta", ActorType.STATE, country="MLT")
GEO_GAZETTEER = FakeGazetteer(
    {
        **GAZETTEER.records,
        "un": Record("United Nations", "InternationalOrganization", lat=40.75, lon=-73.97),
        "MLT": Record("Malta", "State", "MT", "MLT", 35.9, 14.51),  # too small for 1:110m
    }
)


def label_point(code: str) -> tuple[float, float]:
    lon, lat = country_outlines().label_points[code]
    x, y = project(lon, lat)
    return float(x), float(y)


def geo_statements() -> list[Statement]:
    ministers = [
        Actor(f"minister-{i}", f"Minister {i}", ActorType.PERSON, country="RUS") for i in range(9)
    ]
    return [
        make_statement(EU, SANCTIONS, RUS),
        make_statement(UN, CRITICIZES, USA),
        make_statement(PUTIN, CRITICIZES, FRA),
        make_statement(WAGNER, AID, RUS),
        make_statement(USA, AID, UKR),
        make_statement(IRN, AID, RUS),
        make_statement(MALTA, MEETS, FRA),
        *(make_statement(m, MEETS, UKR) for m in ministers),
    ]


def test_geo_layout_puts_states_on_their_countries_and_others_around_or_below() -> None:
    graph = to_networkx(geo_statements(), gazetteer=GEO_GAZETTEER)
    positions = compute_positions(graph, layout="geo", gazetteer=GEO_GAZETTEER)
    for code in ("RUS", "USA", "UKR", "FRA", "IRN"):
        assert positions[code] == pytest.approx(label_point(code))
    assert positions["RUS"][0] > positions["UKR"][0] > positions["FRA"][0] > positions["USA"][0]
    # Malta is not drawn at 1:110m: it sits on its capital
    assert positions["MLT"] == pytest.approx(tuple(float(v) for v in project(14.51, 35.9)))
    # Putin and nine ministers go round Russia: never on it, never under it (its label is
    # there), never on each other
    russia = complex(*positions["RUS"])
    around = [complex(*positions[n]) for n in graph if graph.nodes[n].get("country") == "RUS"]
    around = [p for p in around if p != russia]
    assert len(around) == 10
    assert all(abs(p - russia) >= SATELLITE_RADIUS - 1e-6 for p in around)
    assert not any(abs((p - russia).real) < 20 and (p - russia).imag > 0 for p in around)
    assert min(abs(a - b) for i, a in enumerate(around) for b in around[i + 1 :]) > 30
    # organisations have no territory: the UN is not on the United States nor the EU on
    # Europe; they and Wagner (no base, no coordinates) are in a row under the mapped
    # actors, at sea nearby (here the Atlantic), not under the whole world
    south = float(project(0.0, -56.0)[1])  # Cape Horn
    row = [positions[n] for n in ("eu", "un", "wagner-group")]
    lowest = max(y for n, (_, y) in positions.items() if n not in ("eu", "un", "wagner-group"))
    assert all(lowest + MARGIN_GAP <= y < south for _, y in row)
    assert abs(complex(*positions["un"]) - complex(*positions["USA"])) > 200
    # by label, in reading order (rows from the top, each from the left)
    reading = sorted(("wagner-group", "un", "eu"), key=lambda n: positions[n][::-1])
    assert reading == ["eu", "un", "wagner-group"]
    data = page_data(render_html(graph, layout="geo", gazetteer=GEO_GAZETTEER))
    assert data["physics"] is False and len(data["geo"]["outlines"]) > 200
    # without a gazetteer states are still placed from the outlines
    bare = compute_positions(to_networkx(geo_statements()), layout="geo")
    assert bare["RUS"] == pytest.approx(label_point("RUS"))


def test_outlines_are_packaged_compact_and_keyed_by_iso_codes() -> None:
    outlines = country_outlines()
    assert {"RUS", "USA", "FRA", "XKX", "TWN", "PSE"} <= set(outlines.label_points)
    assert "ATA" not in outlines.label_points  # Antarctica is left out
    # no ring jumps across the antimeridian (they are cut there for a flat map)
    for ring in outlines.rings:
        lons = ring[0::2]
        assert all(abs(a - b) <= 180 for a, b in itertools.pairwise(lons))
    size = len(safe_json_for_script(page_data(render_html(
        to_networkx(geo_statements()), layout="geo"))["geo"]))  # fmt: skip
    assert size < 300_000
    # France sits in metropolitan France, not between it and French Guiana
    lon, lat = outlines.label_points["FRA"]
    assert -5 < lon < 8 and 42 < lat < 51


def test_force_layout_spreads_nodes_and_is_reproducible() -> None:
    graph = to_networkx(sample_statements())
    first = compute_positions(graph, seed=3)
    assert first == compute_positions(graph, seed=3)
    points = list(first.values())
    closest = min(
        abs(complex(*a) - complex(*b)) for i, a in enumerate(points) for b in points[i + 1 :]
    )
    assert closest > 10  # canvas px: no two actors on top of each other


def test_write_html_and_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    write_html(nx.MultiDiGraph(), path, title="Nothing yet")
    assert "Nothing yet" in path.read_text(encoding="utf-8")


# ---- in headless Chromium -------------------------------------------------------------


def open_ready(browser: Browser, path: Path, *, timeout: float = 60) -> Page:
    page = browser.open(path)
    page.wait_for("document.body.dataset.ready === '1'", timeout=timeout)
    return page


def counts(page: Page) -> dict[str, int]:
    result: dict[str, int] = page.evaluate("window.geokgNetwork.counts()")
    return result


def set_checkbox(page: Page, name: str, value: str, checked: bool) -> None:
    page.evaluate(
        f"(() => {{ const box = document.querySelector('input[name={name}][value=\"{value}\"]');"
        f" if (box.checked !== {str(checked).lower()}) box.click(); }})()"
    )


def set_date(page: Page, element_id: str, value: str) -> None:
    page.evaluate(
        f"(() => {{ const input = document.getElementById('{element_id}');"
        f" input.value = '{value}'; input.dispatchEvent(new Event('change')); }})()"
    )


@pytest.mark.slow
def test_page_draws_every_node_and_edge_without_network(tmp_path: Path) -> None:
    graph = to_networkx(sample_statements(), gazetteer=GAZETTEER)
    path = tmp_path / "map.html"
    write_html(graph, path, title="geokg test map")
    with Browser(tmp_path) as browser:
        page = open_ready(browser, path)
        assert counts(page) == {"nodes": 8, "edges": 9, "totalNodes": 8, "totalEdges": 9}
        assert page.evaluate("document.body.dataset.visibleEdges") == "9"
        # physics was switched off once the layout settled
        assert page.evaluate("window.geokgNetwork.network.physics.physicsEnabled") is False
        assert page.evaluate("document.title") == "geokg test map"
        assert page.errors() == []
        remote = [u for u in page.requested_urls() if not u.startswith(("file:", "data:"))]
        assert remote == []
        # search focuses and selects an actor
        page.evaluate(
            "(() => { const s = document.getElementById('geokg-search');"
            " s.value = 'ukraine'; s.dispatchEvent(new Event('change')); })()"
        )
        assert page.evaluate("window.geokgNetwork.network.getSelectedNodes()") == ["UKR"]
        assert "Ukraine" in page.evaluate("document.getElementById('geokg-details').innerText")


@pytest.mark.slow
def test_filters_hide_relations_and_orphaned_actors(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    write_html(to_networkx(sample_statements()), path)
    with Browser(tmp_path) as browser:
        page = open_ready(browser, path)
        # material conflict = the 3 sanctions; nobody is left without a relation
        set_checkbox(page, "quad", "4", False)
        assert counts(page)["edges"] == 6
        assert counts(page)["nodes"] == 7  # the EU only sanctions: hidden
        set_checkbox(page, "quad", "4", True)
        assert counts(page) == {"nodes": 8, "edges": 9, "totalNodes": 8, "totalEdges": 9}
        # relation family 07 (aid) off: 4 aid relations hidden, North Korea and Wagner too
        set_checkbox(page, "family", "07", False)
        assert counts(page) == {"nodes": 6, "edges": 5, "totalNodes": 8, "totalEdges": 9}
        set_checkbox(page, "family", "07", True)
        # dates: only relations seen during 2023 H2 (North Korea's aid, Wagner denial)
        set_date(page, "geokg-since", "2023-07-01")
        set_date(page, "geokg-until", "2023-12-31")
        assert counts(page) == {"nodes": 3, "edges": 2, "totalNodes": 8, "totalEdges": 9}
        assert page.evaluate("document.body.dataset.visibleEdges") == "2"
        set_date(page, "geokg-since", "")
        set_date(page, "geokg-until", "")
        assert counts(page)["edges"] == 9


@pytest.mark.slow
def test_xss_payloads_do_not_execute(tmp_path: Path) -> None:
    graph = to_networkx(hostile_statements())
    path = tmp_path / "map.html"
    title = "Map " + IMG_PAYLOAD + SCRIPT_PAYLOAD
    write_html(graph, path, title=title)
    with Browser(tmp_path) as browser:
        page = open_ready(browser, path)
        # show every tooltip and detail card the page can build
        page.evaluate("""(() => {
            const g = window.geokgNetwork;
            g.nodes.getIds().forEach(id => {
                g.network.emit('hoverNode', {node: id, pointer: {DOM: {x: 10, y: 10}}});
                g.network.emit('click', {nodes: [id], edges: []});
            });
            g.edges.getIds().forEach(id => {
                g.network.emit('hoverEdge', {edge: id, pointer: {DOM: {x: 10, y: 10}}});
                g.network.emit('click', {nodes: [], edges: [id]});
            });
            g.focusActor('villain');
        })()""")
        page.evaluate("""(() => {
            const g = window.geokgNetwork;
            const id = g.edges.getIds().find(e => g.edges.get(e).geokg.evidence.some(
                x => x.sentence.includes('onerror')));
            g.network.emit('click', {nodes: [], edges: [id]});
            g.network.emit('hoverEdge', {edge: id, pointer: {DOM: {x: 10, y: 10}}});
        })()""")
        time.sleep(0.3)  # give an injected onerror handler time to run
        assert page.evaluate("document.title") == title
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3
        shown = page.evaluate("document.getElementById('geokg-details').textContent")
        assert IMG_PAYLOAD in shown and SCRIPT_PAYLOAD in shown  # shown as text
        hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
        assert not any(h.lower().startswith("javascript:") for h in hrefs)
        assert page.evaluate("document.querySelector('h1').textContent") == title
        assert page.errors() == []


def png_rows(png: bytes) -> list[bytes]:
    """The RGB rows (3 bytes a pixel) of an 8-bit RGB or RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6)
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                pick = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pick) & 0xFF
        rows.append(bytes(b for x in range(0, stride, channels) for b in line[x : x + 3]))
        previous = line
    return rows


def non_background_fraction(png: bytes) -> float:
    """Share of pixels that are not plain white, from an 8-bit RGB(A) PNG."""
    rows = png_rows(png)
    painted = sum(1 for row in rows for x in range(0, len(row), 3) if row[x : x + 3] != b"\xff" * 3)
    return painted / (len(rows) * len(rows[0]) // 3)


@pytest.mark.slow
def test_screenshot_is_not_blank(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    write_html(to_networkx(sample_statements()), path, title="screenshot")
    with Browser(tmp_path) as browser:
        page = open_ready(browser, path)
        # only the network canvas: hide the side panels and header
        page.evaluate(
            "document.querySelectorAll('aside, header').forEach(e => e.remove());"
            "window.dispatchEvent(new Event('resize'));"
            "window.geokgNetwork.network.fit()"
        )
        time.sleep(0.3)
        png = page.screenshot()
    (tmp_path / "map.png").write_bytes(png)
    assert non_background_fraction(png) > 0.01


@pytest.mark.slow
def test_five_thousand_actors_become_interactive(tmp_path: Path) -> None:
    relations = [
        AID,
        SANCTIONS,
        MEETS,
        CRITICIZES,
        Relation("attacks", "attacks", "190", "ASSAULT", QuadClass.MATERIAL_CONFLICT, -10.0),
    ]
    actors = [Actor(f"a{i}", f"Actor {i}", ActorType.STATE) for i in range(5000)]
    statements = []
    for n in range(15000):
        a, b = n % 5000, (n * 7919 + n // 5000 * 13 + 1) % 5000
        if a == b:
            b = (b + 1) % 5000
        statements.append(
            make_statement(
                actors[a], relations[n % 5], actors[b], first=date(2020 + n % 4, 1 + n % 12, 1)
            )
        )
    graph = to_networkx(statements)
    page_html = render_html(graph)
    path = tmp_path / "big.html"
    path.write_text(page_html, encoding="utf-8")
    expected_edges = len(page_data(page_html)["edges"])
    # Speed is measured by benchmarks/bench_render.py (ratios in one run), not asserted here:
    # the browser only has to get the page interactive within its generous timeout.
    with Browser(tmp_path, timeout=120) as browser:
        page = open_ready(browser, path, timeout=120)
        assert counts(page)["nodes"] == 5000
        assert counts(page)["edges"] == expected_edges
        set_checkbox(page, "quad", "4", False)
        assert counts(page)["edges"] < expected_edges


def clip_around(page: Page, lon: float, lat: float, half: int = 12) -> bytes:
    """A screenshot of the square of 2 * half CSS px centred on a place of the geo map."""
    x, y = (float(v) for v in project(lon, lat))
    spot = page.evaluate(
        "(() => { const g = window.geokgNetwork.network;"
        f" const p = g.canvasToDOM({{x: {x}, y: {y}}});"
        " const box = document.getElementById('geokg-network').getBoundingClientRect();"
        " return [box.left + p.x, box.top + p.y]; })()"
    )
    clip = {"x": spot[0] - half, "y": spot[1] - half, "width": 2 * half, "height": 2 * half}
    reply = page.send("Page.captureScreenshot", {"format": "png", "clip": {**clip, "scale": 1}})
    return base64.b64decode(reply["data"])


# Places on land (the Sahara, inner Siberia, Hudson Bay's western shore) and at sea (South
# Atlantic, Indian Ocean), in degrees, away from the actors and relations of
# geo_statements() as the fitted view shows them.
LAND = [(12.0, 22.0), (120.0, 64.0), (-100.0, 58.0)]
SEA = [(-10.0, -40.0), (80.0, -20.0)]


@pytest.mark.slow
def test_geo_map_draws_country_outlines_under_the_nodes(tmp_path: Path) -> None:
    graph = to_networkx(geo_statements(), gazetteer=GEO_GAZETTEER)
    with_outlines = render_html(graph, layout="geo", gazetteer=GEO_GAZETTEER)
    data = page_data(with_outlines)
    data["geo"]["outlines"] = []
    without = with_outlines.replace(
        with_outlines[with_outlines.index('<script type="application/json"') :].split(
            "</script>", 1
        )[0],
        '<script type="application/json" id="geokg-data">' + safe_json_for_script(data),
    )
    (tmp_path / "outlines.html").write_text(with_outlines, encoding="utf-8")
    (tmp_path / "bare.html").write_text(without, encoding="utf-8")
    expected = compute_positions(graph, layout="geo", gazetteer=GEO_GAZETTEER)
    shots: dict[str, list[bytes]] = {}
    with Browser(tmp_path) as browser:
        for name in ("outlines", "bare"):
            page = open_ready(browser, tmp_path / f"{name}.html")
            assert page.errors() == []
            # node positions are the projected label points the outlines are drawn with
            # (getPositions rounds to whole canvas px)
            drawn = page.evaluate("window.geokgNetwork.network.getPositions()")
            for node, (x, y) in expected.items():
                assert (drawn[node]["x"], drawn[node]["y"]) == pytest.approx((x, y), abs=1)
            for code in ("RUS", "USA", "FRA"):
                spot = pytest.approx(label_point(code), abs=1)
                assert (drawn[code]["x"], drawn[code]["y"]) == spot
            if name == "outlines":
                page.evaluate("window.geokgNetwork.network.moveTo({scale: 0.5})")
                time.sleep(0.2)
                (tmp_path / "geo.png").write_bytes(page.screenshot())
                page.evaluate("window.geokgNetwork.network.fit({animation: false})")
                time.sleep(0.2)
            shots[name] = [clip_around(page, lon, lat) for lon, lat in LAND + SEA]
    # land is filled where the projection puts it, and the sea is left blank
    for i in range(len(LAND)):
        assert changed_fraction(shots["bare"][i], shots["outlines"][i]) > 0.9
        assert non_background_fraction(shots["outlines"][i]) > 0.9
    for i in range(len(LAND), len(LAND) + len(SEA)):
        assert changed_fraction(shots["bare"][i], shots["outlines"][i]) == 0.0


def changed_fraction(first: bytes, second: bytes) -> float:
    """Share of pixels that differ between two screenshots of the same size."""
    a, b = png_rows(first), png_rows(second)
    changed = sum(
        1
        for row_a, row_b in zip(a, b, strict=True)
        for x in range(0, len(row_a), 3)
        if row_a[x : x + 3] != row_b[x : x + 3]
    )
    return changed / (len(a) * len(a[0]) // 3)


# Whether a canvas point lies on land, by the browser's own geometry: the outlines the page
# draws, as one even-odd path, tested at the point and on a circle of `radius` px round it.
ON_LAND = """(([x, y, radius]) => {
  const land = new Path2D();
  JSON.parse(document.getElementById("geokg-data").textContent).geo.outlines.forEach(ring => {
    land.moveTo(ring[0], ring[1]);
    for (let i = 2; i < ring.length; i += 2) land.lineTo(ring[i], ring[i + 1]);
    land.closePath();
  });
  const context = new OffscreenCanvas(1, 1).getContext("2d");
  for (let k = 0; k <= 16; k++) {
    const r = k === 0 ? 0 : radius, a = (2 * Math.PI * k) / 16;
    if (context.isPointInPath(land, x + r * Math.cos(a), y + r * Math.sin(a), "evenodd")) {
      return true;
    }
  }
  return false;
})"""


def regional_statements() -> list[Statement]:
    """Europe and the Middle East only, with organisations: the usual map of a news desk."""
    return [
        make_statement(EU, SANCTIONS, RUS),
        make_statement(EU, SANCTIONS, IRN),
        make_statement(UN, CRITICIZES, RUS),
        make_statement(IRN, AID, RUS),
        make_statement(RUS, CRITICIZES, FRA),
        make_statement(PUTIN, CRITICIZES, UKR),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("statements", [geo_statements, regional_statements])
def test_geo_map_fits_organisations_in_a_tight_view_off_land(
    tmp_path: Path, statements: Callable[[], list[Statement]]
) -> None:
    """Organisations (no territory) sit at sea next to the mapped actors, not under the
    whole world: "fit to view" shows the actors about as large as it would without them."""
    graph = to_networkx(statements(), gazetteer=GEO_GAZETTEER)
    placed = compute_positions(graph, layout="geo", gazetteer=GEO_GAZETTEER)
    unmapped = [n for n, d in graph.nodes(data=True) if not d.get("country") and not d.get("iso3")]
    assert {"eu", "un"} <= set(unmapped)
    mapped = graph.subgraph([n for n in graph if n not in unmapped]).copy()
    (tmp_path / "all.html").write_text(
        render_html(graph, layout="geo", gazetteer=GEO_GAZETTEER), encoding="utf-8"
    )
    (tmp_path / "mapped.html").write_text(
        render_html(mapped, layout="geo", gazetteer=GEO_GAZETTEER), encoding="utf-8"
    )
    with Browser(tmp_path) as browser:
        page = open_ready(browser, tmp_path / "all.html")
        assert page.errors() == []
        scale = page.evaluate("window.geokgNetwork.network.getScale()")
        drawn = page.evaluate("window.geokgNetwork.network.getPositions()")
        on_land = {
            node: page.evaluate(f"{ON_LAND}({json.dumps([*placed[node], NODE_MAX_SIZE])})")
            for node in unmapped
        }
        assert page.evaluate(f"{ON_LAND}({json.dumps([*label_point('RUS'), 0])})")  # the probe
        alone = open_ready(browser, tmp_path / "mapped.html")
        scale_alone = alone.evaluate("window.geokgNetwork.network.getScale()")
    # the fitted view zooms out at most a little for the organisations
    assert scale >= 0.75 * scale_alone, (scale, scale_alone)
    # on the map as drawn, no organisation (nor Wagner, placed with them) is on land ...
    assert not any(on_land.values()), on_land
    # ... nor near another actor, and they keep one row in alphabetical order
    for node in unmapped:
        x, y = drawn[node]["x"], drawn[node]["y"]
        nearest = min(
            abs(complex(x - other["x"], y - other["y"]))
            for other_id, other in drawn.items()
            if other_id != node
        )
        assert nearest >= MARGIN_GAP - 1, node
    # in alphabetical order, read as text is (rows from the top, each from the left)
    alphabetical = sorted(unmapped, key=lambda n: str(graph.nodes[n]["label"]).casefold())
    assert sorted(unmapped, key=lambda n: (placed[n][1], placed[n][0])) == alphabetical


@pytest.mark.slow
def test_map_date_filter_keeps_a_relation_that_an_undated_source_also_reports(
    tmp_path: Path,
) -> None:
    """Issue 11 (5): an undated source counts but must not hide a relation that a dated
    source in the window reports; a relation only undated sources report is in no window."""
    dated = make_statement(FRA, CRITICIZES, RUS, first=date(2024, 4, 2))
    undated = make_statement(FRA, CRITICIZES, RUS, first=None)
    both = replace(dated, sources=2, mentions=dated.mentions + undated.mentions)
    january = make_statement(IRN, AID, RUS, first=date(2024, 1, 10))
    june = make_statement(IRN, AID, RUS, first=date(2024, 6, 20))
    statements = [
        both,
        make_statement(UKR, MEETS, FRA, first=None),  # undated only
        make_statement(USA, AID, UKR, first=date(2024, 1, 10)),
        # reported in January and June, by no source in March-April: not in that window,
        # although its first..last seen period spans it (geokg's one date window)
        replace(
            january, sources=2, last_seen=june.first_seen, mentions=january.mentions + june.mentions
        ),
    ]
    path = tmp_path / "undated.html"
    write_html(to_networkx(statements), path)
    with Browser(tmp_path) as browser:
        page = open_ready(browser, path)
        assert counts(page)["edges"] == 4
        set_date(page, "geokg-since", "2024-03-01")
        set_date(page, "geokg-until", "2024-04-30")
        assert counts(page)["edges"] == 1
        set_date(page, "geokg-until", "")
        set_date(page, "geokg-since", "2024-01-01")
        assert counts(page)["edges"] == 3  # the undated-only meeting stays out

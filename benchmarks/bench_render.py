"""Time the HTML network map at scale (run on demand: ``python benchmarks/bench_render.py``).

Builds synthetic graphs of 200 actors / 600 relations and 5,000 actors / 15,000 relations
(heavy-tailed degrees, like news), then times, in the same run:

* layout: geokg's numpy force layout vs ``networkx.spring_layout`` (on 450 actors: above
  500 nodes networkx needs scipy, which geokg does not depend on);
* HTML generation in Python (layout included);
* time to interactive in headless Chromium: from navigation until the page sets
  ``document.body.dataset.ready`` (drawn, physics stopped, handlers attached).

Options: ``--sizes 200:600,5000:15000`` and ``--no-browser``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

import networkx as nx
import numpy as np

from geokg.model import Actor, ActorType, QuadClass, Relation, Statement
from geokg.network import to_networkx
from geokg.render import compute_positions, render_html
from geokg.testing import make_statement

RELATIONS = [
    Relation(
        "suppliesMilitaryAidTo",
        "supplies military aid to",
        "0712",
        "AID",
        QuadClass.MATERIAL_COOPERATION,
        8.3,
    ),
    Relation(
        "imposesSanctionsOn",
        "imposes sanctions on",
        "163",
        "SANCTION",
        QuadClass.MATERIAL_CONFLICT,
        -8.0,
    ),
    Relation(
        "meetsWith",
        "meets with",
        "043",
        "CONSULT",
        QuadClass.VERBAL_COOPERATION,
        2.8,
        symmetric=True,
    ),
    Relation("criticizes", "criticizes", "111", "DISAPPROVE", QuadClass.VERBAL_CONFLICT, -2.0),
    Relation("attacks", "attacks", "190", "ASSAULT", QuadClass.MATERIAL_CONFLICT, -10.0),
]
TYPES = list(ActorType)
T = TypeVar("T")


def synthetic_statements(actors: int, relations: int, *, seed: int = 0) -> list[Statement]:
    """Statements over a preferential-attachment graph (a few hubs, many small actors),
    built like the render tests' (:func:`geokg.testing.make_statement`: one mention per
    source, as the store returns them)."""
    rng = np.random.default_rng(seed)
    skeleton = nx.barabasi_albert_graph(actors, max(1, relations // actors), seed=seed)
    pairs = list(skeleton.edges())
    while len(pairs) < relations:
        a, b = (int(x) for x in rng.integers(0, actors, 2))
        if a != b:
            pairs.append((a, b))
    people = [
        Actor(f"a{i}", f"Actor {i}", TYPES[i % len(TYPES)] if i > 50 else ActorType.STATE)
        for i in range(actors)
    ]
    start = date(2020, 1, 1)
    statements = []
    for number, (a, b) in enumerate(pairs[:relations]):
        relation = RELATIONS[number % len(RELATIONS)]
        seen = start + timedelta(days=int(rng.integers(0, 1500)))
        statements.append(
            make_statement(
                people[a],
                relation,
                people[b],
                number=number,
                negated=number % 17 == 0,
                sources=int(rng.integers(1, 6)),
                first=seen,
                last=seen + timedelta(days=int(rng.integers(0, 60))),
                title=f"Report {number}",
                url=f"https://news.example/{number}",
                confidence=0.8,
            )
        )
    return statements


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def time_to_interactive(html_path: Path, workdir: Path) -> tuple[float, dict[str, int]]:
    # The tests' headless-Chromium helper, loaded from its file (tests/ is not a package).
    helper = Path(__file__).resolve().parents[1] / "tests" / "browser.py"
    spec = importlib.util.spec_from_file_location("geokg_test_browser", helper)
    assert spec is not None and spec.loader is not None
    browser_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(browser_module)
    with browser_module.Browser(workdir, timeout=300) as browser:
        start = time.monotonic()
        page = browser.open(html_path)
        page.wait_for("document.body.dataset.ready === '1'", timeout=300)
        elapsed = time.monotonic() - start
        counts: dict[str, int] = page.evaluate("window.geokgNetwork.counts()")
    return elapsed, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200:600,5000:15000")
    parser.add_argument("--no-browser", action="store_true")
    options = parser.parse_args()
    sizes = [(int(s.split(":")[0]), int(s.split(":")[1])) for s in options.sizes.split(",")]
    print(
        f"machine: {platform.platform()}, nproc={os.cpu_count()}, "
        f"python {platform.python_version()}, numpy {np.__version__}"
    )

    small = to_networkx(synthetic_statements(450, 1350))
    _, spring = timed(lambda: nx.spring_layout(small, seed=0))
    _, ours_small = timed(lambda: compute_positions(small))
    print(
        f"layout 450/1350: nx.spring_layout {spring:.2f}s, geokg {ours_small:.2f}s "
        f"({spring / ours_small:.1f}x faster)"
    )

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for actors, relations in sizes:
            graph = to_networkx(synthetic_statements(actors, relations))
            _, layout_time = timed(partial(compute_positions, graph))
            page, html_time = timed(partial(render_html, graph, title="benchmark"))
            path = workdir / f"map-{actors}.html"
            path.write_text(page, encoding="utf-8")
            line = (
                f"{actors}/{relations}: layout {layout_time:.2f}s, html {html_time:.2f}s "
                f"(incl. layout), {len(page) / 1e6:.1f} MB"
            )
            tti = None
            if not options.no_browser:
                tti, counts = time_to_interactive(path, workdir)
                line += f", time to interactive {tti:.2f}s, drawn {counts}"
            results[(actors, relations)] = (html_time, tti)
            print(line, flush=True)
            # The geo layout: outlines inlined, actors placed (synthetic ones have no
            # coordinates, so they all take the margin row: the worst case for it).
            geo, geo_time = timed(partial(render_html, graph, layout="geo"))
            (workdir / f"geo-{actors}.html").write_text(geo, encoding="utf-8")
            line = f"  geo layout: html {geo_time:.2f}s, {len(geo) / 1e6:.1f} MB"
            if not options.no_browser:
                geo_tti, _ = time_to_interactive(workdir / f"geo-{actors}.html", workdir)
                line += f", time to interactive {geo_tti:.2f}s"
            print(line, flush=True)
    if len(sizes) > 1:
        base, top = results[sizes[0]], results[sizes[-1]]
        print(f"ratios {sizes[-1]} vs {sizes[0]}: html {top[0] / base[0]:.1f}x", end="")
        if base[1] and top[1]:
            print(f", time to interactive {top[1] / base[1]:.1f}x", end="")
        print(f" (size {sizes[-1][0] / sizes[0][0]:.0f}x)")


if __name__ == "__main__":
    main()

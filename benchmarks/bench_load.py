"""Start-up cost of the packaged data (run on demand: ``python benchmarks/bench_load.py``).

Every geokg command loads the ontology and most load the gazetteer, so both must stay cheap.
These used to be timed unit tests (``< 0.5 s``, ``< 0.25 s``, ``< 50 ms``), which fail on a
busy machine and say nothing on a fast one; here each is a ratio against a baseline measured
in the same run, on the same bytes:

* ontology: ``Ontology.load()`` against parsing its Turtle with pyoxigraph alone (the
  registry's own work on top of the parse);
* gazetteer: ``Gazetteer.load()`` plus one lookup against ``json.loads`` of the same files
  (building the indexes, historical leaders included, on top of the parse);
* typo-tolerant lookup: ``Gazetteer.variant`` against ``Gazetteer.lookup`` on the same 200
  unknown words, new ones in every run (variants are memoised; an unknown word is the
  costly case: every known name within reach is compared).

Each figure is the best of ``--repeat`` runs (default 5). The briefs' absolute targets were
50 ms (ontology) and 100 ms (gazetteer) on the development machine; they are printed for
reference, not checked.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from importlib import resources

import pyoxigraph

from geokg.actors.gazetteer import DATA_FILES, Gazetteer
from geokg.ontology import Ontology, ontology_text


def best(work: Callable[[int], object], repeat: int) -> float:
    """The fastest of *repeat* runs of *work* (given the run's number), in seconds."""
    timings = []
    for run in range(repeat):
        started = time.perf_counter()
        work(run)
        timings.append(time.perf_counter() - started)
    return min(timings)


def unknown_words(run: int) -> list[str]:
    return [f"Xyzzyland{run}x{i}" for i in range(200)]


def load_ontology(run: int) -> None:
    Ontology.load()


def parse_ontology(run: int) -> None:
    list(pyoxigraph.parse(ontology_text(), format=pyoxigraph.RdfFormat.TURTLE))


def parse_actor_files(run: int) -> None:
    folder = resources.files("geokg") / "data" / "actors"
    for name in DATA_FILES:
        json.loads((folder / name).read_text(encoding="utf-8"))


def load_gazetteer(run: int) -> None:
    Gazetteer.load().resolve("Iran")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    gazetteer = Gazetteer.load()
    gazetteer.variant("Afganistan")  # builds the indexes variants use, once

    def variants(run: int) -> None:
        for word in unknown_words(run):
            gazetteer.variant(word)

    def lookups(run: int) -> None:
        for word in unknown_words(run):
            gazetteer.lookup(word)

    rows = [
        ("Ontology.load()", load_ontology, "pyoxigraph parse of its Turtle", parse_ontology),
        ("Gazetteer.load()+resolve", load_gazetteer, "json.loads of its files", parse_actor_files),
        ("200 x Gazetteer.variant", variants, "200 x Gazetteer.lookup", lookups),
    ]
    print(f"{'measure':<30} {'ms':>8}  {'baseline':<32} {'ms':>8}  ratio")
    for label, work, baseline_label, baseline in rows:
        measured, base = best(work, repeat), best(baseline, repeat)
        print(
            f"{label:<30} {measured * 1000:8.1f}  {baseline_label:<32} {base * 1000:8.1f}"
            f"  {measured / base:5.1f}x"
        )


if __name__ == "__main__":
    main()

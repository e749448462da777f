"""Peak memory and time of ``geokg validate`` at two store sizes (run on demand)::

    .venv/bin/python benchmarks/bench_validate.py                   # 5,000 and 20,000 facts
    .venv/bin/python benchmarks/bench_validate.py --sizes 20000,80000

Each size is a store of the synthetic facts of ``bench_store.py`` (bulk-loaded, derived
statement values included). Two validators run on it, each in a fresh process whose peak
resident memory the operating system reports (``wait4``):

* ``whole``: the store copied into one rdflib graph and validated at once (geokg before
  ``validate_store``; 7.2 GB and 156 s on 3 million triples);
* ``batched``: :func:`geokg.validate.validate_store`, focus nodes a batch at a time.

Stores are built in child processes too: Linux reports a child's peak including the memory
of the parent it was forked from, so the parent stays small.

Memory should grow with the store for ``whole`` and stay flat for ``batched``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VALIDATORS = {
    "whole": "from geokg.validate import validate; r = validate(kg.graph)",
    "batched": "from geokg.validate import validate_store; r = validate_store(kg)",
}
BUILDER = """
import sys
from bench_store import nquads_of
from geokg.store import KnowledgeGraph, RdfFormat
with KnowledgeGraph(sys.argv[1], vocabulary=False) as kg:
    kg.load(nquads_of(int(sys.argv[2])), format=RdfFormat.NQUADS)
    print(kg.stats()["triples"])
"""
RUNNER = """
import sys
from geokg.store import KnowledgeGraph
kg = KnowledgeGraph(sys.argv[1], read_only=True)
{validator}
print(len(r.violations))
"""


def measure(store: Path, validator: str) -> tuple[float, float, str]:
    """Seconds, peak resident MB and output of one validation in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER.format(validator=validator), str(store)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read().strip()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"validation failed with exit status {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,20000", help="fact counts, comma-separated")
    args = parser.parse_args()
    print(f"{'facts':>8} {'triples':>9} {'validator':>9} {'seconds':>8} {'peak MB':>8} violations")
    with tempfile.TemporaryDirectory() as work:
        for size in (int(s) for s in args.sizes.split(",")):
            store = Path(work) / f"store-{size}"
            triples = subprocess.run(
                [sys.executable, "-c", BUILDER, str(store), str(size)],
                cwd=Path(__file__).parent,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            for name, validator in VALIDATORS.items():
                seconds, peak, violations = measure(store, validator)
                print(f"{size:>8} {triples:>9} {name:>9} {seconds:>8.1f} {peak:>8.0f} {violations}")


if __name__ == "__main__":
    main()

"""Canonical dump of every fact the extractor finds on the development sets.

Used to show that a refactoring leaves extraction output unchanged: run it before and after,
then ``diff -r`` the two output folders (one sorted file per corpus)::

    .venv/bin/python benchmarks/golden_dump.py /tmp/golden-before
    .venv/bin/python benchmarks/golden_dump.py /tmp/golden-after
    diff -r /tmp/golden-before /tmp/golden-after

Corpora (paths relative to the repository; ``../shared`` is the shared evaluation data):
the seed article ``../shared/eval/articles``, ``../shared/eval/news_dev/articles`` (never
the blind set), the sentences of ``../shared/eval/plover_dev.json``, the texts of
``../shared/eval/news_pool/pool.jsonl``, ``tests/articles``, ``data/articles`` and the
sentences of ``tests/plover_heldout*.json``. A corpus whose files are missing is skipped
with a line on stderr. Each line of a dump is one fact: document id, subject and object
IRIs, relation IRI, negated, asserted_by IRI, confidence rounded to 3 places, attributes
and evidence offsets, as sorted JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from geokg import Extractor
from geokg.model import Document, Fact

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"


def _published_by_file(gold: Path) -> dict[str, date | None]:
    if not gold.is_file():
        return {}
    found: dict[str, date | None] = {}
    for entry in json.loads(gold.read_text(encoding="utf-8")):
        value = entry.get("published")
        found[entry["file"]] = date.fromisoformat(value) if value else None
    return found


def _articles(folder: Path, gold: Path) -> Iterator[Document]:
    published = _published_by_file(gold)
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        yield Document(path.stem, published=published.get(path.name), text=text)


def _sentences(path: Path) -> Iterator[Document]:
    records = json.loads(path.read_text(encoding="utf-8"))["records"]
    for number, record in enumerate(records):
        yield Document(f"{number:04d}-{record['id']}", text=record["text"])


def _pool(path: Path) -> Iterator[Document]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            value = record.get("published")
            yield Document(
                record["id"],
                record.get("title"),
                record.get("url"),
                date.fromisoformat(value) if value else None,
                record["text"],
            )


def corpora() -> dict[str, tuple[Path, Iterator[Document]]]:
    """Corpus name -> (a path that must exist, its documents)."""
    found: dict[str, tuple[Path, Iterator[Document]]] = {
        "seed": (SHARED / "articles", _articles(SHARED / "articles", SHARED / "gold.json")),
        "news_dev": (
            SHARED / "news_dev" / "articles",
            _articles(SHARED / "news_dev" / "articles", SHARED / "news_dev" / "gold.json"),
        ),
        "plover_dev": (SHARED / "plover_dev.json", _sentences(SHARED / "plover_dev.json")),
        "news_pool": (SHARED / "news_pool" / "pool.jsonl", _pool(SHARED / "news_pool/pool.jsonl")),
        "tests_articles": (
            ROOT / "tests" / "articles",
            _articles(ROOT / "tests" / "articles", ROOT / "tests" / "articles" / "gold.json"),
        ),
        "data_articles": (
            ROOT / "data" / "articles",
            _articles(ROOT / "data" / "articles", ROOT / "tests" / "articles/bundled_gold.json"),
        ),
    }
    for path in sorted((ROOT / "tests").glob("plover_heldout*.json")):
        found[path.stem] = (path, _sentences(path))
    return found


def fact_line(fact: Fact) -> str:
    evidence = fact.evidence
    return json.dumps(
        {
            "document": fact.document.id,
            "subject": fact.subject.iri,
            "relation": fact.relation.iri,
            "object": fact.object.iri,
            "negated": fact.negated,
            "asserted_by": (fact.asserted_by.iri if fact.asserted_by is not None else None),
            "confidence": round(fact.confidence, 3),
            "attributes": dict(sorted(fact.attributes.items())),
            "evidence": [evidence.start, evidence.end] if evidence is not None else None,
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder for the dumps (created)")
    parser.add_argument("--only", action="append", help="corpus names to dump (default: all)")
    options = parser.parse_args(argv)
    options.output.mkdir(parents=True, exist_ok=True)
    extractor = Extractor()
    for name, (path, documents) in corpora().items():
        if options.only and name not in options.only:
            continue
        if not path.exists():
            print(f"golden_dump: skipped {name}: {path} not found", file=sys.stderr)
            continue
        lines = sorted(
            fact_line(fact) for _, facts in extractor.extract(documents) for fact in facts
        )
        (options.output / f"{name}.jsonl").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8"
        )
        print(f"{name}: {len(lines)} facts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Readers of the training annotations in ``data/training/`` (format: its ``README.md``).

Two kinds of file, JSON Lines with one record per text: ``synthetic*.jsonl`` carry their own
``text``; ``pool_*.jsonl`` name a record of the unlabeled news pool
(``../shared/eval/news_pool/pool.jsonl``) by ``id`` and point into its text with character
offsets, so the pool must be given to read them (the texts stay in ``../shared``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geokg.errors import InputError
from geokg.extract.documents import iter_jsonl_records

ROOTS = tuple(f"{n:02d}" for n in range(1, 21))


@dataclass(frozen=True, slots=True)
class AnnotatedFact:
    """One hand-coded fact: scorer keys, CAMEO root and character offsets into the text."""

    subject: str
    root: str
    object: str
    negated: bool
    optional: bool
    evidence: tuple[int, int]
    trigger: tuple[int, int] | None = None
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class TrainingText:
    """A text with its hand-coded facts (an empty tuple: a text with no fact)."""

    id: str
    text: str
    published: date | None
    facts: tuple[AnnotatedFact, ...]
    source: str


def read_training(paths: Sequence[Path], *, pool: Path | None = None) -> Iterator[TrainingText]:
    """The texts of annotation files; pool records are looked up in ``pool``.

    Raises :class:`InputError` for a malformed line, an unknown pool id, offsets outside
    the text, or pool records when no pool is given."""
    pool_texts: Mapping[str, Mapping[str, Any]] | None = None
    for path in paths:
        for number, record in _records(path):
            where = f"{path.name}:{number}"
            if "text" in record:
                text = str(record["text"])
                published = _date(record.get("published"), where)
            else:
                if pool is None:
                    raise InputError(f"{where}: a pool record needs the news pool file")
                if pool_texts is None:
                    pool_texts = read_pool(pool)
                found = pool_texts.get(str(record.get("id")))
                if found is None:
                    raise InputError(f"{where}: {record.get('id')!r} is not in {pool}")
                text = str(found["text"])
                published = _date(found.get("published"), where)
            facts = tuple(_fact(f, text, where) for f in record.get("facts", ()))
            yield TrainingText(str(record["id"]), text, published, facts, path.name)


def read_pool(path: Path) -> dict[str, Mapping[str, Any]]:
    """The news pool's records by id."""
    return {str(r["id"]): r for _, r in _records(path)}


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, record in iter_jsonl_records(path):
        if "id" not in record:
            raise InputError(f"{path.name}:{number}: a record needs an 'id'")
        yield number, record


def _date(value: Any, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise InputError(f"{where}: bad date {value!r}") from error


def _span(value: Any, text: str, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError) as error:
        raise InputError(f"{where}: bad offsets {value!r}") from error
    if not 0 <= start < end <= len(text):
        raise InputError(f"{where}: offsets {value!r} outside the text")
    return start, end


def _fact(value: Any, text: str, where: str) -> AnnotatedFact:
    try:
        root = str(value["relation"])[:2]
        if root not in ROOTS:
            raise InputError(f"{where}: unknown CAMEO root {value['relation']!r}")
        evidence = _span(value["evidence"], text, where)
        if evidence is None:
            raise InputError(f"{where}: a fact needs its evidence offsets")
        return AnnotatedFact(
            subject=str(value["subject"]),
            root=root,
            object=str(value["object"]),
            negated=bool(value.get("negated", False)),
            optional=bool(value.get("optional", False)),
            evidence=evidence,
            trigger=_span(value.get("trigger"), text, where),
            subject_span=_span(value.get("subject_span"), text, where),
            object_span=_span(value.get("object_span"), text, where),
            pattern=value.get("pattern"),
        )
    except (KeyError, TypeError) as error:
        raise InputError(f"{where}: malformed fact {value!r}") from error

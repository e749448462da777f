"""The facts format: JSON Lines, one fact per line.

geokg writes every field; people writing facts by hand may be brief: an actor may be an IRI,
a code or a name (``"subject": "Iran"``), a relation an IRI, a local name, a label or a CAMEO
code (``"relation": {"cameo": "072"}``), and everything but the document id, subject,
relation and object is optional.

>>> import json
>>> from geokg.actors import load_gazetteer
>>> from geokg.ontology import load_ontology
>>> reader = FactReader(gazetteer=load_gazetteer(), ontology=load_ontology())
>>> line = '{"document": "d1", "subject": "Iran", "relation": {"cameo": "072"}, "object": "RUS"}'
>>> fact = reader.parse_line(line, where="example:1")
>>> fact.subject.id, fact.relation.id, fact.object.label
('IRN', 'suppliesMilitaryAidTo', 'Russia')
>>> json.loads(dumps_fact(fact))["relation"]["cameo"]
'072'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from geokg.errors import GeokgError, InputError
from geokg.model import (
    ACTOR_NS,
    Actor,
    ActorType,
    Document,
    Evidence,
    Fact,
    Mention,
    Relation,
    Statement,
)
from geokg.rdf import check_fact
from geokg.userfiles import STDIN, numbered_lines, open_input

if TYPE_CHECKING:
    from geokg.actors import Gazetteer
    from geokg.ontology import Ontology


# --- writing ------------------------------------------------------------------------------


def actor_json(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.iri,
        "label": actor.label,
        "type": actor.type.value,
        "country": actor.country,
    }


def relation_json(relation: Relation) -> dict[str, Any]:
    return {
        "id": relation.iri,
        "label": relation.label,
        "cameo": relation.cameo,
        "plover": relation.plover,
        "quad_class": int(relation.quad_class),
    }


def document_json(document: Document) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
    }
    if document.author:
        record["author"] = document.author
    return record


def polarity(statement: Statement) -> str:
    """'affirmed'; 'denied' when the subject (or someone acting for it) says it did not
    happen; 'negated' otherwise."""
    if not statement.negated:
        return "affirmed"
    speaker = statement.asserted_by
    subject = statement.subject
    if speaker is not None and (
        speaker.id == subject.id or (speaker.country or speaker.id) in (subject.id, subject.country)
    ):
        return "denied"
    return "negated"


def _claim_json(claim: Fact | Statement, *, polarity: str | None = None) -> dict[str, Any]:
    """What a fact and a statement share: who did what to whom, polarity and attribution
    (``polarity`` spelled out too for statements, after ``negated``)."""
    fields: dict[str, Any] = {
        "subject": actor_json(claim.subject),
        "relation": relation_json(claim.relation),
        "object": actor_json(claim.object),
        "negated": claim.negated,
    }
    if polarity is not None:
        fields["polarity"] = polarity
    fields["asserted_by"] = actor_json(claim.asserted_by)
    return fields


def _evidence_json(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {"sentence": evidence.sentence, "start": evidence.start, "end": evidence.end}


def fact_json(fact: Fact) -> dict[str, Any]:
    """A fact in the facts format, every field filled."""
    return {
        "document": document_json(fact.document),
        **_claim_json(fact),
        "confidence": fact.confidence,
        "attributes": dict(fact.attributes),
        "evidence": _evidence_json(fact.evidence),
    }


def mention_json(mention: Mention) -> dict[str, Any]:
    """One supporting sentence of a statement: the evidence fields of :func:`fact_json`
    flattened (``None`` when absent), then the mention's confidence, attributes and
    document."""
    return {
        **(_evidence_json(mention.evidence) or dict.fromkeys(("sentence", "start", "end"))),
        "confidence": mention.confidence,
        "attributes": dict(mention.attributes),
        "document": document_json(mention.document),
    }


def statement_json(statement: Statement) -> dict[str, Any]:
    """A statement with its evidence: every sentence and the document it comes from (what
    ``geokg facts --format json`` prints). Built from the same parts as :func:`fact_json`,
    so a statement and the facts of its mentions cannot disagree."""
    return {
        "statement": statement.iri,
        **_claim_json(statement, polarity=polarity(statement)),
        "confidence": statement.confidence,
        "sources": statement.sources,
        "first_seen": statement.first_seen.isoformat() if statement.first_seen else None,
        "last_seen": statement.last_seen.isoformat() if statement.last_seen else None,
        "evidence": [mention_json(m) for m in statement.mentions],
    }


def dumps_fact(fact: Fact) -> str:
    """One JSON Lines line (without the newline)."""
    return json.dumps(fact_json(fact), ensure_ascii=False)


# --- table rows -------------------------------------------------------------------------------

#: Columns of :func:`statement_row` (``geokg facts``).
STATEMENT_COLUMNS = (
    "subject",
    "relation",
    "object",
    "polarity",
    "asserted_by",
    "sources",
    "first_seen",
    "last_seen",
)
#: Columns of :func:`fact_row` (``geokg extract --format table``).
FACT_COLUMNS = ("subject", "relation", "object", "negated", "asserted by", "confidence", "sentence")
_EXCERPT_WIDTH = 60


def actor_name(actor: Actor | None) -> str:
    """The label, with the state a person or body acts for: 'Vladimir Putin (RUS)'."""
    if actor is None:
        return ""
    if actor.country and actor.country != actor.id:
        return f"{actor.label} ({actor.country})"
    return actor.label


def statement_row(statement: Statement) -> list[object]:
    return [
        actor_name(statement.subject),
        statement.relation.label,
        actor_name(statement.object),
        polarity(statement),
        actor_name(statement.asserted_by),
        statement.sources,
        statement.first_seen,
        statement.last_seen,
    ]


def fact_row(fact: Fact) -> list[object]:
    return [
        actor_name(fact.subject),
        fact.relation.label,
        actor_name(fact.object),
        fact.negated,
        actor_name(fact.asserted_by),
        fact.confidence,
        _excerpt(fact.evidence.sentence) if fact.evidence else "",
    ]


def _excerpt(text: str, width: int = _EXCERPT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- reading ------------------------------------------------------------------------------


class FactReader:
    """Parses facts-format lines, resolving brief actor and relation references."""

    def __init__(self, *, gazetteer: Gazetteer, ontology: Ontology) -> None:
        self.gazetteer = gazetteer
        self.ontology = ontology

    def parse_line(self, line: str, *, where: str) -> Fact:
        """One fact from one line; ``where`` ("file:line 12") prefixes error messages. A
        value the store would refuse (an invalid IRI, text that is not Unicode) is an
        error here, so checking a whole file before storing it catches it."""
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{where}: invalid JSON ({error.msg} at column {error.colno})"
            ) from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
        try:
            fact = self.parse_record(record)
            check_fact(fact)  # what the store would refuse fails here, on this line
            return fact
        except GeokgError as error:
            raise InputError(f"{where}: {error}") from None
        except (TypeError, ValueError, KeyError) as error:
            raise InputError(f"{where}: invalid fact ({error})") from None

    def parse_record(self, record: dict[str, Any]) -> Fact:
        for key in ("document", "subject", "relation", "object"):
            if record.get(key) in (None, "", {}):
                raise InputError(f"missing required field {key!r}")
        document = self._document(record["document"])
        on = document.published
        return Fact(
            document=document,
            subject=self._actor(record["subject"], on=on),
            relation=self._relation(record["relation"]),
            object=self._actor(record["object"], on=on),
            negated=_boolean(record.get("negated", False), "negated"),
            asserted_by=(
                self._actor(record["asserted_by"], on=on) if record.get("asserted_by") else None
            ),
            confidence=_confidence(record.get("confidence", 1.0)),
            attributes=_attributes(record.get("attributes")),
            evidence=_evidence(record.get("evidence")),
        )

    def read(self, lines: Iterable[str], *, source: str) -> Iterator[Fact]:
        """Facts from lines, skipping blank lines; errors name ``source`` and the line."""
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield self.parse_line(line, where=f"{source}:line {number}")

    def read_stream(self, stream: IO[bytes], *, source: str) -> Iterator[Fact]:
        """Facts from a binary stream of UTF-8 JSON Lines, one line in memory at a time."""
        for number, line in numbered_lines(stream, source):
            if line.strip():
                yield self.parse_line(line, where=f"{source}:line {number}")

    def _document(self, value: Any) -> Document:
        if isinstance(value, str):
            return Document(value)
        if not isinstance(value, dict) or not value.get("id"):
            raise InputError("'document' must be an id or an object with an 'id'")
        return Document(
            id=str(value["id"]),
            title=_optional_str(value.get("title")),
            url=_optional_str(value.get("url")),
            published=_date(value.get("published")),
            author=_optional_str(value.get("author")),
        )

    def _actor(self, value: Any, *, on: date | None) -> Actor:
        if isinstance(value, str):
            return self.gazetteer.resolve(value, on=on)
        if not isinstance(value, dict):
            raise InputError("an actor must be a name, a code, an IRI or an object")
        reference = value.get("id") or value.get("code") or value.get("label")
        if not reference:
            raise InputError("an actor object needs an 'id', 'code' or 'label'")
        reference = str(reference)
        if reference.startswith(ACTOR_NS) and value.get("label") and value.get("type"):
            # A complete actor as geokg writes it: keep it as given (the country it acted
            # for was decided from the context of the sentence).
            return Actor(
                id=reference[len(ACTOR_NS) :],
                label=str(value["label"]),
                type=_actor_type(value["type"]),
                country=_optional_str(value.get("country")),
            )
        actor = self.gazetteer.resolve(reference, on=on)
        if "country" in value and value["country"] != actor.country:
            return Actor(actor.id, actor.label, actor.type, _optional_str(value["country"]))
        return actor

    def _relation(self, value: Any) -> Relation:
        if isinstance(value, str):
            return self.ontology.relation(value)
        if not isinstance(value, dict):
            raise InputError("'relation' must be a name, a CAMEO code or an object")
        reference = value.get("id") or value.get("cameo") or value.get("label")
        if not reference:
            raise InputError("a relation object needs an 'id', 'cameo' or 'label'")
        return self.ontology.relation(str(reference))


def _actor_type(value: Any) -> ActorType:
    try:
        return ActorType(str(value))
    except ValueError:
        known = ", ".join(t.value for t in ActorType)
        raise InputError(f"unknown actor type {value!r} (known: {known})") from None


def _optional_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def _boolean(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    raise InputError(f"{name!r} must be true or false, got {value!r}")


def _confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InputError(f"'confidence' must be a number between 0 and 1, got {value!r}")
    return float(value)


def _attributes(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError("'attributes' must be an object")
    return {str(k): str(v) for k, v in value.items() if v is not None}


def _evidence(value: Any) -> Evidence | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "sentence" not in value:
        raise InputError("'evidence' must be an object with a 'sentence'")
    sentence = str(value["sentence"])
    start = value.get("start", 0)
    end = value.get("end", start + len(sentence))
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        raise InputError(f"invalid evidence offsets start={start!r} end={end!r}")
    return Evidence(sentence, start, end)


# --- whole files ------------------------------------------------------------------------------


class FactsFile:
    """A facts file whose every line has been read, resolved and checked: iterate it to get
    the facts again (a second read of the same bytes; standard input is spooled).

    Use :func:`read_facts_file`; close it (or use ``with``) when done.
    """

    def __init__(self, stream: IO[bytes], *, source: str, reader: FactReader) -> None:
        self._stream = stream
        self.source = source
        self._reader = reader
        documents: set[str] = set()
        facts = 0
        for fact in reader.read_stream(stream, source=source):
            documents.add(fact.document.id)
            facts += 1
        if not facts:
            raise InputError(f"{source}: the file is empty: no facts to ingest")
        self.documents = len(documents)
        self.facts = facts

    def __iter__(self) -> Iterator[Fact]:
        self._stream.seek(0)
        return self._reader.read_stream(self._stream, source=self.source)

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> FactsFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def read_facts_file(
    source: str | os.PathLike[str], *, reader: FactReader, stdin: IO[bytes] | None = None
) -> FactsFile:
    """Check a whole facts file (``-``: standard input) before anything uses it: a bad line
    raises an :class:`InputError` naming the file and the line, and nothing is returned."""
    name = "<stdin>" if str(source) == STDIN else str(source)
    stream = open_input(source, stdin=stdin)
    try:
        return FactsFile(stream, source=name, reader=reader)
    except BaseException:
        stream.close()
        raise

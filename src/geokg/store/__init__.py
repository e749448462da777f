"""``KnowledgeGraph``: the library's entry point over a pluggable storage backend.

>>> from geokg.store import KnowledgeGraph
>>> kg = KnowledgeGraph()              # in memory; KnowledgeGraph("geokg-store") is on disk
>>> kg.query("ASK { ?s ?p ?o }").value
False
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rdflib import RDF, RDFS, URIRef

from geokg.errors import QueryError, StoreError, UnsupportedOperationError
from geokg.model import (
    ACTOR_NS,
    DEFAULT_STORE,
    ONTOLOGY_NS,
    Actor,
    ActorType,
    Document,
    Fact,
    Mention,
    Statement,
)
from geokg.rdf import (
    Triple,
    as_date,
    derived_values_update,
    document_iri,
    document_triples,
    fact_triples,
    labels_update,
    mention_iri,
    skolemized_ntriples,
    sparql_prologue,
    split_labels,
    statement_iri,
)
from geokg.store.base import (
    AskResult,
    Backend,
    Capabilities,
    GraphResult,
    QueryResult,
    RdfFormat,
    SelectResult,
    refuse_updates,
)

if TYPE_CHECKING:
    import rdflib

    from geokg.ontology import Ontology

__all__ = [
    "DEFAULT_STORE",
    "AskResult",
    "Backend",
    "Capabilities",
    "GraphResult",
    "IngestSummary",
    "KnowledgeGraph",
    "QueryResult",
    "RdfFormat",
    "SelectResult",
    "StatementFilter",
    "open_backend",
]

ONTOLOGY_IRI = "https://w3id.org/geokg/ontology"
#: Statement IRIs per VALUES block in one query.
_VALUES_CHUNK = 400


@dataclass(frozen=True, slots=True)
class IngestSummary:
    documents: int = 0
    facts: int = 0
    new_statements: int = 0
    new_mentions: int = 0

    def __add__(self, other: IngestSummary) -> IngestSummary:
        return IngestSummary(
            self.documents + other.documents,
            self.facts + other.facts,
            self.new_statements + other.new_statements,
            self.new_mentions + other.new_mentions,
        )


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """What a fact lookup selects. Relations are IRIs (already resolved)."""

    actor: str | None = None
    other: str | None = None
    relations: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    include_negated: bool = False
    min_sources: int = 1
    quad_classes: tuple[int, ...] = ()
    limit: int | None = None


def open_backend(
    location: str | os.PathLike[str] | None, *, read_only: bool = False, **options: Any
) -> Backend:
    """The backend for a location: ``None`` in memory, an ``http(s)://`` URL a remote SPARQL
    endpoint, anything else an on-disk Oxigraph directory."""
    from geokg.store.oxigraph import OxigraphBackend

    if location is None:
        return OxigraphBackend(None)
    text = str(location)
    if text.startswith(("http://", "https://")):
        from geokg.store.remote import RemoteBackend

        return RemoteBackend(text, read_only=read_only, **options)
    return OxigraphBackend(Path(text), read_only=read_only)


def _iri_list(iris: Iterable[str]) -> str:
    return " ".join(f"<{iri}>" for iri in iris)


def _triples_block(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


class KnowledgeGraph:
    """Facts with provenance in an RDF store.

    ``KnowledgeGraph(path)`` opens (or creates) an embedded Oxigraph store on disk,
    ``KnowledgeGraph()`` keeps everything in memory, and an ``http(s)://`` URL uses a remote
    SPARQL 1.1 endpoint. ``read_only=True`` opens an existing store without locking it.
    The first write also loads the ontology and the gazetteer (actors, dated memberships and
    roles) into the store, so SPARQL can use them; ``vocabulary=False`` leaves them out.
    """

    def __init__(
        self,
        location: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        backend: Backend | None = None,
        ontology: Ontology | None = None,
        vocabulary: bool = True,
        **backend_options: Any,
    ) -> None:
        self.backend = backend or open_backend(location, read_only=read_only, **backend_options)
        self._ontology = ontology
        # With vocabulary=False the store holds the facts alone (tests comparing exact
        # triples, or users who load the ontology themselves).
        self._has_vocabulary = not vocabulary

    # --- life cycle -----------------------------------------------------------------------

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    @property
    def ontology(self) -> Ontology:
        if self._ontology is None:
            from geokg.ontology import load_ontology

            self._ontology = load_ontology()
        return self._ontology

    @property
    def graph(self) -> rdflib.Graph:
        """The store as an rdflib ``Graph`` (where the backend offers one)."""
        if not self.backend.capabilities.rdflib_graph:
            raise UnsupportedOperationError(f"{self.backend.location} has no rdflib Graph view")
        return self.backend.rdflib_graph()

    # --- writing --------------------------------------------------------------------------

    def ingest(
        self,
        facts: Iterable[Fact],
        *,
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Store facts, one atomic write per document (facts are grouped by document id
        as they come; a document's facts should be consecutive).

        Each document replaces what the store held for it (see :meth:`ingest_document`);
        a document whose facts come back later in the same call is added to, not replaced.
        ``progress`` is called with what each write stored (a document written again
        counts no new document).
        """
        summary = IngestSummary()
        seen: set[str] = set()
        batch: list[Fact] = []
        for fact in facts:
            if batch and fact.document.id != batch[0].document.id:
                summary += self._ingest_batch(batch, seen, progress)
                batch = []
            batch.append(fact)
        if batch:
            summary += self._ingest_batch(batch, seen, progress)
        return summary

    def _ingest_batch(
        self,
        batch: Sequence[Fact],
        seen: set[str],
        progress: Callable[[IngestSummary], None] | None,
    ) -> IngestSummary:
        document = batch[0].document
        first_time = document.id not in seen
        seen.add(document.id)
        stored = self.ingest_document(document, batch, replace=first_time)
        if not first_time:
            stored = replace(stored, documents=0)
        if progress is not None:
            progress(stored)
        return stored

    def ingest_documents(
        self,
        extracted: Iterable[tuple[Document, Sequence[Fact]]],
        *,
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Store what :meth:`geokg.extract.Extractor.extract` yields, document by document;
        ``progress`` is called with what each document stored."""
        summary = IngestSummary()
        for document, facts in extracted:
            stored = self.ingest_document(document, facts)
            summary += stored
            if progress is not None:
                progress(stored)
        return summary

    def ingest_document(
        self, document: Document, facts: Sequence[Fact], *, replace: bool = True
    ) -> IngestSummary:
        """Store one document and its facts in a single atomic update; idempotent.

        A document already in the store (same id) is replaced: its earlier mentions and
        its title, URL and date are removed, statements left without any mention are removed
        (with their direct triple unless another affirmed statement still supports it), and
        the source counts of the others are recomputed, all in the same update as the insert.
        ``replace=False`` adds the facts to what the store holds for the document instead.
        """
        facts = [f for f in facts if f.document.id == document.id]
        triples: list[Triple] = list(document_triples(document.without_text()))
        for fact in facts:
            triples += fact_triples(fact)
        triples, labels = split_labels(triples)
        return self._write(
            [document_iri(document.id)],
            _triples_block(dict.fromkeys(triples)),
            labels=labels,
            statements=sorted({statement_iri(f) for f in facts}),
            mentions=sorted({mention_iri(f) for f in facts}),
            replace=replace,
            facts=len(facts),
        )

    def ingest_rdf(self, data: IO[bytes] | bytes) -> IngestSummary:
        """Store documents and their facts written as N-Triples without derived values (as
        :func:`geokg.distributed.write_shard` writes them), in one atomic update.

        Each document in the data replaces what the store held for it, exactly as
        :meth:`ingest_document` does, and the derived values are computed in the same
        update: the store ends as if the documents had been ingested one by one.
        """
        import pyoxigraph as ox

        documents: set[str] = set()
        statements: set[str] = set()
        mentions: set[str] = set()
        kinds = {
            ox.NamedNode(ONTOLOGY_NS + "Document"): documents,
            ox.NamedNode(ONTOLOGY_NS + "Statement"): statements,
            ox.NamedNode(ONTOLOGY_NS + "Mention"): mentions,
        }
        rdf_type = ox.NamedNode(str(RDF.type))
        label = ox.NamedNode(str(RDFS.label))
        lines: list[str] = []
        labels: list[tuple[str, str]] = []
        stream = io.BytesIO(data) if isinstance(data, bytes) else data
        try:
            for quad in ox.parse(stream, format=ox.RdfFormat.N_TRIPLES):
                subject, predicate, obj = quad.subject, quad.predicate, quad.object
                if predicate == label and str(subject).startswith("<" + ACTOR_NS):
                    labels.append((str(subject), str(obj)))
                    continue
                lines.append(f"{subject} {predicate} {obj} .")
                if predicate == rdf_type and obj in kinds:
                    kinds[obj].add(subject.value)
        except SyntaxError as error:
            raise StoreError(f"invalid N-Triples, nothing was stored: {error}") from None
        if not documents:
            return IngestSummary()
        return self._write(
            [URIRef(d) for d in sorted(documents)],
            "\n".join(lines),
            labels=labels,
            statements=[URIRef(s) for s in sorted(statements)],
            mentions=[URIRef(m) for m in sorted(mentions)],
            replace=True,
        )

    def _write(
        self,
        documents: Sequence[URIRef],
        block: str,
        *,
        labels: Sequence[tuple[str, str]],
        statements: Sequence[URIRef],
        mentions: Sequence[URIRef],
        replace: bool,
        facts: int | None = None,
    ) -> IngestSummary:
        """One atomic update storing ``block`` (triples in SPARQL syntax) for
        ``documents``, replacing what the store held for them unless ``replace`` is false,
        and the actors' ``labels`` (one label per actor, others alternative labels);
        ``facts`` counts the facts (default: one per mention)."""
        self.ensure_vocabulary()
        existing = self._existing([*statements, *mentions])
        if replace:
            update = _replace_documents_update(documents, block, statements, mentions)
        else:
            update = f"INSERT DATA {{\n{block}\n}}"
            if statements:
                update += " ;\n" + _refresh_statements_update(statements)
        if labels:
            update += " ;\n" + labels_update(labels)
        self.backend.update(sparql_prologue() + update)
        return IngestSummary(
            documents=len(documents),
            facts=len(mentions) if facts is None else facts,
            new_statements=sum(1 for s in statements if str(s) not in existing),
            new_mentions=sum(1 for m in mentions if str(m) not in existing),
        )

    def ensure_vocabulary(self) -> None:
        """Load the ontology and the gazetteer into the store once, so SPARQL can use
        relation labels, CAMEO codes and quad classes (``?p geokg:cameoCode "072"``) and
        join facts with standing relations (``?state geokg:memberOf actor:nato``)."""
        if self._has_vocabulary:
            return
        probe = f"ASK {{ <{ONTOLOGY_IRI}> a <http://www.w3.org/2002/07/owl#Ontology> }}"
        present = self.backend.query(probe)
        if not (isinstance(present, AskResult) and present.value):
            from geokg.actors import load_gazetteer
            from geokg.actors.rdf import gazetteer_ntriples

            actors = gazetteer_ntriples(load_gazetteer()).encode()
            self.backend.load(io.BytesIO(actors), format=RdfFormat.NTRIPLES)
            # The ontology last: its presence marks the vocabulary as loaded. Its blank
            # nodes get stable IRIs, so importing the store's own export adds nothing.
            ontology = skolemized_ntriples(self.ontology.text())
            self.backend.load(io.BytesIO(ontology), format=RdfFormat.NTRIPLES)
        self._has_vocabulary = True

    def _existing(self, nodes: Sequence[URIRef]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(nodes), _VALUES_CHUNK):
            chunk = _iri_list(map(str, nodes[start : start + _VALUES_CHUNK]))
            result = self.backend.query(
                f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {chunk} }} ?x a ?t }}"
            )
            assert isinstance(result, SelectResult)
            found.update(x for row in result.values() if (x := row["x"]))
        return found

    def load(self, data: IO[bytes] | bytes, *, format: RdfFormat) -> None:
        """Bulk-load RDF (for example a ``geokg export``) with the backend's native loader."""
        stream = io.BytesIO(data) if isinstance(data, bytes) else data
        self.backend.load(stream, format=format)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (prefixes predeclared)."""
        self.backend.update(sparql_prologue() + sparql)

    def refresh_statements(self, statements: Sequence[str] | None = None) -> None:
        """Recompute source count, confidence and first/last dates of statements (all of them
        when ``None``) from their mentions: needed after bulk-loading RDF written in parts,
        such as the shards of :func:`geokg.distributed.extract_to_shards`."""
        if statements is None:
            self.backend.update(sparql_prologue() + _refresh_statements_update(None))
            return
        for start in range(0, len(statements), 500):
            chunk = [URIRef(s) for s in statements[start : start + 500]]
            self.backend.update(sparql_prologue() + _refresh_statements_update(chunk))

    # --- reading --------------------------------------------------------------------------

    def query(
        self, sparql: str, *, max_rows: int | None = None, timeout: float | None = None
    ) -> QueryResult:
        """Run a read-only SPARQL query with the geokg prefixes predeclared. A SELECT
        returns at most ``max_rows`` rows (``truncated`` tells); ``timeout`` bounds a remote
        request. For a query bounded in time and stoppable by Ctrl-C, and refusing
        ``SERVICE``, use :func:`geokg.query_limits.run_query`."""
        refuse_updates(sparql)
        prologue = sparql_prologue()
        try:
            return self.backend.query(prologue + sparql, max_rows=max_rows, timeout=timeout)
        except QueryError as error:
            # Report positions in the user's text, not in the prefixed query we ran.
            raise QueryError(_shift_line_numbers(str(error), prologue.count("\n"))) from None

    def ask(self, sparql: str) -> bool:
        result = self.query(sparql)
        if not isinstance(result, AskResult):
            raise StoreError("expected an ASK query")
        return result.value

    def export(self, output: IO[bytes], *, format: RdfFormat = RdfFormat.NQUADS) -> None:
        """Write the whole store; JSON-LD gets geokg's prefixes as its ``@context``."""
        if format is not RdfFormat.JSONLD:
            self.backend.dump(output, format=format)
            return
        from geokg.jsonld import compact_stream

        with tempfile.TemporaryFile() as expanded:
            self.backend.dump(expanded, format=format)
            expanded.seek(0)
            compact_stream(expanded, output)

    def statements(self, selection: StatementFilter | None = None) -> list[Statement]:
        """Statements matching a filter, most-cited first, each with its mentions.

        The date window (``since``/``until``) is :meth:`Statement.reported_between`, applied
        to the statements with their mentions, so that every command uses one definition.
        """
        selection = self._with_quad_classes(selection or StatementFilter())
        windowed = selection.since is not None or selection.until is not None
        query_selection = replace(selection, limit=None) if windowed else selection
        candidates = self._statements_involving(selection)
        if candidates is not None and not candidates:
            return []
        if candidates is None or len(candidates) <= _VALUES_CHUNK:
            result = self.backend.query(_statements_query(query_selection, candidates))
            assert isinstance(result, SelectResult)
            rows = result.values()
        else:
            rows = self._chunked_statement_rows(query_selection, candidates)
        # One row per statement, even in a store written before actors kept one label
        # (an actor with two labels or types gave each of its statements two rows).
        first_rows: dict[str | None, dict[str, str | None]] = {}
        for row in rows:
            first_rows.setdefault(row["st"], row)
        rows = list(first_rows.values())
        mentions = self._mentions([r["st"] for r in rows if r["st"]])
        found = [self._statement(row, mentions.get(row["st"] or "", ())) for row in rows]
        if windowed:
            found = [s for s in found if s.reported_between(selection.since, selection.until)]
        return found[: selection.limit] if selection.limit else found

    def _chunked_statement_rows(
        self, selection: StatementFilter, candidates: Sequence[str]
    ) -> list[dict[str, str | None]]:
        """The statement query over many candidates, a chunk at a time: Oxigraph's cost for
        one long VALUES block grows faster than its length. Sorted and limited here, in the
        query's own order (most sources, latest, then by IRIs)."""
        unlimited = replace(selection, limit=None)
        rows: list[dict[str, str | None]] = []
        for start in range(0, len(candidates), _VALUES_CHUNK):
            chunk = candidates[start : start + _VALUES_CHUNK]
            result = self.backend.query(_statements_query(unlimited, chunk))
            assert isinstance(result, SelectResult)
            rows += result.values()
        rows.sort(key=lambda r: tuple(r.get(k) or "" for k in ("s", "p", "o", "neg", "a")))
        rows.sort(key=lambda r: r.get("last") or "", reverse=True)
        rows.sort(key=lambda r: int(r.get("n") or 0), reverse=True)
        return rows[: selection.limit] if selection.limit else rows

    def _statements_involving(self, selection: StatementFilter) -> list[str] | None:
        """Statements involving the selected actor(s), found through the store's indexes
        first: a filter over every statement would grow with the graph; this does not."""
        if not selection.actor and not selection.other:
            return None
        found: set[str] | None = None
        for actor in (selection.actor, selection.other):
            if actor:
                result = self.backend.query(sparql_prologue() + _INVOLVING_QUERY % ((actor,) * 4))
                assert isinstance(result, SelectResult)
                these = {st for row in result.values() if (st := row["st"])}
                found = these if found is None else found & these
        return sorted(found or ())

    def lookup(
        self,
        actor: str,
        *,
        relations: Sequence[str] = (),
        other: str | None = None,
        since: date | None = None,
        until: date | None = None,
        include_negated: bool = False,
        min_sources: int = 1,
        limit: int | None = None,
    ) -> list[Statement]:
        """Statements involving an actor given by name, alias, demonym or code; relations by
        name, label, CAMEO code or root ("07" selects every aid relation)."""
        from geokg.actors import load_gazetteer

        gazetteer = load_gazetteer()
        selection = StatementFilter(
            actor=gazetteer.resolve(actor).iri,
            other=gazetteer.resolve(other).iri if other else None,
            relations=self.relation_iris(relations),
            since=since,
            until=until,
            include_negated=include_negated,
            min_sources=min_sources,
            limit=limit,
        )
        return self.statements(selection)

    def relation_iris(self, references: Sequence[str]) -> tuple[str, ...]:
        """IRIs of the relations named (name, label, IRI or CAMEO code); a two-digit CAMEO
        root names all of its relations. Unknown references raise with suggestions."""
        iris: list[str] = []
        for family in self.relation_families(references):
            if _is_cameo_root(family):
                iris += [r.iri for r in self.ontology.in_root(family)]
            else:
                iris.append(ONTOLOGY_NS + family)
        return tuple(dict.fromkeys(iris))

    def relation_families(self, references: Sequence[str]) -> tuple[str, ...]:
        """The same references as :meth:`relation_iris` resolves them, in the short form
        that :func:`geokg.network.matches_relation` reads and messages show: a CAMEO root
        as itself (``"19"``), any other reference as its relation's local name."""
        families: list[str] = []
        for reference in references:
            text = reference.strip()
            if _is_cameo_root(text):
                self.ontology.in_root(text)  # an unknown root raises here
                families.append(text)
            else:
                families.append(self.ontology.relation(text).id)
        return tuple(dict.fromkeys(families))

    def facts(self, selection: StatementFilter | None = None) -> Iterator[Fact]:
        """Every mention of the selected statements as a :class:`Fact`."""
        for statement in self.statements(selection):
            for mention in statement.mentions:
                yield Fact(
                    document=mention.document,
                    subject=statement.subject,
                    relation=statement.relation,
                    object=statement.object,
                    negated=statement.negated,
                    asserted_by=statement.asserted_by,
                    confidence=mention.confidence,
                    attributes=mention.attributes,
                    evidence=mention.evidence,
                )

    def _with_quad_classes(self, selection: StatementFilter) -> StatementFilter:
        """Turn a quad-class filter into the relations of those classes."""
        if not selection.quad_classes:
            return selection
        wanted = {
            r.iri
            for r in self.ontology.relations.values()
            if r.quad_class in selection.quad_classes
        }
        relations = tuple(
            sorted(wanted & set(selection.relations) if selection.relations else wanted)
        )
        return replace(
            selection, relations=relations or ("urn:geokg:no-relation",), quad_classes=()
        )

    def _statement(self, row: dict[str, str | None], mentions: Sequence[Mention]) -> Statement:
        def actor(prefix: str) -> Actor | None:
            iri = row.get(prefix)
            if not iri:
                return None
            kind = (row.get(prefix + "type") or "").removeprefix(ONTOLOGY_NS)
            country = row.get(prefix + "c")
            return Actor(
                id=iri.removeprefix(ACTOR_NS),
                label=row.get(prefix + "l") or iri.removeprefix(ACTOR_NS),
                type=ActorType(kind) if kind in ActorType._value2member_map_ else ActorType.STATE,
                country=country.removeprefix(ACTOR_NS) if country else None,
            )

        subject, obj = actor("s"), actor("o")
        assert subject is not None and obj is not None
        return Statement(
            iri=row["st"] or "",
            subject=subject,
            relation=self.ontology.relation(row["p"] or ""),
            object=obj,
            negated=row["neg"] == "true",
            asserted_by=actor("a"),
            confidence=float(row["conf"] or 0),
            sources=int(row["n"] or 0),
            first_seen=as_date(row.get("first")),
            last_seen=as_date(row.get("last")),
            mentions=tuple(mentions),
        )

    def _mentions(self, statements: Sequence[str]) -> dict[str, tuple[Mention, ...]]:
        found: dict[str, list[Mention]] = {}
        for start in range(0, len(statements), 500):
            chunk = statements[start : start + 500]
            result = self.backend.query(sparql_prologue() + _MENTIONS_QUERY % _iri_list(chunk))
            assert isinstance(result, SelectResult)
            for row in result.values():
                found.setdefault(row["st"] or "", []).append(_mention(row))
        return {k: tuple(sorted(v, key=_mention_order)) for k, v in found.items()}

    def stats(self) -> dict[str, int]:
        """Counts of triples, statements, mentions, documents and actors."""
        result = self.backend.query(sparql_prologue() + _STATS_QUERY)
        assert isinstance(result, SelectResult)
        row = result.values()[0]
        return {k: int(v or 0) for k, v in row.items()}


def _is_cameo_root(text: str) -> bool:
    return len(text) == 2 and text.isdigit()


def _shift_line_numbers(message: str, lines: int) -> str:
    """Subtract the predeclared prologue from ``at LINE:COLUMN`` positions in a message.

    >>> _shift_line_numbers("error at 13:6: expected WHERE", 12)
    'error at 1:6: expected WHERE'
    """

    def shift(match: re.Match[str]) -> str:
        line = int(match.group(1)) - lines
        return f"at {line}:{match.group(2)}" if line >= 1 else match.group(0)

    return re.sub(r"at (\d+):(\d+)", shift, message)


def _mention_order(mention: Mention) -> tuple[str, str, int]:
    published = mention.document.published.isoformat() if mention.document.published else ""
    start = mention.evidence.start if mention.evidence else 0
    return (published, mention.document.id, start)


def _mention(row: dict[str, str | None]) -> Mention:
    import json

    from geokg.model import Evidence

    evidence = None
    if row.get("sentence") is not None and row.get("start") and row.get("end"):
        evidence = Evidence(row["sentence"] or "", int(row["start"] or 0), int(row["end"] or 0))
    document = Document(
        id=row.get("docid") or row.get("doc") or "",
        title=row.get("title"),
        url=row.get("url"),
        published=as_date(row.get("published")),
    )
    attrs = row.get("attrs")
    attributes = json.loads(attrs) if attrs else {}
    return Mention(document, evidence, float(row.get("conf") or 0), attributes)


_MENTIONS_QUERY = """
SELECT ?st ?m ?doc ?docid ?title ?url ?published ?sentence ?start ?end ?conf ?attrs WHERE {
  VALUES ?st { %s }
  ?st geokg:hasMention ?m .
  ?m geokg:document ?doc .
  OPTIONAL { ?doc dcterms:identifier ?docid }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:source ?url }
  OPTIONAL { ?doc geokg:published ?published }
  OPTIONAL { ?m geokg:sentence ?sentence }
  OPTIONAL { ?m geokg:startOffset ?start }
  OPTIONAL { ?m geokg:endOffset ?end }
  OPTIONAL { ?m geokg:confidence ?conf }
  OPTIONAL { ?m geokg:attributes ?attrs }
}
"""

_INVOLVING_QUERY = """
SELECT DISTINCT ?st WHERE {
  { ?st geokg:subject <%s> } UNION { ?st geokg:object <%s> }
  UNION { ?st geokg:subjectActsFor <%s> } UNION { ?st geokg:objectActsFor <%s> }
}
"""

_STATS_QUERY = """
SELECT ?triples ?statements ?mentions ?documents ?actors WHERE {
  { SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o } }
  { SELECT (COUNT(DISTINCT ?st) AS ?statements) WHERE { ?st a geokg:Statement } }
  { SELECT (COUNT(DISTINCT ?m) AS ?mentions) WHERE { ?m a geokg:Mention } }
  { SELECT (COUNT(DISTINCT ?d) AS ?documents) WHERE { ?d a geokg:Document } }
  { SELECT (COUNT(DISTINCT ?a) AS ?actors) WHERE {
      ?st a geokg:Statement . { ?st geokg:subject ?a } UNION { ?st geokg:object ?a } } }
}
"""


#: A marker, present only inside one update, on the statements whose derived values that
#: update must recompute (the statements a replaced document supported cannot be named in
#: advance without a read outside the update's transaction).
_PENDING = "<urn:geokg:pending-refresh>"


def _replace_documents_update(
    documents: Sequence[URIRef],
    block: str,
    statements: Sequence[URIRef],
    mentions: Sequence[URIRef],
) -> str:
    """One update that replaces what the store holds for some documents by the triples of
    ``block``, which hold the given ``statements`` and ``mentions``.

    Earlier mentions that are not in ``mentions`` are unlinked from their statements, which
    are marked; every mention of the documents loses its description (kept ones get it back
    from ``block``, so a changed confidence replaces the old one); the new triples go in;
    marked statements left without any mention go with their direct triple, unless another
    affirmed statement with a mention still supports it; the derived values of the new and
    of the marked statements are recomputed; the markers go. An unchanged document marks
    nothing, which keeps an idempotent re-ingest about as cheap as an insert.
    """
    docs = f"VALUES ?doc {{ {' '.join(d.n3() for d in documents)} }}"
    stale = f"FILTER(?m NOT IN ({', '.join(m.n3() for m in mentions)}))" if mentions else ""
    update = f"""
DELETE {{ ?st geokg:hasMention ?m }}
INSERT {{ ?st {_PENDING} true }}
WHERE {{ {docs} ?m geokg:document ?doc . {stale} ?st geokg:hasMention ?m }} ;
DELETE {{ ?m ?p ?o }}
WHERE {{ {docs} ?m geokg:document ?doc . ?m ?p ?o }} ;
DELETE {{ ?doc ?p ?o }}
WHERE {{ {docs} ?doc ?p ?o . FILTER(?p IN (dcterms:title, dcterms:source, geokg:published)) }} ;
INSERT DATA {{
{block}
}} ;
DELETE {{ ?s ?rel ?o }}
WHERE {{
  ?st {_PENDING} true ; geokg:negated false ;
      geokg:subject ?s ; geokg:predicate ?rel ; geokg:object ?o .
  FILTER NOT EXISTS {{ ?st geokg:hasMention ?gone }}
  FILTER NOT EXISTS {{
    ?other geokg:subject ?s ; geokg:predicate ?rel ; geokg:object ?o ; geokg:negated false ;
           geokg:hasMention ?kept .
  }}
}} ;
DELETE {{ ?st ?p ?o }}
WHERE {{ ?st {_PENDING} true . FILTER NOT EXISTS {{ ?st geokg:hasMention ?gone }} ?st ?p ?o }} ;
{_refresh_statements_update(None, selector=f"?st {_PENDING} true .")} ;
DELETE WHERE {{ ?st {_PENDING} true }}"""
    if statements:
        update += " ;\n" + _refresh_statements_update(statements)
    return update


def _refresh_statements_update(
    statements: Sequence[URIRef] | None, *, selector: str | None = None
) -> str:
    """:func:`geokg.rdf.derived_values_update` for the given statements (all when ``None``,
    or those matching the ``selector`` pattern), from all their mentions (so counts stay
    right whatever order documents arrive in)."""
    if selector is None:
        if statements is None:
            selector = "?st a geokg:Statement ."
        else:
            selector = f"VALUES ?st {{ {_iri_list(map(str, statements))} }}"
    return derived_values_update(selector)


def _statements_query(selection: StatementFilter, candidates: Sequence[str] | None) -> str:
    """SPARQL selecting statements with their actors, for :meth:`KnowledgeGraph.statements`;
    ``candidates`` restricts it to those statement IRIs. The restrictions come first in the
    pattern: Oxigraph joins in the written order, and VALUES first makes a lookup cost the
    size of its answer instead of the size of the graph."""
    where: list[str] = []
    if candidates is not None:
        where.append(f"VALUES ?st {{ {_iri_list(candidates)} }}")
    if selection.relations:
        where.append(f"VALUES ?p {{ {_iri_list(selection.relations)} }}")
    if not selection.include_negated:
        where.append("FILTER(?neg = false)")
    if selection.min_sources > 1:
        where.append(f"FILTER(?n >= {int(selection.min_sources)})")
    limit = f"LIMIT {int(selection.limit)}" if selection.limit else ""
    body = "\n  ".join(where)
    return (
        sparql_prologue()
        + f"""
SELECT ?st ?s ?sl ?stype ?sc ?p ?o ?ol ?otype ?oc ?neg ?a ?al ?atype ?ac ?conf ?n ?first ?last
WHERE {{
  {body}
  ?st a geokg:Statement ; geokg:subject ?s ; geokg:predicate ?p ; geokg:object ?o ;
      geokg:negated ?neg .
  OPTIONAL {{ ?st geokg:sourceCount ?n }}
  OPTIONAL {{ ?st geokg:confidence ?conf }}
  OPTIONAL {{ ?st geokg:firstSeen ?first }}
  OPTIONAL {{ ?st geokg:lastSeen ?last }}
  OPTIONAL {{ ?st geokg:subjectActsFor ?sc }}
  OPTIONAL {{ ?st geokg:objectActsFor ?oc }}
  OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?s a ?stype }}
  OPTIONAL {{ ?o rdfs:label ?ol }} OPTIONAL {{ ?o a ?otype }}
  OPTIONAL {{ ?st geokg:assertedBy ?a . OPTIONAL {{ ?a rdfs:label ?al }} OPTIONAL {{ ?a a ?atype }}
             OPTIONAL {{ ?st geokg:assertedByActsFor ?ac }} }}
}}
ORDER BY DESC(?n) DESC(?last) ?s ?p ?o ?neg ?a
{limit}
"""
    )

"""The ``geokg`` command line: a thin layer over the library.

Every command opens the store lazily (read-only for lookups, so they never take the write
lock), and heavy modules (spaCy above all) are imported inside the commands that need them.
Every :class:`~geokg.errors.GeokgError` becomes one line ``geokg: error: MESSAGE`` on
standard error with exit code 1; click usage errors keep click's message and exit 2.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from geokg.cli_options import (
    by_state_option,
    jobs_option,
    limit_option,
    min_sources_option,
    model_option,
    negated_option,
    progress_option,
    published_option,
    relation_option,
    since_option,
    skip_errors_option,
    until_option,
)
from geokg.cli_output import HyphenatedChoice, emit, output_options, render_json
from geokg.errors import GeokgError
from geokg.exports import EXPORT_FORMATS, RDF_FORMATS
from geokg.model import DEFAULT_STORE, ActorType, QuadClass

if TYPE_CHECKING:
    import networkx as nx

    from geokg.actors import Gazetteer
    from geokg.model import Actor
    from geokg.ontology import Ontology
    from geokg.progress import ExtractionRun
    from geokg.store import IngestSummary, KnowledgeGraph

__all__ = ["cli", "main"]

EXIT_INTERRUPTED = 130


# --- error handling -------------------------------------------------------------------------


def _one_line(message: str) -> str:
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def _debug() -> bool:
    return os.environ.get("GEOKG_DEBUG", "") not in ("", "0")


class GeokgGroup(click.Group):
    """A click group whose ``main`` turns errors into one-line messages and exit codes.

    Overriding ``main`` (rather than wrapping it in :func:`main`) makes ``CliRunner`` tests
    see exactly what users see.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> int:
        try:
            result = super().main(
                args, prog_name or "geokg", complete_var, standalone_mode=False, **extra
            )
            return result if isinstance(result, int) else 0
        except click.ClickException as error:
            error.show()
            return error.exit_code
        except click.Abort as error:
            interrupted = isinstance(error.__cause__ or error.__context__, KeyboardInterrupt)
            click.echo("Aborted!", err=True)
            return EXIT_INTERRUPTED if interrupted else 1
        except KeyboardInterrupt:
            click.echo("Aborted!", err=True)
            return EXIT_INTERRUPTED
        except GeokgError as error:
            if _debug():
                traceback.print_exc()
            click.echo(f"geokg: error: {_one_line(str(error))}", err=True)
            return error.exit_code
        except Exception as error:  # the last resort: never show a traceback unasked
            if _debug():
                traceback.print_exc()
            detail = _one_line(str(error)) or "no message"
            hint = "" if _debug() else " (set GEOKG_DEBUG=1 for the traceback)"
            click.echo(f"geokg: internal error: {type(error).__name__}: {detail}{hint}", err=True)
            return 1


def main() -> None:
    """Entry point of the ``geokg`` script."""
    cli.main(prog_name="geokg")


# --- shared context ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    store: str
    update_url: str | None


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return settings


def open_graph(ctx: click.Context, *, write: bool = False) -> KnowledgeGraph:
    """The store named by ``--store``, closed when the command ends. Lookups open it
    read-only so they neither wait for nor block a running ingest."""
    from geokg.store import KnowledgeGraph

    settings = _settings(ctx)
    options: dict[str, Any] = {}
    if settings.update_url:
        options["update_url"] = settings.update_url
    graph = KnowledgeGraph(settings.store, read_only=not write, **options)
    ctx.call_on_close(graph.close)
    return graph


def gazetteer() -> Gazetteer:
    from geokg.actors import load_gazetteer

    return load_gazetteer()


def ontology() -> Ontology:
    from geokg.ontology import load_ontology

    return load_ontology()


def resolve_actor(name: str) -> Actor:
    """A name, alias, demonym or code; unknown names raise with close matches suggested."""
    actor: Actor = gazetteer().resolve(name)
    return actor


# --- the group -------------------------------------------------------------------------------


@click.group(name="geokg", cls=GeokgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    envvar="GEOKG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    metavar="PATH|URL",
    help="Store directory, or the http(s) URL of a SPARQL endpoint (env GEOKG_STORE).",
)
@click.option(
    "--update-url",
    envvar="GEOKG_UPDATE_URL",
    metavar="URL",
    help="SPARQL update URL of a remote endpoint, when it differs (env GEOKG_UPDATE_URL).",
)
@click.version_option(package_name="geokg", prog_name="geokg")
@click.pass_context
def cli(ctx: click.Context, store: str, update_url: str | None) -> None:
    """Turn geopolitical news into a cited, queryable RDF knowledge graph.

    Ingest articles (or hand-written facts), then ask who did what to whom, with the
    sentences that say so: geokg facts Iran, geokg query, geokg render.
    """
    ctx.obj = Settings(store=store, update_url=update_url)


# --- ingest and extract ----------------------------------------------------------------------


# Options that one way of ingesting reads and another would silently ignore: given with the
# other, they are a usage error.
_NOT_WITH_FACTS = ("published", "model", "jobs", "skip_errors", "partition_size")
_NOT_WITH_DASK = ("published", "jobs", "skip_errors", "progress")


def _refuse_ignored(ctx: click.Context, names: Sequence[str], when: str) -> None:
    """A usage error naming the options of ``names`` given on the command line: they
    cannot be used ``when``."""
    given = [
        "/".join([*param.opts, *param.secondary_opts])
        for param in ctx.command.params
        if param.name in names
        and ctx.get_parameter_source(param.name)
        in (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.ENVIRONMENT)
    ]
    if given:
        raise click.UsageError(f"{', '.join(given)} cannot be used {when}")


def _extraction_run(paths: Sequence[str], published: date | None, **options: Any) -> ExtractionRun:
    from geokg.progress import ExtractionRun

    return ExtractionRun(paths, published=published, stdin=sys.stdin, **options)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@published_option
@model_option
@jobs_option
@skip_errors_option
@progress_option
@click.option(
    "--facts",
    "facts_file",
    metavar="FILE|-",
    help="Ingest a facts file (JSON Lines) instead of extracting; '-' reads standard input.",
)
@click.option(
    "--dask",
    "dask_scheduler",
    metavar="ADDRESS",
    help="Extract on a Dask cluster (tcp://HOST:PORT of its scheduler, or 'processes' for a "
    "local one); workers write N-Quads shards, stored one atomic update per shard. Needs "
    "geokg[distributed].",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Documents per Dask task (with --dask).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: date | None,
    model: str | None,
    jobs: int,
    facts_file: str | None,
    dask_scheduler: str | None,
    partition_size: int,
    skip_errors: bool,
    progress: bool | None,
) -> None:
    """Extract facts from articles (or read a facts file) and store them.

    PATH is a .txt article, a .html or .htm web page, a .jsonl file of documents, a
    directory of those (other files are reported and skipped), an http(s):// URL of a web
    page, or '-' for standard input. Every input is read first: a bad one stops the run
    before anything is stored (or, with --skip-errors, is reported and skipped). Each
    document is stored in one atomic write; with --facts the whole file is checked before
    anything is stored.

    A document already in the store (same id) is replaced: facts it no longer states are
    removed (a fact other documents still report stays, with its source count updated), so
    re-ingesting an edited article or facts file gives the store of the new version, and
    re-ingesting an unchanged one changes nothing, with or without --dask.
    """
    from geokg import ingest as ingesting
    from geokg.progress import Progress

    if facts_file is not None and paths:
        raise click.UsageError("give either PATHs to extract from or --facts FILE, not both")
    if facts_file is None and not paths:
        raise click.UsageError("nothing to ingest: give PATHs or --facts FILE")
    if facts_file is not None and dask_scheduler:
        raise click.UsageError("--dask extracts articles: it does not apply to --facts")
    if facts_file is not None:
        _refuse_ignored(ctx, _NOT_WITH_FACTS, "with --facts (a facts file is checked whole)")
    elif dask_scheduler:
        _refuse_ignored(ctx, _NOT_WITH_DASK, "with --dask (not supported by the Dask ingest)")
    else:
        _refuse_ignored(ctx, ("partition_size",), "without --dask")
    status = 0
    summary: IngestSummary
    if facts_file is not None:
        from geokg.factsio import read_facts_file

        reader = ingesting.fact_reader()
        with (
            read_facts_file(facts_file, reader=reader) as checked,
            Progress(checked.documents, unit="doc", enabled=progress) as bar,
        ):
            summary = open_graph(ctx, write=True).ingest(
                checked,
                progress=lambda part: bar.advance(
                    part.documents, documents=part.documents, facts=part.facts
                ),
            )
    elif dask_scheduler:
        summary = ingesting.ingest_with_dask(
            open_graph(ctx, write=True),
            paths,
            scheduler=dask_scheduler,
            model=model,
            partition_size=partition_size,
        )
    else:
        run = _extraction_run(paths, published, skip_errors=skip_errors, progress=progress)
        extracted = run.extract(lambda: ingesting.make_extractor(model=model, jobs=jobs))
        summary = ingesting.store_extracted(lambda: open_graph(ctx, write=True), extracted)
        status = run.status
    click.echo(
        f"{summary.documents} documents, {summary.facts} facts, "
        f"{summary.new_statements} new statements, {summary.new_mentions} new mentions"
    )
    if status:
        ctx.exit(status)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@published_option
@output_options(formats=("jsonl", "table"))
@model_option
@jobs_option
@skip_errors_option
@progress_option
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: date | None,
    output_format: str,
    model: str | None,
    jobs: int,
    skip_errors: bool,
    progress: bool | None,
) -> None:
    """Print the facts found in articles, without storing them.

    PATHs are read as by 'geokg ingest' (files, folders, web pages, URLs, '-'). JSON Lines
    (the facts format, ready for 'geokg ingest --facts') or a table for reading.
    """
    from geokg.factsio import FACT_COLUMNS, dumps_fact, fact_row
    from geokg.ingest import make_extractor

    rows: list[list[object]] = []
    run = _extraction_run(paths, published, skip_errors=skip_errors, progress=progress)
    for _document, facts in run.extract(lambda: make_extractor(model=model, jobs=jobs)):
        for fact in facts:
            if output_format == "jsonl":
                click.echo(dumps_fact(fact))
            else:
                rows.append(fact_row(fact))
    if output_format == "table":
        emit(FACT_COLUMNS, rows, output_format="table", empty_message="no facts found")
    if run.status:
        ctx.exit(run.status)


# --- lookups -------------------------------------------------------------------------------


@cli.command()
@click.argument("actor", metavar="ACTOR")
@relation_option
@click.option("--with", "other", metavar="OTHER", help="Only facts that also involve OTHER.")
@since_option
@until_option
@negated_option
@min_sources_option
@limit_option
@output_options()
@click.pass_context
def facts(
    ctx: click.Context,
    actor: str,
    relations: tuple[str, ...],
    other: str | None,
    since: date | None,
    until: date | None,
    include_negated: bool,
    min_sources: int,
    limit: int | None,
    output_format: str,
) -> None:
    """The facts about ACTOR (a name, alias, demonym or code), most reported first.

    Example: geokg facts Iran --relation 07 --include-negated
    """
    from geokg.factsio import STATEMENT_COLUMNS, statement_json, statement_row
    from geokg.store import StatementFilter

    graph = open_graph(ctx)
    selection = StatementFilter(
        actor=resolve_actor(actor).iri,
        other=resolve_actor(other).iri if other else None,
        relations=graph.relation_iris(relations),
        since=since,
        until=until,
        include_negated=include_negated,
        min_sources=min_sources,
        limit=limit,
    )
    statements = graph.statements(selection)
    emit(
        STATEMENT_COLUMNS,
        [statement_row(s) for s in statements],
        output_format=output_format,
        records=[statement_json(s) for s in statements],
        empty_message="no facts found",
    )


@cli.command()
@click.argument("sparql", required=False, metavar="[SPARQL]")
@click.option(
    "-f", "--file", "query_file", metavar="FILE", help="Read the query from FILE ('-': stdin)."
)
@output_options(formats=("table", "json", "csv", "tsv"))
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Stop the query after SECONDS (0: no limit; default 60, env GEOKG_QUERY_TIMEOUT).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    metavar="N",
    help="At most N rows (default: 1000 in a table, all in json, csv and tsv).",
)
@click.option(
    "--allow-service", is_flag=True, help="Allow SERVICE (requests to other SPARQL servers)."
)
@click.pass_context
def query(
    ctx: click.Context,
    sparql: str | None,
    query_file: str | None,
    output_format: str,
    timeout: float | None,
    limit: int | None,
    allow_service: bool,
) -> None:
    """Run a read-only SPARQL query (SPARQL, -f FILE, or '-' for standard input).

    The prefixes geokg:, actor:, rdf:, rdfs:, xsd:, owl:, skos:, dcterms: and prov: are
    predeclared. json, csv and tsv are the standard SPARQL results formats; ASK prints
    true or false; CONSTRUCT and DESCRIBE print Turtle, or JSON-LD with --format json.
    Ctrl-C stops a running query (exit status 130).
    """
    from geokg.queries import format_result, query_text
    from geokg.query_limits import DEFAULT_TABLE_ROWS, QueryLimits, run_query

    if sparql is not None and query_file is not None:
        raise click.UsageError("give the query as an argument or with -f FILE, not both")
    if sparql is None and query_file is None:
        raise click.UsageError("give a SPARQL query, -f FILE or '-' for standard input")
    text = query_text(sparql, file=query_file, stdin=sys.stdin)
    if timeout is None:
        timeout = QueryLimits.timeout_from_environment()
    rows = (
        limit if limit is not None else (DEFAULT_TABLE_ROWS if output_format == "table" else None)
    )
    limits = QueryLimits(timeout=timeout or None, max_rows=rows, allow_service=allow_service)
    result = run_query(open_graph(ctx), text, limits)
    click.echo(format_result(result, output_format), nl=False)
    if getattr(result, "truncated", False):
        click.echo(f"geokg: output cut at {rows} rows; --limit N shows more", err=True)


# --- whole-store commands ------------------------------------------------------------------


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    help="Output format (default: from the -o extension, else turtle).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    help="Write to FILE, a regular file (default '-': standard output).",
)
@click.pass_context
def export(ctx: click.Context, output_format: str | None, output: str) -> None:
    """Write the whole store as RDF, or the fact network as GraphML or GEXF."""
    from geokg.exports import export_to

    export_to(open_graph(ctx), output, output_format, gazetteer=gazetteer())


@cli.command("import")
@click.argument("file", metavar="FILE")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(RDF_FORMATS, case_sensitive=False),
    help="RDF format (default: from the file extension).",
)
@click.pass_context
def import_(ctx: click.Context, file: str, input_format: str | None) -> None:
    """Load an RDF file (for example a 'geokg export') into the store, all or nothing."""
    from geokg.exports import open_rdf_file

    with open_rdf_file(file, input_format) as rdf:
        added = rdf.load_into(open_graph(ctx, write=True))
    click.echo(f"{added} new triples")


@cli.command()
@output_options(formats=("table", "json"))
@click.pass_context
def stats(ctx: click.Context, output_format: str) -> None:
    """Count triples, statements, mentions, documents and actors in the store."""
    counts = open_graph(ctx).stats()
    if output_format == "json":
        click.echo(render_json(counts))
    else:
        emit(["what", "count"], list(counts.items()), output_format="table")


@cli.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check the store against the geokg SHACL shapes; exit 1 listing any violation."""
    from geokg.validate import format_report, validate_store

    report = validate_store(open_graph(ctx))
    click.echo(format_report(report))
    if not getattr(report, "conforms", False):
        ctx.exit(1)


# --- vocabularies --------------------------------------------------------------------------


@cli.command()
@click.argument("search", required=False, metavar="[QUERY]")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([t.slug for t in ActorType], case_sensitive=False),
    help="Only actors of this type. Repeatable.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=25, show_default=True, help="At most N actors."
)
@output_options()
def actors(search: str | None, types: tuple[str, ...], limit: int, output_format: str) -> None:
    """List or search the actors geokg knows (typo tolerant): states, organisations, groups
    and people, with their codes and aliases."""
    from geokg.catalog import ACTOR_COLUMNS, actor_record_json, actor_row, find_actors

    wanted = [t for t in ActorType if t.slug in {name.lower() for name in types}]
    records = find_actors(gazetteer(), search, types=wanted, limit=limit)
    emit(
        ACTOR_COLUMNS,
        [actor_row(r) for r in records],
        output_format=output_format,
        records=[actor_record_json(r) for r in records],
        empty_message="no actors found",
    )


@cli.command()
@click.argument("search", required=False, metavar="[QUERY]")
@output_options()
def relations(search: str | None, output_format: str) -> None:
    """List the relations of the ontology with their CAMEO code, PLOVER category and
    quad class; QUERY filters by name, label, code or category."""
    from geokg.catalog import (
        RELATION_COLUMNS,
        find_relations,
        relation_record_json,
        relation_row,
    )

    chosen = find_relations(ontology(), search)
    emit(
        RELATION_COLUMNS,
        [relation_row(r) for r in chosen],
        output_format=output_format,
        records=[relation_record_json(r) for r in chosen],
        empty_message="no relations found",
    )


# --- evaluation ----------------------------------------------------------------------------


@cli.command()
@click.argument("gold", metavar="GOLD")
@click.argument("articles_dir", required=False, metavar="[ARTICLES_DIR]")
@model_option
@click.option("--show", is_flag=True, help="Also list every missed and spurious fact.")
def evaluate(gold: str, articles_dir: str | None, model: str | None, show: bool) -> None:
    """Score the extractor against gold facts (precision, recall, F1).

    GOLD is article-level gold (a JSON list of articles with facts; ARTICLES_DIR holds the
    articles, default: beside GOLD) or sentence-level records; the format is detected.
    """
    from geokg import evaluate as evaluation
    from geokg.ingest import make_extractor

    gold_format = evaluation.detect_gold_format(gold)  # a bad GOLD fails before the model loads
    extractor = make_extractor(model=model)
    report: evaluation.ArticleReport | evaluation.SentenceReport
    if gold_format == "articles":
        directory = articles_dir or os.path.join(os.path.dirname(gold), "articles")
        report = evaluation.evaluate_articles(gold, directory, extractor.extract)
    else:
        report = evaluation.evaluate_sentences(gold, extractor.extract)
    click.echo(evaluation.format_report(report, show=show))


@cli.command("train-model")
@click.argument("inputs", nargs=-1, metavar="[FILE.jsonl]...")
@click.option("--pool", metavar="POOL", help="The news pool the pool annotations point into.")
@click.option("-o", "--output", metavar="FILE", help="Where to save (default: the packaged model).")
@click.option("--C", "c", type=float, default=1.0, show_default=True, help="Inverse L2 strength.")
@model_option
def train_model(
    inputs: tuple[str, ...], pool: str | None, output: str | None, c: float, model: str | None
) -> None:
    """Train the learned event model from annotation files (default: data/training/*.jsonl).

    Needs the train extra (scikit-learn); see geokg.extract.learned.train."""
    from geokg.extract.learned.train import train_files

    train_files(inputs, pool=pool, output=output, c=c, model_name=model, report=_echo_err)


def _echo_err(line: str) -> None:
    click.echo(line, err=True)


# --- networks ------------------------------------------------------------------------------


def _network(
    ctx: click.Context,
    *,
    actor: str | None = None,
    depth: int = 1,
    relations: Sequence[str] = (),
    quad_classes: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    min_sources: int = 1,
    include_negated: bool = False,
    by_state: bool = False,
) -> nx.MultiDiGraph:
    """The stored statements that pass the filters, as a networkx graph; an empty selection
    is an error saying which filter emptied it."""
    from geokg.network import select_statements, to_networkx
    from geokg.store import StatementFilter

    graph = open_graph(ctx)
    wanted = graph.relation_families(relations)  # resolved as facts --relation resolves them
    # Denials too: select_statements drops them itself, naming that filter if it empties
    # the selection (a store of denials only is not an empty store).
    statements = graph.statements(StatementFilter(include_negated=True))
    kept = select_statements(
        statements,
        actor=resolve_actor(actor).id if actor else None,
        actor_name=actor,
        depth=depth,
        relations=wanted,
        quad_classes=quad_classes,
        since=since,
        until=until,
        min_sources=min_sources,
        include_negated=include_negated,
        by_state=by_state,
        gazetteer=gazetteer(),
    )
    return to_networkx(kept, gazetteer=gazetteer())


@cli.command()
@click.option(
    "-o",
    "--output",
    default="map.html",
    show_default=True,
    metavar="FILE",
    help="HTML file to write ('-': standard output).",
)
@click.option("--actor", metavar="NAME", help="Only the network around this actor.")
@click.option(
    "--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Hops around --actor."
)
@relation_option
@click.option(
    "--quad-class",
    "quad_classes",
    multiple=True,
    type=click.Choice([*(q.slug for q in QuadClass), *(str(int(q)) for q in QuadClass)]),
    help="Only relations of this CAMEO quad class. Repeatable.",
)
@since_option
@until_option
@min_sources_option
@negated_option
@by_state_option
@click.option(
    "--layout",
    type=click.Choice(["force", "geo"]),
    default="force",
    show_default=True,
    help="Force-directed, or a world map with country outlines.",
)
@click.option("--title", default="geokg", show_default=True, help="Page title.")
@click.pass_context
def render(
    ctx: click.Context,
    output: str,
    actor: str | None,
    depth: int,
    relations: tuple[str, ...],
    quad_classes: tuple[str, ...],
    since: date | None,
    until: date | None,
    min_sources: int,
    include_negated: bool,
    by_state: bool,
    layout: str,
    title: str,
) -> None:
    """Draw the fact network as an interactive HTML map (open it in a browser)."""
    from geokg.render import render_html
    from geokg.userfiles import STDIN, check_output_path, write_text

    if output != STDIN:
        check_output_path(output)  # before the work
    network = _network(
        ctx,
        actor=actor,
        depth=depth,
        relations=relations,
        quad_classes=quad_classes,
        since=since,
        until=until,
        min_sources=min_sources,
        include_negated=include_negated,
        by_state=by_state,
    )
    page = render_html(network, title=title, layout=layout, gazetteer=gazetteer())
    write_text(output, page)
    click.echo(
        f"{output}: {network.number_of_nodes()} actors, {network.number_of_edges()} statements",
        err=output == STDIN,
    )


@cli.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@negated_option
@since_option
@until_option
@by_state_option
@click.pass_context
def path(
    ctx: click.Context,
    first: str,
    second: str,
    include_negated: bool,
    since: date | None,
    until: date | None,
    by_state: bool,
) -> None:
    """How two actors are connected: the facts along a shortest chain between them."""
    from geokg.errors import InputError
    from geokg.network import dyad_id, shortest_path

    a, b = resolve_actor(first), resolve_actor(second)
    network = _network(
        ctx, include_negated=include_negated, since=since, until=until, by_state=by_state
    )
    ids = [dyad_id(actor) if by_state else actor.id for actor in (a, b)]
    for name, actor, actor_id in ((first, a, ids[0]), (second, b, ids[1])):
        if actor_id not in network:
            shown = repr(name) if name == actor.label else f"{name!r} ({actor.label})"
            raise InputError(f"no selected fact involves {shown}")
    steps = shortest_path(network, ids[0], ids[1], include_negated=include_negated)
    for subject, _relation, obj, data in steps:
        label = data.get("relation_label") or data.get("relation")
        sources = data.get("sources", 1)
        negation = " (negated)" if data.get("negated") else ""
        click.echo(
            f"{network.nodes[subject].get('label', subject)} {label} "
            f"{network.nodes[obj].get('label', obj)}{negation}  "
            f"[{sources} source{'s' if sources != 1 else ''}]"
        )


@cli.command()
@click.option(
    "--by",
    # geokg.network.RANK_METHODS, spelled out to keep networkx out of the CLI's start-up
    # (a test checks they agree).
    type=HyphenatedChoice(["degree", "in-degree", "out-degree", "pagerank", "betweenness"]),
    default="degree",
    show_default=True,
    help="Centrality to rank by.",
)
@click.option("--relation", metavar="R", help="Only this relation (name, label or CAMEO code).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N actors."
)
@since_option
@until_option
@by_state_option
@output_options()
@click.pass_context
def rank(
    ctx: click.Context,
    by: str,
    relation: str | None,
    limit: int,
    since: date | None,
    until: date | None,
    by_state: bool,
    output_format: str,
) -> None:
    """Rank actors by how central they are in the fact network."""
    from geokg.network import rank as rank_actors

    network = _network(
        ctx,
        relations=(relation,) if relation else (),
        since=since,
        until=until,
        by_state=by_state,
    )
    ranked = rank_actors(network, by=by, limit=limit)
    rows = [
        [i, actor_id, label, round(score, 4)]
        for i, (actor_id, label, score) in enumerate(ranked, start=1)
    ]
    emit(
        ["rank", "actor", "label", "score"],
        rows,
        output_format=output_format,
        empty_message="no actors to rank",
    )

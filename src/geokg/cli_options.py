"""The options several ``geokg`` commands share, defined once so that they read and behave
the same in every command (``ingest`` and ``extract``; ``facts``, ``render``, ``path`` and
``rank``)."""

from __future__ import annotations

import click

from geokg.cli_output import DATE

published_option = click.option(
    "--published",
    type=DATE,
    help="Publication date (YYYY-MM-DD) for every document, overriding datelines.",
)
model_option = click.option("--model", metavar="NAME", help="spaCy model package to use.")
jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for spaCy.",
)
skip_errors_option = click.option(
    "--skip-errors",
    is_flag=True,
    help="Report a bad file or URL on stderr and go on with the others (exit status 3 "
    "when any was skipped). Without it the first bad input stops the run before anything "
    "is stored.",
)
progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
relation_option = click.option(
    "--relation",
    "relations",
    multiple=True,
    metavar="R",
    help="Relation name, label, IRI, CAMEO code, or CAMEO root (all its relations). Repeatable.",
)
since_option = click.option(
    "--since",
    type=DATE,
    help="Only facts a source published on or after DATE reports (undated sources: none).",
)
until_option = click.option(
    "--until",
    type=DATE,
    help="Only facts a source published on or before DATE reports (undated sources: none).",
)
by_state_option = click.option(
    "--by-state",
    is_flag=True,
    help="State-to-state dyads: people and institutions count as the state they act for.",
)
negated_option = click.option(
    "--include-negated", is_flag=True, help="Also show negated and denied facts."
)
min_sources_option = click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only facts reported by at least N documents.",
)
limit_option = click.option("--limit", type=click.IntRange(min=1), help="At most N rows.")

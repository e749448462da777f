"""Output helpers shared by the ``geokg`` commands: one ``--format`` option, printing rows
as a table, CSV or JSON (rendered by :mod:`geokg.tables`), and the ISO date parameter type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

from geokg.tables import Row, render_csv, render_json, render_table

__all__ = [
    "DATE",
    "HyphenatedChoice",
    "IsoDate",
    "emit",
    "output_options",
    "render_csv",
    "render_json",
    "render_table",
]

F = TypeVar("F", bound=Callable[..., Any])


def output_options(
    *, formats: Sequence[str] = ("table", "json", "csv"), default: str | None = None
) -> Callable[[F], F]:
    """The shared ``--format`` option (as sqlite-utils shares its output options).

    The decorated command receives ``output_format``.
    """
    chosen = default or formats[0]

    def decorate(command: F) -> F:
        option = click.option(
            "--format",
            "output_format",
            type=click.Choice(list(formats), case_sensitive=False),
            default=chosen,
            show_default=True,
            help="Output format.",
        )
        return option(command)

    return decorate


def emit(
    columns: Sequence[str],
    rows: Sequence[Row],
    *,
    output_format: str,
    records: object = None,
    empty_message: str = "nothing found",
) -> None:
    """Print rows in the chosen format; ``records`` (default: rows as objects) is the JSON."""
    if output_format == "json":
        data = (
            records if records is not None else [dict(zip(columns, r, strict=True)) for r in rows]
        )
        click.echo(render_json(data))
    elif output_format == "csv":
        click.echo(render_csv(columns, rows), nl=False)
    elif rows:
        click.echo(render_table(columns, rows))
    else:
        click.echo(empty_message, err=True)


class HyphenatedChoice(click.Choice):  # type: ignore[type-arg]
    """A choice spelled with hyphens, as every option is; an old spelling with
    underscores still works, with a note on standard error."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "_" in value and value.replace("_", "-") in self.choices:
            new = value.replace("_", "-")
            click.echo(f"geokg: note: {value!r} is deprecated, use {new!r}", err=True)
            value = new
        return super().convert(value, param, ctx)


class IsoDate(click.ParamType):  # type: ignore[type-arg]
    """A calendar date written ``YYYY-MM-DD``; anything else is a usage error."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a valid date (expected YYYY-MM-DD)", param, ctx)


DATE = IsoDate()

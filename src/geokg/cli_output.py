"""Output helpers shared by the ``geokg`` commands: one ``--format`` option, plain aligned
tables, CSV through the :mod:`csv` module and JSON, plus the ISO date parameter type.

>>> print(render_table(["actor", "n"], [["Iran", 3], ["Russia", 12]]))
actor   n
------  --
Iran    3
Russia  12
>>> render_csv(["a", "b"], [["x,y", None]])
'a,b\\n"x,y",\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import click

__all__ = [
    "DATE",
    "IsoDate",
    "emit",
    "output_options",
    "render_csv",
    "render_json",
    "render_table",
]

F = TypeVar("F", bound=Callable[..., Any])
Row = Sequence[object]


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


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def render_table(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """Columns aligned with spaces, a dashed rule under the header, no trailing spaces."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [len(c) for c in columns]
    for row in cells:
        widths = [max(w, len(v)) for w, v in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, cells)])


def render_csv(columns: Sequence[str], rows: Sequence[Row]) -> str:
    """A header row then one row per record; no decorations, so it pipes well."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def render_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


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

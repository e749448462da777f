"""Plain-text renderings of rows: aligned tables, CSV through the :mod:`csv` module, JSON.

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
from collections.abc import Sequence
from datetime import date

__all__ = ["Row", "render_csv", "render_json", "render_table"]

Row = Sequence[object]


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

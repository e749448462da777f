"""No module of the package grows past 900 lines (issue 9): past that, a module holds more
than one concern and a newcomer cannot read it in one sitting. Split by concern, not by
line count, when this fails."""

from __future__ import annotations

from pathlib import Path

import geokg

MAX_LINES = 900


def test_no_module_is_over_900_lines() -> None:
    package = Path(geokg.__file__).parent
    sizes = {
        str(path.relative_to(package)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert sizes, "no modules found"
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}

"""Long ingests and extractions: inputs checked first, then extracted with a progress bar
(tqdm) and the skipped inputs reported, all on standard error (:class:`ExtractionRun`).

* **Progress** counts characters of text (the extractor's work grows with them) against
  the total :meth:`~geokg.extract.documents.DocumentReader.check` measured, with the rate,
  the time left, and documents and facts so far. It is shown when standard error is a
  terminal, or when asked (``--progress``), never on standard output.
* **Skipped inputs**: each bad file skipped by ``--skip-errors`` is one line as it is
  found; files of other types found in folders are summed up in one line at the end, with
  their count and first names.
* **Exit status** (:data:`EXIT_SKIPPED`): 0 when every input was read; 3 when
  ``--skip-errors`` skipped a bad input (the others were processed and stored). Files of
  other types in a folder do not change the status.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from geokg.extract import Extractor
    from geokg.extract.documents import Skipped
    from geokg.model import Document, Fact

__all__ = ["EXIT_SKIPPED", "ExtractionRun", "Progress", "SkipReporter"]

#: Exit status of a run that skipped bad inputs (``--skip-errors``) and did the rest.
EXIT_SKIPPED = 3
_NAMES_SHOWN = 3


class Progress:
    """A tqdm bar over ``total`` units (``None``: unknown, a counter with a rate)."""

    def __init__(
        self,
        total: int | None,
        *,
        unit: str = "char",
        enabled: bool | None = None,
        stream: TextIO | None = None,
    ) -> None:
        from tqdm import tqdm

        self.stream = stream if stream is not None else sys.stderr
        shown = self.stream.isatty() if enabled is None else enabled
        columns, rows = _size(self.stream)
        self.documents = 0
        self.facts = 0
        self._bar: Any = tqdm(
            total=total,
            unit=unit,
            unit_scale=True,
            file=self.stream,
            disable=not shown,
            mininterval=0.5,
            ncols=columns,
            nrows=rows,
            leave=False,
        )

    def advance(self, amount: int, *, documents: int = 1, facts: int = 0) -> None:
        self.documents += documents
        self.facts += facts
        self._bar.set_postfix_str(f"{self.documents} docs, {self.facts} facts", refresh=False)
        self._bar.update(amount)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and rows; 100 x 24 when it tells none (a pseudo-terminal
    without a size, where tqdm would otherwise draw nothing)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return 100, 24
    return size.columns or 100, size.lines or 24


class SkipReporter:
    """Reports skipped inputs on ``stream`` (standard error); pass it as ``on_skip``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.bad: list[Skipped] = []
        self.other: list[Skipped] = []

    def __call__(self, skipped: Skipped) -> None:
        if skipped.bad:
            self.bad.append(skipped)
            print(f"geokg: skipped {skipped}", file=self.stream, flush=True)
        else:
            self.other.append(skipped)

    def finish(self) -> int:
        """Print the summary lines; the exit status the run should end with."""
        if self.other:
            print(f"geokg: {_other_files(self.other)}", file=self.stream)
        if self.bad:
            count = len(self.bad)
            print(
                f"geokg: {count} input{'s' if count != 1 else ''} skipped because of errors "
                f"(exit status {EXIT_SKIPPED})",
                file=self.stream,
            )
            return EXIT_SKIPPED
        return 0


def _other_files(skipped: Sequence[Skipped]) -> str:
    names = [Path(s.source).name for s in skipped[:_NAMES_SHOWN]]
    more = f" and {len(skipped) - _NAMES_SHOWN} more" if len(skipped) > _NAMES_SHOWN else ""
    count = len(skipped)
    return (
        f"skipped {count} file{'s' if count != 1 else ''} that geokg does not read "
        f"(only .txt, .html, .htm and .jsonl): {', '.join(names)}{more}"
    )


class ExtractionRun:
    """Documents of ``paths`` with their facts, for ``geokg ingest`` and ``extract``:
    every input is read first (a bad one raised, or skipped with ``skip_errors``) before the
    model is loaded and before anything is yielded; a progress bar counts characters;
    :attr:`status` is the exit status the run ends with (0, or :data:`EXIT_SKIPPED`)."""

    def __init__(
        self,
        paths: Sequence[str],
        *,
        published: date | None = None,
        stdin: TextIO | None = None,
        skip_errors: bool = False,
        progress: bool | None = None,
    ) -> None:
        self.paths = list(paths)
        self.published = published
        self.stdin = stdin
        self.skip_errors = skip_errors
        self.progress = progress
        self.status = 0

    def extract(self, extractor: Callable[[], Extractor]) -> Iterator[tuple[Document, list[Fact]]]:
        """Yield ``(document, facts)``; ``extractor`` makes the extractor once the inputs
        are known to be readable."""
        from geokg.errors import InputError
        from geokg.extract.documents import DocumentReader
        from geokg.fetch import FetchPolicy

        reporter = SkipReporter()
        reader = DocumentReader(
            self.paths,
            published=self.published,
            stdin=self.stdin,
            skip_errors=self.skip_errors,
            on_skip=reporter,
            fetch_policy=FetchPolicy.from_environment(),
        )
        totals = reader.check()
        if totals.documents == 0:
            reporter.finish()
            raise InputError("no readable input: every file or URL given was skipped")
        with Progress(totals.characters, enabled=self.progress) as bar:
            documents = iter(reader)
            first = next(documents, None)
            if first is not None:
                for document, facts in extractor().extract(itertools.chain([first], documents)):
                    bar.advance(len(document.text), facts=len(facts))
                    yield document, facts
        self.status = reporter.finish()

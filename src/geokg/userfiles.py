"""Files named by users: opening, decoding and writing them, with one-line errors.

Every failure is a :class:`~geokg.errors.GeokgError` whose message names the path and says
what is wrong in one line, so a command can print it as it is.

Reading. Text is UTF-8 (a byte-order mark is dropped); nothing guesses another encoding,
because a wrong guess silently corrupts names and offsets. Errors name the line and the byte:

>>> import io
>>> list(numbered_lines(io.BytesIO(b"\\xef\\xbb\\xbfone\\ntwo\\n"), "notes.jsonl"))
[(1, 'one\\n'), (2, 'two\\n')]
>>> decode_text("café".encode(), "note.txt")
'café'
>>> decode_text(b"Title\\nCaf\\xe9", "a.txt")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
geokg.errors.InputError: a.txt: not valid UTF-8 at byte 9 (line 2, 0xe9); convert the file...

Writing. :func:`write_output` writes only to a regular file (or standard output for ``-``):
it refuses directories, devices, FIFOs and sockets before doing any work, writes through a
symbolic link to the file it names, and keeps an existing file's permissions, owner and hard
links (the content is rendered to an anonymous temporary file first, then copied over the
target, so a failed render leaves the target untouched and no temporary file behind).
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO

from geokg.errors import InputError, OutputError

__all__ = [
    "SNIFF_BYTES",
    "STDIN",
    "check_output_path",
    "decode_text",
    "looks_binary",
    "numbered_lines",
    "open_binary",
    "open_input",
    "os_reason",
    "read_bytes",
    "read_text",
    "write_output",
    "write_text",
]

#: The path that names standard input (or standard output, for outputs).
STDIN = "-"
#: How much of a file's start is looked at to tell binary data from text.
SNIFF_BYTES = 8192
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F}
# A chunk with more than this share of control bytes is binary, not text.
_BINARY_CONTROL_SHARE = 0.10
_COPY_CHUNK = 1 << 20


# --- reading --------------------------------------------------------------------------------


def open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a user's file for reading in binary mode."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read file ({os_reason(error)})") from None


def open_input(source: str | os.PathLike[str], *, stdin: IO[bytes] | None = None) -> IO[bytes]:
    """A user's file, or standard input for ``-``, opened so that it can be read twice:
    standard input is copied to an anonymous temporary file first (check a whole input,
    then use it). The caller closes what it gets."""
    if str(source) != STDIN:
        return open_binary(source)
    stream = stdin if stdin is not None else sys.stdin.buffer
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (returned; the caller closes it)
    try:
        shutil.copyfileobj(stream, spool, _COPY_CHUNK)
    except OSError as error:
        spool.close()
        raise InputError(f"<stdin>: cannot read ({os_reason(error)})") from None
    spool.seek(0)
    return spool


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    with open_binary(path) as stream:
        try:
            return stream.read()
        except OSError as error:
            raise InputError(f"{path}: cannot read file ({os_reason(error)})") from None


def read_text(path: str | os.PathLike[str]) -> str:
    """A whole UTF-8 text file (see :func:`decode_text`)."""
    return decode_text(read_bytes(path), str(path))


def looks_binary(head: bytes) -> bool:
    """Whether a file whose first bytes are ``head`` is binary data rather than text
    (only its first :data:`SNIFF_BYTES` are looked at)."""
    head = head[:SNIFF_BYTES]
    return b"\x00" in head or _looks_binary(head)


def decode_text(data: bytes, where: str) -> str:
    """Strict UTF-8 without a byte-order mark; binary data and invalid bytes are refused
    with the byte offset and line, ``where`` naming the source."""
    if looks_binary(data):
        raise InputError(f"{where}: binary data, not a text file")
    body = data.removeprefix(b"\xef\xbb\xbf")
    bom = len(data) - len(body)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{where}: not valid UTF-8 at byte {bom + error.start} (line {line}, "
            f"{_hex(body[error.start : error.end])}); convert the file to UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(f"{where}: binary data (NUL byte), not text")
    return text


def numbered_lines(stream: IO[bytes], where: str) -> Iterator[tuple[int, str]]:
    """Decode a binary stream line by line (strict UTF-8, byte-order mark dropped), one
    line in memory at a time, counting bytes so that an error names its offset."""
    offset = 0
    for number, raw in enumerate(_lines_of(stream, where), start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
            offset += 3
        if b"\x00" in raw:
            raise InputError(f"{where}: binary data (NUL byte on line {number}), not text")
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            if _looks_binary(raw):
                raise InputError(f"{where}: binary data on line {number}, not text") from None
            raise InputError(
                f"{where}:line {number}: not valid UTF-8 at byte {offset + error.start} "
                f"({_hex(raw[error.start : error.end])}); convert the file to UTF-8"
            ) from None
        offset += len(raw)


def _lines_of(stream: IO[bytes], where: str) -> Iterator[bytes]:
    """The raw lines of a stream; a failing read (an I/O error) is a one-line error."""
    lines = iter(stream)
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except OSError as error:
            raise InputError(f"{where}: cannot read file ({os_reason(error)})") from None
        yield raw


def _looks_binary(chunk: bytes) -> bool:
    if not chunk:
        return False
    controls = sum(1 for byte in chunk if byte in _CONTROL_BYTES)
    return controls / len(chunk) > _BINARY_CONTROL_SHARE


def _hex(data: bytes) -> str:
    return " ".join(f"0x{byte:02x}" for byte in data[:4])


def os_reason(error: OSError) -> str:
    """What went wrong, for a one-line message: ``permission denied``, ``no space left on
    device`` ..."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error)


# --- writing --------------------------------------------------------------------------------

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The regular file an output path names (a symbolic link is followed), or a one-line
    :class:`OutputError` saying why it cannot be written. Call it before expensive work;
    :func:`write_output` calls it again."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        directory = target.parent
        shown = _shown_directory(path, directory)
        if not directory.is_dir():
            raise OutputError(f"cannot write {path}: no such directory {shown}") from None
        if not os.access(directory, os.W_OK | os.X_OK):
            raise OutputError(
                f"cannot write {path}: permission denied (directory {shown})"
            ) from None
        return target
    except OSError as error:
        raise OutputError(f"cannot write {path}: {os_reason(error)}") from None
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise OutputError(f"cannot write {path}: it is {kind}, not a regular file")
    if not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {path}: permission denied")
    return target


def _shown_directory(path: str | os.PathLike[str], directory: Path) -> str:
    given = Path(path)
    if given.is_symlink():
        return str(directory)
    return str(given.parent) if str(given.parent) else "."


def write_output(
    path: str | os.PathLike[str],
    write: Callable[[IO[bytes]], object],
    *,
    stdout: IO[bytes] | None = None,
) -> None:
    """Call ``write`` with a binary stream whose bytes end up in ``path`` (standard output
    for ``-``).

    The bytes go to an anonymous temporary file (in the target's directory when it allows,
    else the system's) and are copied into the target only when ``write`` has returned: an
    existing file is overwritten in place (its mode, owner and hard links stay; a symbolic
    link is written through), a new one is created with the usual permissions. Whatever
    fails, no temporary file is left and a failed ``write`` leaves the target untouched.
    """
    if str(path) == STDIN:
        stream = stdout if stdout is not None else sys.stdout.buffer
        write(stream)
        stream.flush()
        return
    target = check_output_path(path)
    with _spool(target.parent, path) as spool:
        try:
            write(spool)
            spool.flush()
            spool.seek(0)
        except OSError as error:
            raise OutputError(f"cannot write {path}: {os_reason(error)}") from None
        _copy_into(spool, target, path)


def write_text(path: str | os.PathLike[str], text: str, *, stdout: IO[bytes] | None = None) -> None:
    """:func:`write_output` of a text, as UTF-8."""
    write_output(path, lambda stream: stream.write(text.encode("utf-8")), stdout=stdout)


def _spool(directory: Path, path: str | os.PathLike[str]) -> IO[bytes]:
    """An anonymous temporary file (unlinked at once: nothing to clean up, even after a
    crash), on the target's file system when its directory lets us."""
    try:
        return tempfile.TemporaryFile(dir=directory)
    except OSError:
        pass
    try:
        return tempfile.TemporaryFile()
    except OSError as error:
        raise OutputError(f"cannot write {path}: no temporary space ({os_reason(error)})") from None


def _copy_into(source: IO[bytes], target: Path, path: str | os.PathLike[str]) -> None:
    created = False
    try:
        try:
            # O_NONBLOCK: a FIFO put here since the check fails instead of blocking;
            # O_NOFOLLOW: neither is a symbolic link put here since the check followed.
            flags = os.O_WRONLY | os.O_NONBLOCK | os.O_NOFOLLOW
            descriptor = os.open(target, flags)
        except FileNotFoundError:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            created = True
        with os.fdopen(descriptor, "wb") as output:
            if not stat.S_ISREG(os.fstat(output.fileno()).st_mode):
                raise OutputError(f"cannot write {path}: not a regular file")
            os.set_blocking(output.fileno(), True)
            shutil.copyfileobj(source, output, _COPY_CHUNK)
            output.truncate()
    except OSError as error:
        if created:
            target.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {os_reason(error)}") from None

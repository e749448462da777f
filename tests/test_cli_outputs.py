"""Output files of ``geokg export -o`` and ``geokg render -o``: only regular files (or
standard output) are written, links are written through, an existing file keeps its mode and
hard links, and every refusal is one line that leaves the directory as it was."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geokg.cli import cli
from geokg.store import KnowledgeGraph


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args])


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("geokg: error: "), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_store_template: Path) -> Path:
    """A store holding the sample facts, shared by this module's tests (which only read)."""
    path = tmp_path_factory.mktemp("outputs") / "store"
    return Path(shutil.copytree(sample_store_template, path))


@pytest.fixture(scope="module")
def turtle(store: Path) -> bytes:
    result = run(store, "export", "--format", "turtle")
    assert result.exit_code == 0 and "actor:IRN" in result.stdout
    return result.stdout_bytes


@pytest.fixture
def out(tmp_path: Path) -> Path:
    directory = tmp_path / "out"
    directory.mkdir()
    return directory


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_fifo_is_refused_without_blocking(store: Path, out: Path) -> None:
    fifo = out / "pipe.ttl"
    os.mkfifo(fifo)
    line = one_line_error(run(store, "export", "-o", str(fifo)))
    assert (
        line == f"geokg: error: cannot write {fifo}: it is a FIFO (named pipe), not a regular file"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert listing(out) == ["pipe.ttl"]


def test_directory_is_refused_and_no_temporary_file_is_left(store: Path, out: Path) -> None:
    line = one_line_error(run(store, "export", "-o", str(out)))
    assert line == f"geokg: error: cannot write {out}: it is a directory, not a regular file"
    assert listing(out) == []


def test_link_to_a_device_is_refused(store: Path, out: Path) -> None:
    """As `-o /dev/full` turned the device into a file: a link to a device is followed and
    the device refused (nothing is written to it)."""
    link = out / "null.ttl"
    link.symlink_to(os.devnull)
    line = one_line_error(run(store, "export", "-o", str(link)))
    assert line.endswith("it is a character device, not a regular file")
    assert link.is_symlink() and stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_symlink_is_written_through(store: Path, out: Path, turtle: bytes) -> None:
    target = out / "real.ttl"
    target.write_bytes(b"old")
    link = out / "link.ttl"
    link.symlink_to("real.ttl")
    assert run(store, "export", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == "real.ttl"
    assert target.read_bytes() == turtle
    assert listing(out) == ["link.ttl", "real.ttl"]


def test_existing_file_keeps_its_mode_and_hard_links(store: Path, out: Path, turtle: bytes) -> None:
    target = out / "graph.ttl"
    target.write_bytes(b"a much longer old content than nothing " * 1000)
    target.chmod(0o600)
    twin = out / "twin.ttl"
    os.link(target, twin)
    inode = target.stat().st_ino
    assert run(store, "export", "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.stat().st_ino == inode == twin.stat().st_ino
    assert target.stat().st_nlink == 2
    assert twin.read_bytes() == turtle
    assert listing(out) == ["graph.ttl", "twin.ttl"]


def test_new_file_gets_the_usual_permissions(store: Path, out: Path, turtle: bytes) -> None:
    mask = os.umask(0o022)
    try:
        assert run(store, "export", "-o", str(out / "new.ttl")).exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE((out / "new.ttl").stat().st_mode) == 0o644
    assert (out / "new.ttl").read_bytes() == turtle


def test_dash_is_standard_output(store: Path, turtle: bytes) -> None:
    result = run(store, "export", "-o", "-", "--format", "turtle")
    assert result.exit_code == 0 and result.stdout_bytes == turtle


def test_failed_export_leaves_the_target_and_the_directory_as_they_were(
    store: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "graph.nq"
    target.write_bytes(b"precious")

    def failing(self: KnowledgeGraph, output: object, **options: object) -> None:
        output.write(b"half an export")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(KnowledgeGraph, "export", failing)
    line = one_line_error(run(store, "export", "-o", str(target)))
    assert line == f"geokg: error: cannot write {target}: no space left on device"
    assert target.read_bytes() == b"precious"
    assert listing(out) == ["graph.nq"]


@pytest.mark.parametrize("command", [["export"], ["render"]])
def test_missing_directory_is_one_clear_line(store: Path, out: Path, command: list[str]) -> None:
    target = out / "missing" / "file.out"
    line = one_line_error(run(store, *command, "-o", str(target)))
    assert line == f"geokg: error: cannot write {target}: no such directory {out / 'missing'}"
    assert listing(out) == []


@pytest.mark.parametrize("command", [["export"], ["render"]])
def test_unwritable_directory_is_one_clear_line(store: Path, out: Path, command: list[str]) -> None:
    locked = out / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        directory = locked if not os.access(locked, os.W_OK) else Path("/sys")  # root: /sys
        if os.access(directory, os.W_OK) and os.geteuid() != 0:
            pytest.fail(f"{directory} is writable: cannot test an unwritable directory")
        target = directory / "geokg-test.out"
        line = one_line_error(run(store, *command, "-o", str(target)))
        assert line.startswith(f"geokg: error: cannot write {target}: permission denied")
        assert not target.exists()
    finally:
        locked.chmod(0o755)
    assert listing(locked) == []


def test_render_writes_through_the_same_safe_path(store: Path, out: Path) -> None:
    target = out / "map.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    result = run(store, "render", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{target}: 6 actors, 10 statements\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

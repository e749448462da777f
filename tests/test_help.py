"""Every command documents itself (help text and option help) and is named in README.md."""

from __future__ import annotations

import ast
import importlib.metadata
import pydoc
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import geokg
from geokg.cli import cli
from geokg.model import ActorType, CameoRoot, QuadClass

README = Path(__file__).resolve().parents[1] / "README.md"


def commands(
    group: click.Group = cli, prefix: str = "geokg"
) -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


ALL = dict(commands())


def test_there_are_commands() -> None:
    assert {"geokg ingest", "geokg facts", "geokg query", "geokg export", "geokg import"} <= set(
        ALL
    )


@pytest.mark.parametrize("path", sorted(ALL))
def test_command_has_help(path: str) -> None:
    command = ALL[path]
    assert command.help and command.help.strip(), f"{path} has no help text"
    assert command.get_short_help_str().strip()
    for parameter in command.params:
        if isinstance(parameter, click.Option) and not parameter.hidden:
            assert parameter.help, f"{path} {parameter.opts[0]} has no help"


@pytest.mark.parametrize("path", sorted(ALL))
def test_help_runs(path: str) -> None:
    result = CliRunner().invoke(cli, [*path.split()[1:], "--help"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Usage: {path}")


def test_group_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert f"  {name} " in result.stdout


@pytest.mark.parametrize("path", sorted(ALL))
def test_command_is_in_readme(path: str) -> None:
    assert f"`{path}" in README.read_text(encoding="utf-8") or path in README.read_text(
        encoding="utf-8"
    ), f"{path} is not documented in README.md"


@pytest.mark.parametrize("path", sorted(ALL))
def test_usage_shows_optional_arguments_as_optional(path: str) -> None:
    command = ALL[path]
    usage = CliRunner().invoke(cli, [*path.split()[1:], "--help"]).stdout.splitlines()[0]
    for argument in command.params:
        if isinstance(argument, click.Argument):
            assert argument.metavar, f"{path} {argument.name} has no metavar"
            optional = not argument.required
            assert argument.metavar.startswith("[") == optional, (path, argument.metavar)
            assert f" {argument.metavar}" in usage, usage


def test_choices_are_spelled_with_hyphens() -> None:
    for path, command in ALL.items():
        for parameter in command.params:
            if isinstance(parameter.type, click.Choice):
                for choice in parameter.type.choices:
                    assert "_" not in str(choice), f"{path} {parameter.name}: {choice!r}"


def test_the_mit_licence_is_shipped() -> None:
    text = (README.parent / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ") and " geokg developers\n" in text
    project = tomllib.loads((README.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert "LICENSE" in project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


def test_python_help_shows_how_to_ingest_a_facts_file_and_with_dask() -> None:
    text = pydoc.render_doc(geokg, renderer=pydoc.plaintext)
    assert 'geokg.ingest_facts_file(kg, geokg.data_path("facts", "sample.jsonl"))' in text
    assert 'geokg.ingest_with_dask(kg, articles, scheduler="synchronous")' in text
    assert geokg.ingest_facts_file.__module__ == "geokg.ingest"  # the examples are doctests


def _distribution(requirement: str) -> str:
    name = re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_import_is_a_declared_dependency() -> None:
    """A package geokg imports is in pyproject's dependencies (an optional extra's only
    where geokg imports it lazily for that extra), not merely installed through another."""
    project = tomllib.loads((README.parent / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_distribution(r) for r in project["project"]["dependencies"]}
    distributed = {
        _distribution(r) for r in project["project"]["optional-dependencies"]["distributed"]
    }
    # The learned event model's training (not its inference) needs the train extra.
    training = {_distribution(r) for r in project["project"]["optional-dependencies"]["train"]}
    extras = {"distributed.py": distributed, "train.py": training}
    providers = importlib.metadata.packages_distributions()
    source = Path(geokg.__file__).parent
    undeclared = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in ("geokg", "__future__"):
                    continue
                names = {_distribution(d) for d in providers.get(top, [top])}
                allowed = declared | extras.get(path.name, set())
                if not names & allowed:
                    undeclared.append(f"{path.relative_to(source)}: {module}")
    assert undeclared == []


def _spelled_out_concepts() -> dict[str, str]:
    """Each spelling of a concept that model.py defines once, with what it spells."""
    spellings = {kind.value: "ActorType" for kind in ActorType}
    for quad in QuadClass:
        spellings |= {quad.label: "QuadClass", quad.slug: "QuadClass"}
    # One-word root labels ("reject", "yield") are also verbs that rules look for.
    spellings |= {root.label: "CameoRoot" for root in CameoRoot if " " in root.label}
    return spellings


def test_actor_types_quad_classes_cameo_roots_and_the_store_are_defined_once() -> None:
    """Issue 9: actor types and quad classes were spelled out in model.py, cli.py and
    render.py, and DEFAULT_STORE defined twice with different values. Every other module
    names them through the enums of geokg.model (a string literal spelling one is a copy)."""
    spellings = _spelled_out_concepts()
    source = Path(geokg.__file__).parent
    stores, copies = [], []
    for path in sorted(source.rglob("*.py")):
        where = path.relative_to(source).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == "DEFAULT_STORE" for t in targets):
                    stores.append(where)
            if isinstance(node, ast.Constant) and node.value in spellings and where != "model.py":
                copies.append(f"{where}:{node.lineno}: {node.value!r} ({spellings[node.value]})")
    assert stores == ["model.py"]
    assert copies == []


def test_ci_runs_the_readme_test_command_with_two_workers() -> None:
    """`.ci/run` runs the README's install-and-test command verbatim, and both that command
    and the fast-test command run two pytest workers (pytest-xdist, a test dependency)."""
    readme = README.read_text(encoding="utf-8")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    [install] = re.findall(r"(?m)^command -v chromium .*$", readme)
    assert install in ci.splitlines()
    assert install.endswith("&& .venv/bin/python -m pytest -n 2")
    assert '.venv/bin/python -m pytest -n 2 -m "not slow"' in readme
    project = tomllib.loads((README.parent / "pyproject.toml").read_text(encoding="utf-8"))
    test_extra = project["project"]["optional-dependencies"]["test"]
    assert any(re.match(r"pytest-xdist\b", requirement) for requirement in test_extra)

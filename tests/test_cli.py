"""The ``geokg`` command line on a real on-disk Oxigraph store, through click's CliRunner."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geokg import cli as cli_module
from geokg.cli import cli

SAMPLE = Path(str(files("geokg") / "data" / "facts" / "sample.jsonl"))
ARTICLE = Path(str(files("geokg") / "data" / "articles" / "01_russia_iranian_drones.txt"))


def run(store: Path, *args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args], input=input)


def ok(store: Path, *args: str, input: str | bytes | None = None) -> str:
    result = run(store, *args, input=input)
    assert result.exit_code == 0, (result.output, result.stderr)
    return result.stdout


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def sample_store(sample_store_copy: Path) -> Path:
    """This test's own copy of a store after ``ingest --facts sample.jsonl``."""
    return sample_store_copy


# --- the bundled sample --------------------------------------------------------------------


def test_sample_evidence_offsets_match_the_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 8
    for record in lines:
        evidence = record["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert record["document"] == {
            "id": "01_russia_iranian_drones",
            "title": text.splitlines()[0],
            "url": None,
            "published": "2024-05-20",
        }


# --- ingest --------------------------------------------------------------------------------


def test_ingest_facts_prints_a_summary(store: Path) -> None:
    output = ok(store, "ingest", "--facts", str(SAMPLE))
    assert output == "1 documents, 11 facts, 11 new statements, 11 new mentions\n"


def test_ingesting_twice_adds_nothing(sample_store: Path) -> None:
    before = json.loads(ok(sample_store, "stats", "--format", "json"))
    output = ok(sample_store, "ingest", "--facts", str(SAMPLE))
    assert output == "1 documents, 11 facts, 0 new statements, 0 new mentions\n"
    assert json.loads(ok(sample_store, "stats", "--format", "json")) == before


def test_ingest_facts_from_stdin(vocabulary_store: Path) -> None:
    output = ok(vocabulary_store, "ingest", "--facts", "-", input=SAMPLE.read_bytes())
    assert output.startswith("1 documents, 11 facts, 11 new statements")


def test_a_negated_fact_alone_makes_no_direct_triple(
    vocabulary_store: Path, tmp_path: Path
) -> None:
    store = vocabulary_store
    denial = {
        "document": {"id": "d1", "published": "2024-05-20"},
        "subject": "Iran",
        "relation": "suppliesMilitaryAidTo",
        "object": "RUS",
        "negated": True,
        "asserted_by": "IRN",
    }
    facts = tmp_path / "denial.jsonl"
    facts.write_text(json.dumps(denial) + "\n", encoding="utf-8")
    ok(store, "ingest", "--facts", str(facts))
    assert ok(store, "query", "ASK { actor:IRN ?p actor:RUS }") == "false\n"
    assert ok(store, "query", "ASK { ?st geokg:negated true }") == "true\n"


def _facts_file(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    records = [
        {
            "document": {"id": doc, "published": "2024-05-20"},
            "subject": subject,
            "relation": relation,
            "object": obj,
        }
        for doc, subject, relation, obj in rows
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reingesting_a_changed_facts_file_replaces_its_documents(
    vocabulary_store: Path, tmp_path: Path
) -> None:
    store = vocabulary_store
    aid = "suppliesMilitaryAidTo"
    version_1 = [
        ("d1", "Iran", aid, "RUS"),
        ("d1", "China", "meetsWith", "RUS"),
        ("d2", "Iran", aid, "RUS"),
    ]
    ok(store, "ingest", "--facts", str(_facts_file(tmp_path / "v1.jsonl", version_1)))
    # d1 drops Iran's aid and adds the US's; its facts are not consecutive in the file.
    version_2 = [
        ("d1", "China", "meetsWith", "RUS"),
        ("d2", "Iran", aid, "RUS"),
        ("d1", "USA", aid, "UKR"),
    ]
    output = ok(store, "ingest", "--facts", str(_facts_file(tmp_path / "v2.jsonl", version_2)))
    assert output == "2 documents, 3 facts, 1 new statements, 1 new mentions\n"
    iran = json.loads(ok(store, "facts", "Iran", "--format", "json"))
    assert [(f["sources"], [e["document"]["id"] for e in f["evidence"]]) for f in iran] == [
        (1, ["d2"])
    ]
    stats = json.loads(ok(store, "stats", "--format", "json"))
    assert (stats["statements"], stats["mentions"], stats["documents"]) == (3, 3, 2)
    assert ok(store, "query", "ASK { actor:USA geokg:suppliesMilitaryAidTo actor:UKR }") == (
        "true\n"
    )


def test_a_facts_line_relabelling_a_known_actor_does_not_double_rows(
    sample_store: Path, tmp_path: Path
) -> None:
    before = ok(sample_store, "facts", "Iran", "--include-negated", "--format", "csv")
    record = {
        "document": {"id": "relabel", "published": "2024-06-01"},
        "subject": {"id": "https://w3id.org/geokg/actor/IRN", "label": "Tehran", "type": "State"},
        "relation": "criticises",
        "object": "China",
    }
    relabel = tmp_path / "relabel.jsonl"
    relabel.write_text(json.dumps(record) + "\n", encoding="utf-8")
    ok(sample_store, "ingest", "--facts", str(relabel))
    after = ok(sample_store, "facts", "Iran", "--include-negated", "--format", "csv")
    new_row = "Iran,criticises,China,affirmed,,1,2024-06-01,2024-06-01"
    assert after.splitlines() == [*before.splitlines()[:1], new_row, *before.splitlines()[1:]]
    labels = ok(
        sample_store,
        "query",
        "SELECT ?p ?l { actor:IRN rdfs:label|skos:altLabel ?l ; ?p ?l } ORDER BY ?p ?l",
        "--format",
        "csv",
    )
    assert "rdfs:label" not in labels  # csv has full IRIs
    assert labels.splitlines()[1] == "http://www.w3.org/2000/01/rdf-schema#label,Iran"
    assert "http://www.w3.org/2004/02/skos/core#altLabel,Tehran" in labels.splitlines()


# --- lookups -------------------------------------------------------------------------------


def test_facts_csv_is_exact(sample_store: Path) -> None:
    assert ok(sample_store, "facts", "Iran", "--format", "csv") == (
        "subject,relation,object,polarity,asserted_by,sources,first_seen,last_seen\n"
        "Iran,cooperates diplomatically with,Russia,affirmed,,1,2024-05-20,2024-05-20\n"
        # holdsCallWith is symmetric: its actors are stored in a fixed order.
        "Iran,holds a call with,Vladimir Putin (RUS),affirmed,,1,2024-05-20,2024-05-20\n"
        "Iran,supplies military aid to,Russia,affirmed,,1,2024-05-20,2024-05-20\n"
        "Russia,expresses intent to cooperate with,Iran,affirmed,,1,2024-05-20,2024-05-20\n"
        "Russia,expresses intent to cooperate with,Iran,affirmed,Russia,1,2024-05-20,2024-05-20\n"
        "Vladimir Putin (RUS),makes a statement to,Ali Khamenei (IRN),affirmed,,1,2024-05-20,"
        "2024-05-20\n"
    )


def test_facts_accepts_demonyms_and_codes_alike(sample_store: Path) -> None:
    by_name = ok(sample_store, "facts", "Iran", "--format", "csv")
    assert ok(sample_store, "facts", "IRN", "--format", "csv") == by_name


def test_facts_include_negated_shows_the_denial(sample_store: Path) -> None:
    plain = ok(sample_store, "facts", "Iran", "--relation", "07")
    assert "denied" not in plain
    output = ok(sample_store, "facts", "Iran", "--relation", "07", "--include-negated")
    rows = [line for line in output.splitlines() if "supplies military aid to" in line]
    assert len(rows) == 2
    assert any("denied" in row and "Ebrahim Raisi (IRN)" in row for row in rows)


def test_facts_filters_by_relation_and_other_actor(sample_store: Path) -> None:
    output = ok(sample_store, "facts", "Russia", "--relation", "attacks", "--with", "Ukraine")
    lines = output.splitlines()
    assert lines[0].split() == [
        "subject",
        "relation",
        "object",
        "polarity",
        "asserted_by",
        "sources",
        "first_seen",
        "last_seen",
    ]
    assert len(lines) == 4  # header, rule, two attributions of "Russia attacks Ukraine"
    assert all(line.split()[:3] == ["Russia", "attacks", "Ukraine"] for line in lines[2:])
    assert ok(sample_store, "facts", "Russia", "--since", "2024-06-01", "--format", "csv") == (
        "subject,relation,object,polarity,asserted_by,sources,first_seen,last_seen\n"
    )


def test_facts_json_carries_the_evidence(sample_store: Path) -> None:
    records = json.loads(
        ok(sample_store, "facts", "Iran", "--relation", "suppliesMilitaryAidTo", "--format", "json")
    )
    assert len(records) == 1
    evidence = records[0]["evidence"][0]
    text = ARTICLE.read_text(encoding="utf-8")
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert evidence["document"]["id"] == "01_russia_iranian_drones"
    assert records[0]["subject"]["label"] == "Iran" and records[0]["polarity"] == "affirmed"


def test_statement_json_and_fact_json_agree(sample_store: Path) -> None:
    """``facts --format json`` (statements) and the facts format (``extract``) are built from
    the same parts: each mention of a statement says what the fact it came from says."""
    from geokg.factsio import fact_json, statement_json
    from geokg.store import KnowledgeGraph, StatementFilter

    with KnowledgeGraph(sample_store, read_only=True) as kg:
        statements = kg.statements(StatementFilter(include_negated=True))
        facts = list(kg.facts(StatementFilter(include_negated=True)))
    mentions = [(s, m) for s in statements for m in statement_json(s)["evidence"]]
    assert len(mentions) == len(facts) == 11
    claim = ("subject", "relation", "object", "negated", "asserted_by")
    for (statement, mention), fact in zip(mentions, map(fact_json, facts), strict=True):
        record = statement_json(statement)
        assert {k: record[k] for k in claim} == {k: fact[k] for k in claim}
        assert {k: mention[k] for k in ("sentence", "start", "end")} == fact["evidence"]
        for key in ("confidence", "attributes", "document"):
            assert mention[key] == fact[key]


def test_query_ask_and_select(sample_store: Path) -> None:
    assert ok(sample_store, "query", "ASK { actor:IRN ?p actor:RUS }") == "true\n"
    select = "SELECT ?p WHERE { actor:IRN ?p actor:RUS } ORDER BY ?p"
    csv = run(sample_store, "query", select, "--format", "csv").stdout_bytes.decode()
    assert csv == (  # the SPARQL results CSV format ends lines with CRLF
        "p\r\n"
        "https://w3id.org/geokg/ontology#cooperatesDiplomaticallyWith\r\n"
        "https://w3id.org/geokg/ontology#suppliesMilitaryAidTo\r\n"
    )
    table = ok(sample_store, "query", select)
    assert table.splitlines()[2:] == [
        "geokg:cooperatesDiplomaticallyWith",
        "geokg:suppliesMilitaryAidTo",
    ]
    payload = json.loads(ok(sample_store, "query", select, "--format", "json"))
    assert payload["head"]["vars"] == ["p"]
    assert ok(sample_store, "query", "-", "--format", "tsv", input=select).startswith("?p\n<")


def test_query_from_file_and_construct(sample_store: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "q.rq"
    query_file.write_text(
        "CONSTRUCT { actor:IRN geokg:suppliesMilitaryAidTo ?o } "
        "WHERE { actor:IRN geokg:suppliesMilitaryAidTo ?o }",
        encoding="utf-8",
    )
    output = ok(sample_store, "query", "-f", str(query_file))
    assert "actor:IRN geokg:suppliesMilitaryAidTo actor:RUS" in output


def test_query_from_standard_input(sample_store: Path) -> None:
    ask = "ASK { actor:IRN geokg:suppliesMilitaryAidTo actor:RUS }"
    assert ok(sample_store, "query", "-", input=ask) == "true\n"
    assert ok(sample_store, "query", "-f", "-", input=ask.encode("utf-8")) == "true\n"


def test_construct_as_json_is_json_ld_and_csv_is_refused(sample_store: Path) -> None:
    construct = "CONSTRUCT { actor:IRN ?p actor:RUS } WHERE { actor:IRN ?p actor:RUS }"
    document = json.loads(ok(sample_store, "query", "--format", "json", construct))
    assert document["@context"]["actor"] == "https://w3id.org/geokg/actor/"
    assert document["@graph"] == [
        {
            "@id": "actor:IRN",
            "geokg:cooperatesDiplomaticallyWith": [{"@id": "actor:RUS"}],
            "geokg:suppliesMilitaryAidTo": [{"@id": "actor:RUS"}],
        }
    ]
    result = run(sample_store, "query", "--format", "csv", construct)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "geokg: error: CONSTRUCT and DESCRIBE give RDF, not a table: use --format json "
        "(JSON-LD) or table (Turtle), not csv\n"
    )


# --- whole store ---------------------------------------------------------------------------


def test_export_import_round_trip(sample_store: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.nq"
    ok(sample_store, "export", "-o", str(dump))
    assert dump.read_text(encoding="utf-8").count("\n") > 50
    copy = tmp_path / "copy"
    assert ok(copy, "import", str(dump)).endswith(" new triples\n")
    stats = ok(sample_store, "stats", "--format", "json")
    assert ok(copy, "stats", "--format", "json") == stats
    assert ok(copy, "facts", "Iran", "--format", "csv") == ok(
        sample_store, "facts", "Iran", "--format", "csv"
    )


@pytest.mark.parametrize("rdf_format", ["nquads", "turtle", "trig", "jsonld", "rdfxml"])
def test_importing_a_stores_own_export_adds_nothing(
    sample_store: Path, tmp_path: Path, rdf_format: str
) -> None:
    """The ontology's blank nodes have stable IRIs: re-importing an export is idempotent."""
    dump = tmp_path / "dump.data"
    ok(sample_store, "export", "--format", rdf_format, "-o", str(dump))
    before = ok(sample_store, "stats", "--format", "json")
    for _ in range(2):
        assert ok(sample_store, "import", "--format", rdf_format, str(dump)) == "0 new triples\n"
    assert ok(sample_store, "stats", "--format", "json") == before
    assert ok(sample_store, "query", "ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }") == (
        "false\n"
    )


def test_export_turtle_to_stdout_and_graphml(sample_store: Path, tmp_path: Path) -> None:
    assert "geokg:suppliesMilitaryAidTo" in ok(sample_store, "export", "--format", "turtle")
    graphml = tmp_path / "net.graphml"
    ok(sample_store, "export", "-o", str(graphml))
    assert "<graphml" in graphml.read_text(encoding="utf-8")


def test_stats(sample_store: Path) -> None:
    counts = json.loads(ok(sample_store, "stats", "--format", "json"))
    assert counts["statements"] == 11 and counts["mentions"] == 11 and counts["documents"] == 1
    table = ok(sample_store, "stats").splitlines()
    assert table[0].split() == ["what", "count"] and "statements  11" in table


# --- vocabularies --------------------------------------------------------------------------


def test_actors_search_is_typo_tolerant(store: Path) -> None:
    output = ok(store, "actors", "Irn", "--format", "csv")
    assert output.splitlines()[0] == "id,label,type,country,aliases"
    assert any(line.startswith("IRN,Iran,State") for line in output.splitlines())
    states = ok(store, "actors", "--type", "state", "--limit", "5", "--format", "json")
    assert len(json.loads(states)) == 5


def test_relations_list(store: Path) -> None:
    output = ok(store, "relations", "--format", "csv")
    assert "suppliesMilitaryAidTo,supplies military aid to,072,AID,material cooperation" in (
        output.splitlines()
    )
    assert ok(store, "relations", "sanctions on", "--format", "csv").splitlines()[1:] == [
        "easesSanctionsOn,eases sanctions on,085,RETREAT,material cooperation",
        "imposesSanctionsOn,imposes sanctions on,163,SANCTION,material conflict",
    ]


# --- networks ------------------------------------------------------------------------------


def test_rank_and_path(sample_store: Path) -> None:
    ranked = ok(sample_store, "rank", "--format", "csv").splitlines()
    assert ranked[0] == "rank,actor,label,score"
    assert ranked[1].startswith("1,RUS,Russia,")
    path = ok(sample_store, "path", "Ukraine", "Iran")
    assert "Russia attacks Ukraine" in path
    assert len(path.splitlines()) == 2


def test_rank_by_in_degree_accepts_the_old_spelling_with_a_note(sample_store: Path) -> None:
    hyphen = run(sample_store, "rank", "--by", "in-degree", "--format", "csv")
    underscore = run(sample_store, "rank", "--by", "in_degree", "--format", "csv")
    assert hyphen.exit_code == underscore.exit_code == 0, underscore.stderr
    assert hyphen.stdout == underscore.stdout
    assert hyphen.stdout.splitlines()[1:3] == ["1,RUS,Russia,4", "2,IRN,Iran,2"]
    assert hyphen.stderr == ""
    assert underscore.stderr == "geokg: note: 'in_degree' is deprecated, use 'in-degree'\n"


def test_relations_are_named_alike_in_facts_render_and_rank(sample_store: Path) -> None:
    """A label, a CAMEO code and a name select the same relation in every command."""
    references = ["supplies military aid to", "072", "suppliesMilitaryAidTo"]
    ranks = {ok(sample_store, "rank", "--relation", r, "--format", "csv") for r in references}
    assert ranks == {"rank,actor,label,score\n1,IRN,Iran,1\n2,RUS,Russia,1\n"}
    facts = {
        ok(sample_store, "facts", "Iran", "--relation", r, "--format", "csv") for r in references
    }
    assert len(facts) == 1 and "supplies military aid to,Russia" in facts.pop()
    line = run(sample_store, "render", "--relation", "072", "-o", "-").stderr
    assert line == "-: 2 actors, 1 statements\n"


# --- laziness ------------------------------------------------------------------------------


def test_lookups_never_import_spacy(sample_store: Path) -> None:
    script = (
        "import sys\n"
        "from geokg.cli import cli\n"
        f"code = cli.main(['--store', {str(sample_store)!r}, 'facts', 'Iran'],"
        " standalone_mode=False)\n"
        "assert code == 0, code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "supplies military aid to" in result.stdout
    assert "LOADED []" in result.stdout


def test_render_writes_a_map(sample_store: Path, tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    output = ok(sample_store, "render", "-o", str(page), "--actor", "Iran", "--title", "Iran")
    assert output.startswith(f"{page}: ")
    assert "<html" in page.read_text(encoding="utf-8").lower()


def test_validate_the_sample_store(sample_store: Path) -> None:
    result = run(sample_store, "validate")
    assert result.exit_code == 0, result.stdout
    assert "conforms" in result.stdout


# --- extraction (loads the spaCy model) ----------------------------------------------------


@pytest.mark.slow
def test_extract_then_ingest_an_article(store: Path) -> None:
    lines = ok(store, "extract", str(ARTICLE), "--published", "2024-05-20").splitlines()
    facts = [json.loads(line) for line in lines]
    assert facts and all(f["document"]["id"] == "01_russia_iranian_drones" for f in facts)
    table = ok(store, "extract", str(ARTICLE), "--format", "table")
    assert table.splitlines()[0].split()[:3] == ["subject", "relation", "object"]
    summary = ok(store, "ingest", str(ARTICLE), "--published", "2024-05-20")
    assert summary.startswith(f"1 documents, {len(facts)} facts, ")
    again = ok(store, "ingest", str(ARTICLE), "--published", "2024-05-20")
    assert again.endswith(" 0 new statements, 0 new mentions\n")


@pytest.mark.slow
def test_dask_reingest_of_a_changed_article_drops_its_old_facts(tmp_path: Path) -> None:
    """ingest --dask replaces a changed document as a sequential ingest does."""
    original = (ARTICLE.parent / "02_red_sea_strikes.txt").read_text(encoding="utf-8")
    article = tmp_path / "red_sea.txt"
    article.write_text(original, encoding="utf-8")
    dask, sequential = tmp_path / "dask", tmp_path / "sequential"
    ok(dask, "ingest", "--dask", "synchronous", str(article))
    assert "Iran,criticises,United States,affirmed" in ok(dask, "facts", "Iran", "--format", "csv")
    article.write_text(original.replace("Iran condemned the strikes", "Few noticed"), "utf-8")
    assert ok(dask, "ingest", "--dask", "synchronous", str(article)).startswith("1 documents")
    ok(sequential, "ingest", str(article))
    for command in (["facts", "Iran"], ["facts", "United States", "--include-negated"]):
        after = ok(dask, *command, "--format", "csv")
        assert after == ok(sequential, *command, "--format", "csv")
    assert ok(dask, "stats", "--format", "json") == ok(sequential, "stats", "--format", "json")
    result = run(dask, "facts", "Iran")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no facts found\n")


@pytest.mark.slow
def test_evaluate_prints_a_report(store: Path) -> None:
    gold = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold.json"
    if not gold.exists():
        pytest.skip("the shared evaluation data is not beside the project")
    output = ok(store, "evaluate", str(gold))
    assert output.strip()


# Issue 9: cli.py only parses options, calls the library and prints. What it must not hold:
# reading or decoding files, SPARQL, RDF (rdflib, Oxigraph, IRIs, prefixed names).
_NOT_IN_THE_CLI_MODULES = {"rdflib", "pyoxigraph", "oxrdflib", "json", "codecs", "io", "csv"}
_NOT_IN_THE_CLI_CALLS = {
    "open", "decode", "encode", "read", "readline", "readlines", "read_text", "read_bytes",
    "loads", "load", "parse", "serialize", "update", "query", "ask", "construct",
}  # fmt: skip
_SPARQL_OR_RDF = re.compile(
    r"(?i)\b(select|construct|describe|ask|insert|delete|prefix|where)\b\s*[{?<(*]"
    r"|\?\w+\s*[.;}]|<https?://|w3id\.org|\b(rdf|rdfs|owl|skos|dcterms|geokg|actor|xsd):\w"
)


def cli_violations(source: str) -> list[str]:
    """What in a version of cli.py is file decoding, SPARQL or RDF (docstrings aside)."""
    tree = ast.parse(source)
    found = []
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found += [f"import {n}" for n in names if n.split(".")[0] in _NOT_IN_THE_CLI_MODULES]
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else None
            name = name or (function.id if isinstance(function, ast.Name) else None)
            if name in _NOT_IN_THE_CLI_CALLS:
                found.append(f"line {node.lineno}: {name}()")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _SPARQL_OR_RDF.search(node.value)
        ):
            found.append(f"line {node.lineno}: {node.value[:60]!r}")
    return found


def test_the_cli_holds_no_file_decoding_no_sparql_and_no_rdf() -> None:
    source = Path(cli_module.__file__).read_text(encoding="utf-8")
    assert cli_violations(source) == []
    # the check finds each kind of thing it looks for
    assert set(
        cli_violations(
            "import json\n"
            "from rdflib import Graph\n"
            "text = path.read_bytes().decode('utf-8')\n"
            "graph.query('SELECT ?s WHERE { ?s ?p ?o }')\n"
            "iri = '<https://w3id.org/geokg/actor/IRN>'\n"
            "name = 'geokg:suppliesMilitaryAidTo'\n"
        )
    ) == {
        "import json",
        "import rdflib",
        "line 3: decode()",
        "line 3: read_bytes()",
        "line 4: query()",
        "line 4: 'SELECT ?s WHERE { ?s ?p ?o }'",
        "line 5: '<https://w3id.org/geokg/actor/IRN>'",
        "line 6: 'geokg:suppliesMilitaryAidTo'",
    }

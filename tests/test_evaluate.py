"""Tests of geokg.evaluate: exact numbers on small gold files, and agreement with score.py."""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from geokg.errors import InputError
from geokg.evaluate import (
    ALIASES,
    PLOVER_TO_CAMEO,
    UNDIRECTED_ROOTS,
    ArticleReport,
    Counts,
    SentenceReport,
    detect_gold_format,
    evaluate_articles,
    evaluate_sentences,
    format_report,
)
from geokg.factsio import dumps_fact
from geokg.model import Actor, ActorType, Document, Fact, QuadClass, Relation

SHARED_EVAL = Path(__file__).parents[2] / "shared" / "eval"

RUS = Actor("RUS", "Russia", ActorType.STATE, country="RUS")
UKR = Actor("UKR", "Ukraine", ActorType.STATE, country="UKR")
IRN = Actor("IRN", "Iran", ActorType.STATE, country="IRN")
USA = Actor("USA", "United States", ActorType.STATE, country="USA")
ISR = Actor("ISR", "Israel", ActorType.STATE, country="ISR")
PSE = Actor("PSE", "Palestine", ActorType.STATE, country="PSE")
POL = Actor("POL", "Poland", ActorType.STATE, country="POL")
ROU = Actor("ROU", "Romania", ActorType.STATE, country="ROU")
PUTIN = Actor("vladimir_putin", "Vladimir Putin", ActorType.PERSON, country="RUS")
NATO = Actor("nato", "North Atlantic Treaty Organization", ActorType.INTERNATIONAL_ORGANIZATION)
EU = Actor("eu", "European Union", ActorType.INTERNATIONAL_ORGANIZATION)
WEST = Actor("west", "the West", ActorType.COLLECTIVE_ACTOR)
CRITICS = Actor("kremlin_critics", "Kremlin critics", ActorType.COLLECTIVE_ACTOR)

# (subject, CAMEO code, object, negated)
Spec = tuple[Actor, str, Actor, bool]


def relation(cameo: str) -> Relation:
    return Relation(f"r{cameo}", f"relation {cameo}", cameo, None, QuadClass.VERBAL_CONFLICT, 0.0)


@dataclass
class FixedExtractor:
    """An extract callable that returns hand-built facts for each document id."""

    specs: Mapping[str, Sequence[Spec]]
    received: list[Document] = field(default_factory=list)

    def facts_for(self, document: Document) -> list[Fact]:
        return [
            Fact(document.without_text(), s, relation(code), o, negated=negated)
            for s, code, o, negated in self.specs.get(document.id, ())
        ]

    def __call__(self, documents: Sequence[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        for document in documents:
            self.received.append(document)
            yield document, self.facts_for(document)


# ----------------------------------------------------------------- articles

ARTICLE_GOLD = [
    {
        "file": "a.txt",
        "published": "2024-05-20",
        "facts": [
            {"subject": "RUS", "relation": "19", "object": "UKR", "negated": False},
            {"subject": "IRN", "relation": "07", "object": "RUS"},
            {"subject": "IRN", "relation": "07", "object": "RUS", "negated": True},
            {"subject": "west", "relation": "16", "object": "RUS"},
            {"subject": "RUS", "relation": "04", "object": "IRN"},
            {"subject": "IRN", "relation": "05", "object": "RUS", "optional": True},
            # Optional and also required: stays required.
            {"subject": "RUS", "relation": "19", "object": "UKR", "optional": True},
        ],
    },
    {
        "file": "b.txt",
        "facts": [
            {"subject": "USA", "relation": "11", "object": "RUS"},
            {"subject": "UKR", "relation": "06", "object": "nato"},
        ],
    },
]

ARTICLE_FACTS: dict[str, list[Spec]] = {
    "a": [
        (RUS, "190", UKR, False),  # hit
        (RUS, "193", UKR, False),  # the same key again: counted once
        (IRN, "070", RUS, False),  # hit; the negated gold fact is missed
        (WEST, "163", RUS, False),  # hit through the label "the West"
        (IRN, "040", RUS, False),  # hit: consult is undirected
        (RUS, "051", IRN, False),  # optional (undirected): neither hit nor false positive
        (PUTIN, "111", UKR, False),  # false positive, keyed RUS by country
        (RUS, "1", UKR, False),  # no CAMEO root: ignored
    ],
    "b": [
        (NATO, "061", UKR, False),  # hit: undirected, nato keyed by its label
        (RUS, "120", CRITICS, False),  # false positive keyed "kremlin_critics"
    ],
}


def write_article_gold(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Russia attacks Ukraine\n\nText of a.\n", encoding="utf-8")
    (articles / "b.txt").write_text("NATO helps Ukraine\n\nText of b.\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(ARTICLE_GOLD), encoding="utf-8")
    return gold, articles


def test_articles_exact_counts(tmp_path: Path) -> None:
    gold, articles = write_article_gold(tmp_path)
    extractor = FixedExtractor(ARTICLE_FACTS)
    report = evaluate_articles(gold, articles, extractor)
    a, b = report.articles
    assert a.hits == (
        ("IRN", "04", "RUS", False),
        ("IRN", "07", "RUS", False),
        ("RUS", "19", "UKR", False),
        ("west", "16", "RUS", False),
    )
    assert a.misses == (("IRN", "07", "RUS", True),)
    assert a.false_positives == (("RUS", "11", "UKR", False),)
    assert b.counts == Counts(tp=1, fp=1, fn=1)
    assert b.false_positives == (("RUS", "12", "kremlin_critics", False),)
    assert report.counts == Counts(tp=5, fp=2, fn=2)
    assert report.precision == pytest.approx(5 / 7)
    assert report.recall == pytest.approx(5 / 7)
    assert report.f1 == pytest.approx(5 / 7)
    assert report.per_root == {
        "04": Counts(1, 0, 0),
        "06": Counts(1, 0, 0),
        "07": Counts(1, 0, 1),
        "11": Counts(0, 1, 1),
        "12": Counts(0, 1, 0),
        "16": Counts(1, 0, 0),
        "19": Counts(1, 0, 0),
    }
    # The gold's publication date reaches the extractor, like score.py's --published.
    assert [(d.id, d.published) for d in extractor.received] == [
        ("a", date(2024, 5, 20)),
        ("b", None),
    ]
    assert extractor.received[0].text == "Russia attacks Ukraine\n\nText of a.\n"


def test_articles_report_text(tmp_path: Path) -> None:
    gold, articles = write_article_gold(tmp_path)
    report = evaluate_articles(gold, articles, FixedExtractor(ARTICLE_FACTS))
    text = format_report(report, show=True)
    lines = text.splitlines()
    assert lines[0] == "a.txt: tp=4 fp=1 fn=1"
    assert "  hit   RUS 19 UKR" in lines
    assert "  miss  IRN 07 RUS NEGATED" in lines
    assert "  false RUS 11 UKR" in lines
    assert any(line.startswith("  11 disapprove") for line in lines)
    assert lines[-2:] == ["total: tp=5 fp=2 fn=2", "precision=0.714 recall=0.714 f1=0.714"]
    assert "hit" not in format_report(report)


def test_articles_with_no_facts_scores_zero(tmp_path: Path) -> None:
    gold, articles = write_article_gold(tmp_path)
    report = evaluate_articles(gold, articles, FixedExtractor({}))
    assert report.counts == Counts(tp=0, fp=0, fn=7)
    assert format_report(report).splitlines()[-1] == "precision=0.000 recall=0.000 f1=0.000"


def test_articles_missing_file_and_bad_gold(tmp_path: Path) -> None:
    gold, articles = write_article_gold(tmp_path)
    (articles / "b.txt").unlink()
    with pytest.raises(InputError, match=r"b\.txt: no such file"):
        evaluate_articles(gold, articles, FixedExtractor({}))
    bad = tmp_path / "bad.json"
    bad.write_text('[{"file": "a.txt", "facts": [{"subject": "RUS"}]}]', encoding="utf-8")
    with pytest.raises(InputError, match=r"article 1, fact 1: needs"):
        evaluate_articles(bad, articles, FixedExtractor({}))
    bad.write_text("[", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json:line 1: invalid JSON"):
        evaluate_articles(bad, articles, FixedExtractor({}))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.json", "no such file or directory"),
        (lambda p: (p / "gold").mkdir() or p / "gold", "is a directory, not a file"),
        (lambda p: _write(p / "empty.json", b" \n"), "the file is empty: no gold data"),
        (
            lambda p: _write(p / "image.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "binary data, not a text file",
        ),
        (
            lambda p: _write(p / "latin.json", '[\n{"file": "caf\u00e9"}]'.encode("latin-1")),
            "not valid UTF-8 at byte 15 (line 2, 0xe9); convert the file to UTF-8",
        ),
        (
            lambda p: _write(p / "bom.json", b"\xef\xbb\xbf[\n{"),
            "line 2: invalid JSON (Expecting property name enclosed in double quotes)",
        ),
    ],
    ids=["missing", "directory", "empty", "binary", "latin-1", "bom-then-bad-json"],
)
def test_bad_gold_files_fail_as_every_user_file_does(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    """Gold files are read by geokg.userfiles, as articles, facts, queries and imports are:
    the same one-line messages, naming the byte and the line."""
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        detect_gold_format(path)
    assert str(raised.value).startswith(f"{path}")
    assert str(raised.value).endswith(message)
    with pytest.raises(InputError, match=re.escape(message)):
        evaluate_articles(path, tmp_path, FixedExtractor({}))
    with pytest.raises(InputError, match=re.escape(message)):
        evaluate_sentences(path, FixedExtractor({}))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ----------------------------------------------------------------- sentences

RECORDS = [
    {"id": "s1", "text": "Russia shelled Ukraine.", "event": "FIGHT",
     "source": ["RUS"], "target": ["UKR"]},
    {"id": "s2", "text": "The US consulted NATO.", "event": "CONSULT",
     "source": ["USA"], "target": ["IGO"]},
    {"id": "s3", "text": "The US sanctioned Russia.", "event": "SANCTION",
     "source": ["USA"], "target": ["RUS"]},
    {"id": "s4", "text": "The EU agreed to aid Romania and Poland.", "event": "AGREE",
     "source": ["IGO"], "target": ["ROU", "POL"]},
    {"id": "s5", "text": "Israel threatened Gaza.", "event": "THREATEN",
     "source": ["ISR"], "target": ["PSE"]},
    # The same id with another text, as in plover_dev.json: read as document "s5~2".
    {"id": "s5", "text": "Israel rejected a Palestinian plan.", "event": "REJECT",
     "source": ["ISR"], "target": ["PSE"]},
]  # fmt: skip

SENTENCE_FACTS: dict[str, list[Spec]] = {
    "s1": [(RUS, "190", UKR, False)],  # found
    "s2": [(NATO, "040", USA, False)],  # found: undirected, IGO matches a lowercase key
    "s3": [(USA, "163", RUS, True), (RUS, "163", USA, False)],  # negated; reversed directed
    "s4": [(EU, "030", POL, False), (POL, "190", ROU, False)],  # found by the first
    "s5": [(ISR, "138", PSE, False)],  # found for THREATEN, only a dyad for REJECT
    "s5~2": [(ISR, "120", PSE, False)],  # never looked up: grouped under "s5~2"
}


def write_records(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"records": records}), encoding="utf-8")
    return path


def test_sentences_exact_counts(tmp_path: Path) -> None:
    extractor = FixedExtractor(SENTENCE_FACTS)
    report = evaluate_sentences(write_records(tmp_path, RECORDS), extractor)
    assert [d.id for d in extractor.received] == ["s1", "s2", "s3", "s4", "s5", "s5~2"]
    assert [(r.found, r.dyad_found, r.facts, r.matched_facts) for r in report.records] == [
        (True, True, 1, 1),
        (True, True, 1, 1),
        (False, True, 2, 0),
        (True, True, 2, 1),
        (True, True, 1, 1),
        (False, True, 1, 0),
    ]
    assert (report.found, report.dyad_found, report.facts, report.matched_facts) == (4, 6, 8, 4)
    assert report.recall == pytest.approx(4 / 6)
    assert report.dyad_recall == 1.0
    assert report.precision_lb == 0.5
    assert report.per_event["SANCTION"].records == 1
    assert report.per_event["SANCTION"].found == 0
    assert report.per_event["THREATEN"].recall == 1.0
    assert {root: (r.facts, r.matched) for root, r in report.per_root.items()} == {
        "03": (1, 1),
        "04": (1, 1),
        "13": (2, 1),  # the s5 fact, counted for both records with id s5
        "16": (2, 0),
        "19": (2, 1),
    }
    lines = format_report(report, show=True).splitlines()
    assert lines[-2:] == [
        "records=6 found=4 dyad_found=6 facts=8 matched_facts=4",
        "recall=0.667 dyad_recall=1.000 precision_lb=0.500",
    ]
    assert lines[0].startswith(
        "  miss s3 ['USA'] SANCTION ['RUS'] got=['USA 16 RUS', 'RUS 16 USA']"
    )


def test_sentences_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no records"):
        evaluate_sentences(write_records(tmp_path, []), FixedExtractor({}))
    with pytest.raises(InputError, match=r"record 1 needs"):
        evaluate_sentences(write_records(tmp_path, [{"id": "x"}]), FixedExtractor({}))
    gold, _ = write_article_gold(tmp_path)
    with pytest.raises(InputError, match="an articles gold file"):
        evaluate_sentences(gold, FixedExtractor({}))


def test_detect_gold_format(tmp_path: Path) -> None:
    gold, _ = write_article_gold(tmp_path)
    assert detect_gold_format(gold) == "articles"
    assert detect_gold_format(write_records(tmp_path, RECORDS)) == "sentences"
    other = tmp_path / "other.json"
    other.write_text('{"facts": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a gold file"):
        detect_gold_format(other)
    with pytest.raises(InputError, match="no such file"):
        detect_gold_format(tmp_path / "missing.json")


# ----------------------------------------------------------------- agreement with score.py

needs_shared = pytest.mark.skipif(
    not (SHARED_EVAL / "score.py").is_file(), reason="shared/eval is not beside the repository"
)

FAKE_EXTRACTOR = """\
import json
import sys
from pathlib import Path
facts_path, *args = sys.argv[1:]
target = Path(args[0])
# articles mode passes one .txt file: print only its facts; sentences mode: print all.
want = target.stem if target.suffix == ".txt" else None
with open(facts_path, encoding="utf-8") as facts:
    for line in facts:
        if want is None or json.loads(line)["document"]["id"] == want:
            sys.stdout.write(line)
"""


def run_score_py(tmp_path: Path, mode_args: list[str], extractor: FixedExtractor) -> list[str]:
    """Run score.py with a --cmd that prints the facts ``extractor`` gives, as JSON Lines."""
    facts_path = tmp_path / "facts.jsonl"
    with facts_path.open("w", encoding="utf-8") as out:
        for doc_id in extractor.specs:
            for fact in extractor.facts_for(Document(doc_id)):
                out.write(dumps_fact(fact) + "\n")
    script = tmp_path / "fake_extractor.py"
    script.write_text(FAKE_EXTRACTOR, encoding="utf-8")
    command = [sys.executable, str(SHARED_EVAL / "score.py"), *mode_args, "--show"]
    command += ["--cmd", f"{sys.executable} {script} {facts_path}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return done.stdout.splitlines()


def without_breakdown(report: ArticleReport | SentenceReport) -> list[str]:
    """format_report's lines minus the per-root/per-event tables score.py does not print."""
    lines = format_report(report, show=True).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("per "))
    last = next(i for i, line in enumerate(lines) if line.startswith(("total:", "records=")))
    return lines[:first] + lines[last:]


def random_specs(
    doc_ids: Sequence[str], actors: Sequence[Actor], seed: int
) -> dict[str, list[Spec]]:
    rng = random.Random(seed)
    codes = ["010", "030", "040", "051", "061", "070", "111", "120", "138", "163", "173", "190"]
    return {
        doc_id: [
            (rng.choice(actors), rng.choice(codes), rng.choice(actors), rng.random() < 0.2)
            for _ in range(rng.randrange(4))
        ]
        for doc_id in doc_ids
    }


@needs_shared
def test_tables_are_those_of_score_py() -> None:
    spec = importlib.util.spec_from_file_location("score", SHARED_EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    assert dict(ALIASES) == score.ALIASES
    assert {event: set(roots) for event, roots in PLOVER_TO_CAMEO.items()} == score.PLOVER_TO_CAMEO
    assert set(UNDIRECTED_ROOTS) == score.UNDIRECTED


@pytest.mark.slow
@needs_shared
def test_articles_agree_with_score_py(tmp_path: Path) -> None:
    gold, articles = write_article_gold(tmp_path)
    extractor = FixedExtractor(ARTICLE_FACTS)
    expected = run_score_py(tmp_path, ["articles", str(gold), str(articles)], extractor)
    assert without_breakdown(evaluate_articles(gold, articles, extractor)) == expected
    assert expected[-1] == "precision=0.714 recall=0.714 f1=0.714"


@pytest.mark.slow
@needs_shared
def test_shared_articles_agree_with_score_py(tmp_path: Path) -> None:
    gold, articles = SHARED_EVAL / "gold.json", SHARED_EVAL / "articles"
    stems = [Path(article["file"]).stem for article in json.loads(gold.read_text())]
    actors = [RUS, UKR, IRN, USA, WEST, NATO, PUTIN]
    specs = random_specs(stems, actors, seed=1)
    specs[stems[0]] += [(RUS, "190", UKR, False), (IRN, "070", RUS, True), (IRN, "050", RUS, False)]
    extractor = FixedExtractor(specs)
    expected = run_score_py(tmp_path, ["articles", str(gold), str(articles)], extractor)
    assert without_breakdown(evaluate_articles(gold, articles, extractor)) == expected


@pytest.mark.slow
@needs_shared
def test_sentences_agree_with_score_py(tmp_path: Path) -> None:
    path = write_records(tmp_path, RECORDS)
    extractor = FixedExtractor(SENTENCE_FACTS)
    expected = run_score_py(tmp_path, ["sentences", str(path)], extractor)
    assert without_breakdown(evaluate_sentences(path, extractor)) == expected


@pytest.mark.slow
@needs_shared
def test_shared_sentences_agree_with_score_py(tmp_path: Path) -> None:
    path = SHARED_EVAL / "plover_dev.json"
    records = json.loads(path.read_text(encoding="utf-8"))["records"]
    codes = sorted({code for r in records for code in r["source"] + r["target"] if code != "IGO"})
    actors = [Actor(code, code, ActorType.STATE, country=code) for code in codes]
    actors += [NATO, EU, WEST, CRITICS, PUTIN]
    rng = random.Random(2)
    ids = [r["id"] for r in records] + ["PLOVER-GSR01-COERCE-0004~2"]
    specs = random_specs(ids, actors, seed=3)
    for record in records:  # make many records findable, some only as reversed dyads
        source, target = record["source"][0], record["target"][0]
        to_actor = {a.id: a for a in actors} | {"IGO": EU}
        roots = sorted(PLOVER_TO_CAMEO.get(record["event"], {"19"}))
        forward = rng.random() < 0.7
        subject, obj = (source, target) if forward else (target, source)
        specs[record["id"]].append((to_actor[subject], roots[0] + "0", to_actor[obj], False))
    extractor = FixedExtractor(specs)
    expected = run_score_py(tmp_path, ["sentences", str(path)], extractor)
    report = evaluate_sentences(path, extractor)
    assert without_breakdown(report) == expected
    assert 0.3 < report.recall < 1.0  # the comparison covered both outcomes

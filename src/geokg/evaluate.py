"""Score extracted facts against hand-annotated gold data.

The scoring rules and the gold formats are those of the project's development scorer,
``score.py``, shipped with the shared development data (``shared/eval``: ``gold.json`` with
its ``articles/`` directory, and ``plover_dev.json`` derived from the PLOVER gold-standard
records of the Open Event Data Alliance). The numbers computed here agree exactly with
``score.py`` run on the same facts; the difference is that facts come from a Python callable
(usually ``Extractor(...).extract``) instead of a subprocess printing JSON Lines.

Two gold formats:

``articles``
    A JSON list of ``{"file", "published"?, "facts": [{"subject", "relation", "object",
    "negated"?, "optional"?, ...}]}``; ``relation`` is a CAMEO root such as ``"19"`` and
    actors are keys (``"RUS"``, ``"nato"``). Facts are compared as (subject key, CAMEO root,
    object key, negated); roots 04, 05 and 06 ignore direction; optional gold facts count
    neither as misses when absent nor as false positives when present.

``sentences``
    ``{"records": [{"id", "text", "event", "source": [...], "target": [...]}]}``. A record
    is found when some non-negated fact of its document links a source actor to a target
    actor (either way round for undirected roots) with a CAMEO root its PLOVER event allows;
    ``"IGO"`` in the gold matches any organisation key. ``precision_lb`` is the share of
    facts that match their record: a lower bound, since a sentence may hold true facts the
    gold does not list.

Extracted facts are turned into their JSON Lines form (:func:`geokg.factsio.fact_json`, what
``geokg extract --format jsonl`` prints) and keyed like ``score.py`` does: an actor's explicit
``code``, else its ``country`` (alpha-3), else its normalised label through :data:`ALIASES`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from geokg.errors import InputError
from geokg.extract.documents import documents_from_records, read_documents
from geokg.factsio import fact_json
from geokg.model import CameoRoot, Document, Fact
from geokg.userfiles import read_text

__all__ = [
    "ALIASES",
    "CAMEO_ROOT_NAMES",
    "PLOVER_TO_CAMEO",
    "UNDIRECTED_ROOTS",
    "ArticleReport",
    "ArticleScore",
    "Counts",
    "EventScore",
    "ExtractFn",
    "FactKey",
    "RecordScore",
    "RootFacts",
    "SentenceReport",
    "actor_key",
    "detect_gold_format",
    "evaluate_articles",
    "evaluate_sentences",
    "format_report",
]

ExtractFn = Callable[[Sequence[Document]], Iterable[tuple[Document, list[Fact]]]]
GoldFormat = Literal["articles", "sentences"]
# (subject key, CAMEO root, object key, negated), with undirected roots in a fixed order.
FactKey = tuple[str, str, str, bool]

UNDIRECTED_ROOTS = frozenset({"04", "05", "06"})

# PLOVER 0.5 event types (as in the gold-standard records) -> CAMEO roots.
PLOVER_TO_CAMEO: Mapping[str, frozenset[str]] = {
    "AGREE": frozenset({"03", "05"}),
    "CONSULT": frozenset({"04"}),
    "SUPPORT": frozenset({"05"}),
    "COOPERATE": frozenset({"06"}),
    "AID": frozenset({"07"}),
    "CONCEDE": frozenset({"08"}),
    "RETREAT": frozenset({"08"}),
    "INVESTIGATE": frozenset({"09"}),
    "DEMAND": frozenset({"02", "10"}),
    "REQUEST": frozenset({"02", "10"}),
    "DISAPPROVE": frozenset({"11"}),
    "ACCUSE": frozenset({"11"}),
    "REJECT": frozenset({"12"}),
    "THREATEN": frozenset({"13"}),
    "PROTEST": frozenset({"14"}),
    "MOBILIZE": frozenset({"15"}),
    "SANCTION": frozenset({"16"}),
    "COERCE": frozenset({"17"}),
    "ASSAULT": frozenset({"18", "20"}),
    "FIGHT": frozenset({"19"}),
}

# Labels of non-state actors, normalised to the keys used in gold files (as in score.py).
ALIASES: Mapping[str, str] = {
    "nato": "nato", "north atlantic treaty organization": "nato",
    "north atlantic alliance": "nato", "eu": "eu", "european union": "eu", "brussels": "eu",
    "european commission": "eu", "un": "un", "united nations": "un", "un security council": "un",
    "security council": "un", "united nations security council": "un", "au": "african_union",
    "african union": "african_union", "hamas": "hamas", "hezbollah": "hezbollah",
    "hizbollah": "hezbollah", "houthis": "houthis", "houthi": "houthis", "ansar allah": "houthis",
    "wagner": "wagner", "wagner group": "wagner", "iaea": "iaea",
    "international atomic energy agency": "iaea", "g7": "g7", "group of seven": "g7",
    "opec": "opec", "opec+": "opec", "west": "west", "the west": "west",
    "western countries": "west", "western nations": "west", "asean": "asean", "g20": "g20",
    "icc": "icc", "international criminal court": "icc", "who": "who",
    "world health organization": "who", "brics": "brics", "quad": "quad",
    "gulf cooperation council": "gcc", "gcc": "gcc", "arab league": "arab_league", "isis": "isis",
    "islamic state": "isis", "taliban": "taliban", "al-qaeda": "al_qaeda", "al qaeda": "al_qaeda",
    "ecowas": "ecowas", "sco": "sco", "shanghai cooperation organisation": "sco",
    "shanghai cooperation organization": "sco", "unsc": "un", "un_security_council": "un",
    "arab_league": "arab_league", "al_qaeda": "al_qaeda",
}  # fmt: skip

CAMEO_ROOT_NAMES: Mapping[str, str] = MappingProxyType({r.value: r.label for r in CameoRoot})


# --------------------------------------------------------------------------- keys


def actor_key(actor: Mapping[str, Any] | str | None) -> str | None:
    """The key the gold uses for an actor of the JSON form: ``code``, else ``country``
    upper-cased, else the label through :data:`ALIASES` (a leading "the " dropped), else the
    last segment of its IRI (as score.py does).

    >>> actor_key({"label": "The North Atlantic Alliance", "country": None})
    'nato'
    >>> actor_key({"label": "Vladimir Putin", "country": "rus"})
    'RUS'
    >>> actor_key({"label": "Shabaab", "id": "https://w3id.org/geokg/actor/al-shabaab"})
    'al_shabaab'
    """
    if not actor:
        return None
    if isinstance(actor, str):
        actor = {"label": actor}
    if actor.get("code"):
        return str(actor["code"]).strip()
    if actor.get("country"):
        return str(actor["country"]).upper()
    label = re.sub(r"\s+", " ", str(actor.get("label", ""))).strip().lower()
    if label not in ALIASES:
        label = re.sub(r"^the ", "", label)
    if label in ALIASES:
        return ALIASES[label]
    # An actor IRI's last segment ("https://.../actor/african-union") is the next best key.
    slug = re.sub(r"[-\s]+", "_", str(actor.get("id") or "").rstrip("/").rsplit("/", 1)[-1].lower())
    if slug and slug.isidentifier():
        return ALIASES.get(slug.replace("_", " "), ALIASES.get(slug, slug))
    return label.replace(" ", "_") or None


def _relation_root(relation: object) -> str | None:
    code = str(relation.get("cameo") or "").strip() if isinstance(relation, dict) else ""
    return code[:2] if len(code) >= 2 and code[:2].isdigit() else None


def _canon(subject: str, root: str, obj: str, negated: object) -> FactKey:
    if root in UNDIRECTED_ROOTS and subject and obj and obj < subject:
        subject, obj = obj, subject
    return (subject, root, obj, bool(negated))


def _predicted_key(record: Mapping[str, Any]) -> FactKey | None:
    subject, obj = actor_key(record.get("subject")), actor_key(record.get("object"))
    root = _relation_root(record.get("relation"))
    if subject and obj and root:
        return _canon(subject, root, obj, record.get("negated", False))
    return None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[2]

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """One gold article: which required facts were found, missed, and what was extra."""

    file: str
    hits: tuple[FactKey, ...]
    misses: tuple[FactKey, ...]
    false_positives: tuple[FactKey, ...]

    @property
    def counts(self) -> Counts:
        return Counts(len(self.hits), len(self.false_positives), len(self.misses))


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Scores of an ``articles`` gold file: per file, overall and per CAMEO root."""

    articles: tuple[ArticleScore, ...]

    @property
    def counts(self) -> Counts:
        return sum((article.counts for article in self.articles), Counts())

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1

    @property
    def per_root(self) -> dict[str, Counts]:
        """Counts per CAMEO root (of the gold fact for hits and misses, of the extracted
        fact for false positives), sorted by root."""
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for article in self.articles:
            for column, group in enumerate((article.hits, article.false_positives, article.misses)):
                for key in group:
                    tally[key[1]][column] += 1
        return {root: Counts(*tally[root]) for root in sorted(tally)}


@dataclass(frozen=True, slots=True)
class RecordScore:
    """One gold sentence and what the extracted facts of its document made of it."""

    id: str
    event: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    text: str
    found: bool
    dyad_found: bool
    facts: int
    matched_facts: int
    # (subject key, CAMEO root, object key) of each fact of the document, for --show.
    got: tuple[tuple[str | None, str | None, str | None], ...]


@dataclass(frozen=True, slots=True)
class EventScore:
    """Records of one PLOVER event type and how many were found."""

    records: int = 0
    found: int = 0
    dyad_found: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.records if self.records else 0.0


@dataclass(frozen=True, slots=True)
class RootFacts:
    """Extracted facts with one CAMEO root and how many matched their record."""

    facts: int = 0
    matched: int = 0

    @property
    def precision_lb(self) -> float:
        return self.matched / self.facts if self.facts else 0.0


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """Scores of a ``sentences`` gold file."""

    records: tuple[RecordScore, ...]
    # CAMEO root of every extracted fact counted (None: no usable CAMEO code) -> counts.
    per_root: Mapping[str | None, RootFacts]

    @property
    def found(self) -> int:
        return sum(record.found for record in self.records)

    @property
    def dyad_found(self) -> int:
        return sum(record.dyad_found for record in self.records)

    @property
    def facts(self) -> int:
        return sum(record.facts for record in self.records)

    @property
    def matched_facts(self) -> int:
        return sum(record.matched_facts for record in self.records)

    @property
    def recall(self) -> float:
        return self.found / len(self.records) if self.records else 0.0

    @property
    def dyad_recall(self) -> float:
        return self.dyad_found / len(self.records) if self.records else 0.0

    @property
    def precision_lb(self) -> float:
        return self.matched_facts / self.facts if self.facts else 0.0

    @property
    def per_event(self) -> dict[str, EventScore]:
        tally: dict[str, EventScore] = {}
        for record in self.records:
            old = tally.get(record.event, EventScore())
            tally[record.event] = EventScore(
                old.records + 1, old.found + record.found, old.dyad_found + record.dyad_found
            )
        return dict(sorted(tally.items()))


# --------------------------------------------------------------------------- gold files


def detect_gold_format(path: str | Path) -> GoldFormat:
    """``"articles"`` for a JSON list of articles, ``"sentences"`` for ``{"records": [...]}``."""
    return _gold_format(_load_json(Path(path)), Path(path))


def _gold_format(data: object, path: Path) -> GoldFormat:
    if isinstance(data, list):
        return "articles"
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        return "sentences"
    raise InputError(
        f"{path}: not a gold file (expected a JSON list of articles or an object with "
        'a "records" list)'
    )


def _load_json(path: Path) -> Any:
    """A gold file's JSON, read and decoded as every user file is (:mod:`geokg.userfiles`)."""
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty: no gold data")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:line {error.lineno}: invalid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: invalid JSON (nested too deeply)") from None


@dataclass(frozen=True, slots=True)
class _GoldArticle:
    file: str
    published: date | None
    required: frozenset[FactKey]
    optional: frozenset[FactKey]


def _gold_articles(path: Path) -> list[_GoldArticle]:
    data = _load_json(path)
    if _gold_format(data, path) != "articles":
        raise InputError(f"{path}: a sentences gold file, not an articles one")
    return [_gold_article(article, f"{path}: article {n}") for n, article in enumerate(data, 1)]


def _gold_article(article: object, where: str) -> _GoldArticle:
    if not isinstance(article, dict) or not isinstance(article.get("file"), str):
        raise InputError(f'{where}: expected an object with a "file" name')
    facts = article.get("facts", [])
    if not isinstance(facts, list):
        raise InputError(f'{where}: "facts" must be a list')
    required: set[FactKey] = set()
    optional: set[FactKey] = set()
    for n, fact in enumerate(facts, 1):
        try:
            key = _canon(fact["subject"], fact["relation"], fact["object"], fact.get("negated"))
        except (KeyError, TypeError, AttributeError):
            raise InputError(
                f'{where}, fact {n}: needs "subject", "relation" and "object"'
            ) from None
        (optional if fact.get("optional") else required).add(key)
    return _GoldArticle(
        article["file"],
        _gold_published(article.get("published"), where),
        frozenset(required),
        frozenset(optional - required),
    )


def _gold_published(value: object, where: str) -> date | None:
    if not value:
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise InputError(f'{where}: "published" is not an ISO date: {value!r}')


def _gold_records(path: Path) -> list[dict[str, Any]]:
    data = _load_json(path)
    if _gold_format(data, path) != "sentences":
        raise InputError(f"{path}: an articles gold file, not a sentences one")
    records: list[dict[str, Any]] = data["records"]
    if not records:
        raise InputError(f"{path}: no records")
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict) or not all(
            key in record for key in ("id", "text", "event", "source", "target")
        ):
            raise InputError(f'{path}: record {n} needs "id", "text", "event", "source", "target"')
    return records


# --------------------------------------------------------------------------- articles


def evaluate_articles(
    gold_path: str | Path, articles_dir: str | Path, extract: ExtractFn
) -> ArticleReport:
    """Score ``extract`` on the articles of an ``articles`` gold file.

    Each article is read from ``articles_dir`` as ``geokg extract FILE --published DATE``
    would read it (the gold's ``published`` date is passed on); ``extract`` is called once
    with all documents and must yield each document with its facts.
    """
    gold = _gold_articles(Path(gold_path))
    documents = [
        _read_article(Path(articles_dir) / article.file, article.published) for article in gold
    ]
    documents = _unique_ids(documents)
    predicted = _facts_by_document(documents, extract)
    scores = []
    for article, document in zip(gold, documents, strict=True):
        keys = {key for fact in predicted[document.id] if (key := _predicted_key(fact_json(fact)))}
        scores.append(
            ArticleScore(
                article.file,
                hits=_sorted(keys & article.required),
                misses=_sorted(article.required - keys),
                false_positives=_sorted(keys - article.required - article.optional),
            )
        )
    return ArticleReport(tuple(scores))


def _read_article(path: Path, published: date | None) -> Document:
    documents = list(read_documents([path], published=published))
    if len(documents) != 1:
        raise InputError(f"{path}: a gold article must be one .txt file")
    return documents[0]


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Give an article listed twice in the gold (e.g. with two dates) distinct ids."""
    seen: set[str] = set()
    unique = []
    for document in documents:
        doc_id, n = document.id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{document.id}~{n}"
        seen.add(doc_id)
        unique.append(
            document
            if doc_id == document.id
            else Document(doc_id, document.title, document.url, document.published, document.text)
        )
    return unique


def _facts_by_document(documents: Sequence[Document], extract: ExtractFn) -> dict[str, list[Fact]]:
    wanted = {document.id for document in documents}
    facts: dict[str, list[Fact]] = {doc_id: [] for doc_id in wanted}
    for document, found in extract(documents):
        if document.id not in wanted:
            raise ValueError(f"the extractor returned a document it was not given: {document.id!r}")
        facts[document.id].extend(found)
    return facts


def _sorted(keys: Iterable[FactKey]) -> tuple[FactKey, ...]:
    return tuple(sorted(keys, key=str))


# --------------------------------------------------------------------------- sentences


def evaluate_sentences(records_path: str | Path, extract: ExtractFn) -> SentenceReport:
    """Score ``extract`` on the records of a ``sentences`` gold file.

    The records become documents ``{"id", "text"}`` read as ``geokg extract`` reads a
    JSON Lines file; facts are grouped by the id of their ``document``, as ``score.py``
    groups the ``document`` field of the JSON Lines it reads.
    """
    path = Path(records_path)
    records = _gold_records(path)
    documents = list(
        documents_from_records(
            ({"id": record["id"], "text": record["text"]} for record in records), where=str(path)
        )
    )
    by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _document, facts in extract(documents):
        for fact in facts:
            by_document[str(fact.document.id)].append(fact_json(fact))
    per_root: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    scores = [
        _score_record(record, by_document.get(record["id"], []), per_root) for record in records
    ]
    return SentenceReport(
        tuple(scores), {root: RootFacts(*per_root[root]) for root in sorted(per_root, key=str)}
    )


def _key_matches(key: str | None, gold_codes: Sequence[str]) -> bool:
    return key in gold_codes or bool("IGO" in gold_codes and key and key.islower())


def _score_record(
    record: Mapping[str, Any],
    facts: Sequence[Mapping[str, Any]],
    per_root: dict[str | None, list[int]],
) -> RecordScore:
    allowed = PLOVER_TO_CAMEO.get(record["event"], frozenset())
    source, target = list(record["source"]), list(record["target"])
    hit = dyad_hit = False
    matched = 0
    got = []
    for fact in facts:
        subject, obj = actor_key(fact.get("subject")), actor_key(fact.get("object"))
        root = _relation_root(fact.get("relation"))
        got.append((subject, root, obj))
        forward = _key_matches(subject, source) and _key_matches(obj, target)
        backward = _key_matches(obj, source) and _key_matches(subject, target)
        pair = forward or (backward and root in UNDIRECTED_ROOTS)
        good = pair and root in allowed and not fact.get("negated", False)
        matched += good
        per_root[root][0] += 1
        per_root[root][1] += good
        dyad_hit |= forward or backward
        hit |= good
    return RecordScore(
        id=str(record["id"]),
        event=str(record["event"]),
        source=tuple(source),
        target=tuple(target),
        text=str(record["text"]),
        found=hit,
        dyad_found=dyad_hit,
        facts=len(facts),
        matched_facts=matched,
        got=tuple(got),
    )


# --------------------------------------------------------------------------- text


def format_report(report: ArticleReport | SentenceReport, *, show: bool = False) -> str:
    """Human-readable text; the last line has exactly the format of ``score.py``'s last
    line, and with ``show`` the hits/misses lines are those of ``score.py --show``."""
    if isinstance(report, ArticleReport):
        return "\n".join(_article_lines(report, show))
    return "\n".join(_sentence_lines(report, show))


def _article_lines(report: ArticleReport, show: bool) -> list[str]:
    lines = []
    for article in report.articles:
        c = article.counts
        lines.append(f"{article.file}: tp={c.tp} fp={c.fp} fn={c.fn}")
        if show:
            for label, group in (
                ("hit", article.hits),
                ("miss", article.misses),
                ("false", article.false_positives),
            ):
                for key in group:
                    lines.append(
                        f"  {label:5} {key[0]} {key[1]} {key[2]}{' NEGATED' if key[3] else ''}"
                    )
    lines.append("per CAMEO root:")
    lines.append(f"  {'root':<40} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for root, c in report.per_root.items():
        lines.append(
            f"  {_root_name(root):<40} {c.tp:>4} {c.fp:>4} {c.fn:>4} "
            f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
        )
    total = report.counts
    lines.append(f"total: tp={total.tp} fp={total.fp} fn={total.fn}")
    lines.append(f"precision={total.precision:.3f} recall={total.recall:.3f} f1={total.f1:.3f}")
    return lines


def _sentence_lines(report: SentenceReport, show: bool) -> list[str]:
    lines = []
    if show:
        for record in report.records:
            if not record.found:
                got = [f"{s} {root} {o}" for s, root, o in record.got]
                lines.append(
                    f"  miss {record.id} {list(record.source)} {record.event} "
                    f"{list(record.target)} got={got} :: {record.text[:160]}"
                )
    lines.append("per PLOVER event:")
    lines.append(f"  {'event':<12} {'records':>7} {'found':>5} {'dyad':>5} {'recall':>6}")
    for event, score in report.per_event.items():
        lines.append(
            f"  {event:<12} {score.records:>7} {score.found:>5} {score.dyad_found:>5} "
            f"{score.recall:>6.3f}"
        )
    lines.append("per CAMEO root of extracted facts:")
    lines.append(f"  {'root':<40} {'facts':>5} {'matched':>7} {'prec_lb':>7}")
    for root, facts in report.per_root.items():
        lines.append(
            f"  {_root_name(root):<40} {facts.facts:>5} {facts.matched:>7} "
            f"{facts.precision_lb:>7.3f}"
        )
    lines.append(
        f"records={len(report.records)} found={report.found} dyad_found={report.dyad_found} "
        f"facts={report.facts} matched_facts={report.matched_facts}"
    )
    lines.append(
        f"recall={report.recall:.3f} dyad_recall={report.dyad_recall:.3f} "
        f"precision_lb={report.precision_lb:.3f}"
    )
    return lines


def _root_name(root: str | None) -> str:
    if root is None:
        return "(no CAMEO root)"
    name = CAMEO_ROOT_NAMES.get(root)
    return f"{root} {name}" if name else root

"""Training the learned event model (``geokg train-model`` or
``python -m geokg.extract.learned.train``; needs the ``train`` extra: scikit-learn).

1. The annotation files are read (:mod:`geokg.extract.learned.data`; pool records resolved
   against ``../shared/eval/news_pool/pool.jsonl``) and every text is run through the real
   pipeline with a collecting hook that records each sentence's candidates (actor pairs with
   their features) and rule facts.
2. Alignment: a candidate is labelled with root R when an annotated fact of its text has the
   same (subject key, object key) (either order for 04/05/06) and evidence overlapping the
   candidate's sentence; else ``none``. Annotated facts no candidate reaches are counted
   with the reason (an actor not resolved in the evidence, a same-actor fact, ...): a
   diagnostic of actor resolution.
3. A multinomial logistic regression over the features seen at least twice; out-of-fold
   probabilities (5 folds grouped by text) give the proposal and veto thresholds that
   maximise F1 of ``rules + model`` on the training texts (the shared scorer's matching:
   subject, root, object, negation; optional facts neither missed nor false). The final
   model is fitted on everything and saved with the thresholds and the summary.

Never train on ``news_dev``, its blind part or PLOVER dev.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span

from geokg.errors import GeokgError, InputError
from geokg.evaluate import UNDIRECTED_ROOTS
from geokg.extract.learned.data import (
    ROOTS,
    AnnotatedFact,
    TrainingText,
    read_training,
)
from geokg.extract.learned.features import Candidate, Mention, RuleFact
from geokg.extract.learned.inference import EVENT_MODES, Decision, DocumentEvents, LearnedEvents
from geokg.extract.learned.model import NONE, EventModel, shipped_model_path
from geokg.model import Document

CLASSES = (NONE, *ROOTS)
MIN_COUNT = 2
FOLDS = 5
MIN_WEAK = 3
PROPOSE_GRID = tuple(round(0.3 + 0.05 * n, 2) for n in range(14))  # 0.3 ... 0.95
VETO_GRID = (0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3)

Key = tuple[str, str, str, bool]  # subject, root, object, negated


@dataclass(slots=True)
class SentenceRecord:
    """What the collecting hook saw in one sentence of a training text."""

    text: int
    start: int
    end: int
    keys: frozenset[str]
    candidates: list[Candidate]
    rules: list[RuleFact]
    labels: list[str] = field(default_factory=list)


class _Collecting(DocumentEvents):
    def __init__(self, learned: LearnedEvents, sink: list[SentenceRecord], text: int) -> None:
        super().__init__(learned)
        self.sink = sink
        self.text = text

    def sentence(
        self, sentence: Span, mentions: Sequence[Mention], rules: Sequence[RuleFact]
    ) -> Decision:
        candidates = self.candidates(sentence, mentions, rules)
        self.sink.append(
            SentenceRecord(
                self.text,
                sentence.start_char,
                sentence.end_char,
                frozenset(m.key for m in mentions),
                candidates,
                list(rules),
            )
        )
        return Decision(tuple(None for _ in rules), ())


class Collector(LearnedEvents):
    """A hook that records candidates and changes nothing."""

    def __init__(self, learned: LearnedEvents) -> None:
        super().__init__(learned.model, learned.cues, "both")
        self.sink: list[SentenceRecord] = []
        self.text = 0

    def document(self) -> DocumentEvents:
        return _Collecting(self, self.sink, self.text)


def collect(
    texts: Sequence[TrainingText], *, model_name: str | None = None
) -> list[SentenceRecord]:
    """Run the pipeline over ``texts`` and return every sentence's candidates, labelled."""
    from geokg.extract.annotate import make_doc
    from geokg.extract.learned.inference import build_cues
    from geokg.extract.pipeline import Extractor, text_chunks

    probe = Extractor(model=model_name, events="rules")
    empty = EventModel((), (NONE,), np.zeros((0, 1), np.float32), np.zeros(1, np.float32))
    collector = Collector(LearnedEvents(empty, build_cues(probe.lexicon, probe.ontology)))
    extractor = Extractor(model=model_name, learned=collector, gazetteer=probe.gazetteer)
    nlp = extractor.nlp
    pieces = (
        (make_doc(nlp, chunk, text.published), (number, offset))
        for number, text in enumerate(texts)
        for offset, chunk in text_chunks(text.text)
    )
    with nlp.memory_zone():
        for doc, (number, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=16):
            text = texts[number]
            collector.text = number
            before = len(collector.sink)
            document = Document(text.id, published=text.published, text=text.text)
            extractor.facts_from_doc(doc, document, offset=offset)
            for record in collector.sink[before:]:
                record.start += offset
                record.end += offset
    for record in collector.sink:
        facts = texts[record.text].facts
        record.labels = [_label(c, record, facts) for c in record.candidates]
    return collector.sink


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def _matches(fact: AnnotatedFact, subject: str, obj: str) -> bool:
    if (fact.subject, fact.object) == (subject, obj):
        return True
    return fact.root in UNDIRECTED_ROOTS and (fact.object, fact.subject) == (subject, obj)


def _label(candidate: Candidate, record: SentenceRecord, facts: Sequence[AnnotatedFact]) -> str:
    s, o = candidate.subject.key, candidate.object.key
    for fact in facts:
        if _overlaps(fact.evidence, record.start, record.end) and _matches(fact, s, o):
            return fact.root
    return NONE


def reachability(
    texts: Sequence[TrainingText], records: Sequence[SentenceRecord]
) -> tuple[int, int, Counter[str]]:
    """How many annotated facts some candidate reaches, of how many, and why the others
    are not reached."""
    by_text: dict[int, list[SentenceRecord]] = {}
    for record in records:
        by_text.setdefault(record.text, []).append(record)
    reached, total, reasons = 0, 0, Counter[str]()
    for number, text in enumerate(texts):
        for fact in text.facts:
            total += 1
            sentences = [
                r for r in by_text.get(number, []) if _overlaps(fact.evidence, r.start, r.end)
            ]
            if any(
                _matches(fact, c.subject.key, c.object.key) for r in sentences for c in r.candidates
            ):
                reached += 1
                continue
            keys = set().union(*(r.keys for r in sentences)) if sentences else set()
            if fact.subject == fact.object:
                reasons["same actor on both sides (domestic)"] += 1
            elif not sentences:
                reasons["evidence in no parsed body sentence"] += 1
            elif fact.subject not in keys and fact.object not in keys:
                reasons["neither actor resolved in the evidence"] += 1
            elif fact.subject not in keys:
                reasons["subject not resolved in the evidence"] += 1
            elif fact.object not in keys:
                reasons["object not resolved in the evidence"] += 1
            else:
                reasons["both resolved, no candidate pair (other sentences, or a long path)"] += 1
    return reached, total, reasons


# -- the classifier ------------------------------------------------------------------------


def _vocabulary(rows: Iterable[Sequence[str]]) -> tuple[str, ...]:
    counts = Counter(f for row in rows for f in set(row))
    return tuple(sorted(f for f, n in counts.items() if n >= MIN_COUNT))


def _matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for row in rows:
        known = sorted({index[f] for f in row if f in index})
        indices.extend(known)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(index)))


def fit(rows: Sequence[Sequence[str]], labels: Sequence[str], *, c: float = 1.0) -> EventModel:
    """A logistic regression over ``rows`` (feature strings) and ``labels`` (classes)."""
    from sklearn.linear_model import LogisticRegression

    features = _vocabulary(rows)
    index = {f: n for n, f in enumerate(features)}
    present = sorted(set(labels) | {NONE}, key=CLASSES.index)
    weights = np.zeros((len(features), len(CLASSES)), dtype=np.float32)
    bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # classes never seen: never chosen
    if len(present) == 1:
        bias[CLASSES.index(NONE)] = 0.0
        return EventModel(features, CLASSES, weights, bias)
    classifier = LogisticRegression(C=c, max_iter=2000)
    classifier.fit(_matrix(rows, index), np.array(labels))
    learned = [str(x) for x in classifier.classes_]
    coef = classifier.coef_
    intercept = classifier.intercept_
    if len(learned) == 2:  # binary: sklearn keeps one row for the second class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    for row, name in enumerate(learned):
        column = CLASSES.index(name)
        weights[:, column] = coef[row]
        bias[column] = intercept[row]
    return EventModel(features, CLASSES, weights, bias)


# -- thresholds by cross-validation --------------------------------------------------------


def _fact_key(subject: str, root: str, obj: str, negated: bool) -> Key:
    if root in UNDIRECTED_ROOTS:
        subject, obj = sorted((subject, obj))
    return (subject, root, obj, negated)


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    true: int
    predicted: int
    gold: int

    def line(self) -> str:
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} "
            f"(tp={self.true} predicted={self.predicted} gold={self.gold})"
        )


def score(
    predicted: dict[int, set[Key]], texts: Sequence[TrainingText], which: Sequence[int]
) -> Score:
    """The shared scorer's matching on training texts (optional facts ignored)."""
    tp = fp = gold = 0
    for number in which:
        required = {
            _fact_key(f.subject, f.root, f.object, f.negated)
            for f in texts[number].facts
            if not f.optional
        }
        optional = {
            _fact_key(f.subject, f.root, f.object, f.negated)
            for f in texts[number].facts
            if f.optional
        }
        found = predicted.get(number, set())
        tp += len(found & required)
        fp += len(found - required - optional)
        gold += len(required)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tp, tp + fp, gold)


def simulate(
    records: Sequence[SentenceRecord],
    probabilities: Sequence[npt.NDArray[np.float64]],
    *,
    mode: str,
    propose: float,
    veto: float,
    veto_roots: frozenset[str] | None = None,
) -> dict[int, set[Key]]:
    """The facts each text gets in ``mode`` with these thresholds (what
    :class:`~geokg.extract.learned.inference.DocumentEvents` decides, replayed)."""
    out: dict[int, set[Key]] = {}
    for record, rows in zip(records, probabilities, strict=True):
        facts = out.setdefault(record.text, set())
        ruled = {(r.subject, r.object) for r in record.rules}
        if mode != "model":
            for rule in record.rules:
                best: float | None = None
                column = CLASSES.index(rule.root)
                for candidate, row in zip(record.candidates, rows, strict=True):
                    pair = (candidate.subject.key, candidate.object.key)
                    if not candidate.discourse and (
                        pair == (rule.subject, rule.object)
                        or (rule.root in UNDIRECTED_ROOTS and pair == (rule.object, rule.subject))
                    ):
                        best = max(best or 0.0, float(row[column]))
                vetoable = veto_roots is None or rule.root in veto_roots
                if mode == "rules" or best is None or best >= veto or not vetoable:
                    facts.add(_fact_key(rule.subject, rule.root, rule.object, rule.negated))
        if mode == "rules":
            continue
        for candidate, row in zip(record.candidates, rows, strict=True):
            s, o = candidate.subject.key, candidate.object.key
            if s == o or (mode == "both" and ((s, o) in ruled or (o, s) in ruled)):
                continue
            column = int(np.argmax(row[1:])) + 1
            if candidate.proposable and row[column] * candidate.certainty >= propose:
                facts.add(_fact_key(s, CLASSES[column], o, candidate.negated))
    return out


def out_of_fold(
    records: Sequence[SentenceRecord], *, folds: int = FOLDS, c: float = 1.0
) -> list[npt.NDArray[np.float64]]:
    """Probabilities of every record's candidates from models that did not see its text."""
    texts = sorted({r.text for r in records})
    fold_of = {t: n % folds for n, t in enumerate(texts)}
    result: list[npt.NDArray[np.float64]] = [np.zeros((0, len(CLASSES)))] * len(records)
    for fold in range(folds):
        train = [r for r in records if fold_of[r.text] != fold]
        model = fit(
            [c_.features for r in train for c_ in r.candidates],
            [label for r in train for label in r.labels],
            c=c,
        )
        for n, record in enumerate(records):
            if fold_of[record.text] == fold and record.candidates:
                result[n] = model.probabilities([c_.features for c_ in record.candidates])
    return result


def choose_thresholds(
    records: Sequence[SentenceRecord],
    probabilities: Sequence[npt.NDArray[np.float64]],
    texts: Sequence[TrainingText],
    focus: Sequence[int] | None = None,
    veto_roots: frozenset[str] | None = None,
) -> tuple[float, float, Score]:
    """Thresholds for ``both`` from out-of-fold probabilities on the training texts.

    ``focus``: the texts whose F1 is maximised (default: all; ``train`` passes the real-news
    pool texts when there are any, since real news is what the model is for). A pair of
    thresholds qualifies when it keeps at least the rules' own precision both on the focus
    texts and on all texts (the model may add recall and remove false rule facts, not trade
    precision for recall); among those the best F1 on the focus texts wins (ties: the
    higher recall on all texts). With none qualifying: the most precise on the focus."""
    every = range(len(texts))
    which = focus if focus else every
    rules = simulate(records, probabilities, mode="rules", propose=1, veto=0)
    floor, floor_all = score(rules, texts, which), score(rules, texts, every)
    best: tuple[tuple[float, float], tuple[float, float, Score]] | None = None
    fallback: tuple[float, float, Score] | None = None
    for propose in PROPOSE_GRID:
        for veto in VETO_GRID:
            found = simulate(
                records,
                probabilities,
                mode="both",
                propose=propose,
                veto=veto,
                veto_roots=veto_roots,
            )
            result, overall = score(found, texts, which), score(found, texts, every)
            if fallback is None or result.precision > fallback[2].precision:
                fallback = (propose, veto, result)
            if result.precision < floor.precision or overall.precision < floor_all.precision:
                continue
            rank = (result.f1, overall.recall)
            if best is None or rank > best[0]:
                best = (rank, (propose, veto, result))
    chosen = best[1] if best is not None else fallback
    assert chosen is not None
    return chosen


def weak_roots(
    records: Sequence[SentenceRecord],
    probabilities: Sequence[npt.NDArray[np.float64]],
    texts: Sequence[TrainingText],
) -> frozenset[str]:
    """The CAMEO roots whose rule facts are less precise on the training texts than the
    rules' facts overall (at least :data:`MIN_WEAK` facts): the only ones the veto may drop."""
    found = simulate(records, probabilities, mode="rules", propose=1, veto=0)
    overall = score(found, texts, range(len(texts)))
    true, predicted = Counter[str](), Counter[str]()
    for number, facts in found.items():
        gold = {
            _fact_key(f.subject, f.root, f.object, f.negated): f.optional
            for f in texts[number].facts
        }
        for fact in facts:
            if gold.get(fact) is True:
                continue  # optional: neither true nor false
            predicted[fact[1]] += 1
            true[fact[1]] += fact in gold
    return frozenset(
        root
        for root, n in predicted.items()
        if n >= MIN_WEAK and true[root] / n < overall.precision
    )


# -- the command ---------------------------------------------------------------------------


def default_inputs(root: Path) -> list[Path]:
    """The annotation files of ``data/training`` under ``root``."""
    return sorted((root / "data" / "training").glob("*.jsonl"))


def train(
    inputs: Sequence[Path],
    *,
    pool: Path | None,
    output: Path,
    c: float = 1.0,
    model_name: str | None = None,
    report: Any = None,
) -> EventModel:
    """Train, choose thresholds by cross-validation, fit on everything, save ``output``."""
    try:
        import sklearn  # noqa: F401
    except ImportError as error:
        raise GeokgError("training needs scikit-learn: pip install 'geokg[train]'") from error
    say = report or (lambda line: print(line, file=sys.stderr))
    if pool is None and any(p.name.startswith("pool") for p in inputs):
        raise InputError("pool annotations need --pool (../shared/eval/news_pool/pool.jsonl)")
    texts = list(read_training(inputs, pool=pool))
    if not texts:
        raise InputError("no training texts")
    say(f"{len(texts)} texts, {sum(len(t.facts) for t in texts)} annotated facts")
    records = collect(texts, model_name=model_name)
    candidates = sum(len(r.candidates) for r in records)
    positives = sum(label != NONE for r in records for label in r.labels)
    say(f"{candidates} candidates, {positives} labelled with a root")
    reached, total, reasons = reachability(texts, records)
    say(f"annotated facts reachable as candidates: {reached}/{total} ({reached / total:.2f})")
    for reason, count in reasons.most_common():
        say(f"  unreachable: {count:4d}  {reason}")
    probabilities = out_of_fold(records, c=c)
    pool_texts = [n for n, t in enumerate(texts) if t.source.startswith("pool")]
    weak = weak_roots(records, probabilities, texts)
    say(f"roots the veto may drop (rules less precise than overall): {' '.join(sorted(weak))}")
    propose, veto, best = choose_thresholds(records, probabilities, texts, pool_texts, weak)
    summary: dict[str, Any] = {
        "texts": len(texts),
        "facts": total,
        "reachable": reached,
        "candidates": candidates,
        "positives": positives,
        "C": c,
        "cross_validation": {},
    }
    for mode in EVENT_MODES:
        found = simulate(
            records, probabilities, mode=mode, propose=propose, veto=veto, veto_roots=weak
        )
        for name, which in (("all", range(len(texts))), ("pool", pool_texts)):
            if not which:
                continue
            result = score(found, texts, which)
            summary["cross_validation"][f"{mode}/{name}"] = [
                round(result.precision, 3),
                round(result.recall, 3),
                round(result.f1, 3),
            ]
            say(f"cross-validated {mode:5s} on {name:4s} texts: {result.line()}")
    focus = "pool" if pool_texts else "all"
    say(f"thresholds: propose >= {propose}, veto < {veto} (F1 {best.f1:.3f} on {focus} texts)")
    final = fit(
        [c_.features for r in records for c_ in r.candidates],
        [label for r in records for label in r.labels],
        c=c,
    )
    model = EventModel(
        final.features,
        final.classes,
        final.weights,
        final.bias,
        propose,
        veto,
        summary,
        weak,
    )
    model.save(output)
    say(f"saved {output} ({output.stat().st_size / 1e6:.2f} MB, {len(final.features)} features)")
    return model


def train_files(
    inputs: Sequence[str],
    *,
    pool: str | None = None,
    output: str | None = None,
    c: float = 1.0,
    model_name: str | None = None,
    report: Any = None,
) -> EventModel:
    """:func:`train` with the command line's defaults: the annotation files of
    ``data/training`` under the working directory, and the packaged weights as output."""
    return train(
        [Path(p) for p in inputs] or default_inputs(Path.cwd()),
        pool=Path(pool) if pool else None,
        output=Path(output) if output else shipped_model_path(),
        c=c,
        model_name=model_name,
        report=report,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geokg.extract.learned.train", description=__doc__.splitlines()[0]
    )
    parser.add_argument("inputs", nargs="*", help="annotation files (JSON Lines)")
    parser.add_argument("--pool", default=None, help="news_pool/pool.jsonl")
    parser.add_argument("-o", "--output", default=None)
    parser.add_argument("--C", dest="c", type=float, default=1.0)
    args = parser.parse_args(argv)
    try:
        train_files(args.inputs, pool=args.pool, output=args.output, c=args.c)
    except GeokgError as error:
        print(f"geokg: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

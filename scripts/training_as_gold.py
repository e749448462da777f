"""Write geokg's training annotations as a gold set that ``../shared/eval/score.py`` reads.

    python scripts/training_as_gold.py OUTDIR [--synthetic]
    python ../shared/eval/score.py articles OUTDIR/gold.json OUTDIR/articles \
        --cmd "geokg extract --format jsonl"

The pool annotations (``data/training/pool_*.jsonl``) point into the texts of
``../shared/eval/news_pool/pool.jsonl`` by offsets; this writes those texts (and, with
``--synthetic``, the synthetic stories) as article files under OUTDIR, outside the repository,
with a ``gold.json`` in the format of ``../shared/eval/news_dev/gold.json``. It is a development
set for the rules, beside the shared one; the learned model trains on the same files, so it is
no measure of the model.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "data" / "training"
POOL = ROOT.parent / "shared" / "eval" / "news_pool" / "pool.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--synthetic", action="store_true", help="add the synthetic stories")
    args = parser.parse_args()
    pool = {
        record["id"]: record
        for record in map(json.loads, POOL.read_text(encoding="utf-8").splitlines())
    }
    files = sorted(TRAINING.glob("pool_*.jsonl"))
    if args.synthetic:
        files += sorted(TRAINING.glob("synthetic*.jsonl"))
    articles = args.outdir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    gold = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            source = pool.get(record["id"], {})
            text = record.get("text") or source["text"]
            name = f"{record['id']}.txt"
            (articles / name).write_text(text, encoding="utf-8")
            facts = [
                {
                    "subject": fact["subject"],
                    "relation": fact["relation"],
                    "object": fact["object"],
                    "negated": fact["negated"],
                    "asserted_by": fact.get("asserted_by"),
                    "optional": fact.get("optional", False),
                    "evidence": text[fact["evidence"][0] : fact["evidence"][1]],
                }
                for fact in record["facts"]
            ]
            published = record.get("published") or source.get("published")
            gold.append({"file": name, "published": published, "facts": facts})
    (args.outdir / "gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    print(f"{len(gold)} articles, {sum(len(a['facts']) for a in gold)} facts -> {args.outdir}")


if __name__ == "__main__":
    main()

"""Review-gate benchmark: fast-mode latency and throughput, full-mode seconds per draft.

    python bench/checks_bench.py [--repeat 3] [--full 5]

Fast mode runs on the 240 drafts of review_train.jsonl (with their messages and decisions):
p50/p95 ms per draft one at a time, as the app reviews, and drafts/s in batch: in one process,
and on a pool of worker processes as `replycoach check --jsonl` and `evals.accuracy` review
big batches (its start-up reported apart). --full N times N drafts in full mode
with the configured LLM (the offline model by default; its first start is reported apart).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.gate import check_input, review, review_batch  # noqa: E402
from evals.review_pool import ReviewPool, chunks, cores  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def load_drafts() -> list[dict]:
    path = REPO / "evals" / "datasets" / "review_train.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the drafts in fast mode")
    parser.add_argument("--full", type=int, default=0, help="drafts to time in full mode (0: skip)")
    args = parser.parse_args()
    rows = load_drafts()
    print(f"machine: {platform.machine()}, {cores()} cores, "
          f"Python {platform.python_version()}")

    started = time.perf_counter()
    review(rows[0]["draft"], message=rows[0].get("message"))  # loads the table and weights
    print(f"first review (loads the embedding table, the screen and the tone model): {time.perf_counter() - started:.2f} s")

    timings = []
    for _ in range(args.repeat):
        for row in rows:
            t0 = time.perf_counter()
            review(row["draft"], message=row.get("message"), decision=row.get("decision"))
            timings.append((time.perf_counter() - t0) * 1000)
    print(f"fast mode, one draft at a time, {len(timings)} reviews: p50 {np.percentile(timings, 50):.2f} ms, "
          f"p95 {np.percentile(timings, 95):.2f} ms")

    def inputs():
        return [check_input(row["draft"], message=row.get("message"), decision=row.get("decision")) for row in rows]

    started = time.perf_counter()
    for _ in range(args.repeat):
        review_batch(inputs())
    print(f"fast mode, batch in one process: "
          f"{args.repeat * len(rows) / (time.perf_counter() - started):.0f} drafts/s")

    started = time.perf_counter()
    with ReviewPool() as pool:
        for _ in pool.map(chunks(inputs())):
            pass
        print(f"fast mode, pool of {pool.workers} worker processes: first pass, including their start, "
              f"{time.perf_counter() - started:.1f} s for {len(rows)} drafts")
        started = time.perf_counter()
        for _ in range(args.repeat):
            for _ in pool.map(chunks(inputs())):
                pass
        print(f"fast mode, batch on the started pool (as `replycoach check --jsonl` runs big files): "
              f"{args.repeat * len(rows) / (time.perf_counter() - started):.0f} drafts/s")

    if args.full:
        from evals.judge import llm_judge

        started = time.perf_counter()
        judge = llm_judge()
        print(f"full mode: provider ready in {time.perf_counter() - started:.1f} s")
        seconds = []
        for row in rows[: args.full]:
            t0 = time.perf_counter()
            result = review(row["draft"], message=row.get("message"), decision=row.get("decision"), mode="full",
                            judge=judge)
            seconds.append(time.perf_counter() - t0)
            print(f"  {row['id']}: {seconds[-1]:.1f} s, verdict {result.verdict}; {' '.join(result.notes)}")
        print(f"full mode: median {np.median(seconds):.1f} s per draft, max {max(seconds):.1f} s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

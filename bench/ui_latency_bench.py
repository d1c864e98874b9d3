"""Time to the first streamed token and to a complete draft, as the agent page streams it.

    python bench/ui_latency_bench.py [--n 6]

Drafts the first N scenarios with the configured model (offline by default) through the
pipeline's two halves, exactly as the page calls them (analyse, then write with streaming),
after one warm-up draft that starts the model.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting.contracts import DraftRequest  # noqa: E402
from drafting.pipeline import DraftPipeline  # noqa: E402
from evals.drafting_eval import load_scenarios  # noqa: E402
from replycoach.settings import load_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=6)
    args = parser.parse_args()
    pipeline = DraftPipeline(load_settings())
    scenarios = load_scenarios()[: args.n + 1]
    first_tokens, totals = [], []
    for index, scenario in enumerate(scenarios):
        request = DraftRequest(message=scenario["message"], customer_name=scenario.get("name"),
                               channel=scenario["channel"], decision=scenario.get("decision"),
                               offers=scenario.get("offers") or [])
        started = time.perf_counter()
        seen = []
        state = pipeline.analyse(request)
        pipeline.write(state, request, on_token=lambda token: seen.append(time.perf_counter()) if not seen else None)
        if index == 0:
            print(f"warm-up (starts the model): {time.perf_counter() - started:.1f} s")
            continue
        first_tokens.append(seen[0] - started)
        totals.append(time.perf_counter() - started)
        print(f"{scenario['id']}: first token {first_tokens[-1]:.1f} s, complete {totals[-1]:.1f} s")
    print(f"median: first token {statistics.median(first_tokens):.1f} s, complete draft {statistics.median(totals):.1f} s")


if __name__ == "__main__":
    main()

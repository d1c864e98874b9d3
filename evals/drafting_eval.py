"""Drafting quality on the scenario set, with the configured model (the offline one by default).

    python -m evals.drafting_eval [--limit N] [--ids sc-001,sc-002] [--json FILE]

For each scenario the pipeline drafts a reply; the final draft is then measured by the gate
and by the scenario's own expectations:
- ready: the gate's verdict is ``send``;
- quotes rules / talks down: rule_quoting / condescension flagged;
- forbidden promise: forbidden_promise flagged, or a promise of anything the scenario lists
  under must_not_promise (judged by the same check, with those items as refused decisions);
- misses a question: unanswered_question flagged, or an expected question not answered;
- skips the name: the scenario names the customer and the reply does not;
- wrong language: the reply is not in the scenario's language.
Prints per-scenario lines, then shares and median/p95 seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import numpy as np

from drafting.contracts import DraftRequest
from drafting.messages import detect_language
from drafting.pipeline import DraftPipeline
from evals.checks import forbidden_promise
from evals.checks.text import CheckInput, Sentence
from evals.checks.unanswered_question import is_answered
from replycoach.errors import ReplyCoachError
from replycoach.settings import load_settings

SCENARIOS = Path(__file__).resolve().parent / "datasets" / "scenarios.jsonl"
FAILURES = ("quotes_rules", "talks_down", "forbidden_promise", "misses_question", "skips_name", "wrong_language")


def load_scenarios(ids: set[str] | None = None) -> list[dict]:
    rows = [json.loads(line) for line in SCENARIOS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if not ids or row["id"] in ids]


def measure(scenario: dict, draft) -> dict:
    flagged = {check.name for check in draft.review.flagged}
    ruled_out = [words for item in scenario.get("must_not_promise", [])
                 if (words := forbidden_promise.promise_terms(item))]
    breaks_promise = "forbidden_promise" in flagged or bool(
        forbidden_promise.affirmative_promises(CheckInput(draft.text), ruled_out, offered=forbidden_promise.offered_terms(
            scenario.get("decision"), scenario.get("offers", []))))
    missed = [q for q in scenario.get("questions", []) if not is_answered(Sentence(0, len(q), q), draft.text)]
    name = (scenario.get("name") or "").split()
    return {
        "ready": draft.review.verdict == "send",
        "quotes_rules": "rule_quoting" in flagged,
        "talks_down": "condescension" in flagged,
        "forbidden_promise": breaks_promise,
        "misses_question": "unanswered_question" in flagged or bool(missed),
        "skips_name": bool(name) and name[0] not in draft.text,
        "wrong_language": detect_language(draft.text) != scenario.get("language", "en"),
        "missed_questions": missed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N scenarios")
    parser.add_argument("--ids", help="comma-separated scenario ids")
    parser.add_argument("--json", type=Path, help="also write every draft and measurement to this file")
    args = parser.parse_args(argv)
    scenarios = load_scenarios(set(args.ids.split(",")) if args.ids else None)[: args.limit]
    pipeline = DraftPipeline(load_settings())
    results = []
    for scenario in scenarios:
        request = DraftRequest(message=scenario["message"], customer_name=scenario.get("name"),
                               channel=scenario["channel"], decision=scenario.get("decision"),
                               offers=scenario.get("offers") or [])
        try:
            draft = pipeline.run(request)
        except ReplyCoachError as error:
            print(f"{scenario['id']}: FAILED: {error}", flush=True)
            results.append({"id": scenario["id"], "error": str(error)})
            continue
        measured = measure(scenario, draft)
        problems = [name for name in FAILURES if measured[name]]
        print(f"{scenario['id']} {draft.seconds:5.1f}s {draft.review.verdict:6} "
              f"{' '.join(problems) or 'ok'} | flagged: {' '.join(c.name for c in draft.review.flagged) or '-'}",
              flush=True)
        results.append({"id": scenario["id"], "seconds": round(draft.seconds, 2), **measured, "draft": draft.to_json()})
    done = [r for r in results if "error" not in r]
    if not done:
        print("no drafts were produced")
        return 1
    print(f"\n{len(done)} drafts with {pipeline.model_label} ({len(results) - len(done)} failed)")
    print(f"ready to send: {sum(r['ready'] for r in done) / len(done):.0%}")
    for name in FAILURES:
        print(f"{name.replace('_', ' ')}: {sum(r[name] for r in done) / len(done):.0%}")
    seconds = [r["seconds"] for r in done]
    print(f"seconds per draft: median {statistics.median(seconds):.1f}, p95 {np.percentile(seconds, 95):.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`replycoach check (--draft TEXT | --draft-file F | --jsonl FILE) [--message TEXT] [--decision TEXT]
[--mode fast|full] [--json]`: run the review gate on drafts."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from evals.contracts import BLOCK, REVISE, Review
from evals.checks.text import CheckInput
from evals.gate import MODES, check_input, review
from evals.review_pool import MIN_POOLED, cores, review_many
from replycoach.cli.inputs import read_text_file, text_or_file
from replycoach.cli.output import print_json
from replycoach.errors import InputError, ReplyCoachError

HEADLINES = {"send": "SEND: ready to send", REVISE: "REVISE: fix the flagged problems or override with a reason",
             BLOCK: "BLOCK: do not send until the blocking problems are fixed"}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("check", help="review a reply draft before it is sent",
                                   description="Run the review checks on a draft (or a JSONL file of drafts).")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--draft", help="the reply text")
    source.add_argument("--draft-file", type=Path, help="a file holding the reply ('-' for stdin)")
    source.add_argument("--jsonl", type=Path, metavar="FILE",
                        help='one JSON object per line: {"draft", optional "id", "message", "decision", "offers"}')
    parser.add_argument("--message", help="the customer's message (enables the question, empathy and ownership checks)")
    parser.add_argument("--message-file", type=Path, help="the customer's message from a file")
    parser.add_argument("--decision", help="the agent's decision, e.g. 'decline refund; offer store credit'")
    parser.add_argument("--mode", choices=MODES, default="fast", help="fast: no LLM (default); full: adds the LLM judge")
    parser.add_argument("--json", action="store_true", help="print the review as JSON")
    parser.add_argument("--workers", type=int, metavar="N",
                        help=f"with --jsonl: processes reviewing a file of {MIN_POOLED:,} drafts or more "
                             "(default: one per core; 1: this process only)")
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    message = text_or_file(args.message, args.message_file, "message")
    if args.jsonl is not None:
        return _run_jsonl(args.jsonl, message, args.decision, args.mode, args.workers)
    draft = text_or_file(args.draft, args.draft_file, "draft")
    result = review(draft, message=message, decision=args.decision, mode=args.mode)
    if args.json:
        print_json(result.to_json())
    else:
        print(render(result, draft))
    return 0


def _parse_line(line: str, message: str | None, decision: str | None) -> tuple[object, CheckInput]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})") from None
    if not isinstance(row, dict) or not isinstance(row.get("draft"), str):
        raise InputError('each line needs a "draft" string')
    offers = row.get("offers") or []
    if not isinstance(offers, list):
        raise InputError('"offers" must be a list of strings')
    inp = check_input(row["draft"], message=row.get("message", message), decision=row.get("decision", decision),
                      offers=[str(o) for o in offers])
    return row.get("id"), inp


def _run_jsonl(path: Path, message: str | None, decision: str | None, mode: str, workers: int | None) -> int:
    """Review each line; report malformed lines on stderr by number and go on with the rest."""
    parsed = []
    bad = 0
    for number, line in enumerate(read_text_file(path, "JSONL").splitlines(), 1):
        if not line.strip():
            continue
        try:
            parsed.append((number, *_parse_line(line, message, decision)))
        except ReplyCoachError as error:
            bad += 1
            print(f"replycoach: line {number}: {error}; skipped", file=sys.stderr)
    sys.stderr.flush()
    lines = iter(parsed)
    for chunk in review_many([inp for _, _, inp in parsed], mode=mode, workers=workers or cores()):
        for result, (number, row_id, _) in zip(chunk, lines):  # the chunk first: zip stops on it
            sys.stdout.write(json.dumps({"id": number if row_id is None else row_id, "review": result.to_json()},
                                        ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if bad else 0


def render(result: Review, draft: str) -> str:
    """A review for a terminal: the verdict, then each flagged check with what to do."""
    lines = [HEADLINES[result.verdict], ""]
    for check in result.flagged:
        lines.append(f"x {check.name} ({check.severity}, confidence {check.score:.2f})")
        for span in check.spans[:3]:
            lines.append(f"    \"{span.text}\"")
        lines.append(textwrap.fill(check.reason, 96, initial_indent="    ", subsequent_indent="    "))
        if check.suggestion is not None:
            lines.append(f"    suggestion: {check.suggestion!r}" if check.suggestion else "    suggestion: remove it")
        if check.guidance:
            lines.append(textwrap.fill(f"playbook ({check.guidance.title}): \"{check.guidance.passage}\"", 96,
                                       initial_indent="    ", subsequent_indent="      "))
        lines.append("")
    passed = len(result.checks) - len(result.flagged)
    lines.append(f"{passed} of {len(result.checks)} checks passed.")
    lines += result.notes
    return "\n".join(lines)

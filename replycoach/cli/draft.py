"""`replycoach draft (--message TEXT | --message-file F) [--name NAME] [--decision TEXT] [--offer TEXT]...
[--channel email|chat] [--json]`: draft a reviewed reply."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from drafting.contracts import CHANNELS, DraftRequest
from drafting.eml import read_eml
from drafting.pipeline import DraftPipeline
from replycoach.cli.check import render
from replycoach.cli.inputs import text_or_file
from replycoach.cli.output import print_json
from replycoach.errors import InputError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("draft", help="draft a reviewed reply to a customer's message")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--message", help="the customer's message")
    source.add_argument("--message-file", type=Path, help="a .txt or .eml file with the message ('-' for stdin)")
    parser.add_argument("--name", help="the customer's name (default: the sender of an .eml file)")
    parser.add_argument("--decision", help="what you decided: grant / partial / decline, in your words")
    parser.add_argument("--offer", action="append", default=[], metavar="TEXT",
                        help="an alternative you may offer (repeatable)")
    parser.add_argument("--channel", choices=CHANNELS, default="email")
    parser.add_argument("--json", action="store_true", help="print the draft, sources, analysis and review as JSON")
    parser.set_defaults(run=run)


def load_message(text: str | None, path: Path | None) -> tuple[str, str | None]:
    """The message text and, for an .eml file, the sender's name."""
    if path is not None and path.suffix.lower() == ".eml":
        if not path.is_file():
            raise InputError(f"the message file {path} does not exist", "check the path")
        parsed = read_eml(path.read_bytes())
        return parsed.text, parsed.sender_name
    return text_or_file(text, path, "message") or "", None


def run(args, settings) -> int:
    message, sender = load_message(args.message, args.message_file)
    request = DraftRequest(message=message, customer_name=args.name or sender, channel=args.channel,
                           decision=args.decision, offers=args.offer)
    stream = sys.stderr.isatty() and not args.json
    if stream:
        print("drafting with the model (the reviewed reply follows)...", file=sys.stderr)
    draft = DraftPipeline(settings).run(request, on_token=(lambda token: print(token, end="", file=sys.stderr, flush=True))
                                        if stream else None)
    if stream:
        print("\n", file=sys.stderr)
    if args.json:
        print_json(draft.to_json())
        return 0
    print(draft.text)
    print("\n" + "-" * 60)
    print(render(draft.review, draft.text))
    if draft.decision:
        print(f"decision{' (proposed from policy, confirm it)' if draft.decision_is_proposal else ''}: {draft.decision}")
    print(f"situation: {draft.analysis.situation}; feelings: {draft.analysis.feelings}; "
          f"questions: {len(draft.analysis.questions)}")
    print("sources: " + "; ".join(f"{s.title[:50]} ({s.collection})" for s in draft.sources))
    for note in draft.notes:
        print(textwrap.fill(f"note: {note}", 96))
    print(f"{draft.model}, prompts {draft.prompt_version}, {draft.seconds:.1f} s")
    return 0

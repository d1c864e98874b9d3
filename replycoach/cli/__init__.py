"""The `replycoach` command: one module per subcommand, each with ``add_parser`` and ``run``.

Errors a user can act on (:class:`ReplyCoachError`) print one line on stderr and exit
non-zero with no traceback; ``--debug`` shows the traceback of anything unexpected.
"""

from __future__ import annotations

import argparse
import sys

from replycoach.cli import check, documents, draft, ingest, search
from replycoach.errors import ReplyCoachError
from replycoach.settings import load_settings

COMMANDS = (ingest, search, documents, check, draft)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="replycoach",
        description="Draft and review customer-service replies grounded in your service playbook.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        return args.run(args, settings) or 0
    except ReplyCoachError as error:
        print(f"replycoach: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("replycoach: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so in one line unless asked for the traceback
        if args.debug:
            raise
        print(f"replycoach: unexpected error: {type(error).__name__}: {error} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1

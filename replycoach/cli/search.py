"""`replycoach search QUERY [-k N] [--collection playbook|policy|all] [--document KEY] [--json]`."""

from __future__ import annotations

import textwrap

from knowledge.retrieval import search
from knowledge.store import COLLECTIONS
from replycoach.cli.output import print_json


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("search", help="find playbook or policy passages by meaning")
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("-k", type=int, default=4, help="how many passages (default 4)")
    parser.add_argument("--collection", choices=COLLECTIONS + ("all",), default="playbook")
    parser.add_argument("--document", help="only this document (its file name)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {title, source, text, score}")
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    passages = search(args.query, args.k, args.collection, args.document, settings)
    if args.json:
        print_json([passage.to_json() for passage in passages])
        return 0
    for rank, passage in enumerate(passages, 1):
        heading = f" > {passage.heading}" if passage.heading else ""
        print(f"{rank}. [{passage.score:.2f}] {passage.title}{heading} ({passage.source})")
        print(textwrap.indent(textwrap.fill(passage.text, 96), "   "))
    return 0

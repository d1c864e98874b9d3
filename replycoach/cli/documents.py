"""`replycoach documents` lists what is stored; `replycoach remove KEY` deletes a document."""

from __future__ import annotations

from knowledge.catalog import list_documents, remove_document
from knowledge.store import COLLECTIONS, PLAYBOOK
from replycoach.cli.output import print_json


def add_parser(subparsers) -> None:
    listing = subparsers.add_parser("documents", help="list the documents in the knowledge store")
    listing.add_argument("--collection", choices=COLLECTIONS, help="only this collection")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    removal = subparsers.add_parser("remove", help="remove a document from the knowledge store")
    removal.add_argument("key", metavar="DOCUMENT", help="its file name, as `documents` lists it")
    removal.add_argument("--collection", choices=COLLECTIONS, default=PLAYBOOK)
    removal.set_defaults(run=run_remove)


def run_list(args, settings) -> int:
    documents = [d for c in ([args.collection] if args.collection else COLLECTIONS)
                 for d in list_documents(c, settings)]
    if args.json:
        print_json([document.to_json() for document in documents])
        return 0
    for document in documents:
        byline = ", ".join(part for part in (document.author, document.date) if part)
        print(f"{document.collection:8} {document.chunks:4} chunks  {document.key}  "
              f"{document.title}{f' ({byline})' if byline else ''}")
    return 0


def run_remove(args, settings) -> int:
    removed = remove_document(args.collection, args.key, settings)
    print(f"removed {args.key} ({removed} chunks) from {args.collection}")
    return 0

"""`replycoach ingest [PATH ...] [--collection playbook|policy] [--json]`."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_bundled, ingest_paths
from knowledge.store import COLLECTIONS, PLAYBOOK
from replycoach.cli.output import print_json, progress_bar

_TOTALS = ("documents", "chunks", "added", "unchanged", "removed", "seconds")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "ingest", help="load playbook or policy documents into the knowledge store",
        description="Load .txt, .md and .html files (or folders of them) into the knowledge store. "
        "With no PATH, ingest the bundled playbook and sample policy. Re-ingesting is idempotent.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--collection", choices=COLLECTIONS,
                        help="where to store PATHs (default: playbook; with no PATH, both bundled sets)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(run=run)


def run(args, settings) -> int:
    reports = []
    if args.paths:
        collection = args.collection or PLAYBOOK
        with progress_bar(f"embedding {collection}") as progress:
            reports.append(ingest_paths(args.paths, collection, settings, progress))
    else:
        for collection in [args.collection] if args.collection else COLLECTIONS:
            with progress_bar(f"embedding {collection}") as progress:
                reports.append(ingest_bundled(collection, settings, progress))
    totals = {key: sum(getattr(report, key) for report in reports) for key in _TOTALS}
    totals["seconds"] = round(totals["seconds"], 3)
    if args.json:
        print_json(totals | {"collections": {r.collection: r.to_json() for r in reports}})
        return 0
    for report in reports:
        print(f"{report.collection}: {report.documents} documents, {report.chunks} chunks "
              f"({report.added} added, {report.unchanged} unchanged, {report.removed} removed) "
              f"in {report.seconds:.1f} s")
    return 0

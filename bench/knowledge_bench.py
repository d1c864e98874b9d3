"""Knowledge-base benchmark: ingest throughput, query latency at two store sizes, peak memory.

    python bench/knowledge_bench.py [--large 10000] [--queries 200]

1. Ingest: the bundled playbook + sample policy into a fresh embedded store (real chunking and
   embedding), then a 600-chunk synthetic corpus for a steadier chunks/s figure.
2. Query latency of the full `search()` path (embed the query, Chroma top candidates, lexical
   re-rank) on the real store (~70 chunks) and on a synthetic store of --large chunks.
   The large store's texts recombine real playbook sentences; their vectors are the normalised
   mean of those sentences' real embeddings, so the store has a realistic vector distribution
   without spending minutes embedding 10,000 texts (ingest speed is measured in step 1).
3. Peak resident memory of the process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.chunking import chunk_document  # noqa: E402
from knowledge.documents import load_document  # noqa: E402
from knowledge.embeddings import get_embedder  # noqa: E402
from knowledge.ingest import ingest_bundled, ingest_documents  # noqa: E402
from knowledge.retrieval import search  # noqa: E402
from knowledge.store import bundled_folder, open_collection  # noqa: E402
from knowledge.documents import Document  # noqa: E402
from knowledge.formats import PARAGRAPH, Block  # noqa: E402
from replycoach.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def playbook_sentences() -> list[str]:
    embedder = get_embedder()
    sentences = []
    for path in sorted(bundled_folder("playbook").glob("*.txt")):
        for chunk in chunk_document(load_document(path), embedder.count_tokens):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", chunk.text) if len(s.split()) >= 5]
    return sentences


def agent_queries() -> list[str]:
    lines = (REPO / "evals" / "datasets" / "retrieval_queries.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["query"] for line in lines]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def time_queries(settings: Settings, queries: list[str], count: int) -> tuple[float, float]:
    search(queries[0], k=4, settings=settings)  # warm: load the model, open the client
    timings = []
    for i in range(count):
        started = time.perf_counter()
        search(queries[i % len(queries)], k=4, settings=settings)
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 50), percentile(timings, 95)


def synthetic_store(settings: Settings, size: int, sentences: list[str]) -> None:
    rng = random.Random(7)
    vectors = get_embedder().embed(sentences)
    store = open_collection(settings, "playbook", create=True)
    batch = 2000
    for start in range(0, size, batch):
        ids, texts, embeddings, metadatas = [], [], [], []
        for i in range(start, min(start + batch, size)):
            picks = rng.sample(range(len(sentences)), 3)
            mean = vectors[picks].mean(axis=0)
            ids.append(f"synthetic-{i}")
            texts.append(" ".join(sentences[p] for p in picks))
            embeddings.append(mean / np.linalg.norm(mean))
            metadatas.append({"document": f"synthetic-{i // 20}.txt", "source": f"synthetic-{i // 20}.txt",
                              "title": f"Synthetic article {i // 20}", "position": i % 20,
                              "collection": "playbook", "origin": "synthetic"})
        store.add(ids=ids, documents=texts, embeddings=np.array(embeddings), metadatas=metadatas)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", type=int, default=10_000, help="chunks in the large synthetic store")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per store")
    args = parser.parse_args()

    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"{len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}")
    load_started = time.perf_counter()
    get_embedder()
    print(f"embedding model load + hash check: {time.perf_counter() - load_started:.2f} s")
    sentences = playbook_sentences()
    queries = agent_queries()

    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        reports = [ingest_bundled("playbook", settings), ingest_bundled("policy", settings)]
        chunks = sum(r.chunks for r in reports)
        seconds = sum(r.seconds for r in reports)
        print(f"ingest bundled playbook + policy: {chunks} chunks in {seconds:.2f} s = {chunks / seconds:.1f} chunks/s")

        rng = random.Random(3)
        documents = [Document(key=f"bulk-{d}.txt", source=f"bulk-{d}.txt", origin="bench", title=f"Bulk {d}",
                              blocks=[Block(PARAGRAPH, " ".join(rng.sample(sentences, 4))) for _ in range(30)])
                     for d in range(20)]
        bulk = ingest_documents(documents, "policy", settings)
        print(f"ingest synthetic corpus: {bulk.chunks} chunks in {bulk.seconds:.2f} s = "
              f"{bulk.chunks / bulk.seconds:.1f} chunks/s")

        p50, p95 = time_queries(settings, queries, args.queries)
        print(f"query at {reports[0].chunks} playbook chunks: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        started = time.perf_counter()
        synthetic_store(settings, args.large, sentences)
        print(f"built synthetic store of {args.large} chunks in {time.perf_counter() - started:.1f} s")
        p50, p95 = time_queries(settings, queries, args.queries)
        print(f"query at {args.large} chunks: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

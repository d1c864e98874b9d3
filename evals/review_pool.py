"""Review big batches on every core.

In one process the fast checks use little more than one core: about half their time is Python
(patterns, cue rules) and the rest the tone model. For a big batch (``replycoach check --jsonl``,
the benchmark) a pool of worker processes, one per core, each reviews whole chunks with a
one-thread tone model. Workers are spawned, not forked: onnxruntime's threads do
not survive a fork. Each worker loads the tables and the tone model as it starts (a couple of
seconds) and the main process still parses and writes every line, so the pool pays off only
on big batches. Measured on 2 cores, ``replycoach check --jsonl`` took 27.7 s for 5,760 drafts
with two workers against 41.1 s in one process, and 10.4 s against 12.0 s for 1,440. Batches
smaller than :data:`MIN_POOLED` are reviewed in this process, and so is full mode (the LLM
judge holds a client and is bound by the model anyway).

Spawned workers import the caller's ``__main__`` module again, so a script that asks for
workers must keep its work under ``if __name__ == "__main__":``; that is why library callers
get one process unless they ask.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Iterator, Sequence

from evals.checks.text import CheckInput
from evals.contracts import Review
from evals.gate import review_batch

CHUNK = 128  # drafts per task a worker takes, and per batch of streamed output
MIN_POOLED = 1000

log = logging.getLogger(__name__)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start_worker() -> None:
    from evals.checks.sentence_classifier import load_screens
    from evals.checks.tone_model import THREADS_ENV, get_second_opinion, get_tone_model

    os.environ[THREADS_ENV] = "1"  # one core per worker: the workers themselves fill the machine
    load_screens()
    get_tone_model()
    get_second_opinion()


def _review_chunk(inputs: list[CheckInput]) -> list[Review]:
    return review_batch(inputs)


def chunks(inputs: Sequence[CheckInput], size: int | None = None) -> list[list[CheckInput]]:
    size = size or CHUNK
    return [list(inputs[start:start + size]) for start in range(0, len(inputs), size)]


class ReviewPool:
    """Worker processes that review chunks of drafts in fast mode; start once, use for many batches."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or cores()
        self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("spawn"),
                                             initializer=_start_worker)

    def map(self, parts: list[list[CheckInput]]) -> Iterator[list[Review]]:
        """Reviews of each chunk, in order; if a worker dies (killed, out of memory) the rest are
        reviewed in this process rather than lost."""
        done = 0
        try:
            for reviews in self._executor.map(_review_chunk, parts):
                done += 1
                yield reviews
        except BrokenProcessPool as error:
            log.warning("a review worker stopped (%s); reviewing the remaining drafts in this process", error)
            for chunk in parts[done:]:
                yield review_batch(chunk)

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)

    def __enter__(self) -> "ReviewPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def review_many(inputs: Sequence[CheckInput], mode: str = "fast", judge=None, workers: int = 1
                ) -> Iterator[list[Review]]:
    """Reviews of ``inputs``, a chunk at a time in input order (so callers can stream them),
    on ``workers`` processes when the batch is big enough to pay for starting them."""
    if mode != "fast" or workers <= 1 or len(inputs) < MIN_POOLED:
        for chunk in chunks(inputs):
            yield review_batch(chunk, mode, judge)
        return
    with ReviewPool(workers) as pool:
        yield from pool.map(chunks(inputs))

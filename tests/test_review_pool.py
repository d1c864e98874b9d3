"""Batch review: shared tone-model batches and worker processes give the same reviews as one at a time."""

import os
import signal

from evals import review_pool
from evals.gate import check_input, review, review_batch
from evals.review_pool import ReviewPool, chunks, review_many

DRAFTS = [
    "Hi Sam, calm down. Your parcel arrives on Thursday.",
    "Hi Sam, per our policy we cannot refund opened items.",
    "Hi Sam, I'm sorry your parcel is late. I've refunded the delivery fee and it arrives on Thursday.",
    "Hi Sam, I can see why someone who hasn't used a kettle like this before might expect it to boil faster.",
    "Hi Sam, as stated in the terms you agreed to at checkout, the deposit is not refundable. Best, Amir",
    "Hi Sam, please contact the courier directly about your parcel.",
    "Hello Priya, I'm sure you'll love the new colour. I've sent it today with free express delivery.",
] * 3


def inputs():
    return [check_input(draft, message="Where is my parcel? Can I get a refund?") for draft in DRAFTS]


def one_at_a_time():
    return [review(draft, message="Where is my parcel? Can I get a refund?").to_json() for draft in DRAFTS]


def test_a_batch_reviews_each_draft_as_if_alone():
    assert [r.to_json() for r in review_batch(inputs())] == one_at_a_time()


def test_review_many_keeps_the_input_order_chunk_by_chunk():
    parts = list(review_many(inputs()))
    assert [len(part) for part in parts] == [len(chunk) for chunk in chunks(inputs())]
    assert [r.to_json() for part in parts for r in part] == one_at_a_time()


def test_worker_processes_give_the_same_reviews(monkeypatch):
    monkeypatch.setattr(review_pool, "MIN_POOLED", 1)
    monkeypatch.setattr(review_pool, "CHUNK", 4)
    assert [r.to_json() for part in review_many(inputs(), workers=2) for r in part] == one_at_a_time()


def test_a_dead_worker_loses_no_reviews(monkeypatch):
    monkeypatch.setattr(review_pool, "CHUNK", 4)
    with ReviewPool(workers=2) as pool:
        list(pool.map(chunks(inputs())))  # the workers are up
        for process in list(pool._executor._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
        results = [r.to_json() for part in pool.map(chunks(inputs())) for r in part]
    assert results == one_at_a_time()

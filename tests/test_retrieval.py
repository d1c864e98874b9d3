"""Retrieval quality on questions a support agent would ask, and the search contract."""

import json

import pytest

from knowledge.retrieval import KnowledgeRetriever, search
from knowledge.store import bundled_folder
from replycoach.errors import InputError, StoreError
from replycoach.settings import Settings
from helpers import REPO

QUERIES = [json.loads(line) for line in
           (REPO / "evals" / "datasets" / "retrieval_queries.jsonl").read_text(encoding="utf-8").splitlines()]


def test_there_are_enough_agent_queries():
    assert len(QUERIES) >= 15
    playbook = {p.name for p in bundled_folder("playbook").glob("*.txt")}
    assert {q["expected"] for q in QUERIES} == playbook  # every article is somebody's answer


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"][:50] for q in QUERIES])
def test_expected_article_is_in_the_top_three(case, ingested_settings):
    sources = [p.source for p in search(case["query"], k=3, settings=ingested_settings)]
    assert case["expected"] in sources


def test_hit_rates(ingested_settings, report_metric):
    ranks = []
    for case in QUERIES:
        sources = [p.source for p in search(case["query"], k=3, settings=ingested_settings)]
        ranks.append(sources.index(case["expected"]) + 1 if case["expected"] in sources else None)
    hit1 = sum(rank == 1 for rank in ranks) / len(ranks)
    hit3 = sum(rank is not None for rank in ranks) / len(ranks)
    report_metric(f"retrieval hit@1 ({len(ranks)} queries)", hit1)
    report_metric(f"retrieval hit@3 ({len(ranks)} queries)", hit3)
    assert hit3 >= 0.9 and hit1 >= 0.6


def test_say_no_like_yes_passage_ranks_first_for_an_opened_product_refund(ingested_settings):
    top = search("The customer opened the product and demands a full refund, which we can't give",
                 k=1, settings=ingested_settings)[0]
    assert 'say "no" in a way that sounds like "yes."' in top.text


def test_passages_carry_title_source_score_and_text(ingested_settings):
    passages = search("customer passed from person to person", k=4, settings=ingested_settings)
    assert len(passages) == 4
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    assert set(passages[0].to_json()) == {"title", "source", "text", "score"}


def test_filter_by_document(ingested_settings):
    passages = search("refund", k=3, document="how-to-survive-bad-customer-service.txt", settings=ingested_settings)
    assert passages and {p.source for p in passages} == {"how-to-survive-bad-customer-service.txt"}


def test_search_across_all_collections(ingested_settings):
    passages = search("refund for opened toothpaste", k=6, collection="all", settings=ingested_settings)
    assert {p.collection for p in passages} == {"playbook", "policy"}


def test_langchain_retriever_returns_documents_with_metadata(ingested_settings):
    retriever = KnowledgeRetriever(collection="policy", k=2, settings=ingested_settings)
    documents = retriever.invoke("how long do refunds take to arrive")
    assert len(documents) == 2
    assert documents[0].metadata["source"].startswith("sample-policy") and documents[0].page_content


@pytest.mark.parametrize("query, k, error", [("   ", 3, "empty"), ("refund", 0, "k must be"), ("refund", 500, "k must be")])
def test_bad_queries_are_rejected(ingested_settings, query, k, error):
    with pytest.raises(InputError, match=error):
        search(query, k=k, settings=ingested_settings)


def test_a_store_that_was_never_ingested_says_what_to_run(tmp_path):
    with pytest.raises(StoreError, match="replycoach ingest"):
        search("refund", settings=Settings(home=tmp_path))
    assert not (tmp_path / "chroma").exists()  # searching does not create a store

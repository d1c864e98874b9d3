"""Chunks follow the article's structure and fit the embedder's 256-token window."""

import pytest

from knowledge.chunking import chunk_document
from knowledge.documents import Document, load_document
from knowledge.embeddings import MAX_TOKENS, get_embedder
from knowledge.formats import BULLET, HEADING, PARAGRAPH, Block
from knowledge.store import bundled_folder

count = get_embedder().count_tokens


def _document(*blocks):
    return Document(key="t.md", source="t.md", origin="/x", title="T", blocks=list(blocks))


@pytest.mark.parametrize("path", sorted(bundled_folder("playbook").glob("*.txt")) + sorted(
    bundled_folder("policy").glob("*.md")), ids=lambda p: p.name)
def test_real_documents_chunk_within_the_window_in_order(path):
    document = load_document(path)
    chunks = chunk_document(document, count)
    assert chunks, "no chunks"
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert all(count(c.embed_text) <= MAX_TOKENS for c in chunks)
    # nothing is lost: every block's text is in some chunk
    joined = "\n".join(c.text for c in chunks)
    for block in document.blocks:
        if block.kind != HEADING:
            assert block.text in joined


def test_each_bullet_is_its_own_chunk_under_its_heading():
    bullet_a = ("Offer an exchange for a different size or colour, and send the prepaid return label with "
                "this reply so the customer does not have to ask for it or wait for anyone to call them back.")
    bullet_b = ("Offer store credit for the full price, usable on anything in the shop for a whole year, and "
                "tell the customer the amount and how to use it at checkout in the same message.")
    chunks = chunk_document(_document(Block(HEADING, "What to offer instead"), Block(BULLET, bullet_a),
                                      Block(BULLET, bullet_b)), count)
    assert [(c.heading, c.text) for c in chunks] == [("What to offer instead", bullet_a),
                                                      ("What to offer instead", bullet_b)]
    assert chunks[0].embed_text.startswith("What to offer instead: ")


def test_short_bullets_share_a_chunk():
    chunks = chunk_document(_document(Block(HEADING, "Offer"), Block(BULLET, "An exchange."),
                                      Block(BULLET, "Store credit.")), count)
    assert [c.text for c in chunks] == ["An exchange.\nStore credit."]


def test_short_intro_joins_the_next_block_and_short_tail_joins_the_previous():
    intro = "Try these steps."
    body = ("Listen to the whole complaint before answering, and write down every question the customer "
            "asked so the reply can answer each of them in order.")
    tail = "Act quickly."
    chunks = chunk_document(_document(Block(PARAGRAPH, intro), Block(PARAGRAPH, body), Block(PARAGRAPH, tail)), count)
    assert [c.text for c in chunks] == [f"{intro}\n{body}\n{tail}"]


def test_long_paragraph_splits_at_sentence_boundaries():
    sentences = [f"Sentence number {i} explains one more detail about handling an upset customer calmly."
                 for i in range(40)]
    chunks = chunk_document(_document(Block(PARAGRAPH, " ".join(sentences))), count)
    assert len(chunks) > 1
    assert all(count(c.embed_text) <= MAX_TOKENS for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert " ".join(c.text for c in chunks) == " ".join(sentences)


def test_a_run_on_sentence_longer_than_the_window_splits_by_words():
    run_on = " ".join(["apologise"] * 600)
    chunks = chunk_document(_document(Block(PARAGRAPH, run_on)), count)
    assert all(count(c.embed_text) <= MAX_TOKENS for c in chunks)
    assert " ".join(c.text for c in chunks) == run_on


def test_subheading_directly_under_heading_is_nested():
    chunks = chunk_document(_document(Block(HEADING, "Refunds"), Block(HEADING, "Opened items"),
                                      Block(PARAGRAPH, "Offer store credit or an exchange, and say so first, "
                                                       "before anything about what cannot be done.")), count)
    assert chunks[0].heading == "Refunds: Opened items"

"""Loading .txt, .md and .html files: structure, metadata, encodings and bad files."""

import pytest

from knowledge.documents import find_files, load_document
from knowledge.formats import BULLET, HEADING, PARAGRAPH, parse_txt
from replycoach.errors import InputError

HTML_PAGE = """<!doctype html><html><head><title>Handling refunds | Acme Support Blog</title>
<meta name="author" content="Priya Nair"><meta property="article:published_time" content="2023-04-05T10:00:00Z">
<script>var tracking = "ignore me";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
<article><h1>Handling refund requests</h1>
<div class="share">Share on Facebook</div>
<p>When a customer asks for a refund you cannot give, start with what you <em>can</em> do.
Offer an exchange or store credit before anything else.</p>
<h2>Never quote the policy</h2>
<ul><li>Say what you can do, not what the rules forbid.</li><li>Offer two options and let them choose.</li></ul>
<figure><img src="a.jpg"><figcaption>Photo: Getty Images</figcaption></figure>
<p>Subscribe to our newsletter</p></article>
<aside>Related posts: Ten tips</aside><footer>&copy; 2023 Acme. All rights reserved.</footer></body></html>"""

MARKDOWN = """---
title: Late deliveries
author: Support team
date: 2024-02-01
---
# Late deliveries

Apologise for the wait first, then give the **new date** and what you are doing about it.
See [our tracking tips](https://example.com) for details.

## What to offer

- Refund the shipping fee.
- Add a goodwill credit when the delay was
  our fault.

![chart](chart.png)
"""


def _write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


def test_html_keeps_structure_and_metadata_and_drops_chrome(tmp_path):
    document = load_document(_write(tmp_path, "refunds.html", HTML_PAGE))
    assert document.title == "Handling refund requests"
    assert document.author == "Priya Nair"
    assert document.date == "2023-04-05"
    kinds = [(block.kind, block.text) for block in document.blocks]
    assert (HEADING, "Never quote the policy") in kinds
    assert (BULLET, "Offer two options and let them choose.") in kinds
    assert any(kind == PARAGRAPH and "start with what you can do" in text for kind, text in kinds)
    text = document.text
    for furniture in ("tracking", "Home", "Share on Facebook", "Getty", "Subscribe", "Related posts", "rights reserved"):
        assert furniture not in text


def test_markdown_front_matter_headings_bullets_and_links(tmp_path):
    document = load_document(_write(tmp_path, "late.md", MARKDOWN))
    assert (document.title, document.author, document.date) == ("Late deliveries", "Support team", "2024-02-01")
    assert document.blocks[0].text.startswith("Apologise for the wait first, then give the new date")
    assert "our tracking tips for details" in document.blocks[0].text
    assert document.blocks[1] == type(document.blocks[1])(HEADING, "What to offer")
    assert [b.text for b in document.blocks if b.kind == BULLET] == [
        "Refund the shipping fee.", "Add a goodwill credit when the delay was our fault."]
    assert "chart" not in document.text


def test_hard_wrapped_text_is_joined_into_paragraphs():
    wrapped = (
        "Answer every question\n\n"
        "When a customer asks three questions and your reply answers only one of them, they\n"
        "will write again, angrier, and the second reply costs more than a complete first\n"
        "one would have. Read the message twice and list the questions before you write.\n\n"
        "Name what you cannot do only after you have said what you can do for them, and\n"
        "keep the reason short: one plain sentence, with no reference to rules or terms.\n"
    )
    page = parse_txt(wrapped)
    paragraphs = [b.text for b in page.blocks if b.kind == PARAGRAPH]
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("When a customer asks three questions") and paragraphs[1].endswith("before you write.")


def test_one_paragraph_per_line_text_is_not_joined():
    page = parse_txt("First point about listening to the customer for as long as they need\n"
                     "Second point about validating their frustration before any solution\n")
    assert len(page.blocks) == 2


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_other_text_encodings_are_read(tmp_path, encoding):
    text = "Café refunds\n\nWhen the crème brûlée machine fails, apologise first and offer a replacement at once.\n"
    document = load_document(_write(tmp_path, "cafe.txt", text, encoding=encoding))
    assert "crème brûlée" in document.text


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("only-clutter.txt", "Share on Facebook\n\nSubscribe to our newsletter\n", "no article text"),
    ("notes.pdf", b"%PDF-1.4", "not a supported file type"),
])
def test_bad_files_get_a_clear_error(tmp_path, name, content, message):
    path = _write(tmp_path, name, content)
    with pytest.raises(InputError, match=message):
        load_document(path)


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        find_files(tmp_path / "nope")


def test_folders_are_searched_recursively_for_supported_files(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path, "a.txt", "x")
    _write(tmp_path, "sub/b.md", "x")
    _write(tmp_path, "c.pdf", "x")
    _write(tmp_path, ".hidden.txt", "x")
    assert [p.name for p in find_files(tmp_path)] == ["a.txt", "b.md"]

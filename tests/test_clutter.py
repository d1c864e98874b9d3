"""Clutter stripping, on the five real playbook articles and on general page furniture."""

import re
from pathlib import Path

import pytest

from knowledge.clutter import is_clutter, parse_byline
from knowledge.documents import load_document
from knowledge.store import bundled_folder

PLAYBOOK = bundled_folder("playbook")
ARTICLES = sorted(PLAYBOOK.glob("*.txt"))

# Every piece of page furniture in the five scraped articles.
CLUTTER_IN_ARTICLES = [
    "Image: Filomena Scalise", "Related Posts with Thumbnails", "Previous post:", "Next post:",
    "Twitter LinkedIn Facebook RSS Android", "Feedback", "Close Icon",
    "Thanks for your registration", "Reprinted from ISP-Plant", "originally published on",
    "Access all of our award-winning content", "Start My Free Trial",
    "Get ej4 blog posts delivered straight to your inbox", "Photo courtesy of Stuart Miles",
    "freedigitalphotos.net", "Become a member to take advantage", "Jobs to Watch", "Posted by",
    "by on October 3, 2010",
]


def _cleaned_text(path: Path) -> str:
    document = load_document(path)
    return "\n".join([document.title] + [block.text for block in document.blocks])


def test_all_five_articles_are_present():
    assert len(ARTICLES) == 5


@pytest.mark.parametrize("fragment", CLUTTER_IN_ARTICLES)
def test_page_clutter_is_removed(fragment):
    for path in ARTICLES:
        assert fragment not in _cleaned_text(path), f"{fragment!r} left in {path.name}"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_no_guidance_sentence_is_lost(path):
    """Every line of the raw article that carries advice (10+ words, not clutter) survives intact."""
    cleaned = re.sub(r"\s+", " ", _cleaned_text(path))
    raw_lines = [re.sub(r"\s+", " ", line.strip().lstrip("•").strip())
                 for line in path.read_text(encoding="utf-8").splitlines()]
    guidance = [line for line in raw_lines if len(line.split()) >= 10 and not is_clutter(line)
                and not parse_byline(line)]
    assert len(guidance) >= 5
    for line in guidance:
        assert line in cleaned, f"lost from {path.name}: {line[:80]}"


@pytest.mark.parametrize("name, title, author, date", [
    ("when-the-customer-is-to-blame.txt", "When the Customer is to Blame for Bad Customer Service",
     "John Krautzel", None),
    ("dealing-with-the-unhappy-customer.txt", "Dealing with the Unhappy Customer",
     "EnterpriseAppsToday.com Staff, Brock Henderson", "2002-02-25"),
    ("bow-down-to-customer-service.txt",
     "It’s time for marketers (scratch that, everyone) to bow down to customer service", None, "2010-10-03"),
    ("dealing-with-upset-customers-advanced-guide.txt", "Dealing with Upset Customers: The Advanced Guide", None, None),
    ("how-to-survive-bad-customer-service.txt", "How to Survive Bad Customer Service", None, None),
])
def test_title_author_and_date_are_kept(name, title, author, date):
    document = load_document(PLAYBOOK / name)
    assert (document.title, document.author, document.date) == (title, author, date)


@pytest.mark.parametrize("line", [
    "Share on Facebook", "Share this: Twitter | LinkedIn | Email", "Subscribe to our newsletter",
    "Sign up for our weekly tips", "© 2024 Acme Inc. All rights reserved.", "Photo: Getty Images",
    "Image credit: Shutterstock", "Read more", "Leave a comment", "12 Comments", "Tags: service, support",
    "You may also like", "Next article: How to hire", "Follow us on Instagram", "Cookie settings",
    "Download our free e-book", "Skip to main content", "Advertisement", "•  ·  •",
])
def test_general_page_furniture_is_clutter(line):
    assert is_clutter(line)


@pytest.mark.parametrize("line", [
    "Sign up new agents for a shadowing session before they take their first angry call, "
    "so they hear how a senior colleague says no without quoting the policy at anyone.",
    "Listen. The absolute first thing to remember in dealing with a customer's complaint is to listen.",
    "Don't pass the buck.",
    "Act quickly.",
    "Repair the relationship with the customer.",
])
def test_guidance_is_not_clutter(line):
    assert not is_clutter(line)


@pytest.mark.parametrize("line, author, date", [
    ("By Jane Doe on May 2, 2020", "Jane Doe", "2020-05-02"),
    ("by on October 3, 2010", None, "2010-10-03"),
    ("By EnterpriseAppsToday.com Staff Feedback", "EnterpriseAppsToday.com Staff", None),
    ("This article was originally published on February 25, 2002", None, "2002-02-25"),
    ("Published 2021-07-14", None, "2021-07-14"),
])
def test_bylines_give_author_and_date(line, author, date):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.author, byline.date) == (author, date)


@pytest.mark.parametrize("line", [
    "By asking questions you accomplish two things.",
    "By the way, this is how we handle refunds.",
    "Customers remember how you made them feel.",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert parse_byline(line) is None

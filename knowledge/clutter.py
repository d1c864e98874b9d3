"""Recognise page clutter in scraped article text, and the byline and date lines.

Scraped pages carry share buttons, sign-up prompts, photo credits, "Related posts",
previous/next links and site navigation around the article. These rules judge one line at a
time and only short lines (``MAX_CLUTTER_WORDS``), so a guidance paragraph that happens to say
"sign up" or "policy" is never dropped; :func:`trailing_furniture` then removes the run of
short title-like fragments a page leaves after the article's last paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MAX_CLUTTER_WORDS = 18

SOCIAL_WORDS = {
    "twitter", "x", "facebook", "linkedin", "rss", "android", "ios", "iphone", "pinterest",
    "instagram", "youtube", "reddit", "email", "e-mail", "print", "share", "tweet", "whatsapp",
    "google+", "tumblr", "flipboard", "pocket", "mastodon", "threads", "tiktok", "telegram",
    "feedback", "comments", "comment", "copy", "link", "save", "like", "menu", "search", "home",
    "about", "contact", "login", "subscribe", "more",
}

_CLUTTER_PATTERNS = [
    # photo and image credits
    r"^\(?\s*(image|photo|picture|illustration|graphic)s?\s*(credit)?s?\s*[:(]",
    r"\b(photo|image|picture)s?\s+(courtesy|credit|by|via|source)\b",
    r"\b(shutterstock|getty images|istock|freedigitalphotos|unsplash|pexels)\b",
    # related content and pagination
    r"\brelated (posts?|articles?|stories|content|reading)\b",
    r"\b(you (may|might) also like|recommended for you|more from|popular posts|recent posts)\b",
    r"^(read (more|next)|continue reading|see also)\b",
    r"^(previous|next|older|newer) (post|article|story|entry)\b",
    # sign-up, subscription, membership and trial prompts
    r"\b(sign ?up|subscribe|newsletter|unsubscribe)\b",
    r"\b(register|registration|log ?in|sign ?in|create an account|become a member)\b",
    r"\bfree( \d+[- ]day)? trial\b",
    r"\b(delivered|straight|directly) to your inbox\b",
    r"\b(follow us|join (us|our)|social networks?|stay (up[- ]to[- ]date|in touch|connected))\b",
    r"\b(download (our|the|a free)|get (the|our) (app|e-?book|guide|whitepaper))\b",
    # page chrome
    r"\b(close icon|skip to (main )?content|toggle navigation|back to top|cookie|accept all)\b",
    r"\b(privacy policy|terms of (use|service)|all rights reserved)\b",
    r"(©|\(c\)\s*\d{4}|\bcopyright\b)",
    r"^(tags?|categories|category|filed under|posted in|share (this|on)|leave a (reply|comment))\b",
    r"^\d+\s+(comments?|responses?|replies)\b",
    r"^(advertisement|sponsored( content)?|ad)$",
    r"^(posted by|written by|author)\s*:?\s*$",
    r"^(reprinted|republished|syndicated) (from|with)\b",
    r"\b(this (article|post|story) (was|is) (originally|first) published)\b",
]
_CLUTTER_RE = [re.compile(p, re.IGNORECASE) for p in _CLUTTER_PATTERNS]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_RE = re.compile(
    rf"\b(?P<text>(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
_BYLINE_TAIL_WORDS = {"on", "posted", "published", "updated", "", "|", "-", "staff writer"}
_BYLINE_RE = re.compile(r"^\s*by\s+(?P<rest>.*)$", re.IGNORECASE)
_NAME_RE = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}$")


def words(line: str) -> list[str]:
    return re.findall(r"[\w+'.-]+", line.lower())


def is_short(line: str) -> bool:
    return len(words(line)) <= MAX_CLUTTER_WORDS


def is_clutter(line: str) -> bool:
    """True for a line that is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped:
        return False
    tokens = words(stripped)
    if not tokens:  # only punctuation or symbols: separators, icons
        return True
    if not is_short(stripped):
        return False
    if all(token.strip(".-") in SOCIAL_WORDS for token in tokens):
        return True
    return any(pattern.search(stripped) for pattern in _CLUTTER_RE)


@dataclass
class Byline:
    author: str | None = None
    date: str | None = None


def normalise_date(text: str) -> str:
    """ISO date when the text parses as one, else the text as written."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)", r"\1", text.replace(".", "")).replace(",", "")
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def parse_byline(line: str) -> Byline | None:
    """Read an author and/or date from a byline-like line ("By Jane Doe on May 2, 2020").

    Returns None when the line is not a byline, so article sentences that start with "By"
    ("By asking questions you ...") stay in the text: a byline is short and holds a date or
    a capitalised name.
    """
    stripped = line.strip()
    if not stripped or not is_short(stripped) or len(words(stripped)) > 10:
        return None
    date_match = _DATE_RE.search(stripped)
    date = normalise_date(date_match.group("text")) if date_match else None
    by = _BYLINE_RE.match(stripped)
    if by:
        name_words = _DATE_RE.sub("", by.group("rest")).split()
        # Drop what follows the name on the same line: "on", "| Feedback", "Share".
        while name_words and (name_words[-1].strip(",|-").lower() in SOCIAL_WORDS | _BYLINE_TAIL_WORDS):
            name_words.pop()
        author = " ".join(name_words).strip(" ,|-")
        author = author if author[:1].isupper() else None
        if author or date:
            return Byline(author=author, date=date)
        return None
    if date and (len(words(stripped)) <= 6 or re.search(r"\b(published|posted|updated)\b", stripped, re.I)):
        return Byline(date=date)
    return None


def looks_like_name(line: str) -> bool:
    """A bare author name line ("John Krautzel") as bylines often print above "Posted by"."""
    return bool(_NAME_RE.match(line.strip()))


def trailing_furniture(lines: list[str]) -> int:
    """How many lines at the end are page furniture: short fragments without sentence ending."""
    count = 0
    for line in reversed(lines):
        stripped = line.strip()
        if is_clutter(stripped) or (
            len(words(stripped)) <= 6 and not re.search(r"[.!?]['\"”’)]*$", stripped)
        ):
            count += 1
            continue
        break
    return count

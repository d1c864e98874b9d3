"""Turn .txt, .md and .html text into structural blocks (heading, paragraph, bullet).

Each parser keeps the article's own structure so chunking can follow it; explicit metadata
(an HTML <title>, a Markdown front matter ``author:``) is returned beside the blocks. Clutter
is not judged here: :mod:`knowledge.documents` does that for every format alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADING, PARAGRAPH, BULLET = "heading", "paragraph", "bullet"

_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·*+-]|\d{1,2}[.)])\s+(?P<text>\S.*)$")
_SENTENCE_END_RE = re.compile(r"[.!?:;…]['\"”’)\]]*$")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


@dataclass
class ParsedPage:
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width (most lines short, many not ending a sentence).

    Scraped pages put a whole paragraph on one line, so each line is a block; wrapped text
    (email, plain-text exports) needs its lines joined back into paragraphs.
    """
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 4:
        return False
    short = sum(1 for line in filled if len(line) <= 100)
    open_ended = sum(1 for line in filled if len(line) >= 50 and not _SENTENCE_END_RE.search(line))
    return short >= 0.9 * len(filled) and open_ended >= 0.3 * len(filled)


def parse_txt(text: str) -> ParsedPage:
    """Paragraphs are separated by blank lines or stand one per line; hard-wrapped lines join.

    In wrapped text a line continues the previous one when that line does not end a sentence
    and is long enough to have been wrapped (short lines are headings, names or list items).
    """
    lines = text.splitlines()
    wrapped = _is_hard_wrapped(lines)
    page = ParsedPage()
    current: list[str] = []
    current_kind = PARAGRAPH

    def flush():
        nonlocal current
        if current:
            page.blocks.append(Block(current_kind, _squash(" ".join(current))))
        current = []

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            flush()
            current_kind = BULLET
            current = [bullet.group("text")]
            continue
        if wrapped and current and not _SENTENCE_END_RE.search(current[-1]) and len(current[-1]) >= 50:
            current.append(line)
            continue
        flush()
        current_kind = PARAGRAPH
        current = [line]
    flush()
    return page


_FRONT_MATTER_RE = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_MD_SETEXT_RE = re.compile(r"^(=+|-+)\s*$")


def _strip_markdown_inline(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"<[^>]+>", "", text)  # inline html
    text = re.sub(r"(\*\*|__|`)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    return text


def parse_markdown(text: str) -> ParsedPage:
    page = ParsedPage()
    front = _FRONT_MATTER_RE.match(text)
    if front:
        for line in front.group("body").splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            if key.strip().lower() in ("title", "author", "date") and value:
                setattr(page, key.strip().lower(), value)
        text = text[front.end() :]
    lines = text.splitlines()
    paragraph: list[str] = []

    def flush():
        if paragraph:
            page.blocks.append(Block(PARAGRAPH, _squash(_strip_markdown_inline(" ".join(paragraph)))))
            paragraph.clear()

    in_code = False
    for index, raw in enumerate(lines):
        line = raw.rstrip()
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = _MD_HEADING_RE.match(line.strip())
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if heading:
            flush()
            level_one = len(heading.group(1)) == 1
            title = _squash(_strip_markdown_inline(heading.group("text")))
            if level_one and not page.blocks:  # the document's own title line
                page.title = page.title or title
            else:
                page.blocks.append(Block(HEADING, title))
            continue
        if line.strip() and _MD_SETEXT_RE.match(following.strip()) and not paragraph:
            page.blocks.append(Block(HEADING, _squash(_strip_markdown_inline(line))))
            continue
        if _MD_SETEXT_RE.match(line.strip()) and page.blocks and page.blocks[-1].kind == HEADING:
            continue
        if not line.strip() or re.match(r"^\s*([-*_]\s*){3,}$", line):
            flush()
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            flush()
            page.blocks.append(Block(BULLET, _squash(_strip_markdown_inline(bullet.group("text")))))
            continue
        continues_item = line.startswith((" ", "\t")) or (index > 0 and lines[index - 1].strip())
        if continues_item and page.blocks and page.blocks[-1].kind == BULLET and not paragraph:
            last = page.blocks.pop()
            page.blocks.append(Block(BULLET, _squash(last.text + " " + _strip_markdown_inline(line))))
            continue
        paragraph.append(line.lstrip("> ").strip())
    flush()
    return page


class _HTMLBlocks(HTMLParser):
    SKIP = {"script", "style", "nav", "footer", "aside", "form", "noscript", "button", "svg",
            "iframe", "template", "select", "figure", "figcaption"}
    VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr"}
    BLOCKS = {"p", "div", "section", "blockquote", "td", "th", "dd", "dt", "pre", "tr", "table",
              "ul", "ol", "article", "main", "header", "body"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._skip_depth = 0
        self._buffer: list[str] = []
        self._kind = PARAGRAPH
        self._in_title = False
        self._title_parts: list[str] = []
        self._h1: str | None = None
        self._heading_level = 0

    def _flush(self):
        text = _squash("".join(self._buffer))
        self._buffer = []
        if text:
            if self._kind == HEADING and self._h1 is None and self._heading_level == 1:
                self._h1 = text
            else:
                self.page.blocks.append(Block(self._kind, text))
        self._kind = PARAGRAPH

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            name = (attributes.get("name") or attributes.get("property") or "").lower()
            content = attributes.get("content")
            if content and name in ("author", "article:author"):
                self.page.author = content.strip()
            if content and name in ("article:published_time", "date", "pubdate", "dc.date"):
                self.page.date = content.strip()[:10]
            return
        if tag == "time" and attributes.get("datetime") and not self.page.date:
            self.page.date = attributes["datetime"][:10]
        if self._skip_depth or tag in self.SKIP:
            if tag not in self.VOID:
                self._skip_depth += 1
            return
        if tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._kind = HEADING
            self._heading_level = int(tag[1])
        elif tag == "li":
            self._flush()
            self._kind = BULLET
        elif tag == "br":
            self._buffer.append("\n")
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if self._skip_depth:
            if tag not in self.VOID:
                self._skip_depth -= 1
            return
        if tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag) or tag == "li" or tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self._skip_depth:
            return
        if self._in_title:
            self._title_parts.append(data)
        else:
            self._buffer.append(data)

    def close(self):
        super().close()
        self._flush()
        title = _squash("".join(self._title_parts))
        # "<title>Article | Site name</title>": the article part is what readers call it.
        title = re.split(r"\s+[|–—-]\s+", title)[0] if title else None
        self.page.title = self._h1 or title or None


def parse_html(text: str) -> ParsedPage:
    parser = _HTMLBlocks()
    parser.feed(text)
    parser.close()
    return parser.page


PARSERS = {".txt": parse_txt, ".text": parse_txt, ".md": parse_markdown,
           ".markdown": parse_markdown, ".html": parse_html, ".htm": parse_html}

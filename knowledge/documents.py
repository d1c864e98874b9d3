"""Load playbook and policy files into clean, structured documents.

A :class:`Document` is what ingestion chunks: its blocks are the article text with page
clutter removed, and title, author and date are kept where the text has them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import clutter
from knowledge.formats import BULLET, HEADING, PARAGRAPH, PARSERS, Block, ParsedPage
from replycoach.errors import InputError

SUPPORTED_SUFFIXES = tuple(sorted(PARSERS))
MAX_FILE_BYTES = 5 * 1024 * 1024
_HEADING_MAX_WORDS = 10  # a heading that ends like a sentence ("Don't pass the buck.")
_BARE_HEADING_MAX_WORDS = 15  # one without end punctuation ("How service made me loyal")
_LIST_INTRO_MAX_WORDS = 30  # a paragraph that introduces a bullet list heads that list


@dataclass
class Document:
    """One source file, cleaned.

    ``key`` identifies the document in the store (the file's path relative to the folder it
    was ingested from, or its name); ``origin`` is that folder, so a re-ingest of the folder
    knows which stored documents have since been deleted.
    """

    key: str
    source: str
    origin: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    author: str | None = None
    date: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


def decode_bytes(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; refuse binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} is a binary file, not text", "give a .txt, .md or .html file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name} is not UTF-8 or Windows-1252 text", "save it as UTF-8 and try again"
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text) * 0.01:
        raise InputError(f"{name} looks like binary data, not text", "give a .txt, .md or .html file")
    return text


def clean_page(page: ParsedPage, fallback_title: str) -> tuple[str, list[Block], str | None, str | None]:
    """Drop clutter, lift byline and date out of the text, find the title and the headings."""
    authors = [page.author] if page.author else []
    date = page.date
    kept: list[Block] = []
    for block in page.blocks:
        byline = clutter.parse_byline(block.text)
        if byline:
            authors += [byline.author] if byline.author else []
            date = date or byline.date
            continue
        if clutter.is_clutter(block.text):
            # "John Krautzel" above "Posted by": the bare name was the byline.
            if re.match(r"^(posted|written) by\b", block.text.strip(), re.I) and kept and clutter.looks_like_name(kept[-1].text):
                authors.append(kept.pop().text.strip())
            continue
        kept.append(block)
    author = ", ".join(dict.fromkeys(authors)) or None
    tail = clutter.trailing_furniture([block.text for block in kept])
    if tail:
        kept = kept[:-tail]
    title = page.title
    if not title and kept and len(clutter.words(kept[0].text)) <= 20:
        title = kept.pop(0).text
    title = title or fallback_title
    return title, _mark_headings(kept), author, date


def _is_single_sentence(text: str) -> bool:
    return len(re.findall(r"[.!?]+(?=\s|$)", text.strip())) <= 1 and not re.search(r"[.!?]\s+\S", text.strip())


def _mark_headings(blocks: list[Block]) -> list[Block]:
    """Infer section headings in plain text.

    A short one-sentence paragraph followed by a longer block reads as a heading, and so does
    a short paragraph that introduces a bullet list ("Try these steps.").
    """
    marked = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == PARAGRAPH and following is not None and following.kind == BULLET and (
            len(clutter.words(block.text)) <= _LIST_INTRO_MAX_WORDS
        ):
            marked.append(Block(HEADING, block.text.rstrip(" :")))
        elif (
            block.kind == PARAGRAPH
            and following is not None
            and following.kind in (PARAGRAPH, BULLET)
            and len(clutter.words(block.text)) <= (
                _HEADING_MAX_WORDS if re.search(r"[.!?]$", block.text.strip()) else _BARE_HEADING_MAX_WORDS
            )
            and _is_single_sentence(block.text)
            and not block.text.rstrip().endswith((",", ";"))
            and len(clutter.words(following.text)) > len(clutter.words(block.text))
        ):
            marked.append(Block(HEADING, block.text.rstrip(" .:")))
        else:
            marked.append(block)
    return marked


def _title_from_name(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize() or path.name


def load_document(path: Path, origin: Path | None = None) -> Document:
    """Read and clean one file; ``origin`` is the folder it was found in, if any."""
    if not path.exists():
        raise InputError(f"{path} does not exist", "check the path")
    suffix = path.suffix.lower()
    if suffix not in PARSERS:
        raise InputError(
            f"{path} is not a supported file type ({suffix or 'no extension'})",
            f"give one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path} is empty", "add text to it or leave it out")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path} is {size // 1024} KB, over the {MAX_FILE_BYTES // 1024 // 1024} MB limit",
                         "split it into smaller documents")
    text = decode_bytes(path.read_bytes(), str(path))
    title, blocks, author, date = clean_page(PARSERS[suffix](text), _title_from_name(path))
    if not any(block.kind != HEADING for block in blocks):
        raise InputError(f"{path} has no article text once page clutter is removed", "check the file")
    key = path.relative_to(origin).as_posix() if origin else path.name
    return Document(key=key, source=path.name, origin=str(origin or path.parent),
                    title=title, blocks=blocks, author=author, date=date)


def find_files(path: Path) -> list[Path]:
    """The supported files under a folder (recursively), or the file itself."""
    if not path.exists():
        raise InputError(f"{path} does not exist", "check the path")
    if path.is_file():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PARSERS
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not files:
        raise InputError(f"{path} has no {', '.join(SUPPORTED_SUFFIXES)} files", "check the folder")
    return files

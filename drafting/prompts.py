"""Prompt templates: one file each in drafting/prompts/, with a version line.

A file starts with ``version: name/N`` and a ``---`` line; the rest is a ``str.format``
template. Every Draft records the versions of the templates that made it, so an eval run can
compare prompt versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Template:
    name: str
    version: str
    text: str

    def render(self, **values) -> str:
        return self.text.format(**values)


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    raw = (resources.files("drafting") / "prompts" / f"{name}.md").read_text(encoding="utf-8")
    header, _, body = raw.partition("\n---\n")
    version = header.strip().removeprefix("version:").strip()
    return Template(name=name, version=version, text=body.strip())


def versions(*names: str) -> str:
    """e.g. "system/1+analysis/1+draft/1"."""
    return "+".join(template(name).version for name in names)

"""placeholder (block): template text left in the draft ("[Customer Name]", "{first_name}",
"<insert date>", "XXX", "TBD")."""

from __future__ import annotations

import re

from evals.checks.base import clear, finding
from evals.checks.text import CheckInput, pattern_spans
from evals.contracts import BLOCK, CheckResult

NAME = "placeholder"
SEVERITY = BLOCK

_FIELD_WORDS = (r"name|customer|client|agent|rep|date|time|link|url|number|no\.?|insert|company|product|order|tracking|"
                r"amount|first|last|full|signature|email|phone|address|reference|ref|item|price|city|store|team|department|"
                r"day|here|placeholder|your|their|recipient|sender|account|code|id|title|position")
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\[\s*(?:[A-Za-z_ .'-]*\b(?:{_FIELD_WORDS})\b[A-Za-z_ .'-]*)\s*\]",
    r"\{\{?\s*[A-Za-z_][\w .-]{0,40}\}?\}",
    rf"<\s*(?:insert|enter|add|your|customer|agent|date|name|link|tracking|order|amount|[A-Za-z ]*\b(?:{_FIELD_WORDS})\b)[^<>\n]{{0,40}}>",
    r"\blorem ipsum\b", r"\$\{[\w.]+\}",
)] + [re.compile(p) for p in (  # capitals matter here: "Enter your reference" is an instruction, "ENTER NAME" a field
    r"\bX{3,}\b", r"\bTBD\b|\bTBC\b|\bTODO\b|\bFIXME\b", r"%[A-Z_]{3,}%", r"\b(?:INSERT|ENTER) [A-Z][A-Z ]{2,30}\b",
)]
_NAME_FIELD = re.compile(r"name|customer|client|first|recipient", re.IGNORECASE)


def check(inp: CheckInput) -> CheckResult:
    spans = pattern_spans(inp.draft, PATTERNS)
    if not spans:
        return clear(NAME, SEVERITY, "No template placeholders left in.")
    first = spans[0]
    suggestion = inp.customer_name if inp.customer_name and _NAME_FIELD.search(first.text) else None
    return finding(NAME, SEVERITY, spans, 0.97,
                   f"Template text is still in the draft ({', '.join(s.text for s in spans[:3])}): fill it in "
                   "before sending.", suggestion=suggestion, evidence=["pattern: template field"])

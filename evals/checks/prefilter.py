"""Skip a phrase pattern cheaply when the draft cannot match it.

Scanning a draft with each of the ~180 phrase patterns was a third of the fast checks' time,
and most patterns match almost no draft. :func:`required_literals` reads a pattern's parse tree
(``re._parser``, Python 3.11's name for ``sre_parse``) for text every match must contain: a
literal run, or one literal per branch of an alternation. A pattern whose required literals are
all absent from the case-folded draft cannot match it, so it is not run; a pattern with no such
literal (of at least :data:`MIN_LITERAL` characters) is always run.
"""

from __future__ import annotations

import re
from re import _parser
from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

MIN_LITERAL = 3


def _required(sequence) -> frozenset[str] | None:
    """Literals, one of which every match of ``sequence`` contains (the longest such choice)."""
    choices: list[frozenset[str]] = []
    run = ""
    for op, arg in list(sequence) + [(None, None)]:
        if op is LITERAL:
            run += chr(arg)
            continue
        if run:
            choices.append(frozenset({run.casefold()}))
            run = ""
        inner = None
        if op is SUBPATTERN:
            inner = _required(arg[3])
        elif op is BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            if all(branches):
                inner = frozenset().union(*branches)
        elif op in (MAX_REPEAT, MIN_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2])
        if inner:
            choices.append(inner)
    choices = [choice for choice in choices if min(len(text.strip()) for text in choice) >= MIN_LITERAL]
    return max(choices, key=lambda choice: (min(map(len, choice)), -len(choice))) if choices else None


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Case-folded texts, one of which is in every match of ``pattern``; None if none is known."""
    return _required(_parser.parse(pattern.pattern, pattern.flags))


def may_match(needed: frozenset[str] | None, folded_text: str) -> bool:
    """False only when no match is possible: none of ``needed`` is in the case-folded text."""
    return needed is None or any(text in folded_text for text in needed)

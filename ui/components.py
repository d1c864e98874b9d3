"""Small rendering helpers shared by the pages (no logic: text in, HTML or widgets out)."""

from __future__ import annotations

import html

import streamlit as st

from evals.contracts import Review

COLOURS = {"block": "#fdd8d8", "warn": "#fff1c2", "info": "#e3f0ff"}
VERDICTS = {
    "send": ("Ready to send", "green"),
    "revise": ("Revise: fix the flagged problems or override with a reason", "orange"),
    "block": ("Blocked: fix the problems marked in red before sending", "red"),
}
LABELS = {
    "condescension": "Talks down to the customer", "rule_quoting": "Quotes rules at the customer",
    "forbidden_promise": "Promises what we can't keep", "placeholder": "Template text left in",
    "personal_data": "Personal data in the email", "passing_the_buck": "Passes the customer on",
    "blame_or_excuse": "Blames or makes excuses", "decline_without_alternative": "Says no with nothing instead",
    "unanswered_question": "Leaves a question unanswered", "missing_empathy": "No acknowledgement of feelings",
    "missing_ownership": "Doesn't own our mistake", "fabrication": "States facts nobody gave",
}


def highlighted(text: str, review: Review) -> str:
    """The draft as HTML with every flagged span marked (its reason on hover)."""
    marks = sorted(((span.start, span.end, check) for check in review.flagged for span in check.spans),
                   key=lambda item: (item[0], -item[1]))
    out, position = [], 0
    for start, end, check in marks:
        if start < position or end > len(text):
            continue
        out.append(html.escape(text[position:start]))
        out.append(f'<mark style="background:{COLOURS.get(check.severity, "#eee")};padding:0 2px" '
                   f'title="{html.escape(LABELS.get(check.name, check.name))}: {html.escape(check.reason)}">'
                   f"{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div style="border:1px solid #ddd;border-radius:6px;padding:12px;line-height:1.6">{body}</div>'


def verdict_badge(review: Review) -> None:
    label, colour = VERDICTS[review.verdict]
    st.markdown(f":{colour}[**{label}**]")

"""Find the questions a customer asked, including ones without a question mark."""

from __future__ import annotations

import re

from drafting.messages import strip_quoted_history
from evals.checks.text import Sentence, sentences

_INDIRECT = re.compile(
    r"\b(?:I(?:'d| would)? (?:also |really |just )?(?:want|like|need) to know|I want to understand|"
    # a request to tell, not a report that nobody could ("nobody could tell me why")
    r"(?<!could )(?<!would )(?<!couldn't )(?<!wouldn't )(?<!didn't )(?<!can't )(?<!won't )"
    r"(?:please )?(?:tell|let) me (?:know )?(?:when|why|how|what|whether|if|where|who)|"
    r"(?:can|could|would) (?:you|someone) (?:please )?(?:tell|explain|confirm|let me know)|I(?:'d| would) like (?:someone |you )?to explain|"
    r"I(?:'m| am) (?:also |just |still |really )?wondering|I wonder (?:if|whether|why|when|how)|wondering (?:if|whether|when|why|how)|"
    r"(?:please )?explain (?:why|how|what)|I(?:'d| would) (?:like|appreciate) (?:an|some) (?:answer|explanation))\b",
    re.IGNORECASE)
_RHETORICAL = re.compile(
    r"^(?:are you (?:kidding|serious|joking)|what kind of|is this (?:how|what|a joke)|how hard (?:can|is) it|who does that|"
    r"what(?:'s| is) wrong with (?:you|your)|seriously|really|why (?:is it|does it) always|how (?:is|was) (?:this|that) (?:ok|acceptable|possible)|"
    r"do you (?:even|actually) care|how (?:dare|can you)|what (?:a|the) (?:joke|hell)|am I (?:the only|supposed)|what's going on\W*$|"
    r"(?:is|was) (?:it|that|this) (?:really )?too much to ask|what now|why me|why (?:do|did|should) (?:you|I) (?:even )?bother|why on earth|why am I being|"
    r"how is (?:that|this|it) (?:fair|right|ok|okay|acceptable|reasonable|my (?:fault|problem)))", re.IGNORECASE)


# A "?" sentence is a question when it opens like one; "I think I've been charged twice?" is a statement.
_OPENS_QUESTION = re.compile(
    r"^\W*(?:(?:hi|hello|hey|and|so|also|but|ok|okay|then|plus|well|sorry|please|two questions|one more thing|oh)\W+)*"
    r"(?:what|when|where|why|how|who|whom|whose|which|can|could|would|will|won't|may|might|is|isn't|are|aren't|am|was|were|do|does|"
    r"did|don't|doesn't|didn't|should|shall|have|has|haven't|hasn't|any|anything|is there|are there)\b", re.IGNORECASE)
# A lead-in before a colon or a spaced dash is not part of the question: "Quick question: does...", "PS - is
# there...", "Also I forgot my game disc in it - can you send that back too?"
_LEAD_IN = re.compile(r"^(?:[^:;?!.\n]{0,40}?:|[^;?!.\n]{0,80}?\s[-\u2013\u2014])\s+")
# Where one sentence asks two things: "does it come assembled, and can you deliver on Saturday?", "can I add
# bottles, can I pay with iDEAL, and what's the latest...?", "I'd like to know X, and please tell me when Y."
_COMPOUND = re.compile(r",?\s+and\s+(?=(?:can|could|will|would|do|does|is|are|when|why|how|what|where|should)\b)"
                       r"|,\s+(?=(?:can|could|will|would|do|does|is|are|should) (?:I|we|you|it|they|my|the)\b)"
                       r"|,?\s+and\s+(?=(?:please )?(?:tell|let) me\b)", re.IGNORECASE)


def customer_questions(message: str | None) -> list[Sentence]:
    """The sentences of the customer's own message that ask something (rhetorical ones left out)."""
    if not message:
        return []
    text, _ = strip_quoted_history(message)
    found = []
    for sentence in sentences(text):
        asks = sentence.text.rstrip().endswith("?") or _INDIRECT.search(sentence.text)
        parts = _COMPOUND.split(sentence.text) if asks else [sentence.text]
        for part in parts:  # "does it come assembled, and can you deliver on Saturday?" asks two things
            part = part.strip()
            lead = _LEAD_IN.match(part)
            if lead and _OPENS_QUESTION.search(part[lead.end():]):
                part = part[lead.end():]
            direct = sentence.text.rstrip().endswith("?") and _OPENS_QUESTION.search(part)
            if (direct or _INDIRECT.search(part)) and not _RHETORICAL.search(part):
                start = text.index(part, sentence.start)
                found.append(Sentence(start, start + len(part), part))
    return found

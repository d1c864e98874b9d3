"""unanswered_question (warn; needs the message): the customer asked something the draft
neither answers nor acknowledges.

Judged per question, and only flagged when the draft clearly misses it, because a false alarm
here sends a good reply back for revision:
- the question shares content words with the draft (stemmed: "replace" matches
  "replacement") and, for "when/how much/why/where", the draft has that kind of answer; or
- it shares none, but the draft has the kind of answer it wants anyway (a time, an amount, a
  reason, a place; for a yes/no question about paying, worry or having to act: a price or
  "free", "safe" or "normal", "you don't need to"); or
- it is the message's only question. Then the whole reply is the answer to it, in whatever
  words, and only what can be checked is judged: a time ("when...?") or an amount ("how
  much...?") asked for and not given. In the labelled drafts (1,640, eight authors) every
  reviewer-flagged unanswered question was one of two or more; single questions the rules
  judged unanswered were all answered in other words (47 false alarms, no catches).
Vague questions with no content words ("What are you going to do about it?") are not judged.
"""

from __future__ import annotations

import re

from evals.checks.base import clear, finding
from evals.checks.cues import MONEY, OFFER, REASON, TIME
from evals.checks.questions import customer_questions
from evals.checks.text import CheckInput, Sentence
from evals.contracts import WARN, CheckResult
from knowledge.lexical import terms

NAME = "unanswered_question"
SEVERITY = WARN

_GENERIC = {"pleas", "want", "know", "tell", "help", "like", "need", "get", "go", "going", "thing", "someon", "anyon",
            "anyth", "someth", "realli", "ok", "okay", "hi", "hello", "thank", "thanks", "let", "explain", "question", "wonder",
            "sure", "happen", "mean", "still", "ever", "even", "actual", "also", "deal", "chanc", "idea", "way", "tim", "one",
            "bit", "lot", "possibl", "guy", "people", "answer", "anybod", "nobod", "everyon",
            # what-now questions ("What am I supposed to do now?", "what are you doing to make sure...") are vague
            "suppos", "mak", "sur", "again", "now", "right"}
# (question cue, evidence of that kind of answer, whether a draft that talks about the topic must still give it)
_KINDS = [
    # "when" asks for a time only as the question word ("when will it come", not "why, when I told you")
    (re.compile(r"^\W*(?:(?:and|so|but|also|then|ok|okay)\W+)?when\b|\bwhen (?:will|can|could|would|is|are|was|were|do|does|did|should|"
                r"shall|'s)\b|\b(?:how long|what time|what date|by when|until when|how soon|how quickly|how fast|how early|how far (?:ahead|in advance)|"
                r"how many (?:days|weeks|hours)|earlier|sooner|later|quicker|faster)\b", re.I),
     TIME, True),
    (re.compile(r"\b(?:how much|what(?:'s| is| will be) the (?:cost|price|fee|charge|total))\b", re.I), MONEY, True),
    (re.compile(r"\bwhy\b|\bhow (?:come|did|could) (?:this|that|it)\b", re.I), REASON, False),
    (re.compile(r"\bwho(?:'s| is| will| are)? (?:going to )?(?:pay|paying|cover|covering|refund|compensat)", re.I), OFFER, False),
    (re.compile(r"\bwhere\b", re.I), re.compile(
        r"\b(?:at (?:the|our|your|a)|in (?:the|our|transit)|with (?:the|our)|on (?:its|the) way|away|depot|warehouse|hub|facility|"
        r"delivered to|arrived|stuck|moved|located|sitting|held|lost|found|left|online|website|download|www|link|page|app|under|"
        r"from (?:the|our))\b", re.I), False),
    # yes/no questions answered in other words: "does he have to pay?" - "his appointment is free";
    # "Should I be worried?" - "it isn't dangerous"; "do I have to apply?" - "you don't need to do anything"
    (re.compile(r"\b(?:pay|paying|cost|costs|charge|charged|fee|fees|price|extra|free)\b", re.I), re.compile(
        rf"{MONEY.pattern}|\b(?:free|no (?:extra |additional )?(?:charge|cost|fee)|nothing (?:extra |more )?to pay|same price|at no cost|"
        r"(?:won't|will not|don't|do not) (?:have to |need to )?pay|payable)\b", re.I), False),
    (re.compile(r"\b(?:worried|worry|dangerous|danger|safe|normal|serious|harmful)\b", re.I), re.compile(
        r"\b(?:safe|normal|common|usual|expected|unlikely|nothing to worry|no (?:need|reason) to worry|(?:isn't|is not|not) "
        r"(?:dangerous|serious|harmful|a (?:worry|concern|problem))|no harm|any harm)\b", re.I), False),
    (re.compile(r"\b(?:do|will|would) (?:I|we) (?:have|need) to\b", re.I), re.compile(
        r"\byou(?:'ll| will)? (?:(?:don't|do not|won't|will not) )?(?:need|have) to\b|\bno need\b|\bnothing (?:you need|for you) to do\b",
        re.I), False),
]
_ACKNOWLEDGE = re.compile(r"\b(?:I(?:'ll| will| am going to|'m going to)|let me) (?:check|find out|look into|confirm|ask|get back)\b", re.I)


def _content(text: str) -> set[str]:
    return {term for term in terms(text) if "'" not in term} - _GENERIC


def is_answered(question: Sentence, draft: str, only_question: bool = False) -> bool:
    wanted = _content(question.text)
    kinds = [(pattern, strict) for cue, pattern, strict in _KINDS if cue.search(question.text)]
    gives_strict = all(pattern.search(draft) for pattern, strict in kinds if strict)
    if not wanted or only_question:
        return gives_strict or (bool(wanted) and bool(_ACKNOWLEDGE.search(draft)))
    if wanted & _content(draft):
        return gives_strict or bool(_ACKNOWLEDGE.search(draft))
    return bool(kinds) and all(pattern.search(draft) for pattern, _ in kinds)


def check(inp: CheckInput) -> CheckResult:
    questions = customer_questions(inp.message)
    if not questions:
        return clear(NAME, SEVERITY, "The customer's message asks no question." if inp.message
                     else "No customer message given, so questions were not checked.")
    missed = [q for q in questions if not is_answered(q, inp.draft, only_question=len(questions) == 1)]
    if not missed:
        return clear(NAME, SEVERITY, f"All {len(questions)} question(s) in the message are answered.")
    listed = "; ".join(f"\"{q.text}\"" for q in missed[:3])
    return finding(NAME, SEVERITY, [], 0.75 if len(missed) < len(questions) else 0.85,
                   f"The draft does not answer {listed}: answer each question, or say when you will.",
                   evidence=[f"unanswered: {q.text}" for q in missed])

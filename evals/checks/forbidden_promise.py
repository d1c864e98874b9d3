"""forbidden_promise (block): a promise the agent's decision does not allow, or one nobody
could keep whatever the decision ("I guarantee it arrives tomorrow", "this will never happen
again").

Decision-based: the decision's refusing clauses ("decline refund (opened food)", "delivery
date cannot be guaranteed") name what is ruled out; a draft sentence that affirmatively
promises one of those things (no negation, a promise form such as "I've processed", "you'll
receive") is flagged, and so is a credit or refund amount the decision does not give, or
money sent somewhere the decision does not send it (PayPal, a bank transfer, a new card). A
decision can also allow something only on a condition ("a free label if she chooses store
credit"): a promise that states the condition is not a breach, one that drops it may be.
"""

from __future__ import annotations

import re

from evals.checks.base import clear, finding
from evals.checks.cues import MONEY
from evals.checks.phrases import Family, find_families
from evals.checks.text import CheckInput, sentence_span
from evals.contracts import BLOCK, CheckResult, Span
from knowledge.lexical import terms

NAME = "forbidden_promise"
SEVERITY = BLOCK

# "I'm confident your claim will ...": sureness about what happens next.
_SURE_IT_WILL = r"\bI(?:'m| am) (?:confident|certain|sure|positive) (?:that )?(?:your|the|it|this|they|you)\b[^.!?\n]{0,40}\b(?:will|'ll)"
UNKEEPABLE = [Family("promises what nobody can guarantee", (
    r"\bI (?:can )?(?:personally )?(?:guarantee|promise)(?: you)?(?: that)? (?:it|this|they|your|the|you|we|there)\b[^.!?\n]{0,60}\b(?:will|'ll|won't)\b",
    r"\b(?:it|this|they|you|your \w+|the \w+)(?: will|'ll) (?:definitely|certainly|absolutely|100%) (?:be|arrive|get|reach|come|work|receive|have)\b",
    # an outcome someone else decides, stated as settled ("I'm confident your claim will be approved")
    _SURE_IT_WILL + r" be (?:approved|accepted|granted|paid(?: in full)?|reinstated|successful)\b",
    r"\b(?:guaranteed|guarantee)(?: to (?:arrive|be delivered|reach you))?\b[^.!?\n]{0,30}\b(?:tomorrow|today|by \w+day|on \w+day|next \w+)\b",
    r"\bI guarantee it\b", r"\byou have my (?:word|guarantee)\b",
    r"\b(?:this|that|it) (?:will|'ll) never happen (?:to you )?again\b|\b(?:this|that|it) won't (?:ever )?happen again\b",
    r"\bwithout fail\b", r"\b(?:100|a hundred) ?(?:%|percent) (?:sure|certain|guaranteed)\b",
    r"\bI can (?:assure|promise) you (?:that )?(?:this|it|you|they)\b[^.!?\n]{0,50}\b(?:will|won't|never)\b",
))]
_REFUSING = re.compile(r"\b(?:decline[sd]?|no|not|cannot|can't|can not|won't|will not|never|without|refuse[sd]?|den(?:y|ied)|"
                       r"reject(?:ed)?|isn't|aren't|unable|ineligible)\b", re.I)
_CUE_WORDS = {"declin", "no", "not", "cannot", "can't", "won't", "never", "without", "refus", "deni", "deny", "reject",
              "isn't", "aren't", "unabl", "ineligibl", "onli", "will", "guarante", "possibl", "allow", "offer"}
_PROMISE = re.compile(
    r"\b(?:I(?:'ve| have| will|'ll)|we(?:'ve| have| will|'ll))(?: now| just| already| gone ahead and| also)? "
    r"(?:processed|issued|approved|refunded|arranged|booked|sent|e?mailed|posted|credited|applied|reversed|confirmed|authori[sz]ed|scheduled|added|"
    r"process|issue|approve|refund|arrange|book|send|e?mail|post|credit|apply|reverse|confirm|authori[sz]e|schedule|add|get|have|make|ensure|guarantee)\b"
    r"|\byou(?:'ll| will) (?:get|receive|have|see)\b|\b(?:is|are|has been|have been|will be) (?:approved|confirmed|processed|issued|"
    r"on (?:its|their) way|guaranteed|refunded|credited)\b|\bfull refund\b|\b(?:will|'ll) (?:definitely |certainly )?(?:arrive|reach you|be delivered|be with you)\b",
    re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|can't|cannot|can not|unable|won't|isn't|aren't|hasn't|haven't|doesn't|instead of|rather than|"
                      r"in place of|unfortunately|if|unless)\b|"
                      r"\b(?:request(?:ed|ing)?|ask(?:ed|ing)? for|seek(?:ing)?)\s+(?:[\w-]+\s+){0,3}approval\b|"  # asking is not granting
                      r"\b(?:you|she|he|they) (?:were|was|had been|have been|'d been) (?:promised|told|offered|quoted)\b", re.I)  # a report


_LIMIT = re.compile(r"\b(?:above|over|more than|beyond|exceeding|greater than|higher than)\s*(?:[$£€]\s?(?P<amount>\d[\d,]*(?:\.\d+)?)|"
                    r"(?P<amount2>\d[\d,]*(?:\.\d+)?)\s?(?:dollars|euros|pounds|EUR|USD|GBP)\b)", re.I)


_PARENTHETICAL = re.compile(r"\([^)]*\)")  # a note such as "(no expiry)" or "(opened food)"


def _amount(text: str) -> float:
    return float(re.sub(r"[^\d.]", "", text) or 0)


# Words that turn a promise around ("refund before the return arrives" against "after"). The
# lexical stop list drops them, so they are added back; a long clause may be matched with one
# word missing, but never one of these.
_PIVOTS = frozenset({"before", "after", "until", "without", "except", "only", "unless"})


# Words a draft uses for what a decision names otherwise: a prepaid label is a free label.
_SAME = {"prepaid": "fre", "complimentar": "fre", "reimburs": "refund", "money-back": "refund"}
# Words of a condition that say who chooses, not what is chosen ("if she chooses store credit instead").
_CHOOSING = terms("choose chooses prefer opts picks selects wants rather instead customer takes goes")


def promise_terms(text: str) -> set[str]:
    """Content words and pivots, with the synonyms of :data:`_SAME` made one."""
    return {_SAME.get(word, word) for word in terms(text)} | (set(re.findall(r"[a-z]+", text.lower())) & _PIVOTS)


def decision_clauses(decision: str | None) -> list[str]:
    """The decision cut at semicolons, sentences, "offer", and a comma that starts a new clause
    ("..., but", "..., she pays return shipping")."""
    return re.split(r"[;\n]|\.\s|,\s*(?=(?:offer|but|and|or|she|he|they|the customer|we|I|you)\b)|\boffer\b", decision or "",
                    flags=re.I)


def decision_limits(decision: str | None) -> list[float]:
    """Ceilings the decision sets ("credits above $100 not possible" -> 100)."""
    return [_amount(m.group("amount") or m.group("amount2")) for m in _LIMIT.finditer(decision or "")
            if _REFUSING.search(decision or "")]


def ruled_out_terms(decision: str | None) -> list[set[str]]:
    """Content words of each refusing clause of the decision ("decline refund" -> {"refund"}).

    A clause that only sets a ceiling ("credits above $100 not possible") is left to
    :func:`decision_limits`: credit within the ceiling is allowed."""
    ruled_out = []
    for clause in decision_clauses(decision):
        # Parenthetical notes ("(no expiry)") and conditions ("if no movement by Wednesday") refuse nothing.
        clause = re.sub(r"\b(?:if|unless|when)\b[^,;]*", "", _PARENTHETICAL.sub("", clause), flags=re.I)
        if _REFUSING.search(clause) and not _LIMIT.search(clause):
            words = promise_terms(clause) - _CUE_WORDS
            if words:
                ruled_out.append(words)
    return ruled_out


def conditions(decision: str | None) -> list[set[str]]:
    """What the decision makes something depend on, in clauses that grant rather than refuse
    ("a free label is available if she chooses store credit instead" -> {"store", "credit"})."""
    found = []
    for clause in decision_clauses(decision):
        parts = re.split(r"\b(?:if|provided|as long as)\b", clause, maxsplit=1, flags=re.I)
        if len(parts) < 2 or _REFUSING.search(parts[0]):
            continue
        words = promise_terms(parts[1]) - _CUE_WORDS - _CHOOSING
        if words:
            found.append(words)
    return found


def _covers(group: set[str], words: set[str]) -> bool:
    """All of a refused clause's words, or all but one of a long clause's words (not a pivot)."""
    missing = group - words
    return not missing or (len(group) >= 4 and len(missing) == 1 and not missing & _PIVOTS)


def promising_sentences(inp: CheckInput):
    """Sentences in a promise form ("I've processed", "you'll receive") with no negation or hedge."""
    return [s for s in inp.sentences if _PROMISE.search(s.text) and not _NEGATED.search(s.text)]


def affirmative_promises(inp: CheckInput, ruled_out: list[set[str]], conditional: list[set[str]] = (),
                         offered: list[set[str]] = ()) -> list[tuple[Span, set[str]]]:
    """Promising sentences that name something a ruled-out group refuses.

    Not a breach: a sentence that states one of the ``conditional`` conditions under which the
    decision allows it, or one whose matching words all belong to ``offered`` alternatives it
    names (all their words, or all but one of a long one: "...or choose store credit with a free return label", when a free label for
    a refund is refused but store credit with a free label is offered))."""
    found = []
    for sentence in promising_sentences(inp):
        words = promise_terms(sentence.text)
        if any(condition <= words for condition in conditional):
            continue
        named = set().union(*[offer for offer in offered if offer and _covers(offer, words)])
        hit = next((group for group in ruled_out if _covers(group, words) and (group & words) - named), None)
        if hit:
            found.append((sentence_span(sentence), hit))
    return found


def refuses(text: str) -> bool:
    """Whether ``text`` says no ("decline", "never", "cannot"); a parenthetical note refuses nothing."""
    return bool(_REFUSING.search(_PARENTHETICAL.sub("", text)))


def granting_clauses(decision: str | None) -> list[str]:
    """The decision's clauses that grant rather than refuse."""
    return [clause for clause in decision_clauses(decision) if not refuses(clause)]


def offered_terms(decision: str | None, offers=()) -> list[set[str]]:
    """The alternatives on offer, as word sets: the given offers and the decision's granting clauses."""
    granted = [_PARENTHETICAL.sub("", clause) for clause in granting_clauses(decision)]
    return [words for text in [*offers, *granted] if (words := promise_terms(text) - _CUE_WORDS)]


# Where money can go other than back where it came from, each after a word that sends it
# there ("to your PayPal account", "by bank transfer"), so "your new card will arrive" is not one.
_TO = r"\b(?:to|into|onto|via|by|through|as|in|on)\s+(?:(?:your|a|an|the|her|his|their|my)\s+)?(?:[\w-]+\s+){0,2}?"
_DESTINATIONS = {
    "to PayPal or another payment app": r"(?:pay ?pal|venmo|zelle|cash ?app|revolut)\b",
    "by bank transfer": r"(?:bank (?:transfer|account|deposit)s?|wire(?: transfer)?|direct deposit|IBAN|BACS)\b",
    "to a different card or account": r"(?:new|different|another|other|second|replacement) (?:[\w-]+ )?(?:card|visa|mastercard|amex|payment method|account)\b",
    "in cash or by cheque": r"(?:cash|cheque)\b(?!\s*back)",
    "as a gift card": r"gift (?:card|voucher|certificate)\b",
    "in cryptocurrency": r"(?:bitcoin|crypto\w*|ethereum)\b",
}
_DESTINATION = {label: re.compile(_TO + pattern, re.I) for label, pattern in _DESTINATIONS.items()}
_NAMED = {label: re.compile(r"\b" + pattern, re.I) for label, pattern in _DESTINATIONS.items()}
# A decision that says where the money goes ("refund ... to the original card").
_STATES_DESTINATION = re.compile(r"\b(?:original|same) (?:[\w-]+ )?(?:card|payment|method|account)\b|"
                                 r"\b(?:to|into|onto) (?:the |her |his |their |your )?(?:[\w-]+ )?(?:card|account)\b", re.I)
_MONEY_MOVES = re.compile(r"\b(?:refund\w*|reimburs\w*|credit(?:ed|ing)?|transfer\w*|pa(?:y|id|yment)|money|compensat\w*|deposit\w*)\b", re.I)


def named_destinations(text: str) -> set[str]:
    """The kinds of payment destination ``text`` names ("PayPal", "a $60 gift card")."""
    return {label for label, pattern in _NAMED.items() if pattern.search(text)}


def allowed_destinations(decision: str | None, offers=()) -> set[str]:
    """The destinations the decision's granting clauses and the offers name."""
    return named_destinations(" ".join([*offers, *granting_clauses(decision)]))


def destination_breaches(inp: CheckInput) -> list[tuple[Span, str]]:
    """Promising sentences that send money somewhere the decision does not ("I'll refund $54 to
    your PayPal account" when the decision refunds the original card).

    Only where the destination is in question: the decision says where the money goes, or the
    customer asked for it to go somewhere (a new card, PayPal, an injected instruction)."""
    allowed = allowed_destinations(inp.decision, inp.offers)
    asked = named_destinations(inp.message or "")
    stated = bool(_STATES_DESTINATION.search(inp.decision or "")) or bool(allowed)
    found = []
    for sentence in promising_sentences(inp):
        if not (_MONEY_MOVES.search(sentence.text) or MONEY.search(sentence.text)):
            continue
        named = next((label for label, pattern in _DESTINATION.items()
                      if label not in allowed and (stated or label in asked) and pattern.search(sentence.text)), None)
        if named:
            found.append((sentence_span(sentence), f"sends money {named}, which the decision does not"))
    return found


# A decision that leaves the outcome open ("no guarantee", "no outcome can be promised"), and a
# draft sentence that states it as settled anyway ("I'll make sure you get a lakeside pitch").
_OPEN_OUTCOME = re.compile(r"\b(?:no|not|cannot|can't|can not)\b[^.;\n]{0,30}\b(?:guarantee[ds]?|promised?)\b|"
                           r"\b(?:guarantee[ds]?|promised?)\b[^.;\n]{0,10}\b(?:not|no|cannot|can't)\b|"
                           # the outcome is still open: "under assessment", "not yet located", "cannot be reinstated before the review"
                           r"\b(?:not yet (?:decided|known|located|found|approved|confirmed)|outcome (?:is )?not\b|under (?:assessment|review|investigation)|"
                           r"cannot be (?:reinstated|restored|approved|confirmed) (?:before|until)|no (?:[\w-]+ )?date can be given)", re.I)
_CERTAIN = re.compile(r"\b(?:I|we)(?:'ll| will) make sure (?:that )?(?:you|your|it|they)\b|\b(?:definitely|certainly|guaranteed?)\b|"
                      + _SURE_IT_WILL + r"\b|"
                      r"\bwill be (?:approved|accepted|granted)\b|\brest assured\b|"
                      r"\bwill be (?:back|restored|reinstated|found|delivered|with you)\b[^.!?\n]{0,30}\b(?:by|tonight|today|tomorrow)\b", re.I)


def certainty_breaches(inp: CheckInput) -> list[tuple[Span, str]]:
    """Sentences that settle what the decision leaves open ("no guarantee", "under assessment", "not yet located")."""
    if not _OPEN_OUTCOME.search(inp.decision or ""):
        return []
    return [(sentence_span(s), "the decision leaves the outcome open, so it cannot be guaranteed") for s in inp.sentences
            if _CERTAIN.search(s.text) and not _NEGATED.search(s.text)]


def decision_breaches(inp: CheckInput) -> list[tuple[Span, str]]:
    if not inp.decision:
        return []
    limits = decision_limits(inp.decision)
    allowed_text = " ".join([inp.decision, *inp.offers])
    allowed_amounts = {re.sub(r"[\s,]", "", m.group()) for m in MONEY.finditer(allowed_text)}
    breaches = [(span, f"the decision rules out {' '.join(sorted(hit))}")
                for span, hit in affirmative_promises(inp, ruled_out_terms(inp.decision), conditions(inp.decision),
                                                      offered_terms(inp.decision, inp.offers))]
    for span, why in destination_breaches(inp) + certainty_breaches(inp):
        if not any(span.start == found.start for found, _ in breaches):
            breaches.append((span, why))
    for sentence in promising_sentences(inp):
        if any(span.start == sentence.start for span, _ in breaches):
            continue
        over = [m for m in MONEY.finditer(sentence.text) if "%" not in m.group() and any(_amount(m.group()) > cap for cap in limits)]
        if over:
            breaches.append((sentence_span(sentence), f"{over[0].group()} is above the decision's limit"))
            continue
        amounts = [m for m in MONEY.finditer(sentence.text) if re.sub(r"[\s,]", "", m.group()) not in allowed_amounts]
        if amounts and allowed_amounts and re.search(r"\b(?:credit|refund|discount|voucher|compensation|off)\b", sentence.text, re.I):
            breaches.append((sentence_span(sentence), f"{amounts[0].group()} is not an amount the decision gives"))
    return breaches


def check(inp: CheckInput) -> CheckResult:
    breaches = decision_breaches(inp)
    unkeepable = find_families(inp, UNKEEPABLE)
    if not breaches and not unkeepable:
        return clear(NAME, SEVERITY, "No promises beyond what the decision allows." if inp.decision
                     else "No promises that nobody could keep.")
    spans = sorted([span for span, _ in breaches] + [span for span, _ in unkeepable
                                                      if not any(b.start <= span.start < b.end for b, _ in breaches)],
                   key=lambda s: s.start)
    if breaches:
        reason = f"The draft promises something the decision does not allow ({breaches[0][1]}): offer only what was decided."
    else:
        reason = (f"\"{unkeepable[0][0].text}\" promises what nobody can guarantee: say what you have done and "
                  "what you expect, not a guarantee.")
    return finding(NAME, SEVERITY, spans, 0.9, reason,
                   evidence=[f"decision: {why}" for _, why in breaches] + (["pattern: unkeepable promise"] if unkeepable else []))

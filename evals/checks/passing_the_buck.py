"""passing_the_buck (warn): the draft sends the customer elsewhere without resolving anything
("please contact the courier", "that's not our department", "my supervisor may get back to
you"). A hand-off the agent makes and owns, with a time for the follow-up, is not flagged."""

from __future__ import annotations

from evals.checks.base import clear, finding
from evals.checks.cues import TIME, rx
from evals.checks.phrases import Family, find_families
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult

NAME = "passing_the_buck"
SEVERITY = WARN

_ELSEWHERE = (r"(?:the |our |your |a |an )?(?:[\w'-]+ ){0,2}?(?:courier|carrier|manufacturer|maker|brand|bank|card issuer|"
              r"installer|fitter|(?:sub)?contractor|practice|provider|dealer(?:ship)?|broker|agency|organi[sz]ers?|"
              r"post office|postal service|delivery (?:company|partner|firm)|shipping company|supplier|vendor|retailer|seller|"
              r"insurer|(?:billing|technical|tech|accounts?|payments?|sales|returns|claims|customer service|support|complaints|"
              r"relevant|appropriate|right|other|specialist|escalations?|operations|finance|it|web|online|store|branch|local)"
              r"(?: department| team| desk| line| people| office)?|department|team|helpline|hotline|head office|store manager|"
              r"supervisor|manager|landlord|airline|airport|hotel|restaurant|app store|google|apple|paypal)")
_CONTACT = r"(?:contact|call|email|ring|phone|speak (?:to|with)|talk to|get in touch with|reach out to|write to)"
_SENT = rf"\b(?:please|you(?:'ll| will)? (?:need|have) to|you need to|you(?:'d| would) need to)\s+(?:directly )?{_CONTACT}"
FAMILIES = [
    Family("sends the customer elsewhere", (
        rf"\b(?:please|kindly|you(?:'ll| will)? (?:need|have) to|you(?:'d| would) need to|you need to|you should|you(?:'ll| will) want to|"
        rf"you (?:can|could|may|might want to)|(?:it's|it is|it'd be|it would be) best to|(?:I'd|I would) (?:recommend|suggest|advise)(?: that you| you)?|"
        rf"I (?:recommend|suggest|advise)(?: that you| you)?|try|the best (?:thing|way|option|person) (?:is|would be) to|best to|you're better off)\s+"
        rf"(?:directly )?(?:contact(?:ing)?|call(?:ing)?|reach(?:ing)? out to|get(?:ting)? in touch with|speak(?:ing)? (?:to|with)|"
        rf"talk(?:ing)? to|email(?:ing)?|writ(?:e|ing) to|ring(?:ing)?|phon(?:e|ing)|visit(?:ing)?|go(?:ing)? (?:to|back to)|rais(?:e|ing) (?:it|this) with|"
        rf"tak(?:e|ing) (?:it|this|that) up with|submit(?:ting)? (?:a|your) (?:claim|request|ticket) (?:to|with)|check(?:ing)? with|"
        rf"direct (?:your|this) (?:query|question|complaint) to)\s+{_ELSEWHERE}\b",
        r"\b(?:that's|that is|this is|it's|it is) (?:not|outside) (?:our|my) (?:department|team|area|remit|responsibility|job|role|scope|problem)\b",
        r"\b(?:not|isn't|is not) something (?:we|I) (?:handle|deal with|can help with|cover|look after)\b",
        r"\bI can only (?:help|assist|deal) with\b", r"\b(?:I'm|I am) (?:only |just )?(?:in|on|with|part of) the \w+ (?:team|department)\b",
        r"\b(?:handled|dealt with|managed|looked after) by (?:a different|another|the \w+) (?:team|department)\b(?!,? (?:and|so) I)",
        r"\b(?:I'll|I will|I've|I have) (?:pass|passed|forward|forwarded|hand|handed|refer|referred|escalate|escalated) (?:this|it|your \w+) "
        r"(?:on )?(?:to|over to) (?:my|a|the|our) (?:supervisor|manager|team lead|colleague|relevant|appropriate|\w+ (?:team|department))\b",
        r"\b(?:someone|somebody|they|a colleague|the team|my supervisor|my manager|the relevant team)(?: from (?:the|that|our) \w+ (?:team|department))? "
        r"(?:will|should|may|might|can) (?:get back to you|be in touch|contact you|reach out|call you|follow up)(?! (?:by|within|before|tomorrow|today|on \w+day))\b",
        r"\bin due course\b", r"\bwe(?:'ll| will) (?:get back to you|be in touch) (?:as soon as|when) (?:we|they) can\b",
        # "Payments are handled by our accounts office, so you'll need to email them directly"
        r"\b(?:handled|dealt with|managed|made|looked after|processed) by (?:our|the|a|an) (?:[\w-]+ ){0,3}(?:team|department|office|partner|agency|company)\b"
        r"[^.!?\n]{0,60}\byou(?:'ll| will)? (?:need|have) to\b",
        rf"{_SENT}\s+(?:them|(?-i:[A-Z][\w&'-]+(?:\s(?:[A-Z][\w&'-]+|of|for))*))(?:\s+directly\b|,\s+(?:who|as they) (?:handle|manage|deal with|look after|are responsible))",
        rf"\byou(?:'ll| will)? (?:need|have) to [^.!?\n]{{0,40}}\b(?:and then|then) {_CONTACT}\s+{_ELSEWHERE}\b",
    )),
]
_OWNED = rx(r"\b(?:I|I've|I'll|I will|I have)\b[^.!?\n]{0,80}\b(?:by|within|before|tomorrow|today|tonight|this (?:afternoon|evening|week)|"
            r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|end of (?:the )?day|\d{1,2}(?::\d{2})?\s?(?:am|pm))\b")


def check(inp: CheckInput) -> CheckResult:
    found = find_families(inp, FAMILIES)
    customer_sent_away = [span for span, _ in found if not span.text.lower().startswith(("i'll", "i will", "i've", "i have"))]
    if found and not customer_sent_away and _OWNED.search(inp.draft) and TIME.search(inp.draft):
        found = []  # the agent made the hand-off and committed to a time: owned, not passed on
    if not found:
        return clear(NAME, SEVERITY, "The draft keeps ownership of the problem.")
    spans = [span for span, _ in found]
    return finding(NAME, SEVERITY, spans, 0.85,
                   f"\"{spans[0].text}\" passes the customer on instead of resolving it: do the hand-off yourself and "
                   "tell them when you will come back to them.",
                   evidence=["pattern: sends the customer elsewhere"])

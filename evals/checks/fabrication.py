"""fabrication (warn): facts the message, the decision and the retrieved sources do not give:
a link, email address or phone number; an excuse ("our phones were down", "a system outage");
a named or numbered guarantee or programme ("our 90-day satisfaction guarantee")."""

from __future__ import annotations

import re

from evals.checks.base import add_finding, clear, kinds_finding
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult, Span

NAME = "fabrication"
SEVERITY = WARN

_CONTACT = [  # most specific first: an email address contains a domain
    ("an email address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("a phone number", re.compile(r"(?<![\d][\s.-])(?<!\d)(?:\+\d{1,3}[\s.-]?)?\(?\b\d{2,5}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b(?![\s.-]?\d)"
                                  r"|\b1-?8(?:00|33|44|55|66|77|88)-?\d{3}-?\d{4}\b")),
    ("a link", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|io|help|shop|store|info|app|uk|de|fr|es|ie|sg|au|ca|nz|in|eu|us|nl|it|be|ch|se|dk|no|fi|pl|pt|at|za|hk|my|ph)(?:/[^\s<>\"')]*)?\b", re.I)),
]
_CAUSE = r"(?:due to|because of|caused by|owing to|as a result of|thanks to|there (?:was|were|has been|have been)|we(?:'ve| have)? had|we(?:'re| are| were) (?:experiencing|having|dealing with))"
_EXCUSE = re.compile(
    r"\b(?:(?:our|the) (?:phones?|phone lines?|systems?|website|site|servers?|computers?|network) (?:were|was|went|had been|have been) "
    rf"(?:down|offline|out|unavailable|not working)|{_CAUSE} (?:an? |some |the |unexpected |major |ongoing )*(?:(?:system|technical|IT|network|"
    r"server|computer) (?:outage|glitch|fault|failure|issue|problem|error)s?|(?:staff|staffing) shortages?|(?:high|unusually high|record) "
    r"(?:volumes?|demand)|(?:bad|severe|extreme) weather|strikes?|power (?:cut|outage)s?|flood(?:ing)?|snow(?:storm)?s?|"
    # any named outage: "caused by a payment gateway outage", "a baggage system outage at the airport"
    r"(?:[\w-]+ ){1,3}(?:outage|glitch)s?)"
    # something of ours broke: "our phone system crashed", "a power surge knocked out the scanners"
    r"|\b(?:our|the) (?:[\w-]+ ){0,2}(?:phones?|phone lines?|systems?|website|site|servers?|computers?|network|scanners?|tills?|card machines?) "
    r"(?:crashed|went down|broke down|froze|stopped working)"
    r"|\bpower (?:surge|cut|outage|failure)s?(?= (?:knocked|took|hit|affected|disrupted|brought))"
    r"|\b(?:our|the) (?:[\w-]+ ){0,2}(?:processor|provider|gateway|system|servers?|platform|network) (?:had|has had|suffered|experienced) "
    r"(?:an? )?(?:brief |short |major |unexpected |temporary )?(?:outage|glitch|fault|failure|problem)s?)\b", re.I)
_NAMED_PROMISE = re.compile(
    r"\b(?i:our |the |a |an )?(?P<name>\d+[- ](?:hour|day|week|month|year)s?\s(?:[a-z-]+ ){0,2}|\d+% (?:[A-Z][a-z]+ ){0,2}|\d+% (?!(?:of|the|off|on|for|in|to|your|our|a|an) )[a-z]+ |lifetime\s|(?:[A-Z][a-z]+ ){2,3})"
    r"(?i:(?:satisfaction |money[- ]back |price |best[- ]price |no[- ]quibble |happiness |quality |service )?"
    r"(?:guarantee|promise|pledge|programme|program|scheme|policy|warranty|protection|cover|commitment|rule|discount))\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def _normalise(text: str) -> str:
    return re.sub(r"[\s().+-]", "", text.lower())


def check(inp: CheckInput) -> CheckResult:
    given = " ".join(filter(None, [inp.message, inp.decision, *inp.offers, *inp.sources]))
    given_norm = _normalise(given)
    findings: list[tuple[Span, str]] = []
    for kind, pattern in _CONTACT:
        for match in pattern.finditer(inp.draft):
            if _normalise(match.group()) not in given_norm:
                add_finding(findings, Span(match.start(), match.end(), match.group()), kind)
    for match in _EXCUSE.finditer(inp.draft):
        key = re.sub(r"\W+", " ", match.group().lower()).split()[-1]
        if key not in given.lower():
            add_finding(findings, Span(match.start(), match.end(), match.group()), "an excuse")
    for match in _NAMED_PROMISE.finditer(inp.draft):
        name = match.group("name").strip()
        if name[0].isupper() and _SENTENCE_START.search(inp.draft[: match.start("name")]):
            continue  # "Company policy ..." opening a sentence is not a name
        number = re.match(r"\d+", name)
        supported = re.search(rf"\b{number.group()}\b", given) if number else name.lower() in given.lower()
        if not supported:
            add_finding(findings, Span(match.start(), match.end(), match.group()), "a guarantee or programme")
    if not findings:
        return clear(NAME, SEVERITY, "No facts beyond what the message, decision and sources give.")
    return kinds_finding(NAME, SEVERITY, findings, 0.75, lambda kinds, first: (
        f"The draft gives {' and '.join(kinds[:2])} that nothing provided (\"{first.text}\"): remove it or check "
        "it is real."), evidence="unsupported")

"""rule_quoting (block): a policy, rule, term, clause, agreement, procedure or system is put
in front of the customer as the authority, instead of saying what we can do.

Phrase families catch the citation forms ("per our policy", "section 4.2 states", "the terms
you agreed to", "I'm not allowed to", "our system only allows", "rules are rules"). A policy
mentioned while granting or as the customer's benefit ("good news: the warranty covers
this", "our returns team approved an exception for you") is not rule quoting, so the
citation families carry sentence-level exceptions for granting language. A sentence
classifier over distilled MiniLM features catches paraphrases ("our guidelines give me no
room here").
"""

from __future__ import annotations

from evals.checks.phrases import Family, tone_check
from evals.checks.text import CheckInput
from evals.contracts import BLOCK, CheckResult

NAME = "rule_quoting"
SEVERITY = BLOCK

_RULEBOOK = (r"(?:polic(?:y|ies)|terms(?: and conditions| & conditions| of (?:service|sale|use|business|carriage))?|"
             r"t&cs?|(?:booking |rental |membership |warranty |sale |hire )?conditions|agreement|contract|rules?|"
             r"guidelines?|procedures?|regulations?|protocols?|clause|section|fine print|small print|"
             r"code of conduct|bylaws|rulebook|handbook|criteria|eligibility requirements|charter|tariff)(?!\s+(?:page|pages|website|site|"
             r"link|document|wording|team|department|update))")
# The customer gets something: the citation explains a benefit, not a refusal.
_GRANTING = (
    r"\b(?:good news|great news|happy to (?:say|confirm|tell)|pleased to|you(?:'re| are) (?:fully )?(?:covered|eligible|entitled|protected|owed)|"
    r"you (?:get|qualify|can have|receive|are owed|'ll get|will get|keep)|(?:covers|protects|entitles|guarantees) you|"
    r"in your favou?r|(?:is|are|'s) (?:fully |completely |still |all )?covered|(?:approved|made|granted|making|make) (?:an |a one-off |this )?exception|exceptionally|waived?|"
    r"on your side|works? (?:for|in favour of) you|means you (?:can|get|are|'re|will|won't|don't)|"
    r"(?:refund|reimburse|credit|replace|compensate|pay)(?:s|ed|ing)? (?:the|your|you)\b|protect(?:s|ing)? you\b|"
    r"(?:is|are|will be|'ll be|has been|have been) (?:\w+ )?(?:refunded|reimbursed|credited|waived|free|included)\b|free of charge|at no (?:cost|charge)\b|"
    r"(?:comes?|goes|travels?|gets?)(?: in)? free\b|costs? (?:you )?nothing\b|you(?:'ll| will) be (?:fully )?compensated\b(?! up to)|"
    # what the rule promises: "we match any authorised stockist", "Our policy is to offer three interest-free payments"
    r"\bwe(?:'ll| will)? (?:match|honou?r)\b|\b(?:is|are) to (?:offer|refund|replace|match|cover|waive|honou?r)\b)"
)
_NEGATION = (r"\b(?:never|cannot|can't|can not|unable|doesn't|isn't|aren't|only|unfortunately)\b|"
             # "you won't have to pay anything" is the benefit, not a refusal
             r"\b(?:not|won't|don't)\b(?! (?:have to |need to )?(?:pay|be charged|be left|lose)\b)|"
             r"\bno\b(?! (?:extra |additional |further |hidden )?(?:cost|charge|fee|interest|penalty|problem|worries|questions asked))")
# A sentence that grants and refuses nothing ("Our policy is to refund the shipping fee") is not rule quoting.
_GRANTS_ONLY = rf"^(?=[\s\S]*{_GRANTING})(?![\s\S]*(?:{_NEGATION}))"
# An exception made: "Our terms normally only allow resale, but ... my supervisor agreed straight away"
_USUALLY_BUT = (r"\b(?:normally|usually|ordinarily|generally)\b[^.!?\n]{0,80}\bbut\b[^.!?\n]{0,100}"
                r"\b(?:agreed|approved|made an exception|happy to|I've|we've|I have|we have|I can|we can)\b")
# The rule held against us, not the customer: "Our policy is that every assistance dog travels, and this
# driver broke it", "your contract gives you 28 days' notice, and our letter didn't do that".
_BROKEN_BY_US = (r"\b(?:we|I|he|she|they|(?:our|the|this|that) (?:[\w-]+ ){0,2}?(?:driver|crew|team|staff|letter|e-?mail|notice|invoice|bill|"
                 r"technician|engineer|agent|colleague|store|branch|system|website|courier|installer|fitter))(?:'ve| have)? "
                 r"(?:broke|breached|ignored|went against|(?:didn't|did not|failed to) (?:follow|keep to|stick to|do that|meet|honou?r))\b"
                 r"|\b(?:right|entitled) to hold us to\b")
_HARM_TO_CUSTOMER = (r"\bnot (?:allowed|permitted|authori[sz]ed|supposed) to (?:charge|bill|fine|penali[sz]e|debit|keep|"
                     r"share|sell|pass on|disclose|cancel|close|hold|withhold|delay|contact|cut off|disconnect)\b")

# The customer asked what the rule is ("Is there a rule about minimum playing time?", "What's your
# policy on late returns?"): citing it answers the question rather than holding it against them.
_ASKED_ABOUT_RULE = (r"\b(?:is there|are there|what(?:'s| is| are| does| do)|do you have|can you (?:explain|tell me|send me)|how does)\b"
                     rf"[^.?!\n]{{0,40}}\b{_RULEBOOK}\b[^.!?\n]{{0,80}}\?")

FAMILIES = [
    Family("cites a policy or rule as the authority", (
        # not prices ("per month") nor filing ("under the wrong section"), nor the customer's own insurance ("under your home policy")
        rf"\b(?:per(?! (?:month|year|week|day|night|hour|person|head|item|annum|cent|kg|km|mile)\b)|as per|according to|"
        rf"under(?! (?:the )?(?:wrong|right|correct|same|other|another|a different|separate)\b)(?! your (?:[\w-]+ )?polic(?:y|ies)\b)|"
        rf"in line with|in accordance with|pursuant to|in keeping with|consistent with|"
        rf"as (?:outlined|stated|set out|described|explained|specified|detailed|laid out|defined|noted|written|mentioned) "
        rf"(?:in|by|under|within))\b[^.!?\n]{{0,40}}?\b{_RULEBOOK}\b",
        rf"\b(?:our|the|company|store|shop|airline|hotel|bank|your)(?:'s)? (?:[\w-]+ ){{0,2}}?{_RULEBOOK}\b[^.!?\n]{{0,25}}?"
        r"\b(?:state|states|stated|say|says|said|dictates?|requires?|required|prohibits?|forbids?|stipulates?|asks? for|sets? out|"
        r"(?:do|does|did)(?:n't| not) provide for|"
        r"(?:do|does|did)(?:n't| not) (?:allow|permit|cover|let|provide|extend|include|apply)|"
        r"(?:won't|will not|cannot|can't|can not) (?:allow|let|permit|be (?:changed|waived|broken|bent))|"
        r"only (?:allows?|permits?|lets|covers?|accepts?|applies|includes?)|(?:is|are) (?:very |quite |perfectly |really )?"
        r"(?:clear|explicit|firm|strict|unambiguous)|means? (?:that )?(?:I|we) (?:can't|cannot|can not|am unable|are unable|"
        r"have to|must)|excludes?|specif(?:y|ies)|makes? it clear|(?:is|are) in place|(?:is|are) non-?negotiable|"
        r"(?:is|are) (?:that|to))\b",
        r"\b(?:it's|it is|that's|that is|this is|this falls|falls|that falls|this would be|that would be) "
        r"(?:against|outside(?: of)?|beyond|contrary to|not (?:in line with|covered by|permitted by|allowed by|allowed under|within))"
        rf"\s+(?:our|the|company|store)(?:'s)? (?:[\w-]+ )?{_RULEBOOK}",
        rf"\bunfortunately,? (?:our|the|company)(?:'s)? (?:[\w-]+ )?{_RULEBOOK}\b",
        rf"\bas (?:our|the|your|company)(?:'s)? (?:[\w-]+ )?{_RULEBOOK} (?:clearly |plainly |explicitly )?"
        r"(?:states?|says|stipulates?|specif(?:y|ies)|requires?|sets out|explains?|makes (?:it )?clear)\b",
        r"\b(?:company|store|shop|house|strict|firm|standard|general|blanket|our|\w+) (?:polic(?:y|ies)|rules?|procedures?)\b"
        r"[^.!?\n]{0,12}\b(?:mean|means|is|are|prevents?|stops?|doesn't|does not|won't|don't|prohibits?|forbids?|requires?|bars?|bans?|"
        r"precludes?|dictates?|stipulates?|mandates?|only (?:require|allow|permit|cover|include|accept)s?)\b",
        # the bare noun as the authority: "Unfortunately, policy doesn't permit us to backdate cover"
        r"(?:^|[.!?:;,]\s*|\b(?:unfortunately|sadly|afraid|but|however|as|because|since|and)\s+)(?:policy|procedure|regulations|protocol) "
        r"(?:doesn't|does not|won't|will not|can't|cannot|prohibits|forbids|requires|says|states|dictates|only (?:allows|permits|covers))\b",
        rf"\b(?:it's|it is|that's|that is|this is) (?:all |clearly )?(?:in|written in|set out in|covered in|stated in|spelled out in|spelt out in) "
        rf"(?:the|our) (?:[\w-]+ )?{_RULEBOOK}\b",
        r"\b(?:I'm|I am|we're|we are) (?:bound|governed|restricted|limited|constrained) by (?:our|the|company|these|those)\b",
    ), "", unless=(_GRANTS_ONLY, _USUALLY_BUT, _BROKEN_BY_US,
                   # a procedure that is done to the customer's pet, car or teeth: "once the procedure is done"
                   r"\b(?:once|after|before|when|until|during|for) (?:the|your|this|her|his|their) (?:\w+ )?procedure\b"),
       asked_for=(_ASKED_ABOUT_RULE,)),
    Family("quotes a clause or section", (
        r"\b(?:section|clause|article|paragraph|subsection|schedule|appendix)\s+\d+(?:\.\d+)*[a-z]?\b",
        r"§\s*\d+",
    ), "", unless=(_GRANTS_ONLY,
                   # a seat or a class, not a clause: "section 104, row 7", "BIO 110, section 02, Mondays"
                   r"\bsection\s+\d+\w*,?\s+(?:row|seat|block|tier|level|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b",
                   r"\b(?:seats?|rows?|enrol(?:l)?ed (?:in|on|onto)|class(?:es)?|course|module)\b[^.!?\n]{0,40}\bsection\s+\d+")),
    Family("holds the customer to terms they agreed to", (
        rf"\b(?:the |our |these )?{_RULEBOOK}\s+(?:that |which )?you (?:agreed|accepted|signed|consented|acknowledged|ticked|read|confirmed)\b",
        r"\byou (?:agreed|consented|signed up) to (?:our|the|these|those)\b",
        rf"\byou (?:accepted|agreed to|signed) (?:the |our |these |those )?(?:[\w-]+ )?{_RULEBOOK}\b",
        r"\bby (?:placing|making|signing|completing|booking|accepting|using|purchasing|ordering|checking out|creating)\b"
        r"[^.!?\n]{0,50}\byou (?:agreed|accepted|acknowledged|confirmed|consented)\b",
        r"\b(?:as|which|that) you (?:agreed|accepted|acknowledged|consented)(?: to)? (?:at|when|during|on|upon) "
        r"(?:checkout|booking|sign-?up|purchase|registration|signing|enrol?ment|the time)\b",
        r"\byou (?:accepted|agreed to|signed) (?:them|these|those|this|it) (?:at|when|during)\b",
    ), ""),
    Family("says the agent is not allowed", (
        r"\b(?:I'm|I am|we're|we are|I'm afraid I'm|I'm afraid we're|staff are|agents are)\s+(?:not|unable to be)\s+"
        r"(?:allowed|permitted|authori[sz]ed|able under|in a position|supposed|meant)\s+to\b",
        r"\b(?:I|we) (?:am|are|'m|'re) (?:obliged|required|bound|obligated|under (?:strict )?instructions?) to\b",
        r"\b(?:I|we) (?:have|need|must) to (?:follow|abide by|stick to|go by|apply|enforce|adhere to|comply with|respect) "
        r"(?:the|our|company|these|those|strict)\b",
        r"\b(?:I|we) (?:can't|cannot|can not|am unable to|are unable to) (?:go against|break|bend|override|overrule|deviate from|"
        r"make an exception to|work around) (?:the|our|company|these|those)\b",
        r"\b(?:I|we) (?:don't|do not) (?:have|get) (?:the )?(?:authority|permission|discretion|clearance|leeway|latitude)\b",
        r"\b(?:my|our) (?:hands are tied|guidelines (?:don't|do not) (?:give|leave|allow)|guidelines give me no)\b",
        r"\b(?:isn't|is not|aren't|are not|wasn't|was not) (?:something )?(?:I'm|I am|we're|we are) (?:allowed|permitted|authori[sz]ed) to\b",
    ), "I can't", unless=(_HARM_TO_CUSTOMER,)),
    Family("hides behind how things are set up", (
        # "that's simply how the platform works", "That's how the scheme is set up, I'm afraid", "the way family plans are built"
        r"\b(?:that's|that is|this is|it's|it is)(?: just| simply| sadly| unfortunately)? (?:how|the way) (?:the |our |your |these |this |that )?"
        r"(?:[\w-]+ ){0,2}(?:platform|scheme|system|plans?|programme|program|process|policy|policies|rules?|terms|contracts?|"
        r"tariffs?|subscriptions?|memberships?|bookings?|fares?|tickets?|warranty|guarantee|accounts?|service|offer)s? "
        r"(?:works?|is set up|are set up|is built|are built|is designed|are designed|operates?|is structured|are structured|goes|go)\b",
        rf"\b{_RULEBOOK} (?:is|are) what (?:it is|they are)\b",
        # "our guidelines don't stretch to room changes", "the warranty wording doesn't leave me any room"
        rf"\b(?:{_RULEBOOK}|wording|scheme|warranty|guarantee)\b[^.!?\n]{{0,60}}\b(?:don't|doesn't|do not|does not|won't|will not) "
        r"(?:stretch|extend|leave (?:me|us) (?:any )?(?:room|leeway|discretion|choice)|give (?:me|us) (?:any )?(?:room|leeway|discretion|choice))\b",
        r"\b(?:I|we) (?:have|need|must) to go by (?:it|that|them|the (?:book|rules?|terms|policy))\b",
    ), "", unless=(_GRANTS_ONLY,),
       # "How does the points scheme work?" asks for exactly this
       asked_for=(_ASKED_ABOUT_RULE, r"\bhow (?:does|do|will) (?:it|this|that|the|your|these|those)\b[^.?!\n]{0,40}\bwork\b")),
    Family("puts the system in charge", (
        r"\b(?:the|our|your) (?:[\w-]+ )?(?:system|computer|software|platform|tool|database|app|website|site|portal|checkout|till)s? (?:only |simply |just )?"
        r"(?:only allows?|only lets?|only permits?|only accepts?|won't (?:let|allow|accept|permit)|will not (?:let|allow|accept|permit)|"
        r"doesn't (?:let|allow|accept|permit)|does not (?:let|allow|accept|permit)|can't|cannot|can not|is not set up to|isn't set up to|"
        r"automatically (?:rejects?|declines?|denies|blocks?|voids?)|(?:is|are) (?:programmed|configured|designed|set up) (?:to|so))\b",
        r"\b(?:it's|it is|that's) (?:an? )?(?:system|automated|automatic|computer)[- ](?:rule|restriction|limit|limitation|setting|policy)\b",
    ), "I can only"),
    Family("closes the door on exceptions", (
        r"\brules are rules\b",
        r"\b(?:the )?rules? (?:is|are) the rules?\b",
        r"\bnon-?negotiable\b",
        r"(?<!\bis )(?<!\bwas )(?<!\bare )\bno exceptions?(?: (?:can|will) be made| are made| whatsoever)?\b",  # not "yours is no exception"
        r"\b(?:can't|cannot|can not|don't|do not|won't|will not|am not able to|are not able to|unable to) (?:make|grant|give|offer) "
        r"(?:an |any )?exceptions?\b",
        r"\b(?:this|that|it) applies to (?:all|every) (?:customers?|guests?|members?|passengers?|users?|orders?|bookings?)(?:,| alike| without exception| equally)",
        r"\bwe (?:have to|must) treat (?:all|every) (?:customers?|guests?|members?) (?:the same|equally)\b",
        # inflexibility: "a fixed process ... and it doesn't bend", "the ten-day window isn't mine to bend", "and that's that"
        rf"\b(?:{_RULEBOOK}|process|window|limit|deadline|cut-?off|it|they)\b[^.!?\n]{{0,30}}\b(?:doesn't|does not|don't|do not|won't|will not|can't|cannot) bend\b",
        r"\b(?:isn't|is not|aren't|are not|not) (?:mine|ours|for me|for us) to (?:bend|change|waive|break|override|overrule)\b",
        r"\band that's (?:that|final|the end of it)\b(?! (?:sorted|done|fixed|settled))",
        r"\b(?:head office|management|the company|HQ|corporate|the (?:insurer|manufacturer|franchise|council|regulator|bank|landlord|owners?))\b"
        r"[^.!?\n]{0,20}\b(?:sets?|decides?|makes?|controls?) (?:these|the|those|our|all)\b[^.!?\n]{0,20},? not (?:me|us|I)\b",
    ), "", unless=(r"\byour (?:safety|privacy|security|wellbeing|health|data)\b[^.!?\n]{0,25}\bnon-?negotiable", _BROKEN_BY_US)),
]


def check(inp: CheckInput) -> CheckResult:
    return tone_check(
        inp, NAME, SEVERITY, FAMILIES,
        advice="lead with what you can do for the customer instead of the rule.",
        model_advice="puts a rule or procedure in front of the customer: say what you can do for them instead.",
        clean="No rule quoting found.",
    )

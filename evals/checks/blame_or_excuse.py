"""blame_or_excuse (warn): blaming the customer, a colleague, a courier or a supplier, or
making excuses ("we're very busy this time of year") instead of owning the problem. A plain
fact that is not deflection ("the parcel was scanned at the depot on Tuesday") is fine."""

from __future__ import annotations

from evals.checks.base import clear, finding
from evals.checks.phrases import Family, find_families
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult

NAME = "blame_or_excuse"
SEVERITY = WARN

_PARTY = (r"(?:the |our |your |a |that )?(?:[\w-]+ )?(?:courier|carrier|driver|warehouse|supplier|manufacturer|factory|vendor|"
          r"postal service|post office|delivery (?:company|partner|team|driver)|bank|payment provider|card issuer|airport|"
          r"(?:courier |rental |delivery )?partners?|publishers?|typesetters?|printers?|contractors?|subcontractors?|third[- ]part(?:y|ies)|newspapers?|"
          r"(?:new |junior |temp(?:orary)? )?(?:[\w-]+ )?(?:colleague|staff(?: member)?|agent|employee|team member|advisor|adviser|intern|technician|engineer|manager)|"
          r"(?:[\w-]+ )?(?:crew|depot|branch|site team)(?: from (?:our|the) [\w-]+ (?:depot|branch|site|office))?|other (?:team|department)|previous (?:agent|advisor|adviser|colleague|mechanic|technician|engineer|installer|fitter|driver|member|customer|owner|tenant|guest|user|hirer)|system|software|(?:IT|tech|billing|shipping|dispatch) (?:team|department))")
_STAFF = (r"(?:driver|picker|packer|clerk|agent|tech|technician|engineer|assembler|installer|fitter|mechanic|staff member|colleague|"
          r"guy|lad|starter|apprentice|trainee|deckhand|educator|bookkeeper|dispatcher|receptionist|cashier|guide|cleaner|groomer|"
          r"tutor|rep|representative|advisor|adviser|employee|hire|recruit|worker|person|member of (?:the |our )?(?:[\w-]+ )?team)s?")
FAMILIES = [
    Family("blames someone else", (
        rf"\b{_PARTY}(?:'s)? (?:messed|screwed|mixed|dropped|slipped|got it wrong|double-booked|overbooked|forgot|misplaced|mislabell?ed|was at fault|were at fault|is to blame|are to blame|"
        rf"made (?:a|an|the) (?:mistake|error)|gave you the wrong|sent us the wrong|let us down|dropped the ball|didn't do|(?:clearly |obviously )?(?:didn't|did not) (?:handle|treat|look after)|failed to|is responsible|was responsible|must have|"
        rf"(?:do |does )?(?:occasionally |sometimes |often )?make (?:errors|mistakes)|was (?:a bit |rather |quite )?(?:hit-and-miss|careless|sloppy|unreliable))\b",
        rf"\b(?:was|is|were) (?:entirely |completely |really |all )?down to (?:them|{_PARTY})\b",
        r"\bdidn't leave (?:us|our (?:[\w-]+ )?(?:warehouse|depot|shop|store|workshop)) (?:like that|in that (?:state|condition))\b",
        rf"\b(?:that's|that is|this is|it's|it is|this was|that was|it was) (?:the |entirely |completely |really )?(?:on|down to) "
        rf"(?:them|{_PARTY})\b",
        rf"\b(?:the |a )?{_PARTY}(?:'s)? (?:fault|error|mistake|responsibility|problem|doing)\b(?!,? (?:but|and) (?:we|I)(?:'re| are| take| own))"
        r"(?! (?:at|on) our (?:end|side))",
        # deflection: "down to the supplier rather than us", "the fault lies with them", "to be fair to our team"
        r"\brather than (?:us|me|ours|mine|with us|anything (?:we|I) did|(?:our|my) (?:[\w-]+ )?(?:team|fitters?|engineers?|staff|drivers?|crew|end|side|mechanics?|installers?))\b",
        rf"\b(?:fault|blame|responsibility) (?:really |here )?(?:lies|lay|is|was|rests) (?:entirely |really |squarely |firmly )?with (?:them|{_PARTY})",
        r"\bto be fair to (?:us|me|our [\w-]+|the (?:team|staff|driver|engineer|crew))\b",
        r"\b(?:new|casual|temporary|temp|junior|agency|relief) (?:member of (?:our|the) (?:[\w-]+ )?team|educator|starter|colleague|staff member|trainee|driver|"
        r"technician|engineer|agent|temp)\b[^.!?\n]{0,60}\b(?:hadn't been trained|wasn't (?:yet )?trained|wasn't familiar|didn't know|was new|unfamiliar|not (?:yet )?trained|"
        r"still learning|learning the ropes)",
        r"\bnot (?:our|my) (?:fault|doing|error|mistake|responsibility|problem)\b",
        # newness as the excuse: "he's still learning the ropes", "our picker on that shift was new, so",
        # "who's only been with us a fortnight", "one of our newer educators mixed up the hooks"
        r"\b(?:he|she)(?:'s| is| was)? (?:still |only just |just )?(?:learning|finding (?:his|her) (?:way|feet))\b",
        r"\b(?:who|they)(?:'s| is| are| were| was)? (?:still )?learning the ropes\b",
        r"\b(?:who|he|she)(?:'s| has) (?:only|just) been (?:with us|here|in the (?:job|role)|on the team)\b",
        rf"\b(?:our|the|one of our|one of the) (?:[\w-]+ ){{0,2}}{_STAFF}\b[^.!?\n]{{0,40}}\b(?:was|is|were|are) "
        r"(?:brand |quite |very |fairly |still )?new(?: (?:to|at) (?:the|this) (?:job|role|area|route|team))?(?:,| and\b| so\b)",
        r"\b[A-Z][a-z]+, (?:is|was) (?:brand |quite |very |fairly )?new (?:and|so)\b",
        rf"\b(?:one of )?our (?:new|newer|newest) (?:[\w-]+ )?{_STAFF} (?:mixed|muddled|got (?:it|them|the [\w-]+) wrong|"
        r"(?:entered|keyed|sent|picked|packed|loaded|fitted|applied|booked|gave you) the wrong|made (?:a|an|the) (?:mistake|error|mix-up)|"
        r"forgot|missed|misread|skipped|double-booked|didn't|did not)\b",
        # the fault placed at someone else's end: "on the courier's side, not ours", "entirely at their end"
        r"\b(?:at|on|from) (?:their|the [\w-]+'s|[\w-]+'s) (?:end|side),? not (?:ours|us|with us|on ours|our (?:end|side))\b",
        r"\b(?:entirely|completely|squarely|all|firmly) (?:at|on|from) (?:their|the [\w-]+'s) (?:end|side)\b",
        r"\b(?:wasn't|was not|isn't|is not|weren't|were not) (?:on|at|from) (?:our|my) (?:end|side)\b",
        r"\b(?:wasn't|was not|isn't|is not) on our (?:[\w-]+ )?(?:driver|team|staff|crew|people|tech|technician|installer|courier)\b",
        r"\b(?:happened|occurred|went wrong|came) (?:with|from|at) (?:the|their) [^.!?\n]{1,40}, not (?:with |from )?us\b",
        r"\b(?:they|he|she) (?:dropped|drop|drops) the ball\b",
        r"\bresponsible for their own (?:work|mistakes|errors|service|workmanship)\b",
        r"\b(?:it|this|that) wasn't (?:us|me|our fault)\b|\bnot us\b|\b(?:blame|blamed) (?:the|on the|on our)\b",
        r"\b(?:out of|beyond|outside) (?:our|my) (?:hands|control)\b|\b(?:not|wasn't|weren't|isn't|neither (?:was|is|were)|(?:was|is|were|are) neither) (?:really |entirely )?(?:within|in) (?:our|my) control\b",
        # "so it wasn't really anything we did", "..., not our sales team"
        r"\b(?:it|this|that) (?:wasn't|was not) (?:really )?(?:anything|something) (?:we|I) did\b",
        r", not our (?:[\w-]+ ){0,2}(?:team|staff|store|shop|people|doing)\b(?!')",
        r"\bthere(?:'s| is) nothing (?:we|I) could (?:have )?do(?:ne)?\b",
        r"\bnothing (?:we|I|the (?:[\w-]+ )?(?:office|team|staff|shop|store)(?: here)?) could (?:have )?done\b",
        r"\b(?:that|this|it) was (?:their|his|her|the (?:courier|carrier|warehouse|supplier|driver)'s) (?:error|mistake|fault|doing|slip)\b",
        # handing it to someone else, against us: "the bug is theirs, not ours", "the installer's responsibility, not ours"
        r"\b(?:theirs|(?:their|his|her|[\w-]+'s) (?:[\w-]+ )?(?:fault|slip|mistake|error|responsibility|problem|doing|job)),? (?:and )?"
        r"not (?:ours|mine|(?:our|my) (?:fault|responsibility|doing|job|problem))\b",
        r"(?<!\bnothing )(?<!\bnever )\b(?:happened|occurred|went wrong|broke|was (?:damaged|lost|broken|cracked|delayed))\b[^.!?\n]{0,40}\bon their (?:side|end)\b",
        r"\bnot something (?:we|I)\b[^.!?\n]{0,30}\bcould (?:have )?(?:caught|prevented|spotted|foreseen|known about)\b",
    )),
    Family("blames the customer", (
        r"\byou (?:really |probably |clearly )?should(?:'ve| have) (?:checked|read|ordered|told|contacted|measured|looked|called|"
        r"updated|entered|chosen|selected|noticed|asked|double-checked|confirmed|kept|made sure|known|planned|booked|"
        r"left|used|followed|stored|parked|reported|waited|unplugged|switched)\b",
        r"\byou (?:didn't|did not|failed to|neglected to|forgot to) (?:check|read|provide|tell|update|enter|give|select|choose|"
        r"measure|notify|inform|let us know|confirm|include|attach|keep|fill)\b",
        r"\b(?:because|as|since) you (?:entered|gave|chose|selected|forgot|didn't|did not|failed|ordered|typed|picked|missed|ignored)\b",
        r"\b(?:your|the customer's) (?:own )?(?:mistake|error|fault|oversight|responsibility)\b",
        r"(?<!\bif )\byou (?:typed|entered|put|filed|keyed) (?:it|them|that|this|the [\w-]+ )?\s?(?:in|into|under) the wrong (?:section|box|field|place|category|line|form)\b",
        # "because your repair request didn't mention the tap brand"
        r"\byour (?:[\w-]+ )?(?:request|form|order|booking|application|message|email|note)s? (?:didn't|did not|failed to|never) "
        r"(?:mention|specify|state|say|list)\b",
        r"\b(?:caused|due to|because of|the result of) (?:your(?! (?:medical|health|condition|disability|circumstances|loyalty|feedback|patience|help|report)\b)"
        r"|an incorrect \w+ you|the (?:details|address|information) you)\b",
        r"\b(?:for )?next time,? (?:you (?:should|might|could|may want to) |please )?(?:double-check|check|make sure|remember to|read|measure)\b",
        r"\bbefore (?:ordering|booking|buying|signing|washing) next time\b",
        r"\bI(?:'d| would) have expected (?:you|your [\w ]{1,30}?) to (?:have )?(?:check|read|know|notice|measure|look)",
        # what would not have happened had they done their part: "if you'd labelled them, this wouldn't have happened"
        r"\bif (?:you(?:'d| had)|it(?:'d| had) been)\b[^.!?\n]{0,120}\b(?:(?:this|that|it) (?:wouldn't|would not|would never)|"
        r"none of (?:this|that|it) would) have happened\b",
        # "this one is on you", "the problem here lies with your settings", "comes down to where you've been driving"
        r"\b(?:this|that|it)(?: one)?(?:'s| is| was) (?:really |all |entirely |honestly |squarely )?on you\b",
        r"\b(?:problem|issue|fault|cause) (?:here |really )?(?:lies|lay|rests) with (?:you|your)\b",
        r"\b(?:comes|came) down to (?:where|how|what|when|the way) you\b",
        r"\bnot (?:to |from |with )?anything (?:we|I|our [\w-]+) did\b",
    ), unless=(r"(?:\b(?:not|none of (?:this|it|that)|never|nothing)\b|n't\b)[^.!?\n]{0,20}\byour (?:own )?(?:fault|mistake|error|doing)\b",)),
    Family("makes an excuse", (
        r"\b(?:we're|we are|we've been|we have been|the team is|the team's|our team is|things are|it's been|it has been) "
        r"(?:very |extremely |really |incredibly |so |quite |a bit |rather |completely |totally |absolutely |pretty )?(?:busy|swamped|slammed|stretched|overwhelmed|short[- ]staffed|understaffed|"
        r"short[- ]handed|inundated|snowed under|flat out|short of (?:drivers|staff|engineers|technicians|people|hands|crew))\b",
        r"\b(?:high|unusually high|higher than (?:usual|normal|expected)|large|huge|record) (?:volumes?|numbers?|amounts?) of "
        r"(?:calls|orders|requests|enquiries|inquiries|emails|contacts|tickets|customers)\b",
        r"\b(?:it's|it is|this is|being) (?:our|the) (?:busy|busiest|peak|holiday|festive|christmas|summer) (?:season|period|time|week|month)\b",
        r"\b(?:circumstances|reasons|factors|events) (?:beyond|outside) (?:our|my) control\b",
        r"\b(?:is|was|being|it's) (?:our|the) busiest (?:season|time|period|week|month)s?\b[^.!?\n]{0,80}\b(?:behind|delays?|delayed|slow|late|backlog|pushed back)\b",
        r"\bstretched (?:very |really |pretty |quite |a bit |so |too )?thin\b",
        r"\bin the middle of (?:the|our) (?:[\w-]+ )?rush\b",
        # "delays are just part of the job", "mix-ups were always likely" ("these things happen" alone
        # minimises the customer's problem: condescension, as the labelled drafts have it)
        r"\b(?:delays|mistakes|mix-ups|errors|hiccups|glitches|breakages?|problems|issues) (?:are|is|were|was) (?:just |simply |always )?"
        r"(?:part of the (?:job|process|game|territory)|inevitable|unavoidable|bound to happen|(?:always )?likely|(?:always )?a risk)\b",
        r"\b(?:our|the) (?:phones?|phone lines?|systems?|website|site|servers?|computers?) (?:were|was|went|had been|have been) "
        r"(?:down|offline|out(?! of date)|unavailable|not working|playing up)\b",
        r"\b(?:new|a new) (?:system|software|team|process|starter)s? (?:is|are|was|were|has|have)\b[^.!?\n]{0,40}\b(?:teething|settling|delay|slow|issue|problem)",
        # volume as the reason: "with thousands of readings coming in every day", "we can't check every single one"
        r"\b(?:with|we (?:get|handle|receive|process|deal with)|they (?:get|handle|receive|process)) (?:thousands|hundreds|so many|a great many|"
        r"huge numbers|a huge number|such a lot) of\b",
        r"\bcan't (?:check|catch|inspect|test|read|watch|vet) (?:every|each|all)\b",
        r"\b(?:things|these|mistakes|errors|one or two) (?:can|do|will|are going to|tend to) (?:slip through|get missed|miss|fall through)\b",
    )),
]


def check(inp: CheckInput) -> CheckResult:
    found = find_families(inp, FAMILIES)
    if not found:
        return clear(NAME, SEVERITY, "No blame or excuses found.")
    spans = [span for span, _ in found]
    labels = list(dict.fromkeys(family.label for _, family in found))
    return finding(NAME, SEVERITY, spans, 0.85,
                   f"The draft {labels[0]} (\"{spans[0].text}\"): own the problem and say what you are doing about it.",
                   suggestion="", evidence=[f"pattern: {label}" for label in labels])

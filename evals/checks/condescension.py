"""condescension (block): the draft talks down to the customer.

Two signals. Phrase families (telling them how to feel, "as I already explained", "it's
really quite simple", lecturing, false solidarity, minimising, sarcasm, pet names, blaming their
competence or presuming they are out of their depth, scolding them for writing again, backhanded
compliments), each with a reason and a suggested rewrite, and with sentence-level exceptions
for the same words used innocently ("I just shipped it", "it's simple to switch and I can do
it for you now", "clearly our mistake"). Then a sentence classifier over distilled MiniLM
features (:mod:`evals.checks.sentence_classifier`) for forms without trigger words ("Most
of our customers manage this without any trouble").
"""

from __future__ import annotations

from evals.checks.cues import OWNERSHIP
from evals.checks.phrases import Family, tone_check
from evals.checks.text import CheckInput
from evals.contracts import BLOCK, CheckResult

NAME = "condescension"
SEVERITY = BLOCK

# "The listing clearly said solid oak, and that was our mistake" points at us, not the customer.
_OURS = OWNERSHIP.pattern + r"|\b(?:that|which|it) was (?:wrong|incorrect|misleading)\b"
# "As I mentioned on the phone, the late fee has been waived" recaps good news; "As I mentioned on
# our call, I'd send you everything in writing" recaps the agent's own undertaking.
_GOOD_NEWS_RECAP = (r"^(?![\s\S]*\b(?:already|previously|again|before|twice|clearly)\b)[\s\S]*\bas (?:I|we) (?:mentioned|said|discussed)\b"
                    r"[\s\S]*\b(?:waived|refunded|credited|approved|upheld|resolved|cancelled|sorted|booked|arranged|on its way|good news|free|covered|"
                    r"(?:is|are) yours|confirmed|(?:pleased|happy|glad) to (?:say|confirm|tell)|(?:has|have) now (?:gone (?:on|through|out)|arrived|been (?:sent|added|applied|paid)))\b"
                    r"|\bas (?:I|we) (?:mentioned|said|promised|discussed)\b[^.!?\n]{0,40}\b(?:I|we)(?:'d| would|'ll| will) (?:send|email|post|call|follow up|confirm|put)\b"
                    # ... or what the agent has since done or booked: "As I mentioned when we spoke, the engineer will come on Monday"
                    r"|\bas (?:I|we) (?:mentioned|said|promised|discussed) (?:on|when|during|in|this|earlier)\b[^.!?\n]{0,40}"
                    r"(?:\b(?:I|we)(?:'ve| have) (?:now |just )?(?!(?:explained|told|said|mentioned|stated|pointed|noted|advised|declined|denied|rejected|refused|charged|closed)\b)\w+(?:ed|t|en)\b"
                    r"|\byou(?:'re| are) now\b|\b(?:engineer|technician|driver|courier|crew|fitter|plumber|nurse|team) will (?:come|arrive|be|call|visit)\b)")

# "Let me walk you through it slowly, as you asked": the customer chose how it is explained.
_AS_ASKED = (r"\byou (?:asked|wanted|requested) (?:me )?(?:to|for)\b", r"\bas you (?:asked|requested|wanted)\b")


FAMILIES = [
    Family("tells the customer how to feel or behave", (
        r"\b(?:please\s+)?(?:calm|settle|cool) down\b|\b(?:once|when|after|until) you(?:'ve| have)? (?:calmed|settled|cooled) down\b",
        r"\b(?:just\s+)?relax\b[,.!:;]|\btry (?:to|and) (?:relax|stay calm|keep calm)\b",
        r"\b(?:get|getting|got) (?:yourself |themselves )?(?:in|into) (?:a|such a|this|that) (?:state|tizzy|flap|stew|lather|twist)\b",
        r"\bthere(?:'s| is) no (?:need|reason) (?:for you )?to (?:get|be|feel|become)\s+(?:so\s+|this\s+)?(?:upset|angry|worked up|rude|emotional|aggressive|hostile|agitated|frustrated|dramatic|defensive)",
        r"\bno need (?:to|for) (?:shout|yell|panic|swear|the (?:attitude|tone|caps|drama)|raise your voice|get (?:so )?(?:upset|angry|worked up))",
        r"\bno (?:need|call) for (?:all )?(?:the|that|this|those) (?:attitude|tone|caps|capitals|capital letters|drama|shouting|language|exclamation marks)\b",
        r"\b(?:don't|do not) (?:get|be) (?:so |too )?(?:upset|worked up|emotional|dramatic|angry|excited|defensive)",
        r"\btake a (?:deep )?breath\b",
        r"\b(?:you're|you are|you seem to be|you may be) (?:over-?reacting|being (?:a (?:bit|little) )?(?:dramatic|unreasonable|emotional|hysterical|difficult))",
        r"\b(?:get|getting|being) (?:so |all |a (?:bit|little) )?(?:worked up|carried away|hysterical|het up)\b",
        r"\b(?:watch|mind|moderate) your (?:tone|language)\b",
        r"\bkeep (?:your |the |this |our )?(?:tone|language|conversation|communications?|correspondence|e-?mails?|messages?) "
        r"(?:civil|polite|respectful|courteous|professional|calm)\b",
        r"\b(?:ask|remind|request|urge|encourage) (?:that )?you (?:to )?(?:keep|remain|stay|be) (?:civil|polite|respectful|courteous|calm)\b",
        r"\bthere(?:'s| is) no (?:need|reason) to (?:take (?:this|it|things|matters) (?:any )?further|escalate|complain|make a complaint)",
        r"\bdon't worry your (?:pretty |little )?head\b",
    ), "I understand how frustrating this is.",
       # what we do to help them relax, and a pause "until things settle down", tell them nothing
       unless=(r"\b(?:help(?:s|ed|ing)?|let|make|makes) (?:[\w-]+ ){0,2}(?:relax|calm|settle)\b",
               r"\bsit back and relax\b|\b(?:you can|you'll be able to|you could|so you can|you may) (?:just |now )?relax\b",
               r"\b(?:things|dust|matters|everything|life|it all) (?:have |has )?settle[sd]? down\b")),
    Family("scolds the customer for getting in touch again", (
        r"\b(?:sending|writing|emailing|calling|asking|chasing|messaging)\b[^.!?\n]{0,50}\b(?:won't|doesn't|does not|will not|didn't|wouldn't) (?:get|make|speed|help)\b"
        r"[^.!?\n]{0,30}\b(?:faster|quicker|sooner)\b",
        r"\bone (?:e-?mail|message|call|request) (?:is|will be|would have been) (?:plenty|enough|sufficient)\b",
    ), "I'm sorry you've had to chase us."),
    Family("implies the customer did not read or listen", (
        r"\bas (?:I|we)(?:'ve| have)? (?:already |previously |just |clearly )?(?:explained|stated|mentioned|said|told you|pointed out|noted|advised|made clear)",
        r"\bas (?:previously|already|clearly|explicitly) (?:explained|stated|mentioned|advised|noted|communicated|indicated)",
        r"\bas (?:stated|explained|mentioned|noted|outlined) (?:before|previously|above|earlier|in my|in our (?:last|previous|earlier))",
        r"\bas per my (?:last |previous |earlier )?(?:e-?mail|message|reply|response|letter|note)",
        r"\bas you(?:'ll| will| would) (?:find|see|know|notice) if you (?:read|check|look)",
        r"\bas (?:the|our|my) (?:\w+ )?(?:advisor|adviser|agent|colleague|representative|rep|engineer|technician|manager|driver|staff member|team) "
        r"(?:already |previously |clearly )?(?:explained|stated|told you|mentioned|advised|said|made clear)\b",
        r"\bif you (?:take|took|have|had) (?:another|a (?:closer|second|proper|careful|quick)) look at\b",
        r"\b(?:I|we)(?:'ve| have) (?:already |now )?(?:explained|told you|gone (?:over|through)|answered|covered|clarified) (?:this|that|it)\b.{0,25}\b(?:twice|several times|multiple times|more than once|before|already|again|a number of times|repeatedly)",
        r"\b(?:I|we)(?:'ve| have) (?:already |now )(?:explained|told you|answered|covered|clarified)\b",
        r"(?:^|[.!?]\s+|\b(?:say|said|tell|told|explain|explained|repeat|repeating|ask|asked)\b[^.!?\n]{0,30}\s)for the (?:second|third|fourth|last|final|hundredth|umpteenth) time\b",
        r"\b(?:like|as) I (?:said|told you)(?: before| earlier| already)?\b",
        r"\b(?:I'll|I will|let me) (?:say|explain|repeat) (?:it|this|that) (?:again|one more time|once more)",
        r"\bone (?:more|last) time\b.{0,20}\b(?:slowly|again|explain)",
        r"\bif you(?:'d| had| would have) (?:read|checked|looked|followed|paid attention|bothered|scrolled)",
        r"\b(?:please|kindly) (?:read|re-?read|review|look at|check|go through)\b.{0,50}\b(?:carefully|again|properly|more closely|in full|before (?:contacting|writing|emailing))",
        r"\bwhich you (?:would|should|could|might) have (?:seen|read|found|known|noticed)",
        r"\byou (?:would|should|could) have (?:known|seen|read|noticed|realised|realized) (?:this|that|it)\b",
        r"\b(?:did|didn't|have) you (?:even )?(?:read|check|look at|bother)\b",
        r"\bit (?:clearly |plainly )?says (?:so )?(?:right |clearly )?(?:on|in) (?:the|our|your)",
        r"\b(?:clearly|plainly|explicitly) (?:stated|written|explained|shown|displayed|marked|labell?ed) (?:on|in|at)\b",
        r"\bhad you (?:read|checked|looked)\b",
        r"\bas (?:\w+ ){0,3}(?:clearly|plainly|explicitly) (?:shows?|showed|states?|stated|says|said|indicates?|indicated|listed|displayed|explains?|explained)\b",
        r"\b(?:our|the) (?:records|notes|logs|system|confirmation|receipt|label|e-?mail|invoice|website|faq|page|listing|description|instructions) "
        r"(?:clearly|plainly|explicitly) (?:shows?|showed|states?|stated|says|said|indicates?|indicated|lists?|listed|explains?|explained)\b",
        r"\b(?:hard|harder|impossible|difficult) to miss\b|\byou can't miss (?:it|them)\b|\bnot (?:exactly|really|very) hidden\b",
        r"\b(?:printed|written|shown|listed|displayed|stated|marked) right (?:there|on (?:the|your)|in (?:the|your)|at the top)\b",
        r"\bin case (?:it|this|that) (?:wasn't|isn't|was not|is not) (?:obvious|clear)\b",
        r"\b(?:hopefully|I hope) (?:that's|this is|that is|it's|it is) (?:clear|clearer|understood)(?: enough)? now\b",
        r"\b(?:is|was) that (?:clear|clear enough|understood)(?: now)?\?",
        # "the fee was on the page, so it was always there to see"
        r"\b(?:was|were|has been|have been|had been) (?:always |all |clearly |right |plainly )?there (?:for (?:you|anyone|everyone|all) )?to (?:see|read)\b",
        r"\bright there\b[^.!?\n]{0,40}\b(?:the whole time|all along)\b",
        r"\bfor anyone (?:who|that) (?:cares|bothers|takes the time|wants) to (?:look|read|check)\b",
        r"\b(?:give|giving) (?:it|them|(?:the|our|your) [\w-]+(?: [\w-]+)?) a (?:proper|careful|closer|thorough) (?:read|look)\b",
        # the customer's own documents "make plain" what they should have known
        r"\bas your (?:\w+ ){0,3}(?:make|makes|made) (?:it |this |that )?(?:plain|clear|obvious)\b",
    ), "", unless=(_OURS, _GOOD_NEWS_RECAP)),
    Family("implies the problem is trivial or easy for anyone", (
        r"\b(?:it's|it is|this is|that's|that is) (?:really |actually |quite |very |pretty |perfectly |incredibly |super |all )?(?:quite |very )?(?:simple|easy|straightforward|basic|obvious)(?: really| actually)?[.!]",
        r"\b(?:it's|it is|this is|that's) (?:really |actually )?(?:quite |very |really |pretty )(?:simple|easy|straightforward|basic|obvious)\b",
        r"\b(?:not|isn't|hardly) (?:exactly |really |quite )?rocket science\b",
        r"\b(?:it|this) (?:isn't|is not|really isn't) (?:that |very |at all )?(?:hard|difficult|complicated|complex|tricky)\b",
        r"\b(?:any|every|most) (?:user|customer|person|adult|child|one|body)s? (?:can|could|should be able to|knows?|manage)\b",
        r"\beven a (?:child|kid|beginner|five-year-old)\b",
        r"\ball you (?:had|have|needed|need) to do (?:was|is) (?:simply |just )",
        # "you just had to..." is the rebuke; "you only need to bring ID" is how little is asked of them
        r"\byou (?:simply (?:had|have|need|needed)|(?:just|only) (?:had|needed)) to\b",
        r"\b(?:obviously|clearly|evidently),? (?:you|the (?:instructions|steps|label|page|manual))\b",
        r"\byou (?:obviously|clearly|evidently)\b",
        r"(?:^|[.!?]\s+)(?:obviously|evidently)\b",
        r"\b(?:simpler|easier|more straightforward|less complicated) than you (?:seem to |might |may )?(?:think|realise|realize|imagine|expect|believe|assume)",
        r"\b(?:any|every)(?:one|body| \w+) (?:can|could) (?:do|manage|figure|work|handle|follow|use|set|fix|understand) (?:this|that|it)\b",
        r"\bas (?:anyone|everyone|everybody|most people|any \w+|most \w+) (?:who|that)\b[^.!?\n]{0,50}\b(?:knows?|will tell you|would know)\b",
        r"\b(?:it|this|that) (?:should|ought to) (?:be|have been) (?:obvious|clear|self-explanatory)\b",
        r"\bself-explanatory\b",
        r"\bas is (?:obvious|clear|evident)\b",
    ), "Here is how to do it, step by step:", unless=(
        r"\b(?:I|we)(?:'ll| will| can|'ve| have| am|'m)\b.{0,60}\bfor you\b",
        r"\b(?:clearly|obviously),? (?:this was |that was |it was )?(?:our|my|a|the) (?:mistake|fault|error|oversight|failure)\b",
        r"\b(?:clearly|obviously),? (?:we|I)(?:'ve)? (?:should|shouldn't|made|got|dropped|didn't|let|failed|messed)\b",
        # our own stance, or what matters to the customer: "Obviously we won't charge you for our mistake"
        r"\b(?:clearly|obviously),? (?:we|I)(?: want| won't| will| would|'d|'ll| don't want| care)\b",
        r"\b(?:clearly|obviously),? if\b[^.!?\n]{0,60}\b(?:I|we)(?:'ll| will)\b",
        # self-criticism: "Obviously that isn't good enough", "... isn't what either of us wanted", "that email should never have gone"
        r"\b(?:clearly|obviously),? [^.!?\n]{0,60}\b(?:isn't|wasn't|is not|was not|'s not|aren't)\b[^.!?\n]{0,30}\b(?:good enough|acceptable|okay|fair|right|we|us|our)\b",
        r"\b(?:clearly|obviously),? (?:that|this|it|the|our) [^.!?\n]{0,30}\bshould(?:n't| not| never)? have\b",
        r"\b(?:clearly|obviously),? your (?:\w+ ){1,2}(?:matters?|comes? first|is (?:the |our )?(?:priority|most important))\b",
        # "Obviously medication like this should never have been left outside", "Obviously, no student should get news like
        # that", "... a tour that stops halfway is not what you paid for", "Obviously that doesn't undo what happened"
        r"\b(?:clearly|obviously),? (?!you\b)[^.!?\n]{0,80}\bshould never\b",
        r"\b(?:clearly|obviously),? no (?:\w+ )?(?:one|body|customer|student|patient|guest|family|parent|passenger|child|person|pet|dog|client)s? should\b",
        r"\b(?:clearly|obviously),? [^.!?\n]{0,80}\b(?:isn't|is not|wasn't|was not|'s not) what (?:you|anyone) (?:paid|asked|hoped|signed up|came|booked)\b",
        r"\b(?:clearly|obviously),? [^.!?\n]{0,30}\b(?:doesn't|does not|can't|cannot|won't|will not) (?:undo|make up for|change what)\b",
        r"\byou (?:obviously|clearly|evidently) (?:put|care|cared|love|loved|treasure|value|valued|worked|spent|take|took|know (?:your|what you))\b",
        r"\b(?:clearly|obviously),? you (?:shouldn't|should not|should never|never should) have (?:been|got|gotten|received|had|needed)\b",
        r"\b(?:clearly|obviously),? (?:our|the) (?:\w+ )?(?:technician|engineer|driver|courier|team|staff|installer|agent|advisor|adviser|colleague|store|warehouse|system|website|app|site) (?:should(?:n't)? have|made|got|dropped|didn't|failed|messed)\b",
        # siding with them: "Obviously this is the last thing you need two weeks before your wedding"
        r"\bthe last thing (?:you|anyone) (?:need|needed|want|wanted)\b",
    )),
    Family("lectures the customer", (
        r"\byou (?:may|might) not (?:be aware|know|realise|realize|understand|have (?:realised|realized|noticed|understood))",
        r"\b(?:you|customers) (?:may|might) be unaware\b",
        r"\byou (?:may|might) or (?:may|might) not (?:know|be aware|realise|realize|have (?:noticed|heard))\b",
        r"\bfor your (?:information|reference|education|benefit|own good)\b",
        r"\bFYI\b",
        r"(?:^|[.!?]\s+)to be (?:clear|perfectly clear|absolutely clear|fair to us),",
        r"\blet me (?:educate|enlighten|remind|inform) you\b",
        r"\b(?:just )?so (?:we're|we are) (?:clear|on the same page)\b",
        r"\byou (?:need|have|must|should|ought) to (?:understand|appreciate|realise|realize|accept|remember) (?:that|how|why|our)\b",
        r"\b(?:please|do) (?:understand|appreciate|note|be aware) that (?:we|our|this|it|the)\b.{0,60}\b(?:not|no|cannot|can't|unable|only)\b",
        r"\bas you (?:should|must|ought to|surely|of course|well) (?:know|be aware|understand|realise|realize)\b",
        r"\byou (?:should|ought to) (?:already |really )?(?:know|be aware|understand|realise|realize) (?:that|how|this)\b",
        r"\bas (?:I'm sure|I am sure|I trust) you (?:know|are aware|understand|realise|realize)\b",
        r"\bit (?:is|'s) (?:your|the customer's) responsibility to\b",
        r"\bI (?:would|'d) (?:strongly )?(?:advise|suggest|recommend|encourage) (?:you )?(?:to )?(?:read|familiari[sz]e|review|check) (?:yourself with )?(?:the|our)\b",
        # homework for next time: "which I'd recommend reading before your next booking"
        r"\b(?:recommend|suggest|advise|encourage)(?:ing)? (?:you )?(?:to )?(?:read(?:ing)?|re-?read(?:ing)?|review(?:ing)?|familiari[sz](?:e|ing) yourself with)\b"
        r"[^.!?\n]{0,60}\bbefore (?:your next|you next|you (?:book|order|buy|contact|sign|renew|travel))",
        r"\b(?:next time|in future|in the future|for future reference),? (?:please |do |try to |it's worth |you (?:might|may|could|should) (?:want to )?)?"
        r"(?:check|double-check|read|be sure|take care|pay attention|look more carefully|remember to)\b",
        r"\b(?:I'd|I would|may I|might I|can I|let me|I'll|I will|I want to|I have to|I must|I'm going to) (?:gently|kindly|politely|humbly) "
        r"(?:suggest|remind|point out|recommend|advise|note|ask)\b",
        r"\b(?:recommend|suggest)(?:ing)? giving (?:it |them |that |this )?a (?:read|look|proper read|careful read)\b",
    ), "", unless=(r"\b(?:attach(?:ed)?|enclos(?:e|ed)|cop(?:y|ies)|included)\b[^.!?\n]*\bfor your (?:reference|records)\b",
                   # handing over a number: "For your reference, the booking number is NB-4471"
                   r"\bfor your (?:reference|records),? (?:the|your) [^.!?\n]{0,40}\b(?:is|are|will be)\b[^.!?\n]{0,30}\d",
                   # clearing up in their favour: "To be clear, you won't pay anything"
                   r"\bto be (?:clear|perfectly clear|absolutely clear), (?:you won't|you will not|you don't|you do not|there's no|there is no|"
                   r"you'll still|you will still|you're still|you are still|you can still|nothing)\b",
                   # ... or takes a fear away: "To be clear, your loans are not in default", "you were only charged once"
                   r"\bto be (?:clear|perfectly clear|absolutely clear),[^.!?\n]*\b(?:(?:not|isn't|aren't|won't be|nothing is) (?:going to |being )?"
                   r"(?:changing|changed|in default|affected|at risk|an audit|cancelled|closed|suspended|lost|going to collections|in trouble|penali[sz]ed)"
                   r"|you (?:owe|pay) nothing|you (?:don't|do not) owe|only (?:charged|billed|debited|taken) once|still (?:active|valid|covered|booked|in place)"
                   r"|waived|refunded|(?:was|is) ours)\b")),
    Family("is sarcastic", (
        r"\bwhat a surprise\b|\bsurprise,? surprise\b",
        r"(?:^|[.!?]\s+|,\s*)(?:funny|amazing|interesting) how\b",
        r"(?:^|[.!?]\s+)shockingly,|\bshock(?:ing|er),? I know\b|\bI know, shocking\b",
        r"\bwho (?:knew|would(?:'ve| have) (?:thought|guessed))\b|\bimagine that[!?.]|\bgo figure\b",
        r"\b(?:definitely|certainly|clearly|absolutely|well and truly) (?:got|received|heard) (?:the|your) (?:message|point)\b",
        r"\b(?:good luck|have fun) with that[.!]",
        r"\byou(?:'ve| have) (?:certainly|definitely|really|clearly) been (?:thorough|busy|persistent|keen|productive)\b",
        r"\b(?:lovely|charming|delightful) (?:tone|choice of words|manner)\b",
        r"\bbless (?:your (?:heart|cotton socks)|you|him|her)\b",
        r"🙄|😏",
    ), "", unless=(r"\bgod bless\b", r"\bwhat a (?:lovely|nice|wonderful|great) surprise\b")),
    Family("pays a backhanded compliment", (
        r"\byour\b[^.!?\n]{0,40}\b(?:were|was|are|is) (?:surprisingly|unexpectedly) (?:clear|good|helpful|detailed|thorough|well|organi[sz]ed|neat|accurate|useful|easy)\b",
    ), "Thank you for the details you sent."),
    Family("presumes the customer agrees", (
        r"\b(?:I'm|I am|we're|we are) (?:sure|certain|confident) (?:that )?you(?:'ll|'d| can| will| would)? (?:understand|appreciate|agree|see why|realise|realize)\b",
        r"\bI trust you (?:can |will )?(?:understand|appreciate|see)\b",
        r"\bsurely you (?:can |will )?(?:understand|appreciate|see|agree)\b",
        r"\bas I'm sure you (?:can )?(?:understand|appreciate|agree|see)\b",
        r"\byou (?:can|will) (?:surely |of course )?(?:understand|appreciate) (?:that|why)\b",
        r"\bI hope you (?:can )?(?:understand|appreciate) (?:that )?(?:we|our|this is|it is|there)\b",
    ), "I know this isn't the answer you hoped for."),
    Family("minimises the customer's problem", (
        r"\b(?:it's|it is|this is|that's|that is|this isn't|it isn't|it's not|that's not|this is not) (?:really |honestly |hardly |not )?(?:a |that |such a |that much of a )?(?:big|huge|major) (?:deal|issue|problem)\b",
        r"\b(?:it's|it is|that's|that is|everything is|everything's) (?:totally |perfectly |absolutely )?(?:fine|ok|okay|no problem)[.!]",
        r"\b(?:it's|it is|that's|the difference is) (?:only|just|merely) (?:a |an )?(?:\$|£|€)?\d",
        r"\b(?:it's|it is|that's|the difference is|it was) (?:only|just|merely) (?:a |an )?(?:fiver|tenner|quid|pennies|cents|"
        r"(?:few|couple of) (?:pounds|dollars|euros|quid|bucks|pence|cents))\b",
        r"\b(?:it's|it is|that's|it was) (?:only|just|merely) (?:a )?(?:few|couple|small|minor|tiny|little|slight)\b",
        r"\b(?:no (?:real |great |lasting )?harm done|not the end of the world|worse things happen|happens to (?:everyone|the best of us)|these things happen)\b",
        r"\b(?:a |just a |only a )?(?:minor|small|slight|tiny) (?:inconvenience|hiccup|issue|delay|blip)\b",
        r"\b(?:making|make) (?:such )?a (?:big )?(?:fuss|deal|drama|scene)\b",
        r"\bnothing to (?:worry|get upset|be upset|be angry|complain) about\b",
        r"\b(?:won't|will not|isn't going to|is not going to|wouldn't|shouldn't|doesn't) break (?:the|anyone's|anybody's|your) bank\b",
        r"\b(?:less|cheaper) than (?:a|one|the price of a|the cost of a) (?:coffee|cup of coffee|latte|sandwich|pint|takeaway)\b",
        r"\b(?:feel|seem|look|sound)s? (?:much |a lot |far |a bit )?(?:bigger|worse|more serious|more dramatic) than (?:it|they|this|that) (?:is|are|really is|actually is|was)\b",
        r"\b(?:it was|it's|it is|that's|that was) (?:only|just) (?:a|an) \w+,? (?:at the end of the day|after all)\b|\bnothing (?:was )?(?:really|truly|actually) lost\b"
        r"|\b(?:it's|it is|it was) (?:a|an) \w+,? (?:at the end of the day|when all's said and done)\b",
        r"\b(?:I'm|I am|we're|we are) (?:sorry|sad) (?:that |if )?(?:you feel|you felt|you're upset|you are upset|you see it|you took it|that's how you)\b",
        r"\bsorry if you (?:feel|felt|were offended|took)\b",
    ), "I'm sorry this has caused you so much trouble.", unless=(
        r"\b(?:your|the) (?:order|item|parcel|payment|refund|account|booking|card)\b.{0,30}\b(?:is|was) (?:totally |perfectly )?fine\b",
        r"\bif\b[^.!?\n]{0,80}\b(?:that's|it's|that is|it is) (?:totally |perfectly |absolutely |completely )?(?:fine|ok|okay)\b",
        r"\b(?:that's|it's|this is) (?:fine|ok|okay) (?:with|by|for) (?:me|us)\b",
        r"\bno (?:big )?deal (?:for us|on our side)\b",
        r"\b(?:a|the) (?:small|minor) (?:thing|gesture|extra|credit|discount|token)\b",
        r"\b(?:we|I) (?:made|had|caused) a (?:small|minor|slight) (?:error|mistake)\b",
    )),
    Family("uses a pet name", (
        r"(?:^|[,.!?]\s*|\bthanks,?\s|\bthere,?\s|\bhi,?\s|\bhey,?\s|\bokay,?\s|\bok,?\s)(?:sweetie|sweetheart|honey|hun|hon|darling|dear|deary|dearie|love|luv|babe|buddy|pal|chief|champ|sunshine|my dear|my friend|young (?:man|lady)|sir|madam)\b(?=\s*[,.!?\u2014\u2013]|\s+-\s|\s*$)",
        r"\b(?:sweetie|sweetheart|honey|hun|darling|deary|dearie|luv|babe|buddy|pal|champ|young (?:man|lady))\b",
        r"\bmy (?:dear|friend|love)\b(?!\s+(?:\w+\s+)?(?:who|that|at|from|of|for))",
    ), "", unless=(r"^\s*(?:my )?dear\s+(?:mr|mrs|ms|miss|dr|mx|sir|madam|customer|team|\w+)\b",
                   r"\b(?:honey|buddy|pal|champ)\s+(?:jar|pot|pack|plan|bundle|subscription|programme|program|order|system)\b",
                   # describing someone else: "he sounds like a sweetheart"
                   r"\b(?:a|such a|like a|real|total|little|absolute|proper) (?:sweetie|sweetheart|darling|honey|champ)\b")),
    Family("blames the customer's competence", (
        r"\buser error\b",
        r"\byou (?:must|may|might) have (?:misread|misunderstood|pressed|clicked|tapped|forgotten|entered|typed|selected|missed|overlooked|ignored|skipped)",
        r"\byou (?:probably|obviously|clearly|evidently|apparently) (?:misread|misunderstood|pressed|clicked|forgot|entered|typed|selected|missed|didn't|did not|failed|ignored|overlooked|skipped)",
        r"\byou (?:didn't|did not|failed to|neglected to|forgot to) (?:read|follow|check|enter|notice|understand|look|pay attention|bother)\b",
        r"\b(?:the|our) (?:instructions|steps|guide|label|manual|page|terms|faq|form) (?:are|were|is) (?:very |quite |perfectly |really )?(?:clear|simple|straightforward|self-explanatory|easy to follow)\b",
        r"\bmost (?:of our )?(?:customers|people|users|members|guests|clients|shoppers|students|parents|patients|passengers|drivers|tenants|buyers|donors"
        r"|learners|travell?ers|owners|residents|subscribers|homeowners|riders|diners|callers|families|applicants|borrowers|renters|visitors|players) (?:manage|understand|find|have no (?:trouble|problem|issue|difficulty)|figure|get|know|are able|can|don't have|spot|catch|pick up on|sort)\b",
        r"\bsomeone (?:who (?:hasn't|has not|isn't|is not|doesn't|does not|has never)(?! (?:arrive|turn up|show up|show|come|reply|respond|answer|call)\b)"
        r"|new to|unfamiliar with|not used to|less familiar)\b",
        r"\b(?:misunderstanding|confusion|mistake|error|oversight|misreading|mix-up) on your (?:part|end|side)\b",
        r"\b(?:seems?|sounds?|is|are) (?:all |a bit |quite |very )?new to you\b",
        r"\bif you're not (?:familiar|comfortable|confident) with\b",
        # presuming they are out of their depth: "probably new territory for you", "a lot to take in if you don't know cars"
        r"\b(?:new|unfamiliar|uncharted) territory (?:for|to) (?:you|some|many|most|a lot of)\b|\b(?:probably|likely|perhaps) (?:\w+ )?(?:new|unfamiliar|uncharted) territory\b"
        r"|\b(?:probably|likely|perhaps|all|quite|a bit|very) new (?:to|for) you\b",
        r"\b(?:isn't|is not|aren't|are not) (?:really |exactly )?(?:everyone's|everybody's) (?:thing|strong (?:point|suit)|forte|cup of tea)\b",
        # "some people" points at them; "many customers find it confusing" is reassurance
        r"\b(?:new|unfamiliar|confusing|daunting|overwhelming|tricky|hard|difficult|a lot) (?:territory )?(?:for|to) some (?:people|customers|folks)\b",
        r"\b(?:a lot to take in|confusing|overwhelming|daunting|tricky|hard to follow|hard to understand|complicated|intimidating)\b[^.!?\n]{0,30}"
        r"\bif you (?:don't|do not|aren't|are not|haven't|have not)\b",
        r"\bif you (?:don't|do not) know (?:much|a lot|anything|a great deal) about\b",
        r"\b(?:short|simple|brief) and (?:easy|simple) to (?:take in|digest|follow|understand)\b|\beasy to take in\b",
        r"\bwhich (?:is|was) (?:probably|likely|most likely|no doubt|perhaps|maybe|presumably) why "
        r"(?:you (?:missed|forgot|overlooked|didn't (?:see|notice|read|realise|realize|spot))|it (?:slipped|was missed|got missed))",
        r"\b(?:mostly|usually|often|normally|typically|generally|mainly|only) (?:hear|get|see|asked)\b[^.!?\n]{0,25}"
        r"\bfrom (?:newcomers|beginners|first-timers|first-time \w+|(?:people|customers|folks) (?:who|that) (?:haven't|have not|have never|are new|don't|do not|aren't|are not))\b",
        r"\b(?:not very|not particularly|less) (?:tech-?savvy|technical|computer-?literate)\b",
        # assumptions about who the customer is: their age, or that they are "not an app person"
        r"\bat your (?:age|stage of life)\b",
        r"\b(?:older|elderly|less technical|non-technical|less tech-?savvy) (?:people|customers|folks|users|passengers|patients|members|clients|drivers)\b"
        r"[^.!?\n]{0,40}\b(?:struggle|find (?:it|this|these|them) (?:hard|difficult|confusing|tricky)|get (?:confused|flustered|muddled)|can't|cannot|aren't (?:used|comfortable)|don't (?:understand|realise|realize))",
        r"\b(?:overwhelming|confusing|difficult|hard|tricky|daunting) for (?:older|elderly|non-technical|less technical|less tech-?savvy) (?:people|customers|folks|users|passengers|patients)\b",
        r"\bnot (?:a |an )?(?:big |very |much of an? |really an? )?(?:app|tech|techy|computer|phone|online|internet|gadget|technology) (?:person|user|people|type|fan)\b",
        r"\b(?:computers|technology|tech|apps|smartphones|phones|the internet|gadgets|forms|numbers) (?:aren't|isn't|are not|is not) (?:really |exactly )?your (?:thing|strong (?:point|suit)|forte|cup of tea)\b",
        r"\b(?:congratulations|well done|great job|nice try|good for you)\b.{0,40}\b(?:but|however|unfortunately)\b",
        r"\bwith all due respect\b",
        r"\bI'm sure you (?:did|tried|were doing) your (?:very )?best\b",
    ), "", unless=(*_AS_ASKED, r"\bnot (?:a |any )?(?:misunderstanding|confusion|mistake|error|oversight|fault) on your (?:part|end|side)\b")),
    Family("explains as if the customer were slow", (
        r"\b(?:happy|glad|able|can) to (?:go over|explain|go through|run through|walk you through) (?:it|this|that|everything) (?:again )?(?:more )?(?:slowly|simply)\b",
        r"\b(?:let me|I'll|I will) (?:walk you through it|explain it|go through it|take you through it|spell it out|break it down)\b.{0,20}\b(?:slowly|simply|again|in simple terms|one more time|for you)\b",
        r"\b(?:let me|I'll|I will) (?:spell it out|put it simply|put it in simple terms|make it (?:simple|easy) for you|keep (?:this|it) simple)\b",
        # "In simple terms, yes, you're covered" is a plain summary; "in layman's terms" and "in basic English" talk down
        r"\bin layman's (?:terms|english|words|language)\b|\bin (?:simple|basic) (?:english|words|language)\b",
        r"\b(?:slowly|very slowly) (?:this time|so you can follow|for you)\b",
        r"\bso (?:it's|it is) easy (?:for you )?to (?:follow|understand)\b",
        r"\bread (?:it|this|that|them|my (?:e-?mail|reply|message)) (?:twice|a second time|more than once)\b",
    ), "", unless=_AS_ASKED,
       # the customer asked for it that way: "walk me through it very slowly", "explain it like I'm five"
       asked_for=(r"\b(?:slow(?:ly|er)?|step[- ]by[- ]step|simpl[ey]|plain (?:english|language|terms)|layman'?s terms|like I'?m (?:five|5|a (?:child|kid|beginner))"
                  r"|(?:assume|pretend) I know nothing|(?:I'?m|I am) (?:not (?:great|good|very good) with|new to|a (?:complete |total )?beginner|hopeless with|useless with|clueless))",)),
]

def check(inp: CheckInput) -> CheckResult:
    return tone_check(
        inp, NAME, SEVERITY, FAMILIES,
        advice="say what you will do for them instead.",
        model_advice="reads as talking down to the customer: state the facts and what you will do, without judging what they know, did or feel.",
        clean="No condescension found.",
    )

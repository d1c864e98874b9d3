"""Cue lexicons several checks share: apologies, empathy, ownership, offers, declines, time,
money, and the signs that a customer's message is upset or describes our own mistake."""

from __future__ import annotations

import re
from typing import Iterable

from evals.checks.text import Sentence

I = re.IGNORECASE


def rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts), I)


APOLOGY = rx(r"\b(?:I'm|I am|we're|we are|I'm so|I'm really|I'm truly)\s+(?:also |so |really |truly |very |deeply |terribly |genuinely )?sorry\b",
             r"\bsorry (?:for|about|that|to hear|this|it|again)\b", r"^\s*sorry\b", r"\bmy apologies\b",
             r"\b(?:I|we) (?:sincerely |truly |really )?apologi[sz]e (?:for|that|sincerely|again)\b(?! any inconvenience)",
             r"\b(?:please )?accept (?:my|our) (?:sincere |heartfelt )?apologies\b", r"\bI owe you an apology\b")
# "I'm sorry you're fed up", "sorry the visit has caused such frustration": regret at the feeling, owning nothing.
_FEELING = r"(?:fed up|frustrated|upset|annoyed|disappointed|unhappy|angry|let down|that way|this way|frustration|annoyance|disappointment|concern|distress)"
NON_APOLOGY = rx(rf"\bsorry (?:that |if )?you(?:'re| are| feel| felt| were| have been)\s+(?:so |really |very |a bit )?{_FEELING}\b",
                 rf"\bsorry (?:that |if )?(?:this|it|the \w+) (?:has |may have )?(?:caused|made) (?:you )?(?:such |so much |any |feel )?{_FEELING}\b")
FORMULAIC_APOLOGY = rx(r"\b(?:apologi[sz]e|sorry) for (?:any|the) (?:inconvenience|trouble|disruption|confusion)(?: (?:this|that) (?:may have|has|might have) caused| caused)?\b")
_OWNS_MISTAKE = (r"\b(?:our|my) (?:mistake|error|fault|failure|oversight|mix-up|bad)\b", r"\bthat's on (?:us|me)\b",
                 r"\bwe let you down\b", r"\b(?:I|we) take (?:full )?responsibility\b",
                 r"\b(?:this|that|it) (?:was|is) (?:entirely |completely )?(?:down to|on) us\b")
# Saying outright that the mistake was ours: a sentence that does is neither talking down to the
# customer nor quoting rules at them, whatever else it says.
OWNS_MISTAKE = rx(*_OWNS_MISTAKE)
OWNERSHIP = rx(*_OWNS_MISTAKE,
               r"\b(?:we|I)(?:'ve| have)? (?:got|made|messed|mixed|dropped|let|should(?:n't)? have|failed|slipped|fell short|were wrong|was wrong|didn't|did not)\b",
               r"\b(?:on|from) our (?:side|end)\b",
               r"\bwe (?:sent|charged|shipped|delivered|billed|gave|told) you (?:the )?(?:wrong|twice|incorrect)\b")
EMPATHY = rx(r"\bI (?:completely |totally |fully |really )?(?:understand|can see|can imagine|know|hear|get) (?:how|why|that|what|your|it|you)\b",
             r"\bI (?:completely |totally |fully |really |can )?understand\b(?! (?:the|our|this|that) (?:policy|terms|rules|procedure))",
             r"\bI hear you\b", r"\bI'd (?:be|feel) (?:upset|frustrated|annoyed|angry|worried|the same)\b",
             # "I'd be fed up too", "I'd hate for him to be stuck at the gate"
             r"\bI(?:'d| would) (?:be|feel|want|have been)\b[^.!?\n]{0,40}\btoo\b", r"\bI(?:'d| would) hate (?:for )?(?:you|him|her|them) to\b",
             r"\b(?:that|this|it)(?:'s| is| was| must be| must have been| sounds)\s+(?:so |really |very |incredibly |such an? |a |an |truly |understandably |hugely |deeply )*"
             r"(?:frustrating|stressful|worrying|disappointing|upsetting|annoying|awful|horrible|terrible|maddening|infuriating|exhausting|"
             r"inconvenient|tiring|unsettling|scary|frightening|confusing|hard|difficult|shock|surprise|chore|pain|hassle|worry|nuisance|let-?down|blow|mess)\b",
             r"\b(?:frustrat|stress|worr|disappoint|upset|annoy|inconvenienc)\w*\b[^.!?\n]{0,40}\b(?:understand|sorry|imagine|know|hear)\b",
             r"\bnot (?:the|an?) (?:experience|service|standard|welcome|start|news) (?:we|you|I)\b", r"\bnot good enough\b",
             r"\bunacceptable\b", r"\bno wonder you(?:'re| are)\b", r"\b(?:right|fair) to be (?:upset|annoyed|angry|frustrated|disappointed)\b",
             r"\bthe last thing you need\b", r"\bI'm (?:so |really )?sorry (?:to hear|that|for|about)\b",
             r"\b(?:what a|such a) (?:hassle|pain|nuisance|shame|headache|stressful)\b",
             r"\bwhat an? (?:horrible|awful|rotten|stressful|scary|frightening|miserable|worrying|horrid|nasty|dreadful|upsetting|unsettling) "
             r"(?:thing|way|start|end|experience|situation|surprise|shock|morning|night|evening|day|week|trip|journey)\b",
             # a worry named as reasonable: "That's a fair worry", "a really understandable thing to worry about"
             r"\b(?:fair|(?:really |very |completely |totally )?(?:understandable|natural|reasonable)) (?:worry|concern|fear|thing to (?:worry|wonder|ask|be))\b",
             r"\bI'm (?:so |really |just )?(?:glad|relieved) (?:you're|you are|you were|everyone's|everyone is|nobody was|no one was) "
             r"(?:safe|ok|okay|alright|all right|unhurt|not hurt)\b",
             r"\b(?:don't|do not) be (?:so |too )?hard on yourself\b", r"\byou(?:'re| are) not (?:a pain|a bother|being a pain|a nuisance|being silly)\b",
             # naming the feeling or the cost in other words
             r"\bI can (?:(?:totally |completely |really |fully |easily )(?:see|understand|imagine)|understand|imagine)\b",
             r"\b(?:that|this|it)(?:'s| is| was| must be| must have been| sounds| feels)\s+(?:so |really |very |such |a |pretty |genuinely )*"
             r"(?:rotten|rough|tough|miserable|gutting|nerve-?wracking|daunting|distressing|frightening|alarming|upsetting|"
             r"a lot|a big (?:decision|step|worry)|no fun)\b",
             r"\b(?:is|was) (?:a lot|so much|too much) to (?:face|deal with|take in|absorb|cope with|handle|manage)\b",
             r"\b(?:rotten|bad|tough|rough|hard|terrible|awful|such bad) luck\b", r"\bheartbreaking\b",
             r"\byou(?:'re| are) (?:far from|not|certainly not|definitely not) (?:the only one|alone)\b",
             r"\b(?:lots of|many|plenty of) (?:people|parents|customers|patients|students|owners|families) (?:feel (?:the same|like that|like this|nervous|anxious)|worry|"
             r"get (?:nervous|anxious|worried))\b",
             r"\b(?:it's|it is) (?:completely |totally |only |very |perfectly |so )?(?:natural|understandable|normal) to (?:feel|worry|wonder|be (?:nervous|anxious|worried|upset))\b",
             r"\bcompletely understandable\b",
             r"\bhope (?:you're|you are|he's|she's|they're|your \w+ (?:is|are)) (?:feeling|doing) (?:better|ok|okay|well)\b",
             r"\b(?:that|this|it|which) (?:cost|ruined|spoiled|spoilt|wrecked) (?:you|your)\b",
             r"\bI can tell (?:how|(?:that )?you(?:'re| are))\b", r"\bI (?:totally |completely |really )?get (?:wanting|needing|why|how|that)\b",
             r"\bwould (?:wear|get|frustrate|upset|annoy|worry|rattle) anyone\b", r"\b(?:bad|awful|terrible|rotten|cruel) timing\b",
             r"\boh no\b",
             # a sentence that opens or ends on "sorry" ("Sorry you've had a frustrating start", "... too many - sorry.")
             r"(?:\A|[.!?]\s+|\n)\s*sorry\b", r"[-\u2013\u2014,]\s*sorry[.!]",
             r"\bI know\b[^.!?\n]{0,60}\b(?:stressful|frustrating|worrying|upsetting|annoying|tight|hard|difficult|tough|rough|"
             r"tiring|exhausting|weighing on you|(?:never|not) welcome|unwelcome|(?:isn't|is not|wasn't|not) (?:very |exactly |particularly )?(?:reassuring|ideal))\b",
             r"\b(?:please )?(?:don't|do not|try not to) (?:worry|stress|panic|feel (?:bad|embarrassed|silly|guilty|awkward))\b",
             # sharing the customer's good news is answering how they feel, too
             r"\bcongratulations\b|\bcongrats\b|\b(?:what|that's|that is) (?:such )?(?:great|wonderful|brilliant|fantastic|lovely) news\b")
OFFER = rx(r"(?<!\bwish )(?<!\bif )\b(?:I|we)(?:'ve| have| can| could|'ll| will| am happy to|'m happy to)(?:,? (?:however|though|instead),?)?"
           r"(?: also| now| still| instead| gladly| already| just| temporarily| personally| gone ahead and)? (?:add(?:ed)?|reduc(?:e|ed)|lower(?:ed)?|sen[dt]|offer(?:ed)?|give|given|arrang(?:e|ed)|book(?:ed)?|set up|"
           r"issu(?:e|ed)|appl(?:y|ied)|credit(?:ed)?|refund(?:ed)?|replac(?:e|ed)|exchang(?:e|ed)|extend(?:ed)?|freez(?:e|ed)|froze|"
           r"paus(?:e|ed)|waiv(?:e|ed)|upgrad(?:e|ed)|ask(?:ed)?|submit(?:ted)?|turn(?:ed)? on|enabl(?:e|ed)|switch(?:ed)?|mov(?:e|ed)|reserv(?:e|ed)|h[eo]ld|email(?:ed)?|call(?:ed)?|help(?:ed)?|"
           r"process(?:ed)?|ship(?:ped)?|sort(?:ed)?|organi[sz](?:e|ed)|lock(?:ed)?|reopen(?:ed)?|restor(?:e|ed)|rais(?:e|ed)|"
           r"escalat(?:e|ed)|put|transfer(?:red)?|cover(?:ed)?|contribut(?:e|ed)|provid(?:e|ed)|unlock(?:ed)?|"
           r"rebook(?:ed)?|reschedul(?:e|ed)|spread|split|honou?r(?:ed)?|match(?:ed)?|fix(?:ed)?|found|made|request(?:ed)?|"
           r"start(?:ed)?|store|stored|keep|kept|walk|bring|brought|reship(?:ped)?|resend|resent|deliver(?:ed)?|collect(?:ed)?|pick(?:ed)? up)\b",
           r"\b(?:I|we)(?:'d| would) be (?:happy|glad|delighted) to\b",
           r"\b(?:I|we)(?:'d| would) (?:like|love) to (?:offer|give|send|arrange|book|credit|refund|add|help)\b",
           r"\b(?:I|we)(?:'ll| will| can| could) (?:also |then |gladly )?(?:check|look into|review|ask|find out|follow up|chase|keep an eye)\b",
           r"(?<!\bwish )(?<!\bif )\b(?:I|we) can (?!(?:see|understand|imagine|only|confirm|tell|assure|guarantee|promise|not)\b)\w+",
           r"\b(?:I|we) (?:do|also|still) (?:accept|offer|take|stock|sell|run|provide)\b",
           # a next step the customer can take, or a condition under which we will act
           r"\byou (?:can|could)(?:,? (?:however|though|instead|also),?)? (?:also |still |instead |always )?(?!(?:see|imagine|understand|appreciate|rest|not)\b)\w+",
           r"\bif you (?:can |could )?(?:send|reply|forward|bring|email|call|upload|let (?:me|us) know|get in touch)\b",
           r"\b(?:two|three|a few|several|other|a couple of) (?:options|ways|alternatives|choices|routes)\b",
           r"\bcan (?:still |instead )?be (?:moved|transferred|used|rebooked|rescheduled|carried over|applied|put towards|exchanged|swapped|deferred)\b",
           r"\b(?:store credit|gift card|voucher|coupon|discount|exchange|replacement|% off|percent off|free (?:of charge|upgrade|delivery|shipping|return|label)|"
           r"at no (?:extra )?cost|prepaid (?:return )?label|instead|alternatively|other option|another option|options?:)\b",
           r"\bwhat (?:I|we) can do\b", r"\bhere's what\b", r"\bwould you (?:like|prefer)\b", r"\bthe good news\b", r"\bif you'd (?:like|prefer|rather)\b")
DECLINE = rx(r"\b(?:can't|cannot|can not|unable to|won't be able to|am not able to|are not able to|aren't able to|(?<=')(?:m|re) not able to|isn't possible to|"
             r"not possible to|no longer|don't|do not|won't|will not|not (?:authori[sz]ed|permitted|allowed|in a position) to|no way (?:to|for (?:me|us) to))"
             r"\s+(?:be able to\s+)?(?:offer|restore|reactivate|carry out|swap|transfer|defer|unlock|release|refund|return|extend|cancel|exchange|accept|"
             r"waive|credit|replace|change|reverse|honou?r|match|process|give|provide|approve|grant|issue|make|reinstate|reopen|allow|do|take back|"
             r"remove|increase|reduce|compensate|cover|reimburse|arrange|send)\b",
             r"\b(?:refund|return|exchange|cancellation|extension|replacement|credit|exception|compensation|reimbursement)s? "
             r"(?:isn't|aren't|wasn't|is not|are not|was not|won't be|will not be) (?:possible|available|an option|allowed|permitted|granted)\b",
             r"\bisn't possible\b|\bis not possible\b|\bnot be possible\b",
             r"\b(?:can't|cannot|can not|won't|will not|couldn't|could not)\s+be\s+(?:refunded|returned|exchanged|cancell?ed|changed|"
             r"replaced|credited|accepted|waived|extended|reversed|reimbursed|compensated|honou?red|matched)\b",
             r"\b(?:isn't|is not|aren't|are not)\s+(?:refundable|returnable|exchangeable|eligible)\b|\bnon-?refundable\b",
             r"\b(?:I'm|I am) afraid (?:not|we can't|I can't|that's not)\b",
             # "So we won't be refunding the £90", "this isn't something we can cover"
             r"\b(?:we|I)\s*(?:won't|will not|aren't|are not|am not|'m not|'re not)\s+(?:be\s+)?(?:refunding|paying|offering|waiving|replacing|extending|"
             r"exchanging|cancell?ing|covering|reimbursing|compensating|issuing|crediting|arranging|changing|accepting|honou?ring|returning)\b",
             r"\b(?:isn't|is not|wasn't|was not) something (?:we|I) (?:can|could|are able to|am able to) (?:cover|refund|offer|replace|accept|pay|waive|do)\b",
             r"\b(?:we|I)(?:'ve| have)? (?:had to )?(?:decline|declined|deny|denied|reject|rejected|turn(?:ed)? down)\b",
             r"\bnot (?:eligible|entitled)\b|\bineligible\b",
             r"\bnon-?negotiable\b|\b(?:is|are) (?:final|non-?transferable)\b|\bno exceptions?\b",
             r"\b(?:fee|charge|deduction|penalty|fine|decision|valuation)s? (?:stands?|remains?|stays?|will (?:stand|remain|stay))\b",
             r"\b(?:I|we) (?:don't|do not) have (?:any |a |an )?(?:[\w-]+ ){0,2}(?:available|in stock|left)\b",
             r"\b(?:I|we) (?:can't|cannot|am not able to|'m not able to|are not able to|aren't able to) let\b",
             r"\b(?:can't|cannot|unable to|won't be able to|not able to|aren't able to) (?:pay|cover) (?:it|this|that|the claim|your claim|for)\b",
             # a price-match, a re-issue: the refused verb may be hyphenated onto a noun
             r"(?:\b(?:can't|cannot|unable to|not able to)|n't able to)\s+\w+-(?:match|issue|book|send|fund)\b")
TIME = rx(r"\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|week|month)|next (?:week|month|\w+day)|"
          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|within \d+|by \d|(?:\d+|one|two|three|four|five|a few) (?:to \d+ )?(?:business |working )?"
          r"(?:minutes?|hours?|days?|weeks?|months?|years?)|\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|"
          r"aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}|as soon as|straight away|right away|immediately|"
          r"on its way|already)\b")
MONEY = rx(r"(?:[$£€]\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*(?:\.\d{2})?\s?(?:dollars|pounds|euros|EUR|USD|GBP)\b|\b\d+\s?(?:%|percent)\b)")
REASON = rx(r"\b(?:because|due to|since|as a result|caused by|cause|the reason|that's why|which is why|so that|as your|comes? from|came from|"
            r"turned out|was (?:set|sent|charged|processed|moved|changed|delayed|flagged|blocked|cancelled)|that's how|the (?:fault|problem|issue) (?:is|was)|"
            r"what (?:went wrong|happened)|here's why|so (?:it|we|the|your|they|that)|(?:our|an?|the) (?:mistake|error|glitch|fault|bug|oversight|outage)|"
            r"(?:isn't|wasn't|aren't|weren't|didn't|doesn't|don't|hadn't) (?:part of|covered|included|eligible|set up|sent|processed|recorded|"
            r"registered|linked|attached|applied|updated|passed|placed))\b")
UPSET = rx(r"\b(?:furious|angry|livid|outraged|fuming|upset|frustrat\w*|annoy\w*|disappoint\w*|stress\w*|devastat\w*|heartbroken|gutted|worried|"
           r"anxious|panick\w*|fed up|sick (?:and tired )?of|unacceptable|ridiculous|disgrace\w*|disgust\w*|appall\w*|terrible|awful|horrible|"
           r"worst|joke|useless|pathetic|shocking|shocked|can't believe|cannot believe|how dare|ruin\w*|missed (?:my|our|the)|so sad|in tears|"
           r"nightmare|waste of|never again|had enough|at my wits|losing my patience|third time|second time|again!|still (?:no|not|waiting|haven't)|"
           r"scared|terrified|frightened|shaking|shaken|distressed|mortified|humiliat\w*|embarrass\w*|unbearable|lost everything|not acceptable|seriously|"
           r"worrying|outrage\w*|harass\w*|dread\w*|stuck|stranded|stolen|(?:can't|cannot|can not) cope|barely slept|(?:can't|cannot) sleep|"
           r"passed away|died|bereave\w*|buried|please help|does anyone (?:there |over there )?(?:care|read)|nobody (?:is )?(?:answer|help|respond)\w*)\b",
           r"!{2,}|\?{2,}")
SHOUTING = re.compile(r"\b[A-Z]{3,}\b[\s,!.]+\b[A-Z]{3,}\b|\b[A-Z]{5,}\b")  # case matters here
# Words of upset that are not the customer's own: worry about others ("I don't want to annoy anyone")
# and asking whether there is cause for it ("Should I be worried?", "Is it ruined?").
_NOT_UPSET = rx(r"\b(?:don't|do not|didn't|never) want (?:to|anyone to) (?:disappoint|annoy|upset|worry|bother|stress|inconvenience)\w*",
                r"\b(?:should I be|do I need to be|is (?:it|this|that|my \w+)) (?:\w+ )?(?:worried|stressed|ruined)\?")


def upset_words(message: str) -> list[str]:
    """The customer's own words of upset in the message."""
    return [m.group() for m in UPSET.finditer(_NOT_UPSET.sub(" ", message))]


def sounds_upset(message: str) -> bool:
    return bool(upset_words(message) or SHOUTING.search(message))


OUR_ERROR = rx(r"\byou(?:'ve| have)? (?:(?:also |then )?(?:cancelled|canceled|lost|forgot|missed|double[- ]charged|overcharged|messed|mixed|"
               r"broke|damaged|ignored|never|didn't|did not|failed|still haven't|keep))\b",
               r"\byou(?:'ve| have)? (?:charged|billed|debited|deducted|taken) (?:me )?(?:twice|double|two times|again|for something|without)\b",
               r"\b(?:sent|delivered|shipped|gave|given|received|got|charged|billed|arrived|came)\b[^.!?\n]{0,25}\b(?:wrong|incorrect|broken|"
               r"damaged|faulty|someone else's|the other)\b",
               r"\b(?:wrong|incorrect) (?:item|size|colou?r|order|product|model|parcel|amount|bill|price|charge) (?:arrived|came|was (?:sent|delivered|shipped|charged))\b",
               r"\b(?:you|your \w+) (?:told|promised|said|assured) (?:me|us)\b[^.!?\n]{0,80}\b(?:but|and now|yet|instead)\b",
               r"\bbut I (?:had )?(?:ordered|asked for|paid for|booked|chose|selected|requested)\b",
               # "charged twice", "You charged my card twice", "charged me $79.99 TWICE"
               r"\b(?:charged|billed|debited) (?:(?:me|my (?:card|account)) (?:\S+ ){0,5})?(?:twice|double|two times)\b|\bdouble[- ]charge\w*|\bovercharg\w*",
               # "my card shows two charges of $187.50"
               r"\b(?:two|2|duplicate|double) (?:identical )?(?:charges|payments|debits|transactions)\b",
               # what we sent or did, and what was wrong with it: "The bottle you sent says 10 mg, but my prescription is for 20 mg"
               r"\byou (?:sent|fitted|installed|gave|delivered|dispensed|supplied|replaced|repaired|serviced|fixed)\b[^.!?\n]{0,60}\bbut (?:my|it|the|they|I|we|fitted|sent|installed|put|used|gave)\b",
               r"\bafter (?:your|the) (?:latest |recent |last |new )?(?:app |software |system |firmware |website )?update\b",
               # the wrong thing came: "I ordered the light roast ... and got a dark roast instead", "came back still damp"
               r"\bI (?:ordered|booked|asked for|paid for|requested|chose)\b[^.!?\n]{0,80}\b(?:got|received|was sent|were sent|came|arrived|delivered)\b[^.!?\n]{0,40}\binstead\b",
               r"\bcame back\b[^.!?\n]{0,40}\bstill (?:damp|dirty|wet|broken|stained|faulty|not working|torn)\b",
               r"\byour (?:agent|technician|engineer|driver|staff|rep|representative|colleague|website|site|app|team|courier|system|store|person|employee|advisor|adviser)\s+"
               r"(?:told|said|didn't|did not|failed|missed|promised|never|forgot|gave|sent|charged|made|lost|was|were|left|cancelled|canceled)\b",
               r"\b(?:your|the) (?:last |other |\w+ )?(?:installer|fitter|officer|crew|nurse|hygienist|receptionist|cleaner|plumber|electrician|groomer|"
               r"tutor|teacher|instructor|mechanic|engineer|technician|driver|courier|staff|agent)s? (?:drilled|broke|damaged|scratched|dropped|shouted|"
               r"ignored|was (?:really |very |so )?(?:rough|rude|unhelpful))\b",
               r"\bnever (?:showed up|turned up|arrived|called (?:me )?back|got back|came)\b|\b(?:didn't|did not) (?:show up|turn up|call (?:me )?back)\b",
               r"\b(?:walker|driver|engineer|technician|cleaner|carer|caregiver|tutor|instructor|plumber|electrician|fitter|installer|crew|nurse|"
               r"groomer|sitter) (?:didn't|did not|never) (?:come|show|turn up|arrive)\b",
               r"\bnot what I ordered\b|\bI ordered\b[^.!?\n]{0,40}\bbut\b", r"\b(?:no one|nobody) (?:called|came|showed|turned up|knocked|answered|replied|got back)\b",
               r"\bhad (?:\w+ ){0,2}missing\b|\bmissing (?:from|in) (?:my|the|our) (?:order|box|delivery|parcel|bag|kit)\b",
               r"\bmissed (?:my |the |our )?(?:appointment|collection|delivery slot|call ?back|installation)\b",
               r"\b(?:hasn't|has not|haven't|have not|wasn't|was not|weren't) (?:been )?(?:collected|applied|processed|refunded|credited|fixed|delivered)\b")
# The customer's own slip: "We completely forgot about our booking and didn't show up" is not our error.
CUSTOMER_SLIP = rx(r"\b(?:I|we) (?:\w+ )?(?:forgot|overslept|missed (?:it|the|our|my)|got the (?:date|time|day) wrong|didn't (?:show up|turn up|come)|"
                   r"(?:booked|ordered|entered|typed|picked|chose) the wrong)\b",
                   r"\b(?:I|we) (?:[\w'-]+ ){1,6}by mistake\b|(?<!\bnot )(?<!n't )\b(?:my|our) (?:own )?(?:mistake|fault|error)\b")


def blames_us(message_sentences: Iterable[Sentence]) -> bool:
    """The customer's message (its sentences: ``CheckInput.message_sentences``) describes a mistake of ours, in a
    sentence that is not about their own slip."""
    return any(OUR_ERROR.search(sentence.text) for sentence in message_sentences if not CUSTOMER_SLIP.search(sentence.text))


DECISION_OUR_ERROR = rx(r"\b(?:our|agent|staff|pricing|billing|system|warehouse|picking|processing) (?:error|mistake|fault)\b",
                        r"\b(?:(?:error|mistake|fault|oversight) (?:by|on) us|(?:made|caused) by us|on our side|our side|our end|"
                        r"we (?:sent|charged|shipped|gave|made))\b", r"\bwrong information\b",
                        r"\bprocessed late\b", r"\bwrong (?:item|colou?r|size)\b")
# The decision finds the fault was not ours: "the order was placed with walnut selected",
# "cancellation was not completed (final confirm step not pressed)".
DECISION_NOT_OUR_ERROR = rx(r"\b(?:no error|not (?:an? |our )?(?:error|mistake|fault)|customer(?:'s)? (?:own )?(?:error|mistake|side|choice)|"
                            r"(?:was|were) (?:placed|ordered|selected|booked|entered|submitted) (?:with|as|for)|"
                            r"(?:was|were)(?: not|n't) (?:completed|pressed|submitted|confirmed|finished)|as ordered|applied correctly|"
                            r"(?:is|was) correct|nothing (?:further )?(?:we can|to) do)\b")


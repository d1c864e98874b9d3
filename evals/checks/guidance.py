"""The playbook passage behind each check, quoted from the bundled playbook and policy.

Quotes are exact excerpts of the cleaned documents (a test holds them to that), so a reviewer
sees the guidance in the playbook's own words with its title. ReplyCoach departs from the
playbook in one place: one article recommends white lies ("our phones were down"); the
fabrication check quotes the article that warns against hiding the truth instead.
"""

from __future__ import annotations

from functools import lru_cache

from evals.contracts import Guidance

QUOTES: dict[str, tuple[str, str, str]] = {
    # check: (collection, file, excerpt)
    "condescension": ("playbook", "bow-down-to-customer-service.txt",
                      "Take their complaint seriously. Never treat them like an idiot (It’s NOT fine, so don’t say it "
                      "is and expect them to believe you)."),
    "rule_quoting": ("playbook", "when-the-customer-is-to-blame.txt",
                     "Your best bet here is to learn how to say \"no\" in a way that sounds like \"yes.\" Instead of "
                     "quoting from the rules, become the customer's advocate in arranging an exchange of the product "
                     "or possibly give them a discount on a future purchase."),
    "passing_the_buck": ("playbook", "dealing-with-the-unhappy-customer.txt",
                         "Don't pass the buck. Whoever gets the irate customer first should have as much authority as "
                         "possible to resolve customer disputes. No one wants to be on hold while you \"talk with your "
                         "supervisor,\" or \"see what you can do,\" or be passed around."),
    "blame_or_excuse": ("playbook", "dealing-with-the-unhappy-customer.txt",
                        "Don't ever try to make excuses. Always acknowledge how upsetting the situation can be and "
                        "assure your customers that you want to provide them relief as quickly as possible."),
    "decline_without_alternative": ("playbook", "when-the-customer-is-to-blame.txt",
                                    "Instead of quoting from the rules, become the customer's advocate in arranging an "
                                    "exchange of the product or possibly give them a discount on a future purchase. "
                                    "This diverts a confrontation over the (unchangeable) rules into a shared effort "
                                    "to get justice together."),
    "unanswered_question": ("playbook", "bow-down-to-customer-service.txt",
                            "Same goes for answering ALL questions. There’s nothing worse than getting a stock "
                            "response, that only answers half of what you asked."),
    "missing_empathy": ("playbook", "dealing-with-the-unhappy-customer.txt",
                        "Validate their frustrations. Let them know that you understand why they are frustrated, and "
                        "that you care about eliminating their frustration."),
    "missing_ownership": ("playbook", "bow-down-to-customer-service.txt",
                          "If you made a mistake, own up to it. Don’t pass the buck. Take their complaint seriously."),
    "forbidden_promise": ("playbook", "when-the-customer-is-to-blame.txt",
                          "In avoiding bad customer service, the first thing to keep in mind is that sometimes you "
                          "just can't do what the customer wants."),
    "fabrication": ("playbook", "how-to-survive-bad-customer-service.txt",
                    "If you don’t, your customers will think you don’t really care, or that you’re trying to hide the "
                    "truth to make your business look better."),
    "placeholder": ("playbook", "bow-down-to-customer-service.txt",
                    "Take the few seconds needed to personalize the correspondence."),
    "personal_data": ("policy", "sample-policy-brightside-home-goods.md",
                      "Agents never ask for or repeat a full card number, a password or a security code."),
}


@lru_cache(maxsize=None)
def guidance_for(check: str) -> Guidance | None:
    if check not in QUOTES:
        return None
    from knowledge.documents import load_document
    from knowledge.store import bundled_folder

    collection, source, passage = QUOTES[check]
    document = load_document(bundled_folder(collection) / source)
    return Guidance(title=document.title, source=source, passage=passage)

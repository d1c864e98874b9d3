"""From a customer message to a reviewed reply: a chain of LangChain runnables.

    prepare  -> clean the message (trim quoted history), find the policy passages it touches
    analyse  -> what happened, feelings, questions, situation; a proposed decision if none given
    ground   -> playbook passages that fit the analysis; the decision and the offers
    write    -> the model writes the body (streamed); greeting and sign-off are added in code
    review   -> the gate (fast mode), then bounded repairs; the best candidate wins

Every prompt opens with the same system text and the customer's message, so llama.cpp's
prompt cache processes the message once for both model calls.
"""

from __future__ import annotations

import re
import time
from typing import Callable

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.runnables import RunnableLambda

from drafting.analysis import analyse, message_block
from drafting.contracts import CHANNELS, Draft, DraftRequest
from drafting.framing import HOLDING, clean_body, compose, drop_echoes, echoed_sentences
from drafting.grounding import (advice_lines, as_sources, passage_sentences, playbook_passages, playbook_query,
                                policy_passages, snippet)
from drafting.messages import LANGUAGE_NAMES, clean_message
from drafting.prompts import template, versions
from drafting.providers import chat_model, llm_errors, provider_info
from drafting.repair import answer_writer, best, repair, sentence_writer
from evals.checks.forbidden_promise import named_destinations, refuses
from evals.gate import review
from replycoach.errors import InputError
from replycoach.settings import Settings

TokenCallback = Callable[[str], None]
_DECLINING = re.compile(r"\b(?:decline[sd]?|refuse[sd]?|den(?:y|ied)|reject(?:ed)?|cannot|can't|won't|unable|not possible|"
                        r"no (?:refund|return|exchange|credit|replacement|compensation|cash|change)s?)\b", re.I)
# A refusal is a short answer that declines the task ("I'm sorry, but I can't assist with that."),
# not a reply that declines the customer ("I'm sorry, but I can't refund opened items").
_REFUSAL = re.compile(r"\b(?:can(?:'t|not) (?:assist|help) (?:you )?with (?:that|this)|can(?:'t|not) (?:process|fulfil|fulfill|comply with) "
                      r"(?:that|this|your) request|as an AI|unable to (?:assist|help|comply))\b", re.I)
REFUSAL_MAX_WORDS = 25
# Fewer words than this is no reply at all ("¡Hola! ¿En qué puedo ayudarte?"), in any language.
MIN_REPLY_WORDS = 8


def is_refusal(text: str) -> bool:
    return len(text.split()) <= REFUSAL_MAX_WORDS and bool(_REFUSAL.search(text))


# A reply that copies this many of the customer's sentences back has misread who is writing.
ECHOES_TO_RETRY = 2


def is_unusable(text: str, message: str = "") -> bool:
    """A refusal, too short to be a reply, or mostly the customer's own sentences handed back
    ("Could you please send me a prepaid return label?"): worth one more try."""
    if is_refusal(text) or len(text.split()) < MIN_REPLY_WORDS:
        return True
    return bool(message) and len(echoed_sentences(text, message)) >= ECHOES_TO_RETRY


_DECISION_OFFERS = re.compile(r"\b(?:offer|alternatively|instead)\b:?\s*(?P<offers>[^;.\n]+)", re.I)
LENGTH = {"email": ("3 to 5 sentences", 260), "chat": ("2 or 3 short sentences", 140)}


def decision_offers(decision: str | None) -> list[str]:
    """Alternatives named in a decision ("...; offer 50% store credit or 15% off" -> two offers)."""
    offers = []
    for match in _DECISION_OFFERS.finditer(decision or ""):
        offers += [part.strip(" ,") for part in re.split(r"\bor\b|,", match.group("offers")) if part.strip(" ,")]
    return offers


class DraftPipeline:
    """Drafts replies with the configured provider (or ``llm``, e.g. a fake in tests)."""

    def __init__(self, settings: Settings, llm=None):
        self.settings = settings
        self._llm = llm
        self.model_label = provider_info(settings).label if llm is None else type(llm).__name__
        self.system = template("system").render(company=settings.company_name)
        # Two halves, so the agent page can show the analysis and proposed decision before drafting.
        self.analysis_chain = RunnableLambda(self._prepare) | RunnableLambda(self._analyse)
        self.writing_chain = RunnableLambda(self._ground) | RunnableLambda(self._write) | RunnableLambda(self._review)
        self.chain = self.analysis_chain | self.writing_chain

    def llm(self, max_tokens: int, temperature: float = 0.3):
        return self._llm if self._llm is not None else chat_model(self.settings, temperature, max_tokens)

    def run(self, request: DraftRequest, on_token: TokenCallback | None = None) -> Draft:
        """Analyse and draft in one go (the CLI and the eval scripts)."""
        self._check(request)
        with llm_errors(self.settings):
            return self.chain.invoke({"request": request, "on_token": on_token, "started": time.perf_counter()})

    def analyse(self, request: DraftRequest) -> dict:
        """The first half: cleaned message, policy passages, analysis, proposed decision and offers."""
        self._check(request)
        with llm_errors(self.settings):
            state = self.analysis_chain.invoke({"request": request, "on_token": None, "started": time.perf_counter()})
        state["proposed_decision"] = state["analysis"].proposed_decision
        state["proposed_offers"] = decision_offers(state["analysis"].proposed_decision)
        return state

    def write(self, state: dict, request: DraftRequest, on_token: TokenCallback | None = None) -> Draft:
        """The second half, with the agent's (possibly edited) request: decision, offers, name, channel."""
        self._check(request)
        state = dict(state, request=request, on_token=on_token, started=time.perf_counter(), timings={})
        state.pop("_lap", None)
        with llm_errors(self.settings):
            return self.writing_chain.invoke(state)

    @staticmethod
    def _check(request: DraftRequest) -> None:
        if request.channel not in CHANNELS:
            raise InputError(f"unknown channel {request.channel!r}", "use email or chat")

    # -- steps (each takes and returns the state dict) ------------------------------------------

    @staticmethod
    def _lap(state: dict, step: str) -> None:
        """Record the seconds since the previous step (for the UI and the benchmark)."""
        now = time.perf_counter()
        timings = state.setdefault("timings", {})
        timings[step] = now - state.get("_lap", state["started"])
        state["_lap"] = now

    def _prepare(self, state: dict) -> dict:
        cleaned = clean_message(state["request"].message)
        state["message"], state["notes"], state["language"] = cleaned.text, list(cleaned.notes), cleaned.language
        state["policy"] = policy_passages(cleaned.text, self.settings)
        self._lap(state, "prepare")
        return state

    def _analyse(self, state: dict) -> dict:
        request = state["request"]
        facts = "\n".join(f"- {snippet(p.text, state['message'])}" for p in state["policy"][:2])
        state["analysis"], notes = analyse(self.llm(160, 0.0), self.system, state["message"], state["language"],
                                           facts, decision_given=bool(request.decision))
        state["notes"] += notes + self._drop_unsupported_proposal(state)
        self._lap(state, "analyse")
        return state

    @staticmethod
    def _drop_unsupported_proposal(state: dict) -> list[str]:
        """A proposal must come from the policy, not the customer: the small model sometimes
        proposes the customer's own demand ("send a $60 Amazon gift card instead"). One that
        sends money somewhere no policy sentence grants ("never paid ... by gift card" refuses) is withdrawn."""
        proposal = state["analysis"].proposed_decision
        granted = [line for p in state["policy"] for line in passage_sentences(p.text) if not refuses(line)]
        unsupported = named_destinations(proposal or "") - named_destinations(" ".join(granted))
        if not unsupported:
            return []
        state["analysis"] = state["analysis"].model_copy(update={"proposed_decision": ""})
        return [f"The model proposed \"{proposal}\", which sends money {' and '.join(sorted(unsupported))}; "
                "no policy passage found allows that, so no decision is proposed: decide before sending."]

    @staticmethod
    def _decision_and_offers(request: DraftRequest, analysis) -> tuple[str | None, list[str]]:
        """The agent's decision (else the proposed one) and the offers (else those the decision names)."""
        decision = request.decision or analysis.proposed_decision or None
        return decision, list(request.offers) or decision_offers(decision)

    def _ground(self, state: dict) -> dict:
        request, analysis = state["request"], state["analysis"]
        state["playbook"] = playbook_passages(analysis, self.settings)
        state["decision"], state["offers"] = self._decision_and_offers(request, analysis)
        state["is_proposal"] = not request.decision and bool(analysis.proposed_decision)
        self._lap(state, "ground")
        return state

    def _write(self, state: dict) -> dict:
        request, analysis = state["request"], state["analysis"]
        decision = state["decision"]
        declining = bool(decision and _DECLINING.search(decision)) or analysis.can_grant == "no"
        length, max_tokens = LENGTH[request.channel]
        query = playbook_query(analysis)
        prompt = template("draft").render(
            language=LANGUAGE_NAMES.get(analysis.language, "English"), feelings=analysis.feelings or "upset",
            ownership=" We made a mistake: say sorry and own it." if analysis.our_error else "",
            decision=(f"{decision} (proposed, not confirmed)" if state["is_proposal"] else decision)
            if decision else "look into it and reply soon; promise nothing else",
            offers=", or ".join(state["offers"]) or "nothing extra",
            questions="; ".join(analysis.questions) or "nothing was asked",
            advice=" ".join(advice_lines(state["playbook"], query)) or "Listen, and be warm and specific.",
            facts="" if request.decision or not state["policy"] else
            "Policy: " + snippet(state["policy"][0].text, state["message"], 30),
            length=length,
            decline="Say what we can do before what we can't, and never mention a policy or rule. " if declining else "",
        )
        messages = [SystemMessage(self.system), HumanMessage(message_block(state["message"]) + prompt)]
        body = clean_body(self._generate(messages, max_tokens, 0.4, state["on_token"], state))
        if is_unusable(body, state["message"]):  # small models sometimes refuse, only say hello or echo; one retry, warmer
            state["notes"].append("The model gave no usable reply once; asked again.")
            body = clean_body(self._generate(messages, max_tokens, 0.8, state["on_token"], state))
        body = drop_echoes(body, state["message"])
        if is_unusable(body):
            body = HOLDING.get(analysis.language, HOLDING["en"])
            state["notes"].append("The model returned no usable text; a holding reply was used instead.")
        state["text"] = compose(body, request.customer_name, request.channel, analysis.language, self.agent(request))
        self._lap(state, "write")
        return state

    def _generate(self, messages: list, max_tokens: int, temperature: float, on_token: TokenCallback | None,
                  state: dict) -> str:
        llm = self.llm(max_tokens, temperature)
        if not on_token:
            return str(llm.invoke(messages).content)
        parts = []
        for chunk in llm.stream(messages):
            if not parts:
                state["timings"].setdefault("first_token", time.perf_counter() - state["started"])
            parts.append(str(chunk.content))
            on_token(parts[-1])
        return "".join(parts)

    def reviewer(self, state: dict, request: DraftRequest, decision: str | None, offers: list[str]):
        sources = tuple(p.text for p in state["policy"])
        return lambda text: review(text, message=state["message"], decision=decision, offers=offers,
                                   customer_name=request.customer_name, sources=sources)

    def _repair(self, text: str, state: dict, request: DraftRequest, decision: str | None, offers: list[str]) -> list:
        """Review ``text`` and repair it: the candidates tried, the first being ``text`` as it is."""
        reviewer = self.reviewer(state, request, decision, offers)
        return repair(text, reviewer(text), reviewer, sentence_writer(self.llm(80, 0.2), self.system),
                      request.customer_name, offers, decision, answer=answer_writer(self.llm(70, 0.2), self.system))

    def fix(self, text: str, state: dict, request: DraftRequest) -> list:
        """Repair an (edited) draft with the agent's current decision and offers."""
        decision, offers = self._decision_and_offers(request, state["analysis"])
        with llm_errors(self.settings):
            return self._repair(text, state, request, decision, offers)

    def _review(self, state: dict) -> dict:
        request = state["request"]
        candidates = self._repair(state["text"], state, request, state["decision"], state["offers"])
        chosen = best(candidates)
        self._lap(state, "review")
        return Draft(
            text=chosen.text, review=chosen.review, analysis=state["analysis"],
            sources=as_sources(state["playbook"] + state["policy"]), decision=state["decision"],
            decision_is_proposal=state["is_proposal"], candidates=candidates, model=self.model_label,
            prompt_version=versions("system", "analysis", "draft", "repair", "answer"),
            seconds=time.perf_counter() - state["started"], notes=state["notes"],
            timings=dict(state["timings"]),
        )

    def agent(self, request: DraftRequest) -> str:
        return request.agent_name or self.settings.agent_name


def state_to_json(state: dict) -> dict:
    """The analysis half of the pipeline state, as JSON (so the agent page can save it)."""
    return {"message": state["message"], "notes": state["notes"], "language": state["language"],
            "policy": [p.to_record() for p in state["policy"]], "analysis": state["analysis"].model_dump()}


def state_from_json(data: dict) -> dict:
    from drafting.contracts import Analysis
    from knowledge.retrieval import Passage

    return {"message": data["message"], "notes": list(data["notes"]), "language": data["language"],
            "policy": [Passage(**record) for record in data["policy"]], "analysis": Analysis(**data["analysis"])}

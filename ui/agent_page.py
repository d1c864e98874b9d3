"""Draft a reply: paste or drop the customer's email, analyse, draft (streamed), review, edit,
rewrite, send. Everything the agent types or gets is saved as they work (the URL's ``w``
parameter names their workspace), so a reload or a model failure loses nothing."""

from __future__ import annotations

import uuid

import streamlit as st

from drafting.contracts import CHANNELS, DraftRequest
from drafting.eml import read_eml
from drafting.pipeline import state_from_json, state_to_json
from drafting.repair import best, replace_span
from drafting.rewrite import ACTIONS, rewrite
from evals.contracts import Review
from evals.gate import review
from knowledge.documents import decode_bytes
from replycoach.errors import ReplyCoachError
from sending.audit import Outgoing, send
from sending.workspace import load_workspace, save_workspace
from ui.components import LABELS, highlighted, verdict_badge
from ui.services import current_settings, pipeline

FIELDS = ("message", "customer_name", "customer_email", "subject", "channel", "decision", "offers_text", "draft",
          "override_reason", "custom_instruction")
STATE = ("analysis", "review", "undo", "meta", "sources", "notice", "error", "sent")
REWRITE_LABELS = {"shorter": "Shorter", "warmer": "Warmer", "formal": "More formal", "grammar": "Fix grammar"}

settings = current_settings()
ss = st.session_state


# -- workspace: restore on a new session, save after every change ------------------------------

def persist() -> None:
    data = {key: ss.get(key) for key in FIELDS + STATE}
    try:
        save_workspace(settings, ss.workspace_id, data)
    except ReplyCoachError as error:
        ss.error = f"Could not save your work: {error}"


def start_workspace(workspace_id: str | None = None) -> None:
    ss.workspace_id = workspace_id or uuid.uuid4().hex[:16]
    st.query_params["w"] = ss.workspace_id
    for key in FIELDS:
        ss[key] = "" if key != "channel" else "email"
    for key in STATE:
        ss[key] = [] if key == "undo" else None


if "workspace_id" not in ss:
    wanted = st.query_params.get("w")
    saved = load_workspace(settings, wanted) if wanted else None
    start_workspace(wanted if saved is not None else None)
    for key, value in (saved or {}).items():
        if key in FIELDS + STATE and value is not None:
            ss[key] = value


def current_review() -> Review | None:
    return Review.from_json(ss.review) if ss.review else None


def request() -> DraftRequest:
    offers = [line.strip(" -•") for line in (ss.offers_text or "").splitlines() if line.strip(" -•")]
    return DraftRequest(message=ss.message, customer_name=ss.customer_name.strip() or None, channel=ss.channel,
                        decision=ss.decision.strip() or None, offers=offers)


def set_draft(text: str) -> None:
    """Replace the draft (keeping the old one for undo) and review it again."""
    if ss.draft and ss.draft != text:
        ss.undo = (ss.undo or []) + [ss.draft]
    ss.draft = text
    recheck()


def recheck() -> None:
    if not (ss.draft or "").strip():
        ss.review = None
    else:
        try:
            ss.review = review(ss.draft, message=ss.message or None, decision=ss.decision or None,
                               offers=request().offers, customer_name=ss.customer_name or None).to_json()
        except ReplyCoachError as error:
            ss.error = str(error)
    persist()


def on_edit() -> None:
    """The agent edited the draft by hand: keep the previous text for undo, check again."""
    previous = ss.get("_last_draft")
    if previous and previous != ss.draft:
        ss.undo = (ss.undo or []) + [previous]
    recheck()


def load_upload() -> None:
    upload = ss.get("upload")
    if upload is None:
        return
    try:
        data = upload.getvalue()
        if upload.name.lower().endswith(".eml"):
            parsed = read_eml(data)
            ss.message, ss.subject = parsed.text, parsed.subject
            ss.customer_name = parsed.sender_name or ss.customer_name
            ss.customer_email = parsed.sender_address or ss.customer_email
        else:
            ss.message = decode_bytes(data, upload.name)
        ss.notice = f"Loaded {upload.name}."
    except ReplyCoachError as error:
        ss.error = str(error)
    persist()


def apply_suggestion(name: str) -> None:
    check = current_review().get(name) if current_review() else None
    if check and check.spans and check.suggestion is not None:
        set_draft(replace_span(ss.draft, check.spans[0], check.suggestion))


def undo() -> None:
    if ss.undo:
        ss.draft = ss.undo.pop()
        recheck()


def queue(action: str, argument: str | None = None) -> None:
    ss.pending = (action, argument)


def new_reply() -> None:
    start_workspace()


def do_send() -> None:
    result = current_review()
    try:
        sent = send(settings, Outgoing(
            reply=ss.draft, channel=ss.channel, customer_name=ss.customer_name or None,
            customer_email=ss.customer_email or None, subject=ss.subject or None, message=ss.message or None,
            decision=ss.decision or None, offers=request().offers, sources=ss.sources or [],
            model=(ss.meta or {}).get("model"), prompt_version=(ss.meta or {}).get("prompt_version"),
            override_reason=ss.override_reason if result and result.verdict == "revise" else None,
            workspace=ss.workspace_id))
    except ReplyCoachError as error:
        ss.error = f"Not sent: {error}. Your reply is kept."
        persist()
        return
    where = "by email" if sent.method == "smtp" else f"to the outbox ({sent.detail})"
    ss.sent = f"Sent {where}; recorded in History as #{sent.record_id}."
    persist()


# -- the long-running actions, run in the page body so they can show progress --------------------

def run_pending(draft_slot) -> None:
    action, argument = ss.pop("pending", (None, None)) or (None, None)
    if not action:
        return
    engine = pipeline(settings)
    try:
        if action == "analyse":
            with st.status("Reading the message and the policy...", expanded=False) as status:
                state = engine.analyse(request())
                ss.analysis = state_to_json(state) | {"for_message": ss.message}
                if not ss.decision.strip() and state["proposed_decision"]:
                    ss.decision = state["proposed_decision"]
                    ss.notice = "The decision was proposed from the policy: check it before drafting."
                if not ss.offers_text.strip() and state["proposed_offers"]:
                    ss.offers_text = "\n".join(state["proposed_offers"])
                status.update(label="Analysis ready", state="complete")
        elif action == "draft":
            if not ss.analysis or ss.analysis.get("for_message") != ss.message:  # new or edited message
                ss.analysis = state_to_json(engine.analyse(request())) | {"for_message": ss.message}
            shown = []

            def show(token: str) -> None:
                shown.append(token)
                draft_slot.markdown("".join(shown) + " ▌")

            with st.status("Drafting the reply...", expanded=False) as status:
                draft = engine.write(state_from_json(ss.analysis), request(), on_token=show)
                status.update(label=f"Drafted in {draft.seconds:.0f} s", state="complete")
            draft_slot.empty()
            ss.sources = [source.to_json() for source in draft.sources]
            ss.meta = {"model": draft.model, "prompt_version": draft.prompt_version, "notes": draft.notes,
                       "decision_is_proposal": draft.decision_is_proposal,
                       "candidates": [c.to_json() for c in draft.candidates]}
            set_draft(draft.text)
        elif action == "fix":
            with st.status("Fixing the flagged problems...", expanded=False):
                candidates = engine.fix(ss.draft, state_from_json(ss.analysis) if ss.analysis else rules_state(), request())
            set_draft(best(candidates).text)
            ss.notice = "; ".join(c.how for c in candidates[1:]) or "Nothing could be fixed automatically."
        elif action == "rewrite":
            with st.status("Rewriting...", expanded=False):
                result = rewrite(ss.draft, argument, settings, instruction=ss.custom_instruction,
                                 llm=engine.llm(400, 0.3), customer_name=ss.customer_name or None,
                                 message=ss.message or None, decision=ss.decision or None)
            set_draft(result.text)
            ss.notice = " ".join(result.notes) or f"Rewritten: {REWRITE_LABELS.get(argument, 'custom')}."
    except ReplyCoachError as error:
        ss.error = f"{error}. Nothing you typed was lost."
        persist()


def rules_state() -> dict:
    """A pipeline state for fixing a draft typed without an analysis (rule-based analysis only)."""
    from drafting.analysis import rule_analysis
    from drafting.messages import clean_message

    cleaned = clean_message(ss.message)
    return {"message": cleaned.text, "notes": cleaned.notes, "language": cleaned.language, "policy": [],
            "analysis": rule_analysis(cleaned.text, cleaned.language)}


# -- layout --------------------------------------------------------------------------------------

st.title("Draft a reply")
with st.sidebar:
    st.button("Start a new reply", on_click=new_reply, width="stretch")
    st.caption(f"Workspace {ss.workspace_id}: saved as you work. Reloading this page keeps everything.")

notices = st.container()  # filled after the pending action, so its outcome shows at once
left, right = st.columns([5, 6], gap="large")
draft_slot = right.empty()
run_pending(draft_slot)
with notices:
    if ss.get("error"):
        st.error(ss.error)
        ss.error = None
    if ss.get("notice"):
        st.info(ss.notice)
        ss.notice = None

with left:
    st.subheader("The customer")
    st.file_uploader("Drop an email (.eml or .txt)", type=["eml", "txt"], key="upload", on_change=load_upload)
    st.text_area("Customer's message", key="message", height=220, on_change=persist,
                 placeholder="Paste the customer's email or chat message here")
    name_col, email_col = st.columns(2)
    name_col.text_input("Customer name", key="customer_name", on_change=persist)
    email_col.text_input("Customer email", key="customer_email", on_change=persist)
    st.text_input("Subject", key="subject", on_change=persist)
    st.radio("Channel", CHANNELS, key="channel", horizontal=True, on_change=persist,
             format_func={"email": "Email (greeting and sign-off)", "chat": "Chat (short)"}.get)
    st.button("Analyse the message", on_click=queue, args=("analyse",), disabled=not (ss.message or "").strip(),
              help="Reads feelings, questions and the situation, looks up the policy and proposes a decision")
    st.text_area("Your decision", key="decision", height=80, on_change=persist,
                 placeholder="e.g. decline the refund (opened item); offer store credit or an exchange")
    st.text_area("Alternatives you can offer (one per line)", key="offers_text", height=80, on_change=persist)
    st.button("Draft reply", type="primary", on_click=queue, args=("draft",), disabled=not (ss.message or "").strip())

    if ss.analysis:
        analysis = ss.analysis["analysis"]
        with st.status("Analysis and sources", state="complete", expanded=False):
            st.markdown(f"**Situation:** {analysis['situation'].replace('_', ' ')}  \n"
                        f"**Feelings:** {analysis['feelings'] or 'not stated'}  \n"
                        f"**What happened:** {analysis['what_happened'] or '—'}  \n"
                        f"**Wants:** {analysis['wants'] or '—'}")
            if analysis["questions"]:
                st.markdown("**Questions asked:**\n" + "\n".join(f"- {q}" for q in analysis["questions"]))
            for source in ss.sources or ss.analysis["policy"]:  # after drafting: playbook + policy
                st.markdown(f"**{source['title']}** ({source['collection']})")
                st.caption(source["text"])

with right:
    st.subheader("The reply")
    result = current_review()
    ss._last_draft = ss.draft
    st.text_area("Reply (edit freely; it is checked again when you click away)", key="draft", height=300,
                 on_change=on_edit)
    tools = st.columns(4)
    tools[0].button("Check again", on_click=recheck, width="stretch")
    tools[1].button("Fix all", on_click=queue, args=("fix",), disabled=not (result and result.flagged),
                    width="stretch")
    tools[2].button("Undo", on_click=undo, disabled=not ss.undo, width="stretch")
    with tools[3].popover("Copy", width="stretch"):
        st.code(ss.draft or "", language=None, wrap_lines=True)
    rewrites = st.columns(len(ACTIONS))
    for column, action in zip(rewrites, ACTIONS):
        column.button(REWRITE_LABELS[action], on_click=queue, args=("rewrite", action), disabled=not ss.draft,
                      width="stretch")
    instruction, go = st.columns([4, 1])
    instruction.text_input("Your own rewrite instruction", key="custom_instruction", label_visibility="collapsed",
                           placeholder="Your own instruction, e.g. mention the new tracking link")
    go.button("Rewrite", on_click=queue, args=("rewrite", "custom"), disabled=not ss.draft, width="stretch")

    if result:
        st.divider()
        verdict_badge(result)
        st.markdown(highlighted(ss.draft, result), unsafe_allow_html=True)
        for check in result.flagged:
            with st.container(border=True):
                st.markdown(f"**{LABELS.get(check.name, check.name)}** · {check.severity}")
                if check.spans:
                    st.caption(" · ".join(f"“{span.text}”" for span in check.spans[:3]))
                st.write(check.reason)
                if check.guidance:
                    with st.expander(f"Why: {check.guidance.title}"):
                        st.write(f"“{check.guidance.passage}”")
                if check.suggestion is not None and check.spans:
                    label = f"Apply: replace with “{check.suggestion}”" if check.suggestion else "Apply: remove it"
                    st.button(label, key=f"apply-{check.name}", on_click=apply_suggestion, args=(check.name,))
        for note in result.notes + ((ss.meta or {}).get("notes") or []):
            st.caption(note)
        if ss.meta:
            st.caption(f"{ss.meta['model']} · prompts {ss.meta['prompt_version']}")

        st.divider()
        if result.verdict == "block":
            st.button("Send", disabled=True, help="Blocked replies cannot be sent", width="stretch")
        else:
            if result.verdict == "revise":
                st.text_input("Reason to send without fixing (recorded)", key="override_reason", on_change=persist)
            st.button("Send", type="primary", on_click=do_send, width="stretch",
                      disabled=result.verdict == "revise" and len((ss.override_reason or "").strip()) < 10)
    if ss.get("sent"):
        st.success(ss.sent)

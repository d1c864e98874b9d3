"""History: the replies sent, with their checks and overrides; filter them and export CSV."""

from __future__ import annotations

import streamlit as st

from replycoach.errors import ReplyCoachError
from sending.audit import history, history_csv
from ui.components import LABELS
from ui.services import current_settings

st.title("History")
settings = current_settings()

filters = st.columns([2, 2, 3])
verdict = filters[0].selectbox("Verdict when sent", ["any", "send", "revise"],
                               format_func={"any": "Any", "send": "Ready to send", "revise": "Sent with an override"}.get)
status = filters[1].selectbox("Status", ["sent", "failed"], format_func={"sent": "Sent", "failed": "Failed to send"}.get)
search = filters[2].text_input("Search replies, names and subjects")

try:
    rows = history(settings, status=status, verdict=None if verdict == "any" else verdict, search=search or None)
except ReplyCoachError as error:
    st.error(str(error))
    st.stop()

if not rows:
    st.info("Nothing here yet. Replies appear once they are sent from the Draft page.")
    st.stop()

st.download_button("Export as CSV", history_csv(rows), file_name="replycoach-history.csv", mime="text/csv")
st.dataframe(
    [{"#": r["id"], "When": r["created_at"].strftime("%Y-%m-%d %H:%M") if r["created_at"] else "", "Customer": r["customer_name"] or "",
      "Subject": r["subject"] or "", "Verdict": r["verdict"], "Flagged": ", ".join(r["flagged"]) or "none",
      "Override": r["override_reason"] or "", "Delivered": r["delivery"] or r["status"]} for r in rows],
    hide_index=True, width="stretch")

chosen = st.selectbox("Open a reply", [r["id"] for r in rows],
                      format_func=lambda rid: next(f"#{r['id']} {r['customer_name'] or ''}: {r['subject'] or ''}"
                                                   for r in rows if r["id"] == rid))
record = next(r for r in rows if r["id"] == chosen)
with st.container(border=True):
    st.markdown(f"**To:** {record['customer_name'] or ''} {('<' + record['customer_email'] + '>') if record['customer_email'] else ''}  \n"
                f"**Subject:** {record['subject'] or ''}  \n**Channel:** {record['channel']} · **Model:** {record['model'] or 'typed by hand'}"
                f" · **Prompts:** {record['prompt_version'] or '—'}")
    st.text(record["reply"])
    if record["override_reason"]:
        st.warning(f"Sent with an override: {record['override_reason']}")
    flagged = [c for c in record["checks"] if c["flagged"]]
    if flagged:
        st.markdown("**Flagged when sent:** " + "; ".join(LABELS.get(c["name"], c["name"]) + f" ({c['reason']})" for c in flagged))
    if record["sources"]:
        st.caption("Sources: " + "; ".join(f"{s['title']} ({s.get('collection', '')})" for s in record["sources"]))
    st.caption(f"Delivery: {record['delivery'] or 'not delivered'} · {record['delivery_detail'] or ''}")
